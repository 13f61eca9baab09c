/* ui_index.c: lookups and derived facts, rebuilt once per reload.
 *
 * With 100 000 items a per-row linear lookup (model_touchpoint) would make
 * every rebuild quadratic; sorted id maps keep it O(n log n). */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/ui_index.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

struct pair {
	jh_id id;
	size_t idx;
};

static int pair_cmp(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* Build a map from `n` records of `size` bytes whose first member is the id. */
static void map_build(struct ui_idmap *m, const void *base, size_t n, size_t size)
{
	struct pair *p = util_xcalloc(n ? n : 1, sizeof *p);

	for (size_t i = 0; i < n; i++) {
		memcpy(&p[i].id, (const char *)base + i * size, sizeof(jh_id));
		p[i].idx = i;
	}
	qsort(p, n, sizeof *p, pair_cmp);
	m->ids = util_xcalloc(n ? n : 1, sizeof *m->ids);
	m->idx = util_xcalloc(n ? n : 1, sizeof *m->idx);
	for (size_t i = 0; i < n; i++) {
		m->ids[i] = p[i].id;
		m->idx[i] = p[i].idx;
	}
	m->n = n;
	free(p);
}

static void map_free(struct ui_idmap *m)
{
	free(m->ids);
	free(m->idx);
	memset(m, 0, sizeof *m);
}

long ui_find(const struct ui_idmap *m, jh_id id)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->n && m->ids[lo] == id ? (long)m->idx[lo] : -1;
}

#define LOOKUP(fn, type, map, arr)                                                                 \
	const struct type *fn(const struct ui *ui, jh_id id)                                       \
	{                                                                                          \
		long i = id ? ui_find(&ui->ix.map, id) : -1;                                       \
		return i < 0 ? NULL : &ui->d.arr[i];                                               \
	}
LOOKUP(ui_participant, jh_participant, participants, participants)
LOOKUP(ui_touchpoint, jh_touchpoint, touchpoints, touchpoints)
LOOKUP(ui_stage, jh_stage, stages, stages)
LOOKUP(ui_journey, jh_journey, journeys, journeys)
LOOKUP(ui_painpoint, jh_painpoint, painpoints, painpoints)
LOOKUP(ui_idea, jh_idea, ideas, ideas)
#undef LOOKUP

const char *ui_name(const struct ui *ui, jh_id participant)
{
	const struct jh_participant *p = ui_participant(ui, participant);

	return p ? p->name : "";
}

const struct jh_step *ui_current_step(const struct ui *ui)
{
	int cur = ui->d.workshop.current_step;

	for (size_t i = 0; i < ui->d.nsteps; i++)
		if (ui->d.steps[i].position == cur)
			return &ui->d.steps[i];
	return ui->d.nsteps ? &ui->d.steps[0] : NULL;
}

static const struct jh_step *step_by_id(const struct ui *ui, jh_id id)
{
	for (size_t i = 0; id && i < ui->d.nsteps; i++)
		if (ui->d.steps[i].id == id)
			return &ui->d.steps[i];
	return NULL;
}

/* Private writing: an item written in a private, unrevealed step is seen
 * only by its author (and whoever types for them). An item with no author
 * came from a terminal that chose nobody, and only such terminals see it. */
static int hidden(const struct ui *ui, jh_id step_id, jh_id author)
{
	const struct jh_step *s = step_by_id(ui, step_id);

	if (!s || !s->private_ || s->revealed)
		return 0;
	return author != ui->me && author != ui->acting;
}

void ui_index_free(struct ui_index *ix)
{
	map_free(&ix->participants);
	map_free(&ix->journeys);
	map_free(&ix->stages);
	map_free(&ix->touchpoints);
	map_free(&ix->painpoints);
	map_free(&ix->ideas);
	free(ix->idea_votes);
	free(ix->idea_my_votes);
	free(ix->pain_hidden);
	free(ix->idea_hidden);
	memset(ix, 0, sizeof *ix);
}

void ui_index_build(struct ui *ui)
{
	struct ui_index *ix = &ui->ix;
	const struct jh_data *d = &ui->d;
	const struct jh_step *cur;
	const struct jh_participant *me;
	int any_facilitator = 0;

	ui_index_free(ix);
	map_build(&ix->participants, d->participants, d->nparticipants, sizeof *d->participants);
	map_build(&ix->journeys, d->journeys, d->njourneys, sizeof *d->journeys);
	map_build(&ix->stages, d->stages, d->nstages, sizeof *d->stages);
	map_build(&ix->touchpoints, d->touchpoints, d->ntouchpoints, sizeof *d->touchpoints);
	map_build(&ix->painpoints, d->painpoints, d->npainpoints, sizeof *d->painpoints);
	map_build(&ix->ideas, d->ideas, d->nideas, sizeof *d->ideas);

	/* Someone removed elsewhere is no longer who we act as. */
	if (ui->me && !ui_participant(ui, ui->me))
		ui->me = 0;
	if (ui->acting && !ui_participant(ui, ui->acting))
		ui->acting = ui->me;
	me = ui_participant(ui, ui->me);
	for (size_t i = 0; i < d->nparticipants; i++)
		any_facilitator |= util_streq(d->participants[i].role, "facilitator");
	/* With no facilitator named, whoever runs the UI runs the workshop. */
	ui->facilitator = !any_facilitator || (me && util_streq(me->role, "facilitator"));

	ix->idea_votes = util_xcalloc(d->nideas ? d->nideas : 1, sizeof *ix->idea_votes);
	ix->idea_my_votes = util_xcalloc(d->nideas ? d->nideas : 1, sizeof *ix->idea_my_votes);
	ix->my_dots = 0;
	for (size_t i = 0; i < d->nvotes; i++) {
		long k = ui_find(&ix->ideas, d->votes[i].idea_id);
		if (d->votes[i].participant_id == ui->acting && ui->acting)
			ix->my_dots += d->votes[i].dots;
		if (k < 0)
			continue;
		ix->idea_votes[k] += d->votes[i].dots;
		if (d->votes[i].participant_id == ui->acting && ui->acting)
			ix->idea_my_votes[k] += d->votes[i].dots;
	}
	ix->pain_hidden = util_xcalloc(d->npainpoints ? d->npainpoints : 1, 1);
	ix->idea_hidden = util_xcalloc(d->nideas ? d->nideas : 1, 1);
	ix->hidden_pain = ix->hidden_ideas = 0;
	for (size_t i = 0; i < d->npainpoints; i++)
		if ((ix->pain_hidden[i] = (unsigned char)hidden(ui, d->painpoints[i].step_id,
								d->painpoints[i].author_id)))
			ix->hidden_pain++;
	for (size_t i = 0; i < d->nideas; i++)
		if ((ix->idea_hidden[i] =
			 (unsigned char)hidden(ui, d->ideas[i].step_id, d->ideas[i].author_id)))
			ix->hidden_ideas++;
	cur = ui_current_step(ui);
	ix->votes_hidden = cur && cur->private_ && !cur->revealed;
}
