/* fileread.h: read a whole file into memory, the same way for every reader.
 *
 * One behaviour for every input file (templates, workshop and CSV imports,
 * replay scripts): opening never blocks; a directory is refused; a pipe or
 * FIFO is read to its end while something writes to it, and a FIFO that
 * nothing writes to is refused rather than waited for; more than the
 * caller's limit is refused without trusting st_size, which a growing file
 * or a /proc entry can get wrong. */
#ifndef JOURNEYHACK_FILEREAD_H
#define JOURNEYHACK_FILEREAD_H

#include <stddef.h>

#include "journeyhack/err.h"

/* Returned (with err filled) when the file holds more than max bytes. */
#define FILEREAD_TOO_LARGE (-2)

/* Read path into *buf (NUL-terminated, *len bytes before the NUL; free it).
 * `what` names the expected contents ("a CSV file") in the message for a
 * directory, or is NULL. Returns 0, -1 or FILEREAD_TOO_LARGE; on the last,
 * *len is the size seen: exact for a regular file, max + 1 for a stream. */
int fileread_all(const char *path, size_t max, const char *what, char **buf, size_t *len,
		 struct jh_err *err);

/* Open path as fileread_all does (never waiting on a FIFO nothing writes
 * to, refusing a directory) for a reader that streams the file itself, so
 * that its size is no limit: *fd reads blocking, to the end of a pipe.
 * *fifo is set for a FIFO, whose reader calls an empty read "not a
 * regular file" as fileread_all does. Returns 0 or -1 with err filled. */
int fileread_open(const char *path, const char *what, int *fd, int *fifo, struct jh_err *err);

#endif
