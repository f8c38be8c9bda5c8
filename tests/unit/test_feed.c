/* test_feed.c - RSS and Atom feeds read as a stream (feed.h): the four
 * formats, links and xml:base, content types, encodings, repair and
 * recovery of ill-formed feeds, hostile documents, caps. */
#include <errno.h>
#include <time.h>

#include <zlib.h>

#include "testutil.h"

#include "feed.h"
#include "html.h"

/* tests/unit/test_feed.c -> tests/fixtures/feeds/ */
static const char *fixture_dir(void)
{
	static char dir[512];
	const char *f = __FILE__;
	const char *slash = strrchr(f, '/');
	size_t n = slash ? (size_t)(slash - f) : 0;

	/* drop "/unit" */
	while (n > 0 && f[n - 1] != '/')
		n--;
	snprintf(dir, sizeof dir, "%.*sfixtures/feeds", (int)n, f);
	return dir;
}

/* --- collecting items --------------------------------------------------- */

typedef struct {
	char *title, *link, *date, *id, *author, *text, *feed_title;
} got_item;

typedef struct {
	got_item *v;
	size_t n, cap;
	size_t stop_after; /* return ERG_EINVAL after this many, if not 0 */
} got;

static char *dup_or_null(const char *s)
{
	char *p;

	if (!s)
		return NULL;
	p = malloc(strlen(s) + 1);
	assert_non_null(p);
	strcpy(p, s);
	return p;
}

/* Every string the reader hands out is valid UTF-8. */
static int valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		int k = *p < 0x80 ? 0 : *p >= 0xc2 && *p <= 0xdf ? 1
		        : *p >= 0xe0 && *p <= 0xef ? 2 : *p >= 0xf0 && *p <= 0xf4 ? 3
		        : -1;

		if (k < 0)
			return 0;
		for (p++; k > 0; k--, p++)
			if ((*p & 0xc0) != 0x80)
				return 0;
	}
	return 1;
}

static erg_err collect(void *arg, const erg_feed_item *it)
{
	got *g = arg;
	const char *all[] = {it->title, it->link, it->date, it->id,
	                     it->author, it->text, it->feed_title};
	got_item *x;

	for (size_t i = 0; i < TU_COUNT(all); i++) {
		if (all[i] && !valid_utf8(all[i]))
			print_error("invalid UTF-8: %s\n", all[i]);
		assert_true(!all[i] || valid_utf8(all[i]));
		/* empty fields are NULL */
		assert_true(!all[i] || all[i][0]);
	}
	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 8;
		got_item *v = realloc(g->v, cap * sizeof *v);

		assert_non_null(v);
		g->v = v;
		g->cap = cap;
	}
	x = &g->v[g->n++];
	x->title = dup_or_null(it->title);
	x->link = dup_or_null(it->link);
	x->date = dup_or_null(it->date);
	x->id = dup_or_null(it->id);
	x->author = dup_or_null(it->author);
	x->text = dup_or_null(it->text);
	x->feed_title = dup_or_null(it->feed_title);
	if (g->stop_after && g->n == g->stop_after)
		return ERG_EINVAL;
	return ERG_OK;
}

static void got_free(got *g)
{
	for (size_t i = 0; i < g->n; i++) {
		got_item *x = &g->v[i];

		free(x->title);
		free(x->link);
		free(x->date);
		free(x->id);
		free(x->author);
		free(x->text);
		free(x->feed_title);
	}
	free(g->v);
	memset(g, 0, sizeof *g);
}

/* --- reading from memory ------------------------------------------------- */

typedef struct {
	const char *data;
	size_t len, off;
	size_t chunk;   /* at most this many bytes per read (0: any) */
	size_t fail_at; /* fail once this many bytes are read (0: never) */
} mem;

static int mem_read(void *ctx, char *buf, int len)
{
	mem *m = ctx;
	size_t k = m->len - m->off;

	if (m->fail_at && m->off >= m->fail_at) {
		errno = EIO;
		return -1;
	}
	if (k > (size_t)len)
		k = (size_t)len;
	if (m->chunk && k > m->chunk)
		k = m->chunk;
	memcpy(buf, m->data + m->off, k);
	m->off += k;
	return (int)k;
}

static erg_err read_mem(const char *data, size_t len, size_t chunk,
                        const char *name, const char *enc, got *g,
                        erg_errinfo *ei)
{
	mem m = {data, len, 0, chunk, 0};

	memset(ei, 0, sizeof *ei);
	return erg_feed_read(mem_read, &m, name, enc, collect, g, ei);
}

static erg_err read_str(const char *s, got *g, erg_errinfo *ei)
{
	return read_mem(s, strlen(s), 0, "mem.xml", NULL, g, ei);
}

