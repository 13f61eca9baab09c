/* session.c: the rules of a running workshop, as pure functions over a
 * loaded workshop: rights, visibility, the agenda's timer, vote totals
 * and status cycling.
 *
 * They reproduce what the UI, the command line and the JSON export each
 * decided on their own before, edge cases included (no facilitator named,
 * no agenda, a paused or overrun timer, no cap on dots per idea). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "journeyhack/i18n.h"
#include "journeyhack/names.h"
#include "journeyhack/rounds.h"
#include "journeyhack/session.h"
#include "journeyhack/util.h"

/* ---------------------------------------------------------------- rights */

int session_is_facilitator(const struct jh_participant *p)
{
	return p && util_streq(p->role, "facilitator");
}

int session_has_facilitator(const struct jh_data *d)
{
	for (size_t i = 0; i < d->nparticipants; i++)
		if (session_is_facilitator(&d->participants[i]))
			return 1;
	return 0;
}

int session_facilitates(const struct jh_data *d, jh_id me)
{
	const struct jh_participant *p = me ? model_participant(d, me) : NULL;

	/* With no facilitator named, whoever runs the UI runs the workshop. */
	return !session_has_facilitator(d) || session_is_facilitator(p);
}

static const char *const right_text[SESSION_NRIGHTS] = {
    [SESSION_RUN_TIMER] = N_("run the timer"),
    [SESSION_RESET_TIMER] = N_("reset the timer"),
    [SESSION_REVEAL] = N_("reveal private writing"),
    [SESSION_MOVE_AGENDA] = N_("move the agenda"),
    [SESSION_EDIT_AGENDA] = N_("edit the agenda"),
    [SESSION_EDIT_WORKSHOP] = N_("change the workshop"),
    [SESSION_TYPE_FOR_OTHERS] = N_("enter items and votes for someone else"),
    [SESSION_RUN_ROUND] = N_("open or close a voting round"),
};

int session_may(const struct jh_data *d, jh_id me, enum session_right r)
{
	if (r == SESSION_TYPE_FOR_OTHERS)
		return session_is_facilitator(me ? model_participant(d, me) : NULL);
	return session_facilitates(d, me);
}

const char *session_right_text(enum session_right r)
{
	return (int)r >= 0 && r < SESSION_NRIGHTS ? _(right_text[r]) : "";
}

/* ---------------------------------------------------------------- names, roles */

const struct jh_participant *session_participant_named(const struct jh_data *d, const char *name)
{
	const struct jh_participant *folded = NULL;

	for (size_t i = 0; name && i < d->nparticipants; i++) {
		const struct jh_participant *p = &d->participants[i];
		if (util_streq(p->name, name))
			return p;
		if (!folded && names_same(p->name, name))
			folded = p;
	}
	return folded;
}

const struct jh_participant *session_facilitator(const struct jh_data *d, size_t *n)
{
	const struct jh_participant *first = NULL;
	size_t count = 0;

	for (size_t i = 0; i < d->nparticipants; i++)
		if (session_is_facilitator(&d->participants[i])) {
			first = first ? first : &d->participants[i];
			count++;
		}
	if (n)
		*n = count;
	return first;
}

static int refuse(enum session_right r, struct jh_err *err)
{
	return err_set(err, _("Only a facilitator can %s"), session_right_text(r));
}

/* Whether c makes a facilitator, or takes one away. */
static int touches_facilitator(const struct jh_data *d, const struct session_change *c,
			       int *takes_away)
{
	const struct jh_participant *p = c->op == SESSION_ADD ? NULL : model_participant(d, c->id);
	int was = session_is_facilitator(p), will;

	if (c->op == SESSION_DELETE)
		will = 0;
	else if (c->role)
		will = util_streq(c->role, "facilitator");
	else
		will = was;
	*takes_away = was && !will;
	return was != will;
}

static int participant_check(const struct jh_data *d, jh_id me, const struct session_change *c,
			     struct jh_err *err)
{
	size_t n;
	int takes_away;

	if (!touches_facilitator(d, c, &takes_away))
		return 0;
	/* Not even in a workshop nobody leads: no terminal can crown itself. */
	if (!session_is_facilitator(me ? model_participant(d, me) : NULL))
		return err_set(err, _("Only a facilitator can name or remove a facilitator"));
	session_facilitator(d, &n);
	/* Nobody left to lead would hand the agenda to every terminal. */
	if (takes_away && n <= 1)
		return err_set(err,
			       _("%s is the only facilitator: make someone else facilitator first"),
			       model_participant(d, c->id)->name);
	return 0;
}

