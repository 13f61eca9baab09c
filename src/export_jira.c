/* export_jira.c: the action points as CSV for Jira's CSV importer
 * (System > External system import > CSV, or a project's Import issues).
 *
 * Columns, each mapped to the Jira field of the same name in the
 * importer's mapping step: Summary, Issue Type (Task), Status (Jira's
 * default workflow names To Do, In Progress, Done), Due Date, Owner, Description,
 * Labels twice (Jira takes a repeated column as several values of one
 * multi-value field) and Journeyhack UUID. Owners are names said in the
 * room, not Jira accounts, so Owner is free text: map it to a text
 * custom field, or to Assignee when the names are account names; the
 * description carries it too. The dates are ISO 8601, so the importer's
 * "Date format" setting is yyyy-MM-dd (Java SimpleDateFormat). The
 * program has no priority for an action (an idea's rank is an order,
 * not Jira's Highest..Lowest), so there is no Priority column.
 *
 * Jira renders a description as its wiki markup, so user text goes out
 * with every character Jira's backslash escape covers escaped, the
 * backslash (which would pair into a line break) and the '.' of a line's
 * h1. or bq. as character references, and a smiley's ':' the same way;
 * the '&' of what would read as a character reference as "&amp;".
 * A summary is one line of at most 255 characters, Jira's limit; the
 * whole title is in the description. No formula guard: this file is for
 * the importer, where an apostrophe would become part of the issue. */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/csv.h"
#include "journeyhack/export.h"
#include "journeyhack/export_context.h"
#include "journeyhack/export_facts.h"
#include "journeyhack/export_w.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"

#define SUMMARY_MAX 255

/* The characters Jira's renderer unescapes after a backslash. */
static int jira_special(char c)
{
	return c && strchr("-#*_+?^~|%{}[]()!@", c) != NULL;
}

/* At a line's start, "h1." .. "h6." makes a heading and "bq." a quote. */
static size_t block_dot(const char *s)
{
	if (s[0] == 'h' && s[1] >= '1' && s[1] <= '6' && s[2] == '.')
		return 2;
	if (s[0] == 'b' && s[1] == 'q' && s[2] == '.')
		return 2;
	return 0;
}

/* "&#92;" or "&amp;" typed by a user would show as the character it
 * names: the '&' of something that reads as a character reference is
 * written as one itself. An '&' in ordinary text stays as it is. */
static int entity_like(const char *s)
{
	size_t n = 1;

	if (s[1] == '#')
		return 1;
	while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z'))
		n++;
	return n > 1 && s[n] == ';';
}

static void jira_text(struct export_w *w, const char *s)
{
	char *c = text_clean(s);
	size_t dot = block_dot(c);

	for (size_t i = 0; c[i]; i++) {
		if (c[i] == '\r' && c[i + 1] == '\n')
			continue;
		if (c[i] == '\r' || c[i] == '\n') {
			export_w_putc(w, '\n');
			dot = block_dot(c + i + 1) ? i + 1 + block_dot(c + i + 1) : 0;
		} else if (dot && i == dot) {
			export_w_puts(w, "&#46;");
		} else if (c[i] == '\\') {
			export_w_puts(w, "&#92;");
		} else if (c[i] == '&' && entity_like(c + i)) {
			export_w_puts(w, "&amp;");
		} else if (c[i] == ':' && c[i + 1] && strchr("DPp", c[i + 1])) {
			export_w_puts(w, "&#58;");
		} else {
			if (jira_special(c[i]))
				export_w_putc(w, '\\');
			export_w_putc(w, c[i]);
		}
	}
	free(c);
}

static const struct export_context_style jira_style = {"h3. ", "", "*", "*", "\n", jira_text};

static const char *jira_status(const char *status)
{
	if (util_streq(status, "doing"))
		return "In Progress";
	return util_streq(status, "done") ? "Done" : "To Do";
}

/* A Jira label is one word: white space becomes '_'. */
static char *label(const char *s)
{
	char *l = export_context_line(s, 0);

	for (char *p = l; *p; p++)
		if (*p == ' ')
			*p = '_';
	return l;
}

static char *description(const struct export_context *c)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&buf, &n);
	struct export_w w;

	if (!m)
		return NULL;
	export_w_init(&w, m);
	export_context_write(&w, c, &jira_style);
	if (fclose(m) != 0 || w.failed) {
		free(buf);
		return NULL;
	}
	/* The last line's end would only be a trailing blank line. */
	while (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return buf;
}

static int row(FILE *f, const struct jh_data *d, const struct export_facts *x,
	       const struct jh_action *a)
{
	struct export_context c;
	char *summary = export_context_line(a->title, SUMMARY_MAX), *desc, *owner, *wl;
	const char *fields[9];
	int rc;

	export_context_init(&c, d, x, a);
	desc = description(&c);
	owner = export_context_line(a->owner, 0);
	wl = label(d->workshop.name);
	fields[0] = summary;
	fields[1] = "Task";
	fields[2] = jira_status(a->status);
	fields[3] = util_date_valid(a->due) ? a->due : "";
	fields[4] = owner;
	fields[5] = desc ? desc : "";
	fields[6] = "journeyhack";
	fields[7] = wl;
	fields[8] = export_w_str(a->uuid);
	rc = desc ? csv_write_row(f, fields, 9) : -1;
	free(summary);
	free(desc);
	free(owner);
	free(wl);
	export_context_free(&c);
	return rc;
}

int export_jira(FILE *f, const struct jh_data *d, struct jh_err *err)
{
	static const char *const header[] = {"Summary",	 "Issue Type", "Status",
					     "Due Date", "Owner",      "Description",
					     "Labels",	 "Labels",     "Journeyhack UUID"};

	return export_context_csv(f, d, header, sizeof header / sizeof header[0], row, err);
}
