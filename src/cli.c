/* cli.c: what every subcommand shares: argument parsing by the command's
 * entry, usage errors, error output and the store. It calls no command:
 * the commands (cli_items.c, cli_show.c, ...) sit above it and the
 * dispatcher (cli_cmd.c) above them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/cli.h"
#include "journeyhack/i18n.h"
#include "journeyhack/paths.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"

static void line_v(FILE *f, const char *fmt, va_list ap) JH_PRINTF(2, 0);
static void line_v(FILE *f, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	if (n >= 0) {
		char *buf = util_xmalloc((size_t)n + 1), *safe;

		vsnprintf(buf, (size_t)n + 1, fmt, again);
		safe = text_safe_dup(buf, 1);
		fprintf(f, "%s\n", safe);
		free(safe);
		free(buf);
	}
	va_end(again);
}

void cli_line(FILE *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	line_v(f, fmt, ap);
	va_end(ap);
}

int cli_fail(struct cli_ctx *ctx, const char *msg)
{
	/* Messages can quote user text: make it safe for the terminal. */
	cli_line(ctx->err, "journeyhack: %s", msg);
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
			snprintf(err.msg, sizeof err.msg,
				 _("%s is read-only: changes cannot be saved"),
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

int cli_workshop(struct cli_ctx *ctx, int write, const char *arg, jh_id *wid)
{
	struct jh_err err;
	int rc = cli_open_store(ctx, write);

	if (rc)
		return rc;
	if (store_workshop_find(ctx->st, arg, wid, &err))
		return cli_fail(ctx, err.msg);
	return 0;
}

int cli_usage_error(struct cli_ctx *ctx, const struct cli_command *cmd, const char *why)
{
	switch (cmd->usage) {
	case CLI_USAGE_NAMED:
		fprintf(ctx->err, _("journeyhack: %s: usage: journeyhack %s\n"), cmd->name,
			cmd->synopsis);
		break;
	case CLI_USAGE_PLAIN:
		fprintf(ctx->err, _("journeyhack: usage: journeyhack %s\n"), cmd->synopsis);
		break;
	case CLI_USAGE_REASON:
		if (why)
			fprintf(ctx->err, "journeyhack: %s: %s\n", cmd->name, _(why));
		fprintf(ctx->err, _("usage: journeyhack %s\n"), cmd->synopsis);
		break;
	}
	return CLI_USAGE;
}

/* The value when argv[*i] is option o, else NULL; *missing is set when
 * the option is last, with no value after it. */
static const char *option_value(const struct cli_option *o, int argc, char **argv, int *i,
				int *missing)
{
	const char *a = argv[*i];
	size_t ll = strlen(o->long_name);

	if ((o->short_name && !strcmp(a, o->short_name)) || !strcmp(a, o->long_name)) {
		if (o->forms & CLI_OPT_FLAG)
			return o->long_name;
		if (*i + 1 >= argc) {
			*missing = 1;
			return NULL;
		}
		return argv[++*i];
	}
	if ((o->forms & CLI_OPT_EQUALS) && !strncmp(a, o->long_name, ll) && a[ll] == '=')
		return a + ll + 1;
	if ((o->forms & CLI_OPT_JOINED) && o->short_name && !strncmp(a, o->short_name, 2) && a[2])
		return a + 2;
	return NULL;
}

/* Take argv[*i] as an option of cmd: 1 when it was one, 0 when not, -1
 * when its value is missing. */
static int take_option(const struct cli_command *cmd, int argc, char **argv, int *i,
		       struct cli_args *args)
{
	int missing = 0;

	for (size_t k = 0; k < CLI_MAX_OPTIONS && cmd->options[k].long_name; k++) {
		const char *v = option_value(&cmd->options[k], argc, argv, i, &missing);
		if (v) {
			args->opt[k] = v;
			return 1;
		}
		if (missing)
			return -1;
	}
	return 0;
}

int cli_args_parse(struct cli_ctx *ctx, const struct cli_command *cmd, int argc, char **argv,
		   struct cli_args *args)
{
	memset(args, 0, sizeof *args);
	args->cmd = cmd;
	args->argv = util_xcalloc((size_t)argc + 1, sizeof *args->argv);
	args->argv[args->argc++] = argv[0];
	for (int i = 1; i < argc; i++) {
		int took = take_option(cmd, argc, argv, &i, args);
		const char *why = NULL;

		if (took > 0)
			continue;
		if (took < 0)
			why = N_("an option needs a value");
		else if (cmd->strict && argv[i][0] == '-' && argv[i][1])
			why = N_("unknown option");
		else if (cmd->max_operands >= 0 && args->argc > cmd->max_operands)
			why = cmd->too_many;
		else {
			args->argv[args->argc++] = argv[i];
			continue;
		}
		cli_args_free(args);
		return cli_usage_error(ctx, cmd, why);
	}
	if (args->argc - 1 < cmd->min_operands) {
		cli_args_free(args);
		return cli_usage_error(ctx, cmd, cmd->too_few);
	}
	return 0;
}

void cli_args_free(struct cli_args *args)
{
	free(args->argv);
	args->argv = NULL;
}
