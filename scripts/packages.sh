# Sourced by scripts/demo and scripts/test: the Debian packages pressroom
# needs, and the function that installs the missing ones.

# To build pressroom.
PRESSROOM_BUILD_PACKAGES="build-essential cmake pkg-config git libxml2-dev libpcre2-dev libutf8proc-dev
  libssl-dev libboost-program-options-dev nlohmann-json3-dev libhunspell-dev hunspell-en-us"
# The option files (--defaults, --metadata-file) are YAML, read with yaml-cpp.
PRESSROOM_BUILD_PACKAGES="$PRESSROOM_BUILD_PACKAGES libyaml-cpp-dev"
# PDF: libharu, HarfBuzz (its subsetter), libhyphen; the fonts and the
# hyphenation patterns the build copies into share/pressroom. DejaVu Serif's
# italics are in fonts-dejavu-extra, its other faces in fonts-dejavu-core
# (fonts/manifest.tsv names the package of each file; the packages test
# checks both against dpkg -S).
PRESSROOM_BUILD_PACKAGES="$PRESSROOM_BUILD_PACKAGES libhpdf-dev libharfbuzz-dev libhyphen-dev
  hyphen-en-us fonts-liberation2 fonts-dejavu-core fonts-dejavu-extra"
# To run its tests: the validators and tools the tests run on real outputs.
PRESSROOM_TEST_PACKAGES="doctest-dev libxml2-utils python3"
# PDF checks: qpdf --check, and poppler's pdftotext, pdffonts, pdfinfo.
PRESSROOM_TEST_PACKAGES="$PRESSROOM_TEST_PACKAGES qpdf poppler-utils"
# Packaging checks: the man page, the .deb's dependencies and lintian.
PRESSROOM_TEST_PACKAGES="$PRESSROOM_TEST_PACKAGES man-db dpkg-dev lintian file zsh"
# EPUB: libzip writes the container; EPUBCheck (a Java program) validates
# every EPUB the tests make, many per Java start through the JDK's source
# launcher (tests/epubcheck/EpubCheckBatch.java).
PRESSROOM_BUILD_PACKAGES="$PRESSROOM_BUILD_PACKAGES libzip-dev zlib1g-dev"
PRESSROOM_TEST_PACKAGES="$PRESSROOM_TEST_PACKAGES epubcheck default-jdk-headless"
# Tagged PDF (PDF/UA-1): the tests' checker (tests/pdfua/check_pdfua.py)
# reads the PDFs' objects with pikepdf; pdftoppm (poppler-utils) renders the
# pages that must look as the untagged ones.
PRESSROOM_TEST_PACKAGES="$PRESSROOM_TEST_PACKAGES python3-pikepdf"
# EPUB accessibility: DAISY Ace, when installed (scripts/install-ace, from
# npm), runs in Debian's chromium; the tests skip it otherwise, so
# scripts/test does not install these (chromium is large).
PRESSROOM_ACE_PACKAGES="nodejs npm chromium"
# The line classifier's training script (scripts/train-classifier) fits its
# model with scikit-learn; a test retrains it and compares with the shipped
# rules/line-model.json. The build never trains.
PRESSROOM_TEST_PACKAGES="$PRESSROOM_TEST_PACKAGES python3-sklearn python3-numpy"
# The web and office formats (issue 17): pandoc reads the DOCX back, cmark
# renders the Markdown, python3-jsonschema checks the JSON against its schema
# (through /usr/bin/python3). The npm packages (the Nu HTML Checker, run by
# default-jdk-headless's java; axe-core) are installed by scripts/web-tools,
# which installs npm itself. axe-core runs in chromium, driven by node
# (tests/web/axe-check.js): PRESSROOM_ACE_PACKAGES above, not installed by
# scripts/test (chromium is large); those tests skip without them.
PRESSROOM_TEST_PACKAGES="$PRESSROOM_TEST_PACKAGES pandoc cmark python3-jsonschema"
# CI (.ci/run) also checks the layout of changed lines: scripts/check-format.
PRESSROOM_CI_PACKAGES="clang-format git"

# ensure_packages PKG... : installs what is missing (as root), or prints the
# exact command to run and exits 1.
ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || {
      echo "error: apt-get install failed for: ${missing[*]}" >&2; exit 1; }
  else
    echo "pressroom needs these Debian packages: ${missing[*]}" >&2
    echo "Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}
