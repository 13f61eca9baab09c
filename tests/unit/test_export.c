/* test_export.c: every export of a fixed sample workshop full of hostile
 * text, against golden files; the markdown rendered by a real GFM
 * renderer, the JSON read by jq, the Taskwarrior export imported by a real
 * `task`, the YAML read back byte for byte; atomic file writing.
 *
 * Regenerate the golden files with JH_UPDATE_GOLDEN=1 and review the
 * diff: a change there is a change every team will see. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "journeyhack/export.h"
#include "journeyhack/export_fields.h"
#include "journeyhack/export_w.h"
#include "journeyhack/filewrite.h"
#include "journeyhack/import_yaml.h"
#include "journeyhack/items.h"
#include "journeyhack/session.h"
#include "journeyhack/store.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"
#include "testutil.h"

#define TODAY "2026-03-12"

static char *dir;
static char *db;
static struct jh_store *st;
static jh_id wid;

/* ------------------------------------------------------- the sample */

static jh_id add(enum jh_kind kind, const char *const *args)
{
	struct jh_assign a[24];
	char names[24][64];
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

/* Journey jid belongs to the persona named name. */
static void set_persona(jh_id jid, const char *name)
{
	struct jh_assign a;
	char field[64], arg[128];
	struct jh_values vals = {0};
	struct jh_err err;

	snprintf(arg, sizeof arg, "persona=%s", name);
	cr_assert_eq(items_split_assign(arg, &a, field, sizeof field, &err), 0, "%s", err.msg);
	cr_assert_eq(items_parse(st, wid, JH_JOURNEY, &a, 1, 0, &vals, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_set(st, wid, JH_JOURNEY, jid, vals.v, vals.n, &err), 0, "%s",
		     err.msg);
	items_values_free(&vals);
}

static void sample_template(struct jh_template *t)
{
	static char *stages[] = {"Aware", "Buy", "Use", "Pay", "Leave"};
	static char *channels[] = {"web", "letter", "phone", "e-mail", "bank app"};
	static char *prompts[] = {"Explain what the money was spent on",
				  "Let the customer ask questions directly from the invoice"};
	static struct jh_tpl_step steps[] = {
	    {1, "Kick-off", 30, "agenda", 0, "Why we are here"},
	    {1, "Pain points", 90, "painpoints", 1, "Write alone first,\nthen reveal"},
	    {2, "Dot voting", 20, "backlog", 0, ""},
	};

	memset(t, 0, sizeof *t);
	t->name = "golden";
	t->title = "Betala fakturan | *Q1* <b>räkning</b>";
	t->description = "Two days on the invoice: å ä ö æ ø\nSecond line";
	t->stages = stages;
	t->nstages = 5;
	t->channels = channels;
	t->nchannels = 5;
	t->method = "impact-effort";
	t->dots_per_participant = 5;
	t->max_dots_per_idea = 3;
	t->steps = steps;
	t->nsteps = 3;
	t->prompts = prompts;
	t->nprompts = 2;
}

/* DOMAIN.md's "Pay the invoice", an empty journey, and text meant to
 * break every format: pipes, asterisks, HTML, newlines, leading list
 * markers, Swedish and Norwegian letters, an escape sequence. */
static void build_sample(void)
{
	struct jh_template t;
	struct jh_err err;

	sample_template(&t);
	cr_assert_eq(store_workshop_create(st, "demo", &t, &wid, &err), 0, "%s", err.msg);
	ADD(JH_PARTICIPANT, "name=Åsa Öberg", "department=Ekonomi & fakturering",
	    "role=facilitator");
	ADD(JH_PARTICIPANT, "name=Bjørn Ærø", "department=Kundservice | 1st line");
	ADD(JH_PARTICIPANT, "name=Anna_Lind", "department=<IT>");
	ADD(JH_JOURNEY, "name=Pay the invoice",
	    "description=For about 80% of customers the invoice is *the* contact",
	    "stages=Receive,Understand: charges,Ask #help,Pay,Confirm");
	ADD(JH_JOURNEY, "name=Get help", "description=");
	ADD(JH_TOUCHPOINT, "journey=Pay the invoice", "stage=Receive",
	    "name=Receive invoice <letter>", "channel=letter", "owner=Finance | Billing",
	    "score=-2", "reach=80", "potential=3", "notes=impersonal, hard to read");
	ADD(JH_TOUCHPOINT, "journey=Pay the invoice", "stage=Understand: charges",
	    "name=Understand charges *online*", "channel=web", "owner=Web", "score=-1", "reach=60",
	    "potential=2");
	ADD(JH_TOUCHPOINT, "journey=Pay the invoice", "stage=Ask #help",
	    "name=Section: reminder; 50%% off #2", "channel=phone", "owner=Kundservice", "score=-1",
	    "reach=30", "potential=2");
	ADD(JH_TOUCHPOINT, "journey=Pay the invoice", "stage=Pay", "name=Pay in bank app",
	    "channel=bank app", "score=1", "reach=95", "potential=1");
	ADD(JH_TOUCHPOINT, "journey=Pay the invoice", "stage=Confirm", "name=Confirmation e-mail",
	    "channel=e-mail", "score=0", "reach=95", "potential=0");
	ADD(JH_PAINPOINT, "title=Invoice | is *unreadable*", "touchpoint=1", "severity=5",
	    "frequency=4", "author=Åsa Öberg",
	    "evidence=\"I never know what I pay for\" – interview\n- 41% of calls are about the "
	    "invoice\n1. see appendix");
	ADD(JH_PAINPOINT, "title=Long queue <script>alert(1)</script>", "touchpoint=3",
	    "severity=3", "frequency=5", "evidence=Avg wait 14 min \x1b[31mRED\x1b[0m");
	ADD(JH_PAINPOINT, "title=Unlinked: _underscores_ and `code`", "status=addressed",
	    "severity=1", "frequency=1");
	ADD(JH_IDEA, "title=Explain what the money was spent on", "impact=5", "effort=2",
	    "confidence=4", "reach=80", "painpoints=1", "author=Bjørn Ærø",
	    "belief=customers | *call* less when they understand",
	    "experiment=send 500 customers the new invoice\n- half of them by e-mail",
	    "metric=calls about the invoice", "success=calls drop by 30%");
	ADD(JH_IDEA, "title=Let customers ask from the invoice ~~now~~", "impact=4", "effort=4",
	    "confidence=3", "reach=60", "painpoints=1,2");
	ADD(JH_IDEA, "title=# Offer related products", "impact=2", "effort=1", "confidence=2",
	    "reach=30");
	ADD(JH_IDEA, "title=+ Simplify & personalise", "impact=1", "effort=5", "confidence=1",
	    "reach=100");
	ADD(JH_IDEA, "title=Pay with one click", "impact=5", "effort=2", "confidence=3",
	    "reach=50");
	ADD(JH_VOTE, "idea=1", "participant=Åsa Öberg", "dots=2");
	ADD(JH_VOTE, "idea=2", "participant=Bjørn Ærø", "dots=1");
	ADD(JH_VOTE, "idea=5", "participant=Anna_Lind", "dots=2");
	ADD(JH_VOTE, "idea=1", "participant=Anna_Lind", "dots=1");
	ADD(JH_ACTION, "idea=1", "title=Rewrite the invoice | layout *v2*", "owner=Åsa Öberg",
	    "due=2026-03-01");
	ADD(JH_ACTION, "idea=1", "title=1. Draft text\nwith <b>bold</b>", "owner=Bjørn Ærø",
	    "due=2026-04-15", "status=doing", "notes=ask legal first");
	ADD(JH_ACTION, "idea=2", "title=Pilot «ask» button");
	ADD(JH_ACTION, "title=- Book follow-up", "owner=Anna_Lind", "due=2026-03-10",
	    "status=done");
	ADD(JH_ACTION, "idea=5", "title=Ship [x] one-click pay", "due=2026-03-12");
	ADD(JH_PARKING, "text=It is too complex | wait for system X", "answered=yes",
	    "answer=Start small: *one* segment");
	ADD(JH_PARKING, "text=Customer experience is not our job?", "author=Bjørn Ærø");
	/* Last, so that every item before it keeps the UUID it had. */
	ADD(JH_PERSONA, "name=Åse | *pensionär*", "description=Pays by letter <b>always</b>",
	    "goals=Pay on time\n- without calling", "needs=Large print");
	set_persona(1, "Åse | *pensionär*");
}

static void setup(void)
{
	struct jh_err err;

	setenv("JOURNEYHACK_TODAY", TODAY, 1);
	setenv("JOURNEYHACK_RANDOM_SEED", "11", 1);
	setenv("TZ", "UTC", 1);
	tzset();
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

TestSuite(export, .init = setup, .fini = teardown);

/* ------------------------------------------------------------ helpers */

static char *render(const struct jh_data *d, enum export_format f, enum export_report r,
		    size_t *len)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&buf, &n);
	struct jh_err err;

	cr_assert(m);
	cr_assert_eq(export_write(m, d, f, r, &err), 0, "%s", err.msg);
	fclose(m);
	if (len)
		*len = n;
	return buf;
}

static char *render_sample(enum export_format f, enum export_report r, size_t *len)
{
	struct jh_data d;
	struct jh_err err;
	char *out;

	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	out = render(&d, f, r, len);
	model_data_free(&d);
	return out;
}

/* Path of the golden file NAME. Caller frees. */
static char *golden_path(const char *name)
{
	char rel[128];

	snprintf(rel, sizeof rel, "tests/data/golden/%s", name);
	return tu_srcpath(rel);
}

static void golden(const char *name, const char *got, size_t len)
{
	char *path = golden_path(name), *want;
	size_t wlen, line = 1, i;

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
	if (i != len || i != wlen) {
		char *gotpath = tu_join(dir, name);
		tu_write(gotpath, got);
		cr_assert_fail("%s differs from the golden file at line %zu; got %s", name, line,
			       gotpath);
	}
	free(want);
	free(path);
}

static void no_raw_controls(const char *name, const char *s, size_t n)
{
	cr_assert(text_utf8_valid(s, n), "%s: invalid UTF-8", name);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		cr_assert(c >= 0x20 || c == '\n' || c == '\r' || c == '\t',
			  "%s: raw control character 0x%02x at byte %zu", name, c, i);
		cr_assert(c != 0x7f, "%s: raw DEL at byte %zu", name, i);
	}
}

/* The path of an external tool: the configure result in $VAR, the name
 * itself when run outside make; NULL when configure found none. */
static const char *tool(const char *var, const char *name)
{
	const char *v = getenv(var);

	if (!v)
		return name;
	return *v ? v : NULL;
}

