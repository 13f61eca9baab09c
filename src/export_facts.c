/* export_facts.c: the analysis of a workshop, computed once per export. */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/export_facts.h"
#include "journeyhack/util.h"

void export_facts_init(struct export_facts *x, const struct jh_data *d)
{
	memset(x, 0, sizeof *x);
	util_today(x->today);
	x->method = analysis_workshop_method(d);
	x->backlog = analysis_backlog(d, &x->nbacklog);
	x->by_idea = util_xcalloc(d->nideas ? d->nideas : 1, sizeof *x->by_idea);
	for (size_t i = 0; i < x->nbacklog; i++)
		x->by_idea[x->backlog[i].index] = &x->backlog[i];
	x->journeys = util_xcalloc(d->njourneys ? d->njourneys : 1, sizeof *x->journeys);
	analysis_journeys(d, x->journeys);
	x->pain_weights = analysis_pain_weights(d);
	x->actions = analysis_actions_ordered(d, x->backlog, x->nbacklog, &x->nactions);
}

void export_facts_free(struct export_facts *x)
{
	free(x->backlog);
	free(x->by_idea);
	free(x->journeys);
	free(x->pain_weights);
	free(x->actions);
	memset(x, 0, sizeof *x);
}

int export_facts_is_weakest(const struct export_facts *x, const struct jh_data *d,
			    jh_id touchpoint_id)
{
	for (size_t i = 0; touchpoint_id && i < d->njourneys; i++)
		if (x->journeys[i].weakest_link == touchpoint_id)
			return 1;
	return 0;
}
