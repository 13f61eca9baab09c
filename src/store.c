/* store.c: the embedded SQLite store; with store_check.c, which checks a
 * file is journeyhack's own, the only files that include sqlite3.h.
 *
 * Every change runs in its own transaction (BEGIN IMMEDIATE at the top, a
 * savepoint inside a batch) with synchronous=FULL, so a change reported as
 * saved survives a kill or a power cut. SQL text is built only from the
 * constant table and column names in kinds.c; every value is bound. Rows
 * are read and restored by walking the field table (store_load). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "journeyhack/i18n.h"
#include "journeyhack/model_patch.h"
#include "journeyhack/rounds.h"
#include "journeyhack/session.h"
#include "journeyhack/store.h"
#include "journeyhack/util.h"
#include "store_check.h"
#include "store_schema.h"

#define STMT_CACHE  96
#define KNOWN_CACHE 1024 /* a power of two */
#define MEMO_SLOTS  8
#define MEMO_COLS   16
enum { MEMO_ID = 1, MEMO_POSITION = 2, MEMO_STEP = 4, MEMO_UUID = 8 };

struct stmt_slot {
	char *sql;
	uint32_t hash; /* of sql: most lookups miss on it, without a strcmp */
	sqlite3_stmt *stmt;
};

struct jh_store {
	sqlite3 *db;
	char *path;
	int readonly;
	char ro_reason[256];
	int depth; /* transaction nesting: 0 none, 1 BEGIN, >1 savepoints */
	struct stmt_slot cache[STMT_CACHE];
	size_t ncache;
	/* Answers remembered while this connection holds the write lock, so
	 * no other process can change them: items known to exist (a slot is
	 * valid when its gen is the current one) and the current agenda
	 * step. Any delete or rollback forgets the items, any change to a
	 * step or workshop row forgets the step (see on_change). */
	struct known_slot {
		jh_id wid, id;
		uint32_t gen;
		int kind;
	} known[KNOWN_CACHE];
	uint32_t gen;
	int step_known;
	jh_id step_wid, step_id;
	/* The INSERT texts item_insert built last, by what they insert, so
	 * an import builds and hashes its statement once, not per row. */
	struct insert_memo {
		enum jh_kind kind;
		unsigned flags; /* MEMO_ID, MEMO_POSITION, MEMO_STEP */
		size_t ncols;
		const struct jh_field_def *cols[MEMO_COLS];
		char *sql; /* NULL: slot unused */
		uint32_t hash;
	} memo[MEMO_SLOTS];
	size_t memo_next;
	/* Who the changes are recorded as (store_set_actor), and the
	 * revision the last add or set left its item at. */
	char actor[128];
	long long last_rev;
	/* PRAGMA schema_version when the schema was last found to be
	 * journeyhack's own: another program that changes it while this
	 * store is open (a trigger, a view) is caught before the next write. */
	long long schema_seen;
	/* The next fresh id per item table, valid while its gen is the
	 * current one: asked once per imported row otherwise. */
	struct {
		jh_id next;
		uint32_t gen;
	} next_id[JH_NKINDS];
	int conflict; /* the last set failed because the row had changed */
	/* The table whose uuid trigger a bulk write has taken off (NULL:
	 * none), and what the store_stats counters count. */
	const char *bulk_table;
	struct store_stats stats;
	/* Rows read into the model, by kind: how tests see what a load
	 * read (store_rows_read). */
	long long rows_read[JH_NKINDS];
};

/* ---------------------------------------------------------------- basics */

static int db_error(struct jh_store *st, struct jh_err *err, const char *what)
{
	int code = sqlite3_extended_errcode(st->db);

	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(
		    err, _("%s: the database is busy (another journeyhack is writing); try again"),
		    st->path);
	case SQLITE_READONLY:
		return err_set(err, _("%s: the database is read-only; changes cannot be saved"),
			       st->path);
	case SQLITE_FULL:
		return err_set(err, _("%s: the disk is full; nothing was changed"), st->path);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return err_set(err, _("%s: the database is damaged (%s)"), st->path,
			       sqlite3_errmsg(st->db));
	case SQLITE_IOERR:
		return err_set(err, _("%s: input/output error (%s)"), st->path,
			       sqlite3_errmsg(st->db));
	default:
		return err_set(err, "%s: %s", what, sqlite3_errmsg(st->db));
	}
}

/* FNV-1a: the statement cache is searched once per row of an import, and
 * many of its texts share a long prefix that would make strcmp crawl. */
static uint32_t sql_hash(const char *sql)
{
	uint32_t h = 2166136261u;

	for (const unsigned char *p = (const unsigned char *)sql; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

/* A cached prepared statement, reset and with bindings cleared. */
static sqlite3_stmt *prep_hashed(struct jh_store *st, const char *sql, uint32_t h,
				 struct jh_err *err)
{
	sqlite3_stmt *s = NULL;
	size_t i;

	st->stats.used++;
	/* Newest first: a batch keeps asking for the statements it just used. */
	for (i = st->ncache; i-- > 0;) {
		if (st->cache[i].hash == h && !strcmp(st->cache[i].sql, sql)) {
			s = st->cache[i].stmt;
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			return s;
		}
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
		db_error(st, err, "prepare");
		return NULL;
	}
	st->stats.prepared++;
	if (st->ncache == STMT_CACHE) {
		/* Evict the oldest; the cache only needs to hold the hot set. */
		sqlite3_finalize(st->cache[0].stmt);
		free(st->cache[0].sql);
		memmove(&st->cache[0], &st->cache[1], (STMT_CACHE - 1) * sizeof st->cache[0]);
		st->ncache--;
	}
	st->cache[st->ncache].sql = util_xstrdup(sql);
	st->cache[st->ncache].hash = h;
	st->cache[st->ncache].stmt = s;
	st->ncache++;
	return s;
}

static void drop_cache(struct jh_store *st)
{
	for (size_t i = 0; i < st->ncache; i++) {
		sqlite3_finalize(st->cache[i].stmt);
		free(st->cache[i].sql);
	}
	st->ncache = 0;
}

static sqlite3_stmt *prep(struct jh_store *st, const char *sql, struct jh_err *err)
{
	return prep_hashed(st, sql, sql_hash(sql), err);
}

static int exec_sql(struct jh_store *st, const char *sql, struct jh_err *err)
{
	char *msg = NULL;

	st->stats.used++;
	st->stats.prepared++;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		sqlite3_free(msg);
		return db_error(st, err, "sql");
	}
	return 0;
}

/* ------------------------------------------------------------ statements
 *
 * Every statement goes the same way: the cached statement, its arguments
 * bound (?1 first), stepped, reset, and an error mapped to one message by
 * db_error. A change runs between tx_begin and tx_end(st, !rc, err). */

struct arg {
	enum { ARG_INT, ARG_TEXT, ARG_NULL } type;
	long long num;
	const char *text; /* NULL binds "" */
};

#define I64(v)                                                                                     \
	{                                                                                          \
		ARG_INT, (long long)(v), NULL                                                      \
	}
#define TXT(v)                                                                                     \
	{                                                                                          \
		ARG_TEXT, 0, (v)                                                                   \
	}
/* The arguments of one statement: ARGS(I64(wid), TXT(name)). */
#define ARGS(...)                                                                                  \
	(const struct arg[]){__VA_ARGS__},                                                         \
	    sizeof((const struct arg[]){__VA_ARGS__}) / sizeof(struct arg)
#define NOARGS NULL, 0

static void bind_one(sqlite3_stmt *s, int idx, const struct arg *a)
{
	if (a->type == ARG_INT)
		sqlite3_bind_int64(s, idx, a->num);
	else if (a->type == ARG_NULL)
		sqlite3_bind_null(s, idx);
	/* STATIC: every statement is reset before its caller's text goes,
	 * and bindings are cleared before the next use. */
	else
		sqlite3_bind_text(s, idx, a->text ? a->text : "", -1, SQLITE_STATIC);
}

static void bind_args(sqlite3_stmt *s, const struct arg *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		bind_one(s, (int)i + 1, &a[i]);
}

/* The cached statement for sql with its arguments bound. */
static sqlite3_stmt *stmt(struct jh_store *st, const char *sql, const struct arg *a, size_t n,
			  struct jh_err *err)
{
	sqlite3_stmt *s = prep(st, sql, err);

	if (s)
		bind_args(s, a, n);
	return s;
}

/* Step a statement that returns no rows (or only the first matters). */
static int step_done(struct jh_store *st, sqlite3_stmt *s, struct jh_err *err)
{
	int rc = sqlite3_step(s);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_error(st, err, "write");
		sqlite3_reset(s);
		return -1;
	}
	sqlite3_reset(s);
	return 0;
}

static int run(struct jh_store *st, const char *sql, const struct arg *a, size_t n,
	       struct jh_err *err)
{
	sqlite3_stmt *s = stmt(st, sql, a, n, err);

	return s ? step_done(st, s, err) : -1;
}

/* After a change that must touch exactly one row: the message when it
 * touched none. rc is the change's own result, passed on. */
static int one_row(struct jh_store *st, int rc, struct jh_err *err, const char *fmt, ...)
    JH_PRINTF(4, 5);

