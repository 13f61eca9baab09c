/* cli.c: dispatch and the workshop-level subcommands (new, list,
 * templates, check-template). Item commands are in cli_items.c, tables in
 * cli_show.c, exports in cli_export.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/cli.h"
#include "journeyhack/paths.h"
#include "journeyhack/template.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"

int cli_fail(struct cli_ctx *ctx, const char *msg)
{
	/* Messages can quote user text: make it safe for the terminal. */
	char *safe = util_xmalloc(strlen(msg) * 3 + 4);
	text_safe(msg, safe, strlen(msg) * 3 + 4, 1);
	fprintf(ctx->err, "journeyhack: %s\n", safe);
	free(safe);
	return CLI_FAIL;
}

int cli_failf(struct cli_ctx *ctx, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return cli_fail(ctx, buf);
}

int cli_open_store(struct cli_ctx *ctx, int write)
{
	struct jh_err err;
	char *path = NULL;

	if (ctx->st)
		return 0;
	if (!ctx->db_path) {
		path = paths_default_db(&err);
		if (!path) {
			cli_fail(ctx, err.msg);
			return CLI_DBFAIL;
		}
	}
	if (store_open(&ctx->st, ctx->db_path ? ctx->db_path : path, write ? 0 : STORE_NOCREATE,
		       &err)) {
		/* Reading a database that does not exist yet: say so plainly. */
		free(path);
		cli_fail(ctx, err.msg);
		return CLI_DBFAIL;
	}
	free(path);
	if (write && store_readonly(ctx->st)) {
		/* A write on a read-only store fails at once, with the reason
		 * (file mode, directory, file system) in its message. */
		if (store_begin(ctx->st, &err) == 0) {
			store_rollback(ctx->st);
			snprintf(err.msg, sizeof err.msg, "%s is read-only: changes cannot be saved",
				 store_path(ctx->st));
		}
		cli_fail(ctx, err.msg);
		store_close(ctx->st);
		ctx->st = NULL;
		return CLI_DBFAIL;
	}
	return 0;
}

void cli_close_store(struct cli_ctx *ctx)
{
	store_close(ctx->st);
	ctx->st = NULL;
}

int cli_workshop(struct cli_ctx *ctx, const char *arg, jh_id *wid)
{
	struct jh_err err;

	if (store_workshop_find(ctx->st, arg, wid, &err))
		return cli_fail(ctx, err.msg);
	return 0;
}

static int usage_error(struct cli_ctx *ctx, const char *cmd, const char *synopsis)
{
	fprintf(ctx->err, "journeyhack: %s: usage: journeyhack %s\n", cmd, synopsis);
	return CLI_USAGE;
}

int cli_new(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *name = NULL, *tname = "customer-journey-hackathon";
	struct jh_template tpl;
	struct jh_err err;
	char *path;
	jh_id wid;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-t") || !strcmp(argv[i], "--template")) {
			if (++i == argc)
				return usage_error(ctx, "new", "new NAME [-t TEMPLATE]");
			tname = argv[i];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			return usage_error(ctx, "new", "new NAME [-t TEMPLATE]");
		} else if (!name) {
			name = argv[i];
		} else {
			return usage_error(ctx, "new", "new NAME [-t TEMPLATE]");
		}
	}
	if (!name)
		return usage_error(ctx, "new", "new NAME [-t TEMPLATE]");
	path = paths_find_template(tname, &err);
	if (!path)
		return cli_fail(ctx, err.msg);
	if (template_load(path, &tpl, &err)) {
		free(path);
		return cli_fail(ctx, err.msg);
	}
	free(path);
	rc = cli_open_store(ctx, 1);
	if (rc) {
		template_free(&tpl);
		return rc;
	}
	if (store_workshop_create(ctx->st, name, &tpl, &wid, &err)) {
		template_free(&tpl);
		return cli_fail(ctx, err.msg);
	}
	fprintf(ctx->out, "created workshop %s (%s) from template %s in %s\n", name, tpl.title,
		tpl.name, store_path(ctx->st));
	template_free(&tpl);
	return CLI_OK;
}

int cli_list(struct cli_ctx *ctx, int argc, char **argv)
{
	struct jh_workshop *ws;
	struct jh_err err;
	size_t n;
	int rc;

	(void)argv;
	if (argc != 1)
		return usage_error(ctx, "list", "list");
	rc = cli_open_store(ctx, 0);
	if (rc)
		return rc;
	if (store_workshop_list(ctx->st, &ws, &n, &err))
		return cli_fail(ctx, err.msg);
	rc = cli_print_workshops(ctx, ws, n);
	for (size_t i = 0; i < n; i++)
		model_workshop_free(&ws[i]);
	free(ws);
	return rc;
}

