"""Builds candidate (fact, supporting sentence) pairs for hand labelling on events no earlier
gold covers: the English pairs of `semeval-pairs-train.jsonl` that people judged the same story
(`overall` <= 1.5), each pair one event of two articles. Candidates are proposed by plain word
overlap (as `account-gold-pool.py` does), and to them are added the supports `chorus summarize`
shows (path of the binary as the first argument), so that what a reader meets is labelled too;
the labeller is not told which is which. Spans are byte offsets into each record's `text1`/`text2`.

`fresh-gold-pool.py BINARY OUT_DIR` makes the first batch (`overall` <= 1.5, every third event
held out); `fresh-gold-pool.py BINARY OUT_DIR LOW HIGH PART` makes a later batch of the pairs with
LOW < `overall` <= HIGH, every event in part PART (e.g. `1.5 2 held-out-2`: judged mostly the same
story, labelled after the code of the first batch was tuned, and never tuned on)."""
import collections, importlib.util, json, os, random, subprocess, sys, tempfile
HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('pool', os.path.join(HERE, 'account-gold-pool.py'))
src = open(spec.origin).read().replace('\nmain()\n', '\n')
pool_mod = {}
exec(compile(src, spec.origin, 'exec'), pool_mod)
DATA = pool_mod['DATA']

def shown(binary, arts):
    """The (lead, support) citation pairs of the corroborated facts chorus shows."""
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False) as f:
        for a in arts:
            f.write(json.dumps({'id': a['id'], 'text': a['text']}) + '\n')
    out = subprocess.run([binary, 'summarize', '-f', 'json', f.name], capture_output=True, text=True).stdout
    os.unlink(f.name)
    pairs = []
    for e in json.loads(out)['events']:
        for fact in e['corroborated']:
            lead, *rest = fact['citations']
            for c in rest:
                if c['article'] != lead['article']:
                    pairs.append(((lead['article'], lead['source_start'], lead['source_end']),
                                  (c['article'], c['source_start'], c['source_end'])))
    return pairs

def overlaps(x, y):
    return x[0] == y[0] and min(x[2], y[2]) - max(x[1], y[1]) >= min(x[2] - x[1], y[2] - y[1]) / 2

def main():
    binary = sys.argv[1]
    out_dir = sys.argv[2]
    low, high, batch_part = (float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]) if len(sys.argv) > 5 else (None, 1.5, None)
    rng = random.Random(24)
    events = []
    for line in open(f'{DATA}/semeval-pairs-train.jsonl'):
        d = json.loads(line)
        if d['lang1'] == 'en' and d['lang2'] == 'en' and d['overall'] <= high and (low is None or d['overall'] > low):
            arts = [{'id': f"{d['pair_id']}/{k}", 'source': f"{d['pair_id']}/{k}", 'text': d[f'text{k}']} for k in (1, 2)]
            events.append((d['pair_id'], arts))
    total = 0
    for k, (ev, arts) in enumerate(events):
        part = batch_part or ('dev' if k % 3 else 'held-out')
        pairs = pool_mod['pool'](arts, rng, 40)
        texts = {a['id']: a['text'].encode() for a in arts}
        for a, b in shown(binary, arts):
            have = any(overlaps(a, (p['a']['article'], p['a']['start'], p['a']['end'])) and
                       overlaps(b, (p['b']['article'], p['b']['start'], p['b']['end'])) or
                       overlaps(b, (p['a']['article'], p['a']['start'], p['a']['end'])) and
                       overlaps(a, (p['b']['article'], p['b']['start'], p['b']['end'])) for p in pairs)
            if not have:
                span = lambda s: {'article': s[0], 'start': s[1], 'end': s[2],
                                  'text': texts[s[0]][s[1]:s[2]].decode(errors='replace')}
                pairs.append({'a': span(a), 'b': span(b)})
        rng.shuffle(pairs)
        total += len(pairs)
        with open(f'{out_dir}/semeval-{ev}.json', 'w') as f:
            json.dump({'set': 'semeval-en', 'event': ev, 'part': part, 'articles': arts,
                       'pairs': [dict(id=n, **p) for n, p in enumerate(pairs)]}, f, indent=1, ensure_ascii=False)
        print(ev, part, len(pairs))
    print('events', len(events), 'total pairs', total)
main()
