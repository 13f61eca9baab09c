/* csv.c: an RFC 4180 reader and writer.
 *
 * The reader makes one pass over the buffer. Each field is found by a
 * tight scan for the few bytes that matter and copied, unescaped, into a
 * scratch buffer reused for every row; a finished row becomes a single
 * allocation: its `fields` array followed by the strings. One malloc per
 * row instead of one per field halves the time of a large import, and a
 * row is freed with free(row.fields) alone (csv_free does that), so a
 * caller keeping a field must copy it. Refusals name the line (and
 * column, counted in characters) so a user can fix the file in an
 * editor. */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/csv.h"
#include "journeyhack/fileread.h"
#include "journeyhack/i18n.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"

#define CSV_MAX_FILE ((size_t)256 * 1024 * 1024)

/* Bytes that end the fast scan of a field: in an unquoted field NUL, LF,
 * CR, quote and the three separators a file may use (comma, semicolon,
 * tab: the one not in use is data again); inside quotes only NUL, LF (to
 * count lines) and the quote. Every byte >= 0x80 stops both, to be
 * checked as UTF-8. */
/* clang-format off: sixteen to a line shows the byte values */
static const unsigned char stop_plain[256] = {
    1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};
static const unsigned char stop_quoted[256] = {
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};
/* clang-format on */

struct parser {
	const char *buf;
	size_t len;
	size_t pos;
	const char *label;
	struct jh_err *err;
	char sep;
	size_t line;	   /* physical line of pos, 1-based */
	size_t line_start; /* offset where that line starts */
	/* The row being read: its strings, each NUL-terminated, one after
	 * the other in text, and where each starts. `keep` caps how many
	 * fields are stored, so a row with a million commas costs a count. */
	char *text;
	size_t ntext, captext;
	size_t *offs;
	size_t noffs, capoffs, keep;
};

/* 1-based column, in characters, of offset off on the line starting at
 * line_start. Only called on the way out with an error, and everything
 * before off has been checked to be UTF-8, so counting the bytes that
 * are not continuation bytes counts characters. */
static size_t column(const struct parser *p, size_t line_start, size_t off)
{
	size_t col = 1, i;

	for (i = line_start; i < off; i++)
		if (((unsigned char)p->buf[i] & 0xC0) != 0x80)
			col++;
	return col;
}

static int fail_at(const struct parser *p, size_t line, size_t line_start, size_t off,
		   const char *what)
{
	return err_set(p->err, "%s:%zu:%zu: %s", p->label, line, column(p, line_start, off), what);
}

static int fail_here(const struct parser *p, size_t off, const char *what)
{
	return fail_at(p, p->line, p->line_start, off, what);
}

/* Check the byte at off, known to be NUL or >= 0x80; returns its length
 * as UTF-8 or -1 with the error set. */
static long check_byte(const struct parser *p, size_t off)
{
	unsigned char c = (unsigned char)p->buf[off];
	unsigned int cp;
	size_t n;

	if (c == 0)
		return fail_here(
		    p, off, _("NUL byte (is this a binary or UTF-16 file? save it as UTF-8 CSV)"));
	n = text_decode(p->buf + off, p->len - off, &cp);
	if (n == 1) {
		char what[96];

		snprintf(what, sizeof what,
			 _("invalid UTF-8 (byte 0x%02X); save the file as UTF-8"), c);
		return fail_here(p, off, what);
	}
	return (long)n;
}

static int too_long(const struct parser *p, size_t line, size_t line_start, size_t off)
{
	char what[64];

	snprintf(what, sizeof what, _("field longer than %d bytes"), CSV_MAX_FIELD);
	return fail_at(p, line, line_start, off, what);
}

/* Make room for a field of n bytes (and its NUL) and return where it
 * goes; the caller fills it and calls field_done. */
static char *field_space(struct parser *p, size_t n)
{
	if (p->noffs == p->capoffs) {
		p->capoffs = p->capoffs ? 2 * p->capoffs : 16;
		p->offs = util_xrealloc(p->offs, p->capoffs * sizeof *p->offs);
	}
	if (p->captext - p->ntext < n + 1) {
		size_t cap = p->captext ? p->captext : 256;

		while (cap - p->ntext < n + 1)
			cap *= 2;
		p->text = util_xrealloc(p->text, cap);
		p->captext = cap;
	}
	p->offs[p->noffs] = p->ntext;
	return p->text + p->ntext;
}

