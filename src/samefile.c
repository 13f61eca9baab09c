/* samefile.c: whether two paths name one file, and whether a path still
 * names the file it did (see samefile.h). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journeyhack/i18n.h"
#include "journeyhack/samefile.h"
#include "journeyhack/util.h"

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return util_xstrdup(".");
	return util_xstrndup(path, slash > path ? (size_t)(slash - path) : 1);
}

/* What the symbolic link at path leads to, as a path from here (its text
 * joined to the link's directory when relative); NULL if not a link. */
static char *link_target(const char *path)
{
	char buf[PATH_MAX], *dir, *out;
	ssize_t n = readlink(path, buf, sizeof buf - 1);
	size_t len;

	if (n < 0)
		return NULL;
	buf[n] = '\0';
	if (buf[0] == '/')
		return util_xstrdup(buf);
	dir = dir_of(path);
	len = strlen(dir) + (size_t)n + 2;
	out = util_xmalloc(len);
	snprintf(out, len, "%s/%s", dir, buf);
	free(dir);
	return out;
}

/* Where path is or would be: its real path when it exists, else the
 * real path of its directory joined to its last name, following a
 * symbolic link that leads to nothing yet (writing through it would
 * create its target). NULL when the directory cannot be resolved.
 * Caller frees. */
static char *located(const char *path, int hops)
{
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
	char *real = realpath(path, NULL), *dir, *out;
	size_t n;

	if (real)
		return real;
	if (hops < 40 && (out = link_target(path))) {
		real = located(out, hops + 1);
		free(out);
		return real;
	}
	dir = dir_of(path);
	real = realpath(dir, NULL);
	free(dir);
	if (!real)
		return NULL;
	n = strlen(real) + strlen(base) + 2;
	out = util_xmalloc(n);
	/* "x/.." and "x/." that do not resolve name no file to compare. */
	if (!*base || !strcmp(base, ".") || !strcmp(base, ".."))
		*out = '\0';
	else
		snprintf(out, n, "%s/%s", strcmp(real, "/") ? real : "", base);
	free(real);
	return out;
}

int samefile_is(const char *path, const char *other)
{
	struct stat a, b;
	char *la, *lb;
	int same;

	if (!path || !other)
		return 0;
	if (stat(path, &a) == 0 && stat(other, &b) == 0)
		return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
	la = located(path, 0);
	lb = located(other, 0);
	same = la && lb && *la && !strcmp(la, lb);
	free(la);
	free(lb);
	return same;
}

void samefile_remember(const char *path, struct samefile_id *id)
{
	struct stat sb;

	id->known = path && stat(path, &sb) == 0;
	id->dev = id->known ? (unsigned long long)sb.st_dev : 0;
	id->ino = id->known ? (unsigned long long)sb.st_ino : 0;
}

int samefile_still(const char *path, const struct samefile_id *id, struct jh_err *err)
{
	struct stat sb;

	if (!id->known)
		return 0;
	if (stat(path, &sb) != 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return err_set(err, _("%s was deleted"), path);
		return 0; /* unreadable for a moment is no proof it is gone */
	}
	if ((unsigned long long)sb.st_dev != id->dev || (unsigned long long)sb.st_ino != id->ino)
		return err_set(err, _("%s was replaced by another file"), path);
	return 0;
}
