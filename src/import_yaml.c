/* import_yaml.c: restoring a workshop from the yaml export.
 *
 * The text is read by yamlread.c (leniently: anchors pass as names; tags
 * and aliases are refused); writing it byte-stable is export_yaml.c's.
 *
 * The file streams by: each item of a top-level list is read into plain
 * structs as soon as libyaml has completed it, and its nodes are freed,
 * so memory is what the items take, never the whole document (a few marks
 * per item keep the lines later messages name). Nothing is written until
 * all is read and checked. Items are read, checked and inserted by walking
 * the field table (kinds.c, in export_fields' key order), so a field added
 * there is imported as it is exported. Values are checked as the command
 * line checks them (items_check_value), ids unique per kind, every
 * reference pointing at an item of the file, keys given once at every
 * level. Only then is the workshop created, in one batch: items keep
 * their ids when all of them are free in the database, otherwise the
 * batch is rolled back and done again with new ids. Aliases are refused:
 * an export never has them and they are how small files become huge
 * trees. */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "journeyhack/export_fields.h"
#include "journeyhack/fileread.h"
#include "journeyhack/i18n.h"
#include "journeyhack/import_yaml.h"
#include "journeyhack/items.h"
#include "journeyhack/kinds.h"
#include "journeyhack/model_index.h"
#include "journeyhack/template.h"
#include "journeyhack/util.h"
#include "journeyhack/yamlread.h"
#include "journeyhack/yesno.h"

/* Where a value was in the file, for messages after its node is gone. */
struct imark {
	uint32_t line, col; /* 0: not given */
};

struct imp {
	struct yamlread_node *root;
	const char *label;
	struct jh_err *err;
	struct jh_data d;
	size_t cap[JH_NKINDS];
	/* Per item, parallel to d: the mapping's mark, then the marks of the
	 * values later checks name (ids, labels, references), at the slots
	 * slot[kind][i] gives for the kind's key i. */
	struct imark *marks[JH_NKINDS];
	size_t stride[JH_NKINDS];
	int slot[JH_NKINDS][EXPORT_FIELDS_MAX];
	struct export_fields keys[JH_NKINDS];
	int have_version, have_workshop;
	/* The first fault in what the file says, held back while the rest is
	 * read: a file that is not valid YAML says so first, wherever. */
	int wrong;
	struct jh_err first;
	const struct yamlread_node *list; /* the top-level list being read */
	int index;			  /* the place of its next item */
};

/* ------------------------------------------------------------ messages */

/* A macro so that -1 is visible at every call site: static analysers do
 * not look inside variadic functions. */
#define fail_at(im, n, ...)                                                                        \
	(yamlread_report((im)->label, (im)->err, (n)->line, (n)->col, __VA_ARGS__), -1)

static const char *type_name(const struct yamlread_node *n)
{
	return n->kind == YAMLREAD_SCALAR ? "a value"
	       : n->kind == YAMLREAD_SEQ  ? "a list"
					  : "a mapping";
}

/* A node's place, kept in 32 bits: a file of more than four billion
 * lines (it streams, so its size is no limit) is named at the last. */
static struct imark mark_at(const struct yamlread_node *n)
{
	return (struct imark){n->line < UINT32_MAX ? (uint32_t)n->line : UINT32_MAX,
			      n->col < UINT32_MAX ? (uint32_t)n->col : UINT32_MAX};
}

/* ------------------------------------------------------------ scalars */

static int scalar(struct imp *im, const struct yamlread_node *n, const char *key, const char **out)
{
	if (n->kind != YAMLREAD_SCALAR)
		return fail_at(im, n, _("%s: expected a value, found %s"), key, type_name(n));
	if (strlen(n->text) != n->len)
		return fail_at(im, n, _("%s: NUL characters are not allowed"), key);
	*out = n->text;
	return 0;
}

static int get_int(struct imp *im, const struct yamlread_node *n, const char *key, long long min,
		   long long max, long long *out)
{
	const char *v;
	long long num;

	if (scalar(im, n, key, &v))
		return -1;
	if (util_parse_int(v, &num))
		return fail_at(im, n, _("%s: \"%.40s\" is not a whole number"), key, v);
	if (num < min || num > max)
		return fail_at(im, n, _("%s: %lld is out of range (%lld..%lld)"), key, num, min,
			       max);
	*out = num;
	return 0;
}

static int get_bool(struct imp *im, const struct yamlread_node *n, const char *key, int *out)
{
	const char *v;

	if (scalar(im, n, key, &v))
		return -1;
	if (yesno_parse(v, strlen(v), out) == 0)
		return 0;
	return fail_at(im, n, _("%s: \"%.40s\" is not true or false"), key, v);
}

static int get_ref(struct imp *im, const struct yamlread_node *n, const char *key, jh_id *out)
{
	long long v;

	if (yamlread_is_null(n)) {
		*out = 0;
		return 0;
	}
	if (get_int(im, n, key, 1, INT64_MAX, &v))
		return -1;
	*out = v;
	return 0;
}

/* ------------------------------------------------------- the keys */

/* Items are read by walking the field table, in the export's key order
 * (export_fields.c, which adds each item's id and a step's revealed): a
 * field added to the table is read with no change here. What the table
 * does not say is listed below, next to the code that uses it. */

/* The lists of the file: their key, kind and how messages name an item.
 * Stages and touchpoints sit inside their journey, which gives them the
 * journey their `journey` field would name. */
static const struct section {
	const char *key;
	enum jh_kind kind;
	const char *what;
	int in_journey;
} sections[] = {
    {"agenda", JH_STEP, "agenda step", 0},  {"participants", JH_PARTICIPANT, "participant", 0},
    {"journeys", JH_JOURNEY, "journey", 0}, {"painpoints", JH_PAINPOINT, "pain point", 0},
    {"ideas", JH_IDEA, "idea", 0},	    {"votes", JH_VOTE, "vote", 0},
    {"actions", JH_ACTION, "action", 0},    {"parking", JH_PARKING, "parking-lot entry", 0},
    {"stages", JH_STAGE, "stage", 1},	    {"touchpoints", JH_TOUCHPOINT, "touchpoint", 1},
    {"personas", JH_PERSONA, "persona", 0},
};

