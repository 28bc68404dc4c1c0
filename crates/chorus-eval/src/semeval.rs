//! SemEval-2022 Task 8 ("are these two news articles about the same story?"): its judged
//! pairs read by language, and our answers to them through the [`Comparer`] that `chorus
//! similarity` and `POST /api/similarity` answer with. The floor tests and `cargo xtask
//! similarity` both score through here, so they measure one path.

use chorus_model::{Article, SameStory};
use chorus_pipeline::{Comparer, Config};
use std::collections::BTreeMap;

/// Two texts judged together.
pub type Pair = (Article, Article);

/// The pairs of one language group and their `overall` judgements (1 = same story … 4 =
/// unrelated), in file order.
pub type Judged = (Vec<Pair>, Vec<f64>);

/// Whether an `overall` judgement says the two texts tell the same story (1 = same … 4 =
/// unrelated: under the midpoint 2.5), the verdict ours is checked against.
pub fn judged_same(overall: f64) -> bool {
    overall < 2.5
}

/// The judged pairs of `jsonl` (one JSON object a line) by language: "de" for two German
/// texts, "de-en" for a German and an English one. Each text's language is detected as
/// ingest detects it; a pair without both languages is left out.
pub fn by_language(jsonl: &str) -> Result<BTreeMap<String, Judged>, serde_json::Error> {
    let mut groups: BTreeMap<String, Judged> = BTreeMap::new();
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let (Some(l1), Some(l2)) = (v["lang1"].as_str(), v["lang2"].as_str()) else {
            continue;
        };
        let lang = if l1 == l2 {
            l1.to_string()
        } else {
            format!("{l1}-{l2}")
        };
        let id = v["pair_id"].as_str().unwrap_or_default();
        let text = |k: usize| {
            let body = v[format!("text{k}")]
                .as_str()
                .unwrap_or_default()
                .to_string();
            Article {
                id: format!("{id}/{k}"),
                language: chorus_ingest::detect_language(&body),
                body,
                ..Article::default()
            }
        };
        let group = groups.entry(lang).or_default();
        group.0.push((text(1), text(2)));
        group.1.push(v["overall"].as_f64().unwrap_or(f64::NAN));
    }
    Ok(groups)
}

/// Our answer to each pair, against a background of the texts of all `pairs` (as in a
/// collection) or of none (as `chorus similarity A B` compares two files alone).
pub fn compare(pairs: &[Pair], background: bool, config: &Config) -> Vec<SameStory> {
    let all = if background {
        pairs
            .iter()
            .flat_map(|(a, b)| [a.clone(), b.clone()])
            .collect()
    } else {
        Vec::new()
    };
    let comparer = Comparer::new(all, config);
    pairs
        .iter()
        .map(|(a, b)| comparer.compare(a.clone(), b.clone()))
        .collect()
}
