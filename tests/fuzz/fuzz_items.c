/* fuzz_items.c: libFuzzer target for the command line's FIELD=VALUE
 * parser (items_split_assign and items_parse), which `add`, `set`, the
 * CSV import and the interface's forms all go through.
 *
 * Input: the first byte picks the kind and add or set, the rest is the
 * arguments, one per line. One store in a private temporary directory
 * holds a workshop with a participant, a journey, its stages, a
 * touchpoint, a pain point and an idea for references to find; nothing
 * is written to it while fuzzing. Besides not crashing, a parse that
 * succeeds must give at most one value per field of the kind, each
 * inside the field's range, and text exactly as given; one that fails
 * must say why. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "journeyhack/items.h"
#include "journeyhack/store.h"
#include "journeyhack/text.h"

#define MAX_ARGS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct jh_store *st;
static jh_id wid;
static char dir[256];
static char path[300];

static void cleanup(void)
{
	char side[320];

	store_close(st);
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	rmdir(dir);
}

static void add(enum jh_kind kind, const char *const *args)
{
	struct jh_assign a[8];
	char names[8][64];
	struct jh_values vals;
	struct jh_err err;
	size_t n = 0;

	for (; args[n]; n++)
		if (items_split_assign(args[n], &a[n], names[n], sizeof names[n], &err))
			abort();
	if (items_parse(st, wid, kind, a, n, 1, &vals, &err) ||
	    store_item_add(st, wid, kind, vals.v, vals.n, NULL, &err)) {
		fprintf(stderr, "fuzz_items: %s\n", err.msg);
		abort();
	}
	items_values_free(&vals);
}

#define ADD(kind, ...) add(kind, (const char *const[]){__VA_ARGS__, NULL})

static void open_store(void)
{
	static char *stages[] = {"Aware", "Pay"};
	const char *tmp = getenv("TMPDIR");
	struct jh_template t;
	struct jh_err err;

	snprintf(dir, sizeof dir, "%s/jh-fuzz-items.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		abort();
	snprintf(path, sizeof path, "%s/fuzz.db", dir);
	memset(&t, 0, sizeof t);
	t.name = "fuzz";
	t.title = "Fuzz";
	t.stages = stages;
	t.nstages = 2;
	t.method = "impact-effort";
	t.dots_per_participant = 5;
	if (store_open(&st, path, 0, &err) || store_workshop_create(st, "w", &t, &wid, &err)) {
		fprintf(stderr, "fuzz_items: %s\n", err.msg);
		abort();
	}
	atexit(cleanup);
	ADD(JH_PARTICIPANT, "name=Anna");
	ADD(JH_JOURNEY, "name=Pay the invoice");
	ADD(JH_TOUCHPOINT, "name=Receive", "stage=Aware");
	ADD(JH_PAINPOINT, "title=Unreadable", "touchpoint=1");
	ADD(JH_IDEA, "title=Explain", "painpoints=1");
}

/* Was this text one of the values given for field name? */
static int given_text(const struct jh_assign *a, size_t n, const char *name, const char *text)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(a[i].field, name) && !strcmp(a[i].value, text))
			return 1;
	return 0;
}

static void check_values(const struct jh_kind_def *k, const struct jh_values *v,
			 const struct jh_assign *a, size_t n)
{
	for (size_t i = 0; i < v->n; i++) {
		const struct jh_field_def *f = v->v[i].field;
		if (f < k->fields || f >= k->fields + k->nfields)
			abort();
		for (size_t j = 0; j < i; j++)
			if (v->v[j].field == f)
				abort();
		if (f->type == JF_INT && (v->v[i].num < f->min || v->v[i].num > f->max))
			abort();
		if (f->type == JF_BOOL && v->v[i].num != 0 && v->v[i].num != 1)
			abort();
		if ((f->type == JF_TEXT || f->type == JF_LONGTEXT) && v->v[i].text &&
		    (!text_utf8_valid(v->v[i].text, strlen(v->v[i].text)) ||
		     (!given_text(a, n, f->name, v->v[i].text) &&
		      !(f->defval && !strcmp(v->v[i].text, f->defval)))))
			abort();
	}
}

/* Split the input into NUL-terminated lines in buf; returns how many. */
static size_t lines(char *buf, size_t len, char **argv)
{
	size_t n = 0;
	char *p = buf, *end = buf + len;

	while (p < end && n < MAX_ARGS) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		*nl = '\0';
		argv[n++] = p;
		p = nl + 1;
	}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf, *argv[MAX_ARGS], names[MAX_ARGS][64];
	struct jh_assign a[MAX_ARGS];
	struct jh_values vals;
	struct jh_err err;
	const struct jh_kind_def *k;
	size_t nargs, n = 0;
	int for_add, rc;

	if (!st)
		open_store();
	if (size < 1)
		return 0;
	k = kinds_get((enum jh_kind)(data[0] % JH_NKINDS));
	for_add = !(data[0] & 0x80);
	buf = malloc(size);
	memcpy(buf, data + 1, size - 1);
	nargs = lines(buf, size - 1, argv);
	for (size_t i = 0; i < nargs; i++) {
		err.msg[0] = '\0';
		if (items_split_assign(argv[i], &a[n], names[n], sizeof names[n], &err)) {
			if (!err.msg[0])
				abort();
			continue;
		}
		if (!a[n].field[0] || strchr(a[n].field, '=') ||
		    strcmp(a[n].value, strchr(argv[i], '=') + 1) != 0)
			abort();
		n++;
	}
	err.msg[0] = '\0';
	rc = k ? items_parse(st, wid, k->kind, a, n, for_add, &vals, &err) : -1;
	if (rc == 0) {
		check_values(k, &vals, a, n);
		items_values_free(&vals);
	} else if (k && !err.msg[0]) {
		abort();
	}
	free(buf);
	return 0;
}
