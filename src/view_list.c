/* view_list.c: the list view every row-showing view runs on.
 *
 * Rows are built once per reload (or sort) and drawing walks only the
 * rows on screen, so a frame costs what the screen shows. The selection
 * is kept by id: it is noted whenever it moves and found again after the
 * rows were rebuilt. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/kinds.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"
#include "journeyhack/view_list.h"

/* What a comparison needs, passed down the sort instead of a global. */
struct sort_ctx {
	const struct ui *ui;
	const struct view_list *vl;
};

static struct view_list *state(const struct ui *ui)
{
	struct view_list *vl = view_private(ui);

	if (!vl->cls)
		vl->cls = view_get(ui->view)->ops->list;
	return vl;
}

/* Without an item callback, an item is an index into the kind's array. */
static const void *item_of(const struct ui *ui, const struct view_list *vl, long item)
{
	if (vl->cls->item)
		return vl->cls->item(ui, vl, item);
	return kinds_item(kinds_get(vl->cls->kind), &ui->d, (size_t)item);
}

static jh_id item_id(const struct ui *ui, const struct view_list *vl, long item)
{
	return *(const jh_id *)item_of(ui, vl, item);
}

static int compare(const struct sort_ctx *c, const struct view_list_row *a,
		   const struct view_list_row *b)
{
	const struct view_list_sort *s = &c->vl->cls->sorts[c->vl->sort];
	int r = s->cmp ? s->cmp(c->ui, c->vl, a, b) : 0;
	jh_id x, y;

	if (r)
		return r;
	x = item_id(c->ui, c->vl, a->item);
	y = item_id(c->ui, c->vl, b->item);
	return x < y ? -1 : x > y;
}

static int compare_rows(const void *ctx, const void *a, const void *b)
{
	return compare(ctx, a, b);
}

void view_list_add(struct view_list *vl, long item, long group)
{
	if (vl->nrows == vl->cap) {
		vl->cap = vl->cap ? 2 * vl->cap : 64;
		vl->rows = util_xrealloc(vl->rows, vl->cap * sizeof *vl->rows);
	}
	vl->rows[vl->nrows].item = item;
	vl->rows[vl->nrows++].group = group;
}

const struct view_list_row *view_list_current(const struct view_list *vl)
{
	return vl->l.n && vl->l.sel < vl->l.n ? &vl->rows[vl->l.sel] : NULL;
}

jh_id view_list_selected_id(const struct ui *ui, const struct view_list *vl)
{
	const struct view_list_row *rw = view_list_current(vl);

	return rw && rw->item >= 0 ? item_id(ui, vl, rw->item) : 0;
}

void view_list_select_id(const struct ui *ui, struct view_list *vl, jh_id id)
{
	for (size_t i = 0; id && i < vl->l.n; i++)
		if (vl->rows[i].item >= 0 && item_id(ui, vl, vl->rows[i].item) == id)
			vl->l.sel = i;
}

const char *view_list_sort_name(const struct view_list *vl)
{
	return vl->cls->nsorts ? _(vl->cls->sorts[vl->sort].name) : "";
}

int view_list_hidden(const struct ui *ui, size_t n, const char *noun, char *buf, size_t size)
{
	if (!n || !ui->facilitator)
		return 0;
	snprintf(buf, size, _("%s %zu %s hidden: private writing (R reveals)"),
		 ui_glyph(ui, UI_G_LOCK), n, noun);
	return 1;
}

/* Headings are not selectable: step over them in the direction of travel,
 * or back when at an end. */
static void skip_heading(struct view_list *vl, int dir)
{
	struct ui_list *l = &vl->l;

	while (l->n && vl->rows[l->sel].item < 0) {
		if (dir > 0 && l->sel + 1 < l->n)
			l->sel++;
		else if (dir < 0 && l->sel > 0)
			l->sel--;
		else if (dir > 0)
			dir = -1;
		else if (l->sel + 1 < l->n)
			dir = 1;
		else
			break;
	}
}

/* Headings go in where the group changes, once the items are in order. */
static void add_headings(struct view_list *vl)
{
	struct view_list_row *items = vl->rows;
	size_t n = vl->nrows;

	vl->rows = NULL;
	vl->nrows = vl->cap = 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || items[i].group != items[i - 1].group)
			view_list_add(vl, -1, items[i].group);
		view_list_add(vl, items[i].item, items[i].group);
	}
	free(items);
}

/* rank[p]: the rank of the row of the item now at position p of the
 * kind's array in the last sort, SIZE_MAX for an item new since. Both
 * arrays in id order (most kinds load so) are walked side by side;
 * otherwise each item is found through the model's id index. */
