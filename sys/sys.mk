# The kernel, built once per kernel ABI into $(BUILD)/kernel-abi<k>/.
#
# Linking takes two passes: the first produces the addresses, from which
# tools/gen-ksyms makes the symbol table that the second embeds (it sits
# after all code, so code addresses do not move; the build verifies that).

KERNEL_ABIS ?= 1 2 3
KERNEL_ABI ?= 2

# KERNEL_EXCLUDE: patterns of sources to leave out (a work-in-progress folder).
KERNEL_EXCLUDE ?=
KERNEL_CXX_SOURCES := $(filter-out $(KERNEL_EXCLUDE),$(shell find sys -name '*.cpp' -not -path 'sys/tests/*' -not -path 'sys/modules/*' | sort))
KERNEL_ASM_SOURCES := $(shell find sys -name '*.asm' -not -path 'sys/modules/*' | sort)
KERNEL_LINKER_SCRIPT := sys/arch/x86_64/kernel.ld

# A kernel contains exactly one kernel ABI's trap interface (sys/kabi/v<k>).
kernel_sources_for = $(filter-out $(filter-out sys/kabi/v$(1)/%,$(filter sys/kabi/v%,$(KERNEL_CXX_SOURCES))),$(KERNEL_CXX_SOURCES))

# $(1) = kernel ABI
define kernel_build
$(1)_KDIR := $(BUILD)/kernel-abi$(1)
$(1)_KOBJS := $$(patsubst %,$(BUILD)/kernel-abi$(1)/%.o,$$(call kernel_sources_for,$(1)) $(KERNEL_ASM_SOURCES))
$(1)_KFLAGS := $$(call flags_file,$(BUILD)/kernel-abi$(1)/.flags,$(KERNEL_CXXFLAGS) $(KERNEL_NASMFLAGS) -DKERNEL_ABI=$(1))

$(BUILD)/kernel-abi$(1)/%.cpp.o: %.cpp $$($(1)_KFLAGS) | $(DEPS_STAMP)
	@mkdir -p $$(@D)
	@echo "  CXX     $$< (kernel ABI $(1))"
	@$(CXX) $(KERNEL_CXXFLAGS) -DKERNEL_ABI=$(1) -MMD -MP -c $$< -o $$@

$(BUILD)/kernel-abi$(1)/%.asm.o: %.asm $$($(1)_KFLAGS) | $(DEPS_STAMP)
	@mkdir -p $$(@D)
	@echo "  NASM    $$<"
	@$(NASM) $(KERNEL_NASMFLAGS) -DKERNEL_ABI=$(1) -MD $$@.d -MP $$< -o $$@

$(BUILD)/kernel-abi$(1)/ksyms-empty.o: tools/gen-ksyms.py | $(DEPS_STAMP)
	@mkdir -p $$(@D)
	@$(PYTHON) tools/gen-ksyms.py --empty $$(@:.o=.bin)
	@$(OBJCOPY) -I binary -O elf64-x86-64 -B i386:x86-64 \
	    --rename-section .data=.ksyms,alloc,load,readonly,data,contents $$(@:.o=.bin) $$@

$(BUILD)/kernel-abi$(1)/banos.pass1.elf: $$($(1)_KOBJS) $(BUILD)/kernel-abi$(1)/ksyms-empty.o $(KERNEL_LINKER_SCRIPT)
	@echo "  LD      $$@"
	@$(LD) $(KERNEL_LDFLAGS) -T $(KERNEL_LINKER_SCRIPT) -o $$@ $$($(1)_KOBJS) $(BUILD)/kernel-abi$(1)/ksyms-empty.o

$(BUILD)/kernel-abi$(1)/ksyms.o: $(BUILD)/kernel-abi$(1)/banos.pass1.elf tools/gen-ksyms.py
	@$(PYTHON) tools/gen-ksyms.py $$< $$(@:.o=.bin)
	@$(OBJCOPY) -I binary -O elf64-x86-64 -B i386:x86-64 \
	    --rename-section .data=.ksyms,alloc,load,readonly,data,contents $$(@:.o=.bin) $$@

# banos.elf keeps debug information (for gdb); banos is what gets booted.
$(BUILD)/kernel-abi$(1)/banos.elf: $(BUILD)/kernel-abi$(1)/ksyms.o tools/check-kernel-image.py
	@echo "  LD      $$@"
	@$(LD) $(KERNEL_LDFLAGS) -T $(KERNEL_LINKER_SCRIPT) -o $$@.tmp $$($(1)_KOBJS) $(BUILD)/kernel-abi$(1)/ksyms.o
	@$(PYTHON) tools/gen-ksyms.py --verify $$@.tmp $(BUILD)/kernel-abi$(1)/ksyms.bin
	@$(PYTHON) tools/check-kernel-image.py $$@.tmp
	@mv $$@.tmp $$@

$(BUILD)/kernel-abi$(1)/banos: $(BUILD)/kernel-abi$(1)/banos.elf
	@$(STRIP) --strip-debug -o $$@ $$<

-include $$($(1)_KOBJS:.o=.d)
endef

$(foreach abi,$(KERNEL_ABIS),$(eval $(call kernel_build,$(abi))))

KERNEL_DIR := $(BUILD)/kernel-abi$(KERNEL_ABI)
KERNEL := $(KERNEL_DIR)/banos
KERNEL_ELF := $(KERNEL_DIR)/banos.elf
ALL_KERNELS := $(foreach abi,$(KERNEL_ABIS),$(BUILD)/kernel-abi$(abi)/banos)

.PHONY: kernel
kernel: $(ALL_KERNELS)
