/* cli_export.c: journeyhack export WORKSHOP [-f FORMAT] [-r REPORT] [-o FILE]
 * [--csv-raw] [--csv-sep SEP] [--csv-bom] [--journey JOURNEY]
 *
 * Reads only: the store is opened without write access, so an export can
 * run while a workshop is going on in other terminals. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/cli_config.h"
#include "journeyhack/cli_export.h"
#include "journeyhack/csv.h"
#include "journeyhack/export.h"
#include "journeyhack/i18n.h"
#include "journeyhack/util.h"

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

/* --journey: the map of one journey (an id or its name) instead of all
 * of them stacked. view shares the loaded workshop's items: the map
 * draws only the journeys it is given. */
static int pick_journey(struct cli_ctx *ctx, jh_id wid, const char *which, const struct jh_data *d,
			struct jh_data *view, struct jh_err *err)
{
	long long num;
	jh_id id = 0;

	if (util_parse_int(which, &num) == 0)
		id = num;
	else if (store_item_lookup(ctx->st, wid, JH_JOURNEY, which, 0, &id, err)) {
		err_prefix(err, "--journey");
		return -1;
	}
	*view = *d;
	for (size_t i = 0; i < d->njourneys; i++)
		if (d->journeys[i].id == id) {
			view->journeys = &d->journeys[i];
			view->njourneys = 1;
			return 0;
		}
	return err_set(err, _("--journey: no journey with id %s in this workshop"), which);
}

/* --csv-sep and --csv-bom: the layout of a CSV export. 0 with o filled,
 * or CLI_USAGE after the message for another format or an unknown
 * separator. */
static int csv_layout(struct cli_ctx *ctx, const struct cli_args *args, int fmt,
		      struct export_csv_opts *o)
{
	int sep = args->opt[5] ? csv_sep_parse(args->opt[5]) : ',';

	o->sep = ',';
	o->bom = args->opt[6] != NULL;
	o->raw = fmt == EXPORT_CSV_RAW;
	if (!args->opt[5] && !o->bom)
		return 0;
	if (fmt != EXPORT_CSV && fmt != EXPORT_CSV_RAW)
		return refuse(ctx, "%s", _("--csv-sep and --csv-bom apply to -f csv only"));
	if (sep < 0)
		return refuse(ctx, _("--csv-sep \"%s\": the separator is , ; or tab"),
			      args->opt[5]);
	o->sep = (char)sep;
	return 0;
}

static int is_csv(int fmt)
{
	return fmt == EXPORT_CSV || fmt == EXPORT_CSV_RAW;
}

static int write_stdout(struct cli_ctx *ctx, const struct jh_data *d, int fmt, enum export_report r,
			const struct export_csv_opts *o, struct jh_err *err)
{
	int rc;

	if (is_csv(fmt))
		rc = export_csv_with(ctx->out, d, r, o, err);
	else
		rc = export_write(ctx->out, d, (enum export_format)fmt, r, err);
	if (rc == 0 && fflush(ctx->out) == EOF) {
		rc = -1;
		snprintf(err->msg, sizeof err->msg, "%s", _("write error on standard output"));
	}
	if (rc)
		err_prefix(err, "%s", _("standard output"));
	return rc;
}

static int export_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	const char *workshop = args->argv[1], *format = args->opt[0] ? args->opt[0] : "md";
	const char *report = args->opt[1], *out = args->opt[2];
	enum export_report r = EXPORT_DEFAULT;
	struct export_csv_opts o;
	struct jh_data d, view;
	struct jh_err err;
	int fmt, rc;
	jh_id wid;
	char *in_folder = NULL;

	fmt = export_format_parse(format);
	if (fmt < 0)
		return refuse(ctx, _("unknown format \"%s\" (%s)"), format, export_format_list());
	if (report) {
		int rr = export_report_parse(report);
		if (rr < 0)
			return refuse(
			    ctx, _("unknown report \"%s\" (actions, backlog, report, painpoints)"),
			    report);
		r = (enum export_report)rr;
	}
	if (args->opt[3]) {
		if (fmt != EXPORT_CSV)
			return refuse(ctx, _("--csv-raw applies to -f csv only"));
		fmt = EXPORT_CSV_RAW;
	}
	if (args->opt[4] && fmt != EXPORT_SVG)
		return refuse(ctx, "--journey applies to -f svg only");
	if ((rc = csv_layout(ctx, args, fmt, &o)))
		return rc;
	if (export_check((enum export_format)fmt, &r, &err))
		return refuse(ctx, "%s", err.msg);
	if ((rc = cli_workshop(ctx, 0, workshop, &wid)))
		return rc;
	if (store_load(ctx->st, wid, &d, &err))
		return cli_fail(ctx, err.msg);
	if (!out && ctx->export_folder)
		out = in_folder = cli_config_export_path(ctx, &d, (enum export_format)fmt, r);
	view = d;
	if (args->opt[4] && pick_journey(ctx, wid, args->opt[4], &d, &view, &err)) {
		model_data_free(&d);
		free(in_folder);
		return cli_fail(ctx, err.msg);
	}
	if (!out || !strcmp(out, "-"))
		rc = write_stdout(ctx, &view, fmt, r, &o, &err);
	else if (is_csv(fmt))
		rc = export_write_csv_file(out, store_path(ctx->st), &view, r, &o, &err);
	else
		rc = export_write_file(out, store_path(ctx->st), &view, (enum export_format)fmt, r,
				       &err);
	model_data_free(&d);
	if (in_folder && !rc)
		cli_line(ctx->out, "%s", in_folder);
	free(in_folder);
	return rc ? cli_fail(ctx, err.msg) : CLI_OK;
}

const struct cli_command cli_export_entry = {
    .name = "export",
    .synopsis = "export WORKSHOP [-f FORMAT] [-r actions|backlog|report|painpoints] [-o FILE] "
		"[--csv-raw] [--csv-sep SEP] [--csv-bom] [--journey JOURNEY]",
    .globals = CLI_GLOBAL_DB,
    .usage = CLI_USAGE_REASON,
    .options = {{"-f", "--format", CLI_OPT_EQUALS | CLI_OPT_JOINED},
		{"-r", "--report", CLI_OPT_EQUALS | CLI_OPT_JOINED},
		{"-o", "--output", CLI_OPT_EQUALS | CLI_OPT_JOINED},
		{NULL, "--csv-raw", CLI_OPT_FLAG},
		{NULL, "--journey", CLI_OPT_EQUALS},
		{NULL, "--csv-sep", CLI_OPT_EQUALS},
		{NULL, "--csv-bom", CLI_OPT_FLAG}},
    .strict = 1,
    .min_operands = 1,
    .max_operands = 1,
    .too_few = N_("which workshop?"),
    .too_many = N_("one workshop at a time"),
    .exec = export_exec,
};
