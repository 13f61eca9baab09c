/* ui_bell.c: the terminal's bell when the agenda timer runs out. It
 * rings on the change it sees, not on the state, so a terminal opened
 * after the time ran out, or a timer that stays over, is quiet. */
#include "journeyhack/config.h"
#include "journeyhack/ui_bell.h"
#include "journeyhack/view.h"

static int enabled = 1;
static jh_id last_step;
static long last_left = -1;

void ui_bell_set(const struct config *c)
{
	enabled = c ? c->bell : 1;
	last_step = 0;
	last_left = -1;
}

int ui_bell_timer(jh_id step, long left, int running)
{
	int ring = enabled && step && step == last_step && running && last_left >= 0 && left < 0;

	last_step = step;
	last_left = left;
	if (!ring)
		return 0;
	beep();
	flash();
	return 1;
}

int ui_bell_toggle(void)
{
	enabled = !enabled;
	return enabled;
}
