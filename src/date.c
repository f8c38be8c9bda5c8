/* date.c - date parsing (being written). */
#include "date.h"

int erg_date_iso(const char *s, size_t len, char *out, size_t outsz)
{
	(void)s;
	(void)len;
	(void)out;
	(void)outsz;
	return 0;
}