static int one_row(struct jh_store *st, int rc, struct jh_err *err, const char *fmt, ...)
{
	if (rc || sqlite3_changes(st->db) == 1)
		return rc;
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* End a loop of sqlite3_step over a statement's rows. */
static int rows_end(struct jh_store *st, sqlite3_stmt *s, int rc, const char *what,
		    struct jh_err *err)
{
	sqlite3_reset(s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : db_error(st, err, what);
}

/* One integer from the first row of a query; dflt when there is no row
 * or it is NULL. *failed is set on an error. */
static long long query_what(struct jh_store *st, const char *what, const char *sql,
			    const struct arg *a, size_t n, long long dflt, struct jh_err *err,
			    int *failed)
{
	sqlite3_stmt *s = stmt(st, sql, a, n, err);
	long long v = dflt;
	int rc;

	if (!s) {
		*failed = 1;
		return dflt;
	}
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		if (sqlite3_column_type(s, 0) != SQLITE_NULL)
			v = sqlite3_column_int64(s, 0);
	} else if (rc != SQLITE_DONE) {
		db_error(st, err, what);
		*failed = 1;
	}
	sqlite3_reset(s);
	return v;
}

static long long query_int(struct jh_store *st, const char *sql, const struct arg *a, size_t n,
			   long long dflt, struct jh_err *err, int *failed)
{
	return query_what(st, "read", sql, a, n, dflt, err, failed);
}

/* Transaction control through the statement cache: an import opens and
 * releases a savepoint per item, and sqlite3_exec would parse it anew
 * each time. */
static int ctl(struct jh_store *st, const char *sql, struct jh_err *err)
{
	sqlite3_stmt *s = prep(st, sql, err);
	int rc;

	if (!s)
		return -1;
	rc = sqlite3_step(s);
	if (rc != SQLITE_DONE)
		db_error(st, err, "sql");
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int check_writable(struct jh_store *st, struct jh_err *err)
{
	if (st->readonly)
		return err_set(err, _("%s is read-only (%s): changes cannot be saved"), st->path,
			       st->ro_reason);
	return 0;
}

/* Forget what was remembered under the write lock (see struct jh_store). */
static void forget(struct jh_store *st)
{
	st->gen++;
	st->step_known = 0;
}

/* SQLite calls this for every row this connection writes. */
static void on_change(void *arg, int op, const char *db, const char *table, sqlite3_int64 rowid)
{
	struct jh_store *st = arg;

	(void)db;
	(void)rowid;
	if (op == SQLITE_DELETE)
		st->gen++;
	if (!strcmp(table, "step") || !strcmp(table, "workshop"))
		st->step_known = 0;
}

/* Every write starts on a schema checked again if anything changed it
 * since: the program's own triggers are on, so a trigger another program
 * slipped in while this store was open must never run inside our change.
 * Holding the write lock, nobody can change the schema after this look. */
static int schema_still_ours(struct jh_store *st, struct jh_err *err)
{
	char why[512];
	int failed = 0;
	long long v = query_int(st, "PRAGMA schema_version", NOARGS, 0, err, &failed);

	if (failed)
		return -1;
	if (v == st->schema_seen)
		return 0;
	if (store_check_schema(st->db, (long long)STORE_NMIGRATIONS, why, sizeof why))
		return err_set(err, _("%s: %s; nothing was changed"), st->path, why);
	st->schema_seen = v;
	return 0;
}

static int tx_begin(struct jh_store *st, struct jh_err *err)
{
	if (check_writable(st, err))
		return -1;
	if (st->depth == 0)
		forget(st);
	/* IMMEDIATE takes the write lock up front so the busy timeout applies;
	 * a deferred transaction that later upgrades can fail at once. */
	if (ctl(st, st->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT jh", err))
		return -1;
	if (st->depth == 0 && st->schema_seen >= 0 && schema_still_ours(st, err)) {
		struct jh_err ignored;
		(void)ctl(st, "ROLLBACK", &ignored);
		return -1;
	}
	st->depth++;
	return 0;
}

/* Undo the innermost transaction or savepoint. */
static void undo(struct jh_store *st)
{
	struct jh_err ignore;

	if (st->depth == 0) {
		exec_sql(st, "ROLLBACK", &ignore);
	} else {
		exec_sql(st, "ROLLBACK TO jh", &ignore);
		exec_sql(st, "RELEASE jh", &ignore);
	}
}

/* Commit (ok) or roll back what tx_begin opened: tx_end(st, !rc, err). */
static int tx_end(struct jh_store *st, int ok, struct jh_err *err)
{
	if (st->depth <= 0)
		return ok ? 0 : -1;
	st->depth--;
	if (!ok || st->depth == 0)
		forget(st);
	if (ok && !ctl(st, st->depth == 0 ? "COMMIT" : "RELEASE jh", err))
		return 0;
	if (ok)
		forget(st);
	undo(st);
	return -1;
}

/* expr, returning 0 on success, as a transaction of its own: evaluated
 * only once tx_begin has taken the write lock. */
#define IN_TX(st, err, expr) (tx_begin((st), (err)) ? -1 : tx_end((st), !(expr), (err)))

/* One statement as a change of its own. */
static int change(struct jh_store *st, const char *sql, const struct arg *a, size_t n,
		  struct jh_err *err)
{
	return IN_TX(st, err, run(st, sql, a, n, err));
}

int store_begin(struct jh_store *st, struct jh_err *err)
{
	return tx_begin(st, err);
}

int store_commit(struct jh_store *st, struct jh_err *err)
{
	return tx_end(st, 1, err);
}

void store_rollback(struct jh_store *st)
{
	tx_end(st, 0, NULL);
}

/* ------------------------------------------------------------ open/close */

/* Create the directories above path: every prefix that ends before a '/'. */
static int mkdirs_for(const char *path, struct jh_err *err)
{
	char *dir = util_xstrdup(path);
	int rc = 0;

	for (char *p = dir + 1; *p && !rc; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			rc = err_set(err, _("%s: cannot create directory: %s"), dir,
				     strerror(errno));
		*p = '/';
	}
	free(dir);
	return rc;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The header records the size of the database in pages; a file cut
 * shorter (a copy that stopped half way) would otherwise only show up as
 * "malformed" on the first page that is missing. The count is valid when
 * the header says so (offset 92 matches the change counter at 24), and
 * pages may still sit in a write-ahead log beside the file. */
static int check_size(const char *path, const unsigned char *head, off_t size, struct jh_err *err)
{
	long long pagesize = head[16] << 8 | head[17];
	long long want;
	char wal[PATH_MAX];
	struct stat wb;

	if (pagesize == 1)
		pagesize = 65536;
	want = pagesize * be32(head + 28);
	if (be32(head + 92) != be32(head + 24) || want <= size)
		return 0;
	snprintf(wal, sizeof wal, "%s-wal", path);
	if (stat(wal, &wb) == 0 && wb.st_size > 0)
		return 0;
	return err_set(err, _("%s: the database is truncated (%lld of %lld bytes)"), path,
		       (long long)size, want);
}

/* Look at the file before SQLite does, so a foreign file is refused
 * without SQLite ever writing to it. Sets *created when we made it. */
static int precheck_file(const char *path, int flags, int *created, struct jh_err *err)
{
	struct stat sb;
	unsigned char head[100];
	int fd;
	ssize_t got;

	*created = 0;
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT)
			return err_set(err, "%s: %s", path, strerror(errno));
		if (flags & (STORE_NOCREATE | STORE_READONLY))
			return err_set(err,
				       _("%s: no such database (create a workshop first: "
					 "journeyhack new NAME)"),
				       path);
		if (mkdirs_for(path, err))
			return -1;
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0)
			return err_set(err, _("%s: cannot create database: %s"), path,
				       strerror(errno));
		close(fd);
		*created = 1;
		return 0;
	}
	if (S_ISDIR(sb.st_mode))
		return err_set(err, _("%s: is a directory, not a journeyhack database"), path);
	if (!S_ISREG(sb.st_mode))
		return err_set(err, _("%s: not a regular file"), path);
	if (sb.st_size == 0)
		return err_set(err, _("%s: empty file, not a journeyhack database"), path);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set(err, "%s: %s", path, strerror(errno));
	got = read(fd, head, sizeof head);
	close(fd);
	if (got < 16 || memcmp(head, "SQLite format 3", 16) != 0)
		return err_set(err, _("%s: not a journeyhack database (not an SQLite file)"), path);
	if (sb.st_size < 512 || got != (ssize_t)sizeof head)
		return err_set(err, _("%s: the database is truncated (%lld bytes)"), path,
			       (long long)sb.st_size);
	return check_size(path, head, sb.st_size, err);
}

static int set_pragma(struct jh_store *st, const char *name, long long value, struct jh_err *err)
{
	char sql[64];

	snprintf(sql, sizeof sql, "PRAGMA %s = %lld", name, value);
	return exec_sql(st, sql, err);
}

static int migrate(struct jh_store *st, struct jh_err *err)
{
	int failed = 0;
	long long version;

	/* Up to date: no write lock and no write. Setting application_id
	 * again would rewrite page 1 on every open, so even `show` would
	 * change the file and wait behind every writer. */
	version = query_int(st, "PRAGMA user_version", NOARGS, 0, err, &failed);
	if (!failed && version == (long long)STORE_NMIGRATIONS &&
	    query_int(st, "PRAGMA application_id", NOARGS, 0, err, &failed) ==
		STORE_APPLICATION_ID &&
	    !failed)
		return 0;
	failed = 0;
	if (tx_begin(st, err))
		return -1;
	version = query_int(st, "PRAGMA user_version", NOARGS, 0, err, &failed);
	if (failed)
		return tx_end(st, 0, NULL);
	if (version < 0)
		return tx_end(st, 0, NULL) ||
		       err_set(err, _("%s: impossible schema version %lld"), st->path, version);
	for (; !failed && version < (long long)STORE_NMIGRATIONS; version++)
		failed = exec_sql(st, MIGRATIONS[version], err) ||
			 set_pragma(st, "user_version", version + 1, err);
	return tx_end(st, !failed && !set_pragma(st, "application_id", STORE_APPLICATION_ID, err),
		      err);
}

/* The schema is the one the migrations build and every value is in
 * range: checked before the first write, even the switch to WAL, so a
 * file that fails is left byte for byte as it was. */
static int check_own(struct jh_store *st, long long version, struct jh_err *err)
{
	char why[512];

	if (store_check_schema(st->db, version, why, sizeof why) ||
	    (version == (long long)STORE_NMIGRATIONS &&
	     store_check_values(st->db, why, sizeof why)))
		return err_set(err, _("%s: %s; not opened"), st->path, why);
	return 0;
}

/* Refuse foreign, newer and damaged files before changing anything. */
static int inspect(struct jh_store *st, struct jh_err *err)
{
	int failed = 0;
	long long appid, version, tables, pages, pagesize;
	struct stat sb;

	appid = query_int(st, "PRAGMA application_id", NOARGS, 0, err, &failed);
	if (failed) {
		err_set(err, _("%s: not a journeyhack database or damaged (%s)"), st->path,
			sqlite3_errmsg(st->db));
		return -1;
	}
	version = query_int(st, "PRAGMA user_version", NOARGS, 0, err, &failed);
	tables = query_int(st, "SELECT count(*) FROM sqlite_schema", NOARGS, 0, err, &failed);
	if (failed) {
		err_set(err, _("%s: the database is damaged (%s)"), st->path,
			sqlite3_errmsg(st->db));
		return -1;
	}
	if (appid != STORE_APPLICATION_ID && !(appid == 0 && tables == 0 && version == 0))
		return err_set(
		    err, _("%s: an SQLite database that journeyhack did not write; not opened"),
		    st->path);
	if (version > (long long)STORE_NMIGRATIONS)
		return err_set(
		    err,
		    _("%s: written by a newer journeyhack (schema %lld, this one knows %d); "
		      "upgrade journeyhack to open it"),
		    st->path, version, (int)STORE_NMIGRATIONS);
	if (version < 0)
		return err_set(err, _("%s: impossible schema version %lld; not opened"), st->path,
			       version);
	pages = query_int(st, "PRAGMA page_count", NOARGS, 0, err, &failed);
	pagesize = query_int(st, "PRAGMA page_size", NOARGS, 0, err, &failed);
	if (!failed && stat(st->path, &sb) == 0 && pages * pagesize > (long long)sb.st_size) {
		/* Pages may still sit in the WAL; only a file with no WAL
		 * beside it and too few bytes is truncated. */
		char wal[PATH_MAX];
		struct stat wb;
		snprintf(wal, sizeof wal, "%s-wal", st->path);
		if (stat(wal, &wb) != 0 || wb.st_size == 0)
			return err_set(err, _("%s: the database is truncated (%lld of %lld bytes)"),
				       st->path, (long long)sb.st_size, pages * pagesize);
	}
	if (failed)
		return err_set(err, _("%s: the database is damaged (%s)"), st->path,
			       sqlite3_errmsg(st->db));
	return tables ? check_own(st, version, err) : 0;
}

/* Changes need the -wal and -shm files (or a rollback journal) beside the
 * database, so a directory that cannot take new files makes the database
 * read-only even when the file itself may be written. */
static int dir_writable(const char *path, char *why, size_t whysize)
{
	char *dir = util_xstrdup(path);
	char *slash = strrchr(dir, '/');
	const char *d = dir;
	int ok;

	if (!slash)
		d = ".";
	else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	ok = access(d, W_OK) == 0;
	if (!ok)
		snprintf(why, whysize, _("cannot create files in %s: %s"), d, strerror(errno));
	free(dir);
	return ok;
}

/* A file someone hands over may hold triggers, views and expressions in
 * its schema: none of it may run. Defensive mode keeps the file's schema
 * from being rewritten through SQL; with the schema untrusted and
 * triggers and views switched off, nothing stored in the file executes,
 * whatever store_check later finds. Triggers or views come back on only
 * if a migration ever creates some (`needs`), and then store_check admits
 * exactly those. */
static const struct {
	int op, value;
	const char *needs; /* on instead when the migrations create one */
	const char *name;
} defences[] = {
    {SQLITE_DBCONFIG_DEFENSIVE, 1, NULL, "defensive mode"},
    {SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL, "untrusted schema"},
    {SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, "trigger", "triggers off"},
    {SQLITE_DBCONFIG_ENABLE_VIEW, 0, "view", "views off"},
};

static int defend(struct jh_store *st, struct jh_err *err)
{
	for (size_t i = 0; i < sizeof defences / sizeof defences[0]; i++) {
		int want = defences[i].value, now = -1;
		if (defences[i].needs && store_check_creates(defences[i].needs))
			want = 1;
		if (sqlite3_db_config(st->db, defences[i].op, want, &now) != SQLITE_OK ||
		    now != want)
			return err_set(err, _("%s: this SQLite cannot set %s; not opened"),
				       st->path, defences[i].name);
	}
	return exec_sql(st, "PRAGMA trusted_schema = OFF", err);
}

static int connect(struct jh_store *st, const char *name, int oflags, struct jh_err *err)
{
	int rc = sqlite3_open_v2(name, &st->db, oflags | SQLITE_OPEN_NOMUTEX, NULL);

	if (rc != SQLITE_OK)
		return err_set(err, _("%s: cannot open database: %s"), st->path,
			       st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
	if (defend(st, err))
		return -1;
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_update_hook(st->db, on_change, st);
	sqlite3_busy_timeout(st->db, 10000);
	return exec_sql(st, "PRAGMA foreign_keys = ON", err);
}

/* Reading a WAL database needs its -shm file, which SQLite cannot create
 * in a directory it may not write. With no -wal beside it the file holds
 * every committed change, so it can be read as immutable instead. */
static int reconnect_immutable(struct jh_store *st, struct jh_err *err)
{
	char wal[PATH_MAX], *uri;
	struct stat wb;
	size_t n = strlen(st->path) * 3 + 32, k;
	int rc;

	snprintf(wal, sizeof wal, "%s-wal", st->path);
	if (stat(wal, &wb) == 0 && wb.st_size > 0)
		return err_set(err,
			       _("%s: cannot be read here: its write-ahead log %s holds changes "
				 "and %s; open it once where it can be written"),
			       st->path, wal, st->ro_reason);
	drop_cache(st);
	sqlite3_close(st->db);
	st->db = NULL;
	uri = util_xmalloc(n);
	k = (size_t)snprintf(uri, n, "file:");
	for (const char *p = st->path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			k += (size_t)snprintf(uri + k, n - k, "%%%02X", (unsigned char)*p);
		else
			uri[k++] = *p;
	}
	snprintf(uri + k, n - k, "?immutable=1");
	rc = connect(st, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, err);
	free(uri);
	return rc;
}

/* Did the open fail only for want of the -shm file beside the database
 * (an unwritable directory, a read-only or full file system)? */
static int shm_failed(struct jh_store *st)
{
	int code = sqlite3_extended_errcode(st->db);

	if (st->readonly && ((code & 0xff) == SQLITE_READONLY || (code & 0xff) == SQLITE_CANTOPEN))
		return 1;
	return code == SQLITE_IOERR_SHMOPEN || code == SQLITE_IOERR_SHMSIZE ||
	       code == SQLITE_IOERR_SHMMAP;
}

/* Does a write-ahead log with changes in it lie beside the database? */
static int wal_given(const char *path)
{
	char wal[PATH_MAX];
	struct stat wb;

	snprintf(wal, sizeof wal, "%s-wal", path);
	return stat(wal, &wb) == 0 && wb.st_size > 0;
}

/* JOURNEYHACK_RANDOM_SEED=N makes the UUIDs new items get repeat from
 * run to run, for test files that compare whole exports; never set it in
 * real use, where every UUID must differ. */
static void seed_random(void)
{
	const char *seed = getenv("JOURNEYHACK_RANDOM_SEED");

	if (seed && *seed)
		sqlite3_test_control(SQLITE_TESTCTRL_PRNG_SEED, atoi(seed), NULL);
}

int store_open(struct jh_store **out, const char *path, int flags, struct jh_err *err)
{
	struct jh_store *st;
	int created = 0, rc, had_wal;
	int oflags;

	*out = NULL;
	if (!path || !*path)
		return err_set(err, _("no database path given"));
	if (precheck_file(path, flags, &created, err))
		return -1;
	had_wal = wal_given(path);
	/* SQLite's allocation statistics take a global mutex on every malloc
	 * and free: 7 % of an import. Nothing here reads them. Only takes
	 * effect before SQLite's first use in the process, harmless after. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	seed_random();
	st = util_xcalloc(1, sizeof *st);
	st->schema_seen = -1; /* not yet known: the open checks it first */
	st->path = util_xstrdup(path);
	if (flags & STORE_READONLY) {
		st->readonly = 1;
		snprintf(st->ro_reason, sizeof st->ro_reason, _("opened for viewing"));
	} else if (access(path, W_OK) != 0) {
		st->readonly = 1;
		snprintf(st->ro_reason, sizeof st->ro_reason, "%s", strerror(errno));
	} else if (!dir_writable(path, st->ro_reason, sizeof st->ro_reason)) {
		st->readonly = 1;
	}
	oflags = st->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (connect(st, path, oflags, err))
		goto fail;
	rc = inspect(st, err);
	if (rc && shm_failed(st)) {
		if (!st->readonly) {
			/* A full disk: viewing needs no new space. */
			int e = sqlite3_system_errno(st->db);
			st->readonly = 1;
			snprintf(st->ro_reason, sizeof st->ro_reason, _("cannot create %s-shm: %s"),
				 path, e ? strerror(e) : sqlite3_errmsg(st->db));
		}
		rc = reconnect_immutable(st, err) || inspect(st, err);
	}
	if (rc)
		goto fail;
	if (!st->readonly) {
		struct jh_err e2;
		int failed = 0;
		/* WAL lets readers and one writer work at once: every
		 * participant's terminal keeps reading while one saves. */
		/* WAL can be refused (a file system without shared memory):
		 * the rollback journal still keeps every change atomic. */
		(void)exec_sql(st, "PRAGMA journal_mode = WAL", &e2);
		if (exec_sql(st, "PRAGMA synchronous = FULL", err))
			goto fail;
		if (migrate(st, err))
			goto fail;
		st->schema_seen = query_int(st, "PRAGMA schema_version", NOARGS, 0, err, &failed);
		if (failed)
			goto fail;
	} else {
		int failed = 0;
		long long version = query_int(st, "PRAGMA user_version", NOARGS, 0, err, &failed);
		if (!failed && version < (long long)STORE_NMIGRATIONS) {
			err_set(err, _("%s: the database needs an upgrade but is read-only (%s)"),
				path, st->ro_reason);
			goto fail;
		}
	}
	*out = st;
	return 0;
fail:
	/* A log handed over with a refused file stays as it came: closing
	 * would otherwise fold it into the file. */
	if (st->db && had_wal)
		sqlite3_db_config(st->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	store_close(st);
	if (created)
		unlink(path);
	return -1;
}

void store_close(struct jh_store *st)
{
	if (!st)
		return;
	drop_cache(st);
	for (size_t i = 0; i < MEMO_SLOTS; i++)
		free(st->memo[i].sql);
	if (st->db)
		sqlite3_close(st->db);
	free(st->path);
	free(st);
}

const char *store_path(const struct jh_store *st)
{
	return st->path;
}

int store_readonly(const struct jh_store *st)
{
	return st->readonly;
}

const char *store_readonly_reason(const struct jh_store *st)
{
	return st->readonly ? st->ro_reason : "";
}

int64_t store_data_version(struct jh_store *st)
{
	int failed = 0;
	long long v = query_int(st, "PRAGMA data_version", NOARGS, -1, NULL, &failed);
	return failed ? -1 : v;
}

/* Append to SQL text built from the constant names in kinds.c; it is
 * rebuilt for every imported row, where snprintf's parsing showed up.
 * Text that does not fit is dropped, so the statement fails to prepare. */
static void sql_cat(char *sql, size_t size, size_t *len, const char *s)
{
	size_t n = strlen(s);

	if (*len + n >= size) {
		*len = size;
		snprintf(sql, size, "SQL too long");
		return;
	}
	memcpy(sql + *len, s, n + 1);
	*len += n;
}

/* ------------------------------------------------------------- reading */

static char *col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return util_xstrdup(t ? (const char *)t : "");
}

#define GROW(arr, n, cap)                                                                          \
	do {                                                                                       \
		if ((n) == (cap)) {                                                                \
			(cap) = (cap) ? (cap)*2 : 16;                                              \
			(arr) = util_xrealloc((arr), (cap) * sizeof *(arr));                       \
		}                                                                                  \
	} while (0)

/* A column of a kind's row and where its value lives in the model
 * struct: a field of kinds.c, or a member that is not a field (ids, a
 * step's revealed flag, the workshop's name and timer). */
struct col {
	const char *column;
	enum kinds_storage how; /* KINDS_S_ID also for other int64 members */
	size_t offset;
	unsigned flags;
	const char *dflt;		  /* restored for a NULL text */
	const struct jh_field_def *field; /* its range; NULL: checked at open */
};

enum { COL_KEY = 1, COL_BOOL = 2 }; /* KEY: names the row, never restored */

#define MEMBER(c, how, S, m, fl)                                                                   \
	{                                                                                          \
		c, how, offsetof(struct S, m), fl                                                  \
	}

/* Every item struct starts with its id (model.h); its revision is read,
 * never restored (COL_KEY): a restored row starts a history of its own. */
#define ID_REV(S)                                                                                  \
	{"id", KINDS_S_ID, 0, COL_KEY}, MEMBER("revision", KINDS_S_ID, S, revision, COL_KEY)
static const struct col participant_cols[] = {ID_REV(jh_participant)};
static const struct col journey_cols[] = {ID_REV(jh_journey)};
static const struct col stage_cols[] = {ID_REV(jh_stage)};
static const struct col touchpoint_cols[] = {ID_REV(jh_touchpoint)};
static const struct col painpoint_cols[] = {ID_REV(jh_painpoint)};
static const struct col idea_cols[] = {ID_REV(jh_idea)};
static const struct col vote_cols[] = {
    ID_REV(jh_vote),
    MEMBER("round_id", KINDS_S_ID, jh_vote, round_id, COL_KEY),
};
static const struct col action_cols[] = {ID_REV(jh_action)};
static const struct col parking_cols[] = {ID_REV(jh_parking)};
static const struct col persona_cols[] = {ID_REV(jh_persona)};
static const struct col step_cols[] = {
    ID_REV(jh_step),
    MEMBER("revealed", KINDS_S_INT, jh_step, revealed, 0),
    MEMBER("start", KINDS_S_INT, jh_step, start, 0),
};
static const struct col workshop_cols[] = {
    ID_REV(jh_workshop),
    MEMBER("name", KINDS_S_TEXT, jh_workshop, name, COL_KEY),
    MEMBER("template", KINDS_S_TEXT, jh_workshop, template_name, 0),
    MEMBER("created", KINDS_S_TEXT, jh_workshop, created, 0),
    MEMBER("current_step", KINDS_S_INT, jh_workshop, current_step, 0),
    MEMBER("timer_running", KINDS_S_INT, jh_workshop, timer_running, COL_BOOL),
    MEMBER("timer_started", KINDS_S_ID, jh_workshop, timer_started, 0),
    MEMBER("timer_elapsed", KINDS_S_INT, jh_workshop, timer_elapsed, 0),
    /* Set only by store_focus_set: never restored with the settings. */
    MEMBER("focus_kind", KINDS_S_TEXT, jh_workshop, focus_kind, COL_KEY),
    MEMBER("focus_id", KINDS_S_ID, jh_workshop, focus_id, COL_KEY),
};

/* How a kind's rows are read: the members besides its fields, and the
 * query after FROM (the kind's table as x), in the order model.h gives. */
static const struct load_spec {
	const struct col *extra;
	size_t nextra;
	const char *from;
} loads[JH_NKINDS] = {
    [JH_PARTICIPANT] = {participant_cols, 2,
			"participant x WHERE x.workshop_id = ?1 ORDER BY x.id"},
    [JH_STEP] = {step_cols, 4, "step x WHERE x.workshop_id = ?1 ORDER BY x.position, x.id"},
    [JH_JOURNEY] = {journey_cols, 2,
		    "journey x WHERE x.workshop_id = ?1 ORDER BY x.position, x.id"},
    [JH_STAGE] = {stage_cols, 2,
		  "stage x JOIN journey j ON j.id = x.journey_id WHERE x.workshop_id = ?1"
		  " ORDER BY j.position, j.id, x.position, x.id"},
    [JH_TOUCHPOINT] = {touchpoint_cols, 2,
		       "touchpoint x JOIN journey j ON j.id = x.journey_id"
		       " JOIN stage s ON s.id = x.stage_id WHERE x.workshop_id = ?1"
		       " ORDER BY j.position, j.id, s.position, s.id, x.position, x.id"},
    [JH_PAINPOINT] = {painpoint_cols, 2, "painpoint x WHERE x.workshop_id = ?1 ORDER BY x.id"},
    [JH_IDEA] = {idea_cols, 2, "idea x WHERE x.workshop_id = ?1 ORDER BY x.id"},
    [JH_VOTE] = {vote_cols, 3,
		 "vote x WHERE x.workshop_id = ?1 ORDER BY x.idea_id, x.participant_id, x.id"},
    [JH_ACTION] = {action_cols, 2, "action x WHERE x.workshop_id = ?1 ORDER BY x.id"},
    [JH_PARKING] = {parking_cols, 2, "parking x WHERE x.workshop_id = ?1 ORDER BY x.id"},
    [JH_WORKSHOP] = {workshop_cols, sizeof workshop_cols / sizeof workshop_cols[0],
		     "workshop x WHERE x.id = ?1"},
    [JH_PERSONA] = {persona_cols, 2, "persona x WHERE x.workshop_id = ?1 ORDER BY x.id"},
};

/* A field kept both in a column and in the model struct. */
static int in_row(const struct jh_field_def *f)
{
	return f->column && kinds_stored(f);
}

#define MAX_COLS 64 /* columns of one kind's row; kinds.c has at most 20 */

/* The columns of a kind's row: the members besides the fields, then the
 * fields in table order. Worked out once per query, not per row. */
static size_t kind_cols(enum jh_kind kind, struct col *c)
{
	const struct jh_kind_def *k = kinds_get(kind);
	const struct load_spec *l = &loads[kind];
	size_t n = 0;

	for (size_t i = 0; i < l->nextra && n < MAX_COLS; i++)
		c[n++] = l->extra[i];
	for (size_t i = 0; i < k->nfields && n < MAX_COLS; i++) {
		const struct jh_field_def *f = &k->fields[i];
		if (in_row(f))
			c[n++] = (struct col){f->column, kinds_storage(f),
					      f->offset, f->type == JF_BOOL ? COL_BOOL : 0,
					      f->defval, f};
	}
	return n;
}

static void load_sql(const struct col *c, size_t n, const char *from, char *sql, size_t size)
{
	size_t len = 0;

	sql_cat(sql, size, &len, "SELECT ");
	for (size_t i = 0; i < n; i++) {
		sql_cat(sql, size, &len, i ? ", x." : "x.");
		sql_cat(sql, size, &len, c[i].column);
	}
	sql_cat(sql, size, &len, " FROM ");
	sql_cat(sql, size, &len, from);
}

/* A row is checked as it is read: a file can hold any value, and the
 * program computes with these as if items.c had let them in. */
static int read_row(struct jh_store *st, const char *table, const struct col *c, size_t n,
		    sqlite3_stmt *s, char *item, struct jh_err *err)
{
	char why[256];

	for (size_t i = 0; i < n; i++)
		if (c[i].field && store_check_field(c[i].field, table, s, (int)i, why, sizeof why))
			return err_set(err, _("%s: %s; not read"), st->path, why);
	for (size_t i = 0; i < n; i++) {
		void *p = item + c[i].offset;
		if (c[i].how == KINDS_S_TEXT)
			*(char **)p = col_text(s, (int)i);
		else if (c[i].how == KINDS_S_INT)
			*(int *)p = sqlite3_column_int(s, (int)i);
		else if (c[i].how == KINDS_S_ID) /* a NULL reference reads as 0, "none" */
			*(jh_id *)p = sqlite3_column_int64(s, (int)i);
	}
	return 0;
}

/* Append the rows of kind to the array of item_size records whose pointer
 * is at arrp (copied through memcpy: it points at a typed array) and
 * whose count is *n. */
static int read_rows(struct jh_store *st, enum jh_kind kind, const char *from, const struct arg *a,
		     size_t na, void *arrp, size_t *n, const char *what, struct jh_err *err)
{
	size_t size = kinds_get(kind)->item_size, cap = *n;
	struct col c[MAX_COLS];
	size_t ncols = kind_cols(kind, c);
	char sql[1024], *arr;
	sqlite3_stmt *s;
	int rc;

	load_sql(c, ncols, from, sql, sizeof sql);
	s = stmt(st, sql, a, na, err);
	if (!s)
		return -1;
	memcpy(&arr, arrp, sizeof arr);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			arr = util_xrealloc(arr, cap * size);
		}
		memset(arr + *n * size, 0, size);
		if (read_row(st, kinds_get(kind)->table, c, ncols, s, arr + *n * size, err))
			break;
		(*n)++;
		st->rows_read[kind]++;
	}
	/* Exactly as long as it is, as every model array (a later read
	 * appends from *n): the doubling's slack is up to half of it. */
	if (*n && *n < cap)
		arr = util_xrealloc(arr, *n * size);
	memcpy(arrp, &arr, sizeof arr);
	if (rc == SQLITE_ROW) {
		sqlite3_reset(s);
		return -1;
	}
	return rows_end(st, s, rc, what, err);
}

int store_workshop_list(struct jh_store *st, struct jh_workshop **out, size_t *n,
			struct jh_err *err)
{
	*out = NULL;
	*n = 0;
	return read_rows(st, JH_WORKSHOP, "workshop x ORDER BY x.name", NOARGS, out, n,
			 "list workshops", err);
}

int store_workshop_find(struct jh_store *st, const char *name_or_id, jh_id *id_out,
			struct jh_err *err)
{
	int failed = 0;
	long long num;
	jh_id id = query_what(st, "find workshop", "SELECT id FROM workshop WHERE name = ?1",
			      ARGS(TXT(name_or_id)), 0, err, &failed);

	if (failed)
		return -1;
	if (id) {
		*id_out = id;
		return 0;
	}
	if (util_parse_int(name_or_id, &num) == 0 && num > 0) {
		if (query_int(st, "SELECT count(*) FROM workshop WHERE id = ?1", ARGS(I64(num)), 0,
			      err, &failed) == 1) {
			*id_out = num;
			return 0;
		}
		if (failed)
			return -1;
	}
	return err_set(err, _("no workshop \"%s\" in %s (see: journeyhack list)"), name_or_id,
		       st->path);
}

static int load_lists(struct jh_store *st, jh_id wid, struct jh_data *d, struct jh_err *err)
{
	sqlite3_stmt *s = stmt(st,
			       "SELECT list, value FROM workshop_list WHERE workshop_id = ?1"
			       " ORDER BY list, position",
			       ARGS(I64(wid)), err);
	size_t cc = 0, sc = 0, pc = 0;
	int rc;

	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(s, 0);
		const char *list = t ? (const char *)t : "";
		if (!strcmp(list, "channel")) {
			GROW(d->channels, d->nchannels, cc);
			d->channels[d->nchannels++] = col_text(s, 1);
		} else if (!strcmp(list, "stage")) {
			GROW(d->stage_names, d->nstage_names, sc);
			d->stage_names[d->nstage_names++] = col_text(s, 1);
		} else {
			GROW(d->prompts, d->nprompts, pc);
			d->prompts[d->nprompts++] = col_text(s, 1);
		}
	}
	return rows_end(st, s, rc, "load lists", err);
}

