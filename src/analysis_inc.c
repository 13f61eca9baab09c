/* analysis_inc.c: per-journey aggregates and the backlog order, updated
 * per changed item instead of recomputed over the workshop.
 *
 * Everything is kept by id in sorted arrays of its own, never as
 * positions into the jh_data: an added or removed item shifts those
 * arrays, and the aggregates must survive that. The rules (weakest
 * link, pain weight, score, rank order) are analysis.c's, restated over
 * the kept records; the tests hold the two equal. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "journeyhack/analysis_inc.h"
#include "journeyhack/model_patch.h"
#include "journeyhack/rounds.h"
#include "journeyhack/util.h"

struct tp_rec {
	jh_id id, journey_id, stage_id;
	int stage_pos, position, score, reach, pain;
	char *channel; /* owned copy */
};

struct pain_rec {
	jh_id id, tp;
	int weight; /* open severity x frequency, else 0 */
};

struct pair {
	jh_id a, b;
};

struct idea_rec {
	jh_id id;
	double score;
	int votes, on_weakest_link;
	jh_id *links; /* owned copy of the idea's pain point ids */
	size_t nlinks;
};

struct rank_key {
	double score;
	int votes;
	jh_id id;
};

typedef int (*rec_cmp)(const void *a, const void *b);

/* ---------------------------------------------------------- sorted sets */

static void set_init(struct analysis_inc_set *s, size_t size)
{
	memset(s, 0, sizeof *s);
	s->size = size;
}

/* An empty set has no records: no offset is applied to its NULL. */
static void *set_at(const struct analysis_inc_set *s, size_t i)
{
	return s->v ? s->v + i * s->size : NULL;
}

/* Lower bound of key; *found when the record there compares equal. */
static size_t set_find(unsigned long *work, const struct analysis_inc_set *s, const void *key,
		       rec_cmp cmp, int *found)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		(*work)++;
		if (cmp(set_at(s, mid), key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < s->n && cmp(set_at(s, lo), key) == 0;
	return lo;
}

static void *set_get(unsigned long *work, const struct analysis_inc_set *s, const void *key,
		     rec_cmp cmp)
{
	int found;
	size_t i = set_find(work, s, key, cmp, &found);

	return found ? set_at(s, i) : NULL;
}

/* Appends out of order: the build sorts each set once at the end. */
static void set_push(struct analysis_inc_set *s, const void *rec)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->v = util_xrealloc(s->v, s->cap * s->size);
	}
	memcpy(set_at(s, s->n++), rec, s->size);
}

static void set_sort(struct analysis_inc_set *s, rec_cmp cmp)
{
	size_t i = 1;

	/* Most sets are pushed in the order the workshop loads (by id): one
	 * pass sees it, where a sort would compare n log n times. */
	while (i < s->n && cmp(set_at(s, i - 1), set_at(s, i)) <= 0)
		i++;
	if (i < s->n)
		qsort(s->v, s->n, s->size, cmp);
}

static void set_insert(unsigned long *work, struct analysis_inc_set *s, const void *rec,
		       rec_cmp cmp)
{
	int found;
	size_t i = set_find(work, s, rec, cmp, &found);

	set_push(s, rec); /* room for one more */
	memmove(set_at(s, i + 1), set_at(s, i), (s->n - 1 - i) * s->size);
	memcpy(set_at(s, i), rec, s->size);
}

/* Removes the record equal to key into *out (when not NULL); 0 if none. */
static int set_remove(unsigned long *work, struct analysis_inc_set *s, const void *key, rec_cmp cmp,
		      void *out)
{
	int found;
	size_t i = set_find(work, s, key, cmp, &found);

	if (!found)
		return 0;
	if (out)
		memcpy(out, set_at(s, i), s->size);
	memmove(set_at(s, i), set_at(s, i + 1), (s->n - i - 1) * s->size);
	s->n--;
	return 1;
}

