/* test_text.c: display width, truncation and terminal safety of text. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/text.h"
#include "journeyhack/util.h"

static void utf8_locale(void)
{
	/* wcwidth only knows wide and combining characters in a UTF-8
	 * locale; C.UTF-8 ships with Debian's libc itself. */
	cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"), "C.UTF-8 locale missing");
}

static void c_locale(void)
{
	cr_assert_not_null(setlocale(LC_ALL, "C"));
}

TestSuite(text, .init = utf8_locale);
TestSuite(text_c_locale, .init = c_locale);

/* What every output of text_safe/text_fit must be: valid UTF-8 with no
 * C0 control (newline and tab allowed only when kept on purpose), no
 * DEL, and no C1 control in its two-byte UTF-8 form. */
static void assert_terminal_safe(const char *s, int allow_nl_tab)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, n = strlen(s);

	cr_assert(text_utf8_valid(s, n), "not valid UTF-8: \"%s\"", s);
	for (i = 0; i < n; i++) {
		if (allow_nl_tab && (u[i] == '\n' || u[i] == '\t'))
			continue;
		cr_assert(u[i] >= 0x20 && u[i] != 0x7F, "control byte 0x%02x at %zu", u[i], i);
		if (u[i] == 0xC2 && i + 1 < n)
			cr_assert(u[i + 1] < 0x80 || u[i + 1] > 0x9F, "C1 control at %zu", i);
	}
}

static char *fit(const char *s, int cols, int pad)
{
	char *r = text_fit_dup(s, cols, pad);

	assert_terminal_safe(r, 0);
	cr_assert_leq(text_width(r), cols < 0 ? 0 : cols, "\"%s\" wider than %d", r, cols);
	if (pad && cols > 0)
		cr_assert_eq(text_width(r), cols, "\"%s\" not padded to %d", r, cols);
	return r;
}

static void expect_fit(const char *s, int cols, int pad, const char *want)
{
	char *r = fit(s, cols, pad);

	cr_expect_str_eq(r, want, "text_fit(\"%s\", %d, %d)", s, cols, pad);
	free(r);
}

/* ---- decoding ---- */

Test(text, decode_lengths_and_code_points)
{
	unsigned int cp;

	cr_expect_eq(text_decode("A", 1, &cp), 1);
	cr_expect_eq(cp, 'A');
	cr_expect_eq(text_decode("\xc3\xa5", 2, &cp), 2); /* å */
	cr_expect_eq(cp, 0xE5);
	cr_expect_eq(text_decode("\xe4\xb8\xad", 3, &cp), 3); /* 中 */
	cr_expect_eq(cp, 0x4E2D);
	cr_expect_eq(text_decode("\xf0\x9f\x98\x80", 4, &cp), 4); /* U+1F600 */
	cr_expect_eq(cp, 0x1F600);
	cr_expect_eq(text_decode("\xf4\x8f\xbf\xbf", 4, &cp), 4);
	cr_expect_eq(cp, 0x10FFFF);
	cr_expect_eq(text_decode("x", 0, &cp), 0);
}

Test(text, decode_rejects_malformed)
{
	static const struct {
		const char *s;
		size_t len;
	} bad[] = {
	    {"\x80", 1}, /* lone continuation */
	    {"\xbf", 1},
	    {"\xc0\x80", 2},	     /* overlong NUL */
	    {"\xc1\x9b", 2},	     /* overlong ESC */
	    {"\xe0\x80\x9b", 3},     /* overlong ESC, three bytes */
	    {"\xf0\x80\x80\x9b", 4}, /* overlong ESC, four bytes */
	    {"\xed\xa0\x80", 3},     /* surrogate U+D800 */
	    {"\xed\xbf\xbf", 3},     /* surrogate U+DFFF */
	    {"\xf4\x90\x80\x80", 4}, /* U+110000 */
	    {"\xf5\x80\x80\x80", 4},
	    {"\xff", 1},
	    {"\xfe", 1},
	    {"\xc3", 1}, /* truncated by len */
	    {"\xe4\xb8", 2},
	    {"\xc3\xa5", 1},	 /* complete, but len says otherwise */
	    {"\xe4\x41\xad", 3}, /* bad continuation */
	};
	size_t i;
	unsigned int cp;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cp = 0;
		cr_expect_eq(text_decode(bad[i].s, bad[i].len, &cp), 1, "case %zu", i);
		cr_expect_eq(cp, 0xFFFD, "case %zu", i);
	}
}

/* ---- width ---- */

Test(text, nordic_letters_are_one_column_each)
{
	cr_expect_eq(text_width("\xc3\xa5\xc3\xa4\xc3\xb6\xc3\xa6\xc3\xb8"), 5); /* åäöæø */
	cr_expect_eq(text_width("\xc3\x85\xc3\x84\xc3\x96\xc3\x86\xc3\x98"), 5); /* ÅÄÖÆØ */
	cr_expect_eq(text_width("Malm\xc3\xb6"), 5);
	cr_expect_eq(text_width("Fakturan \xc3\xa4r f\xc3\xb6rvirrande"), 23);
	cr_expect_eq(text_width("Kundtj\xc3\xa4nst i \xc3\x85rhus og Tr\xc3\xb8ndelag"), 31);
	cr_expect_eq(text_width("\xc3\x86rlig \xc3\xb8l"), 8); /* Ærlig øl */
}

