/* feed.c - streaming feed reader (being written). */
#include "feed.h"

erg_err erg_feed_read(erg_feed_read_fn read, void *ctx, const char *name,
                      const char *encoding, erg_feed_item_fn fn, void *arg,
                      erg_errinfo *ei)
{
	(void)read;
	(void)ctx;
	(void)encoding;
	(void)fn;
	(void)arg;
	return erg_fail(ei, ERG_EFORMAT, name, 0, "feeds not yet supported");
}
