/* view_painpoints.c: pain points grouped by journey, stage and touchpoint
 * (or ranked by weight), with the evidence of the selected one: hearing
 * the customer's own words is what convinces the sceptics. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/util.h"
#include "journeyhack/view.h"

enum { SORT_GROUPED, SORT_WEIGHT, SORT_ID, NSORTS };
static const char *const sort_names[NSORTS] = {"by journey and touchpoint",
					       "by weight (severity x frequency)", "oldest first"};

/* A row is a group heading (pain < 0, key: the touchpoint's index in
 * d.touchpoints or -1 for none) or a pain point (index in d.painpoints). */
struct row {
	long pain;
	long tp;
};

static struct {
	struct ui_list l;
	struct row *rows;
	int sort;
	jh_id sel_id;
	/* Ideas addressing the selected pain point: found once per selection
	 * and reload, not on every frame. */
	jh_id ideas_of;
	unsigned long ideas_gen;
	size_t ideas[16], nideas;
} S;

static const struct ui *sort_ui;

static long tp_index(const struct ui *ui, const struct jh_painpoint *p)
{
	return p->touchpoint_id ? ui_find(&ui->ix.touchpoints, p->touchpoint_id) : -1;
}

static int cmp_rows(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	const struct jh_painpoint *p = &sort_ui->d.painpoints[x->pain];
	const struct jh_painpoint *q = &sort_ui->d.painpoints[y->pain];

	if (S.sort == SORT_GROUPED && x->tp != y->tp) {
		/* Touchpoints are loaded in journey order; none goes last. */
		if (x->tp < 0 || y->tp < 0)
			return x->tp < 0 ? 1 : -1;
		return x->tp < y->tp ? -1 : 1;
	}
	if (S.sort == SORT_WEIGHT) {
		int wp = p->severity * p->frequency, wq = q->severity * q->frequency;
		if (wp != wq)
			return wq - wp;
	}
	return p->id < q->id ? -1 : p->id > q->id;
}

static jh_id selected_id(const struct ui *ui)
{
	if (!S.l.n || S.l.sel >= S.l.n || S.rows[S.l.sel].pain < 0)
		return 0;
	return ui->d.painpoints[S.rows[S.l.sel].pain].id;
}

static void skip_heading(int dir)
{
	while (S.l.n && S.rows[S.l.sel].pain < 0) {
		if (dir > 0 && S.l.sel + 1 < S.l.n)
			S.l.sel++;
		else if (dir < 0 && S.l.sel > 0)
			S.l.sel--;
		else if (dir > 0)
			dir = -1;
		else
			break;
	}
}

static void select_id(const struct ui *ui, jh_id id)
{
	for (size_t i = 0; id && i < S.l.n; i++)
		if (S.rows[i].pain >= 0 && ui->d.painpoints[S.rows[i].pain].id == id)
			S.l.sel = i;
}

static void build(struct ui *ui, jh_id keep)
{
	const struct jh_data *d = &ui->d;
	struct row *items = util_xcalloc(d->npainpoints + 1, sizeof *items);
	size_t n = 0, out = 0;

	for (size_t i = 0; i < d->npainpoints; i++) {
		if (ui->ix.pain_hidden[i])
			continue;
		items[n].pain = (long)i;
		items[n++].tp = tp_index(ui, &d->painpoints[i]);
	}
	sort_ui = ui;
	qsort(items, n, sizeof *items, cmp_rows);
	free(S.rows);
	S.rows = util_xcalloc(2 * n + 1, sizeof *S.rows);
	for (size_t i = 0; i < n; i++) {
		if (S.sort == SORT_GROUPED && (i == 0 || items[i].tp != items[i - 1].tp)) {
			S.rows[out].pain = -1;
			S.rows[out++].tp = items[i].tp;
		}
		S.rows[out++] = items[i];
	}
	free(items);
	S.l.n = out;
	select_id(ui, keep);
	skip_heading(1);
	ui_list_clamp(&S.l, 1 << 20);
}

static void rebuild(struct ui *ui)
{
	build(ui, S.sel_id);
}

static void group_label(const struct ui *ui, long tp, char *buf, size_t size)
{
	const struct jh_touchpoint *t;
	const struct jh_journey *j;
	const struct jh_stage *s;
	const char *arrow = ui_glyph(ui, UI_G_ARROW);

	if (tp < 0) {
		snprintf(buf, size, "Not tied to a touchpoint");
		return;
	}
	t = &ui->d.touchpoints[tp];
	j = ui_journey(ui, t->journey_id);
	s = ui_stage(ui, t->stage_id);
	snprintf(buf, size, "%s %s %s %s %s (%s, %+d)", j ? j->name : "?", arrow, s ? s->name : "?",
		 arrow, t->name, *t->channel ? t->channel : "no channel", t->score);
}

