# Helpers sourced by every shell test (not a test itself).
#   check NAME ACTUAL EXPECTED      PASS shell.NAME if they are equal
#   check_status NAME STATUS WANT   the same for exit statuses
#   check_match NAME TEXT PATTERN   PASS if TEXT matches the grep PATTERN
# Each test works in its own scratch directory $T, removed by finish.

T=${TMPDIR:-/tmp}/shtest.$$
rm -rf "$T"
mkdir -p "$T" || { echo "FAIL shell.setup: cannot create $T"; exit 1; }
umask 022

check() {
    if [ "$2" = "$3" ]; then
        echo "PASS shell.$1"
    else
        echo "FAIL shell.$1: expected '$3', got '$2'"
    fi
}

check_status() {
    if [ "$2" -eq "$3" ]; then
        echo "PASS shell.$1"
    else
        echo "FAIL shell.$1: exit status $2, expected $3"
    fi
}

check_match() {
    if echo "$2" | grep -q -- "$3"; then
        echo "PASS shell.$1"
    else
        echo "FAIL shell.$1: '$2' does not match '$3'"
    fi
}

finish() {
    cd /
    rm -rf "$T"
    exit 0
}
