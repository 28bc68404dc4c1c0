//! What entity extraction and resolution add to the pipeline: `digest` over the real
//! Multi-News sample (`../shared/data/multinews-val`) with the entity stage on (the default)
//! and off (`EntityConfig::enabled = false`), median of 11 runs each (alternated), and the ratio. The budget
//! is +30%. Run with `cargo bench -p chorus-pipeline --bench entities`.

use chorus_pipeline::Config;
use std::time::{Duration, Instant};

/// The allocator of the `chorus` binary, so the ratio is the one users see.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RUNS: usize = 11;
/// Most that entities may add to the pipeline's time.
const BUDGET: f64 = 0.30;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let Some(path) = chorus_testdata::shared("multinews-val/articles.jsonl") else {
        return;
    };
    let ingested = chorus_ingest::ingest_paths(std::slice::from_ref(&path), &Default::default());
    let articles = ingested.articles;
    let with = Config::default();
    let mut without = Config::default();
    without.entities.enabled = false;
    // Alternate the two settings so that drift (caches, frequency) hits both alike.
    let (mut t_with, mut t_without) = (Vec::new(), Vec::new());
    let mut entities = 0;
    for _ in 0..RUNS {
        for (config, times) in [(&without, &mut t_without), (&with, &mut t_with)] {
            let input = articles.clone();
            let t = Instant::now();
            let report = std::hint::black_box(chorus_pipeline::digest(input, vec![], config));
            times.push(t.elapsed());
            if config.entities.enabled {
                entities = report.events.iter().map(|e| e.entities.len()).sum();
            }
        }
    }
    // The entity stage alone, on the same events.
    let report = chorus_pipeline::digest(articles.clone(), vec![], &with);
    let cleaned = chorus_clean::clean(articles.clone(), &with.clean);
    let position: std::collections::HashMap<&str, usize> = cleaned
        .iter()
        .enumerate()
        .map(|(i, c)| (c.article.id.as_str(), i))
        .collect();
    let events: Vec<Vec<&chorus_model::CleanArticle>> = report
        .events
        .iter()
        .map(|e| {
            e.articles
                .iter()
                .map(|id| &cleaned[position[id.as_str()]])
                .collect()
        })
        .collect();
    let mut t_stage = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        for event_articles in &events {
            std::hint::black_box(chorus_entities::resolve(event_articles, &with.entities));
        }
        t_stage.push(t.elapsed());
    }
    println!(
        "entity stage alone: {:.1} ms over {} events (median of {RUNS})",
        median(t_stage).as_secs_f64() * 1e3,
        events.len()
    );
    let (a, b) = (median(t_without), median(t_with));
    let overhead = b.as_secs_f64() / a.as_secs_f64() - 1.0;
    println!(
        "multinews-val: {} articles, {entities} entities over all events",
        articles.len()
    );
    println!(
        "digest without entities {:.1} ms, with entities {:.1} ms (median of {RUNS}): ratio {:.3}, \
         entities add {:.1}% (budget {:.0}%)",
        a.as_secs_f64() * 1e3,
        b.as_secs_f64() * 1e3,
        b.as_secs_f64() / a.as_secs_f64(),
        overhead * 100.0,
        BUDGET * 100.0
    );
    if overhead > BUDGET {
        println!("OVER BUDGET");
    }
}
