/* test_lexicon.c - lexicon files and phrase matching (lexicon.h). */
#include <errno.h>
#include <unistd.h>

#include "testutil.h"

#define BIT(k) (1u << (k))

/* Match at token i of text; returns the phrase length in tokens. */
static size_t match_at(const erg_lexicon *lx, const char *text, size_t i,
                       erg_sense *sense)
{
	tu_seg s;
	size_t n;

	tu_segment(&s, text);
	assert_true(i < s.toks.len);
	sense->entity = -2;
	sense->verbs = sense->nouns = 0;
	sense->cues = 0;
	n = erg_lexicon_match(lx, text, s.toks.data, i, s.toks.len, sense);
	tu_seg_free(&s);
	return n;
}

/* The entity a whole text matches as one phrase, or -1. */
static int32_t entity_of(const erg_lexicon *lx, const char *text)
{
	tu_seg s;
	erg_sense sense = {-1, 0, 0, 0};
	size_t n;
	int32_t id = -1;

	tu_segment(&s, text);
	n = erg_lexicon_match(lx, text, s.toks.data, 0, s.toks.len, &sense);
	if (n == s.toks.len)
		id = sense.entity;
	tu_seg_free(&s);
	return id;
}

/* --- loading -------------------------------------------------------------- */

static const char small[] =
	"# a small lexicon\n"
	"   # an indented comment\n"
	"\n"
	"company | Acme | US | Acme Corp; ACME Co ; acme widgets;;\n"
	"agency  | Ministry of Foo | XX |\n"
	"chip | Z9 | - | Z9X\n"
	"\t\n"
	"trigger | purchased | verb | snapped up; buys\n"
	"trigger | restricted | noun | ban\n"
	"trigger | restricted | verb | ban; bans\n"
	"cue | hedge | might; plans to\n"
	"cue | negation | not";

static void load_small(void **state)
{
	erg_lexicon *lx = tu_mem_lexicon(small);
	const erg_entity *e;
	int32_t acme, foo, z9;

	(void)state;
	assert_int_equal(erg_lexicon_nentities(lx), 3);
	acme = erg_lexicon_find(lx, "Acme", ERG_COMPANY);
	foo = erg_lexicon_find(lx, "Ministry of Foo", ERG_AGENCY);
	z9 = erg_lexicon_find(lx, "Z9", ERG_CHIP);
	assert_int_equal(acme, 0);
	assert_int_equal(foo, 1);
	assert_int_equal(z9, 2);
	assert_int_equal(erg_lexicon_find(lx, "Acme", ERG_AGENCY), -1);
	assert_int_equal(erg_lexicon_find(lx, "acme", ERG_COMPANY), -1);
	e = erg_lexicon_entity(lx, (size_t)acme);
	assert_string_equal(e->name, "Acme");
	assert_int_equal(e->type, ERG_COMPANY);
	assert_string_equal(e->country, "US");
	assert_string_equal(erg_lexicon_entity(lx, (size_t)foo)->country, "XX");
	assert_string_equal(erg_lexicon_entity(lx, (size_t)z9)->country, "");
	/* canonical names and aliases */
	assert_int_equal(entity_of(lx, "Acme"), acme);
	assert_int_equal(entity_of(lx, "Acme Corp"), acme);
	assert_int_equal(entity_of(lx, "ACME Co"), acme);
	assert_int_equal(entity_of(lx, "acme widgets"), acme);
	assert_int_equal(entity_of(lx, "Ministry of Foo"), foo);
	assert_int_equal(entity_of(lx, "Z9X"), z9);
	assert_int_equal(entity_of(lx, "Z9"), z9);
	assert_int_equal(entity_of(lx, "Z8"), -1);
	erg_lexicon_free(lx);
}

