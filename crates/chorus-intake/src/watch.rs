//! `chorus watch`: feeds (and pages) polled on a schedule, each poll's new items stored as
//! one batch and grouped into the stored events.
//!
//! One [`Fetcher`] serves the watcher for its whole life, so per-host delays, robots.txt and
//! the validators of conditional GET last across polls (a feed that has not changed answers
//! `304` and costs no body). A feed that fails is reported and tried again after a delay that
//! doubles with each failure in a row ([`WatchConfig::max_backoff`] at most); it never stops
//! the others. [`Watcher::run`] stops between polls, or after the poll in hand, once its stop
//! flag is set: what a poll read is stored before it ends.

use crate::{Intake, Refreshed};
use chorus_ingest::{ingest_url_with, FetchConfig, Fetcher, IngestConfig, Validators};
use chorus_model::Diagnostic;
use chorus_store::{AddOutcome, Result};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How a [`Watcher`] polls.
#[derive(Debug, Clone)]
pub struct WatchConfig {
    /// Time between the starts of two polls.
    pub every: Duration,
    /// Fetch and extract each new item's page instead of keeping its summary.
    pub fetch_pages: bool,
    /// Longest wait before a failing feed is tried again.
    pub max_backoff: Duration,
    /// How the fetcher behaves (timeouts, per-host delay, user agent).
    pub fetch: FetchConfig,
}

impl Default for WatchConfig {
    fn default() -> Self {
        WatchConfig {
            every: Duration::from_secs(15 * 60),
            fetch_pages: false,
            max_backoff: Duration::from_secs(6 * 60 * 60),
            fetch: FetchConfig::default(),
        }
    }
}

/// What one poll did.
#[derive(Debug, Clone, Default)]
pub struct Poll {
    /// Feeds fetched this poll (those waiting out a back-off are not).
    pub fetched: usize,
    /// Feeds that answered `304 Not Modified`.
    pub not_modified: usize,
    /// Feeds that failed, with why (each also in `diagnostics`).
    pub failed: Vec<Diagnostic>,
    /// Feeds skipped this poll because they failed recently.
    pub backing_off: usize,
    /// What storing the poll's items did: new articles, new versions, unchanged ones.
    pub stored: AddOutcome,
    /// The events' refresh, when something new was stored.
    pub refreshed: Option<Refreshed>,
    /// Every problem met (failed feeds, pages that could not be read).
    pub diagnostics: Vec<Diagnostic>,
    pub elapsed: Duration,
}

struct Feed {
    url: String,
    /// Failures in a row.
    failures: u32,
    /// Not fetched before this.
    next_try: Instant,
}

/// Polls feeds into a collection; see the module documentation.
pub struct Watcher {
    intake: Arc<Intake>,
    fetcher: Fetcher,
    feeds: Vec<Feed>,
    config: WatchConfig,
}

impl Watcher {
    /// A watcher of `feeds` (URLs of feeds or pages) into `intake`'s collection.
    pub fn new(
        intake: Arc<Intake>,
        feeds: Vec<String>,
        config: WatchConfig,
    ) -> std::result::Result<Watcher, chorus_ingest::IngestError> {
        let fetcher = Fetcher::new(config.fetch.clone())
            .map_err(|e| chorus_ingest::IngestError::Fetch(e.to_string()))?;
        let now = Instant::now();
        let feeds = feeds
            .into_iter()
            .map(|url| Feed {
                url,
                failures: 0,
                next_try: now,
            })
            .collect();
        Ok(Watcher {
            intake,
            fetcher,
            feeds,
            config,
        })
    }

    /// The validators of conditional GET, to keep between runs.
    pub fn validators(&self) -> Validators {
        self.fetcher.validators()
    }

    /// Starts from validators kept by an earlier run.
    pub fn set_validators(&self, validators: Validators) {
        self.fetcher.set_validators(validators);
    }

    /// One poll: every feed that is due is fetched, what it holds is stored as one batch,
    /// and the new articles are grouped into the stored events.
    pub fn poll(&mut self) -> Result<Poll> {
        let started = Instant::now();
        let mut poll = Poll::default();
        let config = IngestConfig {
            fetch_pages: self.config.fetch_pages,
            known_page: Some(self.intake.known_page()),
            ..IngestConfig::default()
        };
        let mut articles = Vec::new();
        for feed in &mut self.feeds {
            if feed.next_try > started {
                poll.backing_off += 1;
                continue;
            }
            poll.fetched += 1;
            let got = ingest_url_with(&self.fetcher, &feed.url, &config);
            if got.articles.is_empty() && got.skipped > 0 {
                feed.failures += 1;
                let wait = self
                    .config
                    .every
                    .saturating_mul(1 << feed.failures.min(16))
                    .min(self.config.max_backoff);
                feed.next_try = started + wait;
                let why = got.diagnostics.first().map_or_else(
                    || "nothing could be read".to_string(),
                    |d| d.message.clone(),
                );
                poll.failed.push(Diagnostic {
                    path: feed.url.clone(),
                    message: why,
                });
            } else {
                feed.failures = 0;
                feed.next_try = started;
                if got.articles.is_empty() && got.diagnostics.is_empty() {
                    poll.not_modified += 1;
                }
            }
            poll.diagnostics.extend(got.diagnostics);
            articles.extend(got.articles);
        }
        poll.stored = self.intake.store(&articles)?;
        self.intake
            .collection()
            .add_diagnostics(&poll.diagnostics)?;
        poll.refreshed = self.intake.refresh_if_outdated()?;
        poll.elapsed = started.elapsed();
        Ok(poll)
    }

    /// Polls every [`WatchConfig::every`] until `stop` is set, handing each poll to
    /// `on_poll` (with the watcher, to save its validators). A poll in hand is finished (its articles stored and grouped) before this
    /// returns; an error of the collection ends the watch.
    pub fn run(
        &mut self,
        stop: &AtomicBool,
        on_poll: &mut dyn FnMut(&Poll, &Watcher),
    ) -> Result<()> {
        while !stop.load(Ordering::SeqCst) {
            let started = Instant::now();
            let poll = self.poll()?;
            on_poll(&poll, self);
            let next = started + self.config.every;
            while !stop.load(Ordering::SeqCst) {
                let now = Instant::now();
                if now >= next {
                    break;
                }
                std::thread::sleep((next - now).min(Duration::from_millis(200)));
            }
        }
        Ok(())
    }
}
