/* ui_dialog.c: modal overlays: y/n question, one-line prompt, pick list,
 * help.
 *
 * Each runs its own small loop that redraws the whole screen (base view
 * first, overlay on top) before every key, so a resize or a change from
 * another terminal while a dialog is open simply redraws. A key file that
 * ends inside a dialog (UI_KEY_EOF) cancels it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/text.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/ui_frame.h"
#include "journeyhack/ui_line.h"
#include "journeyhack/ui_term.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

int ui_dialog_confirm(struct ui *ui, const char *question)
{
	for (;;) {
		int key;
		ui_frame_draw(ui);
		if (!ui->too_small) {
			char q[600];
			snprintf(q, sizeof q, "%s (y/n)", question);
			ui_fill(LINES - 1, 0, COLS, A_NORMAL);
			ui_text(LINES - 1, 0, COLS, q, ui_attr(ui, UI_C_WARNING), 0);
		}
		refresh();
		key = ui_term_key(ui);
		if (key == 'y' || key == 'Y')
			return 1;
		if (key == 'n' || key == 'N' || key == UI_KEY_ESC || key == 'q' ||
		    key == UI_KEY_EOF)
			return 0;
	}
}

int ui_dialog_prompt(struct ui *ui, const char *label, char *buf, size_t size)
{
	struct ui_line line;
	int ok = -1;

	ui_line_init(&line, buf, size ? size - 1 : 0);
	curs_set(1);
	while (ok < 0) {
		int key;
		ui_frame_draw(ui);
		if (!ui->too_small) {
			int lw;
			ui_fill(LINES - 1, 0, COLS, A_NORMAL);
			lw = ui_text(LINES - 1, 0, COLS, label, A_BOLD, 0);
			/* The cursor stays at the end: the end of a long entry
			 * is what stays in view. */
			move(LINES - 1, ui_line_draw(&line, LINES - 1, lw, COLS - lw, A_NORMAL));
		}
		refresh();
		key = ui_term_key(ui);
		if (key == UI_KEY_EOF || key == UI_KEY_ESC)
			ok = 0;
		else if (key == UI_KEY_ENTER)
			ok = 1;
		else if (key == 127 || key == 8 || key == UI_FKEY(KEY_BACKSPACE))
			ui_line_backspace(&line);
		else if (key == UI_CTRL('u'))
			ui_line_set(&line, "");
		else if (key >= 32 && key < 0x110000)
			ui_line_insert(&line, (unsigned int)key);
	}
	curs_set(0);
	if (size)
		snprintf(buf, size, "%s", line.text);
	ui_line_free(&line);
	return ok;
}

/* A pick list filters as it is typed: the items whose label holds what
 * was typed (letters without case), the first one starting with it
 * selected, so typing picks the same way as on a choice field. */
struct pick {
	struct ui_pick_item *items;
	size_t n;
	char filter[128];
	int filtering; /* '/' was typed: every printable key filters */
	size_t *shown, nshown;
	struct ui_list l;
};

/* Rebuild the rows shown; keep the item selected when it still is, else
 * select the first that starts with the filter. */
static void pick_filter(struct pick *p, size_t keep)
{
	size_t sel = (size_t)-1, first = (size_t)-1;

	p->nshown = 0;
	for (size_t i = 0; i < p->n; i++) {
		if (!ui_match(p->items[i].label, p->filter))
			continue;
		if (i == keep)
			sel = p->nshown;
		if (first == (size_t)-1 && *p->filter &&
		    text_starts_folded(p->items[i].label, p->filter))
			first = p->nshown;
		p->shown[p->nshown++] = i;
	}
	p->l.n = p->nshown;
	p->l.sel = *p->filter && first != (size_t)-1 ? first : sel != (size_t)-1 ? sel : 0;
	p->l.top = 0;
}