static void trigger_and_cue_senses(void **state)
{
	erg_lexicon *lx = tu_mem_lexicon(small);
	erg_sense s;

	(void)state;
	/* "ban" is both a verb and a noun of restricted */
	assert_int_equal(match_at(lx, "a ban", 1, &s), 1);
	assert_int_equal(s.entity, -1);
	assert_int_equal(s.verbs, BIT(ERG_RESTRICTED));
	assert_int_equal(s.nouns, BIT(ERG_RESTRICTED));
	assert_int_equal(s.cues, 0);
	/* "bans" only a verb */
	assert_int_equal(match_at(lx, "bans", 0, &s), 1);
	assert_int_equal(s.verbs, BIT(ERG_RESTRICTED));
	assert_int_equal(s.nouns, 0);
	/* a multi-word verb */
	assert_int_equal(match_at(lx, "They snapped up chips", 1, &s), 2);
	assert_int_equal(s.verbs, BIT(ERG_PURCHASED));
	/* cues */
	assert_int_equal(match_at(lx, "Acme plans to buy", 1, &s), 2);
	assert_int_equal(s.cues, BIT(ERG_CUE_HEDGE));
	assert_int_equal(s.verbs, 0);
	assert_int_equal(match_at(lx, "It might not", 1, &s), 1);
	assert_int_equal(s.cues, BIT(ERG_CUE_HEDGE));
	/* a lexicon phrase matches the split-off "n't" form only if listed */
	assert_int_equal(match_at(lx, "It might not", 2, &s), 1);
	assert_int_equal(s.cues, BIT(ERG_CUE_NEGATION));
	assert_int_equal(match_at(lx, "Acme didn't", 2, &s), 0);
	/* nothing at an unknown word */
	assert_int_equal(match_at(lx, "Acme sells", 1, &s), 0);
	erg_lexicon_free(lx);
}

static void crlf_lexicon(void **state)
{
	erg_lexicon *lx =
		tu_mem_lexicon("# dos file\r\ncompany | Acme | US | Acme Co\r\n"
	                   "\r\ncue | hedge | might\r\n");

	(void)state;
	assert_int_equal(erg_lexicon_nentities(lx), 1);
	assert_string_equal(erg_lexicon_entity(lx, 0)->country, "US");
	assert_int_equal(entity_of(lx, "Acme Co"), 0);
	erg_lexicon_free(lx);
}

/* A second line for the same canonical entity adds aliases to it; the
 * country of the later line wins. */
static void later_lines_extend(void **state)
{
	erg_lexicon *lx =
		tu_mem_lexicon("company | Acme | - | Acme Corp\n"
	                   "company | Acme | DE | Acme Group\n"
	                   "chip | Acme | - |\n");

	(void)state;
	assert_int_equal(erg_lexicon_nentities(lx), 2);
	assert_int_equal(entity_of(lx, "Acme Corp"), 0);
	assert_int_equal(entity_of(lx, "Acme Group"), 0);
	assert_string_equal(erg_lexicon_entity(lx, 0)->country, "DE");
	/* same name, other type: a separate entity */
	assert_int_equal(erg_lexicon_find(lx, "Acme", ERG_CHIP), 1);
	erg_lexicon_free(lx);
}

/* --- syntax errors ---------------------------------------------------------- */

typedef struct {
	const char *name;
	const char *text;
	unsigned long line;
} syncase;

static const syncase syncases[] = {
	{"entity_three_fields", "company | Acme | US\n", 1},
	{"entity_five_fields", "# c\ncompany | Acme | US | Acme Co | extra\n", 2},
	{"trigger_three_fields", "\n\ntrigger | purchased | buys\n", 3},
	{"trigger_five_fields", "trigger | purchased | verb | buy | more\n", 1},
	{"cue_two_fields", "cue | hedge | might\ncue | hedge\n", 2},
	{"cue_four_fields", "cue | hedge | might | may\n", 1},
	{"unknown_type", "company | Acme | US |\nwidget | Gizmo | US | gizmo\n", 2},
	{"type_wrong_case", "Company | Acme | US | acme\n", 1},
	{"plain_word_line", "# ok\n\nhello\n", 3},
	{"country_three_letters", "company | Acme | USA | acme\n", 1},
	{"country_lower_case", "company | Acme | us | acme\n", 1},
	{"country_digit", "company | Acme | U1 | acme\n", 1},
	{"country_one_letter", "# x\n# y\n# z\nchip | Z9 | U |\n", 4},
	{"unknown_relation", "trigger | sold | verb | sell; sells\n", 1},
	{"relation_wrong_case", "trigger | Purchased | verb | buy\n", 1},
	{"bad_part_of_speech", "trigger | purchased | adverb | quickly\n", 1},
	{"unknown_cue_class", "cue | hedge | might\ncue | colour | red\n", 2},
	{"empty_canonical", "company |  | US | acme\n", 1},
	{"canonical_with_semicolon", "company | Acme; Zeta | US |\n", 1},
	{"empty_phrase_form_feed", "cue | hedge | might; \f ; may\n", 1},
	/* far beyond any sensible phrase length (the limit is internal) */
	{"phrase_too_many_words",
	 "cue | hedge | a b c d e f g h i j k l m n o p q r s t u v w x y z "
	 "a b c d e f g h i j k l m n o p q r s t u v w x y z\n",
	 1},
	{"word_too_long",
	 "company | Acme | US | "
	 "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	 "\n",
	 1},
	{"error_after_crlf_lines", "cue | hedge | might\r\n\r\ncue | nope | x\r\n",
	 3},
	{"last_line_without_newline", "cue | hedge | might\ncue | nope | x", 2},
};

