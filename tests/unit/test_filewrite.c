/* test_filewrite.c: the atomic file writer on its own: what reaches the
 * disk, what a failure leaves, which paths it writes directly and which
 * it refuses; and samefile, which tells it a protected file by any name. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "journeyhack/filewrite.h"
#include "journeyhack/samefile.h"
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

Test(filewrite, a_stream_under_dev_that_does_not_exist_is_not_created)
{
	struct jh_err err;
	struct stat sb;

	cr_assert_eq(filewrite_atomic("/dev/journeyhack-no-such-device", write_text, "x", &err),
		     -1);
	cr_assert(strstr(err.msg, "No such file"), "%s", err.msg);
	cr_assert_neq(lstat("/dev/journeyhack-no-such-device", &sb), 0);
}

/* ------------------------------------------------------------ samefile */

Test(filewrite, samefile_by_inode_where_both_exist)
{
	char *db = tu_join(dir, "w.db"), *soft = tu_join(dir, "link"), *hard = tu_join(dir, "hard");
	char *sub = tu_join(dir, "sub"), *dotdot = tu_join(dir, "sub/../w.db");
	char *other = tu_join(dir, "other.db");

	tu_write(db, "database");
	tu_write(other, "database");
	cr_assert_eq(mkdir(sub, 0700), 0);
	cr_assert_eq(symlink("w.db", soft), 0);
	cr_assert_eq(link(db, hard), 0);
	cr_assert(samefile_is(db, db));
	cr_assert(samefile_is(soft, db), "a symbolic link is the file it leads to");
	cr_assert(samefile_is(hard, db), "a hard link is the same file");
	cr_assert(samefile_is(dotdot, db), "a path through .. is the same file");
	cr_assert_eq(chdir(sub), 0);
	cr_assert(samefile_is("../w.db", db), "a relative path is the same file");
	cr_assert(!samefile_is(other, db), "equal content is not the same file");
	cr_assert(!samefile_is(sub, db));
	cr_assert(!samefile_is(NULL, db));
	cr_assert(!samefile_is(db, NULL));
	free(db);
	free(soft);
	free(hard);
	free(sub);
	free(dotdot);
	free(other);
}

Test(filewrite, samefile_by_place_where_one_does_not_exist)
{
	char *wal = tu_join(dir, "w.db-wal"), *sub = tu_join(dir, "sub");
	char *via = tu_join(dir, "sub/../w.db-wal"), *elsewhere = tu_join(dir, "sub/w.db-wal");
	char *nodir = tu_join(dir, "nodir/../w.db-wal"), *dotdot = tu_join(dir, "sub/..");

	cr_assert_eq(mkdir(sub, 0700), 0);
	cr_assert(samefile_is(wal, wal), "a file not yet made is where it would be made");
	cr_assert(samefile_is(via, wal));
	cr_assert_eq(chdir(dir), 0);
	cr_assert(samefile_is("w.db-wal", wal));
	cr_assert(samefile_is("./sub/../w.db-wal", wal));
	cr_assert(!samefile_is(elsewhere, wal), "the same name in another directory differs");
	cr_assert(!samefile_is("w.db-shm", wal));
	cr_assert(!samefile_is(nodir, wal), "a directory that does not exist holds nothing");
	cr_assert(!samefile_is(dotdot, wal));
	tu_write(wal, "log");
	cr_assert(samefile_is(via, wal), "and once it exists, by inode");
	free(wal);
	free(sub);
	free(via);
	free(elsewhere);
	free(nodir);
	free(dotdot);
}

/* ------------------------------------------------------------ guard */

