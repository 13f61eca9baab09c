/* export.c: choosing an export and sending it to its writer, on a stream
 * or atomically into a file (filewrite.c). Only dispatches: what the
 * writers share lives below them, in export_w.c and export_facts.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/export.h"
#include "journeyhack/filewrite.h"
#include "journeyhack/i18n.h"
#include "journeyhack/util.h"

/* ------------------------------------------------------------ choices */

/* Each format with the other spelling people reach for first, its file
 * extension and the report EXPORT_DEFAULT means for it. */
static const struct {
	const char *name, *alias, *ext;
	enum export_report report;
} formats[EXPORT_NFORMATS] = {{"md", "markdown", "md", EXPORT_ACTIONS},
			      {"csv", NULL, "csv", EXPORT_ACTIONS},
			      {"json", NULL, "json", EXPORT_REPORT},
			      {"yaml", "yml", "yaml", EXPORT_REPORT},
			      {"taskwarrior", "task", "json", EXPORT_ACTIONS},
			      /* Only by --csv-raw: "csv" finds EXPORT_CSV first. */
			      {"csv", NULL, "csv", EXPORT_ACTIONS},
			      {"svg", NULL, "svg", EXPORT_REPORT},
			      {"html", "htm", "html", EXPORT_REPORT},
			      {"jira-csv", "jira", "csv", EXPORT_ACTIONS},
			      {"gitlab-csv", "gitlab", "csv", EXPORT_ACTIONS},
			      {"ical", "ics", "ics", EXPORT_ACTIONS},
			      {"todotxt", "todo.txt", "txt", EXPORT_ACTIONS}};
static const char *const report_names[EXPORT_NREPORTS] = {"actions", "backlog", "report",
							  "painpoints"};

int export_format_parse(const char *name)
{
	for (int i = 0; name && i < EXPORT_NFORMATS; i++)
		if (!strcmp(name, formats[i].name) ||
		    (formats[i].alias && !strcmp(name, formats[i].alias)))
			return i;
	return -1;
}

const char *export_format_list(void)
{
	static char list[256];
	size_t n = 0;

	if (list[0])
		return list;
	/* A row a name cannot reach (--csv-raw's) is not offered. */
	for (int i = 0; i < EXPORT_NFORMATS; i++)
		if (export_format_parse(formats[i].name) == i)
			n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", n ? ", " : "",
					      formats[i].name);
	return list;
}

const char *export_format_name(enum export_format f)
{
	return (int)f >= 0 && f < EXPORT_NFORMATS ? formats[f].name : "?";
}

const char *export_format_ext(enum export_format f)
{
	return (int)f >= 0 && f < EXPORT_NFORMATS ? formats[f].ext : "txt";
}

int export_report_parse(const char *name)
{
	for (int i = 0; name && i < EXPORT_NREPORTS; i++)
		if (!strcmp(name, report_names[i]))
			return i;
	return -1;
}

const char *export_report_name(enum export_report r)
{
	return (int)r >= 0 && r < EXPORT_NREPORTS ? report_names[r] : "default";
}

/* The tracker and calendar formats: one item per action point. */
static int actions_only(enum export_format f)
{
	return f == EXPORT_JIRA_CSV || f == EXPORT_GITLAB_CSV || f == EXPORT_ICAL ||
	       f == EXPORT_TODOTXT;
}

