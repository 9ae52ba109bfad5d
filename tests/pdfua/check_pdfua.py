#!/usr/bin/python3
"""A PDF/UA-1 (ISO 14289-1) checker for pressroom's tests: the failure
conditions of the Matterhorn Protocol 1.1 that a machine can decide and that
apply to text documents (no forms, images, multimedia or optional content).
There is no veraPDF in Debian; this reads the files with pikepdf (Debian's
python3-pikepdf, over qpdf) and decides each condition from the objects and
the content streams themselves.

    check_pdfua.py FILE.pdf...        one line per file: "FILE: ok" or
                                      "FILE: FAIL" and one line per failure,
                                      "  CHECKPOINT condition: detail";
                                      exit 1 when any file fails
    check_pdfua.py --self-test FILE   breaks a passing FILE in every way the
                                      checker looks for, and checks each
                                      breakage is reported (exit 1 if one
                                      is not)

docs/pdf.md lists the conditions checked and those only a person can judge.
"""

import re
import struct
import sys
import zlib

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream, String

# ISO 32000-1 14.8.4: the standard structure types.
STANDARD_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct",
    "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH",
    "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot",
    "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form",
}
HEADINGS = {"H1", "H2", "H3", "H4", "H5", "H6"}
PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "BI", "INLINE IMAGE"}
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
BCP47 = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


class Report:
    def __init__(self):
        self.failures = []

    def fail(self, checkpoint, condition, detail=""):
        self.failures.append((checkpoint, condition, detail))

    def ids(self):
        return {c for c, _, _ in self.failures}


def name_of(obj):
    return str(obj)[1:] if isinstance(obj, Name) else None


def objkey(obj):
    return obj.objgen if obj.is_indirect else id(obj)


