/* export_md.c: GitHub-flavoured markdown: the action list, the backlog and
 * the whole-workshop report with Mermaid diagrams.
 *
 * User text is escaped so it renders as itself (export_mdtext.c): markdown
 * punctuation is backslash-escaped, a newline becomes <br> (so a table
 * row or a list item stays one line), control characters become visible
 * symbols.
 * Mermaid labels get their own sanitising: Mermaid has no escapes for
 * the characters that end its tokens, so those are swapped for look-alikes. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "journeyhack/export.h"
#include "journeyhack/export_facts.h"
#include "journeyhack/export_mdtext.h"
#include "journeyhack/export_w.h"
#include "journeyhack/personas.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"

/* Ideas whose test card the backlog spells out. */
#define TOP_IDEAS 5

/* ------------------------------------------------------------ escaping */

/* Inline markdown text: for table cells, list items and headings. */
static void md(struct export_w *w, const char *s)
{
	export_mdtext_inline(w, s);
}

/* Mermaid ends a journey task name at ':' '#' ';' and a line at newline,
 * starts comments with "%%" and '#', and a quadrant label at '"'; it reads
 * '<' as HTML and '`' as a markdown string. Each becomes its full-width
 * twin, which reads the same. Runs of white space become one space. */
static unsigned int mermaid_twin(unsigned int cp)
{
	switch (cp) {
	case ':':
	case ';':
	case '#':
	case '%':
	case '"':
	case '`':
	case '<':
	case '>':
	case '{':
	case '}':
		return cp - 0x20 + 0xFF00;
	default:
		return cp;
	}
}

static int starts_with_word(const char *s, const char *word)
{
	return strncasecmp(s, word, strlen(word)) == 0;
}

static void mermaid(struct export_w *w, const char *s, int journey_token)
{
	static const char *const keywords[] = {"journey",  "title",    "section",
					       "acctitle", "accdescr", "quadrant",
					       "x-axis",   "y-axis",   "classdef"};
	size_t n = strlen(export_w_str(s)), len, bn = 0;
	/* Checked as a whole before it is written. Each input byte gives at
	 * most 4 bytes: a code point (up to 4) takes at least one, a space
	 * stands for at least one skipped. */
	char *b = util_xmalloc(4 * n + sizeof "(untitled)");
	unsigned int cp;
	int space = 0;

	s = export_w_str(s);
	for (size_t i = 0; i < n; i += len) {
		len = text_decode(s + i, n - i, &cp);
		if (cp <= 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029) {
			space = bn > 0;
			continue;
		}
		if (space)
			b[bn++] = ' ';
		space = 0;
		bn += text_encode(b + bn, mermaid_twin(cp));
	}
	if (!bn)
		bn = (size_t)snprintf(b, sizeof "(untitled)", "(untitled)");
	b[bn] = '\0';
	/* A task named "Title of ..." would be read as the diagram's title:
	 * a zero-width space in front keeps it a task and looks the same. */
	for (size_t k = 0; journey_token && k < sizeof keywords / sizeof keywords[0]; k++)
		if (starts_with_word(b, keywords[k])) {
			export_w_cp(w, 0x200B);
			break;
		}
	export_w_write(w, b, bn);
	free(b);
}

/* ----------------------------------------------------------- pieces */

static const char *or_dash(const char *s)
{
	return s && *s ? s : NULL;
}

static void md_or(struct export_w *w, const char *s, const char *none)
{
	if (or_dash(s))
		md(w, s);
	else
		export_w_puts(w, none);
}

static void header(struct export_w *w, const struct jh_data *d, const struct export_facts *x,
		   const char *what)
{
	const struct jh_workshop *ws = &d->workshop;

	export_w_printf(w, "# %s", what);
	md(w, ws->title && *ws->title ? ws->title : ws->name);
	export_w_puts(w, "\n\nWorkshop ");
	md(w, ws->name);
	if (ws->created && *ws->created) {
		export_w_puts(w, ", ");
		md(w, ws->created);
	}
	export_w_printf(w, ". Exported %s.\n", x->today);
}

