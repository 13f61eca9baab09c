/* test_feed.c: a workshop brought up to date through the change feed equals
 * a fresh load, after any sequence of changes.
 *
 * Two writers (two connections, as two terminals or a terminal and the
 * command line) make random changes of every kind; a third connection holds
 * a loaded workshop and refreshes it through store_refresh. After every
 * step it is compared, item for item and byte for byte, with store_load. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/analysis.h"
#include "journeyhack/analysis_inc.h"
#include "journeyhack/items.h"
#include "journeyhack/kinds.h"
#include "journeyhack/model.h"
#include "journeyhack/model_patch.h"
#include "journeyhack/rounds.h"
#include "journeyhack/store.h"
#include "journeyhack/template.h"
#include "testutil.h"

static char *dir, *path;
static struct jh_store *w1, *w2, *rd;
static jh_id wid;
static unsigned long long seed;

static unsigned rnd(unsigned n)
{
	/* xorshift64*: the same sequence on every machine. */
	seed ^= seed >> 12;
	seed ^= seed << 25;
	seed ^= seed >> 27;
	return n ? (unsigned)((seed * 2685821657736338717ULL) >> 33) % n : 0;
}

static struct jh_store *open_db(void)
{
	struct jh_store *s;
	struct jh_err err;

	cr_assert_eq(store_open(&s, path, 0, &err), 0, "%s", err.msg);
	return s;
}

static void setup(void)
{
	struct jh_template t;
	struct jh_err err;
	char *tpl = tu_srcpath("workshop-templates/payment-moment.yaml");

	dir = tu_tmpdir();
	path = tu_join(dir, "feed.db");
	w1 = open_db();
	cr_assert_eq(template_load(tpl, &t, &err), 0, "%s", err.msg);
	cr_assert_eq(store_workshop_create(w1, "verkstad", &t, &wid, &err), 0, "%s", err.msg);
	/* A second workshop in the same file: its changes are not ours. */
	{
		jh_id other;
		cr_assert_eq(store_workshop_create(w1, "annan", &t, &other, &err), 0, "%s",
			     err.msg);
	}
	template_free(&t);
	free(tpl);
	w2 = open_db();
	rd = open_db();
	seed = 0x9E3779B97F4A7C15ULL;
}

static void teardown(void)
{
	store_close(w1);
	store_close(w2);
	store_close(rd);
	tu_rmtree(dir);
	free(dir);
	free(path);
}

/* ------------------------------------------------------------- compare */

/* Two items of a kind are equal: every text and id list by content, and
 * everything else (ids, numbers, positions, counts) byte for byte. */
static void item_eq(enum jh_kind kind, const char *a, const char *b, size_t i)
{
	const struct jh_kind_def *k = kinds_get(kind);
	char *ca = malloc(k->item_size), *cb = malloc(k->item_size);

	memcpy(ca, a, k->item_size);
	memcpy(cb, b, k->item_size);
	for (size_t f = 0; f < k->nfields; f++) {
		const struct jh_field_def *fd = &k->fields[f];
		enum kinds_storage how = kinds_storage(fd);
		void *pa, *pb;
		if (!kinds_stored(fd) || (how != KINDS_S_TEXT && how != KINDS_S_IDLIST))
			continue;
		memcpy(&pa, ca + fd->offset, sizeof pa);
		memcpy(&pb, cb + fd->offset, sizeof pb);
		if (how == KINDS_S_TEXT) {
			cr_assert_str_eq(pa, pb, "%s %zu: field %s", k->name, i, fd->name);
		} else {
			size_t na, nb;
			memcpy(&na, ca + fd->count_offset, sizeof na);
			memcpy(&nb, cb + fd->count_offset, sizeof nb);
			cr_assert_eq(na, nb, "%s %zu: %s count", k->name, i, fd->name);
			cr_assert(na == 0 || !memcmp(pa, pb, na * sizeof(jh_id)), "%s %zu: %s",
				  k->name, i, fd->name);
		}
		memset(ca + fd->offset, 0, sizeof pa);
		memset(cb + fd->offset, 0, sizeof pb);
	}
	cr_assert(!memcmp(ca, cb, k->item_size), "%s %zu differs", k->name, i);
	free(ca);
	free(cb);
}

