/* main.c: global options, then a subcommand (cli_*) or the UI (ui_run). */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "journeyhack/cli.h"
#include "journeyhack/cli_cmd.h"
#include "journeyhack/cli_complete.h"
#include "journeyhack/config.h"
#include "journeyhack/i18n.h"
#include "journeyhack/paths.h"
#include "journeyhack/ui.h"
#include "journeyhack/util.h"

static int parse_size(const char *s, int *cols, int *rows)
{
	char *x;
	long c = strtol(s, &x, 10), r;

	if (x == s || (*x != 'x' && *x != 'X'))
		return -1;
	r = strtol(x + 1, &x, 10);
	if (*x || c < 1 || r < 1 || c > 1000 || r > 1000)
		return -1;
	*cols = (int)c;
	*rows = (int)r;
	return 0;
}

static int run_ui(struct cli_ctx *ctx, struct ui_opts *o)
{
	struct jh_err err;
	char *path = NULL;
	int rc;

	if (!ctx->db_path) {
		path = paths_default_db(&err);
		if (!path) {
			cli_fail(ctx, err.msg);
			return CLI_DBFAIL;
		}
	}
	o->db_path = ctx->db_path ? ctx->db_path : path;
	if (ctx->as_name)
		o->as_name = ctx->as_name;
	rc = ui_run(o, &err);
	if (rc)
		cli_fail(ctx, err.msg);
	free(path);
	return rc == UI_RUN_NODB ? CLI_DBFAIL : rc ? CLI_FAIL : CLI_OK;
}

/* The configuration: --config FILE, else $JOURNEYHACK_CONFIG, else the
 * XDG place, where a missing file is no error. Its problems go to stderr
 * and the program goes on with the defaults for what they named. Static:
 * it lives as long as the program. */
static struct config cfg;

static void load_config(const char *option)
{
	const char *env = getenv("JOURNEYHACK_CONFIG");
	const char *named = option ? option : env && *env ? env : NULL;
	char *path = named ? util_xstrdup(named) : config_default_path();
	struct jh_err err;

	config_init(&cfg);
	if (path && config_load(&cfg, path, named != NULL, &err))
		cli_line(stderr, "%s", err.msg);
	for (size_t i = 0; i < cfg.nproblems; i++)
		cli_line(stderr, "%s", cfg.problems[i]);
	free(path);
}

/* The configuration's defaults under what the command line and the
 * environment say: -d, then $JOURNEYHACK_DB, then `database`. */
static void apply_config(struct cli_ctx *ctx, struct ui_opts *ui)
{
	static char *db, *folder;
	const char *env = getenv("JOURNEYHACK_DB");

	if (!ctx->db_path && !(env && *env) && cfg.database)
		ctx->db_path = db = config_expand(cfg.database);
	if (cfg.export_folder) {
		size_t n;
		folder = config_expand(cfg.export_folder);
		/* "ut/" names the folder "ut": no doubled slash before the file. */
		for (n = strlen(folder); n > 1 && folder[n - 1] == '/'; n--)
			folder[n - 1] = '\0';
		ctx->export_folder = ui->export_folder = folder;
	}
	ctx->config = &cfg;
	ui->config = &cfg;
	if (!ctx->as_name)
		ui->as_name = cfg.participant;
}

/* Output lost to a full disk or a closed pipe must not pass for success:
 * a script would go on with a list or a summary it never got. */
static int finish(int rc)
{
	errno = 0;
	/* A command that failed has said why already. */
	if (rc != CLI_OK || (fflush(stdout) == 0 && !ferror(stdout)))
		return rc;
	fprintf(stderr, _("journeyhack: standard output: write error: %s\n"),
		strerror(errno ? errno : EIO));
	return CLI_FAIL;
}

int main(int argc, char **argv)
{
	struct cli_ctx ctx = {0};
	struct ui_opts ui = {0};
	const char *config_path = NULL;
	int i;

	setlocale(LC_ALL, "");
	/* Item text is UTF-8 whatever the locale says: measure it as such, or
	 * tables of Swedish and wide text would not line up under LANG=C. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	i18n_init();
	ctx.out = stdout;
	ctx.err = stderr;
	ui.cols = 80;
	ui.rows = 24;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			cli_cmd_help(stdout);
			return fflush(stdout) == 0 && !ferror(stdout) ? CLI_OK : CLI_FAIL;
		} else if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
			printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
			return fflush(stdout) == 0 && !ferror(stdout) ? CLI_OK : CLI_FAIL;
		} else if ((!strcmp(a, "-d") || !strcmp(a, "--db")) && next) {
			ctx.db_path = next;
			i++;
		} else if (!strncmp(a, "--db=", 5)) {
			ctx.db_path = a + 5;
		} else if (!strcmp(a, "--config") && next) {
			config_path = next;
			i++;
		} else if (!strncmp(a, "--config=", 9)) {
			config_path = a + 9;
		} else if (!strcmp(a, "--as") && next) {
			ctx.as_name = next;
			i++;
		} else if (!strcmp(a, "--replay") && next) {
			ui.replay_path = next;
			i++;
		} else if (!strcmp(a, "--presenter")) {
			ui.presenter = 1;
		} else if (!strcmp(a, "--dump-screen") && next) {
			ui.dump_path = next;
			i++;
		} else if (!strcmp(a, "--size") && next) {
			if (parse_size(next, &ui.cols, &ui.rows)) {
				cli_line(
				    stderr,
				    _("journeyhack: --size %s: expected COLSxROWS, e.g. 80x24"),
				    next);
				return CLI_USAGE;
			}
			i++;
		} else if (!strcmp(a, "--")) {
			i++;
			break;
		} else if (a[0] == '-' && a[1]) {
			cli_line(stderr,
				 _("journeyhack: unknown or incomplete option \"%s\" (see: "
				   "journeyhack --help)"),
				 a);
			return CLI_USAGE;
		} else {
			break;
		}
	}
	load_config(config_path);
	apply_config(&ctx, &ui);
	if (cli_complete_wanted(argc - i, argv + i))
		return finish(cli_complete_run(&ctx, argc - i, argv + i));
	/* One word that is no command is a workshop to open; more are a
	 * command line with an unknown command, which dispatch reports. */
	if (i < argc && (cli_cmd_find(argv[i]) || i + 1 < argc))
		return finish(cli_cmd_dispatch(&ctx, argc - i, argv + i));
	ui.workshop = i < argc ? argv[i] : NULL;
	return run_ui(&ctx, &ui);
}
