/* test_store.c: the SQLite store through its public interface. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journeyhack/items.h"
#include "journeyhack/session.h"
#include "journeyhack/store.h"
#include "journeyhack/template.h"
#include "testutil.h"

static char *dir;
static char *dbpath;
static struct jh_store *st;
static jh_id wid;

static void load_template(const char *name, struct jh_template *t)
{
	struct jh_err err;
	char rel[128];
	char *path;

	snprintf(rel, sizeof rel, "workshop-templates/%s.yaml", name);
	path = tu_srcpath(rel);
	cr_assert_eq(template_load(path, t, &err), 0, "%s", err.msg);
	free(path);
}

static void setup(void)
{
	struct jh_template t;
	struct jh_err err;

	dir = tu_tmpdir();
	dbpath = tu_join(dir, "sub/dir/w.db");
	cr_assert_eq(store_open(&st, dbpath, 0, &err), 0, "%s", err.msg);
	load_template("payment-moment", &t);
	cr_assert_eq(store_workshop_create(st, "pay", &t, &wid, &err), 0, "%s", err.msg);
	template_free(&t);
}

static void teardown(void)
{
	store_close(st);
	st = NULL;
	tu_rmtree(dir);
	free(dir);
	free(dbpath);
}

/* Add an item from FIELD=VALUE strings through items_parse, as the CLI does. */
static int add(enum jh_kind kind, jh_id *id, struct jh_err *err, ...)
{
	struct jh_assign a[32];
	char names[32][64];
	struct jh_values vals;
	va_list ap;
	size_t n = 0;
	const char *arg;
	int rc;

	va_start(ap, err);
	while ((arg = va_arg(ap, const char *))) {
		cr_assert_eq(items_split_assign(arg, &a[n], names[n], 64, err), 0);
		n++;
	}
	va_end(ap);
	if (items_parse(st, wid, kind, a, n, 1, &vals, err))
		return -1;
	rc = store_item_add(st, wid, kind, vals.v, vals.n, id, err);
	items_values_free(&vals);
	return rc;
}

static int set(enum jh_kind kind, jh_id id, struct jh_err *err, ...)
{
	struct jh_assign a[32];
	char names[32][64], idbuf[32];
	struct jh_values vals;
	va_list ap;
	size_t n = 1;
	const char *arg;
	int rc;

	snprintf(idbuf, sizeof idbuf, "%lld", (long long)id);
	a[0].field = "id";
	a[0].value = idbuf;
	va_start(ap, err);
	while ((arg = va_arg(ap, const char *))) {
		cr_assert_eq(items_split_assign(arg, &a[n], names[n], 64, err), 0);
		n++;
	}
	va_end(ap);
	if (items_parse(st, wid, kind, a, n, 0, &vals, err))
		return -1;
	rc = store_item_set(st, wid, kind, id, vals.v, vals.n, err);
	items_values_free(&vals);
	return rc;
}

TestSuite(store, .init = setup, .fini = teardown);

Test(store, creates_private_file_and_directories)
{
	struct stat sb;

	cr_assert_eq(stat(dbpath, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600, "mode %o", sb.st_mode & 0777);
}

Test(store, schema_version_and_wal)
{
	sqlite3 *db;
	sqlite3_stmt *s;

	cr_assert_eq(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL);
	cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
	cr_assert_eq(sqlite3_column_int(s, 0), STORE_SCHEMA_VERSION);
	sqlite3_finalize(s);
	sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL);
	cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
	cr_assert_str_eq((const char *)sqlite3_column_text(s, 0), "wal");
	sqlite3_finalize(s);
	sqlite3_close(db);
}

Test(store, workshop_from_template)
{
	struct jh_data d;
	struct jh_err err;

	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	cr_assert_str_eq(d.workshop.name, "pay");
	cr_assert_str_eq(d.workshop.template_name, "payment-moment");
	cr_assert_gt(d.nsteps, 0);
	cr_assert_eq(d.njourneys, 1);
	cr_assert_str_eq(d.journeys[0].name, "Pay the invoice");
	cr_assert_eq(d.ntouchpoints, 5);
	cr_assert_eq(d.touchpoints[0].reach, 80);
	cr_assert_eq(d.touchpoints[0].score, -2);
	cr_assert_gt(d.nchannels, 0);
	cr_assert_gt(d.nstage_names, 0);
	cr_assert_gt(d.nprompts, 0);
	model_data_free(&d);
}