static int cmp_id(jh_id x, jh_id y)
{
	return (x > y) - (x < y);
}

/* Records whose first member is their id. */
static int by_id(const void *a, const void *b)
{
	return cmp_id(*(const jh_id *)a, *(const jh_id *)b);
}

static int by_pair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	int c = cmp_id(x->a, y->a);

	return c ? c : cmp_id(x->b, y->b);
}

/* Only the first of a pair: the start of a run. */
static int by_first(const void *a, const void *b)
{
	return cmp_id(((const struct pair *)a)->a, ((const struct pair *)b)->a);
}

/* analysis.c's journey order, journeys apart. */
static int by_order(const void *a, const void *b)
{
	const struct tp_rec *x = a, *y = b;
	int c = cmp_id(x->journey_id, y->journey_id);

	if (!c)
		c = cmp_id(x->stage_pos, y->stage_pos);
	if (!c)
		c = cmp_id(x->stage_id, y->stage_id);
	if (!c)
		c = cmp_id(x->position, y->position);
	return c ? c : cmp_id(x->id, y->id);
}

static int by_journey(const void *a, const void *b)
{
	return cmp_id(((const struct tp_rec *)a)->journey_id,
		      ((const struct tp_rec *)b)->journey_id);
}

/* analysis_backlog's order: score desc, votes desc, id asc. */
static int by_rank(const void *a, const void *b)
{
	const struct rank_key *x = a, *y = b;

	if (x->score < y->score || x->score > y->score)
		return x->score > y->score ? -1 : 1;
	if (x->votes != y->votes)
		return x->votes > y->votes ? -1 : 1;
	return cmp_id(x->id, y->id);
}

/* ---------------------------------------------------------- figures */

static int capped(long long v)
{
	return v > INT_MAX ? INT_MAX : v < INT_MIN ? INT_MIN : (int)v;
}

static int open_weight(const struct jh_painpoint *p)
{
	return util_streq(p->status, "open") ? capped((long long)p->severity * p->frequency) : 0;
}

static int exposure(const struct tp_rec *t)
{
	return t->score < 0 ? capped((long long)t->reach * -(long long)t->score) : 0;
}

/* analysis.c's weaker(), over kept records. */
static int weaker(const struct tp_rec *a, const struct tp_rec *b)
{
	int ea = exposure(a), eb = exposure(b);

	if (ea != eb)
		return ea > eb;
	if (a->score != b->score)
		return a->score < b->score;
	if (a->reach != b->reach)
		return a->reach > b->reach;
	if (a->pain != b->pain)
		return a->pain > b->pain;
	return a->id < b->id;
}

static void run_stats(struct analysis_inc *a, const struct tp_rec *t, size_t n,
		      struct jh_journey_stats *out)
{
	const struct tp_rec *weakest = NULL;
	const char *prev = NULL;

	for (size_t i = 0; i < n; i++, a->work++) {
		out->cx_capital += t[i].score;
		if (t[i].score > 0)
			out->npositive++;
		else if (t[i].score < 0)
			out->nnegative++;
		else
			out->nneutral++;
		if (!weakest || weaker(&t[i], weakest))
			weakest = &t[i];
		/* An unset channel neither starts nor ends a hop. */
		if (*t[i].channel) {
			if (prev && strcasecmp(prev, t[i].channel) != 0)
				out->channel_hops++;
			prev = t[i].channel;
		}
	}
	out->ntouchpoints = (int)n;
	out->at_risk = n > 0 && out->cx_capital <= 0;
	out->weakest_link = weakest ? weakest->id : 0;
	out->weakest_exposure = weakest ? exposure(weakest) : 0;
}

/* The touchpoints of a journey: tps[*start .. *start + return). */
static size_t journey_run(struct analysis_inc *a, jh_id journey, size_t *start)
{
	struct tp_rec key = {.journey_id = journey};
	int found;
	size_t i = set_find(&a->work, &a->tps, &key, by_journey, &found), k = i;

	while (k < a->tps.n && ((struct tp_rec *)set_at(&a->tps, k))->journey_id == journey)
		k++;
	*start = i;
	return k - i;
}

