/* filewrite.h: writing a file atomically.
 *
 * A file is never rewritten in place: the content goes to a temporary
 * file in the target's directory (so rename cannot cross file systems),
 * is synced, and only then renamed over the target. A kill, a full disk
 * or a permission error therefore leaves the earlier file as it was. */
#ifndef JOURNEYHACK_FILEWRITE_H
#define JOURNEYHACK_FILEWRITE_H

#include <stdio.h>

#include "journeyhack/err.h"

/* Files an export must never be written over, under any name (see
 * samefile_is): the workshop database and its companions. */
struct filewrite_guard {
	const char *const *paths; /* NULL-terminated */
	const char *what;	  /* as the refusal names them: "the workshop database" */
};

/* Write to path what write_fn writes to the FILE it is given (0, or -1
 * with one line in err naming path). Refused before anything is opened
 * or written: a path that is, or resolves to, one of guard's files (guard
 * may be NULL), a symbolic link to nothing, a directory, and anything
 * else that is not a regular file (a FIFO, a device, a socket). A path
 * under /dev or /proc (/dev/stdout, /dev/null) names a stream and is
 * written directly. A symbolic link is followed, unless someone else
 * planted it in a shared sticky directory. The new content is complete
 * and synced before it replaces the old in one rename; on failure the
 * earlier file is untouched and no temporary is left. Temporaries an
 * earlier run left when it was killed are removed from the directory. */
int filewrite_atomic_guarded(const char *path, const struct filewrite_guard *guard,
			     int (*write_fn)(FILE *f, void *ctx, struct jh_err *err), void *ctx,
			     struct jh_err *err);

/* filewrite_atomic_guarded with no guard. */
int filewrite_atomic(const char *path, int (*write_fn)(FILE *f, void *ctx, struct jh_err *err),
		     void *ctx, struct jh_err *err);

#endif
