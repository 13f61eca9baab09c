/* view_parking.c: the parking lot: objections and questions, answered or
 * not, parked so the workshop can move on and answered later. */
#include <stdio.h>

#include "journeyhack/i18n.h"
#include "journeyhack/view_list.h"

/* Rows: indexes into d.parking. */

static int cmp_open_first(const struct ui *ui, const void *state, const struct view_list_row *a,
			  const struct view_list_row *b)
{
	(void)state;
	return ui->d.parking[a->item].answered - ui->d.parking[b->item].answered;
}

static const struct view_list_sort sorts[] = {{N_("open first"), cmp_open_first},
					      {N_("oldest first"), NULL}};
static const size_t search[] = {offsetof(struct jh_parking, text),
				offsetof(struct jh_parking, answer)};

static void header(const struct ui *ui, const void *state, int w, char *buf, size_t size)
{
	const struct view_list *vl = state;
	char left[128];

	(void)ui;
	snprintf(left, sizeof left, _("Parking lot: %zu, %s (s)"), vl->l.n,
		 view_list_sort_name(vl));
	if (w >= 70)
		ui_columns(buf, size, w, left, w - 14, _("Raised by"));
	else
		snprintf(buf, size, "%s", left);
}

static void row(struct ui *ui, const void *state, const struct view_list_row *rw,
		const struct ui_rect *line, int sel)
{
	const struct jh_parking *p = &ui->d.parking[rw->item];
	attr_t base = sel ? ui_attr(ui, UI_C_SELECTED) : A_NORMAL;
	int aw = line->w >= 70 ? 14 : 0;
	int x = line->x;

	(void)state;
	x += ui_textf(line->y, x, 6, base, 1, "#%lld", (long long)p->id);
	x += ui_text(line->y, x, 4, p->answered ? "[x]" : "[ ]",
		     sel	   ? base
		     : p->answered ? ui_attr(ui, UI_C_POSITIVE)
				   : A_BOLD,
		     1);
	ui_text(line->y, x, line->w - (x - line->x) - aw - 1, p->text, base, 1);
	if (aw)
		ui_text(line->y, line->x + line->w - aw, aw, ui_name(ui, p->author_id),
			sel ? base : ui_attr(ui, UI_C_DIM), 1);
}

static void detail(struct ui *ui, void *state, const struct view_list_row *rw,
		   const struct ui_rect *r)
{
	const struct jh_parking *p = &ui->d.parking[rw->item];
	struct ui_rect t = *r;
	int n;

	(void)state;
	ui_textf(t.y, t.x, t.w, A_BOLD, 0, "#%lld %s", (long long)p->id,
		 p->answered ? _("answered") : _("open: not answered yet"));
	t.y++;
	t.h--;
	if (p->author_id && t.h > 0) {
		ui_textf(t.y, t.x, t.w, ui_attr(ui, UI_C_DIM), 0, _("Raised by %s"),
			 ui_name(ui, p->author_id));
		t.y++;
		t.h--;
	}
	n = ui_wrap(&t, 0, p->text, A_NORMAL);
	t.y += n + 1;
	t.h -= n + 1;
	if (t.h > 0 && *p->answer) {
		ui_text(t.y, t.x, t.w, _("Answer:"), ui_attr(ui, UI_C_HEADER), 0);
		t.y++;
		t.h--;
		ui_wrap(&t, 0, p->answer, A_NORMAL);
	}
}

static const struct view_list_class parking = {
    .kind = JH_PARKING,
    .sorts = sorts,
    .nsorts = 2,
    .detail_min = 6,
    .empty = N_("Nothing parked. a parks an objection or question."),
    VIEW_LIST_SEARCH(search),
    .header = header,
    .row = row,
    .detail = detail,
};

const struct view_ops view_parking_ops = {
    .kind = JH_PARKING,
    .private_size = sizeof(struct view_list),
    .list = &parking,
    VIEW_LIST_OPS,
    /* Answering moves an entry below the open ones: the cursor stays on
     * the row, so the next key acts on the entry now in front of it. */
    .focus = view_list_focus_row,
};
