//! Reads inputs into [`Article`]s: `.txt`/`.md` files with an optional `Key: value` header,
//! `.json`/`.jsonl` articles, `.html`/`.htm`/`.html.gz` pages (through `chorus-extract`),
//! `.warc`/`.warc.gz` archives and `.rss`/`.atom`/`.rdf`/`.xml` feeds (through `chorus-fetch`),
//! `http(s)://` URLs (pages and feeds), directories (recursively, in sorted order) and `-` for
//! JSONL on stdin. A bad input becomes a [`Diagnostic`] with its path and reason; the run goes
//! on.

mod error;
mod html;
mod json;
mod language;
mod outlet;
mod text;
mod web;

use chorus_model::{Article, Diagnostic};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Read;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

pub use chorus_extract::Extracted;
pub use chorus_fetch::{FetchConfig, Fetcher, Validators};
pub use error::{IngestError, Result};
pub use json::parse_json;
pub use language::detect_language;
pub use text::{normalize_date, parse_text};
pub use web::ingest_url_with;

/// Limits for reading inputs.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Files larger than this are skipped with a diagnostic (WARC archives are streamed and
    /// exempt).
    pub max_file_bytes: u64,
    /// Fetch and extract the page of every feed item instead of keeping its summary.
    pub fetch_pages: bool,
    /// Where the ETag / Last-Modified of fetched URLs are kept between runs (JSON), so that
    /// fetching a feed again is a cheap conditional GET (a 304 adds nothing).
    pub validators: Option<PathBuf>,
    /// With [`IngestConfig::fetch_pages`]: feed items whose link this says is already held
    /// are left out, their pages not fetched again (a watcher polling a feed asks its
    /// collection).
    pub known_page: Option<KnownPage>,
}

/// Whether a page URL is already held (see [`IngestConfig::known_page`]).
#[derive(Clone)]
pub struct KnownPage(pub std::sync::Arc<dyn Fn(&str) -> bool + Send + Sync>);

impl std::fmt::Debug for KnownPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KnownPage(..)")
    }
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            max_file_bytes: 256 * 1024 * 1024,
            fetch_pages: false,
            validators: None,
            known_page: None,
        }
    }
}

/// The most text one article may hold: five times the longest news article of the data sets.
/// An event's sentences are aligned pair by pair, so an "article" of 50 MB (a dump in one JSON
/// line, a book) would hold the refresh of events for hours; longer ones are skipped, named.
pub const MAX_ARTICLE_BYTES: usize = 512 * 1024;

/// What reading the inputs produced.
#[derive(Debug, Default)]
pub struct Ingested {
    pub articles: Vec<Article>,
    /// Problems met, in input order; skipped inputs and warnings alike.
    pub diagnostics: Vec<Diagnostic>,
    /// Inputs (files, JSON records, stdin) that yielded no article because of a problem.
    pub skipped: usize,
}

impl Ingested {
    fn skip(&mut self, path: &Path, err: IngestError) {
        self.skipped += 1;
        self.diagnostics.push(Diagnostic {
            path: path.display().to_string(),
            message: err.to_string(),
        });
    }

    fn skipping(path: &Path, err: IngestError) -> Ingested {
        let mut out = Ingested::default();
        out.skip(path, err);
        out
    }

    /// Everything a batched reader hands over, merged in order.
    fn gather(
        read: impl FnOnce(&mut dyn FnMut(Ingested) -> ControlFlow<()>) -> ControlFlow<()>,
    ) -> Ingested {
        let mut out = Ingested::default();
        let _ = read(&mut |part| {
            out.merge(part);
            ControlFlow::Continue(())
        });
        out
    }

    /// What every article leaving this crate is: without NUL characters (a JSON string may
    /// escape one, `\u0000`; it is no text, and PostgreSQL text cannot hold one, so a single
    /// one failed the whole batch), each replaced by a space so that offsets into the text
    /// hold; and with its text within [`MAX_ARTICLE_BYTES`].
    fn settle(&mut self) {
        for a in &mut self.articles {
            for field in [&mut a.id, &mut a.source, &mut a.body].into_iter().chain(
                [
                    &mut a.path,
                    &mut a.title,
                    &mut a.url,
                    &mut a.published,
                    &mut a.language,
                ]
                .into_iter()
                .flatten(),
            ) {
                if field.contains('\0') {
                    *field = field.replace('\0', " ");
                }
            }
        }
        self.refuse_oversized();
    }

