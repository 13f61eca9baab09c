/* cli_show.h: journeyhack show, a workshop's items as tables. */
#ifndef JOURNEYHACK_CLI_SHOW_H
#define JOURNEYHACK_CLI_SHOW_H

#include "journeyhack/cli.h"

extern const struct cli_command cli_show_entry;

#endif
