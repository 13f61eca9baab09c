/* test_merge.c: merging a duplicate pain point or idea: the rules over a
 * workshop built by hand (evidence and authors kept, links deduplicated,
 * dots within the cap and the budget with the excess returned), and the
 * store's merge: one transaction, refused on a revision conflict or
 * without the right, the database then unchanged. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/merge.h"
#include "journeyhack/store_merge.h"
#include "testutil.h"

/* ---- the rules, by hand ---- */

static struct jh_participant people[] = {
    {1, "Åsa", "", "facilitator", "", 1},
    {2, "Øyvind", "", "participant", "", 1},
    {3, "Bjørn", "", "participant", "", 1},
};

static jh_id links1[] = {1, 2}, links2[] = {2, 3}, links3[] = {3};

static struct jh_painpoint pains[] = {
    {.id = 1,
     .title = "Fakturan är oklar",
     .severity = 2,
     .frequency = 5,
     .evidence = "41 % ringer",
     .status = "open",
     .author_id = 1,
     .uuid = ""},
    {.id = 2,
     .title = "Ingen förstår fakturan",
     .severity = 4,
     .frequency = 3,
     .touchpoint_id = 7,
     .evidence = "Kundtjänst: många samtal",
     .status = "open",
     .author_id = 2,
     .uuid = ""},
    {.id = 3,
     .title = "Påminnelse för tidigt",
     .severity = 1,
     .frequency = 1,
     .evidence = "",
     .status = "open",
     .author_id = 0,
     .uuid = ""},
};

static struct jh_idea ideas[] = {
    {.id = 1,
     .title = "Förklara avgifterna",
     .belief = "Kunder förstår",
     .experiment = "",
     .metric = "Samtal",
     .success = "",
     .author_id = 2,
     .painpoints = links1,
     .npainpoints = 2,
     .uuid = ""},
    {.id = 2,
     .title = "Tydligare faktura",
     .belief = "Färre frågor",
     .experiment = "Prova på 100 kunder",
     .metric = "",
     .success = "",
     .author_id = 2,
     .painpoints = links2,
     .npainpoints = 2,
     .uuid = ""},
    {.id = 3,
     .title = "Ring upp",
     .belief = "",
     .experiment = "",
     .metric = "",
     .success = "",
     .author_id = 3,
     .painpoints = links3,
     .npainpoints = 1,
     .uuid = ""},
};

/* Cap 2 per idea, budget 5. Øyvind: 1 on idea 1, 2 on idea 2 (spent 3);
 * Åsa: 1 on idea 2; Bjørn: 2 on idea 1, 2 on idea 2. */
static struct jh_vote votes[] = {
    {1, 2, 1, 1, 1}, {2, 1, 2, 1, 1}, {3, 2, 2, 2, 1}, {4, 3, 1, 2, 1}, {5, 3, 2, 2, 1},
};

static struct jh_action actions[] = {
    {.id = 1,
     .idea_id = 2,
     .title = "Skissa",
     .owner = "",
     .due = "",
     .status = "todo",
     .notes = "",
     .uuid = ""},
    {.id = 2,
     .idea_id = 1,
     .title = "Mät",
     .owner = "",
     .due = "",
     .status = "todo",
     .notes = "",
     .uuid = ""},
};

static struct jh_data workshop(void)
{
	struct jh_data d;

	memset(&d, 0, sizeof d);
	d.workshop.dots_per_participant = 5;
	d.workshop.max_dots_per_idea = 2;
	d.participants = people;
	d.nparticipants = 3;
	d.painpoints = pains;
	d.npainpoints = 3;
	d.ideas = ideas;
	d.nideas = 3;
	d.votes = votes;
	d.nvotes = 5;
	d.actions = actions;
	d.nactions = 2;
	return d;
}

Test(merge, text_appended_under_its_attribution)
{
	char *t = merge_text("A", "B", "[line]");

	cr_assert_str_eq(t, "A\n\n[line]\nB");
	free(t);
	t = merge_text("", "B", "[line]");
	cr_assert_str_eq(t, "[line]\nB");
	free(t);
	t = merge_text("A", "", "[line]");
	cr_assert_str_eq(t, "A\n\n[line]");
	free(t);
}

Test(merge, dots_within_cap_and_budget)
{
	int back;

	/* 1 on A, 2 moving, cap 2: one fits, one goes back. */
	cr_assert_eq(merge_dots(1, 2, 2, 5, 3, &back), 2);
	cr_assert_eq(back, 1);
	/* No cap: all move. */
	cr_assert_eq(merge_dots(1, 2, 0, 5, 3, &back), 3);
	cr_assert_eq(back, 0);
	/* A budget lowered to 2 below the 4 spent: 1 stays on A, 3 on B;
	 * without B's 3 they have spent 1, so 1 more fits. */
	cr_assert_eq(merge_dots(1, 3, 0, 2, 4, &back), 2);
	cr_assert_eq(back, 2);
	/* Already at the cap: everything goes back. */
	cr_assert_eq(merge_dots(2, 2, 2, 5, 4, &back), 2);
	cr_assert_eq(back, 2);
}

