/* test_yesno.c: one set of yes/no words for every reader. */
#include <criterion/criterion.h>
#include <string.h>

#include "journeyhack/yesno.h"

static int parsed(const char *s)
{
	int v = -1;

	return yesno_parse(s, strlen(s), &v) ? -1 : v;
}

Test(yesno, every_word_the_readers_accepted_before_is_accepted)
{
	static const char *const yes[] = {"1", "yes", "y", "true", "on", "True", "TRUE", "Yes"};
	static const char *const no[] = {"0", "no", "n", "false", "off", "False", "FALSE", "No"};

	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		cr_expect_eq(parsed(yes[i]), 1, "%s", yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		cr_expect_eq(parsed(no[i]), 0, "%s", no[i]);
}

Test(yesno, case_does_not_matter_but_spelling_does)
{
	cr_expect_eq(parsed("ON"), 1);
	cr_expect_eq(parsed("oFf"), 0);
	cr_expect_eq(parsed("maybe"), -1);
	cr_expect_eq(parsed(""), -1);
	cr_expect_eq(parsed("yes "), -1);
	cr_expect_eq(parsed("10"), -1);
}

Test(yesno, an_embedded_nul_never_matches)
{
	int v = 7;

	cr_expect_eq(yesno_parse("yes\0", 4, &v), -1);
	cr_expect_eq(yesno_parse("ye\0", 3, &v), -1);
	cr_expect_eq(v, 7, "a refused word leaves the value alone");
	cr_expect_eq(yesno_parse("yes\0", 3, &v), 0);
	cr_expect_eq(v, 1);
}

Test(yesno, the_message_lists_every_word_once)
{
	cr_expect_str_eq(yesno_words(), "true, false, yes, no, on, off, y, n, 1 or 0");
	cr_expect_str_eq(yesno_words(), "true, false, yes, no, on, off, y, n, 1 or 0");
}
