/* cli_export.h: journeyhack export, writing a workshop in a format. */
#ifndef JOURNEYHACK_CLI_EXPORT_H
#define JOURNEYHACK_CLI_EXPORT_H

#include "journeyhack/cli.h"

extern const struct cli_command cli_export_entry;

#endif
