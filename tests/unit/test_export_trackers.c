/* test_export_trackers.c: the tracker and calendar exports (jira-csv,
 * gitlab-csv, ical, todotxt) of a fixed Swedish and Norwegian workshop
 * full of commas, quotes, semicolons, line breaks, markup and very long
 * text, against golden files and the rules of each format.
 *
 * Regenerate the golden files with JH_UPDATE_GOLDEN=1 and review the
 * diff. The real consumers (Python's icalendar and csv modules) read the
 * files in tests/cli/export-*.sh. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/csv.h"
#include "journeyhack/export.h"
#include "journeyhack/items.h"
#include "journeyhack/store.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"
#include "testutil.h"

#define TODAY "2026-11-22"

static char *dir;
static char *db;
static struct jh_store *st;
static jh_id wid;

static jh_id add(enum jh_kind kind, const char *const *args)
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
	cr_assert_eq(items_parse(st, wid, kind, a, n, 1, &vals, &err), 0, "%s: %s", args[0],
		     err.msg);
	cr_assert_eq(store_item_add(st, wid, kind, vals.v, vals.n, &id, &err), 0, "%s: %s", args[0],
		     err.msg);
	items_values_free(&vals);
	return id;
}

#define ADD(kind, ...) add(kind, (const char *const[]){__VA_ARGS__, NULL})

/* A title longer than both trackers' 255-character summaries and than
 * several folded iCalendar lines, of two-byte letters. */
static const char *long_title(void)
{
	static char buf[1024];
	size_t k = 0;

	k += (size_t)snprintf(buf, sizeof buf, "Lång titel: ");
	while (k + 16 < sizeof buf && k < 700)
		k += (size_t)snprintf(buf + k, sizeof buf - k, "åäöæø, ÅÄÖÆØ; ");
	snprintf(buf + k, sizeof buf - k, "slut");
	return buf;
}

static void build_sample(void)
{
	static char *stages[] = {"Få räkningen", "Förstå", "Betala"};
	static char *channels[] = {"brev", "webb", "telefon"};
	struct jh_template t;
	struct jh_err err;
	char title[1100];

	memset(&t, 0, sizeof t);
	t.name = "spår";
	t.title = "Betala räkningen, igen; \"snart\"";
	t.description = "Två dagar om fakturan: å ä ö æ ø";
	t.stages = stages;
	t.nstages = 3;
	t.channels = channels;
	t.nchannels = 3;
	t.method = "impact-effort";
	t.dots_per_participant = 5;
	cr_assert_eq(store_workshop_create(st, "räkning", &t, &wid, &err), 0, "%s", err.msg);
	ADD(JH_PARTICIPANT, "name=Åsa Öberg", "department=Ekonomi, fakturering");
	ADD(JH_PARTICIPANT, "name=Øyvind Ærø", "department=Kundeservice; 1. linje");
	ADD(JH_JOURNEY, "name=Betala räkningen", "stages=Få räkningen,Förstå,Betala");
	ADD(JH_TOUCHPOINT, "journey=Betala räkningen", "stage=Få räkningen",
	    "name=Räkning i brevlådan, \"papper\"", "channel=brev", "score=-2");
	ADD(JH_TOUCHPOINT, "journey=Betala räkningen", "stage=Förstå", "name=Mina sider; faktura",
	    "channel=webb", "score=-1");
	ADD(JH_PAINPOINT, "title=Fakturan är oläslig, \"helt\"", "touchpoint=1", "severity=5",
	    "frequency=4", "author=Åsa Öberg",
	    "evidence=\"Jeg vet aldri hva jeg betaler for\", sa Øyvind;\n"
	    "h1. inte en rubrik\n* inte en lista\n/close\n{code}x{code} [länk|http://x] :D a\\b "
	    "&#92; &copy; R&D");
	ADD(JH_PAINPOINT, "title=Lång kö; 14 min", "touchpoint=2", "severity=3", "frequency=5",
	    "evidence=Snitt 14 min\r\nmätt i mars");
	ADD(JH_IDEA, "title=Förklara vad pengarna gick till", "impact=5", "effort=2",
	    "painpoints=1,2", "belief=kunder ringer mindre, när de förstår",
	    "experiment=skicka 500 kunder den nya fakturan", "metric=samtal om fakturan",
	    "success=samtalen minskar med 30 %");
	ADD(JH_IDEA, "title=Fråga direkt från fakturan", "impact=3", "effort=4");
	ADD(JH_ACTION, "idea=1", "title=Skriv om fakturan, \"igen\"; med *fet* text",
	    "owner=Åsa Öberg", "due=2026-12-24", "notes=fråga juristen först;\nsen Øyvind");
	ADD(JH_ACTION, "idea=2", "title=Bygg en prototyp", "owner=oyvind.aero", "due=2027-01-15",
	    "status=doing");
	ADD(JH_ACTION, "title=2026-01-05 uppföljning", "owner=@anna_l", "status=done");
	snprintf(title, sizeof title, "title=%s", long_title());
	ADD(JH_ACTION, "idea=1", title, "owner=Øyvind Ærø", "due=2027-02-28");
}

