/* test_jsonl.c - reading extract's JSON Lines back into a graph
 * (jsonl.h). */
#include <jansson.h>

#include "graph.h"
#include "jsonl.h"
#include "output.h"
#include "testutil.h"

#define S(lit) lit, sizeof(lit) - 1

/* --- helpers ------------------------------------------------------------- */

/* A stream holding len bytes of text. */
static FILE *stream(const char *text, size_t len)
{
	FILE *f = tmpfile();

	assert_non_null(f);
	if (len)
		assert_int_equal(fwrite(text, 1, len, f), len);
	rewind(f);
	return f;
}

static erg_err read_text(erg_graph *g, const char *name, const char *text,
                         size_t len, erg_errinfo *ei)
{
	FILE *f = stream(text, len);
	erg_err e;

	memset(ei, 0, sizeof *ei);
	e = erg_jsonl_read(f, name, g, ei);
	fclose(f);
	return e;
}

static erg_err read_str(erg_graph *g, const char *text, erg_errinfo *ei)
{
	return read_text(g, "in.jsonl", text, strlen(text), ei);
}

static void read_ok(erg_graph *g, const char *text)
{
	erg_errinfo ei;
	erg_err e = read_str(g, text, &ei);

	if (e != ERG_OK)
		print_error("  %s:%lu: %s (%s)\n", ei.file, ei.line, ei.msg,
		            erg_strerror(e));
	assert_int_equal(e, ERG_OK);
}

static size_t node_named(const erg_graph *g, const char *name)
{
	for (size_t i = 0; i < erg_graph_nnodes(g); i++)
		if (strcmp(erg_graph_node(g, i)->name, name) == 0)
			return i;
	fail_msg("no node %s", name);
	return 0;
}

static int has_node(const erg_graph *g, const char *name)
{
	for (size_t i = 0; i < erg_graph_nnodes(g); i++)
		if (strcmp(erg_graph_node(g, i)->name, name) == 0)
			return 1;
	return 0;
}

/* The edge s -rel-> o, or fail. */
static const erg_edge *edge(const erg_graph *g, const char *s, erg_rel rel,
                            const char *o)
{
	size_t a = node_named(g, s), b = node_named(g, o);

	for (size_t i = 0; i < erg_graph_nedges(g); i++) {
		const erg_edge *e = erg_graph_edge(g, i);

		if (e->from == a && e->to == b && e->rel == rel)
			return e;
	}
	fail_msg("no edge %s %s %s", s, erg_rel_name(rel), o);
	return NULL;
}

static const erg_evidence *evidence(const erg_edge *e, size_t k)
{
	assert_true(k < e->evidence.len);
	return erg_vec_at(&e->evidence, k);
}

static void opt_is(const char *got, const char *want)
{
	if (!want)
		assert_null(got);
	else
		assert_string_equal(got ? got : "(null)", want);
}

static void meta_is(const erg_graph *g, size_t i, const char *name,
                    const char *title, const char *url, const char *date)
{
	const erg_graph_docinfo *d = erg_graph_docinfo_at(g, i);

	assert_non_null(d);
	assert_string_equal(d->name, name);
	opt_is(d->title, title);
	opt_is(d->url, url);
	opt_is(d->date, date);
}

/* One relation line, as extract writes it (rule and confidence too). */
#define REL(doc, s, st, rel, o, ot, pol, mod, sent, start, end, extra)         \
	"{\"doc\":\"" doc "\",\"subject\":\"" s "\",\"subject_type\":\"" st     \
	"\",\"relation\":\"" rel "\",\"object\":\"" o "\",\"object_type\":\""   \
	ot "\",\"polarity\":\"" pol "\",\"modality\":\"" mod                    \
	"\",\"sentence\":\"" sent "\",\"start\":" #start ",\"end\":" #end       \
	",\"rule\":\"r\",\"confidence\":0.90" extra "}"

#define META_A ",\"doc_id\":\"sha:1\",\"title\":\"Title A\",\"url\":" \
	"\"https://a.example/x?y=1&z=2\",\"date\":\"2024-05-06T07:08:09Z\""

/* --- lines to graph ------------------------------------------------------ */

