/* lexicon.c - the phrase table behind mention and trigger finding.
 *
 * Every alias, trigger form and cue word is tokenized with the document
 * tokenizer, so that a phrase matches text exactly when their tokens do.
 * Phrases are chained per first-token key in an open-addressing hash table;
 * matching a position costs one hash of one token plus a walk of a short
 * chain, whatever the lexicon's size. */
#include "lexicon.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

#define MAX_PHRASE_TOKENS 16
#define KEY_MAX 64
#define NONE UINT32_MAX

enum { CASE_ANY, CASE_CAP, CASE_UPPER };

typedef struct {
	uint32_t keys;       /* offset in pool: the token keys, NUL-separated */
	uint8_t ntok;
	uint8_t caps[MAX_PHRASE_TOKENS];
	uint32_t next;       /* next phrase with the same first key */
	erg_sense sense;
} phrase;

typedef struct {
	uint32_t key;        /* offset in pool of the first key */
	uint32_t head;       /* first phrase in the chain */
	uint32_t hash;       /* hash_key of the key: most probes end here */
} slot;

struct erg_lexicon {
	erg_vec entities;    /* erg_entity */
	erg_vec phrases;     /* phrase */
	erg_buf pool;        /* key strings */
	slot *slots;
	size_t nslots, used;
	uint32_t *names;     /* entity index + 1 by (name, type) hash */
	size_t nnames;
	uint64_t version;    /* FNV-1a over every text loaded, in order */
};

static const char *const type_names[ERG_NTYPES] = {"agency", "company",
                                                   "chip"};
static const char *const rel_names[ERG_NRELS] = {"summoned", "purchased",
                                                 "restricted", "makes"};
static const char *const cue_names[ERG_NCUES] = {
	"negation", "deny",    "hedge",      "question",    "directive",
	"halt",     "avoid",   "use",        "must",        "need",
	"licence",  "add",     "list",       "legal",       "corp-word",
	"prep",     "be",      "by",         "break",       "include",
	"filler",   "product", "group",      "the-company", "the-agency",
	"the-chip", "its",     "it",         "chip-noun",   "generic",
	"measure",  "call",    "sell",       "agency-word", "media",
	"hearsay",  "org-word"};

const char *erg_etype_name(erg_etype t)
{
	return t < ERG_NTYPES ? type_names[t] : "?";
}

const char *erg_rel_name(erg_rel r)
{
	return r < ERG_NRELS ? rel_names[r] : "?";
}

