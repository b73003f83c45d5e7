# User programs from bin/, built for every program ABI with tools/banos-cc
# into $(BUILD)/user/abi<p>/bin/.
#
# USER_PROGRAMS names each program; <name>_SOURCES lists its sources.

USER_PROGRAMS := init conformance
init_SOURCES := bin/init.c
conformance_SOURCES := bin/tests/conformance.c

USER_CFLAGS := -Wall -Wextra -Werror -Wundef -Wshadow

# $(1) = program ABI, $(2) = program name
define user_program
$(BUILD)/user/abi$(1)/bin/$(2): $$($(2)_SOURCES) $$(LIBC_RUNTIME_$(1)) $(BANOS_CC) | $$(LIBC_GENERATED_$(1)) $(LIBC_ABI_COPIES)
	@mkdir -p $$(@D)
	@echo "  PROGRAM $$@"
	@$(LIBC_BANOS_CC) --abi=$(1) $(USER_CFLAGS) -MMD -MP -o $$@ $$($(2)_SOURCES)
-include $(BUILD)/user/abi$(1)/bin/$(2).d
endef

$(foreach abi,$(LIBC_ABIS),$(foreach program,$(USER_PROGRAMS),$(eval $(call user_program,$(abi),$(program)))))

user_programs_for = $(foreach program,$(USER_PROGRAMS),$(BUILD)/user/abi$(1)/bin/$(program))
ALL_USER_PROGRAMS := $(foreach abi,$(LIBC_ABIS),$(call user_programs_for,$(abi)))

.PHONY: programs
programs: $(ALL_USER_PROGRAMS)
