/* export_gitlab.c: the action points as CSV for GitLab's issue import
 * (a project's Issues > Import CSV).
 *
 * Follows GitLab's documented import format ("Importing issues from
 * CSV", with the due date column gitlab-org/gitlab!91317 added): a
 * header row, columns found by their header, `title` and `description`
 * required, `due_date` (YYYY-MM-DD) optional, other columns ignored. Labels and assignees
 * are not import columns, so the description ends with the quick actions
 * the same page documents for them, which GitLab runs when it creates
 * the issue: /label with the workshop's labels and, only when the owner
 * is a single word a GitLab username may be, /assign @owner. A name with
 * spaces or letters a username cannot hold ("Åsa Öberg") stays in the
 * description as text. A title is one line of at most 255 characters,
 * GitLab's limit; the whole title is in the description.
 *
 * The description is GitLab-flavoured markdown; user text goes through
 * export_mdtext_inline, so it can neither become markup nor start a line
 * (a quick action in a pain point's evidence never runs). */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/csv.h"
#include "journeyhack/export.h"
#include "journeyhack/export_context.h"
#include "journeyhack/export_facts.h"
#include "journeyhack/export_mdtext.h"
#include "journeyhack/export_w.h"
#include "journeyhack/util.h"

#define TITLE_MAX 255

static const struct export_context_style gitlab_style = {"### ", "- ", "**",
							 "**",	 "\n", export_mdtext_inline};

/* GitLab usernames: ASCII letters, digits, '_', '-' and '.', starting
 * and ending with a letter, digit or '_'. */
static int username(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n == 0 || n > 255)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			   (c >= '0' && c <= '9') || c == '_';
		if (!word && ((c != '-' && c != '.') || i == 0 || i == n - 1))
			return 0;
	}
	return 1;
}

/* ~"label": a quote would end it, so it becomes an apostrophe. */
static void quick_label(struct export_w *w, const char *s)
{
	char *l = export_context_line(s, 0);

	for (char *p = l; *p; p++)
		if (*p == '"')
			*p = '\'';
	export_w_puts(w, " ~\"");
	export_w_puts(w, l);
	export_w_putc(w, '"');
	free(l);
}

static void quick_actions(struct export_w *w, const struct jh_data *d, const struct jh_action *a)
{
	const char *owner = a->owner ? a->owner : "";

	export_w_puts(w, "\n/label ~journeyhack");
	quick_label(w, d->workshop.name);
	if (util_streq(a->status, "doing") || util_streq(a->status, "done"))
		quick_label(w, a->status);
	if (*owner == '@')
		owner++;
	if (username(owner)) {
		export_w_puts(w, "\n/assign @");
		export_w_puts(w, owner);
	}
	export_w_putc(w, '\n');
}

static char *description(const struct jh_data *d, const struct export_facts *x,
			 const struct jh_action *a)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&buf, &n);
	struct export_context c;
	struct export_w w;

	if (!m)
		return NULL;
	export_w_init(&w, m);
	export_context_init(&c, d, x, a);
	export_context_write(&w, &c, &gitlab_style);
	export_context_free(&c);
	quick_actions(&w, d, a);
	if (fclose(m) != 0 || w.failed) {
		free(buf);
		return NULL;
	}
	return buf;
}

static int row(FILE *f, const struct jh_data *d, const struct export_facts *x,
	       const struct jh_action *a)
{
	char *title = export_context_line(a->title, TITLE_MAX), *desc = description(d, x, a);
	const char *fields[3] = {title, desc, util_date_valid(a->due) ? a->due : ""};
	int rc = desc ? csv_write_row(f, fields, 3) : -1;

	free(title);
	free(desc);
	return rc;
}

int export_gitlab(FILE *f, const struct jh_data *d, struct jh_err *err)
{
	static const char *const header[] = {"title", "description", "due_date"};

	return export_context_csv(f, d, header, sizeof header / sizeof header[0], row, err);
}
