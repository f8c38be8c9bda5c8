/* fuzz_writers.c - the graph writers on names, titles, URLs, dates and
 * evidence taken from the input: erg_render (DOT; SVG now and then),
 * erg_export_json, erg_export_graphml, erg_export_csv and
 * erg_briefing_write, each into an open_memstream, and each output read
 * back by a real parser that must accept it and find the strings the
 * graph holds, so an escaping bug is a crash:
 *
 *   DOT       cgraph's agmemread: as many nodes and edges, every label
 *             what render.c's escaping makes of the name;
 *   JSON      jansson: names, titles and sentences as in the graph (with
 *             ill-formed UTF-8 as U+FFFD);
 *   GraphML   libxml2 (XML, NONET): one node/edge element each, labels as
 *             in the graph (characters XML cannot hold as spaces);
 *   CSV       an RFC 4180 reader: one record per node/edge plus the
 *             header, 5 and 8 fields, no field that a spreadsheet would
 *             run as a formula, names as in the graph;
 *   briefing  libxml2: well-formed, one table row per edge plus the
 *             head, every link an http(s) URL;
 *   SVG       libxml2: well-formed, every link an http(s) URL (laid out
 *             by Graphviz, which is slow: only for small graphs and one
 *             input in SVG_EVERY, chosen by its hash so that a failing
 *             input fails again when run alone).
 *
 * Input: fields separated by NUL bytes when the input holds one (so that
 * fields may hold line breaks), else by line breaks; they are handed out
 * in turn (wrapping around) as the figure title, the documents' names,
 * titles, URLs and dates, the entities' names and countries and the
 * evidence sentences; the shape of the graph comes from a hash of the
 * input.  Fields are made well-formed UTF-8 first (the graph never holds
 * anything else), except when the input starts with byte 0xFF: then they
 * go in as they are, and only the exporters, which promise to write
 * ill-formed UTF-8 as U+FFFD, are run. */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "briefing.h"
#include "buf.h"
#include "export.h"
#include "fuzz_util.h"
#include "graph.h"
#include "lexicon.h"
#include "render.h"

#define MAX_FIELDS 64
#define MAX_DOCS 4
#define MAX_NODES 10
#define MAX_EDGES 14
#define SVG_EVERY 500

static const char fixed_svg[] =
	"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" "
	"viewBox=\"0 0 10 10\"><title>t</title><circle cx=\"5\" cy=\"5\" "
	"r=\"4\"/></svg>";

static void xml_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void xml_quiet_s(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
}

static int agerr_silent(char *msg)
{
	(void)msg;
	return 0;
}

/* One Graphviz context for the whole process.  render.c makes one per
 * call, and Graphviz 2.42 leaks its configuration text on every
 * gvContext() (tests/lsan.supp): with a leak in every run, libFuzzer
 * would follow every input with a full leak check (fuzz_writers fell to
 * 28 runs/s).  These definitions take the place of libgvc's for the
 * calls render.c makes: the first call makes the real context, later
 * ones get it again, and freeing it is left to the end of the process.
 * The graph, layout and rendering are render.c's own as ever. */
static GVC_t *shared_gvc;
static int svg_all;  /* FUZZ_SVG set */

GVC_t *gvContext(void)
{
	if (!shared_gvc) {
		GVC_t *(*real)(void);
		void *sym = dlsym(RTLD_NEXT, "gvContext");

		FUZZ_CHECK(sym != NULL, "no gvContext in libgvc");
		memcpy(&real, &sym, sizeof real);
		shared_gvc = real();
	}
	return shared_gvc;
}

int gvFreeContext(GVC_t *gvc)
{
	FUZZ_CHECK(gvc == shared_gvc, "freeing a context not made here");
	return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	svg_all = getenv("FUZZ_SVG") != NULL;
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, xml_quiet);
	xmlSetStructuredErrorFunc(NULL, xml_quiet_s);
	agseterr(AGMAX);
	agseterrf(agerr_silent);
	return 0;
}

