//! `cargo xtask bench`: the speed and footprint suite of issue 8. For each size a corpus is
//! generated at run time ([`crate::bench::generate`]) and written once as JSONL; a child
//! process per size (so that its peak memory is its own) times each stage on that file, and
//! the release `chorus` binary runs `digest FILE --format json` end to end. Prints one table
//! and writes it as JSON (no timestamps; the git commit) so runs can be compared; then the
//! comparisons with other tools ([`crate::compare`]).
//!
//! ```text
//! cargo xtask bench [--sizes 1000,10000,100000] [--runs 3] [--json PATH] [--no-build]
//!                   [--no-compare]
//! ```

use crate::bench::generate;
use crate::{flag, flag_counts};
use anyhow::{bail, Context, Result};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One measured row: a stage at one size.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub stage: String,
    pub seconds: f64,
    /// Peak resident memory while the stage ran, in MiB (what earlier stages hold included;
    /// the lowest over the runs, since later runs start with what the allocator kept).
    pub peak_mib: Option<f64>,
}

/// The stages timed in the child, in table order.
const STAGES: [&str; 6] = [
    "ingest",
    "clean",
    "cluster",
    "entities+account",
    "digest (in-process)",
    "render json",
];

/// `cargo xtask bench`.
pub(crate) fn run(args: &[&str]) -> Result<()> {
    let sizes = flag_counts(args, "--sizes", "1000,10000,100000");
    let runs: usize = flag(args, "--runs").unwrap_or(3).max(1);
    let json_path = flag::<String>(args, "--json")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("bench/bench.json"));
    let chorus = chorus_binary(!args.contains(&"--no-build"))?;
    let tmp = std::env::temp_dir().join(format!("chorus-bench-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let result = suite(&sizes, runs, &chorus, &tmp);
    let compare = match (&result, args.contains(&"--no-compare")) {
        (Ok(_), false) => Some(crate::compare::run(runs, &tmp)),
        _ => None,
    };
    std::fs::remove_dir_all(&tmp).ok();
    let sizes_json = result?;
    let compare_json = compare.transpose()?;
    let out = json!({
        "commit": git_commit(),
        "cores": std::thread::available_parallelism().map_or(1, |n| n.get()),
        "runs": runs,
        "sizes": sizes_json,
        "comparisons": compare_json,
    });
    if let Some(dir) = json_path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&json_path, serde_json::to_string_pretty(&out)? + "\n")?;
    println!("\nwritten: {}", json_path.display());
    Ok(())
}

