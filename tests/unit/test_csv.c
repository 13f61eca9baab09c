/* test_csv.c: the RFC 4180 reader and writer. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "journeyhack/csv.h"
#include "journeyhack/util.h"
#include "testutil.h"

/* Parse a literal (length given, so NULs can be in it) labelled t.csv. */
static int parse_n(const char *buf, size_t len, struct csv_table *t, struct jh_err *err)
{
	err_clear(err);
	return csv_parse(buf, len, "t.csv", t, err);
}

static void parse_ok(const char *buf, struct csv_table *t)
{
	struct jh_err err;

	cr_assert_eq(parse_n(buf, strlen(buf), t, &err), 0, "parse failed: %s", err.msg);
}

static void expect_refusal_n(const char *buf, size_t len, const char *want)
{
	struct csv_table t;
	struct jh_err err;

	cr_expect_eq(parse_n(buf, len, &t, &err), -1, "accepted: %s", buf);
	cr_expect_str_eq(err.msg, want);
	/* A refusal leaves nothing to free behind. */
	cr_expect_null(t.rows);
	cr_expect_null(t.header.fields);
	cr_expect_eq(t.nrows, 0);
	csv_free(&t);
}

static void expect_refusal(const char *buf, const char *want)
{
	expect_refusal_n(buf, strlen(buf), want);
}

static void expect_row(const struct csv_row *r, size_t line, size_t n, const char *const *want)
{
	size_t i;

	cr_expect_eq(r->line, line, "row line %zu, want %zu", r->line, line);
	cr_assert_eq(r->nfields, n, "row on line %zu has %zu fields, want %zu", r->line, r->nfields,
		     n);
	for (i = 0; i < n; i++)
		cr_expect_str_eq(r->fields[i], want[i], "line %zu field %zu", r->line, i + 1);
}

#define ROW(...)		 ((const char *const[]){__VA_ARGS__})
#define NROW(...)		 (sizeof ROW(__VA_ARGS__) / sizeof(const char *))
#define EXPECT_ROW(r, line, ...) expect_row((r), (line), NROW(__VA_ARGS__), ROW(__VA_ARGS__))

/* ---- accepted forms ---- */

Test(csv, simple_lf)
{
	struct csv_table t;

	parse_ok("title,owner\nFix the invoice,Anna\nCall back,Bj\xc3\xb6rn\n", &t);
	EXPECT_ROW(&t.header, 1, "title", "owner");
	cr_assert_eq(t.nrows, 2);
	EXPECT_ROW(&t.rows[0], 2, "Fix the invoice", "Anna");
	EXPECT_ROW(&t.rows[1], 3, "Call back", "Bj\xc3\xb6rn");
	csv_free(&t);
}

Test(csv, crlf_line_ends)
{
	struct csv_table t;

	parse_ok("a,b\r\n1,2\r\n3,4\r\n", &t);
	EXPECT_ROW(&t.header, 1, "a", "b");
	cr_assert_eq(t.nrows, 2);
	EXPECT_ROW(&t.rows[0], 2, "1", "2");
	EXPECT_ROW(&t.rows[1], 3, "3", "4");
	csv_free(&t);
}

Test(csv, mixed_line_ends)
{
	struct csv_table t;

	parse_ok("a,b\r\n1,2\n\"3\",\"4\"\r\n5,6", &t);
	cr_assert_eq(t.nrows, 3);
	EXPECT_ROW(&t.rows[1], 3, "3", "4");
	EXPECT_ROW(&t.rows[2], 4, "5", "6");
	csv_free(&t);
}

Test(csv, final_line_without_newline)
{
	struct csv_table t;

	parse_ok("a,b\n1,2", &t);
	cr_assert_eq(t.nrows, 1);
	EXPECT_ROW(&t.rows[0], 2, "1", "2");
	csv_free(&t);

	parse_ok("a,b\n1,\"2\"", &t);
	EXPECT_ROW(&t.rows[0], 2, "1", "2");
	csv_free(&t);

	parse_ok("a,b\n1,", &t);
	EXPECT_ROW(&t.rows[0], 2, "1", "");
	csv_free(&t);
}

Test(csv, cr_at_end_of_file_ends_the_line)
{
	struct csv_table t;

	parse_ok("a,b\r\n1,2\r", &t);
	cr_assert_eq(t.nrows, 1);
	EXPECT_ROW(&t.rows[0], 2, "1", "2");
	csv_free(&t);
	parse_ok("a,b\r\n1,\"2\"\r", &t);
	EXPECT_ROW(&t.rows[0], 2, "1", "2");
	csv_free(&t);
}

Test(csv, trailing_empty_lines_ignored)
{
	struct csv_table t;

	parse_ok("a,b\n1,2\n\n", &t);
	cr_expect_eq(t.nrows, 1);
	csv_free(&t);
	parse_ok("a,b\r\n1,2\r\n\r\n", &t);
	cr_expect_eq(t.nrows, 1);
	csv_free(&t);
	/* Several blank lines at the end are still "the end". */
	parse_ok("a,b\n1,2\n\n\r\n\n", &t);
	cr_expect_eq(t.nrows, 1);
	csv_free(&t);
}

Test(csv, header_only)
{
	struct csv_table t;

	parse_ok("a,b,c\n", &t);
	EXPECT_ROW(&t.header, 1, "a", "b", "c");
	cr_expect_eq(t.nrows, 0);
	csv_free(&t);
	parse_ok("a,b,c", &t);
	cr_expect_eq(t.nrows, 0);
	csv_free(&t);
}

Test(csv, bom_skipped)
{
	struct csv_table t;

	parse_ok("\xef\xbb\xbf"
		 "title,owner\r\nx,y\r\n",
		 &t);
	EXPECT_ROW(&t.header, 1, "title", "owner");
	EXPECT_ROW(&t.rows[0], 2, "x", "y");
	csv_free(&t);
	/* Only at the very start: later it is just a character. */
	parse_ok("a\n\xef\xbb\xbf"
		 "x\n",
		 &t);
	EXPECT_ROW(&t.rows[0], 2,
		   "\xef\xbb\xbf"
		   "x");
	csv_free(&t);
}

Test(csv, quoted_fields)
{
	struct csv_table t;

	parse_ok("a,b,c\n\"plain\",\"with, comma\",\"say \"\"hi\"\"\"\n", &t);
	EXPECT_ROW(&t.rows[0], 2, "plain", "with, comma", "say \"hi\"");
	csv_free(&t);

	parse_ok("a,b,c\n\"\",\"\"\"\",\"\"\"\"\"\"\n", &t);
	EXPECT_ROW(&t.rows[0], 2, "", "\"", "\"\"");
	csv_free(&t);
}

Test(csv, empty_fields)
{
	struct csv_table t;

	parse_ok("a,b,c\n,,\n\"\",,\"\"\n", &t);
	cr_assert_eq(t.nrows, 2);
	EXPECT_ROW(&t.rows[0], 2, "", "", "");
	EXPECT_ROW(&t.rows[1], 3, "", "", "");
	csv_free(&t);
}

