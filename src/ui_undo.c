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
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/i18n.h"
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

int ui_undo_parse_ids(const char *list, jh_id **ids, size_t *n)
{
	const char *p = list;

	*ids = NULL;
	*n = 0;
	while (*p) {
		char *end;
		long long v;
		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		if (*p < '0' || *p > '9')
			goto bad;
		errno = 0;
		v = strtoll(p, &end, 10);
		if (errno || v <= 0 || (*end && *end != ',' && *end != ' '))
			goto bad;
		*ids = util_xrealloc(*ids, (*n + 1) * sizeof **ids);
		(*ids)[(*n)++] = (jh_id)v;
		p = end;
	}
	return 0;
bad:
	free(*ids);
	*ids = NULL;
	*n = 0;
	return -1;
}

/* The id-list field an assignment sets, or NULL for any other. */
static const struct jh_field_def *list_field(enum jh_kind kind, const char *assign)
{
	const char *eq = strchr(assign, '=');
	const struct jh_field_def *f;
	char name[64];

	if (!eq || (size_t)(eq - assign) >= sizeof name)
		return NULL;
	memcpy(name, assign, (size_t)(eq - assign));
	name[eq - assign] = '\0';
	f = kinds_field(kinds_get(kind), name);
	return f && f->type == JF_IDLIST ? f : NULL;
}

/* An id list goes to the store as ids, not through items_parse, whose
 * text path caps a value at a few KiB while an idea may link thousands
 * of pain points. Each id must still name an item of this workshop, as
 * items_parse would demand. */
static int restore_list(struct ui *ui, const struct ui_undo_rec *r, const char *assign,
			struct jh_err *err)
{
	const struct jh_field_def *f = list_field(r->kind, assign);
	struct jh_value v = {.field = f};
	jh_id *ids;
	size_t n;
	int rc = 0;

	if (ui_undo_parse_ids(strchr(assign, '=') + 1, &ids, &n))
		return err_set(err, _("%s: not a list of ids"), f->name);
	for (size_t i = 0; i < n && !rc; i++)
		if (!store_item_exists(ui->st, ui->wid, f->ref, ids[i]))
			rc = err_set(err, _("%s %lld is gone"), kinds_noun(f->ref, 1),
				     (long long)ids[i]);
	v.ids = ids;
	v.nids = n;
	if (!rc)
		rc = store_item_set(ui->st, ui->wid, r->kind, r->id, &v, 1, err);
	free(ids);
	return rc;
}

/* Put back the fields of r: the plain ones through ui_apply (an add
 * under the old id for a delete), then the id lists. */
static int restore_fields(struct ui *ui, const struct ui_undo_rec *r, int add, struct jh_err *err)
{
	char **plain = util_xcalloc(r->nassigns + 1, sizeof *plain);
	size_t n = 0;
	int rc = 0;

	for (size_t i = 0; i < r->nassigns; i++)
		if (!list_field(r->kind, r->assigns[i]))
			plain[n++] = r->assigns[i];
	if (add || n)
		rc = ui_apply(ui, r->kind, add ? 0 : r->id, add, add ? r->id : 0, plain, n, NULL,
			      err);
	for (size_t i = 0; i < r->nassigns && !rc; i++)
		if (list_field(r->kind, r->assigns[i]))
			rc = restore_list(ui, r, r->assigns[i], err);
	free(plain);
	return rc;
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
		       _("%s changed or used %s #%lld since (revision %lld, yours was %lld); "
			 "undo takes back only your own changes"),
		       by[0] ? by : _("someone else"), kinds_noun(r->kind, 1), (long long)r->id,
		       now, r->rev);
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
		return restore_fields(ui, r, 0, err);
	case UI_UNDO_DELETE:
		/* Back under its old id, so whatever referred to it can again. */
		if (restore_fields(ui, r, 1, err))
			return -1;
		/* An idea's dots went with it; give them back. */
		for (size_t i = 0; i < r->nvotes; i++)
			if (store_vote(ui->st, ui->wid, r->voters[i], r->id, r->dots[i], err))
				return -1;
		return 0;
	case UI_UNDO_VOTE:
		return store_vote(ui->st, ui->wid, r->voters[0], r->id, -r->dots[0], err);
	case UI_UNDO_STEP: {
		/* The step and its timer come back together. */
		struct jh_workshop t = {.timer_running = r->timer_running,
					.timer_started = r->timer_started,
					.timer_elapsed = r->timer_elapsed};
		return r->id ? store_step_restore(ui->st, ui->wid, r->id, &t, err)
			     : store_step_goto(ui->st, ui->wid, r->step, err);
	}
	}
	return 0;
}

/* Undo the records of the newest group, newest first, as one store
 * transaction: a kill or a refusal half way leaves nothing half put
 * back. The changes inside nest as savepoints (store.c, tx_begin). The
 * records go either way: what could not be undone now will not be
 * later. Fills what failed, for the message. */
static int undo_group(struct ui *ui, struct ui_undo *u, char *failed, size_t size,
		      struct jh_err *err)
{
	unsigned group = u->r[u->n - 1].group;
	int rc = store_begin(ui->st, err);

	while (u->n && u->r[u->n - 1].group == group) {
		struct ui_undo_rec *r = &u->r[u->n - 1];
		if (!rc && undo_one(ui, r, err)) {
			snprintf(failed, size, "%s", r->what);
			rc = -1;
		} else if (!rc) {
			carry_revision(ui, u, r);
		}
		ui_undo_discard(r);
		u->n--;
	}
	if (rc) {
		store_rollback(ui->st);
		return -1;
	}
	return store_commit(ui->st, err);
}

void ui_undo_last(struct ui *ui, enum jh_kind *kind, jh_id *id)
{
	struct ui_undo *u = undo_of(ui);
	struct jh_err err;
	char what[128], failed[128];

	*kind = JH_NKINDS;
	*id = 0;
	if (!u->n) {
		ui_message(ui, 1, _("Nothing to undo"));
		return;
	}
	snprintf(what, sizeof what, "%s", u->r[u->n - 1].what);
	snprintf(failed, sizeof failed, "%s", what);
	if (u->r[u->n - 1].op != UI_UNDO_STEP && u->r[u->n - 1].op != UI_UNDO_ADD) {
		*kind = u->r[u->n - 1].kind;
		*id = u->r[u->n - 1].id;
	}
	if (!undo_group(ui, u, failed, sizeof failed, &err)) {
		ui_message(ui, 0, _("Undone: %s"), what);
		return;
	}
	if (strcmp(failed, what))
		ui_message(ui, 1, _("Cannot undo %s, nothing changed (%s: %s)"), what, failed,
			   err.msg);
	else
		ui_message(ui, 1, _("Cannot undo %s, nothing changed: %s"), what, err.msg);
}
