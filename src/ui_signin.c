/* ui_signin.c: the identity of a terminal. A terminal signed in as a
 * participant stays that participant until someone at it chooses
 * otherwise; when the participant is removed in another terminal, this
 * one says so and writes nothing as them (or as nobody) until someone
 * signs in again. Every terminal shows who leads the room. */
#include <stdio.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/rounds.h"
#include "journeyhack/session.h"
#include "journeyhack/ui_signin.h"
#include "journeyhack/view.h"

static const char *name_of(const struct ui *ui, jh_id id)
{
	const struct jh_participant *p = model_index_item(&ui->ix.m, JH_PARTICIPANT, id);

	return p ? p->name : "";
}

void ui_signin_settled(struct ui *ui, int removed)
{
	if (ui->me) {
		snprintf(ui->me_name, sizeof ui->me_name, "%s", name_of(ui, ui->me));
		return;
	}
	if (!removed)
		return;
	ui->removed = 1;
	ui_message(ui, 1,
		   _("%s was removed from the workshop: nothing more is saved as them "
		     "(p signs in)"),
		   ui->me_name);
}

void ui_signin_as(struct ui *ui, jh_id id)
{
	ui->me = ui->acting = id;
	ui->removed = 0;
	snprintf(ui->me_name, sizeof ui->me_name, "%s", name_of(ui, id));
}

/* The role an add or set gives, from its "role=..." assignment. */
static const char *role_given(char *const *assigns, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strncmp(assigns[i], "role=", 5))
			return assigns[i] + 5;
	return NULL;
}

int ui_signin_check(struct ui *ui, enum jh_kind kind, jh_id id, int add, char *const *assigns,
		    size_t n, struct jh_err *err)
{
	struct session_change c = {kind, add ? SESSION_ADD : SESSION_SET, add ? 0 : id,
				   role_given(assigns, n), 0};

	if (ui->removed && !ui->me)
		return err_set(err, _("Not saved: %s was removed from the workshop (p signs in)"),
			       ui->me_name);
	return session_change_check(&ui->d, ui->me, &c, err);
}

/* ", led by Åsa" (", led by Åsa +1" with co-facilitators), or "" when
 * this terminal leads or nobody does. */
static void leader(const struct ui *ui, char *buf, size_t size)
{
	size_t n = ui->ix.nleaders;
	const struct jh_participant *f = model_index_item(&ui->ix.m, JH_PARTICIPANT, ui->ix.leader);

	buf[0] = '\0';
	if (!f || session_is_facilitator(model_index_item(&ui->ix.m, JH_PARTICIPANT, ui->me)))
		return;
	if (n > 1)
		snprintf(buf, size, _(", led by %s +%zu"), f->name, n - 1);
	else
		snprintf(buf, size, _(", led by %s"), f->name);
}

void ui_signin_status(const struct ui *ui, char *buf, size_t size)
{
	const struct jh_participant *me = model_index_item(&ui->ix.m, JH_PARTICIPANT, ui->me);
	size_t l;
	char lead[192];

	if (me)
		snprintf(buf, size, " %s%s", me->name,
			 session_is_facilitator(me) ? _(" (facilitator)") : "");
	else if (ui->removed)
		snprintf(buf, size, _(" %s removed (%s signs in)"), ui->me_name,
			 ui_keys_first(UI_ACT_PARTICIPANT));
	else
		snprintf(buf, size, _(" nobody (%s chooses)"), ui_keys_first(UI_ACT_PARTICIPANT));
	l = strlen(buf);
	if (ui->acting && ui->acting != ui->me)
		l += (size_t)snprintf(buf + l, size - l, _(" for %s"), name_of(ui, ui->acting));
	/* Dots left to whoever votes here: voting happens in any view. */
	if (ui->acting && l < size)
		l += (size_t)snprintf(buf + l, size - l, _(" %d/%d dots"), ui->ix.tally.left,
				      rounds_budget(&ui->d));
	leader(ui, lead, sizeof lead);
	if (l < size)
		snprintf(buf + l, size - l, "%s", lead);
}
