/* session.h: the rules of a running workshop, over a loaded workshop.
 *
 * Who may run the room, what a participant may see (private writing,
 * anonymous and hidden votes), the current step and its timer, vote
 * totals and the dot budget, and the next status of an item. Pure: no
 * curses, no SQL, no printing; the UI, the command line, the exports and
 * the store ask these functions so that no rule is written twice. */
#ifndef JOURNEYHACK_SESSION_H
#define JOURNEYHACK_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "journeyhack/err.h"
#include "journeyhack/kinds.h"
#include "journeyhack/model.h"

/* ---- who may do what ---- */

/* The participant's role is "facilitator" (NULL: no). */
int session_is_facilitator(const struct jh_participant *p);
/* Some participant of the workshop is a facilitator. */
int session_has_facilitator(const struct jh_data *d);
/* Facilitator rights for the terminal of participant `me` (0: nobody
 * chosen): me is a facilitator, or nobody is facilitator, in which case
 * whoever runs the workshop runs the agenda. */
int session_facilitates(const struct jh_data *d, jh_id me);

/* What takes facilitator rights. */
enum session_right {
	SESSION_RUN_TIMER, /* start or pause the timer */
	SESSION_RESET_TIMER,
	SESSION_REVEAL,		 /* reveal private writing */
	SESSION_MOVE_AGENDA,	 /* go to the next or previous step */
	SESSION_EDIT_AGENDA,	 /* edit a step */
	SESSION_EDIT_WORKSHOP,	 /* change the workshop's settings */
	SESSION_TYPE_FOR_OTHERS, /* enter items and votes for someone else */
	SESSION_RUN_ROUND,	 /* open or close a voting round (rounds.h) */
	SESSION_NRIGHTS
};

/* Whether `me` may do r. Every right follows session_facilitates except
 * SESSION_TYPE_FOR_OTHERS, which only a named facilitator has: with no
 * facilitator, choosing a participant says who you are, not for whom. */
int session_may(const struct jh_data *d, jh_id me, enum session_right r);
/* What r does, to complete "Only a facilitator can %s": "run the timer". */
const char *session_right_text(enum session_right r);

/* ---- names and roles ---- */

/* The participant a typed name means, by the one matching rule of
 * names.h (case and Unicode normalisation folded); an exact match wins
 * over a folded one. NULL when nobody has that name. */
const struct jh_participant *session_participant_named(const struct jh_data *d, const char *name);
/* The first facilitator (NULL: none) and, in *n when n is not NULL, how
 * many there are: what every terminal shows as who leads. */
const struct jh_participant *session_facilitator(const struct jh_data *d, size_t *n);

/* A change someone asks for, as the rights see it. */
enum session_op { SESSION_ADD, SESSION_SET, SESSION_DELETE };
struct session_change {
	enum jh_kind kind;
	enum session_op op;
	jh_id id;	  /* the item changed (0 for an add) */
	const char *role; /* a participant's role given, NULL: not given */
	jh_id for_whom;	  /* author or voter given, 0: none */
};

/* Whether `me` may make change c: the agenda (steps) and the workshop's
 * settings take facilitator rights; naming, demoting or removing a
 * facilitator takes a named facilitator (even in a workshop nobody leads,
 * so no terminal can crown itself: the owner names the first with
 * new --facilitator), and the last facilitator cannot be demoted or
 * removed (name another first); writing or voting
 * as someone else takes SESSION_TYPE_FOR_OTHERS. 0 when allowed, else -1
 * with "Only a facilitator can ..." (or why) in err. */
int session_change_check(const struct jh_data *d, jh_id me, const struct session_change *c,
			 struct jh_err *err);

/* ---- the agenda and its timer ---- */

/* The step the room is in: the first step (in agenda order) whose
 * position is current_step, else the first step; NULL with no agenda. */
const struct jh_step *session_current_step(const struct jh_data *d);
/* s's number in agenda order, 1..n (0: s is not one of d's steps): what
 * the command line and the interface both print as "step N of n". */
int session_step_number(const struct jh_data *d, const struct jh_step *s);
/* me may read the steps' facilitator notes: facilitators only (or anyone
 * while nobody is named facilitator, as for every other right). */
int session_notes_visible(const struct jh_data *d, jh_id me);
/* Writing in step s is hidden now: the step is private and unrevealed. */
int session_step_hides(const struct jh_step *s);
/* Revealing now reveals s: a private, unrevealed step at or before the
 * current one (earlier steps left hidden are revealed too). */
int session_step_revealable(const struct jh_data *d, const struct jh_step *s);

/* Seconds the timer has run for the current step at `now` (epoch
 * seconds), at most INT_MAX; a clock behind timer_started adds nothing. */
long session_timer_elapsed(const struct jh_workshop *w, int64_t now);
/* Seconds left of the current step's timebox (negative: over time); 0
 * with no agenda. */
long session_timer_left(const struct jh_data *d, int64_t now);

/* ---- what a participant may see ---- */

/* Who sits at a terminal. */
struct session_viewer {
	jh_id me;     /* the participant at this terminal; 0: nobody chosen */
	jh_id acting; /* whose items and votes are entered: me or someone typed for */
	int removed;  /* set by session_viewer_settle: me was removed elsewhere */
};

/* Someone removed elsewhere is no longer who we are or act for: a gone
 * `me` becomes 0 and sets `removed` (the terminal must say so and write
 * nothing until someone signs in again), a gone `acting` becomes `me`
 * (after that check). */
