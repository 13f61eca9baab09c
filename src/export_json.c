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
#include "journeyhack/export_json.h"
#include "journeyhack/session.h"

/* vote_of: the workshop when item is a vote; it says whether the voter
 * may be named. */
static void fields(struct export_jsonw *j, const struct export_fields *fl, const void *item,
		   const struct jh_data *vote_of)
{
	for (size_t i = 0; i < fl->n; i++) {
		if (vote_of && fl->f[i]->type == JF_REF && fl->f[i]->ref == JH_PARTICIPANT)
			export_jsonw_ref(j, fl->f[i]->name, session_vote_voter(vote_of, item));
		else
			export_jsonw_field(j, fl->f[i], item);
	}
}

void export_json_settings(struct export_jsonw *j, const struct jh_workshop *w, const char *exported)
{
	/* The method the analysis applies: an unknown one counts as
	 * impact-effort (analysis_workshop_method). */
	int method = analysis_method_parse(w->method);
	struct export_fields fl;

	export_jsonw_str(j, "name", w->name);
	export_jsonw_str(j, "title", w->title);
	export_jsonw_str(j, "description", w->description);
	export_jsonw_str(j, "template", w->template_name);
	export_jsonw_date(j, "created", w->created);
	if (exported)
		export_jsonw_str(j, "exported", exported);
	export_jsonw_str(
	    j, "method",
	    analysis_method_name(method < 0 ? JH_METHOD_IMPACT_EFFORT : (enum jh_method)method));
	export_jsonw_int(j, "dots", w->dots_per_participant);
	export_jsonw_int(j, "max_dots", w->max_dots_per_idea);
	export_jsonw_bool(j, "anonymous", w->anonymous_votes);
	export_fields_workshop(&fl);
	fields(j, &fl, w, NULL);
	export_jsonw_int(j, "current_step", w->current_step);
}

void export_json_workshop(struct export_jsonw *j, const struct jh_data *d, const char *exported)
{
	export_json_settings(j, &d->workshop, exported);
	export_jsonw_strings(j, "channels", d->channels, d->nchannels);
	export_jsonw_strings(j, "default_stages", d->stage_names, d->nstage_names);
	export_jsonw_strings(j, "prompts", d->prompts, d->nprompts);
}

/* The values the analysis adds to the i-th item of a kind. */
typedef void computed_fn(struct export_jsonw *j, const struct jh_data *d,
			 const struct export_facts *x, size_t i);

static void journey_facts(struct export_jsonw *j, const struct jh_data *d,
			  const struct export_facts *x, size_t i)
{
	const struct jh_journey_stats *s = &x->journeys[i];
	const struct jh_touchpoint *weak = model_touchpoint(d, s->weakest_link);

	export_jsonw_int(j, "cx_capital", s->cx_capital);
	export_jsonw_bool(j, "at_risk", s->at_risk);
	export_jsonw_int(j, "channel_hops", s->channel_hops);
	if (weak) {
		export_jsonw_open(j, "weakest_link", '{');
		export_jsonw_int(j, "id", weak->id);
		export_jsonw_str(j, "name", weak->name);
		export_jsonw_int(j, "exposure", s->weakest_exposure);
		export_jsonw_close(j, '}');
	} else {
		export_jsonw_null(j, "weakest_link");
	}
	export_jsonw_int(j, "positive", s->npositive);
	export_jsonw_int(j, "neutral", s->nneutral);
	export_jsonw_int(j, "negative", s->nnegative);
}

static void touchpoint_facts(struct export_jsonw *j, const struct jh_data *d,
			     const struct export_facts *x, size_t i)
{
	const struct jh_touchpoint *t = &d->touchpoints[i];

	export_jsonw_int(j, "exposure", analysis_exposure(t));
	export_jsonw_int(j, "pain_weight", x->pain_weights[i]);
	export_jsonw_bool(j, "weakest_link", export_facts_is_weakest(x, d, t->id));
	export_jsonw_bool(j, "questionable", analysis_questionable(t));
}

static void painpoint_facts(struct export_jsonw *j, const struct jh_data *d,
			    const struct export_facts *x, size_t i)
{
	const struct jh_painpoint *p = &d->painpoints[i];

	export_jsonw_int(j, "weight", (long long)p->severity * p->frequency);
	export_jsonw_bool(j, "on_weakest_link", export_facts_is_weakest(x, d, p->touchpoint_id));
}

