# User programs from bin/, built for every program ABI with tools/banos-cc
# into $(BUILD)/user/abi<p>/bin/ (objects in $(BUILD)/user/abi<p>/obj/bin/).
#
# USER_PROGRAMS names each program; <name>_SOURCES lists its sources and
# <name>_LINK its banos-cc link flags: programs are dynamically linked
# (ld-elf, libc.so.N) unless that says -static. The template user_program
# (program ABI, name) is also used by other lists of programs
# (mk/test-programs.mk).

USER_TOOLS := banos-install cat chmod chown clear cp date dmesg echo env false free grep head id kill ln ls mkdir mount mv ps pwd \
    rm rmdir sleep su tail test touch true uname uptime wc whoami
USER_PROGRAMS := init sh conformance conformance-dynamic $(USER_TOOLS)

init_SOURCES := bin/init/main.c bin/init/inittab.c
sh_SOURCES := $(addprefix bin/sh/,arena.c arith.c builtin_cd.c builtin_flow.c builtin_vars.c builtins.c exec.c \
    expand.c external.c functions.c glob.c jobs.c lexer.c main.c parser.c pattern.c redirect.c run.c scan.c util.c vars.c) \
    bin/lib/charclass.c bin/lib/echo.c bin/lib/signames.c bin/lib/testexpr.c