/* --- expected forms of a string in each format --------------------------- */

/* What export.c's clean() makes of s: ill-formed bytes as U+FFFD; with
 * xml set, characters XML 1.0 cannot hold as spaces. */
static char *expect_clean(const char *s, int xml)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	char *out = malloc(3 * n + 1), *o = out;

	FUZZ_CHECK(out != NULL, "out of memory");
	for (size_t i = 0; i < n;) {
		size_t k = fuzz_utf8_char(p + i, n - i);

		if (!k) {
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
			continue;
		}
		if (xml && ((k == 1 && p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
		             p[i] != '\r') ||
		            (k == 3 && p[i] == 0xEF && p[i + 1] == 0xBF &&
		             (p[i + 2] == 0xBE || p[i + 2] == 0xBF)))) {
			*o++ = ' ';
		} else {
			memcpy(o, p + i, k);
			o += k;
		}
		i += k;
	}
	*o = '\0';
	return out;
}

/* What render.c's gv_escape(s, 0) sets as a label (U+FFFE, U+FFFF and
 * controls as spaces, backslashes doubled, line breaks as \n). */
static char *expect_gv_label(const char *s)
{
	char *out = malloc(2 * strlen(s) + 1), *o = out;

	FUZZ_CHECK(out != NULL, "out of memory");
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == 0xEF && (unsigned char)s[1] == 0xBF &&
		    ((unsigned char)s[2] == 0xBE || (unsigned char)s[2] == 0xBF)) {
			*o++ = ' ';
			s += 2;
		} else if (c == '\\') {
			*o++ = '\\';
			*o++ = '\\';
		} else if (c == '\n') {
			*o++ = '\\';
			*o++ = 'n';
		} else {
			*o++ = c < 0x20 ? ' ' : (char)c;
		}
	}
	*o = '\0';
	return out;
}

/* --- the graph from the input -------------------------------------------- */

typedef struct {
	char *f[MAX_FIELDS];
	size_t n, next;
} fields;

static void fields_split(fields *fs, const uint8_t *d, size_t size, int raw)
{
	char sep = memchr(d, '\0', size) ? '\0' : '\n';
	size_t i = 0;

	fs->n = fs->next = 0;
	while (i <= size && fs->n < MAX_FIELDS) {
		const uint8_t *e = i < size ? memchr(d + i, sep, size - i) : NULL;
		size_t len = e ? (size_t)(e - (d + i)) : size - i;

		fs->f[fs->n] = raw ? erg_strndup((const char *)d + i, len)
		                   : fuzz_utf8_clean((const char *)d + i, len);
		FUZZ_CHECK(fs->f[fs->n] != NULL, "out of memory");
		fs->n++;
		i += len + 1;
	}
}

static const char *next_field(fields *fs)
{
	return fs->f[fs->next++ % fs->n];
}

static void fields_free(fields *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		free(fs->f[i]);
}

/* A country: at most 3 bytes of a field, cut at a character boundary
 * (jsonl.c refuses longer ones; the lexicon's are ASCII). */
static void country_of(const char *s, char out[4])
{
	size_t n = 0;

	while (s[n] && n < 3) {
		size_t k = fuzz_utf8_char((const unsigned char *)s + n, strlen(s + n));

		if (k == 0)
			k = 1;
		if (n + k > 3)
			break;
		n += k;
	}
	memcpy(out, s, n);
	out[n] = '\0';
}

