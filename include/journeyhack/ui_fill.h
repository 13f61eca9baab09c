/* ui_fill.h: an item's current values as the text items_parse takes:
 * for edit forms, and as the snapshot that puts an item back on undo.
 * Both walk the field table (kinds.h). */
#ifndef JOURNEYHACK_UI_FILL_H
#define JOURNEYHACK_UI_FILL_H

#include "journeyhack/kinds.h"

struct ui;
struct form;
struct ui_undo_rec;

/* The loaded item of kind with id (the workshop for JH_WORKSHOP), or NULL
 * when it is gone. Votes are never filled: NULL. */
const void *ui_fill_item(const struct ui *ui, enum jh_kind kind, jh_id id);
/* A field's value in item as text (allocated): "" when none or not kept
 * in the model. */
char *ui_fill_text(const struct jh_field_def *f, const void *item);
/* An item's current values into form (-1 when it is gone). */
int ui_fill_form(const struct ui *ui, struct form *f, enum jh_kind kind, jh_id id);
/* Every value of the item that is not empty, as "field=value" in rec
 * (-1 when it is gone). */
int ui_fill_snapshot(const struct ui *ui, enum jh_kind kind, jh_id id, struct ui_undo_rec *rec);

#endif
