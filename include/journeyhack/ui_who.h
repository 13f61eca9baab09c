/* ui_who.h: choosing the participant at this terminal, or for whom a
 * facilitator types. */
#ifndef JOURNEYHACK_UI_WHO_H
#define JOURNEYHACK_UI_WHO_H

struct ui;

int ui_who_choose(struct ui *ui);

#endif
