/* cli_complete.c: journeyhack complete WHAT [ARG...]: the words the shell
 * completion scripts offer, one a line. Every list is read from the table
 * the program itself runs on, so a new command, option, kind, field or
 * export format is offered the moment it exists; the scripts only know
 * how to ask. Nothing here is translated but the error messages: scripts
 * read the words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/cli_cmd.h"
#include "journeyhack/cli_complete.h"
#include "journeyhack/cli_items.h"
#include "journeyhack/export.h"
#include "journeyhack/i18n.h"
#include "journeyhack/kinds.h"
#include "journeyhack/paths.h"
#include "journeyhack/store.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* main.c reads the global options by hand, not from a table: this list
 * follows it, and the completion tests hold it to --help's. */
static const struct {
	const char *name, *value; /* value: what optarg answers */
} global_options[] = {
    {"-d", "file"},	{"--db", "file"},	   {"--as", "text"},	 {"--replay", "file"},
    {"--size", "text"}, {"--dump-screen", "file"}, {"-h", "flag"},	 {"--help", "flag"},
    {"-V", "flag"},	{"--version", "flag"},	   {"--config", "file"},
};

/* Synopsis placeholders (operands and option values) and what a shell
 * offers for them; anything else is free text. */
static const struct {
	const char *word, *what;
} placeholders[] = {
    {"WORKSHOP", "workshop"},  {"KIND", "kind"}, {"ID", "id"},
    {"FIELD=VALUE", "field"},  {"FILE", "file"}, {"DB", "file"},
    {"TEMPLATE", "templates"},
};

/* Options whose values a table of the program holds, whatever the
 * synopsis happens to list: new formats appear without touching it. */
static const struct {
	const char *long_name, *what;
} option_tables[] = {
    {"--format", "formats"},
    {"--report", "reports"},
    {"--template", "templates"},
};

static void word(struct cli_ctx *ctx, const char *w)
{
	fputs(w, ctx->out);
	fputc('\n', ctx->out);
}