/* A key that edits the filter: 1 when it was one. */
static int pick_filter_key(struct pick *p, int key, int multi)
{
	size_t len = strlen(p->filter), keep = p->nshown ? p->shown[p->l.sel] : 0;
	char one[8];

	if (key == 127 || key == 8 || key == UI_FKEY(KEY_BACKSPACE)) {
		if (!len && !p->filtering)
			return 0;
		while (len > 0 && ((unsigned char)p->filter[len - 1] & 0xC0) == 0x80)
			len--;
		p->filter[len ? len - 1 : 0] = '\0';
		p->filtering = p->filter[0] != '\0';
		pick_filter(p, keep);
		return 1;
	}
	if (key < 32 || key >= 0x110000 || (key == ' ' && multi))
		return 0;
	if (key == '/' && !p->filtering) {
		p->filtering = 1;
		return 1;
	}
	/* List keys (j, k, g, G, q, Space) move until a filter is begun. */
	if (!p->filtering && ui_keys_action(key, UI_IN_LIST) >= 0)
		return 0;
	one[text_encode(one, (unsigned int)key)] = '\0';
	if (len + strlen(one) < sizeof p->filter)
		snprintf(p->filter + len, sizeof p->filter - len, "%s", one);
	p->filtering = 1;
	pick_filter(p, keep);
	return 1;
}

static void pick_rect(const struct pick *p, const char *title, struct ui_rect *r)
{
	int w = text_width(title) + 6;

	for (size_t i = 0; i < p->n && i < 2000; i++) {
		int lw = text_width(p->items[i].label) + 8;
		if (lw > w)
			w = lw;
	}
	if (w > COLS - 4)
		w = COLS - 4;
	if (w > 90)
		w = 90;
	r->h = (int)(p->nshown > (size_t)LINES ? (size_t)LINES : p->nshown) + 3;
	if (r->h > LINES - 2)
		r->h = LINES - 2;
	r->w = w;
	r->y = (LINES - r->h) / 2;
	r->x = (COLS - r->w) / 2;
}

static void pick_draw(struct ui *ui, struct pick *p, const char *title, int multi,
		      const struct ui_rect *r, int rows)
{
	char head[300];

	if (p->filtering)
		snprintf(head, sizeof head, "%s: %s", title, p->filter);
	else
		snprintf(head, sizeof head, "%s", title);
	ui_box(ui, r, head, ui_attr(ui, UI_C_BORDER));
	for (int i = 0; i < rows && p->l.top + (size_t)i < p->nshown; i++) {
		size_t k = p->l.top + (size_t)i;
		const struct ui_pick_item *it = &p->items[p->shown[k]];
		char line[1024];
		attr_t a = k == p->l.sel ? ui_attr(ui, UI_C_SELECTED) : A_NORMAL;
		if (multi)
			snprintf(line, sizeof line, "[%s] %s", it->marked ? "x" : " ", it->label);
		else
			snprintf(line, sizeof line, "%s", it->label);
		ui_text(r->y + 1 + i, r->x + 1, r->w - 2, line, a, 1);
	}
	if (!p->nshown)
		ui_textf(r->y + r->h - 2, r->x + 1, r->w - 2, ui_attr(ui, UI_C_DIM), 1,
			 _("Nothing matches: Backspace or %s clears"),
			 ui_keys_first(UI_ACT_FORM_CANCEL));
	else if (multi)
		ui_textf(r->y + r->h - 2, r->x + 1, r->w - 2, ui_attr(ui, UI_C_DIM), 1,
			 _("%s marks, %s accepts, %s cancels"), ui_keys_first(UI_ACT_LIST_TOGGLE),
			 ui_keys_first(UI_ACT_LIST_ACCEPT), ui_keys_first(UI_ACT_FORM_CANCEL));
	else
		ui_textf(r->y + r->h - 2, r->x + 1, r->w - 2, ui_attr(ui, UI_C_DIM), 1,
			 _("%s chooses, %s cancels"), ui_keys_first(UI_ACT_LIST_ACCEPT),
			 ui_keys_first(UI_ACT_FORM_CANCEL));
}

