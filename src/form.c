/* form.c: forms generated from kinds.h, validated by items.c.
 *
 * A form is a loop like every overlay: draw the base screen, draw the
 * form, read a key. Values stay text until saved, exactly as the command
 * line would receive them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "journeyhack/form.h"
#include "journeyhack/i18n.h"
#include "journeyhack/items.h"
#include "journeyhack/reldate.h"
#include "journeyhack/store.h"
#include "journeyhack/text.h"
#include "journeyhack/ui_apply.h"
#include "journeyhack/ui_dialog.h"
#include "journeyhack/testcard.h"
#include "journeyhack/ui_editor.h"
#include "journeyhack/ui_frame.h"
#include "journeyhack/ui_line.h"
#include "journeyhack/ui_term.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

static const char *const bool_values[] = {"no", "yes"};

static int shown_field(const struct jh_field_def *d, enum jh_kind kind, int for_add)
{
	/* Bookkeeping the UI fills itself: who wrote it, where it sits, the
	 * agenda step it was written in. */
	if (!strcmp(d->name, "position") || !strcmp(d->name, "author") ||
	    (!strcmp(d->name, "step") && d->type == JF_REF))
		return 0;
	if (!strcmp(d->name, "stages"))
		return kind == JH_JOURNEY && for_add;
	/* An item's identity across exports, never typed. */
	if (!strcmp(d->name, "uuid"))
		return 0;
	return 1;
}

void form_set_choices(struct form_field *ff, const struct form_choice *c, size_t n)
{
	for (size_t i = 0; i < ff->nchoices; i++) {
		free(ff->choices[i].value);
		free(ff->choices[i].label);
	}
	free(ff->choices);
	ff->choices = n ? util_xcalloc(n, sizeof *ff->choices) : NULL;
	for (size_t i = 0; i < n; i++) {
		ff->choices[i].value = util_xstrdup(c[i].value);
		ff->choices[i].label = util_xstrdup(c[i].label);
	}
	ff->nchoices = n;
}

/* Choices whose value is also their label; the copies are writable
 * because form_choice owns its strings. */
static void set_same_choices(struct form_field *ff, const char *const *text, size_t n)
{
	struct form_choice c[16] = {{NULL, NULL}};

	for (size_t i = 0; i < n; i++)
		c[i].value = c[i].label = util_xstrdup(text[i]);
	form_set_choices(ff, c, n);
	for (size_t i = 0; i < n; i++)
		free(c[i].value);
}

/* Fixed choices come from the field table; references are filled by
 * the caller's `changed` hook, which knows the workshop. */
static void static_choices(struct form_field *ff)
{
	const struct jh_field_def *d = ff->def;
	const char *text[16];
	char buf[16][12];
	size_t n = 0;

	if (d->type == JF_ENUM) {
		for (n = 0; n < 16 && d->choices[n]; n++)
			text[n] = d->choices[n];
	} else if (d->type == JF_BOOL) {
		for (n = 0; n < 2; n++)
			text[n] = bool_values[n];
	} else if (d->type == JF_INT && d->max - d->min < 16) {
		for (int v = d->min; v <= d->max; v++, n++) {
			snprintf(buf[n], sizeof buf[n], "%d", v);
			text[n] = buf[n];
		}
	}
	set_same_choices(ff, text, n);
}

