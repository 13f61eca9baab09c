/* cli_merge.h: merge: a duplicate pain point or idea into another. */
#ifndef JOURNEYHACK_CLI_MERGE_H
#define JOURNEYHACK_CLI_MERGE_H

#include "journeyhack/cli.h"

extern const struct cli_command cli_merge_entry;

#endif
