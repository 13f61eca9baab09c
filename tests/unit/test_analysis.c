/* test_analysis.c: every formula of analysis.c on hand-worked examples,
 * including the two worked examples of DOMAIN.md. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/analysis.h"
#include "journeyhack/kinds.h"
#include "journeyhack/util.h"

/* ------------------------------------------------ building a workshop */

#define PUSH(arr, n) ((arr) = util_xrealloc((arr), ((n) + 1) * sizeof *(arr)), &(arr)[(n)++])

static jh_id next_id = 100;

static jh_id journey(struct jh_data *d, const char *name)
{
	struct jh_journey *j = PUSH(d->journeys, d->njourneys);
	memset(j, 0, sizeof *j);
	j->id = ++next_id;
	j->position = (int)d->njourneys - 1;
	j->name = util_xstrdup(name);
	j->description = util_xstrdup("");
	return j->id;
}

static jh_id stage(struct jh_data *d, jh_id jid, int pos, const char *name)
{
	struct jh_stage *s = PUSH(d->stages, d->nstages);
	memset(s, 0, sizeof *s);
	s->id = ++next_id;
	s->journey_id = jid;
	s->position = pos;
	s->name = util_xstrdup(name);
	return s->id;
}

static jh_id tp_full(struct jh_data *d, jh_id jid, jh_id sid, int pos, const char *name,
		     const char *channel, int score, int reach, int potential)
{
	struct jh_touchpoint *t = PUSH(d->touchpoints, d->ntouchpoints);
	memset(t, 0, sizeof *t);
	t->id = ++next_id;
	t->journey_id = jid;
	t->stage_id = sid;
	t->position = pos;
	t->name = util_xstrdup(name);
	t->channel = util_xstrdup(channel);
	t->owner = util_xstrdup("");
	t->notes = util_xstrdup("");
	t->score = score;
	t->reach = reach;
	t->potential = potential;
	return t->id;
}

static jh_id tp(struct jh_data *d, jh_id jid, jh_id sid, int score, int reach)
{
	return tp_full(d, jid, sid, 0, "t", "", score, reach, 1);
}

static jh_id pain(struct jh_data *d, jh_id tpid, int sev, int freq, const char *status)
{
	struct jh_painpoint *p = PUSH(d->painpoints, d->npainpoints);
	memset(p, 0, sizeof *p);
	p->id = ++next_id;
	p->touchpoint_id = tpid;
	p->title = util_xstrdup("p");
	p->evidence = util_xstrdup("");
	p->status = util_xstrdup(status);
	p->severity = sev;
	p->frequency = freq;
	return p->id;
}

static jh_id idea(struct jh_data *d, int impact, int effort, int confidence, int reach)
{
	struct jh_idea *x = PUSH(d->ideas, d->nideas);
	memset(x, 0, sizeof *x);
	x->id = ++next_id;
	x->title = util_xstrdup("i");
	x->belief = util_xstrdup("");
	x->experiment = util_xstrdup("");
	x->metric = util_xstrdup("");
	x->success = util_xstrdup("");
	x->impact = impact;
	x->effort = effort;
	x->confidence = confidence;
	x->reach = reach;
	return x->id;
}

static void link_pain(struct jh_data *d, jh_id iid, jh_id pid)
{
	for (size_t i = 0; i < d->nideas; i++)
		if (d->ideas[i].id == iid)
			*PUSH(d->ideas[i].painpoints, d->ideas[i].npainpoints) = pid;
}

static void vote(struct jh_data *d, jh_id iid, jh_id pid, int dots)
{
	struct jh_vote *v = PUSH(d->votes, d->nvotes);
	memset(v, 0, sizeof *v);
	v->id = ++next_id;
	v->idea_id = iid;
	v->participant_id = pid;
	v->dots = dots;
}

static jh_id action(struct jh_data *d, jh_id iid, const char *due, const char *status)
{
	struct jh_action *a = PUSH(d->actions, d->nactions);
	memset(a, 0, sizeof *a);
	a->id = ++next_id;
	a->idea_id = iid;
	a->title = util_xstrdup("a");
	a->owner = util_xstrdup("");
	a->due = util_xstrdup(due);
	a->status = util_xstrdup(status);
	a->notes = util_xstrdup("");
	return a->id;
}

static void set_method(struct jh_data *d, const char *m)
{
	free(d->workshop.method);
	d->workshop.method = util_xstrdup(m);
}

/* DOMAIN.md's sample journey "Pay the invoice". */
struct invoice {
	jh_id j, receive, understand, ask, pay, confirm;
};

static struct invoice pay_the_invoice(struct jh_data *d)
{
	struct invoice v;
	jh_id s[5];
	const char *names[5] = {"Receive", "Understand", "Ask", "Pay", "Confirm"};

	v.j = journey(d, "Pay the invoice");
	for (int i = 0; i < 5; i++)
		s[i] = stage(d, v.j, i, names[i]);
	v.receive = tp_full(d, v.j, s[0], 0, "Receive invoice", "letter", -2, 80, 2);
	v.understand = tp_full(d, v.j, s[1], 0, "Understand charges", "web", -1, 60, 3);
	v.ask = tp_full(d, v.j, s[2], 0, "Ask a question", "phone", -1, 30, 2);
	v.pay = tp_full(d, v.j, s[3], 0, "Pay", "bank app", 1, 95, 1);
	v.confirm = tp_full(d, v.j, s[4], 0, "Confirmation", "e-mail", 0, 95, 0);
	return v;
}

/* ---------------------------------------------------------- CX capital */

