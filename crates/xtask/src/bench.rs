//! Scale benchmarks on corpora generated at run time from `multinews-val` (or the example
//! corpus when `../shared` is absent): every synthetic article takes the sentences of one
//! real event's articles, shuffled, with the event's names swapped for names drawn per
//! variant, its figures moved per variant, and dates spread over weeks, so that each (event, variant) is its own story.
//! Variants follow each other nine days apart, so the corpus is a stream at a steady rate:
//! 10,000 articles span about four months, 100,000 over three years; articles are spread
//! over 64 outlets.
//!
//! ```text
//! cargo xtask bench cluster [--sizes 10000,50000,100000] [--runs 3] [--no-split]
//! ```
//! `--no-split` groups without the split after the repair (`OnlineConfig::split`), to see
//! what it costs.
//! Each size runs in a child process so that its peak memory (VmHWM) is its own.

use crate::flag;
use crate::suite::median;
use anyhow::{Context, Result};
use chorus_model::Article;
use std::collections::HashMap;
use std::time::Instant;

/// Deterministic xorshift generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Source events: the sentences of each real event's articles.
fn source_events() -> Result<Vec<Vec<String>>> {
    let texts: Vec<(String, String)> = match crate::shared("multinews-val") {
        Ok(dir) => {
            let mut out = Vec::new();
            for line in std::fs::read_to_string(dir.join("articles.jsonl"))?.lines() {
                let v: serde_json::Value = serde_json::from_str(line)?;
                let id = v["id"].as_str().context("id")?;
                // val-NNN-k: the event is the middle part.
                let event = id.rsplit_once('-').map_or(id, |x| x.0).to_string();
                out.push((event, v["text"].as_str().unwrap_or_default().to_string()));
            }
            out
        }
        Err(_) => {
            let dir =
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
            let mut out = Vec::new();
            for e in std::fs::read_dir(&dir)? {
                let p = e?.path();
                let text = std::fs::read_to_string(&p).unwrap_or_default();
                let stem = p
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("x")
                    .to_string();
                out.push((stem.chars().take(2).collect(), text));
            }
            out
        }
    };
    let mut by_event: HashMap<String, Vec<String>> = HashMap::new();
    for (event, text) in texts {
        let sentences = by_event.entry(event).or_default();
        for s in text.split_inclusive(['.', '!', '?']) {
            let s = s.trim();
            if s.split_whitespace().count() >= 6 {
                sentences.push(s.to_string());
            }
        }
    }
    let mut events: Vec<(String, Vec<String>)> =
        by_event.into_iter().filter(|(_, s)| s.len() >= 5).collect();
    events.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(events.into_iter().map(|x| x.1).collect())
}

/// How many outlets the generated articles are spread over (a collection kept for months
/// is fed by dozens of outlets; each outlet's furniture is learned from its own articles).
const OUTLETS: usize = 64;

/// `n` synthetic articles (see the module doc).
pub(crate) fn generate(n: usize) -> Result<Vec<Article>> {
    let events = source_events()?;
    let pool = name_pool(&events);
    let names: Vec<Vec<&str>> = events.iter().map(|e| names_of(e)).collect();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut out = Vec::with_capacity(n);
    let per_story = 3;
    let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).context("start date")?;
    let mut swap = HashMap::new();
    for k in 0..n {
        let story = k / per_story;
        let e = story % events.len();
        let variant = story / events.len();
        let sentences = &events[e];
        if k % per_story == 0 {
            swap = swaps(&names[e], &pool, e, variant);
        }
        let take = 8 + rng.below(12);
        let mut body = String::new();
        for _ in 0..take {
            let s = &sentences[rng.below(sentences.len())];
            push_variant(&mut body, s, &swap, variant);
            body.push(' ');
        }
        // Variant v is dated 9·v days (+0–2) after the start: the stream runs forward at a
        // steady rate, so a larger corpus spans more days instead of packing more look-alike
        // stories into the same ones.
        let day = chrono::Days::new((variant * 9 + rng.below(3)) as u64);
        out.push(Article {
            id: format!("g{k}"),
            source: format!("outlet{}", rng.below(OUTLETS)),
            published: Some((start + day).format("%Y-%m-%d").to_string()),
            body,
            ..Article::default()
        });
    }
    Ok(out)
}

/// The capitalised words of all source events, to swap names with.
fn name_pool(events: &[Vec<String>]) -> Vec<String> {
    let mut pool: Vec<String> = events
        .iter()
        .flatten()
        .flat_map(|s| s.split_whitespace())
        .filter(|w| w.len() > 3 && w.chars().all(char::is_alphabetic))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(String::from)
        .collect();
    pool.sort();
    pool.dedup();
    pool
}

