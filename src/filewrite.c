/* filewrite.c: writing a file atomically (see filewrite.h).
 *
 * The temporary file sits beside the target, is synced, and is renamed
 * over it; the directory is synced after the rename. Where the system
 * allows it the temporary has no name until it is complete, so a kill
 * while writing leaves nothing behind; a named one is locked for as long
 * as its writer lives, so the next export can tell a leftover from a
 * file another export is still writing, and removes the leftover. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* O_TMPFILE */
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "journeyhack/filewrite.h"
#include "journeyhack/i18n.h"
#include "journeyhack/samefile.h"
#include "journeyhack/util.h"

/* Temporaries are ".NAME" TEMP_MARK "XXXXXX": hidden, named after what
 * they were for, and recognisable as ours when one is left over. */
#define TEMP_MARK   ".journeyhack-"
#define TEMP_RANDOM 6

static mode_t new_file_mode(void)
{
	/* umask can only be read by setting it; journeyhack is single-threaded. */
	mode_t mask = umask(077);

	umask(mask);
	return 0666 & ~mask;
}

/* Write to a stream named under /dev or /proc the only way it can be
 * written: directly. */
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

/* DIR/.NAME.journeyhack-XXXXXX for target DIR/NAME (NAME cut short so
 * the whole stays a legal file name). Caller frees. */
static char *temp_name(const char *target)
{
	const char *slash = strrchr(target, '/');
	size_t n = strlen(target) + sizeof TEMP_MARK + TEMP_RANDOM + 2;
	char *tmp = util_xmalloc(n);

	if (slash)
		snprintf(tmp, n, "%.*s/.%.200s" TEMP_MARK "XXXXXX", (int)(slash - target), target,
			 slash + 1);
	else
		snprintf(tmp, n, ".%.200s" TEMP_MARK "XXXXXX", target);
	return tmp;
}

static int is_temp_name(const char *name)
{
	size_t n = strlen(name), k = strlen(TEMP_MARK);

	if (name[0] != '.' || n < 1 + k + TEMP_RANDOM ||
	    strncmp(name + n - TEMP_RANDOM - k, TEMP_MARK, k))
		return 0;
	for (size_t i = n - TEMP_RANDOM; i < n; i++)
		if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'z') ||
		      (name[i] >= 'A' && name[i] <= 'Z')))
			return 0;
	return 1;
}

/* A temporary of ours whose writer is gone: nobody holds its lock (the
 * kernel drops it when a process dies, kill -9 included). Only our own
 * regular files, and only the file that was locked. */
static void remove_if_stale(int dfd, const char *name)
{
	int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat held, now;

	if (fd < 0)
		return;
	if (fstat(fd, &held) == 0 && S_ISREG(held.st_mode) && held.st_uid == geteuid() &&
	    flock(fd, LOCK_EX | LOCK_NB) == 0 &&
	    fstatat(dfd, name, &now, AT_SYMLINK_NOFOLLOW) == 0 && now.st_dev == held.st_dev &&
	    now.st_ino == held.st_ino)
		(void)unlinkat(dfd, name, 0);
	close(fd);
}

/* What an export killed mid-way left beside earlier targets in dir.
 * Best effort: a directory we may not list or change keeps them. */
static void clean_stale(const char *target)
{
	char *dir = parent_dir(target);
	DIR *d = opendir(dir);
	struct dirent *e;

	free(dir);
	if (!d)
		return;
	while ((e = readdir(d)))
		if (is_temp_name(e->d_name))
			remove_if_stale(dirfd(d), e->d_name);
	closedir(d);
}

/* Fill the last TEMP_RANDOM characters of tmp, for names made without
 * mkstemp. Unpredictable enough: a clash only costs another try. */
static void randomise(char *tmp)
{
	static const char digits[] =
	    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
	static unsigned long counter;
	struct timespec ts;
	unsigned long long x;
	char *p = tmp + strlen(tmp) - TEMP_RANDOM;

	clock_gettime(CLOCK_REALTIME, &ts);
	x = (unsigned long long)ts.tv_nsec * 6364136223846793005ULL ^
	    (unsigned long long)getpid() << 20 ^
	    (unsigned long long)++counter * 0x9E3779B97F4A7C15ULL ^ (unsigned long long)ts.tv_sec;
	for (int i = 0; i < TEMP_RANDOM; i++, x /= 62)
		p[i] = digits[x % 62];
}

