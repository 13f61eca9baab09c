/* test_reldate.c: due dates relative to a fixed today, worked by hand
 * against a calendar. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/items.h"
#include "journeyhack/kinds.h"
#include "journeyhack/reldate.h"

static struct tm day(int y, int m, int d)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	return tm;
}

static void resolves(struct tm today, const char *in, const char *want)
{
	char out[11] = "unset";
	struct jh_err err = {{0}};

	cr_assert_eq(reldate_parse(in, &today, out, &err), 0, "%s refused: %s", in, err.msg);
	cr_assert_str_eq(out, want, "%s", in);
}

static void refused(struct tm today, const char *in)
{
	char out[11] = "unset";
	struct jh_err err = {{0}};

	cr_assert_eq(reldate_parse(in, &today, out, &err), -1, "%s accepted as %s", in, out);
	cr_assert(strstr(err.msg, "is not a date"), "%s: %s", in, err.msg);
	cr_assert_str_eq(out, "unset", "%s wrote out", in);
}

/* 2026-12-01 is a Tuesday. */
Test(reldate, offsets_from_a_tuesday)
{
	struct tm t = day(2026, 12, 1);

	resolves(t, "today", "2026-12-01");
	resolves(t, "tomorrow", "2026-12-02");
	resolves(t, "+0d", "2026-12-01");
	resolves(t, "+3d", "2026-12-04");
	resolves(t, "+2w", "2026-12-15");
	resolves(t, "+1m", "2027-01-01");
	resolves(t, "+31d", "2027-01-01");
	resolves(t, " +2W ", "2026-12-15");
	resolves(t, "TODAY", "2026-12-01");
}

Test(reldate, each_weekday_is_the_next_one_never_today)
{
	struct tm t = day(2026, 12, 1);

	resolves(t, "wednesday", "2026-12-02");
	resolves(t, "thursday", "2026-12-03");
	resolves(t, "friday", "2026-12-04");
	resolves(t, "saturday", "2026-12-05");
	resolves(t, "sunday", "2026-12-06");
	resolves(t, "monday", "2026-12-07");
	resolves(t, "tuesday", "2026-12-08");
	resolves(t, "mon", "2026-12-07");
	resolves(t, "tue", "2026-12-08");
	resolves(t, "wed", "2026-12-02");
	resolves(t, "thu", "2026-12-03");
	resolves(t, "Fri", "2026-12-04");
	resolves(t, "sat", "2026-12-05");
	resolves(t, "sun", "2026-12-06");
}

Test(reldate, swedish_and_norwegian_weekdays_any_case)
{
	struct tm t = day(2026, 12, 1);

	resolves(t, "måndag", "2026-12-07");
	resolves(t, "MÅNDAG", "2026-12-07");
	resolves(t, "mandag", "2026-12-07");
	resolves(t, "tisdag", "2026-12-08");
	resolves(t, "Tirsdag", "2026-12-08");
	resolves(t, "onsdag", "2026-12-02");
	resolves(t, "torsdag", "2026-12-03");
	resolves(t, "fredag", "2026-12-04");
	resolves(t, "lördag", "2026-12-05");
	resolves(t, "LÖRDAG", "2026-12-05");
	resolves(t, "lørdag", "2026-12-05");
	resolves(t, "LØRDAG", "2026-12-05");
	resolves(t, "söndag", "2026-12-06");
	resolves(t, "Søndag", "2026-12-06");
}

Test(reldate, a_month_on_is_clamped_to_the_month_end)
{
	struct tm jan31 = day(2026, 1, 31);

	resolves(jan31, "+1m", "2026-02-28");
	resolves(jan31, "+2m", "2026-03-31");
	resolves(jan31, "+3m", "2026-04-30");
	resolves(jan31, "+13m", "2027-02-28");
	resolves(day(2026, 3, 31), "+1m", "2026-04-30");
	resolves(day(2026, 1, 30), "+1m", "2026-02-28");
}

Test(reldate, leap_years)
{
	resolves(day(2028, 1, 31), "+1m", "2028-02-29");
	resolves(day(2028, 2, 28), "+1d", "2028-02-29");
	resolves(day(2028, 2, 28), "+2d", "2028-03-01");
	resolves(day(2028, 2, 29), "+12m", "2029-02-28");
	resolves(day(2028, 2, 28), "tuesday", "2028-02-29");
	resolves(day(2100, 2, 28), "+1d", "2100-03-01");
	resolves(day(2000, 2, 28), "tomorrow", "2000-02-29");
}

/* 2026-12-28 is a Monday. */
Test(reldate, the_year_wraps)
{
	struct tm t = day(2026, 12, 28);

	resolves(t, "+1w", "2027-01-04");
	resolves(t, "+5d", "2027-01-02");
	resolves(t, "monday", "2027-01-04");
	resolves(t, "friday", "2027-01-01");
	resolves(t, "+1m", "2027-01-28");
	resolves(day(2026, 12, 31), "tomorrow", "2027-01-01");
	resolves(day(2026, 12, 31), "+2m", "2027-02-28");
	resolves(day(2026, 12, 31), "+365d", "2027-12-31");
}

Test(reldate, dates_and_empty_pass_through)
{
	struct tm t = day(2026, 12, 1);

	resolves(t, "2026-05-17", "2026-05-17");
	resolves(t, "2028-02-29", "2028-02-29");
	resolves(t, "", "");
	resolves(t, "  ", "");
}

Test(reldate, anything_else_is_refused)
{
	struct tm t = day(2026, 12, 1);
	const char *bad[] = {"+2x",	    "+w",	"2w",	      "+-1d",	 "+2ww",
			     "next monday", "måndagen", "2026-02-30", "+10000d", "yesterday",
			     "+2 w",	    "mo",	"+1d+1d"};

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		refused(t, bad[i]);
	refused(day(9999, 12, 31), "tomorrow");
}

Test(reldate, the_message_names_the_value)
{
	struct tm t = day(2026, 12, 1);
	struct jh_err err;
	char out[11];

	cr_assert_eq(reldate_parse("nästa vecka", &t, out, &err), -1);
	cr_assert_str_eq(err.msg, "\"nästa vecka\" is not a date (YYYY-MM-DD, +3d, +2w, +1m, "
				  "today, tomorrow or a weekday)");
}

/* The field check every input path shares: relative dates accepted, a
 * bad one named by field and value. */
Test(reldate, items_accept_relative_due_dates)
{
	const struct jh_field_def *due = kinds_field(kinds_get(JH_ACTION), "due");
	struct jh_err err;

	cr_assert_eq(items_check_value(due, "+2w", &err), 0, "%s", err.msg);
	cr_assert_eq(items_check_value(due, "fredag", &err), 0, "%s", err.msg);
	cr_assert_eq(items_check_value(due, "2026-12-24", &err), 0, "%s", err.msg);
	cr_assert_eq(items_check_value(due, "+2x", &err), -1);
	cr_assert_str_eq(err.msg, "due: \"+2x\" is not a date (YYYY-MM-DD, +3d, +2w, +1m, today, "
				  "tomorrow or a weekday)");
	cr_assert_eq(items_check_value(due, "2026-02-30", &err), -1);
	cr_assert_str_eq(err.msg, "due: \"2026-02-30\" is not a date (YYYY-MM-DD)");
}
