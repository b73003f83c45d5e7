# Bootable GRUB2 images, one pair per kernel ABI, each with the newest
# userland's boot archive as a module: banos.iso boots normally (make run),
# banos-test.iso runs the self-tests and the conformance suite (make test).

# $(1) = kernel ABI
define image_build
$(BUILD)/kernel-abi$(1)/banos.iso: $(BUILD)/kernel-abi$(1)/banos $(BUILD)/images/initrd-k$(1)-p$(DEFAULT_PROGRAM_ABI).tar tools/image/mkiso.sh
	@echo "  ISO     $$@"
	@tools/image/mkiso.sh $$@ $$< "" $(BUILD)/images/initrd-k$(1)-p$(DEFAULT_PROGRAM_ABI).tar:initrd.tar

$(BUILD)/kernel-abi$(1)/banos-test.iso: $(BUILD)/kernel-abi$(1)/banos $(BUILD)/images/initrd-k$(1)-p$(DEFAULT_PROGRAM_ABI).tar tools/image/mkiso.sh
	@echo "  ISO     $$@"
	@tools/image/mkiso.sh $$@ $$< "test init=/bin/conformance" $(BUILD)/images/initrd-k$(1)-p$(DEFAULT_PROGRAM_ABI).tar:initrd.tar

# banos modules through GRUB: syscount, rtcticks and failing_timer as
# module2 lines (installed at boot, on a thread that may sleep, as rtcticks
# and failing_timer do; failing_timer must refuse and leave nothing
# behind), then the shell installs the other samples, and module_test runs
# the malformed suite. Every kernel ABI's image carries the same module
# files.
$(BUILD)/kernel-abi$(1)/banos-modules.iso: $(BUILD)/kernel-abi$(1)/banos $(BUILD)/images/initrd-k$(1)-p$(DEFAULT_PROGRAM_ABI).tar $(BUILD)/modules/syscount.ko $(BUILD)/modules/rtcticks.ko $(BUILD)/modules/failing_timer.ko tools/image/mkiso.sh
	@echo "  ISO     $$@"
	@tools/image/mkiso.sh $$@ $$< "test noselftest init=/bin/sh+/share/tests/modules/sample-modules.sh,/bin/module_test" \
	    $(BUILD)/images/initrd-k$(1)-p$(DEFAULT_PROGRAM_ABI).tar:initrd.tar $(BUILD)/modules/syscount.ko \
	    $(BUILD)/modules/rtcticks.ko $(BUILD)/modules/failing_timer.ko
endef

$(foreach abi,$(KERNEL_ABIS),$(eval $(call image_build,$(abi))))

ALL_IMAGES := $(foreach abi,$(KERNEL_ABIS),$(BUILD)/kernel-abi$(abi)/banos.iso $(BUILD)/kernel-abi$(abi)/banos-test.iso \
    $(BUILD)/kernel-abi$(abi)/banos-modules.iso)
ISO := $(KERNEL_DIR)/banos.iso

.PHONY: images
images: $(ALL_IMAGES)