void form_init(struct form *form, enum jh_kind kind, jh_id id, int for_add)
{
	const struct jh_kind_def *k = kinds_get(kind);

	memset(form, 0, sizeof *form);
	form->kind = kind;
	form->id = id;
	snprintf(form->title, sizeof form->title, "%s %s", for_add ? _("New") : _("Edit"),
		 kinds_title_noun(k->kind));
	form->f = util_xcalloc(k->nfields, sizeof *form->f);
	form->n = k->nfields;
	for (size_t i = 0; i < k->nfields; i++) {
		struct form_field *ff = &form->f[i];
		const struct jh_field_def *d = &k->fields[i];
		ff->def = d;
		ff->hidden = !shown_field(d, kind, for_add);
		switch (d->type) {
		case JF_LONGTEXT:
			ff->mode = FORM_LONG;
			break;
		case JF_ENUM:
		case JF_BOOL:
		case JF_REF:
			ff->mode = FORM_CHOICE;
			break;
		case JF_INT:
			ff->mode = d->max - d->min < 16 ? FORM_CHOICE : FORM_TEXT;
			break;
		case JF_IDLIST:
			ff->mode = FORM_IDLIST;
			break;
		default:
			ff->mode = !strcmp(d->name, "channel") || !strcmp(d->name, "owner") ||
					   !strcmp(d->name, "department")
				       ? FORM_SUGGEST
				       : FORM_TEXT;
		}
		static_choices(ff);
		ui_line_init(&ff->line, for_add && d->defval ? d->defval : "", 0);
		if (d->type == JF_BOOL && for_add && d->defval)
			ui_line_set(&ff->line, strcmp(d->defval, "0") ? "yes" : "no");
		ff->orig = util_xstrdup(ff->line.text);
	}
	/* The cursor starts in the first field shown: the title or name. */
	while (form->cur < form->n && form->f[form->cur].hidden)
		form->cur++;
}

void form_free(struct form *form)
{
	for (size_t i = 0; i < form->n; i++) {
		form_set_choices(&form->f[i], NULL, 0);
		ui_line_free(&form->f[i].line);
		free(form->f[i].orig);
	}
	free(form->f);
	memset(form, 0, sizeof *form);
}

struct form_field *form_field(struct form *form, const char *name)
{
	for (size_t i = 0; i < form->n; i++)
		if (!strcmp(form->f[i].def->name, name))
			return &form->f[i];
	return NULL;
}

const char *form_get(const struct form *form, const char *name)
{
	for (size_t i = 0; i < form->n; i++)
		if (!strcmp(form->f[i].def->name, name))
			return form->f[i].line.text;
	return NULL;
}

void form_set(struct form *form, const char *name, const char *value)
{
	struct form_field *ff = form_field(form, name);

	if (ff)
		ui_line_set(&ff->line, value);
}

void form_mark_orig(struct form *form)
{
	for (size_t i = 0; i < form->n; i++) {
		free(form->f[i].orig);
		form->f[i].orig = util_xstrdup(form->f[i].line.text);
	}
}

static void check_field(struct form_field *ff)
{
	struct jh_err err;

	ff->error[0] = '\0';
	/* An empty optional value means "the default" or "none". */
	if (!*ff->line.text && !ff->def->required)
		return;
	if (!*ff->line.text && ff->def->type == JF_INT)
		return;
	if (items_check_value(ff->def, ff->line.text, &err))
		snprintf(ff->error, sizeof ff->error, "%s", err.msg);
}

/* An edit saves only the values changed, so one left as the item holds
 * it is not judged as typed input: an idea linked to thousands of pain
 * points holds a longer list than one typed value may be, and that must
 * not stop a change to its title. */
static int kept(const struct form *form, const struct form_field *ff)
{
	return (form->id || form->kind == JH_WORKSHOP) && !strcmp(ff->line.text, ff->orig);
}

long form_validate(struct form *form)
{
	long first = -1;

	for (size_t i = 0; i < form->n; i++) {
		if (form->f[i].hidden)
			continue;
		if (kept(form, &form->f[i])) {
			form->f[i].error[0] = '\0';
			continue;
		}
		check_field(&form->f[i]);
		if (form->f[i].error[0] && first < 0)
			first = (long)i;
	}
	return first;
}

/* ---------------------------------------------------------- editing */

static long choice_index(const struct form_field *ff)
{
	for (size_t i = 0; i < ff->nchoices; i++)
		if (!strcmp(ff->choices[i].value, ff->line.text))
			return (long)i;
	return -1;
}

static void cycle(struct form_field *ff, int dir)
{
	long i = choice_index(ff);
	long n = (long)ff->nchoices;

	if (!n)
		return;
	if (i < 0)
		i = dir > 0 ? 0 : n - 1;
	else
		i = (i + dir + n) % n;
	ui_line_set(&ff->line, ff->choices[i].value);
}

/* How long a pause ends what is typed on a choice field: then the next
 * key starts a new prefix, as in list boxes elsewhere. */
#define TYPED_PAUSE_MS 1000

