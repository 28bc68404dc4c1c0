//! `chorus similarity A B`: "are these the same story?" for two articles, with optional
//! background articles for term statistics.

use crate::{plain, print_diagnostics};
use anyhow::{bail, Result};
use chorus_ingest::{ingest_paths, IngestConfig};
use chorus_pipeline::{Comparer, Config};
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
    /// Weigh the words by a stored collection's statistics (its data directory), as the
    /// server's `POST /api/similarity` does; with `--background`, both count.
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Output format: text (a sentence) or json (one object).
    #[arg(long, short, value_enum, default_value_t = SimilarityFormat::Text)]
    format: SimilarityFormat,
    /// The same as `--format json`.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum SimilarityFormat {
    Text,
    Json,
}

pub(crate) fn run(args: SimilarityArgs) -> Result<ExitCode> {
    let mut pair = Vec::new();
    for path in [&args.a, &args.b] {
        let ingested = ingest_paths(std::slice::from_ref(path), &IngestConfig::default());
        print_diagnostics(&ingested.diagnostics);
        match ingested.articles.into_iter().next() {
            Some(a) => pair.push(a),
            None => bail!("{}: no article could be read", path.display()),
        }
    }
    let mut background = match &args.data_dir {
        Some(dir) => {
            use chorus_store::Collection;
            crate::collection::open_dir(dir)?.articles()?
        }
        None => Vec::new(),
    };
    if !args.background.is_empty() {
        let ingested = ingest_paths(&args.background, &IngestConfig::default());
        print_diagnostics(&ingested.diagnostics);
        background.extend(ingested.articles);
    }
    let b = pair.pop().expect("two articles were read");
    let a = pair.pop().expect("two articles were read");
    let answer = Comparer::new(background, &Config::default()).compare(a, b);
    if args.json || args.format == SimilarityFormat::Json {
        println!("{}", serde_json::to_string(&answer)?);
    } else {
        println!(
            "{}: cosine {:.3} (score {:.3}; events join at {:.2})",
            if answer.same_story {
                "same story"
            } else {
                "different stories"
            },
            answer.cosine,
            answer.score,
            answer.threshold
        );
        if !answer.shared_terms.is_empty() {
            println!("Shared most: {}", plain(&answer.shared_terms.join(", ")));
        }
        if let Some(caveat) = answer.cross_language_caveat() {
            println!("{}", plain(&caveat));
        }
    }
    Ok(ExitCode::SUCCESS)
}
