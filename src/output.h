/* output.h - relations as JSON Lines or TSV, escaped for each format. */
#ifndef ERG_OUTPUT_H
#define ERG_OUTPUT_H

#include <stdio.h>

#include "error.h"
#include "extract.h"
#include "lexicon.h"

typedef enum { ERG_OUT_JSONL, ERG_OUT_TSV } erg_outfmt;

/* Write one relation found in doc as one line on f.  Returns ERG_EIO if
 * the stream reports an error. */
erg_err erg_output_found(FILE *f, erg_outfmt fmt, const erg_lexicon *lx,
                         const erg_doc *doc, const erg_found *found);

/* Append s (n bytes) to b as the body of a JSON string. */
erg_err erg_json_escape(erg_buf *b, const char *s, size_t n);

#endif
