/* ui_undo.c: undo, per terminal.
 *
 * A record keeps what is needed to put an item back as it was: the field
 * values of a deleted or edited item as FIELD=VALUE text (the form the
 * command line takes, so the same validation applies on the way back),
 * the id of an added one, the dots of a vote, the agenda step left.
 * Undoing is itself an ordinary change, so the other terminals see it.
 * Records of one user action share a group and are undone together.
 *
 * Undo takes back only this terminal's own changes: each record keeps the
 * revision its change left the item at, and when the item has moved on
 * since (someone else edited it, voted on it, linked it, answered it)
 * undo refuses and names who did, instead of overwriting their work. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/store.h"
#include "journeyhack/ui_apply.h"
#include "journeyhack/ui_undo.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

#define UNDO_MAX 100 /* the issue asks for at least 50 */

struct ui_undo {
	struct ui_undo_rec r[UNDO_MAX];
	size_t n; /* records held, the newest at r[n - 1] */
	unsigned group;
	unsigned open; /* the group being filled, 0 when none */
};

void ui_undo_init(struct ui_undo_rec *r, enum ui_undo_op op, enum jh_kind kind, jh_id id,
		  const char *fmt, ...)
{
	va_list ap;

	memset(r, 0, sizeof *r);
	r->op = op;
	r->kind = kind;
	r->id = id;
	va_start(ap, fmt);
	vsnprintf(r->what, sizeof r->what, fmt, ap);
	va_end(ap);
}

void ui_undo_discard(struct ui_undo_rec *r)
{
	for (size_t i = 0; i < r->nassigns; i++)
		free(r->assigns[i]);
	free(r->assigns);
	free(r->voters);
	free(r->dots);
	memset(r, 0, sizeof *r);
}

void ui_undo_assign(struct ui_undo_rec *r, const char *field, const char *value)
{
	size_t len = strlen(field) + strlen(value) + 2;
	char *a = util_xmalloc(len);

	snprintf(a, len, "%s=%s", field, value);
	r->assigns = util_xrealloc(r->assigns, (r->nassigns + 1) * sizeof *r->assigns);
	r->assigns[r->nassigns++] = a;
}

void ui_undo_vote(struct ui_undo_rec *r, jh_id participant, int dots)
{
	r->voters = util_xrealloc(r->voters, (r->nvotes + 1) * sizeof *r->voters);
	r->dots = util_xrealloc(r->dots, (r->nvotes + 1) * sizeof *r->dots);
	r->voters[r->nvotes] = participant;
	r->dots[r->nvotes++] = dots;
}

static struct ui_undo *undo_of(struct ui *ui)
{
	if (!ui->undo)
		ui->undo = util_xcalloc(1, sizeof *ui->undo);
	return ui->undo;
}

void ui_undo_group_begin(struct ui *ui)
{
	struct ui_undo *u = undo_of(ui);

	u->open = ++u->group;
}

void ui_undo_group_end(struct ui *ui)
{
	undo_of(ui)->open = 0;
}

/* The revision an item is at now; 0 when it is gone or cannot be read. */
static long long revision_now(struct ui *ui, enum jh_kind kind, jh_id id, char *by, size_t size)
{
	struct store_rev r;
	struct jh_err err;

	if (store_item_revision(ui->st, ui->wid, kind, id, &r, &err))
		return 0;
	if (by)
		snprintf(by, size, "%s", r.by);
	return r.revision;
}

static void note_revision(struct ui *ui, struct ui_undo_rec *rec)
{
	if (rec->rev || !ui->st)
		return;
	if (rec->op == UI_UNDO_ADD || rec->op == UI_UNDO_SET)
		rec->rev = store_last_revision(ui->st);
	if (!rec->rev && rec->op != UI_UNDO_DELETE && rec->op != UI_UNDO_STEP)
		rec->rev = revision_now(ui, rec->kind, rec->id, NULL, 0);
}

void ui_undo_push(struct ui *ui, struct ui_undo_rec *rec)
{
	struct ui_undo *u = undo_of(ui);

	note_revision(ui, rec);

	if (!rec->group)
		rec->group = u->open ? u->open : ++u->group;
	/* Full: the oldest record goes. */
	if (u->n == UNDO_MAX) {
		ui_undo_discard(&u->r[0]);
		memmove(&u->r[0], &u->r[1], (UNDO_MAX - 1) * sizeof u->r[0]);
		u->n--;
	}
	u->r[u->n++] = *rec;
	memset(rec, 0, sizeof *rec);
}