static int tp_weakest(struct analysis_inc *a, jh_id tp)
{
	const struct tp_rec *k = tp ? set_get(&a->work, &a->tp_key, &tp, by_id) : NULL;
	const struct jh_journey_stats *s =
	    k ? set_get(&a->work, &a->journeys, &k->journey_id, by_id) : NULL;

	return s && s->weakest_link == tp;
}

/* analysis_idea_on_weakest_link, over kept pain points and journeys. */
static int idea_flag(struct analysis_inc *a, const struct idea_rec *r)
{
	for (size_t i = 0; i < r->nlinks; i++) {
		const struct pain_rec *p = set_get(&a->work, &a->pains, &r->links[i], by_id);
		if (p && p->tp && tp_weakest(a, p->tp))
			return 1;
	}
	return 0;
}

static void flags_of_pain(struct analysis_inc *a, jh_id pain)
{
	struct pair key = {pain, 0};
	int found;

	for (size_t i = set_find(&a->work, &a->links, &key, by_first, &found); i < a->links.n;
	     i++) {
		const struct pair *l = set_at(&a->links, i);
		struct idea_rec *r;
		if (l->a != pain)
			break;
		if ((r = set_get(&a->work, &a->ideas, &l->b, by_id)))
			r->on_weakest_link = idea_flag(a, r);
	}
}

/* A touchpoint became or stopped being a weakest link. */
static void flags_of_tp(struct analysis_inc *a, jh_id tp)
{
	struct pair key = {tp, 0};
	int found;

	if (!tp)
		return;
	for (size_t i = set_find(&a->work, &a->pain_at, &key, by_first, &found); i < a->pain_at.n;
	     i++) {
		const struct pair *p = set_at(&a->pain_at, i);
		if (p->a != tp)
			break;
		flags_of_pain(a, p->b);
	}
}

static void journey_refresh(struct analysis_inc *a, jh_id journey)
{
	struct jh_journey_stats *s = set_get(&a->work, &a->journeys, &journey, by_id);
	size_t start, n;
	jh_id was;

	if (!s)
		return;
	was = s->weakest_link;
	n = journey_run(a, journey, &start);
	memset(s, 0, sizeof *s);
	s->journey_id = journey;
	run_stats(a, set_at(&a->tps, start), n, s);
	if (was != s->weakest_link) {
		flags_of_tp(a, was);
		flags_of_tp(a, s->weakest_link);
	}
}

/* ---------------------------------------------------------- touchpoints */

static int tp_pain(struct analysis_inc *a, jh_id tp)
{
	struct pair key = {tp, 0};
	long long w = 0;
	int found;

	for (size_t i = set_find(&a->work, &a->pain_at, &key, by_first, &found); i < a->pain_at.n;
	     i++) {
		const struct pair *p = set_at(&a->pain_at, i);
		const struct pain_rec *r;
		if (p->a != tp)
			break;
		if ((r = set_get(&a->work, &a->pains, &p->b, by_id)))
			w = capped(w + r->weight);
	}
	return (int)w;
}

static void tp_remove(struct analysis_inc *a, jh_id id, jh_id *journey)
{
	struct tp_rec key, rec;

	*journey = 0;
	if (!set_remove(&a->work, &a->tp_key, &id, by_id, &key))
		return;
	*journey = key.journey_id;
	if (set_remove(&a->work, &a->tps, &key, by_order, &rec))
		free(rec.channel);
}

