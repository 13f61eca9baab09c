/* ui_theme.h: colours by meaning on the terminal, from the configured
 * theme (config.h): colour pairs where the terminal has colours and
 * NO_COLOR is not set, the theme's attributes alone where not. */
#ifndef JOURNEYHACK_UI_THEME_H
#define JOURNEYHACK_UI_THEME_H

#include <curses.h>

#include "journeyhack/ui_draw.h"

struct config;
struct ui;

/* Take the configuration's colours (NULL: the default theme); they are
 * used from the next ui_theme_start. */
void ui_theme_set(const struct config *c);
/* Start colour on the terminal curses runs on, choosing ui->scheme. */
void ui_theme_start(struct ui *ui);
/* The attributes that draw meaning c in the scheme started. */
attr_t ui_theme_attr(const struct ui *ui, enum ui_color c);

#endif
