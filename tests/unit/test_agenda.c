/* test_agenda.c: the agenda stays consistent whatever is done to it.
 *
 * Positions stay 0..n-1, dense and unique, and the current step stays the
 * step it was (unless it was deleted) through every add, delete and move;
 * undo of a move gives back the step and its timer; the command line and
 * the interface name the same current step. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/items.h"
#include "journeyhack/session.h"
#include "journeyhack/store.h"
#include "journeyhack/template.h"
#include "testutil.h"

static char *dir;
static char *dbpath;
static struct jh_store *st;
static jh_id wid;

static void setup(void)
{
	struct jh_template t;
	struct jh_err err;
	char *path = tu_srcpath("workshop-templates/half-day-sprint.yaml");

	dir = tu_tmpdir();
	dbpath = tu_join(dir, "agenda.db");
	cr_assert_eq(store_open(&st, dbpath, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(template_load(path, &t, &err), 0, "%s", err.msg);
	cr_assert_eq(store_workshop_create(st, "W", &t, &wid, &err), 0, "%s", err.msg);
	template_free(&t);
	free(path);
}

static void teardown(void)
{
	store_close(st);
	st = NULL;
	tu_rmtree(dir);
	free(dir);
	free(dbpath);
}

TestSuite(agenda, .init = setup, .fini = teardown);

/* FIELD=VALUE strings through items_parse, as the command line does. */
static int change(int add, jh_id id, jh_id *id_out, struct jh_err *err, ...)
{
	struct jh_assign a[8];
	char names[8][64], idbuf[32];
	struct jh_values vals;
	const char *arg;
	size_t n = 0;
	va_list ap;
	int rc;

	snprintf(idbuf, sizeof idbuf, "%lld", (long long)id);
	if (!add)
		a[n++] = (struct jh_assign){"id", idbuf};
	va_start(ap, err);
	while ((arg = va_arg(ap, const char *))) {
		cr_assert_eq(items_split_assign(arg, &a[n], names[n], 64, err), 0);
		n++;
	}
	va_end(ap);
	if (items_parse(st, wid, JH_STEP, a, n, add, &vals, err))
		return -1;
	rc = add ? store_item_add(st, wid, JH_STEP, vals.v, vals.n, id_out, err)
		 : store_item_set(st, wid, JH_STEP, id, vals.v, vals.n, err);
	items_values_free(&vals);
	return rc;
}

static void load(struct jh_data *d)
{
	struct jh_err err;

	cr_assert_eq(store_load(st, wid, d, &err), 0, "%s", err.msg);
}

/* Positions are exactly 0..n-1 in agenda order and the current step is
 * one of them. */
static void assert_consistent(const struct jh_data *d, const char *after)
{
	for (size_t i = 0; i < d->nsteps; i++)
		cr_assert_eq(d->steps[i].position, (int)i,
			     "after %s: step %lld at position %d, expected %zu", after,
			     (long long)d->steps[i].id, d->steps[i].position, i);
	if (d->nsteps)
		cr_assert(d->workshop.current_step >= 0 &&
			      (size_t)d->workshop.current_step < d->nsteps,
			  "after %s: current_step %d with %zu steps", after,
			  d->workshop.current_step, d->nsteps);
}

static jh_id current_id(void)
{
	struct jh_data d;
	const struct jh_step *s;
	jh_id id;

	load(&d);
	s = session_current_step(&d);
	id = s ? s->id : 0;
	model_data_free(&d);
	return id;
}

static jh_id random_step(const struct jh_data *d, unsigned *seed)
{
	return d->nsteps ? d->steps[(size_t)rand_r(seed) % d->nsteps].id : 0;
}

/* One random operation; returns the id of a step it deleted (0: none). */
static jh_id random_op(unsigned *seed, char *what, size_t size)
{
	struct jh_data d;
	struct jh_err err;
	char pos[32];
	jh_id id, gone = 0;
	int op = rand_r(seed) % 5, n;

	load(&d);
	n = (int)d.nsteps;
	id = random_step(&d, seed);
	/* Positions from past the front to past the end: out of range ones
	 * must be refused (set) or append (add), never leave a twin. */
	snprintf(pos, sizeof pos, "position=%d", rand_r(seed) % (n + 3));
	switch (op) {
	case 0:
		snprintf(what, size, "add at end");
		cr_assert_eq(change(1, 0, NULL, &err, "title=Fika på Åsas vis", "minutes=5", NULL),
			     0, "%s", err.msg);
		break;
	case 1:
		snprintf(what, size, "add with %s", pos);
		cr_assert_eq(change(1, 0, NULL, &err, "title=Øyvinds övning", pos, NULL), 0, "%s",
			     err.msg);
		break;
	case 2:
		snprintf(what, size, "delete step %lld", (long long)id);
		if (id) {
			cr_assert_eq(store_item_delete(st, wid, JH_STEP, id, &err), 0, "%s",
				     err.msg);
			gone = id;
		}
		break;
	case 3: {
		int want = atoi(pos + strlen("position="));
		snprintf(what, size, "set step %lld %s", (long long)id, pos);
		if (id) {
			int rc = change(0, id, NULL, &err, pos, NULL);
			cr_assert_eq(rc, want < n ? 0 : -1, "%s: rc %d (%s)", what, rc,
				     rc ? err.msg : "accepted");
		}
		break;
	}
	default:
		snprintf(what, size, "goto");
		if (n)
			cr_assert_eq(store_step_goto(st, wid, rand_r(seed) % n, &err), 0, "%s",
				     err.msg);
	}
	model_data_free(&d);
	return op == 4 ? -1 : gone;
}

