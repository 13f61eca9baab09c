/* export_w.h: the output buffer every export writer writes through.
 *
 * A writer keeps the first write error (with its errno) instead of
 * checking every fputs: after a failure it stops writing, and
 * export_w_done turns the error into one message. */
#ifndef JOURNEYHACK_EXPORT_W_H
#define JOURNEYHACK_EXPORT_W_H

#include <stddef.h>
#include <stdio.h>

#include "journeyhack/err.h"

struct export_w {
	FILE *f;
	int failed;
	int errnum; /* errno of the first failed write, 0 when unknown */
};

void export_w_init(struct export_w *w, FILE *f);
void export_w_write(struct export_w *w, const char *s, size_t n);
void export_w_puts(struct export_w *w, const char *s);
void export_w_putc(struct export_w *w, char c);
/* Only for numbers and constant text: user text goes through an escaper. */
void export_w_printf(struct export_w *w, const char *fmt, ...) JH_PRINTF(2, 3);
/* Write one code point as UTF-8. */
void export_w_cp(struct export_w *w, unsigned int cp);
/* Record a failure reported by another writer (csv_write_row). */
void export_w_fail(struct export_w *w);
/* Flush; 0, or -1 with "write error: ..." in err. */
int export_w_done(struct export_w *w, struct jh_err *err);

/* JSON string literal with its quotes; control characters, DEL, U+2028
 * and U+2029 escaped, invalid UTF-8 as U+FFFD. NULL is "". */
void export_w_json(struct export_w *w, const char *s);

/* The backslash escape JSON and YAML share for cp (\" \\ \n \r \t), or
 * NULL when cp has none of these. */
const char *export_w_escape(unsigned int cp);

/* s, or "" when NULL. */
const char *export_w_str(const char *s);

#endif