Test(store, duplicate_workshop_name_refused)
{
	struct jh_template t;
	struct jh_err err;
	jh_id id2;

	load_template("payment-moment", &t);
	cr_assert_eq(store_workshop_create(st, "pay", &t, &id2, &err), -1);
	cr_assert(strstr(err.msg, "already exists"), "%s", err.msg);
	cr_assert_eq(store_workshop_create(st, "two words", &t, &id2, &err), -1);
	cr_assert_eq(store_workshop_create(st, "42", &t, &id2, &err), -1);
	cr_assert_eq(store_workshop_create(st, "second", &t, &id2, &err), 0, "%s", err.msg);
	cr_assert_neq(id2, wid);
	template_free(&t);
}

Test(store, every_entity_round_trips)
{
	struct jh_err err;
	jh_id p, j, s, tp, pp, idea, v, a, pk;
	struct jh_data d;

	cr_assert_eq(add(JH_PARTICIPANT, &p, &err, "name=Åsa Ødegård", "department=Økonomi",
			 "role=facilitator", NULL),
		     0, "%s", err.msg);
	cr_assert_eq(
	    add(JH_JOURNEY, &j, &err, "name=Bli kund", "stages=Hitta, Köpa,Välkomnas", NULL), 0,
	    "%s", err.msg);
	cr_assert_eq(add(JH_STAGE, &s, &err, "journey=Bli kund", "name=Förnya", NULL), 0, "%s",
		     err.msg);
	cr_assert_eq(add(JH_TOUCHPOINT, &tp, &err, "journey=Bli kund", "stage=Köpa",
			 "name=Beställning på webben", "channel=web", "owner=IT", "score=-1",
			 "reach=60", "potential=3", NULL),
		     0, "%s", err.msg);
	cr_assert_eq(add(JH_PAINPOINT, &pp, &err, "touchpoint=Beställning på webben",
			 "title=Formuläret är för långt", "severity=4", "frequency=2",
			 "evidence=\"Jag gav upp\" — intervju 2", "author=Åsa Ødegård", NULL),
		     0, "%s", err.msg);
	cr_assert_eq(add(JH_IDEA, &idea, &err, "title=Kortare formulär", "impact=4", "effort=2",
			 "confidence=3", "painpoints=1", "belief=b", "experiment=e", "metric=m",
			 "success=s", NULL),
		     0, "%s", err.msg);
	cr_assert_eq(add(JH_VOTE, &v, &err, "idea=Kortare formulär", "participant=Åsa Ødegård",
			 "dots=2", NULL),
		     0, "%s", err.msg);
	cr_assert_eq(add(JH_ACTION, &a, &err, "idea=Kortare formulär", "title=Skissa formulär",
			 "owner=Åsa", "due=2026-12-15", NULL),
		     0, "%s", err.msg);
	cr_assert_eq(add(JH_PARKING, &pk, &err, "text=Vänta på nytt system?", NULL), 0, "%s",
		     err.msg);

	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	cr_assert_eq(d.nparticipants, 1);
	cr_assert_str_eq(d.participants[0].name, "Åsa Ødegård");
	cr_assert_str_eq(d.participants[0].role, "facilitator");
	cr_assert_eq(d.njourneys, 2);
	cr_assert_eq(d.nstages, 5 + 4, "stages %zu", d.nstages);
	const struct jh_touchpoint *t = model_touchpoint(&d, tp);
	cr_assert_not_null(t);
	cr_assert_eq(t->journey_id, j);
	cr_assert_str_eq(model_stage(&d, t->stage_id)->name, "Köpa");
	cr_assert_eq(t->score, -1);
	cr_assert_eq(t->reach, 60);
	cr_assert_eq(t->potential, 3);
	const struct jh_painpoint *pain = model_painpoint(&d, pp);
	cr_assert_str_eq(pain->evidence, "\"Jag gav upp\" — intervju 2");
	cr_assert_eq(pain->touchpoint_id, tp);
	cr_assert_eq(pain->author_id, p);
	cr_assert_str_eq(pain->status, "open");
	const struct jh_idea *x = model_idea(&d, idea);
	cr_assert_eq(x->npainpoints, 1);
	cr_assert_eq(x->painpoints[0], pp);
	cr_assert_str_eq(x->success, "s");
	cr_assert_eq(session_idea_votes(&d, idea), 2);
	cr_assert_eq(d.nactions, 1);
	cr_assert_str_eq(d.actions[0].due, "2026-12-15");
	cr_assert_str_eq(d.actions[0].status, "todo");
	cr_assert_eq(d.actions[0].idea_id, idea);
	cr_assert_str_eq(d.parking[0].text, "Vänta på nytt system?");
	model_data_free(&d);

	cr_assert_eq(set(JH_ACTION, a, &err, "status=done", "owner=Øyvind", NULL), 0, "%s",
		     err.msg);
	cr_assert_eq(set(JH_TOUCHPOINT, tp, &err, "stage=Hitta", "score=2", NULL), 0, "%s",
		     err.msg);
	cr_assert_eq(set(JH_IDEA, idea, &err, "painpoints=", NULL), 0, "%s", err.msg);
	cr_assert_eq(set(JH_PARKING, pk, &err, "answered=yes", "answer=Nej.", NULL), 0, "%s",
		     err.msg);
	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	cr_assert_str_eq(d.actions[0].status, "done");
	cr_assert_str_eq(d.actions[0].owner, "Øyvind");
	cr_assert_str_eq(model_stage(&d, model_touchpoint(&d, tp)->stage_id)->name, "Hitta");
	cr_assert_eq(model_idea(&d, idea)->npainpoints, 0);
	cr_assert_eq(d.parking[0].answered, 1);
	model_data_free(&d);
}