static void lines_to_graph(void **state)
{
	static const char text[] =
		REL("a.txt", "Zeta Agency", "agency", "summoned", "Acme", "company",
		    "positive", "asserted", "Zeta Agency summoned Acme.", 0, 26,
		    META_A) "\n"
		"\n"
		REL("a.txt", "Zeta Agency", "agency", "summoned", "Acme", "company",
		    "positive", "asserted", "Zeta met Acme again.", 27, 47, META_A)
		"\n"
		REL("b.txt", "Acme", "company", "purchased", "Z1", "chip",
		    "positive", "asserted", "Acme bought Z1.", 5, 20,
		    ",\"doc_id\":null,\"title\":null,\"date\":null") "\n"
		" \t \n"
		REL("b.txt", "Acme", "company", "purchased", "Beta", "company",
		    "positive", "hedged", "Acme may buy Beta.", 21, 39, "") "\n"
		REL("b.txt", "Zeta Agency", "agency", "restricted", "Acme",
		    "company", "negative", "asserted", "Zeta did not restrict Acme.",
		    40, 67, "") "\n"
		REL("c.txt", "Gamma", "company", "makes", "Z2", "chip", "negative",
		    "hedged", "Gamma might not make Z2.", 0, 24, "") "\n"
		REL("d.txt", "Delta", "company", "makes", "Z1", "chip", "positive",
		    "hedged", "Delta may make Z1.", 0, 18,
		    ",\"title\":\"Hedged D\"") "\n"
		REL("e.txt", "Zeta Agency", "agency", "restricted", "Acme",
		    "company", "positive", "asserted", "Zeta restricted Acme.", 0,
		    21, ",\"subject_country\":\"XX\",\"object_country\":\"\"") "\n"
		REL("d.txt", "Delta", "company", "makes", "Z1", "chip", "positive",
		    "asserted", "Delta makes Z1.", 19, 34,
		    ",\"title\":\"Title D\",\"subject_country\":\"EU\","
		    "\"object_country\":null") "\n";
	erg_graph *g = erg_graph_new();
	const erg_edge *e;

	(void)state;
	assert_non_null(g);
	read_ok(g, text);
	/* the hedged and negated lines added nothing */
	assert_int_equal(erg_graph_nnodes(g), 4);
	assert_int_equal(erg_graph_nedges(g), 4);
	assert_false(has_node(g, "Beta"));
	assert_false(has_node(g, "Gamma"));
	/* countries: as given, none when absent, null or "", and a node
	 * keeps the one it was created with */
	assert_string_equal(erg_graph_node(g, node_named(g, "Delta"))->country,
	                    "EU");
	assert_string_equal(erg_graph_node(g, node_named(g, "Z1"))->country, "");
	assert_string_equal(
		erg_graph_node(g, node_named(g, "Zeta Agency"))->country, "");
	assert_int_equal(erg_graph_node(g, node_named(g, "Zeta Agency"))->type,
	                 ERG_AGENCY);
	assert_int_equal(erg_graph_node(g, node_named(g, "Acme"))->type,
	                 ERG_COMPANY);
	assert_int_equal(erg_graph_node(g, node_named(g, "Z1"))->type, ERG_CHIP);
	assert_int_equal(erg_graph_node(g, node_named(g, "Acme"))->count, 3);
	assert_string_equal(erg_graph_node(g, node_named(g, "Acme"))->country, "");

	e = edge(g, "Zeta Agency", ERG_SUMMONED, "Acme");
	assert_int_equal(e->count, 2);
	assert_string_equal(evidence(e, 0)->sentence, "Zeta Agency summoned Acme.");
	assert_int_equal(evidence(e, 0)->start, 0);
	assert_int_equal(evidence(e, 0)->end, 26);
	assert_string_equal(evidence(e, 1)->sentence, "Zeta met Acme again.");
	assert_int_equal(evidence(e, 1)->start, 27);
	assert_string_equal(erg_graph_doc(g, evidence(e, 1)->doc), "a.txt");
	e = edge(g, "Acme", ERG_PURCHASED, "Z1");
	assert_int_equal(e->count, 1);
	assert_string_equal(erg_graph_doc(g, evidence(e, 0)->doc), "b.txt");
	assert_int_equal(evidence(e, 0)->end, 20);

	/* each document once, entering with its first fact, with that
	 * line's meta: c.txt has none, d.txt comes after e.txt */
	assert_int_equal(erg_graph_ndocs(g), 4);
	meta_is(g, 0, "a.txt", "Title A", "https://a.example/x?y=1&z=2",
	        "2024-05-06T07:08:09Z");
	meta_is(g, 1, "b.txt", NULL, NULL, NULL);
	meta_is(g, 2, "e.txt", NULL, NULL, NULL);
	meta_is(g, 3, "d.txt", "Title D", NULL, NULL);
	erg_graph_free(g);
}

