/* ui_fill.c: an item's current values as text, for edit forms and as the
 * snapshot undo keeps to put a deleted or changed item back. It walks the
 * field table (kinds.h), so a field added there is filled and restored
 * with no change here. References become ids, booleans yes/no: exactly
 * what items_parse takes back. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "journeyhack/form.h"
#include "journeyhack/ui_fill.h"
#include "journeyhack/ui_undo.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

const void *ui_fill_item(const struct ui *ui, enum jh_kind kind, jh_id id)
{
	/* A vote is changed by voting, never through its fields. */
	if (kind == JH_VOTE)
		return NULL;
	if (kind == JH_WORKSHOP)
		return &ui->d.workshop;
	return model_index_item(&ui->ix.m, kind, id);
}

/* Every id, however many: an idea may link thousands of pain points, and
 * a list cut short would be saved (or restored by undo) short. */
static char *id_list(const struct jh_field_def *f, const void *item)
{
	size_t n, len = 0, cap = 64;
	const jh_id *ids = kinds_ids(f, item, &n);
	char *list = util_xmalloc(cap);

	list[0] = '\0';
	for (size_t k = 0; k < n; k++) {
		/* A comma, at most 20 digits and a sign, the terminator. */
		if (cap - len < 24) {
			cap *= 2;
			list = util_xrealloc(list, cap);
		}
		len += (size_t)snprintf(list + len, cap - len, "%s%lld", k ? "," : "",
					(long long)ids[k]);
	}
	return list;
}

char *ui_fill_text(const struct jh_field_def *f, const void *item)
{
	char b[32];
	long long v;

	if (!kinds_stored(f))
		return util_xstrdup("");
	switch (kinds_storage(f)) {
	case KINDS_S_TEXT:
		return util_xstrdup(kinds_text(f, item));
	case KINDS_S_IDLIST:
		return id_list(f, item);
	default:
		break;
	}
	v = kinds_num(f, item);
	if (f->type == JF_BOOL)
		return util_xstrdup(v ? "yes" : "no");
	/* No reference is "", not the id 0. */
	if (f->type == JF_REF && !v)
		return util_xstrdup("");
	snprintf(b, sizeof b, "%lld", v);
	return util_xstrdup(b);
}

int ui_fill_form(const struct ui *ui, struct form *form, enum jh_kind kind, jh_id id)
{
	const struct jh_kind_def *k = kinds_get(kind);
	const void *item = ui_fill_item(ui, kind, id);

	if (!item)
		return -1;
	for (size_t i = 0; i < k->nfields; i++) {
		char *v;
		if (!kinds_stored(&k->fields[i]))
			continue;
		v = ui_fill_text(&k->fields[i], item);
		form_set(form, k->fields[i].name, v);
		free(v);
	}
	return 0;
}

int ui_fill_snapshot(const struct ui *ui, enum jh_kind kind, jh_id id, struct ui_undo_rec *rec)
{
	const struct jh_kind_def *k = kinds_get(kind);
	const void *item = ui_fill_item(ui, kind, id);

	if (!item)
		return -1;
	for (size_t i = 0; i < k->nfields; i++) {
		char *v = ui_fill_text(&k->fields[i], item);
		/* Empty is what an add leaves unset anyway. */
		if (*v)
			ui_undo_assign(rec, k->fields[i].name, v);
		free(v);
	}
	return 0;
}
