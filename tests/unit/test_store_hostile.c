/* test_store_hostile.c: database files crafted by hand are data, never
 * code, and never values the program cannot compute with.
 *
 * Each file starts as a valid workshop and is changed with SQL no
 * journeyhack command runs (check constraints ignored, as bytes written
 * by hand would be). The store must refuse it before writing a byte, name
 * the file and the difference, or, for a value inside an item, refuse to
 * load it with the table, row, field and value. */
#include <criterion/criterion.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/analysis.h"
#include "journeyhack/model.h"
#include "journeyhack/store.h"
#include "journeyhack/template.h"
#include "store_check.h"
#include "testutil.h"

static char *dir;
static char *dbpath;
static jh_id wid;

/* A valid workshop with one pain point and one idea, closed again. */
static void setup(void)
{
	struct jh_template t;
	struct jh_err err;
	struct jh_store *st;
	char *tpl = tu_srcpath("workshop-templates/payment-moment.yaml");
	struct jh_value pain[] = {
	    {kinds_field(kinds_get(JH_PAINPOINT), "title"), 0, 0, "Nobody reads it", NULL, 0}};
	struct jh_value idea[] = {
	    {kinds_field(kinds_get(JH_IDEA), "title"), 0, 0, "Explain it", NULL, 0}};

	dir = tu_tmpdir();
	dbpath = tu_join(dir, "w.db");
	cr_assert_eq(store_open(&st, dbpath, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(template_load(tpl, &t, &err), 0, "%s", err.msg);
	cr_assert_eq(store_workshop_create(st, "w", &t, &wid, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_add(st, wid, JH_PAINPOINT, pain, 1, NULL, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_add(st, wid, JH_IDEA, idea, 1, NULL, &err), 0, "%s", err.msg);
	template_free(&t);
	free(tpl);
	store_close(st);
}

static void teardown(void)
{
	tu_rmtree(dir);
	free(dir);
	free(dbpath);
}

/* Change the file behind journeyhack's back, as someone handing it over
 * could: checks ignored, no journal left beside it. */
static void craft(const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;

	cr_assert_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL),
		     SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, &msg), SQLITE_OK, "%s: %s", sql, msg);
	cr_assert_eq(sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL),
		     SQLITE_OK);
	sqlite3_close(db);
}

