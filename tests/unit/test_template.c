/* test_template.c: the template loader, the bundled templates and the
 * corpus of broken templates with their exact messages. */
#include <criterion/criterion.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "journeyhack/template.h"
#include "testutil.h"

/* A small valid template that variants are built from. */
static const char minimal[] = "name: mini\n"
			      "title: Mini\n"
			      "stages: [Aware, Buy]\n"
			      "channels: [web]\n"
			      "agenda:\n"
			      "  - day: 1\n"
			      "    title: Start\n"
			      "    minutes: 10\n";

static char *xasprintf_cat(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 1;
	char *s = malloc(n);

	cr_assert_not_null(s);
	snprintf(s, n, "%s%s", a, b);
	return s;
}

/* Load from memory; asserts success. */
static void load_ok(const char *text, struct jh_template *t)
{
	struct jh_err err = {{0}};
	int rc = template_load_buffer(text, strlen(text), "mem.yaml", t, &err);

	cr_assert_eq(rc, 0, "unexpected error: %s", err.msg);
}

/* Load from memory; asserts failure and returns the message without the
 * "mem.yaml:" prefix in a static buffer. */
static const char *load_fail_len(const char *text, size_t len)
{
	static char msg[sizeof((struct jh_err *)0)->msg];
	struct jh_err err = {{0}};
	struct jh_template t;
	int rc = template_load_buffer(text, len, "mem.yaml", &t, &err);

	cr_assert_eq(rc, -1, "loaded although it should not");
	cr_assert_eq(strncmp(err.msg, "mem.yaml:", 9), 0, "no label prefix: %s", err.msg);
	cr_assert_null(t.name, "output not cleared on failure");
	cr_assert_null(t.steps);
	snprintf(msg, sizeof msg, "%s", err.msg + 9);
	return msg;
}

static const char *load_fail(const char *text)
{
	return load_fail_len(text, strlen(text));
}

static void load_bundled(const char *file, struct jh_template *t)
{
	char rel[256];
	char *path;
	struct jh_err err = {{0}};
	int rc;

	snprintf(rel, sizeof rel, "workshop-templates/%s", file);
	path = tu_srcpath(rel);
	rc = template_load(path, t, &err);
	cr_assert_eq(rc, 0, "%s: %s", file, err.msg);
	cr_assert_str_eq(t->path, path);
	free(path);
}

static int count_char(const char *s, char c)
{
	int n = 0;

	for (; *s; s++)
		n += *s == c;
	return n;
}

static int minutes_on_day(const struct jh_template *t, int day)
{
	int sum = 0;

	for (size_t i = 0; i < t->nsteps; i++)
		if (t->steps[i].day == day)
			sum += t->steps[i].minutes;
	return sum;
}

static const struct jh_tpl_step *step_titled(const struct jh_template *t, const char *word)
{
	for (size_t i = 0; i < t->nsteps; i++)
		if (strstr(t->steps[i].title, word))
			return &t->steps[i];
	return NULL;
}

/* ---- the bundled templates ---- */

Test(bundled, every_template_loads_and_is_named_after_its_file)
{
	char *dir = tu_srcpath("workshop-templates");
	DIR *d = opendir(dir);
	struct dirent *e;
	int seen = 0;

	cr_assert_not_null(d, "%s: %s", dir, strerror(errno));
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		struct jh_template t;
		char base[256];

		if (n < 6 || strcmp(e->d_name + n - 5, ".yaml"))
			continue;
		load_bundled(e->d_name, &t);
		snprintf(base, sizeof base, "%.*s", (int)(n - 5), e->d_name);
		cr_expect_str_eq(t.name, base);
		cr_expect_gt(t.nsteps, 0);
		for (size_t i = 0; i < t.nsteps; i++) {
			cr_expect_gt(strlen(t.steps[i].notes), 80, "%s: step \"%s\" has thin notes",
				     e->d_name, t.steps[i].title);
			cr_expect_geq(count_char(t.steps[i].notes, '.'), 2,
				      "%s: step \"%s\" needs several sentences", e->d_name,
				      t.steps[i].title);
			cr_expect_neq(t.steps[i].notes[strlen(t.steps[i].notes) - 1], '\n');
		}
		template_free(&t);
		seen++;
	}
	closedir(d);
	free(dir);
	cr_expect_geq(seen, 3);
}

