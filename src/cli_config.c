/* cli_config.c: journeyhack config [--dump | --path]
 *
 * The configuration was read before any command ran (main.c), and its
 * problems already went to stderr; this shows what came of it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/cli_config.h"
#include "journeyhack/config.h"
#include "journeyhack/i18n.h"
#include "journeyhack/util.h"

char *cli_config_export_path(const struct cli_ctx *ctx, const struct jh_data *d,
			     enum export_format f, enum export_report r)
{
	char *name = export_default_filename(d->workshop.name, f, r);
	size_t n = strlen(ctx->export_folder) + strlen(name) + 2;
	char *path = util_xmalloc(n);

	snprintf(path, n, "%s/%s", ctx->export_folder, name);
	free(name);
	return path;
}

static int config_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	const struct config *c = ctx->config;
	struct config defaults;
	int rc = CLI_OK;

	if (args->opt[0] && args->opt[1])
		return cli_usage_error(ctx, args->cmd, _("--dump or --path, not both"));
	if (!c) {
		config_init(&defaults);
		c = &defaults;
	}
	if (args->opt[1]) {
		/* No file read: nothing to print, and a script can test for it. */
		if (!c->path)
			return CLI_FAIL;
		cli_line(ctx->out, "%s", c->path);
		return CLI_OK;
	}
	if (config_dump(c, ctx->out))
		rc = cli_fail(ctx, _("standard output: write error"));
	/* The dump shows the defaults in place of bad lines: say it is not
	 * the file as written. */
	return rc == CLI_OK && c->nproblems ? CLI_FAIL : rc;
}

const struct cli_command cli_config_entry = {
    .name = "config",
    .synopsis = "config [--dump | --path]",
    .about = "the configuration in effect",
    .usage = CLI_USAGE_REASON,
    .options = {{NULL, "--dump", CLI_OPT_FLAG}, {NULL, "--path", CLI_OPT_FLAG}},
    .strict = 1,
    .min_operands = 0,
    .max_operands = 0,
    .too_many = "it takes no operands",
    .exec = config_exec,
};
