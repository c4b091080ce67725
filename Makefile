# genlab - every output goes to build/.
#   make            build/genlab
#   make run        install what is missing, build, start the shell
#   make test       unit tests, conformance programs, lessons: "N passed, M failed"
#   make asan       the whole suite under AddressSanitizer + UBSan
#   make bench      genlab side by side with BEAM
CC      ?= cc
OPT     ?= -O2
CFLAGS  += -std=c11 -g $(OPT) -Wall -Wextra -Werror -D_GNU_SOURCE
LDLIBS  += -lgmp -lutf8proc -ledit -lpcre2-8 -lz -lm
B       ?= build
CORE_INC := -Icore -Icore/data -Icore/lang -Icore/proc -Icore/bif

CORE_SRC  := $(wildcard core/*.c core/data/*.c core/lang/*.c core/proc/*.c core/bif/*.c)
CLI_SRC   := $(wildcard cli/*.c)
LIB_EX    := $(sort $(wildcard core/lib/*.ex) $(wildcard lessons/servers/*.ex))
LESSON_MD := $(sort $(wildcard lessons/[0-9]*.md))
UNIT_SRC  := $(wildcard tests/unit/test_*.c)

CORE_OBJ  := $(CORE_SRC:%.c=$(B)/obj/%.o) $(B)/obj/embedded_lib.o
CLI_OBJ   := $(CLI_SRC:%.c=$(B)/obj/%.o) $(B)/obj/embedded_lessons.o
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

.PHONY: all run test asan bench clean setup fuzz
all: $(B)/genlab

# the Debian packages are there (else: which are missing, and `make run`)
$(B)/.packages: scripts/setup
	@scripts/setup --check
	@mkdir -p $(B) && touch $@

# core/ sees its own folders; cli/ sees nothing of core but genlab.h
$(B)/obj/core/%.o: core/%.c | $(B)/.packages
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(CORE_INC) -MMD -MP -c $< -o $@

# The interpreter dispatches with one indirect jump per instruction (each
# predicted on its own); GCC would otherwise share a handful of them (clang,
# used by make fuzz, has no such parameter). Without SLP vectorization: GCC
# 12 keeps fn and pc paired in a vector register across every dispatch (for
# the one store that saves both), five instructions per VM instruction.
$(B)/obj/core/lang/vm.o: CFLAGS += $(if $(findstring clang,$(CC)),,--param max-goto-duplication-insns=64 -fno-tree-slp-vectorize)

$(B)/obj/cli/%.o: cli/%.c | $(B)/.packages
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(B)/embedded_lib.c: $(LIB_EX) scripts/embed-lib
	@mkdir -p $(B)
	scripts/embed-lib $(LIB_EX) > $@

$(B)/obj/embedded_lib.o: $(B)/embedded_lib.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(CORE_INC) -c $< -o $@

# the lessons, for cli/lesson.c
$(B)/embedded_lessons.c: $(LESSON_MD) scripts/embed-lib
	@mkdir -p $(B)
	scripts/embed-lib --table embedded_lessons EmbeddedLesson embedded_lessons.h $(LESSON_MD) > $@

$(B)/obj/embedded_lessons.o: $(B)/embedded_lessons.c cli/embedded_lessons.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Icli -c $< -o $@

# the library compiled at build time (core/lang/image.h): a tool built
# from the core objects compiles it and writes it as C
$(B)/tools/mkimage: tools/mkimage.c tools/no_image.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $(CORE_INC) $^ -o $@ $(LDLIBS)

$(B)/embedded_image.c: $(B)/tools/mkimage
	$< > $@.tmp && mv $@.tmp $@

$(B)/obj/embedded_image.o: $(B)/embedded_image.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(CORE_INC) -c $< -o $@

$(B)/libgenlab.a: $(CORE_OBJ) $(B)/obj/embedded_image.o
	rm -f $@ && ar rcs $@ $^

# genlab itself links statically where the static libraries are installed
# and no sanitizer is in use: the dynamic loader's work for ten shared
# libraries was half of genlab's start-up (8.5 -> 4.4 ms of CPU time).
STATIC_LDFLAGS := -static -Wl,--no-warnings
STATIC_LDLIBS := -lgmp -lutf8proc -ledit -ltinfo -lbsd -lmd -lpcre2-8 -lz -lm
ifeq ($(origin GENLAB_STATIC),undefined)
GENLAB_STATIC := $(if $(findstring -fsanitize,$(OPT) $(LDFLAGS)),,$(shell echo 'int main(void) { return 0; }' | \
    $(CC) -static -x c - -o /dev/null $(STATIC_LDLIBS) >/dev/null 2>&1 && echo 1))
endif
$(B)/genlab: $(CLI_OBJ) $(B)/libgenlab.a
	$(CC) $(CFLAGS) $(LDFLAGS) $^ -o $@ $(if $(GENLAB_STATIC),$(STATIC_LDFLAGS) $(STATIC_LDLIBS),$(LDLIBS))

$(B)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(B)/libgenlab.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(CORE_INC) -Itests/unit $< $(B)/libgenlab.a -o $@ $(LDLIBS)

setup:
	@scripts/setup

run: setup all
	@$(B)/genlab

test: setup
	@$(MAKE) --no-print-directory all $(UNIT_BIN) >/dev/null
	@scripts/run-tests $(B)

asan:
	@scripts/setup
	@ASAN_OPTIONS=detect_leaks=0 $(MAKE) --no-print-directory B=build/asan OPT="-O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined" \
	    LDFLAGS="-fsanitize=address,undefined" build/asan/genlab $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%) >/dev/null
	@ASAN_OPTIONS=detect_leaks=0 GENLAB_TIMEOUT_SCALE=5 scripts/run-tests build/asan

bench: setup all
	@scripts/bench $(B)

clean:
	rm -rf build

# make fuzz: the libFuzzer targets of tests/fuzz/ (clang, ASan + UBSan) in
# build/fuzz, each run FUZZ_S seconds at low priority (scripts/fuzz).
FUZZ_S   ?= 60
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined
fuzz:
	@ASAN_OPTIONS=detect_leaks=0 $(MAKE) --no-print-directory B=build/fuzz CC=clang OPT="-O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link $(FUZZ_SAN)" build/fuzz/libgenlab.a >/dev/null
	@for t in tests/fuzz/fuzz_*.c; do \
	  clang $(CFLAGS) -O1 $(CORE_INC) -fsanitize=fuzzer $(FUZZ_SAN) $$t build/fuzz/libgenlab.a -o build/fuzz/$$(basename $$t .c) $(LDLIBS) || exit 1; \
	done
	@scripts/fuzz build/fuzz $(FUZZ_S)

-include $(shell find $(B)/obj -name '*.d' 2>/dev/null)