#define NSECTIONS (sizeof sections / sizeof sections[0])

/* Numbers the command line never sets, or sets another way: read in the
 * file's own range, with the file's own message. A position left out is
 * the item's place in its list. */
static const struct {
	const char *key;
	long long min, max;
} own_numbers[] = {
    {"id", 1, INT64_MAX},	   {"position", 0, 1000000},
    {"current_step", 0, 1000000},  {"timer_started", 0, INT64_MAX},
    {"timer_elapsed", 0, INT_MAX},
};

/* The workshop's settings the table does not hold (the export writes
 * them by hand). timer_started is 64 bits: described as a reference to
 * no kind, as store.c does, so that it is kept in a jh_id. */
#define W(m) offsetof(struct jh_workshop, m)
static const struct jh_field_def settings[] = {
    {"name", NULL, JF_TEXT, 0, 0, NULL, 0, 0, NULL, "Name", W(name), 0},
    {"template", NULL, JF_TEXT, 0, 0, NULL, 0, 0, NULL, "Template", W(template_name), 0},
    {"created", NULL, JF_DATE, 0, 0, NULL, 0, 0, NULL, "Created", W(created), 0},
    {"current_step", NULL, JF_INT, 0, 0, NULL, 0, 0, NULL, "Step", W(current_step), 0},
    {"timer_running", NULL, JF_BOOL, 0, 1, NULL, 0, 0, NULL, "Timer", W(timer_running), 0},
    {"timer_started", NULL, JF_REF, 0, 0, NULL, JH_NKINDS, 0, NULL, "Started", W(timer_started), 0},
    {"timer_elapsed", NULL, JF_INT, 0, 0, NULL, 0, 0, NULL, "Elapsed", W(timer_elapsed), 0},
};
#undef W

/* The workshop's lists of template words. */
static const struct {
	const char *key;
	size_t items, count; /* in struct jh_data */
} word_lists[] = {
    {"channels", offsetof(struct jh_data, channels), offsetof(struct jh_data, nchannels)},
    {"stages", offsetof(struct jh_data, stage_names), offsetof(struct jh_data, nstage_names)},
    {"prompts", offsetof(struct jh_data, prompts), offsetof(struct jh_data, nprompts)},
};

#define NEXTRA 3

/* Keys an item mapping may hold besides its values: a journey's stages
 * and touchpoints, the workshop's word lists; each read after the rest. */
struct extra {
	const char *keys[NEXTRA];
	const struct yamlread_node *nodes[NEXTRA]; /* value node per key, NULL when absent */
};

static void item_keys(struct export_fields *fl, enum jh_kind kind, int in_journey)
{
	if (kind != JH_WORKSHOP) {
		export_fields_item(fl, kind, in_journey ? "journey" : NULL);
		return;
	}
	fl->n = 0;
	export_fields_rest(fl, JH_WORKSHOP, NULL);
	for (size_t i = 0; i < sizeof settings / sizeof settings[0] && fl->n < EXPORT_FIELDS_MAX;
	     i++)
		fl->f[fl->n++] = &settings[i];
}

static int own_range(const char *key, long long *min, long long *max)
{
	for (size_t i = 0; i < sizeof own_numbers / sizeof own_numbers[0]; i++)
		if (!strcmp(own_numbers[i].key, key)) {
			*min = own_numbers[i].min;
			*max = own_numbers[i].max;
			return 1;
		}
	return 0;
}

/* Kept for later messages: the values a check after reading names. */
static int tracked(enum jh_kind kind, const struct jh_field_def *f)
{
	const char *label = kinds_get(kind)->label_field;

	return !strcmp(f->name, "id") || f->type == JF_REF || f->type == JF_IDLIST ||
	       (label && !strcmp(f->name, label));
}

/* The keys of every kind's items and the places of their marks. */
static void keys_init(struct imp *im)
{
	for (size_t s = 0; s < NSECTIONS; s++) {
		enum jh_kind kind = sections[s].kind;
		struct export_fields *fl = &im->keys[kind];
		size_t stride = 1;

		item_keys(fl, kind, sections[s].in_journey);
		for (size_t i = 0; i < fl->n; i++)
			im->slot[kind][i] = tracked(kind, fl->f[i]) ? (int)stride++ : -1;
		im->stride[kind] = stride;
	}
}

/* ---------------------------------------------------------- values */

/* A value of the table is checked as the command line would check it
 * (yes/no and references excepted: the file spells them its own way). */
static int check_value(struct imp *im, enum jh_kind kind, const struct jh_field_def *f,
		       const struct yamlread_node *n, const char *v)
{
	struct jh_err e;

	if (kinds_field(kinds_get(kind), f->name) != f)
		return 0;
	/* A saved file holds dates, never "+2w": today would move them. */
	if (f->type == JF_DATE && *v && !util_date_valid(v))
		return fail_at(im, n, _("%s: \"%.40s\" is not a date (YYYY-MM-DD)"), f->name, v);
	if (items_check_value(f, v, &e) == 0)
		return 0;
	return fail_at(im, n, "%s", e.msg);
}

/* The workshop's own text settings are not in the field table: checked as
 * the command line checks their kind of value, then by their own rule. The
 * template is a handle the program prints and looks up by name, so it is
 * a template name or nothing; the name is one line of plain text. */
