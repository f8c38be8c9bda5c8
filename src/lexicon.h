/* lexicon.h - entities, relation triggers and cue words, loaded from
 * plain-text data files (format: docs/lexicon.md). */
#ifndef ERG_LEXICON_H
#define ERG_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "text.h"

typedef enum { ERG_AGENCY, ERG_COMPANY, ERG_CHIP, ERG_NTYPES } erg_etype;

typedef enum {
	ERG_SUMMONED,
	ERG_PURCHASED,
	ERG_RESTRICTED,
	ERG_MAKES,
	ERG_NRELS
} erg_rel;

/* Word classes the relation rules use; each is a `cue` line class. */
typedef enum {
	ERG_CUE_NEGATION,  /* not, never, no ... */
	ERG_CUE_DENY,      /* denied, rejected: negates the clause after it */
	ERG_CUE_HEDGE,     /* might, could, plans to, considering ... */
	ERG_CUE_QUESTION,  /* why, whether, if: the clause is not asserted */
	ERG_CUE_DIRECTIVE, /* ordered, told, instructed, warned ... (X to/against) */
	ERG_CUE_HALT,      /* halt, stop, suspend: ongoing purchases end */
	ERG_CUE_AVOID,     /* avoid, refrain from: nothing was bought yet */
	ERG_CUE_USE,       /* using, buying, use, purchases: what is halted */
	ERG_CUE_MUST,      /* must, are required to: an obligation imposed */
	ERG_CUE_NEED,      /* need, obtain, apply for: ... a licence */
	ERG_CUE_LICENCE,   /* licence, permit: a licence requirement restricts */
	ERG_CUE_ADD,       /* added, placed, listed: ... to a list */
	ERG_CUE_LIST,      /* Entity List, blacklist: lists that restrict */
	ERG_CUE_LEGAL,     /* Co., Ltd, Inc.: ends a company name, not shown */
	ERG_CUE_CORPWORD,  /* Technologies, Group, Semiconductor: a company name */
	ERG_CUE_PREP,      /* of, on, for, from: a nominal trigger's object */
	ERG_CUE_BE,        /* is, was, were, been: passive auxiliaries */
	ERG_CUE_BY,        /* by: the agent of a passive */
	ERG_CUE_BREAK,     /* which, while, but, because: clause boundaries */
	ERG_CUE_INCLUDE,   /* including, such as: a list follows */
	ERG_CUE_FILLER,    /* words a noun phrase may hold before an entity */
	ERG_CUE_PRODUCT,   /* sale, exports, use: "its sale" means a chip */
	ERG_CUE_GROUP,     /* they, their, the companies: the last list */
	ERG_CUE_THECOMPANY,/* the company, the chipmaker: the last company */
	ERG_CUE_THEAGENCY, /* the regulator, the ministry: the last agency */
	ERG_CUE_THECHIP,   /* the chip, the processor: the last chip */
	ERG_CUE_ITS,       /* its: a chip before a product noun, else company */
	ERG_CUE_IT,        /* it: the agency or company mentioned last */
	ERG_CUE_CHIPNOUN,  /* chip, chips, processors: the head after a model */
	ERG_CUE_GENERIC,   /* companies, buyers: an unnamed group as an actor */
	ERG_CUE_MEASURE,   /* the order, the rules: a measure standing for its agency */
	ERG_CUE_CALL,      /* called: summoned when "... into a meeting" follows */
	ERG_CUE_SELL,      /* sold, shipped: the buyer after "to" purchased */
	ERG_CUE_AGENCYWORD,/* Ministry, Bureau, Administration: an agency's name */
	ERG_CUE_MEDIA,     /* Reuters, Bloomberg: sources, never actors */
	ERG_CUE_HEARSAY,   /* rumours that: hedges the clause after it */
	ERG_CUE_ORGWORD,   /* Association, Chamber: "China ... Association" is no state */
	ERG_NCUES
} erg_cue;

/* Cue classes are bits of a 64-bit mask. */
_Static_assert(ERG_NCUES <= 64, "too many cue classes for erg_sense.cues");

typedef struct {
	char *name;       /* canonical name */
	erg_etype type;
	char country[4];  /* ISO code, "EU", or "" */
} erg_entity;

/* What a phrase of the lexicon means; one phrase may carry several roles
 * (e.g. "ban" is a restricted verb and noun). */
typedef struct {
	int32_t entity;   /* index into entities, or -1 */
	uint16_t verbs;   /* bit r: a verb trigger of relation r */
	uint16_t nouns;   /* bit r: a noun trigger of relation r */
	uint64_t cues;    /* bit c: member of cue class c */
} erg_sense;

typedef struct erg_lexicon erg_lexicon;

erg_lexicon *erg_lexicon_new(void);
void erg_lexicon_free(erg_lexicon *lx);

/* Load the lexicon compiled into the program (data/rules.txt, data/entities.txt). */
erg_err erg_lexicon_load_default(erg_lexicon *lx, erg_errinfo *ei);
/* Load a lexicon file; later lines extend or override earlier ones. */
erg_err erg_lexicon_load_file(erg_lexicon *lx, const char *path,
                              erg_errinfo *ei);
/* Load lexicon text from memory; name is used in error messages. */
erg_err erg_lexicon_load_mem(erg_lexicon *lx, const char *name,
                             const char *data, size_t len, erg_errinfo *ei);

/* A name for what was loaded (the texts, in order, not their paths):
 * "lex:" and 16 hex digits.  Relations stored with one version are
 * re-extracted when the lexicon changes. */
#define ERG_LEXVER_SIZE 21
void erg_lexicon_version(const erg_lexicon *lx, char out[ERG_LEXVER_SIZE]);

size_t erg_lexicon_nentities(const erg_lexicon *lx);
const erg_entity *erg_lexicon_entity(const erg_lexicon *lx, size_t i);
/* Is the entity a state as a whole ("Chinese government", "US
 * government"), not a named body such as BIS or the CAC? */
int erg_entity_is_state(const erg_entity *e);
/* Index of the entity with this canonical name and type, or -1. */
int32_t erg_lexicon_find(const erg_lexicon *lx, const char *name,
                         erg_etype type);
/* Add an entity (or find the existing one); returns its index or -1. */
int32_t erg_lexicon_add_entity(erg_lexicon *lx, const char *name,
                               erg_etype type, const char *country);

/* Add one alias (a phrase of up to 16 words) for an entity. */
erg_err erg_lexicon_add_alias(erg_lexicon *lx, int32_t entity,
                              const char *form);

/* Longest phrase starting at toks[i] (of n tokens) in text: returns its
 * length in tokens (0 if none) and its meaning in *sense. */
size_t erg_lexicon_match(const erg_lexicon *lx, const char *text,
                         const erg_token *toks, size_t i, size_t n,
                         erg_sense *sense);

const char *erg_etype_name(erg_etype t);
const char *erg_rel_name(erg_rel r);
/* Parse names; return -1 if unknown. */
int erg_etype_parse(const char *s);
int erg_rel_parse(const char *s);

#endif