static char *load(const char *name, size_t *len)
{
	char path[1024];
	FILE *f;
	char *p;
	long n;

	snprintf(path, sizeof path, "%s/%s", fixture_dir(), name);
	f = fopen(path, "rb");
	if (!f)
		print_error("cannot open %s\n", path);
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	p = malloc((size_t)n + 1);
	assert_non_null(p);
	assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
	p[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return p;
}

static erg_err read_fixture(const char *name, size_t chunk, const char *enc,
                            got *g, erg_errinfo *ei)
{
	size_t len;
	char *data = load(name, &len);
	erg_err e = read_mem(data, len, chunk, name, enc, g, ei);

	free(data);
	return e;
}

/* --- expectations ---------------------------------------------------------- */

static void eq_str(const char *got_s, const char *want)
{
	if (!want) {
		if (got_s)
			print_error("expected NULL, got \"%s\"\n", got_s);
		assert_null(got_s);
		return;
	}
	if (!got_s)
		print_error("expected \"%s\", got NULL\n", want);
	assert_non_null(got_s);
	assert_string_equal(got_s, want);
}

static void has(const char *s, const char *part)
{
	if (!s || !strstr(s, part))
		print_error("missing \"%s\" in: %s\n", part, s ? s : "(null)");
	assert_non_null(s);
	assert_non_null(strstr(s, part));
}

static void lacks(const char *s, const char *part)
{
	if (s && strstr(s, part))
		print_error("unexpected \"%s\" in: %s\n", part, s);
	assert_true(!s || !strstr(s, part));
}

/* What the reader makes of an HTML fragment as item text: the HTML
 * module's text, trimmed (so these tests do not depend on how html.c
 * lays text out). */
static char *html_text(const char *html)
{
	erg_buf b = ERG_BUF_INIT;
	size_t s = 0, e;
	char *out;

	assert_int_equal(erg_html_fragment_text(html, strlen(html), &b), ERG_OK);
	e = b.len;
	while (s < e && strchr(" \t\r\n", b.data[s]))
		s++;
	while (e > s && strchr(" \t\r\n", b.data[e - 1]))
		e--;
	out = tu_slice(b.data ? b.data : "", s, e - s);
	erg_buf_free(&b);
	return out;
}

/* ... and as a title: white space runs made one space. */
static char *html_title(const char *html)
{
	char *t = html_text(html), *w = t;
	int sp = 0;

	for (const char *r = t; *r; r++) {
		if (strchr(" \t\r\n", *r)) {
			sp = w > t;
			continue;
		}
		if (sp)
			*w++ = ' ';
		sp = 0;
		*w++ = *r;
	}
	*w = '\0';
	return t;
}

static void eq_html_text(const char *got_s, const char *html)
{
	char *want = html_text(html);

	eq_str(got_s, *want ? want : NULL);
	free(want);
}

static void eq_html_title(const char *got_s, const char *html)
{
	char *want = html_title(html);

	eq_str(got_s, *want ? want : NULL);
	free(want);
}

/* --- the four formats ------------------------------------------------------ */

static void rss20(void **state)
{
	got g = {0};
	erg_errinfo ei;
	const got_item *x;

	(void)state;
	assert_int_equal(read_fixture("rss20.xml", 0, NULL, &g, &ei), ERG_OK);
	assert_int_equal(g.n, 4);

	x = &g.v[0];
	eq_str(x->title, "Regulator summons chipmaker");
	/* relative, against the channel's xml:base */
	eq_str(x->link,
	       "http://news.example.com/world/2024/05/regulator-summons.html");
	eq_str(x->date, "2024-05-14T01:30:00Z");
	eq_str(x->id, "urn:example:1001");
	eq_str(x->author, "Ada Writer");
	/* the image's title is not the feed's */
	eq_str(x->feed_title, "Example & Co. World News");
	/* CDATA HTML; content:encoded is fuller than the description */
	eq_html_text(x->text,
	             "<p>Regulators <b>summoned</b> the chipmaker on Monday.</p>"
	             "<script>var x = \"script text\";</script>"
	             "<p>The company said it would cooperate.</p>");
	has(x->text, "on Monday");

	x = &g.v[1];
	/* an RSS title holding escaped markup is read as HTML */
	eq_html_title(x->title, "Export <b>licences</b> halted");
	lacks(x->title, "<b>");
	/* <link> (trimmed) wins over an atom:link */
	eq_str(x->link, "http://news.example.com/world/2024/05/licences.html");
	eq_str(x->author, "desk@example.com (Bob Reporter)");
	eq_str(x->date, "2024-05-15T18:00:00Z");
	eq_str(x->id, NULL);
	/* escaped HTML, unescaped once by XML, once by HTML */
	eq_html_text(x->text,
	             "<p>The ministry <i>halted</i> licences &amp; permits.</p>");
	has(x->text, "licences & permits");

	x = &g.v[2];
	/* no <link>: the guid is a permalink */
	eq_str(x->link, "http://news.example.com/world/2024/05/permalink.html");
	eq_str(x->id, "http://news.example.com/world/2024/05/permalink.html");
	eq_str(x->date, "2024-05-16T11:15:00Z");
	eq_str(x->text, "Plain words, no markup at all.");

	/* an empty item still yields one item, with empty fields */
	x = &g.v[3];
	eq_str(x->title, NULL);
	eq_str(x->link, NULL);
	eq_str(x->date, NULL);
	eq_str(x->id, NULL);
	eq_str(x->author, NULL);
	eq_str(x->text, NULL);
	eq_str(x->feed_title, "Example & Co. World News");
	got_free(&g);
}

static void rss10_rdf(void **state)
{
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(read_fixture("rdf.xml", 0, NULL, &g, &ei), ERG_OK);
	assert_int_equal(g.n, 2);
	eq_str(g.v[0].title, "First RDF item");
	eq_str(g.v[0].link, "http://rdf.example.com/a");
	eq_str(g.v[0].id, "http://rdf.example.com/a"); /* rdf:about */
	eq_str(g.v[0].date, "2003-06-10T02:00:00Z");
	eq_str(g.v[0].author, "Carol Analyst");
	eq_str(g.v[0].text, "The first item's description.");
	eq_str(g.v[0].feed_title, "RDF Site Summary");

	eq_str(g.v[1].title, "Second RDF item");
	eq_str(g.v[1].link, "http://rdf.example.com/b"); /* from rdf:about */
	eq_str(g.v[1].date, "2003-06-11T00:00:00Z");
	eq_html_text(g.v[1].text, "<p>Body of the <em>second</em> item.</p>");
	has(g.v[1].text, "second");
	got_free(&g);
}

static void atom03(void **state)
{
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(read_fixture("atom03.xml", 0, NULL, &g, &ei), ERG_OK);
	assert_int_equal(g.n, 3);
	eq_str(g.v[0].title, "Escaped entry");
	eq_str(g.v[0].link, "http://atom03.example.com/1");
	eq_str(g.v[0].id, "tag:atom03.example.com,2004:1");
	eq_str(g.v[0].date, "2003-12-13T12:29:29Z"); /* issued, not modified */
	eq_str(g.v[0].author, "Dan Blogger");
	eq_str(g.v[0].feed_title, "Atom 0.3 Feed");
	/* mode="escaped" */
	eq_html_text(g.v[0].text, "<p>Escaped <b>HTML</b> content.</p>");

	eq_str(g.v[1].date, "2003-12-15T10:00:00Z"); /* modified */
	/* mode="xml": markup, and its text's escapes are text */
	has(g.v[1].text, "Inline markup with 1 < 2 & 3 > 2.");
	lacks(g.v[1].text, "<em>");

	/* mode="base64" is skipped */
	eq_str(g.v[2].title, "Base64 entry");
	eq_str(g.v[2].text, NULL);
	got_free(&g);
}

static void atom10(void **state)
{
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(read_fixture("atom10.xml", 0, NULL, &g, &ei), ERG_OK);
	assert_int_equal(g.n, 3);

	eq_str(g.v[0].title, "Relative links");
	/* rel="alternate" against the feed's xml:base; rel="self" ignored */
	eq_str(g.v[0].link, "http://atom.example.com/blog/2005/07/first.html");
	eq_str(g.v[0].id, "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
	eq_str(g.v[0].date, "2005-07-31T10:29:29Z"); /* published */
	eq_str(g.v[0].author, "Eve Editor");
	/* type="text" is plain text: brackets stay */
	eq_str(g.v[0].text, "A plain <summary> with brackets.");
	/* the feed's type="html" title */
	eq_html_title(g.v[0].feed_title, "Atom <i>One</i>");
	eq_str(g.v[0].feed_title, "Atom One");

	/* an entry's xml:base, relative to the feed's; a link without rel */
	eq_str(g.v[1].link, "http://atom.example.com/second.html");
	eq_html_title(g.v[1].title, "HTML <em>title</em> &amp; more");
	has(g.v[1].title, "title & more");
	eq_str(g.v[1].date, "2005-08-02T15:00:00Z"); /* updated */
	/* <source> says nothing about the entry */
	eq_str(g.v[1].author, NULL);
	/* type="xhtml" */
	has(g.v[1].text, "First paragraph.");
	has(g.v[1].text, "Second bold paragraph.");
	lacks(g.v[1].text, "<p>");

	eq_str(g.v[2].title, "XHTML title");
	/* an absolute link is kept as written, escapes and all */
	eq_str(g.v[2].link, "http://absolute.example.net/a%2Fb?q=%26x#frag");
	/* content is fuller than summary */
	eq_html_text(g.v[2].text, "<p>Escaped <b>HTML</b> content.</p>");
	got_free(&g);
}

/* Any chunking of the input gives the same items. */
static void same_items(const got *a, const got *b)
{
	assert_int_equal(a->n, b->n);
	for (size_t i = 0; i < a->n; i++) {
		eq_str(b->v[i].title, a->v[i].title);
		eq_str(b->v[i].link, a->v[i].link);
		eq_str(b->v[i].date, a->v[i].date);
		eq_str(b->v[i].id, a->v[i].id);
		eq_str(b->v[i].author, a->v[i].author);
		eq_str(b->v[i].text, a->v[i].text);
		eq_str(b->v[i].feed_title, a->v[i].feed_title);
	}
}

static void chunking(void **state)
{
	static const char *const names[] = {
		"rss20.xml", "rdf.xml", "atom03.xml", "atom10.xml", "latin1.xml",
		"leading-space.xml", "illformed.xml", "xxe.xml"};
	static const size_t chunks[] = {1, 2, 3, 7, 511, 4096};

	(void)state;
	for (size_t i = 0; i < TU_COUNT(names); i++) {
		got whole = {0};
		erg_errinfo ei;

		assert_int_equal(read_fixture(names[i], 0, NULL, &whole, &ei),
		                 ERG_OK);
		for (size_t j = 0; j < TU_COUNT(chunks); j++) {
			got part = {0};

			assert_int_equal(read_fixture(names[i], chunks[j], NULL, &part,
			                              &ei), ERG_OK);
			same_items(&whole, &part);
			got_free(&part);
		}
		got_free(&whole);
	}
}

/* --- links ------------------------------------------------------------------ */

/* RFC 3986 5.4: every reference, as an item's <link>, against the base
 * "http://a/b/c/d;p?q" given as the channel's xml:base. */
static void rfc3986_resolution(void **state)
{
	static const char *const cases[][2] = {
		{"g:h", "g:h"},
		{"g", "http://a/b/c/g"},
		{"./g", "http://a/b/c/g"},
		{"g/", "http://a/b/c/g/"},
		{"/g", "http://a/g"},
		{"//g", "http://g"},
		{"?y", "http://a/b/c/d;p?y"},
		{"g?y", "http://a/b/c/g?y"},
		{"#s", "http://a/b/c/d;p?q#s"},
		{"g#s", "http://a/b/c/g#s"},
		{"g?y#s", "http://a/b/c/g?y#s"},
		{";x", "http://a/b/c/;x"},
		{"g;x", "http://a/b/c/g;x"},
		{"g;x?y#s", "http://a/b/c/g;x?y#s"},
		{".", "http://a/b/c/"},
		{"./", "http://a/b/c/"},
		{"..", "http://a/b/"},
		{"../", "http://a/b/"},
		{"../g", "http://a/b/g"},
		{"../..", "http://a/"},
		{"../../", "http://a/"},
		{"../../g", "http://a/g"},
		{"../../../g", "http://a/g"},
		{"../../../../g", "http://a/g"},
		{"/./g", "http://a/g"},
		{"/../g", "http://a/g"},
		{"g.", "http://a/b/c/g."},
		{".g", "http://a/b/c/.g"},
		{"g..", "http://a/b/c/g.."},
		{"..g", "http://a/b/c/..g"},
		{"./../g", "http://a/b/g"},
		{"./g/.", "http://a/b/c/g/"},
		{"g/./h", "http://a/b/c/g/h"},
		{"g/../h", "http://a/b/c/h"},
		{"g;x=1/./y", "http://a/b/c/g;x=1/y"},
		{"g;x=1/../y", "http://a/b/c/y"},
		{"g?y/./x", "http://a/b/c/g?y/./x"},
		{"g#s/../x", "http://a/b/c/g#s/../x"},
		/* escapes are kept, and what may not stand is escaped */
		{"a%2Fb%26c", "http://a/b/c/a%2Fb%26c"},
		{"a b", "http://a/b/c/a%20b"},
	};
	erg_buf doc = ERG_BUF_INIT;
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(erg_buf_puts(&doc, "<rss version=\"2.0\"><channel "
	                                    "xml:base=\"http://a/b/c/d;p?q\">"),
	                 ERG_OK);
	for (size_t i = 0; i < TU_COUNT(cases); i++)
		assert_int_equal(erg_buf_printf(&doc, "<item><link>%s</link></item>",
		                                cases[i][0]),
		                 ERG_OK);
	assert_int_equal(erg_buf_puts(&doc, "</channel></rss>"), ERG_OK);
	assert_int_equal(read_str(doc.data, &g, &ei), ERG_OK);
	assert_int_equal(g.n, TU_COUNT(cases));
	for (size_t i = 0; i < TU_COUNT(cases); i++) {
		if (!g.v[i].link || strcmp(g.v[i].link, cases[i][1]) != 0)
			print_error("\"%s\": want %s\n", cases[i][0], cases[i][1]);
		eq_str(g.v[i].link, cases[i][1]);
	}
	got_free(&g);
	erg_buf_free(&doc);
}

/* Without xml:base, relative links resolve against the name given. */
static void name_is_base(void **state)
{
	static const char feed[] =
		"<rss><channel><item><link>../x/y.html</link></item>"
		"<item xml:base=\"\"><link>z.html</link></item>"
		"<item><link>#frag</link></item></channel></rss>";
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(read_mem(feed, strlen(feed), 0,
	                          "http://host.example/feeds/rss.xml", NULL, &g,
	                          &ei),
	                 ERG_OK);
	assert_int_equal(g.n, 3);
	eq_str(g.v[0].link, "http://host.example/x/y.html");
	eq_str(g.v[1].link, "http://host.example/feeds/z.html");
	eq_str(g.v[2].link, "http://host.example/feeds/rss.xml#frag");
	got_free(&g);

	/* stdin ("-") is no base */
	assert_int_equal(read_mem(feed, strlen(feed), 0, "-", NULL, &g, &ei),
	                 ERG_OK);
	eq_str(g.v[0].link, "../x/y.html");
	got_free(&g);
}

/* --- encodings -------------------------------------------------------------- */

static void check_latin1(const got *g)
{
	assert_int_equal(g->n, 2);
	eq_str(g->v[0].title, "Cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e");
	eq_str(g->v[0].feed_title, "Caf\xc3\xa9 du Monde");
	/* Windows-1252 quotes and dash, not C1 controls */
	eq_str(g->v[0].text, "\xe2\x80\x9cQuoted\xe2\x80\x9d \xc3\xa0 la carte "
	                     "\xe2\x80\x93 na\xc3\xafve");
	eq_str(g->v[1].title, "Second \xc2\xa3 item");
}

static void latin1_forced(void **state)
{
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(read_fixture("latin1.xml", 0, "ISO-8859-1", &g, &ei),
	                 ERG_OK);
	check_latin1(&g);
	got_free(&g);
}

/* Undeclared and not UTF-8: read again as Latin-1. */
static void latin1_undeclared(void **state)
{
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(read_fixture("latin1.xml", 0, NULL, &g, &ei), ERG_OK);
	check_latin1(&g);
	got_free(&g);
}

static void declared_encoding(void **state)
{
	static const char feed[] =
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
		"<rss><channel><item><title>Z\xfcrich &amp; \x80</title></item>"
		"</channel></rss>";
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(read_str(feed, &g, &ei), ERG_OK);
	assert_int_equal(g.n, 1);
	eq_str(g.v[0].title, "Z\xc3\xbcrich & \xe2\x82\xac");
	got_free(&g);
}

static void utf16(void **state)
{
	static const char ascii[] =
		"<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
		"<rss><channel><item><title>Wide &amp; &#233;</title></item>"
		"</channel></rss>";
	char buf[2 + 2 * sizeof ascii];
	got g = {0};
	erg_errinfo ei;
	size_t n = 0;

	(void)state;
	buf[n++] = (char)0xff;
	buf[n++] = (char)0xfe;
	for (size_t i = 0; i + 1 < sizeof ascii; i++) {
		buf[n++] = ascii[i];
		buf[n++] = 0;
	}
	assert_int_equal(read_mem(buf, n, 5, "u16.xml", NULL, &g, &ei), ERG_OK);
	assert_int_equal(g.n, 1);
	eq_str(g.v[0].title, "Wide & \xc3\xa9");
	got_free(&g);
}

static void unknown_encoding(void **state)
{
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(read_mem("<rss/>", 6, 0, "x.xml", "no-such-charset", &g,
	                          &ei),
	                 ERG_EINVAL);
	assert_int_equal(g.n, 0);
}

/* Servers send white space before "<?xml"; errors still give the line
 * in the file as it is. */
static void leading_whitespace(void **state)
{
	static const char bad[] =
		"\n\n \n<?xml version=\"1.0\"?>\n<rss>\n<channel>\n</chanel>\n</rss>\n";
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(read_fixture("leading-space.xml", 0, NULL, &g, &ei),
	                 ERG_OK);
	assert_int_equal(g.n, 2);
	eq_str(g.v[0].title, "One");
	eq_str(g.v[1].title, "Two");
	eq_str(g.v[1].feed_title, "Leading space");
	got_free(&g);

	assert_int_equal(read_str(bad, &g, &ei), ERG_ESYNTAX);
	assert_int_equal(ei.line, 7);
	assert_string_equal(ei.file, "mem.xml");
	got_free(&g);
}

static void gzip_body(void **state)
{
	size_t len;
	char *data = load("rss20.xml", &len);
	unsigned char *gz = malloc(len + 1024);
	z_stream z;
	got plain = {0}, packed = {0};
	erg_errinfo ei;

	(void)state;
	assert_non_null(gz);
	memset(&z, 0, sizeof z);
	assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8,
	                              Z_DEFAULT_STRATEGY),
	                 Z_OK);
	z.next_in = (unsigned char *)data;
	z.avail_in = (uInt)len;
	z.next_out = gz;
	z.avail_out = (uInt)(len + 1024);
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	assert_int_equal(read_mem(data, len, 0, "p.xml", NULL, &plain, &ei),
	                 ERG_OK);
	assert_int_equal(read_mem((char *)gz, z.total_out, 3, "p.xml", NULL,
	                          &packed, &ei),
	                 ERG_OK);
	same_items(&plain, &packed);
	got_free(&packed);
	/* cut short: the items before the cut */
	assert_int_equal(read_mem((char *)gz, z.total_out / 2, 0, "p.xml", NULL,
	                          &packed, &ei),
	                 ERG_OK);
	assert_true(packed.n >= 1 && packed.n < plain.n);
	deflateEnd(&z);
	got_free(&plain);
	got_free(&packed);
	free(gz);
	free(data);
}

