/* analysis_inc.h: the figures of analysis.h kept up to date per change.
 *
 * Built once from a loaded workshop, the aggregates (every journey's
 * capital, counts, hops and weakest link, every touchpoint's open pain
 * weight, every idea's votes, score and weakest-link mark, and the
 * backlog in rank order) are then updated for one changed touchpoint,
 * pain point, idea, vote or journey: the caller changes its jh_data
 * first, then names the item. An update costs the touched journey, the
 * item's links and a binary search, not the workshop. The results equal
 * the pure functions of analysis.c, which stay the reference.
 *
 * A journey update also reads its touchpoints again: call it when one
 * of its stages moves. A change of the method or of which voting round
 * is open changes figures of every item: rebuild then. */
#ifndef JOURNEYHACK_ANALYSIS_INC_H
#define JOURNEYHACK_ANALYSIS_INC_H

#include <stddef.h>

#include "journeyhack/analysis.h"
#include "journeyhack/model.h"

/* A sorted array of fixed-size records. */
struct analysis_inc_set {
	unsigned char *v;
	size_t n, cap, size;
};

struct analysis_inc {
	enum jh_method method;
	struct analysis_inc_set tp_key;	  /* touchpoints by id: their order keys */
	struct analysis_inc_set tps;	  /* touchpoints in journey order */
	struct analysis_inc_set journeys; /* jh_journey_stats by journey id */
	struct analysis_inc_set pains;	  /* pain points by id */
	struct analysis_inc_set pain_at;  /* (touchpoint, pain point) pairs */
	struct analysis_inc_set links;	  /* (pain point, idea) pairs */
	struct analysis_inc_set ideas;	  /* ideas by id */
	struct analysis_inc_set rank;	  /* (score, votes, id): the backlog */
	struct analysis_inc_set votes;	  /* (vote, idea) by vote id */
	/* Records examined, for the tests that pin what an update costs. */
	unsigned long work;
};

void analysis_inc_build(struct analysis_inc *a, const struct jh_data *d);
void analysis_inc_free(struct analysis_inc *a);

/* One item of d changed, was added or was removed (absent from d). A
 * vote new to the aggregates is found by one pass over d->votes. */
void analysis_inc_touchpoint(struct analysis_inc *a, const struct jh_data *d, jh_id id);
void analysis_inc_painpoint(struct analysis_inc *a, const struct jh_data *d, jh_id id);
void analysis_inc_idea(struct analysis_inc *a, const struct jh_data *d, jh_id id);
void analysis_inc_vote(struct analysis_inc *a, const struct jh_data *d, jh_id id);
void analysis_inc_journey(struct analysis_inc *a, const struct jh_data *d, jh_id id);

/* Follow a refresh (model_patch.h) that changed d: update for each item
 * it changed. -1 when it changed more than items in a way that moves
 * figures (the method, the map read whole, a voting round, or all): the
 * aggregates must be built again. */
struct model_changes;
int analysis_inc_follow(struct analysis_inc *a, const struct jh_data *d,
			const struct model_changes *ch);

/* A journey's figures as analysis_journey gives them; NULL for an id
 * that is not a journey of d. */
const struct jh_journey_stats *analysis_inc_stats(const struct analysis_inc *a, jh_id journey);

/* Rank (1-based) of an idea in the backlog; 0 when absent. */
int analysis_inc_rank(const struct analysis_inc *a, jh_id idea);

/* The backlog as analysis_backlog gives it, from the kept order.
 * Caller frees. */
struct jh_ranked_idea *analysis_inc_backlog(const struct analysis_inc *a, const struct jh_data *d,
					    size_t *n);

#endif