static void strv_eq(char **a, size_t na, char **b, size_t nb)
{
	cr_assert_eq(na, nb);
	for (size_t i = 0; i < na; i++)
		cr_assert_str_eq(a[i], b[i]);
}

static void data_eq(const struct jh_data *a, const struct jh_data *b)
{
	const struct jh_workshop *x = &a->workshop, *y = &b->workshop;

	cr_assert_str_eq(x->title, y->title);
	cr_assert_str_eq(x->method, y->method);
	cr_assert_str_eq(x->focus_kind, y->focus_kind);
	cr_assert_eq(x->focus_id, y->focus_id);
	cr_assert_eq(x->current_step, y->current_step);
	cr_assert_eq(x->timer_running, y->timer_running);
	cr_assert_eq(x->timer_started, y->timer_started);
	cr_assert_eq(x->timer_elapsed, y->timer_elapsed);
	cr_assert_eq(x->revision, y->revision);
	cr_assert_eq(x->dots_per_participant, y->dots_per_participant);
	strv_eq(a->channels, a->nchannels, b->channels, b->nchannels);
	strv_eq(a->stage_names, a->nstage_names, b->stage_names, b->nstage_names);
	strv_eq(a->prompts, a->nprompts, b->prompts, b->nprompts);
	for (int kind = 0; kind < JH_NKINDS; kind++) {
		const struct jh_kind_def *k = kinds_get((enum jh_kind)kind);
		size_t n = kinds_count(k, a);
		if (k->count_offset == KINDS_NO_OFFSET)
			continue;
		cr_assert_eq(n, kinds_count(k, b), "%s: %zu items, a fresh load %zu", k->name, n,
			     kinds_count(k, b));
		for (size_t i = 0; i < n; i++)
			item_eq((enum jh_kind)kind, kinds_item(k, a, i), kinds_item(k, b, i), i);
	}
	cr_assert_eq(a->nrounds, b->nrounds);
	for (size_t i = 0; i < a->nrounds; i++) {
		cr_assert_eq(a->rounds[i].id, b->rounds[i].id);
		cr_assert_eq(a->rounds[i].open, b->rounds[i].open);
		cr_assert_eq(a->rounds[i].nideas, b->rounds[i].nideas);
	}
	cr_assert_eq(a->nready, b->nready);
	cr_assert(a->nready == 0 || !memcmp(a->ready, b->ready, a->nready * sizeof(jh_id)));
	cr_assert_eq(a->feed_seq, b->feed_seq);
}

/* Refresh d and hold it against a fresh load; the refresh's result. */
static int check(struct jh_data *d)
{
	struct jh_data fresh;
	struct jh_err err;
	int rc = store_refresh(rd, wid, d, NULL, &err);

	cr_assert_geq(rc, 0, "%s", err.msg);
	cr_assert_eq(store_load(rd, wid, &fresh, &err), 0, "%s", err.msg);
	data_eq(d, &fresh);
	model_data_free(&fresh);
	return rc;
}

/* -------------------------------------------------------------- changes */

static const char *const words[] = {"Fakturan", "är",	  "svår",  "å",	     "Øyvind", "betaling",
				    "kö",	"blåbær", "kassa", "ärende", "Åsa",    "nätt"};

static void text(char *buf, size_t size)
{
	snprintf(buf, size, "%s %s %u", words[rnd(12)], words[rnd(12)], rnd(100000));
}

/* An id of a kind the workshop holds now, 0 when none. */
static jh_id any(const struct jh_data *d, enum jh_kind kind)
{
	const struct jh_kind_def *k = kinds_get(kind);
	size_t n = kinds_count(k, d);
	jh_id id;

	if (!n)
		return 0;
	memcpy(&id, kinds_item(k, d, rnd((unsigned)n)), sizeof id);
	return id;
}

