/* test_config.c: the configuration file: every problem with its line,
 * key names both ways, bindings and their conflicts, themes and colour
 * overrides, defaults, and the dump read back to itself. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/config.h"
#include "journeyhack/ui_bell.h"
#include "journeyhack/ui_keys.h"
#include "journeyhack/view.h"
#include "testutil.h"

static void parse(struct config *c, const char *text)
{
	config_init(c);
	config_parse(c, "rc", text, strlen(text));
}

static const int *keys_of(const struct config *c, const char *action, size_t *n)
{
	int a = config_action_find(action);

	cr_assert_geq(a, 0, "no action %s", action);
	*n = c->bind[a].n;
	return c->bind[a].keys;
}

static int is_bound(const struct config *c, const char *action, const char *key)
{
	size_t n;
	const int *k = keys_of(c, action, &n);
	int want = config_key_parse(key);

	for (size_t i = 0; i < n; i++)
		if (k[i] == want)
			return 1;
	return 0;
}

static char *dump(const struct config *c)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cr_assert_not_null(f);
	cr_assert_eq(config_dump(c, f), 0);
	fclose(f);
	return buf;
}

/* ------------------------------------------------------------ problems */

/* One line in, exactly one "FILE:LINE: message" out, and the setting the
 * line would have changed keeps its default. */