struct proc {
	int status;
	char *out;
	char *err;
};

/* Run argv (no shell) with stdin from in_path (NULL: /dev/null) and the
 * given "NAME=VALUE" settings added to the environment. */
static struct proc run(const char *const *argv, const char *in_path, const char *const *env)
{
	struct proc p = {0};
	char *outp = tu_join(dir, "run.out"), *errp = tu_join(dir, "run.err");
	char **argcopy = tu_strv_dup(argv), **envcopy = tu_strv_dup(env);
	pid_t pid;
	int stt;

	fflush(NULL);
	pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		int in = open(in_path ? in_path : "/dev/null", O_RDONLY);
		int out = open(outp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int er = open(errp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (in < 0 || out < 0 || er < 0)
			_exit(126);
		dup2(in, 0);
		dup2(out, 1);
		dup2(er, 2);
		for (size_t i = 0; envcopy && envcopy[i]; i++)
			putenv(envcopy[i]);
		execvp(argcopy[0], argcopy);
		_exit(127);
	}
	while (waitpid(pid, &stt, 0) < 0 && errno == EINTR)
		;
	p.status = WIFEXITED(stt) ? WEXITSTATUS(stt) : 128 + WTERMSIG(stt);
	p.out = tu_read(outp, NULL);
	p.err = tu_read(errp, NULL);
	tu_strv_free(argcopy);
	tu_strv_free(envcopy);
	free(outp);
	free(errp);
	return p;
}

static void proc_free(struct proc *p)
{
	free(p->out);
	free(p->err);
}

static char *write_tmp(const char *name, const char *content)
{
	char *path = tu_join(dir, name);

	tu_write(path, content);
	return path;
}

/* ------------------------------------------------------ golden files */

Test(export, md_actions_golden)
{
	size_t n;
	char *s = render_sample(EXPORT_MD, EXPORT_ACTIONS, &n);

	golden("actions.md", s, n);
	no_raw_controls("actions.md", s, n);
	free(s);
}

Test(export, md_backlog_golden)
{
	size_t n;
	char *s = render_sample(EXPORT_MD, EXPORT_BACKLOG, &n);

	golden("backlog.md", s, n);
	no_raw_controls("backlog.md", s, n);
	free(s);
}

Test(export, md_report_golden)
{
	size_t n;
	char *s = render_sample(EXPORT_MD, EXPORT_REPORT, &n);

	golden("report.md", s, n);
	no_raw_controls("report.md", s, n);
	free(s);
}

Test(export, csv_golden)
{
	size_t n;
	char *s = render_sample(EXPORT_CSV, EXPORT_ACTIONS, &n);

	golden("actions.csv", s, n);
	no_raw_controls("actions.csv", s, n);
	free(s);
	s = render_sample(EXPORT_CSV, EXPORT_BACKLOG, &n);
	golden("backlog.csv", s, n);
	no_raw_controls("backlog.csv", s, n);
	free(s);
}

Test(export, json_golden)
{
	size_t n;
	char *s = render_sample(EXPORT_JSON, EXPORT_DEFAULT, &n);

	golden("workshop.json", s, n);
	no_raw_controls("workshop.json", s, n);
	free(s);
}

Test(export, yaml_golden)
{
	size_t n;
	char *s = render_sample(EXPORT_YAML, EXPORT_DEFAULT, &n);

	golden("workshop.yaml", s, n);
	no_raw_controls("workshop.yaml", s, n);
	free(s);
}

Test(export, taskwarrior_golden)
{
	size_t n;
	char *s = render_sample(EXPORT_TASKWARRIOR, EXPORT_DEFAULT, &n);

	golden("tasks.json", s, n);
	no_raw_controls("tasks.json", s, n);
	free(s);
}

/* ------------------------------------------------ markdown, rendered */

/* Text of the HTML between p and end: tags dropped (<br /> as a newline),
 * the entities cmark-gfm writes decoded. Caller frees. */
static char *html_text(const char *p, const char *end)
{
	char *out = util_xmalloc((size_t)(end - p) + 1);
	size_t k = 0;

	while (p < end && (*p == ' ' || *p == '\n'))
		p++;
	while (p < end) {
		if (*p == '<') {
			if (!strncmp(p, "<br", 3))
				out[k++] = '\n';
			while (p < end && *p != '>')
				p++;
			p++;
		} else if (*p == '&') {
			static const struct {
				const char *ent;
				char c;
			} ents[] = {{"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}};
			size_t e;
			for (e = 0; e < 4 && strncmp(p, ents[e].ent, strlen(ents[e].ent)); e++)
				;
			cr_assert(e < 4, "unexpected entity near \"%.20s\"", p);
			out[k++] = ents[e].c;
			p += strlen(ents[e].ent);
		} else {
			out[k++] = *p++;
		}
	}
	out[k] = '\0';
	while (k && (out[k - 1] == '\n' || out[k - 1] == ' '))
		out[--k] = '\0';
	return out;
}

/* The cells of the body rows of the n-th table (0-based), as text.
 * Returns the number of rows; cells[r][c], up to 8 columns. */
#define MAXROWS 16
#define MAXCOLS 10
struct table {
	size_t rows, cols;
	char *cell[MAXROWS][MAXCOLS];
};

static void html_table(const char *html, int nth, struct table *t)
{
	const char *p = html, *end, *r;

	memset(t, 0, sizeof *t);
	for (int i = 0; i <= nth; i++) {
		p = strstr(p, "<table>");
		cr_assert(p, "table %d missing", nth);
		p += 7;
	}
	end = strstr(p, "</table>");
	r = strstr(p, "<thead>");
	/* Header cells fix the column count. */
	for (const char *h = r; (h = strstr(h, "<th")) && h < strstr(r, "</thead>"); h += 3)
		if (h[3] == '>' || h[3] == ' ')
			t->cols++;
	r = strstr(p, "<tbody>");
	while (r && (r = strstr(r, "<tr>")) && r < end) {
		const char *re = strstr(r, "</tr>"), *c = r;
		size_t col = 0;
		cr_assert(t->rows < MAXROWS);
		while ((c = strstr(c, "<td")) && c < re) {
			const char *ce = strstr(c, "</td>");
			c = strchr(c, '>') + 1;
			cr_assert(col < MAXCOLS);
			t->cell[t->rows][col++] = html_text(c, ce);
			c = ce;
		}
		cr_assert_eq(col, t->cols, "table %d row %zu: %zu cells, %zu columns", nth, t->rows,
			     col, t->cols);
		t->rows++;
		r = re;
	}
}

static void table_free(struct table *t)
{
	for (size_t r = 0; r < t->rows; r++)
		for (size_t c = 0; c < t->cols; c++)
			free(t->cell[r][c]);
}

static int count(const char *s, const char *needle)
{
	int n = 0;

	for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static char *cmark(const char *md)
{
	const char *bin = tool("CMARK_GFM_BIN", "cmark-gfm");
	char *path;
	struct proc p;
	char *html;

	if (!bin)
		cr_skip_test("cmark-gfm is not installed (configure found none): "
			     "markdown rendering not checked");
	path = write_tmp("in.md", md);
	/* --unsafe passes raw HTML through, so any user HTML that escaped
	 * escaping would show up as a tag. */
	p = run((const char *const[]){bin, "--unsafe", "--extension", "table", "--extension",
				      "tasklist", path, NULL},
		NULL, NULL);
	if (p.status == 127)
		cr_skip_test("cmark-gfm (%s) cannot be run: markdown rendering not checked", bin);
	cr_assert_eq(p.status, 0, "cmark-gfm failed: %s", p.err);
	html = p.out;
	free(p.err);
	free(path);
	return html;
}

/* The text of every task-list item, in order. */
static size_t task_items(const char *html, char **items, size_t max)
{
	size_t n = 0;

	for (const char *p = html; (p = strstr(p, "<li>")); p += 4) {
		const char *e = strstr(p, "</li>");
		if (strncmp(p + 4, "<input type=\"checkbox\"", 22))
			continue;
		cr_assert(n < max);
		items[n++] = html_text(strchr(p + 5, '>') + 1, e);
	}
	return n;
}

static const char *const action_text[5] = {
    "OVERDUE Rewrite the invoice | layout *v2* — owner: Åsa Öberg — due: 2026-03-01 — idea 1 "
    "(rank 1): Explain what the money was spent on",
    "1. Draft text\nwith <b>bold</b> — owner: Bjørn Ærø — due: 2026-04-15 — in progress — "
    "idea 1 (rank 1): Explain what the money was spent on",
    "Ship [x] one-click pay — owner: unassigned — due: 2026-03-12 — idea 5 (rank 2): Pay with "
    "one click",
    "Pilot «ask» button — owner: unassigned — due: no date — idea 2 (rank 4): Let customers "
    "ask from the invoice ~~now~~",
    "- Book follow-up — owner: Anna_Lind — due: 2026-03-10",
};

static void check_actions(const char *html)
{
	char *items[16];
	size_t n = task_items(html, items, 16);

	cr_assert_eq(n, 5, "one list item per action: %zu", n);
	for (size_t i = 0; i < n; i++) {
		cr_assert_str_eq(items[i], action_text[i], "action %zu", i);
		free(items[i]);
	}
	cr_assert_eq(count(html, "checked=\"\""), 1, "only the done action is ticked");
}

Test(export, md_actions_render_one_item_per_action)
{
	char *md = render_sample(EXPORT_MD, EXPORT_ACTIONS, NULL);
	char *html = cmark(md);

	check_actions(html);
	cr_assert_eq(count(html, "<ul>"), 1, "the actions stay one list");
	cr_assert_eq(count(html, "<h1>"), 1);
	cr_assert_eq(count(html, "<script"), 0);
	free(html);
	free(md);
}

static const char *const backlog_rows[5][8] = {
    {"1", "1", "Explain what the money was spent on weakest link", "2.50", "3", "5", "2", "4"},
    {"2", "5", "Pay with one click", "2.50", "2", "5", "2", "3"},
    {"3", "3", "# Offer related products", "2.00", "0", "2", "1", "2"},
    {"4", "2", "Let customers ask from the invoice ~~now~~ weakest link", "1.00", "1", "4", "4",
     "3"},
    {"5", "4", "+ Simplify & personalise", "0.20", "0", "1", "5", "1"},
};

static void check_backlog_table(const char *html, int nth)
{
	struct table t;

	html_table(html, nth, &t);
	cr_assert_eq(t.cols, 8);
	cr_assert_eq(t.rows, 5);
	for (size_t r = 0; r < 5; r++)
		for (size_t c = 0; c < 8; c++)
			cr_assert_str_eq(t.cell[r][c], backlog_rows[r][c], "row %zu col %zu", r, c);
	table_free(&t);
}

Test(export, md_backlog_render_keeps_cells)
{
	char *md = render_sample(EXPORT_MD, EXPORT_BACKLOG, NULL);
	char *html = cmark(md);

	cr_assert_eq(count(html, "<table>"), 1);
	check_backlog_table(html, 0);
	cr_assert(strstr(html, "customers | *call* less when they understand"));
	cr_assert(
	    strstr(html, "send 500 customers the new invoice<br />\n- half of them by e-mail") ||
	    strstr(html, "send 500 customers the new invoice<br>- half of them by e-mail"));
	free(html);
	free(md);
}

Test(export, md_report_render_keeps_structure)
{
	char *md = render_sample(EXPORT_MD, EXPORT_REPORT, NULL);
	char *html = cmark(md);
	struct table t;

	/* team, touchpoints of the one mapped journey, pain points, backlog,
	 * quadrant list, parking lot */
	cr_assert_eq(count(html, "<table>"), 6);
	html_table(html, 0, &t);
	cr_assert_eq(t.rows, 3);
	cr_assert_str_eq(t.cell[0][0], "Åsa Öberg");
	cr_assert_str_eq(t.cell[0][1], "Ekonomi & fakturering");
	cr_assert_str_eq(t.cell[1][1], "Kundservice | 1st line");
	cr_assert_str_eq(t.cell[2][1], "<IT>");
	table_free(&t);

	html_table(html, 1, &t);
	cr_assert_eq(t.rows, 5);
	cr_assert_str_eq(t.cell[0][0], "Receive");
	cr_assert_str_eq(t.cell[0][1], "Receive invoice <letter> weakest link");
	cr_assert_str_eq(t.cell[0][3], "Finance | Billing");
	cr_assert_str_eq(t.cell[0][4], "-2");
	cr_assert_str_eq(t.cell[0][7], "160");
	cr_assert_str_eq(t.cell[1][0], "Understand: charges");
	cr_assert_str_eq(t.cell[2][1], "Section: reminder; 50%% off #2");
	cr_assert_str_eq(t.cell[4][1], "Confirmation e-mail question whether it should exist");
	table_free(&t);

	html_table(html, 2, &t);
	cr_assert_eq(t.rows, 3);
	cr_assert_str_eq(t.cell[0][1], "Invoice | is *unreadable* weakest link");
	cr_assert_str_eq(t.cell[0][2], "Pay the invoice: Receive invoice <letter>");
	cr_assert_str_eq(t.cell[0][7], "\"I never know what I pay for\" – interview\n- 41% of "
				       "calls are about the invoice\n1. see appendix");
	cr_assert_str_eq(t.cell[1][1], "Long queue <script>alert(1)</script>");
	cr_assert_str_eq(t.cell[1][7], "Avg wait 14 min \xe2\x90\x9b[31mRED\xe2\x90\x9b[0m");
	cr_assert_str_eq(t.cell[2][1], "Unlinked: _underscores_ and `code`");
	cr_assert_str_eq(t.cell[2][2], "—");
	table_free(&t);

	check_backlog_table(html, 3);

	html_table(html, 5, &t);
	cr_assert_eq(t.rows, 2);
	cr_assert_str_eq(t.cell[0][1], "It is too complex | wait for system X");
	cr_assert_str_eq(t.cell[0][3], "Start small: *one* segment");
	cr_assert_str_eq(t.cell[1][2], "no");
	table_free(&t);

	check_actions(html);
	cr_assert_eq(count(html, "<script"), 0);
	cr_assert_eq(count(html, "<b>"), 0);
	cr_assert_eq(count(html, "<pre><code class=\"language-mermaid\">"), 2,
		     "a journey diagram and the matrix");
	free(html);
	free(md);
}

/* ------------------------------------------------------ Mermaid blocks */

/* The lines of the n-th mermaid block. Caller frees the copy. */
static char *mermaid_block(const char *md, int nth)
{
	const char *p = md, *e;

	for (int i = 0; i <= nth; i++) {
		p = strstr(p, "```mermaid\n");
		cr_assert(p, "mermaid block %d missing", nth);
		p += 11;
	}
	e = strstr(p, "\n```\n");
	cr_assert(e);
	return util_xstrndup(p, (size_t)(e - p) + 1);
}

/* Every byte of a label that grows the most once made safe: ':' becomes
 * a three-byte twin, a stray byte U+FFFD. */
Test(export, mermaid_label_of_only_growing_bytes)
{
	struct jh_data d;
	struct jh_err err;
	char name[301], want[1000], *md;
	size_t k = 0;

	memset(name, ':', 150);
	memset(name + 150, 0xFF, 150);
	name[300] = '\0';
	for (int i = 0; i < 150; i++)
		k += (size_t)snprintf(want + k, sizeof want - k, "\xef\xbc\x9a");
	for (int i = 0; i < 150; i++)
		k += (size_t)snprintf(want + k, sizeof want - k, "\xef\xbf\xbd");
	snprintf(want + k, sizeof want - k, ": ");
	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	free(d.touchpoints[0].name);
	d.touchpoints[0].name = strdup(name);
	md = render(&d, EXPORT_MD, EXPORT_REPORT, NULL);
	cr_assert(strstr(md, want), "%s", md);
	free(md);
	model_data_free(&d);
}

Test(export, mermaid_journey_is_valid)
{
	char *md = render_sample(EXPORT_MD, EXPORT_REPORT, NULL);
	char *b = mermaid_block(md, 0);
	int tasks = 0, sections = 0;

	cr_assert(!strncmp(b, "journey\n    title Pay the invoice\n", 34), "%s", b);
	for (char *line = strtok(b, "\n"); line; line = strtok(NULL, "\n")) {
		const char *t = line;
		while (*t == ' ')
			t++;
		/* Mermaid's lexer ends names at these and starts comments at %% */
		if (!strncmp(t, "section ", 8)) {
			sections++;
			cr_assert(!strpbrk(t + 8, ":#;%"), "section \"%s\"", t);
		} else if (!strncmp(t, "title ", 6) || !strcmp(t, "journey")) {
			cr_assert(!strpbrk(t, "#;%"), "%s", t);
		} else {
			const char *c = strchr(t, ':');
			int score;
			char actor[32];
			cr_assert(c, "task without a score: \"%s\"", t);
			cr_assert(!strpbrk(c + 1, "#;%"), "%s", t);
			cr_assert(c > t && !memchr(t, '#', (size_t)(c - t)));
			cr_assert_eq(sscanf(c, ": %d: %31s", &score, actor), 2, "%s", t);
			cr_assert(score >= 1 && score <= 5);
			cr_assert_str_eq(actor, "Customer");
			tasks++;
		}
	}
	cr_assert_eq(sections, 5);
	cr_assert_eq(tasks, 5);
	free(b);
	/* Scores -2..+2 on 1..5, and the name that starts like a keyword
	 * behind a zero-width space. */
	cr_assert(strstr(md, "      Receive invoice ＜letter＞: 1: Customer\n"));
	cr_assert(strstr(md, "      Pay in bank app: 4: Customer\n"));
	cr_assert(strstr(md, "      Confirmation e-mail: 3: Customer\n"));
	cr_assert(
	    strstr(md, "      \xe2\x80\x8bSection： reminder； 50％％ off ＃2: 2: Customer\n"));
	cr_assert(strstr(md, "    section Understand： charges\n"));
	free(md);
}

Test(export, mermaid_quadrant_is_valid)
{
	char *md = render_sample(EXPORT_MD, EXPORT_REPORT, NULL);
	char *b = mermaid_block(md, 1);
	int points = 0;

	cr_assert(!strncmp(b, "quadrantChart\n", 14));
	for (char *line = strtok(b, "\n"); line; line = strtok(NULL, "\n")) {
		double x, y;
		const char *q = strchr(line, '"');
		if (!q)
			continue;
		/* "label": [x, y] with one pair of quotes, 0 < x, y < 1 */
		cr_assert_eq(count(line, "\""), 2, "%s", line);
		cr_assert_eq(sscanf(strrchr(line, '"'), "\": [%lf, %lf]", &x, &y), 2, "%s", line);
		cr_assert(x > 0 && x < 1 && y > 0 && y < 1, "%s", line);
		cr_assert(strstr(line, "[0."), "coordinates as 0.dd: %s", line);
		points++;
	}
	cr_assert_eq(points, 5);
	free(b);
	/* Quick wins (impact >= 3, effort < 3) are top left: x < 0.5 < y. */
	cr_assert(strstr(md, "    \"1. Explain what the money was spent on\": [0.41, 0.95]\n"));
	/* The second idea in the same cell moves towards the centre line. */
	cr_assert(strstr(md, "    \"2. Pay with one click\": [0.45, 0.95]\n"));
	cr_assert(strstr(md, "    \"5. ＋ Simplify & personalise\": [0.95, 0.23]\n") ||
		  strstr(md, "    \"5. + Simplify & personalise\": [0.95, 0.23]\n"));
	free(md);
}

/* --------------------------------------------------------------- JSON */

static void jq_true(const char *file, const char *expr)
{
	const char *bin = tool("JQ_BIN", "jq");
	struct proc p;

	if (!bin)
		cr_skip_test("jq is not installed (configure found none): JSON not parsed");
	p = run((const char *const[]){bin, "-e", expr, file, NULL}, NULL, NULL);
	if (p.status == 127)
		cr_skip_test("jq (%s) cannot be run", bin);
	cr_assert_eq(p.status, 0, "jq -e '%s' gave %d: %s%s", expr, p.status, p.out, p.err);
	proc_free(&p);
}

Test(export, json_parses_with_the_analysis)
{
	char *s = render_sample(EXPORT_JSON, EXPORT_DEFAULT, NULL);
	char *path = write_tmp("w.json", s);

	jq_true(path, "type == \"object\"");
	jq_true(path, "[.participants, .journeys, .painpoints, .ideas, .votes, .actions, .parking]"
		      " | map(length) == [3, 2, 3, 5, 4, 5, 2]");
	jq_true(path, ".journeys[0] | .cx_capital == -3 and .at_risk == true and .channel_hops == 4"
		      " and .weakest_link == {\"id\": 1, \"name\": \"Receive invoice <letter>\","
		      " \"exposure\": 160}"
		      " and (.stages | length) == 5 and (.touchpoints | length) == 5");
	jq_true(path, ".journeys[1] | .cx_capital == 0 and .at_risk == false"
		      " and .weakest_link == null and (.touchpoints | length) == 0");
	jq_true(path, ".ideas | map([.id, .rank, .votes, .quadrant, .on_weakest_link]) =="
		      " [[1, 1, 3, \"quick-win\", true], [2, 4, 1, \"big-bet\", true],"
		      " [3, 3, 0, \"fill-in\", false], [4, 5, 0, \"money-pit\", false],"
		      " [5, 2, 2, \"quick-win\", false]]");
	jq_true(path, ".ideas[0].score == 2.5 and .ideas[3].score == 0.2");
	jq_true(path, ".painpoints[1].evidence == \"Avg wait 14 min \\u001b[31mRED\\u001b[0m\"");
	jq_true(path, ".actions | map(.overdue) == [true, false, false, false, false]");
	jq_true(path, ".actions[1].title == \"1. Draft text\\nwith <b>bold</b>\" and"
		      " .actions[2].due == null and .actions[0].owner == \"Åsa Öberg\"");
	jq_true(path, ".title == \"Betala fakturan | *Q1* <b>räkning</b>\" and"
		      " .exported == \"" TODAY "\" and .created == \"" TODAY "\"");
	free(path);
	free(s);
}

/* ------------------------------------------------------------ YAML */

static char *load_yaml(struct jh_store *s, jh_id w)
{
	struct jh_data d;
	struct jh_err err;
	char *out;

	cr_assert_eq(store_load(s, w, &d, &err), 0, "%s", err.msg);
	out = render(&d, EXPORT_YAML, EXPORT_DEFAULT, NULL);
	model_data_free(&d);
	return out;
}

Test(export, yaml_round_trip_is_byte_identical)
{
	char *first = render_sample(EXPORT_YAML, EXPORT_DEFAULT, NULL);
	char *path = write_tmp("w.yaml", first), *db2 = tu_join(dir, "empty.db"), *again;
	struct jh_store *st2;
	struct jh_err err;
	jh_id w2;

	cr_assert_eq(store_open(&st2, db2, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(import_yaml_file(st2, "demo", path, &w2, &err), 0, "%s", err.msg);
	again = load_yaml(st2, w2);
	cr_assert_str_eq(again, first);
	free(again);
	/* The same again from the file it wrote: a fixed point. */
	store_close(st2);
	free(first);
	free(path);
	free(db2);
}

/* Everything about a workshop except ids and its name: references are
 * replaced by what they point at. */
static char *fingerprint(struct jh_store *s, jh_id w)
{
	struct jh_data d;
	struct jh_err err;
	char *buf = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&buf, &n);

	cr_assert_eq(store_load(s, w, &d, &err), 0, "%s", err.msg);
	fprintf(m, "%s|%s|%s|%s\n", d.workshop.title, d.workshop.created, d.workshop.method,
		d.workshop.template_name);
	for (size_t i = 0; i < d.nsteps; i++)
		fprintf(m, "step %d %s %d %d\n", d.steps[i].position, d.steps[i].title,
			d.steps[i].private_, d.steps[i].revealed);
	for (size_t i = 0; i < d.ntouchpoints; i++) {
		const struct jh_touchpoint *t = &d.touchpoints[i];
		fprintf(m, "tp %s/%s/%s %d %d %d\n", model_journey(&d, t->journey_id)->name,
			model_stage(&d, t->stage_id)->name, t->name, t->score, t->reach,
			t->position);
	}
	for (size_t i = 0; i < d.npainpoints; i++) {
		const struct jh_painpoint *p = &d.painpoints[i];
		const struct jh_touchpoint *t = model_touchpoint(&d, p->touchpoint_id);
		const struct jh_participant *a = model_participant(&d, p->author_id);
		fprintf(m, "pain %s @%s by %s\n", p->title, t ? t->name : "-", a ? a->name : "-");
	}
	for (size_t i = 0; i < d.nideas; i++) {
		fprintf(m, "idea %s:", d.ideas[i].title);
		for (size_t k = 0; k < d.ideas[i].npainpoints; k++)
			fprintf(m, " %s", model_painpoint(&d, d.ideas[i].painpoints[k])->title);
		fprintf(m, " votes %d\n", session_idea_votes(&d, d.ideas[i].id));
	}
	for (size_t i = 0; i < d.nactions; i++) {
		const struct jh_idea *x = model_idea(&d, d.actions[i].idea_id);
		fprintf(m, "action %s for %s\n", d.actions[i].title, x ? x->title : "-");
	}
	for (size_t i = 0; i < d.nparking; i++)
		fprintf(m, "parking %s\n", d.parking[i].text);
	fclose(m);
	model_data_free(&d);
	return buf;
}

Test(export, yaml_import_remaps_taken_ids)
{
	char *yaml = render_sample(EXPORT_YAML, EXPORT_DEFAULT, NULL);
	char *path = write_tmp("w.yaml", yaml), *a, *b;
	struct jh_err err;
	jh_id copy;

	cr_assert_eq(import_yaml_file(st, "copy", path, &copy, &err), 0, "%s", err.msg);
	cr_assert_neq(copy, wid);
	a = fingerprint(st, wid);
	b = fingerprint(st, copy);
	cr_assert_str_eq(b, a);
	free(a);
	free(b);
	free(path);
	free(yaml);
}

Test(export, yaml_import_refuses_an_existing_workshop)
{
	char *yaml = render_sample(EXPORT_YAML, EXPORT_DEFAULT, NULL);
	char *path = write_tmp("w.yaml", yaml);
	struct jh_err err;

	cr_assert_eq(import_yaml_file(st, "demo", path, NULL, &err), -1);
	cr_assert(strstr(err.msg, "\"demo\" already exists"), "%s", err.msg);
	free(path);
	free(yaml);
}

/* A minimal valid file, with `extra` spliced in as more top-level text. */
static const char *const base_yaml = "journeyhack: 1\n"
				     "workshop:\n"
				     "  title: T\n"
				     "participants:\n"
				     "  - id: 1\n"
				     "    name: A\n"
				     "  - id: 2\n"
				     "    name: B\n"
				     "journeys:\n"
				     "  - id: 1\n"
				     "    name: J\n"
				     "    stages:\n"
				     "      - id: 1\n"
				     "        name: S\n"
				     "    touchpoints:\n"
				     "      - id: 1\n"
				     "        stage: 1\n"
				     "        name: T\n";

static void import_fails(const char *extra, const char *want)
{
	char *text = util_xmalloc(strlen(base_yaml) + strlen(extra) + 1);
	struct jh_workshop *list;
	struct jh_err err;
	size_t n, before;

	cr_assert_eq(store_workshop_list(st, &list, &before, &err), 0);
	for (size_t i = 0; i < before; i++)
		model_workshop_free(&list[i]);
	free(list);
	strcpy(text, base_yaml);
	strcat(text, extra);
	cr_assert_eq(import_yaml_buffer(st, "imp", text, strlen(text), "x.yaml", NULL, &err), -1,
		     "accepted:\n%s", text);
	cr_assert_str_eq(err.msg, want);
	cr_assert_eq(store_workshop_list(st, &list, &n, &err), 0);
	cr_assert_eq(n, before, "nothing written");
	for (size_t i = 0; i < n; i++)
		model_workshop_free(&list[i]);
	free(list);
	free(text);
}

Test(export, yaml_import_minimal_file)
{
	struct jh_err err;
	struct jh_data d;
	jh_id w;

	cr_assert_eq(
	    import_yaml_buffer(st, "imp", base_yaml, strlen(base_yaml), "x.yaml", &w, &err), 0,
	    "%s", err.msg);
	cr_assert_eq(store_load(st, w, &d, &err), 0, "%s", err.msg);
	cr_assert_eq(d.nparticipants, 2);
	cr_assert_eq(d.nstages, 1, "no default stages beside the file's own");
	cr_assert_eq(d.ntouchpoints, 1);
	cr_assert_eq(d.touchpoints[0].score, 0, "defaults as on the command line");
	cr_assert_eq(d.touchpoints[0].reach, 100);
	cr_assert_str_eq(d.workshop.method, "impact-effort");
	model_data_free(&d);
}

/* A second "workshop:" section is refused where it stands (issue 10): it
 * used to replace what the first gave, quietly. */
Test(export, yaml_import_refuses_a_second_workshop_section)
{
	const char *text = "journeyhack: 1\nworkshop: {title: a, name: n, dots: 7, channels: [x]}\n"
			   "workshop: {title: b, channels: [y]}\n";
	struct jh_err err;

	cr_assert_eq(import_yaml_buffer(st, "imp", text, strlen(text), "x.yaml", NULL, &err), -1);
	cr_expect_str_eq(err.msg,
			 "x.yaml:3:1: duplicate key \"workshop\" (first at line 2, column 1)");
}

Test(export, yaml_import_errors_name_line_and_column)
{
	import_fails("painpoints:\n  - id: 1\n    title: P\n    touchpoint: 7\n",
		     "x.yaml:22:17: touchpoint 7: no touchpoint with this id in the file");
	import_fails("actions:\n  - id: 4\n    title: a\n  - id: 4\n    title: b\n",
		     "x.yaml:22:9: duplicate action id 4 (first at line 20, column 9)");
	import_fails("votes:\n  - id: 1\n    idea: 3\n    participant: 1\n",
		     "x.yaml:21:11: idea 3: no idea with this id in the file");
	import_fails("parking:\n  - id: 1\n    text: x\n    colour: red\n",
		     "x.yaml:22:5: unknown key \"colour\" in a parking-lot entry");
	import_fails("actions:\n  - id: 1\n    title: a\n    status: maybe\n",
		     "x.yaml:22:13: status: \"maybe\" is not one of todo, doing, done");
	import_fails("actions:\n  - id: 1\n    title: a\n    due: 2026-02-30\n",
		     "x.yaml:22:10: due: \"2026-02-30\" is not a date (YYYY-MM-DD)");
	import_fails("ideas:\n  - id: 1\n    title: i\n    painpoints: [1]\n",
		     "x.yaml:22:17: painpoints 1: no painpoint with this id in the file");
	import_fails("parking:\n  - &p\n    id: 1\n    text: x\n  - *p\n",
		     "x.yaml:23:5: aliases (*name) are not supported in a workshop file");
	import_fails("parking: [\n", "x.yaml:20:1: invalid YAML: did not find expected node "
				     "content while parsing a flow node");
	import_fails("parking:\n  - id: 1\n    text: \"a\\0b\"\n",
		     "x.yaml:21:11: text: NUL characters are not allowed");
	import_fails("parking:\n  - id: 1\n", "x.yaml:20:5: this parking-lot entry has no text");
	import_fails("---\njourneyhack: 1\n",
		     "x.yaml:19:1: a second document: a file holds one workshop");
}

/* The rules the import keeps beside the field table: the order required
 * values are asked for, keys implied by nesting, yes/no and numbers read
 * by the file's own rules, lists read after the mapping's own values. */
Test(export, yaml_import_messages_follow_the_files_rules)
{
	import_fails("      - id: 2\n", "x.yaml:19:9: this touchpoint has no stage");
	import_fails("      - id: 2\n        stage: 1\n        journey: 1\n        name: U\n",
		     "x.yaml:21:9: unknown key \"journey\" in a touchpoint");
	import_fails("agenda:\n  - id: 1\n    title: s\n    private: maybe\n",
		     "x.yaml:22:14: private: \"maybe\" is not true or false");
	import_fails("agenda:\n  - id: 1\n    title: s\n    revealed: 2\n",
		     "x.yaml:22:15: revealed: \"2\" is not true or false");
	import_fails("agenda:\n  - id: 1\n    title: s\n    position: first\n",
		     "x.yaml:22:15: position: \"first\" is not a whole number");
	import_fails("agenda:\n  - id:\n    title: s\n",
		     "x.yaml:20:8: id: \"\" is not a whole number");
	import_fails("ideas:\n  - id: 1\n    painpoints: [x]\n",
		     "x.yaml:20:5: this idea has no title");
	import_fails("ideas:\n  - id: 1\n    title: i\n    painpoints: [x]\n",
		     "x.yaml:22:18: painpoints: \"x\" is not a whole number");
	import_fails("ideas:\n  - id: 1\n    title: i\n    painpoints: []\n    painpoints: []\n",
		     "x.yaml:23:5: painpoints: given twice");
	import_fails("votes:\n  - id: 1\n    participant: 1\n",
		     "x.yaml:20:5: this vote has no idea");
	import_fails("votes:\n  - id: 1\n    idea: ~\n    participant: 1\n    dots: 0\n",
		     "x.yaml:23:11: dots: 0 is out of range (1..100)");
	import_fails("      - id: 2\n        stage: ~\n        name: U\n",
		     "x.yaml:20:16: stage 0: not a stage of this touchpoint's journey");
}

Test(export, yaml_import_reads_the_workshops_own_settings)
{
	struct jh_err err;
	const char *cases[][2] = {
	    {"journeyhack: 1\nworkshop: {timer_started: -1, title: t}\n",
	     "x.yaml:2:27: timer_started: -1 is out of range (0..9223372036854775807)"},
	    {"journeyhack: 1\nworkshop: {current_step: x, title: t}\n",
	     "x.yaml:2:26: current_step: \"x\" is not a whole number"},
	    {"journeyhack: 1\nworkshop: {timer_elapsed: 3000000000, title: t}\n",
	     "x.yaml:2:27: timer_elapsed: 3000000000 is out of range (0..2147483647)"},
	    {"journeyhack: 1\nworkshop: {anonymous: sometimes, title: t}\n",
	     "x.yaml:2:23: anonymous: \"sometimes\" is not true or false"},
	    {"journeyhack: 1\nworkshop: {created: 2026-13-01, title: t}\n",
	     "x.yaml:2:11: created: \"2026-13-01\" is not a date (YYYY-MM-DD)"},
	    {"journeyhack: 1\nworkshop: {name: [a], title: t}\n",
	     "x.yaml:2:18: name: expected a value, found a list"},
	    {"journeyhack: 1\nworkshop: {method: ~, title: t}\n",
	     "x.yaml:2:20: method: \"\" is not one of impact-effort, ice, rice, votes"},
	    {"journeyhack: 1\nworkshop: {id: 1, title: t}\n",
	     "x.yaml:2:12: unknown key \"id\" in a workshop"},
	    {"journeyhack: 1\nworkshop: {channels: [a], stages: x, timer_running: on}\n",
	     "x.yaml:2:11: this workshop has no title"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cr_assert_eq(import_yaml_buffer(st, "imp", cases[i][0], strlen(cases[i][0]),
						"x.yaml", NULL, &err),
			     -1, "case %zu", i);
		cr_expect_str_eq(err.msg, cases[i][1], "case %zu", i);
	}
}

/* A value unlike f's default for the file the test below writes: items
 * are all id 777 and refer to each other. The raw value; `yaml` gets it as
 * the file spells it. */
static const char *table_value(const struct jh_kind_def *k, const struct jh_field_def *f, char *buf,
			       size_t size, char *yaml, size_t ysize)
{
	long long def = f->defval ? atoll(f->defval) : -1;
	size_t n = 0;

	switch (f->type) {
	case JF_TEXT:
	case JF_LONGTEXT:
		snprintf(buf, size, "%s %s åø%s", k->name, f->name,
			 f->type == JF_LONGTEXT ? "\nrad två" : "");
		snprintf(yaml, ysize, "\"%s %s åø%s\"", k->name, f->name,
			 f->type == JF_LONGTEXT ? "\\nrad två" : "");
		return buf;
	case JF_INT:
		snprintf(buf, size, "%d", f->max != def ? f->max : f->min);
		break;
	case JF_BOOL:
		snprintf(buf, size, "%s", def == 1 ? "false" : "true");
		break;
	case JF_DATE:
		snprintf(buf, size, "2027-02-28");
		break;
	case JF_ENUM:
		while (f->choices[n + 1])
			n++;
		snprintf(buf, size, "%s", f->choices[n]);
		break;
	case JF_REF:
		snprintf(buf, size, "777");
		break;
	case JF_IDLIST:
		snprintf(buf, size, "[777]");
		break;
	}
	snprintf(yaml, ysize, "%s", buf);
	return buf;
}

/* One item of kind k, its dash at `indent`, every value the export has. */
static void table_item(FILE *f, enum jh_kind k, const char *omit, int indent)
{
	struct export_fields fl;
	char raw[128], yaml[160];

	export_fields_item(&fl, k, omit);
	for (size_t i = 0; i < fl.n; i++) {
		table_value(kinds_get(k), fl.f[i], raw, sizeof raw, yaml, sizeof yaml);
		fprintf(f, "%*s%s%s: %s\n", indent, "", i ? "  " : "- ", fl.f[i]->name, yaml);
	}
}

static void expect_values(enum jh_kind k, const struct export_fields *fl, const void *it)
{
	char raw[128], yaml[160];
	const jh_id *ids;
	size_t n;

	cr_assert_not_null(it, "no %s", kinds_get(k)->name);
	for (size_t i = 0; i < fl->n; i++) {
		const struct jh_field_def *f = fl->f[i];
		const char *want = table_value(kinds_get(k), f, raw, sizeof raw, yaml, sizeof yaml);

		switch (kinds_storage(f)) {
		case KINDS_S_TEXT:
			cr_expect_str_eq(kinds_text(f, it), want, "%s.%s", kinds_get(k)->name,
					 f->name);
			break;
		case KINDS_S_IDLIST:
			ids = kinds_ids(f, it, &n);
			cr_expect(n == 1 && ids[0] == 777, "%s.%s", kinds_get(k)->name, f->name);
			break;
		default:
			cr_expect_eq(kinds_num(f, it),
				     f->type == JF_BOOL ? !strcmp(want, "true") : atoll(want),
				     "%s.%s", kinds_get(k)->name, f->name);
		}
	}
}

/* The file is written from the field table, not by the export: every
 * value the table and export_fields describe, unlike its default, comes
 * back from the store after the import. A field added to the table is in
 * the file at once, so the import must read it without being told. */
Test(export, yaml_import_restores_every_field_of_the_table)
{
	static const enum jh_kind top[] = {JH_STEP,    JH_PARTICIPANT, JH_PERSONA,
					   JH_JOURNEY, JH_PAINPOINT,   JH_IDEA,
					   JH_VOTE,    JH_ACTION,      JH_PARKING};
	struct export_fields fl;
	char *text = NULL, raw[128], yaml[160];
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct jh_data d;
	struct jh_err err;
	jh_id w;

	cr_assert(f);
	fprintf(f, "journeyhack: 1\nworkshop:\n");
	fl.n = 0;
	export_fields_rest(&fl, JH_WORKSHOP, NULL);
	for (size_t i = 0; i < fl.n; i++) {
		table_value(kinds_get(JH_WORKSHOP), fl.f[i], raw, sizeof raw, yaml, sizeof yaml);
		fprintf(f, "  %s: %s\n", fl.f[i]->name, yaml);
	}
	for (size_t t = 0; t < sizeof top / sizeof top[0]; t++) {
		fprintf(f, "%s:\n", top[t] == JH_STEP ? "agenda" : kinds_get(top[t])->plural);
		table_item(f, top[t], NULL, 2);
		if (top[t] == JH_JOURNEY) {
			fprintf(f, "    stages:\n");
			table_item(f, JH_STAGE, "journey", 6);
			fprintf(f, "    touchpoints:\n");
			table_item(f, JH_TOUCHPOINT, "journey", 6);
		}
	}
	fclose(f);
	cr_assert_eq(import_yaml_buffer(st, "imp", text, len, "x.yaml", &w, &err), 0, "%s\n%s",
		     err.msg, text);
	cr_assert_eq(store_load(st, w, &d, &err), 0, "%s", err.msg);
	for (int k = 0; k < JH_NKINDS; k++) {
		if (k == JH_WORKSHOP)
			continue;
		cr_assert_eq(kinds_count(kinds_get((enum jh_kind)k), &d), 1u, "%s",
			     kinds_get((enum jh_kind)k)->name);
		export_fields_item(&fl, (enum jh_kind)k, NULL);
		expect_values((enum jh_kind)k, &fl, kinds_item(kinds_get((enum jh_kind)k), &d, 0));
	}
	fl.n = 0;
	export_fields_rest(&fl, JH_WORKSHOP, NULL);
	expect_values(JH_WORKSHOP, &fl, &d.workshop);
	model_data_free(&d);
	free(text);
}

Test(export, yaml_import_checks_references_across_journeys)
{
	import_fails("  - id: 2\n    name: K\n    stages:\n      - id: 2\n        name: S\n"
		     "    touchpoints:\n      - id: 2\n        stage: 1\n        name: T2\n",
		     "x.yaml:26:16: stage 1: not a stage of this touchpoint's journey");
	import_fails("  - id: 3\n    name: J\n",
		     "x.yaml:20:11: a journey named \"J\" appears twice");
}

Test(export, yaml_import_refuses_other_files)
{
	struct jh_err err;
	const char *cases[][2] = {
	    {"", "x.yaml: empty file, not a journeyhack workshop"},
	    {"- a\n", "x.yaml:1:1: not a journeyhack workshop (expected a mapping, found a list)"},
	    {"title: x\n", "x.yaml:1:1: unknown key \"title\""},
	    {"journeyhack: 2\nworkshop: {title: t}\n",
	     "x.yaml:1:14: format version 2 is newer than this journeyhack reads (1)"},
	    {"workshop: {title: t}\n",
	     "x.yaml:1:1: not a journeyhack workshop file (no \"journeyhack: 1\")"},
	    {"journeyhack: 1\n", "x.yaml:1:1: no \"workshop:\" section"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cr_assert_eq(import_yaml_buffer(st, "imp", cases[i][0], strlen(cases[i][0]),
						"x.yaml", NULL, &err),
			     -1, "case %zu", i);
		cr_assert_str_eq(err.msg, cases[i][1], "case %zu", i);
	}
	cr_assert_eq(import_yaml_file(st, "imp", "/nonexistent/w.yaml", NULL, &err), -1);
	cr_assert_str_eq(err.msg, "/nonexistent/w.yaml: No such file or directory");
}

Test(export, yaml_import_is_all_or_nothing)
{
	/* Ids taken, so the import goes the way that checks vote budgets: the
	 * last vote is over the budget of 1, after everything else was added. */
	const char *text = "journeyhack: 1\n"
			   "workshop:\n  title: T\n  dots: 1\n"
			   "participants:\n  - id: 901\n    name: A\n"
			   "ideas:\n  - id: 901\n    title: I\n  - id: 902\n    title: J\n"
			   "votes:\n  - id: 901\n    idea: 901\n    participant: 901\n    dots: 1\n"
			   "  - id: 902\n    idea: 902\n    participant: 901\n    dots: 1\n";
	struct jh_workshop *list;
	struct jh_err err;
	size_t n;

	cr_assert_eq(import_yaml_buffer(st, "first", text, strlen(text), "x.yaml", NULL, &err), 0,
		     "ids free: inserted as they are, %s", err.msg);
	cr_assert_eq(import_yaml_buffer(st, "second", text, strlen(text), "x.yaml", NULL, &err),
		     -1);
	cr_assert(strstr(err.msg, "x.yaml:18:5: ") && strstr(err.msg, "budget"), "%s", err.msg);
	cr_assert_eq(store_workshop_list(st, &list, &n, &err), 0);
	for (size_t i = 0; i < n; i++) {
		cr_assert_str_neq(list[i].name, "second");
		model_workshop_free(&list[i]);
	}
	cr_assert_eq(n, 2);
	free(list);
}

/* ------------------------------------------------------- Taskwarrior */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

Test(export, taskwarrior_import_shows_every_action_with_its_due_date)
{
	const char *bin = tool("TASK_BIN", "task");
	const char *jq = tool("JQ_BIN", "jq");
	char *s = render_sample(EXPORT_TASKWARRIOR, EXPORT_DEFAULT, NULL);
	char *path = write_tmp("tasks.json", s), *data = tu_join(dir, "taskdata");
	char *rc = tu_join(dir, "taskrc"), *exported, rcenv[512], dataenv[512];
	char *lines[8], *line;
	size_t n = 0;
	struct proc p;
	static const char *const want[] = {
	    "- Book follow-up\t20260310T000000Z\tcompleted",
	    "1. Draft text with <b>bold</b>\t20260415T000000Z\tpending",
	    "Pilot «ask» button\t\tpending",
	    "Rewrite the invoice | layout *v2*\t20260301T000000Z\tpending",
	    "Ship [x] one-click pay\t20260312T000000Z\tpending",
	};

	if (!bin)
		cr_skip_test("taskwarrior is not installed (configure found no task)");
	if (!jq)
		cr_skip_test("jq is not installed: the task export cannot be read");
	mkdir(data, 0700);
	snprintf(rcenv, sizeof rcenv, "TASKRC=%s", rc);
	snprintf(dataenv, sizeof dataenv, "TASKDATA=%s", data);
	{
		char rctext[600];
		snprintf(rctext, sizeof rctext,
			 "data.location=%s\nconfirmation=off\nverbose=nothing\nhooks=off\n"
			 "news.version=2.6.0\n",
			 data);
		tu_write(rc, rctext);
	}
	p = run((const char *const[]){bin, "rc.confirmation=off", "import", path, NULL}, NULL,
		(const char *const[]){rcenv, dataenv, "TZ=UTC", NULL});
	if (p.status == 127)
		cr_skip_test("task (%s) cannot be run", bin);
	cr_assert_eq(p.status, 0, "task import: %s%s", p.out, p.err);
	proc_free(&p);
	p = run((const char *const[]){bin, "export", NULL}, NULL,
		(const char *const[]){rcenv, dataenv, "TZ=UTC", NULL});
	cr_assert_eq(p.status, 0, "task export: %s", p.err);
	exported = write_tmp("exported.json", p.out);
	proc_free(&p);
	p = run(
	    (const char *const[]){
		jq, "-r",
		".[] | select(.project == \"demo\" and any(.tags[]?; . == \"journeyhack\"))"
		" | [.description, (.due // \"\"), .status] | @tsv",
		exported, NULL},
	    NULL, NULL);
	cr_assert_eq(p.status, 0, "%s", p.err);
	for (line = strtok(p.out, "\n"); line && n < 8; line = strtok(NULL, "\n"))
		lines[n++] = line;
	qsort(lines, n, sizeof *lines, cmp_str);
	cr_assert_eq(n, 5, "every action became a task");
	for (size_t i = 0; i < n; i++)
		cr_assert_str_eq(lines[i], want[i]);
	proc_free(&p);
	/* A second import of the same export changes nothing: stable UUIDs. */
	p = run((const char *const[]){bin, "rc.confirmation=off", "import", path, NULL}, NULL,
		(const char *const[]){rcenv, dataenv, "TZ=UTC", NULL});
	cr_assert_eq(p.status, 0);
	proc_free(&p);
	p = run((const char *const[]){bin, "status:pending", "count", NULL}, NULL,
		(const char *const[]){rcenv, dataenv, "TZ=UTC", NULL});
	cr_assert_str_eq(p.out, "4\n", "pending tasks after two imports: %s", p.out);
	proc_free(&p);
	free(exported);
	free(rc);
	free(data);
	free(path);
	free(s);
}

/* ------------------------------------------------ invalid UTF-8 */

Test(export, invalid_utf8_never_leaves)
{
	struct jh_data d;
	struct jh_err err;
	static const char bad[] = "bad \xff\xfe end \xc3 | \xe2\x82 *x* \xed\xa0\x80 \x1b[2J";

	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	/* The store refuses such text; a hand-built workshop can still hold it. */
	free(d.actions[0].title);
	d.actions[0].title = util_xstrdup(bad);
	free(d.painpoints[0].evidence);
	d.painpoints[0].evidence = util_xstrdup(bad);
	free(d.journeys[0].name);
	d.journeys[0].name = util_xstrdup(bad);
	free(d.ideas[0].title);
	d.ideas[0].title = util_xstrdup(bad);
	for (int f = 0; f < EXPORT_NFORMATS; f++)
		for (int r = EXPORT_DEFAULT; r < EXPORT_NREPORTS; r++) {
			enum export_report rr = (enum export_report)r;
			size_t n;
			char *s;
			if (export_check((enum export_format)f, &rr, NULL))
				continue;
			s = render(&d, (enum export_format)f, rr, &n);
			no_raw_controls(export_format_name((enum export_format)f), s, n);
			cr_assert(strstr(s, "\xef\xbf\xbd") || strstr(s, "\\ufffd"),
				  "%s: U+FFFD for the bad bytes",
				  export_format_name((enum export_format)f));
			free(s);
		}
	model_data_free(&d);
}

/* --------------------------------------------------- atomic writing */

static int write_half_then_fail(FILE *f, void *ctx, struct jh_err *err)
{
	(void)ctx;
	fputs("half an export", f);
	return err_set(err, "simulated failure");
}

/* Entries of a directory; with hidden_only, those starting with a dot
 * (where a temporary export would be). */
static size_t dir_entries(const char *path, int hidden_only)
{
	DIR *d = opendir(path);
	struct dirent *e;
	size_t n = 0;

	cr_assert(d);
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
		    (!hidden_only || e->d_name[0] == '.'))
			n++;
	closedir(d);
	return n;
}

Test(export, atomic_failure_leaves_the_earlier_file)
{
	char *sub = tu_join(dir, "out"), *target = tu_join(sub, "report.md"), *got;
	struct jh_err err;

	mkdir(sub, 0700);
	tu_write(target, "earlier export\n");
	cr_assert_eq(filewrite_atomic(target, write_half_then_fail, NULL, &err), -1);
	cr_assert(strstr(err.msg, "simulated failure"), "%s", err.msg);
	got = tu_read(target, NULL);
	cr_assert_str_eq(got, "earlier export\n");
	cr_assert_eq(dir_entries(sub, 0), 1, "no temporary file left");
	free(got);
	free(target);
	free(sub);
}

Test(export, atomic_disk_full_leaves_the_earlier_file)
{
	char *sub = tu_join(dir, "out"), *target = tu_join(sub, "report.md"), *got;
	struct rlimit rl = {2048, 2048};
	struct jh_data d;
	struct jh_err err;

	mkdir(sub, 0700);
	tu_write(target, "earlier export\n");
	cr_assert_eq(store_load(st, wid, &d, &err), 0);
	/* A file-size limit fails writes like a full disk does (EFBIG). */
	signal(SIGXFSZ, SIG_IGN);
	cr_assert_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
	cr_assert_eq(export_write_path(target, &d, EXPORT_MD, EXPORT_REPORT, &err), -1);
	cr_assert(strstr(err.msg, target) && strstr(err.msg, "File too large"), "%s", err.msg);
	got = tu_read(target, NULL);
	cr_assert_str_eq(got, "earlier export\n");
	cr_assert_eq(dir_entries(sub, 0), 1, "no temporary file left");
	model_data_free(&d);
	free(got);
	free(target);
	free(sub);
}

Test(export, atomic_modes)
{
	char *fresh = tu_join(dir, "fresh.md"), *kept = tu_join(dir, "kept.md");
	struct jh_data d;
	struct jh_err err;
	struct stat sb;

	cr_assert_eq(store_load(st, wid, &d, &err), 0);
	umask(022);
	cr_assert_eq(export_write_path(fresh, &d, EXPORT_MD, EXPORT_ACTIONS, &err), 0, "%s",
		     err.msg);
	cr_assert_eq(stat(fresh, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0644, "new file from the umask, not mkstemp's 0600");
	tu_write(kept, "old");
	chmod(kept, 0640);
	cr_assert_eq(export_write_path(kept, &d, EXPORT_MD, EXPORT_ACTIONS, &err), 0, "%s",
		     err.msg);
	cr_assert_eq(stat(kept, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0640, "a replaced file keeps its mode");
	cr_assert_eq(dir_entries(dir, 1), 0, "no temporary file left");
	model_data_free(&d);
	free(fresh);
	free(kept);
}

Test(export, atomic_through_a_symlink_and_into_a_fifo)
{
	char *real = tu_join(dir, "real.md"), *link = tu_join(dir, "link.md");
	char *fifo = tu_join(dir, "fifo"), *got;
	struct jh_data d;
	struct jh_err err;
	struct stat sb;

	cr_assert_eq(store_load(st, wid, &d, &err), 0);
	tu_write(real, "old");
	cr_assert_eq(symlink("real.md", link), 0);
	cr_assert_eq(export_write_path(link, &d, EXPORT_MD, EXPORT_ACTIONS, &err), 0, "%s",
		     err.msg);
	cr_assert_eq(lstat(link, &sb), 0);
	cr_assert(S_ISLNK(sb.st_mode), "the link stays a link");
	got = tu_read(real, NULL);
	cr_assert(!strncmp(got, "# Action points: ", 17));
	free(got);

	/* A FIFO is refused without being opened: with nobody reading, an
	 * open for writing would wait forever. */
	cr_assert_eq(mkfifo(fifo, 0600), 0);
	cr_assert_eq(export_write_path(fifo, &d, EXPORT_CSV, EXPORT_ACTIONS, &err), -1);
	cr_assert(strstr(err.msg, "FIFO"), "%s", err.msg);
	cr_assert_eq(stat(fifo, &sb), 0);
	cr_assert(S_ISFIFO(sb.st_mode), "a FIFO is left as it is, not replaced");
	cr_assert_eq(export_write_path(dir, &d, EXPORT_CSV, EXPORT_ACTIONS, &err), -1);
	cr_assert(strstr(err.msg, "is a directory"), "%s", err.msg);
	model_data_free(&d);
	free(real);
	free(link);
	free(fifo);
}

Test(export, device_full_is_an_error)
{
	struct jh_data d;
	struct jh_err err;

	cr_assert_eq(store_load(st, wid, &d, &err), 0);
	cr_assert_eq(export_write_path("/dev/full", &d, EXPORT_MD, EXPORT_REPORT, &err), -1);
	cr_assert(strstr(err.msg, "No space left on device"), "%s", err.msg);
	cr_assert_eq(export_write_path("/dev/null", &d, EXPORT_MD, EXPORT_REPORT, &err), 0, "%s",
		     err.msg);
	model_data_free(&d);
}

/* ------------------------------------------------------------ choices */

Test(export, formats_reports_and_file_names)
{
	enum export_report r;
	char *name;

	cr_assert_eq(export_format_parse("md"), EXPORT_MD);
	cr_assert_eq(export_format_parse("taskwarrior"), EXPORT_TASKWARRIOR);
	cr_assert_eq(export_format_parse("pdf"), -1);
	cr_assert_eq(export_report_parse("backlog"), EXPORT_BACKLOG);
	cr_assert_eq(export_report_parse("all"), -1);
	r = EXPORT_DEFAULT;
	cr_assert_eq(export_check(EXPORT_MD, &r, NULL), 0);
	cr_assert_eq(r, EXPORT_ACTIONS);
	r = EXPORT_DEFAULT;
	cr_assert_eq(export_check(EXPORT_JSON, &r, NULL), 0);
	cr_assert_eq(r, EXPORT_REPORT);
	r = EXPORT_REPORT;
	cr_assert_eq(export_check(EXPORT_CSV, &r, NULL), -1);
	r = EXPORT_BACKLOG;
	cr_assert_eq(export_check(EXPORT_TASKWARRIOR, &r, NULL), -1);
	name = export_default_filename("demo", EXPORT_MD, EXPORT_DEFAULT);
	cr_assert_str_eq(name, "demo-actions.md");
	free(name);
	name = export_default_filename("demo", EXPORT_YAML, EXPORT_DEFAULT);
	cr_assert_str_eq(name, "demo.yaml");
	free(name);
	name = export_default_filename("../x/y", EXPORT_CSV, EXPORT_BACKLOG);
	cr_assert_str_eq(name, "_._x_y-backlog.csv");
	free(name);
}

/* ---------------------------------------------- through the binary */

#define JH(...) tu_jhdb(db, (const char *const[]){__VA_ARGS__, NULL})

static void close_store(void)
{
	/* The binary opens the file itself; our connection would only hold
	 * a read lock now and then, but closing keeps the test honest. */
	store_close(st);
	st = NULL;
}

Test(export, cli_export_matches_the_golden_files)
{
	static const struct {
		const char *args[4];
		const char *golden;
	} cases[] = {
	    {{"-f", "md", NULL}, "actions.md"},
	    {{"-r", "backlog", NULL}, "backlog.md"},
	    {{"-f", "md", "-r", "report"}, "report.md"},
	    {{"-f", "csv", NULL}, "actions.csv"},
	    {{"-fcsv", "--report=backlog", NULL}, "backlog.csv"},
	    {{"--format", "json", NULL}, "workshop.json"},
	    {{"-f", "yaml", NULL}, "workshop.yaml"},
	    {{"-f", "taskwarrior", NULL}, "tasks.json"},
	};
	char *out = tu_join(dir, "out.file");

	if (getenv("JH_UPDATE_GOLDEN") && *getenv("JH_UPDATE_GOLDEN"))
		cr_skip_test("updating golden files");
	close_store();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *argv[12] = {"-d", db, "export", "demo"};
		size_t k = 4;
		struct tu_run r;
		char *gpath, *want, *got;
		for (size_t a = 0; a < 4 && cases[i].args[a]; a++)
			argv[k++] = cases[i].args[a];
		gpath = golden_path(cases[i].golden);
		want = tu_read(gpath, NULL);
		cr_assert(want);
		r = tu_jh(argv, NULL, NULL);
		cr_assert_eq(r.status, 0, "%s: %s", cases[i].golden, r.err);
		cr_assert_str_eq(r.out, want, "stdout of %s", cases[i].golden);
		tu_run_free(&r);
		argv[k++] = "-o";
		argv[k++] = out;
		r = tu_jh(argv, NULL, NULL);
		cr_assert_eq(r.status, 0, "%s: %s", cases[i].golden, r.err);
		cr_assert_str_eq(r.out, "");
		got = tu_read(out, NULL);
		cr_assert_str_eq(got, want, "-o %s", cases[i].golden);
		free(got);
		tu_run_free(&r);
		free(want);
		free(gpath);
	}
	free(out);
}

Test(export, cli_export_errors)
{
	struct tu_run r;

	close_store();
	r = JH("export", "demo", "-f", "pdf");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "unknown format \"pdf\""), "%s", r.err);
	tu_run_free(&r);
	r = JH("export", "demo", "-r", "everything");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "unknown report \"everything\""), "%s", r.err);
	tu_run_free(&r);
	r = JH("export", "demo", "-f", "csv", "-r", "report");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "csv exports the actions or the backlog"), "%s", r.err);
	tu_run_free(&r);
	r = JH("export");
	cr_assert_eq(r.status, 2);
	tu_run_free(&r);
	r = JH("export", "demo", "-o");
	cr_assert_eq(r.status, 2);
	tu_run_free(&r);
	r = JH("export", "nosuch");
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "no workshop \"nosuch\""), "%s", r.err);
	tu_run_free(&r);
	r = JH("export", "demo", "-o", "/dev/full");
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "No space left on device"), "%s", r.err);
	tu_run_free(&r);
	r = JH("export", "demo", "-o", "/nonexistent-dir/x.md");
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "/nonexistent-dir/x.md"), "%s", r.err);
	tu_run_free(&r);
}

