//! A WARC.gz of any size generated on the fly (Common Crawl layout: one gzip member per
//! record, request and response records alternating), so memory can be measured without the
//! archive itself being held in memory or written to disk.

use flate2::{write::GzEncoder, Compression};
use std::io::{Read, Write};

const WORDS: &[&str] = &[
    "the",
    "dam",
    "held",
    "through",
    "night",
    "engineers",
    "said",
    "river",
    "town",
    "rain",
    "officials",
    "evacuated",
    "homes",
    "mayor",
    "schools",
    "closed",
    "friday",
    "water",
    "valley",
    "rescue",
    "teams",
    "reported",
    "damage",
    "bridge",
    "roads",
    "power",
    "restored",
    "residents",
];

/// Deterministic pseudo-random page of about `words` words.
fn page(seed: u64, words: usize) -> String {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut out = String::from("<!DOCTYPE html><html><head><title>Story</title></head><body>");
    for i in 0..words {
        if i % 40 == 0 {
            out.push_str("<p>");
        }
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.push_str(WORDS[(x >> 33) as usize % WORDS.len()]);
        out.push(if i % 40 == 39 { '.' } else { ' ' });
        if i % 40 == 39 {
            out.push_str("</p>\n");
        }
    }
    out.push_str("</body></html>");
    out
}

fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-12-08T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{kind}-{uri}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// Reads as a WARC.gz of `records` records cycling through a few distinct members.
pub(crate) struct GeneratedWarcGz {
    members: Vec<Vec<u8>>,
    left: u64,
    member: usize,
    at: usize,
    /// Decompressed and compressed bytes of one cycle through the members.
    pub(crate) cycle_plain: u64,
    pub(crate) cycle_gz: u64,
}

impl GeneratedWarcGz {
    /// About `mb` MB of decompressed WARC.
    pub(crate) fn new(mb: u64) -> GeneratedWarcGz {
        let mut members = Vec::new();
        let (mut plain, mut gz) = (0u64, 0u64);
        for i in 0..16u64 {
            let uri = format!("https://news{i}.example/2024/12/08/story-{i}");
            let request = record(
                "request",
                &uri,
                "application/http; msgtype=request",
                format!("GET / HTTP/1.1\r\nHost: news{i}.example\r\n\r\n").as_bytes(),
            );
            let body = page(i, 3000 + 700 * i as usize);
            let http = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            );
            let response = record(
                "response",
                &uri,
                "application/http; msgtype=response",
                http.as_bytes(),
            );
            for r in [request, response] {
                let mut enc = GzEncoder::new(Vec::new(), Compression::default());
                enc.write_all(&r).unwrap();
                let member = enc.finish().unwrap();
                plain += r.len() as u64;
                gz += member.len() as u64;
                members.push(member);
            }
        }
        let cycles = (mb * 1_000_000).div_ceil(plain);
        GeneratedWarcGz {
            left: cycles * members.len() as u64,
            members,
            member: 0,
            at: 0,
            cycle_plain: plain,
            cycle_gz: gz,
        }
    }

    pub(crate) fn records(&self) -> u64 {
        self.left
    }

    pub(crate) fn cycles(&self) -> u64 {
        self.left / self.members.len() as u64
    }
}

impl Read for GeneratedWarcGz {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            return Ok(0);
        }
        let member = &self.members[self.member];
        let n = (member.len() - self.at).min(buf.len());
        buf[..n].copy_from_slice(&member[self.at..self.at + n]);
        self.at += n;
        if self.at == member.len() {
            self.at = 0;
            self.member = (self.member + 1) % self.members.len();
            self.left -= 1;
        }
        Ok(n)
    }
}

/// Peak resident memory of this process so far (VmHWM), in kB; `None` off Linux.
pub(crate) fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
