/* export.c: choosing an export, computing its facts, and writing files
 * atomically.
 *
 * A file is never rewritten in place: the export goes to a temporary
 * file in the target's directory (so rename cannot cross file systems),
 * is synced, and only then renamed over the target. A kill, a full disk
 * or a permission error therefore leaves the earlier file as it was. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "journeyhack/export.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"
#include "export_int.h"

/* ------------------------------------------------------------- writer */

void export_w_init(struct export_w *w, FILE *f)
{
	w->f = f;
	w->failed = 0;
	w->errnum = 0;
}

static void w_fail(struct export_w *w)
{
	if (!w->failed) {
		w->failed = 1;
		w->errnum = errno;
	}
}

void export_w_fail(struct export_w *w)
{
	w_fail(w);
}

void export_w_write(struct export_w *w, const char *s, size_t n)
{
	if (w->failed || n == 0)
		return;
	errno = 0;
	/* Escaping writes a few bytes at a time: a locked fwrite per piece
	 * cost more than the whole rest of a large export. */
	if (n <= 8) {
		for (size_t i = 0; i < n; i++) {
			if (putc_unlocked((unsigned char)s[i], w->f) == EOF) {
				w_fail(w);
				return;
			}
		}
		return;
	}
	if (fwrite(s, 1, n, w->f) != n)
		w_fail(w);
}

void export_w_puts(struct export_w *w, const char *s)
{
	export_w_write(w, s, strlen(s));
}

void export_w_putc(struct export_w *w, char c)
{
	export_w_write(w, &c, 1);
}

void export_w_printf(struct export_w *w, const char *fmt, ...)
{
	va_list ap;
	int rc;

	if (w->failed)
		return;
	errno = 0;
	va_start(ap, fmt);
	rc = vfprintf(w->f, fmt, ap);
	va_end(ap);
	if (rc < 0)
		w_fail(w);
}

