/* cli_workshops.c: the workshop-level subcommands: new, list, templates,
 * check-template. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/cli_followup.h"
#include "journeyhack/cli_json.h"
#include "journeyhack/cli_table.h"
#include "journeyhack/cli_workshops.h"
#include "journeyhack/i18n.h"
#include "journeyhack/items.h"
#include "journeyhack/paths.h"
#include "journeyhack/template.h"
#include "journeyhack/template_locale.h"
#include "journeyhack/util.h"

/* The workshop and its facilitator (--facilitator NAME, or none) as one
 * transaction: a bad name leaves no workshop behind. */
static int create(struct cli_ctx *ctx, const char *name, const struct jh_template *tpl,
		  const char *facilitator, const struct store_follow *follow, struct jh_err *err)
{
	jh_id wid, pid;
	int rc;

	if (store_begin(ctx->st, err))
		return -1;
	rc = follow ? store_workshop_follow(ctx->st, name, tpl, follow, &wid, err)
		    : store_workshop_create(ctx->st, name, tpl, &wid, err);
	if (!rc && facilitator) {
		struct jh_assign a[2] = {{"name", facilitator}, {"role", "facilitator"}};
		struct jh_values vals;
		rc = items_parse(ctx->st, wid, JH_PARTICIPANT, a, 2, 1, &vals, err);
		if (!rc)
			rc =
			    store_item_add(ctx->st, wid, JH_PARTICIPANT, vals.v, vals.n, &pid, err);
		items_values_free(&vals);
		if (rc)
			err_prefix(err, "--facilitator %s", facilitator);
	}
	if (rc) {
		store_rollback(ctx->st);
		return -1;
	}
	return store_commit(ctx->st, err);
}

static int new_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	const char *name = args->argv[1];
	char *tname = args->opt[0]   ? util_xstrdup(args->opt[0])
		      : args->opt[2] ? cli_followup_template()
				     : template_locale_default("customer-journey-hackathon");
	struct cli_followup fu = {0};
	struct jh_template tpl;
	struct jh_err err;
	char *path;
	int rc;

	path = paths_find_template(tname, &err);
	free(tname);
	if (!path)
		return cli_fail(ctx, err.msg);
	rc = template_load(path, &tpl, &err);
	free(path);
	if (rc)
		return cli_fail(ctx, err.msg);
	/* The workshop followed up is found first: a name that is not there
	 * leaves even a database that does not exist yet uncreated. */
	if (args->opt[2])
		rc = cli_followup_load(ctx, args->opt[2], &fu);
	if (!rc && (rc = cli_open_store(ctx, 1)) == 0) {
		if (create(ctx, name, &tpl, args->opt[1], fu.loaded ? &fu.follow : NULL, &err))
			rc = cli_fail(ctx, err.msg);
		else
			cli_line(ctx->out, _("created workshop %s (%s) from template %s in %s"),
				 name, tpl.title, tpl.name, store_path(ctx->st));
		if (!rc && args->opt[1])
			cli_line(ctx->out, _("%s facilitates it"), args->opt[1]);
		if (!rc && fu.loaded)
			cli_followup_created(ctx, &fu);
	}
	cli_followup_free(&fu);
	template_free(&tpl);
	return rc;
}

const struct cli_command cli_workshops_new_entry = {
    .name = "new",
    .synopsis = "new NAME [-t TEMPLATE]",
    .about = N_("create a workshop"),
    .globals = CLI_GLOBAL_DB,
    .usage = CLI_USAGE_NAMED,
    .options = {{"-t", "--template", 0},
		{NULL, "--facilitator", CLI_OPT_EQUALS},
		{NULL, "--follow-up", CLI_OPT_EQUALS}},
    .strict = 1,
    .min_operands = 1,
    .max_operands = 1,
    .exec = new_exec,
};

static int print_workshops(struct cli_ctx *ctx, const struct jh_workshop *ws, size_t n)
{
	struct cli_table t;
	char idb[24];

	if (n == 0) {
		cli_line(ctx->out, _("no workshops in %s (create one: journeyhack new NAME)"),
			 store_path(ctx->st));
		return ferror(ctx->out) ? CLI_FAIL : CLI_OK;
	}
	cli_table_init(&t, 5);
	cli_table_col(&t, 0, _("ID"), 0, 1);
	cli_table_col(&t, 1, _("NAME"), 32, 0);
	cli_table_col(&t, 2, _("CREATED"), 0, 0);
	cli_table_col(&t, 3, _("TEMPLATE"), 30, 0);
	cli_table_col(&t, 4, _("TITLE"), 60, 0);
	for (size_t i = 0; i < n; i++) {
		snprintf(idb, sizeof idb, "%lld", (long long)ws[i].id);
		const char *row[] = {idb, ws[i].name, ws[i].created, ws[i].template_name,
				     ws[i].title};
		cli_table_row(&t, row);
	}
	return cli_table_print(&t, ctx->out) ? CLI_FAIL : CLI_OK;
}

