/* ui_testcard.h: an idea's whole test card in one $EDITOR buffer. */
#ifndef JOURNEYHACK_UI_TESTCARD_H
#define JOURNEYHACK_UI_TESTCARD_H

#include "journeyhack/model.h"

struct ui;

/* Open idea id's four test card parts in $VISUAL or $EDITOR (vi) as one
 * text, parse them back and save what changed while the idea is still at
 * the revision it was opened at. A text that cannot be parsed or saved is
 * kept as a draft that the next edit of that idea starts from. Returns
 * UI_HANDLED, with UI_RELOAD when something was saved. */
int ui_testcard(struct ui *ui, jh_id id);

#endif