/* Add or set through the command line's parsing; refusals (a name taken,
 * a revision moved on) are part of the game and change nothing. */
static void write_item(struct jh_store *st, enum jh_kind kind, jh_id id, const struct jh_assign *a,
		       size_t n)
{
	struct jh_values vals;
	struct jh_err err;
	jh_id out;

	if (items_parse(st, wid, kind, a, n, id == 0, &vals, &err))
		return;
	if (id)
		store_item_set(st, wid, kind, id, vals.v, vals.n, &err);
	else
		store_item_add(st, wid, kind, vals.v, vals.n, &out, &err);
	items_values_free(&vals);
}

static void one_change(struct jh_store *st, const struct jh_data *d)
{
	char t[64], n1[24], n2[24], n3[48];
	struct jh_err err;
	unsigned what = rnd(23);

	text(t, sizeof t);
	snprintf(n1, sizeof n1, "%u", 1 + rnd(5));
	snprintf(n2, sizeof n2, "%lld", (long long)any(d, JH_TOUCHPOINT));
	switch (what) {
	case 0:
	case 1: {
		struct jh_assign a[] = {{"title", t}, {"severity", n1}, {"touchpoint", n2}};
		write_item(st, JH_PAINPOINT, 0, a, any(d, JH_TOUCHPOINT) ? 3 : 2);
		break;
	}
	case 2: {
		struct jh_assign a[] = {{"severity", n1},
					{"status", rnd(2) ? "addressed" : "open"}};
		write_item(st, JH_PAINPOINT, any(d, JH_PAINPOINT), a, 2);
		break;
	}
	case 3:
	case 4: {
		jh_id p1 = any(d, JH_PAINPOINT), p2 = any(d, JH_PAINPOINT);
		struct jh_assign a[] = {{"title", t}, {"impact", n1}, {"painpoints", n3}};
		snprintf(n3, sizeof n3, "%lld,%lld", (long long)p1, (long long)p2);
		write_item(st, JH_IDEA, 0, a, p1 && p2 ? 3 : 2);
		break;
	}
	case 5: {
		jh_id p1 = any(d, JH_PAINPOINT);
		struct jh_assign a[] = {{"effort", n1}, {"painpoints", n3}};
		snprintf(n3, sizeof n3, "%lld", (long long)p1);
		write_item(st, JH_IDEA, any(d, JH_IDEA), a, p1 ? 2 : 1);
		break;
	}
	case 6:
		store_item_delete(st, wid, JH_PAINPOINT, any(d, JH_PAINPOINT), &err);
		break;
	case 7:
		store_item_delete(st, wid, JH_IDEA, any(d, JH_IDEA), &err);
		break;
	case 8:
	case 9:
		store_vote(st, wid, any(d, JH_PARTICIPANT), any(d, JH_IDEA), (int)rnd(3), &err);
		break;
	case 10: {
		struct jh_assign a[] = {{"name", t}};
		write_item(st, JH_PARTICIPANT, 0, a, 1);
		break;
	}
	case 11: {
		snprintf(n3, sizeof n3, "%lld", (long long)any(d, JH_IDEA));
		struct jh_assign a[] = {{"title", t}, {"owner", "Åsa"}, {"idea", n3}};
		write_item(st, JH_ACTION, 0, a, any(d, JH_IDEA) ? 3 : 2);
		break;
	}
	case 12: {
		struct jh_assign a[] = {{"text", t}};
		write_item(st, JH_PARKING, rnd(2) ? any(d, JH_PARKING) : 0, a, 1);
		break;
	}
	case 13: {
		struct jh_assign a[] = {{"score", rnd(2) ? "-2" : "1"}, {"name", t}};
		write_item(st, JH_TOUCHPOINT, any(d, JH_TOUCHPOINT), a, 2);
		break;
	}
	case 14:
		store_step_goto(st, wid, (int)rnd((unsigned)d->nsteps), &err);
		break;
	case 15:
		store_timer_toggle(st, wid, 1700000000 + rnd(1000), &err);
		break;
	case 16:
		store_ready_set(st, wid, any(d, JH_PARTICIPANT), (int)rnd(2), &err);
		break;
	case 17:
		store_focus_set(st, wid, rnd(2) ? "idea" : "", any(d, JH_IDEA), &err);
		break;
	case 18: {
		struct rounds_plan p;
		if (!rounds_plan(d, 0, ROUNDS_ALL, NULL, &p, &err)) {
			store_round_open(st, wid, &p, &err);
			rounds_plan_free(&p);
		} else {
			store_round_close(st, wid, &err);
		}
		break;
	}
	case 19: {
		jh_id step = any(d, JH_STEP);
		struct jh_assign a[] = {{"minutes", n1}, {"title", t}};
		write_item(st, JH_STEP, step, a, 2);
		store_step_reveal(st, wid, step, &err);
		break;
	}
	case 20: {
		struct jh_assign a[] = {{"name", t}};
		write_item(st, JH_JOURNEY, rnd(2) ? any(d, JH_JOURNEY) : 0, a, 1);
		break;
	}
	default: {
		struct jh_assign a[] = {{"name", t}};
		write_item(st, JH_PERSONA, rnd(2) ? any(d, JH_PERSONA) : 0, a, 1);
		if (rnd(3) == 0)
			store_item_delete(st, wid, JH_ACTION, any(d, JH_ACTION), &err);
		break;
	}
	}
}

