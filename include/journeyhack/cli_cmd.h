/* cli_cmd.h: the table of subcommands: finding one by name, running it,
 * and --help, all from the commands' entries (struct cli_command). */
#ifndef JOURNEYHACK_CLI_CMD_H
#define JOURNEYHACK_CLI_CMD_H

#include <stdio.h>

#include "journeyhack/cli.h"

/* The command named (or aliased) name, NULL when there is none: then
 * the name is a workshop to open in the UI. */
const struct cli_command *cli_cmd_find(const char *name);

/* The i-th command in --help's order, NULL past the last: for readers of
 * the whole table, such as shell completion. */
const struct cli_command *cli_cmd_at(size_t i);

/* Run argv[0] with its arguments; CLI_USAGE when the name is unknown or
 * the arguments do not fit the command's entry. */
int cli_cmd_dispatch(struct cli_ctx *ctx, int argc, char **argv);

/* --help: one synopsis line per command, then kinds and options. */
void cli_cmd_help(FILE *f);

#endif