Test(merge, painpoint_keeps_evidence_links_and_authors)
{
	struct jh_data d = workshop();
	struct merge_plan p;
	struct jh_err err;

	cr_assert_eq(merge_plan_make(&d, JH_PAINPOINT, 1, 2, &p, &err), 0, "%s", err.msg);
	cr_assert_str_eq(p.evidence, "41 % ringer\n\n[merged from painpoint 2 \"Ingen förstår "
				     "fakturan\", by Øyvind]\nKundtjänst: många samtal");
	cr_assert_eq(p.severity, 4);   /* the higher: B's */
	cr_assert_eq(p.frequency, 5);  /* the higher: A's */
	cr_assert_eq(p.touchpoint, 7); /* A had none */
	cr_assert_eq(p.texts, 1);
	/* Ideas 1 and 2 linked 2: now 1 instead, once. */
	cr_assert_eq(p.nrelinks, 2);
	cr_assert_eq(p.links, 2);
	cr_assert_eq(p.relinks[0].idea, 1);
	cr_assert_eq(p.relinks[0].n, 1);
	cr_assert_eq(p.relinks[0].painpoints[0], 1);
	cr_assert_eq(p.relinks[1].idea, 2);
	cr_assert_eq(p.relinks[1].n, 2);
	cr_assert_eq(p.relinks[1].painpoints[0], 1);
	cr_assert_eq(p.relinks[1].painpoints[1], 3);
	merge_plan_free(&p);
}

Test(merge, painpoint_without_author_or_evidence_still_named)
{
	struct jh_data d = workshop();
	struct merge_plan p;
	struct jh_err err;

	cr_assert_eq(merge_plan_make(&d, JH_PAINPOINT, 2, 3, &p, &err), 0, "%s", err.msg);
	cr_assert_str_eq(p.evidence, "Kundtjänst: många samtal\n\n[merged from painpoint 3 "
				     "\"Påminnelse för tidigt\"]");
	cr_assert_eq(p.texts, 0);
	cr_assert_eq(p.severity, 4);
	cr_assert_eq(p.touchpoint, 7);
	cr_assert_eq(p.nrelinks, 2); /* ideas 2 and 3 */
	cr_assert_eq(p.relinks[1].idea, 3);
	cr_assert_eq(p.relinks[1].painpoints[0], 2);
	merge_plan_free(&p);
}

Test(merge, idea_moves_card_links_votes_and_actions)
{
	struct jh_data d = workshop();
	struct merge_plan p;
	struct jh_err err;

	cr_assert_eq(merge_plan_make(&d, JH_IDEA, 1, 2, &p, &err), 0, "%s", err.msg);
	cr_assert_str_eq(p.card[0], "Kunder förstår\n\n[merged from idea 2 \"Tydligare faktura\", "
				    "by Øyvind]\nFärre frågor");
	cr_assert_str_eq(p.card[1], "[from idea 2]\nProva på 100 kunder");
	cr_assert_str_eq(p.card[2], "Samtal");
	cr_assert_str_eq(p.card[3], "");
	cr_assert_eq(p.texts, 2);
	/* {1,2} and {2,3}: {1,2,3}, one link new. */
	cr_assert_eq(p.npainpoints, 3);
	cr_assert_eq(p.painpoints[2], 3);
	cr_assert_eq(p.links, 1);
	/* Åsa's 1 moves; Øyvind has 1 on A, cap 2: 1 of 2 moves, 1 back;
	 * Bjørn is at the cap on A: his 2 go back. */
	cr_assert_eq(p.nmoves, 3);
	cr_assert_eq(p.moves[0].participant, 1);
	cr_assert_eq(p.moves[0].dots, 1);
	cr_assert_eq(p.moves[0].returned, 0);
	cr_assert_eq(p.moves[1].participant, 2);
	cr_assert_eq(p.moves[1].dots, 1);
	cr_assert_eq(p.moves[1].returned, 1);
	cr_assert_eq(p.moves[2].participant, 3);
	cr_assert_eq(p.moves[2].dots, 0);
	cr_assert_eq(p.moves[2].returned, 2);
	cr_assert_eq(p.dots_moved, 2);
	cr_assert_eq(p.dots_returned, 3);
	cr_assert_eq(p.nactions, 1);
	cr_assert_eq(p.actions[0], 1);
	merge_plan_free(&p);
}

Test(merge, refuses_itself_unknown_and_other_kinds)
{
	struct jh_data d = workshop();
	struct merge_plan p;
	struct jh_err err;

	cr_assert_eq(merge_plan_make(&d, JH_IDEA, 1, 1, &p, &err), -1);
	cr_assert_str_eq(err.msg, "cannot merge idea 1 into itself");
	cr_assert_eq(merge_plan_make(&d, JH_PAINPOINT, 1, 9, &p, &err), -1);
	cr_assert_str_eq(err.msg, "no painpoint with id 9");
	cr_assert_eq(merge_plan_make(&d, JH_ACTION, 1, 2, &p, &err), -1);
	cr_assert(strstr(err.msg, "only pain points and ideas"), "%s", err.msg);
}

