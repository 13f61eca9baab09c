/* view_journeys.c: the journey map.
 *
 * Stages are columns and touchpoints cards under them; under the cards the
 * experience curve plots each touchpoint's score in journey order. The
 * header carries the journey's CX capital (an alarm when it is not
 * positive), its channel hops and the weakest link, which is also starred
 * on its card: the facts DOMAIN.md asks the room to see. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/analysis.h"
#include "journeyhack/i18n.h"
#include "journeyhack/personas.h"
#include "journeyhack/text.h"
#include "journeyhack/ui_setup.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

#define MIN_COL 15 /* narrowest stage column: five fit in 80 */
#define CARD_H	4  /* three lines and a gap */
#define CURVE_H 6  /* title line and five score rows */
#define MARGIN	3  /* left margin: curve labels, scroll marks */

/* The map's state: the journey shown, its stages and cards, the cursor. */
struct journeys {
	jh_id journey;
	size_t jpos;
	size_t *stages; /* indexes into d.stages, in order */
	size_t nstages;
	size_t **cards; /* per stage: indexes into d.touchpoints */
	size_t *ncards;
	int *pains; /* per d.touchpoints index: visible pain points */
	size_t col, card, left, top;
	jh_id sel_tp, sel_stage;
	struct jh_journey_stats stats;
	/* Open pain points of the selected card, found once per selection
	 * and reload. */
	jh_id pains_of;
	unsigned long pains_gen;
	size_t pain_list[8], npains;
};

struct layout {
	int mx;	    /* x of the first stage column */
	int cw;	    /* column width */
	int nvis;   /* columns shown */
	int area_y; /* first card line */
	int area_h; /* card lines */
	int card_h;
	int nrows;	    /* cards per column shown */
	int curve_y;	    /* -1: no curve */
	int info_y, info_h; /* the selected card's details, when there is room */
};

static void free_cards(struct journeys *S)
{
	for (size_t i = 0; i < S->nstages; i++)
		free(S->cards ? S->cards[i] : NULL);
	free(S->cards);
	free(S->ncards);
	free(S->stages);
	free(S->pains);
	S->cards = NULL;
	S->ncards = NULL;
	S->stages = NULL;
	S->pains = NULL;
	S->nstages = 0;
}

static const struct jh_touchpoint *sel_touchpoint(const struct ui *ui)
{
	struct journeys *S = view_private(ui);

	if (S->col >= S->nstages || S->card >= S->ncards[S->col])
		return NULL;
	return &ui->d.touchpoints[S->cards[S->col][S->card]];
}

static void remember(const struct ui *ui)
{
	struct journeys *S = view_private(ui);
	const struct jh_touchpoint *t;

	/* A move or a reload may have left the cursor past its stage's cards. */
	if (S->col < S->nstages && S->card >= S->ncards[S->col])
		S->card = S->ncards[S->col] ? S->ncards[S->col] - 1 : 0;
	t = sel_touchpoint(ui);
	S->sel_tp = t ? t->id : 0;
	S->sel_stage = S->col < S->nstages ? ui->d.stages[S->stages[S->col]].id : 0;
}

