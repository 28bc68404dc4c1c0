"""Builds the candidate (fact, supporting sentence) pairs for hand labelling: events chosen by
a seeded draw, sentences split on their own, pairs proposed by plain word overlap (Jaccard of
lower-case content words), never by chorus's own alignment. Spans are byte offsets into each
record's `text` value."""
import json, random, re, sys, collections
DATA = '/work/shared/data'
STOP = set("""a an the and or but of to in on at for with by from as is was were are be been being
has have had it its this that these those he she they them his her their we our you your i me my
not no nor so than then there here which who whom whose what when where why how all any both each
few more most other some such only own same too very can will just should now also into over after
before about against between through during above below up down out off again further once said says
say would could may might must shall do does did doing am s t""".split())
def words(s):
    return re.findall(r"[A-Za-z0-9']+", s)
def stem(w):
    w = w.lower().strip("'")
    for suf in ("ing","ed","es","s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[:-len(suf)]
    return w
def content(s):
    return {stem(w) for w in words(s) if w.lower() not in STOP and len(w) > 1}
SENT = re.compile(r'(?<=[.!?])["\u201d\u2019\')]*\s+(?=["\u201c\u2018(]?[A-Z0-9])')
ABBR = re.compile(r'(^|[^A-Za-z])([A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Sgt|Lt|Gov|Sen|Rep|No|Capt|Det|Col|Gen|Prof|Rev|Ave|Blvd|Co|Corp|Inc|Ltd|U\.S|a\.m|p\.m|vs|Jan|Feb|Aug|Sept|Oct|Nov|Dec|N|S|E|W)\.$')
def sentences(text):
    """(start, end) byte spans of sentences, paragraph by paragraph."""
    b = text.encode()
    out = []
    pos = 0
    for para in text.split('\n'):
        start = 0
        pieces = []
        for m in SENT.finditer(para):
            last = para[start:m.start()].split()[-1] if para[start:m.start()].split() else ''
            if ABBR.search(last):
                continue
            pieces.append((start, m.start()))
            start = m.end()
        pieces.append((start, len(para)))
        for s, e in pieces:
            seg = para[s:e].strip()
            if len(words(seg)) < 3:
                continue
            s2 = s + (len(para[s:e]) - len(para[s:e].lstrip()))
            bs = len(text[:pos + s2].encode()); be = bs + len(seg.encode())
            out.append((bs, be, seg))
        pos += len(para) + 1
    return out
def pool(arts, rng, cap):
    sents = {a['id']: sentences(a['text']) for a in arts}
    cs = {a['id']: [content(s[2]) for s in sents[a['id']]] for a in arts}
    cand = {}
    for i, a in enumerate(arts):
        for b in arts[i+1:]:
            if a['source'] == b['source']:
                continue
            best_a = collections.defaultdict(list); best_b = collections.defaultdict(list)
            for x, ca in enumerate(cs[a['id']]):
                for y, cb in enumerate(cs[b['id']]):
                    inter = len(ca & cb)
                    if inter < 2: continue
                    j = inter / len(ca | cb)
                    if j < 0.1: continue
                    best_a[x].append((j, y)); best_b[y].append((j, x))
            keep = set()
            for x, l in best_a.items():
                for j, y in sorted(l, reverse=True)[:2]: keep.add((x, y, j))
            for y, l in best_b.items():
                for j, x in sorted(l, reverse=True)[:2]: keep.add((x, y, j))
            for x, y, j in keep:
                cand[(a['id'], x, b['id'], y)] = j
    items = sorted(cand.items(), key=lambda kv: -kv[1])
    if len(items) > cap:
        # stratified: keep the top third by overlap, sample the rest evenly
        top = items[:cap // 3]
        rest = items[cap // 3:]
        step = len(rest) / (cap - len(top))
        items = top + [rest[int(k * step)] for k in range(cap - len(top))]
    out = []
    for (ai, x, bi, y), j in items:
        sa = sents[ai][x]; sb = sents[bi][y]
        out.append({'a': {'article': ai, 'start': sa[0], 'end': sa[1], 'text': sa[2]},
                    'b': {'article': bi, 'start': sb[0], 'end': sb[1], 'text': sb[2]}})
    rng.shuffle(out)
    return out
def main():
    rng = random.Random(23)
    mn = {}
    for l in open(f'{DATA}/multinews-val/articles.jsonl'):
        a = json.loads(l); a['source'] = a['id']; mn[a['id']] = a
    mev = [json.loads(l) for l in open(f'{DATA}/multinews-val/events.jsonl')]
    ok = [e for e in mev if 3 <= len(e['articles']) <= 4 and all(800 <= len(mn[i]['text']) <= 7000 for i in e['articles'])]
    mpick = rng.sample(ok, 18)
    gv = {}
    for l in open(f'{DATA}/gva-dev/articles.jsonl'):
        a = json.loads(l); gv[a['id']] = a
    gev = [json.loads(l) for l in open(f'{DATA}/gva-dev/events.jsonl')]
    ok = [e for e in gev if len(e['articles']) >= 3 and len({gv[i]['source'] for i in e['articles']}) >= 3
          and all(300 <= len(gv[i]['text']) <= 7000 for i in e['articles'])]
    ok = [e for e in ok if len(e['articles']) <= 5]
    gpick = rng.sample(ok, 18)
    events = []
    for k, e in enumerate(mpick):
        events.append(('multinews-val', e['event'], [mn[i] for i in e['articles']], 'dev' if k % 3 else 'held-out'))
    for k, e in enumerate(gpick):
        events.append(('gva-dev', e['event'], [gv[i] for i in e['articles']], 'dev' if k % 3 else 'held-out'))
    total = 0
    for set_, ev, arts, part in events:
        pairs = pool(arts, rng, 40)
        total += len(pairs)
        with open(f'/work/gold-work/events/{set_}-{ev}.json', 'w') as f:
            json.dump({'set': set_, 'event': ev, 'part': part,
                       'articles': [{k: a.get(k) for k in ('id','source','title','published','text')} for a in arts],
                       'pairs': [dict(id=n, **p) for n, p in enumerate(pairs)]}, f, indent=1, ensure_ascii=False)
        print(set_, ev, part, len(arts), len(pairs))
    print('total pairs', total)
main()
