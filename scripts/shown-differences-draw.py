"""Draws the differences a third batch of shown differences labels: every event of the data
sets' own event lists (`multinews-val` and `gva-dev` `events.jsonl`) with two or more articles
that shares no article with the account gold or the first two batches (`--no-supports`: nor
with the shown-supports batches), in the order of `random.Random(SEED).shuffle`, each
summarised alone with `chorus summarize -f json` as `tests/shown_differences.rs` does. Writes
one line per event: its set, id, articles and the differences shown (each version's span is
`source_start..source_end`, a byte range of the record's `text`).

    python3 scripts/shown-differences-draw.py target/release/chorus DATA OUT.jsonl [SEED]"""
import glob, json, os, random, subprocess, sys, tempfile
GOLD = os.path.join(os.path.dirname(__file__), '../crates/chorus-eval/tests/data')
BIN, DATA, OUT = sys.argv[1:4]
SEED = int(sys.argv[4]) if len(sys.argv) > 4 else 2319
labelled = ['account-gold/events.jsonl', 'account-gold/shown-differences.jsonl',
            'account-gold/shown-differences-2.jsonl']
if '--no-supports' in sys.argv:
    labelled += ['shown-supports/events.jsonl'] + sorted(
        os.path.relpath(p, GOLD) for p in glob.glob(GOLD + '/shown-supports/batch*/events.jsonl'))
used = set()
for f in labelled:
    for line in open(os.path.join(GOLD, f)):
        used.update(json.loads(line)['articles'])
records, events = {}, []
for s in ['multinews-val', 'gva-dev']:
    for line in open(f'{DATA}/{s}/articles.jsonl'):
        records[json.loads(line)['id']] = line.rstrip('\n') + '\n'
    for line in open(f'{DATA}/{s}/events.jsonl'):
        e = json.loads(line)
        if len(e['articles']) >= 2 and not set(e['articles']) & used:
            events.append((s, e['event'], e['articles']))
random.Random(SEED).shuffle(events)
with open(OUT, 'w') as out, tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'event.jsonl')
    for s, event, articles in events:
        with open(path, 'w') as f:
            f.writelines(records[a] for a in articles)
        run = subprocess.run([BIN, 'summarize', path, '-f', 'json'], capture_output=True,
                             text=True, check=True)
        shown = [d for e in json.loads(run.stdout)['events'] for d in e['differences']]
        out.write(json.dumps({'set': s, 'event': event, 'articles': articles,
                              'differences': shown}) + '\n')