static void ranks_now(const struct ui *ui, const struct view_list *vl, size_t count, size_t *rank)
{
	size_t i = 0;
	jh_id last = 0;

	for (size_t p = 0; p < count; p++)
		rank[p] = SIZE_MAX;
	for (size_t p = 0; vl->prev_sorted && p < count; p++) {
		jh_id id = item_id(ui, vl, (long)p);
		if (p && id <= last)
			break; /* not in id order after all: the index below */
		last = id;
		while (i < vl->nprev && vl->prev_ids[i] < id)
			i++;
		if (i < vl->nprev && vl->prev_ids[i] == id)
			rank[p] = vl->prev_rank[i];
		if (p + 1 == count)
			return;
	}
	for (size_t p = 0; p < count; p++)
		rank[p] = SIZE_MAX;
	for (size_t j = 0; j < vl->nprev; j++) {
		long p = vl->prev_rank[j] == SIZE_MAX
			     ? -1
			     : model_index_pos(&ui->ix.m, vl->cls->kind, vl->prev_ids[j]);
		if (p >= 0 && (size_t)p < count)
			rank[p] = vl->prev_rank[j];
	}
}

/* Put the rows in the order of the last sort, items new since then at
 * the end. Only for rows that are positions in the kind's array (no item
 * callback). The sort that follows gives the same result from any start:
 * its order is total (ids break ties). */
static void prearrange(const struct ui *ui, struct view_list *vl)
{
	size_t n = vl->nrows, count = kinds_count(kinds_get(vl->cls->kind), &ui->d);
	size_t *rank, fresh = 0, top = 0;
	struct view_list_row *placed;
	unsigned char *taken;

	if (vl->cls->item || !vl->nprev || vl->prev_sort != vl->sort || !count)
		return;
	rank = util_xmalloc(count * sizeof *rank);
	ranks_now(ui, vl, count, rank);
	for (size_t i = 0; i < n; i++) {
		size_t p = (size_t)vl->rows[i].item;
		if (p < count && rank[p] != SIZE_MAX && rank[p] + 1 > top)
			top = rank[p] + 1;
	}
	fresh = top;
	placed = util_xmalloc((top + n) * sizeof *placed);
	taken = util_xcalloc(top + n, 1);
	for (size_t i = 0; i < n; i++) {
		size_t p = (size_t)vl->rows[i].item;
		size_t at = p < count && rank[p] != SIZE_MAX && !taken[rank[p]] ? rank[p] : fresh++;
		placed[at] = vl->rows[i];
		taken[at] = 1;
	}
	n = 0;
	for (size_t i = 0; i < fresh; i++)
		if (taken[i])
			vl->rows[n++] = placed[i];
	free(placed);
	free(taken);
	free(rank);
}

/* Note the sort for the next prearrange. */
static void note_order(const struct ui *ui, struct view_list *vl)
{
	const struct jh_kind_def *k = kinds_get(vl->cls->kind);
	size_t count = kinds_count(k, &ui->d), r = 0;

	vl->prev_ids = util_xrealloc(vl->prev_ids, (count ? count : 1) * sizeof *vl->prev_ids);
	vl->prev_rank = util_xrealloc(vl->prev_rank, (count ? count : 1) * sizeof *vl->prev_rank);
	vl->nprev = count;
	vl->prev_sort = vl->sort;
	vl->prev_sorted = 1;
	for (size_t p = 0; p < count; p++) {
		vl->prev_ids[p] = item_id(ui, vl, (long)p);
		vl->prev_rank[p] = SIZE_MAX;
		vl->prev_sorted &= p == 0 || vl->prev_ids[p - 1] < vl->prev_ids[p];
	}
	for (size_t i = 0; i < vl->nrows; i++)
		if (vl->rows[i].item >= 0 && (size_t)vl->rows[i].item < count)
			vl->prev_rank[vl->rows[i].item] = r++;
}

static void build(struct ui *ui, struct view_list *vl, jh_id keep)
{
	const struct view_list_class *c = vl->cls;

	vl->nrows = 0;
	vl->pos_valid = 0;
	if (c->build)
		c->build(ui, vl);
	else
		for (size_t i = 0; i < kinds_count(kinds_get(c->kind), &ui->d); i++)
			view_list_add(vl, (long)i, 0);
	if (c->nsorts && vl->nrows > 1) {
		struct sort_ctx ctx = {ui, vl};

		/* util_sort skips halves already in order, so rows that came
		 * in order (the backlog in rank order) or were prearranged in
		 * the last order cost about one comparison each. */
		prearrange(ui, vl);
		util_sort(vl->rows, vl->nrows, sizeof *vl->rows, compare_rows, &ctx);
		if (!c->item)
			note_order(ui, vl);
	}
	if (c->grouped & (1u << vl->sort))
		add_headings(vl);
	vl->l.n = vl->nrows;
	vl->sel_id = keep;
	if (vl->hold_row) {
		vl->l.sel = vl->hold_row - 1 < vl->l.n ? vl->hold_row - 1
			    : vl->l.n		       ? vl->l.n - 1
						       : 0;
		vl->hold_row = 0;
	} else if (c->keep) {
		c->keep(ui, vl);
	} else {
		view_list_select_id(ui, vl, keep);
	}
	skip_heading(vl, 1);
	if (vl->l.n)
		vl->sel_id = view_list_selected_id(ui, vl);
	ui_list_clamp(&vl->l, 1 << 20);
}

