/* export_svg.c: the journey map as an SVG poster, A3 landscape.
 *
 * Everything is laid out in millimetres on a 420 x 297 viewBox, so the
 * file prints at its real size and scales on screen. Presentation is in
 * attributes, not CSS, which every SVG renderer reads the same way.
 * Numbers go through export_xml_num, never printf's %f: the locale's
 * decimal comma would break the file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/analysis.h"
#include "journeyhack/export.h"
#include "journeyhack/export_svg.h"
#include "journeyhack/export_xml.h"
#include "journeyhack/util.h"

#define PAGE_W	 420.0
#define PAGE_H	 297.0
#define MARGIN	 10.0
#define TOP	 31.0 /* where the journeys start, below the title and legend */
#define GUTTER	 16.0 /* left of the columns: the curve's score labels */
#define BAND_GAP 5.0
#define CARD_MIN 8.0 /* mm: the lowest card that holds a name and a score */

/* DejaVu Sans first: it is on most Linux systems and covers Latin,
 * Greek, Cyrillic and the symbols the map uses. */
#define FONTS "'DejaVu Sans', 'Noto Sans', 'Liberation Sans', 'Segoe UI', Arial, sans-serif"

#define C_TEXT	"#212529"
#define C_MUTED "#495057"
#define C_RULE	"#adb5bd"
#define C_WEAK	"#f59f00" /* the weakest link, always with its label */
#define C_LINE	"#343a40"

/* Colours by meaning, each with the symbol that says the same. */
static const struct {
	const char *ink, *tint;
} tone[3] = {{"#c92a2a", "#fff5f5"}, {"#868e96", "#f8f9fa"}, {"#2b8a3e", "#ebfbee"}};

static int tone_of(int score)
{
	return score < 0 ? 0 : score > 0 ? 2 : 1;
}

static const char *symbol(int score)
{
	return score <= -2  ? "\u25bc\u25bc"
	       : score < 0  ? "\u25bc"
	       : score == 0 ? "="
	       : score < 2  ? "\u25b2"
			    : "\u25b2\u25b2";
}

struct box {
	double x, y, w, h;
};

struct font {
	double size;
	int bold;
	const char *fill;
	const char *anchor; /* NULL: start */
};

/* ---------------------------------------------------------- elements */

static void attr(struct export_w *w, const char *name, double v)
{
	char b[32];

	export_w_printf(w, " %s=\"%s\"", name, export_xml_num(v, b, sizeof b));
}

static void rect(struct export_w *w, struct box b, const char *fill, const char *stroke, double sw,
		 const char *id)
{
	export_w_puts(w, "<rect");
	if (id)
		export_w_printf(w, " id=\"%s\"", id);
	attr(w, "x", b.x);
	attr(w, "y", b.y);
	attr(w, "width", b.w);
	attr(w, "height", b.h);
	export_w_printf(w, " fill=\"%s\"", fill);
	if (stroke) {
		export_w_printf(w, " stroke=\"%s\"", stroke);
		attr(w, "stroke-width", sw);
	}
	export_w_puts(w, "/>\n");
}

static void line(struct export_w *w, double x1, double y1, double x2, double y2, const char *stroke,
		 double sw)
{
	export_w_puts(w, "<line");
	attr(w, "x1", x1);
	attr(w, "y1", y1);
	attr(w, "x2", x2);
	attr(w, "y2", y2);
	export_w_printf(w, " stroke=\"%s\"", stroke);
	attr(w, "stroke-width", sw);
	export_w_puts(w, "/>\n");
}

static void text_open(struct export_w *w, double x, double y, const struct font *f)
{
	export_w_puts(w, "<text");
	attr(w, "x", x);
	attr(w, "y", y);
	attr(w, "font-size", f->size);
	if (f->bold)
		export_w_puts(w, " font-weight=\"bold\"");
	if (f->anchor)
		export_w_printf(w, " text-anchor=\"%s\"", f->anchor);
	export_w_printf(w, " fill=\"%s\">", f->fill);
}

static void text(struct export_w *w, double x, double y, const struct font *f, const char *s)
{
	text_open(w, x, y, f);
	export_xml_text(w, s);
	export_w_puts(w, "</text>\n");
}

/* s fitted into width on one line, ellipsised when it does not fit. */
static void text_fit(struct export_w *w, double x, double y, const struct font *f, const char *s,
		     double width)
{
	char *t = export_xml_wrap(s, f->size, f->bold, width, 1);

	text(w, x, y, f, t);
	free(t);
}