Test(export, cli_import_of_the_yaml_export_round_trips)
{
	char *gpath = golden_path("workshop.yaml"), *want = tu_read(gpath, NULL);
	char *db2 = tu_join(dir, "other.db");
	struct tu_run r;

	cr_assert(want);
	close_store();
	r = tu_jhdb(db2, (const char *const[]){"import", "demo", gpath, NULL});
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	r = tu_jhdb(db2, (const char *const[]){"export", "demo", "-f", "yaml", NULL});
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.out, want);
	tu_run_free(&r);
	r = tu_jhdb(db2, (const char *const[]){"import", "demo", gpath, NULL});
	cr_assert_eq(r.status, 1, "the workshop exists now");
	tu_run_free(&r);
	free(db2);
	free(want);
	free(gpath);
}

/* ------------------------------------------------ the UI's entry point */

Test(export, export_to_path_as_the_ui_calls_it)
{
	char *path = tu_join(dir, "demo-actions.md"), *got, *gpath = golden_path("actions.md");
	char *want = tu_read(gpath, NULL);
	struct jh_err err;

	cr_assert(want);
	cr_assert_eq(export_to_path(st, wid, "md", NULL, path, &err), 0, "%s", err.msg);
	got = tu_read(path, NULL);
	cr_assert_str_eq(got, want);
	free(got);
	cr_assert_eq(export_to_path(st, wid, "md", "", path, &err), 0, "%s", err.msg);
	cr_assert_eq(export_to_path(st, wid, "pdf", NULL, path, &err), -1);
	cr_assert(strstr(err.msg, "unknown export format \"pdf\""), "%s", err.msg);
	cr_assert_eq(export_to_path(st, wid, "md", "all", path, &err), -1);
	cr_assert(strstr(err.msg, "unknown report \"all\""), "%s", err.msg);
	cr_assert_eq(export_to_path(st, wid, "csv", "report", path, &err), -1);
	cr_assert_eq(export_to_path(st, wid + 100, "md", NULL, path, &err), -1);
	free(want);
	free(gpath);
	free(path);
}

