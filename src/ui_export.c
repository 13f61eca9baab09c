/* ui_export.c: the export dialog: what to export, then where to. The
 * writing itself is export.c's, the same as the command line's. */
#include <stdio.h>
#include <stdlib.h>

#include "journeyhack/export.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/ui_export.h"
#include "journeyhack/view.h"

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
		items[i].label = kinds[i].label;
		items[i].marked = 0;
	}
	k = ui_dialog_pick(ui, "Export what?", items, sizeof kinds / sizeof kinds[0], 0, 0);
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
	snprintf(path, sizeof path, "%s%s%s", ui->export_folder ? ui->export_folder : "",
		 ui->export_folder ? "/" : "", def ? def : "export");
	free(def);
	if (!ui_dialog_prompt(ui, "Export to file: ", path, sizeof path) || !path[0]) {
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
