/* samefile.h: whether two paths name one file, existing or not, and
 * whether a path still names the file it named before. */
#ifndef JOURNEYHACK_SAMEFILE_H
#define JOURNEYHACK_SAMEFILE_H

#include "journeyhack/err.h"

/* 1 when path and other are, or would create, the same file: by device
 * and inode where both exist (so symbolic links, hard links, "." and ".."
 * all count), else by the resolved directory and the last name (so a
 * "w.db-wal" that does not exist yet is the one beside w.db, and so is a
 * symbolic link that leads to it). 0 when
 * they differ or cannot be resolved (a directory that does not exist
 * holds no file of anyone's). */
int samefile_is(const char *path, const char *other);

/* A file's identity: its device and inode when it was looked at. */
struct samefile_id {
	unsigned long long dev, ino;
	int known; /* 0: path could not be looked at; nothing to compare */
};

/* Remember what path names now. */
void samefile_remember(const char *path, struct samefile_id *id);

/* 0 while path still names the file id remembers (or id is unknown);
 * else -1 with "PATH was deleted" or "PATH was replaced by another file"
 * in err: what a program holding the file open then writes is lost with
 * it. */
int samefile_still(const char *path, const struct samefile_id *id, struct jh_err *err);

#endif
