/* render.c - Graphviz output through cgraph and gvc.
 *
 * Styling follows the Okabe-Ito palette, which stays distinct under the
 * common colour-vision deficiencies; shape tells the type apart as well,
 * so a figure printed in grey still reads. */
#include "render.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"

typedef struct {
	const char *shape, *style, *fill, *border;
} node_style;

static const node_style type_style[ERG_NTYPES] = {
	{"box", "filled,rounded", "#cfe4f2", "#0072b2"},   /* agency */
	{"ellipse", "filled", "#fbe3b8", "#a8690b"},       /* company */
	{"hexagon", "filled", "#c9ecdf", "#007a58"},       /* chip */
};
static const char *const rel_colour[ERG_NRELS] = {
	"#cc79a7", /* summoned: reddish purple */
	"#0072b2", /* purchased: blue */
	"#d55e00", /* restricted: vermillion */
	"#7f7f7f", /* makes: grey */
};

int erg_gfmt_parse(const char *name)
{
	if (strcasecmp(name, "dot") == 0 || strcasecmp(name, "gv") == 0)
		return ERG_GFMT_DOT;
	if (strcasecmp(name, "svg") == 0)
		return ERG_GFMT_SVG;
	if (strcasecmp(name, "png") == 0)
		return ERG_GFMT_PNG;
	if (strcasecmp(name, "pdf") == 0)
		return ERG_GFMT_PDF;
	if (strcasecmp(name, "html") == 0 || strcasecmp(name, "htm") == 0)
		return ERG_GFMT_HTML;
	if (strcasecmp(name, "json") == 0)
		return ERG_GFMT_JSON;
	if (strcasecmp(name, "graphml") == 0)
		return ERG_GFMT_GRAPHML;
	if (strcasecmp(name, "csv") == 0)
		return ERG_GFMT_CSV;
	return -1;
}

int erg_gfmt_from_path(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (!dot || strchr(dot, '/'))
		return -1;
	return erg_gfmt_parse(dot + 1);
}

/* Graphviz reads backslash sequences (\N, \G, \n ...) in labels and
 * tooltips; text from articles must reach the figure as written.  What
 * SVG (XML 1.0) cannot hold, control characters, U+FFFE and U+FFFF,
 * becomes a space. */
static erg_err gv_escape(erg_buf *b, const char *s, int twice)
{
	erg_err e;

	erg_buf_clear(b);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == 0xEF && (unsigned char)s[1] == 0xBF &&
		    ((unsigned char)s[2] == 0xBE || (unsigned char)s[2] == 0xBF)) {
			if ((e = erg_buf_putc(b, ' ')))
				return e;
			s += 2;
			continue;
		}

		/* a node tooltip is expanded twice (tooltip and link title), so
		 * no escape survives: show U+2216 SET MINUS, which looks alike */
		if (c == '\\') {
			if ((e = erg_buf_puts(b, twice ? "\xe2\x88\x96" : "\\\\")))
				return e;
		} else if (c == '\n' && !twice) {
			if ((e = erg_buf_puts(b, "\\n")))  /* Graphviz line break */
				return e;
		} else if ((e = erg_buf_putc(b, c < 0x20 ? ' ' : (char)c))) {
			return e;
		}
	}
	return erg_buf_reserve(b, 0);
}

/* cgraph of Debian 12 takes char * for names and values it only reads;
 * these copy into writable storage rather than casting const away. */
static int attr(void *obj, const char *name, const char *value)
{
	char n[32], d[1] = "";
	erg_buf v = ERG_BUF_INIT;
	int rc;

	snprintf(n, sizeof n, "%s", name);
	if (erg_buf_puts(&v, value))
		return -1;
	rc = agsafeset(obj, n, v.data, d);
	erg_buf_free(&v);
	return rc;
}

static void defattr(Agraph_t *G, int kind, const char *name,
                    const char *value)
{
	char n[32], v[64];

	snprintf(n, sizeof n, "%s", name);
	snprintf(v, sizeof v, "%s", value);
	agattr(G, kind, n, v);
}

