/* yamlread.c: YAML read into a tree of nodes (what it refuses: yamlread.h).
 *
 * Reading YAML well (marks, escapes, every scalar style) is libyaml's job;
 * keeping the tree lets every message point at the exact node, including
 * the mapping that lacks a required key. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yaml.h>

#include "journeyhack/i18n.h"
#include "journeyhack/util.h"
#include "journeyhack/yamlread.h"

struct ctx {
	const struct yamlread_opts *o;
	struct jh_err *err;
	size_t nnodes;
	struct yamlread_node **stack, *root; /* stack: open collections */
	size_t depth;
	int docs, ended, done;		/* documents begun; the first ended */
	size_t second_line, second_col; /* where a second document begins */
};

void yamlread_report(const char *label, struct jh_err *err, size_t line, size_t col,
		     const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	err_set(err, "%s:%zu:%zu: %s", label, line, col, msg);
}

/* The failing forms are macros so that -1 is visible at every call site:
 * static analysers do not look inside variadic functions. */
#define report(c, n, ...) yamlread_report((c)->o->label, (c)->err, (n)->line, (n)->col, __VA_ARGS__)
#define fail_at(c, line, col, ...)                                                                 \
	(yamlread_report((c)->o->label, (c)->err, (line), (col), __VA_ARGS__), -1)
#define fail(c, n, ...) (report((c), (n), __VA_ARGS__), -1)
#define fail_ev(c, ev, ...)                                                                        \
	fail_at((c), (ev)->start_mark.line + 1, (ev)->start_mark.column + 1, __VA_ARGS__)

/* ---- the node tree ---- */

void yamlread_free(struct yamlread_node *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nitems; i++)
		yamlread_free(n->items[i]);
	free(n->items);
	free(n->text);
	free(n);
}

static struct yamlread_node *node_new(enum yamlread_kind kind, yaml_mark_t mark)
{
	struct yamlread_node *n = util_xcalloc(1, sizeof *n);

	n->kind = kind;
	n->line = mark.line + 1;
	n->col = mark.column + 1;
	return n;
}

static void node_append(struct yamlread_node *parent, struct yamlread_node *child)
{
	if (parent->nitems == parent->cap) {
		parent->cap = parent->cap ? parent->cap * 2 : 8;
		parent->items = util_xrealloc(parent->items, parent->cap * sizeof *parent->items);
	}
	parent->items[parent->nitems++] = child;
}

int yamlread_is_null(const struct yamlread_node *n)
{
	if (n->kind != YAMLREAD_SCALAR || !n->plain)
		return 0;
	return n->len == 0 || !strcmp(n->text, "~") || !strcmp(n->text, "null") ||
	       !strcmp(n->text, "Null") || !strcmp(n->text, "NULL");
}

/* A value as a message shows it: short, on one line, never splitting a
 * UTF-8 sequence, so the whole error stays a single readable line. */
void yamlread_quote(char *out, size_t outsz, const char *s, size_t len)
{
	size_t o = 0, i = 0;
	int cut = 0;

	if (outsz < 8) {
		if (outsz)
			out[0] = '\0';
		return;
	}
	out[o++] = '"';
	while (i < len) {
		unsigned char ch = (unsigned char)s[i];
		char esc[8];
		size_t n = 1, k;

		if (i >= YAMLREAD_QUOTE_MAX) {
			cut = 1;
			break;
		}
		if (ch == '\n')
			snprintf(esc, sizeof esc, "\\n");
		else if (ch == '\t')
			snprintf(esc, sizeof esc, "\\t");
		else if (ch == '"' || ch == '\\')
			snprintf(esc, sizeof esc, "\\%c", ch);
		else if (ch < 0x20 || ch == 0x7f)
			snprintf(esc, sizeof esc, "\\x%02x", ch);
		else {
			if (ch >= 0xf0)
				n = 4;
			else if (ch >= 0xe0)
				n = 3;
			else if (ch >= 0xc0)
				n = 2;
			if (n > len - i)
				n = len - i;
			if (o + n + 6 > outsz) {
				cut = 1;
				break;
			}
			memcpy(out + o, s + i, n);
			o += n;
			i += n;
			continue;
		}
		k = strlen(esc);
		if (o + k + 6 > outsz) {
			cut = 1;
			break;
		}
		memcpy(out + o, esc, k);
		o += k;
		i++;
	}
	if (cut) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o++] = '"';
	out[o] = '\0';
}

