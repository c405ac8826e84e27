# libFuzzer harnesses of tests/fuzz/ (style.md: fuzz every parser entry
# point).  Included by the Makefile (-include mk/*.mk).
#
#   make fuzz                 the library built with clang into build-fuzz/
#                             (ASan + UBSan + fuzzer coverage), each
#                             harness linked to build-fuzz/fuzz/NAME
#   make fuzz-run             run every harness FUZZ_SECONDS (default 60),
#                             one after the other, one process each
#   make fuzz-run FUZZERS="fuzz_csv" FUZZ_SECONDS=600
#
# Seeds are read from tests/fuzz/corpus/NAME/ (never written); what the
# fuzzer learns goes to build-fuzz/corpus/NAME/, crashes and hangs to
# build-fuzz/artifacts/.  See tests/fuzz/README.md.

FUZZ_CC		?= clang
FUZZ_B		 = build-fuzz
FUZZ_SAN	 = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS	 = -O1 -g -fno-omit-frame-pointer $(FUZZ_SAN)
FUZZ_NAMES	 = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZERS		?= $(FUZZ_NAMES)
FUZZ_SECONDS	?= 60
# Override to go on past a known finding, e.g. FUZZ_ASAN=detect_leaks=0;
# FUZZ_FLAGS adds libFuzzer flags (-dict=..., -seed=...).
FUZZ_ASAN	?= detect_leaks=1:allocator_may_return_null=1
FUZZ_FLAGS	?=
# -max_len per harness (bytes); a harness without one gets
# FUZZ_LEN_DEFAULT, and FUZZ_DICT_NAME is its -dict= if any.
FUZZ_LEN_DEFAULT	= 4096
FUZZ_LEN_fuzz_table	= 65536
FUZZ_LEN_fuzz_text	= 4096
FUZZ_LEN_fuzz_csv	= 4096
FUZZ_LEN_fuzz_source	= 8192
FUZZ_LEN_fuzz_sotien	= 64
FUZZ_LEN_fuzz_phoi	= 4096
FUZZ_DICT_fuzz_source	= -dict=tests/fuzz/source.dict
FUZZ_DICT_fuzz_csv	= -dict=tests/fuzz/csv.dict

# The generators' inputs, sized to the real ones (the largest seed fits):
# skeletons and configs about 3 KB, nominee lists 8 KB, a progress table
# of 420 rows 52 KB.
FUZZ_LEN_fuzz_tmpl	= 8192
FUZZ_LEN_fuzz_config	= 8192
FUZZ_LEN_fuzz_ktlist	= 16384
FUZZ_LEN_fuzz_progress	= 65536
FUZZ_DICT_fuzz_tmpl	= -dict=tests/fuzz/tmpl.dict
FUZZ_DICT_fuzz_config	= -dict=tests/fuzz/config.dict
FUZZ_DICT_fuzz_ktlist	= -dict=tests/fuzz/ktlist.dict
FUZZ_DICT_fuzz_progress	= -dict=tests/fuzz/progress.dict

fuzz:
	$(MAKE) B=$(FUZZ_B) BIN=bin-fuzz CC=$(FUZZ_CC) \
		CFLAGS="$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link" \
		$(FUZZ_NAMES:%=$(FUZZ_B)/fuzz/%)

# Built only from the recursive make above (B = build-fuzz, CC = clang).
$(FUZZ_B)/fuzz/%: tests/fuzz/%.c $(FUZZ_B)/libvanban.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< \
		$(FUZZ_B)/libvanban.a $(LIBS)

