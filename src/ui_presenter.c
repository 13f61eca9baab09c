/* ui_presenter.c: the presenter view (ui_presenter.h). The digits are
 * laid out by presenter.c; here they become blocks on the screen. Over
 * time shows as a minus, the words "over time" and the alarm colour, so
 * it reads without colour too (NO_COLOR). */
#include <stdio.h>
#include <string.h>

#include "journeyhack/focus.h"
#include "journeyhack/i18n.h"
#include "journeyhack/presenter.h"
#include "journeyhack/session.h"
#include "journeyhack/text.h"
#include "journeyhack/ui_bell.h"
#include "journeyhack/ui_focus.h"
#include "journeyhack/ui_presenter.h"
#include "journeyhack/ui_term.h"
#include "journeyhack/view.h"

#define TOP_ROWS    2 /* the step, a blank line */
#define BOTTOM_ROWS 5 /* the timer's words, a blank line, the focus (3) */
#define FOCUS_ROWS  3

/* Keys that still work on the projector: running the room. */
static int passes(enum ui_action act)
{
	return act == UI_ACT_TIMER || act == UI_ACT_TIMER_RESET || act == UI_ACT_STEP_NEXT ||
	       act == UI_ACT_STEP_PREV || act == UI_ACT_HELP || act == UI_ACT_REDRAW ||
	       act == UI_ACT_FOLLOW;
}

static void toggle_bell(struct ui *ui)
{
	ui_message(ui, 0,
		   ui_bell_toggle() ? _("The time-up bell is on at this terminal (%s: off)")
				    : _("The time-up bell is off at this terminal (%s: on)"),
		   ui_keys_first(UI_ACT_BELL));
}

int ui_presenter_key(struct ui *ui, int key)
{
	int act = ui_keys_action(key, UI_IN(ui->view));

	/* The "too small" notice promises that q quits, presenter or not. */
	if (ui->too_small)
		return 0;
	if (act == UI_ACT_PRESENTER || (ui->presenter && act == UI_ACT_QUIT)) {
		ui->presenter = act == UI_ACT_PRESENTER ? !ui->presenter : 0;
		clearok(curscr, TRUE);
		return 1;
	}
	if (act == UI_ACT_BELL) {
		toggle_bell(ui);
		return 1;
	}
	if (act >= 0 && ui_focus_action(ui, (enum ui_action)act))
		return 1;
	return ui->presenter && !(act >= 0 && passes((enum ui_action)act));
}

/* Text centred on row y, cut to the screen. */
static void centred(int y, const char *s, attr_t a)
{
	int w = text_width(s);

	if (w > COLS)
		w = COLS;
	ui_text(y, (COLS - w) / 2, w, s, a, 0);
}

static void draw_step(struct ui *ui)
{
	const struct jh_step *s = session_current_step(&ui->d);
	char t[512];

	if (s)
		snprintf(t, sizeof t, _("Step %d/%zu %s Day %d %s %s"),
			 session_step_number(&ui->d, s), ui->d.nsteps, ui_glyph(ui, UI_G_SEP),
			 s->day, ui_glyph(ui, UI_G_SEP), s->title);
	else
		snprintf(t, sizeof t, "%s", _("No agenda"));
	centred(0, t, ui_attr(ui, UI_C_CURRENT) | A_BOLD);
}

/* The clock in blocks of px x py cells per glyph pixel, centred in the
 * rows [top, top + h). */
static void draw_digits(struct ui *ui, const char *clock, const struct presenter_size *sz, int top,
			int h)
{
	const char *block = ui->utf8 ? "\xe2\x96\x88" : "#";
	int w = presenter_units(clock) * sz->px;
	int y0 = top + (h - PRESENTER_GLYPH_ROWS * sz->py) / 2;
	int x = (COLS - w) / 2;
	char run[256 * 3 + 1];
	size_t len = 0;

	run[0] = '\0';
	for (int i = 0; i < sz->px && len + strlen(block) < sizeof run; i++)
		len += (size_t)snprintf(run + len, sizeof run - len, "%s", block);
	for (const char *p = clock; *p; p++) {
		const char *const *rows;
		int gw = presenter_glyph(*p, &rows);
		for (int r = 0; r < PRESENTER_GLYPH_ROWS; r++)
			for (int c = 0; c < gw; c++)
				for (int k = 0; rows[r][c] == '#' && k < sz->py; k++)
					mvaddstr(y0 + r * sz->py + k, x + c * sz->px, run);
		x += (gw + 1) * sz->px;
	}
}

static void draw_timer(struct ui *ui)
{
	long left = session_timer_left(&ui->d, ui_term_now());
	int running = ui->d.workshop.timer_running;
	int top = TOP_ROWS, h = LINES - TOP_ROWS - BOTTOM_ROWS;
	attr_t a = left < 0 ? ui_attr(ui, UI_C_ALARM) | A_BOLD : A_BOLD;
	struct presenter_size sz;
	char clock[32], words[128];

	presenter_clock(left, clock, sizeof clock);
	if (left < 0)
		snprintf(words, sizeof words, _("OVER TIME by %s%s"), clock + 1,
			 running ? "" : _(" (paused)"));
	else
		snprintf(words, sizeof words, "%s %s",
			 ui_glyph(ui, running ? UI_G_PLAY : UI_G_PAUSE),
			 running ? _("left") : _("paused"));
	if (presenter_layout(COLS, h, presenter_units(clock), &sz)) {
		attron(a);
		draw_digits(ui, clock, &sz, top, h);
		attroff(a);
		centred(top + h, words, a);
	} else {
		char line[192];
		snprintf(line, sizeof line, "%s  %s", clock, words);
		centred(top + (h > 0 ? h / 2 : 0), line, a);
	}
	ui_bell_timer(session_current_step(&ui->d) ? session_current_step(&ui->d)->id : 0, left,
		      running);
}

static void draw_focus(struct ui *ui)
{
	enum jh_kind kind;
	jh_id id;
	char t[1024];
	struct ui_rect r = {LINES - FOCUS_ROWS, 2, FOCUS_ROWS, COLS - 4};

	if (!focus_get(&ui->d, &kind, &id) || r.w <= 0 || r.y <= TOP_ROWS)
		return;
	snprintf(t, sizeof t, _("Focus %s %s: %s"), ui_glyph(ui, UI_G_ARROW), kinds_noun(kind, 1),
		 focus_text(&ui->d));
	ui_wrap(&r, 0, t, A_BOLD);
}

void ui_presenter_draw(struct ui *ui)
{
	draw_step(ui);
	draw_timer(ui);
	draw_focus(ui);
}
