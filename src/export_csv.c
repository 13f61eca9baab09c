/* export_csv.c: the backlog or the action points as RFC 4180 CSV, for
 * spreadsheets and issue trackers.
 *
 * Column names are the command line's field names where there is one
 * (title, owner, due, ...), so a sheet reads like `journeyhack show`.
 * Quoting is csv.c's; here text is only made valid UTF-8 with visible
 * control characters. */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/csv.h"
#include "journeyhack/export.h"
#include "journeyhack/util.h"
#include "journeyhack/export_facts.h"
#include "journeyhack/export_w.h"
#include "journeyhack/text.h"

#define MAX_COLS 16

struct row {
	char *f[MAX_COLS];
	size_t n;
};

static void col_text(struct row *r, const char *s)
{
	r->f[r->n++] = text_clean(s);
}

static void col_num(struct row *r, long long v)
{
	char b[32];

	snprintf(b, sizeof b, "%lld", v);
	r->f[r->n++] = util_xstrdup(b);
}

static void col_id(struct row *r, jh_id id)
{
	if (id)
		col_num(r, id);
	else
		r->f[r->n++] = util_xstrdup("");
}

static void emit(struct export_w *w, struct row *r)
{
	if (!w->failed && csv_write_row(w->f, (const char *const *)r->f, r->n) < 0)
		export_w_fail(w);
	for (size_t i = 0; i < r->n; i++)
		free(r->f[i]);
	r->n = 0;
}

static void header(struct export_w *w, const char *const *names, size_t n)
{
	if (!w->failed && csv_write_row(w->f, names, n) < 0)
		export_w_fail(w);
}

static void actions(struct export_w *w, const struct jh_data *d, const struct export_facts *x)
{
	static const char *const names[] = {"id",      "title", "owner",      "due",	   "status",
					    "overdue", "idea",	"idea_title", "idea_rank", "notes"};
	struct row r = {0};

	header(w, names, sizeof names / sizeof names[0]);
	for (size_t i = 0; i < x->nactions; i++) {
		const struct jh_action *a = &d->actions[x->actions[i]];
		const struct jh_idea *idea = a->idea_id ? model_idea(d, a->idea_id) : NULL;
		int rank = idea ? x->by_idea[idea - d->ideas]->rank : 0;
		col_num(&r, a->id);
		col_text(&r, a->title);
		col_text(&r, a->owner);
		col_text(&r, a->due);
		col_text(&r, a->status);
		col_text(&r, analysis_action_overdue(a, x->today) ? "yes" : "no");
		col_id(&r, idea ? idea->id : 0);
		col_text(&r, idea ? idea->title : "");
		col_id(&r, rank);
		col_text(&r, a->notes);
		emit(w, &r);
	}
}

static char *id_list(const jh_id *ids, size_t n)
{
	size_t cap = n * 21 + 1, k = 0;
	char *s = util_xmalloc(cap);

	s[0] = '\0';
	for (size_t i = 0; i < n; i++)
		k += (size_t)snprintf(s + k, cap - k, "%s%lld", i ? "," : "", (long long)ids[i]);
	return s;
}

static void backlog(struct export_w *w, const struct jh_data *d, const struct export_facts *x)
{
	static const char *const names[] = {"rank",   "id",	    "title",	    "score",
					    "votes",  "impact",	    "effort",	    "confidence",
					    "reach",  "quadrant",   "weakest_link", "painpoints",
					    "belief", "experiment", "metric",	    "success"};
	struct row r = {0};
	char score[32];

	header(w, names, sizeof names / sizeof names[0]);
	for (size_t i = 0; i < x->nbacklog; i++) {
		const struct jh_ranked_idea *ri = &x->backlog[i];
		const struct jh_idea *idea = &d->ideas[ri->index];
		col_num(&r, ri->rank);
		col_num(&r, idea->id);
		col_text(&r, idea->title);
		analysis_format_score(x->method, ri->score, score, sizeof score);
		col_text(&r, score);
		col_num(&r, ri->votes);
		col_num(&r, idea->impact);
		col_num(&r, idea->effort);
		col_num(&r, idea->confidence);
		col_num(&r, idea->reach);
		col_text(&r, analysis_quadrant_name(ri->quadrant));
		col_text(&r, ri->on_weakest_link ? "yes" : "no");
		r.f[r.n++] = id_list(idea->painpoints, idea->npainpoints);
		col_text(&r, idea->belief);
		col_text(&r, idea->experiment);
		col_text(&r, idea->metric);
		col_text(&r, idea->success);
		emit(w, &r);
	}
}

int export_csv(FILE *f, const struct jh_data *d, enum export_report r, struct jh_err *err)
{
	struct export_w w;
	struct export_facts x;

	export_w_init(&w, f);
	export_facts_init(&x, d);
	if (r == EXPORT_BACKLOG)
		backlog(&w, d, &x);
	else
		actions(&w, d, &x);
	export_facts_free(&x);
	return export_w_done(&w, err);
}
