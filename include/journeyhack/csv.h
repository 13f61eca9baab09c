/* csv.h: an RFC 4180 reader and writer.
 *
 * The reader takes the whole file in memory: quoted fields with embedded
 * separators, quotes ("") and newlines; CRLF or LF line ends; a UTF-8 BOM
 * is skipped. The separator is a comma, or, for the spreadsheets of
 * locales whose decimal mark is a comma (Swedish, Norwegian, German...),
 * a semicolon; a tab is taken too. It refuses, with the line (and column) where the problem is:
 * a stray quote in an unquoted field, an unterminated quote, characters
 * after a closing quote, a NUL byte, invalid UTF-8, a row whose field
 * count differs from the header's, a field longer than CSV_MAX_FIELD. */
#ifndef JOURNEYHACK_CSV_H
#define JOURNEYHACK_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "journeyhack/err.h"

#define CSV_MAX_FIELD (1024 * 1024)

struct csv_row {
	char **fields; /* NUL-terminated UTF-8 */
	size_t nfields;
	size_t line; /* 1-based line the row starts on */
};

struct csv_table {
	struct csv_row header;
	struct csv_row *rows;
	size_t nrows;
	char sep; /* the separator the file was read with */
	int bom;  /* the file began with a UTF-8 byte order mark */
};

/* Parse buf; `label` names the file in messages ("FILE:LINE: ..."). */
int csv_parse(const char *buf, size_t len, const char *label, struct csv_table *out,
	      struct jh_err *err);

/* Read a whole file and parse it. */
int csv_read_file(const char *path, struct csv_table *out, struct jh_err *err);

/* csv_parse and csv_read_file with another separator: ',', ';' or '\t';
 * 0 lets the file say: an Excel "sep=X" first line, else the one of the
 * three the header row holds most of (a tie: the comma). The separator
 * used is in out->sep. */
int csv_parse_sep(const char *buf, size_t len, const char *label, char sep, struct csv_table *out,
		  struct jh_err *err);
int csv_read_file_sep(const char *path, char sep, struct csv_table *out, struct jh_err *err);

/* "," "comma" ";" "semicolon" "tab" (or a tab) -> the separator; -1 when
 * it is none of them. */
int csv_sep_parse(const char *name);

void csv_free(struct csv_table *t);

/* Write one field, quoted when it holds a comma, quote, CR or LF (or
 * leading/trailing space). Returns -1 on a write error. */
int csv_write_field(FILE *f, const char *s);

/* Write a row of n fields ended by CRLF. Returns -1 on a write error. */
int csv_write_row(FILE *f, const char *const *fields, size_t n);

/* The same with another separator (';' or '\t'): a field is quoted when it
 * holds that separator instead of a comma. */
int csv_write_field_sep(FILE *f, const char *s, char sep);
int csv_write_row_sep(FILE *f, const char *const *fields, size_t n, char sep);

/* The UTF-8 byte order mark, by which Excel knows a CSV file is UTF-8. */
int csv_write_bom(FILE *f);

/* Formula guard (OWASP's advice against CSV injection): a spreadsheet
 * runs a cell that starts with = + - @, tab or CR as a formula, so text
 * that does, after any run of leading apostrophes, gets one more
 * apostrophe in front. The apostrophes counted in make the guard
 * reversible: csv_formula_unguard removes exactly what csv_formula_guard
 * added, and leaves every other text (an apostrophe a user typed before
 * ordinary text) alone. */
int csv_formula_risky(const char *s);
/* s guarded, newly allocated (a copy when it needs no guard). */
char *csv_formula_guard(const char *s);
/* s without the guard, pointing into s. */
const char *csv_formula_unguard(const char *s);

#endif
