/* reldate.h: due dates typed relative to today ("+2w", "friday"),
 * resolved to the YYYY-MM-DD dates the store keeps. */
#ifndef JOURNEYHACK_RELDATE_H
#define JOURNEYHACK_RELDATE_H

#include <time.h>

#include "journeyhack/err.h"

/* Resolve in against today (tm_year, tm_mon, tm_mday are read) into
 * out: a YYYY-MM-DD date is kept as it is; "+3d", "+2w", "+1m" (a month
 * on, clamped to that month's last day), "today", "tomorrow" and a
 * weekday name in English, Swedish or Norwegian ("mon", "måndag",
 * "mandag": the next such day, never today), any case. Empty in gives
 * an empty out. 0, or -1 with err naming the value. */
int reldate_parse(const char *in, const struct tm *today, char out[11], struct jh_err *err);

/* reldate_parse against today's date (util_today, so $JOURNEYHACK_TODAY
 * fixes it for tests). */
int reldate_resolve(const char *in, char out[11], struct jh_err *err);

#endif
