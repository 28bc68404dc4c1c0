//! Throughput of each stage on the real Multi-News sample (`../shared/data/multinews-val`):
//! ingest, clean, cluster and the whole digest, median of several runs, plus peak memory.
//! Run with `cargo bench -p chorus-pipeline`.

use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        last = Some(std::hint::black_box(f()));
        times.push(t.elapsed());
    }
    (median(times), last.unwrap())
}

fn main() {
    let Some(path) = chorus_testdata::shared("multinews-val/articles.jsonl") else {
        return;
    };
    let runs = 7;
    let (t_ingest, ingested) = time(runs, || {
        chorus_ingest::ingest_paths(std::slice::from_ref(&path), &Default::default())
    });
    let n = ingested.articles.len();
    let bytes: usize = ingested.articles.iter().map(|a| a.body.len()).sum();
    let (t_clean, cleaned) = time(runs, || {
        chorus_clean::clean(ingested.articles.clone(), &Default::default())
    });
    let (t_cluster, _) = time(runs, || {
        chorus_cluster::cluster(&cleaned, &Default::default())
    });
    let (t_digest, report) = time(3, || {
        chorus_pipeline::digest(ingested.articles.clone(), vec![], &Default::default())
    });
    println!(
        "multinews-val: {n} articles, {:.1} MiB of text, {} events",
        bytes as f64 / 1048576.0,
        report.events.len()
    );
    println!("{:<10} {:>12} {:>14}", "stage", "median", "articles/s");
    for (name, t) in [
        ("ingest", t_ingest),
        ("clean", t_clean),
        ("cluster", t_cluster),
        ("digest", t_digest),
    ] {
        println!(
            "{name:<10} {:>10.1}ms {:>14.0}",
            t.as_secs_f64() * 1e3,
            n as f64 / t.as_secs_f64()
        );
    }
    if let Some(mib) = peak_rss_mib() {
        println!("peak RSS {mib:.0} MiB");
    }
}
