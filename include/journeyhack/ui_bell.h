/* ui_bell.h: the terminal's bell when the agenda timer runs out. */
#ifndef JOURNEYHACK_UI_BELL_H
#define JOURNEYHACK_UI_BELL_H

#include "journeyhack/model.h"

struct config;

/* Ring or not, as the configuration says (NULL: ring). */
void ui_bell_set(const struct config *c);

/* Told the timer of the current step (0: none) on every frame: when a
 * running timer this terminal saw with time left has run out, ring the
 * bell once and flash. Returns 1 when it rang. */
int ui_bell_timer(jh_id step, long left, int running);

/* Turn this terminal's bell off or on (the key of the same name);
 * returns 1 when it is on now. */
int ui_bell_toggle(void);

#endif
