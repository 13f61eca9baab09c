/* test_limits.c: the dot budget and the per-idea cap cannot be lowered
 * below what participants have spent, by the rule itself, through the
 * store and on the command line; --trim lowers them anyway, removing the
 * excess (newest votes first) in one transaction; drafts are kept per
 * participant and form. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/items.h"
#include "journeyhack/session.h"
#include "journeyhack/store.h"
#include "testutil.h"

static char *dir;
static char *db;

static void setup(void)
{
	dir = tu_tmpdir();
	db = tu_join(dir, "w.db");
	setenv("JOURNEYHACK_TODAY", "2026-11-22", 1);
}

static void teardown(void)
{
	tu_rmtree(dir);
	free(dir);
	free(db);
}

TestSuite(limits, .init = setup, .fini = teardown);

#define RUN(...) tu_jhdb(db, (const char *const[]){__VA_ARGS__, NULL})
#define OK(...)                                                                                    \
	do {                                                                                       \
		struct tu_run r_ = RUN(__VA_ARGS__);                                               \
		cr_assert_eq(r_.status, 0, "status %d: %s", r_.status, r_.err);                    \
		tu_run_free(&r_);                                                                  \
	} while (0)

/* Åsa gives 3 dots to the first idea and 2 to the second (newer) one,
 * Øyvind 4 to the first: spent 5 and 4, at most 3 and 4 on one idea. */
static void voted(void)
{
	OK("new", "w");
	OK("set", "w", "workshop", "dots=10", "max_dots=0");
	OK("add", "w", "participant", "name=Åsa", "role=facilitator");
	OK("add", "w", "participant", "name=Øyvind");
	OK("add", "w", "idea", "title=Kö för äldre");
	OK("add", "w", "idea", "title=Snabbare kvitto");
	OK("--as", "Åsa", "add", "w", "vote", "idea=1", "dots=3");
	OK("--as", "Åsa", "add", "w", "vote", "idea=2", "dots=2");
	OK("--as", "Øyvind", "add", "w", "vote", "idea=1", "dots=4");
}

static char *show_votes(void)
{
	struct tu_run r = RUN("show", "w", "vote");
	char *out = r.out;

	cr_assert_eq(r.status, 0, "%s", r.err);
	r.out = NULL;
	tu_run_free(&r);
	return out;
}

Test(limits, rule_names_everyone_over_it_most_first)
{
	const struct session_spender s[] = {{"Øyvind", 4}, {"Bo", 2}, {"Åsa", 5}};
	struct jh_err err;

	cr_assert_eq(session_limit_check(SESSION_LIMIT_BUDGET, 3, s, 3, &err), -1);
	cr_assert_str_eq(err.msg, "cannot lower the budget to 3: Åsa has spent 5, Øyvind 4");
	cr_assert_eq(session_limit_check(SESSION_LIMIT_BUDGET, 5, s, 3, &err), 0);
	cr_assert_eq(session_limit_check(SESSION_LIMIT_CAP, 3, s, 3, &err), -1);
	cr_assert_str_eq(err.msg,
			 "cannot lower the per-idea cap to 3: Åsa has 5 on one idea, Øyvind 4");
	/* A cap of 0 is no cap. */
	cr_assert_eq(session_limit_check(SESSION_LIMIT_CAP, 0, s, 3, &err), 0);
}

Test(limits, cli_refuses_a_budget_below_what_is_spent)
{
	struct tu_run r;
	char *before, *after;

	voted();
	before = show_votes();
	r = RUN("set", "w", "workshop", "dots=3");
	cr_assert_eq(r.status, 1, "status %d", r.status);
	cr_assert(strstr(r.err, "cannot lower the budget to 3: Åsa has spent 5, Øyvind 4"), "%s",
		  r.err);
	cr_assert(strstr(r.err, "--trim"), "the refusal names the way out: %s", r.err);
	tu_run_free(&r);
	r = RUN("set", "w", "workshop", "max_dots=2");
	cr_assert_eq(r.status, 1);
	cr_assert(
	    strstr(r.err, "cannot lower the per-idea cap to 2: Øyvind has 4 on one idea, Åsa 3"),
	    "%s", r.err);
	tu_run_free(&r);
	after = show_votes();
	cr_assert_str_eq(before, after, "a refused change changed the votes");
	free(before);
	free(after);
	r = RUN("show", "w", "workshop");
	cr_assert(strstr(r.out, "10"), "the budget stayed 10: %s", r.out);
	tu_run_free(&r);
	/* Down to exactly what is spent, or up, is fine. */
	OK("set", "w", "workshop", "dots=5", "max_dots=4");
}