static void rebuild(struct ui *ui)
{
	struct journeys *S = view_private(ui);
	const struct jh_data *d = &ui->d;
	long jx = model_index_pos(&ui->ix.m, JH_JOURNEY, S->journey);
	int found = 0;

	free_cards(S);
	if (!d->njourneys) {
		S->journey = 0;
		S->col = S->card = S->left = S->top = 0;
		return;
	}
	if (jx < 0)
		jx = (long)(S->jpos < d->njourneys ? S->jpos : d->njourneys - 1);
	S->jpos = (size_t)jx;
	S->journey = d->journeys[jx].id;
	S->stages = util_xcalloc(d->nstages + 1, sizeof *S->stages);
	for (size_t i = 0; i < d->nstages; i++)
		if (d->stages[i].journey_id == S->journey)
			S->stages[S->nstages++] = i;
	S->cards = util_xcalloc(S->nstages + 1, sizeof *S->cards);
	S->ncards = util_xcalloc(S->nstages + 1, sizeof *S->ncards);
	for (size_t i = 0; i < d->ntouchpoints; i++) {
		const struct jh_touchpoint *t = &d->touchpoints[i];
		if (t->journey_id != S->journey)
			continue;
		for (size_t c = 0; c < S->nstages; c++) {
			if (d->stages[S->stages[c]].id != t->stage_id)
				continue;
			S->cards[c] =
			    util_xrealloc(S->cards[c], (S->ncards[c] + 1) * sizeof **S->cards);
			S->cards[c][S->ncards[c]++] = i;
			break;
		}
	}
	S->pains = util_xcalloc(d->ntouchpoints + 1, sizeof *S->pains);
	for (size_t i = 0; i < d->npainpoints; i++) {
		const struct jh_painpoint *p = &d->painpoints[i];
		long k = model_index_pos(&ui->ix.m, JH_TOUCHPOINT, p->touchpoint_id);
		if (k >= 0 && !ui->ix.pain_hidden[i] && util_streq(p->status, "open"))
			S->pains[k]++;
	}
	analysis_journey(d, S->journey, &S->stats);
	/* Keep the card selected before, else its stage, else the place. */
	for (size_t c = 0; c < S->nstages && !found; c++)
		for (size_t k = 0; k < S->ncards[c]; k++)
			if (S->sel_tp && d->touchpoints[S->cards[c][k]].id == S->sel_tp) {
				S->col = c;
				S->card = k;
				found = 1;
				break;
			}
	for (size_t c = 0; c < S->nstages && !found; c++)
		if (S->sel_stage && d->stages[S->stages[c]].id == S->sel_stage) {
			S->col = c;
			found = 1;
		}
	if (S->col >= S->nstages)
		S->col = S->nstages ? S->nstages - 1 : 0;
	remember(ui);
}

static void compute_layout(struct journeys *S, const struct ui_rect *r, struct layout *L)
{
	int w = r->w - MARGIN;

	L->mx = r->x + MARGIN;
	L->nvis = w / MIN_COL;
	if (L->nvis < 1)
		L->nvis = 1;
	if ((size_t)L->nvis > S->nstages)
		L->nvis = S->nstages ? (int)S->nstages : 1;
	L->cw = w / L->nvis;
	L->area_y = r->y + 2;
	L->curve_y = r->h >= 17 ? r->y + r->h - CURVE_H : -1;
	L->area_h = (L->curve_y >= 0 ? L->curve_y : r->y + r->h) - L->area_y;
	L->card_h = L->area_h >= CARD_H ? CARD_H : 1;
	L->info_h = 0;
	{
		/* Lines the cards do not need go to the selected card's details. */
		size_t most = 1;
		for (size_t c = 0; c < S->nstages; c++)
			if (S->ncards[c] > most)
				most = S->ncards[c];
		if (L->card_h == CARD_H && (size_t)L->area_h >= most * CARD_H + 4) {
			L->info_h = L->area_h - (int)most * CARD_H;
			L->area_h = (int)most * CARD_H;
			L->info_y = L->area_y + L->area_h;
		}
	}
	L->nrows = L->area_h / L->card_h;
	if (L->nrows < 1)
		L->nrows = 1;
	if (S->col < S->left)
		S->left = S->col;
	if (S->col >= S->left + (size_t)L->nvis)
		S->left = S->col - (size_t)L->nvis + 1;
	if (S->card < S->top)
		S->top = S->card;
	if (S->card >= S->top + (size_t)L->nrows)
		S->top = S->card - (size_t)L->nrows + 1;
}

/* Where the journey at index ji stands in the map's order: persona by
 * persona (personas.h), so paging through journeys walks each group. */
static size_t grouped_pos(const struct jh_data *d, size_t ji, size_t *order)
{
	size_t k = 0;

	personas_journey_order(d, order);
	while (k + 1 < d->njourneys && order[k] != ji)
		k++;
	return k;
}

/* "1/3 Name" and, where the workshop has personas, the journey's group. */
static void header_title(const struct ui *ui, size_t jpos, char *buf, size_t size)
{
	const struct jh_data *d = &ui->d;
	const struct jh_journey *j = &d->journeys[jpos];
	size_t *order = util_xcalloc(d->njourneys + 1, sizeof *order);
	size_t k = grouped_pos(d, jpos, order);

	free(order);
	if (!d->npersonas)
		snprintf(buf, size, "%zu/%zu %s ", k + 1, d->njourneys, j->name);
	else if (personas_of(d, j))
		snprintf(buf, size, _("%zu/%zu %s (persona %s) "), k + 1, d->njourneys, j->name,
			 personas_of(d, j)->name);
	else
		snprintf(buf, size, _("%zu/%zu %s (no persona) "), k + 1, d->njourneys, j->name);
}

