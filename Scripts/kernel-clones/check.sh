#!/bin/sh
# Checks the claim of Sources/CInflowKernels/Dispatch.h: the kernels compute the same bits at every
# x86-64 level. Builds them once per level without the run-time dispatch (baseline x86-64, v3 = AVX2
# and FMA, v4 = AVX-512), runs the same harness on each (levels this CPU lacks are skipped) and
# compares the result files byte for byte. Exit 0 when all agree. Used by `make test`.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
kernels="$root/Sources/CInflowKernels"
clang=${CLANG:-$(dirname "$(command -v swift)")/clang}
[ -x "$clang" ] || clang=clang
if [ "$(uname -m)" != x86_64 ]; then echo "kernel clones: not an x86-64 machine, nothing to compare"; exit 0; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=$(grep -m1 '^flags' /proc/cpuinfo)
levels="x86-64"
has() { for flag in "$@"; do case "$flags " in *" $flag "*) ;; *) return 1;; esac; done; }
if has avx2 fma bmi2 movbe; then levels="$levels x86-64-v3"; fi
if has avx512f avx512bw avx512cd avx512dq avx512vl; then levels="$levels x86-64-v4"; fi
for level in $levels; do
    mkdir -p "$work/$level"
    for source in "$kernels"/*.c; do
        # -U__ELF__ turns off the target_clones attribute (Dispatch.h): one build for this level only.
        "$clang" -O3 -march="$level" -U__ELF__ -Wno-builtin-macro-redefined -I"$kernels/include" -I"$kernels" \
            -c "$source" -o "$work/$level/$(basename "$source" .c).o"
    done
    "$clang" -O2 -I"$kernels/include" "$root/Scripts/kernel-clones/harness.c" "$work/$level"/*.o -lm -o "$work/$level/harness"
    "$work/$level/harness" "$work/$level.bin"
done
reference=""
for level in $levels; do
    if [ -z "$reference" ]; then reference=$level; continue; fi
    if ! cmp -s "$work/$reference.bin" "$work/$level.bin"; then
        echo "kernel clones: $level differs from $reference"; exit 1
    fi
done
echo "kernel clones: identical results at $(echo $levels | tr ' ' ',')"
