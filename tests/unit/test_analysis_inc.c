/* test_analysis_inc.c: the kept aggregates equal analysis.c after every
 * change.
 *
 * Hand-worked examples first, then property runs: random workshops in
 * memory, thousands of random changes (edits, additions, removals of
 * touchpoints, pain points, ideas, votes and journeys), each followed by
 * the matching analysis_inc update and a comparison of every journey's
 * figures and the whole backlog with a fresh computation by analysis.c. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/analysis.h"
#include "journeyhack/analysis_inc.h"
#include "journeyhack/util.h"

#define PUSH(arr, n)	((arr) = util_xrealloc((arr), ((n) + 1) * sizeof *(arr)), &(arr)[(n)++])
#define DROP(arr, n, i) (memmove(&(arr)[i], &(arr)[(i) + 1], ((n) - (i)-1) * sizeof *(arr)), (n)--)

/* Literals as the model keeps texts (char *): never written through. */
static char *const channels[] = {"", "Web", "web", "Phone", "Shop"};
static char *const statuses[] = {"open", "open", "addressed", "dropped"};
static char *const methods[] = {"impact-effort", "ice", "rice", "votes"};

static unsigned rnd_state;

static int rnd(int n)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (int)((rnd_state >> 16) % (unsigned)n);
}

/* ---------------------------------------------------- the workshop */

static jh_id next_id;

static void free_data(struct jh_data *d)
{
	for (size_t i = 0; i < d->nideas; i++)
		free(d->ideas[i].painpoints);
	free(d->journeys);
	free(d->stages);
	free(d->touchpoints);
	free(d->painpoints);
	free(d->ideas);
	free(d->votes);
	memset(d, 0, sizeof *d);
}

static void add_journey(struct jh_data *d, jh_id id)
{
	struct jh_journey *j = PUSH(d->journeys, d->njourneys);

	memset(j, 0, sizeof *j);
	j->id = id;
	j->position = (int)d->njourneys;
	j->name = "j";
	/* A journey that comes back finds its stages where they were: a
	 * stage that moves asks for a rebuild (analysis_inc.h). */
	for (size_t i = 0; i < d->nstages; i++)
		if (d->stages[i].journey_id == id)
			return;
	for (int s = 0; s < 3; s++) {
		struct jh_stage *st = PUSH(d->stages, d->nstages);
		memset(st, 0, sizeof *st);
		st->id = id * 10 + s;
		st->journey_id = id;
		st->position = rnd(3);
		st->name = "s";
	}
}

static jh_id some_journey(const struct jh_data *d)
{
	/* Journey 9 comes and goes; its touchpoints stay behind meanwhile. */
	return rnd(6) ? d->journeys[rnd((int)d->njourneys)].id : 9;
}

static void tp_values(struct jh_data *d, struct jh_touchpoint *t)
{
	t->journey_id = some_journey(d);
	t->stage_id = t->journey_id * 10 + rnd(4); /* 3: a missing stage */
	t->position = rnd(3);
	t->score = rnd(5) - 2;
	t->reach = rnd(4) * 25;
	t->channel = channels[rnd(5)];
}

static jh_id add_tp(struct jh_data *d)
{
	struct jh_touchpoint *t = PUSH(d->touchpoints, d->ntouchpoints);

	memset(t, 0, sizeof *t);
	t->id = ++next_id;
	t->name = "t";
	tp_values(d, t);
	return t->id;
}

static jh_id some_tp(const struct jh_data *d)
{
	if (!d->ntouchpoints || !rnd(8))
		return rnd(2) ? 0 : 99999; /* none, or one that is not there */
	return d->touchpoints[rnd((int)d->ntouchpoints)].id;
}

static void pain_values(struct jh_data *d, struct jh_painpoint *p)
{
	p->touchpoint_id = some_tp(d);
	p->severity = 1 + rnd(5);
	p->frequency = 1 + rnd(5);
	p->status = statuses[rnd(4)];
}

static jh_id add_pain(struct jh_data *d)
{
	struct jh_painpoint *p = PUSH(d->painpoints, d->npainpoints);

	memset(p, 0, sizeof *p);
	p->id = ++next_id;
	p->title = "p";
	pain_values(d, p);
	return p->id;
}

