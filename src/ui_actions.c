/* ui_actions.c: what a key does. A key is looked up in keys.def for the
 * current view; the view handles it first (movement, its own keys), then
 * the actions every view shares. Handlers return UI_* flags and this is
 * the one place that acts on them. */
#include <stdio.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/session.h"
#include "journeyhack/store.h"
#include "journeyhack/ui_actions.h"
#include "journeyhack/ui_apply.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/ui_export.h"
#include "journeyhack/ui_followup.h"
#include "journeyhack/ui_frame.h"
#include "journeyhack/ui_merge.h"
#include "journeyhack/ui_rounds.h"
#include "journeyhack/ui_term.h"
#include "journeyhack/ui_testcard.h"
#include "journeyhack/ui_views.h"
#include "journeyhack/ui_who.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

static int do_timer(struct ui *ui, int reset)
{
	struct jh_err err;
	int rc;

	if (!ui_edit_facilitator(ui, reset ? SESSION_RESET_TIMER : SESSION_RUN_TIMER))
		return UI_HANDLED;
	rc = reset ? store_timer_reset(ui->st, ui->wid, &err)
		   : store_timer_toggle(ui->st, ui->wid, ui_term_now(), &err);
	if (rc) {
		ui_message(ui, 1, "%s", err.msg);
		return UI_HANDLED;
	}
	ui->last_tick = 0;
	return UI_HANDLED | UI_RELOAD;
}

static int do_reveal(struct ui *ui)
{
	struct jh_err err;
	int n = 0;

	if (!ui_edit_facilitator(ui, SESSION_REVEAL))
		return UI_HANDLED;
	for (size_t i = 0; i < ui->d.nsteps; i++) {
		const struct jh_step *s = &ui->d.steps[i];
		if (!session_step_revealable(&ui->d, s))
			continue;
		if (store_step_reveal(ui->st, ui->wid, s->id, &err)) {
			ui_message(ui, 1, "%s", err.msg);
			return UI_HANDLED | UI_RELOAD;
		}
		n++;
	}
	if (n)
		ui_message(ui, 0,
			   ngettext("Revealed private writing of %d step",
				    "Revealed private writing of %d steps", (unsigned long)n),
			   n);
	else
		ui_message(ui, 0, _("Nothing private to reveal"));
	return UI_HANDLED | (n ? UI_RELOAD : 0);
}

static int do_search(struct ui *ui, enum ui_action act)
{
	const struct view_ops *v = view_get(ui->view)->ops;
	int dir = act == UI_ACT_SEARCH_PREV ? -1 : 1;

	if (act == UI_ACT_SEARCH) {
		char buf[sizeof ui->search];
		buf[0] = '\0';
		if (!ui_dialog_prompt(ui, "/", buf, sizeof buf) || !buf[0])
			return UI_HANDLED;
		snprintf(ui->search, sizeof ui->search, "%s", buf);
	}
	if (!ui->search[0]) {
		ui_message(ui, 1, _("No search yet: / searches"));
		return UI_HANDLED;
	}
	if (!v->search || v->search(ui, ui->search, dir))
		ui_message(ui, 1, _("Not found: %s"), ui->search);
	return UI_HANDLED;
}

static int selected(struct ui *ui, enum jh_kind *kind, jh_id *id)
{
	const struct view_ops *v = view_get(ui->view)->ops;

	if (!v->selected || v->selected(ui, kind, id)) {
		ui_message(ui, 1, _("Nothing selected"));
		return -1;
	}
	return 0;
}

static int do_cycle(struct ui *ui)
{
	struct session_cycle c;
	const char *as[1] = {c.assign};
	enum jh_kind kind;
	jh_id id;

	if (selected(ui, &kind, &id))
		return UI_HANDLED;
	if (session_cycle(&ui->d, kind, id, &c))
		return 0;
	return ui_edit_set_fields(ui, kind, id, as, 1, c.what);
}

