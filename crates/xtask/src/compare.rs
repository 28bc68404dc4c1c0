//! The comparisons of `cargo xtask bench` with the tools users would otherwise use, side by
//! side on the same input in one run: HTML extraction against trafilatura, near-duplicates
//! against datasketch's MinHashLSH, clustering against scikit-learn's TF-IDF + agglomerative
//! clustering. The Python side is `scripts/bench-compare.py`, run in the virtualenv that
//! `scripts/bench-venv.sh` creates (`target/bench-venv`); without it, our side is still
//! measured and printed, with why the other was skipped.

use crate::bench::generate;
use crate::cluster::{labels, multinews, score};
use crate::suite::{median, workspace};
use anyhow::{bail, Context, Result};
use chorus_model::CleanArticle;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Articles of the near-duplicate corpus before the planted copies.
const DEDUP_ARTICLES: usize = 10_000;
/// Size of the generated corpus clustered by both sides.
const CLUSTER_ARTICLES: usize = 10_000;

/// Runs every comparison; returns them as JSON.
pub(crate) fn run(runs: usize, tmp: &Path) -> Result<Value> {
    println!("\ncomparisons (same input, one run, medians of {runs}; ratio = ours / theirs)");
    let python = python();
    if let Err(why) = &python {
        println!("the Python side is skipped: {why}");
    }
    let python = python.ok();
    let extract = extraction(runs, python.as_ref())?;
    let dedup = near_duplicates(runs, python.as_ref(), tmp)?;
    let cluster = clustering(runs, python.as_ref(), tmp)?;
    Ok(json!({"extract": extract, "near_duplicates": dedup, "cluster": cluster}))
}

/// The Python interpreter of the bench virtualenv (created and filled when missing).
fn python() -> Result<PathBuf> {
    let script = workspace().join("scripts/bench-venv.sh");
    let out = Command::new("bash")
        .arg(&script)
        .output()
        .context("bash is not available")?;
    if !out.status.success() {
        bail!(
            "{} failed: {}",
            script.display(),
            last_lines(&String::from_utf8_lossy(&out.stderr))
        );
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let path = PathBuf::from(stdout.lines().last().unwrap_or_default().trim());
    if !path.exists() {
        bail!("{} printed no interpreter path", script.display());
    }
    Ok(path)
}

/// `bench-compare.py TASK ARGS...`: its JSON line, or why it could not run.
fn python_side(python: Option<&PathBuf>, args: &[&str]) -> Result<Value, String> {
    let python = python.ok_or("no Python virtualenv")?;
    let script = workspace().join("scripts/bench-compare.py");
    let out = Command::new(python)
        .arg(&script)
        .args(args)
        .output()
        .map_err(|e| format!("{}: {e}", python.display()))?;
    if !out.status.success() {
        return Err(format!(
            "bench-compare.py {}: {}",
            args.first().unwrap_or(&""),
            last_lines(&String::from_utf8_lossy(&out.stderr))
        ));
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(stdout.lines().last().unwrap_or_default())
        .map_err(|e| format!("bench-compare.py output: {e}"))
}

fn last_lines(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(3)..].join(" | ")
}

/// Times `f` `runs` times: the median in seconds and the last result.
fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        last = Some(std::hint::black_box(f()));
        times.push(start.elapsed().as_secs_f64());
    }
    (median(&mut times), last.expect("at least one run"))
}

/// Prints "theirs" and the ratio, or why theirs is missing; returns theirs as JSON.
fn report_theirs(
    theirs: Result<Value, String>,
    ours_rate: f64,
    rate: impl Fn(&Value) -> f64,
    line: impl Fn(&Value) -> String,
) -> Value {
    match theirs {
        Ok(v) => {
            let ratio = ours_rate / rate(&v);
            println!("  {}", line(&v));
            println!("  ratio                    {ratio:.1}×");
            json!({"theirs": v, "ratio": ratio})
        }
        Err(why) => {
            println!("  (comparison skipped: {why})");
            json!({"theirs": null, "skipped": why})
        }
    }
}

