/* test_output.c - JSON escaping and the JSON Lines / TSV relation writers
 * (output.h). */
#include <ctype.h>

#include "output.h"
#include "testutil.h"

/* --- erg_json_escape --------------------------------------------------------- */

typedef struct {
	const char *in;
	size_t n;
	const char *out;
} esc;

#define S(lit) lit, sizeof(lit) - 1

static void json_escape_table(void **state)
{
	static const esc t[] = {
		{S("plain text"), "plain text"},
		{S(""), ""},
		{S("say \"hi\""), "say \\\"hi\\\""},
		{S("C:\\dir\\file"), "C:\\\\dir\\\\file"},
		{S("a\nb"), "a\\nb"},
		{S("a\tb"), "a\\tb"},
		{S("a\rb"), "a\\rb"},
		{S("\x01"), "\\u0001"},
		{S("x\x1fy"), "x\\u001fy"},
		{S("\x08\x0c"), "\\u0008\\u000c"},
		{S("\x7f"), "\\u007f"},
		{S("a\0b"), "a\\u0000b"},
		{S("/slash/"), "/slash/"},
		{S("Z\xc3\xbcrich \xe5\x8d\x8e\xe4\xb8\xba \xf0\x9f\x98\x80"),
		 "Z\xc3\xbcrich \xe5\x8d\x8e\xe4\xb8\xba \xf0\x9f\x98\x80"},
		{S("\"\\\n"), "\\\"\\\\\\n"},
	};

	(void)state;
	for (size_t i = 0; i < TU_COUNT(t); i++) {
		erg_buf b = ERG_BUF_INIT;

		assert_int_equal(erg_json_escape(&b, t[i].in, t[i].n), ERG_OK);
		assert_non_null(b.data);
		if (strcmp(b.data, t[i].out))
			print_error("  case %zu: got <%s> want <%s>\n", i, b.data,
			            t[i].out);
		assert_string_equal(b.data, t[i].out);
		assert_int_equal(b.len, strlen(t[i].out));
		erg_buf_free(&b);
	}
}

/* Escaping appends to what the buffer holds, and reads only n bytes. */
static void json_escape_appends(void **state)
{
	erg_buf b = ERG_BUF_INIT;

	(void)state;
	assert_int_equal(erg_buf_puts(&b, "{\""), ERG_OK);
	assert_int_equal(erg_json_escape(&b, "a\"bcdef", 3), ERG_OK);
	assert_string_equal(b.data, "{\"a\\\"b");
	erg_buf_free(&b);
}

/* --- a minimal JSON reader ------------------------------------------------------
 * Enough to check that a line is one valid JSON object whose values are
 * strings, numbers or literals, and to get the decoded values back. */

#define MAXKEYS 20

typedef struct {
	char *key[MAXKEYS];
	char *val[MAXKEYS];  /* decoded string, or the number's text */
	int is_str[MAXKEYS];
	size_t n;
} jobj;

static void jobj_free(jobj *o)
{
	for (size_t i = 0; i < o->n; i++) {
		free(o->key[i]);
		free(o->val[i]);
	}
	o->n = 0;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static const char *skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* Parse a JSON string at p (at its quote); decoded into *out.  Only
 * \u escapes below U+0080 are decoded (all the writer should produce). */
static const char *parse_string(const char *p, char **out)
{
	erg_buf b = ERG_BUF_INIT;

	if (*p++ != '"')
		return NULL;
	erg_buf_puts(&b, "");
	for (;;) {
		unsigned char c = (unsigned char)*p++;

		if (c == '"')
			break;
		if (c == '\0' || c < 0x20) {
			erg_buf_free(&b);
			return NULL;
		}
		if (c != '\\') {
			erg_buf_putc(&b, (char)c);
			continue;
		}
		c = (unsigned char)*p++;
		switch (c) {
		case '"': case '\\': case '/': erg_buf_putc(&b, (char)c); break;
		case 'n': erg_buf_putc(&b, '\n'); break;
		case 't': erg_buf_putc(&b, '\t'); break;
		case 'r': erg_buf_putc(&b, '\r'); break;
		case 'b': erg_buf_putc(&b, '\b'); break;
		case 'f': erg_buf_putc(&b, '\f'); break;
		case 'u': {
			int v = 0;

			for (int k = 0; k < 4; k++) {
				int h = hexval(*p++);

				if (h < 0) {
					erg_buf_free(&b);
					return NULL;
				}
				v = v * 16 + h;
			}
			if (v >= 0x80) {
				erg_buf_free(&b);
				return NULL;
			}
			erg_buf_putc(&b, (char)v);
			break;
		}
		default:
			erg_buf_free(&b);
			return NULL;
		}
	}
	*out = erg_buf_steal(&b);
	return p;
}

/* A JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static const char *parse_number(const char *p, char **out)
{
	const char *s = p;

	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (isdigit((unsigned char)*p))
			p++;
	else
		return NULL;
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return NULL;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!isdigit((unsigned char)*p))
			return NULL;
		while (isdigit((unsigned char)*p))
			p++;
	}
	*out = erg_strndup(s, (size_t)(p - s));
	return p;
}

/* Parse one flat object filling the whole string; 0 on success. */
static int parse_object(const char *p, jobj *o)
{
	memset(o, 0, sizeof *o);
	p = skip_ws(p);
	if (*p++ != '{')
		return -1;
	p = skip_ws(p);
	if (*p == '}')
		return *skip_ws(p + 1) ? -1 : 0;
	for (;;) {
		char *k = NULL, *v = NULL;
		int str = 0;

		p = skip_ws(p);
		if (!(p = parse_string(p, &k)))
			return -1;
		p = skip_ws(p);
		if (*p++ != ':' || o->n == MAXKEYS) {
			free(k);
			return -1;
		}
		p = skip_ws(p);
		if (*p == '"') {
			p = parse_string(p, &v);
			str = 1;
		} else if (strncmp(p, "true", 4) == 0 ||
		           strncmp(p, "null", 4) == 0) {
			v = erg_strndup(p, 4);
			p += 4;
		} else if (strncmp(p, "false", 5) == 0) {
			v = erg_strndup(p, 5);
			p += 5;
		} else {
			p = parse_number(p, &v);
		}
		if (!p) {
			free(k);
			return -1;
		}
		o->key[o->n] = k;
		o->val[o->n] = v;
		o->is_str[o->n++] = str;
		p = skip_ws(p);
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p++ != '}')
			return -1;
		return *skip_ws(p) ? -1 : 0;
	}
}

