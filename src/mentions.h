/* mentions.h - entity mentions, triggers and cues of a sentence, with
 * acronyms defined in the text and pronouns resolved. */
#ifndef ERG_MENTIONS_H
#define ERG_MENTIONS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "error.h"
#include "lexicon.h"
#include "text.h"

/* Most entities one item can stand for ("the companies" -> a list). */
#define ERG_GROUP_MAX 16

/* One unit of a sentence: a lexicon phrase, a resolved pronoun or a
 * single token with no meaning.  Spans index the document's tokens. */
typedef struct {
	size_t tok, ntok;
	erg_sense sense;
	int32_t ents[ERG_GROUP_MAX];  /* entities the item refers to */
	uint8_t nents;
	uint8_t coref;                /* ents came from a pronoun or description */
	uint8_t poss;                 /* the next item is a possessive 's */
} erg_item;

typedef struct erg_mentions erg_mentions;

/* Per-document state (acronyms defined so far, recent entities).  Names
 * of companies the lexicon lacks but the text shows by their form ("Foo
 * Microelectronics Co., Ltd.") are added to lx as they are found. */
erg_mentions *erg_mentions_new(erg_lexicon *lx);
void erg_mentions_free(erg_mentions *m);
/* Forget document state before the next document. */
void erg_mentions_reset(erg_mentions *m);

/* Turn sentence s of text into items (erg_item), appended to items after
 * clearing it.  Sentences must be fed in document order. */
erg_err erg_mentions_sentence(erg_mentions *m, const char *text,
                              const erg_token *toks, const erg_sentence *s,
                              erg_vec *items);

/* The entity of type t mentioned last within the coreference window, or
 * -1: what "the order" or "the rules" of an agency point back to. */
int32_t erg_mentions_recent(const erg_mentions *m, erg_etype t);

/* The lexicon the mentions come from. */
const erg_lexicon *erg_mentions_lexicon(const erg_mentions *m);

/* Type of the first entity of an item, or -1 if it refers to none. */
int erg_item_type(const erg_mentions *m, const erg_item *it);

#endif
