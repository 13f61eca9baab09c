/* fuzz_template.c: libFuzzer target for the template loader.
 *
 * Any bytes must either load or fail with a "LABEL:LINE:COLUMN: message"
 * error; a crash, a hang, a leak or undefined behaviour is a bug. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jh_template t;
	struct jh_err err;

	err.msg[0] = '\0';
	if (template_load_buffer((const char *)data, size, "fuzz.yaml", &t, &err) == 0) {
		template_free(&t);
		return 0;
	}
	/* The contract: every refusal names the file and a position. */
	if (strncmp(err.msg, "fuzz.yaml", 9) != 0)
		abort();
	return 0;
}
