/* cli_items.c: add, set, rm and import: changing items from the command
 * line. Every value goes through items.c, every change is one store
 * transaction (an import is one transaction for the whole file). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/cli_items.h"
#include "journeyhack/import_csv.h"
#include "journeyhack/import_yaml.h"
#include "journeyhack/items.h"
#include "journeyhack/util.h"

#define MAX_ASSIGN 64

static const struct jh_kind_def *kind_arg(struct cli_ctx *ctx, const char *name)
{
	const struct jh_kind_def *k = kinds_find(name);

	if (!k)
		cli_failf(ctx, "unknown kind \"%s\" (kinds: %s)", name, kinds_names());
	return k;
}

/* Split FIELD=VALUE arguments; names are copied into `names`. */
static int split_args(struct cli_ctx *ctx, int argc, char **argv, struct jh_assign *a,
		      char names[][64], size_t *n)
{
	struct jh_err err;

	*n = 0;
	if (argc > MAX_ASSIGN)
		return cli_failf(ctx, "too many FIELD=VALUE arguments (at most %d)", MAX_ASSIGN);
	for (int i = 0; i < argc; i++) {
		if (items_split_assign(argv[i], &a[*n], names[*n], 64, &err))
			return cli_fail(ctx, err.msg);
		(*n)++;
	}
	return 0;
}

static int has_field(const struct jh_assign *a, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(a[i].field, name))
			return 1;
	return 0;
}

/* --as NAME stands in for the author of new items and the voter. */
static void add_acting(struct cli_ctx *ctx, const struct jh_kind_def *k, struct jh_assign *a,
		       size_t *n)
{
	const char *field = k->kind == JH_VOTE ? "participant" : "author";

	if (!ctx->as_name || !kinds_field(k, field) || has_field(a, *n, field) || *n >= MAX_ASSIGN)
		return;
	a[*n].field = field;
	a[*n].value = ctx->as_name;
	(*n)++;
}

static int add_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	int argc = args->argc;
	char **argv = args->argv;
	struct jh_assign a[MAX_ASSIGN + 1];
	char names[MAX_ASSIGN][64];
	const struct jh_kind_def *k;
	struct jh_values vals;
	struct jh_err err;
	size_t n;
	jh_id wid, id;
	int rc;

	if (!(k = kind_arg(ctx, argv[2])))
		return CLI_FAIL;
	if (!kinds_addable(k->kind))
		return cli_failf(ctx, "%s items come from the template; change them with set",
				 k->name);
	if (split_args(ctx, argc - 3, argv + 3, a, names, &n))
		return CLI_FAIL;
	if ((rc = cli_workshop(ctx, 1, argv[1], &wid)))
		return rc;
	add_acting(ctx, k, a, &n);
	if (items_parse(ctx->st, wid, k->kind, a, n, 1, &vals, &err))
		return cli_failf(ctx, "add %s: %s", k->name, err.msg);
	store_set_actor(ctx->st, ctx->as_name);
	rc = store_item_add(ctx->st, wid, k->kind, vals.v, vals.n, &id, &err);
	items_values_free(&vals);
	if (rc)
		return cli_failf(ctx, "add %s: %s", k->name, err.msg);
	fprintf(ctx->out, "added %s %lld\n", k->name, (long long)id);
	return CLI_OK;
}

const struct cli_command cli_items_add_entry = {
    .name = "add",
    .synopsis = "add WORKSHOP KIND FIELD=VALUE...",
    .globals = CLI_GLOBAL_DB | CLI_GLOBAL_AS,
    .usage = CLI_USAGE_PLAIN,
    .min_operands = 2,
    .max_operands = -1,
    .exec = add_exec,
};

