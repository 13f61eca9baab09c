/* personas.h: who a journey is walked as, and journeys grouped by it.
 *
 * The map, the report and the exports show a workshop's journeys persona
 * by persona (personas in id order, each group in journey order), the
 * journeys without a persona last. A workshop without personas keeps
 * its plain journey order and shows no group headings. */
#ifndef JOURNEYHACK_PERSONAS_H
#define JOURNEYHACK_PERSONAS_H

#include <stddef.h>

#include "journeyhack/model.h"

/* The persona journey j belongs to; NULL when none (or when its
 * reference names no loaded persona). */
const struct jh_persona *personas_of(const struct jh_data *d, const struct jh_journey *j);

/* Fill order[0..njourneys) with indexes into d->journeys, grouped as
 * above. */
void personas_journey_order(const struct jh_data *d, size_t *order);

/* Whether the journey at order[i] starts a new group: the first, or one
 * whose persona differs from the one before. Always 0 without personas. */
int personas_group_starts(const struct jh_data *d, const size_t *order, size_t i);

/* The heading of the group of journey j: the persona's name, or the
 * untranslated "No persona" (exports are written in English; the
 * interface translates it itself). */
const char *personas_group_name(const struct jh_data *d, const struct jh_journey *j);

#endif