/* A name with a control character cannot be typed or listed one a line. */
static int typable(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

static const struct cli_command *command(struct cli_ctx *ctx, const char *name)
{
	const struct cli_command *c = cli_cmd_find(name);

	if (!c)
		cli_line(ctx->err, _("journeyhack: complete: unknown command \"%s\""), name);
	return c;
}

/* The length of the synopsis word at s, "[-f md|csv]" as one word. */
static size_t synopsis_word(const char *s)
{
	size_t n = 0;
	int depth = 0;

	for (; s[n] && (depth > 0 || s[n] != ' '); n++)
		depth += (s[n] == '[') - (s[n] == ']');
	return n;
}

static const char *placeholder_what(const char *w, size_t n)
{
	for (size_t i = 0; i < N(placeholders); i++)
		if (strlen(placeholders[i].word) == n && !strncmp(w, placeholders[i].word, n))
			return placeholders[i].what;
	return memchr(w, '|', n) ? "choices" : "text";
}

/* The value word an option shows in cmd's synopsis ("[-t TEMPLATE]"
 * gives TEMPLATE) into buf; 0 when the synopsis does not show it. */
static int option_placeholder(const struct cli_command *cmd, const struct cli_option *o, char *buf,
			      size_t size)
{
	const char *names[] = {o->short_name, o->long_name};

	for (size_t i = 0; i < N(names); i++) {
		char key[64];
		const char *at;
		size_t n;

		if (!names[i])
			continue;
		snprintf(key, sizeof key, "[%s ", names[i]);
		if (!(at = strstr(cmd->synopsis, key)))
			continue;
		at += strlen(key);
		n = strcspn(at, "] ");
		snprintf(buf, size, "%.*s", (int)n, at);
		return 1;
	}
	return 0;
}

static const struct cli_option *command_option(const struct cli_command *cmd, const char *name)
{
	for (size_t i = 0; i < CLI_MAX_OPTIONS && cmd->options[i].long_name; i++) {
		const struct cli_option *o = &cmd->options[i];
		if (!strcmp(name, o->long_name) || (o->short_name && !strcmp(name, o->short_name)))
			return o;
	}
	return NULL;
}

static const char *option_what(const struct cli_command *cmd, const struct cli_option *o)
{
	char ph[128];

	if (o->forms & CLI_OPT_FLAG)
		return "flag";
	for (size_t i = 0; i < N(option_tables); i++)
		if (!strcmp(o->long_name, option_tables[i].long_name))
			return option_tables[i].what;
	if (!option_placeholder(cmd, o, ph, sizeof ph))
		return "text";
	return placeholder_what(ph, strlen(ph));
}

/* ------------------------------------------------------------ requests */

static int list_commands(struct cli_ctx *ctx, char **argv)
{
	const struct cli_command *c;

	(void)argv;
	for (size_t i = 0; (c = cli_cmd_at(i)); i++) {
		word(ctx, c->name);
		if (c->alias)
			word(ctx, c->alias);
	}
	return CLI_OK;
}

static int list_options(struct cli_ctx *ctx, char **argv)
{
	const struct cli_command *c;

	if (!argv[0] || !strcmp(argv[0], "-")) {
		for (size_t i = 0; i < N(global_options); i++)
			word(ctx, global_options[i].name);
		return CLI_OK;
	}
	if (!(c = command(ctx, argv[0])))
		return CLI_USAGE;
	for (size_t i = 0; i < CLI_MAX_OPTIONS && c->options[i].long_name; i++) {
		if (c->options[i].short_name)
			word(ctx, c->options[i].short_name);
		word(ctx, c->options[i].long_name);
	}
	return CLI_OK;
}

static int global_optarg(struct cli_ctx *ctx, const char *name)
{
	for (size_t i = 0; i < N(global_options); i++)
		if (!strcmp(name, global_options[i].name)) {
			word(ctx, global_options[i].value);
			return CLI_OK;
		}
	cli_line(ctx->err, _("journeyhack: complete: unknown option \"%s\""), name);
	return CLI_USAGE;
}

static int list_optarg(struct cli_ctx *ctx, char **argv)
{
	const struct cli_command *c;
	const struct cli_option *o;

	if (!strcmp(argv[0], "-"))
		return global_optarg(ctx, argv[1]);
	if (!(c = command(ctx, argv[0])))
		return CLI_USAGE;
	if (!(o = command_option(c, argv[1]))) {
		cli_line(ctx->err, _("journeyhack: complete: %s has no option \"%s\""), c->name,
			 argv[1]);
		return CLI_USAGE;
	}
	word(ctx, option_what(c, o));
	return CLI_OK;
}

static int list_choices(struct cli_ctx *ctx, char **argv)
{
	const struct cli_command *c;
	const struct cli_option *o;
	char ph[128];

	if (!(c = command(ctx, argv[0])))
		return CLI_USAGE;
	if (!(o = command_option(c, argv[1])) || !option_placeholder(c, o, ph, sizeof ph) ||
	    !strchr(ph, '|'))
		return CLI_OK;
	for (char *w = strtok(ph, "|"); w; w = strtok(NULL, "|"))
		word(ctx, w);
	return CLI_OK;
}

/* One synopsis operand, "WORKSHOP", "[KIND]" or "FIELD=VALUE...", as
 * what it is, "..." kept when it repeats. */
static void print_operand(struct cli_ctx *ctx, const char *w, size_t n)
{
	int repeats;

	if (n >= 2 && *w == '[') {
		w++;
		n -= 2;
	}
	repeats = n > 3 && !strncmp(w + n - 3, "...", 3);
	fprintf(ctx->out, "%s%s\n", placeholder_what(w, repeats ? n - 3 : n), repeats ? "..." : "");
}

static int list_operands(struct cli_ctx *ctx, char **argv)
{
	const struct cli_command *c;
	const char *s;

	if (!(c = command(ctx, argv[0])))
		return CLI_USAGE;
	s = c->synopsis + synopsis_word(c->synopsis);
	while (*s) {
		size_t n;

		while (*s == ' ')
			s++;
		n = synopsis_word(s);
		if (n && strncmp(s, "[-", 2))
			print_operand(ctx, s, n);
		s += n;
	}
	return CLI_OK;
}

static int list_workshops(struct cli_ctx *ctx, char **argv)
{
	struct jh_workshop *ws;
	struct jh_err err;
	size_t n;
	int rc;

	(void)argv;
	if ((rc = cli_open_store(ctx, 0)))
		return rc;
	if (store_workshop_list(ctx->st, &ws, &n, &err))
		return cli_fail(ctx, err.msg);
	for (size_t i = 0; i < n; i++) {
		if (typable(ws[i].name))
			word(ctx, ws[i].name);
		model_workshop_free(&ws[i]);
	}
	free(ws);
	return CLI_OK;
}

static int list_kinds(struct cli_ctx *ctx, char **argv)
{
	const struct cli_command *c = NULL;

	if (argv[0] && !(c = command(ctx, argv[0])))
		return CLI_USAGE;
	for (int k = 0; k < JH_NKINDS; k++)
		if (c != &cli_items_add_entry || kinds_addable((enum jh_kind)k))
			word(ctx, kinds_get((enum jh_kind)k)->name);
	return CLI_OK;
}

static const struct jh_kind_def *kind(struct cli_ctx *ctx, const char *name)
{
	const struct jh_kind_def *k = kinds_find(name);

	if (!k)
		cli_line(ctx->err, _("journeyhack: complete: unknown kind \"%s\""), name);
	return k;
}

static int list_fields(struct cli_ctx *ctx, char **argv)
{
	const struct jh_kind_def *k = kind(ctx, argv[0]);

	if (!k)
		return CLI_USAGE;
	for (size_t i = 0; i < k->nfields; i++)
		word(ctx, k->fields[i].name);
	return CLI_OK;
}

/* The words yesno.def accepts, in its order. */
static void bool_values(struct cli_ctx *ctx)
{
	static const char *const words[] = {
#define YESNO(yes, no) yes, no,
#include "journeyhack/yesno.def"
#undef YESNO
	};

	for (size_t i = 0; i < N(words); i++)
		word(ctx, words[i]);
}

/* A range is offered when it is short enough to read at a glance (an
 * experience score, a severity), not a percentage. */
#define MAX_OFFERED_RANGE 11

/* The items a reference may name that everyone in the room sees: the
 * people and the map. Ideas and pain points can still be private. */
static int offered_ref(enum jh_kind k)
{
	return k == JH_PARTICIPANT || k == JH_JOURNEY || k == JH_TOUCHPOINT;
}

/* The names of the items field f may refer to in the workshop. */
static int ref_values(struct cli_ctx *ctx, const struct jh_field_def *f, const char *workshop)
{
	const struct jh_kind_def *t = kinds_get(f->ref);
	const struct jh_field_def *label = kinds_field(t, t->label_field);
	struct jh_data d;
	struct jh_err err;
	jh_id wid;
	int rc;

	if ((rc = cli_workshop(ctx, 0, workshop, &wid)))
		return rc;
	if (store_load(ctx->st, wid, &d, &err))
		return cli_fail(ctx, err.msg);
	for (size_t i = 0; i < kinds_count(t, &d); i++) {
		const char *name = kinds_text(label, kinds_item(t, &d, i));
		if (*name && typable(name))
			word(ctx, name);
	}
	model_data_free(&d);
	return CLI_OK;
}

static int list_values(struct cli_ctx *ctx, char **argv)
{
	const struct jh_kind_def *k = kind(ctx, argv[0]);
	const struct jh_field_def *f;

	if (!k)
		return CLI_USAGE;
	if (!(f = kinds_field(k, argv[1]))) {
		cli_line(ctx->err, _("journeyhack: complete: %s has no field \"%s\""), k->name,
			 argv[1]);
		return CLI_USAGE;
	}
	if (f->type == JF_ENUM)
		for (size_t i = 0; f->choices[i]; i++)
			word(ctx, f->choices[i]);
	else if (f->type == JF_BOOL)
		bool_values(ctx);
	else if (f->type == JF_INT && f->max - f->min < MAX_OFFERED_RANGE)
		for (int v = f->min; v <= f->max; v++)
			fprintf(ctx->out, "%d\n", v);
	else if (f->type == JF_REF && offered_ref(f->ref) && argv[2])
		return ref_values(ctx, f, argv[2]);
	return CLI_OK;
}

static int list_templates(struct cli_ctx *ctx, char **argv)
{
	struct jh_template_entry *list;
	size_t n;

	(void)argv;
	paths_templates(&list, &n);
	for (size_t i = 0; i < n; i++)
		if (list[i].valid && typable(list[i].name))
			word(ctx, list[i].name);
	paths_templates_free(list, n);
	return CLI_OK;
}

/* Each format once: a row only an option reaches (csv without the
 * formula guard) parses to an earlier row of the same name. */
static int list_formats(struct cli_ctx *ctx, char **argv)
{
	(void)argv;
	for (int i = 0; i < EXPORT_NFORMATS; i++) {
		const char *name = export_format_name((enum export_format)i);
		if (export_format_parse(name) == i)
			word(ctx, name);
	}
	return CLI_OK;
}

static int list_reports(struct cli_ctx *ctx, char **argv)
{
	(void)argv;
	for (int i = 0; i < EXPORT_NREPORTS; i++)
		word(ctx, export_report_name((enum export_report)i));
	return CLI_OK;
}

static const struct request {
	const char *name;
	int min, max; /* arguments after the name */
	int (*run)(struct cli_ctx *ctx, char **argv);
} requests[] = {
    {"commands", 0, 0, list_commands}, {"options", 0, 1, list_options},
    {"optarg", 2, 2, list_optarg},     {"choices", 2, 2, list_choices},
    {"operands", 1, 1, list_operands}, {"workshops", 0, 0, list_workshops},
    {"kinds", 0, 1, list_kinds},       {"fields", 1, 1, list_fields},
    {"values", 2, 3, list_values},     {"templates", 0, 0, list_templates},
    {"formats", 0, 0, list_formats},   {"reports", 0, 0, list_reports},
};

int cli_complete_wanted(int argc, char **argv)
{
	return argc > 1 && !strcmp(argv[0], "complete");
}

int cli_complete_run(struct cli_ctx *ctx, int argc, char **argv)
{
	int nargs = argc - 2, rc;

	for (size_t i = 0; argc > 1 && i < N(requests); i++) {
		const struct request *r = &requests[i];
		if (strcmp(argv[1], r->name))
			continue;
		if (nargs < r->min || nargs > r->max) {
			cli_line(ctx->err,
				 _("journeyhack: complete: %s takes %d to %d arguments, not %d"),
				 r->name, r->min, r->max, nargs);
			return CLI_USAGE;
		}
		rc = r->run(ctx, argv + 2);
		cli_close_store(ctx);
		return rc;
	}
	cli_line(ctx->err, _("journeyhack: complete: unknown request \"%s\" (see journeyhack(1))"),
		 argc > 1 ? argv[1] : "");
	return CLI_USAGE;
}
