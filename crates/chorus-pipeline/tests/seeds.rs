//! End-to-end checks on the real seed articles in `../shared/data/seeds` (two outlets, one
//! event): grouping, removals, nothing of the story lost, corroboration, citations.

use chorus_ingest::{ingest_paths, IngestConfig};
use chorus_model::{Citation, RemovalKind, Report};
use chorus_testdata::shared;
use std::path::{Path, PathBuf};

fn seed_report() -> Option<(Report, PathBuf)> {
    let dir = shared("seeds")?;
    let ingested = ingest_paths(std::slice::from_ref(&dir), &IngestConfig::default());
    assert_eq!(ingested.skipped, 0, "{:?}", ingested.diagnostics);
    let report =
        chorus_pipeline::digest(ingested.articles, ingested.diagnostics, &Default::default());
    Some((report, dir))
}

const SKY: &str = "000_8163073a2829f4e2.txt";
const OTHER: &str = "004_1e4491d8e4347ad4.txt";

#[test]
fn both_seed_articles_form_one_event() {
    let Some((report, _)) = seed_report() else {
        return;
    };
    assert_eq!(
        report.events.len(),
        1,
        "{:#?}",
        report
            .events
            .iter()
            .map(|e| &e.articles)
            .collect::<Vec<_>>()
    );
    let mut ids = report.events[0].articles.clone();
    ids.sort();
    assert_eq!(ids, [SKY, OTHER]);
}

#[test]
fn repeated_paragraphs_and_furniture_are_recorded() {
    let Some((report, _)) = seed_report() else {
        return;
    };
    let other = report.articles.iter().find(|a| a.id == OTHER).unwrap();
    let repeats: Vec<&str> = other
        .removed
        .iter()
        .filter(|r| r.kind == RemovalKind::RepeatedParagraph)
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(repeats.len(), 2, "{repeats:#?}");
    assert!(repeats
        .iter()
        .any(|r| r.starts_with("The Syrian President Bashar Al-Assad has landed")));
    assert!(repeats
        .iter()
        .any(|r| r.starts_with("Syrians have been pouring into streets")));

    let sky = report.articles.iter().find(|a| a.id == SKY).unwrap();
    let furniture: Vec<&str> = sky
        .removed
        .iter()
        .filter(|r| r.kind == RemovalKind::Boilerplate)
        .map(|r| r.text.as_str())
        .collect();
    for line in [
        "Read more: Latest updates from Syria",
        "Read more:",
        "How the rebel assault unfolded",
        "Who are the Syrian rebels – and what are their plans?",
        "This breaking news story is being updated and more details will be published shortly.",
        "Please refresh the page for the fullest version.",
    ] {
        assert!(
            furniture.contains(&line),
            "{line:?} not removed; removed: {furniture:#?}"
        );
    }
    assert!(furniture
        .iter()
        .any(|f| f.starts_with("You can receive breaking news alerts")));
    // Nothing else was taken from the Sky article.
    assert_eq!(furniture.len(), 7, "{furniture:#?}");

    let event = &report.events[0];
    let mut shown: Vec<&str> = event.account.iter().map(|s| s.text.as_str()).collect();
    shown.extend(event.corroborated.iter().map(|f| f.text.as_str()));
    shown.extend(event.single_source.iter().map(|f| f.text.as_str()));
    shown.extend(event.quotes.iter().map(|q| q.quote.as_str()));
    for text in shown {
        for f in &furniture {
            assert!(!text.contains(f), "furniture {f:?} shows up in {text:?}");
        }
        assert!(
            !text.contains("Sky News app") && !text.contains("refresh the page"),
            "{text}"
        );
    }
}

#[test]
fn no_sentence_of_the_story_is_lost() {
    let Some((report, dir)) = seed_report() else {
        return;
    };
    for a in &report.articles {
        let original = std::fs::read_to_string(dir.join(&a.id)).unwrap();
        for line in original
            .lines()
            .map(chorus_text::normalized)
            .filter(|l| !l.is_empty())
        {
            let kept = a.text.contains(&line);
            let removed = a.removed.iter().any(|r| r.text == line);
            assert!(kept || removed, "{}: lost {line:?}", a.id);
        }
    }
}

fn check_citation(report: &Report, dir: &Path, c: &Citation) -> String {
    let a = report
        .articles
        .iter()
        .find(|a| a.id == c.article)
        .expect("cited article exists");
    assert!(c.start < c.end && c.end <= a.text.len());
    let cited = &a.text[c.start..c.end];
    assert_eq!(cited, cited.trim(), "citation has no loose spaces");
    assert!(
        !cited.contains("\n\n"),
        "a citation stays inside one paragraph: {cited:?}"
    );
    // The same sentence, mapped back to the bytes of the original file.
    let original = std::fs::read_to_string(dir.join(&a.id)).unwrap();
    let (s, e) = (c.source_start.unwrap(), c.source_end.unwrap());
    assert_eq!(chorus_text::normalized(&original[s..e]), cited);
    cited.to_string()
}

#[test]
fn the_arrival_leads_the_account_and_citations_slice_sentences() {
    let Some((report, dir)) = seed_report() else {
        return;
    };
    let event = &report.events[0];
    // The arrival is what the story is about: the account states it, naming Moscow or Russia.
    assert!(
        event.account.iter().any(|s| {
            (s.text.contains("arriv") || s.text.contains("landed"))
                && (s.text.contains("Moscow") || s.text.contains("Russia"))
        }),
        "{:#?}",
        event.account
    );

    // Every citation of every section slices out exactly its sentence.
    for s in &event.account {
        assert_eq!(check_citation(&report, &dir, &s.citations[0]), s.text);
        for c in &s.citations[1..] {
            check_citation(&report, &dir, c);
        }
    }
    for f in &event.corroborated {
        assert_eq!(check_citation(&report, &dir, &f.citations[0]), f.text);
        assert!(f.sources.len() >= 2);
    }
    for f in &event.single_source {
        assert_eq!(check_citation(&report, &dir, &f.citations[0]), f.text);
    }
    for q in &event.quotes {
        for c in &q.citations {
            assert!(check_citation(&report, &dir, c)
                .contains(q.quote.split_whitespace().next().unwrap()));
        }
    }
    assert!(
        (5..=10).contains(&event.account.len()),
        "{}",
        event.account.len()
    );
}