static int check_setting(struct imp *im, const struct jh_field_def *f,
			 const struct yamlread_node *n, const char *v)
{
	const char *why;
	struct jh_err e;

	if (f->type == JF_TEXT && items_check_value(f, v, &e))
		return fail_at(im, n, "%s", e.msg);
	if (!strcmp(f->name, "template") && *v && !template_name_valid(v)) {
		char q[YAMLREAD_QUOTE_MAX * 2 + 16];

		yamlread_quote(q, sizeof q, v, strlen(v));
		return fail_at(im, n, _("template: %s is not a template name (use a-z, 0-9 and -)"),
			       q);
	}
	why = template_text_problem(v, strlen(v), 0);
	if (f->type == JF_TEXT && why)
		return fail_at(im, n, "%s: %s", f->name, why);
	return 0;
}

static void put_num(const struct jh_field_def *f, char *p, long long num)
{
	if (kinds_storage(f) == KINDS_S_ID)
		*(jh_id *)(void *)p = num;
	else
		*(int *)(void *)p = (int)num;
}

static int set_field(struct imp *im, enum jh_kind kind, const struct jh_field_def *f,
		     const struct yamlread_node *n, void *item)
{
	char *p = (char *)item + f->offset;
	long long num, min, max;
	const char *v;
	int b = 0;

	if (own_range(f->name, &min, &max)) {
		if (get_int(im, n, f->name, min, max, &num))
			return -1;
		put_num(f, p, num);
		return 0;
	}
	switch (f->type) {
	case JF_BOOL:
		if (get_bool(im, n, f->name, &b))
			return -1;
		*(int *)(void *)p = b;
		return 0;
	case JF_REF:
		return get_ref(im, n, f->name, (jh_id *)(void *)p);
	case JF_INT:
		if (scalar(im, n, f->name, &v) || check_value(im, kind, f, n, v))
			return -1;
		util_parse_int(v, &num);
		*(int *)(void *)p = (int)num;
		return 0;
	default:
		if (yamlread_is_null(n))
			v = "";
		else if (scalar(im, n, f->name, &v))
			return -1;
		if (check_value(im, kind, f, n, v))
			return -1;
		if (kind == JH_WORKSHOP && kinds_field(kinds_get(kind), f->name) != f &&
		    check_setting(im, f, n, v))
			return -1;
		free(*(char **)(void *)p);
		*(char **)(void *)p = util_xstrdup(v);
		return 0;
	}
}

/* A value the file leaves out takes the default the command line gives;
 * a position, the item's place in its list. */
static void set_default(const struct jh_field_def *f, void *item, int index)
{
	char *p = (char *)item + f->offset;
	long long num = 0;

	if (kinds_storage(f) == KINDS_S_TEXT) {
		if (!*(char **)(void *)p)
			*(char **)(void *)p = util_xstrdup(f->defval ? f->defval : "");
	} else if (kinds_storage(f) == KINDS_S_INT) {
		if (!strcmp(f->name, "position"))
			num = index;
		else if (f->defval)
			util_parse_int(f->defval, &num);
		*(int *)(void *)p = (int)num;
	}
}

static const struct yamlread_node *sequence(struct imp *im, const struct yamlread_node *n,
					    const char *key)
{
	if (n->kind != YAMLREAD_SEQ) {
		if (yamlread_is_null(n))
			return n; /* "key:" with nothing: an empty list */
		(void)fail_at(im, n, _("%s must be a list, found %s"), key, type_name(n));
		return NULL;
	}
	return n;
}

/* The items of a list; none for the null that stands for an empty one. */
#define EACH(n, it)                                                                                \
	for (struct yamlread_node *const *it = (n)->items;                                         \
	     (n)->kind == YAMLREAD_SEQ && it && it < (n)->items + (n)->nitems; it++)

static int read_ids(struct imp *im, const struct yamlread_node *list, const struct jh_field_def *f,
		    void *item)
{
	const struct yamlread_node *n = sequence(im, list, f->name);
	jh_id **ids = (jh_id **)(void *)((char *)item + f->offset);
	size_t *count = (size_t *)(void *)((char *)item + f->count_offset);

	if (!n)
		return -1;
	EACH(n, it)
	{
		long long id;
		if (get_int(im, *it, f->name, 1, INT64_MAX, &id))
			return -1;
		*ids = util_xrealloc(*ids, (*count + 1) * sizeof **ids);
		(*ids)[(*count)++] = id;
	}
	return 0;
}

static int read_strings(struct imp *im, const struct yamlread_node *list, const char *key,
			char ***out, size_t *nout)
{
	const struct yamlread_node *n = sequence(im, list, key);

	if (!n)
		return -1;
	EACH(n, it)
	{
		const char *s;
		if (scalar(im, *it, key, &s))
			return -1;
		const char *why = template_text_problem(s, strlen(s), 0);

		if (why)
			return fail_at(im, *it, "%s: %s", key, why);
		if (strlen(s) > 4096)
			return fail_at(im, *it, _("%s: not one line of UTF-8 text"), key);
		*out = util_xrealloc(*out, (*nout + 1) * sizeof **out);
		(*out)[(*nout)++] = util_xstrdup(s);
	}
	return 0;
}

/* ------------------------------------------------------------ items */

/* Where a key of an item mapping goes: a value (its index in fl), an
 * extra key (NEXTRA + its index), or nowhere (-1). */
static int key_slot(const struct export_fields *fl, const struct extra *ex, const char *key)
{
	for (size_t i = 0; i < fl->n; i++)
		if (!strcmp(fl->f[i]->name, key))
			return (int)i;
	for (int i = 0; ex && i < NEXTRA; i++)
		if (ex->keys[i] && !strcmp(ex->keys[i], key))
			return EXPORT_FIELDS_MAX + i;
	return -1;
}

