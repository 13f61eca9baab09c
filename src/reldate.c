/* reldate.c: relative due dates. Day arithmetic is done on a count of
 * days rather than with mktime, so neither the time zone nor a change to
 * summer time can move a date by one. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/reldate.h"
#include "journeyhack/util.h"

#define REL_MAX	 9999 /* the largest N in "+Nd" */
#define WORD_MAX 32

struct ymd {
	long y;
	int m; /* 1..12 */
	int d; /* 1..31 */
};

/* Weekday names, 0 = Sunday as in struct tm, lower case. */
static const struct {
	const char *name;
	int wday;
} weekdays[] = {
    {"sunday", 0},  {"sun", 0},	     {"söndag", 0},  {"søndag", 0},    {"monday", 1},
    {"mon", 1},	    {"måndag", 1},   {"mandag", 1},  {"tuesday", 2},   {"tue", 2},
    {"tues", 2},    {"tisdag", 2},   {"tirsdag", 2}, {"wednesday", 3}, {"wed", 3},
    {"onsdag", 3},  {"thursday", 4}, {"thu", 4},     {"thur", 4},      {"thurs", 4},
    {"torsdag", 4}, {"friday", 5},   {"fri", 5},     {"fredag", 5},    {"saturday", 6},
    {"sat", 6},	    {"lördag", 6},   {"lørdag", 6},
};

static int leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(long y, int m)
{
	static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return md[m - 1] + (m == 2 && leap(y));
}

/* Days since 1970-01-01 of a proleptic Gregorian date: count in 400-year
 * eras that start on 1 March, so the leap day falls at an era's end. */
static long to_days(struct ymd t)
{
	long y = t.y - (t.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (t.m + (t.m > 2 ? -3 : 9)) + 2) / 5 + t.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static struct ymd from_days(long z)
{
	struct ymd t;
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	t.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	t.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	t.y = yoe + era * 400 + (t.m <= 2);
	return t;
}

/* 1970-01-01 was a Thursday. */
static int weekday(long days)
{
	long w = (days + 4) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

/* Lower-case ASCII and the capitals of å ä ö æ ø, the only non-ASCII
 * letters in the names; anything longer than a name is refused. */
static int fold(const char *in, char *out, size_t size)
{
	size_t n = 0;

	while (isspace((unsigned char)*in))
		in++;
	for (; *in && n + 1 < size; in++) {
		unsigned char c = (unsigned char)*in;

		if (n > 0 && (unsigned char)out[n - 1] == 0xC3 && c >= 0x80 && c <= 0x9E)
			c += 0x20;
		else if (c < 0x80)
			c = (unsigned char)tolower(c);
		out[n++] = (char)c;
	}
	if (*in)
		return -1;
	while (n > 0 && isspace((unsigned char)out[n - 1]))
		n--;
	out[n] = '\0';
	return 0;
}

static struct ymd add_months(struct ymd t, long n)
{
	long m = t.y * 12 + (t.m - 1) + n;
	struct ymd r = {m / 12, (int)(m % 12) + 1, t.d};

	if (r.d > month_days(r.y, r.m))
		r.d = month_days(r.y, r.m);
	return r;
}

/* "+Nd", "+Nw", "+Nm": 0 and *res set, or -1. */
static int offset(const char *s, struct ymd t, struct ymd *res)
{
	char *end;
	long n;

	if (*s != '+' || !isdigit((unsigned char)s[1]))
		return -1;
	n = strtol(s + 1, &end, 10);
	if (n > REL_MAX || end[0] == '\0' || end[1] != '\0')
		return -1;
	switch (*end) {
	case 'd':
		*res = from_days(to_days(t) + n);
		return 0;
	case 'w':
		*res = from_days(to_days(t) + 7 * n);
		return 0;
	case 'm':
		*res = add_months(t, n);
		return 0;
	default:
		return -1;
	}
}

static int named(const char *s, struct ymd t, struct ymd *res)
{
	long today = to_days(t);

	if (!strcmp(s, "today")) {
		*res = t;
		return 0;
	}
	if (!strcmp(s, "tomorrow")) {
		*res = from_days(today + 1);
		return 0;
	}
	for (size_t i = 0; i < sizeof weekdays / sizeof *weekdays; i++) {
		if (strcmp(s, weekdays[i].name))
			continue;
		int ahead = (weekdays[i].wday - weekday(today) + 7) % 7;
		*res = from_days(today + (ahead ? ahead : 7));
		return 0;
	}
	return -1;
}

static int refuse(const char *in, struct jh_err *err)
{
	return err_set(err,
		       _("\"%.40s\" is not a date (YYYY-MM-DD, +3d, +2w, +1m, today, tomorrow or "
			 "a weekday)"),
		       in);
}

int reldate_parse(const char *in, const struct tm *today, char out[11], struct jh_err *err)
{
	char word[WORD_MAX];
	struct ymd t = {today->tm_year + 1900L, today->tm_mon + 1, today->tm_mday}, res;

	if (fold(in, word, sizeof word))
		return refuse(in, err);
	if (!*word) {
		out[0] = '\0';
		return 0;
	}
	if (util_date_valid(word)) {
		memcpy(out, word, 11);
		return 0;
	}
	if (t.m < 1 || t.m > 12 || t.d < 1 || t.d > month_days(t.y, t.m))
		return err_set(err, _("today's date is not valid"));
	if (offset(word, t, &res) && named(word, t, &res))
		return refuse(in, err);
	if (res.y < 1900 || res.y > 9999)
		return refuse(in, err);
	snprintf(out, 11, "%04ld-%02d-%02d", res.y, res.m, res.d);
	return 0;
}

int reldate_resolve(const char *in, char out[11], struct jh_err *err)
{
	char day[11];
	struct tm tm;

	util_today(day);
	memset(&tm, 0, sizeof tm);
	tm.tm_year = atoi(day) - 1900;
	tm.tm_mon = atoi(day + 5) - 1;
	tm.tm_mday = atoi(day + 8);
	return reldate_parse(in, &tm, out, err);
}
