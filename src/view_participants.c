/* view_participants.c: who is in the room: name, department and role,
 * added, corrected and removed here (a duplicate typed twice, a name
 * mistyped at sign-in). The rights are the workshop's: naming, demoting
 * or removing a facilitator takes one (session_change_check). */
#include <stdio.h>

#include "journeyhack/i18n.h"
#include "journeyhack/session.h"
#include "journeyhack/view_list.h"

/* Rows: indexes into d.participants. */

static int cmp_role(const struct ui *ui, const void *state, const struct view_list_row *a,
		    const struct view_list_row *b)
{
	(void)state;
	return session_is_facilitator(&ui->d.participants[b->item]) -
	       session_is_facilitator(&ui->d.participants[a->item]);
}

static const struct view_list_sort sorts[] = {{N_("in the order they came"), NULL},
					      {N_("facilitators first"), cmp_role}};
static const size_t search[] = {offsetof(struct jh_participant, name),
				offsetof(struct jh_participant, department)};

/* The role as people say it; the stored value stays English. */
static const char *role_label(const struct jh_participant *p)
{
	return session_is_facilitator(p) ? _("facilitator") : _("participant");
}

static void header(const struct ui *ui, const void *state, int w, char *buf, size_t size)
{
	const struct view_list *vl = state;
	char left[128], labels[256];

	(void)ui;
	snprintf(left, sizeof left, _("Participants: %zu, %s (s)"), vl->l.n,
		 view_list_sort_name(vl));
	/* The columns as row() draws them: department at half, role last. */
	snprintf(labels, sizeof labels, "%-*s%s", w - w / 2 - 13, _("Department"), _("Role"));
	if (w >= 60)
		ui_columns(buf, size, w, left, w / 2, labels);
	else
		snprintf(buf, size, "%s", left);
}

static void row(struct ui *ui, const void *state, const struct view_list_row *rw,
		const struct ui_rect *line, int sel)
{
	const struct jh_participant *p = &ui->d.participants[rw->item];
	attr_t base = sel ? ui_attr(ui, UI_C_SELECTED) : A_NORMAL;
	int x = line->x, half = line->w >= 60 ? line->w / 2 : line->w;

	(void)state;
	x += ui_text(line->y, x, 2, p->id == ui->me ? "*" : " ", base, 1);
	ui_text(line->y, x, half - 3, p->name, session_is_facilitator(p) && !sel ? A_BOLD : base,
		1);
	if (half == line->w)
		return;
	ui_text(line->y, line->x + half, line->w - half - 14, p->department,
		sel ? base : ui_attr(ui, UI_C_DIM), 1);
	ui_text(line->y, line->x + line->w - 13, 13, role_label(p), base, 1);
}

static void detail(struct ui *ui, void *state, const struct view_list_row *rw,
		   const struct ui_rect *r)
{
	const struct jh_participant *p = &ui->d.participants[rw->item];
	struct ui_rect t = *r;

	(void)state;
	ui_textf(t.y++, t.x, t.w, A_BOLD, 0, "%s", p->name);
	if (t.y < r->y + r->h)
		ui_textf(t.y++, t.x, t.w, A_NORMAL, 0, _("Department: %s"),
			 *p->department ? p->department : _("(none)"));
	if (t.y < r->y + r->h)
		ui_textf(t.y++, t.x, t.w, A_NORMAL, 0, _("Role: %s"), role_label(p));
	if (t.y < r->y + r->h && p->id == ui->me)
		ui_text(t.y, t.x, t.w, _("This terminal types as this participant."),
			ui_attr(ui, UI_C_DIM), 0);
}

static const struct view_list_class participants = {
    .kind = JH_PARTICIPANT,
    .sorts = sorts,
    .nsorts = 2,
    .detail_min = 5,
    .empty = N_("Nobody yet. a adds a participant."),
    VIEW_LIST_SEARCH(search),
    .header = header,
    .row = row,
    .detail = detail,
};

const struct view_ops view_participants_ops = {
    .kind = JH_PARTICIPANT,
    .private_size = sizeof(struct view_list),
    .list = &participants,
    VIEW_LIST_OPS,
    .focus = view_list_focus,
};