Test(agenda, random_operations_keep_positions_dense_and_current_step_its_own)
{
	for (unsigned seed0 = 1; seed0 <= 6; seed0++) {
		unsigned seed = seed0 * 2654435761u;
		for (int i = 0; i < 120; i++) {
			struct jh_data d;
			char what[96];
			jh_id before = current_id(), gone = random_op(&seed, what, sizeof what);
			jh_id after = current_id();

			load(&d);
			assert_consistent(&d, what);
			/* Unless it was deleted or another step was started, the
			 * room is still in the same step. */
			if (gone == 0)
				cr_assert_eq(after, before,
					     "seed %u op %d (%s): current step %lld became %lld",
					     seed0, i, what, (long long)before, (long long)after);
			model_data_free(&d);
		}
	}
}

Test(agenda, deleting_steps_leaves_every_step_reachable)
{
	struct jh_data d;
	struct jh_err err;

	cr_assert_eq(store_item_delete(st, wid, JH_STEP, 2, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_delete(st, wid, JH_STEP, 5, &err), 0, "%s", err.msg);
	load(&d);
	assert_consistent(&d, "two deletes");
	/* The last step can be made current: it is at position n - 1. */
	cr_assert_eq(store_step_goto(st, wid, (int)d.nsteps - 1, &err), 0, "%s", err.msg);
	model_data_free(&d);
	load(&d);
	cr_assert_eq(session_current_step(&d), &d.steps[d.nsteps - 1]);
	cr_assert_eq(session_step_number(&d, session_current_step(&d)), (int)d.nsteps);
	model_data_free(&d);
}

Test(agenda, position_zero_moves_the_step_first_without_a_twin)
{
	struct jh_data d;
	struct jh_err err;

	cr_assert_eq(change(0, 3, NULL, &err, "position=0", NULL), 0, "%s", err.msg);
	load(&d);
	assert_consistent(&d, "set position=0");
	cr_assert_eq(d.steps[0].id, 3);
	cr_assert_eq(d.steps[1].id, 1);
	/* Step 1 was current and still is. */
	cr_assert_eq(session_current_step(&d)->id, 1);
	model_data_free(&d);
}

Test(agenda, position_past_the_end_is_refused_with_the_range)
{
	struct jh_err err;

	cr_assert_eq(change(0, 3, NULL, &err, "position=10", NULL), -1);
	cr_assert(strstr(err.msg, "position=10") && strstr(err.msg, "0 to 9"), "%s", err.msg);
}

Test(agenda, deleting_the_current_step_starts_the_next_with_a_fresh_timer)
{
	struct jh_data d;
	struct jh_err err;

	cr_assert_eq(store_step_goto(st, wid, 3, &err), 0, "%s", err.msg);
	cr_assert_eq(store_timer_toggle(st, wid, 1000, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_delete(st, wid, JH_STEP, 4, &err), 0, "%s", err.msg);
	load(&d);
	cr_assert_eq(session_current_step(&d)->id, 5);
	cr_assert_eq(d.workshop.timer_running, 0);
	cr_assert_eq(d.workshop.timer_elapsed, 0);
	model_data_free(&d);
}

Test(agenda, restore_gives_back_the_step_and_its_timer_together)
{
	struct jh_workshop was;
	struct jh_data d;
	struct jh_err err;

	cr_assert_eq(store_step_goto(st, wid, 2, &err), 0, "%s", err.msg);
	cr_assert_eq(store_timer_toggle(st, wid, 1000, &err), 0, "%s", err.msg);
	cr_assert_eq(store_timer_toggle(st, wid, 1090, &err), 0, "%s", err.msg);
	cr_assert_eq(store_timer_toggle(st, wid, 1100, &err), 0, "%s", err.msg);
	load(&d);
	was = (struct jh_workshop){.timer_running = d.workshop.timer_running,
				   .timer_started = d.workshop.timer_started,
				   .timer_elapsed = d.workshop.timer_elapsed};
	model_data_free(&d);
	/* Moving on resets it; the step before it is renumbered meanwhile. */
	cr_assert_eq(store_step_goto(st, wid, 5, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_delete(st, wid, JH_STEP, 1, &err), 0, "%s", err.msg);
	cr_assert_eq(store_step_restore(st, wid, 3, &was, &err), 0, "%s", err.msg);
	load(&d);
	cr_assert_eq(session_current_step(&d)->id, 3);
	cr_assert_eq(d.workshop.timer_running, 1);
	cr_assert_eq(d.workshop.timer_started, 1100);
	cr_assert_eq(d.workshop.timer_elapsed, 90);
	model_data_free(&d);
	cr_assert_eq(store_item_delete(st, wid, JH_STEP, 3, &err), 0, "%s", err.msg);
	cr_assert_eq(store_step_restore(st, wid, 3, &was, &err), -1);
	cr_assert(strstr(err.msg, "no longer on the agenda"), "%s", err.msg);
}

Test(agenda, notes_are_for_facilitators_only)
{
	struct jh_data d;
	struct jh_err err;
	jh_id fac, asa;
	struct jh_assign a[2] = {{"name", "Åsa"}, {"role", "participant"}};
	struct jh_assign b[2] = {{"name", "Øyvind"}, {"role", "facilitator"}};
	struct jh_values v;

	cr_assert_eq(items_parse(st, wid, JH_PARTICIPANT, a, 2, 1, &v, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_add(st, wid, JH_PARTICIPANT, v.v, v.n, &asa, &err), 0);
	items_values_free(&v);
	load(&d);
	/* Nobody named facilitator: whoever runs the workshop reads them. */
	cr_assert(session_notes_visible(&d, asa));
	model_data_free(&d);
	cr_assert_eq(items_parse(st, wid, JH_PARTICIPANT, b, 2, 1, &v, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_add(st, wid, JH_PARTICIPANT, v.v, v.n, &fac, &err), 0);
	items_values_free(&v);
	load(&d);
	cr_assert(session_notes_visible(&d, fac));
	cr_assert_not(session_notes_visible(&d, asa));
	cr_assert_not(session_notes_visible(&d, 0));
	model_data_free(&d);
}

/* The line of text that follows `after` in s, up to `end` (caller frees). */
static char *text_after(const char *s, const char *after, const char *end)
{
	const char *p = s ? strstr(s, after) : NULL;
	const char *q;

	if (!p)
		return NULL;
	p += strlen(after);
	q = strstr(p, end);
	return q ? strndup(p, (size_t)(q - p)) : NULL;
}

Test(agenda, show_and_the_interface_name_the_same_current_step_after_deletes)
{
	const char *rm2[] = {"rm", "W", "step", "2", NULL};
	const char *rm3[] = {"rm", "W", "step", "3", NULL};
	const char *show[] = {"show", "W", NULL};
	char *keys = tu_join(dir, "quit.keys"), *dump = tu_join(dir, "screen.txt");
	const char *ui[] = {"--replay", keys, "--dump-screen", dump, "W", NULL};
	struct tu_run r;
	struct jh_err err;
	char *cli, *screen, *text, *want;

	/* Silent ideation (step 5) is current; two steps before it go. */
	cr_assert_eq(store_step_goto(st, wid, 4, &err), 0, "%s", err.msg);
	store_close(st);
	st = NULL;
	r = tu_jhdb(dbpath, rm2);
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	r = tu_jhdb(dbpath, rm3);
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	r = tu_jhdb(dbpath, show);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cli = text_after(r.out, "current step ", " (");
	tu_run_free(&r);
	cr_assert_str_eq(cli, "3 of 8: day 1, Silent ideation");

	tu_write(keys, "q");
	r = tu_jhdb(dbpath, ui);
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	screen = tu_read(dump, NULL);
	text = text_after(screen, "Step ", " (private)");
	want = "3/8 Silent ideation";
	cr_assert(text && !strncmp(text, want, strlen(want)), "the interface says Step %s",
		  text ? text : "(none)");
	free(text);
	free(screen);
	free(cli);
	free(keys);
	free(dump);
}

Test(agenda, a_deleted_step_put_back_under_its_id_takes_its_place_again)
{
	struct jh_assign a[3] = {
	    {"title", "Map the journey"}, {"position", "1"}, {"minutes", "40"}};
	struct jh_values v;
	struct jh_data d;
	struct jh_err err;

	cr_assert_eq(store_step_goto(st, wid, 4, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_delete(st, wid, JH_STEP, 2, &err), 0, "%s", err.msg);
	/* As undo does: the old id and position. */
	cr_assert_eq(items_parse(st, wid, JH_STEP, a, 3, 1, &v, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_add_with_id(st, wid, JH_STEP, 2, v.v, v.n, &err), 0, "%s", err.msg);
	items_values_free(&v);
	load(&d);
	assert_consistent(&d, "delete and put back");
	for (size_t i = 0; i < d.nsteps; i++)
		cr_assert_eq(d.steps[i].id, (jh_id)i + 1, "position %zu holds step %lld", i,
			     (long long)d.steps[i].id);
	cr_assert_eq(session_current_step(&d)->id, 5);
	model_data_free(&d);
}
