/* config.c: the configuration file: parsing, the effective settings and
 * the dump. Behaviour in config.h; the format in journeyhack-config(5).
 *
 * Every line is applied whole or not at all, so a bad line leaves the
 * settings it names as they were and the rest of the file still counts. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "journeyhack/config.h"
#include "journeyhack/fileread.h"
#include "journeyhack/i18n.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"

#define MAX_FILE  (1024 * 1024)
#define MAX_LINE  4096
#define MAX_WORDS 16

/* ------------------------------------------------------------ actions */

/* keys.def is written for the interface; its where-masks and key codes
 * are read here in this module's own terms, so the file stays the one
 * list of actions and keys. */
enum {
#define VIEW(id, name, title, tab) CFG_UI_VIEW_##id,
#include "journeyhack/views.def"
#undef VIEW
	CFG_UI_NVIEWS
};

#define UI_IN(v)       (1u << CFG_##v)
#define UI_IN_VIEWS    ((1u << CFG_UI_NVIEWS) - 1)
#define UI_IN_EDITABLE (UI_IN_VIEWS & ~UI_IN(UI_VIEW_AGENDA))
#define UI_IN_FORM     (1u << 16)
#define UI_IN_LIST     (1u << 17)
#define UI_FKEY(k)     CONFIG_##k
#define UI_CTRL(c)     ((c)&0x1f)

#define UI_ACTION(id, name, help, where, ...) static const int dflt_##id[] = {__VA_ARGS__, 0};
#include "journeyhack/keys.def"
#undef UI_ACTION

static const struct {
	const char *name;
	unsigned where;
	const int *keys;
} actions[CONFIG_NACTIONS] = {
#define UI_ACTION(id, name, help, where, ...) {name, where, dflt_##id},
#include "journeyhack/keys.def"
#undef UI_ACTION
};

#undef UI_IN
#undef UI_IN_VIEWS
#undef UI_IN_EDITABLE
#undef UI_FKEY
#undef UI_CTRL

int config_action_find(const char *name)
{
	for (int a = 0; a < CONFIG_NACTIONS; a++)
		if (!strcmp(actions[a].name, name))
			return a;
	return -1;
}

const char *config_action_name(int action)
{
	return action >= 0 && action < CONFIG_NACTIONS ? actions[action].name : NULL;
}

/* ------------------------------------------------------------ key names */

/* The first name of a key is the one it is shown by; the rest are
 * spellings other programs use. */
static const struct {
	const char *name;
	int key;
} key_names[] = {
#define CONFIG_KEY_ROW(id, name) {name, CONFIG_KEY_##id},
    CONFIG_NAMED_KEYS(CONFIG_KEY_ROW)
#undef CONFIG_KEY_ROW
	{"Tab", '\t'},
    {"Enter", '\r'},
    {"Space", ' '},
    {"Esc", 27},
    {"Backspace", 127},
    {"Return", '\r'},
    {"RET", '\r'},
    {"SPC", ' '},
    {"Escape", 27},
    {"BTab", CONFIG_KEY_BTAB},
    {"Backtab", CONFIG_KEY_BTAB},
    {"PageDown", CONFIG_KEY_NPAGE},
    {"PgDown", CONFIG_KEY_NPAGE},
    {"PageUp", CONFIG_KEY_PPAGE},
    {"Del", CONFIG_KEY_DC},
    {"Ins", CONFIG_KEY_IC},
    {"BS", CONFIG_KEY_BACKSPACE},
};

#define NKEYNAMES (sizeof key_names / sizeof key_names[0])

static int ctrl_key(const char *s)
{
	unsigned char c = (unsigned char)s[2];

	if ((s[0] != 'C' && s[0] != 'c') || s[1] != '-' || !c || s[3])
		return -1;
	if (isalpha(c))
		return tolower(c) & 0x1f;
	if (strchr("[\\]^_", c))
		return c & 0x1f;
	return -1;
}

static int fkey(const char *s)
{
	long long n;

	if ((s[0] != 'F' && s[0] != 'f') || !isdigit((unsigned char)s[1]) || s[1] == '0' ||
	    util_parse_int(s + 1, &n) || n < 1 || n > CONFIG_NFKEYS)
		return -1;
	return CONFIG_KEY_F((int)n);
}

