/* timing.c: clock times of the agenda, from the steps' timeboxes and the
 * times some steps are fixed to start at. */
#include <stdio.h>

#include "journeyhack/session.h"
#include "journeyhack/timing.h"

int timing_parse(const char *hhmm)
{
	int h = 0, m = 0, digits = 0;
	const char *p = hhmm;

	for (; *p >= '0' && *p <= '9' && digits < 2; p++, digits++)
		h = h * 10 + (*p - '0');
	if (!digits || *p++ != ':')
		return -1;
	for (digits = 0; *p >= '0' && *p <= '9' && digits < 2; p++, digits++)
		m = m * 10 + (*p - '0');
	if (digits != 2 || *p || h > 23 || m > 59)
		return -1;
	return h * 60 + m;
}

void timing_format(int minutes, char *buf, size_t size)
{
	int m = ((minutes % 1440) + 1440) % 1440;

	snprintf(buf, size, "%02d:%02d", m / 60, m % 60);
}

int timing_step_start(const struct jh_data *d, size_t i)
{
	size_t first = i;
	int t;

	/* Back to the step this one's time is counted from. */
	while (first > 0 && d->steps[first].start < 0 && d->steps[first - 1].day == d->steps[i].day)
		first--;
	t = d->steps[first].start >= 0 ? d->steps[first].start : TIMING_DAY_START;
	for (size_t k = first; k < i; k++)
		t += d->steps[k].minutes;
	return t;
}

int timing_day_minutes(const struct jh_data *d, int day)
{
	int total = 0;

	for (size_t i = 0; i < d->nsteps; i++)
		if (d->steps[i].day == day)
			total += d->steps[i].minutes;
	return total;
}

long timing_late(const struct jh_data *d, long now)
{
	const struct jh_step *s = session_current_step(d);
	long end, late;

	if (!s)
		return 0;
	end = 60L * (timing_step_start(d, (size_t)(s - d->steps)) + s->minutes);
	late = ((now - end) % 86400 + 86400) % 86400;
	return late > 43200 ? late - 86400 : late;
}
