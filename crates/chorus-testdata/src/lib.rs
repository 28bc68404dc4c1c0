//! For tests, benches and developer tasks only (never a dependency of a stage or of the
//! binary): the real data in `../shared/data` beside the checkout, its gold events and the
//! B-cubed score against them, and a tiny HTTP server on 127.0.0.1 (`http`). Tests read the
//! data when it is there and skip, saying so, when it is not (a checkout alone still builds
//! and tests).

pub mod http;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Where `../shared/data/<rel>` beside the checkout is, whether or not it is there.
pub fn location(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(rel)
}

/// Set (to anything but `0`) where the data must be there, as in CI: a test that would skip
/// for want of it fails instead.
pub const REQUIRE: &str = "CHORUS_REQUIRE_SHARED";

/// `../shared/data/<rel>` beside the checkout, or `None` after saying on stderr that the
/// caller skips because it is absent. With [`REQUIRE`] set, an absent path panics instead.
pub fn shared(rel: &str) -> Option<PathBuf> {
    shared_under(rel, required())
}

fn required() -> bool {
    std::env::var_os(REQUIRE).is_some_and(|v| !v.is_empty() && v != "0")
}

fn shared_under(rel: &str, required: bool) -> Option<PathBuf> {
    let path = location(rel);
    if path.exists() {
        return Some(path);
    }
    assert!(
        !required,
        "{} is absent, and {REQUIRE} says this run must not skip for want of it",
        path.display()
    );
    eprintln!(
        "skipping: {} is absent (../shared beside the checkout)",
        path.display()
    );
    None
}

/// The PostgreSQL server tests run against (`CHORUS_TEST_DATABASE_URL`, as `.ci/run` sets it
/// from `scripts/postgres.sh start`), or `None` after saying the caller skips. With
/// `CHORUS_REQUIRE_POSTGRES=1` (CI) a missing URL panics instead.
pub fn postgres_url() -> Option<String> {
    match std::env::var("CHORUS_TEST_DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if std::env::var("CHORUS_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") => {
            panic!("CHORUS_REQUIRE_POSTGRES=1 but CHORUS_TEST_DATABASE_URL is not set")
        }
        _ => {
            eprintln!("skipping: set CHORUS_TEST_DATABASE_URL (scripts/postgres.sh start DIR)");
            None
        }
    }
}

/// B-cubed precision, recall and F1 of `predicted` against `gold` (article id → label), over
/// the articles `gold` names (each must be in `predicted`).
pub fn bcubed(
    predicted: &HashMap<String, usize>,
    gold: &HashMap<String, String>,
) -> (f64, f64, f64) {
    let mut cell: HashMap<(usize, &str), f64> = HashMap::new();
    let (mut np, mut ng): (HashMap<usize, f64>, HashMap<&str, f64>) = Default::default();
    for (id, g) in gold {
        let p = predicted[id];
        *cell.entry((p, g)).or_default() += 1.0;
        *np.entry(p).or_default() += 1.0;
        *ng.entry(g).or_default() += 1.0;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for (&(pe, ge), &c) in &cell {
        p += c * c / np[&pe];
        r += c * c / ng[ge];
    }
    let n = gold.len() as f64;
    let (p, r) = (p / n, r / n);
    (p, r, 2.0 * p * r / (p + r))
}

/// B-cubed precision, recall and F1 of `groups` of article ids (events) against `gold`; an
/// article `gold` names that no group holds is alone.
pub fn bcubed_of_groups<'a>(
    groups: impl IntoIterator<Item = &'a [String]>,
    gold: &HashMap<String, String>,
) -> (f64, f64, f64) {
    let mut predicted = HashMap::new();
    let mut count = 0;
    for (i, group) in groups.into_iter().enumerate() {
        for a in group {
            predicted.insert(a.clone(), i);
        }
        count = i + 1;
    }
    // Past every group's index: each article alone is a group of its own.
    let alone = count;
    for (k, id) in gold.keys().enumerate() {
        predicted.entry(id.clone()).or_insert(alone + k);
    }
    bcubed(&predicted, gold)
}

/// The gold event of each article id in a data set's `events.jsonl` (one JSON object per
/// line with `event` and `articles`).
pub fn gold_events(events_jsonl: &Path) -> HashMap<String, String> {
    let mut gold = HashMap::new();
    for (event, articles) in gold_event_members(events_jsonl) {
        for a in articles {
            gold.insert(a, event.clone());
        }
    }
    gold
}

/// Each gold event of a data set's `events.jsonl` with its article ids, in the file's order.
pub fn gold_event_members(events_jsonl: &Path) -> Vec<(String, Vec<String>)> {
    json_lines(events_jsonl)
        .into_iter()
        .map(|v| {
            let event = v["event"].as_str().expect("an event label").to_string();
            let articles = v["articles"]
                .as_array()
                .expect("a list of articles")
                .iter()
                .map(|a| a.as_str().expect("an article id").to_string())
                .collect();
            (event, articles)
        })
        .collect()
}

/// The text of each article id in a data set's `articles.jsonl` (one JSON object per line with
/// `id` and `text`).
pub fn article_texts(articles_jsonl: &Path) -> std::collections::BTreeMap<String, String> {
    json_lines(articles_jsonl)
        .into_iter()
        .map(|v| {
            let field = |k: &str| {
                v[k].as_str()
                    .unwrap_or_else(|| panic!("no {k}"))
                    .to_string()
            };
            (field("id"), field("text"))
        })
        .collect()
}

/// The JSON objects of a JSON-lines file, blank lines skipped; panics with the path on a file
/// that cannot be read or a line that is no JSON (test data is ours).
fn json_lines(path: &Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn bcubed_of_a_perfect_and_a_lumped_grouping() {
        let gold: std::collections::HashMap<String, String> = [("a", "x"), ("b", "x"), ("c", "y")]
            .iter()
            .map(|(a, g)| (a.to_string(), g.to_string()))
            .collect();
        let same = [("a", 0), ("b", 0), ("c", 1)];
        let lumped = [("a", 0), ("b", 0), ("c", 0)];
        let map = |p: &[(&str, usize)]| p.iter().map(|(a, e)| (a.to_string(), *e)).collect();
        assert_eq!(super::bcubed(&map(&same), &gold), (1.0, 1.0, 1.0));
        let (p, r, _) = super::bcubed(&map(&lumped), &gold);
        assert_eq!(r, 1.0);
        assert!((p - 5.0 / 9.0).abs() < 1e-12, "{p}");
    }

    #[test]
    fn a_missing_file_is_a_skip() {
        assert_eq!(super::shared_under("no/such/file.jsonl", false), None);
    }

    #[test]
    #[should_panic(expected = "must not skip")]
    fn a_missing_file_fails_where_the_data_is_required() {
        super::shared_under("no/such/file.jsonl", true);
    }
}
