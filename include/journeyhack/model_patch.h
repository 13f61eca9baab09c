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

/* What a refresh changed in a jh_data: the items put or dropped one by
 * one, and which other parts were read again whole. */
enum {
	MODEL_CHANGED_HEAD = 1,	  /* the workshop row and its lists */
	MODEL_CHANGED_STEPS = 2,  /* the agenda */
	MODEL_CHANGED_MAP = 4,	  /* journeys, stages and touchpoints */
	MODEL_CHANGED_ROUNDS = 8, /* voting rounds and ready markers */
	MODEL_CHANGED_ALL = 16	  /* the workshop was read whole */
};
struct model_change {
	enum jh_kind kind;
	jh_id id;
};
struct model_changes {
	struct model_change *v;
	size_t n, cap;
	unsigned parts; /* MODEL_CHANGED_* */
};
void model_changes_add(struct model_changes *c, enum jh_kind kind, jh_id id);
/* Empty c for the next refresh, keeping its memory. */
void model_changes_clear(struct model_changes *c);
void model_changes_free(struct model_changes *c);

#endif
