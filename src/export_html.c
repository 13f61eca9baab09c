/* export_html.c: the workshop report as one self-contained HTML page.
 *
 * The page needs nothing from the network: the style sheet is inline and
 * each journey's map is the SVG element itself (export_svg.c), so it
 * opens the same from a mail attachment, a file share or a USB stick.
 * The numbers come from export_facts, as in every other export. Every
 * piece of user text goes through export_xml_text, which makes markup
 * characters entities: nothing a participant typed can become a tag. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/analysis.h"
#include "journeyhack/export.h"
#include "journeyhack/export_facts.h"
#include "journeyhack/export_svg.h"
#include "journeyhack/export_xml.h"
#include "journeyhack/personas.h"
#include "journeyhack/util.h"

/* Maps print on A3 landscape pages of their own, the tables on A4. */
static const char style[] =
    "body{font-family:'DejaVu Sans','Noto Sans','Liberation Sans','Segoe UI',Arial,sans-serif;"
    "color:#212529;margin:2em auto;max-width:80em;padding:0 1em;line-height:1.4}\n"
    "table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}\n"
    "th,td{border:1px solid #ced4da;padding:.25em .5em;text-align:left;vertical-align:top;"
    "white-space:pre-line}\n"
    "th{background:#f1f3f5}td.n{text-align:right;white-space:nowrap}\n"
    ".neg{color:#c92a2a;font-weight:bold}.pos{color:#2b8a3e;font-weight:bold}"
    ".neu{color:#868e96;font-weight:bold}\n"
    ".weak{background:#fff3bf}.flag{font-weight:bold;color:#c92a2a}\n"
    "figure.map{margin:1em 0}figure.map svg{width:100%;height:auto;border:1px solid #ced4da}\n"
    "@page{size:A4;margin:15mm}@page map{size:A3 landscape;margin:6mm}\n"
    "@media print{body{margin:0;max-width:none}figure.map{page:map;break-inside:avoid;"
    "margin:0}figure.map svg{border:0;width:100%;height:auto;max-height:280mm}"
    "tr,figure{break-inside:avoid}h2{break-after:avoid}}\n";

static void esc(struct export_w *w, const char *s)
{
	export_xml_text(w, s);
}

static void esc_or(struct export_w *w, const char *s, const char *none)
{
	esc(w, s && *s ? s : none);
}

/* A score with its symbol: doubled for -2 and +2; a capital, which
 * has no scale, gets a single one. */
static void score_cell(struct export_w *w, int score, int capital)
{
	static const char *const sym[5] = {"\u25bc\u25bc", "\u25bc", "=", "\u25b2", "\u25b2\u25b2"};
	int k = score < -2 ? 0 : score > 2 ? 4 : score + 2;

	if (capital)
		k = score < 0 ? 1 : score > 0 ? 3 : 2;

	export_w_printf(w, "<td class=\"n %s\">%s ",
			score < 0   ? "neg"
			: score > 0 ? "pos"
				    : "neu",
			sym[k]);
	export_w_printf(w, score ? "%+d</td>" : "%d</td>", score);
}

static void th_row(struct export_w *w, const char *const *heads)
{
	export_w_puts(w, "<table>\n<thead><tr>");
	for (; *heads; heads++) {
		export_w_puts(w, "<th>");
		esc(w, *heads);
		export_w_puts(w, "</th>");
	}
	export_w_puts(w, "</tr></thead>\n<tbody>\n");
}

static void td(struct export_w *w, const char *s)
{
	export_w_puts(w, "<td>");
	esc(w, s);
	export_w_puts(w, "</td>");
}

static void td_int(struct export_w *w, long long v, const char *suffix)
{
	export_w_printf(w, "<td class=\"n\">%lld%s</td>", v, suffix);
}

static void h2(struct export_w *w, const char *id, const char *title)
{
	export_w_printf(w, "\n<section id=\"%s\">\n<h2>", id);
	esc(w, title);
	export_w_puts(w, "</h2>\n");
}

static void para(struct export_w *w, const char *s)
{
	export_w_puts(w, "<p>");
	esc(w, s);
	export_w_puts(w, "</p>\n");
}

/* ------------------------------------------------------------ sections */

static int count_overdue(const struct jh_data *d, const struct export_facts *x)
{
	int n = 0;

	for (size_t i = 0; i < d->nactions; i++)
		n += analysis_action_overdue(&d->actions[i], x->today);
	return n;
}

