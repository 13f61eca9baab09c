/* store_expect.h: the schema of a database as the schema check sees it,
 * private to store_check.c and the build's store-schema-gen.
 *
 * An object is a row of sqlite_schema; a table also has its columns as
 * pragma_table_xinfo reports them. The schema the migrations build is
 * worked out once at build time (store-schema-gen writes it as C) and
 * again at run time only for an older version or another SQLite. */
#ifndef JOURNEYHACK_STORE_EXPECT_H
#define JOURNEYHACK_STORE_EXPECT_H

#include <stddef.h>
#include <stdio.h>

#include <sqlite3.h>

struct store_col {
	char *name, *decl; /* decl: type, not null, default, key, hidden */
};

struct store_obj {
	char *type, *name, *table, *sql;
	struct store_col *cols; /* a table's, in an expected schema only */
	size_t ncols;
};

struct store_schema {
	struct store_obj *obj;
	size_t nobj;
};

/* The same, as store-schema-gen writes it for store_check.c to compile
 * in: constant text, a table's columns from col in one shared array. */
struct store_expected_col {
	const char *name, *decl;
};
struct store_expected_obj {
	const char *type, *name, *table, *sql;
	size_t col, ncols;
};

/* Every object of db's schema, ordered by name; NULL with why set when
 * the file cannot be read. */
struct store_schema *store_expect_read(sqlite3 *db, char *why, size_t size);

/* A table's columns, generated and hidden ones included; NULL with why
 * set on an error. */
struct store_col *store_expect_columns(sqlite3 *db, const char *table, size_t *n, char *why,
				       size_t size);

/* What the first `version` migrations build in an empty database, tables
 * with their columns; NULL with why set when a migration fails. */
struct store_schema *store_expect_build(long long version, char *why, size_t size);

void store_expect_free(struct store_schema *s);
void store_expect_columns_free(struct store_col *c, size_t n);

/* Write s as the C tables store_check.c compiles in (store-schema-gen).
 * -1 on a write error. */
int store_expect_print(const struct store_schema *s, long long version, FILE *out);

#endif
