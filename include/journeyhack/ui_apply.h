/* ui_apply.h: a change as "field=value" text through the core, the same
 * validation as the command line. */
#ifndef JOURNEYHACK_UI_APPLY_H
#define JOURNEYHACK_UI_APPLY_H

#include <stddef.h>

#include "journeyhack/err.h"
#include "journeyhack/kinds.h"

struct ui;

/* Apply "field=value" assignments through items_parse: a set of item id
 * (add 0), or an add, under want_id when not 0. Refused with "Not saved:
 * ..." when the database file is gone (ui_apply_db_gone). */
int ui_apply(struct ui *ui, enum jh_kind kind, jh_id id, int add, jh_id want_id,
	     char *const *assigns, size_t n, jh_id *new_id, struct jh_err *err);

/* Change item id only while it is at revision base (0: any); otherwise
 * STORE_CONFLICT and nothing written (store_item_set_if). */
int ui_apply_if(struct ui *ui, enum jh_kind kind, jh_id id, long long base, char *const *assigns,
		size_t n, struct jh_err *err);

/* 1 when the database file was deleted or replaced since it was opened
 * (the open connection would write to a file nobody sees again). Then
 * ui->db_lost says which, the interface is read-only, and the message
 * line shows the error unless another error stands there: called between
 * keys, it keeps the error in view. */
int ui_apply_db_gone(struct ui *ui);

/* Gate before any change: 0 to go on; 1 when the database file is gone,
 * with "Not saved: ..." on the message line. */
int ui_apply_refused(struct ui *ui);

#endif
