# The sample banos modules from the shell, as the superuser would use them
# (the GRUB-booted modules test runs this before /bin/module_test).
# syscount came from GRUB as a module2 line; echodev and greeter are
# installed here. Exits non-zero at the first thing that does not work.
fail() {
    echo "FAIL modules.shell: $*"
    exit 1
}

grep -q '^syscount ' /proc/modules || fail "syscount is not installed from the boot loader"
test -e /dev/syscount || fail "no /dev/syscount"

banos-install /system/modules/echodev.ko || fail "banos-install echodev.ko"
echo hello module > /dev/echo || fail "cannot write /dev/echo"
test "$(cat /dev/echo)" = "hello module" || fail "/dev/echo reads '$(cat /dev/echo)'"

banos-install /system/modules/greeter.ko || fail "banos-install greeter.ko"
grep -q 'greetings from the greeter module' /dev/echo || fail "greeter's line is not in /dev/echo"
grep -q '^greeter 1.0 ' /proc/modules || fail "greeter is not in /proc/modules"

grep -q '^read ' /dev/syscount || fail "/dev/syscount counts no reads"
grep -q '^write ' /dev/syscount || fail "/dev/syscount counts no writes"

if banos-install /system/modules/tests/needs_absent.ko 2>/tmp/install.err; then
    fail "a module needing an absent module installed"
fi
grep -q 'No such file' /tmp/install.err || fail "needs_absent: '$(cat /tmp/install.err)'"
rm -f /tmp/install.err
echo "PASS modules.shell"