Test(text, east_asian_wide_is_two_columns)
{
	cr_expect_eq(text_width("\xe4\xb8\xad\xe6\x96\x87"), 4);	     /* 中文 */
	cr_expect_eq(text_width("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"), 6); /* 日本語 */
	cr_expect_eq(text_width("a\xe4\xb8\xad"
				"b"),
		     4);
	cr_expect_eq(text_width("\xef\xbc\xa1"), 2);		 /* fullwidth A */
	cr_expect_eq(text_width("\xed\x95\x9c\xea\xb8\x80"), 4); /* 한글 */
	cr_expect_eq(text_cp_width(0x4E2D), 2);
}

Test(text, combining_marks_take_no_column)
{
	cr_expect_eq(text_width("e\xcc\x81"), 1);	   /* e + acute */
	cr_expect_eq(text_width("A\xcc\x8a"), 1);	   /* A + ring: Å decomposed */
	cr_expect_eq(text_width("a\xcc\x88o\xcc\x88"), 2); /* ä ö decomposed */
	cr_expect_eq(text_cp_width(0x0301), 0);
	cr_expect_eq(text_width("\xcc\x81"), 0); /* a mark with nothing to sit on */
}

Test(text, controls_count_as_their_symbol)
{
	cr_expect_eq(text_cp_width(0x1B), 1);
	cr_expect_eq(text_cp_width(0x00), 1);
	cr_expect_eq(text_cp_width(0x7F), 1);
	cr_expect_eq(text_cp_width(0x9B), 1);
	cr_expect_eq(text_cp_width('\n'), 1);
	cr_expect_eq(text_cp_width('\t'), 1);
	cr_expect_eq(text_width("\x1b[2J"), 4);
	cr_expect_eq(text_width("a\nb\tc"), 5);
}

Test(text, width_of_odd_input)
{
	cr_expect_eq(text_width(NULL), 0);
	cr_expect_eq(text_width(""), 0);
	cr_expect_eq(text_width("\xff\xfe"), 2); /* two U+FFFD */
	cr_expect_eq(text_width("\xe4\xb8"), 2); /* truncated: one U+FFFD per byte */
	cr_expect_eq(text_cp_width(0x10FFFF + 1), 1);
	cr_expect_eq(text_cp_width(0xD800), 1);
	/* Unassigned code point: printable as far as a terminal goes. */
	cr_expect_eq(text_cp_width(0x0378), 1);
}

Test(text, width_is_what_safe_shows)
{
	static const char *const samples[] = {
	    "plain",
	    "\xc3\xa5r",
	    "\x1b]0;pwned\x07",
	    "\xc2\x9b"
	    "2J",
	    "a\x7f"
	    "b",
	    "\xff",
	    "\xe4\xb8\xad\xcc\x81",
	    "tab\there",
	    "line\nbreak",
	};
	char out[256];
	size_t i;

	for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		text_safe(samples[i], out, sizeof out, 1);
		cr_expect_eq(text_width(out), text_width(samples[i]), "sample %zu", i);
	}
}

Test(text_c_locale, non_ascii_counts_one_column)
{
	cr_expect_eq(text_width("\xc3\xa5\xc3\xa4\xc3\xb6"), 3);
	cr_expect_eq(text_width("\xe4\xb8\xad\xe6\x96\x87"), 2);
	cr_expect_eq(text_width("abc"), 3);
}

Test(text_c_locale, fit_still_safe_and_padded)
{
	char *r = fit("\xe4\xb8\xad\xe6\x96\x87\x1b[2J", 4, 1);

	cr_expect_str_eq(r, "\xe4\xb8\xad\xe6\x96\x87\xe2\x90\x9b\xe2\x80\xa6");
	free(r);
}

/* ---- text_safe ---- */

Test(text, escape_sequences_become_visible)
{
	char out[128];
	size_t n;

	/* Set-title (OSC) and clear-screen (CSI) sequences. */
	n = text_safe("\x1b]0;pwned\x07", out, sizeof out, 1);
	cr_expect_str_eq(out, "\xe2\x90\x9b]0;pwned\xe2\x90\x87"); /* ␛]0;pwned␇ */
	cr_expect_eq(n, strlen(out));
	cr_expect_null(memchr(out, 0x1b, n));
	cr_expect_null(memchr(out, 0x07, n));

	text_safe("\x1b[2J", out, sizeof out, 1);
	cr_expect_str_eq(out, "\xe2\x90\x9b[2J"); /* ␛[2J */
	cr_expect_null(strchr(out, 0x1b));

	/* C1 CSI in its UTF-8 form, and as a raw byte. */
	text_safe("\xc2\x9b"
		  "2J",
		  out, sizeof out, 1);
	cr_expect_str_eq(out, "\xef\xbf\xbd"
			      "2J");
	text_safe("\x9b"
		  "2J",
		  out, sizeof out, 1);
	cr_expect_str_eq(out, "\xef\xbf\xbd"
			      "2J");

	/* An ESC hidden in an overlong encoding stays hidden: no 0x1b. */
	text_safe("\xc1\x9b[2J", out, sizeof out, 1);
	cr_expect_str_eq(out, "\xef\xbf\xbd\xef\xbf\xbd[2J");
	assert_terminal_safe(out, 0);
}

