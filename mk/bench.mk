# Benchmarks (bench/, see bench/README.md): `make bench` builds and runs
# them all and prints the table; `bench-programs` (part of `all`, so the
# smoke tests in `make test` find them) only builds:
#
#   $(BUILD)/user/abi<p>/bin/bench, bench_hello,  the banos guest program and
#     bench_hello_dynamic                        the hellos it execs (newest program ABI)
#   $(BUILD)/bench/initrd-k<k>.tar               boot archive of kernel k plus the above
#   $(BUILD)/bench/banos-k<k>.iso                GRUB image timing the boot to /bin/bench
#   $(BUILD)/bench/linux/bench, bench_hello,     the same benchmarks as a static Linux
#     bench_hello_dynamic, initramfs.cpio        program, as /init of a tiny initramfs
#   $(BUILD)/bench/host-fastpath                 the layer's fast paths on the host CPU
#   $(BUILD)/bench/vm-report                     guest figures into Google Benchmark

BENCH_BUILD := $(BUILD)/bench
BENCH_PROGRAM_ABI := $(lastword $(PROGRAM_ABIS))
BENCH_GUEST_SOURCES := bench/guest/main.c bench/guest/cases_calls.c bench/guest/cases_process.c
BENCH_GUEST_HEADERS := bench/guest/bench.h bench/guest/platform.h

# The guest program for banos, built like the programs of bin/ (mk/user.mk).
# The hello exec'd comes static and dynamic (through ld-elf and libc.so).
BENCH_GUEST_PROGRAMS := bench bench_hello bench_hello_dynamic
bench_SOURCES := $(BENCH_GUEST_SOURCES) bench/guest/platform_banos.c
bench_LINK := -static
bench_hello_SOURCES := bench/guest/hello.c
bench_hello_LINK := -static
bench_hello_dynamic_SOURCES := bench/guest/hello.c
BENCH_GUEST_BINARIES := $(foreach program,$(BENCH_GUEST_PROGRAMS),$(BUILD)/user/abi$(BENCH_PROGRAM_ABI)/bin/$(program))

$(BUILD)/user/abi$(BENCH_PROGRAM_ABI)/obj/bench/%.c.o: bench/%.c $(BANOS_CC) $(USER_FLAGS) | $(LIBC_GENERATED_$(BENCH_PROGRAM_ABI)) $(LIBC_ABI_COPIES)
	@mkdir -p $(@D)
	@echo "  CC      $< (program ABI $(BENCH_PROGRAM_ABI))"
	@$(LIBC_BANOS_CC) --abi=$(BENCH_PROGRAM_ABI) $(USER_CFLAGS) -c $< -o $@ -MMD -MP

$(foreach program,$(BENCH_GUEST_PROGRAMS),$(eval $(call user_program,$(BENCH_PROGRAM_ABI),$(program))))

# Kernel k's usual boot archive (mk/initrd.mk) plus the benchmarks, and a
# GRUB image that runs only the boot-time probe.
bench_initrd_pairs := $(foreach program,$(BENCH_GUEST_PROGRAMS),/bin/$(program)=$(BUILD)/user/abi$(BENCH_PROGRAM_ABI)/bin/$(program))

# $(1) = kernel ABI
define bench_images
$(BENCH_BUILD)/initrd-k$(1).tar: $(BUILD)/images/initrd-k$(1)-p$(BENCH_PROGRAM_ABI).tar $(BENCH_GUEST_BINARIES)
	@mkdir -p $$(@D)
	@echo "  INITRD  $$@"
	@$(MKINITRD) $$@ $$(call initrd_layer_pairs,$(1)) $$(call initrd_program_pairs,$(BENCH_PROGRAM_ABI)) \
	    $$(initrd_library_pairs) $$(initrd_system_pairs) $(bench_initrd_pairs)

$(BENCH_BUILD)/banos-k$(1).iso: $(BUILD)/kernel-abi$(1)/banos $(BENCH_BUILD)/initrd-k$(1).tar tools/image/mkiso.sh
	@echo "  ISO     $$@"
	@tools/image/mkiso.sh $$@ $$< "test noselftest init=/bin/bench+--boot-only" $(BENCH_BUILD)/initrd-k$(1).tar:initrd.tar
