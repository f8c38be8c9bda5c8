/* date.c - publication dates in the two forms feeds use, RFC 822/1123 and
 * ISO 8601/RFC 3339, normalised to ISO 8601 UTC.
 *
 * The arithmetic is done here with the days-from-civil algorithm (proleptic
 * Gregorian calendar), so the result never depends on the process time
 * zone or on the C library's idea of time_t. */
#include "date.h"

#include <stdio.h>
#include <string.h>

/* Broken-down time as parsed, with the zone as minutes east of UTC. */
typedef struct {
	long year;
	int mon;   /* 1..12 */
	int day;   /* 1..31 */
	int hour;  /* 0..23 */
	int min;   /* 0..59 */
	int sec;   /* 0..60, a leap second is kept in its minute */
	long zone; /* minutes east of UTC */
} dt;

/* A cursor over the input. */
typedef struct {
	const char *p;
	const char *end;
} cur;

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int at_end(const cur *c)
{
	return c->p >= c->end;
}

static int peek(const cur *c)
{
	return at_end(c) ? -1 : (unsigned char)*c->p;
}

static void skip_space(cur *c)
{
	while (!at_end(c) && is_space((unsigned char)*c->p))
		c->p++;
}

/* Read between min and max digits; the value is at most 9 digits so it
 * never overflows a long. */
static int digits(cur *c, int min, int max, long *out)
{
	long v = 0;
	int n = 0;

	while (n < max && !at_end(c) && is_digit((unsigned char)*c->p)) {
		v = v * 10 + (*c->p - '0');
		c->p++;
		n++;
	}
	if (n < min)
		return 0;
	*out = v;
	return n;
}

/* Read exactly n digits into an int. */
static int fixed(cur *c, int n, int *out)
{
	long v;

	if (digits(c, n, n, &v) != n)
		return 0;
	*out = (int)v;
	return 1;
}

static int accept(cur *c, int ch)
{
	if (peek(c) == ch) {
		c->p++;
		return 1;
	}
	return 0;
}

/* The word of letters at the cursor, lower-cased into w (which holds up to
 * wsz - 1 letters); 0 if there is none or it is too long. */
static size_t word(cur *c, char *w, size_t wsz)
{
	size_t n = 0;

	while (!at_end(c) && is_alpha((unsigned char)*c->p)) {
		if (n + 1 >= wsz)
			return 0;
		w[n++] = (char)lower((unsigned char)*c->p);
		c->p++;
	}
	w[n] = '\0';
	return n;
}

