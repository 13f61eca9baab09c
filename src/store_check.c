/* store_check.c: refuse a database file that is not journeyhack's own.
 *
 * SQLite stores code beside the data (triggers, views, defaults, checks),
 * and a file someone hands over may carry any of it, or rows no command
 * could have written. The expected schema is not written out here: it is
 * what the migrations build in an empty database, so it cannot drift from
 * them. Every statement is prepared; the only SQL text built is from the
 * constant names in kinds.c and this file. */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/err.h"
#include "journeyhack/i18n.h"
#include "journeyhack/kinds.h"
#include "journeyhack/util.h"
#include "store_check.h"
#include "store_expect.h"
#include "store_schema.h"

/* ---------------------------------------------------------------- schema */

/* The newest version's schema as store-schema-gen wrote it at build time,
 * with the SQLite it was built against (struct store_expected_*). */
#include "store_expected.h"

_Static_assert(STORE_EXPECTED_MIGRATIONS == STORE_NMIGRATIONS,
	       "store_expected.h is older than store_schema.h");

/* SQLite makes these itself when asked for statistics (ANALYZE); they
 * hold numbers for the query planner, never code. */
static const struct {
	const char *name, *sql;
} sqlite_own[] = {
    {"sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat)"},
    {"sqlite_stat4", "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)"},
};

/* The schema of each version, built on first use and kept for the life of
 * the process: every open of a file at that version compares with it. */
static struct store_schema *expected[STORE_NMIGRATIONS + 1];

/* A name from the file, fit for a one-line message: it may hold anything,
 * terminal escapes included, so only printable ASCII goes through. */
static const char *shown(const char *name, char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)(name ? name : "");
	size_t k = 0;

	for (; *p && k + 4 < size; p++)
		buf[k++] = *p >= 0x20 && *p < 0x7f ? (char)*p : '?';
	buf[k] = '\0';
	if (*p) /* cut short: say so */
		snprintf(buf + k, size - k, "...");
	return buf;
}

static int fail(char *why, size_t size, const char *fmt, ...) JH_PRINTF(3, 4);

static int fail(char *why, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, size, fmt, ap);
	va_end(ap);
	return -1;
}

static int db_fail(sqlite3 *db, char *why, size_t size)
{
	return fail(why, size, _("the database is damaged (%s)"), sqlite3_errmsg(db));
}

static char *dup_or_null(const char *t)
{
	return t ? util_xstrdup(t) : NULL;
}

/* The compiled-in schema, when this process runs with the SQLite it was
 * worked out with (another version may word the SQL of a changed table
 * differently): the migrations need not run again. */
static struct store_schema *compiled(void)
{
	size_t n = sizeof store_expected_objs / sizeof store_expected_objs[0];
	struct store_schema *s;

	if (sqlite3_libversion_number() != STORE_EXPECTED_SQLITE)
		return NULL;
	s = util_xcalloc(1, sizeof *s);
	s->obj = util_xcalloc(n, sizeof *s->obj);
	s->nobj = n;
	for (size_t i = 0; i < n; i++) {
		const struct store_expected_obj *e = &store_expected_objs[i];
		struct store_obj *o = &s->obj[i];
		*o = (struct store_obj){dup_or_null(e->type),
					dup_or_null(e->name),
					dup_or_null(e->table),
					dup_or_null(e->sql),
					NULL,
					e->ncols};
		if (e->ncols)
			o->cols = util_xcalloc(e->ncols, sizeof *o->cols);
		for (size_t c = 0; c < e->ncols; c++)
			o->cols[c] =
			    (struct store_col){dup_or_null(store_expected_cols[e->col + c].name),
					       dup_or_null(store_expected_cols[e->col + c].decl)};
	}
	return s;
}

static const struct store_obj *find_obj(const struct store_schema *s, const char *name)
{
	for (size_t i = 0; i < s->nobj; i++)
		if (s->obj[i].name && !strcmp(s->obj[i].name, name))
			return &s->obj[i];
	return NULL;
}