Test(text, every_c0_control_and_del)
{
	char in[2] = {0, 0}, out[8], want[8];
	unsigned int c;

	for (c = 1; c < 0x20; c++) {
		if (c == '\n' || c == '\t')
			continue;
		in[0] = (char)c;
		text_safe(in, out, sizeof out, 0);
		snprintf(want, sizeof want, "\xe2\x90%c", (char)(0x80 + c));
		cr_expect_str_eq(out, want, "control 0x%02x", c);
	}
	text_safe("\x7f", out, sizeof out, 1);
	cr_expect_str_eq(out, "\xe2\x90\xa1"); /* ␡ */
	text_safe("\r", out, sizeof out, 1);
	cr_expect_str_eq(out, "\xe2\x90\x8d"); /* ␍ */
}

Test(text, every_c1_control)
{
	char in[3] = {(char)0xC2, 0, 0}, out[8];
	unsigned int c;

	for (c = 0x80; c < 0xA0; c++) {
		in[1] = (char)c;
		text_safe(in, out, sizeof out, 1);
		cr_expect_str_eq(out, "\xef\xbf\xbd", "C1 0x%02x", c);
	}
	/* U+00A0 is the first character after them and passes through. */
	text_safe("\xc2\xa0", out, sizeof out, 1);
	cr_expect_str_eq(out, "\xc2\xa0");
}

Test(text, newline_and_tab_flattened_or_kept)
{
	char out[64];

	text_safe("a\nb\tc", out, sizeof out, 1);
	cr_expect_str_eq(out, "a b c");
	text_safe("a\nb\tc", out, sizeof out, 0);
	cr_expect_str_eq(out, "a\nb\tc");
	/* CR is not a line end here: it could overwrite the line. */
	text_safe("a\r\nb", out, sizeof out, 0);
	cr_expect_str_eq(out, "a\xe2\x90\x8d\nb");
}

Test(text, printable_text_unchanged)
{
	static const char *const keep[] = {
	    "Fix the invoice",
	    "\xc3\x85sa \xc3\x86r\xc3\xb8 M\xc3\xa4lar\xc3\xb6",
	    "\xe4\xb8\xad\xe6\x96\x87",
	    "e\xcc\x81",
	    "\xf0\x9f\x98\x80",
	    "\xef\xbf\xbd",
	    "\xe2\x80\xa6",
	};
	char out[64];
	size_t i;

	for (i = 0; i < sizeof keep / sizeof keep[0]; i++) {
		size_t n = text_safe(keep[i], out, sizeof out, 1);

		cr_expect_str_eq(out, keep[i]);
		cr_expect_eq(n, strlen(keep[i]));
	}
}

