/* fuzz_csv.c: libFuzzer target for the RFC 4180 reader.
 *
 * Checks what the reader promises besides not crashing: every row has as
 * many fields as the header, and rows start on increasing lines. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_table t;
	struct jh_err err;
	size_t prev;

	err.msg[0] = '\0';
	if (csv_parse((const char *)data, size, "fuzz.csv", &t, &err) != 0) {
		if (strncmp(err.msg, "fuzz.csv", 8) != 0)
			abort();
		return 0;
	}
	prev = t.header.line;
	for (size_t i = 0; i < t.nrows; i++) {
		if (t.rows[i].nfields != t.header.nfields || t.rows[i].line <= prev)
			abort();
		prev = t.rows[i].line;
		for (size_t j = 0; j < t.rows[i].nfields; j++)
			if (strlen(t.rows[i].fields[j]) > CSV_MAX_FIELD)
				abort();
	}
	csv_free(&t);
	return 0;
}