Test(capital, domain_example_ten_touchpoints_gives_plus_one)
{
	/* 10 touchpoints of equal weight: 4 positive, 3 negative, 3 neutral. */
	const int scores[10] = {1, 1, 1, 1, -1, -1, -1, 0, 0, 0};
	struct jh_data d = {0};
	struct jh_journey_stats s;
	jh_id j = journey(&d, "ten"), st = stage(&d, j, 0, "s");

	cr_assert_eq(analysis_capital(scores, 10), 1);
	for (int i = 0; i < 10; i++)
		tp(&d, j, st, scores[i], 50);
	analysis_journey(&d, j, &s);
	cr_assert_eq(s.cx_capital, 1);
	cr_assert_eq(s.npositive, 4);
	cr_assert_eq(s.nnegative, 3);
	cr_assert_eq(s.nneutral, 3);
	cr_assert_eq(s.ntouchpoints, 10);
	cr_assert_eq(s.at_risk, 0, "a rising balance is not an alarm");
	model_data_free(&d);
}

Test(capital, strong_scores_count_double)
{
	const int scores[4] = {2, -2, -2, 1};
	cr_assert_eq(analysis_capital(scores, 4), -1);
	cr_assert_eq(analysis_capital(NULL, 0), 0);
}

Test(capital, zero_balance_is_at_risk)
{
	struct jh_data d = {0};
	struct jh_journey_stats s;
	jh_id j = journey(&d, "j"), st = stage(&d, j, 0, "s");

	tp(&d, j, st, 1, 100);
	tp(&d, j, st, -1, 100);
	analysis_journey(&d, j, &s);
	cr_assert_eq(s.cx_capital, 0);
	cr_assert_eq(s.at_risk, 1);
	model_data_free(&d);
}

Test(capital, negative_balance_is_at_risk_and_positive_is_not)
{
	struct jh_data d = {0};
	struct jh_journey_stats s;
	jh_id j = journey(&d, "neg"), st = stage(&d, j, 0, "s");
	jh_id k = journey(&d, "pos"), sk = stage(&d, k, 0, "s");

	tp(&d, j, st, -1, 100);
	tp(&d, k, sk, 1, 100);
	analysis_journey(&d, j, &s);
	cr_assert_eq(s.cx_capital, -1);
	cr_assert_eq(s.at_risk, 1);
	analysis_journey(&d, k, &s);
	cr_assert_eq(s.cx_capital, 1);
	cr_assert_eq(s.at_risk, 0);
	model_data_free(&d);
}

Test(capital, empty_journey)
{
	struct jh_data d = {0};
	struct jh_journey_stats s;
	jh_id j = journey(&d, "empty");
	size_t n = 99, *idx;

	stage(&d, j, 0, "s");
	analysis_journey(&d, j, &s);
	cr_assert_eq(s.journey_id, j);
	cr_assert_eq(s.ntouchpoints, 0);
	cr_assert_eq(s.cx_capital, 0);
	cr_assert_eq(s.at_risk, 0, "nothing mapped yet is not an alarm");
	cr_assert_eq(s.channel_hops, 0);
	cr_assert_eq(s.weakest_link, 0);
	idx = analysis_exposure_rank(&d, j, &n);
	cr_assert_eq(n, 0);
	free(idx);
	model_data_free(&d);
}

Test(capital, other_journeys_do_not_count)
{
	struct jh_data d = {0};
	struct jh_journey_stats s;
	jh_id a = journey(&d, "a"), sa = stage(&d, a, 0, "s");
	jh_id b = journey(&d, "b"), sb = stage(&d, b, 0, "s");

	tp(&d, a, sa, 2, 100);
	tp(&d, b, sb, -2, 100);
	tp(&d, b, sb, -2, 100);
	analysis_journey(&d, a, &s);
	cr_assert_eq(s.cx_capital, 2);
	cr_assert_eq(s.ntouchpoints, 1);
	model_data_free(&d);
}

/* ------------------------------------------------------- weakest link */

Test(weakest, domain_example_invoice)
{
	struct jh_data d = {0};
	struct jh_journey_stats s;
	struct invoice v = pay_the_invoice(&d);

	analysis_journey(&d, v.j, &s);
	cr_assert_eq(s.weakest_link, v.receive, "the invoice is the O-ring of the journey");
	cr_assert_eq(s.weakest_exposure, 160, "80 %% reach x 2 below expectations");
	cr_assert_eq(s.cx_capital, -3);
	cr_assert_eq(s.at_risk, 1);
	cr_assert_eq(s.channel_hops, 4, "letter, web, phone, bank app, e-mail");
	model_data_free(&d);
}

Test(weakest, tie_on_score_goes_to_higher_reach)
{
	struct jh_data d = {0};
	struct jh_journey_stats s;
	jh_id j = journey(&d, "j"), st = stage(&d, j, 0, "s");
	jh_id low, high;

	low = tp(&d, j, st, -1, 20);
	high = tp(&d, j, st, -1, 90);
	tp(&d, j, st, 0, 100);
	analysis_journey(&d, j, &s);
	cr_assert_eq(s.weakest_link, high);
	cr_assert_neq(s.weakest_link, low);
	model_data_free(&d);
}

/* The rule of issue 14: a -1 passed by 60 % lets down 60, a -2 passed by
 * 20 % lets down 40, so the -1 is the weaker link although its score is
 * higher. */
Test(weakest, exposure_beats_lower_score)
{
	struct jh_data d = {0};
	struct jh_journey_stats s;
	jh_id j = journey(&d, "Betala fakturan"), st = stage(&d, j, 0, "Betala");
	jh_id wide, deep;

	deep = tp(&d, j, st, -2, 20);
	wide = tp(&d, j, st, -1, 60);
	analysis_journey(&d, j, &s);
	cr_assert_eq(s.weakest_link, wide);
	cr_assert_eq(s.weakest_exposure, 60);
	cr_assert_eq(analysis_exposure(model_touchpoint(&d, deep)), 40);
	model_data_free(&d);
}

