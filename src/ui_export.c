/* ui_export.c: the export dialog: what to export, then where to. The
 * writing itself is export.c's, the same as the command line's. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "journeyhack/config.h"
#include "journeyhack/export.h"
#include "journeyhack/i18n.h"
#include "journeyhack/samefile.h"
#include "journeyhack/store.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/ui_export.h"
#include "journeyhack/view.h"

/* The workshop's own database (or its journal): never offered for
 * replacing, the writer refuses it with its reason. */
static int is_database(struct ui *ui, const char *file)
{
	char **db = export_db_files(store_path(ui->st));
	int hit = 0;

	for (size_t i = 0; db && db[i]; i++) {
		hit = hit || samefile_is(file, db[i]);
		free(db[i]);
	}
	free(db);
	return hit;
}

/* Ask for the file (path holds the offer) and write it there. A shell
 * user types ~/ and expects the shell's meaning; a file already there is
 * replaced only when the user says so, else the prompt comes back with
 * the text as typed. */
static int export_where(struct ui *ui, const char *format, const char *report, char *path,
			size_t size)
{
	struct jh_err err;
	struct stat st;
	char *file = NULL, q[1200];

	for (;;) {
		if (!ui_dialog_prompt(ui, _("Export to file: "), path, size) || !path[0]) {
			ui_message(ui, 0, _("Not exported"));
			return UI_HANDLED;
		}
		free(file);
		file = config_expand(path);
		/* A folder is not replaced: the writer refuses it with its reason. */
		if (stat(file, &st) != 0 || S_ISDIR(st.st_mode) || is_database(ui, file))
			break;
		snprintf(q, sizeof q, _("Replace %s?"), file);
		if (ui_dialog_confirm(ui, q))
			break;
	}
	if (export_to_path(ui->st, ui->wid, format, report, file, &err))
		ui_message(ui, 1, _("Export failed: %s"), err.msg);
	else
		ui_message(ui, 0, _("Exported to %s"), file);
	free(file);
	return UI_HANDLED;
}

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
	return export_where(ui, kinds[k].format, kinds[k].report, path, sizeof path);
}
