/* cli_merge.c: merge W KIND A B [B2...]: duplicates into A, all in one
 * transaction (each merge a savepoint inside it), so a refusal of any
 * leaves the database as it was. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/cli_merge.h"
#include "journeyhack/i18n.h"
#include "journeyhack/session.h"
#include "journeyhack/store_merge.h"
#include "journeyhack/util.h"

static int id_arg(struct cli_ctx *ctx, const struct jh_kind_def *k, const char *text, jh_id *id)
{
	long long v;

	if (util_parse_int(text, &v) || v < 1)
		return cli_failf(ctx, _("merge %s: \"%s\" is not an id"), k->name, text);
	*id = (jh_id)v;
	return 0;
}

static int revision_arg(struct cli_ctx *ctx, const char *text, long long *base)
{
	*base = 0;
	if (!text)
		return 0;
	if (util_parse_int(text, base) || *base < 1)
		return cli_failf(
		    ctx, _("merge: --if-revision: \"%s\" is not a revision (1, 2, ...)"), text);
	return 0;
}

/* --as NAME must be a participant already: merging joins nobody. */
static int who_merges(struct cli_ctx *ctx, jh_id wid, struct store_merge_req *r,
		      struct jh_data *people)
{
	const struct jh_participant *p;
	struct jh_err err;

	if (store_load_people(ctx->st, wid, people, &err))
		return cli_fail(ctx, err.msg);
	r->owner = !ctx->as_name;
	if (r->owner)
		return 0;
	if (!(p = session_participant_named(people, ctx->as_name))) {
		model_data_free(people);
		return cli_failf(ctx, _("--as %s: no participant of that name"), ctx->as_name);
	}
	r->me = p->id;
	return 0;
}

static void report(struct cli_ctx *ctx, const struct jh_kind_def *k, const struct merge_plan *p,
		   const struct jh_data *people)
{
	char line[2048];
	size_t len;

	len = (size_t)snprintf(
	    line, sizeof line,
	    _("merged %s %lld into %lld: %zu links, %zu evidence, %d votes moved"), k->name,
	    (long long)p->from, (long long)p->into, p->links, p->texts, p->dots_moved);
	if (p->nactions && len < sizeof line)
		len += (size_t)snprintf(line + len, sizeof line - len,
					ngettext(", %zu action moved", ", %zu actions moved",
						 (unsigned long)p->nactions),
					p->nactions);
	for (size_t i = 0; i < p->nmoves && len < sizeof line; i++) {
		const struct jh_participant *who =
		    model_participant(people, p->moves[i].participant);
		if (!p->moves[i].returned)
			continue;
		len += (size_t)snprintf(line + len, sizeof line - len,
					p->moves[i].returned == 1 ? _(", %d dot returned to %s")
								  : _(", %d dots returned to %s"),
					p->moves[i].returned, who ? who->name : "?");
	}
	cli_line(ctx->out, "%s", line);
}

static int merge_all(struct cli_ctx *ctx, const struct jh_kind_def *k, jh_id wid,
		     struct store_merge_req *r, const struct cli_args *args)
{
	struct jh_data people;
	struct merge_plan *plans;
	struct jh_err err;
	size_t n = (size_t)args->argc - 4, done = 0;
	int rc;

	if (who_merges(ctx, wid, r, &people))
		return CLI_FAIL;
	plans = util_xcalloc(n, sizeof *plans);
	store_set_actor(ctx->st, ctx->as_name);
	rc = store_begin(ctx->st, &err) ? cli_fail(ctx, err.msg) : 0;
	for (; !rc && done < n; done++) {
		if (id_arg(ctx, k, args->argv[4 + done], &r->from))
			rc = CLI_FAIL;
		else if (store_merge(ctx->st, wid, r, &plans[done], &err))
			rc = cli_failf(ctx, "merge %s %s into %lld: %s", k->name,
				       args->argv[4 + done], (long long)r->into, err.msg);
		r->base_into = 0; /* the base is what the first merge found */
	}
	if (rc)
		store_rollback(ctx->st);
	else if (store_commit(ctx->st, &err))
		rc = cli_fail(ctx, err.msg);
	for (size_t i = 0; i < n; i++) {
		if (!rc)
			report(ctx, k, &plans[i], &people);
		merge_plan_free(&plans[i]);
	}
	free(plans);
	model_data_free(&people);
	return rc ? CLI_FAIL : CLI_OK;
}

static int merge_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	const struct jh_kind_def *k = kinds_find(args->argv[2]);
	struct store_merge_req r;
	jh_id wid;
	int rc;

	memset(&r, 0, sizeof r);
	if (!k || (k->kind != JH_PAINPOINT && k->kind != JH_IDEA))
		return cli_failf(ctx, _("merge: \"%s\": only painpoint and idea can be merged"),
				 args->argv[2]);
	r.kind = k->kind;
	if (id_arg(ctx, k, args->argv[3], &r.into) || revision_arg(ctx, args->opt[0], &r.base_into))
		return CLI_FAIL;
	if ((rc = cli_workshop(ctx, 1, args->argv[1], &wid)))
		return rc;
	return merge_all(ctx, k, wid, &r, args);
}

const struct cli_command cli_merge_entry = {
    .name = "merge",
    .synopsis = "merge WORKSHOP painpoint|idea A B... [--if-revision REV]",
    .globals = CLI_GLOBAL_DB | CLI_GLOBAL_AS,
    .usage = CLI_USAGE_PLAIN,
    .options = {{NULL, "--if-revision", CLI_OPT_EQUALS}},
    .min_operands = 4,
    .max_operands = -1,
    .exec = merge_exec,
};
