/* export_jsonw.c: a tiny JSON pretty-printer: it tracks nesting and commas
 * so that its callers read like the document they produce. */
#include <stdio.h>
#include <string.h>

#include "journeyhack/export_jsonw.h"

static void indent(struct export_jsonw *j)
{
	export_w_putc(j->w, '\n');
	for (int i = 0; i < j->depth; i++)
		export_w_puts(j->w, "  ");
}

void export_jsonw_begin(struct export_jsonw *j, struct export_w *w, char bracket)
{
	j->w = w;
	export_w_putc(w, bracket);
	j->depth = 1;
	j->first = 1;
}

void export_jsonw_end(struct export_jsonw *j, char bracket)
{
	export_jsonw_close(j, bracket);
	export_w_putc(j->w, '\n');
}

void export_jsonw_next(struct export_jsonw *j)
{
	if (!j->first)
		export_w_putc(j->w, ',');
	j->first = 0;
	indent(j);
}

void export_jsonw_key(struct export_jsonw *j, const char *key)
{
	export_jsonw_next(j);
	export_w_json(j->w, key);
	export_w_puts(j->w, ": ");
}

void export_jsonw_open(struct export_jsonw *j, const char *key, char bracket)
{
	if (key)
		export_jsonw_key(j, key);
	else
		export_jsonw_next(j);
	export_w_putc(j->w, bracket);
	j->depth++;
	j->first = 1;
}

void export_jsonw_close(struct export_jsonw *j, char bracket)
{
	int empty = j->first;

	j->depth--;
	if (!empty)
		indent(j);
	export_w_putc(j->w, bracket);
	j->first = 0;
}

void export_jsonw_str(struct export_jsonw *j, const char *key, const char *v)
{
	export_jsonw_key(j, key);
	export_w_json(j->w, v);
}

void export_jsonw_int(struct export_jsonw *j, const char *key, long long v)
{
	export_jsonw_key(j, key);
	export_w_printf(j->w, "%lld", v);
}

void export_jsonw_bool(struct export_jsonw *j, const char *key, int v)
{
	export_jsonw_key(j, key);
	export_w_puts(j->w, v ? "true" : "false");
}

void export_jsonw_null(struct export_jsonw *j, const char *key)
{
	export_jsonw_key(j, key);
	export_w_puts(j->w, "null");
}

void export_jsonw_ref(struct export_jsonw *j, const char *key, jh_id id)
{
	if (id)
		export_jsonw_int(j, key, (long long)id);
	else
		export_jsonw_null(j, key);
}

/* Up to four decimals, no trailing zeros: 2, 0.3333, 96. */
void export_jsonw_num(struct export_jsonw *j, const char *key, double v)
{
	char b[64];
	size_t n;

	export_jsonw_key(j, key);
	snprintf(b, sizeof b, "%.4f", v);
	n = strlen(b);
	while (n > 1 && b[n - 1] == '0')
		b[--n] = '\0';
	if (n > 1 && b[n - 1] == '.')
		b[--n] = '\0';
	/* A tiny negative rounds to "-0", which reads as a sign it has not. */
	export_w_puts(j->w, strcmp(b, "-0") ? b : "0");
}

void export_jsonw_date(struct export_jsonw *j, const char *key, const char *date)
{
	if (date && *date)
		export_jsonw_str(j, key, date);
	else
		export_jsonw_null(j, key);
}

void export_jsonw_strings(struct export_jsonw *j, const char *key, char *const *v, size_t n)
{
	export_jsonw_open(j, key, '[');
	for (size_t i = 0; i < n; i++) {
		export_jsonw_next(j);
		export_w_json(j->w, v[i]);
	}
	export_jsonw_close(j, ']');
}

static void ids(struct export_jsonw *j, const char *key, const jh_id *v, size_t n)
{
	export_jsonw_open(j, key, '[');
	for (size_t i = 0; i < n; i++) {
		export_jsonw_next(j);
		export_w_printf(j->w, "%lld", (long long)v[i]);
	}
	export_jsonw_close(j, ']');
}

void export_jsonw_field(struct export_jsonw *j, const struct jh_field_def *f, const void *item)
{
	const jh_id *v;
	size_t n;

	switch (f->type) {
	case JF_INT:
		export_jsonw_int(j, f->name, kinds_num(f, item));
		break;
	case JF_BOOL:
		export_jsonw_bool(j, f->name, kinds_num(f, item) != 0);
		break;
	case JF_REF:
		export_jsonw_ref(j, f->name, (jh_id)kinds_num(f, item));
		break;
	case JF_DATE:
		export_jsonw_date(j, f->name, kinds_text(f, item));
		break;
	case JF_IDLIST:
		v = kinds_ids(f, item, &n);
		ids(j, f->name, v, n);
		break;
	default:
		export_jsonw_str(j, f->name, kinds_text(f, item));
	}
}