/* Nothing, blank lines only, CRLF, no final newline. */
static void blank_crlf_and_last_line(void **state)
{
	static const char crlf[] =
		"\r\n"
		REL("a", "Zeta", "agency", "summoned", "Acme", "company", "positive",
		    "asserted", "s1", 0, 2, "") "\r\n"
		"   \r\n"
		REL("a", "Zeta", "agency", "summoned", "Acme", "company", "positive",
		    "asserted", "s2", 3, 5, "");
	erg_graph *g = erg_graph_new();
	erg_errinfo ei;

	(void)state;
	assert_non_null(g);
	assert_int_equal(read_text(g, "empty", "", 0, &ei), ERG_OK);
	read_ok(g, "\n\n  \n\t\n");
	assert_int_equal(erg_graph_ndocs(g), 0);
	assert_int_equal(erg_graph_nedges(g), 0);
	read_ok(g, crlf);
	assert_int_equal(erg_graph_ndocs(g), 1);
	assert_int_equal(erg_graph_nedges(g), 1);
	assert_int_equal(erg_graph_edge(g, 0)->count, 2);
	assert_string_equal(evidence(erg_graph_edge(g, 0), 1)->sentence, "s2");
	erg_graph_free(g);
}

/* A document seen in an earlier file is the same document; meta it
 * lacked is filled in, meta it has is kept. */
static void documents_across_calls(void **state)
{
	erg_graph *g = erg_graph_new();

	(void)state;
	assert_non_null(g);
	read_ok(g, REL("a.txt", "Zeta", "agency", "summoned", "Acme", "company",
	               "positive", "asserted", "s1", 0, 2,
	               ",\"title\":\"First\",\"url\":null") "\n"
	           REL("b.txt", "Zeta", "agency", "summoned", "Acme", "company",
	               "positive", "asserted", "s2", 0, 2, "") "\n");
	read_ok(g, REL("a.txt", "Zeta", "agency", "restricted", "Acme",
	               "company", "positive", "asserted", "s3", 0, 2,
	               ",\"title\":\"Second\",\"url\":\"https://u/\"") "\n");
	assert_int_equal(erg_graph_ndocs(g), 2);
	meta_is(g, 0, "a.txt", "First", "https://u/", NULL);
	assert_string_equal(erg_graph_doc(g, evidence(edge(g, "Zeta",
	                                                   ERG_RESTRICTED, "Acme"),
	                                              0)->doc),
	                    "a.txt");
	erg_graph_free(g);
}

/* --- what extract writes comes back ---------------------------------------- */

static void add_found(erg_vec *v, erg_rel rel, int32_t s, int32_t o,
                      const erg_doc *d, const char *sent, uint8_t neg,
                      uint8_t hedged)
{
	const char *at = strstr(d->text, sent);
	erg_found *f = erg_vec_push(v);

	assert_non_null(at);
	assert_non_null(f);
	f->r.rel = rel;
	f->r.subj = s;
	f->r.obj = o;
	f->r.negative = neg;
	f->r.hedged = hedged;
	f->r.rule = "test";
	f->r.confidence = 0.5f;
	f->start = (size_t)(at - d->text);
	f->end = f->start + strlen(sent);
}

static void replace(char **dst, const char *s)
{
	free(*dst);
	*dst = s ? erg_strndup(s, strlen(s)) : NULL;
	assert_true(!s || *dst);
}