static int leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(long y, int m)
{
	static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int valid(const dt *t)
{
	return t->year >= 1 && t->year <= 9999 && t->mon >= 1 && t->mon <= 12 &&
	       t->day >= 1 && t->day <= month_days(t->year, t->mon) &&
	       t->hour >= 0 && t->hour <= 23 && t->min >= 0 && t->min <= 59 &&
	       t->sec >= 0 && t->sec <= 60 && t->zone > -24 * 60 &&
	       t->zone < 24 * 60;
}

/* Shift to UTC and format; 0 if the result leaves years 1..9999. */
static int emit(const dt *t, char *out, size_t outsz)
{
	long days, mins, y;
	int m, d, sec = t->sec > 59 ? 59 : t->sec;

	if (!valid(t) || outsz < 21)
		return 0;
	days = days_from_civil(t->year, t->mon, t->day);
	mins = (long)t->hour * 60 + t->min - t->zone;
	while (mins < 0) {
		mins += 24 * 60;
		days--;
	}
	while (mins >= 24 * 60) {
		mins -= 24 * 60;
		days++;
	}
	civil_from_days(days, &y, &m, &d);
	if (y < 1 || y > 9999)
		return 0;
	snprintf(out, outsz, "%04ld-%02d-%02dT%02ld:%02ld:%02dZ", y, m, d,
	         mins / 60, mins % 60, sec);
	return 1;
}

/* --- ISO 8601 / RFC 3339 ------------------------------------------------ */

/* "Z", "+hh:mm", "+hhmm" or "+hh" (also U+2212 is not accepted). */
static int iso_zone(cur *c, long *zone)
{
	int sign, hh, mm = 0;

	if (accept(c, 'Z') || accept(c, 'z')) {
		*zone = 0;
		return 1;
	}
	if (accept(c, '+'))
		sign = 1;
	else if (accept(c, '-'))
		sign = -1;
	else
		return 0;
	if (!fixed(c, 2, &hh))
		return 0;
	if (accept(c, ':')) {
		if (!fixed(c, 2, &mm))
			return 0;
	} else if (is_digit(peek(c))) {
		if (!fixed(c, 2, &mm))
			return 0;
	}
	if (hh > 23 || mm > 59)
		return 0;
	*zone = sign * (hh * 60L + mm);
	return 1;
}

static int rfc_zone(cur *c, long *zone);

static int parse_iso(cur *c, dt *t)
{
	long y;

	if (digits(c, 4, 4, &y) != 4)
		return 0;
	t->year = y;
	if (!accept(c, '-') || !fixed(c, 2, &t->mon) || !accept(c, '-') ||
	    !fixed(c, 2, &t->day))
		return 0;
	if (at_end(c))
		return 1;
	if (!(accept(c, 'T') || accept(c, 't') || accept(c, ' ')))
		return 0;
	skip_space(c);
	if (!fixed(c, 2, &t->hour) || !accept(c, ':') || !fixed(c, 2, &t->min))
		return 0;
	if (accept(c, ':')) {
		if (!fixed(c, 2, &t->sec))
			return 0;
		if (accept(c, '.') || accept(c, ',')) {
			long frac;

			if (!digits(c, 1, 9, &frac))
				return 0;
			while (is_digit(peek(c)))
				c->p++;
		}
	}
	skip_space(c);
	if (at_end(c))
		return 1;
	if (is_alpha(peek(c)) && peek(c) != 'Z' && peek(c) != 'z')
		return rfc_zone(c, &t->zone);
	return iso_zone(c, &t->zone);
}

/* --- RFC 822 / 1123 / 2822 ---------------------------------------------- */

static int month_name(const char *w, size_t n)
{
	static const char *const names[12] = {
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"};

	if (n < 3)
		return 0;
	for (int i = 0; i < 12; i++) {
		size_t full = strlen(names[i]);

		/* "Jun", "June", and "Sept" are all seen in feeds. */
		if (n <= full && strncmp(w, names[i], n) == 0 &&
		    (n == 3 || n == full || (i == 8 && n == 4)))
			return i + 1;
	}
	return 0;
}

static int day_name(const char *w, size_t n)
{
	static const char *const names[7] = {"monday", "tuesday", "wednesday",
	                                     "thursday", "friday", "saturday",
	                                     "sunday"};

	for (int i = 0; i < 7; i++) {
		size_t full = strlen(names[i]);

		if ((n == 3 || n == full) && strncmp(w, names[i], n) == 0)
			return 1;
	}
	return 0;
}

/* Named zones, in minutes east of UTC.  Military letters other than Z
 * had their signs reversed in RFC 822, so RFC 2822 says to read them as
 * UTC; that is what is done here. */
static int named_zone(const char *w, size_t n, long *zone)
{
	static const struct {
		const char *name;
		int mins;
	} zones[] = {
		{"ut", 0},       {"utc", 0},      {"gmt", 0},      {"z", 0},
		{"est", -5 * 60}, {"edt", -4 * 60}, {"cst", -6 * 60},
		{"cdt", -5 * 60}, {"mst", -7 * 60}, {"mdt", -6 * 60},
		{"pst", -8 * 60}, {"pdt", -7 * 60},
	};

	for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
		if (strcmp(w, zones[i].name) == 0) {
			*zone = zones[i].mins;
			return 1;
		}
	if (n == 1 && w[0] != 'j') {
		*zone = 0;
		return 1;
	}
	return 0;
}

static int rfc_zone(cur *c, long *zone)
{
	char w[8];
	size_t n;
	int sign, hh, mm;

	if (peek(c) == '+' || peek(c) == '-') {
		sign = *c->p == '-' ? -1 : 1;
		c->p++;
		if (!fixed(c, 2, &hh))
			return 0;
		accept(c, ':');
		if (!fixed(c, 2, &mm) || hh > 23 || mm > 59)
			return 0;
		*zone = sign * (hh * 60L + mm);
		return 1;
	}
	n = word(c, w, sizeof w);
	if (n == 0)
		return 0;
	return named_zone(w, n, zone);
}

static int parse_rfc822(cur *c, dt *t)
{
	char w[16];
	size_t n;
	long v;
	int nd;

	skip_space(c);
	if (is_alpha(peek(c))) {
		n = word(c, w, sizeof w);
		if (n == 0 || !day_name(w, n))
			return 0;
		skip_space(c);
		accept(c, ',');
		skip_space(c);
	}
	if (!digits(c, 1, 2, &v))
		return 0;
	t->day = (int)v;
	/* "10 Jun 2003" and "10-Jun-2003" */
	if (!accept(c, '-'))
		skip_space(c);
	n = word(c, w, sizeof w);
	if (n == 0 || !(t->mon = month_name(w, n)))
		return 0;
	if (!accept(c, '-'))
		skip_space(c);
	nd = digits(c, 2, 4, &v);
	if (nd == 2)
		v += v < 50 ? 2000 : 1900;
	else if (nd == 3)
		v += 1900;
	else if (nd != 4)
		return 0;
	t->year = v;
	if (is_digit(peek(c)))
		return 0;
	skip_space(c);
	if (at_end(c))
		return 1;
	if (!digits(c, 1, 2, &v))
		return 0;
	t->hour = (int)v;
	if (!accept(c, ':') || !fixed(c, 2, &t->min))
		return 0;
	if (accept(c, ':') && !fixed(c, 2, &t->sec))
		return 0;
	skip_space(c);
	if (at_end(c))
		return 1;
	if (!rfc_zone(c, &t->zone))
		return 0;
	skip_space(c);
	/* A trailing comment, as in "-0800 (PST)". */
	if (accept(c, '(')) {
		while (!at_end(c) && *c->p != ')' && *c->p != '(')
			c->p++;
		if (!accept(c, ')'))
			return 0;
	}
	return 1;
}

int erg_date_iso(const char *s, size_t len, char *out, size_t outsz)
{
	cur c;
	dt t;
	int ok = 0;

	if (!s || !out || outsz < 21)
		return 0;
	c.p = s;
	c.end = s + len;
	while (c.p < c.end && is_space((unsigned char)*c.p))
		c.p++;
	while (c.end > c.p && is_space((unsigned char)c.end[-1]))
		c.end--;
	if (c.end - c.p > 128)
		goto out;
	memset(&t, 0, sizeof t);
	if (c.end - c.p >= 5 && is_digit((unsigned char)c.p[0]) &&
	    is_digit((unsigned char)c.p[1]) && is_digit((unsigned char)c.p[2]) &&
	    is_digit((unsigned char)c.p[3]) && c.p[4] == '-')
		ok = parse_iso(&c, &t);
	else
		ok = parse_rfc822(&c, &t);
	skip_space(&c);
	ok = ok && at_end(&c) && emit(&t, out, outsz);
out:
	if (!ok)
		out[0] = '\0';
	return ok;
}
