/* ui_edit.c: every change the UI makes to items, through items.c and the
 * store (the same validation as the command line), each recorded for undo
 * (ui_undo.c). Forms get their choices here, from the loaded workshop. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/form.h"
#include "journeyhack/i18n.h"
#include "journeyhack/store.h"
#include "journeyhack/text.h"
#include "journeyhack/ui_apply.h"
#include "journeyhack/ui_choices.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/ui_edit.h"
#include "journeyhack/ui_fill.h"
#include "journeyhack/ui_owner.h"
#include "journeyhack/ui_views.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

/* ---------------------------------------------------------------- saving */

/* Settings that lower the budget or cap below what is spent: the rule
 * refuses; the facilitator may confirm a trim of the excess dots (newest
 * first), which sets the new limits in the same transaction. */
static int settings_limits(struct ui *ui, struct form *f, struct jh_err *err)
{
	const struct jh_kind_def *k = kinds_get(JH_WORKSHOP);
	struct jh_value v[2];
	long long budget = 0, cap = 0;
	char q[1200];

	memset(v, 0, sizeof v);
	if (util_parse_int(form_get(f, "dots"), &budget) ||
	    util_parse_int(form_get(f, "max_dots"), &cap) ||
	    !session_limits_check(&ui->d, budget, cap, err))
		return 0;
	snprintf(q, sizeof q, _("%s. Trim the excess dots, newest first?"), err->msg);
	if (!ui_dialog_confirm(ui, q))
		return -1;
	v[0].field = kinds_field(k, "dots");
	v[0].num = budget;
	v[1].field = kinds_field(k, "max_dots");
	v[1].num = cap;
	return store_workshop_trim(ui->st, ui->wid, v, 2, NULL, err);
}

/* The item as the database holds it now, loaded into d; NULL when gone. */
static const void *fresh_item(struct ui *ui, struct jh_data *d, enum jh_kind kind, jh_id id)
{
	const struct jh_kind_def *k = kinds_get(kind);
	struct jh_err err;

	memset(d, 0, sizeof *d);
	if (store_load(ui->st, ui->wid, d, &err))
		return NULL;
	if (kind == JH_WORKSHOP)
		return &d->workshop;
	for (size_t i = 0; i < kinds_count(k, d); i++) {
		const void *item = kinds_item(k, d, i);
		if (*(const jh_id *)item == id)
			return item;
	}
	return NULL;
}

/* "field «value», ..." for the fields in as, from their values (mine)
 * or from item's (theirs). */
static void values_text(char *out, size_t size, const struct jh_kind_def *k, char **as, size_t n,
			const void *item)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < n && len < size; i++) {
		const char *eq = strchr(as[i], '=');
		char name[64], *theirs = NULL;
		const struct jh_field_def *fd;
		snprintf(name, sizeof name, "%.*s", (int)(eq - as[i]), as[i]);
		fd = kinds_field(k, name);
		if (item && fd)
			theirs = ui_fill_text(fd, item);
		len += (size_t)snprintf(out + len, size - len, "%s%s «%s»", i ? ", " : "", name,
					item ? (theirs ? theirs : "") : eq + 1);
		free(theirs);
	}
}

/* Keep yours: saved over the revision now there, with their values as
 * what undo puts back. */
static int keep_mine(struct ui *ui, struct form *f, const void *item, long long rev, char **as,
		     size_t n, struct jh_err *err)
{
	const struct jh_kind_def *k = kinds_get(f->kind);
	struct ui_undo_rec rec;
	int rc;

	ui_undo_init(&rec, UI_UNDO_SET, f->kind, f->id, _("edit of %s #%lld"),
		     kinds_noun(k->kind, 1), (long long)f->id);
	for (size_t i = 0; i < n; i++) {
		const char *eq = strchr(as[i], '=');
		char name[64], *v;
		snprintf(name, sizeof name, "%.*s", (int)(eq - as[i]), as[i]);
		v = kinds_field(k, name) ? ui_fill_text(kinds_field(k, name), item) : NULL;
		ui_undo_assign(&rec, name, v ? v : "");
		free(v);
	}
	rc = ui_apply_if(ui, f->kind, f->id, rev, as, n, err);
	if (!rc)
		ui_undo_push(ui, &rec);
	ui_undo_discard(&rec);
	return rc;
}

