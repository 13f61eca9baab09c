/* model_index.c: one id index over a loaded workshop. */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/model_index.h"
#include "journeyhack/util.h"

/* The index reads an item's id from its first member. */
_Static_assert(offsetof(struct jh_participant, id) == 0, "id first");
_Static_assert(offsetof(struct jh_journey, id) == 0, "id first");
_Static_assert(offsetof(struct jh_stage, id) == 0, "id first");
_Static_assert(offsetof(struct jh_touchpoint, id) == 0, "id first");
_Static_assert(offsetof(struct jh_painpoint, id) == 0, "id first");
_Static_assert(offsetof(struct jh_idea, id) == 0, "id first");
_Static_assert(offsetof(struct jh_vote, id) == 0, "id first");
_Static_assert(offsetof(struct jh_action, id) == 0, "id first");
_Static_assert(offsetof(struct jh_parking, id) == 0, "id first");
_Static_assert(offsetof(struct jh_step, id) == 0, "id first");
_Static_assert(offsetof(struct jh_workshop, id) == 0, "id first");

static int entry_cmp(const void *a, const void *b)
{
	const struct model_index_entry *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static struct model_index_entry *build_kind(const struct jh_kind_def *k, const struct jh_data *d,
					    size_t *n)
{
	struct model_index_entry *e;
	int sorted = 1;

	*n = kinds_count(k, d);
	e = util_xmalloc((*n ? *n : 1) * sizeof *e);
	for (size_t i = 0; i < *n; i++) {
		memcpy(&e[i].id, kinds_item(k, d, i), sizeof e[i].id);
		e[i].pos = i;
		sorted &= i == 0 || e[i - 1].id < e[i].id;
	}
	/* Most kinds load in id order: no sort needed then. */
	if (!sorted)
		qsort(e, *n, sizeof *e, entry_cmp);
	return e;
}

void model_index_build(struct model_index *ix, const struct jh_data *d)
{
	memset(ix, 0, sizeof *ix);
	ix->d = d;
	for (int kind = 0; kind < JH_NKINDS; kind++)
		ix->by_id[kind] = build_kind(kinds_get((enum jh_kind)kind), d, &ix->n[kind]);
}

void model_index_free(struct model_index *ix)
{
	for (int kind = 0; kind < JH_NKINDS; kind++)
		free(ix->by_id[kind]);
	memset(ix, 0, sizeof *ix);
}

long model_index_pos(const struct model_index *ix, enum jh_kind kind, jh_id id)
{
	const struct model_index_entry *e;
	size_t lo = 0, hi;

	if ((int)kind < 0 || kind >= JH_NKINDS || !id)
		return -1;
	e = ix->by_id[kind];
	hi = ix->n[kind];
	/* Ids of one workshop are mostly dense: where the id's distance
	 * from the first is its place, no search is needed. */
	if (hi && (uint64_t)id - (uint64_t)e[0].id < hi &&
	    e[(uint64_t)id - (uint64_t)e[0].id].id == id)
		return (long)e[(uint64_t)id - (uint64_t)e[0].id].pos;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (e[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ix->n[kind] && e[lo].id == id ? (long)e[lo].pos : -1;
}

const void *model_index_item(const struct model_index *ix, enum jh_kind kind, jh_id id)
{
	long pos = model_index_pos(ix, kind, id);

	return pos < 0 ? NULL : kinds_item(kinds_get(kind), ix->d, (size_t)pos);
}

/* Where the k-th pain point of an idea is, -1 when gone or repeated. */
static long linked_pos(const struct model_index *ix, const struct jh_idea *x, size_t k)
{
	if (k && x->painpoints[k] == x->painpoints[k - 1])
		return -1;
	return model_index_pos(ix, JH_PAINPOINT, x->painpoints[k]);
}

/* Counting sort by pain point: count, turn counts into offsets, place. */
void model_index_pain_ideas(struct model_index_links *l, const struct model_index *ix)
{
	const struct jh_data *d = ix->d;
	size_t total = 0;

	l->n = d->npainpoints;
	l->at = util_xcalloc(d->npainpoints + 2, sizeof *l->at);
	for (size_t i = 0; i < d->nideas; i++)
		for (size_t k = 0; k < d->ideas[i].npainpoints; k++) {
			long p = linked_pos(ix, &d->ideas[i], k);
			if (p >= 0) {
				l->at[(size_t)p + 2]++;
				total++;
			}
		}
	for (size_t p = 2; p < d->npainpoints + 2; p++)
		l->at[p] += l->at[p - 1];
	l->idea = util_xmalloc((total ? total : 1) * sizeof *l->idea);
	/* Ideas in array order: each pain point's run comes out ascending. */
	for (size_t i = 0; i < d->nideas; i++)
		for (size_t k = 0; k < d->ideas[i].npainpoints; k++) {
			long p = linked_pos(ix, &d->ideas[i], k);
			if (p >= 0)
				l->idea[l->at[(size_t)p + 1]++] = i;
		}
}

void model_index_links_free(struct model_index_links *l)
{
	free(l->at);
	free(l->idea);
	memset(l, 0, sizeof *l);
}
