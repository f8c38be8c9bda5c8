/* feed.c - RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 (and CDF) feeds, read
 * as a stream.
 *
 * libxml2's xmlTextReader walks the document node by node.  Each item or
 * entry is collected into a handful of buffers, handed to the callback
 * when its end tag is read and cleared, and the reader frees the nodes
 * behind it, so memory stays bounded however long the feed is (a few MB
 * for a 1 GB feed).
 *
 * The reader stops at the first well-formedness error even with
 * XML_PARSE_RECOVER (libxml2 2.9), so the bytes go through small stages
 * first that make the commonest faults of real feeds go away:
 *
 *   1. gunzip, when the body starts with the gzip magic (crawlers save
 *      compressed bodies under .xml names);
 *   2. white space before "<?xml" is dropped (servers send it, libxml2
 *      rejects it), and so is an XML declaration after a comment;
 *   3. in documents without a DOCTYPE, in an ASCII-compatible encoding,
 *      an HTML named entity XML does not define ("&nbsp;" becomes
 *      "&#160;") and a bare ampersand ("a?x=1&y=2" becomes "&amp;") are
 *      repaired.
 *
 * After an error that remains, the nodes libxml2 (in recover mode) had
 * already built are walked too, so the items just before and after the
 * error are not lost; a feed in an undeclared 8-bit encoding that fails
 * before its first item is read again as Latin-1 (Windows-1252).
 *
 * Safety: XML_PARSE_NOENT, DTDLOAD, DTDVALID and HUGE are never set, so no
 * external entity or DTD is read and libxml2's entity-amplification and
 * depth limits stay on; XML_PARSE_NONET and an entity loader that refuses
 * every entity or DTD back that up.  Internal entities are expanded here,
 * from their parsed content, under a node budget and the field caps. */
#include "feed.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <zlib.h>

#include "buf.h"
#include "date.h"
#include "html.h"

/* --- caps ---------------------------------------------------------------- */

/* Raw markup of one content field (description, content, summary). */
#define FEED_FIELD_MAX ((size_t)4 << 20)
/* Raw text of a title, link, id, author or date. */
#define FEED_SHORT_MAX ((size_t)64 << 10)
/* Raw markup of one item, all fields together. */
#define FEED_ITEM_MAX ((size_t)16 << 20)
/* Nodes visited and nesting followed while expanding internal entities,
 * per item. */
#define FEED_ENT_VISITS 100000
#define FEED_ENT_DEPTH 16
/* Element depths tracked (libxml2 stops at 256 without XML_PARSE_HUGE). */
#define FEED_STACK 512

/* Input staging buffers. */
#define SRC_IN 16384
#define SRC_OUT 16384
#define SRC_Z 16384
/* Bytes looked at before deciding about leading whitespace and encoding. */
#define SRC_HEAD 512
/* Bytes kept for a second pass as Latin-1 (see erg_feed_read). */
#define SRC_REPLAY 65536

/* --- namespaces ---------------------------------------------------------- */

#define NS_ATOM10 "http://www.w3.org/2005/Atom"
#define NS_ATOM03 "http://purl.org/atom/ns#"
#define NS_RSS10 "http://purl.org/rss/1.0/"
#define NS_RSS090 "http://my.netscape.com/rdf/simple/0.9/"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_DCTERMS "http://purl.org/dc/terms/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"

/* ========================================================================
 * Input: user callback -> gunzip -> whitespace and entity repair
 * ===================================================================== */

enum { ST_TEXT, ST_CDATA, ST_COMMENT, ST_PI };

typedef struct {
	erg_feed_read_fn read;
	void *ctx;
	const char *forced; /* encoding forced by the caller, or NULL */
	int io_err;         /* the caller's read failed */
	int saved_errno;

	/* gzip */
	int sniffed;
	int gz;              /* 1 while inflating */
	int gz_init;         /* inflateInit2 succeeded */
	int gz_member_end;   /* the last member ended cleanly */
	int gz_done;
	const char *gz_err;  /* corrupt or truncated data */
	unsigned char head[2];
	size_t head_len, head_off;
	z_stream z;
	unsigned char zin[SRC_Z];

	/* repair */
	int eof;       /* stage 1 has no more bytes */
	int started;   /* leading whitespace and encoding settled */
	int fix;       /* entity repair on */
	int state;     /* ST_* */
	unsigned long dropped_lines; /* newlines removed before "<?xml" */
	unsigned char in[SRC_IN];
	size_t in_len;
	unsigned char out[SRC_OUT];
	size_t out_len, out_off;
	int has_enc;     /* a BOM or a declared encoding */
	int prolog_seen; /* something (a comment, a PI) came first */
	int root_seen;   /* the first start tag has gone by */

	/* the first bytes, for a second pass */
	int replaying;
	int replay_over; /* more bytes than fit were read */
	size_t replay_len, replay_off;
	unsigned char replay[SRC_REPLAY];
} src;

/* The caller's read, guarded. */
static int user_read(src *s, unsigned char *buf, size_t len)
{
	int n;

	if (len > INT_MAX)
		len = INT_MAX;
	n = s->read(s->ctx, (char *)buf, (int)len);
	if (n < 0 || (size_t)n > len) {
		s->io_err = 1;
		s->saved_errno = n < 0 ? errno : EIO;
		return -1;
	}
	return n;
}

static int gz_read(src *s, unsigned char *buf, size_t len)
{
	size_t produced;
	int n, zr;

	if (s->gz_done)
		return 0;
	if (len > UINT_MAX)
		len = UINT_MAX;
	s->z.next_out = buf;
	s->z.avail_out = (uInt)len;
	while (s->z.avail_out == len) {
		if (s->z.avail_in == 0) {
			n = user_read(s, s->zin, sizeof s->zin);
			if (n < 0)
				return -1;
			if (n == 0) {
				if (!s->gz_member_end)
					s->gz_err = "truncated gzip data";
				s->gz_done = 1;
				break;
			}
			s->z.next_in = s->zin;
			s->z.avail_in = (uInt)n;
		}
		zr = inflate(&s->z, Z_NO_FLUSH);
		if (s->z.avail_out != len)
			s->gz_member_end = 0;
		if (zr == Z_STREAM_END) {
			/* Another member may follow. */
			s->gz_member_end = 1;
			if (inflateReset(&s->z) != Z_OK) {
				s->gz_err = "corrupt gzip data";
				s->gz_done = 1;
				break;
			}
		} else if (zr != Z_OK && zr != Z_BUF_ERROR) {
			/* Junk after a complete member is ignored. */
			if (!s->gz_member_end || s->z.avail_out != len)
				s->gz_err = "corrupt gzip data";
			s->gz_done = 1;
			break;
		}
	}
	/* Corrupt or cut short: what was decoded is all there is, and the
	 * parser makes what it can of it. */
	produced = len - s->z.avail_out;
	return (int)produced;
}

/* Stage 1: the caller's bytes, gunzipped if they are gzip. */
static int raw_read(src *s, unsigned char *buf, size_t len)
{
	int n;

	if (!s->sniffed) {
		while (s->head_len < 2) {
			n = user_read(s, s->head + s->head_len, 2 - s->head_len);
			if (n < 0)
				return -1;
			if (n == 0)
				break;
			s->head_len += (size_t)n;
		}
		s->sniffed = 1;
		if (s->head_len == 2 && s->head[0] == 0x1f && s->head[1] == 0x8b) {
			memset(&s->z, 0, sizeof s->z);
			if (inflateInit2(&s->z, 16 + MAX_WBITS) != Z_OK) {
				s->gz_err = "cannot start gzip decoder";
				return -1;
			}
			s->gz_init = 1;
			s->gz = 1;
			s->zin[0] = s->head[0];
			s->zin[1] = s->head[1];
			s->z.next_in = s->zin;
			s->z.avail_in = 2;
			s->head_len = 0;
		}
	}
	if (s->gz)
		return gz_read(s, buf, len);
	if (s->head_off < s->head_len) {
		size_t k = s->head_len - s->head_off;

		if (k > len)
			k = len;
		memcpy(buf, s->head + s->head_off, k);
		s->head_off += k;
		return (int)k;
	}
	return user_read(s, buf, len);
}

/* Stage 1 with the first SRC_REPLAY bytes kept: a second pass reads them
 * again before going on with the stream. */