/* The values of one item mapping, checked in the file's order. */
static int read_values(struct imp *im, const struct yamlread_node *n, enum jh_kind kind,
		       const char *what, const struct export_fields *fl, void *item,
		       const struct yamlread_node **given, struct extra *ex)
{
	for (size_t p = 0; p + 1 < n->nitems; p += 2) {
		const struct yamlread_node *k = n->items[p], *v = n->items[p + 1], **slot;
		const char *key;
		int i;

		if (scalar(im, k, what, &key))
			return -1;
		i = key_slot(fl, ex, key);
		if (i < 0)
			return fail_at(im, k, _("unknown key \"%.60s\" in a %s"), key, what);
		slot = i < EXPORT_FIELDS_MAX ? &given[i] : &ex->nodes[i - EXPORT_FIELDS_MAX];
		if (*slot)
			return fail_at(im, k, _("%s: given twice"), key);
		*slot = v;
		/* Lists are read once the item is known to be whole. */
		if (i < EXPORT_FIELDS_MAX && fl->f[i]->type != JF_IDLIST &&
		    set_field(im, kind, fl->f[i], v, item))
			return -1;
	}
	return 0;
}

static int read_item(struct imp *im, const struct yamlread_node *n, enum jh_kind kind,
		     const char *what, const struct export_fields *fl, void *item, int index,
		     struct extra *ex, struct imark *row)
{
	const struct yamlread_node *given[EXPORT_FIELDS_MAX] = {NULL};

	if (n->kind != YAMLREAD_MAP)
		return fail_at(im, n, _("a %s must be a mapping, found %s"), what, type_name(n));
	if (read_values(im, n, kind, what, fl, item, given, ex))
		return -1;
	for (size_t i = 0; row && i < fl->n; i++)
		if (given[i] && im->slot[kind][i] > 0)
			row[im->slot[kind][i]] = mark_at(given[i]);
	/* In the export's order, which asks for a touchpoint's stage before
	 * its name, unlike the table. */
	for (size_t i = 0; i < fl->n; i++) {
		if (given[i])
			continue;
		if (fl->f[i]->required)
			return fail_at(im, n, _("this %s has no %s"), what, fl->f[i]->name);
		set_default(fl->f[i], item, index);
	}
	for (size_t i = 0; i < fl->n; i++)
		if (given[i] && fl->f[i]->type == JF_IDLIST &&
		    read_ids(im, given[i], fl->f[i], item))
			return -1;
	return 0;
}

/* Append a zeroed item of `kind` to its array in im->d, with a row of
 * marks that starts with the item's own. Arrays grow by half: a large
 * file's items are most of the memory an import takes. */
static void *append(struct imp *im, enum jh_kind kind, const struct yamlread_node *node,
		    struct imark **row)
{
	const struct jh_kind_def *kd = kinds_get(kind);
	char **arr = (char **)(void *)((char *)&im->d + kd->items_offset);
	size_t *n = (size_t *)(void *)((char *)&im->d + kd->count_offset);
	size_t stride = im->stride[kind];

	if (*n == im->cap[kind]) {
		im->cap[kind] = im->cap[kind] ? im->cap[kind] + im->cap[kind] / 2 : 16;
		*arr = util_xrealloc(*arr, im->cap[kind] * kd->item_size);
		im->marks[kind] = util_xrealloc(im->marks[kind],
						im->cap[kind] * stride * sizeof *im->marks[kind]);
	}
	*row = im->marks[kind] + *n * stride;
	memset(*row, 0, stride * sizeof **row);
	**row = mark_at(node);
	memset(*arr + *n * kd->item_size, 0, kd->item_size);
	return *arr + (*n)++ * kd->item_size;
}

static int read_list(struct imp *im, const struct yamlread_node *list, const struct section *s,
		     jh_id journey);

/* A journey's stages and touchpoints, after the journey itself. */
static int read_nested(struct imp *im, const struct extra *ex, jh_id journey)
{
	for (size_t i = 0, k = 0; i < NSECTIONS; i++)
		if (sections[i].in_journey && ex->nodes[k++] &&
		    read_list(im, ex->nodes[k - 1], &sections[i], journey))
			return -1;
	return 0;
}

/* Item `index` of a list; the stages and touchpoints of a journey too. */
static int read_list_item(struct imp *im, const struct yamlread_node *n, const struct section *s,
			  jh_id journey, int index)
{
	const struct jh_field_def *parent = kinds_field(kinds_get(s->kind), "journey");
	struct extra ex = {{NULL}, {NULL}};
	struct imark *row;
	void *item = append(im, s->kind, n, &row);

	for (size_t i = 0, k = 0; s->kind == JH_JOURNEY && i < NSECTIONS; i++)
		if (sections[i].in_journey)
			ex.keys[k++] = sections[i].key;
	if (read_item(im, n, s->kind, s->what, &im->keys[s->kind], item, index, &ex, row))
		return -1;
	if (s->in_journey)
		*(jh_id *)(void *)((char *)item + parent->offset) = journey;
	/* item may move as the arrays grow, but not its id. */
	if (s->kind == JH_JOURNEY && read_nested(im, &ex, *(const jh_id *)item))
		return -1;
	return 0;
}

static int read_list(struct imp *im, const struct yamlread_node *list, const struct section *s,
		     jh_id journey)
{
	const struct yamlread_node *n = sequence(im, list, s->key);
	int index = 0;

	if (!n)
		return -1;
	EACH(n, it)
	if (read_list_item(im, *it, s, journey, index++))
		return -1;
	return 0;
}

static int read_workshop(struct imp *im, const struct yamlread_node *n)
{
	struct extra ex = {{NULL}, {NULL}};
	struct jh_workshop *w = &im->d.workshop;
	struct export_fields fl;

	for (size_t i = 0; i < NEXTRA; i++)
		ex.keys[i] = word_lists[i].key;
	item_keys(&fl, JH_WORKSHOP, 0);
	if (read_item(im, n, JH_WORKSHOP, "workshop", &fl, w, 0, &ex, NULL))
		return -1;
	if (*w->created && !util_date_valid(w->created))
		return fail_at(im, n, _("created: \"%.20s\" is not a date (YYYY-MM-DD)"),
			       w->created);
	for (size_t i = 0; i < NEXTRA; i++) {
		char ***items = (char ***)(void *)((char *)&im->d + word_lists[i].items);
		size_t *count = (size_t *)(void *)((char *)&im->d + word_lists[i].count);

		if (ex.nodes[i] && read_strings(im, ex.nodes[i], ex.keys[i], items, count))
			return -1;
	}
	return 0;
}

