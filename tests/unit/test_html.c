/* test_html.c - main text and metadata from HTML pages, text from HTML
 * fragments (html.h). */
#include "testutil.h"

#include "html.h"

/* Paragraphs enough to read as an article, and long enough (over 500
 * characters) that the extractor never retries without its class-name
 * pruning. */
#define P1 "Regulators summoned the chipmaker on Monday, asking it to explain " \
           "security risks in its products, according to a statement."
#define P2 "The company said it would cooperate fully, adding that it had no " \
           "back doors, and that its products met every local rule."
#define P3 "Analysts said the move, the latest in a series of probes, could " \
           "weigh on sales in one of the company's biggest markets."
#define P4 "Shares fell 3 percent in early trading, erasing gains made last " \
           "week, before recovering slightly by the afternoon close."
#define P5 "The regulator did not say when it would publish its findings, or " \
           "whether other companies, foreign or local, would be called."
#define BODY P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\n" P5

#define ARTICLE "<article><h1>Chip curbs tighten</h1><p>" P1 "</p><p>" P2 \
                "</p><p>" P3 "</p><p>" P4 "</p><p>" P5 "</p></article>"

/* Parse a page from a string; fails the test unless it gives want. */
static void page_of(const char *html, const char *charset, erg_err want,
                    erg_page *p)
{
	erg_errinfo ei;
	erg_err e;

	memset(&ei, 0, sizeof ei);
	e = erg_html_page(html, strlen(html), charset, p, &ei);
	if (e != want)
		print_error("erg_html_page: %s (%s)\n", erg_strerror(e), ei.msg);
	assert_int_equal(e, want);
	if (e == ERG_OK)
		assert_non_null(p->text);
}

static void assert_has(const char *s, const char *part)
{
	if (!s || !strstr(s, part))
		print_error("missing \"%s\" in:\n%s\n", part, s ? s : "(null)");
	assert_non_null(s);
	assert_non_null(strstr(s, part));
}

static void assert_lacks(const char *s, const char *part)
{
	if (s && strstr(s, part))
		print_error("unexpected \"%s\" in:\n%s\n", part, s);
	assert_true(!s || !strstr(s, part));
}

/* --- main text ------------------------------------------------------------ */

static void boilerplate_dropped(void **state)
{
	static const char html[] =
		"<!DOCTYPE html><html><head><title>Chip curbs tighten</title>"
		"<style>p { color: red }</style>"
		"<script>var tracking = 'SCRIPTTEXT';</script></head><body>"
		"<header><a href='/'>SITEHEADER</a></header>"
		"<nav><ul><li><a href='/a'>NAVLINK one</a></li>"
		"<li><a href='/b'>NAVLINK two</a></li></ul></nav>"
		"<div class='main'>"
		"<ul class='byline-list'><li>By BYLINENAME</li><li>and another</li>"
		"</ul>" ARTICLE
		"<div class='share-tools'>SHAREWIDGET Facebook Twitter</div>"
		"<!-- COMMENTTEXT -->"
		"<ul class='related-links'><li><a href='/x'>RELATEDLINK one story "
		"about something else entirely</a></li></ul>"
		"<div id='comments'><p>COMMENTARY: I think this article is wrong, "
		"and so are the regulators, and so is everyone.</p></div>"
		"<noscript>NOSCRIPTTEXT</noscript>"
		"<div style='display: none'>HIDDENTEXT</div>"
		"</div>"
		"<aside><p>ASIDETEXT: a long box about another subject, with "
		"commas, and more commas, to look like prose.</p></aside>"
		"<footer><p>FOOTERTEXT Copyright 2024, all rights reserved, "
		"every one of them.</p></footer>"
		"<div class='cookie-banner'>COOKIEBANNER we use cookies</div>"
		"</body></html>";
	static const char *const junk[] = {
		"SCRIPTTEXT", "SITEHEADER", "NAVLINK", "SHAREWIDGET", "COMMENTTEXT",
		"RELATEDLINK", "COMMENTARY", "NOSCRIPTTEXT", "HIDDENTEXT",
		"ASIDETEXT", "FOOTERTEXT", "COOKIEBANNER", "color: red", "BYLINENAME",
	};
	erg_page p;

	(void)state;
	page_of(html, "UTF-8", ERG_OK, &p);
	assert_string_equal(p.text, BODY);
	for (size_t i = 0; i < TU_COUNT(junk); i++)
		assert_lacks(p.text, junk[i]);
	erg_page_free(&p);
}

