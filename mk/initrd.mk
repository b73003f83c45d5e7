# Boot archives: for every kernel ABI k and program ABI p, the layers of
# kernel k for every program ABI, and the programs of ABI p:
# $(BUILD)/images/initrd-k<k>-p<p>.tar. The matrix boots each one.

MKINITRD := $(PYTHON) tools/image/mkinitrd.py
NOABI_PROGRAM_ABI := 9

# A program for an ABI no layer serves: exec must refuse it.
$(BUILD)/user/abi%/bin/hello-noabi: $(BUILD)/user/abi%/bin/hello tools/image/set-program-abi.py
	@$(PYTHON) tools/image/set-program-abi.py $< $@ $(NOABI_PROGRAM_ABI)

initrd_layer_pairs = $(foreach p,$(PROGRAM_ABIS),\
    /system/syslayer/abi-$(p).layer=$(BUILD)/syslayer/k$(1)/abi-$(p).layer \
    /system/syslayer/abi-$(p).trap.layer=$(BUILD)/syslayer/k$(1)/abi-$(p).trap.layer)
initrd_program_pairs = $(foreach program,$(USER_PROGRAMS) $(TEST_PROGRAMS) hello hello-pie hello-noabi hello-dynamic,\
    /bin/$(program)=$(BUILD)/user/abi$(1)/bin/$(program))

# /lib: ld-elf and the shared libc of every program ABI, side by side under
# their versioned names (libc.so.N), whatever the archive's program ABI:
# a program may load a library of another ABI, which brings its own libc.
INITRD_LIBRARIES := $(LDELF) $(foreach p,$(LIBC_ABIS),$(BUILD)/user/abi$(p)/libc.so.$(p)) $(INITRD_EXTRA_LIBRARIES)
initrd_library_pairs = $(foreach library,$(INITRD_LIBRARIES),/lib/$(notdir $(library))=$(library)) \
    $(foreach program,$(DL_TEST_PROGRAMS),/bin/$(notdir $(program))=$(program))

# The system's files besides programs: configuration, users, and the
# writable directories.
ROOTFS_FILES := $(sort $(wildcard bin/rootfs/etc/*))
initrd_system_pairs = $(foreach file,$(ROOTFS_FILES),/etc/$(notdir $(file))=$(file)) $(USER_IMAGE_FILES) $(MODULE_IMAGE_FILES) \
    /tmp/=dir:1777 /root/=dir:0700 /home/user/=dir:0755:1000:1000 /dev/=dir:0755 /proc/=dir:0555

# $(1) = kernel ABI, $(2) = program ABI
define initrd_build
$(BUILD)/images/initrd-k$(1)-p$(2).tar: $$(call layers_for_kernel,$(1)) $$(call user_programs_for,$(2)) $$(call test_programs_for,$(2)) \
        $(BUILD)/user/abi$(2)/bin/hello $(BUILD)/user/abi$(2)/bin/hello-pie $(BUILD)/user/abi$(2)/bin/hello-noabi \
        $(BUILD)/user/abi$(2)/bin/hello-dynamic $$(INITRD_LIBRARIES) $$(DL_TEST_PROGRAMS) \
        tools/image/mkinitrd.py $(ROOTFS_FILES) $(MODULE_IMAGE_INPUTS) $$(filter-out dir:%,$$(foreach pair,$(USER_IMAGE_FILES),$$(lastword $$(subst =, ,$$(pair)))))
	@mkdir -p $$(@D)
	@echo "  INITRD  $$@"
	@$(MKINITRD) $$@ $$(call initrd_layer_pairs,$(1)) $$(call initrd_program_pairs,$(2)) $$(initrd_library_pairs) \
	    $(initrd_system_pairs)
endef

$(foreach k,$(KERNEL_ABIS),$(foreach p,$(PROGRAM_ABIS),$(eval $(call initrd_build,$(k),$(p)))))

ALL_INITRDS := $(foreach k,$(KERNEL_ABIS),$(foreach p,$(PROGRAM_ABIS),$(BUILD)/images/initrd-k$(k)-p$(p).tar))
# What `make run` and the GRUB images carry: the newest userland.
DEFAULT_PROGRAM_ABI := $(lastword $(PROGRAM_ABIS))

.PHONY: initrds
initrds: $(ALL_INITRDS)
