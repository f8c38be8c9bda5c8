/* gen.c - a deterministic news-like corpus for the benchmark.
 *
 *   gen text MB SEED   articles of ~20-word sentences, about one in three
 *                      holding a relation, entities from a fixed list
 *   gen jsonl N SEED   extract output naming N entities, for graph timing
 *
 * The sentences are the project's own templates; the generator is not
 * built into the library. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng;

static uint32_t next(void)
{
	/* xorshift64*: fast, fixed across platforms */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (uint32_t)((rng * 2685821657736338717u) >> 32);
}

#define PICK(a) (a[next() % (sizeof(a) / sizeof(a[0]))])

static const char *const agencies[] = {
	"the Commerce Department", "Beijing", "the CAC", "MOFCOM", "Washington",
	"the Bureau of Industry and Security", "Chinese regulators", "the MIIT",
	"the Dutch government", "Japan's trade ministry"};
static const char *const companies[] = {
	"Nvidia", "Tencent", "ByteDance", "Alibaba", "Baidu", "Huawei", "SMIC",
	"Micron", "AMD", "Intel", "ASML", "TSMC", "Samsung", "Inspur", "Lenovo"};
static const char *const chips[] = {"H20", "H100", "A100", "Blackwell",
                                    "Ascend 910B", "MI308", "RTX Pro 6000D",
                                    "B30A", "H800", "Ascend 910C"};
static const char *const filler[] = {
	"Shares of chipmakers rose in early trading on Tuesday as investors "
	"weighed the outlook for demand in the second half of the year.",
	"Analysts said the market for data centre equipment had grown faster "
	"than expected over the past twelve months.",
	"The company reported quarterly revenue of about 12 billion dollars, "
	"slightly above the average estimate of analysts polled by the firm.",
	"Officials declined to comment on the details of the talks, which "
	"are expected to continue next week in the capital.",
	"Supply chains across the region have been stretched by strong demand "
	"for servers used to train large language models.",
	"The spokesperson said the group would continue to invest in research "
	"and development despite the uncertain environment."};

static void relation(FILE *f)
{
	switch (next() % 5) {
	case 0:
		fprintf(f, "Last week %s summoned %s over its purchases of %s chips, "
		           "people familiar with the matter said.",
		        PICK(agencies), PICK(companies), PICK(chips));
		break;
	case 1:
		fprintf(f, "%s has bought thousands of %s processors for its new "
		           "cloud data centres this year.",
		        PICK(companies), PICK(chips));
		break;
	case 2:
		fprintf(f, "%s banned exports of the %s to several countries, "
		           "citing national security concerns.",
		        PICK(agencies), PICK(chips));
		break;
	case 3:
		fprintf(f, "%s told %s and %s to stop buying %s's chips, according "
		           "to two people briefed on the decision.",
		        PICK(agencies), PICK(companies), PICK(companies),
		        PICK(companies));
		break;
	default:
		fprintf(f, "%s might restrict sales of the %s, but no decision has "
		           "been made, officials said.",
		        PICK(agencies), PICK(chips));
	}
}

static void text(double mb)
{
	unsigned long long want = (unsigned long long)(mb * 1048576.0), n = 0;
	long before;

	while (n < want) {
		before = ftell(stdout);
		fprintf(stdout, "%s and %s in focus as chip rules tighten\n\n",
		        PICK(companies), PICK(agencies));
		for (int s = 0; s < 12; s++) {
			if (next() % 3 == 0)
				relation(stdout);
			else
				fputs(PICK(filler), stdout);
			fputc(s % 4 == 3 ? '\n' : ' ', stdout);
		}
		fputs("\n\n", stdout);
		n += (unsigned long long)(ftell(stdout) - before);
	}
}

static void jsonl(unsigned n)
{
	static const char *const rels[] = {"summoned", "purchased", "restricted"};
	unsigned third = n / 3 ? n / 3 : 1;

	for (unsigned i = 0; i < n * 3 / 2; i++) {
		unsigned r = next() % 3;
		const char *st = r == 1 ? "company" : "agency";
		const char *ot = r == 1 ? "chip" : "company";

		printf("{\"doc\":\"d%u\",\"subject\":\"%c%u\",\"subject_type\":\"%s\","
		       "\"relation\":\"%s\",\"object\":\"%c%u\",\"object_type\":\"%s\","
		       "\"polarity\":\"positive\",\"modality\":\"asserted\","
		       "\"sentence\":\"A sentence.\",\"start\":0,\"end\":11}\n",
		       i % 50, st[0], next() % third, st, rels[r], ot[0],
		       next() % third, ot);
	}
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fputs("usage: gen text MB SEED | gen jsonl N SEED\n", stderr);
		return 2;
	}
	rng = strtoull(argv[3], NULL, 10) * 0x9E3779B97F4A7C15u + 1;
	if (strcmp(argv[1], "text") == 0)
		text(atof(argv[2]));
	else
		jsonl((unsigned)strtoul(argv[2], NULL, 10));
	return ferror(stdout) ? 1 : 0;
}
