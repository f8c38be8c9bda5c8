/* relate.c - relation rules over a sentence's items.
 *
 * The rules read a sentence as a flat sequence of items (entities,
 * triggers, cue words, other tokens) and find each trigger's arguments by
 * bounded searches: the subject to the left, the object to the right,
 * swapped for the passive, expanded over lists joined by commas and "and".
 * Entity types constrain every slot (only an agency summons or restricts,
 * only a company buys), which does most of the disambiguation that a full
 * parse would; the rest is done by clause breaks and a cost budget on the
 * words an object search may cross. */
#include "relate.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define LIST_MAX (2 * ERG_GROUP_MAX)
#define M_AGENCY (1u << ERG_AGENCY)
#define M_COMPANY (1u << ERG_COMPANY)
#define M_CHIP (1u << ERG_CHIP)
#define CUE(k) (UINT64_C(1) << (k))

/* How far searches look, in items, and how many unknown words an object
 * search may cross before it gives up. */
#define SUBJECT_REACH 30
#define OBJECT_REACH 16
#define OBJECT_COST 4

typedef struct {
	size_t n;
	int32_t e[LIST_MAX];
	size_t at[LIST_MAX];  /* the item each entity was found at */
	size_t first, last;   /* item span of the list */
} elist;

typedef struct {
	const erg_mentions *m;
	const char *text;
	const erg_token *toks;
	const erg_item *it;
	size_t n;
	erg_vec *out;
	erg_buf *trace;                         /* --explain, or NULL */
	uint8_t used[ERG_SENT_MAX_TOKENS + 1]; /* items a pattern consumed */
} ctx;

static const unsigned subj_mask[ERG_NRELS] = {M_AGENCY, M_COMPANY, M_AGENCY,
                                              M_COMPANY};
static const unsigned obj_mask[ERG_NRELS] = {M_COMPANY, M_CHIP | M_COMPANY,
                                             M_COMPANY | M_CHIP, M_CHIP};
static const char *const verb_rule[ERG_NRELS] = {
	"summon-verb", "purchase-verb", "restrict-verb", "make-verb"};
static const char *const passive_rule[ERG_NRELS] = {
	"summon-passive", "purchase-passive", "restrict-passive", "make-passive"};
static const char *const noun_rule[ERG_NRELS] = {
	"summon-noun", "purchase-noun", "restrict-noun", "make-noun"};

static int has_cue(const ctx *c, size_t i, unsigned k)
{
	return i < c->n && (c->it[i].sense.cues & CUE(k)) != 0;
}

static int is_word(const ctx *c, size_t i, const char *w)
{
	const erg_token *t;
	size_t n = strlen(w);

	if (i >= c->n || c->it[i].ntok != 1)
		return 0;
	t = &c->toks[c->it[i].tok];
	return t->len == n && strncasecmp(c->text + t->off, w, n) == 0;
}

/* Is item i one of the words of the NULL-terminated list w? */
static int is_any(const ctx *c, size_t i, const char *const *w)
{
	for (; *w; w++)
		if (is_word(c, i, *w))
			return 1;
	return 0;
}

static int is_punct(const ctx *c, size_t i, char ch)
{
	const erg_token *t;

	if (i >= c->n)
		return 0;
	t = &c->toks[c->it[i].tok];
	return t->kind == ERG_TOK_PUNCT && c->text[t->off] == ch;
}

static int is_poss(const ctx *c, size_t i)
{
	return i < c->n && c->toks[c->it[i].tok].kind == ERG_TOK_POSS;
}

static int etype(const ctx *c, size_t i)
{
	return i < c->n ? erg_item_type(c->m, &c->it[i]) : -1;
}

/* "it" carries the last agency and the last company; the slot picks. */
static int is_it(const ctx *c, size_t i)
{
	return i < c->n && c->it[i].coref &&
	       (c->it[i].sense.cues & CUE(ERG_CUE_IT));
}

static int has_ent(const ctx *c, size_t i, unsigned mask)
{
	int t = etype(c, i);

	if (is_it(c, i)) {
		const erg_lexicon *lx = erg_mentions_lexicon(c->m);

		for (size_t k = 0; k < c->it[i].nents; k++)
			if (mask & (1u << erg_lexicon_entity(lx, (size_t)c->it[i].ents[k])
			                      ->type))
				return 1;
		return 0;
	}
	return t >= 0 && (mask & (1u << t));
}

static int is_connector(const ctx *c, size_t i)
{
	return is_punct(c, i, ',') || is_punct(c, i, '&') || is_word(c, i, "and") ||
	       is_word(c, i, "or") || is_word(c, i, "nor") ||
	       is_word(c, i, "plus");
}

/* Words that end a clause for argument searches. */
static int is_stop(const ctx *c, size_t i)
{
	return has_cue(c, i, ERG_CUE_BREAK) || is_punct(c, i, '.') ||
	       is_punct(c, i, ';') || is_punct(c, i, ':') ||
	       is_punct(c, i, '"') || is_punct(c, i, '?') || is_punct(c, i, '!');
}

/* A company with a possessive, or directly before a chip, stands for the
 * chip when one is named: "Nvidia's H20", "Nvidia H20 chips".  Returns the
 * member's item index, or n if item i is no member of mask. */
static size_t member_at(const ctx *c, size_t i, unsigned mask)
{
	/* "TikTok owner ByteDance", "Google parent Alphabet" */
	if (has_ent(c, i, M_COMPANY) &&
	    (is_word(c, i + 1, "owner") || is_word(c, i + 1, "parent")) &&
	    has_ent(c, i + 2, M_COMPANY))
		i += 2;
	if (has_ent(c, i, M_COMPANY) && (mask & M_CHIP)) {
		size_t j = c->it[i].poss ? i + 2 : i + 1;

		if (has_ent(c, j, M_CHIP))
			return j;
		if (c->it[i].poss && has_cue(c, j, ERG_CUE_FILLER) &&
		    has_ent(c, j + 1, M_CHIP))
			return j + 1;
	}
	return has_ent(c, i, mask) ? i : c->n;
}

/* "the CAC and other agencies": a group led by a named member, who acts
 * for it; g is the group's noun. */
static int named_and_others(const ctx *c, size_t g)
{
	return g >= 3 && is_word(c, g - 1, "other") &&
	       (is_word(c, g - 2, "and") || is_punct(c, g - 2, ',')) &&
	       c->it[g - 3].nents;
}

/* An empty argument list; the entries are not cleared, only counted. */
static void empty(elist *l)
{
	l->n = l->first = l->last = 0;
}

static void list_add_mask(const ctx *c, elist *l, const erg_item *it,
                          size_t at, unsigned mask)
{
	for (size_t k = 0; k < it->nents; k++) {
		size_t j;

		if (c && !(mask & (1u << erg_lexicon_entity(
		                            erg_mentions_lexicon(c->m),
		                            (size_t)it->ents[k])->type)))
			continue;
		for (j = 0; j < l->n && l->e[j] != it->ents[k]; j++)
			;
		if (j == l->n && l->n < LIST_MAX) {
			l->at[l->n] = at;
			l->e[l->n++] = it->ents[k];
		}
	}
}

static void list_add(elist *l, const erg_item *it, size_t at)
{
	list_add_mask(NULL, l, it, at, 0);
}

/* A list of the one item at i. */
static void list_one(const ctx *c, elist *l, size_t i)
{
	list_add(l, &c->it[i], i);
	l->first = l->last = i;
}

/* A list of the one entity e, standing at item at (it is implied there,
 * not named). */
static void list_entity(elist *l, int32_t e, size_t at)
{
	l->e[0] = e;
	l->at[0] = at;
	l->first = l->last = at;
	l->n = 1;
}

/* Skip a parenthetical "( ... )" that starts at i; returns the item after
 * it, or i if there is none. */
static size_t skip_paren(const ctx *c, size_t i)
{
	if (!is_punct(c, i, '('))
		return i;
	for (size_t j = i + 1; j < c->n && j < i + 8; j++)
		if (is_punct(c, j, ')'))
			return j + 1;
	return i;
}

/* Skip, going left, a parenthetical "( ... )" that ends at i; returns the
 * item before it, or i if there is none. */
static size_t skip_paren_left(const ctx *c, size_t i)
{
	size_t q = i;

	if (!is_punct(c, i, ')'))
		return i;
	while (q > 0 && i - q < 8 && !is_punct(c, q, '('))
		q--;
	return is_punct(c, q, '(') && q > 0 ? q - 1 : i;
}

/* The people who stand for a company in a list: "Lenovo executives". */
static const char *const staff_words[] = {"executives", "representatives",
                                          "officials", NULL};

/* Does item i start a predicate ("Sugon said it would appeal")? */
static int starts_clause(const ctx *c, size_t i)
{
	i = skip_paren(c, i);
	return i < c->n && (has_cue(c, i, ERG_CUE_BREAK) ||
	                    has_cue(c, i, ERG_CUE_BE) ||
	                    (c->it[i].sense.verbs && !c->it[i].sense.nouns));
}

/* Collect the list whose first member is at i, going right. */
static void collect_right(const ctx *c, size_t i, unsigned mask, elist *l)
{
	size_t j = member_at(c, i, mask), k, first_n, first_last;
	int worded = 0;

	l->first = i;
	list_add_mask(c, l, &c->it[j], j, mask);
	l->last = j;
	first_n = l->n;
	first_last = j;
	for (;;) {
		size_t prev = j;
		int word = 0;

		k = skip_paren(c, j + 1);
		if (has_cue(c, k, ERG_CUE_CHIPNOUN))
			k++;
		/* "Lenovo executives, along with representatives of Inspur" */
		for (size_t q = 0; q < 2 && has_cue(c, k, ERG_CUE_FILLER) &&
		                   !c->it[k].nents && !is_connector(c, k) &&
		                   is_any(c, k, staff_words);
		     q++)
			k++;
		if (!is_connector(c, k) && !has_cue(c, k, ERG_CUE_INCLUDE))
			break;
		while (k < c->n && (is_connector(c, k) ||
		                    has_cue(c, k, ERG_CUE_INCLUDE))) {
			word |= !is_punct(c, k, ',');
			k++;
		}
		/* "... along with representatives of Inspur" */
		if (is_any(c, k, staff_words) &&
		    (is_word(c, k + 1, "of") || is_word(c, k + 1, "from")))
			k += 2;
		/* "the Commerce Department and its Bureau ..." */
		if (k < c->n && (is_word(c, k, "its") || is_word(c, k, "the") ||
		     is_word(c, k, "their")))
			k++;
		worded |= word; /* "X, Y, and others" is a list too */
		if (k < c->n && member_at(c, k, mask) >= c->n && word == 0) {
			/* "including A, the Institute of the Academy of
			 * Sciences, and B": a member of another kind is passed
			 * over when an "and" follows it */
			size_t e = k;

			/* a noun phrase, not a clause: "the Institute of ...",
			 * "Tencent's rival", never "citing security concerns" */
			if (!is_word(c, k, "the") && !is_word(c, k, "a") &&
			    !is_word(c, k, "an") && !is_word(c, k - 1, "the") &&
			    !is_word(c, k - 1, "its") && !is_word(c, k - 1, "their") &&
			    !c->it[k].nents &&
			    !(c->toks[c->it[k].tok].flags & ERG_TF_CAP))
				e = c->n;
			while (e < c->n && e - k < 10 && !is_stop(c, e) &&
			       !is_connector(c, e) && !has_ent(c, e, mask) &&
			       !c->it[e].sense.verbs && !c->it[e].sense.nouns)
				e++;
			if (e < c->n && is_punct(c, e, ',') && is_word(c, e + 1, "and") &&
			    member_at(c, e + 2, mask) < c->n &&
			    !starts_clause(c, member_at(c, e + 2, mask) + 1)) {
				k = e;
				while (k < c->n && is_connector(c, k))
					k++;
				worded = 1;
				if ((j = member_at(c, k, mask)) >= c->n)
					break;
				list_add_mask(c, l, &c->it[j], j, mask);
				l->last = j;
				continue;
			}
		}
		if (k >= c->n || (j = member_at(c, k, mask)) >= c->n)
			break;
		/* "bans the H20, Tencent will ...": a bare comma joins only
		 * members of one kind */
		if (!word && etype(c, j) != etype(c, prev))
			break;
		list_add_mask(c, l, &c->it[j], j, mask);
		l->last = j;
	}
	/* commas alone, never an "and": a series of clauses, not a list */
	if (!worded) {
		l->n = first_n;
		l->last = first_last;
	}
}