Test(problems, each_bad_line_is_named_with_its_number)
{
	static const struct {
		const char *line, *want;
	} cases[] = {
	    {"colour-scheme dark",
	     "rc:2: unknown setting \"colour-scheme\" (bind, unbind, theme, color, mono, bell, "
	     "database, participant, export-folder)"},
	    {"bind fly x", "rc:2: unknown action \"fly\" (journeyhack config --dump lists them)"},
	    {"bind vote Hyper-x",
	     "rc:2: unknown key \"Hyper-x\" (keys are written a, å, C-r, Space, Enter, Esc, Tab, "
	     "F5, PgDn, Up...)"},
	    {"bind vote", "rc:2: bind needs an action and at least one key"},
	    {"bind", "rc:2: bind needs an action"},
	    {"bind vote j", "rc:2: j is already bound to move-down (unbind move-down j first)"},
	    {"bind form-save a",
	     "rc:2: form-save: a types text in forms; use a control, function or named key"},
	    {"unbind vote x", "rc:2: x is not bound to vote"},
	    {"theme solarized",
	     "rc:2: unknown theme \"solarized\" (default, light, high-contrast, monochrome)"},
	    {"theme", "rc:2: theme needs one name (default, light, high-contrast, monochrome)"},
	    {"color title pink blue",
	     "rc:2: unknown colour \"pink\" (default, black, red, green, yellow, blue, magenta, "
	     "cyan, white, bright-red..., or 0 to 255)"},
	    {"color title white 256",
	     "rc:2: unknown colour \"256\" (default, black, red, green, yellow, blue, magenta, "
	     "cyan, white, bright-red..., or 0 to 255)"},
	    {"color sky white blue",
	     "rc:2: unknown colour meaning \"sky\" (normal, title, tab, status, selected, header, "
	     "dim, negative, neutral, positive, alarm, overdue, warning, error, current, border, "
	     "mark)"},
	    {"color title white blue shiny",
	     "rc:2: unknown attribute \"shiny\" (normal, bold, dim, underline, reverse, standout, "
	     "blink, italic)"},
	    {"color title white",
	     "rc:2: color needs a meaning, a foreground and a background colour"},
	    {"mono title", "rc:2: mono needs a meaning and its attributes (or normal)"},
	    {"bell maybe", "rc:2: bell: expected on or off, not \"maybe\""},
	    {"bell", "rc:2: bell: expected on or off, not \"\""},
	    {"database", "rc:2: database needs a value"},
	    {"participant \"\"", "rc:2: participant needs a value"},
	    {"participant Åsa\x01", "rc:2: control characters are not allowed"},
	    {"participant \xc3", "rc:2: not UTF-8 text"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct config c, d;
		char text[512];
		snprintf(text, sizeof text, "# first line\n%s\n", cases[i].line);
		parse(&c, text);
		cr_assert_eq(c.nproblems, 1, "%s: %zu problems", cases[i].line, c.nproblems);
		cr_assert_str_eq(c.problems[0], cases[i].want);
		/* Nothing else changed: the same as no file at all. */
		config_init(&d);
		cr_assert_eq(c.bell, d.bell);
		cr_assert_eq(c.theme, d.theme);
		cr_assert_null(c.database);
		cr_assert_null(c.participant);
		cr_assert_eq(memcmp(c.colors, d.colors, sizeof c.colors), 0, "%s", cases[i].line);
		cr_assert_eq(memcmp(c.bind, d.bind, sizeof c.bind), 0, "%s", cases[i].line);
		config_free(&c);
	}
}

/* Bad lines do not stop the good ones around them. */
Test(problems, good_lines_around_bad_ones_still_count)
{
	struct config c;

	parse(&c, "bell off\nwibble\nparticipant Øyvind\nbind vote Hyper\r\nbind vote C-v\n");
	cr_assert_eq(c.nproblems, 2);
	cr_assert(!strncmp(c.problems[0], "rc:2: ", 6), "%s", c.problems[0]);
	cr_assert(!strncmp(c.problems[1], "rc:4: ", 6), "%s", c.problems[1]);
	cr_assert_eq(c.bell, 0);
	cr_assert_str_eq(c.participant, "Øyvind");
	cr_assert(is_bound(&c, "vote", "C-v"));
	cr_assert(is_bound(&c, "vote", "v"));
	config_free(&c);
}

/* A line is all or nothing: one bad key keeps the good ones out too. */
Test(problems, a_bad_line_changes_nothing)
{
	struct config c;

	parse(&c, "bind vote C-v Hyper-x\nunbind vote v Hyper\n");
	cr_assert_eq(c.nproblems, 2);
	cr_assert(!is_bound(&c, "vote", "C-v"));
	cr_assert(is_bound(&c, "vote", "v"));
	config_free(&c);
}

Test(problems, missing_file_is_fine_unreadable_is_named)
{
	char *dir = tu_tmpdir(), *missing = tu_join(dir, "nope"), *sub = tu_join(dir, "sub");
	struct config c;
	struct jh_err err;

	config_init(&c);
	cr_assert_eq(config_load(&c, missing, 0, &err), 0);
	cr_assert_null(c.path);
	cr_assert_eq(config_load(&c, missing, 1, &err), -1);
	cr_assert(strstr(err.msg, missing), "%s", err.msg);
	tu_write(sub, "bell off\n");
	cr_assert_eq(config_load(&c, "/dev/null", 1, &err), 0);
	cr_assert_eq(c.nproblems, 0);
	cr_assert_eq(config_load(&c, dir, 0, &err), -1, "a directory is no config");
	cr_assert(strstr(err.msg, dir), "%s", err.msg);
	cr_assert_eq(config_load(&c, sub, 0, &err), 0);
	cr_assert_eq(c.bell, 0);
	cr_assert_str_eq(c.path, sub);
	config_free(&c);
	tu_rmtree(dir);
	free(dir);
	free(missing);
	free(sub);
}

/* ------------------------------------------------------------ keys */

Test(keys, names_read_and_written_alike)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
	    {"j", "j"},		  {"C-r", "C-r"},
	    {"c-R", "C-r"},	  {"Space", "Space"},
	    {"SPC", "Space"},	  {"enter", "Enter"},
	    {"Return", "Enter"},  {"C-m", "Enter"},
	    {"Tab", "Tab"},	  {"C-i", "Tab"},
	    {"Esc", "Esc"},	  {"C-[", "Esc"},
	    {"F5", "F5"},	  {"f12", "F12"},
	    {"F24", "F24"},	  {"PgDn", "PgDn"},
	    {"PageDown", "PgDn"}, {"pgup", "PgUp"},
	    {"S-Tab", "S-Tab"},	  {"Up", "Up"},
	    {"Delete", "Delete"}, {"Del", "Delete"},
	    {"Insert", "Insert"}, {"Home", "Home"},
	    {"End", "End"},	  {"Backspace", "Backspace"},
	    {"C-h", "C-h"},	  {"å", "å"},
	    {"Ø", "Ø"},		  {"€", "€"},
	    {"#", "#"},		  {"?", "?"},
	};
	static const char *const bad[] = {"",	  "Hyper", "F0", "F25",	 "F05",	     "C-",   "C-1",
					  "C-ab", "ab",	   "åä", "\x01", "\xc2\x85", "\xff", " "};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char name[32];
		int k = config_key_parse(cases[i].in);
		cr_assert_geq(k, 0, "%s", cases[i].in);
		config_key_name(k, name, sizeof name);
		cr_assert_str_eq(name, cases[i].out, "%s", cases[i].in);
		cr_assert_eq(config_key_parse(name), k, "%s", name);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_eq(config_key_parse(bad[i]), -1, "\"%s\"", bad[i]);
}

