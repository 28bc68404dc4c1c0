//! Streaming reader for WARC and WARC.gz files (Common Crawl CC-NEWS layout: each record its
//! own gzip member), one record in memory at a time, resuming after broken records.
//!
//! Recovery: in a plain WARC, after a broken record the reader scans forward for the next line
//! starting with `WARC/1.`; in a WARC.gz, a gzip member that fails to decode is abandoned and
//! decoding restarts at the next gzip header in the raw bytes.

use crate::error::WarcError;
use std::io::{self, BufRead, BufReader, Read};

/// Records whose content is larger than this are skipped (with an error) unless configured.
pub const DEFAULT_MAX_RECORD_BYTES: u64 = 50 * 1024 * 1024;
/// Longest header line looked at; longer lines are read in pieces (and are never headers).
const MAX_LINE: u64 = 64 * 1024;
/// Largest WARC header block accepted.
const MAX_HEADER_BYTES: usize = 256 * 1024;
const BUFFER: usize = 256 * 1024;

/// Limits for reading a WARC file.
#[derive(Debug, Clone)]
pub struct WarcConfig {
    /// Records with a larger `Content-Length` are skipped (streamed past) with an error.
    pub max_record_bytes: u64,
}

impl Default for WarcConfig {
    fn default() -> Self {
        WarcConfig {
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
        }
    }
}

/// One WARC record: its header block and its content block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WarcRecord {
    /// `WARC/1.0`, `WARC/1.1`, ...
    pub version: String,
    /// `WARC-Type`: `warcinfo`, `request`, `response`, `metadata`, ...
    pub record_type: String,
    /// `WARC-Target-URI`, without the angle brackets some writers put around it.
    pub target_uri: Option<String>,
    /// `WARC-Date` as written (ISO 8601, UTC).
    pub date: Option<String>,
    pub record_id: Option<String>,
    /// `Content-Type` of the content block (`application/http; msgtype=response`, ...).
    pub content_type: Option<String>,
    pub content_length: u64,
    /// Every header in order, names as written.
    pub headers: Vec<(String, String)>,
    /// The content block (for `response` records: the HTTP response as received).
    pub content: Vec<u8>,
    /// Where the record starts in the input: the byte offset in a plain WARC; in a WARC.gz,
    /// the compressed offset of the gzip member it was read from.
    pub offset: u64,
}

impl WarcRecord {
    /// The first header called `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }

    /// Parses the content block as an HTTP response, consuming the record.
    pub fn into_http_response(self) -> Result<HttpResponse, WarcError> {
        let uri = self.target_uri.clone();
        HttpResponse::parse(self.content).map_err(|reason| WarcError::Http {
            offset: self.offset,
            uri,
            reason,
        })
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// An HTTP response as stored in a WARC `response` record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub reason: String,
    pub headers: Vec<(String, String)>,
    /// The body, de-chunked when `Transfer-Encoding: chunked` and gunzipped when
    /// `Content-Encoding: gzip` (Common Crawl stores bodies already decoded and renames those
    /// headers, so for its files the body is as stored).
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// The first header called `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }

    pub fn content_type(&self) -> Option<&str> {
        self.header("content-type")
    }

    /// Parses a status line, headers and body. The error is the reason.
    pub fn parse(mut bytes: Vec<u8>) -> Result<HttpResponse, String> {
        let (head_end, body_start) = find_head_end(&bytes)
            .ok_or_else(|| "HTTP response has no end of headers".to_string())?;
        let head = String::from_utf8_lossy(&bytes[..head_end]).into_owned();
        let mut lines = head.lines();
        let status_line = lines.next().unwrap_or_default();
        let mut parts = status_line.splitn(3, ' ');
        let version = parts.next().unwrap_or_default();
        if !version.starts_with("HTTP/") {
            return Err(format!("not an HTTP status line: {:?}", clip(status_line)));
        }
        let status = parts
            .next()
            .and_then(|s| s.trim().parse::<u16>().ok())
            .filter(|s| (100..1000).contains(s))
            .ok_or_else(|| format!("bad HTTP status line: {:?}", clip(status_line)))?;
        let reason = parts.next().unwrap_or_default().trim().to_string();
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in lines {
            if line.starts_with([' ', '\t']) {
                if let Some((_, v)) = headers.last_mut() {
                    v.push(' ');
                    v.push_str(line.trim());
                }
            } else if let Some((n, v)) = line.split_once(':') {
                headers.push((n.trim().to_string(), v.trim().to_string()));
            }
        }
        bytes.drain(..body_start);
        let mut response = HttpResponse {
            status,
            reason,
            headers,
            body: bytes,
        };
        let chunked = response
            .header("transfer-encoding")
            .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
        if chunked {
            // A body that does not parse as chunks was stored de-chunked already: keep it.
            if let Some(body) = dechunk(&response.body) {
                response.body = body;
            }
        }
        let gzipped = response
            .header("content-encoding")
            .is_some_and(|v| matches!(v.trim().to_ascii_lowercase().as_str(), "gzip" | "x-gzip"));
        if gzipped && response.body.starts_with(&[0x1f, 0x8b]) {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&response.body[..])
                .take(DEFAULT_MAX_RECORD_BYTES + 1)
                .read_to_end(&mut out)
                .map_err(|e| format!("gzip-encoded body does not decode: {e}"))?;
            if out.len() as u64 > DEFAULT_MAX_RECORD_BYTES {
                return Err("gzip-encoded body decodes to more than 50 MB".to_string());
            }
            response.body = out;
        }
        Ok(response)
    }
}

