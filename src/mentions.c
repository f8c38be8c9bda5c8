/* mentions.c - lexicon matching, in-text acronyms and coreference.
 *
 * Coreference is deliberately shallow: a pronoun or definite description
 * takes the most recent entity of the type it implies, within a few
 * sentences, and a plural one takes the most recent list of companies.
 * News prose keeps its referents close, and a wrong long-range guess
 * costs more precision than a miss costs recall. */
#include "mentions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many sentences back a pronoun may reach. */
#define COREF_WINDOW 3
#define ACRONYM_MAX 32

typedef struct {
	char key[ACRONYM_MAX];
	int32_t ent;
} acronym;

struct erg_mentions {
	erg_lexicon *lx;
	erg_vec acronyms;          /* acronym */
	size_t sentno;
	int32_t last[ERG_NTYPES];  /* most recent entity of each type */
	size_t last_at[ERG_NTYPES];
	size_t last_seq[ERG_NTYPES];   /* order of those mentions */
	size_t seq;
	int32_t before[ERG_NTYPES];    /* last[] as the sentence began */
	size_t before_at[ERG_NTYPES];
	int32_t body, body_before;     /* last named agency, not a government */
	size_t body_at, body_before_at;
	int32_t topic;                 /* first actor of the previous sentence */
	size_t topic_at;
	int32_t group[ERG_GROUP_MAX];  /* most recent list of companies */
	uint8_t ngroup;
	size_t group_at;
	int32_t prev_company;          /* the company named before last[] */
	size_t prev_company_at;
};

erg_mentions *erg_mentions_new(erg_lexicon *lx)
{
	erg_mentions *m = calloc(1, sizeof *m);

	if (!m)
		return NULL;
	m->lx = lx;
	erg_vec_init(&m->acronyms, sizeof(acronym));
	erg_mentions_reset(m);
	return m;
}

void erg_mentions_free(erg_mentions *m)
{
	if (!m)
		return;
	erg_vec_free(&m->acronyms);
	free(m);
}

void erg_mentions_reset(erg_mentions *m)
{
	erg_vec_clear(&m->acronyms);
	m->sentno = 0;
	for (int t = 0; t < ERG_NTYPES; t++)
		m->last[t] = m->before[t] = -1;
	m->body = m->body_before = -1;
	m->topic = -1;
	m->ngroup = 0;
	m->prev_company = -1;
}

int32_t erg_mentions_recent(const erg_mentions *m, erg_etype t)
{
	/* sentno has moved past the sentence being related; a named body
	 * (BIS, the CAC) issues measures rather than a whole government */
	if (t == ERG_AGENCY && m->body_before >= 0 &&
	    m->sentno - m->body_before_at <= COREF_WINDOW + 1)
		return m->body_before;
	if (m->before[t] < 0 || m->sentno - m->before_at[t] > COREF_WINDOW + 1)
		return -1;
	return m->before[t];
}

/* "Chinese government", "US government": a state as a whole. */
static int is_government(const erg_lexicon *lx, int32_t e)
{
	return erg_entity_is_state(erg_lexicon_entity(lx, (size_t)e));
}

const erg_lexicon *erg_mentions_lexicon(const erg_mentions *m)
{
	return m->lx;
}

int erg_item_type(const erg_mentions *m, const erg_item *it)
{
	if (!it->nents)
		return -1;
	return (int)erg_lexicon_entity(m->lx, (size_t)it->ents[0])->type;
}

static int32_t find_acronym(const erg_mentions *m, const char *s, size_t n)
{
	const acronym *a = m->acronyms.data;

	if (n >= ACRONYM_MAX)
		return -1;
	for (size_t i = 0; i < m->acronyms.len; i++)
		if (strlen(a[i].key) == n && memcmp(a[i].key, s, n) == 0)
			return a[i].ent;
	return -1;
}

static erg_err add_acronym(erg_mentions *m, const char *s, size_t n,
                           int32_t ent)
{
	acronym *a;

	if (n >= ACRONYM_MAX || find_acronym(m, s, n) >= 0)
		return ERG_OK;
	if (m->acronyms.len >= 4096)
		return ERG_OK; /* a document defining thousands is not news */
	a = erg_vec_push(&m->acronyms);
	if (!a)
		return ERG_ENOMEM;
	memcpy(a->key, s, n);
	a->key[n] = '\0';
	a->ent = ent;
	return ERG_OK;
}

static int is_punct(const char *text, const erg_token *t, char c)
{
	return t->kind == ERG_TOK_PUNCT && text[t->off] == c;
}

static int is_word(const char *text, const erg_token *t, const char *w)
{
	size_t n = strlen(w);

	return t->len == n && strncasecmp(text + t->off, w, n) == 0;
}

static void set_ents(erg_item *it, const int32_t *ents, size_t n, int coref)
{
	if (n > ERG_GROUP_MAX)
		n = ERG_GROUP_MAX;
	memcpy(it->ents, ents, n * sizeof *ents);
	it->nents = (uint8_t)n;
	it->coref = (uint8_t)coref;
}

/* Is this item a list connector (",", "and", "or", "&")? */
static int is_connector(const char *text, const erg_token *toks,
                        const erg_item *it)
{
	const erg_token *t = &toks[it->tok];

	if (it->ntok != 1)
		return 0;
	return is_punct(text, t, ',') || is_punct(text, t, '&') ||
	       is_word(text, t, "and") || is_word(text, t, "or");
}