/* Collect the list whose last member is at i, going left. */
static void collect_left(const ctx *c, size_t i, unsigned mask, elist *l)
{
	size_t j = i, k;
	int last_link = 1;

	l->last = i;
	for (;;) {
		int word = 0;

		list_add_mask(c, l, &c->it[j], j, mask);
		l->first = j;
		if (j == 0)
			break;
		k = j - 1;
		/* a member "Nvidia's B40" is the chip: step over its maker */
		if (etype(c, j) == ERG_CHIP && k >= 2 && is_poss(c, k) &&
		    has_ent(c, k - 1, M_COMPANY)) {
			k -= 2;
			l->first = k + 1;
		}
		/* "the Commerce Department and its Bureau ..." */
		if (k > 0 && (is_word(c, k, "its") || is_word(c, k, "the") ||
		              is_word(c, k, "their")))
			k--;
		if (!is_connector(c, k))
			break;
		while (k > 0 && is_connector(c, k)) {
			word |= !is_punct(c, k, ',');
			k--;
		}
		/* "Under pressure from Washington, the Netherlands": the last
		 * two members of a list are joined by a word, never a bare
		 * comma */
		if (last_link && !word)
			break;
		last_link = 0;
		/* "Alibaba (BABA, Financials), and Tencent" */
		k = skip_paren_left(c, k);
		if (!has_ent(c, k, mask))
			break;
		j = k;
	}
}

/* "guidance from Chinese authorities", "orders from Beijing": item j
 * issued a measure, which is no place named after a preposition. */
static int issued_from(const ctx *c, size_t j)
{
	return j > 1 && (is_word(c, j - 1, "from") || is_word(c, j - 1, "by")) &&
	       has_cue(c, j - 2, ERG_CUE_MEASURE);
}

/* Is entity e a state as a whole ("US government"), not a named body? */
static int is_state(const ctx *c, int32_t e)
{
	return erg_entity_is_state(
		erg_lexicon_entity(erg_mentions_lexicon(c->m), (size_t)e));
}

/* "said", "showing", "reported": a verb whose "that" opens a clause. */
static int reporting_verb(const ctx *c, size_t i)
{
	static const char *const w[] = {
		"said", "says", "say", "saying", "showed", "shows", "show",
		"showing", "found", "finds", "reported", "reports", "noted",
		"notes", "indicated", "indicates", "indicating", "suggested",
		"suggests", "suggesting", "revealed", "reveals", "confirmed",
		"confirms", "claimed", "claims", "argued", "argues", "believe",
		"believes", "concluded", "stated", "states", "stating", "wrote",
		"writes", "alleged", "alleges", "alleging", NULL};

	return is_any(c, i, w);
}

/* Nearest list of mask entities left of item from. */
static int find_subject(const ctx *c, size_t from, unsigned mask, elist *l)
{
	l->n = 0;
	for (size_t j = from; j-- > 0 && from - j <= SUBJECT_REACH;) {
		if (is_punct(c, j, ';'))
			return 0;
		/* "documents showing that universities had acquired ...": the
		 * clause after a reporting verb's "that" has its own subject */
		if (is_word(c, j, "that") && j > 0 && reporting_verb(c, j - 1))
			return 0;
		/* "The H20, which Nvidia designed, was banned": step over the
		 * relative clause to the noun it describes */
		if (is_punct(c, j, ',') && j > 2) {
			size_t k = j - 1;

			while (k > 1 && !is_punct(c, k, ',') && !is_word(c, k, "which") &&
			       !is_word(c, k, "who"))
				k--;
			if ((is_word(c, k, "which") || is_word(c, k, "who")) &&
			    is_punct(c, k - 1, ',')) {
				j = k - 1;
				continue;
			}
			/* "Tencent, like ByteDance, has bought": step over the
			 * aside to the subject */
			if (is_punct(c, k, ',') && k + 1 < j &&
			    (is_word(c, k + 1, "like") || is_word(c, k + 1, "unlike")) &&
			    k > 0 && c->it[k - 1].nents) {
				j = k;
				continue;
			}
			/* "The H20, a less capable Nvidia chip, was banned": step
			 * over the appositive to the noun it renames */
			if (is_punct(c, k, ',') && k + 1 < j &&
			    (is_word(c, k + 1, "a") || is_word(c, k + 1, "an") ||
			     is_word(c, k + 1, "the")) &&
			    k > 0 && c->it[k - 1].nents) {
				j = k;
				continue;
			}
		}
		/* "U.S. processors": a country naming a product's origin;
		 * "China's industry": an owner; "exports to China": a place */
		/* "it" as a subject is the actor named last, unless it opens
		 * the sentence and so continues the previous one's topic */
		if (is_it(c, j) && j > 0 &&
		    !(mask & (1u << etype(c, j))))
			continue;
		/* "orders for Nvidia's H20 after being called in": the owner
		 * of a chip is part of the chip's name, not an actor */
		if (c->it[j].poss && etype(c, j) == ERG_COMPANY &&
		    (has_ent(c, j + 2, M_CHIP) ||
		     (has_cue(c, j + 2, ERG_CUE_FILLER) && has_ent(c, j + 3, M_CHIP))))
			continue;
		if (has_ent(c, j, mask) &&
		    !(etype(c, j) == ERG_AGENCY &&
		      (has_cue(c, j + 1, ERG_CUE_CHIPNOUN) ||
		       /* "a Chinese military company", "US firms" */
		       ((has_cue(c, j + 1, ERG_CUE_GENERIC) ||
		         is_word(c, j + 1, "company") || is_word(c, j + 1, "firm")) &&
		        !c->it[j].poss) ||
		       (j > 0 && !issued_from(c, j) &&
		        (has_cue(c, j - 1, ERG_CUE_PREP) ||
		                  /* "imported from the United States" */
		                  (j > 1 && is_word(c, j - 1, "the") &&
		                   has_cue(c, j - 2, ERG_CUE_PREP) &&
		                   is_state(c, c->it[j].ents[0]))) &&
		        !is_word(c, j + 1 + is_punct(c, j + 1, ','), "which") &&
		        !is_word(c, j + 1 + is_punct(c, j + 1, ','), "who")) ||
		       /* "the NDRC's instruction covers the H20": an owner
		        * acts through its measure */
		       (c->it[j].poss && !is_word(c, j + 2, "administration") &&
		        !is_word(c, j + 2, "government") &&
		        !has_cue(c, j + 2, ERG_CUE_MEASURE))))) {
			collect_left(c, j, mask, l);
			return 1;
		}
	}
	return 0;
}

/* First list of mask entities right of item from, within the clause. */
static int find_object_until(const ctx *c, size_t from, size_t limit,
                             unsigned mask, erg_rel rel, elist *l)
{
	int cost = 0, head = 0;
	size_t reach = from + OBJECT_REACH;

	l->n = 0;
	if (limit > c->n)
		limit = c->n;
	for (size_t j = from; j < limit && j < reach; j++) {
		const erg_item *it = &c->it[j];

		/* "restricted their access": a possessive pronoun is the
		 * target only through what it owns ("banned its sale") */
		if (rel == ERG_RESTRICTED && it->coref &&
		    (is_word(c, j, "its") || is_word(c, j, "their")) &&
		    !has_cue(c, j + 1, ERG_CUE_PRODUCT) &&
		    !has_cue(c, j + 1, ERG_CUE_USE))
			continue;
		/* "buys most of its processors from Intel": the buyer's own */
		if (rel == ERG_PURCHASED && it->coref &&
		    (is_word(c, j, "its") || is_word(c, j, "their")))
			continue;
		/* "it" is an object right after the verb ("summoned it");
		 * further on it starts a clause of its own */
		if (is_it(c, j) && j > from && !has_cue(c, j - 1, ERG_CUE_PREP))
			return 0;
		if (member_at(c, j, mask) < c->n) {
			collect_right(c, j, mask, l);
			return 1;
		}
		/* "questioned Malaysian authorities about Nvidia chips": the
		 * one summoned is the agency, and the company what it is about */
		if (rel == ERG_SUMMONED && mask == M_COMPANY && !it->coref &&
		    has_ent(c, j, M_AGENCY) && !c->it[j].poss)
			return 0;
		/* "products made by Micron", "servers powered by Intel chips":
		 * the maker named by a participle is part of the object */
		if (has_cue(c, j, ERG_CUE_BY) && j > from &&
		    (is_word(c, j - 1, "made") || is_word(c, j - 1, "powered") ||
		     is_word(c, j - 1, "produced") || is_word(c, j - 1, "supplied") ||
		     is_word(c, j - 1, "manufactured") ||
		     is_word(c, j - 1, "designed")))
			continue;
		if (is_stop(c, j) || has_cue(c, j, ERG_CUE_BY) ||
		    has_cue(c, j, ERG_CUE_QUESTION))
			return 0;
		if (is_word(c, j, "to") && rel != ERG_RESTRICTED)
			return 0;
		if (it->sense.verbs && !it->sense.nouns &&
		    !(it->sense.cues & CUE(ERG_CUE_USE)) &&
		    !(it->sense.cues & CUE(ERG_CUE_FILLER)) &&
		    !has_cue(c, j + 1, ERG_CUE_BY))
			return 0;
		/* "..., including X": the list starts afresh */
		if (has_cue(c, j, ERG_CUE_INCLUDE)) {
			cost = 0;
			reach = j + 1 + OBJECT_REACH;
			continue;
		}
		/* "restrictions on AI chips, ByteDance said": a comma after the
		 * object's head noun closes the phrase */
		if (is_punct(c, j, ',') && head && !has_cue(c, j + 1, ERG_CUE_INCLUDE) &&
		    !is_word(c, j + 1, "affecting") && !is_word(c, j + 1, "covering") &&
		    !is_word(c, j + 1, "targeting"))
			return 0;
		if (has_cue(c, j, ERG_CUE_CHIPNOUN))
			head = 1;
		if (is_punct(c, j, '(') && skip_paren(c, j) > j) {
			j = skip_paren(c, j) - 1;
			continue;
		}
		if (it->nents || is_poss(c, j) || is_connector(c, j) ||
		    (it->sense.cues & (CUE(ERG_CUE_FILLER) | CUE(ERG_CUE_CHIPNOUN) |
		                       CUE(ERG_CUE_USE) | CUE(ERG_CUE_PRODUCT) |
		                       CUE(ERG_CUE_GROUP))))
			continue;
		if (++cost > OBJECT_COST)
			return 0;
	}
	return 0;
}

