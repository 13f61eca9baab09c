/* test_yamlread.c: the one YAML reader, strict (templates) and lenient
 * (workshop import). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "journeyhack/yamlread.h"

static const struct yamlread_opts strict = {
    "s.yaml", 1, "no aliases", "one document only", "tests", NULL, 4, 20, 8};
static const struct yamlread_opts lenient = {
    "l.yaml", 0, "no aliases", "one document only", NULL, "the test", 4, 0, 0};

/* Parse text; returns the message on failure, NULL on success (root set). */
static const char *parse(const struct yamlread_opts *o, const char *text,
			 struct yamlread_node **root)
{
	static struct jh_err err;

	if (yamlread_parse(text, strlen(text), o, root, &err) == 0)
		return NULL;
	cr_expect_null(*root, "no tree is left after a failure");
	return err.msg;
}

static void refused(const struct yamlread_opts *o, const char *text, const char *want)
{
	struct yamlread_node *root = NULL;
	const char *msg = parse(o, text, &root);

	cr_assert_not_null(msg, "accepted: %s", text);
	cr_expect_str_eq(msg, want);
}

Test(yamlread, a_tree_keeps_kinds_text_and_positions)
{
	struct yamlread_node *root = NULL;
	const struct yamlread_node *v;

	cr_assert_null(parse(&strict, "a: 1\nb: [x, \"y\"]\nc:\n", &root));
	cr_assert_eq(root->kind, YAMLREAD_MAP);
	cr_assert_eq(root->nitems, 6);
	v = yamlread_map_get(root, "b");
	cr_assert_not_null(v);
	cr_expect_eq(v->kind, YAMLREAD_SEQ);
	cr_expect_eq(v->line, 2);
	cr_expect_eq(v->col, 4);
	cr_expect_str_eq(v->items[1]->text, "y");
	cr_expect_eq(v->items[0]->plain, 1);
	cr_expect_eq(v->items[1]->plain, 0);
	cr_expect(yamlread_is_null(yamlread_map_get(root, "c")));
	cr_expect(!yamlread_is_null(yamlread_map_get(root, "a")));
	cr_expect_null(yamlread_map_get(root, "d"));
	yamlread_free(root);
}

Test(yamlread, an_empty_stream_has_no_root)
{
	struct yamlread_node *root = NULL;

	cr_expect_null(parse(&strict, "", &root));
	cr_expect_null(root);
	cr_expect_null(parse(&lenient, "# nothing\n", &root));
	cr_expect_null(root);
}

Test(yamlread, limits_are_the_callers)
{
	refused(&strict, "[[[[[1]]]]]", "s.yaml:1:5: nested too deeply (more than 4 levels)");
	refused(&lenient, "[[[[[1]]]]]", "l.yaml:1:5: nested too deeply (more than 4 levels)");
	refused(&strict, "a: 123456789\n", "s.yaml:1:4: value too long (9 bytes; at most 8)");
	refused(&strict, "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]",
		"s.yaml:1:50: too many values (more than 20)");
}

Test(yamlread, aliases_are_refused_where_they_stand)
{
	refused(&strict, "a: 1\nb: *x\n", "s.yaml:2:4: no aliases");
	refused(&lenient, "a: &x 1\nb: *x\n", "l.yaml:2:4: no aliases");
}

Test(yamlread, strict_refuses_what_lenient_lets_through)
{
	struct yamlread_node *root = NULL;

	refused(&strict, "a: &x 1\n", "s.yaml:1:4: anchors are not allowed in tests");
	refused(&strict, "a: !!str 1\n", "s.yaml:1:4: tags are not allowed in tests");
	refused(&strict, "a: 1\na: 2\n",
		"s.yaml:2:1: duplicate key \"a\" (first at line 1, column 1)");
	refused(&strict, "? [k]\n: v\n", "s.yaml:1:3: a key must be plain text, not a list");
	cr_assert_null(parse(&lenient, "a: &x 1\na: 2\n? [k]\n: v\n", &root));
	cr_expect_eq(root->nitems, 6, "the caller sees every key");
	yamlread_free(root);
}

Test(yamlread, a_second_document_is_refused)
{
	refused(&strict, "a: 1\n---\nb: 2\n", "s.yaml:2:1: one document only");
	refused(&lenient, "a: 1\n---\nb: 2\n", "l.yaml:2:1: one document only");
	/* Lenient reads the second document first: what is wrong in it comes first. */
	refused(&lenient, "a: 1\n---\nb: *x\n", "l.yaml:3:4: no aliases");
}

Test(yamlread, syntax_errors_in_each_wording)
{
	refused(&lenient, "a: [\n",
		"l.yaml:2:1: invalid YAML: did not find expected node content while parsing a "
		"flow node");
	refused(&strict, "a: [\n",
		"s.yaml:2:1: invalid YAML: did not find expected node content (while parsing a "
		"flow node at line 2, column 1)");
	refused(&lenient, "a: 1\n...\n]\n",
		"l.yaml:3:1: invalid YAML after the test: did not find expected <document start>");
	refused(&strict, "a:\n\t- b\n", "s.yaml:2:1: tab used for indentation; indent with spaces");
}

