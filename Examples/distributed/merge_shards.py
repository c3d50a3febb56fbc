#!/usr/bin/env python3
"""Merges the hub tables of `inflow project --shard k/n` runs (one per shard) into the table one process gives.

Each key went to shard `fnv1a(key) mod n + 1` (Inflow's Shard), and each shard lists its keys' rows in the input's
order; the merged table takes the keys in the input's order, each from its shard. Written atomically; any missing
shard, header mismatch or key without rows is an error and nothing is written.

usage: merge_shards.py --input series.csv --key-column site --output merged.csv shard-1.csv ... shard-n.csv
(the shard files in order 1..n)
"""
import argparse
import os
import sys
import tempfile

from run_dask import fnv1a, key_order, merge


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", required=True)
    parser.add_argument("--key-column", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("shards", nargs="+")
    options = parser.parse_args()
    order = key_order(options.input, options.key_column)
    count = len(options.shards)
    assignment = {key: fnv1a(key) % count for key in order}
    outputs = {}
    for number, path in enumerate(options.shards):
        with open(path, encoding="utf-8", newline="") as handle:
            outputs[number] = handle.read()
    try:
        merged = merge(outputs, order, assignment)
    except RuntimeError as error:
        print(f"merge_shards: {error}; nothing written", file=sys.stderr)
        return 1
    directory = os.path.dirname(os.path.abspath(options.output))
    descriptor, temporary = tempfile.mkstemp(prefix=".merged-", suffix=".csv", dir=directory)
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
        handle.write(merged)
    os.replace(temporary, options.output)
    print(f"merge_shards: {len(order)} keys from {count} shards -> {options.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