Test(weakest, exposure_beats_lower_score_at_any_reach)
{
	struct jh_data d = {0};
	struct jh_journey_stats s;
	jh_id j = journey(&d, "j"), st = stage(&d, j, 0, "s");
	jh_id wide;

	wide = tp(&d, j, st, -1, 100); /* 100 */
	tp(&d, j, st, -2, 5);	       /* 10 */
	analysis_journey(&d, j, &s);
	cr_assert_eq(s.weakest_link, wide);
	cr_assert_eq(s.weakest_exposure, 100);
	model_data_free(&d);
}

/* Equal exposure: the lower score decides before reach does. */
Test(weakest, equal_exposure_goes_to_lower_score)
{
	struct jh_data d = {0};
	struct jh_journey_stats s;
	jh_id j = journey(&d, "j"), st = stage(&d, j, 0, "s");
	jh_id deep;

	tp(&d, j, st, -1, 80);	      /* 80 */
	deep = tp(&d, j, st, -2, 40); /* 80 */
	analysis_journey(&d, j, &s);
	cr_assert_eq(s.weakest_link, deep);
	cr_assert_eq(s.weakest_exposure, 80);
	model_data_free(&d);
}

/* Nothing below expectations: every exposure is 0, and the link is the
 * lowest score, then the widest reach, as before exposure existed. */
Test(weakest, no_exposure_falls_back_to_score_then_reach)
{
	struct jh_data d = {0};
	struct jh_journey_stats s;
	jh_id j = journey(&d, "j"), st = stage(&d, j, 0, "s");
	jh_id neutral_wide;

	tp(&d, j, st, 2, 100);
	tp(&d, j, st, 0, 30);
	neutral_wide = tp(&d, j, st, 0, 70);
	tp(&d, j, st, 1, 100);
	analysis_journey(&d, j, &s);
	cr_assert_eq(s.weakest_link, neutral_wide);
	cr_assert_eq(s.weakest_exposure, 0);
	model_data_free(&d);
}

Test(weakest, tie_on_score_and_reach_goes_to_heavier_open_pain)
{
	struct jh_data d = {0};
	struct jh_journey_stats s;
	jh_id j = journey(&d, "j"), st = stage(&d, j, 0, "s");
	jh_id a = tp(&d, j, st, -1, 50), b = tp(&d, j, st, -1, 50);

	pain(&d, a, 2, 3, "open");	/* 6 */
	pain(&d, b, 2, 2, "open");	/* 4 */
	pain(&d, b, 5, 5, "addressed"); /* closed: does not count */
	pain(&d, b, 1, 1, "open");	/* 4 + 1 = 5 < 6 */
	analysis_journey(&d, j, &s);
	cr_assert_eq(s.weakest_link, a);
	cr_assert_eq(analysis_pain_weight(&d, a), 6);
	cr_assert_eq(analysis_pain_weight(&d, b), 5);
	pain(&d, b, 1, 2, "open"); /* b: 7 */
	analysis_journey(&d, j, &s);
	cr_assert_eq(s.weakest_link, b);
	model_data_free(&d);
}

Test(weakest, full_tie_goes_to_lower_id)
{
	struct jh_data d = {0};
	struct jh_journey_stats s;
	jh_id j = journey(&d, "j");
	jh_id s1 = stage(&d, j, 1, "later"), s0 = stage(&d, j, 0, "first");
	jh_id a = tp(&d, j, s1, 0, 40); /* lower id, later in the journey */

	tp(&d, j, s0, 0, 40);
	analysis_journey(&d, j, &s);
	cr_assert_eq(s.weakest_link, a);
	model_data_free(&d);
}

Test(weakest, all_positive_journey_still_has_a_weakest_link)
{
	struct jh_data d = {0};
	struct jh_journey_stats s;
	jh_id j = journey(&d, "j"), st = stage(&d, j, 0, "s");
	jh_id one;

	tp(&d, j, st, 2, 100);
	one = tp(&d, j, st, 1, 100);
	analysis_journey(&d, j, &s);
	cr_assert_eq(s.weakest_link, one);
	model_data_free(&d);
}

Test(weakest, pain_weight_of_no_touchpoint_is_zero)
{
	struct jh_data d = {0};

	pain(&d, 0, 5, 5, "open");
	cr_assert_eq(analysis_pain_weight(&d, 0), 0);
	model_data_free(&d);
}

Test(weakest, links_of_all_journeys)
{
	struct jh_data d = {0};
	struct invoice v = pay_the_invoice(&d);
	jh_id e = journey(&d, "empty"), k = journey(&d, "k"), sk = stage(&d, k, 0, "s");
	jh_id only = tp(&d, k, sk, 1, 1);
	size_t n;
	jh_id *links = analysis_weakest_links(&d, &n);

	(void)e;
	cr_assert_eq(n, 2, "an empty journey has no weakest link");
	cr_assert_eq(links[0], v.receive);
	cr_assert_eq(links[1], only);
	free(links);
	model_data_free(&d);
}

/* ------------------------------------------------- order and exposure */

