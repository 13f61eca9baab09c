/* ui_theme.c: colours by meaning on the terminal. The meanings are
 * config.h's, one for one with enum ui_color; a theme is data there, and
 * this file only turns it into curses pairs and attributes. */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/config.h"
#include "journeyhack/ui_theme.h"
#include "journeyhack/view.h"

#define SAME_MEANING(id, name)                                                                     \
	_Static_assert((int)UI_C_##id == (int)CONFIG_C_##id, "meaning " name);
CONFIG_MEANINGS(SAME_MEANING)
#undef SAME_MEANING
_Static_assert((int)UI_NCOLORS == (int)CONFIG_NMEANINGS, "one list of meanings");

enum { SCHEME_COLOR, SCHEME_MONO };

static struct config_color colors[UI_NCOLORS];
static int colors_set;

void ui_theme_set(const struct config *c)
{
	memcpy(colors, c ? c->colors : config_theme_colors(0), sizeof colors);
	colors_set = 1;
}

static attr_t attrs(unsigned a)
{
	static const struct {
		unsigned bit;
		attr_t attr;
	} map[] = {
	    {CONFIG_A_BOLD, A_BOLD},	       {CONFIG_A_DIM, A_DIM},
	    {CONFIG_A_UNDERLINE, A_UNDERLINE}, {CONFIG_A_REVERSE, A_REVERSE},
	    {CONFIG_A_STANDOUT, A_STANDOUT},   {CONFIG_A_BLINK, A_BLINK},
	    {CONFIG_A_ITALIC, A_ITALIC},
	};
	attr_t out = A_NORMAL;

	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (a & map[i].bit)
			out |= map[i].attr;
	return out;
}

/* A colour this terminal lacks: a bright one becomes its plain form, any
 * other the terminal's own. */
static short fit(short c)
{
	if (c < COLORS)
		return c;
	return c < 16 ? (short)(c % 8) : -1;
}

void ui_theme_start(struct ui *ui)
{
	const char *no_color = getenv("NO_COLOR");
	const struct config_color *normal = &colors[UI_C_NORMAL];

	if (!colors_set)
		ui_theme_set(NULL);
	ui->scheme = SCHEME_MONO;
	/* https://no-color.org: any non-empty value turns colour off, whatever
	 * the theme; attributes (bold, reverse) stay, they are not colour. */
	if ((no_color && *no_color) || !has_colors() || start_color() == ERR)
		return;
	/* A theme with its own normal colours (light) paints the whole
	 * screen, and "default" in the other meanings means those. */
	if (normal->fg < 0 && normal->bg < 0)
		use_default_colors();
	else
		assume_default_colors(fit(normal->fg), fit(normal->bg));
	if (COLORS < 8 || COLOR_PAIRS < UI_NCOLORS + 1)
		return;
	ui->scheme = SCHEME_COLOR;
	for (int i = 1; i < UI_NCOLORS; i++)
		init_pair((short)i, fit(colors[i].fg), fit(colors[i].bg));
}

attr_t ui_theme_attr(const struct ui *ui, enum ui_color c)
{
	if ((int)c < 0 || c >= UI_NCOLORS)
		return A_NORMAL;
	if (!colors_set)
		ui_theme_set(NULL);
	if (ui->scheme != SCHEME_COLOR)
		return attrs(colors[c].mono);
	if (c == UI_C_NORMAL)
		return attrs(colors[c].attrs);
	return COLOR_PAIR(c) | attrs(colors[c].attrs);
}