fn clip(s: &str) -> &str {
    match s.char_indices().nth(80) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// End of the header block and start of the body (after `\r\n\r\n` or `\n\n`).
fn find_head_end(bytes: &[u8]) -> Option<(usize, usize)> {
    let limit = bytes.len().min(MAX_HEADER_BYTES);
    let window = &bytes[..limit];
    let crlf = find(window, b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = find(window, b"\n\n").map(|i| (i, i + 2));
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes a chunked body; `None` when it is not valid chunked encoding.
fn dechunk(mut bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    loop {
        let eol = bytes.iter().position(|&b| b == b'\n')?;
        let line = std::str::from_utf8(&bytes[..eol]).ok()?;
        let size_text = line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        bytes = &bytes[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        let chunk = bytes.get(..size)?;
        out.extend_from_slice(chunk);
        bytes = &bytes[size..];
        bytes = bytes
            .strip_prefix(b"\r\n")
            .or_else(|| bytes.strip_prefix(b"\n"))?;
    }
}

/// Counts the raw bytes read so offsets can be reported and recovery always moves forward.
struct Counting<R> {
    inner: R,
    read: u64,
    failed: bool,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.inner.read(buf) {
            Ok(n) => {
                self.read += n as u64;
                Ok(n)
            }
            Err(e) => {
                if e.kind() != io::ErrorKind::Interrupted {
                    self.failed = true;
                }
                Err(e)
            }
        }
    }
}

type Raw<R> = BufReader<Counting<R>>;

fn raw_pos<R>(raw: &Raw<R>) -> u64 {
    raw.get_ref().read - raw.buffer().len() as u64
}

/// Where the gzip decoding of a WARC.gz stands.
enum Members<R> {
    /// Between members (or before the first): the next read starts a member.
    Between(Raw<R>),
    /// Inside the member that starts at raw offset `start`.
    In {
        decoder: flate2::bufread::GzDecoder<Raw<R>>,
        start: u64,
    },
    /// The member starting at `start` failed; reads fail until [`Decoded::resync`].
    Failed { raw: Raw<R>, start: u64 },
    /// Only seen while switching states.
    Gone,
}

/// The decompressed byte stream of the input. A read never spans two gzip members.
enum Decoded<R> {
    Plain(Raw<R>),
    Gzip(Members<R>),
}

impl<R: Read> Read for Decoded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let members = match self {
            Decoded::Plain(raw) => return raw.read(buf),
            Decoded::Gzip(m) => m,
        };
        loop {
            match members {
                Members::Between(raw) => {
                    if raw.fill_buf()?.is_empty() {
                        return Ok(0);
                    }
                    if let Members::Between(raw) = std::mem::replace(members, Members::Gone) {
                        let start = raw_pos(&raw);
                        *members = Members::In {
                            decoder: flate2::bufread::GzDecoder::new(raw),
                            start,
                        };
                    }
                }
                Members::In { decoder, start } => match decoder.read(buf) {
                    Ok(0) if !buf.is_empty() => {
                        if let Members::In { decoder, .. } =
                            std::mem::replace(members, Members::Gone)
                        {
                            *members = Members::Between(decoder.into_inner());
                        }
                    }
                    Ok(n) => return Ok(n),
                    Err(e) => {
                        let start = *start;
                        if let Members::In { decoder, .. } =
                            std::mem::replace(members, Members::Gone)
                        {
                            *members = Members::Failed {
                                raw: decoder.into_inner(),
                                start,
                            };
                        }
                        return Err(e);
                    }
                },
                Members::Failed { .. } => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "gzip member is broken",
                    ))
                }
                Members::Gone => return Ok(0),
            }
        }
    }
}

