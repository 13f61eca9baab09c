/* test_import_yaml.c: what a handed-over workshop file may not carry, and
 * a large export that must come back in whole, in bounded memory.
 *
 * Workshops are files people send each other: the import refuses tags, a
 * key given twice at any level and settings that would reach a terminal
 * as escape sequences, with FILE:LINE:COLUMN and nothing written. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "journeyhack/export.h"
#include "journeyhack/import_yaml.h"
#include "journeyhack/items.h"
#include "journeyhack/model.h"
#include "journeyhack/store.h"
#include "journeyhack/template.h"
#include "testutil.h"

static char *dir;
static struct jh_store *st;

static void setup(void)
{
	struct jh_err err;
	char *db;

	setenv("JOURNEYHACK_TODAY", "2026-11-22", 1);
	dir = tu_tmpdir();
	db = tu_join(dir, "w.db");
	cr_assert_eq(store_open(&st, db, 0, &err), 0, "%s", err.msg);
	free(db);
}

static void teardown(void)
{
	if (st)
		store_close(st);
	st = NULL;
	tu_rmtree(dir);
	free(dir);
}

TestSuite(import_yaml, .init = setup, .fini = teardown);

static size_t workshops(void)
{
	struct jh_workshop *list;
	struct jh_err err;
	size_t n;

	cr_assert_eq(store_workshop_list(st, &list, &n, &err), 0, "%s", err.msg);
	for (size_t i = 0; i < n; i++)
		model_workshop_free(&list[i]);
	free(list);
	return n;
}

static void refused(const char *text, const char *want)
{
	struct jh_err err;

	cr_assert_eq(import_yaml_buffer(st, "imp", text, strlen(text), "x.yaml", NULL, &err), -1,
		     "accepted:\n%s", text);
	cr_expect_str_eq(err.msg, want, "got %s\nfor:\n%s", err.msg, text);
	cr_expect_eq(workshops(), 0, "nothing written");
}

#define HEAD "journeyhack: 1\nworkshop:\n  title: T\n"

/* A second key at the top used to win quietly (a second workshop:, a
 * second list of pain points); below the top the import always refused. */
Test(import_yaml, a_key_given_twice_is_refused_at_every_level)
{
	refused(HEAD "workshop:\n  title: Other\n",
		"x.yaml:4:1: duplicate key \"workshop\" (first at line 2, column 1)");
	refused("journeyhack: 1\njourneyhack: 1\nworkshop: {title: T}\n",
		"x.yaml:2:1: duplicate key \"journeyhack\" (first at line 1, column 1)");
	refused(HEAD "painpoints:\n  - {id: 1, title: a}\nparticipants: []\n"
		     "painpoints:\n  - {id: 2, title: b}\n",
		"x.yaml:7:1: duplicate key \"painpoints\" (first at line 4, column 1)");
	refused(HEAD "  title: U\n", "x.yaml:4:3: title: given twice");
	refused(HEAD "ideas:\n  - {id: 1, title: a, title: b}\n",
		"x.yaml:5:23: title: given twice");
	refused(HEAD
		"journeys:\n  - id: 1\n    name: J\n    stages:\n      - {id: 1, name: S, id: 2}\n",
		"x.yaml:8:26: id: given twice");
	refused(HEAD "journeys:\n  - id: 1\n    name: J\n    stages: []\n    stages: []\n",
		"x.yaml:8:5: stages: given twice");
}

/* No value is read as a type a tag asks for: every tag is refused where
 * it stands, the standard ones too; an export never writes one. */
Test(import_yaml, every_tag_is_refused_where_it_stands)
{
	refused(HEAD "parking:\n  - id: 1\n    text: !!binary aGVsbG8=\n",
		"x.yaml:6:11: tags are not allowed in workshop files");
	refused(HEAD "parking:\n  - id: 1\n    text: !!python/object/apply:os.system [id]\n",
		"x.yaml:6:11: tags are not allowed in workshop files");
	refused(HEAD "parking: !foo\n  - id: 1\n",
		"x.yaml:4:10: tags are not allowed in workshop files");
	refused("journeyhack: !!int 1\nworkshop: {title: T}\n",
		"x.yaml:1:14: tags are not allowed in workshop files");
	refused(HEAD "participants:\n  - !!map {id: 1, name: A}\n",
		"x.yaml:5:5: tags are not allowed in workshop files");
	refused(HEAD "parking:\n  - id: 1\n    text: !!str x\n",
		"x.yaml:6:11: tags are not allowed in workshop files");
}

