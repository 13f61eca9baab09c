/* ui_views.h: the loaded data and the views that show it: reload, and
 * switching views (a view is rebuilt when shown after a reload). */
#ifndef JOURNEYHACK_UI_VIEWS_H
#define JOURNEYHACK_UI_VIEWS_H

struct ui;

/* The views and indexes follow freshly loaded data in ui->d. */
void ui_views_adopt(struct ui *ui);
/* Bring the workshop up to date (the change feed, store_refresh) after a
 * change here; -1 (with a message) when that fails. */
int ui_views_reload(struct ui *ui);
/* Another process committed: bring its changes in. 1 when any did. */
int ui_views_poll(struct ui *ui);
/* Show view v (rebuilding it first if the data changed since). */
void ui_views_switch(struct ui *ui, int v);
/* Release what the views keep. */
void ui_views_cleanup(struct ui *ui);

#endif