static int read_version(struct imp *im, const struct yamlread_node *v)
{
	long long version;

	if (get_int(im, v, "journeyhack", 1, INT_MAX, &version))
		return -1;
	if (version != 1)
		return fail_at(im, v,
			       _("format version %lld is newer than this journeyhack reads (1)"),
			       version);
	return 0;
}

/* The section a top-level key names, or NULL. */
static const struct section *section_of(const char *key)
{
	for (size_t i = 0; i < NSECTIONS; i++)
		if (!sections[i].in_journey && !strcmp(sections[i].key, key))
			return &sections[i];
	return NULL;
}

/* A top-level key, checked as soon as it is read: known, and not given
 * before (a second "workshop:" would otherwise quietly replace the
 * first). The keys before it are few: each was known. */
static int top_key(struct imp *im, const struct yamlread_node *root)
{
	const struct yamlread_node *k = root->items[root->nitems - 1];
	char q[YAMLREAD_QUOTE_MAX * 2 + 16];
	const char *key;

	im->list = NULL;
	if (scalar(im, k, "key", &key))
		return -1;
	if (strcmp(key, "journeyhack") && strcmp(key, "workshop") && !section_of(key))
		return fail_at(im, k, _("unknown key \"%.60s\""), key);
	for (size_t p = 0; p + 1 < root->nitems; p += 2) {
		const struct yamlread_node *f = root->items[p];

		if (!yamlread_scalar_is(f, key))
			continue;
		yamlread_quote(q, sizeof q, k->text, k->len);
		return fail_at(im, k, _("duplicate key %s (first at line %zu, column %zu)"), q,
			       f->line, f->col);
	}
	return 0;
}

/* A top-level value, complete: read, and left in the tree as the key's
 * pair, small by now: a list's items were taken one by one as they were
 * read (top_item). */
static int top_value(struct imp *im, const struct yamlread_node *root,
		     const struct yamlread_node *v)
{
	const char *key = root->items[root->nitems - 2]->text;
	int rc;

	im->list = NULL;
	if (!strcmp(key, "journeyhack")) {
		im->have_version = 1;
		rc = read_version(im, v);
	} else if (!strcmp(key, "workshop")) {
		im->have_workshop = 1;
		rc = read_workshop(im, v);
	} else {
		rc = read_list(im, v, section_of(key), 0);
	}
	return rc;
}

static int top_item(struct imp *im, const struct yamlread_node *root,
		    const struct yamlread_node *list, const struct yamlread_node *n)
{
	const struct section *s = section_of(root->items[root->nitems - 2]->text);

	if (!s)
		return 0;
	if (im->list != list) {
		im->list = list;
		im->index = 0;
	}
	return read_list_item(im, n, s, 0, im->index++) ? -1 : 1;
}

static int read_node(struct imp *im, struct yamlread_node *const *open, size_t depth,
		     const struct yamlread_node *n)
{
	const struct yamlread_node *root = open[0];

	if (root->kind != YAMLREAD_MAP)
		return fail_at(im, root,
			       _("not a journeyhack workshop (expected a mapping, found %s)"),
			       type_name(root));
	if (depth == 1)
		return root->nitems % 2 ? top_key(im, root) : top_value(im, root, n);
	if (depth == 2 && root->nitems % 2 == 0 && open[1] == root->items[root->nitems - 1] &&
	    open[1]->kind == YAMLREAD_SEQ)
		return top_item(im, root, open[1], n);
	return 0;
}

/* The file is read as libyaml streams it: every item of a top-level list
 * is read and checked as soon as it is complete, then freed, so memory
 * holds the items as the program keeps them, never the whole document.
 * After a fault the rest is only parsed, each value dropped once read
 * (those at the top stay, as pairs of keys and small values). */
static int each_node(void *arg, struct yamlread_node *const *open, size_t depth,
		     struct yamlread_node *n)
{
	struct imp *im = arg;
	int rc;

	if (depth == 0)
		return 0;
	if (im->wrong)
		return depth > 1;
	rc = read_node(im, open, depth, n);
	if (rc >= 0)
		return rc;
	im->wrong = 1;
	im->first = *im->err;
	return depth > 1;
}

/* What only the whole file can tell. */
static int read_root(struct imp *im)
{
	const struct yamlread_node *root = im->root;

	if (!root)
		return err_set(im->err, _("%s: empty file, not a journeyhack workshop"), im->label);
	if (root->kind != YAMLREAD_MAP)
		return fail_at(im, root,
			       _("not a journeyhack workshop (expected a mapping, found %s)"),
			       type_name(root));
	if (!im->have_version)
		return fail_at(im, root,
			       _("not a journeyhack workshop file (no \"journeyhack: 1\")"));
	if (!im->have_workshop)
		return fail_at(im, root, _("no \"workshop:\" section"));
	return 0;
}

/* ------------------------------------------------------------ checks */

/* Where the value of `key` of item i was (the item's mapping when the
 * key was absent or its place was not kept; key NULL: the mapping). */
static const struct imark *mark_of(const struct imp *im, enum jh_kind kind, size_t i,
				   const char *key)
{
	const struct imark *row = im->marks[kind] + i * im->stride[kind];
	const struct export_fields *fl = &im->keys[kind];

	for (size_t k = 0; key && k < fl->n; k++) {
		int at = im->slot[kind][k];

		if (at > 0 && row[at].line && !strcmp(fl->f[k]->name, key))
			return &row[at];
	}
	return row;
}