static void pick_mouse(struct ui *ui, struct pick *p, const struct ui_rect *r, int rows)
{
	if (ui->mouse_button == 1 && ui->mouse_y > r->y && ui->mouse_y < r->y + 1 + rows &&
	    p->l.top + (size_t)(ui->mouse_y - r->y - 1) < p->nshown)
		p->l.sel = p->l.top + (size_t)(ui->mouse_y - r->y - 1);
	else if (ui->mouse_button == 4)
		ui_list_action(&p->l, UI_ACT_UP, 1);
	else if (ui->mouse_button == 5)
		ui_list_action(&p->l, UI_ACT_DOWN, 1);
}

/* One key: -2 to go on, else the index chosen or -1 (cancelled). */
static long pick_key(struct pick *p, int key, int multi, int rows)
{
	int act;

	if (key == UI_KEY_EOF)
		return -1;
	if (key == UI_KEY_NONE || pick_filter_key(p, key, multi))
		return -2;
	act = ui_keys_action(key, UI_IN_LIST);
	/* Esc clears a filter first, then cancels. */
	if (act == UI_ACT_FORM_CANCEL && p->filtering) {
		size_t keep = p->nshown ? p->shown[p->l.sel] : 0;
		p->filter[0] = '\0';
		p->filtering = 0;
		pick_filter(p, keep);
		return -2;
	}
	if (act == UI_ACT_FORM_CANCEL || act == UI_ACT_QUIT)
		return -1;
	if (act == UI_ACT_LIST_ACCEPT)
		return p->nshown ? (long)p->shown[p->l.sel] : p->n ? -2 : -1;
	if (act == UI_ACT_LIST_TOGGLE && multi && p->nshown)
		p->items[p->shown[p->l.sel]].marked = !p->items[p->shown[p->l.sel]].marked;
	else if (act >= 0)
		ui_list_action(&p->l, (enum ui_action)act, rows);
	return -2;
}

long ui_dialog_pick(struct ui *ui, const char *title, struct ui_pick_item *items, size_t n,
		    size_t start, int multi)
{
	struct pick p = {items, n, "", 0, NULL, 0, {0, 0, 0}};
	long rc = -2;

	p.shown = util_xcalloc(n + 1, sizeof *p.shown);
	pick_filter(&p, start < n ? start : 0);
	while (rc == -2) {
		struct ui_rect r;
		int key, rows;

		ui_frame_draw(ui);
		pick_rect(&p, title, &r);
		rows = r.h - 3;
		ui_list_clamp(&p.l, rows);
		if (!ui->too_small && r.h >= 4 && r.w >= 8)
			pick_draw(ui, &p, title, multi, &r, rows);
		refresh();
		key = ui_term_key(ui);
		if (key == UI_KEY_MOUSE)
			pick_mouse(ui, &p, &r, rows);
		else
			rc = pick_key(&p, key, multi, rows);
	}
	free(p.shown);
	return rc;
}

/* ---- help: the keys of the current view, from keys.def ---- */

struct help_line {
	char keys[64];
	const char *text;
	int heading;
};

static size_t help_lines(struct ui *ui, const char *view_title, struct help_line *out, size_t max)
{
	static const struct {
		unsigned where;
		const char *title;
	} sections[] = {
	    {0, NULL}, {UI_IN_FORM, N_("In forms")}, {UI_IN_LIST, N_("In lists and dialogs")}};
	size_t n = 0;

	for (size_t s = 0; s < sizeof sections / sizeof sections[0]; s++) {
		unsigned where = sections[s].where ? sections[s].where : UI_IN(ui->view);
		const char *title = sections[s].title ? _(sections[s].title) : view_title;
		if (n < max) {
			snprintf(out[n].keys, sizeof out[n].keys, "%s", title);
			out[n].text = "";
			out[n++].heading = 1;
		}
		for (int a = 0; a < UI_NACTIONS && n < max; a++) {
			const struct ui_action_info *info = ui_keys_info((enum ui_action)a);
			if (!(info->where & where))
				continue;
			ui_keys_list((enum ui_action)a, out[n].keys, sizeof out[n].keys);
			out[n].text = _(info->help);
			out[n++].heading = 0;
		}
	}
	return n;
}

