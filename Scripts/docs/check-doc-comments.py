#!/usr/bin/env python3
"""Fails when a public declaration of a library target has no doc comment.

Usage: check-doc-comments.py SYMBOL_GRAPH_DIR...  (the per-target folders of symbol graphs that
`swift package generate-documentation` extracts, e.g. .build/x86_64-unknown-linux-gnu/extracted-symbols/PKG/InflowCore).

Reads every *.symbols.json (the compiler's own description of the module: each public or open symbol with its
source location and, when it has one, its `docComment`), so it sees exactly what DocC documents, and prints
`file:line: kind name` for each declaration without a comment. Not counted: symbols the compiler synthesised
(Equatable, Hashable, Codable conformances; precise identifiers containing ::SYNTHESIZED::), extension blocks
(`swift.extension`, which DocC does not document as pages) and symbols without a source location (implicit ones).
Exit 1 if any declaration lacks a comment. Cost: linear in the symbol graphs' size.
"""
import json
import pathlib
import sys


def missing(directory: pathlib.Path):
    for path in sorted(directory.glob("*.symbols.json")):
        graph = json.loads(path.read_text())
        for symbol in graph.get("symbols", []):
            if symbol.get("accessLevel") not in ("public", "open"):
                continue
            if "::SYNTHESIZED::" in symbol["identifier"]["precise"]:
                continue
            if symbol["kind"]["identifier"] == "swift.extension" or "location" not in symbol:
                continue
            lines = (symbol.get("docComment") or {}).get("lines", [])
            if any(line.get("text", "").strip() for line in lines):
                continue
            location = symbol["location"]
            file = location["uri"].removeprefix("file://")
            line = location["position"]["line"] + 1
            yield f"{file}:{line}: {symbol['kind']['displayName']} {'.'.join(symbol['pathComponents'])}"


def main() -> int:
    directories = [pathlib.Path(argument) for argument in sys.argv[1:]]
    if not directories:
        print("usage: check-doc-comments.py SYMBOL_GRAPH_DIR...", file=sys.stderr)
        return 2
    problems = sorted(set(item for directory in directories for item in missing(directory)))
    for problem in problems:
        print(f"{problem}: public declaration without a doc comment")
    print(f"check-doc-comments: {len(problems)} public declaration(s) without a doc comment in {len(directories)} module(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
