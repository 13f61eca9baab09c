/* ui_term.h: the terminal: curses on and off, signals, keys (typed or
 * replayed), and the screen dump. The bottom of the UI: it calls nothing
 * above it; the loop above hooks in through ui->poll. */
#ifndef JOURNEYHACK_UI_TERM_H
#define JOURNEYHACK_UI_TERM_H

#include <stdint.h>

#include "journeyhack/err.h"

struct ui;

/* Prefer a UTF-8 locale and note whether text is UTF-8 (ui->utf8). */
void ui_term_locale(struct ui *ui);
/* Quit signals set a flag; fatal ones restore the terminal first. */
void ui_term_signals(void);
/* Curses on a terminal, or on /dev/null for a replay of rows x cols. */
int ui_term_start(struct ui *ui, int rows, int cols, struct jh_err *err);
void ui_term_stop(void);
/* Next key (UI_KEY_NONE on a tick, reload or resize; UI_KEY_EOF to stop). */
int ui_term_key(struct ui *ui);
/* The screen as plain UTF-8 text into path. */
int ui_term_dump(const char *path, struct jh_err *err);
int64_t ui_term_now(void);
int64_t ui_term_now_ms(void);

#endif
