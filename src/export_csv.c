/* export_csv.c: the backlog, the action points or the pain points as RFC
 * 4180 CSV, for spreadsheets and issue trackers.
 *
 * Column names are the command line's field names where there is one
 * (title, owner, due, ...), so a sheet reads like `journeyhack show`.
 * Quoting is csv.c's; here text is made valid UTF-8 with visible
 * control characters and, unless the raw variant is asked for, guarded
 * against running as a spreadsheet formula (csv_formula_guard). Numbers
 * the program writes (ids, ranks, scores, votes, integer fields such as
 * a score of -2) are values, never formulas, and stay as they are.
 *
 * Spreadsheets in locales whose decimal mark is the comma (Swedish,
 * Norwegian) expect semicolons between cells: with that separator a
 * score's decimals are written with a comma too, so the cell is a number
 * there. The actions carry their revision so that `import` can update an
 * action without overwriting a change made since the export. */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/csv.h"
#include "journeyhack/export.h"
#include "journeyhack/export_facts.h"
#include "journeyhack/export_fields.h"
#include "journeyhack/export_w.h"
#include "journeyhack/i18n.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"

/* The named columns of a report and then, from the field table, every
 * other field of its kind the model keeps: a field added to the table
 * becomes a last column. */
#define MAX_COLS (16 + EXPORT_FIELDS_MAX)

/* Where a column's value comes from: the item's field of the same name,
 * or what the analysis says about it. */
enum source {
	C_FIELD,
	C_RANK,
	C_SCORE,
	C_VOTES,
	C_QUADRANT,
	C_WEAKEST,
	C_OVERDUE,
	C_IDEA,
	C_IDEA_TITLE,
	C_IDEA_RANK,
	C_REVISION,
	C_AUTHOR,
	C_TP_NAME,
	C_JOURNEY,
	C_STAGE,
	C_TP_SCORE,
	C_TP_WEAKEST,
	C_IDEAS,
	C_IDEA_TITLES
};

struct col {
	const char *name;
	enum source what;
};

struct cols {
	const char *name[MAX_COLS];
	enum source what[MAX_COLS];
	const struct jh_field_def *f[MAX_COLS];
	size_t n;
};

/* One row's item and what the analysis says about it. */
struct row_facts {
	const struct export_facts *x;
	const struct export_csv_opts *o;
	const struct jh_data *d;
	const struct jh_ranked_idea *ri;
	const struct jh_action *a;
	const struct jh_idea *idea;
	const struct jh_painpoint *p;
	const struct jh_touchpoint *tp;
	int idea_rank;
};

static const struct col action_cols[] = {
    {"id", C_FIELD},   {"title", C_FIELD},	     {"owner", C_FIELD},
    {"due", C_FIELD},  {"status", C_FIELD},	     {"overdue", C_OVERDUE},
    {"idea", C_IDEA},  {"idea_title", C_IDEA_TITLE}, {"idea_rank", C_IDEA_RANK},
    {"notes", C_FIELD}};

static const struct col backlog_cols[] = {{"rank", C_RANK},
					  {"id", C_FIELD},
					  {"title", C_FIELD},
					  {"score", C_SCORE},
					  {"votes", C_VOTES},
					  {"impact", C_FIELD},
					  {"effort", C_FIELD},
					  {"confidence", C_FIELD},
					  {"reach", C_FIELD},
					  {"quadrant", C_QUADRANT},
					  {"weakest_link", C_WEAKEST},
					  {"painpoints", C_FIELD},
					  {"belief", C_FIELD},
					  {"experiment", C_FIELD},
					  {"metric", C_FIELD},
					  {"success", C_FIELD}};

static const struct col painpoint_cols[] = {{"id", C_FIELD},
					    {"title", C_FIELD},
					    {"severity", C_FIELD},
					    {"frequency", C_FIELD},
					    {"status", C_FIELD},
					    {"touchpoint", C_FIELD},
					    {"touchpoint_name", C_TP_NAME},
					    {"journey", C_JOURNEY},
					    {"stage", C_STAGE},
					    {"touchpoint_score", C_TP_SCORE},
					    {"weakest_link", C_TP_WEAKEST},
					    {"evidence", C_FIELD},
					    {"ideas", C_IDEAS},
					    {"idea_titles", C_IDEA_TITLES},
					    {"author", C_AUTHOR}};

/* Idea fields the backlog has never carried. */
static const char *const backlog_omit[] = {"author", "step", NULL};

static void cols_init(struct cols *c, enum jh_kind k, const struct col *spec, size_t n,
		      const char *const *omit)
{
	const char *named[MAX_COLS + 1];
	struct export_fields rest = {.n = 0};
	size_t m = 0;

	for (c->n = 0; c->n < n; c->n++) {
		c->name[c->n] = named[m++] = spec[c->n].name;
		c->what[c->n] = spec[c->n].what;
		c->f[c->n] =
		    spec[c->n].what == C_FIELD ? export_fields_find(k, spec[c->n].name) : NULL;
	}
	for (size_t i = 0; omit && omit[i] && m < MAX_COLS; i++)
		named[m++] = omit[i];
	named[m] = NULL;
	export_fields_rest(&rest, k, named);
	for (size_t i = 0; i < rest.n && c->n < MAX_COLS; i++, c->n++) {
		c->name[c->n] = rest.f[i]->name;
		c->what[c->n] = C_FIELD;
		c->f[c->n] = rest.f[i];
	}
}

