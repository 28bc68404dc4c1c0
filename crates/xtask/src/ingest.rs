//! `cargo xtask bench ingest`: `chorus ingest` of web archives of growing size. The generated
//! articles ([`crate::bench::generate`]) are written as HTML pages of about `--page-kb` KiB
//! each (scripts, navigation, related links around the story, as news pages carry) in one
//! WARC; the same articles are also written as JSONL. Each is ingested into a fresh data
//! directory by the release binary: wall time and peak RSS. When reading is streamed, the
//! archive's peak is the JSONL's (what the collection itself costs), whatever its size.
//!
//! `cargo xtask bench grow`: `chorus ingest` of 1% more articles into a stored collection,
//! the incremental path a collection takes as news comes in, against `chorus digest` of all
//! of them from scratch (up to 200,000 articles; beyond, a digest of everything at once does
//! not fit a collection's memory and is not run). The stored collection is built as a real
//! one is, by ingests of at most 100,000 articles in date order; `new coll. s` is their sum.
//!
//! ```text
//! cargo xtask bench ingest [--pages 2500,5000,10000] [--page-kb 100] [--no-build]
//! cargo xtask bench grow [--sizes 10000,100000,1000000] [--runs 3] [--no-build] [--against BINARY]
//! cargo xtask gen N --warc [--page-kb 100] > pages.warc
//! ```

use crate::bench::{generate, write_articles_to};
use crate::suite::{chorus_binary, end_to_end, median, run_measured_saying};
use crate::{flag, flag_counts};
use anyhow::Result;
use chorus_model::Article;
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// `cargo xtask bench ingest`.
pub(crate) fn bench(args: &[&str]) -> Result<()> {
    let pages = flag_counts(args, "--pages", "2500,5000,10000");
    let page_kb: usize = flag(args, "--page-kb").unwrap_or(100);
    let chorus = chorus_binary(!args.contains(&"--no-build"))?;
    in_temp_dir("ingest", |tmp| rows(&pages, page_kb, &chorus, tmp))
}