impl<R: Read> Decoded<R> {
    /// Offset of the current record's start as a user can seek to it.
    fn offset(&self, decoded_pos: u64) -> u64 {
        match self {
            Decoded::Plain(_) => decoded_pos,
            Decoded::Gzip(Members::In { start, .. } | Members::Failed { start, .. }) => *start,
            Decoded::Gzip(Members::Between(raw)) => raw_pos(raw),
            Decoded::Gzip(Members::Gone) => 0,
        }
    }

    /// Whether the underlying reader itself failed (not the decoding): nothing more to read.
    fn raw_failed(&self) -> bool {
        match self {
            Decoded::Plain(raw)
            | Decoded::Gzip(Members::Between(raw) | Members::Failed { raw, .. }) => {
                raw.get_ref().failed
            }
            Decoded::Gzip(Members::In { decoder, .. }) => decoder.get_ref().get_ref().failed,
            Decoded::Gzip(Members::Gone) => true,
        }
    }

    /// After a decoding failure: drops the broken member and moves to the next gzip header
    /// past its start. Returns false when the input has nothing more.
    fn resync(&mut self) -> bool {
        let Decoded::Gzip(members) = self else {
            return true;
        };
        let (mut raw, start) = match std::mem::replace(members, Members::Gone) {
            Members::In { decoder, start } => (decoder.into_inner(), start),
            Members::Failed { raw, start } => (raw, start),
            Members::Between(raw) => {
                let here = raw_pos(&raw);
                (raw, here)
            }
            Members::Gone => return false,
        };
        if raw.get_ref().failed {
            return false;
        }
        let found = skip_to_gzip_header(&mut raw, start + 1);
        *members = Members::Between(raw);
        found
    }
}

/// Consumes raw bytes up to the next gzip magic at or after offset `from`.
fn skip_to_gzip_header<R: Read>(raw: &mut Raw<R>, from: u64) -> bool {
    loop {
        let pos = raw_pos(raw);
        let buf = match raw.fill_buf() {
            Ok([]) | Err(_) => return false,
            Ok(b) => b,
        };
        let skip = usize::try_from(from.saturating_sub(pos))
            .unwrap_or(usize::MAX)
            .min(buf.len());
        let hit = buf[skip..].iter().enumerate().position(|(i, &b)| {
            let at = skip + i;
            b == 0x1f
                && buf.get(at + 1).is_none_or(|&b| b == 0x8b)
                && buf.get(at + 2).is_none_or(|&b| b == 0x08)
        });
        match hit {
            Some(i) => {
                raw.consume(skip + i);
                return true;
            }
            None => {
                let n = buf.len();
                raw.consume(n);
            }
        }
    }
}

/// The decoded stream with a push-back buffer in front (bytes read too far, given back).
struct Stream<R> {
    decoded: BufReader<Decoded<R>>,
    pushback: Vec<u8>,
    pushback_at: usize,
    /// Offset in the decoded stream.
    pos: u64,
}

