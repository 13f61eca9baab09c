/* ui_focus.h: the room's focus at this terminal: the facilitator's key
 * that sets it, the jump to it, and staying put instead. */
#ifndef JOURNEYHACK_UI_FOCUS_H
#define JOURNEYHACK_UI_FOCUS_H

#include <stddef.h>

#include "journeyhack/ui_keys.h"

struct ui;

/* Handle act when it is the focus key or the stay toggle; 1 when it was. */
int ui_focus_action(struct ui *ui, enum ui_action act);

/* From the loop, with no form or dialog open: when the workshop's focus
 * changed since this terminal last looked, go to its view and select it
 * (unless this terminal stays), and say so on the message line. */
void ui_focus_follow(struct ui *ui);

/* "[focus: following] " or "[focus: staying] " while the room has a focus,
 * else "": for the status line. */
void ui_focus_status(const struct ui *ui, char *buf, size_t size);

#endif
