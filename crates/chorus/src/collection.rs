//! The subcommands on a persistent collection (`ingest`, `events`, `show`, `search`,
//! `entities`, `stats`, `serve`): open the data directory, call `chorus-store` (and
//! `chorus-web` for `serve`), print. Everything article-derived printed to the terminal is
//! stripped of control characters.

use crate::{plain, print_diagnostics};
use anyhow::{Context, Result};
use chorus_ingest::IngestConfig;
use chorus_intake::watch::{Poll, WatchConfig, Watcher};
use chorus_intake::{Grouping, Intake};
use chorus_render::{render, Format, RenderConfig};
use chorus_store::{Collection, EventFilter, EventOrder, OpenOptions, PgStore, Store, StoreError};
use clap::{Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Problems an ingest prints one by one before it only counts them.
const SHOWN_PROBLEMS: usize = 10;

#[derive(Subcommand)]
pub(crate) enum CollectionCommand {
    /// Store articles in the collection (a data directory) and recompute its events.
    Ingest(IngestArgs),
    /// List the events of the collection, largest first.
    Events(EventsArgs),
    /// Print one event of the collection.
    Show(ShowArgs),
    /// Full-text search over the articles of the collection.
    Search(SearchArgs),
    /// List the people, organisations and places of the collection.
    Entities(ListArgs),
    /// Count what the collection holds.
    Stats(ListArgs),
    /// Serve the collection as web pages and a JSON API.
    Serve(ServeArgs),
    /// Poll feeds (or pages) on a schedule into the collection until stopped (Ctrl-C).
    Watch(WatchArgs),
}

#[derive(clap::Args)]
pub(crate) struct DataArgs {
    /// The collection's data directory.
    #[arg(long, env = "CHORUS_DATA", default_value = "chorus-data")]
    data_dir: PathBuf,
    /// Keep the collection in this PostgreSQL database instead of the data directory
    /// (postgres://user[:password]@host[:port]/database, `?schema=NAME` for a schema of its
    /// own); shared by any number of `ingest`, `watch` and `serve` processes at once.
    #[arg(long, env = "CHORUS_DATABASE_URL", value_name = "URL")]
    database_url: Option<String>,
}

impl DataArgs {
    /// Where the collection is, for messages.
    fn place(&self) -> String {
        match &self.database_url {
            Some(url) => PgStore::describe(url),
            None => self.data_dir.display().to_string(),
        }
    }
}

#[derive(clap::Args)]
pub(crate) struct IngestArgs {
    /// Files or directories (.txt, .md, .json, .jsonl, .html, .html.gz, .warc, .warc.gz,
    /// .rss, .atom, .xml), http(s) URLs of pages or feeds; `-` reads JSONL from stdin.
    #[arg(required_unless_present = "regroup")]
    paths: Vec<PathBuf>,
    /// For feeds: fetch and extract each item's page instead of keeping its summary.
    #[arg(long)]
    fetch_pages: bool,
    /// Group the whole collection into events again from scratch, instead of adding the new
    /// articles to the stored events (which only repairs the events they touch). Without
    /// paths, only regroups.
    #[arg(long)]
    regroup: bool,
    /// Print where the time went (reading and storing, then each step of computing events)
    /// on standard error.
    #[arg(long)]
    timings: bool,
    #[command(flatten)]
    window: WindowArgs,
    #[command(flatten)]
    data: DataArgs,
}

#[derive(clap::Args)]
pub(crate) struct WindowArgs {
    /// An event whose newest article is more than this many days older than the
    /// collection's newest is closed: new articles no longer join it (unless dated inside
    /// its span or this many days after it) and it is not computed again. 0 keeps every
    /// event open.
    #[arg(long, value_name = "DAYS", default_value_t = chorus_intake::DEFAULT_OPEN_DAYS)]
    open_days: u32,
}

impl WindowArgs {
    /// The intake over `store` with this window.
    fn intake(&self, store: Arc<dyn Collection>) -> Intake {
        Intake::new(store, chorus_pipeline::Config::default())
            .with_open_days((self.open_days > 0).then_some(self.open_days))
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Order {
    Largest,
    Newest,
}

#[derive(clap::Args)]
pub(crate) struct EventsArgs {
    /// Only events with an article published on or after this date (e.g. 2024-12-08).
    #[arg(long)]
    since: Option<String>,
    /// Only events covered by this outlet (case-insensitive).
    #[arg(long)]
    source: Option<String>,
    /// Only events involving this person, organisation or place (name or alias).
    #[arg(long)]
    entity: Option<String>,
    /// Largest events first, or those with the newest article first.
    #[arg(long, value_enum, default_value_t = Order::Largest)]
    order: Order,
    /// Most events listed.
    #[arg(long)]
    limit: Option<usize>,
    /// Output format: text (one line per event) or json.
    #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
    #[command(flatten)]
    data: DataArgs,
}

#[derive(clap::Args)]
pub(crate) struct ShowArgs {
    /// An event id as `chorus events` lists it (e.g. e3).
    event: String,
    /// Output format: text, markdown (or md), html, json, or csv (the facts with their
    /// outlets and citations, one row each).
    #[arg(long, short, default_value = "text", value_parser = parse_format)]
    format: Format,
    #[command(flatten)]
    data: DataArgs,
}

#[derive(clap::Args)]
pub(crate) struct SearchArgs {
    /// Words to look for in titles and bodies, all of them (stemmed) unless `OR` stands
    /// between two (`"a phrase"`, `+must`, `-not` work).
    #[arg(required = true)]
    query: Vec<String>,
    /// Most articles listed.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Output format: text (each hit with its snippet) or json.
    #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
    #[command(flatten)]
    data: DataArgs,
}

#[derive(clap::Args)]
pub(crate) struct ListArgs {
    /// Output format: text or json.
    #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
    #[command(flatten)]
    data: DataArgs,
}

#[derive(clap::Args)]
pub(crate) struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    bind: String,
    /// Also poll these feeds into the collection while serving (a file listing one URL per
    /// line, or a URL; repeatable); `--every` and `--fetch-pages` as for `chorus watch`.
    #[arg(long = "watch", value_name = "FEEDS")]
    feeds: Vec<String>,
    #[command(flatten)]
    poll: PollArgs,
    /// The address readers reach the site at (e.g. https://news.example.org), for the
    /// absolute links of Atom feeds; without it they are made from the request's Host.
    #[arg(long)]
    public_url: Option<String>,
    #[command(flatten)]
    data: DataArgs,
}

#[derive(clap::Args)]
pub(crate) struct WatchArgs {
    /// Feeds or pages to poll: http(s) URLs, or files listing one URL per line (blank
    /// lines and lines starting with `#` are skipped).
    #[arg(required = true, value_name = "FEEDS|URL")]
    feeds: Vec<String>,
    #[command(flatten)]
    poll: PollArgs,
    #[command(flatten)]
    data: DataArgs,
}

#[derive(clap::Args)]
pub(crate) struct PollArgs {
    /// Time between two polls (e.g. 90s, 15m, 1h).
    #[arg(long, default_value = "15m", value_parser = parse_every)]
    every: Duration,
    /// Fetch and extract each new item's page instead of keeping its summary.
    #[arg(long)]
    fetch_pages: bool,
    #[command(flatten)]
    window: WindowArgs,
}

fn parse_every(s: &str) -> Result<Duration, String> {
    let d = humantime::parse_duration(s).map_err(|e| format!("{e} (try 90s, 15m or 1h)"))?;
    if d < Duration::from_secs(1) {
        return Err("polling more than once a second is not allowed".into());
    }
    Ok(d)
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

pub(crate) fn run(command: CollectionCommand) -> Result<ExitCode> {
    match command {
        CollectionCommand::Ingest(a) => ingest(a),
        CollectionCommand::Events(a) => events(a),
        CollectionCommand::Show(a) => show(a),
        CollectionCommand::Search(a) => search(a),
        CollectionCommand::Entities(a) => entities(a),
        CollectionCommand::Stats(a) => stats(a),
        CollectionCommand::Serve(a) => serve(a),
        CollectionCommand::Watch(a) => watch(a),
    }
}

fn busy(dir: &Path) -> ExitCode {
    eprintln!(
        "chorus: error: data directory is busy: {} is being written by another chorus process\n\
         hint: wait for it to finish, or pass another --data-dir",
        dir.display()
    );
    ExitCode::from(1)
}

/// The error for a data directory that holds no collection.
fn no_collection(dir: &Path) -> anyhow::Error {
    anyhow::anyhow!(
        "no collection at {}\nhint: run `chorus ingest PATH...` first, or pass --data-dir \
         (or set CHORUS_DATA)",
        dir.display()
    )
}

/// Opens an existing collection for reading (and writing, when the lock is free).
fn open_existing(data: &DataArgs) -> Result<Arc<dyn Collection>> {
    match open_collection(data, &OpenOptions::default())? {
        Some(store) => Ok(store),
        None => Err(anyhow::anyhow!(
            "data directory is busy: {}",
            data.data_dir.display()
        )),
    }
}

/// The one place the binary opens a collection: the PostgreSQL database of
/// `--database-url` (or `CHORUS_DATABASE_URL`) when given, which is shared and never busy,
/// else the data directory with `options`. `None` when the data directory is busy (the
/// message is printed).
fn open_collection(data: &DataArgs, options: &OpenOptions) -> Result<Option<Arc<dyn Collection>>> {
    if let Some(url) = &data.database_url {
        let store = PgStore::open(url).with_context(|| format!("opening {}", data.place()))?;
        return Ok(Some(Arc::new(store)));
    }
    let dir = &data.data_dir;
    match Store::open(dir, options) {
        Err(StoreError::Busy(_)) => {
            busy(dir);
            Ok(None)
        }
        Err(StoreError::NotFound(dir)) => Err(no_collection(&dir)),
        other => Ok(Some(Arc::new(
            other.with_context(|| format!("opening {}", dir.display()))?,
        ))),
    }
}

/// Opens the collection in `dir`, which must exist.
pub(crate) fn open_dir(dir: &Path) -> Result<Store> {
    match Store::open(dir, &OpenOptions::default()) {
        Err(StoreError::NotFound(dir)) => Err(no_collection(&dir)),
        other => other.with_context(|| format!("opening {}", dir.display())),
    }
}

fn out(text: &str) -> Result<()> {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    match lock.write_all(text.as_bytes()).and_then(|_| lock.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

fn json_line<T: serde::Serialize>(value: &T) -> Result<()> {
    let mut s = serde_json::to_string_pretty(value)?;
    s.push('\n');
    out(&s)
}

fn spinner(message: &'static str) -> ProgressBar {
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(None, target).with_message(message);
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

fn ingest(args: IngestArgs) -> Result<ExitCode> {
    let options = OpenOptions {
        // Regrouping alone needs a collection to regroup.
        create: !args.paths.is_empty(),
        exclusive: true,
    };
    let Some(store) = open_collection(&args.data, &options)? else {
        return Ok(ExitCode::from(1));
    };
    let keeper = Keeper::of(&args.data, Arc::clone(&store));
    let intake = args.window.intake(store);
    if args.paths.is_empty() {
        return regroup(&intake, args.timings);
    }
    let started = std::time::Instant::now();
    // Re-polling a feed sends If-None-Match / If-Modified-Since from the last run: kept in
    // the data directory, or, for a collection in a database, in a file for this run only,
    // read from the database before and written back after.
    let validators_file = keeper.file_for_run()?;
    let ingest_config = IngestConfig {
        fetch_pages: args.fetch_pages,
        validators: Some(validators_file.path().to_path_buf()),
        known_page: Some(intake.known_page()),
        ..IngestConfig::default()
    };
    let reading = spinner("reading");
    // The first problems are shown as met; past those, a count (a directory of hundreds of
    // unusable files would otherwise bury the result). All are stored with the collection.
    let (mut shown, mut more) = (0usize, 0usize);
    let read = intake.read_paths(&args.paths, &ingest_config, &mut |part, so_far| {
        let room = SHOWN_PROBLEMS
            .saturating_sub(shown)
            .min(part.diagnostics.len());
        let (now, later) = part.diagnostics.split_at(room);
        reading.suspend(|| print_diagnostics(now));
        shown += now.len();
        more += later.len();
        reading.set_message(format!("read {} articles", so_far.articles));
    })?;
    reading.finish_and_clear();
    keeper.keep_run(&validators_file);
    if more > 0 {
        eprintln!(
            "chorus: … and {more} more {}; all are stored with the collection (`chorus stats` \
             counts them)",
            if more == 1 { "problem" } else { "problems" }
        );
    }
    if read.articles == 0 && read.skipped == 0 {
        // Every URL answered "not modified" (or every input was empty of news): nothing new.
        eprintln!("chorus: nothing new to store");
        return Ok(ExitCode::SUCCESS);
    }
    if read.articles == 0 {
        eprintln!("chorus: error: no article could be read from the given paths");
        return Ok(ExitCode::from(1));
    }
    let total = read.stored;
    if args.timings {
        eprintln!(
            "chorus: read and stored {} articles in {:.2} s",
            read.articles,
            started.elapsed().as_secs_f64()
        );
    }
    let computing = spinner("computing events");
    let refreshed = if args.regroup {
        Some(intake.refresh(Grouping::Regroup)?)
    } else {
        intake.refresh_if_outdated()?
    };
    computing.finish_and_clear();
    if let Some(r) = &refreshed {
        if args.timings {
            print_phases(&r.phases);
        }
        warn_settings(r);
    }
    let stats = intake.collection().stats()?;
    let events = refreshed.map_or(stats.events, |r| r.events);
    out(&format!(
        "stored {} articles: {} new, {} unchanged, {} new versions; the collection has {} \
         articles in {} events\n",
        read.articles, total.added, total.unchanged, total.new_versions, stats.articles, events
    ))?;
    Ok(if read.skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// `chorus ingest --regroup` without paths: the stored articles grouped again from scratch.
fn regroup(intake: &Intake, timings: bool) -> Result<ExitCode> {
    let computing = spinner("computing events");
    let refreshed = intake.refresh(Grouping::Regroup)?;
    computing.finish_and_clear();
    if timings {
        print_phases(&refreshed.phases);
    }
    out(&format!(
        "regrouped {} articles into {} events\n",
        refreshed.articles, refreshed.events
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// Says when the stored events were computed with other settings than this build's.
fn warn_settings(refreshed: &chorus_intake::Refreshed) {
    if refreshed.settings_changed {
        eprintln!(
            "chorus: warning: the stored events were computed with other settings than this \
             build's; only the events new articles reach follow the new ones\n\
             hint: `chorus ingest --regroup` computes every event again"
        );
    }
}

/// `--timings`: each step of computing the events, on standard error.
fn print_phases(phases: &chorus_intake::RefreshPhases) {
    let named = phases.named();
    let total: f64 = named.iter().map(|(_, d)| d.as_secs_f64()).sum();
    let steps: Vec<String> = named
        .iter()
        .map(|(name, d)| format!("{name} {:.2} s", d.as_secs_f64()))
        .collect();
    eprintln!(
        "chorus: computed events in {total:.2} s: {}",
        steps.join(", ")
    );
}

fn span(first: Option<&str>, last: Option<&str>) -> String {
    let day = |d: &str| d.get(..10).unwrap_or(d).to_string();
    match (first, last) {
        (Some(a), Some(b)) if day(a) == day(b) => day(a),
        (Some(a), Some(b)) => format!("{}..{}", day(a), day(b)),
        (Some(a), None) | (None, Some(a)) => day(a),
        (None, None) => "undated".into(),
    }
}

fn events(args: EventsArgs) -> Result<ExitCode> {
    let since = match &args.since {
        Some(s) => Some(chorus_ingest::normalize_date(s).with_context(|| {
            format!("invalid --since value {s:?}\nhint: use a date such as 2024-12-08")
        })?),
        None => None,
    };
    let store = open_existing(&args.data)?;
    let filter = EventFilter {
        since,
        source: args.source,
        entity: args.entity,
        order: match args.order {
            Order::Largest => EventOrder::Largest,
            Order::Newest => EventOrder::Newest,
        },
        limit: args.limit,
        ..EventFilter::default()
    };
    let list = store.events(&filter)?;
    if args.format == ListFormat::Json {
        json_line(&list)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut text = String::new();
    for e in &list {
        text.push_str(&format!(
            "{:<6} {:<22} {:>3} articles {:>3} outlets  {}\n",
            e.id,
            span(e.first_published.as_deref(), e.last_published.as_deref()),
            e.size,
            e.sources.len(),
            plain(&e.title)
        ));
    }
    if list.is_empty() {
        eprintln!("chorus: no events match");
    }
    out(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn show(args: ShowArgs) -> Result<ExitCode> {
    let store = open_existing(&args.data)?;
    let Some(report) = store.event_report(&args.event)? else {
        eprintln!(
            "chorus: error: no event {:?} in {}\nhint: `chorus events` lists the event ids",
            plain(&args.event),
            args.data.place()
        );
        return Ok(ExitCode::from(1));
    };
    let color = args.format == Format::Text
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    out(&render(
        &report,
        args.format,
        &RenderConfig {
            color,
            ..RenderConfig::default()
        },
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn search(args: SearchArgs) -> Result<ExitCode> {
    let store = open_existing(&args.data)?;
    let query = args.query.join(" ");
    let hits = store.search(&query, args.limit)?;
    if args.format == ListFormat::Json {
        json_line(&hits)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut text = String::new();
    for h in &hits {
        text.push_str(&format!(
            "{}  {}  {}  {}\n",
            plain(&h.article),
            plain(&h.source),
            h.published
                .as_deref()
                .map_or("undated", |d| d.get(..10).unwrap_or(d)),
            plain(h.title.as_deref().unwrap_or("(untitled)"))
        ));
        // Matched terms in [brackets]: visible without colour.
        let mut marked = String::new();
        let mut at = 0;
        for r in &h.highlights {
            if r.start < at || r.end > h.snippet.len() {
                continue;
            }
            marked.push_str(h.snippet.get(at..r.start).unwrap_or(""));
            marked.push('[');
            marked.push_str(h.snippet.get(r.clone()).unwrap_or(""));
            marked.push(']');
            at = r.end;
        }
        marked.push_str(h.snippet.get(at..).unwrap_or(""));
        text.push_str(&format!("    {}\n", plain(&marked)));
    }
    if hits.is_empty() {
        eprintln!("chorus: no article matches {:?}", plain(&query));
    }
    out(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn entities(args: ListArgs) -> Result<ExitCode> {
    let store = open_existing(&args.data)?;
    let list = store.entities()?;
    if args.format == ListFormat::Json {
        json_line(&list)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut text = String::new();
    for e in &list {
        let aliases = if e.aliases.is_empty() {
            String::new()
        } else {
            format!(" (also {})", plain(&e.aliases.join(", ")))
        };
        text.push_str(&format!(
            "{:<13} {}{}  {} events, {} mentions\n",
            e.kind.as_str(),
            plain(&e.name),
            aliases,
            e.events.len(),
            e.mentions
        ));
    }
    out(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn stats(args: ListArgs) -> Result<ExitCode> {
    let store = open_existing(&args.data)?;
    let s = store.stats()?;
    if args.format == ListFormat::Json {
        json_line(&s)?;
        return Ok(ExitCode::SUCCESS);
    }
    out(&format!(
        "backend      {}\narticles     {}\nversions     {}\nevents       {}\nin no event  {}\nentities     {}\n\
         outlets      {}\ndiagnostics  {}\nindexed      {}\n",
        plain(&store.backend()),
        s.articles,
        s.versions,
        s.events,
        s.without_event,
        s.entities,
        s.sources,
        s.diagnostics,
        s.indexed
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn serve(args: ServeArgs) -> Result<ExitCode> {
    let store = open_existing(&args.data)?;
    let keeper = Keeper::of(&args.data, Arc::clone(&store));
    let intake = Arc::new(args.poll.window.intake(store));
    // `--watch`: a poller beside the server, on a thread of its own; reads never wait on it
    // (SQLite in WAL mode), and a POST is grouped by the same intake, one refresh at a time.
    let stop = Arc::new(AtomicBool::new(false));
    let watcher = if args.feeds.is_empty() {
        None
    } else {
        let mut watcher = watcher(&args.feeds, &args.poll, &keeper, Arc::clone(&intake))?;
        let stop = Arc::clone(&stop);
        Some(std::thread::spawn(move || {
            run_watcher(&mut watcher, &stop, &keeper)
        }))
    };
    let state = chorus_web::AppState::with_intake(
        intake,
        chorus_web::WebConfig {
            public_url: args.public_url.clone(),
            ..chorus_web::WebConfig::default()
        },
    );
    let runtime = tokio::runtime::Runtime::new().context("starting the server runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&args.bind)
            .await
            .with_context(|| format!("cannot listen on {}", args.bind))?;
        let addr = listener.local_addr()?;
        // Tests and scripts read this line to find the port (`--bind 127.0.0.1:0`).
        println!("chorus: serving {} on http://{addr}/", args.data.place());
        eprintln!("chorus: press Ctrl-C to stop");
        chorus_web::serve_until(listener, state, stop_signal()).await?;
        anyhow::Ok(())
    })?;
    stop.store(true, Ordering::SeqCst);
    if let Some(w) = watcher {
        eprintln!("chorus: finishing the poll in hand");
        w.join()
            .map_err(|_| anyhow::anyhow!("the watcher stopped unexpectedly"))??;
    }
    Ok(ExitCode::SUCCESS)
}

/// Completes at Ctrl-C or, on Unix, SIGTERM.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// A flag set at the first Ctrl-C or SIGTERM; the second one ends the process at once.
fn stop_flag() -> Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the signal handler")?;
    std::thread::spawn(move || {
        runtime.block_on(async {
            stop_signal().await;
            flag.store(true, Ordering::SeqCst);
            eprintln!("chorus: stopping after the poll in hand (again to quit at once)");
            stop_signal().await;
            std::process::exit(130);
        })
    });
    Ok(stop)
}

/// The URLs `feeds` names: URLs as given, files read for one URL per line.
fn feed_urls(feeds: &[String]) -> Result<Vec<String>> {
    let mut urls = Vec::new();
    for f in feeds {
        let lower = f.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            urls.push(f.clone());
            continue;
        }
        let text =
            std::fs::read_to_string(f).with_context(|| format!("cannot read the feed list {f}"))?;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let lower = line.to_ascii_lowercase();
            if !(lower.starts_with("http://") || lower.starts_with("https://")) {
                anyhow::bail!(
                    "{f}:{}: not an http(s) URL: {}\nhint: list one feed URL per line",
                    n + 1,
                    plain(line)
                );
            }
            urls.push(line.to_string());
        }
    }
    if urls.is_empty() {
        anyhow::bail!("no feed to watch\nhint: give feed URLs, or a file listing them");
    }
    urls.dedup();
    Ok(urls)
}

const VALIDATORS: &str = "http-validators.json";
/// The setting a collection in a database keeps the validators in.
const VALIDATORS_SETTING: &str = "http-validators";

/// Where the HTTP validators of fetched feeds and pages are kept between runs: a file in the
/// data directory, or a setting of a collection in a database (which has no directory).
enum Keeper {
    File(PathBuf),
    Setting(Arc<dyn Collection>),
}

impl Keeper {
    fn of(data: &DataArgs, store: Arc<dyn Collection>) -> Keeper {
        match data.database_url {
            Some(_) => Keeper::Setting(store),
            None => Keeper::File(data.data_dir.join(VALIDATORS)),
        }
    }

    fn shown(&self) -> String {
        match self {
            Keeper::File(path) => path.display().to_string(),
            Keeper::Setting(_) => format!("the database's {VALIDATORS_SETTING} setting"),
        }
    }

    /// The kept validators as JSON (`None` when none are kept).
    fn load(&self) -> Result<Option<String>> {
        match self {
            Keeper::File(path) => match std::fs::read_to_string(path) {
                Ok(text) => Ok(Some(text)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(e.into()),
            },
            Keeper::Setting(store) => Ok(store.setting(VALIDATORS_SETTING)?),
        }
    }

    fn save(&self, json: &str) -> Result<()> {
        match self {
            Keeper::File(path) => {
                let tmp = path.with_extension("json.tmp");
                std::fs::write(&tmp, json)?;
                std::fs::rename(&tmp, path)?;
            }
            Keeper::Setting(store) => store.set_setting(VALIDATORS_SETTING, json)?,
        }
        Ok(())
    }

    /// The file an ingest reads and writes them in: the kept one, or a scratch copy of the
    /// setting.
    fn file_for_run(&self) -> Result<RunFile> {
        match self {
            Keeper::File(path) => Ok(RunFile::Kept(path.clone())),
            Keeper::Setting(_) => {
                let nanos = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.subsec_nanos());
                let path = std::env::temp_dir().join(format!(
                    "chorus-validators-{}-{nanos}.json",
                    std::process::id()
                ));
                let file = RunFile::Scratch(path);
                if let Some(json) = self.load()? {
                    std::fs::write(file.path(), json)?;
                }
                Ok(file)
            }
        }
    }

    /// Keeps what a run left in its scratch file (a kept file is already in place).
    fn keep_run(&self, file: &RunFile) {
        let RunFile::Scratch(path) = file else {
            return;
        };
        let saved = match std::fs::read_to_string(path) {
            Ok(json) => self.save(&json),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e.into()),
        };
        if let Err(e) = saved {
            eprintln!(
                "chorus: warning: {}: cannot save HTTP validators: {e:#}",
                self.shown()
            );
        }
    }
}

/// The validators file of one ingest.
enum RunFile {
    Kept(PathBuf),
    /// A copy in the temporary directory, removed when dropped.
    Scratch(PathBuf),
}

impl RunFile {
    fn path(&self) -> &Path {
        match self {
            RunFile::Kept(p) | RunFile::Scratch(p) => p,
        }
    }
}

impl Drop for RunFile {
    fn drop(&mut self) {
        if let RunFile::Scratch(path) = self {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn watcher(
    feeds: &[String],
    poll: &PollArgs,
    keeper: &Keeper,
    intake: Arc<Intake>,
) -> Result<Watcher> {
    let urls = feed_urls(feeds)?;
    let config = WatchConfig {
        every: poll.every,
        fetch_pages: poll.fetch_pages,
        ..WatchConfig::default()
    };
    let watcher = Watcher::new(intake, urls, config)?;
    // Conditional GET from where the last run (or `chorus ingest` of the URLs) left off.
    match keeper.load() {
        Ok(Some(text)) => match chorus_ingest::Validators::from_json(&text) {
            Ok(v) => watcher.set_validators(v),
            Err(e) => eprintln!(
                "chorus: warning: {}: ignoring saved HTTP validators: {e}",
                keeper.shown()
            ),
        },
        Ok(None) => {}
        Err(e) => eprintln!("chorus: warning: {}: {e:#}", keeper.shown()),
    }
    Ok(watcher)
}

/// Polls until `stop`, a line per poll on standard output, the validators saved after each.
fn run_watcher(watcher: &mut Watcher, stop: &AtomicBool, keeper: &Keeper) -> Result<()> {
    let mut n = 0;
    watcher.run(stop, &mut |poll, watcher| {
        n += 1;
        print_diagnostics(&poll.diagnostics);
        let _ = out(&poll_line(n, poll));
        if let Some(r) = poll.refreshed.as_ref().filter(|_| n == 1) {
            warn_settings(r);
        }
        if let Err(e) = keeper.save(&watcher.validators().to_json()) {
            eprintln!(
                "chorus: warning: {}: cannot save HTTP validators: {e:#}",
                keeper.shown()
            );
        }
    })?;
    Ok(())
}

/// One line per poll: what was fetched, stored and grouped, and how long it took.
fn poll_line(n: usize, poll: &Poll) -> String {
    let mut feeds = format!("{} fetched", poll.fetched);
    if poll.not_modified > 0 {
        feeds.push_str(&format!(", {} not modified", poll.not_modified));
    }
    if !poll.failed.is_empty() {
        feeds.push_str(&format!(", {} failed", poll.failed.len()));
    }
    if poll.backing_off > 0 {
        feeds.push_str(&format!(", {} waiting after failures", poll.backing_off));
    }
    let s = &poll.stored;
    let events = poll.refreshed.map_or(String::new(), |r| {
        format!("; {} articles in {} events", r.articles, r.events)
    });
    format!(
        "poll {n}: feeds {feeds}; {} new, {} changed, {} unchanged{events}; {:.1} s\n",
        s.added,
        s.new_versions,
        s.unchanged,
        poll.elapsed.as_secs_f64()
    )
}

fn watch(args: WatchArgs) -> Result<ExitCode> {
    let options = OpenOptions {
        create: true,
        // Each write takes the directory's lock for itself, so `chorus ingest` and
        // `serve` can write between polls.
        exclusive: false,
    };
    let Some(store) = open_collection(&args.data, &options)? else {
        return Ok(ExitCode::from(1));
    };
    let keeper = Keeper::of(&args.data, Arc::clone(&store));
    let intake = Arc::new(args.poll.window.intake(store));
    let mut watcher = watcher(&args.feeds, &args.poll, &keeper, intake)?;
    let stop = stop_flag()?;
    eprintln!(
        "chorus: watching into {} every {}; press Ctrl-C to stop",
        args.data.place(),
        humantime::format_duration(args.poll.every)
    );
    run_watcher(&mut watcher, &stop, &keeper)?;
    Ok(ExitCode::SUCCESS)
}
