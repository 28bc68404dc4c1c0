//! A polite blocking HTTP client: timeouts, redirects followed one hop at a time (each hop
//! checked against robots.txt and throttled per host), a per-host concurrency limit and delay,
//! conditional GET from remembered validators, and a cap on body size.
//!
//! Built on `reqwest::blocking`, which runs its own runtime thread: create and use a
//! [`Fetcher`] outside any async runtime (inside one, use `spawn_blocking`).

use crate::error::FetchError;
use crate::robots::Robots;
use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::Url;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::error::Error as _;
use std::io::Read;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

/// The longest wait a robots.txt `Crawl-delay` can impose between two requests.
const MAX_CRAWL_DELAY: Duration = Duration::from_secs(30);
/// A configured host delay is capped so that time arithmetic cannot overflow.
const MAX_HOST_DELAY: Duration = Duration::from_secs(3600);

/// How a [`Fetcher`] behaves.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    pub user_agent: String,
    pub connect_timeout: Duration,
    /// For the whole fetch: every hop of its redirects, from connecting until the last body
    /// is read, however slowly it arrives (waits for a host's turn not counted).
    pub timeout: Duration,
    pub max_redirects: usize,
    /// Requests in flight to one host (host and port) at a time.
    pub per_host_concurrency: usize,
    /// Minimum time between the start of a request to a host and the end of the last one
    /// (raised to the host's robots.txt `Crawl-delay`, up to 30 s).
    pub host_delay: Duration,
    /// Bodies larger than this (after decompression) fail with [`FetchError::TooLarge`].
    pub max_body_bytes: u64,
    pub respect_robots: bool,
}

/// The product token looked for in robots.txt groups.
pub const ROBOTS_AGENT: &str = "chorus";

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            user_agent: format!(
                "chorus/{} (+https://example.invalid/chorus)",
                env!("CARGO_PKG_VERSION")
            ),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_redirects: 10,
            per_host_concurrency: 1,
            host_delay: Duration::from_secs(1),
            max_body_bytes: 20 * 1024 * 1024,
            respect_robots: true,
        }
    }
}

/// A fetched resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The URL asked for.
    pub url: String,
    /// The URL after redirects.
    pub final_url: String,
    pub status: u16,
    /// The `Content-Type` header (its charset matters for decoding HTML).
    pub content_type: Option<String>,
    /// The body, decompressed.
    pub body: Vec<u8>,
}

/// What a fetch gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    Page(Page),
    /// `304 Not Modified`: the resource is unchanged since the remembered validators.
    NotModified {
        url: String,
    },
}

/// The validators of one URL for conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validator {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

/// `ETag` / `Last-Modified` per URL asked for; the caller saves and loads them as JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Validators(pub HashMap<String, Validator>);

impl Validators {
    pub fn to_json(&self) -> String {
        // A map of strings always serialises.
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
    }

    pub fn from_json(json: &str) -> Result<Validators, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// What is known about a host's robots.txt.
#[derive(Debug, Clone)]
enum RobotsState {
    Rules(Robots),
    /// 5xx or unreachable: RFC 9309 says to assume everything is disallowed.
    Unavailable(String),
}

#[derive(Debug)]
struct HostSlot {
    active: usize,
    next_start: Instant,
    delay: Duration,
}

/// Fetches URLs politely; share one across threads (it is `Sync`).
pub struct Fetcher {
    client: reqwest::blocking::Client,
    config: FetchConfig,
    hosts: Mutex<HashMap<String, HostSlot>>,
    turn: Condvar,
    robots: Mutex<HashMap<String, Arc<OnceLock<RobotsState>>>>,
    validators: Mutex<Validators>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Releases a host slot when dropped (also on early returns).
struct HostTurn<'a> {
    fetcher: &'a Fetcher,
    host: String,
}

impl Drop for HostTurn<'_> {
    fn drop(&mut self) {
        let mut hosts = lock(&self.fetcher.hosts);
        if let Some(slot) = hosts.get_mut(&self.host) {
            slot.active = slot.active.saturating_sub(1);
            let after = Instant::now() + slot.delay;
            if after > slot.next_start {
                slot.next_start = after;
            }
        }
        drop(hosts);
        self.fetcher.turn.notify_all();
    }
}

