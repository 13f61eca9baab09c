/* ui_editor.h: handing text over to $VISUAL or $EDITOR. */
#ifndef JOURNEYHACK_UI_EDITOR_H
#define JOURNEYHACK_UI_EDITOR_H

#include "journeyhack/err.h"

struct ui;

/* Open $VISUAL or $EDITOR (fork+execvp, never a shell) on text; on
 * success *text is replaced. */
int ui_editor(struct ui *ui, char **text, struct jh_err *err);

#endif