Test(yamlread, messages_quote_and_describe_values)
{
	struct yamlread_node *root = NULL;
	char out[128];

	yamlread_quote(out, sizeof out, "a\"b\n\x01", 5);
	cr_expect_str_eq(out, "\"a\\\"b\\n\\x01\"");
	yamlread_quote(out, sizeof out, "0123456789012345678901234567890123456789012345", 46);
	cr_expect_str_eq(out, "\"0123456789012345678901234567890123456789...\"");
	cr_assert_null(parse(&lenient, "[x, 'q', ~, [], {}]", &root));
	yamlread_describe(out, sizeof out, root->items[0]);
	cr_expect_str_eq(out, "\"x\"");
	yamlread_describe(out, sizeof out, root->items[1]);
	cr_expect_str_eq(out, "quoted text \"q\"");
	yamlread_describe(out, sizeof out, root->items[2]);
	cr_expect_str_eq(out, "nothing");
	yamlread_describe(out, sizeof out, root->items[3]);
	cr_expect_str_eq(out, "a list");
	yamlread_describe(out, sizeof out, root->items[4]);
	cr_expect_str_eq(out, "a mapping");
	yamlread_free(root);
}

Test(yamlread, positions_count_characters_not_bytes)
{
	size_t line, col;

	yamlread_position("a\n\xc3\xa5\xc3\xa4x", 7, 6, &line, &col);
	cr_expect_eq(line, 2);
	cr_expect_eq(col, 3);
}

/* A tag asks for a type the program never gives a value (!!binary,
 * !!python/object, a local !thing): both readers refuse every tag where it
 * stands, the standard ones too, in any scalar style and on lists and
 * mappings, so no value is ever read as anything but the text it spells. */
Test(yamlread, every_tag_is_refused_where_it_stands)
{
	static const char *const cases[][2] = {
	    {"a: !!binary aGVsbG8=\n", "1:4"},
	    {"a: !foo x\n", "1:4"},
	    {"a: !!python/object/apply:os.system [\"id\"]\n", "1:4"},
	    {"a: ! x\n", "1:4"},
	    {"a: !!str \"x\"\n", "1:4"},
	    {"a: !<tag:yaml.org,2002:str> x\n", "1:4"},
	    {"a:\n  - !!map {b: 1}\n", "2:5"},
	    {"a: !!seq [1]\n", "1:4"},
	    {"%TAG !e! tag:example.com,2000:\n---\na: !e!thing x\n", "3:4"},
	    {"!!map\na: 1\n", "1:1"},
	};
	char want[128];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(want, sizeof want, "s.yaml:%s: tags are not allowed in tests",
			 cases[i][1]);
		refused(&strict, cases[i][0], want);
		snprintf(want, sizeof want, "l.yaml:%s: tags are not allowed in this file",
			 cases[i][1]);
		refused(&lenient, cases[i][0], want);
	}
}

/* What the caller takes as it streams by is freed and left out of its
 * parent, so a list of any length costs one item at a time. */
static int take_list_items(void *arg, struct yamlread_node *const *open, size_t depth,
			   struct yamlread_node *n)
{
	size_t *taken = arg;

	if (depth == 2 && open[1]->kind == YAMLREAD_SEQ) {
		cr_expect_eq(open[1]->nitems, 1, "the parent holds only the newest item");
		cr_expect_eq(n->line, *taken + 2, "positions are the item's own");
		(*taken)++;
		return 1;
	}
	return 0;
}

static int refuse_third(void *arg, struct yamlread_node *const *open, size_t depth,
			struct yamlread_node *n)
{
	(void)open;
	if (depth != 1 || !yamlread_scalar_is(n, "3"))
		return 0;
	yamlread_report("e.yaml", arg, n->line, n->col, "three");
	return -1;
}

Test(yamlread, a_caller_takes_values_as_they_stream_by)
{
	struct yamlread_opts o = lenient;
	struct yamlread_node *root = NULL;
	struct jh_err err;
	size_t taken = 0;
	const char *text = "l:\n  - 1\n  - {x: 2}\n  - [3]\nm: 4\n";

	o.each = take_list_items;
	o.each_arg = &taken;
	cr_assert_eq(yamlread_parse(text, strlen(text), &o, &root, &err), 0, "%s", err.msg);
	cr_expect_eq(taken, 3);
	cr_assert_eq(root->nitems, 4, "keys and what the caller kept stay");
	cr_expect_eq(root->items[1]->kind, YAMLREAD_SEQ);
	cr_expect_eq(root->items[1]->nitems, 0, "taken items are gone");
	cr_expect_str_eq(yamlread_map_get(root, "m")->text, "4");
	yamlread_free(root);

	o.each = refuse_third;
	o.each_arg = &err;
	cr_expect_eq(yamlread_parse("[1, 2, 3, 4]", 12, &o, &root, &err), -1);
	cr_expect_str_eq(err.msg, "e.yaml:1:8: three");
	cr_expect_null(root, "no tree is left after the caller stops");
}
