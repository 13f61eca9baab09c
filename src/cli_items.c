/* cli_items.c: add, set, rm and import: changing items from the command
 * line. Every value goes through items.c, every change is one store
 * transaction (an import is one transaction for the whole file). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/cli_items.h"
#include "journeyhack/csv.h"
#include "journeyhack/i18n.h"
#include "journeyhack/import_csv.h"
#include "journeyhack/import_map.h"
#include "journeyhack/import_yaml.h"
#include "journeyhack/items.h"
#include "journeyhack/owners.h"
#include "journeyhack/session.h"
#include "journeyhack/util.h"

#define MAX_ASSIGN 64

static const struct jh_kind_def *kind_arg(struct cli_ctx *ctx, const char *name)
{
	const struct jh_kind_def *k = kinds_find(name);

	if (!k)
		cli_failf(ctx, _("unknown kind \"%s\" (kinds: %s)"), name, kinds_names());
	return k;
}

/* Split FIELD=VALUE arguments; names are copied into `names`. */
static int split_args(struct cli_ctx *ctx, int argc, char **argv, struct jh_assign *a,
		      char names[][64], size_t *n)
{
	struct jh_err err;

	*n = 0;
	if (argc > MAX_ASSIGN)
		return cli_failf(ctx, _("too many FIELD=VALUE arguments (at most %d)"), MAX_ASSIGN);
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

#define FOLD_MAX 128

/* owner=Oyvind on an action is Øyvind when she is in the room: one
 * owner, however it was typed (owners.h). */
static void owner_as_participant(const struct jh_data *d, struct jh_assign *a, char *buf)
{
	const struct jh_participant *p = owners_participant(d, a->value);

	if (p && strcmp(p->name, a->value) && strlen(p->name) < FOLD_MAX) {
		snprintf(buf, FOLD_MAX, "%s", p->name);
		a->value = buf;
	}
}

/* author=øyvind, participant=ÅSA: people named in values are found by
 * the same rule as --as (session_participant_named), their ids put in
 * ids[i]. A name nobody has is left for items_parse to refuse. */
static int fold_people(struct cli_ctx *ctx, jh_id wid, const struct jh_kind_def *k,
		       struct jh_assign *a, size_t n, char (*ids)[FOLD_MAX])
{
	struct jh_data d;
	struct jh_err err;
	int loaded = 0;

	for (size_t i = 0; i < n; i++) {
		const struct jh_field_def *f = kinds_field(k, a[i].field);
		const struct jh_participant *p;
		long long num;
		if (f && k->kind == JH_ACTION && !strcmp(f->name, "owner")) {
			if (!loaded && store_load_people(ctx->st, wid, &d, &err))
				return cli_fail(ctx, err.msg);
			loaded = 1;
			owner_as_participant(&d, &a[i], ids[i]);
			continue;
		}
		if (!f || f->type != JF_REF || f->ref != JH_PARTICIPANT ||
		    util_parse_int(a[i].value, &num) == 0)
			continue;
		if (!loaded && store_load_people(ctx->st, wid, &d, &err))
			return cli_fail(ctx, err.msg);
		loaded = 1;
		if ((p = session_participant_named(&d, a[i].value))) {
			snprintf(ids[i], sizeof ids[i], "%lld", (long long)p->id);
			a[i].value = ids[i];
		}
	}
	if (loaded)
		model_data_free(&d);
	return 0;
}

/* Who acts: --as NAME, matched as the interface matches it (one rule,
 * session_participant_named). A name nobody has joins the workshop as a
 * participant, as the interface's --as does, inside the caller's
 * transaction: a refused change leaves no one behind. Without --as the
 * command line is the database's owner and keeps every right. */
struct actor {
	int owner;	/* no --as */
	jh_id me;	/* the participant named by --as */
	char idbuf[24]; /* me as text, for author= and participant= */
	struct jh_data d;
	int loaded;
	int joined; /* --as named nobody: joined now */
};

static int actor_join(struct cli_ctx *ctx, jh_id wid, struct actor *a)
{
	struct jh_assign as = {"name", ctx->as_name};
	struct jh_values vals;
	struct jh_err err;
	int rc;

	if (items_parse(ctx->st, wid, JH_PARTICIPANT, &as, 1, 1, &vals, &err))
		return cli_failf(ctx, "--as %s: %s", ctx->as_name, err.msg);
	rc = store_item_add(ctx->st, wid, JH_PARTICIPANT, vals.v, vals.n, &a->me, &err);
	items_values_free(&vals);
	if (rc)
		return cli_failf(ctx, "--as %s: %s", ctx->as_name, err.msg);
	a->joined = 1;
	model_data_free(&a->d);
	return store_load_people(ctx->st, wid, &a->d, &err) ? cli_fail(ctx, err.msg) : 0;
}

static int actor_find(struct cli_ctx *ctx, jh_id wid, struct actor *a)
{
	const struct jh_participant *p;
	struct jh_err err;

	memset(a, 0, sizeof *a);
	a->owner = !ctx->as_name;
	if (a->owner)
		return 0;
	if (store_load_people(ctx->st, wid, &a->d, &err))
		return cli_fail(ctx, err.msg);
	a->loaded = 1;
	p = session_participant_named(&a->d, ctx->as_name);
	if (p)
		a->me = p->id;
	else if (actor_join(ctx, wid, a))
		return -1;
	snprintf(a->idbuf, sizeof a->idbuf, "%lld", (long long)a->me);
	return 0;
}

static void actor_free(struct actor *a)
{
	if (a->loaded)
		model_data_free(&a->d);
}

/* The rights of session_change_check for a change with parsed values. */
static int actor_may(struct cli_ctx *ctx, const struct actor *a, enum jh_kind kind,
		     enum session_op op, jh_id id, const struct jh_values *vals)
{
	struct session_change c = {kind, op, id, NULL, 0};
	struct jh_err err;

	if (a->owner)
		return 0;
	for (size_t i = 0; vals && i < vals->n; i++) {
		const struct jh_field_def *f = vals->v[i].field;
		if (!strcmp(f->name, "role"))
			c.role = vals->v[i].text;
		else if (f->type == JF_REF && f->ref == JH_PARTICIPANT && !vals->v[i].is_null)
			c.for_whom = vals->v[i].num;
	}
	if (session_change_check(&a->d, a->me, &c, &err))
		return cli_failf(ctx, "%s", err.msg);
	return 0;
}

/* --as NAME stands in for the author of new items and the voter. */
static void add_acting(const struct actor *who, const struct jh_kind_def *k, struct jh_assign *a,
		       size_t *n)
{
	const char *field = k->kind == JH_VOTE ? "participant" : "author";

	if (who->owner || !kinds_field(k, field) || has_field(a, *n, field) || *n >= MAX_ASSIGN)
		return;
	a[*n].field = field;
	a[*n].value = who->idbuf;
	(*n)++;
}

/* The change of one command as one transaction: joining, the rights and
 * the write stand or fall together. */
static int add_in_tx(struct cli_ctx *ctx, jh_id wid, const struct jh_kind_def *k,
		     struct jh_assign *a, size_t n, jh_id *id, int *joined)
{
	struct jh_values vals;
	struct actor who;
	struct jh_err err;
	char ids[MAX_ASSIGN][FOLD_MAX];
	int rc;

	if (fold_people(ctx, wid, k, a, n, ids) || actor_find(ctx, wid, &who))
		return CLI_FAIL;
	*joined = who.joined;
	add_acting(&who, k, a, &n);
	if (items_parse(ctx->st, wid, k->kind, a, n, 1, &vals, &err)) {
		actor_free(&who);
		return cli_failf(ctx, "add %s: %s", k->name, err.msg);
	}
	rc = actor_may(ctx, &who, k->kind, SESSION_ADD, 0, &vals);
	store_set_actor(ctx->st, ctx->as_name);
	if (!rc && store_item_add(ctx->st, wid, k->kind, vals.v, vals.n, id, &err))
		rc = cli_failf(ctx, "add %s: %s", k->name, err.msg);
	items_values_free(&vals);
	actor_free(&who);
	return rc ? CLI_FAIL : CLI_OK;
}

/* End the command's transaction: committed only when it succeeded (rc
 * 0); then a participant who joined through --as is told so. */
static int in_tx(struct cli_ctx *ctx, int rc, int joined)
{
	struct jh_err err;

	if (rc) {
		store_rollback(ctx->st);
		return rc;
	}
	if (store_commit(ctx->st, &err))
		return cli_fail(ctx, err.msg);
	if (joined)
		cli_line(ctx->out, _("%s joined the workshop as a participant"), ctx->as_name);
	return CLI_OK;
}

static int begin(struct cli_ctx *ctx)
{
	struct jh_err err;

	return store_begin(ctx->st, &err) ? cli_fail(ctx, err.msg) : 0;
}

/* Open the change's transaction and check who acts may make it; on a
 * refusal nothing stays (not even a participant --as would have joined). */
static int gate(struct cli_ctx *ctx, jh_id wid, enum jh_kind kind, enum session_op op, jh_id id,
		const struct jh_values *vals, int *joined)
{
	struct actor who;
	int rc;

	if (begin(ctx))
		return CLI_FAIL;
	rc = actor_find(ctx, wid, &who) || actor_may(ctx, &who, kind, op, id, vals);
	*joined = who.joined;
	actor_free(&who);
	if (rc)
		store_rollback(ctx->st);
	return rc;
}

/* Close gate's transaction: kept when the write (status rc) succeeded. */
static int gate_end(struct cli_ctx *ctx, int rc, int joined)
{
	return in_tx(ctx, rc ? CLI_FAIL : 0, joined);
}

static int add_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	int argc = args->argc;
	char **argv = args->argv;
	struct jh_assign a[MAX_ASSIGN + 1];
	char names[MAX_ASSIGN][64];
	const struct jh_kind_def *k;
	size_t n;
	jh_id wid, id;
	int rc, joined = 0;

	if (!(k = kind_arg(ctx, argv[2])))
		return CLI_FAIL;
	/* A step is the agenda's: the template's, and the facilitator's to add. */
	if (!kinds_addable(k->kind) && k->kind != JH_STEP)
		return cli_failf(ctx, _("%s items come from the template; change them with set"),
				 kinds_noun(k->kind, 1));
	if (split_args(ctx, argc - 3, argv + 3, a, names, &n))
		return CLI_FAIL;
	if ((rc = cli_workshop(ctx, 1, argv[1], &wid)) || (rc = begin(ctx)))
		return rc;
	rc = add_in_tx(ctx, wid, k, a, n, &id, &joined);
	if ((rc = in_tx(ctx, rc, joined)))
		return rc;
	fprintf(ctx->out, _("added %s %lld\n"), kinds_noun(k->kind, 1), (long long)id);
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

static const char *idbuf(jh_id id, char *buf)
{
	snprintf(buf, 24, "%lld", (long long)id);
	return buf;
}

/* A participant by name, by the rule --as and the interface use. */
static int participant_arg(struct cli_ctx *ctx, jh_id wid, const char *name, jh_id *id)
{
	const struct jh_participant *p;
	struct jh_data d;
	struct jh_err err;

	if (store_load_people(ctx->st, wid, &d, &err))
		return cli_fail(ctx, err.msg);
	p = session_participant_named(&d, name);
	if (p)
		*id = p->id;
	model_data_free(&d);
	return p ? 0 : cli_failf(ctx, _("no participant named \"%s\" in this workshop"), name);
}

/* An item argument: a positive id, or a name when the kind has one. */
static int item_arg(struct cli_ctx *ctx, jh_id wid, const struct jh_kind_def *k, const char *arg,
		    jh_id *id)
{
	struct jh_err err;
	long long num;

	if (util_parse_int(arg, &num) == 0) {
		if (num <= 0)
			return cli_failf(ctx, _("%s: %lld is not a valid id"),
					 kinds_noun(k->kind, 1), num);
		if (!store_item_exists(ctx->st, wid, k->kind, num))
			return cli_failf(ctx, _("no %s %lld in this workshop"),
					 kinds_noun(k->kind, 1), num);
		*id = num;
		return 0;
	}
	if (k->kind == JH_PARTICIPANT)
		return participant_arg(ctx, wid, arg, id);
	if (store_item_lookup(ctx->st, wid, k->kind, arg, 0, id, &err))
		return cli_fail(ctx, err.msg);
	return 0;
}

/* --trim: lower the budget or cap even below what is spent, removing the
 * excess dots first (store_workshop_trim). 1 when refused (said). */
static int set_workshop_trim(struct cli_ctx *ctx, const struct jh_kind_def *k, jh_id wid,
			     const char *trim, const struct jh_values *vals)
{
	struct jh_err err;
	long long removed = 0;

	if (!trim)
		return 0;
	if (k->kind != JH_WORKSHOP) {
		cli_failf(ctx, _("--trim is for the workshop's dots and max_dots, not %s"),
			  kinds_noun(k->kind, 1));
		return 1;
	}
	if (store_workshop_trim(ctx->st, wid, vals->v, vals->n, &removed, &err)) {
		cli_failf(ctx, "set workshop: %s", err.msg);
		return 1;
	}
	fprintf(ctx->out,
		ngettext("trimmed %lld dot\n", "trimmed %lld dots\n", (unsigned long)removed),
		removed);
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
		return cli_failf(ctx, _("set: --if-revision: \"%s\" is not a revision (1, 2, ...)"),
				 text);
	return 0;
}

static int set_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	int argc = args->argc;
	char **argv = args->argv;
	struct jh_assign a[MAX_ASSIGN + 1];
	char names[MAX_ASSIGN][64];
	char idtext[32], ids[MAX_ASSIGN][FOLD_MAX];
	const struct jh_kind_def *k;
	struct jh_values vals;
	struct jh_err err;
	size_t n;
	jh_id wid, id = 0;
	long long base = 0;
	int rc, first, joined = 0, trim_failed;

	if (!(k = kind_arg(ctx, argv[2])))
		return CLI_FAIL;
	if (if_revision(ctx, args->opt[1], &base))
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
	if (fold_people(ctx, wid, k, a + 1, n, ids))
		return CLI_FAIL;
	snprintf(idtext, sizeof idtext, "%lld", (long long)id);
	a[0].field = "id";
	a[0].value = idtext;
	if (items_parse(ctx->st, wid, k->kind, a, n + 1, 0, &vals, &err))
		return cli_failf(ctx, "set %s %lld: %s", k->name, (long long)id, err.msg);
	if (gate(ctx, wid, k->kind, SESSION_SET, id, &vals, &joined)) {
		items_values_free(&vals);
		return CLI_FAIL;
	}
	/* A refused trim has said why already. */
	trim_failed = set_workshop_trim(ctx, k, wid, args->opt[0], &vals);
	store_set_actor(ctx->st, ctx->as_name);
	rc = trim_failed ? CLI_FAIL
			 : store_item_set_if(ctx->st, wid, k->kind, id, base, vals.v, vals.n, &err);
	items_values_free(&vals);
	if (rc && !trim_failed)
		cli_failf(ctx, "set %s %lld: %s%s", k->name, (long long)id, err.msg,
			  !strncmp(err.msg, "cannot lower the ", 17)
			      ? _(" (--trim removes the excess dots, newest first)")
			      : "");
	if (gate_end(ctx, rc, joined))
		return CLI_FAIL;
	if (base)
		fprintf(ctx->out, _("updated %s %lld (revision %lld)\n"), kinds_noun(k->kind, 1),
			(long long)id, store_last_revision(ctx->st));
	else
		fprintf(ctx->out, _("updated %s %lld\n"), kinds_noun(k->kind, 1), (long long)id);
	return CLI_OK;
}

