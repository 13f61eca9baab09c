/* ui_export.c: the export dialog: what to export, then where to. The
 * writing itself is export.c's, the same as the command line's. */
#include <stdio.h>
#include <stdlib.h>

#include "journeyhack/export.h"
#include "journeyhack/i18n.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/ui_export.h"
#include "journeyhack/view.h"

int ui_export(struct ui *ui)
{
	static const struct {
		const char *format, *report, *label;
	} kinds[] = {
	    {"md", "actions", N_("Action points, markdown")},
	    {"md", "report", N_("Whole workshop report, markdown")},
	    {"md", "backlog", N_("Backlog, markdown")},
	    {"csv", "actions", N_("Action points, CSV")},
	    {"taskwarrior", "", N_("Action points for task import (JSON)")},
	    {"json", "", N_("Everything with the analysis, JSON")},
	    /* The backup stays last, where G (the last entry) finds it. */
	    {"jira-csv", "", N_("Action points for Jira's CSV import")},
	    {"gitlab-csv", "", N_("Action points for GitLab's CSV import")},
	    {"ical", "", N_("Action points as calendar to-dos (.ics)")},
	    {"todotxt", "", N_("Action points as todo.txt")},
	    {"csv", "painpoints", N_("Pain points, CSV")},
	    {"svg", "", N_("Journey map poster, SVG (A3)")},
	    {"html", "", N_("Whole workshop report, one HTML page")},
	    {"yaml", "", N_("Lossless backup, YAML")},
	};
	struct ui_pick_item items[sizeof kinds / sizeof kinds[0]];
	char path[1024];
	struct jh_err err;
	long k;
	int fmt, rep;
	char *def;

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		items[i].label = _(kinds[i].label);
		items[i].marked = 0;
	}
	k = ui_dialog_pick(ui, _("Export what?"), items, sizeof kinds / sizeof kinds[0], 0, 0);
	if (k < 0)
		return UI_HANDLED;
	fmt = export_format_parse(kinds[k].format);
	rep = *kinds[k].report ? export_report_parse(kinds[k].report) : EXPORT_DEFAULT;
	{
		enum export_report r = (enum export_report)rep;
		if (fmt < 0 || export_check((enum export_format)fmt, &r, &err)) {
			ui_message(ui, 1, "%s", fmt < 0 ? _("unknown format") : err.msg);
			return UI_HANDLED;
		}
		def = export_default_filename(ui->d.workshop.name, (enum export_format)fmt, r);
	}
	snprintf(path, sizeof path, "%s%s%s", ui->export_folder ? ui->export_folder : "",
		 ui->export_folder ? "/" : "", def ? def : "export");
	free(def);
	if (!ui_dialog_prompt(ui, _("Export to file: "), path, sizeof path) || !path[0]) {
		ui_message(ui, 0, _("Not exported"));
		return UI_HANDLED;
	}
	if (export_to_path(ui->st, ui->wid, kinds[k].format, kinds[k].report, path, &err)) {
		ui_message(ui, 1, _("Export failed: %s"), err.msg);
		return UI_HANDLED;
	}
	ui_message(ui, 0, _("Exported to %s"), path);
	return UI_HANDLED;
}
