/* extract.c - runs the stages over one document. */
#include "extract.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "mentions.h"
#include "text.h"

struct erg_extractor {
	erg_lexicon *lx;
	erg_mentions *m;
	erg_vec toks, sents, items, rels;
	erg_vec found;   /* erg_found: the document's relations */
	erg_vec makers;  /* uint64_t: its makes pairs, sorted */
	erg_vec made;    /* uint64_t: asserted (chip, maker) pairs, sorted */
	erg_vec banned;  /* uint64_t: asserted (agency, target) pairs */
	erg_vec denied;  /* uint64_t: the same, negated or hedged */
	erg_buf *explain;
	size_t max_tokens;  /* longest sentence analysed */
	size_t skipped;     /* sentences of the last document over it */
};

erg_extractor *erg_extractor_new(erg_lexicon *lx)
{
	erg_extractor *x = calloc(1, sizeof *x);

	if (!x)
		return NULL;
	x->lx = lx;
	x->max_tokens = ERG_SENT_DEFAULT_TOKENS;
	x->m = erg_mentions_new(lx);
	if (!x->m) {
		free(x);
		return NULL;
	}
	erg_vec_init(&x->toks, sizeof(erg_token));
	erg_vec_init(&x->sents, sizeof(erg_sentence));
	erg_vec_init(&x->items, sizeof(erg_item));
	erg_vec_init(&x->rels, sizeof(erg_relation));
	erg_vec_init(&x->found, sizeof(erg_found));
	erg_vec_init(&x->makers, sizeof(uint64_t));
	erg_vec_init(&x->made, sizeof(uint64_t));
	erg_vec_init(&x->banned, sizeof(uint64_t));
	erg_vec_init(&x->denied, sizeof(uint64_t));
	return x;
}

void erg_extractor_free(erg_extractor *x)
{
	if (!x)
		return;
	erg_mentions_free(x->m);
	erg_vec_free(&x->toks);
	erg_vec_free(&x->sents);
	erg_vec_free(&x->items);
	erg_vec_free(&x->rels);
	erg_vec_free(&x->found);
	erg_vec_free(&x->makers);
	erg_vec_free(&x->made);
	erg_vec_free(&x->banned);
	erg_vec_free(&x->denied);
	free(x);
}

static uint64_t pair_key(int32_t a, int32_t b)
{
	return ((uint64_t)(uint32_t)a << 32) | (uint32_t)b;
}

static int key_cmp(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return a < b ? -1 : a > b;
}

static erg_err push_key(erg_vec *v, uint64_t key)
{
	uint64_t *k = erg_vec_push(v);

	if (!k)
		return ERG_ENOMEM;
	*k = key;
	return ERG_OK;
}

static void sort_keys(erg_vec *v)
{
	if (v->len)
		qsort(v->data, v->len, sizeof(uint64_t), key_cmp);
}

static int asserted(const erg_relation *r)
{
	return !r->negative && !r->hedged;
}

/* The document's makes(maker, chip) pairs and its restrictions, sorted
 * for lookup: a long document holds thousands of relations, so no
 * quadratic scan. */
static erg_err collect_makers(erg_extractor *x)
{
	const erg_found *f = x->found.data;
	erg_err e;

	erg_vec_clear(&x->makers);
	erg_vec_clear(&x->made);
	erg_vec_clear(&x->banned);
	erg_vec_clear(&x->denied);
	for (size_t i = 0; i < x->found.len; i++) {
		const erg_relation *r = &f[i].r;

		/* only a maker the sentence names, and not through an open
		 * "its" ("Nvidia's H20", not "the company's H20"), is
		 * restricted in the chip's name */
		if (r->rel == ERG_MAKES &&
		    ((e = push_key(&x->makers, pair_key(r->subj, r->obj))) ||
		     (asserted(r) && !(r->by_ref & 1) && f[i].subj_len &&
		      (e = push_key(&x->made, pair_key(r->obj, r->subj))))))
			return e;
		if (r->rel == ERG_RESTRICTED &&
		    (e = push_key(asserted(r) ? &x->banned : &x->denied,
		                  pair_key(r->subj, r->obj))))
			return e;
	}
	sort_keys(&x->makers);
	sort_keys(&x->made);
	sort_keys(&x->banned);
	sort_keys(&x->denied);
	return ERG_OK;
}

