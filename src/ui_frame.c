/* ui_frame.c: the frame around the views: the title bar with its tabs, the
 * status bar (who, the agenda step, the shared timer), the message line,
 * and the "too small" notice that replaces everything below the minimum. */
#include <stdio.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/session.h"
#include "journeyhack/text.h"
#include "journeyhack/ui_bell.h"
#include "journeyhack/ui_focus.h"
#include "journeyhack/ui_frame.h"
#include "journeyhack/ui_presenter.h"
#include "journeyhack/ui_roundbar.h"
#include "journeyhack/ui_signin.h"
#include "journeyhack/ui_term.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

#define MIN_COLS 40
#define MIN_ROWS 10

static int tab_x[UI_NVIEWS + 1]; /* where the tabs were drawn, for clicks */

int ui_frame_tab_at(int x)
{
	for (int i = 0; i < UI_NVIEWS; i++)
		if (x >= tab_x[i] && x < tab_x[i + 1])
			return i;
	return -1;
}

void ui_frame_view_rect(const struct ui *ui, struct ui_rect *r)
{
	(void)ui;
	r->y = 1;
	r->x = 0;
	r->h = LINES - 3;
	r->w = COLS;
}

static void draw_title(struct ui *ui)
{
	attr_t bar = ui_attr(ui, UI_C_TITLE);
	char left[512];
	int tabs_w = 0, compact;

	ui_fill(0, 0, COLS, bar);
	for (int i = 0; i < UI_NVIEWS; i++)
		tabs_w += text_width(_(view_get((enum ui_view_id)i)->tab)) + 3;
	tabs_w += 2; /* the current tab's brackets */
	/* Too narrow for every label: the other tabs show their numbers. */
	compact = COLS - tabs_w < 12;
	if (compact)
		tabs_w = 2 * UI_NVIEWS + 3 + text_width(_(view_get(ui->view)->tab));
	snprintf(left, sizeof left, " %s%s", ui->d.workshop.title ? ui->d.workshop.title : "",
		 ui->readonly ? _(" [read-only]") : "");
	if (COLS - tabs_w >= 12) {
		int x = COLS - tabs_w;
		ui_text(0, 0, COLS - tabs_w - 1, left, bar, 0);
		for (int i = 0; i < UI_NVIEWS; i++) {
			char t[64];
			int cur = i == (int)ui->view;
			/* Brackets mark the current tab without colour. */
			snprintf(t, sizeof t, cur ? "[%d %s]" : "%d %s", i + 1,
				 compact && !cur ? "" : _(view_get((enum ui_view_id)i)->tab));
			if (compact && !cur)
				t[strlen(t) - 1] = '\0';
			tab_x[i] = x;
			x += ui_text(0, x, 1, " ", bar, 0);
			x += ui_text(0, x, COLS - x, t, cur ? ui_attr(ui, UI_C_TAB) : bar, 0);
		}
		tab_x[UI_NVIEWS] = x;
	} else {
		char t[128];
		snprintf(t, sizeof t, "%d/%d %s ", ui->view + 1, UI_NVIEWS,
			 _(view_get(ui->view)->title));
		int tw = text_width(t);
		ui_text(0, 0, COLS - tw, left, bar, 0);
		ui_text(0, COLS - tw, tw, t, bar | A_BOLD, 0);
		for (int i = 0; i <= UI_NVIEWS; i++)
			tab_x[i] = COLS;
	}
}

/* "[focus: following] " after the bar's separator, before the step,
 * where a narrow terminal does not cut it off. */
static void insert_focus(const struct ui *ui, char *step, size_t size)
{
	size_t at = strlen(ui_glyph(ui, UI_G_SEP)) + 1, len = strlen(step), flen;
	char f[128];

	ui_focus_status(ui, f, sizeof f);
	flen = strlen(f);
	if (!flen || len < at || len + flen >= size)
		return;
	memmove(step + at + flen, step + at, len - at + 1);
	memcpy(step + at, f, flen);
}

