/* test_perf_invariants.c: what the speed-ups of issue 6 must not change.
 *
 * The store remembers answers while it holds the write lock (items known
 * to exist, the current agenda step), reuses prepared statements, skips
 * the per-item savepoint for one-statement items inside a batch and the
 * link DELETE for a new idea. Each test here pins the behaviour those
 * shortcuts could break: a change by another process or connection, a
 * delete or rollback inside the batch, a step change in the middle of an
 * import, the order and ids of imported rows, all-or-nothing imports. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/items.h"
#include "journeyhack/store.h"
#include "journeyhack/template.h"
#include "journeyhack/text.h"
#include "testutil.h"

static char *dir;
static char *dbpath;
static struct jh_store *st;
static jh_id wid;

static void setup(void)
{
	struct jh_template t;
	struct jh_err err;
	char *path = tu_srcpath("workshop-templates/payment-moment.yaml");

	setlocale(LC_ALL, "C.UTF-8"); /* text_width of wide characters */
	dir = tu_tmpdir();
	dbpath = tu_join(dir, "w.db");
	cr_assert_eq(store_open(&st, dbpath, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(template_load(path, &t, &err), 0, "%s", err.msg);
	cr_assert_eq(store_workshop_create(st, "pay", &t, &wid, &err), 0, "%s", err.msg);
	template_free(&t);
	free(path);
}

static void teardown(void)
{
	store_close(st);
	st = NULL;
	tu_rmtree(dir);
	free(dir);
	free(dbpath);
}

TestSuite(perf, .init = setup, .fini = teardown);

/* Add from FIELD=VALUE strings, as the CLI and the import do. */
static int vadd(struct jh_store *s, enum jh_kind kind, jh_id *id, struct jh_err *err, va_list ap)
{
	struct jh_assign a[32];
	char names[32][64];
	struct jh_values vals;
	const char *arg;
	size_t n = 0;
	int rc;

	while ((arg = va_arg(ap, const char *))) {
		cr_assert_eq(items_split_assign(arg, &a[n], names[n], 64, err), 0);
		n++;
	}
	if (items_parse(s, wid, kind, a, n, 1, &vals, err))
		return -1;
	rc = store_item_add(s, wid, kind, vals.v, vals.n, id, err);
	items_values_free(&vals);
	return rc;
}

static int add(enum jh_kind kind, jh_id *id, struct jh_err *err, ...)
{
	va_list ap;
	int rc;

	va_start(ap, err);
	rc = vadd(st, kind, id, err, ap);
	va_end(ap);
	return rc;
}

static jh_id add_ok(enum jh_kind kind, ...)
{
	struct jh_err err;
	jh_id id = 0;
	va_list ap;

	va_start(ap, kind);
	cr_assert_eq(vadd(st, kind, &id, &err, ap), 0, "%s", err.msg);
	va_end(ap);
	return id;
}

static void load(struct jh_data *d)
{
	struct jh_err err;

	cr_assert_eq(store_load(st, wid, d, &err), 0, "%s", err.msg);
}

static void begin(void)
{
	struct jh_err err;

	cr_assert_eq(store_begin(st, &err), 0, "%s", err.msg);
}

static void commit(void)
{
	struct jh_err err;

	cr_assert_eq(store_commit(st, &err), 0, "%s", err.msg);
}

static jh_id step_at(const struct jh_data *d, int position)
{
	for (size_t i = 0; i < d->nsteps; i++)
		if (d->steps[i].position == position)
			return d->steps[i].id;
	return 0;
}

Test(perf, another_process_deleting_is_seen_after_the_batch)
{
	struct tu_run r;

	begin();
	cr_assert(store_item_exists(st, wid, JH_TOUCHPOINT, 5)); /* remembered */
	commit();
	r = tu_jhdb(dbpath, (const char *const[]){"rm", "pay", "touchpoint", "5", NULL});
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	cr_assert_not(store_item_exists(st, wid, JH_TOUCHPOINT, 5));
	begin();
	cr_assert_not(store_item_exists(st, wid, JH_TOUCHPOINT, 5));
	commit();
}

Test(perf, another_connection_deleting_is_seen_by_the_next_batch)
{
	struct jh_store *other;
	struct jh_err err;

	begin();
	cr_assert(store_item_exists(st, wid, JH_TOUCHPOINT, 4)); /* remembered */
	commit();
	cr_assert_eq(store_open(&other, dbpath, 0, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_delete(other, wid, JH_TOUCHPOINT, 4, &err), 0, "%s", err.msg);
	store_close(other);
	begin();
	cr_assert_not(store_item_exists(st, wid, JH_TOUCHPOINT, 4));
	cr_assert_neq(add(JH_PAINPOINT, NULL, &err, "title=Gone", "touchpoint=4", NULL), 0);
	commit();
}

Test(perf, delete_inside_a_batch_is_seen_at_once)
{
	struct jh_err err;

	begin();
	add_ok(JH_PAINPOINT, "title=Före", "touchpoint=3", NULL);
	cr_assert(store_item_exists(st, wid, JH_TOUCHPOINT, 3));
	cr_assert_eq(store_item_delete(st, wid, JH_TOUCHPOINT, 2, &err), 0, "%s", err.msg);
	cr_assert_not(store_item_exists(st, wid, JH_TOUCHPOINT, 2));
	cr_assert(store_item_exists(st, wid, JH_TOUCHPOINT, 3));
	cr_assert_neq(add(JH_PAINPOINT, NULL, &err, "title=Efter", "touchpoint=2", NULL), 0);
	commit();
}

Test(perf, rolled_back_items_are_forgotten)
{
	struct jh_err err;
	jh_id p;

	char author[32];

	begin();
	begin(); /* a savepoint, as a nested store call makes */
	p = add_ok(JH_PARTICIPANT, "name=Åsa", NULL);
	cr_assert(store_item_exists(st, wid, JH_PARTICIPANT, p));
	store_rollback(st);
	cr_assert_not(store_item_exists(st, wid, JH_PARTICIPANT, p));
	snprintf(author, sizeof author, "author=%lld", (long long)p);
	cr_assert_neq(add(JH_PAINPOINT, NULL, &err, "title=X", author, NULL), 0);
	commit();
}

Test(perf, step_change_inside_a_batch_moves_new_items)
{
	struct jh_data d;
	struct jh_err err;
	jh_id a, b, c;

	begin();
	a = add_ok(JH_PAINPOINT, "title=Steg ett", NULL);
	cr_assert_eq(store_step_goto(st, wid, 3, &err), 0, "%s", err.msg);
	b = add_ok(JH_IDEA, "title=Steg fyra", NULL);
	commit();
	/* and in a new batch after another connection moved the step */
	{
		struct jh_store *other;
		cr_assert_eq(store_open(&other, dbpath, 0, &err), 0, "%s", err.msg);
		cr_assert_eq(store_step_goto(other, wid, 1, &err), 0, "%s", err.msg);
		store_close(other);
	}
	begin();
	c = add_ok(JH_PAINPOINT, "title=Steg två", NULL);
	commit();
	load(&d);
	cr_assert_eq(d.painpoints[0].id, a);
	cr_assert_eq(d.painpoints[0].step_id, step_at(&d, 0));
	cr_assert_eq(d.ideas[0].id, b);
	cr_assert_eq(d.ideas[0].step_id, step_at(&d, 3));
	cr_assert_eq(d.painpoints[1].id, c);
	cr_assert_eq(d.painpoints[1].step_id, step_at(&d, 1));
	model_data_free(&d);
}

Test(perf, current_step_falls_back_to_the_first)
{
	struct jh_workshop w;
	struct jh_data d;
	struct jh_err err;

	load(&d);
	w = d.workshop;
	w.current_step = 999; /* no step there */
	cr_assert_eq(store_workshop_restore(st, wid, &w, &err), 0, "%s", err.msg);
	model_data_free(&d);
	add_ok(JH_PAINPOINT, "title=Utan steg", NULL);
	load(&d);
	cr_assert_eq(d.painpoints[0].step_id, step_at(&d, 0));
	model_data_free(&d);
}

Test(perf, import_keeps_file_order_and_ids)
{
	char *csv = tu_join(dir, "painpoints.csv");
	struct tu_run r;
	struct jh_data d;
	FILE *f = fopen(csv, "w");

	cr_assert_not_null(f);
	fputs("title,touchpoint,severity,evidence\n", f);
	for (int i = 0; i < 300; i++)
		fprintf(f, "\"Rad %d, på svenska\",%d,%d,%s\n", i, i % 5 + 1, i % 5 + 1,
			i % 3 ? "\"citat \"\"så här\"\"\"" : "");
	fclose(f);
	r = tu_jhdb(dbpath,
		    (const char *const[]){"import", "pay", csv, "--kind", "painpoints", NULL});
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	load(&d);
	cr_assert_eq(d.npainpoints, 300);
	for (size_t i = 0; i < d.npainpoints; i++) {
		char want[64];
		snprintf(want, sizeof want, "Rad %zu, på svenska", i);
		cr_assert_str_eq(d.painpoints[i].title, want);
		cr_assert_eq(d.painpoints[i].id, (jh_id)(i + 1));
		cr_assert_eq(d.painpoints[i].touchpoint_id, (jh_id)(i % 5 + 1));
		cr_assert_str_eq(d.painpoints[i].evidence, i % 3 ? "citat \"så här\"" : "");
	}
	model_data_free(&d);
	free(csv);
}

Test(perf, bad_row_late_in_an_import_leaves_nothing)
{
	char *csv = tu_join(dir, "painpoints.csv");
	struct tu_run r;
	struct jh_data d;
	FILE *f = fopen(csv, "w");

	cr_assert_not_null(f);
	fputs("title,touchpoint,status\n", f);
	for (int i = 0; i < 200; i++)
		fprintf(f, "Rad %d,%d,%s\n", i, i % 5 + 1, i == 150 ? "bogus" : "open");
	fclose(f);
	r = tu_jhdb(dbpath,
		    (const char *const[]){"import", "pay", csv, "--kind", "painpoints", NULL});
	cr_assert_neq(r.status, 0);
	cr_assert(strstr(r.err, ":152:") != NULL, "%s", r.err);
	tu_run_free(&r);
	load(&d);
	cr_assert_eq(d.npainpoints, 0);
	model_data_free(&d);
	free(csv);
}

Test(perf, failed_item_in_a_batch_leaves_no_trace)
{
	struct jh_values vals;
	struct jh_assign a[] = {{"title", "Dubbel"}};
	struct jh_data d;
	struct jh_err err;
	jh_id first;

	begin();
	first = add_ok(JH_PAINPOINT, "title=Först", NULL);
	cr_assert_eq(items_parse(st, wid, JH_PAINPOINT, a, 1, 1, &vals, &err), 0, "%s", err.msg);
	/* an id that is taken: the INSERT fails inside the open batch */
	cr_assert_neq(store_item_add_with_id(st, wid, JH_PAINPOINT, first, vals.v, vals.n, &err),
		      0);
	items_values_free(&vals);
	add_ok(JH_PAINPOINT, "title=Sist", NULL);
	commit();
	load(&d);
	cr_assert_eq(d.npainpoints, 2);
	cr_assert_str_eq(d.painpoints[0].title, "Först");
	cr_assert_str_eq(d.painpoints[1].title, "Sist");
	model_data_free(&d);
}

Test(perf, status_checks_still_refuse_below_validation)
{
	struct jh_assign a[] = {{"title", "Kontroll"}, {"status", "open"}};
	static const char *const good[] = {"open", "addressed", "dropped"};
	struct jh_values vals;
	struct jh_err err;
	size_t k;

	cr_assert_eq(items_parse(st, wid, JH_PAINPOINT, a, 2, 1, &vals, &err), 0, "%s", err.msg);
	for (k = 0; k < vals.n && strcmp(vals.v[k].field->name, "status"); k++)
		;
	cr_assert_lt(k, vals.n);
	vals.v[k].text = "bogus";
	cr_assert_neq(store_item_add(st, wid, JH_PAINPOINT, vals.v, vals.n, NULL, &err), 0);
	vals.v[k].text = "Open";
	cr_assert_neq(store_item_add(st, wid, JH_PAINPOINT, vals.v, vals.n, NULL, &err), 0);
	for (size_t i = 0; i < 3; i++) {
		vals.v[k].text = good[i];
		cr_assert_eq(store_item_add(st, wid, JH_PAINPOINT, vals.v, vals.n, NULL, &err), 0,
			     "%s", err.msg);
	}
	cr_assert_eq(store_item_count(st, wid, JH_PAINPOINT), 3);
	items_values_free(&vals);
}

Test(perf, idea_links_are_replaced_not_added)
{
	struct jh_assign a[] = {{"id", ""}, {"painpoints", ""}};
	struct jh_values vals;
	struct jh_data d;
	struct jh_err err;
	char idb[24], links[64];
	jh_id p1 = add_ok(JH_PAINPOINT, "title=Ett", NULL);
	jh_id p2 = add_ok(JH_PAINPOINT, "title=Två", NULL);
	jh_id p3 = add_ok(JH_PAINPOINT, "title=Tre", NULL);
	jh_id idea;

	snprintf(links, sizeof links, "painpoints=%lld,%lld", (long long)p1, (long long)p2);
	idea = add_ok(JH_IDEA, "title=Idé", links, NULL);
	snprintf(idb, sizeof idb, "%lld", (long long)idea);
	snprintf(links, sizeof links, "%lld", (long long)p3);
	a[0].value = idb;
	a[1].value = links;
	cr_assert_eq(items_parse(st, wid, JH_IDEA, a, 2, 0, &vals, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_set(st, wid, JH_IDEA, idea, vals.v, vals.n, &err), 0, "%s",
		     err.msg);
	items_values_free(&vals);
	load(&d);
	cr_assert_eq(d.ideas[0].npainpoints, 1);
	cr_assert_eq(d.ideas[0].painpoints[0], p3);
	model_data_free(&d);
}

/* An idea with the optional test-card fields of `mask` given. */
static void add_idea_mask(unsigned mask, int round)
{
	static const char *const names[] = {"belief",  "experiment", "metric",
					    "success", "reach",	     "confidence"};
	struct jh_assign a[8];
	char buf[8][64];
	struct jh_values vals;
	struct jh_err err;
	size_t n = 0;

	snprintf(buf[n], sizeof buf[n], "Idé %u/%d", mask, round);
	a[n] = (struct jh_assign){"title", buf[n]};
	n++;
	for (unsigned b = 0; b < 6; b++) {
		if (!(mask & (1u << b)))
			continue;
		if (b >= 4)
			snprintf(buf[n], sizeof buf[n], "%u", b == 4 ? mask : mask % 5 + 1);
		else
			snprintf(buf[n], sizeof buf[n], "%s %u", names[b], mask);
		a[n] = (struct jh_assign){names[b], buf[n]};
		n++;
	}
	cr_assert_eq(items_parse(st, wid, JH_IDEA, a, n, 1, &vals, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_add(st, wid, JH_IDEA, vals.v, vals.n, NULL, &err), 0, "%s",
		     err.msg);
	items_values_free(&vals);
}

static void check_idea_mask(const struct jh_idea *x, unsigned mask, int round)
{
	char want[64];

	snprintf(want, sizeof want, "Idé %u/%d", mask, round);
	cr_assert_str_eq(x->title, want);
	snprintf(want, sizeof want, "belief %u", mask);
	cr_assert_str_eq(x->belief, mask & 1 ? want : "");
	snprintf(want, sizeof want, "experiment %u", mask);
	cr_assert_str_eq(x->experiment, mask & 2 ? want : "");
	snprintf(want, sizeof want, "metric %u", mask);
	cr_assert_str_eq(x->metric, mask & 4 ? want : "");
	snprintf(want, sizeof want, "success %u", mask);
	cr_assert_str_eq(x->success, mask & 8 ? want : "");
	cr_assert_eq(x->reach, mask & 16 ? (int)mask : 100);
	cr_assert_eq(x->confidence, mask & 32 ? (int)(mask % 5 + 1) : 3);
}

Test(perf, statement_cache_overflow_keeps_answers_right)
{
	struct jh_data d;

	/* 64 INSERT texts for ideas, twice, with other statements between:
	 * more than the cache holds, so statements leave it and come back.
	 * Every value must land in its own column all the same. */
	begin();
	for (int round = 0; round < 2; round++) {
		for (unsigned mask = 0; mask < 64; mask++) {
			add_idea_mask(mask, round);
			cr_assert(store_item_exists(st, wid, JH_TOUCHPOINT, mask % 5 + 1));
			cr_assert_not(store_item_exists(st, wid, JH_TOUCHPOINT, 100 + mask));
		}
	}
	commit();
	load(&d);
	cr_assert_eq(d.nideas, 128);
	for (size_t i = 0; i < d.nideas; i++)
		check_idea_mask(&d.ideas[i], (unsigned)(i % 64), (int)(i / 64));
	model_data_free(&d);
}

/* show measures every cell once and reuses the width when the cell fits:
 * the columns must line up as before for wide, cut and control text. */
Test(perf, show_columns_line_up_with_cached_widths)
{
	static const char *const titles[] = {
	    "title=Kort",
	    "title=Fakturan är svår att läsa och förstå för de flesta kunder",
	    "title=請求書が分かりにくい請求書が分かりにくい請求書が分かりにくい",
	    "title=tab\there and a bell \a here",
	    "title=Ærlig og ødelagt",
	};
	struct tu_run r;
	char *line, *save = NULL;
	int width = -1, lines = 0;

	for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
		r = tu_jhdb(dbpath,
			    (const char *const[]){"add", "pay", "painpoint", titles[i],
						  "touchpoint=1", "evidence=Samma bevis", NULL});
		cr_assert_eq(r.status, 0, "%s", r.err);
		tu_run_free(&r);
	}
	r = tu_jhdb(dbpath, (const char *const[]){"show", "pay", "painpoints", NULL});
	cr_assert_eq(r.status, 0, "%s", r.err);
	for (line = strtok_r(r.out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		int w = text_width(line);
		/* rows only: the header's last column is narrower than the
		 * evidence, and trailing blanks are trimmed */
		if (lines++ == 0)
			continue;
		if (width < 0)
			width = w;
		cr_assert_eq(w, width, "row %d is %d columns, the first %d: %s", lines - 1, w,
			     width, line);
	}
	cr_assert_eq(lines, 6);
	tu_run_free(&r);
}

/* The INSERT texts are remembered by their columns and by the columns the
 * store adds itself (id, position, step): rows alike but for those must
 * not share a statement. */
Test(perf, insert_shapes_differing_in_added_columns)
{
	struct jh_assign a[] = {{"title", "Med id"}};
	struct jh_values vals;
	struct jh_data d;
	struct jh_err err;
	jh_id first, third, s1, s2, j;
	char jbuf[32];

	begin();
	first = add_ok(JH_PAINPOINT, "title=Utan id", NULL);
	cr_assert_eq(items_parse(st, wid, JH_PAINPOINT, a, 1, 1, &vals, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_add_with_id(st, wid, JH_PAINPOINT, 500, vals.v, vals.n, &err), 0,
		     "%s", err.msg);
	items_values_free(&vals);
	third = add_ok(JH_PAINPOINT, "title=Utan id igen", NULL);
	j = add_ok(JH_JOURNEY, "name=Resa", "stages=A", NULL);
	snprintf(jbuf, sizeof jbuf, "journey=%lld", (long long)j);
	s1 = add_ok(JH_STAGE, jbuf, "name=B", NULL);
	s2 = add_ok(JH_STAGE, jbuf, "name=C", "position=7", NULL);
	add_ok(JH_STAGE, jbuf, "name=D", NULL);
	commit();
	cr_assert_eq(third, 501);
	load(&d);
	cr_assert_eq(d.npainpoints, 3);
	cr_assert_eq(d.painpoints[0].id, first);
	cr_assert_str_eq(d.painpoints[1].title, "Med id");
	cr_assert_eq(d.painpoints[1].id, 500);
	cr_assert_eq(d.painpoints[1].step_id, d.painpoints[0].step_id);
	cr_assert_str_eq(d.painpoints[2].title, "Utan id igen");
	for (size_t i = 0; i < d.nstages; i++) {
		if (d.stages[i].id == s1)
			cr_assert_eq(d.stages[i].position, 1);
		if (d.stages[i].id == s2)
			cr_assert_eq(d.stages[i].position, 7);
		if (!strcmp(d.stages[i].name, "D"))
			cr_assert_eq(d.stages[i].position, 8);
	}
	model_data_free(&d);
}