/* The first choice whose label (or value) starts with prefix, looking
 * from `from` on and round; -1 when none does. */
static long prefix_choice(const struct form_field *ff, const char *prefix, long from)
{
	long n = (long)ff->nchoices;

	for (long k = 0; k < n; k++) {
		long i = ((from < 0 ? 0 : from) + k) % n;
		if (text_starts_folded(ff->choices[i].label, prefix) ||
		    text_starts_folded(ff->choices[i].value, prefix))
			return i;
	}
	return -1;
}

/* One character, repeated: pressing it again steps through the choices
 * that start with it. */
static int one_char_repeated(const char *s)
{
	unsigned int c0, c;
	size_t n = text_decode(s, strlen(s), &c0), len = strlen(s);

	if (!n)
		return 0;
	for (size_t at = 0; at < len; at += n) {
		n = text_decode(s + at, len - at, &c);
		if (!n || c != c0)
			return 0;
	}
	return 1;
}

static void typed_reset(struct form *form)
{
	form->typed[0] = '\0';
}

/* Typing on a choice field builds a prefix: "-1" picks -1, "-" then "2"
 * picks -2; a key after a pause starts again. */
static void type_choice(struct form *form, struct form_field *ff, unsigned int cp)
{
	long long now = ui_term_now_ms();
	size_t len;
	long i;
	char one[8];

	if (form->typed_field != form->cur || now - form->typed_ms > TYPED_PAUSE_MS)
		typed_reset(form);
	form->typed_field = form->cur;
	form->typed_ms = now;
	one[text_encode(one, cp)] = '\0';
	len = strlen(form->typed);
	if (len + strlen(one) < sizeof form->typed)
		snprintf(form->typed + len, sizeof form->typed - len, "%s", one);
	i = prefix_choice(ff, form->typed, 0);
	if (i < 0 && one_char_repeated(form->typed))
		i = prefix_choice(ff, one, choice_index(ff) + 1);
	if (i < 0) {
		snprintf(form->typed, sizeof form->typed, "%s", one);
		i = prefix_choice(ff, one, 0);
	}
	if (i < 0) {
		snprintf(form->error, sizeof form->error, _("%s: no choice starts with \"%s\""),
			 ff->def->name, one);
		typed_reset(form);
		return;
	}
	ui_line_set(&ff->line, ff->choices[i].value);
}

/* Backspace takes back the last character typed on a choice field. */
static void untype_choice(struct form *form, struct form_field *ff)
{
	size_t len = strlen(form->typed);
	long i;

	if (form->typed_field != form->cur || !len)
		return;
	while (len > 0 && ((unsigned char)form->typed[len - 1] & 0xC0) == 0x80)
		len--;
	form->typed[len ? len - 1 : 0] = '\0';
	form->typed_ms = ui_term_now_ms();
	if (form->typed[0] && (i = prefix_choice(ff, form->typed, 0)) >= 0)
		ui_line_set(&ff->line, ff->choices[i].value);
}

static int contains_id(const char *list, const char *id)
{
	size_t n = strlen(id);
	const char *p = list;

	while (p && *p) {
		while (*p == ' ' || *p == ',')
			p++;
		if (!strncmp(p, id, n) && (p[n] == ',' || p[n] == ' ' || !p[n]))
			return 1;
		p = strchr(p, ',');
	}
	return 0;
}

/* The four parts of an idea's test card in one $EDITOR text: they are
 * written as one thought. A text whose headings cannot be read is offered
 * to the editor again, or kept for the next C-o in this form. */
static void testcard_in_form(struct ui *ui, struct form *form)
{
	static const char *const names[TESTCARD_NPARTS] = {"belief", "experiment", "metric",
							   "success"};
	static char *draft;
	const char *now[TESTCARD_NPARTS];
	char *parts[TESTCARD_NPARTS], *text, q[1200];
	struct jh_err err;

	if (form->kind != JH_IDEA) {
		snprintf(form->error, sizeof form->error, _("Only an idea has a test card"));
		return;
	}
	for (int i = 0; i < TESTCARD_NPARTS; i++)
		now[i] = form_get(form, names[i]);
	text = draft ? draft : testcard_format(now);
	draft = NULL;
	for (;;) {
		if (ui_editor(ui, &text, &err)) {
			draft = text;
			snprintf(form->error, sizeof form->error, "%s", err.msg);
			return;
		}
		if (!testcard_parse(text, parts, &err))
			break;
		snprintf(q, sizeof q, _("%s. Edit again?"), err.msg);
		if (!ui_dialog_confirm(ui, q)) {
			draft = text;
			snprintf(form->error, sizeof form->error,
				 _("Test card kept as a draft: the next edit starts from it"));
			return;
		}
	}
	free(text);
	for (int i = 0; i < TESTCARD_NPARTS; i++) {
		form_set(form, names[i], parts[i]);
		free(parts[i]);
	}
}

