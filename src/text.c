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
	return REPLACEMENT; /* C1 controls have no picture */
}

/* Is cp shown as something other than itself by text_safe? */
static int is_control(unsigned int cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

int text_cp_width(unsigned int cp)
{
	int w;

	/* Controls become one-column symbols, newline and tab a space. */
	if (is_control(cp) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 1;
	w = wcwidth((wchar_t)cp);
	/* -1 means unassigned or unknown to this locale (any non-ASCII in a
	 * non-UTF-8 locale): most terminals still draw one cell for it. */
	return w < 0 ? 1 : w;
}

int text_width(const char *s)
{
	size_t len, i = 0;
	unsigned int cp;
	long long total = 0;

	if (!s)
		return 0;
	len = strlen(s);
	while (i < len) {
		size_t n = text_decode(s + i, len - i, &cp);

		total += text_cp_width(cp);
		i += n;
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

/* Write the safe form of the character of n bytes at s decoded as cp. */
static void put_safe(struct sink *k, const char *s, size_t n, unsigned int cp, int flatten)
{
	char pic[4];

	if (cp == '\n' || cp == '\t') {
		sink_put(k, flatten ? " " : s, 1);
	} else if (cp < 0x20 || cp == 0x7F) {
		sink_put(k, pic, text_encode(pic, text_picture(cp)));
	} else if ((cp >= 0x80 && cp < 0xA0) || (cp == REPLACEMENT && n == 1)) {
		/* C1 controls (U+009B is a one-character CSI to many terminals)
		 * and undecodable bytes. */
		sink_put(k, "\xef\xbf\xbd", 3);
	} else {
		sink_put(k, s, n);
	}
}

size_t text_safe(const char *s, char *out, size_t outsize, int flatten)
{
	struct sink k = {out, outsize, 0, 0};
	size_t len, i = 0;
	unsigned int cp;

	len = s ? strlen(s) : 0;
	while (i < len && !k.full) {
		size_t n = text_decode(s + i, len - i, &cp);

		put_safe(&k, s + i, n, cp, flatten);
		i += n;
	}
	return sink_end(&k);
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
	unsigned int cp;
	int used = 0, cut_used = 0, have_cut = 0, over = 0;

	if (cols <= 0)
		return sink_end(&k);
	len = s ? strlen(s) : 0;
	/* One walk finds both answers: whether the whole text fits in cols,
	 * and, in case it does not, where the text must stop so that it and
	 * the ellipsis fit (the last point with at most cols - 1 columns). */
	while (i < len) {
		int w;

		n = text_decode(s + i, len - i, &cp);
		w = text_cp_width(cp);
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
		n = text_decode(s + i, cut - i, &cp);
		put_safe(&k, s + i, n, cp, 1);
	}
	if (over) {
		/* A wide character that would straddle the edge is left out
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
