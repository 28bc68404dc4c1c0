//! `cargo xtask`: developer tasks that read the real data beside the checkout
//! (`../shared/data`) and print figures. Not part of the shipped binary.
//!
//! The tasks and their options are in [`USAGE`] (`cargo xtask --help`).

mod account;
mod bench;
mod cluster;
mod compare;
mod ingest;
mod probe;
mod statement;
mod suite;
mod watch;
mod workers;

use anyhow::{bail, Result};
use std::io::Write;
use std::path::PathBuf;

/// The same allocator as the `chorus` binary, so stage timings match what it does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<()> {
    // As the `chorus` binary does: transparent huge pages off (see its `no_huge_pages`).
    #[cfg(target_os = "linux")]
    let _ = nix::sys::prctl::set_thp_disable(true);
    let args: Vec<String> = std::env::args().skip(1).collect();
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    if words.iter().any(|w| matches!(*w, "-h" | "--help" | "help")) {
        // Read through a pager, the usage may meet a closed pipe: nothing left to say then.
        let _ = writeln!(std::io::stdout(), "{USAGE}");
        return Ok(());
    }
    match words.as_slice() {
        ["eval", "cluster", rest @ ..] => cluster::eval(rest),
        ["eval", "account", rest @ ..] => account::eval(rest),
        // The other evaluations live in their crates' tests, which assert the floors.
        ["eval", "rouge"] => cargo_test("chorus-eval", "multinews"),
        ["eval", "extract"] => cargo_test("chorus-extract", "readability"),
        ["similarity", rest @ ..] => cluster::semeval(rest),
        ["statement", "--pair", a, b] => statement::pair(a, b),
        ["statement", "--probe", rest @ ..] => probe::run(rest),
        ["statement", rest @ ..] => statement::run(rest),
        ["bench", "cluster", rest @ ..] => bench::cluster(rest),
        ["bench", "ingest", rest @ ..] => ingest::bench(rest),
        ["bench", "grow", rest @ ..] => ingest::grow(rest),
        ["bench", "workers", rest @ ..] => workers::bench(rest),
        ["bench", "watch", rest @ ..] => watch::bench(rest),
        ["bench", "compare", rest @ ..] => suite::compare_only(rest),
        ["bench", rest @ ..] => suite::run(rest),
        ["gen", n] => bench::write_jsonl(count(n)?),
        ["gen", n, "--templated"] => bench::write_templated(count(n)?),
        ["gen", n, "--warc", rest @ ..] => ingest::write_stdout(count(n)?, rest),
        ["bench-child", "cluster", rest @ ..] => bench::child(rest),
        ["bench-child", "suite", rest @ ..] => suite::child(rest),
        _ => {
            eprintln!("{USAGE}");
            bail!("unknown task: {}", args.join(" "))
        }
    }
}

/// The tasks and their options.
const USAGE: &str = "usage:
  cargo xtask eval cluster [--set multinews-val|gva-dev|seeds] [--compress K] [--threshold T] [--shuffle SEED] [--errors] [--halves] [--bounds]
  cargo xtask eval cluster --set semeval [--texts] [--missed] [--joined] [--held-out]   (undated English SemEval pairs digested together: same-story pairs joined, different-story pairs joined)
  cargo xtask eval account [--gold fresh] [--errors | --causes] [--same-statement P]   (supports and differences against the hand-checked gold)
  cargo xtask eval rouge         (summaries on multinews-val, 250 words)
  cargo xtask eval extract       (main text, titles, dates on readability-pages)
  cargo xtask similarity        (Pearson r on semeval-pairs-train, en-en)
  cargo xtask statement [--dump CSV]   (fit and cross-validate the same-statement model on msrp-train)
  cargo xtask statement --pair A B   (the model's features and probability for two sentences)
  cargo xtask statement --probe [FILE]   (every dev pair the model accepts, shown / account gold / MSRP, with the shown-sentence check refusing it; FILE: one line a pair)
  cargo xtask bench [--sizes 1000,10000,100000] [--runs 3] [--json PATH] [--no-build] [--no-compare]
  cargo xtask bench compare [--runs 3]   (trafilatura, datasketch, scikit-learn)
  cargo xtask bench cluster [--sizes 10000,50000,100000] [--runs 3] [--no-split]
  cargo xtask bench ingest [--pages 2500,5000,10000] [--page-kb 100]
  cargo xtask bench grow [--sizes 10000,100000] [--runs 3] [--against BINARY]   (--sizes 1000000 too: builds it by 100k ingests; --against: another build's binary, runs alternating)
  cargo xtask bench workers [--sizes 10000,100000] [--runs 1] [--database-url URL]   (SQLite vs PostgreSQL, 1 and 2 workers)
  cargo xtask bench watch [--polls 120] [--per-poll 50]   (chorus watch on a 127.0.0.1 feed: poll time and memory over many polls)
  cargo xtask gen N > corpus.jsonl   (N generated articles as JSONL)
  cargo xtask gen N --warc [--page-kb 100] > pages.warc   (as HTML pages)
  cargo xtask gen N --templated > reports.jsonl   (N market reports from one template)";

/// The article count of `cargo xtask gen N`.
fn count(n: &str) -> Result<usize> {
    n.parse()
        .map_err(|_| anyhow::anyhow!("gen: N must be a whole number of articles, not {n:?}"))
}

/// Runs one integration test of a crate with its output shown (the figures it prints).
fn cargo_test(package: &str, test: &str) -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = std::process::Command::new(cargo)
        .args([
            "test",
            "--release",
            "-q",
            "-p",
            package,
            "--test",
            test,
            "--",
            "--nocapture",
        ])
        .status()?;
    if !status.success() {
        bail!("{package} {test}: {status}");
    }
    Ok(())
}

/// `../shared/data/<rel>` beside the workspace.
pub(crate) fn shared(rel: &str) -> Result<PathBuf> {
    let p = chorus_testdata::location(rel);
    if !p.exists() {
        bail!("{} is absent (../shared beside the checkout)", p.display());
    }
    Ok(p)
}

/// The comma-separated counts after `--name` in `args` ("1000,10_000"), else those of
/// `default`.
pub(crate) fn flag_counts(args: &[&str], name: &str, default: &str) -> Vec<usize> {
    flag::<String>(args, name)
        .unwrap_or_else(|| default.into())
        .split(',')
        .filter_map(|s| s.trim().replace('_', "").parse().ok())
        .collect()
}

/// The value after `--name` in `args`, parsed.
pub(crate) fn flag<T: std::str::FromStr>(args: &[&str], name: &str) -> Option<T> {
    args.iter()
        .position(|a| *a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
}
