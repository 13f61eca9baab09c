/* ui_draw.c: colours by meaning, symbols, and clipped, width-true text.
 *
 * Every string a view shows passes through text_fit (text.h), so display
 * width is measured one way everywhere, nothing is split mid-character
 * and no control character in item text reaches the terminal. Nothing
 * here draws outside the screen, which is what makes 1x1 safe. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "journeyhack/text.h"
#include "journeyhack/ui_draw.h"
#include "journeyhack/ui_theme.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

static const char *const glyphs_utf8[UI_NGLYPHS] = {
    [UI_G_HLINE] = "\u2500", [UI_G_VLINE] = "\u2502", [UI_G_TL] = "\u250c",
    [UI_G_TR] = "\u2510",    [UI_G_BL] = "\u2514",    [UI_G_BR] = "\u2518",
    [UI_G_UP] = "\u25b2",    [UI_G_DOWN] = "\u25bc",  [UI_G_DOT] = "\u25cf",
    [UI_G_EMPTY] = "\u25cb", [UI_G_STAR] = "\u2605",  [UI_G_PLAY] = "\u25b6",
    [UI_G_PAUSE] = "\u2016", [UI_G_LOCK] = "\u25a3",  [UI_G_ARROW] = "\u203a",
    [UI_G_SEP] = "\u2502",
};

static const char *const glyphs_ascii[UI_NGLYPHS] = {
    [UI_G_HLINE] = "-", [UI_G_VLINE] = "|", [UI_G_TL] = "+",	[UI_G_TR] = "+",
    [UI_G_BL] = "+",	[UI_G_BR] = "+",    [UI_G_UP] = "^",	[UI_G_DOWN] = "v",
    [UI_G_DOT] = "*",	[UI_G_EMPTY] = ".", [UI_G_STAR] = "*",	[UI_G_PLAY] = ">",
    [UI_G_PAUSE] = "=", [UI_G_LOCK] = "#",  [UI_G_ARROW] = ">", [UI_G_SEP] = "|",
};

/* The colours are the configured theme's (ui_theme.c). */
void ui_colors_init(struct ui *ui)
{
	ui_theme_start(ui);
}

attr_t ui_attr(const struct ui *ui, enum ui_color c)
{
	return ui_theme_attr(ui, c);
}

const char *ui_glyph(const struct ui *ui, enum ui_glyph g)
{
	if ((int)g < 0 || g >= UI_NGLYPHS)
		return "?";
	return ui->utf8 ? glyphs_utf8[g] : glyphs_ascii[g];
}

/* One growing buffer for fitted text: drawing happens on one thread and
 * never nests, and a 1000-column screen must not overflow a fixed array. */
static char *fitbuf;
static size_t fitsize;

static char *fit(const char *s, int w, int pad)
{
	size_t need = (size_t)w * 4 + 16;

	if (need > fitsize) {
		fitbuf = util_xrealloc(fitbuf, need);
		fitsize = need;
	}
	text_fit(s ? s : "", w, pad, fitbuf, fitsize);
	return fitbuf;
}

/* Put one terminal cell (text_cell) of safe text at the cursor. curses
 * would give each pictograph of an emoji sequence a cell of its own and
 * so believe the sequence four or six columns wide where the terminal
 * draws two: the cell is built whole, the joined pictographs stored
 * after the first character as its marks are. Past CCHARW_MAX
 * characters the rest is left out, as terminals do (tmux keeps about as
 * many), and a joiner that would be left last goes too. */
static void put_cell(const char *s, size_t len)
{
	wchar_t wc[CCHARW_MAX + 1] = {0};
	cchar_t cc;
	size_t i = 0, k = 0;

	while (i < len && k < CCHARW_MAX) {
		unsigned int cp;
		i += text_decode(s + i, len - i, &cp);
		wc[k++] = (wchar_t)cp;
	}
	while (k > 1 && wc[k - 1] == 0x200D)
		wc[--k] = 0;
	if (setcchar(&cc, wc, A_NORMAL, 0, NULL) == ERR)
		return;
	/* setcchar stops at the first character with a width of its own;
	 * the joined pictographs are put back as the terminal will draw
	 * them, inside the cell. */
	for (i = 1; i < k; i++)
		cc.chars[i] = wc[i];
	add_wch(&cc);
}

static void put_cells(const char *s)
{
	size_t len = strlen(s), i = 0;

	while (i < len) {
		int w;
		size_t n = text_cell(s + i, len - i, &w);

		put_cell(s + i, n);
		i += n;
	}
}

int ui_text(int y, int x, int w, const char *s, attr_t a, int pad)
{
	char *out;

	if (y < 0 || y >= LINES || x < 0 || x >= COLS || w <= 0)
		return 0;
	if (w > COLS - x)
		w = COLS - x;
	out = fit(s, w, pad);
	attrset(a);
	move(y, x);
	put_cells(out);
	attrset(A_NORMAL);
	return text_width(out);
}

int ui_textf(int y, int x, int w, attr_t a, int pad, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return ui_text(y, x, w, buf, a, pad);
}

void ui_fill(int y, int x, int w, attr_t a)
{
	ui_text(y, x, w, "", a, 1);
}

void ui_hline(const struct ui *ui, int y, int x, int w, attr_t a)
{
	const char *g = ui_glyph(ui, UI_G_HLINE);

	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	if (w > COLS - x)
		w = COLS - x;
	attrset(a);
	for (int i = 0; i < w; i++)
		mvaddstr(y, x + i, g);
	attrset(A_NORMAL);
}

