/* test_undo.c: undo puts back whole items in one transaction: an id list
 * of any length read back, an idea's links as long as the workshop has
 * pain points, and a group that fails half way leaves nothing behind. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/form.h"
#include "journeyhack/store.h"
#include "journeyhack/ui_fill.h"
#include "journeyhack/ui_index.h"
#include "journeyhack/ui_undo.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"
#include "testutil.h"

#define NLINKS 2000

/* ---------------------------------------------------------------- ids */

Test(parse_ids, reads_every_id_of_a_list)
{
	jh_id *ids;
	size_t n;

	cr_assert_eq(ui_undo_parse_ids("3,17,4", &ids, &n), 0);
	cr_assert_eq(n, 3);
	cr_assert(ids[0] == 3 && ids[1] == 17 && ids[2] == 4);
	free(ids);
	cr_assert_eq(ui_undo_parse_ids(" 5 , 6,", &ids, &n), 0, "spaces and a last comma");
	cr_assert(n == 2 && ids[0] == 5 && ids[1] == 6);
	free(ids);
	cr_assert_eq(ui_undo_parse_ids("", &ids, &n), 0);
	cr_assert(n == 0 && ids == NULL, "an empty list is no ids");
}

Test(parse_ids, refuses_what_is_not_an_id)
{
	static const char *const bad[] = {"1,x",   "0",	    "-3",
					  "12abc", "1,,2a", "99999999999999999999"};
	jh_id *ids;
	size_t n;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cr_assert_eq(ui_undo_parse_ids(bad[i], &ids, &n), -1, "\"%s\"", bad[i]);
		cr_assert(ids == NULL && n == 0, "\"%s\" leaves nothing", bad[i]);
	}
}

/* ui_fill writes the list; parsing it gives back every id, however
 * many: a fixed buffer once kept about 4 KiB of them (1036 of 2000). */
Test(fill, a_long_id_list_is_written_whole)
{
	const struct jh_field_def *f = kinds_field(kinds_get(JH_IDEA), "painpoints");
	struct jh_idea idea = {.id = 1};
	jh_id *ids;
	size_t n;
	char *text;

	idea.painpoints = util_xcalloc(NLINKS, sizeof *idea.painpoints);
	idea.npainpoints = NLINKS;
	for (size_t i = 0; i < NLINKS; i++)
		idea.painpoints[i] = (jh_id)(i + 1) * 1000003;
	text = ui_fill_text(f, &idea);
	cr_assert_eq(ui_undo_parse_ids(text, &ids, &n), 0);
	cr_assert_eq(n, NLINKS, "%zu of %d ids written", n, NLINKS);
	cr_assert_eq(memcmp(ids, idea.painpoints, NLINKS * sizeof *ids), 0);
	free(ids);
	free(text);
	free(idea.painpoints);
}

/* An edit form opened on an idea with NLINKS links shows every one, and
 * a change to the title is not stopped by the list it leaves alone (the
 * list is longer than one typed value may be). */
Test(form, a_long_list_left_alone_does_not_stop_an_edit)
{
	const struct jh_field_def *f = kinds_field(kinds_get(JH_IDEA), "painpoints");
	struct jh_idea idea = {.id = 7, .title = (char *)"Big"};
	struct form form;
	char *text;

	idea.painpoints = util_xcalloc(NLINKS, sizeof *idea.painpoints);
	idea.npainpoints = NLINKS;
	for (size_t i = 0; i < NLINKS; i++)
		idea.painpoints[i] = (jh_id)i + 1;
	text = ui_fill_text(f, &idea);
	form_init(&form, JH_IDEA, idea.id, 0);
	form_set(&form, "title", "Big");
	form_set(&form, "painpoints", text);
	form_mark_orig(&form);
	cr_assert_str_eq(form_get(&form, "painpoints"), text, "every link is in the form");
	form_set(&form, "title", "Bigger");
	cr_assert_eq(form_validate(&form), -1, "%s", form_field(&form, "painpoints")->error);
	/* A list typed anew is judged as the command line judges it. */
	text[strlen(text) - 1] = '9';
	form_set(&form, "painpoints", text);
	cr_assert_geq(form_validate(&form), 0);
	cr_assert(strstr(form_field(&form, "painpoints")->error, "too long"));
	form_free(&form);
	free(text);
	free(idea.painpoints);
}

/* ---------------------------------------------------------- the store */

static char *dir, *db;
static struct ui ui;
static jh_id big;

#define RUN(...)                                                                                   \
	do {                                                                                       \
		struct tu_run r_ = tu_jhdb(db, (const char *const[]){__VA_ARGS__, NULL});          \
		cr_assert_eq(r_.status, 0, "%s", r_.err);                                          \
		tu_run_free(&r_);                                                                  \
	} while (0)

