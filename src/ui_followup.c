/* ui_followup.c: the follow-up key. Starting a follow-up asks its name
 * and creates it beside the workshop on screen (store_workshop_follow,
 * as `new NAME --follow-up` does); the report shows followup_report's
 * figures in a list overlay. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/followup.h"
#include "journeyhack/i18n.h"
#include "journeyhack/paths.h"
#include "journeyhack/store.h"
#include "journeyhack/template.h"
#include "journeyhack/template_locale.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/ui_edit.h"
#include "journeyhack/ui_followup.h"
#include "journeyhack/ui_message.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

static int create(struct ui *ui, const char *name, struct jh_err *err)
{
	char *tname = template_locale_default("follow-up"), *path;
	struct followup_carry c;
	struct jh_template tpl;
	int rc;

	path = paths_find_template(tname, err);
	free(tname);
	if (!path)
		return -1;
	rc = template_load(path, &tpl, err);
	free(path);
	if (rc)
		return -1;
	followup_carry(&ui->d, &c);
	struct store_follow f = {&ui->d, c.actions, c.nactions, c.parking, c.nparking};
	rc = store_workshop_follow(ui->st, name, &tpl, &f, NULL, err);
	followup_carry_free(&c);
	template_free(&tpl);
	return rc;
}

static int start(struct ui *ui)
{
	char name[128];
	struct jh_err err;

	if (!ui_edit_facilitator(ui, SESSION_EDIT_WORKSHOP))
		return UI_HANDLED;
	snprintf(name, sizeof name, "%s-2", ui->d.workshop.name);
	if (!ui_dialog_prompt(ui, _("Name of the follow-up session: "), name, sizeof name) ||
	    !name[0]) {
		ui_message(ui, 0, "%s", _("No follow-up started"));
		return UI_HANDLED;
	}
	if (create(ui, name, &err)) {
		ui_message(ui, 1, _("No follow-up started: %s"), err.msg);
		return UI_HANDLED;
	}
	ui_message(ui, 0, _("Follow-up session %s started (open it with: journeyhack %s)"), name,
		   name);
	return UI_HANDLED;
}

/* The report's lines, each an owned string. */
struct lines {
	struct ui_pick_item *items;
	char **text; /* the labels, owned */
	size_t n, cap;
};

static void line(struct lines *l, const char *fmt, ...) JH_PRINTF(2, 3);
static void line(struct lines *l, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 32;
		l->items = util_xrealloc(l->items, l->cap * sizeof *l->items);
		l->text = util_xrealloc(l->text, l->cap * sizeof *l->text);
	}
	l->text[l->n] = util_xstrdup(buf);
	l->items[l->n].label = l->text[l->n];
	l->items[l->n++].marked = 0;
}

static const char *state_text(enum followup_state s)
{
	static const char *const words[] = {N_("done"), N_("still open"), N_("overdue")};
	return _(words[s]);
}

static void action_lines(struct lines *l, const struct jh_data *now,
			 const struct followup_report *r)
{
	line(l, _("Actions carried over: %zu (done %zu, still open %zu, overdue %zu)"), r->nactions,
	     r->ndone, r->nopen, r->noverdue);
	for (size_t i = 0; i < r->nactions; i++) {
		const struct jh_action *a = &now->actions[r->actions[i].now];
		line(l, "  %-10s %s (%s, %s)", state_text(r->actions[i].state), a->title,
		     *a->owner ? a->owner : "-", *a->due ? a->due : "-");
	}
	line(l, _("Parking lot: %zu carried over, %zu answered since"), r->nparking, r->nanswered);
}

static void score_lines(struct lines *l, const struct jh_data *then, const struct jh_data *now,
			const struct followup_report *r)
{
	line(l, _("Pain points on re-scored touchpoints: %zu"), r->nchanges);
	for (size_t i = 0; i < r->nchanges; i++) {
		const struct followup_change *c = &r->changes[i];
		char a[8], b[8];
		line(l, "  %s: %s %s → %s", then->painpoints[c->painpoint].title,
		     then->touchpoints[c->then_tp].name,
		     followup_score(then->touchpoints[c->then_tp].score, a),
		     followup_score(now->touchpoints[c->now_tp].score, b));
	}
	line(l, "%s", _("CX capital then → now:"));
	for (size_t i = 0; i < r->njourneys; i++) {
		const struct followup_journey *j = &r->journeys[i];
		char then_s[16] = "-", now_s[16] = "-";
		if (j->in_then)
			snprintf(then_s, sizeof then_s, "%d", j->then_capital);
		if (j->in_now)
			snprintf(now_s, sizeof now_s, "%d", j->now_capital);
		line(l, "  %s: %s → %s", j->name, then_s, now_s);
	}
}

static void show(struct ui *ui, const struct jh_data *then)
{
	struct followup_report r;
	struct lines l = {NULL, NULL, 0, 0};
	char today[11], title[256];

	util_today(today);
	followup_report(then, &ui->d, today, &r);
	action_lines(&l, &ui->d, &r);
	score_lines(&l, then, &ui->d, &r);
	snprintf(title, sizeof title, _("Follow-up report: %s since %s"), ui->d.workshop.name,
		 then->workshop.name);
	ui_dialog_pick(ui, title, l.items, l.n, 0, 0);
	for (size_t i = 0; i < l.n; i++)
		free(l.text[i]);
	free(l.text);
	free(l.items);
	followup_report_free(&r);
}

static int report(struct ui *ui, jh_id from)
{
	struct jh_data then;
	struct jh_err err;

	if (store_load(ui->st, from, &then, &err)) {
		ui_message(ui, 1, "%s", err.msg);
		return UI_HANDLED;
	}
	show(ui, &then);
	model_data_free(&then);
	return UI_HANDLED;
}

int ui_followup(struct ui *ui)
{
	struct ui_pick_item items[2];
	struct jh_err err;
	jh_id from = 0;
	size_t n = 0;
	long k;

	if (store_workshop_follows(ui->st, ui->wid, &from, &err)) {
		ui_message(ui, 1, "%s", err.msg);
		return UI_HANDLED;
	}
	if (from)
		items[n++] = (struct ui_pick_item){
		    _("Report: what changed since the session it follows"), 0};
	items[n++] = (struct ui_pick_item){_("Start a follow-up session of this workshop"), 0};
	k = ui_dialog_pick(ui, _("Follow-up"), items, n, 0, 0);
	if (k < 0)
		return UI_HANDLED;
	return from && k == 0 ? report(ui, from) : start(ui);
}
