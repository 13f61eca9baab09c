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

/* Parse with separator sep (0: the file says) and check the promises. */
static void check(const uint8_t *data, size_t size, char sep)
{
	struct csv_table t;
	struct jh_err err;
	size_t prev;

	err.msg[0] = '\0';
	if (csv_parse_sep((const char *)data, size, "fuzz.csv", sep, &t, &err) != 0) {
		if (strncmp(err.msg, "fuzz.csv", 8) != 0)
			abort();
		return;
	}
	if (t.sep != ',' && t.sep != ';' && t.sep != '\t')
		abort();
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
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check(data, size, ',');
	/* The guessed separator and Excel's sep= line, as import reads. */
	check(data, size, 0);
	return 0;
}
