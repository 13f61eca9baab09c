/* ui_term.c: the terminal: curses set-up, signals, keys and the screen
 * dump.
 *
 * The bottom of the UI: it owns the terminal and calls nothing above it.
 * Between keys it lets the loop look for other processes' changes through
 * ui->poll, so a reload while a dialog is open still redraws. */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "journeyhack/i18n.h"
#include "journeyhack/replay.h"
#include "journeyhack/ui_term.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"

#define POLL_MS 250 /* how often other processes' changes are looked for */

static volatile sig_atomic_t quit_signal;
static volatile sig_atomic_t curses_on;
static SCREEN *screen;
static FILE *null_out; /* replay: curses talks to /dev/null */

int64_t ui_term_now(void)
{
	return (int64_t)time(NULL);
}

int64_t ui_term_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
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

void ui_term_signals(void)
{
	static const int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
	static const int quit[] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT};
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_fatal;
	sa.sa_flags = (int)SA_RESETHAND; /* the flag is int, the macro unsigned */
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &sa, NULL);
	sa.sa_handler = on_quit;
	sa.sa_flags = 0; /* no SA_RESTART: get_wch must return */
	for (size_t i = 0; i < sizeof quit / sizeof quit[0]; i++)
		sigaction(quit[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* ------------------------------------------------------------ terminal */

void ui_term_locale(struct ui *ui)
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

int ui_term_start(struct ui *ui, int rows, int cols, struct jh_err *err)
{
	if (ui->replay) {
		/* Headless: curses writes to /dev/null and keys come from the
		 * replay file, so no terminal (and no stdin) is needed. */
		null_out = fopen("/dev/null", "r+");
		if (!null_out)
			return err_set(err, _("cannot open /dev/null: %s"), strerror(errno));
		screen = newterm_fallback("xterm", null_out, null_out);
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
			return err_set(err,
				       _("the interface needs a terminal (use --replay FILE for a "
					 "headless run, or a subcommand)"));
		screen = newterm_fallback(NULL, stdout, stdin);
	}
	if (!screen)
		return err_set(err, _("cannot start curses on this terminal"));
	set_term(screen);
	curses_on = 1;
	if (ui->replay)
		resize_term(rows > 0 ? rows : 24, cols > 0 ? cols : 80);
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

void ui_term_stop(void)
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
 * each in what curses hands back, with their marks and joined
 * characters. */
int ui_term_dump(const char *path, struct jh_err *err)
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
			if (getcchar(&cells[x], wc, &a, &pair, NULL) == ERR || !wc[0])
				break;
			/* Every character of the cell: a letter's marks and the
			 * rest of an emoji sequence are part of what is shown. */
			for (int c = 0; c < CCHARW_MAX && wc[c] && len + 8 < sizeof line; c++) {
				char mb[8];
				int n = (int)wcrtomb(mb, wc[c], NULL);
				if (n <= 0) {
					mb[0] = '?';
					n = 1;
				}
				memcpy(line + len, mb, (size_t)n);
				len += (size_t)n;
			}
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

/* ------------------------------------------------------------ keys */

/* A resize whose signal curses never turned into KEY_RESIZE (a second
 * one arriving while the first was handled) would leave the screen laid
 * out for the old size until the next; so between keys the terminal's
 * size is compared with the one drawn for. 1 when it changed. */
static int missed_resize(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || !ws.ws_row || !ws.ws_col)
		return 0;
	if (ws.ws_row == LINES && ws.ws_col == COLS)
		return 0;
	resizeterm(ws.ws_row, ws.ws_col);
	return 1;
}

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
			if (ui_term_dump(ui->dump_path, &ui->dump_err))
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
	int64_t now = ui_term_now();

	if (!ui->d.workshop.timer_running || now == ui->last_tick)
		return 0;
	ui->last_tick = now;
	return 1;
}

int ui_term_key(struct ui *ui)
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
		if (ui->poll && ui_term_now_ms() - ui->last_poll_ms >= POLL_MS && ui->poll(ui))
			return UI_KEY_NONE;
		t0 = ui_term_now_ms();
		r = get_wch(&wc);
		if (r == ERR) {
			/* A hung-up terminal returns at once, forever: leave
			 * rather than spin if no SIGHUP comes to say so. */
			fast = ui_term_now_ms() - t0 < POLL_MS / 4 && !quit_signal ? fast + 1 : 0;
			if (fast > 200) {
				ui->quit = 1;
				return UI_KEY_EOF;
			}
			if (timer_shown_changed(ui) || missed_resize())
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
