/* cli_show.c: show, list and templates as aligned plain-text tables.
 *
 * Widths are display columns (text.c), so Swedish letters and wide
 * characters line up; item text is made safe, so nothing a participant
 * typed can reach the terminal as an escape sequence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/analysis.h"
#include "journeyhack/cli.h"
#include "journeyhack/paths.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"

#define MAX_COLS 12

struct table {
	size_t ncols;
	const char *head[MAX_COLS];
	int maxw[MAX_COLS]; /* cap per column; 0: none */
	int right[MAX_COLS];
	char **cells; /* nrows * ncols, safe text */
	int *widths;  /* display width of each cell, measured once */
	size_t nrows, cap;
};

static void table_init(struct table *t, size_t ncols)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
}

static void table_col(struct table *t, size_t i, const char *head, int maxw, int right)
{
	t->head[i] = head;
	t->maxw[i] = maxw;
	t->right[i] = right;
}

/* Add a row of ncols cells (copied). */
static void table_row(struct table *t, const char *const *cells)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->cells = util_xrealloc(t->cells, t->cap * t->ncols * sizeof *t->cells);
		t->widths = util_xrealloc(t->widths, t->cap * t->ncols * sizeof *t->widths);
	}
	for (size_t i = 0; i < t->ncols; i++) {
		size_t k = t->nrows * t->ncols + i;
		t->cells[k] = util_xstrdup(cells[i] ? cells[i] : "");
		t->widths[k] = text_width(t->cells[k]);
	}
	t->nrows++;
}

static int table_print(struct table *t, FILE *f)
{
	int w[MAX_COLS];
	size_t i, r;
	char *buf, *line;
	size_t bufsize = 4096, linesize = 1024;
	int rc = 0;

	for (i = 0; i < t->ncols; i++)
		w[i] = text_width(t->head[i]);
	for (r = 0; r < t->nrows; r++) {
		for (i = 0; i < t->ncols; i++) {
			int cw = t->widths[r * t->ncols + i];
			if (t->maxw[i] && cw > t->maxw[i])
				cw = t->maxw[i];
			if (cw > w[i])
				w[i] = cw;
		}
	}
	buf = util_xmalloc(bufsize);
	line = util_xmalloc(linesize);
	for (r = 0; r <= t->nrows; r++) {
		size_t len = 0;
		for (i = 0; i < t->ncols; i++) {
			const char *cell = r == 0 ? t->head[i] : t->cells[(r - 1) * t->ncols + i];
			int cw = r == 0 ? text_width(cell) : t->widths[(r - 1) * t->ncols + i];
			size_t need;
			int pad;
			text_fit(cell, w[i], 0, buf, bufsize);
			/* A cell that fits comes out whole, as wide as measured;
			 * only a cut one needs measuring again. */
			pad = w[i] - (cw <= w[i] ? cw : text_width(buf));
			need = len + strlen(buf) + (size_t)pad + 3;
			if (need > linesize) {
				linesize = need * 2;
				line = util_xrealloc(line, linesize);
			}
			if (t->right[i]) {
				memset(line + len, ' ', (size_t)pad);
				len += (size_t)pad;
			}
			memcpy(line + len, buf, strlen(buf));
			len += strlen(buf);
			if (!t->right[i]) {
				memset(line + len, ' ', (size_t)pad);
				len += (size_t)pad;
			}
			if (i + 1 < t->ncols) {
				memcpy(line + len, "  ", 2);
				len += 2;
			}
		}
		/* No trailing blanks: empty last cells would leave them. */
		while (len > 0 && line[len - 1] == ' ')
			len--;
		line[len++] = '\n';
		fwrite(line, 1, len, f);
	}
	free(line);
	free(buf);
	for (r = 0; r < t->nrows * t->ncols; r++)
		free(t->cells[r]);
	free(t->cells);
	free(t->widths);
	if (ferror(f))
		rc = -1;
	return rc;
}

static const char *num(char *buf, long long v)
{
	snprintf(buf, 24, "%lld", v);
	return buf;
}

static const char *signed_num(char *buf, long long v)
{
	snprintf(buf, 24, v > 0 ? "+%lld" : "%lld", v);
	return buf;
}

