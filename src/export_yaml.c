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
#include "journeyhack/util.h"
#include "journeyhack/export_facts.h"
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

static void quoted(struct export_w *w, const char *s)
{
	size_t n = strlen(s), len;
	unsigned int cp;

	export_w_putc(w, '"');
	for (size_t i = 0; i < n; i += len) {
		len = text_decode(s + i, n - i, &cp);
		switch (cp) {
		case '"':
			export_w_puts(w, "\\\"");
			break;
		case '\\':
			export_w_puts(w, "\\\\");
			break;
		case '\n':
			export_w_puts(w, "\\n");
			break;
		case '\t':
			export_w_puts(w, "\\t");
			break;
		case '\r':
			export_w_puts(w, "\\r");
			break;
		case 0x1B:
			export_w_puts(w, "\\e");
			break;
		case 0x85:
			export_w_puts(w, "\\N");
			break;
		case 0x2028:
			export_w_puts(w, "\\L");
			break;
		case 0x2029:
			export_w_puts(w, "\\P");
			break;
		default:
			if (cp < 0x100 && yaml_needs_escape(cp))
				export_w_printf(w, "\\x%02X", cp);
			else if (yaml_needs_escape(cp))
				export_w_printf(w, "\\u%04X", cp);
			else if (cp == 0xFFFD && len == 1)
				export_w_cp(w, 0xFFFD);
			else
				export_w_write(w, s + i, len);
		}
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

static void workshop(struct y *y, const struct jh_data *d)
{
	const struct jh_workshop *w = &d->workshop;

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
	kint(y, "current_step", w->current_step);
	kbool(y, "timer_running", w->timer_running);
	kint(y, "timer_started", (long long)w->timer_started);
	kint(y, "timer_elapsed", w->timer_elapsed);
	kstrings(y, "channels", d->channels, d->nchannels);
	kstrings(y, "stages", d->stage_names, d->nstage_names);
	kstrings(y, "prompts", d->prompts, d->nprompts);
	y->indent = 0;
}

static void agenda(struct y *y, const struct jh_data *d)
{
	if (!list(y, "agenda", d->nsteps))
		return;
	y->indent = 4;
	for (size_t i = 0; i < d->nsteps; i++) {
		const struct jh_step *s = &d->steps[i];
		item(y);
		kint(y, "id", s->id);
		kint(y, "position", s->position);
		kint(y, "day", s->day);
		kstr(y, "title", s->title);
		kint(y, "minutes", s->minutes);
		kstr(y, "view", s->view);
		kbool(y, "private", s->private_);
		kbool(y, "revealed", s->revealed);
		kstr(y, "notes", s->notes);
	}
	y->indent = 0;
}

static void participants(struct y *y, const struct jh_data *d)
{
	if (!list(y, "participants", d->nparticipants))
		return;
	y->indent = 4;
	for (size_t i = 0; i < d->nparticipants; i++) {
		const struct jh_participant *p = &d->participants[i];
		item(y);
		kint(y, "id", p->id);
		kstr(y, "name", p->name);
		kstr(y, "department", p->department);
		kstr(y, "role", p->role);
	}
	y->indent = 0;
}

static void journey(struct y *y, const struct jh_data *d, const struct jh_journey *j)
{
	size_t ns = 0, nt = 0;

	for (size_t k = 0; k < d->nstages; k++)
		ns += d->stages[k].journey_id == j->id;
	for (size_t k = 0; k < d->ntouchpoints; k++)
		nt += d->touchpoints[k].journey_id == j->id;
	item(y);
	kint(y, "id", j->id);
	kint(y, "position", j->position);
	kstr(y, "name", j->name);
	kstr(y, "description", j->description);
	if (list(y, "stages", ns)) {
		y->indent = 8;
		for (size_t k = 0; k < d->nstages; k++) {
			const struct jh_stage *s = &d->stages[k];
			if (s->journey_id != j->id)
				continue;
			item(y);
			kint(y, "id", s->id);
			kint(y, "position", s->position);
			kstr(y, "name", s->name);
		}
		y->indent = 4;
	}
	if (list(y, "touchpoints", nt)) {
		y->indent = 8;
		for (size_t k = 0; k < d->ntouchpoints; k++) {
			const struct jh_touchpoint *t = &d->touchpoints[k];
			if (t->journey_id != j->id)
				continue;
			item(y);
			kint(y, "id", t->id);
			kref(y, "stage", t->stage_id);
			kint(y, "position", t->position);
			kstr(y, "name", t->name);
			kstr(y, "channel", t->channel);
			kstr(y, "owner", t->owner);
			kint(y, "score", t->score);
			kint(y, "reach", t->reach);
			kint(y, "potential", t->potential);
			kstr(y, "notes", t->notes);
		}
		y->indent = 4;
	}
}

static void journeys(struct y *y, const struct jh_data *d)
{
	if (!list(y, "journeys", d->njourneys))
		return;
	y->indent = 4;
	for (size_t i = 0; i < d->njourneys; i++)
		journey(y, d, &d->journeys[i]);
	y->indent = 0;
}

static void painpoints(struct y *y, const struct jh_data *d)
{
	if (!list(y, "painpoints", d->npainpoints))
		return;
	y->indent = 4;
	for (size_t i = 0; i < d->npainpoints; i++) {
		const struct jh_painpoint *p = &d->painpoints[i];
		item(y);
		kint(y, "id", p->id);
		kstr(y, "title", p->title);
		kref(y, "touchpoint", p->touchpoint_id);
		kint(y, "severity", p->severity);
		kint(y, "frequency", p->frequency);
		kstr(y, "evidence", p->evidence);
		kstr(y, "status", p->status);
		kref(y, "author", p->author_id);
		kref(y, "step", p->step_id);
	}
	y->indent = 0;
}

static void ideas(struct y *y, const struct jh_data *d)
{
	if (!list(y, "ideas", d->nideas))
		return;
	y->indent = 4;
	for (size_t i = 0; i < d->nideas; i++) {
		const struct jh_idea *x = &d->ideas[i];
		item(y);
		kint(y, "id", x->id);
		kstr(y, "title", x->title);
		kstr(y, "belief", x->belief);
		kstr(y, "experiment", x->experiment);
		kstr(y, "metric", x->metric);
		kstr(y, "success", x->success);
		kint(y, "impact", x->impact);
		kint(y, "effort", x->effort);
		kint(y, "confidence", x->confidence);
		kint(y, "reach", x->reach);
		key(y, "painpoints");
		export_w_puts(y->w, " [");
		for (size_t k = 0; k < x->npainpoints; k++)
			export_w_printf(y->w, "%s%lld", k ? ", " : "", (long long)x->painpoints[k]);
		export_w_puts(y->w, "]\n");
		kref(y, "author", x->author_id);
		kref(y, "step", x->step_id);
	}
	y->indent = 0;
}

static void votes(struct y *y, const struct jh_data *d)
{
	if (!list(y, "votes", d->nvotes))
		return;
	y->indent = 4;
	for (size_t i = 0; i < d->nvotes; i++) {
		const struct jh_vote *v = &d->votes[i];
		item(y);
		kint(y, "id", v->id);
		kref(y, "idea", v->idea_id);
		kref(y, "participant", v->participant_id);
		kint(y, "dots", v->dots);
	}
	y->indent = 0;
}

static void actions(struct y *y, const struct jh_data *d)
{
	if (!list(y, "actions", d->nactions))
		return;
	y->indent = 4;
	for (size_t i = 0; i < d->nactions; i++) {
		const struct jh_action *a = &d->actions[i];
		item(y);
		kint(y, "id", a->id);
		kstr(y, "title", a->title);
		kref(y, "idea", a->idea_id);
		kstr(y, "owner", a->owner);
		kstr(y, "due", a->due);
		kstr(y, "status", a->status);
		kstr(y, "notes", a->notes);
	}
	y->indent = 0;
}

static void parking(struct y *y, const struct jh_data *d)
{
	if (!list(y, "parking", d->nparking))
		return;
	y->indent = 4;
	for (size_t i = 0; i < d->nparking; i++) {
		const struct jh_parking *p = &d->parking[i];
		item(y);
		kint(y, "id", p->id);
		kstr(y, "text", p->text);
		kbool(y, "answered", p->answered);
		kstr(y, "answer", p->answer);
		kref(y, "author", p->author_id);
	}
	y->indent = 0;
}

int export_yaml(FILE *f, const struct jh_data *d, struct jh_err *err)
{
	struct export_w w;
	struct y y = {&w, 0, 0};

	export_w_init(&w, f);
	export_w_puts(&w, "# journeyhack workshop. Restore it with:"
			  " journeyhack import NAME FILE.yaml\n");
	kint(&y, "journeyhack", 1);
	workshop(&y, d);
	agenda(&y, d);
	participants(&y, d);
	journeys(&y, d);
	painpoints(&y, d);
	ideas(&y, d);
	votes(&y, d);
	actions(&y, d);
	parking(&y, d);
	return export_w_done(&w, err);
}