size_t export_utf8_put(char *b, unsigned int cp)
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		b[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	b[0] = (char)(0xF0 | (cp >> 18));
	b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	b[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

void export_w_cp(struct export_w *w, unsigned int cp)
{
	char b[4];
	size_t n = export_utf8_put(b, cp);

	export_w_write(w, b, n);
}

int export_w_done(struct export_w *w, struct jh_err *err)
{
	if (!w->failed) {
		errno = 0;
		if (fflush(w->f) == EOF || ferror(w->f))
			w_fail(w);
	}
	if (!w->failed)
		return 0;
	return err_set(err, "write error: %s", strerror(w->errnum ? w->errnum : EIO));
}

size_t export_utf8_next(const char *s, size_t n, unsigned int *cp)
{
	return text_decode(s, n, cp);
}

char *export_clean(const char *s)
{
	size_t n = strlen(export_str(s)), len, k = 0;
	/* Every input byte becomes at most 3 output bytes (U+FFFD, U+24xx). */
	char *out = util_xmalloc(n * 3 + 1);
	unsigned int cp, was;

	s = export_str(s);
	for (size_t i = 0; i < n; i += len) {
		len = export_utf8_next(s + i, n - i, &cp);
		was = cp;
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r'))
			cp = 0x2400 + cp;
		else if (cp == 0x7F)
			cp = 0x2421;
		else if (cp >= 0x80 && cp < 0xA0)
			cp = 0xFFFD;
		if (cp == was && !(cp == 0xFFFD && len == 1)) {
			memcpy(out + k, s + i, len);
			k += len;
		} else {
			k += export_utf8_put(out + k, cp);
		}
	}
	out[k] = '\0';
	return out;
}

const char *export_str(const char *s)
{
	return s ? s : "";
}

/* -------------------------------------------------------------- facts */

void export_facts_init(struct export_facts *x, const struct jh_data *d)
{
	memset(x, 0, sizeof *x);
	util_today(x->today);
	x->method = analysis_workshop_method(d);
	x->backlog = analysis_backlog(d, &x->nbacklog);
	x->by_idea = util_xcalloc(d->nideas ? d->nideas : 1, sizeof *x->by_idea);
	for (size_t i = 0; i < x->nbacklog; i++)
		x->by_idea[x->backlog[i].index] = &x->backlog[i];
	x->journeys = util_xcalloc(d->njourneys ? d->njourneys : 1, sizeof *x->journeys);
	for (size_t i = 0; i < d->njourneys; i++)
		analysis_journey(d, d->journeys[i].id, &x->journeys[i]);
	x->actions = analysis_actions_ordered(d, x->backlog, x->nbacklog, &x->nactions);
}

void export_facts_free(struct export_facts *x)
{
	free(x->backlog);
	free(x->by_idea);
	free(x->journeys);
	free(x->actions);
	memset(x, 0, sizeof *x);
}

int export_is_weakest(const struct export_facts *x, const struct jh_data *d, jh_id touchpoint_id)
{
	for (size_t i = 0; touchpoint_id && i < d->njourneys; i++)
		if (x->journeys[i].weakest_link == touchpoint_id)
			return 1;
	return 0;
}

long long export_days_from_civil(const char *date)
{
	/* Howard Hinnant's days_from_civil, valid for every Gregorian date. */
	long long y = atoi(date), m = atoi(date + 5), dd = atoi(date + 8);
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* ------------------------------------------------------------ choices */

static const char *const format_names[EXPORT_NFORMATS] = {"md", "csv", "json", "yaml",
							  "taskwarrior"};
static const char *const format_exts[EXPORT_NFORMATS] = {"md", "csv", "json", "yaml", "json"};
static const char *const report_names[EXPORT_NREPORTS] = {"actions", "backlog", "report"};

int export_format_parse(const char *name)
{
	for (int i = 0; name && i < EXPORT_NFORMATS; i++)
		if (!strcmp(name, format_names[i]))
			return i;
	/* The spellings people reach for first. */
	if (name && (!strcmp(name, "markdown")))
		return EXPORT_MD;
	if (name && (!strcmp(name, "yml")))
		return EXPORT_YAML;
	if (name && (!strcmp(name, "task")))
		return EXPORT_TASKWARRIOR;
	return -1;
}

const char *export_format_name(enum export_format f)
{
	return (int)f >= 0 && f < EXPORT_NFORMATS ? format_names[f] : "?";
}

const char *export_format_ext(enum export_format f)
{
	return (int)f >= 0 && f < EXPORT_NFORMATS ? format_exts[f] : "txt";
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

int export_check(enum export_format f, enum export_report *r, struct jh_err *err)
{
	switch (f) {
	case EXPORT_MD:
		if (*r == EXPORT_DEFAULT)
			*r = EXPORT_ACTIONS;
		return 0;
	case EXPORT_CSV:
		if (*r == EXPORT_DEFAULT)
			*r = EXPORT_ACTIONS;
		if (*r == EXPORT_REPORT)
			return err_set(err, "csv exports the actions or the backlog "
					    "(-r actions|backlog); for the whole workshop use "
					    "-f md, json or yaml");
		return 0;
	case EXPORT_JSON:
	case EXPORT_YAML:
		if (*r == EXPORT_DEFAULT)
			*r = EXPORT_REPORT;
		if (*r != EXPORT_REPORT)
			return err_set(err,
				       "%s always exports the whole workshop (-r report); "
				       "for only the %s use -f md or csv",
				       format_names[f], report_names[*r]);
		return 0;
	case EXPORT_TASKWARRIOR:
		if (*r == EXPORT_DEFAULT)
			*r = EXPORT_ACTIONS;
		if (*r != EXPORT_ACTIONS)
			return err_set(err,
				       "taskwarrior exports the action points only (-r actions)");
		return 0;
	default:
		return err_set(err, "unknown export format");
	}
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
		snprintf(out, n, "%s.%s", w, format_exts[f]);
	else if (f == EXPORT_TASKWARRIOR)
		snprintf(out, n, "%s-tasks.json", w);
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
	case EXPORT_JSON:
		return export_json(f, d, err);
	case EXPORT_YAML:
		return export_yaml(f, d, err);
	case EXPORT_TASKWARRIOR:
		return export_taskwarrior(f, d, err);
	default:
		return err_set(err, "unknown export format");
	}
}

/* ------------------------------------------------------- atomic files */

static mode_t new_file_mode(void)
{
	/* umask can only be read by setting it; journeyhack is single-threaded. */
	mode_t mask = umask(077);

	umask(mask);
	return 0666 & ~mask;
}

/* Write to a path that is not a regular file (FIFO, terminal, device)
 * the only way it can be written: directly. */
static int write_direct(const char *path, int (*write_fn)(FILE *, void *, struct jh_err *),
			void *ctx, struct jh_err *err)
{
	FILE *f = fopen(path, "w");
	int rc;

	if (!f)
		return err_set(err, "%s: %s", path, strerror(errno));
	rc = write_fn(f, ctx, err);
	if (fclose(f) != 0 && rc == 0)
		rc = err_set(err, "%s: %s", path, strerror(errno));
	if (rc)
		err_prefix(err, "%s", path);
	return rc;
}

/* A link someone else planted in a shared sticky directory such as /tmp
 * must not redirect the export onto a file of ours. The kernel refuses to
 * follow such a link on open (fs.protected_symlinks); realpath and rename
 * would not, so the same rule is applied here. */
static int planted_link(const char *path, const struct stat *link)
{
	char *dir = util_xstrdup(path);
	char *slash = strrchr(dir, '/');
	struct stat ds;
	int planted;

	if (!slash)
		snprintf(dir, strlen(path) + 1, ".");
	else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	planted = stat(dir, &ds) == 0 && (ds.st_mode & S_ISVTX) && (ds.st_mode & S_IWOTH) &&
		  link->st_uid != geteuid() && link->st_uid != ds.st_uid;
	free(dir);
	return planted;
}

/* The file to replace: the target of a symbolic link (so the link keeps
 * pointing at the new export), else the path itself. Caller frees; NULL
 * when the link may not be followed. */
static char *resolve_target(const char *path)
{
	struct stat sb;
	char *real;

	if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode)) {
		if (planted_link(path, &sb))
			return NULL;
		real = realpath(path, NULL);
		if (real)
			return real;
	}
	return util_xstrdup(path);
}

static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY);

	/* Durability of the rename; some file systems refuse fsync on a
	 * directory, which is no reason to fail an export already in place. */
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