static void idea_values(struct jh_data *d, struct jh_idea *x)
{
	free(x->painpoints);
	x->painpoints = util_xcalloc(4, sizeof *x->painpoints);
	x->npainpoints = 0;
	/* Ascending pain point ids, as the store loads them. */
	for (size_t i = 0; i < d->npainpoints && x->npainpoints < 4; i++)
		if (!rnd(6))
			x->painpoints[x->npainpoints++] = d->painpoints[i].id;
	x->impact = 1 + rnd(5);
	x->effort = 1 + rnd(5);
	x->confidence = 1 + rnd(5);
	x->reach = rnd(5) * 25;
}

static jh_id add_idea(struct jh_data *d)
{
	struct jh_idea *x = PUSH(d->ideas, d->nideas);

	memset(x, 0, sizeof *x);
	x->id = ++next_id;
	x->title = "i";
	idea_values(d, x);
	return x->id;
}

/* Votes stay ordered by idea, then participant, as loaded. */
static jh_id add_vote(struct jh_data *d)
{
	struct jh_vote v = {++next_id,	1 + rnd(5), d->ideas[rnd((int)d->nideas)].id,
			    1 + rnd(3), 0,	    0};
	size_t at = 0;

	while (at < d->nvotes && (d->votes[at].idea_id < v.idea_id ||
				  (d->votes[at].idea_id == v.idea_id &&
				   d->votes[at].participant_id <= v.participant_id)))
		at++;
	PUSH(d->votes, d->nvotes);
	memmove(&d->votes[at + 1], &d->votes[at], (d->nvotes - at - 1) * sizeof *d->votes);
	d->votes[at] = v;
	return v.id;
}

static void workshop(struct jh_data *d, int size)
{
	memset(d, 0, sizeof *d);
	next_id = 100;
	d->workshop.method = methods[rnd(4)];
	for (jh_id j = 1; j <= 3; j++)
		add_journey(d, j);
	for (int i = 0; i < size; i++)
		add_tp(d);
	for (int i = 0; i < 2 * size; i++)
		add_pain(d);
	for (int i = 0; i < size; i++)
		add_idea(d);
	for (int i = 0; i < 2 * size; i++)
		add_vote(d);
}

/* ---------------------------------------------------- comparing */

static void same_stats(const struct jh_journey_stats *a, const struct jh_journey_stats *b)
{
	cr_assert_eq(a->journey_id, b->journey_id);
	cr_assert_eq(a->ntouchpoints, b->ntouchpoints, "journey %lld", (long long)a->journey_id);
	cr_assert_eq(a->cx_capital, b->cx_capital);
	cr_assert_eq(a->at_risk, b->at_risk);
	cr_assert_eq(a->channel_hops, b->channel_hops, "hops j%lld %d %d n %d",
		     (long long)a->journey_id, a->channel_hops, b->channel_hops, a->ntouchpoints);
	cr_assert_eq(a->weakest_link, b->weakest_link, "journey %lld: %lld, fresh %lld",
		     (long long)a->journey_id, (long long)a->weakest_link,
		     (long long)b->weakest_link);
	cr_assert_eq(a->npositive, b->npositive);
	cr_assert_eq(a->nneutral, b->nneutral);
	cr_assert_eq(a->nnegative, b->nnegative);
	cr_assert_eq(a->weakest_exposure, b->weakest_exposure);
}

static void same_as_fresh(const struct analysis_inc *a, const struct jh_data *d)
{
	size_t n, m;
	struct jh_ranked_idea *fresh = analysis_backlog(d, &n);
	struct jh_ranked_idea *kept = analysis_inc_backlog(a, d, &m);

	struct jh_journey_stats *all = util_xcalloc(d->njourneys + 1, sizeof *all);

	/* analysis_journeys (every journey in one pass) is held to the
	 * per-journey function too. */
	analysis_journeys(d, all);
	for (size_t i = 0; i < d->njourneys; i++) {
		struct jh_journey_stats s;
		const struct jh_journey_stats *k = analysis_inc_stats(a, d->journeys[i].id);
		analysis_journey(d, d->journeys[i].id, &s);
		cr_assert_not_null(k);
		same_stats(k, &s);
		same_stats(&all[i], &s);
	}
	free(all);
	cr_assert_eq(m, n);
	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(kept[i].index, fresh[i].index, "rank %zu", i + 1);
		cr_assert_eq(kept[i].rank, fresh[i].rank);
		cr_assert(!memcmp(&kept[i].score, &fresh[i].score, sizeof kept[i].score));
		cr_assert_eq(kept[i].votes, fresh[i].votes);
		cr_assert_eq(kept[i].quadrant, fresh[i].quadrant);
		cr_assert_eq(kept[i].on_weakest_link, fresh[i].on_weakest_link, "idea %lld",
			     (long long)d->ideas[fresh[i].index].id);
	}
	if (n) {
		const struct jh_idea *x = &d->ideas[rnd((int)d->nideas)];
		cr_assert_eq(analysis_inc_rank(a, x->id), analysis_idea_rank(fresh, n, d, x->id));
	}
	free(fresh);
	free(kept);
}

