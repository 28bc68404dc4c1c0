//! A gzip bomb is refused without being held (issue #25, item 10): 200 MB of zeros in 200 KB
//! of gzip against a 64 MB limit must not raise the peak resident size by more than 8 MB
//! (decompressing into a buffer up to the limit raised it by 64 MB here; in the binary, with
//! its allocator, a 10 MB bomb peaked at 810 MB against 256 MB). Alone in its test binary so
//! that no other test's allocations move the process-wide peak.

use chorus_extract::{gunzip, ExtractError};
use std::io::Write;

/// Peak resident set size of this process in kB (`VmHWM`), on Linux.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line["VmHWM:".len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

#[test]
fn issue_25_a_gzip_bomb_is_refused_without_being_held() {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..200 {
        enc.write_all(&zeros).unwrap();
    }
    let bomb = enc.finish().unwrap();
    drop(zeros);
    assert!(bomb.len() < 1 << 20, "{}", bomb.len());
    // Warm up: the decoder's own buffers exist before measuring.
    assert_eq!(
        gunzip(&bomb, 1 << 20).map_err(|e| e.to_string()),
        Err("decompressed data is larger than the limit of 1048576 bytes".to_string())
    );
    let Some(before) = peak_rss_kb() else {
        return; // Not on Linux: nothing to measure.
    };
    let refused = gunzip(&bomb, 64 << 20);
    assert!(matches!(refused, Err(ExtractError::TooLarge { limit }) if limit == 64 << 20));
    let grown = peak_rss_kb().unwrap_or(before).saturating_sub(before);
    assert!(
        grown < 8 * 1024,
        "peak RSS grew by {grown} kB (from {before} kB)"
    );
}
