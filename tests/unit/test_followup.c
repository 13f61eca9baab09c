/* test_followup.c: what a follow-up carries, the figures of its report on
 * hand-worked sessions, and the store keeping each carried item's UUID. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/export.h"
#include "journeyhack/export_followup.h"
#include "journeyhack/followup.h"
#include "journeyhack/items.h"
#include "journeyhack/store.h"
#include "journeyhack/template.h"
#include "journeyhack/util.h"
#include "testutil.h"

/* ------------------------------------------------- sessions by hand */

#define GROW(arr, n) ((arr) = util_xrealloc((arr), ((n) + 1) * sizeof *(arr)), &(arr)[(n)++])

static jh_id last_id;

static void session(struct jh_data *d, const char *name)
{
	memset(d, 0, sizeof *d);
	d->workshop.name = util_xstrdup(name);
	d->workshop.title = util_xstrdup(name);
	d->workshop.created = util_xstrdup("2026-11-02");
	d->workshop.uuid = util_xstrdup(name);
}

static jh_id journey(struct jh_data *d, const char *name, const char *uuid)
{
	struct jh_journey *j = GROW(d->journeys, d->njourneys);

	memset(j, 0, sizeof *j);
	j->id = ++last_id;
	j->name = util_xstrdup(name);
	j->description = util_xstrdup("");
	j->uuid = util_xstrdup(uuid);
	return j->id;
}

static jh_id touchpoint(struct jh_data *d, jh_id jid, const char *name, const char *uuid, int score)
{
	struct jh_touchpoint *t = GROW(d->touchpoints, d->ntouchpoints);

	memset(t, 0, sizeof *t);
	t->id = ++last_id;
	t->journey_id = jid;
	t->name = util_xstrdup(name);
	t->channel = util_xstrdup("");
	t->owner = util_xstrdup("");
	t->notes = util_xstrdup("");
	t->uuid = util_xstrdup(uuid);
	t->score = score;
	t->reach = 100;
	return t->id;
}

static void painpoint(struct jh_data *d, jh_id tpid, const char *title)
{
	struct jh_painpoint *p = GROW(d->painpoints, d->npainpoints);

	memset(p, 0, sizeof *p);
	p->id = ++last_id;
	p->touchpoint_id = tpid;
	p->title = util_xstrdup(title);
	p->evidence = util_xstrdup("");
	p->status = util_xstrdup("open");
	p->uuid = util_xstrdup(title);
}

static void action(struct jh_data *d, const char *title, const char *owner, const char *due,
		   const char *status, const char *uuid)
{
	struct jh_action *a = GROW(d->actions, d->nactions);

	memset(a, 0, sizeof *a);
	a->id = ++last_id;
	a->title = util_xstrdup(title);
	a->owner = util_xstrdup(owner);
	a->due = util_xstrdup(due);
	a->status = util_xstrdup(status);
	a->notes = util_xstrdup("");
	a->uuid = util_xstrdup(uuid);
}

static void parking(struct jh_data *d, const char *text, int answered, const char *uuid)
{
	struct jh_parking *p = GROW(d->parking, d->nparking);

	memset(p, 0, sizeof *p);
	p->id = ++last_id;
	p->text = util_xstrdup(text);
	p->answer = util_xstrdup(answered ? "ja" : "");
	p->answered = answered;
	p->uuid = util_xstrdup(uuid);
}

/* ------------------------------------------------------- carrying */

Test(carry, open_actions_and_unanswered_parking_only)
{
	struct jh_data d;
	struct followup_carry c;

	session(&d, "v1");
	action(&d, "Ring Åsa", "Åsa", "", "todo", "a1");
	action(&d, "Klart", "Øyvind", "", "done", "a2");
	action(&d, "Pågår", "Øyvind", "2026-12-01", "doing", "a3");
	action(&d, "Också klart", "", "", "done", "a4");
	parking(&d, "Vem äger fakturan?", 0, "q1");
	parking(&d, "Besvarad", 1, "q2");
	parking(&d, "Hvem eier æ, ø og å?", 0, "q3");
	followup_carry(&d, &c);
	cr_assert_eq(c.nactions, 2);
	cr_assert_eq(c.actions[0], 0);
	cr_assert_eq(c.actions[1], 2);
	cr_assert_eq(c.nparking, 2);
	cr_assert_eq(c.parking[0], 0);
	cr_assert_eq(c.parking[1], 2);
	followup_carry_free(&c);
	model_data_free(&d);
}

Test(carry, nothing_open_carries_nothing)
{
	struct jh_data d;
	struct followup_carry c;

	session(&d, "v1");
	action(&d, "Klart", "Åsa", "", "done", "a1");
	parking(&d, "Besvarad", 1, "q1");
	followup_carry(&d, &c);
	cr_assert_eq(c.nactions, 0);
	cr_assert_eq(c.nparking, 0);
	followup_carry_free(&c);
	model_data_free(&d);
}

