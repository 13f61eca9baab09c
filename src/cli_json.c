/* cli_json.c: the --json output of list, show, templates and
 * check-template.
 *
 * An item is what `export -f json` writes for it (export_json_item: its
 * values by the field table, then the analysis), plus the figures only
 * `show` prints and the item's revision, which `set --if-revision` takes.
 * The documents are flat where the export nests: `show W --json` holds
 * one array per kind, each the same as `show W KIND --json`. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/cli_json.h"
#include "journeyhack/export_json.h"
#include "journeyhack/paths.h"
#include "journeyhack/session.h"
#include "journeyhack/template.h"
#include "journeyhack/util.h"

static void doc_begin(struct cli_json *c, FILE *f, char bracket)
{
	export_w_init(&c->w, f);
	export_jsonw_begin(&c->j, &c->w, bracket);
}

static int doc_end(struct cli_json *c, char bracket, struct jh_err *err)
{
	export_jsonw_end(&c->j, bracket);
	return export_w_done(&c->w, err);
}

/* ---- list ---- */

int cli_json_workshops(FILE *f, const struct jh_workshop *ws, size_t n, struct jh_err *err)
{
	struct cli_json c;

	doc_begin(&c, f, '[');
	for (size_t i = 0; i < n; i++) {
		export_jsonw_open(&c.j, NULL, '{');
		export_jsonw_int(&c.j, "id", ws[i].id);
		export_json_settings(&c.j, &ws[i], NULL);
		export_jsonw_int(&c.j, "revision", ws[i].revision);
		export_jsonw_close(&c.j, '}');
	}
	return doc_end(&c, ']', err);
}

/* ---- show ---- */

/* What show's tables add to the export's figures. */
static void show_figures(struct export_jsonw *j, const struct jh_data *d,
			 const struct export_facts *x, enum jh_kind k, size_t i)
{
	int spent;

	switch (k) {
	case JH_PARTICIPANT:
		spent = session_participant_dots(d, d->participants[i].id);
		export_jsonw_int(j, "dots_spent", spent);
		export_jsonw_int(j, "dots_left", d->workshop.dots_per_participant - spent);
		break;
	case JH_STEP:
		export_jsonw_bool(j, "current", &d->steps[i] == session_current_step(d));
		break;
	case JH_JOURNEY:
		export_jsonw_int(j, "touchpoint_count", x->journeys[i].ntouchpoints);
		break;
	default:
		break;
	}
}

/* The items of kind k under key (NULL: as the document's own array). */
static void show_items(struct export_jsonw *j, const struct jh_data *d,
		       const struct export_facts *x, enum jh_kind k, const char *key)
{
	const struct jh_kind_def *kd = kinds_get(k);
	size_t n = k == JH_IDEA ? x->nbacklog : kinds_count(kd, d);
	struct export_fields fl;

	export_fields_item(&fl, k, NULL);
	if (key)
		export_jsonw_open(j, key, '[');
	for (size_t r = 0; r < n; r++) {
		/* Ideas in rank order, as show lists the backlog. */
		size_t i = k == JH_IDEA ? x->backlog[r].index : r;

		export_jsonw_open(j, NULL, '{');
		export_json_item(j, d, x, &fl, k, i);
		show_figures(j, d, x, k, i);
		export_jsonw_int(j, "revision", kinds_revision(k, kinds_item(kd, d, i)));
		export_jsonw_close(j, '}');
	}
	if (key)
		export_jsonw_close(j, ']');
}

static void show_workshop(struct export_jsonw *j, const struct jh_data *d,
			  const struct export_facts *x)
{
	static const enum jh_kind order[] = {
	    JH_PARTICIPANT, JH_STEP, JH_JOURNEY, JH_STAGE,   JH_TOUCHPOINT, JH_PAINPOINT,
	    JH_IDEA,	    JH_VOTE, JH_ACTION,	 JH_PARKING, JH_PERSONA,
	};

	export_jsonw_int(j, "id", d->workshop.id);
	export_json_workshop(j, d, NULL);
	export_jsonw_int(j, "revision", d->workshop.revision);
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++)
		show_items(j, d, x, order[k], kinds_get(order[k])->plural);
}

int cli_json_show(FILE *f, const struct jh_data *d, enum jh_kind kind, struct jh_err *err)
{
	int whole = kind == JH_WORKSHOP;
	struct export_facts x;
	struct cli_json c;
	int rc;

	export_facts_init(&x, d);
	doc_begin(&c, f, whole ? '{' : '[');
	if (whole)
		show_workshop(&c.j, d, &x);
	else
		show_items(&c.j, d, &x, kind, NULL);
	rc = doc_end(&c, whole ? '}' : ']', err);
	export_facts_free(&x);
	return rc;
}

