/* ui.c: the top of the interface: sign-in (which workshop, who is at this
 * terminal) and the event loop.
 *
 * Every frame is drawn whole from the model (views draw only their visible
 * rows) and curses sends just the difference, so a resize, a reload from
 * another terminal and a key press all take the same path: update state,
 * draw, refresh. Lower layers never call up here: they return UI_* flags
 * or are handed ui->poll. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/config.h"
#include "journeyhack/i18n.h"
#include "journeyhack/items.h"
#include "journeyhack/replay.h"
#include "journeyhack/samefile.h"
#include "journeyhack/session.h"
#include "journeyhack/store.h"
#include "journeyhack/ui.h"
#include "journeyhack/ui_actions.h"
#include "journeyhack/ui_apply.h"
#include "journeyhack/ui_bell.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/ui_focus.h"
#include "journeyhack/ui_frame.h"
#include "journeyhack/ui_keys.h"
#include "journeyhack/ui_presenter.h"
#include "journeyhack/ui_signin.h"
#include "journeyhack/ui_templates.h"
#include "journeyhack/ui_term.h"
#include "journeyhack/ui_theme.h"
#include "journeyhack/ui_views.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

/* ------------------------------------------------------------ start */

static int read_replay(struct ui *ui, const char *path, struct replay_event **ev,
		       struct jh_err *err)
{
	size_t n;

	if (replay_load(path, ev, &n, err))
		return -1;
	ui->events = *ev;
	ui->nevents = n;
	return 0;
}

static int find_workshop(struct ui *ui, const char *name, struct jh_err *err)
{
	struct jh_workshop *list;
	size_t n;

	if (name)
		return store_workshop_find(ui->st, name, &ui->wid, err);
	if (store_workshop_list(ui->st, &list, &n, err))
		return -1;
	if (n == 1)
		ui->wid = list[0].id;
	for (size_t i = 0; i < n; i++)
		model_workshop_free(&list[i]);
	free(list);
	/* None yet: the chooser offers the templates (ui_templates.c). */
	if (n == 0 && ui->readonly)
		return err_set(err,
			       _("%s holds no workshop: create one with 'journeyhack new NAME'"),
			       store_path(ui->st));
	return 0;
}

/* Several workshops and none named: let the user pick one. */
static int choose_workshop(struct ui *ui, struct jh_err *err)
{
	struct jh_workshop *list;
	struct ui_pick_item *items;
	char(*labels)[512];
	size_t n;
	long k;

	if (store_workshop_list(ui->st, &list, &n, err))
		return -1;
	items = util_xcalloc(n + 1, sizeof *items);
	labels = util_xcalloc(n, sizeof *labels);
	for (size_t i = 0; i < n; i++) {
		snprintf(labels[i], sizeof labels[i], "%s  %s", list[i].name, list[i].title);
		items[i].label = labels[i];
	}
	items[n].label = _("New workshop from a template...");
	k = n ? ui_dialog_pick(ui, _("Open which workshop?"), items, ui->readonly ? n : n + 1, 0, 0)
	      : (long)n;
	if (k >= 0 && (size_t)k < n)
		ui->wid = list[k].id;
	for (size_t i = 0; i < n; i++)
		model_workshop_free(&list[i]);
	free(labels);
	free(items);
	free(list);
	if (k >= 0 && (size_t)k == n) {
		int rc = ui_templates_new(ui, &ui->wid, err);
		if (rc <= 0)
			return rc;
		k = -1;
	}
	/* Keys that run out here, or a quit signal, end the run quietly. */
	if (k < 0 && ui->quit)
		return 1;
	return k < 0 ? err_set(err, _("no workshop chosen")) : 0;
}

/* ------------------------------------------------------------ loading */

/* The first frame needs only the head (store_load_head): the agenda and
 * the status line. The rest is read before anything else is shown or
 * done (load_rest), so no view ever shows a part not yet read as empty. */
static int load_start(struct ui *ui, int whole, struct jh_err *err)
{
	ui->data_version = store_data_version(ui->st);
	ui->partial = !whole;
	return whole ? store_load(ui->st, ui->wid, &ui->d, err)
		     : store_load_head(ui->st, ui->wid, &ui->d, err);
}

/* The room's focus is an item the head does not hold; the first frame
 * already shows it, in its view. */
static int focus_named(const struct ui *ui)
{
	const char *k = ui->d.workshop.focus_kind;

	return k && *k;
}

/* Why the rest could not be read: the run ends with it, as a start-up
 * that read the whole workshop at once did (a damaged file). */
static struct jh_err rest_err;
static int rest_failed;

/* Read the whole workshop once the head is on screen; 0 when it is in
 * memory, else -1 and the run ends. */
