/* fileread.c: the one whole-file reader (behaviour in fileread.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journeyhack/fileread.h"
#include "journeyhack/i18n.h"
#include "journeyhack/util.h"

#define MIB (1024ull * 1024)

static int sys_fail(int fd, const char *path, struct jh_err *err)
{
	int e = errno;

	if (fd >= 0)
		close(fd);
	return err_set(err, "%s: %s", path, strerror(e));
}

/* size is 0 when only "more than max" is known (a stream, a growing file). */
static int too_large(const char *path, unsigned long long size, size_t max, struct jh_err *err)
{
	unsigned long long limit = ((unsigned long long)max + MIB - 1) / MIB;

	if (size == 0)
		err_set(err, _("%s: file is too large (the limit is %llu MiB)"), path, limit);
	else
		err_set(err, _("%s: file is too large (%llu MiB; the limit is %llu MiB)"), path,
			(size + MIB - 1) / MIB, limit);
	return FILEREAD_TOO_LARGE;
}

/* Read up to max + 1 bytes: one more than allowed tells "too large". */
static int read_fd(int fd, const char *path, size_t hint, size_t max, char **bufp, size_t *lenp,
		   struct jh_err *err)
{
	size_t room = (hint < max ? hint : max) + 1, n = 0;
	char *buf = util_xmalloc(room + 1);

	for (;;) {
		ssize_t got;

		if (n == room) {
			if (n > max)
				break;
			room = room > max / 2 ? max + 1 : room * 2;
			buf = util_xrealloc(buf, room + 1);
		}
		got = read(fd, buf + n, room - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			free(buf);
			return sys_fail(-1, path, err);
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	buf[n] = '\0';
	*bufp = buf;
	*lenp = n;
	return 0;
}

static int check_kind(int fd, const char *path, const struct stat *st, size_t max, const char *what,
		      size_t *lenp, struct jh_err *err)
{
	if (S_ISDIR(st->st_mode)) {
		close(fd);
		if (what)
			return err_set(err, _("%s: is a directory, not %s"), path, what);
		return err_set(err, _("%s: is a directory"), path);
	}
	if (S_ISREG(st->st_mode) && (unsigned long long)st->st_size > max) {
		close(fd);
		*lenp = (size_t)st->st_size;
		return too_large(path, (unsigned long long)st->st_size, max, err);
	}
	/* The open was non-blocking only so a FIFO without a writer could not
	 * hang it; reads of a live pipe must wait for its data. */
	if (!S_ISREG(st->st_mode) && fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0)
		return sys_fail(fd, path, err);
	return 0;
}

int fileread_open(const char *path, const char *what, int *fd, int *fifo, struct jh_err *err)
{
	struct stat st;
	size_t seen;

	*fifo = 0;
	*fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (*fd < 0)
		return sys_fail(-1, path, err);
	if (fstat(*fd, &st) != 0)
		return sys_fail(*fd, path, err);
	if (check_kind(*fd, path, &st, SIZE_MAX, what, &seen, err) != 0) {
		*fd = -1;
		return -1;
	}
	*fifo = S_ISFIFO(st.st_mode);
	return 0;
}

int fileread_all(const char *path, size_t max, const char *what, char **buf, size_t *len,
		 struct jh_err *err)
{
	struct stat st;
	int fd, rc;

	*buf = NULL;
	*len = 0;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return sys_fail(-1, path, err);
	if (fstat(fd, &st) != 0)
		return sys_fail(fd, path, err);
	if ((rc = check_kind(fd, path, &st, max, what, len, err)) != 0)
		return rc;
	rc = read_fd(fd, path, S_ISREG(st.st_mode) ? (size_t)st.st_size : 64 * 1024, max, buf, len,
		     err);
	close(fd);
	if (rc)
		return rc;
	if (*len > max) {
		free(*buf);
		*buf = NULL;
		return too_large(path, 0, max, err);
	}
	/* End of file at once: nothing writes to this FIFO, so there is no file. */
	if (S_ISFIFO(st.st_mode) && *len == 0) {
		free(*buf);
		*buf = NULL;
		return err_set(err, _("%s: not a regular file"), path);
	}
	return 0;
}