static void setup(void)
{
	struct jh_err err;

	setenv("JOURNEYHACK_TODAY", TODAY, 1);
	setenv("JOURNEYHACK_RANDOM_SEED", "15", 1);
	setenv("TZ", "UTC", 1);
	dir = tu_tmpdir();
	db = tu_join(dir, "w.db");
	cr_assert_eq(store_open(&st, db, 0, &err), 0, "%s", err.msg);
	build_sample();
}

static void teardown(void)
{
	if (st)
		store_close(st);
	st = NULL;
	tu_rmtree(dir);
	free(dir);
	free(db);
}

TestSuite(trackers, .init = setup, .fini = teardown);

static char *render(enum export_format f, size_t *len)
{
	struct jh_data d;
	struct jh_err err;
	char *buf = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&buf, &n);

	cr_assert(m);
	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	cr_assert_eq(export_write(m, &d, f, EXPORT_DEFAULT, &err), 0, "%s", err.msg);
	model_data_free(&d);
	fclose(m);
	*len = n;
	return buf;
}

static void golden(const char *name, const char *got, size_t len)
{
	char rel[128], *path, *want;
	size_t wlen, line = 1, i;

	snprintf(rel, sizeof rel, "tests/data/golden/%s", name);
	path = tu_srcpath(rel);
	if (getenv("JH_UPDATE_GOLDEN") && *getenv("JH_UPDATE_GOLDEN")) {
		FILE *f = fopen(path, "wb");
		cr_assert(f, "cannot write %s", path);
		fwrite(got, 1, len, f);
		fclose(f);
		free(path);
		return;
	}
	want = tu_read(path, &wlen);
	cr_assert(want, "no golden file %s (JH_UPDATE_GOLDEN=1 writes it)", path);
	for (i = 0; i < len && i < wlen && got[i] == want[i]; i++)
		line += got[i] == '\n';
	if (i != len || i != wlen)
		cr_assert_fail("%s differs from the golden file at line %zu", name, line);
	free(want);
	free(path);
}

Test(trackers, golden_files)
{
	static const struct {
		enum export_format f;
		const char *file;
	} cases[] = {{EXPORT_JIRA_CSV, "actions-jira.csv"},
		     {EXPORT_GITLAB_CSV, "actions-gitlab.csv"},
		     {EXPORT_ICAL, "actions.ics"},
		     {EXPORT_TODOTXT, "actions.todo.txt"}};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n;
		char *out = render(cases[i].f, &n);
		cr_assert(text_utf8_valid(out, n), "%s: invalid UTF-8", cases[i].file);
		golden(cases[i].file, out, n);
		free(out);
	}
}

