/* export_xml.c: user text in XML and HTML, escaped and fitted to a width.
 *
 * Escaping is the same for both: the five markup characters as entities
 * make text safe as element content and inside either kind of quoted
 * attribute, so one function serves every place user text goes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/export_xml.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"

#define ELLIPSIS "\xe2\x80\xa6"
/* DejaVu Sans Bold runs about a tenth wider than the book face. */
#define BOLD_FACTOR 1.12

/* What XML 1.0 refuses (C0 but tab, newline and CR; U+FFFE, U+FFFF),
 * discourages (DEL, C1) or what would reorder the text around it (bidi
 * controls) is left out. */
static int dropped(unsigned int cp)
{
	if (cp == '\t' || cp == '\n' || cp == '\r')
		return 0;
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF ||
	       text_is_bidi(cp);
}

static const char *entity(unsigned int cp)
{
	switch (cp) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	case '\'':
		return "&#39;";
	default:
		return NULL;
	}
}

void export_xml_text(struct export_w *w, const char *s)
{
	size_t n = strlen(export_w_str(s)), len;
	unsigned int cp;

	s = export_w_str(s);
	for (size_t i = 0; i < n; i += len) {
		len = text_decode(s + i, n - i, &cp);
		if (cp == '\r' && i + 1 < n && s[i + 1] == '\n')
			continue;
		if (cp == '\r' || cp == 0x2028 || cp == 0x2029)
			export_w_putc(w, '\n');
		else if (entity(cp))
			export_w_puts(w, entity(cp));
		else if (!dropped(cp))
			export_w_cp(w, cp);
	}
}

static int space(unsigned int cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029;
}

char *export_xml_flat(const char *s)
{
	size_t n = strlen(export_w_str(s)), len, k = 0;
	/* A code point takes at most as many bytes as the input did, except
	 * an invalid byte, whose U+FFFD takes three. */
	char *out = util_xmalloc(3 * n + 1);
	unsigned int cp;
	int gap = 0;

	s = export_w_str(s);
	for (size_t i = 0; i < n; i += len) {
		len = text_decode(s + i, n - i, &cp);
		if (space(cp)) {
			gap = k > 0;
			continue;
		}
		if (dropped(cp))
			continue;
		if (gap)
			out[k++] = ' ';
		gap = 0;
		k += text_encode(out + k, cp);
	}
	out[k] = '\0';
	return out;
}

/* Advances of DejaVu Sans in thousandths of an em, ' ' to '~'. */
static const short ascii_em[95] = {
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361,  318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635,  611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352,  635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592,  525, 636, 337, 636, 838};

/* Latin-1 letters measure as their base letter ('*' and '/' are the
 * multiplication and division signs); Æ and æ are wider than any. */
static const char latin1_base[] =
    "AAAAAA@CEEEEIIIIDNOOOOO*OUUUUYPsaaaaaamceeeeiiiidnooooo/ouuuuypy";

static int em(unsigned int cp)
{
	int cols;

	if (cp >= 0x20 && cp < 0x7F)
		return ascii_em[cp - 0x20];
	if (cp == 0xC6 || cp == 0xE6)
		return 995;
	if (cp >= 0xC0 && cp <= 0xFF)
		return ascii_em[latin1_base[cp - 0xC0] - 0x20];
	if (cp == 0x2026 || cp == 0x2014)
		return 1000;
	cols = text_cp_width(cp);
	/* East Asian wide characters are square; anything else unknown is
	 * given the width of a broad letter so that it errs on the safe side. */
	return cols <= 0 ? 0 : cols == 2 ? 1000 : 800;
}

static double width_of(const char *s, size_t n, double size, int bold)
{
	long total = 0;
	size_t len;
	unsigned int cp;

	for (size_t i = 0; i < n; i += len) {
		len = text_decode(s + i, n - i, &cp);
		total += em(cp);
	}
	return (double)total / 1000.0 * size * (bold ? BOLD_FACTOR : 1.0);
}

double export_xml_width(const char *s, double size, int bold)
{
	s = export_w_str(s);
	return width_of(s, strlen(s), size, bold);
}

/* Bytes of s[0..n) that fit in width, whole grapheme clusters only, at
 * least one cluster; *brk: where the last space in them starts (0: none). */
static size_t fit(const char *s, size_t n, double size, int bold, double width, size_t *brk)
{
	size_t k = 0;
	int cols;

	*brk = 0;
	while (k < n) {
		size_t len = text_cluster(s + k, n - k, &cols);
		if (k > 0 && width_of(s, k + len, size, bold) > width)
			break;
		if (s[k] == ' ')
			*brk = k;
		k += len;
	}
	return k;
}

/* The last line: as much of s[0..n) as fits with an ellipsis after it. */
static size_t ellipsise(char *out, size_t k, const char *s, size_t n, double size, int bold,
			double width)
{
	size_t brk, m = fit(s, n, size, bold, width - export_xml_width(ELLIPSIS, size, bold), &brk);

	if (m == n && width_of(s, n, size, bold) <= width) {
		memcpy(out + k, s, n);
		return k + n;
	}
	if (width_of(s, m, size, bold) + export_xml_width(ELLIPSIS, size, bold) > width)
		m = 0;
	while (m && s[m - 1] == ' ')
		m--;
	memcpy(out + k, s, m);
	memcpy(out + k + m, ELLIPSIS, sizeof ELLIPSIS - 1);
	return k + m + sizeof ELLIPSIS - 1;
}

char *export_xml_wrap(const char *s, double size, int bold, double width, int maxlines)
{
	char *flat = export_xml_flat(s), *out;
	size_t n = strlen(flat), pos = 0, k = 0, brk;

	out = util_xmalloc(n + (size_t)(maxlines > 0 ? maxlines : 0) + sizeof ELLIPSIS + 1);
	for (int line = 0; line < maxlines && pos < n; line++) {
		if (k)
			out[k++] = '\n';
		if (line == maxlines - 1) {
			k = ellipsise(out, k, flat + pos, n - pos, size, bold, width);
			break;
		}
		size_t m = fit(flat + pos, n - pos, size, bold, width, &brk);
		/* Break at the last space unless the whole rest fits. */
		if (pos + m < n && flat[pos + m] != ' ' && brk)
			m = brk;
		memcpy(out + k, flat + pos, m);
		k += m;
		pos += m;
		while (pos < n && flat[pos] == ' ')
			pos++;
	}
	out[k] = '\0';
	free(flat);
	return out;
}

const char *export_xml_num(double v, char *buf, size_t size)
{
	long long c = (long long)(v * 100.0 + (v < 0 ? -0.5 : 0.5));
	const char *sign = c < 0 ? "-" : "";

	if (c < 0)
		c = -c;
	if (c % 100 == 0)
		snprintf(buf, size, "%s%lld", sign, c / 100);
	else if (c % 10 == 0)
		snprintf(buf, size, "%s%lld.%lld", sign, c / 100, c % 100 / 10);
	else
		snprintf(buf, size, "%s%lld.%02lld", sign, c / 100, c % 100);
	return buf;
}