Test(merge, rights_facilitator_or_author_of_both)
{
	struct jh_data d = workshop();
	struct jh_err err;

	cr_assert_eq(merge_may(&d, 1, 0, JH_PAINPOINT, 1, 2, &err), 0);	 /* facilitator */
	cr_assert_eq(merge_may(&d, 0, 1, JH_PAINPOINT, 1, 2, &err), 0);	 /* owner */
	cr_assert_eq(merge_may(&d, 2, 0, JH_IDEA, 1, 2, &err), 0);	 /* wrote both */
	cr_assert_eq(merge_may(&d, 2, 0, JH_PAINPOINT, 1, 2, &err), -1); /* wrote one */
	cr_assert(strstr(err.msg, "Only a facilitator, or the author of both"), "%s", err.msg);
	cr_assert_eq(merge_may(&d, 3, 0, JH_IDEA, 1, 2, &err), -1);
}

/* ---- the store ---- */

static char *dir, *db;

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

#define OK(...)                                                                                    \
	do {                                                                                       \
		struct tu_run r_ = tu_jhdb(db, (const char *const[]){__VA_ARGS__, NULL});          \
		cr_assert_eq(r_.status, 0, "status %d: %s", r_.status, r_.err);                    \
		tu_run_free(&r_);                                                                  \
	} while (0)

static void filled(void)
{
	OK("new", "w");
	OK("set", "w", "workshop", "dots=5", "max_dots=2");
	OK("add", "w", "participant", "name=Åsa", "role=facilitator");
	OK("add", "w", "participant", "name=Øyvind");
	OK("add", "w", "idea", "title=Förklara", "author=Øyvind");
	OK("add", "w", "idea", "title=Tydligare", "author=Åsa", "belief=Färre samtal");
	OK("--as", "Øyvind", "add", "w", "vote", "idea=1", "dots=1");
	OK("--as", "Øyvind", "add", "w", "vote", "idea=2", "dots=2");
	OK("add", "w", "action", "title=Skissa", "idea=2");
}

static struct jh_store *opened(jh_id *wid)
{
	struct jh_store *st;
	struct jh_err err;

	cr_assert_eq(store_open(&st, db, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(store_workshop_find(st, "w", wid, &err), 0, "%s", err.msg);
	return st;
}

TestSuite(store_merge, .init = setup, .fini = teardown);

Test(store_merge, moves_everything_in_one_change)
{
	struct store_merge_req r = {.kind = JH_IDEA, .into = 1, .from = 2, .me = 1};
	struct merge_plan p;
	struct jh_data d;
	struct jh_err err;
	jh_id wid;
	struct jh_store *st;

	filled();
	st = opened(&wid);
	cr_assert_eq(store_merge(st, wid, &r, &p, &err), 0, "%s", err.msg);
	cr_assert_eq(p.dots_moved, 1);
	cr_assert_eq(p.dots_returned, 1);
	merge_plan_free(&p);
	cr_assert_eq(store_load(st, wid, &d, &err), 0);
	cr_assert_eq(d.nideas, 1);
	cr_assert_str_eq(d.ideas[0].belief, "[merged from idea 2 \"Tydligare\", by Åsa]\nFärre "
					    "samtal");
	cr_assert_eq(d.nvotes, 1);
	cr_assert_eq(d.votes[0].dots, 2); /* the cap */
	cr_assert_eq(d.actions[0].idea_id, 1);
	model_data_free(&d);
	store_close(st);
}

Test(store_merge, conflict_and_rights_leave_it_unchanged)
{
	struct store_merge_req r = {.kind = JH_IDEA, .into = 1, .from = 2, .me = 2};
	struct store_rev rev;
	struct jh_data d;
	struct jh_err err;
	jh_id wid;
	struct jh_store *st;

	filled();
	st = opened(&wid);
	/* Øyvind wrote only idea 1. */
	cr_assert_eq(store_merge(st, wid, &r, NULL, &err), -1);
	cr_assert(strstr(err.msg, "Only a facilitator"), "%s", err.msg);
	/* Åsa saw idea 2 at an older revision than the vote left it at. */
	cr_assert_eq(store_item_revision(st, wid, JH_IDEA, 2, &rev, &err), 0);
	r.me = 1;
	r.base_from = rev.revision - 1;
	cr_assert_eq(store_merge(st, wid, &r, NULL, &err), STORE_CONFLICT);
	cr_assert(strstr(err.msg, "was changed by Øyvind"), "%s", err.msg);
	cr_assert_eq(store_load(st, wid, &d, &err), 0);
	cr_assert_eq(d.nideas, 2);
	cr_assert_eq(d.nvotes, 2);
	cr_assert_eq(d.actions[0].idea_id, 2);
	model_data_free(&d);
	store_close(st);
}
