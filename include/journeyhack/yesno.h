/* yesno.h: reading a yes/no value; the words are declared in yesno.def. */
#ifndef JOURNEYHACK_YESNO_H
#define JOURNEYHACK_YESNO_H

#include <stddef.h>

/* The len bytes at s as a yes/no word: 0 with *out 1 or 0, or -1 when
 * they are not one of the words (embedded NULs never match). */
int yesno_parse(const char *s, size_t len, int *out);

/* Every accepted word for a message: "true, false, yes, ... 1 or 0". */
const char *yesno_words(void);

#endif
