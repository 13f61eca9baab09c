/* cli_rounds.c: journeyhack round WORKSHOP [open|close], journeyhack
 * ready WORKSHOP, and list WORKSHOP rounds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/cli_rounds.h"
#include "journeyhack/cli_table.h"
#include "journeyhack/export_jsonw.h"
#include "journeyhack/export_w.h"
#include "journeyhack/i18n.h"
#include "journeyhack/rounds.h"
#include "journeyhack/session.h"
#include "journeyhack/store.h"
#include "journeyhack/util.h"

enum { OPT_DOTS, OPT_IDEAS, OPT_JOURNEY, OPT_STATUS };
enum { READY_UNDO, READY_STATUS, READY_JSON };

/* The workshop loaded, and the participant --as names (0: none given). */
static int load(struct cli_ctx *ctx, int write, const char *workshop, const char *as, jh_id *wid,
		struct jh_data *d, jh_id *me)
{
	const struct jh_participant *p;
	struct jh_err err;
	int rc = cli_workshop(ctx, write, workshop, wid);

	if (rc)
		return rc;
	if (store_load(ctx->st, *wid, d, &err))
		return cli_fail(ctx, err.msg);
	*me = 0;
	if (!as)
		return CLI_OK;
	if (!(p = session_participant_named(d, as))) {
		model_data_free(d);
		return cli_failf(ctx, _("--as: no participant \"%s\" in this workshop"), as);
	}
	*me = p->id;
	return CLI_OK;
}

/* ---------------------------------------------------------------- round */

/* Ideas of round r, best first once it is closed. */
static int cmp_result(const void *ctx, const void *a, const void *b)
{
	const int *dots = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (dots[x] != dots[y])
		return dots[x] > dots[y] ? -1 : 1;
	return x < y ? -1 : x > y;
}

static int print_results(struct cli_ctx *ctx, const struct jh_data *d, const struct jh_round *r)
{
	size_t *order = util_xcalloc(d->nideas + 1, sizeof *order), n = 0;
	int *dots = util_xcalloc(d->nideas + 1, sizeof *dots);
	struct cli_table t;
	char idb[24], db[24];

	for (size_t i = 0; i < d->nideas; i++)
		if (rounds_has_idea(r, d->ideas[i].id)) {
			dots[i] = rounds_result(d, r, d->ideas[i].id);
			order[n++] = i;
		}
	util_sort(order, n, sizeof *order, cmp_result, dots);
	cli_table_init(&t, 3);
	cli_table_col(&t, 0, _("ID"), 0, 1);
	cli_table_col(&t, 1, _("IDEA"), 60, 0);
	cli_table_col(&t, 2, _("DOTS"), 0, 1);
	for (size_t k = 0; k < n; k++) {
		const struct jh_idea *x = &d->ideas[order[k]];
		snprintf(idb, sizeof idb, "%lld", (long long)x->id);
		snprintf(db, sizeof db, r->open ? "?" : "%d", dots[order[k]]);
		const char *row[] = {idb, x->title, db};
		cli_table_row(&t, row);
	}
	free(order);
	free(dots);
	return cli_table_print(&t, ctx->out) ? CLI_FAIL : CLI_OK;
}

static int round_status(struct cli_ctx *ctx, const struct jh_data *d, jh_id me)
{
	const struct jh_round *r = rounds_latest(d);
	struct rounds_progress pr;

	if (!r) {
		cli_line(ctx->out, "%s", _("No voting round yet"));
		return CLI_OK;
	}
	if (!r->open) {
		cli_line(ctx->out, _("Round %d closed (%d dots per participant)"), r->number,
			 r->dots);
		return print_results(ctx, d, r);
	}
	rounds_progress(d, r, me, &pr);
	if (me)
		cli_line(ctx->out, _("Round %d open: %d of %d dots left"), pr.number, pr.left,
			 pr.dots);
	else
		cli_line(ctx->out, _("Round %d open: %d dots per participant, %zu of %zu ideas"),
			 pr.number, pr.dots, pr.nideas, d->nideas);
	return print_results(ctx, d, r);
}

