/* ui_fill.c: an item's current values as form text, for editing and as
 * the snapshot undo needs to bring a deleted item back. References become
 * ids, booleans yes/no: exactly what items_parse takes back. */
#include <stdio.h>

#include "journeyhack/form.h"
#include "journeyhack/ui_fill.h"
#include "journeyhack/view.h"

static const struct jh_action *find_action(const struct ui *ui, jh_id id)
{
	for (size_t i = 0; i < ui->d.nactions; i++)
		if (ui->d.actions[i].id == id)
			return &ui->d.actions[i];
	return NULL;
}

static const struct jh_parking *find_parking(const struct ui *ui, jh_id id)
{
	for (size_t i = 0; i < ui->d.nparking; i++)
		if (ui->d.parking[i].id == id)
			return &ui->d.parking[i];
	return NULL;
}

static const struct jh_step *find_step(const struct ui *ui, jh_id id)
{
	for (size_t i = 0; i < ui->d.nsteps; i++)
		if (ui->d.steps[i].id == id)
			return &ui->d.steps[i];
	return NULL;
}

static void set_num(struct form *f, const char *name, long long v)
{
	char b[32];

	snprintf(b, sizeof b, "%lld", v);
	form_set(f, name, b);
}

static void set_ref(struct form *f, const char *name, jh_id id)
{
	if (id)
		set_num(f, name, id);
	else
		form_set(f, name, "");
}

static void set_bool(struct form *f, const char *name, int v)
{
	form_set(f, name, v ? "yes" : "no");
}

static int fill_people(const struct ui *ui, struct form *f, enum jh_kind kind, jh_id id)
{
	if (kind == JH_PARTICIPANT) {
		const struct jh_participant *p = ui_participant(ui, id);
		if (!p)
			return -1;
		form_set(f, "name", p->name);
		form_set(f, "department", p->department);
		form_set(f, "role", p->role);
	} else if (kind == JH_WORKSHOP) {
		const struct jh_workshop *w = &ui->d.workshop;
		form_set(f, "title", w->title);
		form_set(f, "description", w->description);
		form_set(f, "method", w->method);
		set_num(f, "dots", w->dots_per_participant);
		set_num(f, "max_dots", w->max_dots_per_idea);
		set_bool(f, "anonymous", w->anonymous_votes);
	} else if (kind == JH_STEP) {
		const struct jh_step *s = find_step(ui, id);
		if (!s)
			return -1;
		form_set(f, "title", s->title);
		set_num(f, "day", s->day);
		set_num(f, "minutes", s->minutes);
		form_set(f, "view", s->view);
		set_bool(f, "private", s->private_);
		form_set(f, "notes", s->notes);
		set_num(f, "position", s->position);
	} else {
		return -1;
	}
	return 0;
}

static int fill_map(const struct ui *ui, struct form *f, enum jh_kind kind, jh_id id)
{
	if (kind == JH_JOURNEY) {
		const struct jh_journey *j = ui_journey(ui, id);
		if (!j)
			return -1;
		form_set(f, "name", j->name);
		form_set(f, "description", j->description);
		set_num(f, "position", j->position);
	} else if (kind == JH_STAGE) {
		const struct jh_stage *s = ui_stage(ui, id);
		if (!s)
			return -1;
		set_ref(f, "journey", s->journey_id);
		form_set(f, "name", s->name);
		set_num(f, "position", s->position);
	} else if (kind == JH_TOUCHPOINT) {
		const struct jh_touchpoint *t = ui_touchpoint(ui, id);
		if (!t)
			return -1;
		form_set(f, "name", t->name);
		set_ref(f, "journey", t->journey_id);
		set_ref(f, "stage", t->stage_id);
		form_set(f, "channel", t->channel);
		form_set(f, "owner", t->owner);
		set_num(f, "score", t->score);
		set_num(f, "reach", t->reach);
		set_num(f, "potential", t->potential);
		set_num(f, "position", t->position);
		form_set(f, "notes", t->notes);
	} else {
		return fill_people(ui, f, kind, id);
	}
	return 0;
}

int ui_fill_form(const struct ui *ui, struct form *f, enum jh_kind kind, jh_id id)
{
	if (kind == JH_PAINPOINT) {
		const struct jh_painpoint *p = ui_painpoint(ui, id);
		if (!p)
			return -1;
		form_set(f, "title", p->title);
		set_ref(f, "touchpoint", p->touchpoint_id);
		set_num(f, "severity", p->severity);
		set_num(f, "frequency", p->frequency);
		form_set(f, "evidence", p->evidence);
		form_set(f, "status", p->status);
		set_ref(f, "author", p->author_id);
		set_ref(f, "step", p->step_id);
	} else if (kind == JH_IDEA) {
		const struct jh_idea *i = ui_idea(ui, id);
		char list[4096];
		size_t len = 0;
		if (!i)
			return -1;
		form_set(f, "title", i->title);
		form_set(f, "belief", i->belief);
		form_set(f, "experiment", i->experiment);
		form_set(f, "metric", i->metric);
		form_set(f, "success", i->success);
		set_num(f, "impact", i->impact);
		set_num(f, "effort", i->effort);
		set_num(f, "confidence", i->confidence);
		set_num(f, "reach", i->reach);
		list[0] = '\0';
		for (size_t k = 0; k < i->npainpoints && len + 24 < sizeof list; k++)
			len += (size_t)snprintf(list + len, sizeof list - len, "%s%lld",
						k ? "," : "", (long long)i->painpoints[k]);
		form_set(f, "painpoints", list);
		set_ref(f, "author", i->author_id);
		set_ref(f, "step", i->step_id);
	} else if (kind == JH_ACTION) {
		const struct jh_action *a = find_action(ui, id);
		if (!a)
			return -1;
		form_set(f, "title", a->title);
		set_ref(f, "idea", a->idea_id);
		form_set(f, "owner", a->owner);
		form_set(f, "due", a->due);
		form_set(f, "status", a->status);
		form_set(f, "notes", a->notes);
	} else if (kind == JH_PARKING) {
		const struct jh_parking *p = find_parking(ui, id);
		if (!p)
			return -1;
		form_set(f, "text", p->text);
		set_bool(f, "answered", p->answered);
		form_set(f, "answer", p->answer);
		set_ref(f, "author", p->author_id);
	} else {
		return fill_map(ui, f, kind, id);
	}
	return 0;
}
