/* focus.h: the one item the room looks at together.
 *
 * The facilitator points every terminal at a pain point, an idea or a
 * journey; participants' screens jump to it unless they chose to stay.
 * The focus is workshop state (store_focus_set); this module holds its
 * rule, so the interface and the command line refuse the same people. */
#ifndef JOURNEYHACK_FOCUS_H
#define JOURNEYHACK_FOCUS_H

#include "journeyhack/err.h"
#include "journeyhack/kinds.h"
#include "journeyhack/model.h"

/* The kinds the room can focus on: pain point, idea, journey. */
int focus_kind_ok(enum jh_kind kind);

/* Whether `me` may change the focus: facilitator rights, as for running
 * the agenda (session_facilitates). 0, or -1 with the reason in err. */
int focus_may(const struct jh_data *d, jh_id me, struct jh_err *err);

/* A focus on item id of kind is possible in d (kind JH_NKINDS: clearing
 * always is): a kind that can be focused and an item that is in d. */
int focus_item_check(const struct jh_data *d, enum jh_kind kind, jh_id id, struct jh_err *err);

/* Whether `me` may focus item id of kind (kind JH_NKINDS: clear the
 * focus): the rights first, then a kind that can be focused, then an
 * item that is in d. 0, or -1 with the reason in err. */
int focus_check(const struct jh_data *d, jh_id me, enum jh_kind kind, jh_id id, struct jh_err *err);

/* The focus in force: 1 and its kind and id when the workshop has one
 * and the item is still in d, else 0 (an unknown kind or a deleted item
 * is no focus). */
int focus_get(const struct jh_data *d, enum jh_kind *kind, jh_id *id);

/* What the room reads of the focused item: a pain point's or an idea's
 * title, a journey's name; NULL when there is no focus. */
const char *focus_text(const struct jh_data *d);

#endif
