/* items.c: FIELD=VALUE text into validated values for the store.
 *
 * The command line, CSV import and the UI's forms all come through here,
 * so a value refused in one is refused in all, with the same message. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/items.h"
#include "journeyhack/reldate.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"
#include "journeyhack/yesno.h"

/* Longest single-line text (a title, a name) and longest long text
 * (evidence, notes, a test card). Limits keep a pasted file from turning
 * into an unusable item, and say so rather than truncating. */
#define TEXT_MAX     4096
#define LONGTEXT_MAX (1024 * 1024)

/* Fields of the widest kind that items_parse files assignments under
 * without searching (kinds with more fall back to a search). */
#define MAX_FIELDS 32

int items_split_assign(const char *arg, struct jh_assign *out, char *buf, size_t bufsize,
		       struct jh_err *err)
{
	const char *eq = strchr(arg, '=');
	size_t n;

	if (!eq || eq == arg)
		return err_set(err, _("\"%.60s\": expected FIELD=VALUE"), arg);
	n = (size_t)(eq - arg);
	if (n >= bufsize)
		return err_set(err, _("\"%.60s\": field name too long"), arg);
	memcpy(buf, arg, n);
	buf[n] = '\0';
	out->field = buf;
	out->value = eq + 1;
	return 0;
}

static void field_list(const struct jh_kind_def *k, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < k->nfields && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
					k->fields[i].name);
}

static void choice_list(const char *const *choices, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; choices[i] && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? ", " : "", choices[i]);
}

static int parse_bool(const char *s, long long *out)
{
	int v;

	if (yesno_parse(s, strlen(s), &v))
		return -1;
	*out = v;
	return 0;
}

/* Quote a value for a message: cut long ones, so the one line stays one
 * line (control characters are left to the caller's safe printing). */
static const char *shown(const char *v, char *buf, size_t size)
{
	size_t n = strlen(v);

	if (n < size) {
		memcpy(buf, v, n + 1);
		return buf;
	}
	n = size - 4;
	/* Never cut inside a UTF-8 sequence. */
	while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80)
		n--;
	memcpy(buf, v, n);
	memcpy(buf + n, "...", 4);
	return buf;
}

/* A date typed as a date is judged as one; anything else may be a date
 * relative to today ("+2w", "friday"), resolved when it is stored. */
static int check_date(const struct jh_field_def *f, const char *value, struct jh_err *err)
{
	char day[11];

	if (!*value || util_date_valid(value))
		return 0;
	if (isdigit((unsigned char)*value)) {
		char vb[64];
		return err_set(err, _("%s: \"%s\" is not a date (YYYY-MM-DD)"), f->name,
			       shown(value, vb, sizeof vb));
	}
	if (reldate_resolve(value, day, err)) {
		err_prefix(err, "%s", f->name);
		return -1;
	}
	return 0;
}

int items_check_value(const struct jh_field_def *f, const char *value, struct jh_err *err)
{
	char vb[64], list[256];
	long long num;
	size_t len = strlen(value);

	if (!text_utf8_valid(value, len))
		return err_set(err, _("%s: not valid UTF-8"), f->name);
	switch (f->type) {
	case JF_TEXT:
		if (f->required && !*value)
			return err_set(err, _("%s: must not be empty"), f->name);
		if (len > TEXT_MAX)
			return err_set(err, _("%s: too long (%zu bytes, at most %d)"), f->name, len,
				       TEXT_MAX);
		return 0;
	case JF_LONGTEXT:
		if (len > LONGTEXT_MAX)
			return err_set(err, _("%s: too long (%zu bytes, at most %d)"), f->name, len,
				       LONGTEXT_MAX);
		return 0;
	case JF_INT:
		if (util_parse_int(value, &num))
			return err_set(err, _("%s: \"%s\" is not a whole number (%d..%d)"), f->name,
				       shown(value, vb, sizeof vb), f->min, f->max);
		if (num < f->min || num > f->max)
			return err_set(err, _("%s: %lld is out of range (%d..%d)"), f->name, num,
				       f->min, f->max);
		return 0;
	case JF_BOOL:
		if (parse_bool(value, &num))
			return err_set(err, _("%s: \"%s\" is not yes or no"), f->name,
				       shown(value, vb, sizeof vb));
		return 0;
	case JF_DATE:
		return check_date(f, value, err);
	case JF_ENUM:
		for (size_t i = 0; f->choices[i]; i++)
			if (!strcmp(value, f->choices[i]))
				return 0;
		choice_list(f->choices, list, sizeof list);
		return err_set(err, _("%s: \"%s\" is not one of %s"), f->name,
			       shown(value, vb, sizeof vb), list);
	case JF_REF:
	case JF_IDLIST:
		if (len > TEXT_MAX)
			return err_set(err, _("%s: too long"), f->name);
		if (f->required && !*value)
			return err_set(err, _("%s: must not be empty"), f->name);
		return 0;
	}
	return 0;
}