impl<R: Read> Read for Stream<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Stream<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pushback_at < self.pushback.len() {
            Ok(&self.pushback[self.pushback_at..])
        } else {
            self.decoded.fill_buf()
        }
    }

    fn consume(&mut self, amt: usize) {
        self.pos += amt as u64;
        if self.pushback_at < self.pushback.len() {
            self.pushback_at = (self.pushback_at + amt).min(self.pushback.len());
            if self.pushback_at == self.pushback.len() {
                self.pushback.clear();
                self.pushback_at = 0;
            }
        } else {
            self.decoded.consume(amt);
        }
    }
}

impl<R: Read> Stream<R> {
    /// Gives bytes back: they are read again before anything else.
    fn unread(&mut self, bytes: &[u8]) {
        let mut v = bytes.to_vec();
        v.extend_from_slice(&self.pushback[self.pushback_at..]);
        self.pushback = v;
        self.pushback_at = 0;
        self.pos = self.pos.saturating_sub(bytes.len() as u64);
    }

    /// Reads one line (with its `\n`), at most [`MAX_LINE`] bytes; empty at the end.
    fn read_line(&mut self, line: &mut Vec<u8>) -> io::Result<()> {
        line.clear();
        (&mut *self).take(MAX_LINE).read_until(b'\n', line)?;
        Ok(())
    }

    /// Drops everything buffered and restarts decoding at the next gzip member.
    fn resync(&mut self) -> bool {
        self.pushback.clear();
        self.pushback_at = 0;
        let buffered = self.decoded.buffer().len();
        self.decoded.consume(buffered);
        self.decoded.get_mut().resync()
    }
}

/// Reads WARC records one at a time from a plain or gzip-compressed WARC stream.
///
/// Yields `Err` for a broken, truncated or oversized record, or for garbage between records,
/// and goes on with the next record; stops after the underlying reader fails.
pub struct WarcReader<R> {
    stream: Stream<R>,
    config: WarcConfig,
    /// A failure seen while opening, reported first.
    open_error: Option<io::Error>,
    /// After an error: skip to the next record start silently (the error was reported).
    resyncing: bool,
    done: bool,
    line: Vec<u8>,
}

impl<R: Read> WarcReader<R> {
    /// A reader with the default limits; gzip is detected from the first bytes.
    pub fn new(reader: R) -> WarcReader<R> {
        WarcReader::with_config(reader, WarcConfig::default())
    }

    pub fn with_config(reader: R, config: WarcConfig) -> WarcReader<R> {
        let mut raw = BufReader::with_capacity(
            BUFFER,
            Counting {
                inner: reader,
                read: 0,
                failed: false,
            },
        );
        let (gzip, open_error) = match raw.fill_buf() {
            Ok(b) => (b.starts_with(&[0x1f, 0x8b]), None),
            Err(e) => (false, Some(e)),
        };
        let decoded = if gzip {
            Decoded::Gzip(Members::Between(raw))
        } else {
            Decoded::Plain(raw)
        };
        WarcReader {
            stream: Stream {
                decoded: BufReader::with_capacity(BUFFER, decoded),
                pushback: Vec::new(),
                pushback_at: 0,
                pos: 0,
            },
            config,
            open_error,
            resyncing: false,
            done: false,
            line: Vec::new(),
        }
    }

    /// Only the pages: see [`WarcPages`].
    pub fn pages(self) -> WarcPages<R> {
        WarcPages { records: self }
    }