/* ---- templates and check-template ---- */

/* A template error, "FILE:LINE:COLUMN: message" or "FILE: message" as
 * template_load words it, taken apart; line and column are null when the
 * problem has no place in the file (it cannot be read, it is too big). */
static void error_object(struct export_jsonw *j, const char *file, const char *msg)
{
	size_t flen = strlen(file);
	unsigned long line = 0, col = 0;
	int used = 0;

	if (!strncmp(msg, file, flen) && msg[flen] == ':') {
		msg += flen + 1;
		if (sscanf(msg, "%lu:%lu: %n", &line, &col, &used) == 2 && used > 0)
			msg += used;
		else
			msg += msg[0] == ' ';
	}
	export_jsonw_open(j, NULL, '{');
	export_jsonw_str(j, "file", file);
	if (used) {
		export_jsonw_int(j, "line", (long long)line);
		export_jsonw_int(j, "column", (long long)col);
	} else {
		export_jsonw_null(j, "line");
		export_jsonw_null(j, "column");
	}
	export_jsonw_str(j, "message", msg);
	export_jsonw_close(j, '}');
}

/* "errors": [] or the one error a failed load reports. */
static void errors(struct export_jsonw *j, const char *file, const char *error)
{
	export_jsonw_open(j, "errors", '[');
	if (error)
		error_object(j, file, error);
	export_jsonw_close(j, ']');
}

static void opt_str(struct export_jsonw *j, const char *key, const char *v)
{
	if (v)
		export_jsonw_str(j, key, v);
	else
		export_jsonw_null(j, key);
}

static void opt_count(struct export_jsonw *j, const char *key, const struct jh_template *t,
		      size_t n)
{
	if (t)
		export_jsonw_int(j, key, (long long)n);
	else
		export_jsonw_null(j, key);
}

int cli_json_templates(FILE *f, const struct jh_template_entry *list, size_t n, struct jh_err *err)
{
	struct cli_json c;

	doc_begin(&c, f, '[');
	for (size_t i = 0; i < n; i++) {
		const struct jh_template_entry *t = &list[i];

		export_jsonw_open(&c.j, NULL, '{');
		export_jsonw_str(&c.j, "name", t->name);
		opt_str(&c.j, "title", t->valid ? t->title : NULL);
		export_jsonw_str(&c.j, "path", t->path);
		export_jsonw_bool(&c.j, "valid", t->valid);
		errors(&c.j, t->path, t->valid ? NULL : t->title);
		export_jsonw_close(&c.j, '}');
	}
	return doc_end(&c, ']', err);
}

void cli_json_checks_begin(struct cli_json *c, FILE *f)
{
	doc_begin(c, f, '[');
}

void cli_json_check(struct cli_json *c, const char *file, const struct jh_template *tpl,
		    const char *error)
{
	struct export_jsonw *j = &c->j;

	export_jsonw_open(j, NULL, '{');
	export_jsonw_str(j, "file", file);
	export_jsonw_bool(j, "valid", tpl != NULL);
	opt_str(j, "name", tpl ? tpl->name : NULL);
	opt_str(j, "title", tpl ? tpl->title : NULL);
	opt_count(j, "step_count", tpl, tpl ? tpl->nsteps : 0);
	opt_count(j, "stage_count", tpl, tpl ? tpl->nstages : 0);
	opt_count(j, "channel_count", tpl, tpl ? tpl->nchannels : 0);
	opt_count(j, "journey_count", tpl, tpl ? tpl->njourneys : 0);
	errors(j, file, tpl ? NULL : error);
	export_jsonw_close(j, '}');
}

int cli_json_checks_end(struct cli_json *c, struct jh_err *err)
{
	return doc_end(c, ']', err);
}

/* ---- messages ---- */

char *cli_json_untranslated(void)
{
	const char *now = setlocale(LC_MESSAGES, NULL);
	char *saved = util_xstrdup(now ? now : "C");

	/* gettext leaves every message as written under the C locale, and
	 * LANGUAGE is not consulted then. */
	setlocale(LC_MESSAGES, "C");
	return saved;
}

void cli_json_translated(char *saved)
{
	setlocale(LC_MESSAGES, saved);
	free(saved);
}