/* --- entities, CDATA -------------------------------------------------------- */

static void internal_entities(void **state)
{
	static const char feed[] =
		"<!DOCTYPE rss [<!ENTITY co \"Example &amp; Co\">"
		"<!ENTITY both \"&co; (&#233;)\">]>\n"
		"<rss><channel><title>&co;</title>"
		"<item><title>By &both;</title>"
		"<description>&lt;p&gt;&both;&lt;/p&gt;</description></item>"
		"</channel></rss>";
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(read_str(feed, &g, &ei), ERG_OK);
	assert_int_equal(g.n, 1);
	eq_str(g.v[0].feed_title, "Example & Co");
	eq_str(g.v[0].title, "By Example & Co (\xc3\xa9)");
	has(g.v[0].text, "Example & Co (\xc3\xa9)");
	got_free(&g);
}

/* An RSS 0.91 DOCTYPE names a DTD of HTML entities that is never read:
 * the entities are still decoded. */
static void html_entities_with_external_dtd(void **state)
{
	static const char feed[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"\n"
		" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
		"<rss version=\"0.91\"><channel><title>T</title>"
		"<item><title>Caf&eacute; &mdash; &copy;</title>"
		"<description>a&nbsp;b</description></item></channel></rss>";
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(read_str(feed, &g, &ei), ERG_OK);
	assert_int_equal(g.n, 1);
	has(g.v[0].title, "Caf\xc3\xa9 \xe2\x80\x94 \xc2\xa9");
	has(g.v[0].text, "a");
	has(g.v[0].text, "b");
	got_free(&g);
}

static void cdata_sections(void **state)
{
	static const char feed[] =
		"<rss><channel><item>"
		"<title><![CDATA[A <b>bold</b> & raw title]]></title>"
		"<description>Mixed <![CDATA[<p>one &amp; ]]>two<![CDATA[</p>]]>"
		"</description></item></channel></rss>";
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(read_str(feed, &g, &ei), ERG_OK);
	assert_int_equal(g.n, 1);
	eq_html_title(g.v[0].title, "A <b>bold</b> & raw title");
	lacks(g.v[0].title, "<b>");
	eq_html_text(g.v[0].text, "Mixed <p>one &amp; two</p>");
	got_free(&g);
}

/* --- ill-formed feeds ------------------------------------------------------- */

/* HTML entities and bare ampersands are repaired; after a real error the
 * items libxml2 had already parsed are still read. */
static void illformed_recovered(void **state)
{
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(read_fixture("illformed.xml", 0, NULL, &g, &ei),
	                 ERG_OK);
	assert_int_equal(g.n, 4);
	has(g.v[0].title, "Fish & chips");
	has(g.v[0].title, "\xe2\x80\x94 cheap"); /* &mdash; */
	eq_str(g.v[0].link, "http://x.example/?a=1&b=2");
	eq_str(g.v[1].text, "AT&T earnings");
	eq_str(g.v[2].title, "Third");
	eq_str(g.v[2].link, "http://x.example/3");
	eq_str(g.v[3].title, "Fourth");
	eq_str(g.v[3].feed_title, "Broken feed");
	got_free(&g);
}

static void truncated_feed(void **state)
{
	size_t len;
	char *data = load("rss20.xml", &len);
	const char *cut = strstr(data, "<title>Permalink only</title>");
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_non_null(cut);
	cut += strlen("<title>Permalink only</title>");
	assert_int_equal(read_mem(data, (size_t)(cut - data), 0, "cut.xml", NULL,
	                          &g, &ei),
	                 ERG_OK);
	/* two whole items and the one cut short */
	assert_int_equal(g.n, 3);
	eq_str(g.v[2].title, "Permalink only");
	got_free(&g);
	free(data);
}

/* No item and an error: ERG_ESYNTAX with the line. */
static void syntax_error_line(void **state)
{
	static const char bad[] =
		"<?xml version=\"1.0\"?>\n<rss>\n<channel>\n<title>T</title>\n"
		"</chanel>\n</rss>\n";
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(read_str(bad, &g, &ei), ERG_ESYNTAX);
	assert_int_equal(g.n, 0);
	assert_int_equal(ei.line, 5);
	assert_string_equal(ei.file, "mem.xml");
	assert_true(ei.msg[0] != '\0');

	assert_int_equal(read_str("", &g, &ei), ERG_ESYNTAX);
	assert_int_equal(read_str("just text", &g, &ei), ERG_ESYNTAX);
	assert_int_equal(g.n, 0);
}

static void zero_items(void **state)
{
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(read_fixture("empty.xml", 0, NULL, &g, &ei), ERG_OK);
	assert_int_equal(g.n, 0);
	assert_int_equal(read_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">"
	                          "<title>t</title></feed>", &g, &ei),
	                 ERG_OK);
	assert_int_equal(g.n, 0);
}

