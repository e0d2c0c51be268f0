#!/usr/bin/env python3
"""Measure how much of the evaluation data's actor mentions the curated lexicon forms cover.

Usage: python3 tools/gen-people/coverage.py      (from the repository root)

Reads ../shared/data (NewsFANE dev and the PLOVER gold standard) when it exists, and prints:
  * the share of NewsFANE Politician mentions that contain a form from data/lexicon/people/;
  * the share of gold-standard coder actor spans (source and target) that contain a form from
    agents.tsv, organisations.tsv or the people files (with a crude proclitic strip);
  * the most frequent uncovered mentions, as hints for curation.
This is a string-level upper bound for the engine's recall, not an evaluation of it.
Prints "skipped: data pack not found" when the data pack is absent.
"""
import collections
import glob
import itertools
import json
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
LEXICON = os.path.join(ROOT, "data", "lexicon")
DATA = os.path.join(ROOT, "..", "shared", "data")


def norm(text):
    """An approximation of the engine's normalisation chain."""
    text = re.sub("[\u064B-\u0652\u0640]", "", text)
    text = re.sub("[\u0622\u0623\u0625\u0671]", "\u0627", text)
    return text.replace("\u0649", "\u064A").replace("\u0629", "\u0647").replace("\u0624", "\u0648").replace("\u0626", "\u064A")


def forms_of(path, column):
    """Normalised forms of one lexicon file."""
    found = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) > column:
                found.update(norm(f) for f in fields[column].split("|") if f)
    return found


def variants(token):
    """The token and the token without a one-letter proclitic or with لل turned into ال."""
    out = [token]
    if len(token) > 3 and token[0] in "وفبلك":
        out.append(token[1:])
    if token.startswith("لل"):
        out.append("ال" + token[2:])
    return out


def contains_form(text, forms, max_len=5):
    toks = [variants(t) for t in norm(text).split()]
    for i in range(len(toks)):
        for j in range(i + 1, min(len(toks), i + max_len) + 1):
            if any(" ".join(c) in forms for c in itertools.product(*toks[i:j])):
                return True
    return False


def politician_mentions(path):
    counts = collections.Counter()
    current = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            tag = fields[2] if len(fields) >= 3 else ""
            if tag == "I-Politician" and current:
                current.append(fields[0])
                continue
            if current:
                counts[" ".join(current)] += 1
                current = []
            if tag == "B-Politician":
                current = [fields[0]]
    if current:
        counts[" ".join(current)] += 1
    return counts


def main():
    newsfane = os.path.join(DATA, "ner", "newsfane-dev.conll")
    gold = os.path.join(DATA, "events", "gsr-dev.jsonl")
    if not (os.path.exists(newsfane) and os.path.exists(gold)):
        print("skipped: data pack not found")
        return 0
    people = set()
    for path in glob.glob(os.path.join(LEXICON, "people", "*.tsv")):
        people |= forms_of(path, 2)
    actors = people | forms_of(os.path.join(LEXICON, "agents.tsv"), 0) | forms_of(os.path.join(LEXICON, "organisations.tsv"), 2)

    mentions = politician_mentions(newsfane)
    missed = collections.Counter({m: c for m, c in mentions.items() if not contains_form(m, people)})
    total = sum(mentions.values())
    print(f"NewsFANE dev Politician mentions containing a people form: {total - sum(missed.values())} / {total}")
    print("  most frequent uncovered:", ", ".join(f"{m} ({c})" for m, c in missed.most_common(15)))

    spans = collections.Counter()
    with open(gold, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for annotation in record.get("annotations") or []:
                for key in ("source_text", "target_text"):
                    if annotation.get(key):
                        spans[annotation[key]] += 1
    missed = collections.Counter({s: c for s, c in spans.items() if not contains_form(s, actors)})
    total = sum(spans.values())
    print(f"Gold-standard coder actor spans containing a lexicon form: {total - sum(missed.values())} / {total}")
    print("  most frequent uncovered:", ", ".join(f"{m} ({c})" for m, c in missed.most_common(15)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