static void draw_header(struct ui *ui, const struct ui_rect *r)
{
	struct journeys *S = view_private(ui);
	const struct jh_touchpoint *weak =
	    model_index_item(&ui->ix.m, JH_TOUCHPOINT, S->stats.weakest_link);
	int x = r->x, end = r->x + r->w;
	char buf[512];

	header_title(ui, S->jpos, buf, sizeof buf);
	x += ui_text(r->y, x, end - x, buf, A_BOLD, 0);
	snprintf(buf, sizeof buf, _(" CX capital %+d "), S->stats.cx_capital);
	x += ui_text(r->y, x, end - x, buf,
		     S->stats.at_risk ? ui_attr(ui, UI_C_ALARM) : ui_attr(ui, UI_C_POSITIVE), 0);
	if (S->stats.at_risk)
		x += ui_text(r->y, x, end - x, _("!! AT RISK "), ui_attr(ui, UI_C_ALARM), 0);
	snprintf(
	    buf, sizeof buf,
	    ngettext(" %d channel hop", " %d channel hops", (unsigned long)S->stats.channel_hops),
	    S->stats.channel_hops);
	x += ui_text(r->y, x, end - x, buf, A_NORMAL, 0);
	if (weak) {
		snprintf(buf, sizeof buf, _("  %s weakest: %s (exposure %d)"),
			 ui_glyph(ui, UI_G_STAR), weak->name, S->stats.weakest_exposure);
		ui_text(r->y, x, end - x, buf, ui_attr(ui, UI_C_WARNING), 0);
	}
}

static void draw_card(struct ui *ui, size_t idx, int y, int x, int w, int lines, int sel)
{
	struct journeys *S = view_private(ui);
	const struct jh_touchpoint *t = &ui->d.touchpoints[idx];
	int weak = t->id == S->stats.weakest_link;
	attr_t base = sel ? ui_attr(ui, UI_C_SELECTED) : A_NORMAL;
	char buf[512], score[32];
	int cx;

	snprintf(buf, sizeof buf, "%s%s", weak ? ui_glyph(ui, UI_G_STAR) : "", t->name);
	ui_text(y, x, w, buf, sel ? base | A_BOLD : weak ? ui_attr(ui, UI_C_WARNING) : A_BOLD, 1);
	if (lines < 3)
		return;
	snprintf(buf, sizeof buf, "%s%s%s", t->channel, *t->channel && *t->owner ? " · " : "",
		 t->owner);
	ui_text(y + 1, x, w, *buf ? buf : "-", sel ? base : ui_attr(ui, UI_C_DIM), 1);
	ui_fill(y + 2, x, w, base);
	snprintf(score, sizeof score, "%+d%s%s", t->score,
		 t->score ? ui_glyph(ui, t->score < 0 ? UI_G_DOWN : UI_G_UP) : "=",
		 t->score < -1 || t->score > 1 ? ui_glyph(ui, t->score < 0 ? UI_G_DOWN : UI_G_UP)
					       : "");
	if (!t->score)
		snprintf(score, sizeof score, " 0=");
	cx = x + ui_text(y + 2, x, w, score, sel ? base : ui_attr(ui, ui_score_color(t->score)), 0);
	/* "!N": open pain points; "?": no potential and not positive,
	 * DOMAIN.md's "should it exist at all?" */
	snprintf(buf, sizeof buf, " %d%%", t->reach);
	if (S->pains[idx])
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), " !%d", S->pains[idx]);
	if (analysis_questionable(t))
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), " ?");
	ui_text(y + 2, cx, w - (cx - x), buf, base, 0);
}

