/* form.c: forms generated from kinds.h, validated by items.c.
 *
 * A form is a loop like every overlay: draw the base screen, draw the
 * form, read a key. Values stay text until saved, exactly as the command
 * line would receive them. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "journeyhack/form.h"
#include "journeyhack/items.h"
#include "journeyhack/text.h"
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
	return 1;
}

static void set_value(struct form_field *ff, const char *v)
{
	free(ff->value);
	ff->value = util_xstrdup(v ? v : "");
	ff->cursor = strlen(ff->value);
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

/* Fixed choices come from the field table; references are filled by
 * the caller's `changed` hook, which knows the workshop. */
static void static_choices(struct form_field *ff)
{
	const struct jh_field_def *d = ff->def;
	struct form_choice c[16];
	char buf[16][12];
	size_t n = 0;

	if (d->type == JF_ENUM) {
		for (n = 0; n < 16 && d->choices[n]; n++) {
			c[n].value = (char *)d->choices[n];
			c[n].label = (char *)d->choices[n];
		}
	} else if (d->type == JF_BOOL) {
		for (n = 0; n < 2; n++)
			c[n].value = c[n].label = (char *)bool_values[n];
	} else if (d->type == JF_INT && d->max - d->min < 16) {
		for (int v = d->min; v <= d->max; v++, n++) {
			snprintf(buf[n], sizeof buf[n], "%d", v);
			c[n].value = c[n].label = buf[n];
		}
	}
	form_set_choices(ff, c, n);
}

void form_init(struct form *form, enum jh_kind kind, jh_id id, int for_add)
{
	const struct jh_kind_def *k = kinds_get(kind);

	memset(form, 0, sizeof *form);
	form->kind = kind;
	form->id = id;
	snprintf(form->title, sizeof form->title, "%s %s", for_add ? "New" : "Edit", k->name);
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
		set_value(ff, for_add && d->defval ? d->defval : "");
		if (d->type == JF_BOOL && for_add && d->defval)
			set_value(ff, strcmp(d->defval, "0") ? "yes" : "no");
		ff->orig = util_xstrdup(ff->value);
	}
	/* The cursor starts in the first field shown: the title or name. */
	while (form->cur < form->n && form->f[form->cur].hidden)
		form->cur++;
}

void form_free(struct form *form)
{
	for (size_t i = 0; i < form->n; i++) {
		form_set_choices(&form->f[i], NULL, 0);
		free(form->f[i].value);
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
			return form->f[i].value;
	return NULL;
}

void form_set(struct form *form, const char *name, const char *value)
{
	struct form_field *ff = form_field(form, name);

	if (ff)
		set_value(ff, value);
}

void form_mark_orig(struct form *form)
{
	for (size_t i = 0; i < form->n; i++) {
		free(form->f[i].orig);
		form->f[i].orig = util_xstrdup(form->f[i].value);
	}
}

static void check_field(struct form_field *ff)
{
	struct jh_err err;

	ff->error[0] = '\0';
	/* An empty optional value means "the default" or "none". */
	if (!*ff->value && !ff->def->required)
		return;
	if (!*ff->value && ff->def->type == JF_INT)
		return;
	if (items_check_value(ff->def, ff->value, &err))
		snprintf(ff->error, sizeof ff->error, "%s", err.msg);
}

long form_validate(struct form *form)
{
	long first = -1;

	for (size_t i = 0; i < form->n; i++) {
		if (form->f[i].hidden)
			continue;
		check_field(&form->f[i]);
		if (form->f[i].error[0] && first < 0)
			first = (long)i;
	}
	return first;
}

/* ---------------------------------------------------------- editing */

static void insert_text(struct form_field *ff, const char *s, size_t n)
{
	size_t len = strlen(ff->value);
	char *v = util_xmalloc(len + n + 1);

	memcpy(v, ff->value, ff->cursor);
	memcpy(v + ff->cursor, s, n);
	memcpy(v + ff->cursor + n, ff->value + ff->cursor, len - ff->cursor + 1);
	free(ff->value);
	ff->value = v;
	ff->cursor += n;
}

static size_t prev_char(const char *s, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80)
		at--;
	return at;
}

