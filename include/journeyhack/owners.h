/* owners.h: which participant an action's typed owner means. An owner is
 * free text (people not in the room own actions too), but a name that
 * differs from a participant's only by case or diacritics is that
 * participant: "oyvind" and "Øyvind" must not become two owners. Pure:
 * no locale, no curses, no SQL. */
#ifndef JOURNEYHACK_OWNERS_H
#define JOURNEYHACK_OWNERS_H

#include <stddef.h>

#include "journeyhack/model.h"

/* The loose key of name into buf (NUL-terminated, truncated on a
 * character boundary): names_key with the marks dropped and the letters
 * that carry theirs inside (ø, æ, ð, ł, ß...) spelled in plain Latin. */
size_t owners_key(const char *name, char *buf, size_t size);
/* The participant `typed` names: the one named exactly, else the one
 * named the same by names.h's rule, else the only one whose loose key is
 * the same; NULL when none is (or several are). */
const struct jh_participant *owners_participant(const struct jh_data *d, const char *typed);

#endif
