/* test_filewrite.c: the atomic file writer on its own: what reaches the
 * disk, what a failure leaves, and which paths it writes directly. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journeyhack/filewrite.h"
#include "testutil.h"

static char *dir;

static void setup(void)
{
	dir = tu_tmpdir();
}

static void teardown(void)
{
	tu_rmtree(dir);
	free(dir);
}

TestSuite(filewrite, .init = setup, .fini = teardown);

static int write_text(FILE *f, void *ctx, struct jh_err *err)
{
	(void)err;
	fputs(ctx, f);
	return 0;
}

static int write_half_then_fail(FILE *f, void *ctx, struct jh_err *err)
{
	(void)ctx;
	fputs("half", f);
	return err_set(err, "simulated failure");
}

/* Entries of dir other than . and .. */
static size_t entries(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	size_t n = 0;

	cr_assert(d);
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

static void assert_content(const char *path, const char *want)
{
	char *got = tu_read(path, NULL);

	cr_assert(got, "%s unreadable", path);
	cr_assert_str_eq(got, want);
	free(got);
}

/* path holds want with mode, and dir holds nentries: no temporary left. */
static void assert_written(const char *path, const char *want, mode_t mode, size_t nentries)
{
	struct stat sb;

	assert_content(path, want);
	cr_assert_eq(stat(path, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, mode, "%s has mode %o", path, sb.st_mode & 0777);
	cr_assert_eq(entries(dir), nentries, "no temporary file left");
}

Test(filewrite, new_file_gets_the_content_and_the_umask)
{
	char *path = tu_join(dir, "new.txt");
	struct jh_err err;

	umask(027);
	cr_assert_eq(filewrite_atomic(path, write_text, "hello\n", &err), 0, "%s", err.msg);
	assert_written(path, "hello\n", 0640, 1);
	free(path);
}

/* A replaced file keeps its mode; a failed write after it leaves it as
 * it was and says which file it was. */
Test(filewrite, replaces_keeping_the_mode_and_survives_a_failure)
{
	char *path = tu_join(dir, "kept.txt");
	struct jh_err err;

	tu_write(path, "old");
	chmod(path, 0604);
	cr_assert_eq(chdir(dir), 0);
	cr_assert_eq(filewrite_atomic("kept.txt", write_text, "new", &err), 0, "%s", err.msg);
	assert_written(path, "new", 0604, 1);
	cr_assert_eq(filewrite_atomic(path, write_half_then_fail, NULL, &err), -1);
	cr_assert(strstr(err.msg, path) && strstr(err.msg, "simulated failure"), "%s", err.msg);
	assert_written(path, "new", 0604, 1);
	free(path);
}

Test(filewrite, refuses_no_name_a_directory_and_a_missing_folder)
{
	char *missing = tu_join(dir, "no/such/file.txt");
	struct jh_err err;

	cr_assert_eq(filewrite_atomic(NULL, write_text, "x", &err), -1);
	cr_assert_str_eq(err.msg, "no file name given");
	cr_assert_eq(filewrite_atomic("", write_text, "x", &err), -1);
	cr_assert_eq(filewrite_atomic(dir, write_text, "x", &err), -1);
	cr_assert(strstr(err.msg, "is a directory"), "%s", err.msg);
	cr_assert_eq(filewrite_atomic(missing, write_text, "x", &err), -1);
	cr_assert(strstr(err.msg, "cannot create a file beside"), "%s", err.msg);
	cr_assert_eq(entries(dir), 0);
	free(missing);
}

Test(filewrite, refuses_a_file_it_may_not_write)
{
	char *path = tu_join(dir, "locked.txt");
	struct jh_err err;

	if (geteuid() == 0)
		cr_skip_test("root may write any file");
	tu_write(path, "locked");
	chmod(path, 0444);
	cr_assert_eq(filewrite_atomic(path, write_text, "x", &err), -1);
	cr_assert(strstr(err.msg, "Permission denied"), "%s", err.msg);
	assert_content(path, "locked");
	free(path);
}

Test(filewrite, follows_a_link_and_keeps_it)
{
	char *real = tu_join(dir, "real.txt"), *link = tu_join(dir, "link.txt");
	struct jh_err err;
	struct stat sb;

	tu_write(real, "old");
	chmod(real, 0600);
	cr_assert_eq(symlink("real.txt", link), 0);
	cr_assert_eq(filewrite_atomic(link, write_text, "new", &err), 0, "%s", err.msg);
	cr_assert_eq(lstat(link, &sb), 0);
	cr_assert(S_ISLNK(sb.st_mode), "the link stays a link");
	assert_written(real, "new", 0600, 2);
	free(real);
	free(link);
}

Test(filewrite, devices_are_written_directly)
{
	struct jh_err err;

	cr_assert_eq(filewrite_atomic("/dev/null", write_text, "gone", &err), 0, "%s", err.msg);
	cr_assert_eq(filewrite_atomic("/dev/full", write_text, "full", &err), -1);
	cr_assert(strstr(err.msg, "/dev/full") && strstr(err.msg, "No space left"), "%s", err.msg);
}
