# Toolchain and flags shared by every part of the build.

BUILD ?= build
CXX := g++
NASM := nasm
LD := ld
OBJCOPY := objcopy
STRIP := strip
PYTHON := python3
QEMU := qemu-system-x86_64

WARNINGS := -Wall -Wextra -Werror -Wshadow -Wvla -Wimplicit-fallthrough -Wnon-virtual-dtor -Wundef

# The kernel: freestanding C++20, no red zone (interrupts push onto the
# stack), kernel code model (linked in the top 2 GiB), no SSE in the kernel
# (user state stays untouched), frame pointers for backtraces.
KERNEL_CXXFLAGS := -std=c++20 -O2 -g $(WARNINGS) \
    -ffreestanding -fno-exceptions -fno-rtti -fno-threadsafe-statics \
    -mno-red-zone -mcmodel=kernel -mgeneral-regs-only -fno-pic -fno-pie \
    -fno-stack-protector -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer \
    -fno-asynchronous-unwind-tables -fno-unwind-tables -fcf-protection=none \
    -fno-strict-aliasing -fno-delete-null-pointer-checks \
    -Isys -I.
KERNEL_NASMFLAGS := -f elf64 -g -F dwarf -I./
KERNEL_LDFLAGS := -nostdlib -static -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments

# Host builds (unit tests, tools): sanitizers on, so a test that touches
# memory it should not fails loudly.
SANITIZERS := -fsanitize=address,undefined -fno-sanitize-recover=all
HOST_CXXFLAGS := -std=c++20 -O1 -g $(WARNINGS) $(SANITIZERS) -fno-omit-frame-pointer -DBANOS_HOST -Isys -I.
HOST_LDFLAGS := $(SANITIZERS)

# QEMU settings every boot shares: TCG (no KVM here), a modern CPU model,
# the debug-exit device tests leave through.
QEMU_MEMORY ?= 256M
QEMU_COMMON := -machine pc -cpu max -m $(QEMU_MEMORY) -no-reboot \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04

# Set-up: check for (and install) the Debian packages the build needs,
# once per build tree.
DEPS_STAMP := $(BUILD)/.deps-ok
$(DEPS_STAMP): tools/ensure-deps.sh
	@tools/ensure-deps.sh
	@mkdir -p $(@D) && touch $@

# Rebuild when flags change, not only when sources do: the file
# $(1) holds the flags, rewritten only when they differ.
flags_file = $(shell mkdir -p $(dir $(1)) && \
    if [ "$$(cat $(1) 2>/dev/null)" != "$(strip $(2))" ]; then echo "$(strip $(2))" > $(1); fi)$(1)
