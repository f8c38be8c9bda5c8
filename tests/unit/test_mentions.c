/* test_mentions.c - mentions, in-text acronyms, possessives and
 * coreference (mentions.h). */
#include "testutil.h"

#define MAX_SENTS 16

/* A document run through segmentation and mentions, keeping the items of
 * every sentence. */
typedef struct {
	const char *text;
	tu_seg seg;
	erg_vec items[MAX_SENTS]; /* erg_item, per sentence */
	size_t nsents;
} mdoc;

static void mdoc_run(mdoc *d, erg_mentions *m, const char *text)
{
	memset(d, 0, sizeof *d);
	d->text = text;
	tu_segment(&d->seg, text);
	d->nsents = d->seg.sents.len;
	assert_true(d->nsents <= MAX_SENTS);
	for (size_t i = 0; i < d->nsents; i++) {
		erg_vec_init(&d->items[i], sizeof(erg_item));
		assert_int_equal(erg_mentions_sentence(m, text, d->seg.toks.data,
		                                       tu_sent(&d->seg, i),
		                                       &d->items[i]),
		                 ERG_OK);
	}
}

static void mdoc_free(mdoc *d)
{
	for (size_t i = 0; i < d->nsents; i++)
		erg_vec_free(&d->items[i]);
	tu_seg_free(&d->seg);
}

/* The first item of sentence s whose text starts with the given words
 * (compared over the item's whole token span). */
static const erg_item *item(const mdoc *d, size_t s, const char *words)
{
	const erg_item *it;

	assert_true(s < d->nsents);
	it = d->items[s].data;
	for (size_t i = 0; i < d->items[s].len; i++) {
		const erg_token *a = tu_tok(&d->seg, it[i].tok);
		const erg_token *b = tu_tok(&d->seg, it[i].tok + it[i].ntok - 1);
		size_t len = (size_t)b->off + b->len - a->off;

		if (len == strlen(words) &&
		    memcmp(d->text + a->off, words, len) == 0)
			return &it[i];
	}
	print_error("  no item <%s> in sentence %zu\n", words, s);
	fail();
	return NULL;
}

static int32_t ent(const erg_lexicon *lx, const char *name, erg_etype t)
{
	int32_t id = erg_lexicon_find(lx, name, t);

	if (id < 0)
		print_error("  %s not in the lexicon\n", name);
	assert_true(id >= 0);
	return id;
}

