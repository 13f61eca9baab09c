/* cli_export.c: journeyhack export WORKSHOP [-f FORMAT] [-r REPORT] [-o FILE]
 *
 * Reads only: the store is opened without write access, so an export can
 * run while a workshop is going on in other terminals. */
#include <stdio.h>
#include <string.h>

#include "journeyhack/cli.h"
#include "journeyhack/export.h"

#define SYNOPSIS                                                                                   \
	"export WORKSHOP [-f md|csv|json|yaml|taskwarrior] [-r actions|backlog|report] [-o FILE]"

static int usage(struct cli_ctx *ctx, const char *why)
{
	if (why)
		fprintf(ctx->err, "journeyhack: export: %s\n", why);
	fprintf(ctx->err, "usage: journeyhack " SYNOPSIS "\n");
	return CLI_USAGE;
}

/* "-f md", "-fmd", "--format md", "--format=md": the value, or NULL when
 * argv[*i] is not this option. *missing is set when the value is absent. */
static const char *option(int argc, char **argv, int *i, const char *s, const char *l, int *missing)
{
	const char *a = argv[*i];
	size_t ll = strlen(l);

	if (!strcmp(a, s) || !strcmp(a, l)) {
		if (*i + 1 >= argc) {
			*missing = 1;
			return NULL;
		}
		return argv[++*i];
	}
	if (!strncmp(a, l, ll) && a[ll] == '=')
		return a + ll + 1;
	if (!strncmp(a, s, 2) && a[2])
		return a + 2;
	return NULL;
}

int cli_export(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *workshop = NULL, *format = "md", *report = NULL, *out = NULL;
	enum export_report r = EXPORT_DEFAULT;
	struct jh_data d;
	struct jh_err err;
	int fmt, rc, missing = 0;
	jh_id wid;

	for (int i = 1; i < argc; i++) {
		const char *v;
		if ((v = option(argc, argv, &i, "-f", "--format", &missing)))
			format = v;
		else if ((v = option(argc, argv, &i, "-r", "--report", &missing)))
			report = v;
		else if ((v = option(argc, argv, &i, "-o", "--output", &missing)))
			out = v;
		else if (missing)
			return usage(ctx, "an option needs a value");
		else if (argv[i][0] == '-' && argv[i][1])
			return usage(ctx, "unknown option");
		else if (!workshop)
			workshop = argv[i];
		else
			return usage(ctx, "one workshop at a time");
	}
	if (missing)
		return usage(ctx, "an option needs a value");
	if (!workshop)
		return usage(ctx, "which workshop?");
	fmt = export_format_parse(format);
	if (fmt < 0) {
		fprintf(ctx->err,
			"journeyhack: export: unknown format \"%s\" (md, csv, json, yaml, "
			"taskwarrior)\n",
			format);
		return CLI_USAGE;
	}
	if (report) {
		int rr = export_report_parse(report);
		if (rr < 0) {
			fprintf(ctx->err,
				"journeyhack: export: unknown report \"%s\" (actions, backlog, "
				"report)\n",
				report);
			return CLI_USAGE;
		}
		r = (enum export_report)rr;
	}
	if (export_check((enum export_format)fmt, &r, &err)) {
		fprintf(ctx->err, "journeyhack: export: %s\n", err.msg);
		return CLI_USAGE;
	}
	if ((rc = cli_open_store(ctx, 0)))
		return rc;
	if (cli_workshop(ctx, workshop, &wid))
		return CLI_FAIL;
	if (store_load(ctx->st, wid, &d, &err))
		return cli_fail(ctx, err.msg);
	if (!out || !strcmp(out, "-")) {
		rc = export_write(ctx->out, &d, (enum export_format)fmt, r, &err);
		if (rc == 0 && fflush(ctx->out) == EOF)
			rc = -1,
			snprintf(err.msg, sizeof err.msg, "write error on standard output");
		if (rc)
			err_prefix(&err, "standard output");
	} else {
		rc = export_write_path(out, &d, (enum export_format)fmt, r, &err);
	}
	model_data_free(&d);
	return rc ? cli_fail(ctx, err.msg) : CLI_OK;
}