/* Every action has its name and default keys, and every default key's
 * name reads back as that key. */
Test(keys, defaults_come_from_keys_def)
{
	struct config c;

	config_init(&c);
	for (int a = 0; a < CONFIG_NACTIONS; a++) {
		const char *name = config_action_name(a);
		cr_assert_not_null(name);
		cr_assert_eq(config_action_find(name), a);
		cr_assert_gt(c.bind[a].n, 0, "%s has no default key", name);
		for (size_t i = 0; i < c.bind[a].n; i++) {
			char kn[32];
			config_key_name(c.bind[a].keys[i], kn, sizeof kn);
			cr_assert_eq(config_key_parse(kn), c.bind[a].keys[i], "%s: %s", name, kn);
		}
	}
	cr_assert(is_bound(&c, "quit", "q"));
	cr_assert(is_bound(&c, "page-down", "PgDn"));
	cr_assert(is_bound(&c, "page-down", "C-f"));
	cr_assert(is_bound(&c, "help", "F1"));
	cr_assert(is_bound(&c, "form-backspace", "Backspace"));
	cr_assert(is_bound(&c, "form-backspace", "C-h"));
	cr_assert_eq(config_action_find("no-such"), -1);
	config_free(&c);
}

Test(bindings, bind_adds_unbind_takes_away)
{
	struct config c;

	parse(&c, "bind quit Q\nunbind timer\nbind timer C-t F5\nbind export C-x ö\n"
		  "unbind export x\n");
	cr_assert_eq(c.nproblems, 0, "%s", c.nproblems ? c.problems[0] : "");
	cr_assert(is_bound(&c, "quit", "q"));
	cr_assert(is_bound(&c, "quit", "Q"));
	cr_assert(!is_bound(&c, "timer", "t"));
	cr_assert(is_bound(&c, "timer", "C-t"));
	cr_assert(is_bound(&c, "timer", "F5"));
	cr_assert(is_bound(&c, "export", "ö"));
	cr_assert(!is_bound(&c, "export", "x"));
	config_free(&c);
}

/* Swapping two keys takes unbinding both first; a key freed that way
 * can go anywhere. */
Test(bindings, conflicts_are_refused_swaps_work)
{
	struct config c;

	parse(&c, "bind move-down k\nunbind move-down j\nunbind move-up k\nbind move-down k\n"
		  "bind move-up j\n");
	cr_assert_eq(c.nproblems, 1);
	cr_assert_str_eq(c.problems[0],
			 "rc:1: k is already bound to move-up (unbind move-up k first)");
	cr_assert(is_bound(&c, "move-down", "k"));
	cr_assert(is_bound(&c, "move-up", "j"));
	cr_assert(!is_bound(&c, "move-down", "j"));
	config_free(&c);
}

/* One key may mean different things in places that never meet: vote is
 * for the backlog and the matrix, card-left for the journey map. */
Test(bindings, a_key_may_serve_actions_that_never_meet)
{
	struct config c;

	parse(&c, "unbind card-left\nbind card-left v\n");
	cr_assert_eq(c.nproblems, 0, "%s", c.nproblems ? c.problems[0] : "");
	cr_assert(is_bound(&c, "card-left", "v"));
	cr_assert(is_bound(&c, "vote", "v"));
	config_free(&c);
}

