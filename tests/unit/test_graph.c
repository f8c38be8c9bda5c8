/* test_graph.c - merging relations into the entity graph (graph.h). */
#include "graph.h"
#include "testutil.h"

static const char glex[] =
	"chip | Z1 | ZZ |\n"
	"company | Beta | - |\n"
	"agency | Zeta Agency | ZZ |\n"
	"company | Acme | US |\n"
	"agency | Alpha Agency | - |\n";

typedef struct {
	erg_lexicon *lx;
	erg_graph *g;
} gfix;

static int gfix_setup(void **state)
{
	gfix *f = calloc(1, sizeof *f);
	erg_errinfo ei;

	if (!f)
		return -1;
	*state = f;
	f->lx = erg_lexicon_new();
	f->g = erg_graph_new();
	if (!f->lx || !f->g)
		return -1;
	return erg_lexicon_load_mem(f->lx, "g", glex, strlen(glex), &ei) ? -1 : 0;
}

static int gfix_teardown(void **state)
{
	gfix *f = *state;

	erg_graph_free(f->g);
	erg_lexicon_free(f->lx);
	free(f);
	return 0;
}

static int32_t id(const gfix *f, const char *name, erg_etype t)
{
	int32_t i = erg_lexicon_find(f->lx, name, t);

	assert_true(i >= 0);
	return i;
}

static erg_found found(erg_rel rel, int32_t s, int32_t o, size_t start,
                       size_t end)
{
	erg_found fd;

	memset(&fd, 0, sizeof fd);
	fd.r.rel = rel;
	fd.r.subj = s;
	fd.r.obj = o;
	fd.r.rule = "test";
	fd.start = start;
	fd.end = end;
	return fd;
}

/* Index of the node with this name, or fail. */
static size_t node_named(const erg_graph *g, const char *name)
{
	for (size_t i = 0; i < erg_graph_nnodes(g); i++)
		if (strcmp(erg_graph_node(g, i)->name, name) == 0)
			return i;
	print_error("  no node %s\n", name);
	fail();
	return 0;
}

static void documents(void **state)
{
	gfix *f = *state;
	size_t a = 99, b = 99;

	assert_int_equal(erg_graph_ndocs(f->g), 0);
	assert_int_equal(erg_graph_add_doc(f->g, "first.txt", &a), ERG_OK);
	assert_int_equal(erg_graph_add_doc(f->g, "second.txt", &b), ERG_OK);
	assert_int_equal(a, 0);
	assert_int_equal(b, 1);
	assert_int_equal(erg_graph_ndocs(f->g), 2);
	assert_string_equal(erg_graph_doc(f->g, 0), "first.txt");
	assert_string_equal(erg_graph_doc(f->g, 1), "second.txt");
	assert_null(erg_graph_doc(f->g, 2));
	assert_int_equal(erg_graph_nnodes(f->g), 0);
	assert_int_equal(erg_graph_nedges(f->g), 0);
}

/* The same triple twice: one edge, count 2, two evidence items. */
static void same_triple_merges(void **state)
{
	static const char text[] = "Zeta Agency met Acme. Zeta Agency met Acme again.";
	gfix *f = *state;
	erg_found a = found(ERG_SUMMONED, id(f, "Zeta Agency", ERG_AGENCY),
	                    id(f, "Acme", ERG_COMPANY), 0, 21);
	erg_found b = a;
	const erg_edge *e;
	const erg_evidence *ev;
	size_t doc;

	b.start = 22;
	b.end = sizeof text - 1;
	assert_int_equal(erg_graph_add_doc(f->g, "d.txt", &doc), ERG_OK);
	assert_int_equal(erg_graph_add(f->g, f->lx, doc, text, &a), ERG_OK);
	assert_int_equal(erg_graph_add(f->g, f->lx, doc, text, &b), ERG_OK);
	assert_int_equal(erg_graph_nnodes(f->g), 2);
	assert_int_equal(erg_graph_nedges(f->g), 1);
	e = erg_graph_edge(f->g, 0);
	assert_int_equal(e->count, 2);
	assert_int_equal(e->rel, ERG_SUMMONED);
	assert_string_equal(erg_graph_node(f->g, e->from)->name, "Zeta Agency");
	assert_string_equal(erg_graph_node(f->g, e->to)->name, "Acme");
	assert_int_equal(e->evidence.len, 2);
	ev = e->evidence.data;
	assert_string_equal(ev[0].sentence, "Zeta Agency met Acme.");
	assert_string_equal(ev[1].sentence, "Zeta Agency met Acme again.");
	assert_int_equal(ev[0].start, 0);
	assert_int_equal(ev[0].end, 21);
	assert_int_equal(ev[1].start, 22);
	assert_int_equal(ev[1].end, sizeof text - 1);
	assert_int_equal(ev[0].doc, doc);
	/* nodes: type, country and how many edges they are on */
	assert_int_equal(erg_graph_node(f->g, e->from)->type, ERG_AGENCY);
	assert_string_equal(erg_graph_node(f->g, e->from)->country, "ZZ");
	assert_string_equal(erg_graph_node(f->g, e->to)->country, "US");
	assert_int_equal(erg_graph_node(f->g, e->from)->count, 1);
	assert_int_equal(erg_graph_node(f->g, e->to)->count, 1);
}

