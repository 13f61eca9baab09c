/* items.h: turning FIELD=VALUE text into validated values.
 *
 * The command line, CSV import and the UI's forms all go through here, so
 * every path accepts and refuses exactly the same input. */
#ifndef JOURNEYHACK_ITEMS_H
#define JOURNEYHACK_ITEMS_H

#include <stddef.h>

#include "journeyhack/err.h"
#include "journeyhack/kinds.h"
#include "journeyhack/store.h"

struct jh_assign {
	const char *field;
	const char *value;
};

/* Validated values, owning their memory. */
struct jh_values {
	struct jh_value *v;
	size_t n;
	char **texts;	 /* owned copies referenced by v[i].text */
	int64_t **lists; /* owned id lists referenced by v[i].ids */
};

/* Split "field=value" (the first '=' splits). -1 when there is none. */
int items_split_assign(const char *arg, struct jh_assign *out, char *buf, size_t bufsize,
		       struct jh_err *err);

/* Validate assignments for an add (for_add: required fields must be
 * present) or a set of `kind` in workshop wid; names of referenced items
 * are resolved in the store (stage and touchpoint names within the
 * journey given). A field given twice, an unknown field or a bad value is
 * an error naming the field and the value. */
int items_parse(struct jh_store *st, jh_id wid, enum jh_kind kind, const struct jh_assign *a,
		size_t n, int for_add, struct jh_values *out, struct jh_err *err);

void items_values_free(struct jh_values *vals);

/* Check one value of one field without the store (references are only
 * checked for form). Used by forms to show the reason next to a field. */
int items_check_value(const struct jh_field_def *f, const char *value, struct jh_err *err);

#endif
