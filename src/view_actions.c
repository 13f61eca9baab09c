/* view_actions.c: action points with owner, due date and status. Overdue
 * ones, and ones still missing an owner or a date, stand out: an action
 * without both is exactly how "customer-centric" stays abstract. */
#include <stdio.h>
#include <string.h>

#include "journeyhack/analysis.h"
#include "journeyhack/i18n.h"
#include "journeyhack/util.h"
#include "journeyhack/view_list.h"

/* Rows: indexes into d.actions. */
struct actions {
	struct view_list list;
	char today[11];
};

static int status_rank(const char *s)
{
	return util_streq(s, "doing") ? 0 : util_streq(s, "todo") ? 1 : 2;
}

/* Empty sorts last: an undated action is the one to chase, but it
 * should not push the dated ones off the screen. */
static int cmp_text(const char *a, const char *b)
{
	if (!*a != !*b)
		return *a ? -1 : 1;
	return strcmp(a, b);
}

static int cmp_due(const struct ui *ui, const void *state, const struct view_list_row *a,
		   const struct view_list_row *b)
{
	(void)state;
	return cmp_text(ui->d.actions[a->item].due, ui->d.actions[b->item].due);
}

static int cmp_status(const struct ui *ui, const void *state, const struct view_list_row *a,
		      const struct view_list_row *b)
{
	(void)state;
	return status_rank(ui->d.actions[a->item].status) -
	       status_rank(ui->d.actions[b->item].status);
}

static int cmp_owner(const struct ui *ui, const void *state, const struct view_list_row *a,
		     const struct view_list_row *b)
{
	(void)state;
	return cmp_text(ui->d.actions[a->item].owner, ui->d.actions[b->item].owner);
}

static const struct view_list_sort sorts[] = {{N_("by due date"), cmp_due},
					      {N_("by status"), cmp_status},
					      {N_("by owner"), cmp_owner},
					      {N_("oldest first"), NULL}};
static const size_t search[] = {offsetof(struct jh_action, title),
				offsetof(struct jh_action, owner),
				offsetof(struct jh_action, notes)};

static void build(struct ui *ui, void *state)
{
	struct actions *S = state;

	for (size_t i = 0; i < ui->d.nactions; i++)
		view_list_add(&S->list, (long)i, 0);
	util_today(S->today);
}

static void header(const struct ui *ui, const void *state, int w, char *buf, size_t size)
{
	char left[128];
	int wide = w >= 70;

	(void)ui;
	snprintf(left, sizeof left, _("Action points %s (s)"), view_list_sort_name(state));
	ui_columns(buf, size, w, left, w - (wide ? 42 : 17),
		   /* TRANSLATORS: column headings over the owner (16 columns), due date
		    * (11) and status: keep each word where the English one starts. */
		   wide ? _("Owner           Due        Status") : _("Due        Status"));
}

static void row(struct ui *ui, const void *state, const struct view_list_row *rw,
		const struct ui_rect *line, int sel)
{
	const struct actions *S = state;
	const struct jh_action *a = &ui->d.actions[rw->item];
	attr_t base = sel ? ui_attr(ui, UI_C_SELECTED) : A_NORMAL;
	int overdue = analysis_action_overdue(a, S->today), done = util_streq(a->status, "done");
	int x = line->x, wide = line->w >= 70, right = wide ? 42 : 17;
	attr_t warn = sel ? base : ui_attr(ui, UI_C_WARNING);

	x += ui_textf(line->y, x, 6, base, 1, "#%lld", (long long)a->id);
	ui_text(line->y, x, line->w - (x - line->x) - right - 1, a->title,
		sel    ? base
		: done ? ui_attr(ui, UI_C_DIM)
		       : base,
		1);
	x = line->x + line->w - right;
	if (wide)
		x += ui_text(line->y, x, 15, *a->owner ? a->owner : _("? no owner"),
			     *a->owner ? base : warn, 1) +
		     1;
	x += ui_text(line->y, x, 10, *a->due ? a->due : _("? no date"),
		     overdue && !sel ? ui_attr(ui, UI_C_OVERDUE)
		     : *a->due	     ? base
				     : warn,
		     1) +
	     1;
	ui_text(line->y, x, line->x + line->w - x,
		overdue ? _("OVERDUE") : kinds_value_label(a->status),
		overdue	       ? (sel ? base | A_BOLD : ui_attr(ui, UI_C_OVERDUE))
		: done && !sel ? ui_attr(ui, UI_C_POSITIVE)
			       : base,
		1);
}

static void detail(struct ui *ui, void *state, const struct view_list_row *rw,
		   const struct ui_rect *r)
{
	const struct actions *S = state;
	const struct jh_action *a = &ui->d.actions[rw->item];
	const struct jh_idea *idea = model_index_item(&ui->ix.m, JH_IDEA, a->idea_id);
	struct ui_rect t = *r;
	char buf[1024];
	int n;

	ui_textf(t.y++, t.x, t.w, A_BOLD, 0, "#%lld %s", (long long)a->id, a->title);
	t.h--;
	snprintf(buf, sizeof buf, _("Owner: %s  Due: %s  Status: %s%s"),
		 *a->owner ? a->owner : _("(none: who will do it?)"),
		 *a->due ? a->due : _("(none: by when?)"), kinds_value_label(a->status),
		 analysis_action_overdue(a, S->today) ? _("  OVERDUE") : "");
	n = ui_wrap(&t, 0, buf,
		    analysis_action_overdue(a, S->today) ? ui_attr(ui, UI_C_OVERDUE) : A_NORMAL);
	t.y += n;
	t.h -= n;
	if (idea && t.h > 0) {
		ui_textf(t.y++, t.x, t.w, ui_attr(ui, UI_C_DIM), 0, _("For idea #%lld %s"),
			 (long long)idea->id, idea->title);
		t.h--;
	}
	if (t.h > 1 && *a->notes) {
		t.y++;
		t.h--;
		ui_wrap(&t, 0, a->notes, A_NORMAL);
	}
}

static const struct view_list_class actions = {
    .kind = JH_ACTION,
    .sorts = sorts,
    .nsorts = 4,
    .detail_min = 6,
    .empty = N_("No action points yet. a adds one: what, who owns it, by when."),
    VIEW_LIST_SEARCH(search),
    .build = build,
    .header = header,
    .row = row,
    .detail = detail,
};

const struct view_ops view_actions_ops = {
    .kind = JH_ACTION,
    .private_size = sizeof(struct actions),
    .list = &actions,
    VIEW_LIST_OPS,
    .focus = view_list_focus,
};
