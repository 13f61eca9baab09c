/* ui_testcard.c: the four parts of an idea's test card edited together
 * in $EDITOR: they are written as one thought, so they are edited as one
 * text. Saving goes through the same revision-checked path as the form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/store.h"
#include "journeyhack/testcard.h"
#include "journeyhack/ui_apply.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/ui_editor.h"
#include "journeyhack/ui_message.h"
#include "journeyhack/ui_testcard.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

static const char *const fields[TESTCARD_NPARTS] = {"belief", "experiment", "metric", "success"};

/* What the editor gave back and could not be saved, for the next try on
 * the same idea: a person's writing is never thrown away. */
static char *draft;
static jh_id draft_id;

static const struct jh_idea *find_idea(const struct ui *ui, jh_id id)
{
	for (size_t i = 0; i < ui->d.nideas; i++)
		if (ui->d.ideas[i].id == id)
			return &ui->d.ideas[i];
	return NULL;
}

static void keep_draft(jh_id id, char *text)
{
	free(draft);
	draft = text;
	draft_id = id;
}

/* Save the parts that differ from the idea's; 0, STORE_CONFLICT or -1. */
static int save(struct ui *ui, const struct jh_idea *idea, char *const parts[], int *changed,
		struct jh_err *err)
{
	const char *now[] = {idea->belief, idea->experiment, idea->metric, idea->success};
	char *as[TESTCARD_NPARTS];
	size_t n = 0;
	int rc = 0;

	for (int i = 0; i < TESTCARD_NPARTS; i++) {
		size_t len;
		if (!strcmp(parts[i], now[i] ? now[i] : ""))
			continue;
		len = strlen(fields[i]) + strlen(parts[i]) + 2;
		as[n] = util_xmalloc(len);
		snprintf(as[n++], len, "%s=%s", fields[i], parts[i]);
	}
	*changed = n > 0;
	if (n)
		rc = ui_apply_if(ui, JH_IDEA, idea->id, (long long)idea->revision, as, n, err);
	for (size_t i = 0; i < n; i++)
		free(as[i]);
	return rc;
}

int ui_testcard(struct ui *ui, jh_id id)
{
	const struct jh_idea *idea = find_idea(ui, id);
	char *parts[TESTCARD_NPARTS], *text;
	struct jh_err err;
	int rc, changed = 0;

	if (!idea || ui_apply_refused(ui))
		return UI_HANDLED;
	if (draft && draft_id == id) {
		text = draft;
		draft = NULL;
	} else {
		const char *now[] = {idea->belief, idea->experiment, idea->metric, idea->success};
		text = testcard_format(now);
	}
	for (;;) {
		char q[1200];
		if (ui_editor(ui, &text, &err)) {
			keep_draft(id, text);
			ui_message(ui, 1, _("Test card not saved: %s"), err.msg);
			return UI_HANDLED;
		}
		if (!testcard_parse(text, parts, &err))
			break;
		snprintf(q, sizeof q, _("%s. Edit again?"), err.msg);
		if (!ui_dialog_confirm(ui, q)) {
			keep_draft(id, text);
			ui_message(ui, 1,
				   _("Test card kept as a draft: the next edit starts from it"));
			return UI_HANDLED;
		}
	}
	rc = save(ui, idea, parts, &changed, &err);
	for (int i = 0; i < TESTCARD_NPARTS; i++)
		free(parts[i]);
	if (rc == STORE_CONFLICT || rc) {
		keep_draft(id, text);
		ui_message(
		    ui, 1, "%s",
		    rc == STORE_CONFLICT
			? _("Someone changed this idea meanwhile: your test card is kept as a "
			    "draft for the next edit")
			: err.msg);
		return UI_HANDLED | UI_RELOAD;
	}
	free(text);
	if (!changed) {
		ui_message(ui, 0, _("Nothing changed"));
		return UI_HANDLED;
	}
	ui_message(ui, 0, _("Saved the test card of idea #%lld"), (long long)id);
	return UI_HANDLED | UI_RELOAD;
}
