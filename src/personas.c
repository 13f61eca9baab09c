/* personas.c: journeys grouped by the persona they are walked as. */
#include <stddef.h>

#include "journeyhack/personas.h"

const struct jh_persona *personas_of(const struct jh_data *d, const struct jh_journey *j)
{
	return j && j->persona_id ? model_persona(d, j->persona_id) : NULL;
}

/* A counting pass per group keeps each group in journey order without a
 * sort: personas are few, so npersonas passes cost nothing. */
void personas_journey_order(const struct jh_data *d, size_t *order)
{
	size_t n = 0;

	for (size_t p = 0; p < d->npersonas; p++)
		for (size_t i = 0; i < d->njourneys; i++)
			if (personas_of(d, &d->journeys[i]) == &d->personas[p])
				order[n++] = i;
	for (size_t i = 0; i < d->njourneys; i++)
		if (!personas_of(d, &d->journeys[i]))
			order[n++] = i;
}

int personas_group_starts(const struct jh_data *d, const size_t *order, size_t i)
{
	if (!d->npersonas || i >= d->njourneys)
		return 0;
	return i == 0 ||
	       personas_of(d, &d->journeys[order[i]]) != personas_of(d, &d->journeys[order[i - 1]]);
}

const char *personas_group_name(const struct jh_data *d, const struct jh_journey *j)
{
	const struct jh_persona *p = personas_of(d, j);

	return p ? p->name : "No persona";
}
