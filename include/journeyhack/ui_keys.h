/* ui_keys.h: every user action (keys.def, beside this header) and the
 * keys bound to it, by context. */
#ifndef JOURNEYHACK_UI_KEYS_H
#define JOURNEYHACK_UI_KEYS_H

#include <stddef.h>

struct config;

/* Where an action applies: views, forms, pick lists and dialogs. The view
 * masks name enum ui_view_id (view.h), which is in scope where they are
 * expanded. */
#define UI_IN(v)       (1u << (v))
#define UI_IN_VIEWS    ((1u << UI_NVIEWS) - 1)
#define UI_IN_EDITABLE (UI_IN_VIEWS & ~UI_IN(UI_VIEW_AGENDA))
#define UI_IN_FORM     (1u << 16)
#define UI_IN_LIST     (1u << 17)

/* Key codes: characters are their code point; curses function keys are
 * moved above Unicode so they never collide with a typed character. */
#define UI_FKEY(k)   (0x200000 | (k))
#define UI_CTRL(c)   ((c)&0x1f)
#define UI_KEY_ESC   27
#define UI_KEY_ENTER '\r'
#define UI_KEY_NONE  (-1) /* nothing pressed: redraw (timer, reload, resize) */
#define UI_KEY_EOF   (-2) /* replay keys ran out, or a signal asked to quit */
#define UI_KEY_MOUSE (-3) /* a mouse event waits in ui->mouse_* */

enum ui_action {
#define UI_ACTION(id, name, help, where, ...) UI_ACT_##id,
#include "journeyhack/keys.def"
#undef UI_ACTION
	UI_NACTIONS
};

struct ui_action_info {
	enum ui_action act;
	const char *name;
	const char *help;
	unsigned where;
	const int *keys; /* 0-terminated */
};

/* The action bound to key in context `where` (one UI_IN bit), or -1. */
int ui_keys_action(int key, unsigned where);
const struct ui_action_info *ui_keys_info(enum ui_action act);
/* Bind the configuration's keys in place of keys.def's (NULL: keys.def's
 * again). */
void ui_keys_apply(const struct config *c);
/* The name of the first key bound to act, for hints ("u undoes"); the
 * action's name in angle brackets when it has no key. */
const char *ui_keys_first(enum ui_action act);
/* Human name of a key, as the configuration writes it: "j", "Down",
 * "C-l", "Tab", "Space", "å". */
void ui_keys_name(int key, char *buf, size_t size);
/* "j Down": the keys of an action. */
void ui_keys_list(enum ui_action act, char *buf, size_t size);

#endif
