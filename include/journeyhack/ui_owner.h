/* ui_owner.h: an action form's owner, settled on the participant it
 * means before it is saved (owners.h's rule). */
#ifndef JOURNEYHACK_UI_OWNER_H
#define JOURNEYHACK_UI_OWNER_H

struct ui;
struct form;

/* When f is an action's form and its owner is a participant's name typed
 * another way ("oyvind" for "Øyvind"), put the participant's name in;
 * 1 when it did. */
int ui_owner_settle(struct ui *ui, struct form *f);

#endif