void session_viewer_settle(const struct jh_data *d, struct session_viewer *v);
/* Private writing: an item written (by author_id, 0: nobody) in a
 * private, unrevealed step is seen only by its author and whoever types
 * for them. An item with no author came from a terminal that chose
 * nobody, and only such terminals see it. */
int session_hidden(const struct jh_data *d, const struct session_viewer *v, jh_id step_id,
		   jh_id author_id);
/* session_hidden for every pain point (idea): out[i] is 1 when
 * d->painpoints[i] (d->ideas[i]) is hidden from v. Returns how many are. */
size_t session_hidden_painpoints(const struct jh_data *d, const struct session_viewer *v,
				 unsigned char *out);
size_t session_hidden_ideas(const struct jh_data *d, const struct session_viewer *v,
			    unsigned char *out);

/* Votes are hidden from everyone, facilitators too, while the current
 * step is private and unrevealed: each sees only their own dots. */
int session_votes_hidden(const struct jh_data *d);
/* The workshop votes anonymously. */
int session_votes_anonymous(const struct jh_data *d);
/* Who a vote may be attributed to outside the room: its participant, or
 * 0 when votes are anonymous. */
jh_id session_vote_voter(const struct jh_data *d, const struct jh_vote *v);

/* What the room may see of the votes; hidden outranks anonymous. */
enum session_votes_shown {
	SESSION_VOTES_OPEN,	 /* totals and who gave them */
	SESSION_VOTES_ANONYMOUS, /* totals only */
	SESSION_VOTES_HIDDEN	 /* only one's own dots */
};
enum session_votes_shown session_votes_shown(const struct jh_data *d);

/* ---- vote totals and the dot budget ---- */

/* Dots given to an idea, and spent by a participant, by id. */
int session_idea_votes(const struct jh_data *d, jh_id idea_id);
int session_participant_dots(const struct jh_data *d, jh_id participant_id);
/* Dots a participant has left of the workshop's budget (negative when
 * the budget was lowered below what was spent). */
int session_dots_left(const struct jh_data *d, jh_id participant_id);

/* Every total in one pass over the votes. */
struct session_tally {
	int *votes; /* per d->ideas[i]: all its dots */
	int *mine;  /* per d->ideas[i]: the acting participant's dots */
	int spent;  /* dots the acting participant has given (to any idea) */
	int left;   /* dots_per_participant - spent */
};

/* Fill t for participant `acting` (0: nobody: mine and spent stay 0).
 * Votes for an idea not in d count in nothing but spent. Free with
 * session_tally_free. */
void session_tally(const struct jh_data *d, jh_id acting, struct session_tally *t);
void session_tally_free(struct session_tally *t);

/* One participant's change of dots on one idea, as the budget sees it. */
struct session_ballot {
	long long budget; /* dots per participant */
	long long cap;	  /* at most this many per idea and participant; 0: no cap */
	long long spent;  /* all the participant's dots before the change */
	long long have;	  /* their dots on this idea before */
	long long want;	  /* their dots on this idea after */
};

/* The ballot of participant_id giving `dots` more (negative: taking
 * back) to idea_id in the loaded workshop. */
void session_ballot(const struct jh_data *d, jh_id participant_id, jh_id idea_id, int dots,
		    struct session_ballot *b);
/* 0 when the change is allowed, else -1 with err. Taking dots back is
 * always allowed down to 0; adding must keep within the budget and the
 * per-idea cap (a cap of 0 is none). */
int session_vote_check(const struct session_ballot *b, jh_id idea_id, struct jh_err *err);

/* ---- lowering the dot budget or the per-idea cap ---- */

/* Which limit a change lowers. */
enum session_limit {
	SESSION_LIMIT_BUDGET, /* dots per participant */
	SESSION_LIMIT_CAP     /* dots per idea from one participant */
};

/* A participant's dots as a limit sees them: all they spent (budget), or
 * their most dots on any one idea (cap). */
struct session_spender {
	const char *name;
	long long dots;
};

/* 0 when nobody in s has more dots than `limit` (a cap of 0 is none),
 * else -1 with err naming everyone over it, most first: "cannot lower
 * the budget to 3: Åsa has spent 5, Øyvind 4". The store runs it inside
 * the transaction that changes the setting; the UI and the CLI show its
 * message and may offer to trim (store_workshop_trim). */
int session_limit_check(enum session_limit which, long long limit, const struct session_spender *s,
			size_t n, struct jh_err *err);
/* Both checks over a loaded workshop for a new budget and cap. */
int session_limits_check(const struct jh_data *d, long long budget, long long cap,
			 struct jh_err *err);

/* ---- status cycling ---- */

/* The status after `status` for an item of kind (pain point: open ->
 * addressed -> dropped -> open; action: todo -> doing -> done -> todo),
 * the first one for an unknown status; NULL when the kind has none. */
const char *session_status_next(enum jh_kind kind, const char *status);

/* The change one press of "cycle" makes. */
struct session_cycle {
	char assign[64];  /* "status=addressed", "answered=yes" */
	const char *what; /* "status", "answered flag": what changed */
};

/* What cycling item id of kind changes: a pain point's or an action's
 * status, a parking lot entry's answered flag (an item not in d counts as
 * status "" or unanswered). -1 when items of kind do not cycle. */
int session_cycle(const struct jh_data *d, enum jh_kind kind, jh_id id, struct session_cycle *out);

#endif
