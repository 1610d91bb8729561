#!/usr/bin/env python3
"""Generates src/passes/encoding/tables.rs: the single-byte codecs the `encoding`
pass undoes, and the letter-bigram plausibility tables it uses as evidence for
legacy single-byte mix-ups.

    python3 tools/gen_encoding_tables.py            # regenerate
    python3 tools/gen_encoding_tables.py --check    # exit 1 if the checked-in file differs

Codecs come from Python's own codec tables. "Sloppy" variants (as browsers and
ftfy use them) read a byte the codec leaves undefined as the code point of the
same number, so every byte has a character and nothing is lost.

Bigram tables come from the letter-pair counts in data/encoding/bigrams-*.tsv
(made by tools/extract_bigrams.py from Hunspell dictionaries; see
data/encoding/SOURCES.md); each table scores a pair of lower-case letters by how
often it occurs in the words, on a 4-bit log scale.
"""
import html.entities, math, pathlib, sys, unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "src/passes/encoding/tables.rs"
DATA = ROOT / "data/encoding"

# (public name, python codec, sloppy?)  Order matters: it is the order the pass
# tries codecs in, most common mix-ups first (the first ten follow ftfy).
CODECS = [
    ("ISO-8859-1", "latin-1", False),
    ("windows-1252", "cp1252", True),
    ("windows-1251", "cp1251", True),
    ("windows-1250", "cp1250", True),
    ("windows-1253", "cp1253", True),
    ("windows-1254", "cp1254", True),
    ("windows-1257", "cp1257", True),
    ("ISO-8859-2", "iso8859_2", True),
    ("macintosh", "mac_roman", True),
    ("IBM437", "cp437", True),
    # UTF-8 read as these: only with evidence beyond the badness heuristic.
    ("KOI8-R", "koi8_r", True),
    ("IBM866", "cp866", True),
    ("x-mac-cyrillic", "mac_cyrillic", True),
    ("IBM850", "cp850", True),
    ("windows-1255", "cp1255", True),
    ("windows-1256", "cp1256", True),
    ("windows-874", "cp874", True),
    # Legacy single-byte only.
    ("ISO-8859-7", "iso8859_7", True),
    ("KOI8-U", "koi8_u", True),
    ("ISO-8859-5", "iso8859_5", True),
    # UTF-8 read as latin-9 (latin-1 with the euro sign, `Œ`, `Š`, `Ž`): it
    # differs from latin-1 in eight bytes, so only a segment with one of those
    # needs it (`Ã€` is `ä`, `Ã¼`... is latin-1's own).
    ("ISO-8859-15", "iso8859_15", True),
]
# How many of CODECS ftfy's heuristic covers (UTF-8 mojibake found by badness alone).
FTFY_CODECS = 10
# The Latin-like codecs whose characters make up the UTF-8 clue classes.
CLUE_CODECS = ["latin-1", "cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257"]

# Bigram tables: (script name, word files, alphabet)
SCRIPTS = [
    ("cyrillic", "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў"),
    ("greek", "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ"),
    ("latin", "abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœßðþāăąćčďđēėęěğģīįıķĺļľłńņňőŕřśşšţťūůűųźżžșț"),
]


def high_table(codec, sloppy):
    out = []
    for b in range(0x80, 0x100):
        try:
            c = bytes([b]).decode(codec)
        except UnicodeDecodeError:
            if not sloppy:
                raise
            c = chr(b)
        out.append(c)
    return out


def rust_char(c):
    return "'\\u{%x}'" % ord(c)


def char_list(name, chars, doc):
    chars = sorted(set(chars))
    body = ",".join("0x%x" % ord(c) for c in chars)
    return f"/// {doc}\npub static {name}: &[u16] = &[{body}];\n"


def clue_classes():
    tables = {c: high_table(c, c != "latin-1") for c in CLUE_CODECS}
    def chars(lo, hi, letters_only):
        s = set()
        for t in tables.values():
            for b in range(lo, hi + 1):
                c = t[b - 0x80]
                if letters_only and not (c.isalpha() or c == "×"):
                    continue
                s.add(c)
        return s
    first2 = chars(0xC2, 0xDF, True)
    first3 = chars(0xE0, 0xEF, True)
    first4 = chars(0xF0, 0xF4, True)
    cont = chars(0x80, 0xBF, False) | {chr(c) for c in range(0x80, 0xC0)}
    loose = set(" –—―‘’‚“”„•…")
    strict = cont - loose
    return first2, first3, first4, cont, strict


