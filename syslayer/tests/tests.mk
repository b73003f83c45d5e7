# Host unit tests for the layer's pure pieces (kernel ABI 3's messages and
# error translation, the shared-page clock arithmetic), built like the
# kernel's host tests (sys/tests/tests.mk): $(BUILD)/host/syslayer-tests.

SYSLAYER_TEST_SOURCES := $(sort $(wildcard syslayer/tests/*_test.cpp))
# The kernel's error names (sys/lib/error.cpp) for the error-table tests.
SYSLAYER_TEST_OBJS := $(patsubst %,$(BUILD)/host/%.o,$(SYSLAYER_TEST_SOURCES) sys/lib/error.cpp tools/testing/gtest_main.cpp)

$(BUILD)/host/syslayer/%: HOST_CXXFLAGS += -Isyslayer -Isyslayer/include

$(BUILD)/host/syslayer-tests: $(SYSLAYER_TEST_OBJS)
	@echo "  LINK    $@"
	@$(CXX) $(HOST_LDFLAGS) -o $@ $^ -lgtest -lpthread

-include $(SYSLAYER_TEST_OBJS:.o=.d)

host-tests: $(BUILD)/host/syslayer-tests
