/* export_fields.c: an item's fields in export order, from the field table. */
#include <stddef.h>
#include <string.h>

#include "journeyhack/export_fields.h"

/* Values the table does not describe. An item's id is the first member of
 * every item struct and never 0, so it is written like a reference that
 * is set; it refers to no other kind (JH_NKINDS). Every item has one:
 * required, as a file to import must give it. */
static const struct {
	enum jh_kind kind; /* JH_NKINDS: every kind */
	struct jh_field_def f;
} extras[] = {
    {JH_NKINDS, {"id", NULL, JF_REF, 0, 0, NULL, JH_NKINDS, 1, NULL, "Id", 0, 0}},
    {JH_STEP,
     {"revealed", NULL, JF_BOOL, 0, 1, NULL, 0, 0, NULL, "Revealed",
      offsetof(struct jh_step, revealed), 0}},
};

_Static_assert(offsetof(struct jh_participant, id) == 0 && offsetof(struct jh_step, id) == 0 &&
		   offsetof(struct jh_journey, id) == 0 && offsetof(struct jh_stage, id) == 0 &&
		   offsetof(struct jh_touchpoint, id) == 0 &&
		   offsetof(struct jh_painpoint, id) == 0 && offsetof(struct jh_idea, id) == 0 &&
		   offsetof(struct jh_vote, id) == 0 && offsetof(struct jh_action, id) == 0 &&
		   offsetof(struct jh_parking, id) == 0,
	       "every item starts with its id");

/* The keys that lead each kind's items: the order the exports had before
 * they read the table, which differs from the table's for these kinds. */
static const char *const *leading(enum jh_kind k)
{
	static const char *const step[] = {"id",   "position", "day",	   "title", "minutes",
					   "view", "private",  "revealed", NULL};
	static const char *const journey[] = {"id", "position", NULL};
	static const char *const stage[] = {"id", "journey", "position", NULL};
	static const char *const touchpoint[] = {"id",	     "journey", "stage",
						 "position", "name",	NULL};
	static const char *const other[] = {"id", NULL};

	switch (k) {
	case JH_STEP:
		return step;
	case JH_JOURNEY:
		return journey;
	case JH_STAGE:
		return stage;
	case JH_TOUCHPOINT:
		return touchpoint;
	default:
		return other;
	}
}

static int listed(const char *name, const char *const *names)
{
	for (size_t i = 0; names && names[i]; i++)
		if (!strcmp(name, names[i]))
			return 1;
	return 0;
}

static void add(struct export_fields *out, const struct jh_field_def *f)
{
	if (f && out->n < EXPORT_FIELDS_MAX)
		out->f[out->n++] = f;
}

const struct jh_field_def *export_fields_find(enum jh_kind k, const char *name)
{
	const struct jh_field_def *f = kinds_field(kinds_get(k), name);

	if (f && kinds_stored(f))
		return f;
	for (size_t i = 0; i < sizeof extras / sizeof extras[0]; i++)
		if ((extras[i].kind == JH_NKINDS || extras[i].kind == k) &&
		    !strcmp(extras[i].f.name, name))
			return &extras[i].f;
	return NULL;
}

void export_fields_rest(struct export_fields *out, enum jh_kind k, const char *const *named)
{
	const struct jh_kind_def *kd = kinds_get(k);

	for (size_t i = 0; i < kd->nfields; i++)
		if (kinds_stored(&kd->fields[i]) && !listed(kd->fields[i].name, named))
			add(out, &kd->fields[i]);
}

void export_fields_item(struct export_fields *out, enum jh_kind k, const char *omit)
{
	const char *const *lead = leading(k);
	const char *skip[EXPORT_FIELDS_MAX + 1];
	size_t n = 0;

	out->n = 0;
	for (size_t i = 0; lead[i]; i++) {
		if (!omit || strcmp(lead[i], omit))
			add(out, export_fields_find(k, lead[i]));
		skip[n++] = lead[i];
	}
	skip[n++] = omit;
	skip[n] = NULL;
	export_fields_rest(out, k, skip);
}

void export_fields_workshop(struct export_fields *out)
{
	static const char *const by_hand[] = {"title",	  "description", "method", "dots",
					      "max_dots", "anonymous",	 NULL};

	out->n = 0;
	export_fields_rest(out, JH_WORKSHOP, by_hand);
}