/// One hop's outcome.
enum Hop<'a> {
    /// The response, with the host slot held until its body is read.
    Done(reqwest::blocking::Response, HostTurn<'a>),
    Redirect(Url),
}

impl Fetcher {
    pub fn new(config: FetchConfig) -> Result<Fetcher, FetchError> {
        let client = reqwest::blocking::Client::builder()
            .user_agent(config.user_agent.clone())
            .connect_timeout(config.connect_timeout)
            .timeout(config.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .gzip(true)
            .brotli(true)
            .build()
            .map_err(|e| FetchError::Network {
                url: String::new(),
                reason: format!("cannot set up the HTTP client: {}", chain(&e)),
            })?;
        Ok(Fetcher {
            client,
            config,
            hosts: Mutex::new(HashMap::new()),
            turn: Condvar::new(),
            robots: Mutex::new(HashMap::new()),
            validators: Mutex::new(Validators::default()),
        })
    }

    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    /// A copy of the remembered validators (to save).
    pub fn validators(&self) -> Validators {
        lock(&self.validators).clone()
    }

    /// Replaces the remembered validators (loaded from an earlier run).
    pub fn set_validators(&self, validators: Validators) {
        *lock(&self.validators) = validators;
    }

    /// Fetches `url`: conditional when validators are remembered for it; a `304` gives
    /// [`Fetched::NotModified`]. Every failure is a [`FetchError`] naming the URL.
    ///
    /// Only pages, feeds and plain text are read: a response declaring another type (an
    /// image, a PDF, JSON, ...) is [`FetchError::NotText`] before its body is read, and one
    /// without a type, typed `application/octet-stream`, or typed as text but holding an
    /// image, an archive or binary data is refused after a look at its first bytes.
    pub fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        let start = parse_url(url)?;
        let validator = lock(&self.validators).0.get(url).cloned();
        let (response, turn) = self.follow(url, start, validator.as_ref(), true)?;
        if response.status() == reqwest::StatusCode::NOT_MODIFIED {
            // Unasked, a 304 says nothing of the resource: taken as "unchanged", a feed whose
            // server always answers so was never read, and nothing said why.
            if validator.is_none() {
                return Err(FetchError::Status {
                    url: response.url().to_string(),
                    status: 304,
                });
            }
            return Ok(Fetched::NotModified {
                url: url.to_string(),
            });
        }
        let declared = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        if let Some(t) = declared.as_deref().filter(|t| !readable_type(t)) {
            return Err(FetchError::NotText {
                url: response.url().to_string(),
                found: t.to_string(),
            });
        }
        let page = self.read(url, response, turn)?;
        if let Some(found) = sniff_binary(&page.body, declared.as_deref().is_none_or(unknown_type))
        {
            return Err(FetchError::NotText {
                url: page.final_url,
                found: match declared {
                    Some(t) => format!("{found}, sent as {t}"),
                    None => found.to_string(),
                },
            });
        }
        Ok(Fetched::Page(page))
    }

    /// Follows redirects from `start`; returns the first non-redirect response (2xx or 304)
    /// and the host slot to give back once its body is read.
    fn follow(
        &self,
        asked: &str,
        start: Url,
        validator: Option<&Validator>,
        check_robots: bool,
    ) -> Result<(reqwest::blocking::Response, HostTurn<'_>), FetchError> {
        let mut current = start;
        // The time the hops have taken so far: each is given what is left of the timeout,
        // its body included (reqwest's per-request timeout runs until the body ends).
        let mut spent = Duration::ZERO;
        for hop in 0..=self.config.max_redirects {
            if check_robots && self.config.respect_robots {
                self.check_robots(&current)?;
            }
            let conditional = if hop == 0 { validator } else { None };
            match self.hop(&current, conditional, &mut spent)? {
                Hop::Done(response, turn) => return Ok((response, turn)),
                Hop::Redirect(next) => current = next,
            }
        }
        Err(FetchError::TooManyRedirects {
            url: asked.to_string(),
            max: self.config.max_redirects,
        })
    }

