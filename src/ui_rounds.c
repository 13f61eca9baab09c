/* ui_rounds.c: voting rounds and ready markers in the interface. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/rounds.h"
#include "journeyhack/session.h"
#include "journeyhack/store.h"
#include "journeyhack/ui_apply.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/ui_draw.h"
#include "journeyhack/ui_index.h"
#include "journeyhack/ui_keys.h"
#include "journeyhack/ui_message.h"
#include "journeyhack/ui_rounds.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

static int may_write(struct ui *ui)
{
	if (ui_apply_refused(ui))
		return 0;
	if (ui->readonly)
		ui_message(ui, 1, _("The database is read-only here (%s): nothing can be changed"),
			   store_readonly_reason(ui->st));
	return !ui->readonly;
}

static int close_round(struct ui *ui, const struct jh_round *r)
{
	char q[128];
	int number = r->number;
	struct jh_err err;

	snprintf(q, sizeof q, _("Close round %d and show its results? (y/n)"), number);
	if (!ui_dialog_confirm(ui, q))
		return UI_HANDLED;
	if (store_round_close(ui->st, ui->wid, &err)) {
		ui_message(ui, 1, "%s", err.msg);
		return UI_HANDLED;
	}
	ui_message(ui, 0, _("Round %d closed: the totals are shown"), number);
	return UI_HANDLED | UI_RELOAD;
}

/* The marked ideas as "ID,ID", in buf. */
static int pick_ideas(struct ui *ui, char *buf, size_t size)
{
	size_t n = ui->d.nideas, len = 0;
	struct ui_pick_item *items = util_xcalloc(n + 1, sizeof *items);
	char(*labels)[96] = util_xcalloc(n + 1, sizeof *labels);
	long got;

	for (size_t i = 0; i < n; i++) {
		snprintf(labels[i], sizeof labels[i], "#%lld %s", (long long)ui->d.ideas[i].id,
			 ui->d.ideas[i].title);
		items[i].label = labels[i];
	}
	got = ui_dialog_pick(ui, _("Ideas in the round (Space marks)"), items, n, 0, 1);
	buf[0] = '\0';
	for (size_t i = 0; got >= 0 && i < n && len + 24 < size; i++)
		if (items[i].marked || (size_t)got == i)
			len += (size_t)snprintf(buf + len, size - len, "%s%lld", len ? "," : "",
						(long long)ui->d.ideas[i].id);
	free(items);
	free(labels);
	return got >= 0 && len ? 0 : -1;
}

static int pick_journey(struct ui *ui, char *buf, size_t size)
{
	size_t n = ui->d.njourneys;
	struct ui_pick_item *items = util_xcalloc(n + 1, sizeof *items);
	long got;

	for (size_t i = 0; i < n; i++)
		items[i].label = ui->d.journeys[i].name;
	got = ui_dialog_pick(ui, _("Ideas on the journey"), items, n, 0, 0);
	if (got >= 0)
		snprintf(buf, size, "%lld", (long long)ui->d.journeys[got].id);
	free(items);
	return got >= 0 ? 0 : -1;
}

static int pick_status(struct ui *ui, char *buf, size_t size)
{
	static const char *const names[] = {"open", "addressed", "dropped"};
	struct ui_pick_item items[3] = {{names[0], 0}, {names[1], 0}, {names[2], 0}};
	long got = ui_dialog_pick(ui, _("Ideas for pain points with the status"), items, 3, 0, 0);

	if (got >= 0)
		snprintf(buf, size, "%s", names[got]);
	return got >= 0 ? 0 : -1;
}