/* ------------------------------------------------------- the report
 *
 * Then (v1): journey "Betala" with touchpoints Faktura -2, Förstå -1,
 * Betala +1 (capital -2); journey "Byta" with Säga upp -1 (capital -1).
 * Now (v2, 2026-12-02): Faktura re-scored +1, Förstå still -1, Betala
 * deleted, a new Påminnelse 0: capital 0, change +2. "Byta" is gone and
 * "Flytta" (Adress 2) is new. Pain points then: one on Faktura (changed:
 * -2 -> +1), one on Förstå (unchanged), one on Betala (gone: not a
 * change), one on no touchpoint. Actions carried: Ring Åsa done now,
 * Fixa brevet due 2026-12-24 still open, Skriv om texten re-dated to
 * 2026-11-30 and open: overdue; a new action in v2 is not carried. */
static void pair(struct jh_data *then, struct jh_data *now)
{
	jh_id j, t1, t2, t3;

	session(then, "v1");
	j = journey(then, "Betala", "jb");
	t1 = touchpoint(then, j, "Faktura", "t1", -2);
	t2 = touchpoint(then, j, "Förstå", "t2", -1);
	t3 = touchpoint(then, j, "Betala", "t3", 1);
	touchpoint(then, journey(then, "Byta", "jy"), "Säga upp", "t4", -1);
	painpoint(then, t1, "Fakturan är svår att läsa");
	painpoint(then, t2, "Okända avgifter");
	painpoint(then, t3, "Bankappen krånglar");
	painpoint(then, 0, "Ingen ringer tillbaka");
	action(then, "Ring Åsa", "Åsa", "2026-11-20", "todo", "a1");
	action(then, "Fixa brevet", "Øyvind", "2026-12-24", "doing", "a2");
	action(then, "Skriv om texten", "Åsa", "", "todo", "a3");
	action(then, "Redan klart", "Åsa", "", "done", "a4");
	parking(then, "Vem äger fakturan?", 0, "q1");
	parking(then, "Hvem eier æ, ø og å?", 0, "q2");

	session(now, "v2");
	j = journey(now, "Betala", "jb");
	touchpoint(now, j, "Faktura", "t1", 1);
	touchpoint(now, j, "Förstå", "t2", -1);
	touchpoint(now, j, "Påminnelse", "t9", 0);
	touchpoint(now, journey(now, "Flytta", "jf"), "Adress", "t8", 2);
	action(now, "Ring Åsa", "Åsa", "2026-11-20", "done", "a1");
	action(now, "Ny åtgärd", "Øyvind", "2026-01-01", "todo", "a9");
	action(now, "Fixa brevet", "Øyvind", "2026-12-24", "todo", "a2");
	action(now, "Skriv om texten", "Åsa", "2026-11-30", "todo", "a3");
	parking(now, "Vem äger fakturan?", 1, "q1");
	parking(now, "Hvem eier æ, ø og å?", 0, "q2");
	parking(now, "Ny fråga", 0, "q9");
}

Test(report, actions_done_open_and_overdue)
{
	struct jh_data then, now;
	struct followup_report r;

	pair(&then, &now);
	followup_report(&then, &now, "2026-12-02", &r);
	cr_assert_eq(r.nactions, 3);
	cr_assert_eq(r.ndone, 1);
	cr_assert_eq(r.nopen, 1);
	cr_assert_eq(r.noverdue, 1);
	cr_assert_eq(r.actions[0].now, 0);
	cr_assert_eq(r.actions[0].then, 0);
	cr_assert_eq(r.actions[0].state, FOLLOWUP_DONE);
	cr_assert_eq(r.actions[1].now, 2);
	cr_assert_eq(r.actions[1].then, 1);
	cr_assert_eq(r.actions[1].state, FOLLOWUP_OPEN);
	cr_assert_eq(r.actions[2].now, 3);
	cr_assert_eq(r.actions[2].state, FOLLOWUP_OVERDUE);
	cr_assert_eq(r.nparking, 2);
	cr_assert_eq(r.nanswered, 1);
	followup_report_free(&r);
	model_data_free(&then);
	model_data_free(&now);
}

Test(report, pain_points_on_rescored_touchpoints)
{
	struct jh_data then, now;
	struct followup_report r;

	pair(&then, &now);
	followup_report(&then, &now, "2026-12-02", &r);
	cr_assert_eq(r.nchanges, 1);
	cr_assert_str_eq(then.painpoints[r.changes[0].painpoint].title,
			 "Fakturan är svår att läsa");
	cr_assert_eq(then.touchpoints[r.changes[0].then_tp].score, -2);
	cr_assert_eq(now.touchpoints[r.changes[0].now_tp].score, 1);
	followup_report_free(&r);
	model_data_free(&then);
	model_data_free(&now);
}

