/* export_w.c: the output buffer every export writer writes through, and
 * the JSON string escaper the JSON and Taskwarrior writers share. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "journeyhack/export_w.h"
#include "journeyhack/i18n.h"
#include "journeyhack/text.h"

void export_w_init(struct export_w *w, FILE *f)
{
	w->f = f;
	w->failed = 0;
	w->errnum = 0;
}

void export_w_fail(struct export_w *w)
{
	if (!w->failed) {
		w->failed = 1;
		w->errnum = errno;
	}
}

void export_w_write(struct export_w *w, const char *s, size_t n)
{
	if (w->failed || n == 0)
		return;
	errno = 0;
	/* Escaping writes a few bytes at a time: a locked fwrite per piece
	 * cost more than the whole rest of a large export. */
	if (n <= 8) {
		for (size_t i = 0; i < n; i++) {
			if (putc_unlocked((unsigned char)s[i], w->f) == EOF) {
				export_w_fail(w);
				return;
			}
		}
		return;
	}
	if (fwrite(s, 1, n, w->f) != n)
		export_w_fail(w);
}

void export_w_puts(struct export_w *w, const char *s)
{
	export_w_write(w, s, strlen(s));
}

void export_w_putc(struct export_w *w, char c)
{
	export_w_write(w, &c, 1);
}

void export_w_printf(struct export_w *w, const char *fmt, ...)
{
	va_list ap;
	int rc;

	if (w->failed)
		return;
	errno = 0;
	va_start(ap, fmt);
	rc = vfprintf(w->f, fmt, ap);
	va_end(ap);
	if (rc < 0)
		export_w_fail(w);
}

void export_w_cp(struct export_w *w, unsigned int cp)
{
	char b[4];

	export_w_write(w, b, text_encode(b, cp));
}

int export_w_done(struct export_w *w, struct jh_err *err)
{
	if (!w->failed) {
		errno = 0;
		if (fflush(w->f) == EOF || ferror(w->f))
			export_w_fail(w);
	}
	if (!w->failed)
		return 0;
	return err_set(err, _("write error: %s"), strerror(w->errnum ? w->errnum : EIO));
}

const char *export_w_str(const char *s)
{
	return s ? s : "";
}

const char *export_w_escape(unsigned int cp)
{
	static const char from[] = "\"\\\n\r\t";
	static const char *const to[] = {"\\\"", "\\\\", "\\n", "\\r", "\\t"};
	const char *p = cp && cp < 0x80 ? strchr(from, (int)cp) : NULL;

	return p ? to[p - from] : NULL;
}

static void json_char(struct export_w *w, const char *s, size_t len, unsigned int cp)
{
	const char *e = export_w_escape(cp);

	if (e)
		export_w_puts(w, e);
	/* DEL and C1 are legal JSON but would reach a terminal raw from
	 * `cat`; U+2028/9 end lines in JavaScript. */
	else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029)
		export_w_printf(w, "\\u%04x", cp);
	else if (cp == 0xFFFD && len == 1)
		export_w_puts(w, "\\ufffd");
	else
		export_w_write(w, s, len);
}

void export_w_json(struct export_w *w, const char *s)
{
	size_t n = strlen(export_w_str(s)), len;
	unsigned int cp;

	s = export_w_str(s);
	export_w_putc(w, '"');
	for (size_t i = 0; i < n; i += len) {
		len = text_decode(s + i, n - i, &cp);
		json_char(w, s + i, len, cp);
	}
	export_w_putc(w, '"');
}
