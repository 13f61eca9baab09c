/* ui_frame.h: the frame around the views: the title bar with its tabs,
 * the status bar, the message line and the "too small" notice. Dialogs
 * draw it as the base under their overlay. */
#ifndef JOURNEYHACK_UI_FRAME_H
#define JOURNEYHACK_UI_FRAME_H

struct ui;
struct ui_rect;

/* Draw the base screen: bars and the current view. */
void ui_frame_draw(struct ui *ui);
/* The rectangle the current view draws in. */
void ui_frame_view_rect(const struct ui *ui, struct ui_rect *r);
/* The view whose tab is at column x of the title bar, or -1. */
int ui_frame_tab_at(int x);

#endif