/* Someone saved the item while this form was open: show both values of
 * each changed field and let the user keep theirs, keep yours, or go on
 * editing. Nothing is lost: a kept "yours" can be undone back to theirs,
 * a kept "theirs" names on the message line what was typed. */
static int resolve_conflict(struct ui *ui, struct form *f, char **as, size_t n, struct jh_err *err)
{
	const struct jh_kind_def *k = kinds_get(f->kind);
	char theirs[512], mine[512], l0[700], l1[700], title[256];
	struct ui_pick_item items[3];
	struct store_rev r;
	struct jh_data d;
	const void *item = fresh_item(ui, &d, f->kind, f->id);
	const char *who;
	long c;
	int rc;

	if (!item || store_item_revision(ui->st, ui->wid, f->kind, f->id, &r, err)) {
		model_data_free(&d);
		return err_set(err, _("this %s was removed in another terminal; not saved"),
			       kinds_noun(k->kind, 1));
	}
	who = r.by[0] ? r.by : _("Someone else");
	values_text(theirs, sizeof theirs, k, as, n, item);
	values_text(mine, sizeof mine, k, as, n, NULL);
	snprintf(title, sizeof title, _("Conflict: %s changed this %s while you edited it"), who,
		 kinds_noun(k->kind, 1));
	snprintf(l0, sizeof l0, _("Keep theirs (%s): %s"), who, theirs);
	snprintf(l1, sizeof l1, _("Keep yours: %s"), mine);
	items[0] = (struct ui_pick_item){l0, 0};
	items[1] = (struct ui_pick_item){l1, 0};
	items[2] =
	    (struct ui_pick_item){_("Edit: back to the form with yours, theirs shown below"), 0};
	c = ui_dialog_pick(ui, title, items, 3, 2, 0);
	if (c == 0) {
		/* Theirs stays; what was typed is not thrown away but kept as
		 * this form's draft, whole, however long. */
		if (f->drafts) {
			f->keep_draft = 1;
			ui_message(ui, 0,
				   _("Kept %s's version; yours is your draft of it (e, then C-r)"),
				   who);
		} else {
			ui_message(ui, 0, _("Kept %s's version; yours was: %s"), who, mine);
		}
		rc = 0;
	} else if (c == 1) {
		rc = keep_mine(ui, f, item, r.revision, as, n, err);
		if (!rc)
			ui_message(ui, 0, _("Saved yours over %s's (%s puts theirs back)"), who,
				   ui_keys_first(UI_ACT_UNDO));
	} else {
		/* The next save goes over what is there now, seen. */
		f->base_rev = r.revision;
		rc = err_set(err, _("%s saved: %s. Yours is in the form: %s saves it"), who, theirs,
			     ui_keys_first(UI_ACT_FORM_SAVE));
	}
	model_data_free(&d);
	return rc;
}

