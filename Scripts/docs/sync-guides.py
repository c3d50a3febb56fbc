#!/usr/bin/env python3
"""Copies Guides/*.md into the umbrella catalog (Sources/Inflow/Inflow.docc/Guides/) as DocC articles, and the README
sample (Examples/readme-sample/main.swift, built and run by the tests) into the getting-started article.

Guides/ stays the source (it reads well on a repository page); DocC needs the articles inside the catalog and
resolves links between articles as <doc:Name>, so each copy rewrites a link to another guide, `[text](Other.md)`,
as `[text](<doc:Other>)` and any other relative link as its text followed by the path in code voice. Run by
Scripts/check-docs.sh before every documentation build; `--check` only reports copies that differ (exit 1).
The sample goes into the ```swift block after the `<!-- readme-sample` comment of GettingStarted.md.
Cost: linear in the guides' size.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
GUIDES = ROOT / "Guides"
OUT = ROOT / "Sources" / "Inflow" / "Inflow.docc" / "Guides"
GETTING_STARTED = ROOT / "Sources" / "Inflow" / "Inflow.docc" / "GettingStarted.md"
SAMPLE = ROOT / "Examples" / "readme-sample" / "main.swift"
SAMPLE_BLOCK = re.compile(r"(<!-- readme-sample[^\n]*-->\n```swift\n)(.*?)(```)", re.S)
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def article(source: pathlib.Path, names: set) -> str:
    def link(match):
        text, target = match.group(1), match.group(2)
        if re.match(r"^[a-z]+:", target) or target.startswith("#"):
            return match.group(0)
        stem = target[:-3] if target.endswith(".md") else None
        if stem in names:
            return f"[{text}](<doc:{stem}>)"
        return f"{text} (`{target}`)"

    lines = source.read_text().splitlines()
    title, body = lines[0], lines[1:]
    note = f"<!-- Generated from Guides/{source.name} by Scripts/docs/sync-guides.py: edit the guide, not this copy. -->"
    return "\n".join([title, "", note] + [LINK.sub(link, line) for line in body]) + "\n"


def getting_started() -> str:
    text = GETTING_STARTED.read_text()
    sample = SAMPLE.read_text().rstrip("\n") + "\n"
    updated, count = SAMPLE_BLOCK.subn(lambda match: match.group(1) + sample + match.group(3), text)
    if count != 1:
        sys.exit(f"sync-guides: {GETTING_STARTED.relative_to(ROOT)} needs one ```swift block after a <!-- readme-sample comment")
    return updated


def main() -> int:
    check = "--check" in sys.argv[1:]
    sources = sorted(GUIDES.glob("*.md"))
    names = {path.stem for path in sources}
    wanted = {OUT / path.name: article(path, names) for path in sources}
    wanted[GETTING_STARTED] = getting_started()
    stale = [path for path, text in wanted.items() if not path.exists() or path.read_text() != text]
    extra = [path for path in OUT.glob("*.md") if path not in wanted] if OUT.exists() else []  # guides only
    if check:
        for path in stale + extra:
            print(f"sync-guides: {path.relative_to(ROOT)} is out of date", file=sys.stderr)
        return 1 if stale or extra else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for path in stale:
        path.write_text(wanted[path])
        print(f"sync-guides: wrote {path.relative_to(ROOT)}")
    for path in extra:
        path.unlink()
        print(f"sync-guides: removed {path.relative_to(ROOT)} (no such guide)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
