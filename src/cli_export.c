/* cli_export.c: journeyhack export WORKSHOP [-f FORMAT] [-r REPORT] [-o FILE]
 * [--csv-raw]
 *
 * Reads only: the store is opened without write access, so an export can
 * run while a workshop is going on in other terminals. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/cli_config.h"
#include "journeyhack/cli_export.h"
#include "journeyhack/export.h"

/* A format or report that does not fit is a usage error. The text is
 * the user's own argument, which can still hold a sequence (a pasted
 * name, a script's variable): it goes out through the sanitiser. */
static int refuse(struct cli_ctx *ctx, const char *fmt, ...) JH_PRINTF(2, 3);
static int refuse(struct cli_ctx *ctx, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	cli_line(ctx->err, "journeyhack: export: %s", buf);
	return CLI_USAGE;
}

static int export_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	const char *workshop = args->argv[1], *format = args->opt[0] ? args->opt[0] : "md";
	const char *report = args->opt[1], *out = args->opt[2];
	enum export_report r = EXPORT_DEFAULT;
	struct jh_data d;
	struct jh_err err;
	int fmt, rc;
	jh_id wid;
	char *in_folder = NULL;

	fmt = export_format_parse(format);
	if (fmt < 0)
		return refuse(ctx, "unknown format \"%s\" (md, csv, json, yaml, taskwarrior)",
			      format);
	if (report) {
		int rr = export_report_parse(report);
		if (rr < 0)
			return refuse(ctx, "unknown report \"%s\" (actions, backlog, report)",
				      report);
		r = (enum export_report)rr;
	}
	if (args->opt[3]) {
		if (fmt != EXPORT_CSV)
			return refuse(ctx, "--csv-raw applies to -f csv only");
		fmt = EXPORT_CSV_RAW;
	}
	if (export_check((enum export_format)fmt, &r, &err))
		return refuse(ctx, "%s", err.msg);
	if ((rc = cli_workshop(ctx, 0, workshop, &wid)))
		return rc;
	if (store_load(ctx->st, wid, &d, &err))
		return cli_fail(ctx, err.msg);
	if (!out && ctx->export_folder)
		out = in_folder = cli_config_export_path(ctx, &d, (enum export_format)fmt, r);
	if (!out || !strcmp(out, "-")) {
		rc = export_write(ctx->out, &d, (enum export_format)fmt, r, &err);
		if (rc == 0 && fflush(ctx->out) == EOF) {
			rc = -1;
			snprintf(err.msg, sizeof err.msg, "write error on standard output");
		}
		if (rc)
			err_prefix(&err, "standard output");
	} else {
		rc = export_write_file(out, store_path(ctx->st), &d, (enum export_format)fmt, r,
				       &err);
	}
	model_data_free(&d);
	if (in_folder && !rc)
		cli_line(ctx->out, "%s", in_folder);
	free(in_folder);
	return rc ? cli_fail(ctx, err.msg) : CLI_OK;
}

const struct cli_command cli_export_entry = {
    .name = "export",
    .synopsis = "export WORKSHOP [-f md|csv|json|yaml|taskwarrior] [-r actions|backlog|report] "
		"[-o FILE] [--csv-raw]",
    .globals = CLI_GLOBAL_DB,
    .usage = CLI_USAGE_REASON,
    .options = {{"-f", "--format", CLI_OPT_EQUALS | CLI_OPT_JOINED},
		{"-r", "--report", CLI_OPT_EQUALS | CLI_OPT_JOINED},
		{"-o", "--output", CLI_OPT_EQUALS | CLI_OPT_JOINED},
		{NULL, "--csv-raw", CLI_OPT_FLAG}},
    .strict = 1,
    .min_operands = 1,
    .max_operands = 1,
    .too_few = "which workshop?",
    .too_many = "one workshop at a time",
    .exec = export_exec,
};