/// A word's letters and what follows them ("Hernandez," → "Hernandez", ",").
fn split_letters(w: &str) -> (&str, &str) {
    let end = w
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(w.len(), |(at, _)| at);
    w.split_at(end)
}

/// Whether the letters `core` of a sentence's `i`-th word are a name: a capitalised word
/// past the sentence's first ("Hernandez", "Eichmann's", "McDowell", "WKMG").
fn is_name(i: usize, core: &str) -> bool {
    i > 0 && core.len() >= 3 && core.chars().next().is_some_and(char::is_uppercase)
}

/// The names of one source event, each once, in a fixed order.
fn names_of(sentences: &[String]) -> Vec<&str> {
    let mut names: Vec<&str> = sentences
        .iter()
        .flat_map(|s| s.split_whitespace().enumerate())
        .map(|(i, w)| (i, split_letters(w).0))
        .filter(|&(i, core)| is_name(i, core))
        .map(|x| x.1)
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The name swaps of one variant of a source event: each name to a word of the pool drawn
/// for this (event, variant) alone, the same in every article of the story, so that a
/// story's articles share its names and two variants share none of their own. Variant 0
/// keeps the source's names.
fn swaps<'a>(
    names: &[&'a str],
    pool: &'a [String],
    event: usize,
    variant: usize,
) -> HashMap<&'a str, &'a str> {
    if variant == 0 {
        return HashMap::new();
    }
    let seed = (event as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (variant as u64).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let mut rng = Rng(seed | 1);
    names
        .iter()
        .map(|&name| (name, pool[rng.below(pool.len())].as_str()))
        .collect()
}

/// Sentence `s` as written in `variant`, pushed onto `body`: its names swapped, and its
/// figures moved by 37 per variant, so that in a variant every one is changed.
fn push_variant(body: &mut String, s: &str, swap: &HashMap<&str, &str>, variant: usize) {
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            body.push(' ');
        }
        let (core, rest) = split_letters(w);
        if variant == 0 {
            body.push_str(w);
        } else if let Some(to) = swap.get(core).filter(|_| is_name(i, core)) {
            if core.chars().all(char::is_uppercase) {
                body.push_str(&to.to_uppercase());
            } else {
                body.push_str(to);
            }
            body.push_str(rest);
        } else if w.chars().any(|c| c.is_ascii_digit()) {
            push_moved_figures(body, w, variant);
        } else {
            body.push_str(w);
        }
    }
}

/// Word `w` with each run of digits read as a number and moved by 37 per variant.
fn push_moved_figures(body: &mut String, w: &str, variant: usize) {
    let mut digits = String::new();
    for c in w.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            match digits.parse::<u64>() {
                Ok(n) if digits.len() < 16 => body.push_str(&(n + 37 * variant as u64).to_string()),
                _ => body.push_str(&digits),
            }
            digits.clear();
        }
        if c != ' ' {
            body.push(c);
        }
    }
}

/// Peak resident memory of this process in MiB (Linux), if known.
pub(crate) fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// `cargo xtask bench cluster`.
pub(crate) fn cluster(args: &[&str]) -> Result<()> {
    let sizes = crate::flag_counts(args, "--sizes", "10000,50000,100000");
    let runs: usize = flag(args, "--runs").unwrap_or(3);
    let split = if args.contains(&"--no-split") {
        "no-split"
    } else {
        "split"
    };
    println!("clustering scale (generated corpus; median of {runs} runs; own process per size)");
    println!(
        "{:>8} {:>10} {:>10} {:>10} {:>12} {:>9} {:>10} {:>10} {:>8}",
        "articles",
        "clean s",
        "cluster s",
        "cpu s",
        "articles/s",
        "events",
        "+1% s",
        "+1% cpu s",
        "peak MiB"
    );
    println!(
        "(+1% s: a collection of that size restored from its events, then 1% more articles \
         added, as `chorus ingest` does; cpu s: the CPU time of all threads over the same \
         step, which other work on a busy machine stretches less than the time it takes)"
    );
    let exe = std::env::current_exe()?;
    let mut rows = Vec::new();
    for n in sizes {
        let out = std::process::Command::new(&exe)
            .args([
                "bench-child",
                "cluster",
                &n.to_string(),
                &runs.to_string(),
                split,
            ])
            .output()?;
        let line = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if !out.status.success() {
            anyhow::bail!("size {n}: {}", String::from_utf8_lossy(&out.stderr));
        }
        println!("{line}");
        rows.push(line);
    }
    Ok(())
}

