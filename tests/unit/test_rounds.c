/* test_rounds.c: voting rounds and ready markers, by hand-worked
 * examples: first the rules over a hand-made workshop, then the store
 * keeping them when two rounds, a subset and a step change meet. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/items.h"
#include "journeyhack/rounds.h"
#include "journeyhack/session.h"
#include "journeyhack/store.h"
#include "journeyhack/template.h"
#include "testutil.h"

/* ------------------------------------------------ a hand-made workshop */

enum { ASA = 1, OYVIND = 2, MARTA = 3 };
enum { FAKTURA = 10, STEG = 11, KVITTO = 12 };
enum { ROUND1 = 100, ROUND2 = 101 };

static struct jh_participant people[] = {
    {.id = ASA, .name = "Åsa", .role = "facilitator"},
    {.id = OYVIND, .name = "Øyvind", .role = "participant"},
    {.id = MARTA, .name = "Märta", .role = "participant"},
};
static jh_id pain_faktura[] = {1};
static struct jh_idea ideas[] = {
    {.id = FAKTURA, .title = "Tydligare faktura", .painpoints = pain_faktura, .npainpoints = 1},
    {.id = STEG, .title = "Färre steg"},
    {.id = KVITTO, .title = "Bättre kvitto på köpet"},
};
static struct jh_journey journeys[] = {{.id = 5, .name = "Betalning"}};
static struct jh_touchpoint touchpoints[] = {{.id = 7, .journey_id = 5, .name = "Kassan"}};
static struct jh_painpoint pains[] = {
    {.id = 1, .touchpoint_id = 7, .title = "Fakturan är svår", .status = "open"}};
/* Before any round Øyvind gave 2 to KVITTO. Round 1 (closed, every idea):
 * Åsa 3 on FAKTURA, Øyvind 1 on FAKTURA and 2 on STEG. Round 2 (open, STEG
 * and KVITTO, 4 dots): Øyvind 3 on STEG, Märta 1 on KVITTO. */
static struct jh_vote votes[] = {
    {.id = 1, .participant_id = OYVIND, .idea_id = KVITTO, .dots = 2},
    {.id = 2, .participant_id = ASA, .idea_id = FAKTURA, .dots = 3, .round_id = ROUND1},
    {.id = 3, .participant_id = OYVIND, .idea_id = FAKTURA, .dots = 1, .round_id = ROUND1},
    {.id = 4, .participant_id = OYVIND, .idea_id = STEG, .dots = 2, .round_id = ROUND1},
    {.id = 5, .participant_id = OYVIND, .idea_id = STEG, .dots = 3, .round_id = ROUND2},
    {.id = 6, .participant_id = MARTA, .idea_id = KVITTO, .dots = 1, .round_id = ROUND2},
};
static jh_id round2_ideas[] = {STEG, KVITTO};
static struct jh_round rounds[] = {
    {.id = ROUND1, .number = 1, .dots = 5, .every_idea = 1},
    {.id = ROUND2, .number = 2, .dots = 4, .open = 1, .ideas = round2_ideas, .nideas = 2},
};
static jh_id ready[] = {ASA, MARTA};

static struct jh_data workshop(void)
{
	struct jh_data d = {0};

	d.workshop.dots_per_participant = 5;
	d.workshop.max_dots_per_idea = 3;
	d.participants = people;
	d.nparticipants = 3;
	d.ideas = ideas;
	d.nideas = 3;
	d.journeys = journeys;
	d.njourneys = 1;
	d.touchpoints = touchpoints;
	d.ntouchpoints = 1;
	d.painpoints = pains;
	d.npainpoints = 1;
	d.votes = votes;
	d.nvotes = 6;
	d.rounds = rounds;
	d.nrounds = 2;
	d.ready = ready;
	d.nready = 2;
	return d;
}