/// Every size: corpus, child process, end-to-end runs; prints the table as it goes.
fn suite(sizes: &[usize], runs: usize, chorus: &Path, tmp: &Path) -> Result<Vec<Value>> {
    println!(
        "speed and footprint (generated corpus, release build, median of {runs} runs; \
         each size in its own process; {} cores)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let exe = std::env::current_exe()?;
    let mut out = Vec::new();
    for &n in sizes {
        let corpus = tmp.join(format!("corpus-{n}.jsonl"));
        write_corpus(n, &corpus)?;
        let bytes = std::fs::metadata(&corpus)?.len();
        let child = Command::new(&exe)
            .args(["bench-child", "suite", &runs.to_string()])
            .arg(&corpus)
            .output()?;
        if !child.status.success() {
            bail!(
                "size {n}: the child failed: {}",
                String::from_utf8_lossy(&child.stderr)
            );
        }
        let measured: Value = serde_json::from_slice(&child.stdout)
            .with_context(|| format!("size {n}: child output"))?;
        let mut rows: Vec<Row> = measured["stages"]
            .as_array()
            .context("stages")?
            .iter()
            .map(|s| Row {
                stage: s["stage"].as_str().unwrap_or_default().to_string(),
                seconds: s["seconds"].as_f64().unwrap_or(f64::NAN),
                peak_mib: s["peak_mib"].as_f64(),
            })
            .collect();
        let stages_total: f64 = rows
            .iter()
            .filter(|r| ["ingest", "digest (in-process)", "render json"].contains(&&*r.stage))
            .map(|r| r.seconds)
            .sum();
        rows.push(Row {
            stage: "total in-process".into(),
            seconds: stages_total,
            peak_mib: measured["peak_mib"].as_f64(),
        });
        rows.push(end_to_end(chorus, &corpus, runs)?);
        let events = measured["events"].as_u64().unwrap_or(0);
        println!(
            "\n{n} articles, {:.1} MB of JSONL, {events} events",
            bytes as f64 / 1e6
        );
        print_rows(n, bytes, &rows);
        out.push(json!({
            "articles": n,
            "input_bytes": bytes,
            "events": events,
            "stages": rows.iter().map(|r| row_json(n, bytes, r)).collect::<Vec<_>>(),
        }));
        std::fs::remove_file(&corpus).ok();
    }
    println!(
        "\nentities+account = digest − clean − cluster (includes event assembly); total \
         in-process = ingest + digest + render; end to end = `chorus digest FILE --format json \
         > /dev/null` (wall time; peak RSS polled from /proc, the highest of the runs)"
    );
    Ok(out)
}

fn print_rows(n: usize, bytes: u64, rows: &[Row]) {
    println!(
        "{:<30} {:>9} {:>12} {:>9} {:>10}",
        "stage", "median s", "articles/s", "MB/s", "peak MiB"
    );
    for r in rows {
        println!(
            "{:<30} {:>9.3} {:>12.0} {:>9.2} {:>10}",
            r.stage,
            r.seconds,
            n as f64 / r.seconds,
            bytes as f64 / 1e6 / r.seconds,
            r.peak_mib.map_or("-".into(), |m| format!("{m:.0}")),
        );
    }
}

fn row_json(n: usize, bytes: u64, r: &Row) -> Value {
    json!({
        "stage": r.stage,
        "seconds": r.seconds,
        "articles_per_s": n as f64 / r.seconds,
        "mb_per_s": bytes as f64 / 1e6 / r.seconds,
        "peak_rss_mib": r.peak_mib,
    })
}

/// `n` generated articles as JSONL at `path` (the format of `cargo xtask gen`).
fn write_corpus(n: usize, path: &Path) -> Result<()> {
    crate::bench::write_articles_to(path, &generate(n)?)
}

/// `chorus digest FILE --format json > /dev/null`, `runs` times: median wall time, highest
/// peak RSS.
pub(crate) fn end_to_end(chorus: &Path, corpus: &Path, runs: usize) -> Result<Row> {
    let mut times = Vec::new();
    let mut peak: Option<f64> = None;
    for _ in 0..runs {
        let (t, p) = run_measured(
            Command::new(chorus)
                .arg("digest")
                .arg(corpus)
                .args(["--format", "json"]),
        )?;
        times.push(t.as_secs_f64());
        peak = match (peak, p) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }
    Ok(Row {
        stage: "end to end (chorus digest)".into(),
        seconds: median(&mut times),
        peak_mib: peak,
    })
}

/// Runs `command` with its output discarded: wall time and peak RSS in MiB. The child's
/// `VmHWM` is polled every 2 ms until it has exited (a zombie, not yet reaped, has no memory
/// lines), so the last reading is its peak.
pub(crate) fn run_measured(command: &mut Command) -> Result<(Duration, Option<f64>)> {
    run_measured_saying(command).map(|(t, peak, _)| (t, peak))
}

/// [`run_measured`], also returning what the child wrote on standard error.
pub(crate) fn run_measured_saying(
    command: &mut Command,
) -> Result<(Duration, Option<f64>, String)> {
    let start = Instant::now();
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {command:?}"))?;
    // Read stderr on the side so that a chatty child never blocks on a full pipe.
    let stderr = child.stderr.take().map(|mut e| {
        std::thread::spawn(move || {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut e, &mut s).ok();
            s
        })
    });
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_kib: Option<f64> = None;
    while let Ok(status) = std::fs::read_to_string(&status_path) {
        match status.lines().find(|l| l.starts_with("VmHWM:")) {
            Some(line) => {
                peak_kib = line
                    .split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse().ok())
                    .or(peak_kib);
            }
            None => break,
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let status = child.wait()?;
    let elapsed = start.elapsed();
    let stderr = stderr.and_then(|h| h.join().ok()).unwrap_or_default();
    // Exit code 2 means some input was skipped: still a complete run.
    if !matches!(status.code(), Some(0 | 2)) {
        bail!("{command:?}: {status}: {stderr}");
    }
    Ok((elapsed, peak_kib.map(|k| k / 1024.0), stderr))
}

/// The child of one size: times every stage on the JSONL file, prints one JSON object.
pub(crate) fn child(args: &[&str]) -> Result<()> {
    let runs: usize = args.first().and_then(|s| s.parse().ok()).context("runs")?;
    let path = PathBuf::from(args.get(1).context("corpus path")?);
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); STAGES.len()];
    let mut peaks: Vec<Option<f64>> = vec![None; STAGES.len()];
    let mut events = 0;
    let mut sink = 0usize;
    for _ in 0..runs {
        let mut measured = Vec::new();
        let mut stage = |i: usize, t: f64| {
            measured.push((i, t, peak_rss_mib()));
            reset_peak();
        };
        reset_peak();
        let start = Instant::now();
        let ingested =
            chorus_ingest::ingest_paths(std::slice::from_ref(&path), &Default::default());
        stage(0, start.elapsed().as_secs_f64());
        let start = Instant::now();
        let cleaned = chorus_clean::clean(ingested.articles.clone(), &Default::default());
        stage(1, start.elapsed().as_secs_f64());
        let start = Instant::now();
        let clustering = chorus_cluster::cluster(&cleaned, &Default::default());
        stage(2, start.elapsed().as_secs_f64());
        drop((cleaned, clustering));
        reset_peak();
        let start = Instant::now();
        let report =
            chorus_pipeline::digest(ingested.articles, ingested.diagnostics, &Default::default());
        stage(4, start.elapsed().as_secs_f64());
        let start = Instant::now();
        let rendered = chorus_render::render(
            &report,
            chorus_render::Format::Json,
            &chorus_render::RenderConfig::default(),
        );
        stage(5, start.elapsed().as_secs_f64());
        sink += rendered.len();
        events = report.events.len();
        for (i, t, peak) in measured {
            times[i].push(t);
            // The lowest over runs: later runs start with what the allocator kept.
            peaks[i] = min_opt(peaks[i], peak);
        }
        let k = times[4].len() - 1;
        let rest = (times[4][k] - times[1][k] - times[2][k]).max(0.0);
        times[3].push(rest);
        peaks[3] = peaks[4];
    }
    let stages: Vec<Value> = STAGES
        .iter()
        .enumerate()
        .map(|(i, name)| json!({"stage": name, "seconds": median(&mut times[i]), "peak_mib": peaks[i]}))
        .collect();
    let overall = peaks.iter().fold(None, |a, &p| max_opt(a, p));
    println!(
        "{}",
        json!({"stages": stages, "events": events, "peak_mib": overall, "sink": sink})
    );
    Ok(())
}

