/* cli_followup.c: journeyhack new NAME --follow-up FROM (what it
 * carries) and journeyhack followup WORKSHOP [-o FILE] (the report).
 *
 * The report reads only: the store is opened without write access. */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/cli_followup.h"
#include "journeyhack/export_followup.h"
#include "journeyhack/i18n.h"
#include "journeyhack/template_locale.h"
#include "journeyhack/util.h"

char *cli_followup_template(void)
{
	return template_locale_default("follow-up");
}

int cli_followup_load(struct cli_ctx *ctx, const char *from, struct cli_followup *fu)
{
	struct jh_err err;
	jh_id wid;
	int rc;

	memset(fu, 0, sizeof *fu);
	if ((rc = cli_workshop(ctx, 0, from, &wid)))
		return rc;
	if (store_load(ctx->st, wid, &fu->from, &err))
		return cli_failf(ctx, "--follow-up %s: %s", from, err.msg);
	fu->loaded = 1;
	followup_carry(&fu->from, &fu->carry);
	fu->follow.from = &fu->from;
	fu->follow.actions = fu->carry.actions;
	fu->follow.nactions = fu->carry.nactions;
	fu->follow.parking = fu->carry.parking;
	fu->follow.nparking = fu->carry.nparking;
	return CLI_OK;
}

void cli_followup_created(struct cli_ctx *ctx, const struct cli_followup *fu)
{
	cli_line(ctx->out,
		 _("it follows up %s; carried over: open actions %zu, unanswered parking-lot "
		   "entries %zu, journeys %zu"),
		 fu->from.workshop.name, fu->carry.nactions, fu->carry.nparking,
		 fu->from.njourneys);
}

void cli_followup_free(struct cli_followup *fu)
{
	if (fu->loaded)
		model_data_free(&fu->from);
	followup_carry_free(&fu->carry);
	fu->loaded = 0;
}

/* Both sessions loaded, or the error printed. */
static int load_pair(struct cli_ctx *ctx, const char *workshop, struct jh_data *then,
		     struct jh_data *now)
{
	struct jh_err err;
	jh_id wid, from;
	int rc;

	if ((rc = cli_workshop(ctx, 0, workshop, &wid)))
		return rc;
	if (store_workshop_follows(ctx->st, wid, &from, &err))
		return cli_fail(ctx, err.msg);
	if (!from)
		return cli_failf(ctx,
				 _("workshop %s follows up no workshop in this file (start one "
				   "with: journeyhack new NAME --follow-up %s)"),
				 workshop, workshop);
	if (store_load(ctx->st, wid, now, &err))
		return cli_fail(ctx, err.msg);
	if (store_load(ctx->st, from, then, &err)) {
		model_data_free(now);
		return cli_fail(ctx, err.msg);
	}
	return CLI_OK;
}

static int followup_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct jh_data then, now;
	struct followup_report r;
	struct jh_err err;
	char today[11];
	int rc;

	if ((rc = load_pair(ctx, args->argv[1], &then, &now)))
		return rc;
	util_today(today);
	followup_report(&then, &now, today, &r);
	struct export_followup x = {&then, &now, &r, today};
	if (!args->opt[0] || !strcmp(args->opt[0], "-")) {
		rc = export_followup_md(ctx->out, &x, &err);
		if (!rc && fflush(ctx->out) == EOF)
			rc = err_set(&err, "%s", _("write error on standard output"));
	} else {
		rc = export_followup_file(args->opt[0], store_path(ctx->st), &x, &err);
	}
	followup_report_free(&r);
	model_data_free(&then);
	model_data_free(&now);
	return rc ? cli_fail(ctx, err.msg) : CLI_OK;
}

const struct cli_command cli_followup_entry = {
    .name = "followup",
    .synopsis = "followup WORKSHOP [-o FILE]",
    .about = N_("follow-up report"),
    .globals = CLI_GLOBAL_DB,
    .usage = CLI_USAGE_REASON,
    .options = {{"-o", "--output", CLI_OPT_EQUALS | CLI_OPT_JOINED}},
    .strict = 1,
    .min_operands = 1,
    .max_operands = 1,
    .too_few = N_("which workshop?"),
    .too_many = N_("one workshop at a time"),
    .exec = followup_exec,
};
