#!/usr/bin/env python3
"""Writes the fuzz targets' seed inputs into tests/fuzz/corpus/TARGET/seed-*.

Seeds come from the repository's own inputs only (never ../shared/corpus):
samples/, the golden release XML, the inputs of tests/cases/normalizer.md,
and the small invented pages in tests/fuzz/seeds/. The ingest target's first
byte picks the reader (0 = detect, 1 text, 2 html, 3 markdown, 4 json,
5 rss); the pipeline target's first byte picks render options.

    tests/fuzz/make_seeds.py     # rewrites the seed-* files (fuzzers add the rest)
"""
import pathlib
import re

here = pathlib.Path(__file__).resolve().parent
root = here.parent.parent
readers = {"txt": 1, "html": 2, "htm": 2, "md": 3, "json": 4, "xml": 5, "rss": 5}


def inputs():
    for p in sorted((root / "samples").iterdir()):
        yield p.name, p.read_bytes()
    text = (root / "tests/cases/normalizer.md").read_text(encoding="utf-8")
    for m in re.finditer(r"^~~~ input name=(\S+)\n(.*?)^~~~$", text, re.S | re.M):
        yield "case-" + m.group(1), m.group(2).encode("utf-8")
    for p in sorted((here / "seeds").iterdir()):
        yield p.name, p.read_bytes()


def write(target, name, data):
    d = here / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / ("seed-" + re.sub(r"[^A-Za-z0-9._-]", "_", name))).write_bytes(data)


for d in (here / "corpus").glob("*/seed-*"):
    d.unlink()
for name, data in inputs():
    ext = name.rsplit(".", 1)[-1]
    write("ingest", name, bytes([0]) + data)
    write("ingest", name + ".as-reader", bytes([readers.get(ext, 1) | 0x40]) + data)
    write("pipeline", name, bytes([0]) + data)
for p in sorted((root / "tests/golden").glob("*.xml")):
    write("release_xml", p.name, p.read_bytes())
    write("pipeline", "golden-" + p.name, bytes([5]) + p.read_bytes())
