/* store_merge.c: one merge, one transaction, through the store's own
 * item changes: every write bumps revisions and records who made it as
 * any other change does, so other terminals and undo see it. */
#include <stdio.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/store_merge.h"

static struct jh_value field_value(enum jh_kind kind, const char *name)
{
	struct jh_value v;

	memset(&v, 0, sizeof v);
	v.field = kinds_field(kinds_get(kind), name);
	return v;
}

static struct jh_value int_value(enum jh_kind kind, const char *name, long long num)
{
	struct jh_value v = field_value(kind, name);

	v.num = num;
	v.is_null = v.field->type == JF_REF && num == 0;
	return v;
}

static struct jh_value text_value(enum jh_kind kind, const char *name, const char *text)
{
	struct jh_value v = field_value(kind, name);

	v.text = text;
	return v;
}

static struct jh_value ids_value(enum jh_kind kind, const char *name, const jh_id *ids, size_t n)
{
	struct jh_value v = field_value(kind, name);

	v.ids = ids;
	v.nids = n;
	return v;
}

/* Either item changed since the caller read it: say who changed it. */
static int unchanged(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id id, long long base,
		     struct jh_err *err)
{
	struct store_rev rev;

	if (!base)
		return 0;
	if (store_item_revision(st, wid, kind, id, &rev, err))
		return -1;
	if (rev.revision == base)
		return 0;
	err_set(err,
		_("%s %lld was changed by %s since you read it (revision %lld, yours was %lld); "
		  "nothing was merged"),
		kinds_noun(kind, 1), (long long)id, rev.by[0] ? rev.by : _("someone else"),
		rev.revision, base);
	return STORE_CONFLICT;
}

static int write_painpoint(struct jh_store *st, jh_id wid, const struct merge_plan *p,
			   struct jh_err *err)
{
	struct jh_value v[4];

	for (size_t i = 0; i < p->nrelinks; i++) {
		struct jh_value l =
		    ids_value(JH_IDEA, "painpoints", p->relinks[i].painpoints, p->relinks[i].n);
		if (store_item_set(st, wid, JH_IDEA, p->relinks[i].idea, &l, 1, err))
			return -1;
	}
	v[0] = text_value(JH_PAINPOINT, "evidence", p->evidence);
	v[1] = int_value(JH_PAINPOINT, "severity", p->severity);
	v[2] = int_value(JH_PAINPOINT, "frequency", p->frequency);
	v[3] = int_value(JH_PAINPOINT, "touchpoint", p->touchpoint);
	if (store_item_set(st, wid, JH_PAINPOINT, p->into, v, 4, err))
		return -1;
	return store_item_delete(st, wid, JH_PAINPOINT, p->from, err);
}

static int write_idea(struct jh_store *st, jh_id wid, const struct merge_plan *p,
		      struct jh_err *err)
{
	struct jh_value v[MERGE_CARD_FIELDS + 1];

	for (size_t i = 0; i < p->nactions; i++) {
		struct jh_value a = int_value(JH_ACTION, "idea", p->into);
		if (store_item_set(st, wid, JH_ACTION, p->actions[i], &a, 1, err))
			return -1;
	}
	for (size_t i = 0; i < MERGE_CARD_FIELDS; i++)
		v[i] = text_value(JH_IDEA, merge_card_field(i), p->card[i]);
	v[MERGE_CARD_FIELDS] = ids_value(JH_IDEA, "painpoints", p->painpoints, p->npainpoints);
	if (store_item_set(st, wid, JH_IDEA, p->into, v, MERGE_CARD_FIELDS + 1, err))
		return -1;
	/* B's dots go with it, back into each budget, before they are
	 * given to A: the budget check then sees them as free. */
	if (store_item_delete(st, wid, JH_IDEA, p->from, err))
		return -1;
	for (size_t i = 0; i < p->nmoves; i++)
		if (p->moves[i].dots &&
		    store_vote(st, wid, p->moves[i].participant, p->into, p->moves[i].dots, err))
			return -1;
	return 0;
}

/* Inside the transaction: the workshop read under the write lock, so
 * the plan is made from what is there, not what the caller last saw. */
static int merge_in_tx(struct jh_store *st, jh_id wid, const struct store_merge_req *r,
		       struct merge_plan *p, struct jh_err *err)
{
	struct jh_data d;
	int rc;

	if (store_load(st, wid, &d, err))
		return -1;
	rc = merge_plan_make(&d, r->kind, r->into, r->from, p, err);
	if (!rc && (rc = merge_may(&d, r->me, r->owner, r->kind, r->into, r->from, err)))
		merge_plan_free(p);
	model_data_free(&d);
	if (rc)
		return -1;
	if ((rc = unchanged(st, wid, r->kind, r->into, r->base_into, err)) ||
	    (rc = unchanged(st, wid, r->kind, r->from, r->base_from, err)) ||
	    (rc = r->kind == JH_PAINPOINT ? write_painpoint(st, wid, p, err)
					  : write_idea(st, wid, p, err))) {
		merge_plan_free(p);
		return rc;
	}
	return 0;
}

int store_merge(struct jh_store *st, jh_id wid, const struct store_merge_req *r,
		struct merge_plan *plan, struct jh_err *err)
{
	struct merge_plan local = {0};
	struct merge_plan *p = plan ? plan : &local;
	int rc;

	if (store_begin(st, err))
		return -1;
	rc = merge_in_tx(st, wid, r, p, err);
	if (rc) {
		store_rollback(st);
		return rc;
	}
	if (store_commit(st, err)) {
		merge_plan_free(p);
		return -1;
	}
	if (!plan)
		merge_plan_free(p);
	return 0;
}
