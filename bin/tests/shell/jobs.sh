# Background commands, $!, wait.
case $0 in */*) . "${0%/*}/lib.sh" ;; *) . ./lib.sh ;; esac

sleep 0.2 &
pid=$!
test "$pid" -gt 0 && echo "PASS shell.bg.pid" || echo "FAIL shell.bg.pid: '$pid'"
wait $pid
check_status bg.wait-pid $? 0
(exit 7) &
wait $!
check_status bg.wait-status $? 7
echo one > "$T/a" &
echo two > "$T/b" &
wait
check bg.wait-all "$(cat "$T/a" "$T/b")" "one
two"
sleep 5 &
victim=$!
kill $victim
wait $victim
check_status bg.killed-term $? 143
sleep 5 &
victim=$!
kill -9 $victim
wait $victim
check_status bg.killed-kill $? 137
sleep 5 &
victim=$!
kill -s HUP $victim
wait $victim
check_status bg.killed-hup $? 129
{ sleep 0.1; echo done > "$T/c"; } &
wait
check bg.compound "$(cat "$T/c")" done
echo x | cat > "$T/p" &
wait $!
check bg.pipeline "$(cat "$T/p")" x
wait 99999 2>/dev/null
check_status bg.wait-unknown $? 127
finish
