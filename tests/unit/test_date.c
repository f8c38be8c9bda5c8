/* test_date.c - RFC 822 and ISO 8601 dates normalised to ISO 8601 UTC
 * (date.h). */
#include "testutil.h"

#include "date.h"

typedef struct {
	const char *name;
	const char *in;
	const char *out; /* NULL: rejected */
} dcase;

static const dcase dcases[] = {
	/* RFC 822 / 1123 / 2822 */
	{"rfc1123_gmt", "Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"},
	{"rfc_ut", "Tue, 10 Jun 2003 04:00:00 UT", "2003-06-10T04:00:00Z"},
	{"rfc_utc", "Tue, 10 Jun 2003 04:00:00 UTC", "2003-06-10T04:00:00Z"},
	{"rfc_z", "Tue, 10 Jun 2003 04:00:00 Z", "2003-06-10T04:00:00Z"},
	{"rfc_no_day_name", "10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"},
	{"rfc_full_day_name", "Tuesday, 10 Jun 2003 04:00:00 GMT",
	 "2003-06-10T04:00:00Z"},
	{"rfc_day_name_no_comma", "Tue 10 Jun 2003 04:00:00 GMT",
	 "2003-06-10T04:00:00Z"},
	{"rfc_one_digit_day", "Wed, 8 Aug 2012 11:44:54 EST",
	 "2012-08-08T16:44:54Z"},
	{"rfc_no_seconds", "Tue, 10 Jun 2003 04:00 GMT", "2003-06-10T04:00:00Z"},
	{"rfc_lowercase", "tue, 10 jun 2003 04:00:00 gmt", "2003-06-10T04:00:00Z"},
	{"rfc_full_month", "10 June 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"},
	{"rfc_sept", "10 Sept 2003 04:00:00 GMT", "2003-09-10T04:00:00Z"},
	{"rfc_two_digit_year_20xx", "Tue, 10 Jun 03 04:00:00 GMT",
	 "2003-06-10T04:00:00Z"},
	{"rfc_two_digit_year_19xx", "Thu, 10 Jun 99 04:00:00 GMT",
	 "1999-06-10T04:00:00Z"},
	{"rfc_plus_zone", "Tue, 14 May 2024 09:30:00 +0800",
	 "2024-05-14T01:30:00Z"},
	{"rfc_minus_zone_next_day", "Mon, 31 Dec 2018 22:00:00 -0300",
	 "2019-01-01T01:00:00Z"},
	{"rfc_plus_zone_prev_day", "Tue, 01 Jan 2019 01:00:00 +0530",
	 "2018-12-31T19:30:00Z"},
	{"rfc_zone_with_colon", "Tue, 10 Jun 2003 04:00:00 +02:00",
	 "2003-06-10T02:00:00Z"},
	{"rfc_est", "Tue, 10 Jun 2003 04:00:00 EST", "2003-06-10T09:00:00Z"},
	{"rfc_edt", "Tue, 10 Jun 2003 04:00:00 EDT", "2003-06-10T08:00:00Z"},
	{"rfc_cst", "Tue, 10 Jun 2003 04:00:00 CST", "2003-06-10T10:00:00Z"},
	{"rfc_cdt", "Tue, 10 Jun 2003 04:00:00 CDT", "2003-06-10T09:00:00Z"},
	{"rfc_mst", "Tue, 10 Jun 2003 04:00:00 MST", "2003-06-10T11:00:00Z"},
	{"rfc_mdt", "Tue, 10 Jun 2003 04:00:00 MDT", "2003-06-10T10:00:00Z"},
	{"rfc_pst", "Tue, 10 Jun 2003 04:00:00 PST", "2003-06-10T12:00:00Z"},
	{"rfc_pdt", "Tue, 10 Jun 2003 04:00:00 PDT", "2003-06-10T11:00:00Z"},
	/* RFC 2822: military letters other than Z are read as UTC */
	{"rfc_military_letter", "Tue, 10 Jun 2003 04:00:00 A",
	 "2003-06-10T04:00:00Z"},
	{"rfc_no_zone_is_utc", "Tue, 10 Jun 2003 04:00:00",
	 "2003-06-10T04:00:00Z"},
	{"rfc_date_only", "10 Jun 2003", "2003-06-10T00:00:00Z"},
	{"rfc_comment_after_zone", "Tue, 10 Jun 2003 04:00:00 -0700 (PDT)",
	 "2003-06-10T11:00:00Z"},
	{"rfc_dashes", "10-Jun-2003 04:00:00 GMT", "2003-06-10T04:00:00Z"},
	{"rfc_surrounding_space", "  \n Tue, 10 Jun 2003 04:00:00 GMT \t",
	 "2003-06-10T04:00:00Z"},
	{"rfc_leap_day", "Thu, 29 Feb 2024 12:00:00 GMT", "2024-02-29T12:00:00Z"},
	{"rfc_leap_second", "Sat, 31 Dec 2016 23:59:60 GMT",
	 "2016-12-31T23:59:59Z"},

	/* ISO 8601 / RFC 3339 / W3C-DTF */
	{"iso_z", "2003-06-10T04:00:00Z", "2003-06-10T04:00:00Z"},
	{"iso_offset", "2003-06-10T04:00:00+02:00", "2003-06-10T02:00:00Z"},
	{"iso_negative_offset", "2003-12-13T18:30:02-05:00",
	 "2003-12-13T23:30:02Z"},
	{"iso_offset_no_colon", "2003-06-10T04:00:00+0200",
	 "2003-06-10T02:00:00Z"},
	{"iso_offset_hours_only", "2003-06-10T04:00:00+02",
	 "2003-06-10T02:00:00Z"},
	{"iso_fraction", "2003-06-10T04:00:00.123456Z", "2003-06-10T04:00:00Z"},
	{"iso_fraction_comma", "2003-06-10T04:00:00,5+01:00",
	 "2003-06-10T03:00:00Z"},
	{"iso_no_seconds", "2003-06-10T04:00Z", "2003-06-10T04:00:00Z"},
	{"iso_space_separator", "2003-06-10 04:00", "2003-06-10T04:00:00Z"},
	{"iso_space_and_named_zone", "2003-06-10 04:00:00 UTC",
	 "2003-06-10T04:00:00Z"},
	{"iso_lowercase_t_z", "2003-06-10t04:00:00z", "2003-06-10T04:00:00Z"},
	{"iso_no_zone_is_utc", "2003-06-10T04:00:00", "2003-06-10T04:00:00Z"},
	{"iso_date_only", "2003-06-10", "2003-06-10T00:00:00Z"},
	{"iso_year_rollover", "2003-12-31T23:30:00-01:00",
	 "2004-01-01T00:30:00Z"},
	{"iso_year_rollback", "2004-01-01T00:30:00+01:00",
	 "2003-12-31T23:30:00Z"},
	{"iso_leap_rollover", "2024-02-28T23:00:00-02:00",
	 "2024-02-29T01:00:00Z"},
	{"iso_before_epoch", "1969-07-20T20:17:40Z", "1969-07-20T20:17:40Z"},
	{"iso_far_future", "2999-12-31T23:59:59Z", "2999-12-31T23:59:59Z"},

	/* junk and out-of-range fields */
	{"empty", "", NULL},
	{"spaces", "   ", NULL},
	{"words", "yesterday", NULL},
	{"rfc_bad_month", "Tue, 10 Foo 2003 04:00:00 GMT", NULL},
	{"rfc_localised_names", "Seg, 24 Set 2018 19:18:49 -0300", NULL},
	{"rfc_bad_day_name", "Xyz, 10 Jun 2003 04:00:00 GMT", NULL},
	{"rfc_unknown_zone", "Tue, 10 Jun 2003 04:00:00 XYZ", NULL},
	{"rfc_day_32", "32 Jan 2003 04:00:00 GMT", NULL},
	{"rfc_feb_29_not_leap", "29 Feb 2023 04:00:00 GMT", NULL},
	{"rfc_hour_24", "10 Jun 2003 24:00:00 GMT", NULL},
	{"rfc_minute_60", "10 Jun 2003 04:60:00 GMT", NULL},
	{"rfc_second_61", "10 Jun 2003 04:00:61 GMT", NULL},
	{"rfc_zone_out_of_range", "10 Jun 2003 04:00:00 +2500", NULL},
	{"rfc_trailing_junk", "Tue, 10 Jun 2003 04:00:00 GMT junk", NULL},
	{"rfc_five_digit_year", "10 Jun 20030 04:00:00 GMT", NULL},
	{"iso_month_13", "2003-13-10T04:00:00Z", NULL},
	{"iso_month_0", "2003-00-10", NULL},
	{"iso_day_0", "2003-06-00", NULL},
	{"iso_april_31", "2003-04-31", NULL},
	{"iso_hour_25", "2003-06-10T25:00:00Z", NULL},
	{"iso_bad_zone", "2003-06-10T04:00:00+2:00", NULL},
	{"iso_zone_minutes_60", "2003-06-10T04:00:00+01:60", NULL},
	{"iso_trailing_junk", "2003-06-10T04:00:00Zjunk", NULL},
	{"iso_missing_minutes", "2003-06-10T04", NULL},
	{"iso_one_digit_month", "2003-6-10", NULL},
	{"iso_year_month_only", "2003-06", NULL},
	{"iso_year_zero_underflow", "0001-01-01T00:00:00+01:00", NULL},
	{"iso_year_10000_overflow", "9999-12-31T23:30:00-01:00", NULL},
	{"iso_fraction_without_digits", "2003-06-10T04:00:00.Z", NULL},
	{"nul_inside", "2003-06-10\0T04:00:00Z", NULL},
};

