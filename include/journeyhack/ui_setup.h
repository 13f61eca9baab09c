/* ui_setup.h: the set-up a facilitator does in the interface: the agenda
 * reordered, retimed and put on the clock, and a journey's stages
 * renamed and reordered. Each change goes through ui_edit (rights,
 * undo); returns are the UI_* flags of view.h. */
#ifndef JOURNEYHACK_UI_SETUP_H
#define JOURNEYHACK_UI_SETUP_H

#include "journeyhack/model.h"

struct ui;

/* Move d.steps[i] one place up (dir -1) or down (1); at a day's edge it
 * moves into the neighbouring day instead. */
int ui_setup_step_move(struct ui *ui, size_t i, int dir);
/* Lengthen (delta > 0) or shorten d.steps[i]'s timebox by delta minutes. */
int ui_setup_timebox(struct ui *ui, size_t i, int delta);
/* Ask for the clock time d.steps[i] starts at ("" lets it follow). */
int ui_setup_step_start(struct ui *ui, size_t i);
/* Move a stage one place left (-1) or right (1) in its journey. */
int ui_setup_stage_move(struct ui *ui, jh_id stage, int dir);
/* Ask for a stage's new name. */
int ui_setup_stage_rename(struct ui *ui, jh_id stage);

#endif