/* A voting round and who is ready go first: a long step title is cut. */
static void with_rounds(const struct ui *ui, char *step, size_t size)
{
	char rounds[256], both[1024];
	size_t n;

	ui_roundbar_text(ui, rounds, sizeof rounds);
	if (!rounds[0] || !size)
		return;
	snprintf(both, sizeof both, "%s %s%s", ui_glyph(ui, UI_G_SEP), rounds, step);
	n = strlen(both);
	/* Cut where a character starts, never inside one. */
	for (n = n < size ? n : size - 1; n && (both[n] & 0xC0) == 0x80; n--)
		;
	memcpy(step, both, n);
	step[n] = '\0';
}

static void draw_status(struct ui *ui)
{
	attr_t bar = ui_attr(ui, UI_C_STATUS);
	const struct jh_step *s = session_current_step(&ui->d);
	char who[512], step[512], timer[64];
	int y = LINES - 2, tw, ww;
	long left = session_timer_left(&ui->d, ui_term_now());
	attr_t ta = bar;

	ui_signin_status(ui, who, sizeof who);
	if (s)
		snprintf(step, sizeof step, _("%s %sStep %d/%zu %s%s"), ui_glyph(ui, UI_G_SEP),
			 ui->stay ? _("[staying] ") : "", session_step_number(&ui->d, s),
			 ui->d.nsteps, s->title, session_step_hides(s) ? _(" (private)") : "");
	else
		snprintf(step, sizeof step, _("%s no agenda"), ui_glyph(ui, UI_G_SEP));
	insert_focus(ui, step, sizeof step);
	with_rounds(ui, step, sizeof step);
	if (!s)
		timer[0] = '\0';
	else if (left < 0) {
		snprintf(timer, sizeof timer, _(" TIME UP +%02ld:%02ld%s "), -left / 60, -left % 60,
			 ui->d.workshop.timer_running ? "" : _(" (paused)"));
		ta = ui_attr(ui, UI_C_ALARM);
	} else {
		snprintf(timer, sizeof timer, _(" %s %02ld:%02ld left "),
			 ui_glyph(ui, ui->d.workshop.timer_running ? UI_G_PLAY : UI_G_PAUSE),
			 left / 60, left % 60);
		if (left < 60 && ui->d.workshop.timer_running)
			ta = ui_attr(ui, UI_C_WARNING) | A_REVERSE;
	}
	ui_fill(y, 0, COLS, bar);
	tw = text_width(timer);
	if (tw > COLS)
		tw = COLS;
	ww = text_width(who);
	if (ww > COLS / 2)
		ww = COLS / 2;
	ui_text(y, 0, ww, who, bar, 0);
	ui_text(y, ww + 1, COLS - ww - 1 - tw - 1, step, bar, 0);
	ui_text(y, COLS - tw, tw, timer, ta, 0);
	ui_bell_timer(s ? s->id : 0, left, ui->d.workshop.timer_running);
}

void ui_frame_draw(struct ui *ui)
{
	struct ui_rect r;

	erase();
	ui->rows = LINES;
	ui->cols = COLS;
	ui->too_small = COLS < MIN_COLS || LINES < MIN_ROWS;
	if (ui->too_small) {
		struct ui_rect all = {0, 0, LINES, COLS};
		char t[128];
		snprintf(t, sizeof t, _("Terminal too small: %dx%d, need %dx%d. %s quits."), COLS,
			 LINES, MIN_COLS, MIN_ROWS, ui_keys_first(UI_ACT_QUIT));
		ui_wrap(&all, 0, t, A_BOLD);
		return;
	}
	if (!ui->d.workshop.id) {
		/* Nothing loaded yet (choosing a workshop): just the name. */
		ui_fill(0, 0, COLS, ui_attr(ui, UI_C_TITLE));
		ui_text(0, 0, COLS, " journeyhack", ui_attr(ui, UI_C_TITLE), 0);
		return;
	}
	if (ui->presenter) {
		ui_presenter_draw(ui);
		return;
	}
	draw_title(ui);
	ui_frame_view_rect(ui, &r);
	view_get(ui->view)->ops->draw(ui, &r);
	draw_status(ui);
	ui_message_draw(ui);
}