const struct cli_command cli_items_set_entry = {
    .name = "set",
    .synopsis = "set WORKSHOP KIND ID FIELD=VALUE...",
    .globals = CLI_GLOBAL_DB,
    .options = {{NULL, "--trim", CLI_OPT_FLAG}, {NULL, "--if-revision", CLI_OPT_EQUALS}},
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
	int rc, joined = 0;

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
					 _("rm workshop: \"%s\" is not workshop %s; to remove it, "
					   "name it twice: rm %s workshop %s"),
					 argv[3], argv[1], argv[1], argv[1]);
		if (gate(ctx, wid, JH_WORKSHOP, SESSION_DELETE, wid, NULL, &joined))
			return CLI_FAIL;
		rc = store_workshop_delete(ctx->st, wid, &err);
		if (rc)
			cli_fail(ctx, err.msg);
		if (gate_end(ctx, rc, 0))
			return CLI_FAIL;
		cli_line(ctx->out, _("removed workshop %s"), argv[1]);
		return CLI_OK;
	}
	if (item_arg(ctx, wid, k, argv[3], &id) ||
	    gate(ctx, wid, k->kind, SESSION_DELETE, id, NULL, &joined))
		return CLI_FAIL;
	rc = store_item_delete(ctx->st, wid, k->kind, id, &err);
	if (rc)
		cli_failf(ctx, "rm %s %lld: %s", k->name, (long long)id, err.msg);
	if (gate_end(ctx, rc, joined))
		return CLI_FAIL;
	fprintf(ctx->out, _("removed %s %lld\n"), kinds_noun(k->kind, 1), (long long)id);
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
		cli_failf(ctx, _("--kind %s: import takes painpoints, ideas or actions"), kind);
		return NULL;
	}
	for (size_t i = 0; i < 3; i++) {
		const struct jh_kind_def *k = kinds_get(importable[i]);
		if (strstr(base, k->plural) || strstr(base, k->name))
			return k;
	}
	cli_failf(ctx, _("%s: say what the rows are with --kind painpoints, ideas or actions"),
		  path);
	return NULL;
}