static void not_a_feed(void **state)
{
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(read_fixture("notafeed.xml", 0, NULL, &g, &ei),
	                 ERG_ESYNTAX);
	assert_int_equal(g.n, 0);
	has(ei.msg, "not an RSS or Atom feed");
}

/* --- hostile documents ------------------------------------------------------ */

static void xxe_refused(void **state)
{
	static const char dtd[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE rss SYSTEM \"file:///etc/passwd\">\n"
		"<rss><channel><item><title>t</title></item></channel></rss>";
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(read_fixture("xxe.xml", 0, NULL, &g, &ei), ERG_OK);
	assert_int_equal(g.n, 1);
	/* the external entities are left out, the internal one expanded */
	eq_str(g.v[0].title, "Start end");
	eq_str(g.v[0].text, "before after internal text");
	lacks(g.v[0].title, "root:");
	lacks(g.v[0].text, "root:");
	got_free(&g);

	/* an external DTD subset is not fetched either */
	assert_int_equal(read_str(dtd, &g, &ei), ERG_OK);
	assert_int_equal(g.n, 1);
	eq_str(g.v[0].title, "t");
	got_free(&g);
}

static void billion_laughs(void **state)
{
	got g = {0};
	erg_errinfo ei;
	clock_t t0 = clock();

	(void)state;
	assert_int_equal(read_fixture("bomb.xml", 0, NULL, &g, &ei), ERG_ESYNTAX);
	/* a guard against runaway expansion, not a benchmark: generous enough
	 * for valgrind */
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 60.0);
	assert_int_equal(g.n, 0);
	has(ei.msg, "entity");
	assert_true(ei.line > 0);
}

