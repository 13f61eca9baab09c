/* test_roundtrip.c: every field of every kind survives every way out and
 * back in, driven by the field table itself.
 *
 * For each kind the test adds one item (steps and the workshop, which
 * cannot be added, are changed with `set`) giving every field a value
 * that differs from its default, then reads it back through `show`, the
 * JSON export and the YAML export; the YAML is imported into a fresh
 * database and must export again byte for byte. A field added to the
 * table without its storage, its load or its export fails here. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/kinds.h"
#include "testutil.h"

static char *dir;
static char *db;

static void setup(void)
{
	dir = tu_tmpdir();
	db = tu_join(dir, "w.db");
	setenv("JOURNEYHACK_TODAY", "2026-11-22", 1);
}

static void teardown(void)
{
	tu_rmtree(dir);
	free(dir);
	free(db);
}

TestSuite(roundtrip, .init = setup, .fini = teardown);

/* The ids the items added so far got, per kind (0: none yet). */
static long long made[JH_NKINDS];

/* A value for f that differs from its default, and how the JSON export
 * writes it. Text carries Swedish and Norwegian letters. */
static void value_for(const struct jh_kind_def *k, const struct jh_field_def *f, char *arg,
		      size_t asize, char *json, size_t jsize)
{
	long long def = f->defval ? atoll(f->defval) : -1, v;

	switch (f->type) {
	case JF_TEXT:
		/* Short enough that no table column cuts it. */
		snprintf(arg, asize, "%s åøæ", f->name);
		snprintf(json, jsize, "\"%s åøæ\"", f->name);
		break;
	case JF_LONGTEXT:
		snprintf(arg, asize, "%s %s\nandra raden på norsk: blåbærsyltetøy", k->name,
			 f->name);
		snprintf(json, jsize, "\"%s %s\\nandra raden på norsk: blåbærsyltetøy\"", k->name,
			 f->name);
		break;
	case JF_INT:
		v = f->min + 1 <= f->max && f->min + 1 != def ? f->min + 1
		    : f->min != def			      ? f->min
							      : f->max;
		snprintf(arg, asize, "%lld", v);
		snprintf(json, jsize, "%lld", v);
		break;
	case JF_BOOL:
		snprintf(arg, asize, "%s", def == 1 ? "no" : "yes");
		snprintf(json, jsize, "%s", def == 1 ? "false" : "true");
		break;
	case JF_DATE:
		snprintf(arg, asize, "2027-02-28");
		snprintf(json, jsize, "\"2027-02-28\"");
		break;
	case JF_ENUM: {
		size_t n = 0;

		while (f->choices[n])
			n++;
		snprintf(arg, asize, "%s", f->choices[n - 1]);
		snprintf(json, jsize, "\"%s\"", f->choices[n - 1]);
		break;
	}
	case JF_REF:
		cr_assert_gt(made[f->ref] + (f->ref == JH_STEP), 0, "%s.%s: nothing to refer to",
			     k->name, f->name);
		v = f->ref == JH_STEP ? 3 : made[f->ref];
		snprintf(arg, asize, "%lld", v);
		snprintf(json, jsize, "%lld", v);
		break;
	case JF_IDLIST:
		cr_assert_gt(made[f->ref], 0, "%s.%s: nothing to list", k->name, f->name);
		snprintf(arg, asize, "%lld", made[f->ref]);
		snprintf(json, jsize, "[\n        %lld\n      ]", made[f->ref]);
		break;
	}
}

/* The text of the JSON object of item `id` in the first array `key` of
 * the export (stages and touchpoints sit inside their journey); the
 * whole export for the workshop. Caller frees. */
static char *json_item(const char *export, const char *key, long long id)
{
	char head[64], idtext[64], close[64];
	const char *from, *obj, *end;
	int indent = 0;

	if (!key)
		return strdup(export);
	snprintf(head, sizeof(head), "\"%s\": [", key);
	from = strstr(export, head);
	cr_assert_not_null(from, "no %s in the JSON export", key);
	snprintf(idtext, sizeof(idtext), "\"id\": %lld,\n", id);
	for (obj = strstr(from, idtext); obj && obj[-1] != ' '; obj = strstr(obj + 1, idtext))
		;
	cr_assert_not_null(obj, "no %s with id %lld in the JSON export", key, id);
	while (obj[-1 - indent] == ' ')
		indent++;
	snprintf(close, sizeof(close), "\n%*s}", indent - 2, "");
	end = strstr(obj, close);
	cr_assert_not_null(end);
	return strndup(obj, (size_t)(end - obj));
}

struct item {
	const struct jh_kind_def *k;
	long long id;
	char json[64][512]; /* per field: how the export writes the value */
};

static struct tu_run run(const char *const *argv)
{
	return tu_jhdb(db, argv);
}

