/* export_followup.c: the follow-up report in markdown: each carried
 * action's state, pain points on touchpoints scored differently since,
 * and each journey's CX capital then and now. */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/export.h"
#include "journeyhack/export_followup.h"
#include "journeyhack/export_mdtext.h"
#include "journeyhack/export_w.h"
#include "journeyhack/filewrite.h"
#include "journeyhack/i18n.h"

static void cell(struct export_w *w, const char *s)
{
	export_w_puts(w, " ");
	if (s && *s)
		export_mdtext_inline(w, s);
	else
		export_w_puts(w, "-");
	export_w_puts(w, " |");
}

static void session(struct export_w *w, const char *what, const struct jh_workshop *ws)
{
	export_w_puts(w, what);
	export_mdtext_inline(w, ws->title && *ws->title ? ws->title : ws->name);
	export_w_puts(w, " (");
	export_mdtext_inline(w, ws->name);
	export_w_puts(w, "), ");
	export_mdtext_inline(w, ws->created);
	export_w_puts(w, "\n");
}

static const char *state_words(enum followup_state s)
{
	return s == FOLLOWUP_OPEN ? "still open" : followup_state_name(s);
}

static void actions(struct export_w *w, const struct export_followup *x)
{
	const struct followup_report *r = x->r;

	export_w_printf(w,
			"\n## Actions\n\n%zu carried over: %zu done, %zu still open, "
			"%zu overdue (on %s).\n",
			r->nactions, r->ndone, r->nopen, r->noverdue, x->today);
	if (!r->nactions)
		return;
	export_w_puts(w, "\n| Action | Owner | Due | Status |\n|---|---|---|---|\n");
	for (size_t i = 0; i < r->nactions; i++) {
		const struct jh_action *a = &x->now->actions[r->actions[i].now];
		export_w_puts(w, "|");
		cell(w, a->title);
		cell(w, a->owner);
		cell(w, a->due);
		cell(w, state_words(r->actions[i].state));
		export_w_puts(w, "\n");
	}
}

static void changes(struct export_w *w, const struct export_followup *x)
{
	const struct followup_report *r = x->r;

	export_w_puts(w, "\n## Pain points on re-scored touchpoints\n\n");
	if (!r->nchanges) {
		export_w_puts(w, "No touchpoint with a pain point scores differently.\n");
		return;
	}
	export_w_puts(w, "| Pain point | Touchpoint | Score then → now |\n|---|---|---|\n");
	for (size_t i = 0; i < r->nchanges; i++) {
		const struct followup_change *c = &r->changes[i];
		const struct jh_touchpoint *t = &x->then->touchpoints[c->then_tp];
		char a[8], b[8];
		export_w_puts(w, "|");
		cell(w, x->then->painpoints[c->painpoint].title);
		cell(w, t->name);
		export_w_printf(w, " %s → %s |\n", followup_score(t->score, a),
				followup_score(x->now->touchpoints[c->now_tp].score, b));
	}
}

static void capital(struct export_w *w, const struct followup_journey *j)
{
	export_w_puts(w, "|");
	cell(w, j->name);
	if (j->in_then)
		export_w_printf(w, " %d |", j->then_capital);
	else
		export_w_puts(w, " - |");
	if (j->in_now)
		export_w_printf(w, " %d |", j->now_capital);
	else
		export_w_puts(w, " - |");
	if (j->in_then && j->in_now)
		export_w_printf(w, " %+d |\n", j->now_capital - j->then_capital);
	else
		export_w_puts(w, " - |\n");
}

static void journeys(struct export_w *w, const struct followup_report *r)
{
	export_w_puts(w, "\n## CX capital\n\n");
	if (!r->njourneys) {
		export_w_puts(w, "No journeys.\n");
		return;
	}
	export_w_puts(w, "| Journey | Then | Now | Change |\n|---|---|---|---|\n");
	for (size_t i = 0; i < r->njourneys; i++)
		capital(w, &r->journeys[i]);
}

int export_followup_md(FILE *f, const struct export_followup *x, struct jh_err *err)
{
	struct export_w w;

	export_w_init(&w, f);
	export_w_puts(&w, "# Follow-up: ");
	export_mdtext_inline(&w, x->now->workshop.name);
	export_w_puts(&w, "\n\n");
	session(&w, "- This session: ", &x->now->workshop);
	session(&w, "- Follows: ", &x->then->workshop);
	actions(&w, x);
	export_w_printf(&w, "\n## Parking lot\n\n%zu carried over, %zu answered since.\n",
			x->r->nparking, x->r->nanswered);
	changes(&w, x);
	journeys(&w, x->r);
	return export_w_done(&w, err);
}

static int write_job(FILE *f, void *ctx, struct jh_err *err)
{
	return export_followup_md(f, ctx, err);
}

int export_followup_file(const char *path, const char *db, const struct export_followup *x,
			 struct jh_err *err)
{
	char **files;
	int rc;

	if (!path || !strcmp(path, "-")) {
		rc = export_followup_md(stdout, x, err);
		if (!rc && fflush(stdout) == EOF)
			rc = err_set(err, "%s", _("write error on standard output"));
		return rc;
	}
	files = db ? export_db_files(db) : NULL;
	struct filewrite_guard guard = {(const char *const *)files, _("the workshop database")};
	struct export_followup job = *x; /* the writer's context is not const */
	rc = filewrite_atomic_guarded(path, files ? &guard : NULL, write_job, &job, err);
	for (size_t i = 0; files && files[i]; i++)
		free(files[i]);
	free(files);
	return rc;
}