static int list_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct jh_workshop *ws;
	struct jh_err err;
	size_t n;
	int rc;

	rc = cli_open_store(ctx, 0);
	if (rc)
		return rc;
	if (store_workshop_list(ctx->st, &ws, &n, &err))
		return cli_fail(ctx, err.msg);
	if (args->opt[0])
		rc = cli_json_workshops(ctx->out, ws, n, &err) ? cli_fail(ctx, err.msg) : CLI_OK;
	else
		rc = print_workshops(ctx, ws, n);
	for (size_t i = 0; i < n; i++)
		model_workshop_free(&ws[i]);
	free(ws);
	return rc;
}

const struct cli_command cli_workshops_list_entry = {
    .name = "list",
    .synopsis = "list",
    .about = N_("list workshops"),
    .globals = CLI_GLOBAL_DB,
    .usage = CLI_USAGE_NAMED,
    .options = {{NULL, "--json", CLI_OPT_FLAG}},
    .exec = list_exec,
};

static int print_templates(struct cli_ctx *ctx, const struct jh_template_entry *list, size_t n)
{
	struct cli_table t;

	if (n == 0) {
		fprintf(
		    ctx->out,
		    _("no templates found (see JOURNEYHACK_TEMPLATE_PATH in journeyhack(1))\n"));
		return CLI_OK;
	}
	cli_table_init(&t, 3);
	cli_table_col(&t, 0, _("NAME"), 40, 0);
	cli_table_col(&t, 1, _("TITLE"), 60, 0);
	cli_table_col(&t, 2, _("PATH"), 0, 0);
	for (size_t i = 0; i < n; i++) {
		char title[512];
		snprintf(title, sizeof title, "%s%s", list[i].valid ? "" : _("INVALID: "),
			 list[i].title);
		const char *row[] = {list[i].name, title, list[i].path};
		cli_table_row(&t, row);
	}
	return cli_table_print(&t, ctx->out) ? CLI_FAIL : CLI_OK;
}

static int templates_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct jh_template_entry *list;
	struct jh_err err;
	char *lang = NULL;
	size_t n;
	int rc;

	/* A broken template's entry holds its error: in English for --json. */
	if (args->opt[0])
		lang = cli_json_untranslated();
	paths_templates(&list, &n);
	if (lang)
		cli_json_translated(lang);
	if (args->opt[0])
		rc = cli_json_templates(ctx->out, list, n, &err) ? cli_fail(ctx, err.msg) : CLI_OK;
	else
		rc = print_templates(ctx, list, n);
	paths_templates_free(list, n);
	return rc;
}

const struct cli_command cli_workshops_templates_entry = {
    .name = "templates",
    .synopsis = "templates",
    .about = N_("list templates found"),
    .usage = CLI_USAGE_NAMED,
    .options = {{NULL, "--json", CLI_OPT_FLAG}},
    .exec = templates_exec,
};

/* check-template --json: every file's verdict in one document on stdout,
 * the errors in it and not on stderr; the exit status as without. */
static int check_template_json(struct cli_ctx *ctx, const struct cli_args *args)
{
	char *lang = cli_json_untranslated();
	struct jh_template tpl;
	struct jh_err err;
	struct cli_json c;
	int bad = 0;

	cli_json_checks_begin(&c, ctx->out);
	for (int i = 1; i < args->argc; i++) {
		int failed = template_load(args->argv[i], &tpl, &err) != 0;

		cli_json_check(&c, args->argv[i], failed ? NULL : &tpl, err.msg);
		if (!failed)
			template_free(&tpl);
		bad |= failed;
	}
	cli_json_translated(lang);
	if (cli_json_checks_end(&c, &err))
		return cli_fail(ctx, err.msg);
	return bad ? CLI_FAIL : CLI_OK;
}

static int check_template_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	struct jh_template tpl;
	struct jh_err err;
	int bad = 0;

	if (args->opt[0])
		return check_template_json(ctx, args);

	for (int i = 1; i < args->argc; i++) {
		const char *file = args->argv[i];
		if (template_load(file, &tpl, &err)) {
			cli_fail(ctx, err.msg);
			bad = 1;
			continue;
		}
		cli_line(ctx->out,
			 _("%s: valid template \"%s\": %zu agenda steps, %zu stages, %zu channels"),
			 file, tpl.name, tpl.nsteps, tpl.nstages, tpl.nchannels);
		template_free(&tpl);
	}
	return bad ? CLI_FAIL : CLI_OK;
}

const struct cli_command cli_workshops_check_template_entry = {
    .name = "check-template",
    .synopsis = "check-template FILE...",
    .about = N_("validate template files"),
    .usage = CLI_USAGE_NAMED,
    .options = {{NULL, "--json", CLI_OPT_FLAG}},
    .min_operands = 1,
    .max_operands = -1,
    .exec = check_template_exec,
};
