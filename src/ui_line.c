/* ui_line.c: the one line editor. The cursor is a byte offset that only
 * ever lands between whole UTF-8 characters, so nothing a user types can
 * be split. */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/text.h"
#include "journeyhack/ui_draw.h"
#include "journeyhack/ui_line.h"
#include "journeyhack/util.h"

void ui_line_init(struct ui_line *l, const char *text, size_t max)
{
	l->text = util_xstrdup(text ? text : "");
	l->cursor = strlen(l->text);
	l->max = max;
}

void ui_line_free(struct ui_line *l)
{
	free(l->text);
	l->text = NULL;
	l->cursor = 0;
}

void ui_line_set(struct ui_line *l, const char *text)
{
	char *t = util_xstrdup(text ? text : "");

	free(l->text);
	l->text = t;
	l->cursor = strlen(t);
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

int ui_line_insert(struct ui_line *l, unsigned int cp)
{
	char u[4];
	size_t n, len = strlen(l->text);
	char *t;

	if (cp > 0x10FFFF)
		return -1;
	n = text_encode(u, cp);
	if (l->max && len + n > l->max)
		return -1;
	t = util_xmalloc(len + n + 1);
	memcpy(t, l->text, l->cursor);
	memcpy(t + l->cursor, u, n);
	memcpy(t + l->cursor + n, l->text + l->cursor, len - l->cursor + 1);
	free(l->text);
	l->text = t;
	l->cursor += n;
	return 0;
}

static void delete_range(struct ui_line *l, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(l->text + from, l->text + to, strlen(l->text + to) + 1);
	l->cursor = from;
}

void ui_line_backspace(struct ui_line *l)
{
	delete_range(l, prev_char(l->text, l->cursor), l->cursor);
}

void ui_line_delete(struct ui_line *l)
{
	delete_range(l, l->cursor, next_char(l->text, l->cursor));
}

void ui_line_move(struct ui_line *l, int dir)
{
	l->cursor = dir > 0 ? next_char(l->text, l->cursor) : prev_char(l->text, l->cursor);
}

void ui_line_home(struct ui_line *l)
{
	l->cursor = 0;
}

void ui_line_end(struct ui_line *l)
{
	l->cursor = strlen(l->text);
}

int ui_line_draw(const struct ui_line *l, int y, int x, int w, attr_t a)
{
	size_t start = 0;
	char *head = util_xstrndup(l->text, l->cursor);
	int cw = text_width(head);

	while (cw > w - 1 && start < l->cursor) {
		start = next_char(l->text, start);
		free(head);
		head = util_xstrndup(l->text + start, l->cursor - start);
		cw = text_width(head);
	}
	free(head);
	ui_text(y, x, w, l->text + start, a, 1);
	return x + (cw < w ? cw : w - 1);
}
