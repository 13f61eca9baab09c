/* ui_merge.c: merging duplicates in the interface (merge.h has the rules).
 *
 * The merge is one store change (store_merge), made only if neither item
 * moved on since this terminal loaded it. Undo gets one group of records
 * that puts both back: the kept item's changed fields, the duplicate under
 * its old id with its votes, and whatever pointed at it (ideas' links,
 * action points), each record checking that nobody changed its item since. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/store_merge.h"
#include "journeyhack/text.h"
#include "journeyhack/ui_apply.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/ui_fill.h"
#include "journeyhack/ui_keys.h"
#include "journeyhack/ui_merge.h"
#include "journeyhack/ui_message.h"
#include "journeyhack/ui_undo.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

static const char *const pain_fields[] = {"evidence", "severity", "frequency", "touchpoint", NULL};
static const char *const idea_fields[] = {"belief",  "experiment", "metric",
					  "success", "painpoints", NULL};

static int mergeable(struct ui *ui, enum jh_kind kind)
{
	if (kind == JH_PAINPOINT || kind == JH_IDEA)
		return 1;
	ui_message(ui, 1, _("Only pain points and ideas can be merged"));
	return 0;
}

static void label_of(struct ui *ui, enum jh_kind kind, jh_id id, char *out, size_t size)
{
	const struct jh_kind_def *k = kinds_get(kind);
	const void *item = ui_fill_item(ui, kind, id);

	text_fit(item ? kinds_text(kinds_field(k, k->label_field), item) : "", 30, 0, out, size);
}

int ui_merge_mark(struct ui *ui, enum jh_kind kind, jh_id id)
{
	char label[128];

	if (!mergeable(ui, kind))
		return UI_HANDLED;
	if (ui->merge_mark == id && ui->merge_kind == kind) {
		ui->merge_mark = 0;
		ui_message(ui, 0, _("Unmarked %s #%lld"), kinds_noun(kind, 1), (long long)id);
		return UI_HANDLED;
	}
	ui->merge_kind = kind;
	ui->merge_mark = id;
	label_of(ui, kind, id, label, sizeof label);
	ui_message(ui, 0,
		   _("Marked %s #%lld \"%s\": select a duplicate and press %s to merge it in"),
		   kinds_noun(kind, 1), (long long)id, label, ui_keys_first(UI_ACT_MERGE));
	return UI_HANDLED;
}

/* A record that sets `fields` of an item back to what they are now. */
static void record_fields(struct ui *ui, struct ui_undo_rec *r, enum jh_kind kind, jh_id id,
			  const char *const *fields)
{
	const struct jh_kind_def *k = kinds_get(kind);
	const void *item = ui_fill_item(ui, kind, id);

	ui_undo_init(r, UI_UNDO_SET, kind, id, _("merge into %s #%lld"), kinds_noun(kind, 1),
		     (long long)id);
	for (size_t i = 0; item && fields[i]; i++) {
		char *v = ui_fill_text(kinds_field(k, fields[i]), item);
		ui_undo_assign(r, fields[i], v);
		free(v);
	}
}

static long long revision_of(struct ui *ui, enum jh_kind kind, jh_id id)
{
	struct store_rev rev;
	struct jh_err err;

	return store_item_revision(ui->st, ui->wid, kind, id, &rev, &err) ? 0 : rev.revision;
}

/* Records held until the merge is saved, then pushed oldest first. */
struct pending {
	struct ui_undo_rec *r;
	size_t n;
};

static struct ui_undo_rec *pending_add(struct pending *p)
{
	p->r = util_xrealloc(p->r, (p->n + 1) * sizeof *p->r);
	return &p->r[p->n++];
}

/* What points at the duplicate comes back last, after it: first in. */
static void record_pointers(struct ui *ui, const struct merge_plan *plan, struct pending *p)
{
	static const char *const links[] = {"painpoints", NULL};
	static const char *const idea[] = {"idea", NULL};

	for (size_t i = 0; i < ui->d.nideas && plan->kind == JH_PAINPOINT; i++)
		for (size_t j = 0; j < ui->d.ideas[i].npainpoints; j++)
			if (ui->d.ideas[i].painpoints[j] == plan->from) {
				record_fields(ui, pending_add(p), JH_IDEA, ui->d.ideas[i].id,
					      links);
				break;
			}
	for (size_t i = 0; i < ui->d.nactions && plan->kind == JH_IDEA; i++)
		if (ui->d.actions[i].idea_id == plan->from)
			record_fields(ui, pending_add(p), JH_ACTION, ui->d.actions[i].id, idea);
}

/* The duplicate as it is, to come back under its id with its dots. */
static void record_duplicate(struct ui *ui, enum jh_kind kind, jh_id from, struct pending *p)
{
	struct ui_undo_rec *r = pending_add(p);

	ui_undo_init(r, UI_UNDO_DELETE, kind, from, _("merge of %s #%lld"), kinds_noun(kind, 1),
		     (long long)from);
	ui_fill_snapshot(ui, kind, from, r);
	for (size_t i = 0; kind == JH_IDEA && i < ui->d.nvotes; i++)
		if (ui->d.votes[i].idea_id == from)
			ui_undo_vote(r, ui->d.votes[i].participant_id, ui->d.votes[i].dots);
}

