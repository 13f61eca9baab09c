/* rounds.c: voting rounds and ready markers (rounds.h). */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/names.h"
#include "journeyhack/rounds.h"
#include "journeyhack/util.h"

#define ROUNDS_MAX_DOTS 100 /* the store's range for a budget */

const struct jh_round *rounds_open(const struct jh_data *d)
{
	for (size_t i = 0; i < d->nrounds; i++)
		if (d->rounds[i].open)
			return &d->rounds[i];
	return NULL;
}

const struct jh_round *rounds_latest(const struct jh_data *d)
{
	const struct jh_round *last = NULL;

	for (size_t i = 0; i < d->nrounds; i++)
		if (!last || d->rounds[i].number > last->number)
			last = &d->rounds[i];
	return last;
}

int rounds_has_idea(const struct jh_round *r, jh_id idea_id)
{
	size_t lo = 0, hi = r->nideas;

	if (r->every_idea)
		return 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->ideas[mid] == idea_id)
			return 1;
		if (r->ideas[mid] < idea_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int rounds_vote_shown(const struct jh_data *d, const struct jh_vote *v)
{
	const struct jh_round *r = rounds_open(d);

	return !r || v->round_id != r->id;
}

int rounds_vote_spent(const struct jh_data *d, const struct jh_vote *v)
{
	const struct jh_round *r = rounds_open(d);

	return v->round_id == (r ? r->id : 0);
}

int rounds_budget(const struct jh_data *d)
{
	const struct jh_round *r = rounds_open(d);

	return r ? r->dots : d->workshop.dots_per_participant;
}

int rounds_vote_check(const struct jh_round *r, jh_id idea_id, struct jh_err *err)
{
	if (!r || rounds_has_idea(r, idea_id))
		return 0;
	return err_set(err, _("vote refused: idea %lld is not in round %d"), (long long)idea_id,
		       r->number);
}

/* ---------------------------------------------------------------- opening */

static void plan_add(struct rounds_plan *p, size_t *cap, jh_id id)
{
	for (size_t i = 0; i < p->nideas; i++)
		if (p->ideas[i] == id)
			return;
	if (p->nideas == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		p->ideas = util_xrealloc(p->ideas, *cap * sizeof *p->ideas);
	}
	p->ideas[p->nideas++] = id;
}

static int cmp_id(const void *ctx, const void *a, const void *b)
{
	jh_id x = *(const jh_id *)a, y = *(const jh_id *)b;

	(void)ctx;
	return x < y ? -1 : x > y;
}

static int plan_ids(const struct jh_data *d, const char *value, struct rounds_plan *p,
		    struct jh_err *err)
{
	size_t cap = 0;
	char *list = util_xstrdup(value), *save = NULL;

	for (char *tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		long long id;
		if (util_parse_int(tok, &id) || !model_idea(d, (jh_id)id)) {
			err_set(err, _("--ideas: no idea \"%s\" in this workshop"), tok);
			free(list);
			return -1;
		}
		plan_add(p, &cap, (jh_id)id);
	}
	free(list);
	return 0;
}

static const struct jh_journey *journey_named(const struct jh_data *d, const char *value)
{
	long long id;

	if (!util_parse_int(value, &id))
		return model_journey(d, (jh_id)id);
	for (size_t i = 0; i < d->njourneys; i++)
		if (names_same(d->journeys[i].name, value))
			return &d->journeys[i];
	return NULL;
}

/* The pain point fits the subset: on the journey, or with the status. */
static int painpoint_fits(const struct jh_data *d, const struct jh_painpoint *pp,
			  enum rounds_subset subset, const char *value, jh_id journey)
{
	const struct jh_touchpoint *t;

	if (subset == ROUNDS_STATUS)
		return util_streq(pp->status, value);
	t = pp->touchpoint_id ? model_touchpoint(d, pp->touchpoint_id) : NULL;
	return t && t->journey_id == journey;
}

static int plan_linked(const struct jh_data *d, enum rounds_subset subset, const char *value,
		       struct rounds_plan *p, struct jh_err *err)
{
	const struct jh_journey *j = NULL;
	size_t cap = 0;

	if (subset == ROUNDS_JOURNEY && !(j = journey_named(d, value)))
		return err_set(err, _("--journey: no journey \"%s\" in this workshop"), value);
	if (subset == ROUNDS_STATUS && !util_streq(value, "open") &&
	    !util_streq(value, "addressed") && !util_streq(value, "dropped"))
		return err_set(err, _("--status: \"%s\" is not open, addressed or dropped"), value);
	for (size_t i = 0; i < d->nideas; i++)
		for (size_t k = 0; k < d->ideas[i].npainpoints; k++) {
			const struct jh_painpoint *pp =
			    model_painpoint(d, d->ideas[i].painpoints[k]);
			if (pp && painpoint_fits(d, pp, subset, value, j ? j->id : 0)) {
				plan_add(p, &cap, d->ideas[i].id);
				break;
			}
		}
	if (!p->nideas)
		return err_set(err, _("no idea is linked to a pain point %s \"%s\""),
			       subset == ROUNDS_JOURNEY ? _("on journey") : _("with status"),
			       value);
	return 0;
}

int rounds_plan(const struct jh_data *d, int dots, enum rounds_subset subset, const char *value,
		struct rounds_plan *out, struct jh_err *err)
{
	const struct jh_round *open = rounds_open(d), *last = rounds_latest(d);
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (open)
		return err_set(err, _("round %d is open: close it first"), open->number);
	out->dots = dots ? dots : d->workshop.dots_per_participant;
	if (out->dots < 1 || out->dots > ROUNDS_MAX_DOTS)
		return err_set(err, _("--dots: %d is out of range 1..%d"), out->dots,
			       ROUNDS_MAX_DOTS);
	out->number = last ? last->number + 1 : 1;
	out->every_idea = subset == ROUNDS_ALL;
	if (subset == ROUNDS_IDS)
		rc = plan_ids(d, value, out, err);
	else if (subset != ROUNDS_ALL)
		rc = plan_linked(d, subset, value, out, err);
	if (!rc && !out->every_idea && !out->nideas)
		rc = err_set(err, _("--ideas: no idea given"));
	if (rc) {
		rounds_plan_free(out);
		return -1;
	}
	util_sort(out->ideas, out->nideas, sizeof *out->ideas, cmp_id, NULL);
	return 0;
}

void rounds_plan_free(struct rounds_plan *p)
{
	free(p->ideas);
	p->ideas = NULL;
	p->nideas = 0;
}

int rounds_close_check(const struct jh_data *d, struct jh_err *err)
{
	return rounds_open(d) ? 0 : err_set(err, _("no round is open"));
}

void rounds_progress(const struct jh_data *d, const struct jh_round *r, jh_id participant_id,
		     struct rounds_progress *out)
{
	int spent = 0;

	for (size_t i = 0; i < d->nvotes; i++)
		if (d->votes[i].round_id == r->id && d->votes[i].participant_id == participant_id)
			spent += d->votes[i].dots;
	out->number = r->number;
	out->dots = r->dots;
	out->left = r->dots - spent;
	out->nideas = r->every_idea ? d->nideas : r->nideas;
}

int rounds_result(const struct jh_data *d, const struct jh_round *r, jh_id idea_id)
{
	int n = 0;

	if (r->open)
		return -1;
	for (size_t i = 0; i < d->nvotes; i++)
		if (d->votes[i].round_id == r->id && d->votes[i].idea_id == idea_id)
			n += d->votes[i].dots;
	return n;
}

/* ---------------------------------------------------------------- ready */

int rounds_is_ready(const struct jh_data *d, jh_id participant_id)
{
	for (size_t i = 0; i < d->nready; i++)
		if (d->ready[i] == participant_id)
			return 1;
	return 0;
}

size_t rounds_ready_count(const struct jh_data *d, size_t *of)
{
	size_t n = 0;

	for (size_t i = 0; i < d->nparticipants; i++)
		n += (size_t)rounds_is_ready(d, d->participants[i].id);
	if (of)
		*of = d->nparticipants;
	return n;
}