fn min_opt(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn max_opt(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// Resets this process's peak RSS (`VmHWM`) to its current RSS, so that the next reading is
/// the peak of what runs in between (Linux ≥ 4.0; ignored elsewhere).
fn reset_peak() {
    std::fs::write("/proc/self/clear_refs", "5").ok();
}

fn peak_rss_mib() -> Option<f64> {
    crate::bench::peak_rss_mib()
}

pub(crate) fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// The cargo target directory: `CARGO_TARGET_DIR`, else `target/` in the workspace.
pub(crate) fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target"))
}

pub(crate) fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The release `chorus` binary beside this xtask's own executable (same target directory),
/// built first unless `build` is false.
pub(crate) fn chorus_binary(build: bool) -> Result<PathBuf> {
    if build {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        eprintln!("building the release binary: cargo build --release -p chorus");
        let status = Command::new(cargo)
            .args(["build", "--release", "--quiet", "-p", "chorus"])
            .current_dir(workspace())
            .status()?;
        if !status.success() {
            bail!("cargo build --release -p chorus: {status}");
        }
    }
    let exe = std::env::current_exe()?;
    let beside = exe.with_file_name(format!("chorus{}", std::env::consts::EXE_SUFFIX));
    let candidates = [beside, target_dir().join("release/chorus")];
    candidates
        .iter()
        .find(|p| p.exists())
        .cloned()
        .context("no release chorus binary; hint: cargo build --release -p chorus")
}

fn git_commit() -> Option<String> {
    let out = Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(workspace())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// `cargo xtask bench compare`: only the comparisons with other tools.
pub(crate) fn compare_only(args: &[&str]) -> Result<()> {
    let runs: usize = flag(args, "--runs").unwrap_or(3).max(1);
    let tmp = std::env::temp_dir().join(format!("chorus-bench-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let result = crate::compare::run(runs, &tmp);
    std::fs::remove_dir_all(&tmp).ok();
    result.map(drop)
}
