/* test_extract.c - the extractor's own settings (the longest sentence it
 * analyses, the count of sentences it skipped) and its document-level
 * step (the maker of a restricted chip). */
#include "testutil.h"

/* "Filler words" n times, then a summons: one sentence of 2n+6 tokens. */
static char *long_sentence(size_t n)
{
	erg_buf b = ERG_BUF_INIT;

	for (size_t i = 0; i < n; i++)
		assert_int_equal(erg_buf_puts(&b, "filler words "), ERG_OK);
	assert_int_equal(erg_buf_puts(&b, "and the CAC summoned Nvidia."),
	                 ERG_OK);
	return b.data;
}

/* Extract text with the sentence limit max (0: the default); returns the
 * number of relations, and the skipped count in *skipped. */
static size_t run(const char *text, size_t max, size_t *skipped)
{
	erg_lexicon *lx = tu_lexicon();
	erg_doc *d = tu_doc(text);
	erg_extractor *x = erg_extractor_new(lx);
	tu_strs out = {0};
	tu_collect c;
	size_t n;

	assert_non_null(x);
	if (max)
		assert_int_equal(erg_extractor_limit(x, max), ERG_OK);
	memset(&c, 0, sizeof c);
	c.lx = lx;
	c.out = &out;
	assert_int_equal(erg_extract_doc(x, d, tu_collect_fn, &c), ERG_OK);
	*skipped = erg_extractor_skipped(x);
	n = out.n;
	tu_strs_free(&out);
	erg_extractor_free(x);
	erg_doc_free(d);
	return n;
}

/* A sentence over the default limit is skipped whole and counted; the
 * short sentence after it is still analysed. */
static void default_limit_skips_long_sentence(void **state)
{
	char *lng = long_sentence(200); /* 406 tokens */
	erg_buf b = ERG_BUF_INIT;
	size_t skipped;

	(void)state;
	assert_int_equal(erg_buf_puts(&b, lng), ERG_OK);
	assert_int_equal(erg_buf_puts(&b, " MIIT summoned Tencent."), ERG_OK);
	assert_int_equal(run(b.data, 0, &skipped), 1);
	assert_int_equal(skipped, 1);
	free(lng);
	erg_buf_free(&b);
}

/* At the default limit the sentence is analysed. */
static void under_limit_is_analysed(void **state)
{
	char *s = long_sentence(197); /* 400 tokens */
	size_t skipped;

	(void)state;
	assert_int_equal(run(s, 0, &skipped), 1);
	assert_int_equal(skipped, 0);
	free(s);
}

/* A lower limit set by the user applies; a higher one lets a long
 * sentence through. */
static void user_limit_applies(void **state)
{
	char *s = long_sentence(10); /* 26 tokens */
	char *lng = long_sentence(300); /* 606 tokens */
	size_t skipped;

	(void)state;
	assert_int_equal(run(s, 26, &skipped), 1);
	assert_int_equal(skipped, 0);
	assert_int_equal(run(s, 25, &skipped), 0);
	assert_int_equal(skipped, 1);
	assert_int_equal(run(lng, ERG_SENT_MAX_TOKENS, &skipped), 1);
	assert_int_equal(skipped, 0);
	free(s);
	free(lng);
}

/* Limits outside 1..ERG_SENT_MAX_TOKENS are refused and change nothing. */
static void bad_limits_refused(void **state)
{
	erg_extractor *x = erg_extractor_new(tu_lexicon());
	char *s = long_sentence(10);
	erg_doc *d = tu_doc(s);
	tu_strs out = {0};
	tu_collect c;

	(void)state;
	assert_non_null(x);
	assert_int_equal(erg_extractor_limit(x, 0), ERG_EINVAL);
	assert_int_equal(erg_extractor_limit(x, ERG_SENT_MAX_TOKENS + 1),
	                 ERG_EINVAL);
	memset(&c, 0, sizeof c);
	c.lx = tu_lexicon();
	c.out = &out;
	assert_int_equal(erg_extract_doc(x, d, tu_collect_fn, &c), ERG_OK);
	assert_int_equal(out.n, 1);
	assert_int_equal(erg_extractor_skipped(x), 0);
	tu_strs_free(&out);
	erg_extractor_free(x);
	erg_doc_free(d);
	free(s);
}

