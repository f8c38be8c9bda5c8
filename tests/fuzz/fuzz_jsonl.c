/* fuzz_jsonl.c - erg_jsonl_read (graph --from-jsonl) from fmemopen over
 * the input, into a fresh graph; then the graph is sorted and written as
 * JSON, so that whatever a line put into it is used once more.
 *
 * Checked: on failure the error names a line; every string the graph
 * took is well-formed UTF-8 (jansson's promise, which the writers rely
 * on), countries at most 3 bytes, every evidence document exists, and
 * start <= end. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "fuzz_util.h"
#include "graph.h"
#include "jsonl.h"

static void check_str(const char *s, const char *what)
{
	if (s)
		FUZZ_CHECK(fuzz_utf8_valid(s, strlen(s)), "%s is not UTF-8", what);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	erg_graph *g = erg_graph_new();
	erg_errinfo ei = {0};
	FILE *f;
	char *out = NULL;
	size_t outlen = 0;
	erg_err e;

	FUZZ_CHECK(g != NULL, "out of memory");
	/* fmemopen refuses a zero-sized buffer */
	f = size ? fmemopen((void *)data, size, "r") : fopen("/dev/null", "r");
	FUZZ_CHECK(f != NULL, "fmemopen");
	e = erg_jsonl_read(f, "fuzz.jsonl", g, &ei);
	fclose(f);
	if (e != ERG_OK)
		FUZZ_CHECK(ei.line > 0 && ei.msg[0], "error %d without line/reason",
		           e);
	for (size_t i = 0; i < erg_graph_ndocs(g); i++) {
		const erg_graph_docinfo *d = erg_graph_docinfo_at(g, i);

		check_str(d->name, "doc");
		check_str(d->title, "title");
		check_str(d->url, "url");
		check_str(d->date, "date");
	}
	for (size_t i = 0; i < erg_graph_nnodes(g); i++) {
		const erg_node *n = erg_graph_node(g, i);

		check_str(n->name, "node name");
		FUZZ_CHECK(n->name[0] != '\0', "empty node name");
		FUZZ_CHECK(memchr(n->country, '\0', sizeof n->country) != NULL,
		           "country not terminated");
		check_str(n->country, "country");
	}
	for (size_t i = 0; i < erg_graph_nedges(g); i++) {
		const erg_edge *ed = erg_graph_edge(g, i);

		FUZZ_CHECK(ed->from < erg_graph_nnodes(g) &&
		               ed->to < erg_graph_nnodes(g) &&
		               (unsigned)ed->rel < ERG_NRELS,
		           "edge %zu out of range", i);
		for (size_t k = 0; k < ed->evidence.len; k++) {
			const erg_evidence *ev = erg_vec_at(&ed->evidence, k);

			FUZZ_CHECK(ev->doc < erg_graph_ndocs(g), "evidence doc");
			FUZZ_CHECK(ev->start <= ev->end, "evidence span");
			check_str(ev->sentence, "sentence");
		}
	}
	erg_graph_sort(g);
	f = open_memstream(&out, &outlen);
	FUZZ_CHECK(f != NULL, "open_memstream");
	FUZZ_CHECK(erg_export_json(g, f) == ERG_OK, "export");
	fclose(f);
	free(out);
	erg_graph_free(g);
	return 0;
}
