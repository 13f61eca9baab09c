/* ui_index.c: lookups and derived facts, rebuilt once per reload.
 *
 * With 100 000 items a per-row linear lookup would make every rebuild
 * quadratic; the model's id index keeps it O(n log n). What this terminal
 * may see follows the workshop rules in session.c. */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/ui_index.h"
#include "journeyhack/ui_signin.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

const char *ui_name(const struct ui *ui, jh_id participant)
{
	const struct jh_participant *p = model_index_item(&ui->ix.m, JH_PARTICIPANT, participant);

	return p ? p->name : "";
}

void ui_index_free(struct ui_index *ix)
{
	model_index_free(&ix->m);
	model_index_links_free(&ix->pain_ideas);
	session_tally_free(&ix->tally);
	free(ix->pain_hidden);
	free(ix->idea_hidden);
	memset(ix, 0, sizeof *ix);
}

void ui_index_build(struct ui *ui)
{
	struct ui_index *ix = &ui->ix;
	const struct jh_data *d = &ui->d;
	struct session_viewer v = {ui->me, ui->acting, 0};
	const struct jh_participant *lead;

	ui_index_free(ix);
	model_index_build(&ix->m, d);
	session_viewer_settle(d, &v);
	ui->me = v.me;
	ui->acting = v.acting;
	ui_signin_settled(ui, v.removed);
	ui->facilitator = session_facilitates(d, ui->me);
	session_tally(d, ui->acting, &ix->tally);
	ix->pain_hidden = util_xcalloc(d->npainpoints ? d->npainpoints : 1, 1);
	ix->idea_hidden = util_xcalloc(d->nideas ? d->nideas : 1, 1);
	ix->hidden_pain = session_hidden_painpoints(d, &v, ix->pain_hidden);
	ix->hidden_ideas = session_hidden_ideas(d, &v, ix->idea_hidden);
	ix->votes_hidden = session_votes_hidden(d);
	lead = session_facilitator(d, &ix->nleaders);
	ix->leader = lead ? lead->id : 0;
}

/* Built on first use, not per reload: the first frame and the views
 * that never ask pay nothing for it. */
const struct model_index_links *ui_index_pain_ideas(struct ui *ui)
{
	if (!ui->ix.pain_ideas.at)
		model_index_pain_ideas(&ui->ix.pain_ideas, &ui->ix.m);
	return &ui->ix.pain_ideas;
}