/* --csv-sep on import: the file's separator when its header leaves it
 * in doubt. 0 (the file says) when not given. */
static int import_sep(struct cli_ctx *ctx, const char *name, char *sep)
{
	int c = name ? csv_sep_parse(name) : 0;

	if (c < 0)
		return cli_failf(ctx, _("import: --csv-sep \"%s\": the separator is , ; or tab"),
				 name);
	*sep = (char)c;
	return 0;
}

/* import W FILE --map ... [--journey NAME]: a journey map from a sheet. */
static int import_map_exec(struct cli_ctx *ctx, const struct cli_args *args, char sep)
{
	struct import_map_opts o = {args->opt[2], args->opt[3], sep};
	struct import_map_result res;
	struct jh_err err;
	jh_id wid;
	int rc;

	if (args->opt[0] && strcmp(args->opt[0], "touchpoints") &&
	    strcmp(args->opt[0], "touchpoint"))
		return cli_fail(ctx, _("import: --map and --journey import touchpoints"));
	if ((rc = cli_workshop(ctx, 1, args->argv[1], &wid)))
		return rc;
	if (import_map_file(ctx->st, wid, args->argv[2], &o, &res, &err))
		return cli_fail(ctx, err.msg);
	cli_line(ctx->out,
		 _("imported %zu touchpoints from %s (new journeys: %zu, new stages: %zu)"),
		 res.touchpoints, args->argv[2], res.journeys, res.stages);
	return CLI_OK;
}

