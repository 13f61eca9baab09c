/* export_json.c: the whole workshop as one JSON object, with the analysis.
 *
 * Items carry their id and their fields under the command line's names
 * (a reference is the id of the item, null when unset); computed fields
 * (cx_capital, at_risk, channel_hops, weakest_link, score, votes, rank,
 * quadrant, ...) sit beside them. Strings are UTF-8 with control
 * characters escaped, so jq and browsers read the file as it is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/export.h"
#include "journeyhack/util.h"
#include "journeyhack/export_facts.h"
#include "journeyhack/export_w.h"
#include "journeyhack/text.h"

/* A tiny pretty-printer: tracks nesting and commas so the writers below
 * read like the document they produce. */
struct json {
	struct export_w *w;
	int depth;
	int first; /* no member written yet at this depth */
};

static void indent(struct json *j)
{
	export_w_putc(j->w, '\n');
	for (int i = 0; i < j->depth; i++)
		export_w_puts(j->w, "  ");
}

static void next(struct json *j)
{
	if (!j->first)
		export_w_putc(j->w, ',');
	j->first = 0;
	indent(j);
}

static void key(struct json *j, const char *k)
{
	next(j);
	export_w_json(j->w, k);
	export_w_puts(j->w, ": ");
}

static void open_(struct json *j, const char *k, char c)
{
	if (k)
		key(j, k);
	else
		next(j);
	export_w_putc(j->w, c);
	j->depth++;
	j->first = 1;
}

static void close_(struct json *j, char c)
{
	int empty = j->first;

	j->depth--;
	if (!empty)
		indent(j);
	export_w_putc(j->w, c);
	j->first = 0;
}

static void kstr(struct json *j, const char *k, const char *v)
{
	key(j, k);
	export_w_json(j->w, v);
}

static void kint(struct json *j, const char *k, long long v)
{
	key(j, k);
	export_w_printf(j->w, "%lld", v);
}

static void kbool(struct json *j, const char *k, int v)
{
	key(j, k);
	export_w_puts(j->w, v ? "true" : "false");
}

static void kref(struct json *j, const char *k, jh_id id)
{
	key(j, k);
	if (id)
		export_w_printf(j->w, "%lld", (long long)id);
	else
		export_w_puts(j->w, "null");
}

/* Up to four decimals, no trailing zeros: 2, 0.3333, 96. */
static void knum(struct json *j, const char *k, double v)
{
	char b[64];
	size_t n;

	key(j, k);
	snprintf(b, sizeof b, "%.4f", v);
	n = strlen(b);
	while (n > 1 && b[n - 1] == '0')
		b[--n] = '\0';
	if (n > 1 && b[n - 1] == '.')
		b[--n] = '\0';
	if (!strcmp(b, "-0"))
		strcpy(b, "0");
	export_w_puts(j->w, b);
}

static void kdate(struct json *j, const char *k, const char *date)
{
	if (date && *date)
		kstr(j, k, date);
	else
		kref(j, k, 0);
}

static void strings(struct json *j, const char *k, char *const *v, size_t n)
{
	open_(j, k, '[');
	for (size_t i = 0; i < n; i++) {
		next(j);
		export_w_json(j->w, v[i]);
	}
	close_(j, ']');
}

static void workshop(struct json *j, const struct jh_data *d, const struct export_facts *x)
{
	const struct jh_workshop *w = &d->workshop;

	kstr(j, "name", w->name);
	kstr(j, "title", w->title);
	kstr(j, "description", w->description);
	kstr(j, "template", w->template_name);
	kdate(j, "created", w->created);
	kstr(j, "exported", x->today);
	kstr(j, "method", analysis_method_name(x->method));
	kint(j, "dots", w->dots_per_participant);
	kint(j, "max_dots", w->max_dots_per_idea);
	kbool(j, "anonymous", w->anonymous_votes);
	kint(j, "current_step", w->current_step);
	strings(j, "channels", d->channels, d->nchannels);
	strings(j, "default_stages", d->stage_names, d->nstage_names);
	strings(j, "prompts", d->prompts, d->nprompts);
}

