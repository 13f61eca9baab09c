/* view_backlog.h: the backlog view, and the backlog as the views show it
 * (the matrix plots the same ideas). */
#ifndef JOURNEYHACK_VIEW_BACKLOG_H
#define JOURNEYHACK_VIEW_BACKLOG_H

#include <stddef.h>

#include "journeyhack/analysis.h"
#include "journeyhack/view.h"

/* The ranked backlog without the ideas private writing hides from this
 * participant; renumber ranks the rest 1..n. Caller frees. */
struct jh_ranked_idea *view_backlog_visible(struct ui *ui, int renumber, size_t *n);
/* "ICE", "RICE": the method's name as people write it. */
void view_backlog_label(enum jh_method method, char *buf, size_t size);

#endif