static int has_key(const erg_vec *v, uint64_t k)
{
	return v->len && bsearch(&k, v->data, v->len, sizeof k, key_cmp);
}

/* The --explain line of a document-level step: "dropped: A -rel-> B
 * (why)". */
static erg_err explain_step(erg_extractor *x, const char *step,
                            const erg_relation *r, const char *why)
{
	if (!x->explain)
		return ERG_OK;
	return erg_buf_printf(
		x->explain, "%s: %s -%s-> %s (%s)\n", step,
		erg_lexicon_entity(x->lx, (size_t)r->subj)->name,
		erg_rel_name(r->rel), erg_lexicon_entity(x->lx, (size_t)r->obj)->name,
		why);
}

/* The index in made of the chip's first (chip, maker) pair; the chip's
 * pairs follow it, sorted by maker. */
static size_t first_made(const erg_extractor *x, int32_t chip)
{
	const uint64_t *k = x->made.data;
	uint64_t lo = pair_key(chip, 0);
	size_t a = 0, b = x->made.len;

	while (a < b) {
		size_t mid = a + (b - a) / 2;

		if (k[mid] < lo)
			a = mid + 1;
		else
			b = mid;
	}
	return a;
}

/* Does the document name, not through an open reference, a maker of the
 * chip other than maker? */
static int other_maker(const erg_extractor *x, int32_t maker, int32_t chip)
{
	const uint64_t *k = x->made.data;

	for (size_t i = first_made(x, chip);
	     i < x->made.len && (k[i] >> 32) == (uint32_t)chip; i++)
		if ((int32_t)(uint32_t)k[i] != maker)
			return 1;
	return 0;
}

/* An agency that restricts a chip restricts its maker's trade in it:
 * "Washington restricted its sales" (its = Nvidia's H20) targets Nvidia
 * too.  The guideline requires the maker when the text means its sales
 * and accepts it otherwise, so every maker the document names for the
 * chip is added, once per agency, after the relation it follows from,
 * unless the document denies or only supposes that very restriction. */
static erg_err derive_makers(erg_extractor *x, const erg_doc *doc,
                             const erg_found *src, erg_found_fn fn,
                             void *arg)
{
	const uint64_t *k = x->made.data;
	erg_err e;

	for (size_t a = first_made(x, src->r.obj);
	     a < x->made.len && (k[a] >> 32) == (uint32_t)src->r.obj; a++) {
		int32_t maker = (int32_t)(uint32_t)k[a];
		uint64_t key = pair_key(src->r.subj, maker);
		erg_found d = *src;

		/* "... denied it had ordered anyone to stop buying Huawei
		 * products": what the text denies is not added */
		if (has_key(&x->banned, key) || has_key(&x->denied, key))
			continue;
		/* kept, so that the pair is added once per document */
		if ((e = push_key(&x->banned, key)))
			return e;
		sort_keys(&x->banned);
		d.r.obj = maker;
		d.r.rule = "restricted-maker";
		d.r.confidence = src->r.confidence * 0.9f;
		d.obj_off = d.obj_len = 0;
		if (x->explain) {
			char why[160];

			snprintf(why, sizeof why, "maker of %s",
			         erg_lexicon_entity(x->lx, (size_t)src->r.obj)->name);
			if ((e = explain_step(x, "added", &d.r, why)))
				return e;
		}
		if ((e = fn(arg, doc, &d)))
			return e;
	}
	return ERG_OK;
}

static int makes_in_doc(const erg_extractor *x, int32_t maker, int32_t chip)
{
	return has_key(&x->makers, pair_key(maker, chip));
}

/* Document-level checks, then hand the relations over in order.  A
 * company does not buy the chip it makes: "Nvidia ordered 300,000 H20
 * chips from TSMC" is production, not a purchase of the H20. */