static char *keep_text(struct jh_values *out, const char *s)
{
	char *copy = util_xstrdup(s);
	out->texts[out->n] = copy;
	return copy;
}

static int is_none(const char *v)
{
	return !*v || !strcmp(v, "0") || !strcmp(v, "none") || !strcmp(v, "-");
}

/* Resolve one reference: a positive id of an item in this workshop, or
 * an unambiguous name. */
static int resolve_ref(struct jh_store *st, jh_id wid, const struct jh_field_def *f,
		       const char *value, jh_id scope, jh_id *id, struct jh_err *err)
{
	const struct jh_kind_def *target = kinds_get(f->ref);
	long long num;

	if (util_parse_int(value, &num) == 0) {
		if (num <= 0)
			return err_set(err, _("%s: %lld is not a valid id"), f->name, num);
		if (!store_item_exists(st, wid, f->ref, num))
			return err_set(err, _("%s: no %s with id %lld in this workshop"), f->name,
				       target->name, num);
		if (scope && (f->ref == JH_STAGE || f->ref == JH_TOUCHPOINT) &&
		    store_item_journey(st, wid, f->ref, num) != scope)
			return err_set(err, _("%s: %s %lld belongs to another journey"), f->name,
				       target->name, num);
		*id = num;
		return 0;
	}
	if (store_item_lookup(st, wid, f->ref, value, scope, id, err)) {
		err_prefix(err, "%s", f->name);
		return -1;
	}
	return 0;
}

static int parse_idlist(struct jh_store *st, jh_id wid, const struct jh_field_def *f,
			const char *value, struct jh_value *v, struct jh_values *out,
			struct jh_err *err)
{
	int64_t *ids = NULL;
	size_t n = 0;
	const char *p = value;

	while (*p) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		jh_id id;

		while (len && *p == ' ') {
			p++;
			len--;
		}
		while (len && p[len - 1] == ' ')
			len--;
		if (len) {
			char *item = util_xstrndup(p, len);
			if (resolve_ref(st, wid, f, item, 0, &id, err)) {
				free(item);
				free(ids);
				return -1;
			}
			free(item);
			ids = util_xrealloc(ids, (n + 1) * sizeof *ids);
			ids[n++] = id;
		}
		if (!comma)
			break;
		p = comma + 1;
	}
	out->lists[out->n] = ids;
	v->ids = ids;
	v->nids = n;
	return 0;
}

/* Append one value, converted by the field's type. */
static int add_value(struct jh_store *st, jh_id wid, const struct jh_field_def *f,
		     const char *value, jh_id scope, struct jh_values *out, struct jh_err *err)
{
	struct jh_value v = {.field = f};
	long long num;

	if (items_check_value(f, value, err))
		return -1;
	/* items_parse sized the arrays: at most one value per field. */
	out->texts[out->n] = NULL;
	out->lists[out->n] = NULL;
	switch (f->type) {
	case JF_INT:
		util_parse_int(value, &num);
		v.num = num;
		break;
	case JF_BOOL:
		parse_bool(value, &num);
		v.num = num;
		break;
	case JF_REF:
		if (is_none(value)) {
			if (f->required)
				return err_set(err, _("%s: required"), f->name);
			v.is_null = 1;
		} else {
			jh_id id;
			if (resolve_ref(st, wid, f, value, scope, &id, err))
				return -1;
			v.num = id;
		}
		break;
	case JF_IDLIST:
		if (parse_idlist(st, wid, f, value, &v, out, err))
			return -1;
		break;
	case JF_DATE: {
		char day[11];
		if (reldate_resolve(value, day, err))
			return -1;
		v.text = keep_text(out, day);
		break;
	}
	default:
		v.text = keep_text(out, value);
		break;
	}
	out->v[out->n++] = v;
	return 0;
}

static const struct jh_assign *given(const struct jh_assign *a, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(a[i].field, name))
			return &a[i];
	return NULL;
}

/* The journey that stage names are looked up in: the journey= given, the
 * journey of a stage given by id, the item's own journey on a set, or the
 * only journey of the workshop. */
static int journey_scope(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id item,
			 const struct jh_assign *a, size_t n, int for_add, jh_id *scope,
			 struct jh_err *err)
{
	const struct jh_assign *j = given(a, n, "journey");
	const struct jh_assign *s = given(a, n, "stage");
	const struct jh_field_def *jf = kinds_field(kinds_get(kind), "journey");
	long long num;

