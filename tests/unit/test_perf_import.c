/* test_perf_import.c: what makes a CSV import fast must not change.
 *
 * A large import writes each row with one statement and compiles none
 * per row; it takes the table's plain indexes and uuid trigger off inside
 * its transaction and puts them back with the same SQL text. These tests
 * count statements (store_stats), never time, and check that the result
 * is the same database as row-by-row adds give, that a bad row leaves the
 * file byte for byte as it was, and that a process killed in the middle,
 * with the indexes off, leaves the file whole with its indexes. */
#include <criterion/criterion.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "journeyhack/import_csv.h"
#include "journeyhack/items.h"
#include "journeyhack/store.h"
#include "journeyhack/template.h"
#include "testutil.h"

static char *dir;

static void setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	dir = tu_tmpdir();
}

static void teardown(void)
{
	tu_rmtree(dir);
	free(dir);
}

TestSuite(perf_import, .init = setup, .fini = teardown);

/* A fresh store at dir/NAME with the payment-moment workshop "pay". */
static struct jh_store *fresh(const char *name, jh_id *wid)
{
	struct jh_template t;
	struct jh_store *st;
	struct jh_err err;
	char *path = tu_srcpath("workshop-templates/payment-moment.yaml");
	char *db = tu_join(dir, name);

	cr_assert_eq(store_open(&st, db, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(template_load(path, &t, &err), 0, "%s", err.msg);
	cr_assert_eq(store_workshop_create(st, "pay", &t, wid, &err), 0, "%s", err.msg);
	template_free(&t);
	free(path);
	free(db);
	return st;
}

/* A pain point CSV of n rows, as bench-gen writes it; row `bad` (1-based,
 * 0: none) has a severity out of range. */
static char *csv_file(const char *name, size_t n, size_t bad)
{
	char *path = tu_join(dir, name);
	FILE *f = fopen(path, "w");

	cr_assert(f);
	fprintf(f, "title,touchpoint,severity,frequency,evidence,status\n");
	for (size_t i = 1; i <= n; i++)
		fprintf(f, "\"Kön var lång #%zu\",%zu,%d,%zu,\"Kund %zu: \"\"jag ringde\"\"\",%s\n",
			i, 1 + i % 5, i == bad ? 9 : (int)(1 + i % 5), 1 + (i * 7) % 5,
			i * 31 % 9973, i % 3 ? "open" : "addressed");
	fclose(f);
	return path;
}

static void import_ok(struct jh_store *st, jh_id wid, const char *csv)
{
	struct import_csv_result res;
	struct jh_err err;

	cr_assert_eq(import_csv_file_with(st, wid, kinds_get(JH_PAINPOINT), csv, NULL, &res, &err),
		     0, "%s", err.msg);
}

/* Statements run and compiled by importing a fresh n-row file. */
static struct store_stats import_cost(const char *name, size_t n)
{
	struct store_stats before, after;
	jh_id wid;
	char db[64], file[64];
	struct jh_store *st;
	char *csv;

	snprintf(db, sizeof db, "%s.db", name);
	snprintf(file, sizeof file, "%s.csv", name);
	st = fresh(db, &wid);
	csv = csv_file(file, n, 0);
	store_stats(st, &before);
	import_ok(st, wid, csv);
	store_stats(st, &after);
	store_close(st);
	free(csv);
	return (struct store_stats){after.used - before.used, after.prepared - before.prepared};
}

/* Rows 1001..2000 of a bulk import and rows 11..20 of a small one cost
 * one statement each, and compile nothing: references are checked once
 * per distinct value, ids and the agenda step counted on, the INSERT
 * reused. */
Test(perf_import, one_statement_per_row_and_no_compile_per_row)
{
	struct store_stats a = import_cost("a", 1000), b = import_cost("b", 2000);
	struct store_stats c = import_cost("c", 10), d = import_cost("d", 20);

	cr_expect_eq(b.used - a.used, 1000, "%lld statements for 1000 more rows", b.used - a.used);
	cr_expect_eq(b.prepared, a.prepared, "compiled %lld then %lld", a.prepared, b.prepared);
	cr_expect_eq(d.used - c.used, 10, "%lld statements for 10 more rows", d.used - c.used);
	cr_expect_eq(d.prepared, c.prepared, "compiled %lld then %lld", c.prepared, d.prepared);
}

/* One text per row of sql over the database at path. */
static char *dump(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	size_t len = 0, cap = 4096;
	char *out = malloc(cap);

	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK, "%s",
		     sqlite3_errmsg(db));
	out[0] = '\0';
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		size_t n = strlen(t ? t : "");

		while (len + n + 2 > cap) {
			char *grown = realloc(out, cap *= 2);
			cr_assert_not_null(grown);
			out = grown;
		}
		memcpy(out + len, t ? t : "", n);
		len += n;
		out[len++] = '\n';
		out[len] = '\0';
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return out;
}

#define SCHEMA                                                                                     \
	"SELECT type || ' ' || name || ' ' || tbl_name || ' ' || sql FROM sqlite_schema"           \
	" WHERE sql IS NOT NULL ORDER BY name"
#define ROWS                                                                                       \
	"SELECT printf('%d|%d|%d|%s|%d|%d|%s|%s|%d|%d|%d|%s|%s', id, workshop_id, touchpoint_id,"  \
	" title, severity, frequency, evidence, status, coalesce(author_id, 0),"                   \
	" coalesce(step_id, 0), revision, changed_by, uuid) FROM painpoint ORDER BY id"

static long long schema_version(const char *path)
{
	char *v = dump(path, "PRAGMA schema_version");
	long long n = atoll(v);

	free(v);
	return n;
}

/* The bulk path took the indexes off (the schema version moved) and put
 * them back word for word; the rows are those row-by-row adds give, UUIDs
 * included, from the same random seed; the store opens the file again
 * (its schema check compares every SQL text). */
Test(perf_import, bulk_import_equals_row_by_row_adds)
{
	jh_id wa, wb;
	struct jh_err err;
	struct jh_store *a, *b;
	char *csv = csv_file("p.csv", 1500, 0);
	char *pa = tu_join(dir, "a.db"), *pb = tu_join(dir, "b.db");
	char *schema_before, *schema_a, *schema_b, *rows_a, *rows_b, *idx;
	long long version;

	setenv("JOURNEYHACK_RANDOM_SEED", "12", 1);
	a = fresh("a.db", &wa);
	schema_before = dump(pa, SCHEMA);
	version = schema_version(pa);
	import_ok(a, wa, csv);
	store_close(a);
	cr_assert_neq(schema_version(pa), version, "the indexes were never taken off");

	/* The same rows one by one, without a bulk: every index kept. */
	b = fresh("b.db", &wb);
	cr_assert_eq(store_begin(b, &err), 0, "%s", err.msg);
	for (size_t i = 1; i <= 1500; i++) {
		char title[64], tp[32], sev[32], fr[32], ev[64];
		struct jh_assign as[6] = {{"title", title},  {"touchpoint", tp}, {"severity", sev},
					  {"frequency", fr}, {"evidence", ev},	 {"status", NULL}};
		struct jh_values vals;

		snprintf(title, sizeof title, "Kön var lång #%zu", i);
		snprintf(tp, sizeof tp, "%zu", 1 + i % 5);
		snprintf(sev, sizeof sev, "%zu", 1 + i % 5);
		snprintf(fr, sizeof fr, "%zu", 1 + (i * 7) % 5);
		snprintf(ev, sizeof ev, "Kund %zu: \"jag ringde\"", i * 31 % 9973);
		as[5].value = i % 3 ? "open" : "addressed";
		cr_assert_eq(items_parse(b, wb, JH_PAINPOINT, as, 6, 1, &vals, &err), 0, "%s",
			     err.msg);
		cr_assert_eq(store_item_add(b, wb, JH_PAINPOINT, vals.v, vals.n, NULL, &err), 0,
			     "%s", err.msg);
		items_values_free(&vals);
	}
	cr_assert_eq(store_commit(b, &err), 0, "%s", err.msg);
	store_close(b);
	unsetenv("JOURNEYHACK_RANDOM_SEED");

	schema_a = dump(pa, SCHEMA);
	schema_b = dump(pb, SCHEMA);
	cr_expect_str_eq(schema_a, schema_before);
	cr_expect_str_eq(schema_a, schema_b);
	rows_a = dump(pa, ROWS);
	rows_b = dump(pb, ROWS);
	cr_expect_str_eq(rows_a, rows_b);
	cr_expect(strstr(rows_a, "1500|1|1|Kön var lång #1500|1|1|"), "%.200s", rows_a);
	idx = dump(pa, "PRAGMA integrity_check");
	cr_expect_str_eq(idx, "ok\n");
	free(idx);
	idx = dump(pa, "SELECT count(*) FROM painpoint INDEXED BY painpoint_workshop"
		       " WHERE workshop_id = 1 AND title > ''");
	cr_expect_str_eq(idx, "1500\n");
	cr_assert_eq(store_open(&a, pa, 0, &err), 0, "%s", err.msg);
	store_close(a);
	free(idx);
	free(schema_before);
	free(schema_a);
	free(schema_b);
	free(rows_a);
	free(rows_b);
	free(pa);
	free(pb);
	free(csv);
}

/* A bad row near the end of a bulk import, after the indexes were taken
 * off and 1399 rows written: the file is byte for byte what it was. */
Test(perf_import, failing_row_leaves_the_file_byte_identical)
{
	jh_id wid;
	struct import_csv_result res;
	struct jh_err err;
	struct jh_store *st = fresh("w.db", &wid);
	char *csv = csv_file("bad.csv", 1500, 1400), *db = tu_join(dir, "w.db");
	char *before, *after;
	size_t nb, na;

	store_close(st);
	before = tu_read(db, &nb);
	cr_assert_eq(store_open(&st, db, 0, &err), 0, "%s", err.msg);
	cr_assert_neq(import_csv_file_with(st, wid, kinds_get(JH_PAINPOINT), csv, NULL, &res, &err),
		      0);
	cr_expect(strstr(err.msg, "bad.csv:1401"), "%s", err.msg);
	cr_expect(strstr(err.msg, "nothing was imported"), "%s", err.msg);
	store_close(st);
	after = tu_read(db, &na);
	cr_assert_eq(na, nb);
	cr_expect_eq(memcmp(before, after, nb), 0, "the database file changed");
	free(before);
	free(after);
	free(csv);
	free(db);
}

/* Killed with the indexes off and half the rows written: the next open
 * finds the file as it was before the import, indexes and all. */
Test(perf_import, killed_mid_import_leaves_the_file_whole)
{
	jh_id wid;
	struct jh_err err;
	struct jh_store *st = fresh("k.db", &wid);
	char *db = tu_join(dir, "k.db"), *schema, *again;
	int status;
	pid_t pid;

	store_close(st);
	schema = dump(db, SCHEMA);
	pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		struct store_bulk *bulk = NULL;

		if (store_open(&st, db, 0, &err) || store_begin(st, &err) ||
		    store_bulk_begin(st, wid, JH_PAINPOINT, 4000, &bulk, &err) || !bulk)
			_exit(2);
		for (int i = 1; i <= 2000; i++) {
			char title[32];
			struct jh_assign as[2] = {{"title", title}, {"touchpoint", "1"}};
			struct jh_values vals;

			snprintf(title, sizeof title, "Halvvägs %d", i);
			if (items_parse(st, wid, JH_PAINPOINT, as, 2, 1, &vals, &err) ||
			    store_item_add(st, wid, JH_PAINPOINT, vals.v, vals.n, NULL, &err))
				_exit(3);
			items_values_free(&vals);
		}
		raise(SIGKILL);
	}
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the child exited with %d",
		  WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	cr_assert_eq(store_open(&st, db, 0, &err), 0, "%s", err.msg);
	cr_expect_eq(store_item_count(st, wid, JH_PAINPOINT), 0);
	store_close(st);
	again = dump(db, SCHEMA);
	cr_expect_str_eq(again, schema);
	free(again);
	again = dump(db, "PRAGMA integrity_check");
	cr_expect_str_eq(again, "ok\n");
	free(again);
	free(schema);
	free(db);
}

