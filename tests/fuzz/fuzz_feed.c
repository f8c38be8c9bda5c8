/* fuzz_feed.c - erg_feed_read (RSS/RDF/Atom, streaming, libxml2 reader)
 * over the input bytes, handed over by a read callback in chunks of
 * varying size (1 byte up to a few KB) so that the byte filter in front
 * of libxml2 sees sequences cut at every place.  No forced encoding.
 *
 * Checked per item: every string is NUL-terminated well-formed UTF-8
 * (feed.h promises UTF-8; ingest and extraction rely on it), the date is
 * ISO 8601 UTC when given. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "feed.h"
#include "fuzz_util.h"

typedef struct {
	const uint8_t *data;
	size_t len, off;
	uint32_t rnd;
} reader;

static int read_cb(void *ctx, char *buf, int len)
{
	reader *r = ctx;
	size_t k = r->len - r->off, want;

	if (len <= 0 || k == 0)
		return 0;
	switch (fuzz_rand(&r->rnd) % 4) {
	case 0: want = 1 + fuzz_rand(&r->rnd) % 3; break;
	case 1: want = 1 + fuzz_rand(&r->rnd) % 64; break;
	default: want = 1 + fuzz_rand(&r->rnd) % 8192; break;
	}
	if (want > (size_t)len)
		want = (size_t)len;
	if (k > want)
		k = want;
	memcpy(buf, r->data + r->off, k);
	r->off += k;
	return (int)k;
}

static void check_str(const char *what, const char *s)
{
	size_t n;

	if (!s)
		return;
	n = strlen(s);
	FUZZ_CHECK(fuzz_utf8_valid(s, n), "item %s is not UTF-8", what);
}

static erg_err item_cb(void *arg, const erg_feed_item *it)
{
	size_t *count = arg;

	check_str("title", it->title);
	check_str("link", it->link);
	check_str("id", it->id);
	check_str("author", it->author);
	check_str("text", it->text);
	check_str("feed_title", it->feed_title);
	check_str("date", it->date);
	if (it->date) {
		const char *d = it->date;

		/* YYYY-MM-DD, then optionally Thh:mm:ssZ */
		FUZZ_CHECK(strlen(d) >= 10 && d[4] == '-' && d[7] == '-',
		           "date \"%s\" is not ISO 8601", d);
	}
	/* Stop after many items: a feed of tiny items must not make one
	 * input run for seconds (the stop path is code to test as well). */
	return ++*count > 5000 ? ERG_ELIMIT : ERG_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	reader r = {data, size, 0, (uint32_t)(size * 2654435761u) | 1u};
	erg_errinfo ei = {0};
	size_t count = 0;
	erg_err e;

	e = erg_feed_read(read_cb, &r, "http://fuzz.example/feed.xml", NULL,
	                  item_cb, &count, &ei);
	(void)e;
	return 0;
}
