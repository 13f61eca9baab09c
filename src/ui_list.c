/* ui_list.c: selection and scrolling over rows, shared by the list views.
 *
 * A view keeps its rows in an array built on reload; drawing walks only
 * rows [top, top + height), so the cost of a frame follows the screen,
 * not the workshop. */
#include <stdio.h>
#include <string.h>

#include "journeyhack/view.h"

int ui_list_action(struct ui_list *l, enum ui_action act, int page)
{
	if (page < 1)
		page = 1;
	switch (act) {
	case UI_ACT_DOWN:
		if (l->sel + 1 < l->n)
			l->sel++;
		break;
	case UI_ACT_UP:
		if (l->sel > 0)
			l->sel--;
		break;
	case UI_ACT_PAGE_DOWN:
		l->sel += (size_t)page;
		l->top += (size_t)page;
		break;
	case UI_ACT_PAGE_UP:
		l->sel = l->sel > (size_t)page ? l->sel - (size_t)page : 0;
		l->top = l->top > (size_t)page ? l->top - (size_t)page : 0;
		break;
	case UI_ACT_HOME:
		l->sel = 0;
		break;
	case UI_ACT_END:
		l->sel = l->n ? l->n - 1 : 0;
		break;
	default:
		return 0;
	}
	if (l->n == 0)
		l->sel = l->top = 0;
	else if (l->sel >= l->n)
		l->sel = l->n - 1;
	return UI_HANDLED;
}

void ui_list_clamp(struct ui_list *l, int height)
{
	size_t h = height > 0 ? (size_t)height : 1;

	if (l->n == 0) {
		l->sel = l->top = 0;
		return;
	}
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->top + h > l->n)
		l->top = l->n > h ? l->n - h : 0;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + h)
		l->top = l->sel - h + 1;
}

int ui_list_search(struct ui_list *l, int dir, int (*match)(struct ui *, size_t, const char *),
		   struct ui *ui, const char *needle)
{
	size_t i;

	if (!l->n)
		return -1;
	/* Start after the selection and wrap, like less and vi. */
	for (size_t k = 1; k <= l->n; k++) {
		if (dir > 0)
			i = (l->sel + k) % l->n;
		else
			i = (l->sel + l->n - (k % l->n)) % l->n;
		if (match(ui, i, needle)) {
			l->sel = i;
			return 0;
		}
	}
	return -1;
}

void ui_split(const struct ui_rect *r, int detail_min, size_t rows, struct ui_rect *list,
	      struct ui_rect *detail)
{
	*list = *r;
	*detail = *r;
	detail->h = detail->w = 0;
	if (r->w >= 120) {
		/* Wide: detail on the right, as on a projector. */
		int dw = r->w / 3 < 36 ? 36 : r->w / 3 > 70 ? 70 : r->w / 3;
		list->w = r->w - dw - 1;
		detail->x = r->x + list->w + 1;
		detail->w = dw;
		detail->h = r->h;
	} else if (r->h >= detail_min + 4) {
		int dh = r->h / 3 > detail_min ? r->h / 3 : detail_min;
		/* A short list gives its spare lines to the detail pane. */
		list->h = r->h - dh - 1;
		if (rows + 1 < (size_t)list->h)
			list->h = rows + 1 > 3 ? (int)rows + 1 : 3;
		dh = r->h - list->h - 1;
		detail->y = r->y + list->h + 1;
		detail->h = dh;
		detail->w = r->w;
	}
}

int ui_list_click(struct ui_list *l, const struct ui_rect *r, int has_header, int y)
{
	int first = r->y + (has_header ? 1 : 0);
	size_t k;

	if (y < first || y >= r->y + r->h)
		return 0;
	k = l->top + (size_t)(y - first);
	if (k >= l->n)
		return 0;
	l->sel = k;
	return 1;
}