static int save_form(struct form *f, void *ctx, struct jh_err *err)
{
	struct ui *ui = ctx;
	struct ui_undo_rec rec;
	char **as = util_xcalloc(f->n + 1, sizeof *as);
	size_t n = 0;
	jh_id id = 0;
	int add = f->id == 0 && f->kind != JH_WORKSHOP, rc;
	int settled = ui_owner_settle(ui, f);
	char b[32];

	memset(&rec, 0, sizeof rec);
	for (size_t i = 0; i < f->n; i++) {
		const struct form_field *ff = &f->f[i];
		size_t len;
		if (add ? !*ff->line.text : (ff->hidden || !strcmp(ff->line.text, ff->orig)))
			continue;
		len = strlen(ff->def->name) + strlen(ff->line.text) + 2;
		as[n] = util_xmalloc(len);
		snprintf(as[n++], len, "%s=%s", ff->def->name, ff->line.text);
		if (!add)
			ui_undo_assign(&rec, ff->def->name, ff->orig);
	}
	if (add && ui->acting && form_field(f, "author") && !*form_get(f, "author")) {
		snprintf(b, sizeof b, "author=%lld", (long long)ui->acting);
		as[n++] = util_xstrdup(b);
	}
	if (!add && !n) {
		rc = 0;
		ui_message(ui, 0, _("Nothing changed"));
		goto out;
	}
	rc = f->kind == JH_WORKSHOP ? settings_limits(ui, f, err) : 0;
	if (!rc && !add && f->base_rev) {
		rc = ui_apply_if(ui, f->kind, f->kind == JH_WORKSHOP ? ui->wid : f->id, f->base_rev,
				 as, n, err);
		if (rc == STORE_CONFLICT) {
			rc = resolve_conflict(ui, f, as, n, err);
			goto out;
		}
	} else if (!rc) {
		rc = ui_apply(ui, f->kind, f->kind == JH_WORKSHOP ? ui->wid : f->id, add, 0, as, n,
			      &id, err);
	}
	if (!rc) {
		/* The assignments gathered above are the undo of an edit. */
		rec.op = add ? UI_UNDO_ADD : UI_UNDO_SET;
		rec.kind = f->kind;
		rec.id = add ? id : f->id;
		snprintf(rec.what, sizeof rec.what, "%s %s #%lld", add ? _("add of") : _("edit of"),
			 kinds_noun(f->kind, 1), (long long)rec.id);
		ui_undo_push(ui, &rec);
		f->id = add ? id : f->id;
		ui_message(ui, 0, "%s %s #%lld", add ? _("Added") : _("Saved"),
			   kinds_noun(f->kind, 1), (long long)(add ? id : f->id));
		if (settled)
			ui_message(ui, 0, _("%s %s #%lld, owned by %s from the participants"),
				   add ? _("Added") : _("Saved"), kinds_noun(f->kind, 1),
				   (long long)(add ? id : f->id), form_get(f, "owner"));
	}
out:
	ui_undo_discard(&rec);
	for (size_t i = 0; i < n; i++)
		free(as[i]);
	free(as);
	return rc;
}

int ui_edit_facilitator(struct ui *ui, enum session_right r)
{
	if (ui_apply_refused(ui))
		return 0;
	if (session_may(&ui->d, ui->me, r))
		return 1;
	ui_message(ui, 1, _("Only a facilitator can %s (%s chooses who you are)"),
		   session_right_text(r), ui_keys_first(UI_ACT_PARTICIPANT));
	return 0;
}

static int writable(struct ui *ui)
{
	if (ui_apply_refused(ui))
		return 0;
	if (!ui->readonly)
		return 1;
	ui_message(ui, 1, _("The database is read-only here (%s): nothing can be changed"),
		   store_readonly_reason(ui->st));
	return 0;
}

void ui_edit_refocus(struct ui *ui, enum jh_kind kind, jh_id id)
{
	const struct view_ops *v = view_get(ui->view)->ops;
	char msg[sizeof ui->msg];
	int err = ui->msg_error;

	/* The reload must not eat the message of the change. */
	snprintf(msg, sizeof msg, "%s", ui->msg);
	ui_views_reload(ui);
	snprintf(ui->msg, sizeof ui->msg, "%s", msg);
	ui->msg_error = err;
	if (v->focus && id)
		v->focus(ui, kind, id);
}

/* Append s to the list *buf (allocated, NULL while empty) after sep:
 * every name, however many and however long. */
static void join_name(char **buf, size_t *len, const char *sep, const char *s)
{
	const char *before = *buf ? sep : "";
	size_t add = strlen(before) + strlen(s);

	*buf = util_xrealloc(*buf, *len + add + 1);
	snprintf(*buf + *len, add + 1, "%s%s", before, s);
	*len += add;
}