Test(text, invalid_utf8_replaced_per_byte)
{
	char out[64];

	text_safe("ok\xff"
		  "x\xe4\xb8"
		  "y\xed\xa0\x80",
		  out, sizeof out, 1);
	cr_expect_str_eq(out, "ok\xef\xbf\xbd"
			      "x\xef\xbf\xbd\xef\xbf\xbd"
			      "y\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	/* Latin-1 "Malmö" from a badly saved file. */
	text_safe("Malm\xf6", out, sizeof out, 1);
	cr_expect_str_eq(out, "Malm\xef\xbf\xbd");
}

Test(text, safe_null_and_empty)
{
	char out[4] = "zzz";

	cr_expect_eq(text_safe(NULL, out, sizeof out, 1), 0);
	cr_expect_str_eq(out, "");
	cr_expect_eq(text_safe("", out, sizeof out, 1), 0);
	cr_expect_str_eq(out, "");
}

Test(text, safe_tiny_buffers_cut_at_a_character)
{
	char out[8];

	memset(out, 'Z', sizeof out);
	cr_expect_eq(text_safe("abc", out, 0, 1), 0);
	cr_expect_eq(out[0], 'Z', "outsize 0 must not write");

	cr_expect_eq(text_safe("abc", out, 1, 1), 0);
	cr_expect_str_eq(out, "");
	cr_expect_eq(text_safe("abc", out, 3, 1), 2);
	cr_expect_str_eq(out, "ab");

	/* å needs 2 bytes + NUL. */
	cr_expect_eq(text_safe("\xc3\xa5", out, 2, 1), 0);
	cr_expect_str_eq(out, "");
	cr_expect_eq(text_safe("\xc3\xa5", out, 3, 1), 2);
	cr_expect_str_eq(out, "\xc3\xa5");

	/* ESC grows to 3 bytes: a 3-byte buffer holds none of it. */
	cr_expect_eq(text_safe("\x1b", out, 3, 1), 0);
	cr_expect_str_eq(out, "");
	cr_expect_eq(text_safe("a\x1b"
			       "b",
			       out, 4, 1),
		     1);
	cr_expect_str_eq(out, "a");
	cr_expect_eq(text_safe("a\x1b"
			       "b",
			       out, 5, 1),
		     4);
	cr_expect_str_eq(out, "a\xe2\x90\x9b");
	cr_expect_eq(text_safe("a\x1b"
			       "b",
			       out, 6, 1),
		     5);
	cr_expect_str_eq(out, "a\xe2\x90\x9b"
			      "b");

	/* After a piece that does not fit, nothing later sneaks in. */
	cr_expect_eq(text_safe("\xe4\xb8\xad"
			       "a",
			       out, 3, 1),
		     0);
	cr_expect_str_eq(out, "");
}

/* ---- text_fit ---- */

Test(text, fit_short_text_and_padding)
{
	expect_fit("hello", 10, 0, "hello");
	expect_fit("hello", 10, 1, "hello     ");
	expect_fit("", 3, 1, "   ");
	expect_fit(NULL, 2, 1, "  ");
	expect_fit("", 3, 0, "");
}

Test(text, fit_exact_width_has_no_ellipsis)
{
	expect_fit("hello", 5, 0, "hello");
	expect_fit("hello", 5, 1, "hello");
	expect_fit("\xc3\x85sa", 3, 1, "\xc3\x85sa");
	expect_fit("\xe4\xb8\xad\xe6\x96\x87", 4, 0, "\xe4\xb8\xad\xe6\x96\x87");
}

Test(text, fit_cuts_with_ellipsis)
{
	expect_fit("hello", 4, 0, "hel\xe2\x80\xa6");
	expect_fit("hello", 4, 1, "hel\xe2\x80\xa6");
	expect_fit("hello", 2, 0, "h\xe2\x80\xa6");
	expect_fit("hello", 1, 0, "\xe2\x80\xa6");
	expect_fit("hello", 1, 1, "\xe2\x80\xa6");
	expect_fit("Fakturan \xc3\xa4r f\xc3\xb6rvirrande", 12, 0,
		   "Fakturan \xc3\xa4r\xe2\x80\xa6");
	expect_fit("\xc3\x85\xc3\x84\xc3\x96\xc3\x86\xc3\x98", 4, 1,
		   "\xc3\x85\xc3\x84\xc3\x96\xe2\x80\xa6");
}

Test(text, fit_zero_or_negative_columns)
{
	expect_fit("hello", 0, 0, "");
	expect_fit("hello", 0, 1, "");
	expect_fit("hello", -3, 1, "");
	expect_fit("", 0, 1, "");
}

Test(text, fit_wide_char_at_the_boundary)
{
	/* "ab中文" is 6 columns. */
	const char *s = "ab\xe4\xb8\xad\xe6\x96\x87";

	expect_fit(s, 6, 0, s);
	/* 5: "ab中" (4) + "…" */
	expect_fit(s, 5, 0, "ab\xe4\xb8\xad\xe2\x80\xa6");
	/* 4: 中 would end in column 4, leaving no room for "…": it is left
	 * out whole and the padding fills its last column. */
	expect_fit(s, 4, 0, "ab\xe2\x80\xa6");
	expect_fit(s, 4, 1, "ab\xe2\x80\xa6 ");
	expect_fit(s, 3, 1, "ab\xe2\x80\xa6");
	expect_fit(s, 2, 1, "a\xe2\x80\xa6");

	/* All wide. */
	expect_fit("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97", 4, 1, "\xe4\xb8\xad\xe2\x80\xa6 ");
	expect_fit("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97", 5, 1,
		   "\xe4\xb8\xad\xe6\x96\x87\xe2\x80\xa6");
	expect_fit("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97", 2, 1, "\xe2\x80\xa6 ");
	expect_fit("\xe4\xb8\xad", 1, 1, "\xe2\x80\xa6");
	expect_fit("\xe4\xb8\xad", 2, 1, "\xe4\xb8\xad");
	expect_fit("\xe4\xb8\xad", 3, 1, "\xe4\xb8\xad ");
	/* A wide character exactly filling the last two columns fits. */
	expect_fit("a\xe4\xb8\xad", 3, 0, "a\xe4\xb8\xad");
	expect_fit("a\xe4\xb8\xad", 2, 1, "a\xe2\x80\xa6");
}

Test(text, fit_keeps_combining_marks_with_their_letter)
{
	/* "éé" + "é", decomposed: 3 columns, 2 characters of 2 bytes + mark */
	expect_fit("e\xcc\x81"
		   "e\xcc\x81"
		   "e\xcc\x81",
		   3, 0,
		   "e\xcc\x81"
		   "e\xcc\x81"
		   "e\xcc\x81");
	expect_fit("e\xcc\x81"
		   "e\xcc\x81"
		   "e\xcc\x81",
		   2, 0, "e\xcc\x81\xe2\x80\xa6");
	expect_fit("A\xcc\x8a"
		   "sa",
		   3, 1,
		   "A\xcc\x8a"
		   "sa");
}

Test(text, fit_makes_controls_visible_and_flattens)
{
	expect_fit("\x1b[2J", 6, 1, "\xe2\x90\x9b[2J  ");
	expect_fit("\x1b]0;pwned\x07", 5, 0, "\xe2\x90\x9b]0;\xe2\x80\xa6");
	expect_fit("two\nlines\there", 20, 0, "two lines here");
	expect_fit("a\xff"
		   "b",
		   3, 0,
		   "a\xef\xbf\xbd"
		   "b");

	{
		char *r = fit("\x1b\x1b\x1b\x1b\x1b\x1b", 100, 1);
		cr_expect_null(strchr(r, 0x1b));
		free(r);
	}
}

Test(text, fit_tiny_buffers)
{
	char out[16];
	size_t n;

	memset(out, 'Z', sizeof out);
	cr_expect_eq(text_fit("hello", 5, 1, out, 0), 0);
	cr_expect_eq(out[0], 'Z');

	n = text_fit("hello world", 8, 1, out, 4);
	cr_expect_eq(n, 3);
	cr_expect_str_eq(out, "hel");

	/* "abc…" needs 6 bytes + NUL; with 5 the ellipsis does not fit. */
	n = text_fit("abcdef", 4, 0, out, 5);
	cr_expect_eq(n, 3);
	cr_expect_str_eq(out, "abc");
	n = text_fit("abcdef", 4, 0, out, 7);
	cr_expect_eq(n, 6);
	cr_expect_str_eq(out, "abc\xe2\x80\xa6");

	/* Never half a wide character. */
	n = text_fit("\xe4\xb8\xad\xe6\x96\x87", 4, 0, out, 5);
	cr_expect_eq(n, 3);
	cr_expect_str_eq(out, "\xe4\xb8\xad");
	n = text_fit("\xe4\xb8\xad\xe6\x96\x87", 4, 0, out, 1);
	cr_expect_eq(n, 0);
	cr_expect_str_eq(out, "");
}

Test(text, fit_returns_bytes_written)
{
	char out[64];

	cr_expect_eq(text_fit("hello", 4, 0, out, sizeof out), strlen("hel\xe2\x80\xa6"));
	cr_expect_eq(text_fit("hi", 5, 1, out, sizeof out), 5);
	cr_expect_eq(text_fit("\xe4\xb8\xad", 3, 1, out, sizeof out), 4);
}

Test(text, fit_dup_long_padding)
{
	char *r = fit("x", 300, 1);

	cr_expect_eq(strlen(r), 300);
	cr_expect_eq(r[0], 'x');
	cr_expect_eq(r[299], ' ');
	free(r);
}

/* Random bytes biased towards the troublesome: controls, invalid bytes,
 * wide and combining characters. Every output must stay safe and fit. */
Test(text, random_input_always_safe)
{
	static const char *const pieces[] = {
	    "a",
	    " ",
	    "\x1b",
	    "\x07",
	    "\x7f",
	    "\n",
	    "\t",
	    "\r",
	    "\xc2\x9b",
	    "\xc2\x85",
	    "\xff",
	    "\x80",
	    "\xc3",
	    "\xe4\xb8",
	    "\xe4\xb8\xad",
	    "\xcc\x81",
	    "\xc3\xa5",
	    "\xf0\x9f\x98\x80",
	    "\xed\xa0\x80",
	    "\xc1\x9b",
	    "\xe2\x80\xa6",
	};
	const size_t npieces = sizeof pieces / sizeof pieces[0];
	char in[256], out[64], big[1024];
	unsigned int seed = 12345;
	int round;

	for (round = 0; round < 3000; round++) {
		size_t len = 0, k, count;

		seed = seed * 1103515245u + 12345u;
		count = (seed >> 16) % 24;
		for (k = 0; k < count; k++) {
			const char *p;

			seed = seed * 1103515245u + 12345u;
			p = pieces[(seed >> 16) % npieces];
			if (len + strlen(p) >= sizeof in)
				break;
			memcpy(in + len, p, strlen(p));
			len += strlen(p);
		}
		in[len] = '\0';

		text_safe(in, big, sizeof big, 1);
		assert_terminal_safe(big, 0);
		cr_assert_eq(text_width(big), text_width(in));
		text_safe(in, big, sizeof big, 0);
		assert_terminal_safe(big, 1);
		text_safe(in, out, (size_t)(round % 12), 1);
		if (round % 12)
			assert_terminal_safe(out, 0);

		int cols = round % 14, pad = round & 1;
		{
			char *r = fit(in, cols, pad);
			if (text_width(in) <= cols) {
				text_safe(in, big, sizeof big, 1);
				cr_assert_eq(strncmp(r, big, strlen(big)), 0,
					     "fitting text changed");
			}
			free(r);
		}
		text_fit(in, cols, pad, out, (size_t)(round % 17));
		if (round % 17)
			assert_terminal_safe(out, 0);
	}
}

/* ------------------------------------------------- encoding, cleaning */

Test(text, encode_lengths_and_bytes)
{
	char b[4];

	cr_expect_eq(text_encode(b, 'A'), 1);
	cr_expect_eq(b[0], 'A');
	cr_expect_eq(text_encode(b, 0xE5), 2); /* å */
	cr_expect_eq(memcmp(b, "\xc3\xa5", 2), 0);
	cr_expect_eq(text_encode(b, 0x2421), 3); /* ␡ */
	cr_expect_eq(memcmp(b, "\xe2\x90\xa1", 3), 0);
	cr_expect_eq(text_encode(b, 0x1F600), 4);
	cr_expect_eq(memcmp(b, "\xf0\x9f\x98\x80", 4), 0);
}

Test(text, encode_refuses_what_is_not_a_character)
{
	static const unsigned int bad[] = {0xD800, 0xDFFF, 0x110000, 0xFFFFFFFFu};
	char b[4];

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cr_expect_eq(text_encode(b, bad[i]), 3, "U+%X", bad[i]);
		cr_expect_eq(memcmp(b, "\xef\xbf\xbd", 3), 0, "U+%X", bad[i]);
	}
}