Test(filewrite, a_guarded_file_is_refused_under_every_name)
{
	char *db = tu_join(dir, "w.db"), *wal = tu_join(dir, "w.db-wal");
	const char *const files[] = {db, wal, NULL};
	const struct filewrite_guard guard = {files, "the workshop database"};
	const char *names[] = {"w.db", "./w.db",   "sub/../w.db",     "link",
			       "hard", "w.db-wal", "sub/../w.db-wal", "wal-link"};
	char *sub = tu_join(dir, "sub");
	struct jh_err err;

	tu_write(db, "database");
	cr_assert_eq(mkdir(sub, 0700), 0);
	cr_assert_eq(chdir(dir), 0);
	cr_assert_eq(symlink("w.db", "link"), 0);
	cr_assert_eq(link("w.db", "hard"), 0);
	cr_assert_eq(symlink("w.db-wal", "wal-link"), 0);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		cr_assert_eq(filewrite_atomic_guarded(names[i], &guard, write_text, "x", &err), -1,
			     "%s was written", names[i]);
		cr_assert(strstr(err.msg, names[i]) && strstr(err.msg, "the workshop database"),
			  "%s", err.msg);
		assert_content(db, "database");
	}
	cr_assert_eq(entries(dir), 5, "nothing made: w.db sub link hard wal-link");
	cr_assert_eq(filewrite_atomic_guarded("w.md", &guard, write_text, "x", &err), 0, "%s",
		     err.msg);
	assert_content("w.md", "x");
	free(db);
	free(wal);
	free(sub);
}

/* ------------------------------------------------------------ what is not a file */

Test(filewrite, a_dangling_link_is_refused_and_kept)
{
	char *link = tu_join(dir, "report.md"), *gone = tu_join(dir, "gone.md");
	struct jh_err err;
	struct stat sb;

	cr_assert_eq(symlink("gone.md", link), 0);
	cr_assert_eq(filewrite_atomic(link, write_text, "x", &err), -1);
	cr_assert(strstr(err.msg, "symbolic link") && strstr(err.msg, link), "%s", err.msg);
	cr_assert_eq(lstat(link, &sb), 0);
	cr_assert(S_ISLNK(sb.st_mode), "the link stays a link");
	cr_assert_neq(lstat(gone, &sb), 0, "its target is not created");
	cr_assert_eq(entries(dir), 1);
	free(link);
	free(gone);
}

/* Each would block (a FIFO nobody reads), write into a device, or fail
 * late: refused before anything is opened, so the test ends at once. */
Test(filewrite, fifos_devices_sockets_and_links_to_them_are_refused, .timeout = 10)
{
	char *fifo = tu_join(dir, "pipe.md"), *dev = tu_join(dir, "null.md");
	char *sock = tu_join(dir, "sock.md"), *viafifo = tu_join(dir, "via.md");
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	int s = socket(AF_UNIX, SOCK_STREAM, 0);
	struct jh_err err;
	struct stat sb;

	cr_assert_eq(mkfifo(fifo, 0600), 0);
	cr_assert_eq(symlink("/dev/null", dev), 0);
	cr_assert_eq(symlink("pipe.md", viafifo), 0);
	cr_assert(strlen(sock) < sizeof sa.sun_path);
	snprintf(sa.sun_path, sizeof sa.sun_path, "%s", sock);
	cr_assert(s >= 0 && bind(s, (struct sockaddr *)&sa, sizeof sa) == 0, "%s", strerror(errno));
	cr_assert_eq(filewrite_atomic(fifo, write_text, "x", &err), -1);
	cr_assert(strstr(err.msg, "FIFO"), "%s", err.msg);
	cr_assert_eq(filewrite_atomic(viafifo, write_text, "x", &err), -1);
	cr_assert(strstr(err.msg, "FIFO"), "%s", err.msg);
	cr_assert_eq(filewrite_atomic(dev, write_text, "x", &err), -1);
	cr_assert(strstr(err.msg, "character device"), "%s", err.msg);
	cr_assert_eq(filewrite_atomic(sock, write_text, "x", &err), -1);
	cr_assert(strstr(err.msg, "socket"), "%s", err.msg);
	cr_assert(lstat(fifo, &sb) == 0 && S_ISFIFO(sb.st_mode));
	cr_assert(lstat(dev, &sb) == 0 && S_ISLNK(sb.st_mode));
	cr_assert(lstat(sock, &sb) == 0 && S_ISSOCK(sb.st_mode));
	cr_assert_eq(entries(dir), 4, "no temporary left");
	close(s);
	free(fifo);
	free(dev);
	free(sock);
	free(viafifo);
}

/* ------------------------------------------------------------ leftovers */

/* A temporary an export killed mid-way left is removed by the next
 * export to the directory; one another export still holds (locked),
 * one of someone else's naming, and a directory are kept. */