/* Wrapped lines from the top-left baseline y; returns the y after them. */
static double text_lines(struct export_w *w, double x, double y, const struct font *f,
			 const char *s, double width, int maxlines)
{
	char *t = export_xml_wrap(s, f->size, f->bold, width, maxlines), *p = t, *nl;
	double lh = f->size * 1.25;

	for (; *p; p = nl + 1, y += lh) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		text(w, x, y, f, p);
		if (!nl) {
			y += lh;
			break;
		}
	}
	free(t);
	return y;
}

/* ------------------------------------------------------------ header */

static void legend(struct export_w *w, double x, double y)
{
	static const struct {
		int score;
		const char *label;
	} rows[] = {{1, "above expectations (+1, +2)"},
		    {0, "as expected (0)"},
		    {-1, "below expectations (-1, -2)"}};
	struct font f = {3.0, 0, C_TEXT, NULL};
	char buf[160];

	for (size_t i = 0; i < 3; i++) {
		double ly = y + (double)i * 4.6;
		rect(w, (struct box){x, ly - 3.0, 3.6, 3.6}, tone[tone_of(rows[i].score)].ink, NULL,
		     0, NULL);
		snprintf(buf, sizeof buf, "%s %s", symbol(rows[i].score), rows[i].label);
		text(w, x + 5.0, ly, &f, buf);
	}
	rect(w, (struct box){x + 62.0, y - 3.0, 3.6, 3.6}, C_WEAK, NULL, 0, NULL);
	snprintf(buf, sizeof buf, "\u26a0 %s", "weakest link (analysis)");
	text(w, x + 67.0, y, &f, buf);
	snprintf(buf, sizeof buf, "%s", "CX capital: the sum of the scores");
	text(w, x + 62.0, y + 4.6, &f, buf);
	snprintf(buf, sizeof buf, "%s", "Numbers link cards to the curve");
	text(w, x + 62.0, y + 9.2, &f, buf);
}

static void page_head(struct export_w *w, const struct jh_data *d, const struct export_facts *x,
		      const char *name)
{
	const struct jh_workshop *ws = &d->workshop;
	struct font title = {8.0, 1, C_TEXT, NULL}, sub = {3.4, 0, C_MUTED, NULL};
	char buf[512];

	text_fit(w, MARGIN, 17.0, &title, name, 262.0);
	snprintf(buf, sizeof buf, "Workshop %s, created %s. Exported %s.", export_w_str(ws->name),
		 ws->created && *ws->created ? ws->created : "-", x->today);
	text_fit(w, MARGIN, 24.0, &sub, buf, 262.0);
	legend(w, 280.0, 12.0);
}

/* --------------------------------------------------------- one journey */

struct layout {
	const struct jh_data *d;
	const struct export_facts *x;
	size_t ji;		      /* index of the journey in d->journeys */
	size_t *tp;		      /* touchpoints in journey order (indexes into d) */
	size_t n;		      /* how many */
	const struct jh_stage **cols; /* one per column; NULL: the "no stage" one */
	size_t ncols;
	size_t *col, *slot, *per_col; /* per touchpoint: column, place in it; per column: count */
	double colx, colw;
	double cards_y, cards_h, curve_y, curve_h;
};

static size_t column_of(const struct layout *L, jh_id stage_id)
{
	for (size_t c = 0; c < L->ncols; c++)
		if (L->cols[c] && L->cols[c]->id == stage_id)
			return c;
	return L->ncols - 1; /* the "no stage" column, which exists then */
}

static int has_stage(const struct jh_data *d, jh_id journey_id, jh_id stage_id)
{
	const struct jh_stage *s = model_stage(d, stage_id);

	return s && s->journey_id == journey_id;
}

