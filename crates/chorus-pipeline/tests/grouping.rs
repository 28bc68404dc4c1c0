//! Events that never mix two stories, on real data in `../shared/data`: B-cubed precision
//! and F1 of the grouping on `gva-dev` (dated US gun-violence reports, one topic throughout,
//! so only specifics tell incidents apart), with floors at what the grouping reaches (issue
//! 24); `multinews-val`'s precision and F1 floors are in `tests/multinews.rs`.

mod common;

use chorus_model::{Article, Report};
use chorus_testdata::shared;
use common::{bcubed, predicted, read};

fn digest(articles: Vec<Article>) -> Report {
    chorus_pipeline::digest(articles, vec![], &Default::default())
}

#[test]
fn gva_dev_incidents_are_not_mixed_and_follow_ups_stay() {
    let Some(dir) = shared("gva-dev") else {
        return;
    };
    let (articles, gold) = read(&dir, &[dir.join("articles.jsonl")]);
    assert_eq!(articles.len(), 1914);
    assert!(articles.iter().all(|a| a.published.is_some()));
    let mut reversed = articles.clone();
    reversed.reverse();
    let (p, r, f1) = bcubed(&predicted(&digest(articles)), &gold);
    println!("gva-dev B-cubed: precision {p:.3} recall {r:.3} F1 {f1:.3}");
    assert!(p >= P_GVA, "B-cubed precision {p:.3} under {P_GVA}");
    assert!(f1 >= F1_GVA, "B-cubed F1 {f1:.3} under {F1_GVA}");
    let (_, _, f) = bcubed(&predicted(&digest(reversed)), &gold);
    println!("reversed order: F1 {f:.3}");
    assert!(
        (f - f1).abs() < 0.01,
        "reversed order moves F1 from {f1:.3} to {f:.3}"
    );
}

/// Where incidents of one kind come close together (issue 24's held-out set is a denser
/// period of the same kind): `gva-dev` with its incidents twelve times closer together, each
/// over its own days, so that its three years of incidents fall in about four months. Institutions that serve a
/// whole area (a city's hospital, its police) tell no incident from another there, and what
/// the time between two reports did at the set's own density their names must do.
#[test]
fn gva_dev_incidents_twelve_times_denser_are_not_mixed() {
    let Some(dir) = shared("gva-dev") else {
        return;
    };
    let (mut articles, gold) = read(&dir, &[dir.join("articles.jsonl")]);
    let mut dates: Vec<(&mut String, &str)> = articles
        .iter_mut()
        .filter_map(|a| Some((a.published.as_mut()?, gold.get(&a.id)?.as_str())))
        .collect();
    chorus_cluster::compress_dates(&mut dates, 12);
    let (p, r, f1) = bcubed(&predicted(&digest(articles)), &gold);
    println!("gva-dev twelve times denser, B-cubed: precision {p:.3} recall {r:.3} F1 {f1:.3}");
    assert!(p >= P_DENSE, "B-cubed precision {p:.3} under {P_DENSE}");
    assert!(f1 >= F1_DENSE, "B-cubed F1 {f1:.3} under {F1_DENSE}");
}

/// Issue 24's headline: the two seed articles (Assad reaches Moscow, December 2024) digested
/// with `multinews-val` are an event of their own; the 2012 Syria stories, which share Assad
/// and the country's places with them and little else, stay out of it.
#[test]
fn the_seeds_among_multinews_are_an_event_of_their_own() {
    let (Some(dir), Some(seeds)) = (shared("multinews-val"), shared("seeds")) else {
        return;
    };
    let (articles, _) = read(&dir, &[dir.join("articles.jsonl"), seeds]);
    assert_eq!(articles.len(), 692);
    let report = digest(articles);
    let seed = ["000_8163073a2829f4e2.txt", "004_1e4491d8e4347ad4.txt"];
    let holding: Vec<Vec<String>> = report
        .events
        .iter()
        .filter(|e| e.articles.iter().any(|a| seed.contains(&a.as_str())))
        .map(|e| {
            let mut ids = e.articles.clone();
            ids.sort();
            ids
        })
        .collect();
    assert_eq!(holding, [seed.map(String::from).to_vec()]);
}

/// Floors: F1 at the target 0.94, which the grouping reaches with the follow-up rule
/// on (gva-dev P 0.981 F1 0.941, 2026-12-06); precision at 0.985 since titles count by their
/// headline and telephone numbers and time stamps are no terms (P 0.988 F1 0.943,
/// 2026-12-06; 0.9905/0.9425 since institutions are weak links but whole between reports of
/// one day; 0.9932/0.9441 since two reports whose leads age their people otherwise are two
/// incidents unless they share a name of their own: precision floor 0.985 -> 0.99,
/// 2026-12-06). multinews-val's floors are in `tests/multinews.rs`.
const P_GVA: f64 = 0.99;
const F1_GVA: f64 = 0.94;

/// Floors twelve times denser, at what the grouping reaches once institutions' names are
/// weak links (P 0.948 F1 0.935 by `cargo xtask eval cluster --set gva-dev --compress 12`,
/// 2026-12-06; P 0.928 F1 0.926 before; P 0.955 F1 0.938 since the split counts a name and
/// its own words once, tip lines are institutions and sheriffs voices; P 0.958 F1 0.940 since
/// newspapers a report cites and stations' call signs are institutions too, 2026-12-06;
/// P 0.964 F1 0.932 since `--compress` moves incidents and keeps each one's days, so that a
/// follow-up a year on is no longer a month on; P 0.966 F1 0.932 since a place's name is a
/// weak link between reports days apart, 2026-12-06; precision floor 0.955 -> 0.96 then;
/// P 0.970 F1 0.934 since a town's and its institutions' names alone are weak links between
/// reports days apart however many, and a pair a week apart splits as larger events do:
/// precision floor 0.96 -> 0.965, 2026-12-06; P 0.974 F1 0.936 since two reports whose
/// leads age their people otherwise are two incidents unless they share a name of their own:
/// precision floor 0.965 -> 0.97, 2026-12-06; P 0.986 F1 0.941 since two reports whose first
/// sentences name other streets are two incidents unless they share a name of their own, from
/// 0.982 F1 0.939: precision floor 0.97 -> 0.983, 2026-12-07; P 0.987 F1 0.941 since a lone
/// shared word or name of no person's or thing's name does not hold reports whose leads age
/// people more than a year apart: precision floor 0.983 -> 0.986, 2026-12-07).
/// Recall here now equals the undensified set's, as follow-ups keep their real spacing, so
/// F1 is near its floor for that reason, not because grouping got worse.
const P_DENSE: f64 = 0.986;
const F1_DENSE: f64 = 0.93;