Test(rounds_rules, budget_is_the_open_rounds_exactly)
{
	struct jh_data d = workshop();
	struct session_ballot b;
	struct jh_err err;

	cr_assert_eq(rounds_budget(&d), 4);
	/* Only round 2's dots are spent: Øyvind 3 of 4, Märta 1, Åsa none. */
	cr_assert_eq(session_participant_dots(&d, OYVIND), 3);
	cr_assert_eq(session_dots_left(&d, OYVIND), 1);
	cr_assert_eq(session_dots_left(&d, ASA), 4);
	/* One more dot is exactly the budget; two are one too many. */
	session_ballot(&d, OYVIND, KVITTO, 1, &b);
	cr_assert_eq(b.have, 0, "round 1's and the free vote on KVITTO are not this round's");
	cr_assert_eq(session_vote_check(&b, KVITTO, &err), 0, "%s", err.msg);
	session_ballot(&d, OYVIND, KVITTO, 2, &b);
	cr_assert_eq(session_vote_check(&b, KVITTO, &err), -1);
	cr_assert(strstr(err.msg, "budget is 4"), "%s", err.msg);
	/* The workshop's cap of 3 per idea still holds in the round. */
	session_ballot(&d, ASA, STEG, 4, &b);
	cr_assert_eq(session_vote_check(&b, STEG, &err), -1);
	session_ballot(&d, ASA, STEG, 3, &b);
	cr_assert_eq(session_vote_check(&b, STEG, &err), 0, "%s", err.msg);
}

Test(rounds_rules, only_the_rounds_ideas_take_votes)
{
	struct jh_data d = workshop();
	struct jh_err err;

	cr_assert_eq(rounds_vote_check(rounds_open(&d), STEG, &err), 0);
	cr_assert_eq(rounds_vote_check(rounds_open(&d), KVITTO, &err), 0);
	cr_assert_eq(rounds_vote_check(rounds_open(&d), FAKTURA, &err), -1);
	cr_assert_str_eq(err.msg, "vote refused: idea 10 is not in round 2");
	cr_assert_eq(rounds_vote_check(NULL, FAKTURA, &err), 0, "no round: any idea");
}

Test(rounds_rules, totals_hidden_and_order_frozen_while_open)
{
	struct jh_data d = workshop();
	struct session_tally t;

	cr_assert(session_votes_hidden(&d), "hidden from everyone while round 2 is open");
	cr_assert_eq(session_votes_shown(&d), SESSION_VOTES_HIDDEN);
	/* Totals without round 2: FAKTURA 3+1, STEG 2, KVITTO 2. */
	cr_assert_eq(session_idea_votes(&d, FAKTURA), 4);
	cr_assert_eq(session_idea_votes(&d, STEG), 2);
	cr_assert_eq(session_idea_votes(&d, KVITTO), 2);
	session_tally(&d, OYVIND, &t);
	cr_assert_eq(t.votes[0], 4);
	cr_assert_eq(t.votes[1], 2);
	cr_assert_eq(t.votes[2], 2);
	cr_assert_eq(t.mine[1], 3, "Øyvind sees his own round-2 dots");
	cr_assert_eq(t.spent, 3);
	cr_assert_eq(t.left, 1);
	session_tally_free(&t);
	cr_assert_eq(rounds_result(&d, rounds_open(&d), STEG), -1);
}

Test(rounds_rules, close_reveals_at_once)
{
	struct jh_data d = workshop();
	struct jh_round closed[2];
	struct session_tally t;

	memcpy(closed, rounds, sizeof closed);
	closed[1].open = 0;
	d.rounds = closed;
	cr_assert_not(session_votes_hidden(&d));
	/* Everything counts: FAKTURA 4, STEG 2+3, KVITTO 2+1. */
	session_tally(&d, 0, &t);
	cr_assert_eq(t.votes[0], 4);
	cr_assert_eq(t.votes[1], 5);
	cr_assert_eq(t.votes[2], 3);
	session_tally_free(&t);
	cr_assert_eq(rounds_result(&d, &closed[1], STEG), 3);
	cr_assert_eq(rounds_result(&d, &closed[1], KVITTO), 1);
	cr_assert_eq(rounds_result(&d, &closed[0], FAKTURA), 4);
	/* Outside a round the workshop's budget counts the free votes only. */
	cr_assert_eq(rounds_budget(&d), 5);
	cr_assert_eq(session_participant_dots(&d, OYVIND), 2);
	cr_assert_eq(session_dots_left(&d, OYVIND), 3);
}