/* Is token t one of the words of the NULL-terminated list w? */
static int word_in(const char *text, const erg_token *t,
                   const char *const *w)
{
	for (; *w; w++)
		if (is_word(text, t, *w))
			return 1;
	return 0;
}

/* "owner of TikTok", "unit of Nvidia": words for one company owning
 * another */
static const char *const owner_words[] = {
	"owner", "parent", "operator", "developer", "unit", "subsidiary", NULL};

/* "both companies", "the two firms": a group of exactly two. */
static int dual_group(const char *text, const erg_token *toks,
                      const erg_item *it)
{
	return it->ntok >= 2 && (is_word(text, &toks[it->tok], "both") ||
	                         is_word(text, &toks[it->tok + 1], "two"));
}

/* Resolve a pronoun or description item against recent entities. */
static void resolve(erg_mentions *m, erg_item *it, const erg_item *next,
                    int32_t actor_before, int dual)
{
	uint64_t c = it->sense.cues;
	int want = -1;

	/* "China has built computers with its own chip": its is the
	 * sentence's actor; "Since 2019, it has sanctioned ...": it goes on
	 * with the actor the previous sentence opened with */
	if ((c & (UINT64_C(1) << ERG_CUE_ITS)) && actor_before >= 0 &&
	    !(next && (next->sense.cues & (UINT64_C(1) << ERG_CUE_PRODUCT)))) {
		set_ents(it, &actor_before, 1, 1);
		return;
	}
	if ((c & (UINT64_C(1) << ERG_CUE_IT)) && actor_before < 0 && m->topic >= 0 &&
	    m->sentno - m->topic_at == 1) {
		int other = erg_lexicon_entity(m->lx, (size_t)m->topic)->type ==
		                    ERG_AGENCY
		                ? ERG_COMPANY
		                : ERG_AGENCY;

		set_ents(it, &m->topic, 1, 1);
		if (m->last[other] >= 0 &&
		    m->sentno - m->last_at[other] <= COREF_WINDOW) {
			it->ents[1] = m->last[other];
			it->nents = 2;
		}
		return;
	}

	/* "restricted their sale" after "... bought HBM chips": the chips' */
	if ((c & (UINT64_C(1) << ERG_CUE_GROUP)) && it->ntok == 1 && next &&
	    (next->sense.cues & (UINT64_C(1) << ERG_CUE_PRODUCT)) &&
	    m->last[ERG_CHIP] >= 0 &&
	    m->sentno - m->last_at[ERG_CHIP] <= COREF_WINDOW &&
	    m->last_seq[ERG_CHIP] > m->last_seq[ERG_COMPANY]) {
		set_ents(it, &m->last[ERG_CHIP], 1, 1);
		return;
	}
	if (c & (UINT64_C(1) << ERG_CUE_GROUP)) {
		if (m->ngroup && m->sentno - m->group_at <= COREF_WINDOW) {
			set_ents(it, m->group, m->ngroup, 1);
		} else if (dual && m->prev_company >= 0 && m->last[ERG_COMPANY] >= 0 &&
		           m->sentno - m->prev_company_at <= COREF_WINDOW) {
			/* "Both companies" after two named apart */
			int32_t two[2] = {m->prev_company, m->last[ERG_COMPANY]};

			set_ents(it, two, 2, 1);
		}
		return;
	}
	if ((c & (UINT64_C(1) << ERG_CUE_ITS)) && next &&
	    (next->sense.cues & (UINT64_C(1) << ERG_CUE_PRODUCT)) &&
	    m->last[ERG_CHIP] >= 0) {
		/* "its sale" is a product's */
		want = ERG_CHIP;
	} else if ((c & (UINT64_C(1) << ERG_CUE_ITS)) &&
	           !(next && (next->sense.nouns & ((1u << ERG_RESTRICTED) |
	                                           (1u << ERG_SUMMONED))))) {
		/* "its shares" a company's; "its ban" an actor's, as "it" */
		want = ERG_COMPANY;
	} else if (c & ((UINT64_C(1) << ERG_CUE_IT) | (UINT64_C(1) << ERG_CUE_ITS))) {
		/* "it" is whichever actor was named last */
		want = m->last[ERG_AGENCY] >= 0 &&
		               (m->last[ERG_COMPANY] < 0 ||
		                m->last_seq[ERG_AGENCY] > m->last_seq[ERG_COMPANY])
		           ? ERG_AGENCY
		           : ERG_COMPANY;
	} else if (c & (UINT64_C(1) << ERG_CUE_THECOMPANY)) {
		want = ERG_COMPANY;
	} else if (c & (UINT64_C(1) << ERG_CUE_THEAGENCY)) {
		want = ERG_AGENCY;
	} else if (c & (UINT64_C(1) << ERG_CUE_THECHIP)) {
		want = ERG_CHIP;
	}
	if (want >= 0 && m->last[want] >= 0 &&
	    m->sentno - m->last_at[want] <= COREF_WINDOW)
		set_ents(it, &m->last[want], 1, 1);
	/* "it" keeps the other actor as a second reading, for a slot that
	 * only one of them fits ("the CAC summoned it") */
	if ((c & (UINT64_C(1) << ERG_CUE_IT)) && it->nents == 1) {
		int other = want == ERG_AGENCY ? ERG_COMPANY : ERG_AGENCY;

		if (m->last[other] >= 0 &&
		    m->sentno - m->last_at[other] <= COREF_WINDOW) {
			it->ents[1] = m->last[other];
			it->nents = 2;
		}
	}
}