static void action_item(struct export_w *w, const struct jh_data *d, const struct export_facts *x,
			const struct jh_action *a)
{
	const struct jh_idea *idea = a->idea_id ? model_idea(d, a->idea_id) : NULL;

	export_w_puts(w, util_streq(a->status, "done") ? "- [x] " : "- [ ] ");
	if (analysis_action_overdue(a, x->today))
		export_w_puts(w, "**OVERDUE** ");
	md(w, a->title);
	export_w_puts(w, " — owner: ");
	md_or(w, a->owner, "*unassigned*");
	export_w_puts(w, " — due: ");
	md_or(w, a->due, "*no date*");
	/* Done shows in the box; open is the rest of the list. */
	if (util_streq(a->status, "doing"))
		export_w_puts(w, " — *in progress*");
	if (idea) {
		int rank = x->by_idea[idea - d->ideas]->rank;
		export_w_printf(w, " — idea %lld (rank %d): ", (long long)idea->id, rank);
		md(w, idea->title);
	}
	export_w_putc(w, '\n');
}

static void action_list(struct export_w *w, const struct jh_data *d, const struct export_facts *x)
{
	if (!x->nactions) {
		export_w_puts(w, "No action points yet: turn the top of the backlog into action "
				 "points with an owner and a date.\n");
		return;
	}
	for (size_t i = 0; i < x->nactions; i++)
		action_item(w, d, x, &d->actions[x->actions[i]]);
}

static int count_overdue(const struct jh_data *d, const struct export_facts *x)
{
	int n = 0;

	for (size_t i = 0; i < d->nactions; i++)
		n += analysis_action_overdue(&d->actions[i], x->today);
	return n;
}

static void report_actions(struct export_w *w, const struct jh_data *d,
			   const struct export_facts *x)
{
	int late = count_overdue(d, x);

	header(w, d, x, "Action points: ");
	export_w_printf(w, "\n%zu action point%s", d->nactions, d->nactions == 1 ? "" : "s");
	if (late)
		export_w_printf(w, ", **%d overdue**", late);
	export_w_puts(w, ".\n\n");
	action_list(w, d, x);
}

static void backlog_table(struct export_w *w, const struct jh_data *d, const struct export_facts *x)
{
	char score[32];

	if (!x->nbacklog) {
		export_w_puts(w, "No ideas yet.\n");
		return;
	}
	export_w_printf(w, "Method: %s (score = %s).", analysis_method_name(x->method),
			analysis_method_formula(x->method));
	for (size_t i = 0; i < x->nbacklog; i++)
		if (x->backlog[i].on_weakest_link) {
			export_w_puts(w, " Ideas marked *weakest link* address a pain point on "
					 "the weakest link of a journey.");
			break;
		}
	export_w_puts(w, "\n\n| Rank | Id | Idea | Score | Votes | Impact | Effort | Confidence |\n"
			 "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |\n");
	for (size_t i = 0; i < x->nbacklog; i++) {
		const struct jh_ranked_idea *r = &x->backlog[i];
		const struct jh_idea *idea = &d->ideas[r->index];
		analysis_format_score(x->method, r->score, score, sizeof score);
		export_w_printf(w, "| %d | %lld | ", r->rank, (long long)idea->id);
		md(w, idea->title);
		if (r->on_weakest_link)
			export_w_puts(w, " *weakest link*");
		export_w_printf(w, " | %s | %d | %d | %d | %d |\n", score, r->votes, idea->impact,
				idea->effort, idea->confidence);
	}
}

/* Scores with their sign, except 0, which is "as expected". */
static const char *signed_num(int v, char *buf, size_t size)
{
	snprintf(buf, size, v ? "%+d" : "%d", v);
	return buf;
}

static void card_line(struct export_w *w, const char *label, const char *text)
{
	export_w_printf(w, "- **%s** ", label);
	md_or(w, text, "…");
	export_w_putc(w, '\n');
}

static void test_cards(struct export_w *w, const struct jh_data *d, const struct export_facts *x,
		       const char *level)
{
	for (size_t i = 0; i < x->nbacklog && i < TOP_IDEAS; i++) {
		const struct jh_idea *idea = &d->ideas[x->backlog[i].index];
		export_w_printf(w, "\n%s %d. ", level, x->backlog[i].rank);
		md(w, idea->title);
		export_w_printf(w, " (idea %lld)\n\n", (long long)idea->id);
		if (!or_dash(idea->belief) && !or_dash(idea->experiment) &&
		    !or_dash(idea->metric) && !or_dash(idea->success)) {
			export_w_puts(w, "*No test card yet.*\n");
			continue;
		}
		card_line(w, "We believe that", idea->belief);
		card_line(w, "To verify that, we will", idea->experiment);
		card_line(w, "and measure", idea->metric);
		card_line(w, "We are right if", idea->success);
	}
}