Test(order, journey_order_is_stage_position_then_position_then_id)
{
	struct jh_data d = {0};
	jh_id j = journey(&d, "j");
	jh_id late = stage(&d, j, 2, "late"), early = stage(&d, j, 0, "early");
	jh_id mid = stage(&d, j, 1, "mid");
	jh_id t1 = tp_full(&d, j, late, 0, "a", "", 0, 1, 1);
	jh_id t2 = tp_full(&d, j, early, 1, "b", "", 0, 1, 1);
	jh_id t3 = tp_full(&d, j, early, 0, "c", "", 0, 1, 1);
	jh_id t4 = tp_full(&d, j, mid, 5, "d", "", 0, 1, 1);
	jh_id t5 = tp_full(&d, j, mid, 5, "e", "", 0, 1, 1);
	jh_id want[5] = {t3, t2, t4, t5, t1};
	size_t n, *idx = analysis_journey_touchpoints(&d, j, &n);

	cr_assert_eq(n, 5);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(d.touchpoints[idx[i]].id, want[i], "position %zu", i);
	free(idx);
	model_data_free(&d);
}

Test(exposure, reach_times_negative_score)
{
	struct jh_touchpoint t = {0};

	t.reach = 80;
	t.score = -2;
	cr_assert_eq(analysis_exposure(&t), 160);
	t.score = -1;
	cr_assert_eq(analysis_exposure(&t), 80);
	t.score = 0;
	cr_assert_eq(analysis_exposure(&t), 0);
	t.score = 2;
	cr_assert_eq(analysis_exposure(&t), 0, "a positive score exposes nobody");
	t.score = -2;
	t.reach = 0;
	cr_assert_eq(analysis_exposure(&t), 0);
}

Test(exposure, ranking_of_the_invoice_journey)
{
	struct jh_data d = {0};
	struct invoice v = pay_the_invoice(&d);
	/* 160, 60, 30, then the zeros by score: 0 before +1. */
	jh_id want[5] = {v.receive, v.understand, v.ask, v.confirm, v.pay};
	size_t n, *idx = analysis_exposure_rank(&d, v.j, &n);

	cr_assert_eq(n, 5);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(d.touchpoints[idx[i]].id, want[i], "place %zu", i);
	free(idx);
	model_data_free(&d);
}

Test(exposure, ties_go_to_lower_score_then_higher_reach_then_id)
{
	struct jh_data d = {0};
	jh_id j = journey(&d, "j"), st = stage(&d, j, 0, "s");
	jh_id a = tp_full(&d, j, st, 1, "a", "", -1, 40, 1);
	jh_id b = tp_full(&d, j, st, 0, "b", "", -2, 20, 1); /* 40 too, lower score */
	jh_id c = tp_full(&d, j, st, 2, "c", "", 0, 90, 1);
	jh_id e = tp_full(&d, j, st, 3, "e", "", 0, 90, 1); /* same as c: id */
	jh_id f = tp_full(&d, j, st, 4, "f", "", 0, 10, 1);
	jh_id want[5] = {b, a, c, e, f};
	size_t n, *idx = analysis_exposure_rank(&d, j, &n);

	cr_assert_eq(n, 5);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(d.touchpoints[idx[i]].id, want[i], "place %zu", i);
	free(idx);
	model_data_free(&d);
}

/* ---------------------------------------------------------- channel hops */

Test(hops, counts_changes_between_consecutive_touchpoints)
{
	struct jh_data d = {0};
	struct jh_journey_stats s;
	jh_id j = journey(&d, "j"), st = stage(&d, j, 0, "s");

	tp_full(&d, j, st, 0, "a", "web", 0, 1, 1);
	tp_full(&d, j, st, 1, "b", "web", 0, 1, 1);
	tp_full(&d, j, st, 2, "c", "phone", 0, 1, 1);
	tp_full(&d, j, st, 3, "d", "web", 0, 1, 1);
	analysis_journey(&d, j, &s);
	cr_assert_eq(s.channel_hops, 2);
	model_data_free(&d);
}

Test(hops, single_channel_journey_has_none)
{
	struct jh_data d = {0};
	struct jh_journey_stats s;
	jh_id j = journey(&d, "j"), st = stage(&d, j, 0, "s");

	tp_full(&d, j, st, 0, "a", "app", 0, 1, 1);
	tp_full(&d, j, st, 1, "b", "App", 0, 1, 1);
	tp_full(&d, j, st, 2, "c", "app", 0, 1, 1);
	analysis_journey(&d, j, &s);
	cr_assert_eq(s.channel_hops, 0, "case does not make a channel");
	model_data_free(&d);
}

Test(hops, unknown_channel_is_skipped)
{
	struct jh_data d = {0};
	struct jh_journey_stats s;
	jh_id j = journey(&d, "j"), st = stage(&d, j, 0, "s");

	tp_full(&d, j, st, 0, "a", "web", 0, 1, 1);
	tp_full(&d, j, st, 1, "b", "", 0, 1, 1);
	tp_full(&d, j, st, 2, "c", "web", 0, 1, 1);
	tp_full(&d, j, st, 3, "d", "", 0, 1, 1);
	tp_full(&d, j, st, 4, "e", "chat", 0, 1, 1);
	analysis_journey(&d, j, &s);
	cr_assert_eq(s.channel_hops, 1);
	model_data_free(&d);
}

Test(hops, follow_journey_order_not_array_order)
{
	struct jh_data d = {0};
	struct jh_journey_stats s;
	jh_id j = journey(&d, "j");
	jh_id s1 = stage(&d, j, 1, "second"), s0 = stage(&d, j, 0, "first");

	/* In journey order: web, web, phone, phone: one hop. In array order
	 * (phone, web, phone, web) it would be three. */
	tp_full(&d, j, s1, 0, "a", "phone", 0, 1, 1);
	tp_full(&d, j, s0, 0, "b", "web", 0, 1, 1);
	tp_full(&d, j, s1, 1, "c", "phone", 0, 1, 1);
	tp_full(&d, j, s0, 1, "d", "web", 0, 1, 1);
	analysis_journey(&d, j, &s);
	cr_assert_eq(s.channel_hops, 1);
	model_data_free(&d);
}

