/* cli.h: what every subcommand shares: the context, exit statuses, the
 * command entry (one per subcommand, listed by cli_cmd.c), its argument
 * parsing and usage error, and one-line error output. */
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

struct config;

struct cli_ctx {
	const char *db_path; /* -d, or NULL for the default */
	const char *as_name; /* --as NAME: acting participant */
	/* The configuration read (config.h), and where export without -o
	 * writes (NULL: standard output). */
	const struct config *config;
	const char *export_folder;
	FILE *out;
	FILE *err;
	struct jh_store *st; /* opened by cli_open_store */
};

/* How a command words its usage error; each keeps the wording scripts
 * have seen from it. */
enum cli_usage_style {
	CLI_USAGE_NAMED, /* journeyhack: new: usage: journeyhack SYNOPSIS */
	CLI_USAGE_PLAIN, /* journeyhack: usage: journeyhack SYNOPSIS */
	CLI_USAGE_REASON /* journeyhack: export: WHY, then usage: journeyhack SYNOPSIS */
};

/* Global options a command reads: --help shows them before it. */
enum { CLI_GLOBAL_DB = 1, CLI_GLOBAL_AS = 2 };

/* Spellings an option takes besides "-s VALUE" and "--long VALUE". */
enum {
	CLI_OPT_EQUALS = 1, /* --long=VALUE */
	CLI_OPT_JOINED = 2, /* -sVALUE */
	CLI_OPT_FLAG = 4    /* takes no value: opt[] holds the long name when given */
};

#define CLI_MAX_OPTIONS 8

struct cli_option {
	const char *short_name; /* "-t", or NULL for a long name only */
	const char *long_name;	/* "--template" */
	int forms;		/* CLI_OPT_* */
};

struct cli_args;

/* One subcommand, like tmux's struct cmd_entry: --help, usage errors,
 * argument parsing and dispatch all read it. */
struct cli_command {
	const char *name;
	const char *alias;    /* a second name, or NULL */
	const char *synopsis; /* after "journeyhack ": "new NAME [-t TEMPLATE]" */
	const char *about;    /* --help's description, NULL when the line is full */
	int globals;	      /* CLI_GLOBAL_* */
	enum cli_usage_style usage;
	struct cli_option options[CLI_MAX_OPTIONS]; /* unused slots NULL */
	int strict;			/* an unknown -option is a usage error, not an operand */
	int min_operands, max_operands; /* max -1: any number */
	const char *too_few, *too_many; /* CLI_USAGE_REASON: why, for operands */
	int (*exec)(struct cli_ctx *ctx, const struct cli_args *args);
};

/* A parsed command line: argv[0] is the command's name, argv[1..] its
 * operands in order, options taken out. */
struct cli_args {
	const struct cli_command *cmd;
	const char *opt[CLI_MAX_OPTIONS]; /* value of options[i], NULL when absent */
	int argc;
	char **argv;
};

/* Parse argv (argv[0] the command name) by cmd's entry into args; prints
 * the usage error and returns CLI_USAGE when it does not fit. Free with
 * cli_args_free. */
int cli_args_parse(struct cli_ctx *ctx, const struct cli_command *cmd, int argc, char **argv,
		   struct cli_args *args);
void cli_args_free(struct cli_args *args);

/* Print cmd's usage error (why: the reason, for CLI_USAGE_REASON);
 * returns CLI_USAGE. */
int cli_usage_error(struct cli_ctx *ctx, const struct cli_command *cmd, const char *why);

/* Open the store named by ctx (default path when NULL); prints the
 * error and returns non-zero on failure. `write` asks for a writable
 * store: a read-only one is refused with the reason. */
int cli_open_store(struct cli_ctx *ctx, int write);
void cli_close_store(struct cli_ctx *ctx);

/* Print "journeyhack: message" to ctx->err, made safe as cli_line does;
 * returns CLI_FAIL. */
int cli_fail(struct cli_ctx *ctx, const char *msg);
int cli_failf(struct cli_ctx *ctx, const char *fmt, ...) JH_PRINTF(2, 3);

/* Print one line to f, built from fmt and made safe for a terminal by
 * text_safe (controls, escape sequences and bidi controls shown as
 * placeholders, newlines and tabs as spaces), then a newline. Every
 * line the command line prints that holds stored or typed text goes
 * through here or through a table (cli_table.h). */
void cli_line(FILE *f, const char *fmt, ...) JH_PRINTF(2, 3);

/* Open the store as cli_open_store does, then resolve a workshop
 * argument (name or id); prints the error and returns its status. */
int cli_workshop(struct cli_ctx *ctx, int write, const char *arg, jh_id *wid);

#endif
