/* briefing.c - the HTML briefing page. */
#include "briefing.h"

#include <libxml/xmlwriter.h>
#include <string.h>

#include "buf.h"
#include "lexicon.h"

/* The page's own style: readable at page width, printable, colour-blind
 * safe colours matching the figure. */
static const char style[] =
	"body{font-family:Helvetica,Arial,sans-serif;max-width:72rem;"
	"margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}"
	"h1{font-size:1.6rem;margin-bottom:.2rem}"
	".sub{color:#555;margin-top:0}"
	"figure{margin:1.5rem 0}"
	"table{border-collapse:collapse;width:100%;font-size:.92rem}"
	"th,td{border-bottom:1px solid #ddd;padding:.4rem .5rem;"
	"vertical-align:top;text-align:left}"
	"th{background:#f4f4f4}"
	"blockquote{margin:.2rem 0 .4rem;padding-left:.6rem;"
	"border-left:3px solid #ccc;color:#333}"
	".erg-summoned{color:#a5487f}.erg-purchased{color:#0072b2}"
	".erg-restricted{color:#b34700}.erg-makes{color:#666}"
	"@media print{body{max-width:none}}";

/* Write the text of s, with control characters as spaces: XML 1.0 has
 * no room for them and an article may hold any byte.  Nor for U+FFFE and
 * U+FFFF (EF BF BE, EF BF BF): spaces too. */
static int text(xmlTextWriterPtr w, const char *s)
{
	erg_buf b = ERG_BUF_INIT;
	int rc;

	for (; *s; s++) {
		if ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBF &&
		    ((unsigned char)s[2] == 0xBE || (unsigned char)s[2] == 0xBF)) {
			if (erg_buf_putc(&b, ' '))
				break;
			s += 2;
			continue;
		}
		if (erg_buf_putc(&b, (unsigned char)*s < 0x20 ? ' ' : *s))
			break;
	}
	rc = xmlTextWriterWriteString(w, BAD_CAST(b.data ? b.data : ""));
	erg_buf_free(&b);
	return rc < 0;
}

static int element(xmlTextWriterPtr w, const char *name, const char *s)
{
	return xmlTextWriterStartElement(w, BAD_CAST name) < 0 || text(w, s) ||
	       xmlTextWriterEndElement(w) < 0;
}

/* A link only for web addresses: a "javascript:" URL from a feed must
 * not become clickable.  Nor one holding a character XML 1.0 cannot hold
 * (a control, U+FFFE, U+FFFF: the writer would put it in the attribute
 * as it is), which no URL holds either; it is shown as text. */
static int safe_url(const char *u)
{
	if (!u || (strncmp(u, "http://", 7) != 0 &&
	           strncmp(u, "https://", 8) != 0))
		return 0;
	for (const unsigned char *p = (const unsigned char *)u; *p; p++)
		if (*p < 0x20 || (p[0] == 0xEF && p[1] == 0xBF &&
		                  (p[2] == 0xBE || p[2] == 0xBF)))
			return 0;
	return 1;
}

static int source(xmlTextWriterPtr w, const erg_graph_docinfo *d)
{
	const char *label = d->title ? d->title : d->name;

	if (safe_url(d->url)) {
		if (xmlTextWriterStartElement(w, BAD_CAST "a") < 0 ||
		    xmlTextWriterWriteAttribute(w, BAD_CAST "href",
		                                BAD_CAST d->url) < 0 ||
		    text(w, label) || xmlTextWriterEndElement(w) < 0)
			return 1;
	} else if (text(w, label)) {
		return 1;
	}
	if (d->date) {
		char day[16];
		size_t n = strnlen(d->date, 10);

		/* the day: 10 bytes of an ISO date, never cutting a character
		 * of a date that is not one (XML takes only whole UTF-8) */
		if (d->date[n])
			while (n > 0 && ((unsigned char)d->date[n] & 0xC0) == 0x80)
				n--;
		snprintf(day, sizeof day, ", %.*s", (int)n, d->date);
		return text(w, day);
	}
	return 0;
}

