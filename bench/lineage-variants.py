#!/usr/bin/env python3
"""How the translation link and the ranking hold when a translation differs from its original the ways real
translated news does: MEANTIME's 60 articles (en, it, es, nl), changed at run time into variants, ingested and read
through the product exactly as `../shared/tools/measure lineage` does (`bin/lente ingest` of the texts, or of the
pages `meantime_pages.py` makes of them, then `bin/lente lineage --json` for each Italian article).

Variants (each one applied to the Italian side only, unless said; the pair stays a pair):
  base       unchanged (the control: measure lineage's figures)
  abridged   the Italian keeps its dateline and only the first 50-70 % of its other sentences (the share drawn per
             article from a fixed hash of its key): translations of long web news are often cut
  long       every language's article joined with the next article of its topic (disjoint pairs of articles, so that
             no other candidate holds half of a pair): full-length web articles are several times MEANTIME's items
  framed     the Italian opens with a translator's note and ends with a credit line naming the original's outlet and
             the translator (names written for this bench, one of four, by hash)
  reordered  adjacent Italian sentences swapped (one pair in three) or merged with ", e" (one in four)
  real       long, then abridged, framed and reordered together: what a translated web article looks like

Each variant is read dated (pages with the English dateline's date, as meantime_pages.py writes them) and undated
(plain texts). Scored per Italian article: P@1 (the English original first among the related), the original linked
(anywhere among the related, as measure counts it), the original linked as a translation, and wrong translation links
(to any other English article). Variants are written to a temporary folder only, never into the repository.

Usage (from the project's root, after the build): bench/lineage-variants.py [VARIANT ...] [--data ../shared/data]
  [--tools ../shared/tools] [--topic airbus|apple] [--keep DIR] [--lente bin/lente]
"""
import ast, hashlib, json, os, re, shutil, subprocess, sys, tempfile

LANGS = ['en', 'it', 'es', 'nl']
VARIANTS = ['base', 'abridged', 'long', 'framed', 'reordered', 'real']


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def detok_from(tools):
    """meantime_text.py's detokeniser, taken from its source (the script writes files when run)."""
    src = open(os.path.join(tools, 'meantime_text.py'), encoding='utf-8').read()
    fn = next(n for n in ast.parse(src).body if isinstance(n, ast.FunctionDef) and n.name == 'detok')
    scope = {'re': re}
    exec(compile(ast.Module(body=[fn], type_ignores=[]), 'meantime_text.py', 'exec'), scope)
    return scope['detok']


def read_conll(path, detok):
    """{topic-id: [sentence text, ...]}, the title first, then the dateline and the other sentences."""
    docs, cur = {}, None
    for line in open(path, encoding='utf-8'):
        if line.startswith('#begin'):
            d = re.search(r'\((.*?)\)', line).group(1)
            topic, did = d.split('/')
            cur = f"{topic.replace('corpus_', '')}-{did}"
            docs[cur] = {}
            continue
        if line.startswith('#end') or not line.strip():
            continue
        p = line.rstrip('\n').split('\t')
        docs[cur].setdefault(int(p[1]), []).append(p[3])
    return {k: [detok(s[i]) for i in sorted(s)] for k, s in docs.items()}


def share(key, salt):
    """A fixed number in [0, 1) drawn from the article's key: the same variant every run."""
    return int(hashlib.sha256(f'{salt}:{key}'.encode()).hexdigest()[:8], 16) / 2 ** 32


def abridged(key, sents):
    body = sents[2:]
    keep = max(1, round(len(body) * (0.5 + 0.2 * share(key, 'abridged'))))
    return sents[:2] + body[:keep]