static erg_err emit_doc(erg_extractor *x, const erg_doc *doc,
                        erg_found_fn fn, void *arg)
{
	const erg_found *f = x->found.data;
	erg_err e;

	if ((e = collect_makers(x)))
		return e;
	for (size_t i = 0; i < x->found.len; i++) {
		/* "Nvidia asked Samsung to halt work on its H20": a maker
		 * found through an open "its" yields to a maker the document
		 * names for that chip */
		if (f[i].r.rel == ERG_MAKES && (f[i].r.by_ref & 1) &&
		    other_maker(x, f[i].r.subj, f[i].r.obj)) {
			if ((e = explain_step(x, "dropped", &f[i].r,
			                      "the text names another maker")))
				return e;
			continue;
		}
		if (f[i].r.rel == ERG_PURCHASED &&
		    makes_in_doc(x, f[i].r.subj, f[i].r.obj)) {
			if ((e = explain_step(x, "dropped", &f[i].r,
			                      "it makes that chip")))
				return e;
			continue;
		}
		if ((e = fn(arg, doc, &f[i])))
			return e;
		if (f[i].r.rel == ERG_RESTRICTED && asserted(&f[i].r) &&
		    erg_lexicon_entity(x->lx, (size_t)f[i].r.obj)->type ==
		        ERG_CHIP &&
		    (e = derive_makers(x, doc, &f[i], fn, arg)))
			return e;
	}
	return ERG_OK;
}

void erg_extractor_explain(erg_extractor *x, erg_buf *explain)
{
	x->explain = explain;
}

erg_err erg_extractor_limit(erg_extractor *x, size_t max_tokens)
{
	if (max_tokens < 1 || max_tokens > ERG_SENT_MAX_TOKENS)
		return ERG_EINVAL;
	x->max_tokens = max_tokens;
	return ERG_OK;
}

size_t erg_extractor_skipped(const erg_extractor *x)
{
	return x->skipped;
}

/* The explain header of a sentence: its number, span, text and mentions;
 * only sentences where a rule could apply are shown. */
static erg_err explain_sentence(erg_extractor *x, const erg_doc *doc,
                                const erg_sentence *s, size_t no)
{
	const erg_item *it = x->items.data;
	const erg_token *tk = x->toks.data;
	size_t nent = 0, ntrig = 0, shown = 0;
	erg_buf *b = x->explain;
	erg_err e;

	for (size_t i = 0; i < x->items.len; i++) {
		nent += it[i].nents > 0;
		ntrig += (it[i].sense.verbs | it[i].sense.nouns) != 0;
	}
	if (ntrig == 0 && nent < 2)
		return ERG_OK;
	if ((e = erg_buf_printf(b, "[%zu] %zu-%zu %.*s%s\n", no + 1, s->off,
	                        s->off + s->len,
	                        (int)(s->len > 300 ? 300 : s->len),
	                        doc->text + s->off, s->len > 300 ? "..." : "")) ||
	    (e = erg_buf_puts(b, "    mentions:")))
		return e;
	for (size_t i = 0; i < x->items.len; i++) {
		const erg_token *a = &tk[it[i].tok];
		const erg_token *z = &tk[it[i].tok + it[i].ntok - 1];

		if (!it[i].nents && !(it[i].sense.verbs | it[i].sense.nouns))
			continue;
		if ((e = erg_buf_printf(b, "%s '%.*s'", shown++ ? "," : "",
		                        (int)(z->off + z->len - a->off),
		                        doc->text + a->off)))
			return e;
		if (it[i].nents) {
			const erg_entity *en =
				erg_lexicon_entity(x->lx, (size_t)it[i].ents[0]);

			if ((e = erg_buf_printf(b, "=%s (%s%s%s)", en->name,
			                        erg_etype_name(en->type),
			                        it[i].coref ? ", by reference" : "",
			                        it[i].nents > 1 ? ", or more" : "")))
				return e;
		} else if ((e = erg_buf_puts(b, " (trigger)"))) {
			return e;
		}
	}
	return erg_buf_putc(b, '\n');
}

/* The span of the sentence's first item naming entity ent itself (not
 * through a pronoun or a description), or length 0. */