Test(csv, single_column_with_empty_values)
{
	struct csv_table t;

	parse_ok("title\n\"\"\nx\n\"\"\n", &t);
	cr_assert_eq(t.nrows, 3);
	EXPECT_ROW(&t.rows[0], 2, "");
	EXPECT_ROW(&t.rows[1], 3, "x");
	EXPECT_ROW(&t.rows[2], 4, "");
	csv_free(&t);
}

Test(csv, spaces_are_kept)
{
	struct csv_table t;

	parse_ok("a,b\n  x , y  \n", &t);
	EXPECT_ROW(&t.rows[0], 2, "  x ", " y  ");
	csv_free(&t);
}

Test(csv, embedded_newlines_and_line_numbers)
{
	struct csv_table t;

	parse_ok("stage,note\n"
		 "pay,\"first\nsecond\n\nfourth\"\n"
		 "use,short\n"
		 "buy,\"a\r\nb\"\r\n"
		 "end,x\n",
		 &t);
	cr_assert_eq(t.nrows, 4);
	EXPECT_ROW(&t.rows[0], 2, "pay", "first\nsecond\n\nfourth");
	EXPECT_ROW(&t.rows[1], 6, "use", "short");
	/* CRLF inside quotes is data: kept byte for byte. */
	EXPECT_ROW(&t.rows[2], 7, "buy", "a\r\nb");
	EXPECT_ROW(&t.rows[3], 9, "end", "x");
	csv_free(&t);
}

Test(csv, lone_cr_inside_quotes_is_data)
{
	struct csv_table t;

	parse_ok("a\n\"x\ry\"\n", &t);
	EXPECT_ROW(&t.rows[0], 2, "x\ry");
	csv_free(&t);
}

Test(csv, other_controls_are_data)
{
	struct csv_table t;

	/* Escapes are legal CSV; it is text_safe's job to defuse them. */
	parse_ok("a,b\n\x1b[2J,\"\x1b]0;pwned\x07\"\n", &t);
	EXPECT_ROW(&t.rows[0], 2, "\x1b[2J", "\x1b]0;pwned\x07");
	csv_free(&t);
}

Test(csv, nordic_and_wide_text)
{
	struct csv_table t;

	parse_ok("namn,stad\n\xc3\x85sa \xc3\x86r\xc3\xb8,M\xc3\xa4lar\xc3\xb6\n"
		 "\xe4\xb8\xad\xe6\x96\x87,\"\xf0\x9f\x98\x80, e\xcc\x81\"\n",
		 &t);
	EXPECT_ROW(&t.rows[0], 2, "\xc3\x85sa \xc3\x86r\xc3\xb8", "M\xc3\xa4lar\xc3\xb6");
	EXPECT_ROW(&t.rows[1], 3, "\xe4\xb8\xad\xe6\x96\x87", "\xf0\x9f\x98\x80, e\xcc\x81");
	csv_free(&t);
}

Test(csv, fields_are_writable_and_free_is_idempotent)
{
	struct csv_table t;

	parse_ok("a,b\n1,22\n", &t);
	/* Callers may trim or edit a field in place. */
	t.rows[0].fields[1][1] = '\0';
	cr_expect_str_eq(t.rows[0].fields[1], "2");
	cr_expect_str_eq(t.rows[0].fields[0], "1");
	csv_free(&t);
	cr_expect_null(t.rows);
	cr_expect_null(t.header.fields);
	/* csv_free again, and on NULL, is harmless. */
	csv_free(&t);
	csv_free(NULL);
}

Test(csv, no_label_and_null_buffer)
{
	struct csv_table t;
	struct jh_err err;

	cr_expect_eq(csv_parse(NULL, 0, NULL, &t, &err), -1);
	cr_expect_str_eq(err.msg, "(csv): no header row (the file is empty)");
	/* A NULL err is allowed: the status alone still says no. */
	cr_expect_eq(csv_parse("a\n\"", 3, "x", &t, NULL), -1);
}

Test(csv, buffer_need_not_be_terminated)
{
	struct csv_table t;
	struct jh_err err;
	const char buf[] = {'a', ',', 'b', '\n', '1', ',', '2'};

	cr_assert_eq(csv_parse(buf, sizeof buf, "t.csv", &t, &err), 0, "%s", err.msg);
	EXPECT_ROW(&t.rows[0], 2, "1", "2");
	csv_free(&t);
}

/* ---- refusals ---- */

Test(csv, refuses_unterminated_quote)
{
	expect_refusal(
	    "a,b\n1,\"open\n2,3\n",
	    "t.csv:2:3: unterminated quoted field: the quote opened here is never closed");
	expect_refusal(
	    "a,b\n1,\"",
	    "t.csv:2:3: unterminated quoted field: the quote opened here is never closed");
	expect_refusal(
	    "\"a,b\n",
	    "t.csv:1:1: unterminated quoted field: the quote opened here is never closed");
	/* A doubled quote at the very end is an escaped quote, not a close. */
	expect_refusal(
	    "a\n\"x\"\"",
	    "t.csv:2:1: unterminated quoted field: the quote opened here is never closed");
	/* Column in characters: å before the quote is one column. */
	expect_refusal(
	    "a,b\n\xc3\xa5,\"x",
	    "t.csv:2:3: unterminated quoted field: the quote opened here is never closed");
}

Test(csv, refuses_stray_quote)
{
	expect_refusal("a,b\n1,ab\"c\n",
		       "t.csv:2:5: stray quote in an unquoted field (quote the whole field and "
		       "double the quote)");
	expect_refusal("a,b\"\n",
		       "t.csv:1:4: stray quote in an unquoted field (quote the whole field and "
		       "double the quote)");
	expect_refusal("a,b\n 1,\"2\"\n\xc3\xb6\xc3\xb6\"x,y\n",
		       "t.csv:3:3: stray quote in an unquoted field (quote the whole field and "
		       "double the quote)");
}

Test(csv, refuses_characters_after_closing_quote)
{
	expect_refusal("a,b\n\"x\"y,2\n",
		       "t.csv:2:4: characters after the closing quote of a field");
	expect_refusal("a,b\n\"x\" ,2\n",
		       "t.csv:2:4: characters after the closing quote of a field");
	expect_refusal("a,b\n1,\"two\nlines\"z\n",
		       "t.csv:3:7: characters after the closing quote of a field");
	expect_refusal("a,b\n1,\"x\"\ry\n",
		       "t.csv:2:6: characters after the closing quote of a field");
}

Test(csv, refuses_nul)
{
	static const char nul1[] = "a,b\n1,\0\n";
	static const char nul2[] = "a,b\n1,\"x\ny\0\"\n";
	static const char nul3[] = "\0";

	expect_refusal_n(nul1, sizeof nul1 - 1,
			 "t.csv:2:3: NUL byte (is this a binary or UTF-16 file? save it as UTF-8 "
			 "CSV)");
	expect_refusal_n(nul2, sizeof nul2 - 1,
			 "t.csv:3:2: NUL byte (is this a binary or UTF-16 file? save it as UTF-8 "
			 "CSV)");
	expect_refusal_n(nul3, 1,
			 "t.csv:1:1: NUL byte (is this a binary or UTF-16 file? save it as UTF-8 "
			 "CSV)");
}

