//! "Are these the same story?" against human judgements: the English–English pairs of
//! `../shared/data/semeval-pairs-train.jsonl` (SemEval-2022 Task 8; `overall` 1 = same story …
//! 4 = unrelated, so a good similarity correlates negatively). Pearson r of our similarity,
//! with the texts of all pairs as background (as in a collection) and with none (as
//! `chorus similarity A B` compares two files alone); fails under the floors. Run with
//! `--nocapture` to see them: `cargo test --release -p chorus-eval --test semeval -- --nocapture`
//! (`cargo xtask similarity` prints the same with more detail).

use chorus_eval::pearson;
use chorus_eval::semeval::{by_language, compare, Judged, Pair};
use chorus_pipeline::Config;
use chorus_testdata::shared;
use std::collections::BTreeMap;

/// The judged pairs by language; `None` when the data is absent.
fn judged() -> Option<BTreeMap<String, Judged>> {
    let jsonl = std::fs::read_to_string(shared("semeval-pairs-train.jsonl")?).unwrap();
    Some(by_language(&jsonl).unwrap())
}

/// Pearson r of our similarity against `overall`, with the texts of all pairs as background
/// or with none.
fn pearson_r(pairs: &[Pair], overall: &[f64], background: bool) -> f64 {
    let xs: Vec<f64> = compare(pairs, background, &Config::default())
        .iter()
        .map(|s| s.cosine)
        .collect();
    pearson(&xs, overall)
}

#[test]
fn similarity_follows_human_judgements_of_same_story() {
    let Some(judged) = judged() else {
        return;
    };
    let (pairs, overall) = &judged["en"];
    assert_eq!(overall.len(), 161);
    let collection = pearson_r(pairs, overall, true);
    let alone = pearson_r(pairs, overall, false);
    println!("semeval en-en Pearson r: background of all pairs {collection:.4}, none {alone:.4}");
    // Measured -0.755 and -0.750; the issue aims at |r| >= 0.75. (Before cleaning kept
    // articles without a source apart, as ingest does by naming each its own outlet, the
    // texts that recur across pairs were taken for one outlet's furniture and emptied:
    // -0.734 and -0.716; `chorus similarity` on the pairs as files gave -0.750 all along.)
    assert!(collection <= -0.745, "r {collection:.3} with background");
    assert!(alone <= -0.74, "r {alone:.3} without background");
}

/// The same-language pairs of other languages, read with each language's stop words and
/// stems, Chinese by pairs of characters (with the texts of the language's pairs as
/// background). Measured (read as English, and Chinese by runs of characters, before): ar
/// -0.442 (-0.401), de -0.525 (-0.475), es -0.587 (-0.557), fr -0.715 (-0.710), it -0.789
/// (-0.778), pl -0.415 (-0.405), ru -0.707 (-0.630), tr -0.756 (-0.718), zh -0.748 (-0.408).
#[test]
fn other_languages_are_read_in_their_own_words() {
    let floors = [
        ("ar", -0.43),
        ("de", -0.515),
        ("es", -0.575),
        ("fr", -0.705),
        ("it", -0.78),
        ("pl", -0.41),
        ("ru", -0.695),
        ("tr", -0.745),
        ("zh", -0.735),
    ];
    let Some(judged) = judged() else {
        return;
    };
    for (lang, floor) in floors {
        let (pairs, overall) = &judged[lang];
        let r = pearson_r(pairs, overall, true);
        println!(
            "semeval {lang}-{lang} ({} pairs) Pearson r {r:.4}",
            pairs.len()
        );
        assert!(r <= floor, "{lang}: r {r:.3} above the floor {floor}");
    }
}
