# ld-elf's in-VM tests (bin/tests/dl/): the program /bin/dltest (program
# ABI 3, linked against libdlneeded.so and ld-elf for the dl* functions),
# the libraries it loads, among them libdlmixed.so built for program ABI 1,
# and three programs ld-elf must refuse to start. Every boot archive gets
# them (mk/initrd.mk); tools/run-tests.py runs /bin/dltest on each kernel.
#
# Built and installed differ on purpose for the error cases: the programs
# link against libdlgone.so, libdlsym.so with dlsym_new and a real
# libdlbad.so; the archive has no libdlgone.so, a libdlsym.so without
# dlsym_new, and a text file as libdlbad.so.

DL_DIR := $(BUILD)/dl-tests
DL_PROGRAM_ABI := 3
DL_MIXED_ABI := 1
DL_CFLAGS := $(USER_CFLAGS)
DL_CC = $(LIBC_BANOS_CC) --abi=$(1) $(DL_CFLAGS)

# $(1) = program ABI, $(2) = output, $(3) = source, $(4) = extra flags
define dl_shared
$(2): $(3) $$(LIBC_RUNTIME_$(1)) $(BANOS_CC) $(USER_FLAGS)
	@mkdir -p $$(@D)
	@echo "  SHARED  $$@ (program ABI $(1))"
	@$$(call DL_CC,$(1)) -shared -Wl,-soname,$$(notdir $(2)) -o $$@ $(3) $(4)
endef

$(eval $(call dl_shared,$(DL_PROGRAM_ABI),$(DL_DIR)/lib/libdlneeded.so,bin/tests/dl/libdlneeded.c))
$(eval $(call dl_shared,$(DL_PROGRAM_ABI),$(DL_DIR)/lib/libdltest.so,bin/tests/dl/libdltest.c))
$(eval $(call dl_shared,$(DL_MIXED_ABI),$(DL_DIR)/lib/libdlmixed.so,bin/tests/dl/libdlmixed.c))
$(eval $(call dl_shared,$(DL_PROGRAM_ABI),$(DL_DIR)/link/libdlsym.so,bin/tests/dl/libdlsym.c))
$(eval $(call dl_shared,$(DL_PROGRAM_ABI),$(DL_DIR)/lib/libdlsym.so,bin/tests/dl/libdlsym.c,-DDLSYM_OLD_ONLY))
$(eval $(call dl_shared,$(DL_PROGRAM_ABI),$(DL_DIR)/lib/libdlsym-user.so,bin/tests/dl/libdlsym_user.c,$(DL_DIR)/link/libdlsym.so))
$(eval $(call dl_shared,$(DL_PROGRAM_ABI),$(DL_DIR)/link/libdlgone.so,bin/tests/dl/libdlgone.c))
$(eval $(call dl_shared,$(DL_PROGRAM_ABI),$(DL_DIR)/link/libdlbad.so,bin/tests/dl/libdlbad.c))
$(DL_DIR)/lib/libdlsym-user.so: $(DL_DIR)/link/libdlsym.so

$(DL_DIR)/lib/libdlbad.so: bin/tests/dl/libdlbad.so.txt
	@mkdir -p $(@D)
	@cp $< $@

# $(1) = output, $(2) = source, $(3) = libraries and flags
define dl_program
$(1): $(2) $$(filter %.so %.so.1,$(3)) $$(LIBC_RUNTIME_$(DL_PROGRAM_ABI)) $(LDELF) $(BANOS_CC) $(USER_FLAGS)
	@mkdir -p $$(@D)
	@echo "  PROGRAM $$@ (dynamic)"
	@$$(call DL_CC,$(DL_PROGRAM_ABI)) -o $$@ $(2) $(3)
endef

$(eval $(call dl_program,$(DL_DIR)/bin/dltest,bin/tests/dl/dltest.c,$(DL_DIR)/lib/libdlneeded.so -ldl))
$(eval $(call dl_program,$(DL_DIR)/bin/dl-missing-library,bin/tests/dl/missing_library.c,$(DL_DIR)/link/libdlgone.so))
$(eval $(call dl_program,$(DL_DIR)/bin/dl-missing-symbol,bin/tests/dl/missing_symbol.c,$(DL_DIR)/link/libdlsym.so))
$(eval $(call dl_program,$(DL_DIR)/bin/dl-bad-elf,bin/tests/dl/bad_elf.c,$(DL_DIR)/link/libdlbad.so))

DL_TEST_LIBRARIES := $(addprefix $(DL_DIR)/lib/,libdlneeded.so libdltest.so libdlmixed.so libdlsym.so libdlsym-user.so libdlbad.so)
DL_TEST_PROGRAMS := $(addprefix $(DL_DIR)/bin/,dltest dl-missing-library dl-missing-symbol dl-bad-elf)
INITRD_EXTRA_LIBRARIES += $(DL_TEST_LIBRARIES)

.PHONY: dl-tests
dl-tests: $(DL_TEST_LIBRARIES) $(DL_TEST_PROGRAMS)
