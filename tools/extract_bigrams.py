#!/usr/bin/env python3
"""Counts letter bigrams in Hunspell dictionaries and writes
data/encoding/bigrams-<script>.tsv (one "pair<TAB>count" per line).

The dictionaries themselves are not copied into the project: only these counts,
which tools/gen_encoding_tables.py turns into the pass's plausibility tables.
Run on a Debian system with the packages listed in data/encoding/SOURCES.md:

    apt-get install hunspell-ru hunspell-uk hunspell-bg hunspell-el \
        hunspell-fr-classical hunspell-es hunspell-it hunspell-pt-pt hunspell-de-de \
        hunspell-ca hunspell-pl hunspell-cs hunspell-sk hunspell-hr hunspell-ro \
        hunspell-hu hunspell-tr hunspell-lt hunspell-lv hunspell-da hunspell-sv hunspell-is
    python3 tools/extract_bigrams.py
"""
import collections, pathlib, re, unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
HUNSPELL = pathlib.Path("/usr/share/hunspell")
SCRIPTS = {
    "cyrillic": ["ru_RU", "uk_UA", "bg_BG"],
    "greek": ["el_GR"],
    "latin": [
        "fr_FR", "es_ES", "it_IT", "pt_PT", "de_DE", "ca", "pl_PL", "cs_CZ", "sk_SK",
        "hr_HR", "ro_RO", "hu_HU", "tr_TR", "lt_LT", "lv_LV", "da_DK", "sv_SE", "is_IS",
    ],
}


def words(dic):
    aff = (HUNSPELL / f"{dic}.aff").read_bytes()
    m = re.search(rb"^SET\s+(\S+)", aff, re.M)
    enc = m.group(1).decode() if m else "utf-8"
    enc = {
        "ISO8859-7": "iso8859_7", "ISO8859-1": "latin-1", "ISO8859-2": "iso8859_2",
        "ISO8859-13": "iso8859_13", "ISO8859-15": "iso8859_15",
    }.get(enc, enc)
    lines = (HUNSPELL / f"{dic}.dic").read_bytes().decode(enc, "replace").splitlines()
    for line in lines[1:]:
        w = line.split("/", 1)[0].strip()
        if w:
            yield unicodedata.normalize("NFC", w.lower())


def main():
    for script, dics in SCRIPTS.items():
        counts = collections.Counter()
        for dic in dics:
            for w in words(dic):
                for a, b in zip(w, w[1:]):
                    if a.isalpha() and b.isalpha():
                        counts[a + b] += 1
        out = ROOT / f"data/encoding/bigrams-{script}.tsv"
        lines = [f"{k}\t{v}" for k, v in sorted(counts.items()) if v >= 2]
        header = f"# letter bigram counts from Hunspell dictionaries {', '.join(dics)}; see SOURCES.md\n"
        out.write_text(header + "\n".join(lines) + "\n", "utf-8")
        print(script, len(lines))


if __name__ == "__main__":
    main()