/* One printable character, as typed: no control, no C1 control. */
static int char_key(const char *s)
{
	size_t len = strlen(s);
	unsigned int cp;

	if (!len || !text_utf8_valid(s, len) || text_decode(s, len, &cp) != len)
		return -1;
	if (cp <= ' ' || cp == 127 || (cp >= 0x80 && cp < 0xa0))
		return -1;
	return (int)cp;
}

int config_key_parse(const char *name)
{
	if (!name || !*name)
		return -1;
	if (name[1]) {
		int k;

		for (size_t i = 0; i < NKEYNAMES; i++)
			if (!strcasecmp(key_names[i].name, name))
				return key_names[i].key == 127 ? CONFIG_KEY_BACKSPACE
							       : key_names[i].key;
		if ((k = ctrl_key(name)) >= 0 || (k = fkey(name)) >= 0)
			return k;
	}
	return char_key(name);
}

void config_key_name(int key, char *buf, size_t size)
{
	char mb[8];

	for (size_t i = 0; i < NKEYNAMES; i++)
		if (key_names[i].key == key) {
			snprintf(buf, size, "%s", key_names[i].name);
			return;
		}
	if (key > CONFIG_KEY_F(0) && key <= CONFIG_KEY_F(CONFIG_NFKEYS))
		snprintf(buf, size, "F%d", key - CONFIG_KEY_F(0));
	else if (key > 0 && key < 27)
		snprintf(buf, size, "C-%c", key + 'a' - 1);
	else if (key > 27 && key < 32)
		snprintf(buf, size, "C-%c", key + '@');
	else if (key > ' ' && key < CONFIG_KEY_NAMED && key != 127 &&
		 !(key >= 0x80 && key < 0xa0)) {
		mb[text_encode(mb, (unsigned int)key)] = '\0';
		snprintf(buf, size, "%s", mb);
	} else
		snprintf(buf, size, "#%d", key);
}

/* A key that types text where forms take typing. */
static int types_text(int key)
{
	return key >= ' ' && key < CONFIG_KEY_NAMED && key != 127;
}

/* ------------------------------------------------------------ colours */

static const char *const meaning_names[CONFIG_NMEANINGS] = {
#define CONFIG_MEANING_NAME(id, name) name,
    CONFIG_MEANINGS(CONFIG_MEANING_NAME)
#undef CONFIG_MEANING_NAME
};

int config_meaning_find(const char *name)
{
	for (int i = 0; i < CONFIG_NMEANINGS; i++)
		if (!strcmp(meaning_names[i], name))
			return i;
	return -1;
}

const char *config_meaning_name(int meaning)
{
	return meaning >= 0 && meaning < CONFIG_NMEANINGS ? meaning_names[meaning] : NULL;
}

static const char *const color_names[8] = {"black", "red",     "green", "yellow",
					   "blue",  "magenta", "cyan",	"white"};

static const struct {
	const char *name;
	unsigned bit;
} attr_names[] = {
    {"bold", CONFIG_A_BOLD},	       {"dim", CONFIG_A_DIM},
    {"underline", CONFIG_A_UNDERLINE}, {"reverse", CONFIG_A_REVERSE},
    {"standout", CONFIG_A_STANDOUT},   {"blink", CONFIG_A_BLINK},
    {"italic", CONFIG_A_ITALIC},
};

#define NATTRS (sizeof attr_names / sizeof attr_names[0])

enum { K = 0, R, G, Y, B, M, C, W, D = CONFIG_COLOR_DEFAULT };
enum { BO = CONFIG_A_BOLD, DI = CONFIG_A_DIM, UL = CONFIG_A_UNDERLINE, RV = CONFIG_A_REVERSE };

/* Text on the terminal's own background avoids blue (lost on black) and
 * yellow (lost on white), so `default` reads on dark and light terminals
 * alike. `light` sets its own white background and trades dim text,
 * which a projector washes out, for blue; `high-contrast` is white on
 * black with bright colours and no dim text. Monochrome keeps every
 * meaning apart by attribute. */