/* ------------------------------------------------------- questionable */

Test(questionable, potential_zero_and_not_positive)
{
	struct jh_touchpoint t = {0};

	t.potential = 0;
	t.score = 0;
	cr_assert(analysis_questionable(&t));
	t.score = -2;
	cr_assert(analysis_questionable(&t));
	t.score = 1;
	cr_assert_not(analysis_questionable(&t), "already positive");
	t.score = -2;
	t.potential = 1;
	cr_assert_not(analysis_questionable(&t), "can still improve");
}

/* ------------------------------------------------------- prioritisation */

Test(method, names_round_trip)
{
	cr_assert_eq(analysis_method_parse("impact-effort"), JH_METHOD_IMPACT_EFFORT);
	cr_assert_eq(analysis_method_parse("ice"), JH_METHOD_ICE);
	cr_assert_eq(analysis_method_parse("rice"), JH_METHOD_RICE);
	cr_assert_eq(analysis_method_parse("votes"), JH_METHOD_VOTES);
	cr_assert_eq(analysis_method_parse("ICE"), -1);
	cr_assert_eq(analysis_method_parse(""), -1);
	cr_assert_eq(analysis_method_parse(NULL), -1);
	for (int m = JH_METHOD_IMPACT_EFFORT; m <= JH_METHOD_VOTES; m++)
		cr_assert_eq(analysis_method_parse(analysis_method_name((enum jh_method)m)), m);
}

Test(method, unknown_workshop_method_is_impact_effort)
{
	struct jh_data d = {0};

	set_method(&d, "bogus");
	cr_assert_eq(analysis_workshop_method(&d), JH_METHOD_IMPACT_EFFORT);
	set_method(&d, "rice");
	cr_assert_eq(analysis_workshop_method(&d), JH_METHOD_RICE);
	model_data_free(&d);
}

Test(score, impact_effort)
{
	struct jh_idea x = {.impact = 4, .effort = 2, .confidence = 3, .reach = 80};

	cr_assert_float_eq(analysis_idea_score(JH_METHOD_IMPACT_EFFORT, &x, 0), 2.0, 1e-12);
	x.impact = 1;
	x.effort = 3;
	cr_assert_float_eq(analysis_idea_score(JH_METHOD_IMPACT_EFFORT, &x, 0), 1.0 / 3, 1e-12);
}

Test(score, ice_uses_ease_six_minus_effort)
{
	struct jh_idea x = {.impact = 4, .effort = 2, .confidence = 3, .reach = 80};

	cr_assert_float_eq(analysis_idea_score(JH_METHOD_ICE, &x, 9), 48.0, 1e-12); /* 4*3*4 */
	x.effort = 5;
	cr_assert_float_eq(analysis_idea_score(JH_METHOD_ICE, &x, 9), 12.0, 1e-12); /* 4*3*1 */
	x.effort = 1;
	x.impact = x.confidence = 5;
	cr_assert_float_eq(analysis_idea_score(JH_METHOD_ICE, &x, 9), 125.0, 1e-12);
}

Test(score, rice_reach_percent)
{
	struct jh_idea x = {.impact = 4, .effort = 2, .confidence = 3, .reach = 80};

	/* 80 x 4 x 3/5 / 2 = 96 */
	cr_assert_float_eq(analysis_idea_score(JH_METHOD_RICE, &x, 0), 96.0, 1e-9);
	x.reach = 0;
	cr_assert_float_eq(analysis_idea_score(JH_METHOD_RICE, &x, 0), 0.0, 1e-12);
	x.reach = 100;
	x.impact = 1;
	x.confidence = 1;
	x.effort = 3;
	/* 100 x 1 x 1/5 / 3 = 6.67 */
	cr_assert_float_eq(analysis_idea_score(JH_METHOD_RICE, &x, 0), 20.0 / 3, 1e-9);
}

Test(score, votes_alone)
{
	struct jh_idea x = {.impact = 5, .effort = 1, .confidence = 5, .reach = 100};

	cr_assert_float_eq(analysis_idea_score(JH_METHOD_VOTES, &x, 7), 7.0, 1e-12);
	cr_assert_float_eq(analysis_idea_score(JH_METHOD_VOTES, &x, 0), 0.0, 1e-12);
}

Test(score, zero_effort_does_not_divide_by_zero)
{
	struct jh_idea x = {.impact = 3, .effort = 0, .confidence = 3, .reach = 50};
	double s = analysis_idea_score(JH_METHOD_IMPACT_EFFORT, &x, 0);

	cr_assert(s == s && s < 1e9);
	s = analysis_idea_score(JH_METHOD_RICE, &x, 0);
	cr_assert(s == s && s < 1e9);
}

Test(score, formatting)
{
	char buf[32];

	analysis_format_score(JH_METHOD_IMPACT_EFFORT, 2.0, buf, sizeof buf);
	cr_assert_str_eq(buf, "2.00");
	analysis_format_score(JH_METHOD_IMPACT_EFFORT, 1.0 / 3, buf, sizeof buf);
	cr_assert_str_eq(buf, "0.33");
	analysis_format_score(JH_METHOD_ICE, 36, buf, sizeof buf);
	cr_assert_str_eq(buf, "36");
	analysis_format_score(JH_METHOD_RICE, 20.0 / 3, buf, sizeof buf);
	cr_assert_str_eq(buf, "6.7");
	analysis_format_score(JH_METHOD_VOTES, 4, buf, sizeof buf);
	cr_assert_str_eq(buf, "4");
}

