#!/usr/bin/env python3
"""Counts letter bigrams in Hunspell dictionaries and writes
data/encoding/bigrams-<script>.tsv (one "pair<TAB>count" per line).

Each dictionary's stems are expanded with its own affix rules (one suffix, one
prefix, and both where the rules allow the cross product), so that inflected
forms count as well as the stems: a stem list alone misses most of what a
language writes (Portuguese `opinião` is a stem, `opiniões` is not; Polish,
Czech or Russian case endings are all suffixes). Each distinct form of a stem
counts once. (Hungarian counts by its stems only; see STEMS_ONLY.)

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
ENCODINGS = {
    "ISO8859-7": "iso8859_7", "ISO8859-1": "latin-1", "ISO8859-2": "iso8859_2",
    "ISO8859-13": "iso8859_13", "ISO8859-15": "iso8859_15",
}
# Most forms taken from one stem (the first in sorted order): a guard
# against affix sets that multiply (Lithuanian makes a hundred forms a stem).
MAX_FORMS = 300
# A pair in this many forms of one dictionary counts as seen (SEEN, the
# least count the tables score above zero) even when scaling makes it rarer.
MIN_FORMS = 20
SEEN = 3
# Dictionaries counted by their stems alone: Hungarian's affix file has some
# 24,000 suffix rules behind its flag aliases, made for its compounding, and
# expanding them takes hours in this script.
STEMS_ONLY = {"hu_HU"}


class Affixes:
    """The parts of a Hunspell .aff file that make word forms."""

    def __init__(self, name):
        raw = (HUNSPELL / f"{name}.aff").read_bytes()
        m = re.search(rb"^SET\s+(\S+)", raw, re.M)
        enc = m.group(1).decode() if m else "utf-8"
        self.encoding = ENCODINGS.get(enc, enc)
        text = raw.decode(self.encoding, "replace")
        m = re.search(r"^FLAG\s+(\S+)", text, re.M)
        self.flag_type = m.group(1) if m else "char"
        self.aliases = []  # AF: flag sets referred to by number
        # flag -> (is_prefix, cross_product, [(strip, add, condition regex)])
        self.rules = {}
        for line in text.splitlines():
            parts = line.split("#", 1)[0].split() if not line.startswith("#") else []
            if not parts:
                continue
            if parts[0] == "AF" and len(parts) >= 2 and not parts[1].isdigit():
                self.aliases.append(parts[1])
            elif parts[0] in ("SFX", "PFX") and len(parts) >= 4:
                prefix = parts[0] == "PFX"
                flag = parts[1]
                if flag not in self.rules and parts[2] in ("Y", "N") and parts[3].isdigit():
                    self.rules[flag] = (prefix, parts[2] == "Y", [])
                    continue
                if flag in self.rules and len(parts) >= 4:
                    strip = "" if parts[2] == "0" else parts[2]
                    add = parts[3].split("/", 1)[0]
                    add = "" if add == "0" else add
                    cond = parts[4] if len(parts) >= 5 else "."
                    self.rules[flag][2].append((strip, add, condition(cond, prefix)))

    def flags(self, field):
        """The flags of a .dic entry's flag field."""
        if self.aliases and field.isdigit():
            n = int(field)
            field = self.aliases[n - 1] if 0 < n <= len(self.aliases) else ""
        if self.flag_type == "long":
            return [field[i:i + 2] for i in range(0, len(field), 2)]
        if self.flag_type == "num":
            return [f for f in field.split(",") if f]
        return list(field)

    def forms(self, stem, flags):
        """`stem` and the forms its flags make (at most MAX_FORMS)."""
        out = {stem}
        suffixed = []
        for f in flags:
            rule = self.rules.get(f)
            if not rule or rule[0]:
                continue
            for strip, add, cond in rule[2]:
                if stem.endswith(strip) and cond.search(stem):
                    w = stem[: len(stem) - len(strip)] + add
                    out.add(w)
                    if rule[1]:
                        suffixed.append(w)
        for f in flags:
            rule = self.rules.get(f)
            if not rule or not rule[0]:
                continue
            for strip, add, cond in rule[2]:
                for base in [stem] + (suffixed if rule[1] else []):
                    if base.startswith(strip) and cond.search(base):
                        out.add(add + base[len(strip):])
            if len(out) > MAX_FORMS:
                break
        return sorted(out)[:MAX_FORMS] if len(out) > MAX_FORMS else out