/* One entity referenced many times: bounded by the field cap. */
static void quadratic_blowup(void **state)
{
	erg_buf doc = ERG_BUF_INIT;
	got g = {0};
	erg_errinfo ei;
	clock_t t0 = clock();

	(void)state;
	assert_int_equal(erg_buf_puts(&doc, "<!DOCTYPE rss [<!ENTITY a \""),
	                 ERG_OK);
	for (int i = 0; i < 10000; i++)
		assert_int_equal(erg_buf_puts(&doc, "aaaaaaaaaa"), ERG_OK);
	assert_int_equal(erg_buf_puts(&doc, "\">]><rss><channel><item>"
	                                    "<description>"),
	                 ERG_OK);
	for (int i = 0; i < 20000; i++)
		assert_int_equal(erg_buf_puts(&doc, "&a;"), ERG_OK);
	assert_int_equal(erg_buf_puts(&doc, "</description></item>"
	                                    "</channel></rss>"),
	                 ERG_OK);
	read_str(doc.data, &g, &ei);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 60.0);
	/* 2 GB if expanded: either refused or cut at the cap */
	for (size_t i = 0; i < g.n; i++)
		assert_true(!g.v[i].text || strlen(g.v[i].text) <= ((size_t)4 << 20));
	got_free(&g);
	erg_buf_free(&doc);
}

