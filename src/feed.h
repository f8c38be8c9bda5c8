/* feed.h - RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 feeds, read as a
 * stream with libxml2's xmlTextReader so memory does not grow with the
 * feed. */
#ifndef ERG_FEED_H
#define ERG_FEED_H

#include <stddef.h>

#include "error.h"

/* One item or entry.  Strings are UTF-8, NUL-terminated, or NULL; they are
 * valid only during the callback. */
typedef struct {
	const char *title;
	const char *link;    /* absolute: resolved against xml:base and the
	                      * feed's own URL */
	const char *date;    /* ISO 8601 UTC (published, else updated) */
	const char *id;      /* guid / atom:id */
	const char *author;
	const char *text;    /* content:encoded, atom:content, summary or
	                      * description, turned from HTML into text */
	const char *feed_title;
} erg_feed_item;

typedef int (*erg_feed_read_fn)(void *ctx, char *buf, int len);

/* Called per item; a non-zero return stops the feed and is returned. */
typedef erg_err (*erg_feed_item_fn)(void *arg, const erg_feed_item *item);

/* Read a feed from a byte stream: read(ctx, buf, len) returns the number
 * of bytes read, 0 at the end, -1 on error.  name is used in errors and
 * as the base for relative links when the feed gives none.  encoding
 * forces the input encoding (e.g. "ISO-8859-1" for undeclared Latin-1),
 * or NULL.  Entities are never loaded from outside the feed, no DTD is
 * fetched, nothing touches the network; an ill-formed feed is read as far
 * as libxml2's recover mode allows, and fails with ERG_ESYNTAX (with the
 * line) only if no item could be read. */
erg_err erg_feed_read(erg_feed_read_fn read, void *ctx, const char *name,
                      const char *encoding, erg_feed_item_fn fn, void *arg,
                      erg_errinfo *ei);

#endif
