/* store_check.h: is a database file journeyhack's own, private to store.c.
 *
 * A workshop file is handed from person to person, so before store.c uses
 * one it compares the file's schema with the one the migrations build and
 * range-checks every value the program later reads as a number or a
 * choice. Both only read the file. */
#ifndef JOURNEYHACK_STORE_CHECK_H
#define JOURNEYHACK_STORE_CHECK_H

#include <stddef.h>

#include <sqlite3.h>

#include "journeyhack/kinds.h"

/* 0 when the file's tables, indexes, triggers, views and columns are
 * exactly those the first `version` migrations create (worked out once
 * per version in a database in memory); otherwise -1 and the first
 * difference in why ("unexpected trigger 'x'", "table idea lacks column
 * 'confidence'"). */
int store_check_schema(sqlite3 *db, long long version, char *why, size_t size);

/* 0 when every number, flag and choice of the rows read once per open
 * (the workshops, their agendas and lists, whose timer and positions the
 * program computes with) lies in its range: a field's from kinds.c, a
 * timer's from model.h. Otherwise -1 and the first bad value in why
 * ("table workshop, row 1: timer_elapsed = -5 is out of range ..."). Call
 * on a schema store_check_schema accepted. */
int store_check_values(sqlite3 *db, char *why, size_t size);

/* The same for one value as it is loaded: column i of q's current row
 * (whose column 0 is the row's id) holds field f of table. Items are
 * checked here, while they are read anyway, not in a pass of their own. */
int store_check_field(const struct jh_field_def *f, const char *table, sqlite3_stmt *q, int i,
		      char *why, size_t size);

/* Whether the newest schema comes compiled in: 1 when it does and is
 * exactly what the migrations build here and now, 0 when this SQLite is
 * not the one it was built with (each open then works it out once), -1
 * with the first difference in why. For the tests. */
int store_check_compiled(char *why, size_t size);

/* Do the migrations create any object of this type ("trigger", "view")?
 * Those are the only ones a file may hold, and need switching on. */
int store_check_creates(const char *type);

#endif
