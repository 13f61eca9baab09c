/* samefile.h: whether two paths name one file, existing or not. */
#ifndef JOURNEYHACK_SAMEFILE_H
#define JOURNEYHACK_SAMEFILE_H

/* 1 when path and other are, or would create, the same file: by device
 * and inode where both exist (so symbolic links, hard links, "." and ".."
 * all count), else by the resolved directory and the last name (so a
 * "w.db-wal" that does not exist yet is the one beside w.db, and so is a
 * symbolic link that leads to it). 0 when
 * they differ or cannot be resolved (a directory that does not exist
 * holds no file of anyone's). */
int samefile_is(const char *path, const char *other);

#endif
