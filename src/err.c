/* err.c: error messages filled by the core and shown by the caller. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "journeyhack/err.h"

int err_set(struct jh_err *err, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return -1;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

void err_prefix(struct jh_err *err, const char *fmt, ...)
{
	char head[512], old[sizeof err->msg];
	va_list ap;

	if (!err)
		return;
	va_start(ap, fmt);
	vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	memcpy(old, err->msg, sizeof old);
	/* Truncation is the intent here: a message is one line at most. */
	{
		size_t h = strlen(head);
		if (h > sizeof err->msg - 3)
			h = sizeof err->msg - 3;
		memcpy(err->msg, head, h);
		memcpy(err->msg + h, ": ", 2);
		h += 2;
		size_t o = strlen(old);
		if (o > sizeof err->msg - 1 - h)
			o = sizeof err->msg - 1 - h;
		memcpy(err->msg + h, old, o);
		err->msg[h + o] = '\0';
	}
}

void err_clear(struct jh_err *err)
{
	if (err)
		err->msg[0] = '\0';
}
