/* fuzz_text.c - a plain-text article through the whole extraction:
 * erg_doc_from_mem (validation, normalisation), erg_doc_identify, then
 * erg_extract_doc with the default lexicon (segmentation, mentions,
 * coreference, relation rules; with --explain's trace for inputs of odd
 * length), each relation written by erg_output_found as JSON Lines (and
 * TSV) and merged into a graph.
 *
 * Checked: the JSON Lines written are read back by erg_jsonl_read without
 * error (what `graph --from-jsonl` relies on), and every evidence span
 * lies inside the document.
 *
 * The extractor adds the companies it learns to the lexicon, so the
 * lexicon grows with the runs: it is rebuilt every RELOAD_EVERY runs or
 * when it has learned more than LEARN_MAX entities. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "fuzz_util.h"
#include "graph.h"
#include "ingest.h"
#include "jsonl.h"
#include "lexicon.h"
#include "output.h"

#define RELOAD_EVERY 1000
#define LEARN_MAX 2000

static erg_lexicon *lx;
static erg_extractor *x;
static size_t base_entities, runs;

static void reload(void)
{
	erg_errinfo ei = {0};

	erg_extractor_free(x);
	erg_lexicon_free(lx);
	lx = erg_lexicon_new();
	FUZZ_CHECK(lx && erg_lexicon_load_default(lx, &ei) == ERG_OK,
	           "default lexicon: %s", ei.msg);
	x = erg_extractor_new(lx);
	FUZZ_CHECK(x != NULL, "no extractor");
	base_entities = erg_lexicon_nentities(lx);
	runs = 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	reload();
	return 0;
}

typedef struct {
	FILE *jsonl, *tsv;
	erg_graph *g;
	size_t docidx;
	int doc_added;
} sink;

static erg_err found_cb(void *arg, const erg_doc *doc, const erg_found *f)
{
	sink *s = arg;
	erg_err e;

	FUZZ_CHECK(f->start <= f->end && f->end <= doc->len,
	           "evidence span %zu..%zu outside the document (%zu bytes)",
	           f->start, f->end, doc->len);
	FUZZ_CHECK(f->r.subj >= 0 &&
	               (size_t)f->r.subj < erg_lexicon_nentities(lx) &&
	               f->r.obj >= 0 &&
	               (size_t)f->r.obj < erg_lexicon_nentities(lx) &&
	               (unsigned)f->r.rel < ERG_NRELS,
	           "relation out of range");
	if ((e = erg_output_found(s->jsonl, ERG_OUT_JSONL, lx, doc, f)) ||
	    (e = erg_output_found(s->tsv, ERG_OUT_TSV, lx, doc, f)))
		return e;
	if (!f->r.negative && !f->r.hedged && !s->doc_added) {
		if ((e = erg_graph_add_doc(s->g, doc->name, &s->docidx)) ||
		    (e = erg_graph_doc_meta(s->g, s->docidx, doc->title, doc->url,
		                            doc->date)))
			return e;
		s->doc_added = 1;
	}
	return erg_graph_add(s->g, lx, s->docidx, doc->text, f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	erg_doc *doc = NULL;
	erg_errinfo ei = {0};
	char *jbuf = NULL, *tbuf = NULL;
	size_t jlen = 0, tlen = 0;
	erg_buf explain = ERG_BUF_INIT;
	sink s = {0};
	erg_err e;

	if (++runs > RELOAD_EVERY ||
	    erg_lexicon_nentities(lx) > base_entities + LEARN_MAX)
		reload();
	if (erg_doc_from_mem("fuzz.txt", (const char *)data, size, &doc, &ei))
		return 0;
	FUZZ_CHECK(doc->text && doc->text[doc->len] == '\0' &&
	               strlen(doc->text) == doc->len,
	           "document text not NUL-terminated or holds NUL");
	FUZZ_CHECK(fuzz_utf8_valid(doc->text, doc->len),
	           "normalised text is not UTF-8");
	if (erg_doc_identify(doc))
		goto out;
	s.jsonl = open_memstream(&jbuf, &jlen);
	s.tsv = open_memstream(&tbuf, &tlen);
	s.g = erg_graph_new();
	FUZZ_CHECK(s.jsonl && s.tsv && s.g, "out of memory");
	erg_extractor_explain(x, size & 1 ? &explain : NULL);
	e = erg_extract_doc(x, doc, found_cb, &s);
	erg_extractor_explain(x, NULL);
	fclose(s.jsonl);
	fclose(s.tsv);
	if (!e) {
		erg_graph *g2 = erg_graph_new();
		FILE *f = jlen ? fmemopen(jbuf, jlen, "r") : NULL;

		FUZZ_CHECK(g2 != NULL, "out of memory");
		if (f) {
			e = erg_jsonl_read(f, "fuzz.jsonl", g2, &ei);
			FUZZ_CHECK(e == ERG_OK,
			           "own JSON Lines not read back: line %lu: %s\n%s",
			           ei.line, ei.msg, jbuf);
			FUZZ_CHECK(erg_graph_nedges(g2) == erg_graph_nedges(s.g) &&
			               erg_graph_nnodes(g2) == erg_graph_nnodes(s.g),
			           "JSON Lines give another graph: %zu/%zu edges, "
			           "%zu/%zu nodes",
			           erg_graph_nedges(g2), erg_graph_nedges(s.g),
			           erg_graph_nnodes(g2), erg_graph_nnodes(s.g));
			fclose(f);
		}
		erg_graph_free(g2);
		erg_graph_sort(s.g);
	}
	erg_graph_free(s.g);
out:
	free(jbuf);
	free(tbuf);
	erg_buf_free(&explain);
	erg_doc_free(doc);
	return 0;
}
