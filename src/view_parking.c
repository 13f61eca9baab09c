/* view_parking.c: the parking lot: objections and questions, answered or
 * not, parked so the workshop can move on and answered later. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/util.h"
#include "journeyhack/view.h"

enum { SORT_OPEN_FIRST, SORT_ID, NSORTS };
static const char *const sort_names[NSORTS] = {"open first", "oldest first"};

static struct {
	struct ui_list l;
	size_t *rows; /* indexes into d.parking */
	int sort;
	jh_id sel_id;
} S;

static const struct ui *sort_ui;

static int cmp_rows(const void *a, const void *b)
{
	const struct jh_parking *x = &sort_ui->d.parking[*(const size_t *)a];
	const struct jh_parking *y = &sort_ui->d.parking[*(const size_t *)b];

	if (S.sort == SORT_OPEN_FIRST && x->answered != y->answered)
		return x->answered - y->answered;
	return x->id < y->id ? -1 : x->id > y->id;
}

static jh_id selected_id(const struct ui *ui)
{
	return S.l.n && S.rows ? ui->d.parking[S.rows[S.l.sel]].id : 0;
}

static void select_id(const struct ui *ui, jh_id id)
{
	for (size_t i = 0; id && i < S.l.n; i++)
		if (ui->d.parking[S.rows[i]].id == id)
			S.l.sel = i;
}

static void rebuild_keep(struct ui *ui, jh_id keep)
{
	free(S.rows);
	S.rows = util_xcalloc(ui->d.nparking ? ui->d.nparking : 1, sizeof *S.rows);
	for (size_t i = 0; i < ui->d.nparking; i++)
		S.rows[i] = i;
	sort_ui = ui;
	qsort(S.rows, ui->d.nparking, sizeof *S.rows, cmp_rows);
	S.l.n = ui->d.nparking;
	select_id(ui, keep);
	ui_list_clamp(&S.l, 1 << 20);
}

/* The old data is gone when this runs: the selection is kept by the id
 * noted at the last draw. A deleted item leaves the cursor where it was. */
static void rebuild(struct ui *ui)
{
	rebuild_keep(ui, S.sel_id);
}

static void row(struct ui *ui, size_t i, const struct ui_rect *line, int sel)
{
	const struct jh_parking *p = &ui->d.parking[S.rows[i]];
	attr_t base = sel ? ui_attr(ui, UI_C_SELECTED) : A_NORMAL;
	int aw = line->w >= 70 ? 14 : 0;
	int x = line->x;

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

static void detail(struct ui *ui, const struct ui_rect *r)
{
	const struct jh_parking *p;
	struct ui_rect t = *r;
	int n;

	if (!S.l.n || r->h <= 0)
		return;
	p = &ui->d.parking[S.rows[S.l.sel]];
	ui_textf(t.y, t.x, t.w, A_BOLD, 0, "#%lld %s", (long long)p->id,
		 p->answered ? "answered" : "open: not answered yet");
	t.y++;
	t.h--;
	if (p->author_id && t.h > 0) {
		ui_textf(t.y, t.x, t.w, ui_attr(ui, UI_C_DIM), 0, "Raised by %s",
			 ui_name(ui, p->author_id));
		t.y++;
		t.h--;
	}
	n = ui_wrap(&t, 0, p->text, A_NORMAL);
	t.y += n + 1;
	t.h -= n + 1;
	if (t.h > 0 && *p->answer) {
		ui_text(t.y, t.x, t.w, "Answer:", ui_attr(ui, UI_C_HEADER), 0);
		t.y++;
		t.h--;
		ui_wrap(&t, 0, p->answer, A_NORMAL);
	}
}

static void draw(struct ui *ui, const struct ui_rect *r)
{
	struct ui_rect list, det;
	char header[256];

	S.sel_id = selected_id(ui);
	ui_split(r, 6, S.l.n, &list, &det);
	{
		char left[128];
		snprintf(left, sizeof left, "Parking lot: %zu, %s (s)", S.l.n, sort_names[S.sort]);
		if (list.w >= 70)
			ui_columns(header, sizeof header, list.w, left, list.w - 14, "Raised by");
		else
			snprintf(header, sizeof header, "%s", left);
	}
	ui_list_draw(ui, &S.l, &list, header, row);
	if (!S.l.n && list.h > 2)
		ui_text(list.y + 2, list.x + 2, list.w - 4,
			"Nothing parked. a parks an objection or question.", ui_attr(ui, UI_C_DIM),
			0);
	if (det.h > 0 && det.w > 0) {
		if (det.w < r->w)
			for (int y = det.y; y < det.y + det.h; y++)
				ui_text(y, det.x - 1, 1, ui_glyph(ui, UI_G_VLINE),
					ui_attr(ui, UI_C_BORDER), 0);
		else
			ui_hline(ui, det.y - 1, det.x, det.w, ui_attr(ui, UI_C_BORDER));
		detail(ui, &det);
	}
}

static int action(struct ui *ui, enum ui_action act, const struct ui_rect *r)
{
	if (act == UI_ACT_SORT) {
		jh_id keep = selected_id(ui);
		S.sort = (S.sort + 1) % NSORTS;
		rebuild_keep(ui, keep);
		ui_message(ui, 0, "Sorted %s", sort_names[S.sort]);
		return UI_HANDLED;
	}
	return ui_list_action(&S.l, act, r->h / 2);
}

static int selected(struct ui *ui, enum jh_kind *kind, jh_id *id)
{
	if (!S.l.n)
		return -1;
	*kind = JH_PARKING;
	*id = selected_id(ui);
	return 0;
}

static int match(struct ui *ui, size_t i, const char *needle)
{
	const struct jh_parking *p = &ui->d.parking[S.rows[i]];

	return ui_match(p->text, needle) || ui_match(p->answer, needle);
}

static int search(struct ui *ui, const char *needle, int dir)
{
	return ui_list_search(&S.l, dir, match, ui, needle);
}

static void click(struct ui *ui, const struct ui_rect *r, int y, int x)
{
	struct ui_rect list, det;

	(void)ui;
	(void)x;
	ui_split(r, 6, S.l.n, &list, &det);
	ui_list_click(&S.l, &list, 1, y);
}

static void focus(struct ui *ui, enum jh_kind kind, jh_id id)
{
	if (kind == JH_PARKING)
		select_id(ui, id);
}

static void cleanup(void)
{
	free(S.rows);
	memset(&S, 0, sizeof S);
}

const struct view_ops view_parking_ops = {
    .name = "parking",
    .title = "Parking lot",
    .tab = "Parking",
    .kind = JH_PARKING,
    .rebuild = rebuild,
    .draw = draw,
    .action = action,
    .selected = selected,
    .search = search,
    .click = click,
    .focus = focus,
    .cleanup = cleanup,
};
