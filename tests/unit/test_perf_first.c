/* test_perf_first.c: draw first, load later (issue 12).
 *
 * The first frame is drawn from the workshop's head (store_load_head),
 * which reads no item table, so it costs the same at any size; the rest
 * is read before anything needs it. Counted in rows read, never timed:
 * the head reads none of the pain points and ideas, a view shown later
 * has them, and the frame drawn from the head equals the one drawn from
 * the whole workshop. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <locale.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/items.h"
#include "journeyhack/rounds.h"
#include "journeyhack/store.h"
#include "journeyhack/template.h"
#include "journeyhack/ui.h"
#include "testutil.h"

#define NPAIN 300
#define NIDEA 250

static char *dir, *dbpath, *keys, *dump;
static struct jh_store *st;
static jh_id wid, first_idea, first_pain, voter;

/* Add from FIELD=VALUE strings, as the CLI does. */
static jh_id add_ok(enum jh_kind kind, ...)
{
	struct jh_assign a[8];
	char names[8][64];
	struct jh_values vals;
	struct jh_err err;
	const char *arg;
	size_t n = 0;
	jh_id id = 0;
	va_list ap;

	va_start(ap, kind);
	while ((arg = va_arg(ap, const char *)) && n < 8) {
		cr_assert_eq(items_split_assign(arg, &a[n], names[n], 64, &err), 0, "%s", err.msg);
		n++;
	}
	va_end(ap);
	cr_assert_eq(items_parse(st, wid, kind, a, n, 1, &vals, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_add(st, wid, kind, vals.v, vals.n, &id, &err), 0, "%s", err.msg);
	items_values_free(&vals);
	return id;
}

/* A workshop whose item tables outweigh its head: NPAIN pain points,
 * NIDEA ideas, two participants and a vote. */
static void setup(void)
{
	struct jh_template t;
	struct jh_err err;
	char *path = tu_srcpath("workshop-templates/payment-moment.yaml");
	char title[64];

	setlocale(LC_ALL, "C.UTF-8");
	dir = tu_tmpdir();
	dbpath = tu_join(dir, "w.db");
	keys = tu_join(dir, "keys");
	dump = tu_join(dir, "dump");
	cr_assert_eq(store_open(&st, dbpath, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(template_load(path, &t, &err), 0, "%s", err.msg);
	cr_assert_eq(store_workshop_create(st, "pay", &t, &wid, &err), 0, "%s", err.msg);
	template_free(&t);
	free(path);
	cr_assert_eq(store_begin(st, &err), 0, "%s", err.msg);
	for (int i = 0; i < NPAIN; i++) {
		snprintf(title, sizeof title, "title=Smärta %03d", i);
		jh_id id = add_ok(JH_PAINPOINT, title, "touchpoint=1", NULL);
		if (!first_pain)
			first_pain = id;
	}
	for (int i = 0; i < NIDEA; i++) {
		char link[64];
		snprintf(title, sizeof title, "title=Idé %03d", i);
		snprintf(link, sizeof link, "painpoints=%lld", (long long)first_pain);
		jh_id id = add_ok(JH_IDEA, title, i % 2 ? link : "painpoints=", NULL);
		if (!first_idea)
			first_idea = id;
	}
	add_ok(JH_PARTICIPANT, "name=Åsa", "role=facilitator", NULL);
	voter = add_ok(JH_PARTICIPANT, "name=Øyvind", NULL);
	cr_assert_eq(store_commit(st, &err), 0, "%s", err.msg);
	cr_assert_eq(store_vote(st, wid, voter, first_idea, 2, &err), 0, "%s", err.msg);
}

static void teardown(void)
{
	if (st)
		store_close(st);
	st = NULL;
	tu_rmtree(dir);
	free(dir);
	free(dbpath);
	free(keys);
	free(dump);
}

TestSuite(first_head, .init = setup, .fini = teardown);
TestSuite(first_ui, .init = setup, .fini = teardown, .timeout = 60);

/* The kinds the head leaves unread. */
static const enum jh_kind items[] = {JH_JOURNEY, JH_STAGE,  JH_TOUCHPOINT, JH_PAINPOINT,
				     JH_IDEA,	 JH_ACTION, JH_PARKING,	   JH_PERSONA};
#define NITEMS (sizeof items / sizeof items[0])

/* ----------------------------------------------------------- the store */

Test(first_head, reads_no_item_table)
{
	struct jh_data d;
	struct jh_err err;
	long long before[JH_NKINDS];

	for (int k = 0; k < JH_NKINDS; k++)
		before[k] = store_rows_read(st, (enum jh_kind)k);
	cr_assert_eq(store_load_head(st, wid, &d, &err), 0, "%s", err.msg);
	for (size_t i = 0; i < NITEMS; i++)
		cr_assert_eq(store_rows_read(st, items[i]), before[items[i]], "%s rows were read",
			     kinds_get(items[i])->name);
	cr_assert_eq(store_rows_read(st, JH_PARTICIPANT) - before[JH_PARTICIPANT], 2);
	cr_assert_eq(store_rows_read(st, JH_STEP) - before[JH_STEP], (long long)d.nsteps);
	cr_assert_eq(store_rows_read(st, JH_VOTE) - before[JH_VOTE], 1);
	cr_assert_eq(d.npainpoints, 0);
	cr_assert_eq(d.nideas, 0);
	cr_assert_eq(d.ntouchpoints, 0);
	model_data_free(&d);
	/* The whole load reads every row: the counter counts what it says. */
	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	cr_assert_eq(store_rows_read(st, JH_PAINPOINT) - before[JH_PAINPOINT], NPAIN);
	cr_assert_eq(store_rows_read(st, JH_IDEA) - before[JH_IDEA], NIDEA);
	model_data_free(&d);
}

Test(first_head, holds_what_the_whole_load_holds_of_it)
{
	struct jh_data h, w;
	struct jh_err err;
	struct rounds_plan p = {0};

	p.number = 1;
	p.dots = 3;
	p.every_idea = 1;
	cr_assert_eq(store_round_open(st, wid, &p, &err), 0, "%s", err.msg);
	cr_assert_eq(store_ready_set(st, wid, voter, 1, &err), 0, "%s", err.msg);
	cr_assert_eq(store_load_head(st, wid, &h, &err), 0, "%s", err.msg);
	cr_assert_eq(store_load(st, wid, &w, &err), 0, "%s", err.msg);
	cr_assert_str_eq(h.workshop.name, w.workshop.name);
	cr_assert_str_eq(h.workshop.title, w.workshop.title);
	cr_assert_eq(h.workshop.current_step, w.workshop.current_step);
	cr_assert_eq(h.nprompts, w.nprompts);
	cr_assert_eq(h.nchannels, w.nchannels);
	cr_assert_eq(h.nstage_names, w.nstage_names);
	cr_assert_eq(h.nsteps, w.nsteps);
	cr_assert(h.nsteps > 0, "the template has an agenda");
	for (size_t i = 0; i < h.nsteps; i++) {
		cr_assert_eq(h.steps[i].id, w.steps[i].id);
		cr_assert_str_eq(h.steps[i].title, w.steps[i].title);
	}
	cr_assert_eq(h.nparticipants, w.nparticipants);
	for (size_t i = 0; i < h.nparticipants; i++)
		cr_assert_str_eq(h.participants[i].name, w.participants[i].name);
	cr_assert_eq(h.nvotes, 1);
	cr_assert_eq(h.votes[0].dots, w.votes[0].dots);
	cr_assert_eq(h.nrounds, 1);
	cr_assert_eq(h.rounds[0].dots, 3);
	cr_assert_eq(h.nready, 1);
	cr_assert_eq(h.ready[0], voter);
	model_data_free(&h);
	model_data_free(&w);
}

Test(first_head, unknown_workshop_is_an_error)
{
	struct jh_data d;
	struct jh_err err;

	cr_assert_eq(store_load_head(st, wid + 100, &d, &err), -1);
	cr_assert(strstr(err.msg, "no workshop"), "%s", err.msg);
}

/* What a loaded workshop holds costs what it holds: the arrays are cut
 * to their length after the doubling, and an idea's one link takes a
 * small block, not room for sixteen. malloc_usable_size sees the block
 * behind a pointer, which is what the memory of 100 000 ideas adds up. */
Test(first_head, loaded_arrays_and_links_hold_no_slack)
{
	struct jh_data d;
	struct jh_err err;
	size_t linked = 0;

	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	cr_assert_eq(d.npainpoints, NPAIN);
	cr_assert_lt(malloc_usable_size(d.painpoints), (NPAIN + 1) * sizeof *d.painpoints,
		     "the pain point array kept the doubling's slack");
	cr_assert_lt(malloc_usable_size(d.ideas), (NIDEA + 1) * sizeof *d.ideas);
	for (size_t i = 0; i < d.nideas; i++) {
		if (!d.ideas[i].npainpoints)
			continue;
		cr_assert_eq(d.ideas[i].npainpoints, 1);
		cr_assert_eq(d.ideas[i].painpoints[0], first_pain);
		cr_assert_lt(malloc_usable_size(d.ideas[i].painpoints), 16 * sizeof(jh_id),
			     "one link took room for more: %zu bytes",
			     malloc_usable_size(d.ideas[i].painpoints));
		linked++;
	}
	cr_assert_eq(linked, NIDEA / 2);
	model_data_free(&d);
}

/* ----------------------------------------------------- the interface */

/* Replay keys in an 80x24 screen; the dump (caller frees) and the rows
 * read go to *stats. The test's own connection is closed first. */
static char *run(const char *k, const char *as, struct ui_stats *stats)
{
	struct ui_opts o = {0};
	struct jh_err err;

	if (st)
		store_close(st);
	st = NULL;
	tu_write(keys, k);
	remove(dump);
	memset(stats, 0, sizeof *stats);
	o.db_path = dbpath;
	o.workshop = "pay";
	o.as_name = as;
	o.replay_path = keys;
	o.dump_path = dump;
	o.cols = 80;
	o.rows = 24;
	o.stats = stats;
	cr_assert_eq(ui_run(&o, &err), 0, "%s", err.msg);
	return tu_read(dump, NULL);
}

Test(first_ui, first_frame_is_drawn_before_the_item_tables_are_read)
{
	struct ui_stats s;
	char *screen = run("q", NULL, &s);

	cr_assert_not_null(screen);
	cr_assert(strstr(screen, "[1 Agenda]"), "%s", screen);
	for (size_t i = 0; i < NITEMS; i++) {
		cr_assert_eq(s.first_frame_rows[items[i]], 0, "%s rows before the first frame",
			     kinds_get(items[i])->name);
		/* Quitting at once keeps nothing more (the rest is checked). */
		cr_assert_eq(s.rows[items[i]], 0, "%s rows kept to quit",
			     kinds_get(items[i])->name);
	}
	cr_assert_eq(s.first_frame_rows[JH_PARTICIPANT], 2);
	free(screen);
}

/* The head's frame is the whole workshop's: a key reads the rest, and
 * two moves that cancel out leave the agenda as it was. */
Test(first_ui, head_frame_equals_the_whole_workshops_frame)
{
	struct ui_stats s;
	char *head = run("", NULL, &s);
	char *whole;

	cr_assert_eq(s.rows[JH_PAINPOINT], 0, "the dump was drawn from the head");
	cr_assert_not_null(head);
	whole = run("jk", NULL, &s);
	cr_assert_eq(s.first_frame_rows[JH_PAINPOINT], 0);
	cr_assert_eq(s.rows[JH_PAINPOINT], NPAIN, "a key reads the rest first");
	cr_assert_str_eq(head, whole);
	free(head);
	free(whole);
}

Test(first_ui, pain_points_shown_later_are_there)
{
	struct ui_stats s;
	char *screen = run("3", NULL, &s);

	cr_assert_eq(s.first_frame_rows[JH_PAINPOINT], 0);
	cr_assert_eq(s.rows[JH_PAINPOINT], NPAIN);
	cr_assert(strstr(screen, "[3 Pain]"), "%s", screen);
	cr_assert(strstr(screen, "Smärta 000"), "%s", screen);
	free(screen);
}

Test(first_ui, ideas_shown_later_are_there_with_their_votes)
{
	struct ui_stats s;
	char *screen = run("4", NULL, &s);

	cr_assert_eq(s.first_frame_rows[JH_IDEA], 0);
	cr_assert_eq(s.rows[JH_IDEA], NIDEA);
	cr_assert(strstr(screen, "[4 Backlog]"), "%s", screen);
	cr_assert(strstr(screen, "Idé 000"), "%s", screen);
	free(screen);
}

/* A focus on an idea is shown from the first frame on, in its view: the
 * whole workshop is read before it. */
Test(first_ui, a_focused_item_is_read_before_the_first_frame)
{
	struct ui_stats s;
	struct jh_err err;
	char *screen;

	cr_assert_eq(store_focus_set(st, wid, "idea", first_idea, &err), 0, "%s", err.msg);
	screen = run("", NULL, &s);
	cr_assert_eq(s.first_frame_rows[JH_IDEA], NIDEA);
	cr_assert(strstr(screen, "[4 Backlog]"), "%s", screen);
	cr_assert(strstr(screen, "Idé 000"), "%s", screen);
	free(screen);
}

/* A value out of range in a pain point, written behind journeyhack's
 * back with the checks off, as a handed-over file could hold it. */
static void damage_a_painpoint(void)
{
	sqlite3 *db;
	char *msg = NULL;

	store_close(st);
	st = NULL;
	cr_assert_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL),
		     SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db,
				  "UPDATE painpoint SET severity = 99 WHERE id = "
				  "(SELECT max(id) FROM painpoint)",
				  NULL, NULL, &msg),
		     SQLITE_OK, "%s", msg);
	sqlite3_close(db);
}

