/* export_context.h: what stands behind an action point, for the tracker
 * and calendar exports: its idea, the pain points the idea answers with
 * their evidence, and where in which journey each one hurts.
 *
 * A tracker issue or a task is read away from the workshop, so it must
 * carry the why with it. The writers share the order and the wording;
 * each supplies the markup and the escaping of its target. */
#ifndef JOURNEYHACK_EXPORT_CONTEXT_H
#define JOURNEYHACK_EXPORT_CONTEXT_H

#include <stddef.h>
#include <stdio.h>

#include "journeyhack/export_facts.h"
#include "journeyhack/export_w.h"
#include "journeyhack/model.h"

struct export_context_pain {
	const struct jh_painpoint *p;
	const struct jh_touchpoint *tp; /* NULL: not tied to a touchpoint */
	const struct jh_journey *journey;
	const struct jh_stage *stage;
};

struct export_context {
	const struct jh_data *d;
	const struct jh_action *a;
	const struct jh_idea *idea; /* NULL: the action has none */
	int rank;		    /* the idea's place in the backlog, 0: none */
	struct export_context_pain *pains;
	size_t npains;
};

/* How a writer marks up the description. Every string is written as it
 * is; user text only ever goes through text(), and always after a label
 * on the same line, so it can never start a line of the target's markup
 * (a heading, a list, a GitLab quick action). */
struct export_context_style {
	const char *heading;				 /* before a section's title */
	const char *field;				 /* before a "Label: value" line */
	const char *strong_open, *strong_close;		 /* around a label */
	const char *nl;					 /* ends a line */
	void (*text)(struct export_w *w, const char *s); /* user text */
};

void export_context_init(struct export_context *c, const struct jh_data *d,
			 const struct export_facts *x, const struct jh_action *a);
void export_context_free(struct export_context *c);

/* The description: the idea with its hypothesis, the pain points with
 * severity, frequency, journey, stage, touchpoint and evidence, then the
 * action's owner, due date, status and notes. */
void export_context_write(struct export_w *w, const struct export_context *c,
			  const struct export_context_style *st);

/* User text as plain text: valid UTF-8, control characters other than
 * tab and line breaks shown as symbols, CRLF as LF. */
void export_context_plain(struct export_w *w, const char *s);

/* A copy of s on one line: line breaks and tabs become spaces, runs of
 * white space one space, none at the ends; cut after `max` code points
 * (0: no limit) with "…" as the last of them. Caller frees. */
char *export_context_line(const char *s, size_t max);

/* One CSV row a tracker imports for an action point; < 0 on a write error. */
typedef int (*export_context_row_fn)(FILE *f, const struct jh_data *d, const struct export_facts *x,
				     const struct jh_action *a);

/* A tracker's CSV: the header, then one row per action point in the
 * order the other exports list them. */
int export_context_csv(FILE *f, const struct jh_data *d, const char *const *header, size_t n,
		       export_context_row_fn row, struct jh_err *err);

#endif