static void syntax_case(void **state)
{
	const syncase *c = *state;
	erg_lexicon *lx = erg_lexicon_new();
	erg_errinfo ei;

	assert_non_null(lx);
	memset(&ei, 0, sizeof ei);
	assert_int_equal(erg_lexicon_load_mem(lx, "bad.lex", c->text,
	                                      strlen(c->text), &ei),
	                 ERG_ESYNTAX);
	assert_int_equal(ei.line, c->line);
	assert_string_equal(ei.file, "bad.lex");
	assert_true(ei.msg[0] != '\0');
	erg_lexicon_free(lx);
	/* also without an errinfo */
	lx = erg_lexicon_new();
	assert_non_null(lx);
	assert_int_equal(erg_lexicon_load_mem(lx, "bad.lex", c->text,
	                                      strlen(c->text), NULL),
	                 ERG_ESYNTAX);
	erg_lexicon_free(lx);
}

static void nul_byte_in_lexicon(void **state)
{
	static const char text[] = "cue | hedge | might\ncue | hedge | m\0ay\n";
	erg_lexicon *lx = erg_lexicon_new();
	erg_errinfo ei;

	(void)state;
	assert_non_null(lx);
	memset(&ei, 0, sizeof ei);
	assert_int_equal(erg_lexicon_load_mem(lx, "nul", text, sizeof text - 1,
	                                      &ei),
	                 ERG_ESYNTAX);
	assert_int_equal(ei.line, 2);
	erg_lexicon_free(lx);
}

/* An empty or comment-only lexicon is valid and holds nothing. */
static void empty_lexicon(void **state)
{
	erg_lexicon *lx = tu_mem_lexicon("# nothing here\n\n   \n");
	erg_sense s;

	(void)state;
	assert_int_equal(erg_lexicon_nentities(lx), 0);
	assert_int_equal(match_at(lx, "Acme buys", 0, &s), 0);
	erg_lexicon_free(lx);
	lx = tu_mem_lexicon("");
	assert_int_equal(erg_lexicon_nentities(lx), 0);
	erg_lexicon_free(lx);
}

/* --- files ---------------------------------------------------------------- */

static void load_file_missing(void **state)
{
	erg_lexicon *lx = erg_lexicon_new();
	erg_errinfo ei;
	const char *path = "/nonexistent-ergraph-dir/none.lex";

	(void)state;
	assert_non_null(lx);
	memset(&ei, 0, sizeof ei);
	assert_int_equal(erg_lexicon_load_file(lx, path, &ei), ERG_EIO);
	assert_string_equal(ei.file, path);
	assert_int_equal(ei.sys_errno, ENOENT);
	assert_int_equal(erg_lexicon_nentities(lx), 0);
	erg_lexicon_free(lx);
}

/* An extension file adds an alias to an entity of the default lexicon. */
static void extension_file(void **state)
{
	static const char ext[] =
		"# extension\n"
		"company | Nvidia | US | Green Team; team green\n"
		"company | Gizmo Labs | - |\n";
	char dir[] = "/tmp/erg-lexicon-XXXXXX", path[64];
	erg_lexicon *lx = tu_default_lexicon();
	size_t before = erg_lexicon_nentities(lx);
	int32_t nvidia = erg_lexicon_find(lx, "Nvidia", ERG_COMPANY);
	erg_errinfo ei;
	FILE *f;

	(void)state;
	assert_true(nvidia >= 0);
	assert_int_equal(entity_of(lx, "Green Team"), -1);
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/ext.lex", dir);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(ext, 1, sizeof ext - 1, f), sizeof ext - 1);
	assert_int_equal(fclose(f), 0);
	memset(&ei, 0, sizeof ei);
	assert_int_equal(erg_lexicon_load_file(lx, path, &ei), ERG_OK);
	unlink(path);
	rmdir(dir);
	assert_int_equal(erg_lexicon_nentities(lx), before + 1);
	assert_int_equal(erg_lexicon_find(lx, "Nvidia", ERG_COMPANY), nvidia);
	assert_int_equal(entity_of(lx, "Green Team"), nvidia);
	assert_int_equal(entity_of(lx, "Team Green"), nvidia);
	assert_int_equal(entity_of(lx, "Nvidia"), nvidia);
	assert_true(erg_lexicon_find(lx, "Gizmo Labs", ERG_COMPANY) >= 0);
	erg_lexicon_free(lx);
}