Test(trackers, names_extensions_and_reports)
{
	static const char *const names[] = {"jira-csv", "gitlab-csv", "ical", "todotxt"};
	static const char *const alias[] = {"jira", "gitlab", "ics", "todo.txt"};
	static const char *const ext[] = {"csv", "csv", "ics", "txt"};
	static const char *const file[] = {"räkning-jira.csv", "räkning-gitlab.csv",
					   "räkning-actions.ics", "räkning-todo.txt"};

	for (int i = 0; i < 4; i++) {
		int parsed = export_format_parse(names[i]);
		enum export_format f = (enum export_format)parsed;
		enum export_report r = EXPORT_DEFAULT;
		struct jh_err err;
		char *def;

		cr_assert_eq(export_format_parse(alias[i]), (int)f);
		cr_assert_str_eq(export_format_name(f), names[i]);
		cr_assert_str_eq(export_format_ext(f), ext[i]);
		cr_assert_eq(export_check(f, &r, &err), 0);
		cr_assert_eq(r, EXPORT_ACTIONS);
		def = export_default_filename("räkning", f, EXPORT_DEFAULT);
		cr_assert_str_eq(def, file[i]);
		free(def);
		for (r = EXPORT_BACKLOG; r <= EXPORT_REPORT; r++) {
			enum export_report rr = r;
			char want[96];
			cr_assert_eq(export_check(f, &rr, &err), -1);
			snprintf(want, sizeof want,
				 "%s exports the action points only (-r actions)", names[i]);
			cr_assert_str_eq(err.msg, want);
		}
	}
}

/* RFC 5545 3.1: CRLF everywhere, at most 75 octets a line, a fold never
 * inside a UTF-8 sequence (a continuation line's second byte starts a
 * character). */
Test(trackers, ical_lines_are_folded_whole)
{
	size_t n, start = 0, folds = 0;
	char *out = render(EXPORT_ICAL, &n);

	for (size_t i = 0; i < n; i++) {
		if (out[i] != '\n')
			continue;
		cr_assert(i > start && out[i - 1] == '\r', "a bare LF at byte %zu", i);
		cr_assert_leq(i - 1 - start, 75, "a line of %zu octets at byte %zu", i - 1 - start,
			      start);
		cr_assert(text_utf8_valid(out + start, i - 1 - start), "line at %zu splits UTF-8",
			  start);
		if (out[start] == ' ') {
			folds++;
			cr_assert((out[start + 1] & 0xC0) != 0x80, "fold inside UTF-8 at %zu",
				  start);
		}
		start = i + 1;
	}
	cr_assert_eq(start, n, "the file ends without CRLF");
	cr_assert_gt(folds, 10, "the long title and descriptions were not folded");
	free(out);
}

/* csv.c refuses a repeated column name, which Jira's importer wants for
 * several labels: the header is compared here, then the first letter
 * of each name is made distinct. */
static void parse_csv(enum export_format f, const char *header, struct csv_table *t)
{
	struct jh_err err;
	size_t n, h = strlen(header);
	char *out = render(f, &n);

	cr_assert(n > h && !memcmp(out, header, h) && !memcmp(out + h, "\r\n", 2), "header: %.*s",
		  (int)(n < 200 ? n : 200), out);
	for (size_t i = 0, col = 0; i < h; i++)
		if (out[i] == ',' || i == 0)
			out[i ? i + 1 : 0] = (char)('a' + col++);
	cr_assert_eq(csv_parse(out, n, "export", t, &err), 0, "%s", err.msg);
	free(out);
}

static size_t codepoints(const char *s)
{
	size_t k = 0;

	for (; *s; s++)
		k += ((unsigned char)*s & 0xC0) != 0x80;
	return k;
}