static void pick(struct ui *ui, struct form *form, struct form_field *ff)
{
	struct ui_pick_item *items;
	int multi = ff->mode == FORM_IDLIST;
	long start = choice_index(ff), k;
	char title[160];

	if (!ff->nchoices) {
		snprintf(form->error, sizeof form->error, _("%s: nothing to choose from"),
			 ff->def->name);
		return;
	}
	items = util_xcalloc(ff->nchoices, sizeof *items);
	for (size_t i = 0; i < ff->nchoices; i++) {
		items[i].label = ff->choices[i].label;
		items[i].marked = multi && contains_id(ff->line.text, ff->choices[i].value);
	}
	snprintf(title, sizeof title, "%s", _(ff->def->label));
	k = ui_dialog_pick(ui, title, items, ff->nchoices, start < 0 ? 0 : (size_t)start, multi);
	if (k >= 0 && !multi) {
		ui_line_set(&ff->line, ff->choices[k].value);
	} else if (k >= 0) {
		char *v = util_xstrdup("");
		size_t len = 0;
		for (size_t i = 0; i < ff->nchoices; i++) {
			size_t add;
			if (!items[i].marked)
				continue;
			add = strlen(ff->choices[i].value) + 1;
			v = util_xrealloc(v, len + add + 1);
			len += (size_t)snprintf(v + len, add + 1, "%s%s", len ? "," : "",
						ff->choices[i].value);
		}
		ui_line_set(&ff->line, v);
		free(v);
	}
	free(items);
}

/* ---------------------------------------------------------- drawing */

/* The hint names the keys in effect; drawn at once, so one buffer does. */
static const char *mode_hint(const struct form_field *ff)
{
	static char hint[128];
	const char *left = ui_keys_first(UI_ACT_FORM_CHOICE_PREV);
	const char *right = ui_keys_first(UI_ACT_FORM_CHOICE_NEXT);
	const char *list = ui_keys_first(UI_ACT_FORM_PICK);

	switch (ff->mode) {
	case FORM_LONG:
		snprintf(hint, sizeof hint, _("%s edits in $EDITOR"),
			 ui_keys_first(UI_ACT_FORM_EDITOR));
		return hint;
	case FORM_CHOICE:
		snprintf(hint, sizeof hint, _("%s/%s or %s list"), left, right, list);
		return hint;
	case FORM_SUGGEST:
		snprintf(hint, sizeof hint, _("type, or %s/%s, %s list"), left, right, list);
		return hint;
	case FORM_IDLIST:
		snprintf(hint, sizeof hint, _("ids, or %s to mark in a list"), list);
		return hint;
	default:
		return ff->def->type == JF_DATE ? _("YYYY-MM-DD, +2w or friday") : "";
	}
}

static void draft_notice(const struct form *form, char *buf, size_t size)
{
	time_t t = (time_t)form->draft_saved;
	struct tm tm;
	char when[32] = "earlier";

	if (localtime_r(&t, &tm))
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	snprintf(buf, size, _("Your unsaved draft from %s: %s restores it, %s discards it"), when,
		 ui_keys_first(UI_ACT_FORM_DRAFT_RESTORE),
		 ui_keys_first(UI_ACT_FORM_DRAFT_DISCARD));
}

static const char *display_value(const struct form_field *ff)
{
	long i;

	if (ff->mode != FORM_CHOICE && ff->mode != FORM_SUGGEST)
		return ff->line.text;
	i = choice_index(ff);
	return i >= 0 ? ff->choices[i].label : ff->line.text;
}

