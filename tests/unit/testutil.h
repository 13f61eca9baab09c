/* testutil.h: helpers shared by the Criterion tests. */
#ifndef JOURNEYHACK_TESTUTIL_H
#define JOURNEYHACK_TESTUTIL_H

#include <stddef.h>

/* A fresh temporary directory (removed by tu_rmtree). Caller frees. */
char *tu_tmpdir(void);
void tu_rmtree(const char *path);

/* path joined to dir, caller frees. */
char *tu_join(const char *dir, const char *name);

/* Path of a file under the source tree ($JH_SRCDIR, else "."). Caller frees. */
char *tu_srcpath(const char *rel);

/* Write / read a whole file. tu_read returns NULL when unreadable. */
void tu_write(const char *path, const char *content);
char *tu_read(const char *path, size_t *len);

struct tu_run {
	int status; /* exit status, or 128+signal */
	char *out;  /* captured stdout, NUL-terminated */
	char *err;  /* captured stderr */
};

/* Run the built journeyhack ($JH_BIN) with argv (NULL-terminated, not
 * including the program name), stdin from `input` (NULL: /dev/null), env
 * extra "NAME=VALUE" strings (NULL-terminated or NULL). */
struct tu_run tu_jh(const char *const *argv, const char *input, const char *const *env);
void tu_run_free(struct tu_run *r);

/* A writable copy of a NULL-terminated string vector (NULL for NULL), for
 * putenv and exec, which take char *; tu_strv_free frees it. */
char **tu_strv_dup(const char *const *v);
void tu_strv_free(char **v);

/* Run with a database: prepends "-d db". */
struct tu_run tu_jhdb(const char *db, const char *const *argv);

#endif