/* Every scalar value survives encode then decode: one UTF-8 home means
 * the two can never disagree. */
Test(text, encode_decode_round_trip)
{
	char b[4];
	unsigned int cp, back;
	size_t n;

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = text_encode(b, cp);
		cr_assert_eq(text_decode(b, n, &back), n, "U+%X", cp);
		cr_assert_eq(back, cp, "U+%X", cp);
	}
}

Test(text, clean_keeps_text_and_line_ends)
{
	char *s = text_clean("Malm\xc3\xb6\tline\r\nnext \xe4\xb8\xad");

	cr_expect_str_eq(s, "Malm\xc3\xb6\tline\r\nnext \xe4\xb8\xad");
	free(s);
	s = text_clean(NULL);
	cr_expect_str_eq(s, "");
	free(s);
}

Test(text, clean_makes_controls_visible_and_utf8_valid)
{
	/* ESC, BEL, DEL, a C1 CSI, a lone continuation byte, an overlong
	 * slash and a truncated sequence at the end. */
	char *s = text_clean("a\x1b[31m\x07\x7f\xc2\x9b\x80\xc0\xaf\xe4\xb8");

	cr_expect_str_eq(s, "a\xe2\x90\x9b[31m\xe2\x90\x87\xe2\x90\xa1\xef\xbf\xbd\xef\xbf\xbd"
			    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	cr_expect(text_utf8_valid(s, strlen(s)));
	free(s);
}

Test(text, picture_of_every_control)
{
	cr_expect_eq(text_picture(0x00), 0x2400u);
	cr_expect_eq(text_picture(0x1B), 0x241Bu); /* ␛ */
	cr_expect_eq(text_picture(0x1F), 0x241Fu);
	cr_expect_eq(text_picture(0x7F), 0x2421u); /* ␡ */
	cr_expect_eq(text_picture(0x85), 0xFFFDu);
	cr_expect_eq(text_picture(0x9B), 0xFFFDu);
}

/* ------------------------------------------- hostile text, by class */

/* No byte of an escape sequence's introducer, no C1 control and no bidi
 * control in s: what a terminal must never be sent. */
static void assert_no_sequence(const char *s)
{
	size_t n = strlen(s), i = 0;
	unsigned int cp;

	assert_terminal_safe(s, 0);
	while (i < n) {
		i += text_decode(s + i, n - i, &cp);
		cr_assert(cp != 0x1B && !(cp >= 0x80 && cp < 0xA0), "U+%04X left in \"%s\"", cp, s);
		cr_assert(!text_is_bidi(cp), "bidi control U+%04X left in \"%s\"", cp, s);
	}
}

static void expect_safe(const char *in, const char *want)
{
	char *r = text_safe_dup(in, 1);

	assert_no_sequence(r);
	cr_expect_str_eq(r, want, "text_safe(\"%s\")", in);
	cr_expect_eq(text_width(r), text_width(in), "width of \"%s\" changed by text_safe", in);
	free(r);
}

#define PIC_ESC	   "\xe2\x90\x9b" /* ␛ */
#define PIC_BEL	   "\xe2\x90\x87" /* ␇ */
#define FFFD	   "\xef\xbf\xbd"
#define ZWJ	   "\xe2\x80\x8d"
#define MAN	   "\xf0\x9f\x91\xa8"
#define WOMAN	   "\xf0\x9f\x91\xa9"
#define GIRL	   "\xf0\x9f\x91\xa7"
#define BOY	   "\xf0\x9f\x91\xa6"
#define LAPTOP	   "\xf0\x9f\x92\xbb"
#define FAMILY	   MAN ZWJ WOMAN ZWJ GIRL
#define FLAG_SE	   "\xf0\x9f\x87\xb8\xf0\x9f\x87\xaa"
#define FLAG_NO	   "\xf0\x9f\x87\xb3\xf0\x9f\x87\xb4"
#define HEART16	   "\xe2\x9d\xa4\xef\xb8\x8f" /* ❤ + VS16 */
#define THUMB_TONE "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"
#define RLO	   "\xe2\x80\xae"
#define E_ACUTE	   "e\xcc\x81"

Test(text, osc52_clipboard_write_is_shown_not_sent)
{
	/* OSC 52 sets the clipboard of the terminal the text is shown in. */
	expect_safe("\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07",
		    PIC_ESC "]52;c;Y3VybCBldmlsLnNoIHwgc2g=" PIC_BEL);
	/* The same, ended by ST (ESC \) instead of BEL. */
	expect_safe("\x1b]52;c;eA==\x1b\\", PIC_ESC "]52;c;eA==" PIC_ESC "\\");
}

Test(text, window_title_and_screen_sequences_are_shown_not_sent)
{
	expect_safe("\x1b]0;owned\x07", PIC_ESC "]0;owned" PIC_BEL);
	expect_safe("\x1b]2;title\x1b\\", PIC_ESC "]2;title" PIC_ESC "\\");
	expect_safe("\x1b[2J\x1b[H", PIC_ESC "[2J" PIC_ESC "[H");
	expect_safe("\x1b"
		    "c",
		    PIC_ESC "c");					   /* full reset */
	expect_safe("a\x1bP1$r\x1b\\b", "a" PIC_ESC "P1$r" PIC_ESC "\\b"); /* DCS */
}

Test(text, c1_introducers_are_replaced)
{
	/* U+009B is CSI, U+009D OSC, U+0090 DCS to terminals that take
	 * 8-bit controls. */
	expect_safe("\xc2\x9b"
		    "2J",
		    FFFD "2J");
	expect_safe("\xc2\x9d"
		    "0;x\xc2\x9c",
		    FFFD "0;x" FFFD);
	expect_safe("\xc2\x90q\xc2\x9c", FFFD "q" FFFD);
}

Test(text, bidi_controls_are_visible_placeholders)
{
	static const unsigned int bidi[] = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066,
					    0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C};
	char in[16], want[16];

	for (size_t i = 0; i < sizeof bidi / sizeof bidi[0]; i++) {
		size_t n = text_encode(in, bidi[i]);
		in[n] = '\0';
		cr_expect(text_is_bidi(bidi[i]), "U+%04X", bidi[i]);
		cr_expect_eq(text_cp_width(bidi[i]), 1, "U+%04X", bidi[i]);
		snprintf(want, sizeof want, "%s", FFFD);
		expect_safe(in, want);
	}
	/* "invoice 1200 kr" with an override reversing the rest of a row. */
	expect_safe("invoice " RLO "0021 kr", "invoice " FFFD "0021 kr");
	cr_expect_eq(text_width("a" RLO "b"), 3);
	/* Ordinary right-to-left text is not a control and stays. */
	expect_safe("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d");
	cr_expect(!text_is_bidi(0x05D0));
}