int session_change_check(const struct jh_data *d, jh_id me, const struct session_change *c,
			 struct jh_err *err)
{
	if (c->kind == JH_STEP && !session_may(d, me, SESSION_EDIT_AGENDA))
		return refuse(SESSION_EDIT_AGENDA, err);
	if (c->kind == JH_WORKSHOP && !session_may(d, me, SESSION_EDIT_WORKSHOP))
		return refuse(SESSION_EDIT_WORKSHOP, err);
	if (c->kind == JH_PARTICIPANT && participant_check(d, me, c, err))
		return -1;
	if (c->for_whom && c->for_whom != me && !session_may(d, me, SESSION_TYPE_FOR_OTHERS))
		return refuse(SESSION_TYPE_FOR_OTHERS, err);
	return 0;
}

/* ---------------------------------------------------------------- agenda, timer */

const struct jh_step *session_current_step(const struct jh_data *d)
{
	int cur = d->workshop.current_step;

	for (size_t i = 0; i < d->nsteps; i++)
		if (d->steps[i].position == cur)
			return &d->steps[i];
	return d->nsteps ? &d->steps[0] : NULL;
}

int session_step_number(const struct jh_data *d, const struct jh_step *s)
{
	return s && s >= d->steps && s < d->steps + d->nsteps ? (int)(s - d->steps) + 1 : 0;
}

int session_notes_visible(const struct jh_data *d, jh_id me)
{
	/* Notes are the facilitator's script (timings, what to say, who
	 * to nudge): the same right as moving the agenda. */
	return session_may(d, me, SESSION_MOVE_AGENDA);
}

int session_step_hides(const struct jh_step *s)
{
	return s && s->private_ && !s->revealed;
}

int session_step_revealable(const struct jh_data *d, const struct jh_step *s)
{
	const struct jh_step *cur = session_current_step(d);

	return cur && session_step_hides(s) && s->position <= cur->position;
}

/* Any int64 clock and start time, from a file or a clock set far off:
 * the difference and the sum are worked out where they cannot overflow
 * and capped at INT_MAX seconds, the most the store keeps. */
long session_timer_elapsed(const struct jh_workshop *w, int64_t now)
{
	int64_t used = w->timer_elapsed > 0 ? w->timer_elapsed : 0, run = 0;

	if (w->timer_running && now > w->timer_started) {
		if (w->timer_started < 0 && now > INT64_MAX + w->timer_started)
			run = INT_MAX;
		else
			run = now - w->timer_started;
	}
	if (run > INT_MAX - used)
		return INT_MAX;
	return (long)(used + run);
}

long session_timer_left(const struct jh_data *d, int64_t now)
{
	const struct jh_step *s = session_current_step(d);

	if (!s)
		return 0;
	return (long)s->minutes * 60 - session_timer_elapsed(&d->workshop, now);
}

/* ---------------------------------------------------------------- visibility */

void session_viewer_settle(const struct jh_data *d, struct session_viewer *v)
{
	if (v->me && !model_participant(d, v->me)) {
		v->me = 0;
		v->removed = 1;
	}
	if (v->acting && !model_participant(d, v->acting))
		v->acting = v->me;
}

static const struct jh_step *step_by_id(const struct jh_data *d, jh_id id)
{
	for (size_t i = 0; id && i < d->nsteps; i++)
		if (d->steps[i].id == id)
			return &d->steps[i];
	return NULL;
}

int session_hidden(const struct jh_data *d, const struct session_viewer *v, jh_id step_id,
		   jh_id author_id)
{
	if (!session_step_hides(step_by_id(d, step_id)))
		return 0;
	return author_id != v->me && author_id != v->acting;
}

size_t session_hidden_painpoints(const struct jh_data *d, const struct session_viewer *v,
				 unsigned char *out)
{
	size_t n = 0;

	for (size_t i = 0; i < d->npainpoints; i++) {
		const struct jh_painpoint *p = &d->painpoints[i];
		out[i] = (unsigned char)session_hidden(d, v, p->step_id, p->author_id);
		n += out[i];
	}
	return n;
}

size_t session_hidden_ideas(const struct jh_data *d, const struct session_viewer *v,
			    unsigned char *out)
{
	size_t n = 0;

	for (size_t i = 0; i < d->nideas; i++) {
		const struct jh_idea *x = &d->ideas[i];
		out[i] = (unsigned char)session_hidden(d, v, x->step_id, x->author_id);
		n += out[i];
	}
	return n;
}

