/* view_painpoints.c: pain points grouped by journey, stage and touchpoint
 * (or ranked by weight), with the evidence of the selected one: hearing
 * the customer's own words is what convinces the sceptics. */
#include <stdio.h>

#include "journeyhack/i18n.h"
#include "journeyhack/util.h"
#include "journeyhack/view_list.h"

enum { SORT_GROUPED, SORT_WEIGHT, SORT_ID, NSORTS };

/* Rows: pain points (index in d.painpoints) grouped by touchpoint (its
 * index in d.touchpoints, -1 for none). */
struct painpoints {
	struct view_list list;
	/* Ideas addressing the selected pain point: found once per selection
	 * and reload, not on every frame. */
	jh_id ideas_of;
	unsigned long ideas_gen;
	size_t ideas[16], nideas;
};

static int cmp_touchpoint(const struct ui *ui, const void *state, const struct view_list_row *a,
			  const struct view_list_row *b)
{
	(void)ui;
	(void)state;
	if (a->group == b->group)
		return 0;
	/* Touchpoints are loaded in journey order; none goes last. */
	if (a->group < 0 || b->group < 0)
		return a->group < 0 ? 1 : -1;
	return a->group < b->group ? -1 : 1;
}

static int cmp_weight(const struct ui *ui, const void *state, const struct view_list_row *a,
		      const struct view_list_row *b)
{
	const struct jh_painpoint *p = &ui->d.painpoints[a->item];
	const struct jh_painpoint *q = &ui->d.painpoints[b->item];

	(void)state;
	return q->severity * q->frequency - p->severity * p->frequency;
}

static const struct view_list_sort sorts[NSORTS] = {
    {N_("by journey and touchpoint"), cmp_touchpoint},
    {N_("by weight (severity x frequency)"), cmp_weight},
    {N_("oldest first"), NULL}};
static const size_t search[] = {offsetof(struct jh_painpoint, title),
				offsetof(struct jh_painpoint, evidence)};

static void build(struct ui *ui, void *state)
{
	const struct jh_painpoint *p = ui->d.painpoints;

	for (size_t i = 0; i < ui->d.npainpoints; i++) {
		long tp = model_index_pos(&ui->ix.m, JH_TOUCHPOINT, p[i].touchpoint_id);
		if (!ui->ix.pain_hidden[i])
			view_list_add(state, (long)i, tp);
	}
}

static int banner(const struct ui *ui, char *buf, size_t size)
{
	return view_list_hidden(ui, ui->ix.hidden_pain,
				ngettext("pain point", "pain points", ui->ix.hidden_pain), buf,
				size);
}

static void header(const struct ui *ui, const void *state, int w, char *buf, size_t size)
{
	char left[128];

	(void)ui;
	snprintf(left, sizeof left, _("Pain points %s (s)"), view_list_sort_name(state));
	ui_columns(buf, size, w, left, w - (w >= 64 ? 25 : 6),
		   /* TRANSLATORS: headings over severity (8 columns, dots), weight (2) and
		    * status; keep each word where the English one starts. */
		   w >= 64 ? _("Severity Wt Status") : _("Wt"));
}

static void group_label(const struct ui *ui, long tp, char *buf, size_t size)
{
	const struct jh_touchpoint *t;
	const struct jh_journey *j;
	const struct jh_stage *s;
	const char *arrow = ui_glyph(ui, UI_G_ARROW);

	if (tp < 0) {
		snprintf(buf, size, _("Not tied to a touchpoint"));
		return;
	}
	t = &ui->d.touchpoints[tp];
	j = model_index_item(&ui->ix.m, JH_JOURNEY, t->journey_id);
	s = model_index_item(&ui->ix.m, JH_STAGE, t->stage_id);
	snprintf(buf, size, "%s %s %s %s %s (%s, %+d)", j ? j->name : "?", arrow, s ? s->name : "?",
		 arrow, t->name, *t->channel ? t->channel : _("no channel"), t->score);
}

static void row(struct ui *ui, const void *state, const struct view_list_row *rw,
		const struct ui_rect *line, int sel)
{
	const struct jh_painpoint *p;
	attr_t base = sel ? ui_attr(ui, UI_C_SELECTED) : A_NORMAL;
	char buf[512];
	int x = line->x, right = line->w >= 64 ? 25 : 6;

	(void)state;
	if (rw->item < 0) {
		group_label(ui, rw->group, buf, sizeof buf);
		ui_text(line->y, x, line->w, buf, ui_attr(ui, UI_C_HEADER), 0);
		return;
	}
	p = &ui->d.painpoints[rw->item];
	if (ui->merge_mark == p->id && ui->merge_kind == JH_PAINPOINT)
		ui_text(line->y, x, 1, "*", base | A_BOLD, 0); /* what M merges into */
	x += ui_textf(line->y, x + 1, 6, base, 1, "#%lld", (long long)p->id) + 1;
	ui_text(line->y, x, line->w - (x - line->x) - right - 1, p->title,
		sel				? base
		: util_streq(p->status, "open") ? A_NORMAL
						: ui_attr(ui, UI_C_DIM),
		1);
	x = line->x + line->w - right;
	if (right == 25) {
		char dots[64];
		ui_dots(ui, p->severity, 5, dots, sizeof dots);
		snprintf(buf, sizeof buf, "%s %2d ", dots, p->severity * p->frequency);
		x += ui_text(line->y, x, 9, buf,
			     sel		? base
			     : p->severity >= 4 ? ui_attr(ui, UI_C_NEGATIVE)
						: base,
			     0);
		ui_text(line->y, x, right - 9, kinds_value_label(p->status),
			sel ? base : ui_attr(ui, UI_C_DIM), 1);
	} else {
		ui_textf(line->y, x, right, base, 1, "%d", p->severity * p->frequency);
	}
}

