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

/* Called for every node of the first document once it is complete (a
 * scalar when read, a collection when closed), with the collections that
 * hold it: open[0] is the root, open[depth - 1] its parent (depth 0: n is
 * the root). Returns 0 to keep n in the tree, 1 when it took what it
 * needed (n is then freed and left out of its parent), -1 with the error
 * filled to stop reading. */
typedef int (*yamlread_each_fn)(void *arg, struct yamlread_node *const *open, size_t depth,
				struct yamlread_node *n);

/* What a reader accepts, and the words its refusals use. A strict reader
 * (templates) also refuses anchors, keys that are not text and keys given
 * twice, and reads only UTF-8; a lenient one (the workshop import) checks
 * keys itself and words syntax errors as libyaml does. Both refuse tags
 * and aliases. */
struct yamlread_opts {
	const char *label; /* names the input in messages */
	int strict;
	const char *no_alias;  /* the message for an alias */
	const char *no_second; /* the message for a second document */
	const char *plural;    /* "templates" in "tags are not allowed in templates" */
	const char *one;       /* lenient: "the workshop" in "invalid YAML after the workshop" */
	size_t max_depth;
	size_t max_nodes, max_scalar; /* 0: no limit */
	yamlread_each_fn each;	      /* NULL: the whole tree is kept */
	void *each_arg;
};

/* Read one document of len UTF-8 bytes into *root (NULL for an empty
 * stream; free with yamlread_free). Returns 0, or -1 with err filled. */
int yamlread_parse(const char *buf, size_t len, const struct yamlread_opts *o,
		   struct yamlread_node **root, struct jh_err *err);
/* The same from a file descriptor, read to its end in small pieces, so a
 * caller that takes values as they come (each) holds no copy of the
 * file. *nread: the bytes read. */
int yamlread_parse_fd(int fd, const struct yamlread_opts *o, struct yamlread_node **root,
		      size_t *nread, struct jh_err *err);
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