    fn hop(
        &self,
        url: &Url,
        validator: Option<&Validator>,
        spent: &mut Duration,
    ) -> Result<Hop<'_>, FetchError> {
        let shown = url.as_str();
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT,
            HeaderValue::from_static(
                "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8",
            ),
        );
        if let Some(v) = validator {
            if let Some(etag) = v
                .etag
                .as_deref()
                .and_then(|e| HeaderValue::from_str(e).ok())
            {
                headers.insert(header::IF_NONE_MATCH, etag);
            }
            if let Some(lm) = v
                .last_modified
                .as_deref()
                .and_then(|e| HeaderValue::from_str(e).ok())
            {
                headers.insert(header::IF_MODIFIED_SINCE, lm);
            }
        }
        let turn = self.acquire(&host_key(url));
        let left = self.config.timeout.saturating_sub(*spent);
        if left.is_zero() {
            return Err(FetchError::Timeout {
                url: shown.to_string(),
            });
        }
        let sent = Instant::now();
        let response = self
            .client
            .get(url.clone())
            .headers(headers)
            .timeout(left)
            .send()
            .map_err(|e| request_error(shown, &e))?;
        *spent += sent.elapsed();
        let status = response.status();
        if status.is_redirection() && status != reqwest::StatusCode::NOT_MODIFIED {
            let location = response
                .headers()
                .get(header::LOCATION)
                .and_then(|l| l.to_str().ok())
                .ok_or_else(|| FetchError::Network {
                    url: shown.to_string(),
                    reason: format!("HTTP {} without a Location header", status.as_u16()),
                })?;
            let next = url.join(location).map_err(|e| FetchError::InvalidUrl {
                url: location.to_string(),
                reason: format!("redirect from {shown}: {e}"),
            })?;
            if !matches!(next.scheme(), "http" | "https") {
                return Err(FetchError::InvalidUrl {
                    url: next.to_string(),
                    reason: format!("redirect from {shown} to an unsupported scheme"),
                });
            }
            drop(turn);
            return Ok(Hop::Redirect(next));
        }
        if status == reqwest::StatusCode::NOT_MODIFIED || status.is_success() {
            return Ok(Hop::Done(response, turn));
        }
        Err(FetchError::Status {
            url: shown.to_string(),
            status: status.as_u16(),
        })
    }

    /// Reads the body (capped) and remembers the validators of `asked`.
    fn read(
        &self,
        asked: &str,
        response: reqwest::blocking::Response,
        turn: HostTurn<'_>,
    ) -> Result<Page, FetchError> {
        let final_url = response.url().to_string();
        let limit = self.config.max_body_bytes;
        if response.content_length().is_some_and(|n| n > limit) {
            return Err(FetchError::TooLarge {
                url: final_url,
                limit,
            });
        }
        let get = |name: header::HeaderName| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = get(header::CONTENT_TYPE);
        let validator = Validator {
            etag: get(header::ETAG),
            last_modified: get(header::LAST_MODIFIED),
        };
        let status = response.status().as_u16();
        let mut body = Vec::new();
        response
            .take(limit.saturating_add(1))
            .read_to_end(&mut body)
            .map_err(|e| body_error(&final_url, &e))?;
        drop(turn);
        if body.len() as u64 > limit {
            return Err(FetchError::TooLarge {
                url: final_url,
                limit,
            });
        }
        let mut validators = lock(&self.validators);
        if validator.etag.is_some() || validator.last_modified.is_some() {
            validators.0.insert(asked.to_string(), validator);
        } else {
            validators.0.remove(asked);
        }
        drop(validators);
        Ok(Page {
            url: asked.to_string(),
            final_url,
            status,
            content_type,
            body,
        })
    }

    /// Waits for a free slot on `host` and for its delay to pass.
    fn acquire(&self, host: &str) -> HostTurn<'_> {
        let limit = self.config.per_host_concurrency.max(1);
        let mut hosts = lock(&self.hosts);
        loop {
            let now = Instant::now();
            let slot = hosts.entry(host.to_string()).or_insert_with(|| HostSlot {
                active: 0,
                next_start: now,
                delay: self.config.host_delay.min(MAX_HOST_DELAY),
            });
            if slot.active < limit && now >= slot.next_start {
                slot.active += 1;
                slot.next_start = now + slot.delay;
                break;
            }
            hosts = if slot.active < limit {
                let wait = slot.next_start - now;
                self.turn
                    .wait_timeout(hosts, wait)
                    .map(|(g, _)| g)
                    .unwrap_or_else(|e| e.into_inner().0)
            } else {
                self.turn.wait(hosts).unwrap_or_else(|e| e.into_inner())
            };
        }
        HostTurn {
            fetcher: self,
            host: host.to_string(),
        }
    }

    fn check_robots(&self, url: &Url) -> Result<(), FetchError> {
        let origin = url.origin().ascii_serialization();
        let cell = lock(&self.robots)
            .entry(origin.clone())
            .or_default()
            .clone();
        let state = cell.get_or_init(|| self.load_robots(&origin, url));
        match state {
            RobotsState::Rules(robots) => {
                let mut path = url.path().to_string();
                if let Some(q) = url.query() {
                    path.push('?');
                    path.push_str(q);
                }
                if robots.allows(&path) {
                    Ok(())
                } else {
                    Err(FetchError::RobotsDisallowed {
                        url: url.to_string(),
                    })
                }
            }
            RobotsState::Unavailable(reason) => Err(FetchError::RobotsUnavailable {
                url: url.to_string(),
                reason: reason.clone(),
            }),
        }
    }

    fn load_robots(&self, origin: &str, url: &Url) -> RobotsState {
        let robots_url = format!("{origin}/robots.txt");
        let state = match parse_url(&robots_url)
            .and_then(|u| self.follow(&robots_url, u, None, false))
            .and_then(|(r, turn)| self.read(&robots_url, r, turn))
        {
            Ok(page) => RobotsState::Rules(Robots::parse(&page.body, ROBOTS_AGENT)),
            Err(FetchError::Status { status, .. }) if (400..500).contains(&status) => {
                RobotsState::Rules(Robots::allow_all())
            }
            Err(FetchError::Status { status, .. }) => {
                RobotsState::Unavailable(format!("HTTP status {status}"))
            }
            Err(FetchError::TooLarge { .. }) => RobotsState::Rules(Robots::allow_all()),
            Err(e) => {
                let text = e.to_string();
                let reason = text
                    .strip_prefix(e.url())
                    .map(|t| t.trim_start_matches(": "))
                    .unwrap_or(&text);
                RobotsState::Unavailable(reason.to_string())
            }
        };
        if let RobotsState::Rules(robots) = &state {
            if let Some(delay) = robots.crawl_delay {
                let delay = delay.min(MAX_CRAWL_DELAY);
                let mut hosts = lock(&self.hosts);
                let slot = hosts.entry(host_key(url)).or_insert_with(|| HostSlot {
                    active: 0,
                    next_start: Instant::now(),
                    delay: self.config.host_delay.min(MAX_HOST_DELAY),
                });
                slot.delay = slot.delay.max(delay);
            }
        }
        state
    }
}