/* A syntax error in a file names the path and the line. */
static void load_file_syntax_error(void **state)
{
	char dir[] = "/tmp/erg-lexicon-XXXXXX", path[64];
	erg_lexicon *lx = erg_lexicon_new();
	erg_errinfo ei;
	FILE *f;

	(void)state;
	assert_non_null(lx);
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/bad.lex", dir);
	f = fopen(path, "wb");
	assert_non_null(f);
	fputs("# header\ncompany | Acme | US |\ncompany | Zeta | ZZZ |\n", f);
	assert_int_equal(fclose(f), 0);
	memset(&ei, 0, sizeof ei);
	assert_int_equal(erg_lexicon_load_file(lx, path, &ei), ERG_ESYNTAX);
	unlink(path);
	rmdir(dir);
	assert_string_equal(ei.file, path);
	assert_int_equal(ei.line, 3);
	erg_lexicon_free(lx);
}

/* --- the default lexicon ----------------------------------------------------- */

static void default_lexicon(void **state)
{
	static const struct {
		const char *name;
		erg_etype type;
		const char *country;
		const char *alias; /* another spelling that must map to it */
	} t[] = {
		{"Nvidia", ERG_COMPANY, "US", "NVIDIA"},
		{"AMD", ERG_COMPANY, "US", "Advanced Micro Devices"},
		{"Tencent", ERG_COMPANY, "CN", "Tencent"},
		{"CAC", ERG_AGENCY, "CN", "Cyberspace Administration of China"},
		{"MOFCOM", ERG_AGENCY, "CN", "Ministry of Commerce"},
		{"US Commerce Department", ERG_AGENCY, "US", "Commerce Department"},
		{"H20", ERG_CHIP, "US", "H20"},
		{"MI308", ERG_CHIP, "US", "MI308X"},
	};
	erg_lexicon *lx = tu_default_lexicon();

	(void)state;
	assert_true(erg_lexicon_nentities(lx) > 50);
	for (size_t i = 0; i < TU_COUNT(t); i++) {
		int32_t id = erg_lexicon_find(lx, t[i].name, t[i].type);
		const erg_entity *e;

		if (id < 0)
			print_error("  %s (%s) not found\n", t[i].name,
			            erg_etype_name(t[i].type));
		assert_true(id >= 0);
		e = erg_lexicon_entity(lx, (size_t)id);
		assert_string_equal(e->name, t[i].name);
		assert_int_equal(e->type, t[i].type);
		assert_string_equal(e->country, t[i].country);
		assert_int_equal(entity_of(lx, t[i].alias), id);
		assert_int_equal(entity_of(lx, t[i].name), id);
	}
	/* a name of one type is not found under another */
	assert_int_equal(erg_lexicon_find(lx, "Nvidia", ERG_CHIP), -1);
	assert_int_equal(erg_lexicon_find(lx, "H20", ERG_COMPANY), -1);
	erg_lexicon_free(lx);
}

