/* test_perf_views.c: what a key or a change costs must not grow with the
 * workshop (issue 12). Operations are counted, never timed: the records
 * the kept aggregates examine (analysis_inc's work count) and the ideas
 * the pain point view's index hands out per selection. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/analysis_inc.h"
#include "journeyhack/model_index.h"
#include "journeyhack/util.h"

/* A workshop of `journeys` journeys of 10 touchpoints, two pain points
 * per touchpoint, one idea per pain point (linking it and the next) and
 * two votes per idea: everything grows with the size except a journey. */
static void workshop(struct jh_data *d, size_t journeys)
{
	jh_id id = 1;

	memset(d, 0, sizeof *d);
	d->workshop.method = "impact-effort";
	d->njourneys = journeys;
	d->journeys = util_xcalloc(journeys, sizeof *d->journeys);
	d->nstages = journeys;
	d->stages = util_xcalloc(journeys, sizeof *d->stages);
	d->ntouchpoints = 10 * journeys;
	d->touchpoints = util_xcalloc(d->ntouchpoints, sizeof *d->touchpoints);
	d->npainpoints = d->nideas = 2 * d->ntouchpoints;
	d->painpoints = util_xcalloc(d->npainpoints, sizeof *d->painpoints);
	d->ideas = util_xcalloc(d->nideas, sizeof *d->ideas);
	d->nvotes = 2 * d->nideas;
	d->votes = util_xcalloc(d->nvotes, sizeof *d->votes);
	for (size_t j = 0; j < journeys; j++) {
		d->journeys[j].id = id++;
		d->stages[j] = (struct jh_stage){.journey_id = d->journeys[j].id};
		d->stages[j].id = id++;
	}
	/* Ids are given apart from the initialisers, whose order of
	 * evaluation C leaves open. */
	for (size_t i = 0; i < d->ntouchpoints; i++) {
		d->touchpoints[i] = (struct jh_touchpoint){.journey_id = d->journeys[i / 10].id,
							   .stage_id = d->stages[i / 10].id,
							   .position = (int)(i % 10),
							   .channel = i % 3 ? "Web" : "Shop",
							   .score = (int)(i % 5) - 2,
							   .reach = (int)(i % 4) * 25};
		d->touchpoints[i].id = id++;
	}
	for (size_t i = 0; i < d->npainpoints; i++) {
		d->painpoints[i] = (struct jh_painpoint){
		    .touchpoint_id = d->touchpoints[i / 2].id,
		    .severity = (int)(i % 5) + 1,
		    .frequency = 3,
		    .status = "open",
		};
		d->painpoints[i].id = id++;
	}
	for (size_t i = 0; i < d->nideas; i++) {
		struct jh_idea *x = &d->ideas[i];
		*x = (struct jh_idea){
		    .impact = (int)(i % 5) + 1, .effort = (int)(i % 4) + 1, .confidence = 3};
		x->id = id++;
		x->npainpoints = i + 1 < d->npainpoints ? 2 : 1;
		x->painpoints = util_xcalloc(2, sizeof *x->painpoints);
		x->painpoints[0] = d->painpoints[i].id;
		if (x->npainpoints == 2)
			x->painpoints[1] = d->painpoints[i + 1].id;
	}
	for (size_t i = 0; i < d->nvotes; i++) {
		d->votes[i] = (struct jh_vote){
		    .participant_id = (jh_id)(i % 2) + 1, .idea_id = d->ideas[i / 2].id, .dots = 1};
		d->votes[i].id = id++;
	}
}

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
}

enum change { TOUCHPOINT, PAINPOINT, IDEA, VOTE, NCHANGES };

