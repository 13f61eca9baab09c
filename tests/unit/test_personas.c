/* test_personas.c: personas in the store, journeys that belong to them,
 * and journeys grouped by persona in the order maps and reports use. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/export.h"
#include "journeyhack/items.h"
#include "journeyhack/kinds.h"
#include "journeyhack/personas.h"
#include "journeyhack/store.h"
#include "journeyhack/template.h"
#include "testutil.h"

static char *dir;
static struct jh_store *st;
static jh_id wid;

static void setup(void)
{
	struct jh_template t;
	struct jh_err err;
	char *db, *path = tu_srcpath("workshop-templates/payment-moment.yaml");

	dir = tu_tmpdir();
	db = tu_join(dir, "p.db");
	cr_assert_eq(store_open(&st, db, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(template_load(path, &t, &err), 0, "%s", err.msg);
	cr_assert_eq(store_workshop_create(st, "bo", &t, &wid, &err), 0, "%s", err.msg);
	template_free(&t);
	free(path);
	free(db);
}

static void teardown(void)
{
	store_close(st);
	tu_rmtree(dir);
	free(dir);
}

/* FIELD=VALUE strings through items_parse, as the command line does;
 * adds when *id is 0, else sets that item. */
static int change(enum jh_kind kind, jh_id *id, struct jh_err *err, ...)
{
	struct jh_assign a[16];
	char names[16][64];
	struct jh_values vals;
	va_list ap;
	size_t n = 0;
	const char *arg;
	int rc;

	va_start(ap, err);
	while ((arg = va_arg(ap, const char *))) {
		cr_assert_eq(items_split_assign(arg, &a[n], names[n], 64, err), 0);
		n++;
	}
	va_end(ap);
	if (items_parse(st, wid, kind, a, n, *id == 0, &vals, err))
		return -1;
	rc = *id ? store_item_set(st, wid, kind, *id, vals.v, vals.n, err)
		 : store_item_add(st, wid, kind, vals.v, vals.n, id, err);
	items_values_free(&vals);
	return rc;
}

static jh_id add_ok(enum jh_kind kind, const char *a, const char *b, const char *c)
{
	struct jh_err err;
	jh_id id = 0;

	cr_assert_eq(change(kind, &id, &err, a, b, c, (const char *)NULL), 0, "%s", err.msg);
	return id;
}

static void load(struct jh_data *d)
{
	struct jh_err err;

	cr_assert_eq(store_load(st, wid, d, &err), 0, "%s", err.msg);
}

static const struct jh_journey *journey_named(const struct jh_data *d, const char *name)
{
	for (size_t i = 0; i < d->njourneys; i++)
		if (!strcmp(d->journeys[i].name, name))
			return &d->journeys[i];
	cr_assert_fail("no journey %s", name);
	return NULL;
}

TestSuite(personas, .init = setup, .fini = teardown);

Test(personas, round_trip_through_the_store)
{
	jh_id id =
	    add_ok(JH_PERSONA, "name=Åsa på pendeltåget", "goals=Komma fram i tid\nvarje dag",
		   "needs=Tydlig information om förseningar");
	struct jh_data d;
	const struct jh_persona *p;

	load(&d);
	cr_assert_eq(d.npersonas, 1);
	p = model_persona(&d, id);
	cr_assert_not_null(p);
	cr_assert_str_eq(p->name, "Åsa på pendeltåget");
	cr_assert_str_eq(p->goals, "Komma fram i tid\nvarje dag");
	cr_assert_str_eq(p->needs, "Tydlig information om förseningar");
	cr_assert_str_eq(p->description, "");
	cr_assert_eq(p->revision, 1);
	cr_assert_eq(strlen(p->uuid), 36, "uuid %s", p->uuid);
	model_data_free(&d);
}

Test(personas, names_are_unique_in_a_workshop)
{
	struct jh_err err;
	jh_id id = 0;

	add_ok(JH_PERSONA, "name=Øyvind", "description=Bor på landet", "needs=Tid");
	cr_assert_neq(change(JH_PERSONA, &id, &err, "name=Øyvind", (const char *)NULL), 0);
	cr_assert(strstr(err.msg, "Øyvind"), "%s", err.msg);
	cr_assert_eq(store_item_count(st, wid, JH_PERSONA), 1);
}

Test(personas, a_journey_refers_to_its_persona_by_name_or_id)
{
	jh_id p = add_ok(JH_PERSONA, "name=Märta", "goals=Flytta utan krångel", "needs=");
	jh_id j = add_ok(JH_JOURNEY, "name=Flytta", "persona=Märta", "stages=Hitta,Byta");
	jh_id k = add_ok(JH_JOURNEY, "name=Säga upp", "stages=Ringa", "description=");
	struct jh_data d;
	struct jh_err err;
	char byid[32];

	snprintf(byid, sizeof byid, "persona=%lld", (long long)p);
	cr_assert_eq(change(JH_JOURNEY, &k, &err, byid, (const char *)NULL), 0, "%s", err.msg);
	load(&d);
	cr_assert_eq(journey_named(&d, "Flytta")->persona_id, p);
	cr_assert_eq(journey_named(&d, "Säga upp")->persona_id, p);
	cr_assert_eq(personas_of(&d, model_journey(&d, j)), model_persona(&d, p));
	model_data_free(&d);
	/* A name that is no persona is refused, naming field and value. */
	cr_assert_neq(change(JH_JOURNEY, &k, &err, "persona=Ingen sådan", (const char *)NULL), 0);
	cr_assert(strstr(err.msg, "persona") && strstr(err.msg, "Ingen sådan"), "%s", err.msg);
}

