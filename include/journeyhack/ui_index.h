/* ui_index.h: the id index and what this terminal may see of the loaded
 * data, rebuilt on every reload. */
#ifndef JOURNEYHACK_UI_INDEX_H
#define JOURNEYHACK_UI_INDEX_H

#include <stddef.h>

#include "journeyhack/model.h"
#include "journeyhack/model_index.h"
#include "journeyhack/session.h"

struct ui;

/* Derived facts about the loaded data, rebuilt on every reload. */
struct ui_index {
	struct model_index m;	    /* every item by kind and id */
	struct session_tally tally; /* vote totals of ui->acting */
	unsigned char *pain_hidden; /* per d->painpoints[i]: private, not ours */
	unsigned char *idea_hidden; /* per d->ideas[i] */
	size_t hidden_pain, hidden_ideas;
	int votes_hidden;		     /* current step private and unrevealed */
	struct model_index_links pain_ideas; /* see ui_index_pain_ideas */
	/* Who leads (session_facilitator) and how many do: the status line
	 * names them in every frame, so they are found once per change. */
	jh_id leader;
	size_t nleaders;
};

void ui_index_build(struct ui *ui);
void ui_index_free(struct ui_index *ix);
/* Which ideas address each pain point (model_index.h), built on the
 * first call after a reload. */
const struct model_index_links *ui_index_pain_ideas(struct ui *ui);
/* Name of a participant, "" when none. */
const char *ui_name(const struct ui *ui, jh_id participant);

#endif
