# The frozen program-ABI contracts (abi-versions/v<p>/program/contract.txt):
# every build regenerates each program ABI's description from its headers
# with the compilers and fails, showing the diff, when it differs from the
# checked-in one. `make abi-contract-update` rewrites the checked-in files
# but accepts only new lines. See abi-versions/README.md.

ABI_CONTRACT_TOOL := tools/abi/contract.py
ABI_CONTRACT_DIR := $(BUILD)/abi-contract
ABI_CONTRACT_INPUTS := $(wildcard abi-versions/common/*.h abi-versions/v*/program/*.def \
    abi-versions/v*/program/*.h abi-versions/v*/program/contract.txt tools/abi/*.py)

.PHONY: abi-contract abi-contract-update
abi-contract: $(ABI_CONTRACT_DIR)/checked

# A stamp, so an unchanged tree is not checked again.
$(ABI_CONTRACT_DIR)/checked: $(ABI_CONTRACT_INPUTS) | $(DEPS_STAMP)
	@echo "  CHECK   program ABI contracts"
	@$(PYTHON) $(ABI_CONTRACT_TOOL) --work $(ABI_CONTRACT_DIR) check
	@touch $@

abi-contract-update: | $(DEPS_STAMP)
	@$(PYTHON) $(ABI_CONTRACT_TOOL) --work $(ABI_CONTRACT_DIR) update

all: abi-contract
