/* text.c - tokenizer and sentence splitter. */
#include "text.h"

#include <string.h>

static int is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int is_alnum(unsigned char c)
{
	return is_alpha(c) || is_digit(c);
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static int is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

size_t erg_token_key(const char *s, size_t len, char *key, size_t keysz)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		/* "U.S." is "US", "H-20" is "H20" */
		if (c == '.' || (c == '-' && i > 0 && i + 1 < len))
			continue;
		if (n + 1 >= keysz)
			return 0;
		key[n++] = (char)(is_upper(c) ? c - 'A' + 'a' : c);
	}
	key[n] = '\0';
	return n;
}

/* Abbreviations that take their period and never end a sentence (titles),
 * and those that may end one when a clear sentence opener follows. */
static const char *const titles[] = {
	"Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt",
	"Col", "Capt", "Sgt", "St", "No", "Nos", "Jr", "Sr", "vs", "Vol",
	"Fig", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
	"Oct", "Nov", "Dec", "approx", "Dept", "Mt", "Ft", "Rev", "Hon", NULL
};
static const char *const suffixes[] = {
	"Inc", "Corp", "Co", "Ltd", "Bros", "Cos", "etc", "Plc", "plc", NULL
};
static const char *const openers[] = {
	"The", "A", "An", "It", "Its", "This", "That", "These", "Those", "They",
	"He", "She", "We", "I", "But", "And", "In", "On", "At", "However",
	"Meanwhile", "Last", "Earlier", "On", "After", "Before", "While", NULL
};

static int in_list(const char *const *list, const char *s, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && memcmp(*list, s, n) == 0)
			return 1;
	return 0;
}

/* "U.S", "U.K", "E.U": single letters joined by dots. */
static int is_initialism(const char *s, size_t n)
{
	size_t i;

	if (n < 3)
		return 0;
	for (i = 0; i < n; i++)
		if ((i % 2 == 0 && !is_alpha((unsigned char)s[i])) ||
		    (i % 2 == 1 && s[i] != '.'))
			return 0;
	return n % 2 == 1;
}

/* Scan one word starting at s[i] (an alnum byte); returns its end. */
static size_t scan_word(const char *s, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;

	while (i < len) {
		if (is_alnum(u[i])) {
			i++;
		} else if ((u[i] == '.' || u[i] == '-' || u[i] == '&' ||
		            u[i] == '/') &&
		           i + 1 < len && is_alnum(u[i + 1])) {
			i++;
		} else if (u[i] == '\'' && i + 1 < len && is_alpha(u[i + 1])) {
			/* 's ends the word (a possessive); other letters after an
			 * apostrophe belong to it (O'Brien), n't is split below */
			if ((u[i + 1] == 's' || u[i + 1] == 'S') &&
			    (i + 2 >= len || !is_alnum(u[i + 2])))
				break;
			i++;
		} else {
			break;
		}
	}
	return i;
}

static erg_err push_tok(erg_vec *toks, size_t off, size_t len, int kind,
                        int flags)
{
	erg_token *t;

	if (off > UINT32_MAX || len > UINT32_MAX - off)
		return ERG_ELIMIT;
	t = erg_vec_push(toks);
	if (!t)
		return ERG_ENOMEM;
	t->off = (uint32_t)off;
	t->len = (uint32_t)len;
	t->kind = (uint8_t)kind;
	t->flags = (uint8_t)flags;
	return ERG_OK;
}

static int word_flags(const char *s, size_t n)
{
	size_t i, letters = 0, upper = 0;
	int f = 0;

	if (n && is_upper((unsigned char)s[0]))
		f |= ERG_TF_CAP;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (is_upper(c))
			letters++, upper++;
		else if (is_lower(c))
			letters++;
	}
	if (letters >= 2 && upper == letters)
		f |= ERG_TF_UPPER;
	return f;
}

