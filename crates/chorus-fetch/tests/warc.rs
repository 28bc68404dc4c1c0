//! WARC and WARC.gz reading on small archives built here: page selection, gzip members,
//! recovery from truncated, corrupt and oversized records and from garbage, and arbitrary bytes.

use chorus_fetch::{warc_articles, WarcConfig, WarcReader};
use expect_test::{expect, Expect};
use flate2::{write::GzEncoder, Compression};
use proptest::prelude::*;
use std::io::Write;

fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-12-08T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, headers: &str, body: &str) -> Vec<u8> {
    format!("HTTP/1.1 {status}\r\n{headers}\r\n{body}").into_bytes()
}

fn response(uri: &str, status: &str, headers: &str, body: &str) -> Vec<u8> {
    record(
        "response",
        uri,
        "application/http; msgtype=response",
        &http(status, headers, body),
    )
}

const HTML: &str = "Content-Type: text/html; charset=utf-8\r\n";
const PAGE: &str = "<html><body><p>The dam held.</p></body></html>";

/// A small archive: one record per element.
fn archive() -> Vec<Vec<u8>> {
    vec![
        record(
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        record(
            "request",
            "https://a.example/1",
            "application/http; msgtype=request",
            b"GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n",
        ),
        response("https://a.example/1", "200 OK", HTML, PAGE),
        response(
            "https://a.example/logo.png",
            "200 OK",
            "Content-Type: image/png\r\n",
            "\u{89}PNG",
        ),
        response("https://a.example/gone", "404 Not Found", HTML, "<p>no</p>"),
        response(
            "https://b.example/chunked",
            "200 OK",
            "Content-Type: application/xhtml+xml\r\nTransfer-Encoding: chunked\r\n",
            "6\r\n<html>\r\n7\r\n</html>\r\n0\r\n\r\n",
        ),
        response(
            "https://b.example/untyped",
            "200 OK",
            "",
            "<!DOCTYPE html><p>x</p>",
        ),
        record(
            "response",
            "dns:a.example",
            "text/dns",
            b"a.example. 60 IN A 1.2.3.4",
        ),
        record(
            "metadata",
            "https://a.example/1",
            "application/warc-fields",
            b"fetchTimeMs: 12\r\n",
        ),
        response("https://c.example/last", "200 OK", HTML, PAGE),
    ]
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// One gzip member per record, as in Common Crawl.
fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    records.iter().flat_map(|r| gzip(r)).collect()
}

fn records(reader: impl std::io::Read) -> String {
    let mut out = String::new();
    for item in WarcReader::with_config(
        reader,
        WarcConfig {
            max_record_bytes: 1000,
        },
    ) {
        match item {
            Ok(r) => out.push_str(&format!(
                "{} {} {} {}\n",
                r.record_type,
                r.target_uri.as_deref().unwrap_or("-"),
                r.content_length,
                r.record_id.as_deref().unwrap_or("-"),
            )),
            Err(e) => out.push_str(&format!("error: {e}\n")),
        }
    }
    out
}

fn pages(reader: impl std::io::Read) -> String {
    let mut out = String::new();
    for item in warc_articles(reader) {
        match item {
            Ok(p) => out.push_str(&format!(
                "page {} {} {:?} {:?}\n",
                p.url,
                p.date.as_deref().unwrap_or("-"),
                p.content_type.as_deref().unwrap_or("-"),
                String::from_utf8_lossy(&p.html),
            )),
            Err(e) => out.push_str(&format!("error: {e}\n")),
        }
    }
    out
}

fn check_pages(bytes: &[u8], expect: Expect) {
    expect.assert_eq(&pages(bytes));
}

fn check_records(bytes: &[u8], expect: Expect) {
    expect.assert_eq(&records(bytes));
}

const ALL_PAGES: Expect = expect![[r#"
    page https://a.example/1 2024-12-08T10:00:00Z "text/html; charset=utf-8" "<html><body><p>The dam held.</p></body></html>"
    page https://b.example/chunked 2024-12-08T10:00:00Z "application/xhtml+xml" "<html></html>"
    page https://b.example/untyped 2024-12-08T10:00:00Z "-" "<!DOCTYPE html><p>x</p>"
    page https://c.example/last 2024-12-08T10:00:00Z "text/html; charset=utf-8" "<html><body><p>The dam held.</p></body></html>"
"#]];

#[test]
fn plain_warc_yields_html_pages_only() {
    check_pages(&archive().concat(), ALL_PAGES);
}

#[test]
fn gzip_members_and_single_member_gzip_give_the_same_pages() {
    check_pages(&gzip_members(&archive()), ALL_PAGES);
    check_pages(&gzip(&archive().concat()), ALL_PAGES);
}

#[test]
fn record_headers_are_parsed() {
    check_records(
        &archive()[..3].concat(),
        expect![[r#"
            warcinfo - 16 <urn:uuid:warcinfo-0>
            request https://a.example/1 36 <urn:uuid:request-19>
            response https://a.example/1 105 <urn:uuid:response-19>
        "#]],
    );
}

#[test]
fn truncated_last_record_is_an_error() {
    let mut bytes = archive()[..3].concat();
    bytes.truncate(bytes.len() - 30);
    check_records(
        &bytes,
        expect![[r#"
            warcinfo - 16 <urn:uuid:warcinfo-0>
            request https://a.example/1 36 <urn:uuid:request-19>
            error: record at byte 454 (https://a.example/1): truncated: 79 of 105 content bytes
        "#]],
    );
    let members = gzip_members(&archive()[..3]);
    check_records(
        &members[..members.len() - 10],
        expect![[r#"
            warcinfo - 16 <urn:uuid:warcinfo-0>
            request https://a.example/1 36 <urn:uuid:request-19>
            response https://a.example/1 105 <urn:uuid:response-19>
            error: record at byte 370: broken data: incomplete deflate stream
        "#]],
    );
    check_records(
        &members[..members.len() - 60],
        expect![[r#"
        warcinfo - 16 <urn:uuid:warcinfo-0>
        request https://a.example/1 36 <urn:uuid:request-19>
        error: record at byte 370 (https://a.example/1): broken data: incomplete deflate stream
    "#]],
    );
}

#[test]
fn truncated_record_in_the_middle_gives_way_to_the_next() {
    let a = archive();
    let mut cut = a[2].clone();
    cut.truncate(cut.len() - 40);
    let bytes = [a[1].clone(), cut, a[9].clone()].concat();
    check_records(
        &bytes,
        expect![[r#"
            request https://a.example/1 36 <urn:uuid:request-19>
            error: record at byte 251 (https://a.example/1): Content-Length 105 runs into the next record (at content byte 69)
            response https://c.example/last 105 <urn:uuid:response-22>
        "#]],
    );
}

#[test]
fn garbage_between_records_is_reported_once_and_skipped() {
    let a = archive();
    let bytes = [
        a[1].clone(),
        b"junk line\nmore junk WARC/1.0 not at line start\n\x00\xff\n".to_vec(),
        a[2].clone(),
    ]
    .concat();
    check_records(
        &bytes,
        expect![[r#"
            request https://a.example/1 36 <urn:uuid:request-19>
            error: 50 bytes that are not WARC records at byte 251; skipped
            response https://a.example/1 105 <urn:uuid:response-19>
        "#]],
    );
    check_records(
        b"not a warc file at all\n",
        expect![[r#"
            error: 23 bytes that are not WARC records at byte 0; skipped
        "#]],
    );
    check_records(b"", expect![""]);
}

#[test]
fn corrupt_gzip_member_is_skipped() {
    let a = archive();
    let good = gzip(&a[2]);
    let mut bad = gzip(&a[9]);
    let mid = bad.len() / 2;
    for b in &mut bad[mid..mid + 8] {
        *b ^= 0x55;
    }
    let bytes = [
        good.clone(),
        b"garbage between members".to_vec(),
        good.clone(),
        bad,
        good,
    ]
    .concat();
    // Flipped bits may still inflate (to a broken record) before the checksum fails, so the
    // bad member gives one or two errors; every good member is read.
    let out = records(&bytes[..]);
    let good: Vec<usize> = (out.lines().enumerate())
        .filter(|(_, l)| l.starts_with("response https://a.example/1 "))
        .map(|(i, _)| i)
        .collect();
    let errors = out.lines().filter(|l| l.starts_with("error:")).count();
    assert_eq!(good.len(), 3, "{out}");
    assert!((2..=3).contains(&errors), "{out}");
    assert!(
        out.lines()
            .nth(1)
            .unwrap()
            .contains("record at byte 248: broken data: invalid gzip header"),
        "{out}"
    );
    assert!(out.contains("checksum"), "{out}");
}

#[test]
fn oversized_and_headerless_records_are_skipped() {
    let a = archive();
    let big = response("https://big.example/", "200 OK", HTML, &"x".repeat(2000));
    let no_length = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://n.example/\r\n\r\nbody\r\n\r\n".to_vec();
    let bytes = [big, a[1].clone(), no_length, a[9].clone()].concat();
    check_records(
        &bytes,
        expect![[r#"
            error: record at byte 0 (https://big.example/): content of 2059 bytes is larger than the limit of 1000 bytes; skipped
            request https://a.example/1 36 <urn:uuid:request-19>
            error: record at byte 2531 (https://n.example/): no Content-Length header
            response https://c.example/last 105 <urn:uuid:response-22>
        "#]],
    );
}

/// Issue #25, item 9: a record whose Content-Length claims more than the record limit (here
/// 10 MB, far past the end of the file) costs that record only: reading resumes at the next
/// `WARC/1.` line, in a plain WARC and in one gzip member per record.
#[test]
fn issue_25_an_oversized_content_length_resyncs_at_the_next_record() {
    let a = archive();
    let liar = String::from_utf8(response("https://liar.example/", "200 OK", HTML, PAGE))
        .unwrap()
        .replace("Content-Length: 105", "Content-Length: 10000000")
        .into_bytes();
    assert!(liar.windows(8).any(|w| w == b"10000000"));
    let records_after = [a[1].clone(), a[9].clone()];
    let plain = [&[liar.clone()][..], &records_after].concat().concat();
    let gz = gzip_members(&[&[liar][..], &records_after].concat());
    let want = expect![[r#"
        error: record at byte 0 (https://liar.example/): content of 10000000 bytes is larger than the limit of 1000 bytes; skipped
        request https://a.example/1 36 <urn:uuid:request-19>
        response https://c.example/last 105 <urn:uuid:response-22>
    "#]];
    want.assert_eq(&records(&plain[..]));
    want.assert_eq(&records(&gz[..]));
}

#[test]
fn bad_http_in_a_response_record_is_an_error() {
    let bytes = record(
        "response",
        "https://a.example/x",
        "application/http; msgtype=response",
        b"not http at all\r\n\r\nbody",
    );
    check_pages(
        &bytes,
        expect![[r#"
            error: record at byte 0 (https://a.example/x): bad HTTP response: not an HTTP status line: "not http at all"
        "#]],
    );
}

/// Items read from arbitrary input, which must end (no endless error loop) without panicking.
fn drain(bytes: &[u8]) -> usize {
    let n = WarcReader::new(bytes).take(bytes.len() + 10).count();
    assert!(n <= bytes.len() + 2, "{n} items from {} bytes", bytes.len());
    let _ = warc_articles(bytes).take(bytes.len() + 10).count();
    n
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        drain(&bytes);
        let mut gz = vec![0x1f, 0x8b, 0x08];
        gz.extend_from_slice(&bytes);
        drain(&gz);
    }

    #[test]
    fn damaged_archives_never_panic(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        cut in any::<prop::sample::Index>(),
        gzipped in any::<bool>(),
    ) {
        let a = archive();
        let mut bytes = if gzipped { gzip_members(&a) } else { a.concat() };
        for (i, b) in flips {
            let i = i.index(bytes.len());
            bytes[i] ^= b;
        }
        bytes.truncate(cut.index(bytes.len() + 1));
        drain(&bytes);
    }
}