static void roundtrip_with_writer(void **state)
{
	static const char evil[] =
		"Evil \"Corp\" <script>alert(1)</script> & ]]> \\";
	static const char cmd[] = "=cmd|' /C calc'!A0";
	static const char ctl[] = "Back\\slash\x01 Ctl Z\xc3\xbcrich \xe5\x8d\x8e";
	static const char s1[] = "Evil \"Corp\" summoned =cmd & co.";
	static const char s2[] = "They bought <b>chips</b> \\ there.";
	static const char text[] =
		"Intro line.\nEvil \"Corp\" summoned =cmd & co. They bought "
		"<b>chips</b> \\ there. Maybe more.";
	erg_lexicon *lx = erg_lexicon_new();
	erg_graph *g = erg_graph_new();
	erg_vec found = ERG_VEC_INIT(erg_found);
	erg_doc *d = NULL;
	erg_errinfo ei;
	int32_t a, b, c;
	FILE *f = tmpfile();
	const erg_edge *e;

	(void)state;
	assert_non_null(lx);
	assert_non_null(g);
	assert_non_null(f);
	a = erg_lexicon_add_entity(lx, evil, ERG_AGENCY, "ZZ");
	b = erg_lexicon_add_entity(lx, cmd, ERG_COMPANY, NULL);
	c = erg_lexicon_add_entity(lx, ctl, ERG_CHIP, NULL);
	assert_true(a >= 0 && b >= 0 && c >= 0);
	assert_int_equal(erg_doc_from_mem("dir/\"odd\"\\name.txt", text,
	                                  sizeof text - 1, &d, &ei),
	                 ERG_OK);
	replace(&d->title, "<Title> & \"q\"");
	replace(&d->url, "https://x/?a=1&b=<2>");
	replace(&d->date, NULL);

	add_found(&found, ERG_SUMMONED, a, b, d, s1, 0, 0);
	add_found(&found, ERG_PURCHASED, b, c, d, s2, 0, 0);
	add_found(&found, ERG_RESTRICTED, a, b, d, "Maybe more.", 0, 1);
	add_found(&found, ERG_MAKES, b, c, d, "Maybe more.", 1, 0);
	add_found(&found, ERG_SUMMONED, a, b, d, s2, 0, 0);
	for (size_t i = 0; i < found.len; i++)
		assert_int_equal(erg_output_found(f, ERG_OUT_JSONL, lx, d,
		                                  erg_vec_at(&found, i)),
		                 ERG_OK);
	rewind(f);
	memset(&ei, 0, sizeof ei);
	assert_int_equal(erg_jsonl_read(f, "saved.jsonl", g, &ei), ERG_OK);

	assert_int_equal(erg_graph_ndocs(g), 1);
	meta_is(g, 0, "dir/\"odd\"\\name.txt", "<Title> & \"q\"",
	        "https://x/?a=1&b=<2>", NULL);
	assert_int_equal(erg_graph_nnodes(g), 3);
	assert_int_equal(erg_graph_nedges(g), 2);
	assert_int_equal(erg_graph_node(g, node_named(g, evil))->type, ERG_AGENCY);
	assert_int_equal(erg_graph_node(g, node_named(g, cmd))->type, ERG_COMPANY);
	assert_int_equal(erg_graph_node(g, node_named(g, ctl))->type, ERG_CHIP);
	assert_string_equal(erg_graph_node(g, node_named(g, evil))->country, "ZZ");
	assert_string_equal(erg_graph_node(g, node_named(g, cmd))->country, "");
	e = edge(g, evil, ERG_SUMMONED, cmd);
	assert_int_equal(e->count, 2);
	assert_string_equal(evidence(e, 0)->sentence, s1);
	assert_int_equal(evidence(e, 0)->start,
	                 ((erg_found *)erg_vec_at(&found, 0))->start);
	assert_int_equal(evidence(e, 0)->end,
	                 ((erg_found *)erg_vec_at(&found, 0))->end);
	assert_string_equal(evidence(e, 1)->sentence, s2);
	e = edge(g, cmd, ERG_PURCHASED, ctl);
	assert_int_equal(e->count, 1);
	assert_string_equal(evidence(e, 0)->sentence, s2);

	fclose(f);
	erg_vec_free(&found);
	erg_doc_free(d);
	erg_graph_free(g);
	erg_lexicon_free(lx);
}

/* --- the same graph as from the articles --------------------------------- */

typedef struct {
	erg_lexicon *lx;
	erg_graph *g;  /* built as graph does from the articles */
	FILE *out;     /* what extract writes */
	size_t idx;
	int added;
} both;