static long long count(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long n = -1;

	cr_assert_eq(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK, "%s", sql);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

/* store_open must fail with "<path>: <want>" and leave every byte. */
static void refused(const char *want)
{
	struct jh_store *st = NULL;
	struct jh_err err;
	size_t n0, n1;
	char *before = tu_read(dbpath, &n0), *after, expect[1024];

	cr_assert_eq(store_open(&st, dbpath, 0, &err), -1, "opened; wanted: %s", want);
	cr_assert_null(st);
	snprintf(expect, sizeof expect, "%s: %s", dbpath, want);
	cr_assert(strstr(err.msg, expect), "\"%s\" lacks \"%s\"", err.msg, expect);
	after = tu_read(dbpath, &n1);
	cr_assert(n0 == n1 && !memcmp(before, after, n0), "the file was changed");
	free(before);
	free(after);
}

TestSuite(hostile_schema, .init = setup, .fini = teardown);

Test(hostile_schema, a_trigger_is_refused_before_it_can_fire)
{
	craft("CREATE TABLE marker (x);"
	      "CREATE TRIGGER a_wipe AFTER INSERT ON painpoint BEGIN"
	      " DELETE FROM idea; INSERT INTO marker VALUES (1); END");
	refused("unexpected trigger 'a_wipe'; not opened");
	cr_assert_eq(count("SELECT count(*) FROM idea"), 1);
}

Test(hostile_schema, views_are_refused)
{
	craft("CREATE VIEW forever AS WITH RECURSIVE n(i) AS"
	      " (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n");
	refused("unexpected view 'forever'");
}

Test(hostile_schema, tables_and_indexes_the_program_did_not_make_are_refused)
{
	craft("CREATE INDEX idea_title ON idea (title)");
	refused("unexpected index 'idea_title'");
	craft("DROP INDEX idea_title; CREATE TABLE extra (x)");
	refused("unexpected table 'extra'");
}

Test(hostile_schema, missing_objects_and_columns_are_named)
{
	craft("ALTER TABLE idea DROP COLUMN confidence");
	refused("table idea lacks column 'confidence'; not opened");
	teardown();
	setup();
	craft("DROP TABLE parking");
	refused("missing table 'parking'");
}

Test(hostile_schema, extra_and_changed_columns_are_refused)
{
	craft("ALTER TABLE painpoint ADD COLUMN secret TEXT");
	refused("table painpoint has an unexpected column 'secret'");
	teardown();
	setup();
	craft("PRAGMA writable_schema = ON;"
	      "UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (severity BETWEEN 1 AND 5)', '')"
	      " WHERE name = 'painpoint'");
	refused("table painpoint is defined differently");
}

Test(hostile_schema, statistics_sqlite_keeps_itself_are_accepted)
{
	struct jh_store *st;
	struct jh_err err;

	craft("ANALYZE");
	cr_assert_eq(store_open(&st, dbpath, 0, &err), 0, "%s", err.msg);
	store_close(st);
}

Test(hostile_schema, impossible_versions_are_refused)
{
	craft("PRAGMA user_version = -1");
	refused("impossible schema version -1; not opened");
	craft("PRAGMA user_version = -2147483648");
	refused("impossible schema version -2147483648");
	craft("PRAGMA user_version = 2147483647");
	refused("written by a newer journeyhack (schema 2147483647");
	craft("PRAGMA user_version = 1; PRAGMA application_id = 7");
	refused("an SQLite database that journeyhack did not write");
}

/* A trigger added by another program while the store is open never
 * runs: the schema is checked again before the next write, which is
 * refused, naming the trigger, before anything of it can fire. */
Test(hostile_schema, a_trigger_added_while_open_never_fires)
{
	struct jh_store *st;
	struct jh_err err;
	struct jh_value pain[] = {
	    {kinds_field(kinds_get(JH_PAINPOINT), "title"), 0, 0, "Second", NULL, 0}};

	cr_assert_eq(store_open(&st, dbpath, 0, &err), 0, "%s", err.msg);
	craft("CREATE TABLE marker (x);"
	      "CREATE TRIGGER late AFTER INSERT ON painpoint BEGIN"
	      " INSERT INTO marker VALUES (1); DELETE FROM idea; END");
	cr_assert_neq(store_item_add(st, wid, JH_PAINPOINT, pain, 1, NULL, &err), 0);
	cr_assert(strstr(err.msg, "late") && strstr(err.msg, "nothing was changed"), "%s", err.msg);
	store_close(st);
	cr_assert_eq(count("SELECT count(*) FROM painpoint WHERE title = 'Second'"), 0);
	cr_assert_eq(count("SELECT count(*) FROM marker"), 0);
	cr_assert_eq(count("SELECT count(*) FROM idea"), 1);
}

static void copy_file(const char *from, const char *to)
{
	size_t n;
	char *data = tu_read(from, &n);
	FILE *f = fopen(to, "wb");

	cr_assert(data && f, "copy %s", from);
	cr_assert_eq(fwrite(data, 1, n, f), n);
	fclose(f);
	free(data);
}

static int same_file(const char *a, const char *b)
{
	size_t na, nb;
	char *x = tu_read(a, &na), *y = tu_read(b, &nb);
	int same = x && y && na == nb && !memcmp(x, y, na);

	free(x);
	free(y);
	return same;
}

/* The trigger arrives in a write-ahead log handed over beside the file:
 * it is seen, refused, and neither the file nor the log is changed. */
Test(hostile_schema, a_trigger_in_a_handed_over_log_is_refused_and_kept_out)
{
	sqlite3 *db;
	char *wal = tu_join(dir, "w.db-wal"), *copy = tu_join(dir, "copy.db"),
	     *copy_wal = tu_join(dir, "copy.db-wal"), *keep = tu_join(dir, "keep.db"),
	     *keep_wal = tu_join(dir, "keep.db-wal");

	cr_assert_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db,
				  "PRAGMA wal_autocheckpoint = 0;"
				  "CREATE TRIGGER in_log AFTER INSERT ON painpoint BEGIN"
				  " DELETE FROM idea; END",
				  NULL, NULL, NULL),
		     SQLITE_OK);
	/* Copied while the log still holds the change, as a file manager
	 * would copy both files of a workshop in use. */
	copy_file(dbpath, copy);
	copy_file(wal, copy_wal);
	copy_file(dbpath, keep);
	copy_file(wal, keep_wal);
	sqlite3_close(db);
	free(dbpath);
	dbpath = copy;
	refused("unexpected trigger 'in_log'");
	cr_assert(same_file(copy, keep), "the database was changed");
	cr_assert(same_file(copy_wal, keep_wal), "the log was changed or folded in");
	free(wal);
	free(copy_wal);
	free(keep);
	free(keep_wal);
}

TestSuite(hostile_values, .init = setup, .fini = teardown);