/* ---------------------------------------------------- random changes */

static void change_tp(struct analysis_inc *a, struct jh_data *d)
{
	size_t i = (size_t)rnd((int)d->ntouchpoints + 1);
	jh_id id;

	if (i == d->ntouchpoints || !rnd(10)) {
		id = add_tp(d);
	} else if (!rnd(8)) {
		id = d->touchpoints[i].id;
		DROP(d->touchpoints, d->ntouchpoints, i);
	} else {
		id = d->touchpoints[i].id;
		tp_values(d, &d->touchpoints[i]);
	}
	analysis_inc_touchpoint(a, d, id);
}

static void change_pain(struct analysis_inc *a, struct jh_data *d)
{
	size_t i = (size_t)rnd((int)d->npainpoints + 1);
	jh_id id;

	if (i == d->npainpoints || !rnd(10)) {
		id = add_pain(d);
	} else if (!rnd(8)) {
		/* The ideas keep the link: both sides must skip it alike. */
		id = d->painpoints[i].id;
		DROP(d->painpoints, d->npainpoints, i);
	} else {
		id = d->painpoints[i].id;
		pain_values(d, &d->painpoints[i]);
	}
	analysis_inc_painpoint(a, d, id);
}

static void drop_votes_of(struct analysis_inc *a, struct jh_data *d, jh_id idea)
{
	for (size_t i = 0; i < d->nvotes;)
		if (d->votes[i].idea_id == idea) {
			jh_id id = d->votes[i].id;
			DROP(d->votes, d->nvotes, i);
			analysis_inc_vote(a, d, id);
		} else {
			i++;
		}
}

static void change_idea(struct analysis_inc *a, struct jh_data *d)
{
	size_t i = (size_t)rnd((int)d->nideas + 1);
	jh_id id;

	if (i == d->nideas || !rnd(10)) {
		id = add_idea(d);
	} else if (!rnd(8) && d->nideas > 1) {
		id = d->ideas[i].id;
		free(d->ideas[i].painpoints);
		DROP(d->ideas, d->nideas, i);
		analysis_inc_idea(a, d, id);
		drop_votes_of(a, d, id);
		return;
	} else {
		id = d->ideas[i].id;
		idea_values(d, &d->ideas[i]);
	}
	analysis_inc_idea(a, d, id);
}

static void change_vote(struct analysis_inc *a, struct jh_data *d)
{
	size_t i = (size_t)rnd((int)d->nvotes + 1);
	jh_id id;

	if (i == d->nvotes || !rnd(4)) {
		id = add_vote(d);
	} else if (!rnd(4)) {
		id = d->votes[i].id;
		DROP(d->votes, d->nvotes, i);
	} else {
		id = d->votes[i].id;
		d->votes[i].dots = 1 + rnd(3);
	}
	analysis_inc_vote(a, d, id);
}

static void change_journey(struct analysis_inc *a, struct jh_data *d)
{
	size_t i = 0;

	if (rnd(2)) { /* a stage moves */
		struct jh_stage *st = &d->stages[rnd((int)d->nstages)];
		st->position = rnd(3);
		analysis_inc_journey(a, d, st->journey_id);
		return;
	}

	while (i < d->njourneys && d->journeys[i].id != 9)
		i++;
	if (i < d->njourneys)
		DROP(d->journeys, d->njourneys, i);
	else
		add_journey(d, 9);
	analysis_inc_journey(a, d, 9);
}

static void random_change(struct analysis_inc *a, struct jh_data *d)
{
	switch (rnd(9)) {
	case 0:
	case 1:
		change_tp(a, d);
		break;
	case 2:
	case 3:
		change_pain(a, d);
		break;
	case 4:
	case 5:
		change_idea(a, d);
		break;
	case 6:
	case 7:
		change_vote(a, d);
		break;
	default:
		change_journey(a, d);
	}
}

/* ---------------------------------------------------- hand-worked */