/* With the uuid trigger off, a row added with an empty UUID still gets
 * one of its own, as the trigger would have given it. */
Test(perf_import, empty_uuid_gets_one_while_the_trigger_is_off)
{
	jh_id wid;
	struct jh_err err;
	struct store_bulk *bulk = NULL;
	struct jh_store *st = fresh("u.db", &wid);
	char *db = tu_join(dir, "u.db"), *uuids;

	cr_assert_eq(store_begin(st, &err), 0, "%s", err.msg);
	cr_assert_eq(store_bulk_begin(st, wid, JH_PAINPOINT, 1000, &bulk, &err), 0, "%s", err.msg);
	cr_assert(bulk, "1000 rows into an empty table take the indexes off");
	for (int i = 1; i <= 3; i++) {
		char title[32];
		struct jh_assign as[2] = {{"title", title}, {"uuid", ""}};
		struct jh_values vals;

		snprintf(title, sizeof title, "Utan uuid %d", i);
		cr_assert_eq(items_parse(st, wid, JH_PAINPOINT, as, 2, 1, &vals, &err), 0, "%s",
			     err.msg);
		cr_assert_eq(store_item_add(st, wid, JH_PAINPOINT, vals.v, vals.n, NULL, &err), 0,
			     "%s", err.msg);
		items_values_free(&vals);
	}
	cr_assert_eq(store_bulk_end(st, bulk, 1, &err), 0, "%s", err.msg);
	cr_assert_eq(store_commit(st, &err), 0, "%s", err.msg);
	store_close(st);
	uuids = dump(db, "SELECT count(DISTINCT uuid) || ' ' || sum(uuid GLOB '*-4*-*-*')"
			 " FROM painpoint WHERE uuid <> ''");
	cr_expect_str_eq(uuids, "3 3\n");
	free(uuids);
	free(db);
}
