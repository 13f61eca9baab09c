/* ui_roundbar.h: the status line's words on voting rounds and ready
 * markers (rounds.h). */
#ifndef JOURNEYHACK_UI_ROUNDBAR_H
#define JOURNEYHACK_UI_ROUNDBAR_H

#include <stddef.h>

struct ui;

/* "Round 2 open: 3 of 5 dots left" for whoever votes here, and for a
 * facilitator "7 of 9 ready" once anyone is (a participant who is: "ready");
 * "" when there is nothing to say. */
void ui_roundbar_text(const struct ui *ui, char *buf, size_t size);

#endif