static erg_graph *build(fields *fs, uint32_t seed, const char **title)
{
	erg_graph *g = erg_graph_new();
	uint32_t rnd = seed;
	size_t ndocs, nnodes, nedges;
	const char *names[MAX_NODES];
	char countries[MAX_NODES][4];
	erg_etype types[MAX_NODES];

	FUZZ_CHECK(g != NULL, "out of memory");
	*title = fuzz_rand(&rnd) % 4 ? next_field(fs) : NULL;
	ndocs = 1 + fuzz_rand(&rnd) % MAX_DOCS;
	nnodes = 1 + fuzz_rand(&rnd) % MAX_NODES;
	nedges = fuzz_rand(&rnd) % (MAX_EDGES + 1);
	for (size_t i = 0; i < ndocs; i++) {
		size_t idx;
		const char *name = next_field(fs), *t, *u, *d;
		uint32_t m = fuzz_rand(&rnd);

		t = m & 1 ? next_field(fs) : NULL;
		u = m & 2 ? next_field(fs) : NULL;
		d = m & 4 ? next_field(fs) : NULL;
		FUZZ_CHECK(erg_graph_add_doc(g, name, &idx) == ERG_OK && idx == i,
		           "add_doc");
		FUZZ_CHECK(erg_graph_doc_meta(g, idx, t, u, d) == ERG_OK, "doc_meta");
	}
	for (size_t i = 0; i < nnodes; i++) {
		names[i] = next_field(fs);
		if (!*names[i])
			names[i] = "x";  /* jsonl.c and the lexicon refuse empty names */
		types[i] = (erg_etype)(fuzz_rand(&rnd) % ERG_NTYPES);
		if (fuzz_rand(&rnd) % 2)
			country_of(next_field(fs), countries[i]);
		else
			countries[i][0] = '\0';
	}
	for (size_t i = 0; i < nedges; i++) {
		size_t a = fuzz_rand(&rnd) % nnodes, b = fuzz_rand(&rnd) % nnodes;
		const char *sent = next_field(fs);
		size_t len = strlen(sent);
		erg_graph_rel r = {names[a], countries[a], types[a],
		                   (erg_rel)(fuzz_rand(&rnd) % ERG_NRELS), names[b],
		                   countries[b], types[b], 0, 0,
		                   fuzz_rand(&rnd) % ndocs, sent, len,
		                   fuzz_rand(&rnd) % 1000, 0};

		r.end = r.start + len;
		FUZZ_CHECK(erg_graph_add_rel(g, &r) == ERG_OK, "add_rel");
	}
	erg_graph_sort(g);
	return g;
}

/* --- readers -------------------------------------------------------------- */

/* FUZZ_DUMP=DIR: each output is also written to DIR (to look at one
 * input's outputs: build/fuzz/fuzz_writers FILE).  FUZZ_SVG=1: the SVG,
 * with links, (and the briefing holding it) for every input, as run.sh
 * replays tests/fuzz/corpus/writers (the regression inputs) before
 * fuzzing. */
static void dump(const char *name, const char *buf, size_t len)
{
	const char *dir = getenv("FUZZ_DUMP");
	char path[4096];
	FILE *f;

	if (!dir)
		return;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((f = fopen(path, "wb"))) {
		fwrite(buf, 1, len, f);
		fclose(f);
	}
}

/* cgraph 2.42 writes the value "-." bare, as if it were a number, and
 * then cannot read it back (later Graphviz quotes it): a Graphviz bug
 * that render.c cannot escape around, so such graphs are not read back. */
static int cgraph_writes_bad(const erg_graph *g)
{
	for (size_t i = 0; i < erg_graph_nnodes(g); i++) {
		const erg_node *n = erg_graph_node(g, i);

		if (strcmp(n->name, "-.") == 0 || strcmp(n->country, "-.") == 0)
			return 1;
	}
	return 0;
}

