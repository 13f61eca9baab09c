/* ui_index.h: lookups by id and derived facts about the loaded data,
 * rebuilt on every reload. */
#ifndef JOURNEYHACK_UI_INDEX_H
#define JOURNEYHACK_UI_INDEX_H

#include <stddef.h>

#include "journeyhack/model.h"

struct ui;

/* Sorted id -> array index map for lookups that stay O(log n) with
 * 100 000 items (model.h's lookups are linear). */
struct ui_idmap {
	jh_id *ids;
	size_t *idx;
	size_t n;
};

/* Derived facts about the loaded data, rebuilt on every reload. */
struct ui_index {
	struct ui_idmap participants, journeys, stages, touchpoints, painpoints, ideas;
	int *idea_votes;	    /* per d->ideas[i]: all dots */
	int *idea_my_votes;	    /* per d->ideas[i]: dots of ui->acting */
	unsigned char *pain_hidden; /* per d->painpoints[i]: private, not ours */
	unsigned char *idea_hidden; /* per d->ideas[i] */
	size_t hidden_pain, hidden_ideas;
	int my_dots;	  /* dots ui->acting has spent */
	int votes_hidden; /* current step private and unrevealed */
};

void ui_index_build(struct ui *ui);
void ui_index_free(struct ui_index *ix);
/* Index into the data array of the item with this id, or -1. */
long ui_find(const struct ui_idmap *m, jh_id id);
const struct jh_participant *ui_participant(const struct ui *ui, jh_id id);
const struct jh_touchpoint *ui_touchpoint(const struct ui *ui, jh_id id);
const struct jh_stage *ui_stage(const struct ui *ui, jh_id id);
const struct jh_journey *ui_journey(const struct ui *ui, jh_id id);
const struct jh_painpoint *ui_painpoint(const struct ui *ui, jh_id id);
const struct jh_idea *ui_idea(const struct ui *ui, jh_id id);
const struct jh_step *ui_current_step(const struct ui *ui);
/* Name of a participant, "" when none. */
const char *ui_name(const struct ui *ui, jh_id participant);

#endif