static void field_done(struct parser *p, size_t n)
{
	p->text[p->ntext + n] = '\0';
	p->ntext += n + 1;
	p->noffs++;
}

/* The bytes after a field must end it: a comma, a line end or the end of
 * the input. A CR counts only as the first half of CRLF, or as a line
 * end cut short by the end of the file. */
static int at_field_end(const struct parser *p, size_t i)
{
	const char *b = p->buf;

	return i == p->len || b[i] == p->sep || b[i] == '\n' ||
	       (b[i] == '\r' && (i + 1 == p->len || b[i + 1] == '\n'));
}

static int read_plain(struct parser *p, int store)
{
	const unsigned char *b = (const unsigned char *)p->buf;
	size_t start = p->pos, i = p->pos, len = p->len;

	for (;;) {
		long n;

		while (i < len && !stop_plain[b[i]])
			i++;
		if (i == len || b[i] == (unsigned char)p->sep || b[i] == '\n')
			break;
		if (b[i] == ',' || b[i] == ';' || b[i] == '\t') {
			i++;
			continue;
		}
		if (b[i] == '\r') {
			if (at_field_end(p, i))
				break;
			return fail_here(p, i,
					 _("carriage return without line feed in an unquoted field "
					   "(save with CRLF or LF line ends)"));
		}
		if (b[i] == '"')
			return fail_here(p, i,
					 _("stray quote in an unquoted field (quote the whole "
					   "field and double the quote)"));
		n = check_byte(p, i);
		if (n < 0)
			return -1;
		i += (size_t)n;
	}
	if (i - start > CSV_MAX_FIELD)
		return too_long(p, p->line, p->line_start, start);
	if (store) {
		memcpy(field_space(p, i - start), p->buf + start, i - start);
		field_done(p, i - start);
	}
	p->pos = i;
	return 0;
}

/* Copy the inside of a quoted field, n bytes at s, to o turning each ""
 * into ". */
static void unquote(char *o, const char *s, size_t n)
{
	const char *end = s + n, *q;

	while (s < end) {
		q = memchr(s, '"', (size_t)(end - s));
		if (!q)
			q = end;
		memcpy(o, s, (size_t)(q - s));
		o += q - s;
		if (q == end)
			break;
		*o++ = '"';
		s = q + 2;
	}
}

static int read_quoted(struct parser *p, int store)
{
	const unsigned char *b = (const unsigned char *)p->buf;
	size_t open = p->pos, open_line = p->line, open_line_start = p->line_start;
	size_t i = p->pos + 1, close, nesc = 0, outlen, len = p->len;

	for (;;) {
		long n;

		while (i < len && !stop_quoted[b[i]])
			i++;
		if (i == len)
			return fail_at(p, open_line, open_line_start, open,
				       _("unterminated quoted field: the quote opened here is "
					 "never closed"));
		if (b[i] == '"') {
			if (i + 1 < len && b[i + 1] == '"') {
				nesc++;
				i += 2;
				continue;
			}
			break;
		}
		if (b[i] == '\n') {
			i++;
			p->line++;
			p->line_start = i;
			continue;
		}
		n = check_byte(p, i);
		if (n < 0)
			return -1;
		i += (size_t)n;
	}
	close = i;
	if (!at_field_end(p, close + 1))
		return fail_here(p, close + 1, _("characters after the closing quote of a field"));
	outlen = close - open - 1 - nesc;
	if (outlen > CSV_MAX_FIELD)
		return too_long(p, open_line, open_line_start, open);
	if (store) {
		unquote(field_space(p, outlen), p->buf + open + 1, close - open - 1);
		field_done(p, outlen);
	}
	p->pos = close + 1;
	return 0;
}

/* Read one row from pos into text and offs, leaving pos at the start of
 * the next line. Returns the number of fields (stored or not), or -1. */
