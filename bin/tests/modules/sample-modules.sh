# The sample banos modules from the shell, as the superuser would use them
# (the GRUB-booted modules test runs this before /bin/module_test).
# syscount came from GRUB as a module2 line; echodev, greeter, infofs and
# rtcticks are installed here, and infofs is mounted. Exits non-zero at the first thing that does not work.
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

banos-install /system/modules/infofs.ko || fail "banos-install infofs.ko"
mkdir /tmp/info || fail "mkdir /tmp/info"
mount -t infofs none /tmp/info || fail "mount -t infofs"
test "$(ls /tmp/info | wc -l)" -eq 3 || fail "/tmp/info lists '$(ls /tmp/info)'"
test "$(cat /tmp/info/hello)" = "hello from infofs" || fail "/tmp/info/hello reads '$(cat /tmp/info/hello)'"
test "$(cat /tmp/info/mount)" = 1 || fail "/tmp/info/mount reads '$(cat /tmp/info/mount)'"
test "$(cat /tmp/info/uptime)" -gt 0 || fail "/tmp/info/uptime reads '$(cat /tmp/info/uptime)'"
if echo x > /tmp/info/hello 2>/dev/null; then fail "infofs took a write"; fi
mkdir /tmp/info2 && mount -t infofs none /tmp/info2 || fail "a second infofs mount"
test "$(cat /tmp/info2/mount)" = 2 || fail "/tmp/info2/mount reads '$(cat /tmp/info2/mount)'"
if mount -t no-such-fs none /tmp/info2 2>/tmp/mount.err; then fail "mounted an unknown type"; fi
grep -q 'No such device' /tmp/mount.err || fail "unknown type: '$(cat /tmp/mount.err)'"
rm -f /tmp/mount.err

banos-install /system/modules/rtcticks.ko || fail "banos-install rtcticks.ko"
first=$(cat /dev/rtcticks)
second=$(cat /dev/rtcticks)
test "$first" -gt 0 && test "$second" -gt "$first" || fail "/dev/rtcticks read $first, then $second"

if banos-install /system/modules/tests/needs_absent.ko 2>/tmp/install.err; then
    fail "a module needing an absent module installed"
fi
grep -q 'No such file' /tmp/install.err || fail "needs_absent: '$(cat /tmp/install.err)'"
rm -f /tmp/install.err
echo "PASS modules.shell"
