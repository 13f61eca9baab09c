/* ui_who.c: the dialog that decides who acts: the participant at this
 * terminal (or, for a facilitator, for whom items and votes are entered). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/session.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/ui_views.h"
#include "journeyhack/ui_who.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

int ui_who_choose(struct ui *ui)
{
	int for_whom = session_may(&ui->d, ui->me, SESSION_TYPE_FOR_OTHERS);
	size_t n = ui->d.nparticipants, start = 0;
	struct ui_pick_item *items = util_xcalloc(n + 1, sizeof *items);
	char(*labels)[512] = util_xcalloc(n, sizeof *labels);
	/* Ids, not indexes: another terminal may add or remove people while
	 * the list is open, and the data is reloaded under it. */
	jh_id *ids = util_xcalloc(n + 1, sizeof *ids);
	long k;
	jh_id chosen = 0;
	char msg[sizeof ui->msg];

	for (size_t i = 0; i < n; i++) {
		const struct jh_participant *p = &ui->d.participants[i];
		snprintf(labels[i], sizeof labels[i], "%s%s%s%s", p->name,
			 *p->department ? ", " : "", p->department,
			 session_is_facilitator(p) ? " (facilitator)" : "");
		items[i].label = labels[i];
		ids[i] = p->id;
		if (p->id == (for_whom ? ui->acting : ui->me))
			start = i;
	}
	items[n].label = "+ someone new";
	k = ui_dialog_pick(ui, for_whom ? "Enter items and votes for whom?" : "Who are you?", items,
			   n + 1, start, 0);
	free(labels);
	free(items);
	if (k >= 0 && (size_t)k < n)
		chosen = ids[k];
	free(ids);
	if (k < 0)
		return UI_HANDLED;
	if ((size_t)k == n) {
		ui_edit_add_id(ui, JH_PARTICIPANT, &chosen);
		if (!chosen)
			return UI_HANDLED;
	}
	if (!for_whom)
		ui->me = chosen;
	ui->acting = chosen;
	ui_views_reload(ui);
	if (!model_index_item(&ui->ix.m, JH_PARTICIPANT, chosen)) {
		ui_message(ui, 1, "That participant was removed meanwhile");
		return UI_HANDLED;
	}
	snprintf(msg, sizeof msg, "%s%s", for_whom && chosen != ui->me ? "Typing for " : "You are ",
		 ui_name(ui, chosen));
	ui_message(ui, 0, "%s", msg);
	return UI_HANDLED;
}