static const char *jget(const jobj *o, const char *key, int want_str)
{
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->key[i], key) == 0) {
			assert_int_equal(o->is_str[i], want_str);
			return o->val[i];
		}
	print_error("  key \"%s\" missing\n", key);
	fail();
	return NULL;
}

/* The parser itself must reject broken JSON, or the tests below prove
 * nothing. */
static void json_reader_rejects_junk(void **state)
{
	static const char *const bad[] = {
		"", "{", "{\"a\":}", "{\"a\":\"x}", "{\"a\":\"x\"", "{\"a\" \"x\"}",
		"{\"a\":\"\\q\"}", "{\"a\":01}", "{\"a\":1,}", "{\"a\":\"x\"} x",
		"{\"a\":\"tab\there\"}", "{a:1}",
	};
	jobj o;

	(void)state;
	for (size_t i = 0; i < TU_COUNT(bad); i++) {
		int r = parse_object(bad[i], &o);

		jobj_free(&o);
		if (r == 0)
			print_error("  accepted <%s>\n", bad[i]);
		assert_int_not_equal(r, 0);
	}
	assert_int_equal(parse_object("{\"a\":\"x\\\"y\\u0001\",\"b\":-12,\"c\":"
	                              "true}",
	                              &o),
	                 0);
	assert_int_equal(o.n, 3);
	assert_string_equal(jget(&o, "a", 1), "x\"y\x01");
	assert_string_equal(jget(&o, "b", 0), "-12");
	jobj_free(&o);
}

/* --- erg_output_found ------------------------------------------------------------ */

static const char outlex[] =
	"agency | Zeta \"Quoted\" Agency | ZZ | Zeta Agency\n"
	"company | Acme\\Back | - | Acme\n"
	"chip | Z1 | - |\n";

/* Write one relation to a memory stream; returns the text (free it). */
static char *write_found(erg_outfmt fmt, const erg_lexicon *lx,
                         const erg_doc *doc, const erg_found *f, erg_err *err)
{
	char *mem = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&mem, &size);

	assert_non_null(fp);
	*err = erg_output_found(fp, fmt, lx, doc, f);
	assert_int_equal(fclose(fp), 0);
	assert_non_null(mem);
	return mem;
}

typedef struct {
	erg_lexicon *lx;
	erg_doc *doc;
	erg_found f;
	const char *sentence; /* the span f covers */
} ofix;

