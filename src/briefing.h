/* briefing.h - a self-contained HTML briefing: the figure, the relations
 * with their evidence, the documents read.  Written with libxml2's
 * writer, so every string from an article is escaped as HTML text. */
#ifndef ERG_BRIEFING_H
#define ERG_BRIEFING_H

#include <stdio.h>

#include "error.h"
#include "graph.h"

/* Write the page to f.  svg is an embeddable SVG figure of g (see
 * erg_render with embed set), inserted as it is; title heads the page. */
erg_err erg_briefing_write(const erg_graph *g, const char *title,
                           const char *svg, size_t svg_len, FILE *f);

#endif
