/* export_jsonw.h: writing one JSON document, indented two spaces, over an
 * export_w: objects and arrays, members of every JSON type, and an item's
 * values read through the field table (kinds.h).
 *
 * Every JSON the program writes goes through here, so strings are escaped
 * by one function (export_w_json) and a field is written the same way in
 * the export and in the command line's --json output. */
#ifndef JOURNEYHACK_EXPORT_JSONW_H
#define JOURNEYHACK_EXPORT_JSONW_H

#include <stddef.h>

#include "journeyhack/export_w.h"
#include "journeyhack/kinds.h"

struct export_jsonw {
	struct export_w *w;
	int depth;
	int first; /* no member written yet at this depth */
};

/* Start the document with its outermost '{' or '['; end it with the
 * matching bracket and a newline ("[]\n" when nothing was written). */
void export_jsonw_begin(struct export_jsonw *j, struct export_w *w, char bracket);
void export_jsonw_end(struct export_jsonw *j, char bracket);

/* Open an object or array as the member key of the open object, or as
 * the next element of the open array when key is NULL. */
void export_jsonw_open(struct export_jsonw *j, const char *key, char bracket);
void export_jsonw_close(struct export_jsonw *j, char bracket);

/* Start the next element of the open array (the caller writes it). */
void export_jsonw_next(struct export_jsonw *j);

/* Members of the open object. A string NULL is "", a reference or date
 * that is not set (0, "") is null; numbers have at most four decimals. */
void export_jsonw_key(struct export_jsonw *j, const char *key);
void export_jsonw_str(struct export_jsonw *j, const char *key, const char *v);
void export_jsonw_int(struct export_jsonw *j, const char *key, long long v);
void export_jsonw_bool(struct export_jsonw *j, const char *key, int v);
void export_jsonw_ref(struct export_jsonw *j, const char *key, jh_id id);
void export_jsonw_num(struct export_jsonw *j, const char *key, double v);
void export_jsonw_date(struct export_jsonw *j, const char *key, const char *date);
void export_jsonw_null(struct export_jsonw *j, const char *key);
void export_jsonw_strings(struct export_jsonw *j, const char *key, char *const *v, size_t n);

/* One of an item's own values under the field's name, typed by the table:
 * a number, true/false, the id referred to or null, an ISO date or null,
 * an array of ids, or a string. */
void export_jsonw_field(struct export_jsonw *j, const struct jh_field_def *f, const void *item);

#endif