/* id -> position in one of a workshop's arrays. model_participant and
 * friends search linearly, which made a table of 100 000 pain points
 * naming 2 000 participants and 5 000 touchpoints quadratic. */
struct id_map {
	struct id_pos {
		jh_id id;
		size_t pos;
	} *v;
	size_t n;
};

static int id_pos_cmp(const void *a, const void *b)
{
	const struct id_pos *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* rows: an array of n structs of `size` bytes whose first member is the
 * jh_id (every item struct in model.h). */
static void id_map_build(struct id_map *m, const void *rows, size_t n, size_t size)
{
	const char *p = rows;

	m->v = util_xcalloc(n, sizeof *m->v);
	m->n = n;
	for (size_t i = 0; i < n; i++) {
		const jh_id *id = (const void *)(p + i * size);
		m->v[i] = (struct id_pos){*id, i};
	}
	qsort(m->v, n, sizeof *m->v, id_pos_cmp);
}

/* The row with this id (the first in array order, as model_* finds it),
 * NULL when there is none. */
static const void *id_map_get(const struct id_map *m, const void *rows, size_t size, jh_id id)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == m->n || m->v[lo].id != id)
		return NULL;
	return (const char *)rows + m->v[lo].pos * size;
}

static void id_map_free(struct id_map *m)
{
	free(m->v);
}

static const char *participant_name(const struct jh_data *d, const struct id_map *people,
				    jh_id id)
{
	const struct jh_participant *p =
		id ? id_map_get(people, d->participants, sizeof *d->participants, id) : NULL;
	return p ? p->name : "";
}

int cli_print_workshops(struct cli_ctx *ctx, const struct jh_workshop *ws, size_t n)
{
	struct table t;
	char idb[24];

	if (n == 0) {
		fprintf(ctx->out, "no workshops in %s (create one: journeyhack new NAME)\n",
			store_path(ctx->st));
		return ferror(ctx->out) ? CLI_FAIL : CLI_OK;
	}
	table_init(&t, 5);
	table_col(&t, 0, "ID", 0, 1);
	table_col(&t, 1, "NAME", 32, 0);
	table_col(&t, 2, "CREATED", 0, 0);
	table_col(&t, 3, "TEMPLATE", 30, 0);
	table_col(&t, 4, "TITLE", 60, 0);
	for (size_t i = 0; i < n; i++) {
		const char *row[] = {num(idb, ws[i].id), ws[i].name, ws[i].created,
				     ws[i].template_name, ws[i].title};
		table_row(&t, row);
	}
	return table_print(&t, ctx->out) ? CLI_FAIL : CLI_OK;
}

int cli_print_templates(struct cli_ctx *ctx, const struct jh_template_entry *list, size_t n)
{
	struct table t;

	if (n == 0) {
		fprintf(ctx->out, "no templates found (see JOURNEYHACK_TEMPLATE_PATH in journeyhack(1))\n");
		return CLI_OK;
	}
	table_init(&t, 3);
	table_col(&t, 0, "NAME", 40, 0);
	table_col(&t, 1, "TITLE", 60, 0);
	table_col(&t, 2, "PATH", 0, 0);
	for (size_t i = 0; i < n; i++) {
		char title[512];
		snprintf(title, sizeof title, "%s%s", list[i].valid ? "" : "INVALID: ",
			 list[i].title);
		const char *row[] = {list[i].name, title, list[i].path};
		table_row(&t, row);
	}
	return table_print(&t, ctx->out) ? CLI_FAIL : CLI_OK;
}

static void show_participants(const struct jh_data *d, FILE *f)
{
	struct table t;
	char a[24], b[32];

	table_init(&t, 5);
	table_col(&t, 0, "ID", 0, 1);
	table_col(&t, 1, "NAME", 30, 0);
	table_col(&t, 2, "DEPARTMENT", 24, 0);
	table_col(&t, 3, "ROLE", 0, 0);
	table_col(&t, 4, "DOTS", 0, 1);
	for (size_t i = 0; i < d->nparticipants; i++) {
		const struct jh_participant *p = &d->participants[i];
		snprintf(b, sizeof b, "%d/%d", model_participant_dots(d, p->id),
			 d->workshop.dots_per_participant);
		const char *row[] = {num(a, p->id), p->name, p->department, p->role, b};
		table_row(&t, row);
	}
	table_print(&t, f);
}

