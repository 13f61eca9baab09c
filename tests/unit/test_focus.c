/* test_focus.c: who may point the room at an item, and which item the
 * focus is, on a hand-made workshop: the facilitator may, a participant
 * and a terminal that chose nobody may not, anyone may while nobody is
 * named facilitator; only pain points, ideas and journeys that exist. */
#include <criterion/criterion.h>
#include <string.h>

#include "journeyhack/focus.h"

enum { ASA = 1, OYVIND = 2, INGRID = 3 };

static struct jh_participant people[] = {
    {.id = ASA, .name = "Åsa", .department = "Ledning", .role = "facilitator"},
    {.id = OYVIND, .name = "Øyvind", .department = "Kundeservice", .role = "participant"},
    {.id = INGRID, .name = "Ingrid", .department = "Økonomi", .role = "participant"},
};
static struct jh_painpoint pains[] = {
    {.id = 10, .title = "Kön i växeln är för lång", .status = "open"},
};
static struct jh_idea ideas[] = {
    {.id = 20, .title = "Ring tilbake når køen er lang"},
};
static struct jh_journey journeys[] = {
    {.id = 30, .position = 0, .name = "Flytte til ny bolig"},
};
static struct jh_action actions[] = {
    {.id = 40, .title = "Mät kötiden", .owner = "Åsa", .status = "todo"},
};

static struct jh_data room(void)
{
	struct jh_data d;

	memset(&d, 0, sizeof d);
	d.workshop.id = 1;
	d.workshop.focus_kind = "";
	d.participants = people;
	d.nparticipants = 3;
	d.painpoints = pains;
	d.npainpoints = 1;
	d.ideas = ideas;
	d.nideas = 1;
	d.journeys = journeys;
	d.njourneys = 1;
	d.actions = actions;
	d.nactions = 1;
	return d;
}

Test(focus, the_facilitator_focuses_each_kind)
{
	struct jh_data d = room();
	struct jh_err err;

	cr_assert_eq(focus_check(&d, ASA, JH_PAINPOINT, 10, &err), 0);
	cr_assert_eq(focus_check(&d, ASA, JH_IDEA, 20, &err), 0);
	cr_assert_eq(focus_check(&d, ASA, JH_JOURNEY, 30, &err), 0);
	cr_assert_eq(focus_check(&d, ASA, JH_NKINDS, 0, &err), 0);
}

Test(focus, a_participant_is_refused)
{
	struct jh_data d = room();
	struct jh_err err;

	cr_assert_eq(focus_check(&d, OYVIND, JH_PAINPOINT, 10, &err), -1);
	cr_assert_str_eq(err.msg, "Only a facilitator can focus the room on an item");
	/* clearing is a change of focus too */
	cr_assert_eq(focus_check(&d, OYVIND, JH_NKINDS, 0, &err), -1);
	/* a terminal that chose nobody, where a facilitator is named */
	cr_assert_eq(focus_check(&d, 0, JH_IDEA, 20, &err), -1);
	/* the rights come before the item: no hint what exists */
	cr_assert_eq(focus_check(&d, INGRID, JH_PAINPOINT, 99, &err), -1);
	cr_assert_str_eq(err.msg, "Only a facilitator can focus the room on an item");
}

Test(focus, anyone_runs_the_room_nobody_leads)
{
	struct jh_participant flat[] = {
	    {.id = OYVIND, .name = "Øyvind", .department = "", .role = "participant"},
	};
	struct jh_data d = room();
	struct jh_err err;

	d.participants = flat;
	d.nparticipants = 1;
	cr_assert_eq(focus_check(&d, OYVIND, JH_PAINPOINT, 10, &err), 0);
	cr_assert_eq(focus_check(&d, 0, JH_JOURNEY, 30, &err), 0);
}

Test(focus, only_items_that_exist_and_can_be_focused)
{
	struct jh_data d = room();
	struct jh_err err;

	cr_assert_eq(focus_check(&d, ASA, JH_ACTION, 40, &err), -1);
	cr_assert_str_eq(err.msg,
			 "cannot focus kind action: only a painpoint, an idea or a journey");
	cr_assert_eq(focus_check(&d, ASA, JH_PAINPOINT, 99, &err), -1);
	cr_assert_str_eq(err.msg, "no painpoint 99 in this workshop");
	/* an id of another kind is not this kind's */
	cr_assert_eq(focus_check(&d, ASA, JH_IDEA, 10, &err), -1);
	cr_assert_str_eq(err.msg, "no idea 10 in this workshop");
	/* the owner's check: the item alone */
	cr_assert_eq(focus_item_check(&d, JH_JOURNEY, 30, &err), 0);
	cr_assert_eq(focus_item_check(&d, JH_JOURNEY, 31, &err), -1);
}

Test(focus, the_focus_in_force)
{
	struct jh_data d = room();
	enum jh_kind kind = JH_NKINDS;
	jh_id id = 0;

	cr_assert_eq(focus_get(&d, &kind, &id), 0);
	cr_assert_null(focus_text(&d));
	d.workshop.focus_kind = "idea";
	d.workshop.focus_id = 20;
	cr_assert_eq(focus_get(&d, &kind, &id), 1);
	cr_assert_eq(kind, JH_IDEA);
	cr_assert_eq(id, 20);
	cr_assert_str_eq(focus_text(&d), "Ring tilbake når køen er lang");
	d.workshop.focus_kind = "journey";
	d.workshop.focus_id = 30;
	cr_assert_str_eq(focus_text(&d), "Flytte til ny bolig");
	d.workshop.focus_kind = "painpoint";
	d.workshop.focus_id = 10;
	cr_assert_str_eq(focus_text(&d), "Kön i växeln är för lång");
}

Test(focus, a_deleted_or_strange_focus_is_none)
{
	struct jh_data d = room();
	enum jh_kind kind;
	jh_id id;

	/* the item was deleted by a terminal that had not reloaded */
	d.workshop.focus_kind = "painpoint";
	d.workshop.focus_id = 11;
	cr_assert_eq(focus_get(&d, &kind, &id), 0);
	/* a kind that cannot be focused, or no kind at all */
	d.workshop.focus_kind = "action";
	d.workshop.focus_id = 40;
	cr_assert_eq(focus_get(&d, &kind, &id), 0);
	d.workshop.focus_kind = "växel";
	cr_assert_eq(focus_get(&d, &kind, &id), 0);
	d.workshop.focus_kind = NULL;
	cr_assert_eq(focus_get(&d, &kind, &id), 0);
}
