/* rounds.h: the rules of voting rounds and of "ready" markers, over a
 * loaded workshop.
 *
 * A round is a window of dot voting the facilitator opens and closes. It
 * has its own budget (dots per participant, the workshop's per-idea cap
 * still applies) and covers every idea or a chosen few. While it is open
 * only its ideas take votes, and everyone, the facilitator too, sees
 * "?" for the totals and the backlog in the order it had when the round
 * opened: the round's dots count nowhere until it closes, and then all at
 * once. Votes outside any round keep the workshop's budget, counted over
 * the votes given outside rounds.
 *
 * Ready markers: each participant says "done with this step"; moving the
 * agenda clears them (the store's trigger). Pure: no SQL, no printing. */
#ifndef JOURNEYHACK_ROUNDS_H
#define JOURNEYHACK_ROUNDS_H

#include <stddef.h>

#include "journeyhack/err.h"
#include "journeyhack/model.h"

/* ---- rounds ---- */

/* The open round, NULL when none. */
const struct jh_round *rounds_open(const struct jh_data *d);
/* The round with the highest number, NULL when there was none. */
const struct jh_round *rounds_latest(const struct jh_data *d);
/* Idea idea_id is in round r. */
int rounds_has_idea(const struct jh_round *r, jh_id idea_id);
/* Vote v counts in the totals everyone sees: it is not in the open round. */
int rounds_vote_shown(const struct jh_data *d, const struct jh_vote *v);
/* Vote v is spent from the budget in force now: it was given in the open
 * round, or outside any round when none is open. */
int rounds_vote_spent(const struct jh_data *d, const struct jh_vote *v);
/* The dots per participant in force now: the open round's, else the
 * workshop's. */
int rounds_budget(const struct jh_data *d);
/* 0 when idea_id may take votes now (no round open, or it is in the open
 * round r, NULL: none), else -1 with err. */
int rounds_vote_check(const struct jh_round *r, jh_id idea_id, struct jh_err *err);

/* Which ideas a new round covers. */
enum rounds_subset {
	ROUNDS_ALL,	/* every idea */
	ROUNDS_IDS,	/* the ids in `value`, comma-separated */
	ROUNDS_JOURNEY, /* ideas linked to a pain point on journey `value` (name or id) */
	ROUNDS_STATUS	/* ideas linked to a pain point with status `value` */
};

/* A round to open, checked and resolved by rounds_plan. */
struct rounds_plan {
	int number;	/* the next number */
	int dots;	/* the budget */
	int every_idea; /* ROUNDS_ALL */
	jh_id *ideas;	/* otherwise the ideas, ascending; free with rounds_plan_free */
	size_t nideas;
};

/* Work out the round to open with `dots` per participant (0: the
 * workshop's budget) over `subset`/`value`. -1 with err when a round is
 * open already, the budget is out of 1..100, an id is no idea, the
 * journey or status is unknown, or no idea matches. */
int rounds_plan(const struct jh_data *d, int dots, enum rounds_subset subset, const char *value,
		struct rounds_plan *out, struct jh_err *err);
void rounds_plan_free(struct rounds_plan *p);
/* 0 when a round is open to close, else -1 with err. */
int rounds_close_check(const struct jh_data *d, struct jh_err *err);

/* How far participant_id is in the open round r. */
struct rounds_progress {
	int number;
	int dots; /* the round's budget */
	int left; /* dots still to give */
	size_t nideas;
};
void rounds_progress(const struct jh_data *d, const struct jh_round *r, jh_id participant_id,
		     struct rounds_progress *out);

/* The dots idea_id got in round r; -1 while r is open (hidden). */
int rounds_result(const struct jh_data *d, const struct jh_round *r, jh_id idea_id);

/* ---- ready ---- */

/* Participant participant_id has said they are done with the step. */
int rounds_is_ready(const struct jh_data *d, jh_id participant_id);
/* How many participants are ready; *of (may be NULL): how many there are. */
size_t rounds_ready_count(const struct jh_data *d, size_t *of);

#endif