static void show_steps(const struct jh_data *d, FILE *f)
{
	struct table t;
	char a[24], b[24], c[24];

	table_init(&t, 7);
	table_col(&t, 0, "ID", 0, 1);
	table_col(&t, 1, "", 0, 0);
	table_col(&t, 2, "DAY", 0, 1);
	table_col(&t, 3, "MIN", 0, 1);
	table_col(&t, 4, "VIEW", 0, 0);
	table_col(&t, 5, "PRIVATE", 0, 0);
	table_col(&t, 6, "TITLE", 60, 0);
	for (size_t i = 0; i < d->nsteps; i++) {
		const struct jh_step *s = &d->steps[i];
		const char *row[] = {num(a, s->id), (int)i == d->workshop.current_step ? ">" : "",
				     num(b, s->day), num(c, s->minutes), s->view,
				     s->private_ ? (s->revealed ? "revealed" : "yes") : "",
				     s->title};
		table_row(&t, row);
	}
	table_print(&t, f);
}

static void show_journeys(const struct jh_data *d, FILE *f)
{
	struct table t;
	char a[24], b[24], c[24], e[24];

	table_init(&t, 7);
	table_col(&t, 0, "ID", 0, 1);
	table_col(&t, 1, "NAME", 36, 0);
	table_col(&t, 2, "TOUCHPOINTS", 0, 1);
	table_col(&t, 3, "CAPITAL", 0, 1);
	table_col(&t, 4, "HOPS", 0, 1);
	table_col(&t, 5, "RISK", 0, 0);
	table_col(&t, 6, "WEAKEST LINK", 40, 0);
	for (size_t i = 0; i < d->njourneys; i++) {
		const struct jh_journey *j = &d->journeys[i];
		struct jh_journey_stats js;
		const struct jh_touchpoint *w;
		char weak[256] = "";

		analysis_journey(d, j->id, &js);
		w = js.weakest_link ? model_touchpoint(d, js.weakest_link) : NULL;
		if (w)
			snprintf(weak, sizeof weak, "%lld %s", (long long)w->id, w->name);
		const char *row[] = {num(a, j->id),
				     j->name,
				     num(b, js.ntouchpoints),
				     signed_num(c, js.cx_capital),
				     num(e, js.channel_hops),
				     js.ntouchpoints == 0 ? "" : js.at_risk ? "AT RISK" : "ok",
				     weak};
		table_row(&t, row);
	}
	table_print(&t, f);
}

static void show_stages(const struct jh_data *d, FILE *f)
{
	struct table t;
	char a[24], b[24];

	table_init(&t, 4);
	table_col(&t, 0, "ID", 0, 1);
	table_col(&t, 1, "JOURNEY", 30, 0);
	table_col(&t, 2, "POS", 0, 1);
	table_col(&t, 3, "NAME", 40, 0);
	for (size_t i = 0; i < d->nstages; i++) {
		const struct jh_stage *s = &d->stages[i];
		const struct jh_journey *j = model_journey(d, s->journey_id);
		const char *row[] = {num(a, s->id), j ? j->name : "", num(b, s->position), s->name};
		table_row(&t, row);
	}
	table_print(&t, f);
}