# ---------------------------------------------------------------- fonts
def parse_to_unicode(data):
    """A ToUnicode CMap's code -> text (bfchar and bfrange)."""
    out = {}
    text = data.decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            out[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            base = int(dst, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(base + i) if base + i < 0x110000 else "\ufffd"
    return out


def truetype_advances(data):
    """glyph id -> advance width in font units, and units per em, from a TrueType program."""
    num_tables = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(num_tables):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        tables[tag.decode("latin-1")] = (offset, length)
    head = tables["head"][0]
    units = struct.unpack(">H", data[head + 18:head + 20])[0]
    hhea = tables["hhea"][0]
    metrics = struct.unpack(">H", data[hhea + 34:hhea + 36])[0]
    maxp = tables["maxp"][0]
    glyphs = struct.unpack(">H", data[maxp + 4:maxp + 6])[0]
    hmtx = tables["hmtx"][0]
    adv = []
    for g in range(metrics):
        adv.append(struct.unpack(">H", data[hmtx + 4 * g:hmtx + 4 * g + 2])[0])
    while len(adv) < glyphs:
        adv.append(adv[-1])
    return adv, units


class FontInfo:
    """What the checks need of a font: how to split strings into codes, and what each code means."""

    def __init__(self, font, report, where):
        self.font = font
        self.two_byte = name_of(font.get("/Subtype")) == "Type0"
        self.to_unicode = None
        self.cid_to_gid = None  # None: Identity
        self.widths = {}
        if "/ToUnicode" in font:
            self.to_unicode = parse_to_unicode(font.ToUnicode.read_bytes())
        base = name_of(font.get("/BaseFont")) or "?"
        if self.two_byte:
            desc = font.DescendantFonts[0]
            fd = desc.get("/FontDescriptor")
            program = None
            if fd is not None:
                for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                    if key in fd:
                        program = fd[key]
            if program is None:
                report.fail("31", "font program is not embedded", base)
            sub = name_of(desc.get("/Subtype"))
            if sub == "CIDFontType2":
                m = desc.get("/CIDToGIDMap")
                if m is None:
                    report.fail("31", "a Type 2 CIDFont has no CIDToGIDMap", base)
                elif isinstance(m, Stream):
                    self.cid_to_gid = m.read_bytes()
            # The CMap's and the CIDFont's CIDSystemInfo agree (Identity-H: Adobe-Identity).
            enc = name_of(font.get("/Encoding"))
            info = desc.get("/CIDSystemInfo")
            if enc in ("Identity-H", "Identity-V") and info is not None:
                if str(info.get("/Registry")) != "Adobe" or str(info.get("/Ordering")) != "Identity":
                    report.fail("31", "CIDSystemInfo of the CIDFont does not match its CMap's",
                                base + " " + str(info.get("/Registry")) + "-" + str(info.get("/Ordering")))
            w = desc.get("/W")
            if w is not None:
                i = 0
                while i < len(w):
                    first = int(w[i])
                    if isinstance(w[i + 1], Array):
                        for k, v in enumerate(w[i + 1]):
                            self.widths[first + k] = float(v)
                        i += 2
                    else:
                        for c in range(first, int(w[i + 1]) + 1):
                            self.widths[c] = float(w[i + 2])
                        i += 3
            self.default_width = float(desc.get("/DW", 1000))
            # Widths agree with the font program (PDF/UA-1 7.21.5).
            if program is not None and sub == "CIDFontType2":
                try:
                    adv, units = truetype_advances(program.read_bytes())
                except Exception as e:  # noqa: BLE001 - any damage is a failure to report
                    report.fail("31", "font program cannot be read", base + ": " + str(e))
                else:
                    for cid, width in self.widths.items():
                        gid = self.gid(cid)
                        if gid is None or gid >= len(adv):
                            continue
                        if abs(adv[gid] * 1000.0 / units - width) > 1.0:
                            report.fail("31", "glyph width in the PDF differs from the font program's",
                                        "%s CID %d: /W %g, font %g" % (base, cid, width, adv[gid] * 1000.0 / units))
                            break
        else:
            fd = font.get("/FontDescriptor")
            if name_of(font.get("/Subtype")) != "Type3" and (fd is None or not any(
                    k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3"))):
                report.fail("31", "font program is not embedded", base)

    def gid(self, cid):
        if self.cid_to_gid is None:
            return cid
        if 2 * cid + 1 >= len(self.cid_to_gid):
            return 0
        return self.cid_to_gid[2 * cid] << 8 | self.cid_to_gid[2 * cid + 1]

    def codes(self, data):
        if self.two_byte:
            return [data[i] << 8 | data[i + 1] for i in range(0, len(data) - 1, 2)]
        return list(data)

    def text(self, code):
        if self.to_unicode is not None and code in self.to_unicode:
            return self.to_unicode[code]
        if not self.two_byte and self.to_unicode is None and "/Encoding" in self.font:
            return bytes([code]).decode("cp1252", "replace")
        return None


# ------------------------------------------------------ content streams
class PageContent:
    """A page's content: every painting operator checked against the marked
    content around it (checkpoint 01), every character code against its
    font (10, 31), and the text of each MCID and artifact collected."""

    def __init__(self, pdf, page, number, report, fonts):
        self.mcid_text = {}
        self.mcids = []
        self.artifact_text = []
        resources = page.obj.get("/Resources", Dictionary())
        font_dict = resources.get("/Font", Dictionary())
        stack = []  # (tag, mcid or None, actual text or None)
        font = None
        seen_mcids = set()
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in ("BDC", "BMC"):
                tag = name_of(operands[0])
                props = operands[1] if op == "BDC" and len(operands) > 1 else None
                if isinstance(props, Name):
                    props = resources.get("/Properties", Dictionary()).get(props)
                mcid = int(props["/MCID"]) if isinstance(props, Dictionary) and "/MCID" in props else None
                actual = None
                if isinstance(props, Dictionary) and "/ActualText" in props:
                    actual = str(props.ActualText)
                in_artifact = any(t == "Artifact" for t, _, _ in stack)
                in_tagged = any(m is not None for _, m, _ in stack)
                if tag == "Artifact" and in_tagged:
                    report.fail("01-003", "content marked as Artifact is present inside tagged content",
                                "page %d" % number)
                if mcid is not None and in_artifact:
                    report.fail("01-004", "tagged content is present inside content marked as Artifact",
                                "page %d, MCID %d" % (number, mcid))
                if mcid is not None:
                    if mcid in seen_mcids:
                        report.fail("01", "an MCID is used twice on a page", "page %d, MCID %d" % (number, mcid))
                    seen_mcids.add(mcid)
                    self.mcids.append(mcid)
                    self.mcid_text.setdefault(mcid, "")
                stack.append((tag, mcid, actual))
                continue
            if op == "EMC":
                if not stack:
                    report.fail("01", "EMC without a marked-content sequence", "page %d" % number)
                else:
                    stack.pop()
                continue
            if op == "Tf":
                f = font_dict.get(operands[0])
                if f is None:
                    report.fail("31", "a font the content uses is not in the page's resources",
                                "page %d %s" % (number, operands[0]))
                    font = None
                else:
                    key = objkey(f)
                    if key not in fonts:
                        fonts[key] = FontInfo(f, report, name_of(f.get("/BaseFont")) or "?")
                    font = fonts[key]
                continue
            if op not in PAINTING:
                continue
            artifact = any(t == "Artifact" for t, _, _ in stack)
            mcid = next((m for _, m, _ in reversed(stack) if m is not None), None)
            if not artifact and mcid is None:
                report.fail("01-005", "content is neither marked as Artifact nor tagged as real content",
                            "page %d, operator %s" % (number, op))
            if op == "Do":
                xo = resources.get("/XObject", Dictionary()).get(operands[0])
                if xo is not None and "/Ref" in xo:
                    report.fail("30-001", "a reference XObject is present", "page %d" % number)
            if op not in TEXT_SHOWING or font is None:
                continue
            strings = []
            for operand in operands:
                if isinstance(operand, Array):
                    strings += [x for x in operand if isinstance(x, String)]
                elif isinstance(operand, String):
                    strings.append(operand)
            text = ""
            for s in strings:
                for code in font.codes(bytes(s)):
                    t = font.text(code)
                    if t is None or t == "" or t in ("\ufffe", "\ufeff"):
                        report.fail("10-001", "character code cannot be mapped to Unicode",
                                    "page %d code %04X" % (number, code))
                        t = ""
                    if font.two_byte and font.gid(code) == 0:
                        report.fail("31", "a .notdef glyph is referenced", "page %d code %04X" % (number, code))
                    text += t
            # /ActualText of the innermost sequence that has one replaces the glyphs' text.
            replaced = next((a for _, _, a in reversed(stack) if a is not None), None)
            if artifact:
                self.artifact_text.append(text)
            elif mcid is not None:
                if replaced is None:
                    self.mcid_text[mcid] += text
                elif not self.mcid_text[mcid].endswith(replaced):
                    self.mcid_text[mcid] += replaced
        if stack:
            report.fail("01", "marked-content sequences left open at the end of the page", "page %d" % number)


# ------------------------------------------------------- the structure
class Structure:
    def __init__(self, pdf, report):
        self.pdf = pdf
        self.report = report
        self.elements = []  # (element, depth) in tree order
        self.mcr = {}       # (page objgen, mcid) -> element
        self.objr = {}      # annotation objgen -> element
        root = pdf.Root.get("/StructTreeRoot")
        self.root = root
        if root is None:
            report.fail("01", "no structure tree (the document is not tagged)")
            return
        self.role_map = root.get("/RoleMap", Dictionary())
        k = root.get("/K")
        kids = list(k) if isinstance(k, Array) else ([k] if k is not None else [])
        if not kids:
            report.fail("01", "the structure tree is empty")
        for kid in kids:
            self.walk(kid, None, 0)

    def walk(self, elem, page, depth):
        if not isinstance(elem, Dictionary):
            return
        if len(self.elements) > 200000 or depth > 100:
            self.report.fail("01", "structure tree too deep or too large to check")
            return
        page = elem.get("/Pg", page)
        self.elements.append((elem, depth))
        k = elem.get("/K")
        kids = list(k) if isinstance(k, Array) else ([k] if k is not None else [])
        for kid in kids:
            if isinstance(kid, int) or (hasattr(kid, "is_integer") and kid.is_integer):
                self.claim((page.objgen if page is not None else None, int(kid)), elem)
            elif isinstance(kid, Dictionary) and name_of(kid.get("/Type")) == "MCR":
                pg = kid.get("/Pg", page)
                self.claim((pg.objgen if pg is not None else None, int(kid.MCID)), elem)
            elif isinstance(kid, Dictionary) and name_of(kid.get("/Type")) == "OBJR":
                self.objr[kid.Obj.objgen] = elem
            elif isinstance(kid, Dictionary):
                if kid.get("/P") is None or kid.P.objgen != elem.objgen:
                    self.report.fail("01", "a structure element's /P is not its parent", self.type_of(kid))
                self.walk(kid, page, depth + 1)

    def claim(self, key, elem):
        if key[0] is None:
            self.report.fail("01", "an MCID in the structure tree has no page", self.type_of(elem))
            return
        if key in self.mcr:
            self.report.fail("01", "an MCID belongs to two structure elements", "MCID %d" % key[1])
        self.mcr[key] = elem

    def type_of(self, elem):
        return name_of(elem.get("/S")) or "?"

    def standard_type(self, elem):
        """The standard type an element maps to (checkpoint 02), or None."""
        t = self.type_of(elem)
        seen = set()
        while t not in STANDARD_TYPES:
            if t in seen:
                self.report.fail("02-003", "a circular mapping exists in the role map", t)
                return None
            seen.add(t)
            mapped = self.role_map.get("/" + t)
            if mapped is None:
                self.report.fail("02-001", "a non-standard structure type is not mapped to a standard type", t)
                return None
            t = name_of(mapped)
        return t


def check_structure(pdf, report, pages, contents):
    s = Structure(pdf, report)
    if s.root is None:
        return s, {}
    for std in STANDARD_TYPES:
        if "/" + std in s.role_map:
            report.fail("02-004", "a standard structure type is remapped", std)
    types = {}
    for elem, _ in s.elements:
        types[objkey(elem)] = s.standard_type(elem)

    def parent_type(elem):
        p = elem.get("/P")
        if p is None or name_of(p.get("/Type")) == "StructTreeRoot":
            return None
        return types.get(objkey(p))

    # 09: the parent/child syntax of lists, tables and TOCs (ISO 32000-1, 14.8.4.3).
    allowed_parents = {
        "LI": {"L"}, "Lbl": {"LI", "TOCI", "BibEntry", "Note"}, "LBody": {"LI"},
        "TR": {"Table", "THead", "TBody", "TFoot"}, "TH": {"TR"}, "TD": {"TR"},
        "THead": {"Table"}, "TBody": {"Table"}, "TFoot": {"Table"}, "TOCI": {"TOC"},
    }
    allowed_children = {
        "L": ({"LI", "L", "Caption"}, "09-005", "list"),
        "LI": ({"Lbl", "LBody"}, "09-005", "list"),
        "Table": ({"TR", "THead", "TBody", "TFoot", "Caption"}, "09-004", "table"),
        "TR": ({"TH", "TD"}, "09-004", "table"),
        "TOC": ({"TOC", "TOCI", "Caption"}, "09-006", "TOC"),
    }
    checkpoint_of = {"LI": "09-005", "Lbl": "09-005", "LBody": "09-005", "TOCI": "09-006"}
    heading_levels = []
    note_ids = set()
    h_kinds = set()
    for elem, _ in s.elements:
        t = types[objkey(elem)]
        if t is None:
            continue
        pt = parent_type(elem)
        if t in allowed_parents and pt not in allowed_parents[t]:
            cp = checkpoint_of.get(t, "09-004")
            report.fail(cp, "a %s element's parent is %s" % (t, pt), "")
        if t in allowed_children:
            allowed, cp, what = allowed_children[t]
            k = elem.get("/K")
            kids = list(k) if isinstance(k, Array) else ([k] if k is not None else [])
            for kid in kids:
                if isinstance(kid, Dictionary) and name_of(kid.get("/Type")) not in ("MCR", "OBJR"):
                    kt = types.get(objkey(kid))
                    if kt not in allowed:
                        report.fail(cp, "a %s-related element is used against ISO 32000-1's syntax" % what,
                                    "%s inside %s" % (kt, t))
                elif t != "TOC" and t != "L":
                    report.fail(cp, "a %s element holds content directly" % t, "")
        if t in HEADINGS:
            heading_levels.append(int(t[1]))
            h_kinds.add("Hn")
        if t == "H":
            h_kinds.add("H")
        if t == "TH":
            attrs = elem.get("/A")
            attr_list = list(attrs) if isinstance(attrs, Array) else ([attrs] if attrs is not None else [])
            if "/Headers" not in elem and not any(isinstance(a, Dictionary) and "/Scope" in a for a in attr_list):
                report.fail("15-003", "a TH cell has no Scope attribute (and the table uses no Headers)", "")
        if t == "Note":
            i = elem.get("/ID")
            if i is None:
                report.fail("19-003", "a Note element has no ID entry", "")
            elif bytes(i) in note_ids:
                report.fail("19-004", "a Note element's ID is not unique", str(i))
            else:
                note_ids.add(bytes(i))
        if "/Lang" in elem and not BCP47.match(str(elem.Lang)):
            report.fail("11", "a structure element's /Lang is not a language tag", str(elem.Lang))
        if t == "L":
            k = elem.get("/K")
            kids = list(k) if isinstance(k, Array) else ([k] if k is not None else [])
            has_lbl = False
            for kid in kids:
                if isinstance(kid, Dictionary) and types.get(objkey(kid)) == "LI":
                    kk = kid.get("/K")
                    for g in (list(kk) if isinstance(kk, Array) else [kk]):
                        if isinstance(g, Dictionary) and types.get(objkey(g)) == "Lbl":
                            has_lbl = True
            attrs = elem.get("/A")
            attr_list = list(attrs) if isinstance(attrs, Array) else ([attrs] if attrs is not None else [])
            numbering = [a.get("/ListNumbering") for a in attr_list if isinstance(a, Dictionary)]
            if has_lbl and not any(n is not None for n in numbering):
                report.fail("16", "a list with labels has no ListNumbering attribute", "")
    if heading_levels:
        if heading_levels[0] != 1:
            report.fail("14-002", "numbered headings are used but the first is not H1", "H%d" % heading_levels[0])
        for a, b in zip(heading_levels, heading_levels[1:]):
            if b > a + 1:
                report.fail("14-003", "numbered heading levels are skipped", "H%d then H%d" % (a, b))
                break
    if len(h_kinds) > 1:
        report.fail("14-007", "the document uses both H and Hn headings", "")
    for elem, _ in s.elements:
        k = elem.get("/K")
        kids = list(k) if isinstance(k, Array) else []
        if sum(1 for kid in kids if isinstance(kid, Dictionary) and types.get(objkey(kid)) == "H") > 1:
            report.fail("14-006", "a structure node holds more than one H element", "")

    # Every MCID drawn belongs to an element, and the parent tree says which (checkpoint 01: tagged content is
    # content of the structure tree).
    parent_tree = {}
    pt = s.root.get("/ParentTree")
    if pt is None:
        report.fail("01", "the structure tree has no ParentTree")
    else:
        def nums(node):
            if "/Nums" in node:
                n = node.Nums
                for i in range(0, len(n) - 1, 2):
                    parent_tree[int(n[i])] = n[i + 1]
            for kid in node.get("/Kids", []):
                nums(kid)
        nums(pt)
    next_key = s.root.get("/ParentTreeNextKey")
    if parent_tree and (next_key is None or int(next_key) <= max(parent_tree)):
        report.fail("01", "ParentTreeNextKey is missing or not above every key of the parent tree")
    for number, page in enumerate(pages, 1):
        content = contents[number - 1]
        if not content.mcids:
            continue
        if "/StructParents" not in page.obj:
            report.fail("01", "a page with marked content has no StructParents", "page %d" % number)
            continue
        arr = parent_tree.get(int(page.obj.StructParents))
        for mcid in content.mcids:
            elem = s.mcr.get((page.obj.objgen, mcid))
            if elem is None:
                report.fail("01-005", "tagged content is in no structure element (its MCID is not in the tree)",
                            "page %d MCID %d" % (number, mcid))
                continue
            if arr is None or mcid >= len(arr) or arr[mcid].objgen != elem.objgen:
                report.fail("01", "the parent tree does not give an MCID's structure element",
                            "page %d MCID %d" % (number, mcid))
    for (pg, mcid), elem in s.mcr.items():
        page_index = next((i for i, p in enumerate(pages) if p.obj.objgen == pg), None)
        if page_index is None or mcid not in contents[page_index].mcid_text:
            report.fail("01", "the structure tree refers to marked content that is not on its page", "MCID %d" % mcid)
    return s, parent_tree


def element_text(s, elem, contents, pages_by_key, memo=None):
    """The text of an element: its content in tree order (ActualText first)."""
    if "/ActualText" in elem:
        return str(elem.ActualText)
    out = ""
    k = elem.get("/K")
    kids = list(k) if isinstance(k, Array) else ([k] if k is not None else [])
    page = elem.get("/Pg")
    for kid in kids:
        if isinstance(kid, int) or (hasattr(kid, "is_integer") and kid.is_integer):
            idx = pages_by_key.get(page.objgen) if page is not None else None
            if idx is not None:
                out += contents[idx].mcid_text.get(int(kid), "")
        elif isinstance(kid, Dictionary) and name_of(kid.get("/Type")) == "MCR":
            idx = pages_by_key.get(kid.get("/Pg", page).objgen)
            if idx is not None:
                out += contents[idx].mcid_text.get(int(kid.MCID), "")
        elif isinstance(kid, Dictionary) and name_of(kid.get("/Type")) != "OBJR":
            out += element_text(s, kid, contents, pages_by_key)
    return out


def outline_titles(pdf):
    out = []
    outlines = pdf.Root.get("/Outlines")

    def walk(item, depth):
        while item is not None and depth < 50 and len(out) < 100000:
            out.append(str(item.get("/Title", "")))
            if "/First" in item:
                walk(item.First, depth + 1)
            item = item.get("/Next")
    if outlines is not None and "/First" in outlines:
        walk(outlines.First, 0)
    return out


def normalize(text):
    return " ".join(text.split())


def check(path_or_pdf):
    report = Report()
    pdf = path_or_pdf if isinstance(path_or_pdf, pikepdf.Pdf) else pikepdf.open(path_or_pdf)
    root = pdf.Root

    # PDF/UA-1 5: the identification, in XMP (06).
    meta = root.get("/Metadata")
    xmp = b""
    if meta is None:
        report.fail("06-001", "the document does not contain an XMP metadata stream")
    else:
        xmp = meta.read_bytes()
        if not re.search(rb"<pdfuaid:part>\s*1\s*</pdfuaid:part>|pdfuaid:part=\"1\"", xmp):
            report.fail("06-002", "the XMP metadata does not include the PDF/UA identifier")
        if not re.search(rb"<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>[^<]+</rdf:li>", xmp):
            report.fail("06-003", "the XMP metadata does not contain dc:title")
    # 07: the title is what a viewer shows.
    vp = root.get("/ViewerPreferences")
    if vp is None or "/DisplayDocTitle" not in vp:
        report.fail("07-001", "ViewerPreferences has no DisplayDocTitle entry")
    elif not bool(vp.DisplayDocTitle):
        report.fail("07-002", "DisplayDocTitle is false")
    # PDF/UA-1 7.1: a tagged PDF.
    mark = root.get("/MarkInfo")
    if mark is None or not bool(mark.get("/Marked", False)):
        report.fail("01", "MarkInfo /Marked is not true (the document does not say it is tagged)")
    if mark is not None and bool(mark.get("/Suspects", False)):
        report.fail("01-007", "the Suspects entry has a value of true")
    # 11: a default language for everything (page text, ActualText, outline, annotations, metadata).
    lang = root.get("/Lang")
    if lang is None or not str(lang).strip():
        report.fail("11-001", "the natural language of the text cannot be determined (no /Lang in the catalog)")
    elif not BCP47.match(str(lang)):
        report.fail("11-001", "the catalog's /Lang is not a language tag", str(lang))
    if pdf.pdf_version < "1.7" and "/StructTreeRoot" in root:
        pass  # PDF/UA-1 does not require 1.7; pressroom writes it (checked by the tests)

    pages = list(pdf.pages)
    fonts = {}
    contents = [PageContent(pdf, page, n, report, fonts) for n, page in enumerate(pages, 1)]
    s, parent_tree = check_structure(pdf, report, pages, contents)
    pages_by_key = {p.obj.objgen: i for i, p in enumerate(pages)}

    # 18: text repeated at the same place on several pages (running headers and footers) is a pagination
    # artifact: tagged text of that kind is a failure.
    if s.root is not None:
        for i, content in enumerate(contents):
            for mcid, text in content.mcid_text.items():
                t = normalize(text)
                if re.fullmatch(r".*\bPage \d+ of \d+", t):
                    report.fail("18", "a running footer is tagged as real content", "page %d: %s" % (i + 1, t))

    # 28: annotations.
    for number, page in enumerate(pages, 1):
        annots = page.obj.get("/Annots", [])
        if len(annots) and name_of(page.obj.get("/Tabs")) != "S":
            report.fail("28", "a page with annotations has no /Tabs /S (tab order is not the structure's)",
                        "page %d" % number)
        for a in annots:
            sub = name_of(a.get("/Subtype"))
            if sub in ("Popup",):
                continue
            if sub == "Link":
                if "/Contents" not in a or not str(a.Contents).strip():
                    report.fail("28", "a link annotation has no alternate description in /Contents",
                                "page %d" % number)
            elem = s.objr.get(a.objgen) if s.root is not None else None
            if elem is None:
                report.fail("28", "an annotation is not in the structure tree (no OBJR)", "page %d %s" % (number, sub))
                continue
            et = s.standard_type(elem)
            if sub == "Link" and et != "Link":
                report.fail("28", "a link annotation is not nested in a Link element", "page %d in %s" % (number, et))
            elif sub not in ("Link", "Widget", "PrinterMark") and et != "Annot":
                report.fail("28", "an annotation is not nested in an Annot element", "page %d" % number)
            if "/StructParent" not in a:
                report.fail("28", "an annotation has no StructParent", "page %d" % number)
            elif parent_tree.get(int(a.StructParent)) is None or parent_tree[int(a.StructParent)].objgen != elem.objgen:
                report.fail("28", "the parent tree does not give an annotation's structure element", "page %d" % number)

    # 30: a form XObject with marked content drawn more than once would give two places one MCID.
    for number, page in enumerate(pages, 1):
        xobjects = page.obj.get("/Resources", Dictionary()).get("/XObject", Dictionary())
        for key, xo in xobjects.items():
            if "/Ref" in xo:
                report.fail("30-001", "a reference XObject is present", "page %d %s" % (number, key))

    # 27: the outline leads to every heading: each heading's text is an outline entry, in the headings' order
    # (the outline may hold more: an untitled release's chapter).
    if s.root is not None:
        headings = [normalize(element_text(s, e, contents, pages_by_key)) for e, _ in s.elements
                    if s.standard_type(e) in HEADINGS]
        titles = [normalize(t) for t in outline_titles(pdf)]
        if headings and not titles:
            report.fail("27", "the document has headings but no outline (bookmarks)")
        elif headings:
            it = iter(titles)
            for h in headings:
                if not any(t == h for t in it):
                    report.fail("27", "a heading has no outline entry (in the headings' order)", h)
                    break
    return report


# -------------------------------------------------------------- self-test
def content_of(page):
    return b"".join(c.read_bytes() for c in page.obj.Contents) if isinstance(page.obj.Contents, Array) \
        else page.obj.Contents.read_bytes()


def set_content(pdf, page, data):
    page.obj.Contents = pdf.make_stream(data)


class NothingToBreak(Exception):
    """The file has nothing a breakage needs (no list, no link): it is skipped, not missed."""


def first_elem(pdf, wanted):
    root = pdf.Root.StructTreeRoot
    todo = [root.K] if not isinstance(root.K, Array) else list(root.K)
    while todo:
        e = todo.pop(0)
        if isinstance(e, Dictionary) and name_of(e.get("/S")) in wanted:
            return e
        if isinstance(e, Dictionary):
            k = e.get("/K")
            todo += list(k) if isinstance(k, Array) else ([k] if k is not None else [])
    raise NothingToBreak("no %s element" % "/".join(sorted(wanted)))


def annotations(pdf):
    out = [a for p in pdf.pages for a in p.obj.get("/Annots", [])]
    if not out:
        raise NothingToBreak("no annotation")
    return out


def mutations():
    """(expected checkpoint, description, function breaking an opened pdf)"""
    def untagged_text(pdf):
        p = pdf.pages[0]
        font = next(iter(p.obj.Resources.Font.keys()))
        set_content(pdf, p, content_of(p) + ("\nBT %s 10 Tf 72 72 Td <0041> Tj ET\n" % font).encode())

    def artifact_in_mcid(pdf):
        p = pdf.pages[0]
        set_content(pdf, p, content_of(p).replace(b"<</MCID 0>> BDC", b"<</MCID 0>> BDC /Artifact BMC EMC", 1))

    def mcid_in_artifact(pdf):
        p = pdf.pages[0]
        set_content(pdf, p, content_of(p).replace(b"/Artifact <</Type /Layout>> BDC",
                                                  b"/Artifact <</Type /Layout>> BDC /P <</MCID 999>> BDC EMC", 1))

    def unmapped_type(pdf):
        first_elem(pdf, {"P"}).S = Name("/Paragraph")

    def circular(pdf):
        first_elem(pdf, {"P"}).S = Name("/Para")
        pdf.Root.StructTreeRoot.RoleMap = Dictionary(Para=Name("/Text"), Text=Name("/Para"))

    def remapped(pdf):
        pdf.Root.StructTreeRoot.RoleMap = Dictionary(P=Name("/Span"))

    def no_metadata(pdf):
        del pdf.Root["/Metadata"]

    def no_pdfuaid(pdf):
        m = pdf.Root.Metadata
        m.write(m.read_bytes().replace(b"<pdfuaid:part>1</pdfuaid:part>", b""))

    def no_dc_title(pdf):
        m = pdf.Root.Metadata
        m.write(re.sub(rb"<dc:title>.*?</dc:title>", b"", m.read_bytes(), flags=re.S))

    def no_display_title(pdf):
        del pdf.Root.ViewerPreferences["/DisplayDocTitle"]

    def display_title_false(pdf):
        pdf.Root.ViewerPreferences.DisplayDocTitle = False

    def not_marked(pdf):
        del pdf.Root["/MarkInfo"]

    def suspects(pdf):
        pdf.Root.MarkInfo.Suspects = True

    def li_outside_list(pdf):
        first_elem(pdf, {"L"}).S = Name("/Div")

    def lbody_outside_li(pdf):
        first_elem(pdf, {"LI"}).S = Name("/Div")

    def no_list_numbering(pdf):
        del first_elem(pdf, {"L"})["/A"]

    def toci_outside_toc(pdf):
        first_elem(pdf, {"P"}).S = Name("/TOCI")

    def no_to_unicode(pdf):
        for _, f in pdf.pages[0].obj.Resources.Font.items():
            del f["/ToUnicode"]

    def wrong_widths(pdf):
        for _, f in pdf.pages[0].obj.Resources.Font.items():
            w = f.DescendantFonts[0].W
            w[1][0] = w[1][0] + 100
            break

    def not_embedded(pdf):
        for _, f in pdf.pages[0].obj.Resources.Font.items():
            del f.DescendantFonts[0].FontDescriptor["/FontFile2"]
            break

    def no_lang(pdf):
        del pdf.Root["/Lang"]

    def bad_lang(pdf):
        pdf.Root.Lang = String("english please")

    def first_heading_h2(pdf):
        first_elem(pdf, HEADINGS).S = Name("/H2")

    def skipped_level(pdf):
        # The release's title is the H1; the last paragraph, after it, becomes an H3.
        doc = pdf.Root.StructTreeRoot.K
        last_p = [k for k in doc.K if isinstance(k, Dictionary) and name_of(k.get("/S")) == "P"][-1]
        last_p.S = Name("/H3")

    def h_and_hn(pdf):
        first_elem(pdf, {"P"}).S = Name("/H")

    def no_tabs(pdf):
        annotations(pdf)
        for p in pdf.pages:
            if "/Annots" in p.obj:
                del p.obj["/Tabs"]

    def no_contents(pdf):
        for a in annotations(pdf):
            del a["/Contents"]

    def annot_untagged(pdf):
        for a in annotations(pdf):
            del a["/StructParent"]

    def footer_tagged(pdf):
        for p in pdf.pages:
            set_content(pdf, p, content_of(p).replace(b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC",
                                                      b"/Span <</MCID 998>> BDC"))

    def mcid_not_in_tree(pdf):
        p = pdf.pages[0]
        set_content(pdf, p, content_of(p).replace(b"<</MCID 0>>", b"<</MCID 997>>", 1))

    def th_without_scope(pdf):
        e = first_elem(pdf, {"P"})
        e.S = Name("/Table")
        tr = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.TR, P=e))
        th = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.TH, P=tr, K=Array([])))
        tr.K = Array([th])
        e.K = Array([tr])

    def note_without_id(pdf):
        first_elem(pdf, {"P"}).S = Name("/Note")

    def no_outline(pdf):
        del pdf.Root["/Outlines"]

    def reference_xobject(pdf):
        p = pdf.pages[0]
        xo = pdf.make_stream(b"", Type=Name.XObject, Subtype=Name.Form, BBox=Array([0, 0, 1, 1]),
                             Ref=Dictionary(F=String("other.pdf"), Page=0))
        p.obj.Resources.XObject = Dictionary(X9=xo)
        set_content(pdf, p, content_of(p) + b"\n/Artifact BMC /X9 Do EMC\n")

    return [
        ("01-005", "text drawn outside any marked content", untagged_text),
        ("01-003", "an artifact inside tagged content", artifact_in_mcid),
        ("01-004", "tagged content inside an artifact", mcid_in_artifact),
        ("01-005", "an MCID no element claims", mcid_not_in_tree),
        ("01-007", "Suspects true", suspects),
        ("01", "no MarkInfo", not_marked),
        ("02-001", "a structure type without a role mapping", unmapped_type),
        ("02-003", "a circular role mapping", circular),
        ("02-004", "a standard type remapped", remapped),
        ("06-001", "no XMP metadata", no_metadata),
        ("06-002", "no pdfuaid:part", no_pdfuaid),
        ("06-003", "no dc:title", no_dc_title),
        ("07-001", "no DisplayDocTitle", no_display_title),
        ("07-002", "DisplayDocTitle false", display_title_false),
        ("09-005", "list items outside a list", li_outside_list),
        ("09-005", "Lbl and LBody outside a list item", lbody_outside_li),
        ("16", "a list without ListNumbering", no_list_numbering),
        ("09-006", "a TOCI outside a TOC", toci_outside_toc),
        ("10-001", "no ToUnicode", no_to_unicode),
        ("31", "widths that differ from the font program", wrong_widths),
        ("31", "a font not embedded", not_embedded),
        ("11-001", "no /Lang", no_lang),
        ("11-001", "a /Lang that is no language tag", bad_lang),
        ("14-002", "the first heading not H1", first_heading_h2),
        ("14-003", "a heading level skipped", skipped_level),
        ("14-007", "H and Hn mixed", h_and_hn),
        ("15-003", "a TH without Scope", th_without_scope),
        ("18", "the running footer tagged", footer_tagged),
        ("19-003", "a Note without ID", note_without_id),
        ("27", "no outline", no_outline),
        ("28", "no Tabs on a page with links", no_tabs),
        ("28", "a link without Contents", no_contents),
        ("28", "an annotation outside the structure", annot_untagged),
        ("30-001", "a reference XObject", reference_xobject),
    ]