static const struct config_color theme_default[CONFIG_NMEANINGS] = {
    [CONFIG_C_NORMAL] = {D, D, 0, 0},	    [CONFIG_C_TITLE] = {W, B, BO, RV},
    [CONFIG_C_TAB] = {K, C, BO, BO | UL},   [CONFIG_C_STATUS] = {K, W, 0, RV},
    [CONFIG_C_SELECTED] = {K, C, 0, RV},    [CONFIG_C_HEADER] = {D, D, BO | UL, BO},
    [CONFIG_C_DIM] = {D, D, DI, DI},	    [CONFIG_C_NEGATIVE] = {R, D, BO, BO},
    [CONFIG_C_NEUTRAL] = {D, D, 0, 0},	    [CONFIG_C_POSITIVE] = {G, D, BO, 0},
    [CONFIG_C_ALARM] = {W, R, BO, RV | BO}, [CONFIG_C_OVERDUE] = {R, D, BO, BO | UL},
    [CONFIG_C_WARNING] = {M, D, BO, BO},    [CONFIG_C_ERROR] = {R, D, BO, BO},
    [CONFIG_C_CURRENT] = {G, D, BO, BO},    [CONFIG_C_BORDER] = {C, D, 0, 0},
    [CONFIG_C_MARK] = {K, Y, 0, UL},
};

static const struct config_color theme_light[CONFIG_NMEANINGS] = {
    [CONFIG_C_NORMAL] = {K, W, 0, 0},	    [CONFIG_C_TITLE] = {W, K, BO, RV},
    [CONFIG_C_TAB] = {K, C, BO, BO | UL},   [CONFIG_C_STATUS] = {W, K, 0, RV},
    [CONFIG_C_SELECTED] = {W, B, BO, RV},   [CONFIG_C_HEADER] = {K, D, BO | UL, BO},
    [CONFIG_C_DIM] = {B, D, 0, DI},	    [CONFIG_C_NEGATIVE] = {R, D, BO, BO},
    [CONFIG_C_NEUTRAL] = {K, D, 0, 0},	    [CONFIG_C_POSITIVE] = {G, D, BO, 0},
    [CONFIG_C_ALARM] = {W, R, BO, RV | BO}, [CONFIG_C_OVERDUE] = {R, D, BO | UL, BO | UL},
    [CONFIG_C_WARNING] = {M, D, BO, BO},    [CONFIG_C_ERROR] = {R, D, BO, BO},
    [CONFIG_C_CURRENT] = {G, D, BO, BO},    [CONFIG_C_BORDER] = {B, D, 0, 0},
    [CONFIG_C_MARK] = {W, M, 0, UL},
};

static const struct config_color theme_contrast[CONFIG_NMEANINGS] = {
    [CONFIG_C_NORMAL] = {W, K, 0, 0},	     [CONFIG_C_TITLE] = {K, W, BO, RV},
    [CONFIG_C_TAB] = {K, Y, BO, BO | UL},    [CONFIG_C_STATUS] = {K, W, BO, RV},
    [CONFIG_C_SELECTED] = {K, Y, BO, RV},    [CONFIG_C_HEADER] = {W, D, BO | UL, BO},
    [CONFIG_C_DIM] = {W, D, 0, 0},	     [CONFIG_C_NEGATIVE] = {R + 8, D, BO, BO},
    [CONFIG_C_NEUTRAL] = {W, D, 0, 0},	     [CONFIG_C_POSITIVE] = {G + 8, D, BO, 0},
    [CONFIG_C_ALARM] = {W, R, BO, RV | BO},  [CONFIG_C_OVERDUE] = {R + 8, D, BO | UL, BO | UL},
    [CONFIG_C_WARNING] = {Y + 8, D, BO, BO}, [CONFIG_C_ERROR] = {R + 8, D, BO, BO},
    [CONFIG_C_CURRENT] = {G + 8, D, BO, BO}, [CONFIG_C_BORDER] = {W, D, 0, 0},
    [CONFIG_C_MARK] = {K, C, BO, UL},
};

