/* ui_dialog.h: modal overlays over the frame: y/n question, one-line
 * prompt, pick list, help. */
#ifndef JOURNEYHACK_UI_DIALOG_H
#define JOURNEYHACK_UI_DIALOG_H

#include <stddef.h>

struct ui;

struct ui_pick_item {
	const char *label;
	int marked;
};

int ui_dialog_confirm(struct ui *ui, const char *question);
/* One-line prompt on the message line; 1 with buf filled, 0 cancelled. */
int ui_dialog_prompt(struct ui *ui, const char *label, char *buf, size_t size);
/* Choose from items (multi: Space marks several). Returns the index
 * chosen, or -1 when cancelled. */
long ui_dialog_pick(struct ui *ui, const char *title, struct ui_pick_item *items, size_t n,
		    size_t start, int multi);
/* The keys of the current view (titled `title`), forms and lists. */
void ui_dialog_help(struct ui *ui, const char *title);

#endif
