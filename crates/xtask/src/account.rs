//! `cargo xtask eval account`: the account against the hand-checked gold
//! (`crates/chorus-eval/tests/data/account-gold`): support and difference precision and
//! recall on the dev and held-out parts; `--errors` lists the dev part's wrong supports and
//! differences and the missed ones (the held-out part's are never printed: it is not read
//! while tuning).

use anyhow::Result;
use chorus_eval::account::Gold;
use chorus_ingest::{ingest_paths, IngestConfig};
use std::collections::HashMap;

/// The hand-checked gold and every article of `multinews-val` and `gva-dev`, by id.
pub(crate) fn gold_and_articles() -> Result<(Gold, HashMap<String, chorus_model::Article>)> {
    let gold_dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../chorus-eval/tests/data/account-gold"
    );
    let read = |f: &str| std::fs::read_to_string(format!("{gold_dir}/{f}"));
    let gold = Gold::read(
        &read("events.jsonl")?,
        &read("pairs.jsonl")?,
        &read("differences.jsonl")?,
    );
    let paths = [
        crate::shared("multinews-val/articles.jsonl")?,
        crate::shared("gva-dev/articles.jsonl")?,
    ];
    let ingested = ingest_paths(&paths, &IngestConfig::default());
    let articles = ingested
        .articles
        .into_iter()
        .map(|a| (a.id.clone(), a))
        .collect();
    Ok((gold, articles))
}

pub(crate) fn eval(args: &[&str]) -> Result<()> {
    let (gold, articles) = gold_and_articles()?;
    let parts = gold.score(&articles, &Default::default());
    for (part, s) in &parts {
        println!("{part}: {}", s.summary());
        if part == "dev" && args.contains(&"--errors") {
            for e in &s.errors {
                println!("  {e}");
            }
        }
    }
    Ok(())
}