    /// Skips each article whose text is longer than [`MAX_ARTICLE_BYTES`], with a diagnostic
    /// naming it (where it was read, and its id).
    fn refuse_oversized(&mut self) {
        if self
            .articles
            .iter()
            .all(|a| a.body.len() <= MAX_ARTICLE_BYTES)
        {
            return;
        }
        for a in std::mem::take(&mut self.articles) {
            if a.body.len() <= MAX_ARTICLE_BYTES {
                self.articles.push(a);
                continue;
            }
            self.skipped += 1;
            self.diagnostics.push(Diagnostic {
                path: a.path.clone().unwrap_or_else(|| a.id.clone()),
                message: IngestError::TooLong {
                    id: a.id,
                    size: a.body.len(),
                    limit: MAX_ARTICLE_BYTES,
                }
                .to_string(),
            });
        }
    }

    fn merge(&mut self, other: Ingested) {
        self.articles.extend(other.articles);
        self.diagnostics.extend(other.diagnostics);
        self.skipped += other.skipped;
    }
}

/// Parts read apart (in parallel), merged in their order.
impl FromIterator<Ingested> for Ingested {
    fn from_iter<I: IntoIterator<Item = Ingested>>(parts: I) -> Ingested {
        let mut out = Ingested::default();
        for part in parts {
            out.merge(part);
        }
        out
    }
}

/// Reads every input path (`-` is JSONL on stdin) and returns the articles and diagnostics.
pub fn ingest_paths(paths: &[PathBuf], config: &IngestConfig) -> Ingested {
    Ingested::gather(|on_batch| ingest_paths_with(paths, config, on_batch))
}

/// Reads every input path as [`ingest_paths`] does, handing what it reads to `on_batch` as
/// it goes, in input order: a batch of files of a directory, a few dozen pages of a WARC, a
/// file, a URL. Article ids are unique across batches. Memory holds one batch, not the whole
/// input, so a caller that stores each batch reads a large archive in flat memory.
/// `on_batch` returning `Break` stops reading (the result is then `Break`).
pub fn ingest_paths_with(
    paths: &[PathBuf],
    config: &IngestConfig,
    on_batch: &mut dyn FnMut(Ingested) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut sink = Sink {
        seen: HashMap::new(),
        on_batch,
    };
    for path in paths {
        if path.as_os_str() == "-" {
            let mut buf = Vec::new();
            let part = match std::io::stdin().lock().read_to_end(&mut buf) {
                // JSON lines or an array when it opens like one; plain text otherwise.
                Ok(_) => {
                    let json = buf
                        .iter()
                        .find(|b| !b.is_ascii_whitespace())
                        .is_some_and(|b| matches!(b, b'{' | b'['));
                    let kind = if json { Kind::Json } else { Kind::Text };
                    ingest_bytes(Path::new("-"), "stdin", &buf, kind)
                }
                Err(e) => Ingested::skipping(path, IngestError::Io(e)),
            };
            sink.send(part)?;
            continue;
        }
        if let Some(url) = path.to_str().filter(|p| web::is_url(p)) {
            sink.send(web::ingest_url(url, config))?;
            continue;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => ingest_dir(path, config, &mut sink)?,
            Ok(_) => {
                let id = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                ingest_file(path, &id, config, &mut sink)?;
            }
            Err(e) => sink.send(Ingested::skipping(path, IngestError::Io(e)))?,
        }
    }
    ControlFlow::Continue(())
}

/// Where batches go: ids made unique across all of them, then the caller's `on_batch`.
struct Sink<'a> {
    /// How many articles so far had each id.
    seen: HashMap<String, usize>,
    on_batch: &'a mut dyn FnMut(Ingested) -> ControlFlow<()>,
}

impl Sink<'_> {
    fn send(&mut self, mut part: Ingested) -> ControlFlow<()> {
        if part.articles.is_empty() && part.diagnostics.is_empty() && part.skipped == 0 {
            return ControlFlow::Continue(());
        }
        part.settle();
        dedupe_ids(&mut self.seen, &mut part);
        (self.on_batch)(part)
    }
}

/// The files under `root` (recursively, hidden ones left out) in sorted order, and the
/// directories or entries that could not be read.
fn walk(root: &Path) -> (Vec<PathBuf>, Vec<(PathBuf, IngestError)>) {
    let mut problems = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                problems.push((dir, IngestError::Io(e)));
                continue;
            }
        };
        for entry in entries.flatten() {
            let p = entry.path();
            let hidden = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(p),
                Ok(_) => files.push(p),
                Err(e) => problems.push((p, IngestError::Io(e))),
            }
        }
    }
    files.sort();
    (files, problems)
}

