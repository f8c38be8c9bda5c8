/* relate.h - relation rules over the items of one sentence. */
#ifndef ERG_RELATE_H
#define ERG_RELATE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "error.h"
#include "lexicon.h"
#include "mentions.h"
#include "text.h"

typedef struct {
	erg_rel rel;
	int32_t subj, obj;     /* entity indexes in the lexicon */
	uint8_t negative;      /* the text denies it */
	uint8_t hedged;        /* the text only supposes, plans or asks it */
	uint8_t by_ref;        /* bit 0: the subject, bit 1: the object was
	                        * found through a pronoun or description
	                        * that the sentence leaves open (another
	                        * entity of its type is named before it) */
	const char *rule;      /* name of the rule that produced it */
	float confidence;      /* 0..1: the rule's reliability, lowered for
	                        * arguments found through coreference or far
	                        * from the trigger */
} erg_relation;

/* Apply the relation rules to the items of one sentence and append the
 * relations found (erg_relation) to out; duplicates within the sentence
 * are folded, an asserted reading winning over a hedged one. */
erg_err erg_relate_sentence(const erg_mentions *m, const char *text,
                            const erg_token *toks, const erg_item *items,
                            size_t nitems, erg_vec *out);

/* The same, appending to trace (when not NULL) one line per rule that
 * fired and per trigger that found no relation, with the reason: what
 * `extract --explain` shows. */
erg_err erg_relate_sentence_trace(const erg_mentions *m, const char *text,
                                  const erg_token *toks,
                                  const erg_item *items, size_t nitems,
                                  erg_vec *out, erg_buf *trace);

#endif
