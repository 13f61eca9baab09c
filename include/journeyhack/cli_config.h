/* cli_config.h: journeyhack config, the configuration in effect. */
#ifndef JOURNEYHACK_CLI_CONFIG_H
#define JOURNEYHACK_CLI_CONFIG_H

#include "journeyhack/cli.h"
#include "journeyhack/export.h"

extern const struct cli_command cli_config_entry;

/* Where export without -o writes d in format f, report r: the default
 * file name in ctx->export_folder (which must be set). Caller frees. */
char *cli_config_export_path(const struct cli_ctx *ctx, const struct jh_data *d,
			     enum export_format f, enum export_report r);

#endif
