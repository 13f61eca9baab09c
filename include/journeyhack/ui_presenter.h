/* ui_presenter.h: the presenter view for the projector: the current
 * step, a big-digit countdown, the focused item, and nothing else; and
 * the keys this terminal keeps to itself (presenter, bell, focus). */
#ifndef JOURNEYHACK_UI_PRESENTER_H
#define JOURNEYHACK_UI_PRESENTER_H

struct ui;

/* A key the loop hands here first: the presenter, bell and focus keys,
 * and in the presenter view every key it does not let through to the
 * views (only the timer, the steps, help, redraw and quit pass). 1 when
 * the key was taken here. */
int ui_presenter_key(struct ui *ui, int key);

/* Draw the whole screen as the presenter view. */
void ui_presenter_draw(struct ui *ui);

#endif
