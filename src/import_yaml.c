/* import_yaml.c: restoring a workshop from the yaml export.
 *
 * The text is read by yamlread.c (leniently: anchors and tags pass, an
 * alias does not); writing it byte-stable is export_yaml.c's.
 *
 * The file is read whole into plain structs and checked before anything
 * is written: every value against the field tables of kinds.c (through
 * items_check_value, so the command line and the file accept the same
 * values), ids unique per kind, every reference pointing at an item of
 * the file. Only then is the workshop created, in one batch: items keep
 * their ids when all of them are free in the database, otherwise the
 * batch is rolled back and done again with new ids. Aliases are refused:
 * an export never has them and they are how small files become huge
 * trees. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/fileread.h"
#include "journeyhack/import_yaml.h"
#include "journeyhack/items.h"
#include "journeyhack/kinds.h"
#include "journeyhack/util.h"
#include "journeyhack/yamlread.h"
#include "journeyhack/yesno.h"

/* An export of a very large workshop is a few megabytes. */
#define MAX_FILE ((size_t)256 * 1024 * 1024)

struct imp {
	struct yamlread_node *root;
	const char *label;
	struct jh_err *err;
	struct jh_data d;
	const struct yamlread_node **nodes[JH_NKINDS]; /* mapping of each item, parallel to d */
	size_t cap[JH_NKINDS];
};

/* ------------------------------------------------------------ messages */

static int fail_at(struct imp *im, const struct yamlread_node *n, const char *fmt, ...)
    JH_PRINTF(3, 4);

static int fail_at(struct imp *im, const struct yamlread_node *n, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return err_set(im->err, "%s:%zu:%zu: %s", im->label, n->line, n->col, msg);
}

static const char *type_name(const struct yamlread_node *n)
{
	return n->kind == YAMLREAD_SCALAR ? "a value" : n->kind == YAMLREAD_SEQ ? "a list" : "a mapping";
}

/* ------------------------------------------------------------ scalars */

static int scalar(struct imp *im, const struct yamlread_node *n, const char *key, const char **out)
{
	if (n->kind != YAMLREAD_SCALAR)
		return fail_at(im, n, "%s: expected a value, found %s", key,
			       type_name(n));
	if (strlen(n->text) != n->len)
		return fail_at(im, n, "%s: NUL characters are not allowed", key);
	*out = n->text;
	return 0;
}