/* A missing stage sorts last, as in analysis_journey_touchpoints. */
static struct tp_rec tp_make(struct analysis_inc *a, const struct jh_data *d,
			     const struct jh_touchpoint *t)
{
	const struct jh_stage *s = model_stage(d, t->stage_id);
	struct tp_rec r = {.id = t->id,
			   .journey_id = t->journey_id,
			   .stage_id = t->stage_id,
			   .stage_pos = s ? s->position : 0x7fffffff,
			   .position = t->position,
			   .score = t->score,
			   .reach = t->reach};

	r.pain = tp_pain(a, t->id);
	r.channel = util_xstrdup(t->channel ? t->channel : "");
	return r;
}

static void tp_add(struct analysis_inc *a, const struct jh_data *d, const struct jh_touchpoint *t)
{
	struct tp_rec r = tp_make(a, d, t);

	set_insert(&a->work, &a->tps, &r, by_order);
	r.channel = NULL; /* the key is only the order */
	set_insert(&a->work, &a->tp_key, &r, by_id);
}

void analysis_inc_touchpoint(struct analysis_inc *a, const struct jh_data *d, jh_id id)
{
	const struct jh_touchpoint *t = model_touchpoint(d, id);
	jh_id was;

	tp_remove(a, id, &was);
	if (t)
		tp_add(a, d, t);
	journey_refresh(a, was);
	if (t && t->journey_id != was)
		journey_refresh(a, t->journey_id);
}

/* The pain weight of one touchpoint changed: its record, its journey. */
static void tp_pain_refresh(struct analysis_inc *a, jh_id tp)
{
	struct tp_rec *k = tp ? set_get(&a->work, &a->tp_key, &tp, by_id) : NULL;
	struct tp_rec *r = k ? set_get(&a->work, &a->tps, k, by_order) : NULL;

	if (!r)
		return;
	r->pain = tp_pain(a, tp);
	journey_refresh(a, r->journey_id);
}

/* ---------------------------------------------------------- pain points */

void analysis_inc_painpoint(struct analysis_inc *a, const struct jh_data *d, jh_id id)
{
	const struct jh_painpoint *p = model_painpoint(d, id);
	struct pain_rec old = {0, 0, 0}, rec;
	struct pair at;

	if (set_remove(&a->work, &a->pains, &id, by_id, &old)) {
		at = (struct pair){old.tp, id};
		set_remove(&a->work, &a->pain_at, &at, by_pair, NULL);
	}
	if (p) {
		rec = (struct pain_rec){id, p->touchpoint_id, open_weight(p)};
		set_insert(&a->work, &a->pains, &rec, by_id);
		at = (struct pair){rec.tp, id};
		set_insert(&a->work, &a->pain_at, &at, by_pair);
	}
	tp_pain_refresh(a, old.tp);
	if (p && p->touchpoint_id != old.tp)
		tp_pain_refresh(a, p->touchpoint_id);
	flags_of_pain(a, id);
}

/* ---------------------------------------------------------- ideas */