static void layout_columns(struct layout *L)
{
	const struct jh_data *d = L->d;
	jh_id jid = d->journeys[L->ji].id;
	int orphans = 0;

	L->cols = util_xcalloc(d->nstages + 1, sizeof *L->cols);
	for (size_t i = 0; i < d->nstages; i++)
		if (d->stages[i].journey_id == jid)
			L->cols[L->ncols++] = &d->stages[i];
	for (size_t i = 0; i < L->n; i++)
		orphans |= !has_stage(d, jid, d->touchpoints[L->tp[i]].stage_id);
	if (orphans)
		L->cols[L->ncols++] = NULL;
	L->col = util_xcalloc(L->n + 1, sizeof *L->col);
	L->slot = util_xcalloc(L->n + 1, sizeof *L->slot);
	L->per_col = util_xcalloc(L->ncols + 1, sizeof *L->per_col);
	for (size_t i = 0; i < L->n; i++) {
		const struct jh_touchpoint *t = &d->touchpoints[L->tp[i]];
		size_t c =
		    has_stage(d, jid, t->stage_id) ? column_of(L, t->stage_id) : L->ncols - 1;
		L->col[i] = c;
		L->slot[i] = L->per_col[c]++;
	}
}

static void layout_free(struct layout *L)
{
	free(L->tp);
	free(L->cols);
	free(L->col);
	free(L->slot);
	free(L->per_col);
}

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static const char *id_of(char *buf, size_t size, const char *what, const struct layout *L)
{
	snprintf(buf, size, "%s-j%zu", what, L->ji + 1);
	return buf;
}

static void journey_head(struct export_w *w, const struct layout *L, struct box b, double hh)
{
	const struct jh_journey *j = &L->d->journeys[L->ji];
	const struct jh_journey_stats *s = &L->x->journeys[L->ji];
	struct font name = {hh * 0.6, 1, C_TEXT, NULL};
	struct font cap = {hh * 0.5, 1, tone[tone_of(s->cx_capital)].ink, "end"};
	struct font rest = {hh * 0.45, 0, C_MUTED, "end"};
	double y = b.y + hh * 0.72, right = b.x + b.w - 3.0;
	char buf[256], capital[128];
	double capw;

	snprintf(buf, sizeof buf, "%zu. %s", L->ji + 1, export_w_str(j->name));
	text_fit(w, b.x + 3.0, y, &name, buf, b.w * 0.42);
	snprintf(capital, sizeof capital, s->cx_capital ? "CX capital %+d %s" : "CX capital %d %s",
		 s->cx_capital,
		 symbol(s->cx_capital > 0   ? 1
			: s->cx_capital < 0 ? -1
					    : 0));
	if (s->at_risk)
		snprintf(capital + strlen(capital), sizeof capital - strlen(capital), " %s",
			 "AT RISK");
	text(w, right, y, &cap, capital);
	capw = export_xml_width(capital, cap.size, 1) + 2.0;
	snprintf(buf, sizeof buf, "%d touchpoints: %d %s, %d %s, %d %s; %d channel hops",
		 s->ntouchpoints, s->npositive, symbol(1), s->nneutral, symbol(0), s->nnegative,
		 symbol(-1), s->channel_hops);
	text_fit(w, right - capw, y, &rest, buf, b.w * 0.55 - capw);
}

static void stage_heads(struct export_w *w, const struct layout *L, struct box b, double sh)
{
	struct font f = {clamp(sh * 0.55, 1.6, 3.6), 1, C_TEXT, "middle"};

	for (size_t c = 0; c < L->ncols; c++) {
		double cx = L->colx + (double)c * L->colw;
		const char *name = L->cols[c] ? L->cols[c]->name : "(no stage)";
		rect(w, (struct box){cx, b.y, L->colw, b.h}, c % 2 ? "#f1f3f5" : "#ffffff", NULL, 0,
		     NULL);
		rect(w, (struct box){cx + 0.5, L->cards_y - sh - 0.8, L->colw - 1.0, sh}, "#dee2e6",
		     NULL, 0, NULL);
		text_fit(w, cx + L->colw / 2, L->cards_y - sh * 0.3 - 0.8, &f,
			 name && *name ? name : "(unnamed stage)", L->colw - 2.0);
	}
}

/* "2 pain points: A; B" for a touchpoint, or NULL when it has none. */
static char *pain_list(const struct jh_data *d, jh_id tid)
{
	size_t cap = 64, len, count = 0;
	char *out;

	for (size_t i = 0; i < d->npainpoints; i++)
		if (d->painpoints[i].touchpoint_id == tid) {
			cap += strlen(d->painpoints[i].title) + 2;
			count++;
		}
	if (!count)
		return NULL;
	out = util_xmalloc(cap);
	snprintf(out, cap, count == 1 ? "%zu pain point:" : "%zu pain points:", count);
	len = strlen(out);
	for (size_t i = 0; i < d->npainpoints && len + 2 < cap; i++)
		if (d->painpoints[i].touchpoint_id == tid)
			len += (size_t)snprintf(out + len, cap - len, "%s%s",
						out[len - 1] == ':' ? " " : "; ",
						d->painpoints[i].title);
	return out;
}