static erg_err tokenize(const char *s, size_t len, erg_vec *toks)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, j;
	int nl = 0;
	erg_err e;

	while (i < len) {
		if (is_space(u[i])) {
			if (u[i] == '\n')
				nl++;
			i++;
			continue;
		}
		int flags = nl ? ERG_TF_NL : 0;
		if (nl >= 2)
			flags |= ERG_TF_PARA;
		nl = 0;
		if (is_alnum(u[i])) {
			int kind = ERG_TOK_NUM;

			j = scan_word(s, len, i);
			for (size_t k = i; k < j; k++)
				if (is_alpha(u[k]))
					kind = ERG_TOK_WORD;
			flags |= word_flags(s + i, j - i);
			/* split a trailing n't so negation is its own token */
			if (j - i > 3 && memcmp(s + j - 3, "n't", 3) == 0) {
				if ((e = push_tok(toks, i, j - i - 3, kind, flags)) ||
				    (e = push_tok(toks, j - 3, 3, ERG_TOK_WORD, 0)))
					return e;
				i = j;
				continue;
			}
			/* an abbreviation keeps its period */
			if (j < len && u[j] == '.' &&
			    (is_initialism(s + i, j - i) ||
			     in_list(titles, s + i, j - i) ||
			     in_list(suffixes, s + i, j - i))) {
				j++;
				flags |= ERG_TF_ABBR;
			}
			if ((e = push_tok(toks, i, j - i, kind, flags)))
				return e;
			i = j;
		} else if (u[i] == '\'' && i > 0 && (u[i - 1] == 's') &&
		           toks->len &&
		           ((erg_token *)toks->data)[toks->len - 1].kind ==
		               ERG_TOK_WORD &&
		           ((erg_token *)toks->data)[toks->len - 1].off +
		                   ((erg_token *)toks->data)[toks->len - 1].len ==
		               i &&
		           (i + 1 >= len || !is_alnum(u[i + 1]))) {
			/* "the firms' shares": a plural possessive */
			if ((e = push_tok(toks, i, 1, ERG_TOK_POSS, flags)))
				return e;
			i++;
		} else if (u[i] == '\'' && i + 1 < len &&
		           (u[i + 1] == 's' || u[i + 1] == 'S') &&
		           (i + 2 >= len || !is_alnum(u[i + 2])) && i > 0 &&
		           (is_alnum(u[i - 1]) ||
		            (u[i - 1] == '.' && toks->len &&
		             (((erg_token *)toks->data)[toks->len - 1].flags &
		              ERG_TF_ABBR)))) {
			/* "Nvidia's", and "Co.'s" after an abbreviation */
			if ((e = push_tok(toks, i, 2, ERG_TOK_POSS, flags)))
				return e;
			i += 2;
		} else {
			/* a UTF-8 sequence that is not a letter still moves as one */
			j = i + 1;
			if ((e = push_tok(toks, i, j - i, ERG_TOK_PUNCT, flags)))
				return e;
			i = j;
		}
	}
	return ERG_OK;
}

/* Does a sentence end after token t (index i)? */
static int ends_after(const char *s, const erg_token *toks, size_t n,
                      size_t i)
{
	const erg_token *t = &toks[i], *nx;
	size_t k = i + 1;
	char c = s[t->off];

	if (k >= n)
		return 1;
	nx = &toks[k];
	if (nx->flags & ERG_TF_PARA)
		return 1;
	if (t->kind == ERG_TOK_PUNCT && (c == '.' || c == '!' || c == '?')) {
		/* closing quotes and brackets stay with the sentence; a quote
		 * after a space opens the next one */
		if (nx->kind == ERG_TOK_PUNCT &&
		    (s[nx->off] == '"' || s[nx->off] == ')' || s[nx->off] == '\'') &&
		    nx->off == t->off + t->len)
			return 0;
		if (nx->kind == ERG_TOK_PUNCT && (s[nx->off] == '.' ||
		                                  s[nx->off] == '!' ||
		                                  s[nx->off] == '?'))
			return 0;
		return !(nx->kind == ERG_TOK_WORD && !(nx->flags & ERG_TF_CAP) &&
		         !(nx->flags & ERG_TF_NL) &&
		         (unsigned char)s[nx->off] < 0x80);
	}
	/* a closing quote/bracket right after terminal punctuation */
	if (t->kind == ERG_TOK_PUNCT && (c == '"' || c == ')' || c == '\'') &&
	    i > 0 && toks[i - 1].kind == ERG_TOK_PUNCT) {
		char p = s[toks[i - 1].off];

		if (p == '.' || p == '!' || p == '?')
			return (nx->flags & (ERG_TF_CAP | ERG_TF_NL)) ||
			       nx->kind != ERG_TOK_WORD;
	}
	/* an abbreviation ends a sentence only before a clear opener */
	if (t->flags & ERG_TF_ABBR) {
		if (in_list(titles, s + t->off, t->len - 1))
			return 0;
		return nx->kind == ERG_TOK_WORD &&
		       in_list(openers, s + nx->off, nx->len);
	}
	/* a line break ends a line that is not hard-wrapped prose: a headline
	 * or a list item; wrapped prose continues in lower case */
	if (nx->flags & ERG_TF_NL)
		return !(nx->kind == ERG_TOK_WORD &&
		         is_lower((unsigned char)s[nx->off]));
	return 0;
}

erg_err erg_text_segment(const char *text, size_t len, erg_vec *sents,
                         erg_vec *toks)
{
	size_t first = toks->len, start, i, n;
	const erg_token *tk;
	erg_sentence *st;
	erg_err e;

	if ((e = tokenize(text, len, toks)))
		return e;
	tk = (const erg_token *)toks->data;
	n = toks->len;
	start = first;
	for (i = first; i < n; i++) {
		if (!ends_after(text, tk, n, i))
			continue;
		st = erg_vec_push(sents);
		if (!st)
			return ERG_ENOMEM;
		st->tok = start;
		st->ntok = i + 1 - start;
		st->off = tk[start].off;
		st->len = tk[i].off + tk[i].len - tk[start].off;
		start = i + 1;
	}
	return ERG_OK;
}