/// The statements the two seed articles share, read by hand: for each, words of the Sky News
/// sentences and of the other outlet's sentences that state it. A support shown for a
/// corroborated fact must pair two sentences of one of these.
const SAME_STATEMENTS: &[(&[&str], &[&str])] = &[
    (
        &[
            "has arrived in Moscow, Russian state media",
            "members of his family arrived in the city",
            "Assad and his family members have arrived in Moscow",
        ],
        &[
            "has landed in Russia with his family",
            "Assad's arrival in Russia's Moscow",
        ],
    ),
    (
        &[
            "gathered in a main square",
            "thousands celebrated in the streets",
        ],
        &[
            "Joyful crowds gathered",
            "pouring into streets echoing with celebratory",
        ],
    ),
    (
        &["gleefully ransacking presidential palaces"],
        &["ransacked the presidential palace"],
    ),
    (
        &["victory to the Islamic nation"],
        &["victory to the Islamic nation"],
    ),
    (
        &["who led the insurgency"],
        &["led the biggest rebel faction"],
    ),
];

#[test]
fn corroborated_supports_in_the_seeds_state_their_fact() {
    let Some((report, dir)) = seed_report() else {
        return;
    };
    let event = &report.events[0];
    let text = |c: &Citation| (c.article.clone(), check_citation(&report, &dir, c));
    let mut shown = 0;
    for f in &event.corroborated {
        let lead = text(&f.citations[0]);
        for c in &f.citations[1..] {
            let support = text(c);
            let (sky, other) = if lead.0 == SKY {
                (&lead.1, &support.1)
            } else {
                (&support.1, &lead.1)
            };
            let stated = SAME_STATEMENTS.iter().any(|(a, b)| {
                a.iter().any(|w| sky.contains(w)) && b.iter().any(|w| other.contains(w))
            });
            assert!(stated, "not one statement: {sky:?} / {other:?}");
            shown += 1;
        }
    }
    // The rebel leader's words at the mosque, quoted by both, are one statement.
    assert!(shown >= 1, "{:#?}", event.corroborated);
}

/// Whether `cites` name both seed articles.
fn cites_both<'a>(cites: impl IntoIterator<Item = &'a Citation>) -> bool {
    let ids: Vec<&str> = cites.into_iter().map(|c| c.article.as_str()).collect();
    ids.contains(&SKY) && ids.contains(&OTHER)
}

#[test]
fn the_victory_quote_is_the_rebel_leaders_in_both_outlets() {
    let Some((report, _)) = seed_report() else {
        return;
    };
    let event = &report.events[0];
    let quote = event
        .quotes
        .iter()
        .find(|q| q.quote.contains("victory to the Islamic nation"))
        .unwrap_or_else(|| panic!("no victory quote: {:#?}", event.quotes));
    let speaker = quote.speaker.as_deref().unwrap_or_default();
    assert!(
        ["Jolani", "Golani", "Sharaa"]
            .iter()
            .any(|n| speaker.contains(n)),
        "speaker {speaker:?}"
    );
    assert!(cites_both(&quote.citations), "{quote:#?}");
}

#[test]
fn his_24_year_rule_and_the_familys_50_years_are_not_a_difference() {
    // Two quantities, both true: Bashar al-Assad's rule and his family's (PRODUCT.md). The
    // earlier check that asked for this pair is withdrawn; the seeds hold no difference.
    let Some((report, _)) = seed_report() else {
        return;
    };
    let event = &report.events[0];
    assert!(event.differences.is_empty(), "{:#?}", event.differences);
}

#[test]
fn single_source_facts_name_their_one_outlet() {
    let Some((report, _)) = seed_report() else {
        return;
    };
    let event = &report.events[0];
    let only = |id: &str, words: &[&str]| {
        event.single_source.iter().any(|f| {
            f.citations.iter().all(|c| c.article == id) && words.iter().all(|w| f.text.contains(w))
        })
    };
    for (id, words) in [
        (SKY, &["asylum", "humanitarian reasons"][..]),
        (SKY, &["Saydnaya"][..]),
        (OTHER, &["Tartous", "Hmeimim"][..]),
    ] {
        assert!(
            only(id, words),
            "no single-source fact from {id} with {words:?}: {:#?}",
            event.single_source
        );
    }
}

#[test]
fn every_account_sentence_is_cited_and_the_account_fits_its_budget() {
    let Some((report, _)) = seed_report() else {
        return;
    };
    let event = &report.events[0];
    let words: usize = event
        .account
        .iter()
        .map(|s| s.text.split_whitespace().count())
        .sum();
    let budget = chorus_account::AccountConfig::default().words;
    assert!(words <= budget + budget / 10, "{words} words");
    for s in &event.account {
        assert!(!s.citations.is_empty() && !s.sources.is_empty(), "{s:#?}");
    }
    // The arrival and the celebrations are what the story is about: both are in the account.
    assert!(event.account.iter().any(|s| s.text.contains("Moscow")));
    assert!(event
        .account
        .iter()
        .any(|s| s.text.contains("crowds") || s.text.contains("celebrat")));
}
