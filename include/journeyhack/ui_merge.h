/* ui_merge.h: merging duplicates in the interface: mark the pain point or
 * idea to keep, select the duplicate, merge it in (asks y/n), undoable. */
#ifndef JOURNEYHACK_UI_MERGE_H
#define JOURNEYHACK_UI_MERGE_H

#include "journeyhack/kinds.h"

struct ui;

/* Mark (or, pressed again on it, unmark) the selected item as the one
 * duplicates merge into; returns UI_* flags. */
int ui_merge_mark(struct ui *ui, enum jh_kind kind, jh_id id);
/* Merge the selected item into the marked one, after a confirmation
 * naming both; one u puts both back exactly. Returns UI_* flags. */
int ui_merge_into_mark(struct ui *ui, enum jh_kind kind, jh_id id);

#endif
