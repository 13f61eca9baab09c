/* replay.c: parse --replay key files (syntax in replay.h).
 *
 * No curses here, and the parser only sees bytes, so it can be fuzzed and
 * tested alone; replay_load is the one place that reads a file. */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/fileread.h"
#include "journeyhack/replay.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"

struct parser {
	const char *p, *end;
	int line, col; /* of p */
	struct replay_event *ev;
	size_t n, cap;
	int *eline, *ecol;
	struct jh_err *err;
};

/* A key script is typed by hand or recorded; 64 MiB is far beyond either. */
#define REPLAY_MAX_FILE ((size_t)64 << 20)

static const struct {
	const char *name;
	enum replay_type type;
	unsigned int code;
} names[] = {
    {"up", REPLAY_SPECIAL, REPLAY_UP},
    {"down", REPLAY_SPECIAL, REPLAY_DOWN},
    {"left", REPLAY_SPECIAL, REPLAY_LEFT},
    {"right", REPLAY_SPECIAL, REPLAY_RIGHT},
    {"pageup", REPLAY_SPECIAL, REPLAY_PAGEUP},
    {"pagedown", REPLAY_SPECIAL, REPLAY_PAGEDOWN},
    {"home", REPLAY_SPECIAL, REPLAY_HOME},
    {"end", REPLAY_SPECIAL, REPLAY_END},
    {"btab", REPLAY_SPECIAL, REPLAY_BTAB},
    {"backspace", REPLAY_SPECIAL, REPLAY_BACKSPACE},
    {"bs", REPLAY_SPECIAL, REPLAY_BACKSPACE},
    {"delete", REPLAY_SPECIAL, REPLAY_DELETE},
    {"del", REPLAY_SPECIAL, REPLAY_DELETE},
    {"insert", REPLAY_SPECIAL, REPLAY_INSERT},
    {"enter", REPLAY_CHAR, '\r'},
    {"cr", REPLAY_CHAR, '\r'},
    {"esc", REPLAY_CHAR, 27},
    {"tab", REPLAY_CHAR, '\t'},
    {"space", REPLAY_CHAR, ' '},
    {"lt", REPLAY_CHAR, '<'},
    {"hash", REPLAY_CHAR, '#'},
};

/* Mouse events: a keyword, then X,Y (which a wheel may leave out). */
static const struct {
	const char *name;
	enum replay_type type;
	int optional;
	const char *usage;
} mice[] = {
    {"click", REPLAY_CLICK, 0, "expected <Click X,Y>"},
    {"wheelup", REPLAY_WHEEL_UP, 1, "expected <WheelUp> or <WheelUp X,Y>"},
    {"wheeldown", REPLAY_WHEEL_DOWN, 1, "expected <WheelDown> or <WheelDown X,Y>"},
};

static int fail(struct parser *ps, int line, int col, const char *msg)
{
	if (ps->eline)
		*ps->eline = line;
	if (ps->ecol)
		*ps->ecol = col;
	return err_set(ps->err, "%d:%d: %s", line, col, msg);
}

static void push(struct parser *ps, enum replay_type type, unsigned int code, int x, int y)
{
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 64;
		ps->ev = util_xrealloc(ps->ev, ps->cap * sizeof *ps->ev);
	}
	ps->ev[ps->n].type = type;
	ps->ev[ps->n].code = code;
	ps->ev[ps->n].x = x;
	ps->ev[ps->n].y = y;
	ps->n++;
}

/* Case-insensitive ASCII comparison of a token with a lower-case name. */
static int token_is(const char *t, size_t len, const char *name)
{
	size_t i;

	if (strlen(name) != len)
		return 0;
	for (i = 0; i < len; i++) {
		char c = t[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != name[i])
			return 0;
	}
	return 1;
}

/* Parse a decimal number in [lo, hi] at *s, advancing it. */
static int number(const char **s, const char *end, int lo, int hi, int *out)
{
	long v = 0;
	const char *p = *s;

	if (p == end || *p < '0' || *p > '9')
		return -1;
	while (p < end && *p >= '0' && *p <= '9') {
		v = v * 10 + (*p - '0');
		if (v > hi)
			return -1;
		p++;
	}
	if (v < lo)
		return -1;
	*s = p;
	*out = (int)v;
	return 0;
}

/* Two numbers in [lo, hi] joined by one of seps, filling a..end. */
static int pair(const char *a, const char *end, const char *seps, int lo, int hi, int *x, int *y)
{
	if (number(&a, end, lo, hi, x) || a == end || !*a || !strchr(seps, *a))
		return -1;
	a++;
	return number(&a, end, lo, hi, y) || a != end ? -1 : 0;
}

/* "X,Y" (or nothing when optional) after a keyword and one space. */
static int coords(const char *a, const char *end, int optional, int *x, int *y)
{
	*x = *y = 0;
	if (a == end)
		return optional ? 0 : -1;
	if (*a != ' ')
		return -1;
	return pair(a + 1, end, ",", 0, 9999, x, y);
}

static int control_of(unsigned int c, unsigned int *out)
{
	if (c >= 'a' && c <= 'z')
		c = c - 'a' + 'A';
	if (c == '?') {
		*out = 127;
		return 0;
	}
	if (c < '@' || c > '_')
		return -1;
	*out = c & 0x1f;
	return 0;
}