static void report_backlog(struct export_w *w, const struct jh_data *d,
			   const struct export_facts *x)
{
	header(w, d, x, "Backlog: ");
	export_w_putc(w, '\n');
	backlog_table(w, d, x);
	if (x->nbacklog) {
		export_w_printf(w, "\n## Test cards of the top %d\n",
				x->nbacklog < TOP_IDEAS ? (int)x->nbacklog : TOP_IDEAS);
		test_cards(w, d, x, "###");
	}
}

/* ----------------------------------------------------------- report */

static const char *stage_name(const struct jh_data *d, jh_id sid)
{
	const struct jh_stage *s = model_stage(d, sid);

	return s ? s->name : "";
}

/* Experience scores -2..+2 on Mermaid's 1..5 scale: 0 ("as expected")
 * sits in the middle. */
static int mermaid_score(int score)
{
	int v = score + 3;

	return v < 1 ? 1 : v > 5 ? 5 : v;
}

static void journey_diagram(struct export_w *w, const struct jh_data *d, const struct jh_journey *j,
			    const size_t *idx, size_t n)
{
	jh_id section = -1;

	export_w_puts(w, "\n```mermaid\njourney\n    title ");
	mermaid(w, j->name, 0);
	export_w_putc(w, '\n');
	for (size_t i = 0; i < n; i++) {
		const struct jh_touchpoint *t = &d->touchpoints[idx[i]];
		if (t->stage_id != section) {
			section = t->stage_id;
			export_w_puts(w, "    section ");
			mermaid(w,
				or_dash(stage_name(d, t->stage_id)) ? stage_name(d, t->stage_id)
								    : "(no stage)",
				0);
			export_w_putc(w, '\n');
		}
		export_w_puts(w, "      ");
		mermaid(w, t->name, 1);
		export_w_printf(w, ": %d: Customer\n", mermaid_score(t->score));
	}
	export_w_puts(w, "```\n");
}

/* Where effort reaches the most unhappy customers first. */
static void exposure_line(struct export_w *w, const struct jh_data *d, const struct jh_journey *j)
{
	size_t n, *idx = analysis_exposure_rank(d, j->id, &n);

	if (n && analysis_exposure(&d->touchpoints[idx[0]]) > 0) {
		export_w_puts(w, "- **Exposure** (reach x how far below expectations): ");
		for (size_t i = 0; i < n; i++) {
			const struct jh_touchpoint *t = &d->touchpoints[idx[i]];
			if (analysis_exposure(t) <= 0)
				break;
			if (i)
				export_w_puts(w, ", ");
			md(w, t->name);
			export_w_printf(w, " %d", analysis_exposure(t));
		}
		export_w_putc(w, '\n');
	}
	free(idx);
}

/* The to-be against the as-is, where the team set a target above the
 * score; listed only when there is one. */
static void gaps_line(struct export_w *w, const struct jh_data *d, const struct jh_journey *j)
{
	size_t n;
	struct jh_gap *g = analysis_gaps(d, j->id, &n);
	char from[16], to[16];

	if (n)
		export_w_puts(w, "- **Gaps** (target - score; ranked by what the potential can "
				 "close x reach): ");
	for (size_t i = 0; i < n; i++) {
		const struct jh_touchpoint *t = &d->touchpoints[g[i].index];
		int target = 0;
		analysis_target(t, &target);
		if (i)
			export_w_puts(w, ", ");
		md(w, t->name);
		export_w_printf(w, " %s → %s (gap %d, closes %d, weight %d)",
				signed_num(t->score, from, sizeof from),
				signed_num(target, to, sizeof to), g[i].gap, g[i].reachable,
				g[i].weight);
	}
	if (n)
		export_w_putc(w, '\n');
	free(g);
}