int session_votes_hidden(const struct jh_data *d)
{
	return session_step_hides(session_current_step(d)) || rounds_open(d);
}

int session_votes_anonymous(const struct jh_data *d)
{
	return d->workshop.anonymous_votes != 0;
}

jh_id session_vote_voter(const struct jh_data *d, const struct jh_vote *v)
{
	/* Anonymous voting stays anonymous outside the room. */
	return session_votes_anonymous(d) ? 0 : v->participant_id;
}

enum session_votes_shown session_votes_shown(const struct jh_data *d)
{
	if (session_votes_hidden(d))
		return SESSION_VOTES_HIDDEN;
	return session_votes_anonymous(d) ? SESSION_VOTES_ANONYMOUS : SESSION_VOTES_OPEN;
}

/* ---------------------------------------------------------------- votes */

int session_idea_votes(const struct jh_data *d, jh_id idea_id)
{
	int n = 0;

	for (size_t i = 0; i < d->nvotes; i++)
		if (d->votes[i].idea_id == idea_id && rounds_vote_shown(d, &d->votes[i]))
			n += d->votes[i].dots;
	return n;
}

int session_participant_dots(const struct jh_data *d, jh_id participant_id)
{
	int n = 0;

	for (size_t i = 0; i < d->nvotes; i++)
		if (d->votes[i].participant_id == participant_id &&
		    rounds_vote_spent(d, &d->votes[i]))
			n += d->votes[i].dots;
	return n;
}

int session_dots_left(const struct jh_data *d, jh_id participant_id)
{
	return rounds_budget(d) - session_participant_dots(d, participant_id);
}

void session_tally(const struct jh_data *d, jh_id acting, struct session_tally *t)
{
	size_t n = d->nideas ? d->nideas : 1;

	t->votes = util_xcalloc(n, sizeof *t->votes);
	t->mine = util_xcalloc(n, sizeof *t->mine);
	t->spent = 0;
	/* One pass, ideas found by binary search: 100 000 votes stay fast. */
	for (size_t i = 0; i < d->nvotes; i++) {
		const struct jh_vote *v = &d->votes[i];
		const struct jh_idea *x = model_idea(d, v->idea_id);
		int ours = acting && v->participant_id == acting && rounds_vote_spent(d, v);
		if (ours)
			t->spent += v->dots;
		if (!x)
			continue;
		if (rounds_vote_shown(d, v))
			t->votes[x - d->ideas] += v->dots;
		if (ours)
			t->mine[x - d->ideas] += v->dots;
	}
	t->left = rounds_budget(d) - t->spent;
}

void session_tally_free(struct session_tally *t)
{
	free(t->votes);
	free(t->mine);
	t->votes = t->mine = NULL;
}

void session_ballot(const struct jh_data *d, jh_id participant_id, jh_id idea_id, int dots,
		    struct session_ballot *b)
{
	b->budget = rounds_budget(d);
	b->cap = d->workshop.max_dots_per_idea;
	b->spent = session_participant_dots(d, participant_id);
	b->have = 0;
	for (size_t i = 0; i < d->nvotes; i++)
		if (d->votes[i].participant_id == participant_id &&
		    d->votes[i].idea_id == idea_id && rounds_vote_spent(d, &d->votes[i]))
			b->have += d->votes[i].dots;
	b->want = b->have + dots;
}

int session_vote_check(const struct session_ballot *b, jh_id idea_id, struct jh_err *err)
{
	if (b->want < 0)
		return err_set(err, _("no dot of this participant on idea %lld to take back"),
			       (long long)idea_id);
	/* Taking back, or keeping, is allowed even over a lowered budget. */
	if (b->want <= b->have)
		return 0;
	if (b->spent - b->have + b->want > b->budget)
		return err_set(
		    err,
		    ngettext(
			"vote refused: the budget is %lld dots per participant and %lld is used",
			"vote refused: the budget is %lld dots per participant and %lld are used",
			(unsigned long)b->spent),
		    b->budget, b->spent);
	if (b->cap > 0 && b->want > b->cap)
		return err_set(err,
			       _("vote refused: at most %lld dots per idea from one participant"),
			       b->cap);
	return 0;
}

/* ---------------------------------------------------------------- limits */

