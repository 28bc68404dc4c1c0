"""Lists the differences a fourth batch of shown differences labels: every difference the report
shows (a) by `chorus digest -f json` on `multinews-val` and `gva-dev` read together and (b) when
each event of the account gold and of the shown-differences batches 1-3 is summarised alone with
`chorus summarize -f json` (as `tests/shown_differences.rs` does), that no line of batches 1-3
labels (matched as `chorus_eval::account::still_shows` matches: two versions from two articles
with two values, each citing the labelled sentence with the same value or giving the same value
in the same article). Writes one line per difference of (b) (every one of (a) was among them
when drawn at a27e97f; the count of those that are not is printed) with its event's set, id,
part and articles, in the order of `random.Random(SEED).shuffle`.

    python3 scripts/shown-differences-relist.py target/release/chorus DATA OUT.jsonl [SEED]"""
import json, os, random, re, subprocess, sys, tempfile
GOLD = os.path.join(os.path.dirname(__file__), '../crates/chorus-eval/tests/data/account-gold')
BIN, DATA, OUT = sys.argv[1:4]
SEED = int(sys.argv[4]) if len(sys.argv) > 4 else 2321
BATCHES = ['shown-differences.jsonl', 'shown-differences-2.jsonl', 'shown-differences-3.jsonl']
NUM = ('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen '
       'sixteen seventeen eighteen nineteen twenty').split()


def words(s):
    return [w.lower() for w in re.split(r'[^0-9A-Za-z]+', s) if w]


def same_value(shown, gold):
    a, b = words(shown), words(gold)
    num = lambda w: w.isdigit() or w in NUM
    na, nb = [w for w in a if num(w)], [w for w in b if num(w)]
    if na and nb:
        return any(w in nb for w in na)
    return bool(b) and all(w in a for w in b)


def still_shows(d, labelled):
    def matches(v, x):
        c = v['citation']
        covers = c['article'] == x['article'] and c['source_start'] < x['end'] and x['start'] < c['source_end']
        return (covers and same_value(v['value'], x['value'])) or (
            c['article'] == x['article'] and v['value'].lower() == x['value'].lower())
    m = [v for v in d['versions'] if any(matches(v, x) for x in labelled)]
    return any(a['citation']['article'] != b['citation']['article']
               and a['value'].lower() != b['value'].lower() for a in m for b in m)


labelled, events = [], [json.loads(l) for l in open(f'{GOLD}/events.jsonl')]
seen = {(e['set'], e['event']) for e in events}
for f in BATCHES:
    for line in open(f'{GOLD}/{f}'):
        x = json.loads(line)
        labelled.append(x)
        if (x['set'], x['event']) not in seen:
            seen.add((x['set'], x['event']))
            events.append(x)
is_labelled = lambda d: any(still_shows(d, x['versions']) for x in labelled)
key = lambda d: frozenset((v['citation']['article'], v['citation']['source_start'], v['value'])
                          for v in d['versions'])
records = {}
for s in ['multinews-val', 'gva-dev']:
    for line in open(f'{DATA}/{s}/articles.jsonl'):
        records[json.loads(line)['id']] = line.rstrip('\n') + '\n'
run = subprocess.run([BIN, 'digest', f'{DATA}/multinews-val/articles.jsonl',
                      f'{DATA}/gva-dev/articles.jsonl', '-f', 'json'],
                     capture_output=True, text=True, check=True)
together = [d for e in json.loads(run.stdout)['events'] for d in e['differences']]
alone = []
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'event.jsonl')
    for e in events:
        with open(path, 'w') as f:
            f.writelines(records[a] for a in e['articles'])
        run = subprocess.run([BIN, 'summarize', path, '-f', 'json'], capture_output=True,
                             text=True, check=True)
        for r in json.loads(run.stdout)['events']:
            for d in r['differences']:
                if not is_labelled(d):
                    alone.append({'set': e['set'], 'event': e['event'], 'part': e['part'],
                                  'articles': e['articles'], 'difference': d})
keys = {key(x['difference']) for x in alone}
print(f'read together: {len(together)} shown, {sum(not is_labelled(d) for d in together)} not '
      f'labelled, {sum(not is_labelled(d) and key(d) not in keys for d in together)} of those '
      f'not shown alone; alone: {len(alone)} not labelled')
random.Random(SEED).shuffle(alone)
with open(OUT, 'w') as out:
    for x in alone:
        out.write(json.dumps(x) + '\n')