static int load_links(struct jh_store *st, jh_id wid, struct jh_data *d, struct jh_err *err)
{
	/* Ordered by i.id (equal to l.idea_id): the order idea(workshop_id)
	 * yields, so SQLite does not sort the links. */
	sqlite3_stmt *s = stmt(st,
			       "SELECT l.idea_id, l.painpoint_id FROM idea_painpoint l"
			       " JOIN idea i ON i.id = l.idea_id WHERE i.workshop_id = ?1"
			       " ORDER BY i.id, l.painpoint_id",
			       ARGS(I64(wid)), err);
	size_t k = 0, cap = 0;
	int rc;

	if (!s)
		return -1;
	/* Ideas are ordered by id, so one merge pass attaches the links. */
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		jh_id iid = sqlite3_column_int64(s, 0);
		while (k < d->nideas && d->ideas[k].id < iid) {
			k++;
			cap = 0;
		}
		if (k == d->nideas)
			break;
		if (d->ideas[k].id != iid)
			continue;
		/* Most ideas have a link or two: GROW's 16 would be 128
		 * bytes each, 13 MB of 100 000 ideas. */
		if (d->ideas[k].npainpoints == cap) {
			cap = cap ? cap * 2 : 2;
			d->ideas[k].painpoints = util_xrealloc(
			    d->ideas[k].painpoints, cap * sizeof *d->ideas[k].painpoints);
		}
		d->ideas[k].painpoints[d->ideas[k].npainpoints++] = sqlite3_column_int64(s, 1);
	}
	return rows_end(st, s, rc, "load links", err);
}

/* The kinds in the order they are read; links follow their ideas. */
static const enum jh_kind load_order[] = {JH_PARTICIPANT, JH_STEP,	JH_JOURNEY, JH_STAGE,
					  JH_TOUCHPOINT,  JH_PAINPOINT, JH_IDEA,    JH_VOTE,
					  JH_ACTION,	  JH_PARKING,	JH_PERSONA};

static int load_items(struct jh_store *st, jh_id wid, struct jh_data *d, struct jh_err *err)
{
	for (size_t i = 0; i < sizeof load_order / sizeof load_order[0]; i++) {
		const struct jh_kind_def *k = kinds_get(load_order[i]);
		if (read_rows(st, k->kind, loads[k->kind].from, ARGS(I64(wid)),
			      (char *)d + k->items_offset,
			      (size_t *)(void *)((char *)d + k->count_offset), "load", err))
			return -1;
		if (k->kind == JH_IDEA && load_links(st, wid, d, err))
			return -1;
	}
	return 0;
}

static int load_workshop(struct jh_store *st, jh_id wid, struct jh_workshop *w, struct jh_err *err)
{
	struct jh_workshop *rows = NULL;
	size_t n = 0;
	int rc = read_rows(st, JH_WORKSHOP, loads[JH_WORKSHOP].from, ARGS(I64(wid)), &rows, &n,
			   "load workshop", err);

	if (!rc && n == 0)
		rc = err_set(err, _("no workshop with id %lld"), (long long)wid);
	/* At most one row: id is the workshop's primary key. */
	if (!rc)
		*w = rows[0];
	else if (n)
		model_workshop_free(&rows[0]);
	free(rows);
	return rc;
}

int store_load_people(struct jh_store *st, jh_id wid, struct jh_data *out, struct jh_err *err)
{
	memset(out, 0, sizeof *out);
	if (load_workshop(st, wid, &out->workshop, err) ||
	    read_rows(st, JH_PARTICIPANT, loads[JH_PARTICIPANT].from, ARGS(I64(wid)),
		      &out->participants, &out->nparticipants, "load", err)) {
		model_data_free(out);
		return -1;
	}
	return 0;
}

static int load_rounds(struct jh_store *st, jh_id wid, struct jh_data *out, struct jh_err *err);

/* How far the change feed was when the snapshot was taken. */
static int load_feed_seq(struct jh_store *st, struct jh_data *out, struct jh_err *err)
{
	int failed = 0;

	out->feed_seq = query_int(st, "SELECT max(seq) FROM change_feed", NOARGS, 0, err, &failed);
	return failed ? -1 : 0;
}

static int load_all_rows(struct jh_store *st, jh_id wid, struct jh_data *out, struct jh_err *err)
{
	return load_workshop(st, wid, &out->workshop, err) || load_lists(st, wid, out, err) ||
		       load_items(st, wid, out, err) || load_rounds(st, wid, out, err) ||
		       load_feed_seq(st, out, err)
		   ? -1
		   : 0;
}

/* Read into out with rows, in one read transaction (unless one is open):
 * the snapshot is consistent even while other terminals write. */
static int load_snapshot(struct jh_store *st, jh_id wid, struct jh_data *out,
			 int (*rows)(struct jh_store *, jh_id, struct jh_data *, struct jh_err *),
			 struct jh_err *err)
{
	memset(out, 0, sizeof *out);
	if (st->depth == 0 && exec_sql(st, "BEGIN", err))
		return -1;
	if (rows(st, wid, out, err)) {
		if (st->depth == 0)
			exec_sql(st, "ROLLBACK", NULL);
		model_data_free(out);
		return -1;
	}
	if (st->depth == 0)
		exec_sql(st, "COMMIT", NULL);
	return 0;
}

int store_load(struct jh_store *st, jh_id wid, struct jh_data *out, struct jh_err *err)
{
	return load_snapshot(st, wid, out, load_all_rows, err);
}

/* ------------------------------------------------------ workshop create */

static jh_id fresh_id(struct jh_store *st, const char *table, struct jh_err *err, int *failed);

/* Rows a workshop is created with take fresh ids too (see fresh_id). */
#define FRESH(table)                                                                               \
	do {                                                                                       \
		int failed_ = 0;                                                                   \
		id = fresh_id(st, table, err, &failed_);                                           \
		if (failed_)                                                                       \
			return -1;                                                                 \
	} while (0)

static int add_list(struct jh_store *st, jh_id wid, const char *list, char **values, size_t n,
		    struct jh_err *err)
{
	for (size_t i = 0; i < n; i++)
		if (run(st,
			"INSERT INTO workshop_list (workshop_id, list, position, value)"
			" VALUES (?1, ?2, ?3, ?4)",
			ARGS(I64(wid), TXT(list), I64(i), TXT(values[i])), err))
			return -1;
	return 0;
}

static int add_stage_row(struct jh_store *st, jh_id wid, jh_id jid, int pos, const char *name,
			 jh_id *sid, struct jh_err *err)
{
	jh_id id;

	FRESH("stage");
	if (run(st,
		"INSERT INTO stage (workshop_id, journey_id, position, name, id)"
		" VALUES (?1, ?2, ?3, ?4, ?5)",
		ARGS(I64(wid), I64(jid), I64(pos), TXT(name), I64(id)), err)) {
		if ((sqlite3_extended_errcode(st->db)) == SQLITE_CONSTRAINT_UNIQUE)
			err_set(err, _("stage \"%s\" appears twice in the journey"), name);
		return -1;
	}
	if (sid)
		*sid = sqlite3_last_insert_rowid(st->db);
	return 0;
}

static int add_starter_touchpoint(struct jh_store *st, jh_id wid, jh_id jid, jh_id sid, int pos,
				  const struct jh_tpl_touchpoint *tp, struct jh_err *err)
{
	jh_id id;

	FRESH("touchpoint");
	return run(st,
		   "INSERT INTO touchpoint (workshop_id, journey_id, stage_id, position,"
		   " name, channel, owner, score, reach, potential, id)"
		   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
		   ARGS(I64(wid), I64(jid), I64(sid), I64(pos), TXT(tp->name), TXT(tp->channel),
			TXT(tp->owner), I64(tp->score), I64(tp->reach), I64(tp->potential),
			I64(id)),
		   err);
}

static int create_starter_journey(struct jh_store *st, jh_id wid, int pos,
				  const struct jh_template *t, const struct jh_tpl_journey *j,
				  struct jh_err *err)
{
	char **stages = j->nstages ? j->stages : t->stages;
	size_t nstages = j->nstages ? j->nstages : t->nstages;
	jh_id jid, *sids, id;
	int *tpos;
	int rc = 0;

	FRESH("journey");
	if (run(st,
		"INSERT INTO journey (workshop_id, position, name, description, id)"
		" VALUES (?1, ?2, ?3, ?4, ?5)",
		ARGS(I64(wid), I64(pos), TXT(j->name), TXT(j->description), I64(id)), err))
		return -1;
	jid = sqlite3_last_insert_rowid(st->db);
	sids = util_xcalloc(nstages, sizeof *sids);
	tpos = util_xcalloc(nstages, sizeof *tpos);
	for (size_t i = 0; i < nstages && !rc; i++)
		rc = add_stage_row(st, wid, jid, (int)i, stages[i], &sids[i], err);
	for (size_t i = 0; i < j->ntouchpoints && !rc; i++) {
		const struct jh_tpl_touchpoint *tp = &j->touchpoints[i];
		size_t k;
		for (k = 0; k < nstages; k++)
			if (!strcmp(stages[k], tp->stage))
				break;
		if (k == nstages)
			rc = err_set(err, _("touchpoint \"%s\": no stage \"%s\" in journey \"%s\""),
				     tp->name, tp->stage, j->name);
		else
			rc = add_starter_touchpoint(st, wid, jid, sids[k], tpos[k]++, tp, err);
	}
	free(sids);
	free(tpos);
	return rc;
}

static int valid_workshop_name(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > 64)
		return 0;
	for (const char *p = name; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == '/' || *p == '\\' || *p == 0x7f)
			return 0;
	return 1;
}

static int add_workshop_row(struct jh_store *st, const char *name, const struct jh_template *t,
			    struct jh_err *err)
{
	char today[11];

	util_today(today);
	if (!run(st,
		 "INSERT INTO workshop (name, title, description, template, created, method,"
		 " dots_per_participant, max_dots_per_idea, anonymous_votes)"
		 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
		 ARGS(TXT(name), TXT(t->title), TXT(t->description), TXT(t->name), TXT(today),
		      TXT(t->method ? t->method : "impact-effort"), I64(t->dots_per_participant),
		      I64(t->max_dots_per_idea), I64(t->anonymous ? 1 : 0)),
		 err))
		return 0;
	if (sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_UNIQUE)
		err_set(err, _("a workshop named \"%s\" already exists in %s"), name, st->path);
	return -1;
}

static int add_steps(struct jh_store *st, jh_id wid, const struct jh_template *t,
		     struct jh_err *err)
{
	for (size_t i = 0; i < t->nsteps; i++) {
		const struct jh_tpl_step *p = &t->steps[i];
		jh_id id;
		FRESH("step");
		if (run(st,
			"INSERT INTO step (workshop_id, position, day, title, minutes, view,"
			" private, notes, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
			ARGS(I64(wid), I64(i), I64(p->day), TXT(p->title), I64(p->minutes),
			     TXT(p->view ? p->view : "agenda"), I64(p->private_ ? 1 : 0),
			     TXT(p->notes), I64(id)),
			err))
			return -1;
	}
	return 0;
}

static int create_workshop(struct jh_store *st, const char *name, const struct jh_template *t,
			   jh_id *wid, struct jh_err *err)
{
	if (add_workshop_row(st, name, t, err))
		return -1;
	*wid = sqlite3_last_insert_rowid(st->db);
	if (add_list(st, *wid, "stage", t->stages, t->nstages, err) ||
	    add_list(st, *wid, "channel", t->channels, t->nchannels, err) ||
	    add_list(st, *wid, "prompt", t->prompts, t->nprompts, err) ||
	    add_steps(st, *wid, t, err))
		return -1;
	for (size_t i = 0; i < t->njourneys; i++)
		if (create_starter_journey(st, *wid, (int)i, t, &t->journeys[i], err))
			return -1;
	return 0;
}

int store_workshop_create(struct jh_store *st, const char *name, const struct jh_template *t,
			  jh_id *id_out, struct jh_err *err)
{
	jh_id wid = 0;
	long long num;

	if (!valid_workshop_name(name))
		return err_set(err,
			       _("workshop name \"%s\": use 1 to 64 characters without spaces, "
				 "slashes or control characters"),
			       name);
	if (util_parse_int(name, &num) == 0)
		return err_set(err, _("workshop name \"%s\": a number would be mistaken for an id"),
			       name);
	if (IN_TX(st, err, create_workshop(st, name, t, &wid, err)))
		return -1;
	if (id_out)
		*id_out = wid;
	return 0;
}

/* A member's value in a model struct as a statement argument; a NULL
 * text takes the column's default ("" when it has none). */
static struct arg member_arg(const struct col *c, const void *item)
{
	const void *p = (const char *)item + c->offset;
	struct arg a = {ARG_INT, 0, NULL};

