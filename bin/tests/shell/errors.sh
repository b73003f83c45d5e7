# Error messages and exit statuses; sh -c and sh script.
case $0 in */*) . "${0%/*}/lib.sh" ;; *) . ./lib.sh ;; esac

msg=$(no-such-command-xyz 2>&1)
check_status notfound.status $? 127
check_match notfound.message "$msg" "^sh: .*no-such-command-xyz: command not found$"
msg=$("$T/missing-program" 2>&1)
check_status notfound.path-status $? 127
check_match notfound.path-message "$msg" "^sh: .*$T/missing-program: No such file or directory$"
echo 'echo hi' > "$T/noexec"
chmod 644 "$T/noexec"
if [ "$(id -u)" -ne 0 ]; then
    "$T/noexec" 2>/dev/null
    check_status noexec.status $? 126
fi
"$T" 2>/dev/null
check_status directory.status $? 126

check sh.c "$(sh -c 'echo from-c')" from-c
check sh.c-args "$(sh -c 'echo $0 $1 $2' name a b)" "name a b"
echo 'echo "script $1"; exit 3' > "$T/script.sh"
out=$(sh "$T/script.sh" arg)
check_status sh.script-status $? 3
check sh.script-output "$out" "script arg"
msg=$(sh "$T/no-script.sh" 2>&1)
check_status sh.script-missing-status $? 127
check sh.script-missing-message "$msg" "sh: cannot open $T/no-script.sh: No such file or directory"
echo 'echo ran' > "$T/plain"
chmod 755 "$T/plain"
check sh.script-without-shebang "$("$T/plain")" ran
sh -c 'if true; then' 2>/dev/null
check_status syntax.unterminated $? 2
msg=$(sh -c 'echo a; fi' 2>&1)
check_status syntax.unexpected $? 2
check syntax.message "$msg" "sh: syntax error: unexpected \`fi'"
echo 'echo before
fi
echo after' > "$T/bad.sh"
out=$(sh "$T/bad.sh" 2>/dev/null)
check_status syntax.script-status $? 2
check syntax.script-stops "$out" before
check stdin-script "$(echo 'echo from stdin' | sh)" "from stdin"
check sh.errexit "$(sh -e -c 'echo a; false; echo b')" a
finish
