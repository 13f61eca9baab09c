/* fuzz_replay.c: libFuzzer target for the --replay key-file parser.
 *
 * Besides not crashing: a parse either fails with a 1-based LINE:COLUMN
 * or yields events whose resize sizes are in range and whose characters
 * are Unicode scalar values. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "journeyhack/replay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct replay_event *ev = NULL;
	struct jh_err err;
	size_t n = 0;
	int line = 0, col = 0;

	if (replay_parse((const char *)data, size, &ev, &n, &line, &col, &err) != 0) {
		if (line < 1 || col < 1)
			abort();
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		if (ev[i].type == REPLAY_RESIZE &&
		    (ev[i].x < 1 || ev[i].y < 1 || ev[i].x > REPLAY_MAX_SIZE ||
		     ev[i].y > REPLAY_MAX_SIZE))
			abort();
		if (ev[i].type == REPLAY_CHAR &&
		    (ev[i].code > 0x10FFFF || (ev[i].code >= 0xD800 && ev[i].code <= 0xDFFF)))
			abort();
	}
	free(ev);
	return 0;
}
