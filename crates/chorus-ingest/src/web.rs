//! Inputs from the web, through `chorus-fetch`: WARC / WARC.gz archives (each HTML
//! `response` record a page, streamed record by record), RSS / Atom / RDF feed files, and
//! `http(s)://` URLs (a page is extracted, a feed becomes its items; with
//! [`IngestConfig::fetch_pages`] each item's page is fetched and extracted too).

use crate::html::{article_from_page, Given};
use crate::{IngestConfig, IngestError, Ingested};
use chorus_extract::{extract, Hints};
use chorus_fetch::{
    parse_feed, warc_articles, FeedItem, FetchConfig, Fetched, Fetcher, Validators, WarcError,
    WarcPage,
};
use chorus_model::{Article, Diagnostic};
use rayon::prelude::*;
use std::ops::ControlFlow;
use std::path::Path;

impl Ingested {
    fn note(&mut self, path: String, message: String, skipped: bool) {
        if skipped {
            self.skipped += 1;
        }
        self.diagnostics.push(Diagnostic { path, message });
    }
}

/// The article of an HTML page fetched from (or archived for) `url`, and what its reader
/// should be told (a page flattened).
fn page_article(
    html: &[u8],
    url: &str,
    content_type: Option<&str>,
    given: Given,
) -> Result<(Article, Option<String>), IngestError> {
    let page = extract(
        html,
        &Hints {
            url: Some(url),
            content_type,
        },
    );
    let host = chorus_extract::host_of(url).unwrap_or_else(|| url.to_string());
    let warning = page.warning();
    article_from_page(url, page, given, &host).map(|a| (a, warning))
}

/// Pages of an archive extracted in parallel at a time, and the most HTML bytes they may hold.
const PAGES_PER_BATCH: usize = 64;
const BATCH_BYTES: usize = 64 << 20;

/// Every HTML page of a WARC / WARC.gz file, read a record at a time and handed to `emit` in
/// batches (at most [`PAGES_PER_BATCH`] pages in memory).
pub(crate) fn ingest_warc(
    path: &Path,
    emit: &mut dyn FnMut(Ingested) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let shown = path.display().to_string();
    match std::fs::File::open(path) {
        Ok(f) => warc_pages(&shown, std::io::BufReader::new(f), emit),
        Err(e) => {
            let mut out = Ingested::default();
            out.note(shown, IngestError::Io(e).to_string(), true);
            emit(out)
        }
    }
}

/// Every HTML page of a WARC held in memory.
pub(crate) fn ingest_warc_bytes(shown: &str, bytes: &[u8]) -> Ingested {
    Ingested::gather(|emit| warc_pages(shown, bytes, emit))
}

fn warc_pages(
    shown: &str,
    reader: impl std::io::Read,
    emit: &mut dyn FnMut(Ingested) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut pages = warc_articles(reader);
    let mut any = false;
    loop {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while batch.len() < PAGES_PER_BATCH && bytes < BATCH_BYTES {
            let Some(page) = pages.next() else { break };
            bytes += page.as_ref().map_or(0, |p| p.html.len());
            batch.push(page);
        }
        if batch.is_empty() {
            if any {
                return ControlFlow::Continue(());
            }
            // An empty archive, or one of other records only: say so, as for an empty file.
            let mut out = Ingested::default();
            out.note(
                shown.to_string(),
                "no HTML pages: the archive holds no response record of an HTML page".into(),
                true,
            );
            return emit(out);
        }
        any = true;
        // Extraction is the costly part and pages are independent: in parallel, in order.
        let parts: Vec<Ingested> = batch
            .into_par_iter()
            .map(|page| warc_page(shown, page))
            .collect();
        emit(parts.into_iter().collect())?;
    }
}

