/* input.h - documents from the paths a user names: plain-text articles,
 * saved HTML pages and RSS/Atom feeds (each item a document), gzip or
 * not, folders walked recursively, "-" for standard input.  The format
 * is told from the bytes, never from the file name. */
#ifndef ERG_INPUT_H
#define ERG_INPUT_H

#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "ingest.h"

/* Defaults for the caps (see erg_input_limits). */
#define ERG_INPUT_TOTAL_MAX ((unsigned long long)16 << 30)

typedef struct erg_input erg_input;

/* Called per document, in input order; the document is freed after the
 * call.  A non-zero return stops reading and is passed back. */
typedef erg_err (*erg_input_doc_fn)(void *arg, erg_doc *doc);
/* Called for each file or item that could not be read; reading goes on. */
typedef void (*erg_input_skip_fn)(void *arg, const char *path, erg_err e,
                                  const erg_errinfo *ei);

erg_input *erg_input_new(erg_input_doc_fn doc, erg_input_skip_fn skip,
                         void *arg);
void erg_input_free(erg_input *in);

/* Caps: the largest document (bytes of text or page) and the most bytes
 * read over all inputs; 0 keeps the default. */
void erg_input_limits(erg_input *in, size_t max_doc,
                      unsigned long long max_total);

/* Read every document under path.  Per-file failures go to the skip
 * callback; the return is ERG_OK, the doc callback's error, or
 * ERG_ELIMIT when the total cap is reached. */
erg_err erg_input_read(erg_input *in, const char *path);

/* The files under path, in the order erg_input_read reads them (folders
 * walked, hidden names and loops left out), appended to files (char *,
 * each to be freed).  Paths that cannot be listed are appended as they are,
 * for erg_input_read to report. */
erg_err erg_input_list(const char *path, erg_vec *files);

/* Have dup called (with the doc callback's arg) for each document passed
 * over as a duplicate, before it is freed; a non-zero return stops
 * reading like the doc callback's.  NULL, the default, calls nothing. */
void erg_input_on_duplicate(erg_input *in, erg_input_doc_fn dup);

/* Documents passed over because one with the same id or text came
 * before. */
size_t erg_input_duplicates(const erg_input *in);

#endif
