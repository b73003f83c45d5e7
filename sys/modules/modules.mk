# banos modules (DESIGN.md, "banos modules"): each folder sys/modules/<name>/
# (samples) or sys/modules/tests/<name>/ (modules the tests expect the
# kernel to refuse) becomes $(BUILD)/modules/<name>.ko:
#   compiled with the kernel's flags but no KERNEL_ABI (a module serves every
#   kernel ABI build), partially linked with ld -r, debug data stripped and
#   every global but the banos_* names made local; then
#   tools/modules/check-module.py checks that each undefined symbol is
#   exported by every kernel build or by a module the record requires.
# The boot archives carry them in /system/modules/ (the refused ones in
# /system/modules/tests/).

MODULE_NAMES := echodev greeter heartbeat infofs rtcticks schedstat syscount
MODULE_TEST_NAMES := failing_init failing_timer needs_absent missing_symbol newer_api pc32_overflow
MODULE_CXXFLAGS := $(filter-out -g,$(KERNEL_CXXFLAGS)) -fno-common -DBANOS_MODULE
MODULE_CHECK := tools/modules/check-module.py tools/modules/elf_symbols.py
MODULE_FLAGS_FILE := $(call flags_file,$(BUILD)/modules/.flags,$(MODULE_CXXFLAGS))
MODULE_KERNEL_ELFS := $(foreach abi,$(KERNEL_ABIS),$(BUILD)/kernel-abi$(abi)/banos.elf)

# Modules a module needs built first (its record's requirements).
greeter_REQUIRES := echodev
# The import the missing-symbol test module is about.
missing_symbol_ALLOW_MISSING := banos_no_such_function
# The required module the missing-module test module is about.
needs_absent_ALLOW_ABSENT := absent

$(BUILD)/modules/obj/%.cpp.o: %.cpp $(MODULE_FLAGS_FILE) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@echo "  CXX     $< (module)"
	@$(CXX) $(MODULE_CXXFLAGS) -MMD -MP -c $< -o $@

# $(1) = module name, $(2) = its folder
define module_build
MODULE_OBJS_$(1) := $$(patsubst %,$(BUILD)/modules/obj/%.o,$$(sort $$(wildcard $(2)/*.cpp)))

$(BUILD)/modules/$(1).ko: $$(MODULE_OBJS_$(1)) $(MODULE_CHECK) $(MODULE_KERNEL_ELFS) \
        $$(foreach m,$$($(1)_REQUIRES),$(BUILD)/modules/$$(m).ko)
	@echo "  MODULE  $$@"
	@$(LD) -r -o $$@.linked $$(MODULE_OBJS_$(1))
	@$(OBJCOPY) --strip-debug --wildcard --keep-global-symbol='banos_*' $$@.linked $$@.tmp
	@rm -f $$@.linked
	@$(PYTHON) tools/modules/check-module.py $$@.tmp --kernel $(MODULE_KERNEL_ELFS) --modules $(BUILD)/modules \
	    $$(if $$($(1)_ALLOW_MISSING),--allow-missing $$($(1)_ALLOW_MISSING)) \
	    $$(if $$($(1)_ALLOW_ABSENT),--allow-absent $$($(1)_ALLOW_ABSENT))
	@mv $$@.tmp $$@

-include $$(MODULE_OBJS_$(1):.o=.d)
endef

$(foreach name,$(MODULE_NAMES),$(eval $(call module_build,$(name),sys/modules/$(name))))
$(foreach name,$(MODULE_TEST_NAMES),$(eval $(call module_build,$(name),sys/modules/tests/$(name))))

ALL_MODULES := $(foreach name,$(MODULE_NAMES),$(BUILD)/modules/$(name).ko)
ALL_TEST_MODULES := $(foreach name,$(MODULE_TEST_NAMES),$(BUILD)/modules/$(name).ko)

# The malformed-module suite: one file per rule the loader checks, made
# from a module whose init fails (tools/modules/make-malformed.py).
MODULE_MALFORMED_DIR := $(BUILD)/modules/malformed
MODULE_MALFORMED_NAMES := truncated wrong-machine wrong-type section-outside-file bad-string-index \
    unknown-relocation no-driver-record
MODULE_MALFORMED := $(foreach name,$(MODULE_MALFORMED_NAMES),$(MODULE_MALFORMED_DIR)/$(name).ko)
MODULE_MALFORMED_STAMP := $(MODULE_MALFORMED_DIR)/.made
$(MODULE_MALFORMED_STAMP): $(BUILD)/modules/failing_init.ko tools/modules/make-malformed.py tools/modules/elf_symbols.py
	@echo "  GEN     $(MODULE_MALFORMED_DIR)/"
	@$(PYTHON) tools/modules/make-malformed.py $< $(MODULE_MALFORMED_DIR)
	@touch $@
$(MODULE_MALFORMED): $(MODULE_MALFORMED_STAMP) ;

# What the boot archives carry: the samples in /system/modules/, the
# modules the tests expect refused in /system/modules/tests/ and the
# malformed files in /system/modules/malformed/.
MODULE_IMAGE_FILES := $(foreach name,$(MODULE_NAMES),/system/modules/$(name).ko=$(BUILD)/modules/$(name).ko) \
    $(foreach name,$(MODULE_TEST_NAMES),/system/modules/tests/$(name).ko=$(BUILD)/modules/$(name).ko) \
    $(foreach name,$(MODULE_MALFORMED_NAMES),/system/modules/malformed/$(name).ko=$(MODULE_MALFORMED_DIR)/$(name).ko)
MODULE_IMAGE_INPUTS := $(ALL_MODULES) $(ALL_TEST_MODULES) $(MODULE_MALFORMED)

.PHONY: modules
modules: $(MODULE_IMAGE_INPUTS)

# The loader's fuzzer (sys/tests/fuzz/module_image_fuzz.cpp) starts from the
# modules this build made, beside its checked-in seeds.
MODULE_FUZZ_SEEDS := $(BUILD)/fuzz/module_image-corpus/.seeded
$(MODULE_FUZZ_SEEDS): $(ALL_MODULES) $(ALL_TEST_MODULES)
	@mkdir -p $(@D)
	@cp $^ $(@D)/
	@touch $@
fuzz: $(MODULE_FUZZ_SEEDS)