/* Other relation, other direction, other object: separate edges. */
static void distinct_triples(void **state)
{
	static const char text[] = "x";
	gfix *f = *state;
	int32_t zeta = id(f, "Zeta Agency", ERG_AGENCY);
	int32_t acme = id(f, "Acme", ERG_COMPANY);
	int32_t beta = id(f, "Beta", ERG_COMPANY);
	int32_t z1 = id(f, "Z1", ERG_CHIP);
	erg_found t[] = {
		found(ERG_SUMMONED, zeta, acme, 0, 1),
		found(ERG_RESTRICTED, zeta, acme, 0, 1),
		found(ERG_PURCHASED, acme, beta, 0, 1),
		found(ERG_PURCHASED, beta, acme, 0, 1),
		found(ERG_PURCHASED, acme, z1, 0, 1),
		found(ERG_SUMMONED, zeta, acme, 0, 1),
	};
	size_t doc;

	assert_int_equal(erg_graph_add_doc(f->g, "d", &doc), ERG_OK);
	for (size_t i = 0; i < TU_COUNT(t); i++)
		assert_int_equal(erg_graph_add(f->g, f->lx, doc, text, &t[i]), ERG_OK);
	assert_int_equal(erg_graph_nnodes(f->g), 4);
	assert_int_equal(erg_graph_nedges(f->g), 5);
	/* Acme is on all five edges */
	assert_int_equal(erg_graph_node(f->g, node_named(f->g, "Acme"))->count, 5);
	assert_int_equal(erg_graph_node(f->g, node_named(f->g, "Z1"))->count, 1);
}

/* Negated and hedged relations are not facts. */
static void hedged_and_negated_not_added(void **state)
{
	static const char text[] = "x";
	gfix *f = *state;
	erg_found a = found(ERG_SUMMONED, id(f, "Zeta Agency", ERG_AGENCY),
	                    id(f, "Acme", ERG_COMPANY), 0, 1);
	size_t doc;

	assert_int_equal(erg_graph_add_doc(f->g, "d", &doc), ERG_OK);
	a.r.negative = 1;
	assert_int_equal(erg_graph_add(f->g, f->lx, doc, text, &a), ERG_OK);
	a.r.negative = 0;
	a.r.hedged = 1;
	assert_int_equal(erg_graph_add(f->g, f->lx, doc, text, &a), ERG_OK);
	a.r.negative = 1;
	assert_int_equal(erg_graph_add(f->g, f->lx, doc, text, &a), ERG_OK);
	assert_int_equal(erg_graph_nnodes(f->g), 0);
	assert_int_equal(erg_graph_nedges(f->g), 0);
	/* the asserted one is */
	a.r.negative = a.r.hedged = 0;
	assert_int_equal(erg_graph_add(f->g, f->lx, doc, text, &a), ERG_OK);
	assert_int_equal(erg_graph_nedges(f->g), 1);
	assert_int_equal(erg_graph_edge(f->g, 0)->count, 1);
}

/* Evidence stops at ERG_EVIDENCE_MAX; the count goes on. */
static void evidence_cap(void **state)
{
	static const char text[] = "Zeta Agency met Acme.";
	gfix *f = *state;
	erg_found a = found(ERG_SUMMONED, id(f, "Zeta Agency", ERG_AGENCY),
	                    id(f, "Acme", ERG_COMPANY), 0, sizeof text - 1);
	size_t doc;

	assert_int_equal(erg_graph_add_doc(f->g, "d", &doc), ERG_OK);
	for (int i = 0; i < ERG_EVIDENCE_MAX + 5; i++)
		assert_int_equal(erg_graph_add(f->g, f->lx, doc, text, &a), ERG_OK);
	assert_int_equal(erg_graph_nedges(f->g), 1);
	assert_int_equal(erg_graph_edge(f->g, 0)->count, ERG_EVIDENCE_MAX + 5);
	assert_int_equal(erg_graph_edge(f->g, 0)->evidence.len, ERG_EVIDENCE_MAX);
}

/* Long evidence is cut to ERG_EVIDENCE_CHARS bytes, never inside a UTF-8
 * sequence. */
