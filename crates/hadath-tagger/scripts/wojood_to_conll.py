#!/usr/bin/env python3
"""Maps the Wojood sample (nested NER, 21 types) to flat ANERcorp-style BIO over PER, LOC, ORG, MISC.

Usage (from the repository root):
    python3 crates/hadath-tagger/scripts/wojood_to_conll.py \
        ../shared/data/ner/wojood-sample/train.txt ../shared/data/ner/wojood-sample/val.txt > /tmp/wojood.conll

`--self-test` checks the mapping rules on sentences written for it.

Input: space-separated lines, a token then one or more nested BIO tags; blank lines between
sentences; the `$#$` paragraph marker is dropped. Output: `token<TAB>tag` lines as in
anercorp-train.conll, read by `train-tagger --extra`.

The mapping follows how ANERcorp tags the same kinds of names:
- PERS -> PER; GPE and LOC -> LOC; ORG -> ORG; EVENT, FAC, PRODUCT and CURR (currency names,
  which ANERcorp tags MISC) -> MISC; everything else (NORP, OCC, DATE, numbers, LAW, ...) -> O.
  ANERcorp leaves nationality adjectives and job titles untagged.
- Nested spans: the longest span of a mapped type wins, so a place or organisation inside an
  occupation ("mayor of X") is kept and the occupation dropped.
- A leading head noun (city, village, district, province, camp, strip, region, river, island,
  mountain, municipality, newspaper, movement ...) leaves the span: ANERcorp tags the name after
  it, not the head noun.
- An ORG span whose text is a GPE elsewhere in the input (a country acting as a government)
  becomes LOC: ANERcorp tags country and capital names LOC whatever their role.
"""
import sys

MAP = {"PERS": "PER", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG", "EVENT": "MISC", "FAC": "MISC",
       "CURR": "MISC", "PRODUCT": "MISC"}
HEADS = {"مدينة", "قرية", "قضاء", "محافظة", "مخيم", "قطاع", "منطقة", "نهر", "جزيرة", "إقليم", "ولاية",
         "جبل", "بلدة", "بلدية", "صحيفة", "جريدة", "حركة", "مجلة"}
PROCLITICS = ("", "و", "ب", "ل", "ف", "وب", "ول")
HEAD_FORMS = {c + h for h in HEADS for c in PROCLITICS}


def read(path):
    sents, cur = [], []
    for line in open(path, encoding="utf-8"):
        cols = line.split()
        if not cols:
            if cur:
                sents.append(cur)
            cur = []
        elif cols[0] != "$#$":
            cur.append(cols)
    if cur:
        sents.append(cur)
    return sents


def spans(sent):
    """Every (start, end, type) span of every nesting level."""
    out = []
    for i, cols in enumerate(sent):
        for tag in cols[1:]:
            if tag.startswith("B-"):
                kind = tag[2:]
                j = i + 1
                while j < len(sent) and ("I-" + kind) in sent[j][1:]:
                    j += 1
                out.append((i, j, kind))
    return out


def convert(sents):
    """Flat (token, tag) lists for nested Wojood sentences."""
    gpe = {" ".join(c[0] for c in s[i:j]) for s in sents for i, j, k in spans(s) if k == "GPE"}
    result = []
    for s in sents:
        labels = ["O"] * len(s)
        cand = sorted(((i, j, MAP[k]) for i, j, k in spans(s) if k in MAP), key=lambda x: (x[0] - x[1], x[0]))
        taken = [False] * len(s)
        for i, j, kind in cand:
            if any(taken[i:j]):
                continue
            for k in range(i, j):
                taken[k] = True
            while j - i > 1 and kind in ("LOC", "ORG") and s[i][0] in HEAD_FORMS:
                i += 1
            if kind == "ORG" and " ".join(c[0] for c in s[i:j]) in gpe:
                kind = "LOC"
            labels[i] = "B-" + kind
            for k in range(i + 1, j):
                labels[k] = "I-" + kind
        result.append([(cols[0], label) for cols, label in zip(s, labels)])
    return result


def self_test():
    def sent(text):
        return [w.split("/") for w in text.split()]

    got = convert([
        # A head noun leaves the place name; a nested occupation gives way to the place inside.
        sent("زار/O الوفد/O مدينة/B-GPE طرطوس/I-GPE وبلدة/B-GPE صافيتا/I-GPE"),
        # Not a head noun: the university keeps its first word, as ANERcorp tags it.
        sent("درس/O في/O جامعة/B-ORG حلب/I-ORG/B-GPE"),
        # A country tagged as an organisation is a place; an organisation stays one.
        sent("انتقدت/O كندا/B-ORG قرار/O الشركة/B-ORG"),
        sent("التقى/O رئيس/B-OCC بلدية/I-OCC/B-ORG صيدا/I-OCC/I-ORG/B-GPE وسفير/B-OCC كندا/I-OCC/B-GPE"),
        # Nationality adjectives and dates are not ANERcorp entities.
        sent("قال/O الوزير/O اللبناني/B-NORP يوم/B-DATE الأحد/I-DATE"),
    ])
    tags = [[t for _, t in s] for s in got]
    assert tags[0] == ["O", "O", "O", "B-LOC", "O", "B-LOC"], tags[0]
    assert tags[1] == ["O", "O", "B-ORG", "I-ORG"], tags[1]
    assert tags[2] == ["O", "B-LOC", "O", "B-ORG"], tags[2]
    assert tags[3] == ["O", "O", "O", "B-LOC", "O", "B-LOC"], tags[3]
    assert tags[4] == ["O"] * 5, tags[4]
    print("self-test passed")


def main():
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        return
    sents = [s for p in sys.argv[1:] for s in read(p)]
    out = sys.stdout
    for s in convert(sents):
        for token, label in s:
            out.write(f"{token}\t{label}\n")
        out.write("\n")


if __name__ == "__main__":
    main()
