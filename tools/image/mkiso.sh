#!/bin/sh
# Makes a GRUB2 rescue ISO that boots KERNEL with multiboot2.
#   mkiso.sh OUT.iso KERNEL "COMMAND LINE" [MODULE[:NAME]...]
# Modules are added as module2 lines, each with its name (by default its
# file name) as its command line. GRUB and the kernel both talk on the serial console.
set -eu
out=$1
kernel=$2
cmdline=$3
shift 3

root=$(mktemp -d "${out}.root.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/boot/grub"
cp "$kernel" "$root/boot/banos"
{
    echo "serial --unit=0 --speed=115200"
    echo "terminal_input serial console"
    echo "terminal_output serial console"
    echo "set timeout=0"
    echo "set default=0"
    echo "menuentry \"banos\" {"
    echo "    multiboot2 /boot/banos $cmdline"
    for spec in "$@"; do
        module=${spec%%:*}
        name=$(basename "$module")
        [ "$spec" = "$module" ] || name=${spec#*:}
        cp "$module" "$root/boot/$name"
        echo "    module2 /boot/$name $name"
    done
    echo "    boot"
    echo "}"
} > "$root/boot/grub/grub.cfg"
grub-mkrescue -o "$out" "$root" 2>"$out.log" || { cat "$out.log" >&2; exit 1; }
rm -f "$out.log"