conformance_SOURCES := $(sort $(wildcard bin/tests/conformance/*.c))
# The suite twice: static, and dynamically linked (the matrix runs both).
conformance-dynamic_SOURCES := $(conformance_SOURCES)
# init stays static: the first process does not depend on /lib.
init_LINK := -static
conformance_LINK := -static
# The tools: one file each, plus the helpers in bin/tools/common.c.
TOOL_COMMON := bin/tools/common.c
cat_SOURCES := bin/tools/cat.c $(TOOL_COMMON)
chmod_SOURCES := bin/tools/chmod.c $(TOOL_COMMON)
chown_SOURCES := bin/tools/chown.c $(TOOL_COMMON)
clear_SOURCES := bin/tools/clear.c $(TOOL_COMMON)
cp_SOURCES := bin/tools/cp.c bin/tools/copy.c bin/tools/target.c $(TOOL_COMMON)
date_SOURCES := bin/tools/date.c $(TOOL_COMMON)
dmesg_SOURCES := bin/tools/dmesg.c $(TOOL_COMMON)
echo_SOURCES := bin/tools/echo.c bin/lib/echo.c $(TOOL_COMMON)
env_SOURCES := bin/tools/env.c $(TOOL_COMMON)
false_SOURCES := bin/tools/false.c
free_SOURCES := bin/tools/free.c $(TOOL_COMMON)
grep_SOURCES := bin/tools/grep.c bin/tools/tinyre.c bin/lib/charclass.c $(TOOL_COMMON)
head_SOURCES := bin/tools/head.c bin/tools/lines.c $(TOOL_COMMON)
id_SOURCES := bin/tools/id.c $(TOOL_COMMON)
kill_SOURCES := bin/tools/kill.c bin/lib/signames.c $(TOOL_COMMON)
ln_SOURCES := bin/tools/ln.c bin/tools/target.c $(TOOL_COMMON)
ls_SOURCES := bin/tools/ls.c $(TOOL_COMMON)
mkdir_SOURCES := bin/tools/mkdir.c $(TOOL_COMMON)
mv_SOURCES := bin/tools/mv.c bin/tools/copy.c bin/tools/target.c $(TOOL_COMMON)
ps_SOURCES := bin/tools/ps.c $(TOOL_COMMON)
pwd_SOURCES := bin/tools/pwd.c $(TOOL_COMMON)
rm_SOURCES := bin/tools/rm.c $(TOOL_COMMON)
rmdir_SOURCES := bin/tools/rmdir.c $(TOOL_COMMON)
sleep_SOURCES := bin/tools/sleep.c $(TOOL_COMMON)
su_SOURCES := bin/tools/su.c $(TOOL_COMMON)
tail_SOURCES := bin/tools/tail.c bin/tools/lines.c $(TOOL_COMMON)
test_SOURCES := bin/tools/test.c bin/lib/testexpr.c
touch_SOURCES := bin/tools/touch.c $(TOOL_COMMON)
true_SOURCES := bin/tools/true.c
uname_SOURCES := bin/tools/uname.c $(TOOL_COMMON)
uptime_SOURCES := bin/tools/uptime.c $(TOOL_COMMON)
wc_SOURCES := bin/tools/wc.c $(TOOL_COMMON)
whoami_SOURCES := bin/tools/whoami.c $(TOOL_COMMON)
banos-install_SOURCES := bin/tools/banos-install.c $(TOOL_COMMON)
mount_SOURCES := bin/tools/mount.c $(TOOL_COMMON)

# Files besides programs that belong in the image, as image-path=source
# pairs for tools/image/mkinitrd.py: init's table and the shell tests
# (run in the VM with: sh /share/tests/shell/run-all.sh).
# (bin/rootfs/etc/ also holds passwd, group and motd, installed by whoever
# wires bin/rootfs into the image.)
USER_SHELL_TESTS := $(sort $(wildcard bin/tests/shell/*.sh))
USER_IMAGE_FILES := /etc/inittab=bin/rootfs/etc/inittab /etc/profile=bin/rootfs/etc/profile \
    $(foreach test,$(USER_SHELL_TESTS),/share/tests/shell/$(notdir $(test))=$(test)) \
    /share/tests/modules/sample-modules.sh=bin/tests/modules/sample-modules.sh

USER_CFLAGS := -Wall -Wextra -Werror -Wundef -Wshadow
USER_FLAGS := $(call flags_file,$(BUILD)/user/.user-flags,$(USER_CFLAGS))

# The object of source $(2) for program ABI $(1).
user_objects = $(patsubst %.c,$(BUILD)/user/abi$(1)/obj/%.c.o,$(2))

# Every C file of bin/ compiles once per program ABI, whichever programs
# share it. $(1) = program ABI
define user_objects_rule
$(BUILD)/user/abi$(1)/obj/bin/%.c.o: bin/%.c $(BANOS_CC) $(USER_FLAGS) | $$(LIBC_GENERATED_$(1)) $(LIBC_ABI_COPIES)
	@mkdir -p $$(@D)
	@echo "  CC      $$< (program ABI $(1))"
	@$(LIBC_BANOS_CC) --abi=$(1) $(USER_CFLAGS) -c $$< -o $$@ -MMD -MP
endef

$(foreach abi,$(LIBC_ABIS),$(eval $(call user_objects_rule,$(abi))))

# $(1) = program ABI, $(2) = program name
define user_program
$(BUILD)/user/abi$(1)/bin/$(2): $$(call user_objects,$(1),$$($(2)_SOURCES)) $$(LIBC_RUNTIME_$(1)) $(BANOS_CC)
	@mkdir -p $$(@D)
	@echo "  PROGRAM $$@"
	@$(LIBC_BANOS_CC) --abi=$(1) $$($(2)_LINK) -o $$@ $$(call user_objects,$(1),$$($(2)_SOURCES))
-include $$(patsubst %.o,%.d,$$(call user_objects,$(1),$$($(2)_SOURCES)))
endef

$(foreach abi,$(LIBC_ABIS),$(foreach program,$(USER_PROGRAMS),$(eval $(call user_program,$(abi),$(program)))))

user_programs_for = $(foreach program,$(USER_PROGRAMS),$(BUILD)/user/abi$(1)/bin/$(program))
ALL_USER_PROGRAMS := $(foreach abi,$(LIBC_ABIS),$(call user_programs_for,$(abi)))

.PHONY: programs
programs: $(ALL_USER_PROGRAMS)