Test(csv, refuses_invalid_utf8)
{
	expect_refusal("namn,stad\n\xc3\x85sa,Malm\xf6\n",
		       "t.csv:2:9: invalid UTF-8 (byte 0xF6); save the file as UTF-8");
	expect_refusal("a,b\n1,\"ok\n\xe4\xb8\xad\xff\"\n",
		       "t.csv:3:2: invalid UTF-8 (byte 0xFF); save the file as UTF-8");
	expect_refusal("a\xc0\xaf,b\n",
		       "t.csv:1:2: invalid UTF-8 (byte 0xC0); save the file as UTF-8");
	expect_refusal("a,b\n\xed\xa0\x80,x\n",
		       "t.csv:2:1: invalid UTF-8 (byte 0xED); save the file as UTF-8");
	expect_refusal("a,b\n1,\xe4\xb8",
		       "t.csv:2:3: invalid UTF-8 (byte 0xE4); save the file as UTF-8");
}

Test(csv, refuses_ragged_rows)
{
	expect_refusal("a,b,c,d\n1,2,3,4\n1,2,3\n", "t.csv:3: 3 fields, the header has 4");
	expect_refusal("a,b,c,d\n1,2,3,4,5\n", "t.csv:2: 5 fields, the header has 4");
	expect_refusal("a,b,c,d\nx\n", "t.csv:2: 1 field, the header has 4");
	expect_refusal("a\n1,2\n", "t.csv:2: 2 fields, the header has 1");
	/* The line is where the row starts, after multi-line fields. */
	expect_refusal("a,b,c,d\n"
		       "1,\"x\ny\",3,4\n"
		       "1,2,3,4\n"
		       "\"p\n\nq\",2,3,4\n"
		       "1,2,3\n",
		       "t.csv:8: 3 fields, the header has 4");
}

Test(csv, refuses_very_ragged_row_without_storing_it)
{
	size_t n = 200000, i;
	char *buf = util_xmalloc(n + 8);
	struct csv_table t;
	struct jh_err err;

	memcpy(buf, "a,b\n", 4);
	for (i = 0; i < n; i++)
		buf[4 + i] = ',';
	cr_expect_eq(csv_parse(buf, n + 4, "t.csv", &t, &err), -1);
	cr_expect_str_eq(err.msg, "t.csv:2: 200001 fields, the header has 2");
	free(buf);
}

Test(csv, refuses_empty_input)
{
	expect_refusal("", "t.csv: no header row (the file is empty)");
	expect_refusal("\xef\xbb\xbf", "t.csv: no header row (the file is empty)");
	expect_refusal("\n", "t.csv: no header row (the file is empty)");
	expect_refusal("\r\n\r\n", "t.csv: no header row (the file is empty)");
}

Test(csv, refuses_empty_row_in_the_middle)
{
	expect_refusal("a,b\n1,2\n\n3,4\n", "t.csv:3: empty row");
	expect_refusal("a,b\r\n1,2\r\n\r\n3,4\r\n", "t.csv:3: empty row");
	expect_refusal("\na,b\n", "t.csv:1: empty row");
	expect_refusal("a,b\n\n\n1,2", "t.csv:2: empty row");
}

Test(csv, refuses_duplicate_header_names)
{
	expect_refusal("id,title,owner,title\n",
		       "t.csv:1: column \"title\" appears twice (columns 2 and 4)");
	/* The first repeat met reading left to right. */
	expect_refusal("b,a,c,a,b\n", "t.csv:1: column \"a\" appears twice (columns 2 and 4)");
	expect_refusal("x,y,x,x\n", "t.csv:1: column \"x\" appears twice (columns 1 and 3)");
	/* Names are compared exactly. */
	{
		struct csv_table t;

		parse_ok("title,Title,title \n", &t);
		csv_free(&t);
	}
}

Test(csv, duplicate_name_in_message_is_terminal_safe)
{
	struct csv_table t;
	struct jh_err err;
	const char *buf = "\x1b[2J,\x1b[2J\n";

	cr_expect_eq(parse_n(buf, strlen(buf), &t, &err), -1);
	cr_expect_null(strchr(err.msg, 0x1b), "raw ESC in: %s", err.msg);
	cr_expect_str_eq(err.msg,
			 "t.csv:1: column \"\xe2\x90\x9b[2J\" appears twice (columns 1 and 2)");
}

Test(csv, refuses_empty_header_name)
{
	expect_refusal("a,,c\n1,2,3\n", "t.csv:1: header column 2 has an empty name");
	expect_refusal("\"\"\n", "t.csv:1: header column 1 has an empty name");
	expect_refusal("a,b,\n", "t.csv:1: header column 3 has an empty name");
}

Test(csv, refuses_lone_cr_outside_quotes)
{
	expect_refusal("a,b\r1,2\r",
		       "t.csv:1:4: carriage return without line feed in an unquoted field (save "
		       "with CRLF or LF line ends)");
	expect_refusal("a,b\n1,x\ry\n",
		       "t.csv:2:4: carriage return without line feed in an unquoted field (save "
		       "with CRLF or LF line ends)");
}

Test(csv, refuses_utf16)
{
	static const char le[] = "\xff\xfe"
				 "a\0,\0b\0";
	static const char be[] = "\xfe\xff\0a\0,\0b";

	expect_refusal_n(le, sizeof le - 1, "t.csv:1: the file is UTF-16; save it as UTF-8 CSV");
	expect_refusal_n(be, sizeof be - 1, "t.csv:1: the file is UTF-16; save it as UTF-8 CSV");
}

/* ---- field size limit ---- */

static char *big_field_csv(size_t n, int quoted, size_t *len)
{
	/* "h\n" + [quote] n x 'x' [quote] + "\n" */
	char *buf = util_xmalloc(n + 8), *p = buf;

	memcpy(p, "h\n", 2);
	p += 2;
	if (quoted)
		*p++ = '"';
	memset(p, 'x', n);
	p += n;
	if (quoted)
		*p++ = '"';
	*p++ = '\n';
	*len = (size_t)(p - buf);
	return buf;
}

Test(csv, field_of_exactly_the_limit_accepted)
{
	struct csv_table t;
	struct jh_err err;
	size_t len;
	int quoted;

	for (quoted = 0; quoted < 2; quoted++) {
		char *buf = big_field_csv(CSV_MAX_FIELD, quoted, &len);

		cr_assert_eq(csv_parse(buf, len, "big.csv", &t, &err), 0, "%s", err.msg);
		cr_expect_eq(strlen(t.rows[0].fields[0]), CSV_MAX_FIELD);
		csv_free(&t);
		free(buf);
	}
}