static void paragraphs_in_order(void **state)
{
	static const char html[] =
		"<html><body><div id='story'>"
		"<h2>A subhead</h2>"
		"<p>" P1 "</p>"
		"<blockquote>A quote, from a source, that runs on.</blockquote>"
		"<ul><li>first point</li><li>second point</li></ul>"
		"<p>" P2 "<br><br>" P3 "</p>"
		"<p>Spaces   and\n\ttabs &amp; entities&nbsp;collapse.</p>"
		"</div></body></html>";
	erg_page p;

	(void)state;
	page_of(html, "UTF-8", ERG_OK, &p);
	assert_string_equal(p.text,
	                    "A subhead\n\n" P1 "\n\n"
	                    "A quote, from a source, that runs on.\n\n"
	                    "first point\n\nsecond point\n\n" P2 "\n\n" P3 "\n\n"
	                    "Spaces and tabs & entities collapse.");
	erg_page_free(&p);
}

/* Old markup: one block of text cut into paragraphs by <br>s. */
static void br_paragraphs(void **state)
{
	static const char html[] =
		"<html><body><table><tr><td><a href='/'>Home</a> | "
		"<a href='/n'>News</a></td></tr></table>"
		"<div id='text'>" P1 "<br><br>\n" P2 "<br>\n<br>" P3 "<br>" P4
		"<br><br>" P5 "</div></body></html>";
	erg_page p;

	(void)state;
	page_of(html, "UTF-8", ERG_OK, &p);
	assert_string_equal(p.text, P1 "\n\n" P2 "\n\n" P3 "\n" P4 "\n\n" P5);
	erg_page_free(&p);
}

/* An article cut into sections of the same kind of paragraph is one. */
static void split_article_joined(void **state)
{
	static const char html[] =
		"<html><body><div class='page'>"
		"<section class='part'><div class='wrap'><div class='text'>"
		"<p class='para'>" P1 "</p></div></div></section>"
		"<figure><img src='x.jpg'><figcaption>A picture</figcaption></figure>"
		"<section class='part'><div class='wrap'><div class='text'>"
		"<p class='para'>" P2 "</p><p class='para'>" P3 "</p>"
		"<p class='para'>" P4 "</p><p class='para'>" P5 "</p>"
		"</div></div></section>"
		"<div class='teasers'><div class='teaser'><h3><a href='/1'>Other "
		"story</a></h3><p>TEASER one, short, about another thing.</p></div>"
		"<div class='teaser'><h3><a href='/2'>More</a></h3><p>TEASER two, "
		"also short, about yet another thing.</p></div></div>"
		"</div></body></html>";
	erg_page p;

	(void)state;
	page_of(html, "UTF-8", ERG_OK, &p);
	assert_true(strstr(p.text, P1) == p.text);
	assert_has(p.text, P2 "\n\n" P3 "\n\n" P4 "\n\n" P5);
	assert_lacks(p.text, "TEASER");
	erg_page_free(&p);
}

/* A layout wrapper named after its sidebar still holds the article (and
 * most of the page's prose), even where other prose, long enough to need
 * no second try, would stand in for it. */
static void layout_class_not_dropped(void **state)
{
	static const char html[] =
		"<html><body><div class='layout-with-sidebar'>"
		"<div class='article-content'><p>" P1 "</p><p>" P2 "</p>"
		"<p>" P3 "</p><p>" P4 "</p><p>" P5 "</p></div>"
		"<div class='sidebar'><p>SIDEBARTEXT, with commas, and words, "
		"enough to be read as a paragraph.</p><p>SIDEBARTEXT again, a "
		"second box, about the weather, the markets, and sport, which "
		"nobody reading the article came for.</p></div></div>"
		"<div class='about'><p>ABOUTTEXT: the publisher was founded long "
		"ago in a small town by two brothers and has grown since then into "
		"a group.</p>"
		"<p>It prints papers in four cities and runs two radio stations "
		"and has a website that is read by millions of people every "
		"single month.</p>"
		"<p>Its owners have kept control for three generations through "
		"wars and slumps and one hostile takeover attempt in the late "
		"nineteen eighties.</p>"
		"<p>Write to the editors at the address below or call the desk "
		"which is staffed at all hours on every day of the year including "
		"public holidays.</p>"
		"<p>Corrections are printed on page two and online as soon as an "
		"error is found with a short note on what was changed and why it "
		"was changed.</p></div>"
		"</body></html>";
	erg_page p;

	(void)state;
	page_of(html, "UTF-8", ERG_OK, &p);
	assert_string_equal(p.text, BODY);
	erg_page_free(&p);
}

