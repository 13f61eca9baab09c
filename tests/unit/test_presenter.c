/* test_presenter.c: the big-digit layout of the projector view, worked
 * out by hand: pixel columns of a clock, the largest pixel that fits the
 * area (80x24 and 200x60 terminals), and the plain-text fallback. */
#include <criterion/criterion.h>
#include <string.h>

#include "journeyhack/presenter.h"

Test(presenter, units_count_glyphs_and_gaps)
{
	/* 3 + 1 + 3 + 1 + 1 (colon) + 1 + 3 + 1 + 3 */
	cr_assert_eq(presenter_units("00:00"), 17);
	/* the minus is 3 wide and one more gap */
	cr_assert_eq(presenter_units("-02:15"), 21);
	cr_assert_eq(presenter_units("120:00"), 21);
	cr_assert_eq(presenter_units(""), 0);
}

Test(presenter, an_80x24_terminal)
{
	struct presenter_size s;

	/* 16 rows left for digits: 3 rows a pixel; 80 / 17 = 4 columns */
	cr_assert_eq(presenter_layout(80, 16, 17, &s), 1);
	cr_assert_eq(s.px, 4);
	cr_assert_eq(s.py, 3);
	/* "-02:15": 80 / 21 = 3 columns, still as wide as tall */
	cr_assert_eq(presenter_layout(80, 16, 21, &s), 1);
	cr_assert_eq(s.px, 3);
	cr_assert_eq(s.py, 3);
}

Test(presenter, a_200x60_terminal_uses_the_room)
{
	struct presenter_size s;

	/* 52 rows: 10 a pixel, and 200 / 17 = 11 columns (at most 20) */
	cr_assert_eq(presenter_layout(200, 52, 17, &s), 1);
	cr_assert_eq(s.px, 11);
	cr_assert_eq(s.py, 10);
	/* 200 / 21 = 9 columns: 10 rows would be taller than wide, so 9 */
	cr_assert_eq(presenter_layout(200, 52, 21, &s), 1);
	cr_assert_eq(s.px, 9);
	cr_assert_eq(s.py, 9);
}

Test(presenter, never_more_than_twice_as_wide)
{
	struct presenter_size s;

	/* 5 rows: one a pixel; 200 / 17 = 11 columns, capped at 2 */
	cr_assert_eq(presenter_layout(200, 5, 17, &s), 1);
	cr_assert_eq(s.px, 2);
	cr_assert_eq(s.py, 1);
}

Test(presenter, too_small_falls_back_to_text)
{
	struct presenter_size s = {7, 7};

	/* 30 / 21 = 1 column: only 1x1 fits */
	cr_assert_eq(presenter_layout(30, 10, 21, &s), 1);
	cr_assert_eq(s.px, 1);
	cr_assert_eq(s.py, 1);
	/* 20 / 21 = 0 columns */
	cr_assert_eq(presenter_layout(20, 10, 21, &s), 0);
	cr_assert_eq(s.px, 0);
	cr_assert_eq(s.py, 0);
	/* fewer than 5 rows */
	cr_assert_eq(presenter_layout(80, 4, 17, &s), 0);
	cr_assert_eq(presenter_layout(80, 0, 17, &s), 0);
	cr_assert_eq(presenter_layout(-1, 20, 17, &s), 0);
	cr_assert_eq(presenter_layout(80, 20, 0, &s), 0);
}

Test(presenter, clock_text)
{
	char b[32];

	presenter_clock(0, b, sizeof b);
	cr_assert_str_eq(b, "00:00");
	presenter_clock(59, b, sizeof b);
	cr_assert_str_eq(b, "00:59");
	presenter_clock(7200, b, sizeof b);
	cr_assert_str_eq(b, "120:00");
	presenter_clock(-135, b, sizeof b);
	cr_assert_str_eq(b, "-02:15");
}

Test(presenter, glyphs)
{
	const char *const *rows;

	cr_assert_eq(presenter_glyph('8', &rows), 3);
	cr_assert_str_eq(rows[0], "###");
	cr_assert_str_eq(rows[1], "# #");
	cr_assert_str_eq(rows[2], "###");
	cr_assert_eq(presenter_glyph(':', &rows), 1);
	cr_assert_str_eq(rows[1], "#");
	cr_assert_str_eq(rows[2], " ");
	cr_assert_eq(presenter_glyph('-', &rows), 3);
	cr_assert_str_eq(rows[2], "###");
	cr_assert_str_eq(rows[0], "   ");
}
