/* presenter.h: the big digits of the projector view, as pure layout.
 *
 * A clock such as "-02:15" is drawn from 3x5 (colon: 1x5) glyphs of
 * blocks; each glyph pixel becomes a rectangle of cells, as large as the
 * area allows, no narrower than it is tall and at most twice as wide
 * (terminal cells are about twice as tall as wide). No curses here. */
#ifndef JOURNEYHACK_PRESENTER_H
#define JOURNEYHACK_PRESENTER_H

#define PRESENTER_GLYPH_ROWS 5

/* The size of one glyph pixel in cells; 0x0: no room for big digits. */
struct presenter_size {
	int px; /* columns per pixel */
	int py; /* rows per pixel */
};

/* Pixel columns the text takes: each glyph's width and one blank column
 * between glyphs. Characters without a glyph count as a blank glyph. */
int presenter_units(const char *text);

/* The largest pixel that fits `units` pixel columns and 5 pixel rows
 * into width x height cells, with py <= px <= 2 * py; 0 with *out 0x0
 * when not even one cell per pixel fits (the caller writes plain text). */
int presenter_layout(int width, int height, int units, struct presenter_size *out);

/* Glyph of c: its width in pixels (0: no glyph), and in *rows its five
 * rows as strings of '#' and ' '. */
int presenter_glyph(char c, const char *const **rows);

/* The clock for `left` seconds: "MM:SS", "-MM:SS" when over time;
 * minutes are not capped at 99. */
void presenter_clock(long left, char *buf, unsigned long size);

#endif