int export_atomic(const char *path, int (*write_fn)(FILE *f, void *ctx, struct jh_err *err),
		  void *ctx, struct jh_err *err)
{
	struct stat sb;
	char *target, *tmp, *slash;
	const char *base;
	size_t dirlen, n;
	mode_t mode;
	FILE *f;
	int fd, rc, saved;

	if (!path || !*path)
		return err_set(err, "no file name given");
	/* /dev/stdout and friends name a descriptor, not a place for a
	 * temporary file and a rename. */
	if (!strncmp(path, "/dev/", 5) || !strncmp(path, "/proc/", 6))
		return write_direct(path, write_fn, ctx, err);
	if (stat(path, &sb) == 0) {
		if (!S_ISREG(sb.st_mode)) {
			if (S_ISDIR(sb.st_mode))
				return err_set(err, "%s is a directory", path);
			return write_direct(path, write_fn, ctx, err);
		}
		/* Renaming over a file we may not write would bypass the
		 * protection its owner gave it. */
		if (access(path, W_OK) != 0)
			return err_set(err, "%s: %s", path, strerror(errno));
		mode = sb.st_mode & 07777;
	} else {
		mode = new_file_mode();
	}
	target = resolve_target(path);
	if (!target)
		return err_set(err,
			       "%s: a symbolic link owned by someone else in a shared "
			       "directory; not followed",
			       path);
	slash = strrchr(target, '/');
	dirlen = slash ? (size_t)(slash - target) : 0;
	base = slash ? slash + 1 : target;
	n = strlen(target) + 16;
	tmp = util_xmalloc(n);
	/* Hidden and named after the target, so a leftover after a crash
	 * says what it was. */
	snprintf(tmp, n, "%.*s%s.%s.XXXXXX", (int)dirlen, target, slash ? "/" : "", base);
	/* mkstemp opens with O_CREAT|O_EXCL: a symlink planted under the
	 * temporary name makes it fail or pick another name, never write
	 * through the link. */
	fd = mkstemp(tmp);
	if (fd < 0) {
		rc = err_set(err, "cannot create a file beside %s: %s", path, strerror(errno));
		goto out;
	}
	if (fchmod(fd, mode) != 0 || !(f = fdopen(fd, "w"))) {
		rc = err_set(err, "%s: %s", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	rc = write_fn(f, ctx, err);
	if (rc == 0 && (fflush(f) == EOF || ferror(f)))
		rc = err_set(err, "write error: %s", strerror(errno ? errno : EIO));
	if (rc == 0 && fsync(fileno(f)) != 0)
		rc = err_set(err, "write error: %s", strerror(errno));
	saved = errno;
	if (fclose(f) != 0 && rc == 0)
		rc = err_set(err, "write error: %s", strerror(errno));
	errno = saved;
	if (rc == 0 && rename(tmp, target) != 0)
		rc = err_set(err, "cannot replace %s: %s", target, strerror(errno));
	if (rc) {
		unlink(tmp);
		err_prefix(err, "%s", path);
		goto out;
	}
	{
		char *dir = slash ? util_xstrndup(target, dirlen ? dirlen : 1) : util_xstrdup(".");
		sync_dir(dir);
		free(dir);
	}
out:
	free(tmp);
	free(target);
	return rc;
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

int export_write_path(const char *path, const struct jh_data *d, enum export_format fmt,
		      enum export_report r, struct jh_err *err)
{
	struct export_job j = {d, fmt, r};

	if (export_check(fmt, &j.r, err))
		return -1;
	return export_atomic(path, write_job, &j, err);
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
		return err_set(
		    err, "unknown export format \"%s\" (md, csv, json, yaml, taskwarrior)", format);
	if (r == -1 && report && *report)
		return err_set(err, "unknown report \"%s\" (actions, backlog, report)", report);
	rr = (enum export_report)r;
	if (export_check((enum export_format)fmt, &rr, err))
		return -1;
	if (store_load(st, wid, &d, err))
		return -1;
	if (!path || !*path || !strcmp(path, "-")) {
		rc = export_write(stdout, &d, (enum export_format)fmt, rr, err);
	} else {
		rc = export_write_path(path, &d, (enum export_format)fmt, rr, err);
	}
	model_data_free(&d);
	return rc;
}
