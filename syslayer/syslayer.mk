# Syscall layers: one file per (program ABI p, kernel ABI k), plus the
# always-trap variant, composed from the front ends for ABIs 1..p and the
# back end for k. Output: $(BUILD)/syslayer/k<k>/abi-<p>[.trap].layer
#
# A layer is mapped shared and read-only into every program's window, so it
# must be position independent with no relocations at all: the link is a
# PIE (absolute addresses would show up as dynamic relocations) and the
# build fails if readelf finds any.

PROGRAM_ABIS ?= 1 2 3

LAYER_CXXFLAGS := -std=c++20 -O2 -g $(WARNINGS) -fPIE -fvisibility=hidden -ffreestanding \
    -fno-exceptions -fno-rtti -fno-stack-protector -fno-asynchronous-unwind-tables -fno-unwind-tables \
    -fcf-protection=none -fno-plt -nostdlib -Isyslayer -Isyslayer/include -I. \
    -include syslayer/include/syslayer/hidden.h
LAYER_LDFLAGS := -pie --no-dynamic-linker -z norelro -z noexecstack -nostdlib --hash-style=gnu

layer_front_sources = $(wildcard syslayer/front/common/*.cpp) \
    $(foreach v,$(shell seq 1 $(1)),$(wildcard syslayer/front/v$(v)/*.cpp)) syslayer/descriptor.cpp
# A back end's own sources (kernel ABI 3's restorer); the register-convention
# back ends, which have none, share the sigreturn-trap restorer.
layer_back_sources = $(or $(wildcard syslayer/back/k$(1)/*.cpp syslayer/back/k$(1)/*.S),syslayer/back/common/restorer.S)

$(BUILD)/syslayer/layer.ld: syslayer/layer.ld.S syslayer/include/syslayer/layout.h | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@$(CXX) -E -P -x c -Isyslayer/include $< -o $@

# $(1) = program ABI, $(2) = kernel ABI, $(3) = 0 fast / 1 always-trap, $(4) = file suffix
define layer_build
$(1)_$(2)_$(3)_LDIR := $(BUILD)/syslayer/k$(2)/p$(1)$(4)
$(1)_$(2)_$(3)_LFLAGS := $(LAYER_CXXFLAGS) -Isyslayer/back/k$(2) -DPROGRAM_ABI=$(1) -DKERNEL_ABI=$(2) \
    -DBANOS_LAYER_ALWAYS_TRAP_FLAG=$(3) $$(if $$(filter 1,$(3)),-DBANOS_ALWAYS_TRAP) \
    '-DBANOS_PROGRAM_SLOTS_DEF="abi-versions/v$(1)/program/slots.def"' \
    '-DBANOS_PROGRAM_ERRNO_DEF="abi-versions/v$(1)/program/errno.def"' \
    '-DBANOS_PROGRAM_TYPES_H="abi-versions/v$(1)/program/types.h"' \
    '-DBANOS_KERNEL_TRAPS_DEF="abi-versions/v$(2)/kernel/traps.def"' \
    '-DBANOS_KERNEL_ERRORS_DEF="abi-versions/v$(2)/kernel/errors.def"'
$(1)_$(2)_$(3)_LOBJS := $$(patsubst %,$$($(1)_$(2)_$(3)_LDIR)/%.o,$$(call layer_front_sources,$(1)) \
    $$(call layer_back_sources,$(2)) syslayer/stubs.S)
$(1)_$(2)_$(3)_LSTAMP := $$(call flags_file,$$($(1)_$(2)_$(3)_LDIR)/.flags,$$($(1)_$(2)_$(3)_LFLAGS))

$$($(1)_$(2)_$(3)_LDIR)/%.cpp.o: %.cpp $$($(1)_$(2)_$(3)_LSTAMP) | $(DEPS_STAMP)
	@mkdir -p $$(@D)
	@echo "  CXX     $$< (layer p$(1)/k$(2)$(4))"
	@$(CXX) $$($(1)_$(2)_$(3)_LFLAGS) -MMD -MP -c $$< -o $$@

$$($(1)_$(2)_$(3)_LDIR)/%.S.o: %.S $$($(1)_$(2)_$(3)_LSTAMP) | $(DEPS_STAMP)
	@mkdir -p $$(@D)
	@$(CXX) $$($(1)_$(2)_$(3)_LFLAGS) -MMD -MP -c $$< -o $$@

$(BUILD)/syslayer/k$(2)/abi-$(1)$(4).layer: $$($(1)_$(2)_$(3)_LOBJS) $(BUILD)/syslayer/layer.ld
	@echo "  LAYER   $$@"
	@$(LD) $(LAYER_LDFLAGS) -T $(BUILD)/syslayer/layer.ld -o $$@.tmp $$($(1)_$(2)_$(3)_LOBJS)
	@if ! readelf -rW $$@.tmp | grep -q "There are no relocations in this file"; then \
	    echo "syslayer: $$@ has relocations; a layer must be position independent without any:" >&2; \
	    readelf -rW $$@.tmp >&2; rm -f $$@.tmp; exit 1; fi
	@mv $$@.tmp $$@

-include $$($(1)_$(2)_$(3)_LOBJS:.o=.d)
endef

$(foreach k,$(KERNEL_ABIS),$(foreach p,$(PROGRAM_ABIS),\
    $(eval $(call layer_build,$(p),$(k),0,)) $(eval $(call layer_build,$(p),$(k),1,.trap))))

layers_for_kernel = $(foreach p,$(PROGRAM_ABIS),$(BUILD)/syslayer/k$(1)/abi-$(p).layer $(BUILD)/syslayer/k$(1)/abi-$(p).trap.layer)
ALL_LAYERS := $(foreach k,$(KERNEL_ABIS),$(call layers_for_kernel,$(k)))

.PHONY: layers
layers: $(ALL_LAYERS)

include syslayer/tests/tests.mk