static void draw_columns(struct ui *ui, const struct layout *L)
{
	struct journeys *S = view_private(ui);

	for (int v = 0; v < L->nvis && S->left + (size_t)v < S->nstages; v++) {
		size_t c = S->left + (size_t)v;
		int x = L->mx + v * L->cw, w = L->cw - 1;
		char head[256];
		snprintf(head, sizeof head, "%s (%zu)", ui->d.stages[S->stages[c]].name,
			 S->ncards[c]);
		ui_text(L->area_y - 1, x, w, head,
			c == S->col ? ui_attr(ui, UI_C_HEADER) | A_UNDERLINE
				    : ui_attr(ui, UI_C_HEADER),
			1);
		for (int k = 0; k < L->nrows && S->top + (size_t)k < S->ncards[c]; k++)
			draw_card(ui, S->cards[c][S->top + (size_t)k], L->area_y + k * L->card_h, x,
				  w, L->card_h >= CARD_H ? 3 : 1,
				  c == S->col && S->top + (size_t)k == S->card);
		if (!S->ncards[c] && c == S->col)
			ui_textf(L->area_y, x, w, ui_attr(ui, UI_C_SELECTED), 1,
				 _("(empty: %s adds)"), ui_keys_first(UI_ACT_ADD));
	}
	/* Marks for what is scrolled out of view. */
	if (S->top > 0)
		ui_text(L->area_y, L->mx - MARGIN, MARGIN, ui_glyph(ui, UI_G_UP),
			ui_attr(ui, UI_C_DIM), 0);
	for (size_t c = 0; c < S->nstages; c++)
		if (S->ncards[c] > S->top + (size_t)L->nrows) {
			ui_text(L->area_y + L->area_h - 1, L->mx - MARGIN, MARGIN,
				ui_glyph(ui, UI_G_DOWN), ui_attr(ui, UI_C_DIM), 0);
			break;
		}
	if (S->left > 0)
		ui_text(L->area_y - 1, L->mx - MARGIN, MARGIN, "<", ui_attr(ui, UI_C_DIM), 0);
	if (S->left + (size_t)L->nvis < S->nstages)
		ui_text(L->area_y - 1, L->mx + L->nvis * L->cw - 1, 1, ">", ui_attr(ui, UI_C_DIM),
			0);
}

/* One point of the curve. */
struct point {
	int x, y;
	size_t tp;
};

/* The points of the visible stages, in journey order (the cards are kept
 * in that order). A stage with more cards than its column has cells is
 * sampled, so the cost follows the screen width, not the journey. */
static size_t curve_points(const struct layout *L, const struct ui *ui, struct point *p, size_t max)
{
	struct journeys *S = view_private(ui);
	size_t n = 0;

	for (size_t c = S->left; c < S->nstages && c < S->left + (size_t)L->nvis; c++) {
		size_t cells = L->cw > 1 ? (size_t)(L->cw - 1) : 1;
		size_t shown = S->ncards[c] < cells ? S->ncards[c] : cells;
		for (size_t j = 0; j < shown && n < max; j++) {
			size_t k = j * S->ncards[c] / shown; /* j itself when none are skipped */
			const struct jh_touchpoint *t = &ui->d.touchpoints[S->cards[c][k]];
			p[n].x = L->mx + (int)(c - S->left) * L->cw +
				 (int)((2 * j + 1) * cells / (2 * shown));
			p[n].y = L->curve_y + 1 + (2 - t->score);
			p[n++].tp = S->cards[c][k];
		}
	}
	return n;
}

/* The to-be curve: a hollow marker at each target that differs from the
 * score (an equal one hides under the as-is point). Drawn before the
 * as-is points, so those stay on top. */
static void draw_targets(struct ui *ui, const struct layout *L, const struct point *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct jh_touchpoint *t = &ui->d.touchpoints[p[i].tp];
		int target;
		if (analysis_target(t, &target) && target != t->score)
			ui_text(L->curve_y + 1 + (2 - target), p[i].x, 1, ui_glyph(ui, UI_G_EMPTY),
				ui_attr(ui, ui_score_color(target)), 0);
	}
}

static int any_target(const struct ui *ui, const struct point *p, size_t n)
{
	int target;

	for (size_t i = 0; i < n; i++)
		if (analysis_target(&ui->d.touchpoints[p[i].tp], &target))
			return 1;
	return 0;
}

