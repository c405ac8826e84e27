# vanban - Vietnamese official documents (Nghị định 30/2020) from data.
#
#   make            build bin/vb-* and render every sample of input/ to output/
#   make test       build and run every test (closing line "N passed, M failed")
#   make bench      speed and size figures
#   make asan       build in build-asan/ and bin-asan/ with AddressSanitizer
#                   and UBSan, then run the whole suite with those tools
#   make install PREFIX=/usr/local DESTDIR=
#
# Local overrides go in Makefile.local (not tracked).

CC	?= cc
CFLAGS	?= -O2 -g
PKGS	 = libcmark yaml-0.1 libutf8proc harfbuzz harfbuzz-subset zlib expat libpng \
	   xlsxwriter lcms2
# libzip is compiled against but not linked: base/zipso.c opens it with
# dlopen when a workbook or a Word file needs it (its libcrypto costs
# every process 1.3 ms at start); this is the name it opens.
ZIP_SONAME := $(shell objdump -p "$$(pkg-config --variable=libdir libzip)/libzip.so" \
	   2>/dev/null | awk '$$1 == "SONAME" { print $$2 }')
WARN	 = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wpedantic -Wmissing-prototypes \
	   -Wstrict-prototypes -Wwrite-strings
ifneq ($(CI),)
WARN	+= -Werror
endif
ALL_CFLAGS = $(WARN) $(CFLAGS) $(PKG_CFLAGS) \
	   -DVB_LIBZIP_SONAME='"$(or $(ZIP_SONAME),libzip.so.4)"' \
	   -Igen -DVB_FONT_DIR='"$(FONT_DIR)"' \
	   -DVB_TEMPLATES_DIR='"$(TEMPLATES_DIR)"' -DVB_LOCALE_DIR='"$(LOCALE_DIR)"' -MMD -MP
LIBS	 = -Wl,--as-needed $(PKG_LIBS) -lcsv -lm
PREFIX	?= /usr/local
FONT_DIR ?= $(CURDIR)/fonts
TEMPLATES_DIR ?= $(CURDIR)/templates
LOCALE_DIR ?= $(abspath $(B)/locale)

-include Makefile.local

# pkg-config runs once per make, not once per command (after
# Makefile.local, which may change PKGS).
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) libzip)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))

B	?= build
BIN	?= bin
# The library: every stage folder of gen/ (README.md, "Architecture");
# the tools: one gen/tools/vb-NAME.c each.
STAGES	 = base input doc layout emit render kt baocao
LIB_SRC	:= $(foreach s,$(STAGES),$(wildcard gen/$(s)/*.c))
LIB_OBJ	:= $(LIB_SRC:gen/%.c=$(B)/%.o)
TOOLS	:= $(patsubst gen/tools/vb-%.c,$(BIN)/vb-%,$(wildcard gen/tools/vb-*.c))
# Kept, not deleted as intermediates: their .d files name them, so a
# second make would otherwise build them again (make is idempotent).
TOOL_OBJ := $(patsubst gen/tools/%.c,$(B)/tools/%.o,$(wildcard gen/tools/*.c))
.SECONDARY: $(TOOL_OBJ)
UNIT	:= $(patsubst tests/unit/%.c,$(B)/tests/%,$(wildcard tests/unit/test_*.c))

# Samples: input/NAME.md -> output/NAME.pdf, input/DIR/NAME.md -> output/NAME-DIR.pdf
SAMPLES_TOP := $(patsubst input/%.md,output/%.pdf,$(wildcard input/*.md))
SAMPLES_SUB := $(foreach f,$(wildcard input/*/*.md),output/$(basename $(notdir $(f)))-$(notdir $(patsubst %/,%,$(dir $(f)))).pdf)

all: tools samples

tools: $(TOOLS) $(B)/locale/vi/LC_MESSAGES/vanban.mo

# Messages in Vietnamese (gettext): po/vi.po, compiled for the tools
# (found as ../build/locale beside bin/, or installed in share/locale).
# `make pot` extracts the message ids: every diag_add format string.
$(B)/locale/vi/LC_MESSAGES/vanban.mo: po/vi.po
	@mkdir -p $(@D)
	msgfmt -c -o $@ po/vi.po