/* Expect an item to refer to exactly these entities. */
static void expect_ents(const erg_item *it, const int32_t *want, size_t n,
                        int coref)
{
	assert_non_null(it);
	if (it->nents != n)
		print_error("  item refers to %u entities, want %zu\n",
		            (unsigned)it->nents, n);
	assert_int_equal(it->nents, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(it->ents[i], want[i]);
	if (n)
		assert_int_equal(it->coref, coref);
}

/* --- acronyms ------------------------------------------------------------- */

static const char acrolex[] =
	"agency | Ministry of Foo Bar | ZZ |\n"
	"company | Acme | - |\n"
	"trigger | summoned | verb | summoned\n";

static void acronym_defined_in_text(void **state)
{
	erg_lexicon *lx = tu_mem_lexicon(acrolex);
	erg_mentions *m = erg_mentions_new(lx);
	int32_t foo = ent(lx, "Ministry of Foo Bar", ERG_AGENCY);
	mdoc d;
	const erg_item *it;

	(void)state;
	assert_non_null(m);
	assert_ptr_equal(erg_mentions_lexicon(m), lx);
	mdoc_run(&d, m,
	         "MFB is new. The Ministry of Foo Bar (MFB) opened. Later, MFB "
	         "summoned Acme.");
	assert_int_equal(d.nsents, 3);
	/* before its definition MFB means nothing */
	it = item(&d, 0, "MFB");
	assert_int_equal(it->nents, 0);
	assert_int_equal(erg_item_type(m, it), -1);
	/* the definition is part of the mention */
	it = item(&d, 1, "Ministry of Foo Bar (MFB)");
	expect_ents(it, &foo, 1, 0);
	assert_int_equal(it->ntok, 7);
	/* afterwards it maps to the same entity */
	it = item(&d, 2, "MFB");
	expect_ents(it, &foo, 1, 0);
	assert_int_equal(erg_item_type(m, it), ERG_AGENCY);
	mdoc_free(&d);

	/* a new document forgets it */
	erg_mentions_reset(m);
	mdoc_run(&d, m, "MFB summoned Acme.");
	assert_int_equal(item(&d, 0, "MFB")->nents, 0);
	mdoc_free(&d);
	erg_mentions_free(m);
	erg_lexicon_free(lx);
}

/* Only an ALL-CAPS word in the brackets is taken as an acronym. */
static void acronym_needs_capitals(void **state)
{
	erg_lexicon *lx = tu_mem_lexicon(acrolex);
	erg_mentions *m = erg_mentions_new(lx);
	mdoc d;

	(void)state;
	assert_non_null(m);
	mdoc_run(&d, m, "The Ministry of Foo Bar (Mfb) met. Mfb left.");
	assert_int_equal(d.nsents, 2);
	assert_int_equal(item(&d, 1, "Mfb")->nents, 0);
	mdoc_free(&d);
	erg_mentions_free(m);
	erg_lexicon_free(lx);
}

/* The acronym works through the whole pipeline. */
static void acronym_in_relation(void **state)
{
	static const char *const want[] = {
		"Ministry of Foo Bar summoned Acme positive asserted"};
	erg_lexicon *lx = tu_mem_lexicon(acrolex);

	(void)state;
	tu_expect_triples(lx,
	                  "The Ministry of Foo Bar (MFB) issued rules on Monday.\n"
	                  "On Friday, MFB summoned Acme.",
	                  want, TU_COUNT(want));
	erg_lexicon_free(lx);
}

/* --- possessives ------------------------------------------------------------ */

static void possessive_flag(void **state)
{
	erg_lexicon *lx = tu_default_lexicon();
	erg_mentions *m = erg_mentions_new(lx);
	int32_t nvidia = ent(lx, "Nvidia", ERG_COMPANY);
	const erg_item *it;
	mdoc d;

	(void)state;
	assert_non_null(m);
	mdoc_run(&d, m, "Nvidia's H20 and Nvidia H20 chips and the H20's rival.");
	it = d.items[0].data;
	/* the first item is Nvidia, followed by the possessive */
	expect_ents(&it[0], &nvidia, 1, 0);
	assert_int_equal(it[0].poss, 1);
	assert_int_equal(tu_tok(&d.seg, it[1].tok)->kind, ERG_TOK_POSS);
	assert_int_equal(it[1].nents, 0);
	/* the second Nvidia is no possessive */
	for (size_t i = 2; i < d.items[0].len; i++)
		if (it[i].nents && it[i].ents[0] == nvidia)
			assert_int_equal(it[i].poss, 0);
	assert_int_equal(item(&d, 0, "H20")->poss, 0);
	mdoc_free(&d);
	erg_mentions_free(m);
	erg_lexicon_free(lx);
}

/* --- coreference ------------------------------------------------------------ */

typedef struct {
	erg_lexicon *lx;
	erg_mentions *m;
} fix;

static int fix_setup(void **state)
{
	fix *f = calloc(1, sizeof *f);

	if (!f)
		return -1;
	f->lx = tu_default_lexicon();
	f->m = erg_mentions_new(f->lx);
	*state = f;
	return f->m ? 0 : -1;
}

static int fix_teardown(void **state)
{
	fix *f = *state;

	erg_mentions_free(f->m);
	erg_lexicon_free(f->lx);
	free(f);
	return 0;
}

static void group_they(void **state)
{
	fix *f = *state;
	int32_t want[2];
	mdoc d;

	want[0] = ent(f->lx, "Tencent", ERG_COMPANY);
	want[1] = ent(f->lx, "ByteDance", ERG_COMPANY);
	mdoc_run(&d, f->m, "Tencent and ByteDance met the CAC. They left early.");
	expect_ents(item(&d, 1, "They"), want, 2, 1);
	assert_int_equal(erg_item_type(f->m, item(&d, 1, "They")), ERG_COMPANY);
	mdoc_free(&d);
}

static void group_the_companies(void **state)
{
	fix *f = *state;
	int32_t want[3];
	mdoc d;

	want[0] = ent(f->lx, "Tencent", ERG_COMPANY);
	want[1] = ent(f->lx, "Alibaba", ERG_COMPANY);
	want[2] = ent(f->lx, "ByteDance", ERG_COMPANY);
	mdoc_run(&d, f->m,
	         "Tencent, Alibaba and ByteDance reported results. The CAC "
	         "summoned the companies.");
	expect_ents(item(&d, 1, "the companies"), want, 3, 1);
	mdoc_free(&d);
}

/* "they" takes the most recent list, not an older one. */
static void group_latest_list(void **state)
{
	fix *f = *state;
	int32_t want[2];
	mdoc d;

	want[0] = ent(f->lx, "Alibaba", ERG_COMPANY);
	want[1] = ent(f->lx, "Baidu", ERG_COMPANY);
	mdoc_run(&d, f->m,
	         "Tencent and ByteDance gained. Alibaba and Baidu fell. They "
	         "declined to comment.");
	expect_ents(item(&d, 2, "They"), want, 2, 1);
	mdoc_free(&d);
}

/* One company is no group; nor is a list far back in the text. */
static void group_needs_recent_list(void **state)
{
	fix *f = *state;
	mdoc d;

	mdoc_run(&d, f->m, "Tencent gained. They said nothing.");
	assert_int_equal(item(&d, 1, "They")->nents, 0);
	mdoc_free(&d);
	erg_mentions_reset(f->m);
	mdoc_run(&d, f->m,
	         "Tencent and ByteDance gained. One. Two. Three. Four. Five. Six. "
	         "Seven. Eight. They said nothing.");
	assert_int_equal(d.nsents, 10);
	assert_int_equal(item(&d, 9, "They")->nents, 0);
	mdoc_free(&d);
	/* a new document starts with no list */
	erg_mentions_reset(f->m);
	mdoc_run(&d, f->m, "They said nothing.");
	assert_int_equal(item(&d, 0, "They")->nents, 0);
	mdoc_free(&d);
}

static void its_sale_is_the_chip(void **state)
{
	fix *f = *state;
	int32_t h20 = ent(f->lx, "H20", ERG_CHIP);
	mdoc d;

	mdoc_run(&d, f->m, "Nvidia launched the H20 in 2024. Its sale was slow.");
	expect_ents(item(&d, 1, "Its"), &h20, 1, 1);
	assert_int_equal(erg_item_type(f->m, item(&d, 1, "Its")), ERG_CHIP);
	mdoc_free(&d);
}

static void its_shares_is_the_company(void **state)
{
	fix *f = *state;
	int32_t nvidia = ent(f->lx, "Nvidia", ERG_COMPANY);
	mdoc d;

	mdoc_run(&d, f->m, "Nvidia launched the H20 in 2024. Its shares rose.");
	expect_ents(item(&d, 1, "Its"), &nvidia, 1, 1);
	mdoc_free(&d);
	/* a product noun with no chip named falls back to the company */
	erg_mentions_reset(f->m);
	mdoc_run(&d, f->m, "Nvidia reported results. Its sales rose.");
	expect_ents(item(&d, 1, "Its"), &nvidia, 1, 1);
	mdoc_free(&d);
}

static void the_regulator_is_the_agency(void **state)
{
	fix *f = *state;
	int32_t cac = ent(f->lx, "CAC", ERG_AGENCY);
	int32_t nvidia = ent(f->lx, "Nvidia", ERG_COMPANY);
	int32_t h20 = ent(f->lx, "H20", ERG_CHIP);
	mdoc d;

	mdoc_run(&d, f->m,
	         "The CAC questioned Nvidia about the H20. The regulator cited "
	         "risks. The company disagreed. The chip sold well.");
	expect_ents(item(&d, 1, "The regulator"), &cac, 1, 1);
	expect_ents(item(&d, 2, "The company"), &nvidia, 1, 1);
	expect_ents(item(&d, 3, "The chip"), &h20, 1, 1);
	mdoc_free(&d);
}

/* Entities earlier in the same sentence count as recent. */
static void coref_within_sentence(void **state)
{
	fix *f = *state;
	int32_t tencent = ent(f->lx, "Tencent", ERG_COMPANY);
	int32_t mofcom = ent(f->lx, "MOFCOM", ERG_AGENCY);
	mdoc d;

	mdoc_run(&d, f->m,
	         "MOFCOM met Tencent, and the regulator said the company agreed.");
	expect_ents(item(&d, 0, "the regulator"), &mofcom, 1, 1);
	expect_ents(item(&d, 0, "the company"), &tencent, 1, 1);
	mdoc_free(&d);
}

/* A description with no antecedent refers to nothing. */
static void coref_without_antecedent(void **state)
{
	fix *f = *state;
	mdoc d;

	mdoc_run(&d, f->m, "The regulator spoke. The company listened. Its "
	                   "sale ended.");
	assert_int_equal(item(&d, 0, "The regulator")->nents, 0);
	assert_int_equal(item(&d, 1, "The company")->nents, 0);
	assert_int_equal(item(&d, 2, "Its")->nents, 0);
	mdoc_free(&d);
}

/* A plain entity mention is not coreference. */
static void plain_mention(void **state)
{
	fix *f = *state;
	int32_t cac = ent(f->lx, "CAC", ERG_AGENCY);
	mdoc d;

	mdoc_run(&d, f->m, "The Cyberspace Administration of China acted.");
	expect_ents(item(&d, 0, "Cyberspace Administration of China"), &cac, 1,
	            0);
	assert_int_equal(item(&d, 0, "Cyberspace Administration of China")->ntok,
	                 4);
	mdoc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(acronym_defined_in_text),
		cmocka_unit_test(acronym_needs_capitals),
		cmocka_unit_test(acronym_in_relation),
		cmocka_unit_test(possessive_flag),
		cmocka_unit_test_setup_teardown(group_they, fix_setup, fix_teardown),
		cmocka_unit_test_setup_teardown(group_the_companies, fix_setup,
		                                fix_teardown),
		cmocka_unit_test_setup_teardown(group_latest_list, fix_setup,
		                                fix_teardown),
		cmocka_unit_test_setup_teardown(group_needs_recent_list, fix_setup,
		                                fix_teardown),
		cmocka_unit_test_setup_teardown(its_sale_is_the_chip, fix_setup,
		                                fix_teardown),
		cmocka_unit_test_setup_teardown(its_shares_is_the_company, fix_setup,
		                                fix_teardown),
		cmocka_unit_test_setup_teardown(the_regulator_is_the_agency,
		                                fix_setup, fix_teardown),
		cmocka_unit_test_setup_teardown(coref_within_sentence, fix_setup,
		                                fix_teardown),
		cmocka_unit_test_setup_teardown(coref_without_antecedent, fix_setup,
		                                fix_teardown),
		cmocka_unit_test_setup_teardown(plain_mention, fix_setup,
		                                fix_teardown),
	};

	return cmocka_run_group_tests_name("mentions", tests, NULL, NULL);
}