void ui_undo_free(struct ui *ui)
{
	if (!ui->undo)
		return;
	for (size_t i = 0; i < ui->undo->n; i++)
		ui_undo_discard(&ui->undo->r[i]);
	free(ui->undo);
	ui->undo = NULL;
}

/* Refuse to undo a change to an item someone has changed or used since. */
static int still_mine(struct ui *ui, const struct ui_undo_rec *r, struct jh_err *err)
{
	char by[128];
	long long now;

	if (!r->rev || (r->op != UI_UNDO_ADD && r->op != UI_UNDO_SET))
		return 0;
	now = revision_now(ui, r->kind, r->id, by, sizeof by);
	if (!now || now == r->rev)
		return 0;
	return err_set(err,
		       "%s changed or used %s #%lld since (revision %lld, yours was %lld); "
		       "undo takes back only your own changes",
		       by[0] ? by : "someone else", kinds_get(r->kind)->name, (long long)r->id, now,
		       r->rev);
}

/* After undoing r, the next older record of the same item expects the
 * revision r left it at: undoing r is this terminal's own change. */
static void carry_revision(struct ui *ui, struct ui_undo *u, const struct ui_undo_rec *r)
{
	long long now;

	if (r->op == UI_UNDO_ADD || r->op == UI_UNDO_STEP)
		return;
	now = revision_now(ui, r->kind, r->id, NULL, 0);
	for (size_t i = u->n - 1; i-- > 0;) {
		struct ui_undo_rec *o = &u->r[i];
		if (o->kind != r->kind || o->id != r->id || o->op == UI_UNDO_STEP)
			continue;
		/* Nobody came between the two changes (one revision apart),
		 * or the item was deleted by r and has just come back. */
		if (o->rev && (r->op == UI_UNDO_DELETE || o->rev == r->rev - 1))
			o->rev = now;
		return;
	}
}

static int undo_one(struct ui *ui, struct ui_undo_rec *r, struct jh_err *err)
{
	if (still_mine(ui, r, err))
		return -1;
	switch (r->op) {
	case UI_UNDO_ADD:
		return store_item_delete(ui->st, ui->wid, r->kind, r->id, err);
	case UI_UNDO_SET:
		return ui_apply(ui, r->kind, r->id, 0, 0, r->assigns, r->nassigns, NULL, err);
	case UI_UNDO_DELETE:
		/* Back under its old id, so whatever referred to it can again. */
		if (ui_apply(ui, r->kind, 0, 1, r->id, r->assigns, r->nassigns, NULL, err))
			return -1;
		/* An idea's dots went with it; give them back. */
		for (size_t i = 0; i < r->nvotes; i++)
			if (store_vote(ui->st, ui->wid, r->voters[i], r->id, r->dots[i], err))
				return -1;
		return 0;
	case UI_UNDO_VOTE:
		return store_vote(ui->st, ui->wid, r->voters[0], r->id, -r->dots[0], err);
	case UI_UNDO_STEP:
		return store_step_goto(ui->st, ui->wid, r->step, err);
	}
	return 0;
}

void ui_undo_last(struct ui *ui, enum jh_kind *kind, jh_id *id)
{
	struct ui_undo *u = undo_of(ui);
	struct jh_err err;
	unsigned group;
	char what[128];
	int failed = 0;

	*kind = JH_NKINDS;
	*id = 0;
	if (!u->n) {
		ui_message(ui, 1, "Nothing to undo");
		return;
	}
	group = u->r[u->n - 1].group;
	snprintf(what, sizeof what, "%s", u->r[u->n - 1].what);
	if (u->r[u->n - 1].op != UI_UNDO_STEP && u->r[u->n - 1].op != UI_UNDO_ADD) {
		*kind = u->r[u->n - 1].kind;
		*id = u->r[u->n - 1].id;
	}
	while (u->n && u->r[u->n - 1].group == group && !failed) {
		struct ui_undo_rec *r = &u->r[u->n - 1];
		if (undo_one(ui, r, &err))
			failed = 1;
		else
			carry_revision(ui, u, r);
		ui_undo_discard(r);
		u->n--;
	}
	if (failed)
		ui_message(ui, 1, "Cannot undo %s: %s", what, err.msg);
	else
		ui_message(ui, 0, "Undone: %s", what);
}
