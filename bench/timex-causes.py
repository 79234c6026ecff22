#!/usr/bin/env python3
"""Counts the errors of `bench/timex-news.py --errors FILE` by cause: one group for every missed, spurious or wrong
expression, the first matching rule winning, in the order the rules are written (not of size). A wrong expression
whose value is right and type is not comes first and apart: value F1 counts it right, so only the other groups cost
that figure. Prints a Markdown table (missed, spurious, wrong, all, a few examples) and the totals. Read only the dev
folds' lines: pass --folds.

Usage (from the project's root):
  bench/timex-causes.py ERRORS [--folds meantime-airbus,tempeval-0,tempeval-1,tempeval-2]"""
import argparse, collections, re

REF = re.compile(r'^(now|currently|recently|(in )?the (near |foreseeable )?future|current|recent|previously|once|soon|yet'
                 r'|earlier|the past|past years|in recent \w+|these days|this crucial moment|from time to time|today)$', re.I)
WEEKDAY = r'(mon|tues|wednes|thurs|fri|satur|sun)day'
EARNINGS = re.compile(r'year ago|year earlier|last year|year-ago|year-earlier|the quarter|latest (quarter|period)|the year$'
                      r'|fiscal year|quarter$')


def cause(doc, kind, text, gold, got):
    """The cause of one error line: its document, kind (missed, spurious, wrong), text ("gold | found" for a wrong
    one), gold "TYPE value" and found "got TYPE value"."""
    gt, gv = (gold.split(' ', 1) + [''])[:2] if gold else ('', '')
    ot, ov = (got.replace('got ', '').split(' ', 1) + [''])[:2] if got else ('', '')
    parts = text.lower().split(' | ')
    g_txt = '' if kind == 'spurious' else parts[0]
    l_txt = '' if kind == 'missed' else parts[-1]
    if kind == 'wrong' and gv == ov:
        return 'type only: the value is right (no cost to value F1)'
    if doc == 'AP900815-0044.tml':
        return 'one document, AP900815-0044 (twice in the data)'
    if REF.match(g_txt) or REF.match(l_txt) or gv.endswith('_REF') and ov.endswith('_REF'):
        return 'reference words (now, currently, recent, future)'
    if re.search(r'W\d|WXX', gv + ov) or re.search(r'\b(this|last|next|the) week\b', g_txt + ' ' + l_txt):
        return 'weeks (this/last/next week)'
    if re.search(r'^\d{3,4}(-XX)+$', gv) or re.search(r'^\d{3}X$', gv):
        return 'years or decades in another format'
    if EARNINGS.search(g_txt + ' ' + l_txt) and ('Q' in gv + ov or kind == 'wrong'):
        return 'earnings periods (a year ago, the quarter, the year)'
    if re.search(WEEKDAY + r' (morning|afternoon|evening|night)|tonight|night of', l_txt) or re.search(r'T(MO|AF|EV|NI|MI)', gv + ov):
        return 'a part of day (the day alone or a part code)'
    kinds = ('DATE', 'DURATION', 'SET')
    if kind == 'wrong' and gt != ot and gt in kinds and ot in kinds:
        return 'DATE / DURATION / SET decided otherwise'
    if kind == 'wrong' and re.match(r'^\d{4}', gv) and re.match(r'^\d{4}', ov) and gv[4:] == ov[4:] and gv[:4] != ov[:4]:
        return 'direction: the year of a bare month, day or quarter'
    if kind == 'wrong' and re.search(WEEKDAY, g_txt):
        return 'a weekday on another week (direction or narrative day)'
    if kind == 'wrong' and re.search(r'T\d', gv + ov):
        return 'a clock time on another day'
    if kind == 'spurious' and ot in ('DURATION', 'SET'):
        return 'durations and sets found, not annotated'
    if kind == 'missed' and gt in ('DURATION', 'SET'):
        return 'durations and sets missed (no count, hyphenated, generic)'
    return {'wrong': 'wrong: other', 'missed': 'missed: other (generic days, ordinals, names)'}.get(
        kind, 'spurious: other (dates, years, parts of day)')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('errors')
    ap.add_argument('--folds', default='meantime-airbus,tempeval-0,tempeval-1,tempeval-2')
    a = ap.parse_args()
    folds = set(a.folds.split(','))
    table, examples = collections.defaultdict(collections.Counter), collections.defaultdict(list)
    for line in open(a.errors, encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        if len(f) < 4 or f[0] not in folds:
            continue
        fold, doc, kind, text = f[:4]
        c = cause(doc, kind, text, f[4] if len(f) > 4 else '', f[5] if len(f) > 5 else '')
        table[c][kind] += 1
        found = text.split(' | ')[-1]
        if found not in examples[c] and len(examples[c]) < 6:
            examples[c].append(found)
    print('| cause | missed | spurious | wrong | all | examples |')
    print('|---|---:|---:|---:|---:|---|')
    for c, n in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"| {c} | {n['missed']} | {n['spurious']} | {n['wrong']} | {sum(n.values())} | {', '.join(examples[c])} |")
    total = collections.Counter()
    for n in table.values():
        total.update(n)
    print(f"missed {total['missed']}, spurious {total['spurious']}, wrong {total['wrong']}")


if __name__ == '__main__':
    main()
