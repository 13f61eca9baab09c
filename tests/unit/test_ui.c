/* test_ui.c: the UI's pure parts: the replay parser, the key table
 * generated from keys.def, forms, lists and text matching; and ui_run
 * itself on a virtual screen (no terminal needed). */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/form.h"
#include "journeyhack/replay.h"
#include "journeyhack/ui.h"
#include "journeyhack/view.h"
#include "testutil.h"

static void utf8_locale(void)
{
	cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"), "C.UTF-8 locale missing");
}

TestSuite(replay, .init = utf8_locale);
TestSuite(keys);
TestSuite(form, .init = utf8_locale);
TestSuite(list);
TestSuite(match, .init = utf8_locale);
TestSuite(ui_run, .init = utf8_locale, .timeout = 60);

/* ------------------------------------------------------------ replay */

static struct replay_event *parse_ok(const char *s, size_t *n)
{
	struct replay_event *ev = NULL;
	struct jh_err err;
	int line = 0, col = 0;
	int rc = replay_parse(s, strlen(s), &ev, n, &line, &col, &err);

	cr_assert_eq(rc, 0, "parse of \"%s\" failed: %s", s, err.msg);
	return ev;
}

static void parse_fails(const char *s, int line, int col, const char *msg_part)
{
	struct replay_event *ev = NULL;
	struct jh_err err;
	size_t n;
	int l = 0, c = 0;
	char want[64];

	cr_assert_eq(replay_parse(s, strlen(s), &ev, &n, &l, &c, &err), -1,
		     "\"%s\" parsed but should not", s);
	cr_assert_null(ev);
	cr_assert_eq(l, line, "\"%s\": line %d, want %d (%s)", s, l, line, err.msg);
	cr_assert_eq(c, col, "\"%s\": column %d, want %d (%s)", s, c, col, err.msg);
	snprintf(want, sizeof want, "%d:%d: ", line, col);
	cr_assert(!strncmp(err.msg, want, strlen(want)), "message \"%s\" lacks %s", err.msg, want);
	cr_assert(strstr(err.msg, msg_part), "message \"%s\" lacks \"%s\"", err.msg, msg_part);
}

Test(replay, plain_characters_and_utf8)
{
	size_t n;
	struct replay_event *ev = parse_ok("aÅ日", &n);

	cr_assert_eq(n, 3);
	cr_assert_eq(ev[0].type, REPLAY_CHAR);
	cr_assert_eq(ev[0].code, 'a');
	cr_assert_eq(ev[1].code, 0xC5);
	cr_assert_eq(ev[2].code, 0x65E5);
	free(ev);
}

Test(replay, newlines_are_ignored_and_comments_skipped)
{
	size_t n;
	struct replay_event *ev = parse_ok("# a comment <Nonsense\nab\r\ncd\n#x\n", &n);

	cr_assert_eq(n, 4);
	cr_assert_eq(ev[0].code, 'a');
	cr_assert_eq(ev[3].code, 'd');
	free(ev);
}

Test(replay, hash_inside_a_line_is_a_character)
{
	size_t n;
	struct replay_event *ev = parse_ok("a#b<Hash>", &n);

	cr_assert_eq(n, 4);
	cr_assert_eq(ev[1].code, '#');
	cr_assert_eq(ev[3].code, '#');
	free(ev);
}

