/* test_session.c: the rules of a running workshop on a hand-made one:
 * rights, private writing, hidden and anonymous votes, the timer, vote
 * totals and the dot budget, status cycling, with their edge cases. */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "journeyhack/names.h"
#include "journeyhack/session.h"

/* ------------------------------------------------ the workshop "Fjellstua" */

enum { ASA = 1, BJORN = 2, SIGRID = 3, OYSTEIN = 4, GONE = 99 };
enum { VALKOMMEN = 10, TYST = 11, IDEER = 12, PRICKAR = 13 };

/* Designated fields only, so the data keeps when structs grow. */
#define PERSON(i, n, dep, r)                                                                       \
	{                                                                                          \
		.id = i, .name = n, .department = dep, .role = r                                   \
	}
#define STEP(i, pos, t, min, v, priv, rev)                                                         \
	{                                                                                          \
		.id = i, .position = pos, .day = 1, .title = t, .minutes = min, .view = v,         \
		.private_ = priv, .revealed = rev, .notes = ""                                     \
	}
#define PAIN(i, t, st, au, sp)                                                                     \
	{                                                                                          \
		.id = i, .title = t, .severity = 3, .frequency = 3, .evidence = "", .status = st,  \
		.author_id = au, .step_id = sp                                                     \
	}
#define IDEA(i, t, au, sp)                                                                         \
	{                                                                                          \
		.id = i, .title = t, .belief = "", .experiment = "", .metric = "", .success = "",  \
		.impact = 3, .effort = 3, .confidence = 3, .reach = 100, .author_id = au,          \
		.step_id = sp                                                                      \
	}
#define VOTE(i, p, x, n)                                                                           \
	{                                                                                          \
		.id = i, .participant_id = p, .idea_id = x, .dots = n                              \
	}
#define ACTION(i, t, o, st)                                                                        \
	{                                                                                          \
		.id = i, .title = t, .owner = o, .due = "", .status = st, .notes = ""              \
	}
#define PARKING(i, t, ans, au)                                                                     \
	{                                                                                          \
		.id = i, .text = t, .answer = "", .answered = ans, .author_id = au                 \
	}

static struct jh_participant people[] = {
    PERSON(ASA, "Åsa Lindqvist", "Ledning", "facilitator"),
    PERSON(BJORN, "Bjørn Haugen", "Kundeservice", "participant"),
    PERSON(SIGRID, "Sigrid Nilsen", "Butikk", "participant"),
    PERSON(OYSTEIN, "Øystein Dahl", "Økonomi", "participant"),
};

/* Public welcome, silent writing (private), ideas (private, revealed),
 * dot voting (private). */
static struct jh_step steps[] = {
    STEP(VALKOMMEN, 0, "Välkommen", 15, "agenda", 0, 0),
    STEP(TYST, 1, "Smärtpunkter i tysthet", 20, "painpoints", 1, 0),
    STEP(IDEER, 2, "Idéer för fjällstugan", 30, "backlog", 1, 1),
    STEP(PRICKAR, 3, "Prickröstning", 10, "backlog", 1, 0),
};

static struct jh_painpoint pains[] = {
    PAIN(20, "Kön i kassan är lång", "open", BJORN, TYST),
    PAIN(21, "Ingen skylt på norsk", "addressed", SIGRID, TYST),
    PAIN(22, "Trång entré", "dropped", 0, TYST),
    PAIN(23, "Kaffen är kall", "open", BJORN, VALKOMMEN),
    PAIN(24, "Väntetid på rom", "open", SIGRID, IDEER),
    PAIN(25, "Smörgåsbordet tar slut", "okänd", OYSTEIN, 0),
};

static struct jh_idea ideas[] = {
    IDEA(30, "Självscanning i kiosken", BJORN, TYST),
    IDEA(31, "Skilt på bokmål og nynorsk", SIGRID, PRICKAR),
    IDEA(32, "Värm kaffen", 0, VALKOMMEN),
};

/* The last vote is for an idea this workshop no longer holds. */
static struct jh_vote votes[] = {
    VOTE(60, BJORN, 30, 2), VOTE(61, SIGRID, 30, 1), VOTE(62, BJORN, 31, 1),
    VOTE(63, ASA, 32, 3),   VOTE(64, BJORN, 77, 1),
};

static struct jh_action actions[] = {
    ACTION(40, "Beställ skyltar", "Åsa", "todo"),
    ACTION(41, "Ring Kjell på Tromsø-kontoret", "Bjørn", "doing"),
    ACTION(42, "Köp termos", "Sigrid", "done"),
    ACTION(43, "Flytta kön", "Øystein", "okänd"),
};

static struct jh_parking parking[] = {
    PARKING(50, "Vem äger kassasystemet?", 0, SIGRID),
    PARKING(51, "Hvem betaler for skiltene?", 1, BJORN),
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static struct jh_data fjellstua(void)
{
	struct jh_data d;

	memset(&d, 0, sizeof d);
	d.workshop.id = 1;
	d.workshop.name = "fjellstua";
	d.workshop.title = "Fjellstua: från kö till kaffe";
	d.workshop.dots_per_participant = 5;
	d.workshop.max_dots_per_idea = 0;
	d.workshop.current_step = 1;
	d.participants = people;
	d.nparticipants = N(people);
	d.steps = steps;
	d.nsteps = N(steps);
	d.painpoints = pains;
	d.npainpoints = N(pains);
	d.ideas = ideas;
	d.nideas = N(ideas);
	d.votes = votes;
	d.nvotes = N(votes);
	d.actions = actions;
	d.nactions = N(actions);
	d.parking = parking;
	d.nparking = N(parking);
	return d;
}

/* The same people with nobody named facilitator. */
static struct jh_participant equals[] = {
    PERSON(BJORN, "Bjørn Haugen", "Kundeservice", "participant"),
    PERSON(SIGRID, "Sigrid Nilsen", "Butikk", "participant"),
};

/* The fixture with an agenda of the test's own. */
static struct jh_data fjellstua_with(struct jh_step *agenda, size_t n)
{
	struct jh_data d = fjellstua();