static int find_object(const ctx *c, size_t from, unsigned mask, erg_rel rel,
                       elist *l)
{
	return find_object_until(c, from, c->n, mask, rel, l);
}

/* "was banned", "has been blacklisted", "chips banned by": passive voice. */
static int is_passive(const ctx *c, size_t t)
{
	/* "was revoking waivers for": the verb is the phrase's first word */
	const erg_token *tk = &c->toks[c->it[t].tok];

	if (tk->len > 3 && strncasecmp(c->text + tk->off + tk->len - 3, "ing",
	                               3) == 0)
		return 0;
	if (has_cue(c, t + 1, ERG_CUE_BY))
		return 1;
	/* "is prepared to bar", "is in talks to buy": an infinitive (the
	 * "to" may close a cue phrase such as "prepared to") */
	if (t > 0) {
		const erg_item *p = &c->it[t - 1];
		const erg_token *lt = &c->toks[p->tok + p->ntok - 1];

		if (lt->len == 2 && strncasecmp(c->text + lt->off, "to", 2) == 0)
			return 0;
	}
	for (size_t j = t; j-- > 0 && t - j <= 4;) {
		if (has_cue(c, j, ERG_CUE_BE))
			return 1;
		if (c->it[j].nents || is_stop(c, j) || is_punct(c, j, ',') ||
		    c->it[j].sense.verbs || c->it[j].sense.nouns)
			return 0;
	}
	return 0;
}

/* "... will be phased out under new guidelines from the Chinese
 * government": a passive's agent named after "under ... from/by". */
static void agent_under(const ctx *c, size_t t, unsigned mask, elist *l)
{
	size_t j;

	l->n = 0;
	for (j = t + 1; j < c->n && j < t + 9 && !is_word(c, j, "under"); j++)
		if (is_stop(c, j))
			return;
	for (j++; j < c->n && j < t + 14 && !is_stop(c, j); j++)
		if ((is_word(c, j, "from") || is_word(c, j, "by") ||
		     is_word(c, j, "of")) &&
		    has_ent(c, j + 1 + is_word(c, j + 1, "the"), mask)) {
			collect_right(c, j + 1 + is_word(c, j + 1, "the"), mask, l);
			return;
		}
}

/* The agency the text named last, when this sentence names none before
 * item t. */
static void recent_agency(const ctx *c, size_t t, elist *l)
{
	int32_t r = erg_mentions_recent(c->m, ERG_AGENCY);

	l->n = 0;
	for (size_t k = 0; k < t; k++)
		if (has_ent(c, k, M_AGENCY))
			return;
	if (r >= 0)
		list_entity(l, r, t);
}

/* "The order targets the H20", "the inspections targeted Nvidia's H20":
 * a measure as subject stands for the agency that issued it, the one the
 * text last named (the sentence holds none of its own). */
static void measure_agent(const ctx *c, size_t t, elist *l)
{
	int found = 0;

	l->n = 0;
	for (size_t j = t; j-- > 0 && t - j <= 4 && !found;) {
		if (c->it[j].nents || is_stop(c, j) || is_punct(c, j, ','))
			return;
		found = has_cue(c, j, ERG_CUE_MEASURE) && j > 0 &&
		        (is_word(c, j - 1, "the") || is_word(c, j - 1, "these") ||
		         is_word(c, j - 1, "those") || is_word(c, j - 1, "new"));
	}
	if (found)
		recent_agency(c, t, l);
}

/* "... would require a licence if sales resumed": a condition after the
 * trigger at hi, within its clause ("even if" concedes). */
static int condition_after(const ctx *c, size_t hi)
{
	for (size_t j = hi + 1; j < c->n && !is_stop(c, j); j++)
		if ((is_word(c, j, "if") || is_word(c, j, "unless")) &&
		    !is_word(c, j - 1, "even") && !is_word(c, j - 1, "as"))
			return 1;
	return 0;
}

/* Is the claim between items lo and hi (exclusive) denied or hedged? */
static void modality(const ctx *c, size_t lo, size_t hi, uint8_t *neg,
                     uint8_t *hedge)
{
	size_t start = lo > 2 ? lo - 2 : 0;

	*neg = *hedge = 0;
	/* "X denied that ..." covers the whole clause that follows, and so
	 * does "rumours that ..." */
	for (size_t j = 0; j < hi && j < c->n; j++) {
		if (has_cue(c, j, ERG_CUE_DENY))
			*neg = 1;
		if (has_cue(c, j, ERG_CUE_HEARSAY))
			*hedge = 1;
	}
	for (size_t j = start; j < hi && j < c->n; j++) {
		/* ", which did not name any chips," is about something else */
		if (is_punct(c, j, ',') &&
		    (is_word(c, j + 1, "which") || is_word(c, j + 1, "who"))) {
			size_t k = j + 2;

			while (k < hi && !is_punct(c, k, ','))
				k++;
			if (k < hi) {
				j = k;
				continue;
			}
		}
		/* "Neither Tencent nor ...", "No company bought ..." */
		if ((j >= lo || j + 1 == lo) && has_cue(c, j, ERG_CUE_NEGATION))
			*neg = 1;
		/* "analysts expect Beijing to ban ..." */
		if (j + 1 == lo && has_cue(c, j, ERG_CUE_HEDGE))
			*hedge = 1;
		if ((j >= lo && has_cue(c, j, ERG_CUE_HEDGE)) ||
		    has_cue(c, j, ERG_CUE_QUESTION))
			*hedge = 1;
	}
	/* a question is never an assertion */
	if (c->n && is_punct(c, c->n - 1, '?'))
		*hedge = 1;
	if (condition_after(c, hi))
		*hedge = 1;
}

