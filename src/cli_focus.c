/* cli_focus.c: `journeyhack focus W KIND ID` and `focus W --clear`, by
 * the rule every terminal follows (focus.h): only a facilitator moves
 * the room's focus. Without --as the command line is the database's
 * owner, as for every other command. */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/cli_focus.h"
#include "journeyhack/focus.h"
#include "journeyhack/i18n.h"
#include "journeyhack/kinds.h"
#include "journeyhack/session.h"
#include "journeyhack/util.h"

/* Who acts: --as NAME (nobody of that name: a terminal with no facilitator
 * rights where a facilitator is named), else the owner. */
static int acting(struct cli_ctx *ctx, const struct jh_data *d, jh_id *me, int *owner)
{
	const struct jh_participant *p;

	*owner = !ctx->as_name;
	*me = 0;
	if (*owner)
		return 0;
	p = session_participant_named(d, ctx->as_name);
	if (p)
		*me = p->id;
	return 0;
}

/* KIND ID, or --clear (kind JH_NKINDS). */
static int target(struct cli_ctx *ctx, const struct cli_args *args, enum jh_kind *kind, jh_id *id)
{
	const struct jh_kind_def *k;
	char *end;
	long long v;

	*kind = JH_NKINDS;
	*id = 0;
	if (args->opt[0]) {
		if (args->argc != 2)
			return cli_usage_error(ctx, args->cmd, _("--clear takes no KIND or ID"));
		return 0;
	}
	if (args->argc != 4)
		return cli_usage_error(ctx, args->cmd, _("give KIND and ID, or --clear"));
	if (!(k = kinds_find(args->argv[2])) || !focus_kind_ok(k->kind))
		return cli_failf(ctx, _("focus: kind \"%s\": expected painpoint, idea or journey"),
				 args->argv[2]);
	v = strtoll(args->argv[3], &end, 10);
	if (*end || end == args->argv[3] || v <= 0)
		return cli_failf(ctx, _("focus: id \"%s\": expected a number above 0"),
				 args->argv[3]);
	*kind = k->kind;
	*id = v;
	return 0;
}

static int focus_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct jh_data d;
	struct jh_err err;
	enum jh_kind kind;
	jh_id wid, id, me;
	int rc, owner;

	if ((rc = target(ctx, args, &kind, &id)))
		return rc;
	if ((rc = cli_workshop(ctx, 1, args->argv[1], &wid)))
		return rc;
	if (store_load(ctx->st, wid, &d, &err))
		return cli_fail(ctx, err.msg);
	acting(ctx, &d, &me, &owner);
	rc = owner ? focus_item_check(&d, kind, id, &err) : focus_check(&d, me, kind, id, &err);
	model_data_free(&d);
	if (rc)
		return cli_failf(ctx, "focus: %s", err.msg);
	if (store_focus_set(ctx->st, wid, kind == JH_NKINDS ? NULL : kinds_get(kind)->name, id,
			    &err))
		return cli_failf(ctx, "focus: %s", err.msg);
	if (kind == JH_NKINDS)
		cli_line(ctx->out, _("focus cleared"));
	else
		cli_line(ctx->out, _("focus on %s %lld"), kinds_get(kind)->name, (long long)id);
	return CLI_OK;
}

const struct cli_command cli_focus_entry = {
    .name = "focus",
    .synopsis = "focus WORKSHOP [KIND ID|--clear]",
    .about = NULL,
    .globals = CLI_GLOBAL_DB | CLI_GLOBAL_AS,
    .options = {{NULL, "--clear", CLI_OPT_FLAG}},
    .usage = CLI_USAGE_REASON,
    .strict = 1,
    .min_operands = 1,
    .max_operands = 3,
    .exec = focus_exec,
};
