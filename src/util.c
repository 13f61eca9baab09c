/* util.c: small helpers with no dependencies: memory, dates, numbers. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "journeyhack/util.h"

_Noreturn static void out_of_memory(void)
{
	static const char msg[] = "journeyhack: out of memory\n";
	fwrite(msg, 1, sizeof msg - 1, stderr);
	abort();
}

void *util_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *util_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *util_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory();
	return q;
}

char *util_xstrdup(const char *s)
{
	return util_xstrndup(s ? s : "", s ? strlen(s) : 0);
}

char *util_xstrndup(const char *s, size_t n)
{
	char *p = util_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int util_parse_int(const char *s, long long *out)
{
	char *end;
	long long v;

	if (!s || !*s)
		return -1;
	if (!(*s == '-' || *s == '+' || (*s >= '0' && *s <= '9')))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end || end == s)
		return -1;
	*out = v;
	return 0;
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int util_date_valid(const char *s)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d, i;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1900 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] + (m == 2 && is_leap(y));
}

void util_today(char out[11])
{
	const char *fixed = getenv("JOURNEYHACK_TODAY");
	time_t now;
	struct tm tm;

	if (fixed && util_date_valid(fixed)) {
		memcpy(out, fixed, 10);
		out[10] = '\0';
		return;
	}
	now = time(NULL);
	if (!localtime_r(&now, &tm) || strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		snprintf(out, 11, "1970-01-01");
}

int util_streq(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static void merge_sort(char *v, char *tmp, size_t n, size_t size, util_cmp cmp, const void *ctx)
{
	size_t mid = n / 2, i = 0, j = mid, k = 0;

	if (n < 2)
		return;
	merge_sort(v, tmp, mid, size, cmp, ctx);
	merge_sort(v + mid * size, tmp, n - mid, size, cmp, ctx);
	/* Halves already in order need no merge: sorting rows that were in
	 * order but for a few changed ones costs about one pass. */
	if (cmp(ctx, v + mid * size, v + (mid - 1) * size) >= 0)
		return;
	while (i < mid && j < n) {
		/* Take from the right half only when strictly smaller: stable. */
		size_t from = cmp(ctx, v + j * size, v + i * size) < 0 ? j++ : i++;

		memcpy(tmp + k++ * size, v + from * size, size);
	}
	memcpy(tmp + k * size, v + i * size, (mid - i) * size);
	k += mid - i;
	memcpy(tmp + k * size, v + j * size, (n - j) * size);
	memcpy(v, tmp, n * size);
}

void util_sort(void *base, size_t n, size_t size, util_cmp cmp, const void *ctx)
{
	char *tmp;

	if (n < 2)
		return;
	tmp = util_xmalloc(n * size);
	merge_sort(base, tmp, n, size, cmp, ctx);
	free(tmp);
}