Test(report, capital_then_and_now)
{
	struct jh_data then, now;
	struct followup_report r;

	pair(&then, &now);
	followup_report(&then, &now, "2026-12-02", &r);
	cr_assert_eq(r.njourneys, 3);
	cr_assert_str_eq(r.journeys[0].name, "Betala");
	cr_assert(r.journeys[0].in_then && r.journeys[0].in_now);
	cr_assert_eq(r.journeys[0].then_capital, -2);
	cr_assert_eq(r.journeys[0].now_capital, 0);
	cr_assert_str_eq(r.journeys[1].name, "Flytta");
	cr_assert(!r.journeys[1].in_then && r.journeys[1].in_now);
	cr_assert_eq(r.journeys[1].now_capital, 2);
	cr_assert_str_eq(r.journeys[2].name, "Byta");
	cr_assert(r.journeys[2].in_then && !r.journeys[2].in_now);
	cr_assert_eq(r.journeys[2].then_capital, -1);
	followup_report_free(&r);
	model_data_free(&then);
	model_data_free(&now);
}

Test(report, markdown_of_the_hand_worked_pair)
{
	static const char want[] =
	    "# Follow-up: v2\n"
	    "\n"
	    "- This session: v2 (v2), 2026-11-02\n"
	    "- Follows: v1 (v1), 2026-11-02\n"
	    "\n"
	    "## Actions\n"
	    "\n"
	    "3 carried over: 1 done, 1 still open, 1 overdue (on 2026-12-02).\n"
	    "\n"
	    "| Action | Owner | Due | Status |\n"
	    "|---|---|---|---|\n"
	    "| Ring Åsa | Åsa | 2026-11-20 | done |\n"
	    "| Fixa brevet | Øyvind | 2026-12-24 | still open |\n"
	    "| Skriv om texten | Åsa | 2026-11-30 | overdue |\n"
	    "\n"
	    "## Parking lot\n"
	    "\n"
	    "2 carried over, 1 answered since.\n"
	    "\n"
	    "## Pain points on re-scored touchpoints\n"
	    "\n"
	    "| Pain point | Touchpoint | Score then → now |\n"
	    "|---|---|---|\n"
	    "| Fakturan är svår att läsa | Faktura | -2 → +1 |\n"
	    "\n"
	    "## CX capital\n"
	    "\n"
	    "| Journey | Then | Now | Change |\n"
	    "|---|---|---|---|\n"
	    "| Betala | -2 | 0 | +2 |\n"
	    "| Flytta | - | 2 | - |\n"
	    "| Byta | -1 | - | - |\n";
	struct jh_data then, now;
	struct followup_report r;
	struct jh_err err;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	pair(&then, &now);
	followup_report(&then, &now, "2026-12-02", &r);
	struct export_followup x = {&then, &now, &r, "2026-12-02"};
	cr_assert_eq(export_followup_md(f, &x, &err), 0, "%s", err.msg);
	fclose(f);
	cr_assert_str_eq(buf, want);
	free(buf);
	followup_report_free(&r);
	model_data_free(&then);
	model_data_free(&now);
}

/* ------------------------------------------------------- the store */

static char *dir;
static struct jh_store *st;

static void setup(void)
{
	struct jh_err err;
	char *path;

	dir = tu_tmpdir();
	path = tu_join(dir, "w.db");
	cr_assert_eq(store_open(&st, path, 0, &err), 0, "%s", err.msg);
	free(path);
}

static void teardown(void)
{
	store_close(st);
	tu_rmtree(dir);
	free(dir);
}

static void load_template(const char *file, struct jh_template *t)
{
	struct jh_err err;
	char *rel = util_xmalloc(strlen(file) + 32), *path;

	snprintf(rel, strlen(file) + 32, "workshop-templates/%s", file);
	path = tu_srcpath(rel);
	cr_assert_eq(template_load(path, t, &err), 0, "%s", err.msg);
	free(path);
	free(rel);
}

