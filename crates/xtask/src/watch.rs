//! `cargo xtask bench watch`: `chorus watch` polling a feed on 127.0.0.1 that has new items at
//! every poll (generated articles, dated forward as a news stream is, so events go quiet
//! behind it), for many polls: each poll's time and the process's resident memory, to show
//! whether a long-running watch grows.

use crate::bench::generate;
use crate::suite::chorus_binary;
use anyhow::{bail, Context, Result};
use chorus_testdata::http::{serve, Response};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

fn flag(args: &[&str], name: &str) -> Option<usize> {
    args.iter()
        .position(|a| *a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// One poll as the watch reported it, and the process's memory right after.
struct Row {
    poll: usize,
    articles: usize,
    seconds: f64,
    rss_mib: f64,
    hwm_mib: f64,
}

fn memory(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
            / 1024.0
    };
    (kb("VmRSS:"), kb("VmHWM:"))
}

/// "poll 12: feeds 1 fetched; 50 new, 0 changed, 50 unchanged; 600 articles in 310 events; 0.8 s"
fn parse(line: &str) -> Option<(usize, usize, f64)> {
    let rest = line.strip_prefix("poll ")?;
    let (n, rest) = rest.split_once(':')?;
    let articles = rest
        .split("; ")
        .find(|p| p.ends_with("events"))
        .and_then(|p| p.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let seconds = rest
        .rsplit("; ")
        .next()?
        .trim()
        .trim_end_matches(" s")
        .parse()
        .ok()?;
    Some((n.trim().parse().ok()?, articles, seconds))
}

pub(crate) fn bench(args: &[&str]) -> Result<()> {
    let polls = flag(args, "--polls").unwrap_or(120);
    let per_poll = flag(args, "--per-poll").unwrap_or(50);
    let chorus = chorus_binary(!args.contains(&"--no-build"))?;
    let articles = generate(polls * per_poll + per_poll)?;
    let items: Vec<String> = articles
        .iter()
        .map(|a| {
            let day =
                chrono::NaiveDate::parse_from_str(a.published.as_deref().unwrap_or(""), "%Y-%m-%d")
                    .map(|d| d.format("%a, %d %b %Y 10:00:00 +0000").to_string())
                    .unwrap_or_default();
            let title: Vec<&str> = a.body.split_whitespace().take(8).collect();
            format!(
                "<item><title>{}</title><guid>{}</guid><pubDate>{day}</pubDate>\
                 <description>{}</description></item>",
                escaped(&title.join(" ")),
                a.id,
                escaped(&a.body)
            )
        })
        .collect();
    let items = Arc::new(items);
    // Each fetch of the feed shows the next batch of new items and the batch before it, as a
    // feed lists its latest stories.
    let served = Arc::new(AtomicUsize::new(0));
    let (feed_items, feed_served) = (Arc::clone(&items), Arc::clone(&served));
    let base = serve(move |req| {
        if req.path != "/feed.xml" {
            return Response::new(404, "", "not here".to_string());
        }
        let k = feed_served.fetch_add(1, Ordering::SeqCst);
        let end = ((k + 1) * per_poll).min(feed_items.len());
        let start = end.saturating_sub(2 * per_poll);
        let body = format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bench Wire</title>{}</channel></rss>",
            feed_items[start..end].concat()
        );
        Response::new(200, "Content-Type: application/rss+xml\r\n", body)
    });
    let dir = std::env::temp_dir().join(format!("chorus-bench-watch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut child = Command::new(&chorus)
        .args([
            "watch",
            &format!("{base}/feed.xml"),
            "--every",
            "1s",
            "--data-dir",
        ])
        .arg(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("running {}", chorus.display()))?;
    let pid = child.id();
    let stdout = child.stdout.take().context("the watch's output")?;
    let mut rows: Vec<Row> = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line?;
        let Some((poll, articles, seconds)) = parse(&line) else {
            continue;
        };
        let (rss_mib, hwm_mib) = memory(pid);
        rows.push(Row {
            poll,
            articles,
            seconds,
            rss_mib,
            hwm_mib,
        });
        if poll >= polls {
            break;
        }
    }
    let _ = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status();
    let status = child.wait()?;
    let _ = std::fs::remove_dir_all(&dir);
    if rows.len() < polls {
        bail!("the watch stopped after {} polls ({status})", rows.len());
    }
    let first = articles
        .first()
        .and_then(|a| a.published.clone())
        .unwrap_or_default();
    let last = articles[(polls * per_poll).min(articles.len()) - 1]
        .published
        .clone()
        .unwrap_or_default();
    println!(
        "chorus watch every 1 s, {per_poll} new generated articles a poll (the feed lists the latest {}), dated {first} to {last}, events closing after 30 quiet days",
        2 * per_poll
    );
    println!("| polls | articles stored | articles in open events | median poll s (last tenth) | RSS MiB | peak RSS MiB |");
    println!("|---|---|---|---|---|---|");
    let tenth = (polls / 10).max(1);
    for end in (1..=10).map(|k| k * tenth).filter(|&e| e <= rows.len()) {
        let window = &rows[end - tenth..end];
        let mut times: Vec<f64> = window.iter().map(|r| r.seconds).collect();
        times.sort_by(f64::total_cmp);
        let last = &rows[end - 1];
        println!(
            "| {} | {} | {} | {:.2} | {:.0} | {:.0} |",
            last.poll,
            last.poll * per_poll,
            last.articles,
            times[times.len() / 2],
            last.rss_mib,
            last.hwm_mib
        );
    }
    Ok(())
}
