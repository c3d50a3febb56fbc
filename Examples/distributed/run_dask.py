#!/usr/bin/env python3
"""Runs `inflow project` over a keyed file on a Dask cluster, one task per partition, and merges the hub tables.

The file is split into partitions by key (every row of a key in the same partition, keys in their input order);
each task pipes its partition through the binary (`inflow project --data - --key-column KEY --shard 1/1
--format csv ...`), and the driver puts the partitions' rows back in the input's key order. A key's numbers
depend only on the seed and the key, so the merged table equals a single-process run byte for byte.

If a task fails (a malformed row, a key that cannot be analysed), the driver names the partition and gives the
binary's message with its position mapped back to the input file (file:line:column), cancels the rest, writes
nothing and exits 1. The merged table is written atomically (a temporary file beside
it, then a rename).

Local test (what `make test` runs, see test.sh):
    python run_dask.py --inflow .build/release/inflow --input series.csv --key-column site \
        --partitions 8 --workers 2 --output merged.csv -- --curve logistic --bootstrap 200
On a cluster, replace the LocalCluster by the scheduler's address (--scheduler tcp://host:8786), e.g. one started
by dask-jobqueue's SLURMCluster or PBSCluster, or by the Dask Kubernetes operator; the binary and the partition
data must be reachable from the workers (a shared file system or an image).
"""
import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile

try:  # the driver needs Dask; merge_shards.py imports the helpers below without it
    from dask.distributed import Client, LocalCluster, as_completed
except ImportError:  # pragma: no cover
    Client = LocalCluster = as_completed = None


def fnv1a(text):
    """The 64-bit FNV-1a hash of the key's UTF-8 bytes: the partition of a key (Inflow's StableHash)."""
    h = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def partition(path, key_column, count):
    """Reads the CSV once: the header, the partitions' CSV texts (rows grouped by key), for each partition the input
    line of each of its lines, and the keys in input order with their partition. (A quoted field spanning lines is
    not supported here: the recipe's input has one row per line.)"""
    with open(path, newline="", encoding="utf-8") as handle:
        lines = handle.read().splitlines(keepends=True)
    comments = []
    while lines and lines[0].startswith("#"):
        comments.append(lines.pop(0))
    header_line = len(comments) + 1
    header = lines[0]
    names = [name.strip() for name in next(csv.reader([header]))]
    if key_column not in names:
        raise SystemExit(f"{path}:{len(comments) + 1}: no column named {key_column!r}; the columns are {names}")
    index = names.index(key_column)
    rows = {}
    order = []
    for offset, line in enumerate(lines[1:]):
        if not line.strip():
            continue
        fields = next(csv.reader([line]))
        key = fields[index].strip() if index < len(fields) else ""
        if key not in rows:
            rows[key] = []
            order.append(key)
        rows[key].append((header_line + 1 + offset, line))
    parts = [[] for _ in range(count)]
    assignment = {}
    for key in order:
        number = fnv1a(key) % count
        assignment[key] = number
        parts[number].extend(rows[key])
    texts = ["".join(comments) + header + "".join(line for _, line in part) for part in parts]
    line_maps = [list(range(1, header_line + 1)) + [number for number, _ in part] for part in parts]
    return texts, line_maps, order, assignment


def located(message, path, line_map):
    """The binary's `stdin:LINE` positions (the partition's lines) as the input file's `path:LINE`."""
    def replace(match):
        line = int(match.group(1))
        return f"{path}:{line_map[line - 1]}" if 0 < line <= len(line_map) else match.group(0)
    return re.sub(r"stdin:(\d+)", replace, message)


def key_order(path, key_column):
    """The keys of a CSV file in the order of their first row (one pass, one row per line)."""
    with open(path, newline="", encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        names = [name.strip() for name in next(csv.reader([next(lines)]))]
        index = names.index(key_column)
        order, seen = [], set()
        for fields in csv.reader(line for line in lines if line.strip()):
            key = fields[index].strip() if index < len(fields) else ""
            if key not in seen:
                seen.add(key)
                order.append(key)
    return order


def run_partition(number, text, inflow, key_column, arguments):
    """One task: the partition through the binary. Returns (number, output); raises with the binary's message."""
    environment = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    command = [inflow, "project", "--data", "-", "--key-column", key_column, "--shard", "1/1", "--format", "csv",
               "--quiet", *arguments]
    result = subprocess.run(command, input=text.encode("utf-8"), capture_output=True, env=environment)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise RuntimeError(f"partition {number} failed (exit {result.returncode}): {message}")
    return number, result.stdout.decode("utf-8")


def merge(outputs, order, assignment):
    """The partitions' tables as one, in the input's key order: each partition lists its keys' blocks of rows
    (consecutive rows with one location) in the input's order, so the next block of a key's partition is its."""
    header = None
    blocks = {}
    for number, text in outputs.items():
        lines = text.splitlines(keepends=True)
        if header is None:
            header = lines[0]
        elif lines[0] != header:
            raise RuntimeError(f"partition {number} wrote another header: {lines[0]!r}")
        queue = []
        for line in lines[1:]:
            location = line.split(",", 4)[3]
            if queue and queue[-1][0] == location:
                queue[-1][1].append(line)
            else:
                queue.append((location, [line]))
        blocks[number] = queue
    positions = {number: 0 for number in blocks}
    merged = [header]
    for key in order:
        number = assignment[key]
        queue = blocks[number]
        if positions[number] >= len(queue):
            raise RuntimeError(f"partition {number} has no rows for key {key!r}")
        merged.extend(queue[positions[number]][1])
        positions[number] += 1
    return "".join(merged)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inflow", required=True, help="path of the inflow binary (on every worker)")
    parser.add_argument("--input", required=True, help="keyed CSV file")
    parser.add_argument("--key-column", required=True)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster workers (ignored with --scheduler)")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler instead of a LocalCluster")
    parser.add_argument("--output", required=True, help="merged hub table (written atomically)")
    parser.add_argument("arguments", nargs=argparse.REMAINDER, help="after --: arguments of inflow project")
    options = parser.parse_args()
    arguments = options.arguments[1:] if options.arguments[:1] == ["--"] else options.arguments

    texts, line_maps, order, assignment = partition(options.input, options.key_column, options.partitions)
    if options.scheduler:
        client = Client(options.scheduler)
    else:
        cluster = LocalCluster(n_workers=options.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = [client.submit(run_partition, number, text, os.path.abspath(options.inflow), options.key_column,
                                 arguments, pure=False)
                   for number, text in enumerate(texts) if text.count("\n") > 1]
        outputs = {}
        for future in as_completed(futures):
            try:
                number, text = future.result()
            except Exception as error:  # a task's failure: name it, stop the rest, write nothing
                for other in futures:
                    other.cancel()
                number = int(re.search(r"partition (\d+)", str(error)).group(1)) if "partition" in str(error) else None
                message = located(str(error), options.input, line_maps[number]) if number is not None else str(error)
                print(f"run_dask: {message}; nothing written", file=sys.stderr)
                return 1
            outputs[number] = text
    finally:
        client.close()
    merged = merge(outputs, order, assignment)
    directory = os.path.dirname(os.path.abspath(options.output))
    descriptor, temporary = tempfile.mkstemp(prefix=".merged-", suffix=".csv", dir=directory)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(merged)
        os.replace(temporary, options.output)
    except BaseException:
        os.unlink(temporary)
        raise
    print(f"run_dask: {len(order)} keys in {len(outputs)} partitions -> {options.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
