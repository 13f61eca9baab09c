/* timing.h: the agenda on the clock: when each step starts, how long a
 * day runs, and how late the room is. Pure: times are minutes (or
 * seconds) after midnight, handed in by the caller; no clock is read. */
#ifndef JOURNEYHACK_TIMING_H
#define JOURNEYHACK_TIMING_H

#include <stddef.h>

#include "journeyhack/model.h"

/* A day's first step starts here unless it is fixed to another time. */
#define TIMING_DAY_START (9 * 60)

/* "9:05" or "09:05" as minutes after midnight; -1 when it is no time of day. */
int timing_parse(const char *hhmm);
/* Minutes after midnight (any number: wraps past midnight) as "HH:MM". */
void timing_format(int minutes, char *buf, size_t size);
/* When d->steps[i] starts, in minutes after midnight (may pass 1440 on a
 * long day): its fixed start, else when the step before it on the same
 * day ends, else TIMING_DAY_START. */
int timing_step_start(const struct jh_data *d, size_t i);
/* The minutes of all steps of a day. */
int timing_day_minutes(const struct jh_data *d, int day);
/* How many seconds the room is behind: now (seconds after midnight)
 * minus the current step's planned end, folded into half a day either
 * way so a workshop that runs past midnight still counts; negative:
 * time to spare; 0 with no agenda. */
long timing_late(const struct jh_data *d, long now);

#endif
