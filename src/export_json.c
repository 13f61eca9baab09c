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
#include "journeyhack/export_facts.h"
#include "journeyhack/export_fields.h"
#include "journeyhack/export_w.h"
#include "journeyhack/session.h"

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
	/* A tiny negative rounds to "-0", which reads as a sign it has not. */
	export_w_puts(j->w, strcmp(b, "-0") ? b : "0");
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

/* One of an item's own values, as the field table describes it. */
static void field(struct json *j, const struct jh_field_def *f, const void *item)
{
	const jh_id *ids;
	size_t n;

	switch (f->type) {
	case JF_INT:
		kint(j, f->name, kinds_num(f, item));
		break;
	case JF_BOOL:
		kbool(j, f->name, kinds_num(f, item) != 0);
		break;
	case JF_REF:
		kref(j, f->name, (jh_id)kinds_num(f, item));
		break;
	case JF_DATE:
		kdate(j, f->name, kinds_text(f, item));
		break;
	case JF_IDLIST:
		ids = kinds_ids(f, item, &n);
		open_(j, f->name, '[');
		for (size_t k = 0; k < n; k++) {
			next(j);
			export_w_printf(j->w, "%lld", (long long)ids[k]);
		}
		close_(j, ']');
		break;
	default:
		kstr(j, f->name, kinds_text(f, item));
	}
}

/* vote_of: the workshop when item is a vote; it says whether the voter
 * may be named. */
static void fields(struct json *j, const struct export_fields *fl, const void *item,
		   const struct jh_data *vote_of)
{
	for (size_t i = 0; i < fl->n; i++) {
		if (vote_of && fl->f[i]->type == JF_REF && fl->f[i]->ref == JH_PARTICIPANT)
			kref(j, fl->f[i]->name, session_vote_voter(vote_of, item));
		else
			field(j, fl->f[i], item);
	}
}

static void workshop(struct json *j, const struct jh_data *d, const struct export_facts *x)
{
	const struct jh_workshop *w = &d->workshop;
	struct export_fields fl;

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
	export_fields_workshop(&fl);
	fields(j, &fl, w, NULL);
	kint(j, "current_step", w->current_step);
	strings(j, "channels", d->channels, d->nchannels);
	strings(j, "default_stages", d->stage_names, d->nstage_names);
	strings(j, "prompts", d->prompts, d->nprompts);
}

/* The values the analysis adds to the i-th item of a kind. */
typedef void computed_fn(struct json *j, const struct jh_data *d, const struct export_facts *x,
			 size_t i);

static void painpoint_facts(struct json *j, const struct jh_data *d, const struct export_facts *x,
			    size_t i)
{
	const struct jh_painpoint *p = &d->painpoints[i];

	kint(j, "weight", (long long)p->severity * p->frequency);
	kbool(j, "on_weakest_link", export_facts_is_weakest(x, d, p->touchpoint_id));
}

static void idea_facts(struct json *j, const struct jh_data *d, const struct export_facts *x,
		       size_t i)
{
	const struct jh_ranked_idea *r = x->by_idea[i];

	(void)d;
	knum(j, "score", r->score);
	kint(j, "votes", r->votes);
	kint(j, "rank", r->rank);
	kstr(j, "quadrant", analysis_quadrant_name(r->quadrant));
	kbool(j, "on_weakest_link", r->on_weakest_link);
}

static void action_facts(struct json *j, const struct jh_data *d, const struct export_facts *x,
			 size_t i)
{
	kbool(j, "overdue", analysis_action_overdue(&d->actions[i], x->today));
}

/* Every item of kind k under its plural, its values and then its facts;
 * only journey's, without that field, when journey is set. */
static void items(struct json *j, const struct jh_data *d, const struct export_facts *x,
		  enum jh_kind k, computed_fn *computed, jh_id journey)
{
	const struct jh_kind_def *kd = kinds_get(k);
	const struct jh_field_def *parent = journey ? kinds_field(kd, "journey") : NULL;
	struct export_fields fl;
	size_t n = kinds_count(kd, d);

	export_fields_item(&fl, k, journey ? "journey" : NULL);
	open_(j, kd->plural, '[');
	for (size_t i = 0; i < n; i++) {
		const void *it = kinds_item(kd, d, i);

		if (parent && (jh_id)kinds_num(parent, it) != journey)
			continue;
		open_(j, NULL, '{');
		fields(j, &fl, it, k == JH_VOTE ? d : NULL);
		if (computed)
			computed(j, d, x, i);
		close_(j, '}');
	}
	close_(j, ']');
}

static void touchpoint(struct json *j, const struct export_fields *fl,
		       const struct jh_touchpoint *t, jh_id weakest, int pain_weight)
{
	open_(j, NULL, '{');
	fields(j, fl, t, NULL);
	kint(j, "exposure", analysis_exposure(t));
	kint(j, "pain_weight", pain_weight);
	kbool(j, "weakest_link", t->id == weakest);
	kbool(j, "questionable", analysis_questionable(t));
	close_(j, '}');
}

static void journey_stats(struct json *j, const struct jh_data *d, const struct jh_journey_stats *s)
{
	const struct jh_touchpoint *weak = model_touchpoint(d, s->weakest_link);

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
}

static void journeys(struct json *j, const struct jh_data *d, const struct export_facts *x)
{
	int *weights = analysis_pain_weights(d);
	struct export_fields fl, tfl;

	export_fields_item(&fl, JH_JOURNEY, NULL);
	export_fields_item(&tfl, JH_TOUCHPOINT, NULL);
	open_(j, "journeys", '[');
	for (size_t i = 0; i < d->njourneys; i++) {
		const struct jh_journey *jr = &d->journeys[i];
		size_t n, *idx = analysis_journey_touchpoints(d, jr->id, &n);

		open_(j, NULL, '{');
		fields(j, &fl, jr, NULL);
		journey_stats(j, d, &x->journeys[i]);
		items(j, d, x, JH_STAGE, NULL, jr->id);
		open_(j, "touchpoints", '[');
		for (size_t k = 0; k < n; k++)
			touchpoint(j, &tfl, &d->touchpoints[idx[k]], x->journeys[i].weakest_link,
				   weights[idx[k]]);
		close_(j, ']');
		close_(j, '}');
		free(idx);
	}
	close_(j, ']');
	free(weights);
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
	items(&j, d, &x, JH_PARTICIPANT, NULL, 0);
	items(&j, d, &x, JH_STEP, NULL, 0);
	journeys(&j, d, &x);
	items(&j, d, &x, JH_PAINPOINT, painpoint_facts, 0);
	items(&j, d, &x, JH_IDEA, idea_facts, 0);
	items(&j, d, &x, JH_VOTE, NULL, 0);
	items(&j, d, &x, JH_ACTION, action_facts, 0);
	items(&j, d, &x, JH_PARKING, NULL, 0);
	export_w_puts(&w, "\n}\n");
	export_facts_free(&x);
	return export_w_done(&w, err);
}