static int parse_name(const char *const *names, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

int erg_etype_parse(const char *s)
{
	return parse_name(type_names, ERG_NTYPES, s);
}

int erg_rel_parse(const char *s)
{
	return parse_name(rel_names, ERG_NRELS, s);
}

erg_lexicon *erg_lexicon_new(void)
{
	erg_lexicon *lx = calloc(1, sizeof *lx);

	if (!lx)
		return NULL;
	erg_vec_init(&lx->entities, sizeof(erg_entity));
	erg_vec_init(&lx->phrases, sizeof(phrase));
	lx->version = UINT64_C(0xcbf29ce484222325);
	return lx;
}

void erg_lexicon_free(erg_lexicon *lx)
{
	if (!lx)
		return;
	for (size_t i = 0; i < lx->entities.len; i++)
		free(((erg_entity *)lx->entities.data)[i].name);
	erg_vec_free(&lx->entities);
	erg_vec_free(&lx->phrases);
	erg_buf_free(&lx->pool);
	free(lx->slots);
	free(lx->names);
	free(lx);
}

size_t erg_lexicon_nentities(const erg_lexicon *lx)
{
	return lx->entities.len;
}

const erg_entity *erg_lexicon_entity(const erg_lexicon *lx, size_t i)
{
	return erg_vec_at(&lx->entities, i);
}

int erg_entity_is_state(const erg_entity *e)
{
	size_t k = strlen(e->name);

	/* entities.txt names every state's entry "<adjective> government" */
	return k >= 11 && strcmp(e->name + k - 11, " government") == 0;
}

/* Entities by (name, type): an open-addressing table of indexes + 1, so
 * that learning names while reading stays cheap as the lexicon grows. */
static uint32_t name_hash(const char *s, erg_etype type)
{
	uint32_t h = 2166136261u ^ (uint32_t)type;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

int32_t erg_lexicon_find(const erg_lexicon *lx, const char *name,
                         erg_etype type)
{
	const erg_entity *e = lx->entities.data;
	size_t mask;

	if (!lx->nnames)
		return -1;
	mask = lx->nnames - 1;
	for (size_t i = name_hash(name, type) & mask;; i = (i + 1) & mask) {
		uint32_t k = lx->names[i];

		if (!k)
			return -1;
		if (e[k - 1].type == type && strcmp(e[k - 1].name, name) == 0)
			return (int32_t)(k - 1);
	}
}

static erg_err index_name(erg_lexicon *lx, uint32_t id)
{
	const erg_entity *e = lx->entities.data;
	size_t mask;

	if ((lx->entities.len + 1) * 2 > lx->nnames) {
		size_t n = lx->nnames ? lx->nnames * 2 : 1024;
		uint32_t *t = calloc(n, sizeof *t);

		if (!t)
			return ERG_ENOMEM;
		free(lx->names);
		lx->names = t;
		lx->nnames = n;
		/* re-index all but the new entity, which is added below */
		for (uint32_t j = 0; j < id; j++) {
			size_t i = name_hash(e[j].name, e[j].type) & (n - 1);

			while (t[i])
				i = (i + 1) & (n - 1);
			t[i] = j + 1;
		}
	}
	mask = lx->nnames - 1;
	for (size_t i = name_hash(e[id].name, e[id].type) & mask;;
	     i = (i + 1) & mask)
		if (!lx->names[i]) {
			lx->names[i] = id + 1;
			return ERG_OK;
		}
}

int32_t erg_lexicon_add_entity(erg_lexicon *lx, const char *name,
                               erg_etype type, const char *country)
{
	int32_t id = erg_lexicon_find(lx, name, type);
	erg_entity *e;

	if (id >= 0) {
		if (country && *country)
			snprintf(((erg_entity *)lx->entities.data)[id].country,
			         sizeof e->country, "%s", country);
		return id;
	}
	if (lx->entities.len >= INT32_MAX)
		return -1;
	e = erg_vec_push(&lx->entities);
	if (!e)
		return -1;
	e->name = erg_strndup(name, strlen(name));
	if (!e->name) {
		lx->entities.len--;
		return -1;
	}
	e->type = type;
	snprintf(e->country, sizeof e->country, "%s", country ? country : "");
	if (index_name(lx, (uint32_t)(lx->entities.len - 1))) {
		free(e->name);
		lx->entities.len--;
		return -1;
	}
	return (int32_t)(lx->entities.len - 1);
}

/* FNV-1a: short keys, good spread, no dependencies. */
static uint32_t hash_key(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static slot *find_slot(const erg_lexicon *lx, const char *key)
{
	size_t i;
	uint32_t h;

	if (!lx->nslots)
		return NULL;
	h = hash_key(key);
	i = h & (lx->nslots - 1);
	for (;;) {
		slot *s = &lx->slots[i];

		if (s->head == NONE ||
		    (s->hash == h && strcmp(lx->pool.data + s->key, key) == 0))
			return s;
		i = (i + 1) & (lx->nslots - 1);
	}
}

static erg_err grow_slots(erg_lexicon *lx)
{
	size_t n = lx->nslots ? lx->nslots * 2 : 1024, i;
	slot *old = lx->slots, *ns;
	size_t oldn = lx->nslots;

	if (n > ((size_t)1 << 28))
		return ERG_ELIMIT;
	ns = malloc(n * sizeof *ns);
	if (!ns)
		return ERG_ENOMEM;
	for (i = 0; i < n; i++)
		ns[i].head = NONE;
	lx->slots = ns;
	lx->nslots = n;
	for (i = 0; i < oldn; i++)
		if (old[i].head != NONE)
			*find_slot(lx, lx->pool.data + old[i].key) = old[i];
	free(old);
	return ERG_OK;
}

/* Find or create the phrase for these token keys and case constraints. */
static erg_err intern_phrase(erg_lexicon *lx, char keys[][KEY_MAX],
                             const uint8_t *caps, size_t ntok,
                             phrase **out)
{
	slot *s;
	phrase *p;
	uint32_t i, off;
	erg_err e;

	if (lx->used * 2 >= lx->nslots && (e = grow_slots(lx)))
		return e;
	s = find_slot(lx, keys[0]);
	for (i = s->head; i != NONE; i = p->next) {
		const char *k;
		size_t t;

		p = (phrase *)lx->phrases.data + i;
		if (p->ntok != ntok || memcmp(p->caps, caps, ntok))
			continue;
		k = lx->pool.data + p->keys;
		for (t = 0; t < ntok; k += strlen(k) + 1, t++)
			if (strcmp(k, keys[t]))
				break;
		if (t == ntok) {
			*out = p;
			return ERG_OK;
		}
	}
	if (lx->pool.len > UINT32_MAX / 2 || lx->phrases.len >= NONE - 1)
		return ERG_ELIMIT;
	off = (uint32_t)lx->pool.len;
	for (i = 0; i < ntok; i++)
		if ((e = erg_buf_append(&lx->pool, keys[i], strlen(keys[i]) + 1)))
			return e;
	if (s->head == NONE) {
		s->key = off;
		s->hash = hash_key(keys[0]);
		lx->used++;
	}
	p = erg_vec_push(&lx->phrases);
	if (!p)
		return ERG_ENOMEM;
	p->keys = off;
	p->ntok = (uint8_t)ntok;
	memcpy(p->caps, caps, ntok);
	p->sense.entity = -1;
	p->next = s->head;
	s->head = (uint32_t)(lx->phrases.len - 1);
	*out = p;
	return ERG_OK;
}

/* Tokenize one alias or form and return its phrase. */
static erg_err add_phrase(erg_lexicon *lx, const char *form, phrase **out,
                          const char **why)
{
	erg_vec toks = ERG_VEC_INIT(erg_token), sents =
	                   ERG_VEC_INIT(erg_sentence);
	char keys[MAX_PHRASE_TOKENS][KEY_MAX];
	uint8_t caps[MAX_PHRASE_TOKENS];
	const erg_token *t;
	erg_err e;

	*why = NULL;
	if ((e = erg_text_segment(form, strlen(form), &sents, &toks)))
		goto out;
	if (toks.len == 0 || toks.len > MAX_PHRASE_TOKENS) {
		*why = toks.len ? "phrase has too many words" : "empty phrase";
		e = ERG_ESYNTAX;
		goto out;
	}
	t = toks.data;
	for (size_t i = 0; i < toks.len; i++) {
		if (!erg_token_key(form + t[i].off, t[i].len, keys[i], KEY_MAX)) {
			*why = "word too long";
			e = ERG_ESYNTAX;
			goto out;
		}
		caps[i] = (t[i].flags & ERG_TF_UPPER) ? CASE_UPPER
		          : (t[i].flags & ERG_TF_CAP) ? CASE_CAP
		                                      : CASE_ANY;
	}
	e = intern_phrase(lx, keys, caps, toks.len, out);
out:
	erg_vec_free(&toks);
	erg_vec_free(&sents);
	return e;
}

static int case_ok(uint8_t want, uint8_t flags)
{
	if (want == CASE_UPPER)
		return (flags & ERG_TF_UPPER) != 0;
	if (want == CASE_CAP)
		return (flags & ERG_TF_CAP) != 0;
	return 1;
}

size_t erg_lexicon_match(const erg_lexicon *lx, const char *text,
                         const erg_token *toks, size_t i, size_t n,
                         erg_sense *sense)
{
	char key[KEY_MAX];
	/* keys of the following tokens, made once per position: a common
	 * first word ("the") starts many phrases */
	char tkeys[MAX_PHRASE_TOKENS][KEY_MAX];
	uint8_t made[MAX_PHRASE_TOKENS] = {0};
	const phrase *p, *best = NULL;
	erg_sense merged = {-1, 0, 0, 0};
	const slot *s;
	uint32_t j;
	size_t k1;

	if (!erg_token_key(text + toks[i].off, toks[i].len, key, sizeof key))
		return 0;
	s = find_slot(lx, key);
	if (!s || s->head == NONE)
		return 0;
	/* every phrase of the slot starts with key: its second key follows */
	k1 = strlen(key) + 1;
	for (j = s->head; j != NONE; j = p->next) {
		const char *k;
		size_t t;

		p = (const phrase *)lx->phrases.data + j;
		if (p->ntok > n - i || (best && p->ntok < best->ntok) ||
		    !case_ok(p->caps[0], toks[i].flags))
			continue;
		k = lx->pool.data + p->keys + k1;
		for (t = 1; t < p->ntok; k += strlen(k) + 1, t++) {
			const erg_token *tk = &toks[i + t];

			if (!case_ok(p->caps[t], tk->flags))
				break;
			if (!made[t]) {
				/* 2: no key (too long), so no match */
				made[t] = erg_token_key(text + tk->off, tk->len, tkeys[t],
				                        KEY_MAX)
				              ? 1
				              : 2;
			}
			if (made[t] == 2 || k[0] != tkeys[t][0] || strcmp(k, tkeys[t]))
				break;
		}
		if (t < p->ntok)
			continue;
		if (best && p->ntok == best->ntok) {
			/* same words, other case rule: the senses add up */
			merged.verbs |= p->sense.verbs;
			merged.nouns |= p->sense.nouns;
			merged.cues |= p->sense.cues;
			if (merged.entity < 0)
				merged.entity = p->sense.entity;
			continue;
		}
		best = p;
		merged = p->sense;
	}
	if (!best)
		return 0;
	*sense = merged;
	return best->ntok;
}

erg_err erg_lexicon_add_alias(erg_lexicon *lx, int32_t entity,
                              const char *form)
{
	const char *why;
	phrase *ph;
	erg_err e;

	if (entity < 0 || (size_t)entity >= lx->entities.len)
		return ERG_EINVAL;
	if ((e = add_phrase(lx, form, &ph, &why)))
		return e;
	ph->sense.entity = entity;
	return ERG_OK;
}

/* --- the file format -------------------------------------------------- */

#define MAX_FIELDS 5

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* Split at sep into at most max fields; returns the count. */
static int split(char *s, char sep, char **f, int max)
{
	int n = 0;

	for (;;) {
		char *p = strchr(s, sep);

		if (n == max)
			return max + 1;
		if (p)
			*p = '\0';
		f[n++] = trim(s);
		if (!p)
			return n;
		s = p + 1;
	}
}

typedef struct {
	int kind;        /* 0 entity, 1 verb trigger, 2 noun trigger, 3 cue */
	int32_t entity;
	int value;       /* relation or cue class */
} line_role;

/* Add every ';'-separated form in list with the given role. */
static erg_err add_forms(erg_lexicon *lx, char *list, const line_role *r,
                         const char **why)
{
	char *p;
	phrase *ph;
	erg_err e;

	for (char *s = list; s; s = p) {
		p = strchr(s, ';');
		if (p)
			*p++ = '\0';
		s = trim(s);
		if (!*s)
			continue;
		if ((e = add_phrase(lx, s, &ph, why)))
			return e;
		switch (r->kind) {
		case 0: ph->sense.entity = r->entity; break;
		case 1: ph->sense.verbs |= (uint16_t)(1u << r->value); break;
		case 2: ph->sense.nouns |= (uint16_t)(1u << r->value); break;
		default: ph->sense.cues |= UINT64_C(1) << r->value; break;
		}
	}
	return ERG_OK;
}

static int valid_country(const char *s)
{
	if (strcmp(s, "-") == 0 || *s == '\0')
		return 1;
	return strlen(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
	       s[1] <= 'Z';
}

static erg_err parse_line(erg_lexicon *lx, char *line, const char **why)
{
	char *f[MAX_FIELDS + 1];
	line_role r = {0, -1, 0};
	int n, t;

	n = split(line, '|', f, MAX_FIELDS);
	if ((t = erg_etype_parse(f[0])) >= 0) {
		if (n != 4) {
			*why = "entity line needs 4 fields: "
			       "TYPE | CANONICAL | COUNTRY | ALIASES";
			return ERG_ESYNTAX;
		}
		if (!*f[1] || strlen(f[1]) > 200 || strchr(f[1], ';')) {
			*why = "bad canonical name";
			return ERG_ESYNTAX;
		}
		if (!valid_country(f[2])) {
			*why = "country must be a 2-letter code or '-'";
			return ERG_ESYNTAX;
		}
		r.entity = erg_lexicon_add_entity(
			lx, f[1], (erg_etype)t, strcmp(f[2], "-") ? f[2] : "");
		if (r.entity < 0)
			return ERG_ENOMEM;
		{
			/* the canonical name is always an alias of itself */
			char canon[256];
			erg_err e;

			/* ... when it can be matched at all: a long display name
			 * is still a valid canonical */
			snprintf(canon, sizeof canon, "%s", f[1]);
			e = add_forms(lx, canon, &r, why);
			if (e == ERG_ESYNTAX)
				*why = NULL;
			else if (e)
				return e;
		}
		return add_forms(lx, f[3], &r, why);
	}
	if (strcmp(f[0], "trigger") == 0) {
		if (n != 4 || (r.value = erg_rel_parse(f[1])) < 0 ||
		    (strcmp(f[2], "verb") && strcmp(f[2], "noun"))) {
			*why = "trigger line: trigger | RELATION | verb|noun | FORMS";
			return ERG_ESYNTAX;
		}
		r.kind = strcmp(f[2], "verb") == 0 ? 1 : 2;
		return add_forms(lx, f[3], &r, why);
	}
	if (strcmp(f[0], "cue") == 0) {
		if (n != 3 || (r.value = parse_name(cue_names, ERG_NCUES, f[1])) <
		                  0) {
			*why = "cue line: cue | CLASS | WORDS (unknown class?)";
			return ERG_ESYNTAX;
		}
		r.kind = 3;
		return add_forms(lx, f[2], &r, why);
	}
	*why = "line must start with agency, company, chip, trigger or cue";
	return ERG_ESYNTAX;
}

erg_err erg_lexicon_load_mem(erg_lexicon *lx, const char *name,
                             const char *data, size_t len, erg_errinfo *ei)
{
	erg_buf line = ERG_BUF_INIT;
	unsigned long lineno = 0;
	size_t i = 0;
	erg_err e = ERG_OK;

	/* the version covers what was loaded, not the file names: the same
	 * lexicon read from another path gives the same relations */
	for (size_t k = 0; k < len; k++)
		lx->version = (lx->version ^ (unsigned char)data[k]) *
		              UINT64_C(0x100000001b3);
	lx->version = (lx->version ^ 0xff) * UINT64_C(0x100000001b3);
	while (i < len) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (data + i)) : len - i;
		const char *why = NULL;
		char *s;

		lineno++;
		if (n > 65536) {
			e = erg_fail(ei, ERG_ESYNTAX, name, lineno, "line too long");
			goto out;
		}
		if (memchr(data + i, '\0', n)) {
			e = erg_fail(ei, ERG_ESYNTAX, name, lineno, "NUL byte");
			goto out;
		}
		erg_buf_clear(&line);
		if ((e = erg_buf_append(&line, data + i, n)))
			goto out;
		i += n + 1;
		s = trim(line.data);
		if (*s == '\0' || *s == '#')
			continue;
		e = parse_line(lx, s, &why);
		if (e) {
			erg_fail(ei, e, name, lineno, why ? why : erg_strerror(e));
			goto out;
		}
	}
out:
	erg_buf_free(&line);
	return e;
}

erg_err erg_lexicon_load_file(erg_lexicon *lx, const char *path,
                              erg_errinfo *ei)
{
	erg_buf b = ERG_BUF_INIT;
	char chunk[65536];
	size_t n;
	FILE *f;
	erg_err e = ERG_OK;

	f = fopen(path, "rb");
	if (!f)
		return erg_fail(ei, ERG_EIO, path, 0, strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if ((e = erg_buf_append(&b, chunk, n)) != ERG_OK)
			break;
	if (!e && ferror(f))
		e = erg_fail(ei, ERG_EIO, path, 0, strerror(errno));
	fclose(f);
	if (!e)
		e = erg_lexicon_load_mem(lx, path, b.data ? b.data : "", b.len, ei);
	else if (e != ERG_EIO)
		erg_fail(ei, e, path, 0, erg_strerror(e));
	erg_buf_free(&b);
	return e;
}

/* The data files, linked in by data.S. */
extern const char erg_data_entities[];
extern const char erg_data_rules[];

void erg_lexicon_version(const erg_lexicon *lx, char out[ERG_LEXVER_SIZE])
{
	snprintf(out, ERG_LEXVER_SIZE, "lex:%016llx",
	         (unsigned long long)lx->version);
}

erg_err erg_lexicon_load_default(erg_lexicon *lx, erg_errinfo *ei)
{
	erg_err e = erg_lexicon_load_mem(lx, "data/rules.txt", erg_data_rules,
	                                  strlen(erg_data_rules), ei);

	if (e)
		return e;
	return erg_lexicon_load_mem(lx, "data/entities.txt", erg_data_entities,
	                            strlen(erg_data_entities), ei);
}
