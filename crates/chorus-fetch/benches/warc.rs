//! WARC.gz reading throughput and peak memory on a generated archive (Common Crawl layout,
//! streamed from a generator, never held in memory or written to disk). Prints MB/s of
//! compressed input and of decompressed WARC, pages/s and the growth of peak RSS (VmHWM).
//! Run with `cargo bench -p chorus-fetch --bench warc` (size in MB as an argument, default
//! 2000).

#[path = "../tests/support/generated.rs"]
mod generated;

use chorus_fetch::warc_articles;
use generated::{peak_rss_kb, GeneratedWarcGz};
use std::time::Instant;

fn main() {
    let mb: u64 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(2000);
    let _ = warc_articles(GeneratedWarcGz::new(5)).count();
    let before = peak_rss_kb().unwrap_or(0);
    let archive = GeneratedWarcGz::new(mb);
    let plain = archive.cycles() * archive.cycle_plain;
    let gz = archive.cycles() * archive.cycle_gz;
    let expected = archive.records() / 2;
    let start = Instant::now();
    let (mut pages, mut errors, mut html) = (0u64, 0u64, 0u64);
    for page in warc_articles(archive) {
        match page {
            Ok(p) => {
                pages += 1;
                html += p.html.len() as u64;
            }
            Err(_) => errors += 1,
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let after = peak_rss_kb().unwrap_or(0);
    println!(
        "warc.gz: {:.0} MB compressed, {:.0} MB WARC, {pages} of {expected} pages ({:.0} MB HTML), {errors} errors in {secs:.2} s",
        gz as f64 / 1e6,
        plain as f64 / 1e6,
        html as f64 / 1e6
    );
    println!(
        "  {:.0} MB/s compressed, {:.0} MB/s decompressed, {:.0} pages/s",
        gz as f64 / 1e6 / secs,
        plain as f64 / 1e6 / secs,
        pages as f64 / secs
    );
    println!(
        "  peak RSS {before} kB before, {after} kB after (+{} kB)",
        after.saturating_sub(before)
    );
}
