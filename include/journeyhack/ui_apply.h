/* ui_apply.h: a change as "field=value" text through the core, the same
 * validation as the command line. */
#ifndef JOURNEYHACK_UI_APPLY_H
#define JOURNEYHACK_UI_APPLY_H

#include <stddef.h>

#include "journeyhack/err.h"
#include "journeyhack/kinds.h"

struct ui;

/* Apply "field=value" assignments through items_parse: a set of item id
 * (add 0), or an add, under want_id when not 0. */
int ui_apply(struct ui *ui, enum jh_kind kind, jh_id id, int add, jh_id want_id,
	     char *const *assigns, size_t n, jh_id *new_id, struct jh_err *err);

#endif
