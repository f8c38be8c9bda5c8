/* fuzz_lexicon.c - erg_lexicon_load_mem (the -L lexicon file format) on
 * the input, into a fresh lexicon each run; then erg_lexicon_match at
 * every token of a fixed article sentence, and the whole extraction of a
 * short fixed article with that lexicon (whatever classes a user file
 * gives to words and punctuation, the rules must not misbehave).
 *
 * Checked: a match never runs past the tokens given, and its entity is a
 * valid index. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "fuzz_util.h"
#include "ingest.h"
#include "lexicon.h"
#include "text.h"

static const char sentence[] =
	"The Cyberspace Administration of China (CAC) summoned representatives "
	"of Nvidia Corp. on Thursday and demanded that the company explain "
	"whether its H20 processor posed security risks; U.S. officials didn't "
	"say if Huawei Technologies Co., Ltd. bought A100 chips from TSMC, "
	"which makes them - or why MIIT told Tencent & Alibaba to halt "
	"purchases of the RTX Pro 6000D.";

static const char article[] =
	"Regulator summons chipmaker\n\n"
	"BEIJING (Reuters) - The CAC summoned Nvidia on Thursday over the H20. "
	"Tencent, Alibaba and ByteDance had bought H20 chips, but MIIT told "
	"them to halt their purchases. The ministry did not say why.\n\n"
	"It was not clear whether the U.S. Commerce Department would ban the "
	"sale of its B30A chip, which Nvidia designed for China. Hefei Zhonghe "
	"Microelectronics Co., Ltd. was added to the Entity List by BIS.\n";

static erg_vec sents, toks;
static erg_doc *doc;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	erg_errinfo ei = {0};

	(void)argc;
	(void)argv;
	erg_vec_init(&sents, sizeof(erg_sentence));
	erg_vec_init(&toks, sizeof(erg_token));
	FUZZ_CHECK(erg_text_segment(sentence, sizeof sentence - 1, &sents,
	                            &toks) == ERG_OK,
	           "segment");
	FUZZ_CHECK(erg_doc_from_mem("fixed.txt", article, sizeof article - 1,
	                            &doc, &ei) == ERG_OK &&
	               erg_doc_identify(doc) == ERG_OK,
	           "fixed article: %s", ei.msg);
	return 0;
}

static erg_err found_cb(void *arg, const erg_doc *d, const erg_found *f)
{
	const erg_lexicon *lx = arg;
	size_t n = erg_lexicon_nentities(lx);

	FUZZ_CHECK(f->r.subj >= 0 && (size_t)f->r.subj < n && f->r.obj >= 0 &&
	               (size_t)f->r.obj < n && (unsigned)f->r.rel < ERG_NRELS,
	           "relation out of range");
	FUZZ_CHECK(f->start <= f->end && f->end <= d->len, "span out of range");
	(void)erg_lexicon_entity(lx, (size_t)f->r.subj)->name[0];
	(void)erg_lexicon_entity(lx, (size_t)f->r.obj)->name[0];
	return ERG_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	erg_lexicon *lx = erg_lexicon_new();
	erg_errinfo ei = {0};
	const erg_token *tk = toks.data;
	erg_extractor *x;

	FUZZ_CHECK(lx != NULL, "out of memory");
	if (erg_lexicon_load_mem(lx, "fuzz.lex", (const char *)data, size,
	                         &ei) != ERG_OK) {
		/* the program gives up on a lexicon that fails to load */
		FUZZ_CHECK(ei.msg[0] != '\0' && ei.line > 0,
		           "failure without a line and reason");
		erg_lexicon_free(lx);
		return 0;
	}
	for (size_t i = 0; i < toks.len; i++) {
		erg_sense sense;
		size_t k;

		memset(&sense, 0, sizeof sense);
		k = erg_lexicon_match(lx, sentence, tk, i, toks.len, &sense);
		FUZZ_CHECK(k <= toks.len - i, "match of %zu tokens at %zu of %zu",
		           k, i, toks.len);
		if (k)
			FUZZ_CHECK(sense.entity >= -1 &&
			               (sense.entity < 0 ||
			                (size_t)sense.entity < erg_lexicon_nentities(lx)),
			           "sense entity %d", (int)sense.entity);
	}
	for (size_t i = 0; i < erg_lexicon_nentities(lx); i++) {
		const erg_entity *en = erg_lexicon_entity(lx, i);

		FUZZ_CHECK(en && en->name && (unsigned)en->type < ERG_NTYPES &&
		               memchr(en->country, '\0', sizeof en->country),
		           "entity %zu", i);
	}
	x = erg_extractor_new(lx);
	FUZZ_CHECK(x != NULL, "out of memory");
	(void)erg_extract_doc(x, doc, found_cb, lx);
	erg_extractor_free(x);
	erg_lexicon_free(lx);
	return 0;
}