Test(quadrant, every_boundary)
{
	cr_assert_eq(analysis_quadrant(3, 2), JH_QUICK_WIN);
	cr_assert_eq(analysis_quadrant(5, 1), JH_QUICK_WIN);
	cr_assert_eq(analysis_quadrant(3, 3), JH_BIG_BET);
	cr_assert_eq(analysis_quadrant(5, 5), JH_BIG_BET);
	cr_assert_eq(analysis_quadrant(2, 2), JH_FILL_IN);
	cr_assert_eq(analysis_quadrant(1, 1), JH_FILL_IN);
	cr_assert_eq(analysis_quadrant(2, 3), JH_MONEY_PIT);
	cr_assert_eq(analysis_quadrant(1, 5), JH_MONEY_PIT);
	for (int i = 1; i <= 5; i++)
		for (int e = 1; e <= 5; e++) {
			enum jh_quadrant q = analysis_quadrant(i, e);
			cr_assert_eq(q == JH_QUICK_WIN || q == JH_BIG_BET, i >= 3);
			cr_assert_eq(q == JH_BIG_BET || q == JH_MONEY_PIT, e >= 3);
		}
}

Test(quadrant, names_and_labels)
{
	cr_assert_str_eq(analysis_quadrant_name(JH_QUICK_WIN), "quick-win");
	cr_assert_str_eq(analysis_quadrant_name(JH_BIG_BET), "big-bet");
	cr_assert_str_eq(analysis_quadrant_name(JH_FILL_IN), "fill-in");
	cr_assert_str_eq(analysis_quadrant_name(JH_MONEY_PIT), "money-pit");
	cr_assert_str_eq(analysis_quadrant_label(JH_QUICK_WIN), "Quick wins");
	cr_assert_str_eq(analysis_quadrant_label(JH_MONEY_PIT), "Money pits");
}

/* ---------------------------------------------------------------- backlog */

Test(backlog, ranks_by_score_then_votes_then_id)
{
	struct jh_data d = {0};
	struct jh_ranked_idea *r;
	size_t n;
	jh_id a, b, c, e;

	set_method(&d, "impact-effort");
	a = idea(&d, 2, 2, 3, 100); /* 1.00 */
	b = idea(&d, 4, 2, 3, 100); /* 2.00, 1 vote */
	c = idea(&d, 2, 1, 3, 100); /* 2.00, 3 votes */
	e = idea(&d, 4, 2, 3, 100); /* 2.00, 1 vote, higher id than b */
	vote(&d, b, 1, 1);
	vote(&d, c, 1, 2);
	vote(&d, c, 2, 1);
	vote(&d, e, 2, 1);
	r = analysis_backlog(&d, &n);
	cr_assert_eq(n, 4);
	cr_assert_eq(d.ideas[r[0].index].id, c);
	cr_assert_eq(d.ideas[r[1].index].id, b);
	cr_assert_eq(d.ideas[r[2].index].id, e);
	cr_assert_eq(d.ideas[r[3].index].id, a);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(r[i].rank, (int)i + 1);
	cr_assert_eq(r[0].votes, 3);
	cr_assert_float_eq(r[0].score, 2.0, 1e-12);
	cr_assert_eq(r[3].quadrant, JH_FILL_IN);
	cr_assert_eq(r[1].quadrant, JH_QUICK_WIN);
	cr_assert_eq(analysis_idea_rank(r, n, &d, e), 3);
	cr_assert_eq(analysis_idea_rank(r, n, &d, 99999), 0);
	free(r);
	model_data_free(&d);
}

Test(backlog, equal_fractions_tie_exactly)
{
	struct jh_data d = {0};
	struct jh_ranked_idea *r;
	size_t n;
	jh_id a, b;

	set_method(&d, "rice");
	/* 60x5x3/5/3 = 60 and 75x4x2/5/2 = 60: equal, so votes decide. */
	a = idea(&d, 5, 3, 3, 60);
	b = idea(&d, 4, 2, 2, 75);
	vote(&d, b, 1, 1);
	r = analysis_backlog(&d, &n);
	cr_assert_eq(d.ideas[r[0].index].id, b);
	cr_assert_eq(d.ideas[r[1].index].id, a);
	free(r);
	model_data_free(&d);
}

Test(backlog, votes_method_and_empty_backlog)
{
	struct jh_data d = {0};
	struct jh_ranked_idea *r;
	size_t n = 42;
	jh_id a, b;

	set_method(&d, "votes");
	r = analysis_backlog(&d, &n);
	cr_assert_eq(n, 0);
	free(r);
	a = idea(&d, 5, 1, 5, 100);
	b = idea(&d, 1, 5, 1, 0);
	vote(&d, b, 1, 2);
	r = analysis_backlog(&d, &n);
	cr_assert_eq(d.ideas[r[0].index].id, b);
	cr_assert_float_eq(r[0].score, 2.0, 1e-12);
	cr_assert_eq(d.ideas[r[1].index].id, a);
	free(r);
	model_data_free(&d);
}

Test(backlog, ice_method)
{
	struct jh_data d = {0};
	struct jh_ranked_idea *r;
	size_t n;
	jh_id a, b;

	set_method(&d, "ice");
	a = idea(&d, 4, 4, 4, 100); /* 4*4*2 = 32 */
	b = idea(&d, 3, 1, 3, 100); /* 3*3*5 = 45 */
	r = analysis_backlog(&d, &n);
	cr_assert_eq(d.ideas[r[0].index].id, b);
	cr_assert_float_eq(r[0].score, 45.0, 1e-12);
	cr_assert_eq(d.ideas[r[1].index].id, a);
	free(r);
	model_data_free(&d);
}