/// The article of one archived page, or the diagnostic of a page or record that has none.
fn warc_page(shown: &str, page: Result<WarcPage, WarcError>) -> Ingested {
    let mut out = Ingested::default();
    match page {
        Ok(p) => {
            let given = Given {
                url: Some(p.url.clone()),
                published: p.date.clone(),
                ..Given::default()
            };
            match page_article(&p.html, &p.url, p.content_type.as_deref(), given) {
                Ok((mut a, warning)) => {
                    if let Some(w) = warning {
                        out.note(format!("{shown}@{} ({})", p.offset, p.url), w, false);
                    }
                    a.path = Some(shown.to_string());
                    out.articles.push(a);
                }
                Err(e) => out.note(
                    format!("{shown}@{} ({})", p.offset, p.url),
                    e.to_string(),
                    true,
                ),
            }
        }
        Err(e) => {
            let d = e.to_diagnostic(shown);
            out.note(d.path, d.message, true);
        }
    }
    out
}

/// The items of a feed read from a file (or fetched from `feed_url`).
pub(crate) fn ingest_feed(
    shown: &str,
    bytes: &[u8],
    feed_url: Option<&str>,
    config: &IngestConfig,
    fetcher: Option<&Fetcher>,
) -> Ingested {
    let mut out = Ingested::default();
    let items = match parse_feed(bytes, feed_url) {
        Ok(items) => items,
        Err(e) => {
            out.note(shown.to_string(), e.to_string(), true);
            return out;
        }
    };
    for item in items {
        let known = |link: &str| config.known_page.as_ref().is_some_and(|k| (k.0)(link));
        if config.fetch_pages && item.link.as_deref().is_some_and(known) {
            continue;
        }
        let mut article = item.to_article();
        article.path = Some(shown.to_string());
        if config.fetch_pages {
            if let Some(page) = fetch_item_page(&item, fetcher, &mut out) {
                article = page;
                article.path = Some(shown.to_string());
            }
        }
        if article.body.trim().is_empty() {
            out.note(
                format!("{shown} ({})", article.id),
                "feed item has no summary text".into(),
                true,
            );
            continue;
        }
        out.articles.push(article);
    }
    out
}

/// The extracted page of a feed item, or `None` (with a diagnostic) when it cannot be had.
fn fetch_item_page(
    item: &FeedItem,
    fetcher: Option<&Fetcher>,
    out: &mut Ingested,
) -> Option<Article> {
    let link = item.link.as_deref()?;
    let owned;
    let fetcher = match fetcher {
        Some(f) => f,
        None => {
            owned = new_fetcher(out, link)?;
            &owned
        }
    };
    match fetcher.fetch(link) {
        Ok(Fetched::Page(p)) => {
            let given = Given {
                title: item.title.clone(),
                source: Some(item.source.clone()),
                url: Some(p.final_url.clone()),
                published: item.published.clone(),
                language: item.language.clone(),
            };
            match page_article(&p.body, &p.final_url, p.content_type.as_deref(), given) {
                Ok((a, warning)) => {
                    if let Some(w) = warning {
                        out.note(link.to_string(), w, false);
                    }
                    Some(a)
                }
                Err(e) => {
                    out.note(link.to_string(), e.to_string(), false);
                    None
                }
            }
        }
        Ok(Fetched::NotModified { .. }) => None,
        Err(e) => {
            let d = e.to_diagnostic();
            out.note(d.path, d.message, false);
            None
        }
    }
}

fn new_fetcher(out: &mut Ingested, url: &str) -> Option<Fetcher> {
    match Fetcher::new(FetchConfig::default()) {
        Ok(f) => Some(f),
        Err(e) => {
            out.note(url.to_string(), e.to_string(), true);
            None
        }
    }
}

