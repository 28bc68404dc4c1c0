//! Event titles against the hand-labelled headlines of 300 real pages of `../shared/data/gva-dev`
//! (`tests/data/titles-gold.jsonl`, labelled by reading title and text before tuning; see
//! `titles-gold.md`): each page's title is whole (with the headline it holds), cut by its site,
//! or no headline (a site's or section's own title). The set is digested as `chorus digest`
//! does, and each page's title read by [`chorus_pipeline::headline`] with what the digest's
//! events tell of each outlet's own titles ([`chorus_pipeline::SiteTitles`]), as an event's
//! title is chosen.
//! Precision: of the titles taken, the share that are whole and read as the gold headline;
//! recall: of the whole ones, the share taken as the gold headline. Every third page is held out.
//! A second test holds the titles of `multinews-val`, which has no headlines, to whole sentences
//! and a floor on the share within 14 words.
//! `cargo test --release -p chorus-eval --test titles -- --nocapture` prints both.

use chorus_ingest::{ingest_paths, IngestConfig};
use chorus_pipeline::{digest, headline, quotation, Config, SiteTitles};
use chorus_testdata::shared;
use std::collections::HashMap;

const GOLD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/titles-gold.jsonl");

#[derive(Default, Debug)]
struct Score {
    taken: usize,
    taken_right: usize,
    whole: usize,
    whole_taken: usize,
    refused_right: usize,
    not_whole: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.taken_right as f64 / self.taken.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.whole_taken as f64 / self.whole.max(1) as f64
    }
}

fn scores() -> Option<[Score; 2]> {
    let data = shared("gva-dev/articles.jsonl")?;
    let ingested = ingest_paths(&[data], &IngestConfig::default());
    assert_eq!(ingested.skipped, 0, "{:?}", ingested.diagnostics);
    let report = digest(ingested.articles, Vec::new(), &Config::default());
    let mut event_of: HashMap<&str, usize> = HashMap::new();
    for (k, e) in report.events.iter().enumerate() {
        for a in &e.articles {
            event_of.insert(a, k);
        }
    }
    let site = SiteTitles::new(report.articles.iter().filter_map(|a| {
        Some((
            a.source.as_str(),
            a.title.as_deref()?,
            *event_of.get(a.id.as_str())?,
        ))
    }));
    let articles: HashMap<&str, _> = report.articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut parts = [Score::default(), Score::default()];
    let gold = std::fs::read_to_string(GOLD).unwrap();
    for (n, line) in gold.lines().enumerate() {
        let g: serde_json::Value = serde_json::from_str(line).unwrap();
        let a = articles[g["id"].as_str().unwrap()];
        let title = a.title.as_deref().unwrap();
        assert_eq!(title, g["title"].as_str().unwrap());
        let taken = headline(title, &a.source, &a.text, &site);
        let s = &mut parts[usize::from(n % 3 == 2)];
        let whole = g["label"] == "whole";
        let right = whole && taken.as_ref().map(|h| h.text.as_str()) == g["headline"].as_str();
        if taken.is_some() {
            s.taken += 1;
            s.taken_right += usize::from(right);
        }
        if whole {
            s.whole += 1;
            s.whole_taken += usize::from(right);
        } else {
            s.not_whole += 1;
            s.refused_right += usize::from(taken.is_none());
        }
    }
    for (name, s) in ["dev", "held-out"].iter().zip(&parts) {
        println!(
            "titles {name}: P {:.3} ({}/{}) R {:.3} ({}/{}); cut or no headline refused {}/{}",
            s.precision(),
            s.taken_right,
            s.taken,
            s.recall(),
            s.whole_taken,
            s.whole,
            s.refused_right,
            s.not_whole
        );
    }
    Some(parts)
}

#[test]
fn titles_are_whole_headlines_without_the_site() {
    let Some([dev, held]) = scores() else {
        return;
    };
    // Before the site's own titles and segments were told apart and cut headlines refused:
    // dev P 0.884 R 0.941, held-out P 0.899 R 0.927.
    assert!(dev.precision() >= 0.96 && dev.recall() >= 0.98, "{dev:?}");
    assert!(
        held.precision() >= 0.95 && held.recall() >= 0.96,
        "{held:?}"
    );
}

