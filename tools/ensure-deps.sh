#!/bin/sh
# Finds the Debian packages the build and tests need; installs the missing
# ones when running as root, otherwise prints the command and stops.
set -eu

# linux-image-amd64: Debian's kernel, which `make bench` boots side by side
# with banos (/boot/vmlinuz-*).
PACKAGES="make g++ binutils nasm grub-pc-bin grub-common xorriso mtools qemu-system-x86 \
python3 libgtest-dev libbenchmark-dev gdb clang-14 libclang-rt-14-dev linux-image-amd64"

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done
[ -z "$missing" ] && exit 0

command="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" != 0 ]; then
    echo "banos: missing Debian packages:$missing" >&2
    echo "banos: run as root:  apt-get update && $command" >&2
    exit 1
fi
echo "banos: installing missing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
if ! $command; then
    apt-get update
    $command
fi