	d.steps = agenda;
	d.nsteps = n;
	return d;
}

/* ------------------------------------------------ who may do what */

Test(session_rights, a_facilitator_is_named_by_role)
{
	struct jh_participant kajsa = PERSON(7, "Kajsa Ström", "", "Facilitator");
	struct jh_participant tor = PERSON(8, "Tor Åge", "", "");

	cr_assert(session_is_facilitator(&people[0]));
	cr_assert(!session_is_facilitator(&people[1]));
	cr_assert(!session_is_facilitator(&kajsa), "the role is spelled exactly");
	cr_assert(!session_is_facilitator(&tor));
	cr_assert(!session_is_facilitator(NULL));
}

Test(session_rights, the_facilitator_runs_the_room_others_do_not)
{
	struct jh_data d = fjellstua();

	cr_assert(session_has_facilitator(&d));
	cr_assert(session_facilitates(&d, ASA));
	cr_assert(!session_facilitates(&d, BJORN));
	cr_assert(!session_facilitates(&d, 0), "a terminal that chose nobody");
	cr_assert(!session_facilitates(&d, GONE), "someone removed elsewhere");
}

Test(session_rights, with_no_facilitator_everyone_runs_the_room)
{
	struct jh_data d = fjellstua();

	d.participants = equals;
	d.nparticipants = N(equals);
	cr_assert(!session_has_facilitator(&d));
	cr_assert(session_facilitates(&d, BJORN));
	cr_assert(session_facilitates(&d, 0));
	cr_assert(session_facilitates(&d, GONE));
	d.nparticipants = 0;
	cr_assert(session_facilitates(&d, 0), "an empty workshop");
}

Test(session_rights, every_right_but_typing_for_others_follows_facilitation)
{
	struct jh_data d = fjellstua();

	for (int r = 0; r < SESSION_NRIGHTS; r++) {
		if (r == SESSION_TYPE_FOR_OTHERS)
			continue;
		cr_assert(session_may(&d, ASA, (enum session_right)r), "right %d", r);
		cr_assert(!session_may(&d, SIGRID, (enum session_right)r), "right %d", r);
		cr_assert(!session_may(&d, 0, (enum session_right)r), "right %d", r);
	}
	d.participants = equals;
	d.nparticipants = N(equals);
	for (int r = 0; r < SESSION_NRIGHTS; r++)
		if (r != SESSION_TYPE_FOR_OTHERS)
			cr_assert(session_may(&d, SIGRID, (enum session_right)r), "right %d", r);
}

Test(session_rights, only_a_named_facilitator_types_for_others)
{
	struct jh_data d = fjellstua();

	cr_assert(session_may(&d, ASA, SESSION_TYPE_FOR_OTHERS));
	cr_assert(!session_may(&d, BJORN, SESSION_TYPE_FOR_OTHERS));
	cr_assert(!session_may(&d, 0, SESSION_TYPE_FOR_OTHERS));
	d.participants = equals;
	d.nparticipants = N(equals);
	cr_assert(!session_may(&d, BJORN, SESSION_TYPE_FOR_OTHERS),
		  "with nobody named, choosing says who you are, not for whom");
	cr_assert(!session_may(&d, 0, SESSION_TYPE_FOR_OTHERS));
}

Test(session_rights, each_right_says_what_it_does)
{
	cr_assert_str_eq(session_right_text(SESSION_RUN_TIMER), "run the timer");
	cr_assert_str_eq(session_right_text(SESSION_RESET_TIMER), "reset the timer");
	cr_assert_str_eq(session_right_text(SESSION_REVEAL), "reveal private writing");
	cr_assert_str_eq(session_right_text(SESSION_MOVE_AGENDA), "move the agenda");
	cr_assert_str_eq(session_right_text(SESSION_EDIT_AGENDA), "edit the agenda");
	cr_assert_str_eq(session_right_text(SESSION_EDIT_WORKSHOP), "change the workshop");
	cr_assert_str_eq(session_right_text(SESSION_TYPE_FOR_OTHERS),
			 "enter items and votes for someone else");
	cr_assert_str_eq(session_right_text(SESSION_NRIGHTS), "");
	cr_assert_str_eq(session_right_text((enum session_right) - 1), "");
}

/* ------------------------------------------------ the agenda */

Test(session_agenda, the_current_step_is_found_by_position)
{
	struct jh_data d = fjellstua();

	cr_assert_eq(session_current_step(&d)->id, TYST);
	d.workshop.current_step = 3;
	cr_assert_eq(session_current_step(&d)->id, PRICKAR);
}

Test(session_agenda, a_position_nobody_holds_falls_back_to_the_first_step)
{
	struct jh_step gaps[] = {
	    STEP(70, 0, "Start", 10, "agenda", 0, 0),
	    STEP(71, 2, "Kaffepaus", 10, "agenda", 0, 0),
	    STEP(72, 5, "Avslutning", 10, "agenda", 0, 0),
	};
	struct jh_data d = fjellstua_with(gaps, N(gaps));

	d.workshop.current_step = 2;
	cr_assert_eq(session_current_step(&d)->id, 71, "positions need not be contiguous");
	d.workshop.current_step = 1;
	cr_assert_eq(session_current_step(&d)->id, 70);
	d.workshop.current_step = -1;
	cr_assert_eq(session_current_step(&d)->id, 70);
	d.workshop.current_step = 40;
	cr_assert_eq(session_current_step(&d)->id, 70);
}

Test(session_agenda, two_steps_at_one_position_give_the_first_in_agenda_order)
{
	struct jh_step twins[] = {
	    STEP(80, 0, "Före", 10, "agenda", 0, 0),
	    STEP(81, 1, "Tvilling én", 10, "agenda", 0, 0),
	    STEP(82, 1, "Tvilling to", 10, "agenda", 0, 0),
	};
	struct jh_data d = fjellstua_with(twins, N(twins));

	d.workshop.current_step = 1;
	cr_assert_eq(session_current_step(&d)->id, 81);
}

Test(session_agenda, no_agenda_has_no_current_step)
{
	struct jh_data d = fjellstua();

	d.nsteps = 0;
	cr_assert_null(session_current_step(&d));
	cr_assert(!session_votes_hidden(&d));
	cr_assert(!session_step_revealable(&d, &steps[1]));
}

Test(session_agenda, a_step_hides_writing_while_private_and_unrevealed)
{
	cr_assert(!session_step_hides(&steps[0]), "public");
	cr_assert(session_step_hides(&steps[1]), "private");
	cr_assert(!session_step_hides(&steps[2]), "revealed");
	cr_assert(!session_step_hides(NULL));
}

Test(session_agenda, reveal_takes_the_current_step_and_earlier_hidden_ones)
{
	struct jh_data d = fjellstua();

	d.workshop.current_step = 2;
	cr_assert(!session_step_revealable(&d, &steps[0]), "public");
	cr_assert(session_step_revealable(&d, &steps[1]), "earlier, left hidden");
	cr_assert(!session_step_revealable(&d, &steps[2]), "already revealed");
	cr_assert(!session_step_revealable(&d, &steps[3]), "still to come");
	d.workshop.current_step = 1;
	cr_assert(session_step_revealable(&d, &steps[1]), "the current step itself");
	d.workshop.current_step = 3;
	cr_assert(session_step_revealable(&d, &steps[3]));
}

/* ------------------------------------------------ the timer */

Test(session_timer, a_paused_timer_keeps_what_it_ran)
{
	struct jh_data d = fjellstua();

	d.workshop.timer_running = 0;
	d.workshop.timer_started = 0;
	d.workshop.timer_elapsed = 90;
	cr_assert_eq(session_timer_elapsed(&d.workshop, 5000), 90);
	/* "Smärtpunkter i tysthet": 20 minutes. */
	cr_assert_eq(session_timer_left(&d, 5000), 20 * 60 - 90);
	cr_assert_eq(session_timer_left(&d, 999999), 20 * 60 - 90);
}

Test(session_timer, a_running_timer_adds_the_time_since_it_started)
{
	struct jh_data d = fjellstua();

	d.workshop.timer_running = 1;
	d.workshop.timer_started = 1000;
	d.workshop.timer_elapsed = 60;
	cr_assert_eq(session_timer_elapsed(&d.workshop, 1030), 90);
	cr_assert_eq(session_timer_left(&d, 1030), 1200 - 90);
	cr_assert_eq(session_timer_left(&d, 1000 + 1140), 0, "exactly on time");
}

Test(session_timer, a_clock_behind_the_start_adds_nothing)
{
	struct jh_data d = fjellstua();

	d.workshop.timer_running = 1;
	d.workshop.timer_started = 1000;
	d.workshop.timer_elapsed = 10;
	cr_assert_eq(session_timer_elapsed(&d.workshop, 1000), 10);
	cr_assert_eq(session_timer_elapsed(&d.workshop, 400), 10);
	cr_assert_eq(session_timer_left(&d, 400), 1200 - 10);
}

Test(session_timer, over_time_is_negative_running_or_paused)
{
	struct jh_data d = fjellstua();

	d.workshop.current_step = 3; /* "Prickröstning": 10 minutes */
	d.workshop.timer_running = 1;
	d.workshop.timer_started = 2000;
	d.workshop.timer_elapsed = 500;
	cr_assert_eq(session_timer_left(&d, 2000 + 165), -65);
	d.workshop.timer_running = 0;
	d.workshop.timer_elapsed = 665;
	cr_assert_eq(session_timer_left(&d, 99999), -65);
}

Test(session_timer, no_agenda_leaves_no_time)
{
	struct jh_data d = fjellstua();

	d.nsteps = 0;
	d.workshop.timer_running = 1;
	d.workshop.timer_started = 100;
	d.workshop.timer_elapsed = 50;
	cr_assert_eq(session_timer_left(&d, 200), 0);
	cr_assert_eq(session_timer_elapsed(&d.workshop, 200), 150);
}

/* Times from a file or a clock set far off: the sum and the difference
 * stop at INT_MAX seconds instead of overflowing (UBSan checks it). */
Test(session_timer, extreme_times_stop_at_int_max)
{
	struct jh_data d = fjellstua();

	d.workshop.timer_running = 1;
	d.workshop.timer_started = 1000;
	d.workshop.timer_elapsed = INT_MAX - 10;
	cr_assert_eq(session_timer_elapsed(&d.workshop, 1000 + 100), INT_MAX);
	cr_assert_eq(session_timer_left(&d, 1000 + 100), 1200 - (long)INT_MAX);
	d.workshop.timer_elapsed = 0;
	d.workshop.timer_started = INT64_MIN;
	cr_assert_eq(session_timer_elapsed(&d.workshop, INT64_MAX), INT_MAX);
	d.workshop.timer_started = 0;
	cr_assert_eq(session_timer_elapsed(&d.workshop, INT64_MAX), INT_MAX);
	d.workshop.timer_running = 0;
	d.workshop.timer_elapsed = INT_MAX;
	cr_assert_eq(session_timer_elapsed(&d.workshop, INT64_MAX), INT_MAX);
}

Test(session_timer, an_unknown_position_times_the_first_step)
{
	struct jh_data d = fjellstua();

	d.workshop.current_step = 17; /* falls back to "Välkommen", 15 minutes */
	cr_assert_eq(session_timer_left(&d, 0), 15 * 60);
}

/* ------------------------------------------------ who sits at the terminal */

Test(session_viewer, someone_removed_is_no_longer_who_we_are)
{
	struct jh_data d = fjellstua();
	struct session_viewer v = {GONE, SIGRID};

	session_viewer_settle(&d, &v);
	cr_assert_eq(v.me, 0);
	cr_assert_eq(v.acting, SIGRID, "still typing for someone present");
}

Test(session_viewer, a_removed_acting_participant_falls_back_to_me)
{
	struct jh_data d = fjellstua();
	struct session_viewer v = {ASA, GONE};

	session_viewer_settle(&d, &v);
	cr_assert_eq(v.me, ASA);
	cr_assert_eq(v.acting, ASA);
	v.me = GONE;
	v.acting = GONE + 1;
	session_viewer_settle(&d, &v);
	cr_assert_eq(v.me, 0, "me is settled first");
	cr_assert_eq(v.acting, 0);
}

Test(session_viewer, people_present_stay)
{
	struct jh_data d = fjellstua();
	struct session_viewer v = {ASA, OYSTEIN}, nobody = {0, 0};

	session_viewer_settle(&d, &v);
	cr_assert_eq(v.me, ASA);
	cr_assert_eq(v.acting, OYSTEIN);
	session_viewer_settle(&d, &nobody);
	cr_assert_eq(nobody.me, 0);
	cr_assert_eq(nobody.acting, 0);
}

/* ------------------------------------------------ private writing */

Test(session_private, the_author_sees_their_own_private_writing)
{
	struct jh_data d = fjellstua();
	struct session_viewer bjorn = {BJORN, BJORN}, sigrid = {SIGRID, SIGRID};

	cr_assert(!session_hidden(&d, &bjorn, TYST, BJORN));
	cr_assert(session_hidden(&d, &sigrid, TYST, BJORN));
	cr_assert(!session_hidden(&d, &sigrid, TYST, SIGRID));
}

Test(session_private, the_facilitator_does_not_see_it_either)
{
	struct jh_data d = fjellstua();
	struct session_viewer asa = {ASA, ASA};

	cr_assert(session_hidden(&d, &asa, TYST, BJORN));
}

Test(session_private, whoever_types_for_the_author_sees_it)
{
	struct jh_data d = fjellstua();
	struct session_viewer asa_for_oystein = {ASA, OYSTEIN};

	cr_assert(!session_hidden(&d, &asa_for_oystein, TYST, OYSTEIN));
	cr_assert(!session_hidden(&d, &asa_for_oystein, TYST, ASA));
	cr_assert(session_hidden(&d, &asa_for_oystein, TYST, SIGRID));
}

Test(session_private, writing_with_no_author_is_seen_only_by_terminals_of_nobody)
{
	struct jh_data d = fjellstua();
	struct session_viewer nobody = {0, 0}, bjorn = {BJORN, BJORN}, typing = {0, SIGRID};

	cr_assert(!session_hidden(&d, &nobody, TYST, 0));
	cr_assert(session_hidden(&d, &bjorn, TYST, 0));
	cr_assert(!session_hidden(&d, &typing, TYST, 0), "me is still nobody");
	cr_assert(session_hidden(&d, &nobody, TYST, BJORN));
}

Test(session_private, public_revealed_and_unknown_steps_hide_nothing)
{
	struct jh_data d = fjellstua();
	struct session_viewer sigrid = {SIGRID, SIGRID};

	cr_assert(!session_hidden(&d, &sigrid, VALKOMMEN, BJORN), "public step");
	cr_assert(!session_hidden(&d, &sigrid, IDEER, BJORN), "revealed step");
	cr_assert(!session_hidden(&d, &sigrid, 0, BJORN), "written outside the agenda");
	cr_assert(!session_hidden(&d, &sigrid, 404, BJORN), "a step removed since");
}

Test(session_private, hiding_does_not_depend_on_the_current_step)
{
	struct jh_data d = fjellstua();
	struct session_viewer sigrid = {SIGRID, SIGRID};

	d.workshop.current_step = 0;
	cr_assert(session_hidden(&d, &sigrid, TYST, BJORN));
	cr_assert(session_hidden(&d, &sigrid, PRICKAR, BJORN), "a step still to come");
}

Test(session_private, hidden_pain_points_and_ideas_are_marked_and_counted)
{
	struct jh_data d = fjellstua();
	struct session_viewer sigrid = {SIGRID, SIGRID}, nobody = {0, 0};
	unsigned char pain[N(pains)], idea[N(ideas)];
	const unsigned char pain_sigrid[] = {1, 0, 1, 0, 0, 0};
	const unsigned char pain_nobody[] = {1, 1, 0, 0, 0, 0};
	const unsigned char idea_sigrid[] = {1, 0, 0};

	memset(pain, 7, sizeof pain);
	cr_assert_eq(session_hidden_painpoints(&d, &sigrid, pain), 2);
	cr_assert_arr_eq(pain, pain_sigrid, sizeof pain);
	cr_assert_eq(session_hidden_painpoints(&d, &nobody, pain), 2);
	cr_assert_arr_eq(pain, pain_nobody, sizeof pain);
	memset(idea, 7, sizeof idea);
	cr_assert_eq(session_hidden_ideas(&d, &sigrid, idea), 1);
	cr_assert_arr_eq(idea, idea_sigrid, sizeof idea);
	cr_assert_eq(session_hidden_ideas(&d, &nobody, idea), 2);
}

Test(session_private, an_empty_workshop_hides_nothing)
{
	struct jh_data d;
	struct session_viewer v = {0, 0};
	unsigned char none[1] = {9};

	memset(&d, 0, sizeof d);
	cr_assert_eq(session_hidden_painpoints(&d, &v, none), 0);
	cr_assert_eq(session_hidden_ideas(&d, &v, none), 0);
	cr_assert_eq(none[0], 9, "nothing written");
}

/* ------------------------------------------------ hidden and anonymous votes */

Test(session_votes, votes_hide_while_the_current_step_is_private)
{
	struct jh_data d = fjellstua();

	cr_assert(session_votes_hidden(&d), "in silent writing");
	d.workshop.current_step = 0;
	cr_assert(!session_votes_hidden(&d));
	d.workshop.current_step = 2;
	cr_assert(!session_votes_hidden(&d), "revealed");
	d.workshop.current_step = 3;
	cr_assert(session_votes_hidden(&d));
	d.workshop.current_step = 9; /* the first step, public */
	cr_assert(!session_votes_hidden(&d));
}

Test(session_votes, anonymous_votes_name_nobody_outside_the_room)
{
	struct jh_data d = fjellstua();

	cr_assert(!session_votes_anonymous(&d));
	cr_assert_eq(session_vote_voter(&d, &votes[0]), BJORN);
	d.workshop.anonymous_votes = 1;
	cr_assert(session_votes_anonymous(&d));
	cr_assert_eq(session_vote_voter(&d, &votes[0]), 0);
	d.workshop.anonymous_votes = 2; /* any true value */
	cr_assert(session_votes_anonymous(&d));
	cr_assert_eq(session_vote_voter(&d, &votes[3]), 0);
}

Test(session_votes, hidden_outranks_anonymous_in_the_room)
{
	struct jh_data d = fjellstua();

	d.workshop.current_step = 0;
	cr_assert_eq(session_votes_shown(&d), SESSION_VOTES_OPEN);
	d.workshop.anonymous_votes = 1;
	cr_assert_eq(session_votes_shown(&d), SESSION_VOTES_ANONYMOUS);
	d.workshop.current_step = 1;
	cr_assert_eq(session_votes_shown(&d), SESSION_VOTES_HIDDEN);
	d.workshop.anonymous_votes = 0;
	cr_assert_eq(session_votes_shown(&d), SESSION_VOTES_HIDDEN);
}

/* ------------------------------------------------ totals and budget */

Test(session_totals, dots_per_idea_and_per_participant)
{
	struct jh_data d = fjellstua();

	cr_assert_eq(session_idea_votes(&d, 30), 3);
	cr_assert_eq(session_idea_votes(&d, 31), 1);
	cr_assert_eq(session_idea_votes(&d, 32), 3);
	cr_assert_eq(session_idea_votes(&d, 77), 1, "counted by id, present or not");
	cr_assert_eq(session_idea_votes(&d, 404), 0);
	cr_assert_eq(session_participant_dots(&d, BJORN), 4);
	cr_assert_eq(session_participant_dots(&d, SIGRID), 1);
	cr_assert_eq(session_participant_dots(&d, OYSTEIN), 0);
	cr_assert_eq(session_participant_dots(&d, 0), 0);
}

Test(session_totals, dots_left_of_the_budget)
{
	struct jh_data d = fjellstua();

	cr_assert_eq(session_dots_left(&d, BJORN), 1);
	cr_assert_eq(session_dots_left(&d, OYSTEIN), 5);
	d.workshop.dots_per_participant = 2;
	cr_assert_eq(session_dots_left(&d, BJORN), -2, "the budget was lowered");
}

Test(session_totals, one_tally_holds_every_total)
{
	struct jh_data d = fjellstua();
	struct session_tally t;

	session_tally(&d, BJORN, &t);
	cr_assert_eq(t.votes[0], 3);
	cr_assert_eq(t.votes[1], 1);
	cr_assert_eq(t.votes[2], 3);
	cr_assert_eq(t.mine[0], 2);
	cr_assert_eq(t.mine[1], 1);
	cr_assert_eq(t.mine[2], 0);
	cr_assert_eq(t.spent, 4, "a vote for a removed idea still spends a dot");
	cr_assert_eq(t.left, 1);
	for (size_t i = 0; i < d.nideas; i++)
		cr_assert_eq(t.votes[i], session_idea_votes(&d, d.ideas[i].id));
	session_tally_free(&t);
	cr_assert_null(t.votes);
	cr_assert_null(t.mine);
}

Test(session_totals, a_tally_for_nobody_has_no_dots_of_its_own)
{
	struct jh_data d = fjellstua();
	struct jh_vote odd[] = {VOTE(90, 0, 30, 2)};
	struct session_tally t;

	session_tally(&d, 0, &t);
	cr_assert_eq(t.votes[0], 3);
	cr_assert_eq(t.mine[0] + t.mine[1] + t.mine[2], 0);
	cr_assert_eq(t.spent, 0);
	cr_assert_eq(t.left, 5);
	session_tally_free(&t);
	/* Even a vote stored without a participant is nobody's own. */
	d.votes = odd;
	d.nvotes = N(odd);
	session_tally(&d, 0, &t);
	cr_assert_eq(t.votes[0], 2);
	cr_assert_eq(t.mine[0], 0);
	cr_assert_eq(t.spent, 0);
	session_tally_free(&t);
}

Test(session_totals, a_tally_of_no_ideas)
{
	struct jh_data d = fjellstua();
	struct session_tally t;

	d.nideas = 0;
	session_tally(&d, BJORN, &t);
	cr_assert_not_null(t.votes);
	cr_assert_eq(t.spent, 4, "dots spent on ideas gone still count");
	cr_assert_eq(t.left, 1);
	session_tally_free(&t);
}

Test(session_budget, the_ballot_reads_the_loaded_workshop)
{
	struct jh_data d = fjellstua();
	struct session_ballot b;

	d.workshop.max_dots_per_idea = 3;
	session_ballot(&d, BJORN, 30, 1, &b);
	cr_assert_eq(b.budget, 5);
	cr_assert_eq(b.cap, 3);
	cr_assert_eq(b.spent, 4);
	cr_assert_eq(b.have, 2);
	cr_assert_eq(b.want, 3);
	session_ballot(&d, OYSTEIN, 31, -1, &b);
	cr_assert_eq(b.spent, 0);
	cr_assert_eq(b.have, 0);
	cr_assert_eq(b.want, -1);
}

Test(session_budget, dots_within_the_budget_are_given)
{
	struct jh_data d = fjellstua();
	struct session_ballot b;
	struct jh_err err;

	session_ballot(&d, BJORN, 32, 1, &b);
	cr_assert_eq(session_vote_check(&b, 32, &err), 0, "the last dot");
	session_ballot(&d, OYSTEIN, 30, 5, &b);
	cr_assert_eq(session_vote_check(&b, 30, &err), 0, "all five on one idea, no cap");
}

Test(session_budget, a_dot_over_the_budget_is_refused)
{
	struct jh_data d = fjellstua();
	struct session_ballot b;
	struct jh_err err;

	session_ballot(&d, BJORN, 32, 2, &b);
	cr_assert_eq(session_vote_check(&b, 32, &err), -1);
	cr_assert_str_eq(err.msg,
			 "vote refused: the budget is 5 dots per participant and 4 are used");
	d.workshop.dots_per_participant = 1;
	session_ballot(&d, SIGRID, 31, 1, &b);
	cr_assert_eq(session_vote_check(&b, 31, &err), -1);
	cr_assert_str_eq(err.msg,
			 "vote refused: the budget is 1 dots per participant and 1 is used");
}

Test(session_budget, the_cap_per_idea_refuses_one_dot_too_many)
{
	struct jh_data d = fjellstua();
	struct session_ballot b;
	struct jh_err err;

	d.workshop.max_dots_per_idea = 2;
	session_ballot(&d, BJORN, 30, 1, &b);
	cr_assert_eq(session_vote_check(&b, 30, &err), -1);
	cr_assert_str_eq(err.msg, "vote refused: at most 2 dots per idea from one participant");
	session_ballot(&d, SIGRID, 30, 1, &b);
	cr_assert_eq(session_vote_check(&b, 30, &err), 0, "up to the cap");
}

Test(session_budget, a_cap_of_zero_is_no_cap)
{
	struct session_ballot b = {.budget = 10, .cap = 0, .spent = 0, .have = 0, .want = 10};
	struct jh_err err;

	cr_assert_eq(session_vote_check(&b, 30, &err), 0);
}

Test(session_budget, the_budget_is_checked_before_the_cap)
{
	struct session_ballot b = {.budget = 3, .cap = 1, .spent = 3, .have = 1, .want = 2};
	struct jh_err err;

	cr_assert_eq(session_vote_check(&b, 30, &err), -1);
	cr_assert_str_eq(err.msg,
			 "vote refused: the budget is 3 dots per participant and 3 are used");
}

Test(session_budget, taking_back_is_allowed_even_over_a_lowered_budget_or_cap)
{
	struct jh_data d = fjellstua();
	struct session_ballot b;
	struct jh_err err;

	d.workshop.dots_per_participant = 1;
	d.workshop.max_dots_per_idea = 1;
	session_ballot(&d, BJORN, 30, -1, &b);
	cr_assert_eq(session_vote_check(&b, 30, &err), 0);
	session_ballot(&d, BJORN, 30, -2, &b);
	cr_assert_eq(session_vote_check(&b, 30, &err), 0, "down to none");
	session_ballot(&d, BJORN, 30, 0, &b);
	cr_assert_eq(session_vote_check(&b, 30, &err), 0, "keeping what one has");
}

Test(session_budget, no_dot_to_take_back_is_refused)
{
	struct jh_data d = fjellstua();
	struct session_ballot b;
	struct jh_err err;

	session_ballot(&d, OYSTEIN, 31, -1, &b);
	cr_assert_eq(session_vote_check(&b, 31, &err), -1);
	cr_assert_str_eq(err.msg, "no dot of this participant on idea 31 to take back");
	session_ballot(&d, BJORN, 30, -3, &b);
	cr_assert_eq(session_vote_check(&b, 30, &err), -1);
	cr_assert_str_eq(err.msg, "no dot of this participant on idea 30 to take back");
}

Test(session_budget, a_zero_budget_refuses_every_dot)
{
	struct session_ballot b = {.budget = 0, .cap = 0, .spent = 0, .have = 0, .want = 1};
	struct jh_err err;

	cr_assert_eq(session_vote_check(&b, 32, &err), -1);
	cr_assert_str_eq(err.msg,
			 "vote refused: the budget is 0 dots per participant and 0 are used");
	b.want = 0;
	cr_assert_eq(session_vote_check(&b, 32, &err), 0);
}

Test(session_budget, a_null_err_is_allowed)
{
	struct session_ballot b = {.budget = 1, .cap = 0, .spent = 1, .have = 0, .want = 1};

	cr_assert_eq(session_vote_check(&b, 1, NULL), -1);
}

/* ------------------------------------------------ status cycling */

Test(session_status, pain_points_go_open_addressed_dropped_and_round)
{
	cr_assert_str_eq(session_status_next(JH_PAINPOINT, "open"), "addressed");
	cr_assert_str_eq(session_status_next(JH_PAINPOINT, "addressed"), "dropped");
	cr_assert_str_eq(session_status_next(JH_PAINPOINT, "dropped"), "open");
	cr_assert_str_eq(session_status_next(JH_PAINPOINT, "okänd"), "open");
	cr_assert_str_eq(session_status_next(JH_PAINPOINT, ""), "open");
	cr_assert_str_eq(session_status_next(JH_PAINPOINT, NULL), "open");
	cr_assert_str_eq(session_status_next(JH_PAINPOINT, "Open"), "open", "exact spelling");
}

Test(session_status, actions_go_todo_doing_done_and_round)
{
	cr_assert_str_eq(session_status_next(JH_ACTION, "todo"), "doing");
	cr_assert_str_eq(session_status_next(JH_ACTION, "doing"), "done");
	cr_assert_str_eq(session_status_next(JH_ACTION, "done"), "todo");
	cr_assert_str_eq(session_status_next(JH_ACTION, "klar"), "todo");
}

Test(session_status, kinds_without_a_status_have_no_next)
{
	cr_assert_null(session_status_next(JH_IDEA, "open"));
	cr_assert_null(session_status_next(JH_PARKING, "todo"));
	cr_assert_null(session_status_next(JH_STEP, ""));
	cr_assert_null(session_status_next(JH_WORKSHOP, ""));
	cr_assert_null(session_status_next(JH_NKINDS, ""));
}

static const char *cycled(enum jh_kind kind, jh_id id)
{
	static struct session_cycle c;
	struct jh_data d = fjellstua();

	memset(&c, 0, sizeof c);
	if (session_cycle(&d, kind, id, &c))
		return NULL;
	return c.assign;
}

Test(session_status, cycling_a_pain_point_sets_its_next_status)
{
	struct session_cycle c;
	struct jh_data d = fjellstua();

	cr_assert_eq(session_cycle(&d, JH_PAINPOINT, 20, &c), 0);
	cr_assert_str_eq(c.assign, "status=addressed");
	cr_assert_str_eq(c.what, "status");
	cr_assert_str_eq(cycled(JH_PAINPOINT, 21), "status=dropped");
	cr_assert_str_eq(cycled(JH_PAINPOINT, 22), "status=open");
	cr_assert_str_eq(cycled(JH_PAINPOINT, 25), "status=open", "unknown status");
	cr_assert_str_eq(cycled(JH_PAINPOINT, 404), "status=open", "removed elsewhere");
}

Test(session_status, cycling_an_action_sets_its_next_status)
{
	cr_assert_str_eq(cycled(JH_ACTION, 40), "status=doing");
	cr_assert_str_eq(cycled(JH_ACTION, 41), "status=done");
	cr_assert_str_eq(cycled(JH_ACTION, 42), "status=todo");
	cr_assert_str_eq(cycled(JH_ACTION, 43), "status=todo");
	cr_assert_str_eq(cycled(JH_ACTION, 404), "status=todo");
}

Test(session_status, cycling_a_parking_entry_flips_answered)
{
	struct session_cycle c;
	struct jh_data d = fjellstua();

	cr_assert_eq(session_cycle(&d, JH_PARKING, 50, &c), 0);
	cr_assert_str_eq(c.assign, "answered=yes");
	cr_assert_str_eq(c.what, "answered flag");
	cr_assert_str_eq(cycled(JH_PARKING, 51), "answered=no");
	cr_assert_str_eq(cycled(JH_PARKING, 404), "answered=yes", "removed elsewhere");
}

Test(session_status, other_kinds_do_not_cycle)
{
	cr_assert_null(cycled(JH_IDEA, 30));
	cr_assert_null(cycled(JH_STEP, TYST));
	cr_assert_null(cycled(JH_PARTICIPANT, ASA));
	cr_assert_null(cycled(JH_TOUCHPOINT, 1));
	cr_assert_null(cycled(JH_VOTE, 60));
	cr_assert_null(cycled(JH_WORKSHOP, 1));
}

/* ------------------------------------------------ names: one rule */

Test(session_names, case_and_normalisation_fold_to_one_person)
{
	struct jh_data d = fjellstua();
	/* A + combining ring; the angstrom sign; decomposed Ø has none. */
	static const char *const asa[] = {"Åsa Lindqvist",	   "åsa lindqvist",
					  "ÅSA LINDQVIST",	   "A\xcc\x8asa Lindqvist",
					  "a\xcc\x8asa lindqvist", "\xe2\x84\xabsa Lindqvist"};

	for (size_t i = 0; i < N(asa); i++) {
		const struct jh_participant *p = session_participant_named(&d, asa[i]);
		cr_assert(p, "\"%s\" found nobody", asa[i]);
		cr_assert_eq(p->id, ASA, "\"%s\"", asa[i]);
	}
	cr_assert_eq(session_participant_named(&d, "øystein dahl")->id, OYSTEIN);
	cr_assert_eq(session_participant_named(&d, "BJØRN HAUGEN")->id, BJORN);
}

Test(session_names, different_letters_stay_different_people)
{
	struct jh_data d = fjellstua();

	cr_assert_null(session_participant_named(&d, "Asa Lindqvist"), "a ring is not nothing");
	cr_assert_null(session_participant_named(&d, "Oystein Dahl"), "ø is not o");
	cr_assert_null(session_participant_named(&d, "Åsa"), "no prefix match");
	cr_assert_null(session_participant_named(&d, ""));
	cr_assert_null(session_participant_named(&d, NULL));
	cr_assert(!names_same("Åsa", "Åse"));
	cr_assert(!names_same("Øyvind", "Øyvind "), "spaces count");
}

Test(session_names, an_exact_match_wins_over_a_folded_one)
{
	struct jh_participant twins[] = {PERSON(1, "øyvind", "", "participant"),
					 PERSON(2, "Øyvind", "", "participant")};
	struct jh_data d = fjellstua();

	d.participants = twins;
	d.nparticipants = N(twins);
	cr_assert_eq(session_participant_named(&d, "Øyvind")->id, 2);
	cr_assert_eq(session_participant_named(&d, "øyvind")->id, 1);
	cr_assert_eq(session_participant_named(&d, "ØYVIND")->id, 1, "the first folded one");
}

Test(session_names, the_key_is_lower_case_and_decomposed)
{
	char key[64];

	cr_assert_eq(names_key("Åsa", key, sizeof key), strlen("a\xcc\x8asa"));
	cr_assert_str_eq(key, "a\xcc\x8asa");
	names_key("ØYVIND", key, sizeof key);
	cr_assert_str_eq(key, "øyvind");
	/* Marks below sort before marks above, as in NFD: ą̂ either way. */
	cr_assert(names_same("a\xcc\xa8\xcc\x82", "a\xcc\x82\xcc\xa8"));
	names_key("Åsa", key, 2);
	cr_assert_str_eq(key, "a", "cut on a character boundary");
	cr_assert(names_same("ΣΩ", "σω"));
	cr_assert(names_same("ЖЁ", "жё"));
}

/* ------------------------------------------------ roles */

static struct session_change role_change(enum session_op op, jh_id id, const char *role)
{
	struct session_change c = {JH_PARTICIPANT, op, id, role, 0};
	return c;
}

Test(session_roles, only_a_facilitator_names_a_facilitator)
{
	struct jh_data d = fjellstua();
	struct session_change promote = role_change(SESSION_SET, BJORN, "facilitator");
	struct session_change self = role_change(SESSION_SET, SIGRID, "facilitator");
	struct session_change add = role_change(SESSION_ADD, 0, "facilitator");
	struct jh_err err;

	cr_assert_eq(session_change_check(&d, BJORN, &promote, &err), -1);
	cr_assert_str_eq(err.msg, "Only a facilitator can name or remove a facilitator");
	cr_assert_eq(session_change_check(&d, SIGRID, &self, &err), -1, "nobody crowns themselves");
	cr_assert_eq(session_change_check(&d, 0, &add, &err), -1, "nor a terminal of nobody");
	cr_assert_eq(session_change_check(&d, ASA, &promote, &err), 0, "%s", err.msg);
	cr_assert_eq(session_change_check(&d, ASA, &add, &err), 0, "%s", err.msg);
}

Test(session_roles, with_no_facilitator_no_terminal_can_name_one)
{
	struct jh_data d = fjellstua();
	struct session_change c = role_change(SESSION_SET, BJORN, "facilitator");
	struct jh_err err;

	d.participants = equals;
	d.nparticipants = N(equals);
	cr_assert_eq(session_change_check(&d, BJORN, &c, &err), -1);
	cr_assert_eq(session_change_check(&d, 0, &c, &err), -1);
	c.role = "participant";
	cr_assert_eq(session_change_check(&d, BJORN, &c, &err), 0, "no change of role");
}

Test(session_roles, the_last_facilitator_stays_until_another_is_named)
{
	struct jh_participant two[] = {PERSON(ASA, "Åsa", "", "facilitator"),
				       PERSON(BJORN, "Bjørn", "", "facilitator"),
				       PERSON(SIGRID, "Sigrid", "", "participant")};
	struct jh_data d = fjellstua();
	struct session_change demote = role_change(SESSION_SET, ASA, "participant");
	struct session_change rm = role_change(SESSION_DELETE, ASA, NULL);
	struct jh_err err;

	cr_assert_eq(session_change_check(&d, ASA, &demote, &err), -1);
	cr_assert(strstr(err.msg, "only facilitator"), "%s", err.msg);
	cr_assert_eq(session_change_check(&d, ASA, &rm, &err), -1);
	cr_assert_eq(session_change_check(&d, BJORN, &rm, &err), -1);
	cr_assert(strstr(err.msg, "Only a facilitator"), "%s", err.msg);
	d.participants = two;
	d.nparticipants = N(two);
	cr_assert_eq(session_change_check(&d, ASA, &demote, &err), 0, "%s", err.msg);
	cr_assert_eq(session_change_check(&d, BJORN, &rm, &err), 0, "%s", err.msg);
	cr_assert_eq(session_change_check(&d, SIGRID, &rm, &err), -1);
}

Test(session_roles, a_participant_changes_people_but_not_roles)
{
	struct jh_data d = fjellstua();
	struct session_change dep = role_change(SESSION_SET, ASA, NULL);
	struct session_change gone = role_change(SESSION_DELETE, SIGRID, NULL);
	struct session_change same = role_change(SESSION_SET, ASA, "facilitator");
	struct jh_err err;

	cr_assert_eq(session_change_check(&d, BJORN, &dep, &err), 0, "%s", err.msg);
	cr_assert_eq(session_change_check(&d, BJORN, &gone, &err), 0, "%s", err.msg);
	cr_assert_eq(session_change_check(&d, BJORN, &same, &err), 0, "the role stays the same");
}

Test(session_roles, the_agenda_and_the_workshop_take_a_facilitator)
{
	struct jh_data d = fjellstua();
	struct session_change step = {JH_STEP, SESSION_SET, TYST, NULL, 0};
	struct session_change ws = {JH_WORKSHOP, SESSION_SET, 1, NULL, 0};
	struct session_change pain = {JH_PAINPOINT, SESSION_ADD, 0, NULL, BJORN};
	struct jh_err err;

	cr_assert_eq(session_change_check(&d, BJORN, &step, &err), -1);
	cr_assert_str_eq(err.msg, "Only a facilitator can edit the agenda");
	step.op = SESSION_DELETE;
	cr_assert_eq(session_change_check(&d, 0, &step, &err), -1);
	cr_assert_eq(session_change_check(&d, SIGRID, &ws, &err), -1);
	cr_assert_str_eq(err.msg, "Only a facilitator can change the workshop");
	cr_assert_eq(session_change_check(&d, ASA, &step, &err), 0, "%s", err.msg);
	cr_assert_eq(session_change_check(&d, ASA, &ws, &err), 0, "%s", err.msg);
	cr_assert_eq(session_change_check(&d, BJORN, &pain, &err), 0, "%s", err.msg);
}

Test(session_roles, writing_as_someone_else_takes_a_facilitator)
{
	struct jh_data d = fjellstua();
	struct session_change vote = {JH_VOTE, SESSION_ADD, 0, NULL, SIGRID};
	struct jh_err err;

	cr_assert_eq(session_change_check(&d, BJORN, &vote, &err), -1);
	cr_assert_str_eq(err.msg, "Only a facilitator can enter items and votes for someone else");
	cr_assert_eq(session_change_check(&d, SIGRID, &vote, &err), 0, "%s", err.msg);
	cr_assert_eq(session_change_check(&d, ASA, &vote, &err), 0, "%s", err.msg);
}

Test(session_roles, the_room_sees_who_leads)
{
	struct jh_participant two[] = {PERSON(BJORN, "Bjørn", "", "participant"),
				       PERSON(ASA, "Åsa", "", "facilitator"),
				       PERSON(SIGRID, "Sigrid", "", "facilitator")};
	struct jh_data d = fjellstua();
	size_t n;

	cr_assert_eq(session_facilitator(&d, &n)->id, ASA);
	cr_assert_eq(n, 1);
	d.participants = two;
	d.nparticipants = N(two);
	cr_assert_eq(session_facilitator(&d, &n)->id, ASA);
	cr_assert_eq(n, 2);
	d.participants = equals;
	d.nparticipants = N(equals);
	cr_assert_null(session_facilitator(&d, NULL));
}

Test(session_viewer, a_removed_me_is_flagged_so_the_terminal_can_say_so)
{
	struct jh_data d = fjellstua();
	struct session_viewer v = {.me = GONE, .acting = GONE}, stay = {.me = ASA, .acting = ASA};

	session_viewer_settle(&d, &v);
	cr_assert_eq(v.me, 0);
	cr_assert(v.removed, "the terminal must learn it lost its participant");
	session_viewer_settle(&d, &stay);
	cr_assert(!stay.removed);
	v.removed = 0;
	session_viewer_settle(&d, &v);
	cr_assert(!v.removed, "nobody chosen is not a removal");
}