/* Records examined by one change in the middle of the workshop. */
static unsigned long change_cost(size_t journeys, enum change c, unsigned long *build)
{
	struct jh_data d;
	struct analysis_inc a;
	unsigned long before;
	size_t mid;

	workshop(&d, journeys);
	analysis_inc_build(&a, &d);
	*build = a.work;
	before = a.work;
	mid = d.ntouchpoints / 2;
	switch (c) {
	case TOUCHPOINT:
		d.touchpoints[mid].score = -2;
		d.touchpoints[mid].reach = 100;
		analysis_inc_touchpoint(&a, &d, d.touchpoints[mid].id);
		break;
	case PAINPOINT:
		d.painpoints[mid].severity = 5;
		d.painpoints[mid].status = "addressed";
		analysis_inc_painpoint(&a, &d, d.painpoints[mid].id);
		break;
	case IDEA:
		d.ideas[mid].impact = 5;
		d.ideas[mid].effort = 1;
		analysis_inc_idea(&a, &d, d.ideas[mid].id);
		break;
	case VOTE:
	case NCHANGES:
		d.votes[mid].dots = 3;
		analysis_inc_vote(&a, &d, d.votes[mid].id);
		break;
	}
	before = a.work - before;
	analysis_inc_free(&a);
	free_data(&d);
	return before;
}

static unsigned long log2_of(size_t n)
{
	unsigned long l = 0;

	while (n >>= 1)
		l++;
	return l;
}

Test(perf_views, one_change_costs_a_few_binary_searches_at_any_size)
{
	static const char *const names[] = {"touchpoint", "pain point", "idea", "vote"};

	for (int c = 0; c < NCHANGES; c++) {
		unsigned long b[2], w[2];
		for (int k = 0; k < 2; k++) {
			size_t journeys = k ? 500 : 50, ideas = 20 * journeys;
			w[k] = change_cost(journeys, (enum change)c, &b[k]);
			/* The one journey (10 touchpoints), the item's links and
			 * a few dozen binary searches: a scan of the ideas would
			 * be 1 000 and 10 000 records. */
			cr_assert_leq(w[k], 64 * log2_of(ideas), "%s: %lu records at %zu ideas",
				      names[c], w[k], ideas);
		}
		/* The build is n log n: 10x the items, at most 14x the work. */
		cr_assert_leq(b[1], b[0] * 14, "build: %lu then %lu", b[0], b[1]);
	}
}

/* The inverse index of links: each pain point's ideas and nothing else,
 * so the pain point view's detail pane costs the ideas it shows. */
Test(perf_views, pain_point_index_lists_exactly_the_linking_ideas)
{
	struct jh_data d;
	struct model_index ix;
	struct model_index_links l;
	size_t links = 0;

	workshop(&d, 3);
	/* A repeated link counts once, a link to a removed pain point not. */
	d.ideas[0].painpoints[1] = d.ideas[0].painpoints[0];
	d.ideas[1].painpoints[1] = 999999;
	model_index_build(&ix, &d);
	model_index_pain_ideas(&l, &ix);
	cr_assert_eq(l.n, d.npainpoints);
	for (size_t p = 0; p < d.npainpoints; p++) {
		size_t want = 0;
		for (size_t i = 0; i < d.nideas; i++)
			for (size_t k = 0; k < d.ideas[i].npainpoints; k++)
				if (d.ideas[i].painpoints[k] == d.painpoints[p].id &&
				    (!k || d.ideas[i].painpoints[k - 1] != d.painpoints[p].id)) {
					cr_assert_lt(l.at[p] + want, l.at[p + 1]);
					cr_assert_eq(l.idea[l.at[p] + want], i, "pain %zu", p);
					want++;
				}
		cr_assert_eq(l.at[p + 1] - l.at[p], want, "pain %zu", p);
		links += want;
	}
	cr_assert_eq(l.at[d.npainpoints], links);
	/* Hand-checked: pain 0 is linked by idea 0 only (its repeat dropped). */
	cr_assert_eq(l.at[1] - l.at[0], 1);
	cr_assert_eq(l.idea[l.at[0]], 0);
	model_index_links_free(&l);
	model_index_free(&ix);
	free_data(&d);
}
