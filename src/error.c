/* error.c - error codes and their text. */
#include "error.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

const char *erg_strerror(erg_err e)
{
	switch (e) {
	case ERG_OK: return "success";
	case ERG_ENOMEM: return "out of memory";
	case ERG_ELIMIT: return "size limit exceeded";
	case ERG_EIO: return "cannot read or write file";
	case ERG_EISDIR: return "is a directory";
	case ERG_EEMPTY: return "no text in input";
	case ERG_EBINARY: return "input is binary, not text";
	case ERG_EUTF8: return "input is not valid UTF-8";
	case ERG_ESYNTAX: return "syntax error";
	case ERG_EFORMAT: return "unknown output format";
	case ERG_ERENDER: return "graph rendering failed";
	case ERG_EINVAL: return "invalid argument";
	case ERG_ESTORE: return "store error";
	}
	return "unknown error";
}

erg_err erg_fail(erg_errinfo *ei, erg_err e, const char *file,
                 unsigned long line, const char *msg)
{
	if (ei) {
		snprintf(ei->file, sizeof ei->file, "%s", file ? file : "");
		ei->line = line;
		snprintf(ei->msg, sizeof ei->msg, "%s", msg ? msg : "");
		/* one line: libxml2's messages run on over several */
		ei->msg[strcspn(ei->msg, "\r\n")] = '\0';
		ei->sys_errno = e == ERG_EIO ? errno : 0;
	}
	return e;
}