Test(trackers, jira_columns_and_markup)
{
	struct csv_table t;
	const char *desc;

	parse_csv(EXPORT_JIRA_CSV,
		  "Summary,Issue Type,Status,Due Date,Owner,Description,Labels,Labels,"
		  "Journeyhack UUID",
		  &t);
	cr_assert_eq(t.header.nfields, 9);
	cr_assert_eq(t.nrows, 4);
	cr_assert_str_eq(t.rows[0].fields[0], "Skriv om fakturan, \"igen\"; med *fet* text");
	cr_assert_str_eq(t.rows[0].fields[3], "2026-12-24");
	cr_assert_str_eq(t.rows[2].fields[2], "In Progress");
	cr_assert_str_eq(t.rows[3].fields[2], "Done");
	desc = t.rows[0].fields[5];
	/* The markup of the user's text is escaped, the program's is not. */
	cr_assert(strstr(desc, "med \\*fet\\* text"), "%s", desc);
	cr_assert(strstr(desc, "\nh1&#46; inte en rubrik\n\\* inte en lista\n"), "%s", desc);
	cr_assert(strstr(desc, "\\{code\\}x\\{code\\} \\[länk\\|http://x\\] &#58;D a&#92;b "
			       "&amp;\\#92; &amp;copy; R&D"),
		  "%s", desc);
	cr_assert(strstr(desc, "*Evidence:* "));
	cr_assert(
	    strstr(desc, "Betala räkningen › Förstå › Mina sider; faktura \\(webb, score \\-1\\)"),
	    "%s", desc);
	/* The long title: a summary of 255 characters, whole in the description. */
	cr_assert_eq(codepoints(t.rows[1].fields[0]), 255);
	cr_assert(strstr(t.rows[1].fields[5], long_title() + 20));
	cr_assert_str_eq(t.rows[1].fields[7], "räkning");
	csv_free(&t);
}

Test(trackers, gitlab_columns_and_quick_actions)
{
	struct csv_table t;

	parse_csv(EXPORT_GITLAB_CSV, "title,description,due_date", &t);
	cr_assert_eq(t.header.nfields, 3);
	cr_assert_eq(t.nrows, 4);
	/* Only a username is assigned; a name stays text. */
	cr_assert_null(strstr(t.rows[0].fields[1], "/assign"));
	cr_assert(strstr(t.rows[2].fields[1], "\n/assign @oyvind.aero\n"));
	cr_assert(strstr(t.rows[3].fields[1], "\n/assign @anna_l\n"));
	cr_assert(strstr(t.rows[3].fields[1], "\n/label ~journeyhack ~\"räkning\" ~\"done\"\n"));
	/* A quick action in the user's text never starts a line. */
	cr_assert_null(strstr(t.rows[0].fields[1], "\n/close"));
	cr_assert(strstr(t.rows[0].fields[1], "<br>/close<br>"));
	cr_assert_str_eq(t.rows[2].fields[2], "2027-01-15");
	cr_assert_str_eq(t.rows[3].fields[2], "");
	cr_assert_eq(codepoints(t.rows[1].fields[0]), 255);
	csv_free(&t);
}

Test(trackers, todotxt_lines)
{
	size_t n;
	char *out = render(EXPORT_TODOTXT, &n), *save = NULL;
	const char *want[] = {
	    "(A) 2026-11-22 Skriv om fakturan, \"igen\"; med *fet* text +räkning @Åsa_Öberg "
	    "due:2026-12-24 id:",
	    "(A) 2026-11-22 Lång titel: ",
	    "(B) 2026-11-22 Bygg en prototyp +räkning @oyvind.aero "
	    "due:2027-01-15 id:",
	    "x +räkning 2026-01-05 uppföljning @anna_l id:"};
	size_t k = 0;

	for (char *line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		cr_assert_lt(k, 4);
		cr_assert_eq(strncmp(line, want[k], strlen(want[k])), 0, "line %zu: %s", k + 1,
			     line);
		cr_assert_eq(strlen(strstr(line, " id:") + 4), 36, "%s", line);
		k++;
	}
	cr_assert_eq(k, 4);
	free(out);
}