static void tracef(ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void tracef(ctx *c, const char *fmt, ...)
{
	va_list ap;
	char line[512];

	if (!c->trace)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	/* a full trace buffer only shortens the explanation */
	(void)(erg_buf_puts(c->trace, "    ") || erg_buf_puts(c->trace, line) ||
	       erg_buf_putc(c->trace, '\n'));
}

/* The words of item i, for the trace. */
static const char *item_text(const ctx *c, size_t i, char *buf, size_t n)
{
	const erg_token *a = &c->toks[c->it[i].tok];
	const erg_token *b = &c->toks[c->it[i].tok + c->it[i].ntok - 1];

	snprintf(buf, n, "%.*s", (int)(b->off + b->len - a->off), c->text + a->off);
	return buf;
}

static const char *mask_name(unsigned mask)
{
	switch (mask) {
	case M_AGENCY: return "agency";
	case M_COMPANY: return "company";
	case M_CHIP: return "chip";
	case M_COMPANY | M_CHIP: return "company or chip";
	default: return "entity";
	}
}

/* How far a rule's output is to be trusted, before adjustments. */
static float rule_confidence(const char *rule)
{
	static const struct {
		const char *part;
		float conf;
	} t[] = {
		{"listing", 0.9f},   {"maker", 0.9f},    {"directive", 0.85f},
		{"on-list", 0.85f},
		{"-verb", 0.85f},    {"-passive", 0.85f}, {"obligation", 0.75f},
		{"-noun", 0.75f},    {"licence", 0.7f},
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strstr(rule, t[i].part))
			return t[i].conf;
	return 0.7f;
}

static int type_of(const ctx *c, int32_t e)
{
	return (int)erg_lexicon_entity(erg_mentions_lexicon(c->m), (size_t)e)
	    ->type;
}

/* Append a relation if its argument types fit; fold duplicates, keeping
 * the strongest reading (asserted beats hedged, positive beats negative). */
static erg_err emit(ctx *c, erg_rel rel, int32_t s, int32_t o, uint8_t neg,
                    uint8_t hedge, uint8_t by_ref, const char *rule,
                    float conf)
{
	erg_relation *r;

	if (s == o || s < 0 || o < 0)
		return ERG_OK;
	if (!(subj_mask[rel] & (1u << type_of(c, s))) ||
	    !(obj_mask[rel] & (1u << type_of(c, o))))
		return ERG_OK;
	r = c->out->data;
	for (size_t i = 0; i < c->out->len; i++)
		if (r[i].rel == rel && r[i].subj == s && r[i].obj == o) {
			if (r[i].negative + r[i].hedged > neg + hedge ||
			    (r[i].negative + r[i].hedged == neg + hedge &&
			     conf > r[i].confidence)) {
				r[i].negative = neg;
				r[i].hedged = hedge;
				r[i].by_ref = by_ref;
				r[i].rule = rule;
				r[i].confidence = conf;
			}
			return ERG_OK;
		}
	r = erg_vec_push(c->out);
	if (!r)
		return ERG_ENOMEM;
	r->rel = rel;
	r->subj = s;
	r->obj = o;
	r->negative = neg;
	r->hedged = hedge;
	r->by_ref = by_ref;
	r->rule = rule;
	r->confidence = conf;
	return ERG_OK;
}

/* A company bought from is a vendor only in a vendor's frame: "Nvidia
 * chips", "Nvidia's processors", "from Nvidia", "orders with Nvidia".
 * Otherwise buying a company is a takeover, which is no purchase. */
static int vendor_frame(const ctx *c, size_t i, size_t t)
{
	size_t j = i + 1;

	/* "bought chips from Nvidia", "bought from Nvidia"; not "secured
	 * funding from Nvidia" */
	if (i > 0 && (is_word(c, i - 1, "from") || is_word(c, i - 1, "with"))) {
		if (i - 1 == t + 1)
			return 1;
		for (size_t k = t + 1; k + 1 < i; k++)
			if (has_cue(c, k, ERG_CUE_CHIPNOUN) || has_ent(c, k, M_CHIP))
				return 1;
		return 0;
	}
	/* "bought products made by Micron" */
	if (i >= 2 && has_cue(c, i - 1, ERG_CUE_BY) &&
	    (is_word(c, i - 2, "made") || is_word(c, i - 2, "produced") ||
	     is_word(c, i - 2, "manufactured") || is_word(c, i - 2, "supplied") ||
	     is_word(c, i - 2, "powered") || is_word(c, i - 2, "designed")))
		return 1;
	if (is_poss(c, j))
		j++;
	while (j < c->n && j < i + 4 && has_cue(c, j, ERG_CUE_FILLER) &&
	       !has_cue(c, j, ERG_CUE_CHIPNOUN))
		j++;
	return has_cue(c, j, ERG_CUE_CHIPNOUN);
}

static void keep_vendors(const ctx *c, elist *o, size_t t)
{
	size_t k = 0;

	for (size_t i = 0; i < o->n; i++)
		if (type_of(c, o->e[i]) != ERG_COMPANY ||
		    vendor_frame(c, o->at[i], t)) {
			o->at[k] = o->at[i];
			o->e[k++] = o->e[i];
		}
	o->n = k;
}

/* Does the sentence name, before the reference at item i, another
 * entity of the type it was resolved to ("Nvidia asked Samsung to halt
 * work on its H20": its may be either)? */
static int open_reference(const ctx *c, size_t i)
{
	int t = etype(c, i);

	for (size_t k = 0; k < i; k++)
		if (!c->it[k].coref && c->it[k].nents && etype(c, k) == t &&
		    c->it[k].ents[0] != c->it[i].ents[0])
			return 1;
	return 0;
}

static erg_err emit_all(ctx *c, erg_rel rel, const elist *s, const elist *o,
                        uint8_t neg, uint8_t hedge, const char *rule)
{
	const erg_lexicon *lx = erg_mentions_lexicon(c->m);
	erg_err e;

	for (size_t i = 0; i < s->n; i++)
		for (size_t j = 0; j < o->n; j++) {
			float conf = rule_confidence(rule);
			size_t a = s->at[i], b = o->at[j];
			uint8_t by_ref = 0;

			/* a pronoun or a far argument is a guess */
			if (a < c->n && c->it[a].coref) {
				conf -= 0.15f;
				by_ref |= open_reference(c, a) ? 1 : 0;
			}
			if (b < c->n && c->it[b].coref) {
				conf -= 0.15f;
				by_ref |= open_reference(c, b) ? 2 : 0;
			}
			if ((a > b ? a - b : b - a) > 12)
				conf -= 0.05f;
			if (s->e[i] == o->e[j])
				continue;
			tracef(c, "%s: %s -%s-> %s%s%s (%.2f)", rule,
			       erg_lexicon_entity(lx, (size_t)s->e[i])->name,
			       erg_rel_name(rel),
			       erg_lexicon_entity(lx, (size_t)o->e[j])->name,
			       neg ? " [negated]" : "", hedge ? " [hedged]" : "",
			       (double)conf);
			if ((e = emit(c, rel, s->e[i], o->e[j], neg, hedge, by_ref,
			              rule, conf)))
				return e;
		}
	return ERG_OK;
}

static void mark(ctx *c, size_t i)
{
	if (i < c->n)
		c->used[i] = 1;
}

/* Skip up to max plain words (adverbs such as "completely"). */
static size_t skip_adverbs(const ctx *c, size_t j, int max)
{
	while (max-- > 0 && j < c->n && !c->it[j].nents &&
	       !c->it[j].sense.cues && !c->it[j].sense.verbs &&
	       !c->it[j].sense.nouns && !is_stop(c, j) && !is_punct(c, j, ','))
		j++;
	return j;
}

/* Does the trigger phrase end in a preposition ("meetings with")? */
static int ends_with_prep(const ctx *c, size_t t)
{
	const erg_item *it = &c->it[t];
	const erg_token *tk = &c->toks[it->tok + it->ntok - 1];
	static const char *const preps[] = {"with", "of", "on", "for",
	                                    "against", "to", NULL};

	if (it->ntok < 2)
		return 0;
	for (const char *const *p = preps; *p; p++)
		if (tk->len == strlen(*p) &&
		    strncasecmp(c->text + tk->off, *p, tk->len) == 0)
			return 1;
	return 0;
}

/* "A ordered/told/instructed X to halt purchases of Y", "A warned X
 * against using Y": restricted(A, X), restricted(A, Y) and, where ongoing
 * purchases are halted, purchased(X, Y). */
static erg_err try_directive(ctx *c, size_t d, int *matched)
{
	elist a, x, y;
	size_t j, h, u, p;
	int passive = is_passive(c, d), avoid = 0, buying = 0;
	uint8_t neg, hedge;
	erg_err e;

	empty(&a);
	empty(&x);
	empty(&y);
	*matched = 0;
	if (passive) {
		find_subject(c, d, M_COMPANY, &x);
		j = d + 1;
		if (has_cue(c, j, ERG_CUE_BY) &&
		    find_object(c, j + 1, M_AGENCY, ERG_SUMMONED, &a))
			j = a.last + 1;
	} else {
		find_subject(c, d, M_AGENCY, &a);
		/* the targets stand between the verb and "to"/"against" */
		for (j = d + 1; j < c->n && j < d + OBJECT_REACH + 4 &&
		                !is_word(c, j, "to") && !is_word(c, j, "why") &&
		                !is_word(c, j, "how") &&
		                !(is_word(c, j, "from") && has_cue(c, j + 1, ERG_CUE_USE)) &&
		                !is_word(c, j, "against") &&
		                !has_cue(c, j, ERG_CUE_AVOID) && !is_stop(c, j);
		     j++)
			;
		find_object_until(c, d + 1, j, M_COMPANY, ERG_SUMMONED, &x);
	}
	/* "asked Tencent and Baidu why they bought ...", "told X to explain":
	 * demanding explanations is a summons */
	p = x.n ? x.last + 1 : d + 1;
	if (!passive && x.n &&
	    (is_word(c, p, "why") || is_word(c, p, "how") ||
	     /* "demanded that the companies explain the orders" */
	     (is_word(c, d + 1, "that") &&
	      (is_word(c, p, "explain") || is_word(c, p, "justify"))) ||
	     (is_word(c, p, "to") &&
	      (is_word(c, p + 1, "explain") || is_word(c, p + 1, "justify") ||
	       (is_word(c, p + 1, "account") && is_word(c, p + 2, "for")))))) {
		find_subject(c, d, M_AGENCY, &a);
		if (a.n) {
			modality(c, a.first, d, &neg, &hedge);
			if ((e = emit_all(c, ERG_SUMMONED, &a, &x, neg, hedge,
			                  "summon-explain")))
				return e;
		}
		return ERG_OK;
	}
	/* "ordered a halt to H20 purchases" */
	if (!x.n && (is_word(c, p, "a") || is_word(c, p, "an")) &&
	    (is_word(c, p + 1, "halt") || is_word(c, p + 1, "stop") ||
	     is_word(c, p + 1, "end")) &&
	    is_word(c, p + 2, "to")) {
		find_subject(c, d, M_AGENCY, &a);
		find_object(c, p + 3, M_CHIP | M_COMPANY, ERG_RESTRICTED, &y);
		if (!a.n || !y.n)
			return ERG_OK;
		*matched = 1;
		mark(c, d);
		modality(c, a.first, d, &neg, &hedge);
		return emit_all(c, ERG_RESTRICTED, &a, &y, neg, hedge,
		                "directive-object");
	}
	if (is_word(c, j, "against") ||
	    (is_word(c, j, "from") && has_cue(c, j + 1, ERG_CUE_USE))) {
		/* "warned X against using", "discouraged X from buying" */
		h = j;
		avoid = 1;
	} else if (has_cue(c, j, ERG_CUE_AVOID)) {
		h = j; /* "not to" */
		avoid = 1;
	} else if (is_word(c, j, "to")) {
		h = skip_adverbs(c, j + 1, 2);
		if (has_cue(c, h, ERG_CUE_AVOID))
			avoid = 1;
		else if (!has_cue(c, h, ERG_CUE_HALT))
			return ERG_OK;
	} else {
		return ERG_OK;
	}
	*matched = 1;
	mark(c, d);
	mark(c, h);
	u = h + 1;
	while (u < c->n && u < h + 4 && !has_cue(c, u, ERG_CUE_USE) &&
	       (has_cue(c, u, ERG_CUE_FILLER) || has_cue(c, u, ERG_CUE_GROUP) ||
	        (c->it[u].sense.cues & CUE(ERG_CUE_ITS))))
		u++;
	if (has_cue(c, u, ERG_CUE_USE)) {
		buying = (c->it[u].sense.nouns | c->it[u].sense.verbs) &
		         (1u << ERG_PURCHASED);
		mark(c, u);
		find_object(c, u + 1, M_CHIP | M_COMPANY, ERG_PURCHASED, &y);
	} else if (!is_word(c, h, "against")) {
		/* "told ByteDance to avoid the H20" */
		find_object(c, h + 1, M_CHIP, ERG_PURCHASED, &y);
	}
	if (!a.n)
		return ERG_OK;
	modality(c, passive ? (x.n ? x.first : d) : a.first, h, &neg, &hedge);
	if ((e = emit_all(c, ERG_RESTRICTED, &a, &x, neg, hedge,
	                  "directive-target")) ||
	    (e = emit_all(c, ERG_RESTRICTED, &a, &y, neg, hedge,
	                  "directive-object")))
		return e;
	/* purchases told to halt existed; avoiding presupposes none, and a
	 * directive the text denies ("was never told to halt purchases")
	 * is no evidence of them */
	keep_vendors(c, &y, u);
	if (buying && !avoid && !neg)
		return emit_all(c, ERG_PURCHASED, &x, &y, 0, hedge,
		                "directive-halted-purchase");
	return ERG_OK;
}

/* "A said operators must stop buying Y", "X must not use Y", "X are
 * required to phase out Y": an obligation an agency imposes restricts Y,
 * and X when X is named. */
static erg_err try_obligation(ctx *c, size_t m)
{
	elist a, x, y;
	size_t h = skip_adverbs(c, m + 1, 2), u;
	const erg_token *lt = &c->toks[c->it[m].tok + c->it[m].ntok - 1];

	empty(&a);
	empty(&x);
	empty(&y);
	/* "must not use Y" needs no halt verb; "has to use Y" is no ban */
	int negated_must = c->it[m].ntok > 1 &&
	                   ((lt->len == 3 &&
	                     strncasecmp(c->text + lt->off, "not", 3) == 0) ||
	                    (lt->len == 3 &&
	                     strncmp(c->text + lt->off, "n't", 3) == 0));
	uint8_t neg, hedge;
	erg_err e;

	if (has_cue(c, h, ERG_CUE_HALT) || has_cue(c, h, ERG_CUE_AVOID))
		u = h + 1;
	else if (negated_must)
		u = h;
	else
		return ERG_OK;
	while (u < c->n && u < h + 4 && !has_cue(c, u, ERG_CUE_USE) &&
	       (has_cue(c, u, ERG_CUE_FILLER) || has_cue(c, u, ERG_CUE_GROUP)))
		u++;
	if (!has_cue(c, u, ERG_CUE_USE) ||
	    !find_object(c, u + 1, M_CHIP | M_COMPANY, ERG_PURCHASED, &y))
		return ERG_OK;
	/* the bound party stands just before "must" */
	for (size_t j = m; j-- > 0 && m - j <= 6 && !is_stop(c, j);)
		if (has_ent(c, j, M_COMPANY)) {
			collect_left(c, j, M_COMPANY, &x);
			break;
		}
	find_subject(c, x.n ? x.first : m, M_AGENCY, &a);
	if (!a.n) {
		/* "..., the CAC said" */
		size_t k = y.last + 1;

		while (k < c->n && k < y.last + 8 && !is_punct(c, k, ','))
			k++;
		if (is_punct(c, k, ',') &&
		    find_object_until(c, k + 1, k + 4, M_AGENCY, ERG_SUMMONED, &a) &&
		    !(is_word(c, a.last + 1, "said") || is_word(c, a.last + 1, "says") ||
		      is_word(c, a.last + 1, "announced") ||
		      is_word(c, a.last + 1, "ordered")))
			a.n = 0;
	}
	if (!a.n)
		return ERG_OK;
	mark(c, h);
	mark(c, u);
	modality(c, a.first < m ? a.first : m, m, &neg, &hedge);
	if ((e = emit_all(c, ERG_RESTRICTED, &a, &x, neg, hedge,
	                  "obligation-target")) ||
	    (e = emit_all(c, ERG_RESTRICTED, &a, &y, neg, hedge,
	                  "obligation-object")))
		return e;
	/* purchases an agency orders stopped existed */
	keep_vendors(c, &y, u);
	if (has_cue(c, h, ERG_CUE_HALT) &&
	    ((c->it[u].sense.nouns | c->it[u].sense.verbs) &
	     (1u << ERG_PURCHASED)))
		return emit_all(c, ERG_PURCHASED, &x, &y, 0, hedge,
		                "obligation-halted-purchase");
	return ERG_OK;
}

/* Does an informing verb ("informed", "notified", "told") stand right
 * after the agency, between items from and to? */
static int informs(const ctx *c, size_t from, size_t to)
{
	static const char *const w[] = {"informed", "informs", "notified",
	                                "notifies", "told", "tells", NULL};

	for (size_t k = from; k < to && k < from + 3; k++)
		if (is_any(c, k, w))
			return 1;
	return 0;
}

/* Is the licence word at item i an export licence? */
static int export_licence(const ctx *c, size_t i)
{
	const erg_item *it = &c->it[i];

	for (size_t k = 0; k < it->ntok; k++) {
		const erg_token *t = &c->toks[it->tok + k];

		if ((t->len == 6 && strncasecmp(c->text + t->off, "export", 6) == 0))
			return 1;
	}
	return i > 0 && is_word(c, i - 1, "export");
}

/* The government of the state the objects o come from: a chip's, else a
 * company's (entities.txt gives each a country). */
static int exporting_state(const ctx *c, const elist *o, size_t at,
                           elist *a)
{
	static const char *const says[] = {"said", "says", "announced", "stated",
	                                   NULL};
	const erg_lexicon *lx = erg_mentions_lexicon(c->m);
	const char *cc = NULL;

	for (int pass = 0; pass < 2 && !cc; pass++)
		for (size_t k = 0; k < o->n && !cc; k++) {
			const erg_entity *e = erg_lexicon_entity(lx, (size_t)o->e[k]);

			if (e->type == (pass ? ERG_COMPANY : ERG_CHIP) && e->country[0])
				cc = e->country;
		}
	if (!cc)
		return 0;
	/* "..., the Commerce Department said": the body that says so */
	for (size_t k = 0; k < c->n; k++)
		if (has_ent(c, k, M_AGENCY) && !c->it[k].coref &&
		    strcmp(erg_lexicon_entity(lx, (size_t)c->it[k].ents[0])->country,
		           cc) == 0 &&
		    is_any(c, k + 1, says)) {
			list_entity(a, c->it[k].ents[0], at);
			return 1;
		}
	for (size_t i = 0; i < erg_lexicon_nentities(lx); i++) {
		const erg_entity *e = erg_lexicon_entity(lx, i);

		if (e->type == ERG_AGENCY && strcmp(e->country, cc) == 0 &&
		    erg_entity_is_state(e)) {
			list_entity(a, (int32_t)i, at);
			return 1;
		}
	}
	return 0;
}

/* "A told Nvidia it would need a licence to ship the H20", "A said any
 * company exporting Nvidia's Blackwell chips must obtain a permit": a
 * licence requirement restricts the companies and chips it binds. */
static erg_err try_licence(ctx *c, size_t lic)
{
	elist a, o, more;
	size_t need = lic, j, from;
	uint8_t neg, hedge;
	erg_err e;

	empty(&a);
	empty(&o);
	empty(&more);
	for (j = lic; j-- > 0 && lic - j <= 3;)
		if (has_cue(c, j, ERG_CUE_NEED)) {
			need = j;
			break;
		}
	if (need == lic)
		return ERG_OK;
	if (find_subject(c, need, M_AGENCY, &a)) {
		from = a.last + 1;
	} else {
		/* "it must seek U.S. government approval": the agency inside */
		for (j = need + 1; j < lic && !has_ent(c, j, M_AGENCY); j++)
			;
		from = need > 8 ? need - 8 : 0;
		if (j < lic) {
			collect_right(c, j, M_AGENCY, &a);
			a.first = from;
		} else if (!export_licence(c, lic)) {
			return ERG_OK;
		}
	}
	for (j = from; j < need; j++) {
		size_t k = member_at(c, j, M_COMPANY | M_CHIP);

		if (k >= c->n)
			continue;
		if (is_stop(c, j) && !is_word(c, j, "that"))
			o.n = 0;
		list_add(&o, &c->it[k], k);
		j = k;
	}
	if (find_object(c, lic + 1, M_COMPANY | M_CHIP, ERG_RESTRICTED, &more))
		for (size_t k = 0; k < more.n; k++)
			list_add(&o, &c->it[more.at[k]], more.at[k]);
	if (!o.n)
		return ERG_OK;
	/* "Nvidia still requires export licences": the exporting state,
	 * that of the chip or else of the company */
	if (!a.n && !exporting_state(c, &o, from, &a))
		return ERG_OK;
	mark(c, lic);
	modality(c, a.first, lic, &neg, &hedge);
	/* "the department informed AMD that shipments would require a
	 * licence": the agency tells of its own rule, and the "would" is
	 * reported speech, unless a condition is stated */
	if (hedge && a.n && a.last < lic && informs(c, a.last + 1, lic)) {
		hedge = (uint8_t)condition_after(c, lic);
		for (j = a.first; j < lic; j++)
			if (has_cue(c, j, ERG_CUE_QUESTION))
				hedge = 1;
	}
	if ((e = emit_all(c, ERG_RESTRICTED, &a, &o, neg, hedge, "licence")))
		return e;
	return ERG_OK;
}

/* "A added X and Y to the Entity List", "X was placed on the
 * Unverified List by A": listing restricts every company listed. */
static erg_err try_listing(ctx *c, size_t add)
{
	elist a, x;
	size_t j, to;
	int passive = is_passive(c, add);
	uint8_t neg, hedge;
	erg_err e;

	empty(&a);
	empty(&x);
	/* the preposition that leads to the list: "to", "on" ... within
	 * reach; an earlier one that leads elsewhere ("21 players in the
	 * AI sector to the Entity List") is passed over */
	for (to = add + 1, j = c->n; to < c->n && to < add + OBJECT_REACH + 8 &&
	                             (!is_stop(c, to) || is_punct(c, to, '"'));
	     to++) {
		if (!is_word(c, to, "to") && !is_word(c, to, "on") &&
		    !is_word(c, to, "in") && !is_word(c, to, "into") &&
		    !is_word(c, to, "onto"))
			continue;
		for (j = to + 1; j < c->n && j < to + 5 &&
		                 !has_cue(c, j, ERG_CUE_LIST) &&
		                 (!is_stop(c, j) || is_punct(c, j, '"'));
		     j++)
			;
		if (j < c->n && has_cue(c, j, ERG_CUE_LIST))
			break;
		j = c->n;
	}
	if (j >= c->n)
		return ERG_OK;
	if (passive) {
		find_subject(c, add, M_COMPANY, &x);
		/* "23 companies were added to the Entity List, including X" */
		if (!x.n)
			find_object(c, j + 1, M_COMPANY, ERG_RESTRICTED, &x);
		if (has_cue(c, add + 1, ERG_CUE_BY))
			find_object(c, add + 2, M_AGENCY, ERG_SUMMONED, &a);
		else
			for (size_t k = j + 1; k < c->n && k < j + 4; k++)
				if (has_cue(c, k, ERG_CUE_BY)) {
					find_object(c, k + 1, M_AGENCY, ERG_SUMMONED, &a);
					break;
				}
		/* "was added to the US entity list": the list's owner */
		if (!a.n) {
			size_t q = j > 0 && is_poss(c, j - 1) ? j - 1 : j;

			if (q > 0 && has_ent(c, q - 1, M_AGENCY) && !c->it[q - 1].coref)
				list_one(c, &a, q - 1);
		}
		/* no agent: the list's keeper is the agency the text is about,
		 * unless the listing sits in a relative clause ("Huawei, which
		 * was added ..."), an aside about another story */
		if (!a.n && !(add >= 2 && (is_word(c, add - 2, "which") ||
		                           is_word(c, add - 2, "who") ||
		                           is_word(c, add - 2, "that"))))
			recent_agency(c, add, &a);
	} else {
		find_subject(c, add, M_AGENCY, &a);
		find_object_until(c, add + 1, to, M_COMPANY, ERG_RESTRICTED, &x);
		/* "the entities added to the trade blacklist, which includes
		 * Cambricon and CETC": the list named after the blacklist */
		size_t cm = j + 1;

		/* "... to its list on Tuesday, including X and Y" */
		while (cm < c->n && cm < j + 5 && !is_punct(c, cm, ',') &&
		       !is_stop(c, cm))
			cm++;
		if (!x.n && is_punct(c, cm, ',') &&
		    (is_word(c, cm + 1, "which") ||
		     has_cue(c, cm + 1, ERG_CUE_INCLUDE))) {
			find_object(c, cm + 2, M_COMPANY, ERG_RESTRICTED, &x);
			if (x.n && !a.n) {
				int32_t r = erg_mentions_recent(c->m, ERG_AGENCY);

				if (r >= 0)
					list_entity(&a, r, add);
			}
		}
	}
	if (!a.n || !x.n)
		return ERG_OK;
	mark(c, add);
	modality(c, passive ? x.first : a.first, add, &neg, &hedge);
	if ((e = emit_all(c, ERG_RESTRICTED, &a, &x, neg, hedge, "listing")))
		return e;
	return ERG_OK;
}

/* The item of a named body of the same state as the state at item i
 * ("the Commerce Department" for "US"), when the sentence names one;
 * else i. */
static size_t named_body(const ctx *c, size_t i)
{
	const erg_lexicon *lx = erg_mentions_lexicon(c->m);
	const erg_entity *st = erg_lexicon_entity(lx, (size_t)c->it[i].ents[0]);

	if (!is_state(c, c->it[i].ents[0]))
		return i;
	for (size_t k = 0; k < c->n; k++)
		if (k != i && !c->it[k].coref && has_ent(c, k, M_AGENCY) &&
		    strcmp(erg_lexicon_entity(lx, (size_t)c->it[k].ents[0])->country,
		           st->country) == 0 &&
		    !is_state(c, c->it[k].ents[0]))
			return k;
	return i;
}

/* "Both companies are on the US government's export blacklist", "Huawei
 * has been on the Commerce Department's Entity List since 2019": being on
 * a list is a restriction by its keeper, who must be named with the list
 * (as its owner or modifier); a list with no keeper in sight gives
 * nothing, since the text may be about an old listing by someone else. */
static erg_err try_on_list(ctx *c, size_t li)
{
	elist a, x;
	size_t k = li, on;
	uint8_t neg, hedge;

	empty(&a);
	empty(&x);
	if (k > 0 && is_poss(c, k - 1))
		k--;
	if (k > 0 && has_ent(c, k - 1, M_AGENCY) && !c->it[k - 1].coref) {
		/* "the US government's export blacklist", "the US Entity List";
		 * "on the US Entity List since the Commerce Department added
		 * it": the body the sentence names keeps it for its state */
		size_t body = named_body(c, k - 1);

		list_add(&a, &c->it[body], body);
		a.first = a.last = k - 1;
		k--;
	} else {
		/* "the Entity List of the Commerce Department" */
		size_t o = li + 1 + is_word(c, li + 2, "the");

		if (k != li || !is_word(c, li + 1, "of") ||
		    !has_ent(c, o + 1, M_AGENCY) || c->it[o + 1].coref)
			return ERG_OK;
		list_one(c, &a, o + 1);
	}
	if (k > 0 && is_word(c, k - 1, "the"))
		k--;
	if (k == 0 || !is_word(c, k - 1, "on"))
		return ERG_OK;
	on = k - 1;
	/* "are (currently) on", "has long been on", "remains on", "is not
	 * on" */
	k = on;
	while (k > 0 && on - k < 3 && !has_cue(c, k - 1, ERG_CUE_BE) &&
	       !is_word(c, k - 1, "remain") && !is_word(c, k - 1, "remains") &&
	       !is_word(c, k - 1, "remained") && !c->it[k - 1].nents &&
	       (!c->it[k - 1].sense.cues || has_cue(c, k - 1, ERG_CUE_NEGATION)) &&
	       !is_stop(c, k - 1) && !is_punct(c, k - 1, ','))
		k--;
	if (k == 0 || !(has_cue(c, k - 1, ERG_CUE_BE) ||
	                is_word(c, k - 1, "remain") ||
	                is_word(c, k - 1, "remains") ||
	                is_word(c, k - 1, "remained")))
		return ERG_OK;
	if (!find_subject(c, k - 1, M_COMPANY, &x))
		return ERG_OK;
	mark(c, li);
	modality(c, x.first, li, &neg, &hedge);
	return emit_all(c, ERG_RESTRICTED, &a, &x, neg, hedge, "on-list");
}

/* "called Nvidia representatives into a meeting", "hauled executives in
 * for talks": summoned, when the meeting follows the company. */
static erg_err try_call(ctx *c, size_t v)
{
	elist a, x;
	size_t j;
	uint8_t neg, hedge;

	empty(&a);
	empty(&x);
	if (!find_object(c, v + 1, M_COMPANY, ERG_SUMMONED, &x))
		return ERG_OK;
	for (j = x.last + 1; j < c->n && j < x.last + 5 && !is_stop(c, j); j++)
		if ((is_word(c, j, "into") || is_word(c, j, "in") ||
		     is_word(c, j, "to")) &&
		    (has_cue(c, j + 1 + is_word(c, j + 1, "a"), ERG_CUE_THEAGENCY) ||
		     is_word(c, j + 1 + is_word(c, j + 1, "a"), "meeting") ||
		     is_word(c, j + 1 + is_word(c, j + 1, "a"), "meetings") ||
		     is_word(c, j + 1, "for")))
			break;
	if (j >= c->n || j >= x.last + 5 || is_stop(c, j))
		return ERG_OK;
	if (!find_subject(c, v, M_AGENCY, &a))
		return ERG_OK;
	modality(c, a.first, v, &neg, &hedge);
	return emit_all(c, ERG_SUMMONED, &a, &x, neg, hedge, "summon-call");
}

/* "Samsung has started shipping HBM3E chips to Nvidia", "Nvidia sold
 * H20s to Tencent": the company the goods go to purchased them (or
 * bought from the seller, when no chip is named). */
/* Words of a permission: "licences that allowed Qualcomm to ship". */
static const char *const permit_words[] = {
	"allowed", "allow", "allows", "allowing", "permitted", "permit",
	"permits", "let", NULL};

static erg_err try_sale(ctx *c, size_t v)
{
	elist seller, goods, buyer;
	size_t j;
	uint8_t neg, hedge;
	erg_err e;

	empty(&seller);
	empty(&goods);
	empty(&buyer);
	/* "had stopped shipping chips to Sophgo" sells nothing now */
	if (v > 0 && (has_cue(c, v - 1, ERG_CUE_HALT) ||
	              has_cue(c, v - 1, ERG_CUE_AVOID)))
		return ERG_OK;
	/* "licences that allowed Intel and Qualcomm to ship chips to
	 * Huawei": a sale that is permitted has not happened; only the
	 * sellers and "that" may stand between the permit and "to" */
	if (v > 1 && is_word(c, v - 1, "to"))
		for (j = v - 1; j-- > 0 && v - j < 10;) {
			if (is_any(c, j, permit_words) || has_cue(c, j, ERG_CUE_LICENCE))
				return ERG_OK;
			if (!c->it[j].nents && !is_connector(c, j) &&
			    !has_cue(c, j, ERG_CUE_FILLER))
				break;
		}
	for (j = v + 1; j < c->n && j < v + 10 && !is_word(c, j, "to") &&
	                !is_stop(c, j);
	     j++)
		;
	/* the buyer is named right after "to" ("to their operations" is
	 * where goods go, not who buys them) */
	if (!is_word(c, j, "to") || is_word(c, j + 1, "its") ||
	    is_word(c, j + 1, "their") ||
	    !find_object(c, j + 1, M_COMPANY, ERG_SUMMONED, &buyer) ||
	    buyer.first != j + 1)
		return ERG_OK;
	find_object_until(c, v + 1, j, M_CHIP, ERG_PURCHASED, &goods);
	find_subject(c, v, M_COMPANY, &seller);
	if (!goods.n) {
		/* "sold its chips to Tencent": the seller is the vendor, when
		 * what was sold is a product */
		size_t k;

		for (k = v + 1; k < j && !has_cue(c, k, ERG_CUE_CHIPNOUN); k++)
			;
		if (k == j || !seller.n)
			return ERG_OK;
		goods = seller;
	}
	modality(c, seller.n && seller.last < v ? seller.first : v, v, &neg,
	         &hedge);
	if ((e = emit_all(c, ERG_PURCHASED, &buyer, &goods, neg, hedge, "sale")))
		return e;
	return ERG_OK;
}

/* Could company co make chip ch?  A chip carries its maker's country
 * (entities.txt), so "Tencent's H20 orders" are a buyer's and "Nvidia's
 * H20 orders" a maker's. */
static int maker_country(const ctx *c, int32_t co, int32_t ch)
{
	const erg_lexicon *lx = erg_mentions_lexicon(c->m);
	const char *a = erg_lexicon_entity(lx, (size_t)co)->country;
	const char *b = erg_lexicon_entity(lx, (size_t)ch)->country;

	return !*a || !*b || strcmp(a, b) == 0;
}

/* "received (large) orders from": the receive verb before noun t, or n. */
static size_t receive_verb(const ctx *c, size_t t)
{
	static const char *const verbs[] = {
		"received", "receives", "receive", "receiving", "won", "wins",
		"secured", "secures", "landed", "lands", "booked", "books",
		"got", "gets", NULL};

	if (!is_word(c, t + 1, "from"))
		return c->n;
	for (size_t k = t; k > 0 && t - k < 4; k--) {
		if (is_any(c, k - 1, verbs))
			return k - 1;
		/* only adjectives and the chip between: "received large new
		 * H20 orders" */
		if (has_ent(c, k - 1, M_CHIP) || has_cue(c, k - 1, ERG_CUE_CHIPNOUN))
			continue;
		if (c->it[k - 1].nents || is_stop(c, k - 1) ||
		    is_punct(c, k - 1, ',') || c->it[k - 1].sense.verbs ||
		    c->it[k - 1].sense.nouns ||
		    (c->it[k - 1].sense.cues && !has_cue(c, k - 1, ERG_CUE_FILLER)))
			break;
	}
	return c->n;
}

/* Noun or verb?  "the ban on", "their purchases of", "a ban" are nouns. */
static int noun_reading(const ctx *c, size_t t)
{
	const erg_item *it = &c->it[t];

	if (!it->sense.nouns)
		return 0;
	if (!it->sense.verbs)
		return 1;
	/* "the CAC bans the H20" is a verb; "US sanctions on Huawei" a noun */
	if (t > 0 && has_ent(c, t - 1, M_AGENCY) && !has_cue(c, t + 1, ERG_CUE_PREP) &&
	    (is_word(c, t + 1, "the") || is_word(c, t + 1, "a") ||
	     c->it[t + 1 < c->n ? t + 1 : t].nents))
		return 0;
	/* "received orders from" */
	if (receive_verb(c, t) < c->n)
		return 1;
	/* "H20 orders", "H20 chip purchases": a compound noun */
	if (t > 0 && (has_ent(c, t - 1, M_CHIP) ||
	              (t > 1 && has_cue(c, t - 1, ERG_CUE_CHIPNOUN) &&
	               has_ent(c, t - 2, M_CHIP))))
		return 1;
	if (t > 0 && (is_poss(c, t - 1) || is_word(c, t - 1, "the") ||
	              is_word(c, t - 1, "a") || is_word(c, t - 1, "an") ||
	              is_word(c, t - 1, "new") || is_word(c, t - 1, "any") ||
	              is_word(c, t - 1, "export") ||
	              has_cue(c, t - 1, ERG_CUE_GROUP) ||
	              (c->it[t - 1].sense.cues & CUE(ERG_CUE_ITS)) ||
	              has_ent(c, t - 1, M_AGENCY)))
		return 1;
	return is_word(c, t + 1, "of") || is_word(c, t + 1, "on") ||
	       is_word(c, t + 1, "against") || is_word(c, t + 1, "for");
}

/* The owner of a nominal: "their purchases", "Tencent's orders". */
static int possessor(const ctx *c, size_t t, unsigned mask, elist *l)
{
	l->n = 0;
	for (size_t j = t; j-- > 0 && t - j <= 3;) {
		const erg_item *it = &c->it[j];

		if (is_poss(c, j) && j > 0 && has_ent(c, j - 1, mask)) {
			collect_left(c, j - 1, mask, l);
			return 1;
		}
		if ((it->sense.cues & (CUE(ERG_CUE_GROUP) | CUE(ERG_CUE_ITS))) &&
		    has_ent(c, j, mask)) {
			list_one(c, l, j);
			return 1;
		}
		/* "Beijing's H20 ban": the chip is the noun's object */
		if (has_ent(c, j, M_CHIP) && !it->coref &&
		    (j + 1 == t ||
		     (j + 2 == t && has_cue(c, t - 1, ERG_CUE_CHIPNOUN))))
			continue;
		/* "US export controls", "Chinese restrictions": a state or
		 * agency as the noun's modifier owns the measure */
		if (j + 1 == t && mask == M_AGENCY && !it->coref &&
		    has_ent(c, j, mask)) {
			list_one(c, l, j);
			return 1;
		}
		if (it->nents || is_stop(c, j) || is_punct(c, j, ','))
			return 0;
	}
	return 0;
}

/* "TSMC received large orders from Sophgo": the buyer (s) follows
 * "from", the vendor (o) received the orders. */
static int received_from(const ctx *c, size_t t, elist *s, elist *o)
{
	size_t k = receive_verb(c, t);
	elist b, v;

	empty(&b);
	empty(&v);
	if (k >= c->n || !find_object(c, t + 2, M_COMPANY, ERG_PURCHASED, &b) ||
	    !find_subject(c, k, M_COMPANY, &v))
		return 0;
	/* "Nvidia received H20 orders from Tencent": the chip too */
	for (size_t q = k + 1; q < t && v.n < LIST_MAX; q++)
		if (has_ent(c, q, M_CHIP))
			list_add(&v, &c->it[q], q);
	*s = b;
	*o = v;
	return 1;
}

/* Does the phrase after "by" (from item a) name the agent at item e,
 * rather than a thing of which the agent is only a modifier: "by such a
 * review in China" names a review. */
static int agent_phrase(const ctx *c, size_t a, size_t e)
{
	int plain = 0;

	for (size_t j = a; j < e; j++) {
		if (has_cue(c, j, ERG_CUE_PREP) && plain)
			return 0;
		if (!c->it[j].nents && !has_cue(c, j, ERG_CUE_FILLER) &&
		    !is_poss(c, j) && !is_connector(c, j))
			plain = 1;
	}
	return 1;
}

/* "also", "as well", "too" within the clause around a passive: the
 * sentence goes on with what the text just said. */
static int continues(const ctx *c, size_t t)
{
	for (size_t j = t > 3 ? t - 3 : 0; j < c->n && j < t + 4; j++) {
		if (is_word(c, j, "also") || is_word(c, j, "too") ||
		    is_word(c, j, "likewise") ||
		    (is_word(c, j, "as") && is_word(c, j + 1, "well")))
			return 1;
		if (j > t && is_stop(c, j))
			break;
	}
	return 0;
}

/* Is trigger t a form of "target" in a sentence about an investigation? */
static int probe_target(const ctx *c, size_t t)
{
	static const char *const target[] = {"target", "targets", "targeted",
	                                     "targeting", NULL};
	static const char *const probe[] = {"investigation", "probe", "inquiry",
	                                    "anti-dumping", "antitrust",
	                                    "anti-monopoly", NULL};

	if (!is_any(c, t, target))
		return 0;
	for (size_t k = 0; k < t; k++)
		if (is_any(c, k, probe))
			return 1;
	return 0;
}

/* "buyer of", "buyers of": a noun for the actor, not the act */
static int agent_noun(const ctx *c, size_t t)
{
	const erg_token *k = &c->toks[c->it[t].tok];
	const char *w = c->text + k->off;

	return (k->len == 5 && strncasecmp(w, "buyer", 5) == 0) ||
	       (k->len == 6 && strncasecmp(w, "buyers", 6) == 0) ||
	       (k->len == 9 && strncasecmp(w, "purchaser", 9) == 0) ||
	       (k->len == 10 && strncasecmp(w, "purchasers", 10) == 0);
}

/* The subject an agent noun is said of: "Tencent is a major buyer of",
 * "ByteDance remains one of the largest buyers of".  Only the name right
 * before the copula counts: "X, while also being a buyer of" may be about
 * any earlier name. */
static void copula_subject(const ctx *c, size_t t, unsigned mask, elist *l)
{
	size_t k = t;

	l->n = 0;
	while (k > 0 && t - k < 6 && !has_cue(c, k - 1, ERG_CUE_BE) &&
	       !is_word(c, k - 1, "remains") && !is_word(c, k - 1, "remained") &&
	       !is_word(c, k - 1, "became") && !c->it[k - 1].nents &&
	       !is_stop(c, k - 1) && !is_punct(c, k - 1, ',') &&
	       !c->it[k - 1].sense.verbs && !c->it[k - 1].sense.nouns)
		k--;
	if (k < 2 || !(has_cue(c, k - 1, ERG_CUE_BE) ||
	               is_word(c, k - 1, "remains") ||
	               is_word(c, k - 1, "remained") || is_word(c, k - 1, "became")))
		return;
	k--;
	/* "is also", "has long been" */
	if (k > 1 && (is_word(c, k - 1, "also") || is_word(c, k - 1, "long") ||
	              is_word(c, k - 1, "now") || is_word(c, k - 1, "still")))
		k--;
	if (k > 1 && (is_word(c, k - 1, "has") || is_word(c, k - 1, "have") ||
	              is_word(c, k - 1, "had")))
		k--;
	if (has_ent(c, k - 1, mask))
		collect_left(c, k - 1, mask, l);
}

static erg_err relate_trigger(ctx *c, size_t t)
{
	const erg_item *it = &c->it[t];
	int noun = noun_reading(c, t);
	unsigned rels = noun ? it->sense.nouns : it->sense.verbs;
	erg_err e;

	for (int r = 0; r < ERG_NRELS; r++) {
		elist s, o;
		uint8_t neg, hedge;
		const char *rule;
		size_t lo;
		int vendor = 0;

		empty(&s);
		empty(&o);
		if (!(rels & (1u << r)))
			continue;
		if (noun) {
			rule = noun_rule[r];
			if (agent_noun(c, t))
				copula_subject(c, t, subj_mask[r], &s);
			else if (!possessor(c, t, subj_mask[r], &s))
				find_subject(c, t, subj_mask[r], &s);
			/* a nominal takes its object through a preposition:
			 * "purchases of", "a ban on", "curbs against" */
			if (ends_with_prep(c, t))
				/* "meetings with Nvidia" */
				find_object(c, t + 1, obj_mask[r], ERG_RESTRICTED, &o);
			else if (has_cue(c, t + 1, ERG_CUE_PREP))
				find_object(c, t + 2, obj_mask[r], ERG_RESTRICTED, &o);
			else if (is_punct(c, t + 1, ',') && has_cue(c, t + 2, ERG_CUE_PREP))
				/* "licensing requirements, affecting the H20" */
				find_object(c, t + 3, obj_mask[r], ERG_RESTRICTED, &o);
			/* "Tencent's H20 orders", "Beijing's H20 ban": the chip
			 * before the noun is its object */
			if (!o.n && (obj_mask[r] & M_CHIP) && t > 0) {
				size_t q = has_cue(c, t - 1, ERG_CUE_CHIPNOUN) && t > 1
				               ? t - 2
				               : t - 1;

				/* "Nvidia's H20 orders" are orders for its own chip */
				if (has_ent(c, q, M_CHIP) && !c->it[q].coref &&
				    !(r == ERG_PURCHASED && s.n &&
				      maker_country(c, s.e[0], c->it[q].ents[0])))
					list_one(c, &o, q);
			}
			/* "the 910B and 910C are subject to export controls" */
			size_t to = t;

			/* "subject to (strict) export controls", "a major target
			 * of US export controls" */
			while (to > 0 && t - to < 3 && !is_word(c, to - 1, "to") &&
			       !is_word(c, to - 1, "of") && !is_stop(c, to - 1) &&
			       (!c->it[to - 1].nents || to == t))
				to--;
			if (!o.n && to >= 2 &&
			    ((is_word(c, to - 1, "to") && is_word(c, to - 2, "subject")) ||
			     (is_word(c, to - 1, "of") &&
			      (is_word(c, to - 2, "target") ||
			       is_word(c, to - 2, "targets"))))) {
				size_t k = to - 2;

				while (k > 0 && !has_cue(c, k - 1, ERG_CUE_BE) && to - k < 6)
					k--;
				if (k > 0 && has_cue(c, k - 1, ERG_CUE_BE))
					find_subject(c, k - 1, obj_mask[r], &o);
				if (o.n) {
					elist left;

					/* the agency on the left ("Washington says the
					 * 910B is subject to ..."), else the noun's owner
					 * ("a target of US export controls"); the scope
					 * starts at the agency or at the object */
					if (find_subject(c, o.first, subj_mask[r], &left))
						s = left;
					if (s.n) {
						if (s.first > o.first)
							s.first = o.first;
						s.last = o.first;
					}
				}
			}
			if (o.n && has_cue(c, o.last + 1, ERG_CUE_BY)) {
				/* "the summons of Nvidia by the CAC" */
				elist agent;

				empty(&agent);
				if (find_object(c, o.last + 2, subj_mask[r], ERG_SUMMONED,
				                &agent))
					s = agent;
			}
			/* "TSMC received orders from Sophgo": the buyer is after
			 * "from", and what it buys from is the receiver */
			if (r == ERG_PURCHASED && received_from(c, t, &s, &o)) {
				lo = o.first;
				vendor = 1; /* the receiver sells */
			}
			else
				lo = s.n && s.last < t ? s.first : t;
		} else if (is_passive(c, t)) {
			rule = passive_rule[r];
			find_subject(c, t, obj_mask[r], &o);
			if (has_cue(c, t + 1, ERG_CUE_BY)) {
				find_object(c, t + 2, subj_mask[r], ERG_SUMMONED, &s);
				if (s.n && !agent_phrase(c, t + 2, s.first))
					s.n = 0;
			} else {
				/* "was barred from buying H20 chips by the ..." */
				size_t k;

				for (k = t + 1; k < c->n && k < t + 10 && !is_stop(c, k) &&
				                !has_cue(c, k, ERG_CUE_BY);
				     k++)
					;
				if (has_cue(c, k, ERG_CUE_BY))
					find_object(c, k + 1, subj_mask[r], ERG_SUMMONED, &s);
				else
					agent_under(c, t, subj_mask[r], &s);
				/* "representatives of Nvidia were summoned to the
				 * commerce ministry" */
				if (!s.n && r == ERG_SUMMONED && is_word(c, t + 1, "to")) {
					size_t q = t + 2 + is_word(c, t + 2, "the");

					if (has_ent(c, q, M_AGENCY))
						list_one(c, &s, q);
				}
				/* "Baidu was also called in", "Hygon was blacklisted
				 * as well": the same agent as before */
				if (!s.n && r != ERG_PURCHASED && r != ERG_MAKES &&
				    continues(c, t))
					recent_agency(c, t, &s);
				if (r == ERG_RESTRICTED && is_word(c, t + 1, "from")) {
					elist more;

					empty(&more);
					if (find_object_until(c, t + 2, k, M_CHIP, ERG_PURCHASED,
					                      &more))
						for (size_t q = 0; q < more.n && o.n < LIST_MAX; q++) {
							o.at[o.n] = more.at[q];
							o.e[o.n++] = more.e[q];
						}
				}
			}
			lo = o.n ? o.first : t;
		} else {
			rule = verb_rule[r];
			/* "prompted Chinese firms to order ...", "domestic companies
			 * bought ...": the actor is a group with no name */
			if ((t >= 2 && is_word(c, t - 1, "to") &&
			     has_cue(c, t - 2, ERG_CUE_GENERIC) && !c->it[t - 2].nents) ||
			    (t >= 1 && has_cue(c, t - 1, ERG_CUE_GENERIC) &&
			     !c->it[t - 1].nents && !named_and_others(c, t - 1)))
				continue;
			/* "barred Huawei from buying", "warned against buying":
			 * a purchase that is kept from happening */
			if (r == ERG_PURCHASED && t > 0 &&
			    (is_word(c, t - 1, "from") || is_word(c, t - 1, "against") ||
			     has_cue(c, t - 1, ERG_CUE_HALT) ||
			     has_cue(c, t - 1, ERG_CUE_AVOID)))
				continue;
			/* "an anti-dumping investigation ..., in a move that
			 * targets Texas Instruments": a probe restricts nothing */
			if (r == ERG_RESTRICTED && probe_target(c, t))
				continue;
			find_subject(c, t, subj_mask[r], &s);
			if (!s.n && r == ERG_RESTRICTED)
				measure_agent(c, t, &s);
			find_object(c, t + 1, obj_mask[r], (erg_rel)r, &o);
			if (r == ERG_RESTRICTED && !o.n) {
				/* "barred operators from buying products made by
				 * Micron": with the buyers unnamed, the vendor */
				size_t k;

				for (k = t + 1; k < c->n && k < t + 8 && !is_stop(c, k) &&
				                !is_word(c, k, "from");
				     k++)
					;
				if (is_word(c, k, "from") && has_cue(c, k + 1, ERG_CUE_USE))
					find_object(c, k + 2, obj_mask[r], ERG_PURCHASED, &o);
			} else if (o.n && r == ERG_RESTRICTED &&
			           (has_cue(c, o.last + 1, ERG_CUE_USE) ||
			            has_cue(c, o.last + 1, ERG_CUE_PRODUCT)) &&
			           is_word(c, o.last + 2, "of")) {
				/* "banned their purchases of the H20" */
				elist more;

				empty(&more);
				if (find_object(c, o.last + 3, M_CHIP, ERG_PURCHASED, &more))
					for (size_t k = 0; k < more.n && o.n < LIST_MAX; k++) {
						o.at[o.n] = more.at[k];
						o.e[o.n++] = more.e[k];
					}
			} else if (o.n &&
			    r == ERG_RESTRICTED && is_word(c, o.last + 1, "from")) {
				/* "barred Huawei from buying H20 chips" */
				elist more;

				empty(&more);
				if (find_object(c, o.last + 2, M_CHIP, ERG_PURCHASED,
				                &more))
					for (size_t k = 0; k < more.n && o.n < LIST_MAX; k++)
						{
						o.at[o.n] = more.at[k];
						o.e[o.n++] = more.e[k];
					}
			}
			/* "the H20 chips that Tencent bought", "the B30A, a chip
			 * Nvidia developed": the object stands before the subject */
			if (s.n && !o.n && s.first > 0 &&
			    (is_word(c, s.first - 1, "that") ||
			     is_word(c, s.first - 1, "which") ||
			     has_cue(c, s.first - 1, ERG_CUE_CHIPNOUN)))
				find_subject(c, s.first, obj_mask[r], &o);
			lo = s.n ? s.first : t;
		}
		if (r == ERG_PURCHASED && !vendor)
			keep_vendors(c, &o, t);
		if (!s.n || !o.n) {
			char w[96];

			tracef(c, "%s '%s': no %s %s found", rule,
			       item_text(c, t, w, sizeof w),
			       !s.n ? "subject" : "object",
			       mask_name(!s.n ? subj_mask[r] : obj_mask[r]));
			continue;
		}
		modality(c, lo, t, &neg, &hedge);
		/* "lawmakers urged the Commerce Department to blacklist CXMT":
		 * an act someone asks for is not done */
		if (!noun && t > 1 && is_word(c, t - 1, "to") && s.n && s.first < t &&
		    /* "instructed its officers to block": the agency acts */
		    !(c->it[s.first].coref && is_word(c, s.first, "its")))
			for (size_t k = s.first; k-- > 0 && s.first - k <= 4;)
				if (has_cue(c, k, ERG_CUE_DIRECTIVE)) {
					hedge = 1;
					break;
				}
		/* "summoned neither Inspur nor Sugon" */
		if (o.first > 0 && o.first > t && has_cue(c, o.first - 1, ERG_CUE_NEGATION))
			neg = 1;
		/* "sought approval to buy", "applied for licences to buy": a
		 * purchase waiting for a licence has not happened */
		for (size_t k = lo; r == ERG_PURCHASED && k < t; k++)
			if (has_cue(c, k, ERG_CUE_LICENCE))
				hedge = 1;
		if ((e = emit_all(c, (erg_rel)r, &s, &o, neg, hedge, rule)))
			return e;
	}
	return ERG_OK;
}

/* Is the chip at j the first word of a purchase noun phrase ("H20
 * orders", "H20 chip purchases", "Blackwell cluster")? */
static int buyer_chip(const ctx *c, size_t j)
{
	size_t k = j + 1;

	if (has_cue(c, k, ERG_CUE_CHIPNOUN))
		k++;
	return k < c->n && ((c->it[k].sense.nouns & (1u << ERG_PURCHASED)) ||
	                    is_word(c, k, "cluster") || is_word(c, k, "clusters"));
}

/* "Nvidia's H20", "its Blackwell chip", "Nvidia H20": the maker. */
static erg_err relate_makers(ctx *c)
{
	erg_err e;

	for (size_t i = 0; i + 1 < c->n; i++) {
		elist s, o;
		size_t j;

		empty(&s);
		empty(&o);
		if (!has_ent(c, i, M_COMPANY))
			continue;
		j = member_at(c, i, M_CHIP);
		/* "Tencent's H20 orders", "their H20 stockpile": the owner
		 * of a purchase, not the maker; "Nvidia H20 orders" are
		 * orders for Nvidia's chip */
		if (j < c->n && j != i && (c->it[i].poss || c->it[i].coref) &&
		    buyer_chip(c, j) && !maker_country(c, c->it[i].ents[0],
		                                       c->it[j].ents[0]))
			continue;
		if (j >= c->n || j == i) {
			/* "its advanced Blackwell chip", "Nvidia's actual flagship
			 * H100", "its new chip, the Ascend 910D" */
			if (!(c->it[i].sense.cues & CUE(ERG_CUE_ITS)) && !c->it[i].poss)
				continue;
			/* only adjectives between: "Indosat's use of the RNGD" and
			 * "its licence to sell the H20" name no maker */
			for (j = i + 1 + c->it[i].poss;
			     j < c->n && j < i + 5 && !c->it[j].nents && !is_stop(c, j) &&
			     !is_punct(c, j, ',') && !c->it[j].sense.verbs &&
			     !c->it[j].sense.nouns && !has_cue(c, j, ERG_CUE_PREP) &&
			     !has_cue(c, j, ERG_CUE_USE) &&
			     !has_cue(c, j, ERG_CUE_PRODUCT) &&
			     !has_cue(c, j, ERG_CUE_LICENCE);
			     j++)
				;
			if (is_punct(c, j, ',') && j > 0 &&
			    has_cue(c, j - 1, ERG_CUE_CHIPNOUN))
				j += 1 + is_word(c, j + 1, "the");
			if (!has_ent(c, j, M_CHIP))
				continue;
		}
		list_add(&s, &c->it[i], i);
		collect_right(c, j, M_CHIP, &o);
		/* "Huawei's Ascend 910D and Nvidia's B40": each its own maker */
		{
			size_t keep = 0;

			for (size_t k = 0; k < o.n; k++)
				if (o.at[k] < 2 || o.at[k] - 2 <= i ||
				    !has_ent(c,
				             o.at[k] - (is_poss(c, o.at[k] - 1) ? 2 : 1),
				             M_COMPANY)) {
					o.at[keep] = o.at[k];
					o.e[keep++] = o.e[k];
				}
			o.n = keep;
		}
		if ((e = emit_all(c, ERG_MAKES, &s, &o, 0, 0, "maker-possessive")))
			return e;
	}
	/* "the H20, a less capable Nvidia chip": an appositive names the
	 * maker of the chip before it */
	for (size_t i = 2; i + 1 < c->n; i++) {
		elist s, o;
		size_t j = i;

		empty(&s);
		empty(&o);
		if (!has_ent(c, i, M_COMPANY) || !has_cue(c, i + 1, ERG_CUE_CHIPNOUN))
			continue;
		while (j > 0 && i - j < 5 && !is_punct(c, j - 1, ',') &&
		       !c->it[j - 1].nents && !is_stop(c, j - 1))
			j--;
		if (j < 2 || !is_punct(c, j - 1, ',') || !has_ent(c, j - 2, M_CHIP) ||
		    !(is_word(c, j, "a") || is_word(c, j, "an") ||
		      is_word(c, j, "the")))
			continue;
		list_add(&s, &c->it[i], i);
		list_add(&o, &c->it[j - 2], j - 2);
		if ((e = emit_all(c, ERG_MAKES, &s, &o, 0, 0, "maker-appositive")))
			return e;
	}
	return ERG_OK;
}

erg_err erg_relate_sentence(const erg_mentions *m, const char *text,
                            const erg_token *toks, const erg_item *items,
                            size_t nitems, erg_vec *out)
{
	return erg_relate_sentence_trace(m, text, toks, items, nitems, out, NULL);
}

erg_err erg_relate_sentence_trace(const erg_mentions *m, const char *text,
                                  const erg_token *toks,
                                  const erg_item *items, size_t nitems,
                                  erg_vec *out, erg_buf *trace)
{
	ctx c;
	erg_err e;
	int matched;

	if (nitems > ERG_SENT_MAX_TOKENS)
		return ERG_ELIMIT;
	memset(c.used, 0, nitems + 1);
	c.m = m;
	c.text = text;
	c.toks = toks;
	c.it = items;
	c.n = nitems;
	c.out = out;
	c.trace = trace;
	erg_vec_clear(out);
	for (size_t i = 0; i < nitems; i++)
		if (has_cue(&c, i, ERG_CUE_DIRECTIVE) && !noun_reading(&c, i) &&
		    (e = try_directive(&c, i, &matched)))
			return e;
	for (size_t i = 0; i < nitems; i++)
		if ((has_cue(&c, i, ERG_CUE_MUST) && (e = try_obligation(&c, i))) ||
		    (has_cue(&c, i, ERG_CUE_LICENCE) && !c.used[i] &&
		     (e = try_licence(&c, i))) ||
		    (has_cue(&c, i, ERG_CUE_ADD) && (e = try_listing(&c, i))) ||
		    (has_cue(&c, i, ERG_CUE_LIST) && !c.used[i] &&
		     (e = try_on_list(&c, i))) ||
		    (has_cue(&c, i, ERG_CUE_CALL) && (e = try_call(&c, i))) ||
		    (has_cue(&c, i, ERG_CUE_SELL) && (e = try_sale(&c, i))))
			return e;
	for (size_t i = 0; i < nitems; i++)
		if (!c.used[i] && (items[i].sense.verbs || items[i].sense.nouns) &&
		    (e = relate_trigger(&c, i)))
			return e;
	return relate_makers(&c);
}
