# banos: `make` builds everything, `make run` boots it, `make test` runs
# every test. See README.md.

.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules
# Build in parallel by default (every rule is safe under -j); an explicit
# -j on the command line still decides.
ifeq ($(filter -j%,$(MAKEFLAGS)),)
MAKEFLAGS += -j$(shell nproc)
endif

include mk/config.mk
include mk/abi-contract.mk
include sys/sys.mk
include sys/modules/modules.mk
include sys/tests/tests.mk
include sys/tests/fuzz/fuzz.mk
include syslayer/syslayer.mk
include ld-elf/tests/tests.mk
include mk/libc.mk
include mk/ld-elf.mk
include mk/user.mk
include mk/test-programs.mk
include mk/dl-tests.mk
include mk/initrd.mk
include mk/image.mk
include mk/run.mk
include mk/bench.mk

.PHONY: all clean
all: kernel modules layers libc ld-elf libc-host-tests programs initrds images host-tests fuzz bench-programs

clean:
	rm -rf $(BUILD)
