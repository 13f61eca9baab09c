/* store_merge.h: merging a duplicate pain point or idea, as one change.
 *
 * The rules are merge.h's; this writes them in one store transaction
 * (a savepoint inside a batch), after checking the rights and that
 * neither item moved on since the caller read it. */
#ifndef JOURNEYHACK_STORE_MERGE_H
#define JOURNEYHACK_STORE_MERGE_H

#include "journeyhack/merge.h"
#include "journeyhack/store.h"

struct store_merge_req {
	enum jh_kind kind; /* JH_PAINPOINT or JH_IDEA */
	jh_id into, from;  /* A keeps, B goes */
	jh_id me;	   /* who merges (rights); 0: nobody chosen */
	int owner;	   /* the database's owner: every right */
	/* The revisions the caller saw (0: any); a later change of either
	 * makes the merge fail with STORE_CONFLICT, nothing written. */
	long long base_into, base_from;
};

/* Merge r->from into r->into in workshop wid. On success *plan (may be
 * NULL) holds what moved, for the report and for undo; free it with
 * merge_plan_free. -1 (STORE_CONFLICT on a revision mismatch) with err
 * otherwise, the database unchanged. */
int store_merge(struct jh_store *st, jh_id wid, const struct store_merge_req *r,
		struct merge_plan *plan, struct jh_err *err);

#endif