static void deep_nesting(void **state)
{
	erg_buf doc = ERG_BUF_INIT;
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(erg_buf_puts(&doc, "<rss><channel><item><title>deep"
	                                    "</title><description>"),
	                 ERG_OK);
	for (int i = 0; i < 10000; i++)
		assert_int_equal(erg_buf_puts(&doc, "<a>"), ERG_OK);
	assert_int_equal(erg_buf_puts(&doc, "x"), ERG_OK);
	for (int i = 0; i < 10000; i++)
		assert_int_equal(erg_buf_puts(&doc, "</a>"), ERG_OK);
	assert_int_equal(erg_buf_puts(&doc, "</description></item></channel>"
	                                    "</rss>"),
	                 ERG_OK);
	/* libxml2 stops at its depth limit; the item read so far is kept */
	assert_int_equal(read_str(doc.data, &g, &ei), ERG_OK);
	assert_int_equal(g.n, 1);
	eq_str(g.v[0].title, "deep");
	got_free(&g);
	erg_buf_free(&doc);
}

/* --- caps, errors, streaming ------------------------------------------------ */

static void field_caps(void **state)
{
	erg_buf doc = ERG_BUF_INIT;
	got g = {0};
	erg_errinfo ei;

	(void)state;
	assert_int_equal(erg_buf_puts(&doc, "<rss><channel><item><title>"),
	                 ERG_OK);
	for (int i = 0; i < 20000; i++) /* 100 KB title */
		assert_int_equal(erg_buf_puts(&doc, "word "), ERG_OK);
	assert_int_equal(erg_buf_puts(&doc, "</title><description>"), ERG_OK);
	for (int i = 0; i < 600000; i++) /* 6 MB, in many text nodes */
		assert_int_equal(erg_buf_puts(&doc, "&#233;lan "), ERG_OK);
	assert_int_equal(erg_buf_puts(&doc, "</description></item><item>"
	                                    "<title>next</title></item>"
	                                    "</channel></rss>"),
	                 ERG_OK);
	assert_int_equal(read_str(doc.data, &g, &ei), ERG_OK);
	assert_int_equal(g.n, 2);
	assert_true(strlen(g.v[0].title) <= ((size_t)64 << 10));
	assert_true(strlen(g.v[0].title) > ((size_t)32 << 10));
	assert_true(strlen(g.v[0].text) <= ((size_t)4 << 20));
	assert_true(strlen(g.v[0].text) > ((size_t)2 << 20));
	eq_str(g.v[1].title, "next");
	got_free(&g);
	erg_buf_free(&doc);
}

