# Pipelines and their exit statuses.
case $0 in */*) . "${0%/*}/lib.sh" ;; *) . ./lib.sh ;; esac

check pipe.two "$(echo hello | cat)" hello
check pipe.three "$(echo hello | cat | cat)" hello
check pipe.grep-wc "$(printf_lines() { echo apple; echo banana; echo cherry; }; printf_lines | grep an | wc -l)" 1
echo x | false
check_status pipe.status-last $? 1
false | true
check_status pipe.status-last-true $? 0
! echo x | false
check_status pipe.bang $? 0
check pipe.builtin-in-pipe "$(echo a b | { read p q; echo "$q$p"; })" ba
check pipe.while-read "$(echo '1
2
3' | while read n; do echo "n$n"; done | tail -n 1)" n3
check pipe.long "$(echo abc | cat | cat | cat | cat | cat | wc -c)" 4
mkdir "$T/d" && : > "$T/d/sh" && : > "$T/d/bash" && : > "$T/d/ls"
check pipe.ls-grep-wc "$(ls "$T/d" | grep sh | wc -l)" 2
check pipe.stderr-not-piped "$(ls /nonexistent-dir 2>/dev/null | wc -l)" 0
check pipe.stderr-piped "$(ls /nonexistent-dir 2>&1 | grep -c nonexistent)" 1
finish
