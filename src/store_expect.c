/* store_expect.c: read a database's schema, and work out the one the
 * migrations build, for the schema check (store_check.c) and for the
 * build, which compiles the newest version's in (store-schema-gen.c). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/err.h"
#include "journeyhack/i18n.h"
#include "journeyhack/util.h"
#include "store_expect.h"
#include "store_schema.h"

static char *dup_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? util_xstrdup((const char *)t) : NULL;
}

static void fail(char *why, size_t size, const char *fmt, ...) JH_PRINTF(3, 4);

static void fail(char *why, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, size, fmt, ap);
	va_end(ap);
}

static void db_fail(sqlite3 *db, char *why, size_t size)
{
	fail(why, size, _("the database is damaged (%s)"), sqlite3_errmsg(db));
}

void store_expect_columns_free(struct store_col *c, size_t n)
{
	for (size_t i = 0; c && i < n; i++) {
		free(c[i].name);
		free(c[i].decl);
	}
	free(c);
}

void store_expect_free(struct store_schema *s)
{
	for (size_t i = 0; s && i < s->nobj; i++) {
		free(s->obj[i].type);
		free(s->obj[i].name);
		free(s->obj[i].table);
		free(s->obj[i].sql);
		store_expect_columns_free(s->obj[i].cols, s->obj[i].ncols);
	}
	if (s)
		free(s->obj);
	free(s);
}

struct store_schema *store_expect_read(sqlite3 *db, char *why, size_t size)
{
	struct store_schema *s = util_xcalloc(1, sizeof *s);
	sqlite3_stmt *q = NULL;
	size_t cap = 0;
	int rc;

	if (sqlite3_prepare_v2(db,
			       "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name",
			       -1, &q, NULL) != SQLITE_OK) {
		db_fail(db, why, size);
		store_expect_free(s);
		return NULL;
	}
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (s->nobj == cap) {
			cap = cap ? cap * 2 : 32;
			s->obj = util_xrealloc(s->obj, cap * sizeof *s->obj);
		}
		s->obj[s->nobj++] = (struct store_obj){
		    dup_text(q, 0), dup_text(q, 1), dup_text(q, 2), dup_text(q, 3), NULL, 0};
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		db_fail(db, why, size);
		store_expect_free(s);
		return NULL;
	}
	return s;
}

struct store_col *store_expect_columns(sqlite3 *db, const char *table, size_t *n, char *why,
				       size_t size)
{
	sqlite3_stmt *q = NULL;
	struct store_col *c = util_xcalloc(1, sizeof *c);
	size_t cap = 1;
	int rc;

	*n = 0;
	if (sqlite3_prepare_v2(db,
			       "SELECT name, printf('%s|%d|%s|%d|%d', type, \"notnull\","
			       " dflt_value, pk, hidden) FROM pragma_table_xinfo(?1) ORDER BY cid",
			       -1, &q, NULL) != SQLITE_OK) {
		free(c);
		db_fail(db, why, size);
		return NULL;
	}
	sqlite3_bind_text(q, 1, table, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (*n == cap) {
			cap *= 2;
			c = util_xrealloc(c, cap * sizeof *c);
		}
		c[(*n)++] = (struct store_col){dup_text(q, 0), dup_text(q, 1)};
	}
	sqlite3_finalize(q);
	if (rc == SQLITE_DONE)
		return c;
	store_expect_columns_free(c, *n);
	db_fail(db, why, size);
	return NULL;
}

struct store_schema *store_expect_build(long long version, char *why, size_t size)
{
	sqlite3 *mem = NULL;
	struct store_schema *s = NULL;

	if (sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		fail(why, size, _("cannot work out the expected schema: %s"),
		     mem ? sqlite3_errmsg(mem) : "out of memory");
		sqlite3_close(mem);
		return NULL;
	}
	for (long long v = 0; v < version; v++)
		if (sqlite3_exec(mem, MIGRATIONS[v], NULL, NULL, NULL) != SQLITE_OK) {
			fail(why, size, _("migration %lld does not apply: %s"), v + 1,
			     sqlite3_errmsg(mem));
			sqlite3_close(mem);
			return NULL;
		}
	s = store_expect_read(mem, why, size);
	for (size_t i = 0; s && i < s->nobj; i++) {
		struct store_obj *o = &s->obj[i];
		if (strcmp(o->type, "table"))
			continue;
		o->cols = store_expect_columns(mem, o->name, &o->ncols, why, size);
		if (!o->cols) {
			store_expect_free(s);
			s = NULL;
		}
	}
	sqlite3_close(mem);
	return s;
}

/* A C string literal, or NULL: every byte outside printable ASCII, and
 * the quote and backslash, as an octal escape. */
static void put_literal(const char *t, FILE *out)
{
	if (!t) {
		fputs("NULL", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
		if (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\' && *p != '?')
			fputc(*p, out);
		else
			fprintf(out, "\\%03o", *p);
	}
	fputc('"', out);
}

int store_expect_print(const struct store_schema *s, long long version, FILE *out)
{
	size_t col = 0;

	fprintf(out, "/* store_expected.h: written by store-schema-gen from store_schema.h"
		     " at build time. */\n");
	fprintf(out, "#define STORE_EXPECTED_SQLITE %d\n", sqlite3_libversion_number());
	fprintf(out, "#define STORE_EXPECTED_MIGRATIONS %lld\n", version);
	fprintf(out, "static const struct store_expected_col store_expected_cols[] = {\n");
	for (size_t i = 0; i < s->nobj; i++)
		for (size_t c = 0; c < s->obj[i].ncols; c++) {
			fputs("\t{", out);
			put_literal(s->obj[i].cols[c].name, out);
			fputs(", ", out);
			put_literal(s->obj[i].cols[c].decl, out);
			fputs("},\n", out);
		}
	fprintf(out, "\t{NULL, NULL}\n};\n");
	fprintf(out, "static const struct store_expected_obj store_expected_objs[] = {\n");
	for (size_t i = 0; i < s->nobj; i++) {
		const struct store_obj *o = &s->obj[i];
		fputs("\t{", out);
		put_literal(o->type, out);
		fputs(", ", out);
		put_literal(o->name, out);
		fputs(", ", out);
		put_literal(o->table, out);
		fputs(",\n\t ", out);
		put_literal(o->sql, out);
		fprintf(out, ",\n\t %zu, %zu},\n", col, o->ncols);
		col += o->ncols;
	}
	fprintf(out, "};\n");
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