static const struct config_color theme_mono[CONFIG_NMEANINGS] = {
    [CONFIG_C_NORMAL] = {D, D, 0, 0},
    [CONFIG_C_TITLE] = {D, D, RV, RV},
    [CONFIG_C_TAB] = {D, D, BO | UL, BO | UL},
    [CONFIG_C_STATUS] = {D, D, RV, RV},
    [CONFIG_C_SELECTED] = {D, D, RV, RV},
    [CONFIG_C_HEADER] = {D, D, BO, BO},
    [CONFIG_C_DIM] = {D, D, DI, DI},
    [CONFIG_C_NEGATIVE] = {D, D, BO, BO},
    [CONFIG_C_NEUTRAL] = {D, D, 0, 0},
    [CONFIG_C_POSITIVE] = {D, D, 0, 0},
    [CONFIG_C_ALARM] = {D, D, RV | BO, RV | BO},
    [CONFIG_C_OVERDUE] = {D, D, BO | UL, BO | UL},
    [CONFIG_C_WARNING] = {D, D, BO, BO},
    [CONFIG_C_ERROR] = {D, D, BO, BO},
    [CONFIG_C_CURRENT] = {D, D, BO, BO},
    [CONFIG_C_BORDER] = {D, D, 0, 0},
    [CONFIG_C_MARK] = {D, D, UL, UL},
};

static const struct {
	const char *name;
	const struct config_color *colors;
} themes[] = {
    {"default", theme_default},
    {"light", theme_light},
    {"high-contrast", theme_contrast},
    {"monochrome", theme_mono},
};

#define NTHEMES (sizeof themes / sizeof themes[0])

size_t config_theme_count(void)
{
	return NTHEMES;
}

const char *config_theme_name(size_t theme)
{
	return theme < NTHEMES ? themes[theme].name : NULL;
}

const struct config_color *config_theme_colors(size_t theme)
{
	return themes[theme < NTHEMES ? theme : 0].colors;
}

static int color_parse(const char *s, short *out)
{
	long long n;

	if (!strcasecmp(s, "default")) {
		*out = CONFIG_COLOR_DEFAULT;
		return 0;
	}
	for (short i = 0; i < 8; i++) {
		if (!strcasecmp(s, color_names[i]) ||
		    (!strncasecmp(s, "bright-", 7) && !strcasecmp(s + 7, color_names[i]))) {
			*out = (short)(s[6] == '-' ? i + 8 : i);
			return 0;
		}
	}
	if (isdigit((unsigned char)s[0]) && !util_parse_int(s, &n) && n >= 0 && n <= 255) {
		*out = (short)n;
		return 0;
	}
	return -1;
}

static void color_name(short c, char *buf, size_t size)
{
	if (c < 0)
		snprintf(buf, size, "default");
	else if (c < 8)
		snprintf(buf, size, "%s", color_names[c]);
	else if (c < 16)
		snprintf(buf, size, "bright-%s", color_names[c - 8]);
	else
		snprintf(buf, size, "%d", c);
}

/* ------------------------------------------------------------ the model */

static void bindings_default(struct config *c)
{
	for (int a = 0; a < CONFIG_NACTIONS; a++) {
		struct config_binding *b = &c->bind[a];
		b->n = 0;
		for (const int *k = actions[a].keys; *k && b->n < CONFIG_MAX_KEYS; k++) {
			/* DEL and the Backspace key are one key to a user. */
			int key = *k == 127 ? CONFIG_KEY_BACKSPACE : *k;
			int dup = 0;
			for (size_t i = 0; i < b->n; i++)
				dup |= b->keys[i] == key;
			if (!dup)
				b->keys[b->n++] = key;
		}
	}
}

void config_init(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->bell = 1;
	memcpy(c->colors, theme_default, sizeof c->colors);
	bindings_default(c);
}

void config_free(struct config *c)
{
	free(c->path);
	free(c->database);
	free(c->participant);
	free(c->export_folder);
	for (size_t i = 0; i < c->nproblems; i++)
		free(c->problems[i]);
	free(c->problems);
	config_init(c);
}

/* ------------------------------------------------------------ parsing */

struct line {
	struct config *c;
	const char *file;
	int no;
	char *words[MAX_WORDS];
	int n;
	const char *rest; /* the text after the first word, trimmed */
};