endef

$(foreach k,$(KERNEL_ABIS),$(eval $(call bench_images,$(k))))

# The Linux side: the same sources with the Linux platform file, static,
# with the host's gcc and glibc. The dynamic hello brings its loader and
# libc into the initramfs.
BENCH_LINUX_CFLAGS := -O2 -g $(USER_CFLAGS)
BENCH_LINUX_FLAGS := $(call flags_file,$(BENCH_BUILD)/linux/.flags,$(BENCH_LINUX_CFLAGS))
BENCH_LINUX := $(BENCH_BUILD)/linux

$(BENCH_LINUX)/bench: $(BENCH_GUEST_SOURCES) bench/guest/platform_linux.c $(BENCH_GUEST_HEADERS) $(BENCH_LINUX_FLAGS)
	@mkdir -p $(@D)
	@echo "  LINUX   $@"
	@gcc -static $(BENCH_LINUX_CFLAGS) -o $@ $(BENCH_GUEST_SOURCES) bench/guest/platform_linux.c

$(BENCH_LINUX)/bench_hello: bench/guest/hello.c $(BENCH_LINUX_FLAGS)
	@mkdir -p $(@D)
	@echo "  LINUX   $@"
	@gcc -static $(BENCH_LINUX_CFLAGS) -o $@ $<

$(BENCH_LINUX)/bench_hello_dynamic: bench/guest/hello.c $(BENCH_LINUX_FLAGS)
	@mkdir -p $(@D)
	@echo "  LINUX   $@"
	@gcc $(BENCH_LINUX_CFLAGS) -o $@ $<

$(BENCH_LINUX)/initramfs.cpio: $(BENCH_LINUX)/bench $(BENCH_LINUX)/bench_hello $(BENCH_LINUX)/bench_hello_dynamic bench/tools/mkcpio.py
	@echo "  CPIO    $@"
	@$(PYTHON) bench/tools/mkcpio.py $@ /init=$(BENCH_LINUX)/bench /bin/bench_hello=$(BENCH_LINUX)/bench_hello \
	    /bin/bench_hello_dynamic=$(BENCH_LINUX)/bench_hello_dynamic \
	    $$(ldd $(BENCH_LINUX)/bench_hello_dynamic | grep -o '/[^ ]*' | sort -u | sed 's|.*|&=&|') \
	    /dev/console=char:5:1 /dev/null=char:1:3:666 /sys=dir

# Host programs: optimised, no sanitizers (they measure).
BENCH_HOST_CXXFLAGS := -std=c++20 -O2 -g $(WARNINGS) -Isys -I. -Isyslayer -Isyslayer/include
BENCH_HOST_FLAGS := $(call flags_file,$(BENCH_BUILD)/.host-flags,$(BENCH_HOST_CXXFLAGS))

BENCH_HOST_PROGRAMS := $(BENCH_BUILD)/host-fastpath $(BENCH_BUILD)/vm-report
$(BENCH_HOST_PROGRAMS): $(BENCH_BUILD)/%: bench/host/%.cpp $(BENCH_HOST_FLAGS) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@echo "  BENCH   $@"
	@$(CXX) $(BENCH_HOST_CXXFLAGS) -MMD -MP -MF $@.d -o $@ $< -lbenchmark -lpthread

-include $(BENCH_HOST_PROGRAMS:=.d)

BENCH_PROGRAMS := $(BENCH_GUEST_BINARIES) $(foreach k,$(KERNEL_ABIS),$(BENCH_BUILD)/initrd-k$(k).tar $(BENCH_BUILD)/banos-k$(k).iso) \
    $(BENCH_LINUX)/initramfs.cpio $(BENCH_HOST_PROGRAMS)

.PHONY: bench bench-programs
bench-programs: $(BENCH_PROGRAMS)

bench: bench-programs kernel
	@$(PYTHON) bench/run.py --build $(BUILD) --kernel-abis "$(KERNEL_ABIS)"
