/* filewrite.c: writing a file atomically (see filewrite.h).
 *
 * The temporary file sits beside the target, is synced, and is renamed
 * over it; the directory is synced after the rename. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "journeyhack/filewrite.h"
#include "journeyhack/util.h"

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
/* The directory a path names a file in: "." or "/" at the ends. Caller frees. */
static char *parent_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return util_xstrdup(".");
	return util_xstrndup(path, slash > path ? (size_t)(slash - path) : 1);
}

static int planted_link(const char *path, const struct stat *link)
{
	char *dir = parent_dir(path);
	struct stat ds;
	int planted;

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

	if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode)) {
		char *real;

		if (planted_link(path, &sb))
			return NULL;
		real = realpath(path, NULL);
		if (real)
			return real;
	}
	return util_xstrdup(path);
}

static void sync_parent(const char *target)
{
	char *dir = parent_dir(target);
	int fd = open(dir, O_RDONLY | O_DIRECTORY);

	/* Durability of the rename; some file systems refuse fsync on a
	 * directory, which is no reason to fail an export already in place. */
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Hidden and named after the target, so a leftover after a crash says
 * what it was: DIR/.NAME.XXXXXX for mkstemp. Caller frees. */
static char *temp_name(const char *target)
{
	const char *slash = strrchr(target, '/');
	size_t n = strlen(target) + 16;
	char *tmp = util_xmalloc(n);

	if (slash)
		snprintf(tmp, n, "%.*s/.%s.XXXXXX", (int)(slash - target), target, slash + 1);
	else
		snprintf(tmp, n, ".%s.XXXXXX", target);
	return tmp;
}

/* Run write_fn, then flush, sync and close f: 0 only when all of it
 * worked, so nothing half-written is ever renamed into place. */
static int write_synced(FILE *f, int (*write_fn)(FILE *, void *, struct jh_err *), void *ctx,
			struct jh_err *err)
{
	int rc, saved;

	rc = write_fn(f, ctx, err);
	if (rc == 0 && (fflush(f) == EOF || ferror(f)))
		rc = err_set(err, "write error: %s", strerror(errno ? errno : EIO));
	if (rc == 0 && fsync(fileno(f)) != 0)
		rc = err_set(err, "write error: %s", strerror(errno));
	saved = errno;
	if (fclose(f) != 0 && rc == 0)
		rc = err_set(err, "write error: %s", strerror(errno));
	errno = saved;
	return rc;
}

/* Write a temporary file beside target and rename it over target. */
static int replace(const char *path, const char *target, mode_t mode,
		   int (*write_fn)(FILE *, void *, struct jh_err *), void *ctx, struct jh_err *err)
{
	char *tmp = temp_name(target);
	FILE *f = NULL;
	/* mkstemp opens with O_CREAT|O_EXCL: a symlink planted under the
	 * temporary name makes it fail or pick another name, never write
	 * through the link. */
	int fd = mkstemp(tmp), rc;

	if (fd < 0) {
		rc = err_set(err, "cannot create a file beside %s: %s", path, strerror(errno));
	} else if (fchmod(fd, mode) != 0 || !(f = fdopen(fd, "w"))) {
		rc = err_set(err, "%s: %s", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
	} else {
		rc = write_synced(f, write_fn, ctx, err);
		if (rc == 0 && rename(tmp, target) != 0)
			rc = err_set(err, "cannot replace %s: %s", target, strerror(errno));
		if (rc) {
			unlink(tmp);
			err_prefix(err, "%s", path);
		} else {
			sync_parent(target);
		}
	}
	free(tmp);
	return rc;
}

int filewrite_atomic(const char *path, int (*write_fn)(FILE *f, void *ctx, struct jh_err *err),
		     void *ctx, struct jh_err *err)
{
	struct stat sb;
	char *target;
	mode_t mode;
	int rc;

	if (!path || !*path)
		return err_set(err, "no file name given");
	/* /dev/stdout and friends name a descriptor, not a place for a
	 * temporary file and a rename. */
	if (!strncmp(path, "/dev/", 5) || !strncmp(path, "/proc/", 6))
		return write_direct(path, write_fn, ctx, err);
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			return err_set(err, "%s is a directory", path);
		if (!S_ISREG(sb.st_mode))
			return write_direct(path, write_fn, ctx, err);
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
	rc = replace(path, target, mode, write_fn, ctx, err);
	free(target);
	return rc;
}