int ui_edit_add_id(struct ui *ui, enum jh_kind kind, jh_id *out)
{
	const struct view_ops *v = view_get(ui->view)->ops;
	struct form f;
	char presets[8][128];
	size_t np = 0;
	int saved;

	*out = 0;
	if (!writable(ui))
		return UI_HANDLED;
	/* Steps too: the facilitator edits the agenda here (ui_setup.c). */
	if ((!kinds_addable(kind) && kind != JH_STEP) || kind == JH_VOTE) {
		ui_message(ui, 1, _("%s items cannot be added here"), kinds_noun(kind, 1));
		return UI_HANDLED;
	}
	form_init(&f, kind, 0, 1);
	if (kind == JH_JOURNEY) {
		char *stages = NULL;
		size_t len = 0;
		for (size_t i = 0; i < ui->d.nstage_names; i++)
			join_name(&stages, &len, ", ", ui->d.stage_names[i]);
		form_set(&f, "stages", stages ? stages : "");
		free(stages);
	}
	if (v->presets)
		np = v->presets(ui, kind, presets, 8);
	for (size_t i = 0; i < np; i++) {
		char *eq = strchr(presets[i], '=');
		if (!eq)
			continue;
		*eq = '\0';
		form_set(&f, presets[i], eq + 1);
	}
	/* A touchpoint needs a journey; with several, start with the first. */
	if (form_field(&f, "journey") && !*form_get(&f, "journey") && ui->d.njourneys) {
		char b[32];
		snprintf(b, sizeof b, "%lld", (long long)ui->d.journeys[0].id);
		form_set(&f, "journey", b);
	}
	form_mark_orig(&f);
	f.ctx = ui;
	f.changed = ui_choices_refresh;
	f.save = save_form;
	saved = form_run(ui, &f);
	if (saved) {
		*out = f.id;
		ui_edit_refocus(ui, kind, f.id);
	}
	form_free(&f);
	return UI_HANDLED;
}

int ui_edit_add(struct ui *ui, enum jh_kind kind)
{
	jh_id id;

	return ui_edit_add_id(ui, kind, &id);
}

int ui_edit_item(struct ui *ui, enum jh_kind kind, jh_id id)
{
	struct form f;

	if (!writable(ui))
		return UI_HANDLED;
	if ((kind == JH_STEP || kind == JH_WORKSHOP) &&
	    !ui_edit_facilitator(ui, kind == JH_STEP ? SESSION_EDIT_AGENDA : SESSION_EDIT_WORKSHOP))
		return UI_HANDLED;
	form_init(&f, kind, id, 0);
	if (kind == JH_WORKSHOP)
		snprintf(f.title, sizeof f.title, _("Workshop settings"));
	else
		snprintf(f.title, sizeof f.title, _("Edit %s #%lld"), kinds_title_noun(kind),
			 (long long)id);
	if (ui_fill_form(ui, &f, kind, id)) {
		form_free(&f);
		ui_message(ui, 1, _("That %s is gone (removed in another terminal?)"),
			   kinds_noun(kind, 1));
		return UI_HANDLED | UI_RELOAD;
	}
	form_mark_orig(&f);
	f.base_rev = kinds_revision(kind, ui_fill_item(ui, kind, id));
	f.ctx = ui;
	f.changed = ui_choices_refresh;
	f.save = save_form;
	if (form_run(ui, &f))
		ui_edit_refocus(ui, kind, id);
	form_free(&f);
	return UI_HANDLED;
}

static void push_set(struct ui *ui, enum jh_kind kind, jh_id id, const char *field,
		     const char *value)
{
	struct ui_undo_rec r;

	ui_undo_init(&r, UI_UNDO_SET, kind, id, _("links of %s #%lld"), kinds_noun(kind, 1),
		     (long long)id);
	ui_undo_assign(&r, field, value);
	ui_undo_push(ui, &r);
}

/* Undo records that restore the references to item `id` of `kind` that
 * its deletion clears: an action's idea, an idea's pain points, authors. */