/* The skipped count is per document: it starts again at zero. */
static void skipped_count_resets(void **state)
{
	erg_lexicon *lx = tu_lexicon();
	erg_extractor *x = erg_extractor_new(lx);
	char *s = long_sentence(10);
	erg_doc *d1 = tu_doc(s), *d2 = tu_doc("The CAC summoned Nvidia.");
	tu_strs out = {0};
	tu_collect c;

	(void)state;
	assert_non_null(x);
	assert_int_equal(erg_extractor_limit(x, 8), ERG_OK);
	memset(&c, 0, sizeof c);
	c.lx = lx;
	c.out = &out;
	assert_int_equal(erg_extract_doc(x, d1, tu_collect_fn, &c), ERG_OK);
	assert_int_equal(erg_extractor_skipped(x), 1);
	assert_int_equal(erg_extract_doc(x, d2, tu_collect_fn, &c), ERG_OK);
	assert_int_equal(erg_extractor_skipped(x), 0);
	assert_int_equal(out.n, 1);
	tu_strs_free(&out);
	erg_extractor_free(x);
	erg_doc_free(d1);
	erg_doc_free(d2);
	free(s);
}

/* Lines "subject relation object polarity modality rule" of text. */
static erg_err rule_fn(void *arg, const erg_doc *doc, const erg_found *f)
{
	tu_collect *c = arg;
	char line[1024];
	size_t n;

	(void)doc;
	tu_format(line, sizeof line, c->lx, &f->r);
	n = strlen(line);
	snprintf(line + n, sizeof line - n, " %s", f->r.rule);
	tu_strs_push(c->out, line);
	return ERG_OK;
}

static size_t count_lines(const char *text, const char *want)
{
	erg_lexicon *lx = tu_lexicon();
	erg_doc *d = tu_doc(text);
	erg_extractor *x = erg_extractor_new(lx);
	tu_strs out = {0};
	tu_collect c;
	size_t n = 0;

	assert_non_null(x);
	memset(&c, 0, sizeof c);
	c.lx = lx;
	c.out = &out;
	assert_int_equal(erg_extract_doc(x, d, rule_fn, &c), ERG_OK);
	for (size_t i = 0; i < out.n; i++)
		n += strncmp(out.v[i], want, strlen(want)) == 0;
	tu_strs_free(&out);
	erg_extractor_free(x);
	erg_doc_free(d);
	return n;
}

/* A restricted chip's maker, as the document names it, is restricted too,
 * once per agency, by the rule restricted-maker. */
static void maker_of_restricted_chip(void **state)
{
	const char *t = "Nvidia designed the H20. Washington banned sales of "
	                "the H20 in April. Washington banned the H20 again in "
	                "May. The MIIT banned the H20 too.";

	(void)state;
	assert_int_equal(count_lines(t, "US government restricted Nvidia "
	                                "positive asserted restricted-maker"),
	                 1);
	assert_int_equal(count_lines(t, "MIIT restricted Nvidia positive "
	                                "asserted restricted-maker"),
	                 1);
	assert_int_equal(count_lines(t, "US government restricted H20 "
	                                "positive asserted"),
	                 2);
}

/* Nothing is added from a hedged restriction, for a maker that is
 * restricted in its own right, or against the text's denial. */
static void maker_not_added(void **state)
{
	(void)state;
	assert_int_equal(count_lines("Washington may ban Nvidia's H20.",
	                             "US government restricted Nvidia"),
	                 0);
	assert_int_equal(count_lines("Washington blacklisted Nvidia and banned "
	                             "Nvidia's H20.",
	                             "US government restricted Nvidia"),
	                 1);
	assert_int_equal(count_lines("Washington banned Nvidia's H20. "
	                             "Washington has not restricted Nvidia.",
	                             "US government restricted Nvidia positive"),
	                 0);
	/* a maker known only by reference ("the company's H20") */
	assert_int_equal(count_lines("Piotech makes tools. The company's H20 "
	                             "servers sold well. MOFCOM banned the H20.",
	                             "MOFCOM restricted Piotech"),
	                 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(default_limit_skips_long_sentence,
		                                tu_lexicon_setup, tu_lexicon_teardown),
		cmocka_unit_test_setup_teardown(under_limit_is_analysed,
		                                tu_lexicon_setup, tu_lexicon_teardown),
		cmocka_unit_test_setup_teardown(user_limit_applies, tu_lexicon_setup,
		                                tu_lexicon_teardown),
		cmocka_unit_test_setup_teardown(bad_limits_refused, tu_lexicon_setup,
		                                tu_lexicon_teardown),
		cmocka_unit_test_setup_teardown(skipped_count_resets,
		                                tu_lexicon_setup, tu_lexicon_teardown),
		cmocka_unit_test_setup_teardown(maker_of_restricted_chip,
		                                tu_lexicon_setup, tu_lexicon_teardown),
		cmocka_unit_test_setup_teardown(maker_not_added, tu_lexicon_setup,
		                                tu_lexicon_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