Test(backlog, marks_ideas_on_a_weakest_link)
{
	struct jh_data d = {0};
	struct invoice v = pay_the_invoice(&d);
	struct jh_ranked_idea *r;
	size_t n;
	jh_id on_invoice = pain(&d, v.receive, 4, 5, "open");
	jh_id on_phone = pain(&d, v.ask, 3, 3, "open");
	jh_id loose = pain(&d, 0, 3, 3, "open");
	jh_id x = idea(&d, 4, 2, 3, 80), y = idea(&d, 4, 2, 3, 80), z = idea(&d, 1, 5, 1, 1);

	link_pain(&d, x, on_phone);
	link_pain(&d, x, on_invoice);
	link_pain(&d, y, on_phone);
	link_pain(&d, y, loose);
	(void)z;
	r = analysis_backlog(&d, &n);
	for (size_t i = 0; i < n; i++) {
		jh_id id = d.ideas[r[i].index].id;
		cr_assert_eq(r[i].on_weakest_link, id == x, "idea %lld", (long long)id);
	}
	free(r);
	model_data_free(&d);
}

/* ----------------------------------------------------------------- actions */

Test(actions, overdue_is_before_today_and_not_done)
{
	struct jh_action a = {0};

	a.due = "2026-03-09";
	a.status = "todo";
	cr_assert(analysis_action_overdue(&a, "2026-03-10"));
	a.status = "doing";
	cr_assert(analysis_action_overdue(&a, "2026-03-10"));
	a.status = "done";
	cr_assert_not(analysis_action_overdue(&a, "2026-03-10"));
	a.status = "todo";
	cr_assert_not(analysis_action_overdue(&a, "2026-03-09"), "due today is not late");
	cr_assert_not(analysis_action_overdue(&a, "2026-03-08"));
	a.due = "";
	cr_assert_not(analysis_action_overdue(&a, "2026-03-10"));
	a.due = "2025-12-31";
	cr_assert(analysis_action_overdue(&a, "2026-01-01"));
}

Test(actions, ordered_by_idea_rank_then_due_then_id)
{
	struct jh_data d = {0};
	struct jh_ranked_idea *r;
	size_t nb, n, *idx;
	jh_id top, second;
	jh_id a1, a2, a3, a4, a5, a6;

	set_method(&d, "impact-effort");
	second = idea(&d, 2, 2, 3, 100);
	top = idea(&d, 5, 1, 3, 100);
	a1 = action(&d, 0, "2026-01-01", "todo"); /* no idea: last */
	a2 = action(&d, second, "2026-02-01", "todo");
	a3 = action(&d, top, "", "todo"); /* undated: after dated */
	a4 = action(&d, top, "2026-05-01", "done");
	a5 = action(&d, top, "2026-04-01", "todo");
	a6 = action(&d, second, "2026-02-01", "doing"); /* same date: by id */
	r = analysis_backlog(&d, &nb);
	idx = analysis_actions_ordered(&d, r, nb, &n);
	{
		jh_id want[6] = {a5, a4, a3, a2, a6, a1};
		cr_assert_eq(n, 6);
		for (size_t i = 0; i < n; i++)
			cr_assert_eq(d.actions[idx[i]].id, want[i], "place %zu", i);
	}
	free(idx);
	free(r);
	model_data_free(&d);
}

/* methods.def is the one list: the field table offers exactly its
 * names, in its order, and each name parses back to its method. */
Test(methods, declared_once_for_every_reader)
{
	const struct jh_field_def *f = kinds_field(kinds_get(JH_WORKSHOP), "method");

	cr_assert_not_null(f);
	for (int m = 0; m < JH_NMETHODS; m++) {
		const char *name = analysis_method_name((enum jh_method)m);

		cr_assert_str_eq(f->choices[m], name);
		cr_assert_eq(analysis_method_parse(name), m);
		cr_assert_neq(analysis_method_formula((enum jh_method)m)[0], '\0');
	}
	cr_assert_null(f->choices[JH_NMETHODS]);
	cr_assert_str_eq(f->defval, analysis_method_name((enum jh_method)0));
	cr_assert_str_eq(analysis_method_name((enum jh_method)99), "impact-effort");
}

struct pair {
	int key, order;
};

static int by_key(const void *ctx, const void *a, const void *b)
{
	const int *dir = ctx;
	const struct pair *x = a, *y = b;

	return *dir * ((x->key > y->key) - (x->key < y->key));
}

/* util_sort keeps equal keys in their order and reads its direction
 * from the context, over many sizes and orders. */
Test(sort, stable_and_with_a_context)
{
	unsigned int seed = 7;

	for (size_t n = 0; n < 300; n += 7) {
		struct pair *v = calloc(n + 1, sizeof *v);
		int dir = n % 2 ? -1 : 1;

		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			v[i].key = (int)((seed >> 16) % 9);
			v[i].order = (int)i;
		}
		util_sort(v, n, sizeof *v, by_key, &dir);
		for (size_t i = 1; i < n; i++) {
			cr_assert(dir * v[i - 1].key <= dir * v[i].key, "n %zu: out of order", n);
			if (v[i - 1].key == v[i].key)
				cr_assert_lt(v[i - 1].order, v[i].order, "n %zu: not stable", n);
		}
		free(v);
	}
}

/* ------------------------------------------------------ as-is and to-be */

static void set_target(struct jh_data *d, jh_id id, const char *target)
{
	for (size_t i = 0; i < d->ntouchpoints; i++)
		if (d->touchpoints[i].id == id) {
			free(d->touchpoints[i].target);
			d->touchpoints[i].target = util_xstrdup(target);
		}
}

