//! `chorus similarity A B`: "are these the same story?" for two articles, with optional
//! background articles for term statistics.

use anyhow::{bail, Result};
use chorus_cluster::{graded_score, ClusterConfig, Similarity};
use chorus_ingest::{ingest_paths, IngestConfig};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct SimilarityArgs {
    /// The first article (any input format; the first article read is used).
    a: PathBuf,
    /// The second article.
    b: PathBuf,
    /// Articles whose term statistics weigh the words (e.g. the collection both belong to);
    /// without, every word counts alike (rare words then count no more than common ones).
    #[arg(long)]
    background: Vec<PathBuf>,
    /// Print JSON instead of a sentence.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: SimilarityArgs) -> Result<ExitCode> {
    let config = ClusterConfig::default();
    let mut pair = Vec::new();
    for path in [&args.a, &args.b] {
        let ingested = ingest_paths(std::slice::from_ref(path), &IngestConfig::default());
        for d in &ingested.diagnostics {
            eprintln!("chorus: {}: {}", d.path, d.message);
        }
        match ingested.articles.into_iter().next() {
            Some(a) => pair.push(a),
            None => bail!("{}: no article could be read", path.display()),
        }
    }
    let background = if args.background.is_empty() {
        Vec::new()
    } else {
        let ingested = ingest_paths(&args.background, &IngestConfig::default());
        for d in &ingested.diagnostics {
            eprintln!("chorus: {}: {}", d.path, d.message);
        }
        chorus_clean::clean(ingested.articles, &Default::default())
    };
    let cleaned = chorus_clean::clean(pair, &Default::default());
    let cosine = Similarity::new(&background, &config).score(&cleaned[0], &cleaned[1]);
    let same = cosine >= config.online.threshold;
    let score = graded_score(cosine);
    let round = |x: f32| (f64::from(x) * 1e4).round() / 1e4;
    if args.json {
        println!(
            "{}",
            serde_json::json!({
                "a": cleaned[0].article.id,
                "b": cleaned[1].article.id,
                "cosine": round(cosine),
                "score": round(score),
                "same_story": same,
                "threshold": round(config.online.threshold),
            })
        );
    } else {
        println!(
            "{}: cosine {cosine:.3} (score {score:.3}; events join at {:.2})",
            if same {
                "same story"
            } else {
                "different stories"
            },
            config.online.threshold
        );
    }
    Ok(ExitCode::SUCCESS)
}