TestSuite(feed, .init = setup, .fini = teardown, .timeout = 120);

Test(feed, a_workshop_patched_change_by_change_equals_a_fresh_load)
{
	struct jh_data d, ref;
	struct jh_err err;
	int patched = 0;

	cr_assert_eq(store_load(rd, wid, &d, &err), 0, "%s", err.msg);
	cr_assert_eq(check(&d), 0, "nothing changed yet");
	for (int i = 0; i < 1500; i++) {
		/* The writers see the workshop as it is, like a terminal would. */
		cr_assert_eq(store_load(w1, wid, &ref, &err), 0, "%s", err.msg);
		one_change(rnd(2) ? w1 : w2, &ref);
		model_data_free(&ref);
		patched += check(&d) == STORE_REFRESH_PATCHED;
	}
	cr_assert_gt(patched, 1000, "the feed patched %d of 1500 changes", patched);
	model_data_free(&d);
}

Test(feed, changes_by_two_writers_between_two_refreshes_are_all_seen)
{
	struct jh_data d, ref;
	struct jh_err err;

	cr_assert_eq(store_load(rd, wid, &d, &err), 0, "%s", err.msg);
	for (int round = 0; round < 60; round++) {
		int n = 1 + (int)rnd(25);
		for (int i = 0; i < n; i++) {
			struct jh_store *st = rnd(2) ? w1 : w2;
			cr_assert_eq(store_load(st, wid, &ref, &err), 0, "%s", err.msg);
			one_change(st, &ref);
			model_data_free(&ref);
		}
		check(&d);
	}
	model_data_free(&d);
}

Test(feed, changes_to_another_workshop_patch_nothing)
{
	struct jh_data d;
	struct jh_err err;
	jh_id other;
	struct jh_values vals;
	struct jh_assign a[] = {{"title", "Kön är lång"}};
	jh_id id;

	cr_assert_eq(store_load(rd, wid, &d, &err), 0, "%s", err.msg);
	cr_assert_eq(store_workshop_find(w1, "annan", &other, &err), 0);
	cr_assert_eq(items_parse(w1, other, JH_PAINPOINT, a, 1, 1, &vals, &err), 0, "%s", err.msg);
	cr_assert_eq(store_item_add(w1, other, JH_PAINPOINT, vals.v, vals.n, &id, &err), 0);
	items_values_free(&vals);
	cr_assert_eq(check(&d), 0, "another workshop's pain point is no change here");
	cr_assert_eq(d.npainpoints, 0);
	model_data_free(&d);
}