static int run_rc(const char *k, struct ui_stats *stats, struct jh_err *err)
{
	struct ui_opts o = {0};

	tu_write(keys, k);
	memset(stats, 0, sizeof *stats);
	o.db_path = dbpath;
	o.workshop = "pay";
	o.replay_path = keys;
	o.cols = 80;
	o.rows = 24;
	o.stats = stats;
	return ui_run(&o, err);
}

/* The head does not hold the damaged table, yet the run refuses the file
 * as a start-up that read it all did: at the first key that reads the
 * rest, or, quitting at once, by checking the rest without keeping it. */
Test(first_ui, a_damaged_item_table_is_refused_after_the_first_frame)
{
	static const char *const runs[] = {"", "q", "3", "jjj"};
	struct ui_stats s;
	struct jh_err err;

	damage_a_painpoint();
	for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
		cr_assert_eq(run_rc(runs[i], &s, &err), -1, "keys \"%s\" ran on", runs[i]);
		cr_assert(strstr(err.msg, "severity"), "%s", err.msg);
		cr_assert(strstr(err.msg, "not read"), "%s", err.msg);
		cr_assert_eq(s.first_frame_rows[JH_PAINPOINT], 0);
		cr_assert_lt(s.rows[JH_PAINPOINT], NPAIN, "the damaged row was kept");
	}
}

