/* testcard.h: an idea's test card (belief, experiment, metric, success)
 * as one text with a heading line per part, for editing in $EDITOR. */
#ifndef JOURNEYHACK_TESTCARD_H
#define JOURNEYHACK_TESTCARD_H

#include "journeyhack/err.h"

#define TESTCARD_NPARTS 4

/* The heading of part i ("# We believe that"), translated. */
const char *testcard_heading(int i);

/* The four parts (NULL is empty) as one text: each part's heading line,
 * its text, a blank line. Freed by the caller. */
char *testcard_format(const char *const parts[TESTCARD_NPARTS]);

/* Split text back into its four parts (each malloc'd, without the
 * blank lines around it; the caller frees them). 0, or -1 with err
 * naming the heading missing, repeated or out of order, or the line of
 * text found before the first heading; parts are then left NULL. */
int testcard_parse(const char *text, char *parts[TESTCARD_NPARTS], struct jh_err *err);

#endif
