/* ui_setup.c: editing the agenda and the stages from the interface, as
 * undoable changes under the workshop's rights. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/store.h"
#include "journeyhack/timing.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/ui_edit.h"
#include "journeyhack/ui_setup.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

static int set_int(struct ui *ui, enum jh_kind kind, jh_id id, const char *field, long v,
		   const char *what)
{
	char a[64];
	const char *as[1] = {a};

	snprintf(a, sizeof a, "%s=%ld", field, v);
	return ui_edit_set_fields(ui, kind, id, as, 1, what);
}

int ui_setup_step_move(struct ui *ui, size_t i, int dir)
{
	const struct jh_step *s = &ui->d.steps[i], *o;
	int flags;

	if ((dir < 0 && i == 0) || (dir > 0 && i + 1 >= ui->d.nsteps)) {
		ui_message(ui, 1,
			   dir < 0 ? _("The step is already first")
				   : _("The step is already last"));
		return UI_HANDLED;
	}
	o = &ui->d.steps[dir < 0 ? i - 1 : i + 1];
	/* Across a day's edge the step changes day and keeps its place, so
	 * the days stay in agenda order. */
	if (o->day != s->day)
		flags = set_int(ui, JH_STEP, s->id, "day", o->day, "day");
	else
		flags = set_int(ui, JH_STEP, s->id, "position", o->position, "order");
	if (flags & UI_RELOAD)
		ui_message(ui, 0, dir < 0 ? _("Moved %s up") : _("Moved %s down"), s->title);
	return flags;
}

int ui_setup_timebox(struct ui *ui, size_t i, int delta)
{
	const struct jh_step *s = &ui->d.steps[i];
	long m = s->minutes + delta;
	int flags;

	if (m < 1)
		m = 1;
	if (m > 1440)
		m = 1440;
	if (m == s->minutes) {
		ui_message(ui, 1, _("A timebox is 1 to 1440 minutes"));
		return UI_HANDLED;
	}
	flags = set_int(ui, JH_STEP, s->id, "minutes", m, "timebox");
	if (flags & UI_RELOAD)
		ui_message(ui, 0, _("%s: %ld minutes"), s->title, m);
	return flags;
}

int ui_setup_step_start(struct ui *ui, size_t i)
{
	const struct jh_step *s = &ui->d.steps[i];
	char buf[16] = "", label[256];
	struct jh_err err;
	int start;

	if (!ui_edit_facilitator(ui, SESSION_EDIT_AGENDA))
		return UI_HANDLED;
	if (ui->readonly) {
		ui_message(ui, 1, _("The database is read-only here: nothing can be changed"));
		return UI_HANDLED;
	}
	snprintf(label, sizeof label, _("%s starts at (HH:MM; empty: after the step before): "),
		 s->title);
	if (!ui_dialog_prompt(ui, label, buf, sizeof buf))
		return UI_HANDLED;
	start = *buf ? timing_parse(buf) : -1;
	if (*buf && start < 0) {
		ui_message(ui, 1, _("start=%s: not a time of day (HH:MM)"), buf);
		return UI_HANDLED;
	}
	if (store_step_start(ui->st, ui->wid, s->id, start, &err)) {
		ui_message(ui, 1, "%s", err.msg);
		return UI_HANDLED;
	}
	if (start < 0)
		ui_message(ui, 0, _("%s starts after the step before it"), s->title);
	else
		ui_message(ui, 0, _("%s starts at %s"), s->title, buf);
	return UI_HANDLED | UI_RELOAD;
}

/* The stages of journey j in map order (d.stages is sorted so). */
static size_t journey_stages(const struct ui *ui, jh_id j, size_t *out)
{
	size_t n = 0;

	for (size_t k = 0; k < ui->d.nstages; k++)
		if (ui->d.stages[k].journey_id == j)
			out[n++] = k;
	return n;
}

int ui_setup_stage_move(struct ui *ui, jh_id stage, int dir)
{
	const struct jh_stage *s = model_index_item(&ui->ix.m, JH_STAGE, stage);
	size_t *order, n, at = 0, tmp;
	int flags = UI_HANDLED;

	if (!s)
		return UI_HANDLED;
	order = util_xcalloc(ui->d.nstages + 1, sizeof *order);
	n = journey_stages(ui, s->journey_id, order);
	while (at < n && ui->d.stages[order[at]].id != stage)
		at++;
	if ((dir < 0 && at == 0) || (dir > 0 && at + 1 >= n)) {
		free(order);
		ui_message(ui, 1,
			   dir < 0 ? _("The stage is already first")
				   : _("The stage is already last"));
		return UI_HANDLED;
	}
	tmp = order[at];
	order[at] = order[at + (size_t)dir];
	order[at + (size_t)dir] = tmp;
	/* Renumber the journey's stages 0..n-1 as one undoable change; the
	 * touchpoints name their stage, so they move with it. */
	ui_undo_group_begin(ui);
	for (size_t k = 0; k < n; k++)
		if (ui->d.stages[order[k]].position != (int)k)
			flags |= set_int(ui, JH_STAGE, ui->d.stages[order[k]].id, "position",
					 (long)k, "order");
	ui_undo_group_end(ui);
	free(order);
	return flags;
}

int ui_setup_stage_rename(struct ui *ui, jh_id stage)
{
	const struct jh_stage *s = model_index_item(&ui->ix.m, JH_STAGE, stage);
	char buf[256], a[300], label[300];
	const char *as[1] = {a};

	if (!s)
		return UI_HANDLED;
	snprintf(label, sizeof label, _("New name for the stage %s: "), s->name);
	snprintf(buf, sizeof buf, "%s", s->name);
	if (!ui_dialog_prompt(ui, label, buf, sizeof buf) || !*buf)
		return UI_HANDLED;
	snprintf(a, sizeof a, "name=%s", buf);
	return ui_edit_set_fields(ui, JH_STAGE, stage, as, 1, "name");
}