/// Runs `f` in a new temporary directory named for the bench, removed afterwards.
fn in_temp_dir(bench: &str, f: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let tmp = std::env::temp_dir().join(format!("chorus-bench-{bench}-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let result = f(&tmp);
    std::fs::remove_dir_all(&tmp).ok();
    result
}

fn rows(pages: &[usize], page_kb: usize, chorus: &Path, tmp: &Path) -> Result<()> {
    println!(
        "chorus ingest into a new collection (generated pages of ~{page_kb} KiB; one run each; \
         peak RSS polled from /proc)"
    );
    println!(
        "{:>7} {:<6} {:>9} {:>9} {:>10} {:>9}",
        "pages", "input", "MB", "seconds", "articles/s", "peak MiB"
    );
    for &n in pages {
        let articles = pages_of(generate(n)?);
        let warc = tmp.join(format!("pages-{n}.warc"));
        write_warc(
            &articles,
            page_kb,
            &mut std::io::BufWriter::new(std::fs::File::create(&warc)?),
        )?;
        let jsonl = tmp.join(format!("pages-{n}.jsonl"));
        write_articles_to(&jsonl, &articles)?;
        drop(articles);
        for (label, input) in [("warc", &warc), ("jsonl", &jsonl)] {
            let data = tmp.join(format!("data-{n}-{label}"));
            let bytes = std::fs::metadata(input)?.len();
            let (t, peak, _) = ingest(chorus, &data, input)?;
            let t = t.as_secs_f64();
            println!(
                "{:>7} {:<6} {:>9.1} {:>9.2} {:>10.0} {:>9}",
                n,
                label,
                bytes as f64 / 1e6,
                t,
                n as f64 / t,
                peak.map_or("-".into(), |m| format!("{m:.0}")),
            );
            std::fs::remove_dir_all(&data).ok();
        }
        std::fs::remove_file(&warc).ok();
        std::fs::remove_file(&jsonl).ok();
    }
    Ok(())
}

/// `cargo xtask bench grow`: for each size N, N generated articles ingested into a new
/// collection, then the next N/100 ingested into it (from a fresh copy of it for each run),
/// then all N + N/100 digested from scratch as the suite's end-to-end row does; wall times
/// (median of the runs) and peak RSS. `--against BINARY` compares another build: each binary
/// builds its own stored collection (their schemas may differ), the runs of the two alternate,
/// and each gets a row (the digest is this build's).
pub(crate) fn grow(args: &[&str]) -> Result<()> {
    let sizes = flag_counts(args, "--sizes", "10000,100000");
    let runs: usize = flag(args, "--runs").unwrap_or(3).max(1);
    let mut binaries = vec![("this", chorus_binary(!args.contains(&"--no-build"))?)];
    if let Some(other) = flag::<std::path::PathBuf>(args, "--against") {
        anyhow::ensure!(
            other.exists(),
            "--against {}: no such binary",
            other.display()
        );
        binaries.push(("against", other));
    }
    in_temp_dir("grow", |tmp| grow_rows(&sizes, runs, &binaries, tmp))
}

/// What the runs of one binary measured at one size.
#[derive(Default)]
struct Grown {
    built: Duration,
    disk: f64,
    added: Vec<f64>,
    peak: f64,
    /// Each step of computing the events, by name, with its seconds in each run.
    steps: Vec<(String, Vec<f64>)>,
}

impl Grown {
    fn record(&mut self, t: Duration, peak: Option<f64>, timed: Steps) {
        self.added.push(t.as_secs_f64());
        self.peak = self.peak.max(peak.unwrap_or(0.0));
        for (k, (name, secs)) in timed.into_iter().enumerate() {
            if self.steps.len() <= k {
                self.steps.push((name, Vec::new()));
            }
            self.steps[k].1.push(secs);
        }
    }
}

fn grow_rows(
    sizes: &[usize],
    runs: usize,
    binaries: &[(&str, std::path::PathBuf)],
    tmp: &Path,
) -> Result<()> {
    println!(
        "chorus ingest of 1% more into a stored collection, against chorus digest of all \
         (generated articles; median of {runs} runs; peak RSS polled from /proc)"
    );
    println!(
        "{:>9} {:<8} {:>11} {:>9} {:>9} {:>10} {:>10} {:>9} {:>11}",
        "articles",
        "binary",
        "new coll. s",
        "+1% s",
        "+1% MiB",
        "digest s",
        "digest MiB",
        "+1%/dig.",
        "disk KiB/art"
    );
    let jsonl = |name: &str, articles: &[Article]| -> Result<std::path::PathBuf> {
        let path = tmp.join(name);
        write_articles_to(&path, articles)?;
        Ok(path)
    };
    for &n in sizes {
        let articles = generate(n + n / 100)?;
        let more = jsonl("more.jsonl", &articles[n..])?;
        // A digest of everything at once holds the whole collection in memory: beyond
        // DIGEST_MAX it is not run (a collection that large is only ever built in batches).
        let all = (articles.len() <= DIGEST_MAX)
            .then(|| jsonl("all.jsonl", &articles))
            .transpose()?;
        // The stored collection is built as a collection is: a tenth of it (at most
        // BUILD_CHUNK articles) an ingest, in date order, so that events close behind the
        // stream as it goes. Built in one ingest, its first merge pass skips follow-up merges
        // and the timed +1% would make them all, a backlog no collection fed in batches has
        // (at 10k, 149 events written and 139 removed by the first +100, against 72 and 32
        // when built in ten ingests).
        let mut chunks = Vec::new();
        let chunk_size = (n / BUILD_PARTS).clamp(1, BUILD_CHUNK);
        for (k, chunk) in articles[..n].chunks(chunk_size).enumerate() {
            chunks.push(jsonl(&format!("first-{k}.jsonl"), chunk)?);
        }
        drop(articles);
        let mut grown: Vec<Grown> = Vec::new();
        for (b, (_, chorus)) in binaries.iter().enumerate() {
            let stored = tmp.join(format!("stored-{b}"));
            let mut g = Grown::default();
            for chunk in &chunks {
                g.built += ingest(chorus, &stored, chunk)?.0;
            }
            g.disk = dir_bytes(&stored)? as f64 / 1024.0 / n.max(1) as f64;
            grown.push(g);
        }
        for chunk in &chunks {
            std::fs::remove_file(chunk).ok();
        }
        // The binaries take turns, so that a change in the machine's load falls on both.
        for _ in 0..runs {
            for (b, (_, chorus)) in binaries.iter().enumerate() {
                let data = tmp.join("grown");
                std::fs::remove_dir_all(&data).ok();
                copy_dir(&tmp.join(format!("stored-{b}")), &data)?;
                let (t, peak, timed) = ingest(chorus, &data, &more)?;
                grown[b].record(t, peak, timed);
                std::fs::remove_dir_all(&data).ok();
            }
        }
        let digest = all
            .map(|all| end_to_end(&binaries[0].1, &all, runs))
            .transpose()?;
        for ((label, _), g) in binaries.iter().zip(&mut grown) {
            print_grown(n, label, g, digest.as_ref());
        }
        for b in 0..binaries.len() {
            std::fs::remove_dir_all(tmp.join(format!("stored-{b}"))).ok();
        }
    }
    Ok(())
}

/// One binary's row at size `n`, and the median of each step of its +1%.
fn print_grown(n: usize, label: &str, g: &mut Grown, digest: Option<&crate::suite::Row>) {
    let a = median(&mut g.added);
    let (digest_s, digest_mib, ratio) = match digest {
        Some(d) => (
            format!("{:.2}", d.seconds),
            d.peak_mib.map_or("-".into(), |m| format!("{m:.0}")),
            format!("{:.2}", a / d.seconds),
        ),
        None => ("-".into(), "-".into(), "-".into()),
    };
    println!(
        "{:>9} {:<8} {:>11.2} {:>9.2} {:>9.0} {:>10} {:>10} {:>9} {:>11.1}",
        n,
        label,
        g.built.as_secs_f64(),
        a,
        g.peak,
        digest_s,
        digest_mib,
        ratio,
        g.disk
    );
    let steps: Vec<String> = g
        .steps
        .iter_mut()
        .map(|(name, secs)| format!("{name} {:.2}", median(secs)))
        .collect();
    println!(
        "{:>9} {:<8} +1% computing events, median s: {}",
        "",
        "",
        steps.join(", ")
    );
}

/// The most articles `bench grow` digests at once for comparison.
const DIGEST_MAX: usize = 200_000;

/// The most articles one ingest adds while `bench grow` builds the stored collection.
const BUILD_CHUNK: usize = 100_000;

/// In how many ingests at least `bench grow` builds the stored collection.
const BUILD_PARTS: usize = 10;

/// Seconds of each named step, in order.
type Steps = Vec<(String, f64)>;

/// `chorus ingest --timings --data-dir DATA INPUT`: wall time, peak RSS, and the seconds of
/// each step of computing the events, by name, as `--timings` prints them ("computed events
/// in …: read articles 0.22 s, …").
fn ingest(chorus: &Path, data: &Path, input: &Path) -> Result<(Duration, Option<f64>, Steps)> {
    let (t, peak, said) = run_measured_saying(
        Command::new(chorus)
            .args(["ingest", "--timings", "--data-dir"])
            .arg(data)
            .arg(input),
    )?;
    let steps = said
        .lines()
        .find_map(|l| l.split_once("computed events in "))
        .and_then(|(_, rest)| rest.split_once(": "))
        .map(|(_, steps)| {
            steps
                .split(", ")
                .filter_map(|s| {
                    let (name, secs) = s.strip_suffix(" s")?.rsplit_once(' ')?;
                    Some((name.to_string(), secs.parse().ok()?))
                })
                .collect()
        })
        .unwrap_or_default();
    Ok((t, peak, steps))
}

/// Bytes of the files under `dir` (a data directory: the database and the index).
fn dir_bytes(dir: &Path) -> Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        total += if meta.is_dir() {
            dir_bytes(&entry.path())?
        } else {
            meta.len()
        };
    }
    Ok(total)
}

