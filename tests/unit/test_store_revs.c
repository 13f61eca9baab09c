/* test_store_revs.c: changes never silently overwrite each other.
 *
 * Revisions, conflicts, retired ids and UUIDs, through the store's public
 * interface and the same parsing the command line uses. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/export.h"
#include "journeyhack/import_yaml.h"
#include "journeyhack/items.h"
#include "journeyhack/model.h"
#include "journeyhack/store.h"
#include "journeyhack/template.h"
#include "testutil.h"
/* The first migration, to build a database as the previous version wrote it. */
#include "../../src/store_schema.h"

static char *dir;
static struct jh_store *st;
static jh_id wid;

static void create(struct jh_store *s, const char *name, jh_id *out)
{
	struct jh_template t;
	struct jh_err err;
	char *path = tu_srcpath("workshop-templates/payment-moment.yaml");

	cr_assert_eq(template_load(path, &t, &err), 0, "%s", err.msg);
	cr_assert_eq(store_workshop_create(s, name, &t, out, &err), 0, "%s", err.msg);
	template_free(&t);
	free(path);
}

static struct jh_store *open_db(const char *name)
{
	struct jh_store *s;
	struct jh_err err;
	char *path = tu_join(dir, name);

	cr_assert_eq(store_open(&s, path, 0, &err), 0, "%s", err.msg);
	free(path);
	return s;
}

static void setup(void)
{
	dir = tu_tmpdir();
	st = open_db("w.db");
	create(st, "verkstad", &wid);
}

static void teardown(void)
{
	store_close(st);
	st = NULL;
	tu_rmtree(dir);
	free(dir);
}

TestSuite(revs, .init = setup, .fini = teardown);

/* Parse FIELD=VALUE strings as the command line does; add when id is 0,
 * else set from revision base. */
static int change_n(enum jh_kind kind, jh_id id, long long base, jh_id *out, struct jh_err *err,
		    const char *const *args)
{
	struct jh_assign a[16];
	char names[16][64], idbuf[32];
	struct jh_values vals;
	size_t n = 0;
	int rc;

	if (id) {
		snprintf(idbuf, sizeof idbuf, "%lld", (long long)id);
		a[n].field = "id";
		a[n++].value = idbuf;
	}
	for (; *args; args++, n++)
		cr_assert_eq(items_split_assign(*args, &a[n], names[n], 64, err), 0);
	if (items_parse(st, wid, kind, a, n, !id, &vals, err))
		return -1;
	if (id)
		rc = store_item_set_if(st, wid, kind, id, base, vals.v, vals.n, err);
	else
		rc = store_item_add(st, wid, kind, vals.v, vals.n, out, err);
	items_values_free(&vals);
	return rc;
}

#define ADD(kind, out, ...)                                                                        \
	change_n(kind, 0, 0, out, &err, (const char *const[]){__VA_ARGS__, NULL})
#define SET(kind, id, base, ...)                                                                   \
	change_n(kind, id, base, NULL, &err, (const char *const[]){__VA_ARGS__, NULL})

static long long rev_of(enum jh_kind kind, jh_id id, char *by, size_t size)
{
	struct store_rev r;
	struct jh_err err;

	cr_assert_eq(store_item_revision(st, wid, kind, id, &r, &err), 0, "%s", err.msg);
	if (by)
		snprintf(by, size, "%s", r.by);
	return r.revision;
}

