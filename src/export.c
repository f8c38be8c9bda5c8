/* export.c - the graph as JSON (jansson), GraphML (libxml2's xmlTextWriter)
 * and CSV.  Escaping is left to the libraries where there is one; what
 * they cannot fix (ill-formed UTF-8, controls XML cannot hold, formulas)
 * is cleaned here first. */
#include "export.h"

#include <jansson.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "buf.h"
#include "lexicon.h"

/* --- text cleaning --------------------------------------------------------- */

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]; surrogates never get past erg_utf8_char. */
static int xml_char(unsigned long cp)
{
	if (cp < 0x20)
		return cp == '\t' || cp == '\n' || cp == '\r';
	return cp != 0xFFFE && cp != 0xFFFF;
}

/* Replace b's contents with s as well-formed UTF-8: an ill-formed byte
 * becomes U+FFFD (jansson refuses such strings, XML cannot hold them);
 * with xml set, characters XML 1.0 cannot hold become spaces.  b->data
 * is never NULL on success. */
static erg_err clean(erg_buf *b, const char *s, int xml)
{
	size_t n = strlen(s), i = 0, run = 0;
	erg_err e;

	erg_buf_clear(b);
	if ((e = erg_buf_reserve(b, n)))
		return e;
	while (i < n) {
		unsigned long cp = 0;
		size_t k = erg_utf8_char((const unsigned char *)s + i, n - i, &cp);
		const char *rep = NULL;

		if (k == 0) {
			rep = replacement;
			k = 1;
		} else if (xml && !xml_char(cp)) {
			rep = " ";
		}
		if (rep) {
			if ((e = erg_buf_append(b, s + run, i - run)) ||
			    (e = erg_buf_puts(b, rep)))
				return e;
			run = i + k;
		}
		i += k;
	}
	return erg_buf_append(b, s + run, n - run);
}

/* Flush f and report whether anything written to it failed: stdio
 * buffers, so a short write may only show here. */
static erg_err finish(FILE *f)
{
	return fflush(f) != 0 || ferror(f) ? ERG_EIO : ERG_OK;
}

/* --- JSON -------------------------------------------------------------------- */

/* A JSON string of s, or NULL when out of memory (json_object_set_new
 * and json_array_append_new fail on NULL and free what they are given,
 * so builders can chain them without checking each value). */
static json_t *jstr(erg_buf *tmp, const char *s)
{
	if (clean(tmp, s, 0))
		return NULL;
	return json_stringn(tmp->data, tmp->len);
}

static json_t *jopt(erg_buf *tmp, const char *s)
{
	return s ? jstr(tmp, s) : json_null();
}

static json_t *jsize(size_t n)
{
	return json_integer((json_int_t)n);
}

static json_t *jid(char prefix, size_t i)
{
	char id[32];

	snprintf(id, sizeof id, "%c%zu", prefix, i);
	return json_string(id);
}

static int json_docs(const erg_graph *g, json_t *arr, erg_buf *tmp)
{
	for (size_t i = 0; i < erg_graph_ndocs(g); i++) {
		const erg_graph_docinfo *d = erg_graph_docinfo_at(g, i);
		json_t *o = json_object();

		if (json_array_append_new(arr, o) ||
		    json_object_set_new(o, "id", jid('d', i)) ||
		    json_object_set_new(o, "name", jstr(tmp, d->name)) ||
		    json_object_set_new(o, "title", jopt(tmp, d->title)) ||
		    json_object_set_new(o, "url", jopt(tmp, d->url)) ||
		    json_object_set_new(o, "date", jopt(tmp, d->date)))
			return -1;
	}
	return 0;
}

static int json_nodes(const erg_graph *g, json_t *arr, erg_buf *tmp)
{
	for (size_t i = 0; i < erg_graph_nnodes(g); i++) {
		const erg_node *n = erg_graph_node(g, i);
		json_t *o = json_object();

		if (json_array_append_new(arr, o) ||
		    json_object_set_new(o, "id", jid('n', i)) ||
		    json_object_set_new(o, "name", jstr(tmp, n->name)) ||
		    json_object_set_new(o, "type",
		                        json_string(erg_etype_name(n->type))) ||
		    json_object_set_new(o, "country",
		                        jopt(tmp, n->country[0] ? n->country : NULL)) ||
		    json_object_set_new(o, "count", jsize(n->count)))
			return -1;
	}
	return 0;
}