Test(text, invalid_utf8_never_passes)
{
	expect_safe("\xc0\x9b[2J", FFFD FFFD "[2J"); /* overlong ESC */
	expect_safe("\xe0\x80\x9b", FFFD FFFD FFFD);
	expect_safe("\xc2", FFFD); /* a C1 cut in half */
}

Test(text, zwj_sequence_is_one_cluster_two_columns)
{
	int w;

	cr_expect_eq(text_cluster(FAMILY "x", strlen(FAMILY "x"), &w), strlen(FAMILY));
	cr_expect_eq(w, 2);
	cr_expect_eq(text_width(FAMILY), 2);
	cr_expect_eq(text_width(MAN ZWJ LAPTOP), 2);
	cr_expect_eq(text_width(MAN ZWJ WOMAN ZWJ GIRL ZWJ BOY), 2);
	cr_expect_eq(text_width("a" FAMILY "b"), 4);
	expect_safe(FAMILY, FAMILY);
}

Test(text, fit_never_splits_a_zwj_sequence)
{
	/* "ab" + family + "cd" is 6 columns. */
	expect_fit("ab" FAMILY "cd", 6, 0, "ab" FAMILY "cd");
	expect_fit("ab" FAMILY "cd", 5, 0, "ab" FAMILY "\xe2\x80\xa6");
	expect_fit("ab" FAMILY "cd", 4, 1, "ab\xe2\x80\xa6 ");
	expect_fit(FAMILY FAMILY, 3, 0, FAMILY "\xe2\x80\xa6");
	expect_fit(FAMILY, 1, 1, "\xe2\x80\xa6");
}