/* --- metadata ------------------------------------------------------------- */

static void title_from_og(void **state)
{
	static const char html[] =
		"<html><head><title>Other title - Example News</title>"
		"<meta property='og:site_name' content='Example News'>"
		"<meta property='og:title' content='Chip  curbs tighten | Example News'>"
		"</head><body>" ARTICLE "</body></html>";
	erg_page p;

	(void)state;
	page_of(html, "UTF-8", ERG_OK, &p);
	assert_string_equal(p.title, "Chip curbs tighten");
	/* The headline is the title: not repeated in the body. */
	assert_true(strncmp(p.text, P1, strlen(P1)) == 0);
	erg_page_free(&p);
}

static void title_from_h1(void **state)
{
	static const char html[] =
		"<html><head><title>Chip curbs tighten - Example</title></head>"
		"<body>" ARTICLE "</body></html>";
	erg_page p;

	(void)state;
	page_of(html, "UTF-8", ERG_OK, &p);
	assert_string_equal(p.title, "Chip curbs tighten");
	erg_page_free(&p);
}

static void title_from_title(void **state)
{
	static const char html[] =
		"<html><head><title>Chip curbs tighten | Example News</title>"
		"<meta property='og:site_name' content='Example News'></head>"
		"<body><p>" P1 "</p></body></html>";
	erg_page p;

	(void)state;
	page_of(html, "UTF-8", ERG_OK, &p);
	assert_string_equal(p.title, "Chip curbs tighten");
	assert_null(p.url);
	assert_null(p.date);
	assert_null(p.byline);
	erg_page_free(&p);
}

static void canonical_url(void **state)
{
	static const char html[] =
		"<html><head>"
		"<meta property='og:url' content='https://example.com/og'>"
		"<link rel='canonical' href='https://example.com/news/1'>"
		"</head><body>" ARTICLE "</body></html>";
	static const char og_only[] =
		"<html><head>"
		"<meta property='og:url' content=' https://example.com/og '>"
		"</head><body>" ARTICLE "</body></html>";
	erg_page p;

	(void)state;
	page_of(html, "UTF-8", ERG_OK, &p);
	assert_string_equal(p.url, "https://example.com/news/1");
	erg_page_free(&p);
	page_of(og_only, "UTF-8", ERG_OK, &p);
	assert_string_equal(p.url, "https://example.com/og");
	erg_page_free(&p);
}

static void date_from_meta(void **state)
{
	static const char html[] =
		"<html><head>"
		"<meta name='date' content='2001-01-01'>"
		"<meta property='article:published_time' "
		"content='2016-02-01T01:28:49Z'>"
		"</head><body><time datetime='1999-09-09'>x</time>" ARTICLE
		"</body></html>";
	erg_page p;

	(void)state;
	page_of(html, "UTF-8", ERG_OK, &p);
	assert_string_equal(p.date, "2016-02-01T01:28:49Z");
	erg_page_free(&p);
}

static void date_from_json_ld(void **state)
{
	static const char html[] =
		"<html><head><script type='application/ld+json'>"
		"{\"@type\": \"NewsArticle\", \"headline\": \"x\",\n"
		" \"datePublished\" : \"2015-03-18T12:00:00+01:00\"}"
		"</script></head><body><time datetime='1999-09-09'>x</time>"
		ARTICLE "</body></html>";
	erg_page p;

	(void)state;
	page_of(html, "UTF-8", ERG_OK, &p);
	assert_string_equal(p.date, "2015-03-18T11:00:00Z");
	erg_page_free(&p);
}

static void date_from_time(void **state)
{
	static const char html[] =
		"<html><head><meta name='date' content='last Tuesday'></head>"
		"<body><time>no datetime</time>"
		"<time datetime='2019-04-28T06:01:00Z'>April 28</time>"
		ARTICLE "</body></html>";
	erg_page p;

	(void)state;
	page_of(html, "UTF-8", ERG_OK, &p);
	assert_string_equal(p.date, "2019-04-28T06:01:00Z");
	erg_page_free(&p);
}