	if (c->how == KINDS_S_TEXT) {
		const char *t = *(char *const *)p;
		a = (struct arg){ARG_TEXT, 0, t ? t : c->dflt};
	} else if (c->how == KINDS_S_INT) {
		a.num = *(const int *)p;
	} else if (c->how == KINDS_S_ID) {
		a.num = *(const jh_id *)p;
	}
	if (c->flags & COL_BOOL)
		a.num = a.num ? 1 : 0;
	return a;
}

/* UPDATE every column of the workshop row but its keys (id, name) from
 * the struct, as kind_cols lists them. */
static int restore_row(struct jh_store *st, jh_id wid, const struct jh_workshop *w,
		       struct jh_err *err)
{
	struct col c[MAX_COLS];
	size_t ncols = kind_cols(JH_WORKSHOP, c), n = 0, len = 0;
	struct arg a[MAX_COLS + 1];
	char sql[1024];

	sql_cat(sql, sizeof sql, &len, "UPDATE workshop SET ");
	for (size_t i = 0; i < ncols; i++) {
		if (c[i].flags & COL_KEY)
			continue;
		sql_cat(sql, sizeof sql, &len, n ? ", " : "");
		sql_cat(sql, sizeof sql, &len, c[i].column);
		sql_cat(sql, sizeof sql, &len, " = ?");
		a[n++] = member_arg(&c[i], w);
	}
	sql_cat(sql, sizeof sql, &len, " WHERE id = ?");
	a[n++] = (struct arg)I64(wid);
	return run(st, sql, a, n, err);
}

int store_workshop_restore(struct jh_store *st, jh_id wid, const struct jh_workshop *w,
			   struct jh_err *err)
{
	return IN_TX(st, err,
		     one_row(st, restore_row(st, wid, w, err), err, _("no workshop with id %lld"),
			     (long long)wid));
}

int store_workshop_delete(struct jh_store *st, jh_id wid, struct jh_err *err)
{
	return IN_TX(st, err,
		     one_row(st, run(st, "DELETE FROM workshop WHERE id = ?1", ARGS(I64(wid)), err),
			     err, _("no workshop with id %lld"), (long long)wid));
}

/* ------------------------------------------------------- generic items */

static const struct jh_value *find_val(const struct jh_value *vals, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(vals[i].field->name, name))
			return &vals[i];
	return NULL;
}

static void bind_value(sqlite3_stmt *s, int idx, const struct jh_value *v)
{
	if (v->is_null)
		sqlite3_bind_null(s, idx);
	else if (v->field->type == JF_INT || v->field->type == JF_BOOL || v->field->type == JF_REF)
		sqlite3_bind_int64(s, idx, v->num);
	else /* STATIC: as in bind_one */
		sqlite3_bind_text(s, idx, v->text ? v->text : "", -1, SQLITE_STATIC);
}

/* Run a statement built from values (insert_stmt, update_row): the head
 * arguments, then the values that have a column, then the tail ones. */
static int run_vals(struct jh_store *st, sqlite3_stmt *s, const struct arg *head, size_t nhead,
		    const struct jh_value *vals, size_t nvals, const struct arg *tail, size_t ntail,
		    struct jh_err *err)
{
	int idx = 0;

	if (!s)
		return -1;
	for (size_t i = 0; i < nhead; i++)
		bind_one(s, ++idx, &head[i]);
	for (size_t i = 0; i < nvals; i++)
		if (vals[i].field->column)
			bind_value(s, ++idx, &vals[i]);
	for (size_t i = 0; i < ntail; i++)
		bind_one(s, ++idx, &tail[i]);
	return step_done(st, s, err);
}

/* Replace an idea's links. `fresh`: the idea was just inserted, so it has
 * none (foreign keys cascade them away with a deleted idea), and the
 * DELETE, which builds a temporary table each time, is skipped. */
static int set_links(struct jh_store *st, jh_id idea, const struct jh_value *v, int fresh,
		     struct jh_err *err)
{
	/* A pain point newly linked to an idea is used by it: a change its
	 * author's undo must not silently take away. */
	for (size_t i = 0; i < v->nids; i++)
		if (run(st,
			"UPDATE painpoint SET revision = revision + 1, changed_by = ?3"
			" WHERE id = ?2 AND NOT EXISTS (SELECT 1 FROM idea_painpoint"
			" WHERE idea_id = ?1 AND painpoint_id = ?2)",
			ARGS(I64(idea), I64(v->ids[i]), TXT(st->actor)), err))
			return -1;
	if (!fresh &&
	    run(st, "DELETE FROM idea_painpoint WHERE idea_id = ?1", ARGS(I64(idea)), err))
		return -1;
	for (size_t i = 0; i < v->nids; i++)
		if (run(st,
			"INSERT OR IGNORE INTO idea_painpoint (idea_id, painpoint_id) VALUES (?1, "
			"?2)",
			ARGS(I64(idea), I64(v->ids[i])), err))
			return -1;
	return 0;
}

/* Next free position in a scope: stages of a journey, touchpoints of a
 * stage, journeys or steps of a workshop. */
static int next_position(struct jh_store *st, enum jh_kind kind, jh_id wid,
			 const struct jh_value *vals, size_t n, struct jh_err *err)
{
	const struct jh_value *v = find_val(vals, n, kind == JH_STAGE ? "journey" : "stage");
	int scoped = kind == JH_STAGE || kind == JH_TOUCHPOINT, failed = 0;
	jh_id scope = scoped ? (v ? v->num : 0) : wid;
	char sql[128];
	long long r;

	snprintf(sql, sizeof sql, "SELECT coalesce(max(position) + 1, 0) FROM %s WHERE %s = ?1",
		 kinds_get(kind)->table,
		 kind == JH_STAGE ? "journey_id"
		 : scoped	  ? "stage_id"
				  : "workshop_id");
	r = query_int(st, sql, ARGS(I64(scope)), 0, err, &failed);
	return failed ? -1 : (int)r;
}

/* The id of the current agenda step, recorded on pain points and ideas so
 * private writing can be hidden until revealed. */
static jh_id current_step_id(struct jh_store *st, jh_id wid, struct jh_err *err, int *failed)
{
	jh_id id;

	/* Remembered under the write lock until a step or workshop row
	 * changes (on_change): it is asked once per imported row. */
	if (st->depth > 0 && st->step_known && st->step_wid == wid)
		return st->step_id;
	/* Two index lookups on step(workshop_id, position): ordering by
	 * "is current" would sort every step once per imported row. */
	id = query_int(
	    st,
	    "SELECT coalesce((SELECT id FROM step WHERE workshop_id = ?1 AND position ="
	    " (SELECT current_step FROM workshop WHERE id = ?1) ORDER BY id LIMIT 1),"
	    " (SELECT id FROM step WHERE workshop_id = ?1 ORDER BY position, id LIMIT 1))",
	    ARGS(I64(wid)), 0, err, failed);
	if (!*failed && st->depth > 0) {
		st->step_known = 1;
		st->step_wid = wid;
		st->step_id = id;
	}
	return id;
}

static int unique_error(struct jh_store *st, const struct jh_kind_def *k,
			const struct jh_value *vals, size_t n, struct jh_err *err)
{
	const struct jh_value *v = k->label_field ? find_val(vals, n, k->label_field) : NULL;

	if (sqlite3_extended_errcode(st->db) != SQLITE_CONSTRAINT_UNIQUE)
		return -1;
	if (v && v->text)
		return err_set(
		    err, _("a %s named \"%s\" already exists%s"), kinds_noun(k->kind, 1), v->text,
		    k->kind == JH_STAGE ? _(" in this journey") : _(" in this workshop"));
	return err_set(err, _("this %s already exists"), kinds_noun(k->kind, 1));
}

static int journey_stages(struct jh_store *st, jh_id wid, jh_id jid, const struct jh_value *v,
			  struct jh_err *err)
{
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

	if (v && v->is_null)
		return 0; /* the caller adds the stages itself */
	if (v && v->text && *v->text) {
		const char *p = v->text;
		while (*p) {
			const char *comma = strchr(p, ',');
			size_t len = comma ? (size_t)(comma - p) : strlen(p);
			while (len && (*p == ' ')) {
				p++;
				len--;
			}
			while (len && p[len - 1] == ' ')
				len--;
			if (len) {
				GROW(names, n, cap);
				names[n++] = util_xstrndup(p, len);
			}
			if (!comma)
				break;
			p = comma + 1;
		}
	} else {
		sqlite3_stmt *s = stmt(st,
				       "SELECT value FROM workshop_list WHERE workshop_id = ?1"
				       " AND list = 'stage' ORDER BY position",
				       ARGS(I64(wid)), err);
		if (!s)
			return -1;
		while (sqlite3_step(s) == SQLITE_ROW) {
			GROW(names, n, cap);
			names[n++] = col_text(s, 0);
		}
		sqlite3_reset(s);
	}
	for (size_t i = 0; i < n && !rc; i++)
		rc = add_stage_row(st, wid, jid, (int)i, names[i], NULL, err);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

static int vote_tx(struct jh_store *st, jh_id wid, jh_id pid, jh_id iid, int dots, int absolute,
		   jh_id *id_out, struct jh_err *err);

/* The id a new row of table gets: past every id the table holds or ever
 * held (retired_id), so a deleted item's id is never handed to another
 * and undoing the delete can bring it back under that id. */
static jh_id fresh_id(struct jh_store *st, const char *table, struct jh_err *err, int *failed)
{
	int kind = 0;
	char sql[256];
	jh_id id;

	while (kind < JH_WORKSHOP && strcmp(kinds_get((enum jh_kind)kind)->table, table))
		kind++;
	/* Under the write lock nobody else inserts: count on from the last. */
	if (st->depth > 0 && kind < JH_WORKSHOP && st->next_id[kind].gen == st->gen &&
	    st->next_id[kind].next)
		return st->next_id[kind].next++;
	snprintf(sql, sizeof sql,
		 "SELECT max(coalesce((SELECT max(id) FROM %s), 0),"
		 " coalesce((SELECT high FROM retired_id WHERE tbl = ?1), 0)) + 1",
		 table);
	id = query_int(st, sql, ARGS(TXT(table)), 0, err, failed);
	if (!*failed && st->depth > 0 && kind < JH_WORKSHOP) {
		st->next_id[kind].next = id + 1;
		st->next_id[kind].gen = st->gen;
	}
	return id;
}

/* A new item's UUID, the same text UUID_SQL makes from the same random
 * bytes taken in the same order (so a seeded run repeats its UUIDs), at a
 * fraction of the cost of the SQL functions, which an import pays per row. */
static void fresh_uuid(char out[37])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[16];
	sqlite3_int64 r;
	size_t o = 0;

	sqlite3_randomness(4, b);
	sqlite3_randomness(2, b + 4);
	sqlite3_randomness(2, b + 6);
	sqlite3_randomness(sizeof r, &r);
	sqlite3_randomness(2, b + 8);
	sqlite3_randomness(6, b + 10);
	if (r < 0) /* as SQL's random() */
		r = -(r & INT64_MAX);
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		/* The third and fourth groups keep the low three digits of
		 * their two bytes, after the version digit and the variant. */
		if (i == 6)
			out[o++] = '4';
		else if (i == 8)
			out[o++] = "89ab"[llabs(r % 4)];
		if (i != 6 && i != 8)
			out[o++] = hex[b[i] >> 4];
		out[o++] = hex[b[i] & 15];
	}
	out[o] = '\0';
}

/* The prepared INSERT of kind k for the columns of vals (in their order)
 * and the extra columns in flags. The text is built and hashed once per
 * shape (struct insert_memo); the statement itself stays in the cache. */
static sqlite3_stmt *insert_stmt(struct jh_store *st, const struct jh_kind_def *k,
				 const struct jh_value *vals, size_t nvals, unsigned flags,
				 struct jh_err *err)
{
	const struct jh_field_def *cols[MEMO_COLS] = {NULL};
	struct insert_memo *m;
	size_t ncols = 0, len = 0;
	int memo = 1, nparam;
	sqlite3_stmt *s;
	char sql[2048];

	for (size_t i = 0; i < nvals && memo; i++) {
		if (!vals[i].field->column)
			continue;
		if (ncols == MEMO_COLS)
			memo = 0;
		else
			cols[ncols++] = vals[i].field;
	}
	for (size_t i = 0; memo && i < MEMO_SLOTS; i++) {
		m = &st->memo[i];
		if (m->sql && m->kind == k->kind && m->flags == flags && m->ncols == ncols &&
		    !memcmp(m->cols, cols, ncols * sizeof *cols))
			return prep_hashed(st, m->sql, m->hash, err);
	}
	sql_cat(sql, sizeof sql, &len, "INSERT INTO ");
	sql_cat(sql, sizeof sql, &len, k->table);
	sql_cat(sql, sizeof sql, &len, " (workshop_id");
	if (flags & MEMO_ID)
		sql_cat(sql, sizeof sql, &len, ", id");
	nparam = 1 + !!(flags & MEMO_ID) + !!(flags & MEMO_POSITION) + !!(flags & MEMO_STEP);
	for (size_t i = 0; i < nvals; i++) {
		if (vals[i].field->column) {
			sql_cat(sql, sizeof sql, &len, ", ");
			sql_cat(sql, sizeof sql, &len, vals[i].field->column);
			nparam++;
		}
	}
	if (flags & MEMO_POSITION)
		sql_cat(sql, sizeof sql, &len, ", position");
	if (flags & MEMO_STEP)
		sql_cat(sql, sizeof sql, &len, ", step_id");
	if (flags & MEMO_UUID)
		sql_cat(sql, sizeof sql, &len, ", uuid");
	sql_cat(sql, sizeof sql, &len, ") VALUES (?");
	for (int i = 1; i < nparam; i++)
		sql_cat(sql, sizeof sql, &len, ", ?");
	/* Made in the INSERT itself (fresh_uuid): the trigger's UPDATE would
	 * write every imported row twice. */
	if (flags & MEMO_UUID)
		sql_cat(sql, sizeof sql, &len, ", ?");
	sql_cat(sql, sizeof sql, &len, ")");
	s = prep(st, sql, err);
	if (s && memo && len < sizeof sql) {
		m = &st->memo[st->memo_next++ % MEMO_SLOTS];
		free(m->sql);
		*m = (struct insert_memo){.kind = k->kind, .flags = flags, .ncols = ncols};
		memcpy(m->cols, cols, ncols * sizeof *cols);
		m->sql = util_xstrdup(sql);
		m->hash = sql_hash(sql);
	}
	return s;
}

static int update_row(struct jh_store *st, const struct jh_kind_def *k, jh_id wid, jh_id id,
		      const struct jh_value *vals, size_t nvals, struct jh_err *err);
static int delete_row(struct jh_store *st, const struct jh_kind_def *k, jh_id wid, jh_id id,
		      struct jh_err *err);
/* -------------------------------------------------------- agenda order
 *
 * Step positions stay 0..n-1, dense and unique, and the current step stays
 * the same step across any add, delete or move: each change renumbers the
 * agenda and moves current_step with its step inside its own transaction,
 * so no terminal ever loads an agenda with a gap, a twin or a current
 * step past the end. */

/* The step at the current position (the first by id of any twins, as
 * store_load orders them); 0 when none is. */
static jh_id step_current(struct jh_store *st, jh_id wid, struct jh_err *err, int *failed)
{
	return query_int(st,
			 "SELECT s.id FROM step s JOIN workshop w ON w.id = s.workshop_id"
			 " WHERE w.id = ?1 AND s.position = w.current_step ORDER BY s.id LIMIT 1",
			 ARGS(I64(wid)), 0, err, failed);
}

/* Renumber 0..n-1 in agenda order; among equal positions step `id` sorts
 * first (tie < 0) or last (tie > 0): that is where an inserted or moved
 * step lands. */
static int step_renumber(struct jh_store *st, jh_id wid, jh_id id, int tie, struct jh_err *err)
{
	return run(st,
		   "UPDATE step SET position = r.n FROM (SELECT id, row_number() OVER"
		   " (ORDER BY position, CASE WHEN id = ?2 THEN ?3 ELSE 0 END, id) - 1 AS n"
		   " FROM step WHERE workshop_id = ?1) AS r"
		   " WHERE step.id = r.id AND step.position <> r.n",
		   ARGS(I64(wid), I64(id), I64(tie)), err);
}

/* current_step back on step cur; when cur is gone (deleted, or there was
 * none), the step now in its place is current, and a step that was
 * deleted while current takes its timer with it (fresh). */
static int step_follow(struct jh_store *st, jh_id wid, jh_id cur, int fresh, struct jh_err *err)
{
	if (run(st,
		"UPDATE workshop SET current_step = (SELECT position FROM step WHERE id = ?2)"
		" WHERE id = ?1 AND EXISTS (SELECT 1 FROM step WHERE id = ?2 AND workshop_id = ?1)",
		ARGS(I64(wid), I64(cur)), err))
		return -1;
	if (sqlite3_changes(st->db) == 1)
		return 0;
	return run(st,
		   "UPDATE workshop SET current_step = max(0, min(current_step,"
		   " (SELECT count(*) FROM step WHERE workshop_id = ?1) - 1)),"
		   " timer_running = CASE WHEN ?2 THEN 0 ELSE timer_running END,"
		   " timer_started = CASE WHEN ?2 THEN 0 ELSE timer_started END,"
		   " timer_elapsed = CASE WHEN ?2 THEN 0 ELSE timer_elapsed END WHERE id = ?1",
		   ARGS(I64(wid), I64(fresh)), err);
}

/* Before a step is added: the current step, and the agenda made dense so
 * the new step's position (or max + 1) is a place in 0..n. A step put
 * back under its own id (a YAML import, an undo) keeps its position as
 * given: the import is lossless, gaps of the file included. */
static int step_before_add(struct jh_store *st, jh_id wid, int restore, jh_id *cur,
			   struct jh_err *err)
{
	int failed = 0;

	*cur = step_current(st, wid, err, &failed);
	return failed || (!restore && step_renumber(st, wid, 0, 0, err)) ? -1 : 0;
}

/* After: the new step goes before the one that had its position (a
 * position past the end appends; a restored one pushes the steps from
 * its place on up by one, if its place was taken), and the current step
 * stays itself. */
static int step_after_add(struct jh_store *st, jh_id wid, jh_id id, int restore, jh_id cur,
			  struct jh_err *err)
{
	if (restore)
		return run(st,
			   "UPDATE step SET position = position + 1 WHERE workshop_id = ?1"
			   " AND id <> ?2 AND position >= (SELECT position FROM step WHERE id = ?2)"
			   " AND EXISTS (SELECT 1 FROM step WHERE workshop_id = ?1 AND id <> ?2"
			   " AND position = (SELECT position FROM step WHERE id = ?2))",
			   ARGS(I64(wid), I64(id)), err) ||
		       step_follow(st, wid, cur, 0, err);
	return step_renumber(st, wid, id, -1, err) || step_follow(st, wid, cur, 0, err);
}

