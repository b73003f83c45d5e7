# The tools in /bin: ls, mkdir, rm, mv, cp, ln, touch, cat, wc, grep,
# head, tail, env, id, chmod, uname, date, kill, sleep, true, false, ps.
case $0 in */*) . "${0%/*}/lib.sh" ;; *) . ./lib.sh ;; esac
cd "$T"

echo hello > f
check ls.plain "$(ls)" f
check_match ls.long "$(ls -l f)" '^-rw-r--r-- 1 [a-z0-9_]* [a-z0-9_]* *6 [A-Z][a-z][a-z] [ 1-3][0-9] [0-9 ][0-9][:0-9][0-9][0-9] f$'
mkdir sub
check_match ls.long-dir "$(ls -ld sub)" '^drwxr-xr-x [ 0-9]* [a-z0-9_]* [a-z0-9_]* *[0-9]* .* sub$'
: > .hidden
check ls.hidden "$(ls | grep -c hidden)" 0
check ls.all "$(ls -a | grep -c hidden)" 1
: > b
: > a
check ls.sorted "$(ls -1)" "a
b
f
sub"
check_status ls.missing "$(ls nothing 2>/dev/null; echo $?)" 1
check ls.missing-message "$(ls nothing 2>&1)" "ls: nothing: No such file or directory"

mkdir -p deep/er/est
check mkdir.p "$(ls deep/er)" est
mkdir -p deep/er
check_status mkdir.p-exists $? 0
mkdir sub 2>/dev/null
check_status mkdir.exists $? 1
check mkdir.message "$(mkdir sub 2>&1)" "mkdir: sub: File exists"
rmdir deep/er/est
check rmdir "$(ls deep/er | wc -l)" 0
rm -r deep
check rm.r "$(ls | grep -c deep)" 0
rm a
check rm.file "$(ls | grep -c '^a$')" 0
rm nothing 2>/dev/null
check_status rm.missing $? 1
rm -f nothing
check_status rm.f-missing $? 0
rm sub 2>/dev/null
check_status rm.dir-without-r $? 1

mv f g
check mv.rename "$(cat g)" hello
check mv.source-gone "$(ls | grep -c '^f$')" 0
mkdir into
mv g into
check mv.into-dir "$(cat into/g)" hello
cp into/g copy
check cp.file "$(cat copy)" hello
cp -r into into2
check cp.r "$(cat into2/g)" hello
cp into 2>/dev/null copy2
check_status cp.dir-without-r $? 1
ln copy hard
check ln.content "$(cat hard)" hello
check_match ln.link-count "$(ls -l copy)" '^-rw-r--r-- 2 '
touch new
check touch.creates "$(ls | grep -c '^new$')" 1
check touch.empty "$(wc -c < new)" 0

printf_abc() { echo "a b c"; echo "d e"; echo; echo "f"; }
printf_abc > text
check wc.all "$(wc text)" "      4       6      13 text"
check wc.l "$(wc -l < text)" 4
check wc.w "$(wc -w < text)" 6
check wc.c "$(wc -c < text)" 13
check cat.files "$(cat copy hard)" "hello
hello"
check cat.stdin "$(echo piped | cat)" piped
check cat.dash "$(echo piped | cat copy -)" "hello
piped"
check_status cat.missing "$(cat nothing 2>/dev/null; echo $?)" 1

echo 'apple
banana
Cherry
date' > fruit
check grep.fixed "$(grep an fruit)" banana
check grep.v "$(grep -v a fruit)" Cherry
check grep.c "$(grep -c a fruit)" 3
check grep.n "$(grep -n date fruit)" 4:date
check grep.i "$(grep -i cherry fruit)" Cherry
check grep.regex "$(grep '^[a-c].*e$' fruit)" apple
check grep.star "$(grep 'ban*a' fruit)" banana
check grep.F "$(echo 'a.c abc' | grep -F -c 'a.c')" 1
grep zzz fruit
check_status grep.nomatch $? 1
grep x nothing 2>/dev/null
check_status grep.error $? 2
check head.n "$(head -n 2 fruit)" "apple
banana"
check head.default "$(head fruit | wc -l)" 4
check tail.n "$(tail -n 1 fruit)" date

check env.set "$(env FOO=bar env | grep '^FOO=')" FOO=bar
check env.i "$(env -i ONLY=1 env)" ONLY=1
check_match id.format "$(id)" '^uid=[0-9][0-9]*([a-z0-9_]*) gid=[0-9][0-9]*([a-z0-9_]*)'
check_match id.u "$(id -u)" '^[0-9][0-9]*$'
check whoami "$(whoami)" "$(id -un)"
chmod 700 copy
check_match chmod.octal "$(ls -l copy)" '^-rwx------ '
chmod go+r copy
check_match chmod.symbolic "$(ls -l copy)" '^-rwxr--r-- '
check_match uname "$(uname)" '^[A-Za-z]'
check_match uname.a "$(uname -a)" '^[A-Za-z][^ ]* [^ ]* [^ ]*'
check_match date "$(date)" '^[A-Z][a-z][a-z] [A-Z][a-z][a-z] [ 1-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9] UTC [0-9][0-9]*$'
check_match date.format "$(date +%Y)" '^[0-9][0-9][0-9][0-9]$'
true
check_status true $? 0
false
check_status false $? 1
sleep 0.1
check_status sleep $? 0
sleep 10 &
victim=$!
kill $victim
wait $victim
check_status kill.term $? 143
kill -l 2>&1 | grep -q KILL
check_status kill.l $? 0
check_match ps.header "$(ps | head -n 1)" 'PID *PPID *USER *STAT *COMMAND'
check_match ps.self "$(ps)" "^ *$$ "
finish