static int ofix_setup(void **state)
{
	/* a sentence holding quotes, a backslash, a tab, a line break and
	 * UTF-8 */
	static const char text[] =
		"Intro.\nZeta Agency \"summoned\" Acme\\Back\tin Z\xc3\xbcrich\n"
		"today. End.";
	static const char span[] =
		"Zeta Agency \"summoned\" Acme\\Back\tin Z\xc3\xbcrich\ntoday.";
	ofix *o = calloc(1, sizeof *o);
	erg_errinfo ei;

	if (!o)
		return -1;
	o->lx = erg_lexicon_new();
	if (!o->lx ||
	    erg_lexicon_load_mem(o->lx, "t", outlex, strlen(outlex), &ei) ||
	    erg_doc_from_mem("dir/\"odd\"\\name.txt", text, sizeof text - 1,
	                     &o->doc, &ei))
		return -1;
	o->sentence = span;
	o->f.r.rel = ERG_SUMMONED;
	o->f.r.subj = erg_lexicon_find(o->lx, "Zeta \"Quoted\" Agency", ERG_AGENCY);
	o->f.r.obj = erg_lexicon_find(o->lx, "Acme\\Back", ERG_COMPANY);
	o->f.r.rule = "test-rule";
	o->f.r.confidence = 0.75f;
	o->f.start = 7;
	o->f.end = 7 + sizeof span - 1;
	if (o->f.r.subj < 0 || o->f.r.obj < 0 ||
	    memcmp(o->doc->text + o->f.start, span, sizeof span - 1) != 0)
		return -1;
	*state = o;
	return 0;
}

static int ofix_teardown(void **state)
{
	ofix *o = *state;

	erg_doc_free(o->doc);
	erg_lexicon_free(o->lx);
	free(o);
	return 0;
}

static void jsonl_all_fields(void **state)
{
	ofix *o = *state;
	erg_err e;
	char *line = write_found(ERG_OUT_JSONL, o->lx, o->doc, &o->f, &e);
	char num[32];
	jobj j;
	int r;

	assert_int_equal(e, ERG_OK);
	/* one line, ending in a newline */
	assert_true(strlen(line) > 2);
	assert_int_equal(line[strlen(line) - 1], '\n');
	assert_ptr_equal(strchr(line, '\n'), line + strlen(line) - 1);
	r = parse_object(line, &j);
	if (r != 0)
		print_error("  not valid JSON: %s", line);
	assert_int_equal(r, 0);
	assert_string_equal(jget(&j, "doc", 1), "dir/\"odd\"\\name.txt");
	assert_string_equal(jget(&j, "subject", 1), "Zeta \"Quoted\" Agency");
	assert_string_equal(jget(&j, "subject_type", 1), "agency");
	assert_string_equal(jget(&j, "relation", 1), "summoned");
	assert_string_equal(jget(&j, "object", 1), "Acme\\Back");
	assert_string_equal(jget(&j, "object_type", 1), "company");
	assert_string_equal(jget(&j, "polarity", 1), "positive");
	assert_string_equal(jget(&j, "modality", 1), "asserted");
	assert_string_equal(jget(&j, "sentence", 1), o->sentence);
	snprintf(num, sizeof num, "%zu", o->f.start);
	assert_string_equal(jget(&j, "start", 0), num);
	snprintf(num, sizeof num, "%zu", o->f.end);
	assert_string_equal(jget(&j, "end", 0), num);
	assert_string_equal(jget(&j, "rule", 1), "test-rule");
	assert_string_equal(jget(&j, "confidence", 0), "0.75");
	/* keys are unique */
	for (size_t a = 0; a < j.n; a++)
		for (size_t b = a + 1; b < j.n; b++)
			assert_string_not_equal(j.key[a], j.key[b]);
	jobj_free(&j);
	free(line);
}

static void jsonl_polarity_and_modality(void **state)
{
	static const struct {
		uint8_t neg, hedge;
		const char *pol, *mod;
	} t[] = {
		{0, 0, "positive", "asserted"},
		{1, 0, "negative", "asserted"},
		{0, 1, "positive", "hedged"},
		{1, 1, "negative", "hedged"},
	};
	ofix *o = *state;

	for (size_t i = 0; i < TU_COUNT(t); i++) {
		erg_found f = o->f;
		erg_err e;
		char *line;
		jobj j;

		f.r.negative = t[i].neg;
		f.r.hedged = t[i].hedge;
		f.r.rel = ERG_PURCHASED;
		f.r.subj = o->f.r.obj;
		f.r.obj = erg_lexicon_find(o->lx, "Z1", ERG_CHIP);
		line = write_found(ERG_OUT_JSONL, o->lx, o->doc, &f, &e);
		assert_int_equal(e, ERG_OK);
		assert_int_equal(parse_object(line, &j), 0);
		assert_string_equal(jget(&j, "polarity", 1), t[i].pol);
		assert_string_equal(jget(&j, "modality", 1), t[i].mod);
		assert_string_equal(jget(&j, "relation", 1), "purchased");
		assert_string_equal(jget(&j, "subject_type", 1), "company");
		assert_string_equal(jget(&j, "object", 1), "Z1");
		assert_string_equal(jget(&j, "object_type", 1), "chip");
		jobj_free(&j);
		free(line);
	}
}

/* TSV: eleven tab-separated fields on one line; tabs and line breaks in
 * values become spaces. */