Test(bindings, at_most_eight_keys)
{
	struct config c;

	parse(&c, "bind vote F2 F3 F4 F5 F6 F7 F8\nbind vote F9 F10\n");
	cr_assert_eq(c.nproblems, 1);
	cr_assert_str_eq(c.problems[0], "rc:2: vote: at most 8 keys");
	cr_assert(is_bound(&c, "vote", "F8"));
	cr_assert(!is_bound(&c, "vote", "F9"));
	config_free(&c);
}

/* ------------------------------------------------------------ colours */

Test(colors, themes_and_overrides)
{
	struct config c;
	int title = config_meaning_find("title"), normal = config_meaning_find("normal");

	cr_assert_eq(config_theme_count(), 4);
	cr_assert_str_eq(config_theme_name(0), "default");
	cr_assert_str_eq(config_theme_name(1), "light");
	cr_assert_str_eq(config_theme_name(2), "high-contrast");
	cr_assert_str_eq(config_theme_name(3), "monochrome");
	parse(&c, "theme light\n");
	cr_assert_eq(c.theme, 1);
	cr_assert_eq(c.colors[normal].fg, 0, "black text");
	cr_assert_eq(c.colors[normal].bg, 7, "on white");
	config_free(&c);
	parse(&c, "theme monochrome\n");
	for (int m = 0; m < CONFIG_NMEANINGS; m++) {
		cr_assert_eq(c.colors[m].fg, CONFIG_COLOR_DEFAULT, "%s", config_meaning_name(m));
		cr_assert_eq(c.colors[m].bg, CONFIG_COLOR_DEFAULT, "%s", config_meaning_name(m));
	}
	config_free(&c);
	parse(&c, "theme high-contrast\ncolor title bright-yellow 17 bold underline\n"
		  "mono title underline\n");
	cr_assert_eq(c.nproblems, 0);
	cr_assert_eq(c.colors[title].fg, 11);
	cr_assert_eq(c.colors[title].bg, 17);
	cr_assert_eq(c.colors[title].attrs, CONFIG_A_BOLD | CONFIG_A_UNDERLINE);
	cr_assert_eq(c.colors[title].mono, CONFIG_A_UNDERLINE);
	config_free(&c);
	/* A theme named later resets the colours before it. */
	parse(&c, "color title red default\ntheme default\n");
	cr_assert_eq(memcmp(&c.colors[title], config_theme_colors(0) + title, sizeof c.colors[0]),
		     0);
	config_free(&c);
}

/* ------------------------------------------------------------ defaults */

Test(defaults, values_take_the_rest_of_the_line)
{
	struct config c;

	parse(&c, "database ~/möten/rum.db\nparticipant  Åsa Öberg \nexport-folder \" ut \"\n");
	cr_assert_eq(c.nproblems, 0);
	cr_assert_str_eq(c.database, "~/möten/rum.db");
	cr_assert_str_eq(c.participant, "Åsa Öberg");
	cr_assert_str_eq(c.export_folder, " ut ");
	cr_assert_eq(c.bell, 1, "the bell rings unless turned off");
	config_free(&c);
}

Test(defaults, paths_follow_xdg_and_home)
{
	char *p;

	setenv("HOME", "/home/åsa", 1);
	setenv("XDG_CONFIG_HOME", "/etc/xdg-åsa", 1);
	p = config_default_path();
	cr_assert_str_eq(p, "/etc/xdg-åsa/journeyhack/config");
	free(p);
	setenv("XDG_CONFIG_HOME", "relative", 1);
	p = config_default_path();
	cr_assert_str_eq(p, "/home/åsa/.config/journeyhack/config");
	free(p);
	p = config_expand("~/ut");
	cr_assert_str_eq(p, "/home/åsa/ut");
	free(p);
	p = config_expand("~øyvind/ut");
	cr_assert_str_eq(p, "~øyvind/ut");
	free(p);
	unsetenv("HOME");
	unsetenv("XDG_CONFIG_HOME");
	cr_assert_null(config_default_path());
}

/* ------------------------------------------------------------ the dump */

