/* view_actions.c: action points with owner, due date and status. Overdue
 * ones, and ones still missing an owner or a date, stand out: an action
 * without both is exactly how "customer-centric" stays abstract. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/analysis.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

enum { SORT_DUE, SORT_STATUS, SORT_OWNER, SORT_ID, NSORTS };
static const char *const sort_names[NSORTS] = {"by due date", "by status", "by owner",
					       "oldest first"};

static struct {
	struct ui_list l;
	size_t *rows; /* indexes into d.actions */
	int sort;
	jh_id sel_id;
	char today[11];
} S;

static const struct ui *sort_ui;

static int status_rank(const char *s)
{
	return util_streq(s, "doing") ? 0 : util_streq(s, "todo") ? 1 : 2;
}

/* Empty sorts last: an undated action is the one to chase, but it
 * should not push the dated ones off the screen. */
static int cmp_text(const char *a, const char *b)
{
	if (!*a != !*b)
		return *a ? -1 : 1;
	return strcmp(a, b);
}

static int cmp_rows(const void *a, const void *b)
{
	const struct jh_action *x = &sort_ui->d.actions[*(const size_t *)a];
	const struct jh_action *y = &sort_ui->d.actions[*(const size_t *)b];
	int c = 0;

	switch (S.sort) {
	case SORT_DUE:
		c = cmp_text(x->due, y->due);
		break;
	case SORT_STATUS:
		c = status_rank(x->status) - status_rank(y->status);
		break;
	case SORT_OWNER:
		c = cmp_text(x->owner, y->owner);
		break;
	}
	if (c)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

static jh_id selected_id(const struct ui *ui)
{
	return S.l.n ? ui->d.actions[S.rows[S.l.sel]].id : 0;
}

static void select_id(const struct ui *ui, jh_id id)
{
	for (size_t i = 0; id && i < S.l.n; i++)
		if (ui->d.actions[S.rows[i]].id == id)
			S.l.sel = i;
}

static void build(struct ui *ui, jh_id keep)
{
	free(S.rows);
	S.rows = util_xcalloc(ui->d.nactions + 1, sizeof *S.rows);
	for (size_t i = 0; i < ui->d.nactions; i++)
		S.rows[i] = i;
	sort_ui = ui;
	qsort(S.rows, ui->d.nactions, sizeof *S.rows, cmp_rows);
	S.l.n = ui->d.nactions;
	util_today(S.today);
	select_id(ui, keep);
	ui_list_clamp(&S.l, 1 << 20);
}

static void rebuild(struct ui *ui)
{
	build(ui, S.sel_id);
}

static void row(struct ui *ui, size_t i, const struct ui_rect *line, int sel)
{
	const struct jh_action *a = &ui->d.actions[S.rows[i]];
	attr_t base = sel ? ui_attr(ui, UI_C_SELECTED) : A_NORMAL;
	int overdue = analysis_action_overdue(a, S.today), done = util_streq(a->status, "done");
	int x = line->x, wide = line->w >= 70, right = wide ? 42 : 17;
	attr_t warn = sel ? base : ui_attr(ui, UI_C_WARNING);

	x += ui_textf(line->y, x, 6, base, 1, "#%lld", (long long)a->id);
	ui_text(line->y, x, line->w - (x - line->x) - right - 1, a->title,
		sel    ? base
		: done ? ui_attr(ui, UI_C_DIM)
		       : base,
		1);
	x = line->x + line->w - right;
	if (wide)
		x += ui_text(line->y, x, 15, *a->owner ? a->owner : "? no owner",
			     *a->owner ? base : warn, 1) +
		     1;
	x += ui_text(line->y, x, 10, *a->due ? a->due : "? no date",
		     overdue && !sel ? ui_attr(ui, UI_C_OVERDUE)
		     : *a->due	     ? base
				     : warn,
		     1) +
	     1;
	ui_text(line->y, x, line->x + line->w - x, overdue ? "OVERDUE" : a->status,
		overdue	       ? (sel ? base | A_BOLD : ui_attr(ui, UI_C_OVERDUE))
		: done && !sel ? ui_attr(ui, UI_C_POSITIVE)
			       : base,
		1);
}

static void detail(struct ui *ui, const struct ui_rect *r)
{
	const struct jh_action *a;
	const struct jh_idea *idea;
	struct ui_rect t = *r;
	char buf[1024];
	int n;

	if (!S.l.n || r->h <= 0)
		return;
	a = &ui->d.actions[S.rows[S.l.sel]];
	idea = ui_idea(ui, a->idea_id);
	ui_textf(t.y++, t.x, t.w, A_BOLD, 0, "#%lld %s", (long long)a->id, a->title);
	t.h--;
	snprintf(buf, sizeof buf, "Owner: %s  Due: %s  Status: %s%s",
		 *a->owner ? a->owner : "(none: who will do it?)",
		 *a->due ? a->due : "(none: by when?)", a->status,
		 analysis_action_overdue(a, S.today) ? "  OVERDUE" : "");
	n = ui_wrap(&t, 0, buf,
		    analysis_action_overdue(a, S.today) ? ui_attr(ui, UI_C_OVERDUE) : A_NORMAL);
	t.y += n;
	t.h -= n;
	if (idea && t.h > 0) {
		ui_textf(t.y++, t.x, t.w, ui_attr(ui, UI_C_DIM), 0, "For idea #%lld %s",
			 (long long)idea->id, idea->title);
		t.h--;
	}
	if (t.h > 1 && *a->notes) {
		t.y++;
		t.h--;
		ui_wrap(&t, 0, a->notes, A_NORMAL);
	}
}

static void draw(struct ui *ui, const struct ui_rect *r)
{
	struct ui_rect list, det;
	char header[256];

	S.sel_id = selected_id(ui);
	ui_split(r, 6, S.l.n, &list, &det);
	{
		char left[128];
		int wide = list.w >= 70;
		snprintf(left, sizeof left, "Action points %s (s)", sort_names[S.sort]);
		ui_columns(header, sizeof header, list.w, left, list.w - (wide ? 42 : 17),
			   wide ? "Owner           Due        Status" : "Due        Status");
	}
	ui_list_draw(ui, &S.l, &list, header, row);
	if (!S.l.n && list.h > 2)
		ui_text(list.y + 2, list.x + 2, list.w - 4,
			"No action points yet. a adds one: what, who owns it, by when.",
			ui_attr(ui, UI_C_DIM), 0);
	if (det.h > 0 && det.w > 0) {
		if (det.w < r->w)
			for (int y = det.y; y < det.y + det.h; y++)
				ui_text(y, det.x - 1, 1, ui_glyph(ui, UI_G_VLINE),
					ui_attr(ui, UI_C_BORDER), 0);
		else
			ui_hline(ui, det.y - 1, det.x, det.w, ui_attr(ui, UI_C_BORDER));
		detail(ui, &det);
	}
}

static int action(struct ui *ui, enum ui_action act, const struct ui_rect *r)
{
	if (act == UI_ACT_SORT) {
		jh_id keep = selected_id(ui);
		S.sort = (S.sort + 1) % NSORTS;
		build(ui, keep);
		ui_message(ui, 0, "Sorted %s", sort_names[S.sort]);
		return UI_HANDLED;
	}
	return ui_list_action(&S.l, act, r->h / 2);
}

static int selected(struct ui *ui, enum jh_kind *kind, jh_id *id)
{
	if (!S.l.n)
		return -1;
	*kind = JH_ACTION;
	*id = selected_id(ui);
	return 0;
}

static int match(struct ui *ui, size_t i, const char *needle)
{
	const struct jh_action *a = &ui->d.actions[S.rows[i]];

	return ui_match(a->title, needle) || ui_match(a->owner, needle) ||
	       ui_match(a->notes, needle);
}

static int search(struct ui *ui, const char *needle, int dir)
{
	return ui_list_search(&S.l, dir, match, ui, needle);
}

static void click(struct ui *ui, const struct ui_rect *r, int y, int x)
{
	struct ui_rect list, det;

	(void)ui;
	(void)x;
	ui_split(r, 6, S.l.n, &list, &det);
	ui_list_click(&S.l, &list, 1, y);
}

static void focus(struct ui *ui, enum jh_kind kind, jh_id id)
{
	if (kind == JH_ACTION)
		select_id(ui, id);
}

static void cleanup(void)
{
	free(S.rows);
	memset(&S, 0, sizeof S);
}

const struct view_ops view_actions_ops = {
    .name = "actions",
    .title = "Action points",
    .tab = "Actions",
    .kind = JH_ACTION,
    .rebuild = rebuild,
    .draw = draw,
    .action = action,
    .selected = selected,
    .search = search,
    .click = click,
    .focus = focus,
    .cleanup = cleanup,
};
