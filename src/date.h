/* date.h - publication dates from feeds and pages, normalised. */
#ifndef ERG_DATE_H
#define ERG_DATE_H

#include <stddef.h>

/* Parse an RFC 822/1123 date ("Tue, 10 Jun 2003 04:00:00 GMT", with named
 * or numeric zones, two-digit years) or an ISO 8601/RFC 3339 date
 * ("2003-06-10T04:00:00+02:00", "2003-06-10", "2003-06-10 04:00") and write
 * it as ISO 8601 UTC ("2003-06-10T02:00:00Z") into out (at least 21
 * bytes).  Returns 1 on success, 0 if the text is not a date it knows. */
int erg_date_iso(const char *s, size_t len, char *out, size_t outsz);

#endif