static void import_said(struct cli_ctx *ctx, const struct jh_kind_def *k,
			const struct import_csv_result *res, const char *file)
{
	const char *noun = kinds_noun(k->kind, res->rows);

	if (!res->updated && !res->unchanged) {
		/* TRANSLATORS: "imported 3 action points from a.csv". */
		cli_line(ctx->out, _("imported %zu %s from %s"), res->rows, noun, file);
		return;
	}
	cli_line(ctx->out, _("imported %zu %s from %s: %zu added, %zu updated, %zu unchanged"),
		 res->rows, noun, file, res->added, res->updated, res->unchanged);
}

static int import_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	const char *workshop = args->argv[1], *file = args->argv[2], *kind = args->opt[0];
	const char *ext = strrchr(file, '.');
	const struct jh_kind_def *k;
	struct import_csv_opts o = {0, NULL};
	struct import_csv_result res;
	struct jh_err err;
	jh_id wid, author = 0;
	char num[24];
	int rc;

	if (ext && (!strcmp(ext, ".yaml") || !strcmp(ext, ".yml"))) {
		if (kind)
			return cli_fail(
			    ctx, _("--kind is for CSV files; a YAML file holds a whole workshop"));
		if ((rc = cli_open_store(ctx, 1)))
			return rc;
		if (import_yaml_file(ctx->st, workshop, file, &wid, &err))
			return cli_fail(ctx, err.msg);
		cli_line(ctx->out, _("imported workshop %s from %s"), workshop, file);
		return CLI_OK;
	}
	if (import_sep(ctx, args->opt[1], &o.sep))
		return CLI_FAIL;
	if (args->opt[2] || args->opt[3] ||
	    (kind && (!strcmp(kind, "touchpoints") || !strcmp(kind, "touchpoint"))))
		return import_map_exec(ctx, args, o.sep);
	if (!(k = csv_kind(ctx, kind, file)))
		return CLI_FAIL;
	if ((rc = cli_workshop(ctx, 1, workshop, &wid)))
		return rc;
	if (ctx->as_name && participant_arg(ctx, wid, ctx->as_name, &author))
		return CLI_FAIL;
	o.author = ctx->as_name ? idbuf(author, num) : NULL;
	if (import_csv_file_with(ctx->st, wid, k, file, &o, &res, &err))
		return cli_fail(ctx, err.msg);
	import_said(ctx, k, &res, file);
	return CLI_OK;
}

const struct cli_command cli_items_import_entry = {
    .name = "import",
    .synopsis = "import WORKSHOP FILE [-k painpoints|ideas|actions|touchpoints] [--csv-sep SEP] "
		"[--map MAP [--journey J]]",
    .globals = CLI_GLOBAL_DB,
    .usage = CLI_USAGE_PLAIN,
    .options = {{"-k", "--kind", CLI_OPT_EQUALS},
		{NULL, "--csv-sep", CLI_OPT_EQUALS},
		{NULL, "--map", CLI_OPT_EQUALS},
		{NULL, "--journey", CLI_OPT_EQUALS}},
    .min_operands = 2,
    .max_operands = 2,
    .exec = import_exec,
};
