#!/usr/bin/env python3
"""Would a learned "keep or drop" decision per found expression raise value F1 on the dev folds? Counts it, out of
fold, before anything is built (docs/time.md, round 14).

Reads the outcomes file of `bench/timex-news.py --outcomes FILE` (the dev folds' found expressions, each right,
wrong value or spurious, with its text, type, value and context). Each expression gets features that name no phrase
or document: the class of its value (a _REF word, a duration, a set, a week, a clock time, a bare year, a decade, a
quarter, a month, a day), the word before it (a preposition, an article, a demonstrative or "last/next/past"),
whether it opens a sentence or is followed by a comma (as "now" the discourse marker), digits or a number word in it,
a hyphen, its length in words, whether it stands inside quotes, the verbs of its clause (past, present, future or
modal), and whether "ago/earlier/later", "of" or a lower-case word follows it. A logistic regression (L2, batch
gradient descent) is fitted on three dev folds and scores the fourth, for each fold in turn; every expression whose
out-of-fold probability of being right is under a threshold is dropped, and the pooled dev value F1 with those drops
is printed beside the F1 without them, for thresholds around F/2 (a found expression helps value F1 only when right
with a probability above F/2: round 10).

Two populations: all found expressions (--population all), and the references, durations and sets, where the spurious
finds are (--population ref-dur; each feature then has one weight per group).

Usage (from the project's root; numpy needed):
  bench/timex-decision.py OUTCOMES [--population all|ref-dur] [--l2 0.01]"""
import argparse, collections, json, re

import numpy as np

# the dev folds' gold expressions, as bench/timex-news.py counts them (its table's "gold" column)
GOLD = {'meantime-airbus': 62, 'tempeval-0': 344, 'tempeval-1': 478, 'tempeval-2': 376}
PREPOSITIONS = {'in', 'on', 'at', 'for', 'by', 'since', 'until', 'till', 'during', 'over', 'within', 'through', 'from',
                'to', 'of', 'after', 'before', 'as', 'into', 'throughout'}
ARTICLES = {'the', 'a', 'an'}
DEMONSTRATIVES = {'this', 'that', 'these', 'those', 'last', 'next', 'past', 'coming', 'recent', 'previous', 'early',
                  'late', 'mid'}
NUMBER_WORD = re.compile(r'\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty'
                         r'|hundred|several|few|many|some)\b', re.I)
CLASSES = ('PRESENT_REF', 'PAST_REF', 'FUTURE_REF', 'SET', 'DURATION', 'WEEK', 'TIME', 'YEAR', 'DECADE', 'QUARTER',
           'MONTH', 'DAY', 'OTHER')
REF_DUR = {'PRESENT_REF': 'REF', 'PAST_REF': 'REF', 'FUTURE_REF': 'REF', 'DURATION': 'DUR', 'SET': 'DUR'}


def value_class(o):
    """The class of a found expression, told by its type and the shape of its value."""
    v, t = o['value'], o['type']
    if v.endswith('_REF'):
        return v
    if t in ('SET', 'DURATION'):
        return t
    for name, shape in (('WEEK', r'.*W(\d|XX).*'), ('TIME', r'.*T.*'), ('YEAR', r'\d{4}'), ('DECADE', r'\d{3}'),
                        ('QUARTER', r'.*Q\d.*'), ('MONTH', r'\d{4}-\d\d'), ('DAY', r'\d{4}-\d\d-\d\d')):
        if re.fullmatch(shape, v):
            return name
    return 'OTHER'


def context(o):
    """The features of one expression's context and form, each 0 or 1 (length: words up to 5, over 5)."""
    para = o['left'].split('\n')[-1]
    words = re.findall(r"[A-Za-z']+|[.!?,;:\"“”()]", para)
    prev = words[-1].lower() if words else ''
    clause = re.split(r'[.!?;:]\s', para)[-1][-80:].lower()
    quotes = para.count('"') + para.count('“') + para.count('”')
    return dict(
        prev_preposition=prev in PREPOSITIONS, prev_article=prev in ARTICLES, prev_demonstrative=prev in DEMONSTRATIVES,
        opener=not para.strip() or bool(re.search(r'[.!?]["”]?\s*$', para)),
        comma_after=o['after'].lstrip().startswith(','),
        digits=bool(re.search(r'\d', o['text'])), number_word=bool(NUMBER_WORD.search(o['text'])),
        hyphen='-' in o['text'], words=min(len(o['text'].split()), 5) / 5, in_quotes=quotes % 2 == 1,
        past_verb=bool(re.search(r"\b(was|were|had|did|said)\b|\w{3,}ed\b", clause)),
        present_verb=bool(re.search(r"\b(is|are|has|have|does|do)\b", clause)),
        future_or_modal=bool(re.search(r"\b(will|would|could|may|might|shall)\b|'ll\b", clause)),
        ago_after=bool(re.match(r'\s*(ago|earlier|later|before|after)\b', o['after'], re.I)),
        of_after=bool(re.match(r'\s*of\b', o['after'], re.I)),
        lower_word_after=bool(re.match(r'\s*[a-z]', o['after'])))