static void draw_curve(struct ui *ui, const struct layout *L)
{
	struct journeys *S = view_private(ui);
	const struct jh_touchpoint *sel = sel_touchpoint(ui);
	int width = L->nvis * L->cw;
	struct point *p;
	size_t n;

	if (L->curve_y < 0)
		return;
	p = util_xcalloc((size_t)width + 1, sizeof *p);
	n = curve_points(L, ui, p, (size_t)width + 1);
	ui_text(L->curve_y, L->mx - MARGIN, width + MARGIN,
		any_target(ui, p, n)
		    ? _("Experience curve: each touchpoint's score, its target hollow, in journey "
			"order")
		    : _("Experience curve: each touchpoint's score, in journey order"),
		ui_attr(ui, UI_C_DIM), 0);
	for (int s = 2; s >= -2; s--) {
		int y = L->curve_y + 1 + (2 - s);
		ui_textf(y, L->mx - MARGIN, MARGIN, ui_attr(ui, UI_C_DIM), 0, s ? "%+d" : " %d", s);
		if (s == 0)
			for (int x = 0; x < width; x++)
				ui_text(y, L->mx + x, 1, ui->utf8 ? "\u2504" : "-",
					ui_attr(ui, UI_C_DIM), 0);
	}
	/* Connectors first, so the points stay on top of them. */
	for (size_t i = 1; i < n; i++)
		for (int cx = p[i - 1].x + 1; cx < p[i].x; cx++) {
			int cy = p[i - 1].y +
				 (p[i].y - p[i - 1].y) * (cx - p[i - 1].x) / (p[i].x - p[i - 1].x);
			ui_text(cy, cx, 1, ui->utf8 ? "\u00b7" : ".", ui_attr(ui, UI_C_DIM), 0);
		}
	draw_targets(ui, L, p, n);
	for (size_t i = 0; i < n; i++) {
		const struct jh_touchpoint *t = &ui->d.touchpoints[p[i].tp];
		ui_text(p[i].y, p[i].x, 1,
			t->id == S->stats.weakest_link ? ui_glyph(ui, UI_G_STAR)
						       : ui_glyph(ui, UI_G_DOT),
			(sel && sel->id == t->id) ? ui_attr(ui, UI_C_SELECTED)
						  : ui_attr(ui, ui_score_color(t->score)),
			0);
	}
	free(p);
}

/* Open pain points of the selected card: found once per selection and
 * reload, so a frame does not walk every pain point. */
static size_t card_pains(const struct ui *ui, jh_id tp, size_t *out, size_t max)
{
	struct journeys *S = view_private(ui);

	if (S->pains_of != tp || S->pains_gen != ui->generation) {
		S->pains_of = tp;
		S->pains_gen = ui->generation;
		S->npains = 0;
		for (size_t i = 0; i < ui->d.npainpoints && S->npains < 8; i++)
			if (ui->d.painpoints[i].touchpoint_id == tp && !ui->ix.pain_hidden[i])
				S->pain_list[S->npains++] = i;
	}
	for (size_t i = 0; i < S->npains && i < max; i++)
		out[i] = S->pain_list[i];
	return S->npains < max ? S->npains : max;
}

/* The to-be beside the as-is, when the team set one; the lines used. */
static int target_line(struct ui *ui, const struct ui_rect *box, const struct jh_touchpoint *t)
{
	char buf[256], to[32];
	int target;

	if (box->h <= 0 || !analysis_target(t, &target))
		return 0;
	ui_score_text(ui, target, to, sizeof to);
	if (target > t->score)
		snprintf(buf, sizeof buf, _("Target %s: gap %d, potential closes %d"), to,
			 target - t->score,
			 target - t->score < t->potential ? target - t->score : t->potential);
	else
		snprintf(buf, sizeof buf, _("Target %s: reached"), to);
	return ui_wrap(box, 0, buf, A_NORMAL);
}

static void draw_info(struct ui *ui, const struct layout *L, const struct ui_rect *r)
{
	struct journeys *S = view_private(ui);
	const struct jh_touchpoint *t = sel_touchpoint(ui);
	struct ui_rect box = {L->info_y + 1, r->x + MARGIN, L->info_h - 2, r->w - MARGIN};
	char buf[1024], score[32];
	size_t pains[8], n;
	int used;

	if (L->info_h < 4)
		return;
	ui_hline(ui, L->info_y, r->x + MARGIN, r->w - MARGIN, ui_attr(ui, UI_C_BORDER));
	if (!t) {
		ui_textf(box.y, box.x, box.w, ui_attr(ui, UI_C_DIM), 0,
			 _("Stage %s: no touchpoints yet (%s adds one)"),
			 S->col < S->nstages ? ui->d.stages[S->stages[S->col]].name : _(""),
			 ui_keys_first(UI_ACT_ADD));
		return;
	}
	ui_score_text(ui, t->score, score, sizeof score);
	snprintf(buf, sizeof buf,
		 _("%s: %s, %s, score %s, reach %d%%, potential %d/3, exposure %d%s"), t->name,
		 *t->channel ? t->channel : _("no channel"), *t->owner ? t->owner : _("no owner"),
		 score, t->reach, t->potential, analysis_exposure(t),
		 analysis_questionable(t) ? _(" (no potential: should it exist?)") : "");
	used = ui_wrap(&box, 0, buf, A_BOLD);
	box.y += used;
	box.h -= used;
	used = target_line(ui, &box, t);
	box.y += used;
	box.h -= used;
	n = card_pains(ui, t->id, pains, sizeof pains / sizeof pains[0]);
	for (size_t i = 0; i < n && box.h > 0; i++, box.y++, box.h--) {
		const struct jh_painpoint *p = &ui->d.painpoints[pains[i]];
		ui_textf(box.y, box.x, box.w, A_NORMAL, 0, "! #%lld %s (%dx%d, %s)",
			 (long long)p->id, p->title, p->severity, p->frequency,
			 kinds_value_label(p->status));
	}
	if (box.h > 0 && *t->notes) {
		used = ui_wrap(&box, 0, t->notes, ui_attr(ui, UI_C_DIM));
		box.y += used;
		box.h -= used;
	}
	/* The rule last: what the team wrote down comes first. */
	if (t->id == S->stats.weakest_link && box.h > 0)
		ui_wrap(&box, 0,
			_("Weakest link: the highest exposure (reach x points below "
			  "expectations); ties go to the lower score, then the higher reach"),
			ui_attr(ui, UI_C_WARNING));
}

