/* test_ui_parts.c: the UI's lower modules on their own: the line editor
 * that forms and the prompt share, and filling from the field table (the
 * text an edit form starts from and that undo puts back). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/store.h"
#include "journeyhack/ui_apply.h"
#include "journeyhack/ui_editor.h"
#include "journeyhack/ui_fill.h"
#include "journeyhack/ui_line.h"
#include "journeyhack/ui_undo.h"
#include "journeyhack/util.h"
#include "journeyhack/view.h"
#include "testutil.h"

/* ---------------------------------------------------------------- line */

Test(line, typing_moves_by_whole_characters)
{
	struct ui_line l;

	ui_line_init(&l, "ab", 0);
	cr_assert_eq(l.cursor, 2, "the cursor starts at the end");
	ui_line_move(&l, -1);
	cr_assert_eq(ui_line_insert(&l, 0xE5), 0); /* å, two bytes */
	cr_assert_str_eq(l.text, "a\xC3\xA5"
				 "b");
	cr_assert_eq(l.cursor, 3);
	ui_line_move(&l, -1);
	cr_assert_eq(l.cursor, 1, "left steps over the whole å");
	ui_line_move(&l, 1);
	cr_assert_eq(l.cursor, 3);
	ui_line_insert(&l, 0x1F600); /* four bytes */
	cr_assert_str_eq(l.text, "a\xC3\xA5\xF0\x9F\x98\x80"
				 "b");
	ui_line_backspace(&l);
	cr_assert_str_eq(l.text,
			 "a\xC3\xA5"
			 "b",
			 "backspace takes the whole character");
	ui_line_home(&l);
	ui_line_delete(&l);
	cr_assert_str_eq(l.text, "\xC3\xA5"
				 "b");
	ui_line_delete(&l);
	cr_assert_str_eq(l.text, "b", "delete takes the whole å");
	ui_line_home(&l);
	ui_line_backspace(&l);
	cr_assert_str_eq(l.text, "b", "nothing before the start");
	ui_line_end(&l);
	ui_line_delete(&l);
	cr_assert_str_eq(l.text, "b", "nothing after the end");
	ui_line_free(&l);
}

Test(line, a_lone_surrogate_is_typed_as_the_replacement_character)
{
	struct ui_line l;

	ui_line_init(&l, NULL, 0);
	cr_assert_eq(ui_line_insert(&l, 0xD800), 0);
	cr_assert_str_eq(l.text, "\xEF\xBF\xBD", "the text stays valid UTF-8");
	ui_line_free(&l);
}

Test(line, a_limit_refuses_what_does_not_fit)
{
	struct ui_line l;

	ui_line_init(&l, NULL, 3);
	cr_assert_str_eq(l.text, "");
	cr_assert_eq(ui_line_insert(&l, 'x'), 0);
	cr_assert_eq(ui_line_insert(&l, 0xE5), 0);
	cr_assert_eq(ui_line_insert(&l, 'y'), -1, "4 bytes do not fit in 3");
	cr_assert_eq(ui_line_insert(&l, 0x110000), -1, "not a code point");
	cr_assert_str_eq(l.text, "x\xC3\xA5");
	ui_line_set(&l, "");
	cr_assert_eq(l.cursor, 0);
	ui_line_free(&l);
}

/* ---------------------------------------------------------------- fill */

static char *dir, *db;
static struct ui ui;

#define RUN(...)                                                                                   \
	do {                                                                                       \
		struct tu_run r_ = tu_jhdb(db, (const char *const[]){__VA_ARGS__, NULL});          \
		cr_assert_eq(r_.status, 0, "%s", r_.err);                                          \
		tu_run_free(&r_);                                                                  \
	} while (0)

static void load(void)
{
	struct jh_err err;

	model_data_free(&ui.d);
	ui_index_free(&ui.ix);
	cr_assert_eq(store_load(ui.st, ui.wid, &ui.d, &err), 0, "%s", err.msg);
	ui_index_build(&ui);
}

static void setup(void)
{
	struct jh_err err;

	dir = tu_tmpdir();
	db = tu_join(dir, "w.db");
	RUN("new", "w", "-t", "payment-moment");
	RUN("add", "w", "participant", "name=Åsa", "department=Ekonomi");
	RUN("add", "w", "painpoint", "title=Fakturan är oklar", "severity=4", "author=Åsa",
	    "touchpoint=1");
	RUN("add", "w", "idea", "title=Ny faktura", "belief=Kunder förstår", "confidence=2",
	    "reach=40", "painpoints=1", "author=Åsa");
	RUN("add", "w", "action", "title=Rita om", "owner=Åsa", "due=2026-03-31", "idea=1",
	    "status=doing", "notes=två\nrader");
	RUN("add", "w", "parking", "text=Vem äger portalen?", "answered=yes", "answer=IT");
	memset(&ui, 0, sizeof ui);
	cr_assert_eq(store_open(&ui.st, db, STORE_NOCREATE, &err), 0, "%s", err.msg);
	cr_assert_eq(store_workshop_find(ui.st, "w", &ui.wid, &err), 0, "%s", err.msg);
	load();
}

static void teardown(void)
{
	ui_index_free(&ui.ix);
	model_data_free(&ui.d);
	store_close(ui.st);
	tu_rmtree(dir);
	free(db);
	free(dir);
}

