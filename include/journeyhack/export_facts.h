/* export_facts.h: everything the analysis says about a workshop, computed
 * once per export so that every writer shows the same numbers. */
#ifndef JOURNEYHACK_EXPORT_FACTS_H
#define JOURNEYHACK_EXPORT_FACTS_H

#include <stddef.h>

#include "journeyhack/analysis.h"
#include "journeyhack/model.h"

struct export_facts {
	char today[11];
	enum jh_method method;
	struct jh_ranked_idea *backlog; /* rank order */
	size_t nbacklog;
	struct jh_ranked_idea **by_idea;   /* per index into d->ideas */
	struct jh_journey_stats *journeys; /* per index into d->journeys */
	int *pain_weights;		   /* per index into d->touchpoints */
	size_t *actions;		   /* export order, indexes into d->actions */
	size_t nactions;
};

void export_facts_init(struct export_facts *x, const struct jh_data *d);
void export_facts_free(struct export_facts *x);

/* Touchpoint is the weakest link of its journey. */
int export_facts_is_weakest(const struct export_facts *x, const struct jh_data *d,
			    jh_id touchpoint_id);

#endif
