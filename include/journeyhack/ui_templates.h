/* ui_templates.h: a new workshop from the interface: the templates the
 * `templates` command lists (bundled and the user's), picked by name,
 * title and language, then a name for the workshop. */
#ifndef JOURNEYHACK_UI_TEMPLATES_H
#define JOURNEYHACK_UI_TEMPLATES_H

#include "journeyhack/err.h"
#include "journeyhack/model.h"

struct ui;

/* Pick a template and a name and create the workshop: 0 with *wid set,
 * 1 when the user cancelled, -1 with err when nothing could be made. */
int ui_templates_new(struct ui *ui, jh_id *wid, struct jh_err *err);

#endif