static void callback_stops(void **state)
{
	got g = {0};
	erg_errinfo ei;

	(void)state;
	g.stop_after = 2;
	assert_int_equal(read_fixture("rss20.xml", 0, NULL, &g, &ei),
	                 ERG_EINVAL);
	assert_int_equal(g.n, 2);
	got_free(&g);
}

static void read_error(void **state)
{
	size_t len;
	char *data = load("rss20.xml", &len);
	mem m = {data, len, 0, 64, 700};
	got g = {0};
	erg_errinfo ei;

	(void)state;
	memset(&ei, 0, sizeof ei);
	assert_int_equal(erg_feed_read(mem_read, &m, "r.xml", NULL, collect, &g,
	                               &ei),
	                 ERG_EIO);
	assert_string_equal(ei.file, "r.xml");
	got_free(&g);
	free(data);
}

static void bad_arguments(void **state)
{
	erg_errinfo ei;
	got g = {0};
	mem m = {"<rss/>", 6, 0, 0, 0};

	(void)state;
	assert_int_equal(erg_feed_read(NULL, &m, "x", NULL, collect, &g, &ei),
	                 ERG_EINVAL);
	assert_int_equal(erg_feed_read(mem_read, &m, "x", NULL, NULL, &g, &ei),
	                 ERG_EINVAL);
	/* no errinfo, no name */
	assert_int_equal(erg_feed_read(mem_read, &m, NULL, NULL, collect, &g,
	                               NULL),
	                 ERG_OK);
	got_free(&g);
}

