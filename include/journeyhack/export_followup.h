/* export_followup.h: the follow-up report as GitHub-flavoured markdown. */
#ifndef JOURNEYHACK_EXPORT_FOLLOWUP_H
#define JOURNEYHACK_EXPORT_FOLLOWUP_H

#include <stdio.h>

#include "journeyhack/err.h"
#include "journeyhack/followup.h"
#include "journeyhack/model.h"

/* The two sessions a follow-up report compares and its figures
 * (followup_report over them). */
struct export_followup {
	const struct jh_data *then, *now;
	const struct followup_report *r;
	const char *today; /* YYYY-MM-DD: the day it was compared */
};

/* Write the report to f (not closed); 0, or -1 with a write error. */
int export_followup_md(FILE *f, const struct export_followup *x, struct jh_err *err);

/* Write it to path atomically, never over db or its companion files
 * (export_write_file's guard); "-" or NULL: standard output. */
int export_followup_file(const char *path, const char *db, const struct export_followup *x,
			 struct jh_err *err);

#endif
