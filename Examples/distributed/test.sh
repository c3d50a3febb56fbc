#!/usr/bin/env bash
# The scale-out recipe, tested for real (run by `make test`, after the release build):
#   1. 10,000 synthetic keyed series (make_series.py), grouped by key;
#   2. one process: inflow project --shard 1/1 over the whole file;
#   3. Dask distributed: a LocalCluster with 2 workers, 8 partitions piped through the binary (run_dask.py);
#   4. the merged hub table must equal the single-process one byte for byte;
#   5. a malformed partition must fail its task with the binary's file:line:column message, name the partition,
#      exit non-zero and write no table.
# Dask and distributed (pinned in requirements.txt) go into a project-local virtual environment, .venv-distributed.
# SERIES=... overrides the number of series (e.g. SERIES=1000 for a quick look).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
inflow="$root/.build/release/inflow"
series=${SERIES:-10000}
[ -x "$inflow" ] || { echo "test.sh: build the release binary first (swift build -c release)" >&2; exit 2; }

venv="$root/.venv-distributed"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import dask, distributed" 2>/dev/null; then
    if ! python3 -c "import ensurepip" 2>/dev/null; then   # Debian's python3 needs python3-venv for venvs
        sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
        $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv
    fi
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r Examples/distributed/requirements.txt
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Examples/distributed/make_series.py "$series" 20 7 > "$work/series.csv"
arguments=(--curve logistic --bootstrap 200 --ensemble none --horizon 2 --threads 1 --seed 11)

start=$(date +%s%N)
OPENBLAS_NUM_THREADS=1 "$inflow" project --data "$work/series.csv" --key-column site --shard 1/1 --format csv --quiet \
    "${arguments[@]}" > "$work/single.csv"
single=$(( ($(date +%s%N) - start) / 1000000 ))

start=$(date +%s%N)
"$venv/bin/python" Examples/distributed/run_dask.py --inflow "$inflow" --input "$work/series.csv" --key-column site \
    --partitions 8 --workers 2 --output "$work/merged.csv" -- "${arguments[@]}"
engine=$(( ($(date +%s%N) - start) / 1000000 ))

cmp "$work/single.csv" "$work/merged.csv"
rows=$(($(wc -l < "$work/single.csv") - 1))
echo "distributed: $series series, $rows hub rows; single process (1 core) ${single} ms, Dask 2 workers ${engine} ms; identical bytes"

# The Slurm recipe's merge: three --shard runs (as three array tasks would) merged back into the whole.
python3 Examples/distributed/make_series.py 200 20 5 > "$work/small.csv"
OPENBLAS_NUM_THREADS=1 "$inflow" project --data "$work/small.csv" --key-column site --shard 1/1 --format csv --quiet \
    "${arguments[@]}" > "$work/small-whole.csv"
for k in 1 2 3; do
    OPENBLAS_NUM_THREADS=1 "$inflow" project --data "$work/small.csv" --key-column site --shard "$k/3" --format csv --quiet \
        "${arguments[@]}" > "$work/shard-$k.csv"
done
python3 Examples/distributed/merge_shards.py --input "$work/small.csv" --key-column site --output "$work/small-merged.csv" \
    "$work/shard-1.csv" "$work/shard-2.csv" "$work/shard-3.csv"
cmp "$work/small-whole.csv" "$work/small-merged.csv"
echo "distributed: three --shard runs merged by merge_shards.py equal one run"

# A malformed row in one key: its task fails with the binary's message, the driver names the partition, no table.
bad_line=$(( series * 10 + 2 ))   # a row in the middle of the file
sed "${bad_line}s/,[0-9]*\$/,twelve/" "$work/series.csv" > "$work/bad.csv"
if "$venv/bin/python" Examples/distributed/run_dask.py --inflow "$inflow" --input "$work/bad.csv" --key-column site \
    --partitions 8 --workers 2 --output "$work/bad-merged.csv" -- "${arguments[@]}" 2> "$work/bad.err"; then
    echo "test.sh: a malformed partition did not fail the run" >&2; exit 1
fi
grep -q "partition [0-9]* failed" "$work/bad.err" && grep -q "bad.csv:${bad_line}:3: \"twelve\" is not a number" "$work/bad.err" \
    || { echo "test.sh: unexpected failure message:" >&2; cat "$work/bad.err" >&2; exit 1; }
[ ! -e "$work/bad-merged.csv" ] || { echo "test.sh: a partial table was written" >&2; exit 1; }
echo "distributed: a malformed partition fails with: $(grep '^run_dask:' "$work/bad.err" | head -n 1)"