	*scope = 0;
	if (j) {
		if (items_check_value(jf, j->value, err))
			return -1;
		return resolve_ref(st, wid, jf, j->value, 0, scope, err);
	}
	if (!for_add) {
		*scope = store_item_journey(st, wid, kind, item);
		return 0;
	}
	if (s && util_parse_int(s->value, &num) == 0 && num > 0) {
		*scope = store_item_journey(st, wid, JH_STAGE, num);
		if (*scope)
			return 0;
	}
	*scope = store_item_only(st, wid, JH_JOURNEY);
	if (*scope)
		return 0;
	return err_set(err, _("journey: required (the workshop has %lld journeys)"),
		       store_item_count(st, wid, JH_JOURNEY));
}

/* kinds_field, first by the name's address: an import names its fields
 * by the field table's own strings, and strcmp was a tenth of its row. */
static const struct jh_field_def *field_named(const struct jh_kind_def *k, const char *name)
{
	for (size_t i = 0; i < k->nfields; i++)
		if (k->fields[i].name == name)
			return &k->fields[i];
	return kinds_field(k, name);
}

int items_parse(struct jh_store *st, jh_id wid, enum jh_kind kind, const struct jh_assign *a,
		size_t n, int for_add, struct jh_values *out, struct jh_err *err)
{
	const struct jh_kind_def *k = kinds_get(kind);
	const struct jh_assign *by_field[MAX_FIELDS] = {0};
	jh_id scope = 0, item = 0;
	char list[512];

	memset(out, 0, sizeof *out);
	if (!k)
		return err_set(err, _("unknown kind"));
	/* On a set, the caller passes the item id as an "id" assignment
	 * first so scoped names resolve in the item's own journey. */
	if (!for_add && n > 0 && !strcmp(a[0].field, "id")) {
		long long num = 0;
		util_parse_int(a[0].value, &num);
		item = num;
		a++;
		n--;
	}
	for (size_t i = 0; i < n; i++) {
		const struct jh_field_def *f = field_named(k, a[i].field);
		size_t fi;

		if (!f) {
			field_list(k, list, sizeof list);
			return err_set(err, _("%s has no field \"%s\" (fields: %s)"),
				       kinds_noun(k->kind, 1), a[i].field, list);
		}
		/* Each assignment filed under its field once, so the loop over
		 * the fields below does not search the assignments again. */
		fi = (size_t)(f - k->fields);
		if (fi < MAX_FIELDS && k->nfields <= MAX_FIELDS) {
			if (by_field[fi])
				return err_set(err, _("%s: given twice"), a[i].field);
			by_field[fi] = &a[i];
			continue;
		}
		for (size_t j = 0; j < i; j++)
			if (!strcmp(a[i].field, a[j].field))
				return err_set(err, _("%s: given twice"), a[i].field);
	}
	/* Sized once for the most values an item can have (one per field):
	 * growing them value by value was a third of parsing an import row. */
	out->v = util_xcalloc(k->nfields, sizeof *out->v);
	out->texts = util_xcalloc(k->nfields, sizeof *out->texts);
	out->lists = util_xcalloc(k->nfields, sizeof *out->lists);
	if ((kind == JH_STAGE || kind == JH_TOUCHPOINT) &&
	    (for_add || given(a, n, "journey") || given(a, n, "stage"))) {
		if (journey_scope(st, wid, kind, item, a, n, for_add, &scope, err))
			goto fail;
		if (!for_add && kind == JH_TOUCHPOINT && given(a, n, "journey") &&
		    !given(a, n, "stage")) {
			err_set(err, _("stage: give the stage in the new journey as well"));
			goto fail;
		}
	}
	for (size_t i = 0; i < k->nfields; i++) {
		const struct jh_field_def *f = &k->fields[i];
		const struct jh_assign *g =
		    k->nfields <= MAX_FIELDS ? by_field[i] : given(a, n, f->name);
		char idbuf[32];

		if (g) {
			if (add_value(st, wid, f, g->value, f->ref == JH_STAGE ? scope : 0, out,
				      err))
				goto fail;
			continue;
		}
		if (!for_add)
			continue;
		if (f->name && !strcmp(f->name, "journey") && scope &&
		    (kind == JH_STAGE || kind == JH_TOUCHPOINT)) {
			snprintf(idbuf, sizeof idbuf, "%lld", (long long)scope);
			if (add_value(st, wid, f, idbuf, 0, out, err))
				goto fail;
			continue;
		}
		if (f->required) {
			err_set(err, _("%s: required for a new %s"), f->name,
				kinds_noun(k->kind, 1));
			goto fail;
		}
		if (f->defval && add_value(st, wid, f, f->defval, 0, out, err))
			goto fail;
	}
	return 0;
fail:
	items_values_free(out);
	return -1;
}

void items_values_free(struct jh_values *vals)
{
	if (!vals)
		return;
	for (size_t i = 0; i < vals->n; i++) {
		if (vals->texts)
			free(vals->texts[i]);
		if (vals->lists)
			free(vals->lists[i]);
	}
	free(vals->v);
	free(vals->texts);
	free(vals->lists);
	memset(vals, 0, sizeof *vals);
}
