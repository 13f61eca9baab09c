/* view_agenda.c: the agenda by day, the current step marked, and the
 * selected step's timebox and facilitator notes. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "journeyhack/i18n.h"
#include "journeyhack/session.h"
#include "journeyhack/timing.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/ui_edit.h"
#include "journeyhack/ui_setup.h"
#include "journeyhack/ui_term.h"
#include "journeyhack/view_list.h"

/* Rows: steps (index into d.steps) under a heading per day. */
struct agenda {
	struct view_list list;
	int last_current; /* current step at the last rebuild */
	int started;
};

static const size_t search[] = {offsetof(struct jh_step, title), offsetof(struct jh_step, notes)};

static void build(struct ui *ui, void *state)
{
	for (size_t i = 0; i < ui->d.nsteps; i++)
		view_list_add(state, (long)i, ui->d.steps[i].day);
}

static int position_of(const struct ui *ui, const struct view_list_row *rw)
{
	return rw->item >= 0 ? ui->d.steps[rw->item].position : -1;
}

/* The step the room is in, by the rule the command line uses too. */
static int is_current(const struct ui *ui, const struct jh_step *s)
{
	return s == session_current_step(&ui->d);
}

/* Follow the current step when it moves (here or in another terminal) if
 * the cursor was on it; else keep the cursor's step. */
static void keep(struct ui *ui, void *state)
{
	struct agenda *S = state;
	struct view_list *vl = &S->list;
	int current = ui->d.workshop.current_step;

	if (!S->started || current != S->last_current) {
		int was_on_current = !S->started;
		for (size_t i = 0; i < vl->l.n; i++)
			if (vl->rows[i].item >= 0 &&
			    ui->d.steps[vl->rows[i].item].id == vl->sel_id &&
			    position_of(ui, &vl->rows[i]) == S->last_current)
				was_on_current = 1;
		if (was_on_current)
			vl->sel_id = 0;
	}
	vl->l.sel = 0;
	if (vl->sel_id)
		view_list_select_id(ui, vl, vl->sel_id);
	else
		for (size_t i = 0; i < vl->l.n; i++)
			if (position_of(ui, &vl->rows[i]) == current)
				vl->l.sel = i;
	S->started = 1;
	S->last_current = current;
}

static void header(const struct ui *ui, const void *state, int w, char *buf, size_t size)
{
	(void)state;
	(void)w;
	snprintf(buf, size, _("Agenda: %zu steps (%s starts the selected step)"), ui->d.nsteps,
		 ui_keys_first(UI_ACT_STEP_GOTO));
}

/* Seconds after local midnight now: what the agenda's clock times mean. */
static long clock_now(void)
{
	time_t now = (time_t)ui_term_now();
	struct tm tm;

	if (!localtime_r(&now, &tm))
		return 0;
	return tm.tm_hour * 3600L + tm.tm_min * 60L + tm.tm_sec;
}

/* The room runs late only while its step's timer runs: an agenda read
 * the evening before, or paused for a discussion, is not late. Seconds
 * behind, 0 when not late. */
static long late_now(const struct ui *ui)
{
	long late;

	if (!ui->d.workshop.timer_running)
		return 0;
	late = timing_late(&ui->d, clock_now());
	return late > 0 ? late : 0;
}

static int banner(const struct ui *ui, char *buf, size_t size)
{
	long late = late_now(ui);

	if (late < 60)
		return 0;
	snprintf(buf, size, _("%s Running %ld min late: the step was planned to end %ld min ago"),
		 ui->utf8 ? "\u26a0" : "!", late / 60, late / 60);
	return 1;
}

/* "Day 2  08:30-11:30  3 h 0 min": when the day runs and how long its
 * steps take (a fixed start after lunch makes the span longer). */
static void day_heading(struct ui *ui, long day, const struct ui_rect *line)
{
	int total = timing_day_minutes(&ui->d, (int)day);
	long first = -1, last = -1;
	char from[8], to[8];

	for (size_t i = 0; i < ui->d.nsteps; i++)
		if (ui->d.steps[i].day == day) {
			if (first < 0)
				first = (long)i;
			last = (long)i;
		}
	if (first < 0) {
		ui_textf(line->y, line->x, line->w, ui_attr(ui, UI_C_HEADER), 0, _("Day %ld"), day);
		return;
	}
	timing_format(timing_step_start(&ui->d, (size_t)first), from, sizeof from);
	timing_format(timing_step_start(&ui->d, (size_t)last) + ui->d.steps[last].minutes, to,
		      sizeof to);
	ui_textf(line->y, line->x, line->w, ui_attr(ui, UI_C_HEADER), 0,
		 _("Day %ld  %s-%s  %d h %02d min"), day, from, to, total / 60, total % 60);
}

