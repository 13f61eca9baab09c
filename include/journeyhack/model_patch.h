/* model_patch.h: one item put into, or taken out of, a loaded workshop.
 *
 * The change feed (store.h) tells an interface which items changed; it
 * reads those rows again and patches them into what it holds here, in the
 * order store_load gives, so that a patched workshop equals a fresh load
 * field for field and item for item. */
#ifndef JOURNEYHACK_MODEL_PATCH_H
#define JOURNEYHACK_MODEL_PATCH_H

#include "journeyhack/kinds.h"
#include "journeyhack/model.h"

/* 1 for the kinds patched one item at a time (those kept in id order, and
 * votes); the others are few per workshop and ordered through their
 * parents, so they are read again whole. */
int model_patch_by_item(enum jh_kind kind);

/* Put item (a struct of the kind; what it owns passes to d, the struct is
 * copied) in its place, replacing the item with its id. */
void model_patch_put(struct jh_data *d, enum jh_kind kind, const void *item);

/* Take the item with this id out, if d has it. */
void model_patch_drop(struct jh_data *d, enum jh_kind kind, jh_id id);

/* Free every item of a kind and empty its array. */
void model_patch_clear(struct jh_data *d, enum jh_kind kind);

#endif