static void journey_section(struct export_w *w, const struct jh_data *d,
			    const struct export_facts *x, size_t ji, size_t nth, const char *level)
{
	const struct jh_journey *j = &d->journeys[ji];
	const struct jh_journey_stats *s = &x->journeys[ji];
	const struct jh_touchpoint *weak =
	    s->weakest_link ? model_touchpoint(d, s->weakest_link) : NULL;
	size_t n, *idx = analysis_journey_touchpoints(d, j->id, &n);
	char num[16];
	int nq = 0;

	export_w_printf(w, "\n%s %zu. ", level, nth);
	md(w, j->name);
	export_w_puts(w, "\n\n");
	if (or_dash(j->description)) {
		md(w, j->description);
		export_w_puts(w, "\n\n");
	}
	if (!n) {
		export_w_puts(w, "No touchpoints mapped yet.\n");
		free(idx);
		return;
	}
	export_w_puts(w, "| Stage | Touchpoint | Channel | Owner | Score | Reach | Potential | "
			 "Exposure |\n"
			 "| --- | --- | --- | --- | ---: | ---: | ---: | ---: |\n");
	for (size_t i = 0; i < n; i++) {
		const struct jh_touchpoint *t = &d->touchpoints[idx[i]];
		export_w_puts(w, "| ");
		md(w, stage_name(d, t->stage_id));
		export_w_puts(w, " | ");
		md(w, t->name);
		if (t->id == s->weakest_link)
			export_w_puts(w, " **weakest link**");
		if (analysis_questionable(t)) {
			export_w_puts(w, " *question whether it should exist*");
			nq++;
		}
		export_w_puts(w, " | ");
		md(w, t->channel);
		export_w_puts(w, " | ");
		md(w, t->owner);
		export_w_printf(w, " | %s | %d%% | %d | %d |\n",
				signed_num(t->score, num, sizeof num), t->reach, t->potential,
				analysis_exposure(t));
	}
	export_w_printf(w, "\n- **CX capital:** %s (%d positive, %d neutral, %d negative)",
			signed_num(s->cx_capital, num, sizeof num), s->npositive, s->nneutral,
			s->nnegative);
	if (s->at_risk)
		export_w_puts(w, " — **AT RISK:** the balance is not positive, this customer "
				 "is at risk");
	export_w_puts(w, "\n- **Weakest link:** ");
	if (weak) {
		md(w, weak->name);
		export_w_printf(w, " (touchpoint %lld, score %s, reach %d%%, exposure %d)",
				(long long)weak->id, signed_num(weak->score, num, sizeof num),
				weak->reach, s->weakest_exposure);
		export_w_puts(w, "; the link of highest exposure, ties to the lower score, then "
				 "the higher reach");
	}
	export_w_printf(w, "\n- **Channel hops:** %d\n", s->channel_hops);
	exposure_line(w, d, j);
	gaps_line(w, d, j);
	if (nq) {
		int first = 1;
		export_w_puts(w, "- **Question whether it should exist** (no potential, not "
				 "positive): ");
		for (size_t i = 0; i < n; i++) {
			const struct jh_touchpoint *t = &d->touchpoints[idx[i]];
			if (!analysis_questionable(t))
				continue;
			if (!first)
				export_w_puts(w, ", ");
			first = 0;
			md(w, t->name);
		}
		export_w_putc(w, '\n');
	}
	journey_diagram(w, d, j, idx, n);
	free(idx);
}

static void touchpoint_ref(struct export_w *w, const struct jh_data *d, jh_id tid)
{
	const struct jh_touchpoint *t = tid ? model_touchpoint(d, tid) : NULL;
	const struct jh_journey *j = t ? model_journey(d, t->journey_id) : NULL;

	if (!t) {
		export_w_puts(w, "—");
		return;
	}
	if (j) {
		md(w, j->name);
		export_w_puts(w, ": ");
	}
	md(w, t->name);
}

static void painpoint_table(struct export_w *w, const struct jh_data *d,
			    const struct export_facts *x)
{
	if (!d->npainpoints) {
		export_w_puts(w, "No pain points logged.\n");
		return;
	}
	export_w_puts(w,
		      "| Id | Pain point | Touchpoint | Severity | Frequency | Weight | Status | "
		      "Evidence |\n"
		      "| ---: | --- | --- | ---: | ---: | ---: | --- | --- |\n");
	for (size_t i = 0; i < d->npainpoints; i++) {
		const struct jh_painpoint *p = &d->painpoints[i];
		export_w_printf(w, "| %lld | ", (long long)p->id);
		md(w, p->title);
		if (export_facts_is_weakest(x, d, p->touchpoint_id))
			export_w_puts(w, " *weakest link*");
		export_w_puts(w, " | ");
		touchpoint_ref(w, d, p->touchpoint_id);
		export_w_printf(w, " | %d | %d | %d | ", p->severity, p->frequency,
				p->severity * p->frequency);
		md(w, p->status);
		export_w_puts(w, " | ");
		md(w, p->evidence);
		export_w_puts(w, " |\n");
	}
}