/* Set an attribute whose value came from an article. */
static int set(void *obj, const char *name, erg_buf *tmp, const char *value)
{
	/* tooltips are expanded twice (tooltip and link title) */
	int twice = strcmp(name, "tooltip") == 0;

	if (gv_escape(tmp, value, twice))
		return -1;
	return attr(obj, name, tmp->data);
}

/* Text for an HTML-like label: markup characters become entities, and
 * control characters, U+FFFE and U+FFFF spaces (Graphviz's HTML parser is
 * XML). */
static erg_err html_escape(erg_buf *b, const char *s)
{
	erg_err e = ERG_OK;

	for (; *s && !e; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == 0xEF && (unsigned char)s[1] == 0xBF &&
		    ((unsigned char)s[2] == 0xBE || (unsigned char)s[2] == 0xBF)) {
			e = erg_buf_putc(b, ' ');
			s += 2;
			continue;
		}
		switch (c) {
		case '&': e = erg_buf_puts(b, "&amp;"); break;
		case '<': e = erg_buf_puts(b, "&lt;"); break;
		case '>': e = erg_buf_puts(b, "&gt;"); break;
		case '"': e = erg_buf_puts(b, "&quot;"); break;
		/* Graphviz expands \G and friends even here */
		case '\\': e = erg_buf_puts(b, "&#92;"); break;
		default: e = erg_buf_putc(b, c < 0x20 ? ' ' : (char)c);
		}
	}
	return e;
}

/* Bytes of the day of date d: the first 10 (an ISO date's), fewer where
 * the 10th would cut a UTF-8 character of a date that is not ISO (one
 * read back from extract output), for the figure takes only whole UTF-8. */
static int day_len(const char *d)
{
	size_t n = strnlen(d, 10);

	if (d[n])
		while (n > 0 && ((unsigned char)d[n] & 0xC0) == 0x80)
			n--;
	return (int)n;
}

/* The host part of an http(s) URL, or NULL. */
static const char *host_of(const char *url)
{
	const char *p;

	if (!url || !(p = strstr(url, "://")))
		return NULL;
	return p + 3;
}

static int same_host(const char *a, const char *b)
{
	size_t n = strcspn(a, "/:?#"), m = strcspn(b, "/:?#");

	return n == m && strncasecmp(a, b, n) == 0;
}

/* The figure's heading: title, a line of counts, and a legend of the
 * shapes and colours, so that a printed figure explains itself. */
