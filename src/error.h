/* error.h - the one error enum every library function returns. */
#ifndef ERG_ERROR_H
#define ERG_ERROR_H

#include <stddef.h>

typedef enum {
	ERG_OK = 0,
	ERG_ENOMEM,    /* out of memory */
	ERG_ELIMIT,    /* a size cap was exceeded */
	ERG_EIO,       /* a file could not be read or written */
	ERG_EISDIR,    /* a directory was given where a file was expected */
	ERG_EEMPTY,    /* the input holds no text */
	ERG_EBINARY,   /* the input is not text (NUL bytes, control junk) */
	ERG_EUTF8,     /* the input is not valid UTF-8 */
	ERG_ESYNTAX,   /* a data file has a syntax error (see erg_errinfo) */
	ERG_EFORMAT,   /* unknown output format */
	ERG_ERENDER,   /* Graphviz failed to lay out or render */
	ERG_EINVAL,    /* invalid argument */
	ERG_ESTORE     /* the store (SQLite) failed or is damaged */
} erg_err;

/* Details for data errors: the file, the 1-based line (0 if none) and a
 * short reason.  Library functions fill it when they are given one. */
typedef struct {
	char file[512];
	unsigned long line;
	char msg[256];
	int sys_errno; /* errno for ERG_EIO, else 0 */
} erg_errinfo;

/* Human-readable text for an error code; never NULL. */
const char *erg_strerror(erg_err e);

/* Fill ei (if not NULL) and return e. */
erg_err erg_fail(erg_errinfo *ei, erg_err e, const char *file,
                 unsigned long line, const char *msg);

#endif