/* The default triggers and cues carry the roles the rules rely on. */
static void default_senses(void **state)
{
	erg_lexicon *lx = tu_default_lexicon();
	erg_sense s;

	(void)state;
	assert_int_equal(match_at(lx, "summoned", 0, &s), 1);
	assert_true(s.verbs & BIT(ERG_SUMMONED));
	assert_int_equal(match_at(lx, "ban", 0, &s), 1);
	assert_true(s.verbs & BIT(ERG_RESTRICTED));
	assert_true(s.nouns & BIT(ERG_RESTRICTED));
	assert_int_equal(match_at(lx, "purchases", 0, &s), 1);
	assert_true(s.verbs & BIT(ERG_PURCHASED));
	assert_true(s.nouns & BIT(ERG_PURCHASED));
	assert_int_equal(match_at(lx, "designed", 0, &s), 1);
	assert_true(s.verbs & BIT(ERG_MAKES));
	assert_int_equal(match_at(lx, "might", 0, &s), 1);
	assert_true(s.cues & BIT(ERG_CUE_HEDGE));
	assert_int_equal(match_at(lx, "did n't", 1, &s), 1);
	assert_true(s.cues & BIT(ERG_CUE_NEGATION));
	assert_int_equal(match_at(lx, "The CAC met them", 3, &s), 1);
	assert_true(s.cues & BIT(ERG_CUE_GROUP));
	assert_int_equal(match_at(lx, "the regulator", 0, &s), 2);
	assert_true(s.cues & BIT(ERG_CUE_THEAGENCY));
	erg_lexicon_free(lx);
}

/* --- case rules and longest match -------------------------------------------- */

static const char caselex[] =
	"agency | Statesia government | SS | US; Statesia\n"
	"company | Acme | - |\n"
	"agency | commerce ministry | - |\n"
	"cue | filler | acme\n";

static void case_rules(void **state)
{
	static const struct {
		const char *text;
		const char *canon; /* entity it must match, or NULL for none */
	} t[] = {
		/* an ALL-CAPS alias needs exactly that case */
		{"US", "Statesia government"},
		{"us", NULL},
		{"Us", NULL},
		{"uS", NULL},
		/* a Capitalised alias needs a capital first letter */
		{"Statesia", "Statesia government"},
		{"STATESIA", "Statesia government"},
		{"statesia", NULL},
		{"Acme", "Acme"},
		{"ACME", "Acme"},
		{"acme", NULL},
		/* an all-lowercase alias matches in any case */
		{"commerce ministry", "commerce ministry"},
		{"Commerce Ministry", "commerce ministry"},
		{"COMMERCE MINISTRY", "commerce ministry"},
		{"Commerce ministry", "commerce ministry"},
	};
	erg_lexicon *lx = tu_mem_lexicon(caselex);

	(void)state;
	for (size_t i = 0; i < TU_COUNT(t); i++) {
		int32_t id = entity_of(lx, t[i].text);
		const char *got = id >= 0 ? erg_lexicon_entity(lx, (size_t)id)->name
		                          : "(none)";
		const char *want = t[i].canon ? t[i].canon : "(none)";

		if (strcmp(got, want))
			print_error("  <%s>: got %s, want %s\n", t[i].text, got, want);
		assert_string_equal(got, want);
	}
	erg_lexicon_free(lx);
}

/* Same words under two case rules: the senses add up where both apply. */
static void case_rules_merge_senses(void **state)
{
	erg_lexicon *lx = tu_mem_lexicon(caselex);
	int32_t acme = erg_lexicon_find(lx, "Acme", ERG_COMPANY);
	erg_sense s;

	(void)state;
	assert_int_equal(match_at(lx, "Acme", 0, &s), 1);
	assert_int_equal(s.entity, acme);
	assert_int_equal(s.cues, BIT(ERG_CUE_FILLER));
	assert_int_equal(match_at(lx, "acme", 0, &s), 1);
	assert_int_equal(s.entity, -1);
	assert_int_equal(s.cues, BIT(ERG_CUE_FILLER));
	erg_lexicon_free(lx);
}

static void longest_match_wins(void **state)
{
	erg_lexicon *lx = tu_mem_lexicon("company | Acme | - |\n"
	                                 "company | Acme Cloud | - |\n"
	                                 "company | Acme Cloud Services Group | - |\n"
	                                 "cue | filler | cloud\n");
	int32_t acme = erg_lexicon_find(lx, "Acme", ERG_COMPANY);
	int32_t cloud = erg_lexicon_find(lx, "Acme Cloud", ERG_COMPANY);
	int32_t group = erg_lexicon_find(lx, "Acme Cloud Services Group",
	                                 ERG_COMPANY);
	static const char text[] =
		"Acme Cloud Services Group and Acme Cloud Services and Acme";
	erg_sense s;
	tu_seg sg;

	(void)state;
	assert_int_equal(match_at(lx, text, 0, &s), 4);
	assert_int_equal(s.entity, group);
	assert_int_equal(match_at(lx, text, 5, &s), 2);
	assert_int_equal(s.entity, cloud);
	assert_int_equal(match_at(lx, text, 9, &s), 1);
	assert_int_equal(s.entity, acme);
	/* a phrase never reaches past n */
	tu_segment(&sg, text);
	assert_int_equal(erg_lexicon_match(lx, text, sg.toks.data, 0, 2, &s), 2);
	assert_int_equal(s.entity, cloud);
	assert_int_equal(erg_lexicon_match(lx, text, sg.toks.data, 0, 1, &s), 1);
	assert_int_equal(s.entity, acme);
	tu_seg_free(&sg);
	erg_lexicon_free(lx);
}