static void row(struct ui *ui, size_t i, const struct ui_rect *line, int sel)
{
	const struct row *rw = &S.rows[i];
	const struct jh_painpoint *p;
	attr_t base = sel ? ui_attr(ui, UI_C_SELECTED) : A_NORMAL;
	char buf[512], dots[64];
	int x = line->x, right = line->w >= 64 ? 25 : 6;

	if (rw->pain < 0) {
		group_label(ui, rw->tp, buf, sizeof buf);
		ui_text(line->y, x, line->w, buf, ui_attr(ui, UI_C_HEADER), 0);
		return;
	}
	p = &ui->d.painpoints[rw->pain];
	x += ui_textf(line->y, x + 1, 6, base, 1, "#%lld", (long long)p->id) + 1;
	ui_text(line->y, x, line->w - (x - line->x) - right - 1, p->title,
		sel				? base
		: util_streq(p->status, "open") ? A_NORMAL
						: ui_attr(ui, UI_C_DIM),
		1);
	x = line->x + line->w - right;
	if (right == 25) {
		ui_dots(ui, p->severity, 5, dots, sizeof dots);
		snprintf(buf, sizeof buf, "%s %2d ", dots, p->severity * p->frequency);
		x += ui_text(line->y, x, 9, buf,
			     sel		? base
			     : p->severity >= 4 ? ui_attr(ui, UI_C_NEGATIVE)
						: base,
			     0);
		ui_text(line->y, x, right - 9, p->status, sel ? base : ui_attr(ui, UI_C_DIM), 1);
	} else {
		ui_textf(line->y, x, right, base, 1, "%d", p->severity * p->frequency);
	}
}

static void detail(struct ui *ui, const struct ui_rect *r)
{
	const struct jh_painpoint *p;
	struct ui_rect t = *r;
	char buf[1024], sev[64], freq[64];
	int n, nideas = 0;

	if (!S.l.n || S.rows[S.l.sel].pain < 0 || r->h <= 0)
		return;
	p = &ui->d.painpoints[S.rows[S.l.sel].pain];
	ui_textf(t.y++, t.x, t.w, A_BOLD, 0, "#%lld %s", (long long)p->id, p->title);
	group_label(ui, S.rows[S.l.sel].tp, buf, sizeof buf);
	ui_text(t.y++, t.x, t.w, buf, ui_attr(ui, UI_C_DIM), 0);
	ui_dots(ui, p->severity, 5, sev, sizeof sev);
	ui_dots(ui, p->frequency, 5, freq, sizeof freq);
	snprintf(buf, sizeof buf, "Severity %s %d/5  Frequency %s %d/5  Weight %d  %s%s%s", sev,
		 p->severity, freq, p->frequency, p->severity * p->frequency, p->status,
		 p->author_id ? ", by " : "", ui_name(ui, p->author_id));
	t.h -= 2;
	n = ui_wrap(&t, 0, buf, A_NORMAL);
	t.y += n + 1;
	t.h -= n + 1;
	if (t.h <= 0)
		return;
	ui_text(t.y++, t.x, t.w, "Evidence:", ui_attr(ui, UI_C_HEADER), 0);
	t.h--;
	n = ui_wrap(&t, 0, *p->evidence ? p->evidence : "(none yet: e, then C-e on Evidence)",
		    *p->evidence ? A_NORMAL : ui_attr(ui, UI_C_WARNING));
	t.y += n + 1;
	t.h -= n + 1;
	if (S.ideas_of != p->id || S.ideas_gen != ui->generation) {
		S.ideas_of = p->id;
		S.ideas_gen = ui->generation;
		S.nideas = 0;
		for (size_t i = 0; i < ui->d.nideas && S.nideas < 16; i++) {
			const struct jh_idea *idea = &ui->d.ideas[i];
			for (size_t k = 0; k < idea->npainpoints && !ui->ix.idea_hidden[i]; k++)
				if (idea->painpoints[k] == p->id) {
					S.ideas[S.nideas++] = i;
					break;
				}
		}
	}
	for (size_t i = 0; i < S.nideas && t.h > 0; i++, t.h--) {
		const struct jh_idea *idea = &ui->d.ideas[S.ideas[i]];
		if (!nideas++) {
			ui_text(t.y++, t.x, t.w, "Ideas for it:", ui_attr(ui, UI_C_HEADER), 0);
			if (--t.h <= 0)
				break;
		}
		ui_textf(t.y++, t.x, t.w, A_NORMAL, 0, "#%lld %s", (long long)idea->id,
			 idea->title);
	}
}