static void problem(struct line *l, const char *fmt, ...) JH_PRINTF(2, 3);
static void problem(struct line *l, const char *fmt, ...)
{
	char msg[512], *full;
	size_t n;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	n = strlen(l->file) + strlen(msg) + 32;
	full = util_xmalloc(n);
	snprintf(full, n, "%s:%d: %s", l->file, l->no, msg);
	l->c->problems =
	    util_xrealloc(l->c->problems, (l->c->nproblems + 1) * sizeof *l->c->problems);
	l->c->problems[l->c->nproblems++] = full;
}

static int holder(const struct config *c, int key, int self)
{
	for (int a = 0; a < CONFIG_NACTIONS; a++) {
		if (a == self || !(actions[a].where & actions[self].where))
			continue;
		for (size_t i = 0; i < c->bind[a].n; i++)
			if (c->bind[a].keys[i] == key)
				return a;
	}
	return -1;
}

static int bound_to(const struct config_binding *b, int key)
{
	for (size_t i = 0; i < b->n; i++)
		if (b->keys[i] == key)
			return (int)i;
	return -1;
}

/* The action named by the second word, or -1 after saying why. */
static int line_action(struct line *l)
{
	int a;

	if (l->n < 2) {
		problem(l, _("%s needs an action"), l->words[0]);
		return -1;
	}
	a = config_action_find(l->words[1]);
	if (a < 0)
		problem(l, _("unknown action \"%s\" (journeyhack config --dump lists them)"),
			l->words[1]);
	return a;
}

/* The keys from the third word on into keys[], or -1 after saying why. */
static int line_keys(struct line *l, int *keys)
{
	for (int i = 2; i < l->n; i++) {
		keys[i - 2] = config_key_parse(l->words[i]);
		if (keys[i - 2] < 0) {
			problem(
			    l,
			    _("unknown key \"%s\" (keys are written a, å, C-r, Space, Enter, Esc, "
			      "Tab, F5, PgDn, Up...)"),
			    l->words[i]);
			return -1;
		}
	}
	return l->n - 2;
}

static int bind_check(struct line *l, int a, int key)
{
	char name[32];
	int other = holder(l->c, key, a);

	config_key_name(key, name, sizeof name);
	if (other >= 0) {
		problem(l, _("%s is already bound to %s (unbind %s %s first)"), name,
			actions[other].name, actions[other].name, name);
		return -1;
	}
	if ((actions[a].where & UI_IN_FORM) && types_text(key)) {
		problem(l, _("%s: %s types text in forms; use a control, function or named key"),
			actions[a].name, name);
		return -1;
	}
	return 0;
}

static void do_bind(struct line *l)
{
	int keys[MAX_WORDS], a = line_action(l), n;
	struct config_binding b;

	if (a < 0)
		return;
	if (l->n < 3) {
		problem(l, _("bind needs an action and at least one key"));
		return;
	}
	if ((n = line_keys(l, keys)) < 0)
		return;
	b = l->c->bind[a];
	for (int i = 0; i < n; i++) {
		if (bound_to(&b, keys[i]) >= 0)
			continue;
		if (bind_check(l, a, keys[i]))
			return;
		if (b.n == CONFIG_MAX_KEYS) {
			problem(l, _("%s: at most %d keys"), actions[a].name, CONFIG_MAX_KEYS);
			return;
		}
		b.keys[b.n++] = keys[i];
	}
	l->c->bind[a] = b;
}

static void do_unbind(struct line *l)
{
	int keys[MAX_WORDS], a = line_action(l), n;
	struct config_binding b;

	if (a < 0 || (n = line_keys(l, keys)) < 0)
		return;
	b = l->c->bind[a];
	if (n == 0)
		b.n = 0;
	for (int i = 0; i < n; i++) {
		int at = bound_to(&b, keys[i]);
		if (at < 0) {
			problem(l, _("%s is not bound to %s"), l->words[i + 2], actions[a].name);
			return;
		}
		memmove(&b.keys[at], &b.keys[at + 1], (b.n - (size_t)at - 1) * sizeof b.keys[0]);
		b.n--;
	}
	l->c->bind[a] = b;
}