NOTES = [
    ('Nota del traduttore: questo articolo è stato tradotto dall\'inglese per i lettori italiani; alcune espressioni '
     'sono state adattate.', 'Traduzione di Giulia Ferraris. L\'articolo originale è stato pubblicato da Wikinews in '
     'lingua inglese.'),
    ('Pubblichiamo la traduzione di un articolo apparso sull\'edizione inglese di Wikinews, con qualche nota per chi '
     'non conosce la vicenda.', 'Tradotto da Marco Olivieri per la redazione. Fonte: English Wikinews.'),
    ('Questo testo è una traduzione dall\'inglese curata dai volontari della nostra redazione.',
     'Versione originale in inglese su Wikinews. Traduzione a cura di Sara Benedetti.'),
    ('[N.d.T.: abbiamo tradotto questo articolo dall\'inglese; le cifre sono quelle dell\'originale.]',
     'Articolo tradotto da Luca Paoletti. Originale: Wikinews (inglese), licenza CC BY 2.5.'),
]


def framed(key, sents):
    note, credit = NOTES[int(share(key, 'framed') * len(NOTES))]
    return [sents[0], note] + sents[1:] + [credit]


def lower_first(sent, text):
    """The sentence with its first word in lower case, unless that word is written with a capital inside a sentence
    elsewhere in the article (a name)."""
    m = re.match(r'(\w+)', sent)
    if not m or not m.group(1)[0].isupper():
        return sent
    if re.search(r'[\w,;]\s+' + re.escape(m.group(1)) + r'\b', text) or m.group(1).isupper():
        return sent
    return sent[0].lower() + sent[1:]


def reordered(key, sents):
    head, body = sents[:2], list(sents[2:])
    text = ' '.join(sents)
    out, i = [], 0
    while i < len(body):
        r = share(f'{key}:{i}', 'reordered')
        if i + 1 < len(body) and r < 1 / 3:
            out += [body[i + 1], body[i]]
            i += 2
        elif i + 1 < len(body) and r < 1 / 3 + 1 / 4 and body[i].endswith('.'):
            out.append(body[i][:-1] + ', e ' + lower_first(body[i + 1], text))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return head + out


def joined(docs):
    """Disjoint pairs of articles of one topic (in key order) joined: the first's title and dateline, both bodies."""
    out = {}
    for topic in sorted({k.split('-')[0] for k in docs}):
        keys = sorted(k for k in docs if k.startswith(topic + '-'))
        for a, b in zip(keys[0::2], keys[1::2]):
            out[a] = docs[a] + docs[b][2:]
    return out


def variant(name, corpus):
    """{lang: {key: [sentences]}} of a variant."""
    if name in ('long', 'real'):
        corpus = {lang: joined(docs) for lang, docs in corpus.items()}
    if name == 'base' or name == 'long':
        return corpus
    it = {}
    for key, sents in corpus['it'].items():
        if name in ('abridged', 'real'):
            sents = abridged(key, sents)
        if name in ('reordered', 'real'):
            sents = reordered(key, sents)
        if name in ('framed', 'real'):
            sents = framed(key, sents)
        it[key] = sents
    return dict(corpus, it=it)


def write_texts(corpus, folder):
    """As meantime_text.py writes them: the title, a blank line, the other sentences joined."""
    os.makedirs(folder)
    for lang, docs in corpus.items():
        for key, sents in docs.items():
            with open(os.path.join(folder, f'{lang}-{key}.txt'), 'w', encoding='utf-8') as f:
                f.write(sents[0] + '\n\n' + ' '.join(sents[1:]) + '\n')


def key_of(a, titles):
    """The article's TOPIC-ID: from its URL (pages), its file name, else its title (`lente ingest` of a folder of texts
    keeps no source: measure's own key is then empty for every article, and its undated P@1 only checks the language)."""
    u = a.get('url') or ''
    if u:
        return u.rsplit('/', 1)[-1]
    if a.get('source'):
        return os.path.basename(str(a['source']))[3:].rsplit('.', 1)[0]
    return titles.get((a.get('language'), (a.get('title') or '').strip()), '')