/* An item argument: a positive id, or a name when the kind has one. */
static int item_arg(struct cli_ctx *ctx, jh_id wid, const struct jh_kind_def *k, const char *arg,
		    jh_id *id)
{
	struct jh_err err;
	long long num;

	if (util_parse_int(arg, &num) == 0) {
		if (num <= 0)
			return cli_failf(ctx, "%s: %lld is not a valid id", k->name, num);
		if (!store_item_exists(ctx->st, wid, k->kind, num))
			return cli_failf(ctx, "no %s %lld in this workshop", k->name, num);
		*id = num;
		return 0;
	}
	if (store_item_lookup(ctx->st, wid, k->kind, arg, 0, id, &err))
		return cli_fail(ctx, err.msg);
	return 0;
}

/* --if-revision N: the revision a script read, so a change made by
 * someone else since is refused instead of overwritten. */
static int if_revision(struct cli_ctx *ctx, const char *text, long long *base)
{
	char *end;

	*base = 0;
	if (!text)
		return 0;
	errno = 0;
	*base = strtoll(text, &end, 10);
	if (errno || end == text || *end || *base < 1)
		return cli_failf(ctx, "set: --if-revision: \"%s\" is not a revision (1, 2, ...)",
				 text);
	return 0;
}

static int set_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	int argc = args->argc;
	char **argv = args->argv;
	struct jh_assign a[MAX_ASSIGN + 1];
	char names[MAX_ASSIGN][64];
	char idbuf[32];
	const struct jh_kind_def *k;
	struct jh_values vals;
	struct jh_err err;
	size_t n;
	jh_id wid, id = 0;
	long long base = 0;
	int rc, first;

	if (!(k = kind_arg(ctx, argv[2])))
		return CLI_FAIL;
	if (if_revision(ctx, args->opt[0], &base))
		return CLI_FAIL;
	/* The workshop itself needs no id: set W workshop method=ice. */
	first = (k->kind == JH_WORKSHOP && argc > 3 && strchr(argv[3], '=')) ? 3 : 4;
	if (argc < first + 1)
		return cli_usage_error(ctx, args->cmd, NULL);
	/* Split before opening the store: a malformed argument changes nothing. */
	if (split_args(ctx, argc - first, argv + first, a + 1, names, &n))
		return CLI_FAIL;
	if ((rc = cli_workshop(ctx, 1, argv[1], &wid)))
		return rc;
	if (k->kind == JH_WORKSHOP)
		id = wid;
	else if (item_arg(ctx, wid, k, argv[3], &id))
		return CLI_FAIL;
	snprintf(idbuf, sizeof idbuf, "%lld", (long long)id);
	a[0].field = "id";
	a[0].value = idbuf;
	if (items_parse(ctx->st, wid, k->kind, a, n + 1, 0, &vals, &err))
		return cli_failf(ctx, "set %s %lld: %s", k->name, (long long)id, err.msg);
	store_set_actor(ctx->st, ctx->as_name);
	rc = store_item_set_if(ctx->st, wid, k->kind, id, base, vals.v, vals.n, &err);
	items_values_free(&vals);
	if (rc)
		return cli_failf(ctx, "set %s %lld: %s", k->name, (long long)id, err.msg);
	if (base)
		fprintf(ctx->out, "updated %s %lld (revision %lld)\n", k->name, (long long)id,
			store_last_revision(ctx->st));
	else
		fprintf(ctx->out, "updated %s %lld\n", k->name, (long long)id);
	return CLI_OK;
}

const struct cli_command cli_items_set_entry = {
    .name = "set",
    .synopsis = "set WORKSHOP KIND ID FIELD=VALUE...",
    .globals = CLI_GLOBAL_DB,
    .options = {{NULL, "--if-revision", CLI_OPT_EQUALS}},
    .usage = CLI_USAGE_PLAIN,
    .min_operands = 2,
    .max_operands = -1,
    .exec = set_exec,
};