/// The media type of a `Content-Type` value, lower case, parameters dropped.
fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// A type that says nothing about the body: it is sniffed instead.
fn unknown_type(content_type: &str) -> bool {
    matches!(
        media_type(content_type).as_str(),
        "" | "application/octet-stream" | "binary/octet-stream" | "application/unknown"
    )
}

/// A page, a feed or plain text, or a type that says nothing (sniffed after reading).
fn readable_type(content_type: &str) -> bool {
    let t = media_type(content_type);
    unknown_type(&t)
        || matches!(
            t.as_str(),
            "text/html" | "application/xhtml+xml" | "text/plain" | "text/xml" | "application/xml"
        )
        || t.ends_with("+xml")
}

/// What the first bytes of `body` show it to be when that is not text: a known binary
/// format by its signature, data with NUL bytes (UTF-16 with a byte order mark excepted),
/// or, when the type said nothing (`untyped`), JSON.
fn sniff_binary(body: &[u8], untyped: bool) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 12] = [
        (b"\x89PNG", "a PNG image"),
        (b"GIF8", "a GIF image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"RIFF", "a RIFF file (WebP, WAV, AVI)"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x1F\x8B", "gzip data"),
        (b"BZh", "bzip2 data"),
        (b"\xFD7zXZ", "xz data"),
        (b"OggS", "Ogg media"),
        (b"ID3", "MP3 audio"),
        (b"\x7FELF", "an executable"),
    ];
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| body.starts_with(sig)) {
        return Some(what);
    }
    if body.get(4..8) == Some(b"ftyp") {
        return Some("MP4 media");
    }
    let utf16 = body.starts_with(b"\xFF\xFE") || body.starts_with(b"\xFE\xFF");
    if !utf16 && body.iter().take(1024).any(|&b| b == 0) {
        return Some("binary data (NUL bytes)");
    }
    let start = body.trim_ascii_start();
    if untyped && (start.starts_with(b"{") || start.starts_with(b"[")) {
        return Some("JSON");
    }
    None
}