/// Files of a directory read in parallel at a time (merged in walk order).
const FILES_PER_BATCH: usize = 256;

fn ingest_dir(root: &Path, config: &IngestConfig, sink: &mut Sink) -> ControlFlow<()> {
    let (files, problems) = walk(root);
    let mut unreadable = Ingested::default();
    for (p, e) in problems {
        unreadable.skip(&p, e);
    }
    sink.send(unreadable)?;
    let id_of = |file: &Path| {
        let rel = file.strip_prefix(root).unwrap_or(file);
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    };
    let mut rest = files.as_slice();
    while let Some(first) = rest.first() {
        if kind_of(first) == Some(Kind::Warc) {
            // An archive streams its own batches (its pages extracted in parallel).
            ingest_file(first, &id_of(first), config, sink)?;
            rest = &rest[1..];
            continue;
        }
        // Other files are independent: read and parsed in parallel, merged in walk order.
        let run = rest
            .iter()
            .take(FILES_PER_BATCH)
            .take_while(|f| kind_of(f) != Some(Kind::Warc))
            .count();
        let parts: Vec<Ingested> = rest[..run]
            .par_iter()
            .map(|file| read_file(file, &id_of(file), config))
            .collect();
        sink.send(parts.into_iter().collect())?;
        rest = &rest[run..];
    }
    ControlFlow::Continue(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Json,
    Html,
    HtmlGz,
    Warc,
    Feed,
}

fn kind_of(path: &Path) -> Option<Kind> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    if name.ends_with(".html.gz") || name.ends_with(".htm.gz") {
        return Some(Kind::HtmlGz);
    }
    if name.ends_with(".warc.gz") || name.ends_with(".warc") {
        return Some(Kind::Warc);
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e)?;
    match ext {
        "txt" | "md" | "markdown" | "text" => Some(Kind::Text),
        "json" | "jsonl" | "ndjson" => Some(Kind::Json),
        "html" | "htm" | "xhtml" => Some(Kind::Html),
        "rss" | "atom" | "rdf" | "xml" => Some(Kind::Feed),
        _ => None,
    }
}

/// The size of the regular file at `path` (a symlink followed). Anything else (a FIFO, a
/// socket, a device, a directory where a file was named) is an error: reading a FIFO waits
/// for a writer that may never come.
fn regular_file_size(path: &Path) -> Result<u64> {
    let m = std::fs::metadata(path)?;
    if m.is_file() {
        return Ok(m.len());
    }
    let t = m.file_type();
    #[cfg(unix)]
    let what = {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            "a FIFO (named pipe)"
        } else if t.is_socket() {
            "a socket"
        } else if t.is_block_device() || t.is_char_device() {
            "a device"
        } else if t.is_dir() {
            "a directory"
        } else {
            "of an unusual type"
        }
    };
    #[cfg(not(unix))]
    let what = if t.is_dir() {
        "a directory"
    } else {
        "of an unusual type"
    };
    Err(IngestError::NotAFile(what))
}

fn ingest_file(path: &Path, id: &str, config: &IngestConfig, sink: &mut Sink) -> ControlFlow<()> {
    if let Err(e) = regular_file_size(path) {
        return sink.send(Ingested::skipping(path, e));
    }
    if kind_of(path) == Some(Kind::Warc) {
        // Archives run to gigabytes: streamed a record at a time, never read whole.
        return web::ingest_warc(path, &mut |part| sink.send(part));
    }
    sink.send(read_file(path, id, config))
}

/// One file read whole (a WARC too: [`ingest_file`] streams those instead).
fn read_file(path: &Path, id: &str, config: &IngestConfig) -> Ingested {
    let mut out = Ingested::default();
    let Some(kind) = kind_of(path) else {
        out.skip(path, IngestError::Unsupported);
        return out;
    };
    match regular_file_size(path) {
        Ok(size) if size > config.max_file_bytes => {
            out.skip(
                path,
                IngestError::TooLarge {
                    size,
                    limit: config.max_file_bytes,
                },
            );
            return out;
        }
        Ok(_) => {}
        Err(e) => {
            out.skip(path, e);
            return out;
        }
    }
    match std::fs::read(path) {
        Ok(bytes) if matches!(kind, Kind::Html | Kind::HtmlGz) => {
            let page =
                html::extract_file_bytes(&bytes, kind == Kind::HtmlGz, config.max_file_bytes, None);
            html_article(path, id, page)
        }
        Ok(bytes) if kind == Kind::Feed => {
            web::ingest_feed(&path.display().to_string(), &bytes, None, config, None)
        }
        Ok(bytes) => ingest_bytes(path, id, &bytes, kind),
        Err(e) => {
            out.skip(path, IngestError::Io(e));
            out
        }
    }
}