/* Remember entities in order; a run of companies joined by connectors
 * becomes the group "they" and "the companies" refer to. */
static void remember(erg_mentions *m, const char *text, const erg_token *toks,
                     erg_item *items, size_t n)
{
	int32_t run[ERG_GROUP_MAX];
	size_t nrun = 0;
	int gap_ok = 1;
	int described = -1; /* plain words since the last "and", or -1 */

	for (size_t i = 0; i < n; i++) {
		erg_item *it = &items[i];
		int t = erg_item_type(m, it);

		/* "China's ability", "exports to China": a state named in
		 * passing is not what a later "it" or "the regulator" means */
		if (t == ERG_AGENCY && !it->coref &&
		    (it->poss ||
		     (i > 0 && (items[i - 1].sense.cues & (UINT64_C(1) << ERG_CUE_PREP)))))
			continue;
		if (t >= 0 && !it->coref) {
			if (t == ERG_COMPANY && m->last[t] >= 0 &&
			    m->last[t] != it->ents[it->nents - 1]) {
				m->prev_company = m->last[t];
				m->prev_company_at = m->last_at[t];
			}
			m->last[t] = it->ents[it->nents - 1];
			m->last_at[t] = m->sentno;
			m->last_seq[t] = ++m->seq;
			if (t == ERG_AGENCY && !is_government(m->lx, m->last[t])) {
				m->body = m->last[t];
				m->body_at = m->sentno;
			}
		}
		/* "TikTok owner ByteDance" names ByteDance */
		if (t == ERG_COMPANY && !it->coref && i + 2 < n &&
		    items[i + 1].ntok == 1 &&
		    (is_word(text, &toks[items[i + 1].tok], "owner") ||
		     is_word(text, &toks[items[i + 1].tok], "parent")) &&
		    erg_item_type(m, &items[i + 2]) == ERG_COMPANY) {
			i++;
			continue;
		}
		/* "ByteDance, owner of TikTok, and ...": the owned company
		 * describes a member and is none */
		if (t == ERG_COMPANY && !it->coref && i >= 2 &&
		    items[i - 1].ntok == 1 && items[i - 2].ntok == 1 &&
		    is_word(text, &toks[items[i - 1].tok], "of") &&
		    word_in(text, &toks[items[i - 2].tok], owner_words))
			continue;
		if (t == ERG_COMPANY && !it->coref) {
			int seen = 0;

			if (!gap_ok)
				nrun = 0;
			/* "TikTok owner ByteDance" names one company twice */
			for (size_t k = 0; k < nrun; k++)
				seen |= run[k] == it->ents[0];
			if (!seen && nrun < ERG_GROUP_MAX)
				run[nrun++] = it->ents[0];
			gap_ok = 1;
			if (nrun >= 2) {
				memcpy(m->group, run, nrun * sizeof *run);
				m->ngroup = (uint8_t)nrun;
				m->group_at = m->sentno;
			}
			described = -1;
			continue;
		}
		if (is_connector(text, toks, it)) {
			described = 0;
			continue;
		}
		if (it->sense.cues & (UINT64_C(1) << ERG_CUE_FILLER))
			continue;
		/* "Huawei and the Chinese state-backed group Phytium": a few
		 * plain words describing the next member stay in the list */
		if (described >= 0 && described < 3 && t < 0 && it->ntok == 1 &&
		    !it->sense.cues && !it->sense.verbs && !it->sense.nouns &&
		    toks[it->tok].kind == ERG_TOK_WORD) {
			described++;
			continue;
		}
		gap_ok = 0;
		described = -1;
	}
}

/* "Ascend 910B, 910C and 910D": a bare model code after a chip in a
 * list shares the chip's family name, when the lexicon knows the result. */
/* The entity of this name and type, added to the lexicon (with its name
 * as an alias) when the text is the first to show it; -1 on failure. */
static int32_t learn(erg_mentions *m, const char *name, erg_etype type)
{
	int32_t id = erg_lexicon_find(m->lx, name, type);

	if (id >= 0)
		return id;
	id = erg_lexicon_add_entity(m->lx, name, type, "");
	if (id < 0 || erg_lexicon_add_alias(m->lx, id, name))
		return -1;
	return id;
}

static int model_code(const char *text, const erg_token *t);