Test(bundled, hackathon_runs_two_days_of_understanding_then_change)
{
	struct jh_template t;

	load_bundled("customer-journey-hackathon.yaml", &t);
	cr_expect_str_eq(t.name, "customer-journey-hackathon");
	cr_expect_str_eq(t.title, "Customer Journey Hackathon");
	cr_expect_str_eq(t.method, "impact-effort");
	cr_expect_eq(t.dots_per_participant, 5);
	cr_expect_eq(t.max_dots_per_idea, 3);
	cr_expect_eq(t.anonymous, 0);
	cr_expect_eq(t.steps[0].day, 1);
	cr_expect_eq(t.steps[t.nsteps - 1].day, 2);
	cr_expect_gt(minutes_on_day(&t, 1), 5 * 60);
	cr_expect_leq(minutes_on_day(&t, 1), 8 * 60);
	cr_expect_gt(minutes_on_day(&t, 2), 5 * 60);
	cr_expect_leq(minutes_on_day(&t, 2), 8 * 60);
	cr_expect_eq(minutes_on_day(&t, 3), 0);

	cr_assert_eq(t.nstages, 7);
	cr_expect_str_eq(t.stages[0], "Aware");
	cr_expect_str_eq(t.stages[4], "Pay");
	cr_expect_str_eq(t.stages[6], "Renew or leave");
	cr_expect_geq(t.nchannels, 8);
	cr_expect_str_eq(t.channels[0], "web");
	cr_expect_gt(strlen(t.description), 0);
	cr_expect_eq(t.njourneys, 0);
	cr_expect_gt(t.nprompts, 0);

	cr_expect_str_eq(step_titled(&t, "kick-off")->view, "agenda");
	cr_expect_str_eq(step_titled(&t, "pain points with evidence")->view, "painpoints");
	cr_expect_str_eq(step_titled(&t, "weakest link")->view, "journeys");
	cr_expect_str_eq(step_titled(&t, "test cards")->view, "backlog");
	cr_expect_str_eq(step_titled(&t, "Dot voting")->view, "backlog");
	cr_expect_str_eq(step_titled(&t, "Prioritise")->view, "matrix");
	cr_expect_str_eq(step_titled(&t, "objections")->view, "parking");
	cr_expect_str_eq(step_titled(&t, "action points")->view, "actions");
	cr_expect_eq(step_titled(&t, "Ideation")->private_, 1);
	cr_expect_eq(step_titled(&t, "Ideation")->day, 2);
	cr_expect_eq(step_titled(&t, "Dot voting")->private_, 0);
	cr_expect_eq(step_titled(&t, "Leadership")->day, 1);
	template_free(&t);
}

Test(bundled, payment_moment_starts_from_the_invoice_journey)
{
	static const char *const stages[] = {"Receive", "Understand", "Ask", "Pay", "Confirm"};
	static const struct {
		const char *stage, *channel;
		int score;
	} tps[] = {
	    {"Receive", "letter", -2}, {"Understand", "web", -1}, {"Ask", "phone", -1},
	    {"Pay", "bank app", 1},    {"Confirm", "e-mail", 0},
	};
	struct jh_template t;
	const struct jh_tpl_journey *j;

	load_bundled("payment-moment.yaml", &t);
	cr_expect_str_eq(t.method, "ice");
	for (size_t i = 0; i < t.nsteps; i++)
		cr_expect_eq(t.steps[i].day, 1);
	cr_assert_eq(t.njourneys, 1);
	j = &t.journeys[0];
	cr_expect_str_eq(j->name, "Pay the invoice");
	cr_assert_eq(j->nstages, 5);
	for (size_t i = 0; i < 5; i++)
		cr_expect_str_eq(j->stages[i], stages[i]);
	cr_assert_eq(j->ntouchpoints, 5);
	for (size_t i = 0; i < 5; i++) {
		cr_expect_str_eq(j->touchpoints[i].stage, tps[i].stage);
		cr_expect_str_eq(j->touchpoints[i].channel, tps[i].channel);
		cr_expect_eq(j->touchpoints[i].score, tps[i].score);
		cr_expect_gt(strlen(j->touchpoints[i].owner), 0);
	}
	cr_expect_str_eq(j->touchpoints[0].name, "Receive invoice");
	cr_expect_eq(j->touchpoints[0].reach, 80);
	cr_expect_str_eq(j->touchpoints[0].owner, "Finance");
	cr_expect_str_eq(j->touchpoints[2].owner, "Customer service");
	cr_assert_eq(t.nprompts, 8);
	cr_expect_str_eq(t.prompts[0], "Explain what the money was spent on.");
	cr_expect_str_eq(t.prompts[6], "Make paying easier.");
	cr_expect_not_null(step_titled(&t, "Ideation"));
	cr_expect_eq(step_titled(&t, "Ideation")->private_, 1);
	template_free(&t);
}