/* An anchor names a value and does nothing else, so it is let through;
 * the alias that would repeat it is refused. */
Test(import_yaml, an_alias_is_refused_an_anchor_is_only_a_name)
{
	struct jh_err err;
	const char *ok = HEAD "parking:\n  - &first\n    id: 1\n    text: x\n";

	refused(HEAD "parking:\n  - &p {id: 1, text: x}\n  - *p\n",
		"x.yaml:6:5: aliases (*name) are not supported in a workshop file");
	cr_expect_eq(import_yaml_buffer(st, "imp", ok, strlen(ok), "x.yaml", NULL, &err), 0, "%s",
		     err.msg);
}

/* `show` prints the template, so a file must not smuggle escape sequences
 * in through it: it is a template's name or nothing, as `new -t` takes. */
Test(import_yaml, the_template_is_a_template_name)
{
	struct jh_data d;
	struct jh_err err;
	jh_id id;
	const char *good = "journeyhack: 1\nworkshop: {title: T, template: payment-moment}\n";
	const char *none = "journeyhack: 1\nworkshop: {title: T, template: \"\"}\n";

	refused("journeyhack: 1\nworkshop:\n  title: T\n  template: \"x\\e]0;owned\\a\\e[2J\"\n",
		"x.yaml:4:13: template: \"x\\x1b]0;owned\\x07\\x1b[2J\" is not a template name "
		"(use a-z, 0-9 and -)");
	refused("journeyhack: 1\nworkshop: {title: T, template: \"a\\x9b31m\"}\n",
		"x.yaml:2:32: template: \"a\xc2\x9b"
		"31m\" is not a template name (use a-z, 0-9 and -)");
	refused("journeyhack: 1\nworkshop: {title: T, template: Payment Moment}\n",
		"x.yaml:2:32: template: \"Payment Moment\" is not a template name (use a-z, 0-9 "
		"and -)");
	refused("journeyhack: 1\nworkshop: {title: T, template: \"\\u202Egnp\"}\n",
		"x.yaml:2:32: template: \"\xe2\x80\xae"
		"gnp\" is not a template name (use a-z, 0-9 "
		"and -)");
	cr_assert_eq(import_yaml_buffer(st, "a", good, strlen(good), "x.yaml", &id, &err), 0, "%s",
		     err.msg);
	cr_assert_eq(store_load(st, id, &d, &err), 0, "%s", err.msg);
	cr_expect_str_eq(d.workshop.template_name, "payment-moment");
	model_data_free(&d);
	cr_expect_eq(import_yaml_buffer(st, "b", none, strlen(none), "x.yaml", NULL, &err), 0, "%s",
		     err.msg);
}

/* The workshop's other words are one line of plain text each. */
Test(import_yaml, the_workshops_words_carry_no_control_characters)
{
	refused("journeyhack: 1\nworkshop: {title: T, name: \"a\\e[31mb\"}\n",
		"x.yaml:2:28: name: control characters are not allowed in text");
	refused("journeyhack: 1\nworkshop: {title: T, name: \"a\\nb\"}\n",
		"x.yaml:2:28: name: must be a single line");
	refused("journeyhack: 1\nworkshop: {title: T, channels: [web, \"\\e]52;c;aGk=\\a\"]}\n",
		"x.yaml:2:38: channels: control characters are not allowed in text");
	refused("journeyhack: 1\nworkshop: {title: T, stages: [\"Buy\\x85\"]}\n",
		"x.yaml:2:31: stages: control characters are not allowed in text");
	refused("journeyhack: 1\nworkshop: {title: T, prompts: [\"one\\ntwo\"]}\n",
		"x.yaml:2:32: prompts: must be a single line");
}

/* ------------------------------------------------ a large workshop */