/* A step's set: position= moves it to that place (0..n-1; others shift),
 * refused past the end so a typo cannot silently reorder the agenda. */
static int step_set(struct jh_store *st, const struct jh_kind_def *k, jh_id wid, jh_id id,
		    const struct jh_value *vals, size_t nvals, struct jh_err *err)
{
	const struct jh_value *p = find_val(vals, nvals, "position");
	int failed = 0;
	jh_id cur = step_current(st, wid, err, &failed);
	long long n, from;

	if (failed || step_renumber(st, wid, 0, 0, err))
		return -1;
	n = query_int(st, "SELECT count(*) FROM step WHERE workshop_id = ?1", ARGS(I64(wid)), 0,
		      err, &failed);
	from = query_int(st, "SELECT position FROM step WHERE id = ?1 AND workshop_id = ?2",
			 ARGS(I64(id), I64(wid)), -1, err, &failed);
	if (failed)
		return -1;
	if (p && from >= 0 && p->num >= n)
		return err_set(
		    err, _("position=%lld: the agenda has %lld steps, at positions 0 to %lld"),
		    (long long)p->num, n, n - 1);
	if (update_row(st, k, wid, id, vals, nvals, err))
		return -1;
	/* Moving down it goes after the step it lands on, moving up before. */
	return step_renumber(st, wid, id, p && p->num > from ? 1 : -1, err) ||
	       step_follow(st, wid, cur, 0, err);
}

static int step_delete(struct jh_store *st, const struct jh_kind_def *k, jh_id wid, jh_id id,
		       struct jh_err *err)
{
	int failed = 0;
	jh_id cur = step_current(st, wid, err, &failed);

	if (failed || delete_row(st, k, wid, id, err))
		return -1;
	return step_renumber(st, wid, 0, 0, err) || step_follow(st, wid, cur, cur == id, err);
}

/* Record who added a row (an import on the command line names nobody). */
static int mark_changer(struct jh_store *st, const struct jh_kind_def *k, jh_id id,
			struct jh_err *err)
{
	char sql[96];

	snprintf(sql, sizeof sql, "UPDATE %s SET changed_by = ?1 WHERE id = ?2", k->table);
	return run(st, sql, ARGS(TXT(st->actor), I64(id)), err);
}

/* What the uuid trigger, taken off by a bulk write, does for a row added
 * with an empty UUID. */
static int give_uuid(struct jh_store *st, const struct jh_kind_def *k, jh_id id, struct jh_err *err)
{
	char sql[96], uuid[37];

	fresh_uuid(uuid);
	snprintf(sql, sizeof sql, "UPDATE %s SET uuid = ?1 WHERE id = ?2", k->table);
	return run(st, sql, ARGS(TXT(uuid), I64(id)), err);
}

static int blank_uuid(struct jh_store *st, const struct jh_kind_def *k, const struct jh_value *vals,
		      size_t nvals, jh_id id, struct jh_err *err)
{
	const struct jh_value *v = find_val(vals, nvals, "uuid");

	return !v || v->is_null || (v->text && *v->text) ? 0 : give_uuid(st, k, id, err);
}

static int item_insert(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id want_id,
		       const struct jh_value *vals, size_t nvals, jh_id *id_out, struct jh_err *err)
{
	const struct jh_kind_def *k = kinds_get(kind);
	int pos = -1, failed = 0;
	jh_id step_id = 0, id, cur = 0;
	struct arg head[2] = {I64(wid), I64(want_id)}, tail[3];
	size_t ntail = 0;
	/* Bound through tail[] after the block that fills it: it must live
	 * as long as the function. */
	/* cppcheck-suppress variableScope */
	char uuid[37];
	unsigned uuid_flag = find_val(vals, nvals, "uuid") ? 0 : MEMO_UUID;
	sqlite3_stmt *s;
	int need_pos =
	    kind == JH_STAGE || kind == JH_TOUCHPOINT || kind == JH_JOURNEY || kind == JH_STEP;
	/* A caller's id puts an item back (an import, an undo); a fresh one
	 * is chosen below. */
	int restore = want_id != 0;

	if (!k || kind == JH_WORKSHOP)
		return err_set(err, _("cannot add items of this kind"));
	if (kind == JH_STEP && step_before_add(st, wid, restore, &cur, err))
		return -1;
	if (need_pos && !find_val(vals, nvals, "position")) {
		pos = next_position(st, kind, wid, vals, nvals, err);
		if (pos < 0)
			return -1;
	}
	if ((kind == JH_PAINPOINT || kind == JH_IDEA) && !find_val(vals, nvals, "step")) {
		step_id = current_step_id(st, wid, err, &failed);
		if (failed)
			return -1;
	}
	if (!want_id) {
		want_id = fresh_id(st, k->table, err, &failed);
		if (failed)
			return -1;
	} else {
		/* An id chosen by the caller may lie past the counted ones. */
		st->next_id[kind].gen = st->gen - 1;
	}
	if (pos >= 0)
		tail[ntail++] = (struct arg)I64(pos);
	if (step_id)
		tail[ntail++] = (struct arg)I64(step_id);
	if (uuid_flag) {
		fresh_uuid(uuid);
		tail[ntail++] = (struct arg)TXT(uuid);
	}
	s = insert_stmt(
	    st, k, vals, nvals,
	    MEMO_ID | (pos >= 0 ? MEMO_POSITION : 0) | (step_id ? MEMO_STEP : 0) | uuid_flag, err);
	head[1] = (struct arg)I64(want_id);
	if (run_vals(st, s, head, 2, vals, nvals, tail, ntail, err)) {
		if (sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_PRIMARYKEY)
			return err_set(err, _("%s %lld already exists"), kinds_noun(k->kind, 1),
				       (long long)want_id);
		unique_error(st, k, vals, nvals, err);
		return -1;
	}
	id = sqlite3_last_insert_rowid(st->db);
	st->last_rev = 1;
	if (!uuid_flag && st->bulk_table == k->table && blank_uuid(st, k, vals, nvals, id, err))
		return -1;
	if ((kind == JH_STEP && step_after_add(st, wid, id, restore, cur, err)) ||
	    (st->actor[0] && mark_changer(st, k, id, err)))
		return -1;
	if (kind == JH_JOURNEY && journey_stages(st, wid, id, find_val(vals, nvals, "stages"), err))
		return -1;
	if (kind == JH_IDEA) {
		const struct jh_value *v = find_val(vals, nvals, "painpoints");
		if (v && set_links(st, id, v, 1, err))
			return -1;
	}
	if (id_out)
		*id_out = id;
	return 0;
}

static int single_statement(enum jh_kind kind, const struct jh_value *vals, size_t nvals)
{
	if (kind == JH_JOURNEY || kind == JH_STEP)
		return 0;
	if (kind == JH_IDEA)
		return !find_val(vals, nvals, "painpoints");
	return 1;
}

static int add_common(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id want_id,
		      const struct jh_value *vals, size_t nvals, jh_id *id_out, struct jh_err *err)
{
	if (kind == JH_VOTE && !want_id) {
		const struct jh_value *p = find_val(vals, nvals, "participant");
		const struct jh_value *i = find_val(vals, nvals, "idea");
		const struct jh_value *d = find_val(vals, nvals, "dots");
		if (!p || !i)
			return err_set(err, _("a vote needs idea= and participant="));
		return vote_tx(st, wid, p->num, i->num, d ? (int)d->num : 1, 0, id_out, err);
	}
	/* Inside a batch, an item that is one INSERT needs no savepoint of
	 * its own: SQLite undoes a failed statement by itself. Journeys
	 * (stages) and ideas (links) write several rows and keep one. */
	if (st->depth > 0 && single_statement(kind, vals, nvals))
		return item_insert(st, wid, kind, want_id, vals, nvals, id_out, err);
	return IN_TX(st, err, item_insert(st, wid, kind, want_id, vals, nvals, id_out, err));
}

int store_item_add(struct jh_store *st, jh_id wid, enum jh_kind kind, const struct jh_value *vals,
		   size_t nvals, jh_id *id_out, struct jh_err *err)
{
	return add_common(st, wid, kind, 0, vals, nvals, id_out, err);
}

int store_item_add_with_id(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id id,
			   const struct jh_value *vals, size_t nvals, struct jh_err *err)
{
	if (id <= 0)
		return err_set(err, _("invalid id %lld"), (long long)id);
	return add_common(st, wid, kind, id, vals, nvals, NULL, err);
}

int store_item_exists(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id id)
{
	const struct jh_kind_def *k = kinds_get(kind);
	char sql[160];
	int failed = 0;

	struct known_slot *slot = &st->known[((uint64_t)id * 31u + (unsigned)kind) % KNOWN_CACHE];
	int found;

	if (!k || kind == JH_WORKSHOP)
		return kind == JH_WORKSHOP && id == wid;
	/* An import checks the same few touchpoints and participants for
	 * every row. Only remembered under the write lock (depth > 0). */
	if (st->depth > 0 && slot->gen == st->gen && slot->id == id && slot->wid == wid &&
	    slot->kind == (int)kind)
		return 1;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE id = ?1 AND workshop_id = ?2",
		 k->table);
	found = query_int(st, sql, ARGS(I64(id), I64(wid)), 0, NULL, &failed) == 1;
	if (found && st->depth > 0)
		*slot =
		    (struct known_slot){.wid = wid, .id = id, .gen = st->gen, .kind = (int)kind};
	return found;
}

jh_id store_item_journey(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id id)
{
	char sql[96];
	int failed = 0;

	if (kind != JH_STAGE && kind != JH_TOUCHPOINT)
		return 0;
	snprintf(sql, sizeof sql, "SELECT journey_id FROM %s WHERE id = ?1 AND workshop_id = ?2",
		 kinds_get(kind)->table);
	return query_int(st, sql, ARGS(I64(id), I64(wid)), 0, NULL, &failed);
}

jh_id store_item_only(struct jh_store *st, jh_id wid, enum jh_kind kind)
{
	const struct jh_kind_def *k = kinds_get(kind);
	char sql[160];
	int failed = 0;

	if (!k || kind == JH_WORKSHOP)
		return 0;
	snprintf(
	    sql, sizeof sql,
	    "SELECT CASE WHEN count(*) = 1 THEN max(id) ELSE 0 END FROM %s WHERE workshop_id = ?1",
	    k->table);
	return query_int(st, sql, ARGS(I64(wid)), 0, NULL, &failed);
}

long long store_item_count(struct jh_store *st, jh_id wid, enum jh_kind kind)
{
	const struct jh_kind_def *k = kinds_get(kind);
	char sql[128];
	int failed = 0;
	long long n;

	if (!k || kind == JH_WORKSHOP)
		return -1;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE workshop_id = ?1", k->table);
	n = query_int(st, sql, ARGS(I64(wid)), 0, NULL, &failed);
	return failed ? -1 : n;
}

/* Changing a vote's dots goes through the budget check. */
static int set_vote(struct jh_store *st, jh_id wid, jh_id id, const struct jh_value *vals,
		    size_t nvals, struct jh_err *err)
{
	const struct jh_value *d = find_val(vals, nvals, "dots");
	int failed = 0;
	jh_id pid, iid;

	if (!d || nvals != 1)
		return err_set(err, _("only the dots of a vote can be changed"));
	pid = query_int(st, "SELECT participant_id FROM vote WHERE id = ?1 AND workshop_id = ?2",
			ARGS(I64(id), I64(wid)), 0, err, &failed);
	iid = query_int(st, "SELECT idea_id FROM vote WHERE id = ?1 AND workshop_id = ?2",
			ARGS(I64(id), I64(wid)), 0, err, &failed);
	if (failed)
		return -1;
	if (!pid)
		return err_set(err, _("no vote %lld in this workshop"), (long long)id);
	return vote_tx(st, wid, pid, iid, (int)d->num, 1, NULL, err);
}

/* The UPDATE of an item's row for the values that have a column. */
static int update_row(struct jh_store *st, const struct jh_kind_def *k, jh_id wid, jh_id id,
		      const struct jh_value *vals, size_t nvals, struct jh_err *err)
{
	struct arg keys[3] = {TXT(st->actor), I64(id), I64(wid)};
	char sql[2048];
	size_t len = 0, ncols = 0;

	sql_cat(sql, sizeof sql, &len, "UPDATE ");
	sql_cat(sql, sizeof sql, &len, k->table);
	sql_cat(sql, sizeof sql, &len, " SET ");
	for (size_t i = 0; i < nvals; i++) {
		if (!vals[i].field->column)
			continue;
		sql_cat(sql, sizeof sql, &len, ncols++ ? ", " : "");
		sql_cat(sql, sizeof sql, &len, vals[i].field->column);
		sql_cat(sql, sizeof sql, &len, " = ?");
	}
	/* Every change is a new revision, even one that writes no column
	 * (an idea's links): an editor who started from the old one must
	 * see it. */
	sql_cat(sql, sizeof sql, &len, ncols ? ", " : "");
	sql_cat(sql, sizeof sql, &len, "revision = revision + 1, changed_by = ?");
	sql_cat(sql, sizeof sql, &len,
		k->kind == JH_WORKSHOP ? " WHERE id = ?" : " WHERE id = ? AND workshop_id = ?");
	if (run_vals(st, prep(st, sql, err), NULL, 0, vals, nvals, keys,
		     k->kind == JH_WORKSHOP ? 2 : 3, err)) {
		unique_error(st, k, vals, nvals, err);
		return -1;
	}
	return one_row(st, 0, err, _("no %s %lld in this workshop"), kinds_noun(k->kind, 1),
		       (long long)id);
}

static int links_of(const struct jh_value *vals, size_t nvals)
{
	for (size_t i = 0; i < nvals; i++)
		if (!vals[i].field->column && vals[i].field->type == JF_IDLIST)
			return (int)i;
	return -1;
}

/* ------------------------------------------------ the budget and the cap */

/* The new budget and cap: from vals, else the workshop's own. */
static int new_limits(struct jh_store *st, jh_id wid, const struct jh_value *vals, size_t nvals,
		      long long *budget, long long *cap, struct jh_err *err)
{
	const struct jh_value *b = find_val(vals, nvals, "dots");
	const struct jh_value *c = find_val(vals, nvals, "max_dots");
	int failed = 0;

	*budget = b ? b->num
		    : query_int(st, "SELECT dots_per_participant FROM workshop WHERE id = ?1",
				ARGS(I64(wid)), 0, err, &failed);
	*cap = c ? c->num
		 : query_int(st, "SELECT max_dots_per_idea FROM workshop WHERE id = ?1",
			     ARGS(I64(wid)), 0, err, &failed);
	return failed ? -1 : 0;
}

/* Everyone's dots as one limit sees them (sum or max); names copied. */
/* Who has spent what, with the names owned in names[] (the spenders'
 * name pointers only borrow them). */
static int spenders(struct jh_store *st, jh_id wid, enum session_limit which,
		    struct session_spender **out, char ***names, size_t *n, struct jh_err *err)
{
	sqlite3_stmt *s = stmt(st,
			       which == SESSION_LIMIT_BUDGET
				   ? "SELECT p.name, sum(v.dots) FROM vote v JOIN participant p"
				     " ON p.id = v.participant_id WHERE v.workshop_id = ?1"
				     " GROUP BY v.participant_id ORDER BY p.id"
				   : "SELECT p.name, max(v.dots) FROM vote v JOIN participant p"
				     " ON p.id = v.participant_id WHERE v.workshop_id = ?1"
				     " GROUP BY v.participant_id ORDER BY p.id",
			       ARGS(I64(wid)), err);
	int rc;

	*out = NULL;
	*names = NULL;
	*n = 0;
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		*out = util_xrealloc(*out, (*n + 1) * sizeof **out);
		*names = util_xrealloc(*names, (*n + 1) * sizeof **names);
		(*names)[*n] = util_xstrdup(name ? name : "");
		(*out)[(*n)++].dots = sqlite3_column_int64(s, 1);
	}
	for (size_t i = 0; i < *n; i++)
		(*out)[i].name = (*names)[i];
	return rows_end(st, s, rc, "read votes", err);
}

static void spenders_free(struct session_spender *s, char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(s);
}

static int limit_holds(struct jh_store *st, jh_id wid, enum session_limit which, long long limit,
		       struct jh_err *err)
{
	struct session_spender *s;
	char **names;
	size_t n;
	int rc = spenders(st, wid, which, &s, &names, &n, err);

	if (!rc)
		rc = session_limit_check(which, limit, s, n, err);
	spenders_free(s, names, n);
	return rc;
}

/* A settings change may not lower a limit below what is spent. */
static int limits_hold(struct jh_store *st, jh_id wid, const struct jh_value *vals, size_t nvals,
		       struct jh_err *err)
{
	long long budget, cap;

	if (!find_val(vals, nvals, "dots") && !find_val(vals, nvals, "max_dots"))
		return 0;
	if (new_limits(st, wid, vals, nvals, &budget, &cap, err))
		return -1;
	return limit_holds(st, wid, SESSION_LIMIT_BUDGET, budget, err) ||
	       limit_holds(st, wid, SESSION_LIMIT_CAP, cap, err);
}

/* The participants over the budget and by how much. */
static int over_budget(struct jh_store *st, jh_id wid, long long budget, jh_id **pids,
		       long long **excess, size_t *n, struct jh_err *err)
{
	sqlite3_stmt *s =
	    stmt(st,
		 "SELECT participant_id, sum(dots) - ?2 FROM vote WHERE workshop_id = ?1"
		 " GROUP BY participant_id HAVING sum(dots) > ?2",
		 ARGS(I64(wid), I64(budget)), err);
	int rc;

	*pids = NULL;
	*excess = NULL;
	*n = 0;
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*pids = util_xrealloc(*pids, (*n + 1) * sizeof **pids);
		*excess = util_xrealloc(*excess, (*n + 1) * sizeof **excess);
		(*pids)[*n] = sqlite3_column_int64(s, 0);
		(*excess)[(*n)++] = sqlite3_column_int64(s, 1);
	}
	return rows_end(st, s, rc, "read votes", err);
}

