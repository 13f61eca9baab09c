/* view_backlog.c: ideas ranked by the workshop's method, with dot votes;
 * the detail pane shows the test card and the pain points it addresses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/analysis.h"
#include "journeyhack/i18n.h"
#include "journeyhack/session.h"
#include "journeyhack/util.h"
#include "journeyhack/view_backlog.h"
#include "journeyhack/view_list.h"

/* Rows: indexes into ranked. */
struct backlog {
	struct view_list list;
	struct jh_ranked_idea *ranked; /* the backlog, hidden ideas left out */
	enum jh_method method;
	char label[24];
	/* Who voted for the selection: built once per selection and reload. */
	jh_id voters_of;
	unsigned long voters_gen;
	char voters[512];
};

static int cmp_rank(const struct ui *ui, const void *state, const struct view_list_row *a,
		    const struct view_list_row *b)
{
	const struct backlog *S = state;

	(void)ui;
	return S->ranked[a->item].rank - S->ranked[b->item].rank;
}

static int cmp_votes(const struct ui *ui, const void *state, const struct view_list_row *a,
		     const struct view_list_row *b)
{
	const struct backlog *S = state;
	int c = S->ranked[b->item].votes - S->ranked[a->item].votes;

	return c ? c : cmp_rank(ui, state, a, b);
}

static int cmp_index(const struct ui *ui, const void *state, const struct view_list_row *a,
		     const struct view_list_row *b)
{
	const struct backlog *S = state;
	size_t x = S->ranked[a->item].index, y = S->ranked[b->item].index;

	(void)ui;
	return x < y ? -1 : x > y;
}

static const struct view_list_sort sorts[] = {
    {N_("by priority"), cmp_rank}, {N_("by votes"), cmp_votes}, {N_("oldest first"), cmp_index}};
static const size_t search[] = {offsetof(struct jh_idea, title), offsetof(struct jh_idea, belief),
				offsetof(struct jh_idea, experiment)};

struct jh_ranked_idea *view_backlog_visible(struct ui *ui, int renumber, size_t *n)
{
	size_t all_n, k = 0;
	struct jh_ranked_idea *all;

	/* Ranked once per load, then kept in order change by change: the
	 * same backlog analysis_backlog gives, without ranking every idea. */
	if (!ui->inc_ok) {
		analysis_inc_build(&ui->inc, &ui->d);
		ui->inc_ok = 1;
	}
	all = analysis_inc_backlog(&ui->inc, &ui->d, &all_n);

	for (size_t i = 0; i < all_n; i++)
		if (!ui->ix.idea_hidden[all[i].index]) {
			all[k] = all[i];
			if (renumber)
				all[k].rank = (int)k + 1;
			k++;
		}
	*n = k;
	return all;
}

void view_backlog_label(enum jh_method method, char *buf, size_t size)
{
	snprintf(buf, size, "%s", analysis_method_name(method));
	for (char *c = buf; *c; c++)
		if (*c >= 'a' && *c <= 'z')
			*c = (char)(*c - 'a' + 'A');
}

static void build(struct ui *ui, void *state)
{
	struct backlog *S = state;
	size_t n;

	free(S->ranked);
	/* Private writing: what others wrote stays out, ranks and all. */
	S->ranked = view_backlog_visible(ui, 1, &n);
	S->method = analysis_workshop_method(&ui->d);
	view_backlog_label(S->method, S->label, sizeof S->label);
	for (size_t i = 0; i < n; i++)
		view_list_add(&S->list, (long)i, 0);
}

static const void *item(const struct ui *ui, const void *state, long i)
{
	const struct backlog *S = state;

	return &ui->d.ideas[S->ranked[i].index];
}

static int banner(const struct ui *ui, char *buf, size_t size)
{
	return view_list_hidden(ui, ui->ix.hidden_ideas,
				ngettext("idea", "ideas", ui->ix.hidden_ideas), buf, size);
}

