/* template.c: workshop templates (YAML) read into plain structs.
 *
 * Two passes: yamlread.c turns the text into a small tree of nodes
 * (bounded in depth, count and scalar size, with no anchors or aliases),
 * then the tree is checked against the schema while the structs are
 * filled in. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/err.h"
#include "journeyhack/fileread.h"
#include "journeyhack/i18n.h"
#include "journeyhack/template.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"
#include "journeyhack/yamlread.h"
#include "journeyhack/yesno.h"

/* Limits that keep hostile files cheap. A real template is a few KiB with a
 * few hundred values and a nesting depth of five. */
#define TPL_MAX_FILE   (4u * 1024 * 1024)
#define TPL_MAX_SCALAR (64u * 1024)
#define TPL_MAX_DEPTH  64
#define TPL_MAX_NODES  100000
/* Stages are columns on screen and every touchpoint is checked against
 * them; fifty is far beyond any real journey. */
#define TPL_MAX_STAGES 50

struct ctx {
	const char *label;
	struct jh_err *err;
};

/* The failing forms are macros so that -1 is visible at every call site:
 * static analysers do not look inside variadic functions. */
#define report(c, n, ...) yamlread_report((c)->label, (c)->err, (n)->line, (n)->col, __VA_ARGS__)
#define fail_at(c, line, col, ...)                                                                 \
	(yamlread_report((c)->label, (c)->err, (line), (col), __VA_ARGS__), -1)
#define fail(c, n, ...) (report((c), (n), __VA_ARGS__), -1)

/* Repeated strings in a list that must hold each once. */
static int check_unique(struct ctx *c, char *const *v, const struct yamlread_node *const *where,
			size_t n, const char *key)
{
	char q[YAMLREAD_QUOTE_MAX * 2 + 16];
	size_t first, again;

	if (!yamlread_first_repeat(where, 1, (const char *const *)v, n, &first, &again))
		return 0;
	yamlread_quote(q, sizeof q, v[again], strlen(v[again]));
	return fail(c, where[again], _("%s: %s is listed twice (first at line %zu)"), key, q,
		    where[first]->line);
}

/* ---- pass 2: schema ---- */

static const char *const top_keys[] = {"name",	   "title",	     "description", "stages",
				       "channels", "prioritisation", "voting",	    "agenda",
				       "journeys", "prompts",	     "language",    NULL};
static const char *const voting_keys[] = {"dots_per_participant", "max_dots_per_idea", "anonymous",
					  NULL};
static const char *const step_keys[] = {"day",	   "title", "minutes", "view",
					"private", "notes", NULL};
static const char *const journey_keys[] = {"name", "description", "stages", "touchpoints", NULL};
static const char *const touchpoint_keys[] = {"stage", "name",	"channel",   "owner",
					      "score", "reach", "potential", NULL};
static const char *const methods[] = {
#define METHOD(id, name, formula) name,
#include "journeyhack/methods.def"
#undef METHOD
    NULL};
static const char *const views[] = {"agenda", "journeys", "painpoints", "backlog",
				    "matrix", "actions",  "parking",	NULL};

/* "a, b, c or d": n words, or up to a NULL (n = SIZE_MAX). */
static void join_words(char *out, size_t outsz, const char *const *words, size_t n,
		       const char *last_sep)
{
	size_t o = 0;

	out[0] = '\0';
	for (size_t i = 0; i < n && words[i] && o < outsz; i++) {
		const char *sep = i == 0 ? "" : i + 1 == n || !words[i + 1] ? last_sep : ", ";
		int w = snprintf(out + o, outsz - o, "%s%s", sep, words[i]);
		if (w < 0)
			break;
		o += (size_t)w;
	}
}

static int check_keys(struct ctx *c, const struct yamlread_node *map, const char *what,
		      const char *const *allowed)
{
	for (size_t i = 0; i + 1 < map->nitems; i += 2) {
		const struct yamlread_node *k = map->items[i];
		size_t j;
		char q[YAMLREAD_QUOTE_MAX * 2 + 16], list[512];

		for (j = 0; allowed[j]; j++)
			if (yamlread_scalar_is(k, allowed[j]))
				break;
		if (allowed[j])
			continue;
		yamlread_quote(q, sizeof q, k->text, k->len);
		join_words(list, sizeof list, allowed, SIZE_MAX, ", ");
		return fail(c, k, _("unknown key %s in %s (allowed: %s)"), q, what, list);
	}
	return 0;
}