static void evidence_trimmed_at_utf8_boundary(void **state)
{
	gfix *f = *state;
	char text[ERG_EVIDENCE_CHARS + 64];
	erg_found a;
	const erg_evidence *ev;
	size_t doc, n = ERG_EVIDENCE_CHARS - 1;

	/* a 2-byte character straddles the limit */
	memset(text, 'a', n);
	memcpy(text + n, "\xc3\xa9", 2);
	memset(text + n + 2, 'b', 20);
	text[n + 22] = '\0';
	a = found(ERG_SUMMONED, id(f, "Zeta Agency", ERG_AGENCY),
	          id(f, "Acme", ERG_COMPANY), 0, strlen(text));
	assert_int_equal(erg_graph_add_doc(f->g, "d", &doc), ERG_OK);
	assert_int_equal(erg_graph_add(f->g, f->lx, doc, text, &a), ERG_OK);
	ev = erg_graph_edge(f->g, 0)->evidence.data;
	assert_true(strlen(ev[0].sentence) <= ERG_EVIDENCE_CHARS);
	assert_int_equal(strlen(ev[0].sentence), n);
	assert_memory_equal(ev[0].sentence, text, n);
	/* the span still describes the whole sentence */
	assert_int_equal(ev[0].end, strlen(text));

	/* a sentence of exactly the limit is kept whole */
	memset(text, 'c', ERG_EVIDENCE_CHARS);
	text[ERG_EVIDENCE_CHARS] = '\0';
	a = found(ERG_RESTRICTED, id(f, "Zeta Agency", ERG_AGENCY),
	          id(f, "Acme", ERG_COMPANY), 0, ERG_EVIDENCE_CHARS);
	assert_int_equal(erg_graph_add(f->g, f->lx, doc, text, &a), ERG_OK);
	ev = erg_graph_edge(f->g, 1)->evidence.data;
	assert_int_equal(strlen(ev[0].sentence), ERG_EVIDENCE_CHARS);
}

/* Sorting: nodes by type (agency, company, chip), then name; edges follow
 * their nodes. */
static void sort_by_type_then_name(void **state)
{
	static const char text[] = "x";
	gfix *f = *state;
	int32_t zeta = id(f, "Zeta Agency", ERG_AGENCY);
	int32_t alpha = id(f, "Alpha Agency", ERG_AGENCY);
	int32_t acme = id(f, "Acme", ERG_COMPANY);
	int32_t beta = id(f, "Beta", ERG_COMPANY);
	int32_t z1 = id(f, "Z1", ERG_CHIP);
	/* added so that first-seen order is far from sorted */
	erg_found t[] = {
		found(ERG_PURCHASED, beta, z1, 0, 1),
		found(ERG_SUMMONED, zeta, beta, 0, 1),
		found(ERG_RESTRICTED, alpha, z1, 0, 1),
		found(ERG_MAKES, acme, z1, 0, 1),
		found(ERG_RESTRICTED, zeta, acme, 0, 1),
		found(ERG_SUMMONED, zeta, acme, 0, 1),
	};
	static const char *const order[] = {"Alpha Agency", "Zeta Agency", "Acme",
	                                    "Beta", "Z1"};
	static const struct {
		const char *from, *rel, *to;
	} edges[] = {
		/* by from node, then relation, then to node */
		{"Alpha Agency", "restricted", "Z1"},
		{"Zeta Agency", "summoned", "Acme"},
		{"Zeta Agency", "summoned", "Beta"},
		{"Zeta Agency", "restricted", "Acme"},
		{"Acme", "makes", "Z1"},
		{"Beta", "purchased", "Z1"},
	};
	size_t doc;

	assert_int_equal(erg_graph_add_doc(f->g, "d", &doc), ERG_OK);
	for (size_t i = 0; i < TU_COUNT(t); i++)
		assert_int_equal(erg_graph_add(f->g, f->lx, doc, text, &t[i]), ERG_OK);
	assert_string_equal(erg_graph_node(f->g, 0)->name, "Beta");
	erg_graph_sort(f->g);
	assert_int_equal(erg_graph_nnodes(f->g), TU_COUNT(order));
	for (size_t i = 0; i < TU_COUNT(order); i++)
		assert_string_equal(erg_graph_node(f->g, i)->name, order[i]);
	assert_int_equal(erg_graph_node(f->g, 0)->type, ERG_AGENCY);
	assert_int_equal(erg_graph_node(f->g, 4)->type, ERG_CHIP);
	/* counts moved with their nodes */
	assert_int_equal(erg_graph_node(f->g, 1)->count, 3); /* Zeta */
	assert_int_equal(erg_graph_node(f->g, 4)->count, 3); /* Z1 */
	assert_int_equal(erg_graph_nedges(f->g), TU_COUNT(edges));
	for (size_t i = 0; i < TU_COUNT(edges); i++) {
		const erg_edge *e = erg_graph_edge(f->g, i);

		assert_string_equal(erg_graph_node(f->g, e->from)->name,
		                    edges[i].from);
		assert_string_equal(erg_rel_name(e->rel), edges[i].rel);
		assert_string_equal(erg_graph_node(f->g, e->to)->name, edges[i].to);
		assert_int_equal(e->evidence.len, 1);
	}
	/* sorting again changes nothing */
	erg_graph_sort(f->g);
	for (size_t i = 0; i < TU_COUNT(order); i++)
		assert_string_equal(erg_graph_node(f->g, i)->name, order[i]);
}