/// (a) main-content extraction over `readability-pages`, one core each.
fn extraction(runs: usize, python: Option<&PathBuf>) -> Result<Value> {
    let Ok(dir) = crate::shared("readability-pages") else {
        println!("HTML extraction: skipped (../shared/data/readability-pages is absent)");
        return Ok(Value::Null);
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .flatten()
        .map(|e| e.path().join("source.html"))
        .filter(|p| p.exists())
        .collect();
    paths.sort();
    let pages: Vec<Vec<u8>> = paths
        .iter()
        .map(std::fs::read)
        .collect::<std::io::Result<_>>()?;
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let hints = chorus_extract::Hints::default();
    let all = || -> usize {
        pages
            .iter()
            .map(|p| chorus_extract::extract(p, &hints).text.len())
            .sum()
    };
    all(); // warm-up
    let (seconds, _) = timed(runs, all);
    let n = pages.len() as f64;
    let ours = n / seconds;
    println!(
        "\nHTML extraction: readability-pages, {} pages, {:.1} MB; one core each",
        pages.len(),
        bytes as f64 / 1e6
    );
    println!(
        "  {:<24} {:>9.0} pages/s {:>7.2} MB/s",
        "chorus-extract",
        ours,
        bytes as f64 / 1e6 / seconds
    );
    let theirs = python_side(
        python,
        &["extract", &dir.to_string_lossy(), &runs.to_string()],
    );
    let compared = report_theirs(
        theirs,
        ours,
        |v| v["pages"].as_f64().unwrap_or(f64::NAN) / v["seconds"].as_f64().unwrap_or(f64::NAN),
        |v| {
            let s = v["seconds"].as_f64().unwrap_or(f64::NAN);
            format!(
                "{:<24} {:>9.0} pages/s {:>7.2} MB/s",
                v["tool"].as_str().unwrap_or("trafilatura"),
                v["pages"].as_f64().unwrap_or(f64::NAN) / s,
                v["bytes"].as_f64().unwrap_or(f64::NAN) / 1e6 / s
            )
        },
    );
    Ok(json!({
        "pages": pages.len(), "bytes": bytes,
        "ours": {"seconds": seconds, "pages_per_s": ours},
        "compared": compared,
    }))
}

/// `text` with one pair of neighbouring words swapped per 200 words (at least one), spread
/// evenly: a small edit that changes about 6 of every 200 five-word shingles (Jaccard ≈ 0.94).
fn edit(text: &str, salt: usize) -> String {
    let mut words: Vec<&str> = text.split(' ').collect();
    let n = words.len();
    if n > 8 {
        let swaps = 1 + n / 200;
        for k in 1..=swaps {
            let at = (k * n / (swaps + 1) + salt % 5).min(n - 2);
            words.swap(at, at + 1);
        }
    }
    words.join(" ")
}

/// (b) near-duplicates on a generated corpus with planted copies (10% of the articles copied
/// with small edits, appended in a shuffled order).
fn near_duplicates(runs: usize, python: Option<&PathBuf>, tmp: &Path) -> Result<Value> {
    let mut articles = generate(DEDUP_ARTICLES)?;
    let copies = DEDUP_ARTICLES / 10;
    // Copies are planted only of articles that keep some text after cleaning (a few lose it
    // all; see the report), so that every planted pair can be found.
    let kept: Vec<bool> = chorus_clean::clean(articles.clone(), &Default::default())
        .iter()
        .map(|a| a.text().split_whitespace().count() >= 20)
        .collect();
    let order = crate::cluster::permutation(DEDUP_ARTICLES, 7);
    let mut planted: Vec<(usize, usize)> = Vec::new();
    for (k, &orig) in order.iter().filter(|&&i| kept[i]).take(copies).enumerate() {
        let mut copy = articles[orig].clone();
        copy.id = format!("copy{k}");
        copy.body = edit(&copy.body, k);
        planted.push((articles.len(), orig));
        articles.push(copy);
    }
    let cleaned = chorus_clean::clean(articles, &Default::default());
    let config = chorus_cluster::DedupConfig::default();
    // One core each: ours runs in a one-thread pool (sketching is parallel otherwise).
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build()?;
    let (seconds, found) =
        one.install(|| timed(runs, || chorus_cluster::duplicates(&cleaned, &config)));
    let (all_cores, _) = timed(runs, || chorus_cluster::duplicates(&cleaned, &config));
    let root = |i: usize| found[i].map_or(i, |d| d.of);
    let hits = planted.iter().filter(|&&(c, o)| root(c) == root(o)).count();
    let other = (0..DEDUP_ARTICLES).filter(|&i| found[i].is_some()).count();
    let recall = hits as f64 / planted.len().max(1) as f64;
    let n = cleaned.len() as f64;
    let bytes: usize = cleaned.iter().map(|a| a.text().len()).sum();
    let ours = n / seconds;
    println!(
        "\nnear-duplicates: {DEDUP_ARTICLES} generated articles + {copies} planted copies \
         (a word pair swapped per 200 words); 5-word shingles, MinHash 64, LSH threshold 0.8; one core each"
    );
    println!(
        "  {:<24} {:>9.0} articles/s {:>7.2} MB/s   recall {:.3}   others flagged {}",
        "chorus-cluster",
        ours,
        bytes as f64 / 1e6 / seconds,
        recall,
        other
    );
    println!(
        "  {:<24} {:>9.0} articles/s (all {} cores)",
        "",
        n / all_cores,
        rayon::current_num_threads()
    );
    let file = tmp.join("dedup.jsonl");
    write_jsonl(
        &file,
        cleaned.iter().enumerate().map(|(i, a)| {
            let copy_of = planted.iter().find(|p| p.0 == i).map(|p| p.1);
            json!({"text": a.text(), "copy_of": copy_of})
        }),
    )?;
    let theirs = python_side(
        python,
        &["dedup", &file.to_string_lossy(), &runs.to_string()],
    );
    let compared = report_theirs(
        theirs,
        ours,
        |v| v["articles"].as_f64().unwrap_or(f64::NAN) / v["seconds"].as_f64().unwrap_or(f64::NAN),
        |v| {
            let s = v["seconds"].as_f64().unwrap_or(f64::NAN);
            format!(
                "{:<24} {:>9.0} articles/s {:>7.2} MB/s   recall {:.3}   others flagged {}",
                v["tool"].as_str().unwrap_or("datasketch"),
                v["articles"].as_f64().unwrap_or(f64::NAN) / s,
                v["bytes"].as_f64().unwrap_or(f64::NAN) / 1e6 / s,
                v["recall"].as_f64().unwrap_or(f64::NAN),
                v["other_flagged"]
            )
        },
    );
    Ok(json!({
        "articles": cleaned.len(), "planted": planted.len(),
        "ours": {"seconds": seconds, "articles_per_s": ours, "recall": recall, "other_flagged": other,
                 "all_cores_articles_per_s": n / all_cores},
        "compared": compared,
    }))
}

fn write_jsonl(path: &Path, lines: impl Iterator<Item = Value>) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for line in lines {
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(())
}

/// The text both clusterers see: title (when there is one) and cleaned text.
fn text_of(a: &CleanArticle) -> String {
    match a.article.title.as_deref() {
        Some(t) => format!("{t}\n\n{}", a.text()),
        None => a.text().to_string(),
    }
}

/// (c) clustering: multinews-val (B-cubed F1 against the human events; scikit-learn's
/// distance threshold tuned on it) and a generated 10k corpus (time; B-cubed F1 against the
/// generator's stories).
fn clustering(runs: usize, python: Option<&PathBuf>, tmp: &Path) -> Result<Value> {
    println!(
        "\nclustering: ours (online TF-IDF + repair) vs scikit-learn TfidfVectorizer + \
         AgglomerativeClustering (average link, cosine; threshold tuned on multinews-val)"
    );
    let mut out = Vec::new();
    let mut threshold: Option<f64> = None;
    let sets: Vec<(String, Vec<CleanArticle>, Vec<usize>)> = {
        let mut sets = Vec::new();
        match multinews() {
            Ok((cleaned, gold)) => sets.push(("multinews-val".to_string(), cleaned, gold)),
            Err(e) => println!("  multinews-val skipped: {e}"),
        }
        let generated = generate(CLUSTER_ARTICLES)?;
        // The generator writes 3 articles per story (see `bench::generate`).
        let gold = (0..generated.len()).map(|k| k / 3).collect();
        let cleaned = chorus_clean::clean(generated, &Default::default());
        sets.push((format!("generated {CLUSTER_ARTICLES}"), cleaned, gold));
        sets
    };
    for (name, cleaned, gold) in &sets {
        let config = chorus_cluster::ClusterConfig::default();
        let (seconds, clustering) = timed(runs, || chorus_cluster::cluster(cleaned, &config));
        let f1 = score(&labels(&clustering.events, cleaned.len()), gold)
            .bcubed
            .2;
        let n = cleaned.len() as f64;
        println!("  {name}: {} articles", cleaned.len());
        println!(
            "  {:<24} {:>9.3} s {:>9.0} articles/s   B-cubed F1 {f1:.3}   events {}",
            "chorus-cluster",
            seconds,
            n / seconds,
            clustering.events.len()
        );
        let file = tmp.join("cluster.jsonl");
        write_jsonl(
            &file,
            cleaned
                .iter()
                .zip(gold)
                .map(|(a, g)| json!({"text": text_of(a), "label": g})),
        )?;
        let runs_s = runs.to_string();
        let file_s = file.to_string_lossy();
        let t_s = threshold.map(|t| t.to_string()).unwrap_or_default();
        let mut args = vec!["cluster", &*file_s, &*runs_s];
        match threshold {
            Some(_) => args.extend(["--threshold", &*t_s]),
            None => args.push("--tune"),
        }
        let theirs = python_side(python, &args);
        if let Ok(v) = &theirs {
            threshold = threshold.or(v["threshold"].as_f64());
        }
        let compared = report_theirs(
            theirs,
            n / seconds,
            |v| {
                v["articles"].as_f64().unwrap_or(f64::NAN)
                    / v["seconds"].as_f64().unwrap_or(f64::NAN)
            },
            |v| {
                let s = v["seconds"].as_f64().unwrap_or(f64::NAN);
                format!(
                    "{:<24} {:>9.3} s {:>9.0} articles/s   B-cubed F1 {:.3}   events {}   (threshold {})",
                    v["tool"].as_str().unwrap_or("scikit-learn"),
                    s,
                    v["articles"].as_f64().unwrap_or(f64::NAN) / s,
                    v["bcubed_f1"].as_f64().unwrap_or(f64::NAN),
                    v["events"],
                    v["threshold"]
                )
            },
        );
        out.push(json!({
            "corpus": name, "articles": cleaned.len(),
            "ours": {"seconds": seconds, "articles_per_s": n / seconds, "bcubed_f1": f1, "events": clustering.events.len()},
            "compared": compared,
        }));
    }
    Ok(Value::Array(out))
}