static int rm_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	char **argv = args->argv;
	const struct jh_kind_def *k;
	struct jh_err err;
	jh_id wid, id;
	int rc;

	if (!(k = kind_arg(ctx, argv[2])))
		return CLI_FAIL;
	if ((rc = cli_workshop(ctx, 1, argv[1], &wid)))
		return rc;
	if (k->kind == JH_WORKSHOP) {
		jh_id again;
		/* The name twice is the confirmation: a slip of the finger
		 * must not throw away two days of a team's work. */
		if (store_workshop_find(ctx->st, argv[3], &again, &err) || again != wid)
			return cli_failf(ctx,
					 "rm workshop: \"%s\" is not workshop %s; to remove it, "
					 "name it twice: rm %s workshop %s",
					 argv[3], argv[1], argv[1], argv[1]);
		if (store_workshop_delete(ctx->st, wid, &err))
			return cli_fail(ctx, err.msg);
		fprintf(ctx->out, "removed workshop %s\n", argv[1]);
		return CLI_OK;
	}
	if (item_arg(ctx, wid, k, argv[3], &id))
		return CLI_FAIL;
	if (store_item_delete(ctx->st, wid, k->kind, id, &err))
		return cli_failf(ctx, "rm %s %lld: %s", k->name, (long long)id, err.msg);
	fprintf(ctx->out, "removed %s %lld\n", k->name, (long long)id);
	return CLI_OK;
}

const struct cli_command cli_items_rm_entry = {
    .name = "rm",
    .synopsis = "rm WORKSHOP KIND ID",
    .globals = CLI_GLOBAL_DB,
    .usage = CLI_USAGE_PLAIN,
    .min_operands = 3,
    .max_operands = 3,
    .exec = rm_exec,
};

/* The kind of a CSV file: --kind, else the file's name (painpoints.csv). */
static const struct jh_kind_def *csv_kind(struct cli_ctx *ctx, const char *kind, const char *path)
{
	static const enum jh_kind importable[] = {JH_PAINPOINT, JH_IDEA, JH_ACTION};
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	if (kind) {
		const struct jh_kind_def *k = kinds_find(kind);
		for (size_t i = 0; k && i < 3; i++)
			if (k->kind == importable[i])
				return k;
		cli_failf(ctx, "--kind %s: import takes painpoints, ideas or actions", kind);
		return NULL;
	}
	for (size_t i = 0; i < 3; i++) {
		const struct jh_kind_def *k = kinds_get(importable[i]);
		if (strstr(base, k->plural) || strstr(base, k->name))
			return k;
	}
	cli_failf(ctx, "%s: say what the rows are with --kind painpoints, ideas or actions", path);
	return NULL;
}

static int import_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	const char *workshop = args->argv[1], *file = args->argv[2], *kind = args->opt[0];
	const char *ext = strrchr(file, '.');
	const struct jh_kind_def *k;
	struct jh_err err;
	size_t nrows;
	jh_id wid;
	int rc;

	if (ext && (!strcmp(ext, ".yaml") || !strcmp(ext, ".yml"))) {
		if (kind)
			return cli_fail(
			    ctx, "--kind is for CSV files; a YAML file holds a whole workshop");
		if ((rc = cli_open_store(ctx, 1)))
			return rc;
		if (import_yaml_file(ctx->st, workshop, file, &wid, &err))
			return cli_fail(ctx, err.msg);
		fprintf(ctx->out, "imported workshop %s from %s\n", workshop, file);
		return CLI_OK;
	}
	if (!(k = csv_kind(ctx, kind, file)))
		return CLI_FAIL;
	if ((rc = cli_workshop(ctx, 1, workshop, &wid)))
		return rc;
	if (import_csv_file(ctx->st, wid, k, file, ctx->as_name, &nrows, &err))
		return cli_fail(ctx, err.msg);
	fprintf(ctx->out, "imported %zu %s from %s\n", nrows, nrows == 1 ? k->name : k->plural,
		file);
	return CLI_OK;
}

const struct cli_command cli_items_import_entry = {
    .name = "import",
    .synopsis = "import WORKSHOP FILE [--kind painpoints|ideas|actions]",
    .globals = CLI_GLOBAL_DB,
    .usage = CLI_USAGE_PLAIN,
    .options = {{"-k", "--kind", CLI_OPT_EQUALS}},
    .min_operands = 2,
    .max_operands = 2,
    .exec = import_exec,
};