Test(hostile_values, timers_and_agenda_positions_out_of_range_are_refused)
{
	craft("UPDATE workshop SET timer_elapsed = 3000000000");
	refused("table workshop, row 1: timer_elapsed = 3000000000 is out of range 0..2147483647");
	craft("UPDATE workshop SET timer_elapsed = 0, timer_started = -1");
	refused("table workshop, row 1: timer_started = -1 is out of range");
	craft("UPDATE workshop SET timer_started = 0, current_step = -1");
	refused("table workshop, row 1: current_step = -1 is out of range 0..1000000");
	craft("UPDATE workshop SET current_step = 0, method = 'x'");
	refused("table workshop, row 1: method = 'x' is not one of its choices");
}

/* Load the workshop and expect the refusal naming table, row, field and
 * value. */
static void load_refused(const char *want)
{
	struct jh_store *st;
	struct jh_data d;
	struct jh_err err;

	cr_assert_eq(store_open(&st, dbpath, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(store_load(st, wid, &d, &err), -1, "loaded; wanted: %s", want);
	cr_assert(strstr(err.msg, dbpath) && strstr(err.msg, want), "\"%s\" lacks \"%s\"", err.msg,
		  want);
	store_close(st);
}

Test(hostile_values, item_values_out_of_range_are_refused_on_load)
{
	craft("UPDATE painpoint SET severity = 2147483647, frequency = 2147483647");
	load_refused("table painpoint, row 1: severity = 2147483647 is out of range 1..5");
	craft("UPDATE painpoint SET severity = 5, frequency = 'often'");
	load_refused("table painpoint, row 1: frequency = 'often' is not a whole number");
	craft("UPDATE painpoint SET frequency = 5, status = 'gone'");
	load_refused("table painpoint, row 1: status = 'gone' is not one of its choices");
	craft("UPDATE painpoint SET status = 'open'; UPDATE idea SET reach = 4294967396");
	load_refused("table idea, row 1: reach = 4294967396 is out of range 0..100");
	craft("UPDATE idea SET reach = 1; UPDATE touchpoint SET score = -2147483648");
	load_refused("score = -2147483648 is out of range -2..2");
}

/* Pausing a timer that has run close to INT_MAX seconds stops there: the
 * value stays one journeyhack can load and restore. */
Test(hostile_values, pausing_a_timer_near_int_max_stays_loadable)
{
	struct jh_store *st;
	struct jh_data d;
	struct jh_err err;

	craft("UPDATE workshop SET timer_elapsed = 2147483600, timer_running = 1,"
	      " timer_started = 1000");
	cr_assert_eq(store_open(&st, dbpath, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(store_timer_toggle(st, wid, 1000000, &err), 0, "%s", err.msg);
	store_close(st);
	cr_assert_eq(store_open(&st, dbpath, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	cr_assert_eq(d.workshop.timer_running, 0);
	cr_assert_eq(d.workshop.timer_elapsed, INT_MAX);
	model_data_free(&d);
	/* A clock far past the start: still capped, still loadable. */
	cr_assert_eq(store_timer_toggle(st, wid, 1000, &err), 0, "%s", err.msg);
	cr_assert_eq(store_timer_toggle(st, wid, INT64_MAX, &err), 0, "%s", err.msg);
	store_close(st);
	cr_assert_eq(store_open(&st, dbpath, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	cr_assert_eq(d.workshop.timer_elapsed, INT_MAX);
	model_data_free(&d);
	store_close(st);
}

/* The analysis takes data built in memory too: its products and sums of
 * weights never overflow an int. */
Test(hostile_values, pain_weight_and_exposure_do_not_overflow)
{
	struct jh_painpoint p[2] = {
	    {.id = 1,
	     .touchpoint_id = 7,
	     .severity = INT_MAX,
	     .frequency = INT_MAX,
	     .status = (char *)"open"},
	    {.id = 2,
	     .touchpoint_id = 7,
	     .severity = INT_MAX,
	     .frequency = 2,
	     .status = (char *)"open"},
	};
	struct jh_touchpoint t = {.id = 7, .score = INT_MIN, .reach = INT_MAX};
	struct jh_data d = {
	    .painpoints = p, .npainpoints = 2, .touchpoints = &t, .ntouchpoints = 1};
	int *w = analysis_pain_weights(&d);
	int scores[] = {INT_MAX, INT_MAX};

	cr_assert_eq(analysis_pain_weight(&d, 7), INT_MAX);
	cr_assert_eq(w[0], INT_MAX);
	cr_assert_eq(analysis_exposure(&t), INT_MAX);
	cr_assert_eq(analysis_capital(scores, 2), INT_MAX);
	free(w);
}

/* The schema a file is compared with comes compiled in, and is exactly
 * what the migrations build at run time: the build cannot let it drift. */
Test(hostile_schema, the_compiled_schema_is_what_the_migrations_build)
{
	char why[256];

	cr_assert_eq(store_check_compiled(why, sizeof why), 1, "%s", why);
}
