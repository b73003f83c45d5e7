# Bootable GRUB2 images, one pair per kernel ABI: banos.iso boots normally
# (make run), banos-test.iso boots with the `test` option (make test).

# $(1) = kernel ABI
define image_build
$(BUILD)/kernel-abi$(1)/banos.iso: $(BUILD)/kernel-abi$(1)/banos tools/image/mkiso.sh
	@echo "  ISO     $$@"
	@tools/image/mkiso.sh $$@ $$< ""

$(BUILD)/kernel-abi$(1)/banos-test.iso: $(BUILD)/kernel-abi$(1)/banos tools/image/mkiso.sh
	@echo "  ISO     $$@"
	@tools/image/mkiso.sh $$@ $$< "test"
endef

$(foreach abi,$(KERNEL_ABIS),$(eval $(call image_build,$(abi))))

ALL_IMAGES := $(foreach abi,$(KERNEL_ABIS),$(BUILD)/kernel-abi$(abi)/banos.iso $(BUILD)/kernel-abi$(abi)/banos-test.iso)
ISO := $(KERNEL_DIR)/banos.iso

.PHONY: images
images: $(ALL_IMAGES)
