/* view_backlog.c: ideas ranked by the workshop's method, with dot votes;
 * the detail pane shows the test card and the pain points it addresses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/analysis.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

enum { SORT_RANK, SORT_VOTES, SORT_ID, NSORTS };
static const char *const sort_names[NSORTS] = {"by priority", "by votes", "oldest first"};

static struct {
	struct ui_list l;
	struct jh_ranked_idea *ranked; /* the backlog, hidden ideas left out */
	size_t *rows;		       /* indexes into ranked */
	int sort;
	enum jh_method method;
	char label[24];
	jh_id sel_id;
	/* Who voted for the selection: built once per selection and reload. */
	jh_id voters_of;
	unsigned long voters_gen;
	char voters[512];
} S;

static int cmp_rows(const void *a, const void *b)
{
	const struct jh_ranked_idea *x = &S.ranked[*(const size_t *)a];
	const struct jh_ranked_idea *y = &S.ranked[*(const size_t *)b];

	if (S.sort == SORT_VOTES && x->votes != y->votes)
		return y->votes - x->votes;
	if (S.sort == SORT_ID)
		return x->index < y->index ? -1 : x->index > y->index;
	return x->rank - y->rank;
}

static jh_id selected_id(const struct ui *ui)
{
	if (!S.l.n || S.l.sel >= S.l.n)
		return 0;
	return ui->d.ideas[S.ranked[S.rows[S.l.sel]].index].id;
}

static void select_id(const struct ui *ui, jh_id id)
{
	for (size_t i = 0; id && i < S.l.n; i++)
		if (ui->d.ideas[S.ranked[S.rows[i]].index].id == id)
			S.l.sel = i;
}

static void build(struct ui *ui, jh_id keep)
{
	struct jh_ranked_idea *all;
	size_t n, k = 0;

	free(S.ranked);
	free(S.rows);
	all = analysis_backlog(&ui->d, &n);
	S.method = analysis_workshop_method(&ui->d);
	/* "ICE", "RICE": the method's name as people write it. */
	snprintf(S.label, sizeof S.label, "%s", analysis_method_name(S.method));
	for (char *c = S.label; *c; c++)
		if (*c >= 'a' && *c <= 'z')
			*c = (char)(*c - 'a' + 'A');
	/* Private writing: what others wrote stays out, ranks and all. */
	S.ranked = util_xcalloc(n + 1, sizeof *S.ranked);
	for (size_t i = 0; i < n; i++)
		if (!ui->ix.idea_hidden[all[i].index]) {
			S.ranked[k] = all[i];
			S.ranked[k].rank = (int)k + 1;
			k++;
		}
	free(all);
	S.rows = util_xcalloc(k + 1, sizeof *S.rows);
	for (size_t i = 0; i < k; i++)
		S.rows[i] = i;
	qsort(S.rows, k, sizeof *S.rows, cmp_rows);
	S.l.n = k;
	select_id(ui, keep);
	ui_list_clamp(&S.l, 1 << 20);
}

static void rebuild(struct ui *ui)
{
	build(ui, S.sel_id);
}

static void votes_text(const struct ui *ui, const struct jh_ranked_idea *r, char *buf, size_t size)
{
	int mine = ui->ix.idea_my_votes[r->index];
	char dots[64];

	ui_dots(ui, mine, mine, dots, sizeof dots);
	if (ui->ix.votes_hidden)
		snprintf(buf, size, "  ? %s", dots);
	else
		snprintf(buf, size, "%3d %s", r->votes, dots);
}

static void row(struct ui *ui, size_t i, const struct ui_rect *line, int sel)
{
	const struct jh_ranked_idea *r = &S.ranked[S.rows[i]];
	const struct jh_idea *idea = &ui->d.ideas[r->index];
	attr_t base = sel ? ui_attr(ui, UI_C_SELECTED) : A_NORMAL;
	char buf[256], score[32];
	int x = line->x, wide = line->w >= 72, right = wide ? 33 : 12;

	x += ui_textf(line->y, x, 4, base | A_BOLD, 1, "%3d", r->rank) + 1;
	x += ui_textf(line->y, x, 6, base, 1, "#%lld", (long long)idea->id);
	ui_text(line->y, x, line->w - (x - line->x) - right - 1, idea->title, base, 1);
	x = line->x + line->w - right;
	analysis_format_score(S.method, r->score, score, sizeof score);
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
	x += ui_text(line->y, x, 12, analysis_quadrant_label(r->quadrant),
		     sel			   ? base
		     : r->quadrant == JH_QUICK_WIN ? ui_attr(ui, UI_C_POSITIVE)
						   : ui_attr(ui, UI_C_DIM),
		     1);
	if (r->on_weakest_link)
		ui_text(line->y, x, 2, ui_glyph(ui, UI_G_STAR),
			sel ? base : ui_attr(ui, UI_C_WARNING), 0);
}

