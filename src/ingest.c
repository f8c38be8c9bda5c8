/* ingest.c - plain-text articles: read, validate, normalise. */
#include "ingest.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"

/* ASCII replacement for a typographic code point, or NULL to keep it. */
static const char *replacement(unsigned long cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
	case 0x00AB: case 0x00BB:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
		return "-";
	case 0x2014: case 0x2015:
		return " - ";
	case 0x00A0: case 0x2002: case 0x2003: case 0x2007: case 0x2009:
	case 0x200A: case 0x202F: case 0x205F: case 0x3000:
		return " ";
	case 0x2026:
		return "...";
	case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
		return "";
	default:
		return NULL;
	}
}

erg_err erg_text_normalise(const char *s, size_t len, char **out,
                           size_t *outlen)
{
	erg_buf b = ERG_BUF_INIT;
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0, k;
	unsigned long cp;
	const char *r;
	erg_err e;

	if ((e = erg_buf_reserve(&b, len)))
		goto out;
	while (i < len) {
		if (u[i] == '\r') {
			if ((e = erg_buf_append(&b, s + run, i - run)) ||
			    (e = erg_buf_putc(&b, '\n')))
				goto out;
			i += (i + 1 < len && u[i + 1] == '\n') ? 2 : 1;
			run = i;
			continue;
		}
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		k = erg_utf8_char(u + i, len - i, &cp);
		if (k == 0) {
			e = ERG_EUTF8;
			goto out;
		}
		r = replacement(cp);
		if (r) {
			if ((e = erg_buf_append(&b, s + run, i - run)) ||
			    (e = erg_buf_puts(&b, r)))
				goto out;
			run = i + k;
		}
		i += k;
	}
	e = erg_buf_append(&b, s + run, len - run);
out:
	if (e) {
		erg_buf_free(&b);
		return e;
	}
	*outlen = b.len;
	*out = erg_buf_steal(&b);
	return *out ? ERG_OK : ERG_ENOMEM;
}

/* Reject what is not an article: NUL bytes, other C0 controls, invalid
 * UTF-8 (with the line where it happens) and whitespace-only text. */
static erg_err validate(const char *name, const char *data, size_t len,
                        erg_errinfo *ei)
{
	const unsigned char *u = (const unsigned char *)data;
	unsigned long line = 1, cp;
	size_t i = 0, k, ctrl = 0;
	int seen_text = 0;

	while (i < len) {
		/* LF, CRLF and a lone CR each end a line */
		if (u[i] == '\n' || (u[i] == '\r' && (i + 1 >= len || u[i + 1] != '\n')))
			line++;
		if (u[i] == 0)
			return erg_fail(ei, ERG_EBINARY, name, line, "NUL byte");
		if (u[i] < 0x20 && u[i] != '\n' && u[i] != '\r' && u[i] != '\t' &&
		    u[i] != '\f' && ++ctrl > 8)
			return erg_fail(ei, ERG_EBINARY, name, line,
			                "control characters");
		if (u[i] > ' ')
			seen_text = 1;
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		k = erg_utf8_char(u + i, len - i, &cp);
		if (k == 0)
			return erg_fail(ei, ERG_EUTF8, name, line,
			                "invalid UTF-8 sequence");
		i += k;
	}
	if (!seen_text)
		return erg_fail(ei, ERG_EEMPTY, name, 0, "no text");
	return ERG_OK;
}

erg_err erg_doc_from_mem(const char *name, const char *data, size_t len,
                         erg_doc **out, erg_errinfo *ei)
{
	erg_doc *d = NULL;
	erg_err e;

	*out = NULL;
	if (len > ERG_DOC_MAX)
		return erg_fail(ei, ERG_ELIMIT, name, 0, "document too large");
	if ((e = validate(name, data, len, ei)))
		return e;
	d = calloc(1, sizeof *d);
	if (!d || !(d->name = erg_strndup(name, strlen(name)))) {
		e = ERG_ENOMEM;
		goto out;
	}
	if ((e = erg_text_normalise(data, len, &d->text, &d->len)))
		goto out;
	/* a BOM or non-breaking spaces alone are no text once normalised */
	{
		size_t k = 0;

		while (k < d->len && (unsigned char)d->text[k] <= ' ')
			k++;
		if (k == d->len) {
			e = erg_fail(ei, ERG_EEMPTY, name, 0, "no text");
			goto out;
		}
	}
	*out = d;
	d = NULL;
out:
	erg_doc_free(d);
	return e;
}

erg_err erg_doc_read(const char *path, erg_doc **out, erg_errinfo *ei)
{
	erg_buf b = ERG_BUF_INIT;
	FILE *f = NULL;
	struct stat st;
	char chunk[65536];
	size_t n;
	erg_err e = ERG_OK;
	int is_stdin = strcmp(path, "-") == 0;

	*out = NULL;
	if (is_stdin) {
		f = stdin;
	} else {
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			return erg_fail(ei, ERG_EISDIR, path, 0, "is a directory");
		f = fopen(path, "rb");
		if (!f)
			return erg_fail(ei, ERG_EIO, path, 0, strerror(errno));
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + n > ERG_DOC_MAX) {
			e = erg_fail(ei, ERG_ELIMIT, path, 0, "document too large");
			goto out;
		}
		if ((e = erg_buf_append(&b, chunk, n)))
			goto out;
	}
	if (ferror(f)) {
		e = erg_fail(ei, ERG_EIO, path, 0, strerror(errno));
		goto out;
	}
	e = erg_doc_from_mem(path, b.data ? b.data : "", b.len, out, ei);
out:
	if (f && !is_stdin)
		fclose(f);
	erg_buf_free(&b);
	return e;
}

void erg_doc_free(erg_doc *d)
{
	if (!d)
		return;
	free(d->name);
	free(d->text);
	free(d->id);
	free(d->source);
	free(d->title);
	free(d->url);
	free(d->date);
	free(d);
}

erg_err erg_doc_key(const erg_doc *d, erg_buf *out)
{
	if (d->id_from_text || !d->id)
		return ERG_OK;
	if (d->url && strcmp(d->id, d->url) == 0)
		return erg_buf_printf(out, "url:%s", d->id);
	return erg_buf_printf(out, "guid:%s %s", d->id, d->url ? d->url : "");
}

erg_err erg_doc_identify(erg_doc *d)
{
	uint64_t h = 14695981039346656037u;
	char buf[32];

	if (!d->title) {
		/* a plain text's first line is its headline */
		size_t i = 0, n;

		while (i < d->len && (d->text[i] == ' ' || d->text[i] == '\n'))
			i++;
		for (n = 0; i + n < d->len && d->text[i + n] != '\n' && n < 300; n++)
			;
		while (n > 0 && d->text[i + n - 1] == ' ')
			n--;
		/* never cut a UTF-8 sequence */
		while (n > 0 && i + n < d->len &&
		       ((unsigned char)d->text[i + n] & 0xC0) == 0x80)
			n--;
		if (n && !(d->title = erg_strndup(d->text + i, n)))
			return ERG_ENOMEM;
	}
	if (d->id)
		return ERG_OK;
	if (d->url) {
		d->id = erg_strndup(d->url, strlen(d->url));
		return d->id ? ERG_OK : ERG_ENOMEM;
	}
	for (size_t i = 0; i < d->len; i++)
		h = (h ^ (unsigned char)d->text[i]) * 1099511628211u;
	snprintf(buf, sizeof buf, "hash:%016llx", (unsigned long long)h);
	d->id_from_text = 1;
	d->id = erg_strndup(buf, strlen(buf));
	return d->id ? ERG_OK : ERG_ENOMEM;
}
