/* view_agenda.c: the agenda by day, the current step marked, and the
 * selected step's timebox and facilitator notes. */
#include <stdio.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/session.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/ui_edit.h"
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

static void row(struct ui *ui, const void *state, const struct view_list_row *rw,
		const struct ui_rect *line, int sel)
{
	const struct jh_step *s;
	attr_t base = sel ? ui_attr(ui, UI_C_SELECTED) : A_NORMAL;
	int cur, past, x = line->x, right = line->w >= 60 ? 28 : 8;
	char tail[64];

	(void)state;
	if (rw->item < 0) {
		ui_textf(line->y, x, line->w, ui_attr(ui, UI_C_HEADER), 0, _("Day %ld"), rw->group);
		return;
	}
	s = &ui->d.steps[rw->item];
	cur = is_current(ui, s);
	past = session_step_number(&ui->d, s) <
	       session_step_number(&ui->d, session_current_step(&ui->d));
	x += ui_text(line->y, x, 2, cur ? ui_glyph(ui, UI_G_PLAY) : " ",
		     sel ? base : ui_attr(ui, UI_C_CURRENT), 1);
	x += ui_textf(line->y, x, 4, base, 1, "%2d.", s->position + 1);
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
	char info[512], mins[64];

	(void)state;
	snprintf(mins, sizeof mins, ngettext("%d minute", "%d minutes", (unsigned long)s->minutes),
		 s->minutes);
	ui_textf(t.y, t.x, t.w, A_BOLD, 0, "%d. %s", s->position + 1, s->title);
	snprintf(info, sizeof info, _("Day %d, %s, works in %s (%d)%s%s"), s->day, mins,
		 v >= 0 ? _(view_get((enum ui_view_id)v)->title) : s->view, v + 1,
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

static int action(struct ui *ui, void *state, enum ui_action act)
{
	const struct view_list_row *rw = view_list_current(state);
	const struct jh_step *s;

	if (act != UI_ACT_STEP_GOTO)
		return 0;
	if (!rw || rw->item < 0)
		return UI_HANDLED;
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
    .header = header,
    .row = row,
    .detail = detail,
    .action = action,
};

const struct view_ops view_agenda_ops = {
    .kind = JH_NKINDS,
    .private_size = sizeof(struct agenda),
    .list = &agenda,
    .rebuild = view_list_rebuild,
    .draw = view_list_draw,
    .action = agenda_action,
    .selected = view_list_selected,
    .search = agenda_search,
    .click = view_list_click,
    .cleanup = view_list_cleanup,
};