/* Values 1..5 on the chart's 0..1 axis with the quadrant line (between 2
 * and 3) exactly at 0.5; ideas sharing a cell are fanned out towards
 * the centre line so their dots and labels do not cover each other. */
static double axis(int v, int nth)
{
	double p = 0.5 + (v - 2.5) * 0.18;
	double step = 0.04 * (nth % 3);

	return p < 0.5 ? p + step : p - step;
}

static void quadrant_chart(struct export_w *w, const struct jh_data *d,
			   const struct export_facts *x)
{
	int seen[6][6] = {{0}};

	export_w_puts(w, "\n```mermaid\nquadrantChart\n"
			 "    title Impact and effort\n"
			 "    x-axis Low effort --> High effort\n"
			 "    y-axis Low impact --> High impact\n"
			 "    quadrant-1 Big bets\n"
			 "    quadrant-2 Quick wins\n"
			 "    quadrant-3 Fill-ins\n"
			 "    quadrant-4 Money pits\n");
	for (size_t i = 0; i < x->nbacklog; i++) {
		const struct jh_idea *idea = &d->ideas[x->backlog[i].index];
		int im = idea->impact < 1 ? 1 : idea->impact > 5 ? 5 : idea->impact;
		int ef = idea->effort < 1 ? 1 : idea->effort > 5 ? 5 : idea->effort;
		int nth = seen[im][ef]++;
		export_w_printf(w, "    \"%d. ", x->backlog[i].rank);
		mermaid(w, idea->title, 0);
		export_w_printf(w, "\": [%.2f, %.2f]\n", axis(ef, nth), axis(im, nth / 3));
	}
	export_w_puts(w, "```\n");
}

/* The matrix again as text, for renderers without Mermaid. */
static void quadrant_list(struct export_w *w, const struct jh_data *d, const struct export_facts *x)
{
	static const enum jh_quadrant order[4] = {JH_QUICK_WIN, JH_BIG_BET, JH_FILL_IN,
						  JH_MONEY_PIT};

	export_w_puts(w, "\n| Quadrant | Ideas |\n| --- | --- |\n");
	for (int q = 0; q < 4; q++) {
		int first = 1;
		export_w_printf(w, "| %s | ", analysis_quadrant_label(order[q]));
		for (size_t i = 0; i < x->nbacklog; i++) {
			if (x->backlog[i].quadrant != order[q])
				continue;
			export_w_printf(w, "%s%d. ", first ? "" : ", ", x->backlog[i].rank);
			md(w, d->ideas[x->backlog[i].index].title);
			first = 0;
		}
		export_w_puts(w, first ? "— |\n" : " |\n");
	}
}

static void parking_table(struct export_w *w, const struct jh_data *d)
{
	if (!d->nparking) {
		export_w_puts(w, "Nothing parked.\n");
		return;
	}
	export_w_puts(w, "| Id | Question or objection | Answered | Answer |\n"
			 "| ---: | --- | --- | --- |\n");
	for (size_t i = 0; i < d->nparking; i++) {
		const struct jh_parking *p = &d->parking[i];
		export_w_printf(w, "| %lld | ", (long long)p->id);
		md(w, p->text);
		export_w_printf(w, " | %s | ", p->answered ? "yes" : "no");
		md(w, p->answer);
		export_w_puts(w, " |\n");
	}
}

static void team_table(struct export_w *w, const struct jh_data *d)
{
	if (!d->nparticipants) {
		export_w_puts(w, "No participants recorded.\n");
		return;
	}
	export_w_puts(w, "| Name | Department | Role |\n| --- | --- | --- |\n");
	for (size_t i = 0; i < d->nparticipants; i++) {
		const struct jh_participant *p = &d->participants[i];
		export_w_puts(w, "| ");
		md(w, p->name);
		export_w_puts(w, " | ");
		md(w, p->department);
		export_w_puts(w, " | ");
		md(w, p->role);
		export_w_puts(w, " |\n");
	}
}