static void add(jh_id wid, enum jh_kind kind, const struct jh_assign *a, size_t n)
{
	struct jh_values vals;
	struct jh_err err;
	jh_id id;

	cr_assert_eq(items_parse(st, wid, kind, a, n, 1, &vals, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_add(st, wid, kind, vals.v, vals.n, &id, &err), 0, "%s", err.msg);
	items_values_free(&vals);
}

static jh_id first_session(void)
{
	struct jh_template t;
	struct jh_err err;
	jh_id wid;

	load_template("payment-moment.yaml", &t);
	cr_assert_eq(store_workshop_create(st, "v1", &t, &wid, &err), 0, "%s", err.msg);
	template_free(&t);
	add(wid, JH_ACTION, (struct jh_assign[]){{"title", "Ring Åsa"}, {"owner", "Åsa"}}, 2);
	add(wid, JH_ACTION, (struct jh_assign[]){{"title", "Klart"}, {"status", "done"}}, 2);
	add(wid, JH_PARKING, (struct jh_assign[]){{"text", "Hvem eier æ, ø og å?"}}, 1);
	return wid;
}

static int follow(struct jh_data *from, const char *name, jh_id *wid, struct jh_err *err)
{
	struct jh_template t;
	struct followup_carry c;
	int rc;

	load_template("follow-up-sv.yaml", &t);
	followup_carry(from, &c);
	struct store_follow f = {from, c.actions, c.nactions, c.parking, c.nparking};
	rc = store_workshop_follow(st, name, &t, &f, wid, err);
	followup_carry_free(&c);
	template_free(&t);
	return rc;
}

Test(store, carried_items_keep_their_uuid, .init = setup, .fini = teardown)
{
	struct jh_data d1, d2;
	struct jh_err err;
	jh_id w1 = first_session(), w2, from;
	struct jh_assign owner = {"owner", "Øyvind"};
	struct jh_values vals;

	/* Changed once: the carried copy goes on from revision 2. */
	cr_assert_eq(items_parse(st, w1, JH_ACTION, &owner, 1, 0, &vals, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_set(st, w1, JH_ACTION, 1, vals.v, vals.n, &err), 0, "%s", err.msg);
	items_values_free(&vals);
	cr_assert_eq(store_load(st, w1, &d1, &err), 0, "%s", err.msg);
	cr_assert_eq(follow(&d1, "v2", &w2, &err), 0, "%s", err.msg);
	cr_assert_eq(store_load(st, w2, &d2, &err), 0, "%s", err.msg);
	cr_assert_str_eq(d2.workshop.template_name, "follow-up-sv");
	cr_assert_eq(d2.nsteps, 5);
	cr_assert_eq(d2.nactions, 1);
	cr_assert_str_eq(d2.actions[0].title, "Ring Åsa");
	cr_assert_str_eq(d2.actions[0].uuid, d1.actions[0].uuid);
	cr_assert_neq(d2.actions[0].id, d1.actions[0].id);
	cr_assert_str_eq(d2.actions[0].owner, "Øyvind");
	cr_assert_eq(d1.actions[0].revision, 2);
	cr_assert_eq(d2.actions[0].revision, 2);
	cr_assert_eq(d2.nparking, 1);
	cr_assert_str_eq(d2.parking[0].uuid, d1.parking[0].uuid);
	cr_assert_eq(d2.njourneys, d1.njourneys);
	cr_assert_eq(d2.ntouchpoints, d1.ntouchpoints);
	for (size_t i = 0; i < d1.ntouchpoints; i++) {
		cr_assert_str_eq(d2.touchpoints[i].uuid, d1.touchpoints[i].uuid);
		cr_assert_eq(d2.touchpoints[i].score, d1.touchpoints[i].score);
		cr_assert_str_eq(model_stage(&d2, d2.touchpoints[i].stage_id)->name,
				 model_stage(&d1, d1.touchpoints[i].stage_id)->name);
	}
	cr_assert_eq(store_workshop_follows(st, w2, &from, &err), 0, "%s", err.msg);
	cr_assert_eq(from, w1);
	cr_assert_eq(store_workshop_follows(st, w1, &from, &err), 0, "%s", err.msg);
	cr_assert_eq(from, 0);
	model_data_free(&d1);
	model_data_free(&d2);
}

Test(store, refusals_leave_the_file_unchanged, .init = setup, .fini = teardown)
{
	struct jh_data d1;
	struct jh_err err;
	jh_id w1 = first_session(), w2;

	cr_assert_eq(store_load(st, w1, &d1, &err), 0, "%s", err.msg);
	cr_assert_neq(follow(&d1, "v1", &w2, &err), 0);
	cr_assert_str_eq(err.msg, "workshop \"v1\" cannot follow up itself");
	cr_assert_eq(follow(&d1, "v2", &w2, &err), 0, "%s", err.msg);
	cr_assert_neq(follow(&d1, "v2", &w2, &err), 0);
	cr_assert(strstr(err.msg, "a workshop named \"v2\" already exists"), "%s", err.msg);
	cr_assert_eq(store_item_count(st, w2, JH_ACTION), 1);
	cr_assert_eq(store_item_count(st, w1, JH_ACTION), 2);
	model_data_free(&d1);
}

Test(report, scores_signed_and_zero_plain)
{
	char buf[8];

	cr_assert_str_eq(followup_score(-2, buf), "-2");
	cr_assert_str_eq(followup_score(0, buf), "0");
	cr_assert_str_eq(followup_score(1, buf), "+1");
}