static int subset_of(struct cli_ctx *ctx, const struct cli_args *args, enum rounds_subset *subset,
		     const char **value)
{
	static const enum rounds_subset which[] = {
	    [OPT_IDEAS] = ROUNDS_IDS, [OPT_JOURNEY] = ROUNDS_JOURNEY, [OPT_STATUS] = ROUNDS_STATUS};
	*subset = ROUNDS_ALL;
	*value = NULL;
	for (int o = OPT_IDEAS; o <= OPT_STATUS; o++) {
		if (!args->opt[o])
			continue;
		if (*value)
			return cli_usage_error(
			    ctx, args->cmd,
			    _("--ideas, --journey and --status exclude each other"));
		*subset = which[o];
		*value = args->opt[o];
	}
	return CLI_OK;
}

static int round_open(struct cli_ctx *ctx, const struct cli_args *args, jh_id wid,
		      const struct jh_data *d)
{
	enum rounds_subset subset;
	struct rounds_plan plan;
	struct jh_err err;
	const char *value;
	long long dots = 0;
	int rc;

	if ((rc = subset_of(ctx, args, &subset, &value)))
		return rc;
	if (args->opt[OPT_DOTS] && util_parse_int(args->opt[OPT_DOTS], &dots))
		return cli_failf(ctx, _("--dots: \"%s\" is not a number"), args->opt[OPT_DOTS]);
	if (args->opt[OPT_DOTS] && (dots < 1 || dots > 100))
		return cli_failf(ctx, _("--dots: %lld is out of range 1..%d"), dots, 100);
	if (rounds_plan(d, (int)dots, subset, value, &plan, &err))
		return cli_fail(ctx, err.msg);
	rc = store_round_open(ctx->st, wid, &plan, &err);
	if (!rc)
		cli_line(ctx->out, _("Round %d open: %d dots per participant, %zu of %zu ideas"),
			 plan.number, plan.dots, plan.every_idea ? d->nideas : plan.nideas,
			 d->nideas);
	rounds_plan_free(&plan);
	return rc ? cli_fail(ctx, err.msg) : CLI_OK;
}

static int round_close(struct cli_ctx *ctx, jh_id wid, struct jh_data *d, jh_id me)
{
	struct jh_err err;

	if (rounds_close_check(d, &err) || store_round_close(ctx->st, wid, &err))
		return cli_fail(ctx, err.msg);
	model_data_free(d);
	if (store_load(ctx->st, wid, d, &err))
		return cli_fail(ctx, err.msg);
	return round_status(ctx, d, me);
}

static int round_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	const char *verb = args->argc > 2 ? args->argv[2] : NULL;
	int opens = verb && !strcmp(verb, "open"), closes = verb && !strcmp(verb, "close");
	struct jh_data d;
	jh_id wid, me;
	int rc;

	if (verb && !opens && !closes)
		return cli_usage_error(ctx, args->cmd, _("the action is open or close"));
	for (int o = OPT_DOTS; !opens && o <= OPT_STATUS; o++)
		if (args->opt[o])
			return cli_usage_error(
			    ctx, args->cmd,
			    _("--dots, --ideas, --journey and --status go with open"));
	if ((rc = load(ctx, verb != NULL, args->argv[1], ctx->as_name, &wid, &d, &me)))
		return rc;
	if (verb && ctx->as_name && !session_may(&d, me, SESSION_RUN_ROUND))
		rc = cli_failf(ctx, _("Only a facilitator can %s"),
			       session_right_text(SESSION_RUN_ROUND));
	else if (opens)
		rc = round_open(ctx, args, wid, &d);
	else if (closes)
		rc = round_close(ctx, wid, &d, me);
	else
		rc = round_status(ctx, &d, me);
	model_data_free(&d);
	return rc;
}