/* Sorting an empty graph is harmless. */
static void sort_empty(void **state)
{
	gfix *f = *state;

	erg_graph_sort(f->g);
	assert_int_equal(erg_graph_nnodes(f->g), 0);
	erg_graph_free(NULL);
}

/* --- through the pipeline ------------------------------------------------ */

typedef struct {
	erg_graph *g;
	const erg_lexicon *lx;
	size_t doc;
} addctx;

static erg_err add_fn(void *arg, const erg_doc *doc, const erg_found *f)
{
	addctx *a = arg;

	return erg_graph_add(a->g, a->lx, a->doc, doc->text, f);
}

static void extract_into_graph(erg_graph *g, erg_lexicon *lx, const char *name,
                               const char *text)
{
	erg_extractor *x = erg_extractor_new(lx);
	erg_doc *d = NULL;
	addctx a = {g, lx, 0};

	assert_non_null(x);
	assert_int_equal(erg_doc_from_mem(name, text, strlen(text), &d, NULL),
	                 ERG_OK);
	assert_int_equal(erg_graph_add_doc(g, name, &a.doc), ERG_OK);
	assert_int_equal(erg_extract_doc(x, d, add_fn, &a), ERG_OK);
	erg_doc_free(d);
	erg_extractor_free(x);
}

static void pipeline_merges_across_sentences_and_docs(void **state)
{
	erg_lexicon *lx = tu_default_lexicon();
	erg_graph *g = erg_graph_new();
	const erg_edge *e;
	const erg_evidence *ev;

	(void)state;
	assert_non_null(g);
	extract_into_graph(g, lx, "one.txt",
	                   "The CAC summoned Nvidia on Monday. Nvidia was "
	                   "summoned by the CAC again on Friday.");
	extract_into_graph(g, lx, "two.txt",
	                   "The CAC might summon Nvidia. The CAC did not "
	                   "summon AMD. Beijing called in Nvidia.");
	extract_into_graph(g, lx, "three.txt", "The CAC summoned Nvidia.");
	erg_graph_sort(g);
	assert_int_equal(erg_graph_ndocs(g), 3);
	/* CAC, Chinese government, Nvidia: AMD was only in a negated one */
	assert_int_equal(erg_graph_nnodes(g), 3);
	assert_string_equal(erg_graph_node(g, 0)->name, "CAC");
	assert_string_equal(erg_graph_node(g, 1)->name, "Chinese government");
	assert_string_equal(erg_graph_node(g, 2)->name, "Nvidia");
	assert_int_equal(erg_graph_nedges(g), 2);
	e = erg_graph_edge(g, 0);
	assert_int_equal(e->from, 0);
	assert_int_equal(e->to, 2);
	assert_int_equal(e->rel, ERG_SUMMONED);
	/* two sentences of one.txt and one of three.txt; not the hedge */
	assert_int_equal(e->count, 3);
	assert_int_equal(e->evidence.len, 3);
	ev = e->evidence.data;
	assert_int_equal(ev[0].doc, 0);
	assert_string_equal(ev[0].sentence, "The CAC summoned Nvidia on Monday.");
	assert_int_equal(ev[1].doc, 0);
	assert_string_equal(ev[1].sentence,
	                    "Nvidia was summoned by the CAC again on Friday.");
	assert_int_equal(ev[2].doc, 2);
	assert_string_equal(ev[2].sentence, "The CAC summoned Nvidia.");
	e = erg_graph_edge(g, 1);
	assert_int_equal(e->count, 1);
	assert_int_equal(erg_graph_edge(g, 1)->from, 1);
	assert_int_equal(((const erg_evidence *)e->evidence.data)[0].doc, 1);
	erg_graph_free(g);
	erg_lexicon_free(lx);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, gfix_setup, gfix_teardown)
	const struct CMUnitTest tests[] = {
		T(documents),
		T(same_triple_merges),
		T(distinct_triples),
		T(hedged_and_negated_not_added),
		T(evidence_cap),
		T(evidence_trimmed_at_utf8_boundary),
		T(sort_by_type_then_name),
		T(sort_empty),
		cmocka_unit_test(pipeline_merges_across_sentences_and_docs),
	};
#undef T

	return cmocka_run_group_tests_name("graph", tests, NULL, NULL);
}