static void row(struct ui *ui, const void *state, const struct view_list_row *rw,
		const struct ui_rect *line, int sel)
{
	const struct jh_step *s;
	attr_t base = sel ? ui_attr(ui, UI_C_SELECTED) : A_NORMAL;
	int cur, past, x = line->x, right = line->w >= 60 ? 28 : 8;
	char tail[64], clock[8];

	(void)state;
	if (rw->item < 0) {
		day_heading(ui, rw->group, line);
		return;
	}
	s = &ui->d.steps[rw->item];
	cur = is_current(ui, s);
	past = session_step_number(&ui->d, s) <
	       session_step_number(&ui->d, session_current_step(&ui->d));
	x += ui_text(line->y, x, 2, cur ? ui_glyph(ui, UI_G_PLAY) : " ",
		     sel ? base : ui_attr(ui, UI_C_CURRENT), 1);
	x += ui_textf(line->y, x, 4, base, 1, "%2d.", s->position + 1);
	/* The clock time it starts at; the current step's in the warning
	 * colour while the room runs late. */
	timing_format(timing_step_start(&ui->d, (size_t)rw->item), clock, sizeof clock);
	if (line->w >= 40)
		x += ui_text(line->y, x, 6, clock,
			     sel			 ? base
			     : cur && late_now(ui) >= 60 ? ui_attr(ui, UI_C_WARNING)
			     : s->start >= 0		 ? A_BOLD
							 : ui_attr(ui, UI_C_DIM),
			     1);
	if (right == 28)
		snprintf(tail, sizeof tail, "%4d min  %-10s %s", s->minutes, s->view,
			 s->private_ ? (s->revealed ? _("shared") : _("private")) : "");
	else
		snprintf(tail, sizeof tail, "%4d min", s->minutes);
	ui_text(line->y, x, line->w - (x - line->x) - right - 1, s->title,
		sel    ? base
		: cur  ? ui_attr(ui, UI_C_CURRENT)
		: past ? ui_attr(ui, UI_C_DIM)
		       : base,
		1);
	ui_text(line->y, line->x + line->w - right, right, tail, sel ? base : ui_attr(ui, UI_C_DIM),
		1);
}

/* Ideation steps: the template's prompts, for when writing slows. */
static void prompts(struct ui *ui, struct ui_rect *t)
{
	ui_text(t->y++, t->x, t->w, _("Prompts:"), ui_attr(ui, UI_C_HEADER), 0);
	t->h--;
	for (size_t i = 0; i < ui->d.nprompts && t->h > 0; i++) {
		char p[1024];
		int n;
		snprintf(p, sizeof p, "- %s", ui->d.prompts[i]);
		n = ui_wrap(t, 0, p, A_NORMAL);
		t->y += n;
		t->h -= n;
	}
}

static void detail(struct ui *ui, void *state, const struct view_list_row *rw,
		   const struct ui_rect *r)
{
	const struct jh_step *s = &ui->d.steps[rw->item];
	int v = view_find(s->view), n;
	struct ui_rect t = *r;
	char info[512], mins[64], from[8], to[8];

	(void)state;
	snprintf(mins, sizeof mins, ngettext("%d minute", "%d minutes", (unsigned long)s->minutes),
		 s->minutes);
	ui_textf(t.y, t.x, t.w, A_BOLD, 0, "%d. %s", s->position + 1, s->title);
	timing_format(timing_step_start(&ui->d, (size_t)rw->item), from, sizeof from);
	timing_format(timing_step_start(&ui->d, (size_t)rw->item) + s->minutes, to, sizeof to);
	snprintf(info, sizeof info, _("Day %d, %s-%s, %s, works in %s (%d)%s%s"), s->day, from, to,
		 mins, v >= 0 ? _(view_get((enum ui_view_id)v)->title) : s->view, v + 1,
		 s->private_ ? (s->revealed ? _(", private writing (revealed)")
					    : _(", private writing: hidden until R reveals it"))
			     : "",
		 is_current(ui, s) ? _(", NOW") : "");
	t.y++;
	t.h--;
	n = ui_wrap(&t, 0, info, ui_attr(ui, UI_C_DIM));
	t.y += n + 1;
	t.h -= n + 1;
	if (t.h <= 0)
		return;
	/* Notes are the facilitator's script, not the room's. */
	if (session_notes_visible(&ui->d, ui->me)) {
		n = ui_wrap(&t, 0, *s->notes ? s->notes : _("(no facilitator notes)"), A_NORMAL);
		t.y += n + 1;
		t.h -= n + 1;
	}
	if (t.h > 1 && !strcmp(s->view, "backlog") && ui->d.nprompts)
		prompts(ui, &t);
}

/* Starting another step resets the room's timer: with time on it, the
 * facilitator says so first. */