/* --------------------------------------------- an empty workshop */

Test(export, empty_workshop_exports_and_round_trips)
{
	struct jh_template t;
	struct jh_data d;
	struct jh_err err;
	char *yaml, *again, *json, *path, *db2 = tu_join(dir, "e.db");
	struct jh_store *st2;
	jh_id e, e2;

	sample_template(&t);
	t.nsteps = 1;
	t.nprompts = 0;
	cr_assert_eq(store_workshop_create(st, "empty", &t, &e, &err), 0, "%s", err.msg);
	cr_assert_eq(store_load(st, e, &d, &err), 0, "%s", err.msg);
	for (int f = 0; f < EXPORT_NFORMATS; f++)
		for (int r = EXPORT_DEFAULT; r < EXPORT_NREPORTS; r++) {
			enum export_report rr = (enum export_report)r;
			char *s;
			size_t n;
			if (export_check((enum export_format)f, &rr, NULL))
				continue;
			s = render(&d, (enum export_format)f, rr, &n);
			cr_assert(n > 0);
			no_raw_controls(export_format_name((enum export_format)f), s, n);
			free(s);
		}
	{
		char *md = render(&d, EXPORT_MD, EXPORT_ACTIONS, NULL);
		cr_assert(strstr(md, "No action points yet"), "%s", md);
		free(md);
	}
	json = render(&d, EXPORT_JSON, EXPORT_DEFAULT, NULL);
	path = write_tmp("e.json", json);
	jq_true(path, ".journeys == [] and .ideas == [] and .actions == [] and .prompts == []");
	free(path);
	yaml = render(&d, EXPORT_YAML, EXPORT_DEFAULT, NULL);
	cr_assert(strstr(yaml, "\njourneys: []\n"), "%s", yaml);
	cr_assert_eq(store_open(&st2, db2, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(import_yaml_buffer(st2, "empty", yaml, strlen(yaml), "e.yaml", &e2, &err), 0,
		     "%s", err.msg);
	again = load_yaml(st2, e2);
	cr_assert_str_eq(again, yaml);
	store_close(st2);
	model_data_free(&d);
	free(again);
	free(yaml);
	free(json);
	free(db2);
}

Test(export, atomic_refuses_a_link_planted_in_a_shared_directory)
{
	char *shared = tu_join(dir, "shared"), *link, *victim = tu_join(dir, "victim.md"), *got;
	struct jh_data d;
	struct jh_err err;

	mkdir(shared, 0700);
	chmod(shared, 01777);
	link = tu_join(shared, "report.md");
	tu_write(victim, "mine");
	cr_assert_eq(symlink(victim, link), 0);
	if (lchown(link, 4242, 4242) != 0)
		cr_skip_test("cannot give the link another owner (%s): needs root",
			     strerror(errno));
	cr_assert_eq(store_load(st, wid, &d, &err), 0);
	cr_assert_eq(export_write_path(link, &d, EXPORT_MD, EXPORT_ACTIONS, &err), -1);
	cr_assert(strstr(err.msg, "not followed"), "%s", err.msg);
	got = tu_read(victim, NULL);
	cr_assert_str_eq(got, "mine");
	free(got);
	model_data_free(&d);
	free(link);
	free(victim);
	free(shared);
}

Test(export, yaml_import_survives_hostile_files)
{
	struct jh_err err;
	size_t n = 200000;
	char *deep = util_xmalloc(n + 32), *big;
	unsigned int seed = 12345;

	/* Deep nesting: refused at once, not parsed for minutes. */
	memcpy(deep, "journeyhack: ", 13);
	memset(deep + 13, '[', n);
	deep[13 + n] = '\0';
	cr_assert_eq(import_yaml_buffer(st, "h", deep, strlen(deep), "x.yaml", NULL, &err), -1);
	cr_assert(strstr(err.msg, "nested too deeply"), "%s", err.msg);
	/* A huge scalar where one line of text belongs. */
	big = util_xmalloc(3 * 1024 * 1024);
	strcpy(big, "journeyhack: 1\nworkshop:\n  title: ");
	n = strlen(big);
	memset(big + n, 'x', 2 * 1024 * 1024);
	strcpy(big + n + 2 * 1024 * 1024, "\n");
	cr_assert_eq(import_yaml_buffer(st, "h", big, strlen(big), "x.yaml", NULL, &err), -1);
	cr_assert(strstr(err.msg, "x.yaml:3:10: title: too long"), "%s", err.msg);
	/* Garbage bytes. */
	for (size_t i = 0; i < 4096; i++) {
		seed = seed * 1103515245u + 12345u;
		big[i] = (char)(seed >> 16);
	}
	cr_assert_eq(import_yaml_buffer(st, "h", big, 4096, "x.yaml", NULL, &err), -1);
	cr_assert(!strncmp(err.msg, "x.yaml", 6), "%s", err.msg);
	free(big);
	free(deep);
}

/* ---------------------------------------------- fields from the table */

Test(export, export_fields_cover_every_stored_field_once)
{
	for (int k = 0; k < JH_NKINDS; k++) {
		const struct jh_kind_def *kd = kinds_get((enum jh_kind)k);
		struct export_fields fl;

		if (k == JH_WORKSHOP)
			continue;
		export_fields_item(&fl, (enum jh_kind)k, NULL);
		cr_assert(fl.n > 0 && !strcmp(fl.f[0]->name, "id"), "%s starts with its id",
			  kd->name);
		for (size_t i = 0; i < kd->nfields; i++) {
			size_t seen = 0;

			for (size_t j = 0; j < fl.n; j++)
				seen += fl.f[j] == &kd->fields[i];
			cr_assert_eq(seen, kinds_stored(&kd->fields[i]) ? 1u : 0u, "%s.%s",
				     kd->name, kd->fields[i].name);
		}
	}
}

Test(export, export_fields_keep_the_files_order_and_omit_a_parent)
{
	static const char *const step[] = {"id",   "position", "day",	   "title", "minutes",
					   "view", "private",  "revealed", "notes", "uuid"};
	struct export_fields fl;

	export_fields_item(&fl, JH_STEP, NULL);
	cr_assert_eq(fl.n, sizeof step / sizeof step[0]);
	for (size_t i = 0; i < fl.n; i++)
		cr_expect_str_eq(fl.f[i]->name, step[i]);
	export_fields_item(&fl, JH_TOUCHPOINT, "journey");
	for (size_t i = 0; i < fl.n; i++)
		cr_expect_str_neq(fl.f[i]->name, "journey");
	cr_expect_str_eq(fl.f[1]->name, "stage");
	cr_expect_null(export_fields_find(JH_JOURNEY, "stages"), "not kept in the model");
	cr_expect_null(export_fields_find(JH_IDEA, "revealed"), "a step's, not an idea's");
	cr_expect_not_null(export_fields_find(JH_VOTE, "id"));
}

/* Every field of the table reaches the JSON and YAML of the sample, so a
 * field added to the table cannot be left out of them. */
Test(export, json_and_yaml_carry_every_field_of_the_table)
{
	char *json = render_sample(EXPORT_JSON, EXPORT_REPORT, NULL);
	char *yaml = render_sample(EXPORT_YAML, EXPORT_REPORT, NULL);
	char key[64];

	for (int k = 0; k < JH_NKINDS; k++) {
		const struct jh_kind_def *kd = kinds_get((enum jh_kind)k);

		for (size_t i = 0; i < kd->nfields; i++) {
			if (!kinds_stored(&kd->fields[i]))
				continue;
			snprintf(key, sizeof key, "\"%s\": ", kd->fields[i].name);
			cr_expect(strstr(json, key), "JSON lacks %s.%s", kd->name,
				  kd->fields[i].name);
			/* Stages and touchpoints sit inside their journey. */
			if ((k == JH_STAGE || k == JH_TOUCHPOINT) &&
			    !strcmp(kd->fields[i].name, "journey"))
				continue;
			snprintf(key, sizeof key, " %s:", kd->fields[i].name);
			cr_expect(strstr(yaml, key), "YAML lacks %s.%s", kd->name,
				  kd->fields[i].name);
		}
	}
	free(json);
	free(yaml);
}

Test(export, csv_columns_come_from_the_table)
{
	char *actions = render_sample(EXPORT_CSV, EXPORT_ACTIONS, NULL);
	char *backlog = render_sample(EXPORT_CSV, EXPORT_BACKLOG, NULL);
	const struct jh_kind_def *a = kinds_get(JH_ACTION), *idea = kinds_get(JH_IDEA);

	*strchr(actions, '\r') = '\0';
	*strchr(backlog, '\r') = '\0';
	for (size_t i = 0; i < a->nfields; i++)
		cr_expect(strstr(actions, a->fields[i].name), "action.%s", a->fields[i].name);
	for (size_t i = 0; i < idea->nfields; i++)
		if (strcmp(idea->fields[i].name, "author") && strcmp(idea->fields[i].name, "step"))
			cr_expect(strstr(backlog, idea->fields[i].name), "idea.%s",
				  idea->fields[i].name);
	free(actions);
	free(backlog);
}

Test(export, json_anonymous_votes_hide_the_voter_not_the_vote)
{
	struct jh_data d;
	struct jh_err err;
	char *json, *votes;

	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	d.workshop.anonymous_votes = 1;
	json = render(&d, EXPORT_JSON, EXPORT_REPORT, NULL);
	votes = strstr(json, "\"votes\": [");
	cr_assert(votes);
	cr_expect(strstr(votes, "\"id\": 1,\n      \"idea\": 1,\n      \"participant\": null,"),
		  "%s", votes);
	cr_expect_null(strstr(votes, "\"participant\": 1"));
	free(json);
	model_data_free(&d);
}

/* ------------------------------------------------ the output buffer */

Test(export, export_w_json_escapes_what_a_reader_or_terminal_would_trip_on)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&buf, &n);
	struct export_w w;
	struct jh_err err;

	cr_assert(m);
	export_w_init(&w, m);
	export_w_json(&w, "a\"\\\n\r\t\x01\x7f\xc2\x85\xe2\x80\xa8\xff\xc3\xa5");
	export_w_putc(&w, ' ');
	export_w_json(&w, NULL);
	cr_assert_eq(export_w_done(&w, &err), 0);
	fclose(m);
	cr_expect_str_eq(buf,
			 "\"a\\\"\\\\\\n\\r\\t\\u0001\\u007f\\u0085\\u2028\\ufffd\xc3\xa5\" \"\"");
	free(buf);
}

Test(export, export_w_reports_the_first_write_error)
{
	FILE *f = fopen("/dev/full", "w");
	struct export_w w;
	struct jh_err err;

	cr_assert(f);
	setvbuf(f, NULL, _IONBF, 0);
	export_w_init(&w, f);
	export_w_puts(&w, "a line that will not fit anywhere\n");
	export_w_printf(&w, "%d", 42);
	cr_assert_eq(export_w_done(&w, &err), -1);
	cr_expect_str_eq(err.msg, "write error: No space left on device");
	fclose(f);
}
