/* extract.h - the pipeline from a document to its relations. */
#ifndef ERG_EXTRACT_H
#define ERG_EXTRACT_H

#include <stddef.h>

#include "error.h"
#include "ingest.h"
#include "lexicon.h"
#include "relate.h"

/* One relation found in a document, with its evidence sentence. */
typedef struct {
	erg_relation r;
	size_t start, end;  /* byte span of the sentence in doc->text */
	/* the names as the sentence writes them (the first mention there),
	 * as spans of doc->text; len 0 when the entity is only referred to
	 * ("it", "the regulator") or implied */
	size_t subj_off, subj_len, obj_off, obj_len;
} erg_found;

/* Called for each relation in document order; a non-zero return stops
 * the extraction and is passed back. */
typedef erg_err (*erg_found_fn)(void *arg, const erg_doc *doc,
                                const erg_found *f);

typedef struct erg_extractor erg_extractor;

/* An extractor holds the scratch space of the pipeline; reuse it across
 * documents to avoid allocating per document.  It adds the entities it
 * recognises by their form to lx (see erg_mentions_new). */
erg_extractor *erg_extractor_new(erg_lexicon *lx);
void erg_extractor_free(erg_extractor *x);

/* When explain is not NULL, erg_extract_doc appends to it a readable
 * account of each sentence that holds a trigger or two entities: the
 * mentions found, each rule that fired and each trigger that found no
 * relation, with the reason.  Pass NULL to stop. */
void erg_extractor_explain(erg_extractor *x, erg_buf *explain);

/* The longest sentence analysed, in tokens (1 to ERG_SENT_MAX_TOKENS;
 * ERG_SENT_DEFAULT_TOKENS until set).  A longer sentence is skipped, not
 * cut, and counted: see erg_extractor_skipped. */
erg_err erg_extractor_limit(erg_extractor *x, size_t max_tokens);

/* How many sentences of the last document were skipped as too long. */
size_t erg_extractor_skipped(const erg_extractor *x);

/* Segment, find mentions and apply the relation rules to doc. */
erg_err erg_extract_doc(erg_extractor *x, const erg_doc *doc,
                        erg_found_fn fn, void *arg);

#endif
