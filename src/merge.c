/* merge.c: the rules of merging a duplicate pain point or idea (merge.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/merge.h"
#include "journeyhack/session.h"
#include "journeyhack/util.h"

/* What items.c accepts in a long text field: a merge must leave A's
 * fields as the command line could have set them. */
#define MERGE_TEXT_MAX (1024 * 1024)

static const char *const card_fields[MERGE_CARD_FIELDS] = {"belief", "experiment", "metric",
							   "success"};

const char *merge_card_field(size_t i)
{
	return i < MERGE_CARD_FIELDS ? card_fields[i] : NULL;
}

char *merge_text(const char *a, const char *b, const char *line)
{
	size_t len = strlen(a) + strlen(b) + strlen(line) + 4;
	char *out = util_xmalloc(len);

	snprintf(out, len, "%s%s%s%s%s", a, *a ? "\n\n" : "", line, *b ? "\n" : "", b);
	return out;
}

int merge_dots(int have, int moving, long long cap, long long budget, long long spent,
	       int *returned)
{
	long long room = moving;

	/* The duplicate's dots are already spent, so they fit the budget
	 * unless it was lowered below what was spent; the cap counts what
	 * the participant has on the idea kept. */
	if (cap > 0 && cap - have < room)
		room = cap - have;
	if (budget - (spent - moving) < room)
		room = budget - (spent - moving);
	if (room < 0)
		room = 0;
	*returned = moving - (int)room;
	return have + (int)room;
}

static const char *author_name(const struct jh_data *d, jh_id author)
{
	const struct jh_participant *p = author ? model_participant(d, author) : NULL;

	return p ? p->name : NULL;
}

/* "[merged from pain point 4 “Title”, by Øyvind]" */
static void attribution(char *buf, size_t size, const struct jh_data *d, enum jh_kind kind,
			jh_id id, const char *title, jh_id author)
{
	const char *who = author_name(d, author);

	if (who)
		/* TRANSLATORS: appended to the item kept when a duplicate is
		 * merged into it: kind, id, title and author of the duplicate. */
		snprintf(buf, size, _("[merged from %s %lld \"%s\", by %s]"), kinds_noun(kind, 1),
			 (long long)id, title, who);
	else
		snprintf(buf, size, _("[merged from %s %lld \"%s\"]"), kinds_noun(kind, 1),
			 (long long)id, title);
}

static int too_long(const char *text, const char *field, struct jh_err *err)
{
	if (strlen(text) <= MERGE_TEXT_MAX)
		return 0;
	return err_set(err, _("%s would grow beyond %d bytes; shorten it first"), field,
		       MERGE_TEXT_MAX);
}

int merge_may(const struct jh_data *d, jh_id me, int owner, enum jh_kind kind, jh_id into,
	      jh_id from, struct jh_err *err)
{
	jh_id a = 0, b = 0;

	if (owner || session_facilitates(d, me))
		return 0;
	if (kind == JH_PAINPOINT && model_painpoint(d, into) && model_painpoint(d, from)) {
		a = model_painpoint(d, into)->author_id;
		b = model_painpoint(d, from)->author_id;
	} else if (kind == JH_IDEA && model_idea(d, into) && model_idea(d, from)) {
		a = model_idea(d, into)->author_id;
		b = model_idea(d, from)->author_id;
	}
	if (me && a == me && b == me)
		return 0;
	return err_set(err,
		       _("Only a facilitator, or the author of both, can merge %s %lld into "
			 "%lld"),
		       kinds_noun(kind, 1), (long long)from, (long long)into);
}

/* ids with `from` replaced by `into`, ascending and each once. */
static jh_id *replaced(const jh_id *ids, size_t n, jh_id from, jh_id into, size_t *nout)
{
	jh_id *out = util_xmalloc((n + 1) * sizeof *out);
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		jh_id v = ids[i] == from ? into : ids[i];
		size_t j = k;
		while (j > 0 && out[j - 1] > v)
			j--;
		if (j > 0 && out[j - 1] == v)
			continue;
		memmove(&out[j + 1], &out[j], (k - j) * sizeof *out);
		out[j] = v;
		k++;
	}
	*nout = k;
	return out;
}