Test(bundled, half_day_sprint_fits_in_four_hours)
{
	struct jh_template t;
	int total;

	load_bundled("half-day-sprint.yaml", &t);
	total = minutes_on_day(&t, 1);
	cr_expect_geq(total, 200);
	cr_expect_leq(total, 260);
	cr_expect_eq(minutes_on_day(&t, 2), 0);
	cr_expect(strcmp(t.method, "votes") == 0 || strcmp(t.method, "rice") == 0);
	cr_expect_eq(t.anonymous, 1);
	template_free(&t);
}

/* ---- the corpus of broken templates ---- */

struct expectation {
	char file[256];
	char message[1024];
};

/* EXPECTED: "file.yaml<TAB>LINE:COLUMN: message"; '#' lines are comments. */
static size_t read_expected(const char *dir, struct expectation **out)
{
	char *path = tu_join(dir, "EXPECTED");
	char *text = tu_read(path, NULL), *line, *save = NULL;
	struct expectation *list = NULL;
	size_t n = 0;

	cr_assert_not_null(text, "cannot read %s", path);
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *tab = strchr(line, '\t');

		if (!*line || *line == '#')
			continue;
		cr_assert_not_null(tab, "EXPECTED: no tab in \"%s\"", line);
		struct expectation *grown = realloc(list, (n + 1) * sizeof *list);

		cr_assert_not_null(grown);
		list = grown;
		snprintf(list[n].file, sizeof list[n].file, "%.*s", (int)(tab - line), line);
		snprintf(list[n].message, sizeof list[n].message, "%s", tab + 1);
		n++;
	}
	free(text);
	free(path);
	*out = list;
	return n;
}

Test(corpus, every_broken_template_gives_its_exact_message)
{
	char *dir = tu_srcpath("tests/data/templates-bad");
	struct expectation *list;
	size_t n = read_expected(dir, &list);

	cr_assert_geq(n, 30);
	for (size_t i = 0; i < n; i++) {
		char *path = tu_join(dir, list[i].file);
		struct jh_template t;
		struct jh_err err = {{0}};
		size_t plen = strlen(path);
		int rc = template_load(path, &t, &err);

		cr_expect_eq(rc, -1, "%s loaded although it is broken", list[i].file);
		if (rc == -1) {
			cr_expect(strncmp(err.msg, path, plen) == 0 && err.msg[plen] == ':',
				  "%s: message does not start with the path: %s", list[i].file,
				  err.msg);
			cr_expect_str_eq(err.msg + plen + 1, list[i].message, "%s", list[i].file);
			cr_expect_null(strchr(err.msg, '\n'), "%s: message spans lines",
				       list[i].file);
		} else {
			template_free(&t);
		}
		/* Safe on the cleared output, as callers do on every path. */
		template_free(&t);
		free(path);
	}
	free(list);
	free(dir);
}

