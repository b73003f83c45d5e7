# Words, quoting, variables and expansions.
case $0 in */*) . "${0%/*}/lib.sh" ;; *) . ./lib.sh ;; esac

x=hello
check var.plain "$x" hello
check var.braces "${x}world" helloworld
check quote.single '$x "in" \n' '$x "in" \n'
check quote.double "x is $x" "x is hello"
check quote.backslash \$x\ y '$x y'
check quote.mixed "a"'b'c"$x" abchello
check quote.dollar-in-double "\$x \"q\" \\" '$x "q" \'
y="a   b"
check split.unquoted "$(echo $y)" "a b"
check split.quoted "$(echo "$y")" "a   b"
set -- one "two words" three
check params.count $# 3
check params.at "$(for a in "$@"; do echo "[$a]"; done)" "[one]
[two words]
[three]"
check params.star "$*" "one two words three"
check params.second "$2" "two words"
shift
check params.shift "$1" "two words"
check special.pid "$$" "$$"
test "$$" -gt 0 && echo "PASS shell.special.pid-number" || echo "FAIL shell.special.pid-number: $$"
false
check special.status-false "$?" 1
true
check special.status-true "$?" 0
check default.unset "${nosuch:-dflt}" dflt
check default.set "${x:-dflt}" hello
: ${assigned:=value}
check default.assign "$assigned" value
check alternate "${x:+alt}" alt
check length "${#x}" 5
path=/usr/lib/libc.so.6
check strip.longest-prefix "${path##*/}" libc.so.6
check strip.shortest-suffix "${path%/*}" /usr/lib
check strip.longest-suffix "${path%%.*}" /usr/lib/libc
check arith.basic "$((2 + 3 * 4))" 14
check arith.parens "$(( (2 + 3) * 4 ))" 20
n=5
check arith.vars "$((n * 2 - 1))" 9
check arith.compare "$((n > 3))" 1
check cmdsubst.dollar "$(echo inner)" inner
check cmdsubst.backquote "`echo back`" back
check cmdsubst.nested "$(echo "a $(echo b)")" "a b"
check cmdsubst.trailing-newlines "$(echo x; echo; echo)" x
check tilde "$(HOME=/home/u; echo ~/f)" /home/u/f
check comment "$(echo a # not printed)" a
check continuation "$(echo a \
b)" "a b"
mkdir "$T/g" && : > "$T/g/a1" && : > "$T/g/a2" && : > "$T/g/b1"
check glob.star "$(echo $T/g/a*)" "$T/g/a1 $T/g/a2"
check glob.question "$(cd $T/g && echo ?1)" "a1 b1"
check glob.nomatch "$(echo $T/g/z*)" "$T/g/z*"
check glob.quoted "$(echo "$T/g/a*")" "$T/g/a*"
check heredoc.expand "$(cat <<END
x=$x
END
)" "x=hello"
check heredoc.quoted "$(cat <<'END'
x=$x
END
)" 'x=$x'
finish
