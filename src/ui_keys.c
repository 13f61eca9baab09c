/* ui_keys.c: the action table generated from keys.def, the keys the
 * configuration binds in place of the defaults, and key names. */
#include <stdio.h>
#include <string.h>

#include "journeyhack/config.h"
#include "journeyhack/ui_keys.h"
#include "journeyhack/view.h"

#define UI_ACTION(id, name, help, where, ...) static const int keys_##id[] = {__VA_ARGS__, 0};
#include "journeyhack/keys.def"
#undef UI_ACTION

static const int *const default_keys[UI_NACTIONS] = {
#define UI_ACTION(id, name, help, where, ...) keys_##id,
#include "journeyhack/keys.def"
#undef UI_ACTION
};

/* keys points at the defaults, or at the configured keys (ui_keys_apply). */
static struct ui_action_info actions[UI_NACTIONS] = {
#define UI_ACTION(id, name, help, where, ...) {UI_ACT_##id, name, help, where, keys_##id},
#include "journeyhack/keys.def"
#undef UI_ACTION
};

_Static_assert((int)CONFIG_NACTIONS == (int)UI_NACTIONS,
	       "config.h and ui_keys.h read one keys.def");

/* The configuration's named keys as curses codes, by the names they
 * share. */
static const int named_keys[] = {
#define NAMED_KEY(id, name) KEY_##id,
    CONFIG_NAMED_KEYS(NAMED_KEY)
#undef NAMED_KEY
};

#define NNAMED (sizeof named_keys / sizeof named_keys[0])

/* The codes curses hands over for a configured key: Backspace arrives as
 * the terminal's key or as DEL. Returns how many. */
static size_t from_config(int key, int *out)
{
	if (key > CONFIG_KEY_F(0) && key <= CONFIG_KEY_F(CONFIG_NFKEYS)) {
		out[0] = UI_FKEY(KEY_F(key - CONFIG_KEY_F(0)));
		return 1;
	}
	if (key >= CONFIG_KEY_NAMED && (size_t)(key - CONFIG_KEY_NAMED) < NNAMED) {
		out[0] = UI_FKEY(named_keys[key - CONFIG_KEY_NAMED]);
		out[1] = 127;
		return key == CONFIG_KEY_BACKSPACE ? 2 : 1;
	}
	out[0] = key;
	return 1;
}

/* A key code as the configuration writes it, or -1. */
static int to_config(int key)
{
	int k = key & ~UI_FKEY(0);

	if (!(key & UI_FKEY(0)))
		return key;
	if (k > KEY_F(0) && k <= KEY_F(CONFIG_NFKEYS))
		return CONFIG_KEY_F(k - KEY_F(0));
	for (size_t i = 0; i < NNAMED; i++)
		if (named_keys[i] == k)
			return CONFIG_KEY_NAMED + (int)i;
	return -1;
}

void ui_keys_apply(const struct config *c)
{
	static int bound[UI_NACTIONS][2 * CONFIG_MAX_KEYS + 1];

	for (int a = 0; a < UI_NACTIONS; a++) {
		size_t n = 0;
		actions[a].keys = c ? bound[a] : default_keys[a];
		for (size_t i = 0; c && i < c->bind[a].n; i++)
			n += from_config(c->bind[a].keys[i], &bound[a][n]);
		bound[a][n] = 0;
	}
}

const char *ui_keys_first(enum ui_action act)
{
	static char first[UI_NACTIONS][40];
	const struct ui_action_info *a = ui_keys_info(act);

	if (!a)
		return "";
	if (a->keys[0])
		ui_keys_name(a->keys[0], first[act], sizeof first[act]);
	else
		snprintf(first[act], sizeof first[act], "<%s>", a->name);
	return first[act];
}

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

void ui_keys_name(int key, char *buf, size_t size)
{
	int k = to_config(key);

	if (k < 0)
		snprintf(buf, size, "#%d", key);
	else
		config_key_name(k, buf, size);
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
