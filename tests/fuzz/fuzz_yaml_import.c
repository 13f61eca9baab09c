/* fuzz_yaml_import.c: libFuzzer target for the YAML workshop import.
 *
 * One store in a private temporary directory serves every run; each run
 * imports inside an outer transaction that is rolled back, so runs do
 * not see each other and nothing is ever synced to disk. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "journeyhack/export.h"
#include "journeyhack/import_yaml.h"
#include "journeyhack/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct jh_store *st;
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

static void open_store(void)
{
	struct jh_err err;
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, sizeof dir, "%s/jh-fuzz-yaml.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		abort();
	snprintf(path, sizeof path, "%s/fuzz.db", dir);
	if (store_open(&st, path, 0, &err) != 0) {
		fprintf(stderr, "fuzz_yaml_import: %s\n", err.msg);
		abort();
	}
	atexit(cleanup);
}

/* Export workshop wid as YAML into a malloc'd buffer. */
static char *export_buf(jh_id wid, size_t *len)
{
	struct jh_data d;
	struct jh_err err;
	char *buf = NULL;
	FILE *f;

	if (store_load(st, wid, &d, &err) != 0)
		abort();
	f = open_memstream(&buf, len);
	if (!f || export_yaml(f, &d, &err) != 0)
		abort();
	fclose(f);
	model_data_free(&d);
	return buf;
}

/* Import into the rolled-back outer transaction; the id or 0. */
static jh_id import(const char *buf, size_t len)
{
	struct jh_err err;
	jh_id wid = 0;

	err.msg[0] = '\0';
	if (import_yaml_buffer(st, "fz", buf, len, "fuzz.yaml", &wid, &err) == 0)
		return wid;
	/* Every refusal says why. */
	if (!err.msg[0])
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jh_err err;
	char *a, *b;
	size_t alen, blen;
	jh_id wid;

	if (!st)
		open_store();
	if (store_begin(st, &err) != 0)
		abort();
	wid = import((const char *)data, size);
	if (!wid) {
		store_rollback(st);
		return 0;
	}
	/* The export is lossless: what was accepted exports, imports into
	 * an empty database again and exports to the same bytes. */
	a = export_buf(wid, &alen);
	store_rollback(st);
	if (store_begin(st, &err) != 0)
		abort();
	wid = import(a, alen);
	if (!wid) {
		fprintf(stderr, "fuzz_yaml_import: the export of an accepted file is refused\n");
		abort();
	}
	b = export_buf(wid, &blen);
	store_rollback(st);
	if (alen != blen || memcmp(a, b, alen) != 0) {
		fprintf(stderr, "fuzz_yaml_import: export, import, export differs\n");
		abort();
	}
	free(a);
	free(b);
	return 0;
}
