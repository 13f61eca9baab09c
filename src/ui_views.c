/* ui_views.c: the loaded workshop and the views that show it.
 *
 * A change here or another process's commit is brought in through the
 * store's change feed: the changed items are read again and patched in
 * (store_refresh); the indexes follow at once, the views when shown. */
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

/* The data was read anew: the kept figures no longer follow it. */
static void inc_drop(struct ui *ui)
{
	if (ui->inc_ok)
		analysis_inc_free(&ui->inc);
	ui->inc_ok = 0;
}

/* The views and indexes follow data changed by the refresh in
 * ui->changes; the kept figures follow too, or are dropped. */
static void adopt_changes(struct ui *ui)
{
	if (ui->inc_ok && analysis_inc_follow(&ui->inc, &ui->d, &ui->changes))
		inc_drop(ui);
	ui->generation++;
	ui_index_build(ui);
	views_rebuild(ui);
}

void ui_views_adopt(struct ui *ui)
{
	inc_drop(ui);
	ui->generation++;
	ui_index_build(ui);
	views_rebuild(ui);
}

/* Bring the data up to date; the indexes and views follow when it changed,
 * or always when asked (who this terminal is may have changed). Returns
 * what store_refresh did. */
static int bring_up_to_date(struct ui *ui, int always)
{
	struct jh_err err;
	int rc;

	ui->data_version = store_data_version(ui->st);
	model_changes_clear(&ui->changes);
	rc = store_refresh(ui->st, ui->wid, &ui->d, &ui->changes, &err);
	if (rc < 0)
		ui_message(ui, 1, _("reload failed: %s"), err.msg);
	if (rc == STORE_REFRESH_PATCHED || (rc == 0 && always))
		adopt_changes(ui);
	else if (rc)
		ui_views_adopt(ui);
	return rc;
}

int ui_views_reload(struct ui *ui)
{
	return bring_up_to_date(ui, 1) < 0 ? -1 : 0;
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
	return bring_up_to_date(ui, 0) != 0;
}

void ui_views_cleanup(struct ui *ui)
{
	inc_drop(ui);
	model_changes_free(&ui->changes);
	view_free_all();
}