Test(text, flags_are_pairs_of_two_columns)
{
	int w;

	cr_expect_eq(text_width(FLAG_SE), 2);
	cr_expect_eq(text_width(FLAG_SE FLAG_NO), 4);
	cr_expect_eq(text_cluster(FLAG_SE FLAG_NO, 16, &w), 8);
	cr_expect_eq(w, 2);
	/* A third indicator starts a new pair. */
	cr_expect_eq(text_cluster(FLAG_NO, 4, &w), 4);
	cr_expect_eq(w, 1);
	expect_fit(FLAG_SE FLAG_NO, 3, 0, FLAG_SE "\xe2\x80\xa6");
	expect_fit("a" FLAG_SE, 2, 0, "a\xe2\x80\xa6");
	expect_safe(FLAG_SE, FLAG_SE);
}

Test(text, variation_selector_adds_no_column)
{
	/* tmux 3.3a and wcwidth draw U+2764 in one cell with or without
	 * VS16; a width of 2 here would move every later column. */
	cr_expect_eq(text_width(HEART16), 1);
	cr_expect_eq(text_width(HEART16 "x"), 2);
	expect_fit(HEART16 "abc", 2, 0, HEART16 "\xe2\x80\xa6");
	expect_safe(HEART16, HEART16);
}

Test(text, skin_tone_stays_with_its_emoji)
{
	int w;

	cr_expect_eq(text_cluster(THUMB_TONE "x", strlen(THUMB_TONE "x"), &w), strlen(THUMB_TONE));
	cr_expect_eq(w, 4);
	/* Never cut between the hand and its tone. */
	expect_fit(THUMB_TONE "x", 4, 0, "\xe2\x80\xa6");
	expect_fit(THUMB_TONE "x", 5, 0, THUMB_TONE "x");
	expect_fit(THUMB_TONE "xy", 5, 0, THUMB_TONE "\xe2\x80\xa6");
}