static void card_score(struct export_w *w, const struct jh_touchpoint *t, double x, double y,
		       double fs)
{
	struct font f = {fs, 0, C_MUTED, NULL};
	char buf[64];

	text_open(w, x, y, &f);
	export_w_printf(w, "<tspan font-weight=\"bold\" fill=\"%s\">%s ",
			tone[tone_of(t->score)].ink, symbol(t->score));
	export_w_printf(w, t->score ? "%+d</tspan> " : "%d</tspan> ", t->score);
	snprintf(buf, sizeof buf, "reach %d%%", t->reach);
	export_xml_text(w, buf);
	export_w_puts(w, "</text>\n");
}

static void card(struct export_w *w, const struct layout *L, size_t i, struct box b, double fs)
{
	const struct jh_touchpoint *t = &L->d->touchpoints[L->tp[i]];
	int weak = t->id == L->x->journeys[L->ji].weakest_link;
	double lh = fs * 1.25, pad = fs * 0.5, y = b.y + pad + fs, inner = b.w - 2 * pad;
	int lines = (int)((b.h - 2 * pad) / lh) - (weak ? 1 : 0);
	int namelines = lines >= 5 ? 2 : 1, painlines = lines - namelines - 2;
	struct font name = {fs, 1, C_TEXT, NULL}, small = {fs, 0, C_MUTED, NULL};
	char buf[512], *pain;

	export_w_printf(w, "<g class=\"card\" id=\"card-j%zu-%zu\">\n", L->ji + 1, i + 1);
	rect(w, b, tone[tone_of(t->score)].tint, weak ? C_WEAK : tone[tone_of(t->score)].ink,
	     weak ? 0.9 : 0.3, NULL);
	if (weak) {
		struct font rib = {fs, 1, C_TEXT, NULL};
		rect(w, (struct box){b.x, b.y, b.w, lh + pad}, C_WEAK, NULL, 0,
		     id_of(buf, sizeof buf, "weakest", L));
		snprintf(buf, sizeof buf, "\u26a0 %s", "WEAKEST LINK");
		text_fit(w, b.x + pad, y, &rib, buf, inner);
		y += lh + pad * 0.5;
	}
	if (lines >= 6)
		namelines = 3;
	snprintf(buf, sizeof buf, "%zu. %s", i + 1, export_w_str(t->name));
	y = text_lines(w, b.x + pad, y, &name, buf, inner, namelines);
	if (lines >= 3) {
		snprintf(buf, sizeof buf, "channel: %s", *t->channel ? t->channel : "-");
		text_fit(w, b.x + pad, y, &small, buf, inner);
		y += lh;
	}
	card_score(w, t, b.x + pad, y, fs);
	y += lh;
	pain = pain_list(L->d, t->id);
	if (painlines > 0)
		text_lines(w, b.x + pad, y, &small, pain ? pain : "no pain points", inner,
			   painlines > 5 ? 5 : painlines);
	free(pain);
	export_w_puts(w, "</g>\n");
}

/* Where card i goes: stacked in its stage's column, up to 60 mm high;
 * when a stage has more cards than fit one above the other at CARD_MIN,
 * the column holds them side by side in as few rows as fit. */
static struct box card_box(const struct layout *L, size_t i)
{
	const double gap = 1.5;
	size_t k = L->per_col[L->col[i]], rows = (size_t)((L->cards_h + gap) / (CARD_MIN + gap));
	size_t across, r, c;
	double w, h;

	if (rows < 1)
		rows = 1;
	if (rows > k)
		rows = k;
	across = (k + rows - 1) / rows;
	r = L->slot[i] % rows;
	c = L->slot[i] / rows;
	w = (L->colw - 3.0 - gap * (double)(across - 1)) / (double)across;
	h = (L->cards_h - gap * (double)(rows - 1)) / (double)rows;
	if (h > 60.0)
		h = 60.0;
	return (struct box){L->colx + (double)L->col[i] * L->colw + 1.5 + (double)c * (w + gap),
			    L->cards_y + (double)r * (h + gap), w, h};
}

static void cards(struct export_w *w, const struct layout *L)
{
	for (size_t i = 0; i < L->n; i++) {
		struct box b = card_box(L, i);
		card(w, L, i, b, clamp(b.h / 8.5, 1.3, 4.0));
	}
}