int export_check(enum export_format f, enum export_report *r, struct jh_err *err)
{
	if ((int)f < 0 || f >= EXPORT_NFORMATS)
		return err_set(err, _("unknown export format"));
	if (*r == EXPORT_DEFAULT)
		*r = formats[f].report;
	if ((f == EXPORT_CSV || f == EXPORT_CSV_RAW) && *r == EXPORT_REPORT)
		return err_set(err, _("csv exports the actions or the backlog "
				      "(-r actions|backlog), or the pain points (-r painpoints); "
				      "for the whole workshop use -f md, json or yaml"));
	if (*r == EXPORT_PAINPOINTS && f != EXPORT_CSV && f != EXPORT_CSV_RAW)
		return err_set(err, _("the pain points are exported as csv only "
				      "(-f csv -r painpoints)"));
	if ((f == EXPORT_JSON || f == EXPORT_YAML) && *r != EXPORT_REPORT)
		return err_set(err,
			       _("%s always exports the whole workshop (-r report); "
				 "for only the %s use -f md or csv"),
			       formats[f].name, report_names[*r]);
	if (f == EXPORT_TASKWARRIOR && *r != EXPORT_ACTIONS)
		return err_set(err, _("taskwarrior exports the action points only (-r actions)"));
	if ((f == EXPORT_SVG || f == EXPORT_HTML) && *r != EXPORT_REPORT)
		return err_set(err,
			       _("%s exports the whole workshop (-r report); "
				 "for only the %s use -f md or csv"),
			       formats[f].name, report_names[*r]);
	if (actions_only(f) && *r != EXPORT_ACTIONS)
		return err_set(err, _("%s exports the action points only (-r actions)"),
			       formats[f].name);
	return 0;
}

char *export_default_filename(const char *workshop, enum export_format f, enum export_report r)
{
	const char *w = workshop && *workshop ? workshop : "workshop";
	char *out;
	size_t n;

	if (export_check(f, &r, NULL))
		r = EXPORT_ACTIONS;
	n = strlen(w) + 32;
	out = util_xmalloc(n);
	if (f == EXPORT_JSON || f == EXPORT_YAML)
		snprintf(out, n, "%s.%s", w, formats[f].ext);
	else if (f == EXPORT_TASKWARRIOR)
		snprintf(out, n, "%s-tasks.json", w);
	else if (f == EXPORT_JIRA_CSV || f == EXPORT_GITLAB_CSV)
		snprintf(out, n, "%s-%s.csv", w, f == EXPORT_JIRA_CSV ? "jira" : "gitlab");
	else if (f == EXPORT_TODOTXT)
		snprintf(out, n, "%s-todo.txt", w);
	else
		snprintf(out, n, "%s-%s.%s", w, report_names[r], export_format_ext(f));
	/* A workshop name is a handle, but the UI may pass anything: the
	 * result must stay one file in the current directory. */
	for (char *p = out; *p; p++)
		if (*p == '/' || (unsigned char)*p < 0x20 || (p == out && *p == '.'))
			*p = '_';
	return out;
}

int export_write(FILE *f, const struct jh_data *d, enum export_format fmt, enum export_report r,
		 struct jh_err *err)
{
	if (export_check(fmt, &r, err))
		return -1;
	switch (fmt) {
	case EXPORT_MD:
		return export_md(f, d, r, err);
	case EXPORT_CSV:
		return export_csv(f, d, r, err);
	case EXPORT_CSV_RAW:
		return export_csv_raw(f, d, r, err);
	case EXPORT_JSON:
		return export_json(f, d, err);
	case EXPORT_YAML:
		return export_yaml(f, d, err);
	case EXPORT_TASKWARRIOR:
		return export_taskwarrior(f, d, err);
	case EXPORT_SVG:
		return export_svg(f, d, err);
	case EXPORT_HTML:
		return export_html(f, d, err);
	case EXPORT_JIRA_CSV:
		return export_jira(f, d, err);
	case EXPORT_GITLAB_CSV:
		return export_gitlab(f, d, err);
	case EXPORT_ICAL:
		return export_ical(f, d, err);
	case EXPORT_TODOTXT:
		return export_todotxt(f, d, err);
	default:
		return err_set(err, _("unknown export format"));
	}
}

struct export_job {
	const struct jh_data *d;
	enum export_format fmt;
	enum export_report r;
};

static int write_job(FILE *f, void *ctx, struct jh_err *err)
{
	const struct export_job *j = ctx;

	return export_write(f, j->d, j->fmt, j->r, err);
}