static void do_theme(struct line *l)
{
	if (l->n != 2) {
		problem(l, _("theme needs one name (default, light, high-contrast, monochrome)"));
		return;
	}
	for (size_t t = 0; t < NTHEMES; t++)
		if (!strcmp(themes[t].name, l->words[1])) {
			l->c->theme = (int)t;
			memcpy(l->c->colors, themes[t].colors, sizeof l->c->colors);
			return;
		}
	problem(l, _("unknown theme \"%s\" (default, light, high-contrast, monochrome)"),
		l->words[1]);
}

static int line_meaning(struct line *l)
{
	int m = config_meaning_find(l->words[1]);

	if (m < 0)
		problem(l,
			_("unknown colour meaning \"%s\" (normal, title, tab, status, selected, "
			  "header, dim, negative, neutral, positive, alarm, overdue, warning, "
			  "error, current, border, mark)"),
			l->words[1]);
	return m;
}

/* Attributes from word `from` on; "normal" alone means none. */
static int line_attrs(struct line *l, int from, unsigned *out)
{
	*out = 0;
	for (int i = from; i < l->n; i++) {
		size_t k = 0;
		if (!strcmp(l->words[i], "normal") || !strcmp(l->words[i], "none"))
			continue;
		while (k < NATTRS && strcmp(attr_names[k].name, l->words[i]))
			k++;
		if (k == NATTRS) {
			problem(
			    l,
			    _("unknown attribute \"%s\" (normal, bold, dim, underline, reverse, "
			      "standout, blink, italic)"),
			    l->words[i]);
			return -1;
		}
		*out |= attr_names[k].bit;
	}
	return 0;
}

static void do_color(struct line *l)
{
	struct config_color col;
	int m;

	if (l->n < 4) {
		problem(l, _("color needs a meaning, a foreground and a background colour"));
		return;
	}
	if ((m = line_meaning(l)) < 0)
		return;
	col = l->c->colors[m];
	for (int i = 2; i < 4; i++)
		if (color_parse(l->words[i], i == 2 ? &col.fg : &col.bg)) {
			problem(
			    l,
			    _("unknown colour \"%s\" (default, black, red, green, yellow, blue, "
			      "magenta, cyan, white, bright-red..., or 0 to 255)"),
			    l->words[i]);
			return;
		}
	if (line_attrs(l, 4, &col.attrs))
		return;
	l->c->colors[m] = col;
}

static void do_mono(struct line *l)
{
	unsigned attrs;
	int m;

	if (l->n < 3) {
		problem(l, _("mono needs a meaning and its attributes (or normal)"));
		return;
	}
	if ((m = line_meaning(l)) < 0 || line_attrs(l, 2, &attrs))
		return;
	l->c->colors[m].mono = attrs;
}

static void do_bell(struct line *l)
{
	static const char *const on[] = {"on", "yes", "true", "1"};
	static const char *const off[] = {"off", "no", "false", "0"};

	for (size_t i = 0; l->n == 2 && i < sizeof on / sizeof on[0]; i++)
		if (!strcasecmp(l->words[1], on[i]) || !strcasecmp(l->words[1], off[i])) {
			l->c->bell = !strcasecmp(l->words[1], on[i]);
			return;
		}
	problem(l, _("bell: expected on or off, not \"%s\""), l->rest);
}

/* A value is the rest of the line; double quotes around it keep blanks
 * at its ends. */
static void do_value(struct line *l, char **slot)
{
	size_t n = strlen(l->rest);
	const char *v = l->rest;

	if (n >= 2 && v[0] == '"' && v[n - 1] == '"') {
		v++;
		n -= 2;
	}
	if (!n) {
		problem(l, _("%s needs a value"), l->words[0]);
		return;
	}
	free(*slot);
	*slot = util_xstrndup(v, n);
}