static void draw(struct ui *ui, const struct ui_rect *r)
{
	struct journeys *S = view_private(ui);
	struct layout L;

	if (!ui->d.njourneys) {
		ui_text(r->y + 1, r->x + 2, r->w - 4,
			_("No journeys yet: A, then journey, adds one."), ui_attr(ui, UI_C_DIM), 0);
		return;
	}
	remember(ui);
	compute_layout(S, r, &L);
	draw_header(ui, r);
	if (!S->nstages) {
		ui_text(r->y + 2, r->x + 2, r->w - 4,
			_("This journey has no stages: A, then stage, adds one."),
			ui_attr(ui, UI_C_DIM), 0);
		return;
	}
	draw_columns(ui, &L);
	draw_info(ui, &L, r);
	draw_curve(ui, &L);
}

/* ---------------------------------------------------------------- keys */

static void journey_step(struct ui *ui, int dir)
{
	struct journeys *S = view_private(ui);
	size_t n = ui->d.njourneys, k, *order;

	if (n < 2) {
		ui_message(ui, 0, n ? _("This is the only journey") : _("No journeys yet"));
		return;
	}
	order = util_xcalloc(n + 1, sizeof *order);
	k = grouped_pos(&ui->d, S->jpos, order);
	S->jpos = order[(k + n + (size_t)(dir > 0 ? 1 : n - 1)) % n];
	free(order);
	S->journey = ui->d.journeys[S->jpos].id;
	S->col = S->card = S->left = S->top = 0;
	S->sel_tp = S->sel_stage = 0;
	rebuild(ui);
}

static int move_card_stage(struct ui *ui, int dir)
{
	struct journeys *S = view_private(ui);
	const struct jh_touchpoint *t = sel_touchpoint(ui);
	char a[2][64];
	const char *as[2] = {a[0], a[1]};
	size_t to;
	int pos = 0;

	if (!t) {
		ui_message(ui, 1, _("No card selected"));
		return UI_HANDLED;
	}
	if ((dir < 0 && S->col == 0) || (dir > 0 && S->col + 1 >= S->nstages)) {
		ui_message(ui, 1,
			   dir < 0 ? _("No stage further left") : _("No stage further right"));
		return UI_HANDLED;
	}
	to = dir < 0 ? S->col - 1 : S->col + 1;
	for (size_t k = 0; k < S->ncards[to]; k++)
		if (ui->d.touchpoints[S->cards[to][k]].position >= pos)
			pos = ui->d.touchpoints[S->cards[to][k]].position + 1;
	snprintf(a[0], sizeof a[0], "stage=%lld", (long long)ui->d.stages[S->stages[to]].id);
	snprintf(a[1], sizeof a[1], "position=%d", pos);
	return ui_edit_set_fields(ui, JH_TOUCHPOINT, t->id, as, 2, "stage");
}

/* Reorder within a stage: renumber the stage's cards 0..n-1 in the new
 * order, as one undoable change. */