static int relations(xmlTextWriterPtr w, const erg_graph *g)
{
	static const char *const heads[] = {"Subject", "Relation", "Object",
	                                    "Count", "Evidence"};

	if (element(w, "h2", "Relations") ||
	    xmlTextWriterStartElement(w, BAD_CAST "table") < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST "tr") < 0)
		return 1;
	for (size_t i = 0; i < 5; i++)
		if (element(w, "th", heads[i]))
			return 1;
	if (xmlTextWriterEndElement(w) < 0)
		return 1;
	for (size_t i = 0; i < erg_graph_nedges(g); i++) {
		const erg_edge *e = erg_graph_edge(g, i);
		const erg_evidence *ev = e->evidence.data;
		char cls[40], count[24];

		snprintf(cls, sizeof cls, "erg-%s", erg_rel_name(e->rel));
		snprintf(count, sizeof count, "%zu", e->count);
		if (xmlTextWriterStartElement(w, BAD_CAST "tr") < 0 ||
		    element(w, "td", erg_graph_node(g, e->from)->name) ||
		    xmlTextWriterStartElement(w, BAD_CAST "td") < 0 ||
		    xmlTextWriterWriteAttribute(w, BAD_CAST "class", BAD_CAST cls) <
		        0 ||
		    text(w, erg_rel_name(e->rel)) || xmlTextWriterEndElement(w) < 0 ||
		    element(w, "td", erg_graph_node(g, e->to)->name) ||
		    element(w, "td", count) ||
		    xmlTextWriterStartElement(w, BAD_CAST "td") < 0)
			return 1;
		for (size_t k = 0; k < e->evidence.len && k < 5; k++)
			if (xmlTextWriterStartElement(w, BAD_CAST "blockquote") < 0 ||
			    text(w, ev[k].sentence) ||
			    xmlTextWriterWriteString(w, BAD_CAST " \xe2\x80\x94 ") < 0 ||
			    source(w, erg_graph_docinfo_at(g, ev[k].doc)) ||
			    xmlTextWriterEndElement(w) < 0)
				return 1;
		if (xmlTextWriterEndElement(w) < 0 || xmlTextWriterEndElement(w) < 0)
			return 1;
	}
	return xmlTextWriterEndElement(w) < 0;
}

static int documents(xmlTextWriterPtr w, const erg_graph *g)
{
	if (element(w, "h2", "Documents read") ||
	    xmlTextWriterStartElement(w, BAD_CAST "ol") < 0)
		return 1;
	for (size_t i = 0; i < erg_graph_ndocs(g); i++)
		if (xmlTextWriterStartElement(w, BAD_CAST "li") < 0 ||
		    source(w, erg_graph_docinfo_at(g, i)) ||
		    xmlTextWriterEndElement(w) < 0)
			return 1;
	return xmlTextWriterEndElement(w) < 0;
}

erg_err erg_briefing_write(const erg_graph *g, const char *title,
                           const char *svg, size_t svg_len, FILE *f)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
	erg_buf sub = ERG_BUF_INIT, raw = ERG_BUF_INIT;
	erg_err e = ERG_ENOMEM;
	const char *t = title ? title : "Entity relations";

	if (!w || erg_buf_printf(&sub, "%zu document%s, %zu entit%s, %zu "
	                               "relation%s",
	                         erg_graph_ndocs(g),
	                         erg_graph_ndocs(g) == 1 ? "" : "s",
	                         erg_graph_nnodes(g),
	                         erg_graph_nnodes(g) == 1 ? "y" : "ies",
	                         erg_graph_nedges(g),
	                         erg_graph_nedges(g) == 1 ? "" : "s") ||
	    erg_buf_append(&raw, svg, svg_len))
		goto out;
	e = ERG_ERENDER;
	if (xmlTextWriterStartElement(w, BAD_CAST "html") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "lang", BAD_CAST "en") < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST "head") < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST "meta") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "charset", BAD_CAST "utf-8") <
	        0 ||
	    xmlTextWriterEndElement(w) < 0 || element(w, "title", t) ||
	    xmlTextWriterStartElement(w, BAD_CAST "style") < 0 ||
	    xmlTextWriterWriteString(w, BAD_CAST style) < 0 ||
	    xmlTextWriterEndElement(w) < 0 || xmlTextWriterEndElement(w) < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST "body") < 0 ||
	    element(w, "h1", t) ||
	    xmlTextWriterStartElement(w, BAD_CAST "p") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "class", BAD_CAST "sub") < 0 ||
	    text(w, sub.data) || xmlTextWriterEndElement(w) < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST "figure") < 0 ||
	    /* the figure is our own well-formed SVG, escaped when rendered */
	    xmlTextWriterWriteRaw(w, BAD_CAST(raw.data ? raw.data : "")) < 0 ||
	    xmlTextWriterEndElement(w) < 0 || relations(w, g) ||
	    documents(w, g) || xmlTextWriterEndDocument(w) < 0)
		goto out;
	xmlFreeTextWriter(w);
	w = NULL;
	e = fputs("<!DOCTYPE html>\n", f) == EOF ||
	            fwrite(xmlBufferContent(buf), 1, (size_t)xmlBufferLength(buf),
	                   f) != (size_t)xmlBufferLength(buf) ||
	            fputc('\n', f) == EOF
	        ? ERG_EIO
	        : ERG_OK;
out:
	if (w)
		xmlFreeTextWriter(w);
	if (buf)
		xmlBufferFree(buf);
	erg_buf_free(&sub);
	erg_buf_free(&raw);
	return e;
}
