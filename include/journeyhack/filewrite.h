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

/* Write to path what write_fn writes to the FILE it is given (0, or -1
 * with a message in err). A path that exists and is not a regular file
 * (a FIFO, a device such as /dev/stdout) is written directly; a symbolic
 * link is followed, unless someone else planted it in a shared sticky
 * directory. On failure the earlier file is untouched, no temporary is
 * left, and err names path. */
int filewrite_atomic(const char *path, int (*write_fn)(FILE *f, void *ctx, struct jh_err *err),
		     void *ctx, struct jh_err *err);

#endif