static void elliptic_model(erg_mentions *m, const char *text,
                           const erg_token *toks, erg_item *it, size_t i)
{
	const erg_token *t = &toks[it[i].tok];
	const erg_entity *prev;
	const char *sp;
	char name[160];
	size_t j = i, digits = 0;
	int32_t id;

	if (it[i].ntok != 1 || t->kind == ERG_TOK_PUNCT || t->len > 16)
		return;
	for (size_t k = 0; k < t->len; k++)
		digits += text[t->off + k] >= '0' && text[t->off + k] <= '9';
	if (!digits)
		return;
	while (j > 0 && is_connector(text, toks, &it[j - 1]))
		j--;
	if (j == i || j == 0 || erg_item_type(m, &it[j - 1]) != ERG_CHIP)
		return;
	prev = erg_lexicon_entity(m->lx, (size_t)it[j - 1].ents[0]);
	sp = strrchr(prev->name, ' ');
	if (!sp || (size_t)(sp - prev->name) + t->len + 2 > sizeof name)
		return;
	snprintf(name, sizeof name, "%.*s %.*s", (int)(sp - prev->name),
	         prev->name, (int)t->len, text + t->off);
	id = erg_lexicon_find(m->lx, name, ERG_CHIP);
	if (id < 0 && model_code(text, t))
		id = learn(m, name, ERG_CHIP);
	if (id >= 0)
		set_ents(&it[i], &id, 1, 0);
}

/* Can the bracketed word a be the short form of the n-token name at t?
 * An acronym starts with the name's initial and has no more letters than
 * the name has words, give or take one ("China (CSAC)" is no definition);
 * a plain word must be one of the name's words ("(Jinhua)"). */
static int defines(const char *text, const erg_token *t, size_t n,
                   const erg_token *a)
{
	size_t words = 0;

	for (size_t k = 0; k < n; k++)
		if (t[k].kind == ERG_TOK_WORD) {
			words++;
			if (!(a->flags & ERG_TF_UPPER) && t[k].len == a->len &&
			    memcmp(text + t[k].off, text + a->off, a->len) == 0)
				return 1;
		}
	if (!(a->flags & ERG_TF_UPPER))
		return 0;
	return (text[a->off] | 0x20) == (text[t[0].off] | 0x20) &&
	       a->len <= words + 1;
}

/* Sense of the single token at i. */
static erg_sense token_sense(const erg_mentions *m, const char *text,
                             const erg_token *toks, size_t i)
{
	erg_sense s = {-1, 0, 0, 0};

	erg_lexicon_match(m->lx, text, toks, i, i + 1, &s);
	return s;
}

static int tok_cue(const erg_mentions *m, const char *text,
                   const erg_token *toks, size_t i, erg_cue c)
{
	return (token_sense(m, text, toks, i).cues & (UINT64_C(1) << c)) != 0;
}

/* Past a company name: its legal form and corporate words ("Huawei
 * Technologies Co., Ltd.") belong to the mention.  Returns the new end. */
static size_t absorb_suffixes(const erg_mentions *m, const char *text,
                              const erg_token *toks, size_t j, size_t end)
{
	while (j < end) {
		if (tok_cue(m, text, toks, j, ERG_CUE_LEGAL) ||
		    tok_cue(m, text, toks, j, ERG_CUE_CORPWORD)) {
			j++;
		} else if (j + 1 < end && is_punct(text, &toks[j], ',') &&
		           tok_cue(m, text, toks, j + 1, ERG_CUE_LEGAL) &&
		           (toks[j + 1].flags & ERG_TF_CAP)) {
			j += 2;
		} else {
			break;
		}
	}
	return j;
}

/* Title-case lines (headlines) capitalise every word, so the shape of a
 * name proves nothing there. */
static int title_case(const char *text, const erg_token *toks,
                      const erg_sentence *s)
{
	size_t words = 0, caps = 0;
	const erg_token *last = &toks[s->tok + s->ntok - 1];

	/* a headline carries no final stop */
	if (last->kind == ERG_TOK_PUNCT &&
	    (text[last->off] == '.' || text[last->off] == '!' ||
	     text[last->off] == '?'))
		return 0;

	for (size_t i = s->tok; i < s->tok + s->ntok; i++)
		if (toks[i].kind == ERG_TOK_WORD) {
			words++;
			caps += (toks[i].flags & ERG_TF_CAP) != 0;
		}
	return words >= 4 && caps * 10 > words * 6;
}

/* A name the lexicon lacks, recognised by its form: capitalised words
 * ending in a corporate word or legal form ("Fujian Jinhua Integrated
 * Circuit Co."), learned as a company.  Returns the tokens it spans, 0 if
 * there is none at i. */