static erg_err title_label(const erg_graph *g, const erg_render_opts *opts,
                           erg_buf *b)
{
	static const char *const shape_mark[ERG_NTYPES] = {
		"\xe2\x96\xa0", "\xe2\x97\x8f", "\xe2\xac\xa2"}; /* ■ ● ⬢ */
	size_t nd = erg_graph_ndocs(g);
	const char *title = opts && opts->title ? opts->title : "Entity relations";
	erg_err e;

	erg_buf_clear(b);
	char lo[11] = "", hi[11] = "", range[192] = "";

	/* the period the articles cover, from their dates */
	for (size_t i = 0; i < nd; i++) {
		const erg_graph_docinfo *d = erg_graph_docinfo_at(g, i);

		if (!d->date || strlen(d->date) < 10)
			continue;
		if (!lo[0] || strncmp(d->date, lo, 10) < 0)
			snprintf(lo, sizeof lo, "%.*s", day_len(d->date), d->date);
		if (!hi[0] || strncmp(d->date, hi, 10) > 0)
			snprintf(hi, sizeof hi, "%.*s", day_len(d->date), d->date);
	}
	if (lo[0]) {
		/* a date read back from extract output can hold any text: it is
		 * escaped like the title (at most 6 bytes per byte: fits) */
		erg_buf elo = ERG_BUF_INIT, ehi = ERG_BUF_INIT;

		if ((e = html_escape(&elo, lo)) || (e = html_escape(&ehi, hi))) {
			erg_buf_free(&elo);
			erg_buf_free(&ehi);
			return e;
		}
		snprintf(range, sizeof range, strcmp(lo, hi) ? ", %s \xe2\x80\x93 %s"
		                                             : ", %s",
		         elo.data, ehi.data);
		erg_buf_free(&elo);
		erg_buf_free(&ehi);
	}
	{
		/* sources: the distinct sites the documents link to */
		size_t sources = 0;

		for (size_t i = 0; i < nd; i++) {
			const char *h = host_of(erg_graph_docinfo_at(g, i)->url);
			size_t k;

			if (!h)
				continue;
			for (k = 0; k < i; k++) {
				const char *h2 = host_of(erg_graph_docinfo_at(g, k)->url);

				if (h2 && same_host(h, h2))
					break;
			}
			sources += k == i;
		}
		if (sources) {
			size_t at = strlen(range);

			snprintf(range + at, sizeof range - at, " from %zu source%s",
			         sources, sources == 1 ? "" : "s");
		}
	}
	/* an empty title (-t "") has no row: Graphviz 2.42 refuses an empty
	 * <FONT> and would show the whole label as raw text */
	if ((e = erg_buf_puts(b, "<TABLE BORDER=\"0\" CELLSPACING=\"2\">")) ||
	    (*title && ((e = erg_buf_puts(b, "<TR><TD><FONT POINT-SIZE=\"20\">")) ||
	                (e = html_escape(b, title)) ||
	                (e = erg_buf_puts(b, "</FONT></TD></TR>")))) ||
	    (e = erg_buf_printf(b, "<TR><TD><FONT "
	                           "POINT-SIZE=\"12\" COLOR=\"#555555\">%zu "
	                           "document%s%s: %zu entit%s, %zu relation%s"
	                           "</FONT></TD></TR><TR><TD><FONT "
	                           "POINT-SIZE=\"11\">",
	                        nd, nd == 1 ? "" : "s", range, erg_graph_nnodes(g),
	                        erg_graph_nnodes(g) == 1 ? "y" : "ies",
	                        erg_graph_nedges(g),
	                        erg_graph_nedges(g) == 1 ? "" : "s")))
		return e;
	for (int t = 0; t < ERG_NTYPES; t++)
		if ((e = erg_buf_printf(b, "<FONT COLOR=\"%s\">%s</FONT> %s   ",
		                        type_style[t].border, shape_mark[t],
		                        erg_etype_name((erg_etype)t))))
			return e;
	for (int r = 0; r < ERG_NRELS; r++)
		if ((e = erg_buf_printf(b, "  <FONT COLOR=\"%s\">%s %s</FONT>",
		                        rel_colour[r],
		                        r == ERG_MAKES ? "\xc2\xb7 \xc2\xb7 \xe2\x96\xb6"
		                                       : "\xe2\x94\x80\xe2\x96\xb6",
		                        erg_rel_name((erg_rel)r))))
			return e;
	/* what the line styles mean */
	return erg_buf_puts(b, "   <FONT COLOR=\"#555555\">dashed: one article "
	                       "only</FONT></FONT></TD></TR></TABLE>");
}

static int html_attr(Agraph_t *G, const char *name, const char *html)
{
	char n[32], d[1] = "";
	char *v;
	erg_buf tmp = ERG_BUF_INIT;
	int rc;

	snprintf(n, sizeof n, "%s", name);
	if (erg_buf_puts(&tmp, html))
		return -1;
	v = agstrdup_html(G, tmp.data);
	erg_buf_free(&tmp);
	if (!v)
		return -1;
	rc = agsafeset(G, n, v, d);
	agstrfree(G, v);
	return rc;
}

/* Only web addresses become links: a feed's "javascript:" link must not
 * be clickable in a figure.  Graphviz 2.42 writes a link into the SVG
 * with '"' and '<' as they are, so a URL holding one (a feed's links are
 * percent-encoded, but extract output read back can hold anything) would
 * add attributes to the <a> ("http://x/\" onmouseover=\"..."): such a
 * URL, or one with a space, a control, U+FFFE or U+FFFF, is no link. */