Test(revs, every_change_is_a_new_revision_with_its_author)
{
	struct jh_err err;
	jh_id park, pain, idea, asa, oyv;
	char by[128];

	cr_assert_eq(ADD(JH_PARTICIPANT, &asa, "name=Åsa"), 0, "%s", err.msg);
	cr_assert_eq(ADD(JH_PARTICIPANT, &oyv, "name=Øyvind"), 0, "%s", err.msg);
	store_set_actor(st, "Åsa");
	cr_assert_eq(ADD(JH_PARKING, &park, "text=Vem äger fakturan?"), 0, "%s", err.msg);
	cr_assert_eq(rev_of(JH_PARKING, park, by, sizeof by), 1);
	cr_assert_str_eq(by, "Åsa");
	cr_assert_eq(store_last_revision(st), 1);
	store_set_actor(st, "Øyvind");
	cr_assert_eq(SET(JH_PARKING, park, 0, "answer=Ekonomi", "answered=yes"), 0, "%s", err.msg);
	cr_assert_eq(rev_of(JH_PARKING, park, by, sizeof by), 2);
	cr_assert_str_eq(by, "Øyvind");
	cr_assert_eq(store_last_revision(st), 2);

	/* Using an item is changing it: a vote for an idea, a link to a
	 * pain point. */
	cr_assert_eq(ADD(JH_PAINPOINT, &pain, "title=Otydlig räkning"), 0, "%s", err.msg);
	cr_assert_eq(ADD(JH_IDEA, &idea, "title=Förklara avgifterna"), 0, "%s", err.msg);
	cr_assert_eq(store_vote(st, wid, oyv, idea, 2, &err), 0, "%s", err.msg);
	cr_assert_eq(rev_of(JH_IDEA, idea, by, sizeof by), 2);
	cr_assert_str_eq(by, "Øyvind");
	cr_assert_eq(store_vote(st, wid, asa, idea, 1, &err), 0, "%s", err.msg);
	cr_assert_eq(rev_of(JH_IDEA, idea, by, sizeof by), 3);
	cr_assert_str_eq(by, "Åsa");
	cr_assert_eq(rev_of(JH_PAINPOINT, pain, NULL, 0), 1);
	store_set_actor(st, "Øyvind");
	cr_assert_eq(SET(JH_IDEA, idea, 0, "painpoints=1"), 0, "%s", err.msg);
	cr_assert_eq(rev_of(JH_PAINPOINT, pain, by, sizeof by), 2);
	cr_assert_str_eq(by, "Øyvind");
	/* Linked already: changing the idea again does not touch it. */
	cr_assert_eq(SET(JH_IDEA, idea, 0, "impact=5", "painpoints=1"), 0, "%s", err.msg);
	cr_assert_eq(rev_of(JH_PAINPOINT, pain, NULL, 0), 2);
}

Test(revs, a_change_from_an_old_revision_is_a_conflict)
{
	struct jh_err err;
	struct jh_data d;
	jh_id park;
	int rc;

	store_set_actor(st, "Åsa");
	cr_assert_eq(ADD(JH_PARKING, &park, "text=Varför två räkningar?"), 0, "%s", err.msg);
	/* Both start from revision 1; Øyvind saves first. */
	store_set_actor(st, "Øyvind");
	cr_assert_eq(SET(JH_PARKING, park, 1, "answer=Øyvinds svar"), 0, "%s", err.msg);
	store_set_actor(st, "Åsa");
	rc = SET(JH_PARKING, park, 1, "answer=Åsas svar");
	cr_assert_eq(rc, STORE_CONFLICT, "rc %d: %s", rc, err.msg);
	cr_assert(strstr(err.msg, "Øyvind"), "%s", err.msg);
	cr_assert(strstr(err.msg, "revision 1"), "%s", err.msg);
	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	cr_assert_str_eq(d.parking[0].answer, "Øyvinds svar");
	cr_assert_eq(d.parking[0].revision, 2);
	model_data_free(&d);
	/* From the revision she now sees, her answer is saved. */
	cr_assert_eq(SET(JH_PARKING, park, 2, "answer=Åsas svar"), 0, "%s", err.msg);
	cr_assert_eq(rev_of(JH_PARKING, park, NULL, 0), 3);
	/* Without a revision the last writer wins, as before. */
	cr_assert_eq(SET(JH_PARKING, park, 0, "answer=sist"), 0, "%s", err.msg);
	/* A plain error is not a conflict. */
	cr_assert_eq(SET(JH_PARKING, park + 100, 0, "answer=x"), -1);
}