static void byline_from_meta(void **state)
{
	static const char html[] =
		"<html><head><meta name='author' content=' Jane  Doe '></head>"
		"<body><a rel='author' href='/jd'>Somebody Else</a>" ARTICLE
		"</body></html>";
	erg_page p;

	(void)state;
	page_of(html, "UTF-8", ERG_OK, &p);
	assert_string_equal(p.byline, "Jane Doe");
	erg_page_free(&p);
}

static void byline_from_markup(void **state)
{
	static const char rel[] =
		"<html><head><meta property='article:author' "
		"content='https://facebook.com/jd'></head>"
		"<body><a rel='author' href='/jd'>By Jane Doe</a>" ARTICLE
		"</body></html>";
	static const char item[] =
		"<html><body><div itemprop='author' itemscope>"
		"<img src='jd.jpg'><span itemprop='name'>Jane Doe</span>"
		"<span>May 1, 2020</span></div>" ARTICLE "</body></html>";
	static const char cls[] =
		"<html><body><span class='story-byline'>By Jane Doe</span>"
		ARTICLE "</body></html>";
	erg_page p;

	(void)state;
	page_of(rel, "UTF-8", ERG_OK, &p);
	assert_string_equal(p.byline, "Jane Doe");
	erg_page_free(&p);
	page_of(item, "UTF-8", ERG_OK, &p);
	assert_string_equal(p.byline, "Jane Doe");
	erg_page_free(&p);
	page_of(cls, "UTF-8", ERG_OK, &p);
	assert_string_equal(p.byline, "Jane Doe");
	assert_lacks(p.text, "Jane Doe");
	erg_page_free(&p);
}

/* The bytes are UTF-8 whatever <meta> says when the caller says so. */
static void charset_overrides_meta(void **state)
{
	static const char html[] =
		"<html><head><meta http-equiv='Content-Type' "
		"content='text/html; charset=gb2312'>"
		"<title>\xe6\x96\xb0\xe9\x97\xbb DeepMind</title></head>"
		"<body><p>\xe8\xb0\xb7\xe6\xad\x8c\xe5\x9c\xa8\x32\x30\x31\x34"
		"\xe5\xb9\xb4\xe6\x94\xb6\xe8\xb4\xad\xe7\x9a\x84\xe4\xba\xba"
		"\xe5\xb7\xa5\xe6\x99\xba\xe8\x83\xbd\xe5\x85\xac\xe5\x8f\xb8"
		"DeepMind\xe5\xbc\x80\xe5\x8f\x91\xe5\x87\xba\xe4\xb8\x80\xe6"
		"\xac\xbe\xe7\x94\xb5\xe8\x84\x91\xe3\x80\x82</p></body></html>";
	erg_page p;

	(void)state;
	page_of(html, "UTF-8", ERG_OK, &p);
	assert_string_equal(p.title, "\xe6\x96\xb0\xe9\x97\xbb DeepMind");
	assert_has(p.text, "\xe8\xb0\xb7\xe6\xad\x8c");
	erg_page_free(&p);
}

/* --- limits and failures -------------------------------------------------- */

/* 10,000 nested elements built at run time: no crash, no deep recursion;
 * the text before the nesting survives whatever the parser keeps. */
static void deep_nesting(void **state)
{
	static const char *const tags[] = {"div", "span", "a", "table"};
	const size_t depth = 10000;

	(void)state;
	for (size_t t = 0; t < TU_COUNT(tags); t++) {
		erg_buf b = ERG_BUF_INIT;
		erg_page p;

		assert_int_equal(erg_buf_puts(&b, "<html><body><p>" P1 "</p>"), ERG_OK);
		for (size_t i = 0; i < depth; i++)
			assert_int_equal(erg_buf_printf(&b, "<%s class='c%zu'>x ",
			                                tags[t], i % 7),
			                 ERG_OK);
		assert_int_equal(erg_buf_puts(&b, "<p>" P2 "</p>"), ERG_OK);
		for (size_t i = 0; i < depth; i++)
			assert_int_equal(erg_buf_printf(&b, "</%s>", tags[t]), ERG_OK);
		assert_int_equal(erg_buf_puts(&b, "</body></html>"), ERG_OK);
		page_of(b.data, "UTF-8", ERG_OK, &p);
		assert_has(p.text, P1);
		erg_page_free(&p);
		erg_buf_free(&b);
	}
}