static double curve_py(const struct layout *L, int score)
{
	return L->curve_y + (2.0 - clamp(score, -2, 2)) * L->curve_h / 4.0;
}

static double curve_px(const struct layout *L, size_t i)
{
	return L->colx + (double)L->col[i] * L->colw +
	       L->colw * ((double)L->slot[i] + 0.5) / (double)L->per_col[L->col[i]];
}

static void curve_axis(struct export_w *w, const struct layout *L, double right)
{
	struct font f = {clamp(L->curve_h / 12.0, 1.0, 3.0), 1, NULL, "end"};
	char buf[32];

	for (int s = 2; s >= -2; s--) {
		double y = curve_py(L, s);
		line(w, L->colx, y, right, y, s ? "#dee2e6" : C_MUTED, s ? 0.25 : 0.5);
		f.fill = tone[tone_of(s)].ink;
		snprintf(buf, sizeof buf, s ? "%+d %s" : "%d %s", s, symbol(s));
		text(w, L->colx - 1.5, y + f.size * 0.35, &f, buf);
	}
}

/* The point of touchpoint i with its number, above it (below on the -2
 * line, where there is no room above); the weakest link ringed. */
static void curve_point(struct export_w *w, const struct layout *L, size_t i, double r)
{
	const struct jh_touchpoint *t = &L->d->touchpoints[L->tp[i]];
	double px = curve_px(L, i), py = curve_py(L, t->score);
	struct font num = {r * 1.1, 1, C_TEXT, "middle"};
	char buf[64];

	if (t->id == L->x->journeys[L->ji].weakest_link) {
		export_w_printf(
		    w, "<circle id=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"0.9\"",
		    id_of(buf, sizeof buf, "weakest-point", L), C_WEAK);
		attr(w, "cx", px);
		attr(w, "cy", py);
		attr(w, "r", r + 1.0);
		export_w_puts(w, "/>\n");
	}
	export_w_printf(w, "<circle fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.3\"",
			tone[tone_of(t->score)].ink);
	attr(w, "cx", px);
	attr(w, "cy", py);
	attr(w, "r", r);
	export_w_puts(w, "/>\n");
	snprintf(buf, sizeof buf, "%zu", i + 1);
	text(w, px, t->score <= -2 ? py + r + 0.8 + num.size : py - r - 0.8, &num, buf);
}

/* The to-be curve: a hollow, dashed ring at each target that differs
 * from the score, under the as-is points. */
static void curve_targets(struct export_w *w, const struct layout *L, double r)
{
	for (size_t i = 0; i < L->n; i++) {
		const struct jh_touchpoint *t = &L->d->touchpoints[L->tp[i]];
		int target;
		if (!analysis_target(t, &target) || target == t->score)
			continue;
		export_w_printf(w,
				"<circle class=\"target\" fill=\"none\" stroke=\"%s\" "
				"stroke-width=\"0.5\" stroke-dasharray=\"0.8 0.6\"",
				tone[tone_of(target)].ink);
		attr(w, "cx", curve_px(L, i));
		attr(w, "cy", curve_py(L, target));
		attr(w, "r", r);
		export_w_puts(w, "/>\n");
	}
}

static void curve(struct export_w *w, const struct layout *L, double right)
{
	double r = L->colw * 0.05 < L->curve_h / 10 ? L->colw * 0.05 : L->curve_h / 10;

	r = clamp(r, 0.5, 2.2);
	curve_axis(w, L, right);
	export_w_printf(w,
			"<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"0.6\" "
			"stroke-linejoin=\"round\" points=\"",
			C_LINE);
	for (size_t i = 0; i < L->n; i++) {
		char a[32], b[32];
		export_w_printf(
		    w, "%s%s,%s", i ? " " : "", export_xml_num(curve_px(L, i), a, sizeof a),
		    export_xml_num(curve_py(L, L->d->touchpoints[L->tp[i]].score), b, sizeof b));
	}
	export_w_puts(w, "\"/>\n");
	curve_targets(w, L, r);
	for (size_t i = 0; i < L->n; i++)
		curve_point(w, L, i, r);
}

/* Below the heads (top high): cards over three fifths, then the curve,
 * with room under its -2 line for the numbers of the points there. */
