/* render.h - the graph as DOT (written by cgraph) or SVG (laid out and
 * rendered by gvc).  The only module that calls Graphviz. */
#ifndef ERG_RENDER_H
#define ERG_RENDER_H

#include <stdio.h>

#include "error.h"
#include "graph.h"

typedef enum {
	ERG_GFMT_DOT,
	ERG_GFMT_SVG,
	ERG_GFMT_PNG,
	ERG_GFMT_PDF,
	/* not Graphviz's: written by briefing.c and export.c */
	ERG_GFMT_HTML,
	ERG_GFMT_JSON,
	ERG_GFMT_GRAPHML,
	ERG_GFMT_CSV
} erg_gfmt;

typedef struct {
	const char *title;     /* figure title, or NULL for a default */
	const char *layout;    /* dot, neato, fdp, sfdp, circo, or NULL/"auto"
	                        * (dot up to ERG_AUTO_DOT_MAX nodes, then sfdp) */
	const char *id;        /* prefix of every id in the figure, or NULL
	                        * ("erg") */
	int embed;             /* SVG for inclusion in a page: no XML
	                        * declaration or DOCTYPE, width 100% */
	int link;              /* nodes and edges link to their sources */
	int cluster_country;   /* group nodes by country */
} erg_render_opts;

/* Above this many nodes the automatic layout switches from dot to sfdp.
 * Measured on this project's 2-core machine with random graphs of 1.5
 * edges per node: dot 0.23 s at 300 nodes, 1.9 s at 1,000, over 120 s at
 * 5,000; sfdp (with overlap removal, straight edges) 0.6 s at 1,000 and
 * 5.2 s at 5,000. */
#define ERG_AUTO_DOT_MAX 500

/* Parse a format name ("dot", "svg") or a file name's extension; returns
 * -1 if unknown. */
int erg_gfmt_parse(const char *name);
int erg_gfmt_from_path(const char *path);

/* Write g to f in fmt. */
erg_err erg_render(const erg_graph *g, erg_gfmt fmt,
                   const erg_render_opts *opts, FILE *f);

#endif