/* --- names and entities ------------------------------------------------------ */

static void names_and_parsing(void **state)
{
	(void)state;
	assert_string_equal(erg_etype_name(ERG_AGENCY), "agency");
	assert_string_equal(erg_etype_name(ERG_COMPANY), "company");
	assert_string_equal(erg_etype_name(ERG_CHIP), "chip");
	assert_string_equal(erg_etype_name(ERG_NTYPES), "?");
	assert_string_equal(erg_rel_name(ERG_SUMMONED), "summoned");
	assert_string_equal(erg_rel_name(ERG_PURCHASED), "purchased");
	assert_string_equal(erg_rel_name(ERG_RESTRICTED), "restricted");
	assert_string_equal(erg_rel_name(ERG_MAKES), "makes");
	assert_string_equal(erg_rel_name(ERG_NRELS), "?");
	assert_int_equal(erg_etype_parse("chip"), ERG_CHIP);
	assert_int_equal(erg_etype_parse("agency"), ERG_AGENCY);
	assert_int_equal(erg_etype_parse("Chip"), -1);
	assert_int_equal(erg_etype_parse(""), -1);
	assert_int_equal(erg_rel_parse("makes"), ERG_MAKES);
	assert_int_equal(erg_rel_parse("restricted"), ERG_RESTRICTED);
	assert_int_equal(erg_rel_parse("bought"), -1);
}

static void add_entity(void **state)
{
	erg_lexicon *lx = erg_lexicon_new();
	int32_t a, b;

	(void)state;
	assert_non_null(lx);
	a = erg_lexicon_add_entity(lx, "Acme", ERG_COMPANY, "US");
	assert_int_equal(a, 0);
	b = erg_lexicon_add_entity(lx, "Acme", ERG_CHIP, NULL);
	assert_int_equal(b, 1);
	assert_string_equal(erg_lexicon_entity(lx, 1)->country, "");
	/* adding again finds it; a country given updates it */
	assert_int_equal(erg_lexicon_add_entity(lx, "Acme", ERG_COMPANY, ""), a);
	assert_string_equal(erg_lexicon_entity(lx, 0)->country, "US");
	assert_int_equal(erg_lexicon_add_entity(lx, "Acme", ERG_COMPANY, "DE"), a);
	assert_string_equal(erg_lexicon_entity(lx, 0)->country, "DE");
	assert_int_equal(erg_lexicon_nentities(lx), 2);
	assert_int_equal(erg_lexicon_find(lx, "Acme", ERG_COMPANY), a);
	erg_lexicon_free(lx);
	erg_lexicon_free(NULL);
}

int main(void)
{
	struct CMUnitTest tests[TU_COUNT(syncases) + 20];
	size_t n = 0;

#define ADD(f)                            \
	do {                                  \
		tests[n].name = #f;               \
		tests[n++].test_func = f;         \
	} while (0)
	memset(tests, 0, sizeof tests);
	ADD(load_small);
	ADD(trigger_and_cue_senses);
	ADD(crlf_lexicon);
	ADD(later_lines_extend);
	for (size_t i = 0; i < TU_COUNT(syncases); i++) {
		tests[n].name = syncases[i].name;
		tests[n].test_func = syntax_case;
		tests[n++].initial_state = (void *)(uintptr_t)&syncases[i];
	}
	ADD(nul_byte_in_lexicon);
	ADD(empty_lexicon);
	ADD(load_file_missing);
	ADD(extension_file);
	ADD(load_file_syntax_error);
	ADD(default_lexicon);
	ADD(default_senses);
	ADD(case_rules);
	ADD(case_rules_merge_senses);
	ADD(longest_match_wins);
	ADD(names_and_parsing);
	ADD(add_entity);
#undef ADD
	return _cmocka_run_group_tests("lexicon", tests, n, NULL, NULL);
}
