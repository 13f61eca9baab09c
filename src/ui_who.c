/* ui_who.c: the dialogs that decide who acts and who leads.
 *
 * p never crowns anyone: it lists only participants who are not
 * facilitators. At a facilitator's terminal it chooses for whom items
 * and votes are entered (the facilitator stays who they are); anywhere
 * else it says who sits here, and moving from one signed-in participant
 * to another asks first. F, for facilitators only, hands the role over
 * or shares it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/session.h"
#include "journeyhack/ui_apply.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/ui_signin.h"
#include "journeyhack/ui_views.h"
#include "journeyhack/ui_who.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

/* The people p (and F) offer: everyone who is not a facilitator, by id
 * (another terminal may add or remove people while the list is open),
 * with `self` first when it is given. */
struct who_list {
	size_t n;
	struct ui_pick_item *items;
	char (*labels)[512];
	jh_id *ids;
};

static void list_add(struct who_list *l, const struct jh_participant *p, const char *note)
{
	snprintf(l->labels[l->n], sizeof l->labels[l->n], "%s%s%s%s", p->name,
		 *p->department ? ", " : "", p->department, note);
	l->items[l->n].label = l->labels[l->n];
	l->ids[l->n++] = p->id;
}

static void list_make(const struct ui *ui, const struct jh_participant *self, const char *extra,
		      struct who_list *l)
{
	size_t max = ui->d.nparticipants + 2;

	l->n = 0;
	l->items = util_xcalloc(max, sizeof *l->items);
	l->labels = util_xcalloc(max, sizeof *l->labels);
	l->ids = util_xcalloc(max, sizeof *l->ids);
	if (self)
		list_add(l, self, _(" (yourself)"));
	for (size_t i = 0; i < ui->d.nparticipants; i++)
		if (!session_is_facilitator(&ui->d.participants[i]))
			list_add(l, &ui->d.participants[i], "");
	if (extra) {
		l->items[l->n].label = extra;
		l->ids[l->n++] = 0;
	}
}

static void list_free(struct who_list *l)
{
	free(l->items);
	free(l->labels);
	free(l->ids);
}

/* The id picked from l (0: _("+ someone new") or cancelled, *cancel set). */
static jh_id list_pick(struct ui *ui, struct who_list *l, const char *title, jh_id current,
		       int *cancel)
{
	size_t start = 0;
	long k;

	for (size_t i = 0; i < l->n; i++)
		if (l->ids[i] == current)
			start = i;
	k = ui_dialog_pick(ui, title, l->items, l->n, start, 0);
	*cancel = k < 0;
	return k < 0 ? 0 : l->ids[k];
}

/* Someone at this terminal becomes `chosen`: said on the message line,
 * and asked first when it replaces someone signed in. */
static int sign_in(struct ui *ui, jh_id chosen)
{
	char was[128];

	snprintf(was, sizeof was, "%s", ui->me ? ui_name(ui, ui->me) : "");
	if (ui->me && chosen != ui->me) {
		char q[512];
		snprintf(q, sizeof q, _("You are %s. Sign in as %s instead?"), was,
			 ui_name(ui, chosen));
		if (!ui_dialog_confirm(ui, q)) {
			ui_message(ui, 0, _("You are still %s"), was);
			return 0;
		}
	}
	if (*was && chosen != ui->me)
		ui_message(ui, 0, _("You are now %s (was %s)"), ui_name(ui, chosen), was);
	else
		ui_message(ui, 0, _("You are %s"), ui_name(ui, chosen));
	ui_signin_as(ui, chosen);
	return 1;
}

int ui_who_choose(struct ui *ui)
{
	const struct jh_participant *me = model_participant(&ui->d, ui->me);
	int for_whom = session_may(&ui->d, ui->me, SESSION_TYPE_FOR_OTHERS), cancel;
	struct who_list l;
	jh_id chosen;

	list_make(ui, for_whom ? me : NULL, _("+ someone new"), &l);
	chosen =
	    list_pick(ui, &l, for_whom ? _("Enter items and votes for whom?") : _("Who are you?"),
		      for_whom ? ui->acting : ui->me, &cancel);
	list_free(&l);
	if (cancel)
		return UI_HANDLED;
	if (!chosen) {
		ui_edit_add_id(ui, JH_PARTICIPANT, &chosen);
		if (!chosen)
			return UI_HANDLED;
	}
	ui_views_reload(ui);
	if (!model_index_item(&ui->ix.m, JH_PARTICIPANT, chosen)) {
		ui_message(ui, 1, _("That participant was removed meanwhile"));
		return UI_HANDLED;
	}
	if (!for_whom) {
		sign_in(ui, chosen);
		return UI_HANDLED | UI_RELOAD;
	}
	ui->acting = chosen;
	ui_message(ui, 0, "%s%s", chosen != ui->me ? _("Typing for ") : _("You are "),
		   ui_name(ui, chosen));
	return UI_HANDLED | UI_RELOAD;
}

/* Make participant id facilitator (role "facilitator") or a participant
 * again, through the same rules as every change; 0 when done. */
static int set_role(struct ui *ui, jh_id id, const char *role)
{
	char assign[64], *as[1] = {assign};
	struct jh_err err;

	snprintf(assign, sizeof assign, "role=%s", role);
	if (ui_apply(ui, JH_PARTICIPANT, id, 0, 0, as, 1, NULL, &err)) {
		ui_message(ui, 1, "%s", err.msg);
		return -1;
	}
	ui_views_reload(ui);
	return 0;
}

int ui_who_facilitator(struct ui *ui)
{
	struct ui_pick_item how[] = {{_("Hand the role over (you become a participant)"), 0},
				     {_("Share it: both of you facilitate"), 0}};
	struct who_list l;
	jh_id chosen;
	char name[128], title[256];
	int cancel;
	long k;

	if (ui_apply_refused(ui))
		return UI_HANDLED;
	if (!session_is_facilitator(model_participant(&ui->d, ui->me))) {
		ui_message(ui, 1, _("Only a facilitator can name or remove a facilitator"));
		return UI_HANDLED;
	}
	list_make(ui, NULL, NULL, &l);
	chosen = l.n ? list_pick(ui, &l, _("Who else should facilitate?"), 0, &cancel) : 0;
	list_free(&l);
	if (!chosen || !model_participant(&ui->d, chosen)) {
		ui_message(ui, !l.n,
			   l.n ? _("Nobody named") : _("Everyone here facilitates already"));
		return UI_HANDLED;
	}
	snprintf(name, sizeof name, "%s", ui_name(ui, chosen));
	snprintf(title, sizeof title, _("%s facilitates: and you?"), name);
	k = ui_dialog_pick(ui, title, how, 2, 0, 0);
	if (k < 0 || set_role(ui, chosen, "facilitator")) {
		if (k < 0)
			ui_message(ui, 0, _("Nobody named"));
		return UI_HANDLED;
	}
	if (k == 0 && set_role(ui, ui->me, "participant"))
		return UI_HANDLED;
	ui_message(ui, 0,
		   k == 0 ? _("%s facilitates now; you are a participant")
			  : _("%s facilitates with you now"),
		   name);
	return UI_HANDLED;
}