static size_t unknown_company(erg_mentions *m, const char *text,
                              const erg_token *toks, size_t i, size_t end,
                              int32_t *ent)
{
	size_t j = i, last_name = i, nsuffix = 0, stop;
	char name[256];
	size_t nlen = 0;

	while (j < end && j < i + 8 && toks[j].kind == ERG_TOK_WORD &&
	       (toks[j].flags & ERG_TF_CAP)) {
		erg_sense s = token_sense(m, text, toks, j);

		if (s.cues & ((UINT64_C(1) << ERG_CUE_LEGAL) | (UINT64_C(1) << ERG_CUE_CORPWORD))) {
			if (j == i)
				return 0;
			nsuffix++;
		} else if (s.entity >= 0 || s.cues || s.verbs || s.nouns) {
			break;
		} else if (nsuffix) {
			break;
		} else {
			last_name = j;
		}
		j++;
	}
	if (!nsuffix)
		return 0;
	stop = absorb_suffixes(m, text, toks, last_name + 1, end);
	/* the canonical keeps corporate words, drops the legal form */
	for (size_t k = i; k < stop; k++) {
		const erg_token *t = &toks[k];

		if (tok_cue(m, text, toks, k, ERG_CUE_LEGAL) ||
		    t->kind == ERG_TOK_PUNCT)
			break;
		if (nlen + t->len + 2 > sizeof name)
			return 0;
		if (nlen)
			name[nlen++] = ' ';
		memcpy(name + nlen, text + t->off, t->len);
		nlen += t->len;
	}
	name[nlen] = '\0';
	if (!nlen)
		return 0;
	*ent = erg_lexicon_find(m->lx, name, ERG_COMPANY);
	if (*ent < 0) {
		char *sp1, *sp2;

		if ((*ent = learn(m, name, ERG_COMPANY)) < 0)
			return 0;
		/* "Fujian Jinhua Integrated Circuit" is later "Fujian Jinhua" */
		sp1 = strchr(name, ' ');
		sp2 = sp1 ? strchr(sp1 + 1, ' ') : NULL;
		if (sp2 && last_name - i >= 2) {
			*sp2 = '\0';
			erg_sense s2;
			size_t k2;
			erg_vec t2 = ERG_VEC_INIT(erg_token), s2v =
			                 ERG_VEC_INIT(erg_sentence);

			/* only when the short form means nothing else yet */
			if (!erg_text_segment(name, strlen(name), &s2v, &t2) &&
			    ((k2 = erg_lexicon_match(m->lx, name, t2.data, 0, t2.len,
			                             &s2)) == 0 ||
			     k2 < t2.len))
				erg_lexicon_add_alias(m->lx, *ent, name);
			erg_vec_free(&t2);
			erg_vec_free(&s2v);
		}
	}
	return stop - i;
}

/* An agency the lexicon lacks, by its name's form: "Ministry of Digital
 * Affairs", "Bureau of Export Control", "National Cyber Security
 * Administration".  Learned for the run, like unknown companies.  Returns
 * the tokens it spans, 0 if there is none at i. */
static size_t unknown_agency(erg_mentions *m, const char *text,
                             const erg_token *toks, size_t i, size_t end,
                             int32_t *ent)
{
	size_t j = i, last = i, heads = 0;
	char name[256];
	size_t nlen = 0;

	while (j < end && j < i + 10) {
		const erg_token *t = &toks[j];
		erg_sense s = token_sense(m, text, toks, j);
		int joiner = t->kind == ERG_TOK_WORD && !(t->flags & ERG_TF_CAP) &&
		             (is_word(text, t, "of") || is_word(text, t, "for") ||
		              is_word(text, t, "and") || is_word(text, t, "on"));

		if (joiner && j > i && j + 1 < end &&
		    (toks[j + 1].flags & ERG_TF_CAP) &&
		    toks[j + 1].kind == ERG_TOK_WORD) {
			j++;
			continue;
		}
		if (t->kind != ERG_TOK_WORD || !(t->flags & ERG_TF_CAP) ||
		    s.entity >= 0 || s.verbs || s.nouns)
			break;
		if (s.cues & (UINT64_C(1) << ERG_CUE_AGENCYWORD))
			heads++;
		else if (s.cues & ~((UINT64_C(1) << ERG_CUE_FILLER) |
		                    (UINT64_C(1) << ERG_CUE_PREP)))
			break;
		last = j++;
	}
	/* the head opens ("Ministry of ...") or closes ("... Administration") */
	if (!heads || last == i ||
	    (!tok_cue(m, text, toks, i, ERG_CUE_AGENCYWORD) &&
	     !tok_cue(m, text, toks, last, ERG_CUE_AGENCYWORD)))
		return 0;
	for (size_t k = i; k <= last; k++) {
		if (nlen + toks[k].len + 2 > sizeof name)
			return 0;
		if (nlen)
			name[nlen++] = ' ';
		memcpy(name + nlen, text + toks[k].off, toks[k].len);
		nlen += toks[k].len;
	}
	name[nlen] = '\0';
	*ent = learn(m, name, ERG_AGENCY);
	return *ent < 0 ? 0 : last + 1 - i;
}

/* "B40", "MI350", "910D": a product code. */
static int model_code(const char *text, const erg_token *t)
{
	size_t digits = 0, upper = 0;

	if (t->kind == ERG_TOK_PUNCT || t->len < 2 || t->len > 10)
		return 0;
	for (size_t k = 0; k < t->len; k++) {
		char c = text[t->off + k];

		if (c >= '0' && c <= '9')
			digits++;
		else if (c >= 'A' && c <= 'Z')
			upper++;
		else if (c != '-')
			return 0;
	}
	return digits >= 2 && upper >= 1 && upper <= 4;
}

/* A chip the lexicon lacks: a model code after a chip family ("Ascend
 * 910D"), after a company's possessive ("Nvidia's B40"), or before a chip
 * noun ("H800 chips"). */
