/* test_model.c: the id index over a loaded workshop and its vote totals. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/model.h"
#include "journeyhack/model_index.h"
#include "journeyhack/session.h"
#include "journeyhack/util.h"

static struct jh_journey journeys[] = {{.id = 9}, {.id = 3}, {.id = 5}}; /* by position */
static struct jh_idea ideas[] = {{.id = 2}, {.id = 4}, {.id = 7}};
static struct jh_participant people[] = {{.id = 1}, {.id = 8}};
static struct jh_vote votes[] = {
    {.id = 1, .participant_id = 1, .idea_id = 4, .dots = 2},
    {.id = 2, .participant_id = 8, .idea_id = 4, .dots = 3},
    {.id = 3, .participant_id = 8, .idea_id = 7, .dots = 1},
    {.id = 4, .participant_id = 99, .idea_id = 98, .dots = 5}, /* gone: counted nowhere */
};

static struct jh_data sample(void)
{
	struct jh_data d = {0};

	d.workshop.id = 42;
	d.journeys = journeys;
	d.njourneys = 3;
	d.ideas = ideas;
	d.nideas = 3;
	d.participants = people;
	d.nparticipants = 2;
	d.votes = votes;
	d.nvotes = 4;
	return d;
}

Test(model_index, finds_items_in_any_order)
{
	struct jh_data d = sample();
	struct model_index ix;

	model_index_build(&ix, &d);
	cr_assert_eq(model_index_pos(&ix, JH_JOURNEY, 9), 0);
	cr_assert_eq(model_index_pos(&ix, JH_JOURNEY, 3), 1);
	cr_assert_eq(model_index_pos(&ix, JH_JOURNEY, 5), 2);
	cr_assert_eq(model_index_item(&ix, JH_IDEA, 7), &ideas[2]);
	cr_assert_eq(model_index_item(&ix, JH_PARTICIPANT, 8), &people[1]);
	cr_assert_eq(model_index_item(&ix, JH_WORKSHOP, 42), &d.workshop);
	model_index_free(&ix);
}

Test(model_index, misses_are_minus_one_and_null)
{
	struct jh_data d = sample();
	struct model_index ix;

	model_index_build(&ix, &d);
	cr_assert_eq(model_index_pos(&ix, JH_JOURNEY, 4), -1);
	cr_assert_eq(model_index_pos(&ix, JH_JOURNEY, 0), -1, "id 0 means none");
	cr_assert_eq(model_index_pos(&ix, JH_STAGE, 3), -1, "kinds are separate");
	cr_assert_eq(model_index_pos(&ix, JH_NKINDS, 3), -1);
	cr_assert_null(model_index_item(&ix, JH_IDEA, 3));
	model_index_free(&ix);
}

Test(model_index, vote_totals_per_idea_and_participant)
{
	struct jh_data d = sample();
	struct session_tally t;

	/* The totals live in session.c, one pass over the votes. */
	session_tally(&d, 0, &t);
	cr_assert_eq(t.votes[0], 0);
	cr_assert_eq(t.votes[1], 5);
	cr_assert_eq(t.votes[2], 1);
	cr_assert_eq(t.votes[0] + t.votes[1] + t.votes[2], 6,
		     "a vote on a missing idea counts nowhere");
	cr_assert_eq(session_participant_dots(&d, 1), 2);
	cr_assert_eq(session_participant_dots(&d, 8), 4);
	/* The lookups by id agree for items that exist. */
	cr_assert_eq(session_idea_votes(&d, 4), 5);
	cr_assert_eq(session_participant_dots(&d, 8), 4);
	session_tally_free(&t);
}

Test(model_index, empty_workshop)
{
	struct jh_data d = {0};
	struct model_index ix;

	model_index_build(&ix, &d);
	cr_assert_eq(model_index_pos(&ix, JH_IDEA, 1), -1);
	cr_assert_eq(session_idea_votes(&d, 1), 0);
	model_index_free(&ix);
}

Test(model_index, many_items_stay_found)
{
	struct jh_data d = {0};
	struct model_index ix;
	size_t n = 5000;

	d.painpoints = util_xcalloc(n, sizeof *d.painpoints);
	d.npainpoints = n;
	for (size_t i = 0; i < n; i++)
		d.painpoints[i].id = (jh_id)((i * 7919) % n + 1); /* a permutation of 1..n */
	model_index_build(&ix, &d);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(model_index_pos(&ix, JH_PAINPOINT, d.painpoints[i].id), (long)i);
	model_index_free(&ix);
	free(d.painpoints);
}

Test(model, data_free_walks_the_field_table)
{
	struct jh_data d = {0};

	/* Every text and id list the table names is owned and freed: a leak
	 * shows under valgrind and the sanitizers. */
	d.workshop.name = util_xstrdup("w");
	d.workshop.title = util_xstrdup("t");
	d.workshop.method = util_xstrdup("votes");
	d.ideas = util_xcalloc(1, sizeof *d.ideas);
	d.nideas = 1;
	d.ideas[0].title = util_xstrdup("idea");
	d.ideas[0].success = util_xstrdup("s");
	d.ideas[0].painpoints = util_xcalloc(2, sizeof(jh_id));
	d.ideas[0].npainpoints = 2;
	d.steps = util_xcalloc(1, sizeof *d.steps);
	d.nsteps = 1;
	d.steps[0].view = util_xstrdup("agenda");
	model_data_free(&d);
	cr_assert_null(d.ideas);
	cr_assert_eq(d.nideas, 0);
	cr_assert_null(d.workshop.name);
}
