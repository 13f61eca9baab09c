/* presenter.c: the big digits of the projector view (presenter.h). */
#include <stdio.h>
#include <string.h>

#include "journeyhack/presenter.h"

/* Three pixels wide so "0" and "8" stay open at the smallest size. */
static const char *const digits[10][PRESENTER_GLYPH_ROWS] = {
    {"###", "# #", "# #", "# #", "###"}, {" # ", "## ", " # ", " # ", "###"},
    {"###", "  #", "###", "#  ", "###"}, {"###", "  #", "###", "  #", "###"},
    {"# #", "# #", "###", "  #", "  #"}, {"###", "#  ", "###", "  #", "###"},
    {"###", "#  ", "###", "# #", "###"}, {"###", "  #", "  #", "  #", "  #"},
    {"###", "# #", "###", "# #", "###"}, {"###", "# #", "###", "  #", "###"},
};
static const char *const colon[PRESENTER_GLYPH_ROWS] = {" ", "#", " ", "#", " "};
static const char *const minus[PRESENTER_GLYPH_ROWS] = {"   ", "   ", "###", "   ", "   "};
static const char *const blank[PRESENTER_GLYPH_ROWS] = {"   ", "   ", "   ", "   ", "   "};

int presenter_glyph(char c, const char *const **rows)
{
	if (c >= '0' && c <= '9')
		*rows = digits[c - '0'];
	else if (c == ':')
		*rows = colon;
	else if (c == '-')
		*rows = minus;
	else
		*rows = blank;
	return (int)strlen((*rows)[0]);
}

int presenter_units(const char *text)
{
	int units = 0;

	for (const char *p = text; *p; p++) {
		const char *const *rows;
		units += presenter_glyph(*p, &rows) + (p != text);
	}
	return units;
}

int presenter_layout(int width, int height, int units, struct presenter_size *out)
{
	out->px = out->py = 0;
	if (units <= 0 || width <= 0 || height <= 0)
		return 0;
	/* The tallest pixel first; the width then allows at most 2x it. */
	for (int py = height / PRESENTER_GLYPH_ROWS; py >= 1; py--) {
		int px = width / units;
		if (px > 2 * py)
			px = 2 * py;
		if (px >= py) {
			out->px = px;
			out->py = py;
			return 1;
		}
	}
	return 0;
}

void presenter_clock(long left, char *buf, unsigned long size)
{
	unsigned long a = left < 0 ? 0UL - (unsigned long)left : (unsigned long)left;

	snprintf(buf, size, "%s%02lu:%02lu", left < 0 ? "-" : "", a / 60, a % 60);
}
