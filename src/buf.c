/* buf.c - growable buffers with checked size arithmetic. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Grow capacity geometrically so that appends are amortised O(1); every
 * addition is checked against the cap before it can overflow. */
static erg_err grow(void **data, size_t *cap, size_t need, size_t elem)
{
	size_t ncap;
	void *p;

	if (need <= *cap)
		return ERG_OK;
	if (elem == 0 || need > ERG_BUF_MAX / elem)
		return ERG_ELIMIT;
	ncap = *cap ? *cap : 16;
	while (ncap < need)
		ncap = ncap > ERG_BUF_MAX / 2 / elem ? ERG_BUF_MAX / elem : ncap * 2;
	p = realloc(*data, ncap * elem);
	if (!p)
		return ERG_ENOMEM;
	*data = p;
	*cap = ncap;
	return ERG_OK;
}

erg_err erg_buf_reserve(erg_buf *b, size_t extra)
{
	erg_err e;

	if (extra > ERG_BUF_MAX - 1 - b->len)
		return ERG_ELIMIT;
	if ((e = grow((void **)&b->data, &b->cap, b->len + extra + 1, 1)))
		return e;
	/* a first allocation must be a string too (buf.h: data is always
	 * NUL-terminated when not NULL; erg_buf_steal relies on it) */
	b->data[b->len] = '\0';
	return ERG_OK;
}

erg_err erg_buf_append(erg_buf *b, const char *s, size_t n)
{
	erg_err e = erg_buf_reserve(b, n);

	if (e)
		return e;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return ERG_OK;
}

erg_err erg_buf_puts(erg_buf *b, const char *s)
{
	return erg_buf_append(b, s, strlen(s));
}

erg_err erg_buf_putc(erg_buf *b, char c)
{
	return erg_buf_append(b, &c, 1);
}

erg_err erg_buf_printf(erg_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;
	erg_err e;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return ERG_EINVAL;
	e = erg_buf_reserve(b, (size_t)n);
	if (e)
		return e;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return ERG_OK;
}

void erg_buf_clear(erg_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void erg_buf_free(erg_buf *b)
{
	if (!b)
		return;
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *erg_buf_steal(erg_buf *b)
{
	char *p;

	if (!b->data && erg_buf_reserve(b, 0))
		return NULL;
	p = b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void erg_vec_init(erg_vec *v, size_t elem)
{
	v->data = NULL;
	v->len = v->cap = 0;
	v->elem = elem;
}

void *erg_vec_push(erg_vec *v)
{
	char *p;

	if (v->len == (size_t)-1 || grow(&v->data, &v->cap, v->len + 1, v->elem))
		return NULL;
	p = (char *)v->data + v->len * v->elem;
	memset(p, 0, v->elem);
	v->len++;
	return p;
}

void *erg_vec_at(const erg_vec *v, size_t i)
{
	return i < v->len ? (char *)v->data + i * v->elem : NULL;
}

void erg_vec_clear(erg_vec *v)
{
	v->len = 0;
}

void erg_vec_free(erg_vec *v)
{
	if (!v)
		return;
	free(v->data);
	v->data = NULL;
	v->len = v->cap = 0;
}

char *erg_strndup(const char *s, size_t n)
{
	char *p;

	if (n == (size_t)-1)
		return NULL;
	p = malloc(n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

size_t erg_utf8_char(const unsigned char *s, size_t n, unsigned long *cp)
{
	unsigned long c = s[0];
	size_t len;

	if (c < 0x80) {
		if (cp)
			*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	if (cp)
		*cp = c;
	return len;
}
