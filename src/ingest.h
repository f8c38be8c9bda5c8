/* ingest.h - read an article into a document: validated, normalised UTF-8. */
#ifndef ERG_INGEST_H
#define ERG_INGEST_H

#include <stddef.h>

#include "buf.h"
#include "error.h"

/* Largest document accepted, in bytes. */
#define ERG_DOC_MAX ((size_t)64 << 20)

typedef struct {
	char *name;   /* the input path as given ("-" for stdin); a feed's
	               * items are "PATH#N", N counting from 1 */
	char *text;   /* normalised UTF-8 text, NUL-terminated: for pages
	               * and feed items the title, a blank line, the body */
	size_t len;   /* bytes in text */
	char *id;     /* identity: guid, else canonical URL, else a hash of
	               * the text ("sha:..."); never NULL once read */
	char *source; /* where it came from: the file, or the feed's title */
	char *title;  /* headline, or NULL */
	char *url;    /* link or canonical URL, or NULL */
	char *date;   /* publication date, ISO 8601 UTC, or NULL */
	int id_from_text; /* id is the text's hash: no guid or URL */
} erg_doc;

/* Read a plain-text article from path ("-" reads stdin).  Fails with
 * ERG_EIO, ERG_EISDIR, ERG_EEMPTY, ERG_EBINARY, ERG_EUTF8 (ei->line tells
 * where) or ERG_ELIMIT. */
erg_err erg_doc_read(const char *path, erg_doc **out, erg_errinfo *ei);

/* Build a document from bytes in memory; same checks as erg_doc_read. */
erg_err erg_doc_from_mem(const char *name, const char *data, size_t len,
                         erg_doc **out, erg_errinfo *ei);

void erg_doc_free(erg_doc *d);

/* Fill d->id from its url, else a 64-bit hash of its text (FNV-1a, hex),
 * unless it has one; fill d->title from the first line of a plain text
 * when it has none. */
erg_err erg_doc_identify(erg_doc *d);

/* Append to out the key that makes two documents one article, in a name
 * space by kind, so that no id passes for another kind: "url:URL" when
 * its id is its URL, "guid:GUID LINK" for a feed's guid (unique only with
 * its link).  Nothing when the id is the text's own hash: the text then
 * identifies it.  The reader and the store both key documents this way. */
erg_err erg_doc_key(const erg_doc *d, erg_buf *out);

/* Normalise typographic punctuation into ASCII equivalents (curly quotes,
 * dashes, non-breaking and thin spaces, ellipsis), drop zero-width marks
 * and a BOM, and turn CRLF/CR into LF.  Appends to out. */
erg_err erg_text_normalise(const char *s, size_t len, char **out,
                           size_t *outlen);

#endif