static long read_row(struct parser *p)
{
	size_t count = 0;
	int rc;

	p->ntext = 0;
	p->noffs = 0;
	for (;;) {
		int store = count < p->keep;

		if (p->pos < p->len && p->buf[p->pos] == '"')
			rc = read_quoted(p, store);
		else
			rc = read_plain(p, store);
		if (rc < 0)
			return -1;
		count++;
		if (p->pos == p->len)
			break;
		if (p->buf[p->pos] == p->sep) {
			p->pos++;
			continue;
		}
		if (p->buf[p->pos] == '\r')
			p->pos++;
		if (p->pos < p->len) {
			p->pos++; /* the line feed */
			p->line++;
			p->line_start = p->pos;
		}
		break;
	}
	return (long)count;
}

static void take_row(struct parser *p, struct csv_row *row, size_t line)
{
	size_t i, head = p->noffs * sizeof *row->fields;
	char *block = util_xmalloc(head + p->ntext), *strings = block + head;

	/* The pointer array comes first, so malloc's alignment serves it. */
	memcpy(strings, p->text, p->ntext);
	row->fields = (char **)(void *)block;
	for (i = 0; i < p->noffs; i++)
		row->fields[i] = strings + p->offs[i];
	row->nfields = p->noffs;
	row->line = line;
}

/* Is the line at pos empty? */
static int blank_line(const struct parser *p)
{
	const char *b = p->buf + p->pos;
	size_t left = p->len - p->pos;

	return left > 0 && (b[0] == '\n' || (b[0] == '\r' && (left == 1 || b[1] == '\n')));
}

/* Are the line at pos and all after it empty, the end of the file? */
static int only_blank_lines_left(const struct parser *p)
{
	size_t i;

	for (i = p->pos; i < p->len; i++)
		if (p->buf[i] != '\n' && p->buf[i] != '\r')
			return 0;
	return 1;
}

struct name_at {
	const char *name;
	size_t col;
};

static int cmp_name_at(const void *a, const void *b)
{
	const struct name_at *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	if (c)
		return c;
	return (x->col > y->col) - (x->col < y->col);
}

static int check_header(const struct parser *p, const struct csv_row *h)
{
	struct name_at *v;
	size_t i, g, first = 0, second = 0;
	char *shown;

	for (i = 0; i < h->nfields; i++)
		if (h->fields[i][0] == '\0')
			return err_set(p->err, _("%s:%zu: header column %zu has an empty name"),
				       p->label, h->line, i + 1);
	/* Sorted, equal names sit next to each other, in column order; the
	 * pair reported is the one a reader meets first going left to right. */
	v = util_xmalloc(h->nfields * sizeof *v);
	for (i = 0; i < h->nfields; i++) {
		v[i].name = h->fields[i];
		v[i].col = i + 1;
	}
	qsort(v, h->nfields, sizeof *v, cmp_name_at);
	for (i = 1, g = 0; i < h->nfields; i++) {
		if (strcmp(v[i].name, v[g].name) != 0) {
			g = i;
			continue;
		}
		if (!second || v[i].col < second) {
			first = v[g].col;
			second = v[i].col;
		}
	}
	free(v);
	if (!second)
		return 0;
	/* The name goes to a terminal in the message: make it harmless. */
	shown = text_fit_dup(h->fields[first - 1], 40, 0);
	err_set(p->err, _("%s:%zu: column \"%s\" appears twice (columns %zu and %zu)"), p->label,
		h->line, shown, first, second);
	free(shown);
	return -1;
}

static int parse_rows(struct parser *p, struct csv_table *t)
{
	size_t cap = 0;

	while (p->pos < p->len) {
		size_t line = p->line;
		long n;

		if (blank_line(p)) {
			if (only_blank_lines_left(p))
				break;
			return err_set(p->err, _("%s:%zu: empty row"), p->label, p->line);
		}
		n = read_row(p);
		if (n < 0)
			return -1;
		if ((size_t)n != t->header.nfields)
			return err_set(p->err,
				       ngettext("%s:%zu: %ld field, the header has %zu",
						"%s:%zu: %ld fields, the header has %zu",
						(unsigned long)n),
				       p->label, line, n, t->header.nfields);
		if (t->nrows == cap) {
			cap = cap ? 2 * cap : 64;
			t->rows = util_xrealloc(t->rows, cap * sizeof *t->rows);
		}
		take_row(p, &t->rows[t->nrows], line);
		t->nrows++;
	}
	return 0;
}

