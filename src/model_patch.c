/* model_patch.c: one item put into, or taken out of, a loaded workshop.
 *
 * Every item struct starts with its id (checked below), so the field table
 * in kinds.c is all it takes to find an array, its count and an item's
 * size. Votes are ordered by idea, participant and id, as store_load reads
 * them; the other kinds patched here by id. */
#include <assert.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/model_patch.h"
#include "journeyhack/util.h"

static_assert(offsetof(struct jh_participant, id) == 0, "id first");
static_assert(offsetof(struct jh_painpoint, id) == 0, "id first");
static_assert(offsetof(struct jh_idea, id) == 0, "id first");
static_assert(offsetof(struct jh_vote, id) == 0, "id first");
static_assert(offsetof(struct jh_action, id) == 0, "id first");
static_assert(offsetof(struct jh_parking, id) == 0, "id first");
static_assert(offsetof(struct jh_persona, id) == 0, "id first");

int model_patch_by_item(enum jh_kind kind)
{
	switch (kind) {
	case JH_PARTICIPANT:
	case JH_PAINPOINT:
	case JH_IDEA:
	case JH_VOTE:
	case JH_ACTION:
	case JH_PARKING:
	case JH_PERSONA:
		return 1;
	default:
		return 0;
	}
}

/* A kind's array in d: its first item, its count and one item's size. */
struct arr {
	char *items;
	size_t *n;
	size_t size;
	char **slot;
};

static struct arr arr_of(struct jh_data *d, enum jh_kind kind)
{
	const struct jh_kind_def *k = kinds_get(kind);
	struct arr a;

	a.slot = (char **)(void *)((char *)d + k->items_offset);
	memcpy(&a.items, a.slot, sizeof a.items);
	a.n = (size_t *)(void *)((char *)d + k->count_offset);
	a.size = k->item_size;
	return a;
}

static jh_id id_at(const char *item)
{
	jh_id id;

	memcpy(&id, item, sizeof id);
	return id;
}

/* Negative when item a comes before item b in the kind's load order. */
static int order(enum jh_kind kind, const char *a, const char *b)
{
	if (kind == JH_VOTE) {
		struct jh_vote va, vb;
		memcpy(&va, a, sizeof va);
		memcpy(&vb, b, sizeof vb);
		if (va.idea_id != vb.idea_id)
			return va.idea_id < vb.idea_id ? -1 : 1;
		if (va.participant_id != vb.participant_id)
			return va.participant_id < vb.participant_id ? -1 : 1;
	}
	return id_at(a) < id_at(b) ? -1 : id_at(a) > id_at(b);
}

/* The first position whose item does not come before item. */
static size_t lower_bound(enum jh_kind kind, const struct arr *a, const char *item)
{
	size_t lo = 0, hi = *a->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (order(kind, a->items + mid * a->size, item) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Where the item with this id is, or *a->n: by binary search on the id
 * for the kinds kept in id order; votes are not, and are searched
 * through (a workshop has a few per participant). */
static size_t find(enum jh_kind kind, const struct arr *a, jh_id id)
{
	size_t lo = 0, hi = *a->n;

	if (kind == JH_VOTE) {
		for (size_t i = 0; i < *a->n; i++)
			if (id_at(a->items + i * a->size) == id)
				return i;
		return *a->n;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (id_at(a->items + mid * a->size) < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < *a->n && id_at(a->items + lo * a->size) == id ? lo : *a->n;
}

void model_patch_drop(struct jh_data *d, enum jh_kind kind, jh_id id)
{
	struct arr a = arr_of(d, kind);
	size_t at = find(kind, &a, id);

	if (at == *a.n)
		return;
	model_item_free(kind, a.items + at * a.size);
	memmove(a.items + at * a.size, a.items + (at + 1) * a.size, (*a.n - at - 1) * a.size);
	(*a.n)--;
}

void model_patch_put(struct jh_data *d, enum jh_kind kind, const void *item)
{
	struct arr a = arr_of(d, kind);
	size_t at = find(kind, &a, id_at(item));

	/* In place when its place in the order stays (every kind but a vote
	 * moved to another idea); else out and in again. */
	if (at < *a.n && kind != JH_VOTE) {
		model_item_free(kind, a.items + at * a.size);
		memcpy(a.items + at * a.size, item, a.size);
		return;
	}
	if (at < *a.n)
		model_patch_drop(d, kind, id_at(item));
	at = lower_bound(kind, &a, item);
	a.items = util_xrealloc(a.items, (*a.n + 1) * a.size);
	memmove(a.items + (at + 1) * a.size, a.items + at * a.size, (*a.n - at) * a.size);
	memcpy(a.items + at * a.size, item, a.size);
	(*a.n)++;
	memcpy(a.slot, &a.items, sizeof a.items);
}

void model_patch_clear(struct jh_data *d, enum jh_kind kind)
{
	struct arr a = arr_of(d, kind);

	for (size_t i = 0; i < *a.n; i++)
		model_item_free(kind, a.items + i * a.size);
	free(a.items);
	a.items = NULL;
	memcpy(a.slot, &a.items, sizeof a.items);
	*a.n = 0;
}

void model_changes_add(struct model_changes *c, enum jh_kind kind, jh_id id)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 16;
		c->v = util_xrealloc(c->v, c->cap * sizeof *c->v);
	}
	c->v[c->n++] = (struct model_change){kind, id};
}

void model_changes_clear(struct model_changes *c)
{
	c->n = 0;
	c->parts = 0;
}

void model_changes_free(struct model_changes *c)
{
	free(c->v);
	*c = (struct model_changes){0};
}