static int confirm_start(struct ui *ui, const struct jh_step *s)
{
	const struct jh_workshop *w = &ui->d.workshop;
	long used = session_timer_elapsed(w, ui_term_now());
	char q[512];

	if (!w->timer_running && used <= 0)
		return 1;
	snprintf(q, sizeof q,
		 _("Timer %s at %02ld:%02ld: start step %d for the room and reset it?"),
		 w->timer_running ? _("running") : _("paused"), used / 60, used % 60,
		 session_step_number(&ui->d, s));
	return ui_dialog_confirm(ui, q);
}

/* Reordering and retiming: the facilitator's, as editing a step is. */
static int edit_step(struct ui *ui, enum ui_action act, size_t i)
{
	switch (act) {
	case UI_ACT_STEP_UP:
	case UI_ACT_STEP_DOWN:
		return ui_setup_step_move(ui, i, act == UI_ACT_STEP_UP ? -1 : 1);
	case UI_ACT_TIMEBOX_LONGER:
	case UI_ACT_TIMEBOX_SHORTER:
		return ui_setup_timebox(ui, i, act == UI_ACT_TIMEBOX_LONGER ? 5 : -5);
	default:
		return ui_setup_step_start(ui, i);
	}
}

/* A new step goes after the selected one, on its day. */
static size_t presets(struct ui *ui, enum jh_kind kind, char (*buf)[128], size_t max)
{
	const struct view_list *vl = view_private(ui);
	const struct view_list_row *rw = view_list_current(vl);
	size_t n = 0;

	if (kind != JH_STEP || !rw || rw->item < 0 || max < 2)
		return 0;
	snprintf(buf[n++], 128, "day=%d", ui->d.steps[rw->item].day);
	snprintf(buf[n++], 128, "position=%d", ui->d.steps[rw->item].position + 1);
	return n;
}

static int action(struct ui *ui, void *state, enum ui_action act)
{
	const struct view_list_row *rw = view_list_current(state);
	const struct jh_step *s;
	int edit = act == UI_ACT_STEP_UP || act == UI_ACT_STEP_DOWN ||
		   act == UI_ACT_TIMEBOX_LONGER || act == UI_ACT_TIMEBOX_SHORTER ||
		   act == UI_ACT_STEP_START;

	if (act != UI_ACT_STEP_GOTO && !edit)
		return 0;
	if (!rw || rw->item < 0)
		return UI_HANDLED;
	if (edit)
		return edit_step(ui, act, (size_t)rw->item);
	s = &ui->d.steps[rw->item];
	if (is_current(ui, s)) {
		ui_message(ui, 0, _("Step %d is already the current step"),
			   session_step_number(&ui->d, s));
		return UI_HANDLED;
	}
	if (!ui_edit_facilitator(ui, SESSION_MOVE_AGENDA))
		return UI_HANDLED;
	if (!confirm_start(ui, s)) {
		ui_message(ui, 0, _("The room stays at step %d"),
			   session_step_number(&ui->d, session_current_step(&ui->d)));
		return UI_HANDLED;
	}
	return ui_edit_step(ui, s->position);
}

/* / finds steps by title, and by notes only for who may read them: a
 * match must not point at text the screen hides. */
static int match(struct ui *ui, size_t i, const char *needle)
{
	const struct view_list *vl = view_private(ui);
	const struct jh_step *s;

	if (vl->rows[i].item < 0)
		return 0;
	s = &ui->d.steps[vl->rows[i].item];
	return ui_match(s->title, needle) ||
	       (session_notes_visible(&ui->d, ui->me) && ui_match(s->notes, needle));
}

static int agenda_search(struct ui *ui, const char *needle, int dir)
{
	struct view_list *vl = view_private(ui);
	int rc = ui_list_search(&vl->l, dir, match, ui, needle);

	vl->sel_id = view_list_selected_id(ui, vl);
	return rc;
}

/* Space pages like in less; the list's own page-down does the work. */
static int agenda_action(struct ui *ui, enum ui_action act, const struct ui_rect *r)
{
	return view_list_action(ui, act == UI_ACT_PAGE_DOWN_SPACE ? UI_ACT_PAGE_DOWN : act, r);
}

static const struct view_list_class agenda = {
    .kind = JH_STEP,
    .grouped = 1, /* nsorts 0: rows stay in day order */
    .detail_min = 7,
    VIEW_LIST_SEARCH(search),
    .build = build,
    .keep = keep,
    .banner = banner,
    .header = header,
    .row = row,
    .detail = detail,
    .action = action,
};

const struct view_ops view_agenda_ops = {
    .kind = JH_STEP,
    .private_size = sizeof(struct agenda),
    .list = &agenda,
    .rebuild = view_list_rebuild,
    .draw = view_list_draw,
    .action = agenda_action,
    .selected = view_list_selected,
    .search = agenda_search,
    .click = view_list_click,
    .presets = presets,
    .focus = view_list_focus,
    .cleanup = view_list_cleanup,
};
