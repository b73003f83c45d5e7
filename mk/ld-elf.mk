# ld-elf, the dynamic loader (ld-elf/README.md): one build, a program ABI 2
# shared object (it needs the syslayer_attach slot), installed in every
# boot archive as /lib/ld-elf.so.1 whatever the archive's program ABI.
#
# Its bootstrap rule: ld-elf has no relocations of its own (nothing
# relocates it before it runs). ld-elf/check-bootstrap.py enforces that on
# every build, and fails naming what it found.

LDELF_ABI := 2
LDELF_DIR := $(BUILD)/ld-elf
LDELF := $(LDELF_DIR)/ld-elf.so.1
LDELF_SOURCES := $(sort $(wildcard ld-elf/src/*.cpp ld-elf/core/*.cpp))
LDELF_ASM_SOURCES := ld-elf/src/start.S
LDELF_OBJS := $(patsubst %,$(LDELF_DIR)/obj/%.o,$(LDELF_SOURCES) $(LDELF_ASM_SOURCES))
LDELF_CXXFLAGS := $(WARNINGS) -fPIC -fvisibility=hidden -fno-stack-protector -ffreestanding \
    -fno-tree-loop-distribute-patterns -fno-jump-tables -mgeneral-regs-only -I.
LDELF_FLAGS := $(call flags_file,$(LDELF_DIR)/.flags,$(LDELF_CXXFLAGS))

$(LDELF_DIR)/obj/%.cpp.o: %.cpp $(BANOS_CC) $(LDELF_FLAGS) | $(LIBC_GENERATED_$(LDELF_ABI)) $(LIBC_ABI_COPIES) $(DEPS_STAMP)
	@mkdir -p $(@D)
	@echo "  CXX     $< (ld-elf)"
	@$(LIBC_BANOS_CC) --abi=$(LDELF_ABI) -c $< -o $@ -MMD -MP $(LDELF_CXXFLAGS)

$(LDELF_DIR)/obj/%.S.o: %.S $(BANOS_CC) $(LDELF_FLAGS) | $(LIBC_GENERATED_$(LDELF_ABI)) $(LIBC_ABI_COPIES) $(DEPS_STAMP)
	@mkdir -p $(@D)
	@echo "  AS      $< (ld-elf)"
	@$(LIBC_BANOS_CC) --abi=$(LDELF_ABI) -c $< -o $@ -MMD -MP $(LIBC_ASFLAGS)

$(LDELF): $(LDELF_OBJS) $(BUILD)/user/abi$(LDELF_ABI)/window.o $(BUILD)/user/abi$(LDELF_ABI)/shared.ld ld-elf/check-bootstrap.py
	@echo "  LINK    $@"
	@$(CXX) -shared -nostdlib -Wl,--hash-style=both -Wl,-soname,ld-elf.so.1 -Wl,-e,_start -Wl,-Bsymbolic \
	    -Wl,-T,$(BUILD)/user/abi$(LDELF_ABI)/shared.ld -Wl,-z,max-page-size=4096 -Wl,-z,common-page-size=4096 \
	    -Wl,-z,noexecstack -Wl,--build-id -Wl,--no-undefined \
	    $(BUILD)/user/abi$(LDELF_ABI)/window.o $(LDELF_OBJS) -o $@.tmp
	@$(PYTHON) ld-elf/check-bootstrap.py $@.tmp
	@mv $@.tmp $@

-include $(LDELF_OBJS:.o=.d)

.PHONY: ld-elf
ld-elf: $(LDELF)