Test(revs, a_deleted_id_is_never_handed_out_again)
{
	struct jh_err err;
	jh_id a, b, c, again;
	const char *text = "text=Parkerad fråga";

	cr_assert_eq(ADD(JH_PARKING, &a, text), 0, "%s", err.msg);
	cr_assert_eq(ADD(JH_PARKING, &b, text), 0, "%s", err.msg);
	cr_assert_eq(store_item_delete(st, wid, JH_PARKING, b, &err), 0, "%s", err.msg);
	cr_assert_eq(ADD(JH_PARKING, &c, text), 0, "%s", err.msg);
	cr_assert_gt(c, b, "the deleted id %lld came back as %lld", (long long)b, (long long)c);
	/* Also after the file is closed and opened again, and for a whole
	 * workshop's items deleted with it. */
	cr_assert_eq(store_item_delete(st, wid, JH_PARKING, c, &err), 0, "%s", err.msg);
	store_close(st);
	st = open_db("w.db");
	cr_assert_eq(ADD(JH_PARKING, &again, text), 0, "%s", err.msg);
	cr_assert_gt(again, c);
	/* Undo of a delete brings an item back under its own id. */
	cr_assert_eq(store_item_add_with_id(st, wid, JH_PARKING, b, NULL, 0, &err), -1);
	{
		struct jh_assign as[1];
		char name[64];
		struct jh_values vals;
		cr_assert_eq(items_split_assign(text, &as[0], name, sizeof name, &err), 0);
		cr_assert_eq(items_parse(st, wid, JH_PARKING, as, 1, 1, &vals, &err), 0, "%s",
			     err.msg);
		cr_assert_eq(store_item_add_with_id(st, wid, JH_PARKING, b, vals.v, vals.n, &err),
			     0, "%s", err.msg);
		items_values_free(&vals);
	}
	{
		jh_id step_before = 0, w2, top = 0;
		struct jh_data d;
		cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
		for (size_t i = 0; i < d.nsteps; i++)
			step_before = d.steps[i].id > step_before ? d.steps[i].id : step_before;
		model_data_free(&d);
		cr_assert_eq(store_workshop_delete(st, wid, &err), 0, "%s", err.msg);
		create(st, "ny", &w2);
		cr_assert_eq(store_load(st, w2, &d, &err), 0, "%s", err.msg);
		for (size_t i = 0; i < d.nsteps; i++)
			top = d.steps[i].id < top || !top ? d.steps[i].id : top;
		cr_assert_gt(top, step_before, "a new workshop's step took retired id %lld",
			     (long long)top);
		model_data_free(&d);
	}
	(void)a;
}

static int uuid_shaped(const char *u)
{
	if (!u || strlen(u) != 36 || u[14] != '4' || !strchr("89ab", u[19]))
		return 0;
	for (int i = 0; i < 36; i++)
		if ((i == 8 || i == 13 || i == 18 || i == 23) ? u[i] != '-'
							      : !strchr("0123456789abcdef", u[i]))
			return 0;
	return 1;
}

static char *yaml_of(struct jh_store *s, jh_id w)
{
	struct jh_data d;
	struct jh_err err;
	char *buf = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&buf, &n);

	cr_assert(m);
	cr_assert_eq(store_load(s, w, &d, &err), 0, "%s", err.msg);
	cr_assert_eq(export_write(m, &d, EXPORT_YAML, EXPORT_DEFAULT, &err), 0, "%s", err.msg);
	fclose(m);
	model_data_free(&d);
	return buf;
}

Test(revs, uuids_survive_export_and_import)
{
	struct jh_err err;
	struct jh_store *other = open_db("annan.db");
	struct jh_data d1, d2;
	jh_id id, w2;
	char *yaml;

	cr_assert_eq(ADD(JH_PARTICIPANT, &id, "name=Åsa"), 0, "%s", err.msg);
	cr_assert_eq(ADD(JH_ACTION, &id, "title=Skriv om fakturan"), 0, "%s", err.msg);
	cr_assert_eq(ADD(JH_PARKING, &id, "text=Blåbärssylt?"), 0, "%s", err.msg);
	yaml = yaml_of(st, wid);
	cr_assert_eq(import_yaml_buffer(other, "verkstad", yaml, strlen(yaml), "x.yaml", &w2, &err),
		     0, "%s", err.msg);
	cr_assert_eq(store_load(st, wid, &d1, &err), 0, "%s", err.msg);
	cr_assert_eq(store_load(other, w2, &d2, &err), 0, "%s", err.msg);
	cr_assert(uuid_shaped(d1.workshop.uuid), "%s", d1.workshop.uuid);
	cr_assert_str_eq(d1.workshop.uuid, d2.workshop.uuid);
	cr_assert_eq(d1.nactions, 1);
	cr_assert_str_eq(d1.actions[0].uuid, d2.actions[0].uuid);
	cr_assert_str_eq(d1.parking[0].uuid, d2.parking[0].uuid);
	cr_assert_str_eq(d1.participants[0].uuid, d2.participants[0].uuid);
	cr_assert_eq(d1.nsteps, d2.nsteps);
	for (size_t i = 0; i < d1.nsteps; i++)
		cr_assert_str_eq(d1.steps[i].uuid, d2.steps[i].uuid);
	model_data_free(&d1);
	model_data_free(&d2);
	free(yaml);
	store_close(other);
}

