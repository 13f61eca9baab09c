/* fuzz_escape.c: libFuzzer target for the export escaping of user text.
 *
 * The input is one item text, any bytes. CSV: the text as the export
 * writes a cell (made valid UTF-8 by text_clean, then the formula guard)
 * goes into a row, and the project's own reader must read the same cell
 * back; that cell must not start like a formula, and taking the guard
 * off must give the text again. Markdown: the inline escaper's output,
 * put in a table cell, must stay one cell on one line: no raw line
 * break, no unescaped '|', no '<' but the <br> it writes itself, a
 * backslash only before ASCII punctuation, no indentation or list,
 * heading or quote marker at the start of a line, no "://" or "www."
 * that would become a link, valid UTF-8 without control characters. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/csv.h"
#include "journeyhack/export_mdtext.h"
#include "journeyhack/export_w.h"
#include "journeyhack/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *written(void (*put)(FILE *, const char *), const char *s, size_t *len)
{
	char *buf = NULL;
	FILE *m = open_memstream(&buf, len);

	if (!m)
		abort();
	put(m, s);
	if (fclose(m) != 0)
		abort();
	return buf;
}

static void put_row(FILE *f, const char *cell)
{
	const char *header[] = {"title", "id"}, *row[] = {cell, "1"};

	if (csv_write_row(f, header, 2) < 0 || csv_write_row(f, row, 2) < 0)
		abort();
}

static void check_csv(const char *text)
{
	char *clean = text_clean(text), *cell = csv_formula_guard(clean), *out;
	struct csv_table t;
	struct jh_err err;
	size_t len;

	/* What a spreadsheet sees first is never a formula's start. */
	if (cell[0] && strchr("=+-@\t\r", cell[0]))
		abort();
	if (strcmp(csv_formula_unguard(cell), clean) != 0)
		abort();
	out = written(put_row, cell, &len);
	if (csv_parse(out, len, "fuzz.csv", &t, &err) != 0) {
		fprintf(stderr, "%s\n", err.msg);
		abort();
	}
	if (t.nrows != 1 || t.rows[0].nfields != 2 || strcmp(t.rows[0].fields[0], cell) != 0 ||
	    strcmp(t.rows[0].fields[1], "1") != 0)
		abort();
	csv_free(&t);
	free(out);
	free(cell);
	free(clean);
}

static void put_md(FILE *f, const char *s)
{
	struct export_w w;
	struct jh_err err;

	export_w_init(&w, f);
	export_mdtext_inline(&w, s);
	if (export_w_done(&w, &err) != 0)
		abort();
}

static int ascii_punct(unsigned char c)
{
	return c > 0x20 && c < 0x7F && !(c >= '0' && c <= '9') &&
	       !((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* At a line start: no blank, no marker of a block. */
static void check_line_start(const char *p)
{
	const char *q = p;

	if (*p == ' ' || *p == '\t' || (*p && strchr("-+=#>*_`~|", *p)))
		abort();
	while (*q >= '0' && *q <= '9')
		q++;
	if (q > p && (*q == '.' || *q == ')'))
		abort();
}

static void check_md(const char *text)
{
	size_t len;
	char *out = written(put_md, text, &len);

	if (len != strlen(out) || !text_utf8_valid(out, len))
		abort();
	check_line_start(out);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)out[i];
		unsigned int cp;

		if (c == '\\') {
			if (!ascii_punct((unsigned char)out[i + 1]))
				abort();
			i++;
			continue;
		}
		if (c == '<') {
			if (strncmp(out + i, "<br>", 4) != 0)
				abort();
			i += 3;
			check_line_start(out + i + 1);
			continue;
		}
		/* Markup that went out unescaped. */
		if (c < 0x20 || c == 0x7F || strchr("`*_[]>#|~&$", c))
			abort();
		text_decode(out + i, len - i, &cp);
		if (cp >= 0x80 && cp < 0xA0)
			abort();
	}
	if (len && (out[len - 1] == ' ' || out[len - 1] == '\t'))
		abort();
	/* No address GitHub would turn into a link: its ':' or '.' escaped. */
	for (const char *p = out; (p = strstr(p, "://")) != NULL; p++) {
		size_t nb = 0;
		while (p - nb > out && p[-1 - (ptrdiff_t)nb] == '\\')
			nb++;
		if (nb % 2 == 0)
			abort();
	}
	if (strstr(out, "www."))
		abort();
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);

	/* Item text is a C string: it ends at the first NUL. */
	memcpy(text, data, size);
	text[size] = '\0';
	check_csv(text);
	check_md(text);
	free(text);
	return 0;
}
