# libc for user programs, built from one source tree once per program ABI
# (LIBC_ABIS) into $(BUILD)/user/abi<N>/:
#
#   include/bits/slot_presence.h  BANOS_HAS_SLOT_* / BANOS_SLOT_NUMBER_*  } made by the C
#   include/bits/errno_values.h   E* numbers                              } preprocessor from
#   program.ld, program-pie.ld    linker scripts                          } abi-versions/
#   crt0.o window.o libc.a        what tools/banos-cc links into every program
#   bin/hello bin/hello-pie       test programs, checked by libc/tests/check_program.py
#   bin/hello-cxx bin/hello-cxx-pie
#
# and $(BUILD)/user/include/abi-versions/: copies of the ABI definitions the
# headers include. Everything user-space compiles through tools/banos-cc,
# libc included, so libc and programs share one set of ABI flags.
#
# Targets: libc (everything above, plus a standalone C and C++ compile of
# every public header, and of all of them together, for every ABI);
# libc-host-tests: $(BUILD)/host/libc-tests (GoogleTest, ASan/UBSan: the
# pure code of libc/src/core/ against the host's libc: printf, scanf,
# strtod, qsort, calendar, malloc's core, maths, strings) and
# $(BUILD)/host/libc-linux-abi<N>[-pie]-tests (libc itself, run as a Linux
# process through the stand-in layer of libc/tests/linux/: files, stdio,
# processes, signals, terminals...).

LIBC_ABIS ?= 1 2 3
BANOS_CC := tools/banos-cc
LIBC_AR ?= ar
# The preprocessor as a generator: no predefined macros, no system headers.
LIBC_CPP := $(CXX) -E -P -undef -nostdinc -x c

