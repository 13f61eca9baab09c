/* export_int.h: what the export writers share, private to src/export*.c.
 *
 * A writer keeps the first write error (with its errno) instead of
 * checking every fputs: after a failure it stops writing, and
 * export_w_done turns the error into one message. */
#ifndef JOURNEYHACK_EXPORT_INT_H
#define JOURNEYHACK_EXPORT_INT_H

#include <stddef.h>
#include <stdio.h>

#include "journeyhack/analysis.h"
#include "journeyhack/err.h"
#include "journeyhack/model.h"

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

/* Decode the character at s (n bytes left, n > 0): its length, and the
 * code point in *cp, U+FFFD for a byte that is not valid UTF-8. */
size_t export_utf8_next(const char *s, size_t n, unsigned int *cp);

/* A copy of s with invalid UTF-8 as U+FFFD and control characters
 * other than tab, CR and LF as visible symbols (U+2400...). Caller frees. */
char *export_clean(const char *s);

/* Encode cp as UTF-8 into b (4 bytes room); a surrogate or a value
 * past U+10FFFF becomes U+FFFD. Returns the length. */
size_t export_utf8_put(char *b, unsigned int cp);

/* s, or "" when NULL. */
const char *export_str(const char *s);

/* JSON string literal with its quotes; control characters, DEL, U+2028
 * and U+2029 escaped, invalid UTF-8 as U+FFFD. */
void export_json_string(struct export_w *w, const char *s);

/* Everything the analysis says about a workshop, computed once per
 * export: every writer shows the same numbers. */
struct export_facts {
	char today[11];
	enum jh_method method;
	struct jh_ranked_idea *backlog; /* rank order */
	size_t nbacklog;
	struct jh_ranked_idea **by_idea;   /* per index into d->ideas */
	struct jh_journey_stats *journeys; /* per index into d->journeys */
	size_t *actions;		   /* export order, indexes into d->actions */
	size_t nactions;
};

void export_facts_init(struct export_facts *x, const struct jh_data *d);
void export_facts_free(struct export_facts *x);

/* Touchpoint is the weakest link of its journey. */
int export_is_weakest(const struct export_facts *x, const struct jh_data *d, jh_id touchpoint_id);

/* Day number since 1970-01-01 of a valid YYYY-MM-DD (proleptic
 * Gregorian), for Taskwarrior timestamps. */
long long export_days_from_civil(const char *date);

#endif
