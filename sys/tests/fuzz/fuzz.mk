# libFuzzer harnesses for the kernel's parsers of untrusted input, built with
# clang (libFuzzer ships in Debian's libclang-rt-14-dev) into $(BUILD)/fuzz/.
#
# `make fuzz-smoke` runs each harness for FUZZ_RUNS inputs, starting from the
# seeds in sys/tests/fuzz/corpus/<name>/ (valid files; new finds go to
# $(BUILD)/fuzz/<name>-corpus/, so the seed directories stay untouched), and
# prints "PASS fuzz.<name>" or "FAIL fuzz.<name>: why". A crashing input is
# kept as $(BUILD)/fuzz/<name>-crash-*; replay it with
# `$(BUILD)/fuzz/<name>_fuzz FILE`. For a long run:
#   $(BUILD)/fuzz/elf_image_fuzz -max_total_time=600 $(BUILD)/fuzz/elf_image-corpus sys/tests/fuzz/corpus/elf_image

FUZZ_CXX := clang++
FUZZ_CXX_PATH := $(shell command -v $(FUZZ_CXX))
FUZZ_RUNS ?= 20000
FUZZ_SANITIZERS := address,undefined
FUZZ_CXXFLAGS := -std=c++20 -O1 -g $(WARNINGS) -fno-omit-frame-pointer \
    -fsanitize=fuzzer-no-link,$(FUZZ_SANITIZERS) -fno-sanitize-recover=all -DBANOS_HOST -Isys -I.
FUZZ_LDFLAGS := -fsanitize=fuzzer,$(FUZZ_SANITIZERS)
FUZZ_FLAGS_FILE = $(call flags_file,$(BUILD)/fuzz/.flags,$(FUZZ_CXX) $(FUZZ_CXXFLAGS) $(FUZZ_LDFLAGS))

# What every harness links: the host stand-ins for the kernel environment
# and the support library pieces the parsers use.
FUZZ_COMMON := sys/tests/host_support.cpp sys/lib/error.cpp sys/lib/string_view.cpp

FUZZ_NAMES := elf_image ustar module_image
FUZZ_SOURCES_elf_image := sys/tests/fuzz/elf_image_fuzz.cpp sys/exec/elf_image.cpp
FUZZ_SOURCES_ustar := sys/tests/fuzz/ustar_fuzz.cpp sys/fs/ustar.cpp
FUZZ_SOURCES_module_image := sys/tests/fuzz/module_image_fuzz.cpp sys/module/elf_module.cpp \
    sys/arch/x86_64/module/relocation.cpp sys/lib/format.cpp

$(BUILD)/fuzz/obj/%.cpp.o: %.cpp $(FUZZ_FLAGS_FILE) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@echo "  CXX     $< (fuzz)"
	@$(FUZZ_CXX) $(FUZZ_CXXFLAGS) -MMD -MP -c $< -o $@

# $(1) = harness name
define fuzz_harness
FUZZ_OBJS_$(1) := $$(patsubst %,$(BUILD)/fuzz/obj/%.o,$$(FUZZ_SOURCES_$(1)) $(FUZZ_COMMON))

$(BUILD)/fuzz/$(1)_fuzz: $$(FUZZ_OBJS_$(1))
	@echo "  LINK    $$@"
	@$(FUZZ_CXX) $(FUZZ_LDFLAGS) -o $$@ $$^

# Never fails itself, so every harness runs; fuzz-smoke adds up the results.
.PHONY: fuzz-run-$(1)
ifeq ($(FUZZ_CXX_PATH),)
fuzz-run-$(1):
	@mkdir -p $(BUILD)/fuzz && touch $(BUILD)/fuzz/$(1).failed
	@echo "FAIL fuzz.$(1): $(FUZZ_CXX) not found (Debian packages clang-14 and libclang-rt-14-dev)"
else
fuzz-run-$(1): $(BUILD)/fuzz/$(1)_fuzz
	@rm -f $(BUILD)/fuzz/$(1).failed
	@mkdir -p $(BUILD)/fuzz/$(1)-corpus
	@if $(BUILD)/fuzz/$(1)_fuzz -runs=$(FUZZ_RUNS) -timeout=10 -rss_limit_mb=2048 \
	        -artifact_prefix=$(BUILD)/fuzz/$(1)- \
	        $(BUILD)/fuzz/$(1)-corpus sys/tests/fuzz/corpus/$(1) > $(BUILD)/fuzz/$(1).log 2>&1; then \
	    echo "PASS fuzz.$(1)"; \
	else \
	    why=$$$$(grep -m1 -E 'assertion failed|runtime error|ERROR: (Address|Leak)Sanitizer|ERROR: libFuzzer' $(BUILD)/fuzz/$(1).log); \
	    echo "FAIL fuzz.$(1): $$$${why:-harness exited with an error} (log: $(BUILD)/fuzz/$(1).log)"; \
	    touch $(BUILD)/fuzz/$(1).failed; \
	fi
endif

-include $$(FUZZ_OBJS_$(1):.o=.d)
endef

$(foreach name,$(FUZZ_NAMES),$(eval $(call fuzz_harness,$(name))))

.PHONY: fuzz fuzz-smoke
fuzz: $(foreach name,$(FUZZ_NAMES),$(BUILD)/fuzz/$(name)_fuzz)

fuzz-smoke: $(foreach name,$(FUZZ_NAMES),fuzz-run-$(name))
	@for name in $(FUZZ_NAMES); do [ ! -e $(BUILD)/fuzz/$$name.failed ] || exit 1; done