def bigrams(script, alphabet):
    index = {c: i for i, c in enumerate(alphabet)}
    n = len(alphabet)
    counts = [0] * (n * n)
    path = DATA / f"bigrams-{script}.tsv"
    for line in path.read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        pair, count = line.split("\t")
        a, b = pair[0], pair[1]
        if a in index and b in index:
            counts[index[a] * n + index[b]] += int(count)
    top = max(counts)
    # Score 0..15: 0 never seen (or nearly never); else log-scaled frequency
    # relative to the most common pair (15), so that the scale does not depend
    # on how many words went in.
    scores = []
    for c in counts:
        if c < 3:
            scores.append(0)
        else:
            scores.append(max(1, min(15, round(15 + math.log2(c / top)))))
    packed = bytearray()
    for i in range(0, len(scores), 2):
        lo = scores[i]
        hi = scores[i + 1] if i + 1 < len(scores) else 0
        packed.append(lo | (hi << 4))
    return n, packed


def generate():
    out = []
    out.append("// generated by tools/gen_encoding_tables.py -- do not edit\n")
    out.append("//! Codec tables and letter-bigram tables (see the generator for sources).\n\n")
    out.append("/// A single-byte codec: what bytes 0x80..=0xFF read as.\n")
    out.append("pub struct CodecTable {\n    /// The WHATWG (or IANA) name.\n    pub name: &'static str,\n")
    out.append("    /// Characters for bytes 0x80..=0xFF.\n    pub high: [char; 128],\n")
    out.append("    /// (character, byte) pairs sorted by character, for encoding.\n    pub reverse: [(char, u8); 128],\n}\n\n")
    out.append(f"/// How many of [`CODECS`] the badness heuristic alone may trigger.\npub const FTFY_CODECS: usize = {FTFY_CODECS};\n\n")
    for const, wanted in [("LATIN1", "ISO-8859-1"), ("WINDOWS_1252", "windows-1252"), ("MACINTOSH", "macintosh")]:
        idx = [n for n, _, _ in CODECS].index(wanted)
        out.append(f"/// The position of {wanted} in [`CODECS`].\npub const {const}: usize = {idx};\n")
    out.append("\n")
    out.append("/// Every codec the pass knows, in the order it tries them.\npub static CODECS: &[CodecTable] = &[\n")
    for name, codec, sloppy in CODECS:
        t = high_table(codec, sloppy)
        rev = sorted((c, 0x80 + i) for i, c in enumerate(t))
        # keep the first byte for a character that two bytes share (none expected)
        seen = set(); rev2 = []
        for c, b in rev:
            if c in seen:
                raise SystemExit(f"{codec}: {c!r} twice")
            seen.add(c); rev2.append((c, b))
        out.append(f"    CodecTable {{\n        name: {name!r},\n".replace("'", '"'))
        out.append("        high: [" + ",".join(rust_char(c) for c in t) + "],\n")
        out.append("        reverse: [" + ",".join(f"({rust_char(c)},0x{b:x})" for c, b in rev2) + "],\n    },\n")
    out.append("];\n\n")
    f2, f3, f4, cont, strict = clue_classes()
    out.append(char_list("FIRST_OF_2", f2, "Letters that Latin-like codecs read from UTF-8 lead bytes 0xC2..=0xDF."))
    out.append(char_list("FIRST_OF_3", f3, "Letters read from lead bytes 0xE0..=0xEF."))
    out.append(char_list("FIRST_OF_4", f4, "Letters read from lead bytes 0xF0..=0xF4."))
    out.append(char_list("CONTINUATION", cont, "Characters read from continuation bytes 0x80..=0xBF."))
    out.append(char_list("CONTINUATION_STRICT", strict, "Continuation characters that rarely stand for themselves next to mojibake."))
    out.append("\n/// A letter-bigram table for one script.\npub struct Bigrams {\n    pub script: &'static str,\n    /// The letters, lower case; a bigram's index is `i * len + j`.\n    pub alphabet: &'static str,\n    /// How many letters the alphabet has.\n    pub size: usize,\n    /// 4-bit scores, two per byte (low nibble first): 0 never seen, 15 most common.\n    pub packed: &'static [u8],\n}\n\n")
    out.append("/// Bigram tables, one per script.\npub static BIGRAMS: &[Bigrams] = &[\n")
    for script, alphabet in SCRIPTS:
        n, packed = bigrams(script, alphabet)
        out.append(f"    Bigrams {{\n        script: \"{script}\",\n        alphabet: \"{alphabet}\",\n        size: {n},\n        packed: &[")
        out.append(",".join(str(b) for b in packed))
        out.append("],\n    },\n")
    out.append("];\n\n")
    ents = sorted(html.entities.name2codepoint.items())
    out.append("/// The HTML 4 named character references (Python's html.entities, from the W3C\n/// HTML 4.01 entity sets), sorted by name.\n")
    out.append("pub static ENTITIES: &[(&str, char)] = &[")
    out.append(",".join(f'("{n}",{rust_char(chr(c))})' for n, c in ents))
    out.append("];\n")
    return "".join(out)


if __name__ == "__main__":
    text = generate()
    if "--check" in sys.argv:
        if OUT.read_text("utf-8") != text:
            print(f"{OUT} is out of date; run tools/gen_encoding_tables.py", file=sys.stderr)
            sys.exit(1)
    else:
        OUT.write_text(text, "utf-8")