static int has_id(const jh_id *ids, size_t n, jh_id id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

static void plan_relinks(const struct jh_data *d, struct merge_plan *p)
{
	p->relinks = util_xcalloc(d->nideas + 1, sizeof *p->relinks);
	for (size_t i = 0; i < d->nideas; i++) {
		const struct jh_idea *x = &d->ideas[i];
		struct merge_relink *r;
		if (!has_id(x->painpoints, x->npainpoints, p->from))
			continue;
		r = &p->relinks[p->nrelinks++];
		r->idea = x->id;
		r->painpoints = replaced(x->painpoints, x->npainpoints, p->from, p->into, &r->n);
	}
	p->links = p->nrelinks;
}

static int plan_painpoint(const struct jh_data *d, const struct jh_painpoint *a,
			  const struct jh_painpoint *b, struct merge_plan *p, struct jh_err *err)
{
	char line[1024];

	attribution(line, sizeof line, d, JH_PAINPOINT, b->id, b->title, b->author_id);
	p->evidence = merge_text(a->evidence, b->evidence, line);
	p->severity = a->severity > b->severity ? a->severity : b->severity;
	p->frequency = a->frequency > b->frequency ? a->frequency : b->frequency;
	p->touchpoint = a->touchpoint_id ? a->touchpoint_id : b->touchpoint_id;
	p->texts = b->evidence[0] != '\0';
	plan_relinks(d, p);
	return too_long(p->evidence, "evidence", err);
}

static const char *card_text(const struct jh_idea *x, size_t i)
{
	const char *t[MERGE_CARD_FIELDS] = {x->belief, x->experiment, x->metric, x->success};

	return t[i];
}

static int plan_card(const struct jh_data *d, const struct jh_idea *a, const struct jh_idea *b,
		     struct merge_plan *p, struct jh_err *err)
{
	char first[1024], rest[128];

	attribution(first, sizeof first, d, JH_IDEA, b->id, b->title, b->author_id);
	/* TRANSLATORS: heads a test card field appended from a merged idea. */
	snprintf(rest, sizeof rest, _("[from %s %lld]"), kinds_noun(JH_IDEA, 1), (long long)b->id);
	for (size_t i = 0; i < MERGE_CARD_FIELDS; i++) {
		const char *bt = card_text(b, i);
		if (i == 0 || bt[0])
			p->card[i] = merge_text(card_text(a, i), bt, i == 0 ? first : rest);
		else
			p->card[i] = util_xstrdup(card_text(a, i));
		p->texts += bt[0] != '\0';
		if (too_long(p->card[i], card_fields[i], err))
			return -1;
	}
	return 0;
}

static void plan_links(const struct jh_idea *a, const struct jh_idea *b, struct merge_plan *p)
{
	size_t n = a->npainpoints + b->npainpoints;
	jh_id *all = util_xmalloc((n + 1) * sizeof *all);

	/* An idea without links has no array at all: memcpy may not be
	 * given NULL, even for nothing. */
	if (a->npainpoints)
		memcpy(all, a->painpoints, a->npainpoints * sizeof *all);
	if (b->npainpoints)
		memcpy(all + a->npainpoints, b->painpoints, b->npainpoints * sizeof *all);
	p->painpoints = replaced(all, n, 0, 0, &p->npainpoints);
	p->links = p->npainpoints - a->npainpoints;
	free(all);
}

static int dots_on(const struct jh_data *d, jh_id participant, jh_id idea)
{
	for (size_t i = 0; i < d->nvotes; i++)
		if (d->votes[i].participant_id == participant && d->votes[i].idea_id == idea)
			return d->votes[i].dots;
	return 0;
}

static void plan_votes(const struct jh_data *d, struct merge_plan *p)
{
	const struct jh_workshop *w = &d->workshop;

	p->moves = util_xcalloc(d->nvotes + 1, sizeof *p->moves);
	for (size_t i = 0; i < d->nvotes; i++) {
		const struct jh_vote *v = &d->votes[i];
		struct merge_move *m;
		int have;
		if (v->idea_id != p->from)
			continue;
		m = &p->moves[p->nmoves++];
		m->participant = v->participant_id;
		have = dots_on(d, v->participant_id, p->into);
		m->dots = merge_dots(have, v->dots, w->max_dots_per_idea, w->dots_per_participant,
				     session_participant_dots(d, v->participant_id), &m->returned) -
			  have;
		p->dots_moved += m->dots;
		p->dots_returned += m->returned;
	}
}

static void plan_actions(const struct jh_data *d, struct merge_plan *p)
{
	p->actions = util_xcalloc(d->nactions + 1, sizeof *p->actions);
	for (size_t i = 0; i < d->nactions; i++)
		if (d->actions[i].idea_id == p->from)
			p->actions[p->nactions++] = d->actions[i].id;
}

static int plan_idea(const struct jh_data *d, const struct jh_idea *a, const struct jh_idea *b,
		     struct merge_plan *p, struct jh_err *err)
{
	if (plan_card(d, a, b, p, err))
		return -1;
	plan_links(a, b, p);
	plan_votes(d, p);
	plan_actions(d, p);
	return 0;
}

static int plan_check(const struct jh_data *d, enum jh_kind kind, jh_id into, jh_id from,
		      struct jh_err *err)
{
	if (kind != JH_PAINPOINT && kind != JH_IDEA)
		return err_set(err, _("only pain points and ideas can be merged, not %s"),
			       kinds_noun(kind, 2));
	if (into == from)
		return err_set(err, _("cannot merge %s %lld into itself"), kinds_noun(kind, 1),
			       (long long)into);
	for (int i = 0; i < 2; i++) {
		jh_id id = i ? from : into;
		if (kind == JH_PAINPOINT ? !model_painpoint(d, id) : !model_idea(d, id))
			return err_set(err, _("no %s with id %lld"), kinds_noun(kind, 1),
				       (long long)id);
	}
	return 0;
}

int merge_plan_make(const struct jh_data *d, enum jh_kind kind, jh_id into, jh_id from,
		    struct merge_plan *out, struct jh_err *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	out->kind = kind;
	out->into = into;
	out->from = from;
	if (plan_check(d, kind, into, from, err))
		return -1;
	if (kind == JH_PAINPOINT)
		rc =
		    plan_painpoint(d, model_painpoint(d, into), model_painpoint(d, from), out, err);
	else
		rc = plan_idea(d, model_idea(d, into), model_idea(d, from), out, err);
	if (rc)
		merge_plan_free(out);
	return rc;
}

void merge_plan_free(struct merge_plan *p)
{
	free(p->evidence);
	for (size_t i = 0; i < p->nrelinks; i++)
		free(p->relinks[i].painpoints);
	free(p->relinks);
	for (size_t i = 0; i < MERGE_CARD_FIELDS; i++)
		free(p->card[i]);
	free(p->painpoints);
	free(p->moves);
	free(p->actions);
	memset(p, 0, sizeof *p);
}
