/* ui_focus.c: the room's focus at this terminal (ui_focus.h). The rule
 * of who may move it is focus.c's, as on the command line; the jump
 * happens in the loop so that no open form loses its place. */
#include <stdio.h>

#include "journeyhack/focus.h"
#include "journeyhack/i18n.h"
#include "journeyhack/store.h"
#include "journeyhack/ui_apply.h"
#include "journeyhack/ui_focus.h"
#include "journeyhack/ui_views.h"
#include "journeyhack/view.h"

/* The view an item of kind is discussed in; ideas stay in the matrix
 * when that is where this terminal looks at them. */
static int view_of(const struct ui *ui, enum jh_kind kind)
{
	if (kind == JH_PAINPOINT)
		return UI_VIEW_PAINPOINTS;
	if (kind == JH_IDEA)
		return ui->view == UI_VIEW_MATRIX ? UI_VIEW_MATRIX : UI_VIEW_BACKLOG;
	return UI_VIEW_JOURNEYS;
}

/* What the selection means as a focus: a card or a stage on the map
 * stands for the journey shown. */
static int selection(struct ui *ui, enum jh_kind *kind, jh_id *id)
{
	const struct view_ops *v = view_get(ui->view)->ops;
	const struct jh_touchpoint *t;
	const struct jh_stage *s;

	if (!v->selected || v->selected(ui, kind, id))
		return -1;
	if (*kind == JH_TOUCHPOINT && (t = model_touchpoint(&ui->d, *id))) {
		*kind = JH_JOURNEY;
		*id = t->journey_id;
	} else if (*kind == JH_STAGE && (s = model_stage(&ui->d, *id))) {
		*kind = JH_JOURNEY;
		*id = s->journey_id;
	}
	return 0;
}

static void set_focus(struct ui *ui)
{
	enum jh_kind kind, cur;
	jh_id id, cur_id;
	struct jh_err err;

	if (ui_apply_refused(ui))
		return;
	if (selection(ui, &kind, &id)) {
		ui_message(ui, 1, _("Nothing selected"));
		return;
	}
	/* The same item again takes the focus away. */
	if (focus_get(&ui->d, &cur, &cur_id) && cur == kind && cur_id == id)
		kind = JH_NKINDS;
	if (focus_check(&ui->d, ui->me, kind, id, &err) ||
	    store_focus_set(ui->st, ui->wid, kind == JH_NKINDS ? NULL : kinds_get(kind)->name, id,
			    &err)) {
		ui_message(ui, 1, "%s", err.msg);
		return;
	}
	ui_views_reload(ui);
	/* This terminal is where the focus is already: nothing to follow. */
	ui->focus_shown = kind == JH_NKINDS ? 0 : (int)kind + 1;
	ui->focus_shown_id = kind == JH_NKINDS ? 0 : id;
	if (kind == JH_NKINDS)
		ui_message(ui, 0, _("Focus cleared"));
	else
		ui_message(ui, 0, _("The room looks at %s: %s (%s again clears it)"),
			   kinds_noun(kind, 1), focus_text(&ui->d), ui_keys_first(UI_ACT_FOCUS));
}

int ui_focus_action(struct ui *ui, enum ui_action act)
{
	if (act == UI_ACT_FOCUS) {
		set_focus(ui);
		return 1;
	}
	if (act != UI_ACT_FOCUS_STAY)
		return 0;
	ui->focus_stay = !ui->focus_stay;
	ui_message(ui, 0,
		   ui->focus_stay
		       ? _("You stay here when the facilitator focuses an item (%s follows again)")
		       : _("You follow the facilitator's focus (%s stays here)"),
		   ui_keys_first(UI_ACT_FOCUS_STAY));
	return 1;
}

void ui_focus_follow(struct ui *ui)
{
	enum jh_kind kind = JH_NKINDS;
	jh_id id = 0;
	int has = focus_get(&ui->d, &kind, &id);
	int shown = has ? (int)kind + 1 : 0;

	if (shown == ui->focus_shown && (!has || id == ui->focus_shown_id))
		return;
	ui->focus_shown = shown;
	ui->focus_shown_id = id;
	if (!has) {
		ui_message(ui, 0, _("The focus was cleared"));
		return;
	}
	if (ui->focus_stay) {
		ui_message(ui, 0, _("Focus on %s: %s (you stay here; %s follows)"),
			   kinds_noun(kind, 1), focus_text(&ui->d),
			   ui_keys_first(UI_ACT_FOCUS_STAY));
		return;
	}
	ui_views_switch(ui, view_of(ui, kind));
	if (view_get(ui->view)->ops->focus)
		view_get(ui->view)->ops->focus(ui, kind, id);
	ui_message(ui, 0, _("Focus on %s: %s (%s stays here)"), kinds_noun(kind, 1),
		   focus_text(&ui->d), ui_keys_first(UI_ACT_FOCUS_STAY));
}

void ui_focus_status(const struct ui *ui, char *buf, size_t size)
{
	enum jh_kind kind;
	jh_id id;

	if (!focus_get(&ui->d, &kind, &id))
		buf[0] = '\0';
	else
		snprintf(buf, size, "%s",
			 ui->focus_stay ? _("[focus: staying] ") : _("[focus: following] "));
}
