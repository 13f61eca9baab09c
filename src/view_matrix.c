/* view_matrix.c: impact (up) against effort (right), every idea plotted by
 * its id in one of twenty-five cells, the cells grouped into the four
 * quadrants analysis.c defines: quick wins, big bets, fill-ins and money
 * pits. The cursor walks the ideas in backlog order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/analysis.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

#define LABEL_W 4

static struct {
	struct ui_list l;
	struct jh_ranked_idea *ranked; /* visible ideas, backlog order */
	size_t *cell[5][5];	       /* [impact-1][effort-1]: indexes into ranked */
	size_t ncell[5][5];
	enum jh_method method;
	char label[24];
	jh_id sel_id;
} S;

static int clamp5(int v)
{
	return v < 1 ? 1 : v > 5 ? 5 : v;
}

static void free_cells(void)
{
	for (int i = 0; i < 5; i++)
		for (int e = 0; e < 5; e++) {
			free(S.cell[i][e]);
			S.cell[i][e] = NULL;
			S.ncell[i][e] = 0;
		}
}

static jh_id selected_id(const struct ui *ui)
{
	return S.l.n ? ui->d.ideas[S.ranked[S.l.sel].index].id : 0;
}

static void select_id(const struct ui *ui, jh_id id)
{
	for (size_t i = 0; id && i < S.l.n; i++)
		if (ui->d.ideas[S.ranked[i].index].id == id)
			S.l.sel = i;
}

static void rebuild(struct ui *ui)
{
	struct jh_ranked_idea *all;
	size_t n, k = 0;

	free(S.ranked);
	free_cells();
	all = analysis_backlog(&ui->d, &n);
	S.method = analysis_workshop_method(&ui->d);
	/* "ICE", "RICE": the method's name as people write it. */
	snprintf(S.label, sizeof S.label, "%s", analysis_method_name(S.method));
	for (char *c = S.label; *c; c++)
		if (*c >= 'a' && *c <= 'z')
			*c = (char)(*c - 'a' + 'A');
	S.ranked = util_xcalloc(n + 1, sizeof *S.ranked);
	for (size_t i = 0; i < n; i++)
		if (!ui->ix.idea_hidden[all[i].index])
			S.ranked[k++] = all[i];
	free(all);
	/* Cells are filled once here, so a frame only reads what fits. */
	for (size_t i = 0; i < k; i++) {
		const struct jh_idea *idea = &ui->d.ideas[S.ranked[i].index];
		int im = clamp5(idea->impact) - 1, ef = clamp5(idea->effort) - 1;
		S.cell[im][ef] =
		    util_xrealloc(S.cell[im][ef], (S.ncell[im][ef] + 1) * sizeof(size_t));
		S.cell[im][ef][S.ncell[im][ef]++] = i;
	}
	S.l.n = k;
	select_id(ui, S.sel_id);
	ui_list_clamp(&S.l, 1 << 20);
}

/* Where the quadrants change, from analysis_quadrant itself: the first
 * effort that leaves the low-effort side, the first impact (from the top)
 * that leaves the high-impact side. */
static void splits(int *effort_split, int *impact_split)
{
	*effort_split = 6;
	*impact_split = 0;
	for (int e = 2; e <= 5 && *effort_split == 6; e++)
		if (analysis_quadrant(5, e) != analysis_quadrant(5, 1))
			*effort_split = e;
	for (int i = 4; i >= 1 && !*impact_split; i--)
		if (analysis_quadrant(i, 1) != analysis_quadrant(5, 1))
			*impact_split = i;
}

struct grid {
	int x0, y0, cw, ch; /* first cell's corner, cell size */
	int es, is;	    /* quadrant splits */
};

static void cell_origin(const struct grid *g, int impact, int effort, int *y, int *x)
{
	/* One extra column and line for the quadrant borders. */
	*x = g->x0 + (effort - 1) * g->cw + (effort >= g->es ? 1 : 0);
	*y = g->y0 + (5 - impact) * g->ch + (impact <= g->is ? 1 : 0);
}

static void draw_cell(struct ui *ui, const struct grid *g, int impact, int effort)
{
	size_t n = S.ncell[impact - 1][effort - 1];
	const size_t *list = S.cell[impact - 1][effort - 1];
	int y, x, line = 0, col = 0, w = g->cw - 1;
	size_t sel = S.l.n ? S.l.sel : (size_t)-1;
	enum jh_quadrant q = analysis_quadrant(impact, effort);

	cell_origin(g, impact, effort, &y, &x);
	/* The quadrant's name in its outer corner cell, when there is room. */
	if (g->ch >= 2 && ((impact == 5 || impact == 1) && (effort == 1 || effort == 5))) {
		ui_text(y, x, w, analysis_quadrant_label(q),
			q == JH_QUICK_WIN   ? ui_attr(ui, UI_C_POSITIVE)
			: q == JH_MONEY_PIT ? ui_attr(ui, UI_C_NEGATIVE)
					    : ui_attr(ui, UI_C_DIM),
			0);
		line = 1;
	}
	for (size_t k = 0; k < n && line < g->ch; k++) {
		const struct jh_idea *idea = &ui->d.ideas[S.ranked[list[k]].index];
		char tok[32];
		int tw, is_sel = list[k] == sel;
		snprintf(tok, sizeof tok, is_sel ? "[#%lld]" : "#%lld", (long long)idea->id);
		tw = (int)strlen(tok);
		if (col + tw > w && col > 0) {
			line++;
			col = 0;
			if (line >= g->ch)
				break;
		}
		/* No room for the rest: say how many are left. */
		if (line == g->ch - 1 && k + 1 < n && col + tw + 4 > w && !is_sel) {
			ui_textf(y + line, x + col, w - col, ui_attr(ui, UI_C_DIM), 0, "+%zu",
				 n - k);
			break;
		}
		ui_text(y + line, x + col, w - col, tok,
			is_sel ? ui_attr(ui, UI_C_SELECTED) | A_BOLD : A_NORMAL, 0);
		col += tw + 1;
	}
}

