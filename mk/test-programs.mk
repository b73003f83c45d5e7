# In-VM test programs from bin/tests/, built like any program (see
# mk/user.mk's user_program template) for every program ABI, and put in
# the boot archives under /bin/.

TEST_PROGRAMS := kernel_process_test kernel_files_test
kernel_process_test_SOURCES := bin/tests/kernel_process_test.c
kernel_files_test_SOURCES := bin/tests/kernel_files_test.c

$(foreach abi,$(LIBC_ABIS),$(foreach program,$(TEST_PROGRAMS),$(eval $(call user_program,$(abi),$(program)))))

test_programs_for = $(foreach program,$(TEST_PROGRAMS),$(BUILD)/user/abi$(1)/bin/$(program))