Test(corpus, every_corpus_file_is_listed_in_expected)
{
	char *dir = tu_srcpath("tests/data/templates-bad");
	struct expectation *list;
	size_t n = read_expected(dir, &list);
	DIR *d = opendir(dir);
	struct dirent *e;

	cr_assert_not_null(d);
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name), i;

		if (len < 6 || strcmp(e->d_name + len - 5, ".yaml"))
			continue;
		for (i = 0; i < n; i++)
			if (!strcmp(list[i].file, e->d_name))
				break;
		cr_expect_lt(i, n, "%s is not listed in EXPECTED", e->d_name);
	}
	closedir(d);
	free(list);
	free(dir);
}

Test(corpus, buffers_give_the_same_messages_as_files)
{
	char *dir = tu_srcpath("tests/data/templates-bad");
	struct expectation *list;
	size_t n = read_expected(dir, &list);

	for (size_t i = 0; i < n; i++) {
		char *path = tu_join(dir, list[i].file);
		size_t len;
		char *text = tu_read(path, &len);

		cr_assert_not_null(text);
		cr_expect_str_eq(load_fail_len(text, len) + 0, list[i].message, "%s", list[i].file);
		free(text);
		free(path);
	}
	free(list);
	free(dir);
}

/* ---- hostile input generated here, too big to commit ---- */

static char *repeat(const char *head, const char *unit, size_t times, const char *tail)
{
	size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
	char *s = malloc(hl + ul * times + tl + 1), *p;

	cr_assert_not_null(s);
	memcpy(s, head, hl);
	p = s + hl;
	for (size_t i = 0; i < times; i++, p += ul)
		memcpy(p, unit, ul);
	memcpy(p, tail, tl + 1);
	return s;
}

static char *write_temp(const char *dir, const char *name, const char *content)
{
	char *path = tu_join(dir, name);

	tu_write(path, content);
	return path;
}

/* Strips "path:" from a message produced by template_load(path). */
static const char *after_path(const struct jh_err *err, const char *path)
{
	size_t n = strlen(path);

	cr_assert(strncmp(err->msg, path, n) == 0 && err->msg[n] == ':', "%s", err->msg);
	return err->msg + n + 1;
}

Test(hostile, ten_thousand_nested_lists_stop_at_the_depth_limit, .timeout = 20)
{
	char *dir = tu_tmpdir();
	char *open = repeat("name: x\ndeep: ", "[", 10000, "");
	char *text = repeat(open, "]", 10000, "\n");
	char *path = write_temp(dir, "deep-nesting.yaml", text);
	struct jh_template t;
	struct jh_err err;

	/* The mapping is level 1, so the 64th '[' (column 7 + 63) is one too many. */
	cr_assert_eq(template_load(path, &t, &err), -1);
	cr_expect_str_eq(after_path(&err, path), "2:70: nested too deeply (more than 64 levels)");
	tu_rmtree(dir);
	free(dir);
	free(path);
	free(open);
	free(text);
}

Test(hostile, deep_block_nesting_stops_at_the_depth_limit)
{
	char buf[64 * 1024];
	size_t o = 0;

	for (int level = 0; level < 200; level++) {
		int w = snprintf(buf + o, sizeof buf - o, "%*sk%d:\n", level, "", level);
		cr_assert(w > 0 && (size_t)w < sizeof buf - o);
		o += (size_t)w;
	}
	/* Level 0 is the first mapping; the one at level 64 (line and column
	 * 65) would be the 65th. */
	cr_expect_str_eq(load_fail(buf), "65:65: nested too deeply (more than 64 levels)");
}

Test(hostile, multi_megabyte_scalar_is_refused, .timeout = 20)
{
	char *dir = tu_tmpdir();
	char *text = repeat("name: x\ntitle: ", "abcdefgh", 3 * 1024 * 1024 / 8, "\n");
	char *path = write_temp(dir, "huge-scalar.yaml", text);
	struct jh_template t;
	struct jh_err err;

	cr_assert_eq(template_load(path, &t, &err), -1);
	cr_expect_str_eq(after_path(&err, path),
			 "2:8: value too long (3145728 bytes; at most 65536)");
	tu_rmtree(dir);
	free(dir);
	free(path);
	free(text);
}