fn parse_url(url: &str) -> Result<Url, FetchError> {
    let parsed = Url::parse(url).map_err(|e| FetchError::InvalidUrl {
        url: url.to_string(),
        reason: e.to_string(),
    })?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err(FetchError::InvalidUrl {
            url: url.to_string(),
            reason: "only http and https URLs with a host can be fetched".to_string(),
        });
    }
    Ok(parsed)
}

/// `host:port`: the unit of politeness.
fn host_key(url: &Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or_default(),
        url.port_or_known_default().unwrap_or(0)
    )
}

/// An error and its causes, without the URL reqwest puts into its own message.
fn chain(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if parts.last() != Some(&text) {
            parts.push(text);
        }
        source = s.source();
    }
    parts.join(": ")
}

fn request_error(url: &str, e: &reqwest::Error) -> FetchError {
    if e.is_timeout() {
        return FetchError::Timeout {
            url: url.to_string(),
        };
    }
    let reason = if e.is_connect() {
        // The innermost cause says it plainly (refused, DNS lookup failed, TLS ...); the
        // layers above it only name the client's internals.
        let mut cause: &dyn std::error::Error = e;
        while let Some(inner) = cause.source() {
            cause = inner;
        }
        format!("cannot connect: {cause}")
    } else {
        let detail = e.source().map(chain).unwrap_or_else(|| e.to_string());
        format!("request failed: {detail}")
    };
    FetchError::Network {
        url: url.to_string(),
        reason,
    }
}

fn body_error(url: &str, e: &std::io::Error) -> FetchError {
    // The timeout may be any cause down the chain ("error decoding response body: operation
    // timed out" when the server stalls after its headers).
    // (An `io::Error`'s `source` skips the error it wraps: `get_ref` is that error.)
    let mut timed_out = e.kind() == std::io::ErrorKind::TimedOut;
    let mut cause: Option<&(dyn std::error::Error + 'static)> = match e.get_ref() {
        Some(inner) => Some(inner),
        None => std::error::Error::source(e),
    };
    while let Some(c) = cause.filter(|_| !timed_out) {
        timed_out = c
            .downcast_ref::<reqwest::Error>()
            .is_some_and(reqwest::Error::is_timeout)
            || c.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut);
        cause = c.source();
    }
    if timed_out {
        return FetchError::Timeout {
            url: url.to_string(),
        };
    }
    FetchError::Network {
        url: url.to_string(),
        reason: format!("reading the body: {}", chain(e)),
    }
}