Test(personas, removing_a_persona_leaves_its_journeys)
{
	jh_id p = add_ok(JH_PERSONA, "name=Åsa", "goals=", "needs=");
	struct jh_data d;
	struct jh_err err;

	add_ok(JH_JOURNEY, "name=Betala", "persona=Åsa", "stages=Få,Betala");
	cr_assert_eq(store_item_delete(st, wid, JH_PERSONA, p, &err), 0, "%s", err.msg);
	load(&d);
	cr_assert_eq(d.npersonas, 0);
	cr_assert_eq(journey_named(&d, "Betala")->persona_id, 0);
	cr_assert_null(personas_of(&d, journey_named(&d, "Betala")));
	model_data_free(&d);
}

/* Four journeys, two personas added in the order Åsa, Øyvind: Åsa's
 * journeys first (in journey order), then Øyvind's, then the one
 * without a persona. */
static void four_journeys(struct jh_data *d, struct jh_journey *j, struct jh_persona *p)
{
	memset(d, 0, sizeof *d);
	p[0] = (struct jh_persona){.id = 1, .name = "Åsa"};
	p[1] = (struct jh_persona){.id = 2, .name = "Øyvind"};
	j[0] = (struct jh_journey){.id = 10, .name = "Utan", .persona_id = 0};
	j[1] = (struct jh_journey){.id = 11, .name = "Ø1", .persona_id = 2};
	j[2] = (struct jh_journey){.id = 12, .name = "Å1", .persona_id = 1};
	j[3] = (struct jh_journey){.id = 13, .name = "Å2", .persona_id = 1};
	d->journeys = j;
	d->njourneys = 4;
	d->personas = p;
	d->npersonas = 2;
}

Test(grouping, personas_in_order_then_no_persona)
{
	struct jh_data d;
	struct jh_journey j[4];
	struct jh_persona p[2];
	size_t order[4];
	const size_t want[4] = {2, 3, 1, 0};
	const int starts[4] = {1, 0, 1, 1};

	four_journeys(&d, j, p);
	personas_journey_order(&d, order);
	for (size_t i = 0; i < 4; i++) {
		cr_assert_eq(order[i], want[i], "order[%zu] = %zu", i, order[i]);
		cr_assert_eq(personas_group_starts(&d, order, i), starts[i], "group at %zu", i);
	}
	cr_assert_str_eq(personas_group_name(&d, &j[2]), "Åsa");
	cr_assert_str_eq(personas_group_name(&d, &j[0]), "No persona");
}

Test(grouping, without_personas_the_order_is_unchanged)
{
	struct jh_data d;
	struct jh_journey j[4];
	struct jh_persona p[2];
	size_t order[4];

	four_journeys(&d, j, p);
	d.npersonas = 0;
	personas_journey_order(&d, order);
	for (size_t i = 0; i < 4; i++) {
		cr_assert_eq(order[i], i);
		cr_assert_eq(personas_group_starts(&d, order, i), 0);
	}
	/* A reference to a persona that is not loaded counts as none. */
	cr_assert_null(personas_of(&d, &j[1]));
}

static char *report(void)
{
	struct jh_data d;
	struct jh_err err;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	load(&d);
	cr_assert_eq(export_md(f, &d, EXPORT_REPORT, &err), 0, "%s", err.msg);
	fclose(f);
	model_data_free(&d);
	return buf;
}

static size_t at(const char *hay, const char *needle)
{
	const char *p = strstr(hay, needle);

	cr_assert_not_null(p, "no \"%s\" in the report", needle);
	return (size_t)(p - hay);
}

Test(personas, the_report_groups_journeys_by_persona)
{
	char *md, last[64];

	/* The template starts the workshop with journeys of its own: the new
	 * one is the last of them. */
	add_ok(JH_JOURNEY, "name=Utan persona", "stages=Ett", "description=");
	snprintf(last, sizeof last, "\n### %lld. Utan persona\n",
		 store_item_count(st, wid, JH_JOURNEY));
	md = report();
	/* No personas: journeys as they always were, no group headings. */
	cr_assert(strstr(md, last), "%s", md);
	cr_assert_null(strstr(md, "No persona"));
	free(md);

	add_ok(JH_PERSONA, "name=Åsa", "goals=Betala rätt i tid", "needs=Påminnelse");
	add_ok(JH_JOURNEY, "name=Betala", "persona=Åsa", "stages=Få,Betala");
	md = report();
	cr_assert_lt(at(md, "\n### Persona: Åsa\n"), at(md, "- **Goals:** Betala rätt i tid\n"));
	cr_assert_lt(at(md, "- **Needs:** Påminnelse\n"), at(md, "\n#### 1. Betala\n"));
	cr_assert_lt(at(md, "\n#### 1. Betala\n"), at(md, "\n### No persona\n"));
	snprintf(last, sizeof last, "\n#### %lld. Utan persona\n",
		 store_item_count(st, wid, JH_JOURNEY));
	cr_assert_lt(at(md, "\n### No persona\n"), at(md, last));
	cr_assert_lt(at(md, last), at(md, "\n## Pain points\n"));
	free(md);
}