static void load(void)
{
	struct jh_err err;

	model_data_free(&ui.d);
	ui_index_free(&ui.ix);
	cr_assert_eq(store_load(ui.st, ui.wid, &ui.d, &err), 0, "%s", err.msg);
	ui_index_build(&ui);
}

/* An idea linked to NLINKS pain points (more than one command-line value
 * can carry, so linked through the store), with three participants'
 * dots; P3 has spent the rest of the budget on a second idea. */
static void setup(void)
{
	const struct jh_field_def *f = kinds_field(kinds_get(JH_IDEA), "painpoints");
	char *csv = NULL, *path;
	size_t len = 0;
	jh_id *ids = util_xcalloc(NLINKS, sizeof *ids);
	struct jh_value v = {.field = f, .ids = ids, .nids = NLINKS};
	struct jh_err err;

	dir = tu_tmpdir();
	db = tu_join(dir, "w.db");
	path = tu_join(dir, "pp.csv");
	csv = util_xstrdup("title\n");
	len = strlen(csv);
	for (int i = 1; i <= NLINKS; i++) {
		csv = util_xrealloc(csv, len + 32);
		len += (size_t)snprintf(csv + len, 32, "pain %d\n", i);
	}
	tu_write(path, csv);
	RUN("new", "w", "-t", "payment-moment");
	RUN("import", "w", path, "--kind", "painpoints");
	RUN("add", "w", "participant", "name=P1");
	RUN("add", "w", "participant", "name=P2");
	RUN("add", "w", "participant", "name=P3");
	RUN("add", "w", "idea", "title=Big", "painpoints=1");
	RUN("add", "w", "idea", "title=Other");
	RUN("add", "w", "idea", "title=Third");
	RUN("add", "w", "vote", "idea=Big", "participant=P1", "dots=2");
	RUN("add", "w", "vote", "idea=Big", "participant=P2", "dots=1");
	RUN("add", "w", "vote", "idea=Big", "participant=P3", "dots=2");
	RUN("add", "w", "vote", "idea=Other", "participant=P3", "dots=2");
	memset(&ui, 0, sizeof ui);
	cr_assert_eq(store_open(&ui.st, db, STORE_NOCREATE, &err), 0, "%s", err.msg);
	cr_assert_eq(store_workshop_find(ui.st, "w", &ui.wid, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_lookup(ui.st, ui.wid, JH_IDEA, "Big", 0, &big, &err), 0, "%s",
		     err.msg);
	for (size_t i = 0; i < NLINKS; i++)
		ids[i] = (jh_id)i + 1;
	cr_assert_eq(store_item_set(ui.st, ui.wid, JH_IDEA, big, &v, 1, &err), 0, "%s", err.msg);
	free(ids);
	free(csv);
	free(path);
	load();
}

static void teardown(void)
{
	ui_undo_free(&ui);
	ui_index_free(&ui.ix);
	model_data_free(&ui.d);
	store_close(ui.st);
	tu_rmtree(dir);
	free(db);
	free(dir);
}

/* The record ui_edit_delete keeps, then the delete itself. */
static void delete_big(void)
{
	struct ui_undo_rec rec;
	struct jh_err err;

	ui_undo_init(&rec, UI_UNDO_DELETE, JH_IDEA, big, "delete of idea #%lld", (long long)big);
	cr_assert_eq(ui_fill_snapshot(&ui, JH_IDEA, big, &rec), 0);
	for (size_t i = 0; i < ui.d.nvotes; i++)
		if (ui.d.votes[i].idea_id == big)
			ui_undo_vote(&rec, ui.d.votes[i].participant_id, ui.d.votes[i].dots);
	cr_assert_eq(store_item_delete(ui.st, ui.wid, JH_IDEA, big, &err), 0, "%s", err.msg);
	ui_undo_push(&ui, &rec);
	load();
}

static int dots_on_big(void)
{
	int dots = 0;

	for (size_t i = 0; i < ui.d.nvotes; i++)
		if (ui.d.votes[i].idea_id == big)
			dots += ui.d.votes[i].dots;
	return dots;
}

Test(undo, an_idea_comes_back_with_every_link_and_vote, .init = setup, .fini = teardown)
{
	const struct jh_idea *i;
	enum jh_kind kind;
	jh_id id;

	cr_assert_eq(dots_on_big(), 5);
	delete_big();
	cr_assert_null(ui_fill_item(&ui, JH_IDEA, big));
	ui_undo_last(&ui, &kind, &id);
	cr_assert_eq(ui.msg_error, 0, "%s", ui.msg);
	cr_assert(kind == JH_IDEA && id == big);
	load();
	i = ui_fill_item(&ui, JH_IDEA, big);
	cr_assert_not_null(i, "the idea is back under its id");
	cr_assert_eq(i->npainpoints, NLINKS, "%zu of %d links back", i->npainpoints, NLINKS);
	for (size_t k = 0; k < NLINKS; k++)
		cr_assert_eq(i->painpoints[k], (jh_id)k + 1);
	cr_assert_eq(dots_on_big(), 5, "every dot back");
}

/* P3 spends the freed dots elsewhere: P3's vote cannot come back, so
 * nothing does, though the idea and two votes could have. */
Test(undo, a_vote_that_cannot_come_back_takes_the_whole_undo, .init = setup, .fini = teardown)
{
	struct jh_err err;
	enum jh_kind kind;
	jh_id id, p3, third;

	delete_big();
	cr_assert_eq(store_item_lookup(ui.st, ui.wid, JH_PARTICIPANT, "P3", 0, &p3, &err), 0);
	cr_assert_eq(store_item_lookup(ui.st, ui.wid, JH_IDEA, "Third", 0, &third, &err), 0);
	cr_assert_eq(store_vote(ui.st, ui.wid, p3, third, 2, &err), 0, "%s", err.msg);
	ui_undo_last(&ui, &kind, &id);
	cr_assert_eq(ui.msg_error, 1);
	cr_assert(strstr(ui.msg, "Cannot undo delete of idea") && strstr(ui.msg, "nothing changed"),
		  "%s", ui.msg);
	load();
	cr_assert_null(ui_fill_item(&ui, JH_IDEA, big), "no part of the idea is back");
	cr_assert_eq(dots_on_big(), 0, "no vote is back");
	cr_assert_eq(store_item_count(ui.st, ui.wid, JH_IDEA), 2);
	/* The store is usable after the rollback: a change commits. */
	cr_assert_eq(store_vote(ui.st, ui.wid, p3, third, -1, &err), 0, "%s", err.msg);
}

/* A pain point deleted elsewhere before the undo: the link to it cannot
 * come back, and the message names it. */
Test(undo, a_link_to_a_pain_point_gone_is_named, .init = setup, .fini = teardown)
{
	struct jh_err err;
	enum jh_kind kind;
	jh_id id;

	delete_big();
	cr_assert_eq(store_item_delete(ui.st, ui.wid, JH_PAINPOINT, 1234, &err), 0, "%s", err.msg);
	ui_undo_last(&ui, &kind, &id);
	cr_assert_eq(ui.msg_error, 1);
	cr_assert(strstr(ui.msg, "painpoint 1234 is gone"), "%s", ui.msg);
	load();
	cr_assert_null(ui_fill_item(&ui, JH_IDEA, big));
}

/* A pain point deleted from an idea with NLINKS links: the group that
 * puts it back relinks it through the whole list (the record
 * ui_edit_delete keeps), in the same transaction. */
Test(undo, a_deleted_pain_point_is_linked_again, .init = setup, .fini = teardown)
{
	const struct jh_field_def *f = kinds_field(kinds_get(JH_IDEA), "painpoints");
	const struct jh_idea *i = ui_fill_item(&ui, JH_IDEA, big);
	struct ui_undo_rec link, pain;
	struct jh_err err;
	enum jh_kind kind;
	jh_id id;
	char *list = ui_fill_text(f, i);

	ui_undo_init(&pain, UI_UNDO_DELETE, JH_PAINPOINT, 77, "delete of painpoint #77");
	cr_assert_eq(ui_fill_snapshot(&ui, JH_PAINPOINT, 77, &pain), 0);
	ui_undo_init(&link, UI_UNDO_SET, JH_IDEA, big, "links of idea #%lld", (long long)big);
	ui_undo_assign(&link, "painpoints", list);
	free(list);
	cr_assert_eq(store_item_delete(ui.st, ui.wid, JH_PAINPOINT, 77, &err), 0, "%s", err.msg);
	ui_undo_group_begin(&ui);
	ui_undo_push(&ui, &link);
	ui_undo_push(&ui, &pain);
	ui_undo_group_end(&ui);
	load();
	cr_assert_eq(((const struct jh_idea *)ui_fill_item(&ui, JH_IDEA, big))->npainpoints,
		     NLINKS - 1);
	ui_undo_last(&ui, &kind, &id);
	cr_assert_eq(ui.msg_error, 0, "%s", ui.msg);
	load();
	i = ui_fill_item(&ui, JH_IDEA, big);
	cr_assert_not_null(ui_fill_item(&ui, JH_PAINPOINT, 77));
	cr_assert_eq(i->npainpoints, NLINKS, "%zu of %d links back", i->npainpoints, NLINKS);
}