static int stage1_read(src *s, unsigned char *buf, size_t len)
{
	int n;

	if (s->replaying && s->replay_off < s->replay_len) {
		size_t k = s->replay_len - s->replay_off;

		if (k > len)
			k = len;
		memcpy(buf, s->replay + s->replay_off, k);
		s->replay_off += k;
		return (int)k;
	}
	n = raw_read(s, buf, len);
	if (n > 0 && !s->replaying) {
		if (!s->replay_over && (size_t)n <= SRC_REPLAY - s->replay_len) {
			memcpy(s->replay + s->replay_len, buf, (size_t)n);
			s->replay_len += (size_t)n;
		} else {
			s->replay_over = 1;
		}
	}
	return n;
}

/* Start stage 2 again, from the first byte, in another encoding. */
static void src_rewind(src *s, const char *encoding)
{
	s->replaying = 1;
	s->replay_off = 0;
	s->forced = encoding;
	s->eof = s->started = s->fix = 0;
	s->state = ST_TEXT;
	s->dropped_lines = 0;
	s->in_len = s->out_len = s->out_off = 0;
	s->prolog_seen = s->root_seen = 0;
}

static int is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Encodings in which every byte below 0x80 is ASCII, so that '&', '<' and
 * ';' bytes are those characters and nothing else. */
static int ascii_compatible(const char *name, size_t n)
{
	static const char *const fam[] = {
		"utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4", "iso-8859",
		"iso8859", "iso_8859", "latin", "l1", "windows-125", "cp125",
		"koi8", "big5", "gb2312", "gbk", "gb18030", "euc", "shift_jis",
		"shift-jis", "sjis", "x-sjis", "windows-31j", "cp932", "ms932",
		"tis-620", "tis620", "windows-874", "cp874", "x-mac", "mac",
		"cp437", "cp850", "cp866", "ibm437", "ibm850", "ibm866", "viscii",
	};
	char low[40];

	if (n == 0 || n >= sizeof low)
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)lc((unsigned char)name[i]);
	low[n] = '\0';
	for (size_t i = 0; i < sizeof fam / sizeof fam[0]; i++)
		if (strncmp(low, fam[i], strlen(fam[i])) == 0)
			return 1;
	return 0;
}

/* Is the encoding an XML declaration at p (n bytes) names
 * ASCII-compatible?  No declaration, or no encoding in it, means UTF-8.
 * *declared: there is an encoding in it. */
static int decl_ascii(const unsigned char *p, size_t n, int *declared)
{
	size_t i, end, j;
	unsigned char q;

	if (n < 5 || memcmp(p, "<?xml", 5) != 0)
		return 1;
	for (end = 5; end + 1 < n; end++)
		if (p[end] == '?' && p[end + 1] == '>')
			break;
	for (i = 5; i + 8 <= end; i++) {
		if (memcmp(p + i, "encoding", 8) != 0)
			continue;
		*declared = 1;
		j = i + 8;
		while (j < end && is_ws(p[j]))
			j++;
		if (j >= end || p[j] != '=')
			return 0;
		j++;
		while (j < end && is_ws(p[j]))
			j++;
		if (j >= end || (p[j] != '"' && p[j] != '\''))
			return 0;
		q = p[j++];
		for (i = j; i < end && p[i] != q; i++)
			;
		return ascii_compatible((const char *)p + j, i - j);
	}
	return 1;
}

/* Settle the start of the stream: drop whitespace before the first '<'
 * (after a UTF-8 BOM), and decide whether entity repair is safe.  Returns
 * 0 while it needs more bytes. */
static int src_start(src *s)
{
	size_t i = 0, j, n = s->in_len;
	const unsigned char *p = s->in;

	if (n < SRC_HEAD && !s->eof)
		return 0;
	s->started = 1;
	if (n >= 2 && ((p[0] == 0xfe && p[1] == 0xff) ||
	               (p[0] == 0xff && p[1] == 0xfe))) {
		s->has_enc = 1;
		return 1; /* UTF-16 or UTF-32: no repair */
	}
	if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) {
		s->has_enc = 1;
		i = 3;
	}
	for (j = i; j < n && is_ws(p[j]); j++)
		;
	if (j < n && p[j] == '<' && j > i) {
		for (size_t k = i; k < j; k++)
			if (p[k] == '\n' || (p[k] == '\r' && p[k + 1] != '\n'))
				s->dropped_lines++;
		memmove(s->in + i, s->in + j, n - j);
		s->in_len = n - (j - i);
		n = s->in_len;
		j = i;
	}
	if (memchr(p, 0, n < SRC_HEAD ? n : SRC_HEAD)) {
		s->has_enc = 1;
		return 1; /* UTF-16/32 without BOM, or binary */
	}
	if (s->forced)
		s->fix = ascii_compatible(s->forced, strlen(s->forced));
	else
		s->fix = decl_ascii(p + j, n - j, &s->has_enc);
	return 1;
}

static void out_put(src *s, const void *p, size_t n)
{
	memcpy(s->out + s->out_len, p, n);
	s->out_len += n;
}

