/* fileout.c - write-then-rename output files. */
#include "fileout.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

erg_err erg_fileout_open(erg_fileout *o, const char *path, erg_errinfo *ei)
{
	erg_buf b = ERG_BUF_INIT;
	int fd;

	memset(o, 0, sizeof *o);
	if (erg_buf_printf(&b, "%s.tmpXXXXXX", path))
		return erg_fail(ei, ERG_ENOMEM, path, 0, "out of memory");
	fd = mkstemp(b.data);
	if (fd < 0) {
		erg_fail(ei, ERG_EIO, path, 0, strerror(errno));
		erg_buf_free(&b);
		return ERG_EIO;
	}
	/* mkstemp creates 0600; the file gets what the umask allows, as a
	 * file opened with fopen() would */
	{
		mode_t um = umask(0);

		umask(um);
		fchmod(fd, 0666 & ~um);
	}
	o->f = fdopen(fd, "wb");
	o->tmp = erg_buf_steal(&b);
	o->path = erg_strndup(path, strlen(path));
	if (!o->f || !o->tmp || !o->path) {
		if (!o->f)
			close(fd);
		erg_fileout_abort(o);
		return erg_fail(ei, ERG_ENOMEM, path, 0, "out of memory");
	}
	return ERG_OK;
}

erg_err erg_fileout_commit(erg_fileout *o, erg_errinfo *ei)
{
	int bad = fflush(o->f) != 0 || ferror(o->f) != 0;

	bad |= fsync(fileno(o->f)) != 0 && errno != EINVAL;
	bad |= fclose(o->f) != 0;
	o->f = NULL;
	if (bad || rename(o->tmp, o->path) != 0) {
		erg_fail(ei, ERG_EIO, o->path, 0, strerror(errno));
		erg_fileout_abort(o);
		return ERG_EIO;
	}
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
	return ERG_OK;
}

void erg_fileout_abort(erg_fileout *o)
{
	if (o->f)
		fclose(o->f);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
}