static int same_text(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static int sqlite_own_table(const struct store_obj *o)
{
	for (size_t i = 0; i < sizeof sqlite_own / sizeof sqlite_own[0]; i++)
		if (same_text(o->type, "table") && same_text(o->name, sqlite_own[i].name) &&
		    same_text(o->sql, sqlite_own[i].sql))
			return 1;
	return 0;
}

/* The expected objects of a version, built once per process. */
static const struct store_schema *expected_at(long long version, char *why, size_t size)
{
	if (!expected[version] && version == (long long)STORE_NMIGRATIONS)
		expected[version] = compiled();
	if (!expected[version])
		expected[version] = store_expect_build(version, why, size);
	return expected[version];
}

/* An object the program did not create, or one it created that is gone. */
static int compare_objects(const struct store_schema *have, const struct store_schema *want,
			   char *why, size_t size)
{
	char b1[80], b2[80];

	for (size_t i = 0; i < have->nobj; i++) {
		const struct store_obj *o = &have->obj[i];
		if (!find_obj(want, o->name ? o->name : "") && !sqlite_own_table(o))
			return fail(why, size, _("unexpected %s '%s'"),
				    shown(o->type, b1, sizeof b1), shown(o->name, b2, sizeof b2));
	}
	for (size_t i = 0; i < want->nobj; i++) {
		const struct store_obj *o = &want->obj[i], *h = find_obj(have, o->name);
		if (!h)
			return fail(why, size, _("missing %s '%s'"), o->type, o->name);
		if (!same_text(h->type, o->type) || !same_text(h->table, o->table))
			return fail(why, size, _("'%s' is a %s on '%s', not a %s on '%s'"), o->name,
				    shown(h->type, b1, sizeof b1), shown(h->table, b2, sizeof b2),
				    o->type, o->table);
	}
	return 0;
}

static const struct store_col *find_col(const struct store_col *c, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (same_text(c[i].name, name))
			return &c[i];
	return NULL;
}

static int diff_columns(const struct store_obj *want, const struct store_col *have, size_t nh,
			char *why, size_t size)
{
	char b[80];

	for (size_t i = 0; i < want->ncols; i++) {
		const struct store_col *w = &want->cols[i], *h = find_col(have, nh, w->name);
		if (!h)
			return fail(why, size, _("table %s lacks column '%s'"), want->name,
				    w->name);
		if (!same_text(h->decl, w->decl))
			return fail(why, size, _("column %s.%s is declared differently"),
				    want->name, w->name);
	}
	for (size_t i = 0; i < nh; i++)
		if (!find_col(want->cols, want->ncols, have[i].name ? have[i].name : ""))
			return fail(why, size, _("table %s has an unexpected column '%s'"),
				    want->name, shown(have[i].name, b, sizeof b));
	return 0;
}

/* Same columns, then the same SQL: the text holds the checks, defaults
 * and references the columns alone do not show. */
static int compare_table(sqlite3 *db, const struct store_obj *want, const struct store_obj *have,
			 char *why, size_t size)
{
	size_t nh;
	struct store_col *cols = store_expect_columns(db, want->name, &nh, why, size);
	int rc;

	if (!cols)
		return -1;
	rc = diff_columns(want, cols, nh, why, size);
	store_expect_columns_free(cols, nh);
	if (!rc && !same_text(want->sql, have->sql))
		rc = fail(why, size,
			  _("table %s is defined differently (checks or defaults changed)"),
			  want->name);
	return rc;
}

int store_check_schema(sqlite3 *db, long long version, char *why, size_t size)
{
	const struct store_schema *want;
	struct store_schema *have;
	int rc;

	*why = '\0';
	if (version < 0 || version > (long long)STORE_NMIGRATIONS)
		return fail(why, size, _("impossible schema version %lld"), version);
	want = expected_at(version, why, size);
	if (!want)
		return -1;
	have = store_expect_read(db, why, size);
	if (!have)
		return -1;
	rc = compare_objects(have, want, why, size);
	for (size_t i = 0; !rc && i < want->nobj; i++) {
		const struct store_obj *w = &want->obj[i], *h = find_obj(have, w->name);
		if (!strcmp(w->type, "table"))
			rc = compare_table(db, w, h, why, size);
		else if (!same_text(w->sql, h->sql))
			rc = fail(why, size, _("%s %s is defined differently"), w->type, w->name);
	}
	store_expect_free(have);
	return rc;
}

/* Two schemas alike in every object, text and column. */
static int same_schema(const struct store_schema *a, const struct store_schema *b, char *why,
		       size_t size)
{
	if (a->nobj != b->nobj)
		return fail(why, size, "%zu objects, not %zu", a->nobj, b->nobj);
	for (size_t i = 0; i < a->nobj; i++) {
		const struct store_obj *x = &a->obj[i], *y = &b->obj[i];
		if (!same_text(x->type, y->type) || !same_text(x->name, y->name) ||
		    !same_text(x->table, y->table) || !same_text(x->sql, y->sql) ||
		    x->ncols != y->ncols)
			return fail(why, size, "object %s differs", x->name ? x->name : "?");
		for (size_t c = 0; c < x->ncols; c++)
			if (!same_text(x->cols[c].name, y->cols[c].name) ||
			    !same_text(x->cols[c].decl, y->cols[c].decl))
				return fail(why, size, "column %s.%s differs", x->name,
					    x->cols[c].name);
	}
	return 0;
}

int store_check_compiled(char *why, size_t size)
{
	struct store_schema *c = compiled(), *b;
	int rc;

	*why = '\0';
	if (!c)
		return 0;
	b = store_expect_build((long long)STORE_NMIGRATIONS, why, size);
	rc = b && !same_schema(c, b, why, size) ? 1 : -1;
	store_expect_free(b);
	store_expect_free(c);
	return rc;
}

int store_check_creates(const char *type)
{
	char why[256];
	const struct store_schema *s = expected_at(STORE_NMIGRATIONS, why, sizeof why);

	for (size_t i = 0; s && i < s->nobj; i++)
		if (!strcmp(s->obj[i].type, type))
			return 1;
	return 0;
}

/* ---------------------------------------------------------------- values */

/* What one column may hold: an integer in [min, max] (NULL too when
 * nullable), or one of choices. */
struct range {
	const char *table, *column;
	long long min, max;
	int nullable;
	const char *const *choices;
};

#define MAX_RANGES 24 /* of one table; kinds.c has at most 20 fields */

static const char *const list_names[] = {"stage", "channel", "prompt", NULL};

/* Columns the program reads as numbers that are not fields of kinds.c:
 * the agenda's place and timer, a step's flag, the workshop's lists. The
 * timer is kept in an int (model.h); a start time is epoch seconds. */
static int extra_ranges(const char *table, struct range *r)
{
	const struct jh_field_def *pos = kinds_field(kinds_get(JH_STEP), "position");
	int n = 0;

	if (!strcmp(table, "workshop")) {
		r[n++] = (struct range){table, "current_step", pos->min, pos->max, 0, NULL};
		r[n++] = (struct range){table, "timer_running", 0, 1, 0, NULL};
		r[n++] = (struct range){table, "timer_started", 0, INT64_MAX, 0, NULL};
		r[n++] = (struct range){table, "timer_elapsed", 0, INT_MAX, 0, NULL};
	} else if (!strcmp(table, "step")) {
		r[n++] = (struct range){table, "revealed", 0, 1, 0, NULL};
	} else if (!strcmp(table, "workshop_list")) {
		r[n++] = (struct range){table, "list", 0, 0, 0, list_names};
	}
	return n;
}

/* The ranges of a kind's columns, from its field table. */
static int field_ranges(const struct jh_kind_def *k, struct range *r)
{
	int n = extra_ranges(k->table, r);

	for (size_t i = 0; i < k->nfields && n < MAX_RANGES; i++) {
		const struct jh_field_def *f = &k->fields[i];
		if (!f->column)
			continue;
		if (f->type == JF_INT || f->type == JF_BOOL)
			r[n++] = (struct range){k->table, f->column, f->min, f->max, 0, NULL};
		else if (f->type == JF_REF) /* NULL, or an id: 0 reads as "none" */
			r[n++] = (struct range){k->table, f->column, 0, INT64_MAX, 1, NULL};
		else if (f->type == JF_ENUM)
			r[n++] = (struct range){k->table, f->column, 0, 0, 0, f->choices};
	}
	return n;
}

static int is_choice(const struct range *r, const char *v)
{
	for (size_t i = 0; v && r->choices[i]; i++)
		if (!strcmp(r->choices[i], v))
			return 1;
	return 0;
}

static int value_ok(const struct range *r, sqlite3_stmt *q, int i)
{
	int type = sqlite3_column_type(q, i);
	long long v;

	if (r->choices)
		return type == SQLITE_TEXT && is_choice(r, (const char *)sqlite3_column_text(q, i));
	if (type == SQLITE_NULL)
		return r->nullable;
	if (type != SQLITE_INTEGER)
		return 0;
	v = sqlite3_column_int64(q, i);
	return v >= r->min && v <= r->max;
}

static int bad_value(const struct range *r, sqlite3_stmt *q, int i, char *why, size_t size)
{
	long long row = sqlite3_column_int64(q, 0);
	char b[48];

	if (r->choices)
		return fail(why, size, _("table %s, row %lld: %s = '%s' is not one of its choices"),
			    r->table, row, r->column,
			    shown((const char *)sqlite3_column_text(q, i), b, sizeof b));
	if (sqlite3_column_type(q, i) != SQLITE_INTEGER)
		return fail(why, size, _("table %s, row %lld: %s = '%s' is not a whole number"),
			    r->table, row, r->column,
			    shown((const char *)sqlite3_column_text(q, i), b, sizeof b));
	return fail(why, size, _("table %s, row %lld: %s = %lld is out of range %lld..%lld"),
		    r->table, row, r->column, (long long)sqlite3_column_int64(q, i), r->min,
		    r->max);
}

static void cat(char *sql, size_t size, const char *a, const char *b)
{
	size_t len = strlen(sql);
	snprintf(sql + len, size - len, "%s%s", a, b);
}

/* SELECT rowid, the columns FROM the table WHERE NOT (each in range):
 * SQLite filters, so a sound table costs one pass and no rows. The
 * limits and choices are bound, ?1.. in order. */
static void scan_sql(const struct range *r, int n, char *sql, size_t size)
{
	snprintf(sql, size, "SELECT rowid");
	for (int i = 0; i < n; i++)
		cat(sql, size, ", ", r[i].column);
	cat(sql, size, " FROM ", r[0].table);
	cat(sql, size, " WHERE NOT (", "");
	for (int i = 0; i < n; i++) {
		const char *c = r[i].column;
		cat(sql, size, i ? " AND (" : "(", r[i].nullable ? c : "");
		cat(sql, size, r[i].nullable ? " IS NULL OR " : "", "");
		if (r[i].choices) {
			cat(sql, size, "typeof(", c);
			cat(sql, size, ") = 'text' AND ", c);
			cat(sql, size, " IN (?", "");
			for (size_t k = 1; r[i].choices[k]; k++)
				cat(sql, size, ", ?", "");
			cat(sql, size, ")", "");
		} else {
			cat(sql, size, "typeof(", c);
			cat(sql, size, ") = 'integer' AND ", c);
			cat(sql, size, " BETWEEN ? AND ?", "");
		}
		cat(sql, size, ")", "");
	}
	cat(sql, size, ") LIMIT 1", "");
}

static void scan_bind(sqlite3_stmt *q, const struct range *r, int n)
{
	int p = 1;

	for (int i = 0; i < n; i++) {
		if (r[i].choices) {
			for (size_t k = 0; r[i].choices[k]; k++)
				sqlite3_bind_text(q, p++, r[i].choices[k], -1, SQLITE_STATIC);
		} else {
			sqlite3_bind_int64(q, p++, r[i].min);
			sqlite3_bind_int64(q, p++, r[i].max);
		}
	}
}

/* The first row of a table with a value out of its range, named in why. */
static int scan_table(sqlite3 *db, const struct range *r, int n, char *why, size_t size)
{
	char sql[2048];
	sqlite3_stmt *q = NULL;
	int rc;

	scan_sql(r, n, sql, sizeof sql);
	if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
		return db_fail(db, why, size);
	scan_bind(q, r, n);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		for (int i = 0; i < n; i++)
			if (!value_ok(&r[i], q, i + 1)) {
				bad_value(&r[i], q, i + 1, why, size);
				break;
			}
		if (!*why) /* the filter and value_ok disagree: name the row */
			fail(why, size, _("table %s, row %lld: a value is out of range"),
			     r[0].table, (long long)sqlite3_column_int64(q, 0));
	} else if (rc != SQLITE_DONE) {
		db_fail(db, why, size);
	}
	sqlite3_finalize(q);
	return *why ? -1 : 0;
}

int store_check_values(sqlite3 *db, char *why, size_t size)
{
	static const enum jh_kind small[] = {JH_WORKSHOP, JH_STEP};
	struct range r[MAX_RANGES];
	int n;

	*why = '\0';
	for (size_t k = 0; k < sizeof small / sizeof small[0]; k++) {
		n = field_ranges(kinds_get(small[k]), r);
		if (scan_table(db, r, n, why, size))
			return -1;
	}
	n = extra_ranges("workshop_list", r);
	return scan_table(db, r, n, why, size);
}

int store_check_field(const struct jh_field_def *f, const char *table, sqlite3_stmt *q, int i,
		      char *why, size_t size)
{
	struct range r = {table, f->column, f->min, f->max, 0, NULL};

	if (f->type == JF_REF)
		r = (struct range){table, f->column, 0, INT64_MAX, 1, NULL};
	else if (f->type == JF_ENUM)
		r.choices = f->choices;
	else if (f->type != JF_INT && f->type != JF_BOOL)
		return 0;
	return value_ok(&r, q, i) ? 0 : bad_value(&r, q, i, why, size);
}