static void empty_pages(void **state)
{
	static const char *const pages[] = {
		"",
		"   \n",
		"<html><head><title>Only a title</title></head><body></body></html>",
		"<html><body><nav><a href='/'>Home</a></nav>"
		"<script>document.write('hello, world, and more')</script>"
		"<!-- a comment --></body></html>",
	};

	(void)state;
	for (size_t i = 0; i < TU_COUNT(pages); i++) {
		erg_page p;
		erg_errinfo ei;

		memset(&ei, 0, sizeof ei);
		assert_int_equal(erg_html_page(pages[i], strlen(pages[i]), "UTF-8",
		                               &p, &ei),
		                 ERG_EEMPTY);
		assert_true(ei.msg[0] != '\0');
		assert_null(p.text);
		assert_null(p.title);
		erg_page_free(&p);
	}
}

/* A page that is all text, no markup worth the name, is its own article. */
static void bare_text_page(void **state)
{
	static const char html[] = "Fish &amp; chips, " P1;
	erg_page p;

	(void)state;
	page_of(html, NULL, ERG_OK, &p);
	assert_string_equal(p.text, "Fish & chips, " P1);
	erg_page_free(&p);
}

/* --- fragments ------------------------------------------------------------ */

static void fragment_case(const char *html, const char *want)
{
	erg_buf b = ERG_BUF_INIT;

	assert_int_equal(erg_html_fragment_text(html, strlen(html), &b), ERG_OK);
	assert_string_equal(b.data ? b.data : "", want);
	erg_buf_free(&b);
}

static void fragment_text(void **state)
{
	(void)state;
	fragment_case("AT&amp;T <b>rose</b> 5%<script>alert('x')</script>"
	              "<style>b{}</style><!-- note --><p>Caf&eacute; &#8212; "
	              "open</p><div>Next<br>line</div>",
	              "AT&T rose 5%\n\nCaf\xc3\xa9 \xe2\x80\x94 open\n\nNext\nline");
	fragment_case("Fish &amp; chips &lt;3", "Fish & chips <3");
	fragment_case("  plain   text \n ", "plain text");
	fragment_case("<p>one</p>\n<p>two</p>", "one\n\ntwo");
	fragment_case("<ul><li>a</li><li>b</li></ul>", "a\n\nb");
	fragment_case("<meta charset='latin1'>na\xc3\xafve", "na\xc3\xafve");
	/* In feed content a <header> or <aside> is content. */
	fragment_case("<header>Head</header><aside>Aside</aside>"
	              "<noscript>N</noscript>", "Head\n\nAside");
	fragment_case("", "");
	fragment_case("<script>only()</script>", "");
}

static void fragment_appends(void **state)
{
	erg_buf b = ERG_BUF_INIT;

	(void)state;
	assert_int_equal(erg_buf_puts(&b, "Title: "), ERG_OK);
	assert_int_equal(erg_html_fragment_text("<p>Body &amp; soul</p>", 22, &b),
	                 ERG_OK);
	assert_string_equal(b.data, "Title: Body & soul");
	/* Only len bytes are read. */
	assert_int_equal(erg_html_fragment_text("<b>x</b>yz", 8, &b), ERG_OK);
	assert_string_equal(b.data, "Title: Body & soulx");
	erg_buf_free(&b);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(boilerplate_dropped),
		cmocka_unit_test(paragraphs_in_order),
		cmocka_unit_test(br_paragraphs),
		cmocka_unit_test(split_article_joined),
		cmocka_unit_test(layout_class_not_dropped),
		cmocka_unit_test(title_from_og),
		cmocka_unit_test(title_from_h1),
		cmocka_unit_test(title_from_title),
		cmocka_unit_test(canonical_url),
		cmocka_unit_test(date_from_meta),
		cmocka_unit_test(date_from_json_ld),
		cmocka_unit_test(date_from_time),
		cmocka_unit_test(byline_from_meta),
		cmocka_unit_test(byline_from_markup),
		cmocka_unit_test(charset_overrides_meta),
		cmocka_unit_test(deep_nesting),
		cmocka_unit_test(empty_pages),
		cmocka_unit_test(bare_text_page),
		cmocka_unit_test(fragment_text),
		cmocka_unit_test(fragment_appends),
	};

	return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
