/* text.h - segmentation into sentences and tokens, as spans of the text. */
#ifndef ERG_TEXT_H
#define ERG_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "error.h"

/* Longest sentence the relation rules take, in tokens: the ceiling of
 * the user's limit, and its default.  Segmentation itself does not cut a
 * long sentence (cutting could drop the negation of what follows); the
 * extractor skips one that is over the limit. */
#define ERG_SENT_MAX_TOKENS 1000
#define ERG_SENT_DEFAULT_TOKENS 400

enum erg_tok_kind {
	ERG_TOK_WORD,   /* letters/digits, may hold . - & ' inside */
	ERG_TOK_NUM,    /* starts with a digit and holds no letter */
	ERG_TOK_POSS,   /* possessive 's or a lone trailing ' */
	ERG_TOK_PUNCT   /* one punctuation byte */
};

enum erg_tok_flags {
	ERG_TF_CAP = 1,    /* first character is an upper-case ASCII letter */
	ERG_TF_UPPER = 2,  /* two or more letters, all upper case */
	ERG_TF_ABBR = 4,   /* an abbreviation that took its final period */
	ERG_TF_NL = 8,     /* a line break precedes the token */
	ERG_TF_PARA = 16   /* a blank line precedes the token */
};

typedef struct {
	uint32_t off;   /* byte offset in the document text */
	uint32_t len;
	uint8_t kind;
	uint8_t flags;
} erg_token;

typedef struct {
	size_t off, len;     /* byte span of the sentence */
	size_t tok, ntok;    /* its tokens: toks[tok .. tok+ntok) */
} erg_sentence;

/* Split text into tokens and sentences, appending to toks (erg_token) and
 * sents (erg_sentence).  Abbreviations (U.S., Inc., Corp., Mr., No., ...)
 * do not end a sentence; a blank line always does. */
erg_err erg_text_segment(const char *text, size_t len, erg_vec *sents,
                         erg_vec *toks);

/* Write the lower-cased token with dots and inner hyphens removed into key (the form the
 * lexicon matches on); returns its length, or 0 if it does not fit. */
size_t erg_token_key(const char *s, size_t len, char *key, size_t keysz);

#endif