static void date_case(void **state)
{
	const dcase *c = *state;
	char out[32];
	size_t len = strlen(c->in);
	int ok;

	/* The NUL case: give the whole literal, NUL included. */
	if (strcmp(c->name, "nul_inside") == 0)
		len = sizeof "2003-06-10\0T04:00:00Z" - 1;
	memset(out, 'x', sizeof out);
	ok = erg_date_iso(c->in, len, out, sizeof out);
	if (c->out) {
		if (!ok)
			print_error("rejected: \"%s\"\n", c->in);
		assert_true(ok);
		assert_string_equal(out, c->out);
	} else {
		if (ok)
			print_error("accepted: \"%s\" as %s\n", c->in, out);
		assert_false(ok);
	}
}

/* Only len bytes are read: the rest of the buffer may be anything. */
static void length_is_respected(void **state)
{
	static const char s[] = "2003-06-10T04:00:00Z and more";
	char out[21];

	(void)state;
	assert_true(erg_date_iso(s, 20, out, sizeof out));
	assert_string_equal(out, "2003-06-10T04:00:00Z");
	assert_false(erg_date_iso(s, 10 + 3, out, sizeof out));
	assert_true(erg_date_iso(s, 10, out, sizeof out));
	assert_string_equal(out, "2003-06-10T00:00:00Z");
}

