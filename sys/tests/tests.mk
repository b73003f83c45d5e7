# Host unit tests for the kernel's machine-independent code, built with
# AddressSanitizer and UBSan: $(BUILD)/host/sys-tests.

SYS_TEST_SOURCES := $(sort $(wildcard sys/tests/*.cpp))
# Kernel sources that compile on the host as they are.
SYS_HOST_SOURCES := $(sort $(wildcard sys/lib/*.cpp)) \
    sys/boot/boot_info.cpp sys/boot/multiboot1.cpp sys/boot/multiboot2.cpp \
    sys/mm/frame_bitmap.cpp sys/mm/boot_allocator.cpp sys/mm/heap/heap.cpp \
    sys/kernel/options.cpp sys/kernel/log_level.cpp sys/kernel/symbols.cpp \
    sys/exec/elf_image.cpp sys/fs/ustar.cpp sys/module/elf_module.cpp sys/arch/x86_64/module/relocation.cpp
SYS_HOST_SOURCES += $(sort $(wildcard sys/vfs/*.cpp sys/vfs/*/*.cpp))
SYS_HOST_SOURCES += sys/tty/line_discipline.cpp sys/tty/scancode_set1.cpp sys/arch/x86_64/acpi/tables.cpp \
    sys/time/timer_queue.cpp

SYS_TEST_OBJS := $(patsubst %,$(BUILD)/host/%.o,$(SYS_TEST_SOURCES) $(SYS_HOST_SOURCES) tools/testing/gtest_main.cpp)
HOST_FLAGS_FILE := $(call flags_file,$(BUILD)/host/.flags,$(HOST_CXXFLAGS))

$(BUILD)/host/%.cpp.o: %.cpp $(HOST_FLAGS_FILE) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@echo "  CXX     $< (host)"
	@$(CXX) $(HOST_CXXFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/host/sys-tests: $(SYS_TEST_OBJS)
	@echo "  LINK    $@"
	@$(CXX) $(HOST_LDFLAGS) -o $@ $^ -lgtest -lpthread

-include $(SYS_TEST_OBJS:.o=.d)

.PHONY: host-tests
host-tests: $(BUILD)/host/sys-tests
