/* ui_edit.h: every change the UI makes to items, through the core, each
 * recorded for undo. Returns are the UI_* flags of view.h. */
#ifndef JOURNEYHACK_UI_EDIT_H
#define JOURNEYHACK_UI_EDIT_H

#include <stddef.h>

#include "journeyhack/kinds.h"
#include "journeyhack/session.h"

struct ui;

int ui_edit_add(struct ui *ui, enum jh_kind kind);
/* Add through a form; *out is the new id, 0 when cancelled. */
int ui_edit_add_id(struct ui *ui, enum jh_kind kind, jh_id *out);
/* Reload after a change, keep its message, and select the item. */
void ui_edit_refocus(struct ui *ui, enum jh_kind kind, jh_id id);
/* The edit form of an item. */
int ui_edit_item(struct ui *ui, enum jh_kind kind, jh_id id);
int ui_edit_delete(struct ui *ui, enum jh_kind kind, jh_id id);
/* Set some fields of an item ("field=value" each) as one undoable change. */
int ui_edit_set_fields(struct ui *ui, enum jh_kind kind, jh_id id, const char *const *assigns,
		       size_t n, const char *what);
int ui_edit_vote(struct ui *ui, jh_id idea, int dots);
int ui_edit_step(struct ui *ui, int position);
/* Facilitator rights, with a message when missing. */
int ui_edit_facilitator(struct ui *ui, enum session_right r);

#endif