Test(feed, a_reader_the_trimmed_feed_left_behind_reads_the_workshop_whole)
{
	struct jh_data d;
	struct jh_err err;
	sqlite3 *db;
	jh_id tp;

	cr_assert_eq(store_load(rd, wid, &d, &err), 0, "%s", err.msg);
	tp = any(&d, JH_TOUCHPOINT);
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	/* A change the reader has not seen, */
	{
		char sql[128];
		snprintf(sql, sizeof sql, "UPDATE touchpoint SET reach = 42 WHERE id = %lld",
			 (long long)tp);
		cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK, "%s",
			     sqlite3_errmsg(db));
	}
	/* Then 21 000 entries of nobody's: the feed keeps its newest 20 000,
	 * so the reader's place in it is gone. */
	for (int i = 0; i < 21; i++)
		cr_assert_eq(sqlite3_exec(db,
					  "BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT"
					  " i + 1 FROM n WHERE i < 1000) INSERT INTO change_feed"
					  " (workshop_id, kind, item_id, op) SELECT 0, 'idea', i,"
					  " 'set' FROM n; COMMIT;",
					  NULL, NULL, NULL),
			     SQLITE_OK, "%s", sqlite3_errmsg(db));
	sqlite3_close(db);
	cr_assert_eq(check(&d), STORE_REFRESH_WHOLE);
	cr_assert_eq(model_touchpoint(&d, tp)->reach, 42);
	cr_assert_eq(check(&d), 0);
	model_data_free(&d);
}

Test(feed, every_table_of_the_model_feeds_its_changes)
{
	/* The triggers are named after the tables: a table of the model
	 * without them would leave terminals showing old data. */
	static const char *const tables[] = {
	    "workshop",	      "participant",  "step",  "journey", "stage",
	    "touchpoint",     "painpoint",    "idea",  "vote",	  "action",
	    "parking",	      "persona",      "round", "ready",	  "round_idea",
	    "idea_painpoint", "workshop_list"};
	sqlite3 *db;

	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		sqlite3_stmt *s;
		cr_assert_eq(
		    sqlite3_prepare_v2(db,
				       "SELECT count(*) FROM sqlite_schema WHERE type ="
				       " 'trigger' AND tbl_name = ?1 AND name LIKE '%_feed_%'",
				       -1, &s, NULL),
		    SQLITE_OK);
		sqlite3_bind_text(s, 1, tables[i], -1, SQLITE_STATIC);
		cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
		cr_assert_geq(sqlite3_column_int(s, 0), 2, "%s has no feed triggers", tables[i]);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
}

Test(feed, patching_puts_votes_in_load_order)
{
	struct jh_data d = {0};
	struct jh_vote v[] = {{.id = 7, .participant_id = 2, .idea_id = 5, .dots = 1},
			      {.id = 3, .participant_id = 1, .idea_id = 5, .dots = 2},
			      {.id = 9, .participant_id = 1, .idea_id = 2, .dots = 1},
			      {.id = 4, .participant_id = 1, .idea_id = 5, .dots = 1}};

	for (size_t i = 0; i < 4; i++)
		model_patch_put(&d, JH_VOTE, &v[i]);
	cr_assert_eq(d.nvotes, 4);
	cr_assert_eq(d.votes[0].id, 9);
	cr_assert_eq(d.votes[1].id, 3);
	cr_assert_eq(d.votes[2].id, 4);
	cr_assert_eq(d.votes[3].id, 7);
	/* Moved to another idea: out of its place and into the new one. */
	v[0].idea_id = 1;
	model_patch_put(&d, JH_VOTE, &v[0]);
	cr_assert_eq(d.nvotes, 4);
	cr_assert_eq(d.votes[0].id, 7);
	model_patch_drop(&d, JH_VOTE, 3);
	model_patch_drop(&d, JH_VOTE, 42);
	cr_assert_eq(d.nvotes, 3);
	cr_assert_eq(d.votes[2].id, 4);
	model_data_free(&d);
}

