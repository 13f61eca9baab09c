/* test_fileread.c: the one whole-file reader behind every input file. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
	static const char *const texts[] = {"one\ntwo\n", ""};
	struct fixture f;

	setup(&f, "a.txt");
	for (size_t i = 0; i < 2; i++) {
		tu_write(f.path, texts[i]);
		cr_assert_eq(fileread_all(f.path, 100, NULL, &f.buf, &f.len, &f.err), 0, "%s",
			     f.err.msg);
		cr_expect_eq(f.len, strlen(texts[i]));
		cr_expect_str_eq(f.buf, texts[i]);
		free(f.buf);
		f.buf = NULL;
	}
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
	snprintf(f.want, sizeof f.want, "%s: file is too large (1 MiB; the limit is 1 MiB)",
		 f.path);
	cr_expect_str_eq(f.err.msg, f.want);
	teardown(&f);
}

Test(fileread, refusals_name_the_path_and_the_reason)
{
	struct fixture f;

	setup(&f, "missing");
	cr_expect_eq(fileread_all(f.dir, 100, NULL, &f.buf, &f.len, &f.err), -1);
	snprintf(f.want, sizeof f.want, "%s: is a directory", f.dir);
	cr_expect_str_eq(f.err.msg, f.want);
	cr_expect_eq(fileread_all(f.dir, 100, "a CSV file", &f.buf, &f.len, &f.err), -1);
	snprintf(f.want, sizeof f.want, "%s: is a directory, not a CSV file", f.dir);
	cr_expect_str_eq(f.err.msg, f.want);
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

/* A pipe holding n bytes whose writer has gone, as /dev/fd/N. */
static int filled_pipe(size_t n, char *dev, size_t devsize)
{
	char chunk[512];
	int fds[2];

	memset(chunk, 'x', sizeof chunk);
	cr_assert_eq(pipe(fds), 0);
	for (size_t done = 0; done < n; done += sizeof chunk)
		cr_assert_gt(
		    write(fds[1], chunk, n - done < sizeof chunk ? n - done : sizeof chunk), 0);
	close(fds[1]);
	snprintf(dev, devsize, "/dev/fd/%d", fds[0]);
	return fds[0];
}

Test(fileread, a_pipe_is_read_to_its_end_and_limited, .timeout = 20)
{
	struct fixture f;
	char dev[64];
	int fd;

	setup(&f, "unused");
	fd = filled_pipe(3000, dev, sizeof dev);
	cr_assert_eq(fileread_all(dev, 4000, NULL, &f.buf, &f.len, &f.err), 0, "%s", f.err.msg);
	cr_expect_eq(f.len, 3000);
	cr_expect_eq(f.buf[2999], 'x');
	close(fd);
	free(f.buf);
	f.buf = NULL;

	fd = filled_pipe(3000, dev, sizeof dev);
	cr_expect_eq(fileread_all(dev, 1000, NULL, &f.buf, &f.len, &f.err), FILEREAD_TOO_LARGE);
	cr_expect_eq(f.len, 1001, "only one byte more than the limit is read");
	snprintf(f.want, sizeof f.want, "%s: file is too large (the limit is 1 MiB)", dev);
	cr_expect_str_eq(f.err.msg, f.want);
	close(fd);
	teardown(&f);
}
