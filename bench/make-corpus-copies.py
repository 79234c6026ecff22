#!/usr/bin/env python3
# Usage: bench/make-corpus-copies.py OUT_DIR COPIES [PARAGRAPHS]   (e.g. /tmp/c100k 245 -> 100,695 pages)
# Builds distinct HTML articles from ../shared/data/corpus/cl-tls-it in OUT_DIR (outside the
# repository: the corpus's texts never enter it), for ingest and reader measurements at scale:
# copy k of each text gets its own canonical URL, a publication date k days after its folder's date,
# and one added sentence, so URL and content hash differ. With PARAGRAPHS, each copy keeps only its
# text's first PARAGRAPHS paragraphs (the original stays whole), for runs that must store 100,000
# articles within an hour on two cores.
import os, sys, datetime, html
if len(sys.argv) not in (3, 4):
    sys.exit('usage: bench/make-corpus-copies.py OUT_DIR COPIES [PARAGRAPHS]')
src = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'data', 'corpus', 'cl-tls-it')
if not os.path.isdir(src):
    sys.exit('no corpus at ' + os.path.normpath(src) + ' (../shared/data beside the repository)')
out = sys.argv[1]; copies = int(sys.argv[2]); keep = int(sys.argv[3]) if len(sys.argv) == 4 else None
if copies < 1 or (keep is not None and keep < 1):
    sys.exit('COPIES and PARAGRAPHS must be at least 1')
files = []
for topic in ['egypt', 'libya', 'syria', 'yemen']:
    for root, _, names in os.walk(os.path.join(src, topic)):
        for n in sorted(names):
            if n.endswith('.txt'):
                files.append((topic, os.path.basename(root), os.path.join(root, n)))
files.sort()
count = 0
for k in range(copies):
    d = os.path.join(out, '%03d' % k); os.makedirs(d, exist_ok=True)
    for i, (topic, day, path) in enumerate(files):
        try:
            base = datetime.date.fromisoformat(day)
        except ValueError:
            base = datetime.date(2012, 1, 1)
        when = base + datetime.timedelta(days=k)
        lines = [l.strip() for l in open(path, encoding='utf-8', errors='replace') if l.strip()]
        if len(lines) < 2: continue
        title, body = lines[0], lines[1:]
        if keep is not None and k > 0:
            body = body[:keep]
        url = 'https://esempio.test/%s/%s/%d/%d.html' % (topic, when.isoformat(), k, i)
        paras = ''.join('<p>%s</p>\n' % html.escape(p) for p in body)
        page = ('<!doctype html><html lang="it"><head><meta charset="utf-8"><title>%s</title>'
                '<link rel="canonical" href="%s"><meta property="article:published_time" content="%sT08:00:00Z">'
                '</head><body><article><h1>%s</h1>\n%s<p>Edizione numero %d del %s.</p></article></body></html>'
                % (html.escape(title), url, when.isoformat(), html.escape(title), paras, k + 1, when.isoformat()))
        with open(os.path.join(d, '%d.html' % i), 'w', encoding='utf-8') as f: f.write(page)
        count += 1
print(count, 'files')
