/* yamlread.h: YAML read into a small tree of nodes; the only reader of yaml.h.
 *
 * libyaml's events become a tree bounded in depth, node count and scalar
 * size, with no anchors, aliases or tags (aliases are how a few hundred
 * bytes expand into gigabytes) and no key given twice in a mapping. Every
 * node keeps its 1-based line and column (in characters), so a caller's
 * message can point at the exact value: "LABEL:LINE:COLUMN: message". */
#ifndef JOURNEYHACK_YAMLREAD_H
#define JOURNEYHACK_YAMLREAD_H

#include <stddef.h>

#include "journeyhack/err.h"

/* How much of an offending value a message quotes. */
#define YAMLREAD_QUOTE_MAX 40

enum yamlread_kind { YAMLREAD_SCALAR, YAMLREAD_SEQ, YAMLREAD_MAP };

struct yamlread_node {
	enum yamlread_kind kind;
	size_t line, col; /* 1-based */
	char *text;	  /* scalar only, NUL-terminated, may hold NULs */
	size_t len;
	int plain;		      /* unquoted scalar: the only kind read as number/bool */
	struct yamlread_node **items; /* seq: elements; map: key, value, key, value... */
	size_t nitems, cap;
};

/* What a reader accepts, and the words its refusals use. A strict reader
 * (templates) also refuses anchors, tags, keys that are not text and keys
 * given twice, and reads only UTF-8; a lenient one (the workshop import)
 * checks keys itself and words syntax errors as libyaml does. */
struct yamlread_opts {
	const char *label; /* names the input in messages */
	int strict;
	const char *no_alias;  /* the message for an alias */
	const char *no_second; /* the message for a second document */
	const char *plural;    /* strict: "templates" in "tags are not allowed in templates" */
	const char *one;       /* lenient: "the workshop" in "invalid YAML after the workshop" */
	size_t max_depth;
	size_t max_nodes, max_scalar; /* 0: no limit */
};

/* Read one document of len UTF-8 bytes into *root (NULL for an empty
 * stream; free with yamlread_free). Returns 0, or -1 with err filled. */
int yamlread_parse(const char *buf, size_t len, const struct yamlread_opts *o,
		   struct yamlread_node **root, struct jh_err *err);
void yamlread_free(struct yamlread_node *n);

/* "LABEL:LINE:COL: message" into err. */
void yamlread_report(const char *label, struct jh_err *err, size_t line, size_t col,
		     const char *fmt, ...) JH_PRINTF(5, 6);

/* Line and column (1-based, columns in characters) of byte offset off. */
void yamlread_position(const char *buf, size_t len, size_t off, size_t *line, size_t *col);

/* An unquoted null: nothing, ~, null, Null or NULL. */
int yamlread_is_null(const struct yamlread_node *n);
int yamlread_scalar_is(const struct yamlread_node *n, const char *s);
/* The value of key in a mapping, or NULL. */
const struct yamlread_node *yamlread_map_get(const struct yamlread_node *map, const char *key);

/* A value as a message shows it: quoted, short, on one line, never
 * splitting a UTF-8 sequence. */
void yamlread_quote(char *out, size_t outsz, const char *s, size_t len);
/* What a node is, for "expected X, got Y": a list, a mapping, nothing,
 * or the quoted value. */
void yamlread_describe(char *out, size_t outsz, const struct yamlread_node *n);

/* Of n strings, the repetition that comes first in the input: returns 1
 * with *first and *again (their indices), 0 when all differ. The strings
 * are texts[i] or, when texts is NULL, the text of nodes[i * stride]. */
int yamlread_first_repeat(const struct yamlread_node *const *nodes, size_t stride,
			  const char *const *texts, size_t n, size_t *first, size_t *again);

#endif
