/* cli_json.h: the --json output of list, show, templates and
 * check-template: one JSON document per command, written through the
 * export's JSON writer (export_jsonw.h, export_json.h) so that keys, types,
 * computed figures and escaping are those of `export -f json`. The keys
 * and the promise that they stay are documented under JSON OUTPUT in
 * journeyhack(1). Nothing here is translated: scripts read it. */
#ifndef JOURNEYHACK_CLI_JSON_H
#define JOURNEYHACK_CLI_JSON_H

#include <stddef.h>
#include <stdio.h>

#include "journeyhack/err.h"
#include "journeyhack/export_jsonw.h"
#include "journeyhack/kinds.h"
#include "journeyhack/model.h"

struct jh_template;
struct jh_template_entry;

/* A document being written to a FILE. */
struct cli_json {
	struct export_w w;
	struct export_jsonw j;
};

/* list: the workshops as an array of objects. 0, or -1 with a message
 * when the output cannot be written (as every function here). */
int cli_json_workshops(FILE *f, const struct jh_workshop *ws, size_t n, struct jh_err *err);

/* show: kind JH_WORKSHOP, the workshop as one object with an array of
 * every kind's items; otherwise the items of that kind as an array, in
 * the order show prints them (ideas by rank). */
int cli_json_show(FILE *f, const struct jh_data *d, enum jh_kind kind, struct jh_err *err);

/* templates: the templates found as an array of objects. */
int cli_json_templates(FILE *f, const struct jh_template_entry *list, size_t n, struct jh_err *err);

/* check-template: an array of one object per file, each written when the
 * file has been checked: tpl the template read, or NULL with error the
 * message of template_load ("FILE:LINE:COLUMN: message"). */
void cli_json_checks_begin(struct cli_json *c, FILE *f);
void cli_json_check(struct cli_json *c, const char *file, const struct jh_template *tpl,
		    const char *error);
int cli_json_checks_end(struct cli_json *c, struct jh_err *err);

/* Messages that end up in a document (a template's error) are made with
 * translation off, between these two calls: cli_json_untranslated returns
 * the message locale to hand back to cli_json_translated. */
char *cli_json_untranslated(void);
void cli_json_translated(char *saved);

#endif