static int json_evidence(const erg_graph *g, const erg_edge *e, json_t *arr,
                         erg_buf *tmp)
{
	for (size_t k = 0; k < e->evidence.len; k++) {
		const erg_evidence *ev = erg_vec_at(&e->evidence, k);
		const erg_graph_docinfo *d = erg_graph_docinfo_at(g, ev->doc);
		json_t *o = json_object();

		if (json_array_append_new(arr, o) ||
		    json_object_set_new(o, "doc", jopt(tmp, d ? d->name : NULL)) ||
		    json_object_set_new(o, "title", jopt(tmp, d ? d->title : NULL)) ||
		    json_object_set_new(o, "url", jopt(tmp, d ? d->url : NULL)) ||
		    json_object_set_new(o, "date", jopt(tmp, d ? d->date : NULL)) ||
		    json_object_set_new(o, "sentence", jstr(tmp, ev->sentence)) ||
		    json_object_set_new(o, "start", jsize(ev->start)) ||
		    json_object_set_new(o, "end", jsize(ev->end)))
			return -1;
	}
	return 0;
}

static int json_edges(const erg_graph *g, json_t *arr, erg_buf *tmp)
{
	for (size_t i = 0; i < erg_graph_nedges(g); i++) {
		const erg_edge *e = erg_graph_edge(g, i);
		json_t *o = json_object(), *ev = json_array();

		/* ev is owned here until set into o */
		if (json_array_append_new(arr, o) ||
		    json_object_set_new(o, "id", jid('e', i)) ||
		    json_object_set_new(o, "source", jid('n', e->from)) ||
		    json_object_set_new(o, "target", jid('n', e->to)) ||
		    json_object_set_new(o, "relation",
		                        json_string(erg_rel_name(e->rel))) ||
		    json_object_set_new(o, "count", jsize(e->count))) {
			json_decref(ev);
			return -1;
		}
		if (json_object_set_new(o, "evidence", ev) ||
		    json_evidence(g, e, ev, tmp))
			return -1;
	}
	return 0;
}

typedef struct {
	FILE *f;
	int failed;  /* the stream failed, as opposed to memory */
} json_sink;

static int json_write(const char *buf, size_t size, void *data)
{
	json_sink *s = data;

	if (fwrite(buf, 1, size, s->f) != size) {
		s->failed = 1;
		return -1;
	}
	return 0;
}

erg_err erg_export_json(const erg_graph *g, FILE *f)
{
	json_t *root = json_object();
	json_sink sink = {f, 0};
	erg_buf tmp = ERG_BUF_INIT;
	erg_err e = ERG_ENOMEM;

	/* set_new takes ownership even when it fails: nothing leaks. */
	if (json_object_set_new(root, "documents", json_array()) ||
	    json_object_set_new(root, "nodes", json_array()) ||
	    json_object_set_new(root, "edges", json_array()) ||
	    json_docs(g, json_object_get(root, "documents"), &tmp) ||
	    json_nodes(g, json_object_get(root, "nodes"), &tmp) ||
	    json_edges(g, json_object_get(root, "edges"), &tmp))
		goto out;
	/* Order is insertion order (always so since jansson 2.8; the flag
	 * keeps older versions the same); UTF-8 is kept as it is. */
	if (json_dump_callback(root, json_write, &sink,
	                       JSON_INDENT(1) | JSON_PRESERVE_ORDER) != 0) {
		e = sink.failed ? ERG_EIO : ERG_ENOMEM;
		goto out;
	}
	e = fputc('\n', f) == EOF ? ERG_EIO : finish(f);
out:
	json_decref(root);
	erg_buf_free(&tmp);
	return e;
}

/* --- GraphML ------------------------------------------------------------------ */

/* Attribute declarations.  Key ids are unique across the file (GraphML
 * requires it), so the two counts need different ids; tools show the
 * attr.name.  Gephi takes a node attribute named "label" as the label. */
static const struct {
	const char *id, *what, *name, *type;
} gml_keys[] = {
	{"label", "node", "label", "string"},
	{"type", "node", "type", "string"},
	{"country", "node", "country", "string"},
	{"ncount", "node", "count", "int"},
	{"relation", "edge", "relation", "string"},
	{"ecount", "edge", "count", "int"},
	{"evidence", "edge", "evidence", "string"},
};

#define X(s) ((const xmlChar *)(s))

static int gml_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	return xmlTextWriterWriteAttribute(w, X(name), X(value));
}

/* <data key="key">value</data>, the value cleaned for XML; the writer
 * escapes < > & and CR in text. */
