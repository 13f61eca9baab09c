/* cli_items.h: add, set, rm and import: changing items from the command
 * line. */
#ifndef JOURNEYHACK_CLI_ITEMS_H
#define JOURNEYHACK_CLI_ITEMS_H

#include "journeyhack/cli.h"

extern const struct cli_command cli_items_add_entry;
extern const struct cli_command cli_items_set_entry;
extern const struct cli_command cli_items_rm_entry;
extern const struct cli_command cli_items_import_entry;

#endif