/* Run write_fn, then flush and sync f: 0 only when all of it worked, so
 * nothing half-written is ever put into place. */
static int write_synced(FILE *f, int (*write_fn)(FILE *, void *, struct jh_err *), void *ctx,
			struct jh_err *err)
{
	int rc = write_fn(f, ctx, err);

	if (rc == 0 && (fflush(f) == EOF || ferror(f)))
		rc = err_set(err, _("write error: %s"), strerror(errno ? errno : EIO));
	if (rc == 0 && fsync(fileno(f)) != 0)
		rc = err_set(err, _("write error: %s"), strerror(errno));
	return rc;
}

/* A temporary file with a name, from mkstemp (O_CREAT|O_EXCL: a symlink
 * planted under the name makes it pick another, never write through the
 * link), locked before use. Another export may have removed it as stale
 * between the two steps: then it is made again. -1 with errno. */
static int open_named(char *tmp)
{
	size_t len = strlen(tmp);

	for (int tries = 0; tries < 8; tries++) {
		struct stat held, now;
		int fd;

		memcpy(tmp + len - TEMP_RANDOM, "XXXXXX", TEMP_RANDOM);
		fd = mkstemp(tmp);
		if (fd < 0)
			return -1;
		if (flock(fd, LOCK_EX) == 0 && fstat(fd, &held) == 0 && lstat(tmp, &now) == 0 &&
		    now.st_ino == held.st_ino && now.st_dev == held.st_dev)
			return fd;
		close(fd);
	}
	errno = EAGAIN;
	return -1;
}

/* A temporary with no name in dir (O_TMPFILE), locked; -1 where the
 * system or the file system cannot make one, or cannot name it later
 * (linkat through /proc). */
static int open_unnamed(const char *target)
{
#ifdef O_TMPFILE
	char *dir = parent_dir(target);
	int fd = -1;

	if (access("/proc/self/fd", X_OK) == 0)
		fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
	free(dir);
	if (fd >= 0 && flock(fd, LOCK_EX) != 0) {
		close(fd);
		fd = -1;
	}
	return fd;
#else
	(void)target;
	return -1;
#endif
}

/* Give the finished unnamed file fd the name tmp (randomised until
 * free); it stays locked, so no other export takes it for a leftover. */
