#!/usr/bin/env python3
"""Every system file the build or the tests read comes from a Debian package
that scripts/packages.sh installs (issue 14).

A fresh Debian 12 machine gets exactly the packages scripts/packages.sh names,
their dependencies, and the Essential set. This test proves, on the machine
that runs it, that each file the build copies (the fonts of fonts/manifest.tsv,
the hyphenation patterns, the Hunspell dictionary), each library header the
build finds by path, and each program the tests run (the validators: xmllint,
qpdf, poppler's tools, EPUBCheck and Java, man, lintian...) is owned
(dpkg -S) by one of those packages. A file that is here only because this
machine happens to have an unlisted package (as DejaVuSerif-Italic.ttf was:
fonts-dejavu-extra) makes it fail. It also checks that fonts/manifest.tsv
names the package that really owns each font, since the build's error message
and the licence it copies come from that column.

  check_packages.py SOURCE_DIR [--packages FILE] [--file PATH]...
  check_packages.py SOURCE_DIR --self-test

--packages reads another copy of packages.sh; --file adds a system file
(the build passes the paths it found: hyphenation patterns, headers).
--self-test removes, one at a time, each listed package that directly owns a
data file, and checks that the test then fails naming that file.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Programs the tests run, looked up on the PATH of a fresh machine (this one
# may have others first on its PATH, e.g. a pyenv python3).
SYSTEM_PATH = "/usr/sbin:/usr/bin:/sbin:/bin"
PROGRAMS = [
    "cmake", "c++", "pkg-config", "git",            # the build
    "xmllint",                                      # golden XML against the schema
    "qpdf", "pdftotext", "pdffonts", "pdfinfo",     # PDF checks
    "java",                                         # EPUBCheck's runtime
    "man", "dpkg-deb", "dpkg-shlibdeps", "lintian", "file", "zsh",  # packaging checks
    "python3", "gzip", "script", "unshare",         # test tools
    "pdftoppm",                                     # tagged pages against untagged ones
    "pandoc", "cmark",                              # the web and office formats' checks (node, chromium: below)
]
# Programs only the optional tests run (DAISY Ace: scripts/install-ace
# installs PRESSROOM_ACE_PACKAGES); checked when they are installed.
OPTIONAL_PROGRAMS = ["node", "chromium"]
# Not here: clang-format, which only CI's scripts/check-format runs; that
# script installs PRESSROOM_CI_PACKAGES itself (scripts/test does not, and a
# fresh machine after scripts/test has no clang-format: fresh-check saw it).
# Data files the tests read. The build passes the files it found itself
# (hyphenation patterns, dictionary, headers, libraries) with --file.
FILES = [
    "/usr/share/java/epubcheck.jar",  # tests/unit/epub_reader.cpp
    "/usr/lib/python3/dist-packages/pikepdf/__init__.py",  # tests/pdfua/check_pdfua.py
    "/usr/lib/python3/dist-packages/jsonschema/__init__.py",  # tests/unit/test_web_formats.cpp (release JSON)
]


def listed_packages(packages_sh):
    """The packages scripts/demo and scripts/test install, as the script says."""
    out = subprocess.run(
        ["bash", "-c", '. "$0"; echo $PRESSROOM_BUILD_PACKAGES $PRESSROOM_TEST_PACKAGES $PRESSROOM_CI_PACKAGES '
         '$PRESSROOM_ACE_PACKAGES',
         packages_sh],
        check=True, capture_output=True, text=True).stdout
    return set(out.split())


def installed():
    """name -> (depends, provides, essential) of every installed package."""
    fmt = "${binary:Package}\t${Status}\t${Pre-Depends}\t${Depends}\t${Provides}\t${Essential}\n"
    out = subprocess.run(["dpkg-query", "-W", "-f=" + fmt], check=True, capture_output=True, text=True).stdout
    pkgs = {}
    for line in out.splitlines():
        name, status, pre, dep, prov, essential = line.split("\t")
        # A package whose trigger waits (man-db's, while apt installs something
        # else) is installed all the same.
        if status.split()[-1] not in ("installed", "triggers-pending", "triggers-awaited"):
            continue
        name = name.split(":")[0]
        alternatives = [[alt.strip().split()[0].split(":")[0] for alt in group.split("|")]
                        for group in (pre + ("," if pre and dep else "") + dep).split(",") if group.strip()]
        provides = {p.strip().split()[0] for p in prov.split(",") if p.strip()}
        pkgs[name] = (alternatives, provides, essential == "yes")
    return pkgs


def closure(roots, pkgs):
    """What installing `roots` (with --no-install-recommends) brings, plus the
    Essential packages every Debian system has. A dependency with
    alternatives is met by whichever alternative is installed here."""
    providers = {}
    for name, (_, provides, _) in pkgs.items():
        for p in provides:
            providers.setdefault(p, []).append(name)
    todo = [p for p in roots if p in pkgs] + [n for n, (_, _, e) in pkgs.items() if e]
    seen = set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        for group in pkgs[p][0]:
            for alt in group:
                found = [alt] if alt in pkgs else providers.get(alt, [])
                if found:
                    todo.extend(found)
                    break
    return seen


def candidates(path):
    """The names dpkg may know a file by: as given, with links resolved, and
    with /usr/bin etc. as /bin (merged /usr: zsh ships /bin/zsh)."""
    out = [path, os.path.realpath(path)]
    for p in list(out):
        for usr, root in (("/usr/bin/", "/bin/"), ("/usr/sbin/", "/sbin/"), ("/usr/lib/", "/lib/")):
            if p.startswith(usr):
                out.append(root + p[len(usr):])
    return list(dict.fromkeys(out))


_owners = {}


def owners(paths):
    """Fills the cache for `paths` with one dpkg -S call (each call takes a while)."""
    todo = [c for p in paths for c in candidates(p) if c not in _owners]
    if not todo:
        return
    r = subprocess.run(["dpkg", "-S"] + todo, capture_output=True, text=True)
    for line in r.stdout.splitlines():
        # "pkg:arch: /path" (or "pkg1, pkg2: /path" for a shared folder);
        # "local diversion from: /path" says who moved it, not who ships it.
        if "diversion" in line:
            continue
        pkg, _, path = line.partition(": ")
        _owners[path.strip()] = pkg.split(",")[0].split(":")[0].strip()
    for c in todo:
        _owners.setdefault(c, None)


def owner(path):
    """The package that ships `path`, or None."""
    owners([path])
    for c in candidates(path):
        if _owners.get(c):
            return _owners[c]
    return None


def manifest_fonts(source):
    fonts = []
    with open(os.path.join(source, "fonts", "manifest.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 6:
                sys.exit(f"fonts/manifest.tsv:{n}: expected 6 tab-separated fields")
            fonts.append((n, fields[1], fields[4], fields[5]))
    return fonts


def check(source, packages_sh, extra_files, quiet=False):
    """Returns the list of problems (empty: all good)."""
    listed = listed_packages(packages_sh)
    pkgs = installed()
    have = closure(listed, pkgs)
    problems = []
    files = []
    for n, name, package, path in manifest_fonts(source):
        got = owner(path)
        if got and got != package:
            problems.append(f"fonts/manifest.tsv:{n}: {name} ({path}) is in the Debian package {got}, "
                            f"not {package}: fix the package column")
        if package not in listed:
            problems.append(f"fonts/manifest.tsv:{n}: {name} comes from {package}, which scripts/packages.sh "
                            f"does not list")
        files.append(path)
    files += FILES + extra_files
    for prog in PROGRAMS:
        found = shutil.which(prog, path=SYSTEM_PATH)
        if not found:
            problems.append(f"{prog}: not installed (in {SYSTEM_PATH}); the build or the tests run it: "
                            f"add its Debian package to scripts/packages.sh")
            continue
        files.append(found)
    for prog in OPTIONAL_PROGRAMS:
        found = shutil.which(prog, path=SYSTEM_PATH)
        if found:
            files.append(found)
    owners([f for f in files if os.path.exists(f)])
    for path in dict.fromkeys(files):
        if not os.path.exists(path):
            problems.append(f"{path}: missing; the build or the tests read it: add its Debian package to "
                            f"scripts/packages.sh")
            continue
        got = owner(path)
        if got is None:
            problems.append(f"{path}: belongs to no Debian package (dpkg -S): a fresh machine will not have it")
        elif got not in have:
            problems.append(f"{path}: is in the Debian package {got}, which neither scripts/packages.sh nor "
                            f"the packages it lists install: add {got} to scripts/packages.sh")
        elif not quiet:
            print(f"ok  {path}  ({got})")
    return problems


def self_test(source, extra_files):
    """Each listed package that owns a data file, removed from a copy of
    packages.sh, must make the check fail and name the file."""
    listed = listed_packages(os.path.join(source, "scripts", "packages.sh"))
    data = [path for _, _, _, path in manifest_fonts(source)] + FILES + extra_files
    owners = {}
    for path in data:
        got = owner(path)
        if got in listed:
            owners.setdefault(got, []).append(path)
    if "fonts-dejavu-extra" not in owners:
        return ["self-test: fonts-dejavu-extra owns no file the build reads: the issue-14 case is not covered"]
    failures = []
    pkgs = installed()
    text = open(os.path.join(source, "scripts", "packages.sh"), encoding="utf-8").read()
    for package, paths in sorted(owners.items()):
        if package in closure(listed - {package}, pkgs):
            # Another listed package depends on it: a fresh machine gets it anyway.
            print(f"--  without {package}: still installed as a dependency of another listed package")
            continue
        cut = re.sub(r"(?<=[\s\"])" + re.escape(package) + r"(?=[\s\"])", "", text)
        if cut == text:
            failures.append(f"self-test: cannot remove {package} from the copy of packages.sh")
            continue
        with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as f:
            f.write(cut)
        try:
            problems = check(source, f.name, extra_files, quiet=True)
        finally:
            os.unlink(f.name)
        for path in paths:
            if not any(path in p and package in p for p in problems):
                failures.append(f"self-test: without {package} in packages.sh the check does not report {path}")
        print(f"ok  without {package}: reported " + ", ".join(os.path.basename(p) for p in paths))
    return failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("--packages")
    ap.add_argument("--file", action="append", default=[])
    ap.add_argument("--self-test", action="store_true")
    a = ap.parse_args()
    if a.self_test:
        problems = self_test(a.source, a.file)
    else:
        problems = check(a.source, a.packages or os.path.join(a.source, "scripts", "packages.sh"), a.file)
    for p in problems:
        print("error: " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