int cli_templates(struct cli_ctx *ctx, int argc, char **argv)
{
	struct jh_template_entry *list;
	size_t n;
	int rc;

	(void)argv;
	if (argc != 1)
		return usage_error(ctx, "templates", "templates");
	paths_templates(&list, &n);
	rc = cli_print_templates(ctx, list, n);
	paths_templates_free(list, n);
	return rc;
}

int cli_check_template(struct cli_ctx *ctx, int argc, char **argv)
{
	struct jh_template tpl;
	struct jh_err err;
	int bad = 0;

	if (argc < 2)
		return usage_error(ctx, "check-template", "check-template FILE...");
	for (int i = 1; i < argc; i++) {
		if (template_load(argv[i], &tpl, &err)) {
			cli_fail(ctx, err.msg);
			bad = 1;
			continue;
		}
		fprintf(ctx->out, "%s: valid template \"%s\": %zu agenda steps, %zu stages, %zu channels\n",
			argv[i], tpl.name, tpl.nsteps, tpl.nstages, tpl.nchannels);
		template_free(&tpl);
	}
	return bad ? CLI_FAIL : CLI_OK;
}

struct command {
	const char *name;
	int (*fn)(struct cli_ctx *, int, char **);
};

static const struct command commands[] = {
	{"new", cli_new},	  {"list", cli_list}, {"templates", cli_templates},
	{"check-template", cli_check_template},	      {"add", cli_add},
	{"show", cli_show},	  {"set", cli_set},   {"rm", cli_rm},
	{"import", cli_import},	  {"export", cli_export},
};

int cli_dispatch(struct cli_ctx *ctx, int argc, char **argv)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (!strcmp(argv[0], commands[i].name)) {
			int rc = commands[i].fn(ctx, argc, argv);
			cli_close_store(ctx);
			return rc;
		}
	}
	fprintf(ctx->err, "journeyhack: unknown command \"%s\" (see: journeyhack --help)\n", argv[0]);
	return CLI_USAGE;
}

int cli_is_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(name, commands[i].name))
			return 1;
	return 0;
}

void cli_usage(FILE *f)
{
	fputs("Usage:\n"
	      "  journeyhack [-d DB] [--as NAME] [WORKSHOP]     open the workshop UI\n"
	      "  journeyhack [-d DB] new NAME [-t TEMPLATE]     create a workshop\n"
	      "  journeyhack [-d DB] list                       list workshops\n"
	      "  journeyhack templates                          list templates found\n"
	      "  journeyhack check-template FILE...             validate template files\n"
	      "  journeyhack [-d DB] [--as NAME] add WORKSHOP KIND FIELD=VALUE...\n"
	      "  journeyhack [-d DB] show WORKSHOP [KIND]       print items as a table\n"
	      "  journeyhack [-d DB] set WORKSHOP KIND ID FIELD=VALUE...\n"
	      "  journeyhack [-d DB] rm WORKSHOP KIND ID\n"
	      "  journeyhack [-d DB] import WORKSHOP FILE [--kind painpoints|ideas|actions]\n"
	      "  journeyhack [-d DB] export WORKSHOP [-f md|csv|json|yaml|taskwarrior]\n"
	      "                      [-r actions|backlog|report] [-o FILE]\n"
	      "  journeyhack --help | --version\n"
	      "\n"
	      "KIND: participant journey stage touchpoint painpoint idea vote action parking\n"
	      "      (set also takes step and workshop)\n"
	      "\n"
	      "Options:\n"
	      "  -d, --db FILE          database file (default $JOURNEYHACK_DB, else\n"
	      "                         $XDG_DATA_HOME/journeyhack/journeyhack.db)\n"
	      "  --as NAME              act as this participant (authors, votes)\n"
	      "  --replay FILE          UI: read keys from FILE on a virtual screen\n"
	      "  --size COLSxROWS       UI: virtual screen size for --replay (80x24)\n"
	      "  --dump-screen FILE     UI: write the final screen to FILE\n"
	      "  -h, --help             show this help\n"
	      "  -V, --version          show the version\n"
	      "\n"
	      "See journeyhack(1) and journeyhack-template(5).\n",
	      f);
}