static int load_rest(struct ui *ui)
{
	struct jh_data d;

	if (!ui->partial)
		return 0;
	ui->data_version = store_data_version(ui->st);
	if (store_load(ui->st, ui->wid, &d, &rest_err)) {
		rest_failed = 1;
		ui->quit = 1;
		return -1;
	}
	model_data_free(&ui->d);
	ui->d = d;
	ui->partial = 0;
	ui_views_adopt(ui);
	return 0;
}

/* A run that ended on the head alone still refuses a damaged file, as
 * before: the rest is checked, not kept. */
static int rest_ok(struct ui *ui, struct jh_err *err)
{
	if (!rest_failed && ui->partial && store_check_rest(ui->st, ui->wid, &rest_err))
		rest_failed = 1;
	if (rest_failed)
		*err = rest_err;
	return rest_failed ? -1 : 0;
}

/* Every key but quit may show or change any part of the workshop. */
static int key_needs_rest(const struct ui *ui, int key)
{
	return ui->partial &&
	       (key == UI_KEY_MOUSE || ui_keys_action(key, UI_IN(ui->view)) != UI_ACT_QUIT);
}

static void count_rows(const struct ui *ui, long long *rows)
{
	for (int k = 0; k < JH_NKINDS; k++)
		rows[k] = store_rows_read(ui->st, (enum jh_kind)k);
}

/* --as NAME: the participant at this terminal, found by the one rule
 * for names (session_participant_named: "øyvind" is "Øyvind", as on the
 * command line); a name nobody has joins the workshop, which is how
 * people in the room sign in from their laptops. Called with the
 * workshop loaded; a join loads it again. */
static int resolve_as(struct ui *ui, const char *name, struct jh_err *err)
{
	const struct jh_participant *p = name ? session_participant_named(&ui->d, name) : NULL;
	struct jh_assign a = {"name", name};
	struct jh_values vals;
	jh_id id;

	if (!name || p) {
		ui_signin_as(ui, p ? p->id : 0);
		return 0;
	}
	if (items_parse(ui->st, ui->wid, JH_PARTICIPANT, &a, 1, 1, &vals, err) ||
	    store_item_add(ui->st, ui->wid, JH_PARTICIPANT, vals.v, vals.n, &id, err)) {
		items_values_free(&vals);
		ui_message(ui, 1, "--as %s: %s", name, err->msg);
		return 0;
	}
	items_values_free(&vals);
	ui_message(ui, 0, _("Welcome, %s: you joined as a participant"), name);
	model_data_free(&ui->d);
	if (load_start(ui, 0, err))
		return -1;
	ui_signin_as(ui, id);
	return 0;
}

/* ---------------------------------------------------- following the room */

static jh_id step_id(const struct ui *ui)
{
	const struct jh_step *s = session_current_step(&ui->d);

	return s ? s->id : 0;
}

/* After a reload: when someone else started another step, go to the view
 * it works in (or stay, if this terminal chose to), and say so on the
 * status line. Returns reloaded. */
static int follow_room(struct ui *ui, jh_id was, int reloaded)
{
	const struct jh_step *s = session_current_step(&ui->d);
	int v;

	if (!reloaded || !s || s->id == was || !was)
		return reloaded;
	v = view_find(s->view);
	if (ui->stay || v < 0) {
		ui_message(ui, 0, _("The room is at step %d %s (you stay here; f follows)"),
			   session_step_number(&ui->d, s), s->title);
		return reloaded;
	}
	/* Switched in the loop, not here: a form or dialog may be open. */
	ui->follow_to = v + 1;
	ui_message(ui, 0, _("The room moved to step %d %s (%s stays here)"),
		   session_step_number(&ui->d, s), s->title, ui_keys_first(UI_ACT_FOLLOW));
	return reloaded;
}

static void follow_now(struct ui *ui)
{
	if (ui->follow_to && !ui->stay)
		ui_views_switch(ui, ui->follow_to - 1);
	ui->follow_to = 0;
}

/* f: follow the room's step or stay; the loop's one key of its own, as
 * following happens here. 1 when key was it. */
static int follow_key(struct ui *ui, int key)
{
	if (ui_keys_action(key, UI_IN(ui->view)) != UI_ACT_FOLLOW || ui->too_small)
		return 0;
	ui->stay = !ui->stay;
	ui_message(ui, 0,
		   ui->stay ? _("You stay where you are when the room moves (%s follows again)")
			    : _("You follow the room's step to its view (%s stays here)"),
		   ui_keys_first(UI_ACT_FOLLOW));
	return 1;
}

/* ui->poll, between keys. A database file deleted or replaced under us
 * is told at once and kept on the message line (ui_apply_db_gone), and
 * its changes are no longer reloaded; else other processes' changes are
 * looked for. 1 when the screen must be drawn again. */
