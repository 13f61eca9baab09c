/* ui_apply.c: a change as "field=value" text, parsed by items.c and
 * written by the store: the path the command line takes, so the UI and
 * undo accept and refuse exactly what it does. */
#include <stdio.h>
#include <stdlib.h>

#include "journeyhack/items.h"
#include "journeyhack/store.h"
#include "journeyhack/ui_apply.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

int ui_apply(struct ui *ui, enum jh_kind kind, jh_id id, int add, jh_id want_id,
	     char *const *assigns, size_t n, jh_id *new_id, struct jh_err *err)
{
	struct jh_assign *a = util_xcalloc(n + 1, sizeof *a);
	char(*names)[64] = util_xcalloc(n + 1, sizeof *names);
	char idbuf[32];
	struct jh_values vals;
	size_t k = 0;
	int rc;

	/* items_parse resolves names in an item's own journey when told
	 * which item a change is for. */
	if (!add) {
		snprintf(idbuf, sizeof idbuf, "%lld", (long long)id);
		a[k].field = "id";
		a[k++].value = idbuf;
	}
	for (size_t i = 0; i < n; i++, k++)
		if (items_split_assign(assigns[i], &a[k], names[k], sizeof names[k], err)) {
			free(a);
			free(names);
			return -1;
		}
	rc = items_parse(ui->st, ui->wid, kind, a, k, add, &vals, err);
	if (!rc) {
		if (!add)
			rc = store_item_set(ui->st, ui->wid, kind, id, vals.v, vals.n, err);
		else if (want_id)
			rc = store_item_add_with_id(ui->st, ui->wid, kind, want_id, vals.v, vals.n,
						    err);
		else
			rc = store_item_add(ui->st, ui->wid, kind, vals.v, vals.n, new_id, err);
		items_values_free(&vals);
	}
	free(a);
	free(names);
	return rc;
}
