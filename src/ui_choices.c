/* ui_choices.c: what a form's choice fields offer, from the loaded
 * workshop: journeys, the stages of the journey chosen, touchpoints by
 * their path, ideas and pain points others can see, and the channels and
 * owners already in use as suggestions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/form.h"
#include "journeyhack/i18n.h"
#include "journeyhack/kinds.h"
#include "journeyhack/ui_choices.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

struct choices {
	struct form_choice *c;
	size_t n, cap;
};

static void choice_add(struct choices *cs, const char *value, const char *label)
{
	if (cs->n == cs->cap) {
		cs->cap = cs->cap ? cs->cap * 2 : 16;
		cs->c = util_xrealloc(cs->c, cs->cap * sizeof *cs->c);
	}
	cs->c[cs->n].value = util_xstrdup(value);
	cs->c[cs->n].label = util_xstrdup(label);
	cs->n++;
}

static void choice_add_id(struct choices *cs, jh_id id, const char *label)
{
	char v[32];

	snprintf(v, sizeof v, "%lld", (long long)id);
	choice_add(cs, v, label);
}

/* A suggestion once, skipping empty ones. */
static void suggest(struct choices *cs, const char *s)
{
	if (!s || !*s)
		return;
	for (size_t i = 0; i < cs->n; i++)
		if (!strcmp(cs->c[i].value, s))
			return;
	choice_add(cs, s, s);
}

static void choices_done(struct form_field *ff, struct choices *cs)
{
	if (ff)
		form_set_choices(ff, cs->c, cs->n);
	for (size_t i = 0; i < cs->n; i++) {
		free(cs->c[i].value);
		free(cs->c[i].label);
	}
	free(cs->c);
	memset(cs, 0, sizeof *cs);
}

/* "journey -> stage -> touchpoint", allocated: names of any length. */
static char *touchpoint_label(const struct ui *ui, const struct jh_touchpoint *t)
{
	const struct jh_journey *j = model_index_item(&ui->ix.m, JH_JOURNEY, t->journey_id);
	const struct jh_stage *s = model_index_item(&ui->ix.m, JH_STAGE, t->stage_id);
	const char *arrow = ui_glyph(ui, UI_G_ARROW), *jn = j ? j->name : "?",
		   *sn = s ? s->name : "?";
	size_t size = strlen(jn) + strlen(sn) + strlen(t->name) + 2 * strlen(arrow) + 5;
	char *label = util_xmalloc(size);

	snprintf(label, size, "%s %s %s %s %s", jn, arrow, sn, arrow, t->name);
	return label;
}

/* Every item of a kind by its name; ideas and pain points, which others
 * may have written in private, by number too and only those we may see. */
static void item_choices(const struct ui *ui, enum jh_kind kind, struct choices *cs)
{
	const struct jh_kind_def *k = kinds_get(kind);
	const struct jh_field_def *name = kinds_field(k, k->label_field);
	const unsigned char *hidden = kind == JH_IDEA	     ? ui->ix.idea_hidden
				      : kind == JH_PAINPOINT ? ui->ix.pain_hidden
							     : NULL;

	for (size_t i = 0; i < kinds_count(k, &ui->d); i++) {
		const void *item = kinds_item(k, &ui->d, i);
		jh_id id = *(const jh_id *)item;
		const char *text = kinds_text(name, item);
		size_t size = strlen(text) + 24;
		char *label;
		if (hidden && hidden[i])
			continue;
		if (!hidden) {
			choice_add_id(cs, id, text);
			continue;
		}
		label = util_xmalloc(size);
		snprintf(label, size, "#%lld %s", (long long)id, text);
		choice_add_id(cs, id, label);
		free(label);
	}
}

static void ref_choices(struct ui *ui, struct form *f, struct form_field *ff)
{
	struct choices cs = {0};
	long long jid = 0;

	if (!ff->def->required)
		choice_add(&cs, "", _("(none)"));
	switch (ff->def->ref) {
	case JH_STAGE:
		util_parse_int(form_get(f, "journey") ? form_get(f, "journey") : "", &jid);
		for (size_t i = 0; i < ui->d.nstages; i++)
			if (ui->d.stages[i].journey_id == jid)
				choice_add_id(&cs, ui->d.stages[i].id, ui->d.stages[i].name);
		break;
	case JH_TOUCHPOINT:
		for (size_t i = 0; i < ui->d.ntouchpoints; i++) {
			char *label = touchpoint_label(ui, &ui->d.touchpoints[i]);
			choice_add_id(&cs, ui->d.touchpoints[i].id, label);
			free(label);
		}
		break;
	case JH_JOURNEY:
	case JH_IDEA:
	case JH_PAINPOINT:
	case JH_PARTICIPANT:
	case JH_PERSONA:
		item_choices(ui, ff->def->ref, &cs);
		break;
	default:
		break;
	}
	choices_done(ff, &cs);
}

static void suggestions(struct ui *ui, struct form *f, struct form_field *ff)
{
	struct choices cs = {0};
	const char *name = ff->def->name;

	if (!strcmp(name, "channel")) {
		for (size_t i = 0; i < ui->d.nchannels; i++)
			suggest(&cs, ui->d.channels[i]);
		for (size_t i = 0; i < ui->d.ntouchpoints; i++)
			suggest(&cs, ui->d.touchpoints[i].channel);
	} else if (!strcmp(name, "owner") && f->kind == JH_ACTION) {
		/* An action is owned by a person. */
		for (size_t i = 0; i < ui->d.nparticipants; i++)
			suggest(&cs, ui->d.participants[i].name);
		for (size_t i = 0; i < ui->d.nactions; i++)
			suggest(&cs, ui->d.actions[i].owner);
	} else {
		/* A touchpoint is owned by a department. */
		for (size_t i = 0; i < ui->d.nparticipants; i++)
			suggest(&cs, ui->d.participants[i].department);
		for (size_t i = 0; i < ui->d.ntouchpoints; i++)
			suggest(&cs, ui->d.touchpoints[i].owner);
	}
	choices_done(ff, &cs);
}

void ui_choices_refresh(struct form *f, size_t field, void *ctx)
{
	struct ui *ui = ctx;
	int all = field >= f->n;

	for (size_t i = 0; i < f->n; i++) {
		struct form_field *ff = &f->f[i];
		int is_stage = ff->def->type == JF_REF && ff->def->ref == JH_STAGE;
		if (ff->hidden)
			continue;
		if (ff->def->type == JF_REF || ff->def->type == JF_IDLIST) {
			int found = 0;
			if (!all && !(is_stage && !strcmp(f->f[field].def->name, "journey")))
				continue;
			ref_choices(ui, f, ff);
			for (size_t k = 0; k < ff->nchoices; k++)
				found |= !strcmp(ff->choices[k].value, ff->line.text);
			/* A stage of another journey is no stage here. */
			if (is_stage && ff->nchoices && (*ff->line.text ? !found : !all))
				form_set(f, ff->def->name, ff->choices[0].value);
		} else if (ff->mode == FORM_SUGGEST && all) {
			suggestions(ui, f, ff);
		}
	}
}
