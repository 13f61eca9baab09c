/* ui_rounds.h: voting rounds and ready markers in the interface: the
 * facilitator opens and closes a round (a small dialog for its budget
 * and its ideas), everyone says when they are done with the step, and
 * the status line shows both. The rules are rounds.h's. */
#ifndef JOURNEYHACK_UI_ROUNDS_H
#define JOURNEYHACK_UI_ROUNDS_H

#include <stddef.h>

struct ui;

/* O: open a round (asks its budget and ideas) or close the open one. */
int ui_rounds_round(struct ui *ui);
/* r: the participant at this terminal is done with the step, or not. */
int ui_rounds_ready(struct ui *ui);
/* W: who has not said they are done with the step. */
int ui_rounds_not_ready(struct ui *ui);

#endif