void ui_dialog_help(struct ui *ui, const char *title)
{
	struct help_line lines[3 * UI_NACTIONS + 8];
	size_t n = help_lines(ui, title, lines, sizeof lines / sizeof lines[0]);
	struct ui_list l = {n, 0, 0};

	for (;;) {
		struct ui_rect r = {1, 2, LINES - 3, COLS - 4};
		int key, act, rows = r.h - 3;

		ui_frame_draw(ui);
		if (!ui->too_small && r.h >= 4 && r.w >= 20) {
			char box[64];
			snprintf(box, sizeof box, _("Keys (%s closes)"),
				 ui_keys_first(UI_ACT_QUIT));
			ui_box(ui, &r, box, ui_attr(ui, UI_C_BORDER));
			if (l.top + (size_t)rows > n)
				l.top = n > (size_t)rows ? n - (size_t)rows : 0;
			for (int i = 0; i < rows && l.top + (size_t)i < n; i++) {
				const struct help_line *h = &lines[l.top + (size_t)i];
				int y = r.y + 1 + i;
				if (h->heading) {
					ui_text(y, r.x + 2, r.w - 4, h->keys,
						ui_attr(ui, UI_C_HEADER), 0);
					continue;
				}
				ui_text(y, r.x + 2, 18, h->keys, A_BOLD, 0);
				ui_text(y, r.x + 21, r.w - 23, h->text, A_NORMAL, 0);
			}
			ui_textf(r.y + r.h - 2, r.x + 2, r.w - 4, ui_attr(ui, UI_C_DIM), 0,
				 _("%zu-%zu of %zu  %s/%s %s/%s scroll"), n ? l.top + 1 : 0,
				 l.top + (size_t)rows < n ? l.top + (size_t)rows : n, n,
				 ui_keys_first(UI_ACT_DOWN), ui_keys_first(UI_ACT_UP),
				 ui_keys_first(UI_ACT_PAGE_UP), ui_keys_first(UI_ACT_PAGE_DOWN));
		}
		refresh();
		key = ui_term_key(ui);
		/* Closed by Esc, or by the keys that quit or ask for help. */
		act = ui_keys_action(key, UI_IN(ui->view));
		if (key == UI_KEY_EOF || key == UI_KEY_ESC || act == UI_ACT_QUIT ||
		    act == UI_ACT_HELP)
			return;
		if (key == UI_KEY_NONE)
			continue;
		if (key == UI_KEY_MOUSE) {
			if (ui->mouse_button == 4 && l.top > 0)
				l.top--;
			else if (ui->mouse_button == 5 && l.top + (size_t)rows < n)
				l.top++;
			continue;
		}
		act = ui_keys_action(key, UI_IN_LIST);
		if (act == UI_ACT_DOWN || act == UI_ACT_PAGE_DOWN) {
			size_t step = act == UI_ACT_DOWN ? 1 : (size_t)(rows > 1 ? rows - 1 : 1);
			if (l.top + (size_t)rows < n)
				l.top = l.top + step + (size_t)rows > n ? n - (size_t)rows
									: l.top + step;
		} else if (act == UI_ACT_UP || act == UI_ACT_PAGE_UP) {
			size_t step = act == UI_ACT_UP ? 1 : (size_t)(rows > 1 ? rows - 1 : 1);
			l.top = l.top > step ? l.top - step : 0;
		} else if (act == UI_ACT_HOME) {
			l.top = 0;
		} else if (act == UI_ACT_END) {
			l.top = n > (size_t)rows ? n - (size_t)rows : 0;
		}
	}
}