static void show_touchpoints(const struct jh_data *d, FILE *f)
{
	struct table t;
	char a[24], b[24], c[24], e[24], flag[64];
	jh_id *weakest = util_xcalloc(d->njourneys, sizeof *weakest);

	/* One analysis per journey, not per touchpoint. */
	for (size_t i = 0; i < d->njourneys; i++) {
		struct jh_journey_stats js;
		analysis_journey(d, d->journeys[i].id, &js);
		weakest[i] = js.weakest_link;
	}
	table_init(&t, 10);
	table_col(&t, 0, "ID", 0, 1);
	table_col(&t, 1, "JOURNEY", 24, 0);
	table_col(&t, 2, "STAGE", 16, 0);
	table_col(&t, 3, "NAME", 32, 0);
	table_col(&t, 4, "CHANNEL", 14, 0);
	table_col(&t, 5, "OWNER", 18, 0);
	table_col(&t, 6, "SCORE", 0, 1);
	table_col(&t, 7, "REACH", 0, 1);
	table_col(&t, 8, "POT", 0, 1);
	table_col(&t, 9, "NOTE", 0, 0);
	for (size_t i = 0; i < d->ntouchpoints; i++) {
		const struct jh_touchpoint *tp = &d->touchpoints[i];
		const struct jh_journey *j = model_journey(d, tp->journey_id);
		const struct jh_stage *s = model_stage(d, tp->stage_id);
		int weak = 0;
		for (size_t k = 0; k < d->njourneys; k++)
			if (d->journeys[k].id == tp->journey_id)
				weak = weakest[k] == tp->id;
		snprintf(flag, sizeof flag, "%s%s%s", weak ? "weakest link" : "",
			 weak && analysis_questionable(tp) ? "; " : "",
			 analysis_questionable(tp) ? "should it exist?" : "");
		snprintf(e, sizeof e, "%d%%", tp->reach);
		const char *row[] = {num(a, tp->id), j ? j->name : "", s ? s->name : "", tp->name,
				     tp->channel, tp->owner, signed_num(b, tp->score), e,
				     num(c, tp->potential), flag};
		table_row(&t, row);
	}
	free(weakest);
	table_print(&t, f);
}

static void show_painpoints(const struct jh_data *d, FILE *f)
{
	struct id_map people, tps;
	struct table t;
	char a[24], b[24], c[24];

	table_init(&t, 8);
	table_col(&t, 0, "ID", 0, 1);
	table_col(&t, 1, "TOUCHPOINT", 24, 0);
	table_col(&t, 2, "TITLE", 40, 0);
	table_col(&t, 3, "SEV", 0, 1);
	table_col(&t, 4, "FREQ", 0, 1);
	table_col(&t, 5, "STATUS", 0, 0);
	table_col(&t, 6, "AUTHOR", 16, 0);
	table_col(&t, 7, "EVIDENCE", 50, 0);
	id_map_build(&people, d->participants, d->nparticipants, sizeof *d->participants);
	id_map_build(&tps, d->touchpoints, d->ntouchpoints, sizeof *d->touchpoints);
	for (size_t i = 0; i < d->npainpoints; i++) {
		const struct jh_painpoint *p = &d->painpoints[i];
		const struct jh_touchpoint *tp =
			p->touchpoint_id
				? id_map_get(&tps, d->touchpoints, sizeof *d->touchpoints, p->touchpoint_id)
				: NULL;
		const char *row[] = {num(a, p->id), tp ? tp->name : "", p->title,
				     num(b, p->severity), num(c, p->frequency), p->status,
				     participant_name(d, &people, p->author_id), p->evidence};
		table_row(&t, row);
	}
	id_map_free(&people);
	id_map_free(&tps);
	table_print(&t, f);
}