static void header(const struct ui *ui, const void *state, int w, char *buf, size_t size)
{
	const struct backlog *S = state;
	char left[128], labels[128];
	const char *label = S->label;
	int wide = w >= 72;

	(void)ui;
	/* A method name cut to the column ("IMPACT-EFFORT" as "IMPACT") would
	 * name one input instead of the score. */
	if (strlen(label) > 6)
		/* TRANSLATORS: heading over the score column, at most 6 columns. */
		label = _("SCORE");
	snprintf(left, sizeof left, _("  # Idea, %s (s)"), view_list_sort_name(&S->list));
	/* Labels over the columns row() draws on the right. */
	if (wide)
		/* TRANSLATORS: headings over the dots (11 columns) and the quadrant;
		 * keep the quadrant heading where the English one starts. */
		snprintf(labels, sizeof labels, _("%6.6s Dots       Quadrant"), label);
	else
		snprintf(labels, sizeof labels, _("%6.6s Dots"), label);
	ui_columns(buf, size, w, left, w - (wide ? 33 : 12), labels);
}

static void votes_text(const struct ui *ui, const struct jh_ranked_idea *r, char *buf, size_t size)
{
	int mine = ui->ix.tally.mine[r->index];
	char dots[64];

	ui_dots(ui, mine, mine, dots, sizeof dots);
	if (ui->ix.votes_hidden)
		snprintf(buf, size, "  ? %s", dots);
	else
		snprintf(buf, size, "%3d %s", r->votes, dots);
}

static void row(struct ui *ui, const void *state, const struct view_list_row *rw,
		const struct ui_rect *line, int sel)
{
	const struct backlog *S = state;
	const struct jh_ranked_idea *r = &S->ranked[rw->item];
	const struct jh_idea *idea = &ui->d.ideas[r->index];
	attr_t base = sel ? ui_attr(ui, UI_C_SELECTED) : A_NORMAL;
	char buf[256], score[32];
	int x = line->x, wide = line->w >= 72, right = wide ? 33 : 12;

	x += ui_textf(line->y, x, 4, base | A_BOLD, 1, "%3d", r->rank) + 1;
	if (ui->merge_mark == idea->id && ui->merge_kind == JH_IDEA)
		ui_text(line->y, line->x, 1, "*", base | A_BOLD, 0); /* what M merges into */
	x += ui_textf(line->y, x, 6, base, 1, "#%lld", (long long)idea->id);
	ui_text(line->y, x, line->w - (x - line->x) - right - 1, idea->title, base, 1);
	x = line->x + line->w - right;
	analysis_format_score(S->method, r->score, score, sizeof score);
	x += ui_textf(line->y, x, 7, base, 1, "%6s", score) + 1;
	if (!wide) {
		if (ui->ix.votes_hidden)
			ui_text(line->y, x, 4, "  ?", base, 1);
		else
			ui_textf(line->y, x, 4, base, 1, "%3d", r->votes);
		return;
	}
	votes_text(ui, r, buf, sizeof buf);
	x += ui_text(line->y, x, 10, buf, sel ? base : ui_attr(ui, UI_C_POSITIVE), 1) + 1;
	x += ui_text(line->y, x, 12, _(analysis_quadrant_label(r->quadrant)),
		     sel			   ? base
		     : r->quadrant == JH_QUICK_WIN ? ui_attr(ui, UI_C_POSITIVE)
						   : ui_attr(ui, UI_C_DIM),
		     1);
	if (r->on_weakest_link)
		ui_text(line->y, x, 2, ui_glyph(ui, UI_G_STAR),
			sel ? base : ui_attr(ui, UI_C_WARNING), 0);
}

static void voters(const struct ui *ui, struct backlog *S, jh_id id)
{
	size_t len = 0;

	if (S->voters_of == id && S->voters_gen == ui->generation)
		return;
	S->voters_of = id;
	S->voters_gen = ui->generation;
	S->voters[0] = '\0';
	for (size_t i = 0; i < ui->d.nvotes && len + 40 < sizeof S->voters; i++)
		if (ui->d.votes[i].idea_id == id)
			len += (size_t)snprintf(
			    S->voters + len, sizeof S->voters - len, "%s%s %d", len ? ", " : "",
			    ui_name(ui, ui->d.votes[i].participant_id), ui->d.votes[i].dots);
}

/* One test card line: the fixed lead-in, then the team's words. */
static int card_line(struct ui *ui, struct ui_rect *t, const char *lead, const char *text)
{
	char buf[4096];
	int n;

	if (t->h <= 0)
		return 0;
	snprintf(buf, sizeof buf, "%s %s", lead, *text ? text : "...");
	n = ui_wrap(t, 0, buf, *text ? A_NORMAL : ui_attr(ui, UI_C_DIM));
	t->y += n;
	t->h -= n;
	return n;
}