static int do_add_any(struct ui *ui)
{
	static const enum jh_kind kinds[] = {JH_TOUCHPOINT, JH_PAINPOINT,   JH_IDEA,
					     JH_ACTION,	    JH_PARKING,	    JH_JOURNEY,
					     JH_STAGE,	    JH_PARTICIPANT, JH_PERSONA};
	struct ui_pick_item items[sizeof kinds / sizeof kinds[0] + 1];
	size_t n = sizeof kinds / sizeof kinds[0];
	long k;

	for (size_t i = 0; i < n; i++) {
		items[i].label = kinds_noun(kinds[i], 1);
		items[i].marked = 0;
	}
	items[n].label = _("workshop settings (edit)");
	items[n].marked = 0;
	k = ui_dialog_pick(ui, _("Add what?"), items, n + 1, 0, 0);
	if (k < 0)
		return UI_HANDLED;
	if ((size_t)k == n)
		return ui_edit_item(ui, JH_WORKSHOP, ui->wid);
	return ui_edit_add(ui, kinds[k]);
}

static int do_undo(struct ui *ui)
{
	enum jh_kind kind;
	jh_id id;

	if (ui_apply_refused(ui))
		return UI_HANDLED;
	ui_undo_last(ui, &kind, &id);
	/* Show what came back or changed back. */
	ui_edit_refocus(ui, kind, id);
	return UI_HANDLED;
}

static int global_action(struct ui *ui, enum ui_action act)
{
	const struct view_ops *v = view_get(ui->view)->ops;
	enum jh_kind kind;
	jh_id id;

	switch (act) {
	case UI_ACT_VIEW_AGENDA:
	case UI_ACT_VIEW_JOURNEYS:
	case UI_ACT_VIEW_PAINPOINTS:
	case UI_ACT_VIEW_BACKLOG:
	case UI_ACT_VIEW_MATRIX:
	case UI_ACT_VIEW_ACTIONS:
	case UI_ACT_VIEW_PARKING:
	case UI_ACT_VIEW_PARTICIPANTS:
		ui_views_switch(ui, (int)(act - UI_ACT_VIEW_AGENDA));
		return UI_HANDLED;
	case UI_ACT_VIEW_NEXT:
		ui_views_switch(ui, (ui->view + 1) % UI_NVIEWS);
		return UI_HANDLED;
	case UI_ACT_VIEW_PREV:
		ui_views_switch(ui, (ui->view + UI_NVIEWS - 1) % UI_NVIEWS);
		return UI_HANDLED;
	case UI_ACT_ADD:
		if (v->kind == JH_NKINDS)
			return 0;
		return ui_edit_add(ui, v->kind);
	case UI_ACT_ADD_ANY:
		return do_add_any(ui);
	case UI_ACT_EDIT:
		if (selected(ui, &kind, &id))
			return UI_HANDLED;
		return ui_edit_item(ui, kind, id);
	case UI_ACT_DELETE:
		if (selected(ui, &kind, &id))
			return UI_HANDLED;
		return ui_edit_delete(ui, kind, id);
	case UI_ACT_CYCLE:
		return do_cycle(ui);
	case UI_ACT_MERGE_MARK:
	case UI_ACT_MERGE:
		if (selected(ui, &kind, &id))
			return UI_HANDLED;
		return act == UI_ACT_MERGE ? ui_merge_into_mark(ui, kind, id)
					   : ui_merge_mark(ui, kind, id);
	case UI_ACT_UNDO:
		return do_undo(ui);
	case UI_ACT_VOTE:
	case UI_ACT_UNVOTE:
		if (selected(ui, &kind, &id) || kind != JH_IDEA)
			return UI_HANDLED;
		return ui_edit_vote(ui, id, act == UI_ACT_VOTE ? 1 : -1);
	case UI_ACT_SEARCH:
	case UI_ACT_SEARCH_NEXT:
	case UI_ACT_SEARCH_PREV:
		return do_search(ui, act);
	case UI_ACT_TIMER:
		return do_timer(ui, 0);
	case UI_ACT_TIMER_RESET:
		return do_timer(ui, 1);
	case UI_ACT_STEP_NEXT:
	case UI_ACT_STEP_PREV: {
		int to = ui->d.workshop.current_step + (act == UI_ACT_STEP_NEXT ? 1 : -1);
		int flags = ui_edit_step(ui, to);
		if (flags & UI_RELOAD) {
			const struct jh_step *s;
			ui_views_reload(ui);
			s = session_current_step(&ui->d);
			/* The step says where the room works now. */
			if (s && view_find(s->view) >= 0)
				ui_views_switch(ui, view_find(s->view));
		}
		return UI_HANDLED;
	}
	case UI_ACT_REVEAL:
		return do_reveal(ui);
	case UI_ACT_PARTICIPANT:
		return ui_who_choose(ui);
	case UI_ACT_FACILITATOR:
		return ui_who_facilitator(ui);
	case UI_ACT_EXPORT:
		return ui_export(ui);
	case UI_ACT_FOLLOWUP:
		return ui_followup(ui);
	case UI_ACT_TESTCARD_EDIT:
		if (selected(ui, &kind, &id) || kind != JH_IDEA)
			return UI_HANDLED;
		return ui_testcard(ui, id);
	case UI_ACT_HELP:
		ui_dialog_help(ui, _(view_get(ui->view)->title));
		return UI_HANDLED;
	case UI_ACT_QUIT:
		return UI_QUIT;
	case UI_ACT_REDRAW:
		clearok(curscr, TRUE);
		return UI_HANDLED;
	case UI_ACT_ROUND:
		return ui_rounds_round(ui);
	case UI_ACT_READY:
		return ui_rounds_ready(ui);
	case UI_ACT_NOT_READY:
		return ui_rounds_not_ready(ui);
	default:
		return 0;
	}
}