static void summary(struct export_w *w, const struct jh_data *d, const struct export_facts *x)
{
	int risk = 0;
	char buf[256];

	for (size_t i = 0; i < d->njourneys; i++)
		risk += x->journeys[i].at_risk;
	h2(w, "summary", "Summary");
	export_w_puts(w, "<ul>\n<li>");
	snprintf(buf, sizeof buf, "Journeys: %zu, %d at risk", d->njourneys, risk);
	esc(w, buf);
	export_w_puts(w, "</li>\n<li>");
	snprintf(buf, sizeof buf, "Pain points: %zu", d->npainpoints);
	esc(w, buf);
	export_w_puts(w, "</li>\n<li>");
	snprintf(buf, sizeof buf, "Ideas: %zu (method: %s, score = %s)", d->nideas,
		 analysis_method_name(x->method), analysis_method_formula(x->method));
	esc(w, buf);
	export_w_puts(w, "</li>\n<li>");
	snprintf(buf, sizeof buf, "Action points: %zu, %d overdue", d->nactions,
		 count_overdue(d, x));
	esc(w, buf);
	export_w_puts(w, "</li>\n<li>");
	snprintf(buf, sizeof buf, "Parking lot: %zu", d->nparking);
	esc(w, buf);
	export_w_puts(w, "</li>\n</ul>\n</section>\n");
}

static void team(struct export_w *w, const struct jh_data *d)
{
	static const char *const heads[] = {"Name", "Department", "Role", NULL};

	h2(w, "team", "Team");
	if (!d->nparticipants)
		para(w, "No participants recorded.");
	else
		th_row(w, heads);
	for (size_t i = 0; i < d->nparticipants; i++) {
		export_w_puts(w, "<tr>");
		td(w, d->participants[i].name);
		td(w, d->participants[i].department);
		td(w, d->participants[i].role);
		export_w_puts(w, "</tr>\n");
	}
	export_w_puts(w, d->nparticipants ? "</tbody></table>\n</section>\n" : "</section>\n");
}

static void journey_row(struct export_w *w, const struct jh_data *d, const struct export_facts *x,
			size_t i, size_t nth)
{
	const struct jh_journey_stats *s = &x->journeys[i];
	const struct jh_touchpoint *weak =
	    s->weakest_link ? model_touchpoint(d, s->weakest_link) : NULL;

	export_w_printf(w, "<tr><td class=\"n\">%zu</td>", nth);
	td(w, d->journeys[i].name);
	td_int(w, s->ntouchpoints, "");
	score_cell(w, s->cx_capital, 1);
	export_w_printf(w, "<td class=\"n\">%d \u25b2 %d = %d \u25bc</td>", s->npositive,
			s->nneutral, s->nnegative);
	td_int(w, s->channel_hops, "");
	export_w_puts(w, weak ? "<td class=\"weak\">\u26a0 " : "<td>");
	esc_or(w, weak ? weak->name : NULL, "-");
	export_w_puts(w, "</td><td>");
	if (s->at_risk) {
		export_w_puts(w, "<span class=\"flag\">\u25bc ");
		esc(w, "AT RISK");
		export_w_puts(w, "</span>");
	}
	export_w_puts(w, "</td></tr>\n");
}

static void journey_table(struct export_w *w, const struct jh_data *d, const struct export_facts *x,
			  const size_t *order)
{
	static const char *const heads[] = {"#",
					    "Journey",
					    "Touchpoints",
					    "CX capital",
					    "\u25b2 = \u25bc",
					    "Channel hops",
					    "Weakest link",
					    "Risk",
					    NULL};

	th_row(w, heads);
	for (size_t i = 0; i < d->njourneys; i++)
		journey_row(w, d, x, order[i], i + 1);
	export_w_puts(w, "</tbody></table>\n");
}

static void touchpoint_rows(struct export_w *w, const struct jh_data *d,
			    const struct export_facts *x, size_t ji)
{
	static const char *const heads[] = {"#",     "Stage", "Touchpoint", "Channel",	"Owner",
					    "Score", "Reach", "Potential",  "Exposure", NULL};
	size_t n, *idx = analysis_journey_touchpoints(d, d->journeys[ji].id, &n);

	if (n)
		th_row(w, heads);
	for (size_t i = 0; i < n; i++) {
		const struct jh_touchpoint *t = &d->touchpoints[idx[i]];
		const struct jh_stage *s = model_stage(d, t->stage_id);
		int weak = t->id == x->journeys[ji].weakest_link;
		export_w_printf(w, "<tr%s><td class=\"n\">%zu</td>", weak ? " class=\"weak\"" : "",
				i + 1);
		td(w, s ? s->name : "");
		export_w_puts(w, "<td>");
		esc(w, t->name);
		if (weak) {
			export_w_puts(w, " <strong>\u26a0 ");
			esc(w, "weakest link");
			export_w_puts(w, "</strong>");
		}
		export_w_puts(w, "</td>");
		td(w, t->channel);
		td(w, t->owner);
		score_cell(w, t->score, 0);
		td_int(w, t->reach, "%");
		td_int(w, t->potential, "");
		td_int(w, analysis_exposure(t), "");
		export_w_puts(w, "</tr>\n");
	}
	if (n)
		export_w_puts(w, "</tbody></table>\n");
	free(idx);
}

