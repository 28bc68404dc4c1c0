//! Memory stays flat while a 200 MB WARC.gz streams through `warc_articles`: the peak resident
//! size grows by less than a few records' worth. Alone in its test binary so that no other
//! test's allocations move the process-wide peak.

#[path = "support/generated.rs"]
mod generated;

use chorus_fetch::warc_articles;
use generated::{peak_rss_kb, GeneratedWarcGz};

#[test]
fn reading_a_large_warc_gz_keeps_memory_flat() {
    // Warm up on a small archive so that buffers and allocator pools exist before measuring.
    let warm = warc_articles(GeneratedWarcGz::new(5))
        .filter(Result::is_ok)
        .count();
    assert!(warm > 0);
    let Some(before) = peak_rss_kb() else {
        return; // Not on Linux: nothing to measure.
    };
    let archive = GeneratedWarcGz::new(200);
    let expected = archive.records() / 2;
    assert!(archive.cycles() * archive.cycle_plain >= 200_000_000);
    assert!(archive.cycles() * archive.cycle_gz < 100_000_000);
    let mut pages = 0u64;
    let mut bytes = 0u64;
    for page in warc_articles(archive) {
        let page = page.expect("generated records are valid");
        pages += 1;
        bytes += page.html.len() as u64;
    }
    let after = peak_rss_kb().unwrap_or(before);
    assert_eq!(pages, expected);
    assert!(bytes > 150_000_000, "{bytes}");
    let grown = after.saturating_sub(before);
    assert!(
        grown < 16 * 1024,
        "peak RSS grew by {grown} kB (from {before} kB) reading 200 MB"
    );
}