static void round_trip(const char *text)
{
	struct config c, d;
	char *first, *second;

	parse(&c, text);
	cr_assert_eq(c.nproblems, 0, "%s", c.nproblems ? c.problems[0] : "");
	first = dump(&c);
	parse(&d, first);
	cr_assert_eq(d.nproblems, 0, "%s", d.nproblems ? d.problems[0] : "");
	second = dump(&d);
	cr_assert_str_eq(first, second);
	cr_assert_eq(memcmp(c.bind, d.bind, sizeof c.bind), 0);
	cr_assert_eq(memcmp(c.colors, d.colors, sizeof c.colors), 0);
	cr_assert_eq(c.bell, d.bell);
	free(first);
	free(second);
	config_free(&c);
	config_free(&d);
}

Test(dump, reads_back_to_itself)
{
	round_trip("");
	round_trip("bell off\ntheme light\ncolor dim 123 default italic\nmono mark reverse\n"
		   "participant \" Åsa \"\ndatabase ~/rum.db\nexport-folder /tmp/ut\n");
	/* Swapped keys, a key freed and an action left without one. */
	round_trip("unbind move-down j\nunbind move-up k\nbind move-down k\nbind move-up j\n"
		   "unbind quit\nbind quit C-q Q\nunbind export\nbind vote å\n");
	/* The same keys in another order: the first is the one hints name. */
	round_trip("unbind timer\nbind timer C-t t\n");
}

Test(dump, names_every_binding_and_setting)
{
	struct config c;
	char *out;

	parse(&c, "unbind export\nbind timer C-t\n");
	out = dump(&c);
	for (int a = 0; a < CONFIG_NACTIONS; a++) {
		const char *name = config_action_name(a);
		char want[64];
		if (!strcmp(name, "export"))
			snprintf(want, sizeof want, "\n# export has no key\n");
		else
			snprintf(want, sizeof want, "\nbind %s ", name);
		cr_assert(strstr(out, want), "%s missing", name);
	}
	cr_assert(strstr(out, "\nunbind export\n"));
	cr_assert(!strstr(out, "\nunbind timer\n"), "timer only gained a key");
	cr_assert(strstr(out, "\nbind timer t C-t\n"));
	cr_assert(strstr(out, "\nbind form-backspace Backspace C-h\n"));
	cr_assert(strstr(out, "\n# database FILE\n"));
	cr_assert(strstr(out, "\nbell on\n"));
	cr_assert(strstr(out, "\ntheme default\n"));
	cr_assert(strstr(out, "\n# color title white blue bold\n"));
	cr_assert(strstr(out, "\n# mono title reverse\n"));
	free(out);
	config_free(&c);
}

/* ------------------------------------------------------------ hostile */

/* Any bytes at all: problems, never a crash, and every problem is one
 * line that starts with the file and a line number. */
Test(problems, hostile_bytes_never_crash)
{
	static const char alphabet[] = "bind vote C-\x01\n\r\t #\"\xc3\xa5\xff~color";
	char buf[6];
	size_t na = sizeof alphabet - 1;
	unsigned seed = 15;

	for (int round = 0; round < 20000; round++) {
		struct config c;
		for (size_t i = 0; i < sizeof buf; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = alphabet[(seed >> 16) % na];
		}
		parse(&c, "");
		config_parse(&c, "rc", buf, sizeof buf);
		for (size_t i = 0; i < c.nproblems; i++) {
			cr_assert(!strncmp(c.problems[i], "rc:", 3), "%s", c.problems[i]);
			cr_assert_null(strchr(c.problems[i], '\n'));
		}
		config_free(&c);
	}
}

/* ------------------------------------------------------------ the interface */

/* config.c and ui_keys.c read one keys.def: the same actions, in the same
 * order, and the same names for every default key. */
Test(interface, the_same_actions_and_key_names)
{
	struct config c;

	config_init(&c);
	for (int a = 0; a < UI_NACTIONS; a++) {
		const struct ui_action_info *i = ui_keys_info((enum ui_action)a);
		char ui_names[128], cfg_names[128] = "";
		size_t len = 0;
		cr_assert_str_eq(i->name, config_action_name(a));
		ui_keys_list((enum ui_action)a, ui_names, sizeof ui_names);
		for (size_t k = 0; k < c.bind[a].n; k++) {
			char kn[32];
			config_key_name(c.bind[a].keys[k], kn, sizeof kn);
			len += (size_t)snprintf(cfg_names + len, sizeof cfg_names - len, "%s%s",
						len ? " " : "", kn);
		}
		cr_assert_str_eq(ui_names, cfg_names, "%s", i->name);
	}
	config_free(&c);
}