static jh_id item_id(const struct jh_data *d, enum jh_kind kind, size_t i)
{
	const struct jh_kind_def *kd = kinds_get(kind);

	return (jh_id)kinds_num(export_fields_find(kind, "id"), kinds_item(kd, d, i));
}

struct checks {
	struct model_index ix;
	jh_id *new_ids[JH_NKINDS]; /* by item position, after insertion: the id the store gave */
	long second_vote;	   /* the first vote that repeats an earlier one, or -1 */
};

/* ---- repetitions in O(n log n): an export may hold hundreds of
 * thousands of items ---- */

struct dupkey {
	jh_id a, b;
	const char *s; /* NULL: not part of the key */
	size_t pos;
};

static int dupkey_same(const struct dupkey *x, const struct dupkey *y)
{
	return x->a == y->a && x->b == y->b && (!x->s || !strcmp(x->s, y->s));
}

static int dupkey_cmp(const void *p, const void *q)
{
	const struct dupkey *x = p, *y = q;
	int r;

	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	if (x->b != y->b)
		return x->b < y->b ? -1 : 1;
	if (x->s && (r = strcmp(x->s, y->s)) != 0)
		return r;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* The first item, in the file's order, whose key an earlier item has;
 * -1 when all differ. Sorts and frees keys. */
static long first_repeat(struct dupkey *keys, size_t n)
{
	long best = -1;
	size_t start = 0; /* of the run of equal keys keys[i] may belong to */

	qsort(keys, n, sizeof *keys, dupkey_cmp);
	for (size_t i = 1; i < n; i++) {
		if (!dupkey_same(&keys[start], &keys[i]))
			start = i;
		else if (i == start + 1 && (best < 0 || keys[i].pos < (size_t)best))
			best = (long)keys[i].pos; /* the second of its run */
	}
	free(keys);
	return best;
}

/* A duplicate id is an error at the later item (the index sorts equal ids
 * by position). */
static int check_ids(struct imp *im, struct checks *c, enum jh_kind kind)
{
	const struct model_index_entry *e = c->ix.by_id[kind];
	size_t n = c->ix.n[kind];

	c->new_ids[kind] = util_xcalloc(n ? n : 1, sizeof(jh_id));
	for (size_t i = 1; i < n; i++)
		if (e[i].id == e[i - 1].id) {
			const struct imark *first = mark_of(im, kind, e[i - 1].pos, "id");
			return fail_at(im, mark_of(im, kind, e[i].pos, "id"),
				       _("duplicate %s id %lld (first at line %zu, column %zu)"),
				       kinds_noun(kind, 1), (long long)e[i].id, (size_t)first->line,
				       (size_t)first->col);
		}
	return 0;
}

/* Names the store keeps unique (within a journey for a kind that sits in
 * one), checked here to name the line. */
static const enum jh_kind unique_names[] = {JH_PARTICIPANT, JH_JOURNEY, JH_STAGE};

static int check_unique_names(struct imp *im, enum jh_kind kind)
{
	const struct jh_kind_def *kd = kinds_get(kind);
	const struct jh_field_def *name = kinds_field(kd, kd->label_field);
	const struct jh_field_def *scope = kinds_field(kd, "journey");
	size_t n = kinds_count(kd, &im->d);
	struct dupkey *keys = util_xmalloc((n ? n : 1) * sizeof *keys);
	long i;

	for (size_t k = 0; k < n; k++) {
		const void *it = kinds_item(kd, &im->d, k);

		keys[k] =
		    (struct dupkey){scope ? kinds_num(scope, it) : 0, 0, kinds_text(name, it), k};
	}
	i = first_repeat(keys, n);
	if (i < 0)
		return 0;
	return fail_at(im, mark_of(im, kind, (size_t)i, name->name),
		       _("a %s named \"%.60s\" appears twice%s"), kinds_noun(kd->kind, 1),
		       kinds_text(name, kinds_item(kd, &im->d, (size_t)i)),
		       scope ? " in this journey" : "");
}

/* A reference from an item of `kind`. Between two kinds that sit inside
 * journeys (a touchpoint's stage) it must stay in the item's journey. */
static int check_ref(struct imp *im, struct checks *c, enum jh_kind kind, size_t i,
		     const struct jh_field_def *f, jh_id id)
{
	const struct jh_kind_def *kd = kinds_get(kind), *td = kinds_get(f->ref);
	const struct jh_field_def *mine = kinds_field(kd, "journey");
	const struct jh_field_def *theirs = kinds_field(td, "journey");
	long at = model_index_pos(&c->ix, f->ref, id);

	if (mine && theirs && f != mine) {
		if (at >= 0 && kinds_num(theirs, kinds_item(td, &im->d, (size_t)at)) ==
				   kinds_num(mine, kinds_item(kd, &im->d, i)))
			return 0;
		return fail_at(im, mark_of(im, kind, i, f->name),
			       _("%s %lld: not a %s of this %s's journey"), f->name, (long long)id,
			       kinds_noun(td->kind, 1), kinds_noun(kd->kind, 1));
	}
	if (!id || at >= 0)
		return 0;
	return fail_at(im, mark_of(im, kind, i, f->name),
		       _("%s %lld: no %s with this id in the file"), f->name, (long long)id,
		       kinds_noun(td->kind, 1));
}

static int check_list(struct imp *im, struct checks *c, enum jh_kind kind, size_t i,
		      const struct jh_field_def *f)
{
	size_t n;
	const jh_id *ids = kinds_ids(f, kinds_item(kinds_get(kind), &im->d, i), &n);

	for (size_t k = 0; k < n; k++) {
		if (check_ref(im, c, kind, i, f, ids[k]))
			return -1;
		for (size_t m = 0; m < k; m++)
			if (ids[m] == ids[k])
				return fail_at(im, mark_of(im, kind, i, f->name),
					       _("%s: %lld is listed twice"), f->name,
					       (long long)ids[k]);
	}
	return 0;
}

/* The store refuses a second vote of a participant on an idea. */
static long second_vote(const struct jh_data *d)
{
	struct dupkey *keys = util_xmalloc((d->nvotes ? d->nvotes : 1) * sizeof *keys);

	for (size_t k = 0; k < d->nvotes; k++)
		keys[k] = (struct dupkey){d->votes[k].idea_id, d->votes[k].participant_id, NULL, k};
	return first_repeat(keys, d->nvotes);
}

static int check_vote(struct imp *im, const struct checks *c, size_t i)
{
	const struct jh_vote *v = &im->d.votes[i];

	if (c->second_vote != (long)i)
		return 0;
	return fail_at(im, mark_of(im, JH_VOTE, i, NULL),
		       _("a second vote of participant %lld on idea %lld"),
		       (long long)v->participant_id, (long long)v->idea_id);
}

/* Every reference of item i of kind, in table order. */
static int check_item(struct imp *im, struct checks *c, enum jh_kind kind, size_t i)
{
	const struct jh_kind_def *kd = kinds_get(kind);

	for (size_t k = 0; k < kd->nfields; k++) {
		const struct jh_field_def *f = &kd->fields[k];
		if ((f->type == JF_REF &&
		     check_ref(im, c, kind, i, f,
			       (jh_id)kinds_num(f, kinds_item(kd, &im->d, i)))) ||
		    (f->type == JF_IDLIST && check_list(im, c, kind, i, f)))
			return -1;
	}
	return kind == JH_VOTE ? check_vote(im, c, i) : 0;
}

static int check_all(struct imp *im, struct checks *c)
{
	const struct jh_data *d = &im->d;

	model_index_build(&c->ix, d);
	c->second_vote = second_vote(d);
	for (int k = 0; k < JH_NKINDS; k++)
		if (k != JH_WORKSHOP && check_ids(im, c, (enum jh_kind)k))
			return -1;
	for (size_t k = 0; k < sizeof unique_names / sizeof unique_names[0]; k++)
		if (check_unique_names(im, unique_names[k]))
			return -1;
	for (int k = 0; k < JH_NKINDS; k++)
		for (size_t i = 0;
		     k != JH_WORKSHOP && i < kinds_count(kinds_get((enum jh_kind)k), d); i++)
			if (check_item(im, c, (enum jh_kind)k, i))
				return -1;
	if (d->workshop.current_step > 0 && (size_t)d->workshop.current_step >= d->nsteps)
		return err_set(im->err, _("%s: current_step %d: the agenda has %zu steps"),
			       im->label, d->workshop.current_step, d->nsteps);
	return 0;
}

/* ------------------------------------------------------------ writing */

struct ins {
	struct imp *im;
	struct checks *c;
	struct jh_store *st;
	jh_id wid;
	int keep; /* items keep the file's ids */
};

/* The id an item of the file has in the database. */
static jh_id mapped(struct ins *in, enum jh_kind kind, jh_id old)
{
	long at;

	if (!old || in->keep)
		return old;
	at = model_index_pos(&in->c->ix, kind, old);
	return at < 0 ? 0 : in->c->new_ids[kind][at];
}

/* The store's value of field f of an item; references follow new ids. A
 * field the model does not keep is given as null: a journey's stages=,
 * so that the store makes no default stages beside the file's own. */
static void value_of(struct ins *in, const struct jh_field_def *f, const void *item,
		     struct jh_value *v, jh_id **list)
{
	const jh_id *ids;
	size_t n;

	memset(v, 0, sizeof *v);
	v->field = f;
	if (!kinds_stored(f)) {
		v->is_null = 1;
		return;
	}
	switch (kinds_storage(f)) {
	case KINDS_S_TEXT:
		v->text = kinds_text(f, item);
		break;
	case KINDS_S_INT:
		v->num = kinds_num(f, item);
		break;
	case KINDS_S_ID:
		v->num = mapped(in, f->ref, (jh_id)kinds_num(f, item));
		v->is_null = v->num == 0;
		break;
	case KINDS_S_IDLIST:
		ids = kinds_ids(f, item, &n);
		*list = util_xmalloc((n ? n : 1) * sizeof **list);
		for (size_t k = 0; k < n; k++)
			(*list)[k] = mapped(in, f->ref, ids[k]);
		v->ids = *list;
		v->nids = n;
		break;
	}
}

/* Insert item `i` of `kind` with every field of its table. */
static int add(struct ins *in, enum jh_kind kind, size_t i)
{
	const struct jh_kind_def *kd = kinds_get(kind);
	const void *item = kinds_item(kd, &in->im->d, i);
	jh_id old = item_id(&in->im->d, kind, i), nid = 0;
	struct jh_value v[EXPORT_FIELDS_MAX];
	jh_id *lists[EXPORT_FIELDS_MAX] = {NULL};
	size_t nv = 0;
	int rc;

	for (size_t k = 0; k < kd->nfields && nv < EXPORT_FIELDS_MAX; k++, nv++)
		value_of(in, &kd->fields[k], item, &v[nv], &lists[nv]);
	if (in->keep)
		rc = store_item_add_with_id(in->st, in->wid, kind, old, v, nv, in->im->err);
	else
		rc = store_item_add(in->st, in->wid, kind, v, nv, &nid, in->im->err);
	for (size_t k = 0; k < nv; k++)
		free(lists[k]);
	if (rc) {
		const struct imark *m = mark_of(in->im, kind, i, NULL);
		err_prefix(in->im->err, "%s:%zu:%zu", in->im->label, (size_t)m->line,
			   (size_t)m->col);
		return -1;
	}
	in->c->new_ids[kind][i] = in->keep ? old : nid;
	/* Not a value the store adds: revealing is a step of its own. */
	if (kind == JH_STEP && in->im->d.steps[i].revealed)
		return store_step_reveal(in->st, in->wid, mapped(in, JH_STEP, old), in->im->err);
	return 0;
}

/* Every kind in an order where references point backwards, each in
 * ascending id so new ids keep the file's order. */
static int add_all(struct ins *in)
{
	static const enum jh_kind order[] = {
	    JH_PARTICIPANT, JH_STEP, JH_PERSONA, JH_JOURNEY, JH_STAGE,	JH_TOUCHPOINT,
	    JH_PAINPOINT,   JH_IDEA, JH_VOTE,	 JH_ACTION,  JH_PARKING};

	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		const struct model_index *ix = &in->c->ix;
		for (size_t i = 0; i < ix->n[order[k]]; i++)
			if (add(in, order[k], ix->by_id[order[k]][i].pos))
				return -1;
	}
	return 0;
}

