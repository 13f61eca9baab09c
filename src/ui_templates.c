/* ui_templates.c: the template picker: a workshop created from the
 * interface, as `journeyhack new NAME -t TEMPLATE` creates one. */
#include <stdio.h>
#include <stdlib.h>

#include "journeyhack/i18n.h"
#include "journeyhack/paths.h"
#include "journeyhack/store.h"
#include "journeyhack/template.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/ui_templates.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

/* "name  title  [sv]": the language read from the file itself, since a
 * translated template is told apart by it. */
static void label(const struct jh_template_entry *e, char *buf, size_t size)
{
	struct jh_template tpl;
	struct jh_err err;

	if (!e->valid || template_load(e->path, &tpl, &err)) {
		snprintf(buf, size, "%s  %s", e->name, e->title);
		return;
	}
	snprintf(buf, size, "%s  %s  [%s]", e->name, tpl.title,
		 *tpl.language ? tpl.language : "en");
	template_free(&tpl);
}

static long pick(struct ui *ui, const struct jh_template_entry *list, size_t n)
{
	struct ui_pick_item *items = util_xcalloc(n ? n : 1, sizeof *items);
	char(*labels)[512] = util_xcalloc(n ? n : 1, sizeof *labels);
	long k;

	for (size_t i = 0; i < n; i++) {
		label(&list[i], labels[i], sizeof labels[i]);
		items[i].label = labels[i];
	}
	k = ui_dialog_pick(ui, _("New workshop from which template?"), items, n, 0, 0);
	free(labels);
	free(items);
	return k;
}

/* Ask for a name until one is taken; why one was not (the store says)
 * leads the next prompt, as the prompt owns the message line. */
static int create(struct ui *ui, const struct jh_template *tpl, jh_id *wid, struct jh_err *failed)
{
	char name[128] = "", prompt[640];
	struct jh_err err;

	snprintf(prompt, sizeof prompt, "%s", _("Name of the new workshop (no spaces): "));
	for (;;) {
		if (!ui_dialog_prompt(ui, prompt, name, sizeof name))
			return 1;
		/* As `new` does: a refused name leaves nothing behind. */
		if (!store_begin(ui->st, &err)) {
			if (!store_workshop_create(ui->st, name, tpl, wid, &err))
				return store_commit(ui->st, failed) ? -1 : 0;
			store_rollback(ui->st);
		}
		snprintf(prompt, sizeof prompt, _("%s. Name: "), err.msg);
	}
}

int ui_templates_new(struct ui *ui, jh_id *wid, struct jh_err *err)
{
	struct jh_template_entry *list = NULL;
	struct jh_template tpl;
	size_t n = 0;
	int rc;

	paths_templates(&list, &n);
	if (!n) {
		paths_templates_free(list, n);
		return err_set(err, _("no templates found (see JOURNEYHACK_TEMPLATE_PATH in "
				      "journeyhack(1))"));
	}
	for (;;) {
		long k = pick(ui, list, n);
		if (k < 0) {
			paths_templates_free(list, n);
			return 1;
		}
		if (!template_load(list[k].path, &tpl, err))
			break;
		ui_message(ui, 1, "%s", err->msg);
	}
	paths_templates_free(list, n);
	rc = create(ui, &tpl, wid, err);
	template_free(&tpl);
	return rc;
}
