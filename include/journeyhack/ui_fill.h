/* ui_fill.h: an item's current values as the text items_parse takes:
 * for edit forms, and as the snapshot that puts an item back on undo.
 * Both walk the field table (kinds.h). */
#ifndef JOURNEYHACK_UI_FILL_H
#define JOURNEYHACK_UI_FILL_H

#include "journeyhack/kinds.h"

struct ui;
struct form;

/* An item's current values into form (-1 when it is gone). */
int ui_fill_form(const struct ui *ui, struct form *f, enum jh_kind kind, jh_id id);

#endif
