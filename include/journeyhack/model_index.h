/* model_index.h: one id index over a loaded workshop.
 *
 * Built once per load (O(n log n), O(n) for kinds loaded in id order), it
 * finds any item by kind and id in O(log n), so views, exports and the
 * command line need not build maps of their own. It points into the
 * jh_data it was built from: rebuild it after every reload. Vote totals
 * are session.h's. */
#ifndef JOURNEYHACK_MODEL_INDEX_H
#define JOURNEYHACK_MODEL_INDEX_H

#include <stddef.h>

#include "journeyhack/kinds.h"
#include "journeyhack/model.h"

struct model_index_entry {
	jh_id id;
	size_t pos; /* in the kind's array of the jh_data */
};

struct model_index {
	const struct jh_data *d;
	struct model_index_entry *by_id[JH_NKINDS]; /* ascending id */
	size_t n[JH_NKINDS];
};

void model_index_build(struct model_index *ix, const struct jh_data *d);
void model_index_free(struct model_index *ix);

/* Where the item of `kind` with `id` is in its array of the jh_data, or
 * -1 when there is none (id 0 never matches). The workshop is at 0. */
long model_index_pos(const struct model_index *ix, enum jh_kind kind, jh_id id);

/* The item itself (a struct jh_idea * for JH_IDEA, ...), or NULL. */
const void *model_index_item(const struct model_index *ix, enum jh_kind kind, jh_id id);

/* Which ideas address each pain point: the inverse of jh_idea.painpoints.
 * The ideas of the pain point at position p in d->painpoints are
 * idea[at[p]] .. idea[at[p + 1] - 1], positions in d->ideas, ascending.
 * Built in one pass over the links, so a view asks in O(ideas found)
 * instead of scanning every idea. Points into nothing: rebuild it with
 * the model index after every reload. */
struct model_index_links {
	size_t *at; /* npainpoints + 1 offsets */
	size_t *idea;
	size_t n; /* pain points covered */
};

void model_index_pain_ideas(struct model_index_links *l, const struct model_index *ix);
void model_index_links_free(struct model_index_links *l);

#endif