static void votes_line(struct ui *ui, struct backlog *S, const struct jh_ranked_idea *rk,
		       const struct ui_rect *t)
{
	int mine = ui->ix.tally.mine[rk->index];
	char buf[1024];

	switch (session_votes_shown(&ui->d)) {
	case SESSION_VOTES_HIDDEN:
		snprintf(buf, sizeof buf, _("Votes hidden until revealed; yours: %d"), mine);
		break;
	case SESSION_VOTES_ANONYMOUS:
		snprintf(buf, sizeof buf, _("%d dots (anonymous); yours: %d"), rk->votes, mine);
		break;
	default:
		voters(ui, S, ui->d.ideas[rk->index].id);
		snprintf(buf, sizeof buf, _("%d dots%s%s"), rk->votes, *S->voters ? ": " : "",
			 S->voters);
	}
	ui_wrap(t, 0, buf, ui_attr(ui, UI_C_POSITIVE));
}

static void detail(struct ui *ui, void *state, const struct view_list_row *rw,
		   const struct ui_rect *r)
{
	struct backlog *S = state;
	const struct jh_ranked_idea *rk = &S->ranked[rw->item];
	const struct jh_idea *idea = &ui->d.ideas[rk->index];
	struct ui_rect t = *r;
	char buf[1024], score[32];
	int n;

	ui_textf(t.y++, t.x, t.w, A_BOLD, 0, "#%lld %s", (long long)idea->id, idea->title);
	t.h--;
	analysis_format_score(S->method, rk->score, score, sizeof score);
	snprintf(buf, sizeof buf,
		 _("Impact %d  Effort %d  Confidence %d  Reach %d%%  %s %s (%s)  %s%s%s"),
		 idea->impact, idea->effort, idea->confidence, idea->reach, S->label, score,
		 analysis_method_formula(S->method), _(analysis_quadrant_label(rk->quadrant)),
		 rk->on_weakest_link ? "  " : "",
		 rk->on_weakest_link ? ui_glyph(ui, UI_G_STAR) : "");
	if (rk->on_weakest_link)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
			 _(" addresses a weakest link"));
	n = ui_wrap(&t, 0, buf, ui_attr(ui, UI_C_DIM));
	t.y += n;
	t.h -= n;
	card_line(ui, &t, _("We believe that"), idea->belief);
	card_line(ui, &t, _("To verify that, we will"), idea->experiment);
	card_line(ui, &t, _("and measure"), idea->metric);
	card_line(ui, &t, _("We are right if"), idea->success);
	for (size_t k = 0; k < idea->npainpoints && t.h > 0; k++) {
		const struct jh_painpoint *p =
		    model_index_item(&ui->ix.m, JH_PAINPOINT, idea->painpoints[k]);
		if (!p)
			continue;
		ui_textf(t.y++, t.x, t.w, A_NORMAL, 0, _("%s pain #%lld %s (%dx%d)"),
			 ui_glyph(ui, UI_G_ARROW), (long long)p->id, p->title, p->severity,
			 p->frequency);
		t.h--;
	}
	if (t.h > 0)
		votes_line(ui, S, rk, &t);
}

static size_t presets(struct ui *ui, enum jh_kind kind, char (*buf)[128], size_t max)
{
	jh_id id = view_list_selected_id(ui, view_private(ui));

	/* An action point grows from the idea under the cursor. */
	if (kind == JH_ACTION && id && max)
		return (size_t)snprintf(buf[0], 128, "idea=%lld", (long long)id) > 0;
	return 0;
}

static void free_backlog(void *state)
{
	struct backlog *S = state;

	free(S->ranked);
}

static const struct view_list_class backlog = {
    .kind = JH_IDEA,
    .sorts = sorts,
    .nsorts = 3,
    .detail_min = 8,
    .empty = N_("No ideas yet. a adds one as a test card."),
    VIEW_LIST_SEARCH(search),
    .build = build,
    .item = item,
    .banner = banner,
    .header = header,
    .row = row,
    .detail = detail,
    .free = free_backlog,
};

const struct view_ops view_backlog_ops = {
    .kind = JH_IDEA,
    .private_size = sizeof(struct backlog),
    .list = &backlog,
    VIEW_LIST_OPS,
    .presets = presets,
    .focus = view_list_focus,
};
