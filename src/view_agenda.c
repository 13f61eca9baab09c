/* view_agenda.c: the agenda by day, the current step marked, and the
 * selected step's timebox and facilitator notes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/util.h"
#include "journeyhack/view.h"

/* A row is a day heading (step < 0) or a step (index into d.steps). */
struct row {
	long step;
	int day;
};

static struct {
	struct ui_list l;
	struct row *rows;
	jh_id sel_id;
	int last_current; /* current step at the last rebuild, -1 at start */
	int started;
} S;

static jh_id selected_id(const struct ui *ui)
{
	if (!S.l.n || S.l.sel >= S.l.n || S.rows[S.l.sel].step < 0)
		return 0;
	return ui->d.steps[S.rows[S.l.sel].step].id;
}

static void select_step_position(const struct ui *ui, int position)
{
	for (size_t i = 0; i < S.l.n; i++)
		if (S.rows[i].step >= 0 && ui->d.steps[S.rows[i].step].position == position)
			S.l.sel = i;
}

/* Day headings are not selectable: step over them in the direction of
 * travel, or back when at an end. */
static void skip_heading(int dir)
{
	while (S.l.n && S.rows[S.l.sel].step < 0) {
		if (dir > 0 && S.l.sel + 1 < S.l.n)
			S.l.sel++;
		else if (dir < 0 && S.l.sel > 0)
			S.l.sel--;
		else if (dir > 0)
			dir = -1;
		else if (S.l.sel + 1 < S.l.n)
			dir = 1;
		else
			break;
	}
}

static void rebuild(struct ui *ui)
{
	const struct jh_data *d = &ui->d;
	size_t n = 0;
	int day = -1;

	free(S.rows);
	S.rows = util_xcalloc(d->nsteps * 2 + 1, sizeof *S.rows);
	for (size_t i = 0; i < d->nsteps; i++) {
		if (d->steps[i].day != day) {
			day = d->steps[i].day;
			S.rows[n].step = -1;
			S.rows[n++].day = day;
		}
		S.rows[n].step = (long)i;
		S.rows[n++].day = day;
	}
	S.l.n = n;
	/* Follow the current step when it moves (here or in another
	 * terminal) if the cursor was on it; else keep the cursor's step. */
	if (!S.started || d->workshop.current_step != S.last_current) {
		int was_on_current = !S.started;
		for (size_t i = 0; i < n; i++)
			if (S.rows[i].step >= 0 && d->steps[S.rows[i].step].id == S.sel_id &&
			    d->steps[S.rows[i].step].position == S.last_current)
				was_on_current = 1;
		if (was_on_current)
			S.sel_id = 0;
	}
	S.l.sel = 0;
	if (S.sel_id) {
		for (size_t i = 0; i < n; i++)
			if (S.rows[i].step >= 0 && d->steps[S.rows[i].step].id == S.sel_id)
				S.l.sel = i;
	} else {
		select_step_position(ui, d->workshop.current_step);
	}
	S.started = 1;
	S.last_current = d->workshop.current_step;
	skip_heading(1);
	ui_list_clamp(&S.l, 1 << 20);
}