static int web_url(const char *u)
{
	if (!u || (strncasecmp(u, "http://", 7) != 0 &&
	           strncasecmp(u, "https://", 8) != 0))
		return 0;
	for (const unsigned char *p = (const unsigned char *)u; *p; p++)
		if (*p <= ' ' || *p == 0x7f || *p == '"' || *p == '<' ||
		    *p == '>' ||
		    (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)))
			return 0;
	return 1;
}

/* The source of the first evidence that names node i, or NULL. */
static const char *node_url(const erg_graph *g, size_t i)
{
	for (size_t k = 0; k < erg_graph_nedges(g); k++) {
		const erg_edge *ed = erg_graph_edge(g, k);
		const erg_evidence *ev = ed->evidence.data;

		if ((ed->from == i || ed->to == i) && ed->evidence.len) {
			const char *u = erg_graph_docinfo_at(g, ev[0].doc)->url;

			if (u)
				return u;
		}
	}
	return NULL;
}

/* Does every piece of evidence for the edge come from one document? */
static int single_source(const erg_edge *ed)
{
	const erg_evidence *ev = ed->evidence.data;

	for (size_t k = 1; k < ed->evidence.len; k++)
		if (ev[k].doc != ev[0].doc)
			return 0;
	return 1;
}

/* dot draws the clearest figures, but its time grows steeply with size;
 * past a few hundred nodes sfdp lays out in seconds. */
static const char *layout_for(const erg_render_opts *opts, size_t nodes)
{
	if (opts && opts->layout && strcmp(opts->layout, "auto"))
		return opts->layout;
	return nodes > ERG_AUTO_DOT_MAX ? "sfdp" : "dot";
}

/* With --cluster country, the subgraph that holds a node of country c
 * (one cluster per country; nodes with no country stay at the top). */
/* Whether a country gets a box.  One read back from extract output can
 * hold any 3 bytes; a backslash would end the quoted cluster name in the
 * DOT written (cgraph writes "cluster_a\" as it is) and be expanded (\N,
 * \G) in the label and id, and a control character, U+FFFE or U+FFFF
 * would make the SVG ill-formed: such a text is no country code, and its
 * nodes are drawn outside the boxes. */
static int box_country(const char *c)
{
	const unsigned char *p = (const unsigned char *)c;

	if (!*p)
		return 0;
	for (; *p; p++)
		if (*p < 0x20 || *p == '\\' ||
		    (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)))
			return 0;
	return 1;
}

static Agraph_t *cluster_for(Agraph_t *G, Agraph_t **clusters,
                             const erg_render_opts *opts, const erg_node *n)
{
	char name[32];
	size_t i;

	if (!opts || !opts->cluster_country || !box_country(n->country))
		return G;
	for (i = 0; i < 64 && clusters[i]; i++)
		if (strcmp(agnameof(clusters[i]) + 8, n->country) == 0)
			return clusters[i];
	if (i == 64)
		return G;
	snprintf(name, sizeof name, "cluster_%s", n->country);
	clusters[i] = agsubg(G, name, 1);
	if (!clusters[i])
		return G;
	{
		char id[96], key[] = "id";
		char *gid = agget(agroot(G), key);

		snprintf(id, sizeof id, "%s-%s", gid ? gid : "erg", name);
		attr(clusters[i], "id", id);
	}
	attr(clusters[i], "label", n->country);
	attr(clusters[i], "style", "rounded,dashed");
	attr(clusters[i], "color", "#999999");
	attr(clusters[i], "fontcolor", "#555555");
	return clusters[i];
}

/* Drop comments (Graphviz's banner) anywhere below n. */
static void drop_comments(xmlNodePtr n)
{
	xmlNodePtr c = n->children, next;

	for (; c; c = next) {
		next = c->next;
		if (c->type == XML_COMMENT_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		} else if (c->type == XML_ELEMENT_NODE) {
			drop_comments(c);
		}
	}
}

