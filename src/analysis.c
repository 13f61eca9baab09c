/* analysis.c: CX capital, weakest link, exposure, channel hops and the
 * ranked backlog, as pure functions over a loaded workshop.
 *
 * Every listing the team sees (journey map, report, exports) asks these
 * functions, so a tie is always broken the same way everywhere. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "journeyhack/analysis.h"
#include "journeyhack/i18n.h"
#include "journeyhack/session.h"
#include "journeyhack/util.h"

/* Indexes into the workshop's arrays, ordered by a comparison of two
 * indexes; util_sort keeps ties in a deterministic order. */
typedef int (*idx_cmp)(const void *ctx, size_t a, size_t b);

struct idx_sort {
	idx_cmp cmp;
	const void *ctx;
};

static int by_index(const void *ctx, const void *a, const void *b)
{
	const struct idx_sort *s = ctx;

	return s->cmp(s->ctx, *(const size_t *)a, *(const size_t *)b);
}

static void sort_indexes(size_t *a, size_t n, idx_cmp cmp, const void *ctx)
{
	struct idx_sort s = {cmp, ctx};

	util_sort(a, n, sizeof *a, by_index, &s);
}

static int cmp_i64(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

/* ------------------------------------------------------------- journeys */

struct tp_order {
	const struct jh_data *d;
	const int *stage_pos; /* per touchpoint index */
};

static int cmp_journey_order(const void *ctx, size_t a, size_t b)
{
	const struct tp_order *o = ctx;
	const struct jh_touchpoint *x = &o->d->touchpoints[a], *y = &o->d->touchpoints[b];
	int c = cmp_i64(o->stage_pos[a], o->stage_pos[b]);

	if (!c)
		c = cmp_i64(x->stage_id, y->stage_id);
	if (!c)
		c = cmp_i64(x->position, y->position);
	return c ? c : cmp_i64(x->id, y->id);
}

size_t *analysis_journey_touchpoints(const struct jh_data *d, jh_id journey_id, size_t *n)
{
	size_t *idx = util_xmalloc(d->ntouchpoints * sizeof *idx);
	int *stage_pos = util_xcalloc(d->ntouchpoints, sizeof *stage_pos);
	struct tp_order o = {d, stage_pos};
	size_t k = 0;

	for (size_t i = 0; i < d->ntouchpoints; i++) {
		const struct jh_stage *s;
		if (d->touchpoints[i].journey_id != journey_id)
			continue;
		/* A touchpoint whose stage is missing still belongs to the
		 * journey: it goes last rather than vanishing. */
		s = model_stage(d, d->touchpoints[i].stage_id);
		stage_pos[i] = s ? s->position : 0x7fffffff;
		idx[k++] = i;
	}
	sort_indexes(idx, k, cmp_journey_order, &o);
	free(stage_pos);
	*n = k;
	return idx;
}

/* Weights add up in 64 bits and stop at INT_MAX: the store refuses
 * values out of range, but these functions also take data built in
 * memory, and an int product or sum must never overflow. */
static int capped(long long v)
{
	return v > INT_MAX ? INT_MAX : v < INT_MIN ? INT_MIN : (int)v;
}

int analysis_capital(const int *scores, size_t n)
{
	long long sum = 0;

	for (size_t i = 0; i < n; i++)
		sum = capped(sum + scores[i]);
	return (int)sum;
}

/* What a pain point weighs on its touchpoint: only open pain counts. */
static int open_weight(const struct jh_painpoint *p)
{
	return util_streq(p->status, "open") ? capped((long long)p->severity * p->frequency) : 0;
}

int analysis_pain_weight(const struct jh_data *d, jh_id touchpoint_id)
{
	long long w = 0;

	for (size_t i = 0; touchpoint_id && i < d->npainpoints; i++)
		if (d->painpoints[i].touchpoint_id == touchpoint_id)
			w = capped(w + open_weight(&d->painpoints[i]));
	return (int)w;
}

int analysis_exposure(const struct jh_touchpoint *t)
{
	return t->score < 0 ? capped((long long)t->reach * -(long long)t->score) : 0;
}

int analysis_questionable(const struct jh_touchpoint *t)
{
	return t->potential == 0 && t->score <= 0;
}

/* Open pain weight of every touchpoint (by index into d->touchpoints),
 * in one pass over the pain points: asking analysis_pain_weight per
 * touchpoint would scan them all each time. */
struct tp_key {
	jh_id id;
	size_t index;
};

static int cmp_tp_key(const void *a, const void *b)
{
	const struct tp_key *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

int *analysis_pain_weights(const struct jh_data *d)
{
	int *w = util_xcalloc(d->ntouchpoints, sizeof *w);
	struct tp_key *keys = util_xmalloc(d->ntouchpoints * sizeof *keys);

	for (size_t i = 0; i < d->ntouchpoints; i++) {
		keys[i].id = d->touchpoints[i].id;
		keys[i].index = i;
	}
	qsort(keys, d->ntouchpoints, sizeof *keys, cmp_tp_key);
	for (size_t i = 0; i < d->npainpoints; i++) {
		const struct jh_painpoint *p = &d->painpoints[i];
		struct tp_key k = {p->touchpoint_id, 0}, *hit;
		uint64_t guess =
		    (uint64_t)p->touchpoint_id - (uint64_t)(d->ntouchpoints ? keys[0].id : 0);
		if (!p->touchpoint_id)
			continue;
		/* Dense ids: the key at the id's distance from the first. */
		if (guess < d->ntouchpoints && keys[guess].id == p->touchpoint_id)
			hit = &keys[guess];
		else
			hit = bsearch(&k, keys, d->ntouchpoints, sizeof *keys, cmp_tp_key);
		if (hit)
			w[hit->index] = capped((long long)w[hit->index] + open_weight(p));
	}
	free(keys);
	return w;
}

/* Is a weaker than b as a link of the chain? A link weighs by how many
 * customers it lets down (exposure: reach x how far below expectations),
 * so a -1 passed by 60 % outranks a -2 passed by 20 %. Equal exposure
 * (always the case when nothing is below expectations: all 0) falls back
 * to lower score, then higher reach, then heavier open pain, then lower
 * id. The weights are computed only when a tie needs them. */
static int weaker(const struct jh_data *d, size_t a_idx, size_t b_idx, int **weights)
{
	const struct jh_touchpoint *a = &d->touchpoints[a_idx], *b = &d->touchpoints[b_idx];
	int ea = analysis_exposure(a), eb = analysis_exposure(b);
	int pa, pb;

	if (ea != eb)
		return ea > eb;
	if (a->score != b->score)
		return a->score < b->score;
	if (a->reach != b->reach)
		return a->reach > b->reach;
	if (!*weights)
		*weights = analysis_pain_weights(d);
	pa = (*weights)[a_idx];
	pb = (*weights)[b_idx];
	if (pa != pb)
		return pa > pb;
	return a->id < b->id;
}

/* An unset channel is unknown, not a channel of its own: it neither
 * starts nor ends a hop. Case is ignored ("Web" and "web" are one). */
static int count_hops(const struct jh_data *d, const size_t *idx, size_t n)
{
	const char *prev = NULL;
	int hops = 0;

	for (size_t i = 0; i < n; i++) {
		const char *ch = d->touchpoints[idx[i]].channel;
		if (!ch || !*ch)
			continue;
		if (prev && strcasecmp(prev, ch) != 0)
			hops++;
		prev = ch;
	}
	return hops;
}

/* The figures of one journey from its touchpoints in journey order. */
static void stats_of(const struct jh_data *d, jh_id journey_id, const size_t *idx, size_t n,
		     struct jh_journey_stats *out, int **weights)
{
	const struct jh_touchpoint *weakest = NULL;
	size_t weakest_idx = 0;

	memset(out, 0, sizeof *out);
	out->journey_id = journey_id;
	out->ntouchpoints = (int)n;
	for (size_t i = 0; i < n; i++) {
		const struct jh_touchpoint *t = &d->touchpoints[idx[i]];
		out->cx_capital += t->score;
		if (t->score > 0)
			out->npositive++;
		else if (t->score < 0)
			out->nnegative++;
		else
			out->nneutral++;
		if (!weakest || weaker(d, idx[i], weakest_idx, weights)) {
			weakest = t;
			weakest_idx = idx[i];
		}
	}
	/* A journey with nothing mapped yet has no balance to be alarmed
	 * about; the alarm is for a mapped journey that does not pay off. */
	out->at_risk = n > 0 && out->cx_capital <= 0;
	out->channel_hops = count_hops(d, idx, n);
	out->weakest_link = weakest ? weakest->id : 0;
	out->weakest_exposure = weakest ? analysis_exposure(weakest) : 0;
}

static void journey_stats(const struct jh_data *d, jh_id journey_id, struct jh_journey_stats *out,
			  int **weights)
{
	size_t n, *idx = analysis_journey_touchpoints(d, journey_id, &n);

	stats_of(d, journey_id, idx, n, out, weights);
	free(idx);
}

void analysis_journey(const struct jh_data *d, jh_id journey_id, struct jh_journey_stats *out)
{
	int *weights = NULL;

	journey_stats(d, journey_id, out, &weights);
	free(weights);
}

struct rank_ctx {
	const struct jh_data *d;
	int *weights;
};

/* The chain's order, weakest first: the same rule as the weakest link. */
static int cmp_exposure(const void *ctx, size_t a, size_t b)
{
	const struct rank_ctx *c = ctx;
	int *w = c->weights; /* computed up front: weaker() never replaces it */

	if (a == b)
		return 0;
	return weaker(c->d, a, b, &w) ? -1 : 1;
}

size_t *analysis_exposure_rank(const struct jh_data *d, jh_id journey_id, size_t *n)
{
	size_t *idx = analysis_journey_touchpoints(d, journey_id, n);
	struct rank_ctx c = {d, analysis_pain_weights(d)};

	sort_indexes(idx, *n, cmp_exposure, &c);
	free(c.weights);
	return idx;
}

/* ------------------------------------------------------- prioritisation */

static const struct {
	const char *name, *formula;
} methods[JH_NMETHODS] = {
#define METHOD(id, name, formula) [JH_METHOD_##id] = {name, formula},
#include "journeyhack/methods.def"
#undef METHOD
};

int analysis_method_parse(const char *name)
{
	for (int i = 0; name && i < JH_NMETHODS; i++)
		if (!strcmp(name, methods[i].name))
			return i;
	return -1;
}

/* A stray value reads as the default method, as a workshop without one. */
const char *analysis_method_name(enum jh_method m)
{
	return methods[(int)m >= 0 && m < JH_NMETHODS ? m : 0].name;
}

const char *analysis_method_formula(enum jh_method m)
{
	return methods[(int)m >= 0 && m < JH_NMETHODS ? m : 0].formula;
}

enum jh_quadrant analysis_quadrant(int impact, int effort)
{
	if (impact >= 3)
		return effort < 3 ? JH_QUICK_WIN : JH_BIG_BET;
	return effort < 3 ? JH_FILL_IN : JH_MONEY_PIT;
}

/* A stray value reads as a fill-in, the quadrant of a plain idea. The
 * labels are translated where the interface shows them (N_). */
static const char *const quadrants[][2] = {
    [JH_QUICK_WIN] = {"quick-win", N_("Quick wins")},
    [JH_BIG_BET] = {"big-bet", N_("Big bets")},
    [JH_FILL_IN] = {"fill-in", N_("Fill-ins")},
    [JH_MONEY_PIT] = {"money-pit", N_("Money pits")},
};

static const char *const *quadrant(enum jh_quadrant q)
{
	return quadrants[(int)q >= 0 && q <= JH_MONEY_PIT ? q : JH_FILL_IN];
}

const char *analysis_quadrant_name(enum jh_quadrant q)
{
	return quadrant(q)[0];
}

const char *analysis_quadrant_label(enum jh_quadrant q)
{
	return quadrant(q)[1];
}

/* Each score is one division of exact integers, so two ideas whose
 * scores are equal as fractions compare equal as doubles and fall
 * through to the vote tie-break. Effort is 1..5 in the store; the guard
 * only keeps a hand-built struct from dividing by zero. */
double analysis_idea_score(enum jh_method m, const struct jh_idea *idea, int votes)
{
	int effort = idea->effort > 0 ? idea->effort : 1;

	switch (m) {
	case JH_METHOD_ICE:
		return (double)idea->impact * idea->confidence * (6 - effort);
	case JH_METHOD_RICE:
		return (double)((long long)idea->reach * idea->impact * idea->confidence) /
		       (double)(5 * effort);
	case JH_METHOD_VOTES:
		return votes;
	case JH_METHOD_IMPACT_EFFORT:
	case JH_NMETHODS:
		break;
	}
	return (double)idea->impact / (double)effort;
}

enum jh_method analysis_workshop_method(const struct jh_data *d)
{
	int m = analysis_method_parse(d->workshop.method);

	return m < 0 ? JH_METHOD_IMPACT_EFFORT : (enum jh_method)m;
}

/* Journey, then journey order: every journey's touchpoints in one run. */
static int cmp_by_journey(const void *ctx, size_t a, size_t b)
{
	const struct tp_order *o = ctx;
	int c = cmp_i64(o->d->touchpoints[a].journey_id, o->d->touchpoints[b].journey_id);

	return c ? c : cmp_journey_order(ctx, a, b);
}

/* Every touchpoint sorted by journey once: asking each journey for its
 * touchpoints would scan them all per journey. */
static size_t *touchpoints_by_journey(const struct jh_data *d)
{
	size_t *idx = util_xmalloc((d->ntouchpoints ? d->ntouchpoints : 1) * sizeof *idx);
	int *stage_pos = util_xcalloc(d->ntouchpoints ? d->ntouchpoints : 1, sizeof *stage_pos);
	struct tp_order o = {d, stage_pos};

	for (size_t i = 0; i < d->ntouchpoints; i++) {
		const struct jh_stage *s = model_stage(d, d->touchpoints[i].stage_id);
		stage_pos[i] = s ? s->position : 0x7fffffff;
		idx[i] = i;
	}
	sort_indexes(idx, d->ntouchpoints, cmp_by_journey, &o);
	free(stage_pos);
	return idx;
}

/* The first of the run of `journey_id` in idx (sorted by journey). */
static size_t run_start(const struct jh_data *d, const size_t *idx, size_t n, jh_id journey_id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->touchpoints[idx[mid]].journey_id < journey_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void analysis_journeys(const struct jh_data *d, struct jh_journey_stats *out)
{
	size_t *idx = touchpoints_by_journey(d);
	int *weights = NULL;

	for (size_t i = 0; i < d->njourneys; i++) {
		jh_id jid = d->journeys[i].id;
		size_t a = run_start(d, idx, d->ntouchpoints, jid), b = a;
		while (b < d->ntouchpoints && d->touchpoints[idx[b]].journey_id == jid)
			b++;
		stats_of(d, jid, idx + a, b - a, &out[i], &weights);
	}
	free(weights);
	free(idx);
}

jh_id *analysis_weakest_links(const struct jh_data *d, size_t *n)
{
	jh_id *ids = util_xmalloc((d->njourneys ? d->njourneys : 1) * sizeof *ids);
	struct jh_journey_stats *s = util_xmalloc((d->njourneys ? d->njourneys : 1) * sizeof *s);
	size_t k = 0;

	analysis_journeys(d, s);
	for (size_t i = 0; i < d->njourneys; i++)
		if (s[i].weakest_link)
			ids[k++] = s[i].weakest_link;
	free(s);
	*n = k;
	return ids;
}

int analysis_idea_on_weakest_link(const struct jh_data *d, const struct jh_idea *idea,
				  const jh_id *links, size_t nlinks)
{
	for (size_t i = 0; i < idea->npainpoints; i++) {
		const struct jh_painpoint *p = model_painpoint(d, idea->painpoints[i]);
		if (!p || !p->touchpoint_id)
			continue;
		for (size_t k = 0; k < nlinks; k++)
			if (links[k] == p->touchpoint_id)
				return 1;
	}
	return 0;
}

static int cmp_id(const void *a, const void *b)
{
	jh_id x = *(const jh_id *)a, y = *(const jh_id *)b;

	return (x > y) - (x < y);
}

static int has_id(const jh_id *ids, size_t n, jh_id id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && ids[lo] == id;
}

/* The pain points on a weakest link (links sorted), ascending: each
 * link of an idea is then looked up among these few instead of among
 * every pain point, and never against every journey's link. */
static jh_id *weak_pains(const struct jh_data *d, const jh_id *links, size_t nlinks, size_t *n)
{
	jh_id *ids = util_xmalloc((d->npainpoints ? d->npainpoints : 1) * sizeof *ids);
	size_t k = 0;
	int sorted = 1;

	for (size_t i = 0; i < d->npainpoints; i++) {
		const struct jh_painpoint *p = &d->painpoints[i];
		if (!p->touchpoint_id || !has_id(links, nlinks, p->touchpoint_id))
			continue;
		sorted &= k == 0 || ids[k - 1] < p->id;
		ids[k++] = p->id;
	}
	if (!sorted)
		qsort(ids, k, sizeof *ids, cmp_id);
	*n = k;
	return ids;
}

static int on_weak_pain(const struct jh_idea *idea, const jh_id *pains, size_t npains)
{
	for (size_t i = 0; i < idea->npainpoints; i++)
		if (has_id(pains, npains, idea->painpoints[i]))
			return 1;
	return 0;
}

/* The backlog's order: score desc, then votes desc, then id asc; the
 * index last keeps the order of a stable sort should two ideas share an
 * id. Compared inline on small keys: util_sort's calls and copies of
 * whole rows were most of entering the backlog at 100 000 ideas. */
struct rank_key {
	double score;
	int votes;
	jh_id id;
	size_t index;
};

static int ranks_before(const struct rank_key *a, const struct rank_key *b)
{
	/* Scores are equal or not, never NaN: no == on doubles. */
	if (a->score < b->score || a->score > b->score)
		return a->score > b->score;
	if (a->votes != b->votes)
		return a->votes > b->votes;
	if (a->id != b->id)
		return a->id < b->id;
	return a->index < b->index;
}

static void merge_keys(const struct rank_key *src, struct rank_key *dst, size_t lo, size_t mid,
		       size_t hi)
{
	size_t i = lo, j = mid, k = lo;

	while (i < mid && j < hi)
		dst[k++] = ranks_before(&src[j], &src[i]) ? src[j++] : src[i++];
	while (i < mid)
		dst[k++] = src[i++];
	while (j < hi)
		dst[k++] = src[j++];
}

/* Bottom-up merge sort; returns the buffer holding the result. */
static struct rank_key *sort_keys(struct rank_key *v, struct rank_key *tmp, size_t n)
{
	for (size_t w = 1; w < n; w *= 2) {
		struct rank_key *t;
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
			merge_keys(v, tmp, lo, mid, hi);
		}
		t = v;
		v = tmp;
		tmp = t;
	}
	return v;
}

struct jh_ranked_idea *analysis_backlog(const struct jh_data *d, size_t *n)
{
	enum jh_method m = analysis_workshop_method(d);
	struct jh_ranked_idea *r = util_xcalloc(d->nideas ? d->nideas : 1, sizeof *r);
	struct rank_key *keys = util_xmalloc((d->nideas ? d->nideas : 1) * sizeof *keys);
	struct rank_key *tmp = util_xmalloc((d->nideas ? d->nideas : 1) * sizeof *tmp);
	const struct rank_key *sorted;
	struct session_tally t;
	size_t nlinks;
	jh_id *links = analysis_weakest_links(d, &nlinks), *pains;
	size_t npains;

	qsort(links, nlinks, sizeof *links, cmp_id);
	pains = weak_pains(d, links, nlinks, &npains);
	session_tally(d, 0, &t);
	for (size_t i = 0; i < d->nideas; i++)
		keys[i] = (struct rank_key){analysis_idea_score(m, &d->ideas[i], t.votes[i]),
					    t.votes[i], d->ideas[i].id, i};
	sorted = sort_keys(keys, tmp, d->nideas);
	for (size_t i = 0; i < d->nideas; i++) {
		const struct jh_idea *x = &d->ideas[sorted[i].index];
		r[i].index = sorted[i].index;
		r[i].rank = (int)i + 1;
		r[i].votes = sorted[i].votes;
		r[i].score = sorted[i].score;
		r[i].quadrant = analysis_quadrant(x->impact, x->effort);
		r[i].on_weakest_link = on_weak_pain(x, pains, npains);
	}
	session_tally_free(&t);
	free(links);
	free(pains);
	free(keys);
	free(tmp);
	*n = d->nideas;
	return r;
}

int analysis_idea_rank(const struct jh_ranked_idea *backlog, size_t n, const struct jh_data *d,
		       jh_id idea_id)
{
	for (size_t i = 0; i < n; i++)
		if (d->ideas[backlog[i].index].id == idea_id)
			return backlog[i].rank;
	return 0;
}

void analysis_format_score(enum jh_method m, double score, char *buf, size_t size)
{
	int decimals = 0;

	switch (m) {
	case JH_METHOD_IMPACT_EFFORT:
		decimals = 2;
		break;
	case JH_METHOD_RICE:
		decimals = 1;
		break;
	case JH_METHOD_ICE:
	case JH_METHOD_VOTES:
	case JH_NMETHODS:
		break;
	}
	snprintf(buf, size, "%.*f", decimals, score);
}

/* ---------------------------------------------------------------- actions */

int analysis_action_overdue(const struct jh_action *a, const char *today)
{
	if (!a->due || !util_date_valid(a->due) || util_streq(a->status, "done"))
		return 0;
	/* YYYY-MM-DD compares correctly as text. */
	return strcmp(a->due, today) < 0;
}

struct action_ctx {
	const struct jh_data *d;
	const int *rank; /* per action index, 0: no ranked idea */
};

static int cmp_actions(const void *ctx, size_t a, size_t b)
{
	const struct action_ctx *c = ctx;
	const struct jh_action *x = &c->d->actions[a], *y = &c->d->actions[b];
	int ra = c->rank[a] ? c->rank[a] : 0x7fffffff;
	int rb = c->rank[b] ? c->rank[b] : 0x7fffffff;
	int hx = x->due && *x->due, hy = y->due && *y->due;
	int cmp;

	if (ra != rb)
		return ra < rb ? -1 : 1;
	/* An action without a date goes after the dated ones of its idea. */
	if (hx != hy)
		return hx ? -1 : 1;
	if (hx && (cmp = strcmp(x->due, y->due)) != 0)
		return cmp;
	return cmp_i64(x->id, y->id);
}

size_t *analysis_actions_ordered(const struct jh_data *d, const struct jh_ranked_idea *backlog,
				 size_t nbacklog, size_t *n)
{
	size_t *idx = util_xmalloc(d->nactions * sizeof *idx);
	int *rank = util_xcalloc(d->nactions, sizeof *rank);
	int *rank_of_idea = util_xcalloc(d->nideas, sizeof *rank_of_idea);
	struct action_ctx ctx = {d, rank};

	/* Rank by idea index once, then one id lookup per action. */
	for (size_t i = 0; i < nbacklog; i++)
		if (backlog[i].index < d->nideas)
			rank_of_idea[backlog[i].index] = backlog[i].rank;
	for (size_t i = 0; i < d->nactions; i++) {
		const struct jh_idea *x;
		idx[i] = i;
		if (d->actions[i].idea_id && (x = model_idea(d, d->actions[i].idea_id)))
			rank[i] = rank_of_idea[x - d->ideas];
	}
	free(rank_of_idea);
	sort_indexes(idx, d->nactions, cmp_actions, &ctx);
	free(rank);
	*n = d->nactions;
	return idx;
}

/* ------------------------------------------------------ as-is and to-be */

int analysis_target(const struct jh_touchpoint *t, int *target)
{
	long long v;

	/* kinds.c only lets "none" and -2..2 in. */
	if (!t->target || util_parse_int(t->target, &v) || v < -2 || v > 2)
		return 0;
	*target = (int)v;
	return 1;
}

static int cmp_gap(const void *ctx, const void *a, const void *b)
{
	const struct jh_data *d = ctx;
	const struct jh_gap *x = a, *y = b;
	const struct jh_touchpoint *tx = &d->touchpoints[x->index], *ty = &d->touchpoints[y->index];
	int c = cmp_i64(y->weight, x->weight);

	if (!c)
		c = cmp_i64(y->gap, x->gap);
	if (!c)
		c = cmp_i64(tx->score, ty->score);
	if (!c)
		c = cmp_i64(ty->reach, tx->reach);
	return c ? c : cmp_i64(tx->id, ty->id);
}

struct jh_gap *analysis_gaps(const struct jh_data *d, jh_id journey_id, size_t *n)
{
	struct jh_gap *g = util_xcalloc(d->ntouchpoints ? d->ntouchpoints : 1, sizeof *g);
	size_t k = 0;

	for (size_t i = 0; i < d->ntouchpoints; i++) {
		const struct jh_touchpoint *t = &d->touchpoints[i];
		int target;
		if ((journey_id && t->journey_id != journey_id) || !analysis_target(t, &target) ||
		    target <= t->score)
			continue;
		g[k].index = i;
		g[k].gap = target - t->score;
		g[k].reachable = g[k].gap < t->potential ? g[k].gap : t->potential;
		if (g[k].reachable < 0)
			g[k].reachable = 0;
		g[k].weight = capped((long long)g[k].reachable * t->reach);
		k++;
	}
	util_sort(g, k, sizeof *g, cmp_gap, d);
	*n = k;
	return g;
}
