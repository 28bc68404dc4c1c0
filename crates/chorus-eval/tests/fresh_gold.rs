//! The account on events no earlier gold covers and nobody tuned on: the fresh gold
//! (`tests/data/fresh-gold`), 36 events of two articles each, the English pairs of
//! `../shared/data/semeval-pairs-train.jsonl` that people judged the same story (2020 news of
//! every kind, not gun violence nor Multi-News). Labelled by reading the articles: candidate
//! pairs by word overlap and the supports chorus showed (the labellers not told which), then
//! every pair of sentences stating the same claim that the candidates missed, so recall
//! counts all of them. Support and difference precision and recall on the dev part and the
//! held-out part (every third event). A second batch (`held-out-2`, 15 events, labelled on
//! 2026-12-07 and never tuned on) holds pairs judged only mostly the same story: read, most are
//! two stories of one topic (two receptions of one royal family, two briefings of one governor),
//! so nearly every support chorus could show there is wrong; it counts the wrong ones. Prints
//! all parts; fails under the floors.
//! `cargo test --release -p chorus-eval --test fresh_gold -- --nocapture`;
//! `cargo xtask eval account --gold fresh [--errors]` prints the dev part's errors.

use chorus_eval::account::{gold_articles, Gold};
use chorus_testdata::shared;
use std::path::Path;

const GOLD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/fresh-gold");

#[test]
fn supports_on_fresh_events_state_the_fact() {
    let Some(data) = shared("") else {
        return;
    };
    let gold = Gold::read_dir(Path::new(GOLD)).unwrap();
    assert_eq!(gold.events.len(), 51);
    assert_eq!(
        gold.events
            .iter()
            .filter(|e| e.part == "held-out-2")
            .count(),
        15
    );
    let (articles, diagnostics) = gold_articles(&data);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    for e in &gold.events {
        assert_eq!(e.articles_in(&articles).len(), 2, "{} {}", e.set, e.event);
    }
    let parts = gold.score(&articles, &Default::default());
    for (part, s) in &parts {
        println!("fresh {part}: {}", s.summary());
    }
    // Floors under what main showed when the gold was made (2026-12-06, b294cf2): dev
    // precision 1.000 (7 of 7), recall 0.176 (15 of 85); held-out 1.000 (5 of 5), 0.194 (7 of
    // 36). So few supports are shown that one wrong one costs 0.13; the precision floors allow
    // one. Recall is a third of the account gold's (0.486): on short texts of every kind the
    // same-statement model misses most paraphrases. Differences: none of the 4 genuine ones
    // (all names spelt or given two ways) is shown, and nothing false is; no floor yet.
    // 2026-12-07, "according to" and its source outside the claim (`statement::claim_core`):
    // dev 1.000 (8 of 8), 0.188 (16 of 85); held-out unchanged.
    // The second batch has 3 same pairs in 15 events: no recall to measure, only the supports
    // and differences shown that a reader would find wrong. Main (5c0558b) shows one support
    // there, labelled related, and no difference; the floors allow one more of each.
    for (part, s) in parts.iter().filter(|(part, _)| part == "held-out-2") {
        assert!(s.related + s.unrelated <= 2, "{part}: {}", s.summary());
        assert!(
            s.differences - s.genuine_shown <= 1,
            "{part}: {}",
            s.summary()
        );
    }
    // 2026-12-07, a name given with its initials in brackets and another of the same
    // initials ("All Progressive Congress (APC)" / "All Possible Congress") read as one name
    // written two ways: dev differences 1.000 (1 of 1), 0.333 (1 of 3); held-out unchanged.
    for (part, s) in parts.iter().filter(|(part, _)| part == "dev") {
        assert!(s.difference_precision() >= 0.85, "{part}: {}", s.summary());
        assert!(s.difference_recall() >= 0.33, "{part}: {}", s.summary());
    }
    for (part, s) in parts.iter().filter(|(part, _)| part != "held-out-2") {
        let (precision, recall) = match part.as_str() {
            "dev" => (0.85, 0.18),
            _ => (0.8, 0.18),
        };
        assert!(
            s.support_precision() >= precision,
            "{part}: {}",
            s.summary()
        );
        assert!(s.support_recall() >= recall, "{part}: {}", s.summary());
    }
}
