/* export_yaml.c: the lossless YAML export, the backup and hand-over format.
 *
 * Written by hand rather than with libyaml's emitter so that the bytes are
 * ours to keep stable: the same workshop always gives the same file, and
 * import_yaml.c reads it back into a workshop that exports identically.
 * Every value of every item is written, ids included, in a fixed order.
 * A string is plain only when no YAML reader could take it for anything
 * else (a number, a boolean, null, a date, an indicator); otherwise it is
 * double-quoted with escapes, which also carries newlines and control
 * characters. */
#include <string.h>
#include <strings.h>

#include "journeyhack/export.h"
#include "journeyhack/export_fields.h"
#include "journeyhack/export_w.h"
#include "journeyhack/text.h"

/* Characters YAML does not allow raw in a stream, or that readers
 * normalise (NEL, line and paragraph separators, BOM). */
static int yaml_needs_escape(unsigned int cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF;
}

static int plain_ascii(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr(" .,()/'_+-!?&=%@$", c));
}

static int reserved_word(const char *s)
{
	static const char *const words[] = {"y",     "n",  "yes", "no",	  "true",
					    "false", "on", "off", "null", NULL};

	for (size_t i = 0; words[i]; i++)
		if (!strcasecmp(s, words[i]))
			return 1;
	return 0;
}

static int plain_ok(const char *s)
{
	size_t n = strlen(s), len;
	unsigned int cp;

	if (n == 0 || s[n - 1] == ' ' || reserved_word(s))
		return 0;
	/* A letter first: never a number, a date, an indicator or a space. */
	if (!(((unsigned char)s[0] | 0x20) >= 'a' && ((unsigned char)s[0] | 0x20) <= 'z') &&
	    (unsigned char)s[0] < 0x80)
		return 0;
	for (size_t i = 0; i < n; i += len) {
		len = text_decode(s + i, n - i, &cp);
		if (cp < 0x80 ? !plain_ascii((unsigned char)cp)
			      : (cp == 0xFFFD && len == 1) || yaml_needs_escape(cp))
			return 0;
	}
	return 1;
}

/* A double-quoted scalar's escape for cp: JSON's, and YAML's own names. */
static const char *escape(unsigned int cp)
{
	static const struct {
		unsigned int cp;
		const char *esc;
	} named[] = {{0x1B, "\\e"}, {0x85, "\\N"}, {0x2028, "\\L"}, {0x2029, "\\P"}};
	const char *e = export_w_escape(cp);

	for (size_t i = 0; !e && i < sizeof named / sizeof named[0]; i++)
		if (named[i].cp == cp)
			e = named[i].esc;
	return e;
}

static void quoted(struct export_w *w, const char *s)
{
	size_t n = strlen(s), len;
	unsigned int cp;

	export_w_putc(w, '"');
	for (size_t i = 0; i < n; i += len) {
		const char *e;
		len = text_decode(s + i, n - i, &cp);
		if ((e = escape(cp)))
			export_w_puts(w, e);
		else if (cp < 0x100 && yaml_needs_escape(cp))
			export_w_printf(w, "\\x%02X", cp);
		else if (yaml_needs_escape(cp))
			export_w_printf(w, "\\u%04X", cp);
		else if (cp == 0xFFFD && len == 1)
			export_w_cp(w, 0xFFFD);
		else
			export_w_write(w, s + i, len);
	}
	export_w_putc(w, '"');
}

static void scalar(struct export_w *w, const char *s)
{
	s = export_w_str(s);
	if (plain_ok(s))
		export_w_puts(w, s);
	else
		quoted(w, s);
}

/* Writers of "key: value" lines at an indentation; `first` puts the
 * sequence dash of a new item in front of the first key. */
struct y {
	struct export_w *w;
	int indent;
	int dash; /* the next key opens a sequence item */
};

static void key(struct y *y, const char *k)
{
	for (int i = 0; i < y->indent - (y->dash ? 2 : 0); i++)
		export_w_putc(y->w, ' ');
	if (y->dash)
		export_w_puts(y->w, "- ");
	y->dash = 0;
	export_w_puts(y->w, k);
	export_w_putc(y->w, ':');
}

static void kstr(struct y *y, const char *k, const char *v)
{
	key(y, k);
	export_w_putc(y->w, ' ');
	scalar(y->w, v);
	export_w_putc(y->w, '\n');
}

static void kint(struct y *y, const char *k, long long v)
{
	key(y, k);
	export_w_printf(y->w, " %lld\n", v);
}

static void kbool(struct y *y, const char *k, int v)
{
	key(y, k);
	export_w_puts(y->w, v ? " true\n" : " false\n");
}

static void kref(struct y *y, const char *k, jh_id id)
{
	key(y, k);
	if (id)
		export_w_printf(y->w, " %lld\n", (long long)id);
	else
		export_w_puts(y->w, " null\n");
}

static void kstrings(struct y *y, const char *k, char *const *v, size_t n)
{
	key(y, k);
	if (!n) {
		export_w_puts(y->w, " []\n");
		return;
	}
	export_w_putc(y->w, '\n');
	for (size_t i = 0; i < n; i++) {
		for (int s = 0; s < y->indent + 2; s++)
			export_w_putc(y->w, ' ');
		export_w_puts(y->w, "- ");
		scalar(y->w, v[i]);
		export_w_putc(y->w, '\n');
	}
}

