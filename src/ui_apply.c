/* ui_apply.c: a change as "field=value" text, parsed by items.c and
 * written by the store: the path the command line takes, so the UI and
 * undo accept and refuse exactly what it does. Also the check every
 * change passes first: that the database file is still the one opened. */
#include <stdio.h>
#include <stdlib.h>

#include "journeyhack/i18n.h"
#include "journeyhack/items.h"
#include "journeyhack/samefile.h"
#include "journeyhack/store.h"
#include "journeyhack/ui_apply.h"
#include "journeyhack/ui_signin.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

int ui_apply_db_gone(struct ui *ui)
{
	struct jh_err err;

	if (!ui->db_lost[0]) {
		if (!ui->st || samefile_still(store_path(ui->st), &ui->db_id, &err) == 0)
			return 0;
		snprintf(ui->db_lost, sizeof ui->db_lost, "%.300s", err.msg);
		ui->readonly = 1;
		ui->msg[0] = '\0'; /* this error goes before any other */
	}
	/* SQLite goes on writing to the file it holds open, so every change
	 * would be reported saved and be lost with it; what is loaded can
	 * still be exported. It comes back once the line is free, so the
	 * outcome of that export stays readable until the next key. */
	if (!ui->msg[0])
		ui_message(ui, 1,
			   _("%s: nothing more can be saved (x still exports what is shown)"),
			   ui->db_lost);
	return 1;
}

int ui_apply_refused(struct ui *ui)
{
	struct jh_err err;

	/* A terminal whose participant was removed writes nothing at all. */
	if (!ui_apply_db_gone(ui) && !ui_signin_check(ui, JH_NKINDS, 0, 1, NULL, 0, &err))
		return 0;
	if (ui->db_lost[0])
		ui_message(ui, 1, _("Not saved: %s"), ui->db_lost);
	else
		ui_message(ui, 1, "%s", err.msg);
	return 1;
}

static int apply(struct ui *ui, enum jh_kind kind, jh_id id, int add, jh_id want_id, long long base,
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
		/* Changes are recorded as made by the person at this terminal,
		 * so a conflict or a refused undo elsewhere can name them. */
		const struct jh_participant *me = model_participant(&ui->d, ui->me);
		store_set_actor(ui->st, me ? me->name : NULL);
		if (!add)
			rc =
			    store_item_set_if(ui->st, ui->wid, kind, id, base, vals.v, vals.n, err);
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

int ui_apply(struct ui *ui, enum jh_kind kind, jh_id id, int add, jh_id want_id,
	     char *const *assigns, size_t n, jh_id *new_id, struct jh_err *err)
{
	if (ui_apply_db_gone(ui))
		return err_set(err, _("Not saved: %s"), ui->db_lost);
	if (ui_signin_check(ui, kind, id, add, assigns, n, err))
		return -1;
	return apply(ui, kind, id, add, want_id, 0, assigns, n, new_id, err);
}

int ui_apply_if(struct ui *ui, enum jh_kind kind, jh_id id, long long base, char *const *assigns,
		size_t n, struct jh_err *err)
{
	if (ui_apply_db_gone(ui))
		return err_set(err, _("Not saved: %s"), ui->db_lost);
	if (ui_signin_check(ui, kind, id, 0, assigns, n, err))
		return -1;
	return apply(ui, kind, id, 0, 0, base, assigns, n, NULL, err);
}