def score(jsonl, titles):
    rows = []
    for line in open(jsonl, encoding='utf-8'):
        if not line.startswith('{'):
            continue
        o = json.loads(line)
        want = ('en', key_of(o['article'], titles))
        rel = [((r.get('language'), key_of(r, titles)), r.get('relation')) for r in o.get('related') or []]
        rows.append({'key': want[1], 'top': bool(rel) and rel[0][0] == want,
                     'linked': any(k == want for k, _ in rel),
                     'translation': any(k == want and t == 'translation' for k, t in rel),
                     'wrong': sum(1 for k, t in rel if t == 'translation' and k[0] == 'en' and k != want),
                     'first': rel[0][0] if rel else None})
    return rows


def run(lente, folder, kb, out, titles):
    subprocess.run([lente, 'ingest', '--data', kb, folder], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    its = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.startswith('it-'))
    with open(out, 'w', encoding='utf-8') as f:
        subprocess.run([lente, 'lineage', '--json', '--data', kb] + its, check=True, stdout=f,
                       stderr=subprocess.DEVNULL)
    return score(out, titles)


def line(name, kind, rows, topic=None):
    rows = [r for r in rows if topic is None or r['key'].startswith(topic + '-')]
    n = len(rows) or 1
    top = sum(r['top'] for r in rows)
    misses = ' '.join(f"{r['key']}->{'/'.join(r['first']) if r['first'] else 'none'}" for r in rows if not r['top'])
    return (f"{name:9} {kind:6} {topic or 'all':6} P@1 {top / n:.3f} ({top}/{len(rows)}), original linked "
            f"{sum(r['linked'] for r in rows)}/{len(rows)}, as a translation {sum(r['translation'] for r in rows)}"
            f"/{len(rows)}, wrong translation links {sum(r['wrong'] for r in rows)}" + (f'; misses: {misses}' if misses
                                                                                      else ''))


def main():
    data = arg('--data', '../shared/data')
    tools = arg('--tools', '../shared/tools')
    topic = arg('--topic', None)
    names = [a for a in sys.argv[1:] if a in VARIANTS] or VARIANTS
    lente = os.path.abspath(arg('--lente', 'bin/lente'))
    if not os.path.isdir(os.path.join(data, 'meantime', 'multilingual')):
        sys.exit(f'no MEANTIME multilingual data in {data}/meantime/multilingual: nothing to measure')
    detok = detok_from(tools)
    corpus = {lang: read_conll(os.path.join(data, 'meantime', 'multilingual', lang, 'meantime.conll'), detok)
              for lang in LANGS}
    if topic:
        corpus = {lang: {k: v for k, v in docs.items() if k.startswith(topic + '-')} for lang, docs in corpus.items()}
    tmp = arg('--keep', None) or tempfile.mkdtemp(prefix='lineage-variants-')
    try:
        for name in names:
            v = variant(name, corpus)
            mt, mh = os.path.join(tmp, name, 'mt'), os.path.join(tmp, name, 'mh')
            write_texts(v, mt)
            os.makedirs(mh)
            subprocess.run([sys.executable, os.path.join(tools, 'meantime_pages.py'), mt, mh], check=True,
                           stdout=subprocess.DEVNULL)
            titles = {(lang, sents[0].strip()): key for lang, docs in v.items() for key, sents in docs.items()}
            if len(titles) != sum(len(docs) for docs in v.values()):
                sys.exit(f'{name}: two articles of one language share a title; the undated texts cannot be told apart')
            for kind, folder in (('dated', mh), ('undated', mt)):
                rows = run(lente, folder, os.path.join(tmp, name, 'kb-' + kind), os.path.join(tmp, name, kind + '.jsonl'),
                           titles)
                for t in ([None, 'airbus', 'apple'] if not topic else [topic]):
                    print(line(name, kind, rows, t), flush=True)
    finally:
        if '--keep' not in sys.argv:
            shutil.rmtree(tmp, ignore_errors=True)


main()