Test(text, combining_marks_stay_with_their_base)
{
	int w;

	cr_expect_eq(text_cluster(E_ACUTE "x", 4, &w), 3);
	cr_expect_eq(w, 1);
	cr_expect_eq(text_width(E_ACUTE "\xcc\x88\xcc\xa3"), 1); /* three marks */
	expect_fit("ab" E_ACUTE E_ACUTE, 3, 0, "ab\xe2\x80\xa6");
	expect_fit("ab" E_ACUTE, 3, 0, "ab" E_ACUTE);
	expect_fit("ab" E_ACUTE "c", 3, 0, "ab\xe2\x80\xa6");
	/* A mark after a control shown as a symbol sits on the symbol. */
	expect_safe("\x1b\xcc\x81", PIC_ESC "\xcc\x81");
}

Test(text, cjk_is_two_columns_and_never_split)
{
	expect_fit("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 5, 1,
		   "\xe6\x97\xa5\xe6\x9c\xac\xe2\x80\xa6");
	expect_safe("\xe6\x97\xa5\xe6\x9c\xac", "\xe6\x97\xa5\xe6\x9c\xac");
}

Test(text, stray_joiners_cannot_fuse_cells)
{
	/* A joiner with nothing before it would join the emoji after it to
	 * whatever the terminal drew last: it is shown instead. */
	expect_safe(ZWJ MAN, FFFD MAN);
	cr_expect_eq(text_width(ZWJ MAN), 3);
	/* One left dangling at the end would join the next column's text:
	 * it is left out. */
	expect_safe(MAN ZWJ, MAN);
	expect_safe("a" ZWJ ZWJ, "a");
	expect_safe(MAN ZWJ "\x1b", MAN PIC_ESC);
	expect_fit(MAN ZWJ "\x1b[2J", 3, 0, MAN "\xe2\x80\xa6");
}

Test(text, ordinary_text_is_untouched_by_clusters)
{
	static const char *const keep[] = {
	    "\xc3\x85sa \xc3\x86r\xc3\xb8 M\xc3\xa4lar\xc3\xb6", /* Åsa Ærø Mälarö */
	    "Bl\xc3\xa5"
	    "b\xc3\xa6rsyltet\xc3\xb8y",
	    "\xf0\x9f\x98\x80 \xf0\x9f\x8e\x89",
	    "\xe4\xb8\xad\xe6\x96\x87",
	    FAMILY,
	    FLAG_SE,
	    HEART16,
	    THUMB_TONE,
	};

	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
		expect_safe(keep[i], keep[i]);
}

Test(text, cells_are_what_the_terminal_draws_together)
{
	int w;

	/* The whole family shares one cell, as tmux draws it. */
	cr_expect_eq(text_cell(FAMILY "x", strlen(FAMILY "x"), &w), strlen(FAMILY));
	cr_expect_eq(w, 2);
	cr_expect_eq(text_cell(E_ACUTE "x", 4, &w), 3);
	cr_expect_eq(w, 1);
	/* A flag's halves and a skin tone are cells of their own. */
	cr_expect_eq(text_cell(FLAG_SE, 8, &w), 4);
	cr_expect_eq(w, 1);
	cr_expect_eq(text_cell(THUMB_TONE, 8, &w), 4);
	cr_expect_eq(w, 2);
	/* A narrow character after a joiner is drawn apart. */
	cr_expect_eq(text_cell("a" ZWJ "b", 5, &w), 4);
	cr_expect_eq(w, 1);
}

Test(text, starts_folded_ignores_case_of_every_letter)
{
	cr_assert(text_starts_folded("Öppna appen", "öpp"));
	cr_assert(text_starts_folded("-1 below expectations", "-1"));
	cr_assert(text_starts_folded("anything", ""));
	cr_assert_not(text_starts_folded("-2 far below", "-1"));
	cr_assert_not(text_starts_folded("Få", "Fåg"));
}