def self_test(path):
    base = check(path)
    if base.failures:
        print("%s: the file to break does not pass to begin with" % path)
        for f in base.failures:
            print("  %s %s: %s" % f)
        return 1
    missed = 0
    for checkpoint, what, fn in mutations():
        with pikepdf.open(path) as pdf:
            try:
                fn(pdf)
            except NothingToBreak as e:
                print("skipped: %s (%s): %s in this file" % (what, checkpoint, e))
                continue
            r = check(pdf)
        if checkpoint not in r.ids():
            print("MISSED: %s: expected %s, got %s" % (what, checkpoint, sorted(r.ids()) or "nothing"))
            missed += 1
        else:
            print("caught: %s (%s)" % (what, checkpoint))
    print("%d of %d breakages missed" % (missed, len(mutations())))
    return 1 if missed else 0


def main(argv):
    if len(argv) >= 2 and argv[0] == "--self-test":
        return max(self_test(p) for p in argv[1:])
    if not argv:
        print(__doc__)
        return 2
    failed = 0
    for path in argv:
        try:
            r = check(path)
        except Exception as e:  # noqa: BLE001 - an unreadable file fails, with why
            print("%s: FAIL\n  00 the file cannot be read: %s" % (path, e))
            failed += 1
            continue
        if r.failures:
            failed += 1
            print("%s: FAIL" % path)
            seen = set()
            for f in r.failures:
                if f in seen:
                    continue
                seen.add(f)
                print("  %s %s: %s" % f)
        else:
            print("%s: ok" % path)
    print("%d of %d files pass" % (len(argv) - failed, len(argv)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
