/* view_matrix.c: impact (up) against effort (right), every idea plotted by
 * its id in one of twenty-five cells, the cells grouped into the four
 * quadrants analysis.c defines: quick wins, big bets, fill-ins and money
 * pits. The cursor walks the ideas in backlog order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/analysis.h"
#include "journeyhack/i18n.h"
#include "journeyhack/util.h"
#include "journeyhack/view_backlog.h"
#include "journeyhack/view_list.h"

#define LABEL_W 4

/* Rows: indexes into ranked, in backlog order. */
struct matrix {
	struct view_list list;
	struct jh_ranked_idea *ranked; /* visible ideas, backlog order */
	size_t *cell[5][5];	       /* [impact-1][effort-1]: indexes into ranked */
	size_t ncell[5][5];
	enum jh_method method;
	char label[24];
};

static int clamp5(int v)
{
	return v < 1 ? 1 : v > 5 ? 5 : v;
}

static void free_cells(struct matrix *S)
{
	for (int i = 0; i < 5; i++)
		for (int e = 0; e < 5; e++) {
			free(S->cell[i][e]);
			S->cell[i][e] = NULL;
			S->ncell[i][e] = 0;
		}
}

static void build(struct ui *ui, void *state)
{
	struct matrix *S = state;
	size_t k;

	free(S->ranked);
	free_cells(S);
	S->ranked = view_backlog_visible(ui, 0, &k);
	S->method = analysis_workshop_method(&ui->d);
	view_backlog_label(S->method, S->label, sizeof S->label);
	/* Cells are filled once here, so a frame only reads what fits;
	 * counted first, so each cell is allocated once, not per idea. */
	for (size_t i = 0; i < k; i++) {
		const struct jh_idea *idea = &ui->d.ideas[S->ranked[i].index];
		S->ncell[clamp5(idea->impact) - 1][clamp5(idea->effort) - 1]++;
	}
	for (int im = 0; im < 5; im++)
		for (int ef = 0; ef < 5; ef++) {
			S->cell[im][ef] = util_xmalloc((S->ncell[im][ef] + 1) * sizeof(size_t));
			S->ncell[im][ef] = 0;
		}
	for (size_t i = 0; i < k; i++) {
		const struct jh_idea *idea = &ui->d.ideas[S->ranked[i].index];
		int im = clamp5(idea->impact) - 1, ef = clamp5(idea->effort) - 1;
		S->cell[im][ef][S->ncell[im][ef]++] = i;
		view_list_add(&S->list, (long)i, 0);
	}
}