Test(csv, field_over_the_limit_refused)
{
	struct csv_table t;
	struct jh_err err;
	size_t len;
	char *buf;

	buf = big_field_csv(CSV_MAX_FIELD + 1, 0, &len);
	cr_expect_eq(csv_parse(buf, len, "big.csv", &t, &err), -1);
	cr_expect_str_eq(err.msg, "big.csv:2:1: field longer than 1048576 bytes");
	free(buf);

	buf = big_field_csv(CSV_MAX_FIELD + 1, 1, &len);
	cr_expect_eq(csv_parse(buf, len, "big.csv", &t, &err), -1);
	cr_expect_str_eq(err.msg, "big.csv:2:1: field longer than 1048576 bytes");
	free(buf);
}

Test(csv, limit_counts_unescaped_bytes)
{
	/* CSV_MAX_FIELD quote characters take twice that in the file. */
	size_t n = CSV_MAX_FIELD, len, i;
	char *buf = util_xmalloc(2 * n + 8), *p = buf;
	struct csv_table t;
	struct jh_err err;

	memcpy(p, "h\n\"", 3);
	p += 3;
	for (i = 0; i < n; i++) {
		*p++ = '"';
		*p++ = '"';
	}
	*p++ = '"';
	len = (size_t)(p - buf);
	cr_assert_eq(csv_parse(buf, len, "q.csv", &t, &err), 0, "%s", err.msg);
	cr_expect_eq(strlen(t.rows[0].fields[0]), n);
	cr_expect_eq(t.rows[0].fields[0][n - 1], '"');
	csv_free(&t);
	free(buf);
}

/* ---- files ---- */

Test(csv, read_file_missing)
{
	struct csv_table t;
	struct jh_err err;

	cr_expect_eq(csv_read_file("/nonexistent/x.csv", &t, &err), -1);
	cr_expect_str_eq(err.msg, "/nonexistent/x.csv: No such file or directory");
}

Test(csv, read_file_directory)
{
	struct csv_table t;
	struct jh_err err;
	char *dir = tu_tmpdir();
	char want[1100];

	cr_expect_eq(csv_read_file(dir, &t, &err), -1);
	snprintf(want, sizeof want, "%s: is a directory, not a CSV file", dir);
	cr_expect_str_eq(err.msg, want);
	tu_rmtree(dir);
	free(dir);
}

Test(csv, read_file_too_large)
{
	struct csv_table t;
	struct jh_err err;
	char *dir = tu_tmpdir(), *path = tu_join(dir, "huge.csv");
	char want[1100];
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	/* Sparse: no disk is spent to be refused. */
	cr_assert_geq(fd, 0);
	cr_assert_eq(ftruncate(fd, (off_t)300 * 1024 * 1024), 0);
	close(fd);
	cr_expect_eq(csv_read_file(path, &t, &err), -1);
	snprintf(want, sizeof want, "%s: file is too large (300 MiB; the limit is 256 MiB)", path);
	cr_expect_str_eq(err.msg, want);
	tu_rmtree(dir);
	free(path);
	free(dir);
}

Test(csv, read_file_unreadable)
{
	struct csv_table t;
	struct jh_err err;
	char *dir = tu_tmpdir(), *path = tu_join(dir, "secret.csv");

	tu_write(path, "a\n1\n");
	/* root reads anything, so the check needs an ordinary user. (No
	 * cr_skip_test: it leaves Criterion's own memory for valgrind.) */
	if (geteuid() != 0) {
		char want[1100];

		chmod(path, 0);
		cr_expect_eq(csv_read_file(path, &t, &err), -1);
		snprintf(want, sizeof want, "%s: Permission denied", path);
		cr_expect_str_eq(err.msg, want);
	}
	tu_rmtree(dir);
	free(path);
	free(dir);
}

Test(csv, read_file_through_a_plain_file)
{
	struct csv_table t;
	struct jh_err err;
	char *dir = tu_tmpdir(), *file = tu_join(dir, "plain"), *path = tu_join(file, "x.csv");
	char want[1100];

	tu_write(file, "");
	cr_expect_eq(csv_read_file(path, &t, &err), -1);
	snprintf(want, sizeof want, "%s: Not a directory", path);
	cr_expect_str_eq(err.msg, want);
	tu_rmtree(dir);
	free(path);
	free(file);
	free(dir);
}

