/* ui_who.h: choosing the participant at this terminal, or for whom a
 * facilitator types. */
#ifndef JOURNEYHACK_UI_WHO_H
#define JOURNEYHACK_UI_WHO_H

struct ui;

/* p: who sits at this terminal, or (a facilitator) for whom items and
 * votes are entered; facilitators are never offered. */
int ui_who_choose(struct ui *ui);
/* F: a facilitator hands the role to someone, or shares it. */
int ui_who_facilitator(struct ui *ui);

#endif