static void relink_records(struct ui *ui, enum jh_kind kind, jh_id id)
{
	const struct jh_data *d = &ui->d;
	char v[32];

	snprintf(v, sizeof v, "%lld", (long long)id);
	if (kind == JH_IDEA)
		for (size_t i = 0; i < d->nactions; i++)
			if (d->actions[i].idea_id == id)
				push_set(ui, JH_ACTION, d->actions[i].id, "idea", v);
	if (kind == JH_PAINPOINT)
		for (size_t i = 0; i < d->nideas; i++) {
			int linked = 0;
			char *list;
			for (size_t k = 0; k < d->ideas[i].npainpoints; k++)
				linked |= d->ideas[i].painpoints[k] == id;
			if (!linked)
				continue;
			list = ui_fill_text(kinds_field(kinds_get(JH_IDEA), "painpoints"),
					    &d->ideas[i]);
			push_set(ui, JH_IDEA, d->ideas[i].id, "painpoints", list);
			free(list);
		}
	if (kind == JH_PARTICIPANT) {
		for (size_t i = 0; i < d->npainpoints; i++)
			if (d->painpoints[i].author_id == id)
				push_set(ui, JH_PAINPOINT, d->painpoints[i].id, "author", v);
		for (size_t i = 0; i < d->nideas; i++)
			if (d->ideas[i].author_id == id)
				push_set(ui, JH_IDEA, d->ideas[i].id, "author", v);
		for (size_t i = 0; i < d->nparking; i++)
			if (d->parking[i].author_id == id)
				push_set(ui, JH_PARKING, d->parking[i].id, "author", v);
	}
}

int ui_edit_delete(struct ui *ui, enum jh_kind kind, jh_id id)
{
	const struct jh_kind_def *k = kinds_get(kind);
	const void *item = ui_fill_item(ui, kind, id);
	struct ui_undo_rec rec;
	struct jh_err err;
	char q[512], label[64];

	if (!writable(ui))
		return UI_HANDLED;
	if (!kinds_addable(kind) && kind != JH_STEP) {
		ui_message(ui, 1, _("%s items cannot be deleted here"), kinds_noun(kind, 1));
		return UI_HANDLED;
	}
	if (!item)
		return UI_HANDLED | UI_RELOAD;
	text_fit(kinds_text(kinds_field(k, k->label_field), item), 40, 0, label, sizeof label);
	snprintf(q, sizeof q, _("Delete %s #%lld \"%s\"? %s undoes it."), kinds_noun(kind, 1),
		 (long long)id, label, ui_keys_first(UI_ACT_UNDO));
	if (!ui_dialog_confirm(ui, q)) {
		ui_message(ui, 0, _("Not deleted"));
		return UI_HANDLED;
	}
	ui_undo_init(&rec, UI_UNDO_DELETE, kind, id, _("delete of %s #%lld"), kinds_noun(kind, 1),
		     (long long)id);
	ui_fill_snapshot(ui, kind, id, &rec);
	if (kind == JH_JOURNEY) {
		/* Stages go with their journey; bring them back by name. */
		char *stages = NULL;
		size_t len = 0;
		for (size_t i = 0; i < ui->d.nstages; i++)
			if (ui->d.stages[i].journey_id == id)
				join_name(&stages, &len, ",", ui->d.stages[i].name);
		if (stages)
			ui_undo_assign(&rec, "stages", stages);
		free(stages);
	}
	if (kind == JH_IDEA) {
		for (size_t i = 0; i < ui->d.nvotes; i++) {
			if (ui->d.votes[i].idea_id != id)
				continue;
			ui_undo_vote(&rec, ui->d.votes[i].participant_id, ui->d.votes[i].dots);
		}
	}
	if (store_item_delete(ui->st, ui->wid, kind, id, &err)) {
		ui_undo_discard(&rec);
		ui_message(ui, 1, "%s", err.msg);
		return UI_HANDLED;
	}
	/* The store cut the links other items had to this one; undo must
	 * put them back after the item itself, so they go first. */
	ui_undo_group_begin(ui);
	relink_records(ui, kind, id);
	ui_undo_push(ui, &rec);
	ui_undo_group_end(ui);
	ui_message(ui, 0, _("Deleted %s #%lld (%s undoes)"), kinds_noun(kind, 1), (long long)id,
		   ui_keys_first(UI_ACT_UNDO));
	return UI_HANDLED | UI_RELOAD;
}