static int poll_changes(struct ui *ui)
{
	char before[sizeof ui->msg];

	/* The start-up chooser runs before a workshop is open: there is
	 * nothing to reload yet (reloading workshop 0 can only fail). */
	if (!ui->wid)
		return 0;
	snprintf(before, sizeof before, "%s", ui->msg);
	if (!ui_apply_db_gone(ui)) {
		jh_id was = step_id(ui);
		int rest = ui->partial;
		/* Idle after the first frame: the time to read the rest. The
		 * changes are only ever looked for in a whole workshop. */
		if (load_rest(ui))
			return 1;
		return follow_room(ui, was, ui_views_poll(ui) || rest);
	}
	ui->last_poll_ms = ui_term_now_ms();
	return strcmp(before, ui->msg) != 0;
}

static void ui_free(struct ui *ui)
{
	ui_views_cleanup(ui);
	ui_undo_free(ui);
	ui_index_free(&ui->ix);
	model_data_free(&ui->d);
	if (ui->st)
		store_close(ui->st);
}

int ui_run(const struct ui_opts *opts, struct jh_err *err)
{
	struct ui ui;
	struct replay_event *ev = NULL;
	int rc = -1;

	memset(&ui, 0, sizeof ui);
	err_clear(err);
	rest_failed = 0;
	ui_keys_apply(opts->config);
	ui_theme_set(opts->config);
	ui_bell_set(opts->config);
	ui.export_folder = opts->export_folder;
	ui_term_locale(&ui);
	ui.poll = poll_changes;
	ui.replay = opts->replay_path != NULL;
	ui.dump_path = opts->dump_path;
	if (ui.replay && read_replay(&ui, opts->replay_path, &ev, err))
		return -1;
	if (store_open(&ui.st, opts->db_path, STORE_NOCREATE, err)) {
		rc = UI_RUN_NODB;
		goto out;
	}
	samefile_remember(store_path(ui.st), &ui.db_id);
	ui.readonly = store_readonly(ui.st);
	if (find_workshop(&ui, opts->workshop, err))
		goto out;
	ui_term_signals();
	if (ui_term_start(&ui, opts->rows, opts->cols, err))
		goto out;
	if (!ui.wid) {
		int c = choose_workshop(&ui, err);
		if (c) {
			rc = c > 0 ? 0 : -1;
			goto out;
		}
	}
	/* Load the head, then sign in (a join reads the head again); the
	 * rest is read after the first frame. */
	if (load_start(&ui, 0, err) || resolve_as(&ui, opts->as_name, err))
		goto out;
	if (focus_named(&ui)) {
		model_data_free(&ui.d);
		if (load_start(&ui, 1, err))
			goto out;
	}
	/* Printed before the screen took over, so said again where it shows. */
	if (opts->config && opts->config->nproblems)
		ui_message(&ui, 1, "%s%s", opts->config->problems[0],
			   opts->config->nproblems > 1 ? " (and more: journeyhack config --dump)"
						       : "");
	/* Said at once, not at the first refused change: the title bar's
	 * "[read-only]" is cut off on a narrow terminal. */
	if (ui.readonly)
		ui_message(&ui, 1, _("Read-only (%s): you can look, but nothing can be changed"),
			   store_readonly_reason(ui.st));
	ui.view = UI_VIEW_AGENDA;
	ui.presenter = opts->presenter;
	ui_views_adopt(&ui);
	/* A terminal polls at once after the first frame, which reads the
	 * rest; replayed keys read it with the first key but quit. */
	ui.last_poll_ms = ui.partial ? 0 : ui_term_now_ms();
	for (int frames = 0; !ui.quit; frames++) {
		int key;
		follow_now(&ui);
		ui_focus_follow(&ui);
		ui_frame_draw(&ui);
		refresh();
		if (!frames && opts->stats)
			count_rows(&ui, opts->stats->first_frame_rows);
		key = ui_term_key(&ui);
		if (key == UI_KEY_EOF)
			break;
		if (key == UI_KEY_NONE || (key_needs_rest(&ui, key) && load_rest(&ui)))
			continue;
		if (!follow_key(&ui, key) && !ui_presenter_key(&ui, key))
			ui_actions_key(&ui, key);
	}
	if (rest_ok(&ui, err))
		goto out;
	rc = 0;
	if (ui.dump_path && !ui.dumped) {
		/* A quit key leaves the last frame before it: draw the state
		 * the keys led to, so the dump shows where they ended. */
		ui_frame_draw(&ui);
		if (ui_term_dump(ui.dump_path, err))
			rc = -1;
	} else if (ui.dump_failed) {
		*err = ui.dump_err;
		rc = -1;
	}
out:
	if (opts->stats && ui.st)
		count_rows(&ui, opts->stats->rows);
	ui_term_stop();
	ui_free(&ui);
	free(ev);
	return rc;
}