/* "key: expected what, got <what n is>"; what is said in one or two parts. */
static int expected(struct ctx *c, const struct yamlread_node *n, const char *key, const char *what,
		    const char *what2)
{
	char got[YAMLREAD_QUOTE_MAX * 2 + 32];

	yamlread_describe(got, sizeof got, n);
	return fail(c, n, _("%s: expected %s%s, got %s"), key, what, what2, got);
}

const char *template_text_problem(const char *s, size_t len, int multiline)
{
	if (!text_utf8_valid(s, len))
		return _("text is not valid UTF-8");
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '\n' && !multiline)
			return _("must be a single line");
		/* C0 but line breaks and tabs, DEL, and C1 (U+0080..U+009F). */
		if ((ch < 0x20 && ch != '\n' && ch != '\t') || ch == 0x7f ||
		    (ch == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] < 0xa0))
			return _("control characters are not allowed in text");
	}
	return NULL;
}

/* Text of a scalar, or NULL after filling the error: trailing line breaks
 * (left by | and > blocks) dropped, NULs and control characters refused
 * since every consumer treats strings as C strings and many draw them on a
 * terminal. */
static char *text_of(struct ctx *c, const struct yamlread_node *n, const char *key, int multiline)
{
	const char *why;
	size_t len;

	if (n->kind != YAMLREAD_SCALAR) {
		(void)expected(c, n, key, "text", "");
		return NULL;
	}
	if (yamlread_is_null(n))
		return util_xstrdup("");
	len = n->len;
	while (len > 0 && n->text[len - 1] == '\n')
		len--;
	why = template_text_problem(n->text, len, multiline);
	if (why) {
		report(c, n, "%s: %s", key, why);
		return NULL;
	}
	return util_xstrndup(n->text, len);
}

/* An absent key: an error when it is required. */
static int missing(struct ctx *c, const struct yamlread_node *map, const char *key,
		   const char *what, int required)
{
	return required ? fail(c, map, _("missing required key \"%s\" in %s"), key, what) : 0;
}

static int is_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n')
			return 0;
	return 1;
}

/* A text field; absent gives "" unless required. */
static int get_text(struct ctx *c, const struct yamlread_node *map, const char *key,
		    const char *what, int required, int multiline, char **out)
{
	const struct yamlread_node *n = yamlread_map_get(map, key);

	*out = NULL;
	if (!n) {
		*out = required ? NULL : util_xstrdup("");
		return missing(c, map, key, what, required);
	}
	*out = text_of(c, n, key, multiline);
	if (!*out)
		return -1;
	if (required && is_blank(*out)) {
		free(*out);
		*out = NULL;
		return fail(c, n, _("%s: must not be empty"), key);
	}
	return 0;
}