/// Copies the directory `from` (a data directory: files and subdirectories) to `to`, each
/// file synced to disk (so that writing the copy back does not run into the timed ingest).
fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
            std::fs::File::open(&target)?.sync_all()?;
        }
    }
    Ok(())
}

/// `cargo xtask gen N --warc [--page-kb K]`: the generated articles as a WARC on stdout.
pub(crate) fn write_stdout(n: usize, args: &[&str]) -> Result<()> {
    let page_kb: usize = flag(args, "--page-kb").unwrap_or(100);
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    write_warc(&pages_of(generate(n)?), page_kb, &mut out)
}

/// Generated articles as pages: each gets a title (its first words) and a URL at its outlet.
fn pages_of(articles: Vec<Article>) -> Vec<Article> {
    articles
        .into_iter()
        .map(|mut a| {
            a.title = Some(
                a.body
                    .split_whitespace()
                    .take(9)
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            a.url = Some(format!(
                "https://{}.example.com/news/{}.html",
                a.source, a.id
            ));
            a
        })
        .collect()
}

/// Every article as a WARC `response` record holding its HTML page.
fn write_warc(articles: &[Article], page_kb: usize, out: &mut impl Write) -> Result<()> {
    for (k, a) in articles.iter().enumerate() {
        let html = page(a, articles, k, page_kb * 1024);
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \
             {}\r\n\r\n",
            html.len()
        );
        let date = a.published.as_deref().unwrap_or("2025-01-01");
        write!(
            out,
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {}\r\nWARC-Date: \
             {date}T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{k:012}>\r\n\
             Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            a.url.as_deref().unwrap_or_default(),
            http.len() + html.len()
        )?;
        out.write_all(http.as_bytes())?;
        out.write_all(html.as_bytes())?;
        out.write_all(b"\r\n\r\n")?;
    }
    out.flush()?;
    Ok(())
}