static void draw(struct ui *ui, const struct ui_rect *r)
{
	struct ui_rect list, det, all = *r;
	char header[256];

	S.sel_id = selected_id(ui);
	if (ui->ix.hidden_pain && ui->facilitator && all.h > 4) {
		ui_textf(all.y, all.x, all.w, ui_attr(ui, UI_C_WARNING), 0,
			 "%s %zu pain point%s hidden: private writing (R reveals)",
			 ui_glyph(ui, UI_G_LOCK), ui->ix.hidden_pain,
			 ui->ix.hidden_pain == 1 ? "" : "s");
		all.y++;
		all.h--;
	}
	ui_split(&all, 8, S.l.n, &list, &det);
	{
		char left[128];
		snprintf(left, sizeof left, "Pain points %s (s)", sort_names[S.sort]);
		ui_columns(header, sizeof header, list.w, left, list.w - (list.w >= 64 ? 25 : 6),
			   list.w >= 64 ? "Severity Wt Status" : "Wt");
	}
	ui_list_draw(ui, &S.l, &list, header, row);
	if (!S.l.n && list.h > 2)
		ui_text(list.y + 2, list.x + 2, list.w - 4,
			"No pain points yet. a logs one, with its evidence.", ui_attr(ui, UI_C_DIM),
			0);
	if (det.h > 0 && det.w > 0) {
		if (det.w < all.w)
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
	int flags;

	if (act == UI_ACT_SORT) {
		jh_id keep = selected_id(ui);
		S.sort = (S.sort + 1) % NSORTS;
		build(ui, keep);
		ui_message(ui, 0, "Sorted %s", sort_names[S.sort]);
		return UI_HANDLED;
	}
	flags = ui_list_action(&S.l, act, r->h / 2);
	if (flags)
		skip_heading(act == UI_ACT_UP || act == UI_ACT_PAGE_UP || act == UI_ACT_END ? -1
											    : 1);
	return flags;
}

static int selected(struct ui *ui, enum jh_kind *kind, jh_id *id)
{
	jh_id pid = selected_id(ui);

	if (!pid)
		return -1;
	*kind = JH_PAINPOINT;
	*id = pid;
	return 0;
}

static int match(struct ui *ui, size_t i, const char *needle)
{
	const struct jh_painpoint *p;

	if (S.rows[i].pain < 0)
		return 0;
	p = &ui->d.painpoints[S.rows[i].pain];
	return ui_match(p->title, needle) || ui_match(p->evidence, needle);
}

static int search(struct ui *ui, const char *needle, int dir)
{
	return ui_list_search(&S.l, dir, match, ui, needle);
}

static void click(struct ui *ui, const struct ui_rect *r, int y, int x)
{
	struct ui_rect list, det, all = *r;

	(void)x;
	if (ui->ix.hidden_pain && ui->facilitator && all.h > 4) {
		all.y++;
		all.h--;
	}
	ui_split(&all, 8, S.l.n, &list, &det);
	if (ui_list_click(&S.l, &list, 1, y))
		skip_heading(1);
}

static size_t presets(struct ui *ui, enum jh_kind kind, char (*buf)[128], size_t max)
{
	long tp = S.l.n ? S.rows[S.l.sel].tp : -1;

	if (kind == JH_PAINPOINT && tp >= 0 && max)
		return (size_t)snprintf(buf[0], 128, "touchpoint=%lld",
					(long long)ui->d.touchpoints[tp].id) > 0;
	if (kind == JH_IDEA && selected_id(ui) && max)
		return (size_t)snprintf(buf[0], 128, "painpoints=%lld",
					(long long)selected_id(ui)) > 0;
	return 0;
}

static void focus(struct ui *ui, enum jh_kind kind, jh_id id)
{
	if (kind == JH_PAINPOINT)
		select_id(ui, id);
}

static void cleanup(void)
{
	free(S.rows);
	memset(&S, 0, sizeof S);
}

const struct view_ops view_painpoints_ops = {
    .name = "painpoints",
    .title = "Pain points",
    .tab = "Pain",
    .kind = JH_PAINPOINT,
    .rebuild = rebuild,
    .draw = draw,
    .action = action,
    .selected = selected,
    .search = search,
    .click = click,
    .presets = presets,
    .focus = focus,
    .cleanup = cleanup,
};
