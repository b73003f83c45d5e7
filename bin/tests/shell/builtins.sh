# Builtins: cd, pwd, export, unset, temporary assignments, echo, test / [,
# read, set, exit, eval, ., type.
case $0 in */*) . "${0%/*}/lib.sh" ;; *) . ./lib.sh ;; esac

mkdir "$T/dir"
cd "$T/dir"
check cd.pwd "$(pwd)" "$T/dir"
check cd.PWD "$PWD" "$T/dir"
cd ..
check cd.dotdot "$(pwd)" "$T"
check cd.home "$(HOME=$T/dir; cd; pwd)" "$T/dir"
check cd.dash "$(cd /; cd "$T" >/dev/null; cd - >/dev/null; pwd)" /
msg=$(cd "$T/nonexistent" 2>&1)
check_status cd.fails $? 1
check_match cd.message "$msg" "^sh: .*cd: $T/nonexistent: No such file or directory$"
cd "$T"

export EXPORTED=yes
check export.env "$(env | grep '^EXPORTED=')" EXPORTED=yes
notexported=no
check export.not-exported "$(env | grep -c '^notexported=')" 0
export notexported
check export.later "$(env | grep '^notexported=')" notexported=no
check assign.temporary "$(TEMPVAR=tmp env | grep '^TEMPVAR=')" TEMPVAR=tmp
check assign.temporary-gone "${TEMPVAR:-unset}" unset
unset EXPORTED
check unset.var "${EXPORTED:-gone}" gone
check unset.env "$(env | grep -c '^EXPORTED=')" 0

check echo.plain "$(echo a  b)" "a b"
check echo.n "$(echo -n x; echo y)" xy
check echo.e "$(echo -e 'a\tb')" "a	b"
check echo.dash "$(echo -- -x)" "-- -x"

t() { if "$@"; then echo 0; else echo 1; fi; }
check test.e "$(t test -e "$T/dir")" 0
check test.e-missing "$(t test -e "$T/nothing")" 1
: > "$T/file"
check test.f "$(t test -f "$T/file")" 0
check test.f-dir "$(t test -f "$T/dir")" 1
check test.d "$(t test -d "$T/dir")" 0
check test.z "$(t test -z '')" 0
check test.n "$(t test -n 'x')" 0
check test.eq "$(t test 3 -eq 3)" 0
check test.ne "$(t test 3 -ne 3)" 1
check test.lt "$(t test 2 -lt 3)" 0
check test.le "$(t test 3 -le 3)" 0
check test.gt "$(t test 2 -gt 3)" 1
check test.ge "$(t test 3 -ge 4)" 1
check test.streq "$(t test abc = abc)" 0
check test.strne "$(t test abc != abc)" 1
check test.not "$(t test ! -e "$T/nothing")" 0
check test.and-or "$(t test -d "$T" -a -f "$T/file" -o -z x)" 0
check bracket.ok "$(t [ 1 = 1 ])" 0
check bracket.fail "$(t [ 1 = 2 ])" 1
[ 1 -eq x ] 2>/dev/null
check_status test.bad-number $? 2

echo "a b c" > "$T/line"
read first rest < "$T/line"
check read.split "$first/$rest" "a/b c"
read whole < "$T/line"
check read.one "$whole" "a b c"
read none < /dev/null
check_status read.eof $? 1
set -- p q r
check set.positional "$2" q
set --
check set.clear $# 0
check exit.status "$(sh -c 'exit 42'; echo $?)" 42
check exit.last-status "$(sh -c 'false; exit'; echo $?)" 1
check exit.subshell "$( (exit 5); echo $?)" 5
eval 'ev=evaluated'
check eval "$ev" evaluated
echo 'sourced=yes' > "$T/inc.sh"
. "$T/inc.sh"
check dot "$sourced" yes
check type.builtin "$(type cd)" "cd is a shell builtin"
check true-false "$(true; a=$?; false; echo $a$?)" 01
check colon "$(:; echo $?)" 0
finish