/// A news page of about `size` bytes around the article: inline scripts and styles, a
/// navigation bar, the story in paragraphs, related links to other stories, a footer.
fn page(a: &Article, all: &[Article], k: usize, size: usize) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut story = String::new();
    let sentences: Vec<&str> = a.body.split_inclusive(". ").collect();
    for p in sentences.chunks(3) {
        story.push_str("<p>");
        story.push_str(&escape(p.concat().trim()));
        story.push_str("</p>\n");
    }
    let mut nav = String::from("<nav><ul>");
    for section in [
        "World", "Politics", "Business", "Tech", "Science", "Sport", "Opinion",
    ] {
        nav.push_str(&format!(
            "<li><a href=\"/{}\">{section}</a></li>",
            section.to_lowercase()
        ));
    }
    nav.push_str("</ul></nav>");
    let mut related = String::from("<aside class=\"related\"><h2>More stories</h2><ul>");
    for j in 1..=8 {
        let other = &all[(k + j * 37) % all.len()];
        related.push_str(&format!(
            "<li><a href=\"{}\">{}</a></li>",
            other.url.as_deref().unwrap_or_default(),
            escape(other.title.as_deref().unwrap_or_default())
        ));
    }
    related.push_str("</ul></aside>");
    let title = escape(a.title.as_deref().unwrap_or_default());
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | \
         {source}</title><meta property=\"og:site_name\" content=\"{source}\">\
         <meta property=\"article:published_time\" content=\"{date}\"><style>body{{margin:0}}\
         .related li{{display:inline}}</style></head><body><header>{nav}</header><main>\
         <article><h1>{title}</h1><p class=\"byline\">By Staff Reporter</p>\n{story}</article>\
         {related}</main><footer><p>&copy; {source}. All rights reserved.</p></footer>",
        source = a.source,
        date = a.published.as_deref().unwrap_or(""),
    );
    // Scripts make up the rest, as trackers and bundles do on real pages.
    let mut n = 0u64;
    while html.len() + 40 < size {
        html.push_str("<script>");
        let end = (html.len() + 4096).min(size);
        while html.len() < end {
            n = n
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            html.push_str(&format!("var v{:x}={};", n >> 40, n >> 33));
        }
        html.push_str("</script>");
    }
    html.push_str("</body></html>");
    html
}
