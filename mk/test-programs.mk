# In-VM test programs from bin/tests/, built like any program (see
# mk/user.mk's user_program template) for every program ABI, and put in
# the boot archives under /bin/.

TEST_PROGRAMS := kernel_process_test kernel_files_test module_test
kernel_process_test_SOURCES := bin/tests/kernel_process_test.c
kernel_files_test_SOURCES := bin/tests/kernel_files_test.c
kernel_process_test_LINK := -static
kernel_files_test_LINK := -static
module_test_SOURCES := bin/tests/module_test.c
# Static: its free-memory checks must not count its own libc.so pages
# faulting in between two readings of /proc/meminfo.
module_test_LINK := -static

$(foreach abi,$(LIBC_ABIS),$(foreach program,$(TEST_PROGRAMS),$(eval $(call user_program,$(abi),$(program)))))

test_programs_for = $(foreach program,$(TEST_PROGRAMS),$(BUILD)/user/abi$(1)/bin/$(program))

# The conformance suite (bin/tests/conformance/, a USER_PROGRAMS entry in
# mk/user.mk) must test every slot of the program ABI it is built for:
# tools/conformance/coverage.py reads the slots its tests recorded in the
# binary and the ABI's slots.def, and fails naming any slot left out. The
# boot archives and `programs` depend on the check, so a gap fails the
# build. Checked for each ABI libc is built for (LIBC_ABIS).
CONFORMANCE_COVERAGE := tools/conformance/coverage.py
CONFORMANCE_SLOT_DEFS := $(wildcard abi-versions/v*/program/slots.def)

# $(1) = program ABI
define conformance_coverage_check
$(BUILD)/user/abi$(1)/conformance-coverage.ok: $(BUILD)/user/abi$(1)/bin/conformance $(CONFORMANCE_COVERAGE) $(CONFORMANCE_SLOT_DEFS)
	@echo "  COVER   conformance slots (program ABI $(1))"
	@$(PYTHON) $(CONFORMANCE_COVERAGE) --abi $(1) --binary $$< --cpp "$(LIBC_CPP)" --root .
	@touch $$@
endef

$(foreach abi,$(LIBC_ABIS),$(eval $(call conformance_coverage_check,$(abi))))

conformance_coverage_for = $(BUILD)/user/abi$(1)/conformance-coverage.ok
programs: $(foreach abi,$(LIBC_ABIS),$(call conformance_coverage_for,$(abi)))
$(foreach k,$(KERNEL_ABIS),$(foreach p,$(filter $(LIBC_ABIS),$(PROGRAM_ABIS)),\
    $(eval $(BUILD)/images/initrd-k$(k)-p$(p).tar: $(call conformance_coverage_for,$(p)))))