static void summary(struct export_w *w, const struct jh_data *d, const struct export_facts *x)
{
	int risk = 0, late = count_overdue(d, x);

	for (size_t i = 0; i < d->njourneys; i++)
		risk += x->journeys[i].at_risk;
	export_w_printf(w, "\n## Summary\n\n- Journeys: %zu", d->njourneys);
	if (risk)
		export_w_printf(w, ", **%d at risk**", risk);
	export_w_printf(w, "\n- Pain points: %zu\n- Ideas: %zu (method: %s)\n- Action points: %zu",
			d->npainpoints, d->nideas, analysis_method_name(x->method), d->nactions);
	if (late)
		export_w_printf(w, ", **%d overdue**", late);
	export_w_printf(w, "\n- Parking lot: %zu\n", d->nparking);
}

static void persona_line(struct export_w *w, const char *label, const char *text)
{
	if (!or_dash(text))
		return;
	export_w_printf(w, "- **%s:** ", label);
	md(w, text);
	export_w_putc(w, '\n');
}

/* A group's heading: the persona and what it is after, or "No persona". */
static void persona_heading(struct export_w *w, const struct jh_data *d, const struct jh_journey *j)
{
	const struct jh_persona *p = personas_of(d, j);

	export_w_puts(w, p ? "\n### Persona: " : "\n### ");
	md(w, personas_group_name(d, j));
	export_w_puts(w, "\n");
	if (!p || !(or_dash(p->description) || or_dash(p->goals) || or_dash(p->needs)))
		return;
	export_w_putc(w, '\n');
	persona_line(w, "Description", p->description);
	persona_line(w, "Goals", p->goals);
	persona_line(w, "Needs", p->needs);
}

/* Journeys persona by persona; without personas, as they always were. */
static void journeys_by_persona(struct export_w *w, const struct jh_data *d,
				const struct export_facts *x)
{
	size_t *order = util_xcalloc(d->njourneys + 1, sizeof *order);

	personas_journey_order(d, order);
	for (size_t i = 0; i < d->njourneys; i++) {
		if (personas_group_starts(d, order, i))
			persona_heading(w, d, &d->journeys[order[i]]);
		journey_section(w, d, x, order[i], i + 1, d->npersonas ? "####" : "###");
	}
	free(order);
}

static void report_all(struct export_w *w, const struct jh_data *d, const struct export_facts *x)
{
	header(w, d, x, "");
	if (or_dash(d->workshop.description)) {
		export_w_putc(w, '\n');
		md(w, d->workshop.description);
		export_w_putc(w, '\n');
	}
	summary(w, d, x);
	export_w_puts(w, "\n## Team\n\n");
	team_table(w, d);
	export_w_puts(w, "\n## Journeys\n");
	if (!d->njourneys)
		export_w_puts(w, "\nNo journeys mapped yet.\n");
	journeys_by_persona(w, d, x);
	export_w_puts(w, "\n## Pain points\n\n");
	painpoint_table(w, d, x);
	export_w_puts(w, "\n## Backlog\n\n");
	backlog_table(w, d, x);
	if (x->nbacklog) {
		export_w_puts(w, "\n## Impact and effort\n");
		quadrant_chart(w, d, x);
		quadrant_list(w, d, x);
		export_w_puts(w, "\n## Test cards\n");
		test_cards(w, d, x, "###");
	}
	export_w_puts(w, "\n## Action points\n\n");
	action_list(w, d, x);
	export_w_puts(w, "\n## Parking lot\n\n");
	parking_table(w, d);
}

int export_md(FILE *f, const struct jh_data *d, enum export_report r, struct jh_err *err)
{
	struct export_w w;
	struct export_facts x;

	export_w_init(&w, f);
	export_facts_init(&x, d);
	switch (r) {
	case EXPORT_BACKLOG:
		report_backlog(&w, d, &x);
		break;
	case EXPORT_REPORT:
		report_all(&w, d, &x);
		break;
	case EXPORT_ACTIONS:
	default:
		report_actions(&w, d, &x);
		break;
	}
	export_facts_free(&x);
	return export_w_done(&w, err);
}