static erg_err both_fn(void *arg, const erg_doc *doc, const erg_found *f)
{
	both *b = arg;
	erg_err e;

	if ((e = erg_output_found(b->out, ERG_OUT_JSONL, b->lx, doc, f)))
		return e;
	if (f->r.negative || f->r.hedged)
		return ERG_OK;
	if (!b->added) {
		if ((e = erg_graph_add_doc(b->g, doc->name, &b->idx)) ||
		    (e = erg_graph_doc_meta(b->g, b->idx, doc->title, doc->url,
		                            doc->date)))
			return e;
		b->added = 1;
	}
	return erg_graph_add(b->g, b->lx, b->idx, doc->text, f);
}

static void same_str(const char *what, const char *a, const char *b)
{
	if ((a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0))
		fail_msg("%s: <%s> vs <%s>", what, a ? a : "(null)",
		         b ? b : "(null)");
}

static void same_graph(const erg_graph *a, const erg_graph *b)
{
	assert_int_equal(erg_graph_ndocs(a), erg_graph_ndocs(b));
	for (size_t i = 0; i < erg_graph_ndocs(a); i++) {
		const erg_graph_docinfo *x = erg_graph_docinfo_at(a, i);
		const erg_graph_docinfo *y = erg_graph_docinfo_at(b, i);

		same_str("doc", x->name, y->name);
		same_str("title", x->title, y->title);
		same_str("url", x->url, y->url);
		same_str("date", x->date, y->date);
	}
	assert_int_equal(erg_graph_nnodes(a), erg_graph_nnodes(b));
	for (size_t i = 0; i < erg_graph_nnodes(a); i++) {
		const erg_node *x = erg_graph_node(a, i), *y = erg_graph_node(b, i);

		same_str("node", x->name, y->name);
		same_str("country", x->country, y->country);
		assert_int_equal(x->type, y->type);
		assert_int_equal(x->count, y->count);
	}
	assert_int_equal(erg_graph_nedges(a), erg_graph_nedges(b));
	for (size_t i = 0; i < erg_graph_nedges(a); i++) {
		const erg_edge *x = erg_graph_edge(a, i), *y = erg_graph_edge(b, i);

		assert_int_equal(x->from, y->from);
		assert_int_equal(x->to, y->to);
		assert_int_equal(x->rel, y->rel);
		assert_int_equal(x->count, y->count);
		assert_int_equal(x->evidence.len, y->evidence.len);
		for (size_t k = 0; k < x->evidence.len; k++) {
			const erg_evidence *u = evidence(x, k), *v = evidence(y, k);

			assert_int_equal(u->doc, v->doc);
			assert_int_equal(u->start, v->start);
			assert_int_equal(u->end, v->end);
			same_str("sentence", u->sentence, v->sentence);
		}
	}
}

/* graph --from-jsonl over extract's output gives the graph that graph
 * gives over the articles: nodes, countries, counts, evidence, documents
 * (one with no fact is in neither). */
