# ergraph - news articles to entity-relationship diagrams.
# Hand-written; needs GNU make, gcc and pkg-config (scripts/install-deps).

CC       ?= gcc
PKGS     := libcgraph libgvc libxml-2.0 zlib jansson sqlite3
WARN     := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wwrite-strings -Wvla -Wformat=2
OPT      ?= -O2 -g
CPPFLAGS += -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Isrc
CFLAGS   += -std=c17 $(OPT) $(WARN)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LDLIBS   += $(PKG_LIBS) -lm

# make SANITIZE=1: AddressSanitizer + UndefinedBehaviorSanitizer, in a
# separate build tree so the two builds never mix objects.
ifeq ($(SANITIZE),1)
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=all
CFLAGS   += $(SANFLAGS)
LDFLAGS  += $(SANFLAGS)
B        := build/san
BIN      := $(B)/ergraph
export LSAN_OPTIONS := suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
export ASAN_OPTIONS := fast_unwind_on_malloc=0:detect_leaks=1
export UBSAN_OPTIONS := print_stacktrace=1
else
B        := build/rel
BIN      := bin/ergraph
endif

# make VALGRIND=1 test: every test binary and CLI run under memcheck.
ifeq ($(VALGRIND),1)
export ERG_WRAP := valgrind -q --error-exitcode=99 --leak-check=full \
                   --suppressions=$(CURDIR)/tests/valgrind.supp \
                   --errors-for-leak-kinds=definite,indirect
endif

LIB_SRC  := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(B)/%.o) $(B)/data.o
DATA     := data/entities.txt data/rules.txt
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

.PHONY: all deps demo test unit golden cli store corpus browser bench clean golden-update

all: $(BIN)

deps:
	@scripts/install-deps

$(B)/%.o: src/%.c $(wildcard src/*.h) | $(B)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c $< -o $@

$(B)/data.o: src/data.S $(DATA) | $(B)
	$(CC) -c src/data.S -o $@

$(B)/liberg.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/main.o: src/main.c $(wildcard src/*.h) | $(B)

$(BIN): $(B)/main.o $(B)/liberg.a | bin
	$(CC) $(LDFLAGS) -o $@ $(B)/main.o $(B)/liberg.a $(LDLIBS)

$(B)/tests/%: tests/unit/%.c $(B)/liberg.a tests/unit/testutil.h | $(B)/tests
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Itests/unit $(LDFLAGS) \
	    -o $@ $< $(B)/liberg.a $(LDLIBS) -lcmocka

$(B) $(B)/tests bin graphs:
	mkdir -p $@

# --- the main job: every article in input/ to graphs/ ----------------------
INPUTS := $(wildcard input/*.txt)

demo: deps
	$(MAKE) $(BIN)
	$(MAKE) graphs
	@for f in $(INPUTS); do \
	    n=$$(basename "$$f" .txt); \
	    $(BIN) graph -q "$$f" -o "graphs/$$n.dot" && \
	    $(BIN) graph -q -t "$$n" "$$f" -o "graphs/$$n.svg" || exit 1; \
	done
	$(BIN) graph -q -t "All articles in input/" $(INPUTS) -o graphs/all.svg
	$(BIN) graph -q $(INPUTS) -o graphs/all.dot
	$(BIN) graph -q -t "All articles in input/" $(INPUTS) -o graphs/all.png
	$(BIN) graph -q -t "China and US chip policy: briefing" $(INPUTS) \
	    -o graphs/all.html
	@echo "wrote graphs/ ($(words $(INPUTS)) articles + all.svg)"

# --- tests -------------------------------------------------------------------
test: deps
	$(MAKE) unit golden cli store

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$ERG_WRAP $$t; done

golden: $(BIN)
	@tests/golden.sh $(BIN)

cli: $(BIN)
	@tests/cli.sh $(BIN)

# The store: dedup, graph --db, migrations, SIGKILL and concurrent reads.
store: $(BIN) $(B)/gen
	@tests/store.sh $(BIN) $(B)/gen

# Throughput against wc -w on a generated corpus (sizes in MB: BENCH_MB).
BENCH_MB ?= 10 100
$(B)/gen: tests/bench/gen.c | $(B)
	$(CC) -std=c17 -O2 $(WARN) -o $@ $<

bench: $(BIN) $(B)/gen
	@tests/bench/bench.sh $(BIN) $(B)/gen $(BENCH_MB)

# The briefing rendered in headless Chromium (installed by the script).
browser: $(BIN)
	@tests/browser.sh $(BIN)

# Ingestion measured on ../shared/corpus (skipped when it is absent).
corpus: $(BIN)
	@tests/corpus.sh $(BIN)

# Rewrite the golden files from the current output (review the diff!).
golden-update: $(BIN)
	@tests/golden.sh $(BIN) --update

clean:
	rm -rf build bin

# --- fuzzing -----------------------------------------------------------------
# make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="feed html ..."]: the libFuzzer
# targets of tests/fuzz/ (one per untrusted input), built with clang, ASan
# and UBSan into build/fuzz/ (a library of their own, never mixed with the
# gcc builds); each replays its seeds (tests/fuzz/corpus/NAME, regression
# inputs included), then runs for FUZZ_SECONDS on a copy of them
# (build/fuzz/corpus/NAME; tests/fuzz/corpus/ is not written to).  Prints
# one line per target; fails on any crash, leak, timeout or out-of-memory,
# the input left in build/fuzz/artifacts/NAME/ and the log in
# build/fuzz/logs/.  Rerun one input:
#   LSAN_OPTIONS=suppressions=$PWD/build/fuzz/lsan.supp build/fuzz/fuzz_NAME FILE
# make fuzz-build builds them without running.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= feed html text lexicon writers jsonl input
FZ           := build/fuzz
# (clang's -Wbitwise-instead-of-logical flags input.c's deliberate '|')
FUZZ_CFLAGS  := -std=c17 -g -O1 $(WARN) -Wno-bitwise-instead-of-logical \
                -fno-omit-frame-pointer -fsanitize=address,undefined \
                -fno-sanitize-recover=all
FUZZ_OBJ     := $(LIB_SRC:src/%.c=$(FZ)/obj/%.o) $(FZ)/obj/data.o
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(FZ)/fuzz_%)

.PHONY: fuzz fuzz-build

fuzz: fuzz-build
	@tests/fuzz/run.sh $(FZ) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-build: $(FUZZ_BINS)

$(FZ)/obj/%.o: src/%.c $(wildcard src/*.h) | $(FZ)/obj
	$(FUZZ_CC) $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_CFLAGS) \
	    -fsanitize=fuzzer-no-link -c $< -o $@

$(FZ)/obj/data.o: src/data.S $(DATA) | $(FZ)/obj
	$(FUZZ_CC) -c src/data.S -o $@

$(FZ)/liberg.a: $(FUZZ_OBJ)
	rm -f $@
	ar rcs $@ $^

$(FZ)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_util.h $(FZ)/liberg.a
	$(FUZZ_CC) $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer \
	    -o $@ $< $(FZ)/liberg.a $(PKG_LIBS) -lm

$(FZ)/obj:
	mkdir -p $@
