/* test_setup.c: the pure parts of set-up in the interface, worked by
 * hand: the agenda's clock times, day totals and lateness, and which
 * participant a typed action owner means. */
#include <criterion/criterion.h>
#include <string.h>

#include "journeyhack/owners.h"
#include "journeyhack/timing.h"

#define STEP(i, pos, d, min, st)                                                                   \
	{                                                                                          \
		.id = i, .position = pos, .day = d, .title = "steg", .minutes = min,               \
		.view = "agenda", .notes = "", .start = st                                         \
	}

/* Day 1: 09:00 välkommen 15, 09:15 kundresan 45, 10:00 lunch 60, fixed
 * 13:00 idéer 30, 13:30 röstning 20; day 2: fixed 08:30 uppföljning 90,
 * 10:00 åtgärder 40. */
static struct jh_step steps[] = {
    STEP(1, 0, 1, 15, -1), STEP(2, 1, 1, 45, -1),  STEP(3, 2, 1, 60, -1), STEP(4, 3, 1, 30, 780),
    STEP(5, 4, 1, 20, -1), STEP(6, 5, 2, 90, 510), STEP(7, 6, 2, 40, -1),
};

static struct jh_data agenda(int current)
{
	struct jh_data d = {0};

	d.steps = steps;
	d.nsteps = sizeof steps / sizeof *steps;
	d.workshop.current_step = current;
	return d;
}

Test(timing, parse_and_format)
{
	char b[8];

	cr_assert_eq(timing_parse("09:00"), 540);
	cr_assert_eq(timing_parse("9:05"), 545);
	cr_assert_eq(timing_parse("23:59"), 1439);
	cr_assert_eq(timing_parse("24:00"), -1);
	cr_assert_eq(timing_parse("12:60"), -1);
	cr_assert_eq(timing_parse("12:5"), -1);
	cr_assert_eq(timing_parse("1200"), -1);
	cr_assert_eq(timing_parse(""), -1);
	cr_assert_eq(timing_parse("12:00x"), -1);
	timing_format(545, b, sizeof b);
	cr_assert_str_eq(b, "09:05");
	timing_format(1440 + 75, b, sizeof b);
	cr_assert_str_eq(b, "01:15");
}

Test(timing, clock_times_follow_timeboxes_and_fixed_starts)
{
	struct jh_data d = agenda(0);
	const int want[] = {540, 555, 600, 780, 810, 510, 600};

	for (size_t i = 0; i < d.nsteps; i++)
		cr_assert_eq(timing_step_start(&d, i), want[i], "step %zu starts at %d", i + 1,
			     timing_step_start(&d, i));
}

Test(timing, day_totals)
{
	struct jh_data d = agenda(0);

	cr_assert_eq(timing_day_minutes(&d, 1), 15 + 45 + 60 + 30 + 20);
	cr_assert_eq(timing_day_minutes(&d, 2), 130);
	cr_assert_eq(timing_day_minutes(&d, 3), 0);
}

Test(timing, lateness_against_the_current_steps_planned_end)
{
	struct jh_data d = agenda(1); /* kundresan: 09:15 to 10:00 */

	cr_assert_eq(timing_late(&d, 10 * 3600), 0);
	cr_assert_eq(timing_late(&d, 10 * 3600 + 12 * 60), 720);
	cr_assert_eq(timing_late(&d, 9 * 3600 + 30 * 60), -1800);
	d.workshop.current_step = 4; /* röstning: 13:30 to 13:50 */
	cr_assert_eq(timing_late(&d, 14 * 3600), 600);
	d.nsteps = 0;
	cr_assert_eq(timing_late(&d, 14 * 3600), 0);
}

Test(timing, lateness_past_midnight)
{
	struct jh_step late[] = {STEP(1, 0, 1, 60, 1380)}; /* 23:00 to 00:00 */
	struct jh_data d = {.steps = late, .nsteps = 1};

	cr_assert_eq(timing_late(&d, 30 * 60), 1800);
	cr_assert_eq(timing_late(&d, 23 * 3600 + 30 * 60), -1800);
}

static struct jh_participant people[] = {
    {.id = 1, .name = "Øyvind", .department = "", .role = "facilitator"},
    {.id = 2, .name = "Åsa", .department = "", .role = "participant"},
    {.id = 3, .name = "Märta", .department = "", .role = "participant"},
    {.id = 4, .name = "Marta", .department = "", .role = "participant"},
};

static jh_id owner(const char *typed)
{
	struct jh_data d = {.participants = people, .nparticipants = 4};
	const struct jh_participant *p = owners_participant(&d, typed);

	return p ? p->id : 0;
}

Test(owners, loose_key)
{
	char b[64];

	owners_key("Øyvind", b, sizeof b);
	cr_assert_str_eq(b, "oyvind");
	owners_key("ÅSA", b, sizeof b);
	cr_assert_str_eq(b, "asa");
	owners_key("Læstadius Strøm", b, sizeof b);
	cr_assert_str_eq(b, "laestadius strom");
}

Test(owners, typed_names_find_the_participant)
{
	cr_assert_eq(owner("Øyvind"), 1);
	cr_assert_eq(owner("Oyvind"), 1);
	cr_assert_eq(owner("oyvind"), 1);
	cr_assert_eq(owner("asa"), 2);
	/* Exact spelling wins over a loose match with someone else. */
	cr_assert_eq(owner("Märta"), 3);
	cr_assert_eq(owner("Marta"), 4);
	/* Loosely both: the typist chooses. */
	cr_assert_eq(owner("marta"), 4);
	cr_assert_eq(owner("MARTA"), 4);
	cr_assert_eq(owner("Gunnar"), 0);
	cr_assert_eq(owner(""), 0);
}
