# The sample banos modules from the shell, as the superuser would use them
# (the GRUB-booted modules test runs this before /bin/module_test).
# syscount and rtcticks came from GRUB as module2 lines (and failing_timer,
# which refused); echodev, greeter, infofs and heartbeat are installed
# here, and infofs is mounted (module_test installs schedstat after its
# refusal suite). Exits non-zero at the first thing that does not work.
fail() {
    echo "FAIL modules.shell: $*"
    exit 1
}

grep -q '^syscount ' /proc/modules || fail "syscount is not installed from the boot loader"
test -e /dev/syscount || fail "no /dev/syscount"
if grep -q '^failing_timer ' /proc/modules; then fail "failing_timer, refused at boot, is listed"; fi

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

grep -q '^rtcticks ' /proc/modules || fail "rtcticks (its init sleeps) is not installed from the boot loader"
first=$(cat /dev/rtcticks)
second=$(cat /dev/rtcticks)
test "$first" -gt 0 && test "$second" -gt "$first" || fail "/dev/rtcticks read $first, then $second"

# heartbeat: a periodic kernel timer; "stop" cancels it, "once" arms it
# for one beat, "start" makes it periodic again.
banos-install /system/modules/heartbeat.ko || fail "banos-install heartbeat.ko"
first=$(cat /dev/heartbeat)
second=$(cat /dev/heartbeat)
test "$first" = "beat ${first#beat }" && test "$second" = "beat ${second#beat }" || fail "/dev/heartbeat read '$first', then '$second'"
test "${second#beat }" -gt "${first#beat }" || fail "/dev/heartbeat read '$first', then '$second'"
echo stop > /dev/heartbeat || fail "cannot write stop to /dev/heartbeat"
stopped=$(cat /dev/heartbeat)
beats=${stopped#stopped }
test "$stopped" = "stopped $beats" && test "$beats" -ge "${second#beat }" || fail "after stop /dev/heartbeat read '$stopped'"
sleep 0.5
test "$(cat /dev/heartbeat)" = "$stopped" || fail "the heart beat on after stop: '$(cat /dev/heartbeat)', was '$stopped'"
echo once > /dev/heartbeat || fail "cannot write once to /dev/heartbeat"
once=$(cat /dev/heartbeat)
test "$once" = "beat $((beats + 1))" || fail "after once /dev/heartbeat read '$once', was '$stopped'"
sleep 0.5
test "$(cat /dev/heartbeat)" = "stopped $((beats + 1))" || fail "the one-shot beat again: '$(cat /dev/heartbeat)'"
echo start > /dev/heartbeat || fail "cannot write start to /dev/heartbeat"
first=$(cat /dev/heartbeat)
second=$(cat /dev/heartbeat)
test "${first#beat }" -gt $((beats + 1)) && test "${second#beat }" -gt "${first#beat }" || fail "after start /dev/heartbeat read '$first', then '$second'"
if echo faster > /dev/heartbeat 2>/dev/null; then fail "/dev/heartbeat took an unknown command"; fi

if banos-install /system/modules/tests/needs_absent.ko 2>/tmp/install.err; then
    fail "a module needing an absent module installed"
fi
grep -q 'No such file' /tmp/install.err || fail "needs_absent: '$(cat /tmp/install.err)'"
rm -f /tmp/install.err
echo "PASS modules.shell"
