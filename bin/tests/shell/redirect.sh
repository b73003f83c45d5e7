# Redirections: < > >> 2>&1 n>&m n<file, here-documents, errors.
case $0 in */*) . "${0%/*}/lib.sh" ;; *) . ./lib.sh ;; esac

echo first > "$T/f"
check redirect.out "$(cat "$T/f")" first
echo second > "$T/f"
check redirect.truncate "$(cat "$T/f")" second
echo third >> "$T/f"
check redirect.append "$(cat "$T/f")" "second
third"
check redirect.in "$(wc -l < "$T/f")" 2
ls /nonexistent-dir > "$T/out" 2> "$T/err"
check redirect.stderr-file "$(grep -c nonexistent "$T/err")" 1
check redirect.stdout-empty "$(wc -c < "$T/out")" 0
ls /nonexistent-dir > "$T/both" 2>&1
check redirect.2to1 "$(grep -c nonexistent "$T/both")" 1
{ echo to-stderr 1>&2 2> "$T/e2"; } 2>/dev/null
check redirect.order "$(cat "$T/e2")" ""
{ echo out; echo err 1>&2; } > "$T/g" 2>&1
check redirect.group "$(cat "$T/g")" "out
err"
exec 3> "$T/fd3"
echo via3 >&3
exec 3>&-
check redirect.exec-fd "$(cat "$T/fd3")" via3
echo line > "$T/in4"
check redirect.n-less "$(cat 4< "$T/in4" <&4)" line
while read l; do last=$l; done < "$T/f"
check redirect.loop-input "$last" third
for i in 1 2; do echo "l$i"; done > "$T/loop"
check redirect.loop-output "$(cat "$T/loop")" "l1
l2"
cat > "$T/h" <<EOF2
a $((1 + 1))
	tab
EOF2
check redirect.heredoc "$(cat "$T/h")" "a 2
	tab"
cat > "$T/h2" <<-EOF2
	stripped
	EOF2
check redirect.heredoc-strip "$(cat "$T/h2")" stripped
msg=$({ cat < "$T/missing"; } 2>&1)
check_match redirect.missing-message "$msg" "^sh: .*cannot open $T/missing: No such file or directory$"
{ cat < "$T/missing"; } 2>/dev/null
check_status redirect.missing-status $? 1
{ echo x > "$T/nodir/file"; } 2>/dev/null
check_status redirect.create-fails $? 1
echo kept > "$T/keep"
true < "$T/keep" > /dev/null
check redirect.builtin-restores "$(echo still-stdout)" still-stdout
: > "$T/empty"
check redirect.colon-truncates "$(wc -c < "$T/empty")" 0
finish