    fn read_record(&mut self) -> Result<Option<WarcRecord>, WarcError> {
        // 1. The version line, skipping blank lines (and garbage, which is reported once).
        let mut skipped = 0u64;
        let mut garbage_at = 0u64;
        let mut at_line_start = true;
        let (version, offset) = loop {
            let before = self.stream.pos;
            self.stream
                .read_line(&mut self.line)
                .map_err(|e| self.corrupt(before, None, e))?;
            // Read first: in a WARC.gz the line may have come from a new member.
            let line_offset = self.stream.decoded.get_ref().offset(before);
            if self.line.is_empty() {
                if skipped > 0 && !self.resyncing {
                    return Err(WarcError::Garbage {
                        offset: garbage_at,
                        bytes: skipped,
                    });
                }
                return Ok(None);
            }
            let starts_line = at_line_start;
            at_line_start = self.line.ends_with(b"\n");
            if starts_line && is_version_line(&self.line) {
                if skipped > 0 && !self.resyncing {
                    let line = std::mem::take(&mut self.line);
                    self.stream.unread(&line);
                    return Err(WarcError::Garbage {
                        offset: garbage_at,
                        bytes: skipped,
                    });
                }
                let version = String::from_utf8_lossy(&self.line).trim().to_string();
                break (version, line_offset);
            }
            if skipped == 0 && self.line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if skipped == 0 {
                garbage_at = line_offset;
            }
            skipped += self.line.len() as u64;
        };
        self.resyncing = false;

        // 2. The header block, up to a blank line.
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut header_bytes = 0usize;
        loop {
            self.stream
                .read_line(&mut self.line)
                .map_err(|e| self.corrupt(offset, None, e))?;
            if self.line.is_empty() {
                return Err(WarcError::Corrupt {
                    offset,
                    uri: header(&headers, "warc-target-uri").map(str::to_string),
                    reason: "truncated in the header block".to_string(),
                });
            }
            header_bytes += self.line.len();
            if header_bytes > MAX_HEADER_BYTES {
                return Err(WarcError::Corrupt {
                    offset,
                    uri: None,
                    reason: format!("header block longer than {MAX_HEADER_BYTES} bytes"),
                });
            }
            let text = String::from_utf8_lossy(&self.line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                break;
            }
            if text.starts_with([' ', '\t']) {
                if let Some((_, v)) = headers.last_mut() {
                    v.push(' ');
                    v.push_str(text.trim());
                }
            } else if let Some((n, v)) = text.split_once(':') {
                headers.push((n.trim().to_string(), v.trim().to_string()));
            }
        }
        let uri = header(&headers, "warc-target-uri")
            .map(|u| {
                u.trim_start_matches('<')
                    .trim_end_matches('>')
                    .trim()
                    .to_string()
            })
            .filter(|u| !u.is_empty());
        let Some(length) = header(&headers, "content-length") else {
            self.resyncing = true;
            return Err(WarcError::Corrupt {
                offset,
                uri,
                reason: "no Content-Length header".to_string(),
            });
        };
        let Ok(length) = length.parse::<u64>() else {
            self.resyncing = true;
            return Err(WarcError::Corrupt {
                offset,
                uri,
                reason: format!("bad Content-Length {:?}", clip(length)),
            });
        };

        // 3. The content block.
        if length > self.config.max_record_bytes {
            return Err(self.skip_too_large(offset, uri, length));
        }
        let mut content = Vec::with_capacity(usize::try_from(length.min(1 << 20)).unwrap_or(0));
        (&mut self.stream)
            .take(length)
            .read_to_end(&mut content)
            .map_err(|e| self.corrupt(offset, uri.clone(), e))?;
        if (content.len() as u64) < length {
            let got = content.len() as u64;
            if let Some(at) = embedded_record_start(&content) {
                self.stream.unread(&content[at..]);
                return Err(WarcError::Corrupt {
                    offset,
                    uri,
                    reason: format!(
                        "content ends after {at} of {length} bytes, where the next record begins"
                    ),
                });
            }
            return Err(self.truncated(offset, uri, length, got));
        }
        // The block must be followed by CRLF CRLF; if another record begins inside it instead,
        // the length was wrong: give those bytes back and report this record.
        let terminated = match self.stream.fill_buf() {
            Ok(b) => b.is_empty() || b[0] == b'\r' || b[0] == b'\n',
            Err(_) => true,
        };
        if !terminated {
            if let Some(at) = embedded_record_start(&content) {
                self.stream.unread(&content[at..]);
                return Err(WarcError::Corrupt {
                    offset,
                    uri,
                    reason: format!(
                        "Content-Length {length} runs into the next record (at content byte {at})"
                    ),
                });
            }
        }
        let get = |name: &str| header(&headers, name).map(str::to_string);
        Ok(Some(WarcRecord {
            version,
            record_type: get("warc-type").unwrap_or_default(),
            target_uri: uri,
            date: get("warc-date"),
            record_id: get("warc-record-id"),
            content_type: get("content-type"),
            content_length: length,
            headers,
            content,
            offset,
        }))
    }

