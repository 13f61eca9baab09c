/* cli_workshops.h: the workshop-level subcommands: new, list, templates,
 * check-template. */
#ifndef JOURNEYHACK_CLI_WORKSHOPS_H
#define JOURNEYHACK_CLI_WORKSHOPS_H

#include "journeyhack/cli.h"

extern const struct cli_command cli_workshops_new_entry;
extern const struct cli_command cli_workshops_list_entry;
extern const struct cli_command cli_workshops_templates_entry;
extern const struct cli_command cli_workshops_check_template_entry;

#endif