Test(replay, special_keys)
{
	static const struct {
		const char *text;
		enum replay_type type;
		unsigned code;
	} cases[] = {
	    {"<Up>", REPLAY_SPECIAL, REPLAY_UP},
	    {"<down>", REPLAY_SPECIAL, REPLAY_DOWN},
	    {"<LEFT>", REPLAY_SPECIAL, REPLAY_LEFT},
	    {"<Right>", REPLAY_SPECIAL, REPLAY_RIGHT},
	    {"<PageUp>", REPLAY_SPECIAL, REPLAY_PAGEUP},
	    {"<PageDown>", REPLAY_SPECIAL, REPLAY_PAGEDOWN},
	    {"<Home>", REPLAY_SPECIAL, REPLAY_HOME},
	    {"<End>", REPLAY_SPECIAL, REPLAY_END},
	    {"<BTab>", REPLAY_SPECIAL, REPLAY_BTAB},
	    {"<Backspace>", REPLAY_SPECIAL, REPLAY_BACKSPACE},
	    {"<Delete>", REPLAY_SPECIAL, REPLAY_DELETE},
	    {"<F1>", REPLAY_SPECIAL, REPLAY_F1},
	    {"<F12>", REPLAY_SPECIAL, REPLAY_F1 + 11},
	    {"<Enter>", REPLAY_CHAR, '\r'},
	    {"<Esc>", REPLAY_CHAR, 27},
	    {"<Tab>", REPLAY_CHAR, '\t'},
	    {"<Space>", REPLAY_CHAR, ' '},
	    {"<lt>", REPLAY_CHAR, '<'},
	    {"<C-l>", REPLAY_CHAR, 12},
	    {"<C-L>", REPLAY_CHAR, 12},
	    {"<C-[>", REPLAY_CHAR, 27},
	    {"<C-?>", REPLAY_CHAR, 127},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n;
		struct replay_event *ev = parse_ok(cases[i].text, &n);
		cr_assert_eq(n, 1, "%s", cases[i].text);
		cr_assert_eq(ev[0].type, cases[i].type, "%s", cases[i].text);
		cr_assert_eq(ev[0].code, cases[i].code, "%s", cases[i].text);
		free(ev);
	}
}

Test(replay, alt_is_escape_then_the_key)
{
	size_t n;
	struct replay_event *ev = parse_ok("<M-x>", &n);

	cr_assert_eq(n, 2);
	cr_assert_eq(ev[0].code, 27);
	cr_assert_eq(ev[1].code, 'x');
	free(ev);
}

Test(replay, resize_click_and_wheel)
{
	size_t n;
	struct replay_event *ev =
	    parse_ok("<Resize 80x24><resize 1X1><Click 3,4><WheelUp><WheelDown 1,2>", &n);

	cr_assert_eq(n, 5);
	cr_assert_eq(ev[0].type, REPLAY_RESIZE);
	cr_assert_eq(ev[0].x, 80);
	cr_assert_eq(ev[0].y, 24);
	cr_assert_eq(ev[1].x, 1);
	cr_assert_eq(ev[1].y, 1);
	cr_assert_eq(ev[2].type, REPLAY_CLICK);
	cr_assert_eq(ev[2].x, 3);
	cr_assert_eq(ev[2].y, 4);
	cr_assert_eq(ev[3].type, REPLAY_WHEEL_UP);
	cr_assert_eq(ev[4].type, REPLAY_WHEEL_DOWN);
	cr_assert_eq(ev[4].y, 2);
	free(ev);
}

Test(replay, errors_name_line_and_column)
{
	parse_fails("ab\ncd<Nope>", 2, 3, "unknown key name");
	parse_fails("<Up", 1, 1, "unterminated");
	parse_fails("x<Up\n>", 1, 2, "unterminated");
	parse_fails("<>", 1, 1, "empty key name");
	parse_fails("<Resize 0x24>", 1, 1, "Resize");
	parse_fails("<Resize 80x1001>", 1, 1, "Resize");
	parse_fails("<Resize 80>", 1, 1, "Resize");
	parse_fails("<Resize 80x24 >", 1, 1, "Resize");
	parse_fails("<Click 1>", 1, 1, "Click");
	parse_fails("<C-1>", 1, 1, "control");
	parse_fails("<C-ab>", 1, 1, "one character");
	parse_fails("åä\xff", 1, 3, "invalid UTF-8");
	parse_fails("\xc3", 1, 1, "invalid UTF-8");
}