/* What a node is, for "expected X, got Y". */
void yamlread_describe(char *out, size_t outsz, const struct yamlread_node *n)
{
	char q[YAMLREAD_QUOTE_MAX * 2 + 16];

	if (n->kind == YAMLREAD_SEQ) {
		snprintf(out, outsz, "a list");
	} else if (n->kind == YAMLREAD_MAP) {
		snprintf(out, outsz, "a mapping");
	} else if (yamlread_is_null(n)) {
		snprintf(out, outsz, "nothing");
	} else {
		yamlread_quote(q, sizeof q, n->text, n->len);
		snprintf(out, outsz, "%s%s", n->plain ? "" : "quoted text ", q);
	}
}

/* ---- duplicate detection in O(n log n): hostile files may hold huge
 * mappings and lists ---- */

struct keyref {
	const char *s;
	size_t len;
	size_t idx;
};

static int keyref_cmp(const void *a, const void *b)
{
	const struct keyref *x = a, *y = b;
	size_t m = x->len < y->len ? x->len : y->len;
	int r = memcmp(x->s, y->s, m);

	if (r)
		return r;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int keyref_same(const struct keyref *x, const struct keyref *y)
{
	return x->len == y->len && !memcmp(x->s, y->s, x->len);
}

/* Of all repeated strings, the repetition that comes first in the file:
 * sets *first and *again, returns 1; 0 when all differ. Sorts refs. */
int yamlread_first_repeat(const struct yamlread_node *const *nodes, size_t stride,
			  const char *const *texts, size_t n, size_t *first, size_t *again)
{
	struct keyref *refs;
	size_t best = (size_t)-1;

	if (n < 2)
		return 0;
	refs = util_xmalloc(n * sizeof *refs);
	for (size_t i = 0; i < n; i++) {
		const char *t = texts ? texts[i] : nodes[i * stride]->text;

		refs[i] = (struct keyref){t, texts ? strlen(t) : nodes[i * stride]->len, i};
	}
	qsort(refs, n, sizeof *refs, keyref_cmp);
	for (size_t i = 1; i < n; i++) {
		if (!keyref_same(&refs[i - 1], &refs[i]))
			continue;
		if (i >= 2 && keyref_same(&refs[i - 2], &refs[i - 1]))
			continue;
		if (best == (size_t)-1 || refs[i].idx < best) {
			best = refs[i].idx;
			*first = refs[i - 1].idx;
			*again = refs[i].idx;
		}
	}
	free(refs);
	return best != (size_t)-1;
}

static int check_duplicate_keys(struct ctx *c, const struct yamlread_node *map)
{
	const struct yamlread_node *k, *f;
	char q[YAMLREAD_QUOTE_MAX * 2 + 16];
	size_t first, again;

	if (!yamlread_first_repeat((const struct yamlread_node *const *)map->items, 2, NULL,
				   map->nitems / 2, &first, &again))
		return 0;
	k = map->items[2 * again];
	f = map->items[2 * first];
	yamlread_quote(q, sizeof q, k->text, k->len);
	return fail(c, k, _("duplicate key %s (first at line %zu, column %zu)"), q, f->line,
		    f->col);
}

/* Byte offset of a 1-based line and character column, for looking at what
 * libyaml complained about (its marks count characters, not bytes). */
static size_t offset_of(const char *buf, size_t len, size_t line, size_t col)
{
	size_t off = 0;

	while (line > 1 && off < len) {
		if (buf[off++] == '\n')
			line--;
	}
	while (col > 1 && off < len && buf[off] != '\n') {
		off++;
		while (off < len && ((unsigned char)buf[off] & 0xC0) == 0x80)
			off++;
		col--;
	}
	return off;
}

/* Line and column (1-based, columns in characters) of a byte offset. */
void yamlread_position(const char *buf, size_t len, size_t off, size_t *line, size_t *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off && i < len; i++) {
		if (buf[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

/* libyaml's own words for a tab in the indentation are obscure; when the
 * line it stopped on is indented with a tab, say so plainly. */
static int tab_indent_error(struct ctx *c, const char *buf, size_t len, size_t line, size_t col)
{
	size_t start = offset_of(buf, len, line, 1);
	size_t stop = offset_of(buf, len, line, col);

	/* Only the indentation (spaces and list dashes) before the point where
	 * libyaml stopped: a tab after a key is legal YAML. */
	for (size_t i = start; i < len && i <= stop && buf[i] != '\n'; i++) {
		if (buf[i] == '\t')
			return fail_at(c, line, i - start + 1,
				       _("tab used for indentation; indent with spaces"));
		if (buf[i] != ' ' && buf[i] != '-')
			break;
	}
	return 0;
}

static int parser_error(struct ctx *c, const yaml_parser_t *p, const char *buf, size_t len)
{
	size_t line, col;
	const char *problem = p->problem ? p->problem : _("unknown error");

	if (p->error == YAML_MEMORY_ERROR)
		return fail_at(c, 1, 1, _("out of memory while reading YAML"));
	if (p->error == YAML_READER_ERROR) {
		yamlread_position(buf, len, p->problem_offset, &line, &col);
		if (p->problem_value >= 0)
			return fail_at(c, line, col, _("invalid YAML: %s (byte 0x%02x)"), problem,
				       (unsigned)p->problem_value & 0xffu);
		return fail_at(c, line, col, _("invalid YAML: %s"), problem);
	}
	line = p->problem_mark.line + 1;
	col = p->problem_mark.column + 1;
	if (tab_indent_error(c, buf, len, line, col))
		return -1;
	if (p->context)
		return fail_at(c, line, col, _("invalid YAML: %s (%s at line %zu, column %zu)"),
			       problem, p->context, p->context_mark.line + 1,
			       p->context_mark.column + 1);
	return fail_at(c, line, col, _("invalid YAML: %s"), problem);
}

/* No reader takes a tag: every value is the text it spells, and a tag
 * (!!binary, !!python/object, a local !thing, even !!str) would ask for a
 * type the program never gives it. A strict reader refuses anchors too:
 * templates have no use for them. */
static int refuse_extras(struct ctx *c, const yaml_event_t *ev, const yaml_char_t *anchor,
			 const yaml_char_t *tag)
{
	if (anchor && c->o->strict)
		return fail_ev(c, ev, _("anchors are not allowed in %s"), c->o->plural);
	if (tag)
		return fail_ev(c, ev, _("tags are not allowed in %s"),
			       c->o->plural ? c->o->plural : "this file");
	return 0;
}

/* A lenient reader (the workshop import) says what libyaml says, as it
 * always has; a strict one (templates) explains tabs and positions. */
static int lenient_error(struct ctx *c, const yaml_parser_t *p)
{
	const yaml_mark_t *m = p->problem ? &p->problem_mark : &p->context_mark;
	const char *problem = p->problem ? p->problem : "unreadable";

	/* libyaml gives no words for this one: "unreadable" sent people
	 * looking for a fault in a file that was only large. */
	if (p->error == YAML_MEMORY_ERROR)
		return fail_at(c, p->mark.line + 1, p->mark.column + 1,
			       _("out of memory while reading YAML"));
	if (c->ended)
		return fail_at(c, p->problem_mark.line + 1, p->problem_mark.column + 1,
			       _("invalid YAML after %s: %s"), c->o->one, problem);
	return fail_at(c, m->line + 1, m->column + 1, _("invalid YAML: %s%s%s"), problem,
		       p->context ? " " : "", p->context ? p->context : "");
}

/* Attach a new node under the innermost open collection. */
static int attach(struct ctx *c, struct yamlread_node *n)
{
	struct yamlread_node *parent;

	if (c->o->max_nodes && ++c->nnodes > c->o->max_nodes) {
		report(c, n, _("too many values (more than %zu)"), c->o->max_nodes);
		yamlread_free(n);
		return -1;
	}
	if (c->depth == 0) {
		c->root = n;
		return 0;
	}
	parent = c->stack[c->depth - 1];
	if (c->o->strict && parent->kind == YAMLREAD_MAP && parent->nitems % 2 == 0 &&
	    n->kind != YAMLREAD_SCALAR) {
		report(c, n, _("a key must be plain text, not %s"),
		       n->kind == YAMLREAD_SEQ ? "a list" : "a mapping");
		yamlread_free(n);
		return -1;
	}
	node_append(parent, n);
	return 0;
}

/* A complete node to the caller, who may take it out of the tree: what
 * keeps a large file's memory bounded. */
static int offer(struct ctx *c, struct yamlread_node *n)
{
	int rc;

	if (!n || !c->o->each)
		return 0;
	rc = c->o->each(c->o->each_arg, c->stack, c->depth, n);
	if (rc <= 0)
		return rc;
	if (c->depth == 0) {
		c->root = NULL;
	} else {
		/* A node completes after all it holds, so it is its parent's last. */
		struct yamlread_node *parent = c->stack[c->depth - 1];

		parent->items[--parent->nitems] = NULL;
	}
	yamlread_free(n);
	return 0;
}

static int scalar_event(struct ctx *c, const yaml_event_t *ev)
{
	struct yamlread_node *n;

	if (refuse_extras(c, ev, ev->data.scalar.anchor, ev->data.scalar.tag))
		return -1;
	if (c->o->max_scalar && ev->data.scalar.length > c->o->max_scalar)
		return fail_ev(c, ev, _("value too long (%zu bytes; at most %zu)"),
			       ev->data.scalar.length, c->o->max_scalar);
	if (c->docs > 1)
		return 0;
	n = node_new(YAMLREAD_SCALAR, ev->start_mark);
	n->len = ev->data.scalar.length;
	n->text = util_xstrndup((const char *)ev->data.scalar.value, n->len);
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (attach(c, n))
		return -1;
	return offer(c, n);
}

static int open_event(struct ctx *c, const yaml_event_t *ev)
{
	int seq = ev->type == YAML_SEQUENCE_START_EVENT;
	struct yamlread_node *n = NULL;

	if (seq ? refuse_extras(c, ev, ev->data.sequence_start.anchor, ev->data.sequence_start.tag)
		: refuse_extras(c, ev, ev->data.mapping_start.anchor, ev->data.mapping_start.tag))
		return -1;
	if (c->depth >= c->o->max_depth)
		return fail_ev(c, ev, _("nested too deeply (more than %zu levels)"),
			       c->o->max_depth);
	/* A second document is only walked for what it may not hold. */
	if (c->docs <= 1) {
		n = node_new(seq ? YAMLREAD_SEQ : YAMLREAD_MAP, ev->start_mark);
		if (attach(c, n))
			return -1;
	}
	c->stack[c->depth++] = n;
	return 0;
}

static int close_event(struct ctx *c, const yaml_event_t *ev)
{
	struct yamlread_node *n;

	if (c->depth == 0)
		return fail_ev(c, ev, _("invalid YAML: unbalanced collection"));
	n = c->stack[--c->depth];
	if (n && c->o->strict && n->kind == YAMLREAD_MAP && check_duplicate_keys(c, n))
		return -1;
	return offer(c, n);
}

/* A strict reader stops at a second document; a lenient one reads it to
 * its end first, so an alias or a syntax error in it is what it reports. */
static int document_event(struct ctx *c, const yaml_event_t *ev)
{
	if (ev->type == YAML_DOCUMENT_END_EVENT) {
		c->ended = 1;
		if (c->docs > 1)
			return fail_at(c, c->second_line, c->second_col, "%s", c->o->no_second);
		return 0;
	}
	if (++c->docs == 1)
		return 0;
	c->second_line = ev->start_mark.line + 1;
	c->second_col = ev->start_mark.column + 1;
	return c->o->strict ? fail_at(c, c->second_line, c->second_col, "%s", c->o->no_second) : 0;
}

static int handle_event(struct ctx *c, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
	case YAML_DOCUMENT_END_EVENT:
		return document_event(c, ev);
	case YAML_ALIAS_EVENT:
		return fail_ev(c, ev, "%s", c->o->no_alias);
	case YAML_SCALAR_EVENT:
		return scalar_event(c, ev);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		return open_event(c, ev);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return close_event(c, ev);
	case YAML_STREAM_END_EVENT:
		c->done = 1;
		return 0;
	default:
		return 0;
	}
}

static int walk(struct ctx *c, yaml_parser_t *parser, const char *buf, size_t len)
{
	while (!c->done) {
		yaml_event_t ev;
		int rc;

		if (!yaml_parser_parse(parser, &ev))
			return c->o->strict ? parser_error(c, parser, buf, len)
					    : lenient_error(c, parser);
		rc = handle_event(c, &ev);
		yaml_event_delete(&ev);
		if (rc)
			return rc;
	}
	return 0;
}

/* One document from a parser whose input is set; buf is the text when it
 * is in memory (NULL otherwise), for pointing into it. */
static int parse_with(yaml_parser_t *parser, const char *buf, size_t len,
		      const struct yamlread_opts *o, struct yamlread_node **root,
		      struct jh_err *err)
{
	struct ctx c = {o, err};
	int rc;

	/* Never guess UTF-16 from a byte-order mark: a strict caller checked
	 * the text as UTF-8 and computes positions on that basis. */
	if (o->strict)
		yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING);
	c.stack = util_xcalloc(o->max_depth + 1, sizeof *c.stack);
	rc = walk(&c, parser, buf, len);
	yaml_parser_delete(parser);
	free(c.stack);
	if (rc) {
		yamlread_free(c.root);
		return -1;
	}
	*root = c.root;
	return 0;
}

int yamlread_parse(const char *buf, size_t len, const struct yamlread_opts *o,
		   struct yamlread_node **root, struct jh_err *err)
{
	yaml_parser_t parser;

	*root = NULL;
	if (!yaml_parser_initialize(&parser)) {
		yamlread_report(o->label, err, 1, 1, _("out of memory while reading YAML"));
		return -1;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	return parse_with(&parser, buf, len, o, root, err);
}

struct fd_input {
	int fd;
	size_t total;
};

static int fd_read(void *data, unsigned char *buffer, size_t size, size_t *size_read)
{
	struct fd_input *in = data;
	ssize_t got;

	do
		got = read(in->fd, buffer, size);
	while (got < 0 && errno == EINTR);
	if (got < 0)
		return 0;
	*size_read = (size_t)got;
	in->total += (size_t)got;
	return 1;
}

int yamlread_parse_fd(int fd, const struct yamlread_opts *o, struct yamlread_node **root,
		      size_t *nread, struct jh_err *err)
{
	struct fd_input in = {fd, 0};
	yaml_parser_t parser;
	int rc;

	*root = NULL;
	if (!yaml_parser_initialize(&parser)) {
		yamlread_report(o->label, err, 1, 1, _("out of memory while reading YAML"));
		return -1;
	}
	yaml_parser_set_input(&parser, fd_read, &in);
	rc = parse_with(&parser, NULL, 0, o, root, err);
	*nread = in.total;
	return rc;
}

int yamlread_scalar_is(const struct yamlread_node *n, const char *s)
{
	return n->kind == YAMLREAD_SCALAR && n->len == strlen(s) && !memcmp(n->text, s, n->len);
}

const struct yamlread_node *yamlread_map_get(const struct yamlread_node *map, const char *key)
{
	for (size_t i = 0; i + 1 < map->nitems; i += 2)
		if (yamlread_scalar_is(map->items[i], key))
			return map->items[i + 1];
	return NULL;
}