XGETTEXT_KEYS = -k -kdiag_add:6 -kxl_stop:3 -kvb_tr -kvb_ntr:1,2 -kconv_fail:2 -ktmpl_err:2 -kN_
pot:
	xgettext --from-code=UTF-8 --language=C $(XGETTEXT_KEYS) \
		--add-comments=TRANSLATORS --package-name=vanban \
		--msgid-bugs-address=none -o po/vanban.pot $(sort $(wildcard gen/*/*.c))

# Every sample also as an editable Word file (vb-render --to docx).
SAMPLES_DOCX := $(SAMPLES_TOP:.pdf=.docx) $(SAMPLES_SUB:.pdf=.docx)

samples: $(SAMPLES_TOP) $(SAMPLES_SUB) $(SAMPLES_DOCX)

$(B)/%.o: gen/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/libvanban.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $(LIB_OBJ)

# What the mains share (gen/tools/ but vb-*.c), as an archive: a tool
# links only the parts it uses (vb-norm no option table of a generator).
CLI_OBJ := $(filter-out $(B)/tools/vb-%.o,$(TOOL_OBJ))
$(B)/libcli.a: $(CLI_OBJ)
	@rm -f $@
	ar rcs $@ $(CLI_OBJ)

$(BIN)/vb-%: $(B)/tools/vb-%.o $(B)/libcli.a $(B)/libvanban.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(B)/libcli.a $(B)/libvanban.a $(LIBS)

# vb-web (gen/web/, beside the tools): the clerk's page on GNU
# libmicrohttpd, which only this program links.
WEB_OBJ	:= $(patsubst gen/%.c,$(B)/%.o,$(wildcard gen/web/*.c))
MHD_CFLAGS := $(shell pkg-config --cflags libmicrohttpd)
MHD_LIBS   := $(shell pkg-config --libs libmicrohttpd)
$(WEB_OBJ): ALL_CFLAGS += $(MHD_CFLAGS)
$(BIN)/vb-web: $(B)/tools/vb-web.o $(B)/libcli.a $(WEB_OBJ) $(B)/libvanban.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $(B)/tools/vb-web.o $(B)/libcli.a $(WEB_OBJ) $(B)/libvanban.a \
		$(LIBS) $(MHD_LIBS) -lpthread

$(B)/tests/%: tests/unit/%.c $(B)/libvanban.a tests/unit/check.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(B)/libvanban.a $(LIBS)

output/%.pdf: input/%.md bin/vb-render
	@mkdir -p $(@D)
	bin/vb-render -o $@ $<

output/%.docx: input/%.md bin/vb-render
	@mkdir -p $(@D)
	bin/vb-render -o $@ $<

define sub_sample
output/$(basename $(notdir $(1)))-$(notdir $(patsubst %/,%,$(dir $(1)))).pdf: $(1) bin/vb-render $(wildcard $(dir $(1))*.csv)
	@mkdir -p output
	bin/vb-render -o $$@ $(1)
output/$(basename $(notdir $(1)))-$(notdir $(patsubst %/,%,$(dir $(1)))).docx: $(1) bin/vb-render $(wildcard $(dir $(1))*.csv)
	@mkdir -p output
	bin/vb-render -o $$@ $(1)
endef
$(foreach f,$(wildcard input/*/*.md),$(eval $(call sub_sample,$(f))))

# In CI (CI=true) the suite runs twice: as built, then under the
# sanitizers (make asan), so that a memory error fails the submission.
test: tools $(UNIT) samples
	@BUILD=$(B) BIN=$(CURDIR)/$(BIN) sh tests/run.sh
ifneq ($(CI),)
	@$(MAKE) --no-print-directory asan
endif

# The whole suite again with AddressSanitizer and UBSan (any report fails
# the run: halt_on_error, and UBSan made fatal).
asan:
	$(MAKE) B=build-asan BIN=bin-asan CFLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all" tools $(patsubst tests/unit/%.c,build-asan/tests/%,$(wildcard tests/unit/test_*.c))
	ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		VB_SANITIZED=1 BUILD=build-asan BIN=$(CURDIR)/bin-asan sh tests/run.sh

# The include rule of README.md, "Architecture" (also part of make test).
check-includes: tools
	@BUILD=$(B) sh tests/e2e/includes.sh

bench: tools
	@sh tests/bench.sh
	@sh tests/bench-web.sh

# Installed: the tools, their data beside them (share/vanban: found by
# the tools relative to their own folder, so DESTDIR staging and moving
# the tree both work), the manuals and the bash completion.  `make
# uninstall` removes exactly these files.
SHARE	 = $(DESTDIR)$(PREFIX)/share
MAN1	 = $(wildcard man/*.1)
MAN7	 = $(wildcard man/*.7)
TOOL_NAMES = $(notdir $(TOOLS))
TEMPLATE_FILES = $(shell cd templates && find . -type f | sort)

install: tools
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(SHARE)/vanban/fonts \
		$(SHARE)/man/man1 $(SHARE)/man/man7 \
		$(SHARE)/bash-completion/completions
	cp $(TOOLS) $(DESTDIR)$(PREFIX)/bin/
	cp fonts/*.ttf fonts/OFL.txt $(SHARE)/vanban/fonts/
	cd templates && for f in $(TEMPLATE_FILES); do \
		mkdir -p "$(SHARE)/vanban/templates/$$(dirname $$f)" && \
		cp "$$f" "$(SHARE)/vanban/templates/$$f" || exit 1; done
	cp $(MAN1) $(SHARE)/man/man1/
	cp $(MAN7) $(SHARE)/man/man7/
	mkdir -p $(SHARE)/locale/vi/LC_MESSAGES
	cp $(B)/locale/vi/LC_MESSAGES/vanban.mo $(SHARE)/locale/vi/LC_MESSAGES/
	for t in $(TOOL_NAMES); do \
		cp completion/vanban.bash $(SHARE)/bash-completion/completions/$$t \
		|| exit 1; done

uninstall:
	for t in $(TOOL_NAMES); do rm -f $(DESTDIR)$(PREFIX)/bin/$$t \
		$(SHARE)/bash-completion/completions/$$t; done
	rm -f $(addprefix $(SHARE)/vanban/fonts/,$(notdir $(wildcard fonts/*.ttf)) OFL.txt)
	cd templates && for f in $(TEMPLATE_FILES); do \
		rm -f "$(SHARE)/vanban/templates/$$f"; done
	rm -f $(SHARE)/locale/vi/LC_MESSAGES/vanban.mo
	rm -f $(addprefix $(SHARE)/man/man1/,$(notdir $(MAN1))) \
		$(addprefix $(SHARE)/man/man7/,$(notdir $(MAN7)))
	-find $(SHARE)/vanban -depth -type d -empty -delete 2>/dev/null

clean:
	rm -rf build bin build-asan bin-asan output

.PHONY: all tools samples test bench asan install uninstall clean check-includes pot
.DELETE_ON_ERROR:

# Tool-specific sample rules (generators) live in mk/*.mk.
-include mk/*.mk
-include $(LIB_OBJ:.o=.d) $(wildcard $(B)/tools/*.d) $(WEB_OBJ:.o=.d)