/* One item through the command line's own parser, in the open batch. */
static jh_id add(jh_id wid, enum jh_kind kind, const char *const *args)
{
	struct jh_assign a[8];
	char names[8][32];
	struct jh_values vals = {0};
	struct jh_err err;
	size_t n = 0;
	jh_id id = 0;

	for (; args[n]; n++)
		cr_assert_eq(items_split_assign(args[n], &a[n], names[n], sizeof names[n], &err), 0,
			     "%s", err.msg);
	cr_assert_eq(items_parse(st, wid, kind, a, n, 1, &vals, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_add(st, wid, kind, vals.v, vals.n, &id, &err), 0, "%s", err.msg);
	items_values_free(&vals);
	return id;
}

#define ADD(wid, kind, ...) add(wid, kind, (const char *const[]){__VA_ARGS__, NULL})

/* N pain points, N ideas each linked to one, N/4 actions, N/50
 * participants: the mix of a real workshop, in one batch. */
static jh_id fill(size_t n)
{
	struct jh_template t;
	struct jh_err err;
	char *path = tu_srcpath("workshop-templates/customer-journey-hackathon.yaml");
	char a[96], b[96], c[96];
	jh_id wid;

	cr_assert_eq(template_load(path, &t, &err), 0, "%s", err.msg);
	free(path);
	cr_assert_eq(store_workshop_create(st, "big", &t, &wid, &err), 0, "%s", err.msg);
	template_free(&t);
	cr_assert_eq(store_begin(st, &err), 0, "%s", err.msg);
	for (size_t i = 0; i < n / 50 + 1; i++) {
		snprintf(a, sizeof a, "name=Deltagare %zu", i);
		ADD(wid, JH_PARTICIPANT, a, "department=Kundservice");
	}
	for (size_t i = 0; i < n; i++) {
		snprintf(a, sizeof a, "title=Fakturan är svår att läsa %zu", i);
		snprintf(b, sizeof b, "severity=%zu", i % 5 + 1);
		jh_id pp =
		    ADD(wid, JH_PAINPOINT, a, b, "evidence=14 % of calls are about the invoice");
		snprintf(a, sizeof a, "title=Tydligare faktura %zu", i);
		snprintf(c, sizeof c, "painpoints=%lld", (long long)pp);
		ADD(wid, JH_IDEA, a, c, "belief=a clearer invoice lowers calls", "impact=3");
		if (i % 4 == 0) {
			snprintf(a, sizeof a, "title=Skriv om fakturan %zu", i);
			ADD(wid, JH_ACTION, a, "owner=Åsa", "due=2026-12-24");
		}
	}
	cr_assert_eq(store_commit(st, &err), 0, "%s", err.msg);
	return wid;
}

/* Peak and current resident memory of this process, in KiB. */
static long status_kib(const char *field)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long v = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, field, strlen(field)))
			v = atol(line + strlen(field));
	fclose(f);
	return v;
}

/* Memory is only the program's own in a plain build: sanitizers and
 * valgrind add theirs, and valgrind would take an hour over this size. */
static int plain_build(void)
{
	const char *pre = getenv("LD_PRELOAD");

#if defined(__SANITIZE_ADDRESS__)
	return 0;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
	return 0;
#endif
#endif
	return !(pre && strstr(pre, "vgpreload"));
}

/* A workshop of about 57 000 items is exported to YAML and imported
 * again, whole, with every count the same; a peak of memory beyond two
 * and a half times the file's size fails (the import used to take
 * fifteen times, and an export of 690 000 items could not come back). */