static void row(struct ui *ui, size_t i, const struct ui_rect *line, int sel)
{
	const struct row *rw = &S.rows[i];
	const struct jh_step *s;
	attr_t base = sel ? ui_attr(ui, UI_C_SELECTED) : A_NORMAL;
	int cur, past, x = line->x, right = line->w >= 60 ? 28 : 8;
	char tail[64];

	if (rw->step < 0) {
		ui_textf(line->y, x, line->w, ui_attr(ui, UI_C_HEADER), 0, "Day %d", rw->day);
		return;
	}
	s = &ui->d.steps[rw->step];
	cur = s->position == ui->d.workshop.current_step;
	past = s->position < ui->d.workshop.current_step;
	x += ui_text(line->y, x, 2, cur ? ui_glyph(ui, UI_G_PLAY) : " ",
		     sel ? base : ui_attr(ui, UI_C_CURRENT), 1);
	x += ui_textf(line->y, x, 4, base, 1, "%2d.", s->position + 1);
	if (right == 28)
		snprintf(tail, sizeof tail, "%4d min  %-10s %s", s->minutes, s->view,
			 s->private_ ? (s->revealed ? "shared" : "private") : "");
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

static void detail(struct ui *ui, const struct ui_rect *r)
{
	const struct jh_step *s;
	struct ui_rect t = *r;
	int n, v;
	char info[512];

	if (!S.l.n || S.rows[S.l.sel].step < 0 || r->h <= 0)
		return;
	s = &ui->d.steps[S.rows[S.l.sel].step];
	v = view_find(s->view);
	ui_textf(t.y, t.x, t.w, A_BOLD, 0, "%d. %s", s->position + 1, s->title);
	snprintf(info, sizeof info, "Day %d, %d minutes, works in %s (%d)%s%s", s->day, s->minutes,
		 v >= 0 ? view_get((enum ui_view_id)v)->title : s->view, v + 1,
		 s->private_ ? (s->revealed ? ", private writing (revealed)"
					    : ", private writing: hidden until R reveals it")
			     : "",
		 s->position == ui->d.workshop.current_step ? ", NOW" : "");
	t.y++;
	t.h--;
	n = ui_wrap(&t, 0, info, ui_attr(ui, UI_C_DIM));
	t.y += n + 1;
	t.h -= n + 1;
	if (t.h <= 0)
		return;
	n = ui_wrap(&t, 0, *s->notes ? s->notes : "(no facilitator notes)", A_NORMAL);
	t.y += n + 1;
	t.h -= n + 1;
	/* Ideation steps: the template's prompts, for when writing slows. */
	if (t.h > 1 && !strcmp(s->view, "backlog") && ui->d.nprompts) {
		ui_text(t.y++, t.x, t.w, "Prompts:", ui_attr(ui, UI_C_HEADER), 0);
		t.h--;
		for (size_t i = 0; i < ui->d.nprompts && t.h > 0; i++) {
			char p[1024];
			snprintf(p, sizeof p, "- %s", ui->d.prompts[i]);
			n = ui_wrap(&t, 0, p, A_NORMAL);
			t.y += n;
			t.h -= n;
		}
	}
}

static void draw(struct ui *ui, const struct ui_rect *r)
{
	struct ui_rect list, det;
	char header[256];

	S.sel_id = selected_id(ui);
	ui_split(r, 7, S.l.n, &list, &det);
	snprintf(header, sizeof header, "Agenda: %zu steps (Space makes the selected step current)",
		 ui->d.nsteps);
	ui_list_draw(ui, &S.l, &list, header, row);
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
	int flags;

	if (act == UI_ACT_STEP_GOTO) {
		if (!S.l.n || S.rows[S.l.sel].step < 0)
			return UI_HANDLED;
		return ui_edit_step(ui, ui->d.steps[S.rows[S.l.sel].step].position);
	}
	flags = ui_list_action(&S.l, act, r->h / 2);
	if (flags)
		skip_heading(act == UI_ACT_UP || act == UI_ACT_PAGE_UP || act == UI_ACT_END ? -1
											    : 1);
	return flags;
}

static int selected(struct ui *ui, enum jh_kind *kind, jh_id *id)
{
	jh_id sid = selected_id(ui);

	if (!sid)
		return -1;
	*kind = JH_STEP;
	*id = sid;
	return 0;
}

static int match(struct ui *ui, size_t i, const char *needle)
{
	const struct jh_step *s;

	if (S.rows[i].step < 0)
		return 0;
	s = &ui->d.steps[S.rows[i].step];
	return ui_match(s->title, needle) || ui_match(s->notes, needle);
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
	ui_split(r, 7, S.l.n, &list, &det);
	if (ui_list_click(&S.l, &list, 1, y))
		skip_heading(1);
}

static void cleanup(void)
{
	free(S.rows);
	memset(&S, 0, sizeof S);
}

const struct view_ops view_agenda_ops = {
    .name = "agenda",
    .title = "Agenda",
    .tab = "Agenda",
    .kind = JH_NKINDS,
    .rebuild = rebuild,
    .draw = draw,
    .action = action,
    .selected = selected,
    .search = search,
    .click = click,
    .cleanup = cleanup,
};
