#!/usr/bin/env python3
"""Time expressions in news, TempEval-3 style, through the product path: every document is written as a news page
whose article:published_time is its creation time (DCT), one `bin/lente analyze --json` run reads them all (so each
document is anchored on its own DCT, as `--date DCT` would do; documents older than 1990, a date pages do not
carry, are read in one run per DCT with `--date DCT`), and the times it prints are scored against the gold
TIMEX3s.

Scores (TempEval-3): relaxed span match (a found expression and a gold one overlap; one-to-one, in text order);
value F1 (precision over found expressions, recall over gold ones, a match counting only when the value is equal too);
type accuracy (matches whose TIMEX3 type is equal). The creation time (MEANTIME's dateline) is the page's date and
not scored, as TempEval-3's DCT is outside the text.

Data: MEANTIME English (NewsReader CAT XML; only the title and the first five sentences, token sentences 0-5, are
annotated, so only expressions found there are scored: the page holds the whole article) and TempEval-3 training
(TimeBank + AQUAINT TimeML, all of <TEXT> annotated). Folds: MEANTIME by topic folder, TempEval-3 by document (five
folds, the n-th document of the sorted list in fold n mod 5).

Usage (from the project's root):
  bench/timex-news.py [--meantime DIR] [--tempeval DIR] [--errors FILE] [--lente bin/lente]
DIR defaults: ../shared/data/meantime/en and ../shared/data/time/tempeval3/Training/TBAQ-cleaned; a missing one is
skipped with a message."""
import argparse, glob, html, json, os, re, statistics, subprocess, sys, tempfile
from xml.etree import ElementTree as ET

# the folds whose errors may be read and on which models are fitted; the others are held out
DEV_FOLDS = ('meantime-airbus', 'tempeval-0', 'tempeval-1', 'tempeval-2')
MEANTIME_SENTENCES = 5  # the title (sentence 0) and the first five sentences are annotated
# tokens written against the word before them when a sentence is rebuilt from its tokens
NO_SPACE_BEFORE = {',', '.', ';', ':', '!', '?', ')', "'s", '%', "n't", "'", '"'}


def meantime_docs(root):
    """(fold, name, dct, paragraphs, gold, scored) per article: gold spans are (paragraph, start, end, type, value)."""
    out = []
    for f in sorted(glob.glob(os.path.join(root, 'intra-doc_annotation', '*', '*.xml'))):
        fold = os.path.basename(os.path.dirname(f)).replace('corpus_', 'meantime-')
        r = ET.parse(f).getroot()
        sents, where = {}, {}
        for t in r.iter('token'):
            s, w = int(t.get('sentence')), t.text or ''
            text = sents.get(s, '')
            if text and w not in NO_SPACE_BEFORE and text[-1] not in '($':
                text += ' '
            where[t.get('t_id')] = (s, len(text), len(text) + len(w))
            sents[s] = text + w
        order = sorted(sents)
        paras = [sents[s] for s in order]
        index = {s: i for i, s in enumerate(order)}
        dct, gold = None, []
        for x in r.iter('TIMEX3'):
            if x.get('functionInDocument') == 'CREATION_TIME':
                dct = x.get('value')[:10]
                continue  # the dateline: the page's date, as TempEval-3's DCT is outside <TEXT>
            spans = [where[a.get('t_id')] for a in x.iter('token_anchor') if a.get('t_id') in where]
            if spans and x.get('value'):
                s = spans[0][0]
                gold.append((index[s], min(p[1] for p in spans if p[0] == s), max(p[2] for p in spans if p[0] == s),
                             x.get('type'), x.get('value')))
        scored = {index[s] for s in order if s <= MEANTIME_SENTENCES}
        out.append((fold, os.path.basename(f), dct, paras, gold, scored))
    return out


TAG = re.compile(r'<(/?)(\w+)([^>]*)>')


def tempeval_docs(root):
    """As meantime_docs, for TimeML files: paragraphs are <TEXT>'s blank-line-separated blocks, all scored."""
    files = sorted(glob.glob(os.path.join(root, '*', '*.tml')))
    out = []
    for n, f in enumerate(files):
        raw = open(f, encoding='utf-8').read()
        dct = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*value="([^"]+)"', raw) or \
            re.search(r'<TIMEX3[^>]*value="([^"]+)"[^>]*functionInDocument="CREATION_TIME"', raw)
        body = raw[raw.index('<TEXT>') + 6:raw.index('</TEXT>')]
        text, gold, open_t = [], [], None
        pos = 0
        length = 0
        for m in TAG.finditer(body):
            chunk = html.unescape(body[pos:m.start()])
            text.append(chunk)
            length += len(chunk)
            pos = m.end()
            if m.group(2) == 'TIMEX3':
                if not m.group(1):
                    attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(3)))
                    open_t = (length, attrs.get('type'), attrs.get('value'))
                elif open_t:
                    gold.append((open_t[0], length, open_t[1], open_t[2]))
                    open_t = None
        text.append(html.unescape(body[pos:]))
        full = ''.join(text)
        paras, pgold, start = [], [], 0
        for block in re.split(r'(\n\s*\n)', full):
            if block.strip() and not re.fullmatch(r'\n\s*\n', block):
                i = len(paras)
                paras.append(block.replace('\n', ' '))
                for gs, ge, ty, va in gold:
                    if start <= gs and ge <= start + len(block) and va:
                        pgold.append((i, gs - start, ge - start, ty, va))
            start += len(block)
        out.append((f'tempeval-{n % 5}', os.path.basename(f), dct.group(1)[:10] if dct else None, paras, pgold,
                    set(range(len(paras)))))
    return out


