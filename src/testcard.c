/* testcard.c: the test card as one editable text and back. A heading
 * line per part lets the text be split again without guessing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/testcard.h"
#include "journeyhack/util.h"

/* The labels the idea form shows for these fields (kinds.c). */
static const char *const headings[TESTCARD_NPARTS] = {
    N_("We believe that"),
    N_("To verify that, we will"),
    N_("and measure"),
    N_("We are right if"),
};

const char *testcard_heading(int i)
{
	return i >= 0 && i < TESTCARD_NPARTS ? _(headings[i]) : "";
}

char *testcard_format(const char *const parts[TESTCARD_NPARTS])
{
	size_t n = 1;
	char *out;

	for (int i = 0; i < TESTCARD_NPARTS; i++)
		n += strlen(testcard_heading(i)) + (parts[i] ? strlen(parts[i]) : 0) + 6;
	out = util_xmalloc(n);
	out[0] = '\0';
	for (int i = 0; i < TESTCARD_NPARTS; i++) {
		const char *p = parts[i] ? parts[i] : "";
		size_t len = strlen(out), pl = strlen(p);

		snprintf(out + len, n - len, "# %s\n%s%s\n", testcard_heading(i), p,
			 pl && p[pl - 1] != '\n' ? "\n" : "");
	}
	return out;
}

/* Which heading line [s, e) is, or -1. Trailing blanks and a CR from an
 * editor that wrote CRLF do not count. */
static int heading_of(const char *s, const char *e)
{
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	if (e < s + 2 || s[0] != '#' || s[1] != ' ')
		return -1;
	s += 2;
	for (int i = 0; i < TESTCARD_NPARTS; i++) {
		const char *h = testcard_heading(i);
		if ((size_t)(e - s) == strlen(h) && !memcmp(s, h, (size_t)(e - s)))
			return i;
	}
	return -1;
}

static int blank(const char *s, const char *e)
{
	for (; s < e; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	return 1;
}

/* The part's text without the blank lines around it and without the
 * trailing newline. */
static char *part_text(const char *s, const char *e)
{
	const char *ls = s;

	for (const char *p = s; p < e; p++)
		if (*p == '\n') {
			if (!blank(ls, p))
				break;
			ls = p + 1;
		}
	while (e > ls && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return util_xstrndup(ls, (size_t)(e - ls));
}

int testcard_parse(const char *text, char *parts[TESTCARD_NPARTS], struct jh_err *err)
{
	const char *start[TESTCARD_NPARTS] = {0}, *end[TESTCARD_NPARTS] = {0};
	const char *s = text;
	int cur = -1, line = 1;

	for (int i = 0; i < TESTCARD_NPARTS; i++)
		parts[i] = NULL;
	for (; *s; line++) {
		const char *e = strchr(s, '\n');
		const char *next = e ? e + 1 : s + strlen(s);
		int h = heading_of(s, e ? e : next);

		if (h < 0 && cur < 0 && !blank(s, e ? e : next))
			return err_set(err, _("line %d: text before the heading \"# %s\""), line,
				       testcard_heading(0));
		if (h >= 0) {
			if (h != cur + 1)
				return err_set(
				    err, _("line %d: \"# %s\" where \"# %s\" belongs"), line,
				    testcard_heading(h),
				    testcard_heading(cur + 1 < TESTCARD_NPARTS ? cur + 1 : cur));
			if (cur >= 0)
				end[cur] = s;
			cur = h;
			start[cur] = next;
		}
		s = next;
	}
	if (cur < TESTCARD_NPARTS - 1)
		return err_set(err, _("\"# %s\" is missing"), testcard_heading(cur + 1));
	end[cur] = s;
	for (int i = 0; i < TESTCARD_NPARTS; i++)
		parts[i] = part_text(start[i], end[i]);
	return 0;
}
