/* ui_actions.h: what a key does in the main loop. */
#ifndef JOURNEYHACK_UI_ACTIONS_H
#define JOURNEYHACK_UI_ACTIONS_H

struct ui;

/* Handle one key (or UI_KEY_MOUSE) in the main loop. */
void ui_actions_key(struct ui *ui, int key);

#endif