LIBC_SOURCES := $(sort $(shell find libc/src -name '*.cpp'))
LIBC_LINUX_TEST_SOURCES := $(sort $(wildcard libc/tests/linux/*.c))
# Assembly that goes into libc.a (crt0.S and window.S are linked on their own).
LIBC_ASM_SOURCES := libc/arch/x86_64/setjmp.S
LIBC_PUBLIC_HEADERS := $(sort $(patsubst libc/include/%,%,$(shell find libc/include -name '*.h')))
LIBC_ABI_FILES := $(sort $(wildcard abi-versions/common/*.h abi-versions/common/*.def abi-versions/v*/program/*))
LIBC_ABI_COPIES := $(patsubst %,$(BUILD)/user/include/%,$(LIBC_ABI_FILES))

# On top of banos-cc's flags. libc is freestanding C++ (its own mem*
# functions must not be turned into calls to themselves).
LIBC_CXXFLAGS := $(WARNINGS) -ffreestanding -fno-tree-loop-distribute-patterns
LIBC_ASFLAGS := -Wall -Wextra -Werror -Wundef
LIBC_TEST_CFLAGS := -Wall -Wextra -Werror -Wundef -Wshadow -Wstrict-prototypes
LIBC_TEST_CXXFLAGS := -Wall -Wextra -Werror -Wundef -Wshadow -Wold-style-cast
LIBC_HEADER_CHECK_CFLAGS := $(LIBC_TEST_CFLAGS) -Wpedantic
LIBC_HEADER_CHECK_CXXFLAGS := $(LIBC_TEST_CXXFLAGS) -Wpedantic
# Public headers that are an error to include in some ABIs.
LIBC_HEADERS_NOT_IN_ABI1 := sys/utsname.h

LIBC_BANOS_CC = BANOS_BUILD=$(BUILD) $(PYTHON) $(BANOS_CC)

$(BUILD)/user/include/abi-versions/%: abi-versions/%
	@mkdir -p $(@D)
	@cp $< $@

LIBC_LDSCRIPT_DEFINES_program-dynamic := -DBANOS_INTERP
LIBC_LDSCRIPT_DEFINES_program-dynamic-pie := -DBANOS_INTERP -DBANOS_PIE
LIBC_LDSCRIPT_DEFINES_shared := -DBANOS_SHARED

# $(1) = program ABI
define libc_build
LIBC_GENERATED_$(1) := $(BUILD)/user/abi$(1)/include/bits/slot_presence.h $(BUILD)/user/abi$(1)/include/bits/errno_values.h
LIBC_OBJS_$(1) := $$(patsubst %,$(BUILD)/user/abi$(1)/obj/%.o,$(LIBC_SOURCES) $(LIBC_ASM_SOURCES))
LIBC_FLAGS_$(1) := $$(call flags_file,$(BUILD)/user/abi$(1)/.flags,$(LIBC_CXXFLAGS) $(LIBC_ASFLAGS) $(LIBC_TEST_CFLAGS) $(LIBC_TEST_CXXFLAGS) $(LIBC_HEADER_CHECK_CFLAGS) $(LIBC_HEADER_CHECK_CXXFLAGS) $(CXX))
LIBC_SHARED_OBJS_$(1) := $$(patsubst %,$(BUILD)/user/abi$(1)/obj-shared/%.o,$(LIBC_SOURCES) $(LIBC_ASM_SOURCES))
LIBC_RUNTIME_$(1) := $(BUILD)/user/abi$(1)/libc.a $(BUILD)/user/abi$(1)/crt0.o $(BUILD)/user/abi$(1)/window.o \
    $(BUILD)/user/abi$(1)/program.ld $(BUILD)/user/abi$(1)/program-pie.ld \
    $(BUILD)/user/abi$(1)/libc.so.$(1) $(BUILD)/user/abi$(1)/program-dynamic.ld $(BUILD)/user/abi$(1)/program-dynamic-pie.ld \
    $(BUILD)/user/abi$(1)/shared.ld
LIBC_HEADER_CHECKS_$(1) := $$(foreach header,$$(filter-out $$(if $$(filter 1,$(1)),$(LIBC_HEADERS_NOT_IN_ABI1)),$(LIBC_PUBLIC_HEADERS)), \
    $(BUILD)/user/abi$(1)/header-check/$$(header).c.ok $(BUILD)/user/abi$(1)/header-check/$$(header).cpp.ok)
LIBC_HEADER_CHECKS_$(1) += $(BUILD)/user/abi$(1)/header-check/all-headers.c.ok $(BUILD)/user/abi$(1)/header-check/all-headers.cpp.ok
LIBC_PROGRAMS_$(1) := $$(foreach program,hello hello-pie hello-cxx hello-cxx-pie,$(BUILD)/user/abi$(1)/bin/$$(program))

$(BUILD)/user/abi$(1)/include/bits/%.h: libc/gen/%.h.in $$(LIBC_FLAGS_$(1)) | $(LIBC_ABI_COPIES) $(DEPS_STAMP)
	@mkdir -p $$(@D)
	@echo "  GEN     $$@"
	@{ echo '/* Generated from $$< by the C preprocessor (mk/libc.mk): do not edit. */'; \
	   $(LIBC_CPP) -DBANOS_PROGRAM_ABI=$(1) -Ilibc/include -I$(BUILD)/user/include -MMD -MP -MF $$@.d -MT $$@ $$<; } > $$@.tmp
	@mv $$@.tmp $$@

$(BUILD)/user/abi$(1)/program.ld: libc/ldscripts/program.ld $$(LIBC_FLAGS_$(1)) | $(LIBC_ABI_COPIES) $(DEPS_STAMP)
	@mkdir -p $$(@D)
	@echo "  GEN     $$@"
	@$(LIBC_CPP) -D__ASSEMBLER__ -DBANOS_PROGRAM_ABI=$(1) -I$(BUILD)/user/include -MMD -MP -MF $$@.d -MT $$@ $$< -o $$@

$(BUILD)/user/abi$(1)/program-pie.ld: libc/ldscripts/program.ld $$(LIBC_FLAGS_$(1)) | $(LIBC_ABI_COPIES) $(DEPS_STAMP)
	@mkdir -p $$(@D)
	@echo "  GEN     $$@"
	@$(LIBC_CPP) -D__ASSEMBLER__ -DBANOS_PIE -DBANOS_PROGRAM_ABI=$(1) -I$(BUILD)/user/include -MMD -MP -MF $$@.d -MT $$@ $$< -o $$@

# The other linker scripts: dynamically linked programs (PT_INTERP) and
# shared objects.
$(BUILD)/user/abi$(1)/program-dynamic.ld $(BUILD)/user/abi$(1)/program-dynamic-pie.ld $(BUILD)/user/abi$(1)/shared.ld: \
        $(BUILD)/user/abi$(1)/%.ld: libc/ldscripts/program.ld $$(LIBC_FLAGS_$(1)) | $(LIBC_ABI_COPIES) $(DEPS_STAMP)
	@mkdir -p $$(@D)
	@echo "  GEN     $$@"
	@$(LIBC_CPP) -D__ASSEMBLER__ $$(LIBC_LDSCRIPT_DEFINES_$$*) -DBANOS_PROGRAM_ABI=$(1) -I$(BUILD)/user/include -MMD -MP -MF $$@.d -MT $$@ $$< -o $$@

# libc.so.N: the same sources, position independent, linked as a shared
# object with its own window (so its calls go through its own layer).
$(BUILD)/user/abi$(1)/obj-shared/%.cpp.o: %.cpp $(BANOS_CC) $$(LIBC_FLAGS_$(1)) | $$(LIBC_GENERATED_$(1)) $(LIBC_ABI_COPIES) $(DEPS_STAMP)
	@mkdir -p $$(@D)
	@echo "  CXX     $$< (program ABI $(1), shared)"
	@$(LIBC_BANOS_CC) --abi=$(1) -c $$< -o $$@ -MMD -MP $(LIBC_CXXFLAGS) -fPIC -DLIBC_SHARED

$(BUILD)/user/abi$(1)/obj-shared/%.S.o: %.S $(BANOS_CC) $$(LIBC_FLAGS_$(1)) | $$(LIBC_GENERATED_$(1)) $(LIBC_ABI_COPIES) $(DEPS_STAMP)
	@mkdir -p $$(@D)
	@echo "  AS      $$< (program ABI $(1), shared)"
	@$(LIBC_BANOS_CC) --abi=$(1) -c $$< -o $$@ -MMD -MP $(LIBC_ASFLAGS) -fPIC -DLIBC_SHARED

$(BUILD)/user/abi$(1)/libc.so.$(1): $$(LIBC_SHARED_OBJS_$(1)) $(BUILD)/user/abi$(1)/window.o $(BUILD)/user/abi$(1)/shared.ld
	@echo "  LINK    $$@"
	@$(CXX) -shared -nostdlib -Wl,--hash-style=both -Wl,-soname,libc.so.$(1) -Wl,-Bsymbolic-functions \
	    -Wl,-T,$(BUILD)/user/abi$(1)/shared.ld -Wl,-z,max-page-size=4096 -Wl,-z,common-page-size=4096 \
	    -Wl,-z,noexecstack -Wl,--build-id -Wl,-z,pack-relative-relocs \
	    $(BUILD)/user/abi$(1)/window.o $$(LIBC_SHARED_OBJS_$(1)) -lgcc -o $$@

$(BUILD)/user/abi$(1)/obj/%.cpp.o: %.cpp $(BANOS_CC) $$(LIBC_FLAGS_$(1)) | $$(LIBC_GENERATED_$(1)) $(LIBC_ABI_COPIES) $(DEPS_STAMP)
	@mkdir -p $$(@D)
	@echo "  CXX     $$< (program ABI $(1))"
	@$(LIBC_BANOS_CC) --abi=$(1) -c $$< -o $$@ -MMD -MP $(LIBC_CXXFLAGS)

$(BUILD)/user/abi$(1)/obj/%.S.o: %.S $(BANOS_CC) $$(LIBC_FLAGS_$(1)) | $$(LIBC_GENERATED_$(1)) $(LIBC_ABI_COPIES) $(DEPS_STAMP)
	@mkdir -p $$(@D)
	@echo "  AS      $$< (program ABI $(1))"
	@$(LIBC_BANOS_CC) --abi=$(1) -c $$< -o $$@ -MMD -MP $(LIBC_ASFLAGS)

$(BUILD)/user/abi$(1)/crt0.o: libc/arch/x86_64/crt0.S $(BANOS_CC) $$(LIBC_FLAGS_$(1)) | $$(LIBC_GENERATED_$(1)) $(LIBC_ABI_COPIES) $(DEPS_STAMP)
	@echo "  AS      $$< (program ABI $(1))"
	@$(LIBC_BANOS_CC) --abi=$(1) -c $$< -o $$@ -MMD -MP $(LIBC_ASFLAGS)

$(BUILD)/user/abi$(1)/window.o: libc/arch/x86_64/window.S $(BANOS_CC) $$(LIBC_FLAGS_$(1)) | $$(LIBC_GENERATED_$(1)) $(LIBC_ABI_COPIES) $(DEPS_STAMP)
	@echo "  AS      $$< (program ABI $(1))"
	@$(LIBC_BANOS_CC) --abi=$(1) -c $$< -o $$@ -MMD -MP $(LIBC_ASFLAGS)

$(BUILD)/user/abi$(1)/libc.a: $$(LIBC_OBJS_$(1))
	@echo "  AR      $$@"
	@rm -f $$@
	@$(LIBC_AR) rcs $$@ $$^

# Every public header compiles on its own (twice, for its include guard), as
# C and as C++, with strict warnings.
$(BUILD)/user/abi$(1)/header-check/%.c.ok: libc/tests/header_check.c $(BANOS_CC) $$(LIBC_FLAGS_$(1)) | $$(LIBC_GENERATED_$(1)) $(LIBC_ABI_COPIES)
	@mkdir -p $$(@D)
	@$(LIBC_BANOS_CC) --abi=$(1) -c $$< -o $$@.o -include $$* -include $$* -MMD -MP -MF $$@.d -MT $$@ $(LIBC_HEADER_CHECK_CFLAGS)
	@rm -f $$@.o && touch $$@
$(BUILD)/user/abi$(1)/header-check/%.cpp.ok: libc/tests/header_check.cpp $(BANOS_CC) $$(LIBC_FLAGS_$(1)) | $$(LIBC_GENERATED_$(1)) $(LIBC_ABI_COPIES)
	@mkdir -p $$(@D)
	@$(LIBC_BANOS_CC) --abi=$(1) -c $$< -o $$@.o -include $$* -include $$* -MMD -MP -MF $$@.d -MT $$@ $(LIBC_HEADER_CHECK_CXXFLAGS)
	@rm -f $$@.o && touch $$@

# And all of them in one translation unit, as C and C++: no two clash.
$(BUILD)/user/abi$(1)/header-check/all-headers.c.ok $(BUILD)/user/abi$(1)/header-check/all-headers.cpp.ok: \
        $(BUILD)/user/abi$(1)/header-check/all-headers.%.ok: libc/tests/header_check.% $(BANOS_CC) $$(LIBC_FLAGS_$(1)) | $$(LIBC_GENERATED_$(1)) $(LIBC_ABI_COPIES)
	@mkdir -p $$(@D)
	@$(LIBC_BANOS_CC) --abi=$(1) -c $$< -o $$@.o $$(foreach header,$$(filter-out $$(if $$(filter 1,$(1)),$(LIBC_HEADERS_NOT_IN_ABI1)),$(LIBC_PUBLIC_HEADERS)),-include $$(header)) \
	    -MMD -MP -MF $$@.d -MT $$@ $$(if $$(filter c,$$*),$(LIBC_HEADER_CHECK_CFLAGS),$(LIBC_HEADER_CHECK_CXXFLAGS))
	@rm -f $$@.o && touch $$@

# The test programs: built as any program would be, then checked.
$(BUILD)/user/abi$(1)/obj/hello.o: libc/tests/hello.c $(BANOS_CC) $$(LIBC_FLAGS_$(1)) | $$(LIBC_GENERATED_$(1)) $(LIBC_ABI_COPIES)
	@mkdir -p $$(@D)
	@echo "  CC      $$< (program ABI $(1))"
	@$(LIBC_BANOS_CC) --abi=$(1) -c $$< -o $$@ -MMD -MP $(LIBC_TEST_CFLAGS)

$(BUILD)/user/abi$(1)/obj/hello-cxx.o: libc/tests/hello_cxx.cpp $(BANOS_CC) $$(LIBC_FLAGS_$(1)) | $$(LIBC_GENERATED_$(1)) $(LIBC_ABI_COPIES)
	@mkdir -p $$(@D)
	@echo "  CXX     $$< (program ABI $(1))"
	@$(LIBC_BANOS_CC) --abi=$(1) -c $$< -o $$@ -MMD -MP $(LIBC_TEST_CXXFLAGS)

$$(filter %-pie,$$(LIBC_PROGRAMS_$(1))): $(BUILD)/user/abi$(1)/bin/%-pie: $(BUILD)/user/abi$(1)/obj/%.o $$(LIBC_RUNTIME_$(1)) $(BANOS_CC) libc/tests/check_program.py
	@mkdir -p $$(@D)
	@echo "  LINK    $$@ (static PIE)"
	@$(LIBC_BANOS_CC) --abi=$(1) -static --pie -o $$@.tmp $$<
	@$(PYTHON) libc/tests/check_program.py --abi $(1) --pie --slots $(BUILD)/user/abi$(1)/include/bits/slot_presence.h $$@.tmp
	@mv $$@.tmp $$@

$$(filter-out %-pie,$$(LIBC_PROGRAMS_$(1))): $(BUILD)/user/abi$(1)/bin/%: $(BUILD)/user/abi$(1)/obj/%.o $$(LIBC_RUNTIME_$(1)) $(BANOS_CC) libc/tests/check_program.py
	@mkdir -p $$(@D)
	@echo "  LINK    $$@"
	@$(LIBC_BANOS_CC) --abi=$(1) -static -o $$@.tmp $$<
	@$(PYTHON) libc/tests/check_program.py --abi $(1) --slots $(BUILD)/user/abi$(1)/include/bits/slot_presence.h $$@.tmp
	@mv $$@.tmp $$@

# The same hello, dynamically linked (PT_INTERP ld-elf, DT_NEEDED libc.so.N):
# what `make bench` compares with the static one.
$(BUILD)/user/abi$(1)/bin/hello-dynamic: $(BUILD)/user/abi$(1)/obj/hello.o $$(LIBC_RUNTIME_$(1)) $(BANOS_CC)
	@mkdir -p $$(@D)
	@echo "  LINK    $$@ (dynamic)"
	@$(LIBC_BANOS_CC) --abi=$(1) -o $$@ $$<

# libc run for real, as Linux processes on the build host: the programs in
# libc/tests/linux/ with a stand-in layer (the only user-space object with
# syscall instructions; never linked into real programs).
$(BUILD)/user/abi$(1)/obj/linux_layer.o: libc/tests/linux/linux_layer.cpp $(BANOS_CC) $$(LIBC_FLAGS_$(1)) | $$(LIBC_GENERATED_$(1)) $(LIBC_ABI_COPIES)
	@mkdir -p $$(@D)
	@echo "  CXX     $$< (program ABI $(1))"
	@$(LIBC_BANOS_CC) --abi=$(1) -c $$< -o $$@ -MMD -MP -fno-stack-protector $(LIBC_TEST_CXXFLAGS)

$(BUILD)/user/abi$(1)/obj/linux-tests/%.o: libc/tests/linux/%.c $(BANOS_CC) $$(LIBC_FLAGS_$(1)) | $$(LIBC_GENERATED_$(1)) $(LIBC_ABI_COPIES)
	@mkdir -p $$(@D)
	@echo "  CC      $$< (program ABI $(1))"
	@$(LIBC_BANOS_CC) --abi=$(1) -c $$< -o $$@ -MMD -MP -fno-builtin $(LIBC_TEST_CFLAGS)

LIBC_LINUX_OBJS_$(1) := $$(patsubst libc/tests/linux/%.c,$(BUILD)/user/abi$(1)/obj/linux-tests/%.o,$(LIBC_LINUX_TEST_SOURCES)) \
    $(BUILD)/user/abi$(1)/obj/linux_layer.o

$(BUILD)/host/libc-linux-abi$(1)-tests: $$(LIBC_LINUX_OBJS_$(1)) $$(LIBC_RUNTIME_$(1)) $(BANOS_CC)
	@mkdir -p $$(@D)
	@echo "  LINK    $$@"
	@$(LIBC_BANOS_CC) --abi=$(1) -static -o $$@ $$(LIBC_LINUX_OBJS_$(1))

$(BUILD)/host/libc-linux-abi$(1)-pie-tests: $$(LIBC_LINUX_OBJS_$(1)) $$(LIBC_RUNTIME_$(1)) $(BANOS_CC)
	@mkdir -p $$(@D)
	@echo "  LINK    $$@ (static PIE)"
	@$(LIBC_BANOS_CC) --abi=$(1) -static --pie -o $$@ $$(LIBC_LINUX_OBJS_$(1))

LIBC_LINUX_TESTS += $(BUILD)/host/libc-linux-abi$(1)-tests $(BUILD)/host/libc-linux-abi$(1)-pie-tests

.PHONY: libc-abi$(1)
libc-abi$(1): $$(LIBC_RUNTIME_$(1)) $$(LIBC_PROGRAMS_$(1)) $$(LIBC_HEADER_CHECKS_$(1)) $(BUILD)/user/abi$(1)/bin/hello-dynamic

-include $$(LIBC_OBJS_$(1):.o=.d) $$(LIBC_SHARED_OBJS_$(1):.o=.d)
-include $(BUILD)/user/abi$(1)/program-dynamic.ld.d $(BUILD)/user/abi$(1)/program-dynamic-pie.ld.d $(BUILD)/user/abi$(1)/shared.ld.d
-include $(BUILD)/user/abi$(1)/crt0.d $(BUILD)/user/abi$(1)/window.d
-include $(BUILD)/user/abi$(1)/obj/hello.d $(BUILD)/user/abi$(1)/obj/hello-cxx.d
-include $(BUILD)/user/abi$(1)/obj/linux_layer.d $$(LIBC_LINUX_OBJS_$(1):.o=.d)
-include $$(LIBC_GENERATED_$(1):=.d) $(BUILD)/user/abi$(1)/program.ld.d $(BUILD)/user/abi$(1)/program-pie.ld.d
-include $$(LIBC_HEADER_CHECKS_$(1):=.d)
endef

$(foreach abi,$(LIBC_ABIS),$(eval $(call libc_build,$(abi))))

.PHONY: libc
libc: $(foreach abi,$(LIBC_ABIS),libc-abi$(abi))

# Host unit tests of libc's pure functions (libc/src/core/), under
# AddressSanitizer and UBSan, through the host rules of sys/tests/tests.mk.
LIBC_TEST_SOURCES := $(sort $(wildcard libc/tests/*_test.cpp))
LIBC_CORE_SOURCES := $(sort $(wildcard libc/src/core/*.cpp))
LIBC_TEST_OBJS := $(patsubst %,$(BUILD)/host/%.o,$(LIBC_TEST_SOURCES) $(LIBC_CORE_SOURCES) tools/testing/gtest_main.cpp)

$(BUILD)/host/libc-tests: $(LIBC_TEST_OBJS)
	@echo "  LINK    $@"
	@$(CXX) $(HOST_LDFLAGS) -o $@ $^ -lgtest -lpthread

-include $(LIBC_TEST_OBJS:.o=.d)

.PHONY: libc-host-tests
libc-host-tests: $(BUILD)/host/libc-tests $(LIBC_LINUX_TESTS)