static int name_unnamed(int fd, char *tmp)
{
	char proc[64];

	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	for (int tries = 0; tries < 100; tries++) {
		randomise(tmp);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0)
			return 0;
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

/* Rename the finished temporary fd over target, naming it tmp first if
 * it has no name yet. On failure no name of it is left. */
static int put_in_place(int fd, int named, char *tmp, const char *path, const char *target,
			struct jh_err *err)
{
	if (!named && name_unnamed(fd, tmp) != 0)
		return err_set(err, _("cannot name the file beside %s: %s"), path, strerror(errno));
	if (rename(tmp, target) != 0) {
		int rc = err_set(err, _("cannot replace %s: %s"), target, strerror(errno));
		unlink(tmp);
		return rc;
	}
	return 0;
}

/* Write a temporary file beside target and rename it over target. The
 * file stays open, and so locked, until its name is gone or in place. */
static int replace(const char *path, const char *target, mode_t mode,
		   int (*write_fn)(FILE *, void *, struct jh_err *), void *ctx, struct jh_err *err)
{
	char *tmp = temp_name(target);
	FILE *f = NULL;
	int fd = open_unnamed(target), named = fd < 0, rc;

	if (named)
		fd = open_named(tmp);
	if (fd < 0) {
		rc = err_set(err, _("cannot create a file beside %s: %s"), path, strerror(errno));
	} else if (fchmod(fd, mode) != 0 || !(f = fdopen(fd, "w"))) {
		rc = err_set(err, "%s: %s", tmp, strerror(errno));
		if (named)
			unlink(tmp);
		close(fd);
	} else {
		rc = write_synced(f, write_fn, ctx, err);
		if (rc == 0)
			rc = put_in_place(fd, named, tmp, path, target, err);
		else if (named)
			unlink(tmp);
		if (fclose(f) != 0 && rc == 0)
			rc = err_set(err, _("write error: %s"), strerror(errno));
		if (rc)
			err_prefix(err, "%s", path);
		else
			sync_parent(target);
	}
	free(tmp);
	return rc;
}

/* One of the guard's files under another name: refused before anything
 * is written or even opened. */
static int forbidden(const char *path, const struct filewrite_guard *guard, struct jh_err *err)
{
	for (size_t i = 0; guard && guard->paths && guard->paths[i]; i++)
		if (samefile_is(path, guard->paths[i]))
			return err_set(err, _("%s would overwrite %s (%s); choose another file"),
				       path, guard->what ? guard->what : _("a protected file"),
				       guard->paths[i]);
	return 0;
}

static const char *kind_of(mode_t m)
{
	if (S_ISFIFO(m))
		return _("a FIFO (named pipe)");
	if (S_ISCHR(m))
		return _("a character device");
	if (S_ISBLK(m))
		return _("a block device");
	if (S_ISSOCK(m))
		return "a socket";
	return _("not a regular file");
}

/* What is at path may be replaced: nothing yet (*exists 0), or a regular
 * file, directly or through symbolic links (*sb filled). Judged from
 * lstat and stat alone: a FIFO is never opened, so one nobody reads
 * cannot hold the export up, and a device is never written. */
static int replaceable(const char *path, struct stat *sb, int *exists, struct jh_err *err)
{
	struct stat lb;

	*exists = 0;
	if (lstat(path, &lb) != 0)
		return 0; /* nothing there; replace() says why if it cannot create it */
	if (stat(path, sb) != 0) {
		if (S_ISLNK(lb.st_mode))
			return err_set(err,
				       _("%s is a symbolic link to a file that does not exist: not "
					 "replaced; export to the file itself"),
				       path);
		return err_set(err, "%s: %s", path, strerror(errno));
	}
	*exists = 1;
	if (S_ISDIR(sb->st_mode))
		return err_set(err, _("%s is a directory"), path);
	if (!S_ISREG(sb->st_mode))
		return err_set(err, _("%s is %s: only a regular file is written"), path,
			       kind_of(sb->st_mode));
	/* Renaming over a file we may not write would bypass the protection
	 * its owner gave it. */
	if (access(path, W_OK) != 0)
		return err_set(err, "%s: %s", path, strerror(errno));
	return 0;
}

/* /dev/stdout, /dev/null, /dev/fd/N and friends, named as such, are a
 * stream the user chose, not a place for a temporary and a rename. */
static int write_stream(const char *path, int (*write_fn)(FILE *, void *, struct jh_err *),
			void *ctx, struct jh_err *err)
{
	struct stat sb;

	/* A name there that does not exist is a typing error, not a file to
	 * create among the devices. */
	if (stat(path, &sb) != 0)
		return err_set(err, "%s: %s", path, strerror(errno));
	if (S_ISDIR(sb.st_mode))
		return err_set(err, _("%s is a directory"), path);
	if (S_ISBLK(sb.st_mode))
		return err_set(err, _("%s is a block device: only a regular file is written"),
			       path);
	return write_direct(path, write_fn, ctx, err);
}

int filewrite_atomic_guarded(const char *path, const struct filewrite_guard *guard,
			     int (*write_fn)(FILE *f, void *ctx, struct jh_err *err), void *ctx,
			     struct jh_err *err)
{
	struct stat sb;
	char *target;
	int exists, rc;

	if (!path || !*path)
		return err_set(err, _("no file name given"));
	if (forbidden(path, guard, err))
		return -1;
	if (!strncmp(path, "/dev/", 5) || !strncmp(path, "/proc/", 6))
		return write_stream(path, write_fn, ctx, err);
	if (replaceable(path, &sb, &exists, err))
		return -1;
	target = resolve_target(path);
	if (!target)
		return err_set(err,
			       _("%s: a symbolic link owned by someone else in a shared "
				 "directory; not followed"),
			       path);
	clean_stale(target);
	rc = replace(path, target, exists ? sb.st_mode & 07777 : new_file_mode(), write_fn, ctx,
		     err);
	free(target);
	return rc;
}

int filewrite_atomic(const char *path, int (*write_fn)(FILE *f, void *ctx, struct jh_err *err),
		     void *ctx, struct jh_err *err)
{
	return filewrite_atomic_guarded(path, NULL, write_fn, ctx, err);
}