static void journeys(struct export_w *w, const struct jh_data *d, const struct export_facts *x)
{
	const char *level = d->npersonas ? "h4" : "h3";
	size_t *order;

	h2(w, "journeys", "Journeys");
	if (!d->njourneys) {
		para(w, "No journeys mapped yet.");
		export_w_puts(w, "</section>\n");
		return;
	}
	order = util_xcalloc(d->njourneys, sizeof *order);
	personas_journey_order(d, order);
	journey_table(w, d, x, order);
	for (size_t k = 0; k < d->njourneys; k++) {
		size_t i = order[k];
		/* Grouped: the persona is the heading, its journeys under it. */
		if (personas_group_starts(d, order, k)) {
			export_w_puts(w, "<h3 class=\"persona\">");
			esc(w, personas_of(d, &d->journeys[i]) ? "Persona: " : "");
			esc(w, personas_group_name(d, &d->journeys[i]));
			export_w_puts(w, "</h3>\n");
		}
		export_w_printf(w, "<section id=\"journey-%zu\">\n<%s>%zu. ", i + 1, level, k + 1);
		esc(w, d->journeys[i].name);
		export_w_printf(w, "</%s>\n", level);
		if (*d->journeys[i].description)
			para(w, d->journeys[i].description);
		export_w_puts(w, "<figure class=\"map\">\n");
		export_svg_map(w, d, x, (int)i, 0);
		export_w_puts(w, "</figure>\n");
		touchpoint_rows(w, d, x, i);
		export_w_puts(w, "</section>\n");
	}
	free(order);
	export_w_puts(w, "</section>\n");
}

static void touchpoint_ref(struct export_w *w, const struct jh_data *d, jh_id tid)
{
	const struct jh_touchpoint *t = tid ? model_touchpoint(d, tid) : NULL;
	const struct jh_journey *j = t ? model_journey(d, t->journey_id) : NULL;

	export_w_puts(w, "<td>");
	if (j) {
		esc(w, j->name);
		export_w_puts(w, ": ");
	}
	esc_or(w, t ? t->name : NULL, "-");
	export_w_puts(w, "</td>");
}

static void painpoints(struct export_w *w, const struct jh_data *d, const struct export_facts *x)
{
	static const char *const heads[] = {"Id",	"Pain point", "Touchpoint",
					    "Severity", "Frequency",  "Weight",
					    "Status",	"Evidence",   NULL};

	h2(w, "painpoints", "Pain points");
	if (!d->npainpoints) {
		para(w, "No pain points logged.");
		export_w_puts(w, "</section>\n");
		return;
	}
	th_row(w, heads);
	for (size_t i = 0; i < d->npainpoints; i++) {
		const struct jh_painpoint *p = &d->painpoints[i];
		int weak = export_facts_is_weakest(x, d, p->touchpoint_id);
		export_w_printf(w, "<tr%s><td class=\"n\">%lld</td><td>",
				weak ? " class=\"weak\"" : "", (long long)p->id);
		esc(w, p->title);
		if (weak) {
			export_w_puts(w, " <strong>\u26a0 ");
			esc(w, "weakest link");
			export_w_puts(w, "</strong>");
		}
		export_w_puts(w, "</td>");
		touchpoint_ref(w, d, p->touchpoint_id);
		td_int(w, p->severity, "");
		td_int(w, p->frequency, "");
		td_int(w, (long long)p->severity * p->frequency, "");
		td(w, p->status);
		td(w, p->evidence);
		export_w_puts(w, "</tr>\n");
	}
	export_w_puts(w, "</tbody></table>\n</section>\n");
}

static void ideas(struct export_w *w, const struct jh_data *d, const struct export_facts *x)
{
	static const char *const heads[] = {"Rank",   "Id",	"Idea",	      "Score",	  "Votes",
					    "Impact", "Effort", "Confidence", "Quadrant", NULL};
	char score[32], line[256];

	h2(w, "backlog", "Ideas ranked");
	if (!x->nbacklog) {
		para(w, "No ideas yet.");
		export_w_puts(w, "</section>\n");
		return;
	}
	snprintf(line, sizeof line, "Method: %s (score = %s).", analysis_method_name(x->method),
		 analysis_method_formula(x->method));
	para(w, line);
	th_row(w, heads);
	for (size_t i = 0; i < x->nbacklog; i++) {
		const struct jh_ranked_idea *r = &x->backlog[i];
		const struct jh_idea *idea = &d->ideas[r->index];
		analysis_format_score(x->method, r->score, score, sizeof score);
		export_w_printf(w, "<tr%s><td class=\"n\">%d</td><td class=\"n\">%lld</td><td>",
				r->on_weakest_link ? " class=\"weak\"" : "", r->rank,
				(long long)idea->id);
		esc(w, idea->title);
		if (r->on_weakest_link) {
			export_w_puts(w, " <strong>\u26a0 ");
			esc(w, "weakest link");
			export_w_puts(w, "</strong>");
		}
		export_w_printf(w, "</td><td class=\"n\">%s</td>", score);
		td_int(w, r->votes, "");
		td_int(w, idea->impact, "");
		td_int(w, idea->effort, "");
		td_int(w, idea->confidence, "");
		td(w, analysis_quadrant_label(r->quadrant));
		export_w_puts(w, "</tr>\n");
	}
	export_w_puts(w, "</tbody></table>\n</section>\n");
}