static int32_t unknown_chip(erg_mentions *m, const char *text,
                            const erg_token *toks, const erg_item *prev,
                            size_t i, size_t end)
{
	const erg_token *t = &toks[i];
	char name[160];
	int ok = 0;

	/* "AMD Instinct GPUs": a product family between maker and noun */
	if (!model_code(text, t)) {
		if (!prev || !prev->nents || erg_item_type(m, prev) != ERG_COMPANY ||
		    t->kind != ERG_TOK_WORD || !(t->flags & ERG_TF_CAP) ||
		    (t->flags & ERG_TF_UPPER) || i + 1 >= end ||
		    !tok_cue(m, text, toks, i + 1, ERG_CUE_CHIPNOUN) ||
		    token_sense(m, text, toks, i).cues)
			return -1;
		ok = 1;
	}
	if (prev && prev->nents &&
	    erg_item_type(m, prev) == ERG_CHIP && prev->ntok == 1 &&
	    !strchr(erg_lexicon_entity(m->lx, (size_t)prev->ents[0])->name, ' '))
		return -2; /* extends the family item: handled by the caller */
	/* "Ascend 910B, 910C": a bare code in a chip list is elliptic */
	if (prev && is_connector(text, toks, prev))
		return -1;
	if (prev && prev->ntok == 1 && toks[prev->tok].kind == ERG_TOK_POSS)
		ok = 1;
	if (i + 1 < end && tok_cue(m, text, toks, i + 1, ERG_CUE_CHIPNOUN))
		ok = 1;
	if (!ok || t->len >= sizeof name)
		return -1;
	snprintf(name, sizeof name, "%.*s", (int)t->len, text + t->off);
	return learn(m, name, ERG_CHIP);
}

/* "Ascend" + "910D" -> the chip "Ascend 910D". */
static int32_t family_model(erg_mentions *m, const char *text,
                            const erg_token *t, int32_t family)
{
	char name[160];

	snprintf(name, sizeof name, "%s %.*s",
	         erg_lexicon_entity(m->lx, (size_t)family)->name, (int)t->len,
	         text + t->off);
	return learn(m, name, ERG_CHIP);
}

/* Is item i a single capitalised word the lexicon knows nothing of? */
static int bare_name(const erg_mentions *m, const char *text,
                     const erg_token *toks, const erg_item *it)
{
	const erg_token *t = &toks[it->tok];

	(void)m;
	(void)text;
	/* "Shield AI": a filler word capitalised inside a name counts */
	return it->ntok == 1 && !it->nents && t->kind == ERG_TOK_WORD &&
	       (t->flags & ERG_TF_CAP) &&
	       !(it->sense.cues & ~(UINT64_C(1) << ERG_CUE_FILLER)) &&
	       !it->sense.verbs && !it->sense.nouns;
}

/* "15 U.S. companies, including Skydio and Shield AI": names listed
 * after a group of companies are companies, known or not.  Runs of bare
 * capitalised words there are learned and merged into one item each. */
static erg_err listed_companies(erg_mentions *m, const char *text,
                                const erg_token *toks, erg_vec *items)
{
	erg_item *it = items->data;
	size_t n = items->len, w = 0;

	for (size_t i = 0; i < n; i++) {
		int group = 0;

		if (!(it[i].sense.cues & (UINT64_C(1) << ERG_CUE_INCLUDE)))
			continue;
		for (size_t k = i; k-- > 0 && i - k <= 10;)
			if (it[k].sense.cues & (UINT64_C(1) << ERG_CUE_GENERIC))
				group = 1;
		if (!group)
			continue;
		for (size_t j = i + 1, skipped = 0, named = 0; j < n;) {
			size_t e = j;
			char name[160];
			size_t len = 0;
			int32_t id;

			if (is_connector(text, toks, &it[j]) || it[j].nents) {
				named |= it[j].nents != 0;
				j++;
				continue;
			}
			/* "including Chinese chip equipment makers Naura": a
			 * description before the name is not part of it, and a
			 * name does not start with a filler word */
			if (it[j].ntok == 1 && !it[j].sense.verbs &&
			    !it[j].sense.nouns &&
			    ((it[j].sense.cues &
			      ((UINT64_C(1) << ERG_CUE_FILLER) |
			       (UINT64_C(1) << ERG_CUE_GENERIC) |
			       (UINT64_C(1) << ERG_CUE_CHIPNOUN))) ||
			     (!it[j].sense.cues && !(toks[it[j].tok].flags & ERG_TF_CAP) &&
			      toks[it[j].tok].kind == ERG_TOK_WORD)) &&
			    !named && ++skipped <= 5) {
				j++;
				continue;
			}
			while (e < n && e < j + 4 && bare_name(m, text, toks, &it[e]))
				e++;
			if (e == j)
				break;
			for (size_t k = j; k < e; k++) {
				const erg_token *t = &toks[it[k].tok];

				if (len + t->len + 2 > sizeof name)
					break;
				if (len)
					name[len++] = ' ';
				memcpy(name + len, text + t->off, t->len);
				len += t->len;
			}
			name[len] = '\0';
			if ((id = learn(m, name, ERG_COMPANY)) < 0)
				return ERG_ENOMEM;
			/* the run becomes its first item; the rest are emptied and
			 * dropped below */
			set_ents(&it[j], &id, 1, 0);
			named = 1;
			it[j].ntok = it[e - 1].tok + it[e - 1].ntok - it[j].tok;
			for (size_t k = j + 1; k < e; k++)
				it[k].ntok = 0;
			j = e;
		}
	}
	for (size_t i = 0; i < n; i++)
		if (it[i].ntok)
			it[w++] = it[i];
	items->len = w;
	return ERG_OK;
}

/* The chip that the single token one names by itself, or -1: the part
 * of a longer word ("H20s", "Blackwell-based") that is a chip. */
