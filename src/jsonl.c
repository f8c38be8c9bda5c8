/* jsonl.c - JSON Lines back into the graph.  jansson parses each line;
 * this file only checks what the members hold. */
#include "jsonl.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "lexicon.h"

typedef struct {
	erg_graph *g;
	const char *name;
	unsigned long line;  /* 1-based, of the line being read */
	erg_errinfo *ei;
	size_t last;         /* document of the previous relation */
	int have_last;
} reader;

static erg_err bad(reader *r, erg_err e, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Fail with name:line.  jansson quotes the input near an error, and the
 * message ends up on a terminal: control bytes become '?'. */
static erg_err bad(reader *r, erg_err e, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	for (char *p = msg; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return erg_fail(r->ei, e, r->name, r->line, msg);
}

/* Read one line into b without its LF; *more is 0 at the end of input.
 * A line past the cap fails at once, without reading the rest of it. */
static erg_err read_line(reader *r, FILE *f, erg_buf *b, int *more)
{
	/* one byte more than the cap: a CR before the LF is not counted */
	const size_t cap = ERG_JSONL_LINE_MAX + 1;
	char chunk[4096];
	size_t n = 0;
	int c;
	erg_err e;

	erg_buf_clear(b);
	*more = 0;
	while ((c = getc(f)) != EOF) {
		*more = 1;
		if (c == '\n')
			break;
		chunk[n++] = (char)c;
		if (n < sizeof chunk)
			continue;
		if (b->len + n > cap)
			goto too_long;
		if ((e = erg_buf_append(b, chunk, n)))
			return bad(r, e, "cannot hold the line");
		n = 0;
	}
	if (c == EOF && ferror(f))
		return bad(r, ERG_EIO, "cannot read");
	if (b->len + n > cap)
		goto too_long;
	if ((e = erg_buf_append(b, chunk, n)))
		return bad(r, e, "cannot hold the line");
	if (b->len > 0 && b->data[b->len - 1] == '\r')
		b->data[--b->len] = '\0';
	if (b->len <= ERG_JSONL_LINE_MAX)
		return ERG_OK;
too_long:
	return bad(r, ERG_ELIMIT, "line longer than %zu bytes",
	           ERG_JSONL_LINE_MAX);
}

static int blank(const erg_buf *b)
{
	for (size_t i = 0; i < b->len; i++)
		if (b->data[i] != ' ' && b->data[i] != '\t')
			return 0;
	return 1;
}

/* A required string member; *len (if asked) counts its bytes. */
static erg_err need_str(reader *r, json_t *o, const char *key,
                        const char **out, size_t *len)
{
	json_t *v = json_object_get(o, key);

	if (!v)
		return bad(r, ERG_ESYNTAX, "missing \"%s\"", key);
	if (!json_is_string(v))
		return bad(r, ERG_ESYNTAX, "\"%s\" is not a string", key);
	*out = json_string_value(v);
	if (len)
		*len = json_string_length(v);
	return ERG_OK;
}

/* A string member that may be null or absent (*out = NULL then). */
static erg_err opt_str(reader *r, json_t *o, const char *key,
                       const char **out)
{
	json_t *v = json_object_get(o, key);

	*out = NULL;
	if (!v || json_is_null(v))
		return ERG_OK;
	if (!json_is_string(v))
		return bad(r, ERG_ESYNTAX, "\"%s\" is not a string or null", key);
	*out = json_string_value(v);
	return ERG_OK;
}

static erg_err need_size(reader *r, json_t *o, const char *key, size_t *out)
{
	json_t *v = json_object_get(o, key);
	json_int_t x;

	if (!v)
		return bad(r, ERG_ESYNTAX, "missing \"%s\"", key);
	x = json_is_integer(v) ? json_integer_value(v) : -1;
	if (x < 0 || (unsigned long long)x > SIZE_MAX)
		return bad(r, ERG_ESYNTAX, "\"%s\" is not a non-negative integer", key);
	*out = (size_t)x;
	return ERG_OK;
}

static int parse_polarity(const char *s)
{
	return strcmp(s, "positive") == 0   ? 0
	       : strcmp(s, "negative") == 0 ? 1
	                                    : -1;
}

static int parse_modality(const char *s)
{
	return strcmp(s, "asserted") == 0 ? 0 : strcmp(s, "hedged") == 0 ? 1 : -1;
}

/* A string member that must be one of a set of names. */
static erg_err need_name(reader *r, json_t *o, const char *key,
                         int (*parse)(const char *), int *out)
{
	const char *s = NULL;
	erg_err e;

	if ((e = need_str(r, o, key, &s, NULL)))
		return e;
	if ((*out = parse(s)) < 0)
		return bad(r, ERG_ESYNTAX, "unknown %s \"%.64s\"", key, s);
	return ERG_OK;
}

/* An optional country code ("" is none too).  The graph holds at most 3
 * bytes (an ISO code or "EU"): a longer one is an error, not cut. */
static erg_err opt_country(reader *r, json_t *o, const char *key,
                           const char **out)
{
	erg_err e = opt_str(r, o, key, out);

	if (!e && *out && strlen(*out) > 3)
		e = bad(r, ERG_ESYNTAX, "\"%s\" is longer than 3 bytes", key);
	return e;
}

/* The graph's index of document name, registered on first sight.  The
 * previous line's document is nearly always the one; otherwise a linear
 * scan, newest first.  Fine for the hundreds of documents of a run; a
 * map from name to index would be needed for very many more. */
static erg_err doc_index(reader *r, const char *name, size_t *idx)
{
	size_t n = erg_graph_ndocs(r->g);
	erg_err e;

	if (r->have_last && r->last < n &&
	    strcmp(erg_graph_doc(r->g, r->last), name) == 0) {
		*idx = r->last;
		return ERG_OK;
	}
	for (size_t i = n; i-- > 0;)
		if (strcmp(erg_graph_doc(r->g, i), name) == 0) {
			*idx = i;
			goto found;
		}
	if ((e = erg_graph_add_doc(r->g, name, idx)))
		return bad(r, e, "cannot add document");
found:
	r->last = *idx;
	r->have_last = 1;
	return ERG_OK;
}

static erg_err parse_line(reader *r, const char *s, size_t len)
{
	const char *doc = NULL, *title = NULL, *url = NULL, *date = NULL,
	           *id = NULL;
	const erg_graph_docinfo *d;
	erg_graph_rel rel = {0};
	json_error_t jerr;
	json_t *o;
	int st = 0, ot = 0, rl = 0, neg = 0, hedged = 0;
	size_t idx = 0;
	erg_err e;

	o = json_loadb(s, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!o)
		return bad(r, ERG_ESYNTAX, "invalid JSON at column %d: %s",
		           jerr.column, jerr.text);
	if (!json_is_object(o)) {
		e = bad(r, ERG_ESYNTAX, "not a JSON object");
		goto out;
	}
	/* Everything is checked before the graph changes, so a bad line
	 * leaves no trace (not even its document), and negated or hedged
	 * lines are checked as strictly as the rest. */
	if ((e = need_str(r, o, "doc", &doc, NULL)) ||
	    (e = need_str(r, o, "subject", &rel.subj, NULL)) ||
	    (e = need_name(r, o, "subject_type", erg_etype_parse, &st)) ||
	    (e = need_name(r, o, "relation", erg_rel_parse, &rl)) ||
	    (e = need_str(r, o, "object", &rel.obj, NULL)) ||
	    (e = need_name(r, o, "object_type", erg_etype_parse, &ot)) ||
	    (e = need_name(r, o, "polarity", parse_polarity, &neg)) ||
	    (e = need_name(r, o, "modality", parse_modality, &hedged)) ||
	    (e = need_str(r, o, "sentence", &rel.sentence, &rel.sentence_len)) ||
	    (e = need_size(r, o, "start", &rel.start)) ||
	    (e = need_size(r, o, "end", &rel.end)) ||
	    (e = opt_str(r, o, "doc_id", &id)) ||
	    (e = opt_str(r, o, "title", &title)) ||
	    (e = opt_str(r, o, "url", &url)) ||
	    (e = opt_str(r, o, "date", &date)) ||
	    (e = opt_country(r, o, "subject_country", &rel.subj_country)) ||
	    (e = opt_country(r, o, "object_country", &rel.obj_country)))
		goto out;
	if (!*rel.subj || !*rel.obj) {
		e = bad(r, ERG_ESYNTAX, "empty %s", *rel.subj ? "object" : "subject");
		goto out;
	}
	if (rel.start > rel.end) {
		e = bad(r, ERG_ESYNTAX, "\"start\" is after \"end\"");
		goto out;
	}
	/* Not a fact: nothing to add, and a document enters the graph with
	 * its first fact (as when the graph is built from the articles). */
	if (neg || hedged)
		goto out;
	if ((e = doc_index(r, doc, &idx)))
		goto out;
	/* Fill only what the document lacks: its lines all carry the same
	 * meta, so after the first line this copies nothing.  The graph has
	 * no place for doc_id. */
	d = erg_graph_docinfo_at(r->g, idx);
	if ((e = erg_graph_doc_meta(r->g, idx, d->title ? NULL : title,
	                            d->url ? NULL : url, d->date ? NULL : date))) {
		e = bad(r, e, "cannot record document");
		goto out;
	}
	rel.subj_type = (erg_etype)st;
	rel.obj_type = (erg_etype)ot;
	rel.rel = (erg_rel)rl;
	rel.doc = idx;
	if ((e = erg_graph_add_rel(r->g, &rel)))
		e = bad(r, e, "cannot add relation");
out:
	json_decref(o);
	return e;
}

erg_err erg_jsonl_read(FILE *f, const char *name, erg_graph *g,
                       erg_errinfo *ei)
{
	reader r = {g, name ? name : "", 0, ei, 0, 0};
	erg_buf line = ERG_BUF_INIT;
	int more = 1;
	erg_err e = ERG_OK;

	while (!e && more) {
		r.line++;
		if ((e = read_line(&r, f, &line, &more)) || !more)
			goto out;
		if (!blank(&line))
			e = parse_line(&r, line.data, line.len);
	}
out:
	erg_buf_free(&line);
	return e;
}
