/* export_context.c: the idea, pain points, evidence and journey behind an
 * action point, written as a tracker's or a calendar's description. */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/csv.h"
#include "journeyhack/export_context.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"

void export_context_init(struct export_context *c, const struct jh_data *d,
			 const struct export_facts *x, const struct jh_action *a)
{
	memset(c, 0, sizeof *c);
	c->d = d;
	c->a = a;
	c->idea = a->idea_id ? model_idea(d, a->idea_id) : NULL;
	if (!c->idea)
		return;
	if (x->by_idea[c->idea - d->ideas])
		c->rank = x->by_idea[c->idea - d->ideas]->rank;
	c->pains = util_xcalloc(c->idea->npainpoints ? c->idea->npainpoints : 1, sizeof *c->pains);
	for (size_t i = 0; i < c->idea->npainpoints; i++) {
		struct export_context_pain *p = &c->pains[c->npains];
		if (!(p->p = model_painpoint(d, c->idea->painpoints[i])))
			continue;
		p->tp = p->p->touchpoint_id ? model_touchpoint(d, p->p->touchpoint_id) : NULL;
		p->journey = p->tp ? model_journey(d, p->tp->journey_id) : NULL;
		p->stage = p->tp ? model_stage(d, p->tp->stage_id) : NULL;
		c->npains++;
	}
}

void export_context_free(struct export_context *c)
{
	free(c->pains);
	memset(c, 0, sizeof *c);
}

void export_context_plain(struct export_w *w, const char *s)
{
	char *c = text_clean(s);

	for (const char *p = c; *p; p++)
		if (*p != '\r' || p[1] != '\n')
			export_w_putc(w, *p == '\r' ? '\n' : *p);
	free(c);
}

static int space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The byte length of the code point at s; an ellipsis instead of it and
 * everything after when it is the max-th and not the last. */
static size_t next_cp(const char *s, size_t *cps, size_t max, int *cut)
{
	size_t len = 1;

	while (s[len] && ((unsigned char)s[len] & 0xC0) == 0x80)
		len++;
	*cut = max && ++*cps == max && s[len];
	return len;
}

char *export_context_line(const char *s, size_t max)
{
	char *c = text_clean(s), *out = util_xmalloc(strlen(c) + 4);
	size_t k = 0, cps = 0, len;
	int cut = 0;

	for (const char *p = c; *p && !cut; p += len) {
		if (space(*p)) {
			len = 1;
			if (!k || space(p[1]) || !p[1])
				continue;
			/* Written only between words: something follows it. */
			cut = max && ++cps == max;
			if (!cut)
				out[k++] = ' ';
		} else {
			len = next_cp(p, &cps, max, &cut);
			if (!cut) {
				memcpy(out + k, p, len);
				k += len;
			}
		}
	}
	if (cut) {
		memcpy(out + k, "\xe2\x80\xa6", 3);
		k += 3;
	}
	out[k] = '\0';
	free(c);
	return out;
}

/* One "Label: value" line; nothing when the value is empty. */
static void field(struct export_w *w, const struct export_context_style *st, const char *label,
		  const char *value)
{
	if (!value || !*value)
		return;
	export_w_puts(w, st->field);
	export_w_puts(w, st->strong_open);
	export_w_puts(w, label);
	export_w_puts(w, ":");
	export_w_puts(w, st->strong_close);
	export_w_puts(w, " ");
	st->text(w, value);
	export_w_puts(w, st->nl);
}

static void heading(struct export_w *w, const struct export_context_style *st, const char *text)
{
	export_w_puts(w, st->heading);
	export_w_puts(w, text);
	export_w_puts(w, st->nl);
}

static void idea(struct export_w *w, const struct export_context *c,
		 const struct export_context_style *st)
{
	char label[64];

	if (c->rank)
		snprintf(label, sizeof label, "Idea %lld (rank %d)", (long long)c->idea->id,
			 c->rank);
	else
		snprintf(label, sizeof label, "Idea %lld", (long long)c->idea->id);
	heading(w, st, "Idea");
	field(w, st, label, c->idea->title);
	field(w, st, "We believe that", c->idea->belief);
	field(w, st, "To verify that, we will", c->idea->experiment);
	field(w, st, "And measure", c->idea->metric);
	field(w, st, "We are right if", c->idea->success);
}

/* "Journey › Stage › Touchpoint (channel, score -1)" */
static char *where(const struct export_context_pain *p)
{
	const char *j = p->journey ? p->journey->name : "", *s = p->stage ? p->stage->name : "";
	const char *ch = p->tp->channel ? p->tp->channel : "";
	size_t n = strlen(j) + strlen(s) + strlen(p->tp->name) + strlen(ch) + 64;
	char *out = util_xmalloc(n);

	snprintf(out, n, "%s \xe2\x80\xba %s \xe2\x80\xba %s (%s%sscore %+d)", j, s, p->tp->name,
		 ch, *ch ? ", " : "", p->tp->score);
	return out;
}

static void pain(struct export_w *w, const struct export_context_pain *p,
		 const struct export_context_style *st)
{
	char label[48], figures[64];

	snprintf(label, sizeof label, "Pain point %lld", (long long)p->p->id);
	snprintf(figures, sizeof figures, "%d of 5, frequency %d of 5, %s", p->p->severity,
		 p->p->frequency, *p->p->status ? p->p->status : "open");
	field(w, st, label, p->p->title);
	field(w, st, "Severity", figures);
	if (p->tp) {
		char *at = where(p);
		field(w, st, "Where", at);
		free(at);
	}
	field(w, st, "Evidence", p->p->evidence);
}

void export_context_write(struct export_w *w, const struct export_context *c,
			  const struct export_context_style *st)
{
	char from[96];

	if (c->idea) {
		idea(w, c, st);
		export_w_puts(w, st->nl);
	}
	if (c->npains) {
		heading(w, st, c->npains == 1 ? "Pain point" : "Pain points");
		for (size_t i = 0; i < c->npains; i++)
			pain(w, &c->pains[i], st);
		export_w_puts(w, st->nl);
	}
	heading(w, st, "Action");
	field(w, st, "Action", c->a->title);
	field(w, st, "Owner", c->a->owner);
	field(w, st, "Due", c->a->due);
	field(w, st, "Status", c->a->status);
	field(w, st, "Notes", c->a->notes);
	snprintf(from, sizeof from, "action %lld of workshop", (long long)c->a->id);
	export_w_puts(w, st->field);
	export_w_puts(w, "From journeyhack, ");
	export_w_puts(w, from);
	export_w_puts(w, " ");
	st->text(w, c->d->workshop.name);
	export_w_puts(w, st->nl);
}

int export_context_csv(FILE *f, const struct jh_data *d, const char *const *header, size_t n,
		       export_context_row_fn row, struct jh_err *err)
{
	struct export_w w;
	struct export_facts x;

	export_w_init(&w, f);
	export_facts_init(&x, d);
	if (csv_write_row(f, header, n) < 0)
		export_w_fail(&w);
	for (size_t i = 0; i < x.nactions && !w.failed; i++)
		if (row(f, d, &x, &d->actions[x.actions[i]]) < 0)
			export_w_fail(&w);
	export_facts_free(&x);
	return export_w_done(&w, err);
}
