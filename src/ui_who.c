/* ui_who.c: the dialogs that decide who acts and where results go:
 * choosing the participant at this terminal (or, for a facilitator, for
 * whom), and exporting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/export.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

/* ---------------------------------------------------------------- who */

int ui_choose_participant(struct ui *ui)
{
	const struct jh_participant *me = ui_participant(ui, ui->me);
	int for_whom = me && util_streq(me->role, "facilitator");
	size_t n = ui->d.nparticipants, start = 0;
	struct ui_pick_item *items = util_xcalloc(n + 1, sizeof *items);
	/* Ids, not indexes: another terminal may add or remove people while
	 * the list is open, and the data is reloaded under it. */
	jh_id *ids = util_xcalloc(n + 1, sizeof *ids);
	long k;
	jh_id chosen = 0;
	char msg[sizeof ui->msg];

	for (size_t i = 0; i < n; i++) {
		const struct jh_participant *p = &ui->d.participants[i];
		char buf[512];
		snprintf(buf, sizeof buf, "%s%s%s%s", p->name, *p->department ? ", " : "",
			 p->department, util_streq(p->role, "facilitator") ? " (facilitator)" : "");
		items[i].label = util_xstrdup(buf);
		ids[i] = p->id;
		if (p->id == (for_whom ? ui->acting : ui->me))
			start = i;
	}
	items[n].label = util_xstrdup("+ someone new");
	k = ui_pick(ui, for_whom ? "Enter items and votes for whom?" : "Who are you?", items, n + 1,
		    start, 0);
	for (size_t i = 0; i <= n; i++)
		free(items[i].label);
	free(items);
	if (k >= 0 && (size_t)k < n)
		chosen = ids[k];
	free(ids);
	if (k < 0)
		return UI_HANDLED;
	if ((size_t)k == n) {
		ui_add_item(ui, JH_PARTICIPANT, &chosen);
		if (!chosen)
			return UI_HANDLED;
	}
	if (!for_whom)
		ui->me = chosen;
	ui->acting = chosen;
	ui_reload(ui);
	if (!ui_participant(ui, chosen)) {
		ui_message(ui, 1, "That participant was removed meanwhile");
		return UI_HANDLED;
	}
	snprintf(msg, sizeof msg, "%s%s", for_whom && chosen != ui->me ? "Typing for " : "You are ",
		 ui_name(ui, chosen));
	ui_message(ui, 0, "%s", msg);
	return UI_HANDLED;
}

/* ---------------------------------------------------------------- export */

int ui_export(struct ui *ui)
{
	static const struct {
		const char *format, *report, *label;
	} kinds[] = {
	    {"md", "actions", "Action points, markdown"},
	    {"md", "report", "Whole workshop report, markdown"},
	    {"md", "backlog", "Backlog, markdown"},
	    {"csv", "actions", "Action points, CSV"},
	    {"taskwarrior", "", "Action points for task import (JSON)"},
	    {"json", "", "Everything with the analysis, JSON"},
	    {"yaml", "", "Lossless backup, YAML"},
	};
	struct ui_pick_item items[sizeof kinds / sizeof kinds[0]];
	char path[1024];
	struct jh_err err;
	long k;
	int fmt, rep;
	char *def;

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		items[i].label = (char *)kinds[i].label;
		items[i].marked = 0;
	}
	k = ui_pick(ui, "Export what?", items, sizeof kinds / sizeof kinds[0], 0, 0);
	if (k < 0)
		return UI_HANDLED;
	fmt = export_format_parse(kinds[k].format);
	rep = *kinds[k].report ? export_report_parse(kinds[k].report) : EXPORT_DEFAULT;
	{
		enum export_report r = (enum export_report)rep;
		if (fmt < 0 || export_check((enum export_format)fmt, &r, &err)) {
			ui_message(ui, 1, "%s", fmt < 0 ? "unknown format" : err.msg);
			return UI_HANDLED;
		}
		def = export_default_filename(ui->d.workshop.name, (enum export_format)fmt, r);
	}
	snprintf(path, sizeof path, "%s", def ? def : "export");
	free(def);
	if (!ui_prompt(ui, "Export to file: ", path, sizeof path) || !path[0]) {
		ui_message(ui, 0, "Not exported");
		return UI_HANDLED;
	}
	if (export_to_path(ui->st, ui->wid, kinds[k].format, kinds[k].report, path, &err)) {
		ui_message(ui, 1, "Export failed: %s", err.msg);
		return UI_HANDLED;
	}
	ui_message(ui, 0, "Exported to %s", path);
	return UI_HANDLED;
}