Test(hostile, scalar_of_exactly_the_limit_is_accepted)
{
	char *head = xasprintf_cat(minimal, "description: ");
	char *text = repeat(head, "x", 65536, "\n");
	char *over = repeat(head, "x", 65537, "\n");
	struct jh_template t;

	load_ok(text, &t);
	cr_expect_eq(strlen(t.description), 65536);
	template_free(&t);
	cr_expect_str_eq(load_fail(over), "9:14: value too long (65537 bytes; at most 65536)");
	free(head);
	free(text);
	free(over);
}

Test(hostile, file_over_four_mebibytes_is_refused, .timeout = 20)
{
	char *dir = tu_tmpdir();
	char *text =
	    repeat("# padding\n", "################################", 5 * 1024 * 1024 / 32, "\n");
	char *path = write_temp(dir, "big.yaml", text);
	struct jh_template t;
	struct jh_err err;
	char want[128];

	snprintf(want, sizeof want, " too large (%zu bytes; at most 4194304)", strlen(text));
	cr_assert_eq(template_load(path, &t, &err), -1);
	cr_expect_str_eq(after_path(&err, path), want);
	cr_expect_eq(template_load_buffer(text, strlen(text), "mem.yaml", &t, &err), -1);
	cr_expect_str_eq(err.msg + strlen("mem.yaml:"), want);
	tu_rmtree(dir);
	free(dir);
	free(path);
	free(text);
}

Test(hostile, too_many_values_are_refused_quickly, .timeout = 20)
{
	char *text = repeat("x: [", "a,", 100000, "a]\n");

	/* Nodes: mapping, key, list, then items; item 99998 is node 100001. */
	cr_expect_str_eq(load_fail(text), "1:199999: too many values (more than 100000)");
	free(text);
}

Test(hostile, a_huge_mapping_is_checked_quickly, .timeout = 20)
{
	size_t cap = 50000 * 16, o = 0;
	char *text = malloc(cap);

	cr_assert_not_null(text);
	for (int i = 0; i < 49000; i++)
		o += (size_t)snprintf(text + o, cap - o, "k%d: %d\n", i, i);
	snprintf(text + o, cap - o, "k17: again\n");
	cr_expect_str_eq(load_fail(text),
			 "49001:1: duplicate key \"k17\" (first at line 18, column 1)");
	free(text);
}

Test(hostile, many_journeys_are_checked_quickly, .timeout = 20)
{
	size_t cap = strlen(minimal) + 30000 * 24, o;
	char *text = malloc(cap);

	cr_assert_not_null(text);
	o = (size_t)snprintf(text, cap, "%sjourneys:\n", minimal);
	for (int i = 0; i < 30000; i++)
		o += (size_t)snprintf(text + o, cap - o, "  - name: j%d\n", i);
	snprintf(text + o, cap - o, "  - name: j4\n");
	cr_expect_str_eq(load_fail(text),
			 "30010:11: name: \"j4\" is listed twice (first at line 14)");
	free(text);
}

Test(hostile, binary_garbage_is_an_error_not_a_crash)
{
	static const char garbage[] = "\x00\x01\x02name: \x00\xff\xfe";
	const char *msg = load_fail_len(garbage, sizeof garbage - 1);

	/* Ten characters precede the 0xff, NULs included. */
	cr_expect_str_eq(msg, "1:11: invalid UTF-8 (byte 0xff)");
	cr_expect_str_eq(load_fail_len("name: x\0", 8),
			 "1:8: invalid YAML: control characters are not allowed (byte 0x00)");
}

/* ---- the file itself ---- */

Test(files, a_directory_is_reported_as_such)
{
	char *dir = tu_tmpdir();
	struct jh_template t;
	struct jh_err err;
	char want[1200];

	cr_assert_eq(template_load(dir, &t, &err), -1);
	snprintf(want, sizeof want, "%s: is a directory", dir);
	cr_expect_str_eq(err.msg, want);
	tu_rmtree(dir);
	free(dir);
}

