/* store-schema-gen: write the schema the migrations build as C tables
 * (store_expected.h), so that opening a file compares it with a schema
 * compiled in instead of running every migration in memory first. */
#include <stdio.h>

#include "store_expect.h"
#include "store_schema.h"

int main(void)
{
	char why[256];
	struct store_schema *s = store_expect_build((long long)STORE_NMIGRATIONS, why, sizeof why);
	int rc;

	if (!s) {
		fprintf(stderr, "store-schema-gen: %s\n", why);
		return 1;
	}
	rc = store_expect_print(s, (long long)STORE_NMIGRATIONS, stdout);
	store_expect_free(s);
	if (rc)
		fprintf(stderr, "store-schema-gen: cannot write the schema\n");
	return rc ? 1 : 0;
}