/* s into b with the characters XML 1.0 cannot hold (C0 controls other
 * than tab, LF and CR; U+FFFE and U+FFFF) as spaces: the serialiser
 * writes text as it is, and a title may come from anywhere. */
static erg_err xml_text(erg_buf *b, const char *s)
{
	erg_err e = ERG_OK;

	for (; *s && !e; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == 0xEF && (unsigned char)s[1] == 0xBF &&
		    ((unsigned char)s[2] == 0xBE || (unsigned char)s[2] == 0xBF)) {
			e = erg_buf_putc(b, ' ');
			s += 2;
		} else {
			e = erg_buf_putc(b, c < 0x20 && c != '\t' && c != '\n' &&
			                            c != '\r'
			                        ? ' '
			                        : (char)c);
		}
	}
	return e ? e : erg_buf_reserve(b, 0);
}

/* The SVG as a fragment for a page that holds several figures: no XML
 * declaration or DOCTYPE, scaled by its viewBox to the page's width, an
 * accessible title and description with ids under the figure's prefix.
 * Returns 0, 1 for a write error, -1 if the SVG cannot be reworked. */
static int embed_svg(const char *data, unsigned int len, const erg_graph *g,
                     const erg_render_opts *opts, const char *prefix,
                     FILE *f)
{
	xmlDocPtr doc = NULL;
	xmlNodePtr root, t, d;
	xmlBufferPtr out = NULL;
	erg_buf title = ERG_BUF_INIT;
	char id[200], desc[200];
	int rc = -1;

	doc = xmlReadMemory(data, (int)len, "figure.svg", NULL,
	                    XML_PARSE_NONET | XML_PARSE_NOERROR |
	                        XML_PARSE_NOWARNING);
	if (!doc || !(root = xmlDocGetRootElement(doc)))
		goto out;
	drop_comments(root);
	xmlUnsetProp(root, BAD_CAST "height");
	xmlSetProp(root, BAD_CAST "width", BAD_CAST "100%");
	xmlSetProp(root, BAD_CAST "role", BAD_CAST "img");
	snprintf(id, sizeof id, "%s-title %s-desc", prefix, prefix);
	xmlSetProp(root, BAD_CAST "aria-labelledby", BAD_CAST id);
	snprintf(desc, sizeof desc,
	         "Entity-relationship diagram: %zu document%s, %zu entit%s, %zu "
	         "relation%s",
	         erg_graph_ndocs(g), erg_graph_ndocs(g) == 1 ? "" : "s",
	         erg_graph_nnodes(g), erg_graph_nnodes(g) == 1 ? "y" : "ies",
	         erg_graph_nedges(g), erg_graph_nedges(g) == 1 ? "" : "s");
	/* xmlNewText escapes what an article put in the title */
	if (xml_text(&title, opts->title ? opts->title : "Entity relations"))
		goto out;
	t = xmlNewNode(NULL, BAD_CAST "title");
	d = xmlNewNode(NULL, BAD_CAST "desc");
	if (!t || !d) {
		xmlFreeNode(t);
		xmlFreeNode(d);
		goto out;
	}
	xmlAddChild(t, xmlNewText(BAD_CAST title.data));
	xmlAddChild(d, xmlNewText(BAD_CAST desc));
	snprintf(id, sizeof id, "%s-title", prefix);
	xmlSetProp(t, BAD_CAST "id", BAD_CAST id);
	snprintf(id, sizeof id, "%s-desc", prefix);
	xmlSetProp(d, BAD_CAST "id", BAD_CAST id);
	if (root->children) {
		xmlAddPrevSibling(root->children, t);
		xmlAddNextSibling(t, d);
	} else {
		xmlAddChild(root, t);
		xmlAddChild(root, d);
	}
	out = xmlBufferCreate();
	if (!out || xmlNodeDump(out, doc, root, 0, 0) < 0)
		goto out;
	rc = fwrite(xmlBufferContent(out), 1, (size_t)xmlBufferLength(out), f) !=
	             (size_t)xmlBufferLength(out) ||
	     fputc('\n', f) == EOF;
out:
	if (out)
		xmlBufferFree(out);
	xmlFreeDoc(doc);
	erg_buf_free(&title);
	return rc;
}