static void idea_facts(struct export_jsonw *j, const struct jh_data *d,
		       const struct export_facts *x, size_t i)
{
	const struct jh_ranked_idea *r = x->by_idea[i];

	(void)d;
	export_jsonw_num(j, "score", r->score);
	export_jsonw_int(j, "votes", r->votes);
	export_jsonw_int(j, "rank", r->rank);
	export_jsonw_str(j, "quadrant", analysis_quadrant_name(r->quadrant));
	export_jsonw_bool(j, "on_weakest_link", r->on_weakest_link);
}

static void action_facts(struct export_jsonw *j, const struct jh_data *d,
			 const struct export_facts *x, size_t i)
{
	export_jsonw_bool(j, "overdue", analysis_action_overdue(&d->actions[i], x->today));
}

static computed_fn *computed(enum jh_kind k)
{
	switch (k) {
	case JH_JOURNEY:
		return journey_facts;
	case JH_TOUCHPOINT:
		return touchpoint_facts;
	case JH_PAINPOINT:
		return painpoint_facts;
	case JH_IDEA:
		return idea_facts;
	case JH_ACTION:
		return action_facts;
	default:
		return NULL;
	}
}

void export_json_item(struct export_jsonw *j, const struct jh_data *d, const struct export_facts *x,
		      const struct export_fields *fl, enum jh_kind k, size_t i)
{
	computed_fn *fn = computed(k);

	fields(j, fl, kinds_item(kinds_get(k), d, i), k == JH_VOTE ? d : NULL);
	if (fn)
		fn(j, d, x, i);
}

/* Every item of kind k under its plural, its values and then its facts;
 * only journey's, without that field, when journey is set. */
static void items(struct export_jsonw *j, const struct jh_data *d, const struct export_facts *x,
		  enum jh_kind k, jh_id journey)
{
	const struct jh_kind_def *kd = kinds_get(k);
	const struct jh_field_def *parent = journey ? kinds_field(kd, "journey") : NULL;
	struct export_fields fl;
	size_t n = kinds_count(kd, d);

	export_fields_item(&fl, k, journey ? "journey" : NULL);
	export_jsonw_open(j, kd->plural, '[');
	for (size_t i = 0; i < n; i++) {
		if (parent && (jh_id)kinds_num(parent, kinds_item(kd, d, i)) != journey)
			continue;
		export_jsonw_open(j, NULL, '{');
		export_json_item(j, d, x, &fl, k, i);
		export_jsonw_close(j, '}');
	}
	export_jsonw_close(j, ']');
}

static void journeys(struct export_jsonw *j, const struct jh_data *d, const struct export_facts *x)
{
	struct export_fields fl, tfl;

	export_fields_item(&fl, JH_JOURNEY, NULL);
	export_fields_item(&tfl, JH_TOUCHPOINT, NULL);
	export_jsonw_open(j, "journeys", '[');
	for (size_t i = 0; i < d->njourneys; i++) {
		size_t n, *idx = analysis_journey_touchpoints(d, d->journeys[i].id, &n);

		export_jsonw_open(j, NULL, '{');
		export_json_item(j, d, x, &fl, JH_JOURNEY, i);
		items(j, d, x, JH_STAGE, d->journeys[i].id);
		export_jsonw_open(j, "touchpoints", '[');
		for (size_t k = 0; k < n; k++) {
			export_jsonw_open(j, NULL, '{');
			export_json_item(j, d, x, &tfl, JH_TOUCHPOINT, idx[k]);
			export_jsonw_close(j, '}');
		}
		export_jsonw_close(j, ']');
		export_jsonw_close(j, '}');
		free(idx);
	}
	export_jsonw_close(j, ']');
}

int export_json(FILE *f, const struct jh_data *d, struct jh_err *err)
{
	struct export_w w;
	struct export_facts x;
	struct export_jsonw j;

	export_w_init(&w, f);
	export_facts_init(&x, d);
	export_jsonw_begin(&j, &w, '{');
	export_json_workshop(&j, d, x.today);
	items(&j, d, &x, JH_PARTICIPANT, 0);
	items(&j, d, &x, JH_STEP, 0);
	items(&j, d, &x, JH_PERSONA, 0);
	journeys(&j, d, &x);
	items(&j, d, &x, JH_PAINPOINT, 0);
	items(&j, d, &x, JH_IDEA, 0);
	items(&j, d, &x, JH_VOTE, 0);
	items(&j, d, &x, JH_ACTION, 0);
	items(&j, d, &x, JH_PARKING, 0);
	export_jsonw_end(&j, '}');
	export_facts_free(&x);
	return export_w_done(&w, err);
}
