/* yesno.c: the one reading of yes/no words (the list is yesno.def). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "journeyhack/yesno.h"

static const char *const words[][2] = {
#define YESNO(yes, no) {yes, no},
#include "journeyhack/yesno.def"
#undef YESNO
};

#define NWORDS (sizeof words / sizeof words[0])

/* strncasecmp stops at a NUL in s, so "ye\0" never matches "yes". */
static int same_word(const char *s, size_t len, const char *word)
{
	return strlen(word) == len && strncasecmp(s, word, len) == 0;
}

int yesno_parse(const char *s, size_t len, int *out)
{
	for (size_t i = 0; i < NWORDS; i++)
		for (int v = 0; v < 2; v++)
			if (same_word(s, len, words[i][v])) {
				*out = !v;
				return 0;
			}
	return -1;
}

const char *yesno_words(void)
{
	static char list[128];
	size_t at = 0;

	if (list[0])
		return list;
	for (size_t i = 0; i < NWORDS * 2; i++) {
		const char *sep = i == 0 ? "" : i + 1 == NWORDS * 2 ? " or " : ", ";

		at +=
		    (size_t)snprintf(list + at, sizeof list - at, "%s%s", sep, words[i / 2][i % 2]);
	}
	return list;
}