static int get_int(struct imp *im, const struct yamlread_node *n, const char *key, long long min, long long max,
		   long long *out)
{
	const char *v;
	long long num;

	if (scalar(im, n, key, &v))
		return -1;
	if (util_parse_int(v, &num))
		return fail_at(im, n, "%s: \"%.40s\" is not a whole number", key, v);
	if (num < min || num > max)
		return fail_at(im, n, "%s: %lld is out of range (%lld..%lld)", key,
			       num, min, max);
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
	return fail_at(im, n, "%s: \"%.40s\" is not true or false", key, v);
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

/* ------------------------------------------------------ field tables */

enum ftype { F_ID, F_INT, F_I64, F_BOOL, F_TEXT, F_REF };

struct fdef {
	const char *key;
	enum ftype type;
	size_t off;
	const char *kfield; /* field of kinds.c that validates it, or NULL */
	long long min, max; /* F_INT without kfield */
	enum jh_kind ref;   /* F_REF target */
	int required;
};

/* clang-format off: one field per line reads better than its layout */
#define ID(T)                                                                                      \
	{                                                                                          \
		"id", F_ID, offsetof(T, id), NULL, 1, INT64_MAX, JH_NKINDS, 1                      \
	}
#define TXT(T, k, m)                                                                               \
	{                                                                                          \
		k, F_TEXT, offsetof(T, m), k, 0, 0, JH_NKINDS, 0                                   \
	}
#define TXTR(T, k, m)                                                                              \
	{                                                                                          \
		k, F_TEXT, offsetof(T, m), k, 0, 0, JH_NKINDS, 1                                   \
	}
#define NUM(T, k, m)                                                                               \
	{                                                                                          \
		k, F_INT, offsetof(T, m), k, 0, 0, JH_NKINDS, 0                                    \
	}
#define POS(T)                                                                                     \
	{                                                                                          \
		"position", F_INT, offsetof(T, position), NULL, 0, 1000000, JH_NKINDS, 0           \
	}
#define FLAG(T, k, m)                                                                              \
	{                                                                                          \
		k, F_BOOL, offsetof(T, m), NULL, 0, 1, JH_NKINDS, 0                                \
	}
#define REF(T, k, m, kind, req)                                                                    \
	{                                                                                          \
		k, F_REF, offsetof(T, m), NULL, 0, 0, kind, req                                    \
	}

static const struct fdef participant_defs[] = {
    ID(struct jh_participant),
    TXTR(struct jh_participant, "name", name),
    TXT(struct jh_participant, "department", department),
    TXT(struct jh_participant, "role", role),
};

static const struct fdef step_defs[] = {
    ID(struct jh_step),
    POS(struct jh_step),
    NUM(struct jh_step, "day", day),
    TXTR(struct jh_step, "title", title),
    NUM(struct jh_step, "minutes", minutes),
    TXT(struct jh_step, "view", view),
    FLAG(struct jh_step, "private", private_),
    FLAG(struct jh_step, "revealed", revealed),
    TXT(struct jh_step, "notes", notes),
};

static const struct fdef journey_defs[] = {
    ID(struct jh_journey),
    POS(struct jh_journey),
    TXTR(struct jh_journey, "name", name),
    TXT(struct jh_journey, "description", description),
};

static const struct fdef stage_defs[] = {
    ID(struct jh_stage),
    POS(struct jh_stage),
    TXTR(struct jh_stage, "name", name),
};

static const struct fdef touchpoint_defs[] = {
    ID(struct jh_touchpoint),
    REF(struct jh_touchpoint, "stage", stage_id, JH_STAGE, 1),
    POS(struct jh_touchpoint),
    TXTR(struct jh_touchpoint, "name", name),
    TXT(struct jh_touchpoint, "channel", channel),
    TXT(struct jh_touchpoint, "owner", owner),
    NUM(struct jh_touchpoint, "score", score),
    NUM(struct jh_touchpoint, "reach", reach),
    NUM(struct jh_touchpoint, "potential", potential),
    TXT(struct jh_touchpoint, "notes", notes),
};

static const struct fdef painpoint_defs[] = {
    ID(struct jh_painpoint),
    TXTR(struct jh_painpoint, "title", title),
    REF(struct jh_painpoint, "touchpoint", touchpoint_id, JH_TOUCHPOINT, 0),
    NUM(struct jh_painpoint, "severity", severity),
    NUM(struct jh_painpoint, "frequency", frequency),
    TXT(struct jh_painpoint, "evidence", evidence),
    TXT(struct jh_painpoint, "status", status),
    REF(struct jh_painpoint, "author", author_id, JH_PARTICIPANT, 0),
    REF(struct jh_painpoint, "step", step_id, JH_STEP, 0),
};

static const struct fdef idea_defs[] = {
    ID(struct jh_idea),
    TXTR(struct jh_idea, "title", title),
    TXT(struct jh_idea, "belief", belief),
    TXT(struct jh_idea, "experiment", experiment),
    TXT(struct jh_idea, "metric", metric),
    TXT(struct jh_idea, "success", success),
    NUM(struct jh_idea, "impact", impact),
    NUM(struct jh_idea, "effort", effort),
    NUM(struct jh_idea, "confidence", confidence),
    NUM(struct jh_idea, "reach", reach),
    REF(struct jh_idea, "author", author_id, JH_PARTICIPANT, 0),
    REF(struct jh_idea, "step", step_id, JH_STEP, 0),
};

static const struct fdef vote_defs[] = {
    ID(struct jh_vote),
    REF(struct jh_vote, "idea", idea_id, JH_IDEA, 1),
    REF(struct jh_vote, "participant", participant_id, JH_PARTICIPANT, 1),
    NUM(struct jh_vote, "dots", dots),
};

static const struct fdef action_defs[] = {
    ID(struct jh_action),
    TXTR(struct jh_action, "title", title),
    REF(struct jh_action, "idea", idea_id, JH_IDEA, 0),
    TXT(struct jh_action, "owner", owner),
    TXT(struct jh_action, "due", due),
    TXT(struct jh_action, "status", status),
    TXT(struct jh_action, "notes", notes),
};

static const struct fdef parking_defs[] = {
    ID(struct jh_parking),
    TXTR(struct jh_parking, "text", text),
    FLAG(struct jh_parking, "answered", answered),
    TXT(struct jh_parking, "answer", answer),
    REF(struct jh_parking, "author", author_id, JH_PARTICIPANT, 0),
};

static const struct fdef workshop_defs[] = {
    {"name", F_TEXT, offsetof(struct jh_workshop, name), NULL, 0, 0, JH_NKINDS, 0},
    TXTR(struct jh_workshop, "title", title),
    TXT(struct jh_workshop, "description", description),
    {"template", F_TEXT, offsetof(struct jh_workshop, template_name), NULL, 0, 0, JH_NKINDS, 0},
    {"created", F_TEXT, offsetof(struct jh_workshop, created), NULL, 0, 0, JH_NKINDS, 0},
    TXT(struct jh_workshop, "method", method),
    {"dots", F_INT, offsetof(struct jh_workshop, dots_per_participant), "dots", 0, 0, JH_NKINDS, 0},
    {"max_dots", F_INT, offsetof(struct jh_workshop, max_dots_per_idea), "max_dots", 0, 0,
     JH_NKINDS, 0},
    FLAG(struct jh_workshop, "anonymous", anonymous_votes),
    {"current_step", F_INT, offsetof(struct jh_workshop, current_step), NULL, 0, 1000000, JH_NKINDS,
     0},
    FLAG(struct jh_workshop, "timer_running", timer_running),
    {"timer_started", F_I64, offsetof(struct jh_workshop, timer_started), NULL, 0, INT64_MAX,
     JH_NKINDS, 0},
    {"timer_elapsed", F_INT, offsetof(struct jh_workshop, timer_elapsed), NULL, 0, INT_MAX,
     JH_NKINDS, 0},
};

/* clang-format on */

#define NDEFS(a) (sizeof(a) / sizeof((a)[0]))

/* Keys an item mapping may hold besides its table: a journey's stages
 * and touchpoints, an idea's pain points, the workshop's lists. */
struct extra {
	const char *keys[3];
	const struct yamlread_node *nodes[3]; /* value node per key, NULL when absent */
};

static const struct jh_field_def *kfield(enum jh_kind kind, const char *name)
{
	return name ? kinds_field(kinds_get(kind), name) : NULL;
}

/* Check a text value against kinds.c's field, as the command line would. */
static int check_value(struct imp *im, enum jh_kind kind, const struct fdef *f, const struct yamlread_node *n,
		       const char *v)
{
	const struct jh_field_def *kf = kfield(kind, f->kfield);
	struct jh_err e;

	if (!kf || items_check_value(kf, v, &e) == 0)
		return 0;
	return fail_at(im, n, "%s", e.msg);
}

static int set_field(struct imp *im, enum jh_kind kind, const struct fdef *f, const struct yamlread_node *n,
		     void *item)
{
	char *p = (char *)item + f->off;
	const char *v;
	long long num;
	int b = 0;

	switch (f->type) {
	case F_ID:
	case F_I64:
		if (get_int(im, n, f->key, f->min, f->max, &num))
			return -1;
		*(int64_t *)p = num;
		return 0;
	case F_INT:
		if (f->kfield) {
			if (scalar(im, n, f->key, &v) || check_value(im, kind, f, n, v))
				return -1;
			util_parse_int(v, &num);
		} else if (get_int(im, n, f->key, f->min, f->max, &num)) {
			return -1;
		}
		*(int *)p = (int)num;
		return 0;
	case F_BOOL:
		if (get_bool(im, n, f->key, &b))
			return -1;
		*(int *)p = b;
		return 0;
	case F_REF:
		return get_ref(im, n, f->key, (jh_id *)p);
	case F_TEXT:
		if (yamlread_is_null(n))
			v = "";
		else if (scalar(im, n, f->key, &v))
			return -1;
		if (check_value(im, kind, f, n, v))
			return -1;
		free(*(char **)p);
		*(char **)p = util_xstrdup(v);
		return 0;
	}
	return 0;
}

/* A field the file leaves out takes the default the command line gives. */
static void set_default(enum jh_kind kind, const struct fdef *f, void *item, int index)
{
	const struct jh_field_def *kf = kfield(kind, f->kfield);
	char *p = (char *)item + f->off;
	long long num = 0;

	switch (f->type) {
	case F_INT:
		if (!strcmp(f->key, "position"))
			num = index;
		else if (kf && kf->defval)
			util_parse_int(kf->defval, &num);
		*(int *)p = (int)num;
		break;
	case F_BOOL:
		if (kf && kf->defval)
			util_parse_int(kf->defval, &num);
		*(int *)p = (int)num;
		break;
	case F_TEXT:
		if (!*(char **)p)
			*(char **)p = util_xstrdup(kf && kf->defval ? kf->defval : "");
		break;
	default:
		break;
	}
}

/* Read one item mapping into `item` by its table. */
static int read_item(struct imp *im, const struct yamlread_node *n, enum jh_kind kind,
		     const char *what, const struct fdef *defs, size_t ndefs, void *item, int index,
		     struct extra *ex)
{
	unsigned long long have = 0;

	if (n->kind != YAMLREAD_MAP)
		return fail_at(im, n, "a %s must be a mapping, found %s", what, type_name(n));
	for (size_t p = 0; p + 1 < n->nitems; p += 2) {
		const struct yamlread_node *k = n->items[p], *v = n->items[p + 1];
		const char *key;
		size_t i;

		if (scalar(im, k, what, &key))
			return -1;
		for (i = 0; i < ndefs && strcmp(defs[i].key, key); i++)
			;
		if (i < ndefs) {
			if (have & (1ULL << i))
				return fail_at(im, k, "%s: given twice", key);
			have |= 1ULL << i;
			if (set_field(im, kind, &defs[i], v, item))
				return -1;
			continue;
		}
		/* An extra key's value is walked by its own reader. */
		for (i = 0; ex && i < 3 && ex->keys[i] && strcmp(ex->keys[i], key); i++)
			;
		if (ex && i < 3 && ex->keys[i]) {
			if (ex->nodes[i])
				return fail_at(im, k, "%s: given twice", key);
			ex->nodes[i] = v;
			continue;
		}
		return fail_at(im, k, "unknown key \"%.60s\" in a %s", key, what);
	}
	for (size_t i = 0; i < ndefs; i++) {
		if (have & (1ULL << i))
			continue;
		if (defs[i].required)
			return fail_at(im, n, "this %s has no %s", what, defs[i].key);
		set_default(kind, &defs[i], item, index);
	}
	return 0;
}

/* ------------------------------------------------------- collections */

/* Append a zeroed item of `kind` to its array in im->d and remember its
 * node. */
static void *append(struct imp *im, enum jh_kind kind, const struct yamlread_node *node)
{
	void **arr;
	size_t *n, size;

	switch (kind) {
#define CASE(K, a, cnt)                                                                            \
	case K:                                                                                    \
		arr = (void **)&im->d.a;                                                           \
		n = &im->d.cnt;                                                                    \
		size = sizeof *im->d.a;                                                            \
		break;
		CASE(JH_PARTICIPANT, participants, nparticipants)
		CASE(JH_STEP, steps, nsteps)
		CASE(JH_JOURNEY, journeys, njourneys)
		CASE(JH_STAGE, stages, nstages)
		CASE(JH_TOUCHPOINT, touchpoints, ntouchpoints)
		CASE(JH_PAINPOINT, painpoints, npainpoints)
		CASE(JH_IDEA, ideas, nideas)
		CASE(JH_VOTE, votes, nvotes)
		CASE(JH_ACTION, actions, nactions)
		CASE(JH_PARKING, parking, nparking)
#undef CASE
	default:
		abort();
	}
	if (*n == im->cap[kind]) {
		im->cap[kind] = im->cap[kind] ? im->cap[kind] * 2 : 16;
		*arr = util_xrealloc(*arr, im->cap[kind] * size);
		im->nodes[kind] =
		    util_xrealloc(im->nodes[kind], im->cap[kind] * sizeof *im->nodes[kind]);
	}
	im->nodes[kind][*n] = node;
	memset((char *)*arr + *n * size, 0, size);
	return (char *)*arr + (*n)++ * size;
}

static const struct yamlread_node *sequence(struct imp *im, const struct yamlread_node *n,
					    const char *key)
{
	if (n->kind != YAMLREAD_SEQ) {
		if (yamlread_is_null(n))
			return n; /* "key:" with nothing: an empty list */
		fail_at(im, n, "%s must be a list, found %s", key, type_name(n));
		return NULL;
	}
	return n;
}

/* The items of a list; none for the null that stands for an empty one. */
#define EACH(n, it)                                                                                \
	for (struct yamlread_node *const *it = (n)->items;                                        \
	     (n)->kind == YAMLREAD_SEQ && it && it < (n)->items + (n)->nitems; it++)

static int read_list(struct imp *im, const struct yamlread_node *list, enum jh_kind kind,
		     const char *key, const char *what, const struct fdef *defs, size_t ndefs)
{
	const struct yamlread_node *n = sequence(im, list, key);
	int index = 0;

	if (!n)
		return -1;
	EACH(n, it)
	{
		void *item = append(im, kind, *it);
		if (read_item(im, *it, kind, what, defs, ndefs, item, index++, NULL))
			return -1;
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
		if (!util_utf8_valid(s, strlen(s)) || strlen(s) > 4096)
			return fail_at(im, *it, "%s: not one line of UTF-8 text", key);
		*out = util_xrealloc(*out, (*nout + 1) * sizeof **out);
		(*out)[(*nout)++] = util_xstrdup(s);
	}
	return 0;
}

static int read_ids(struct imp *im, const struct yamlread_node *list, const char *key,
		    struct jh_idea *x)
{
	const struct yamlread_node *n = sequence(im, list, key);

	if (!n)
		return -1;
	EACH(n, it)
	{
		long long id;
		if (get_int(im, *it, key, 1, INT64_MAX, &id))
			return -1;
		x->painpoints = util_xrealloc(x->painpoints, (x->npainpoints + 1) * sizeof(jh_id));
		x->painpoints[x->npainpoints++] = id;
	}
	return 0;
}

static int read_workshop(struct imp *im, const struct yamlread_node *n)
{
	struct extra ex = {{"channels", "stages", "prompts"}, {NULL, NULL, NULL}};
	struct jh_workshop *w = &im->d.workshop;

	if (read_item(im, n, JH_WORKSHOP, "workshop", workshop_defs, NDEFS(workshop_defs), w, 0,
		      &ex))
		return -1;
	if (*w->created && !util_date_valid(w->created))
		return fail_at(im, n, "created: \"%.20s\" is not a date (YYYY-MM-DD)", w->created);
	if (!*w->method) {
		free(w->method);
		w->method = util_xstrdup("impact-effort");
	}
	if ((ex.nodes[0] &&
	     read_strings(im, ex.nodes[0], "channels", &im->d.channels, &im->d.nchannels)) ||
	    (ex.nodes[1] &&
	     read_strings(im, ex.nodes[1], "stages", &im->d.stage_names, &im->d.nstage_names)) ||
	    (ex.nodes[2] &&
	     read_strings(im, ex.nodes[2], "prompts", &im->d.prompts, &im->d.nprompts)))
		return -1;
	return 0;
}

static int read_journeys(struct imp *im, const struct yamlread_node *list)
{
	const struct yamlread_node *n = sequence(im, list, "journeys");
	int index = 0;

	if (!n)
		return -1;
	EACH(n, it)
	{
		struct extra ex = {{"stages", "touchpoints", NULL}, {NULL, NULL, NULL}};
		struct jh_journey *j = append(im, JH_JOURNEY, *it);
		jh_id jid;
		size_t first;

		if (read_item(im, *it, JH_JOURNEY, "journey", journey_defs, NDEFS(journey_defs), j,
			      index++, &ex))
			return -1;
		/* j may move as the arrays grow: keep its id. */
		jid = j->id;
		first = im->d.nstages;
		if (ex.nodes[0] && read_list(im, ex.nodes[0], JH_STAGE, "stages", "stage", stage_defs,
					     NDEFS(stage_defs)))
			return -1;
		for (size_t k = first; k < im->d.nstages; k++)
			im->d.stages[k].journey_id = jid;
		first = im->d.ntouchpoints;
		if (ex.nodes[1] && read_list(im, ex.nodes[1], JH_TOUCHPOINT, "touchpoints",
					     "touchpoint", touchpoint_defs, NDEFS(touchpoint_defs)))
			return -1;
		for (size_t k = first; k < im->d.ntouchpoints; k++)
			im->d.touchpoints[k].journey_id = jid;
	}
	return 0;
}

static int read_ideas(struct imp *im, const struct yamlread_node *list)
{
	const struct yamlread_node *n = sequence(im, list, "ideas");
	int index = 0;

	if (!n)
		return -1;
	EACH(n, it)
	{
		struct extra ex = {{"painpoints", NULL, NULL}, {NULL, NULL, NULL}};
		struct jh_idea *x = append(im, JH_IDEA, *it);

		if (read_item(im, *it, JH_IDEA, "idea", idea_defs, NDEFS(idea_defs), x, index++,
			      &ex))
			return -1;
		if (ex.nodes[0] && read_ids(im, ex.nodes[0], "painpoints", x))
			return -1;
	}
	return 0;
}

static int read_root(struct imp *im)
{
	const struct yamlread_node *root = im->root;
	int have_version = 0, have_workshop = 0;

	if (!root)
		return err_set(im->err, "%s: empty file, not a journeyhack workshop", im->label);
	if (root->kind != YAMLREAD_MAP)
		return fail_at(im, root,
			       "not a journeyhack workshop (expected a mapping, found %s)",
			       type_name(root));
	for (size_t p = 0; p + 1 < root->nitems; p += 2) {
		const struct yamlread_node *k = root->items[p], *v = root->items[p + 1];
		const char *key;
		int rc = 0;

		if (scalar(im, k, "key", &key))
			return -1;
		if (!strcmp(key, "journeyhack")) {
			long long version;
			if (get_int(im, v, key, 1, INT_MAX, &version))
				return -1;
			if (version != 1)
				return fail_at(im, v,
					       "format version %lld is newer than this journeyhack "
					       "reads (1)",
					       version);
			have_version = 1;
		} else if (!strcmp(key, "workshop")) {
			have_workshop = 1;
			rc = read_workshop(im, v);
		} else if (!strcmp(key, "agenda")) {
			rc = read_list(im, v, JH_STEP, key, "agenda step", step_defs,
				       NDEFS(step_defs));
		} else if (!strcmp(key, "participants")) {
			rc = read_list(im, v, JH_PARTICIPANT, key, "participant",
				       participant_defs, NDEFS(participant_defs));
		} else if (!strcmp(key, "journeys")) {
			rc = read_journeys(im, v);
		} else if (!strcmp(key, "painpoints")) {
			rc = read_list(im, v, JH_PAINPOINT, key, "pain point",
				       painpoint_defs, NDEFS(painpoint_defs));
		} else if (!strcmp(key, "ideas")) {
			rc = read_ideas(im, v);
		} else if (!strcmp(key, "votes")) {
			rc = read_list(im, v, JH_VOTE, key, "vote", vote_defs,
				       NDEFS(vote_defs));
		} else if (!strcmp(key, "actions")) {
			rc = read_list(im, v, JH_ACTION, key, "action", action_defs,
				       NDEFS(action_defs));
		} else if (!strcmp(key, "parking")) {
			rc = read_list(im, v, JH_PARKING, key, "parking-lot entry",
				       parking_defs, NDEFS(parking_defs));
		} else {
			return fail_at(im, k, "unknown key \"%.60s\"", key);
		}
		if (rc)
			return -1;
	}
	if (!have_version)
		return fail_at(im, root,
			       "not a journeyhack workshop file (no \"journeyhack: 1\")");
	if (!have_workshop)
		return fail_at(im, root, "no \"workshop:\" section");
	return 0;
}

/* ------------------------------------------------------------ checks */

/* The value of key `key` in an item's mapping (the mapping itself when
 * the key is absent), for messages about a checked value. */
static const struct yamlread_node *mark_of(const struct yamlread_node *n, const char *key)
{
	const struct yamlread_node *v = yamlread_map_get(n, key);

	return v ? v : n;
}

/* Ids of one kind, sorted, with the item index each came from. */
struct idset {
	jh_id *ids;
	size_t *at;
	jh_id *new_ids; /* after insertion: the id the store gave */
	size_t n;
};

static struct idset *sort_ctx;

static int cmp_at(const void *a, const void *b)
{
	jh_id x = sort_ctx->ids[*(const size_t *)a], y = sort_ctx->ids[*(const size_t *)b];

	if (x != y)
		return x < y ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static jh_id item_id(const struct jh_data *d, enum jh_kind kind, size_t i)
{
	switch (kind) {
	case JH_PARTICIPANT:
		return d->participants[i].id;
	case JH_STEP:
		return d->steps[i].id;
	case JH_JOURNEY:
		return d->journeys[i].id;
	case JH_STAGE:
		return d->stages[i].id;
	case JH_TOUCHPOINT:
		return d->touchpoints[i].id;
	case JH_PAINPOINT:
		return d->painpoints[i].id;
	case JH_IDEA:
		return d->ideas[i].id;
	case JH_VOTE:
		return d->votes[i].id;
	case JH_ACTION:
		return d->actions[i].id;
	case JH_PARKING:
		return d->parking[i].id;
	default:
		return 0;
	}
}

static size_t item_count(const struct jh_data *d, enum jh_kind kind)
{
	static const size_t offs[JH_NKINDS] = {
	    [JH_PARTICIPANT] = offsetof(struct jh_data, nparticipants),
	    [JH_STEP] = offsetof(struct jh_data, nsteps),
	    [JH_JOURNEY] = offsetof(struct jh_data, njourneys),
	    [JH_STAGE] = offsetof(struct jh_data, nstages),
	    [JH_TOUCHPOINT] = offsetof(struct jh_data, ntouchpoints),
	    [JH_PAINPOINT] = offsetof(struct jh_data, npainpoints),
	    [JH_IDEA] = offsetof(struct jh_data, nideas),
	    [JH_VOTE] = offsetof(struct jh_data, nvotes),
	    [JH_ACTION] = offsetof(struct jh_data, nactions),
	    [JH_PARKING] = offsetof(struct jh_data, nparking),
	};

	if (kind == JH_WORKSHOP || kind >= JH_NKINDS)
		return 0;
	return *(const size_t *)((const char *)d + offs[kind]);
}

/* Build the sorted id set of a kind; a duplicate id is an error at the
 * later item. */
static int build_ids(struct imp *im, enum jh_kind kind, struct idset *s)
{
	size_t n = item_count(&im->d, kind);
	size_t *order = util_xmalloc((n ? n : 1) * sizeof *order);
	struct idset raw = {util_xmalloc((n ? n : 1) * sizeof(jh_id)), NULL, NULL, n};

	for (size_t i = 0; i < n; i++) {
		raw.ids[i] = item_id(&im->d, kind, i);
		order[i] = i;
	}
	sort_ctx = &raw;
	qsort(order, n, sizeof *order, cmp_at);
	s->n = n;
	s->ids = util_xmalloc((n ? n : 1) * sizeof(jh_id));
	s->at = order;
	s->new_ids = util_xcalloc(n ? n : 1, sizeof(jh_id));
	for (size_t i = 0; i < n; i++) {
		s->ids[i] = raw.ids[order[i]];
		if (i > 0 && s->ids[i] == s->ids[i - 1]) {
			const struct yamlread_node *first = mark_of(im->nodes[kind][order[i - 1]], "id");
			size_t fl = first->line, fc = first->col;
			free(raw.ids);
			return fail_at(im, mark_of(im->nodes[kind][order[i]], "id"),
				       "duplicate %s id %lld (first at line %zu, column %zu)",
				       kinds_get(kind)->name, (long long)s->ids[i], fl, fc);
		}
	}
	free(raw.ids);
	return 0;
}

static void free_ids(struct idset *s)
{
	free(s->ids);
	free(s->at);
	free(s->new_ids);
	memset(s, 0, sizeof *s);
}

/* Position of id in the set, or -1. */
static long find_id(const struct idset *s, jh_id id)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->ids[mid] == id)
			return (long)mid;
		if (s->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

struct checks {
	struct idset ids[JH_NKINDS];
};

static int check_ref(struct imp *im, struct checks *c, enum jh_kind kind, size_t i, const char *key,
		     enum jh_kind target, jh_id id)
{
	if (!id || find_id(&c->ids[target], id) >= 0)
		return 0;
	return fail_at(im, mark_of(im->nodes[kind][i], key),
		       "%s %lld: no %s with this id in the file", key, (long long)id,
		       kinds_get(target)->name);
}

/* Names the store keeps unique, checked here to name the line. */
static int check_unique_names(struct imp *im, enum jh_kind kind, size_t n,
			      const char *(*name)(const struct jh_data *, size_t),
			      jh_id (*scope)(const struct jh_data *, size_t))
{
	for (size_t i = 1; i < n; i++)
		for (size_t k = 0; k < i; k++)
			if (scope(&im->d, i) == scope(&im->d, k) &&
			    !strcmp(name(&im->d, i), name(&im->d, k)))
				return fail_at(im, mark_of(im->nodes[kind][i], "name"),
					       "a %s named \"%.60s\" appears twice%s",
					       kinds_get(kind)->name, name(&im->d, i),
					       kind == JH_STAGE ? " in this journey" : "");
	return 0;
}

static const char *participant_name(const struct jh_data *d, size_t i)
{
	return d->participants[i].name;
}

static const char *journey_name(const struct jh_data *d, size_t i)
{
	return d->journeys[i].name;
}

static const char *stage_name(const struct jh_data *d, size_t i)
{
	return d->stages[i].name;
}

static jh_id no_scope(const struct jh_data *d, size_t i)
{
	(void)d;
	(void)i;
	return 0;
}

static jh_id stage_scope(const struct jh_data *d, size_t i)
{
	return d->stages[i].journey_id;
}

static int check_all(struct imp *im, struct checks *c)
{
	struct jh_data *d = &im->d;

	for (int k = 0; k < JH_NKINDS; k++)
		if (k != JH_WORKSHOP && build_ids(im, (enum jh_kind)k, &c->ids[k]))
			return -1;
	if (check_unique_names(im, JH_PARTICIPANT, d->nparticipants, participant_name, no_scope) ||
	    check_unique_names(im, JH_JOURNEY, d->njourneys, journey_name, no_scope) ||
	    check_unique_names(im, JH_STAGE, d->nstages, stage_name, stage_scope))
		return -1;
	for (size_t i = 0; i < d->ntouchpoints; i++) {
		const struct jh_touchpoint *t = &d->touchpoints[i];
		long at = find_id(&c->ids[JH_STAGE], t->stage_id);
		if (at < 0 || d->stages[c->ids[JH_STAGE].at[at]].journey_id != t->journey_id)
			return fail_at(im, mark_of(im->nodes[JH_TOUCHPOINT][i], "stage"),
				       "stage %lld: not a stage of this touchpoint's journey",
				       (long long)t->stage_id);
	}
	for (size_t i = 0; i < d->npainpoints; i++) {
		const struct jh_painpoint *p = &d->painpoints[i];
		if (check_ref(im, c, JH_PAINPOINT, i, "touchpoint", JH_TOUCHPOINT,
			      p->touchpoint_id) ||
		    check_ref(im, c, JH_PAINPOINT, i, "author", JH_PARTICIPANT, p->author_id) ||
		    check_ref(im, c, JH_PAINPOINT, i, "step", JH_STEP, p->step_id))
			return -1;
	}
	for (size_t i = 0; i < d->nideas; i++) {
		const struct jh_idea *x = &d->ideas[i];
		for (size_t k = 0; k < x->npainpoints; k++) {
			if (check_ref(im, c, JH_IDEA, i, "painpoints", JH_PAINPOINT,
				      x->painpoints[k]))
				return -1;
			for (size_t m = 0; m < k; m++)
				if (x->painpoints[m] == x->painpoints[k])
					return fail_at(
					    im, mark_of(im->nodes[JH_IDEA][i], "painpoints"),
					    "painpoints: %lld is listed twice",
					    (long long)x->painpoints[k]);
		}
		if (check_ref(im, c, JH_IDEA, i, "author", JH_PARTICIPANT, x->author_id) ||
		    check_ref(im, c, JH_IDEA, i, "step", JH_STEP, x->step_id))
			return -1;
	}
	for (size_t i = 0; i < d->nvotes; i++) {
		const struct jh_vote *v = &d->votes[i];
		if (check_ref(im, c, JH_VOTE, i, "idea", JH_IDEA, v->idea_id) ||
		    check_ref(im, c, JH_VOTE, i, "participant", JH_PARTICIPANT, v->participant_id))
			return -1;
		for (size_t k = 0; k < i; k++)
			if (d->votes[k].idea_id == v->idea_id &&
			    d->votes[k].participant_id == v->participant_id)
				return fail_at(im, im->nodes[JH_VOTE][i],
					       "a second vote of participant %lld on idea %lld",
					       (long long)v->participant_id, (long long)v->idea_id);
	}
	for (size_t i = 0; i < d->nactions; i++)
		if (check_ref(im, c, JH_ACTION, i, "idea", JH_IDEA, d->actions[i].idea_id))
			return -1;
	for (size_t i = 0; i < d->nparking; i++)
		if (check_ref(im, c, JH_PARKING, i, "author", JH_PARTICIPANT,
			      d->parking[i].author_id))
			return -1;
	if (d->workshop.current_step > 0 && (size_t)d->workshop.current_step >= d->nsteps)
		return err_set(im->err, "%s: current_step %d: the agenda has %zu steps", im->label,
			       d->workshop.current_step, d->nsteps);
	return 0;
}

/* ------------------------------------------------------------ writing */

struct ins {
	struct imp *im;
	struct checks *c;
	struct jh_store *st;
	jh_id wid;
	int keep; /* items keep the file's ids */
	struct jh_value v[16];
	size_t nv;
};

/* The id an item of the file has in the database. */
static jh_id mapped(struct ins *in, enum jh_kind kind, jh_id old)
{
	long at;

	if (!old || in->keep)
		return old;
	at = find_id(&in->c->ids[kind], old);
	return at < 0 ? 0 : in->c->ids[kind].new_ids[at];
}

/* Fields this build's kinds.c does not have are left to the store. */
static struct jh_value *val(struct ins *in, enum jh_kind kind, const char *name)
{
	const struct jh_field_def *f = kinds_field(kinds_get(kind), name);
	struct jh_value *v;

	if (!f)
		return NULL;
	v = &in->v[in->nv++];
	memset(v, 0, sizeof *v);
	v->field = f;
	return v;
}

static void v_int(struct ins *in, enum jh_kind kind, const char *name, long long num)
{
	struct jh_value *v = val(in, kind, name);

	if (v)
		v->num = num;
}

static void v_text(struct ins *in, enum jh_kind kind, const char *name, const char *text)
{
	struct jh_value *v = val(in, kind, name);

	if (v)
		v->text = text ? text : "";
}

static void v_ref(struct ins *in, enum jh_kind kind, const char *name, enum jh_kind target,
		  jh_id old)
{
	struct jh_value *v = val(in, kind, name);

	if (!v)
		return;
	v->num = mapped(in, target, old);
	v->is_null = v->num == 0;
}

/* Insert the prepared values as item `i` of `kind`. */
static int add(struct ins *in, enum jh_kind kind, size_t i)
{
	jh_id old = item_id(&in->im->d, kind, i), nid = 0;
	long at = find_id(&in->c->ids[kind], old);
	int rc;

	if (in->keep)
		rc = store_item_add_with_id(in->st, in->wid, kind, old, in->v, in->nv, in->im->err);
	else
		rc = store_item_add(in->st, in->wid, kind, in->v, in->nv, &nid, in->im->err);
	in->nv = 0;
	if (rc) {
		const struct yamlread_node *m = in->im->nodes[kind][i];
		err_prefix(in->im->err, "%s:%zu:%zu", in->im->label, m->line, m->col);
		return -1;
	}
	in->c->ids[kind].new_ids[at] = in->keep ? old : nid;
	return 0;
}

static int add_step(struct ins *in, size_t i)
{
	const struct jh_step *s = &in->im->d.steps[i];

	v_text(in, JH_STEP, "title", s->title);
	v_int(in, JH_STEP, "day", s->day);
	v_int(in, JH_STEP, "minutes", s->minutes);
	v_text(in, JH_STEP, "view", s->view);
	v_int(in, JH_STEP, "private", s->private_);
	v_text(in, JH_STEP, "notes", s->notes);
	v_int(in, JH_STEP, "position", s->position);
	if (add(in, JH_STEP, i))
		return -1;
	return s->revealed
		   ? store_step_reveal(in->st, in->wid, mapped(in, JH_STEP, s->id), in->im->err)
		   : 0;
}

static int add_journey(struct ins *in, size_t i)
{
	const struct jh_journey *j = &in->im->d.journeys[i];
	struct jh_value *stages;

	v_text(in, JH_JOURNEY, "name", j->name);
	v_text(in, JH_JOURNEY, "description", j->description);
	v_int(in, JH_JOURNEY, "position", j->position);
	/* A null "stages" tells the store not to create the workshop's
	 * default stages: the file's own follow, with their ids. */
	stages = val(in, JH_JOURNEY, "stages");
	if (stages)
		stages->is_null = 1;
	return add(in, JH_JOURNEY, i);
}

static int add_stage(struct ins *in, size_t i)
{
	const struct jh_stage *s = &in->im->d.stages[i];

	v_ref(in, JH_STAGE, "journey", JH_JOURNEY, s->journey_id);
	v_text(in, JH_STAGE, "name", s->name);
	v_int(in, JH_STAGE, "position", s->position);
	return add(in, JH_STAGE, i);
}

static int add_touchpoint(struct ins *in, size_t i)
{
	const struct jh_touchpoint *t = &in->im->d.touchpoints[i];

	v_text(in, JH_TOUCHPOINT, "name", t->name);
	v_ref(in, JH_TOUCHPOINT, "journey", JH_JOURNEY, t->journey_id);
	v_ref(in, JH_TOUCHPOINT, "stage", JH_STAGE, t->stage_id);
	v_text(in, JH_TOUCHPOINT, "channel", t->channel);
	v_text(in, JH_TOUCHPOINT, "owner", t->owner);
	v_int(in, JH_TOUCHPOINT, "score", t->score);
	v_int(in, JH_TOUCHPOINT, "reach", t->reach);
	v_int(in, JH_TOUCHPOINT, "potential", t->potential);
	v_int(in, JH_TOUCHPOINT, "position", t->position);
	v_text(in, JH_TOUCHPOINT, "notes", t->notes);
	return add(in, JH_TOUCHPOINT, i);
}

static int add_participant(struct ins *in, size_t i)
{
	const struct jh_participant *p = &in->im->d.participants[i];

	v_text(in, JH_PARTICIPANT, "name", p->name);
	v_text(in, JH_PARTICIPANT, "department", p->department);
	v_text(in, JH_PARTICIPANT, "role", p->role);
	return add(in, JH_PARTICIPANT, i);
}

static int add_painpoint(struct ins *in, size_t i)
{
	const struct jh_painpoint *p = &in->im->d.painpoints[i];

	v_text(in, JH_PAINPOINT, "title", p->title);
	v_ref(in, JH_PAINPOINT, "touchpoint", JH_TOUCHPOINT, p->touchpoint_id);
	v_int(in, JH_PAINPOINT, "severity", p->severity);
	v_int(in, JH_PAINPOINT, "frequency", p->frequency);
	v_text(in, JH_PAINPOINT, "evidence", p->evidence);
	v_text(in, JH_PAINPOINT, "status", p->status);
	v_ref(in, JH_PAINPOINT, "author", JH_PARTICIPANT, p->author_id);
	v_ref(in, JH_PAINPOINT, "step", JH_STEP, p->step_id);
	return add(in, JH_PAINPOINT, i);
}

static int add_idea(struct ins *in, size_t i)
{
	const struct jh_idea *x = &in->im->d.ideas[i];
	jh_id *links = util_xmalloc((x->npainpoints ? x->npainpoints : 1) * sizeof *links);
	struct jh_value *v;
	int rc;

	v_text(in, JH_IDEA, "title", x->title);
	v_text(in, JH_IDEA, "belief", x->belief);
	v_text(in, JH_IDEA, "experiment", x->experiment);
	v_text(in, JH_IDEA, "metric", x->metric);
	v_text(in, JH_IDEA, "success", x->success);
	v_int(in, JH_IDEA, "impact", x->impact);
	v_int(in, JH_IDEA, "effort", x->effort);
	v_int(in, JH_IDEA, "confidence", x->confidence);
	v_int(in, JH_IDEA, "reach", x->reach);
	v_ref(in, JH_IDEA, "author", JH_PARTICIPANT, x->author_id);
	v_ref(in, JH_IDEA, "step", JH_STEP, x->step_id);
	for (size_t k = 0; k < x->npainpoints; k++)
		links[k] = mapped(in, JH_PAINPOINT, x->painpoints[k]);
	v = val(in, JH_IDEA, "painpoints");
	if (v) {
		v->ids = links;
		v->nids = x->npainpoints;
	}
	rc = add(in, JH_IDEA, i);
	free(links);
	return rc;
}

static int add_vote(struct ins *in, size_t i)
{
	const struct jh_vote *v = &in->im->d.votes[i];

	v_ref(in, JH_VOTE, "idea", JH_IDEA, v->idea_id);
	v_ref(in, JH_VOTE, "participant", JH_PARTICIPANT, v->participant_id);
	v_int(in, JH_VOTE, "dots", v->dots);
	return add(in, JH_VOTE, i);
}

static int add_action(struct ins *in, size_t i)
{
	const struct jh_action *a = &in->im->d.actions[i];

	v_text(in, JH_ACTION, "title", a->title);
	v_ref(in, JH_ACTION, "idea", JH_IDEA, a->idea_id);
	v_text(in, JH_ACTION, "owner", a->owner);
	v_text(in, JH_ACTION, "due", a->due);
	v_text(in, JH_ACTION, "status", a->status);
	v_text(in, JH_ACTION, "notes", a->notes);
	return add(in, JH_ACTION, i);
}

static int add_parking(struct ins *in, size_t i)
{
	const struct jh_parking *p = &in->im->d.parking[i];

	v_text(in, JH_PARKING, "text", p->text);
	v_int(in, JH_PARKING, "answered", p->answered);
	v_text(in, JH_PARKING, "answer", p->answer);
	v_ref(in, JH_PARKING, "author", JH_PARTICIPANT, p->author_id);
	return add(in, JH_PARKING, i);
}

/* Every kind in an order where references point backwards, each in
 * ascending id so new ids keep the file's order. */
static int add_all(struct ins *in)
{
	static const struct {
		enum jh_kind kind;
		int (*fn)(struct ins *, size_t);
	} order[] = {
	    {JH_PARTICIPANT, add_participant},
	    {JH_STEP, add_step},
	    {JH_JOURNEY, add_journey},
	    {JH_STAGE, add_stage},
	    {JH_TOUCHPOINT, add_touchpoint},
	    {JH_PAINPOINT, add_painpoint},
	    {JH_IDEA, add_idea},
	    {JH_VOTE, add_vote},
	    {JH_ACTION, add_action},
	    {JH_PARKING, add_parking},
	};

	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		const struct idset *s = &in->c->ids[order[k].kind];
		for (size_t i = 0; i < s->n; i++)
			if (order[k].fn(in, s->at[i]))
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

static int parse_document(struct imp *im, const char *buf, size_t len)
{
	const struct yamlread_opts o = {im->label,
					0,
					"aliases (*name) are not supported in a workshop file",
					"a second document: a file holds one workshop",
					NULL,
					"the workshop",
					MAX_DEPTH,
					0,
					0};

	return yamlread_parse(buf, len, &o, &im->root, im->err);
}

int import_yaml_buffer(struct jh_store *st, const char *workshop, const char *buf, size_t len,
		       const char *label, jh_id *wid_out, struct jh_err *err)
{
	struct imp im;
	struct checks c;
	struct ins in;
	jh_id existing;
	int rc = -1;

	memset(&im, 0, sizeof im);
	memset(&c, 0, sizeof c);
	im.label = label ? label : "<input>";
	im.err = err;
	if (store_workshop_find(st, workshop, &existing, NULL) == 0)
		return err_set(err, "a workshop named \"%s\" already exists in %s", workshop,
			       store_path(st));
	if (parse_document(&im, buf, len))
		goto out;
	if (read_root(&im) || check_all(&im, &c))
		goto out;
	memset(&in, 0, sizeof in);
	in.im = &im;
	in.c = &c;
	in.st = st;
	in.keep = 1;
	if (write_all(&in, workshop) != 0) {
		/* Some id is taken (or the file is wrong in a way only the
		 * store sees): once more with new ids; if that fails too, its
		 * message is the one to show. */
		in.keep = 0;
		in.nv = 0;
		if (write_all(&in, workshop) != 0)
			goto out;
	}
	if (wid_out)
		*wid_out = in.wid;
	rc = 0;
out:
	for (int k = 0; k < JH_NKINDS; k++) {
		free_ids(&c.ids[k]);
		free(im.nodes[k]);
	}
	model_data_free(&im.d);
	yamlread_free(im.root);
	return rc;
}

int import_yaml_file(struct jh_store *st, const char *workshop, const char *path, jh_id *wid_out,
		     struct jh_err *err)
{
	char *buf;
	size_t len;
	int rc;

	if (fileread_all(path, MAX_FILE, "a workshop file", &buf, &len, err))
		return -1;
	rc = import_yaml_buffer(st, workshop, buf, len, path, wid_out, err);
	free(buf);
	return rc;
}