/// Reads one input held in memory; `name` (a file name) decides the format, as on disk.
pub fn ingest_named_bytes(name: &str, bytes: &[u8]) -> Ingested {
    let path = Path::new(name);
    match kind_of(path) {
        Some(kind) => {
            let mut out = ingest_bytes(path, name, bytes, kind);
            out.settle();
            out
        }
        None => {
            let mut out = Ingested::default();
            out.skip(path, IngestError::Unsupported);
            out
        }
    }
}

/// The article of an extracted page read from `path`, or the reason there is none.
fn html_article(path: &Path, id: &str, page: Result<chorus_extract::Extracted>) -> Ingested {
    let mut out = Ingested::default();
    let stem = text::file_stem(path);
    let warning = page
        .as_ref()
        .ok()
        .and_then(chorus_extract::Extracted::warning);
    match page.and_then(|p| html::article_from_page(id, p, html::Given::default(), &stem)) {
        Ok(mut a) => {
            if let Some(w) = warning {
                out.diagnostics.push(Diagnostic {
                    path: path.display().to_string(),
                    message: w,
                });
            }
            a.path = Some(path.display().to_string());
            out.articles.push(a);
        }
        Err(e) => out.skip(path, e),
    }
    out
}

/// Extracts every HTML page under `paths` (files, directories searched recursively for
/// `.html`, `.htm` and `.html.gz`, or http(s) URLs fetched), calling `on_page` with each page's path and its extraction
/// or the reason it could not be read. Named files that are not HTML are reported too.
pub fn extract_pages(
    paths: &[PathBuf],
    config: &IngestConfig,
    mut on_page: impl FnMut(&Path, Result<chorus_extract::Extracted>),
) {
    for path in paths {
        if let Some(url) = path.to_str().filter(|p| web::is_url(p)) {
            on_page(path, web::extract_url(url));
            continue;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                let (files, problems) = walk(path);
                for (p, e) in problems {
                    on_page(&p, Err(e));
                }
                for f in files {
                    if matches!(kind_of(&f), Some(Kind::Html | Kind::HtmlGz)) {
                        on_page(&f, read_page(&f, config));
                    }
                }
            }
            Ok(_) => on_page(path, read_page(path, config)),
            Err(e) => on_page(path, Err(IngestError::Io(e))),
        }
    }
}

fn read_page(path: &Path, config: &IngestConfig) -> Result<chorus_extract::Extracted> {
    let kind = kind_of(path);
    if !matches!(kind, Some(Kind::Html | Kind::HtmlGz)) {
        return Err(IngestError::NotHtml);
    }
    let size = regular_file_size(path)?;
    if size > config.max_file_bytes {
        return Err(IngestError::TooLarge {
            size,
            limit: config.max_file_bytes,
        });
    }
    let bytes = std::fs::read(path)?;
    html::extract_file_bytes(
        &bytes,
        kind == Some(Kind::HtmlGz),
        config.max_file_bytes,
        None,
    )
}

