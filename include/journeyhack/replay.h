/* replay.h: the --replay key file, parsed without any terminal.
 *
 * A pure function (bytes in, events out) so a fuzzer can drive it and the
 * UI turns the events into the key codes it would read from a keyboard.
 *
 * Syntax: UTF-8 text; every character stands for itself, except:
 *   newline (and CR)          ignored, so long sequences can be wrapped;
 *   a line starting with '#'  a comment (type '#' there as <Hash>);
 *   <Name>                    a special key, names case-insensitive:
 *     Up Down Left Right PageUp PageDown Home End Enter Esc Tab BTab
 *     Backspace Delete Insert Space lt (a literal '<') Hash F1..F12
 *   <C-x>                     Control and a letter (or one of @[\]^_?);
 *   <M-x>                     Alt: Esc followed by the character;
 *   <Resize COLSxROWS>        resize the virtual screen (1..1000 each);
 *   <Click X,Y>               mouse press at column X, row Y (0-based);
 *   <WheelUp> <WheelDown>     mouse wheel (optionally X,Y).
 * Errors name LINE:COLUMN (1-based, columns in characters). */
#ifndef JOURNEYHACK_REPLAY_H
#define JOURNEYHACK_REPLAY_H

#include <stddef.h>

#include "journeyhack/err.h"

enum replay_type {
	REPLAY_CHAR,	/* code: a Unicode code point (controls included) */
	REPLAY_SPECIAL, /* code: enum replay_key */
	REPLAY_RESIZE,	/* x: columns, y: rows */
	REPLAY_CLICK,	/* x, y */
	REPLAY_WHEEL_UP,
	REPLAY_WHEEL_DOWN
};

enum replay_key {
	REPLAY_UP = 1,
	REPLAY_DOWN,
	REPLAY_LEFT,
	REPLAY_RIGHT,
	REPLAY_PAGEUP,
	REPLAY_PAGEDOWN,
	REPLAY_HOME,
	REPLAY_END,
	REPLAY_BTAB,
	REPLAY_BACKSPACE,
	REPLAY_DELETE,
	REPLAY_INSERT,
	REPLAY_F1 /* F1..F12 follow */
};

struct replay_event {
	enum replay_type type;
	unsigned int code;
	int x, y;
};

#define REPLAY_MAX_SIZE 1000

/* Parse len bytes (NUL bytes are an error). On success returns 0 with
 * *out (free with free()) and *n; on error returns -1, fills err with
 * "LINE:COLUMN: message" and sets *line and *column when not NULL. */
int replay_parse(const char *buf, size_t len, struct replay_event **out, size_t *n, int *line,
		 int *column, struct jh_err *err);

/* Read the key script at path (as fileread_all does) and parse it; a
 * parse error reads "PATH: LINE:COLUMN: message". */
int replay_load(const char *path, struct replay_event **out, size_t *n, struct jh_err *err);

#endif
