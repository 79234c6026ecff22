#!/usr/bin/env python3
"""Builds the word lists that lineage uses to tell a word kept from another language.

Writes src/main/resources/org/lente/story/lexicon-{it,en}.txt: the distinct lower-cased words
(letters only, three or more) of the same number of tokens of original news in each language:

  it  KIND's Wikinews part (ner/kind/WN_train.tsv, then WN_dev.tsv): Italian Wikinews articles,
      text CC BY 2.5 (Wikinews), annotations not used.
  en  GUM's news documents (coref/gum-news/conll, CC BY 2.5, English Wikinews), then the article
      bodies of the Scrapinghub extraction benchmark (extraction/scrapinghub/ground-truth.json, MIT)
      that read as English.

Both lists come from the same token budget (the smaller of the two sources), so that neither
language looks richer than the other because it was read longer. The lists hold single words,
never text. Usage: bench/make-lexicons.py [DATA_DIR] (default ../shared/data).
"""
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data")
OUT = os.path.join(ROOT, "src", "main", "resources", "org", "lente", "story")
WORD = re.compile(r"[^\W\d_]+")


def words(token):
    """The letter runs of a token written in lower case ("dell'" gives "dell"; "Apple" gives none)."""
    return [w for w in WORD.findall(token.replace("’", "'")) if w.islower()]


# Function words that only one of the two languages has: a sentence of Italian news that is mostly
# English ones is a quotation or a title in English, and is left out of the Italian list (and the reverse).
ONLY = {
    "it": {"il", "della", "delle", "degli", "dei", "che", "per", "sono", "anche", "questo", "questa", "non", "gli",
           "alla", "con", "una", "nel", "nella", "del", "le", "la", "di", "da", "è"},
    "en": {"the", "of", "and", "with", "which", "that", "was", "were", "has", "have", "been", "from", "this", "would",
           "will", "their", "its", "is", "are", "by", "for", "they", "he", "she", "to"},
}


def native(sentence, lang):
    """The sentence's tokens, or none when more of them are the other language's function words than its own."""
    other = "en" if lang == "it" else "it"
    mine = sum(1 for t in sentence if t.lower() in ONLY[lang])
    theirs = sum(1 for t in sentence if t.lower() in ONLY[other])
    return [] if theirs >= 2 and theirs > mine else sentence


def italian():
    for name in ("WN_train.tsv", "WN_dev.tsv"):
        with open(os.path.join(DATA, "ner", "kind", name), encoding="utf-8") as f:
            sentence = []
            for line in f:
                if "\t" in line:
                    sentence.append(line.split("\t", 1)[0])
                else:
                    yield from native(sentence, "it")
                    sentence = []
            yield from native(sentence, "it")


def english():
    for path in sorted(glob.glob(os.path.join(DATA, "coref", "gum-news", "conll", "*.conll"))):
        with open(path, encoding="utf-8") as f:
            sentence = []
            for line in f:
                if "\t" in line and not line.startswith("#"):
                    sentence.append(line.split("\t")[1])
                elif not line.strip():
                    yield from native(sentence, "en")
                    sentence = []
            yield from native(sentence, "en")
    with open(os.path.join(DATA, "extraction", "scrapinghub", "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    for key in sorted(truth):
        tokens = re.findall(r"\w+(?:'\w+)?|[^\w\s]", truth[key].get("articleBody") or "")
        common = sum(1 for t in tokens if t.lower() in ("the", "and", "of"))
        if len(tokens) > 150 and common / len(tokens) > 0.05:  # English bodies only
            for paragraph in (truth[key].get("articleBody") or "").split("\n"):
                yield from native(re.findall(r"\w+(?:'\w+)?|[^\w\s]", paragraph), "en")


def main():
    if not os.path.isdir(DATA):
        sys.exit(f"make-lexicons: no data folder at {DATA}")
    sources = {"it": list(italian()), "en": list(english())}
    budget = min(len(t) for t in sources.values())
    os.makedirs(OUT, exist_ok=True)
    for lang, tokens in sources.items():
        seen = {w for t in tokens[:budget] for w in words(t) if len(w) >= 3}
        path = os.path.join(OUT, f"lexicon-{lang}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"# {len(seen)} words written in lower case in {budget} tokens of original {lang} news; built by bench/make-lexicons.py\n")
            for w in sorted(seen):
                f.write(w + "\n")
        print(f"{path}: {len(seen)} words from {budget} of {len(tokens)} tokens")


if __name__ == "__main__":
    main()