Test(import_yaml, a_large_export_comes_back_whole_in_bounded_memory, .timeout = 240)
{
	size_t n = plain_build() ? 25000 : 500;
	char *path = tu_join(dir, "big.yaml"), *db2 = tu_join(dir, "copy.db");
	struct jh_data d, back;
	struct jh_store *st2;
	struct jh_err err;
	long base, peak, size;
	FILE *f;
	jh_id wid = fill(n), copy;

	cr_assert_eq(store_load(st, wid, &d, &err), 0, "%s", err.msg);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	cr_assert_eq(export_yaml(f, &d, &err), 0, "%s", err.msg);
	size = ftell(f);
	cr_assert_eq(fclose(f), 0);
	cr_assert_eq(store_open(&st2, db2, 0, &err), 0, "%s", err.msg);

	/* Peak resident memory counts from here: "5" resets it (Linux). */
	f = fopen("/proc/self/clear_refs", "w");
	if (f) {
		fputs("5", f);
		fclose(f);
	}
	base = status_kib("VmRSS:");
	cr_assert_eq(import_yaml_file(st2, "copy", path, &copy, &err), 0, "%s", err.msg);
	peak = status_kib("VmHWM:");

	cr_assert_eq(store_load(st2, copy, &back, &err), 0, "%s", err.msg);
	cr_expect_eq(back.nparticipants, d.nparticipants);
	cr_expect_eq(back.npainpoints, n);
	cr_expect_eq(back.nideas, n);
	cr_expect_eq(back.nactions, (n + 3) / 4);
	cr_expect_eq(back.nsteps, d.nsteps);
	cr_expect_eq(back.njourneys, d.njourneys);
	cr_expect_eq(back.ntouchpoints, d.ntouchpoints);
	cr_expect_eq(back.ideas[n - 1].npainpoints, 1u);
	cr_expect_str_eq(back.painpoints[n - 1].title, d.painpoints[n - 1].title);
	cr_log_info("import peak %ld KiB over %ld KiB for a %ld KiB file", peak - base, base,
		    size / 1024);
	if (plain_build() && base > 0 && peak > 0)
		cr_expect_lt((peak - base) * 1024, 5 * size / 2,
			     "import peak %ld KiB over %ld KiB for a %ld KiB file", peak - base,
			     base, size / 1024);
	model_data_free(&back);
	model_data_free(&d);
	store_close(st2);
	free(path);
	free(db2);
}

/* Repeated names and votes are found by sorting, for files of any size;
 * the message still names the first repetition in the file's order. */
Test(import_yaml, the_first_repetition_in_the_file_is_named)
{
	refused(HEAD "participants:\n  - {id: 1, name: A}\n  - {id: 2, name: B}\n"
		     "  - {id: 3, name: B}\n  - {id: 4, name: A}\n",
		"x.yaml:7:19: a participant named \"B\" appears twice");
	refused(HEAD "journeys:\n  - id: 1\n    name: J\n    stages:\n      - {id: 1, name: S}\n"
		     "  - id: 2\n    name: K\n    stages:\n      - {id: 2, name: S}\n"
		     "      - {id: 3, name: T}\n      - {id: 4, name: S}\n",
		"x.yaml:14:23: a stage named \"S\" appears twice in this journey");
	refused(HEAD "participants:\n  - {id: 1, name: A}\n  - {id: 2, name: B}\n"
		     "ideas:\n  - {id: 1, title: I}\n  - {id: 2, title: J}\n"
		     "votes:\n  - {id: 1, idea: 1, participant: 1}\n"
		     "  - {id: 2, idea: 2, participant: 1}\n  - {id: 3, idea: 1, participant: 2}\n"
		     "  - {id: 4, idea: 2, participant: 1}\n  - {id: 5, idea: 1, participant: 1}\n",
		"x.yaml:14:5: a second vote of participant 1 on idea 2");
}

/* The file is streamed from its descriptor, opened as every reader opens
 * one: a directory is refused by name, a FIFO nothing writes to is no
 * file and never waited for. */
Test(import_yaml, a_file_is_opened_as_every_reader_opens_one)
{
	char *fifo = tu_join(dir, "w.yaml"), *want;
	struct jh_err err;
	size_t n;

	cr_assert_eq(mkfifo(fifo, 0600), 0);
	cr_expect_eq(import_yaml_file(st, "imp", fifo, NULL, &err), -1);
	n = strlen(fifo) + 32;
	want = malloc(n);
	snprintf(want, n, "%s: not a regular file", fifo);
	cr_expect_str_eq(err.msg, want);
	snprintf(want, n, "%s: is a directory, not a workshop file", dir);
	cr_expect_eq(import_yaml_file(st, "imp", dir, NULL, &err), -1);
	cr_expect_str_eq(err.msg, want);
	cr_expect_eq(workshops(), 0);
	free(want);
	free(fifo);
}