Test(filewrite, leftover_temporaries_are_removed_and_live_ones_kept)
{
	char *stale = tu_join(dir, ".report.md.journeyhack-Ab12Cd");
	char *other = tu_join(dir, ".notes.journeyhack-Zz99zz");
	char *live = tu_join(dir, ".report.md.journeyhack-Xy34Zw");
	char *mine = tu_join(dir, ".report.md.backup"),
	     *short_ = tu_join(dir, ".x.journeyhack-abc");
	char *subdir = tu_join(dir, ".d.journeyhack-Qq11Qq"), *out = tu_join(dir, "report.md");
	struct jh_err err;
	struct stat sb;
	int fd;

	tu_write(stale, "half an export");
	tu_write(other, "half of another export");
	tu_write(live, "being written");
	tu_write(mine, "a user's own file");
	tu_write(short_, "not our pattern");
	cr_assert_eq(mkdir(subdir, 0700), 0);
	fd = open(live, O_RDONLY);
	cr_assert(fd >= 0 && flock(fd, LOCK_EX) == 0);
	cr_assert_eq(filewrite_atomic(out, write_text, "new", &err), 0, "%s", err.msg);
	assert_content(out, "new");
	cr_assert_neq(lstat(stale, &sb), 0, "the leftover was removed");
	cr_assert_neq(lstat(other, &sb), 0, "a leftover for another target too");
	cr_assert_eq(lstat(live, &sb), 0, "a temporary still being written is kept");
	cr_assert_eq(lstat(mine, &sb), 0, "a file of another pattern is kept");
	cr_assert_eq(lstat(short_, &sb), 0, "a file of another pattern is kept");
	cr_assert_eq(lstat(subdir, &sb), 0, "a directory is kept");
	close(fd);
	cr_assert_eq(filewrite_atomic(out, write_text, "again", &err), 0, "%s", err.msg);
	cr_assert_neq(lstat(live, &sb), 0, "released, it is a leftover like any other");
	cr_assert_eq(entries(dir), 4, "report.md, the backup, the short name, the directory");
	free(stale);
	free(other);
	free(live);
	free(mine);
	free(short_);
	free(subdir);
	free(out);
}

/* A leftover that belongs to someone else is theirs to remove. */
Test(filewrite, leftovers_of_another_user_are_kept)
{
	char *theirs = tu_join(dir, ".report.md.journeyhack-Ab12Cd"), *out = tu_join(dir, "r.md");
	struct jh_err err;
	struct stat sb;

	tu_write(theirs, "theirs");
	if (geteuid() != 0 || chown(theirs, 4242, 4242) != 0)
		cr_skip_test("giving a file another owner needs root");
	cr_assert_eq(filewrite_atomic(out, write_text, "new", &err), 0, "%s", err.msg);
	cr_assert_eq(lstat(theirs, &sb), 0);
	free(theirs);
	free(out);
}

/* ------------------------------------------------------------ still the same file */

Test(filewrite, samefile_still_notices_a_file_deleted_or_replaced)
{
	char *db = tu_join(dir, "w.db"), *copy = tu_join(dir, "copy.db");
	struct samefile_id id, none;
	struct jh_err err;

	tu_write(db, "database");
	samefile_remember(db, &id);
	cr_assert(id.known);
	cr_assert_eq(samefile_still(db, &id, &err), 0);
	tu_write(db, "rewritten in place is still the file");
	cr_assert_eq(samefile_still(db, &id, &err), 0);

	tu_write(copy, "database");
	cr_assert_eq(rename(copy, db), 0);
	cr_assert_eq(samefile_still(db, &id, &err), -1);
	cr_assert(strstr(err.msg, db) && strstr(err.msg, "was replaced"), "%s", err.msg);

	samefile_remember(db, &id);
	cr_assert_eq(unlink(db), 0);
	cr_assert_eq(samefile_still(db, &id, &err), -1);
	cr_assert(strstr(err.msg, db) && strstr(err.msg, "was deleted"), "%s", err.msg);

	samefile_remember(db, &none);
	cr_assert(!none.known, "a file that is not there has nothing to remember");
	cr_assert_eq(samefile_still(db, &none, &err), 0);
	free(db);
	free(copy);
}