Test(csv, read_file_from_a_pipe)
{
	struct csv_table t;
	struct jh_err err;
	char *dir = tu_tmpdir(), *src = tu_join(dir, "src.csv"), path[64];
	FILE *f = fopen(src, "wb");
	int fds[2];
	pid_t pid;
	size_t i, rows = 20000;

	/* More than a pipe buffer, so the reader has to grow as it goes. The
	 * writer is cat, not a forked copy of this test, so that valgrind
	 * sees the child exit cleanly. */
	cr_assert_not_null(f);
	fputs("n,text\n", f);
	for (i = 0; i < rows; i++)
		fprintf(f, "%zu,\"row \"\"%zu\"\"\"\n", i, i);
	cr_assert_eq(fclose(f), 0);
	cr_assert_eq(pipe(fds), 0);
	fflush(NULL);
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execlp("cat", "cat", src, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	snprintf(path, sizeof path, "/dev/fd/%d", fds[0]);
	cr_assert_eq(csv_read_file(path, &t, &err), 0, "%s", err.msg);
	waitpid(pid, NULL, 0);
	close(fds[0]);
	cr_assert_eq(t.nrows, rows);
	EXPECT_ROW(&t.rows[rows - 1], rows + 1, "19999", "row \"19999\"");
	csv_free(&t);
	tu_rmtree(dir);
	free(src);
	free(dir);
}

/* Every file in csv-good/ holds this same table, written differently. */
static const char *const good_table[][4] = {
    {"stage", "touchpoint", "channel", "score"},
    {"pay", "Fakturan \xc3\xa4r f\xc3\xb6rvirrande", "invoice", "-2"},
    {"support", "Ring, v\xc3\xa4nta, ring igen", "phone", "-1"},
    {"onboard", "V\xc3\xa4lkomstmejl med \"snabbstart\"", "e-mail", "1"},
    {"use",
     "Appen: \xc3\x86rlig og \xc3\xb8"
     "delagt",
     "app", "0"},
    {"renew", "", "web", ""},
    {"aware", " leading and trailing space ", "store", "2"},
};

Test(csv, good_corpus_all_same_table)
{
	static const char *const files[] = {
	    "lf.csv",
	    "crlf.csv",
	    "bom-crlf.csv",
	    "bom-lf.csv",
	    "no-final-newline.csv",
	    "no-final-crlf.csv",
	    "all-quoted.csv",
	    "trailing-blank-line.csv",
	};
	const size_t nrows = sizeof good_table / sizeof good_table[0] - 1;
	size_t f, r;

	for (f = 0; f < sizeof files / sizeof files[0]; f++) {
		char rel[128], *path;
		struct csv_table t;
		struct jh_err err;

		snprintf(rel, sizeof rel, "tests/data/csv-good/%s", files[f]);
		path = tu_srcpath(rel);
		cr_assert_eq(csv_read_file(path, &t, &err), 0, "%s: %s", files[f], err.msg);
		expect_row(&t.header, 1, 4, good_table[0]);
		cr_assert_eq(t.nrows, nrows, "%s: %zu rows", files[f], t.nrows);
		for (r = 0; r < nrows; r++)
			expect_row(&t.rows[r], r + 2, 4, good_table[r + 1]);
		csv_free(&t);
		free(path);
	}
}

Test(csv, good_corpus_multiline)
{
	static const struct {
		const char *file, *eol;
	} files[] = {{"multiline.csv", "\n"}, {"multiline-crlf.csv", "\r\n"}};
	size_t f;

	for (f = 0; f < 2; f++) {
		char rel[128], want[256], *path;
		struct csv_table t;
		struct jh_err err;
		const char *e = files[f].eol;

		snprintf(rel, sizeof rel, "tests/data/csv-good/%s", files[f].file);
		path = tu_srcpath(rel);
		cr_assert_eq(csv_read_file(path, &t, &err), 0, "%s", err.msg);
		cr_assert_eq(t.nrows, 2);
		snprintf(want, sizeof want,
			 "Kunden sa:%s\"Jag f\xc3\xb6rst\xc3\xa5r inte fakturan\"%s%smen betalade",
			 e, e, e);
		EXPECT_ROW(&t.rows[0], 2, "pay", want);
		EXPECT_ROW(&t.rows[1], 6, "support", "kort");
		csv_free(&t);
		free(path);
	}
}

/* Each line of csv-bad/EXPECTED: file<TAB>message, the message with the
 * file named as in the directory, so the test puts the directory back. */
Test(csv, bad_corpus)
{
	char *dir = tu_srcpath("tests/data/csv-bad");
	char *listpath = tu_join(dir, "EXPECTED");
	char *list = tu_read(listpath, NULL), *line, *save = NULL;
	size_t checked = 0;

	cr_assert_not_null(list, "cannot read %s", listpath);
	for (line = strtok_r(list, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *tab = strchr(line, '\t'), *path, want[2048];
		struct csv_table t;
		struct jh_err err;

		cr_assert_not_null(tab, "EXPECTED line without a tab: %s", line);
		*tab = '\0';
		path = tu_join(dir, line);
		err_clear(&err);
		cr_expect_eq(csv_read_file(path, &t, &err), -1, "%s was accepted", line);
		snprintf(want, sizeof want, "%s/%s", dir, tab + 1);
		cr_expect_str_eq(err.msg, want, "%s", line);
		csv_free(&t);
		free(path);
		checked++;
	}
	cr_expect_geq(checked, 15);
	free(list);
	free(listpath);
	free(dir);
}

/* A corpus file nobody checks is worse than none: it looks tested. */
Test(csv, bad_corpus_lists_every_file)
{
	char *dir = tu_srcpath("tests/data/csv-bad");
	char *listpath = tu_join(dir, "EXPECTED");
	char *list = tu_read(listpath, NULL);
	DIR *d = opendir(dir);
	struct dirent *e;

	cr_assert_not_null(list);
	cr_assert_not_null(d);
	while ((e = readdir(d)) != NULL) {
		char key[300];
		size_t n = strlen(e->d_name);

		if (n < 4 || strcmp(e->d_name + n - 4, ".csv") != 0)
			continue;
		snprintf(key, sizeof key, "%s\t", e->d_name);
		cr_expect(strncmp(list, key, strlen(key)) == 0 || strstr(list, key) != NULL,
			  "%s is not in EXPECTED", e->d_name);
	}
	closedir(d);
	free(list);
	free(listpath);
	free(dir);
}

/* ---- writer ---- */

static char *write_to_string(void (*fn)(FILE *, const void *), const void *arg)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cr_assert_not_null(f);
	fn(f, arg);
	cr_assert_eq(fclose(f), 0);
	return buf;
}

static void write_one_field(FILE *f, const void *arg)
{
	cr_assert_eq(csv_write_field(f, arg), 0);
}

static void expect_field(const char *in, const char *want)
{
	char *got = write_to_string(write_one_field, in);

	cr_expect_str_eq(got, want);
	free(got);
}

Test(csv, writer_quotes_only_when_needed)
{
	expect_field("plain", "plain");
	expect_field("", "");
	expect_field(NULL, "");
	expect_field("\xc3\x85sa \xc3\x86r\xc3\xb8", "\xc3\x85sa \xc3\x86r\xc3\xb8");
	expect_field("inner space", "inner space");
	expect_field("a,b", "\"a,b\"");
	expect_field("say \"hi\"", "\"say \"\"hi\"\"\"");
	expect_field("\"", "\"\"\"\"");
	expect_field("two\nlines", "\"two\nlines\"");
	expect_field("cr\rhere", "\"cr\rhere\"");
	expect_field(" lead", "\" lead\"");
	expect_field("trail ", "\"trail \"");
	expect_field("\ttab", "\"\ttab\"");
	/* Else, first in a file, it would be taken for a byte order mark. */
	expect_field("\xef\xbb\xbf"
		     "x",
		     "\"\xef\xbb\xbf"
		     "x\"");
}

struct row_arg {
	const char *const *fields;
	size_t n;
};

static void write_row_arg(FILE *f, const void *arg)
{
	const struct row_arg *r = arg;

	cr_assert_eq(csv_write_row(f, r->fields, r->n), 0);
}

Test(csv, writer_rows_end_with_crlf)
{
	struct row_arg r1 = {ROW("a", "b,c", "d\"e", ""), 4};
	struct row_arg r2 = {ROW(""), 1};
	struct row_arg r3 = {ROW("x"), 1};
	char *s;

	s = write_to_string(write_row_arg, &r1);
	cr_expect_str_eq(s, "a,\"b,c\",\"d\"\"e\",\r\n");
	free(s);
	/* A lone empty field is written "" or it would read back as no row. */
	s = write_to_string(write_row_arg, &r2);
	cr_expect_str_eq(s, "\"\"\r\n");
	free(s);
	s = write_to_string(write_row_arg, &r3);
	cr_expect_str_eq(s, "x\r\n");
	free(s);
}

Test(csv, writer_reports_write_errors)
{
	FILE *f = fopen("/dev/full", "w");

	if (!f)
		return; /* no /dev/full here: nothing to provoke errors with */
	setvbuf(f, NULL, _IONBF, 0);
	cr_expect_eq(csv_write_field(f, "plain"), -1);
	cr_expect_eq(csv_write_field(f, "needs \"quotes\""), -1);
	cr_expect_eq(csv_write_row(f, ROW("a", "b"), 2), -1);
	cr_expect_eq(csv_write_row(f, ROW(""), 1), -1);
	fclose(f);
}

/* ---- round trip ---- */

static const char *const hostile[] = {
    "plain",
    "",
    "\"",
    "\"\"",
    ",",
    "\"quoted\" at start",
    "ends with quote\"",
    "He said \"no, thanks\", then left",
    "line one\nline two",
    "crlf\r\ninside",
    "lone\rcr",
    "\n",
    "\r\n",
    " leading",
    "trailing ",
    "  ",
    "\xc3\x85sa \xc3\x84lg \xc3\x96rn \xc3\x86"
    "ble \xc3\x98l \xc3\xa5\xc3\xa4\xc3\xb6\xc3\xa6\xc3\xb8",
    "\xe4\xb8\xad\xe6\x96\x87, \xf0\x9f\x98\x80 e\xcc\x81",
    "\x1b]0;pwned\x07\x1b[2J",
    "a,\"b\",\r\n\"c\"\n,",
    "\xef\xbb\xbf"
    "bom-looking",
};

Test(csv, round_trip_hostile_text)
{
	const size_t n = sizeof hostile / sizeof hostile[0];
	char *buf = NULL;
	const char *names[sizeof hostile / sizeof hostile[0]];
	char namebuf[sizeof hostile / sizeof hostile[0]][16];
	size_t len = 0, i, r;
	FILE *f = open_memstream(&buf, &len);
	struct csv_table t;
	struct jh_err err;

	for (i = 0; i < n; i++) {
		snprintf(namebuf[i], sizeof namebuf[i], "c%zu", i);
		names[i] = namebuf[i];
	}
	cr_assert_eq(csv_write_row(f, names, n), 0);
	/* Each hostile string in every column position, rotated per row. */
	for (r = 0; r < n; r++) {
		const char *row[sizeof hostile / sizeof hostile[0]];

		for (i = 0; i < n; i++)
			row[i] = hostile[(i + r) % n];
		cr_assert_eq(csv_write_row(f, row, n), 0);
	}
	cr_assert_eq(fclose(f), 0);

	cr_assert_eq(csv_parse(buf, len, "rt.csv", &t, &err), 0, "%s", err.msg);
	cr_assert_eq(t.nrows, n);
	for (r = 0; r < n; r++)
		for (i = 0; i < n; i++)
			cr_expect_str_eq(t.rows[r].fields[i], hostile[(i + r) % n],
					 "row %zu col %zu", r, i);
	csv_free(&t);
	free(buf);
}

Test(csv, round_trip_single_column)
{
	const size_t n = sizeof hostile / sizeof hostile[0];
	char *buf = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&buf, &len);
	struct csv_table t;
	struct jh_err err;

	cr_assert_eq(csv_write_row(f, ROW("only"), 1), 0);
	for (i = 0; i < n; i++)
		cr_assert_eq(csv_write_row(f, &hostile[i], 1), 0);
	cr_assert_eq(fclose(f), 0);
	cr_assert_eq(csv_parse(buf, len, "one.csv", &t, &err), 0, "%s", err.msg);
	cr_assert_eq(t.nrows, n);
	for (i = 0; i < n; i++)
		cr_expect_str_eq(t.rows[i].fields[0], hostile[i], "row %zu", i);
	csv_free(&t);
	free(buf);
}