Test(limits, trim_removes_the_newest_dots_first_in_one_go)
{
	struct tu_run r;
	struct jh_store *st;
	struct jh_data d;
	struct jh_err err;

	voted();
	r = RUN("set", "w", "workshop", "dots=3", "--trim");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "trimmed 3 dots"), "%s", r.out);
	tu_run_free(&r);
	cr_assert_eq(store_open(&st, db, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(store_load(st, 1, &d, &err), 0, "%s", err.msg);
	cr_assert_eq(d.workshop.dots_per_participant, 3);
	/* Åsa's newest vote (2 dots on idea 2) went; Øyvind lost one of 4. */
	cr_assert_eq(session_participant_dots(&d, 1), 3);
	cr_assert_eq(session_participant_dots(&d, 2), 3);
	cr_assert_eq(session_idea_votes(&d, 2), 0);
	cr_assert_eq(session_idea_votes(&d, 1), 6);
	model_data_free(&d);
	store_close(st);
}

Test(limits, trim_takes_the_cap_from_every_idea)
{
	struct tu_run r;

	voted();
	r = RUN("set", "w", "workshop", "max_dots=2", "--trim");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "trimmed 3 dots"), "3 = 1 of Åsa's, 2 of Øyvind's: %s", r.out);
	tu_run_free(&r);
	r = RUN("set", "w", "idea", "1", "title=x", "--trim");
	cr_assert_eq(r.status, 1, "--trim is only for the workshop");
	tu_run_free(&r);
}

Test(limits, the_store_refuses_too_whoever_calls_it)
{
	struct jh_store *st;
	struct jh_err err;
	struct jh_values vals;
	struct jh_assign a[] = {{"id", "1"}, {"dots", "4"}};

	voted();
	cr_assert_eq(store_open(&st, db, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(items_parse(st, 1, JH_WORKSHOP, a, 2, 0, &vals, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_set(st, 1, JH_WORKSHOP, 1, vals.v, vals.n, &err), -1);
	cr_assert_str_eq(err.msg, "cannot lower the budget to 4: Åsa has spent 5");
	items_values_free(&vals);
	store_close(st);
}

Test(limits, drafts_are_per_participant_and_form)
{
	struct jh_store *st;
	struct jh_err err;
	struct store_draft d;
	struct store_draft_key asa = {1, 1, JH_PARKING, 0}, oyvind = {1, 2, JH_PARKING, 0};
	const char *names[] = {"text"}, *values[] = {"Varför så många steg?"};

	voted();
	cr_assert_eq(store_open(&st, db, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(store_draft_save(st, &asa, names, values, 1, &err), 0, "%s", err.msg);
	cr_assert_eq(store_draft_load(st, &oyvind, &d, &err), 0);
	cr_assert_eq(d.n, 0, "Øyvind must not get Åsa's draft");
	store_draft_free(&d);
	cr_assert_eq(store_draft_load(st, &asa, &d, &err), 0);
	cr_assert_eq(d.n, 1);
	cr_assert_str_eq(d.names[0], "text");
	cr_assert_str_eq(d.values[0], "Varför så många steg?");
	store_draft_free(&d);
	cr_assert_eq(store_draft_delete(st, &asa, &err), 0);
	cr_assert_eq(store_draft_load(st, &asa, &d, &err), 0);
	cr_assert_eq(d.n, 0);
	store_draft_free(&d);
	store_close(st);
}