fuzz-run: fuzz
	@fail=0; for f in $(FUZZERS); do \
		mkdir -p $(FUZZ_B)/corpus/$$f $(FUZZ_B)/artifacts; \
		len=$(FUZZ_LEN_DEFAULT); dict=; \
		$(foreach h,$(FUZZ_NAMES),[ $$f = $(h) ] && \
		len=$(or $(FUZZ_LEN_$(h)),$(FUZZ_LEN_DEFAULT)) \
		dict="$(FUZZ_DICT_$(h))"; ) \
		echo "== $$f: $(FUZZ_SECONDS) s, -max_len=$$len"; \
		VB_FUZZ_SRCDIR=$(CURDIR)/input/2020 \
		ASAN_OPTIONS=$(FUZZ_ASAN) \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		$(FUZZ_B)/fuzz/$$f -max_total_time=$(FUZZ_SECONDS) \
			-max_len=$$len -timeout=20 -rss_limit_mb=2048 \
			-print_final_stats=1 $$dict $(FUZZ_FLAGS) \
			-artifact_prefix=$(FUZZ_B)/artifacts/$$f- \
			$(FUZZ_B)/corpus/$$f tests/fuzz/corpus/$$f || fail=1; \
	done; \
	ls -l $(FUZZ_B)/artifacts; exit $$fail

fuzz-clean:
	rm -rf $(FUZZ_B) bin-fuzz

.PHONY: fuzz fuzz-run fuzz-clean

# Line coverage of what the corpora reach (clang source-based coverage,
# no sanitizers): every harness of FUZZERS built into build-fuzz/cov/, run
# once over tests/fuzz/corpus/NAME and build-fuzz/corpus/NAME (-runs=0),
# then llvm-cov's report on the files FUZZ_COV_NAME names (every file
# when it names none).
FUZZ_COV_B		 = $(FUZZ_B)/cov
FUZZ_COV_fuzz_tmpl	 = gen/base/tmpl.c
FUZZ_COV_fuzz_config	 = gen/base/config.c gen/baocao/units.c gen/kt/config.c
FUZZ_COV_fuzz_ktlist	 = gen/kt/list.c gen/input/csvt.c
FUZZ_COV_fuzz_progress	 = gen/baocao/progress.c gen/baocao/plan.c
LLVM_PROFDATA	?= llvm-profdata
LLVM_COV	?= llvm-cov

fuzz-cov:
	$(MAKE) B=$(FUZZ_COV_B) BIN=$(FUZZ_COV_B)/bin CC=$(FUZZ_CC) \
		CFLAGS="-O1 -g -fprofile-instr-generate -fcoverage-mapping -fsanitize=fuzzer-no-link" \
		$(FUZZERS:%=$(FUZZ_COV_B)/fuzz/%)
	@for f in $(FUZZERS); do \
		mkdir -p $(FUZZ_B)/corpus/$$f; \
		rm -f $(FUZZ_COV_B)/$$f.profraw; \
		LLVM_PROFILE_FILE=$(FUZZ_COV_B)/$$f.profraw \
		VB_FUZZ_SRCDIR=$(CURDIR)/input/2020 \
		$(FUZZ_COV_B)/fuzz/$$f -runs=0 -max_len=1048576 \
			$(FUZZ_B)/corpus/$$f tests/fuzz/corpus/$$f \
			>/dev/null 2>&1 || exit 1; \
		$(LLVM_PROFDATA) merge -o $(FUZZ_COV_B)/$$f.profdata \
			$(FUZZ_COV_B)/$$f.profraw || exit 1; \
		echo "== $$f"; \
		$(LLVM_COV) report $(FUZZ_COV_B)/fuzz/$$f \
			-instr-profile=$(FUZZ_COV_B)/$$f.profdata \
			$$(case $$f in $(foreach h,$(FUZZ_NAMES),$(h)$(fuzz_rp) \
			echo $(FUZZ_COV_$(h)) ;;) esac); \
	done

$(FUZZ_COV_B)/fuzz/%: tests/fuzz/%.c $(FUZZ_COV_B)/libvanban.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< \
		$(FUZZ_COV_B)/libvanban.a $(LIBS)

fuzz_rp		:= )

.PHONY: fuzz-cov
