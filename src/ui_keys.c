/* ui_keys.c: the action table generated from keys.def, and key names. */
#include <stdio.h>
#include <string.h>

#include "journeyhack/ui_keys.h"
#include "journeyhack/view.h"

#define UI_ACTION(id, name, help, where, ...) static const int keys_##id[] = {__VA_ARGS__, 0};
#include "journeyhack/keys.def"
#undef UI_ACTION

static const struct ui_action_info actions[UI_NACTIONS] = {
#define UI_ACTION(id, name, help, where, ...) {UI_ACT_##id, name, help, where, keys_##id},
#include "journeyhack/keys.def"
#undef UI_ACTION
};

const struct ui_action_info *ui_keys_info(enum ui_action act)
{
	if ((int)act < 0 || act >= UI_NACTIONS)
		return NULL;
	return &actions[act];
}

int ui_keys_action(int key, unsigned where)
{
	for (size_t i = 0; i < UI_NACTIONS; i++) {
		if (!(actions[i].where & where))
			continue;
		for (const int *k = actions[i].keys; *k; k++)
			if (*k == key)
				return (int)i;
	}
	return -1;
}

static const struct {
	int key;
	const char *name;
} key_names[] = {
    {'\t', "Tab"},
    {'\r', "Enter"},
    {' ', "Space"},
    {27, "Esc"},
    {127, "Backspace"},
    {8, "C-h"},
    {UI_FKEY(KEY_BTAB), "S-Tab"},
    {UI_FKEY(KEY_DOWN), "Down"},
    {UI_FKEY(KEY_UP), "Up"},
    {UI_FKEY(KEY_LEFT), "Left"},
    {UI_FKEY(KEY_RIGHT), "Right"},
    {UI_FKEY(KEY_NPAGE), "PgDn"},
    {UI_FKEY(KEY_PPAGE), "PgUp"},
    {UI_FKEY(KEY_HOME), "Home"},
    {UI_FKEY(KEY_END), "End"},
    {UI_FKEY(KEY_DC), "Delete"},
    {UI_FKEY(KEY_BACKSPACE), "Backspace"},
};

void ui_keys_name(int key, char *buf, size_t size)
{
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (key_names[i].key == key) {
			snprintf(buf, size, "%s", key_names[i].name);
			return;
		}
	if (key >= UI_FKEY(KEY_F(1)) && key <= UI_FKEY(KEY_F(12)))
		snprintf(buf, size, "F%d", key - UI_FKEY(KEY_F(0)));
	else if (key > 0 && key < 32)
		snprintf(buf, size, "C-%c", key + 'a' - 1);
	else if (key > 32 && key < 127)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "#%d", key);
}

void ui_keys_list(enum ui_action act, char *buf, size_t size)
{
	const struct ui_action_info *a = ui_keys_info(act);
	size_t len = 0;

	if (size)
		buf[0] = '\0';
	for (const int *k = a ? a->keys : NULL; k && *k && len < size; k++) {
		char name[32];
		int dup = 0;
		ui_keys_name(*k, name, sizeof name);
		/* Backspace has several codes with one name: list it once. */
		for (const int *j = a->keys; j < k; j++) {
			char other[32];
			ui_keys_name(*j, other, sizeof other);
			dup |= !strcmp(other, name);
		}
		if (dup)
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? " " : "", name);
	}
}