static size_t next_char(const char *s, size_t at)
{
	unsigned int cp;
	size_t len = strlen(s);

	return at < len ? at + text_decode(s + at, len - at, &cp) : at;
}

static void delete_range(struct form_field *ff, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(ff->value + from, ff->value + to, strlen(ff->value + to) + 1);
	ff->cursor = from;
}

static void type_char(struct form_field *ff, unsigned int cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	insert_text(ff, u, n);
}

static long choice_index(const struct form_field *ff)
{
	for (size_t i = 0; i < ff->nchoices; i++)
		if (!strcmp(ff->choices[i].value, ff->value))
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
	set_value(ff, ff->choices[i].value);
}

/* Typing on a choice field jumps to the next choice starting with it. */
static void jump_choice(struct form_field *ff, unsigned int cp)
{
	long start = choice_index(ff), n = (long)ff->nchoices;

	for (long k = 1; k <= n; k++) {
		long i = (start + k + n) % n;
		const char *l = ff->choices[i].label;
		unsigned int c0;
		text_decode(l, strlen(l), &c0);
		if (c0 == cp || (cp < 128 && c0 < 128 && (c0 | 0x20) == (cp | 0x20))) {
			set_value(ff, ff->choices[i].value);
			return;
		}
	}
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

static void pick(struct ui *ui, struct form *form, struct form_field *ff)
{
	struct ui_pick_item *items;
	int multi = ff->mode == FORM_IDLIST;
	long start = choice_index(ff), k;
	char title[160];

	if (!ff->nchoices) {
		snprintf(form->error, sizeof form->error, "%s: nothing to choose from",
			 ff->def->name);
		return;
	}
	items = util_xcalloc(ff->nchoices, sizeof *items);
	for (size_t i = 0; i < ff->nchoices; i++) {
		items[i].label = ff->choices[i].label;
		items[i].marked = multi && contains_id(ff->value, ff->choices[i].value);
	}
	snprintf(title, sizeof title, "%s", ff->def->label);
	k = ui_pick(ui, title, items, ff->nchoices, start < 0 ? 0 : (size_t)start, multi);
	if (k >= 0 && !multi) {
		set_value(ff, ff->choices[k].value);
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
		set_value(ff, v);
		free(v);
	}
	free(items);
}

/* ---------------------------------------------------------- $EDITOR */

int form_editor(struct ui *ui, char **text, struct jh_err *err)
{
	const char *ed = getenv("VISUAL");
	const char *tmp = getenv("TMPDIR");
	char path[4096], *words, *argv[34];
	int fd, argc = 0, status = 0;
	size_t len = strlen(*text);
	pid_t pid;
	struct sigaction ign, old_int, old_quit;
	FILE *f;

	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	snprintf(path, sizeof path, "%s/journeyhack-XXXXXX.txt", tmp && *tmp ? tmp : "/tmp");
	fd = mkstemps(path, 4);
	if (fd < 0)
		return err_set(err, "cannot create a temporary file: %s", strerror(errno));
	if (write(fd, *text, len) != (ssize_t)len ||
	    (len && (*text)[len - 1] != '\n' && write(fd, "\n", 1) != 1)) {
		close(fd);
		unlink(path);
		return err_set(err, "cannot write a temporary file: %s", strerror(errno));
	}
	close(fd);
	/* $EDITOR may carry options ("emacs -nw"): split it into words
	 * ourselves; a shell would also interpret anything else in it. */
	words = util_xstrdup(ed);
	for (char *w = strtok(words, " \t"); w && argc < 32; w = strtok(NULL, " \t"))
		argv[argc++] = w;
	argv[argc++] = path;
	argv[argc] = NULL;
	if (!ui->replay) {
		def_prog_mode();
		endwin();
	}
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		if (ui->replay) {
			/* Headless: the editor gets no terminal to talk to. */
			int nul = open("/dev/null", O_RDWR);
			if (nul >= 0) {
				dup2(nul, 0);
				dup2(nul, 1);
			}
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	/* Ctrl-C in the editor is the editor's, not a request to quit. */
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	if (!ui->replay) {
		reset_prog_mode();
		clearok(curscr, TRUE);
		refresh();
	}
	free(words);
	if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		unlink(path);
		if (pid < 0)
			return err_set(err, "cannot start %s: %s", ed, strerror(errno));
		return err_set(err, "%s failed (status %d): the text is unchanged", ed,
			       WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	}
	f = fopen(path, "rb");
	unlink(path);
	if (!f)
		return err_set(err, "cannot read the edited text: %s", strerror(errno));
	{
		char *buf = NULL;
		size_t n = 0, cap = 0, r;
		do {
			if (n + 4096 + 1 > cap) {
				cap = cap ? cap * 2 : 8192;
				buf = util_xrealloc(buf, cap);
			}
			r = fread(buf + n, 1, cap - n - 1, f);
			n += r;
		} while (r > 0 && n < (2u << 20));
		fclose(f);
		buf = buf ? buf : util_xstrdup("");
		/* Editors end files with a newline the user never typed. */
		while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
			n--;
		buf[n] = '\0';
		free(*text);
		*text = buf;
	}
	return 0;
}

/* ---------------------------------------------------------- drawing */

static const char *mode_hint(const struct form_field *ff)
{
	switch (ff->mode) {
	case FORM_LONG:
		return "C-e edits in $EDITOR";
	case FORM_CHOICE:
		return "Left/Right or C-t list";
	case FORM_SUGGEST:
		return "type, or Left/Right, C-t list";
	case FORM_IDLIST:
		return "ids, or C-t to mark in a list";
	default:
		return ff->def->type == JF_DATE ? "YYYY-MM-DD" : "";
	}
}

static const char *display_value(const struct form_field *ff)
{
	long i;

	if (ff->mode != FORM_CHOICE && ff->mode != FORM_SUGGEST)
		return ff->value;
	i = choice_index(ff);
	return i >= 0 ? ff->choices[i].label : ff->value;
}

/* Draw the text of a typed field with the cursor kept in view; returns
 * the cursor's screen column. */
static int draw_typed(const struct form_field *ff, int y, int x, int w, attr_t a)
{
	size_t start = 0;
	char *head = util_xstrndup(ff->value, ff->cursor);
	int cw = text_width(head);

	while (cw > w - 1 && start < ff->cursor) {
		start = next_char(ff->value, start);
		free(head);
		head = util_xstrndup(ff->value + start, ff->cursor - start);
		cw = text_width(head);
	}
	free(head);
	ui_text(y, x, w, ff->value + start, a, 1);
	return x + (cw < w ? cw : w - 1);
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
	attr_t border = ui_attr(ui, UI_C_BORDER);

	for (size_t i = 0; i < form->n; i++) {
		int w;
		if (form->f[i].hidden)
			continue;
		if (i == form->cur)
			cur_row = shown;
		shown++;
		w = text_width(form->f[i].def->label);
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
		snprintf(label, sizeof label, "%s%s", ff->error[0] ? "!" : " ", ff->def->label);
		ui_text(y, r.x + 1, lw + 1, label,
			ff->error[0] ? ui_attr(ui, UI_C_ERROR)
			: cur	     ? A_BOLD
				     : A_NORMAL,
			0);
		ui_text(y, r.x + 2 + lw, 2, ff->def->required ? "*" : "", ui_attr(ui, UI_C_DIM), 0);
		if (ff->mode == FORM_CHOICE) {
			char v[1024];
			snprintf(v, sizeof v, cur ? "< %s >" : "  %s", display_value(ff));
			ui_text(y, vx, vw, v, a, 1);
		} else if (cur && ff->mode != FORM_CHOICE) {
			cx = draw_typed(ff, y, vx, vw, a);
			cy = y;
		} else {
			ui_text(y, vx, vw, display_value(ff), a, 1);
		}
	}
	/* The reason a value is refused, else the hint for the field. */
	msg = form->f[form->cur].error[0] ? form->f[form->cur].error
	      : form->error[0]		  ? form->error
					  : mode_hint(&form->f[form->cur]);
	ui_text(r.y + r.h - 3, r.x + 2, r.w - 4, msg,
		form->f[form->cur].error[0] || form->error[0] ? ui_attr(ui, UI_C_ERROR)
							      : ui_attr(ui, UI_C_DIM),
		1);
	ui_text(r.y + r.h - 2, r.x + 2, r.w - 4,
		"Enter saves  Esc cancels  Tab/S-Tab: fields  C-t list  C-e $EDITOR  * required",
		ui_attr(ui, UI_C_DIM), 1);
	if (cx >= 0) {
		curs_set(1);
		move(cy, cx);
	} else {
		curs_set(0);
	}
}

/* ---------------------------------------------------------- the loop */

static void move_field(struct form *form, int dir)
{
	size_t i = form->cur;

	for (size_t k = 0; k < form->n; k++) {
		i = (i + form->n + (size_t)(dir > 0 ? 1 : form->n - 1)) % form->n;
		if (!form->f[i].hidden) {
			form->cur = i;
			form->f[i].cursor = strlen(form->f[i].value);
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

	switch (act) {
	case UI_ACT_FORM_CHOICE_NEXT:
	case UI_ACT_FORM_CHOICE_PREV:
		if (ff->mode == FORM_CHOICE || ff->mode == FORM_SUGGEST)
			cycle(ff, act == UI_ACT_FORM_CHOICE_NEXT ? 1 : -1);
		else if (act == UI_ACT_FORM_CHOICE_NEXT)
			ff->cursor = next_char(ff->value, ff->cursor);
		else
			ff->cursor = prev_char(ff->value, ff->cursor);
		break;
	case UI_ACT_FORM_PICK:
		pick(ui, form, ff);
		break;
	case UI_ACT_FORM_EDITOR:
		if (ff->mode == FORM_LONG || ff->mode == FORM_TEXT) {
			if (form_editor(ui, &ff->value, &err))
				snprintf(form->error, sizeof form->error, "%s", err.msg);
			ff->cursor = strlen(ff->value);
		} else {
			snprintf(form->error, sizeof form->error, "C-e works on text fields");
		}
		break;
	case UI_ACT_FORM_CLEAR:
		set_value(ff, "");
		break;
	case UI_ACT_FORM_BOL:
		ff->cursor = 0;
		break;
	case UI_ACT_FORM_EOL:
		ff->cursor = strlen(ff->value);
		break;
	case UI_ACT_FORM_BACKSPACE:
		if (typed)
			delete_range(ff, prev_char(ff->value, ff->cursor), ff->cursor);
		break;
	case UI_ACT_FORM_DELETE:
		if (typed)
			delete_range(ff, ff->cursor, next_char(ff->value, ff->cursor));
		break;
	default:
		if (key < 32 || key == 127 || key >= 0x110000)
			return;
		if (typed)
			type_char(ff, (unsigned int)key);
		else
			jump_choice(ff, (unsigned int)key);
	}
	check_field(ff);
	form->error[0] = '\0';
	if (was_choice && form->changed)
		form->changed(form, form->cur, form->ctx);
}

int form_run(struct ui *ui, struct form *form)
{
	size_t top = 0;
	int result = -1;

	if (form->changed)
		form->changed(form, form->n, form->ctx);
	while (result < 0) {
		int key, act;
		ui_draw(ui);
		form_draw(ui, form, &top);
		ui_refresh(ui);
		key = ui_getkey(ui);
		if (key == UI_KEY_EOF) {
			result = 0;
			break;
		}
		if (key == UI_KEY_NONE || key == UI_KEY_MOUSE)
			continue;
		act = ui_key_action(key, UI_IN_FORM);
		if (act == UI_ACT_FORM_CANCEL)
			result = 0;
		else if (act == UI_ACT_FORM_SAVE)
			result = try_save(form) ? 1 : -1;
		else if (act == UI_ACT_FORM_NEXT || act == UI_ACT_FORM_PREV)
			move_field(form, act == UI_ACT_FORM_NEXT ? 1 : -1);
		else if (act == UI_ACT_REDRAW)
			clearok(curscr, TRUE);
		else
			edit_key(ui, form, key, act);
	}
	curs_set(0);
	return result;
}