/* A choice as "< label >" on the current field: the whole label, however
 * long, so ui_text cuts it at the column and never mid-character. */
static void draw_choice(const struct form_field *ff, int cur, int y, int x, int w, attr_t a)
{
	const char *label = display_value(ff);
	size_t size = strlen(label) + 5;
	char *v = util_xmalloc(size);

	snprintf(v, size, cur ? "< %s >" : "  %s", label);
	ui_text(y, x, w, v, a, 1);
	free(v);
}

static void form_rect(const struct form *form, struct ui_rect *r, size_t shown)
{
	r->w = COLS - 2 < 84 ? COLS - 2 : 84;
	r->h = (int)shown + 5;
	if (r->h > LINES - 1)
		r->h = LINES - 1;
	r->y = (LINES - r->h) / 2;
	r->x = (COLS - r->w) / 2;
	(void)form;
}

static void form_draw(struct ui *ui, struct form *form, size_t *top)
{
	struct ui_rect r;
	size_t shown = 0, cur_row = 0;
	int lw = 0, rows, cx = -1, cy = -1;
	const char *msg;
	char notice[256];
	attr_t border = ui_attr(ui, UI_C_BORDER);

	for (size_t i = 0; i < form->n; i++) {
		int w;
		if (form->f[i].hidden)
			continue;
		if (i == form->cur)
			cur_row = shown;
		shown++;
		w = text_width(_(form->f[i].def->label));
		if (w > lw)
			lw = w;
	}
	form_rect(form, &r, shown);
	if (ui->too_small || r.h < 5 || r.w < 24) {
		curs_set(0);
		return;
	}
	if (lw > r.w / 3)
		lw = r.w / 3;
	rows = r.h - 5;
	if (cur_row < *top)
		*top = cur_row;
	if (cur_row >= *top + (size_t)rows)
		*top = cur_row - (size_t)rows + 1;
	ui_box(ui, &r, form->title, border);
	for (size_t i = 0, row = 0; i < form->n; i++) {
		struct form_field *ff = &form->f[i];
		int y, vx = r.x + 2 + lw + 3, vw = r.w - (vx - r.x) - 2, cur = i == form->cur;
		attr_t a = cur ? ui_attr(ui, UI_C_SELECTED) : A_NORMAL;
		char label[128];
		if (ff->hidden)
			continue;
		if (row < *top || row >= *top + (size_t)rows) {
			row++;
			continue;
		}
		y = r.y + 1 + (int)(row - *top);
		row++;
		snprintf(label, sizeof label, "%s%s", ff->error[0] ? "!" : " ", _(ff->def->label));
		ui_text(y, r.x + 1, lw + 1, label,
			ff->error[0] ? ui_attr(ui, UI_C_ERROR)
			: cur	     ? A_BOLD
				     : A_NORMAL,
			0);
		ui_text(y, r.x + 2 + lw, 2, ff->def->required ? "*" : "", ui_attr(ui, UI_C_DIM), 0);
		if (ff->mode == FORM_CHOICE) {
			draw_choice(ff, cur, y, vx, vw, a);
		} else if (cur) {
			cx = ui_line_draw(&ff->line, y, vx, vw, a);
			cy = y;
		} else {
			ui_text(y, vx, vw, display_value(ff), a, 1);
		}
	}
	/* The reason a value is refused, else a draft offered back, else
	 * what was typed on a choice field, else the hint for the field. */
	msg = form->f[form->cur].error[0] ? form->f[form->cur].error
	      : form->error[0]		  ? form->error
					  : mode_hint(&form->f[form->cur]);
	if (!form->f[form->cur].error[0] && !form->error[0] && form->draft_offered) {
		draft_notice(form, notice, sizeof notice);
		msg = notice;
	} else if (!form->f[form->cur].error[0] && !form->error[0] && form->typed[0] &&
		   form->typed_field == form->cur) {
		snprintf(notice, sizeof notice, _("typed: %s"), form->typed);
		msg = notice;
	}
	ui_text(r.y + r.h - 3, r.x + 2, r.w - 4, msg,
		form->f[form->cur].error[0] || form->error[0] ? ui_attr(ui, UI_C_ERROR)
		: form->draft_offered			      ? ui_attr(ui, UI_C_WARNING)
							      : ui_attr(ui, UI_C_DIM),
		1);
	ui_textf(r.y + r.h - 2, r.x + 2, r.w - 4, ui_attr(ui, UI_C_DIM), 1,
		 _("%s saves  %s cancels  %s/%s: fields  %s list  %s $EDITOR  * required"),
		 ui_keys_first(UI_ACT_FORM_SAVE), ui_keys_first(UI_ACT_FORM_CANCEL),
		 ui_keys_first(UI_ACT_FORM_NEXT), ui_keys_first(UI_ACT_FORM_PREV),
		 ui_keys_first(UI_ACT_FORM_PICK), ui_keys_first(UI_ACT_FORM_EDITOR));
	if (cx >= 0) {
		curs_set(1);
		move(cy, cx);
	} else {
		curs_set(0);
	}
}