static int name_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int name_char(int c)
{
	return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

static int hex_val(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = lc(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static int xml_char(unsigned long v)
{
	return v == 0x9 || v == 0xa || v == 0xd || (v >= 0x20 && v <= 0xd7ff) ||
	       (v >= 0xe000 && v <= 0xfffd) || (v >= 0x10000 && v <= 0x10ffff);
}

/* An '&' at p with avail bytes after it (p[0] == '&').  Writes it, or its
 * repair, to the output and returns the bytes consumed; 0 if more input
 * is needed to decide. */
static size_t src_amp(src *s, const unsigned char *p, size_t avail)
{
	static const char *const predef[] = {"amp", "lt", "gt", "quot", "apos"};
	size_t k, start;
	char num[24];

	if (avail < 2 && !s->eof)
		return 0;
	if (avail >= 2 && p[1] == '#') {
		unsigned long v = 0;
		int hex = 0, d;

		k = 2;
		if (k < avail && (p[k] == 'x' || p[k] == 'X')) {
			hex = 1;
			k++;
		}
		start = k;
		while (k < avail && k < 16 &&
		       (d = hex ? hex_val(p[k]) : (p[k] >= '0' && p[k] <= '9'
		                                   ? p[k] - '0' : -1)) >= 0) {
			v = v * (hex ? 16 : 10) + (unsigned long)d;
			k++;
		}
		if (k == avail && !s->eof && k < 16)
			return 0;
		if (k > start && k < avail && p[k] == ';' && xml_char(v)) {
			int m = snprintf(num, sizeof num, hex ? "&#x%lx;" : "&#%lu;", v);

			out_put(s, num, (size_t)m);
			return k + 1;
		}
		out_put(s, "&amp;", 5);
		return 1;
	}
	k = 1;
	if (k < avail && name_start(p[k]))
		while (k < avail && k < 40 && name_char(p[k]))
			k++;
	if (k == avail && !s->eof && k < 40)
		return 0;
	if (k > 1 && k < avail && p[k] == ';') {
		char name[48];
		const htmlEntityDesc *ent;

		memcpy(name, p + 1, k - 1);
		name[k - 1] = '\0';
		for (size_t i = 0; i < sizeof predef / sizeof predef[0]; i++)
			if (strcmp(name, predef[i]) == 0) {
				out_put(s, p, k + 1);
				return k + 1;
			}
		ent = htmlEntityLookup((const xmlChar *)name);
		if (ent && xml_char(ent->value)) {
			int m = snprintf(num, sizeof num, "&#%u;", ent->value);

			out_put(s, num, (size_t)m);
			return k + 1;
		}
	}
	out_put(s, "&amp;", 5);
	return 1;
}

/* Stage 2 over the bytes in s->in: copy them to s->out, repairing
 * entities outside CDATA sections, comments and processing
 * instructions.  Leaves bytes it cannot decide about yet in s->in. */
static void src_filter(src *s)
{
	const unsigned char *p = s->in;
	size_t n = s->in_len, i = 0, k;

	while (i < n && s->out_len + 16 < SRC_OUT) {
		unsigned char c = p[i];
		size_t room = SRC_OUT - 16 - s->out_len;

		if (!s->fix) {
			k = n - i < room ? n - i : room;
			out_put(s, p + i, k);
			i += k;
			continue;
		}
		switch (s->state) {
		case ST_TEXT:
			if (c == '<') {
				static const char cd[] = "<![CDATA[", dt[] = "<!DOCTYPE";
				size_t a = n - i;

				if (a < 9 && !s->eof &&
				    (memcmp(p + i, cd, a) == 0 || memcmp(p + i, dt, a) == 0 ||
				     memcmp(p + i, "<!--", a < 4 ? a : 4) == 0 ||
				     memcmp(p + i, "<?xml ", a < 6 ? a : 6) == 0))
					goto wait;
				if (a >= 6 && memcmp(p + i, "<?xml", 5) == 0 &&
				    is_ws(p[i + 5]) && s->prolog_seen && !s->root_seen) {
					/* An XML declaration after a comment: libxml2
					 * stops there, so it is dropped. */
					size_t j = i + 5;

					while (j + 1 < n && j - i < 256 &&
					       !(p[j] == '?' && p[j + 1] == '>'))
						j++;
					if (j + 1 < n && p[j] == '?' && p[j + 1] == '>') {
						i = j + 2;
						break;
					}
					if (!s->eof && j - i < 256)
						goto wait;
				}
				s->prolog_seen = 1;
				if (a >= 2 && (name_start(p[i + 1]) || p[i + 1] >= 0x80))
					s->root_seen = 1;
				if (a >= 9 && memcmp(p + i, cd, 9) == 0) {
					s->state = ST_CDATA;
					k = 9;
				} else if (a >= 9 && memcmp(p + i, dt, 9) == 0) {
					s->fix = 0; /* entities may be declared */
					k = 9;
				} else if (a >= 4 && memcmp(p + i, "<!--", 4) == 0) {
					s->state = ST_COMMENT;
					k = 4;
				} else if (a >= 2 && p[i + 1] == '?') {
					s->state = ST_PI;
					k = 2;
				} else {
					k = 1;
				}
				out_put(s, p + i, k);
				i += k;
			} else if (c == '&') {
				k = src_amp(s, p + i, n - i);
				if (k == 0)
					goto wait;
				i += k;
			} else {
				for (k = i; k < n && k - i < room && p[k] != '<' && p[k] != '&';
				     k++)
					if (!is_ws(p[k]))
						s->prolog_seen = 1;
				out_put(s, p + i, k - i);
				i = k;
			}
			break;
		default: {
			/* Inside a CDATA section, comment or PI: look for its end. */
			const char *end = s->state == ST_CDATA ? "]]>"
			                  : s->state == ST_COMMENT ? "-->" : "?>";
			size_t elen = strlen(end);

			if (c == (unsigned char)end[0]) {
				if (n - i < elen && !s->eof)
					goto wait;
				if (n - i >= elen && memcmp(p + i, end, elen) == 0) {
					out_put(s, p + i, elen);
					i += elen;
					s->state = ST_TEXT;
					break;
				}
				out_put(s, p + i, 1);
				i++;
				break;
			}
			for (k = i; k < n && k - i < room && p[k] != (unsigned char)end[0];
			     k++)
				;
			out_put(s, p + i, k - i);
			i = k;
			break;
		}
		}
	}
wait:
	memmove(s->in, s->in + i, n - i);
	s->in_len = n - i;
}

/* The read callback libxml2 calls. */
static int src_read(void *vctx, char *buf, int len)
{
	src *s = vctx;
	size_t k;
	int n;

	if (len <= 0)
		return 0;
	while (s->out_off == s->out_len) {
		s->out_off = s->out_len = 0;
		if (s->eof && s->in_len == 0)
			return 0;
		if (!s->eof && s->in_len < SRC_IN) {
			n = stage1_read(s, s->in + s->in_len, SRC_IN - s->in_len);
			if (n < 0)
				return -1;
			if (n == 0)
				s->eof = 1;
			s->in_len += (size_t)n;
		}
		if (!s->started && !src_start(s))
			continue;
		src_filter(s);
		if (s->eof && s->out_len == 0 && s->in_len != 0) {
			/* Cannot happen: at EOF every byte is decidable. */
			out_put(s, s->in, s->in_len < SRC_OUT ? s->in_len : SRC_OUT);
			s->in_len = 0;
		}
	}
	k = s->out_len - s->out_off;
	if (k > (size_t)len)
		k = (size_t)len;
	memcpy(buf, s->out + s->out_off, k);
	s->out_off += k;
	return (int)k;
}

static int src_close(void *vctx)
{
	(void)vctx;
	return 0;
}

/* ========================================================================
 * libxml2 set-up
 * ===================================================================== */

static pthread_once_t feed_once = PTHREAD_ONCE_INIT;
static xmlExternalEntityLoader feed_prev_loader;

/* Refuse every external entity, external DTD subset and parameter entity:
 * anything a document being parsed asks for.  A parser opening its own
 * top-level document by name (xmlReadFile elsewhere in the program) has
 * no input open yet; that request goes to the loader that was installed
 * before. */
static xmlParserInputPtr feed_no_entities(const char *url, const char *id,
                                          xmlParserCtxtPtr ctxt)
{
	if (ctxt && ctxt->inputNr == 0 && feed_prev_loader)
		return feed_prev_loader(url, id, ctxt);
	return NULL;
}

static void feed_init(void)
{
	xmlInitParser();
	feed_prev_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(feed_no_entities);
}

static void feed_silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* ========================================================================
 * The feed reader
 * ===================================================================== */

enum { FMT_UNKNOWN, FMT_RSS, FMT_RDF, FMT_ATOM, FMT_CDF };
enum { K_OTHER, K_CHANNEL, K_FEED, K_AUTHOR };
enum {
	F_NONE,
	F_TITLE,
	F_LINK,
	F_ID,
	F_AUTHOR,
	F_PUB,
	F_UPD,
	F_TEXT,
	F_FEED_TITLE
};
/* How a field's content is read: plain text; text holding HTML (escaped
 * or CDATA); XML markup (Atom xhtml); HTML if it looks like it; not at
 * all (base64, out-of-line). */
enum { M_TEXT, M_HTML, M_XHTML, M_SNIFF, M_SKIP };

typedef struct {
	erg_buf title, link, id, author, text;
	int link_rank, id_rank;
	int perma;     /* the guid is a permalink */
	char pub[24], upd[24];
	size_t bytes;  /* raw bytes captured, against FEED_ITEM_MAX */
	size_t visits; /* entity nodes expanded */
	int any;       /* some field had content */
} item_st;

typedef struct {
	xmlTextReaderPtr r;
	const char *url; /* base of relative links: the name, or "" */
	erg_feed_item_fn fn;
	void *arg;

	int fmt;
	char root_ns[256];
	int root_ns_ok;
	unsigned char kinds[FEED_STACK];

	int in_item;
	int item_depth;
	item_st it;
	unsigned long nitems;

	erg_buf feed_title;
	int feed_title_done;

	/* the field being captured */
	int cap;       /* F_*, F_NONE when idle */
	int cap_mode;  /* M_* */
	int cap_depth;
	size_t cap_max;
	xmlNodePtr cap_node; /* the field's element */
	erg_buf raw;
	erg_buf tmp;

	erg_err err;   /* first internal failure */
	xmlNodePtr last; /* the node last delivered by the reader */
	int last_open;   /* ... and it was an element's start tag */
	int recovering;  /* replaying what followed a syntax error */

	/* first libxml2 error */
	int xml_err;   /* 1: an error, 2: a fatal one */
	int enc_err;   /* ... the fatal one: bytes that are not UTF-8 */
	unsigned long err_line;
	char err_msg[160];
} feed_st;

static void fail(feed_st *f, erg_err e)
{
	if (!f->err)
		f->err = e;
}

static void on_xml_error(void *arg, xmlErrorPtr e)
{
	feed_st *f = arg;
	size_t n;

	/* The first error, unless a fatal (well-formedness) one follows a
	 * lesser one (a namespace error, say). */
	if (!e || e->level < XML_ERR_ERROR || f->xml_err > 1 ||
	    (f->xml_err && e->level != XML_ERR_FATAL))
		return;
	f->xml_err = e->level == XML_ERR_FATAL ? 2 : 1;
	f->enc_err = e->level == XML_ERR_FATAL && e->code == XML_ERR_INVALID_CHAR &&
	             e->message &&
	             strncmp(e->message, "Input is not proper UTF-8", 25) == 0;
	f->err_line = e->line > 0 ? (unsigned long)e->line : 0;
	snprintf(f->err_msg, sizeof f->err_msg, "%s",
	         e->message ? e->message : "XML error");
	n = strlen(f->err_msg);
	while (n > 0 && is_ws((unsigned char)f->err_msg[n - 1]))
		f->err_msg[--n] = '\0';
}

/* --- names ---------------------------------------------------------------- */

static int eq(const xmlChar *a, const char *b)
{
	return a && strcmp((const char *)a, b) == 0;
}

static int eqi(const xmlChar *a, const char *b)
{
	size_t i;

	if (!a)
		return 0;
	for (i = 0; a[i] && b[i]; i++)
		if (lc(a[i]) != lc((unsigned char)b[i]))
			return 0;
	return a[i] == '\0' && b[i] == '\0';
}

static int starts(const xmlChar *a, const char *p)
{
	return a && strncmp((const char *)a, p, strlen(p)) == 0;
}

static int ns_rss(const xmlChar *ns)
{
	return !ns || !*ns || eq(ns, NS_RSS10) || eq(ns, NS_RSS090) ||
	       starts(ns, "http://backend.userland.com/rss") ||
	       starts(ns, "http://blogs.law.harvard.edu/tech/rss");
}

static int ns_atom(const feed_st *f, const xmlChar *ns)
{
	if (starts(ns, NS_ATOM10) || starts(ns, NS_ATOM03))
		return 1;
	/* An Atom feed in some other (draft) namespace, or in none. */
	return f->fmt == FMT_ATOM && f->root_ns_ok &&
	       strcmp(ns ? (const char *)ns : "", f->root_ns) == 0;
}

static int ns_is(const xmlChar *ns, const char *uri)
{
	return eq(ns, uri);
}

/* --- capture ---------------------------------------------------------------- */

/* Append to the capture, up to its cap and the item's; a cut never splits
 * a UTF-8 sequence.  whole: append all of s or nothing. */
static void cap_put(feed_st *f, const char *s, size_t n, int whole)
{
	size_t room = f->cap_max > f->raw.len ? f->cap_max - f->raw.len : 0;

	if (f->err || n == 0)
		return;
	if (f->in_item) {
		size_t iroom = FEED_ITEM_MAX > f->it.bytes
		               ? FEED_ITEM_MAX - f->it.bytes : 0;

		if (iroom < room)
			room = iroom;
	}
	if (n > room) {
		if (whole)
			return;
		n = room;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	if (n == 0)
		return;
	if (erg_buf_append(&f->raw, s, n)) {
		fail(f, ERG_ENOMEM);
		return;
	}
	if (f->in_item)
		f->it.bytes += n;
}

/* Character data in the capture. */
static void cap_text(feed_st *f, const char *s, size_t n)
{
	size_t i, j;

	switch (f->cap_mode) {
	case M_SKIP:
		return;
	case M_XHTML:
		/* Real text: escape it, as it will be read as HTML. */
		for (i = 0; i < n; i = j) {
			for (j = i; j < n && s[j] != '&' && s[j] != '<' && s[j] != '>'; j++)
				;
			cap_put(f, s + i, j - i, 0);
			if (j < n) {
				cap_put(f, s[j] == '&' ? "&amp;" : s[j] == '<' ? "&lt;" : "&gt;",
				        s[j] == '&' ? 5 : 4, 1);
				j++;
			}
		}
		return;
	default:
		cap_put(f, s, n, 0);
	}
}

static int void_element(const xmlChar *name)
{
	return eqi(name, "br") || eqi(name, "hr") || eqi(name, "img") ||
	       eqi(name, "wbr");
}

/* A tag inside captured markup, written as plain HTML (no attributes). */
static void cap_tag(feed_st *f, const xmlChar *local, int end)
{
	size_t n;

	if (f->cap_mode != M_HTML && f->cap_mode != M_XHTML &&
	    f->cap_mode != M_SNIFF)
		return;
	if (!local || (end && void_element(local)))
		return;
	n = strlen((const char *)local);
	if (n > 64)
		return;
	cap_put(f, end ? "</" : "<", end ? 2 : 1, 1);
	cap_put(f, (const char *)local, n, 1);
	cap_put(f, ">", 1, 1);
}

static void put_utf8(feed_st *f, unsigned int c)
{
	char u[4];
	size_t n;

	if (c < 0x80) {
		u[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xc0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[3] = (char)(0x80 | (c & 0x3f));
		n = 4;
	}
	cap_put(f, u, n, 1);
}

static void cap_entity(feed_st *f, xmlNodePtr ref, int depth);

/* Captured content from a parsed tree (an internal entity's). */
static void cap_nodes(feed_st *f, xmlNodePtr n, int depth)
{
	for (; n && !f->err; n = n->next) {
		if (++f->it.visits > FEED_ENT_VISITS || depth > FEED_ENT_DEPTH)
			return;
		switch (n->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (n->content)
				cap_text(f, (const char *)n->content,
				         strlen((const char *)n->content));
			break;
		case XML_ELEMENT_NODE:
			cap_tag(f, n->name, 0);
			cap_nodes(f, n->children, depth + 1);
			cap_tag(f, n->name, 1);
			break;
		case XML_ENTITY_REF_NODE:
			cap_entity(f, n, depth + 1);
			break;
		default:
			break;
		}
	}
}

/* An entity reference the parser left in place: an internal entity is
 * expanded from its parsed content; an undeclared one (in a document
 * whose DTD was not read) is decoded if HTML knows it, and kept as
 * written otherwise; external entities are never read. */
static void cap_entity(feed_st *f, xmlNodePtr ref, int depth)
{
	xmlEntityPtr ent;
	const htmlEntityDesc *h;
	char lit[80];

	if (!ref || !ref->name || f->cap_mode == M_SKIP)
		return;
	ent = ref->doc ? xmlGetDocEntity(ref->doc, ref->name) : NULL;
	if (ent) {
		if (ent->etype != XML_INTERNAL_GENERAL_ENTITY &&
		    ent->etype != XML_INTERNAL_PREDEFINED_ENTITY)
			return;
		if (ent->children)
			cap_nodes(f, ent->children, depth);
		else if (ent->content)
			cap_text(f, (const char *)ent->content,
			         strlen((const char *)ent->content));
		return;
	}
	if (strlen((const char *)ref->name) > 64)
		return;
	h = htmlEntityLookup(ref->name);
	if (f->cap_mode == M_TEXT && h) {
		put_utf8(f, h->value);
		return;
	}
	snprintf(lit, sizeof lit, "&%s;", (const char *)ref->name);
	if (f->cap_mode == M_TEXT)
		cap_text(f, lit, strlen(lit));
	else
		cap_put(f, lit, strlen(lit), 1); /* the HTML reader decodes it */
}

/* --- fields --------------------------------------------------------------- */

static xmlChar *attr(xmlNodePtr n, const char *name)
{
	return xmlGetNoNsProp(n, (const xmlChar *)name);
}

static const xmlChar *ns_of(xmlNodePtr n)
{
	return n->ns ? n->ns->href : NULL;
}

/* The content mode an Atom text construct declares (type and, in Atom
 * 0.3, mode); content with src is out of line. */
static int atom_mode(xmlNodePtr node, int content)
{
	xmlChar *type = attr(node, "type"), *mode = attr(node, "mode");
	xmlChar *out_of_line = content ? attr(node, "src") : NULL;
	char t[64];
	size_t n = 0;
	int m;

	if (type) {
		const xmlChar *p = type;

		while (is_ws(*p))
			p++;
		while (*p && *p != ';' && !is_ws(*p) && n + 1 < sizeof t)
			t[n++] = (char)lc(*p++);
	}
	t[n] = '\0';
	if (out_of_line || eqi(mode, "base64"))
		m = M_SKIP;
	else if (n == 0 || strcmp(t, "text") == 0 || strcmp(t, "text/plain") == 0)
		m = M_TEXT;
	else if (strcmp(t, "html") == 0 || strcmp(t, "text/html") == 0)
		m = M_HTML;
	else if (strcmp(t, "xhtml") == 0 || strstr(t, "xml"))
		m = eqi(mode, "escaped") ? M_HTML : M_XHTML;
	else if (strncmp(t, "text/", 5) == 0)
		m = M_TEXT;
	else
		m = M_SKIP;
	xmlFree(type);
	xmlFree(mode);
	xmlFree(out_of_line);
	return m;
}

static void cap_begin(feed_st *f, xmlNodePtr n, int field, int mode,
                      int depth, size_t max)
{
	f->cap = field;
	f->cap_mode = mode;
	f->cap_depth = depth;
	f->cap_max = max;
	erg_buf_clear(&f->raw);
	f->cap_node = n;
}

/* Does text look like HTML: a tag or an entity reference? */
static int looks_html(const char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		unsigned char c = (unsigned char)s[i + 1];

		if (s[i] == '<' && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return 1;
		if (s[i] == '<' && (c == '/' || c == '!'))
			return 1;
		if (s[i] == '&') {
			size_t j = i + 1;

			while (j < n && j - i < 12 &&
			       (((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z') ||
			        (s[j] >= '0' && s[j] <= '9') || s[j] == '#'))
				j++;
			if (j > i + 1 && j < n && s[j] == ';')
				return 1;
		}
	}
	return 0;
}

/* Append s with runs of white space made one space, trimmed. */
static erg_err put_collapsed(erg_buf *dst, const char *s, size_t n)
{
	int sp = 0;
	erg_err e = ERG_OK;

	for (size_t i = 0; i < n && !e; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0) {
			i++; /* no-break space */
			c = ' ';
		}
		if (is_ws(c) || c == '\f' || c == '\v') {
			sp = dst->len > 0;
			continue;
		}
		if (sp)
			e = erg_buf_putc(dst, ' ');
		sp = 0;
		if (!e)
			e = erg_buf_putc(dst, (char)c);
	}
	return e;
}

/* Append s trimmed of white space at both ends. */
static erg_err put_trimmed(erg_buf *dst, const char *s, size_t n)
{
	while (n > 0 && is_ws((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_ws((unsigned char)s[n - 1]))
		n--;
	return erg_buf_append(dst, s, n);
}

/* Make b valid UTF-8.  libxml2's recovery after an encoding error can
 * leave raw bytes of the real (undeclared) encoding in text; each such
 * byte is read as Windows-1252, the commonest undeclared encoding.  C1
 * controls (U+0080-U+009F: what a Latin-1 reading makes of
 * Windows-1252's quotes and dashes, never meant as text) become the
 * Windows-1252 characters too, as browsers do. */
static erg_err utf8_fix(erg_buf *b, erg_buf *scratch)
{
	static const unsigned short cp1252[32] = {
		0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
		0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
		0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
		0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178};
	const unsigned char *p = (const unsigned char *)b->data;
	size_t i = 0, k;
	erg_buf t;
	erg_err e = ERG_OK;

	while (i < b->len && (k = erg_utf8_char(p + i, b->len - i, NULL)) > 0 &&
	       !(p[i] == 0xc2 && p[i + 1] < 0xa0))
		i += k;
	if (i == b->len)
		return ERG_OK;
	erg_buf_clear(scratch);
	if ((e = erg_buf_append(scratch, b->data, i)))
		return e;
	while (i < b->len && !e) {
		k = erg_utf8_char(p + i, b->len - i, NULL);
		if (k == 2 && p[i] == 0xc2 && p[i + 1] < 0xa0) {
			i++; /* a C1 control: read its code as a Windows-1252 byte */
			k = 0;
		}
		if (k > 0) {
			e = erg_buf_append(scratch, b->data + i, k);
			i += k;
			continue;
		} else {
			unsigned int c = p[i] < 0x80 ? p[i]
			                 : p[i] < 0xa0 ? cp1252[p[i] - 0x80] : p[i];
			char u[3];

			if (c < 0x80) {
				u[0] = (char)c;
				e = erg_buf_append(scratch, u, 1);
			} else if (c < 0x800) {
				u[0] = (char)(0xc0 | (c >> 6));
				u[1] = (char)(0x80 | (c & 0x3f));
				e = erg_buf_append(scratch, u, 2);
			} else {
				u[0] = (char)(0xe0 | (c >> 12));
				u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
				u[2] = (char)(0x80 | (c & 0x3f));
				e = erg_buf_append(scratch, u, 3);
			}
			i++;
		}
	}
	t = *b;
	*b = *scratch;
	*scratch = t;
	return e;
}

/* The captured raw content as text, into f->tmp. */
static erg_err raw_to_text(feed_st *f, int mode)
{
	erg_buf_clear(&f->tmp);
	if (mode == M_SNIFF)
		mode = looks_html(f->raw.data, f->raw.len) ? M_HTML : M_TEXT;
	if (f->raw.len == 0 || mode == M_SKIP)
		return erg_buf_reserve(&f->tmp, 0);
	if (mode == M_TEXT)
		return erg_buf_append(&f->tmp, f->raw.data, f->raw.len);
	return erg_html_fragment_text(f->raw.data, f->raw.len, &f->tmp);
}

/* --- links: RFC 3986 reference resolution ----------------------------------
 *
 * Done here rather than with xmlBuildURI, which unescapes the path of a
 * relative reference ("a%2Fb" comes back as "a/b", "%26" as "&") and so
 * changes the link. */

typedef struct {
	const char *p;
	size_t n;
	int has;
} uri_part;

typedef struct {
	uri_part scheme, auth, path, query, frag;
} uri_ref;

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void uri_set(uri_part *u, const char *p, size_t n)
{
	u->p = p;
	u->n = n;
	u->has = 1;
}

static void uri_split(const char *s, size_t n, uri_ref *u)
{
	size_t i = 0, j;

	memset(u, 0, sizeof *u);
	if (n > 0 && is_alpha((unsigned char)s[0])) {
		for (j = 1; j < n && (is_alpha((unsigned char)s[j]) ||
		                      (s[j] >= '0' && s[j] <= '9') || s[j] == '+' ||
		                      s[j] == '-' || s[j] == '.');
		     j++)
			;
		if (j < n && s[j] == ':') {
			uri_set(&u->scheme, s, j);
			i = j + 1;
		}
	}
	if (n - i >= 2 && s[i] == '/' && s[i + 1] == '/') {
		i += 2;
		for (j = i; j < n && s[j] != '/' && s[j] != '?' && s[j] != '#'; j++)
			;
		uri_set(&u->auth, s + i, j - i);
		i = j;
	}
	for (j = i; j < n && s[j] != '?' && s[j] != '#'; j++)
		;
	uri_set(&u->path, s + i, j - i);
	i = j;
	if (i < n && s[i] == '?') {
		for (j = ++i; j < n && s[j] != '#'; j++)
			;
		uri_set(&u->query, s + i, j - i);
		i = j;
	}
	if (i < n && s[i] == '#')
		uri_set(&u->frag, s + i + 1, n - i - 1);
}

/* Drop the last segment of out->data[from..] and its '/'. */
static void uri_pop(erg_buf *out, size_t from)
{
	while (out->len > from && out->data[out->len - 1] != '/')
		out->len--;
	if (out->len > from)
		out->len--;
	out->data[out->len] = '\0';
}

/* RFC 3986 5.2.4, appending the result to out. */
static erg_err uri_dots(erg_buf *out, const char *p, size_t n)
{
	size_t from = out->len, i = 0, j;
	erg_err e = ERG_OK;

	if ((e = erg_buf_reserve(out, n)))
		return e;
	while (i < n && !e) {
		size_t rest = n - i;
		const char *q = p + i;

		if (rest >= 3 && memcmp(q, "../", 3) == 0) {
			i += 3;
		} else if (rest >= 2 && memcmp(q, "./", 2) == 0) {
			i += 2;
		} else if (rest >= 3 && memcmp(q, "/./", 3) == 0) {
			i += 2;
		} else if (rest == 2 && memcmp(q, "/.", 2) == 0) {
			e = erg_buf_putc(out, '/');
			i = n;
		} else if (rest >= 4 && memcmp(q, "/../", 4) == 0) {
			uri_pop(out, from);
			i += 3;
		} else if (rest == 3 && memcmp(q, "/..", 3) == 0) {
			uri_pop(out, from);
			e = erg_buf_putc(out, '/');
			i = n;
		} else if ((rest == 1 && q[0] == '.') ||
		           (rest == 2 && memcmp(q, "..", 2) == 0)) {
			i = n;
		} else {
			for (j = i + 1; j < n && p[j] != '/'; j++)
				;
			e = erg_buf_append(out, q, j - i);
			i = j;
		}
	}
	return e;
}

/* Percent-escape what a URI may not hold as is: controls, spaces and
 * "<>\"\\^`{|}".  Other bytes, '%' and UTF-8 (an IRI) among them, stay. */
static erg_err uri_escape(erg_buf *dst, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	erg_err e = ERG_OK;

	for (size_t i = 0; i < n && !e; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' ||
		    c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' ||
		    c == '}') {
			char esc[3] = {'%', hex[c >> 4], hex[c & 15]};

			e = erg_buf_append(dst, esc, 3);
		} else {
			e = erg_buf_putc(dst, (char)c);
		}
	}
	return e;
}

/* Resolve ref against base (RFC 3986 5.2.2) into out (cleared first). */
static erg_err uri_resolve(erg_buf *out, const char *ref, size_t rn,
                           const char *base, size_t bn)
{
	uri_ref r, b;
	const uri_part *auth, *query;
	erg_err e;

	erg_buf_clear(out);
	uri_split(ref, rn, &r);
	if (r.scheme.has || bn == 0)
		return erg_buf_append(out, ref, rn);
	uri_split(base, bn, &b);
	if (b.scheme.has &&
	    ((e = erg_buf_append(out, b.scheme.p, b.scheme.n)) ||
	     (e = erg_buf_putc(out, ':'))))
		return e;
	auth = r.auth.has ? &r.auth : &b.auth;
	if (auth->has && ((e = erg_buf_append(out, "//", 2)) ||
	                  (e = erg_buf_append(out, auth->p, auth->n))))
		return e;
	query = &r.query;
	if (r.auth.has) {
		e = uri_dots(out, r.path.p, r.path.n);
	} else if (r.path.n == 0) {
		e = erg_buf_append(out, b.path.p, b.path.n);
		if (!r.query.has)
			query = &b.query;
	} else if (r.path.p[0] == '/') {
		e = uri_dots(out, r.path.p, r.path.n);
	} else {
		/* Merge: the base path up to its last '/', then the reference. */
		erg_buf m = ERG_BUF_INIT;
		size_t k = b.path.n;

		while (k > 0 && b.path.p[k - 1] != '/')
			k--;
		if (b.auth.has && b.path.n == 0)
			e = erg_buf_putc(&m, '/');
		else
			e = erg_buf_append(&m, b.path.p, k);
		if (!e)
			e = erg_buf_append(&m, r.path.p, r.path.n);
		if (!e)
			e = uri_dots(out, m.data, m.len);
		erg_buf_free(&m);
	}
	if (!e && query->has &&
	    (!(e = erg_buf_putc(out, '?'))))
		e = erg_buf_append(out, query->p, query->n);
	if (!e && r.frag.has && !(e = erg_buf_putc(out, '#')))
		e = erg_buf_append(out, r.frag.p, r.frag.n);
	return e;
}

/* The base URI in effect at node n: the feed's name, then every xml:base
 * from the outermost in. */
static erg_err node_base(feed_st *f, xmlNodePtr n, erg_buf *out)
{
	xmlNodePtr chain[32];
	size_t k = 0;
	erg_buf esc = ERG_BUF_INIT, next = ERG_BUF_INIT, t;
	erg_err e;

	for (xmlNodePtr p = n; p && p->type == XML_ELEMENT_NODE && k < 32;
	     p = p->parent)
		if (xmlHasNsProp(p, (const xmlChar *)"base", XML_XML_NAMESPACE))
			chain[k++] = p;
	erg_buf_clear(out);
	if ((e = erg_buf_puts(out, f->url)))
		goto out;
	while (k-- > 0) {
		xmlChar *v = xmlGetNsProp(chain[k], (const xmlChar *)"base",
		                          XML_XML_NAMESPACE);

		if (!v)
			continue;
		if (strlen((const char *)v) > FEED_SHORT_MAX) {
			xmlFree(v);
			continue;
		}
		erg_buf_clear(&esc);
		e = uri_escape(&esc, (const char *)v, strlen((const char *)v));
		xmlFree(v);
		if (!e)
			e = uri_resolve(&next, esc.data ? esc.data : "", esc.len,
			                out->data, out->len);
		if (e)
			goto out;
		t = *out;
		*out = next;
		next = t;
	}
out:
	erg_buf_free(&esc);
	erg_buf_free(&next);
	return e;
}

/* Offer a link of some rank; the highest rank, first seen, wins.  It is
 * resolved against the base URI in effect at node at (xml:base in scope,
 * then the feed's name). */
static void offer_link(feed_st *f, int rank, const char *href, size_t n,
                       xmlNodePtr at)
{
	erg_buf base = ERG_BUF_INIT, esc = ERG_BUF_INIT;
	erg_err e;

	if (rank <= f->it.link_rank || f->err)
		return;
	while (n > 0 && is_ws((unsigned char)*href)) {
		href++;
		n--;
	}
	while (n > 0 && is_ws((unsigned char)href[n - 1]))
		n--;
	if (n == 0 || n > FEED_SHORT_MAX || memchr(href, '\0', n))
		goto out;
	if ((e = uri_escape(&esc, href, n)) ||
	    (e = node_base(f, at, &base)) ||
	    (e = uri_resolve(&f->it.link, esc.data, esc.len,
	                     base.data ? base.data : "", base.len))) {
		fail(f, e);
		goto out;
	}
	f->it.link_rank = rank;
	f->it.any = 1;
out:
	erg_buf_free(&base);
	erg_buf_free(&esc);
}

static void offer_id(feed_st *f, int rank, const char *s, size_t n)
{
	erg_err e;

	if (rank <= f->it.id_rank || f->err)
		return;
	erg_buf_clear(&f->it.id);
	if ((e = put_trimmed(&f->it.id, s, n))) {
		fail(f, e);
		return;
	}
	if (f->it.id.len) {
		f->it.id_rank = rank;
		f->it.any = 1;
	}
}

static void offer_date(feed_st *f, char *slot)
{
	char iso[24];

	if (slot[0] || f->raw.len == 0)
		return;
	if (erg_date_iso(f->raw.data, f->raw.len, iso, sizeof iso))
		memcpy(slot, iso, sizeof iso);
}

static int is_http(const char *s, size_t n)
{
	while (n > 0 && is_ws((unsigned char)*s)) {
		s++;
		n--;
	}
	return (n > 7 && strncmp(s, "http://", 7) == 0) ||
	       (n > 8 && strncmp(s, "https://", 8) == 0);
}

/* The end of a captured field. */
static void cap_end(feed_st *f)
{
	int field = f->cap;
	erg_err e = ERG_OK;

	f->cap = F_NONE;
	if (f->err)
		goto out;
	if (f->raw.len)
		f->it.any = 1;
	if ((e = utf8_fix(&f->raw, &f->tmp))) {
		fail(f, e);
		goto out;
	}
	switch (field) {
	case F_TITLE:
	case F_AUTHOR:
	case F_FEED_TITLE: {
		erg_buf *dst = field == F_TITLE ? &f->it.title
		               : field == F_AUTHOR ? &f->it.author : &f->feed_title;

		if (dst->len)
			break;
		if (!(e = raw_to_text(f, f->cap_mode)))
			e = put_collapsed(dst, f->tmp.data, f->tmp.len);
		if (field == F_FEED_TITLE)
			f->feed_title_done = 1;
		break;
	}
	case F_LINK:
		offer_link(f, 3, f->raw.data ? f->raw.data : "", f->raw.len,
		           f->cap_node);
		break;
	case F_ID:
		offer_id(f, 3, f->raw.data ? f->raw.data : "", f->raw.len);
		if (f->it.perma && is_http(f->raw.data ? f->raw.data : "",
		                           f->raw.len))
			offer_link(f, 1, f->raw.data, f->raw.len, f->cap_node);
		break;
	case F_PUB:
		offer_date(f, f->it.pub);
		break;
	case F_UPD:
		offer_date(f, f->it.upd);
		break;
	case F_TEXT:
		if ((e = raw_to_text(f, f->cap_mode)))
			break;
		{
			/* Keep the fullest of the candidates. */
			const char *s = f->tmp.data;
			size_t n = f->tmp.len;

			while (n > 0 && is_ws((unsigned char)*s)) {
				s++;
				n--;
			}
			while (n > 0 && is_ws((unsigned char)s[n - 1]))
				n--;
			if (n > f->it.text.len) {
				erg_buf_clear(&f->it.text);
				e = erg_buf_append(&f->it.text, s, n);
			}
		}
		break;
	default:
		break;
	}
	if (e)
		fail(f, e);
out:
	erg_buf_clear(&f->raw);
	f->cap_node = NULL;
}

/* --- items ---------------------------------------------------------------- */

static void item_reset(feed_st *f)
{
	item_st *it = &f->it;

	erg_buf_clear(&it->title);
	erg_buf_clear(&it->link);
	erg_buf_clear(&it->id);
	erg_buf_clear(&it->author);
	erg_buf_clear(&it->text);
	it->link_rank = it->id_rank = 0;
	it->perma = 0;
	it->pub[0] = it->upd[0] = '\0';
	it->bytes = it->visits = 0;
	it->any = 0;
}

static const char *nz(const erg_buf *b)
{
	return b->len ? b->data : NULL;
}

static erg_err item_emit(feed_st *f)
{
	erg_feed_item item;
	erg_err e;

	if (f->cap != F_NONE)
		cap_end(f);
	if (f->err)
		return f->err;
	{
		/* Every string handed out is valid UTF-8. */
		erg_buf *all[] = {&f->it.title, &f->it.link, &f->it.id,
		                  &f->it.author, &f->it.text, &f->feed_title};

		for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
			if ((e = utf8_fix(all[i], &f->tmp))) {
				fail(f, e);
				return e;
			}
	}
	memset(&item, 0, sizeof item);
	item.title = nz(&f->it.title);
	item.link = nz(&f->it.link);
	item.date = f->it.pub[0] ? f->it.pub : f->it.upd[0] ? f->it.upd : NULL;
	item.id = nz(&f->it.id);
	item.author = nz(&f->it.author);
	item.text = nz(&f->it.text);
	item.feed_title = nz(&f->feed_title);
	f->in_item = 0;
	f->nitems++;
	e = f->fn(f->arg, &item);
	item_reset(f);
	return e;
}

static int is_item(const feed_st *f, const xmlChar *local, const xmlChar *ns)
{
	if (eq(local, "item") && (ns_rss(ns) || ns_atom(f, ns)))
		return 1;
	if (eq(local, "entry") && ns_atom(f, ns))
		return 1;
	return f->fmt == FMT_CDF && eqi(local, "item");
}

static void item_begin(feed_st *f, xmlNodePtr n, int depth)
{
	xmlChar *v;

	item_reset(f);
	f->in_item = 1;
	f->item_depth = depth;
	if (f->fmt == FMT_CDF) {
		if ((v = attr(n, "HREF")) || (v = attr(n, "href"))) {
			offer_link(f, 2, (const char *)v, strlen((const char *)v), n);
			xmlFree(v);
		}
		return;
	}
	v = xmlGetNsProp(n, (const xmlChar *)"about", (const xmlChar *)NS_RDF);
	if (v) {
		offer_id(f, 1, (const char *)v, strlen((const char *)v));
		offer_link(f, 1, (const char *)v, strlen((const char *)v), n);
		xmlFree(v);
	}
}

/* An Atom <link>: rel="alternate" or no rel is the entry's page. */
static void atom_link(feed_st *f, xmlNodePtr n)
{
	xmlChar *rel = attr(n, "rel"), *href = attr(n, "href");

	if (href && (!rel || eqi(rel, "alternate")))
		offer_link(f, f->fmt == FMT_ATOM ? 3 : 2, (const char *)href,
		           strlen((const char *)href), n);
	xmlFree(rel);
	xmlFree(href);
}

/* A child element of an item or entry. */
static void item_child(feed_st *f, xmlNodePtr n, int depth)
{
	const xmlChar *local = n->name, *ns = ns_of(n);
	int rss = ns_rss(ns), atom = ns_atom(f, ns);

	if (f->fmt == FMT_CDF) {
		if (eqi(local, "title"))
			cap_begin(f, n, F_TITLE, M_SNIFF, depth, FEED_SHORT_MAX);
		else if (eqi(local, "abstract"))
			cap_begin(f, n, F_TEXT, M_SNIFF, depth, FEED_FIELD_MAX);
		return;
	}
	if (eq(local, "title") && (rss || atom))
		cap_begin(f, n, F_TITLE, atom ? atom_mode(n, 0) : M_SNIFF, depth,
		          FEED_SHORT_MAX);
	else if (eq(local, "title") && ns_is(ns, NS_DC))
		cap_begin(f, n, F_TITLE, M_SNIFF, depth, FEED_SHORT_MAX);
	else if (eq(local, "link") && atom)
		atom_link(f, n);
	else if (eq(local, "link") && rss)
		cap_begin(f, n, F_LINK, M_TEXT, depth, FEED_SHORT_MAX);
	else if (eq(local, "guid") && rss) {
		xmlChar *p = attr(n, "isPermaLink");

		f->it.perma = !eqi(p, "false");
		xmlFree(p);
		cap_begin(f, n, F_ID, M_TEXT, depth, FEED_SHORT_MAX);
	} else if (eq(local, "id") && atom)
		cap_begin(f, n, F_ID, M_TEXT, depth, FEED_SHORT_MAX);
	else if (eq(local, "author") && atom) {
		if (depth < FEED_STACK)
			f->kinds[depth] = K_AUTHOR;
	} else if ((eq(local, "author") && rss) ||
	           (eq(local, "creator") && ns_is(ns, NS_DC)))
		cap_begin(f, n, F_AUTHOR, M_TEXT, depth, FEED_SHORT_MAX);
	else if ((eq(local, "pubDate") && rss) ||
	         (eq(local, "date") && ns_is(ns, NS_DC)) ||
	         ((eq(local, "published") || eq(local, "issued") ||
	           eq(local, "created")) && (atom || ns_is(ns, NS_DCTERMS))))
		cap_begin(f, n, F_PUB, M_TEXT, depth, 256);
	else if ((eq(local, "updated") || eq(local, "modified")) &&
	         (atom || ns_is(ns, NS_DCTERMS)))
		cap_begin(f, n, F_UPD, M_TEXT, depth, 256);
	else if ((eq(local, "description") && (rss || ns_is(ns, NS_DC))) ||
	         (eq(local, "encoded") && ns_is(ns, NS_CONTENT)))
		cap_begin(f, n, F_TEXT, M_HTML, depth, FEED_FIELD_MAX);
	else if ((eq(local, "content") || eq(local, "summary")) && atom)
		cap_begin(f, n, F_TEXT, atom_mode(n, eq(local, "content")), depth,
		          FEED_FIELD_MAX);
}

static void on_start(feed_st *f, xmlNodePtr n, int depth)
{
	const xmlChar *local = n->name, *ns = ns_of(n);
	int parent = depth > 0 && depth <= FEED_STACK ? f->kinds[depth - 1]
	                                              : K_OTHER;

	if (depth < FEED_STACK)
		f->kinds[depth] = K_OTHER;
	if (f->cap != F_NONE) {
		cap_tag(f, local, 0);
		return;
	}
	if (depth == 0) {
		if (eq(local, "rss")) {
			f->fmt = FMT_RSS;
		} else if (eq(local, "RDF")) {
			f->fmt = FMT_RDF;
		} else if (eq(local, "feed")) {
			f->fmt = FMT_ATOM;
			f->kinds[0] = K_FEED;
			if (!ns || strlen((const char *)ns) < sizeof f->root_ns) {
				snprintf(f->root_ns, sizeof f->root_ns, "%s",
				         ns ? (const char *)ns : "");
				f->root_ns_ok = 1;
			}
		} else if (eq(local, "CHANNEL")) {
			f->fmt = FMT_CDF;
			f->kinds[0] = K_CHANNEL;
		} else if (eq(local, "channel") && ns_rss(ns)) {
			f->fmt = FMT_RSS;
			f->kinds[0] = K_CHANNEL;
		}
	}
	if (!f->in_item) {
		if (is_item(f, local, ns)) {
			item_begin(f, n, depth);
		} else if (depth > 0 && depth < FEED_STACK &&
		           ((eq(local, "channel") && ns_rss(ns)) ||
		            (f->fmt == FMT_CDF && eqi(local, "channel")))) {
			f->kinds[depth] = K_CHANNEL;
		} else if (!f->feed_title_done &&
		           (parent == K_CHANNEL || parent == K_FEED) &&
		           (f->fmt == FMT_CDF ? eqi(local, "title")
		                              : eq(local, "title"))) {
			cap_begin(f, n, F_FEED_TITLE,
			          ns_atom(f, ns) ? atom_mode(n, 0) : M_SNIFF, depth,
			          FEED_SHORT_MAX);
		}
		return;
	}
	if (depth == f->item_depth + 1)
		item_child(f, n, depth);
	else if (depth == f->item_depth + 2 && parent == K_AUTHOR &&
	         eq(local, "name") && ns_atom(f, ns))
		cap_begin(f, n, F_AUTHOR, M_TEXT, depth, FEED_SHORT_MAX);
}

static erg_err on_end(feed_st *f, xmlNodePtr n, int depth)
{
	if (f->cap != F_NONE) {
		if (depth > f->cap_depth) {
			cap_tag(f, n->name, 1);
			return ERG_OK;
		}
		cap_end(f);
	}
	if (f->in_item && depth == f->item_depth) {
		if (f->recovering && !f->it.any) {
			/* An item the error cut off before it said anything. */
			f->in_item = 0;
			item_reset(f);
			return f->err;
		}
		return item_emit(f);
	}
	return f->err;
}

/* Character data or an entity reference. */
static void on_leaf(feed_st *f, xmlNodePtr n)
{
	if (f->cap == F_NONE)
		return;
	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (n->content)
			cap_text(f, (const char *)n->content,
			         strlen((const char *)n->content));
		break;
	case XML_ENTITY_REF_NODE:
		cap_entity(f, n, 0);
		break;
	default:
		break;
	}
}

/* Replay a parsed subtree as the reader would have delivered it. */
static erg_err replay(feed_st *f, xmlNodePtr n, int depth)
{
	erg_err e;

	if (n->type != XML_ELEMENT_NODE) {
		on_leaf(f, n);
		return f->err;
	}
	if (depth >= FEED_STACK)
		return ERG_OK;
	on_start(f, n, depth);
	for (xmlNodePtr c = n->children; c && !f->err; c = c->next)
		if ((e = replay(f, c, depth + 1)))
			return e;
	return on_end(f, n, depth);
}

static int node_depth(xmlNodePtr n)
{
	int d = 0;

	for (n = n->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent)
		d++;
	return d;
}

/* After a well-formedness error the reader gives up at once, although
 * libxml2 (in recover mode) has already built the nodes of the rest of
 * the chunk it was parsing, and the items there are often complete.
 * Walk that tree on from where the reader stopped, then close the
 * elements left open.  When the reader stopped before delivering
 * anything, the partial document is taken over (*doc, to be freed). */
static erg_err recover_rest(feed_st *f, xmlDocPtr *doc)
{
	xmlNodePtr cur = xmlTextReaderCurrentNode(f->r), next, parent;
	int depth;
	erg_err e;

	f->recovering = 1;
	if (!cur) {
		*doc = xmlTextReaderCurrentDoc(f->r);
		if (!*doc)
			return ERG_OK;
		next = (*doc)->children;
		parent = NULL;
		depth = 0;
	} else if (cur == f->last && f->last_open) {
		next = cur->children;
		parent = cur;
		depth = node_depth(cur) + 1;
	} else if (cur == f->last) {
		next = cur->next;
		parent = cur->parent;
		depth = node_depth(cur);
	} else {
		/* The reader had moved to a node it did not deliver. */
		next = cur;
		parent = cur->parent;
		depth = node_depth(cur);
	}
	for (;;) {
		for (; next; next = next->next)
			if ((e = replay(f, next, depth)))
				return e;
		if (!parent || parent->type != XML_ELEMENT_NODE || depth <= 0)
			break;
		depth--;
		if ((e = on_end(f, parent, depth)))
			return e;
		next = parent->next;
		parent = parent->parent;
	}
	return f->err;
}

static void feed_free(feed_st *f)
{
	erg_buf_free(&f->it.title);
	erg_buf_free(&f->it.link);
	erg_buf_free(&f->it.id);
	erg_buf_free(&f->it.author);
	erg_buf_free(&f->it.text);
	erg_buf_free(&f->feed_title);
	erg_buf_free(&f->raw);
	erg_buf_free(&f->tmp);
}

/* Forget what one pass over the document learnt, for another. */
static void feed_restart(feed_st *f)
{
	f->fmt = FMT_UNKNOWN;
	f->root_ns[0] = '\0';
	f->root_ns_ok = 0;
	f->in_item = f->item_depth = 0;
	item_reset(f);
	erg_buf_clear(&f->feed_title);
	f->feed_title_done = 0;
	f->cap = F_NONE;
	f->cap_node = NULL;
	erg_buf_clear(&f->raw);
	f->last = NULL;
	f->last_open = f->recovering = 0;
	f->xml_err = f->enc_err = 0;
	f->err_line = 0;
	f->err_msg[0] = '\0';
}

/* One pass of the reader over the stream.  *ret is what the reader's
 * last read returned (0 at the end, -1 after an error). */
static erg_err read_pass(feed_st *f, src *s, const char *encoding, int *ret)
{
	erg_err e = ERG_OK;

	f->r = xmlReaderForIO(src_read, src_close, s,
	                      *f->url ? f->url : NULL, encoding,
	                      XML_PARSE_NONET | XML_PARSE_RECOVER |
	                      XML_PARSE_NOCDATA);
	if (!f->r)
		return ERG_ENOMEM;
	xmlTextReaderSetStructuredErrorHandler(f->r, on_xml_error, f);
	while ((*ret = xmlTextReaderRead(f->r)) == 1) {
		xmlNodePtr n = xmlTextReaderCurrentNode(f->r);
		int type = xmlTextReaderNodeType(f->r);
		int depth = xmlTextReaderDepth(f->r);
		int open = 0;

		if (!n || depth < 0)
			continue;
		switch (type) {
		case XML_READER_TYPE_ELEMENT:
			on_start(f, n, depth);
			if (xmlTextReaderIsEmptyElement(f->r))
				e = on_end(f, n, depth);
			else
				open = 1;
			break;
		case XML_READER_TYPE_END_ELEMENT:
			e = on_end(f, n, depth);
			break;
		default:
			on_leaf(f, n);
			break;
		}
		if (!e)
			e = f->err;
		if (e)
			break;
		f->last = n;
		f->last_open = open;
	}
	return e;
}

erg_err erg_feed_read(erg_feed_read_fn read, void *ctx, const char *name,
                      const char *encoding, erg_feed_item_fn fn, void *arg,
                      erg_errinfo *ei)
{
	xmlGenericErrorFunc old_generic;
	void *old_generic_ctx;
	feed_st *f = NULL;
	src *s = NULL;
	erg_err e = ERG_OK;
	xmlDocPtr doc = NULL;
	xmlCharEncodingHandlerPtr h;
	char msg[224];
	unsigned long line = 0;
	int ret = 0;

	if (!name)
		name = "";
	if (!read || !fn)
		return erg_fail(ei, ERG_EINVAL, name, 0, "no reader or callback");
	pthread_once(&feed_once, feed_init);
	if (encoding) {
		if (!(h = xmlFindCharEncodingHandler(encoding)))
			return erg_fail(ei, ERG_EINVAL, name, 0, "unknown encoding");
		xmlCharEncCloseFunc(h);
	}
	f = calloc(1, sizeof *f);
	s = calloc(1, sizeof *s);
	if (!f || !s) {
		free(f);
		free(s);
		return erg_fail(ei, ERG_ENOMEM, name, 0, "out of memory");
	}
	s->read = read;
	s->ctx = ctx;
	s->forced = encoding;
	f->fn = fn;
	f->arg = arg;
	f->url = *name && strcmp(name, "-") != 0 ? name : "";

	/* Nothing libxml2 says goes to stderr. */
	old_generic = xmlGenericError;
	old_generic_ctx = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, feed_silent);

	e = read_pass(f, s, encoding, &ret);
	/* A feed in an undeclared 8-bit encoding fails at its first
	 * non-ASCII byte.  If that happens before any item has been handed
	 * out and within the bytes kept, read it again as Latin-1 (which
	 * takes any byte) and map C1 controls to Windows-1252 (the superset
	 * of Latin-1 such feeds are written in), reporting the first error
	 * if that fails too. */
	if (!e && ret < 0 && f->nitems == 0 && f->enc_err && !encoding &&
	    !s->has_enc && !s->replay_over && !s->io_err && !s->gz_err) {
		line = f->err_line ? f->err_line + s->dropped_lines : 0;
		snprintf(msg, sizeof msg, "%s", f->err_msg);
		xmlFreeTextReader(f->r);
		f->r = NULL;
		feed_restart(f);
		src_rewind(s, "ISO-8859-1");
		e = read_pass(f, s, "ISO-8859-1", &ret);
	} else {
		msg[0] = '\0';
	}
	if (!e && ret < 0 && !s->io_err && f->r)
		e = recover_rest(f, &doc);
	if (e) {
		/* Our own failure, or the callback's verdict. */
		if (e == f->err || !f->r)
			e = erg_fail(ei, e, name, 0, erg_strerror(e));
		goto out;
	}
	if (s->io_err) {
		errno = s->saved_errno;
		e = erg_fail(ei, ERG_EIO, name, 0, "read error");
		goto out;
	}
	if (f->nitems > 0)
		goto out;
	if (ret < 0 || s->gz_err) {
		if (!msg[0]) {
			line = f->err_line ? f->err_line + s->dropped_lines : 0;
			snprintf(msg, sizeof msg, "%s", s->gz_err ? s->gz_err
			         : f->xml_err ? f->err_msg : "not well-formed XML");
		}
		e = erg_fail(ei, ERG_ESYNTAX, name, line, msg);
	} else if (f->fmt == FMT_UNKNOWN) {
		e = erg_fail(ei, ERG_ESYNTAX, name, 0, "not an RSS or Atom feed");
	}
out:
	if (f->r)
		xmlFreeTextReader(f->r);
	if (doc)
		xmlFreeDoc(doc);
	xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
	if (s->gz_init)
		inflateEnd(&s->z);
	feed_free(f);
	free(f);
	free(s);
	return e;
}
