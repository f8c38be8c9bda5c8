/* output.c - JSON Lines and TSV writers. */
#include "output.h"

#include <string.h>

#include "buf.h"

erg_err erg_json_escape(erg_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t run = 0;
	erg_err e;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[7] = {'\\', 0, 0, 0, 0, 0, 0};
		size_t k = 2;

		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
			continue;
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\n': esc[1] = 'n'; break;
		case '\t': esc[1] = 't'; break;
		case '\r': esc[1] = 'r'; break;
		default:
			esc[1] = 'u';
			esc[2] = esc[3] = '0';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			k = 6;
		}
		if ((e = erg_buf_append(b, s + run, i - run)) ||
		    (e = erg_buf_append(b, esc, k)))
			return e;
		run = i + 1;
	}
	return erg_buf_append(b, s + run, n - run);
}

/* TSV fields cannot hold tabs or line breaks: they become spaces. */
static erg_err tsv_field(erg_buf *b, const char *s, size_t n)
{
	erg_err e;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if ((e = erg_buf_putc(b, (c == '\t' || c == '\n' || c == '\r')
		                             ? ' '
		                             : c)))
			return e;
	}
	return ERG_OK;
}

/* The writers below run once per relation on large archives: plain
 * appends rather than printf. */
static erg_err json_str(erg_buf *b, const char *key, const char *s, size_t n)
{
	erg_err e;

	if ((e = erg_buf_putc(b, '"')) || (e = erg_buf_puts(b, key)) ||
	    (e = erg_buf_append(b, "\":\"", 3)) ||
	    (e = erg_json_escape(b, s, n)))
		return e;
	return erg_buf_putc(b, '"');
}

static erg_err put_num(erg_buf *b, size_t v)
{
	char d[24];
	size_t i = sizeof d;

	do
		d[--i] = (char)('0' + v % 10);
	while ((v /= 10) && i);
	return erg_buf_append(b, d + i, sizeof d - i);
}

/* A confidence in [0, 1] with two decimals, as "%.2f" would write it. */
static erg_err put_conf(erg_buf *b, float c)
{
	int h = (int)((double)c * 100.0 + 0.5);
	char d[4];

	h = h < 0 ? 0 : h > 100 ? 100 : h;
	d[0] = (char)('0' + h / 100);
	d[1] = '.';
	d[2] = (char)('0' + h / 10 % 10);
	d[3] = (char)('0' + h % 10);
	return erg_buf_append(b, d, 4);
}

static erg_err put_field(erg_buf *b, const char *key, const char *v)
{
	erg_err e;

	if ((e = erg_buf_append(b, ",\"", 2)) || (e = erg_buf_puts(b, key)) ||
	    (e = erg_buf_append(b, "\":\"", 3)) || (e = erg_buf_puts(b, v)))
		return e;
	return erg_buf_putc(b, '"');
}

/* A string field, or null when the document does not say. */
static erg_err json_opt(erg_buf *b, const char *key, const char *s)
{
	if (!s) {
		erg_err e;

		if ((e = erg_buf_putc(b, '"')) || (e = erg_buf_puts(b, key)))
			return e;
		return erg_buf_puts(b, "\":null");
	}
	return json_str(b, key, s, strlen(s));
}

erg_err erg_output_found(FILE *f, erg_outfmt fmt, const erg_lexicon *lx,
                         const erg_doc *doc, const erg_found *found)
{
	const erg_entity *s = erg_lexicon_entity(lx, (size_t)found->r.subj);
	const erg_entity *o = erg_lexicon_entity(lx, (size_t)found->r.obj);
	const char *pol = found->r.negative ? "negative" : "positive";
	const char *mod = found->r.hedged ? "hedged" : "asserted";
	const char *sent = doc->text + found->start;
	size_t slen = found->end - found->start;
	erg_buf b = ERG_BUF_INIT;
	erg_err e;

	if (fmt == ERG_OUT_TSV) {
		if ((e = tsv_field(&b, doc->name, strlen(doc->name))) ||
		    (e = erg_buf_printf(&b, "\t")) ||
		    (e = tsv_field(&b, s->name, strlen(s->name))) ||
		    (e = erg_buf_printf(&b, "\t%s\t", erg_rel_name(found->r.rel))) ||
		    (e = tsv_field(&b, o->name, strlen(o->name))) ||
		    (e = erg_buf_printf(&b, "\t%s\t%s\t%zu\t%zu\t", pol, mod,
		                        found->start, found->end)) ||
		    (e = tsv_field(&b, sent, slen)) ||
		    (e = erg_buf_printf(&b, "\t%s\t%.2f\n", found->r.rule,
		                        (double)found->r.confidence)))
			goto out;
	} else {
		if ((e = erg_buf_reserve(&b, 512 + slen + strlen(doc->name))) ||
		    (e = erg_buf_putc(&b, '{')) ||
		    (e = json_str(&b, "doc", doc->name, strlen(doc->name))) ||
		    (e = erg_buf_putc(&b, ',')) ||
		    (e = json_str(&b, "subject", s->name, strlen(s->name))) ||
		    (e = put_field(&b, "subject_type", erg_etype_name(s->type))) ||
		    (e = put_field(&b, "relation", erg_rel_name(found->r.rel))) ||
		    (e = erg_buf_putc(&b, ',')) ||
		    (e = json_str(&b, "object", o->name, strlen(o->name))) ||
		    (e = put_field(&b, "object_type", erg_etype_name(o->type))) ||
		    (e = put_field(&b, "polarity", pol)) ||
		    (e = put_field(&b, "modality", mod)) ||
		    (e = erg_buf_putc(&b, ',')) ||
		    (e = json_str(&b, "sentence", sent, slen)) ||
		    (e = erg_buf_puts(&b, ",\"start\":")) ||
		    (e = put_num(&b, found->start)) ||
		    (e = erg_buf_puts(&b, ",\"end\":")) ||
		    (e = put_num(&b, found->end)) ||
		    (e = put_field(&b, "rule", found->r.rule)) ||
		    (e = erg_buf_puts(&b, ",\"confidence\":")) ||
		    (e = put_conf(&b, found->r.confidence)) ||
		    (e = erg_buf_putc(&b, ',')) ||
		    (e = json_opt(&b, "doc_id", doc->id)) ||
		    (e = erg_buf_putc(&b, ',')) ||
		    (e = json_opt(&b, "title", doc->title)) ||
		    (e = erg_buf_putc(&b, ',')) ||
		    (e = json_opt(&b, "url", doc->url)) ||
		    (e = erg_buf_putc(&b, ',')) ||
		    (e = json_opt(&b, "date", doc->date)) ||
		    (e = erg_buf_putc(&b, ',')) ||
		    (e = json_opt(&b, "subject_country",
		                  s->country[0] ? s->country : NULL)) ||
		    (e = erg_buf_putc(&b, ',')) ||
		    (e = json_opt(&b, "object_country",
		                  o->country[0] ? o->country : NULL)) ||
		    (e = erg_buf_puts(&b, "}\n")))
			goto out;
	}
	if (fwrite(b.data, 1, b.len, f) != b.len)
		e = ERG_EIO;
out:
	erg_buf_free(&b);
	return e;
}