/* The database and the files SQLite keeps beside it, under the name it
 * was opened by and under its real name (SQLite puts them beside the
 * file a symbolic link leads to). NULL-terminated; caller frees each. */
static char **db_files(const char *db)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	const size_t ns = sizeof suffix / sizeof suffix[0];
	char *real = realpath(db, NULL), **list = util_xcalloc(2 * ns + 1, sizeof *list);
	size_t k = 0;

	for (size_t i = 0; i < ns; i++) {
		const char *base = db;
		for (int pass = 0; pass < 2; pass++, base = real) {
			size_t n;
			if (!base)
				continue;
			n = strlen(base) + strlen(suffix[i]) + 1;
			list[k] = util_xmalloc(n);
			snprintf(list[k++], n, "%s%s", base, suffix[i]);
		}
	}
	free(real);
	return list;
}

int export_write_file(const char *path, const char *db, const struct jh_data *d,
		      enum export_format fmt, enum export_report r, struct jh_err *err)
{
	struct export_job j = {d, fmt, r};
	char **files = db ? db_files(db) : NULL;
	struct filewrite_guard guard = {(const char *const *)files, _("the workshop database")};
	int rc;

	if (export_check(fmt, &j.r, err))
		rc = -1;
	else
		rc = filewrite_atomic_guarded(path, files ? &guard : NULL, write_job, &j, err);
	for (size_t i = 0; files && files[i]; i++)
		free(files[i]);
	free(files);
	return rc;
}

struct csv_job {
	const struct jh_data *d;
	enum export_report r;
	const struct export_csv_opts *o;
};

static int write_csv_job(FILE *f, void *ctx, struct jh_err *err)
{
	const struct csv_job *j = ctx;

	return export_csv_with(f, j->d, j->r, j->o, err);
}

int export_write_csv_file(const char *path, const char *db, const struct jh_data *d,
			  enum export_report r, const struct export_csv_opts *o, struct jh_err *err)
{
	struct csv_job j = {d, r, o};
	char **files = db ? db_files(db) : NULL;
	struct filewrite_guard guard = {(const char *const *)files, _("the workshop database")};
	int rc;

	if (export_check(EXPORT_CSV, &j.r, err))
		rc = -1;
	else
		rc = filewrite_atomic_guarded(path, files ? &guard : NULL, write_csv_job, &j, err);
	for (size_t i = 0; files && files[i]; i++)
		free(files[i]);
	free(files);
	return rc;
}

int export_write_path(const char *path, const struct jh_data *d, enum export_format fmt,
		      enum export_report r, struct jh_err *err)
{
	return export_write_file(path, NULL, d, fmt, r, err);
}

int export_to_path(struct jh_store *st, jh_id wid, const char *format, const char *report,
		   const char *path, struct jh_err *err)
{
	struct jh_data d;
	int fmt = export_format_parse(format ? format : "md");
	int r = report && *report ? export_report_parse(report) : EXPORT_DEFAULT;
	enum export_report rr;
	int rc;

	if (fmt < 0)
		return err_set(err, _("unknown export format \"%s\" (%s)"), format,
			       export_format_list());
	if (r == -1 && report && *report)
		return err_set(
		    err, _("unknown report \"%s\" (actions, backlog, report, painpoints)"), report);
	rr = (enum export_report)r;
	if (export_check((enum export_format)fmt, &rr, err))
		return -1;
	if (store_load(st, wid, &d, err))
		return -1;
	if (!path || !*path || !strcmp(path, "-")) {
		rc = export_write(stdout, &d, (enum export_format)fmt, rr, err);
	} else {
		rc = export_write_file(path, store_path(st), &d, (enum export_format)fmt, rr, err);
	}
	model_data_free(&d);
	return rc;
}

char **export_db_files(const char *db)
{
	return db_files(db);
}
