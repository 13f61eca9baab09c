/* test_export_xml.c: user text on its way into the SVG map and the HTML
 * report: escaped so that it stays text, cleared of what XML 1.0
 * forbids, and fitted into a card by its measured width. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/export_w.h"
#include "journeyhack/export_xml.h"

/* As the program runs: text is measured as UTF-8 whatever the locale. */
static void utf8(void)
{
	cr_assert_not_null(setlocale(LC_CTYPE, "C.UTF-8"));
}

TestSuite(export_xml, .init = utf8);

static char *escaped(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct export_w w;

	cr_assert_not_null(f);
	export_w_init(&w, f);
	export_xml_text(&w, s);
	cr_assert_eq(export_w_done(&w, NULL), 0);
	fclose(f);
	return buf;
}

#define ESCAPES_TO(in, out)                                                                        \
	do {                                                                                       \
		char *got_ = escaped(in);                                                          \
		cr_assert_str_eq(got_, out);                                                       \
		free(got_);                                                                        \
	} while (0)

Test(export_xml, markup_characters_become_entities)
{
	ESCAPES_TO("<script>alert(\"Åsa & Øyvind's\")</script>",
		   "&lt;script&gt;alert(&quot;Åsa &amp; Øyvind&#39;s&quot;)&lt;/script&gt;");
	ESCAPES_TO("]]> <!-- &amp;", "]]&gt; &lt;!-- &amp;amp;");
}

Test(export_xml, forbidden_characters_are_left_out)
{
	/* NUL cannot be in a C string; every other C0 but tab and newline,
	 * DEL, C1 (U+0085), U+FFFE, U+FFFF and a bidi override. */
	ESCAPES_TO("a\x01\x08\x0b\x0c\x1b[1mb\x7f\xc2\x85"
		   "c\xef\xbf\xbe\xef\xbf\xbf\xe2\x80\xae"
		   "d",
		   "a[1mbcd");
	ESCAPES_TO("rad 1\r\nrad 2\rrad 3\ttab", "rad 1\nrad 2\nrad 3\ttab");
}

Test(export_xml, invalid_utf8_becomes_the_replacement_character)
{
	ESCAPES_TO("bl\xe5"
		   "b\xe4"
		   "r",
		   "bl\xef\xbf\xbd"
		   "b\xef\xbf\xbd"
		   "r");
	ESCAPES_TO("blåbär æøå ÆØÅ", "blåbär æøå ÆØÅ");
	ESCAPES_TO(NULL, "");
}

Test(export_xml, flat_text_is_one_line_without_controls)
{
	char *s = export_xml_flat("  Åsa\n\t Øyvind \x01\x7f  och\r\nmer  ");

	cr_assert_str_eq(s, "Åsa Øyvind och mer");
	free(s);
}

Test(export_xml, widths_follow_the_letters)
{
	cr_assert_lt(export_xml_width("iiii", 10, 0), export_xml_width("mmmm", 10, 0));
	cr_assert_lt(export_xml_width("Kaffe", 10, 0), export_xml_width("Kaffe", 10, 1));
	cr_assert_float_eq(export_xml_width("åäö", 10, 0), export_xml_width("aao", 10, 0), 1e-9);
	cr_assert_float_eq(export_xml_width("Mm", 20, 0), 2 * export_xml_width("Mm", 10, 0), 1e-9);
	/* Wide characters are square; an unknown letter is not narrow. */
	cr_assert_float_eq(export_xml_width("漢字", 10, 0), 20.0, 1e-9);
	cr_assert_geq(export_xml_width("Ж", 10, 0), export_xml_width("a", 10, 0));
	cr_assert_float_eq(export_xml_width("", 10, 0), 0.0, 1e-9);
}

/* Every line of a wrap fits its width, unless it is one character. */
static void assert_fits(const char *wrapped, double size, int bold, double width, int maxlines)
{
	char *copy = strdup(wrapped), *save = NULL;
	int lines = 0;

	for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		lines++;
		cr_assert(export_xml_width(l, size, bold) <= width + 1e-9 || strlen(l) <= 4,
			  "line \"%s\" is wider than %g", l, width);
	}
	cr_assert_leq(lines, maxlines, "%d lines in \"%s\"", lines, wrapped);
	free(copy);
}

Test(export_xml, wraps_at_spaces)
{
	double w = export_xml_width("Fakturan kommer", 3, 0) + 0.01;
	char *s = export_xml_wrap("Fakturan kommer för sent", 3, 0, w, 3);

	cr_assert_str_eq(s, "Fakturan kommer\nför sent");
	free(s);
}

Test(export_xml, what_does_not_fit_ends_in_an_ellipsis)
{
	double w = export_xml_width("Fakturan kommer", 3, 1) + 0.01;
	char *s = export_xml_wrap("Fakturan kommer för sent och är svår att läsa", 3, 1, w, 2);

	cr_assert_str_eq(s, "Fakturan kommer\nför sent och är…");
	assert_fits(s, 3, 1, w, 2);
	free(s);
	/* One line: the ellipsis follows the last character that fits. */
	s = export_xml_wrap("Fakturan kommer", 3, 1, w - 1.0, 1);
	cr_assert_str_eq(s, "Fakturan kom…");
	assert_fits(s, 3, 1, w - 1.0, 1);
	free(s);
}

Test(export_xml, a_word_longer_than_a_line_is_broken)
{
	char *s = export_xml_wrap("Betalningspåminnelseavgiftsberäkning", 3, 0, 20, 5);

	cr_assert(strchr(s, '\n'), "%s", s);
	cr_assert_null(strstr(s, "\xe2\x80\xa6"), "%s", s);
	assert_fits(s, 3, 0, 20, 5);
	free(s);
}

Test(export_xml, every_width_and_line_count_fits)
{
	static const char *const texts[] = {
	    "Läsa villkoren på webbplatsen som är mycket långa och krångliga att förstå",
	    "Øyvind & Åsa <b>",
	    "漢字と かな の まじった ぶん",
	    "e\xcc\x81 combining marks e\xcc\x81",
	    "x",
	    ""};

	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
		for (double w = 4; w < 120; w += 3.5)
			for (int lines = 1; lines <= 4; lines++) {
				char *s = export_xml_wrap(texts[t], 3.2, (int)(w) % 2, w, lines);
				assert_fits(s, 3.2, (int)(w) % 2, w, lines);
				free(s);
			}
}

Test(export_xml, empty_text_or_no_lines_is_empty)
{
	char *a = export_xml_wrap("", 3, 0, 50, 2), *b = export_xml_wrap("Åsa", 3, 0, 50, 0);
	char *c = export_xml_wrap(" \n\x01 ", 3, 0, 50, 2);

	cr_assert_str_eq(a, "");
	cr_assert_str_eq(b, "");
	cr_assert_str_eq(c, "");
	free(a);
	free(b);
	free(c);
}

Test(export_xml, numbers_have_a_point_and_two_decimals_at_most)
{
	char b[32];

	cr_assert_str_eq(export_xml_num(12.5, b, sizeof b), "12.5");
	cr_assert_str_eq(export_xml_num(-3, b, sizeof b), "-3");
	cr_assert_str_eq(export_xml_num(0.25, b, sizeof b), "0.25");
	cr_assert_str_eq(export_xml_num(1.0 / 3, b, sizeof b), "0.33");
	cr_assert_str_eq(export_xml_num(-0.004, b, sizeof b), "0");
	cr_assert_str_eq(export_xml_num(-0.05, b, sizeof b), "-0.05");
	cr_assert_str_eq(export_xml_num(420, b, sizeof b), "420");
}