Test(analysis_inc, one_score_moves_the_weakest_link_and_the_mark)
{
	struct jh_data d;
	struct analysis_inc a;

	rnd_state = 7;
	workshop(&d, 0);
	d.workshop.method = "impact-effort";
	add_tp(&d);
	add_tp(&d);
	d.touchpoints[0].journey_id = d.touchpoints[1].journey_id = 1;
	d.touchpoints[0].stage_id = d.touchpoints[1].stage_id = 10;
	d.touchpoints[0].score = -1;
	d.touchpoints[0].reach = 50; /* exposure 50 */
	d.touchpoints[1].score = 1;
	add_pain(&d);
	d.painpoints[0].touchpoint_id = d.touchpoints[1].id;
	add_idea(&d);
	d.ideas[0].npainpoints = 1;
	d.ideas[0].painpoints[0] = d.painpoints[0].id;
	analysis_inc_build(&a, &d);
	cr_assert_eq(analysis_inc_stats(&a, 1)->weakest_link, d.touchpoints[0].id);
	cr_assert_eq(analysis_inc_stats(&a, 1)->cx_capital, 0);
	/* The idea's pain point sits on the other touchpoint: no mark yet. */
	same_as_fresh(&a, &d);
	d.touchpoints[1].score = -2;
	d.touchpoints[1].reach = 50; /* exposure 100 */
	analysis_inc_touchpoint(&a, &d, d.touchpoints[1].id);
	cr_assert_eq(analysis_inc_stats(&a, 1)->weakest_link, d.touchpoints[1].id);
	cr_assert_eq(analysis_inc_stats(&a, 1)->cx_capital, -3);
	cr_assert_eq(analysis_inc_stats(&a, 1)->weakest_exposure, 100);
	same_as_fresh(&a, &d);
	analysis_inc_free(&a);
	free_data(&d);
}

Test(analysis_inc, a_vote_moves_the_rank_under_the_votes_method)
{
	struct jh_data d;
	struct analysis_inc a;

	rnd_state = 11;
	workshop(&d, 0);
	d.workshop.method = "votes";
	add_idea(&d);
	add_idea(&d);
	analysis_inc_build(&a, &d);
	/* No votes: the lower id leads. */
	cr_assert_eq(analysis_inc_rank(&a, d.ideas[0].id), 1);
	cr_assert_eq(analysis_inc_rank(&a, d.ideas[1].id), 2);
	struct jh_vote v = {++next_id, 1, d.ideas[1].id, 2, 0, 0};
	*PUSH(d.votes, d.nvotes) = v;
	analysis_inc_vote(&a, &d, v.id);
	cr_assert_eq(analysis_inc_rank(&a, d.ideas[1].id), 1);
	cr_assert_eq(analysis_inc_rank(&a, d.ideas[0].id), 2);
	d.nvotes = 0;
	analysis_inc_vote(&a, &d, v.id);
	cr_assert_eq(analysis_inc_rank(&a, d.ideas[0].id), 1);
	same_as_fresh(&a, &d);
	analysis_inc_free(&a);
	free_data(&d);
}

/* ---------------------------------------------------- property runs */

static void property_run(unsigned seed, int size, int changes)
{
	struct jh_data d;
	struct analysis_inc a;

	rnd_state = seed;
	workshop(&d, size);
	analysis_inc_build(&a, &d);
	same_as_fresh(&a, &d);
	for (int i = 0; i < changes; i++) {
		random_change(&a, &d);
		same_as_fresh(&a, &d);
	}
	analysis_inc_free(&a);
	free_data(&d);
}

Test(analysis_inc, thousands_of_random_changes_match_a_fresh_computation)
{
	/* 60 workshops x 100 changes: small and crowded ones (many ties,
	 * shared touchpoints) and larger ones. */
	for (unsigned seed = 1; seed <= 60; seed++)
		property_run(seed, seed % 3 ? 6 : 25, 100);
}

Test(analysis_inc, a_fresh_build_after_the_changes_agrees_too)
{
	struct jh_data d;
	struct analysis_inc a, b;

	rnd_state = 4242;
	workshop(&d, 15);
	analysis_inc_build(&a, &d);
	for (int i = 0; i < 500; i++)
		random_change(&a, &d);
	analysis_inc_build(&b, &d);
	for (size_t i = 0; i < d.nideas; i++)
		cr_assert_eq(analysis_inc_rank(&a, d.ideas[i].id),
			     analysis_inc_rank(&b, d.ideas[i].id));
	same_as_fresh(&a, &d);
	same_as_fresh(&b, &d);
	analysis_inc_free(&a);
	analysis_inc_free(&b);
	free_data(&d);
}