/* The old data is gone when this runs: the selection is found by the id
 * noted before. A deleted item leaves the cursor where it was. */
void view_list_rebuild(struct ui *ui)
{
	struct view_list *vl = state(ui);

	build(ui, vl, vl->sel_id);
}

static void note(const struct ui *ui, struct view_list *vl)
{
	vl->sel_id = view_list_selected_id(ui, vl);
	vl->sel_row = vl->l.sel;
}

/* The list's and the detail pane's places, under the banner if any. */
static void layout(const struct ui *ui, const struct view_list *vl, const struct ui_rect *r,
		   char *banner, size_t size, struct ui_rect *list, struct ui_rect *det)
{
	struct ui_rect all = *r;

	banner[0] = '\0';
	if (vl->cls->banner && all.h > 4 && vl->cls->banner(ui, banner, size)) {
		all.y++;
		all.h--;
	}
	ui_split(&all, vl->cls->detail_min, vl->l.n, list, det);
}

/* "3/12" counts items: a day or group heading is not a row one can be
 * on, so counting it would promise more items than there are. */
static void position(struct view_list *vl, char *buf, size_t size)
{
	size_t n = vl->l.n < vl->nrows ? vl->l.n : vl->nrows, to;

	if (!n) {
		snprintf(buf, size, " 0/0");
		return;
	}
	/* Counted once per build; then each frame walks only as far as
	 * the cursor moved, so a move key costs the same at any size. */
	if (!vl->pos_valid) {
		vl->pos_items = 0;
		for (size_t i = 0; i < n; i++)
			vl->pos_items += vl->rows[i].item >= 0;
		vl->pos_row = 0;
		vl->pos_at = vl->rows[0].item >= 0;
		vl->pos_valid = 1;
	}
	to = vl->l.sel < n ? vl->l.sel : n - 1;
	while (vl->pos_row < to)
		vl->pos_at += vl->rows[++vl->pos_row].item >= 0;
	while (vl->pos_row > to)
		vl->pos_at -= vl->rows[vl->pos_row--].item >= 0;
	snprintf(buf, size, " %zu/%zu", vl->pos_at, vl->pos_items);
}

/* Rows [top, top + height) under the header, with "3/12" at its right. */
static void draw_rows(struct ui *ui, struct view_list *vl, const struct ui_rect *r,
		      const char *header)
{
	struct ui_list *l = &vl->l;
	int y = r->y + 1, h = r->h - 1, pw;
	char pos[48];

	if (r->h <= 0 || r->w <= 0)
		return;
	position(vl, pos, sizeof pos);
	pw = (int)strlen(pos);
	ui_text(r->y, r->x, r->w, header, ui_attr(ui, UI_C_HEADER), 1);
	/* Where am I: when the header leaves room for it. */
	if (text_width(header) + pw < r->w)
		ui_text(r->y, r->x + r->w - pw, pw, pos, ui_attr(ui, UI_C_DIM), 0);
	ui_list_clamp(l, h);
	for (int i = 0; i < h && l->top + (size_t)i < l->n; i++) {
		struct ui_rect line = {y + i, r->x, 1, r->w};
		size_t k = l->top + (size_t)i;
		if (k == l->sel)
			ui_fill(line.y, line.x, line.w, ui_attr(ui, UI_C_SELECTED));
		vl->cls->row(ui, vl, &vl->rows[k], &line, k == l->sel);
	}
}

static void draw_detail(struct ui *ui, struct view_list *vl, const struct ui_rect *r,
			const struct ui_rect *det)
{
	const struct view_list_row *rw = view_list_current(vl);

	if (det->h <= 0 || det->w <= 0)
		return;
	if (det->w < r->w)
		for (int y = det->y; y < det->y + det->h; y++)
			ui_text(y, det->x - 1, 1, ui_glyph(ui, UI_G_VLINE),
				ui_attr(ui, UI_C_BORDER), 0);
	else
		ui_hline(ui, det->y - 1, det->x, det->w, ui_attr(ui, UI_C_BORDER));
	if (rw && rw->item >= 0)
		vl->cls->detail(ui, vl, rw, det);
}