static void layout(const struct ui_rect *r, struct grid *g)
{
	splits(&g->es, &g->is);
	g->ch = (r->h - 4) / 5;
	g->cw = (r->w - LABEL_W - 1) / 5;
	g->x0 = r->x + LABEL_W;
	g->y0 = r->y + 1;
}

static void draw(struct ui *ui, const struct ui_rect *r)
{
	struct grid g;
	char buf[1024], score[32];

	S.sel_id = selected_id(ui);
	layout(r, &g);
	ui_text(r->y, r->x, r->w,
		"Impact (up) against effort (right); ideas by #id, j/k walk the backlog",
		ui_attr(ui, UI_C_HEADER), 0);
	if (g.ch < 1 || g.cw < 4) {
		ui_text(r->y + 1, r->x, r->w, "Too small for the matrix: enlarge the terminal",
			ui_attr(ui, UI_C_WARNING), 0);
		return;
	}
	for (int im = 5; im >= 1; im--) {
		int y, x;
		cell_origin(&g, im, 1, &y, &x);
		ui_textf(y, r->x, LABEL_W, ui_attr(ui, UI_C_DIM), 0, "I%d", im);
		for (int ef = 1; ef <= 5; ef++)
			draw_cell(ui, &g, im, ef);
	}
	/* Quadrant borders. */
	if (g.es <= 5) {
		int y, x;
		cell_origin(&g, 5, g.es, &y, &x);
		for (int yy = g.y0; yy < g.y0 + 5 * g.ch + 1; yy++)
			ui_text(yy, x - 1, 1, ui_glyph(ui, UI_G_VLINE), ui_attr(ui, UI_C_BORDER),
				0);
	}
	if (g.is >= 1) {
		int y, x;
		cell_origin(&g, g.is, 1, &y, &x);
		ui_hline(ui, y - 1, g.x0, 5 * g.cw + 1, ui_attr(ui, UI_C_BORDER));
	}
	for (int ef = 1; ef <= 5; ef++) {
		int y, x;
		cell_origin(&g, 1, ef, &y, &x);
		ui_textf(g.y0 + 5 * g.ch + 1, x, g.cw, ui_attr(ui, UI_C_DIM), 0, "E%d", ef);
	}
	if (S.l.n) {
		const struct jh_ranked_idea *rk = &S.ranked[S.l.sel];
		const struct jh_idea *idea = &ui->d.ideas[rk->index];
		analysis_format_score(S.method, rk->score, score, sizeof score);
		snprintf(buf, sizeof buf, "#%lld %s: %s, impact %d, effort %d, %s %s, rank %d",
			 (long long)idea->id, idea->title, analysis_quadrant_label(rk->quadrant),
			 idea->impact, idea->effort, S.label, score, rk->rank);
		ui_text(r->y + r->h - 1, r->x, r->w, buf, A_BOLD, 0);
	} else {
		ui_text(r->y + r->h - 1, r->x, r->w, "No ideas yet: add them in the backlog (4)",
			ui_attr(ui, UI_C_DIM), 0);
	}
}

static int action(struct ui *ui, enum ui_action act, const struct ui_rect *r)
{
	(void)ui;
	return ui_list_action(&S.l, act, r->h / 2);
}

static int selected(struct ui *ui, enum jh_kind *kind, jh_id *id)
{
	if (!S.l.n)
		return -1;
	*kind = JH_IDEA;
	*id = selected_id(ui);
	return 0;
}

static int match(struct ui *ui, size_t i, const char *needle)
{
	return ui_match(ui->d.ideas[S.ranked[i].index].title, needle);
}

static int search(struct ui *ui, const char *needle, int dir)
{
	return ui_list_search(&S.l, dir, match, ui, needle);
}

/* A click on a cell selects its best-ranked idea, or the next one in it
 * when the selection is already there. */
static void click(struct ui *ui, const struct ui_rect *r, int y, int x)
{
	struct grid g;

	(void)ui;
	layout(r, &g);
	if (g.ch < 1 || g.cw < 4)
		return;
	for (int im = 1; im <= 5; im++)
		for (int ef = 1; ef <= 5; ef++) {
			int cy, cx;
			size_t n = S.ncell[im - 1][ef - 1];
			cell_origin(&g, im, ef, &cy, &cx);
			if (y < cy || y >= cy + g.ch || x < cx || x >= cx + g.cw || !n)
				continue;
			for (size_t k = 0; k < n; k++)
				if (S.cell[im - 1][ef - 1][k] == S.l.sel) {
					S.l.sel = S.cell[im - 1][ef - 1][(k + 1) % n];
					return;
				}
			S.l.sel = S.cell[im - 1][ef - 1][0];
			return;
		}
}

static void focus(struct ui *ui, enum jh_kind kind, jh_id id)
{
	if (kind == JH_IDEA)
		select_id(ui, id);
}

static void cleanup(void)
{
	free(S.ranked);
	free_cells();
	memset(&S, 0, sizeof S);
}

const struct view_ops view_matrix_ops = {
    .name = "matrix",
    .title = "Impact/effort matrix",
    .tab = "Matrix",
    .kind = JH_IDEA,
    .rebuild = rebuild,
    .draw = draw,
    .action = action,
    .selected = selected,
    .search = search,
    .click = click,
    .focus = focus,
    .cleanup = cleanup,
};