/* From the index of links: a move costs the ideas found, not a scan of
 * every idea. */
static void find_ideas(struct ui *ui, struct painpoints *S, jh_id pain)
{
	const struct model_index_links *l;
	long p = model_index_pos(&ui->ix.m, JH_PAINPOINT, pain);

	if (S->ideas_of == pain && S->ideas_gen == ui->generation)
		return;
	S->ideas_of = pain;
	S->ideas_gen = ui->generation;
	S->nideas = 0;
	l = ui_index_pain_ideas(ui);
	if (p < 0 || (size_t)p >= l->n)
		return;
	for (size_t k = l->at[p]; k < l->at[p + 1] && S->nideas < 16; k++)
		if (!ui->ix.idea_hidden[l->idea[k]])
			S->ideas[S->nideas++] = l->idea[k];
}

static void ideas(struct ui *ui, struct painpoints *S, jh_id pain, struct ui_rect *t)
{
	find_ideas(ui, S, pain);
	for (size_t i = 0; i < S->nideas && t->h > 0; i++, t->h--) {
		const struct jh_idea *idea = &ui->d.ideas[S->ideas[i]];
		if (!i) {
			ui_text(t->y++, t->x, t->w, _("Ideas for it:"), ui_attr(ui, UI_C_HEADER),
				0);
			if (--t->h <= 0)
				break;
		}
		ui_textf(t->y++, t->x, t->w, A_NORMAL, 0, "#%lld %s", (long long)idea->id,
			 idea->title);
	}
}

static void detail(struct ui *ui, void *state, const struct view_list_row *rw,
		   const struct ui_rect *r)
{
	const struct jh_painpoint *p = &ui->d.painpoints[rw->item];
	struct ui_rect t = *r;
	char buf[1024], sev[64], freq[64];
	int n;

	ui_textf(t.y++, t.x, t.w, A_BOLD, 0, "#%lld %s", (long long)p->id, p->title);
	group_label(ui, rw->group, buf, sizeof buf);
	ui_text(t.y++, t.x, t.w, buf, ui_attr(ui, UI_C_DIM), 0);
	ui_dots(ui, p->severity, 5, sev, sizeof sev);
	ui_dots(ui, p->frequency, 5, freq, sizeof freq);
	snprintf(buf, sizeof buf, _("Severity %s %d/5  Frequency %s %d/5  Weight %d  %s%s%s"), sev,
		 p->severity, freq, p->frequency, p->severity * p->frequency,
		 kinds_value_label(p->status), p->author_id ? _(", by ") : "",
		 ui_name(ui, p->author_id));
	t.h -= 2;
	n = ui_wrap(&t, 0, buf, A_NORMAL);
	t.y += n + 1;
	t.h -= n + 1;
	if (t.h <= 0)
		return;
	ui_text(t.y++, t.x, t.w, _("Evidence:"), ui_attr(ui, UI_C_HEADER), 0);
	t.h--;
	n = ui_wrap(&t, 0, *p->evidence ? p->evidence : _("(none yet: e, then C-e on Evidence)"),
		    *p->evidence ? A_NORMAL : ui_attr(ui, UI_C_WARNING));
	t.y += n + 1;
	t.h -= n + 1;
	ideas(ui, state, p->id, &t);
}

static size_t presets(struct ui *ui, enum jh_kind kind, char (*buf)[128], size_t max)
{
	const struct view_list *vl = view_private(ui);
	const struct view_list_row *rw = view_list_current(vl);
	long tp = rw ? rw->group : -1;
	jh_id sel = view_list_selected_id(ui, vl);

	if (kind == JH_PAINPOINT && tp >= 0 && max)
		return (size_t)snprintf(buf[0], 128, "touchpoint=%lld",
					(long long)ui->d.touchpoints[tp].id) > 0;
	if (kind == JH_IDEA && sel && max)
		return (size_t)snprintf(buf[0], 128, "painpoints=%lld", (long long)sel) > 0;
	return 0;
}

static const struct view_list_class painpoints = {
    .kind = JH_PAINPOINT,
    .sorts = sorts,
    .nsorts = NSORTS,
    .grouped = 1u << SORT_GROUPED,
    .detail_min = 8,
    .empty = N_("No pain points yet. a logs one, with its evidence."),
    VIEW_LIST_SEARCH(search),
    .build = build,
    .banner = banner,
    .header = header,
    .row = row,
    .detail = detail,
};

const struct view_ops view_painpoints_ops = {
    .kind = JH_PAINPOINT,
    .private_size = sizeof(struct painpoints),
    .list = &painpoints,
    VIEW_LIST_OPS,
    .presets = presets,
    .focus = view_list_focus,
};