/// One size, in its own process: prints one table row.
pub(crate) fn child(args: &[&str]) -> Result<()> {
    let n: usize = args.first().and_then(|s| s.parse().ok()).context("size")?;
    let runs: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(3);
    let split = args.get(2) != Some(&"no-split");
    let mut articles = generate(n + n / 100)?;
    let later = chorus_clean::clean(articles.split_off(n), &Default::default());
    let mut clean_t = Vec::new();
    let mut cluster_t = Vec::new();
    let mut add_t = Vec::new();
    let mut cluster_cpu = Vec::new();
    let mut add_cpu = Vec::new();
    let mut events = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let cleaned = chorus_clean::clean(articles.clone(), &Default::default());
        clean_t.push(start.elapsed().as_secs_f64());
        let mut config = chorus_cluster::ClusterConfig::default();
        config.online.split = split;
        let start = Instant::now();
        let cpu0 = cpu_seconds();
        let c = chorus_cluster::cluster(&cleaned, &config);
        cluster_t.push(start.elapsed().as_secs_f64());
        cluster_cpu.push(cpu_seconds() - cpu0);
        events = c.events.len();
        let start = Instant::now();
        let cpu0 = cpu_seconds();
        let more =
            chorus_cluster::Clusterer::restore_adding(config.clone(), &cleaned, &c.events, &later);
        std::hint::black_box(more.clustering());
        add_t.push(start.elapsed().as_secs_f64());
        add_cpu.push(cpu_seconds() - cpu0);
    }
    let (c, k, a) = (
        median(&mut clean_t),
        median(&mut cluster_t),
        median(&mut add_t),
    );
    let (kc, ac) = (median(&mut cluster_cpu), median(&mut add_cpu));
    println!(
        "{n:>8} {c:>10.2} {k:>10.2} {kc:>10.2} {:>12.0} {events:>9} {a:>10.2} {ac:>10.2} {:>8.0}",
        n as f64 / k,
        peak_rss_mib().unwrap_or(f64::NAN)
    );
    Ok(())
}

/// CPU seconds (user + system, all threads) this process has used so far (Linux).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesised name: utime and stime are the 12th and 13th.
    let rest = stat.rsplit_once(')').map_or("", |x| x.1);
    let f: Vec<f64> = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|x| x.parse().ok())
        .collect();
    f.iter().sum::<f64>() / 100.0
}

/// `cargo xtask gen N`: the generated corpus as JSONL on stdout.
pub(crate) fn write_jsonl(n: usize) -> Result<()> {
    let stdout = std::io::stdout();
    write_articles(&generate(n)?, &mut std::io::BufWriter::new(stdout.lock()))
}

/// `cargo xtask gen N --templated`: N templated market reports as JSONL on stdout.
pub(crate) fn write_templated(n: usize) -> Result<()> {
    let stdout = std::io::stdout();
    write_articles(&templated(n), &mut std::io::BufWriter::new(stdout.lock()))
}

/// `n` market reports from one template that differ only in figures, places and days, as
/// wires and data desks publish them by the thousand: every article resembles every other
/// (the worst case for near-duplicate search and for merging), few are near-duplicates.
/// Five outlets, dates over four weeks; deterministic.
pub(crate) fn templated(n: usize) -> Vec<Article> {
    const PLACES: [&str; 8] = [
        "Lerna",
        "Tessaly",
        "Vornholt",
        "Caldermoor",
        "Saltreach",
        "Verrin",
        "Tallowford",
        "Eastgate",
    ];
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut next = move |m: usize| rng.below(m);
    (0..n)
        .map(|i| {
            let body = format!(
                "Shares of Meridian Holdings rose {} cents to {} dollars in {} trading on \
                 Tuesday. Volume reached {} shares, the exchange said. Analysts at {} Capital \
                 kept their rating. The company reports results on day {} of the month.",
                1 + next(99),
                10 + next(80),
                PLACES[next(8)],
                1000 + next(99_000),
                PLACES[next(8)],
                1 + next(28),
            );
            Article {
                id: format!("t{i}"),
                source: format!("wire{}", i % 5),
                published: Some(format!("2026-03-{:02}", 1 + i * 28 / n.max(1))),
                body,
                ..Article::default()
            }
        })
        .collect()
}

/// [`write_articles`] into a new file at `path`.
pub(crate) fn write_articles_to(path: &std::path::Path, articles: &[Article]) -> Result<()> {
    write_articles(
        articles,
        &mut std::io::BufWriter::new(std::fs::File::create(path)?),
    )
}

/// Articles as JSONL in chorus's input format: `id`, `source`, `published`, `text`, and
/// `title` and `url` when they are set.
pub(crate) fn write_articles(articles: &[Article], out: &mut impl std::io::Write) -> Result<()> {
    for a in articles {
        let mut line = serde_json::json!({
            "id": a.id,
            "source": a.source,
            "published": a.published,
            "text": a.body,
        });
        for (key, value) in [("title", &a.title), ("url", &a.url)] {
            if let Some(v) = value {
                line[key] = v.as_str().into();
            }
        }
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(())
}