def page(name, dct, paras):
    meta = f'<meta property="article:published_time" content="{dct}T12:00:00Z">' if dct else ''
    body = ''.join(f'<p>{html.escape(p)}</p>' for p in paras)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(name)}</title>{meta}'
            f'</head><body><article><h1>{html.escape(name)}</h1>{body}</article></body></html>')


def squash(s):
    """s with whitespace runs made one space, and for each char of the result its offset in s."""
    out, offs, space = [], [], False
    for i, ch in enumerate(s):
        if ch.isspace():
            if not space and out:
                out.append(' ')
                offs.append(i)
            space = True
        else:
            out.append(ch)
            offs.append(i)
            space = False
    return ''.join(out), offs


def score(doc, analysis, errors, outcomes=None):
    """Counts for one document: gold, found, matched, right value, right type; paragraphs not found in the output.
    With outcomes (a list), one dict per found expression is added to it: its text, type, value, the 40 characters
    before it, the 300 before it (left), the 80 after it (for a decision's features) and its outcome (right: matched
    with the gold value; wrong: matched, another value; spurious)."""
    fold, name, dct, paras, gold, scored = doc
    text, offs = squash(analysis.get('article', {}).get('text') or '')
    # each paragraph's place in the printed text (squashed), in order
    places, at, lost = {}, 0, 0
    for i, p in enumerate(paras):
        q, qoffs = squash(p.strip())
        k = text.find(q, at) if q else -1
        if k < 0:
            lost += any(g[0] == i for g in gold) and i in scored
            continue
        lead = len(p) - len(p.lstrip())
        places[i] = (offs[k], offs[k + len(q) - 1] + 1, k, q, qoffs, lead)
        at = k + len(q)

    def to_text(i, s, e):
        """A gold span (paragraph offsets) as printed-text offsets."""
        _, _, k, q, qoffs, lead = places[i]
        s, e = s - lead, e - lead
        a = next((j for j, o in enumerate(qoffs) if o >= s), len(q) - 1)
        b = next((j for j, o in enumerate(qoffs) if o >= e), len(q))
        return offs[k + a], offs[k + b - 1] + 1
    g = [(to_text(i, s, e), ty, va) for i, s, e, ty, va in gold if i in scored and i in places]
    windows = [places[i][:2] for i in scored if i in places]
    found = [t for t in analysis.get('times') or [] if any(a <= t['start'] < b for a, b in windows)]
    used, c = set(), dict(gold=len(g), found=len(found), matched=0, value=0, type=0, lost=lost)
    raw = analysis.get('article', {}).get('text') or ''
    for (gs, ge), ty, va in g:
        hit = next((j for j, t in enumerate(found) if j not in used and t['start'] < ge and gs < t['end']), None)
        if hit is None:
            errors.append(f'{fold}\t{name}\tmissed\t{raw[gs:ge]}\t{ty} {va}')
            continue
        used.add(hit)
        t = found[hit]
        c['matched'] += 1
        c['value'] += t['value'] == va
        c['type'] += t['type'] == ty
        if t['value'] != va or t['type'] != ty:
            errors.append(f'{fold}\t{name}\twrong\t{raw[gs:ge]} | {t["text"]}\t{ty} {va}\tgot {t["type"]} {t["value"]}')
    for j, t in enumerate(found):
        if j not in used:
            errors.append(f'{fold}\t{name}\tspurious\t{t["text"]}\t\tgot {t["type"]} {t["value"]}')
    if outcomes is not None:
        right = {next(j for j, t in enumerate(found) if j in used and t['start'] < ge and gs < t['end'] and t['value'] == va)
                 for (gs, ge), ty, va in g
                 if any(j in used and t['start'] < ge and gs < t['end'] and t['value'] == va for j, t in enumerate(found))}
        for j, t in enumerate(found):
            outcomes.append(dict(fold=fold, doc=name, text=t['text'], type=t['type'], value=t['value'],
                                 before=raw[max(0, t['start'] - 40):t['start']],
                                 left=raw[max(0, t['start'] - 300):t['start']], after=raw[t['end']:t['end'] + 80],
                                 outcome='right' if j in right else 'wrong' if j in used else 'spurious'))
    return c


