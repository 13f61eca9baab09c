/* cli.h: the scriptable command line, one function per subcommand. */
#ifndef JOURNEYHACK_CLI_H
#define JOURNEYHACK_CLI_H

#include <stdio.h>

#include "journeyhack/err.h"
#include "journeyhack/store.h"

/* Exit statuses (documented in journeyhack(1)). */
enum {
	CLI_OK = 0,
	CLI_FAIL = 1,  /* bad input, nothing changed */
	CLI_USAGE = 2, /* bad command line */
	CLI_DBFAIL = 3 /* database could not be opened */
};

struct cli_ctx {
	const char *db_path; /* -d, or NULL for the default */
	const char *as_name; /* --as NAME: acting participant */
	FILE *out;
	FILE *err;
	struct jh_store *st; /* opened by cli_open_store */
};

/* Open the store named by ctx (default path when NULL); prints the
 * error and returns non-zero on failure. `write` asks for a writable
 * store: a read-only one is refused with the reason. */
int cli_open_store(struct cli_ctx *ctx, int write);
void cli_close_store(struct cli_ctx *ctx);

/* Print "journeyhack: message" to ctx->err; returns CLI_FAIL. */
int cli_fail(struct cli_ctx *ctx, const char *msg);
int cli_failf(struct cli_ctx *ctx, const char *fmt, ...) JH_PRINTF(2, 3);

/* Resolve a workshop argument (name or id) after opening the store. */
int cli_workshop(struct cli_ctx *ctx, const char *arg, jh_id *wid);

/* Subcommands: argv[0] is the subcommand name. Return an exit status. */
int cli_new(struct cli_ctx *ctx, int argc, char **argv);
int cli_list(struct cli_ctx *ctx, int argc, char **argv);
int cli_templates(struct cli_ctx *ctx, int argc, char **argv);
int cli_check_template(struct cli_ctx *ctx, int argc, char **argv);
int cli_add(struct cli_ctx *ctx, int argc, char **argv);
int cli_set(struct cli_ctx *ctx, int argc, char **argv);
int cli_rm(struct cli_ctx *ctx, int argc, char **argv);
int cli_show(struct cli_ctx *ctx, int argc, char **argv);
int cli_import(struct cli_ctx *ctx, int argc, char **argv);
int cli_export(struct cli_ctx *ctx, int argc, char **argv);

/* Dispatch argv (after global options) to a subcommand; CLI_USAGE when
 * the name is unknown. */
int cli_dispatch(struct cli_ctx *ctx, int argc, char **argv);

void cli_usage(FILE *f);

/* Is name a subcommand (as opposed to a workshop to open in the UI)? */
int cli_is_command(const char *name);

/* Tables shared by list and templates (cli_show.c). */
struct jh_template_entry;
int cli_print_workshops(struct cli_ctx *ctx, const struct jh_workshop *ws, size_t n);
int cli_print_templates(struct cli_ctx *ctx, const struct jh_template_entry *list, size_t n);

#endif
