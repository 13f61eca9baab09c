/* ui.c: curses set-up, the event loop, resize, signals and the bars.
 *
 * The one file that owns the terminal. Every frame is drawn whole from
 * the model (views draw only their visible rows) and curses sends just the
 * difference, so a resize, a reload from another terminal and a key press
 * all take the same path: update state, draw, refresh. */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "journeyhack/items.h"
#include "journeyhack/replay.h"
#include "journeyhack/store.h"
#include "journeyhack/text.h"
#include "journeyhack/ui.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

#define POLL_MS	   250 /* how often other processes' changes are looked for */

static volatile sig_atomic_t quit_signal;
static volatile sig_atomic_t curses_on;
static SCREEN *screen;
static FILE *null_out; /* replay: curses talks to /dev/null */

static unsigned char view_stale[UI_NVIEWS];

int64_t ui_now(void)
{
	return (int64_t)time(NULL);
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = error;
}

/* ------------------------------------------------------------ signals */

/* A crash must not leave the terminal in raw mode: restore it, then die
 * of the same signal so the exit status and core dump stay honest. */
static void on_fatal(int sig)
{
	if (curses_on)
		endwin();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Quit requests only set a flag; the loop sees it when get_wch returns
 * (EINTR) and leaves through the normal path. Everything saved is
 * already in the database, so nothing more needs doing. */
static void on_quit(int sig)
{
	quit_signal = sig;
}

static void signals_install(void)
{
	static const int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
	static const int quit[] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT};
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &sa, NULL);
	sa.sa_handler = on_quit;
	sa.sa_flags = 0; /* no SA_RESTART: get_wch must return */
	for (size_t i = 0; i < sizeof quit / sizeof quit[0]; i++)
		sigaction(quit[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* ------------------------------------------------------------ terminal */

static void set_utf8(struct ui *ui)
{
	const char *cs = nl_langinfo(CODESET);

	/* A bare environment (env -i, cron, some ssh set-ups) leaves the C
	 * locale, where every å would be drawn as M-C-e. Terminals are UTF-8
	 * nearly everywhere, so prefer C.UTF-8 to mangling text. */
	if (!cs || strcmp(cs, "UTF-8")) {
		if (setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "C.utf8"))
			cs = nl_langinfo(CODESET);
	}
	ui->utf8 = cs && !strcmp(cs, "UTF-8");
}

static SCREEN *newterm_fallback(const char *first, FILE *out, FILE *in)
{
	static const char *const fallbacks[] = {"xterm-256color", "xterm", "vt100", "ansi"};
	SCREEN *s = newterm(first, out, in);

	/* An unknown $TERM must not abort: a plain xterm description is
	 * close enough for nearly every terminal emulator. */
	for (size_t i = 0; !s && i < sizeof fallbacks / sizeof fallbacks[0]; i++)
		s = newterm(fallbacks[i], out, in);
	return s;
}

static int term_start(struct ui *ui, const struct ui_opts *o, struct jh_err *err)
{
	if (ui->replay) {
		/* Headless: curses writes to /dev/null and keys come from the
		 * replay file, so no terminal (and no stdin) is needed. */
		null_out = fopen("/dev/null", "r+");
		if (!null_out)
			return err_set(err, "cannot open /dev/null: %s", strerror(errno));
		screen = newterm_fallback("xterm", null_out, null_out);
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
			return err_set(err,
				       "the interface needs a terminal (use --replay FILE for a "
				       "headless run, or a subcommand)");
		screen = newterm_fallback(NULL, stdout, stdin);
	}
	if (!screen)
		return err_set(err, "cannot start curses on this terminal");
	set_term(screen);
	curses_on = 1;
	if (ui->replay)
		resize_term(o->rows > 0 ? o->rows : 24, o->cols > 0 ? o->cols : 80);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	timeout(POLL_MS);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	ui_colors_init(ui);
	return 0;
}

static void term_stop(void)
{
	if (!curses_on)
		return;
	curs_set(1);
	endwin();
	curses_on = 0;
	delscreen(screen);
	screen = NULL;
	if (null_out)
		fclose(null_out);
	null_out = NULL;
}

/* The screen as plain UTF-8 text, trailing blanks dropped: what a user
 * would copy from the terminal. Wide characters occupy one cell entry
 * each in what curses hands back. */
static int dump_screen(const char *path, struct jh_err *err)
{
	FILE *f = fopen(path, "w");
	cchar_t *cells;

	if (!f)
		return err_set(err, "%s: %s", path, strerror(errno));
	cells = util_xcalloc((size_t)COLS + 1, sizeof *cells);
	for (int y = 0; y < LINES; y++) {
		char line[8192];
		size_t len = 0, keep = 0;
		int w = 0;
		mvin_wchnstr(y, 0, cells, COLS);
		for (int x = 0; x < COLS && w < COLS && len + 8 < sizeof line; x++) {
			wchar_t wc[CCHARW_MAX + 1] = {0};
			attr_t a;
			short pair;
			char mb[8];
			int n;
			if (getcchar(&cells[x], wc, &a, &pair, NULL) == ERR || !wc[0])
				break;
			n = (int)wcrtomb(mb, wc[0], NULL);
			if (n <= 0) {
				mb[0] = '?';
				n = 1;
			}
			memcpy(line + len, mb, (size_t)n);
			len += (size_t)n;
			if (wc[0] != L' ')
				keep = len;
			w += wcwidth(wc[0]) > 1 ? wcwidth(wc[0]) : 1;
		}
		fwrite(line, 1, keep, f);
		fputc('\n', f);
	}
	free(cells);
	if (fclose(f))
		return err_set(err, "%s: %s", path, strerror(errno));
	return 0;
}

/* ------------------------------------------------------------ data */

static void views_rebuild(struct ui *ui)
{
	/* Only the view on screen is rebuilt now; the others when shown, so
	 * a reload with 100 000 items costs one view's work. */
	for (int i = 0; i < UI_NVIEWS; i++)
		view_stale[i] = 1;
	view_get(ui->view)->ops->rebuild(ui);
	view_stale[ui->view] = 0;
}

/* The views and indexes follow freshly loaded data. */
static void adopt(struct ui *ui)
{
	ui->generation++;
	ui_index_build(ui);
	views_rebuild(ui);
}

int ui_reload(struct ui *ui)
{
	struct jh_data d;
	struct jh_err err;

	ui->data_version = store_data_version(ui->st);
	if (store_load(ui->st, ui->wid, &d, &err)) {
		ui_message(ui, 1, "reload failed: %s", err.msg);
		return -1;
	}
	model_data_free(&ui->d);
	ui->d = d;
	adopt(ui);
	return 0;
}

void ui_switch_view(struct ui *ui, int v)
{
	if (v < 0 || v >= UI_NVIEWS)
		return;
	ui->view = (enum ui_view_id)v;
	if (view_stale[v]) {
		view_get((enum ui_view_id)v)->ops->rebuild(ui);
		view_stale[v] = 0;
	}
}

/* Another process committed: reload, the views keep their selection. */
static int poll_changes(struct ui *ui)
{
	int64_t v;

	ui->last_poll_ms = now_ms();
	v = store_data_version(ui->st);
	if (v < 0 || v == ui->data_version)
		return 0;
	return ui_reload(ui) == 0;
}

/* ------------------------------------------------------------ keys */

static int replay_key(struct ui *ui)
{
	static const int special[] = {
	    [REPLAY_UP] = KEY_UP,	 [REPLAY_DOWN] = KEY_DOWN,
	    [REPLAY_LEFT] = KEY_LEFT,	 [REPLAY_RIGHT] = KEY_RIGHT,
	    [REPLAY_PAGEUP] = KEY_PPAGE, [REPLAY_PAGEDOWN] = KEY_NPAGE,
	    [REPLAY_HOME] = KEY_HOME,	 [REPLAY_END] = KEY_END,
	    [REPLAY_BTAB] = KEY_BTAB,	 [REPLAY_BACKSPACE] = KEY_BACKSPACE,
	    [REPLAY_DELETE] = KEY_DC,	 [REPLAY_INSERT] = KEY_IC,
	};
	const struct replay_event *e;

	if (ui->next_event >= ui->nevents) {
		/* The keys ran out, perhaps inside a form: the screen now is
		 * what they led to, so it is the one to dump. */
		if (ui->dump_path && !ui->dumped) {
			ui->dumped = 1;
			if (dump_screen(ui->dump_path, &ui->dump_err))
				ui->dump_failed = 1;
		}
		ui->quit = 1;
		return UI_KEY_EOF;
	}
	e = &ui->events[ui->next_event++];
	switch (e->type) {
	case REPLAY_CHAR:
		return e->code == '\n' ? '\r' : (int)e->code;
	case REPLAY_SPECIAL:
		if (e->code >= REPLAY_F1)
			return UI_FKEY(KEY_F((int)(e->code - REPLAY_F1 + 1)));
		return UI_FKEY(special[e->code]);
	case REPLAY_RESIZE:
		resize_term(e->y, e->x);
		return UI_KEY_NONE;
	case REPLAY_CLICK:
	case REPLAY_WHEEL_UP:
	case REPLAY_WHEEL_DOWN:
		ui->mouse_x = e->x;
		ui->mouse_y = e->y;
		ui->mouse_button = e->type == REPLAY_CLICK ? 1 : e->type == REPLAY_WHEEL_UP ? 4 : 5;
		return UI_KEY_MOUSE;
	}
	return UI_KEY_NONE;
}

static int timer_shown_changed(struct ui *ui)
{
	int64_t now = ui_now();

	if (!ui->d.workshop.timer_running || now == ui->last_tick)
		return 0;
	ui->last_tick = now;
	return 1;
}

int ui_getkey(struct ui *ui)
{
	if (ui->replay)
		return replay_key(ui);
	for (;;) {
		static int fast; /* reads that failed without waiting */
		wint_t wc = 0;
		int64_t t0;
		int r;

		if (quit_signal) {
			ui->quit = 1;
			return UI_KEY_EOF;
		}
		if (now_ms() - ui->last_poll_ms >= POLL_MS && poll_changes(ui))
			return UI_KEY_NONE;
		t0 = now_ms();
		r = get_wch(&wc);
		if (r == ERR) {
			/* A hung-up terminal returns at once, forever: leave
			 * rather than spin if no SIGHUP comes to say so. */
			fast = now_ms() - t0 < POLL_MS / 4 && !quit_signal ? fast + 1 : 0;
			if (fast > 200) {
				ui->quit = 1;
				return UI_KEY_EOF;
			}
			if (timer_shown_changed(ui))
				return UI_KEY_NONE;
			continue;
		}
		fast = 0;
		if (r == KEY_CODE_YES) {
			if (wc == KEY_RESIZE)
				return UI_KEY_NONE;
			if (wc == KEY_ENTER)
				return '\r';
			if (wc == KEY_MOUSE) {
				MEVENT me;
				if (getmouse(&me) != OK)
					continue;
				ui->mouse_x = me.x;
				ui->mouse_y = me.y;
				ui->mouse_button = (me.bstate & BUTTON4_PRESSED)   ? 4
						   : (me.bstate & BUTTON5_PRESSED) ? 5
										   : 1;
				return UI_KEY_MOUSE;
			}
			return UI_FKEY((int)wc);
		}
		return wc == '\n' ? '\r' : (int)wc;
	}
}

/* ------------------------------------------------------------ start */

static int read_replay(struct ui *ui, const char *path, struct replay_event **ev,
		       struct jh_err *err)
{
	size_t n;

	if (replay_load(path, ev, &n, err))
		return -1;
	ui->events = *ev;
	ui->nevents = n;
	return 0;
}

static int find_workshop(struct ui *ui, const char *name, struct jh_err *err)
{
	struct jh_workshop *list;
	size_t n;

	if (name)
		return store_workshop_find(ui->st, name, &ui->wid, err);
	if (store_workshop_list(ui->st, &list, &n, err))
		return -1;
	if (n == 1)
		ui->wid = list[0].id;
	for (size_t i = 0; i < n; i++)
		model_workshop_free(&list[i]);
	free(list);
	if (n == 0)
		return err_set(err, "%s holds no workshop: create one with 'journeyhack new NAME'",
			       store_path(ui->st));
	return 0;
}

/* Several workshops and none named: let the user pick one. */
static int choose_workshop(struct ui *ui, struct jh_err *err)
{
	struct jh_workshop *list;
	struct ui_pick_item *items;
	size_t n;
	long k;

	if (store_workshop_list(ui->st, &list, &n, err))
		return -1;
	items = util_xcalloc(n, sizeof *items);
	for (size_t i = 0; i < n; i++) {
		char buf[512];
		snprintf(buf, sizeof buf, "%s  %s", list[i].name, list[i].title);
		items[i].label = util_xstrdup(buf);
	}
	k = ui_pick(ui, "Open which workshop?", items, n, 0, 0);
	if (k >= 0)
		ui->wid = list[k].id;
	for (size_t i = 0; i < n; i++) {
		free(items[i].label);
		model_workshop_free(&list[i]);
	}
	free(items);
	free(list);
	/* Keys that run out here, or a quit signal, end the run quietly. */
	if (k < 0 && ui->quit)
		return 1;
	return k < 0 ? err_set(err, "no workshop chosen") : 0;
}

/* --as NAME: the participant at this terminal; a new name joins the
 * workshop, which is how people in the room sign in from their laptops. */
static int resolve_as(struct ui *ui, const char *name)
{
	struct jh_err err;
	struct jh_assign a = {"name", name};
	struct jh_values vals;
	jh_id id;

	if (!name)
		return 0;
	if (!store_item_lookup(ui->st, ui->wid, JH_PARTICIPANT, name, 0, &id, &err)) {
		ui->me = ui->acting = id;
		return 0;
	}
	if (items_parse(ui->st, ui->wid, JH_PARTICIPANT, &a, 1, 1, &vals, &err) ||
	    store_item_add(ui->st, ui->wid, JH_PARTICIPANT, vals.v, vals.n, &id, &err)) {
		items_values_free(&vals);
		ui_message(ui, 1, "--as %s: %s", name, err.msg);
		return -1;
	}
	items_values_free(&vals);
	ui->me = ui->acting = id;
	ui_message(ui, 0, "Welcome, %s: you joined as a participant", name);
	return 0;
}

static void ui_free(struct ui *ui)
{
	view_free_all();
	ui_undo_free(ui);
	ui_index_free(&ui->ix);
	model_data_free(&ui->d);
	if (ui->st)
		store_close(ui->st);
}

int ui_run(const struct ui_opts *opts, struct jh_err *err)
{
	struct ui ui;
	struct replay_event *ev = NULL;
	int rc = -1;

	memset(&ui, 0, sizeof ui);
	err_clear(err);
	set_utf8(&ui);
	ui.replay = opts->replay_path != NULL;
	ui.dump_path = opts->dump_path;
	if (ui.replay && read_replay(&ui, opts->replay_path, &ev, err))
		return -1;
	if (store_open(&ui.st, opts->db_path, STORE_NOCREATE, err))
		goto out;
	ui.readonly = store_readonly(ui.st);
	if (find_workshop(&ui, opts->workshop, err))
		goto out;
	signals_install();
	if (term_start(&ui, opts, err))
		goto out;
	if (!ui.wid) {
		int c = choose_workshop(&ui, err);
		if (c) {
			rc = c > 0 ? 0 : -1;
			goto out;
		}
	}
	/* Join first, then load once: a large workshop is read a single
	 * time before the first frame. */
	resolve_as(&ui, opts->as_name);
	ui.data_version = store_data_version(ui.st);
	if (store_load(ui.st, ui.wid, &ui.d, err))
		goto out;
	/* Said at once, not at the first refused change: the title bar's
	 * "[read-only]" is cut off on a narrow terminal. */
	if (ui.readonly)
		ui_message(&ui, 1, "Read-only (%s): you can look, but nothing can be changed",
			   store_readonly_reason(ui.st));
	ui.view = UI_VIEW_AGENDA;
	adopt(&ui);
	ui.last_poll_ms = now_ms();
	while (!ui.quit) {
		int key;
		ui_draw(&ui);
		ui_refresh(&ui);
		key = ui_getkey(&ui);
		if (key == UI_KEY_EOF)
			break;
		if (key != UI_KEY_NONE)
			ui_handle_key(&ui, key);
	}
	rc = 0;
	if (ui.dump_path && !ui.dumped) {
		/* A quit key leaves the last frame before it: draw the state
		 * the keys led to, so the dump shows where they ended. */
		ui_draw(&ui);
		if (dump_screen(ui.dump_path, err))
			rc = -1;
	} else if (ui.dump_failed) {
		*err = ui.dump_err;
		rc = -1;
	}
out:
	term_stop();
	ui_free(&ui);
	free(ev);
	return rc;
}
