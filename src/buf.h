/* buf.h - the growable string buffer and growable array used everywhere. */
#ifndef ERG_BUF_H
#define ERG_BUF_H

#include <stddef.h>

#include "error.h"

/* Hard cap on any single buffer or array, in bytes. */
#define ERG_BUF_MAX ((size_t)1 << 31)

/* A byte string, always NUL-terminated when data != NULL. */
typedef struct {
	char *data;
	size_t len;
	size_t cap;
} erg_buf;

#define ERG_BUF_INIT {NULL, 0, 0}

erg_err erg_buf_reserve(erg_buf *b, size_t extra);
erg_err erg_buf_append(erg_buf *b, const char *s, size_t n);
erg_err erg_buf_puts(erg_buf *b, const char *s);
erg_err erg_buf_putc(erg_buf *b, char c);
/* printf-style append; fails with ERG_ELIMIT past the cap. */
erg_err erg_buf_printf(erg_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void erg_buf_clear(erg_buf *b);
void erg_buf_free(erg_buf *b);
/* Hand the storage to the caller (NUL-terminated, never NULL on success). */
char *erg_buf_steal(erg_buf *b);

/* A growable array of fixed-size elements. */
typedef struct {
	void *data;
	size_t len;
	size_t cap;
	size_t elem;
} erg_vec;

#define ERG_VEC_INIT(type) {NULL, 0, 0, sizeof(type)}

void erg_vec_init(erg_vec *v, size_t elem);
/* Append one zeroed element; returns a pointer to it or NULL on failure.
 * Pointers into the array are invalidated by the next push. */
void *erg_vec_push(erg_vec *v);
void *erg_vec_at(const erg_vec *v, size_t i);
void erg_vec_clear(erg_vec *v);
void erg_vec_free(erg_vec *v);

/* Length (1-4) of the well-formed UTF-8 sequence at s (n > 0 bytes left),
 * or 0 if it is ill-formed: overlong, a surrogate, past U+10FFFF or cut
 * short.  Stores the code point in *cp when cp is not NULL. */
size_t erg_utf8_char(const unsigned char *s, size_t n, unsigned long *cp);

/* Duplicate n bytes as a NUL-terminated string; NULL on failure. */
char *erg_strndup(const char *s, size_t n);

#endif