/* The votes shown on an idea: d->votes is ordered by idea. */
static size_t votes_start(struct analysis_inc *a, const struct jh_data *d, jh_id idea)
{
	size_t lo = 0, hi = d->nvotes;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		a->work++;
		if (d->votes[mid].idea_id < idea)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int votes_of(struct analysis_inc *a, const struct jh_data *d, jh_id idea)
{
	int sum = 0;

	for (size_t i = votes_start(a, d, idea); i < d->nvotes && d->votes[i].idea_id == idea;
	     i++) {
		a->work++;
		if (rounds_vote_shown(d, &d->votes[i]))
			sum += d->votes[i].dots;
	}
	return sum;
}

static void idea_remove(struct analysis_inc *a, jh_id id)
{
	struct idea_rec r;
	struct rank_key k;

	if (!set_remove(&a->work, &a->ideas, &id, by_id, &r))
		return;
	k = (struct rank_key){r.score, r.votes, id};
	set_remove(&a->work, &a->rank, &k, by_rank, NULL);
	for (size_t i = 0; i < r.nlinks; i++) {
		struct pair l = {r.links[i], id};
		set_remove(&a->work, &a->links, &l, by_pair, NULL);
	}
	free(r.links);
}

static struct idea_rec idea_make(struct analysis_inc *a, const struct jh_idea *x, int votes)
{
	struct idea_rec r = {
	    x->id, analysis_idea_score(a->method, x, votes), votes, 0, NULL, x->npainpoints};

	r.links = util_xmalloc((r.nlinks ? r.nlinks : 1) * sizeof *r.links);
	if (r.nlinks)
		memcpy(r.links, x->painpoints, r.nlinks * sizeof *r.links);
	return r;
}

static void idea_add(struct analysis_inc *a, const struct jh_idea *x, int votes)
{
	struct idea_rec r = idea_make(a, x, votes);
	struct rank_key k = {r.score, votes, x->id};
	struct idea_rec *kept;

	for (size_t i = 0; i < r.nlinks; i++) {
		struct pair l = {r.links[i], x->id};
		set_insert(&a->work, &a->links, &l, by_pair);
	}
	set_insert(&a->work, &a->rank, &k, by_rank);
	set_insert(&a->work, &a->ideas, &r, by_id);
	kept = set_get(&a->work, &a->ideas, &r.id, by_id);
	kept->on_weakest_link = idea_flag(a, kept);
}

void analysis_inc_idea(struct analysis_inc *a, const struct jh_data *d, jh_id id)
{
	const struct jh_idea *x = model_idea(d, id);

	idea_remove(a, id);
	if (x)
		idea_add(a, x, votes_of(a, d, id));
}

/* ---------------------------------------------------------- votes */

static jh_id vote_idea(struct analysis_inc *a, const struct jh_data *d, jh_id id)
{
	const struct pair *v = set_get(&a->work, &a->votes, &id, by_id);

	if (v)
		return v->b;
	for (size_t i = 0; i < d->nvotes; i++, a->work++)
		if (d->votes[i].id == id)
			return d->votes[i].idea_id;
	return 0;
}

/* Is the vote still in d? Among its idea's votes only. */
static int vote_kept(struct analysis_inc *a, const struct jh_data *d, jh_id id, jh_id idea)
{
	for (size_t i = votes_start(a, d, idea); i < d->nvotes && d->votes[i].idea_id == idea; i++)
		if (d->votes[i].id == id)
			return 1;
	return 0;
}

void analysis_inc_vote(struct analysis_inc *a, const struct jh_data *d, jh_id id)
{
	jh_id idea = vote_idea(a, d, id);
	const struct jh_idea *x = idea ? model_idea(d, idea) : NULL;
	struct pair v = {id, idea};

	set_remove(&a->work, &a->votes, &v, by_id, NULL);
	if (idea && vote_kept(a, d, id, idea))
		set_insert(&a->work, &a->votes, &v, by_id);
	/* Only the idea's total and score move: its links stay. */
	if (x && set_get(&a->work, &a->ideas, &idea, by_id)) {
		idea_remove(a, idea);
		idea_add(a, x, votes_of(a, d, idea));
	}
}

/* ---------------------------------------------------------- journeys */

/* Its touchpoints read again: a stage's position orders them. */
static void journey_restage(struct analysis_inc *a, const struct jh_data *d, jh_id id)
{
	size_t start, n = journey_run(a, id, &start);
	jh_id *ids = util_xmalloc((n ? n : 1) * sizeof *ids);

	for (size_t i = 0; i < n; i++)
		ids[i] = ((struct tp_rec *)set_at(&a->tps, start + i))->id;
	for (size_t i = 0; i < n; i++) {
		const struct jh_touchpoint *t = model_touchpoint(d, ids[i]);
		jh_id was;
		tp_remove(a, ids[i], &was);
		if (t)
			tp_add(a, d, t);
	}
	free(ids);
}

void analysis_inc_journey(struct analysis_inc *a, const struct jh_data *d, jh_id id)
{
	struct jh_journey_stats s = {.journey_id = id}, old;
	int present = 0;

	journey_restage(a, d, id);

	for (size_t i = 0; i < d->njourneys && !present; i++, a->work++)
		present = d->journeys[i].id == id;
	if (set_remove(&a->work, &a->journeys, &id, by_id, &old)) {
		s = old;
		set_insert(&a->work, &a->journeys, &s, by_id);
		journey_refresh(a, id);
		if (present)
			return;
		set_remove(&a->work, &a->journeys, &id, by_id, &old);
		flags_of_tp(a, old.weakest_link);
		return;
	}
	if (!present)
		return;
	set_insert(&a->work, &a->journeys, &s, by_id);
	journey_refresh(a, id);
	flags_of_tp(a, analysis_inc_stats(a, id)->weakest_link);
}

/* ---------------------------------------------------------- build */

static void sets_init(struct analysis_inc *a)
{
	memset(a, 0, sizeof *a);
	set_init(&a->tp_key, sizeof(struct tp_rec));
	set_init(&a->tps, sizeof(struct tp_rec));
	set_init(&a->journeys, sizeof(struct jh_journey_stats));
	set_init(&a->pains, sizeof(struct pain_rec));
	set_init(&a->pain_at, sizeof(struct pair));
	set_init(&a->links, sizeof(struct pair));
	set_init(&a->ideas, sizeof(struct idea_rec));
	set_init(&a->rank, sizeof(struct rank_key));
	set_init(&a->votes, sizeof(struct pair));
}

static void build_pains(struct analysis_inc *a, const struct jh_data *d)
{
	for (size_t i = 0; i < d->npainpoints; i++) {
		const struct jh_painpoint *p = &d->painpoints[i];
		struct pain_rec r = {p->id, p->touchpoint_id, open_weight(p)};
		struct pair at = {p->touchpoint_id, p->id};
		set_push(&a->pains, &r);
		set_push(&a->pain_at, &at);
	}
	set_sort(&a->pains, by_id);
	set_sort(&a->pain_at, by_pair);
}

static void build_map(struct analysis_inc *a, const struct jh_data *d)
{
	for (size_t i = 0; i < d->ntouchpoints; i++) {
		struct tp_rec r = tp_make(a, d, &d->touchpoints[i]);
		set_push(&a->tps, &r);
		r.channel = NULL;
		set_push(&a->tp_key, &r);
	}
	set_sort(&a->tps, by_order);
	set_sort(&a->tp_key, by_id);
	for (size_t i = 0; i < d->njourneys; i++) {
		struct jh_journey_stats s = {.journey_id = d->journeys[i].id};
		set_push(&a->journeys, &s);
	}
	set_sort(&a->journeys, by_id);
	for (size_t i = 0; i < a->journeys.n; i++)
		journey_refresh(a,
				((struct jh_journey_stats *)set_at(&a->journeys, i))->journey_id);
}

static void build_ideas(struct analysis_inc *a, const struct jh_data *d)
{
	for (size_t i = 0; i < d->nvotes; i++) {
		struct pair v = {d->votes[i].id, d->votes[i].idea_id};
		set_push(&a->votes, &v);
	}
	set_sort(&a->votes, by_id);
	for (size_t i = 0; i < d->nideas; i++) {
		const struct jh_idea *x = &d->ideas[i];
		struct idea_rec r = idea_make(a, x, votes_of(a, d, x->id));
		struct rank_key k = {r.score, r.votes, x->id};
		for (size_t j = 0; j < r.nlinks; j++) {
			struct pair l = {r.links[j], x->id};
			set_push(&a->links, &l);
		}
		set_push(&a->rank, &k);
		set_push(&a->ideas, &r);
	}
	set_sort(&a->links, by_pair);
	set_sort(&a->rank, by_rank);
	set_sort(&a->ideas, by_id);
	for (size_t i = 0; i < a->ideas.n; i++) {
		struct idea_rec *r = set_at(&a->ideas, i);
		r->on_weakest_link = idea_flag(a, r);
	}
}

/* Every set filled in load order and sorted once: O(n log n). Pain
 * points first (touchpoints read their weight), then the map, then the
 * ideas (their mark reads the weakest links). */
void analysis_inc_build(struct analysis_inc *a, const struct jh_data *d)
{
	sets_init(a);
	a->method = analysis_workshop_method(d);
	build_pains(a, d);
	build_map(a, d);
	build_ideas(a, d);
}

void analysis_inc_free(struct analysis_inc *a)
{
	for (size_t i = 0; i < a->tps.n; i++)
		free(((struct tp_rec *)set_at(&a->tps, i))->channel);
	for (size_t i = 0; i < a->ideas.n; i++)
		free(((struct idea_rec *)set_at(&a->ideas, i))->links);
	free(a->tp_key.v);
	free(a->tps.v);
	free(a->journeys.v);
	free(a->pains.v);
	free(a->pain_at.v);
	free(a->links.v);
	free(a->ideas.v);
	free(a->rank.v);
	free(a->votes.v);
	memset(a, 0, sizeof *a);
}

/* ---------------------------------------------------------- queries */

const struct jh_journey_stats *analysis_inc_stats(const struct analysis_inc *a, jh_id journey)
{
	unsigned long w = 0;

	return set_get(&w, &a->journeys, &journey, by_id);
}

int analysis_inc_rank(const struct analysis_inc *a, jh_id idea)
{
	unsigned long w = 0;
	const struct idea_rec *r = set_get(&w, &a->ideas, &idea, by_id);
	struct rank_key k;
	int found;
	size_t i;

	if (!r)
		return 0;
	k = (struct rank_key){r->score, r->votes, idea};
	i = set_find(&w, &a->rank, &k, by_rank, &found);
	return found ? (int)i + 1 : 0;
}

struct jh_ranked_idea *analysis_inc_backlog(const struct analysis_inc *a, const struct jh_data *d,
					    size_t *n)
{
	unsigned long w = 0;
	struct jh_ranked_idea *out = util_xcalloc(a->rank.n ? a->rank.n : 1, sizeof *out);
	size_t k = 0;

	for (size_t i = 0; i < a->rank.n; i++) {
		const struct rank_key *key = set_at(&a->rank, i);
		const struct jh_idea *x = model_idea(d, key->id);
		const struct idea_rec *r = set_get(&w, &a->ideas, &key->id, by_id);
		if (!x || !r)
			continue;
		out[k] = (struct jh_ranked_idea){(size_t)(x - d->ideas),
						 (int)k + 1,
						 key->score,
						 key->votes,
						 analysis_quadrant(x->impact, x->effort),
						 r->on_weakest_link};
		k++;
	}
	*n = k;
	return out;
}

int analysis_inc_follow(struct analysis_inc *a, const struct jh_data *d,
			const struct model_changes *ch)
{
	/* The workshop row moves figures only through its method; the
	 * agenda never. */
	if (ch->parts & (MODEL_CHANGED_MAP | MODEL_CHANGED_ROUNDS | MODEL_CHANGED_ALL))
		return -1;
	if ((ch->parts & MODEL_CHANGED_HEAD) && analysis_workshop_method(d) != a->method)
		return -1;
	for (size_t i = 0; i < ch->n; i++) {
		jh_id id = ch->v[i].id;
		switch (ch->v[i].kind) {
		case JH_TOUCHPOINT:
			analysis_inc_touchpoint(a, d, id);
			break;
		case JH_PAINPOINT:
			analysis_inc_painpoint(a, d, id);
			break;
		case JH_IDEA:
			analysis_inc_idea(a, d, id);
			break;
		case JH_VOTE:
			analysis_inc_vote(a, d, id);
			break;
		case JH_JOURNEY:
			analysis_inc_journey(a, d, id);
			break;
		default: /* people, actions, parking, personas: no figure */
			break;
		}
	}
	return 0;
}