Test(replay, nul_byte_is_an_error)
{
	struct replay_event *ev;
	struct jh_err err;
	size_t n;
	int l, c;

	cr_assert_eq(replay_parse("a\0b", 3, &ev, &n, &l, &c, &err), -1);
	cr_assert_eq(c, 2);
}

Test(replay, empty_input_gives_no_events)
{
	size_t n = 7;
	struct replay_event *ev = parse_ok("", &n);

	cr_assert_eq(n, 0);
	free(ev);
}

Test(replay, hostile_bytes_never_crash)
{
	/* Every two-byte combination around the special characters. */
	static const char alphabet[] = "<>#\n\rCcM-x9, \xc3\xa5\xff";
	char buf[4];
	size_t na = sizeof alphabet - 1;

	for (size_t a = 0; a < na; a++)
		for (size_t b = 0; b < na; b++)
			for (size_t c = 0; c < na; c++) {
				struct replay_event *ev = NULL;
				struct jh_err err;
				size_t n;
				buf[0] = alphabet[a];
				buf[1] = alphabet[b];
				buf[2] = alphabet[c];
				if (!replay_parse(buf, 3, &ev, &n, NULL, NULL, &err))
					cr_assert_leq(n, 4);
				free(ev);
			}
}

/* ------------------------------------------------------------ keys */

Test(keys, every_action_has_a_key_help_and_name)
{
	for (int a = 0; a < UI_NACTIONS; a++) {
		const struct ui_action_info *i = ui_keys_info((enum ui_action)a);
		cr_assert_not_null(i);
		cr_assert_eq((int)i->act, a);
		cr_assert(i->keys[0] != 0, "%s has no key", i->name);
		cr_assert(i->help && *i->help, "%s has no help", i->name);
		cr_assert(i->where != 0, "%s applies nowhere", i->name);
		for (int b = 0; b < a; b++)
			cr_assert_str_neq(i->name, ui_keys_info((enum ui_action)b)->name);
	}
}

/* One key may mean different things in different places, never two
 * things in one place. */
Test(keys, no_key_is_bound_twice_in_one_context)
{
	for (int a = 0; a < UI_NACTIONS; a++)
		for (int b = a + 1; b < UI_NACTIONS; b++) {
			const struct ui_action_info *x = ui_keys_info((enum ui_action)a);
			const struct ui_action_info *y = ui_keys_info((enum ui_action)b);
			if (!(x->where & y->where))
				continue;
			for (const int *k = x->keys; *k; k++)
				for (const int *j = y->keys; *j; j++)
					cr_assert_neq(*k, *j, "%s and %s share a key", x->name,
						      y->name);
		}
}

