/* sha256.h - SHA-256 (FIPS 180-4), for article identity: two different
 * texts must never pass for one, even when an adversary writes them. */
#ifndef ERG_SHA256_H
#define ERG_SHA256_H

#include <stddef.h>

#define ERG_SHA256_SIZE 32

/* The digest of len bytes at data. */
void erg_sha256(const void *data, size_t len,
                unsigned char out[ERG_SHA256_SIZE]);

/* The first n bytes of a digest as 2n lower-case hex digits and a NUL
 * (out holds 2n + 1 bytes; n at most ERG_SHA256_SIZE). */
void erg_sha256_hex(const unsigned char d[ERG_SHA256_SIZE], size_t n,
                    char *out);

#endif