static void written_as(const erg_extractor *x, int32_t ent, size_t *off,
                       size_t *len)
{
	const erg_item *it = x->items.data;
	const erg_token *tk = x->toks.data;

	*off = *len = 0;
	for (size_t i = 0; i < x->items.len; i++) {
		if (it[i].coref)
			continue;
		for (size_t k = 0; k < it[i].nents; k++)
			if (it[i].ents[k] == ent) {
				const erg_token *a = &tk[it[i].tok];
				const erg_token *z = &tk[it[i].tok + it[i].ntok - 1];

				*off = a->off;
				*len = z->off + z->len - a->off;
				return;
			}
	}
}

static int worth_relating(const erg_item *it, size_t n)
{
	const uint64_t patterns =
		(UINT64_C(1) << ERG_CUE_DIRECTIVE) | (UINT64_C(1) << ERG_CUE_MUST) |
		(UINT64_C(1) << ERG_CUE_LICENCE) | (UINT64_C(1) << ERG_CUE_ADD) |
		(UINT64_C(1) << ERG_CUE_CALL) | (UINT64_C(1) << ERG_CUE_SELL) |
		(UINT64_C(1) << ERG_CUE_LIST);
	size_t ents = 0;
	int trigger = 0;

	for (size_t k = 0; k < n; k++) {
		ents += it[k].nents > 0;
		trigger |= (it[k].sense.verbs | it[k].sense.nouns) != 0 ||
		           (it[k].sense.cues & patterns) != 0;
	}
	return ents >= 2 || (ents == 1 && trigger);
}

erg_err erg_extract_doc(erg_extractor *x, const erg_doc *doc,
                        erg_found_fn fn, void *arg)
{
	const erg_sentence *s;
	erg_err e;

	erg_vec_clear(&x->toks);
	erg_vec_clear(&x->sents);
	erg_vec_clear(&x->found);
	erg_mentions_reset(x->m);
	x->skipped = 0;
	if ((e = erg_text_segment(doc->text, doc->len, &x->sents, &x->toks)))
		return e;
	s = x->sents.data;
	for (size_t i = 0; i < x->sents.len; i++) {
		const erg_relation *r;

		/* a run this long is a table, a list or junk, not prose; the
		 * rules' reach is bounded by it, so the run is skipped whole */
		if (s[i].ntok > x->max_tokens) {
			x->skipped++;
			if (x->explain &&
			    (e = erg_buf_printf(x->explain,
			                        "[%zu] %zu-%zu skipped: %zu tokens, "
			                        "over the limit of %zu\n",
			                        i + 1, s[i].off, s[i].off + s[i].len,
			                        s[i].ntok, x->max_tokens)))
				return e;
			continue;
		}

		if ((e = erg_mentions_sentence(x->m, doc->text, x->toks.data, &s[i],
		                               &x->items)))
			return e;
		/* a relation joins two entities, the second one at most implied
		 * by a trigger ("the order targets the H20"): a sentence with no
		 * entity, or one and no trigger, holds none.  Most sentences are
		 * such, and this keeps them cheap. */
		if (!x->explain && !worth_relating(x->items.data, x->items.len))
			continue;
		if (x->explain) {
			size_t before = x->explain->len;

			if ((e = explain_sentence(x, doc, &s[i], i)))
				return e;
			/* the rules' own lines follow the sentence they explain */
			if ((e = erg_relate_sentence_trace(
				     x->m, doc->text, x->toks.data, x->items.data,
				     x->items.len, &x->rels,
				     x->explain->len > before ? x->explain : NULL)))
				return e;
		} else if ((e = erg_relate_sentence(x->m, doc->text, x->toks.data,
		                                    x->items.data, x->items.len,
		                                    &x->rels))) {
			return e;
		}
		r = x->rels.data;
		for (size_t k = 0; k < x->rels.len; k++) {
			erg_found *f = erg_vec_push(&x->found);

			if (!f)
				return ERG_ENOMEM;
			f->r = r[k];
			f->start = s[i].off;
			f->end = s[i].off + s[i].len;
			written_as(x, r[k].subj, &f->subj_off, &f->subj_len);
			written_as(x, r[k].obj, &f->obj_off, &f->obj_len);
		}
	}
	return emit_doc(x, doc, fn, arg);
}
