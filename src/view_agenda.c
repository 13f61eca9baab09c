/* view_agenda.c: the agenda by day, the current step marked, and the
 * selected step's timebox and facilitator notes. */
#include <stdio.h>
#include <string.h>

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
	snprintf(buf, size, "Agenda: %zu steps (Space makes the selected step current)",
		 ui->d.nsteps);
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
		ui_textf(line->y, x, line->w, ui_attr(ui, UI_C_HEADER), 0, "Day %ld", rw->group);
		return;
	}
	s = &ui->d.steps[rw->item];
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

/* Ideation steps: the template's prompts, for when writing slows. */
static void prompts(struct ui *ui, struct ui_rect *t)
{
	ui_text(t->y++, t->x, t->w, "Prompts:", ui_attr(ui, UI_C_HEADER), 0);
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
	char info[512];

	(void)state;
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
	if (t.h > 1 && !strcmp(s->view, "backlog") && ui->d.nprompts)
		prompts(ui, &t);
}

static int action(struct ui *ui, void *state, enum ui_action act)
{
	const struct view_list_row *rw = view_list_current(state);

	if (act != UI_ACT_STEP_GOTO)
		return 0;
	if (!rw || rw->item < 0)
		return UI_HANDLED;
	return ui_edit_step(ui, ui->d.steps[rw->item].position);
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
    VIEW_LIST_OPS,
};
