//! `cargo xtask bench workers`: `chorus ingest` of generated articles into a new collection on
//! SQLite, on PostgreSQL with one worker, and on PostgreSQL with two workers at once (each
//! given half of the input; the grouping is serialised by the database, reading and storing
//! run side by side). Wall time until every article is stored and grouped, and a check that
//! each article ended in one event at most and none was left ungrouped.
//!
//! ```text
//! cargo xtask bench workers [--sizes 10000,100000] [--runs 1] [--database-url URL] [--no-build]
//! ```
//! Without `--database-url` (or `CHORUS_DATABASE_URL`), a throwaway server is started with
//! `scripts/postgres.sh start` in a temporary directory and stopped afterwards. Each run uses a
//! schema of its own, dropped afterwards.

use crate::bench::{generate, write_articles_to};
use crate::suite::{chorus_binary, median, workspace};
use crate::{flag, flag_counts};
use anyhow::{bail, Context, Result};
use chorus_store::{Collection, PgStore, ScratchSchema as Schema};
use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// `cargo xtask bench workers`.
pub(crate) fn bench(args: &[&str]) -> Result<()> {
    let sizes = flag_counts(args, "--sizes", "10000,100000");
    let runs: usize = flag(args, "--runs").unwrap_or(1).max(1);
    let chorus = chorus_binary(!args.contains(&"--no-build"))?;
    let given: Option<String> = flag(args, "--database-url")
        .or_else(|| std::env::var("CHORUS_DATABASE_URL").ok())
        .filter(|u: &String| !u.trim().is_empty());
    let tmp = std::env::temp_dir().join(format!("chorus-bench-workers-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let server = match given {
        Some(url) => Server { url, dir: None },
        None => Server::start(&tmp.join("pg"))?,
    };
    let result = rows(&sizes, runs, &chorus, &server.url, &tmp);
    drop(server);
    std::fs::remove_dir_all(&tmp).ok();
    result
}

/// A PostgreSQL server: the one given, or one started here and stopped when dropped.
struct Server {
    url: String,
    dir: Option<std::path::PathBuf>,
}

impl Server {
    fn start(dir: &Path) -> Result<Server> {
        eprintln!(
            "starting a PostgreSQL server: scripts/postgres.sh start {}",
            dir.display()
        );
        let out = Command::new("bash")
            .arg(workspace().join("scripts/postgres.sh"))
            .arg("start")
            .arg(dir)
            .stderr(Stdio::inherit())
            .output()
            .context("running scripts/postgres.sh")?;
        if !out.status.success() {
            bail!("scripts/postgres.sh start failed: {}", out.status);
        }
        let url = String::from_utf8_lossy(&out.stdout)
            .lines()
            .last()
            .unwrap_or_default()
            .trim()
            .to_string();
        if !url.starts_with("postgres") {
            bail!("scripts/postgres.sh start printed no URL");
        }
        Ok(Server {
            url,
            dir: Some(dir.to_path_buf()),
        })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(dir) = &self.dir {
            let _ = Command::new("bash")
                .arg(workspace().join("scripts/postgres.sh"))
                .arg("stop")
                .arg(dir)
                .stdout(Stdio::null())
                .status();
        }
    }
}

fn rows(sizes: &[usize], runs: usize, chorus: &Path, url: &str, tmp: &Path) -> Result<()> {
    println!(
        "chorus ingest into a new collection: SQLite, PostgreSQL with 1 worker, with 2 workers \
         on halves of the input (generated articles; median of {runs} runs; wall time until \
         every article is stored and grouped)"
    );
    println!(
        "{:>9} {:>9} {:>9} {:>8} {:>9} {:>8} {:>8}",
        "articles", "SQLite s", "PG 1w s", "PG/SQL.", "PG 2w s", "2w/1w", "events"
    );
    for &n in sizes {
        let articles = generate(n)?;
        let all = tmp.join("all.jsonl");
        write_articles_to(&all, &articles)?;
        let halves = [tmp.join("half-0.jsonl"), tmp.join("half-1.jsonl")];
        // Interleaved halves: both workers read articles of the same days, as two workers
        // fed by different feeds would.
        for (k, half) in halves.iter().enumerate() {
            let part: Vec<_> = articles.iter().skip(k).step_by(2).cloned().collect();
            write_articles_to(half, &part)?;
        }
        drop(articles);
        let (mut sqlite, mut one, mut two) = (Vec::new(), Vec::new(), Vec::new());
        let mut events = 0;
        for run in 0..runs {
            let data = tmp.join("sqlite");
            std::fs::remove_dir_all(&data).ok();
            sqlite.push(timed(vec![ingest(chorus, &["--data-dir"], &data, &all)])?);
            std::fs::remove_dir_all(&data).ok();

            let schema = Schema::new(url, format!("bench_one_{}_{run}", std::process::id()));
            let u = schema.url();
            one.push(timed(vec![ingest(
                chorus,
                &["--database-url", &u],
                tmp,
                &all,
            )])?);
            check(&u, n)?;

            let schema = Schema::new(url, format!("bench_two_{}_{run}", std::process::id()));
            let u = schema.url();
            two.push(timed(vec![
                ingest(chorus, &["--database-url", &u], tmp, &halves[0]),
                ingest(chorus, &["--database-url", &u], tmp, &halves[1]),
            ])?);
            events = check(&u, n)?;
        }
        let (s, o, t) = (median(&mut sqlite), median(&mut one), median(&mut two));
        println!(
            "{:>9} {:>9.2} {:>9.2} {:>8.2} {:>9.2} {:>8.2} {:>8}",
            n,
            s,
            o,
            o / s,
            t,
            t / o,
            events
        );
        for f in [&all, &halves[0], &halves[1]] {
            std::fs::remove_file(f).ok();
        }
    }
    Ok(())
}

/// `chorus ingest INPUT` with the backend's arguments (`--data-dir DIR` or
/// `--database-url URL`, the latter with a data directory that is never used).
fn ingest(chorus: &Path, backend: &[&str], dir: &Path, input: &Path) -> Command {
    let mut c = Command::new(chorus);
    c.arg("ingest").arg(input).args(backend);
    if backend.first() == Some(&"--data-dir") {
        c.arg(dir);
    } else {
        c.env("CHORUS_DATA", dir.join("unused"));
    }
    c.stdout(Stdio::null()).stderr(Stdio::piped());
    c
}

/// Starts every command at once and waits for all: seconds from the first start to the last
/// exit. A command that fails fails the bench with what it said.
fn timed(commands: Vec<Command>) -> Result<f64> {
    let start = Instant::now();
    let mut children = Vec::new();
    for mut c in commands {
        children.push(c.spawn().with_context(|| format!("starting {c:?}"))?);
    }
    let mut elapsed = Duration::ZERO;
    for child in children {
        let out = child.wait_with_output()?;
        elapsed = start.elapsed();
        if !out.status.success() {
            bail!(
                "chorus ingest failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    Ok(elapsed.as_secs_f64())
}

/// Every one of the `n` articles stored once, in one event at most (or counted as without
/// one), and none left ungrouped: the collection's events.
fn check(url: &str, n: usize) -> Result<usize> {
    let store = PgStore::open(url)?;
    let mut held: HashMap<String, usize> = HashMap::new();
    let events = store.all_events()?;
    for e in &events {
        for a in &e.articles {
            *held.entry(a.clone()).or_default() += 1;
        }
    }
    if let Some((a, k)) = held.iter().find(|(_, &k)| k > 1) {
        bail!("article {a} is in {k} events");
    }
    let stats = store.stats()?;
    if stats.articles != n || held.len() + stats.without_event != n {
        bail!(
            "{} articles stored, {} in events, {} without one; {n} given",
            stats.articles,
            held.len(),
            stats.without_event
        );
    }
    if store.events_outdated()? {
        bail!("articles left ungrouped");
    }
    Ok(events.len())
}