Test(interface, configured_keys_replace_the_defaults)
{
	struct config c;

	parse(&c, "unbind view-painpoints\nbind view-painpoints C-p F5 ö\nunbind quit\n"
		  "bind quit Q\nunbind form-delete\nbind form-backspace Delete\n");
	cr_assert_eq(c.nproblems, 0, "%s", c.nproblems ? c.problems[0] : "");
	ui_keys_apply(&c);
	cr_assert_eq(ui_keys_action(UI_CTRL('p'), UI_IN(UI_VIEW_AGENDA)), UI_ACT_VIEW_PAINPOINTS);
	cr_assert_eq(ui_keys_action(UI_FKEY(KEY_F(5)), UI_IN(UI_VIEW_AGENDA)),
		     UI_ACT_VIEW_PAINPOINTS);
	cr_assert_eq(ui_keys_action(0xf6, UI_IN(UI_VIEW_AGENDA)), UI_ACT_VIEW_PAINPOINTS);
	cr_assert_eq(ui_keys_action('3', UI_IN(UI_VIEW_AGENDA)), -1);
	cr_assert_eq(ui_keys_action('q', UI_IN(UI_VIEW_AGENDA)), -1);
	cr_assert_eq(ui_keys_action('Q', UI_IN_LIST), UI_ACT_QUIT);
	/* Backspace is the terminal's key and DEL alike. */
	cr_assert_eq(ui_keys_action(UI_FKEY(KEY_BACKSPACE), UI_IN_FORM), UI_ACT_FORM_BACKSPACE);
	cr_assert_eq(ui_keys_action(127, UI_IN_FORM), UI_ACT_FORM_BACKSPACE);
	cr_assert_eq(ui_keys_action(UI_FKEY(KEY_DC), UI_IN_FORM), UI_ACT_FORM_BACKSPACE);
	cr_assert_str_eq(ui_keys_first(UI_ACT_VIEW_PAINPOINTS), "C-p");
	cr_assert_str_eq(ui_keys_first(UI_ACT_QUIT), "Q");
	cr_assert_str_eq(ui_keys_first(UI_ACT_FORM_DELETE), "<form-delete>");
	ui_keys_apply(NULL);
	cr_assert_eq(ui_keys_action('3', UI_IN(UI_VIEW_AGENDA)), UI_ACT_VIEW_PAINPOINTS);
	cr_assert_eq(ui_keys_action('q', UI_IN(UI_VIEW_AGENDA)), UI_ACT_QUIT);
	cr_assert_str_eq(ui_keys_first(UI_ACT_QUIT), "q");
	config_free(&c);
}

/* The bell rings on the change from time left to time up that this
 * terminal sees, once; not for a timer already over, paused, or off. */
Test(interface, the_bell_rings_once_at_time_up)
{
	struct config off;

	ui_bell_set(NULL);
	cr_assert_eq(ui_bell_timer(7, -30, 1), 0, "over when first seen");
	cr_assert_eq(ui_bell_timer(7, -31, 1), 0);
	ui_bell_set(NULL);
	cr_assert_eq(ui_bell_timer(7, 2, 1), 0);
	cr_assert_eq(ui_bell_timer(7, 0, 1), 0, "zero left is not over yet");
	cr_assert_eq(ui_bell_timer(7, -1, 1), 1, "time up");
	cr_assert_eq(ui_bell_timer(7, -2, 1), 0, "once");
	cr_assert_eq(ui_bell_timer(8, 60, 1), 0, "the next step");
	cr_assert_eq(ui_bell_timer(9, -1, 1), 0, "another step, already over");
	cr_assert_eq(ui_bell_timer(9, 5, 0), 0);
	cr_assert_eq(ui_bell_timer(9, -1, 0), 0, "a paused timer does not run out");
	parse(&off, "bell off\n");
	ui_bell_set(&off);
	cr_assert_eq(ui_bell_timer(7, 1, 1), 0);
	cr_assert_eq(ui_bell_timer(7, -1, 1), 0, "bell off");
	ui_bell_set(NULL);
	config_free(&off);
}