/* ---------------------------------------------------------- the loop */

/* A due date typed as "+2w" or "friday" shows the date it stands for
 * once the field is left, so what is saved is what was seen. */
static void resolve_date(struct form_field *ff)
{
	char day[11];
	struct jh_err err;

	if (ff->def->type == JF_DATE && *ff->line.text && !util_date_valid(ff->line.text) &&
	    reldate_resolve(ff->line.text, day, &err) == 0)
		ui_line_set(&ff->line, day);
}

static void move_field(struct form *form, int dir)
{
	size_t i = form->cur;

	resolve_date(&form->f[i]);

	for (size_t k = 0; k < form->n; k++) {
		i = (i + form->n + (size_t)(dir > 0 ? 1 : form->n - 1)) % form->n;
		if (!form->f[i].hidden) {
			form->cur = i;
			ui_line_end(&form->f[i].line);
			return;
		}
	}
}

/* Point at the field an error names ("severity: 9 is out of range"). */
static void focus_error(struct form *form, const char *msg)
{
	for (size_t i = 0; i < form->n; i++) {
		size_t l = strlen(form->f[i].def->name);
		if (!form->f[i].hidden && !strncmp(msg, form->f[i].def->name, l) && msg[l] == ':') {
			form->cur = i;
			return;
		}
	}
}

static int try_save(struct form *form)
{
	struct jh_err err;
	long bad = form_validate(form);

	form->error[0] = '\0';
	if (bad >= 0) {
		form->cur = (size_t)bad;
		return 0;
	}
	if (form->save && form->save(form, form->ctx, &err)) {
		snprintf(form->error, sizeof form->error, "%s", err.msg);
		focus_error(form, err.msg);
		return 0;
	}
	return 1;
}

static void edit_key(struct ui *ui, struct form *form, int key, int act)
{
	struct form_field *ff = &form->f[form->cur];
	int typed = ff->mode != FORM_CHOICE;
	int was_choice = ff->mode == FORM_CHOICE;
	struct jh_err err;

	if (act != UI_ACT_FORM_BACKSPACE && act >= 0)
		typed_reset(form);
	switch (act) {
	case UI_ACT_FORM_CHOICE_NEXT:
	case UI_ACT_FORM_CHOICE_PREV:
		if (ff->mode == FORM_CHOICE || ff->mode == FORM_SUGGEST)
			cycle(ff, act == UI_ACT_FORM_CHOICE_NEXT ? 1 : -1);
		else
			ui_line_move(&ff->line, act == UI_ACT_FORM_CHOICE_NEXT ? 1 : -1);
		break;
	case UI_ACT_FORM_PICK:
		pick(ui, form, ff);
		break;
	case UI_ACT_FORM_EDITOR:
		if (ff->mode == FORM_LONG || ff->mode == FORM_TEXT) {
			if (ui_editor(ui, &ff->line.text, &err))
				snprintf(form->error, sizeof form->error, "%s", err.msg);
			ui_line_end(&ff->line);
		} else {
			snprintf(form->error, sizeof form->error, _("C-e works on text fields"));
		}
		break;
	case UI_ACT_FORM_TESTCARD:
		testcard_in_form(ui, form);
		break;
	case UI_ACT_FORM_CLEAR:
		ui_line_set(&ff->line, "");
		break;
	case UI_ACT_FORM_BOL:
		ui_line_home(&ff->line);
		break;
	case UI_ACT_FORM_EOL:
		ui_line_end(&ff->line);
		break;
	case UI_ACT_FORM_BACKSPACE:
		if (typed)
			ui_line_backspace(&ff->line);
		else
			untype_choice(form, ff);
		break;
	case UI_ACT_FORM_DELETE:
		if (typed)
			ui_line_delete(&ff->line);
		break;
	default:
		if (key < 32 || key == 127 || key >= 0x110000)
			return;
		form->error[0] = '\0';
		if (typed)
			ui_line_insert(&ff->line, (unsigned int)key);
		else
			type_choice(form, ff, (unsigned int)key);
		check_field(ff);
		if (was_choice && form->changed)
			form->changed(form, form->cur, form->ctx);
		return;
	}
	check_field(ff);
	form->error[0] = '\0';
	if (was_choice && form->changed)
		form->changed(form, form->cur, form->ctx);
}