    fn corrupt(&mut self, offset: u64, uri: Option<String>, e: io::Error) -> WarcError {
        if self.stream.decoded.get_ref().raw_failed() {
            self.done = true;
            return WarcError::Io(e);
        }
        // In a WARC.gz the broken thing is the gzip member: point at it.
        let offset = match self.stream.decoded.get_ref() {
            Decoded::Gzip(Members::Failed { start, .. }) => *start,
            _ => offset,
        };
        self.resyncing = true;
        if !self.stream.resync() {
            self.done = true;
        }
        WarcError::Corrupt {
            offset,
            uri,
            reason: format!("broken data: {e}"),
        }
    }

    /// Skips the content of a record larger than the limit without holding it, watching for
    /// the next record's version line: a Content-Length that lies (or is simply huge) must
    /// not swallow the records after it, so reading resumes there when one appears.
    fn skip_too_large(&mut self, offset: u64, uri: Option<String>, length: u64) -> WarcError {
        /// Bytes kept from one chunk to the next, so that a version line cut by a chunk
        /// boundary is still seen.
        const OVERLAP: usize = 32;
        let limit = self.config.max_record_bytes;
        let too_large = |uri| WarcError::TooLarge {
            offset,
            uri,
            length,
            limit,
        };
        let mut window: Vec<u8> = Vec::with_capacity(64 * 1024 + OVERLAP);
        let mut left = length;
        while left > 0 {
            let chunk = match self.stream.fill_buf() {
                Ok(b) => &b[..b.len().min(usize::try_from(left).unwrap_or(usize::MAX))],
                Err(e) => return self.corrupt(offset, uri, e),
            };
            if chunk.is_empty() {
                return self.truncated(offset, uri, length, length - left);
            }
            let n = chunk.len();
            window.extend_from_slice(chunk);
            self.stream.consume(n);
            left -= n as u64;
            if let Some(at) = embedded_record_start(&window) {
                self.stream.unread(&window[at..]);
                self.resyncing = true;
                return too_large(uri);
            }
            let keep = window.len().saturating_sub(OVERLAP);
            window.drain(..keep);
        }
        too_large(uri)
    }

    fn truncated(&mut self, offset: u64, uri: Option<String>, length: u64, got: u64) -> WarcError {
        self.resyncing = true;
        WarcError::Corrupt {
            offset,
            uri,
            reason: format!("truncated: {got} of {length} content bytes"),
        }
    }
}

fn is_version_line(line: &[u8]) -> bool {
    line.starts_with(b"WARC/") && line.get(5).is_some_and(u8::is_ascii_digit)
}

/// Start of a WARC version line (`WARC/1.0` and a line end) inside the content of a record
/// already known to be broken. A cut-off record is followed by the next one without a line
/// break, so the version line is looked for anywhere, not only at a line start.
fn embedded_record_start(content: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = find(&content[from..], b"WARC/") {
        let at = from + i;
        let rest = &content[at + 5..];
        let digits = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
        let major = digits(rest);
        if major > 0 && rest.get(major) == Some(&b'.') {
            let minor = digits(&rest[major + 1..]);
            let end = &rest[major + 1 + minor..];
            if minor > 0 && (end.starts_with(b"\r\n") || end.starts_with(b"\n")) {
                return Some(at);
            }
        }
        from = at + 5;
    }
    None
}

impl<R: Read> Iterator for WarcReader<R> {
    type Item = Result<WarcRecord, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.open_error.take() {
            self.done = true;
            return Some(Err(WarcError::Io(e)));
        }
        if self.done {
            return None;
        }
        match self.read_record() {
            Ok(Some(r)) => Some(Ok(r)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => Some(Err(e)),
        }
    }
}