Test(first_head, checking_the_rest_keeps_nothing_and_finds_damage)
{
	struct jh_err err;

	cr_assert_eq(store_check_rest(st, wid, &err), 0, "%s", err.msg);
	for (size_t i = 0; i < NITEMS; i++)
		cr_assert_eq(store_rows_read(st, items[i]), 0, "%s rows kept",
			     kinds_get(items[i])->name);
	damage_a_painpoint();
	cr_assert_eq(store_open(&st, dbpath, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(store_check_rest(st, wid, &err), -1);
	cr_assert(strstr(err.msg, "severity"), "%s", err.msg);
}

/* --as with a new name joins and still draws from the head. */
Test(first_ui, joining_with_as_draws_from_the_head)
{
	struct ui_stats s;
	char *screen = run("", "Nyköping", &s);

	cr_assert(strstr(screen, "Nyköping"), "%s", screen);
	cr_assert(strstr(screen, "you joined"), "%s", screen);
	for (size_t i = 0; i < NITEMS; i++)
		cr_assert_eq(s.rows[items[i]], 0, "%s rows read", kinds_get(items[i])->name);
	free(screen);
}

/* Signed in as a voter, the status line counts the dots spent from the
 * head's votes, as the whole workshop would. */
Test(first_ui, dots_left_come_from_the_heads_votes)
{
	struct ui_stats s;
	char *head = run("", "Øyvind", &s);
	char *whole = run("jk", "Øyvind", &s);

	cr_assert_eq(s.rows[JH_IDEA], NIDEA);
	cr_assert(strstr(head, " dots"), "%s", head);
	cr_assert_str_eq(head, whole);
	free(head);
	free(whole);
}
