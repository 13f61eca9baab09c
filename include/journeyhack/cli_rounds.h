/* cli_rounds.h: journeyhack round, ready and list WORKSHOP rounds.
 *
 * The rules are rounds.h's; this reads the command line, writes through
 * the store and prints. */
#ifndef JOURNEYHACK_CLI_ROUNDS_H
#define JOURNEYHACK_CLI_ROUNDS_H

#include "journeyhack/cli.h"

extern const struct cli_command cli_rounds_round_entry;
extern const struct cli_command cli_rounds_ready_entry;

/* show WORKSHOP rounds [--json]: every round, its budget and results. */
int cli_rounds_list(struct cli_ctx *ctx, const char *workshop, int json);

#endif
