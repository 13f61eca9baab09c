/* model.c: freeing and looking up the plain structs of a workshop. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/kinds.h"
#include "journeyhack/model.h"

#define MAX_OWNED 64 /* pointers one item owns; kinds.c has at most 12 */

/* Where an item of kind k keeps the pointers it owns: its text and id-list
 * fields, as the field table lists them, so a field added there is freed
 * with the others. Worked out once per array, not per item. */
static size_t owned(const struct jh_kind_def *k, size_t *off)
{
	size_t n = 0;

	for (size_t i = 0; i < k->nfields && n < MAX_OWNED; i++) {
		enum kinds_storage how = kinds_storage(&k->fields[i]);
		if (kinds_stored(&k->fields[i]) && (how == KINDS_S_TEXT || how == KINDS_S_IDLIST))
			off[n++] = k->fields[i].offset;
	}
	return n;
}

static void free_owned(const size_t *off, size_t n, char *item)
{
	for (size_t i = 0; i < n; i++) {
		void *p;
		/* memcpy: the member is a typed pointer (char *, jh_id *). */
		memcpy(&p, item + off[i], sizeof p);
		free(p);
	}
}

void model_workshop_free(struct jh_workshop *w)
{
	size_t off[MAX_OWNED];

	if (!w)
		return;
	free_owned(off, owned(kinds_get(JH_WORKSHOP), off), (char *)w);
	/* Kept in the model but not fields a user sets. */
	free(w->name);
	free(w->template_name);
	free(w->created);
	free(w->focus_kind);
}

void model_item_free(unsigned kind, void *item)
{
	size_t off[MAX_OWNED];
	size_t n = owned(kinds_get((enum jh_kind)kind), off);

	free_owned(off, n, item);
}

static void free_strv(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void model_data_free(struct jh_data *d)
{
	if (!d)
		return;
	model_workshop_free(&d->workshop);
	free_strv(d->channels, d->nchannels);
	free_strv(d->stage_names, d->nstage_names);
	free_strv(d->prompts, d->nprompts);
	for (int kind = 0; kind < JH_NKINDS; kind++) {
		const struct jh_kind_def *k = kinds_get((enum jh_kind)kind);
		size_t n = kinds_count(k, d), off[MAX_OWNED], noff;
		char *items;

		if (k->count_offset == KINDS_NO_OFFSET)
			continue;
		noff = owned(k, off);
		memcpy(&items, (char *)d + k->items_offset, sizeof items);
		for (size_t i = 0; i < n; i++)
			free_owned(off, noff, items + i * k->item_size);
		free(items);
	}
	for (size_t i = 0; i < d->nrounds; i++)
		free(d->rounds[i].ideas);
	free(d->rounds);
	free(d->ready);
	*d = (struct jh_data){0};
}

/* Pain points, ideas and participants are loaded in id order, so a
 * binary search finds them; other kinds, and a hand-built or reordered
 * array, are found by the linear fallback, which only runs when the
 * search misses. Ids are unique, so either way finds the one item. */
#define FIND_ID(arr, n)                                                                            \
	do {                                                                                       \
		size_t lo_ = 0, hi_ = (n);                                                         \
		while (lo_ < hi_) {                                                                \
			size_t mid_ = lo_ + (hi_ - lo_) / 2;                                       \
			if ((arr)[mid_].id < id)                                                   \
				lo_ = mid_ + 1;                                                    \
			else                                                                       \
				hi_ = mid_;                                                        \
		}                                                                                  \
		if (lo_ < (n) && (arr)[lo_].id == id)                                              \
			return &(arr)[lo_];                                                        \
		for (size_t i_ = 0; i_ < (n); i_++)                                                \
			if ((arr)[i_].id == id)                                                    \
				return &(arr)[i_];                                                 \
		return NULL;                                                                       \
	} while (0)

const struct jh_participant *model_participant(const struct jh_data *d, jh_id id)
{
	FIND_ID(d->participants, d->nparticipants);
}

const struct jh_journey *model_journey(const struct jh_data *d, jh_id id)
{
	FIND_ID(d->journeys, d->njourneys);
}

const struct jh_stage *model_stage(const struct jh_data *d, jh_id id)
{
	FIND_ID(d->stages, d->nstages);
}

const struct jh_touchpoint *model_touchpoint(const struct jh_data *d, jh_id id)
{
	FIND_ID(d->touchpoints, d->ntouchpoints);
}

const struct jh_painpoint *model_painpoint(const struct jh_data *d, jh_id id)
{
	FIND_ID(d->painpoints, d->npainpoints);
}

const struct jh_idea *model_idea(const struct jh_data *d, jh_id id)
{
	FIND_ID(d->ideas, d->nideas);
}

const struct jh_persona *model_persona(const struct jh_data *d, jh_id id)
{
	FIND_ID(d->personas, d->npersonas);
}
