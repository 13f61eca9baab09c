/* followup.c: what a follow-up carries and what its report says. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/analysis.h"
#include "journeyhack/followup.h"
#include "journeyhack/util.h"

void followup_carry(const struct jh_data *d, struct followup_carry *out)
{
	memset(out, 0, sizeof *out);
	out->actions = util_xcalloc(d->nactions + 1, sizeof *out->actions);
	out->parking = util_xcalloc(d->nparking + 1, sizeof *out->parking);
	for (size_t i = 0; i < d->nactions; i++)
		if (strcmp(d->actions[i].status, "done") != 0)
			out->actions[out->nactions++] = i;
	for (size_t i = 0; i < d->nparking; i++)
		if (!d->parking[i].answered)
			out->parking[out->nparking++] = i;
}

void followup_carry_free(struct followup_carry *c)
{
	free(c->actions);
	free(c->parking);
	memset(c, 0, sizeof *c);
}

const char *followup_score(int score, char *buf)
{
	snprintf(buf, 8, score ? "%+d" : "%d", score);
	return buf;
}

const char *followup_state_name(enum followup_state s)
{
	switch (s) {
	case FOLLOWUP_DONE:
		return "done";
	case FOLLOWUP_OVERDUE:
		return "overdue";
	case FOLLOWUP_OPEN:
		break;
	}
	return "open";
}

/* An empty UUID names nothing: rows from before UUIDs never match. */
static int same_uuid(const char *a, const char *b)
{
	return a && b && *a && !strcmp(a, b);
}

#define FIND_BY_UUID(name, array, count)                                                           \
	static int name(const struct jh_data *d, const char *uuid, size_t *at)                     \
	{                                                                                          \
		for (size_t i = 0; i < d->count; i++)                                              \
			if (same_uuid(d->array[i].uuid, uuid)) {                                   \
				*at = i;                                                           \
				return 1;                                                          \
			}                                                                          \
		return 0;                                                                          \
	}

FIND_BY_UUID(find_action, actions, nactions)
FIND_BY_UUID(find_touchpoint, touchpoints, ntouchpoints)
FIND_BY_UUID(find_journey, journeys, njourneys)
FIND_BY_UUID(find_parking, parking, nparking)

static enum followup_state action_state(const struct jh_action *a, const char *today)
{
	if (!strcmp(a->status, "done"))
		return FOLLOWUP_DONE;
	return analysis_action_overdue(a, today) ? FOLLOWUP_OVERDUE : FOLLOWUP_OPEN;
}

static void report_actions(const struct jh_data *then, const struct jh_data *now, const char *today,
			   struct followup_report *r)
{
	r->actions = util_xcalloc(now->nactions + 1, sizeof *r->actions);
	for (size_t i = 0; i < now->nactions; i++) {
		struct followup_action *a = &r->actions[r->nactions];
		if (!find_action(then, now->actions[i].uuid, &a->then))
			continue;
		a->now = i;
		a->state = action_state(&now->actions[i], today);
		r->ndone += a->state == FOLLOWUP_DONE;
		r->nopen += a->state == FOLLOWUP_OPEN;
		r->noverdue += a->state == FOLLOWUP_OVERDUE;
		r->nactions++;
	}
}

/* The index of a touchpoint by id; 0 with nothing found. */
static int touchpoint_at(const struct jh_data *d, jh_id id, size_t *at)
{
	for (size_t i = 0; i < d->ntouchpoints; i++)
		if (d->touchpoints[i].id == id) {
			*at = i;
			return 1;
		}
	return 0;
}

static void report_changes(const struct jh_data *then, const struct jh_data *now,
			   struct followup_report *r)
{
	r->changes = util_xcalloc(then->npainpoints + 1, sizeof *r->changes);
	for (size_t i = 0; i < then->npainpoints; i++) {
		struct followup_change *c = &r->changes[r->nchanges];
		if (!then->painpoints[i].touchpoint_id ||
		    !touchpoint_at(then, then->painpoints[i].touchpoint_id, &c->then_tp) ||
		    !find_touchpoint(now, then->touchpoints[c->then_tp].uuid, &c->now_tp) ||
		    then->touchpoints[c->then_tp].score == now->touchpoints[c->now_tp].score)
			continue;
		c->painpoint = i;
		r->nchanges++;
	}
}

static int capital(const struct jh_data *d, jh_id journey_id)
{
	struct jh_journey_stats s;

	analysis_journey(d, journey_id, &s);
	return s.cx_capital;
}

static void report_journeys(const struct jh_data *then, const struct jh_data *now,
			    struct followup_report *r)
{
	size_t at;

	r->journeys = util_xcalloc(now->njourneys + then->njourneys + 1, sizeof *r->journeys);
	for (size_t i = 0; i < now->njourneys; i++) {
		struct followup_journey *j = &r->journeys[r->njourneys++];
		j->name = now->journeys[i].name;
		j->in_now = 1;
		j->now_capital = capital(now, now->journeys[i].id);
		if ((j->in_then = find_journey(then, now->journeys[i].uuid, &at)))
			j->then_capital = capital(then, then->journeys[at].id);
	}
	for (size_t i = 0; i < then->njourneys; i++) {
		struct followup_journey *j;
		if (find_journey(now, then->journeys[i].uuid, &at))
			continue;
		j = &r->journeys[r->njourneys++];
		j->name = then->journeys[i].name;
		j->in_then = 1;
		j->then_capital = capital(then, then->journeys[i].id);
	}
}

static void report_parking(const struct jh_data *then, const struct jh_data *now,
			   struct followup_report *r)
{
	size_t at;

	for (size_t i = 0; i < now->nparking; i++)
		if (find_parking(then, now->parking[i].uuid, &at)) {
			r->nparking++;
			r->nanswered += now->parking[i].answered != 0;
		}
}

void followup_report(const struct jh_data *then, const struct jh_data *now, const char *today,
		     struct followup_report *out)
{
	memset(out, 0, sizeof *out);
	report_actions(then, now, today, out);
	report_changes(then, now, out);
	report_journeys(then, now, out);
	report_parking(then, now, out);
}

void followup_report_free(struct followup_report *r)
{
	free(r->actions);
	free(r->changes);
	free(r->journeys);
	memset(r, 0, sizeof *r);
}