static int cmp_spender(const void *ctx, const void *a, const void *b)
{
	const struct session_spender *x = a, *y = b;

	(void)ctx;
	return x->dots < y->dots ? 1 : x->dots > y->dots ? -1 : 0;
}

static void name_spenders(struct session_spender *s, size_t n, enum session_limit which, char *buf,
			  size_t size)
{
	size_t len = 0;

	util_sort(s, n, sizeof *s, cmp_spender, NULL);
	for (size_t i = 0; i < n && len + 1 < size; i++) {
		const char *verb = which == SESSION_LIMIT_BUDGET ? " has spent" : " has";
		const char *unit = which == SESSION_LIMIT_CAP ? " on one idea" : "";
		int w = snprintf(buf + len, size - len, "%s%s%s %lld%s", i ? ", " : "", s[i].name,
				 i ? "" : verb, s[i].dots, i ? "" : unit);
		if (w < 0 || (size_t)w >= size - len) {
			snprintf(buf + len, size - len, "%s", "...");
			return;
		}
		len += (size_t)w;
	}
}

int session_limit_check(enum session_limit which, long long limit, const struct session_spender *s,
			size_t n, struct jh_err *err)
{
	struct session_spender *over;
	size_t k = 0;
	char names[900];

	if (which == SESSION_LIMIT_CAP && limit <= 0)
		return 0;
	over = util_xcalloc(n + 1, sizeof *over);
	for (size_t i = 0; i < n; i++)
		if (s[i].dots > limit)
			over[k++] = s[i];
	if (!k) {
		free(over);
		return 0;
	}
	name_spenders(over, k, which, names, sizeof names);
	free(over);
	return err_set(err, _("cannot lower the %s to %lld: %s"),
		       which == SESSION_LIMIT_BUDGET ? "budget" : "per-idea cap", limit, names);
}

int session_limits_check(const struct jh_data *d, long long budget, long long cap,
			 struct jh_err *err)
{
	struct session_spender *s = util_xcalloc(d->nparticipants + 1, sizeof *s);
	int rc;

	for (size_t i = 0; i < d->nparticipants; i++) {
		s[i].name = d->participants[i].name;
		s[i].dots = session_participant_dots(d, d->participants[i].id);
	}
	rc = session_limit_check(SESSION_LIMIT_BUDGET, budget, s, d->nparticipants, err);
	for (size_t i = 0; !rc && i < d->nparticipants; i++) {
		s[i].dots = 0;
		for (size_t v = 0; v < d->nvotes; v++)
			if (d->votes[v].participant_id == d->participants[i].id &&
			    d->votes[v].dots > s[i].dots)
				s[i].dots = d->votes[v].dots;
	}
	if (!rc)
		rc = session_limit_check(SESSION_LIMIT_CAP, cap, s, d->nparticipants, err);
	free(s);
	return rc;
}

/* ---------------------------------------------------------------- status */

const char *session_status_next(enum jh_kind kind, const char *status)
{
	const struct jh_field_def *f = kinds_field(kinds_get(kind), "status");
	const char *const *list = f ? f->choices : NULL;

	if (!list || !list[0])
		return NULL;
	for (size_t i = 0; list[i]; i++)
		if (util_streq(status, list[i]))
			return list[i + 1] ? list[i + 1] : list[0];
	return list[0];
}

static const char *item_status(const struct jh_data *d, enum jh_kind kind, jh_id id)
{
	if (kind == JH_PAINPOINT) {
		const struct jh_painpoint *p = model_painpoint(d, id);
		return p ? p->status : "";
	}
	for (size_t i = 0; kind == JH_ACTION && i < d->nactions; i++)
		if (d->actions[i].id == id)
			return d->actions[i].status;
	return "";
}

int session_cycle(const struct jh_data *d, enum jh_kind kind, jh_id id, struct session_cycle *out)
{
	const char *next;

	if (kind == JH_PARKING) {
		int answered = 0;
		for (size_t i = 0; i < d->nparking; i++)
			if (d->parking[i].id == id)
				answered = d->parking[i].answered;
		snprintf(out->assign, sizeof out->assign, "answered=%s", answered ? "no" : "yes");
		out->what = "answered flag";
		return 0;
	}
	if (kind != JH_PAINPOINT && kind != JH_ACTION)
		return -1;
	next = session_status_next(kind, item_status(d, kind, id));
	if (!next)
		return -1;
	snprintf(out->assign, sizeof out->assign, "status=%s", next);
	out->what = "status";
	return 0;
}
