/* test_items.c: validation of FIELD=VALUE input, shared by CLI, CSV and UI. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/items.h"
#include "journeyhack/kinds.h"
#include "journeyhack/util.h"

static const struct jh_field_def *field(enum jh_kind k, const char *name)
{
	const struct jh_field_def *f = kinds_field(kinds_get(k), name);
	cr_assert_not_null(f, "no field %s", name);
	return f;
}

static void refused(enum jh_kind k, const char *name, const char *value, const char *msg)
{
	struct jh_err err;

	cr_assert_eq(items_check_value(field(k, name), value, &err), -1, "%s=%s accepted", name,
		     value);
	cr_assert_str_eq(err.msg, msg);
}

static void accepted(enum jh_kind k, const char *name, const char *value)
{
	struct jh_err err;

	cr_assert_eq(items_check_value(field(k, name), value, &err), 0, "%s=%s: %s", name, value,
		     err.msg);
}

Test(items, score_range)
{
	accepted(JH_TOUCHPOINT, "score", "-2");
	accepted(JH_TOUCHPOINT, "score", "+2");
	refused(JH_TOUCHPOINT, "score", "3", "score: 3 is out of range (-2..2)");
	refused(JH_TOUCHPOINT, "score", "-3", "score: -3 is out of range (-2..2)");
	refused(JH_TOUCHPOINT, "score", "bad", "score: \"bad\" is not a whole number (-2..2)");
	refused(JH_TOUCHPOINT, "score", "1.5", "score: \"1.5\" is not a whole number (-2..2)");
	refused(JH_TOUCHPOINT, "reach", "101", "reach: 101 is out of range (0..100)");
	refused(JH_TOUCHPOINT, "potential", "4", "potential: 4 is out of range (0..3)");
	refused(JH_PAINPOINT, "severity", "0", "severity: 0 is out of range (1..5)");
	refused(JH_IDEA, "effort", "99999999999999999999",
		"effort: \"99999999999999999999\" is not a whole number (1..5)");
}

Test(items, dates_must_exist)
{
	accepted(JH_ACTION, "due", "2026-12-15");
	accepted(JH_ACTION, "due", "2028-02-29");
	accepted(JH_ACTION, "due", "");
	refused(JH_ACTION, "due", "2026-02-30", "due: \"2026-02-30\" is not a date (YYYY-MM-DD)");
	refused(JH_ACTION, "due", "2027-02-29", "due: \"2027-02-29\" is not a date (YYYY-MM-DD)");
	refused(JH_ACTION, "due", "15/12/2026", "due: \"15/12/2026\" is not a date (YYYY-MM-DD)");
	refused(JH_ACTION, "due", "2026-13-01", "due: \"2026-13-01\" is not a date (YYYY-MM-DD)");
}

Test(items, choices_and_booleans)
{
	accepted(JH_ACTION, "status", "doing");
	refused(JH_ACTION, "status", "started",
		"status: \"started\" is not one of todo, doing, done");
	refused(JH_PARTICIPANT, "role", "boss",
		"role: \"boss\" is not one of participant, facilitator");
	accepted(JH_PARKING, "answered", "yes");
	accepted(JH_PARKING, "answered", "false");
	refused(JH_PARKING, "answered", "maybe", "answered: \"maybe\" is not yes or no");
}

Test(items, text_limits_and_utf8)
{
	char *big = malloc(5000);

	accepted(JH_PAINPOINT, "title", "Fakturan är obegriplig – «æøå»");
	refused(JH_PAINPOINT, "title", "", "title: must not be empty");
	refused(JH_PAINPOINT, "title", "bad \xff byte", "title: not valid UTF-8");
	memset(big, 'a', 4999);
	big[4999] = '\0';
	refused(JH_PAINPOINT, "title", big, "title: too long (4999 bytes, at most 4096)");
	accepted(JH_PAINPOINT, "evidence", big);
	free(big);
	big = malloc(1024 * 1024 + 2);
	memset(big, 'e', 1024 * 1024 + 1);
	big[1024 * 1024 + 1] = '\0';
	refused(JH_PAINPOINT, "evidence", big,
		"evidence: too long (1048577 bytes, at most 1048576)");
	free(big);
	/* Control characters and escapes are stored; showing them safely is
	 * the job of every output. */
	accepted(JH_PAINPOINT, "title", "title \x1b]0;pwned\x07 \x1b[2J");
}

Test(items, long_values_in_messages_are_cut)
{
	struct jh_err err;
	char val[300];

	memset(val, '9', sizeof val - 1);
	val[0] = 'x';
	val[sizeof val - 1] = '\0';
	cr_assert_eq(items_check_value(field(JH_IDEA, "impact"), val, &err), -1);
	cr_assert_lt(strlen(err.msg), 120, "%s", err.msg);
}