/// Events without headlines (`multinews-val` has none) are titled by a sentence of their
/// account, whole and, where a headline's way of shortening allows, of at most 14 words: the
/// share within 14 words has a floor (0.607 before titles were shortened as headlines are,
/// 0.679 after, with the grouping and account of the same commit; 0.698 once a page's
/// controls, opening reports, long titles before names and openings that name nothing went
/// too; 0.704 once shortening steps run again while one shortens; 0.714 once a closing detail,
/// a further adjunct after "and" and names after a colon went, and a caption or a page's line
/// without a verb no longer titled an event; 0.714 once a cut or compressed statement had to
/// keep its verb, a "when" or "as" its clause needs, the second half of "not only" and no
/// condition opening on "Had": nine cut fragments gave way to whole, longer sentences, while
/// adverbs of focus and a named person's home went), and no title is cut with "…", left empty, or,
/// when shortened (it ends without a stop), left ending on a word that needs more; few are
/// mostly a quotation.
#[test]
fn titles_without_headlines_are_short_whole_sentences() {
    const TITLE_WORDS: usize = 14;
    let Some(data) = shared("multinews-val/articles.jsonl") else {
        return;
    };
    let ingested = ingest_paths(&[data], &IngestConfig::default());
    assert_eq!(ingested.skipped, 0, "{:?}", ingested.diagnostics);
    let report = digest(ingested.articles, Vec::new(), &Config::default());
    let titles: Vec<&str> = report.events.iter().map(|e| e.title.as_str()).collect();
    // `TITLES_OUT=FILE` writes every title, one a line in the events' order, to compare two
    // builds' titles; `TITLES_LEADS=FILE` writes each title with the first four sentences of its
    // event's account, to read what a title was chosen from.
    if let Some(out) = std::env::var_os("TITLES_OUT") {
        std::fs::write(out, titles.join("\n") + "\n").unwrap();
    }
    if let Some(out) = std::env::var_os("TITLES_LEADS") {
        let leads: Vec<String> = report
            .events
            .iter()
            .map(|e| {
                let s: Vec<&str> = e.account.iter().take(4).map(|s| s.text.as_str()).collect();
                format!("{}\n  | {}", e.title, s.join("\n  | "))
            })
            .collect();
        std::fs::write(out, leads.join("\n") + "\n").unwrap();
    }
    // Words no shortened title ends on: articles, prepositions that need an object,
    // conjunctions.
    const DANGLING: &[&str] = &[
        "a", "an", "the", "of", "and", "or", "but", "to", "for", "with", "from", "by", "in", "on",
        "at",
    ];
    for t in &titles {
        assert!(!t.trim().is_empty(), "an empty title");
        assert!(
            !t.ends_with('…') && !t.ends_with("..."),
            "a cut title: {t:?}"
        );
        let shortened = !t.ends_with(['.', '!', '?', '"', '”', '\'', '’']);
        let last = t.split_whitespace().last().unwrap_or("").to_lowercase();
        assert!(
            !(shortened && DANGLING.contains(&last.as_str())),
            "a title ending on {last:?}: {t:?}"
        );
    }
    let short = titles
        .iter()
        .filter(|t| t.split_whitespace().count() <= TITLE_WORDS)
        .count();
    let share = short as f64 / titles.len() as f64;
    println!(
        "multinews-val titles within {TITLE_WORDS} words: {short}/{} ({share:.3})",
        titles.len()
    );
    assert!(
        share >= 0.71,
        "titles within {TITLE_WORDS} words {share:.3} under the floor 0.71"
    );
    // A title longer than 22 words is a sentence that nothing shortened (6 before the
    // shortening steps ran to 22 words where no sentence gave a title, 4 after).
    let long = titles
        .iter()
        .filter(|t| t.split_whitespace().count() > 22)
        .count();
    println!("multinews-val titles longer than 22 words: {long}");
    assert!(long <= 4, "{long} titles longer than 22 words");
    // A quotation is what one person said, not what happened: few titles are mostly one (more
    // than half their words inside quote marks; 5 before a quotation came only when no other
    // sentence gave a title, 2 after).
    let quotations: Vec<&&str> = titles.iter().filter(|t| quotation(t)).collect();
    println!(
        "multinews-val titles mostly a quotation: {}",
        quotations.len()
    );
    assert!(quotations.len() <= 2, "{quotations:#?}");
}