const struct cli_command cli_rounds_round_entry = {
    .name = "round",
    .synopsis = "round WORKSHOP [open|close] [--dots N] [--ideas ID,ID] [--journey J] "
		"[--status S]",
    .about = NULL, /* the synopsis fills the line */
    .globals = CLI_GLOBAL_DB | CLI_GLOBAL_AS,
    .usage = CLI_USAGE_REASON,
    .options = {{NULL, "--dots", CLI_OPT_EQUALS},
		{NULL, "--ideas", CLI_OPT_EQUALS},
		{NULL, "--journey", CLI_OPT_EQUALS},
		{NULL, "--status", CLI_OPT_EQUALS}},
    .strict = 1,
    .min_operands = 1,
    .max_operands = 2,
    .too_few = "it needs a workshop",
    .too_many = "it takes a workshop and open or close",
    .exec = round_exec,
};

/* ---------------------------------------------------------------- list rounds */

static int rounds_json(struct cli_ctx *ctx, const struct jh_data *d)
{
	struct export_jsonw j;
	struct export_w w;
	struct jh_err err;

	export_w_init(&w, ctx->out);
	export_jsonw_begin(&j, &w, '[');
	for (size_t i = 0; i < d->nrounds; i++) {
		const struct jh_round *r = &d->rounds[i];
		export_jsonw_open(&j, NULL, '{');
		export_jsonw_int(&j, "number", r->number);
		export_jsonw_bool(&j, "open", r->open);
		export_jsonw_int(&j, "dots", r->dots);
		export_jsonw_bool(&j, "every_idea", r->every_idea);
		export_jsonw_open(&j, "ideas", '[');
		for (size_t k = 0; k < d->nideas; k++) {
			jh_id id = d->ideas[k].id;
			if (!rounds_has_idea(r, id))
				continue;
			export_jsonw_open(&j, NULL, '{');
			export_jsonw_int(&j, "id", id);
			/* Hidden while open: null, never a number to guess from. */
			if (r->open)
				export_jsonw_null(&j, "dots");
			else
				export_jsonw_int(&j, "dots", rounds_result(d, r, id));
			export_jsonw_close(&j, '}');
		}
		export_jsonw_close(&j, ']');
		export_jsonw_close(&j, '}');
	}
	export_jsonw_end(&j, ']');
	return export_w_done(&w, &err) ? cli_fail(ctx, err.msg) : CLI_OK;
}

static int rounds_table(struct cli_ctx *ctx, const struct jh_data *d)
{
	struct cli_table t;
	char nb[24], db[24], ib[24], tb[24];

	cli_table_init(&t, 5);
	cli_table_col(&t, 0, _("ROUND"), 0, 1);
	cli_table_col(&t, 1, _("STATE"), 0, 0);
	cli_table_col(&t, 2, _("DOTS"), 0, 1);
	cli_table_col(&t, 3, _("IDEAS"), 0, 1);
	cli_table_col(&t, 4, _("GIVEN"), 0, 1);
	for (size_t i = 0; i < d->nrounds; i++) {
		const struct jh_round *r = &d->rounds[i];
		int given = 0;
		for (size_t v = 0; v < d->nvotes; v++)
			given += d->votes[v].round_id == r->id ? d->votes[v].dots : 0;
		snprintf(nb, sizeof nb, "%d", r->number);
		snprintf(db, sizeof db, "%d", r->dots);
		snprintf(ib, sizeof ib, "%zu", r->every_idea ? d->nideas : r->nideas);
		snprintf(tb, sizeof tb, r->open ? "?" : "%d", given);
		const char *row[] = {nb, r->open ? _("open") : _("closed"), db, ib, tb};
		cli_table_row(&t, row);
	}
	return cli_table_print(&t, ctx->out) ? CLI_FAIL : CLI_OK;
}

int cli_rounds_list(struct cli_ctx *ctx, const char *workshop, int json)
{
	struct jh_data d;
	jh_id wid, me;
	int rc;

	if ((rc = load(ctx, 0, workshop, NULL, &wid, &d, &me)))
		return rc;
	rc = json ? rounds_json(ctx, &d) : rounds_table(ctx, &d);
	model_data_free(&d);
	return rc;
}

/* ---------------------------------------------------------------- ready */