/* Add (or, for steps and the workshop, set) one item with every field. */
static void fill(struct item *it, enum jh_kind kind)
{
	const struct jh_kind_def *k = kinds_get(kind);
	char args[64][600], prefix[64];
	const char *argv[80];
	size_t n = 0;
	struct tu_run r;

	it->k = k;
	argv[n++] = kinds_addable(kind) ? "add" : "set";
	argv[n++] = "w";
	argv[n++] = k->name;
	if (kind == JH_STEP)
		argv[n++] = "2";
	cr_assert_lt(k->nfields, 64);
	for (size_t i = 0; i < k->nfields; i++) {
		const struct jh_field_def *f = &k->fields[i];
		char val[400];

		it->json[i][0] = '\0';
		if (!kinds_stored(f))
			continue;
		/* Moving a step or a journey would renumber the others. */
		if (!strcmp(f->name, "position"))
			continue;
		value_for(k, f, val, sizeof(val), it->json[i], sizeof(it->json[i]));
		snprintf(args[i], sizeof(args[i]), "%s=%s", f->name, val);
		argv[n++] = args[i];
	}
	/* The workshop's cap comes down to 1 below the vote of 2 dots made
	 * before it: that takes an explicit trim. */
	if (kind == JH_WORKSHOP)
		argv[n++] = "--trim";
	argv[n] = NULL;
	r = run(argv);
	cr_assert_eq(r.status, 0, "%s: %s", k->name, r.err);
	if (kind == JH_STEP)
		it->id = 2;
	else if (kind == JH_WORKSHOP)
		it->id = 0;
	else {
		snprintf(prefix, sizeof(prefix), "added %s ", k->name);
		cr_assert(!strncmp(r.out, prefix, strlen(prefix)), "%s", r.out);
		it->id = strtoll(r.out + strlen(prefix), NULL, 10);
		cr_assert_gt(it->id, 0, "%s", r.out);
	}
	made[kind] = it->id;
	tu_run_free(&r);
}

/* Every field's value is in the item's object of the JSON export. */
static void check_json(const struct item *it, const char *export)
{
	const struct jh_kind_def *k = it->k;
	char *obj = json_item(export, k->kind == JH_WORKSHOP ? NULL : k->plural, it->id);

	for (size_t i = 0; i < k->nfields; i++) {
		char want[600];

		if (!it->json[i][0])
			continue;
		/* A stage's journey is the journey it is written inside. */
		if (k->kind == JH_STAGE && k->fields[i].type == JF_REF)
			continue;
		snprintf(want, sizeof(want), "\"%s\": %s", k->fields[i].name, it->json[i]);
		cr_assert(strstr(obj, want), "%s.%s: the JSON export lacks %s", k->name,
			  k->fields[i].name, want);
	}
	free(obj);
}

/* One-line text fields show in `show WORKSHOP KIND` (long text and
 * numbers are the JSON's to prove: tables cut and align them). */
static void check_show(const struct item *it)
{
	const struct jh_kind_def *k = it->k;
	struct tu_run r;

	if (k->kind == JH_WORKSHOP)
		r = run((const char *const[]){"show", "w", NULL});
	else
		r = run((const char *const[]){"show", "w", k->plural, NULL});
	cr_assert_eq(r.status, 0, "%s", r.err);
	for (size_t i = 0; i < k->nfields; i++) {
		const struct jh_field_def *f = &k->fields[i];
		char want[512];

		if (!it->json[i][0] || f->type != JF_TEXT)
			continue;
		/* The JSON form without its quotes is the text itself. */
		snprintf(want, sizeof(want), "%.*s", (int)strlen(it->json[i]) - 2, it->json[i] + 1);
		cr_assert(strstr(r.out, want), "%s.%s: show lacks \"%s\":\n%s", k->name, f->name,
			  want, r.out);
	}
	tu_run_free(&r);
}

static char *export_of(const char *database, const char *format)
{
	struct tu_run r =
	    tu_jhdb(database, (const char *const[]){"export", "w", "-f", format, NULL});
	char *out;

	cr_assert_eq(r.status, 0, "export %s: %s", format, r.err);
	out = r.out;
	free(r.err);
	return out;
}

Test(roundtrip, every_field_of_every_kind)
{
	/* In an order where every reference has something to point at. */
	static const enum jh_kind order[] = {JH_PARTICIPANT, JH_PERSONA,   JH_JOURNEY, JH_STAGE,
					     JH_TOUCHPOINT,  JH_PAINPOINT, JH_IDEA,    JH_VOTE,
					     JH_ACTION,	     JH_PARKING,   JH_STEP,    JH_WORKSHOP};
	static struct item items[sizeof(order) / sizeof(order[0])];
	size_t nk = sizeof(order) / sizeof(order[0]);
	struct tu_run r = run((const char *const[]){"new", "w", NULL});
	char *json, *yaml, *yaml2, *json2, *path, *fresh;
	int seen[JH_NKINDS] = {0};

	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	memset(made, 0, sizeof(made));
	for (size_t i = 0; i < nk; i++) {
		if (order[i] != JH_WORKSHOP)
			fill(&items[i], order[i]);
		seen[order[i]] = 1;
	}
	for (int kind = 0; kind < JH_NKINDS; kind++)
		cr_assert(seen[kind], "kind %s is not covered",
			  kinds_get((enum jh_kind)kind)->name);

	json = export_of(db, "json");
	for (size_t i = 0; i < nk; i++) {
		/* The workshop comes last: its anonymous=yes hides who voted
		 * in the JSON export, so the items are read before it. */
		if (order[i] == JH_WORKSHOP) {
			free(json);
			fill(&items[i], order[i]);
			json = export_of(db, "json");
		}
		check_json(&items[i], json);
		check_show(&items[i]);
	}

	/* The YAML backup restores everything in a fresh database. */
	yaml = export_of(db, "yaml");
	path = tu_join(dir, "w.yaml");
	tu_write(path, yaml);
	fresh = tu_join(dir, "fresh.db");
	r = tu_jhdb(fresh, (const char *const[]){"import", "w", path, NULL});
	cr_assert_eq(r.status, 0, "import: %s", r.err);
	tu_run_free(&r);
	yaml2 = export_of(fresh, "yaml");
	cr_assert_str_eq(yaml2, yaml, "the YAML export of the restored workshop differs");
	json2 = export_of(fresh, "json");
	cr_assert_str_eq(json2, json, "the JSON export of the restored workshop differs");
	free(json);
	free(json2);
	free(yaml);
	free(yaml2);
	free(path);
	free(fresh);
}