/* Take `excess` dots from participant pid's newest votes first. */
static int trim_participant(struct jh_store *st, jh_id pid, long long excess, struct jh_err *err)
{
	while (excess > 0) {
		int failed = 0;
		jh_id vid = query_int(st, "SELECT max(id) FROM vote WHERE participant_id = ?1",
				      ARGS(I64(pid)), 0, err, &failed);
		long long dots = query_int(st, "SELECT dots FROM vote WHERE id = ?1",
					   ARGS(I64(vid)), 0, err, &failed);
		long long take = dots < excess ? dots : excess;
		if (failed || !vid)
			return failed ? -1 : 0;
		/* All of the vote's dots go: the vote goes. */
		if (dots <= excess ? run(st, "DELETE FROM vote WHERE id = ?1", ARGS(I64(vid)), err)
				   : run(st, "UPDATE vote SET dots = dots - ?2 WHERE id = ?1",
					 ARGS(I64(vid), I64(take)), err))
			return -1;
		excess -= take;
	}
	return 0;
}

static int trim(struct jh_store *st, jh_id wid, const struct jh_value *vals, size_t nvals,
		long long *removed, struct jh_err *err)
{
	long long budget, cap, before, after;
	jh_id *pids;
	long long *excess;
	size_t n;
	int failed = 0, rc = 0;

	if (new_limits(st, wid, vals, nvals, &budget, &cap, err))
		return -1;
	before = query_int(st, "SELECT coalesce(sum(dots), 0) FROM vote WHERE workshop_id = ?1",
			   ARGS(I64(wid)), 0, err, &failed);
	if (failed ||
	    (cap > 0 && run(st, "UPDATE vote SET dots = ?2 WHERE workshop_id = ?1 AND dots > ?2",
			    ARGS(I64(wid), I64(cap)), err)))
		return -1;
	if (over_budget(st, wid, budget, &pids, &excess, &n, err))
		return -1;
	for (size_t i = 0; !rc && i < n; i++)
		rc = trim_participant(st, pids[i], excess[i], err);
	free(pids);
	free(excess);
	if (rc || run(st,
		      "UPDATE workshop SET dots_per_participant = ?2, max_dots_per_idea = ?3"
		      " WHERE id = ?1",
		      ARGS(I64(wid), I64(budget), I64(cap)), err))
		return -1;
	after = query_int(st, "SELECT coalesce(sum(dots), 0) FROM vote WHERE workshop_id = ?1",
			  ARGS(I64(wid)), 0, err, &failed);
	if (removed)
		*removed = before - after;
	return failed ? -1 : 0;
}

int store_workshop_trim(struct jh_store *st, jh_id wid, const struct jh_value *vals, size_t nvals,
			long long *removed, struct jh_err *err)
{
	return IN_TX(st, err, trim(st, wid, vals, nvals, removed, err));
}

int store_item_set(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id id,
		   const struct jh_value *vals, size_t nvals, struct jh_err *err)
{
	return store_item_set_if(st, wid, kind, id, 0, vals, nvals, err);
}

static int read_revision(struct jh_store *st, const struct jh_kind_def *k, jh_id wid, jh_id id,
			 struct store_rev *out, struct jh_err *err)
{
	char sql[160];
	sqlite3_stmt *s;
	int rc;

	snprintf(sql, sizeof sql, "SELECT revision, changed_by FROM %s WHERE id = ?1%s", k->table,
		 k->kind == JH_WORKSHOP ? "" : " AND workshop_id = ?2");
	s = stmt(st, sql, ARGS(I64(id), I64(wid)), err);
	if (!s)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const unsigned char *by = sqlite3_column_text(s, 1);
		out->revision = sqlite3_column_int64(s, 0);
		snprintf(out->by, sizeof out->by, "%s", by ? (const char *)by : "");
	}
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return db_error(st, err, "read");
	return err_set(err, _("no %s %lld in this workshop"), kinds_noun(k->kind, 1),
		       (long long)id);
}

int store_item_revision(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id id,
			struct store_rev *out, struct jh_err *err)
{
	const struct jh_kind_def *k = kinds_get(kind);

	memset(out, 0, sizeof *out);
	if (!k)
		return err_set(err, _("unknown kind"));
	return read_revision(st, k, wid, kind == JH_WORKSHOP ? wid : id, out, err);
}

/* Refuse a change made from revision base when the row has moved on. */
static int check_base(struct jh_store *st, const struct jh_kind_def *k, jh_id wid, jh_id id,
		      long long base, struct jh_err *err)
{
	struct store_rev r;

	if (base <= 0)
		return 0;
	if (read_revision(st, k, wid, id, &r, err))
		return -1;
	if (r.revision == base)
		return 0;
	st->conflict = 1;
	return err_set(err,
		       _("%s %lld was changed by %s since revision %lld (now %lld); not saved"),
		       kinds_noun(k->kind, 1), (long long)id, r.by[0] ? r.by : _("someone else"),
		       base, r.revision);
}

static int set_row(struct jh_store *st, const struct jh_kind_def *k, jh_id wid, jh_id id,
		   long long base, const struct jh_value *vals, size_t nvals, struct jh_err *err)
{
	int links = links_of(vals, nvals);
	struct store_rev r;

	if (check_base(st, k, wid, id, base, err) ||
	    (k->kind == JH_WORKSHOP && limits_hold(st, wid, vals, nvals, err)) ||
	    (k->kind == JH_STEP ? step_set(st, k, wid, id, vals, nvals, err)
				: update_row(st, k, wid, id, vals, nvals, err)) ||
	    (links >= 0 && set_links(st, id, &vals[links], 0, err)) ||
	    read_revision(st, k, wid, id, &r, err))
		return -1;
	st->last_rev = r.revision;
	return 0;
}

int store_item_set_if(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id id, long long base,
		      const struct jh_value *vals, size_t nvals, struct jh_err *err)
{
	const struct jh_kind_def *k = kinds_get(kind);
	int rc;

	st->conflict = 0;
	st->last_rev = 0;
	if (!k)
		return err_set(err, _("unknown kind"));
	if (kind == JH_VOTE)
		return set_vote(st, wid, id, vals, nvals, err);
	if (kind == JH_WORKSHOP)
		id = wid;
	if (find_val(vals, nvals, "stages"))
		return err_set(err,
			       _("stages of an existing journey are items: use add/set/rm stage"));
	rc = IN_TX(st, err, set_row(st, k, wid, id, base, vals, nvals, err));
	return rc && st->conflict ? STORE_CONFLICT : rc;
}

void store_set_actor(struct jh_store *st, const char *name)
{
	snprintf(st->actor, sizeof st->actor, "%s", name ? name : "");
}

long long store_last_revision(const struct jh_store *st)
{
	return st->last_rev;
}

/* What must go before an item can: a table, the column that points at the
 * item, and how to name the dependants in the message. */
struct dependant {
	enum jh_kind kind;
	const char *sql;
	const char *what;
	const char *what_one; /* the singular: "1 pain points" reads wrong */
};

static const struct dependant dependants[] = {
    {JH_PARTICIPANT, "SELECT count(*) FROM vote WHERE participant_id = ?1", N_("votes"),
     N_("vote")},
    {JH_JOURNEY, "SELECT count(*) FROM touchpoint WHERE journey_id = ?1", N_("touchpoints"),
     N_("touchpoint")},
    {JH_STAGE, "SELECT count(*) FROM touchpoint WHERE stage_id = ?1", N_("touchpoints"),
     N_("touchpoint")},
    {JH_TOUCHPOINT, "SELECT count(*) FROM painpoint WHERE touchpoint_id = ?1", N_("pain points"),
     N_("pain point")},
};

static int delete_row(struct jh_store *st, const struct jh_kind_def *k, jh_id wid, jh_id id,
		      struct jh_err *err)
{
	char sql[160];

	if (!store_item_exists(st, wid, k->kind, id))
		return err_set(err, _("no %s %lld in this workshop"), kinds_noun(k->kind, 1),
			       (long long)id);
	for (size_t i = 0; i < sizeof dependants / sizeof dependants[0]; i++) {
		int failed = 0;
		long long n;
		if (dependants[i].kind != k->kind)
			continue;
		n = query_int(st, dependants[i].sql, ARGS(I64(id)), 0, err, &failed);
		if (failed)
			return -1;
		if (n > 0)
			return err_set(
			    err, _("%s %lld still has %lld %s; remove or move them first"),
			    kinds_noun(k->kind, 1), (long long)id, n,
			    ngettext(dependants[i].what_one, dependants[i].what, (unsigned long)n));
	}
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = ?1 AND workshop_id = ?2", k->table);
	return run(st, sql, ARGS(I64(id), I64(wid)), err);
}

int store_item_delete(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id id,
		      struct jh_err *err)
{
	const struct jh_kind_def *k = kinds_get(kind);

	if (!k || kind == JH_WORKSHOP)
		return err_set(err, _("cannot remove items of this kind"));
	if (kind == JH_STEP)
		return IN_TX(st, err, step_delete(st, k, wid, id, err));
	return IN_TX(st, err, delete_row(st, k, wid, id, err));
}

int store_item_lookup(struct jh_store *st, jh_id wid, enum jh_kind kind, const char *name,
		      jh_id scope_id, jh_id *id_out, struct jh_err *err)
{
	const struct jh_kind_def *k = kinds_get(kind);
	char sql[256];
	sqlite3_stmt *s;
	jh_id found[4];
	int n = 0, rc;
	int scoped = scope_id && (kind == JH_STAGE || kind == JH_TOUCHPOINT);
	const struct arg args[] = {I64(wid), TXT(name), I64(scope_id)};

	if (!k || !k->label_field || kind == JH_WORKSHOP)
		return err_set(err, _("%s items are referred to by id"),
			       k ? kinds_noun(k->kind, 1) : "these");
	snprintf(sql, sizeof sql,
		 "SELECT id FROM %s WHERE workshop_id = ?1 AND %s = ?2%s ORDER BY id LIMIT 4",
		 k->table, kinds_field(k, k->label_field)->column,
		 scoped ? " AND journey_id = ?3" : "");
	s = stmt(st, sql, args, scoped ? 3 : 2, err);
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && n < 4)
		found[n++] = sqlite3_column_int64(s, 0);
	if (rows_end(st, s, rc, "lookup", err))
		return -1;
	if (n == 1) {
		*id_out = found[0];
		return 0;
	}
	if (n == 0)
		return err_set(err, _("no %s named \"%s\"%s"), kinds_noun(k->kind, 1), name,
			       scoped ? _(" in that journey") : _(" in this workshop"));
	return err_set(err, _("%s \"%s\" is ambiguous (ids %lld, %lld%s); use the id"),
		       kinds_noun(k->kind, 1), name, (long long)found[0], (long long)found[1],
		       n > 2 ? ", ..." : "");
}

/* ---------------------------------------------------------------- votes */

/* The budget check and the change: vote_tx runs them as one transaction,
 * so two terminals voting at once can never overspend. */
static int open_round(struct jh_store *st, jh_id wid, jh_id iid, struct jh_round *r, jh_id *one,
		      struct jh_err *err);

static int vote_change(struct jh_store *st, jh_id wid, jh_id pid, jh_id iid, int dots, int absolute,
		       jh_id *id_out, struct jh_err *err)
{
	struct session_ballot b;
	struct jh_round r;
	jh_id one;
	int failed = 0;

	if (query_int(st, "SELECT count(*) FROM participant WHERE id = ?1 AND workshop_id = ?2",
		      ARGS(I64(pid), I64(wid)), 0, err, &failed) != 1 ||
	    query_int(st, "SELECT count(*) FROM idea WHERE id = ?1 AND workshop_id = ?2",
		      ARGS(I64(iid), I64(wid)), 0, err, &failed) != 1)
		return failed
			   ? -1
			   : err_set(err, _("vote: no such idea or participant in this workshop"));
	if (open_round(st, wid, iid, &r, &one, err) ||
	    rounds_vote_check(r.id ? &r : NULL, iid, err))
		return -1;
	b.budget = r.id ? r.dots
			: query_int(st, "SELECT dots_per_participant FROM workshop WHERE id = ?1",
				    ARGS(I64(wid)), 0, err, &failed);
	b.cap = query_int(st, "SELECT max_dots_per_idea FROM workshop WHERE id = ?1",
			  ARGS(I64(wid)), 0, err, &failed);
	b.spent = query_int(st,
			    "SELECT coalesce(sum(dots), 0) FROM vote WHERE participant_id = ?1"
			    " AND round_id = ?2",
			    ARGS(I64(pid), I64(r.id)), 0, err, &failed);
	b.have = query_int(st,
			   "SELECT dots FROM vote WHERE participant_id = ?1 AND idea_id = ?2"
			   " AND round_id = ?3",
			   ARGS(I64(pid), I64(iid), I64(r.id)), 0, err, &failed);
	if (failed)
		return -1;
	b.want = absolute ? dots : b.have + dots;
	if (session_vote_check(&b, iid, err))
		return -1;
	if (b.want == 0
		? run(st,
		      "DELETE FROM vote WHERE participant_id = ?1 AND idea_id = ?2"
		      " AND round_id = ?3",
		      ARGS(I64(pid), I64(iid), I64(r.id)), err)
		: run(st,
		      "INSERT INTO vote (workshop_id, participant_id, idea_id, dots, round_id)"
		      " VALUES (?1, ?2, ?3, ?4, ?5)"
		      " ON CONFLICT (participant_id, idea_id, round_id)"
		      " DO UPDATE SET dots = excluded.dots",
		      ARGS(I64(wid), I64(pid), I64(iid), I64(b.want), I64(r.id)), err))
		return -1;
	if (id_out)
		*id_out = query_int(st,
				    "SELECT id FROM vote WHERE participant_id = ?1 AND idea_id = ?2"
				    " AND round_id = ?3",
				    ARGS(I64(pid), I64(iid), I64(r.id)), 0, err, &failed);
	return failed ? -1 : 0;
}

static int vote_tx(struct jh_store *st, jh_id wid, jh_id pid, jh_id iid, int dots, int absolute,
		   jh_id *id_out, struct jh_err *err)
{
	return IN_TX(st, err, vote_change(st, wid, pid, iid, dots, absolute, id_out, err));
}

int store_vote(struct jh_store *st, jh_id wid, jh_id participant_id, jh_id idea_id, int dots,
	       struct jh_err *err)
{
	if (dots == 0)
		return 0;
	return vote_tx(st, wid, participant_id, idea_id, dots, 0, NULL, err);
}

/* -------------------------------------------------------- agenda, timer */

static int goto_step(struct jh_store *st, jh_id wid, int position, struct jh_err *err)
{
	int failed = 0;
	long long n = query_int(st, "SELECT count(*) FROM step WHERE workshop_id = ?1",
				ARGS(I64(wid)), 0, err, &failed);

	if (failed)
		return -1;
	if (position < 0 || position >= n)
		return err_set(err, _("no agenda step %d (the agenda has %lld)"), position + 1, n);
	/* A new step starts with a fresh, paused timer. */
	return run(st,
		   "UPDATE workshop SET current_step = ?2, timer_running = 0, timer_started = 0,"
		   " timer_elapsed = 0 WHERE id = ?1",
		   ARGS(I64(wid), I64(position)), err);
}

int store_step_goto(struct jh_store *st, jh_id wid, int position, struct jh_err *err)
{
	return IN_TX(st, err, goto_step(st, wid, position, err));
}

/* Undo of a move: the step (by id, wherever renumbering put it) and the
 * timer exactly as they were, in one change, so no terminal sees the step
 * back with a reset timer in between. */
int store_step_restore(struct jh_store *st, jh_id wid, jh_id step_id,
		       const struct jh_workshop *timer, struct jh_err *err)
{
	return IN_TX(st, err,
		     one_row(st,
			     run(st,
				 "UPDATE workshop SET current_step = (SELECT position FROM step"
				 " WHERE id = ?2), timer_running = ?3, timer_started = ?4,"
				 " timer_elapsed = ?5 WHERE id = ?1 AND EXISTS (SELECT 1 FROM step"
				 " WHERE id = ?2 AND workshop_id = ?1)",
				 ARGS(I64(wid), I64(step_id), I64(timer->timer_running != 0),
				      I64(timer->timer_started), I64(timer->timer_elapsed)),
				 err),
			     err, _("agenda step %lld is no longer on the agenda"),
			     (long long)step_id));
}

/* The elapsed time is kept in an int (model.h) and read back in range
 * (store_check): pausing stops at INT_MAX seconds rather than storing a
 * sum no journeyhack could load or restore from its own backup. SQLite
 * turns an integer overflow into a real, which min() then caps. */
int store_timer_toggle(struct jh_store *st, jh_id wid, int64_t now, struct jh_err *err)
{
	return change(st,
		      "UPDATE workshop SET"
		      " timer_elapsed = CASE WHEN timer_running"
		      "  THEN min(?3, timer_elapsed + max(0, min(?3, ?2 - timer_started)))"
		      "  ELSE timer_elapsed END,"
		      " timer_started = CASE WHEN timer_running THEN 0 ELSE max(0, ?2) END,"
		      " timer_running = 1 - timer_running WHERE id = ?1",
		      ARGS(I64(wid), I64(now), I64(INT_MAX)), err);
}

int store_timer_reset(struct jh_store *st, jh_id wid, struct jh_err *err)
{
	return change(st,
		      "UPDATE workshop SET timer_running = 0, timer_started = 0, timer_elapsed = 0"
		      " WHERE id = ?1",
		      ARGS(I64(wid)), err);
}

int store_step_reveal(struct jh_store *st, jh_id wid, jh_id step_id, struct jh_err *err)
{
	return IN_TX(
	    st, err,
	    one_row(st,
		    run(st, "UPDATE step SET revealed = 1 WHERE id = ?1 AND workshop_id = ?2",
			ARGS(I64(step_id), I64(wid)), err),
		    err, _("no agenda step %lld in this workshop"), (long long)step_id));
}

/* ---------------------------------------------------------------- drafts */

/* A draft is keyed by who typed it and which form: kind and item (0 for a
 * new one). Each save replaces the whole draft in its own transaction. */
static int draft_replace(struct jh_store *st, const struct store_draft_key *k,
			 const char *const *names, const char *const *values, size_t n,
			 struct jh_err *err)
{
	const char *kind = kinds_get(k->kind)->name;

	if (run(st,
		"DELETE FROM draft WHERE workshop_id = ?1 AND participant_id = ?2 AND kind = ?3"
		" AND item_id = ?4",
		ARGS(I64(k->wid), I64(k->participant), TXT(kind), I64(k->item)), err))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (run(st,
			"INSERT INTO draft (workshop_id, participant_id, kind, item_id, field,"
			" value, saved) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
			" CAST(strftime('%s', 'now') AS INTEGER))",
			ARGS(I64(k->wid), I64(k->participant), TXT(kind), I64(k->item),
			     TXT(names[i]), TXT(values[i])),
			err))
			return -1;
	return 0;
}

