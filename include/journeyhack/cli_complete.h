/* cli_complete.h: journeyhack complete WHAT [ARG...], the hidden command
 * the shell completion scripts (completions/) ask for the words to offer.
 * It reads the tables the program runs on (commands, kinds and fields,
 * export formats, templates, the database), so completions cannot drift
 * from what the program accepts. */
#ifndef JOURNEYHACK_CLI_COMPLETE_H
#define JOURNEYHACK_CLI_COMPLETE_H

#include "journeyhack/cli.h"

/* Whether argv (argc words, argv[0] the first word after the global
 * options) is a call of the hidden command: "complete" and what to list.
 * "complete" alone stays a workshop to open. */
int cli_complete_wanted(int argc, char **argv);

/* Print the words asked for, one a line, to ctx->out:
 *   commands                 command names
 *   options [CMD]            global options, or CMD's options
 *   optarg CMD|- OPTION      what OPTION's value is: flag, file, text,
 *                            templates, formats, reports or choices
 *   choices CMD OPTION       the words an option's synopsis lists
 *   operands CMD             what each operand is: workshop, kind, id,
 *                            field, file or text ("..." when it repeats)
 *   workshops                workshop names in the database (-d)
 *   kinds [CMD]              item kinds (those add takes, for add)
 *   fields KIND              KIND's field names
 *   values KIND FIELD [WORKSHOP]  the values FIELD takes, where they
 *                            are few; for a reference to a participant,
 *                            journey or touchpoint, their names in WORKSHOP
 *   templates | formats | reports
 * Returns a CLI_* status; CLI_USAGE for an unknown request. */
int cli_complete_run(struct cli_ctx *ctx, int argc, char **argv);

#endif