static void apply(struct line *l)
{
	static const char *const keywords[] = {"bind",	      "unbind",	      "theme", "color",
					       "colour",      "mono",	      "bell",  "database",
					       "participant", "export-folder"};
	struct config *c = l->c;
	size_t k = 0;

	while (k < sizeof keywords / sizeof keywords[0] && strcmp(keywords[k], l->words[0]))
		k++;
	switch (k) {
	case 0:
		do_bind(l);
		break;
	case 1:
		do_unbind(l);
		break;
	case 2:
		do_theme(l);
		break;
	case 3:
	case 4:
		do_color(l);
		break;
	case 5:
		do_mono(l);
		break;
	case 6:
		do_bell(l);
		break;
	case 7:
		do_value(l, &c->database);
		break;
	case 8:
		do_value(l, &c->participant);
		break;
	case 9:
		do_value(l, &c->export_folder);
		break;
	default:
		problem(l,
			_("unknown setting \"%s\" (bind, unbind, theme, color, mono, bell, "
			  "database, participant, export-folder)"),
			l->words[0]);
	}
}

static int has_control(const char *s)
{
	for (; *s; s++)
		if (((unsigned char)*s < ' ' && *s != '\t') || *s == 127)
			return 1;
	return 0;
}

/* Split buf (one line, changed in place) into words. */
static void split(struct line *l, char *buf)
{
	char *p = buf;

	l->n = 0;
	l->rest = "";
	while (*p && l->n < MAX_WORDS) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		if (l->n == 1)
			l->rest = p;
		l->words[l->n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
}

static void parse_line(struct line *l, const char *s, size_t len)
{
	char buf[MAX_LINE + 1], rest[MAX_LINE + 1];
	size_t i = 0;

	while (len && (s[len - 1] == '\r' || s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == len || s[i] == '#')
		return;
	if (len > MAX_LINE) {
		problem(l, _("line longer than %d bytes"), MAX_LINE);
		return;
	}
	if (!text_utf8_valid(s, len) || memchr(s, '\0', len)) {
		problem(l, _("not UTF-8 text"));
		return;
	}
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (has_control(buf + i)) {
		problem(l, _("control characters are not allowed"));
		return;
	}
	memcpy(rest, buf, len + 1);
	split(l, buf + i);
	if (l->n == MAX_WORDS) {
		problem(l, _("more than %d words"), MAX_WORDS - 1);
		return;
	}
	/* The value keeps its inner blanks: take it from the unsplit copy. */
	if (l->n > 1)
		l->rest = rest + (l->rest - buf);
	apply(l);
}

void config_parse(struct config *c, const char *name, const char *text, size_t len)
{
	struct line l = {c, name, 0, {0}, 0, ""};
	size_t at = 0;

	/* A byte-order mark from an editor on another system. */
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
		at = 3;
	while (at < len) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - text) : len;
		l.no++;
		parse_line(&l, text + at, end - at);
		at = end + 1;
	}
}

/* ------------------------------------------------------------ files */

char *config_default_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	size_t n;
	char *p;

	/* The XDG spec: a relative $XDG_CONFIG_HOME is ignored. */
	if (xdg && xdg[0] == '/') {
		n = strlen(xdg) + sizeof "/journeyhack/config";
		p = util_xmalloc(n);
		snprintf(p, n, "%s/journeyhack/config", xdg);
		return p;
	}
	if (!home || home[0] != '/')
		return NULL;
	n = strlen(home) + sizeof "/.config/journeyhack/config";
	p = util_xmalloc(n);
	snprintf(p, n, "%s/.config/journeyhack/config", home);
	return p;
}

char *config_expand(const char *path)
{
	const char *home = getenv("HOME");
	size_t n;
	char *p;

	if (path[0] != '~' || (path[1] != '/' && path[1]) || !home || !*home)
		return util_xstrdup(path);
	n = strlen(home) + strlen(path);
	p = util_xmalloc(n + 1);
	snprintf(p, n + 1, "%s%s", home, path + 1);
	return p;
}

int config_load(struct config *c, const char *path, int must_exist, struct jh_err *err)
{
	struct stat st;
	char *text;
	size_t len;

	if (!must_exist && stat(path, &st) != 0 && errno == ENOENT)
		return 0;
	if (fileread_all(path, MAX_FILE, _("a configuration file"), &text, &len, err))
		return -1;
	free(c->path);
	c->path = util_xstrdup(path);
	config_parse(c, path, text, len);
	free(text);
	return 0;
}