Test(rounds_rules, plan_subsets)
{
	struct jh_data d = workshop();
	struct jh_round closed[2];
	struct rounds_plan p;
	struct jh_err err;

	cr_assert_eq(rounds_plan(&d, 3, ROUNDS_ALL, NULL, &p, &err), -1);
	cr_assert_str_eq(err.msg, "round 2 is open: close it first");
	memcpy(closed, rounds, sizeof closed);
	closed[1].open = 0;
	d.rounds = closed;
	cr_assert_eq(rounds_plan(&d, 0, ROUNDS_ALL, NULL, &p, &err), 0, "%s", err.msg);
	cr_assert_eq(p.number, 3);
	cr_assert_eq(p.dots, 5, "0: the workshop's budget");
	cr_assert(p.every_idea);
	rounds_plan_free(&p);
	cr_assert_eq(rounds_plan(&d, 2, ROUNDS_IDS, "12,11,12", &p, &err), 0, "%s", err.msg);
	cr_assert_eq(p.nideas, 2);
	cr_assert_eq(p.ideas[0], STEG);
	cr_assert_eq(p.ideas[1], KVITTO);
	rounds_plan_free(&p);
	cr_assert_eq(rounds_plan(&d, 2, ROUNDS_IDS, "11,99", &p, &err), -1);
	cr_assert_str_eq(err.msg, "--ideas: no idea \"99\" in this workshop");
	cr_assert_eq(rounds_plan(&d, 2, ROUNDS_JOURNEY, "betalning", &p, &err), 0, "%s", err.msg);
	cr_assert_eq(p.nideas, 1);
	cr_assert_eq(p.ideas[0], FAKTURA);
	rounds_plan_free(&p);
	cr_assert_eq(rounds_plan(&d, 2, ROUNDS_STATUS, "open", &p, &err), 0, "%s", err.msg);
	cr_assert_eq(p.nideas, 1);
	rounds_plan_free(&p);
	cr_assert_eq(rounds_plan(&d, 2, ROUNDS_STATUS, "dropped", &p, &err), -1);
	cr_assert_eq(rounds_plan(&d, 2, ROUNDS_STATUS, "klar", &p, &err), -1);
	cr_assert_eq(rounds_plan(&d, 2, ROUNDS_JOURNEY, "Onboarding", &p, &err), -1);
	cr_assert_eq(rounds_plan(&d, 101, ROUNDS_ALL, NULL, &p, &err), -1);
}

Test(rounds_rules, ready_counting)
{
	struct jh_data d = workshop();
	size_t of;

	cr_assert_eq(rounds_ready_count(&d, &of), 2);
	cr_assert_eq(of, 3);
	cr_assert(rounds_is_ready(&d, MARTA));
	cr_assert_not(rounds_is_ready(&d, OYVIND));
}

/* ------------------------------------------------ through the store */

static char *dir;
static struct jh_store *st;
static jh_id wid;

