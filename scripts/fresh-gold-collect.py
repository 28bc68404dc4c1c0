"""Gathers the hand labels of `fresh-gold-pool.py`'s events (a work directory with `events/`,
`labels/`, `diffs/` and `extra/`) into the gold files the tests read (`events.jsonl`,
`pairs.jsonl`, `differences.jsonl` in the output directory). A sentence given as text is found
in its article's text and kept as its byte span; a text not found is reported and left out."""
import json, os, sys

def span(text, sentence):
    i = text.find(sentence)
    if i < 0:
        return None
    start = len(text[:i].encode())
    return start, start + len(sentence.encode())

def main():
    work, out = sys.argv[1], sys.argv[2]
    events, pairs, diffs, problems = [], [], [], []
    for name in sorted(os.listdir(f'{work}/events')):
        ev = json.load(open(f'{work}/events/{name}'))
        stem = name[:-len('.json')]
        labels_path = f'{work}/labels/{stem}.jsonl'
        if not os.path.exists(labels_path):
            problems.append(f'{stem}: not labelled')
            continue
        head = {'set': ev['set'], 'event': ev['event'], 'part': ev['part']}
        events.append(dict(head, articles=[a['id'] for a in ev['articles']]))
        texts = {a['id']: a['text'] for a in ev['articles']}
        labels = {}
        for line in open(labels_path):
            if line.strip():
                l = json.loads(line)
                labels[l['pair']] = l
        for p in ev['pairs']:
            l = labels.get(p['id'])
            if l is None:
                problems.append(f'{stem}: pair {p["id"]} has no label')
                continue
            pairs.append(dict(head, a={k: p['a'][k] for k in ('article', 'start', 'end')},
                              b={k: p['b'][k] for k in ('article', 'start', 'end')},
                              label=l['label'], why=l.get('why', '')))
        ids = [a['id'] for a in ev['articles']]
        extra = f'{work}/extra/{stem}.jsonl'
        for line in open(extra) if os.path.exists(extra) else []:
            if not line.strip():
                continue
            x = json.loads(line)
            sa, sb = span(texts[ids[0]], x['a']), span(texts[ids[1]], x['b'])
            if sa is None or sb is None:
                problems.append(f'{stem}: extra pair not found verbatim: {x["a"][:60]!r} / {x["b"][:60]!r}')
                continue
            pairs.append(dict(head, a={'article': ids[0], 'start': sa[0], 'end': sa[1]},
                              b={'article': ids[1], 'start': sb[0], 'end': sb[1]},
                              label='same', why='found by reading: ' + x.get('why', '')))
        d_path = f'{work}/diffs/{stem}.json'
        d = json.load(open(d_path)) if os.path.exists(d_path) else {'genuine': [], 'tempting': []}
        for kind in ('genuine', 'tempting'):
            for item in d.get(kind, []):
                versions = []
                for v in item['versions']:
                    s = span(texts.get(v['article'], ''), v['sentence'])
                    if s is None:
                        problems.append(f'{stem}: {kind} sentence not found: {v["sentence"][:60]!r}')
                        break
                    versions.append({'article': v['article'], 'value': v['value'], 'start': s[0], 'end': s[1]})
                else:
                    diffs.append(dict(head, kind=kind, about=item.get('quantity') or item.get('why', ''),
                                      quantity_kind=item.get('kind', ''), versions=versions))
    os.makedirs(out, exist_ok=True)
    for file, rows in (('events.jsonl', events), ('pairs.jsonl', pairs), ('differences.jsonl', diffs)):
        with open(f'{out}/{file}', 'w') as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(f'events {len(events)}, pairs {len(pairs)} (same {sum(p["label"] == "same" for p in pairs)}), '
          f'differences {sum(d["kind"] == "genuine" for d in diffs)} genuine, {sum(d["kind"] == "tempting" for d in diffs)} tempting')
    for p in problems:
        print('problem:', p)

main()