Test(feed, a_large_import_is_one_entry_and_read_whole)
{
	struct jh_data d;
	struct jh_err err;
	char *csv = tu_join(dir, "smärtor.csv");
	size_t cap = 64 * 1600, len = 0;
	char *rows = malloc(cap);
	const char *argv[] = {"import", "verkstad", csv, "--kind", "painpoints", NULL};
	struct tu_run r;
	sqlite3 *db;
	sqlite3_stmt *s;

	len += (size_t)snprintf(rows + len, cap - len, "title,severity\n");
	for (int i = 0; i < 1500; i++)
		len +=
		    (size_t)snprintf(rows + len, cap - len, "Kön vid kassa %d,%d\n", i, 1 + i % 5);
	tu_write(csv, rows);
	cr_assert_eq(store_load(rd, wid, &d, &err), 0, "%s", err.msg);
	r = tu_jhdb(path, argv);
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	cr_assert_eq(check(&d), STORE_REFRESH_WHOLE);
	cr_assert_eq(d.npainpoints, 1500);
	/* One entry for the import, not one per row. */
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db,
					"SELECT count(*) FROM change_feed WHERE kind = 'painpoint'"
					" OR kind = 'bulk'",
					-1, &s, NULL),
		     SQLITE_OK);
	cr_assert_eq(sqlite3_step(s), SQLITE_ROW);
	cr_assert_eq(sqlite3_column_int(s, 0), 1);
	sqlite3_finalize(s);
	sqlite3_close(db);
	model_data_free(&d);
	free(rows);
	free(csv);
}

/* The interface's path: what a refresh changed, followed by the kept
 * backlog figures (or a rebuild when the refresh says they moved whole),
 * gives the backlog analysis_backlog gives. */
static void backlog_eq(struct analysis_inc *a, const struct jh_data *d)
{
	size_t n, m;
	struct jh_ranked_idea *x = analysis_inc_backlog(a, d, &n);
	struct jh_ranked_idea *y = analysis_backlog(d, &m);

	cr_assert_eq(n, m);
	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(x[i].index, y[i].index, "rank %zu", i + 1);
		cr_assert_eq(x[i].rank, y[i].rank);
		cr_assert_eq(x[i].votes, y[i].votes);
		cr_assert_eq(x[i].quadrant, y[i].quadrant);
		cr_assert_eq(x[i].on_weakest_link, y[i].on_weakest_link);
		cr_assert(!memcmp(&x[i].score, &y[i].score, sizeof x[i].score), "rank %zu: score",
			  i + 1);
	}
	free(x);
	free(y);
}

Test(feed, the_backlog_kept_through_the_changes_equals_a_fresh_ranking)
{
	struct jh_data d, ref;
	struct jh_err err;
	struct analysis_inc a;
	struct model_changes ch = {0};
	int followed = 0;

	cr_assert_eq(store_load(rd, wid, &d, &err), 0, "%s", err.msg);
	analysis_inc_build(&a, &d);
	for (int i = 0; i < 800; i++) {
		cr_assert_eq(store_load(w1, wid, &ref, &err), 0, "%s", err.msg);
		one_change(rnd(2) ? w1 : w2, &ref);
		model_data_free(&ref);
		model_changes_clear(&ch);
		cr_assert_geq(store_refresh(rd, wid, &d, &ch, &err), 0, "%s", err.msg);
		if (analysis_inc_follow(&a, &d, &ch)) {
			analysis_inc_free(&a);
			analysis_inc_build(&a, &d);
		} else {
			followed++;
		}
		backlog_eq(&a, &d);
	}
	cr_assert_gt(followed, 500, "followed %d of 800 changes", followed);
	analysis_inc_free(&a);
	model_changes_free(&ch);
	model_data_free(&d);
}