/* Open a list under key k (n items); items are written at indent + 4
 * with their dash at indent + 2. Returns 0 when the list is empty. */
static int list(struct y *y, const char *k, size_t n)
{
	key(y, k);
	export_w_puts(y->w, n ? "\n" : " []\n");
	return n > 0;
}

static void item(struct y *y)
{
	y->dash = 1;
}

/* One of an item's own values, as the field table describes it. */
static void field(struct y *y, const struct jh_field_def *f, const void *it)
{
	const jh_id *ids;
	size_t n;

	switch (f->type) {
	case JF_INT:
		kint(y, f->name, kinds_num(f, it));
		break;
	case JF_BOOL:
		kbool(y, f->name, kinds_num(f, it) != 0);
		break;
	case JF_REF:
		kref(y, f->name, (jh_id)kinds_num(f, it));
		break;
	case JF_IDLIST:
		ids = kinds_ids(f, it, &n);
		key(y, f->name);
		export_w_puts(y->w, " [");
		for (size_t k = 0; k < n; k++)
			export_w_printf(y->w, "%s%lld", k ? ", " : "", (long long)ids[k]);
		export_w_puts(y->w, "]\n");
		break;
	default:
		kstr(y, f->name, kinds_text(f, it));
	}
}

static void fields(struct y *y, const struct export_fields *fl, const void *it)
{
	item(y);
	for (size_t i = 0; i < fl->n; i++)
		field(y, fl->f[i], it);
}

static void workshop(struct y *y, const struct jh_data *d)
{
	const struct jh_workshop *w = &d->workshop;
	struct export_fields fl;

	key(y, "workshop");
	export_w_putc(y->w, '\n');
	y->indent = 2;
	kstr(y, "name", w->name);
	kstr(y, "title", w->title);
	kstr(y, "description", w->description);
	kstr(y, "template", w->template_name);
	kstr(y, "created", w->created);
	kstr(y, "method", w->method);
	kint(y, "dots", w->dots_per_participant);
	kint(y, "max_dots", w->max_dots_per_idea);
	kbool(y, "anonymous", w->anonymous_votes);
	export_fields_workshop(&fl);
	for (size_t i = 0; i < fl.n; i++)
		field(y, fl.f[i], w);
	kint(y, "current_step", w->current_step);
	kbool(y, "timer_running", w->timer_running);
	kint(y, "timer_started", (long long)w->timer_started);
	kint(y, "timer_elapsed", w->timer_elapsed);
	kstrings(y, "channels", d->channels, d->nchannels);
	kstrings(y, "stages", d->stage_names, d->nstage_names);
	kstrings(y, "prompts", d->prompts, d->nprompts);
	y->indent = 0;
}

/* Every item of kind k under `name` (NULL: the kind's plural), a journey
 * with its stages and touchpoints inside it; only journey's, without
 * that field, when journey is set. */
static void items(struct y *y, const struct jh_data *d, enum jh_kind k, const char *name,
		  jh_id journey)
{
	const struct jh_kind_def *kd = kinds_get(k);
	const struct jh_field_def *parent = journey ? kinds_field(kd, "journey") : NULL;
	size_t n = kinds_count(kd, d), count = 0;
	int indent = y->indent;
	struct export_fields fl;

	for (size_t i = 0; i < n; i++)
		count += !parent || (jh_id)kinds_num(parent, kinds_item(kd, d, i)) == journey;
	if (!list(y, name ? name : kd->plural, count))
		return;
	export_fields_item(&fl, k, journey ? "journey" : NULL);
	y->indent = indent + 4;
	for (size_t i = 0; i < n; i++) {
		const void *it = kinds_item(kd, d, i);

		if (parent && (jh_id)kinds_num(parent, it) != journey)
			continue;
		fields(y, &fl, it);
		if (k == JH_JOURNEY) {
			items(y, d, JH_STAGE, NULL, ((const struct jh_journey *)it)->id);
			items(y, d, JH_TOUCHPOINT, NULL, ((const struct jh_journey *)it)->id);
		}
	}
	y->indent = indent;
}

/* Stages and touchpoints are written inside their journey. */
static const enum jh_kind sections[] = {JH_STEP,    JH_PARTICIPANT, JH_PERSONA,
					JH_JOURNEY, JH_PAINPOINT,   JH_IDEA,
					JH_VOTE,    JH_ACTION,	    JH_PARKING};

int export_yaml(FILE *f, const struct jh_data *d, struct jh_err *err)
{
	struct export_w w;
	struct y y = {&w, 0, 0};

	export_w_init(&w, f);
	export_w_puts(&w, "# journeyhack workshop. Restore it with:"
			  " journeyhack import NAME FILE.yaml\n");
	kint(&y, "journeyhack", 1);
	workshop(&y, d);
	for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++)
		items(&y, d, sections[i], sections[i] == JH_STEP ? "agenda" : NULL, 0);
	return export_w_done(&w, err);
}