static void check_dot(const erg_graph *g, char *dot)
{
	Agraph_t *G;
	size_t i = 0;

	dump("out.dot", dot, strlen(dot));
	if (cgraph_writes_bad(g))
		return;
	G = agmemread(dot);

	FUZZ_CHECK(G != NULL, "DOT does not parse:\n%s", dot);
	FUZZ_CHECK((size_t)agnnodes(G) == erg_graph_nnodes(g) &&
	               (size_t)agnedges(G) == erg_graph_nedges(g),
	           "DOT has %d nodes, %d edges; the graph %zu, %zu", agnnodes(G),
	           agnedges(G), erg_graph_nnodes(g), erg_graph_nedges(g));
	for (Agnode_t *n = agfstnode(G); n; n = agnxtnode(G, n), i++) {
		char name[32], key[] = "label";
		unsigned long k;
		char *label = agget(n, key), *want;

		/* nodes are named n0, n1 ... in the graph's order */
		snprintf(name, sizeof name, "%s", agnameof(n));
		FUZZ_CHECK(name[0] == 'n' && sscanf(name + 1, "%lu", &k) == 1 &&
		               k < erg_graph_nnodes(g),
		           "DOT node name %s", name);
		want = expect_gv_label(erg_graph_node(g, k)->name);
		FUZZ_CHECK(label && strcmp(label, want) == 0,
		           "DOT label of %s is \"%s\", not \"%s\"", name,
		           label ? label : "(none)", want);
		free(want);
	}
	agclose(G);
}

static void check_json_str(json_t *v, const char *s, const char *what)
{
	char *want = expect_clean(s, 0);

	FUZZ_CHECK(json_is_string(v) &&
	               json_string_length(v) == strlen(want) &&
	               memcmp(json_string_value(v), want, strlen(want)) == 0,
	           "JSON %s is not \"%s\"", what, want);
	free(want);
}

static void check_json_opt(json_t *v, const char *s, const char *what)
{
	if (!s)
		FUZZ_CHECK(json_is_null(v), "JSON %s is not null", what);
	else
		check_json_str(v, s, what);
}

static void check_json(const erg_graph *g, const char *buf, size_t len)
{
	json_error_t err;
	json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &err);
	json_t *docs, *nodes, *edges;

	FUZZ_CHECK(root != NULL, "JSON does not parse: %s (line %d col %d)",
	           err.text, err.line, err.column);
	docs = json_object_get(root, "documents");
	nodes = json_object_get(root, "nodes");
	edges = json_object_get(root, "edges");
	FUZZ_CHECK(json_array_size(docs) == erg_graph_ndocs(g) &&
	               json_array_size(nodes) == erg_graph_nnodes(g) &&
	               json_array_size(edges) == erg_graph_nedges(g),
	           "JSON counts");
	for (size_t i = 0; i < erg_graph_ndocs(g); i++) {
		const erg_graph_docinfo *d = erg_graph_docinfo_at(g, i);
		json_t *o = json_array_get(docs, i);

		check_json_str(json_object_get(o, "name"), d->name, "doc name");
		check_json_opt(json_object_get(o, "title"), d->title, "doc title");
		check_json_opt(json_object_get(o, "url"), d->url, "doc url");
		check_json_opt(json_object_get(o, "date"), d->date, "doc date");
	}
	for (size_t i = 0; i < erg_graph_nnodes(g); i++) {
		const erg_node *n = erg_graph_node(g, i);
		json_t *o = json_array_get(nodes, i);

		check_json_str(json_object_get(o, "name"), n->name, "node name");
		check_json_opt(json_object_get(o, "country"),
		               n->country[0] ? n->country : NULL, "country");
	}
	for (size_t i = 0; i < erg_graph_nedges(g); i++) {
		const erg_edge *e = erg_graph_edge(g, i);
		json_t *ev = json_object_get(json_array_get(edges, i), "evidence");

		FUZZ_CHECK(json_array_size(ev) == e->evidence.len, "JSON evidence");
		for (size_t k = 0; k < e->evidence.len; k++)
			check_json_str(json_object_get(json_array_get(ev, k), "sentence"),
			               ((const erg_evidence *)e->evidence.data)[k].sentence,
			               "sentence");
	}
	json_decref(root);
}