static void same_as_from_articles(void **state)
{
	static const char *const texts[][2] = {
		{"one.txt",
		 "Regulators summon Nvidia\n\nThe Cyberspace Administration of "
		 "China summoned Nvidia on Thursday. Alibaba bought H20 chips from "
		 "Nvidia. ByteDance may buy H20 chips. Tencent did not purchase the "
		 "RTX Pro 6000D. The Commerce Department added SMIC to the Entity "
		 "List. SMIC makes the Kirin 9000S. The CAC summoned Nvidia "
		 "again.\n"},
		{"none.txt", "Maybe\n\nByteDance may buy H20 chips.\n"},
		{"two.txt",
		 "Second story\n\nThe Commerce Department restricted Huawei. "
		 "Huawei makes the Ascend 910B. Nvidia might not sell chips to "
		 "Huawei. Alibaba bought H20 chips from Nvidia.\n"},
	};
	erg_lexicon *lx = tu_default_lexicon();
	erg_extractor *x = erg_extractor_new(lx);
	erg_graph *g2 = erg_graph_new();
	both b = {lx, erg_graph_new(), tmpfile(), 0, 0};
	erg_errinfo ei;

	(void)state;
	assert_non_null(x);
	assert_non_null(g2);
	assert_non_null(b.g);
	assert_non_null(b.out);
	for (size_t i = 0; i < TU_COUNT(texts); i++) {
		erg_doc *d = NULL;

		assert_int_equal(erg_doc_from_mem(texts[i][0], texts[i][1],
		                                  strlen(texts[i][1]), &d, &ei),
		                 ERG_OK);
		assert_int_equal(erg_doc_identify(d), ERG_OK);
		if (i == 2) {
			replace(&d->url, "https://news.example/two?a=1&b=2");
			replace(&d->date, "2025-07-31T00:00:00Z");
		}
		b.added = 0;
		assert_int_equal(erg_extract_doc(x, d, both_fn, &b), ERG_OK);
		erg_doc_free(d);
	}
	rewind(b.out);
	memset(&ei, 0, sizeof ei);
	assert_int_equal(erg_jsonl_read(b.out, "x.jsonl", g2, &ei), ERG_OK);
	/* the text gives what the test is about */
	assert_int_equal(erg_graph_ndocs(b.g), 2);
	assert_true(erg_graph_nedges(b.g) >= 6);
	assert_true(has_node(b.g, "Nvidia"));
	assert_string_equal(erg_graph_node(b.g, node_named(b.g, "Nvidia"))->country,
	                    "US");
	erg_graph_sort(b.g);
	erg_graph_sort(g2);
	same_graph(b.g, g2);

	fclose(b.out);
	erg_graph_free(b.g);
	erg_graph_free(g2);
	erg_extractor_free(x);
	erg_lexicon_free(lx);
}

/* --- errors ---------------------------------------------------------------- */

/* A good line with one member changed (value NULL: removed), as JSON. */
static char *variant(const char *key, json_t *value)
{
	json_error_t err;
	json_t *o = json_loads(REL("v.txt", "Zeta", "agency", "summoned", "Acme",
	                           "company", "positive", "asserted", "s", 1, 2,
	                           META_A),
	                       0, &err);
	char *s;

	assert_non_null(o);
	if (value)
		assert_int_equal(json_object_set_new(o, key, value), 0);
	else
		assert_int_equal(json_object_del(o, key), 0);
	s = json_dumps(o, JSON_COMPACT);
	assert_non_null(s);
	json_decref(o);
	return s;
}

/* bad sits on line 3, after a good line and a blank one; it must fail
 * with ERG_ESYNTAX at in.jsonl:3 and change nothing; the message must
 * hold msg (if not NULL) and no control character. */
