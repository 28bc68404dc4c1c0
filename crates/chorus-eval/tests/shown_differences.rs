//! Differences as the report shows them on real events, judged by reading, in four batches
//! (`tests/data/account-gold/shown-differences.jsonl`: 40 drawn at random, seed 2306, from
//! what `chorus digest` showed on the events of `multinews-val` and `gva-dev` that the account
//! gold does not cover; `shown-differences-2.jsonl`: all 53 shown on the events that share no
//! article with those, in an order drawn at random, seed 2308; `shown-differences-3.jsonl`: all
//! 8 shown when each event of the sets' own event lists that shares no article with those is
//! summarised alone, events in an order drawn at random, seed 2319; `shown-differences-4.jsonl`:
//! all 34 shown on the events of the account gold and the first batch summarised alone, and on
//! the two sets read together, that no earlier batch labels), each labelled `genuine` (one
//! quantity or name reported two ways) or `false` (and why: a part against the whole, different people, a count before and after an
//! update, ...). Unlike the account gold, these are the differences a reader actually met.
//! Each event is summarised as one event again; a labelled difference counts when a shown one
//! still gives two of its versions, from two articles, with two values. Every third event is
//! held out. `cargo test --release -p chorus-eval --test shown_differences -- --nocapture`.

use chorus_eval::account::{gold_articles, read_differences, read_events, still_shows};
use chorus_testdata::shared;

/// The labelled batches: the first drawn from main at 1e65584, the second from main at b444618
/// on events that share no article with the first or the account gold, the third from main at
/// 3078ddd on the data sets' own events that share no article with any of those, the fourth
/// from main at a27e97f on the events already labelled (those no batch labels yet).
const BATCHES: [&str; 4] = [
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/account-gold/shown-differences.jsonl"
    ),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/account-gold/shown-differences-2.jsonl"
    ),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/account-gold/shown-differences-3.jsonl"
    ),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/account-gold/shown-differences-4.jsonl"
    ),
];

/// Per part: labelled genuine, genuine still shown, labelled false, false still shown.
#[derive(Debug, Default, Clone, Copy)]
struct Shown {
    genuine: usize,
    genuine_shown: usize,
    false_: usize,
    false_shown: usize,
}

impl Shown {
    fn share_genuine(&self) -> f64 {
        let shown = self.genuine_shown + self.false_shown;
        if shown == 0 {
            return 0.0;
        }
        self.genuine_shown as f64 / shown as f64
    }
}

/// Per batch (1-based), its parts' scores.
fn scores() -> Option<Vec<Vec<(String, Shown)>>> {
    let data = shared("")?;
    let (articles, diagnostics) = gold_articles(&data);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let batches = BATCHES
        .iter()
        .enumerate()
        .map(|(i, path)| {
            println!("batch {}:", i + 1);
            batch_scores(&articles, &std::fs::read_to_string(path).unwrap())
        })
        .collect();
    Some(batches)
}

/// One batch's parts, each event summarised as one event again.
fn batch_scores(
    articles: &std::collections::HashMap<String, chorus_model::Article>,
    text: &str,
) -> Vec<(String, Shown)> {
    let labelled = read_differences(text);
    let events = read_events(text);
    let mut parts: Vec<(String, Shown)> = Vec::new();
    // Each line names its event: an event of several lines is summarised once.
    let mut seen = std::collections::HashSet::new();
    for e in events {
        if !seen.insert((e.set.clone(), e.event.clone())) {
            continue;
        }
        let report =
            chorus_pipeline::summarize(e.articles_in(articles), Vec::new(), &Default::default());
        let shown: Vec<&chorus_model::Difference> = report
            .events
            .iter()
            .flat_map(|ev| ev.differences.iter())
            .collect();
        let at = match parts.iter().position(|(p, _)| *p == e.part) {
            Some(i) => i,
            None => {
                parts.push((e.part.clone(), Shown::default()));
                parts.len() - 1
            }
        };
        let s = &mut parts[at].1;
        for d in labelled
            .iter()
            .filter(|d| d.set == e.set && d.event == e.event)
        {
            let still = shown.iter().any(|x| still_shows(x, &d.versions));
            if d.genuine {
                s.genuine += 1;
                s.genuine_shown += usize::from(still);
            } else {
                s.false_ += 1;
                s.false_shown += usize::from(still);
                // `SHOWN_ERRORS=1`: the dev part's false differences still shown, for reading.
                if still && e.part == "shown dev" && std::env::var_os("SHOWN_ERRORS").is_some() {
                    let values: Vec<&str> = d.versions.iter().map(|v| v.1.as_str()).collect();
                    println!("still shown: {} {}: {values:?}", e.event, d.about);
                }
            }
        }
    }
    for (part, s) in &parts {
        println!(
            "{part}: still shown {} genuine of {} labelled, {} false of {} labelled: share genuine {:.3}",
            s.genuine_shown,
            s.genuine,
            s.false_shown,
            s.false_,
            s.share_genuine()
        );
    }
    parts
}

#[test]
fn differences_a_reader_meets_are_one_quantity() {
    let Some(batches) = scores() else {
        return;
    };
    // Per batch, per part (dev, held-out): the least share genuine among those still shown, and
    // the least number of genuine ones still shown (dropping every difference would make no
    // false one).
    // Batch 1 as labelled (2026-12-06, differences of main at 1e65584): dev 20 genuine of 25
    // (0.800), held-out 8 of 15 (0.533). Measured 2026-12-06 once an article giving two values
    // of one count or time of day that cannot both be true makes its group two quantities, and
    // "and a fifth person" is one counted apart: dev 20 of 21 (0.952), held-out 8 of 13
    // (0.615), every genuine one still shown.
    // Measured 2026-12-06 once the second count of a toll without nouns ("left one dead and
    // three injured") counts others: dev 20 of 20 (1.000), held-out unchanged.
    // Batch 2 as labelled (2026-12-06, main at b444618): dev 34 genuine of 34, held-out 16 of
    // 19 (0.842), and the same when each event is summarised again. Its dev part holds no false
    // one, so there only the number kept can fail.
    // Batch 3 as labelled (2026-12-07, main at 3078ddd): all 8 genuine (names spelt two ways,
    // a street's kind, a count of wounded, a pregnancy's months), dev 6 and held-out 2, so only
    // the number kept can fail.
    // Batch 4 as labelled (2026-12-07, main at a27e97f): dev 21 genuine of 23 (0.913), two
    // false (where a bullet went in against where a knot shows; an age the text says was
    // corrected). Its held-out part has no floor.
    let floors = [
        [Some((1.0, 20)), Some((0.61, 8))],
        [Some((1.0, 34)), Some((0.88, 16))],
        [Some((1.0, 6)), Some((1.0, 2))],
        [Some((0.91, 21)), None],
    ];
    assert_eq!(batches.len(), floors.len(), "every batch has its floors");
    for (parts, floors) in batches.iter().zip(floors) {
        assert_eq!(parts.len(), 2, "both parts are labelled");
        for (part, s) in parts {
            let Some((share, kept)) = floors[usize::from(part != "shown dev")] else {
                continue;
            };
            assert!(s.share_genuine() >= share, "{part}: {s:?}");
            assert!(s.genuine_shown >= kept, "{part}: {s:?}");
        }
    }
}
