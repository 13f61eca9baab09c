/* export_mdtext.h: user text as GitHub-flavoured markdown inline text.
 *
 * What it writes renders as the text itself, on one line, wherever inline
 * text may stand: a table cell, a list item, a heading. */
#ifndef JOURNEYHACK_EXPORT_MDTEXT_H
#define JOURNEYHACK_EXPORT_MDTEXT_H

#include "journeyhack/export_w.h"

/* Write s (NULL: nothing) escaped: ASCII markdown punctuation
 * (\ ` * _ [ ] < > # | ~ & $) gets a backslash, and so does a '-', '+'
 * or '=' starting a line, the '.' or ')' after digits starting one, and
 * the ':' of "://" and the '.' of "www." that GitHub would make a link; a
 * line break becomes <br>, tab a space, other control characters
 * visible symbols. Leading and trailing white space is dropped. Letters
 * and symbols beyond ASCII are written as they are. */
void export_mdtext_inline(struct export_w *w, const char *s);

#endif