static void voters(const struct ui *ui, jh_id id)
{
	size_t len = 0;

	if (S.voters_of == id && S.voters_gen == ui->generation)
		return;
	S.voters_of = id;
	S.voters_gen = ui->generation;
	S.voters[0] = '\0';
	for (size_t i = 0; i < ui->d.nvotes && len + 40 < sizeof S.voters; i++)
		if (ui->d.votes[i].idea_id == id)
			len += (size_t)snprintf(
			    S.voters + len, sizeof S.voters - len, "%s%s %d", len ? ", " : "",
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

static void detail(struct ui *ui, const struct ui_rect *r)
{
	const struct jh_ranked_idea *rk;
	const struct jh_idea *idea;
	struct ui_rect t = *r;
	char buf[1024], score[32];
	int n;

	if (!S.l.n || r->h <= 0)
		return;
	rk = &S.ranked[S.rows[S.l.sel]];
	idea = &ui->d.ideas[rk->index];
	ui_textf(t.y++, t.x, t.w, A_BOLD, 0, "#%lld %s", (long long)idea->id, idea->title);
	t.h--;
	analysis_format_score(S.method, rk->score, score, sizeof score);
	snprintf(
	    buf, sizeof buf, "Impact %d  Effort %d  Confidence %d  Reach %d%%  %s %s (%s)  %s%s%s",
	    idea->impact, idea->effort, idea->confidence, idea->reach, S.label, score,
	    analysis_method_formula(S.method), analysis_quadrant_label(rk->quadrant),
	    rk->on_weakest_link ? "  " : "", rk->on_weakest_link ? ui_glyph(ui, UI_G_STAR) : "");
	if (rk->on_weakest_link)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), " addresses a weakest link");
	n = ui_wrap(&t, 0, buf, ui_attr(ui, UI_C_DIM));
	t.y += n;
	t.h -= n;
	card_line(ui, &t, "We believe that", idea->belief);
	card_line(ui, &t, "To verify that, we will", idea->experiment);
	card_line(ui, &t, "and measure", idea->metric);
	card_line(ui, &t, "We are right if", idea->success);
	for (size_t k = 0; k < idea->npainpoints && t.h > 0; k++) {
		const struct jh_painpoint *p = ui_painpoint(ui, idea->painpoints[k]);
		if (!p)
			continue;
		ui_textf(t.y++, t.x, t.w, A_NORMAL, 0, "%s pain #%lld %s (%dx%d)",
			 ui_glyph(ui, UI_G_ARROW), (long long)p->id, p->title, p->severity,
			 p->frequency);
		t.h--;
	}
	if (t.h <= 0)
		return;
	if (ui->ix.votes_hidden)
		snprintf(buf, sizeof buf, "Votes hidden until revealed; yours: %d",
			 ui->ix.idea_my_votes[rk->index]);
	else if (ui->d.workshop.anonymous_votes)
		snprintf(buf, sizeof buf, "%d dots (anonymous); yours: %d", rk->votes,
			 ui->ix.idea_my_votes[rk->index]);
	else {
		voters(ui, idea->id);
		snprintf(buf, sizeof buf, "%d dots%s%s", rk->votes, *S.voters ? ": " : "",
			 S.voters);
	}
	ui_wrap(&t, 0, buf, ui_attr(ui, UI_C_POSITIVE));
}

static void draw(struct ui *ui, const struct ui_rect *r)
{
	struct ui_rect list, det, all = *r;
	char header[512];

	S.sel_id = selected_id(ui);
	if (ui->ix.hidden_ideas && ui->facilitator && all.h > 4) {
		ui_textf(all.y, all.x, all.w, ui_attr(ui, UI_C_WARNING), 0,
			 "%s %zu idea%s hidden: private writing (R reveals)",
			 ui_glyph(ui, UI_G_LOCK), ui->ix.hidden_ideas,
			 ui->ix.hidden_ideas == 1 ? "" : "s");
		all.y++;
		all.h--;
	}
	ui_split(&all, 8, S.l.n, &list, &det);
	{
		char left[128], labels[128];
		int wide = list.w >= 72;
		snprintf(left, sizeof left, "  # Idea, %s (s)", sort_names[S.sort]);
		/* Labels over the columns row() draws on the right. */
		if (wide)
			snprintf(labels, sizeof labels, "%6.6s Dots       Quadrant", S.label);
		else
			snprintf(labels, sizeof labels, "%6.6s Dots", S.label);
		ui_columns(header, sizeof header, list.w, left, list.w - (wide ? 33 : 12), labels);
	}
	ui_list_draw(ui, &S.l, &list, header, row);
	if (!S.l.n && list.h > 2)
		ui_text(list.y + 2, list.x + 2, list.w - 4,
			"No ideas yet. a adds one as a test card.", ui_attr(ui, UI_C_DIM), 0);
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
	jh_id iid = selected_id(ui);

	if (!iid)
		return -1;
	*kind = JH_IDEA;
	*id = iid;
	return 0;
}

static int match(struct ui *ui, size_t i, const char *needle)
{
	const struct jh_idea *idea = &ui->d.ideas[S.ranked[S.rows[i]].index];

	return ui_match(idea->title, needle) || ui_match(idea->belief, needle) ||
	       ui_match(idea->experiment, needle);
}

static int search(struct ui *ui, const char *needle, int dir)
{
	return ui_list_search(&S.l, dir, match, ui, needle);
}

static void click(struct ui *ui, const struct ui_rect *r, int y, int x)
{
	struct ui_rect list, det, all = *r;

	(void)x;
	if (ui->ix.hidden_ideas && ui->facilitator && all.h > 4) {
		all.y++;
		all.h--;
	}
	ui_split(&all, 8, S.l.n, &list, &det);
	ui_list_click(&S.l, &list, 1, y);
}

static size_t presets(struct ui *ui, enum jh_kind kind, char (*buf)[128], size_t max)
{
	jh_id id = selected_id(ui);

	/* An action point grows from the idea under the cursor. */
	if (kind == JH_ACTION && id && max)
		return (size_t)snprintf(buf[0], 128, "idea=%lld", (long long)id) > 0;
	return 0;
}

static void focus(struct ui *ui, enum jh_kind kind, jh_id id)
{
	if (kind == JH_IDEA)
		select_id(ui, id);
}

static void cleanup(void)
{
	free(S.ranked);
	free(S.rows);
	memset(&S, 0, sizeof S);
}

const struct view_ops view_backlog_ops = {
    .name = "backlog",
    .title = "Backlog",
    .tab = "Backlog",
    .kind = JH_IDEA,
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
