#!/bin/sh
# Prints the name of this machine's benchmark thresholds folder (Benchmarks/Thresholds/<name>): the CPU vendor,
# family and model from /proc/cpuinfo, e.g. "amd-family25-model17" (an AMD EPYC Zen 4) or "amd-family23-model49"
# (Zen 2). Timings belong to a CPU: the same code runs 1.2-1.7x slower on the Zen 2 than on the Zen 4, so each
# keeps its own thresholds. On a system without /proc/cpuinfo it prints "unknown".
set -eu
info=/proc/cpuinfo
if [ ! -r "$info" ]; then echo unknown; exit 0; fi
field() { sed -n "s/^$1[[:space:]]*: *//p" "$info" | head -n 1; }
vendor=$(field vendor_id)
case "$vendor" in
    AuthenticAMD) vendor=amd ;;
    GenuineIntel) vendor=intel ;;
    "") vendor=$(uname -m) ;;
    *) vendor=$(printf '%s' "$vendor" | tr 'A-Z' 'a-z' | tr -cd 'a-z0-9') ;;
esac
family=$(field 'cpu family')
model=$(field model)
printf '%s-family%s-model%s\n' "$vendor" "${family:-0}" "${model:-0}"