static void show_ideas(const struct jh_data *d, FILE *f)
{
	struct jh_ranked_idea *r;
	size_t n;
	struct table t;
	enum jh_method m = (enum jh_method)analysis_method_parse(d->workshop.method);

	if ((int)m < 0)
		m = JH_METHOD_IMPACT_EFFORT;
	r = analysis_backlog(d, &n);
	table_init(&t, 11);
	table_col(&t, 0, "RANK", 0, 1);
	table_col(&t, 1, "ID", 0, 1);
	table_col(&t, 2, "TITLE", 44, 0);
	table_col(&t, 3, "SCORE", 0, 1);
	table_col(&t, 4, "VOTES", 0, 1);
	table_col(&t, 5, "IMP", 0, 1);
	table_col(&t, 6, "EFF", 0, 1);
	table_col(&t, 7, "CONF", 0, 1);
	table_col(&t, 8, "REACH", 0, 1);
	table_col(&t, 9, "QUADRANT", 0, 0);
	table_col(&t, 10, "PAIN POINTS", 0, 0);
	for (size_t i = 0; i < n; i++) {
		const struct jh_idea *x = &d->ideas[r[i].index];
		char rank[24], id[24], score[32], votes[24], imp[8], eff[8], conf[8], reach[8];
		char pains[256] = "", title[4200];
		size_t len = 0;
		for (size_t k = 0; k < x->npainpoints && len < sizeof pains - 24; k++)
			len += (size_t)snprintf(pains + len, sizeof pains - len, "%s%lld",
						k ? "," : "", (long long)x->painpoints[k]);
		snprintf(title, sizeof title, "%s%s", r[i].on_weakest_link ? "[weakest link] " : "",
			 x->title);
		analysis_format_score(m, r[i].score, score, sizeof score);
		snprintf(reach, sizeof reach, "%d%%", x->reach);
		const char *row[] = {num(rank, r[i].rank), num(id, x->id), title, score,
				     num(votes, r[i].votes), num(imp, x->impact), num(eff, x->effort),
				     num(conf, x->confidence), reach,
				     analysis_quadrant_name(r[i].quadrant), pains};
		table_row(&t, row);
	}
	free(r);
	table_print(&t, f);
}

static void show_votes(const struct jh_data *d, FILE *f)
{
	struct id_map people, ideas;
	struct table t;
	char a[24], b[24], c[24];

	table_init(&t, 5);
	table_col(&t, 0, "ID", 0, 1);
	table_col(&t, 1, "IDEA", 0, 1);
	table_col(&t, 2, "TITLE", 40, 0);
	table_col(&t, 3, "PARTICIPANT", 24, 0);
	table_col(&t, 4, "DOTS", 0, 1);
	id_map_build(&people, d->participants, d->nparticipants, sizeof *d->participants);
	id_map_build(&ideas, d->ideas, d->nideas, sizeof *d->ideas);
	for (size_t i = 0; i < d->nvotes; i++) {
		const struct jh_vote *v = &d->votes[i];
		const struct jh_idea *x = id_map_get(&ideas, d->ideas, sizeof *d->ideas, v->idea_id);
		const char *row[] = {num(a, v->id), num(b, v->idea_id), x ? x->title : "",
				     d->workshop.anonymous_votes
					     ? "(anonymous)"
					     : participant_name(d, &people, v->participant_id),
				     num(c, v->dots)};
		table_row(&t, row);
	}
	id_map_free(&people);
	id_map_free(&ideas);
	table_print(&t, f);
}

static void show_actions(const struct jh_data *d, FILE *f)
{
	struct table t;
	char a[24], b[24], today[11];

	util_today(today);
	table_init(&t, 7);
	table_col(&t, 0, "ID", 0, 1);
	table_col(&t, 1, "IDEA", 0, 1);
	table_col(&t, 2, "TITLE", 44, 0);
	table_col(&t, 3, "OWNER", 20, 0);
	table_col(&t, 4, "DUE", 0, 0);
	table_col(&t, 5, "STATUS", 0, 0);
	table_col(&t, 6, "", 0, 0);
	for (size_t i = 0; i < d->nactions; i++) {
		const struct jh_action *x = &d->actions[i];
		int overdue = *x->due && strcmp(x->due, today) < 0 && strcmp(x->status, "done");
		const char *row[] = {num(a, x->id), x->idea_id ? num(b, x->idea_id) : "",
				     x->title, x->owner, x->due, x->status,
				     overdue ? "OVERDUE" : ""};
		table_row(&t, row);
	}
	table_print(&t, f);
}

static void show_parking(const struct jh_data *d, FILE *f)
{
	struct id_map people;
	struct table t;
	char a[24];

	table_init(&t, 5);
	table_col(&t, 0, "ID", 0, 1);
	table_col(&t, 1, "ANSWERED", 0, 0);
	table_col(&t, 2, "TEXT", 50, 0);
	table_col(&t, 3, "AUTHOR", 16, 0);
	table_col(&t, 4, "ANSWER", 50, 0);
	id_map_build(&people, d->participants, d->nparticipants, sizeof *d->participants);
	for (size_t i = 0; i < d->nparking; i++) {
		const struct jh_parking *p = &d->parking[i];
		const char *row[] = {num(a, p->id), p->answered ? "yes" : "no", p->text,
				     participant_name(d, &people, p->author_id), p->answer};
		table_row(&t, row);
	}
	id_map_free(&people);
	table_print(&t, f);
}