def fit(x, y, l2, steps=3000, rate=0.5):
    """Logistic regression weights (the first column is the bias, not penalised)."""
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        w -= rate * (x.T @ (p - y) / len(y) + l2 * np.r_[0, w[1:]])
    return w


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('outcomes')
    ap.add_argument('--population', choices=('all', 'ref-dur'), default='all')
    ap.add_argument('--l2', type=float, default=0.01)
    a = ap.parse_args()
    found = [json.loads(line) for line in open(a.outcomes, encoding='utf-8')]
    found = [o for o in found if o['fold'] in GOLD]
    rows = []
    for o in found:
        c, f = value_class(o), context(o)
        if a.population == 'all':
            rows.append([1.0] + [float(c == k) for k in CLASSES] + [float(v) for v in f.values()])
        elif c in REF_DUR:
            g = REF_DUR[c]
            rows.append([1.0, float(g == 'REF'), float(c == 'SET')]
                        + [float(v) if gg == g else 0.0 for gg in ('REF', 'DUR') for v in f.values()])
        else:
            rows.append(None)
    right = np.array([o['outcome'] == 'right' for o in found], float)
    fold = np.array([o['fold'] for o in found])
    cand = np.array([r is not None for r in rows])
    x = np.array([r for r in rows if r is not None])
    p = np.ones(len(found))  # expressions outside the population are kept
    for held in GOLD:
        train = fold[cand] != held
        w = fit(x[train], right[cand][train], a.l2)
        idx = np.flatnonzero(cand)[~train]
        p[idx] = 1 / (1 + np.exp(-x[~train] @ w))
    by_class = collections.Counter((value_class(o), o['outcome']) for o, c in zip(found, cand) if c)
    print(f'{len(found)} found expressions on the dev folds, {int(cand.sum())} in the population ({a.population}), '
          f'{int(right[cand].sum())} of them right; L2 {a.l2}')
    for k in CLASSES:
        n = sum(v for (c, _), v in by_class.items() if c == k)
        if n:
            print(f'  {k}: {n}, right {by_class[(k, "right")] / n:.2f}')

    # sub-populations of a class (a class and one feature that holds) of 5 or more, right under F/2: what a filter
    # could drop with confidence, counted in-sample
    pooled = 2 * right.sum() / (len(found) + sum(GOLD.values()))
    cells = collections.defaultdict(list)
    for o, c in zip(found, cand):
        if c:
            for k, v in context(o).items():
                if v is True:
                    cells[(value_class(o), k)].append(o['outcome'] == 'right')
    for (c, k), outcomes in sorted(cells.items()):
        if len(outcomes) >= 5 and sum(outcomes) / len(outcomes) < pooled / 2:
            print(f'  under F/2: {c} with {k}: {len(outcomes)}, right {sum(outcomes)}')

    def f1(mask):
        v, n, g = right[mask].sum(), mask.sum(), sum(GOLD[h] for h in set(fold[mask]))
        return 2 * v / (n + g)

    base = {h: f1(fold == h) for h in GOLD}
    print(f'dev pooled value F1 {pooled:.4f}; F/2 = {pooled / 2:.3f}')
    print('| threshold | dropped | of them right | wrong or spurious | pooled gain | gain per fold (' + ', '.join(GOLD) + ') |')
    print('|---|---:|---:|---:|---:|---|')
    for t in (0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50):
        drop = p < t
        kept_right = right.sum() - right[drop].sum()
        gain = 2 * kept_right / (len(found) - drop.sum() + sum(GOLD.values())) - pooled
        per = []
        for h in GOLD:
            m = fold == h
            v = right[m].sum() - right[m & drop].sum()
            per.append(2 * v / (m.sum() - (m & drop).sum() + GOLD[h]) - base[h])
        print(f'| {t:.2f} | {int(drop.sum())} | {int(right[drop].sum())} | {int(drop.sum() - right[drop].sum())} | '
              f'{gain:+.4f} | ' + ' / '.join(f'{g:+.4f}' for g in per) + ' |')


if __name__ == '__main__':
    main()
