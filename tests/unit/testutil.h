/* testutil.h - helpers shared by the cmocka unit tests.
 *
 * Everything here is static inline so that a test that uses only part of
 * it still compiles warning-free.  Include after <cmocka.h>'s prerequisites
 * (stdarg.h, stddef.h, stdint.h, setjmp.h) and <cmocka.h> itself. */
#ifndef ERG_TESTUTIL_H
#define ERG_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "error.h"
#include "extract.h"
#include "ingest.h"
#include "lexicon.h"
#include "mentions.h"
#include "relate.h"
#include "text.h"

#define TU_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* --- a list of owned strings -------------------------------------------- */

typedef struct {
	char **v;
	size_t n, cap;
} tu_strs;

static inline void tu_strs_push(tu_strs *l, const char *s)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		char **v = realloc(l->v, cap * sizeof *v);

		assert_non_null(v);
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n] = malloc(strlen(s) + 1);
	assert_non_null(l->v[l->n]);
	strcpy(l->v[l->n], s);
	l->n++;
}

static inline void tu_strs_free(tu_strs *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static inline int tu_strcmp_p(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static inline int tu_strs_has(const tu_strs *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return 1;
	return 0;
}

/* --- lexicons ----------------------------------------------------------- */

/* The lexicon compiled into the program; fails the test if it does not
 * load. */
static inline erg_lexicon *tu_default_lexicon(void)
{
	erg_errinfo ei;
	erg_lexicon *lx = erg_lexicon_new();
	erg_err e;

	assert_non_null(lx);
	memset(&ei, 0, sizeof ei);
	e = erg_lexicon_load_default(lx, &ei);
	if (e != ERG_OK) {
		print_error("default lexicon: %s:%lu: %s (%s)\n", ei.file, ei.line,
		            ei.msg, erg_strerror(e));
		erg_lexicon_free(lx);
	}
	assert_int_equal(e, ERG_OK);
	return lx;
}

/* A lexicon from text; fails the test if it does not load. */
static inline erg_lexicon *tu_mem_lexicon(const char *text)
{
	erg_errinfo ei;
	erg_lexicon *lx = erg_lexicon_new();
	erg_err e;

	assert_non_null(lx);
	memset(&ei, 0, sizeof ei);
	e = erg_lexicon_load_mem(lx, "test", text, strlen(text), &ei);
	if (e != ERG_OK) {
		print_error("lexicon: %s:%lu: %s (%s)\n", ei.file, ei.line, ei.msg,
		            erg_strerror(e));
		erg_lexicon_free(lx);
	}
	assert_int_equal(e, ERG_OK);
	return lx;
}

/* --- documents ---------------------------------------------------------- */

static inline erg_doc *tu_doc(const char *text)
{
	erg_doc *d = NULL;
	erg_errinfo ei;
	erg_err e;

	memset(&ei, 0, sizeof ei);
	e = erg_doc_from_mem("test", text, strlen(text), &d, &ei);
	if (e != ERG_OK)
		print_error("doc: line %lu: %s (%s)\n", ei.line, ei.msg,
		            erg_strerror(e));
	assert_int_equal(e, ERG_OK);
	assert_non_null(d);
	return d;
}

/* --- segmentation ------------------------------------------------------- */

typedef struct {
	erg_vec sents; /* erg_sentence */
	erg_vec toks;  /* erg_token */
} tu_seg;

static inline void tu_segment(tu_seg *s, const char *text)
{
	erg_vec_init(&s->sents, sizeof(erg_sentence));
	erg_vec_init(&s->toks, sizeof(erg_token));
	assert_int_equal(erg_text_segment(text, strlen(text), &s->sents,
	                                  &s->toks),
	                 ERG_OK);
}

static inline void tu_seg_free(tu_seg *s)
{
	erg_vec_free(&s->sents);
	erg_vec_free(&s->toks);
}

static inline const erg_sentence *tu_sent(const tu_seg *s, size_t i)
{
	assert_true(i < s->sents.len);
	return (const erg_sentence *)s->sents.data + i;
}

static inline const erg_token *tu_tok(const tu_seg *s, size_t i)
{
	assert_true(i < s->toks.len);
	return (const erg_token *)s->toks.data + i;
}

/* The sentence's text as a new string (free it). */
static inline char *tu_slice(const char *text, size_t off, size_t len)
{
	char *p = malloc(len + 1);

	assert_non_null(p);
	memcpy(p, text + off, len);
	p[len] = '\0';
	return p;
}

/* --- extraction --------------------------------------------------------- */

typedef struct {
	const erg_lexicon *lx;
	tu_strs *out;
	size_t nfound;
	erg_found last;
} tu_collect;

/* "subject relation object polarity modality" */
static inline void tu_format(char *buf, size_t n, const erg_lexicon *lx,
                             const erg_relation *r)
{
	snprintf(buf, n, "%s %s %s %s %s",
	         erg_lexicon_entity(lx, (size_t)r->subj)->name,
	         erg_rel_name(r->rel),
	         erg_lexicon_entity(lx, (size_t)r->obj)->name,
	         r->negative ? "negative" : "positive",
	         r->hedged ? "hedged" : "asserted");
}

static inline erg_err tu_collect_fn(void *arg, const erg_doc *doc,
                                    const erg_found *f)
{
	tu_collect *c = arg;
	char line[1024];

	assert_true(f->start <= f->end);
	assert_true(f->end <= doc->len);
	tu_format(line, sizeof line, c->lx, &f->r);
	tu_strs_push(c->out, line);
	c->nfound++;
	c->last = *f;
	return ERG_OK;
}

/* Run the whole pipeline over text and append one string per relation
 * found, in document order. */
static inline void tu_extract(erg_lexicon *lx, const char *text,
                              tu_strs *out)
{
	erg_doc *d = tu_doc(text);
	erg_extractor *x = erg_extractor_new(lx);
	tu_collect c;

	assert_non_null(x);
	memset(&c, 0, sizeof c);
	c.lx = lx;
	c.out = out;
	assert_int_equal(erg_extract_doc(x, d, tu_collect_fn, &c), ERG_OK);
	erg_extractor_free(x);
	erg_doc_free(d);
}

static inline void tu_print_strs(const char *title, char *const *v, size_t n)
{
	print_error("  %s (%zu):\n", title, n);
	for (size_t i = 0; i < n; i++)
		print_error("    %s\n", v[i]);
}

/* Print a NULL-terminated list of lines under a title. */
static inline void tu_print_list(const char *title, const char *const *v)
{
	print_error("  %s:\n", title);
	for (; *v; v++)
		print_error("    %s\n", *v);
}

/* Is s in the NULL-terminated list v? */
static inline int tu_list_has(const char *const *v, const char *s)
{
	for (; *v; v++)
		if (strcmp(*v, s) == 0)
			return 1;
	return 0;
}

/* The lexicon of table-driven relation tests.  Learned names persist in
 * a lexicon, so tu_lexicon_setup/teardown (cmocka fixtures) give each
 * case a fresh default one; the fixture state (the case) is left alone. */
static inline erg_lexicon **tu_lexicon_slot(void)
{
	static erg_lexicon *lx;

	return &lx;
}

static inline erg_lexicon *tu_lexicon(void)
{
	return *tu_lexicon_slot();
}

static inline int tu_lexicon_setup(void **state)
{
	(void)state;
	*tu_lexicon_slot() = tu_default_lexicon();
	return tu_lexicon() ? 0 : -1;
}

static inline int tu_lexicon_teardown(void **state)
{
	(void)state;
	erg_lexicon_free(tu_lexicon());
	*tu_lexicon_slot() = NULL;
	return 0;
}

/* Finish a table-driven case whose check gave ok: on failure print the
 * text, the wanted and produced lines; a case marked as a KNOWN GAP is
 * then skipped rather than failed.  Frees got. */
static inline void tu_case_finish(const char *name, const char *text,
                                  const char *const *want, tu_strs *got,
                                  int ok, const char *gap)
{
	if (!ok) {
		print_error("  text: %s\n", text);
		tu_print_list("want", want);
		tu_print_strs("got", got->v, got->n);
	}
	tu_strs_free(got);
	if (!ok && gap) {
		print_message("KNOWN GAP (%s): %s\n", name, gap);
		skip();
	}
	assert_true(ok);
}

/* Fail unless the relations of text are exactly the expected set (order
 * and repeats across sentences do not matter; each distinct line counts
 * once). */
static inline void tu_expect_triples(erg_lexicon *lx, const char *text,
                                     const char *const *want, size_t nwant)
{
	tu_strs got = {0}, exp = {0}, uniq = {0};
	int ok;

	tu_extract(lx, text, &got);
	for (size_t i = 0; i < nwant; i++)
		if (!tu_strs_has(&exp, want[i]))
			tu_strs_push(&exp, want[i]);
	for (size_t i = 0; i < got.n; i++)
		if (!tu_strs_has(&uniq, got.v[i]))
			tu_strs_push(&uniq, got.v[i]);
	if (exp.n)
		qsort(exp.v, exp.n, sizeof *exp.v, tu_strcmp_p);
	if (uniq.n)
		qsort(uniq.v, uniq.n, sizeof *uniq.v, tu_strcmp_p);
	ok = exp.n == uniq.n;
	for (size_t i = 0; ok && i < exp.n; i++)
		ok = strcmp(exp.v[i], uniq.v[i]) == 0;
	if (!ok) {
		print_error("text: %s\n", text);
		tu_print_strs("expected", exp.v, exp.n);
		tu_print_strs("got", uniq.v, uniq.n);
	}
	tu_strs_free(&got);
	tu_strs_free(&exp);
	tu_strs_free(&uniq);
	assert_true(ok);
}

#endif
