/* model.c: freeing and looking up the plain structs of a workshop. */
#include <stdlib.h>

#include "journeyhack/model.h"

void model_workshop_free(struct jh_workshop *w)
{
	if (!w)
		return;
	free(w->name);
	free(w->title);
	free(w->description);
	free(w->template_name);
	free(w->created);
	free(w->method);
}

static void free_strv(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void model_data_free(struct jh_data *d)
{
	size_t i;

	if (!d)
		return;
	model_workshop_free(&d->workshop);
	free_strv(d->channels, d->nchannels);
	free_strv(d->stage_names, d->nstage_names);
	free_strv(d->prompts, d->nprompts);
	for (i = 0; i < d->nparticipants; i++) {
		free(d->participants[i].name);
		free(d->participants[i].department);
		free(d->participants[i].role);
	}
	free(d->participants);
	for (i = 0; i < d->nsteps; i++) {
		free(d->steps[i].title);
		free(d->steps[i].view);
		free(d->steps[i].notes);
	}
	free(d->steps);
	for (i = 0; i < d->njourneys; i++) {
		free(d->journeys[i].name);
		free(d->journeys[i].description);
	}
	free(d->journeys);
	for (i = 0; i < d->nstages; i++)
		free(d->stages[i].name);
	free(d->stages);
	for (i = 0; i < d->ntouchpoints; i++) {
		struct jh_touchpoint *t = &d->touchpoints[i];
		free(t->name);
		free(t->channel);
		free(t->owner);
		free(t->notes);
	}
	free(d->touchpoints);
	for (i = 0; i < d->npainpoints; i++) {
		free(d->painpoints[i].title);
		free(d->painpoints[i].evidence);
		free(d->painpoints[i].status);
	}
	free(d->painpoints);
	for (i = 0; i < d->nideas; i++) {
		struct jh_idea *x = &d->ideas[i];
		free(x->title);
		free(x->belief);
		free(x->experiment);
		free(x->metric);
		free(x->success);
		free(x->painpoints);
	}
	free(d->ideas);
	free(d->votes);
	for (i = 0; i < d->nactions; i++) {
		free(d->actions[i].title);
		free(d->actions[i].owner);
		free(d->actions[i].due);
		free(d->actions[i].status);
		free(d->actions[i].notes);
	}
	free(d->actions);
	for (i = 0; i < d->nparking; i++) {
		free(d->parking[i].text);
		free(d->parking[i].answer);
	}
	free(d->parking);
	*d = (struct jh_data){0};
}

/* Pain points, ideas and participants are loaded in id order, so a
 * binary search finds them; a hand-built or reordered array still works
 * through the linear fallback, which only runs when the search misses. */
#define FIND_SORTED(arr, n)                                                                      \
	do {                                                                                     \
		size_t lo_ = 0, hi_ = (n);                                                       \
		while (lo_ < hi_) {                                                              \
			size_t mid_ = lo_ + (hi_ - lo_) / 2;                                     \
			if ((arr)[mid_].id < id)                                                 \
				lo_ = mid_ + 1;                                                  \
			else                                                                     \
				hi_ = mid_;                                                      \
		}                                                                                \
		if (lo_ < (n) && (arr)[lo_].id == id)                                            \
			return &(arr)[lo_];                                                      \
		for (size_t i_ = 0; i_ < (n); i_++)                                              \
			if ((arr)[i_].id == id)                                                  \
				return &(arr)[i_];                                               \
		return NULL;                                                                     \
	} while (0)

#define FIND(arr, n)                                                                             \
	do {                                                                                     \
		for (size_t i_ = 0; i_ < (n); i_++)                                              \
			if ((arr)[i_].id == id)                                                  \
				return &(arr)[i_];                                               \
		return NULL;                                                                     \
	} while (0)

const struct jh_participant *model_participant(const struct jh_data *d, jh_id id)
{
	FIND_SORTED(d->participants, d->nparticipants);
}

const struct jh_journey *model_journey(const struct jh_data *d, jh_id id)
{
	FIND(d->journeys, d->njourneys);
}

const struct jh_stage *model_stage(const struct jh_data *d, jh_id id)
{
	FIND(d->stages, d->nstages);
}

const struct jh_touchpoint *model_touchpoint(const struct jh_data *d, jh_id id)
{
	FIND(d->touchpoints, d->ntouchpoints);
}

const struct jh_painpoint *model_painpoint(const struct jh_data *d, jh_id id)
{
	FIND_SORTED(d->painpoints, d->npainpoints);
}

const struct jh_idea *model_idea(const struct jh_data *d, jh_id id)
{
	FIND_SORTED(d->ideas, d->nideas);
}

int model_idea_votes(const struct jh_data *d, jh_id idea_id)
{
	int n = 0;
	for (size_t i = 0; i < d->nvotes; i++)
		if (d->votes[i].idea_id == idea_id)
			n += d->votes[i].dots;
	return n;
}

int model_participant_dots(const struct jh_data *d, jh_id participant_id)
{
	int n = 0;
	for (size_t i = 0; i < d->nvotes; i++)
		if (d->votes[i].participant_id == participant_id)
			n += d->votes[i].dots;
	return n;
}
