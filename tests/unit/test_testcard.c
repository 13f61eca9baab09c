/* test_testcard.c: the test card as one editor text and back, with the
 * mistakes a person makes in an editor. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/testcard.h"

static void parses(const char *text, const char *w0, const char *w1, const char *w2, const char *w3)
{
	char *parts[TESTCARD_NPARTS];
	struct jh_err err = {{0}};
	const char *want[] = {w0, w1, w2, w3};

	cr_assert_eq(testcard_parse(text, parts, &err), 0, "refused: %s", err.msg);
	for (int i = 0; i < TESTCARD_NPARTS; i++) {
		cr_assert_str_eq(parts[i], want[i], "part %d", i);
		free(parts[i]);
	}
}

static void refuses(const char *text, const char *want)
{
	char *parts[TESTCARD_NPARTS];
	struct jh_err err = {{0}};

	cr_assert_eq(testcard_parse(text, parts, &err), -1, "accepted: %s", text);
	cr_assert_str_eq(err.msg, want);
	for (int i = 0; i < TESTCARD_NPARTS; i++)
		cr_assert_null(parts[i]);
}

Test(format, writes_a_heading_line_per_part)
{
	const char *parts[] = {"kunder som förstår fakturan ringer mindre", "testa ny layout", NULL,
			       "samtalen minskar med 20 %"};
	char *text = testcard_format(parts);

	cr_assert_str_eq(text, "# We believe that\nkunder som förstår fakturan ringer mindre\n\n"
			       "# To verify that, we will\ntesta ny layout\n\n"
			       "# and measure\n\n"
			       "# We are right if\nsamtalen minskar med 20 %\n\n");
	free(text);
}

Test(parse, round_trips_what_format_wrote)
{
	const char *parts[] = {"Åsa tror att\nkunderna läser", "", "samtal om fakturan",
			       "Øyvind ser færre samtal"};
	char *text = testcard_format(parts);

	parses(text, "Åsa tror att\nkunderna läser", "", "samtal om fakturan",
	       "Øyvind ser færre samtal");
	free(text);
}

Test(parse, blank_lines_crlf_and_trailing_blanks_do_not_count)
{
	parses("\n# We believe that  \r\n\n  mindre kö\n\n\n# To verify that, we will\r\n"
	       "ring upp\n# and measure\nväntetid\n# We are right if\n\n",
	       "  mindre kö", "ring upp", "väntetid", "");
}

Test(parse, a_hash_line_that_is_no_heading_is_text)
{
	parses("# We believe that\n# inte en rubrik\n# To verify that, we will\n"
	       "#hashtag\n# and measure\nx\n# We are right if\ny",
	       "# inte en rubrik", "#hashtag", "x", "y");
}

Test(parse, a_missing_heading_is_named)
{
	refuses("# We believe that\na\n# To verify that, we will\nb\n# We are right if\nd\n",
		"line 5: \"# We are right if\" where \"# and measure\" belongs");
	refuses("# We believe that\na\n# To verify that, we will\nb\n# and measure\nc\n",
		"\"# We are right if\" is missing");
	refuses("", "\"# We believe that\" is missing");
}

Test(parse, reordered_or_repeated_headings_are_refused)
{
	refuses("# To verify that, we will\nb\n# We believe that\na\n",
		"line 1: \"# To verify that, we will\" where \"# We believe that\" belongs");
	refuses("# We believe that\na\n# We believe that\na\n",
		"line 3: \"# We believe that\" where \"# To verify that, we will\" belongs");
}

Test(parse, text_before_the_first_heading_is_refused)
{
	refuses("glömd rad\n# We believe that\na\n", "line 1: text before the heading \"# We "
						     "believe that\"");
}