Test(fill, text_as_items_parse_takes_it, .init = setup, .fini = teardown)
{
	const struct jh_kind_def *k = kinds_get(JH_IDEA);
	const void *idea = ui_fill_item(&ui, JH_IDEA, ui.d.ideas[0].id);
	const void *park = ui_fill_item(&ui, JH_PARKING, ui.d.parking[0].id);
	char *v;

	cr_assert_not_null(idea);
	v = ui_fill_text(kinds_field(k, "confidence"), idea);
	cr_assert_str_eq(v, "2");
	free(v);
	v = ui_fill_text(kinds_field(k, "painpoints"), idea);
	cr_assert_str_eq(v, "1");
	free(v);
	v = ui_fill_text(kinds_field(kinds_get(JH_PARKING), "author"), park);
	cr_assert_str_eq(v, "", "no reference is empty, not 0");
	free(v);
	v = ui_fill_text(kinds_field(kinds_get(JH_PARKING), "answered"), park);
	cr_assert_str_eq(v, "yes");
	free(v);
	v = ui_fill_text(kinds_field(kinds_get(JH_JOURNEY), "stages"), ui.d.journeys);
	cr_assert_str_eq(v, "", "a value the model does not keep");
	free(v);
	cr_assert_null(ui_fill_item(&ui, JH_IDEA, 999), "gone");
	cr_assert_null(ui_fill_item(&ui, JH_VOTE, 1), "votes are not filled");
}

/* The snapshot undo keeps, added back as a new item, carries every value
 * of every kind the table describes: no field is left to be named by
 * hand. */
Test(fill, a_snapshot_brings_back_every_field, .init = setup, .fini = teardown)
{
	static const enum jh_kind kinds[] = {JH_PARTICIPANT, JH_JOURNEY, JH_STAGE,  JH_TOUCHPOINT,
					     JH_PAINPOINT,   JH_IDEA,	 JH_ACTION, JH_PARKING};

	for (size_t n = 0; n < sizeof kinds / sizeof kinds[0]; n++) {
		const struct jh_kind_def *k = kinds_get(kinds[n]);
		const void *item = kinds_item(k, &ui.d, kinds_count(k, &ui.d) - 1);
		jh_id old_id = *(const jh_id *)item, new_id = 0;
		struct ui_undo_rec rec;
		struct jh_err err;

		memset(&rec, 0, sizeof rec);
		cr_assert_eq(ui_fill_snapshot(&ui, kinds[n], old_id, &rec), 0, "%s", k->name);
		/* Names must stay unique: only the copy's name differs. */
		for (size_t i = 0; i < rec.nassigns; i++)
			if (!strncmp(rec.assigns[i], "name=", 5)) {
				char *a = malloc(strlen(rec.assigns[i]) + 3);
				strcpy(a, rec.assigns[i]);
				strcat(a, " 2");
				free(rec.assigns[i]);
				rec.assigns[i] = a;
			}
		cr_assert_eq(
		    ui_apply(&ui, kinds[n], 0, 1, 0, rec.assigns, rec.nassigns, &new_id, &err), 0,
		    "%s: %s", k->name, err.msg);
		ui_undo_discard(&rec);
		load();
		const void *a = ui_fill_item(&ui, kinds[n], old_id);
		const void *b = ui_fill_item(&ui, kinds[n], new_id);
		cr_assert(a && b, "%s", k->name);
		for (size_t i = 0; i < k->nfields; i++) {
			char *va = ui_fill_text(&k->fields[i], a),
			     *vb = ui_fill_text(&k->fields[i], b);
			if (strcmp(k->fields[i].name, "name") &&
			    strcmp(k->fields[i].name, "position"))
				cr_assert_str_eq(va, vb, "%s.%s", k->name, k->fields[i].name);
			free(va);
			free(vb);
		}
	}
}

/* Run ui_editor headless with $VISUAL a script that appends `bytes`
 * bytes of "x" (0: one Swedish line) to the file it is given. */
static int edit_with(char **text, long bytes, struct jh_err *err)
{
	char *edir = tu_tmpdir(), *script = tu_join(edir, "ed.sh"), cmd[600], body[300];
	struct ui eui;
	int rc;

	if (bytes)
		snprintf(body, sizeof body, "head -c %ld /dev/zero | tr '\\0' x >>\"$1\"\n", bytes);
	else
		snprintf(body, sizeof body, "printf 'tillagt i redigeraren\\n' >>\"$1\"\n");
	tu_write(script, body);
	snprintf(cmd, sizeof cmd, "sh %s", script);
	setenv("VISUAL", cmd, 1);
	setenv("TMPDIR", edir, 1);
	memset(&eui, 0, sizeof eui);
	eui.replay = 1;
	rc = ui_editor(&eui, text, err);
	tu_rmtree(edir);
	free(edir);
	free(script);
	return rc;
}

Test(editor, the_edited_text_comes_back_without_the_final_newline)
{
	char *text = util_xstrdup("första raden");
	struct jh_err err;

	cr_assert_eq(edit_with(&text, 0, &err), 0, "%s", err.msg);
	cr_assert_str_eq(text, "första raden\ntillagt i redigeraren");
	free(text);
}

/* Text past the limit is refused whole and the field keeps its value,
 * never cut short at the limit. */
Test(editor, too_long_a_text_is_refused_and_the_field_kept)
{
	char *text = util_xstrdup("kvar som förut");
	struct jh_err err;

	cr_assert_eq(edit_with(&text, 3L << 20, &err), -1);
	cr_assert(strstr(err.msg, "too large"), "%s", err.msg);
	cr_assert_str_eq(text, "kvar som förut");
	free(text);
}