static int move_card_order(struct ui *ui, int dir)
{
	struct journeys *S = view_private(ui);
	const struct jh_touchpoint *t = sel_touchpoint(ui);
	size_t n, *order, other;
	int flags = UI_HANDLED;

	if (!t) {
		ui_message(ui, 1, _("No card selected"));
		return UI_HANDLED;
	}
	n = S->ncards[S->col];
	if ((dir < 0 && S->card == 0) || (dir > 0 && S->card + 1 >= n)) {
		ui_message(ui, 1,
			   dir < 0 ? _("The card is already first")
				   : _("The card is already last"));
		return UI_HANDLED;
	}
	other = dir < 0 ? S->card - 1 : S->card + 1;
	order = util_xcalloc(n, sizeof *order);
	memcpy(order, S->cards[S->col], n * sizeof *order);
	order[S->card] = S->cards[S->col][other];
	order[other] = S->cards[S->col][S->card];
	ui_undo_group_begin(ui);
	for (size_t k = 0; k < n; k++) {
		const struct jh_touchpoint *x = &ui->d.touchpoints[order[k]];
		char a[64];
		const char *as[1] = {a};
		if (x->position == (int)k)
			continue;
		snprintf(a, sizeof a, "position=%zu", k);
		flags |= ui_edit_set_fields(ui, JH_TOUCHPOINT, x->id, as, 1, "order");
	}
	ui_undo_group_end(ui);
	free(order);
	ui_message(ui, 0, dir < 0 ? _("Moved %s up") : _("Moved %s down"), t->name);
	return flags;
}

/* The shown journey's persona, or a new one to choose in its form. */
static int edit_persona(struct ui *ui)
{
	struct journeys *S = view_private(ui);
	const struct jh_journey *j = model_index_item(&ui->ix.m, JH_JOURNEY, S->journey);
	const struct jh_persona *p = personas_of(&ui->d, j);

	return p ? ui_edit_item(ui, JH_PERSONA, p->id) : ui_edit_add(ui, JH_PERSONA);
}

/* Renaming and reordering the stage the cursor is in (ui_setup.c). */
static int stage_action(struct ui *ui, enum ui_action act)
{
	struct journeys *S = view_private(ui);
	jh_id stage;

	if (S->col >= S->nstages) {
		ui_message(ui, 1, _("No stage selected"));
		return UI_HANDLED;
	}
	stage = ui->d.stages[S->stages[S->col]].id;
	if (act == UI_ACT_STAGE_RENAME)
		return ui_setup_stage_rename(ui, stage);
	return ui_setup_stage_move(ui, stage, act == UI_ACT_STAGE_LEFT ? -1 : 1);
}

static int action(struct ui *ui, enum ui_action act, const struct ui_rect *r)
{
	struct journeys *S = view_private(ui);
	struct layout L;
	size_t n = S->col < S->nstages ? S->ncards[S->col] : 0;

	compute_layout(S, r, &L);
	switch (act) {
	case UI_ACT_UP:
		if (S->card > 0)
			S->card--;
		break;
	case UI_ACT_DOWN:
		if (S->card + 1 < n)
			S->card++;
		break;
	case UI_ACT_LEFT:
		if (S->col > 0)
			S->col--;
		break;
	case UI_ACT_RIGHT:
		if (S->col + 1 < S->nstages)
			S->col++;
		break;
	case UI_ACT_PAGE_DOWN:
		S->card =
		    S->card + (size_t)L.nrows < n ? S->card + (size_t)L.nrows : (n ? n - 1 : 0);
		break;
	case UI_ACT_PAGE_UP:
		S->card = S->card > (size_t)L.nrows ? S->card - (size_t)L.nrows : 0;
		break;
	case UI_ACT_HOME:
		S->col = S->card = 0;
		break;
	case UI_ACT_END:
		S->col = S->nstages ? S->nstages - 1 : 0;
		S->card = S->nstages && S->ncards[S->col] ? S->ncards[S->col] - 1 : 0;
		break;
	case UI_ACT_JOURNEY_NEXT:
	case UI_ACT_JOURNEY_PREV:
		journey_step(ui, act == UI_ACT_JOURNEY_NEXT ? 1 : -1);
		return UI_HANDLED;
	case UI_ACT_MOVE_LEFT:
	case UI_ACT_MOVE_RIGHT:
		return move_card_stage(ui, act == UI_ACT_MOVE_LEFT ? -1 : 1);
	case UI_ACT_MOVE_UP:
	case UI_ACT_MOVE_DOWN:
		return move_card_order(ui, act == UI_ACT_MOVE_UP ? -1 : 1);
	case UI_ACT_EDIT_JOURNEY:
		if (!S->journey)
			return UI_HANDLED;
		return ui_edit_item(ui, JH_JOURNEY, S->journey);
	case UI_ACT_EDIT_PERSONA:
		return edit_persona(ui);
	case UI_ACT_STAGE_RENAME:
	case UI_ACT_STAGE_LEFT:
	case UI_ACT_STAGE_RIGHT:
		return stage_action(ui, act);
	default:
		return 0;
	}
	remember(ui);
	return UI_HANDLED;
}