static void expect_bad(const char *bad, size_t badlen, const char *what,
                       const char *msg)
{
	static const char good[] =
		REL("g.txt", "Zeta", "agency", "summoned", "Acme", "company",
		    "positive", "asserted", "s", 0, 1, "") "\n\n";
	erg_graph *g = erg_graph_new();
	erg_buf in = ERG_BUF_INIT;
	erg_errinfo ei;
	erg_err e;

	assert_non_null(g);
	assert_int_equal(erg_buf_puts(&in, good), ERG_OK);
	assert_int_equal(erg_buf_append(&in, bad, badlen), ERG_OK);
	assert_int_equal(erg_buf_puts(&in, "\n" REL("h.txt", "Zeta", "agency",
	                                            "restricted", "Acme",
	                                            "company", "positive",
	                                            "asserted", "s", 0, 1, "")
	                                        "\n"),
	                 ERG_OK);
	e = read_text(g, "in.jsonl", in.data, in.len, &ei);
	if (e != ERG_ESYNTAX || ei.line != 3)
		print_error("  %s: got %s at line %lu (%s)\n", what, erg_strerror(e),
		            ei.line, ei.msg);
	assert_int_equal(e, ERG_ESYNTAX);
	assert_string_equal(ei.file, "in.jsonl");
	assert_int_equal(ei.line, 3);
	assert_true(ei.msg[0] != '\0');
	for (const char *p = ei.msg; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			fail_msg("control byte in message: %s", what);
	if (msg && !strstr(ei.msg, msg))
		fail_msg("message <%s> lacks <%s>", ei.msg, msg);
	/* the good line is in, the bad one left no trace, the next one was
	 * not read */
	assert_int_equal(erg_graph_ndocs(g), 1);
	assert_int_equal(erg_graph_nedges(g), 1);
	erg_buf_free(&in);
	erg_graph_free(g);
}

static void expect_bad_line(const char *bad, size_t badlen, const char *what)
{
	expect_bad(bad, badlen, what, NULL);
}

static void malformed_lines(void **state)
{
	static const char *const raw[] = {
		"{\"doc\":",                      /* cut short */
		"not json",
		"[1,2]",                          /* not an object */
		"\"a string\"",
		"{}",
		REL("v", "Z", "agency", "summoned", "A", "company", "positive",
		    "asserted", "s", 0, 1, "") " x",          /* trailing junk */
		REL("v", "Z", "agency", "summoned", "A", "company", "positive",
		    "asserted", "s", 0, 1, ",\"doc\":\"w\""), /* duplicate key */
		REL("v", "Z", "agency", "summoned", "A", "company", "positive",
		    "asserted", "bad \\u0000 nul", 0, 1, ""),
		REL("v", "Z\xff", "agency", "summoned", "A", "company", "positive",
		    "asserted", "s", 0, 1, ""),               /* not UTF-8 */
		REL("v", "Z", "agency", "summoned", "A", "company", "positive",
		    "asserted", "raw \x1b[31m control", 0, 1, ""),
	};
	static const char nul[] = "{\"doc\":\"a\0b\"}";
	static const char *const drop[] = {
		"doc", "subject", "subject_type", "relation", "object",
		"object_type", "polarity", "modality", "sentence", "start", "end",
	};
	struct {
		const char *key;
		json_t *v;
	} bad[] = {
		{"subject_type", json_string("person")},
		{"subject_type", json_string("x\x1b[2J\x07")}, /* quoted in msg */
		{"object_type", json_string("Company")},
		{"relation", json_string("likes")},
		{"polarity", json_string("maybe")},
		{"modality", json_string("")},
		{"subject", json_integer(3)},
		{"subject", json_string("")},
		{"object", json_string("")},
		{"sentence", json_null()},
		{"doc", json_array()},
		{"start", json_string("1")},
		{"start", json_integer(-1)},
		{"start", json_real(1.5)},
		{"end", json_integer(0)},   /* before start (1) */
		{"end", json_true()},
		{"title", json_integer(5)},
		{"url", json_false()},
		{"date", json_object()},
		{"doc_id", json_integer(1)},
		{"subject_country", json_string("USAX")},
		{"object_country", json_integer(1)},
		{"object_country", json_string("\xc3\xa9\xc3\xa9")},
	};

	(void)state;
	for (size_t i = 0; i < TU_COUNT(raw); i++)
		expect_bad_line(raw[i], strlen(raw[i]), raw[i]);
	expect_bad_line(nul, sizeof nul - 1, "raw NUL");
	for (size_t i = 0; i < TU_COUNT(drop); i++) {
		char *s = variant(drop[i], NULL);

		expect_bad_line(s, strlen(s), drop[i]);
		free(s);
	}
	for (size_t i = 0; i < TU_COUNT(bad); i++) {
		char *s;

		assert_non_null(bad[i].v);
		s = variant(bad[i].key, bad[i].v);
		expect_bad_line(s, strlen(s), s);
		free(s);
	}
}

/* The messages say what is wrong. */
static void malformed_messages(void **state)
{
	char *s;

	(void)state;
	expect_bad(S("{\"doc\":"), "cut", "invalid JSON");
	expect_bad(S("[1,2]"), "array", "not a JSON object");
	s = variant("subject", NULL);
	expect_bad(s, strlen(s), "no subject", "missing \"subject\"");
	free(s);
	s = variant("relation", json_string("likes"));
	expect_bad(s, strlen(s), "likes", "unknown relation \"likes\"");
	free(s);
	s = variant("start", json_string("1"));
	expect_bad(s, strlen(s), "start", "\"start\"");
	free(s);
}

/* The variants above differ from a good line only where they should:
 * unchanged, the same line is accepted (null meta too). */
static void variant_baseline_is_good(void **state)
{
	erg_graph *g = erg_graph_new();
	char *s = variant("title", json_null()), *t;

	(void)state;
	assert_non_null(g);
	t = malloc(strlen(s) + 2);
	assert_non_null(t);
	sprintf(t, "%s\n", s);
	read_ok(g, t);
	assert_int_equal(erg_graph_nedges(g), 1);
	meta_is(g, 0, "v.txt", NULL, "https://a.example/x?y=1&z=2",
	        "2024-05-06T07:08:09Z");
	free(t);
	free(s);
	erg_graph_free(g);
}

/* A line of exactly ERG_JSONL_LINE_MAX bytes (plus CRLF) is read; one
 * byte more fails with ERG_ELIMIT at its line. */
static void line_limit(void **state)
{
	static const char head[] =
		REL("big", "Zeta", "agency", "summoned", "Acme", "company",
		    "positive", "asserted", "s", 0, 1, "");
	erg_graph *g = erg_graph_new();
	size_t n = ERG_JSONL_LINE_MAX;
	char *text = malloc(n + 64);
	erg_errinfo ei;

	(void)state;
	assert_non_null(g);
	assert_non_null(text);
	/* "\n" + head with spaces before its closing brace, n bytes long */
	text[0] = '\n';
	memcpy(text + 1, head, sizeof head - 2);
	memset(text + sizeof head - 1, ' ', n - (sizeof head - 1));
	text[n] = '}';
	memcpy(text + n + 1, "\r\n", 2);
	assert_int_equal(read_text(g, "big.jsonl", text, n + 3, &ei), ERG_OK);
	assert_int_equal(erg_graph_nedges(g), 1);

	/* one more space */
	memset(text + sizeof head - 1, ' ', n + 1 - (sizeof head - 1));
	text[n + 1] = '}';
	text[n + 2] = '\n';
	assert_int_equal(read_text(g, "big.jsonl", text, n + 3, &ei), ERG_ELIMIT);
	assert_string_equal(ei.file, "big.jsonl");
	assert_int_equal(ei.line, 2);
	free(text);
	erg_graph_free(g);
}

/* A line far past the cap is not read to its end: the reader stops soon
 * after the cap. */
static void long_line_stops_early(void **state)
{
	size_t n = 4 * ERG_JSONL_LINE_MAX;
	char *text = malloc(n);
	erg_graph *g = erg_graph_new();
	erg_errinfo ei;
	FILE *f;

	(void)state;
	assert_non_null(text);
	assert_non_null(g);
	memset(text, ' ', n);
	text[0] = '{';
	f = stream(text, n);
	assert_int_equal(erg_jsonl_read(f, "huge", g, &ei), ERG_ELIMIT);
	assert_int_equal(ei.line, 1);
	assert_true(ftell(f) < (long)(ERG_JSONL_LINE_MAX + 65536));
	fclose(f);
	free(text);
	erg_graph_free(g);
}

#define S_LINE \
	REL("d", "Zeta", "agency", "summoned", "Acme", "company", "positive", \
	    "asserted", "s", 0, 1, "") "\n"

/* A stream that cannot be read; no errinfo is fine too. */
static void read_error_is_eio(void **state)
{
	erg_graph *g = erg_graph_new();
	FILE *f = fopen("/dev/null", "w");
	erg_errinfo ei;

	(void)state;
	assert_non_null(g);
	assert_non_null(f);
	memset(&ei, 0, sizeof ei);
	assert_int_equal(erg_jsonl_read(f, "w.jsonl", g, &ei), ERG_EIO);
	assert_string_equal(ei.file, "w.jsonl");
	clearerr(f);
	assert_int_equal(erg_jsonl_read(f, NULL, g, NULL), ERG_EIO);
	fclose(f);
	f = stream(S_LINE, sizeof S_LINE - 1);
	assert_int_equal(erg_jsonl_read(f, NULL, g, NULL), ERG_OK);
	fclose(f);
	assert_int_equal(erg_graph_nedges(g), 1);
	erg_graph_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lines_to_graph),
		cmocka_unit_test(blank_crlf_and_last_line),
		cmocka_unit_test(documents_across_calls),
		cmocka_unit_test(roundtrip_with_writer),
		cmocka_unit_test(same_as_from_articles),
		cmocka_unit_test(variant_baseline_is_good),
		cmocka_unit_test(malformed_lines),
		cmocka_unit_test(malformed_messages),
		cmocka_unit_test(long_line_stops_early),
		cmocka_unit_test(line_limit),
		cmocka_unit_test(read_error_is_eio),
	};

	return cmocka_run_group_tests_name("jsonl", tests, NULL, NULL);
}