/* Which ideas: every one, or a subset chosen by the facilitator. */
static int pick_subset(struct ui *ui, enum rounds_subset *subset, char *buf, size_t size)
{
	struct ui_pick_item items[] = {{_("Every idea"), 0},
				       {_("Chosen ideas..."), 0},
				       {_("Ideas on a journey..."), 0},
				       {_("Ideas by pain point status..."), 0}};
	long got = ui_dialog_pick(ui, _("Ideas in the round"), items, 4, 0, 0);

	*subset = ROUNDS_ALL;
	buf[0] = '\0';
	switch (got) {
	case 0:
		return 0;
	case 1:
		*subset = ROUNDS_IDS;
		return pick_ideas(ui, buf, size);
	case 2:
		*subset = ROUNDS_JOURNEY;
		return pick_journey(ui, buf, size);
	case 3:
		*subset = ROUNDS_STATUS;
		return pick_status(ui, buf, size);
	default:
		return -1;
	}
}

static int open_round(struct ui *ui)
{
	char label[128], dots[16] = "", value[4096];
	enum rounds_subset subset;
	struct rounds_plan plan;
	struct jh_err err;
	long long n = 0;

	snprintf(label, sizeof label, _("Dots per participant in the round (Enter: %d): "),
		 ui->d.workshop.dots_per_participant);
	if (!ui_dialog_prompt(ui, label, dots, sizeof dots))
		return UI_HANDLED;
	if (dots[0] && (util_parse_int(dots, &n) || n < 1 || n > 100)) {
		ui_message(ui, 1, _("dots: \"%s\" is not a number in 1..100"), dots);
		return UI_HANDLED;
	}
	if (pick_subset(ui, &subset, value, sizeof value))
		return UI_HANDLED;
	if (rounds_plan(&ui->d, (int)n, subset, value, &plan, &err) ||
	    store_round_open(ui->st, ui->wid, &plan, &err)) {
		ui_message(ui, 1, "%s", err.msg);
		rounds_plan_free(&plan);
		return UI_HANDLED;
	}
	ui_message(ui, 0, _("Round %d open: %d dots per participant, %zu of %zu ideas"),
		   plan.number, plan.dots, plan.every_idea ? ui->d.nideas : plan.nideas,
		   ui->d.nideas);
	rounds_plan_free(&plan);
	return UI_HANDLED | UI_RELOAD;
}

int ui_rounds_round(struct ui *ui)
{
	const struct jh_round *r = rounds_open(&ui->d);

	if (!may_write(ui))
		return UI_HANDLED;
	if (!session_may(&ui->d, ui->me, SESSION_RUN_ROUND)) {
		ui_message(ui, 1, _("Only a facilitator can %s"),
			   session_right_text(SESSION_RUN_ROUND));
		return UI_HANDLED;
	}
	return r ? close_round(ui, r) : open_round(ui);
}

int ui_rounds_ready(struct ui *ui)
{
	int ready;
	struct jh_err err;

	if (!may_write(ui))
		return UI_HANDLED;
	if (!ui->me) {
		ui_message(ui, 1, _("Who are you? %s chooses a participant first"),
			   ui_keys_first(UI_ACT_PARTICIPANT));
		return UI_HANDLED;
	}
	ready = !rounds_is_ready(&ui->d, ui->me);
	if (store_ready_set(ui->st, ui->wid, ui->me, ready, &err)) {
		ui_message(ui, 1, "%s", err.msg);
		return UI_HANDLED;
	}
	ui_message(ui, 0, ready ? _("%s is done with this step") : _("%s is not done after all"),
		   ui_name(ui, ui->me));
	return UI_HANDLED | UI_RELOAD;
}

int ui_rounds_not_ready(struct ui *ui)
{
	size_t of, n = rounds_ready_count(&ui->d, &of), k = 0;
	struct ui_pick_item *items = util_xcalloc(of + 1, sizeof *items);

	for (size_t i = 0; i < ui->d.nparticipants; i++)
		if (!rounds_is_ready(&ui->d, ui->d.participants[i].id))
			items[k++].label = ui->d.participants[i].name;
	if (!k)
		ui_message(ui, 0, _("Everyone is ready (%zu of %zu)"), n, of);
	else {
		char title[128];
		snprintf(title, sizeof title, _("%zu of %zu ready; not yet:"), n, of);
		ui_dialog_pick(ui, title, items, k, 0, 0);
	}
	free(items);
	return UI_HANDLED;
}