/* A generated feed of many items, never held in memory whole. */
typedef struct {
	unsigned long items, next;
	char buf[512];
	size_t len, off;
	int done;
} gen;

static int gen_read(void *ctx, char *buf, int len)
{
	gen *s = ctx;
	size_t k;

	if (s->off == s->len) {
		s->off = 0;
		if (s->next == 0)
			s->len = (size_t)snprintf(s->buf, sizeof s->buf,
			                          "<rss><channel><title>Gen</title>");
		else if (s->next <= s->items)
			s->len = (size_t)snprintf(
				s->buf, sizeof s->buf,
				"<item><title>Item %lu</title><link>/i/%lu</link><description>"
				"&lt;p&gt;Body %lu&lt;/p&gt;</description></item>\n",
				s->next, s->next, s->next);
		else if (!s->done) {
			s->len = (size_t)snprintf(s->buf, sizeof s->buf,
			                          "</channel></rss>");
			s->done = 1;
		} else {
			return 0;
		}
		s->next++;
	}
	k = s->len - s->off;
	if (k > (size_t)len)
		k = (size_t)len;
	memcpy(buf, s->buf + s->off, k);
	s->off += k;
	return (int)k;
}

typedef struct {
	unsigned long n;
	int ok;
} counter;

static erg_err count_item(void *arg, const erg_feed_item *it)
{
	counter *c = arg;
	char want[64];

	c->n++;
	snprintf(want, sizeof want, "Item %lu", c->n);
	if (!it->title || strcmp(it->title, want) != 0 || !it->text ||
	    !it->feed_title)
		c->ok = 0;
	return ERG_OK;
}

static void many_items(void **state)
{
	gen s;
	counter c = {0, 1};
	erg_errinfo ei;

	(void)state;
	memset(&s, 0, sizeof s);
	s.items = 50000;
	assert_int_equal(erg_feed_read(gen_read, &s, "gen.xml", NULL, count_item,
	                               &c, &ei),
	                 ERG_OK);
	assert_int_equal(c.n, 50000);
	assert_true(c.ok);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rss20),
		cmocka_unit_test(rss10_rdf),
		cmocka_unit_test(atom03),
		cmocka_unit_test(atom10),
		cmocka_unit_test(chunking),
		cmocka_unit_test(rfc3986_resolution),
		cmocka_unit_test(name_is_base),
		cmocka_unit_test(latin1_forced),
		cmocka_unit_test(latin1_undeclared),
		cmocka_unit_test(declared_encoding),
		cmocka_unit_test(utf16),
		cmocka_unit_test(unknown_encoding),
		cmocka_unit_test(leading_whitespace),
		cmocka_unit_test(gzip_body),
		cmocka_unit_test(internal_entities),
		cmocka_unit_test(html_entities_with_external_dtd),
		cmocka_unit_test(cdata_sections),
		cmocka_unit_test(illformed_recovered),
		cmocka_unit_test(truncated_feed),
		cmocka_unit_test(syntax_error_line),
		cmocka_unit_test(zero_items),
		cmocka_unit_test(not_a_feed),
		cmocka_unit_test(xxe_refused),
		cmocka_unit_test(billion_laughs),
		cmocka_unit_test(quadratic_blowup),
		cmocka_unit_test(deep_nesting),
		cmocka_unit_test(field_caps),
		cmocka_unit_test(callback_stops),
		cmocka_unit_test(read_error),
		cmocka_unit_test(bad_arguments),
		cmocka_unit_test(many_items),
	};

	return cmocka_run_group_tests_name("feed", tests, NULL, NULL);
}