void ui_box(const struct ui *ui, const struct ui_rect *r, const char *title, attr_t a)
{
	if (r->h < 2 || r->w < 2)
		return;
	for (int y = r->y + 1; y < r->y + r->h - 1; y++) {
		ui_text(y, r->x, 1, ui_glyph(ui, UI_G_VLINE), a, 0);
		ui_fill(y, r->x + 1, r->w - 2, A_NORMAL);
		ui_text(y, r->x + r->w - 1, 1, ui_glyph(ui, UI_G_VLINE), a, 0);
	}
	ui_text(r->y, r->x, 1, ui_glyph(ui, UI_G_TL), a, 0);
	ui_hline(ui, r->y, r->x + 1, r->w - 2, a);
	ui_text(r->y, r->x + r->w - 1, 1, ui_glyph(ui, UI_G_TR), a, 0);
	ui_text(r->y + r->h - 1, r->x, 1, ui_glyph(ui, UI_G_BL), a, 0);
	ui_hline(ui, r->y + r->h - 1, r->x + 1, r->w - 2, a);
	ui_text(r->y + r->h - 1, r->x + r->w - 1, 1, ui_glyph(ui, UI_G_BR), a, 0);
	if (title && *title && r->w > 6) {
		char t[512];
		snprintf(t, sizeof t, " %s ", title);
		ui_text(r->y, r->x + 2, r->w - 4, t, a | A_BOLD, 0);
	}
}

/* The end of the next wrapped line of s (width w), and where the line
 * after it starts. Breaks at the last space that fits; a word longer than
 * the line is cut between grapheme clusters. */
static const char *wrap_line(const char *s, const char *end, int w, const char **next)
{
	const char *p = s, *brk = NULL;
	int used = 0;

	while (p < end && *p != '\n') {
		int cw;
		size_t l = text_cluster(p, (size_t)(end - p), &cw);
		if (*p == ' ')
			brk = p;
		if (used + cw > w && p > s) {
			if (brk && brk > s) {
				*next = brk + 1;
				return brk;
			}
			*next = p;
			return p;
		}
		used += cw;
		p += l;
	}
	*next = p < end ? p + 1 : p;
	return p;
}

void ui_columns(char *buf, size_t size, int w, const char *left, int at, const char *labels)
{
	size_t n;

	if (at > w)
		at = w;
	n = text_fit(left, at > 1 ? at - 1 : 0, 1, buf, size);
	if (n + 1 < size)
		snprintf(buf + n, size - n, " %s", labels);
}

int ui_wrap(const struct ui_rect *r, int skip, const char *text, attr_t a)
{
	const char *p = text ? text : "", *end = p + strlen(p);
	int line = 0;
	char *buf = NULL;
	size_t cap = 0;

	if (r->w <= 0)
		return 0;
	while (p < end) {
		const char *next, *e = wrap_line(p, end, r->w, &next);
		/* A soft break eats the spaces it broke at. */
		if (next > p && next[-1] != '\n')
			while (next < end && *next == ' ')
				next++;
		int y = line - skip;
		if (y >= 0 && y < r->h) {
			size_t len = (size_t)(e - p);
			if (len + 1 > cap) {
				cap = len + 64;
				buf = util_xrealloc(buf, cap);
			}
			memcpy(buf, p, len);
			buf[len] = '\0';
			ui_text(r->y + y, r->x, r->w, buf, a, 0);
		}
		line++;
		if (line - skip >= r->h && r->h > 0)
			break;
		p = next;
	}
	free(buf);
	return line;
}

void ui_score_text(const struct ui *ui, int score, char *buf, size_t size)
{
	const char *g = ui_glyph(ui, score < 0 ? UI_G_DOWN : UI_G_UP);

	if (score == 0)
		snprintf(buf, size, " 0 =");
	else if (score < -1 || score > 1)
		snprintf(buf, size, "%+d %s%s", score, g, g);
	else
		snprintf(buf, size, "%+d %s", score, g);
}

enum ui_color ui_score_color(int score)
{
	return score < 0 ? UI_C_NEGATIVE : score > 0 ? UI_C_POSITIVE : UI_C_NEUTRAL;
}

void ui_dots(const struct ui *ui, int n, int max, char *buf, size_t size)
{
	size_t len = 0;

	if (size)
		buf[0] = '\0';
	for (int i = 0; i < max && len + 4 < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s",
					ui_glyph(ui, i < n ? UI_G_DOT : UI_G_EMPTY));
}

/* Lower-cased code points of s into out (at most max). */
static size_t fold(const char *s, unsigned int *out, size_t max)
{
	size_t n = 0, len = strlen(s);

	while (len && n < max) {
		unsigned int cp;
		size_t l = text_decode(s, len, &cp);
		out[n++] = (unsigned int)towlower((wint_t)cp);
		s += l;
		len -= l;
	}
	return n;
}

int ui_match(const char *hay, const char *needle)
{
	unsigned int h[1024], nd[256];
	size_t nh, nn;

	if (!needle || !*needle)
		return 1;
	if (!hay || !*hay)
		return 0;
	nn = fold(needle, nd, 256);
	nh = fold(hay, h, 1024);
	for (size_t i = 0; i + nn <= nh; i++) {
		size_t j = 0;
		while (j < nn && h[i + j] == nd[j])
			j++;
		if (j == nn)
			return 1;
	}
	return 0;
}