/// One HTML page from a WARC `response` record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcPage {
    /// `WARC-Target-URI`.
    pub url: String,
    /// `WARC-Date` (when the page was fetched).
    pub date: Option<String>,
    /// The HTTP `Content-Type` header (its charset helps decoding).
    pub content_type: Option<String>,
    pub record_id: Option<String>,
    /// The HTTP body: the page's bytes.
    pub html: Vec<u8>,
    /// See [`WarcRecord::offset`].
    pub offset: u64,
}

/// The HTML pages of a WARC stream: `response` records with a 2xx status and an HTML content
/// type; other records are skipped silently, broken ones yield errors.
pub struct WarcPages<R> {
    records: WarcReader<R>,
}

impl<R: Read> Iterator for WarcPages<R> {
    type Item = Result<WarcPage, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.records.next()? {
                Err(e) => return Some(Err(e)),
                Ok(record) => {
                    if let Some(page) = page_of(record).transpose() {
                        return Some(page);
                    }
                }
            }
        }
    }
}

/// The HTML pages of a WARC or WARC.gz stream (see [`WarcPages`]).
pub fn warc_articles<R: Read>(reader: R) -> WarcPages<R> {
    WarcReader::new(reader).pages()
}

fn page_of(record: WarcRecord) -> Result<Option<WarcPage>, WarcError> {
    if !record.record_type.eq_ignore_ascii_case("response") {
        return Ok(None);
    }
    // Heritrix writes DNS lookups as `response` records of type text/dns.
    let is_http = record.content_type.as_deref().is_none_or(|t| {
        t.trim()
            .to_ascii_lowercase()
            .starts_with("application/http")
    });
    if !is_http {
        return Ok(None);
    }
    let Some(url) = record.target_uri.clone() else {
        return Err(WarcError::Corrupt {
            offset: record.offset,
            uri: None,
            reason: "response record without WARC-Target-URI".to_string(),
        });
    };
    let (date, record_id, offset) = (record.date.clone(), record.record_id.clone(), record.offset);
    let response = record.into_http_response()?;
    if !(200..300).contains(&response.status) {
        return Ok(None);
    }
    let content_type = response.content_type().map(str::to_string);
    let html = match content_type.as_deref() {
        Some(t) => is_html_type(t),
        None => looks_like_html(&response.body),
    };
    if !html {
        return Ok(None);
    }
    Ok(Some(WarcPage {
        url,
        date,
        content_type,
        record_id,
        html: response.body,
        offset,
    }))
}

/// `text/html` or `application/xhtml+xml`, with any parameters.
pub(crate) fn is_html_type(content_type: &str) -> bool {
    let media = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    media == "text/html" || media == "application/xhtml+xml"
}

fn looks_like_html(body: &[u8]) -> bool {
    let start = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let start: Vec<u8> = start
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(14)
        .map(u8::to_ascii_lowercase)
        .collect();
    start.starts_with(b"<!doctype html") || start.starts_with(b"<html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunk_reads_chunks_and_rejects_plain_bodies() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\n\r\n").as_deref(),
            Some(&b"Wikipedia"[..])
        );
        assert_eq!(dechunk(b"<html>not chunked</html>"), None);
        assert_eq!(dechunk(b"ff\r\nshort"), None);
    }

    #[test]
    fn http_response_parses_status_headers_and_body() {
        let r = HttpResponse::parse(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n<p>\r\n0\r\n\r\n"
                .to_vec(),
        )
        .unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.reason, "OK");
        assert_eq!(r.content_type(), Some("text/html; charset=utf-8"));
        assert_eq!(r.body, b"<p>");
        assert!(HttpResponse::parse(b"garbage\r\n\r\n".to_vec()).is_err());
        assert!(HttpResponse::parse(b"HTTP/1.1 abc\r\n\r\n".to_vec()).is_err());
        assert!(HttpResponse::parse(b"HTTP/1.1 200 OK\r\nno end".to_vec()).is_err());
    }

    #[test]
    fn html_types() {
        assert!(is_html_type("text/html; charset=UTF-8"));
        assert!(is_html_type("Application/XHTML+XML"));
        assert!(!is_html_type("text/plain"));
        assert!(looks_like_html(b"\n  <!DOCTYPE html><html>"));
        assert!(!looks_like_html(b"{\"json\": true}"));
    }
}