/* ------------------------------------------------------------ the dump */

static void dump_value(FILE *f, const char *key, const char *v, const char *placeholder)
{
	size_t n = v ? strlen(v) : 0;

	if (!v)
		fprintf(f, "# %s %s\n", key, placeholder);
	else if (v[0] == ' ' || v[0] == '\t' || v[0] == '"' || v[n - 1] == ' ' || v[n - 1] == '\t')
		fprintf(f, "%s \"%s\"\n", key, v);
	else
		fprintf(f, "%s %s\n", key, v);
}

static void dump_attrs(FILE *f, unsigned attrs)
{
	if (!attrs)
		fputs(" normal", f);
	for (size_t k = 0; k < NATTRS; k++)
		if (attrs & attr_names[k].bit)
			fprintf(f, " %s", attr_names[k].name);
}

/* Colours the theme already gives are shown commented out, so a saved
 * dump follows a later change of theme. */
static void dump_colors(const struct config *c, FILE *f)
{
	const struct config_color *t = themes[c->theme].colors;

	fprintf(f, "\n# Colours by meaning: color MEANING FOREGROUND BACKGROUND [ATTRIBUTES],\n"
		   "# and the attributes used without colour: mono MEANING ATTRIBUTES.\n");
	fprintf(f, "theme %s\n", themes[c->theme].name);
	for (int m = 0; m < CONFIG_NMEANINGS; m++) {
		const struct config_color *e = &c->colors[m];
		char fg[16], bg[16];
		int same = e->fg == t[m].fg && e->bg == t[m].bg && e->attrs == t[m].attrs;
		color_name(e->fg, fg, sizeof fg);
		color_name(e->bg, bg, sizeof bg);
		fprintf(f, "%scolor %s %s %s", same ? "# " : "", meaning_names[m], fg, bg);
		dump_attrs(f, e->attrs);
		fprintf(f, "\n%smono %s", e->mono == t[m].mono ? "# " : "", meaning_names[m]);
		dump_attrs(f, e->mono);
		fputc('\n', f);
	}
}

/* The action still has its default keys, first and in order: binding
 * more keys to it then rebuilds the same list. */
static int extends_default(const struct config *c, int a)
{
	struct config d;

	bindings_default(&d);
	if (c->bind[a].n < d.bind[a].n)
		return 0;
	return !memcmp(d.bind[a].keys, c->bind[a].keys, d.bind[a].n * sizeof d.bind[a].keys[0]);
}

/* Actions that lost a default key are unbound first, then every action's
 * keys are bound: read back in that order, no binding meets the old
 * meaning of a key that moved. */
static void dump_bindings(const struct config *c, FILE *f)
{
	fprintf(f, "\n# Key bindings: bind ACTION KEY... adds keys, unbind ACTION [KEY...]\n"
		   "# takes them away.\n");
	for (int a = 0; a < CONFIG_NACTIONS; a++)
		if (!extends_default(c, a))
			fprintf(f, "unbind %s\n", actions[a].name);
	for (int a = 0; a < CONFIG_NACTIONS; a++) {
		const struct config_binding *b = &c->bind[a];
		if (!b->n) {
			fprintf(f, "# %s has no key\n", actions[a].name);
			continue;
		}
		fprintf(f, "bind %s", actions[a].name);
		for (size_t i = 0; i < b->n; i++) {
			char name[32];
			config_key_name(b->keys[i], name, sizeof name);
			fprintf(f, " %s", name);
		}
		fputc('\n', f);
	}
}

int config_dump(const struct config *c, FILE *f)
{
	fprintf(f, "# journeyhack configuration (journeyhack-config(5)): the settings in effect.\n"
		   "# Lines starting with # are comments.\n\n");
	dump_value(f, "database", c->database, "FILE");
	dump_value(f, "participant", c->participant, "NAME");
	dump_value(f, "export-folder", c->export_folder, "FOLDER");
	fprintf(f, "bell %s\n", c->bell ? "on" : "off");
	dump_colors(c, f);
	dump_bindings(c, f);
	return ferror(f) ? -1 : 0;
}
