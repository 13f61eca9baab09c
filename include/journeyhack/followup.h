/* followup.h: follow-up sessions, pure functions over loaded workshops.
 *
 * What a follow-up carries from the workshop it follows, and the report
 * that compares the two: each carried action done, still open or overdue,
 * the pain points whose touchpoint was scored differently, and each
 * journey's CX capital then and now. Items are matched across the two by
 * UUID, which a follow-up keeps (store_workshop_follow). */
#ifndef JOURNEYHACK_FOLLOWUP_H
#define JOURNEYHACK_FOLLOWUP_H

#include <stddef.h>

#include "journeyhack/model.h"

/* What a follow-up of d carries, as indexes in d's order: every action
 * not done and every parking-lot entry not answered. */
struct followup_carry {
	size_t *actions;
	size_t nactions;
	size_t *parking;
	size_t nparking;
};

void followup_carry(const struct jh_data *d, struct followup_carry *out);
void followup_carry_free(struct followup_carry *c);

enum followup_state { FOLLOWUP_DONE, FOLLOWUP_OPEN, FOLLOWUP_OVERDUE };

/* A score as the report writes it: "+1", "0", "-2" (buf: 8 bytes). */
const char *followup_score(int score, char *buf);

/* "done", "open", "overdue": the report's words, never translated. */
const char *followup_state_name(enum followup_state s);

struct followup_action {
	size_t then, now; /* indexes into then->actions and now->actions */
	enum followup_state state;
};

/* A pain point of the earlier session whose touchpoint scores differently
 * now; indexes into then->painpoints, then->touchpoints, now->touchpoints. */
struct followup_change {
	size_t painpoint, then_tp, now_tp;
};

struct followup_journey {
	const char *name;	       /* now's name, or then's when it is gone */
	int in_then, in_now;	       /* the journey exists in that session */
	int then_capital, now_capital; /* 0 where it does not exist */
};

struct followup_report {
	struct followup_action *actions; /* now's carried actions, in now's order */
	size_t nactions;
	size_t ndone, nopen, noverdue;
	struct followup_change *changes; /* in then's pain point order */
	size_t nchanges;
	struct followup_journey *journeys; /* now's journeys, then those gone */
	size_t njourneys;
	size_t nparking, nanswered; /* carried parking-lot entries, answered since */
};

/* Compare session `now` with `then`, the one it follows; today
 * (YYYY-MM-DD) decides what is overdue. Free with followup_report_free. */
void followup_report(const struct jh_data *then, const struct jh_data *now, const char *today,
		     struct followup_report *out);
void followup_report_free(struct followup_report *r);

#endif