fn ingest_bytes(path: &Path, id: &str, bytes: &[u8], kind: Kind) -> Ingested {
    let shown = path.display().to_string();
    match kind {
        Kind::Feed => return web::ingest_feed(&shown, bytes, None, &IngestConfig::default(), None),
        Kind::Warc => return web::ingest_warc_bytes(&shown, bytes),
        _ => {}
    }
    if matches!(kind, Kind::Html | Kind::HtmlGz) {
        let page = html::extract_file_bytes(bytes, kind == Kind::HtmlGz, u64::MAX, None);
        return html_article(path, id, page);
    }
    let mut out = Ingested::default();
    let mut problems = Vec::new();
    let content = match decode(bytes) {
        Ok(c) => c,
        Err(IngestError::NotUtf8 { .. }) if kind == Kind::Json && !bytes.starts_with(b"[") => {
            // Each line of JSON lines stands alone: a bad byte costs its line only.
            match salvage_lines(bytes) {
                Some((text, bad)) => {
                    problems = bad;
                    Cow::Owned(text)
                }
                None => {
                    out.skip(path, IngestError::Binary);
                    return out;
                }
            }
        }
        Err(e) => {
            out.skip(path, e);
            return out;
        }
    };
    match kind {
        Kind::Text => {
            let stem = text::file_stem(path);
            match parse_text(id, &stem, &content) {
                Ok(mut a) => {
                    a.path = Some(shown);
                    out.articles.push(a);
                }
                Err(e) => out.skip(path, e),
            }
        }
        // Pages decode themselves (charset declarations); these are handled above.
        Kind::Html | Kind::HtmlGz | Kind::Feed | Kind::Warc => {}
        Kind::Json => {
            let (articles, parsed) = parse_json(&content, id);
            problems.extend(parsed);
            problems.sort_by_key(|(at, _)| line_of(at));
            for mut a in articles {
                if path != Path::new("-") {
                    a.path = Some(shown.clone());
                }
                out.articles.push(a);
            }
            for (where_, err) in problems {
                let skips = !matches!(err, IngestError::Warning(_));
                if skips {
                    out.skipped += 1;
                }
                out.diagnostics.push(Diagnostic {
                    path: format!("{shown}{where_}"),
                    message: err.to_string(),
                });
            }
        }
    }
    out
}

/// Checks that bytes are text: not empty, no NUL bytes (binary), valid UTF-8 (BOM dropped),
/// or UTF-16 with its byte order mark (decoded; an unpaired surrogate becomes U+FFFD).
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>> {
    if let Some(text) = utf16(bytes) {
        if text.chars().all(char::is_whitespace) {
            return Err(IngestError::Empty);
        }
        return Ok(Cow::Owned(text));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(IngestError::Binary);
    }
    std::str::from_utf8(bytes)
        .map(Cow::Borrowed)
        .map_err(|e| IngestError::NotUtf8 {
            at: e.valid_up_to(),
        })
}

/// `bytes` decoded as UTF-16 when they open with its byte order mark.
fn utf16(bytes: &[u8]) -> Option<String> {
    let (body, little) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (rest, true),
        [0xFE, 0xFF, rest @ ..] => (rest, false),
        _ => return None,
    };
    let units = body.chunks(2).map(|c| match (c, little) {
        ([a, b], true) => u16::from_le_bytes([*a, *b]),
        ([a, b], false) => u16::from_be_bytes([*a, *b]),
        // An odd last byte: not a character.
        _ => 0xFFFD,
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// JSON lines with invalid UTF-8 in some: each bad line is blanked (line numbers kept) and
/// named with its line number and the offset of its first bad byte, so that the others are
/// read. `None` when some bytes are NUL (binary) or nothing is left.
fn salvage_lines(bytes: &[u8]) -> Option<(String, Vec<(String, IngestError)>)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return None;
    }
    let mut text = String::with_capacity(bytes.len());
    let mut problems = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            text.push('\n');
        }
        match std::str::from_utf8(line) {
            Ok(l) => text.push_str(l),
            Err(e) => problems.push((
                format!(":{}", i + 1),
                IngestError::NotUtf8 {
                    at: e.valid_up_to(),
                },
            )),
        }
    }
    (!text.trim().is_empty()).then_some((text, problems))
}

/// The line number of a problem's place (`:LINE`), for keeping problems in input order.
fn line_of(at: &str) -> usize {
    at.strip_prefix(':')
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Keeps ids unique: a later article whose id is taken (in `out` or, per `seen`, in an
/// earlier batch) gets `~2`, `~3`, ... and a warning.
fn dedupe_ids(seen: &mut HashMap<String, usize>, out: &mut Ingested) {
    for a in &mut out.articles {
        let n = seen.entry(a.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let new_id = format!("{}~{}", a.id, n);
            out.diagnostics.push(Diagnostic {
                path: a.path.clone().unwrap_or_else(|| a.id.clone()),
                message: format!("duplicate article id {:?}; renamed to {:?}", a.id, new_id),
            });
            a.id = new_id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_rejects_empty_binary_and_broken_utf8() {
        assert!(matches!(decode(b"  \n"), Err(IngestError::Empty)));
        assert!(matches!(decode(b"abc\0def"), Err(IngestError::Binary)));
        assert!(matches!(
            decode(b"caf\xe9 au lait"),
            Err(IngestError::NotUtf8 { at: 3 })
        ));
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap(), "hi");
    }
}