static void tsv_fields(void **state)
{
	ofix *o = *state;
	erg_err e;
	char *line = write_found(ERG_OUT_TSV, o->lx, o->doc, &o->f, &e);
	char *fields[16], *p = line, expect[128];
	size_t n = 0;

	assert_int_equal(e, ERG_OK);
	assert_int_equal(line[strlen(line) - 1], '\n');
	line[strlen(line) - 1] = '\0';
	assert_null(strchr(line, '\n'));
	assert_null(strchr(line, '\r'));
	for (;;) {
		char *tab = strchr(p, '\t');

		assert_true(n < TU_COUNT(fields));
		fields[n++] = p;
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	assert_int_equal(n, 11);
	assert_string_equal(fields[0], "dir/\"odd\"\\name.txt");
	assert_string_equal(fields[1], "Zeta \"Quoted\" Agency");
	assert_string_equal(fields[2], "summoned");
	assert_string_equal(fields[3], "Acme\\Back");
	assert_string_equal(fields[4], "positive");
	assert_string_equal(fields[5], "asserted");
	snprintf(expect, sizeof expect, "%zu", o->f.start);
	assert_string_equal(fields[6], expect);
	snprintf(expect, sizeof expect, "%zu", o->f.end);
	assert_string_equal(fields[7], expect);
	assert_string_equal(fields[8], "Zeta Agency \"summoned\" Acme\\Back in "
	                               "Z\xc3\xbcrich today.");
	assert_string_equal(fields[9], o->f.r.rule);
	snprintf(expect, sizeof expect, "%.2f", (double)o->f.r.confidence);
	assert_string_equal(fields[10], expect);
	free(line);
}

/* A stream that cannot be written gives ERG_EIO. */
static void write_error_is_eio(void **state)
{
	ofix *o = *state;
	FILE *fp = fopen("/dev/null", "r");

	assert_non_null(fp);
	assert_int_equal(erg_output_found(fp, ERG_OUT_JSONL, o->lx, o->doc, &o->f),
	                 ERG_EIO);
	assert_int_equal(erg_output_found(fp, ERG_OUT_TSV, o->lx, o->doc, &o->f),
	                 ERG_EIO);
	fclose(fp);
}

/* Every relation the pipeline finds serialises to valid JSON whose
 * sentence is the text between start and end. */
typedef struct {
	erg_lexicon *lx;
	int calls;
} jcheck;

static erg_err json_check_fn(void *arg, const erg_doc *doc, const erg_found *f)
{
	jcheck *jc = arg;
	erg_err e;
	char *line = write_found(ERG_OUT_JSONL, jc->lx, doc, f, &e);
	char *span = tu_slice(doc->text, f->start, f->end - f->start);
	jobj j;

	assert_int_equal(e, ERG_OK);
	assert_int_equal(parse_object(line, &j), 0);
	assert_string_equal(jget(&j, "sentence", 1), span);
	assert_string_equal(jget(&j, "doc", 1), "pipeline.txt");
	jobj_free(&j);
	free(span);
	free(line);
	jc->calls++;
	return ERG_OK;
}

static void pipeline_output_is_json(void **state)
{
	static const char text[] =
		"Chip \"curbs\" \xe2\x80\x94 a timeline\n"
		"The CAC summoned Nvidia.\tThe regulator also banned the H20.\n\n"
		"Tencent bought H20 chips worth \xc2\xa5" "5 bn.";
	erg_lexicon *lx = tu_default_lexicon();
	erg_extractor *x = erg_extractor_new(lx);
	erg_doc *d = NULL;
	jcheck jc = {lx, 0};

	(void)state;
	assert_non_null(x);
	assert_int_equal(erg_doc_from_mem("pipeline.txt", text, sizeof text - 1,
	                                  &d, NULL),
	                 ERG_OK);
	assert_int_equal(erg_extract_doc(x, d, json_check_fn, &jc), ERG_OK);
	/* summoned, restricted and purchased at least */
	assert_true(jc.calls >= 3);
	erg_doc_free(d);
	erg_extractor_free(x);
	erg_lexicon_free(lx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_escape_table),
		cmocka_unit_test(json_escape_appends),
		cmocka_unit_test(json_reader_rejects_junk),
		cmocka_unit_test_setup_teardown(jsonl_all_fields, ofix_setup,
		                                ofix_teardown),
		cmocka_unit_test_setup_teardown(jsonl_polarity_and_modality,
		                                ofix_setup, ofix_teardown),
		cmocka_unit_test_setup_teardown(tsv_fields, ofix_setup,
		                                ofix_teardown),
		cmocka_unit_test_setup_teardown(write_error_is_eio, ofix_setup,
		                                ofix_teardown),
		cmocka_unit_test(pipeline_output_is_json),
	};

	return cmocka_run_group_tests_name("output", tests, NULL, NULL);
}