/* One <...> token: t..end is the text between the brackets. */
static int token(struct parser *ps, const char *t, const char *end, int line, int col)
{
	size_t len = (size_t)(end - t);
	unsigned int cp;
	size_t i;

	if (len == 0)
		return fail(ps, line, col, "empty key name <>");
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (token_is(t, len, names[i].name)) {
			push(ps, names[i].type, names[i].code, 0, 0);
			return 0;
		}
	if ((t[0] == 'F' || t[0] == 'f') && len >= 2 && len <= 3) {
		const char *a = t + 1;
		int k;
		if (!number(&a, end, 1, 12, &k) && a == end) {
			push(ps, REPLAY_SPECIAL, REPLAY_F1 + (unsigned)k - 1, 0, 0);
			return 0;
		}
	}
	if (len >= 3 && (t[1] == '-') &&
	    (t[0] == 'C' || t[0] == 'c' || t[0] == 'M' || t[0] == 'm')) {
		size_t cl = text_decode(t + 2, len - 2, &cp);
		if (cl != len - 2 || cp == 0xFFFD)
			return fail(ps, line, col, "expected one character after C- or M-");
		if (t[0] == 'C' || t[0] == 'c') {
			unsigned int c;
			if (control_of(cp, &c))
				return fail(ps, line, col, "no control key for this character");
			push(ps, REPLAY_CHAR, c, 0, 0);
		} else {
			push(ps, REPLAY_CHAR, 27, 0, 0);
			push(ps, REPLAY_CHAR, cp, 0, 0);
		}
		return 0;
	}
	if (len > 7 && token_is(t, 7, "resize ")) {
		int w, h;
		if (pair(t + 7, end, "xX", 1, REPLAY_MAX_SIZE, &w, &h))
			return fail(ps, line, col,
				    "expected <Resize COLSxROWS> with sizes 1..1000");
		push(ps, REPLAY_RESIZE, 0, w, h);
		return 0;
	}
	for (i = 0; i < sizeof mice / sizeof mice[0]; i++) {
		size_t nl = strlen(mice[i].name);
		int x, y;
		if (len < nl || !token_is(t, nl, mice[i].name))
			continue;
		if (coords(t + nl, end, mice[i].optional, &x, &y))
			return fail(ps, line, col, mice[i].usage);
		push(ps, mice[i].type, 0, x, y);
		return 0;
	}
	return fail(ps, line, col, "unknown key name");
}

/* Advance over one character, keeping line and column. */
static size_t advance(struct parser *ps, unsigned int *cp)
{
	size_t l = text_decode(ps->p, (size_t)(ps->end - ps->p), cp);

	ps->p += l;
	if (*cp == '\n') {
		ps->line++;
		ps->col = 1;
	} else {
		ps->col++;
	}
	return l;
}

static int parse(struct parser *ps)
{
	int at_line_start = 1;

	while (ps->p < ps->end) {
		int line = ps->line, col = ps->col;
		const char *start = ps->p;
		unsigned int cp;
		size_t l = advance(ps, &cp);

		if (cp == 0xFFFD && !(l == 3 && !memcmp(start, "\xef\xbf\xbd", 3)))
			return fail(ps, line, col, "invalid UTF-8");
		if (cp == 0)
			return fail(ps, line, col, "NUL byte");
		if (cp == '#' && at_line_start) {
			while (ps->p < ps->end && *ps->p != '\n')
				ps->p++;
			continue;
		}
		at_line_start = cp == '\n';
		if (cp == '\n' || cp == '\r')
			continue;
		if (cp != '<') {
			push(ps, REPLAY_CHAR, cp, 0, 0);
			continue;
		}
		{
			const char *t = ps->p;
			while (ps->p < ps->end && *ps->p != '>' && *ps->p != '\n' && *ps->p != '<')
				advance(ps, &cp);
			if (ps->p == ps->end || *ps->p != '>')
				return fail(ps, line, col,
					    "unterminated <: write <lt> for a literal <");
			if (token(ps, t, ps->p, line, col))
				return -1;
			advance(ps, &cp);
		}
	}
	return 0;
}

int replay_parse(const char *buf, size_t len, struct replay_event **out, size_t *n, int *line,
		 int *column, struct jh_err *err)
{
	struct parser ps;

	memset(&ps, 0, sizeof ps);
	ps.p = buf;
	ps.end = buf + len;
	ps.line = ps.col = 1;
	ps.eline = line;
	ps.ecol = column;
	ps.err = err;
	*out = NULL;
	*n = 0;
	if (parse(&ps)) {
		free(ps.ev);
		return -1;
	}
	*out = ps.ev;
	*n = ps.n;
	return 0;
}

int replay_load(const char *path, struct replay_event **out, size_t *n, struct jh_err *err)
{
	char *buf;
	size_t len;
	int rc;

	if (fileread_all(path, REPLAY_MAX_FILE, "a key script", &buf, &len, err))
		return -1;
	rc = replay_parse(buf, len, out, n, NULL, NULL, err);
	free(buf);
	if (rc)
		err_prefix(err, "%s", path);
	return rc;
}
