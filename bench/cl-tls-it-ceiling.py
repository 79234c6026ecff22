#!/usr/bin/env python3
"""How far the topic folders of cl-tls-it can be recovered from the articles' text at all.

`lente eval stories` scores Lente's stories against the four topic folders (egypt, libya, syria,
yemen) with NMI. This script gives that figure a ceiling: it labels each article with the country
its text names most often (by country, people, demonym and city names that know the four topics
in advance, plus a fifth label for the other Arab Spring countries) and scores that labelling the
same way. It also counts articles that never name their folder's country, such as Global Voices
round-ups about Yemen, Morocco or Sudan filed under syria.

Usage: bench/cl-tls-it-ceiling.py [CORPUS_DIR] (default ../shared/data/corpus/cl-tls-it).
Reads the corpus; copies nothing.
"""
import collections
import glob
import math
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "corpus", "cl-tls-it")
NAMES = {
    "syria": r"Siri|sirian|Damasco|Assad|Aleppo|Homs|Daraa|Idlib",
    "egypt": r"Egitt|egizian|Cairo|Mubarak|Morsi|Tahrir|Sisi",
    "libya": r"Libi|libic|Tripoli|Bengasi|Gheddafi|Misurata|Sirte",
    "yemen": r"Yemen|yemenit|Sana|Saleh|Aden|Houthi|huthi",
    "other": r"Tunisi|Marocc|Bahrein|Sudan|Giordan",
}


def nmi(truth, found):
    """Normalised mutual information, arithmetic-mean normalisation (as `lente eval stories`)."""
    n = len(truth)
    a, b, ab = collections.Counter(truth), collections.Counter(found), collections.Counter(zip(truth, found))
    h = lambda c: -sum(v / n * math.log(v / n) for v in c.values())
    i = sum(v / n * math.log(v * n / (a[x] * b[y])) for (x, y), v in ab.items())
    return 2 * i / (h(a) + h(b))


def main():
    files = sorted(glob.glob(os.path.join(CORPUS, "*", "*", "*.txt")))
    if not files:
        sys.exit(f"cl-tls-it-ceiling: no articles under {CORPUS}")
    truth, found, silent = [], [], 0
    for path in files:
        topic = os.path.basename(os.path.dirname(os.path.dirname(path)))
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        counts = collections.Counter({k: len(re.findall(v, text)) for k, v in NAMES.items()})
        truth.append(topic)
        found.append(counts.most_common(1)[0][0])
        silent += counts[topic] == 0
    right = sum(t == f for t, f in zip(truth, found))
    print(f"articles {len(files)}; never name their folder's country {silent}")
    print(f"labelled by the country named most: agrees with the folder {right / len(files):.3f}, "
          f"NMI {nmi(truth, found):.3f}")


if __name__ == "__main__":
    main()