/* ---------------------------------------------------------- drafts
 *
 * What is typed in a form is kept as a draft in the database, private to
 * the participant at this terminal, so a crash or a kill loses at most
 * the last quarter second. Saved from the poll tick while typing and on
 * every change of field; removed when the form is saved or discarded. */

static int form_changed(const struct form *form)
{
	for (size_t i = 0; i < form->n; i++)
		if (!form->f[i].hidden && strcmp(form->f[i].line.text, form->f[i].orig))
			return 1;
	return 0;
}

static void draft_key(const struct ui *ui, const struct form *form, struct store_draft_key *k)
{
	k->wid = ui->wid;
	k->participant = ui->me;
	k->kind = form->kind;
	k->item = form->draft_item;
}

static void draft_save(struct ui *ui, struct form *form)
{
	struct store_draft_key k;
	const char **names, **values;
	size_t n = 0;
	struct jh_err err;

	if (!form->drafts || !form->draft_dirty || form->draft_offered || ui_apply_db_gone(ui))
		return;
	draft_key(ui, form, &k);
	names = util_xcalloc(form->n + 1, sizeof *names);
	values = util_xcalloc(form->n + 1, sizeof *values);
	for (size_t i = 0; form_changed(form) && i < form->n; i++) {
		if (form->f[i].hidden)
			continue;
		names[n] = form->f[i].def->name;
		values[n++] = form->f[i].line.text;
	}
	/* A failed save only costs the draft; the form goes on. */
	if (!store_draft_save(ui->st, &k, names, values, n, &err))
		form->draft_dirty = 0;
	form->draft_ms = ui_term_now_ms();
	free(names);
	free(values);
}

static void draft_drop(struct ui *ui, struct form *form)
{
	struct store_draft_key k;
	struct jh_err err;

	if (!form->drafts || ui_apply_db_gone(ui))
		return;
	draft_key(ui, form, &k);
	store_draft_delete(ui->st, &k, &err);
	form->draft_offered = 0;
	form->draft_dirty = 0;
}

/* A draft left by an earlier session of this participant is offered back:
 * shown on the form's message line until restored or discarded. */
static void draft_offer(struct ui *ui, struct form *form)
{
	struct store_draft_key k;
	struct store_draft d;
	struct jh_err err;

	form->drafts = ui->st && !ui->readonly;
	form->draft_item = form->id;
	if (!form->drafts)
		return;
	draft_key(ui, form, &k);
	if (store_draft_load(ui->st, &k, &d, &err))
		return;
	form->draft_offered = d.n > 0;
	form->draft_saved = d.saved;
	store_draft_free(&d);
}

static void draft_restore(struct ui *ui, struct form *form)
{
	struct store_draft_key k;
	struct store_draft d;
	struct jh_err err;

	if (!form->draft_offered) {
		snprintf(form->error, sizeof form->error, _("No draft to restore"));
		return;
	}
	draft_key(ui, form, &k);
	if (store_draft_load(ui->st, &k, &d, &err)) {
		snprintf(form->error, sizeof form->error, "%s", err.msg);
		return;
	}
	for (size_t i = 0; i < d.n; i++) {
		struct form_field *ff = form_field(form, d.names[i]);
		if (ff && !ff->hidden)
			ui_line_set(&ff->line, d.values[i]);
	}
	store_draft_free(&d);
	form->draft_offered = 0;
	if (form->changed)
		form->changed(form, form->n, form->ctx);
	/* The choices refreshed may have reset a stage: the draft wins. */
	if (store_draft_load(ui->st, &k, &d, &err) == 0) {
		for (size_t i = 0; i < d.n; i++)
			form_set(form, d.names[i], d.values[i]);
		store_draft_free(&d);
	}
	form_validate(form);
	form->draft_dirty = 1;
}