int store_draft_save(struct jh_store *st, const struct store_draft_key *k, const char *const *names,
		     const char *const *values, size_t n, struct jh_err *err)
{
	if (!kinds_get(k->kind))
		return err_set(err, _("unknown kind"));
	return IN_TX(st, err, draft_replace(st, k, names, values, n, err));
}

int store_draft_delete(struct jh_store *st, const struct store_draft_key *k, struct jh_err *err)
{
	return store_draft_save(st, k, NULL, NULL, 0, err);
}

static void draft_add(struct store_draft *d, const char *name, const char *value)
{
	d->names = util_xrealloc(d->names, (d->n + 1) * sizeof *d->names);
	d->values = util_xrealloc(d->values, (d->n + 1) * sizeof *d->values);
	d->names[d->n] = util_xstrdup(name);
	d->values[d->n++] = util_xstrdup(value);
}

int store_draft_load(struct jh_store *st, const struct store_draft_key *k, struct store_draft *out,
		     struct jh_err *err)
{
	sqlite3_stmt *s;
	int rc;

	memset(out, 0, sizeof *out);
	if (!kinds_get(k->kind))
		return err_set(err, _("unknown kind"));
	s = stmt(
	    st,
	    "SELECT field, value, saved FROM draft WHERE workshop_id = ?1 AND"
	    " participant_id = ?2 AND kind = ?3 AND item_id = ?4 ORDER BY field",
	    ARGS(I64(k->wid), I64(k->participant), TXT(kinds_get(k->kind)->name), I64(k->item)),
	    err);
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		const char *value = (const char *)sqlite3_column_text(s, 1);
		draft_add(out, name ? name : "", value ? value : "");
		out->saved = sqlite3_column_int64(s, 2);
	}
	if (rows_end(st, s, rc, "read draft", err)) {
		store_draft_free(out);
		return -1;
	}
	return 0;
}

void store_draft_free(struct store_draft *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->names[i]);
		free(d->values[i]);
	}
	free(d->names);
	free(d->values);
	memset(d, 0, sizeof *d);
}

/* ----------------------------------------------------------------- focus */

/* One statement per kind, so the item's table is never spliced into SQL;
 * the focus moves only to an item of this workshop. */
static const char *focus_sql(const char *kind)
{
	static const struct {
		const char *kind, *sql;
	} t[] = {
	    {"painpoint", "UPDATE workshop SET focus_kind = ?2, focus_id = ?3 WHERE id = ?1 AND"
			  " EXISTS (SELECT 1 FROM painpoint WHERE id = ?3 AND workshop_id = ?1)"},
	    {"idea", "UPDATE workshop SET focus_kind = ?2, focus_id = ?3 WHERE id = ?1 AND"
		     " EXISTS (SELECT 1 FROM idea WHERE id = ?3 AND workshop_id = ?1)"},
	    {"journey", "UPDATE workshop SET focus_kind = ?2, focus_id = ?3 WHERE id = ?1 AND"
			" EXISTS (SELECT 1 FROM journey WHERE id = ?3 AND workshop_id = ?1)"},
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(kind, t[i].kind))
			return t[i].sql;
	return NULL;
}

int store_focus_set(struct jh_store *st, jh_id wid, const char *kind, jh_id id, struct jh_err *err)
{
	const char *sql = kind && *kind ? focus_sql(kind) : NULL;

	if (!kind || !*kind)
		return IN_TX(st, err,
			     one_row(st,
				     run(st,
					 "UPDATE workshop SET focus_kind = '', focus_id = 0"
					 " WHERE id = ?1",
					 ARGS(I64(wid)), err),
				     err, _("no workshop with id %lld"), (long long)wid));
	if (!sql)
		return err_set(err, _("cannot focus a %s"), kind);
	return IN_TX(st, err,
		     one_row(st, run(st, sql, ARGS(I64(wid), TXT(kind), I64(id)), err), err,
			     _("no %s %lld in this workshop"), kind, (long long)id));
}

/* ---------------------------------------------------------------- rounds */

/* The workshop's open round as the vote rules need it (r->id 0: none):
 * its ideas narrowed to iid, held in *one, when iid is in it. */
static int open_round(struct jh_store *st, jh_id wid, jh_id iid, struct jh_round *r, jh_id *one,
		      struct jh_err *err)
{
	int failed = 0;

	memset(r, 0, sizeof *r);
	r->id = query_int(st, "SELECT id FROM round WHERE workshop_id = ?1 AND open = 1",
			  ARGS(I64(wid)), 0, err, &failed);
	if (failed || !r->id)
		return failed ? -1 : 0;
	r->open = 1;
	r->number = (int)query_int(st, "SELECT number FROM round WHERE id = ?1", ARGS(I64(r->id)),
				   0, err, &failed);
	r->dots = (int)query_int(st, "SELECT dots FROM round WHERE id = ?1", ARGS(I64(r->id)), 0,
				 err, &failed);
	r->every_idea = (int)query_int(st, "SELECT every_idea FROM round WHERE id = ?1",
				       ARGS(I64(r->id)), 0, err, &failed);
	*one = iid;
	r->ideas = one;
	r->nideas = (size_t)query_int(
	    st, "SELECT count(*) FROM round_idea WHERE round_id = ?1 AND idea_id = ?2",
	    ARGS(I64(r->id), I64(iid)), 0, err, &failed);
	return failed ? -1 : 0;
}

/* The ids the one-column query sql selects for key, in its order. */
static int load_ids(struct jh_store *st, const char *sql, jh_id key, jh_id **ids, size_t *n,
		    const char *what, struct jh_err *err)
{
	sqlite3_stmt *s = stmt(st, sql, ARGS(I64(key)), err);
	size_t cap = 0;
	int rc;

	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		GROW(*ids, *n, cap);
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	return rows_end(st, s, rc, what, err);
}

static int load_rounds(struct jh_store *st, jh_id wid, struct jh_data *out, struct jh_err *err)
{
	sqlite3_stmt *s = stmt(st,
			       "SELECT id, number, dots, every_idea, open FROM round"
			       " WHERE workshop_id = ?1 ORDER BY number",
			       ARGS(I64(wid)), err);
	size_t cap = 0;
	int rc;

	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		GROW(out->rounds, out->nrounds, cap);
		out->rounds[out->nrounds++] = (struct jh_round){
		    .id = sqlite3_column_int64(s, 0),
		    .number = sqlite3_column_int(s, 1),
		    .dots = sqlite3_column_int(s, 2),
		    .every_idea = sqlite3_column_int(s, 3) != 0,
		    .open = sqlite3_column_int(s, 4) != 0,
		};
	}
	if (rows_end(st, s, rc, "read rounds", err))
		return -1;
	for (size_t i = 0; i < out->nrounds; i++)
		if (!out->rounds[i].every_idea &&
		    load_ids(st,
			     "SELECT idea_id FROM round_idea WHERE round_id = ?1 ORDER BY idea_id",
			     out->rounds[i].id, &out->rounds[i].ideas, &out->rounds[i].nideas,
			     "read rounds", err))
			return -1;
	return load_ids(st,
			"SELECT participant_id FROM ready WHERE workshop_id = ?1"
			" ORDER BY participant_id",
			wid, &out->ready, &out->nready, "read ready", err);
}

static int round_insert(struct jh_store *st, jh_id wid, const struct rounds_plan *p,
			struct jh_err *err)
{
	jh_id rid;
	int failed = 0;

	/* round_one_open refuses a second open round from another terminal. */
	if (run(st,
		"INSERT INTO round (workshop_id, number, dots, every_idea) VALUES (?1, ?2, ?3, ?4)",
		ARGS(I64(wid), I64(p->number), I64(p->dots), I64(p->every_idea)), err))
		return -1;
	rid = query_int(st, "SELECT id FROM round WHERE workshop_id = ?1 AND number = ?2",
			ARGS(I64(wid), I64(p->number)), 0, err, &failed);
	for (size_t i = 0; !failed && i < p->nideas; i++)
		failed = run(st, "INSERT INTO round_idea (round_id, idea_id) VALUES (?1, ?2)",
			     ARGS(I64(rid), I64(p->ideas[i])), err) != 0;
	return failed ? -1 : 0;
}

int store_round_open(struct jh_store *st, jh_id wid, const struct rounds_plan *p,
		     struct jh_err *err)
{
	return IN_TX(st, err, round_insert(st, wid, p, err));
}

int store_round_close(struct jh_store *st, jh_id wid, struct jh_err *err)
{
	int rc = change(st, "UPDATE round SET open = 0 WHERE workshop_id = ?1 AND open = 1",
			ARGS(I64(wid)), err);

	return one_row(st, rc, err, "%s", _("no round is open"));
}

int store_ready_set(struct jh_store *st, jh_id wid, jh_id participant_id, int ready,
		    struct jh_err *err)
{
	if (ready)
		return change(st,
			      "INSERT OR IGNORE INTO ready (workshop_id, participant_id)"
			      " VALUES (?1, ?2)",
			      ARGS(I64(wid), I64(participant_id)), err);
	return change(st, "DELETE FROM ready WHERE workshop_id = ?1 AND participant_id = ?2",
		      ARGS(I64(wid), I64(participant_id)), err);
}

int store_step_start(struct jh_store *st, jh_id wid, jh_id step_id, int start, struct jh_err *err)
{
	if (start < -1 || start >= 24 * 60)
		return err_set(err, _("start=%d: not a time of day"), start);
	return IN_TX(
	    st, err,
	    one_row(st,
		    run(st, "UPDATE step SET start = ?3 WHERE id = ?1 AND workshop_id = ?2",
			ARGS(I64(step_id), I64(wid), I64(start)), err),
		    err, _("no agenda step %lld in this workshop"), (long long)step_id));
}
/* ------------------------------------------------------------ follow-up
 *
 * A follow-up session is a new workshop that carries the map (journeys,
 * stages and touchpoints with their scores, to be scored again) and the
 * chosen open actions and parking-lot entries of the workshop it follows.
 * Carried rows keep their UUID, so an export of either session names the
 * same item the same way, and name the workshop they came from (origin). */

struct follow_map {
	jh_id *from, *to;
	size_t n;
};

static jh_id follow_mapped(const struct follow_map *m, jh_id id)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->from[i] == id)
			return m->to[i];
	return 0;
}

static void follow_map_add(struct follow_map *m, jh_id from, jh_id to)
{
	m->from[m->n] = from;
	m->to[m->n++] = to;
}

/* A carried item goes on from the revision it had: a calendar that
 * imported the earlier session's export takes the next one's as newer
 * (iCalendar's SEQUENCE is the revision). */
static long long carried_revision(int64_t revision)
{
	return revision > 0 ? (long long)revision : 1;
}

/* Where a carried item came from: the workshop src, by UUID. */
static int carried(struct jh_store *st, jh_id wid, const char *kind, const char *uuid,
		   const struct jh_data *src, struct jh_err *err)
{
	return run(st,
		   "INSERT OR REPLACE INTO carried (workshop_id, kind, uuid, origin)"
		   " VALUES (?1, ?2, ?3, ?4)",
		   ARGS(I64(wid), TXT(kind), TXT(uuid), TXT(src->workshop.uuid)), err);
}

static int follow_journeys(struct jh_store *st, jh_id wid, const struct jh_data *src,
			   struct follow_map *m, struct jh_err *err)
{
	for (size_t i = 0; i < src->njourneys; i++) {
		const struct jh_journey *j = &src->journeys[i];
		jh_id id;
		FRESH("journey");
		if (run(st,
			"INSERT INTO journey (workshop_id, position, name, description, uuid,"
			" revision, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
			ARGS(I64(wid), I64(j->position), TXT(j->name), TXT(j->description),
			     TXT(j->uuid), I64(carried_revision(j->revision)), I64(id)),
			err))
			return -1;
		follow_map_add(m, j->id, id);
	}
	return 0;
}

static int follow_stages(struct jh_store *st, jh_id wid, const struct jh_data *src,
			 const struct follow_map *jm, struct follow_map *m, struct jh_err *err)
{
	for (size_t i = 0; i < src->nstages; i++) {
		const struct jh_stage *s = &src->stages[i];
		jh_id id;
		FRESH("stage");
		if (run(st,
			"INSERT INTO stage (workshop_id, journey_id, position, name, uuid,"
			" revision, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
			ARGS(I64(wid), I64(follow_mapped(jm, s->journey_id)), I64(s->position),
			     TXT(s->name), TXT(s->uuid), I64(carried_revision(s->revision)),
			     I64(id)),
			err))
			return -1;
		follow_map_add(m, s->id, id);
	}
	return 0;
}

static int follow_touchpoints(struct jh_store *st, jh_id wid, const struct jh_data *src,
			      const struct follow_map *jm, const struct follow_map *sm,
			      struct jh_err *err)
{
	for (size_t i = 0; i < src->ntouchpoints; i++) {
		const struct jh_touchpoint *t = &src->touchpoints[i];
		jh_id id;
		FRESH("touchpoint");
		if (run(st,
			"INSERT INTO touchpoint (workshop_id, journey_id, stage_id, position, name,"
			" channel, owner, score, reach, potential, notes, uuid, revision, id)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
			ARGS(I64(wid), I64(follow_mapped(jm, t->journey_id)),
			     I64(follow_mapped(sm, t->stage_id)), I64(t->position), TXT(t->name),
			     TXT(t->channel), TXT(t->owner), I64(t->score), I64(t->reach),
			     I64(t->potential), TXT(t->notes), TXT(t->uuid),
			     I64(carried_revision(t->revision)), I64(id)),
			err) ||
		    carried(st, wid, "touchpoint", t->uuid, src, err))
			return -1;
	}
	return 0;
}

/* The map as it stands: every journey with its stages and touchpoints. */
static int follow_map(struct jh_store *st, jh_id wid, const struct jh_data *src, struct jh_err *err)
{
	struct follow_map jm = {util_xcalloc(src->njourneys + 1, sizeof(jh_id)),
				util_xcalloc(src->njourneys + 1, sizeof(jh_id)), 0};
	struct follow_map sm = {util_xcalloc(src->nstages + 1, sizeof(jh_id)),
				util_xcalloc(src->nstages + 1, sizeof(jh_id)), 0};
	int rc = follow_journeys(st, wid, src, &jm, err) ||
		 follow_stages(st, wid, src, &jm, &sm, err) ||
		 follow_touchpoints(st, wid, src, &jm, &sm, err);

	free(jm.from);
	free(jm.to);
	free(sm.from);
	free(sm.to);
	return rc ? -1 : 0;
}

static int follow_actions(struct jh_store *st, jh_id wid, const struct store_follow *f,
			  struct jh_err *err)
{
	for (size_t i = 0; i < f->nactions; i++) {
		const struct jh_action *a = &f->from->actions[f->actions[i]];
		jh_id id;
		FRESH("action");
		if (run(st,
			"INSERT INTO action (workshop_id, title, owner, due, status, notes, uuid,"
			" revision, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
			ARGS(I64(wid), TXT(a->title), TXT(a->owner), TXT(a->due), TXT(a->status),
			     TXT(a->notes), TXT(a->uuid), I64(carried_revision(a->revision)),
			     I64(id)),
			err) ||
		    carried(st, wid, "action", a->uuid, f->from, err))
			return -1;
	}
	return 0;
}

static int follow_parking(struct jh_store *st, jh_id wid, const struct store_follow *f,
			  struct jh_err *err)
{
	for (size_t i = 0; i < f->nparking; i++) {
		const struct jh_parking *p = &f->from->parking[f->parking[i]];
		jh_id id;
		FRESH("parking");
		if (run(st,
			"INSERT INTO parking (workshop_id, text, answer, uuid, revision, id)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			ARGS(I64(wid), TXT(p->text), TXT(p->answer), TXT(p->uuid),
			     I64(carried_revision(p->revision)), I64(id)),
			err) ||
		    carried(st, wid, "parking", p->uuid, f->from, err))
			return -1;
	}
	return 0;
}

static int follow_tx(struct jh_store *st, const char *name, const struct jh_template *t,
		     const struct store_follow *f, jh_id *wid, struct jh_err *err)
{
	/* The template's starter journeys would stand beside the carried
	 * ones: a follow-up scores again the map it follows. */
	struct jh_template bare = *t;

	bare.njourneys = 0;
	if (store_workshop_create(st, name, &bare, wid, err) ||
	    run(st, "INSERT INTO follow_up (workshop_id, follows) VALUES (?1, ?2)",
		ARGS(I64(*wid), TXT(f->from->workshop.uuid)), err) ||
	    follow_map(st, *wid, f->from, err) || follow_actions(st, *wid, f, err) ||
	    follow_parking(st, *wid, f, err))
		return -1;
	return 0;
}

int store_workshop_follow(struct jh_store *st, const char *name, const struct jh_template *t,
			  const struct store_follow *f, jh_id *id_out, struct jh_err *err)
{
	jh_id wid = 0;

	if (!strcmp(name, f->from->workshop.name))
		return err_set(err, _("workshop \"%s\" cannot follow up itself"), name);
	if (IN_TX(st, err, follow_tx(st, name, t, f, &wid, err)))
		return -1;
	if (id_out)
		*id_out = wid;
	return 0;
}

int store_workshop_follows(struct jh_store *st, jh_id wid, jh_id *from, struct jh_err *err)
{
	int failed = 0;

	*from = query_int(st,
			  "SELECT f.id FROM follow_up u JOIN workshop f ON f.uuid = u.follows"
			  " WHERE u.workshop_id = ?1 AND f.id <> ?1 ORDER BY f.id LIMIT 1",
			  ARGS(I64(wid)), 0, err, &failed);
	return failed ? -1 : 0;
}

/* ------------------------------------------------------------ bulk writes
 *
 * A large import into a table writes its rows into the table's b-tree
 * alone: inside the import's transaction the table's plain indexes are
 * dropped and created again, from the very text they had, just before the
 * commit, so the schema check at the next open finds them unchanged. One
 * sorted build costs far less than a b-tree insert per row and index, and
 * a rollback (a bad row, a crash) brings them back with everything else.
 * Unique indexes stay: they are checks, and a row that breaks one must
 * fail on its own line. The same is done for the AFTER INSERT triggers in
 * bulk_triggers, whose work the store then does itself. */

/* Triggers a bulk write takes off (named prefix, table, suffix), and the
 * statement (NULL: none) that does once, before they are back, what they
 * would have done per row (?1: the workshop written to). The change
 * feed's entry per row becomes one "bulk" entry, on which a terminal reads
 * the workshop whole. The uuid trigger needs none: item_insert gives every row its UUID
 * while st->bulk_table names the table. */
