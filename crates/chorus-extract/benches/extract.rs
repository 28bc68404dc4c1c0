//! Extraction throughput on one thread over the readability pages (read at run time from
//! `../shared/data/readability-pages`): pages/s and MB/s, median of several runs, plus the
//! peak resident memory (`VmHWM`). Run with `cargo bench -p chorus-extract --bench extract`;
//! `EXTRACT_BENCH_RUNS=n` changes the number of timed runs (1 suits `valgrind --tool=callgrind`),
//! `EXTRACT_BENCH_SLOWEST=1` lists the slowest pages.

use chorus_extract::{extract, Hints};
use std::time::{Duration, Instant};

const RUNS: usize = 7;

/// Peak resident set size of this process (`VmHWM` in `/proc/self/status`), when known.
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line["VmHWM:".len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(format!("{:.1} MB", kb / 1024.0))
}

fn main() {
    let Some(dir) = chorus_testdata::shared("readability-pages") else {
        return;
    };
    let entries = std::fs::read_dir(&dir).expect("the pages directory can be read");
    let mut paths: Vec<_> = entries
        .flatten()
        .map(|e| e.path().join("source.html"))
        .filter(|p| p.exists())
        .collect();
    paths.sort();
    let pages: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let hints = Hints::default();

    // Warm up, and keep the output alive so that nothing is optimised away.
    let mut sink = 0usize;
    for p in &pages {
        sink += extract(p, &hints).text.len();
    }
    let runs = std::env::var("EXTRACT_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .filter(|&r: &usize| r > 0)
        .unwrap_or(RUNS);
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            for p in &pages {
                sink += extract(std::hint::black_box(p), &hints).text.len();
            }
            start.elapsed()
        })
        .collect();
    times.sort();
    if std::env::var_os("EXTRACT_BENCH_SLOWEST").is_some() {
        let mut per_page: Vec<(Duration, &std::path::PathBuf, usize)> = pages
            .iter()
            .zip(&paths)
            .map(|(p, path)| {
                let start = Instant::now();
                for _ in 0..5 {
                    sink += extract(std::hint::black_box(p), &hints).text.len();
                }
                (start.elapsed() / 5, path, p.len())
            })
            .collect();
        per_page.sort_by_key(|p| std::cmp::Reverse(p.0));
        for (t, path, len) in per_page.iter().take(15) {
            println!(
                "{:>8.2} ms {:>9} bytes  {}",
                t.as_secs_f64() * 1e3,
                len,
                path.display()
            );
        }
    }
    let median = times[runs / 2].as_secs_f64();
    println!(
        "extract: {} pages, {:.1} MB, median of {runs} runs {:.1} ms: {:.0} pages/s, {:.1} MB/s, peak memory {} (one thread; checksum {})",
        pages.len(),
        bytes as f64 / 1e6,
        median * 1e3,
        pages.len() as f64 / median,
        bytes as f64 / 1e6 / median,
        peak_memory().as_deref().unwrap_or("unknown"),
        sink % 1000
    );
}