static void participants(struct json *j, const struct jh_data *d)
{
	open_(j, "participants", '[');
	for (size_t i = 0; i < d->nparticipants; i++) {
		const struct jh_participant *p = &d->participants[i];
		open_(j, NULL, '{');
		kint(j, "id", p->id);
		kstr(j, "name", p->name);
		kstr(j, "department", p->department);
		kstr(j, "role", p->role);
		close_(j, '}');
	}
	close_(j, ']');
}

static void steps(struct json *j, const struct jh_data *d)
{
	open_(j, "steps", '[');
	for (size_t i = 0; i < d->nsteps; i++) {
		const struct jh_step *s = &d->steps[i];
		open_(j, NULL, '{');
		kint(j, "id", s->id);
		kint(j, "position", s->position);
		kint(j, "day", s->day);
		kstr(j, "title", s->title);
		kint(j, "minutes", s->minutes);
		kstr(j, "view", s->view);
		kbool(j, "private", s->private_);
		kbool(j, "revealed", s->revealed);
		kstr(j, "notes", s->notes);
		close_(j, '}');
	}
	close_(j, ']');
}

static void touchpoint(struct json *j, const struct jh_touchpoint *t, jh_id weakest,
		       int pain_weight)
{
	open_(j, NULL, '{');
	kint(j, "id", t->id);
	kref(j, "journey", t->journey_id);
	kref(j, "stage", t->stage_id);
	kint(j, "position", t->position);
	kstr(j, "name", t->name);
	kstr(j, "channel", t->channel);
	kstr(j, "owner", t->owner);
	kint(j, "score", t->score);
	kint(j, "reach", t->reach);
	kint(j, "potential", t->potential);
	kstr(j, "notes", t->notes);
	kint(j, "exposure", analysis_exposure(t));
	kint(j, "pain_weight", pain_weight);
	kbool(j, "weakest_link", t->id == weakest);
	kbool(j, "questionable", analysis_questionable(t));
	close_(j, '}');
}

static void journeys(struct json *j, const struct jh_data *d, const struct export_facts *x)
{
	int *weights = analysis_pain_weights(d);

	open_(j, "journeys", '[');
	for (size_t i = 0; i < d->njourneys; i++) {
		const struct jh_journey *jr = &d->journeys[i];
		const struct jh_journey_stats *s = &x->journeys[i];
		const struct jh_touchpoint *weak = model_touchpoint(d, s->weakest_link);
		size_t n, *idx = analysis_journey_touchpoints(d, jr->id, &n);

		open_(j, NULL, '{');
		kint(j, "id", jr->id);
		kint(j, "position", jr->position);
		kstr(j, "name", jr->name);
		kstr(j, "description", jr->description);
		kint(j, "cx_capital", s->cx_capital);
		kbool(j, "at_risk", s->at_risk);
		kint(j, "channel_hops", s->channel_hops);
		if (weak) {
			open_(j, "weakest_link", '{');
			kint(j, "id", weak->id);
			kstr(j, "name", weak->name);
			close_(j, '}');
		} else {
			kref(j, "weakest_link", 0);
		}
		kint(j, "positive", s->npositive);
		kint(j, "neutral", s->nneutral);
		kint(j, "negative", s->nnegative);
		open_(j, "stages", '[');
		for (size_t k = 0; k < d->nstages; k++) {
			const struct jh_stage *st = &d->stages[k];
			if (st->journey_id != jr->id)
				continue;
			open_(j, NULL, '{');
			kint(j, "id", st->id);
			kint(j, "position", st->position);
			kstr(j, "name", st->name);
			close_(j, '}');
		}
		close_(j, ']');
		open_(j, "touchpoints", '[');
		for (size_t k = 0; k < n; k++)
			touchpoint(j, &d->touchpoints[idx[k]], s->weakest_link, weights[idx[k]]);
		close_(j, ']');
		close_(j, '}');
		free(idx);
	}
	close_(j, ']');
	free(weights);
}

static void painpoints(struct json *j, const struct jh_data *d, const struct export_facts *x)
{
	open_(j, "painpoints", '[');
	for (size_t i = 0; i < d->npainpoints; i++) {
		const struct jh_painpoint *p = &d->painpoints[i];
		open_(j, NULL, '{');
		kint(j, "id", p->id);
		kstr(j, "title", p->title);
		kref(j, "touchpoint", p->touchpoint_id);
		kint(j, "severity", p->severity);
		kint(j, "frequency", p->frequency);
		kstr(j, "evidence", p->evidence);
		kstr(j, "status", p->status);
		kref(j, "author", p->author_id);
		kref(j, "step", p->step_id);
		kint(j, "weight", (long long)p->severity * p->frequency);
		kbool(j, "on_weakest_link", export_facts_is_weakest(x, d, p->touchpoint_id));
		close_(j, '}');
	}
	close_(j, ']');
}

