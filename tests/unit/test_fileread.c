/* test_fileread.c: the one whole-file reader behind every input file. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "journeyhack/fileread.h"
#include "testutil.h"

struct fixture {
	char *dir, *path;
	char *buf;
	size_t len;
	struct jh_err err;
	char want[1200];
};

static void setup(struct fixture *f, const char *name)
{
	memset(f, 0, sizeof *f);
	f->dir = tu_tmpdir();
	f->path = tu_join(f->dir, name);
}

static void teardown(struct fixture *f)
{
	free(f->buf);
	tu_rmtree(f->dir);
	free(f->path);
	free(f->dir);
}

Test(fileread, a_regular_file_is_read_whole_and_terminated)
{
	struct fixture f;

	setup(&f, "a.txt");
	tu_write(f.path, "one\ntwo\n");
	cr_assert_eq(fileread_all(f.path, 100, NULL, &f.buf, &f.len, &f.err), 0, "%s", f.err.msg);
	cr_expect_eq(f.len, 8);
	cr_expect_str_eq(f.buf, "one\ntwo\n");
	teardown(&f);
}

Test(fileread, an_empty_file_is_an_empty_buffer)
{
	struct fixture f;

	setup(&f, "empty");
	tu_write(f.path, "");
	cr_assert_eq(fileread_all(f.path, 100, NULL, &f.buf, &f.len, &f.err), 0, "%s", f.err.msg);
	cr_expect_eq(f.len, 0);
	cr_expect_str_eq(f.buf, "");
	teardown(&f);
}

Test(fileread, exactly_the_limit_is_read_one_byte_more_is_refused)
{
	struct fixture f;

	setup(&f, "limit");
	tu_write(f.path, "12345");
	cr_assert_eq(fileread_all(f.path, 5, NULL, &f.buf, &f.len, &f.err), 0, "%s", f.err.msg);
	cr_expect_eq(f.len, 5);
	free(f.buf);
	f.buf = NULL;
	cr_expect_eq(fileread_all(f.path, 4, NULL, &f.buf, &f.len, &f.err), FILEREAD_TOO_LARGE);
	cr_expect_null(f.buf);
	cr_expect_eq(f.len, 5, "the size seen is reported");
	snprintf(f.want, sizeof f.want, "%s: file is too large (1 MiB; the limit is 1 MiB)", f.path);
	cr_expect_str_eq(f.err.msg, f.want);
	teardown(&f);
}

Test(fileread, a_directory_is_refused_naming_what_was_expected)
{
	struct fixture f;

	setup(&f, "x");
	cr_expect_eq(fileread_all(f.dir, 100, NULL, &f.buf, &f.len, &f.err), -1);
	snprintf(f.want, sizeof f.want, "%s: is a directory", f.dir);
	cr_expect_str_eq(f.err.msg, f.want);
	cr_expect_eq(fileread_all(f.dir, 100, "a CSV file", &f.buf, &f.len, &f.err), -1);
	snprintf(f.want, sizeof f.want, "%s: is a directory, not a CSV file", f.dir);
	cr_expect_str_eq(f.err.msg, f.want);
	teardown(&f);
}

Test(fileread, a_missing_file_names_the_system_error)
{
	struct fixture f;

	setup(&f, "missing");
	cr_expect_eq(fileread_all(f.path, 100, NULL, &f.buf, &f.len, &f.err), -1);
	snprintf(f.want, sizeof f.want, "%s: %s", f.path, strerror(ENOENT));
	cr_expect_str_eq(f.err.msg, f.want);
	teardown(&f);
}

Test(fileread, a_fifo_nobody_writes_to_is_refused_without_blocking, .timeout = 10)
{
	struct fixture f;

	setup(&f, "fifo");
	cr_assert_eq(mkfifo(f.path, 0600), 0);
	cr_expect_eq(fileread_all(f.path, 100, NULL, &f.buf, &f.len, &f.err), -1);
	snprintf(f.want, sizeof f.want, "%s: not a regular file", f.path);
	cr_expect_str_eq(f.err.msg, f.want);
	teardown(&f);
}

/* A pipe fed by cat: the reader has to wait for data and grow as it goes. */
static int cat_pipe(const char *src, pid_t *pid)
{
	int fds[2];

	cr_assert_eq(pipe(fds), 0);
	fflush(NULL);
	*pid = fork();
	cr_assert_geq(*pid, 0);
	if (*pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execlp("cat", "cat", src, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	return fds[0];
}

Test(fileread, a_pipe_is_read_to_its_end_and_limited, .timeout = 20)
{
	struct fixture f;
	char dev[64];
	char *big = malloc(300001);
	pid_t pid;
	int fd;

	setup(&f, "src");
	memset(big, 'x', 300000);
	big[300000] = '\0';
	tu_write(f.path, big);
	fd = cat_pipe(f.path, &pid);
	snprintf(dev, sizeof dev, "/dev/fd/%d", fd);
	cr_assert_eq(fileread_all(dev, 1 << 20, NULL, &f.buf, &f.len, &f.err), 0, "%s", f.err.msg);
	cr_expect_eq(f.len, 300000);
	cr_expect_eq(memcmp(f.buf, big, 300000), 0);
	close(fd);
	waitpid(pid, NULL, 0);
	free(f.buf);
	f.buf = NULL;

	fd = cat_pipe(f.path, &pid);
	snprintf(dev, sizeof dev, "/dev/fd/%d", fd);
	cr_expect_eq(fileread_all(dev, 1000, NULL, &f.buf, &f.len, &f.err), FILEREAD_TOO_LARGE);
	cr_expect_eq(f.len, 1001, "only one byte more than the limit is read");
	snprintf(f.want, sizeof f.want, "%s: file is too large (the limit is 1 MiB)", dev);
	cr_expect_str_eq(f.err.msg, f.want);
	close(fd);
	waitpid(pid, NULL, 0);
	free(big);
	teardown(&f);
}