def condition(cond, prefix):
    """A Hunspell affix condition (`[^aeiou]y`, `.`) as a compiled regex,
    anchored at the start for a prefix and at the end for a suffix."""
    if cond == ".":
        return re.compile("")
    out = []
    i = 0
    while i < len(cond):
        c = cond[i]
        if c == "[":
            j = cond.find("]", i)
            if j < 0:
                j = len(cond)
            body = cond[i + 1 : j]
            neg = body.startswith("^")
            chars = body[1:] if neg else body
            out.append("[" + ("^" if neg else "") + re.escape(chars) + "]")
            i = j + 1
        elif c == ".":
            out.append(".")
            i += 1
        else:
            out.append(re.escape(c))
            i += 1
    pattern = "".join(out)
    return re.compile(("^" + pattern) if prefix else (pattern + "$"))


def entries(dic):
    """The stems of `dic`, each with the forms it makes (see Affixes.forms)."""
    aff = Affixes(dic)
    lines = (HUNSPELL / f"{dic}.dic").read_bytes().decode(aff.encoding, "replace").splitlines()
    for line in lines[1:]:
        entry = line.split("\t", 1)[0].strip()
        if not entry or entry.startswith("#"):
            continue
        entry = entry.split()[0]
        stem, _, field = entry.partition("/")
        if not stem:
            continue
        flags = [] if dic in STEMS_ONLY else aff.flags(field)
        yield stem, aff.forms(stem, flags)


def pairs(word):
    """The pairs of adjacent letters in `word`, lower case and NFC."""
    w = unicodedata.normalize("NFC", word.lower())
    return [a + b for a, b in zip(w, w[1:]) if a.isalpha() and b.isalpha()]


def dictionary_counts(dic):
    """The letter pairs of `dic`'s stems and of all its forms, and how many
    forms there are."""
    stem_pairs = collections.Counter()
    form_pairs = collections.Counter()
    n_forms = 0
    for stem, made in entries(dic):
        stem_pairs.update(pairs(stem))
        for w in made:
            n_forms += 1
            form_pairs.update(pairs(w))
    return stem_pairs, form_pairs, n_forms


def main():
    for script, dics in SCRIPTS.items():
        counted = {dic: dictionary_counts(dic) for dic in dics}
        # The scale of the counts written: as many pairs as all the stems
        # have, so that the tables' floor (a pair seen fewer than three
        # times is never seen) means what it meant for stems alone.
        total = sum(sum(stem_pairs.values()) for stem_pairs, _, _ in counted.values())
        counts = collections.Counter()
        for dic, (_, form_pairs, n_forms) in counted.items():
            # Each pair counts at its share of the language where it is
            # commonest: the question the tables answer is whether a word
            # reads as a word of some language, and Portuguese `õe` (in
            # `opiniões`) is common in Portuguese, however rare it is over
            # eighteen languages. A pair many forms have counts as seen.
            size = max(1, sum(form_pairs.values()))
            for k, v in form_pairs.items():
                share = v / size * total
                counts[k] = max(counts[k], share, SEEN if v >= MIN_FORMS else 0)
            print(f"  {dic}: {n_forms} forms")
        out = ROOT / f"data/encoding/bigrams-{script}.tsv"
        lines = [f"{k}\t{round(v)}" for k, v in sorted(counts.items()) if round(v) >= 2]
        header = (
            f"# letter bigram counts from Hunspell dictionaries {', '.join(dics)}, "
            "stems and the forms their affix rules make; see SOURCES.md\n"
        )
        out.write_text(header + "\n".join(lines) + "\n", "utf-8")
        print(script, len(lines))


if __name__ == "__main__":
    main()