void view_list_draw(struct ui *ui, const struct ui_rect *r)
{
	struct view_list *vl = state(ui);
	struct ui_rect list, det;
	char banner[256], header[512];

	/* A held row applies to the reload of the key that asked for it. */
	vl->hold_row = 0;
	note(ui, vl);
	layout(ui, vl, r, banner, sizeof banner, &list, &det);
	if (*banner)
		ui_text(r->y, r->x, r->w, banner, ui_attr(ui, UI_C_WARNING), 0);
	vl->cls->header(ui, vl, list.w, header, sizeof header);
	draw_rows(ui, vl, &list, header);
	if (!vl->l.n && list.h > 2 && vl->cls->empty)
		ui_text(list.y + 2, list.x + 2, list.w - 4, _(vl->cls->empty),
			ui_attr(ui, UI_C_DIM), 0);
	draw_detail(ui, vl, r, &det);
}

int view_list_action(struct ui *ui, enum ui_action act, const struct ui_rect *r)
{
	struct view_list *vl = state(ui);
	int flags = vl->cls->action ? vl->cls->action(ui, vl, act) : 0;

	if (flags)
		return flags;
	/* The status changes next (a global action) and the list is rebuilt:
	 * the next key should act on the row the user looks at, so the
	 * cursor stays there while the item moves to its new place. */
	if (act == UI_ACT_CYCLE && vl->l.n) {
		vl->hold_row = vl->l.sel + 1;
		return 0;
	}
	if (act == UI_ACT_SORT && vl->cls->nsorts) {
		jh_id keep = view_list_selected_id(ui, vl);
		vl->sort = (vl->sort + 1) % vl->cls->nsorts;
		build(ui, vl, keep);
		ui_message(ui, 0, _("Sorted %s"), view_list_sort_name(vl));
		return UI_HANDLED;
	}
	flags = ui_list_action(&vl->l, act, r->h / 2);
	if (flags) {
		skip_heading(
		    vl, act == UI_ACT_UP || act == UI_ACT_PAGE_UP || act == UI_ACT_END ? -1 : 1);
		note(ui, vl);
	}
	return flags;
}

int view_list_selected(struct ui *ui, enum jh_kind *kind, jh_id *id)
{
	jh_id sel = view_list_selected_id(ui, state(ui));

	if (!sel)
		return -1;
	*kind = state(ui)->cls->kind;
	*id = sel;
	return 0;
}

static int match(struct ui *ui, size_t i, const char *needle)
{
	const struct view_list *vl = state(ui);
	const char *item;

	if (vl->rows[i].item < 0)
		return 0;
	item = item_of(ui, vl, vl->rows[i].item);
	for (size_t k = 0; k < vl->cls->nsearch; k++) {
		const char *const *field = (const void *)(item + vl->cls->search[k]);
		if (ui_match(*field, needle))
			return 1;
	}
	return 0;
}

int view_list_search(struct ui *ui, const char *needle, int dir)
{
	struct view_list *vl = state(ui);
	int rc = ui_list_search(&vl->l, dir, match, ui, needle);

	note(ui, vl);
	return rc;
}

void view_list_click(struct ui *ui, const struct ui_rect *r, int y, int x)
{
	struct view_list *vl = state(ui);
	struct ui_rect list, det;
	char banner[256];

	(void)x;
	layout(ui, vl, r, banner, sizeof banner, &list, &det);
	if (ui_list_click(&vl->l, &list, 1, y))
		skip_heading(vl, 1);
	note(ui, vl);
}

void view_list_focus(struct ui *ui, enum jh_kind kind, jh_id id)
{
	struct view_list *vl = state(ui);

	if (kind != vl->cls->kind)
		return;
	view_list_select_id(ui, vl, id);
	note(ui, vl);
}

void view_list_focus_row(struct ui *ui, enum jh_kind kind, jh_id id)
{
	struct view_list *vl = state(ui);

	if (kind != vl->cls->kind || id != vl->sel_id || !vl->l.n) {
		view_list_focus(ui, kind, id);
		return;
	}
	vl->l.sel = vl->sel_row < vl->l.n ? vl->sel_row : vl->l.n - 1;
	skip_heading(vl, 1);
	note(ui, vl);
}

void view_list_cleanup(void *private)
{
	struct view_list *vl = private;

	if (vl->cls && vl->cls->free)
		vl->cls->free(vl);
	free(vl->rows);
	free(vl->prev_ids);
	free(vl->prev_rank);
}
