/* ingest.h - read an article into a document: validated, normalised UTF-8. */
#ifndef ERG_INGEST_H
#define ERG_INGEST_H

#include <stddef.h>

#include "error.h"

/* Largest document accepted, in bytes. */
#define ERG_DOC_MAX ((size_t)64 << 20)

typedef struct {
	char *name;  /* the input path as given ("-" for stdin) */
	char *text;  /* normalised UTF-8 text, NUL-terminated */
	size_t len;  /* bytes in text */
} erg_doc;

/* Read a plain-text article from path ("-" reads stdin).  Fails with
 * ERG_EIO, ERG_EISDIR, ERG_EEMPTY, ERG_EBINARY, ERG_EUTF8 (ei->line tells
 * where) or ERG_ELIMIT. */
erg_err erg_doc_read(const char *path, erg_doc **out, erg_errinfo *ei);

/* Build a document from bytes in memory; same checks as erg_doc_read. */
erg_err erg_doc_from_mem(const char *name, const char *data, size_t len,
                         erg_doc **out, erg_errinfo *ei);

void erg_doc_free(erg_doc *d);

/* Normalise typographic punctuation into ASCII equivalents (curly quotes,
 * dashes, non-breaking and thin spaces, ellipsis), drop zero-width marks
 * and a BOM, and turn CRLF/CR into LF.  Appends to out. */
erg_err erg_text_normalise(const char *s, size_t len, char **out,
                           size_t *outlen);

#endif
