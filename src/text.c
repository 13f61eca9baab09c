/* text.c: UTF-8 text for terminals and plain-text output.
 *
 * Everything user-supplied that reaches a terminal goes through here, so
 * the output is always valid UTF-8 with no control characters left in it
 * (except newline and tab when the caller asks to keep them). */
#if !defined(_XOPEN_SOURCE)
/* wcwidth is an X/Open function; the build passes this already, but the
 * file should not depend on that to compile. */
#define _XOPEN_SOURCE 600
#endif

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>
#include <wchar.h>

#include "journeyhack/text.h"
#include "journeyhack/util.h"

#define REPLACEMENT 0xFFFDu
#define ELLIPSIS    "\xe2\x80\xa6" /* U+2026, one column */

size_t text_decode(const char *str, size_t len, unsigned int *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned int c, v, min;
	size_t need, k;

	if (len == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		v = c & 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		v = c & 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		v = c & 0x07;
		min = 0x10000;
	} else {
		goto invalid;
	}
	if (len <= need)
		goto invalid;
	for (k = 1; k <= need; k++) {
		if ((s[k] & 0xC0) != 0x80)
			goto invalid;
		v = (v << 6) | (s[k] & 0x3Fu);
	}
	/* Overlong forms and surrogates are how filters get bypassed: a
	 * decoder that accepted them could let a hidden control through. */
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		goto invalid;
	*cp = v;
	return need + 1;
invalid:
	*cp = REPLACEMENT;
	return 1;
}