int ui_edit_set_fields(struct ui *ui, enum jh_kind kind, jh_id id, const char *const *assigns,
		       size_t n, const char *what)
{
	const void *item = ui_fill_item(ui, kind, id);
	struct ui_undo_rec rec;
	struct jh_err err;
	char **as;
	int rc;

	if (!writable(ui))
		return UI_HANDLED;
	if (!item)
		return UI_HANDLED | UI_RELOAD;
	as = util_xcalloc(n + 1, sizeof *as);
	ui_undo_init(&rec, UI_UNDO_SET, kind, id, _("change of %s of %s #%lld"), what,
		     kinds_noun(kind, 1), (long long)id);
	for (size_t i = 0; i < n; i++) {
		const char *eq = strchr(assigns[i], '=');
		const struct jh_field_def *fd;
		char name[64], *old;
		as[i] = util_xstrdup(assigns[i]);
		if (!eq || (size_t)(eq - assigns[i]) >= sizeof name)
			continue;
		memcpy(name, assigns[i], (size_t)(eq - assigns[i]));
		name[eq - assigns[i]] = '\0';
		fd = kinds_field(kinds_get(kind), name);
		if (!fd)
			continue;
		old = ui_fill_text(fd, item);
		ui_undo_assign(&rec, name, old);
		free(old);
	}
	rc = ui_apply(ui, kind, id, 0, 0, as, n, NULL, &err);
	for (size_t i = 0; i < n; i++)
		free(as[i]);
	free(as);
	if (rc) {
		ui_undo_discard(&rec);
		ui_message(ui, 1, "%s", err.msg);
		return UI_HANDLED;
	}
	ui_undo_push(ui, &rec);
	ui_message(ui, 0, _("Changed %s"), what);
	return UI_HANDLED | UI_RELOAD;
}

/* ---------------------------------------------------------------- votes, steps */

int ui_edit_vote(struct ui *ui, jh_id idea, int dots)
{
	struct ui_undo_rec rec;
	struct jh_err err;
	const struct jh_idea *i = model_index_item(&ui->ix.m, JH_IDEA, idea);

	if (!writable(ui))
		return UI_HANDLED;
	if (!ui->acting) {
		ui_message(ui, 1, _("Who is voting? %s chooses a participant first"),
			   ui_keys_first(UI_ACT_PARTICIPANT));
		return UI_HANDLED;
	}
	if (store_vote(ui->st, ui->wid, ui->acting, idea, dots, &err)) {
		ui_message(ui, 1, "%s", err.msg);
		return UI_HANDLED;
	}
	ui_undo_init(&rec, UI_UNDO_VOTE, JH_IDEA, idea,
		     dots > 0 ? _("vote on idea #%lld") : _("unvote on idea #%lld"),
		     (long long)idea);
	ui_undo_vote(&rec, ui->acting, dots);
	ui_undo_push(ui, &rec);
	ui_message(ui, 0,
		   dots > 0 ? _("%s gave a dot to #%lld %s")
			    : _("%s took back a dot from #%lld %s"),
		   ui_name(ui, ui->acting), (long long)idea, i ? i->title : "");
	return UI_HANDLED | UI_RELOAD;
}

int ui_edit_step(struct ui *ui, int position)
{
	struct ui_undo_rec rec;
	struct jh_err err;
	int from = ui->d.workshop.current_step;
	const struct jh_step *left = session_current_step(&ui->d);

	if (!ui_edit_facilitator(ui, SESSION_MOVE_AGENDA) || !writable(ui))
		return UI_HANDLED;
	if (position < 0 || (size_t)position >= ui->d.nsteps) {
		ui_message(ui, 1,
			   position < 0 ? _("Already at the first step")
					: _("Already at the last step"));
		return UI_HANDLED;
	}
	if (store_step_goto(ui->st, ui->wid, position, &err)) {
		ui_message(ui, 1, "%s", err.msg);
		return UI_HANDLED;
	}
	ui_undo_init(&rec, UI_UNDO_STEP, JH_STEP, left ? left->id : 0, _("move to agenda step %d"),
		     position + 1);
	rec.step = from;
	rec.timer_running = ui->d.workshop.timer_running;
	rec.timer_started = ui->d.workshop.timer_started;
	rec.timer_elapsed = ui->d.workshop.timer_elapsed;
	ui_undo_push(ui, &rec);
	return UI_HANDLED | UI_RELOAD;
}
