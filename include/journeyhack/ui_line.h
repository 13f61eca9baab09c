/* ui_line.h: one line of editable text with a cursor, shared by form
 * fields and the prompt: insert, delete and move by whole UTF-8
 * characters, and draw with the cursor kept in view. */
#ifndef JOURNEYHACK_UI_LINE_H
#define JOURNEYHACK_UI_LINE_H

#include <stddef.h>

#include <curses.h>

struct ui_line {
	char *text;    /* owned, never NULL */
	size_t cursor; /* byte offset into text, on a character boundary */
	size_t max;    /* the most bytes text may hold; 0: no limit */
};

/* Start with a copy of text (NULL: empty), the cursor at its end. */
void ui_line_init(struct ui_line *l, const char *text, size_t max);
void ui_line_free(struct ui_line *l);
/* Replace the text; the cursor goes to its end. */
void ui_line_set(struct ui_line *l, const char *text);
/* Insert code point cp at the cursor; -1 when it would not fit in max. */
int ui_line_insert(struct ui_line *l, unsigned int cp);
/* Delete the character before (backspace) or under (delete) the cursor. */
void ui_line_backspace(struct ui_line *l);
void ui_line_delete(struct ui_line *l);
/* Move the cursor one character (dir 1 right, -1 left), or to an end. */
void ui_line_move(struct ui_line *l, int dir);
void ui_line_home(struct ui_line *l);
void ui_line_end(struct ui_line *l);
/* Draw in w columns at (y, x), scrolled so the cursor stays inside;
 * returns the cursor's screen column. */
int ui_line_draw(const struct ui_line *l, int y, int x, int w, attr_t a);

#endif
