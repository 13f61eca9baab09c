/* ui_draw.h: drawing that clips to the screen and measures by width, with
 * colours and symbols by meaning. */
#ifndef JOURNEYHACK_UI_DRAW_H
#define JOURNEYHACK_UI_DRAW_H

#include <stddef.h>

#include <curses.h>

#include "journeyhack/err.h"

struct ui;

/* Colours by meaning; ui_attr() maps them to the active scheme. */
enum ui_color {
	UI_C_NORMAL,
	UI_C_TITLE,    /* top bar */
	UI_C_TAB,      /* the current view's tab */
	UI_C_STATUS,   /* status bar */
	UI_C_SELECTED, /* cursor row */
	UI_C_HEADER,   /* group and column headers */
	UI_C_DIM,      /* secondary text */
	UI_C_NEGATIVE, /* below expectations */
	UI_C_NEUTRAL,
	UI_C_POSITIVE, /* above expectations */
	UI_C_ALARM,    /* capital not positive, weakest link */
	UI_C_OVERDUE,
	UI_C_WARNING, /* time up, missing owner */
	UI_C_ERROR,   /* message line errors */
	UI_C_CURRENT, /* current agenda step */
	UI_C_BORDER,
	UI_C_MARK, /* search match, marked entries */
	UI_NCOLORS
};

/* Symbols that carry meaning next to colour; ASCII when not UTF-8. */
enum ui_glyph {
	UI_G_HLINE,
	UI_G_VLINE,
	UI_G_TL,
	UI_G_TR,
	UI_G_BL,
	UI_G_BR,
	UI_G_UP,    /* positive */
	UI_G_DOWN,  /* negative */
	UI_G_DOT,   /* neutral, a dot given */
	UI_G_EMPTY, /* a dot not given */
	UI_G_STAR,  /* weakest link */
	UI_G_PLAY,  /* timer running, current step */
	UI_G_PAUSE,
	UI_G_LOCK,  /* private writing */
	UI_G_ARROW, /* path separator */
	UI_G_SEP,   /* separator in bars */
	UI_NGLYPHS
};

struct ui_rect {
	int y, x, h, w;
};

attr_t ui_attr(const struct ui *ui, enum ui_color c);
const char *ui_glyph(const struct ui *ui, enum ui_glyph g);
void ui_colors_init(struct ui *ui);
/* Draw s at (y, x) in at most w columns (ellipsis when cut, pad to w
 * when pad). Returns the columns used. Never draws outside the screen. */
int ui_text(int y, int x, int w, const char *s, attr_t a, int pad);
int ui_textf(int y, int x, int w, attr_t a, int pad, const char *fmt, ...) JH_PRINTF(6, 7);
void ui_fill(int y, int x, int w, attr_t a);
void ui_hline(const struct ui *ui, int y, int x, int w, attr_t a);
void ui_box(const struct ui *ui, const struct ui_rect *r, const char *title, attr_t a);
/* Wrap text (newlines kept) into r starting `skip` lines down; returns
 * the number of lines the text needs in r's width. */
int ui_wrap(const struct ui_rect *r, int skip, const char *text, attr_t a);
/* A list header: `left` fitted into the columns before `at`, then the
 * column labels (drawn over the row's right-hand columns). */
void ui_columns(char *buf, size_t size, int w, const char *left, int at, const char *labels);
/* Score "-2".."+2" with its symbol, e.g. "-2 ▼▼". */
void ui_score_text(const struct ui *ui, int score, char *buf, size_t size);
enum ui_color ui_score_color(int score);
/* n of max dots as glyphs: "●●○○○" (at most `cols` columns). */
void ui_dots(const struct ui *ui, int n, int max, char *buf, size_t size);
/* Case-insensitive (Unicode lower case) substring test. */
int ui_match(const char *hay, const char *needle);

#endif
