/* util.h: small helpers with no dependencies: memory, dates, numbers. */
#ifndef JOURNEYHACK_UTIL_H
#define JOURNEYHACK_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Allocation that aborts on exhaustion: journeyhack has nothing sensible
 * to do without memory, and every caller checking would hide real errors. */
void *util_xmalloc(size_t n);
void *util_xcalloc(size_t n, size_t size);
void *util_xrealloc(void *p, size_t n);
char *util_xstrdup(const char *s);
char *util_xstrndup(const char *s, size_t n);

/* Parse a whole decimal integer (optional sign, no spaces). 0 on success. */
int util_parse_int(const char *s, long long *out);

/* Is s a real calendar date YYYY-MM-DD (1900..9999)? */
int util_date_valid(const char *s);

/* Today's local date as YYYY-MM-DD; $JOURNEYHACK_TODAY overrides it so
 * tests and exports are reproducible. */
void util_today(char out[11]);

/* Sort n elements of `size` bytes at base, stably (a merge sort: equal
 * elements keep their order), with a context passed to every comparison
 * instead of a global as qsort would need. */
typedef int (*util_cmp)(const void *ctx, const void *a, const void *b);
void util_sort(void *base, size_t n, size_t size, util_cmp cmp, const void *ctx);

/* Case-sensitive equality treating NULL as "". */
int util_streq(const char *a, const char *b);

#endif
