/* html.h - the article inside a saved web page, and text from HTML
 * fragments (feed content), through libxml2's HTML parser. */
#ifndef ERG_HTML_H
#define ERG_HTML_H

#include <stddef.h>

#include "buf.h"
#include "error.h"

/* What a page yields.  Every field is a NUL-terminated UTF-8 string or
 * NULL when the page does not say. */
typedef struct {
	char *title;   /* headline: og:title, <h1> or <title> */
	char *text;    /* the article's main text: paragraphs separated by a
	                * blank line, headline and dateline included only
	                * where they are part of the article body */
	char *url;     /* canonical URL (<link rel=canonical>, og:url) */
	char *date;    /* publication date as ISO 8601 UTC, see date.h */
	char *byline;  /* author, where given */
} erg_page;

/* Extract the main content of an HTML page.  charset is the encoding the
 * caller has established ("UTF-8" when the bytes are valid UTF-8), or NULL
 * to let <meta charset> and libxml2 decide.  Never loads anything from the
 * network.  Fails with ERG_EEMPTY if the page holds no article text. */
erg_err erg_html_page(const char *buf, size_t len, const char *charset,
                      erg_page *out, erg_errinfo *ei);

void erg_page_free(erg_page *p);

/* Append the text of an HTML fragment (feed content, a description) to
 * out: scripts, styles and comments dropped, block elements separated by
 * blank lines, entities decoded. */
erg_err erg_html_fragment_text(const char *html, size_t len, erg_buf *out);

#endif
