# Runs every shell test script in this directory with the shell found as
# `sh` in PATH (or $SH), printing their PASS / FAIL lines and a summary.
#   sh /share/tests/shell/run-all.sh          (in banos)
#   PATH=build-dir:$PATH sh bin/tests/shell/run-all.sh   (on a host)

case $0 in
*/*) dir=${0%/*} ;;
*) dir=. ;;
esac
shell=${SH:-sh}
passed=0
failed=0
for test in "$dir"/*.sh; do
    name=${test##*/}
    case $name in
    run-all.sh | lib.sh) continue ;;
    esac
    out=$($shell "$test")
    status=$?
    if [ -n "$out" ]; then
        echo "$out"
    fi
    if [ $status -ne 0 ]; then
        echo "FAIL shell.${name%.sh}: the script exited with status $status"
        failed=$((failed + 1))
    fi
    p=$(echo "$out" | grep -c '^PASS ')
    f=$(echo "$out" | grep -c '^FAIL ')
    passed=$((passed + p))
    failed=$((failed + f))
done
echo "shell tests: $passed passed, $failed failed"
[ $failed -eq 0 ]