/* ---- size ---- */

Test(csv, hundred_thousand_rows, .timeout = 120)
{
	const size_t rows = 100000;
	char *dir = tu_tmpdir(), *path = tu_join(dir, "big.csv");
	FILE *f = fopen(path, "wb");
	struct csv_table t;
	struct jh_err err;
	struct timespec a, b;
	size_t i;
	char want[64];

	cr_assert_not_null(f);
	fputs("\xef\xbb\xbfid,stage,touchpoint,score\r\n", f);
	for (i = 0; i < rows; i++) {
		if (i % 10 == 0)
			fprintf(
			    f,
			    "%zu,pay,\"Faktura %zu, \"\"r\xc3\xa4ttad\"\"\nrad tv\xc3\xa5\",-1\r\n",
			    i, i);
		else
			fprintf(f, "%zu,use,Appen \xc3\xa4r ok %zu,%d\r\n", i, i, (int)(i % 5) - 2);
	}
	cr_assert_eq(fclose(f), 0);

	clock_gettime(CLOCK_MONOTONIC, &a);
	cr_assert_eq(csv_read_file(path, &t, &err), 0, "%s", err.msg);
	clock_gettime(CLOCK_MONOTONIC, &b);
	cr_log_info("100000 rows parsed in %.1f ms",
		    (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6);

	cr_assert_eq(t.nrows, rows);
	/* Rows with a two-line field push later rows' line numbers down. */
	EXPECT_ROW(&t.rows[0], 2, "0", "pay", "Faktura 0, \"r\xc3\xa4ttad\"\nrad tv\xc3\xa5", "-1");
	EXPECT_ROW(&t.rows[1], 4, "1", "use", "Appen \xc3\xa4r ok 1", "-1");
	snprintf(want, sizeof want, "Appen \xc3\xa4r ok %zu", rows - 1);
	expect_row(&t.rows[rows - 1], rows + rows / 10 + 1, 4, ROW("99999", "use", want, "2"));
	for (i = 0; i < rows; i++) {
		char id[24];

		snprintf(id, sizeof id, "%zu", i);
		if (strcmp(t.rows[i].fields[0], id) != 0)
			cr_assert_fail("row %zu has id %s", i, t.rows[i].fields[0]);
	}
	csv_free(&t);
	tu_rmtree(dir);
	free(path);
	free(dir);
}

/* ---- random input ---- */

static void write_table(FILE *f, const struct csv_table *t)
{
	size_t r;

	cr_assert_eq(csv_write_row(f, (const char *const *)t->header.fields, t->header.nfields), 0);
	for (r = 0; r < t->nrows; r++)
		cr_assert_eq(
		    csv_write_row(f, (const char *const *)t->rows[r].fields, t->rows[r].nfields),
		    0);
}

/* Inputs built from the bytes that matter to a CSV reader. Whatever the
 * reader accepts must have every row as wide as the header, and must
 * come back unchanged through the writer. */
Test(csv, random_input_accepted_tables_round_trip)
{
	/* Those after the first `ngood` are refused wherever they are. */
	static const char *const pieces[] = {
	    "a",  "b",	  ",",	",",	    "\"",	    "\"",	    "\"\"",
	    "\n", "\r\n", " ",	"\xc3\xa5", "\xe4\xb8\xad", "\xef\xbb\xbf", "x,y\n",
	    "\r", "\xc3", "\0",
	};
	const size_t npieces = sizeof pieces / sizeof pieces[0], ngood = npieces - 3;
	unsigned int seed = 4242;
	int round, accepted = 0;

	for (round = 0; round < 20000; round++) {
		char in[128], *out = NULL;
		size_t len = 0, outlen = 0, k, count, r;
		struct csv_table t, t2;
		struct jh_err err;
		FILE *f;

		seed = seed * 1103515245u + 12345u;
		count = (seed >> 16) % 30;
		for (k = 0; k < count; k++) {
			const char *p;
			size_t plen;

			seed = seed * 1103515245u + 12345u;
			p = pieces[(seed >> 16) % (round % 2 ? npieces : ngood)];
			plen = p[0] ? strlen(p) : 1;
			if (len + plen > sizeof in)
				break;
			memcpy(in + len, p, plen);
			len += plen;
		}
		if (csv_parse(in, len, "r.csv", &t, &err) != 0) {
			cr_assert_eq(strncmp(err.msg, "r.csv", 5), 0, "%s", err.msg);
			continue;
		}
		accepted++;
		for (r = 0; r < t.nrows; r++)
			cr_assert_eq(t.rows[r].nfields, t.header.nfields);
		f = open_memstream(&out, &outlen);
		write_table(f, &t);
		cr_assert_eq(fclose(f), 0);
		cr_assert_eq(csv_parse(out, outlen, "w.csv", &t2, &err), 0, "%s", err.msg);
		cr_assert_eq(t2.nrows, t.nrows);
		for (r = 0; r <= t.nrows; r++) {
			const struct csv_row *a = r ? &t.rows[r - 1] : &t.header;
			const struct csv_row *b = r ? &t2.rows[r - 1] : &t2.header;

			cr_assert_eq(a->nfields, b->nfields);
			for (k = 0; k < a->nfields; k++)
				cr_assert_str_eq(a->fields[k], b->fields[k]);
		}
		csv_free(&t);
		csv_free(&t2);
		free(out);
	}
	cr_log_info("%d of 20000 random inputs accepted", accepted);
	cr_expect_gt(accepted, 500, "only %d random inputs accepted", accepted);
}

/* Random tables of awkward fields, through the writer and back. */
Test(csv, random_tables_round_trip)
{
	static const char *const pieces[] = {
	    "a",  "\xc3\xa5", ",",  "\"",	    "\"\"",	    "\n",      "\r\n",
	    "\r", " ",	      "\t", "\xe4\xb8\xad", "\xef\xbb\xbf", "\x1b[2J", "",
	};
	const size_t npieces = sizeof pieces / sizeof pieces[0];
	unsigned int seed = 7;
	int round;

	for (round = 0; round < 500; round++) {
		size_t ncols, nrows, r, c, k, outlen = 0;
		char cells[8][9][64];
		const char *row[8];
		char *out = NULL;
		struct csv_table t;
		struct jh_err err;
		FILE *f = open_memstream(&out, &outlen);

		seed = seed * 1103515245u + 12345u;
		ncols = 1 + (seed >> 16) % 8;
		seed = seed * 1103515245u + 12345u;
		nrows = (seed >> 16) % 9;
		for (r = 0; r <= nrows; r++) {
			for (c = 0; c < ncols; c++) {
				char *cell = cells[c][r];
				size_t len = 0, count;

				seed = seed * 1103515245u + 12345u;
				count = (seed >> 16) % 6;
				/* Header names: unique and non-empty. */
				if (r == 0)
					len = (size_t)snprintf(cell, 64, "h%zu", c);
				for (k = 0; k < count; k++) {
					const char *p;

					seed = seed * 1103515245u + 12345u;
					p = pieces[(seed >> 16) % npieces];
					memcpy(cell + len, p, strlen(p));
					len += strlen(p);
				}
				cell[len] = '\0';
				row[c] = cell;
			}
			cr_assert_eq(csv_write_row(f, row, ncols), 0);
		}
		cr_assert_eq(fclose(f), 0);
		cr_assert_eq(csv_parse(out, outlen, "rt.csv", &t, &err), 0, "round %d: %s", round,
			     err.msg);
		cr_assert_eq(t.nrows, nrows);
		for (r = 0; r <= nrows; r++) {
			const struct csv_row *got = r ? &t.rows[r - 1] : &t.header;

			cr_assert_eq(got->nfields, ncols);
			for (c = 0; c < ncols; c++)
				cr_assert_str_eq(got->fields[c], cells[c][r], "round %d", round);
		}
		csv_free(&t);
		free(out);
	}
}

Test(csv, formula_guard_follows_owasp)
{
	static const char *const risky[] = {"=1", "+1", "-1", "@A1", "\tx", "\rx", "'=1", "''-"};
	static const char *const safe[] = {"", "a=1", " =1", "'", "'x", "1-2", "\n=1", "＝1"};

	for (size_t i = 0; i < sizeof risky / sizeof risky[0]; i++) {
		char *g = csv_formula_guard(risky[i]);
		cr_expect(csv_formula_risky(risky[i]), "%s", risky[i]);
		cr_expect_eq(g[0], '\'');
		cr_expect_str_eq(g + 1, risky[i]);
		cr_expect_str_eq(csv_formula_unguard(g), risky[i]);
		free(g);
	}
	for (size_t i = 0; i < sizeof safe / sizeof safe[0]; i++) {
		char *g = csv_formula_guard(safe[i]);
		cr_expect_not(csv_formula_risky(safe[i]), "%s", safe[i]);
		cr_expect_str_eq(g, safe[i]);
		cr_expect_str_eq(csv_formula_unguard(g), safe[i]);
		free(g);
	}
	cr_expect_null(csv_formula_unguard(NULL));
	cr_expect_not(csv_formula_risky(NULL));
}

/* Unguard removes exactly what guard added, for every short string over
 * the characters that matter: the import can never eat a user's own
 * apostrophe. */
Test(csv, formula_guard_is_undone_exactly)
{
	static const char alphabet[] = "'=+-@\t\rx";
	char s[5];
	size_t n = sizeof alphabet - 1, total = 1;

	for (int len = 0; len <= 4; len++, total *= n)
		for (size_t k = 0; k < total; k++) {
			size_t v = k;
			char *g;
			for (int i = 0; i < len; i++, v /= n)
				s[i] = alphabet[v % n];
			s[len] = '\0';
			g = csv_formula_guard(s);
			cr_assert_str_eq(csv_formula_unguard(g), s, "\"%s\"", s);
			cr_assert(!csv_formula_risky(g) || g[0] == '\'', "\"%s\"", s);
			free(g);
		}
}

/* ---- semicolons, tabs and byte order marks (Swedish and Norwegian
 * spreadsheets save with semicolons, Excel marks UTF-8 with a BOM) ---- */

static int parse_sep(const char *buf, char sep, struct csv_table *t, struct jh_err *err)
{
	err_clear(err);
	return csv_parse_sep(buf, strlen(buf), "t.csv", sep, t, err);
}

Test(csv, semicolon_file_detected)
{
	struct csv_table t;
	struct jh_err err;

	cr_assert_eq(parse_sep("\xef\xbb\xbfnamn;kanal;po\xc3\xa4ng\r\n"
			       "\xc3\x85sa;\"e-post; brev\";2,5\r\n"
			       "\xc3\x98yvind;app,webb;-1\r\n",
			       0, &t, &err),
		     0, "%s", err.msg);
	cr_expect_eq(t.sep, ';');
	cr_expect(t.bom);
	EXPECT_ROW(&t.header, 1, "namn", "kanal", "po\xc3\xa4ng");
	cr_assert_eq(t.nrows, 2);
	EXPECT_ROW(&t.rows[0], 2, "\xc3\x85sa", "e-post; brev", "2,5");
	EXPECT_ROW(&t.rows[1], 3, "\xc3\x98yvind", "app,webb", "-1");
	csv_free(&t);
}

Test(csv, separator_guess_counts_the_header_outside_quotes)
{
	struct csv_table t;
	struct jh_err err;

	/* Two commas inside quotes, one semicolon outside. */
	cr_assert_eq(parse_sep("\"a,b,c\";d\n1;2\n", 0, &t, &err), 0, "%s", err.msg);
	cr_expect_eq(t.sep, ';');
	EXPECT_ROW(&t.header, 1, "a,b,c", "d");
	csv_free(&t);
	/* A tie, or a single column, is a comma file. */
	cr_assert_eq(parse_sep("a;b,c\n1;2,3\n", 0, &t, &err), 0, "%s", err.msg);
	cr_expect_eq(t.sep, ',');
	EXPECT_ROW(&t.rows[0], 2, "1;2", "3");
	csv_free(&t);
	cr_assert_eq(parse_sep("title\nx;y\n", 0, &t, &err), 0, "%s", err.msg);
	cr_expect_eq(t.sep, ',');
	EXPECT_ROW(&t.rows[0], 2, "x;y");
	csv_free(&t);
	cr_assert_eq(parse_sep("a\tb\n1\t2\n", 0, &t, &err), 0, "%s", err.msg);
	cr_expect_eq(t.sep, '\t');
	EXPECT_ROW(&t.rows[0], 2, "1", "2");
	csv_free(&t);
}

Test(csv, excel_sep_line_names_the_separator)
{
	struct csv_table t;
	struct jh_err err;

	cr_assert_eq(parse_sep("sep=;\r\na,b;c\r\n1;2\r\n", 0, &t, &err), 0, "%s", err.msg);
	cr_expect_eq(t.sep, ';');
	EXPECT_ROW(&t.header, 2, "a,b", "c");
	EXPECT_ROW(&t.rows[0], 3, "1", "2");
	csv_free(&t);
	/* Line numbers in messages count the sep= line. */
	cr_expect_eq(parse_sep("sep=;\na;b\n1\n", 0, &t, &err), -1);
	cr_expect_str_eq(err.msg, "t.csv:3: 1 field, the header has 2");
	/* After a byte order mark, as Excel saves it. */
	cr_assert_eq(parse_sep("\xef\xbb\xbfsep=\t\r\na\tb\r\n", 0, &t, &err), 0, "%s", err.msg);
	cr_expect_eq(t.sep, '\t');
	cr_expect(t.bom);
	EXPECT_ROW(&t.header, 2, "a", "b");
	csv_free(&t);
	/* A separator given by the caller wins: the line is the header. */
	cr_assert_eq(parse_sep("sep=;\n1\n", ',', &t, &err), 0, "%s", err.msg);
	EXPECT_ROW(&t.header, 1, "sep=;");
	csv_free(&t);
}

Test(csv, given_separator_wins_over_the_guess)
{
	struct csv_table t;
	struct jh_err err;

	cr_assert_eq(parse_sep("a;b;c,d\n1;2;3,4\n", ',', &t, &err), 0, "%s", err.msg);
	EXPECT_ROW(&t.header, 1, "a;b;c", "d");
	csv_free(&t);
	cr_expect_eq(parse_sep("a\n", '|', &t, &err), -1);
	cr_expect_str_eq(err.msg, "t.csv: the separator must be a comma, a semicolon or a tab");
}

Test(csv, semicolon_errors_name_line_and_column)
{
	struct csv_table t;
	struct jh_err err;

	cr_expect_eq(parse_sep("a;b\n\xc3\xa5;x\"y\n", ';', &t, &err), -1);
	cr_expect_str_eq(err.msg, "t.csv:2:4: stray quote in an unquoted field (quote the whole "
				  "field and double the quote)");
	cr_expect_eq(parse_sep("a;b\n\"x\",y;z\n", ';', &t, &err), -1);
	cr_expect_str_eq(err.msg, "t.csv:2:4: characters after the closing quote of a field");
}

struct sep_row_arg {
	const char *const *fields;
	size_t n;
	char sep;
};

static void write_sep_row_arg(FILE *f, const void *arg)
{
	const struct sep_row_arg *r = arg;

	cr_assert_eq(csv_write_row_sep(f, r->fields, r->n, r->sep), 0);
}

Test(csv, writer_quotes_the_separator_in_use)
{
	struct sep_row_arg r1 = {ROW("a,b", "c;d", "2,50", "\"q\""), 4, ';'};
	struct sep_row_arg r2 = {ROW("a,b", "c;d", "e\tf"), 3, '\t'};
	char *s;

	s = write_to_string(write_sep_row_arg, &r1);
	cr_expect_str_eq(s, "a,b;\"c;d\";2,50;\"\"\"q\"\"\"\r\n");
	free(s);
	s = write_to_string(write_sep_row_arg, &r2);
	cr_expect_str_eq(s, "a,b\tc;d\t\"e\tf\"\r\n");
	free(s);
}

static void write_bom_and_rows(FILE *f, const void *arg)
{
	struct sep_row_arg head = {ROW("a", "b", "c"), 3, ';'};

	cr_assert_eq(csv_write_bom(f), 0);
	write_sep_row_arg(f, &head);
	write_sep_row_arg(f, arg);
}

Test(csv, semicolon_bom_round_trip_hostile_text)
{
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		struct sep_row_arg r = {ROW(hostile[i], "x;y", "\xc3\xa6\xc3\xb8"), 3, ';'};
		char *s = write_to_string(write_bom_and_rows, &r);
		struct csv_table t;
		struct jh_err err;

		cr_assert_eq(csv_parse_sep(s, strlen(s), "t.csv", 0, &t, &err), 0, "%s", err.msg);
		cr_expect_eq(t.sep, ';', "case %zu", i);
		cr_expect(t.bom);
		cr_assert_eq(t.nrows, 1, "case %zu", i);
		EXPECT_ROW(&t.rows[0], 2, hostile[i], "x;y", "\xc3\xa6\xc3\xb8");
		csv_free(&t);
		free(s);
	}
}

Test(csv, separator_names)
{
	cr_expect_eq(csv_sep_parse(";"), ';');
	cr_expect_eq(csv_sep_parse("semicolon"), ';');
	cr_expect_eq(csv_sep_parse(","), ',');
	cr_expect_eq(csv_sep_parse("comma"), ',');
	cr_expect_eq(csv_sep_parse("tab"), '\t');
	cr_expect_eq(csv_sep_parse("\t"), '\t');
	cr_expect_eq(csv_sep_parse("|"), -1);
	cr_expect_eq(csv_sep_parse(";;"), -1);
	cr_expect_eq(csv_sep_parse(NULL), -1);
}
