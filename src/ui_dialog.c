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

#include "journeyhack/text.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

int ui_confirm(struct ui *ui, const char *question)
{
	for (;;) {
		int key;
		ui_draw(ui);
		if (!ui->too_small) {
			char q[600];
			snprintf(q, sizeof q, "%s (y/n)", question);
			ui_fill(LINES - 1, 0, COLS, A_NORMAL);
			ui_text(LINES - 1, 0, COLS, q, ui_attr(ui, UI_C_WARNING), 0);
		}
		ui_refresh(ui);
		key = ui_getkey(ui);
		if (key == 'y' || key == 'Y')
			return 1;
		if (key == 'n' || key == 'N' || key == UI_KEY_ESC || key == 'q' ||
		    key == UI_KEY_EOF)
			return 0;
	}
}

/* Remove the last UTF-8 character of buf. */
static void pop_char(char *buf)
{
	size_t n = strlen(buf);

	while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
		n--;
	if (n > 0)
		n--;
	buf[n] = '\0';
}

/* Append code point cp to buf as UTF-8 if it fits. */
static void push_char(char *buf, size_t size, unsigned int cp)
{
	char u[5];
	size_t n = 0, len = strlen(buf);

	if (cp < 0x80) {
		u[n++] = (char)cp;
	} else if (cp < 0x800) {
		u[n++] = (char)(0xC0 | (cp >> 6));
		u[n++] = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		u[n++] = (char)(0xE0 | (cp >> 12));
		u[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[n++] = (char)(0x80 | (cp & 0x3F));
	} else if (cp <= 0x10FFFF) {
		u[n++] = (char)(0xF0 | (cp >> 18));
		u[n++] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[n++] = (char)(0x80 | (cp & 0x3F));
	}
	if (len + n + 1 > size)
		return;
	memcpy(buf + len, u, n);
	buf[len + n] = '\0';
}

int ui_prompt(struct ui *ui, const char *label, char *buf, size_t size)
{
	int ok = -1;

	curs_set(1);
	while (ok < 0) {
		int key, lw, tw, room;
		ui_draw(ui);
		if (!ui->too_small) {
			const char *shown = buf;
			ui_fill(LINES - 1, 0, COLS, A_NORMAL);
			lw = ui_text(LINES - 1, 0, COLS, label, A_BOLD, 0);
			room = COLS - lw - 1;
			/* Keep the end of a long entry in view. */
			tw = text_width(shown);
			while (tw > room && *shown) {
				unsigned int cp;
				shown += text_decode(shown, strlen(shown), &cp);
				tw = text_width(shown);
			}
			ui_text(LINES - 1, lw, room, shown, A_NORMAL, 0);
			move(LINES - 1, lw + (tw < room ? tw : room));
		}
		refresh();
		key = ui_getkey(ui);
		if (key == UI_KEY_EOF || key == UI_KEY_ESC)
			ok = 0;
		else if (key == UI_KEY_ENTER)
			ok = 1;
		else if (key == 127 || key == 8 || key == UI_FKEY(KEY_BACKSPACE))
			pop_char(buf);
		else if (key == UI_CTRL('u'))
			buf[0] = '\0';
		else if (key >= 32 && key != 127 && key < 0x110000)
			push_char(buf, size, (unsigned int)key);
	}
	curs_set(0);
	return ok;
}

static void pick_rect(const struct ui_pick_item *items, size_t n, const char *title,
		      struct ui_rect *r)
{
	int w = text_width(title) + 6;

	for (size_t i = 0; i < n && i < 2000; i++) {
		int lw = text_width(items[i].label) + 8;
		if (lw > w)
			w = lw;
	}
	if (w > COLS - 4)
		w = COLS - 4;
	if (w > 90)
		w = 90;
	r->h = (int)(n > (size_t)LINES ? (size_t)LINES : n) + 3;
	if (r->h > LINES - 2)
		r->h = LINES - 2;
	r->w = w;
	r->y = (LINES - r->h) / 2;
	r->x = (COLS - r->w) / 2;
}

long ui_pick(struct ui *ui, const char *title, struct ui_pick_item *items, size_t n, size_t start,
	     int multi)
{
	struct ui_list l = {n, start < n ? start : 0, 0};

	for (;;) {
		struct ui_rect r;
		int key, act, rows;

		ui_draw(ui);
		pick_rect(items, n, title, &r);
		rows = r.h - 3;
		ui_list_clamp(&l, rows);
		if (!ui->too_small && r.h >= 4 && r.w >= 8) {
			ui_box(ui, &r, title, ui_attr(ui, UI_C_BORDER));
			for (int i = 0; i < rows && l.top + (size_t)i < n; i++) {
				size_t k = l.top + (size_t)i;
				char line[1024];
				attr_t a = k == l.sel ? ui_attr(ui, UI_C_SELECTED) : A_NORMAL;
				if (multi)
					snprintf(line, sizeof line, "[%s] %s",
						 items[k].marked ? "x" : " ", items[k].label);
				else
					snprintf(line, sizeof line, "%s", items[k].label);
				ui_text(r.y + 1 + i, r.x + 1, r.w - 2, line, a, 1);
			}
			ui_text(r.y + r.h - 2, r.x + 1, r.w - 2,
				multi ? "Space marks, Enter accepts, Esc cancels"
				      : "Enter chooses, Esc cancels",
				ui_attr(ui, UI_C_DIM), 1);
		}
		ui_refresh(ui);
		key = ui_getkey(ui);
		if (key == UI_KEY_EOF)
			return -1;
		if (key == UI_KEY_NONE)
			continue;
		if (key == UI_KEY_MOUSE) {
			if (ui->mouse_button == 1 && ui->mouse_y > r.y &&
			    ui->mouse_y < r.y + 1 + rows &&
			    l.top + (size_t)(ui->mouse_y - r.y - 1) < n)
				l.sel = l.top + (size_t)(ui->mouse_y - r.y - 1);
			else if (ui->mouse_button == 4)
				ui_list_action(&l, UI_ACT_UP, 1);
			else if (ui->mouse_button == 5)
				ui_list_action(&l, UI_ACT_DOWN, 1);
			continue;
		}
		act = ui_key_action(key, UI_IN_LIST);
		if (act == UI_ACT_FORM_CANCEL || act == UI_ACT_QUIT)
			return -1;
		if (act == UI_ACT_LIST_ACCEPT)
			return n ? (long)l.sel : -1;
		if (act == UI_ACT_LIST_TOGGLE && multi && n)
			items[l.sel].marked = !items[l.sel].marked;
		else if (act >= 0)
			ui_list_action(&l, (enum ui_action)act, rows);
	}
}

/* ---- help: the keys of the current view, from keys.def ---- */

struct help_line {
	char keys[64];
	const char *text;
	int heading;
};

static size_t help_lines(struct ui *ui, struct help_line *out, size_t max)
{
	static const struct {
		unsigned where;
		const char *title;
	} sections[] = {{0, NULL}, {UI_IN_FORM, "In forms"}, {UI_IN_LIST, "In lists and dialogs"}};
	size_t n = 0;

	for (size_t s = 0; s < sizeof sections / sizeof sections[0]; s++) {
		unsigned where = sections[s].where ? sections[s].where : UI_IN(ui->view);
		const char *title =
		    sections[s].title ? sections[s].title : view_get(ui->view)->title;
		if (n < max) {
			snprintf(out[n].keys, sizeof out[n].keys, "%s", title);
			out[n].text = "";
			out[n++].heading = 1;
		}
		for (int a = 0; a < UI_NACTIONS && n < max; a++) {
			const struct ui_action_info *info = ui_action_info((enum ui_action)a);
			if (!(info->where & where))
				continue;
			ui_action_keys((enum ui_action)a, out[n].keys, sizeof out[n].keys);
			out[n].text = info->help;
			out[n++].heading = 0;
		}
	}
	return n;
}

void ui_help(struct ui *ui)
{
	struct help_line lines[3 * UI_NACTIONS + 8];
	size_t n = help_lines(ui, lines, sizeof lines / sizeof lines[0]);
	struct ui_list l = {n, 0, 0};

	for (;;) {
		struct ui_rect r = {1, 2, LINES - 3, COLS - 4};
		int key, act, rows = r.h - 3;

		ui_draw(ui);
		if (!ui->too_small && r.h >= 4 && r.w >= 20) {
			ui_box(ui, &r, "Keys (q closes)", ui_attr(ui, UI_C_BORDER));
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
				 "%zu-%zu of %zu  j/k PgUp/PgDn scroll", n ? l.top + 1 : 0,
				 l.top + (size_t)rows < n ? l.top + (size_t)rows : n, n);
		}
		ui_refresh(ui);
		key = ui_getkey(ui);
		if (key == UI_KEY_EOF || key == UI_KEY_ESC || key == 'q' || key == '?')
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
		act = ui_key_action(key, UI_IN_LIST);
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