static void setup(void)
{
	struct jh_template t;
	struct jh_err err;
	char *path = tu_srcpath("workshop-templates/payment-moment.yaml"), *db;

	dir = tu_tmpdir();
	db = tu_join(dir, "w.db");
	cr_assert_eq(store_open(&st, db, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(template_load(path, &t, &err), 0, "%s", err.msg);
	cr_assert_eq(store_workshop_create(st, "fika", &t, &wid, &err), 0, "%s", err.msg);
	template_free(&t);
	free(path);
	free(db);
}

static void teardown(void)
{
	store_close(st);
	tu_rmtree(dir);
	free(dir);
}

static jh_id add(enum jh_kind kind, const char *a1, const char *a2)
{
	struct jh_assign a[2];
	char names[2][64];
	struct jh_values vals;
	struct jh_err err;
	jh_id id = 0;
	size_t n = 0;

	cr_assert_eq(items_split_assign(a1, &a[n], names[n], 64, &err), 0);
	n++;
	if (a2) {
		cr_assert_eq(items_split_assign(a2, &a[n], names[n], 64, &err), 0);
		n++;
	}
	cr_assert_eq(items_parse(st, wid, kind, a, n, 1, &vals, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_add(st, wid, kind, vals.v, vals.n, &id, &err), 0, "%s", err.msg);
	items_values_free(&vals);
	return id;
}

static struct jh_data loaded(void)
{
	struct jh_data d;
	struct jh_err err;

	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	return d;
}

static void open_round(int dots, enum rounds_subset sub, const char *value)
{
	struct jh_data d = loaded();
	struct rounds_plan p;
	struct jh_err err;

	cr_assert_eq(rounds_plan(&d, dots, sub, value, &p, &err), 0, "%s", err.msg);
	cr_assert_eq(store_round_open(st, wid, &p, &err), 0, "%s", err.msg);
	rounds_plan_free(&p);
	model_data_free(&d);
}

Test(rounds_store, a_round_is_voted_in_then_revealed, .init = setup, .fini = teardown)
{
	jh_id oy = add(JH_PARTICIPANT, "name=Øyvind", NULL);
	jh_id a = add(JH_IDEA, "title=Tydligare faktura", NULL);
	jh_id b = add(JH_IDEA, "title=Färre steg", NULL);
	struct jh_err err;
	struct jh_data d;
	char ids[32];

	/* A free vote before any round, then round 1 over idea b only. */
	cr_assert_eq(store_vote(st, wid, oy, a, 2, &err), 0, "%s", err.msg);
	snprintf(ids, sizeof ids, "%lld", (long long)b);
	open_round(2, ROUNDS_IDS, ids);
	cr_assert_eq(store_vote(st, wid, oy, a, 1, &err), -1, "a is not in round 1");
	cr_assert(strstr(err.msg, "is not in round 1"), "%s", err.msg);
	cr_assert_eq(store_vote(st, wid, oy, b, 2, &err), 0, "%s", err.msg);
	cr_assert_eq(store_vote(st, wid, oy, b, 1, &err), -1, "the round's 2 dots are spent");
	d = loaded();
	cr_assert(session_votes_hidden(&d));
	cr_assert_eq(session_idea_votes(&d, b), 0, "hidden while open");
	cr_assert_eq(session_idea_votes(&d, a), 2);
	cr_assert_eq(rounds_open(&d)->nideas, 1);
	model_data_free(&d);
	/* A second round cannot open beside it. */
	d = loaded();
	{
		struct rounds_plan p = {.number = 2, .dots = 3, .every_idea = 1};
		cr_assert_eq(store_round_open(st, wid, &p, &err), -1);
	}
	model_data_free(&d);
	cr_assert_eq(store_round_close(st, wid, &err), 0, "%s", err.msg);
	cr_assert_eq(store_round_close(st, wid, &err), -1);
	cr_assert_str_eq(err.msg, "no round is open");
	d = loaded();
	cr_assert_not(session_votes_hidden(&d));
	cr_assert_eq(session_idea_votes(&d, b), 2, "revealed at close");
	model_data_free(&d);
	/* Round 2 over every idea: the same participant on the same idea
	 * again (the template's cap is 2), a vote of its own. */
	open_round(0, ROUNDS_ALL, NULL);
	cr_assert_eq(store_vote(st, wid, oy, b, 2, &err), 0, "%s", err.msg);
	cr_assert_eq(store_round_close(st, wid, &err), 0, "%s", err.msg);
	d = loaded();
	cr_assert_eq(d.nrounds, 2);
	cr_assert_eq(session_idea_votes(&d, b), 4);
	cr_assert_eq(rounds_result(&d, &d.rounds[1], b), 2);
	/* Outside rounds the free budget sees the free vote only. */
	cr_assert_eq(session_participant_dots(&d, oy), 2);
	model_data_free(&d);
	cr_assert_eq(store_vote(st, wid, oy, a, -2, &err), 0, "%s", err.msg);
	d = loaded();
	cr_assert_eq(session_idea_votes(&d, a), 0);
	cr_assert_eq(session_idea_votes(&d, b), 4, "taking back a free vote leaves the rounds'");
	model_data_free(&d);
}

Test(rounds_store, ready_marks_clear_when_the_step_moves, .init = setup, .fini = teardown)
{
	jh_id oy = add(JH_PARTICIPANT, "name=Øyvind", NULL);
	jh_id ma = add(JH_PARTICIPANT, "name=Märta", NULL);
	struct jh_err err;
	struct jh_data d;
	size_t of;

	cr_assert_eq(store_ready_set(st, wid, oy, 1, &err), 0, "%s", err.msg);
	cr_assert_eq(store_ready_set(st, wid, ma, 1, &err), 0, "%s", err.msg);
	cr_assert_eq(store_ready_set(st, wid, ma, 1, &err), 0, "twice is once");
	d = loaded();
	cr_assert_eq(rounds_ready_count(&d, &of), 2);
	cr_assert_eq(of, d.nparticipants);
	model_data_free(&d);
	cr_assert_eq(store_ready_set(st, wid, ma, 0, &err), 0, "%s", err.msg);
	d = loaded();
	cr_assert_eq(rounds_ready_count(&d, NULL), 1);
	cr_assert(rounds_is_ready(&d, oy));
	model_data_free(&d);
	cr_assert_eq(store_step_goto(st, wid, 2, &err), 0, "%s", err.msg);
	d = loaded();
	cr_assert_eq(rounds_ready_count(&d, NULL), 0, "a new step: nobody is done with it yet");
	model_data_free(&d);
}