static int32_t chip_of(const erg_mentions *m, const char *text,
                       const erg_token *one)
{
	erg_sense ps;

	if (erg_lexicon_match(m->lx, text, one, 0, 1, &ps) == 1 &&
	    ps.entity >= 0 &&
	    erg_lexicon_entity(m->lx, (size_t)ps.entity)->type == ERG_CHIP)
		return ps.entity;
	return -1;
}

/* The chip of a word "CHIP-based", "CHIP-powered", "CHIP-equipped", or
 * -1. */
static int32_t chip_based(const erg_mentions *m, const char *text,
                          const erg_token *t)
{
	static const char *const suffix[] = {"-based", "-powered", "-equipped",
	                                     "-class", NULL};
	int32_t id;

	for (const char *const *p = suffix; *p; p++) {
		size_t k = strlen(*p);
		erg_token one = *t;

		if (t->len <= k + 1 ||
		    strncasecmp(text + t->off + t->len - k, *p, k) != 0)
			continue;
		one.len -= k;
		if ((id = chip_of(m, text, &one)) >= 0)
			return id;
	}
	return -1;
}

erg_err erg_mentions_sentence(erg_mentions *m, const char *text,
                              const erg_token *toks, const erg_sentence *s,
                              erg_vec *items)
{
	size_t i = s->tok, end = s->tok + s->ntok;
	int headline = title_case(text, toks, s);
	erg_item *it;
	erg_err e;

	memcpy(m->before, m->last, sizeof m->before);
	memcpy(m->before_at, m->last_at, sizeof m->before_at);
	m->body_before = m->body;
	m->body_before_at = m->body_at;
	erg_vec_clear(items);
	while (i < end) {
		erg_sense sense = {-1, 0, 0, 0};
		size_t n = erg_lexicon_match(m->lx, text, toks, i, end, &sense);
		const erg_token *t = &toks[i];

		/* a cue phrase ("the ministry") yields to an entity that starts
		 * inside it and reaches further ("Ministry of Commerce") */
		for (size_t k = 1; n > 1 && sense.entity < 0 && k < n; k++) {
			erg_sense inner = {-1, 0, 0, 0};
			size_t kn = erg_lexicon_match(m->lx, text, toks, i + k, end,
			                              &inner);

			/* "the Ministry of Digital Affairs": a new agency too */
			if ((!kn || inner.entity < 0) && !headline &&
			    (toks[i + k].flags & ERG_TF_CAP) &&
			    tok_cue(m, text, toks, i + k, ERG_CUE_AGENCYWORD))
				kn = unknown_agency(m, text, toks, i + k, end,
				                    &inner.entity);

			if (kn && inner.entity >= 0 && k + kn > n) {
				n = erg_lexicon_match(m->lx, text, toks, i, i + k, &sense);
				if (!n)
					sense = (erg_sense){-1, 0, 0, 0};
				break;
			}
		}
		/* short forms the text defined: "(CAC)", "(Xinyuan)" */
		if (n == 0 && (t->flags & ERG_TF_CAP))
			sense.entity = find_acronym(m, text + t->off, t->len);
		if (n == 0 && sense.entity < 0 && t->len > 2 &&
		    text[t->off + t->len - 1] == 's' && (t->flags & ERG_TF_CAP)) {
			/* "H20s", "A100s": a chip in the plural */
			erg_token one = *t;
			size_t up = 0, letters = 0;

			one.len--;
			/* "TPUs" is the all-caps "TPU" in the plural */
			for (size_t k = 0; k < one.len; k++) {
				char ch = text[one.off + k];

				letters += (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
				up += ch >= 'A' && ch <= 'Z';
			}
			if (letters >= 2 && up == letters)
				one.flags |= ERG_TF_UPPER;
			sense.entity = chip_of(m, text, &one);
		}
		/* "Blackwell-based servers", "H20-powered clusters" */
		if (n == 0 && sense.entity < 0)
			sense.entity = chip_based(m, text, t);
		if (n == 0 && sense.entity < 0 && (t->flags & ERG_TF_CAP) && !headline)
			n = unknown_company(m, text, toks, i, end, &sense.entity);
		if (n == 0 && sense.entity < 0 && (t->flags & ERG_TF_CAP) && !headline)
			n = unknown_agency(m, text, toks, i, end, &sense.entity);
		if (n == 0 && sense.entity < 0) {
			erg_item *prev = items->len ? (erg_item *)items->data +
			                                  items->len - 1
			                            : NULL;
			int32_t id = unknown_chip(m, text, toks, prev, i, end);

			if (id == -2) {
				/* the code completes the family name before it */
				id = family_model(m, text, t, prev->ents[0]);
				if (id >= 0) {
					prev->ents[0] = id;
					prev->ntok++;
					i++;
					continue;
				}
			} else if (id >= 0) {
				sense.entity = id;
			}
		}
		if (n == 0)
			n = 1;
		/* "SEOUL, May 2 (Reuters) -", "WASHINGTON -": a dateline
		 * names where the story was filed, not an actor */
		if (sense.entity >= 0 && i == s->tok && n == 1 &&
		    (t->flags & ERG_TF_UPPER) && t->len >= 4 && i + 1 < end &&
		    (is_punct(text, &toks[i + 1], ',') ||
		     is_punct(text, &toks[i + 1], '-') ||
		     is_punct(text, &toks[i + 1], ':') ||
		     is_punct(text, &toks[i + 1], '(')) &&
		    erg_lexicon_entity(m->lx, (size_t)sense.entity)->type ==
		        ERG_AGENCY)
			sense = (erg_sense){-1, 0, 0, 0};
		/* "the China Semiconductor Industry Association", "the US
		 * Chamber of Commerce": a state's name opens a body that is
		 * neither the state nor an agency, and the whole name is
		 * nothing the rules use */
		if (sense.entity >= 0 && !headline &&
		    is_government(m->lx, sense.entity))
			for (size_t k = i + n; k < end && k < i + n + 4 &&
			                       (toks[k].flags & ERG_TF_CAP);
			     k++) {
				erg_sense ks = token_sense(m, text, toks, k);

				if (ks.cues & (UINT64_C(1) << ERG_CUE_ORGWORD)) {
					sense = (erg_sense){-1, 0, 0, 0};
					n = k + 1 - i;
					break;
				}
				/* "China Summons Nvidia": a word of its own */
				if (ks.entity >= 0 || ks.verbs || ks.nouns)
					break;
			}
		/* "Huawei Technologies Co., Ltd." is one mention */
		if (sense.entity >= 0 &&
		    erg_lexicon_entity(m->lx, (size_t)sense.entity)->type ==
		        ERG_COMPANY)
			n = absorb_suffixes(m, text, toks, i + n, end) - i;
		it = erg_vec_push(items);
		if (!it)
			return ERG_ENOMEM;
		it->tok = i;
		it->ntok = n;
		it->sense = sense;
		if (sense.entity >= 0)
			set_ents(it, &sense.entity, 1, 0);
		if (i + n < end && toks[i + n].kind == ERG_TOK_POSS)
			it->poss = 1;
		/* "Cyberspace Administration of China (CAC)" defines CAC */
		if (sense.entity >= 0 && i + n + 2 < end &&
		    is_punct(text, &toks[i + n], '(') &&
		    is_punct(text, &toks[i + n + 2], ')') &&
		    (toks[i + n + 1].flags & ERG_TF_CAP) &&
		    toks[i + n + 1].kind == ERG_TOK_WORD) {
			const erg_token *a = &toks[i + n + 1];
			erg_sense as;

			size_t an = erg_lexicon_match(m->lx, text, toks, i + n + 1, end,
			                              &as);

			if (an && as.entity == sense.entity) {
				/* "Ministry of Commerce (MOFCOM)": already known */
				it->ntok = n + 3;
				n += 3;
			} else if ((!an || as.entity < 0) &&
			           defines(text, &toks[i], n, a)) {
				if ((e = add_acronym(m, text + a->off, a->len,
				                     sense.entity)))
					return e;
				/* the definition is part of the mention */
				it->ntok = n + 3;
				n += 3;
			}
		}
		i += n;
	}
	if (!headline && (e = listed_companies(m, text, toks, items)))
		return e;
	it = items->data;
	for (i = 1; i < items->len; i++)
		if (!it[i].nents)
			elliptic_model(m, text, toks, it, i);
	for (i = 0; i < items->len; i++)
		if (!it[i].nents && (it[i].sense.cues &
		                     ((UINT64_C(1) << ERG_CUE_GROUP) | (UINT64_C(1) << ERG_CUE_ITS) |
		                      (UINT64_C(1) << ERG_CUE_THECOMPANY) |
		                      (UINT64_C(1) << ERG_CUE_THEAGENCY) |
		                      (UINT64_C(1) << ERG_CUE_IT) |
		                      (UINT64_C(1) << ERG_CUE_THECHIP)))) {
			int32_t actor = -1;

			/* "stop buying them", "from using them": what is bought
			 * is products, not the companies listed last */
			if (i > 0 && it[i].ntok == 1 &&
			    is_word(text, &toks[it[i].tok], "them") &&
			    (it[i - 1].sense.cues & (UINT64_C(1) << ERG_CUE_USE)) &&
			    !(it[i - 1].sense.cues & (UINT64_C(1) << ERG_CUE_DIRECTIVE)))
				continue;

			/* earlier items of this sentence count as recent */
			remember(m, text, toks, it, i);
			for (size_t k = i; k-- > 0 && actor < 0;) {
				int t = erg_item_type(m, &it[k]);

				if ((t == ERG_AGENCY || t == ERG_COMPANY) && !it[k].poss &&
				    !(k > 0 && (it[k - 1].sense.cues & (UINT64_C(1) << ERG_CUE_PREP))))
					actor = it[k].ents[0];
			}
			resolve(m, &it[i], i + 1 < items->len ? &it[i + 1] : NULL,
			        actor, dual_group(text, toks, &it[i]));
		}
	remember(m, text, toks, it, items->len);
	for (i = 0; i < items->len; i++) {
		int t = erg_item_type(m, &it[i]);

		if ((t == ERG_AGENCY || t == ERG_COMPANY) && !it[i].poss &&
		    !(i > 0 && (it[i - 1].sense.cues & (UINT64_C(1) << ERG_CUE_PREP)))) {
			m->topic = it[i].ents[0];
			m->topic_at = m->sentno;
			break;
		}
	}
	m->sentno++;
	return ERG_OK;
}
