/* cli_focus.h: `journeyhack focus`: point the room at an item. */
#ifndef JOURNEYHACK_CLI_FOCUS_H
#define JOURNEYHACK_CLI_FOCUS_H

#include "journeyhack/cli.h"

extern const struct cli_command cli_focus_entry;

#endif