Test(keys, the_issue_contract_keys)
{
	static const struct {
		int key;
		unsigned where;
		enum ui_action act;
	} cases[] = {
	    {'1', UI_IN(UI_VIEW_AGENDA), UI_ACT_VIEW_AGENDA},
	    {'7', UI_IN(UI_VIEW_BACKLOG), UI_ACT_VIEW_PARKING},
	    {'\t', UI_IN(UI_VIEW_MATRIX), UI_ACT_VIEW_NEXT},
	    {'j', UI_IN(UI_VIEW_ACTIONS), UI_ACT_DOWN},
	    {UI_FKEY(KEY_UP), UI_IN(UI_VIEW_ACTIONS), UI_ACT_UP},
	    {'h', UI_IN(UI_VIEW_JOURNEYS), UI_ACT_LEFT},
	    {'l', UI_IN(UI_VIEW_JOURNEYS), UI_ACT_RIGHT},
	    {'g', UI_IN(UI_VIEW_PARKING), UI_ACT_HOME},
	    {'G', UI_IN(UI_VIEW_PARKING), UI_ACT_END},
	    {UI_FKEY(KEY_NPAGE), UI_IN(UI_VIEW_PARKING), UI_ACT_PAGE_DOWN},
	    {'a', UI_IN(UI_VIEW_PAINPOINTS), UI_ACT_ADD},
	    {'e', UI_IN(UI_VIEW_PAINPOINTS), UI_ACT_EDIT},
	    {'\r', UI_IN(UI_VIEW_PAINPOINTS), UI_ACT_EDIT},
	    {'d', UI_IN(UI_VIEW_PAINPOINTS), UI_ACT_DELETE},
	    {'u', UI_IN(UI_VIEW_PAINPOINTS), UI_ACT_UNDO},
	    {'v', UI_IN(UI_VIEW_BACKLOG), UI_ACT_VOTE},
	    {'V', UI_IN(UI_VIEW_BACKLOG), UI_ACT_UNVOTE},
	    {'s', UI_IN(UI_VIEW_BACKLOG), UI_ACT_SORT},
	    {'/', UI_IN(UI_VIEW_BACKLOG), UI_ACT_SEARCH},
	    {'n', UI_IN(UI_VIEW_BACKLOG), UI_ACT_SEARCH_NEXT},
	    {'N', UI_IN(UI_VIEW_BACKLOG), UI_ACT_SEARCH_PREV},
	    {'t', UI_IN(UI_VIEW_AGENDA), UI_ACT_TIMER},
	    {']', UI_IN(UI_VIEW_AGENDA), UI_ACT_STEP_NEXT},
	    {'[', UI_IN(UI_VIEW_AGENDA), UI_ACT_STEP_PREV},
	    {'p', UI_IN(UI_VIEW_AGENDA), UI_ACT_PARTICIPANT},
	    {'x', UI_IN(UI_VIEW_AGENDA), UI_ACT_EXPORT},
	    {'?', UI_IN(UI_VIEW_AGENDA), UI_ACT_HELP},
	    {'q', UI_IN(UI_VIEW_AGENDA), UI_ACT_QUIT},
	    {'R', UI_IN(UI_VIEW_AGENDA), UI_ACT_REVEAL},
	    {UI_CTRL('l'), UI_IN(UI_VIEW_AGENDA), UI_ACT_REDRAW},
	    {'\t', UI_IN_FORM, UI_ACT_FORM_NEXT},
	    {UI_FKEY(KEY_BTAB), UI_IN_FORM, UI_ACT_FORM_PREV},
	    {UI_FKEY(KEY_DOWN), UI_IN_FORM, UI_ACT_FORM_NEXT},
	    {'\r', UI_IN_FORM, UI_ACT_FORM_SAVE},
	    {27, UI_IN_FORM, UI_ACT_FORM_CANCEL},
	    {UI_FKEY(KEY_LEFT), UI_IN_FORM, UI_ACT_FORM_CHOICE_PREV},
	    {'\r', UI_IN_LIST, UI_ACT_LIST_ACCEPT},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		cr_assert_eq(ui_keys_action(cases[i].key, cases[i].where), (int)cases[i].act,
			     "key %d", cases[i].key);
	/* Printable keys type in forms; they are no form action. */
	cr_assert_eq(ui_keys_action('j', UI_IN_FORM), -1);
	cr_assert_eq(ui_keys_action('q', UI_IN_FORM), -1);
	/* Not everything everywhere: voting is for ideas. */
	cr_assert_eq(ui_keys_action('v', UI_IN(UI_VIEW_AGENDA)), -1);
}

Test(keys, names)
{
	char buf[64];

	ui_keys_name('j', buf, sizeof buf);
	cr_assert_str_eq(buf, "j");
	ui_keys_name(UI_CTRL('l'), buf, sizeof buf);
	cr_assert_str_eq(buf, "C-l");
	ui_keys_name(UI_FKEY(KEY_NPAGE), buf, sizeof buf);
	cr_assert_str_eq(buf, "PgDn");
	ui_keys_name(UI_FKEY(KEY_F(1)), buf, sizeof buf);
	cr_assert_str_eq(buf, "F1");
	ui_keys_list(UI_ACT_DOWN, buf, sizeof buf);
	cr_assert_str_eq(buf, "j Down");
	ui_keys_list(UI_ACT_FORM_BACKSPACE, buf, sizeof buf);
	cr_assert_str_eq(buf, "Backspace C-h");
}

/* ------------------------------------------------------------ forms */

Test(form, generated_from_the_field_table)
{
	struct form f;

	form_init(&f, JH_PAINPOINT, 0, 1);
	cr_assert_str_eq(f.f[f.cur].def->name, "title", "cursor starts in the title");
	cr_assert_str_eq(form_get(&f, "severity"), "3", "defaults shown");
	cr_assert_str_eq(form_get(&f, "status"), "open");
	cr_assert(form_field(&f, "author")->hidden);
	cr_assert(form_field(&f, "step")->hidden);
	cr_assert_eq(form_field(&f, "severity")->mode, FORM_CHOICE);
	cr_assert_eq(form_field(&f, "severity")->nchoices, 5);
	cr_assert_eq(form_field(&f, "evidence")->mode, FORM_LONG);
	cr_assert_eq(form_field(&f, "touchpoint")->mode, FORM_CHOICE);
	form_free(&f);
}

Test(form, suggestion_and_list_fields)
{
	struct form f;

	form_init(&f, JH_TOUCHPOINT, 0, 1);
	cr_assert_str_eq(f.f[f.cur].def->name, "name");
	cr_assert_eq(form_field(&f, "channel")->mode, FORM_SUGGEST);
	cr_assert_eq(form_field(&f, "owner")->mode, FORM_SUGGEST);
	cr_assert_eq(form_field(&f, "reach")->mode, FORM_TEXT);
	cr_assert_eq(form_field(&f, "score")->nchoices, 5);
	cr_assert(form_field(&f, "position")->hidden);
	form_free(&f);
	form_init(&f, JH_IDEA, 0, 1);
	cr_assert_eq(form_field(&f, "painpoints")->mode, FORM_IDLIST);
	form_free(&f);
	form_init(&f, JH_JOURNEY, 0, 1);
	cr_assert(!form_field(&f, "stages")->hidden, "stages offered for a new journey");
	form_free(&f);
	form_init(&f, JH_JOURNEY, 3, 0);
	cr_assert(form_field(&f, "stages")->hidden, "stages of a journey are items");
	form_free(&f);
}

Test(form, validation_names_the_field_and_reason)
{
	struct form f;
	long bad;

	form_init(&f, JH_ACTION, 0, 1);
	cr_assert_eq(form_validate(&f), 0, "an empty required title is refused");
	cr_assert(strstr(form_field(&f, "title")->error, "empty"));
	form_set(&f, "title", "Ny layout på fakturan");
	form_set(&f, "due", "2026-02-30");
	bad = form_validate(&f);
	cr_assert_geq(bad, 0);
	cr_assert_str_eq(f.f[bad].def->name, "due");
	cr_assert(strstr(f.f[bad].error, "not a date"), "%s", f.f[bad].error);
	form_set(&f, "due", "2026-03-31");
	cr_assert_eq(form_validate(&f), -1);
	cr_assert_str_eq(form_field(&f, "due")->error, "");
	form_free(&f);
}

Test(form, bool_defaults_read_as_words)
{
	struct form f;

	form_init(&f, JH_PARKING, 0, 1);
	cr_assert_str_eq(form_get(&f, "answered"), "no");
	cr_assert_eq(form_validate(&f), 0, "text is required");
	form_set(&f, "text", "Vänta på nya systemet?");
	cr_assert_eq(form_validate(&f), -1);
	form_free(&f);
}

/* ------------------------------------------------------------ lists */

Test(list, movement_clamps)
{
	struct ui_list l = {10, 0, 0};

	ui_list_action(&l, UI_ACT_UP, 5);
	cr_assert_eq(l.sel, 0);
	ui_list_action(&l, UI_ACT_END, 5);
	cr_assert_eq(l.sel, 9);
	ui_list_action(&l, UI_ACT_DOWN, 5);
	cr_assert_eq(l.sel, 9);
	ui_list_action(&l, UI_ACT_PAGE_UP, 4);
	cr_assert_eq(l.sel, 5);
	ui_list_action(&l, UI_ACT_HOME, 4);
	cr_assert_eq(l.sel, 0);
	ui_list_action(&l, UI_ACT_PAGE_DOWN, 4);
	cr_assert_eq(l.sel, 4);
	cr_assert_eq(ui_list_action(&l, UI_ACT_VOTE, 4), 0);
}

Test(list, clamp_keeps_selection_visible)
{
	struct ui_list l = {100, 50, 0};

	ui_list_clamp(&l, 10);
	cr_assert_eq(l.top, 41);
	l.sel = 3;
	ui_list_clamp(&l, 10);
	cr_assert_eq(l.top, 3);
	l.n = 0;
	ui_list_clamp(&l, 10);
	cr_assert_eq(l.sel, 0);
	cr_assert_eq(l.top, 0);
	l.n = 5;
	l.sel = 99;
	ui_list_clamp(&l, 0);
	cr_assert_eq(l.sel, 4);
}

static int is_multiple_of_7(struct ui *ui, size_t i, const char *needle)
{
	(void)ui;
	(void)needle;
	return i % 7 == 0;
}

Test(list, search_wraps_both_ways)
{
	struct ui_list l = {20, 8, 0};

	cr_assert_eq(ui_list_search(&l, 1, is_multiple_of_7, NULL, "x"), 0);
	cr_assert_eq(l.sel, 14);
	cr_assert_eq(ui_list_search(&l, 1, is_multiple_of_7, NULL, "x"), 0);
	cr_assert_eq(l.sel, 0, "wraps to the top");
	cr_assert_eq(ui_list_search(&l, -1, is_multiple_of_7, NULL, "x"), 0);
	cr_assert_eq(l.sel, 14, "wraps to the bottom");
}

Test(list, split_wide_and_narrow)
{
	struct ui_rect r = {1, 0, 21, 80}, list, det;

	ui_split(&r, 6, 100, &list, &det);
	cr_assert_eq(list.w, 80);
	cr_assert_eq(det.w, 80);
	cr_assert_eq(list.h + 1 + det.h, 21);
	ui_split(&r, 6, 2, &list, &det);
	cr_assert_eq(list.h, 3, "a short list leaves room to the detail");
	r.w = 150;
	ui_split(&r, 6, 100, &list, &det);
	cr_assert_eq(list.h, 21);
	cr_assert_eq(det.h, 21);
	cr_assert_eq(list.w + 1 + det.w, 150);
	r.w = 80;
	r.h = 5;
	ui_split(&r, 6, 100, &list, &det);
	cr_assert_eq(det.h, 0, "no detail without room");
}

/* ------------------------------------------------------------ match */

Test(match, case_insensitive_unicode)
{
	cr_assert(ui_match("Fakturan är SVÅR att läsa", "svår"));
	cr_assert(ui_match("ÅSA ÖBERG", "åsa ö"));
	cr_assert(ui_match("anything", ""));
	cr_assert(!ui_match("Kö i telefon", "kö i chatt"));
	cr_assert(!ui_match("", "x"));
	cr_assert(!ui_match(NULL, "x"));
}

/* ------------------------------------------------------------ ui_run */

struct world {
	char *dir, *db, *keys, *dump;
};

static void world_make(struct world *w, const char *keys)
{
	const char *new_argv[] = {"new", "w", "-t", "payment-moment", NULL};
	struct tu_run r;

	w->dir = tu_tmpdir();
	w->db = tu_join(w->dir, "ws.db");
	w->keys = tu_join(w->dir, "keys");
	w->dump = tu_join(w->dir, "dump");
	r = tu_jhdb(w->db, new_argv);
	cr_assert_eq(r.status, 0, "new failed: %s", r.err);
	tu_run_free(&r);
	tu_write(w->keys, keys);
}

static void world_free(struct world *w)
{
	tu_rmtree(w->dir);
	free(w->dir);
	free(w->db);
	free(w->keys);
	free(w->dump);
}

static char *run_ui(struct world *w, int cols, int rows, int *rc, struct jh_err *err)
{
	struct ui_opts o = {0};

	o.db_path = w->db;
	o.workshop = "w";
	o.replay_path = w->keys;
	o.dump_path = w->dump;
	o.cols = cols;
	o.rows = rows;
	*rc = ui_run(&o, err);
	return tu_read(w->dump, NULL);
}

Test(ui_run, replays_and_dumps_the_screen)
{
	struct world w;
	struct jh_err err;
	int rc;
	char *screen;

	world_make(&w, "2");
	screen = run_ui(&w, 80, 24, &rc, &err);
	cr_assert_eq(rc, 0, "%s", err.msg);
	cr_assert_not_null(screen);
	cr_assert(strstr(screen, "[2 Map]"), "%s", screen);
	cr_assert(strstr(screen, "CX capital -3"), "%s", screen);
	cr_assert(strstr(screen, "AT RISK"), "%s", screen);
	free(screen);
	world_free(&w);
}

Test(ui_run, every_size_down_to_one_cell)
{
	static const int sizes[][2] = {{1, 1},	{2, 1},	  {1, 2},   {10, 3},
				       {39, 9}, {40, 10}, {300, 90}};
	struct world w;

	world_make(&w, "2lj<Resize 5x5>3<Resize 7x40>a<Esc>?<Esc>4<Resize 1x1>5j6ae<Esc>"
		       "<Resize 300x90>7<Resize 40x10>1A");
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		struct jh_err err;
		int rc, lines = 0;
		char *screen = run_ui(&w, sizes[i][0], sizes[i][1], &rc, &err);
		cr_assert_eq(rc, 0, "%dx%d: %s", sizes[i][0], sizes[i][1], err.msg);
		cr_assert_not_null(screen);
		for (const char *p = screen; *p; p++)
			lines += *p == '\n';
		cr_assert_eq(lines, 10, "the last resize sets the dump's size");
		free(screen);
	}
	world_free(&w);
}