static int is_sep(char c)
{
	return c == ',' || c == ';' || c == '\t';
}

/* Excel writes, and reads, a first line "sep=;" naming the separator.
 * Taken when the caller left the separator to the file; the header is
 * then on the next line. */
static void sep_hint(struct parser *p)
{
	const char *b = p->buf + p->pos;
	size_t left = p->len - p->pos, n = 5;

	if (left < 5 || memcmp(b, "sep=", 4) != 0 || !is_sep(b[4]))
		return;
	if (n < left && b[n] == '\r')
		n++;
	if (n < left && b[n] != '\n')
		return;
	p->sep = b[4];
	p->pos += n < left ? n + 1 : n;
	p->line++;
	p->line_start = p->pos;
}

/* The separator of a file that does not say: whichever of comma,
 * semicolon and tab the header row holds most of outside quotes (a
 * spreadsheet in a Swedish or Norwegian locale saves with semicolons);
 * a tie or none at all means the comma. */
static char guess_sep(const struct parser *p)
{
	size_t n[3] = {0, 0, 0};
	int quoted = 0;

	for (size_t i = p->pos; i < p->len; i++) {
		char c = p->buf[i];

		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		else if (!quoted && is_sep(c))
			n[c == ',' ? 0 : c == ';' ? 1 : 2]++;
	}
	if (n[1] > n[0] && n[1] >= n[2])
		return ';';
	return n[2] > n[0] && n[2] > n[1] ? '\t' : ',';
}

static int parse(struct parser *p, struct csv_table *t)
{
	const unsigned char *b = (const unsigned char *)p->buf;
	size_t hline;

	if (p->len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
		p->pos = p->line_start = 3;
		t->bom = 1;
	} else if (p->len >= 2 &&
		   ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
		return err_set(p->err, _("%s:1: the file is UTF-16; save it as UTF-8 CSV"),
			       p->label);
	}
	if (!p->sep)
		sep_hint(p);
	if (!p->sep)
		p->sep = guess_sep(p);
	t->sep = p->sep;
	if (p->pos == p->len || (blank_line(p) && only_blank_lines_left(p)))
		return err_set(p->err, _("%s: no header row (the file is empty)"), p->label);
	if (blank_line(p))
		return err_set(p->err, _("%s:%zu: empty row"), p->label, p->line);
	p->keep = (size_t)-1;
	hline = p->line;
	if (read_row(p) < 0)
		return -1;
	take_row(p, &t->header, hline);
	if (check_header(p, &t->header) < 0)
		return -1;
	p->keep = t->header.nfields;
	return parse_rows(p, t);
}

int csv_parse_sep(const char *buf, size_t len, const char *label, char sep, struct csv_table *out,
		  struct jh_err *err)
{
	struct parser p;
	int rc;

	memset(out, 0, sizeof *out);
	if (sep && !is_sep(sep))
		return err_set(err, _("%s: the separator must be a comma, a semicolon or a tab"),
			       label ? label : "(csv)");
	memset(&p, 0, sizeof p);
	p.buf = buf ? buf : "";
	p.len = buf ? len : 0;
	p.label = label ? label : "(csv)";
	p.err = err;
	p.sep = sep;
	p.line = 1;
	rc = parse(&p, out);
	free(p.text);
	free(p.offs);
	if (rc < 0)
		csv_free(out);
	return rc;
}

int csv_parse(const char *buf, size_t len, const char *label, struct csv_table *out,
	      struct jh_err *err)
{
	return csv_parse_sep(buf, len, label, ',', out, err);
}

int csv_read_file_sep(const char *path, char sep, struct csv_table *out, struct jh_err *err)
{
	char *buf;
	size_t len;
	int rc;

	memset(out, 0, sizeof *out);
	if (fileread_all(path, CSV_MAX_FILE, "a CSV file", &buf, &len, err))
		return -1;
	rc = csv_parse_sep(buf, len, path, sep, out, err);
	free(buf);
	return rc;
}