static xmlDoc *parse_xml(const char *buf, size_t len, const char *what)
{
	xmlDoc *doc;

	FUZZ_CHECK(len < (size_t)1 << 30, "%s too large", what);
	doc = xmlReadMemory(buf, (int)len, "fuzz.xml", NULL,
	                    XML_PARSE_NONET | XML_PARSE_NOERROR |
	                        XML_PARSE_NOWARNING);
	FUZZ_CHECK(doc != NULL, "%s is not well-formed XML:\n%.*s", what,
	           (int)len, buf);
	return doc;
}

static size_t count_elems(xmlNode *n, const char *name)
{
	size_t c = 0;

	for (; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE) {
			c += strcmp((const char *)n->name, name) == 0;
			c += count_elems(n->children, name);
		}
	return c;
}

/* Every attribute named attr (href, xlink:href) holds an http(s) URL. */
static void check_links(xmlNode *n, const char *what)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (xmlAttr *a = n->properties; a; a = a->next) {
			xmlChar *v;

			if (strcmp((const char *)a->name, "href"))
				continue;
			v = xmlNodeGetContent((xmlNode *)a);
			FUZZ_CHECK(v && (strncmp((const char *)v, "http://", 7) == 0 ||
			                 strncmp((const char *)v, "https://", 8) == 0),
			           "%s links to \"%s\"", what, v ? (char *)v : "");
			xmlFree(v);
		}
		check_links(n->children, what);
	}
}

static void check_graphml(const erg_graph *g, const char *buf, size_t len)
{
	xmlDoc *doc = parse_xml(buf, len, "GraphML");
	xmlNode *root = xmlDocGetRootElement(doc);
	size_t i = 0;

	FUZZ_CHECK(root && count_elems(root, "node") == erg_graph_nnodes(g) &&
	               count_elems(root, "edge") == erg_graph_nedges(g),
	           "GraphML counts");
	/* graphml > graph > node > data key=label */
	for (xmlNode *gr = root->children; gr; gr = gr->next) {
		if (gr->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)gr->name, "graph"))
			continue;
		for (xmlNode *n = gr->children; n; n = n->next) {
			if (n->type != XML_ELEMENT_NODE ||
			    strcmp((const char *)n->name, "node"))
				continue;
			for (xmlNode *d = n->children; d; d = d->next) {
				xmlChar *key, *v;
				char *want;

				if (d->type != XML_ELEMENT_NODE)
					continue;
				key = xmlGetProp(d, (const xmlChar *)"key");
				if (key && strcmp((const char *)key, "label") == 0) {
					FUZZ_CHECK(i < erg_graph_nnodes(g), "GraphML nodes");
					v = xmlNodeGetContent(d);
					want = expect_clean(erg_graph_node(g, i)->name, 1);
					FUZZ_CHECK(v && strcmp((const char *)v, want) == 0,
					           "GraphML label \"%s\", not \"%s\"",
					           v ? (char *)v : "", want);
					free(want);
					xmlFree(v);
				}
				xmlFree(key);
			}
			i++;
		}
	}
	FUZZ_CHECK(i == erg_graph_nnodes(g), "GraphML node elements");
	xmlFreeDoc(doc);
}

/* RFC 4180: records of fields, CRLF line breaks; returns the fields of
 * the next record (at most max) and advances *p, or -1 at the end. */