static int selected(struct ui *ui, enum jh_kind *kind, jh_id *id)
{
	struct journeys *S = view_private(ui);
	const struct jh_touchpoint *t = sel_touchpoint(ui);

	if (t) {
		*kind = JH_TOUCHPOINT;
		*id = t->id;
	} else if (S->col < S->nstages) {
		*kind = JH_STAGE;
		*id = ui->d.stages[S->stages[S->col]].id;
	} else if (S->journey) {
		*kind = JH_JOURNEY;
		*id = S->journey;
	} else {
		return -1;
	}
	return 0;
}

static void focus(struct ui *ui, enum jh_kind kind, jh_id id)
{
	struct journeys *S = view_private(ui);

	if (kind == JH_TOUCHPOINT) {
		const struct jh_touchpoint *t = model_index_item(&ui->ix.m, JH_TOUCHPOINT, id);
		if (!t)
			return;
		S->journey = t->journey_id;
		S->sel_tp = id;
	} else if (kind == JH_STAGE) {
		const struct jh_stage *s = model_index_item(&ui->ix.m, JH_STAGE, id);
		if (!s)
			return;
		S->journey = s->journey_id;
		S->sel_tp = 0;
		S->sel_stage = id;
		S->card = 0;
	} else if (kind == JH_JOURNEY) {
		S->journey = id;
		S->sel_tp = S->sel_stage = 0;
		S->col = S->card = 0;
	} else {
		return;
	}
	rebuild(ui);
}

static int search(struct ui *ui, const char *needle, int dir)
{
	size_t n = ui->d.ntouchpoints, start;
	const struct jh_touchpoint *t = sel_touchpoint(ui);
	long cur = t ? model_index_pos(&ui->ix.m, JH_TOUCHPOINT, t->id) : -1;

	if (!n)
		return -1;
	start = cur < 0 ? (dir > 0 ? n - 1 : 0) : (size_t)cur;
	for (size_t k = 1; k <= n; k++) {
		size_t i = dir > 0 ? (start + k) % n : (start + n - (k % n)) % n;
		const struct jh_touchpoint *x = &ui->d.touchpoints[i];
		if (ui_match(x->name, needle) || ui_match(x->channel, needle) ||
		    ui_match(x->owner, needle) || ui_match(x->notes, needle)) {
			focus(ui, JH_TOUCHPOINT, x->id);
			return 0;
		}
	}
	return -1;
}

static void click(struct ui *ui, const struct ui_rect *r, int y, int x)
{
	struct journeys *S = view_private(ui);
	struct layout L;
	size_t c;

	compute_layout(S, r, &L);
	if (x < L.mx || y < L.area_y - 1 || y >= L.area_y + L.area_h)
		return;
	c = S->left + (size_t)((x - L.mx) / L.cw);
	if (c >= S->nstages)
		return;
	S->col = c;
	if (y >= L.area_y) {
		size_t k = S->top + (size_t)((y - L.area_y) / L.card_h);
		if (k < S->ncards[c])
			S->card = k;
	}
	remember(ui);
}

static size_t presets(struct ui *ui, enum jh_kind kind, char (*buf)[128], size_t max)
{
	struct journeys *S = view_private(ui);
	const struct jh_touchpoint *t = sel_touchpoint(ui);
	size_t n = 0;

	if ((kind == JH_TOUCHPOINT || kind == JH_STAGE) && S->journey && n < max)
		snprintf(buf[n++], 128, "journey=%lld", (long long)S->journey);
	if (kind == JH_TOUCHPOINT && S->col < S->nstages && n < max)
		snprintf(buf[n++], 128, "stage=%lld",
			 (long long)ui->d.stages[S->stages[S->col]].id);
	if (kind == JH_PAINPOINT && t && n < max)
		snprintf(buf[n++], 128, "touchpoint=%lld", (long long)t->id);
	return n;
}

static void cleanup(void *private)
{
	free_cards(private);
}

const struct view_ops view_journeys_ops = {
    .kind = JH_TOUCHPOINT,
    .private_size = sizeof(struct journeys),
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