erg_err erg_render(const erg_graph *g, erg_gfmt fmt,
                   const erg_render_opts *opts, FILE *f)
{
	GVC_t *gvc = NULL;
	Agraph_t *G = NULL;
	Agnode_t **nodes = NULL;
	erg_buf tmp = ERG_BUF_INIT, lab = ERG_BUF_INIT;
	size_t nn = erg_graph_nnodes(g), ne = erg_graph_nedges(g);
	erg_err e = ERG_ERENDER;
	char id[160], cls[64];
	const char *prefix = opts && opts->id ? opts->id : "erg";
	Agraph_t *clusters[64] = {0};

	if (fmt > ERG_GFMT_PDF)
		return ERG_EFORMAT;
	gvc = gvContext();
	if (!gvc)
		goto out;
	{
		char gname[] = "ergraph";

		G = agopen(gname, Agdirected, NULL);
	}
	if (!G)
		goto out;
	if (title_label(g, opts, &lab) || html_attr(G, "label", lab.data))
		goto out;
	attr(G, "id", prefix);
	attr(G, "labelloc", "t");
	attr(G, "fontname", "Helvetica,Arial,sans-serif");
	attr(G, "fontsize", "18");
	attr(G, "rankdir", "LR");
	attr(G, "nodesep", "0.35");
	attr(G, "ranksep", "0.9");
	attr(G, "bgcolor", "white");
	attr(G, "pad", "0.3");
	defattr(G, AGNODE, "fontname", "Helvetica,Arial,sans-serif");
	defattr(G, AGNODE, "fontsize", "12");
	defattr(G, AGNODE, "penwidth", "1.5");
	defattr(G, AGEDGE, "fontname", "Helvetica,Arial,sans-serif");
	defattr(G, AGEDGE, "fontsize", "10");
	defattr(G, AGEDGE, "arrowsize", "0.8");
	if (nn && !(nodes = calloc(nn, sizeof *nodes))) {
		e = ERG_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < nn; i++) {
		const erg_node *n = erg_graph_node(g, i);
		const node_style *st = &type_style[n->type];

		snprintf(id, sizeof id, "n%zu", i);
		nodes[i] = agnode(cluster_for(G, clusters, opts, n), id, 1);
		if (!nodes[i])
			goto out;
		/* ids unique on a page holding several figures; classes for
		 * the page's own style sheet */
		snprintf(id, sizeof id, "%s-n%zu", prefix, i);
		attr(nodes[i], "id", id);
		snprintf(cls, sizeof cls, "erg-node erg-%s", erg_etype_name(n->type));
		attr(nodes[i], "class", cls);
		set(nodes[i], "label", &tmp, n->name);
		attr(nodes[i], "shape", st->shape);
		attr(nodes[i], "style", st->style);
		attr(nodes[i], "fillcolor", st->fill);
		attr(nodes[i], "color", st->border);
		erg_buf_clear(&lab);
		if (erg_buf_printf(&lab, "%s (%s%s%s): in %zu relation%s", n->name,
		                   erg_etype_name(n->type), n->country[0] ? ", " : "",
		                   n->country, n->count, n->count == 1 ? "" : "s"))
			goto out;
		set(nodes[i], "tooltip", &tmp, lab.data);
		if (opts && opts->link) {
			const char *url = node_url(g, i);

			if (web_url(url)) {
				set(nodes[i], "URL", &tmp, url);
				attr(nodes[i], "target", "_blank");
			}
		}
	}
	for (size_t i = 0; i < ne; i++) {
		const erg_edge *ed = erg_graph_edge(g, i);
		const erg_evidence *ev = ed->evidence.data;
		Agedge_t *E;
		char pw[32];

		snprintf(id, sizeof id, "e%zu", i);
		E = agedge(G, nodes[ed->from], nodes[ed->to], id, 1);
		if (!E)
			goto out;
		snprintf(id, sizeof id, "%s-e%zu", prefix, i);
		attr(E, "id", id);
		snprintf(cls, sizeof cls, "erg-edge erg-%s", erg_rel_name(ed->rel));
		attr(E, "class", cls);
		erg_buf_clear(&lab);
		if (erg_buf_printf(&lab, "%s", erg_rel_name(ed->rel)) ||
		    (ed->count > 1 && erg_buf_printf(&lab, " \xc3\x97%zu", ed->count)))
			goto out;
		/* Graphviz 2.42's dot frees edge labels between clusters twice;
		 * an external label is drawn the same way and laid out safely */
		set(E, opts && opts->cluster_country ? "xlabel" : "label", &tmp,
		    lab.data);
		attr(E, "color", rel_colour[ed->rel]);
		attr(E, "fontcolor", rel_colour[ed->rel]);
		snprintf(pw, sizeof pw, "%.2f",
		         1.2 + 1.3 * log2((double)(ed->count ? ed->count : 1)));
		attr(E, "penwidth", pw);
		/* a fact from one article only is drawn dashed, a maker
		 * relation dotted, corroborated facts solid */
		if (ed->rel == ERG_MAKES)
			attr(E, "style", "dotted");
		else if (single_source(ed))
			attr(E, "style", "dashed");
		if (opts && opts->link && ed->evidence.len) {
			const erg_graph_docinfo *di =
				erg_graph_docinfo_at(g, ev[0].doc);

			if (web_url(di->url)) {
				set(E, "URL", &tmp, di->url);
				attr(E, "target", "_blank");
			}
		}
		erg_buf_clear(&lab);
		for (size_t k = 0; k < ed->evidence.len && k < 3; k++) {
			const erg_graph_docinfo *di = erg_graph_docinfo_at(g, ev[k].doc);

			/* the source as a reader knows it: title and date */
			if (erg_buf_printf(&lab, "%s%s [%s%s%.*s]", k ? "\n" : "",
			                   ev[k].sentence,
			                   di->title ? di->title : di->name,
			                   di->date ? ", " : "",
			                   di->date ? day_len(di->date) : 0,
			                   di->date ? di->date : ""))
				goto out;
		}
		if (lab.len)
			set(E, "tooltip", &tmp, lab.data);
	}
	if (fmt == ERG_GFMT_DOT) {
		if (agwrite(G, f) != 0) {
			e = ferror(f) ? ERG_EIO : ERG_ERENDER;
			goto out;
		}
	} else {
		char *data = NULL;
		unsigned int dlen = 0;
		int rc;
		const char *lay = layout_for(opts, nn);
		char fmtname[8];

		if (strcmp(lay, "dot")) {
			/* fixed seed: the same input gives the same figure */
			attr(G, "start", "1");
			attr(G, "overlap", "prism");
		}
		if (gvLayout(gvc, G, lay))
			goto out;
		snprintf(fmtname, sizeof fmtname, "%s",
		         fmt == ERG_GFMT_SVG ? "svg" : fmt == ERG_GFMT_PNG ? "png"
		                                                          : "pdf");
		rc = gvRenderData(gvc, G, fmtname, &data, &dlen);
		gvFreeLayout(gvc, G);
		if (rc || !data)
			goto out;
		if (fmt == ERG_GFMT_SVG && opts && opts->embed)
			rc = embed_svg(data, dlen, g, opts, prefix, f);
		else
			rc = fwrite(data, 1, dlen, f) != dlen;
		gvFreeRenderData(data);
		if (rc) {
			e = rc < 0 ? ERG_ERENDER : ERG_EIO;
			goto out;
		}
	}
	e = fflush(f) || ferror(f) ? ERG_EIO : ERG_OK;
out:
	free(nodes);
	if (G)
		agclose(G);
	if (gvc)
		gvFreeContext(gvc);
	erg_buf_free(&tmp);
	erg_buf_free(&lab);
	return e;
}
