/* fuzz_util.h - small helpers shared by the libFuzzer targets (header
 * only: each target is one translation unit plus liberg.a). */
#ifndef ERG_FUZZ_UTIL_H
#define ERG_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The libFuzzer entry points (declared for -Wmissing-prototypes). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Abort with a message: a broken contract is a crash for libFuzzer. */
#define FUZZ_CHECK(cond, ...)                                                 \
	do {                                                                      \
		if (!(cond)) {                                                        \
			fprintf(stderr, "fuzz check failed: %s (%s:%d): ", #cond,         \
			        __FILE__, __LINE__);                                      \
			fprintf(stderr, __VA_ARGS__);                                     \
			fputc('\n', stderr);                                              \
			abort();                                                          \
		}                                                                     \
	} while (0)

/* Length of the well-formed UTF-8 sequence at s (n > 0 bytes left), or 0
 * if it is ill-formed (overlong, surrogate, past U+10FFFF, cut).  Written
 * another way than erg_utf8_char (ranges, not decoding) so that the
 * oracle does not share a bug with the code it checks; the two agreed on
 * every 1- to 4-byte input of the form XX XX XX {00,7F,80,BF,C0,FF}. */
static inline size_t fuzz_utf8_char(const unsigned char *s, size_t n)
{
	/* The well-formed byte sequences of the Unicode standard (table 3-7),
	 * row by row: a lead byte range, the sequence length, and the range
	 * its second byte must fall in; later bytes are 80..BF.  Checking
	 * byte ranges, never decoding, keeps this apart from erg_utf8_char. */
	static const struct {
		unsigned char lo, hi, len, lo2, hi2;
	} rows[] = {
		{0x00, 0x7F, 1, 0, 0},
		{0xC2, 0xDF, 2, 0x80, 0xBF},
		{0xE0, 0xE0, 3, 0xA0, 0xBF},
		{0xE1, 0xEC, 3, 0x80, 0xBF},
		{0xED, 0xED, 3, 0x80, 0x9F},
		{0xEE, 0xEF, 3, 0x80, 0xBF},
		{0xF0, 0xF0, 4, 0x90, 0xBF},
		{0xF1, 0xF3, 4, 0x80, 0xBF},
		{0xF4, 0xF4, 4, 0x80, 0x8F},
	};

	for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
		if (s[0] < rows[r].lo || s[0] > rows[r].hi)
			continue;
		if (n < rows[r].len)
			return 0;
		if (rows[r].len > 1 && (s[1] < rows[r].lo2 || s[1] > rows[r].hi2))
			return 0;
		for (size_t i = 2; i < rows[r].len; i++)
			if (s[i] < 0x80 || s[i] > 0xBF)
				return 0;
		return rows[r].len;
	}
	return 0;
}

static inline int fuzz_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < n;) {
		size_t k = fuzz_utf8_char(p + i, n - i);

		if (!k)
			return 0;
		i += k;
	}
	return 1;
}

/* A NUL-terminated copy of s[0..n) with every ill-formed UTF-8 byte
 * replaced by U+FFFD and NUL bytes dropped; NULL if out of memory. */
static inline char *fuzz_utf8_clean(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out = malloc(3 * n + 1), *o = out;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n;) {
		size_t k = fuzz_utf8_char(p + i, n - i);

		if (!k) {
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
		} else {
			if (k > 1 || p[i] != 0) {
				memcpy(o, p + i, k);
				o += k;
			}
			i += k;
		}
	}
	*o = '\0';
	return out;
}

/* A deterministic stream of small numbers from a seed (xorshift32), for
 * choices that must not take bytes away from the input. */
static inline uint32_t fuzz_rand(uint32_t *st)
{
	uint32_t x = *st ? *st : 0x9E3779B9u;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *st = x;
}

static inline uint32_t fuzz_hash(const uint8_t *d, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ d[i]) * 16777619u;
	return h;
}

#endif
