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
    if args.contains(&"--pairs") {
        // The model alone on the dev pairs: each pair's two sentences as written.
        let text = |sp: &chorus_eval::account::Span| {
            articles
                .get(&sp.article)
                .and_then(|a| a.body.get(sp.start..sp.end))
                .unwrap_or("")
                .to_string()
        };
        let scored: Vec<(f32, bool)> = gold
            .pairs
            .iter()
            .filter(|p| p.part == "dev")
            .map(|p| {
                let f = chorus_account::statement::pair_features(&text(&p.a), &text(&p.b));
                (
                    chorus_account::statement::score(&f, &chorus_account::statement::WEIGHTS),
                    p.label == chorus_eval::account::Label::Same,
                )
            })
            .collect();
        println!(
            "the model on {} dev pairs: cut-off precision recall",
            scored.len()
        );
        for t in [0.1f32, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7] {
            let tp = scored.iter().filter(|(p, y)| *p >= t && *y).count() as f64;
            let fp = scored.iter().filter(|(p, y)| *p >= t && !*y).count() as f64;
            let pos = scored.iter().filter(|(_, y)| *y).count() as f64;
            println!("  {t:.2} {:.3} {:.3}", tp / (tp + fp).max(1.0), tp / pos);
        }
    }
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