static const struct {
	const char *prefix, *suffix, *instead;
} bulk_triggers[] = {{"", "_uuid", NULL},
		     {"", "_feed_add",
		      "INSERT INTO change_feed (workshop_id, kind, item_id, op)"
		      " VALUES (?1, 'bulk', 0, 'add')"}};

/* Below this many rows, or with more rows than this already in the
 * table, the indexes are kept: rebuilding them would cost more. */
#define BULK_MIN_ROWS 1000

struct store_bulk {
	const struct jh_kind_def *k;
	jh_id wid;
	size_t n;
	struct bulk_obj {
		char *name, *sql;
		const char *instead;
	} * obj;
};

void store_stats(const struct jh_store *st, struct store_stats *out)
{
	*out = st->stats;
}

static void bulk_free(struct jh_store *st, struct store_bulk *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n; i++) {
		free(b->obj[i].name);
		free(b->obj[i].sql);
	}
	free(b->obj);
	free(b);
	st->bulk_table = NULL;
}

/* Whether rows of a bulk of nrows would be most of the table. */
static int bulk_worth(struct jh_store *st, const struct jh_kind_def *k, size_t nrows,
		      struct jh_err *err, int *failed)
{
	char sql[128];
	long long have;

	if (nrows < BULK_MIN_ROWS)
		return 0;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT 1 FROM %s LIMIT ?1)", k->table);
	have = query_int(st, sql, ARGS(I64((long long)nrows + 1)), 0, err, failed);
	return !*failed && have <= (long long)nrows;
}

static const char *bulk_instead(const struct jh_kind_def *k, const char *type, const char *name,
				int *suspend)
{
	char want[128];

	*suspend = !strcmp(type, "index");
	for (size_t i = 0; !*suspend && i < sizeof bulk_triggers / sizeof bulk_triggers[0]; i++) {
		snprintf(want, sizeof want, "%s%s%s", bulk_triggers[i].prefix, k->table,
			 bulk_triggers[i].suffix);
		if (!strcmp(name, want)) {
			*suspend = 1;
			return bulk_triggers[i].instead;
		}
	}
	return NULL;
}

/* The plain indexes and bulk_triggers of k's table, in schema order. */
static int bulk_collect(struct jh_store *st, struct store_bulk *b, struct jh_err *err)
{
	sqlite3_stmt *s = stmt(st,
			       "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = ?1"
			       " AND sql IS NOT NULL AND (type = 'trigger' OR (type = 'index'"
			       " AND name IN (SELECT name FROM pragma_index_list(?1)"
			       " WHERE \"unique\" = 0 AND origin = 'c'))) ORDER BY rowid",
			       ARGS(TXT(b->k->table)), err);
	int rc;

	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(s, 0);
		const char *name = (const char *)sqlite3_column_text(s, 1);
		int suspend;
		const char *instead = bulk_instead(b->k, type, name, &suspend);

		if (!suspend)
			continue;
		b->obj = util_xrealloc(b->obj, (b->n + 1) * sizeof *b->obj);
		b->obj[b->n++] = (struct bulk_obj){
		    util_xstrdup(name), util_xstrdup((const char *)sqlite3_column_text(s, 2)),
		    instead};
	}
	return rows_end(st, s, rc, "read", err);
}

static int bulk_drop(struct jh_store *st, const struct store_bulk *b, struct jh_err *err)
{
	char sql[256];

	for (size_t i = 0; i < b->n; i++) {
		snprintf(sql, sizeof sql, "DROP %s \"%s\"",
			 !strncmp(b->obj[i].sql, "CREATE INDEX", 12) ? "INDEX" : "TRIGGER",
			 b->obj[i].name);
		if (exec_sql(st, sql, err))
			return -1;
	}
	return 0;
}

int store_bulk_begin(struct jh_store *st, jh_id wid, enum jh_kind kind, size_t nrows,
		     struct store_bulk **out, struct jh_err *err)
{
	const struct jh_kind_def *k = kinds_get(kind);
	struct store_bulk *b;
	int failed = 0;

	*out = NULL;
	if (st->depth == 0)
		return err_set(err, _("a bulk write needs a transaction"));
	if (!k || kind == JH_WORKSHOP || st->bulk_table || !bulk_worth(st, k, nrows, err, &failed))
		return failed ? -1 : 0;
	b = util_xcalloc(1, sizeof *b);
	b->k = k;
	b->wid = wid;
	st->bulk_table = k->table;
	if (bulk_collect(st, b, err) || bulk_drop(st, b, err)) {
		bulk_free(st, b);
		return -1;
	}
	*out = b;
	return 0;
}

/* Everything taken off put back, in its order, with its own text. */
static int bulk_restore(struct jh_store *st, const struct store_bulk *b, struct jh_err *err)
{
	int failed = 0;

	for (size_t i = 0; i < b->n; i++)
		if (b->obj[i].instead && run(st, b->obj[i].instead, ARGS(I64(b->wid)), err))
			return -1;
	for (size_t i = 0; i < b->n; i++)
		if (exec_sql(st, b->obj[i].sql, err))
			return -1;
	/* The schema is as it was: the next write need not check it again. */
	st->schema_seen = query_int(st, "PRAGMA schema_version", NOARGS, 0, err, &failed);
	return failed ? -1 : 0;
}

int store_bulk_end(struct jh_store *st, struct store_bulk *b, int keep, struct jh_err *err)
{
	int rc = 0;

	if (b && keep)
		rc = bulk_restore(st, b, err);
	bulk_free(st, b);
	return rc;
}

/* ------------------------------------------------------------ change feed */

/* More distinct items than this and a workshop is read again whole: it
 * costs about the same, and an import or a follow-up writes thousands. */
#define FEED_PATCH_MAX 2000

/* What a feed entry's kind asks to read again: one item, or a part of the
 * workshop that is few rows and ordered through other rows. */
enum feed_part {
	FEED_HEAD = MODEL_CHANGED_HEAD,
	FEED_STEPS = MODEL_CHANGED_STEPS,
	FEED_MAP = MODEL_CHANGED_MAP,
	FEED_ROUNDS = MODEL_CHANGED_ROUNDS,
	FEED_ALL = MODEL_CHANGED_ALL
};

struct feed_item {
	enum jh_kind kind;
	jh_id id;
};

static int feed_item_cmp(const void *a, const void *b)
{
	const struct feed_item *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* File one entry under the part or item it changes. */
static void feed_file(const char *kind, jh_id id, unsigned *parts, struct feed_item **items,
		      size_t *n, size_t *cap)
{
	const struct jh_kind_def *k;

	if (!strcmp(kind, "workshop")) {
		*parts |= FEED_HEAD;
		return;
	}
	/* A bulk write (a large import) says so once instead of per row. */
	if (!strcmp(kind, "bulk")) {
		*parts |= FEED_ALL;
		return;
	}
	if (!strcmp(kind, "round") || !strcmp(kind, "ready")) {
		*parts |= FEED_ROUNDS;
		return;
	}
	k = kinds_find(kind);
	if (!k) { /* a kind this build does not know: read all */
		*parts |= FEED_ALL;
		return;
	}
	if (k->kind == JH_STEP) {
		*parts |= FEED_STEPS;
		return;
	}
	if (!model_patch_by_item(k->kind)) {
		*parts |= FEED_MAP;
		return;
	}
	if (*n >= FEED_PATCH_MAX) {
		*parts |= FEED_ALL;
		return;
	}
	GROW(*items, *n, *cap);
	(*items)[(*n)++] = (struct feed_item){k->kind, id};
}

/* The entries after d->feed_seq, filed; the new sequence in *upto.
 * FEED_ALL when the feed no longer reaches back that far. */
static int feed_read(struct jh_store *st, jh_id wid, int64_t after, int64_t *upto, unsigned *parts,
		     struct feed_item **items, size_t *n, struct jh_err *err)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int64_t lo, hi;
	int rc, failed = 0;

	/* Each alone, so SQLite reads them off the ends of the b-tree
	 * instead of scanning the feed. */
	hi = query_int(st, "SELECT max(seq) FROM change_feed", NOARGS, 0, err, &failed);
	lo =
	    failed ? 0 : query_int(st, "SELECT min(seq) FROM change_feed", NOARGS, 0, err, &failed);
	if (failed)
		return -1;
	*upto = hi;
	if (hi == after)
		return 0;
	if (hi < after || (lo > after + 1 && lo != 0)) {
		*parts |= FEED_ALL;
		return 0;
	}
	s = stmt(st,
		 "SELECT kind, item_id FROM change_feed WHERE seq > ?1 AND workshop_id = ?2"
		 " ORDER BY seq",
		 ARGS(I64(after), I64(wid)), err);
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && !(*parts & FEED_ALL)) {
		const unsigned char *t = sqlite3_column_text(s, 0);
		feed_file(t ? (const char *)t : "", sqlite3_column_int64(s, 1), parts, items, n,
			  &cap);
	}
	return rows_end(st, s, rc, "read changes", err);
}

/* Read one kind's rows again, whole. */
static int feed_kind(struct jh_store *st, jh_id wid, struct jh_data *d, enum jh_kind kind,
		     struct jh_err *err)
{
	const struct jh_kind_def *k = kinds_get(kind);

	model_patch_clear(d, kind);
	return read_rows(st, kind, loads[kind].from, ARGS(I64(wid)), (char *)d + k->items_offset,
			 (size_t *)(void *)((char *)d + k->count_offset), "read changes", err);
}

#define SWAP_LIST(v, n)                                                                            \
	do {                                                                                       \
		char **v_ = d->v;                                                                  \
		size_t n_ = d->n;                                                                  \
		d->v = lists.v;                                                                    \
		d->n = lists.n;                                                                    \
		lists.v = v_;                                                                      \
		lists.n = n_;                                                                      \
	} while (0)

static int feed_head(struct jh_store *st, jh_id wid, struct jh_data *d, struct jh_err *err)
{
	struct jh_workshop w;
	struct jh_data lists = {0};

	if (load_workshop(st, wid, &w, err) || load_lists(st, wid, &lists, err)) {
		model_data_free(&lists);
		return -1;
	}
	model_workshop_free(&d->workshop);
	d->workshop = w;
	/* The new lists move in and the old ones out, to be freed with the
	 * rest of lists, which is empty. */
	SWAP_LIST(channels, nchannels);
	SWAP_LIST(stage_names, nstage_names);
	SWAP_LIST(prompts, nprompts);
	model_data_free(&lists);
	return 0;
}

static int feed_rounds(struct jh_store *st, jh_id wid, struct jh_data *d, struct jh_err *err)
{
	for (size_t i = 0; i < d->nrounds; i++)
		free(d->rounds[i].ideas);
	free(d->rounds);
	free(d->ready);
	d->rounds = NULL;
	d->ready = NULL;
	d->nrounds = d->nready = 0;
	return load_rounds(st, wid, d, err);
}

/* Read one item again and put it in place, or take it out when gone. */
static int feed_one(struct jh_store *st, jh_id wid, struct jh_data *d, enum jh_kind kind, jh_id id,
		    struct jh_err *err)
{
	char from[128];
	char *rows = NULL;
	size_t n = 0;
	int rc;

	snprintf(from, sizeof from, "%s x WHERE x.id = ?1 AND x.workshop_id = ?2",
		 kinds_get(kind)->table);
	rc = read_rows(st, kind, from, ARGS(I64(id), I64(wid)), &rows, &n, "read changes", err);
	if (!rc && n == 1 && kind == JH_IDEA) {
		struct jh_idea *idea = (struct jh_idea *)(void *)rows;
		rc = load_ids(st,
			      "SELECT painpoint_id FROM idea_painpoint WHERE idea_id = ?1"
			      " ORDER BY painpoint_id",
			      id, &idea->painpoints, &idea->npainpoints, "read changes", err);
	}
	if (rc) {
		for (size_t i = 0; i < n; i++)
			model_item_free(kind, rows + i * kinds_get(kind)->item_size);
	} else if (n == 1) {
		model_patch_put(d, kind, rows);
	} else {
		model_patch_drop(d, kind, id);
	}
	free(rows);
	return rc;
}

static int feed_apply(struct jh_store *st, jh_id wid, struct jh_data *d, unsigned parts,
		      struct feed_item *items, size_t n, struct model_changes *ch,
		      struct jh_err *err)
{
	int rc = 0;

	if (parts & FEED_HEAD)
		rc = feed_head(st, wid, d, err);
	if (!rc && (parts & FEED_STEPS))
		rc = feed_kind(st, wid, d, JH_STEP, err);
	if (!rc && (parts & FEED_MAP))
		rc = feed_kind(st, wid, d, JH_JOURNEY, err) ||
		     feed_kind(st, wid, d, JH_STAGE, err) ||
		     feed_kind(st, wid, d, JH_TOUCHPOINT, err);
	if (!rc && (parts & FEED_ROUNDS))
		rc = feed_rounds(st, wid, d, err);
	if (n) /* qsort takes no NULL, even for nothing */
		qsort(items, n, sizeof *items, feed_item_cmp);
	for (size_t i = 0; i < n && !rc; i++)
		if (!i || feed_item_cmp(&items[i - 1], &items[i])) {
			rc = feed_one(st, wid, d, items[i].kind, items[i].id, err);
			if (ch)
				model_changes_add(ch, items[i].kind, items[i].id);
		}
	return rc;
}

/* Read the workshop whole into d, in a snapshot of its own. */
static int feed_whole(struct jh_store *st, jh_id wid, struct jh_data *d, struct jh_err *err)
{
	struct jh_data fresh;

	if (store_load(st, wid, &fresh, err))
		return -1;
	model_data_free(d);
	*d = fresh;
	return STORE_REFRESH_WHOLE;
}

int store_refresh(struct jh_store *st, jh_id wid, struct jh_data *d, struct model_changes *ch,
		  struct jh_err *err)
{
	struct feed_item *items = NULL;
	size_t n = 0;
	unsigned parts = 0;
	int64_t upto = d->feed_seq;
	int rc, nested = st->depth > 0;

	/* One read transaction: the feed and the rows it names are one
	 * snapshot, so no change is missed or seen half. */
	if (!nested && exec_sql(st, "BEGIN", err))
		return -1;
	rc = feed_read(st, wid, d->feed_seq, &upto, &parts, &items, &n, err);
	if (!rc && !(parts & FEED_ALL) && (parts || n)) {
		rc = feed_apply(st, wid, d, parts, items, n, ch, err);
		/* Failed half-way, d is partly new: it is read whole below. */
		parts |= rc ? FEED_ALL : 0;
		rc = rc ? 0 : STORE_REFRESH_PATCHED;
	}
	if (rc >= 0)
		d->feed_seq = upto;
	free(items);
	if (!nested)
		exec_sql(st, rc < 0 ? "ROLLBACK" : "COMMIT", NULL);
	if (rc >= 0 && (parts & FEED_ALL))
		rc = nested
			 ? err_set(err, "%s", _("the change feed cannot be read inside a change"))
			 : feed_whole(st, wid, d, err);
	if (ch)
		ch->parts |= parts;
	return rc;
}

/* ------------------------------------------------------ partial loads */

long long store_rows_read(const struct jh_store *st, enum jh_kind kind)
{
	return (unsigned)kind < JH_NKINDS ? st->rows_read[kind] : 0;
}

/* The kinds the head holds: small in any workshop (the votes carry no
 * text and are counted in dots on the status line). */
static const enum jh_kind head_order[] = {JH_PARTICIPANT, JH_STEP, JH_VOTE};

static int load_head_rows(struct jh_store *st, jh_id wid, struct jh_data *d, struct jh_err *err)
{
	if (load_workshop(st, wid, &d->workshop, err) || load_lists(st, wid, d, err))
		return -1;
	for (size_t i = 0; i < sizeof head_order / sizeof head_order[0]; i++) {
		const struct jh_kind_def *k = kinds_get(head_order[i]);
		if (read_rows(st, k->kind, loads[k->kind].from, ARGS(I64(wid)),
			      (char *)d + k->items_offset,
			      (size_t *)(void *)((char *)d + k->count_offset), "load", err))
			return -1;
	}
	return load_rounds(st, wid, d, err);
}

int store_load_head(struct jh_store *st, jh_id wid, struct jh_data *out, struct jh_err *err)
{
	return load_snapshot(st, wid, out, load_head_rows, err);
}

/* The links of the workshop's ideas, as load_links reads them. */
static const char links_sql[] = "SELECT l.idea_id, l.painpoint_id FROM idea_painpoint l"
				" JOIN idea i ON i.id = l.idea_id WHERE i.workshop_id = ?1"
				" ORDER BY i.id, l.painpoint_id";

/* Step through the rows of kind as read_rows does, checking every value
 * and keeping none. */
static int check_rows(struct jh_store *st, enum jh_kind kind, jh_id wid, struct jh_err *err)
{
	const char *table = kinds_get(kind)->table;
	struct col c[MAX_COLS];
	size_t ncols = kind_cols(kind, c);
	char sql[1024], why[256];
	sqlite3_stmt *s;
	int rc;

	load_sql(c, ncols, loads[kind].from, sql, sizeof sql);
	s = stmt(st, sql, ARGS(I64(wid)), err);
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		for (size_t i = 0; i < ncols; i++)
			if (c[i].field &&
			    store_check_field(c[i].field, table, s, (int)i, why, sizeof why)) {
				sqlite3_reset(s);
				return err_set(err, _("%s: %s; not read"), st->path, why);
			}
	return rows_end(st, s, rc, "load", err);
}

static int check_links(struct jh_store *st, jh_id wid, struct jh_err *err)
{
	sqlite3_stmt *s = stmt(st, links_sql, ARGS(I64(wid)), err);
	int rc;

	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	return rows_end(st, s, rc, "load links", err);
}

static int in_head(enum jh_kind kind)
{
	for (size_t i = 0; i < sizeof head_order / sizeof head_order[0]; i++)
		if (head_order[i] == kind)
			return 1;
	return 0;
}

static int check_rest(struct jh_store *st, jh_id wid, struct jh_err *err)
{
	for (size_t i = 0; i < sizeof load_order / sizeof load_order[0]; i++)
		if (!in_head(load_order[i]) && check_rows(st, load_order[i], wid, err))
			return -1;
	return check_links(st, wid, err);
}

int store_check_rest(struct jh_store *st, jh_id wid, struct jh_err *err)
{
	int rc;

	if (st->depth == 0 && exec_sql(st, "BEGIN", err))
		return -1;
	rc = check_rest(st, wid, err);
	if (st->depth == 0)
		exec_sql(st, rc ? "ROLLBACK" : "COMMIT", NULL);
	return rc;
}
