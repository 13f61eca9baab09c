/* config.h: the user's configuration file (journeyhack-config(5)): key
 * bindings by action name, colour themes by meaning, and defaults for the
 * database, the participant, the export folder and the time-up bell.
 *
 * Pure: it reads text and keeps the effective settings; it never prints
 * and never touches the terminal. Keys and colours are kept in its own
 * codes, which the interface maps to curses (ui_keys.c, ui_theme.c). */
#ifndef JOURNEYHACK_CONFIG_H
#define JOURNEYHACK_CONFIG_H

#include <stddef.h>
#include <stdio.h>

#include "journeyhack/err.h"

/* ---- keys ----
 * A character is its code point (control characters included); the named
 * keys below and the function keys sit above Unicode. The ids are the
 * curses key names without KEY_, so the interface maps them by pasting. */
#define CONFIG_KEY_NAMED 0x110000
#define CONFIG_NAMED_KEYS(X)                                                                       \
	X(BTAB, "S-Tab")                                                                           \
	X(DOWN, "Down")                                                                            \
	X(UP, "Up")                                                                                \
	X(LEFT, "Left")                                                                            \
	X(RIGHT, "Right")                                                                          \
	X(NPAGE, "PgDn")                                                                           \
	X(PPAGE, "PgUp")                                                                           \
	X(HOME, "Home")                                                                            \
	X(END, "End")                                                                              \
	X(DC, "Delete")                                                                            \
	X(IC, "Insert")                                                                            \
	X(BACKSPACE, "Backspace")

enum config_named_key {
	CONFIG_KEY_NAMED_BEFORE = CONFIG_KEY_NAMED - 1,
#define CONFIG_KEY_ENUM(id, name) CONFIG_KEY_##id,
	CONFIG_NAMED_KEYS(CONFIG_KEY_ENUM)
#undef CONFIG_KEY_ENUM
	    CONFIG_KEY_NAMED_END
};

#define CONFIG_NFKEYS	24
#define CONFIG_KEY_F(n) (CONFIG_KEY_NAMED + 0x100 + (n))
#define CONFIG_MAX_KEYS 8 /* keys one action may have */

/* The actions, in keys.def's order (the same as enum ui_action). */
enum {
#define UI_ACTION(id, name, help, where, ...) CONFIG_ACT_##id,
#include "journeyhack/keys.def"
#undef UI_ACTION
	CONFIG_NACTIONS
};

/* ---- colours ----
 * The meanings, in the order of enum ui_color (ui_draw.h). */
#define CONFIG_MEANINGS(X)                                                                         \
	X(NORMAL, "normal")                                                                        \
	X(TITLE, "title")                                                                          \
	X(TAB, "tab")                                                                              \
	X(STATUS, "status")                                                                        \
	X(SELECTED, "selected")                                                                    \
	X(HEADER, "header")                                                                        \
	X(DIM, "dim")                                                                              \
	X(NEGATIVE, "negative")                                                                    \
	X(NEUTRAL, "neutral")                                                                      \
	X(POSITIVE, "positive")                                                                    \
	X(ALARM, "alarm")                                                                          \
	X(OVERDUE, "overdue")                                                                      \
	X(WARNING, "warning")                                                                      \
	X(ERROR, "error")                                                                          \
	X(CURRENT, "current")                                                                      \
	X(BORDER, "border")                                                                        \
	X(MARK, "mark")

enum config_meaning {
#define CONFIG_MEANING_ENUM(id, name) CONFIG_C_##id,
	CONFIG_MEANINGS(CONFIG_MEANING_ENUM)
#undef CONFIG_MEANING_ENUM
	    CONFIG_NMEANINGS
};

/* Colour numbers are the terminal's: -1 its own default, 0-7 black, red,
 * green, yellow, blue, magenta, cyan, white, 8-15 their bright forms, up
 * to 255 on terminals that have them. */
#define CONFIG_COLOR_DEFAULT (-1)

enum config_attr {
	CONFIG_A_BOLD = 1 << 0,
	CONFIG_A_DIM = 1 << 1,
	CONFIG_A_UNDERLINE = 1 << 2,
	CONFIG_A_REVERSE = 1 << 3,
	CONFIG_A_STANDOUT = 1 << 4,
	CONFIG_A_BLINK = 1 << 5,
	CONFIG_A_ITALIC = 1 << 6
};

/* One meaning: its colours and attributes on a colour terminal, and its
 * attributes alone where there is no colour (or NO_COLOR is set). */
struct config_color {
	short fg, bg;
	unsigned attrs, mono;
};

/* ---- the effective configuration ---- */

struct config_binding {
	int keys[CONFIG_MAX_KEYS];
	size_t n;
};

struct config {
	char *path;	/* the file read, NULL when none was */
	char *database; /* NULL: not set (each of these three) */
	char *participant;
	char *export_folder;
	int bell;  /* ring and flash when the agenda timer runs out */
	int theme; /* index into the built-in themes */
	struct config_color colors[CONFIG_NMEANINGS];
	struct config_binding bind[CONFIG_NACTIONS];
	char **problems; /* "FILE:LINE: message", one per bad line */
	size_t nproblems;
};

/* The built-in defaults: no file. */
void config_init(struct config *c);
void config_free(struct config *c);

/* $XDG_CONFIG_HOME/journeyhack/config, else ~/.config/journeyhack/config;
 * NULL without a home. Caller frees. */
char *config_default_path(void);

/* Read path into c (on top of what c holds). A missing file is no error
 * unless `must_exist` (a file named by the user); an unreadable one
 * returns -1 with err naming it, leaving c as it was. Bad lines do not
 * fail: each adds one entry to c->problems and leaves the setting it
 * would have changed as it was. */
int config_load(struct config *c, const char *path, int must_exist, struct jh_err *err);

/* Parse text as the file `name` (used in the problems). */
void config_parse(struct config *c, const char *name, const char *text, size_t len);

/* Write c in the file's own format: every setting, every binding. */
int config_dump(const struct config *c, FILE *f);

/* path with a leading "~/" put in $HOME. Caller frees. */
char *config_expand(const char *path);

/* ---- names ---- */

/* A key's name ("j", "C-r", "Space", "PgDn", "F5", "å"); -1 when unknown. */
int config_key_parse(const char *name);
void config_key_name(int key, char *buf, size_t size);
/* Action number by name, or -1; and its name. */
int config_action_find(const char *name);
const char *config_action_name(int action);
int config_meaning_find(const char *name);
const char *config_meaning_name(int meaning);
size_t config_theme_count(void);
const char *config_theme_name(size_t theme);
/* The colours of a built-in theme, CONFIG_NMEANINGS of them. */
const struct config_color *config_theme_colors(size_t theme);

#endif
