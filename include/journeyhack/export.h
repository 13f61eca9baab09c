/* export.h: carrying a workshop out of the room.
 *
 * Formats: md (GitHub-flavoured markdown), csv (RFC 4180), json (the
 * whole workshop with the analysis), taskwarrior (JSON for `task
 * import`) and yaml (lossless: the backup and hand-over format, read back
 * by import_yaml_file). Reports: actions, backlog, report. Every writer
 * takes a FILE * and returns -1 with a message when a write fails; user
 * text is escaped for its format and never leaves as invalid UTF-8.
 * Files are written atomically: a failed export leaves the earlier file
 * as it was. */
#ifndef JOURNEYHACK_EXPORT_H
#define JOURNEYHACK_EXPORT_H

#include <stdio.h>

#include "journeyhack/err.h"
#include "journeyhack/model.h"
#include "journeyhack/store.h"

enum export_format {
	EXPORT_MD,
	EXPORT_CSV,
	EXPORT_JSON,
	EXPORT_YAML,
	EXPORT_TASKWARRIOR,
	EXPORT_CSV_RAW,	   /* csv without the formula guard: `export --csv-raw` */
	EXPORT_SVG,	   /* the journey map, an A3 poster */
	EXPORT_HTML,	   /* the report as one self-contained page */
	EXPORT_JIRA_CSV,   /* action points for Jira's CSV importer */
	EXPORT_GITLAB_CSV, /* action points for GitLab's issue CSV import */
	EXPORT_ICAL,	   /* action points as iCalendar VTODOs */
	EXPORT_TODOTXT,	   /* action points in the todo.txt format */
	EXPORT_NFORMATS
};

enum export_report {
	EXPORT_DEFAULT = -1, /* the format's own: actions, or the whole workshop */
	EXPORT_ACTIONS = 0,
	EXPORT_BACKLOG,
	EXPORT_REPORT,
	EXPORT_PAINPOINTS, /* csv: every pain point with its touchpoint and ideas */
	EXPORT_NREPORTS
};

/* "md" "csv" "json" "yaml" "taskwarrior" -> enum; -1 when unknown. */
int export_format_parse(const char *name);
/* Every format a user can name, comma-separated, for messages. */
const char *export_format_list(void);
const char *export_format_name(enum export_format f);
/* File name extension without the dot: md csv json yaml json. */
const char *export_format_ext(enum export_format f);

/* "actions" "backlog" "report" "painpoints" -> enum; -1 when unknown. */
int export_report_parse(const char *name);
const char *export_report_name(enum export_report r);

/* Resolve the report for a format: EXPORT_DEFAULT becomes actions for md,
 * csv and taskwarrior and report for json and yaml (which always carry
 * the whole workshop). Returns -1 with a message naming what the format
 * accepts when the pair makes no sense (csv has no report, json no
 * backlog). */
int export_check(enum export_format f, enum export_report *r, struct jh_err *err);

/* "WORKSHOP-actions.md", "WORKSHOP.yaml", ...: the name the UI offers.
 * Caller frees. */
char *export_default_filename(const char *workshop, enum export_format f, enum export_report r);

/* Write one export of a loaded workshop to f (not closed). The report
 * must have passed export_check. -1 with a message on a write error. */
int export_write(FILE *f, const struct jh_data *d, enum export_format fmt, enum export_report r,
		 struct jh_err *err);

/* Write to path atomically (filewrite_atomic_guarded): a temporary file
 * beside it, flushed and synced, then renamed over it. Refused before
 * anything is written: a path that is, or resolves to, the database db
 * or its -wal, -shm or -journal file (db NULL: no database to protect);
 * a symbolic link to nothing; a FIFO, device, socket or directory. A
 * path under /dev or /proc (/dev/stdout) is written directly. On failure
 * the earlier file is untouched and no temporary is left. */
int export_write_file(const char *path, const char *db, const struct jh_data *d,
		      enum export_format fmt, enum export_report r, struct jh_err *err);

/* export_write_file with no database to protect. */
int export_write_path(const char *path, const struct jh_data *d, enum export_format fmt,
		      enum export_report r, struct jh_err *err);

/* What the UI's export dialog calls: load workshop wid and write the
 * export named by format and report (report NULL or "": the format's
 * default) to path ("-" or NULL: stdout), never over st's database. */
int export_to_path(struct jh_store *st, jh_id wid, const char *format, const char *report,
		   const char *path, struct jh_err *err);

/* ---- the writers, one per format (export_write dispatches) ---- */

int export_md(FILE *f, const struct jh_data *d, enum export_report r, struct jh_err *err);
/* Text cells that a spreadsheet would run as a formula get a leading
 * apostrophe (csv_formula_guard); export_csv_raw leaves them as stored. */
int export_csv(FILE *f, const struct jh_data *d, enum export_report r, struct jh_err *err);
int export_csv_raw(FILE *f, const struct jh_data *d, enum export_report r, struct jh_err *err);

/* How a CSV export is laid out. A semicolon separator (what Excel and
 * LibreOffice in Swedish and Norwegian locales expect) also writes the
 * backlog's scores with a decimal comma; bom puts a UTF-8 byte order mark
 * first, by which Excel knows the file is UTF-8; raw drops the formula
 * guard. */
struct export_csv_opts {
	char sep; /* ',' ';' or '\t' */
	int bom;
	int raw;
};

int export_csv_with(FILE *f, const struct jh_data *d, enum export_report r,
		    const struct export_csv_opts *o, struct jh_err *err);

/* export_write_file for a CSV report laid out by o: atomic, and never
 * over the database db or its companion files. */
int export_write_csv_file(const char *path, const char *db, const struct jh_data *d,
			  enum export_report r, const struct export_csv_opts *o,
			  struct jh_err *err);
int export_json(FILE *f, const struct jh_data *d, struct jh_err *err);
int export_yaml(FILE *f, const struct jh_data *d, struct jh_err *err);
int export_taskwarrior(FILE *f, const struct jh_data *d, struct jh_err *err);
/* Every journey stacked on one A3 poster (export_svg.h). */
int export_svg(FILE *f, const struct jh_data *d, struct jh_err *err);
/* The report as HTML with each journey's map inline; needs no network. */
int export_html(FILE *f, const struct jh_data *d, struct jh_err *err);
int export_jira(FILE *f, const struct jh_data *d, struct jh_err *err);
int export_gitlab(FILE *f, const struct jh_data *d, struct jh_err *err);
int export_ical(FILE *f, const struct jh_data *d, struct jh_err *err);
int export_todotxt(FILE *f, const struct jh_data *d, struct jh_err *err);

/* The workshop database at db and its -wal, -shm and -journal files, by
 * the name given and its real one: what an export must never be written
 * over. NULL-terminated; free each and the array. */
char **export_db_files(const char *db);

#endif