Test(files, a_missing_file_names_the_system_error)
{
	char *dir = tu_tmpdir();
	char *path = tu_join(dir, "no-such-template.yaml");
	struct jh_template t;
	struct jh_err err;
	char want[1200];

	cr_assert_eq(template_load(path, &t, &err), -1);
	snprintf(want, sizeof want, "%s: %s", path, strerror(ENOENT));
	cr_expect_str_eq(err.msg, want);
	cr_expect_null(t.name);
	tu_rmtree(dir);
	free(dir);
	free(path);
}

Test(files, an_unreadable_file_names_the_system_error)
{
	char *dir = tu_tmpdir();
	char *path = write_temp(dir, "secret.yaml", minimal);
	struct jh_template t;
	struct jh_err err;

	chmod(path, 0);
	if (access(path, R_OK) == 0) {
		/* root reads anything: nothing to test here. */
		cr_assert_eq(template_load(path, &t, &err), 0);
		template_free(&t);
	} else {
		char want[1200];

		cr_assert_eq(template_load(path, &t, &err), -1);
		snprintf(want, sizeof want, "%s: %s", path, strerror(EACCES));
		cr_expect_str_eq(err.msg, want);
	}
	tu_rmtree(dir);
	free(dir);
	free(path);
}

Test(files, a_fifo_is_refused_without_blocking, .timeout = 10)
{
	char *dir = tu_tmpdir();
	char *path = tu_join(dir, "pipe.yaml");
	struct jh_template t;
	struct jh_err err;
	char want[1200];

	cr_assert_eq(mkfifo(path, 0600), 0);
	cr_assert_eq(template_load(path, &t, &err), -1);
	snprintf(want, sizeof want, "%s: not a regular file", path);
	cr_expect_str_eq(err.msg, want);
	tu_rmtree(dir);
	free(dir);
	free(path);
}

Test(files, an_empty_buffer_is_an_empty_template)
{
	struct jh_template t;
	struct jh_err err;

	cr_expect_str_eq(load_fail(""), "1:1: empty template");
	cr_assert_eq(template_load_buffer(NULL, 0, NULL, &t, &err), -1);
	cr_expect_str_eq(err.msg, "(template):1:1: empty template");
	cr_assert_eq(template_load_buffer(minimal, strlen(minimal), "mem.yaml", &t, NULL), 0);
	template_free(&t);
	cr_expect_eq(template_load_buffer("x", 1, "mem.yaml", &t, NULL), -1);
}

/* ---- accepted variants and defaults ---- */

Test(accepted, defaults_fill_every_optional_field)
{
	struct jh_template t;

	load_ok(minimal, &t);
	cr_expect_str_eq(t.path, "mem.yaml");
	cr_expect_str_eq(t.name, "mini");
	cr_expect_str_eq(t.description, "");
	cr_expect_str_eq(t.method, "impact-effort");
	cr_expect_eq(t.dots_per_participant, 5);
	cr_expect_eq(t.max_dots_per_idea, 0);
	cr_expect_eq(t.anonymous, 0);
	cr_assert_eq(t.nsteps, 1);
	cr_expect_str_eq(t.steps[0].view, "agenda");
	cr_expect_eq(t.steps[0].private_, 0);
	cr_expect_str_eq(t.steps[0].notes, "");
	cr_expect_eq(t.njourneys, 0);
	cr_expect_eq(t.nprompts, 0);
	template_free(&t);
	template_free(&t);
	template_free(NULL);
}

Test(accepted, journeys_inherit_stages_and_touchpoints_get_defaults)
{
	char *text = xasprintf_cat(minimal, "journeys:\n"
					    "  - name: Buy\n"
					    "    touchpoints:\n"
					    "      - stage: Buy\n"
					    "        name: Checkout\n");
	struct jh_template t;
	const struct jh_tpl_touchpoint *tp;

	load_ok(text, &t);
	cr_assert_eq(t.njourneys, 1);
	cr_expect_str_eq(t.journeys[0].description, "");
	cr_assert_eq(t.journeys[0].nstages, 2);
	cr_expect_str_eq(t.journeys[0].stages[1], "Buy");
	cr_expect_neq(t.journeys[0].stages, t.stages, "stages must be a copy");
	cr_assert_eq(t.journeys[0].ntouchpoints, 1);
	tp = &t.journeys[0].touchpoints[0];
	cr_expect_str_eq(tp->channel, "");
	cr_expect_str_eq(tp->owner, "");
	cr_expect_eq(tp->score, 0);
	cr_expect_eq(tp->reach, 100);
	cr_expect_eq(tp->potential, 1);
	template_free(&t);
	free(text);
}

