/* fuzz_html.c - erg_html_page (the article inside a saved page) with the
 * charset "UTF-8" when the bytes are valid UTF-8 and NULL otherwise (as
 * input.c calls it), then erg_html_fragment_text (feed content) on the
 * same bytes when they are UTF-8 (its callers hand it UTF-8 only).
 *
 * Checked: every field of the page is well-formed UTF-8, the fragment
 * text as well. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "fuzz_util.h"
#include "html.h"

static void check_str(const char *what, const char *s)
{
	if (s)
		FUZZ_CHECK(fuzz_utf8_valid(s, strlen(s)), "page %s is not UTF-8",
		           what);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	int utf8 = fuzz_utf8_valid(s, size);
	erg_page page;
	erg_errinfo ei = {0};
	erg_buf out = ERG_BUF_INIT;

	memset(&page, 0, sizeof page);
	if (erg_html_page(s, size, utf8 ? "UTF-8" : NULL, &page, &ei) == ERG_OK) {
		check_str("title", page.title);
		check_str("text", page.text);
		check_str("url", page.url);
		check_str("date", page.date);
		check_str("byline", page.byline);
	}
	erg_page_free(&page);

	if (utf8 && erg_html_fragment_text(s, size, &out) == ERG_OK && out.data)
		FUZZ_CHECK(fuzz_utf8_valid(out.data, out.len),
		           "fragment text is not UTF-8");
	erg_buf_free(&out);
	return 0;
}
