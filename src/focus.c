/* focus.c: who may point the room at an item, and which item it is. */
#include <string.h>

#include "journeyhack/focus.h"
#include "journeyhack/i18n.h"
#include "journeyhack/session.h"

int focus_kind_ok(enum jh_kind kind)
{
	return kind == JH_PAINPOINT || kind == JH_IDEA || kind == JH_JOURNEY;
}

int focus_may(const struct jh_data *d, jh_id me, struct jh_err *err)
{
	if (session_facilitates(d, me))
		return 0;
	return err_set(err, _("Only a facilitator can focus the room on an item"));
}

/* The item's title or name, NULL when d does not hold it. */
static const char *item_text(const struct jh_data *d, enum jh_kind kind, jh_id id)
{
	const struct jh_painpoint *p;
	const struct jh_idea *i;
	const struct jh_journey *j;

	switch (kind) {
	case JH_PAINPOINT:
		return (p = model_painpoint(d, id)) ? p->title : NULL;
	case JH_IDEA:
		return (i = model_idea(d, id)) ? i->title : NULL;
	case JH_JOURNEY:
		return (j = model_journey(d, id)) ? j->name : NULL;
	default:
		return NULL;
	}
}

int focus_item_check(const struct jh_data *d, enum jh_kind kind, jh_id id, struct jh_err *err)
{
	if (kind == JH_NKINDS)
		return 0;
	if (!focus_kind_ok(kind))
		return err_set(err,
			       _("cannot focus kind %s: only a painpoint, an idea or a journey"),
			       kinds_get(kind)->name);
	if (!item_text(d, kind, id))
		return err_set(err, _("no %s %lld in this workshop"), kinds_get(kind)->name,
			       (long long)id);
	return 0;
}

int focus_check(const struct jh_data *d, jh_id me, enum jh_kind kind, jh_id id, struct jh_err *err)
{
	return focus_may(d, me, err) ? -1 : focus_item_check(d, kind, id, err);
}

int focus_get(const struct jh_data *d, enum jh_kind *kind, jh_id *id)
{
	const char *name = d->workshop.focus_kind;
	const struct jh_kind_def *k = name && *name ? kinds_find(name) : NULL;

	if (!k || !focus_kind_ok(k->kind) || !item_text(d, k->kind, d->workshop.focus_id))
		return 0;
	*kind = k->kind;
	*id = d->workshop.focus_id;
	return 1;
}

const char *focus_text(const struct jh_data *d)
{
	enum jh_kind kind;
	jh_id id;

	return focus_get(d, &kind, &id) ? item_text(d, kind, id) : NULL;
}