static int ready_json(struct cli_ctx *ctx, const struct jh_data *d)
{
	struct export_jsonw j;
	struct export_w w;
	struct jh_err err;
	size_t of, n = rounds_ready_count(d, &of), k = 0;
	char **names = util_xcalloc(of + 1, sizeof *names);

	export_w_init(&w, ctx->out);
	export_jsonw_begin(&j, &w, '{');
	export_jsonw_int(&j, "ready", (long long)n);
	export_jsonw_int(&j, "of", (long long)of);
	for (size_t i = 0; i < d->nparticipants; i++)
		if (!rounds_is_ready(d, d->participants[i].id))
			names[k++] = d->participants[i].name;
	export_jsonw_strings(&j, "not_ready", names, k);
	export_jsonw_end(&j, '}');
	free(names);
	return export_w_done(&w, &err) ? cli_fail(ctx, err.msg) : CLI_OK;
}

static int ready_status(struct cli_ctx *ctx, const struct jh_data *d)
{
	size_t of, n = rounds_ready_count(d, &of), len = 0;
	char names[2048] = "";

	cli_line(ctx->out, _("%zu of %zu ready"), n, of);
	for (size_t i = 0; i < d->nparticipants && len + 1 < sizeof names; i++)
		if (!rounds_is_ready(d, d->participants[i].id)) {
			int w = snprintf(names + len, sizeof names - len, "%s%s", len ? ", " : "",
					 d->participants[i].name);
			len = w < 0 ? len : len + (size_t)w;
		}
	if (len)
		cli_line(ctx->out, _("Not ready: %s"), names);
	return CLI_OK;
}

/* --as NAME after the workshop as well as before the command: it is the
 * global option (main.c), so the entry leaves it to the operands. */
static int ready_as(struct cli_ctx *ctx, const struct cli_args *args, const char **as)
{
	char **v = args->argv;

	*as = ctx->as_name;
	if (args->argc == 2)
		return CLI_OK;
	if (args->argc == 4 && !strcmp(v[2], "--as"))
		*as = v[3];
	else if (args->argc == 3 && !strncmp(v[2], "--as=", 5))
		*as = v[2] + 5;
	else
		return cli_usage_error(ctx, args->cmd, _("it takes one workshop and --as NAME"));
	return CLI_OK;
}

static int ready_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	const char *as;
	int status = args->opt[READY_STATUS] != NULL, undo = args->opt[READY_UNDO] != NULL;
	struct jh_data d;
	struct jh_err err;
	jh_id wid, me;
	int rc;

	if ((rc = ready_as(ctx, args, &as)))
		return rc;
	if (status && undo)
		return cli_usage_error(ctx, args->cmd, _("--status or --undo, not both"));
	if (args->opt[READY_JSON] && !status)
		return cli_usage_error(ctx, args->cmd, _("--json goes with --status"));
	if (!status && !as)
		return cli_usage_error(ctx, args->cmd, _("it needs --as NAME: who is ready"));
	if ((rc = load(ctx, !status, args->argv[1], status ? NULL : as, &wid, &d, &me)))
		return rc;
	if (status)
		rc = args->opt[READY_JSON] ? ready_json(ctx, &d) : ready_status(ctx, &d);
	else if (store_ready_set(ctx->st, wid, me, !undo, &err))
		rc = cli_fail(ctx, err.msg);
	else
		cli_line(ctx->out, undo ? _("%s is not ready") : _("%s is ready"),
			 model_participant(&d, me)->name);
	model_data_free(&d);
	return rc;
}

const struct cli_command cli_rounds_ready_entry = {
    .name = "ready",
    .synopsis = "ready WORKSHOP [--as NAME] [--undo] [--status] [--json]",
    .about = NULL, /* the synopsis fills the line */
    .globals = CLI_GLOBAL_DB,
    .usage = CLI_USAGE_REASON,
    .options = {{NULL, "--undo", CLI_OPT_FLAG},
		{NULL, "--status", CLI_OPT_FLAG},
		{NULL, "--json", CLI_OPT_FLAG}},
    .min_operands = 1,
    .max_operands = 3,
    .too_few = "it needs a workshop",
    .too_many = "it takes one workshop and --as NAME",
    .exec = ready_exec,
};
