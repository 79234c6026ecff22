#!/usr/bin/env python3
"""Learns when two articles in different languages make a translation link, from MEANTIME's
professional translations, cross-validated by topic (airbus, apple), and writes the weights Lente uses.

Input: tab-separated features of every pair of articles in different languages (bench/LineageFeatures.java,
over a knowledge base made by `lente ingest` of MEANTIME's texts written by ../shared/tools/meantime_text.py).
A pair is a translation when both articles have the same file key (TOPIC-ID). The model is a logistic
regression on the common sequence's coverage, its passage coverage and its order (org.lente.story.Likeness), trained on the pairs
of the two languages Lente resolves names in (it, en), with balanced class weights and an L2 penalty;
the pairs of es and nl (names by their capitals only) are reported apart as a check.

More than one features file may be given: those of the variants bench/lineage-variants.py makes (--keep DIR keeps their
knowledge bases, DIR/VARIANT/kb-undated), each reported apart; the folds are still the topics, every file's pairs of
one topic together (learn on airbus and its variants, test on apple and its variants, and the reverse).
--features NAMES (comma-separated) chooses the features, to compare models.

Usage: bench/lineage-calibrate.py FEATURES.tsv [MORE.tsv ...] [--features coverage,passage,order]
  [--write src/main/resources/org/lente/story/translation-link.properties]
"""
import csv, math, sys

FEATURES = ['coverage', 'passage', 'order']
RESOLVED = {'it', 'en'}
L2 = 0.001


def load(path):
    out = []
    for r in csv.DictReader(open(path, encoding='utf-8'), delimiter='\t'):
        out.append({'topic': r['article'].split('-')[0], 'pair': (r['language'], r['related_language']), 'file': path,
                    'x': [float(r[f]) for f in FEATURES], 'y': int(r['article'] == r['related'])})
    return out


def train(rows, iterations=50):
    """Newton's method on the class-balanced log loss with an L2 penalty on the weights (not the bias)."""
    pos = sum(r['y'] for r in rows)
    cw = {1: len(rows) / (2 * pos), 0: len(rows) / (2 * (len(rows) - pos))}
    n = len(FEATURES) + 1
    w = [0.0] * n
    for _ in range(iterations):
        g = [L2 * w[i] * len(rows) if i else 0.0 for i in range(n)]
        h = [[(L2 * len(rows) if i == j and i else 0.0) for j in range(n)] for i in range(n)]
        for r in rows:
            x = [1.0] + r['x']
            p = prob(w, r['x'])
            for i in range(n):
                g[i] += (p - r['y']) * cw[r['y']] * x[i]
                for j in range(n):
                    h[i][j] += p * (1 - p) * cw[r['y']] * x[i] * x[j]
        step = solve(h, g)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(si) for si in step) < 1e-9:
            break
    return w


def solve(a, b):
    """a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def prob(w, x):
    return 1 / (1 + math.exp(-(w[0] + sum(wi * xi for wi, xi in zip(w[1:], x)))))


def report(name, w, rows):
    tp = sum(1 for r in rows if r['y'] and prob(w, r['x']) >= 0.5)
    fp = sum(1 for r in rows if not r['y'] and prob(w, r['x']) >= 0.5)
    fn = sum(1 for r in rows if r['y'] and prob(w, r['x']) < 0.5)
    p = tp / (tp + fp) if tp + fp else 0
    rc = tp / (tp + fn) if tp + fn else 0
    low = min((prob(w, r['x']) for r in rows if r['y']), default=float('nan'))
    high = max((prob(w, r['x']) for r in rows if not r['y']), default=float('nan'))
    f1 = 2 * p * rc / (p + rc) if p + rc else 0
    print(f'  {name}: P {p:.3f} R {rc:.3f} F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn}); '
          f'least p of a translation {low:.3f}, highest p of another pair {high:.3f}')
    return f1


def main():
    global FEATURES
    if '--features' in sys.argv:
        FEATURES = sys.argv[sys.argv.index('--features') + 1].split(',')
    skip = {sys.argv.index(o) + 1 for o in ('--write', '--features') if o in sys.argv}
    files = [a for i, a in enumerate(sys.argv[1:], 1) if not a.startswith('--') and i not in skip]
    rows = [r for f in files for r in load(f)]
    resolved = [r for r in rows if set(r['pair']) <= RESOLVED]
    others = [r for r in rows if not (set(r['pair']) & RESOLVED)]
    topics = sorted({r['topic'] for r in rows})
    f1s = []
    for test in topics:
        w = train([r for r in resolved if r['topic'] != test])
        print(f'train on {"+".join(t for t in topics if t != test)}, test on {test}: weights '
              + ', '.join(f'{n} {v:.3f}' for n, v in zip(['bias'] + FEATURES, w)))
        f1s.append(report('it/en pairs', w, [r for r in resolved if r['topic'] == test]))
        for f in files if len(files) > 1 else []:
            report(f'  of {f}', w, [r for r in resolved if r['topic'] == test and r['file'] == f])
        report('es/nl pairs (check)', w, [r for r in others if r['topic'] == test])
    print(f'it/en F1 by held-out topic: {", ".join(f"{f:.3f}" for f in f1s)}; spread {max(f1s) - min(f1s):.3f}')
    w = train(resolved)
    print('all topics: ' + ', '.join(f'{n} {v:.3f}' for n, v in zip(['bias'] + FEATURES, w)))
    report('it/en pairs (training)', w, resolved)
    for f in files if len(files) > 1 else []:
        report(f'  of {f}', w, [r for r in resolved if r['file'] == f])
    if '--write' in sys.argv:
        path = sys.argv[sys.argv.index('--write') + 1]
        with open(path, 'w', encoding='utf-8') as f:
            f.write('# The translation link (org.lente.story.TranslationLink): p = 1 / (1 + exp(-(bias + sum of '
                    'weight * feature))), a translation when p >= 0.5.\n# Made over MEANTIME it/en pairs, ingested as '
                    'text, by: python3 bench/lineage-calibrate.py FEATURES.tsv [VARIANTS.tsv ...] --write THIS_FILE. '
                    'Do not edit by hand.\n')
            for n, v in zip(['bias'] + FEATURES, w):
                f.write(f'{n}={v:.4f}\n')
        print('wrote ' + path)


main()