static void handle_mouse(struct ui *ui)
{
	const struct view_ops *v = view_get(ui->view)->ops;
	struct ui_rect r;

	ui_frame_view_rect(ui, &r);
	if (ui->too_small)
		return;
	if (ui->mouse_button == 4 || ui->mouse_button == 5) {
		for (int i = 0; i < 3; i++)
			v->action(ui, ui->mouse_button == 4 ? UI_ACT_UP : UI_ACT_DOWN, &r);
		return;
	}
	if (ui->mouse_y == 0) {
		ui_views_switch(ui, ui_frame_tab_at(ui->mouse_x));
		return;
	}
	if (ui->mouse_y >= r.y && ui->mouse_y < r.y + r.h && v->click)
		v->click(ui, &r, ui->mouse_y, ui->mouse_x);
}

void ui_actions_key(struct ui *ui, int key)
{
	const struct view_ops *v = view_get(ui->view)->ops;
	struct ui_rect r;
	int act, flags;

	ui->msg[0] = '\0';
	if (key == UI_KEY_MOUSE) {
		handle_mouse(ui);
		return;
	}
	act = ui_keys_action(key, UI_IN(ui->view));
	if (ui->too_small && act != UI_ACT_QUIT && act != UI_ACT_REDRAW)
		return;
	if (act < 0) {
		char name[32];
		ui_keys_name(key, name, sizeof name);
		ui_message(ui, 1, _("%s does nothing here: %s lists the keys"), name,
			   ui_keys_first(UI_ACT_HELP));
		return;
	}
	ui_frame_view_rect(ui, &r);
	flags = v->action ? v->action(ui, (enum ui_action)act, &r) : 0;
	if (!flags)
		flags = global_action(ui, (enum ui_action)act);
	if (flags & UI_RELOAD)
		ui_views_reload(ui);
	if (flags & UI_QUIT)
		ui->quit = 1;
}