static int csv_record(const char **p, const char *end, char **out, int max)
{
	const char *s = *p;
	int n = 0;

	if (s >= end)
		return -1;
	for (;;) {
		erg_buf b = ERG_BUF_INIT;

		if (s < end && *s == '"') {
			for (s++;; s++) {
				FUZZ_CHECK(s < end, "CSV: unterminated quoted field");
				if (*s == '"') {
					if (s + 1 < end && s[1] == '"') {
						s++;
					} else {
						s++;
						break;
					}
				}
				FUZZ_CHECK(erg_buf_putc(&b, *s) == ERG_OK, "oom");
			}
		} else {
			for (; s < end && *s != ',' && *s != '\r' && *s != '\n'; s++) {
				FUZZ_CHECK(*s != '"', "CSV: quote inside a bare field");
				FUZZ_CHECK(erg_buf_putc(&b, *s) == ERG_OK, "oom");
			}
		}
		FUZZ_CHECK(erg_buf_reserve(&b, 0) == ERG_OK, "oom");
		FUZZ_CHECK(n < max, "CSV: more than %d fields", max);
		out[n++] = erg_buf_steal(&b);
		FUZZ_CHECK(s < end, "CSV: record without CRLF");
		if (*s == ',') {
			s++;
			continue;
		}
		FUZZ_CHECK(s + 1 < end && s[0] == '\r' && s[1] == '\n',
		           "CSV: bad record end");
		*p = s + 2;
		return n;
	}
}

static void check_csv_field(const char *field, const char *s)
{
	char *want = expect_clean(s, 0);

	FUZZ_CHECK(!field[0] || !strchr("=+-@\t\r", field[0]),
	           "CSV field \"%s\" starts a formula", field);
	FUZZ_CHECK(strcmp(field, want) == 0 ||
	               (field[0] == '\'' && strchr("=+-@\t\r", want[0]) &&
	                want[0] && strcmp(field + 1, want) == 0),
	           "CSV field \"%s\", not \"%s\"", field, want);
	free(want);
}

static void check_csv(const erg_graph *g, const char *buf, size_t len,
                      int nfields, size_t nrec, int nodes)
{
	const char *p = buf, *end = buf + len;
	char *f[8];
	size_t rec = 0;
	int n;

	while ((n = csv_record(&p, end, f, 8)) >= 0) {
		FUZZ_CHECK(n == nfields, "CSV record %zu has %d fields, not %d", rec,
		           n, nfields);
		if (rec > 0) {
			size_t i = rec - 1;

			FUZZ_CHECK(i < nrec, "CSV: too many records");
			if (nodes) {
				check_csv_field(f[1], erg_graph_node(g, i)->name);
				check_csv_field(f[3], erg_graph_node(g, i)->country);
			} else {
				const erg_edge *e = erg_graph_edge(g, i);
				const erg_evidence *ev = e->evidence.data;

				check_csv_field(f[3], erg_graph_node(g, e->from)->name);
				check_csv_field(f[5], erg_graph_node(g, e->to)->name);
				check_csv_field(f[7], e->evidence.len ? ev[0].sentence : "");
			}
		}
		for (int k = 0; k < n; k++)
			free(f[k]);
		rec++;
	}
	FUZZ_CHECK(rec == nrec + 1, "CSV has %zu records, not %zu", rec, nrec + 1);
}

static void check_briefing(const erg_graph *g, const char *buf, size_t len)
{
	xmlDoc *doc = parse_xml(buf, len, "briefing");
	xmlNode *root = xmlDocGetRootElement(doc);

	FUZZ_CHECK(root && strcmp((const char *)root->name, "html") == 0,
	           "briefing root");
	FUZZ_CHECK(count_elems(root, "tr") == erg_graph_nedges(g) + 1,
	           "briefing has %zu rows for %zu edges",
	           count_elems(root, "tr"), erg_graph_nedges(g));
	check_links(root, "briefing");
	xmlFreeDoc(doc);
}

/* --- the run ------------------------------------------------------------- */

typedef struct {
	char *buf;
	size_t len;
	FILE *f;
} mem;

static void mem_open(mem *m)
{
	m->buf = NULL;
	m->len = 0;
	m->f = open_memstream(&m->buf, &m->len);
	FUZZ_CHECK(m->f != NULL, "open_memstream");
}