Test(store, delete_refuses_while_dependants_exist)
{
	struct jh_err err;
	jh_id j, tp, pp;

	cr_assert_eq(add(JH_JOURNEY, &j, &err, "name=J", "stages=A,B", NULL), 0, "%s", err.msg);
	cr_assert_eq(add(JH_TOUCHPOINT, &tp, &err, "journey=J", "stage=A", "name=T", NULL), 0, "%s",
		     err.msg);
	cr_assert_eq(add(JH_PAINPOINT, &pp, &err, "touchpoint=T", "title=P", NULL), 0, "%s",
		     err.msg);
	cr_assert_eq(store_item_delete(st, wid, JH_TOUCHPOINT, tp, &err), -1);
	cr_assert(strstr(err.msg, "still has 1 pain point;"), "%s", err.msg);
	cr_assert_eq(store_item_delete(st, wid, JH_JOURNEY, j, &err), -1);
	cr_assert_eq(store_item_delete(st, wid, JH_PAINPOINT, pp, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_delete(st, wid, JH_TOUCHPOINT, tp, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_delete(st, wid, JH_JOURNEY, j, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_delete(st, wid, JH_JOURNEY, j, &err), -1);
	cr_assert(strstr(err.msg, "no journey"), "%s", err.msg);
}

Test(store, foreign_keys_enforced_below_validation)
{
	const struct jh_kind_def *k = kinds_get(JH_PAINPOINT);
	struct jh_value v[2] = {{.field = kinds_field(k, "title"), .text = "x"},
				{.field = kinds_field(k, "touchpoint"), .num = 999999}};
	struct jh_err err;
	jh_id id;

	cr_assert_eq(store_item_add(st, wid, JH_PAINPOINT, v, 2, &id, &err), -1);
	cr_assert(strstr(err.msg, "FOREIGN KEY"), "%s", err.msg);
}

Test(store, names_resolve_and_ambiguity_is_reported)
{
	struct jh_err err;
	jh_id id, a, b;

	cr_assert_eq(add(JH_PAINPOINT, &a, &err, "title=Same", NULL), 0, "%s", err.msg);
	cr_assert_eq(store_item_lookup(st, wid, JH_PAINPOINT, "Same", 0, &id, &err), 0);
	cr_assert_eq(id, a);
	cr_assert_eq(add(JH_PAINPOINT, &b, &err, "title=Same", NULL), 0, "%s", err.msg);
	cr_assert_eq(store_item_lookup(st, wid, JH_PAINPOINT, "Same", 0, &id, &err), -1);
	cr_assert(strstr(err.msg, "ambiguous"), "%s", err.msg);
	cr_assert_eq(store_item_lookup(st, wid, JH_PAINPOINT, "Other", 0, &id, &err), -1);
	cr_assert(strstr(err.msg, "no painpoint named \"Other\""), "%s", err.msg);
}

Test(store, vote_budget_and_cap)
{
	struct jh_err err;
	jh_id p, i1, i2, v;
	struct jh_data d;

	cr_assert_eq(add(JH_PARTICIPANT, &p, &err, "name=Anna", NULL), 0);
	cr_assert_eq(add(JH_IDEA, &i1, &err, "title=One", NULL), 0);
	cr_assert_eq(add(JH_IDEA, &i2, &err, "title=Two", NULL), 0);
	cr_assert_eq(set(JH_WORKSHOP, wid, &err, "dots=3", "max_dots=2", NULL), 0, "%s", err.msg);
	cr_assert_eq(store_vote(st, wid, p, i1, 2, &err), 0, "%s", err.msg);
	cr_assert_eq(store_vote(st, wid, p, i1, 1, &err), -1);
	cr_assert(strstr(err.msg, "at most 2 dots per idea"), "%s", err.msg);
	cr_assert_eq(store_vote(st, wid, p, i2, 1, &err), 0, "%s", err.msg);
	cr_assert_eq(store_vote(st, wid, p, i2, 1, &err), -1);
	cr_assert(strstr(err.msg, "budget is 3 dots"), "%s", err.msg);
	cr_assert_eq(store_vote(st, wid, p, i1, -1, &err), 0, "%s", err.msg);
	cr_assert_eq(store_vote(st, wid, p, i2, 1, &err), 0, "%s", err.msg);
	cr_assert_eq(store_vote(st, wid, p, i1, -2, &err), -1);
	cr_assert_eq(add(JH_VOTE, &v, &err, "idea=One", "participant=Anna", NULL), -1);
	cr_assert_eq(store_load(st, wid, &d, &err), 0);
	cr_assert_eq(session_idea_votes(&d, i1), 1);
	cr_assert_eq(session_idea_votes(&d, i2), 2);
	cr_assert_eq(session_participant_dots(&d, p), 3);
	model_data_free(&d);
}

Test(store, sql_looking_text_is_stored_literally)
{
	struct jh_err err;
	jh_id id;
	struct jh_data d;
	const char *evil = "x'); DROP TABLE painpoint; --";

	cr_assert_eq(add(JH_PAINPOINT, &id, &err, "title=x'); DROP TABLE painpoint; --", NULL), 0);
	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	cr_assert_str_eq(d.painpoints[0].title, evil);
	model_data_free(&d);
}

Test(store, agenda_and_timer_live_in_the_database)
{
	struct jh_err err;
	struct jh_data d;

	cr_assert_eq(store_step_goto(st, wid, 2, &err), 0, "%s", err.msg);
	cr_assert_eq(store_timer_toggle(st, wid, 1000, &err), 0);
	cr_assert_eq(store_timer_toggle(st, wid, 1090, &err), 0);
	cr_assert_eq(store_timer_toggle(st, wid, 2000, &err), 0);
	cr_assert_eq(store_load(st, wid, &d, &err), 0);
	cr_assert_eq(d.workshop.current_step, 2);
	cr_assert_eq(d.workshop.timer_running, 1);
	cr_assert_eq(d.workshop.timer_elapsed, 90);
	cr_assert_eq(d.workshop.timer_started, 2000);
	cr_assert_eq(store_step_reveal(st, wid, d.steps[0].id, &err), 0);
	model_data_free(&d);
	cr_assert_eq(store_step_goto(st, wid, 999, &err), -1);
	cr_assert_eq(store_load(st, wid, &d, &err), 0);
	cr_assert_eq(d.steps[0].revealed, 1);
	cr_assert_eq(d.workshop.current_step, 2);
	model_data_free(&d);
}

Test(store, batch_rolls_back_as_a_whole)
{
	struct jh_err err;
	jh_id id;

	cr_assert_eq(store_begin(st, &err), 0);
	cr_assert_eq(add(JH_PAINPOINT, &id, &err, "title=one", NULL), 0);
	cr_assert_eq(add(JH_PAINPOINT, &id, &err, "title=two", NULL), 0);
	store_rollback(st);
	cr_assert_eq(store_item_count(st, wid, JH_PAINPOINT), 0);
	cr_assert_eq(store_begin(st, &err), 0);
	cr_assert_eq(add(JH_PAINPOINT, &id, &err, "title=three", NULL), 0);
	cr_assert_eq(store_commit(st, &err), 0);
	cr_assert_eq(store_item_count(st, wid, JH_PAINPOINT), 1);
}

Test(store, data_version_sees_other_connections)
{
	struct jh_store *other;
	struct jh_err err;
	int64_t v1, v2;
	jh_id id;

	cr_assert_eq(store_open(&other, dbpath, 0, &err), 0, "%s", err.msg);
	v1 = store_data_version(other);
	cr_assert_eq(add(JH_PARKING, &id, &err, "text=hello", NULL), 0);
	v2 = store_data_version(other);
	cr_assert_neq(v1, v2);
	cr_assert_eq(store_item_count(other, wid, JH_PARKING), 1);
	store_close(other);
}

Test(store, readonly_open_refuses_changes)
{
	struct jh_store *ro;
	struct jh_err err;
	struct jh_data d;

	cr_assert_eq(store_open(&ro, dbpath, STORE_READONLY, &err), 0, "%s", err.msg);
	cr_assert(store_readonly(ro));
	cr_assert_eq(store_load(ro, wid, &d, &err), 0, "%s", err.msg);
	model_data_free(&d);
	cr_assert_eq(store_timer_toggle(ro, wid, 5, &err), -1);
	cr_assert(strstr(err.msg, "read-only"), "%s", err.msg);
	store_close(ro);
}

/* ---- files that are not ours ---- */

static void assert_refused_unchanged(const char *path, const char *needle)
{
	struct jh_store *s2 = NULL;
	struct jh_err err;
	size_t before_len, after_len;
	char *before = tu_read(path, &before_len), *after;

	cr_assert_eq(store_open(&s2, path, 0, &err), -1, "opened %s", path);
	cr_assert(strstr(err.msg, needle), "message: %s", err.msg);
	after = tu_read(path, &after_len);
	cr_assert_eq(before_len, after_len);
	cr_assert_eq(memcmp(before, after, before_len), 0, "file changed");
	free(before);
	free(after);
}

Test(store, foreign_files_are_refused_untouched)
{
	char *p = tu_join(dir, "notes.txt");
	tu_write(p, "just some text, not a database at all\n");
	assert_refused_unchanged(p, "not a journeyhack database");
	free(p);

	p = tu_join(dir, "empty.db");
	tu_write(p, "");
	assert_refused_unchanged(p, "empty file");
	free(p);

	p = tu_join(dir, "other.db");
	{
		sqlite3 *db;
		sqlite3_open(p, &db);
		sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", NULL, NULL, NULL);
		sqlite3_close(db);
	}
	assert_refused_unchanged(p, "did not write");
	free(p);
}

Test(store, newer_schema_is_refused_untouched)
{
	sqlite3 *db;

	store_close(st);
	st = NULL;
	cr_assert_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99",
				  NULL, NULL, NULL),
		     SQLITE_OK);
	sqlite3_close(db);
	assert_refused_unchanged(dbpath, "newer journeyhack");
}

Test(store, truncated_database_is_refused)
{
	struct jh_store *s2;
	struct jh_err err;
	struct stat sb;
	sqlite3 *db;

	/* Fold the WAL into the main file, then cut the file in half. */
	store_close(st);
	st = NULL;
	sqlite3_open(dbpath, &db);
	sqlite3_exec(db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	sqlite3_close(db);
	cr_assert_eq(stat(dbpath, &sb), 0);
	cr_assert_eq(truncate(dbpath, sb.st_size / 2), 0);
	cr_assert_eq(store_open(&s2, dbpath, 0, &err), -1);
	cr_assert(strstr(err.msg, "truncated") || strstr(err.msg, "damaged"), "%s", err.msg);
}

Test(store, directory_and_missing_file)
{
	struct jh_store *s2;
	struct jh_err err;
	char *missing = tu_join(dir, "nope.db");

	cr_assert_eq(store_open(&s2, dir, 0, &err), -1);
	cr_assert(strstr(err.msg, "is a directory"), "%s", err.msg);
	cr_assert_eq(store_open(&s2, missing, STORE_NOCREATE, &err), -1);
	cr_assert(strstr(err.msg, "no such database"), "%s", err.msg);
	cr_assert_neq(access(missing, F_OK), 0);
	free(missing);
}

/* The load and the restore walk the field table: every field of the
 * workshop, and the members that are not fields, come back as written. */
Test(store, workshop_restore_and_load_walk_the_field_table)
{
	const struct jh_kind_def *k = kinds_get(JH_WORKSHOP);
	struct jh_workshop w = {0};
	struct jh_data d;
	struct jh_err err;

	w.title = "Restored";
	w.description = "line one\nline two";
	w.template_name = "tpl";
	w.created = "2026-01-02";
	w.method = "rice";
	w.dots_per_participant = 7;
	w.max_dots_per_idea = 2;
	w.anonymous_votes = 1;
	w.current_step = 3;
	w.timer_running = 1;
	w.timer_started = 1700000000123LL;
	w.timer_elapsed = 65;
	cr_assert_eq(store_workshop_restore(st, wid, &w, &err), 0, "%s", err.msg);
	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	for (size_t i = 0; i < k->nfields; i++) {
		const struct jh_field_def *f = &k->fields[i];
		if (kinds_storage(f) == KINDS_S_TEXT)
			cr_assert_str_eq(kinds_text(f, &d.workshop), kinds_text(f, &w), "%s",
					 f->name);
		else
			cr_assert_eq(kinds_num(f, &d.workshop), kinds_num(f, &w), "%s", f->name);
	}
	cr_assert_str_eq(d.workshop.name, "pay");
	cr_assert_str_eq(d.workshop.template_name, "tpl");
	cr_assert_str_eq(d.workshop.created, "2026-01-02");
	cr_assert_eq(d.workshop.current_step, 3);
	cr_assert_eq(d.workshop.timer_running, 1);
	cr_assert_eq(d.workshop.timer_started, 1700000000123LL);
	cr_assert_eq(d.workshop.timer_elapsed, 65);
	model_data_free(&d);
	/* NULL texts restore as the field's default, as before. */
	w = (struct jh_workshop){.dots_per_participant = 5};
	cr_assert_eq(store_workshop_restore(st, wid, &w, &err), 0, "%s", err.msg);
	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	cr_assert_str_eq(d.workshop.method, "impact-effort");
	cr_assert_str_eq(d.workshop.title, "");
	model_data_free(&d);
	cr_assert_neq(store_workshop_restore(st, wid + 100, &w, &err), 0);
	cr_assert_eq(strncmp(err.msg, "no workshop with id ", 20), 0, "%s", err.msg);
}

/* Every kind's rows load through the one table-driven reader, in the
 * order model.h gives: each item's stored fields match a lookup by id. */
Test(store, every_kind_loads_every_stored_field)
{
	struct jh_data d;
	struct jh_err err;

	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	for (int kind = 0; kind < JH_NKINDS; kind++) {
		const struct jh_kind_def *k = kinds_get((enum jh_kind)kind);
		for (size_t i = 0; i < kinds_count(k, &d); i++) {
			const void *item = kinds_item(k, &d, i);
			jh_id id;
			memcpy(&id, item, sizeof id);
			cr_assert_gt(id, 0, "%s %zu has an id", k->name, i);
			if (kind != JH_WORKSHOP)
				cr_assert(store_item_exists(st, wid, (enum jh_kind)kind, id));
		}
	}
	cr_assert_gt(d.nsteps, 0);
	for (size_t i = 1; i < d.nsteps; i++)
		cr_assert_leq(d.steps[i - 1].position, d.steps[i].position);
	for (size_t i = 1; i < d.nstages; i++)
		cr_assert(d.stages[i - 1].journey_id != d.stages[i].journey_id ||
			  d.stages[i - 1].position < d.stages[i].position);
	model_data_free(&d);
}
