/* testutil.c: helpers shared by the Criterion tests. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <dirent.h>

#include "testutil.h"

static void *tu_alloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		abort();
	return p;
}

char *tu_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *tmpl;
	size_t n;

	if (!base || !*base)
		base = "/tmp";
	n = strlen(base) + 32;
	tmpl = tu_alloc(n);
	snprintf(tmpl, n, "%s/jhtest.XXXXXX", base);
	if (!mkdtemp(tmpl))
		abort();
	return tmpl;
}

char *tu_join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = tu_alloc(n);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

void tu_rmtree(const char *path)
{
	struct stat sb;

	if (lstat(path, &sb) != 0)
		return;
	if (S_ISDIR(sb.st_mode)) {
		DIR *d;

		chmod(path, 0700);
		d = opendir(path);
		if (d) {
			struct dirent *e;
			while ((e = readdir(d))) {
				char *sub;
				if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
					continue;
				sub = tu_join(path, e->d_name);
				tu_rmtree(sub);
				free(sub);
			}
			closedir(d);
		}
		rmdir(path);
	} else {
		unlink(path);
	}
}

char *tu_srcpath(const char *rel)
{
	const char *src = getenv("JH_SRCDIR");
	return tu_join(src && *src ? src : ".", rel);
}

void tu_write(const char *path, const char *content)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	fwrite(content, 1, strlen(content), f);
	if (fclose(f) != 0)
		abort();
}

char *tu_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (!f)
		return NULL;
	do {
		if (cap - n < 4096) {
			cap = cap ? cap * 2 : 8192;
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

static char *slurp_fd(int fd)
{
	char *buf = NULL;
	size_t n = 0, cap = 0;

	for (;;) {
		ssize_t got;

		if (cap - n < 4096) {
			cap = cap ? cap * 2 : 8192;
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
		got = read(fd, buf + n, cap - n - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	buf[n] = '\0';
	return buf;
}

char **tu_strv_dup(const char *const *v)
{
	size_t n = 0;
	char **copy;

	if (!v)
		return NULL;
	while (v[n])
		n++;
	copy = tu_alloc((n + 1) * sizeof *copy);
	for (size_t i = 0; i < n; i++) {
		copy[i] = strdup(v[i]);
		if (!copy[i])
			abort();
	}
	copy[n] = NULL;
	return copy;
}

void tu_strv_free(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

struct tu_run tu_jh(const char *const *argv, const char *input, const char *const *env)
{
	struct tu_run r = {0};
	const char *bin = getenv("JH_BIN");
	char *dir = tu_tmpdir();
	char *outp = tu_join(dir, "out"), *errp = tu_join(dir, "err"), *inp = tu_join(dir, "in");
	size_t argc = 0, i;
	const char **args;
	char **argcopy, **envcopy;
	pid_t pid;
	int st;

	if (!bin || !*bin)
		bin = "./journeyhack";
	tu_write(inp, input ? input : "");
	while (argv && argv[argc])
		argc++;
	args = tu_alloc((argc + 2) * sizeof *args);
	args[0] = bin;
	for (i = 0; i < argc; i++)
		args[i + 1] = argv[i];
	args[argc + 1] = NULL;
	argcopy = tu_strv_dup(args);
	envcopy = tu_strv_dup(env);

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		abort();
	if (pid == 0) {
		int in = open(inp, O_RDONLY);
		int out = open(outp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int er = open(errp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (in < 0 || out < 0 || er < 0)
			_exit(126);
		dup2(in, 0);
		dup2(out, 1);
		dup2(er, 2);
		for (i = 0; envcopy && envcopy[i]; i++)
			putenv(envcopy[i]);
		execv(bin, argcopy);
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	{
		int fd = open(outp, O_RDONLY);
		r.out = slurp_fd(fd);
		close(fd);
		fd = open(errp, O_RDONLY);
		r.err = slurp_fd(fd);
		close(fd);
	}
	free(args);
	tu_strv_free(argcopy);
	tu_strv_free(envcopy);
	tu_rmtree(dir);
	free(dir);
	free(outp);
	free(errp);
	free(inp);
	return r;
}

struct tu_run tu_jhdb(const char *db, const char *const *argv)
{
	size_t argc = 0, i;
	const char **args;
	struct tu_run r;

	while (argv[argc])
		argc++;
	args = tu_alloc((argc + 3) * sizeof *args);
	args[0] = "-d";
	args[1] = db;
	for (i = 0; i < argc; i++)
		args[i + 2] = argv[i];
	args[argc + 2] = NULL;
	r = tu_jh(args, NULL, NULL);
	free(args);
	return r;
}

void tu_run_free(struct tu_run *r)
{
	free(r->out);
	free(r->err);
	r->out = r->err = NULL;
}