static void mem_close(mem *m)
{
	FUZZ_CHECK(fclose(m->f) == 0, "fclose");
	m->f = NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int raw = size > 0 && data[0] == 0xFF;
	fields fs;
	erg_graph *g;
	const char *title;
	mem m, m2;
	erg_err e;

	if (size > 8192)
		return 0;
	if (raw) {
		data++;
		size--;
	}
	fields_split(&fs, data, size, raw);
	g = build(&fs, fuzz_hash(data, size), &title);

	/* JSON */
	mem_open(&m);
	e = erg_export_json(g, m.f);
	mem_close(&m);
	FUZZ_CHECK(e == ERG_OK, "erg_export_json: %d", e);
	dump("out.json", m.buf, m.len);
	check_json(g, m.buf, m.len);
	free(m.buf);

	/* GraphML */
	mem_open(&m);
	e = erg_export_graphml(g, m.f);
	mem_close(&m);
	FUZZ_CHECK(e == ERG_OK, "erg_export_graphml: %d", e);
	dump("out.graphml", m.buf, m.len);
	check_graphml(g, m.buf, m.len);
	free(m.buf);

	/* CSV */
	mem_open(&m);
	mem_open(&m2);
	e = erg_export_csv(g, m.f, m2.f);
	mem_close(&m);
	mem_close(&m2);
	FUZZ_CHECK(e == ERG_OK, "erg_export_csv: %d", e);
	dump("nodes.csv", m.buf, m.len);
	dump("edges.csv", m2.buf, m2.len);
	check_csv(g, m.buf, m.len, 5, erg_graph_nnodes(g), 1);
	check_csv(g, m2.buf, m2.len, 8, erg_graph_nedges(g), 0);
	free(m.buf);
	free(m2.buf);

	if (!raw) {
		uint32_t h = fuzz_hash(data, size);
		erg_render_opts ro = {title, "dot", NULL, 0, svg_all || (h & 1),
		                      (int)((h >> 1) & 1)};
		char *svg = NULL;
		size_t svg_len = 0;

		/* DOT */
		mem_open(&m);
		e = erg_render(g, ERG_GFMT_DOT, &ro, m.f);
		mem_close(&m);
		FUZZ_CHECK(e == ERG_OK, "erg_render DOT: %d", e);
		check_dot(g, m.buf);
		free(m.buf);

		/* SVG, laid out by Graphviz: slow, so rarely and small */
		if (((h >> 8) % SVG_EVERY == 0 && erg_graph_nnodes(g) <= 4 &&
		     erg_graph_nedges(g) <= 4) ||
		    svg_all) {
			ro.embed = 1;
			ro.id = "fz";
			mem_open(&m);
			e = erg_render(g, ERG_GFMT_SVG, &ro, m.f);
			mem_close(&m);
			/* embedding reads Graphviz's SVG back with libxml2: it
			 * fails (ERG_ERENDER) if the text made it ill-formed */
			if (e != ERG_OK && getenv("FUZZ_DUMP")) {
				ro.embed = 0;
				free(m.buf);
				mem_open(&m);
				(void)erg_render(g, ERG_GFMT_SVG, &ro, m.f);
				mem_close(&m);
				dump("graphviz.svg", m.buf, m.len);
			}
			FUZZ_CHECK(e == ERG_OK, "erg_render SVG: %d", e);
			{
				xmlDoc *doc;

				dump("out.svg", m.buf, m.len);
				doc = parse_xml(m.buf, m.len, "SVG");
				check_links(xmlDocGetRootElement(doc), "SVG");
				xmlFreeDoc(doc);
				svg = m.buf;
				svg_len = m.len;
			}
		}

		/* briefing */
		mem_open(&m);
		e = erg_briefing_write(g, title, svg ? svg : fixed_svg,
		                       svg ? svg_len : sizeof fixed_svg - 1, m.f);
		mem_close(&m);
		FUZZ_CHECK(e == ERG_OK, "erg_briefing_write: %d", e);
		dump("out.html", m.buf, m.len);
		check_briefing(g, m.buf, m.len);
		free(m.buf);
		free(svg);
	}

	erg_graph_free(g);
	fields_free(&fs);
	return 0;
}