static int gml_data(xmlTextWriterPtr w, erg_buf *tmp, const char *key,
                    const char *value)
{
	if (clean(tmp, value, 1))
		return -1;
	if (xmlTextWriterStartElement(w, X("data")) < 0 ||
	    gml_attr(w, "key", key) < 0 ||
	    xmlTextWriterWriteString(w, X(tmp->data)) < 0 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	return 0;
}

static int gml_count(xmlTextWriterPtr w, erg_buf *tmp, const char *key,
                     size_t n)
{
	char num[32];

	snprintf(num, sizeof num, "%zu", n);
	return gml_data(w, tmp, key, num);
}

static int gml_head(xmlTextWriterPtr w)
{
	if (xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ||
	    xmlTextWriterSetIndent(w, 1) < 0 ||
	    xmlTextWriterSetIndentString(w, X(" ")) < 0 ||
	    xmlTextWriterStartElement(w, X("graphml")) < 0 ||
	    gml_attr(w, "xmlns", "http://graphml.graphdrawing.org/xmlns") < 0 ||
	    gml_attr(w, "xmlns:xsi",
	             "http://www.w3.org/2001/XMLSchema-instance") < 0 ||
	    gml_attr(w, "xsi:schemaLocation",
	             "http://graphml.graphdrawing.org/xmlns "
	             "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd") < 0)
		return -1;
	for (size_t i = 0; i < sizeof gml_keys / sizeof gml_keys[0]; i++)
		if (xmlTextWriterStartElement(w, X("key")) < 0 ||
		    gml_attr(w, "id", gml_keys[i].id) < 0 ||
		    gml_attr(w, "for", gml_keys[i].what) < 0 ||
		    gml_attr(w, "attr.name", gml_keys[i].name) < 0 ||
		    gml_attr(w, "attr.type", gml_keys[i].type) < 0 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	if (xmlTextWriterStartElement(w, X("graph")) < 0 ||
	    gml_attr(w, "id", "G") < 0 ||
	    gml_attr(w, "edgedefault", "directed") < 0)
		return -1;
	return 0;
}

static int gml_body(const erg_graph *g, xmlTextWriterPtr w, erg_buf *tmp)
{
	char id[32], a[32], b[32];

	for (size_t i = 0; i < erg_graph_nnodes(g); i++) {
		const erg_node *n = erg_graph_node(g, i);

		snprintf(id, sizeof id, "n%zu", i);
		if (xmlTextWriterStartElement(w, X("node")) < 0 ||
		    gml_attr(w, "id", id) < 0 ||
		    gml_data(w, tmp, "label", n->name) ||
		    gml_data(w, tmp, "type", erg_etype_name(n->type)) ||
		    (n->country[0] && gml_data(w, tmp, "country", n->country)) ||
		    gml_count(w, tmp, "ncount", n->count) ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	for (size_t i = 0; i < erg_graph_nedges(g); i++) {
		const erg_edge *e = erg_graph_edge(g, i);
		const erg_evidence *ev = erg_vec_at(&e->evidence, 0);

		snprintf(id, sizeof id, "e%zu", i);
		snprintf(a, sizeof a, "n%zu", e->from);
		snprintf(b, sizeof b, "n%zu", e->to);
		if (xmlTextWriterStartElement(w, X("edge")) < 0 ||
		    gml_attr(w, "id", id) < 0 || gml_attr(w, "source", a) < 0 ||
		    gml_attr(w, "target", b) < 0 ||
		    gml_data(w, tmp, "relation", erg_rel_name(e->rel)) ||
		    gml_count(w, tmp, "ecount", e->count) ||
		    (ev && gml_data(w, tmp, "evidence", ev->sentence)) ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	return 0;
}

static void gml_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void gml_quiet_s(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
}

erg_err erg_export_graphml(const erg_graph *g, FILE *f)
{
	xmlGenericErrorFunc gen = xmlGenericError;
	void *genctx = xmlGenericErrorContext;
	xmlStructuredErrorFunc st = xmlStructuredError;
	void *stctx = xmlStructuredErrorContext;
	xmlBufferPtr buf = NULL;
	xmlTextWriterPtr w = NULL;
	erg_buf tmp = ERG_BUF_INIT;
	erg_err e = ERG_ENOMEM;
	int len;

	/* libxml2 reports its failures (only out of memory here) on stderr;
	 * the error code says it all. */
	xmlSetGenericErrorFunc(NULL, gml_quiet);
	xmlSetStructuredErrorFunc(NULL, gml_quiet_s);
	/* Written to memory first so that a failing stream (ERG_EIO) is told
	 * apart from a failing writer (ERG_ENOMEM). */
	if (!(buf = xmlBufferCreate()) || !(w = xmlNewTextWriterMemory(buf, 0)))
		goto out;
	if (gml_head(w) || gml_body(g, w, &tmp) ||
	    xmlTextWriterEndDocument(w) < 0 || xmlTextWriterFlush(w) < 0)
		goto out;
	len = xmlBufferLength(buf);
	if (len < 0)
		goto out;
	e = fwrite(xmlBufferContent(buf), 1, (size_t)len, f) != (size_t)len
	        ? ERG_EIO
	        : finish(f);
out:
	if (w)
		xmlFreeTextWriter(w);
	if (buf)
		xmlBufferFree(buf);
	xmlSetGenericErrorFunc(genctx, gen);
	xmlSetStructuredErrorFunc(stctx, st);
	erg_buf_free(&tmp);
	return e;
}

/* --- CSV ----------------------------------------------------------------------- */

/* One text field, after a comma.  Spreadsheets run a cell that begins
 * with = + - @ (or a tab or CR, per OWASP) as a formula: a leading ' makes
 * it text and is not shown.  RFC 4180: a field holding a
 * comma, quote, CR or LF is quoted, its quotes doubled. */
static erg_err csv_text(erg_buf *row, erg_buf *tmp, const char *s)
{
	int quote, formula;
	erg_err e;

	if ((e = erg_buf_putc(row, ',')) || (e = clean(tmp, s, 0)))
		return e;
	formula = tmp->data[0] && strchr("=+-@\t\r", tmp->data[0]);
	quote = strpbrk(tmp->data, ",\"\r\n") != NULL;
	if ((quote && (e = erg_buf_putc(row, '"'))) ||
	    (formula && (e = erg_buf_putc(row, '\''))))
		return e;
	for (const char *p = tmp->data; *p; p++)
		if ((e = erg_buf_putc(row, *p)) ||
		    (*p == '"' && (e = erg_buf_putc(row, '"'))))
			return e;
	return quote ? erg_buf_putc(row, '"') : ERG_OK;
}

static erg_err csv_row_out(erg_buf *row, FILE *f)
{
	erg_err e = erg_buf_puts(row, "\r\n");

	if (!e && fwrite(row->data, 1, row->len, f) != row->len)
		e = ERG_EIO;
	erg_buf_clear(row);
	return e;
}

static erg_err csv_nodes(const erg_graph *g, FILE *f, erg_buf *row,
                         erg_buf *tmp)
{
	erg_err e;

	if ((e = erg_buf_puts(row, "id,name,type,country,count")) ||
	    (e = csv_row_out(row, f)))
		return e;
	for (size_t i = 0; i < erg_graph_nnodes(g); i++) {
		const erg_node *n = erg_graph_node(g, i);

		if ((e = erg_buf_printf(row, "n%zu", i)) ||
		    (e = csv_text(row, tmp, n->name)) ||
		    (e = csv_text(row, tmp, erg_etype_name(n->type))) ||
		    (e = csv_text(row, tmp, n->country)) ||
		    (e = erg_buf_printf(row, ",%zu", n->count)) ||
		    (e = csv_row_out(row, f)))
			return e;
	}
	return ERG_OK;
}

static erg_err csv_edges(const erg_graph *g, FILE *f, erg_buf *row,
                         erg_buf *tmp)
{
	erg_err e;

	if ((e = erg_buf_puts(row, "id,source,target,source_name,relation,"
	                           "target_name,count,evidence")) ||
	    (e = csv_row_out(row, f)))
		return e;
	for (size_t i = 0; i < erg_graph_nedges(g); i++) {
		const erg_edge *ed = erg_graph_edge(g, i);
		const erg_node *a = erg_graph_node(g, ed->from);
		const erg_node *b = erg_graph_node(g, ed->to);
		const erg_evidence *ev = erg_vec_at(&ed->evidence, 0);

		if ((e = erg_buf_printf(row, "e%zu,n%zu,n%zu", i, ed->from,
		                        ed->to)) ||
		    (e = csv_text(row, tmp, a ? a->name : "")) ||
		    (e = csv_text(row, tmp, erg_rel_name(ed->rel))) ||
		    (e = csv_text(row, tmp, b ? b->name : "")) ||
		    (e = erg_buf_printf(row, ",%zu", ed->count)) ||
		    (e = csv_text(row, tmp, ev ? ev->sentence : "")) ||
		    (e = csv_row_out(row, f)))
			return e;
	}
	return ERG_OK;
}

erg_err erg_export_csv(const erg_graph *g, FILE *nodes, FILE *edges)
{
	erg_buf row = ERG_BUF_INIT, tmp = ERG_BUF_INIT;
	erg_err e;

	if ((e = csv_nodes(g, nodes, &row, &tmp)) ||
	    (e = csv_edges(g, edges, &row, &tmp)))
		goto out;
	if ((e = finish(nodes)))
		goto out;
	e = finish(edges);
out:
	erg_buf_free(&row);
	erg_buf_free(&tmp);
	return e;
}
