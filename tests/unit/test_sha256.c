/* test_sha256.c - SHA-256 against the examples of FIPS 180-4 (one and two
 * block messages), the padding edges and a long message. */
#include "testutil.h"

#include "sha256.h"

static void expect(const void *data, size_t len, const char *hex)
{
	unsigned char d[ERG_SHA256_SIZE];
	char got[2 * ERG_SHA256_SIZE + 1];

	erg_sha256(data, len, d);
	erg_sha256_hex(d, ERG_SHA256_SIZE, got);
	assert_string_equal(got, hex);
}

/* The standard's worked examples and the empty message. */
static void known_digests(void **state)
{
	(void)state;
	expect("", 0,
	       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	expect("abc", 3,
	       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	expect("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
	       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

/* One million 'a's: many blocks. */
static void long_message(void **state)
{
	char *m = malloc(1000000);

	(void)state;
	assert_non_null(m);
	memset(m, 'a', 1000000);
	expect(m, 1000000,
	       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(m);
}

/* Lengths around the padding edges (55, 56, 63, 64 bytes) all differ,
 * and a message differing in its last byte gets another digest. */
static void padding_edges(void **state)
{
	static const size_t lens[] = {55, 56, 57, 63, 64, 65, 119, 120};
	unsigned char m[128], d[ERG_SHA256_SIZE], prev[ERG_SHA256_SIZE];

	(void)state;
	memset(m, 'x', sizeof m);
	memset(prev, 0, sizeof prev);
	for (size_t i = 0; i < TU_COUNT(lens); i++) {
		erg_sha256(m, lens[i], d);
		assert_memory_not_equal(d, prev, sizeof d);
		memcpy(prev, d, sizeof d);
	}
	m[63] = 'y';
	erg_sha256(m, 64, d);
	erg_sha256(m, 64, prev);
	assert_memory_equal(d, prev, sizeof d);
	m[63] = 'x';
	erg_sha256(m, 64, prev);
	assert_memory_not_equal(d, prev, sizeof d);
}

/* The hex form: two digits a byte, cut to n bytes. */
static void hex_prefix(void **state)
{
	unsigned char d[ERG_SHA256_SIZE];
	char out[2 * ERG_SHA256_SIZE + 1];

	(void)state;
	erg_sha256("abc", 3, d);
	erg_sha256_hex(d, 4, out);
	assert_string_equal(out, "ba7816bf");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(known_digests),
		cmocka_unit_test(long_message),
		cmocka_unit_test(padding_edges),
		cmocka_unit_test(hex_prefix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
