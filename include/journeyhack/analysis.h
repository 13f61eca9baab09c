/* analysis.h: pure functions over a loaded workshop.
 *
 * CX capital, weakest link, exposure, channel hops, prioritisation and
 * ranking. No curses, no SQL: the UI, the command line and every export
 * share these. */
#ifndef JOURNEYHACK_ANALYSIS_H
#define JOURNEYHACK_ANALYSIS_H

#include <stddef.h>

#include "journeyhack/model.h"

struct jh_journey_stats {
	jh_id journey_id;
	int ntouchpoints;
	int cx_capital;	    /* sum of scores */
	int at_risk;	    /* cx_capital <= 0 (an empty journey is not) */
	int channel_hops;   /* consecutive touchpoints whose channels differ */
	jh_id weakest_link; /* touchpoint id, 0 when the journey is empty */
	int npositive, nneutral, nnegative;
	int weakest_exposure; /* analysis_exposure of the weakest link */
};

/* Touchpoints of a journey in journey order (stage position, position,
 * id), as indexes into d->touchpoints. Caller frees. */
size_t *analysis_journey_touchpoints(const struct jh_data *d, jh_id journey_id, size_t *n);

void analysis_journey(const struct jh_data *d, jh_id journey_id, struct jh_journey_stats *out);

/* Capital of a list of scores (the DOMAIN.md arithmetic). */
int analysis_capital(const int *scores, size_t n);

/* Weight of a touchpoint's open pain points: sum of severity x frequency. */
int analysis_pain_weight(const struct jh_data *d, jh_id touchpoint_id);

/* The same for every touchpoint at once, by index into d->touchpoints, in
 * one pass over the pain points. Caller frees. */
int *analysis_pain_weights(const struct jh_data *d);

/* reach x max(0, -score): how many customers a touchpoint lets down, and
 * how badly. The weakest link is the touchpoint of highest exposure; ties
 * (and a journey with nothing below expectations, where every exposure
 * is 0) go to the lower score, then the higher reach, then the heavier
 * open pain, then the lower id. */
int analysis_exposure(const struct jh_touchpoint *t);

/* "Question whether it should exist": potential 0 and score <= 0. */
int analysis_questionable(const struct jh_touchpoint *t);

/* A journey's touchpoints ranked as links of the chain, weakest first
 * (the weakest link's rule above), as indexes into d->touchpoints.
 * Caller frees. */
size_t *analysis_exposure_rank(const struct jh_data *d, jh_id journey_id, size_t *n);

enum jh_method {
#define METHOD(id, name, formula) JH_METHOD_##id,
#include "journeyhack/methods.def"
#undef METHOD
	JH_NMETHODS
};

/* Parse "impact-effort" | "ice" | "rice" | "votes"; -1 when unknown. */
int analysis_method_parse(const char *name);
const char *analysis_method_name(enum jh_method m);

enum jh_quadrant { JH_QUICK_WIN, JH_BIG_BET, JH_FILL_IN, JH_MONEY_PIT };

enum jh_quadrant analysis_quadrant(int impact, int effort);
/* "quick-win" "big-bet" "fill-in" "money-pit" */
const char *analysis_quadrant_name(enum jh_quadrant q);
/* "Quick wins" ... for headings */
const char *analysis_quadrant_label(enum jh_quadrant q);

/* The method's score of one idea (votes: its dots). */
double analysis_idea_score(enum jh_method m, const struct jh_idea *idea, int votes);

struct jh_ranked_idea {
	size_t index; /* into d->ideas */
	int rank;     /* 1-based */
	double score;
	int votes;
	enum jh_quadrant quadrant;
	int on_weakest_link; /* addresses a pain point on some journey's weakest link */
};

/* The backlog: every idea ranked by the workshop's method (score desc,
 * then votes desc, then id asc). Caller frees. */
struct jh_ranked_idea *analysis_backlog(const struct jh_data *d, size_t *n);

/* Score formatted for tables ("2.00", "36", ...). */
void analysis_format_score(enum jh_method m, double score, char *buf, size_t size);

/* ---- additions (issue 4) ---- */

/* The workshop's method; an unknown name counts as impact-effort. */
enum jh_method analysis_workshop_method(const struct jh_data *d);

/* "impact / effort", ... for legends. */
const char *analysis_method_formula(enum jh_method m);

/* The weakest link of every non-empty journey, in journey order.
 * Caller frees. */
jh_id *analysis_weakest_links(const struct jh_data *d, size_t *n);

/* Does the idea address a pain point on one of links[]? */
int analysis_idea_on_weakest_link(const struct jh_data *d, const struct jh_idea *idea,
				  const jh_id *links, size_t nlinks);

/* Rank of an idea in a backlog from analysis_backlog; 0 when absent. */
int analysis_idea_rank(const struct jh_ranked_idea *backlog, size_t n, const struct jh_data *d,
		       jh_id idea_id);

/* Due before today (YYYY-MM-DD, see util_today) and not done. */
int analysis_action_overdue(const struct jh_action *a, const char *today);

/* Actions in export order: by the rank of their idea (actions without a
 * ranked idea last), then due date (undated last), then id; as indexes
 * into d->actions. Caller frees. */
size_t *analysis_actions_ordered(const struct jh_data *d, const struct jh_ranked_idea *backlog,
				 size_t nbacklog, size_t *n);

/* ---- as-is and to-be (issue 14) ---- */

/* The touchpoint's to-be score in *target; 0 when none is set (then
 * *target is left alone). */
int analysis_target(const struct jh_touchpoint *t, int *target);

/* A gap between the as-is score and the to-be one. Only a target above
 * the score is a gap: one at or below it asks nothing of the team. */
struct jh_gap {
	size_t index;  /* into d->touchpoints */
	int gap;       /* target - score, 1..4 */
	int reachable; /* min(gap, potential): what the touchpoint can close */
	int weight;    /* reachable x reach: customers moved, and how far */
};

/* The gaps of a journey (0: of every journey), largest weight first;
 * ties go to the larger gap, then the lower score, then the higher reach,
 * then the lower id. A gap beyond the potential keeps its place by what
 * it can close, so a target out of reach sinks rather than leads. Caller
 * frees. */
struct jh_gap *analysis_gaps(const struct jh_data *d, jh_id journey_id, size_t *n);

/* ---- every journey at once (issue 12) ---- */

/* analysis_journey of every journey of d, into out[i] for d->journeys[i]:
 * the touchpoints sorted by journey once and the pain weights computed
 * once, where a call per journey scans every touchpoint each time. */
void analysis_journeys(const struct jh_data *d, struct jh_journey_stats *out);

#endif
