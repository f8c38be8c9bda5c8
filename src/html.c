/* html.c - main-content extraction (being written). */
#include "html.h"

#include <stdlib.h>

erg_err erg_html_page(const char *buf, size_t len, const char *charset,
                      erg_page *out, erg_errinfo *ei)
{
	(void)buf;
	(void)len;
	(void)charset;
	(void)out;
	return erg_fail(ei, ERG_EFORMAT, "", 0, "HTML pages not yet supported");
}

void erg_page_free(erg_page *p)
{
	if (!p)
		return;
	free(p->title);
	free(p->text);
	free(p->url);
	free(p->date);
	free(p->byline);
}

erg_err erg_html_fragment_text(const char *html, size_t len, erg_buf *out)
{
	return erg_buf_append(out, html, len);
}
