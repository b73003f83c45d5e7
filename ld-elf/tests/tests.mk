# Host unit tests for ld-elf's pure pieces (ld-elf/core/: the symbol hash
# functions and hash-table lookup, the relocation arithmetic and the
# static TLS placement), built like the kernel's host tests under
# ASan/UBSan: $(BUILD)/host/ld-elf-tests.

LDELF_TEST_SOURCES := $(sort $(wildcard ld-elf/tests/*_test.cpp))
LDELF_TEST_OBJS := $(patsubst %,$(BUILD)/host/%.o,$(LDELF_TEST_SOURCES) $(wildcard ld-elf/core/*.cpp) tools/testing/gtest_main.cpp)

$(BUILD)/host/ld-elf-tests: $(LDELF_TEST_OBJS)
	@echo "  LINK    $@"
	@$(CXX) $(HOST_LDFLAGS) -o $@ $^ -lgtest -lpthread

-include $(LDELF_TEST_OBJS:.o=.d)

host-tests: $(BUILD)/host/ld-elf-tests