/* The form being run, for the poll hook: drafts are saved on the same
 * tick that looks for other terminals' changes. */
static struct form *polling;
static int (*outer_poll)(struct ui *ui);

static int form_poll(struct ui *ui)
{
	if (polling && polling->draft_dirty)
		draft_save(ui, polling);
	if (outer_poll)
		return outer_poll(ui);
	ui->last_poll_ms = ui_term_now_ms();
	return 0;
}

/* Esc: an unchanged form closes at once; a changed one asks first. A
 * form whose database file is gone cannot keep anything: it closes. */
static int cancel(struct ui *ui, struct form *form)
{
	if (!form_changed(form) || ui_apply_db_gone(ui)) {
		if (form->draft_dirty)
			draft_drop(ui, form);
		return 1;
	}
	if (!ui_dialog_confirm(ui, "Discard what you typed in this form?"))
		return 0;
	draft_drop(ui, form);
	return 1;
}

static int run_key(struct ui *ui, struct form *form, int key, int act)
{
	size_t was = form->cur;

	if (act == UI_ACT_FORM_CANCEL)
		return cancel(ui, form) ? 0 : -1;
	if (act == UI_ACT_FORM_SAVE) {
		if (!try_save(form))
			return -1;
		if (form->keep_draft) {
			form->draft_dirty = 1;
			form->draft_offered = 0;
			draft_save(ui, form);
		} else {
			draft_drop(ui, form);
		}
		return 1;
	}
	if (act == UI_ACT_FORM_NEXT || act == UI_ACT_FORM_PREV) {
		typed_reset(form);
		move_field(form, act == UI_ACT_FORM_NEXT ? 1 : -1);
	} else if (act == UI_ACT_REDRAW) {
		clearok(curscr, TRUE);
	} else if (act == UI_ACT_FORM_DRAFT_RESTORE) {
		draft_restore(ui, form);
	} else if (act == UI_ACT_FORM_DRAFT_DISCARD) {
		if (form->draft_offered)
			draft_drop(ui, form);
		else
			snprintf(form->error, sizeof form->error, _("No draft to discard"));
	} else {
		char *before = util_xstrdup(form->f[form->cur].line.text);
		edit_key(ui, form, key, act);
		form->draft_dirty |= strcmp(before, form->f[form->cur].line.text) != 0;
		free(before);
	}
	if (form->cur != was || form->f[was].mode == FORM_CHOICE)
		draft_save(ui, form);
	return -1;
}

int form_run(struct ui *ui, struct form *form)
{
	size_t top = 0;
	int result = -1;
	struct form *outer_form = polling;
	int (*outer)(struct ui *) = outer_poll, (*saved)(struct ui *) = ui->poll;

	if (form->changed)
		form->changed(form, form->n, form->ctx);
	draft_offer(ui, form);
	polling = form;
	if (ui->poll != form_poll) {
		outer_poll = ui->poll;
		ui->poll = form_poll;
	}
	while (result < 0) {
		int key, act;
		ui_frame_draw(ui);
		form_draw(ui, form, &top);
		refresh();
		key = ui_term_key(ui);
		if (key == UI_KEY_EOF) {
			result = 0;
			break;
		}
		if (key == UI_KEY_NONE || key == UI_KEY_MOUSE)
			continue;
		act = ui_keys_action(key, UI_IN_FORM);
		result = run_key(ui, form, key, act);
	}
	/* Killed or ended mid-form: what was typed stays as the draft. */
	if (result < 1 && form->draft_dirty)
		draft_save(ui, form);
	polling = outer_form;
	outer_poll = outer;
	ui->poll = saved;
	curs_set(0);
	return result;
}