static char *num(long long v)
{
	char b[32];

	snprintf(b, sizeof b, "%lld", v);
	return util_xstrdup(b);
}

static char *ref(jh_id id)
{
	return id ? num(id) : util_xstrdup("");
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

static char *field_text(const struct jh_field_def *f, const void *item)
{
	const jh_id *ids;
	size_t n;

	switch (f->type) {
	case JF_INT:
		return num(kinds_num(f, item));
	case JF_BOOL:
		return util_xstrdup(kinds_num(f, item) ? "yes" : "no");
	case JF_REF:
		return ref((jh_id)kinds_num(f, item));
	case JF_IDLIST:
		ids = kinds_ids(f, item, &n);
		return id_list(ids, n);
	default:
		return text_clean(kinds_text(f, item));
	}
}

/* The ideas that address pain point p: their ids, or their titles. */
static char *linked_ideas(const struct jh_data *d, const struct jh_painpoint *p, int titles)
{
	char *out = util_xstrdup(""), *t;
	size_t n = 0;

	for (size_t i = 0; i < d->nideas; i++) {
		const struct jh_idea *idea = &d->ideas[i];
		char idbuf[24];
		size_t j, add;

		for (j = 0; j < idea->npainpoints && idea->painpoints[j] != p->id; j++)
			;
		if (j == idea->npainpoints)
			continue;
		snprintf(idbuf, sizeof idbuf, "%lld", (long long)idea->id);
		t = titles ? text_clean(idea->title) : util_xstrdup(idbuf);
		add = strlen(t) + 3;
		out = util_xrealloc(out, n + add);
		n += (size_t)snprintf(out + n, add, "%s%s", n ? (titles ? "; " : ",") : "", t);
		free(t);
	}
	return out;
}

static const char *participant_name(const struct jh_data *d, jh_id id)
{
	const struct jh_participant *p = id ? model_participant(d, id) : NULL;

	return p ? p->name : "";
}

/* What the pain point's touchpoint tells: where it sits and how it feels. */
static char *touchpoint_fact(enum source what, const struct row_facts *r)
{
	const struct jh_touchpoint *tp = r->tp;
	const struct jh_journey *j = tp ? model_journey(r->d, tp->journey_id) : NULL;
	const struct jh_stage *st = tp ? model_stage(r->d, tp->stage_id) : NULL;

	switch (what) {
	case C_TP_NAME:
		return text_clean(tp ? tp->name : "");
	case C_JOURNEY:
		return text_clean(j ? j->name : "");
	case C_STAGE:
		return text_clean(st ? st->name : "");
	case C_TP_SCORE:
		return tp ? num(tp->score) : util_xstrdup("");
	case C_TP_WEAKEST:
		if (!tp)
			return util_xstrdup("");
		return util_xstrdup(export_facts_is_weakest(r->x, r->d, tp->id) ? "yes" : "no");
	default:
		return util_xstrdup("");
	}
}

static char *idea_fact(enum source what, const struct row_facts *r)
{
	switch (what) {
	case C_IDEA:
		return ref(r->idea ? r->idea->id : 0);
	case C_IDEA_TITLE:
		return text_clean(r->idea ? r->idea->title : "");
	case C_IDEA_RANK:
		return ref(r->idea_rank);
	case C_IDEAS:
		return linked_ideas(r->d, r->p, 0);
	case C_IDEA_TITLES:
		return linked_ideas(r->d, r->p, 1);
	default:
		return touchpoint_fact(what, r);
	}
}

static char *fact_text(enum source what, const struct row_facts *r)
{
	char b[32];

	switch (what) {
	case C_RANK:
		return num(r->ri->rank);
	case C_SCORE:
		analysis_format_score(r->x->method, r->ri->score, b, sizeof b);
		return text_clean(b);
	case C_VOTES:
		return num(r->ri->votes);
	case C_QUADRANT:
		return text_clean(analysis_quadrant_name(r->ri->quadrant));
	case C_WEAKEST:
		return util_xstrdup(r->ri->on_weakest_link ? "yes" : "no");
	case C_OVERDUE:
		return util_xstrdup(analysis_action_overdue(r->a, r->x->today) ? "yes" : "no");
	case C_REVISION:
		return num(kinds_revision(JH_ACTION, r->a));
	case C_AUTHOR:
		return text_clean(participant_name(r->d, r->p->author_id));
	default:
		return idea_fact(what, r);
	}
}

/* Does column i hold a number (or a yes/no) the program wrote? */
static int numeric(const struct cols *c, size_t i)
{
	switch (c->what[i]) {
	case C_FIELD:
		return c->f[i]->type == JF_INT || c->f[i]->type == JF_BOOL ||
		       c->f[i]->type == JF_REF || c->f[i]->type == JF_IDLIST;
	case C_IDEA_TITLE:
	case C_QUADRANT:
	case C_AUTHOR:
	case C_TP_NAME:
	case C_JOURNEY:
	case C_STAGE:
	case C_IDEA_TITLES:
		return 0;
	default:
		return 1;
	}
}

/* A decimal comma where the separator leaves the comma free: the number
 * a Swedish or Norwegian spreadsheet reads. */
static void decimal_mark(char *s, char sep)
{
	char *dot = sep == ',' ? NULL : strchr(s, '.');

	if (dot)
		*dot = ',';
}

static char *cell(const struct cols *c, size_t i, const void *item, const struct row_facts *r)
{
	char *s = c->what[i] == C_FIELD ? field_text(c->f[i], item) : fact_text(c->what[i], r);
	char *guarded;

	if (c->what[i] == C_SCORE)
		decimal_mark(s, r->o->sep);
	if (r->o->raw || numeric(c, i) || !csv_formula_risky(s))
		return s;
	guarded = csv_formula_guard(s);
	free(s);
	return guarded;
}

static void row(struct export_w *w, const struct cols *c, const void *item,
		const struct row_facts *r)
{
	char *f[MAX_COLS];

	for (size_t i = 0; i < c->n; i++)
		f[i] = cell(c, i, item, r);
	if (!w->failed && csv_write_row_sep(w->f, (const char *const *)f, c->n, r->o->sep) < 0)
		export_w_fail(w);
	for (size_t i = 0; i < c->n; i++)
		free(f[i]);
}

static void header(struct export_w *w, const struct cols *c, const struct export_csv_opts *o)
{
	if (!w->failed && o->bom && csv_write_bom(w->f) < 0)
		export_w_fail(w);
	if (!w->failed && csv_write_row_sep(w->f, c->name, c->n, o->sep) < 0)
		export_w_fail(w);
}

/* A last column after the field table's. */
static void cols_add(struct cols *c, const char *name, enum source what)
{
	if (c->n == MAX_COLS)
		return;
	c->name[c->n] = name;
	c->what[c->n] = what;
	c->f[c->n++] = NULL;
}

static void actions(struct export_w *w, const struct jh_data *d, struct row_facts *r)
{
	const struct export_facts *x = r->x;
	struct cols c;

	cols_init(&c, JH_ACTION, action_cols, sizeof action_cols / sizeof action_cols[0], NULL);
	cols_add(&c, "revision", C_REVISION);
	header(w, &c, r->o);
	for (size_t i = 0; i < x->nactions; i++) {
		r->a = &d->actions[x->actions[i]];
		r->idea = r->a->idea_id ? model_idea(d, r->a->idea_id) : NULL;
		r->idea_rank = r->idea ? x->by_idea[r->idea - d->ideas]->rank : 0;
		row(w, &c, r->a, r);
	}
}

static void backlog(struct export_w *w, const struct jh_data *d, struct row_facts *r)
{
	struct cols c;

	cols_init(&c, JH_IDEA, backlog_cols, sizeof backlog_cols / sizeof backlog_cols[0],
		  backlog_omit);
	header(w, &c, r->o);
	for (size_t i = 0; i < r->x->nbacklog; i++) {
		r->ri = &r->x->backlog[i];
		row(w, &c, &d->ideas[r->ri->index], r);
	}
}

static void painpoints(struct export_w *w, const struct jh_data *d, struct row_facts *r)
{
	struct cols c;

	cols_init(&c, JH_PAINPOINT, painpoint_cols,
		  sizeof painpoint_cols / sizeof painpoint_cols[0], NULL);
	header(w, &c, r->o);
	for (size_t i = 0; i < d->npainpoints; i++) {
		r->p = &d->painpoints[i];
		r->tp = r->p->touchpoint_id ? model_touchpoint(d, r->p->touchpoint_id) : NULL;
		row(w, &c, r->p, r);
	}
}

int export_csv_with(FILE *f, const struct jh_data *d, enum export_report rep,
		    const struct export_csv_opts *o, struct jh_err *err)
{
	struct export_w w;
	struct export_facts x;
	struct row_facts r;

	if (o->sep != ',' && o->sep != ';' && o->sep != '\t')
		return err_set(err, _("csv: the separator must be a comma, a semicolon or a tab"));
	memset(&r, 0, sizeof r);
	r.x = &x;
	r.o = o;
	r.d = d;
	export_w_init(&w, f);
	export_facts_init(&x, d);
	if (rep == EXPORT_BACKLOG)
		backlog(&w, d, &r);
	else if (rep == EXPORT_PAINPOINTS)
		painpoints(&w, d, &r);
	else
		actions(&w, d, &r);
	export_facts_free(&x);
	return export_w_done(&w, err);
}

int export_csv(FILE *f, const struct jh_data *d, enum export_report r, struct jh_err *err)
{
	const struct export_csv_opts o = {',', 0, 0};

	return export_csv_with(f, d, r, &o, err);
}

int export_csv_raw(FILE *f, const struct jh_data *d, enum export_report r, struct jh_err *err)
{
	const struct export_csv_opts o = {',', 0, 1};

	return export_csv_with(f, d, r, &o, err);
}