static void ideas(struct json *j, const struct jh_data *d, const struct export_facts *x)
{
	open_(j, "ideas", '[');
	for (size_t i = 0; i < d->nideas; i++) {
		const struct jh_idea *idea = &d->ideas[i];
		const struct jh_ranked_idea *r = x->by_idea[i];
		open_(j, NULL, '{');
		kint(j, "id", idea->id);
		kstr(j, "title", idea->title);
		kstr(j, "belief", idea->belief);
		kstr(j, "experiment", idea->experiment);
		kstr(j, "metric", idea->metric);
		kstr(j, "success", idea->success);
		kint(j, "impact", idea->impact);
		kint(j, "effort", idea->effort);
		kint(j, "confidence", idea->confidence);
		kint(j, "reach", idea->reach);
		open_(j, "painpoints", '[');
		for (size_t k = 0; k < idea->npainpoints; k++) {
			next(j);
			export_w_printf(j->w, "%lld", (long long)idea->painpoints[k]);
		}
		close_(j, ']');
		kref(j, "author", idea->author_id);
		kref(j, "step", idea->step_id);
		knum(j, "score", r->score);
		kint(j, "votes", r->votes);
		kint(j, "rank", r->rank);
		kstr(j, "quadrant", analysis_quadrant_name(r->quadrant));
		kbool(j, "on_weakest_link", r->on_weakest_link);
		close_(j, '}');
	}
	close_(j, ']');
}

static void votes(struct json *j, const struct jh_data *d)
{
	open_(j, "votes", '[');
	for (size_t i = 0; i < d->nvotes; i++) {
		const struct jh_vote *v = &d->votes[i];
		open_(j, NULL, '{');
		kint(j, "id", v->id);
		kref(j, "idea", v->idea_id);
		/* Anonymous voting stays anonymous outside the room. */
		kref(j, "participant", d->workshop.anonymous_votes ? 0 : v->participant_id);
		kint(j, "dots", v->dots);
		close_(j, '}');
	}
	close_(j, ']');
}

static void actions(struct json *j, const struct jh_data *d, const struct export_facts *x)
{
	open_(j, "actions", '[');
	for (size_t i = 0; i < d->nactions; i++) {
		const struct jh_action *a = &d->actions[i];
		open_(j, NULL, '{');
		kint(j, "id", a->id);
		kstr(j, "title", a->title);
		kref(j, "idea", a->idea_id);
		kstr(j, "owner", a->owner);
		kdate(j, "due", a->due);
		kstr(j, "status", a->status);
		kstr(j, "notes", a->notes);
		kbool(j, "overdue", analysis_action_overdue(a, x->today));
		close_(j, '}');
	}
	close_(j, ']');
}

static void parking(struct json *j, const struct jh_data *d)
{
	open_(j, "parking", '[');
	for (size_t i = 0; i < d->nparking; i++) {
		const struct jh_parking *p = &d->parking[i];
		open_(j, NULL, '{');
		kint(j, "id", p->id);
		kstr(j, "text", p->text);
		kbool(j, "answered", p->answered);
		kstr(j, "answer", p->answer);
		kref(j, "author", p->author_id);
		close_(j, '}');
	}
	close_(j, ']');
}

int export_json(FILE *f, const struct jh_data *d, struct jh_err *err)
{
	struct export_w w;
	struct export_facts x;
	struct json j = {&w, 0, 1};

	export_w_init(&w, f);
	export_facts_init(&x, d);
	export_w_putc(&w, '{');
	j.depth = 1;
	workshop(&j, d, &x);
	participants(&j, d);
	steps(&j, d);
	journeys(&j, d, &x);
	painpoints(&j, d, &x);
	ideas(&j, d, &x);
	votes(&j, d);
	actions(&j, d, &x);
	parking(&j, d);
	export_w_puts(&w, "\n}\n");
	export_facts_free(&x);
	return export_w_done(&w, err);
}
