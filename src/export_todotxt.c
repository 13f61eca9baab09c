/* export_todotxt.c: the action points in the todo.txt format
 * (github.com/todotxt/todo.txt), one task per line.
 *
 * A line is: "x " when done; the priority "(A) " when the action's idea
 * is ranked 1..26 in the backlog (rank 1 is A: the backlog is the
 * workshop's order of importance), left out when done, as the format
 * asks; the workshop's date as the creation date (an open task only: on
 * a done one a lone date would be read as the completion date, which
 * the store does not keep); the title on one line; +WORKSHOP as the
 * project, @OWNER as the context, due:YYYY-MM-DD and id:UUID, the
 * action's own UUID, so a script can match a line to its action again.
 * A project, context or key may hold no white space, so spaces in a
 * name become '_'. A title that would read as the start of a line's
 * syntax (an "x ", a "(A) ", a date) is put after the project. */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/export.h"
#include "journeyhack/export_context.h"
#include "journeyhack/export_facts.h"
#include "journeyhack/export_w.h"
#include "journeyhack/util.h"

/* One word for a project or context: white space becomes '_'. */
static void word(struct export_w *w, char sigil, const char *s)
{
	char *l = export_context_line(s, 0), *from = l;

	/* An owner written as "@name" is already a context. */
	if (*from == sigil)
		from++;
	for (char *p = l; *p; p++)
		if (*p == ' ')
			*p = '_';
	export_w_putc(w, sigil);
	export_w_puts(w, from);
	free(l);
}

static int is_date(const char *s)
{
	char d[11];

	if (strlen(s) < 10)
		return 0;
	memcpy(d, s, 10);
	d[10] = '\0';
	return util_date_valid(d) && (s[10] == ' ' || !s[10]);
}

/* Would the title, first on the line, read as a mark, priority or date? */
static int ambiguous(const char *t)
{
	size_t n = strlen(t);

	if (n >= 1 && t[0] == 'x' && (n == 1 || t[1] == ' '))
		return 1;
	if (n >= 3 && t[0] == '(' && t[1] >= 'A' && t[1] <= 'Z' && t[2] == ')' &&
	    (n == 3 || t[3] == ' '))
		return 1;
	return is_date(t);
}

static void task(struct export_w *w, const struct jh_data *d, const struct export_facts *x,
		 const struct jh_action *a)
{
	struct export_context c;
	char *title = export_context_line(a->title, 0);
	int done = util_streq(a->status, "done");
	int dated = !done && util_date_valid(d->workshop.created);

	export_context_init(&c, d, x, a);
	if (done)
		export_w_puts(w, "x ");
	else if (c.rank >= 1 && c.rank <= 26)
		export_w_printf(w, "(%c) ", 'A' + c.rank - 1);
	if (dated) {
		export_w_puts(w, d->workshop.created);
		export_w_putc(w, ' ');
	}
	/* After the creation date nothing more is syntax. */
	if (dated || !ambiguous(title)) {
		export_w_puts(w, title);
		export_w_putc(w, ' ');
		word(w, '+', d->workshop.name);
	} else {
		word(w, '+', d->workshop.name);
		export_w_putc(w, ' ');
		export_w_puts(w, title);
	}
	if (a->owner && *a->owner) {
		export_w_putc(w, ' ');
		word(w, '@', a->owner);
	}
	if (util_date_valid(a->due))
		export_w_printf(w, " due:%s", a->due);
	if (a->uuid && *a->uuid)
		export_w_printf(w, " id:%s", a->uuid);
	export_w_putc(w, '\n');
	export_context_free(&c);
	free(title);
}

int export_todotxt(FILE *f, const struct jh_data *d, struct jh_err *err)
{
	struct export_w w;
	struct export_facts x;

	export_w_init(&w, f);
	export_facts_init(&x, d);
	for (size_t i = 0; i < x.nactions; i++)
		task(&w, d, &x, &d->actions[x.actions[i]]);
	/* No action points: one blank line, which todo.txt tools skip, so
	 * that the file is not mistaken for a failed, empty export. */
	if (x.nactions == 0)
		export_w_putc(&w, '\n');
	export_facts_free(&x);
	return export_w_done(&w, err);
}