size_t text_encode(char *b, unsigned int cp)
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = REPLACEMENT;
	if (cp < 0x80) {
		b[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	b[0] = (char)(0xF0 | (cp >> 18));
	b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	b[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

unsigned int text_picture(unsigned int cp)
{
	if (cp < 0x20)
		return 0x2400 + cp; /* Control Pictures: ␛ for ESC, ... */
	if (cp == 0x7F)
		return 0x2421;
	return REPLACEMENT; /* C1 and bidi controls have no picture */
}

int text_is_bidi(unsigned int cp)
{
	/* Embeddings, overrides and isolates, the marks, the Arabic letter
	 * mark, and the deprecated format controls beside the isolates: any
	 * of them can make a row read in a different order than it is. */
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x206F) || cp == 0x200E ||
	       cp == 0x200F || cp == 0x061C;
}

/* Is cp a C0 or C1 control or DEL? */
static int is_control(unsigned int cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

/* Does this locale know Unicode's widths? In the C locale wcwidth knows
 * only ASCII, so everything else must be taken as one column. */
static int locale_knows_widths(void)
{
	return wcwidth((wchar_t)0x4E2D) == 2;
}

/* What a terminal is shown for the character of n bytes decoded as cp:
 * cp itself, or the visible stand-in of something that must not reach a
 * terminal. Newline and tab are the callers' business. */
static unsigned int shown_as(unsigned int cp, size_t n)
{
	if (cp == REPLACEMENT && n == 1)
		return REPLACEMENT; /* an undecodable byte */
	if (is_control(cp) || text_is_bidi(cp))
		return text_picture(cp);
	/* A character this libc cannot measure (unassigned, or newer than
	 * its tables) is drawn as nothing by some terminals and as one cell
	 * by others: a stand-in keeps every column where it was measured. */
	if (cp >= 0xA0 && wcwidth((wchar_t)cp) < 0 && locale_knows_widths())
		return REPLACEMENT;
	return cp;
}

int text_cp_width(unsigned int cp)
{
	int w;

	/* Controls become one-column symbols, newline and tab a space. */
	if (is_control(cp) || text_is_bidi(cp) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 1;
	w = wcwidth((wchar_t)cp);
	/* -1 means unassigned or unknown to this locale (any non-ASCII in a
	 * non-UTF-8 locale): it is shown as one column (see shown_as). */
	return w < 0 ? 1 : w;
}

#define ZWJ	 0x200Du
#define ZWJ_UTF8 "\xe2\x80\x8d"

static int is_regional(unsigned int cp)
{
	return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

static int is_skin_tone(unsigned int cp)
{
	return cp >= 0x1F3FB && cp <= 0x1F3FF;
}

/* What is known about a grapheme cluster while it is walked. */
struct cluster {
	int width;     /* columns, as the terminal will draw them */
	int after_zwj; /* the last character was a zero-width joiner */
	int regional;  /* regional indicators in the cluster */
};

/* Does the character cp (replaced: shown as a stand-in, width w) join
 * the cluster c? Joining never splits what a terminal draws as one
 * glyph; the width each joiner adds is what tmux and the libc's wcwidth
 * agree on: marks, selectors and joiners nothing, a wide pictograph after
 * a joiner nothing (it shares the cell), skin tones and the second half
 * of a flag their own width (terminals without emoji tables draw them
 * apart). */
static int cluster_join(struct cluster *c, unsigned int cp, int replaced, int w)
{
	if (cp == '\n' || cp == '\t' || replaced)
		return 0; /* a stand-in is a character of its own */
	if (w == 0) {
		c->after_zwj = cp == ZWJ;
		return 1;
	}
	if (c->after_zwj) {
		c->after_zwj = 0;
		c->width += w == 2 ? 0 : w;
		return 1;
	}
	if (is_skin_tone(cp) || (is_regional(cp) && c->regional == 1)) {
		c->regional += is_regional(cp);
		c->width += w;
		return 1;
	}
	return 0;
}

static int is_replaced(unsigned int cp, size_t n)
{
	return (cp == REPLACEMENT && n == 1) || shown_as(cp, n) != cp;
}

size_t text_cluster(const char *s, size_t len, int *width)
{
	struct cluster c = {0, 0, 0};
	unsigned int cp;
	size_t i, n;

	/* Most text is ASCII: a printable one not followed by a mark (which
	 * would start with a byte past 0x7F) is a cluster of its own. */
	if (len > 0 && (unsigned char)s[0] >= 0x20 && (unsigned char)s[0] < 0x7F &&
	    (len == 1 || (unsigned char)s[1] < 0x80)) {
		*width = 1;
		return 1;
	}
	n = text_decode(s, len, &cp);
	*width = n ? 1 : 0;
	/* Newline and tab stand alone; so does a joiner with nothing before
	 * it, shown as a stand-in (see put_safe). */
	if (n == 0 || cp == '\n' || cp == '\t' || cp == ZWJ)
		return n;
	c.width = text_cp_width(cp);
	c.regional = !is_replaced(cp, n) && is_regional(cp);
	for (i = n; i < len; i += n) {
		n = text_decode(s + i, len - i, &cp);
		if (!cluster_join(&c, cp, is_replaced(cp, n), text_cp_width(cp)))
			break;
	}
	*width = c.width;
	return i;
}

size_t text_cell(const char *s, size_t len, int *width)
{
	unsigned int cp;
	size_t i, n;

	n = text_decode(s, len, &cp);
	*width = n ? text_cp_width(cp) : 0;
	for (i = n; i < len; i += n) {
		unsigned int prev = cp;

		n = text_decode(s + i, len - i, &cp);
		if (text_cp_width(cp) != 0 && !(prev == ZWJ && text_cp_width(cp) == 2))
			break;
	}
	return i;
}

int text_width(const char *s)
{
	size_t len, i = 0;
	long long total = 0;

	if (!s)
		return 0;
	len = strlen(s);
	while (i < len) {
		int w;

		i += text_cluster(s + i, len - i, &w);
		total += w;
	}
	return total > INT_MAX ? INT_MAX : (int)total;
}

/* Output that is cut at the last whole piece that fits, so a too-small
 * buffer still holds valid UTF-8. Once a piece is refused nothing later
 * is written either, or the text would silently lose a middle part. */
struct sink {
	char *out;
	size_t size;
	size_t pos;
	int full;
};

static void sink_put(struct sink *k, const char *bytes, size_t n)
{
	if (k->full)
		return;
	if (k->size == 0 || n > k->size - 1 - k->pos) {
		k->full = 1;
		return;
	}
	memcpy(k->out + k->pos, bytes, n);
	k->pos += n;
}

static size_t sink_end(struct sink *k)
{
	if (k->size > 0)
		k->out[k->pos] = '\0';
	return k->pos;
}

/* Write the safe form of the character of n bytes at s decoded as cp.
 * first: it begins a cluster, where a joiner would fuse whatever the
 * terminal drew before into what comes after, so it is shown. */
static void put_safe(struct sink *k, const char *s, size_t n, unsigned int cp, int flatten,
		     int first)
{
	char pic[4];

	if (cp == '\n' || cp == '\t')
		sink_put(k, flatten ? " " : s, 1);
	else if (first && cp == ZWJ)
		sink_put(k, pic, text_encode(pic, REPLACEMENT));
	else if (is_replaced(cp, n))
		sink_put(k, pic, text_encode(pic, shown_as(cp, n)));
	else
		sink_put(k, s, n);
}

/* The safe form of the cluster of n bytes at s. */
static void put_cluster(struct sink *k, const char *s, size_t n, int flatten)
{
	unsigned int cp;
	size_t len;

	/* Joiners that join nothing would fuse the next thing drawn, perhaps
	 * another column's text, into this cluster's cell. */
	while (n > 3 && !memcmp(s + n - 3, ZWJ_UTF8, 3))
		n -= 3;
	if (n == 1 && (unsigned char)s[0] >= 0x20 && (unsigned char)s[0] < 0x7F) {
		sink_put(k, s, 1);
		return;
	}
	for (size_t i = 0; i < n && !k->full; i += len) {
		len = text_decode(s + i, n - i, &cp);
		put_safe(k, s + i, len, cp, flatten, i == 0);
	}
}

size_t text_safe(const char *s, char *out, size_t outsize, int flatten)
{
	struct sink k = {out, outsize, 0, 0};
	size_t len, i = 0;

	len = s ? strlen(s) : 0;
	while (i < len && !k.full) {
		int w;
		size_t n = text_cluster(s + i, len - i, &w);

		put_cluster(&k, s + i, n, flatten);
		i += n;
	}
	return sink_end(&k);
}

char *text_safe_dup(const char *s, int flatten)
{
	/* Every input byte becomes at most 3 output bytes (U+FFFD, U+24xx). */
	size_t size = (s ? strlen(s) : 0) * 3 + 1;
	char *out = util_xmalloc(size);

	text_safe(s, out, size, flatten);
	return out;
}

char *text_clean(const char *s)
{
	size_t n = s ? strlen(s) : 0, len, k = 0;
	/* Every input byte becomes at most 3 output bytes (U+FFFD, U+24xx). */
	char *out = util_xmalloc(n * 3 + 1);
	unsigned int cp;

	for (size_t i = 0; i < n; i += len) {
		unsigned int was;

		len = text_decode(s + i, n - i, &cp);
		was = cp;
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
		    (cp >= 0x7F && cp < 0xA0))
			cp = text_picture(cp);
		if (cp == was && !(cp == REPLACEMENT && len == 1)) {
			memcpy(out + k, s + i, len);
			k += len;
		} else {
			k += text_encode(out + k, cp);
		}
	}
	out[k] = '\0';
	return out;
}

static void put_spaces(struct sink *k, int n)
{
	static const char spaces[] = "                                ";

	while (n > 0 && !k->full) {
		int chunk = n < (int)sizeof spaces - 1 ? n : (int)sizeof spaces - 1;
		sink_put(k, spaces, (size_t)chunk);
		n -= chunk;
	}
}

size_t text_fit(const char *s, int cols, int pad, char *out, size_t outsize)
{
	struct sink k = {out, outsize, 0, 0};
	size_t len, i = 0, n, cut = 0;
	int used = 0, cut_used = 0, have_cut = 0, over = 0;

	if (cols <= 0)
		return sink_end(&k);
	len = s ? strlen(s) : 0;
	/* One walk finds both answers: whether the whole text fits in cols,
	 * and, in case it does not, where the text must stop so that it and
	 * the ellipsis fit (the last point with at most cols - 1 columns).
	 * The walk goes by cluster, so a cut never parts a letter from its
	 * marks or an emoji sequence or flag into pieces. */
	while (i < len) {
		int w;

		n = text_cluster(s + i, len - i, &w);
		if (!have_cut && used + w > cols - 1) {
			have_cut = 1;
			cut = i;
			cut_used = used;
		}
		if (used + w > cols) {
			over = 1;
			break;
		}
		used += w;
		i += n;
	}
	if (!over)
		cut = len;
	for (i = 0; i < cut && !k.full; i += n) {
		int w;

		n = text_cluster(s + i, cut - i, &w);
		put_cluster(&k, s + i, n, 1);
	}
	if (over) {
		/* A wide cluster that would straddle the edge is left out
		 * whole; the padding below fills the column it leaves. */
		sink_put(&k, ELLIPSIS, sizeof ELLIPSIS - 1);
		used = cut_used + 1;
	}
	if (pad)
		put_spaces(&k, cols - used);
	return sink_end(&k);
}

char *text_fit_dup(const char *s, int cols, int pad)
{
	size_t len = s ? strlen(s) : 0, size;
	char *out;

	/* Each input byte becomes at most three output bytes (a control or
	 * an invalid byte turns into a three-byte symbol), then the ellipsis
	 * and the padding. */
	size = 3 * len + sizeof ELLIPSIS + (pad && cols > 0 ? (size_t)cols : 0) + 1;
	out = util_xmalloc(size);
	text_fit(s, cols, pad, out, size);
	return out;
}

/* Valid exactly when text_decode never falls back to the replacement
 * for a single byte (a U+FFFD written out takes three). */
int text_utf8_valid(const char *s, size_t len)
{
	unsigned int cp;
	size_t n;

	for (size_t i = 0; i < len; i += n) {
		/* ASCII without the call: most text is mostly ASCII. */
		if ((unsigned char)s[i] < 0x80) {
			n = 1;
			continue;
		}
		n = text_decode(s + i, len - i, &cp);
		if (n == 1)
			return 0;
	}
	return 1;
}

int text_starts_folded(const char *s, const char *prefix)
{
	size_t sl = strlen(s), pl = strlen(prefix);

	while (pl) {
		unsigned int a, b;
		size_t na = text_decode(s, sl, &a), nb = text_decode(prefix, pl, &b);
		if (!na || !nb || towlower((wint_t)a) != towlower((wint_t)b))
			return 0;
		s += na;
		sl -= na;
		prefix += nb;
		pl -= nb;
	}
	return 1;
}