Test(ui_run, bad_key_file_is_refused_with_its_position)
{
	struct world w;
	struct jh_err err;
	int rc;
	char *screen;

	world_make(&w, "12\n3<Bogus>");
	screen = run_ui(&w, 80, 24, &rc, &err);
	cr_assert_eq(rc, -1);
	cr_assert(strstr(err.msg, "keys: 2:2: unknown key name"), "%s", err.msg);
	free(screen);
	world_free(&w);
}

Test(ui_run, unknown_workshop_is_an_error)
{
	struct world w;
	struct ui_opts o = {0};
	struct jh_err err;

	world_make(&w, "q");
	o.db_path = w.db;
	o.workshop = "nope";
	o.replay_path = w.keys;
	o.cols = 80;
	o.rows = 24;
	cr_assert_eq(ui_run(&o, &err), -1);
	cr_assert(strstr(err.msg, "nope"), "%s", err.msg);
	world_free(&w);
}

/* ------------------------------------------------------------ docs */

TestSuite(docs);

/* keys.def is the one list of actions: once the man page carries the
 * interface's section, it must name every one of them. */
Test(docs, man_page_names_every_action)
{
	char *path = tu_srcpath("man/journeyhack.1");
	char *man = tu_read(path, NULL);

	free(path);
	if (!man || !strstr(man, ".Sh INTERACTIVE USE")) {
		free(man);
		cr_skip_test("man/journeyhack.1 has no INTERACTIVE USE section yet");
	}
	for (int a = 0; a < UI_NACTIONS; a++) {
		const struct ui_action_info *i = ui_keys_info((enum ui_action)a);
		char want[64];
		snprintf(want, sizeof want, "Cm %s ", i->name);
		cr_assert(strstr(man, want), "man page does not document %s", i->name);
	}
	free(man);
}