Test(target, unset_none_and_values)
{
	struct jh_data d = {0};
	jh_id j = journey(&d, "j"), st = stage(&d, j, 0, "s");
	jh_id a = tp(&d, j, st, -1, 50), b = tp(&d, j, st, -1, 50), c = tp(&d, j, st, -1, 50);
	int v = 99;

	set_target(&d, b, "none");
	set_target(&d, c, "-2");
	cr_assert_eq(analysis_target(model_touchpoint(&d, a), &v), 0, "never set");
	cr_assert_eq(analysis_target(model_touchpoint(&d, b), &v), 0, "none");
	cr_assert_eq(v, 99, "left alone when unset");
	cr_assert_eq(analysis_target(model_touchpoint(&d, c), &v), 1);
	cr_assert_eq(v, -2);
	model_data_free(&d);
}

/* The invoice journey with targets, worked by hand:
 *   receive    -2 -> +1, gap 3, potential 2: closes 2 x 80 % = 160
 *   understand -1 -> +1, gap 2, potential 3: closes 2 x 60 % = 120
 *   ask        -1 ->  0, gap 1, potential 2: closes 1 x 30 % =  30
 *   pay        +1 -> +1, no gap
 *   confirm     0 -> +2, gap 2, potential 0: closes 0          =   0 */
Test(gaps, invoice_journey_ranked_by_what_potential_can_close)
{
	struct jh_data d = {0};
	struct invoice v = pay_the_invoice(&d);
	jh_id want[4] = {v.receive, v.understand, v.ask, v.confirm};
	int gap[4] = {3, 2, 1, 2}, reachable[4] = {2, 2, 1, 0}, weight[4] = {160, 120, 30, 0};
	size_t n;
	struct jh_gap *g;

	set_target(&d, v.receive, "1");
	set_target(&d, v.understand, "1");
	set_target(&d, v.ask, "0");
	set_target(&d, v.pay, "1");
	set_target(&d, v.confirm, "2");
	g = analysis_gaps(&d, v.j, &n);
	cr_assert_eq(n, 4);
	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(d.touchpoints[g[i].index].id, want[i], "place %zu", i);
		cr_assert_eq(g[i].gap, gap[i], "gap %zu", i);
		cr_assert_eq(g[i].reachable, reachable[i], "reachable %zu", i);
		cr_assert_eq(g[i].weight, weight[i], "weight %zu", i);
	}
	free(g);
	model_data_free(&d);
}

Test(gaps, target_at_or_below_score_is_no_gap)
{
	struct jh_data d = {0};
	jh_id j = journey(&d, "Bli kund"), st = stage(&d, j, 0, "Köpa");
	jh_id a = tp(&d, j, st, 1, 90), b = tp(&d, j, st, 0, 90);
	size_t n;
	struct jh_gap *g;

	set_target(&d, a, "-1");
	set_target(&d, b, "0");
	tp(&d, j, st, -2, 90); /* no target at all */
	g = analysis_gaps(&d, j, &n);
	cr_assert_eq(n, 0);
	free(g);
	model_data_free(&d);
}

/* Equal weights: the larger gap, then the lower score, then the higher
 * reach, then the lower id. */
Test(gaps, ties)
{
	struct jh_data d = {0};
	jh_id j = journey(&d, "j"), st = stage(&d, j, 0, "s");
	jh_id a = tp_full(&d, j, st, 0, "a", "", -1, 50, 3);  /* gap 2, 2 x 50 = 100 */
	jh_id b = tp_full(&d, j, st, 1, "b", "", -2, 100, 1); /* gap 2, 1 x 100 = 100 */
	jh_id c = tp_full(&d, j, st, 2, "c", "", -1, 50, 3);  /* as a: by id */
	jh_id e = tp_full(&d, j, st, 3, "e", "", 0, 100, 1);  /* gap 1, 1 x 100 = 100 */
	jh_id f = tp_full(&d, j, st, 4, "f", "", 0, 50, 2);   /* gap 2, 2 x 50 = 100 */
	jh_id want[5] = {b, a, c, f, e};
	size_t n;
	struct jh_gap *g;

	set_target(&d, a, "1");
	set_target(&d, b, "0");
	set_target(&d, c, "1");
	set_target(&d, e, "1");
	set_target(&d, f, "2");
	g = analysis_gaps(&d, j, &n);
	cr_assert_eq(n, 5);
	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(g[i].weight, 100, "weight %zu", i);
		cr_assert_eq(d.touchpoints[g[i].index].id, want[i], "place %zu", i);
	}
	free(g);
	model_data_free(&d);
}

Test(gaps, every_journey_with_zero)
{
	struct jh_data d = {0};
	jh_id j1 = journey(&d, "Betala"), s1 = stage(&d, j1, 0, "s");
	jh_id j2 = journey(&d, "Få hjälp"), s2 = stage(&d, j2, 0, "s");
	jh_id a = tp(&d, j1, s1, -1, 40), b = tp(&d, j2, s2, -1, 70);
	size_t n;
	struct jh_gap *g;

	set_target(&d, a, "0");
	set_target(&d, b, "0");
	g = analysis_gaps(&d, 0, &n);
	cr_assert_eq(n, 2);
	cr_assert_eq(d.touchpoints[g[0].index].id, b, "70 before 40");
	cr_assert_eq(d.touchpoints[g[1].index].id, a);
	free(g);
	g = analysis_gaps(&d, j1, &n);
	cr_assert_eq(n, 1);
	free(g);
	model_data_free(&d);
}