Test(accepted, booleans_nulls_and_blocks)
{
	char *text = xasprintf_cat(minimal, "    private: yes\n"
					    "    notes: |\n"
					    "      First line.\n"
					    "      Second line.\n"
					    "description: ~\n"
					    "journeys:\n"
					    "prompts:\n"
					    "voting:\n"
					    "  anonymous: no\n"
					    "  dots_per_participant: 100\n"
					    "  max_dots_per_idea: 0\n");
	struct jh_template t;

	load_ok(text, &t);
	cr_expect_eq(t.steps[0].private_, 1);
	cr_expect_str_eq(t.steps[0].notes, "First line.\nSecond line.");
	cr_expect_str_eq(t.description, "");
	cr_expect_eq(t.njourneys, 0);
	cr_expect_eq(t.nprompts, 0);
	cr_expect_eq(t.anonymous, 0);
	cr_expect_eq(t.dots_per_participant, 100);
	template_free(&t);
	free(text);
}

/* The same yes/no words as the command line: `on` was once refused here. */
Test(accepted, yes_no_words_are_those_of_the_command_line)
{
	char *on = xasprintf_cat(minimal, "    private: on\nvoting:\n  anonymous: Y\n");
	char *quoted = xasprintf_cat(minimal, "    private: \"on\"\n");
	struct jh_template t;

	load_ok(on, &t);
	cr_expect_eq(t.steps[0].private_, 1);
	cr_expect_eq(t.anonymous, 1);
	template_free(&t);
	cr_expect_str_eq(load_fail(quoted),
			 "9:14: private: expected true, false, yes, no, on, off, "
			 "y, n, 1 or 0, got quoted text \"on\"");
	free(on);
	free(quoted);
}

Test(accepted, nordic_text_crlf_bom_and_tabs_after_keys)
{
	static const char text[] =
	    "\xEF\xBB\xBF"
	    "name: betala\r\n"
	    "title:\tBetala fakturan \xE2\x80\x93 \xC3\xA5\xC3\xA4\xC3\xB6 \xC3\xB8\xC3\xA6\r\n"
	    "stages: [F\xC3\xA5, Betala]\r\n"
	    "channels: [brev]\r\n"
	    "agenda:\r\n"
	    "  - day: 1\r\n"
	    "    title: Kartl\xC3\xA4gg resan\r\n"
	    "    minutes: 30\r\n";
	struct jh_template t;

	load_ok(text, &t);
	cr_expect_str_eq(t.title,
			 "Betala fakturan \xE2\x80\x93 \xC3\xA5\xC3\xA4\xC3\xB6 \xC3\xB8\xC3\xA6");
	cr_expect_str_eq(t.stages[0], "F\xC3\xA5");
	cr_expect_str_eq(t.steps[0].title, "Kartl\xC3\xA4gg resan");
	template_free(&t);
	/* Columns count characters, not bytes. */
	cr_expect_str_eq(load_fail("name: x\ntitle: \xC3\xA5\xC3\xA4\xC3\xB6\x80\n"),
			 "2:11: invalid UTF-8 (byte 0x80)");
}

Test(accepted, messages_quote_long_values_briefly_on_one_line)
{
	char *text =
	    xasprintf_cat(minimal, "prioritisation: \"a very long method name that goes on\\n"
				   "and on and on and on and on\"\n");

	cr_expect_str_eq(load_fail(text), "9:17: prioritisation: unknown method \"a very long "
					  "method name that goes on\\nand...\" "
					  "(expected impact-effort, ice, rice or votes)");
	free(text);
}
