/* ui_followup.h: follow-up sessions in the interface: start one from the
 * workshop on screen, or see what changed since the one it follows. */
#ifndef JOURNEYHACK_UI_FOLLOWUP_H
#define JOURNEYHACK_UI_FOLLOWUP_H

struct ui;

/* The follow-up key: a choice of the two; returns UI_* flags. */
int ui_followup(struct ui *ui);

#endif
