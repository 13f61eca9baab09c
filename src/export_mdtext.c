/* export_mdtext.c: user text as GitHub-flavoured markdown inline text.
 *
 * Everything is written on one line: a newline would end a table row or
 * a list item, so it becomes <br>, which GFM passes through as inline
 * HTML in both. Markup is neutralised with backslash escapes, which
 * CommonMark defines for ASCII punctuation only: a code point beyond
 * ASCII is never markup and is written as it is. Addresses stay plain
 * text, so no link comes from user text but an e-mail address shown as
 * itself. */
#include <string.h>

#include "journeyhack/export_mdtext.h"
#include "journeyhack/text.h"

static int md_punct(unsigned int cp)
{
	/* Everything GFM (and GitHub's math) could read as markup anywhere in
	 * a line; '!' and '(' only matter after '[', which is escaped. The
	 * range check comes first: strchr would look only at the low byte of
	 * a code point (U+0160 'Š' as '`', U+0100 as the terminating NUL). */
	return cp > 0 && cp < 0x80 && strchr("\\`*_[]<>#|~&$", (int)cp) != NULL;
}

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Where the text is: at the start of a (rendered) line, or after digits
 * that started one, where "1." or "1)" would open an ordered list. */
struct at {
	int start;
	int digits;
};

/* A line starting like a list item ("-" "+"), a setext heading
 * underline ("=") or an ordered list ("1." "1)") must not become one. */
static int needs_escape(const struct at *at, unsigned int cp)
{
	return (at->start && (cp == '-' || cp == '+' || cp == '=')) ||
	       (at->digits && (cp == '.' || cp == ')')) || md_punct(cp);
}

/* GitHub links "http://...", "https://...", "ftp://..." and "www...." in
 * plain text, and takes a backslash inside such a link for part of the
 * address: "a\_b" would show, and lead, to "a\_b". Escaping the ':' of
 * "://" or the '.' of "www." keeps the address plain text, where every
 * other escape works. (An e-mail address still becomes a mailto: link
 * showing itself.) */
static int starts_link(const char *s, size_t i, size_t n)
{
	if (s[i] == ':')
		return i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/';
	return s[i] == '.' && i >= 3 && memcmp(s + i - 3, "www", 3) == 0;
}

/* One code point that is not a line break; force: escape it anyway. */
static void put_cp(struct export_w *w, struct at *at, unsigned int cp, int force)
{
	if (cp == '\t')
		cp = ' ';
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
		export_w_cp(w, text_picture(cp));
		at->start = at->digits = 0;
		return;
	}
	/* Indentation at a line start would make an indented code block. */
	if (at->start && cp == ' ')
		return;
	if (force || needs_escape(at, cp))
		export_w_putc(w, '\\');
	at->digits = (at->start || at->digits) && cp >= '0' && cp <= '9';
	at->start = 0;
	export_w_cp(w, cp);
}

void export_mdtext_inline(struct export_w *w, const char *s)
{
	size_t n = strlen(export_w_str(s)), i = 0, len;
	struct at at = {1, 0};
	unsigned int cp;

	s = export_w_str(s);
	/* Leading and trailing white space would not show anyway, and a
	 * trailing newline would leave a dangling <br>. */
	while (n && blank(s[n - 1]))
		n--;
	while (i < n && blank(s[i]))
		i++;
	for (; i < n; i += len) {
		len = text_decode(s + i, n - i, &cp);
		if (cp == '\r' && i + 1 < n && s[i + 1] == '\n')
			continue;
		if (cp == '\n' || cp == '\r') {
			export_w_puts(w, "<br>");
			at.start = 1;
			at.digits = 0;
			continue;
		}
		put_cp(w, &at, cp, starts_link(s, i, n));
	}
}