def figures(c):
    p = c['value'] / c['found'] if c['found'] else 0
    r = c['value'] / c['gold'] if c['gold'] else 0
    sp = c['matched'] / c['found'] if c['found'] else 0
    sr = c['matched'] / c['gold'] if c['gold'] else 0
    f = lambda a, b: 2 * a * b / (a + b) if a + b else 0
    return dict(span_f1=f(sp, sr), value_p=p, value_r=r, value_f1=f(p, r),
                type_acc=c['type'] / c['matched'] if c['matched'] else 0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--meantime', default='../shared/data/meantime/en')
    ap.add_argument('--tempeval', default='../shared/data/time/tempeval3/Training/TBAQ-cleaned')
    ap.add_argument('--errors', help='write one line per missed, wrong or spurious expression here')
    ap.add_argument('--outcomes', help='write one JSON line per found expression of the dev folds here, with its outcome')
    ap.add_argument('--lente', default='bin/lente')
    ap.add_argument('--cases', help='instead of scoring, write the documents of --folds here, one JSON line each '
                    '(fold, lang, dct, paragraphs, gold), for scripts/train-time-direction')
    ap.add_argument('--folds', default=','.join(DEV_FOLDS), help='folds written by --cases (default: the dev folds)')
    a = ap.parse_args()
    docs = []
    for what, path, read in (('MEANTIME', a.meantime, meantime_docs), ('TempEval-3', a.tempeval, tempeval_docs)):
        if os.path.isdir(path):
            docs += read(path)
        else:
            print(f'skipped {what}: {path} not found', file=sys.stderr)
    if not docs:
        sys.exit('no data')
    if a.cases:
        wanted = a.folds.split(',')
        with open(a.cases, 'w', encoding='utf-8') as out:
            for fold, name, dct, paras, gold, scored in docs:
                if fold in wanted and dct:
                    out.write(json.dumps(dict(fold=fold, name=name, lang='en', dct=dct, paragraphs=paras,
                                              gold=[g for g in gold if g[0] in scored])) + '\n')
        return
    with tempfile.TemporaryDirectory() as tmp:
        names, groups = {}, {}
        for n, d in enumerate(docs):
            # pages carry dates from 1990 on (older ones are read as junk), so older documents get --date DCT
            group = '' if d[2] is None or d[2] >= '1990' else d[2]
            folder = os.path.join(tmp, group or 'dated')
            os.makedirs(folder, exist_ok=True)
            key = f'{n:04d}.html'
            names[key] = d
            groups[group] = folder
            open(os.path.join(folder, key), 'w', encoding='utf-8').write(page(d[1], d[2], d[3]))
        results = {}
        for group, folder in groups.items():
            run = subprocess.run([a.lente, 'analyze', '--json'] + (['--date', group] if group else []) + [folder],
                                 capture_output=True, text=True)
            for line in run.stdout.splitlines():
                if line.startswith('{'):
                    o = json.loads(line)
                    results[os.path.basename(str(o.get('article', {}).get('source') or ''))] = o
    errors, folds, outcomes = [], {}, []
    for key, d in names.items():
        if key not in results:
            print(f'no output for {d[1]}', file=sys.stderr)
            continue
        c = score(d, results[key], errors, outcomes if d[0] in DEV_FOLDS else None)
        f = folds.setdefault(d[0], dict(docs=0, gold=0, found=0, matched=0, value=0, type=0, lost=0))
        f['docs'] += 1
        for k, v in c.items():
            f[k] += v
    print('| fold | docs | gold | found | span F1 | value P | value R | value F1 | type acc |')
    print('|---|---|---|---|---|---|---|---|---|')
    groups = {}
    for name in sorted(folds):
        c, x = folds[name], figures(folds[name])
        groups.setdefault(name.split('-')[0], []).append(x['value_f1'])
        lost = f' ({c["lost"]} paragraphs with gold not found in the output)' if c['lost'] else ''
        print(f'| {name}{lost} | {c["docs"]} | {c["gold"]} | {c["found"]} | {x["span_f1"]:.3f} | {x["value_p"]:.3f} | '
              f'{x["value_r"]:.3f} | {x["value_f1"]:.3f} | {x["type_acc"]:.3f} |')
    for g, v in groups.items():
        total = {k: sum(folds[n][k] for n in folds if n.startswith(g + '-')) for k in ('gold', 'found', 'matched', 'value', 'type')}
        x = figures(total)
        sd = statistics.stdev(v) if len(v) > 1 else 0
        print(f'{g}: value F1 {x["value_f1"]:.3f} (pooled); per fold {statistics.mean(v):.3f} ± {sd:.3f}, '
              f'{min(v):.3f}-{max(v):.3f}; span F1 {x["span_f1"]:.3f}; type accuracy {x["type_acc"]:.3f}')
    if a.errors:
        open(a.errors, 'w', encoding='utf-8').write('\n'.join(errors) + '\n')
    if a.outcomes:
        with open(a.outcomes, 'w', encoding='utf-8') as out:
            out.writelines(json.dumps(o) + '\n' for o in outcomes)


if __name__ == '__main__':
    main()