int csv_read_file(const char *path, struct csv_table *out, struct jh_err *err)
{
	return csv_read_file_sep(path, ',', out, err);
}

static void free_row(struct csv_row *r)
{
	/* The strings live in the same block as the array. */
	free(r->fields);
	r->fields = NULL;
	r->nfields = 0;
}

void csv_free(struct csv_table *t)
{
	size_t i;

	if (!t)
		return;
	free_row(&t->header);
	for (i = 0; i < t->nrows; i++)
		free_row(&t->rows[i]);
	free(t->rows);
	memset(t, 0, sizeof *t);
}

static int needs_quotes(const char *s, size_t n, char sep)
{
	const char specials[] = {sep, '"', '\r', '\n', '\0'};

	if (n == 0)
		return 0;
	/* Many readers trim unquoted fields; quoting keeps the spaces. */
	if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')
		return 1;
	/* A U+FEFF opening the first field of a file would be read back as
	 * a byte order mark and dropped. */
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		return 1;
	return strpbrk(s, specials) != NULL;
}

int csv_write_field_sep(FILE *f, const char *s, char sep)
{
	const char *q;
	size_t n;

	if (!s)
		s = "";
	n = strlen(s);
	if (!needs_quotes(s, n, sep))
		return fwrite(s, 1, n, f) == n ? 0 : -1;
	if (putc('"', f) == EOF)
		return -1;
	while ((q = strchr(s, '"')) != NULL) {
		/* Write through the quote, then the quote again. */
		n = (size_t)(q - s) + 1;
		if (fwrite(s, 1, n, f) != n || putc('"', f) == EOF)
			return -1;
		s = q + 1;
	}
	n = strlen(s);
	if (fwrite(s, 1, n, f) != n || putc('"', f) == EOF)
		return -1;
	return 0;
}

int csv_write_field(FILE *f, const char *s)
{
	return csv_write_field_sep(f, s, ',');
}

int csv_write_row_sep(FILE *f, const char *const *fields, size_t n, char sep)
{
	size_t i;

	/* A lone empty field would be an empty line, which readers (this one
	 * included) take for no row at all. */
	if (n == 1 && (!fields[0] || !fields[0][0]))
		return fputs("\"\"\r\n", f) == EOF ? -1 : 0;
	for (i = 0; i < n; i++) {
		if (i > 0 && putc(sep, f) == EOF)
			return -1;
		if (csv_write_field_sep(f, fields[i], sep) < 0)
			return -1;
	}
	return fputs("\r\n", f) == EOF ? -1 : 0;
}

int csv_write_row(FILE *f, const char *const *fields, size_t n)
{
	return csv_write_row_sep(f, fields, n, ',');
}

int csv_write_bom(FILE *f)
{
	return fwrite("\xef\xbb\xbf", 1, 3, f) == 3 ? 0 : -1;
}

int csv_sep_parse(const char *name)
{
	if (!name)
		return -1;
	if (!strcmp(name, ",") || !strcmp(name, "comma"))
		return ',';
	if (!strcmp(name, ";") || !strcmp(name, "semicolon"))
		return ';';
	if (!strcmp(name, "\t") || !strcmp(name, "\\t") || !strcmp(name, "tab"))
		return '\t';
	return -1;
}

/* The first characters OWASP lists as starting a formula in Excel,
 * LibreOffice or Google Sheets. */
static int formula_start(char c)
{
	return c && strchr("=+-@\t\r", c) != NULL;
}

int csv_formula_risky(const char *s)
{
	if (!s)
		return 0;
	while (*s == '\'')
		s++;
	return formula_start(*s);
}

char *csv_formula_guard(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	char *out = util_xmalloc(n + 2);

	if (!csv_formula_risky(s)) {
		memcpy(out, s ? s : "", n + 1);
		return out;
	}
	out[0] = '\'';
	memcpy(out + 1, s, n + 1);
	return out;
}

const char *csv_formula_unguard(const char *s)
{
	return s && s[0] == '\'' && csv_formula_risky(s) ? s + 1 : s;
}
