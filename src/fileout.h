/* fileout.h - atomic output files: written beside the target, then
 * renamed into place, so a failure never leaves a half-written file. */
#ifndef ERG_FILEOUT_H
#define ERG_FILEOUT_H

#include <stdio.h>

#include "error.h"

typedef struct {
	FILE *f;          /* write here */
	char *path;       /* the final name */
	char *tmp;        /* the temporary beside it */
} erg_fileout;

/* Open a temporary file in path's folder. */
erg_err erg_fileout_open(erg_fileout *o, const char *path, erg_errinfo *ei);
/* Flush, check and rename into place; on any failure the temporary is
 * removed and the old file at path is left as it was. */
erg_err erg_fileout_commit(erg_fileout *o, erg_errinfo *ei);
/* Give up: remove the temporary.  Safe to call on a committed or zeroed
 * erg_fileout. */
void erg_fileout_abort(erg_fileout *o);

#endif
