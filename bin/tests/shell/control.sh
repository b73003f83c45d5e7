# if / elif / else, while, until, for, case, && || !, break, continue,
# functions.
case $0 in */*) . "${0%/*}/lib.sh" ;; *) . ./lib.sh ;; esac

if true; then r=then; else r=else; fi
check if.then "$r" then
if false; then r=then; elif true; then r=elif; else r=else; fi
check if.elif "$r" elif
if false; then r=then; else r=else; fi
check if.else "$r" else
if false; then :; fi
check_status if.no-branch-status $? 0
if [ 1 -eq 1 ] && [ 2 -gt 1 ]; then r=yes; else r=no; fi
check if.and-condition "$r" yes

i=0
out=
while [ $i -lt 4 ]; do
    out="$out$i"
    i=$((i + 1))
done
check while.count "$out" 0123
i=0
until [ $i -ge 3 ]; do i=$((i + 1)); done
check until.count "$i" 3
out=
for w in a b c; do out="$out$w"; done
check for.words "$out" abc
set -- x y
out=
for w; do out="$out$w"; done
check for.positional "$out" xy
out=
for i in 1 2 3 4 5; do
    if [ $i = 2 ]; then continue; fi
    if [ $i = 4 ]; then break; fi
    out="$out$i"
done
check loop.break-continue "$out" 13
out=
for i in 1 2; do for j in a b; do out="$out$i$j"; break 2; done; done
check loop.break-2 "$out" 1a

true && r=1 || r=2
check andor.and "$r" 1
false && r=1 || r=2
check andor.or "$r" 2
! false
check_status bang.false $? 0
! true
check_status bang.true $? 1
false || false || true
check_status or.chain $? 0

classify() {
    case $1 in
    *.c | *.h) echo source ;;
    [0-9]*) echo number ;;
    "") echo empty ;;
    *) echo other ;;
    esac
}
check case.alternatives "$(classify main.c)" source
check case.bracket "$(classify 42x)" number
check case.empty "$(classify '')" empty
check case.default "$(classify zzz)" other

add() { echo $(($1 + $2)); }
check function.args "$(add 2 3)" 5
early() {
    return 3
    echo not reached
}
early
check_status function.return $? 3
count_args() { echo $#; }
check function.argc "$(count_args a 'b c' d)" 3
set -- outer
f() { :; }
f inner
check function.restores-params "$1" outer
g() { local_var=set; }
g
check function.shares-variables "$local_var" set
check subshell.isolated "$(v=1; (v=2); echo $v)" 1
check group.same-shell "$(v=1; { v=2; }; echo $v)" 2
finish
