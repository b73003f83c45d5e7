# make run | make debug | make test

.PHONY: run debug test matrix

# GRUB, then banos, on this terminal. Leave QEMU with Ctrl-A X.
run: $(ISO)
	@echo "banos: booting $(ISO) in QEMU (TCG); leave with Ctrl-A X"
	@$(QEMU) $(QEMU_COMMON) -display none -serial mon:stdio -cdrom $(ISO) -boot d

# QEMU stopped before the first instruction, waiting for gdb on port 1234.
debug: $(KERNEL) $(KERNEL_ELF)
	@printf 'set architecture i386:x86-64\nfile %s\ntarget remote localhost:1234\nhbreak kernel_entry\n' \
	    "$(abspath $(KERNEL_ELF))" > $(BUILD)/gdbinit
	@echo "banos: QEMU is waiting for gdb on localhost:1234. In another terminal:"
	@echo "    gdb -x $(BUILD)/gdbinit     (then 'continue'; stops at kernel_entry)"
	@$(QEMU) $(QEMU_COMMON) -display none -serial mon:stdio -kernel $(KERNEL) -s -S

test: all
	@$(PYTHON) tools/run-tests.py --build $(BUILD) --kernel-abis "$(KERNEL_ABIS)" --program-abis "$(PROGRAM_ABIS)"

# Every program ABI's conformance suite on every kernel ABI.
matrix: kernel initrds
	@$(PYTHON) tools/run-tests.py --build $(BUILD) --kernel-abis "$(KERNEL_ABIS)" --program-abis "$(PROGRAM_ABIS)" --only matrix
