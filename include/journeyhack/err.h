/* err.h: error messages filled by the core and shown by the caller. */
#ifndef JOURNEYHACK_ERR_H
#define JOURNEYHACK_ERR_H

#include <stddef.h>

/* The core never prints or exits: it returns a status (0 ok, -1 error)
 * and fills one of these with a single line naming what was wrong. */
struct jh_err {
	char msg[1024];
};

#if defined(__GNUC__)
#define JH_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define JH_PRINTF(a, b)
#endif

/* Fill err (may be NULL) with a formatted message; always returns -1 so a
 * caller can write `return err_set(err, "...")`. */
int err_set(struct jh_err *err, const char *fmt, ...) JH_PRINTF(2, 3);

/* Put "prefix: " in front of the message already in err. */
void err_prefix(struct jh_err *err, const char *fmt, ...) JH_PRINTF(2, 3);

void err_clear(struct jh_err *err);

#endif
