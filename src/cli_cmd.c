/* cli_cmd.c: the table of subcommands, dispatch and --help. Each command
 * states its synopsis once, in its entry; the help lines and the usage
 * errors are both made from it. */
#include <stdio.h>
#include <string.h>

#include "journeyhack/cli_cmd.h"
#include "journeyhack/cli_config.h"
#include "journeyhack/cli_export.h"
#include "journeyhack/cli_focus.h"
#include "journeyhack/cli_followup.h"
#include "journeyhack/cli_items.h"
#include "journeyhack/cli_merge.h"
#include "journeyhack/cli_rounds.h"
#include "journeyhack/cli_show.h"
#include "journeyhack/cli_workshops.h"
#include "journeyhack/i18n.h"
#include "journeyhack/kinds.h"

/* In --help's order. */
static const struct cli_command *const cmd_table[] = {
    &cli_workshops_new_entry,
    &cli_workshops_list_entry,
    &cli_workshops_templates_entry,
    &cli_workshops_check_template_entry,
    &cli_items_add_entry,
    &cli_show_entry,
    &cli_items_set_entry,
    &cli_items_rm_entry,
    &cli_merge_entry,
    &cli_items_import_entry,
    &cli_export_entry,
    &cli_followup_entry,
    &cli_config_entry,
    &cli_focus_entry,
    &cli_rounds_round_entry,
    &cli_rounds_ready_entry,
};

#define NCMDS (sizeof cmd_table / sizeof cmd_table[0])

const struct cli_command *cli_cmd_find(const char *name)
{
	for (size_t i = 0; i < NCMDS; i++) {
		const struct cli_command *c = cmd_table[i];
		if (!strcmp(name, c->name) || (c->alias && !strcmp(name, c->alias)))
			return c;
	}
	return NULL;
}

const struct cli_command *cli_cmd_at(size_t i)
{
	return i < NCMDS ? cmd_table[i] : NULL;
}

int cli_cmd_dispatch(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_command *c = cli_cmd_find(argv[0]);
	struct cli_args args;
	int rc;

	if (!c) {
		cli_line(ctx->err,
			 _("journeyhack: unknown command \"%s\" (see: journeyhack --help)"),
			 argv[0]);
		return CLI_USAGE;
	}
	if ((rc = cli_args_parse(ctx, c, argc, argv, &args)))
		return rc;
	rc = c->exec(ctx, &args);
	cli_args_free(&args);
	cli_close_store(ctx);
	return rc;
}

#define HELP_WIDTH     80 /* a synopsis longer than this goes on */
#define HELP_ABOUT_COL 49 /* descriptions start in this column */

/* The length of the synopsis word at s: up to a blank outside brackets,
 * so "[-f md|csv]" stays whole. */
static size_t word_len(const char *s)
{
	size_t n = 0;
	int depth = 0;

	for (; s[n] && (depth > 0 || s[n] != ' '); n++)
		depth += (s[n] == '[') - (s[n] == ']');
	return n;
}

/* "  journeyhack GLOBALS SYNOPSIS   about", the synopsis wrapped under
 * itself when it is wider than the screen. */
static void help_line(FILE *f, const char *globals, const char *synopsis, const char *about)
{
	int col = fprintf(f, "  journeyhack %s", globals), indent = col;
	const char *s = synopsis;

	while (*s) {
		size_t n = word_len(s);
		if (s != synopsis) {
			if (col + 1 + (int)n > HELP_WIDTH)
				col = fprintf(f, "\n%*s", indent, "") - 1;
			else
				col += fprintf(f, " ");
		}
		col += fprintf(f, "%.*s", (int)n, s);
		s += n;
		while (*s == ' ')
			s++;
	}
	if (about)
		fprintf(f, "%*s%s", col < HELP_ABOUT_COL ? HELP_ABOUT_COL - col : 1, "", _(about));
	fputc('\n', f);
}

static const char *globals_text(int globals)
{
	if (globals & CLI_GLOBAL_AS)
		return "[-d DB] [--as NAME] ";
	return globals & CLI_GLOBAL_DB ? "[-d DB] " : "";
}

void cli_cmd_help(FILE *f)
{
	fputs(_("Usage:\n"), f);
	help_line(f, globals_text(CLI_GLOBAL_DB | CLI_GLOBAL_AS), "[WORKSHOP]",
		  _("open the workshop UI"));
	for (size_t i = 0; i < NCMDS; i++)
		help_line(f, globals_text(cmd_table[i]->globals), cmd_table[i]->synopsis,
			  cmd_table[i]->about);
	help_line(f, "", "--help | --version", NULL);
	fprintf(f,
		_("\n"
		  "KIND: %s\n"
		  "      (set also takes step and workshop)\n"
		  "\n"
		  "Options:\n"
		  "  -d, --db FILE          database file (default $JOURNEYHACK_DB, else\n"
		  "                         $XDG_DATA_HOME/journeyhack/journeyhack.db)\n"
		  "  --as NAME              act as this participant (authors, votes, rights)\n"
		  "  --config FILE          configuration (default $JOURNEYHACK_CONFIG, else\n"
		  "                         $XDG_CONFIG_HOME/journeyhack/config)\n"
		  "  --facilitator NAME     new: the workshop's facilitator\n"
		  "  --replay FILE          UI: read keys from FILE on a virtual screen\n"
		  "  --size COLSxROWS       UI: virtual screen size for --replay (80x24)\n"
		  "  --dump-screen FILE     UI: write the final screen to FILE\n"
		  "  --trim                 set: lower dots or max_dots below what is spent,\n"
		  "                         removing the excess dots, newest first\n"
		  "  --json                 list, show, templates, check-template: one JSON\n"
		  "                         document for scripts (journeyhack(1): JSON output)\n"
		  "  -h, --help             show this help\n"
		  "  -V, --version          show the version\n"
		  "\n"
		  "See journeyhack(1), journeyhack-template(5) and journeyhack-config(5).\n"),
		kinds_names());
}