static void record_moves(const struct merge_plan *plan, struct pending *p)
{
	for (size_t i = 0; i < plan->nmoves; i++) {
		struct ui_undo_rec *r;
		if (!plan->moves[i].dots)
			continue;
		r = pending_add(p);
		ui_undo_init(r, UI_UNDO_VOTE, JH_IDEA, plan->into, _("merge of %s #%lld"),
			     kinds_noun(JH_IDEA, 1), (long long)plan->from);
		ui_undo_vote(r, plan->moves[i].participant, plan->moves[i].dots);
	}
}

/* After the merge: every record expects its item as the merge left it. */
static void push_all(struct ui *ui, struct pending *p)
{
	ui_undo_group_begin(ui);
	for (size_t i = 0; i < p->n; i++) {
		if (p->r[i].op != UI_UNDO_DELETE)
			p->r[i].rev = revision_of(ui, p->r[i].kind, p->r[i].id);
		ui_undo_push(ui, &p->r[i]);
	}
	ui_undo_group_end(ui);
	free(p->r);
}

static void said(struct ui *ui, const struct merge_plan *plan)
{
	ui_message(ui, 0,
		   _("Merged %s #%lld into #%lld: %zu links, %zu evidence, %d votes moved, %d "
		     "dots returned (%s undoes)"),
		   kinds_noun(plan->kind, 1), (long long)plan->from, (long long)plan->into,
		   plan->links, plan->texts, plan->dots_moved, plan->dots_returned,
		   ui_keys_first(UI_ACT_UNDO));
}

static int confirmed(struct ui *ui, enum jh_kind kind, jh_id into, jh_id from)
{
	char q[512], a[128], b[128];

	label_of(ui, kind, into, a, sizeof a);
	label_of(ui, kind, from, b, sizeof b);
	snprintf(q, sizeof q,
		 _("Merge %s #%lld \"%s\" into #%lld \"%s\"? Its evidence, links and votes "
		   "move; %s undoes."),
		 kinds_noun(kind, 1), (long long)from, b, (long long)into, a,
		 ui_keys_first(UI_ACT_UNDO));
	return ui_dialog_confirm(ui, q);
}

static long long loaded_revision(struct ui *ui, enum jh_kind kind, jh_id id)
{
	if (kind == JH_PAINPOINT)
		return model_painpoint(&ui->d, id) ? model_painpoint(&ui->d, id)->revision : 0;
	return model_idea(&ui->d, id) ? model_idea(&ui->d, id)->revision : 0;
}

static int run_merge(struct ui *ui, enum jh_kind kind, jh_id into, jh_id from)
{
	struct store_merge_req req = {kind,
				      into,
				      from,
				      ui->me,
				      0,
				      loaded_revision(ui, kind, into),
				      loaded_revision(ui, kind, from)};
	struct pending p = {NULL, 0};
	struct merge_plan plan;
	struct jh_err err;

	record_pointers(ui, &(struct merge_plan){.kind = kind, .from = from}, &p);
	record_duplicate(ui, kind, from, &p);
	if (store_merge(ui->st, ui->wid, &req, &plan, &err)) {
		for (size_t i = 0; i < p.n; i++)
			ui_undo_discard(&p.r[i]);
		free(p.r);
		ui_message(ui, 1, "%s", err.msg);
		return UI_HANDLED | UI_RELOAD;
	}
	record_moves(&plan, &p);
	record_fields(ui, pending_add(&p), kind, into,
		      kind == JH_PAINPOINT ? pain_fields : idea_fields);
	push_all(ui, &p);
	said(ui, &plan);
	merge_plan_free(&plan);
	ui->merge_mark = 0;
	return UI_HANDLED | UI_RELOAD;
}

int ui_merge_into_mark(struct ui *ui, enum jh_kind kind, jh_id id)
{
	if (!mergeable(ui, kind) || ui_apply_refused(ui))
		return UI_HANDLED;
	if (ui->readonly) {
		ui_message(ui, 1, _("The database is read-only here (%s): nothing can be changed"),
			   store_readonly_reason(ui->st));
		return UI_HANDLED;
	}
	if (!ui->merge_mark || ui->merge_kind != kind) {
		ui_message(ui, 1, _("Mark the %s to keep with %s first"), kinds_noun(kind, 1),
			   ui_keys_first(UI_ACT_MERGE_MARK));
		return UI_HANDLED;
	}
	if (id == ui->merge_mark) {
		ui_message(ui, 1, _("cannot merge %s %lld into itself"), kinds_noun(kind, 1),
			   (long long)id);
		return UI_HANDLED;
	}
	if (!confirmed(ui, kind, ui->merge_mark, id)) {
		ui_message(ui, 0, _("Not merged"));
		return UI_HANDLED;
	}
	return run_merge(ui, kind, ui->merge_mark, id);
}
