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
 * if it is ill-formed (overlong, surrogate, past U+10FFFF, cut).  Kept
 * apart from erg_utf8_char on purpose: the oracle must not share a bug
 * with the code it checks. */
static inline size_t fuzz_utf8_char(const unsigned char *s, size_t n)
{
	unsigned long c = s[0];
	size_t len;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	return len;
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