static void layout_room(struct layout *L, struct box b, double top)
{
	double rest;

	L->colx = b.x + GUTTER;
	L->colw = (b.x + b.w - 1.0 - L->colx) / (double)L->ncols;
	L->cards_y = b.y + top + 1.5;
	rest = b.y + b.h - L->cards_y;
	L->cards_h = rest * 0.6;
	L->curve_y = L->cards_y + L->cards_h + clamp(rest * 0.06, 2.0, 6.0);
	L->curve_h = b.y + b.h - 6.0 - L->curve_y;
}

static void empty_band(struct export_w *w, struct box b, const char *msg)
{
	struct font f = {4.0, 0, C_MUTED, "middle"};

	text(w, b.x + b.w / 2, b.y + b.h / 2, &f, msg);
}

static void band(struct export_w *w, const struct jh_data *d, const struct export_facts *x,
		 size_t ji, struct box b)
{
	struct layout L = {d, x, ji, NULL, 0, NULL, 0, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0};
	double hh = clamp(b.h * 0.06, 4.5, 9.0), sh = clamp(b.h * 0.045, 3.5, 6.5);
	char id[64];

	L.tp = analysis_journey_touchpoints(d, d->journeys[ji].id, &L.n);
	layout_columns(&L);
	export_w_printf(w, "<g id=\"%s\">\n", id_of(id, sizeof id, "journey", &L));
	rect(w, b, "#ffffff", C_RULE, 0.4, NULL);
	journey_head(w, &L, b, hh);
	if (!L.ncols) {
		empty_band(w, b, "No touchpoints mapped yet.");
	} else {
		layout_room(&L, b, hh + sh);
		stage_heads(w, &L, (struct box){b.x, b.y + hh, b.w, b.h - hh}, sh);
		cards(w, &L);
		if (L.n)
			curve(w, &L, b.x + b.w - 1.0);
	}
	export_w_puts(w, "</g>\n");
	layout_free(&L);
}

/* ---------------------------------------------------------- the poster */

static void svg_open(struct export_w *w, const char *name, int standalone)
{
	if (standalone)
		export_w_puts(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				 "<svg xmlns=\"http://www.w3.org/2000/svg\" ");
	else
		export_w_puts(w, "<svg ");
	export_w_puts(w, "version=\"1.1\" width=\"420mm\" height=\"297mm\" "
			 "viewBox=\"0 0 420 297\" font-family=\"" FONTS "\" role=\"img\">\n"
			 "<title>");
	export_xml_text(w, name);
	export_w_puts(w, "</title>\n<desc>");
	export_xml_text(w, "Journey map: stages as columns, touchpoints as cards, the "
			   "experience curve of their scores and the weakest link.");
	export_w_puts(w, "</desc>\n");
	rect(w, (struct box){0, 0, PAGE_W, PAGE_H}, "#ffffff", NULL, 0, NULL);
}

void export_svg_map(struct export_w *w, const struct jh_data *d, const struct export_facts *x,
		    int journey, int standalone)
{
	const struct jh_workshop *ws = &d->workshop;
	size_t first = journey >= 0 ? (size_t)journey : 0;
	size_t count = journey >= 0 ? 1 : d->njourneys;
	double h =
	    count ? (PAGE_H - MARGIN - TOP - BAND_GAP * (double)(count - 1)) / (double)count : 0;
	char name[512];

	if (journey >= 0)
		snprintf(name, sizeof name, "%s: %s",
			 ws->title && *ws->title ? ws->title : ws->name, d->journeys[journey].name);
	else
		snprintf(name, sizeof name, "%s", ws->title && *ws->title ? ws->title : ws->name);
	svg_open(w, name, standalone);
	page_head(w, d, x, name);
	if (!count)
		empty_band(w, (struct box){MARGIN, TOP, PAGE_W - 2 * MARGIN, 100},
			   "No journeys mapped yet.");
	for (size_t i = 0; i < count; i++)
		band(
		    w, d, x, first + i,
		    (struct box){MARGIN, TOP + (double)i * (h + BAND_GAP), PAGE_W - 2 * MARGIN, h});
	export_w_puts(w, "</svg>\n");
}

int export_svg(FILE *f, const struct jh_data *d, struct jh_err *err)
{
	struct export_w w;
	struct export_facts x;

	export_w_init(&w, f);
	export_facts_init(&x, d);
	export_svg_map(&w, d, &x, EXPORT_SVG_ALL, 1);
	export_facts_free(&x);
	return export_w_done(&w, err);
}