Test(items, split_assign)
{
	struct jh_assign a;
	struct jh_err err;
	char name[64];

	cr_assert_eq(items_split_assign("title=a=b", &a, name, sizeof name, &err), 0);
	cr_assert_str_eq(a.field, "title");
	cr_assert_str_eq(a.value, "a=b");
	cr_assert_eq(items_split_assign("title=", &a, name, sizeof name, &err), 0);
	cr_assert_str_eq(a.value, "");
	cr_assert_eq(items_split_assign("=x", &a, name, sizeof name, &err), -1);
	cr_assert_eq(items_split_assign("novalue", &a, name, sizeof name, &err), -1);
	cr_assert_str_eq(err.msg, "\"novalue\": expected FIELD=VALUE");
}

Test(items, kinds_by_name)
{
	cr_assert_eq(kinds_find("painpoints")->kind, JH_PAINPOINT);
	cr_assert_eq(kinds_find("pain-point")->kind, JH_PAINPOINT);
	cr_assert_eq(kinds_find("parking-lot")->kind, JH_PARKING);
	cr_assert_eq(kinds_find("idea")->kind, JH_IDEA);
	cr_assert_null(kinds_find("ideaz"));
	for (int k = 0; k < JH_NKINDS; k++) {
		const struct jh_kind_def *d = kinds_get((enum jh_kind)k);
		cr_assert_eq((int)d->kind, k);
		for (size_t i = 0; i < d->nfields; i++) {
			const struct jh_field_def *f = &d->fields[i];
			struct jh_err err;
			if (f->defval)
				cr_assert_eq(items_check_value(f, f->defval, &err), 0,
					     "%s.%s default %s: %s", d->name, f->name, f->defval,
					     err.msg);
		}
	}
}

Test(items, dates)
{
	char today[11];

	cr_assert(util_date_valid("2000-02-29"));
	cr_assert_not(util_date_valid("1900-02-29"));
	cr_assert_not(util_date_valid("2026-04-31"));
	cr_assert_not(util_date_valid("2026-4-1"));
	setenv("JOURNEYHACK_TODAY", "2026-11-22", 1);
	util_today(today);
	cr_assert_str_eq(today, "2026-11-22");
}

/* The field table says where every value lives: reading an item through
 * the table gives what the struct holds, for every kind. */
Test(kinds, table_reads_the_model_structs)
{
	jh_id links[] = {4, 9};
	struct jh_idea idea = {.id = 7,
			       .title = "Förklara fakturan",
			       .confidence = 4,
			       .reach = 80,
			       .author_id = 2,
			       .painpoints = links,
			       .npainpoints = 2};
	struct jh_data d = {.ideas = &idea, .nideas = 1};
	const struct jh_kind_def *k = kinds_get(JH_IDEA);
	const jh_id *ids;
	size_t n;

	cr_assert_eq(kinds_count(k, &d), 1);
	cr_assert_eq(kinds_item(k, &d, 0), &idea);
	cr_assert_null(kinds_item(k, &d, 1));
	cr_assert_str_eq(kinds_text(kinds_field(k, "title"), &idea), "Förklara fakturan");
	cr_assert_str_eq(kinds_text(kinds_field(k, "belief"), &idea), "");
	cr_assert_eq(kinds_num(kinds_field(k, "confidence"), &idea), 4);
	cr_assert_eq(kinds_num(kinds_field(k, "reach"), &idea), 80);
	cr_assert_eq(kinds_num(kinds_field(k, "author"), &idea), 2);
	ids = kinds_ids(kinds_field(k, "painpoints"), &idea, &n);
	cr_assert_eq(n, 2);
	cr_assert_eq(ids[1], 9);
	d.workshop.dots_per_participant = 6;
	k = kinds_get(JH_WORKSHOP);
	cr_assert_eq(kinds_count(k, &d), 1);
	cr_assert_eq(kinds_num(kinds_field(k, "dots"), kinds_item(k, &d, 0)), 6);
}

Test(kinds, every_stored_field_lies_inside_its_struct)
{
	for (int kind = 0; kind < JH_NKINDS; kind++) {
		const struct jh_kind_def *k = kinds_get((enum jh_kind)kind);

		cr_assert_gt(k->item_size, 0);
		for (size_t i = 0; i < k->nfields; i++) {
			const struct jh_field_def *f = &k->fields[i];

			if (!kinds_stored(f)) {
				cr_assert_null(f->column, "%s.%s has a column but no storage",
					       k->name, f->name);
				continue;
			}
			cr_assert_lt(f->offset, k->item_size, "%s.%s", k->name, f->name);
		}
	}
}
