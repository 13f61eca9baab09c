/* ui_views.c: the loaded workshop and the views that show it.
 *
 * A reload (a change here, or another process's commit) replaces the data
 * whole; the indexes follow at once, the views when they are shown. */
#include "journeyhack/i18n.h"
#include "journeyhack/store.h"
#include "journeyhack/ui_term.h"
#include "journeyhack/ui_views.h"
#include "journeyhack/view.h"

static unsigned char view_stale[UI_NVIEWS];

static void views_rebuild(struct ui *ui)
{
	/* Only the view on screen is rebuilt now; the others when shown, so
	 * a reload with 100 000 items costs one view's work. */
	for (int i = 0; i < UI_NVIEWS; i++)
		view_stale[i] = 1;
	view_get(ui->view)->ops->rebuild(ui);
	view_stale[ui->view] = 0;
}

void ui_views_adopt(struct ui *ui)
{
	ui->generation++;
	ui_index_build(ui);
	views_rebuild(ui);
}

int ui_views_reload(struct ui *ui)
{
	struct jh_data d;
	struct jh_err err;

	ui->data_version = store_data_version(ui->st);
	if (store_load(ui->st, ui->wid, &d, &err)) {
		ui_message(ui, 1, _("reload failed: %s"), err.msg);
		return -1;
	}
	model_data_free(&ui->d);
	ui->d = d;
	ui_views_adopt(ui);
	return 0;
}

void ui_views_switch(struct ui *ui, int v)
{
	if (v < 0 || v >= UI_NVIEWS)
		return;
	ui->view = (enum ui_view_id)v;
	if (view_stale[v]) {
		view_get((enum ui_view_id)v)->ops->rebuild(ui);
		view_stale[v] = 0;
	}
}

int ui_views_poll(struct ui *ui)
{
	int64_t v;

	ui->last_poll_ms = ui_term_now_ms();
	v = store_data_version(ui->st);
	if (v < 0 || v == ui->data_version)
		return 0;
	return ui_views_reload(ui) == 0;
}

void ui_views_cleanup(void)
{
	view_free_all();
}