static int all_digits(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

static int get_int(struct ctx *c, const struct yamlread_node *map, const char *key,
		   const char *what, int required, int lo, int hi, int def, int *out)
{
	const struct yamlread_node *n = yamlread_map_get(map, key);
	long long v;

	*out = def;
	if (!n)
		return missing(c, map, key, what, required);
	if (n->kind == YAMLREAD_SCALAR && n->plain && strlen(n->text) == n->len &&
	    all_digits(n->text)) {
		if (util_parse_int(n->text, &v) || v < lo || v > hi)
			return fail(c, n, _("%s: %s is out of range %d..%d"), key, n->text, lo, hi);
		*out = (int)v;
		return 0;
	}
	return expected(c, n, key, "an integer", "");
}

static int get_bool(struct ctx *c, const struct yamlread_node *map, const char *key, int def,
		    int *out)
{
	const struct yamlread_node *n = yamlread_map_get(map, key);

	*out = def;
	if (!n)
		return 0;
	if (n->kind == YAMLREAD_SCALAR && n->plain && yesno_parse(n->text, n->len, out) == 0)
		return 0;
	return expected(c, n, key, yesno_words(), "");
}

static int get_choice(struct ctx *c, const struct yamlread_node *map, const char *key,
		      const char *noun, const char *const *allowed, const char *def, char **out)
{
	const struct yamlread_node *n = yamlread_map_get(map, key);
	char q[YAMLREAD_QUOTE_MAX * 2 + 16], list[256];

	*out = NULL;
	if (!n) {
		*out = util_xstrdup(def);
		return 0;
	}
	if (n->kind != YAMLREAD_SCALAR)
		return expected(c, n, key, "text", "");
	for (size_t i = 0; allowed[i]; i++) {
		if (yamlread_scalar_is(n, allowed[i])) {
			*out = util_xstrdup(allowed[i]);
			return 0;
		}
	}
	yamlread_quote(q, sizeof q, n->text, n->len);
	join_words(list, sizeof list, allowed, SIZE_MAX, " or ");
	return fail(c, n, _("%s: unknown %s %s (expected %s)"), key, noun, q, list);
}

static void strv_free(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

/* The list under key, or *seq NULL when it is absent (or null, unless
 * required). */
static int get_seq(struct ctx *c, const struct yamlread_node *map, const char *key,
		   const char *what, const char *item, int required,
		   const struct yamlread_node **seq)
{
	const struct yamlread_node *n = yamlread_map_get(map, key);

	*seq = NULL;
	if (!n || (!required && yamlread_is_null(n)))
		return missing(c, map, key, what, required);
	if (n->kind != YAMLREAD_SEQ)
		return expected(c, n, key, "a list of ", item);
	if (required && n->nitems == 0)
		return fail(c, n, _("%s: must not be empty"), key);
	*seq = n;
	return 0;
}

/* A list of non-empty single-line strings, optionally without repeats and
 * at most max long (0: no limit). */
static int get_strlist(struct ctx *c, const struct yamlread_node *map, const char *key,
		       const char *what, int required, int unique, size_t max, char ***out,
		       size_t *nout)
{
	const struct yamlread_node *n;
	char **v;
	size_t count;

	*out = NULL;
	*nout = 0;
	if (get_seq(c, map, key, what, "text", required, &n))
		return -1;
	if (!n)
		return 0;
	count = n->nitems;
	v = util_xcalloc(count ? count : 1, sizeof *v);
	for (size_t i = 0; i < count; i++) {
		v[i] = text_of(c, n->items[i], key, 0);
		if (!v[i])
			goto fail;
		if (is_blank(v[i])) {
			report(c, n->items[i], _("%s: an item must not be empty"), key);
			goto fail;
		}
	}
	if (unique && check_unique(c, v, (const struct yamlread_node *const *)n->items, count, key))
		goto fail;
	if (max && count > max) {
		report(c, n->items[max], _("%s: too many items (at most %zu)"), key, max);
		goto fail;
	}
	*out = v;
	*nout = count;
	return 0;
fail:
	strv_free(v, count);
	return -1;
}

int template_name_valid(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

/* A BCP 47 tag as far as templates need one: a primary language of two
 * or three lower-case letters (sv, nb, en), then optional subtags of two
 * to eight letters or digits (pt-BR, sr-Latn). The tag names the language
 * the template's texts are written in, so "sv_SE.UTF-8" (a locale) is
 * refused rather than half understood. */
static int language_valid(const char *s)
{
	size_t n = 0;

	while (s[n] >= 'a' && s[n] <= 'z')
		n++;
	if (n < 2 || n > 3)
		return 0;
	for (s += n; *s; s += n) {
		if (*s++ != '-')
			return 0;
		for (n = 0; (s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
			    (s[n] >= '0' && s[n] <= '9');
		     n++)
			;
		if (n < 2 || n > 8)
			return 0;
	}
	return 1;
}

static int load_language(struct ctx *c, const struct yamlread_node *top, struct jh_template *t)
{
	char q[YAMLREAD_QUOTE_MAX * 2 + 16];
	const struct yamlread_node *n;

	if (get_text(c, top, "language", "the template", 0, 0, &t->language))
		return -1;
	if (!*t->language || language_valid(t->language))
		return 0;
	n = yamlread_map_get(top, "language");
	yamlread_quote(q, sizeof q, n->text, n->len);
	return fail(c, n, _("language: %s is not a language tag (use a code such as sv, nb or en)"),
		    q);
}

/* A sequence of mappings, e.g. agenda steps; NULL-valued optional lists
 * count as absent. Sets *seq to NULL when absent. */
static int get_maplist(struct ctx *c, const struct yamlread_node *map, const char *key,
		       const char *what, const char *item, int required,
		       const struct yamlread_node **seq)
{
	const struct yamlread_node *n;

	*seq = NULL;
	if (get_seq(c, map, key, what, item, required, &n))
		return -1;
	for (size_t i = 0; n && i < n->nitems; i++)
		if (n->items[i]->kind != YAMLREAD_MAP)
			return expected(c, n->items[i], key, "a mapping for each ", item);
	*seq = n;
	return 0;
}

static int load_voting(struct ctx *c, const struct yamlread_node *top, struct jh_template *t)
{
	const struct yamlread_node *v = yamlread_map_get(top, "voting");

	t->dots_per_participant = 5;
	t->max_dots_per_idea = 0;
	t->anonymous = 0;
	if (!v || yamlread_is_null(v))
		return 0;
	if ((v->kind != YAMLREAD_MAP && expected(c, v, "voting", "a mapping", "")) ||
	    check_keys(c, v, "voting", voting_keys))
		return -1;
	if (get_int(c, v, "dots_per_participant", "voting", 0, 1, 100, 5,
		    &t->dots_per_participant) ||
	    get_int(c, v, "max_dots_per_idea", "voting", 0, 0, 100, 0, &t->max_dots_per_idea) ||
	    get_bool(c, v, "anonymous", 0, &t->anonymous))
		return -1;
	return 0;
}

static int load_steps(struct ctx *c, const struct yamlread_node *top, struct jh_template *t)
{
	const struct yamlread_node *seq;
	const char *what = "agenda step";

	if (get_maplist(c, top, "agenda", "the template", "step", 1, &seq) || !seq)
		return -1;
	t->steps = util_xcalloc(seq->nitems, sizeof *t->steps);
	for (size_t i = 0; i < seq->nitems; i++) {
		const struct yamlread_node *m = seq->items[i];
		struct jh_tpl_step *s = &t->steps[i];

		t->nsteps = i + 1;
		if (check_keys(c, m, what, step_keys) ||
		    get_int(c, m, "day", what, 1, 1, 14, 1, &s->day) ||
		    get_text(c, m, "title", what, 1, 0, &s->title) ||
		    get_int(c, m, "minutes", what, 1, 1, 1440, 1, &s->minutes) ||
		    get_choice(c, m, "view", "view", views, "agenda", &s->view) ||
		    get_bool(c, m, "private", 0, &s->private_) ||
		    get_text(c, m, "notes", what, 0, 1, &s->notes))
			return -1;
		/* Steps run in file order; a day going backwards is a slip. */
		if (i > 0 && s->day < t->steps[i - 1].day)
			return fail(c, yamlread_map_get(m, "day"),
				    _("day: %d comes after day %d; list the agenda in order"),
				    s->day, t->steps[i - 1].day);
	}
	return 0;
}

static int stage_known(const struct jh_tpl_journey *j, const char *stage)
{
	for (size_t i = 0; i < j->nstages; i++)
		if (!strcmp(j->stages[i], stage))
			return 1;
	return 0;
}

static int load_touchpoints(struct ctx *c, const struct yamlread_node *jm, struct jh_tpl_journey *j)
{
	const struct yamlread_node *seq;
	const char *what = "touchpoint";

	if (get_maplist(c, jm, "touchpoints", "journey", "touchpoint", 0, &seq))
		return -1;
	if (!seq || seq->nitems == 0)
		return 0;
	j->touchpoints = util_xcalloc(seq->nitems, sizeof *j->touchpoints);
	for (size_t i = 0; i < seq->nitems; i++) {
		const struct yamlread_node *m = seq->items[i];
		struct jh_tpl_touchpoint *tp = &j->touchpoints[i];

		j->ntouchpoints = i + 1;
		if (check_keys(c, m, what, touchpoint_keys) ||
		    get_text(c, m, "stage", what, 1, 0, &tp->stage))
			return -1;
		if (!stage_known(j, tp->stage)) {
			const struct yamlread_node *sn = yamlread_map_get(m, "stage");
			char q[YAMLREAD_QUOTE_MAX * 2 + 16], list[512];

			join_words(list, sizeof list, (const char *const *)j->stages, j->nstages,
				   ", ");
			yamlread_quote(q, sizeof q, sn->text, sn->len);
			return fail(c, sn, _("stage: %s is not one of the journey's stages (%s)"),
				    q, list);
		}
		if (get_text(c, m, "name", what, 1, 0, &tp->name) ||
		    get_text(c, m, "channel", what, 0, 0, &tp->channel) ||
		    get_text(c, m, "owner", what, 0, 0, &tp->owner) ||
		    get_int(c, m, "score", what, 0, -2, 2, 0, &tp->score) ||
		    get_int(c, m, "reach", what, 0, 0, 100, 100, &tp->reach) ||
		    get_int(c, m, "potential", what, 0, 0, 3, 1, &tp->potential))
			return -1;
	}
	return 0;
}

static char **strv_dup(char *const *v, size_t n)
{
	char **copy = util_xcalloc(n ? n : 1, sizeof *copy);

	for (size_t i = 0; i < n; i++)
		copy[i] = util_xstrdup(v[i]);
	return copy;
}

static int check_journey_names(struct ctx *c, const struct yamlread_node *seq,
			       const struct jh_template *t)
{
	char **names = util_xmalloc(t->njourneys * sizeof *names);
	const struct yamlread_node **where = util_xmalloc(t->njourneys * sizeof *where);
	int rc;

	for (size_t i = 0; i < t->njourneys; i++) {
		names[i] = t->journeys[i].name;
		where[i] = yamlread_map_get(seq->items[i], "name");
	}
	rc = check_unique(c, names, where, t->njourneys, "name");
	free(names);
	free(where);
	return rc;
}

static int load_journeys(struct ctx *c, const struct yamlread_node *top, struct jh_template *t)
{
	const struct yamlread_node *seq;
	const char *what = "journey";

	if (get_maplist(c, top, "journeys", "the template", "journey", 0, &seq))
		return -1;
	if (!seq || seq->nitems == 0)
		return 0;
	t->journeys = util_xcalloc(seq->nitems, sizeof *t->journeys);
	for (size_t i = 0; i < seq->nitems; i++) {
		const struct yamlread_node *m = seq->items[i];
		struct jh_tpl_journey *j = &t->journeys[i];

		t->njourneys = i + 1;
		if (check_keys(c, m, what, journey_keys) ||
		    get_text(c, m, "name", what, 1, 0, &j->name) ||
		    get_text(c, m, "description", what, 0, 1, &j->description) ||
		    get_strlist(c, m, "stages", what, 0, 1, TPL_MAX_STAGES, &j->stages,
				&j->nstages))
			return -1;
		if (!j->stages) {
			j->stages = strv_dup(t->stages, t->nstages);
			j->nstages = t->nstages;
		} else if (j->nstages == 0) {
			return fail(c, yamlread_map_get(m, "stages"),
				    _("stages: must not be empty"));
		}
		if (load_touchpoints(c, m, j))
			return -1;
	}
	return check_journey_names(c, seq, t);
}

static int load_tree(struct ctx *c, const struct yamlread_node *top, struct jh_template *t)
{
	const char *what = "the template";

	if (check_keys(c, top, what, top_keys))
		return -1;
	if (get_text(c, top, "name", what, 1, 0, &t->name))
		return -1;
	if (!template_name_valid(t->name)) {
		char q[YAMLREAD_QUOTE_MAX * 2 + 16];
		const struct yamlread_node *n = yamlread_map_get(top, "name");

		yamlread_quote(q, sizeof q, n->text, n->len);
		return fail(c, n, _("name: %s is not a valid name (use a-z, 0-9 and -)"), q);
	}
	if (get_text(c, top, "title", what, 1, 0, &t->title) || load_language(c, top, t) ||
	    get_text(c, top, "description", what, 0, 1, &t->description) ||
	    get_strlist(c, top, "stages", what, 1, 1, TPL_MAX_STAGES, &t->stages, &t->nstages) ||
	    get_strlist(c, top, "channels", what, 1, 1, 0, &t->channels, &t->nchannels) ||
	    get_choice(c, top, "prioritisation", "method", methods, "impact-effort", &t->method) ||
	    load_voting(c, top, t) || load_steps(c, top, t) || load_journeys(c, top, t) ||
	    get_strlist(c, top, "prompts", what, 0, 0, 0, &t->prompts, &t->nprompts))
		return -1;
	return 0;
}

/* First invalid byte, reported where an editor would show it. */
static int check_utf8(struct ctx *c, const char *buf, size_t len)
{
	size_t lo = 0, line, col;

	if (text_utf8_valid(buf, len))
		return 0;
	/* text_utf8_valid answers only yes or no: find the first bad sequence
	 * by growing a valid prefix one sequence at a time. */
	while (lo < len) {
		unsigned char ch = (unsigned char)buf[lo];
		size_t n = ch < 0x80 ? 1 : ch >= 0xf0 ? 4 : ch >= 0xe0 ? 3 : 2;

		if (n > len - lo || !text_utf8_valid(buf + lo, n))
			break;
		lo += n;
	}
	yamlread_position(buf, len, lo, &line, &col);
	return fail_at(c, line, col, _("invalid UTF-8 (byte 0x%02x)"), (unsigned char)buf[lo]);
}

static int too_large(const char *label, size_t len, struct jh_err *err)
{
	return err_set(err, _("%s: too large (%zu bytes; at most %u)"), label, len, TPL_MAX_FILE);
}

int template_load_buffer(const char *buf, size_t len, const char *label, struct jh_template *out,
			 struct jh_err *err)
{
	struct ctx c = {label ? label : "(template)", err};
	const struct yamlread_opts opts = {c.label,
					   1,
					   "aliases are not allowed in templates",
					   "only one document is allowed in a template",
					   "templates",
					   NULL,
					   TPL_MAX_DEPTH,
					   TPL_MAX_NODES,
					   TPL_MAX_SCALAR};
	struct yamlread_node *root = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	if (len > TPL_MAX_FILE)
		return too_large(c.label, len, err);
	if (!buf)
		len = 0;
	/* Editors on Windows like to start files with a byte-order mark. With
	 * the encoding fixed to UTF-8, libyaml counts it as a column, and the
	 * first key then seems indented: drop it here. */
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		buf += 3;
		len -= 3;
	}
	if (len && check_utf8(&c, buf, len))
		return -1;
	if (yamlread_parse(buf ? buf : "", len, &opts, &root, err))
		return -1;
	if (!root || yamlread_is_null(root)) {
		size_t line = root ? root->line : 1, col = root ? root->col : 1;

		yamlread_free(root);
		return fail_at(&c, line, col, _("empty template"));
	}
	if (root->kind != YAMLREAD_MAP) {
		char got[YAMLREAD_QUOTE_MAX * 2 + 32];

		yamlread_describe(got, sizeof got, root);
		rc = fail(&c, root, _("expected a mapping of keys at the top, got %s"), got);
		yamlread_free(root);
		return rc;
	}
	out->path = util_xstrdup(c.label);
	rc = load_tree(&c, root, out);
	yamlread_free(root);
	if (rc)
		template_free(out);
	return rc;
}

int template_load(const char *path, struct jh_template *out, struct jh_err *err)
{
	char *buf = NULL;
	size_t len = 0;
	int rc;

	memset(out, 0, sizeof *out);
	rc = fileread_all(path, TPL_MAX_FILE, NULL, &buf, &len, err);
	/* A template states its limit in bytes, the same from a file as from memory. */
	if (rc == FILEREAD_TOO_LARGE)
		return too_large(path, len, err);
	if (rc)
		return -1;
	rc = template_load_buffer(buf, len, path, out, err);
	free(buf);
	return rc;
}

void template_free(struct jh_template *t)
{
	if (!t)
		return;
	free(t->path);
	free(t->name);
	free(t->title);
	free(t->language);
	free(t->description);
	strv_free(t->stages, t->nstages);
	strv_free(t->channels, t->nchannels);
	free(t->method);
	for (size_t i = 0; t->steps && i < t->nsteps; i++) {
		free(t->steps[i].title);
		free(t->steps[i].view);
		free(t->steps[i].notes);
	}
	free(t->steps);
	for (size_t i = 0; t->journeys && i < t->njourneys; i++) {
		struct jh_tpl_journey *j = &t->journeys[i];

		free(j->name);
		free(j->description);
		strv_free(j->stages, j->nstages);
		for (size_t k = 0; j->touchpoints && k < j->ntouchpoints; k++) {
			free(j->touchpoints[k].stage);
			free(j->touchpoints[k].name);
			free(j->touchpoints[k].channel);
			free(j->touchpoints[k].owner);
		}
		free(j->touchpoints);
	}
	free(t->journeys);
	strv_free(t->prompts, t->nprompts);
	memset(t, 0, sizeof *t);
}