static void show_header(const struct jh_data *d, FILE *f)
{
	const struct jh_workshop *w = &d->workshop;
	const struct jh_step *cur = (w->current_step >= 0 && (size_t)w->current_step < d->nsteps)
					    ? &d->steps[w->current_step]
					    : NULL;
	char *title = text_fit_dup(w->title, 200, 0);

	fprintf(f, "%s: %s\n", w->name, title);
	fprintf(f, "template %s, created %s, prioritisation %s, %d dots per participant",
		w->template_name, w->created, w->method, w->dots_per_participant);
	if (w->max_dots_per_idea)
		fprintf(f, " (at most %d per idea)", w->max_dots_per_idea);
	fputc('\n', f);
	if (cur) {
		char *st = text_fit_dup(cur->title, 200, 0);
		fprintf(f, "current step %d of %zu: day %d, %s (%d min)\n", w->current_step + 1,
			d->nsteps, cur->day, st, cur->minutes);
		free(st);
	}
	free(title);
}

static void section(FILE *f, const char *name, size_t n, void (*fn)(const struct jh_data *, FILE *),
		    const struct jh_data *d)
{
	fprintf(f, "\n%s (%zu)\n", name, n);
	if (n)
		fn(d, f);
}

int cli_show(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct jh_kind_def *k = NULL;
	struct jh_data d;
	struct jh_err err;
	jh_id wid;
	int rc;
	FILE *f = ctx->out;

	if (argc < 2 || argc > 3) {
		fprintf(ctx->err, "journeyhack: usage: journeyhack show WORKSHOP [KIND]\n");
		return CLI_USAGE;
	}
	if (argc == 3 && !(k = kinds_find(argv[2])))
		return cli_failf(ctx, "unknown kind \"%s\" (kinds: %s step)", argv[2], kinds_names());
	if ((rc = cli_open_store(ctx, 0)))
		return rc;
	if (cli_workshop(ctx, argv[1], &wid))
		return CLI_FAIL;
	if (store_load(ctx->st, wid, &d, &err))
		return cli_fail(ctx, err.msg);
	switch (k ? (int)k->kind : -1) {
	case JH_PARTICIPANT: show_participants(&d, f); break;
	case JH_JOURNEY: show_journeys(&d, f); break;
	case JH_STAGE: show_stages(&d, f); break;
	case JH_TOUCHPOINT: show_touchpoints(&d, f); break;
	case JH_PAINPOINT: show_painpoints(&d, f); break;
	case JH_IDEA: show_ideas(&d, f); break;
	case JH_VOTE: show_votes(&d, f); break;
	case JH_ACTION: show_actions(&d, f); break;
	case JH_PARKING: show_parking(&d, f); break;
	case JH_STEP: show_steps(&d, f); break;
	default:
		show_header(&d, f);
		section(f, "Agenda", d.nsteps, show_steps, &d);
		section(f, "Participants", d.nparticipants, show_participants, &d);
		section(f, "Journeys", d.njourneys, show_journeys, &d);
		section(f, "Touchpoints", d.ntouchpoints, show_touchpoints, &d);
		section(f, "Pain points", d.npainpoints, show_painpoints, &d);
		section(f, "Backlog", d.nideas, show_ideas, &d);
		section(f, "Actions", d.nactions, show_actions, &d);
		section(f, "Parking lot", d.nparking, show_parking, &d);
		if (d.nprompts) {
			fprintf(f, "\nPrompts\n");
			for (size_t i = 0; i < d.nprompts; i++) {
				char *p = text_fit_dup(d.prompts[i], 200, 0);
				fprintf(f, "- %s\n", p);
				free(p);
			}
		}
		break;
	}
	model_data_free(&d);
	if (fflush(f) != 0 || ferror(f))
		return cli_fail(ctx, "cannot write the output");
	return CLI_OK;
}