static const void *item(const struct ui *ui, const void *state, long i)
{
	const struct matrix *S = state;

	return &ui->d.ideas[S->ranked[i].index];
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

static void draw_cell(struct ui *ui, const struct matrix *S, const struct grid *g, int impact,
		      int effort)
{
	size_t n = S->ncell[impact - 1][effort - 1];
	const size_t *list = S->cell[impact - 1][effort - 1];
	int y, x, line = 0, col = 0, w = g->cw - 1;
	size_t sel = S->list.l.n ? S->list.l.sel : (size_t)-1;
	enum jh_quadrant q = analysis_quadrant(impact, effort);

	cell_origin(g, impact, effort, &y, &x);
	/* The quadrant's name in its outer corner cell, when there is room. */
	if (g->ch >= 2 && ((impact == 5 || impact == 1) && (effort == 1 || effort == 5))) {
		ui_text(y, x, w, _(analysis_quadrant_label(q)),
			q == JH_QUICK_WIN   ? ui_attr(ui, UI_C_POSITIVE)
			: q == JH_MONEY_PIT ? ui_attr(ui, UI_C_NEGATIVE)
					    : ui_attr(ui, UI_C_DIM),
			0);
		line = 1;
	}
	for (size_t k = 0; k < n && line < g->ch; k++) {
		const struct jh_idea *idea = &ui->d.ideas[S->ranked[list[k]].index];
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
	struct matrix *S = view_private(ui);
	struct grid g;

	S->list.sel_id = view_list_selected_id(ui, &S->list);
	layout(r, &g);
	ui_textf(r->y, r->x, r->w, ui_attr(ui, UI_C_HEADER), 0,
		 _("Impact (up) against effort (right); ideas by #id, %s/%s walk the backlog"),
		 ui_keys_first(UI_ACT_DOWN), ui_keys_first(UI_ACT_UP));
	if (g.ch < 1 || g.cw < 4) {
		ui_text(r->y + 1, r->x, r->w, _("Too small for the matrix: enlarge the terminal"),
			ui_attr(ui, UI_C_WARNING), 0);
		return;
	}
	for (int im = 5; im >= 1; im--) {
		int y, x;
		cell_origin(&g, im, 1, &y, &x);
		ui_textf(y, r->x, LABEL_W, ui_attr(ui, UI_C_DIM), 0, "I%d", im);
		for (int ef = 1; ef <= 5; ef++)
			draw_cell(ui, S, &g, im, ef);
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
	if (S->list.l.n) {
		const struct jh_ranked_idea *rk = &S->ranked[S->list.l.sel];
		const struct jh_idea *idea = &ui->d.ideas[rk->index];
		char buf[1024], score[32];
		analysis_format_score(S->method, rk->score, score, sizeof score);
		snprintf(buf, sizeof buf, _("#%lld %s: %s, impact %d, effort %d, %s %s, rank %d"),
			 (long long)idea->id, idea->title, _(analysis_quadrant_label(rk->quadrant)),
			 idea->impact, idea->effort, S->label, score, rk->rank);
		ui_text(r->y + r->h - 1, r->x, r->w, buf, A_BOLD, 0);
	} else {
		ui_textf(r->y + r->h - 1, r->x, r->w, ui_attr(ui, UI_C_DIM), 0,
			 _("No ideas yet: add them in the backlog (%s)"),
			 ui_keys_first(UI_ACT_VIEW_BACKLOG));
	}
}

/* A click on a cell selects its best-ranked idea, or the next one in it
 * when the selection is already there. */
static void click(struct ui *ui, const struct ui_rect *r, int y, int x)
{
	struct matrix *S = view_private(ui);
	struct grid g;

	layout(r, &g);
	if (g.ch < 1 || g.cw < 4)
		return;
	for (int im = 1; im <= 5; im++)
		for (int ef = 1; ef <= 5; ef++) {
			int cy, cx;
			size_t n = S->ncell[im - 1][ef - 1];
			cell_origin(&g, im, ef, &cy, &cx);
			if (y < cy || y >= cy + g.ch || x < cx || x >= cx + g.cw || !n)
				continue;
			for (size_t k = 0; k < n; k++)
				if (S->cell[im - 1][ef - 1][k] == S->list.l.sel) {
					S->list.l.sel = S->cell[im - 1][ef - 1][(k + 1) % n];
					S->list.sel_id = view_list_selected_id(ui, &S->list);
					return;
				}
			S->list.l.sel = S->cell[im - 1][ef - 1][0];
			S->list.sel_id = view_list_selected_id(ui, &S->list);
			return;
		}
}

static void free_matrix(void *state)
{
	struct matrix *S = state;

	free(S->ranked);
	free_cells(S);
}

static const size_t search[] = {offsetof(struct jh_idea, title)};

static const struct view_list_class matrix = {
    .kind = JH_IDEA,
    VIEW_LIST_SEARCH(search),
    .build = build,
    .item = item,
    .free = free_matrix,
};

/* The list runs the cursor, search and reloads; the grid is drawn here. */
const struct view_ops view_matrix_ops = {
    .kind = JH_IDEA,
    .private_size = sizeof(struct matrix),
    .list = &matrix,
    .rebuild = view_list_rebuild,
    .draw = draw,
    .action = view_list_action,
    .selected = view_list_selected,
    .search = view_list_search,
    .click = click,
    .focus = view_list_focus,
    .cleanup = view_list_cleanup,
};