/* The output needs 21 bytes; less is refused without writing past it. */
static void small_output(void **state)
{
	char out[32];

	(void)state;
	memset(out, 'x', sizeof out);
	assert_false(erg_date_iso("2003-06-10", 10, out, 20));
	assert_int_equal(out[20], 'x');
	assert_true(erg_date_iso("2003-06-10", 10, out, 21));
	assert_string_equal(out, "2003-06-10T00:00:00Z");
}

/* Every day over four centuries: RFC and ISO forms agree, the day after
 * the last of each month is the first of the next, and the process time
 * zone plays no part. */
static void calendar_walk(void **state)
{
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May",
	                                  "Jun", "Jul", "Aug", "Sep", "Oct",
	                                  "Nov", "Dec"};
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	                            31};
	char in[64], out[32], want[32];

	(void)state;
	setenv("TZ", "Pacific/Chatham", 1);
	for (int y = 1900; y < 2300; y++) {
		int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

		for (int m = 0; m < 12; m++) {
			int last = mdays[m] + (m == 1 && leap);

			snprintf(in, sizeof in, "%d %s %04d 23:30:00 -0100", last,
			         mon[m], y);
			if (m == 11)
				snprintf(want, sizeof want, "%04d-01-01T00:30:00Z", y + 1);
			else
				snprintf(want, sizeof want, "%04d-%02d-01T00:30:00Z", y,
				         m + 2);
			assert_true(erg_date_iso(in, strlen(in), out, sizeof out));
			assert_string_equal(out, want);
			snprintf(in, sizeof in, "%04d-%02d-%02dT23:30:00-01:00", y, m + 1,
			         last);
			assert_true(erg_date_iso(in, strlen(in), out, sizeof out));
			assert_string_equal(out, want);
			snprintf(in, sizeof in, "%04d-%02d-%02d", y, m + 1, last + 1);
			assert_false(erg_date_iso(in, strlen(in), out, sizeof out));
		}
	}
	unsetenv("TZ");
}

static void null_input(void **state)
{
	char out[32];

	(void)state;
	assert_false(erg_date_iso(NULL, 0, out, sizeof out));
	assert_false(erg_date_iso("2003-06-10", 10, NULL, 32));
}

int main(void)
{
	struct CMUnitTest tests[TU_COUNT(dcases) + 8];
	size_t n = 0;

	memset(tests, 0, sizeof tests);
	for (size_t i = 0; i < TU_COUNT(dcases); i++) {
		tests[n].name = dcases[i].name;
		tests[n].test_func = date_case;
		tests[n++].initial_state = (void *)(uintptr_t)&dcases[i];
	}
#define ADD(f)                      \
	do {                            \
		tests[n].name = #f;         \
		tests[n++].test_func = f;   \
	} while (0)
	ADD(length_is_respected);
	ADD(small_output);
	ADD(calendar_walk);
	ADD(null_input);
#undef ADD
	return _cmocka_run_group_tests("date", tests, n, NULL, NULL);
}