/// Loads the validators kept at `config.validators` into `fetcher` (a missing file is a
/// first run; an unreadable one is reported and ignored).
fn load_validators(fetcher: &Fetcher, config: &IngestConfig, out: &mut Ingested) {
    let Some(path) = &config.validators else {
        return;
    };
    match std::fs::read_to_string(path) {
        Ok(text) => match Validators::from_json(&text) {
            Ok(v) => fetcher.set_validators(v),
            Err(e) => out.note(
                path.display().to_string(),
                format!("ignoring saved HTTP validators: {e}"),
                false,
            ),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => out.note(path.display().to_string(), e.to_string(), false),
    }
}

/// Saves the fetcher's validators (merged over what was kept) for the next run.
fn save_validators(fetcher: &Fetcher, config: &IngestConfig, out: &mut Ingested) {
    let Some(path) = &config.validators else {
        return;
    };
    let json = fetcher.validators().to_json();
    let tmp = path.with_extension("json.tmp");
    let written = std::fs::write(&tmp, json).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        out.note(
            path.display().to_string(),
            format!("cannot save HTTP validators: {e}"),
            false,
        );
    }
}

/// Whether an input argument is a URL rather than a path.
pub(crate) fn is_url(arg: &str) -> bool {
    let lower = arg.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Fetches a URL: a feed becomes its items, anything else is extracted as a page.
pub(crate) fn ingest_url(url: &str, config: &IngestConfig) -> Ingested {
    let mut out = Ingested::default();
    let Some(fetcher) = new_fetcher(&mut out, url) else {
        return out;
    };
    load_validators(&fetcher, config, &mut out);
    fetch_url(&fetcher, url, config, &mut out);
    save_validators(&fetcher, config, &mut out);
    out
}

/// Fetches a URL with a fetcher the caller keeps (its per-host delays, robots.txt and
/// validators last across calls): a feed becomes its items, anything else is extracted as a
/// page; a `304` gives nothing, a failure a diagnostic with the input counted as skipped.
pub fn ingest_url_with(fetcher: &Fetcher, url: &str, config: &IngestConfig) -> Ingested {
    let mut out = Ingested::default();
    fetch_url(fetcher, url, config, &mut out);
    out.settle();
    out
}

fn fetch_url(fetcher: &Fetcher, url: &str, config: &IngestConfig, out: &mut Ingested) {
    match fetcher.fetch(url) {
        Ok(Fetched::Page(p)) => {
            let ct = p.content_type.as_deref().unwrap_or("").to_ascii_lowercase();
            let looks_like_feed = ct.contains("rss")
                || ct.contains("atom")
                || ct.contains("xml")
                || p.body
                    .iter()
                    .take(512)
                    .copied()
                    .collect::<Vec<u8>>()
                    .starts_with(b"<?xml");
            if looks_like_feed && !ct.contains("html") {
                out.merge(ingest_feed(
                    url,
                    &p.body,
                    Some(&p.final_url),
                    config,
                    Some(fetcher),
                ));
            } else {
                match page_article(
                    &p.body,
                    &p.final_url,
                    p.content_type.as_deref(),
                    Given::default(),
                ) {
                    Ok((mut a, warning)) => {
                        if let Some(w) = warning {
                            out.note(url.to_string(), w, false);
                        }
                        a.path = Some(url.to_string());
                        out.articles.push(a);
                    }
                    Err(e) => out.note(url.to_string(), e.to_string(), true),
                }
            }
        }
        Ok(Fetched::NotModified { .. }) => {}
        Err(e) => {
            let d = e.to_diagnostic();
            out.note(d.path, d.message, true);
        }
    }
}

/// Fetches a URL and extracts it as a page (for `chorus extract`).
pub(crate) fn extract_url(url: &str) -> Result<chorus_extract::Extracted, IngestError> {
    let fetcher =
        Fetcher::new(FetchConfig::default()).map_err(|e| IngestError::Fetch(e.to_string()))?;
    match fetcher.fetch(url) {
        Ok(Fetched::Page(p)) => Ok(extract(
            &p.body,
            &Hints {
                url: Some(&p.final_url),
                content_type: p.content_type.as_deref(),
            },
        )),
        Ok(Fetched::NotModified { .. }) => Err(IngestError::Fetch("not modified".into())),
        Err(e) => Err(IngestError::Fetch(e.to_string())),
    }
}