static int create_workshop(struct ins *in, const char *name)
{
	const struct jh_data *d = &in->im->d;
	struct jh_template t;

	/* The template carries what store_workshop_create copies; no agenda
	 * and no journeys: the file's own come next, with their ids. */
	memset(&t, 0, sizeof t);
	t.name = d->workshop.template_name;
	t.title = d->workshop.title;
	t.description = d->workshop.description;
	t.stages = d->stage_names;
	t.nstages = d->nstage_names;
	t.channels = d->channels;
	t.nchannels = d->nchannels;
	t.prompts = d->prompts;
	t.nprompts = d->nprompts;
	t.method = d->workshop.method;
	t.dots_per_participant = d->workshop.dots_per_participant;
	t.max_dots_per_idea = d->workshop.max_dots_per_idea;
	t.anonymous = d->workshop.anonymous_votes;
	return store_workshop_create(in->st, name, &t, &in->wid, in->im->err);
}

static int write_all(struct ins *in, const char *name)
{
	if (store_begin(in->st, in->im->err))
		return -1;
	if (create_workshop(in, name) || add_all(in) ||
	    store_workshop_restore(in->st, in->wid, &in->im->d.workshop, in->im->err) ||
	    store_commit(in->st, in->im->err)) {
		store_rollback(in->st);
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------- entry */

/* libyaml's parser, given the whole text, rescans its open collections in
 * proportion to the depth on every token, so a few kilobytes of "[[[["
 * would keep it busy for minutes. */
#define MAX_DEPTH 64

/* Where the text comes from: memory, or a file read as it streams. */
struct source {
	const char *buf;
	size_t len;
	int fd, fifo; /* fd >= 0: read from it */
};

static int parse_document(struct imp *im, const struct source *src)
{
	const struct yamlread_opts o = {im->label,
					0,
					"aliases (*name) are not supported in a workshop file",
					"a second document: a file holds one workshop",
					"workshop files",
					"the workshop",
					MAX_DEPTH,
					0,
					0,
					each_node,
					im};
	size_t nread;

	if (src->fd < 0)
		return yamlread_parse(src->buf, src->len, &o, &im->root, im->err);
	if (yamlread_parse_fd(src->fd, &o, &im->root, &nread, im->err))
		return -1;
	/* End of file at once: nothing writes to this FIFO, so there is no file. */
	if (src->fifo && nread == 0)
		return err_set(im->err, _("%s: not a regular file"), im->label);
	return 0;
}

/* Read, check, then write in one transaction: the file's ids, or new ones
 * when some are taken. */
static int import_all(struct imp *im, struct checks *c, struct jh_store *st, const char *workshop,
		      const struct source *src, jh_id *wid_out)
{
	struct ins in;

	if (parse_document(im, src))
		return -1;
	if (im->wrong) {
		*im->err = im->first;
		return -1;
	}
	if (read_root(im) || check_all(im, c))
		return -1;
	memset(&in, 0, sizeof in);
	in.im = im;
	in.c = c;
	in.st = st;
	in.keep = 1;
	if (write_all(&in, workshop) != 0) {
		/* Some id is taken (or the file is wrong in a way only the
		 * store sees): once more with new ids; if that fails too, its
		 * message is the one to show. */
		in.keep = 0;
		if (write_all(&in, workshop) != 0)
			return -1;
	}
	if (wid_out)
		*wid_out = in.wid;
	return 0;
}

static int import_source(struct jh_store *st, const char *workshop, const struct source *src,
			 const char *label, jh_id *wid_out, struct jh_err *err)
{
	struct imp im;
	struct checks c;
	struct jh_err none;
	jh_id existing;
	int rc;

	if (!err)
		err = &none;
	if (store_workshop_find(st, workshop, &existing, NULL) == 0)
		return err_set(err, _("a workshop named \"%s\" already exists in %s"), workshop,
			       store_path(st));
	memset(&im, 0, sizeof im);
	memset(&c, 0, sizeof c);
	im.label = label ? label : "<input>";
	im.err = err;
	keys_init(&im);
	rc = import_all(&im, &c, st, workshop, src, wid_out);
	for (int k = 0; k < JH_NKINDS; k++) {
		free(c.new_ids[k]);
		free(im.marks[k]);
	}
	model_index_free(&c.ix);
	model_data_free(&im.d);
	yamlread_free(im.root);
	return rc;
}

int import_yaml_buffer(struct jh_store *st, const char *workshop, const char *buf, size_t len,
		       const char *label, jh_id *wid_out, struct jh_err *err)
{
	const struct source src = {buf, len, -1, 0};

	return import_source(st, workshop, &src, label, wid_out, err);
}

/* The file is never held whole: its size is no limit, and memory is what
 * the items take. */
int import_yaml_file(struct jh_store *st, const char *workshop, const char *path, jh_id *wid_out,
		     struct jh_err *err)
{
	struct source src = {NULL, 0, -1, 0};
	int rc;

	if (fileread_open(path, "a workshop file", &src.fd, &src.fifo, err))
		return -1;
	rc = import_source(st, workshop, &src, path, wid_out, err);
	close(src.fd);
	return rc;
}