static void action_row(struct export_w *w, const struct jh_data *d, const struct export_facts *x,
		       const struct jh_action *a)
{
	const struct jh_idea *idea = a->idea_id ? model_idea(d, a->idea_id) : NULL;
	int late = analysis_action_overdue(a, x->today);

	export_w_printf(w, "<tr><td class=\"n\">%lld</td>", (long long)a->id);
	td(w, a->title);
	export_w_puts(w, "<td>");
	esc_or(w, a->owner, "unassigned");
	export_w_puts(w, late ? "</td><td class=\"flag\">" : "</td><td>");
	esc_or(w, a->due, "no date");
	if (late) {
		export_w_puts(w, " \u25bc ");
		esc(w, "OVERDUE");
	}
	export_w_puts(w, "</td>");
	td(w, a->status);
	export_w_puts(w, "<td>");
	if (idea) {
		export_w_printf(w, "%d. ", x->by_idea[idea - d->ideas]->rank);
		esc(w, idea->title);
	}
	export_w_puts(w, "</td></tr>\n");
}

static void actions(struct export_w *w, const struct jh_data *d, const struct export_facts *x)
{
	static const char *const heads[] = {"Id",     "Action point", "Owner", "Due",
					    "Status", "Idea (rank)",  NULL};

	h2(w, "actions", "Action points");
	if (!x->nactions) {
		para(w, "No action points yet.");
		export_w_puts(w, "</section>\n");
		return;
	}
	th_row(w, heads);
	for (size_t i = 0; i < x->nactions; i++)
		action_row(w, d, x, &d->actions[x->actions[i]]);
	export_w_puts(w, "</tbody></table>\n</section>\n");
}

static void parking(struct export_w *w, const struct jh_data *d)
{
	static const char *const heads[] = {"Id", "Question or objection", "Answered", "Answer",
					    NULL};

	h2(w, "parking", "Parking lot");
	if (!d->nparking) {
		para(w, "Nothing parked.");
		export_w_puts(w, "</section>\n");
		return;
	}
	th_row(w, heads);
	for (size_t i = 0; i < d->nparking; i++) {
		const struct jh_parking *p = &d->parking[i];
		export_w_printf(w, "<tr><td class=\"n\">%lld</td>", (long long)p->id);
		td(w, p->text);
		td(w, p->answered ? "yes" : "no");
		td(w, p->answer);
		export_w_puts(w, "</tr>\n");
	}
	export_w_puts(w, "</tbody></table>\n</section>\n");
}

/* ---------------------------------------------------------- the page */

static void head(struct export_w *w, const struct jh_data *d, const struct export_facts *x)
{
	const struct jh_workshop *ws = &d->workshop;
	const char *title = ws->title && *ws->title ? ws->title : ws->name;
	char buf[512];

	/* The report's own words stay English in every locale, so that a
	 * file passed around reads the same whoever exported it. */
	export_w_puts(w,
		      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		      "<meta name=\"generator\" content=\"journeyhack\">\n<title>");
	esc(w, title);
	export_w_printf(w, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", style);
	esc(w, title);
	export_w_puts(w, "</h1>\n");
	snprintf(buf, sizeof buf, "Workshop %s, created %s. Exported %s.", export_w_str(ws->name),
		 ws->created && *ws->created ? ws->created : "-", x->today);
	para(w, buf);
	if (*ws->description)
		para(w, ws->description);
	export_w_puts(w, "</header>\n<main>");
}

int export_html(FILE *f, const struct jh_data *d, struct jh_err *err)
{
	struct export_w w;
	struct export_facts x;

	export_w_init(&w, f);
	export_facts_init(&x, d);
	head(&w, d, &x);
	summary(&w, d, &x);
	team(&w, d);
	journeys(&w, d, &x);
	painpoints(&w, d, &x);
	ideas(&w, d, &x);
	actions(&w, d, &x);
	parking(&w, d);
	export_w_puts(&w, "</main>\n</body>\n</html>\n");
	export_facts_free(&x);
	return export_w_done(&w, err);
}
