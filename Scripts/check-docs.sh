#!/usr/bin/env bash
# Builds the DocC documentation of every library target and fails on any DocC warning or any public declaration
# without a doc comment. Run by `make docs` (and so by `make test`).
#
# 1. Scripts/docs/sync-guides.py copies Guides/*.md into the umbrella catalog (Sources/Inflow/Inflow.docc/Guides/)
#    as articles and the README sample (Examples/readme-sample/main.swift, which the tests build and run) into
#    GettingStarted.md, so the built documentation always has the current guides and a sample that compiles.
# 2. swift-docc-plugin builds every library target's documentation in one combined run
#    (--enable-experimental-combined-documentation: each target is converted with its dependencies' archives, so a
#    link such as ``/InflowCore/InflowSeries`` resolves across modules, and the umbrella module `Inflow`, whose
#    symbol graph is empty because @_exported imports do not re-export symbols into it, links every module's pages
#    from its catalog). docc runs with --warnings-as-errors, and the log is also searched for `warning:`/`error:`
#    lines, so an unresolved link, a missing or misnamed parameter or a broken article fails the script.
# 3. Scripts/docs/check-doc-comments.py reads the symbol graphs the plugin extracted (the compiler's list of public
#    symbols with their doc comments: exactly what DocC documents) and fails on each public declaration without a
#    doc comment, with file:line. Compiler-synthesised members (Equatable, Codable, ...) and extension blocks do not
#    count. This is more robust than docc's --experimental-documentation-coverage, whose output format is
#    experimental and which does not fail the build.
#
# Environment: DOCS_SCRATCH_PATH (default .build-docs) is the build folder, SWIFT the swift executable,
# DOCS_LIST_ALL=1 lists every warning instead of stopping at the first target with one.
# Measured on the 2-core machine (`time make docs` in a fresh export of the repository): 1 min 59 s from a clean
# scratch path (checkouts, a debug build of the library targets, symbol graphs, 13 docc conversions), 46 s again with
# nothing changed. The combined archive is left in $DOCS_SCRATCH_PATH/plugins/Swift-DocC/outputs/Inflow.doccarchive.
set -euo pipefail
cd "$(dirname "$0")/.."
swift=${SWIFT:-swift}
scratch=${DOCS_SCRATCH_PATH:-.build-docs}
targets=(InflowCore InflowLinearAlgebra InflowStatistics InflowFitting InflowModels InflowProjection InflowHierarchy
         InflowData InflowProvinces InflowAnalysis InflowArchive InflowReport Inflow)

python3 Scripts/docs/sync-guides.py

# Symbol graphs of an earlier run (or of the package under another folder name) must not be checked.
rm -rf "$scratch"/*/extracted-symbols

# One parallel debug build of every library target first: the plugin then builds them one at a time, and finds
# them built (it halves a cold run on two cores).
"$swift" build --scratch-path "$scratch" --target Inflow -q

arguments=()
for target in "${targets[@]}"; do arguments+=(--target "$target"); done
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# docc stops at the first target with an error; DOCS_LIST_ALL=1 converts every target and lists every warning (the
# script still fails on them).
strict=(--warnings-as-errors)
[ "${DOCS_LIST_ALL:-0}" = 1 ] && strict=()
"$swift" package --scratch-path "$scratch" generate-documentation --enable-experimental-combined-documentation \
    "${strict[@]}" "${arguments[@]}" >"$log" 2>&1 || status=$?
diagnostics=$(grep -E '^(warning|error):' "$log" || true)
if [ "$status" -ne 0 ] || [ -n "$diagnostics" ]; then
    grep -v -E '^\[[0-9]+/[0-9]+\] ' "$log" >&2
    echo "check-docs: the documentation build failed (exit $status) or reported $(printf '%s\n' "$diagnostics" | grep -c . ) diagnostic(s)" >&2
    exit 1
fi

graphs=()
for target in "${targets[@]}"; do
    [ "$target" = Inflow ] && continue
    directory=$(find "$scratch" -path "*/extracted-symbols/*/$target" -type d | head -n 1)
    [ -n "$directory" ] || { echo "check-docs: no symbol graph for $target under $scratch" >&2; exit 1; }
    graphs+=("$directory")
done
python3 Scripts/docs/check-doc-comments.py "${graphs[@]}"
echo "check-docs: documentation of ${#targets[@]} targets built with no warnings: $(find "$scratch/plugins/Swift-DocC/outputs" -maxdepth 1 -name '*.doccarchive' | head -n 1)"