Test(revs, every_item_and_workshop_has_its_own_uuid)
{
	struct jh_err err;
	struct jh_store *other = open_db("samma.db");
	struct jh_data d1, d2;
	jh_id w2, id;
	const char *seen[256];
	size_t n = 0;

	/* The same name on the same day, in two files. */
	create(other, "verkstad", &w2);
	cr_assert_eq(ADD(JH_ACTION, &id, "title=Ring kunden"), 0, "%s", err.msg);
	cr_assert_eq(ADD(JH_ACTION, &id, "title=Ring kunden"), 0, "%s", err.msg);
	cr_assert_eq(store_load(st, wid, &d1, &err), 0, "%s", err.msg);
	cr_assert_eq(store_load(other, w2, &d2, &err), 0, "%s", err.msg);
	cr_assert_str_eq(d1.workshop.created, d2.workshop.created);
	cr_assert_str_neq(d1.workshop.uuid, d2.workshop.uuid);
	seen[n++] = d1.workshop.uuid;
	seen[n++] = d2.workshop.uuid;
	for (size_t i = 0; i < d1.nactions; i++)
		seen[n++] = d1.actions[i].uuid;
	for (size_t i = 0; i < d1.nsteps && n < 128; i++)
		seen[n++] = d1.steps[i].uuid;
	for (size_t i = 0; i < d2.nsteps && n < 200; i++)
		seen[n++] = d2.steps[i].uuid;
	for (size_t i = 0; i < d1.nstages && n < 256; i++)
		seen[n++] = d1.stages[i].uuid;
	for (size_t i = 0; i < n; i++) {
		cr_assert(uuid_shaped(seen[i]), "not a UUID: \"%s\"", seen[i]);
		for (size_t j = 0; j < i; j++)
			cr_assert_str_neq(seen[i], seen[j], "UUID %s twice", seen[i]);
	}
	model_data_free(&d1);
	model_data_free(&d2);
	store_close(other);
}

Test(revs, the_upgrade_gives_existing_rows_distinct_uuids)
{
	char *path = tu_join(dir, "gammal.db");
	struct jh_store *old;
	struct jh_data d;
	struct jh_err err;
	sqlite3 *db;
	char sql[1024];

	/* Schema 1, as the previous version wrote it: a workshop, two actions. */
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, MIGRATIONS[0], NULL, NULL, NULL), SQLITE_OK);
	snprintf(sql, sizeof sql,
		 "PRAGMA user_version = 1; PRAGMA application_id = %d;"
		 "INSERT INTO workshop (id, name, title, created) VALUES (1, 'w', 'Gammal', "
		 "'2026-11-22');"
		 "INSERT INTO action (id, workshop_id, title) VALUES (1, 1, 'Första åtgärden'),"
		 " (2, 1, 'Andra åtgärden');",
		 STORE_APPLICATION_ID);
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	sqlite3_close(db);

	cr_assert_eq(store_open(&old, path, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(store_load(old, 1, &d, &err), 0, "%s", err.msg);
	cr_assert_eq(d.nactions, 2);
	cr_assert(uuid_shaped(d.workshop.uuid), "%s", d.workshop.uuid);
	cr_assert(uuid_shaped(d.actions[0].uuid), "%s", d.actions[0].uuid);
	cr_assert(uuid_shaped(d.actions[1].uuid), "%s", d.actions[1].uuid);
	cr_assert_str_neq(d.actions[0].uuid, d.actions[1].uuid);
	cr_assert_eq(d.actions[0].revision, 1);
	model_data_free(&d);
	store_close(old);
	free(path);
}
