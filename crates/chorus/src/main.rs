//! The `chorus` command line: a thin layer that reads inputs, runs the pipeline and renders
//! the report. Exit code 0 when every input was read, 2 when some were skipped, 1 when
//! nothing could be done.

mod collection;
mod similarity;

use anyhow::Result;
use chorus_ingest::{ingest_paths, IngestConfig};
use chorus_pipeline::Config;
use chorus_render::{render_to, Format, RenderConfig};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc: the pipeline allocates many small strings and vectors on every core, where it is
/// markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "chorus",
    version,
    about = "Many outlets, one story: turns news articles into cited event reports."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read everything under the paths and print the events.
    Digest(ReportArgs),
    /// Treat all inputs as one event and print its cited summary, one sentence per line.
    Summarize(ReportArgs),
    /// Print the main text and metadata of HTML pages: one JSON line per page.
    Extract(ExtractArgs),
    /// Are these two articles the same story? Prints their similarity and the verdict.
    Similarity(similarity::SimilarityArgs),
    #[command(flatten)]
    Collection(collection::CollectionCommand),
}

#[derive(clap::Args)]
struct ReportArgs {
    /// Files or directories (.txt, .md, .json, .jsonl, .html, .html.gz, .warc, .warc.gz,
    /// .rss, .atom, .xml), http(s) URLs of pages or feeds; `-` reads stdin (JSON lines, or
    /// one plain-text article when it does not open with `{` or `[`).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// For feeds: fetch and extract each item's page instead of keeping its summary.
    #[arg(long)]
    fetch_pages: bool,
    /// Output format: text, markdown (or md), html, json, or csv (the facts with their
    /// outlets and citations, one row each).
    #[arg(long, short, default_value = "text", value_parser = parse_format)]
    format: Format,
    /// Word budget of each account.
    #[arg(long, default_value_t = 150)]
    words: usize,
    /// Colour in terminal output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

/// Transparent huge pages off for this process. mimalloc asks for them on its regions, and
/// zeroing 2 MiB at the first touch of each costs more than the page faults they save: a
/// digest of 10k generated articles runs 9-12% faster without (median of 9 alternated runs)
/// and a 100k one peaks 2% lower.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    {
        // Only a hint: on a kernel without the flag nothing changes.
        let _ = nix::sys::prctl::set_thp_disable(true);
    }
}

fn main() -> ExitCode {
    no_huge_pages();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("chorus: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let (args, one_event) = match cli.command {
        Command::Digest(a) => (a, false),
        Command::Summarize(a) => (a, true),
        Command::Extract(a) => return run_extract(a),
        Command::Similarity(a) => return similarity::run(a),
        Command::Collection(c) => return collection::run(c),
    };
    let ingest_config = IngestConfig {
        fetch_pages: args.fetch_pages,
        ..IngestConfig::default()
    };
    let ingested = ingest_paths(&args.paths, &ingest_config);
    let skipped = ingested.skipped;
    print_diagnostics(&ingested.diagnostics);
    if ingested.articles.is_empty() {
        eprintln!("chorus: error: no article could be read from the given paths");
        return Ok(ExitCode::from(1));
    }
    let mut config = Config::default();
    config.account.words = args.words;
    let report = if one_event {
        chorus_pipeline::summarize(ingested.articles, ingested.diagnostics, &config)
    } else {
        chorus_pipeline::digest(ingested.articles, ingested.diagnostics, &config)
    };
    let stdout = std::io::stdout();
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let config = RenderConfig {
        color,
        ..RenderConfig::default()
    };
    let mut lock = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = if one_event && args.format == Format::Text {
        lock.write_all(summary_lines(&report).as_bytes())
    } else {
        render_to(&report, args.format, &config, &mut lock)
    };
    if let Err(e) = written.and_then(|_| lock.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e.into());
        }
    }
    // The process ends here: freeing a large report piece by piece would only cost time.
    std::mem::forget(report);
    Ok(if skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// `chorus summarize` in text: the account, one sentence per line, control characters gone.
fn summary_lines(report: &chorus_model::Report) -> String {
    let mut out = String::new();
    for e in &report.events {
        for s in &e.account {
            out.push_str(&plain(&s.text));
            out.push('\n');
        }
    }
    out
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// HTML pages (.html, .htm, .html.gz) or directories holding them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// `json`: one object per page with path, title, byline, published, site_name, language,
    /// canonical_url and text; `text`: the article text only.
    #[arg(long, short, value_enum, default_value_t = ExtractFormat::Json)]
    format: ExtractFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    Json,
    Text,
}

/// `chorus extract`: every page that can be read is printed; the others are named on stderr.
fn run_extract(args: ExtractArgs) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut printed, mut skipped) = (0usize, 0usize);
    let mut write_error = None;
    chorus_ingest::extract_pages(&args.paths, &IngestConfig::default(), |path, page| {
        let shown = path.display().to_string();
        let page = match page {
            Ok(p) => p,
            Err(e) => {
                eprintln!("chorus: {shown}: {e}");
                skipped += 1;
                return;
            }
        };
        if let Some(w) = page.warning() {
            eprintln!("chorus: {shown}: {w}");
        }
        let written = match args.format {
            ExtractFormat::Json => {
                let mut json = page.to_json(&shown);
                // A fetched page is named by its URL, a file by its path.
                if shown.starts_with("http://") || shown.starts_with("https://") {
                    if let Some(o) = json.as_object_mut() {
                        if let Some(v) = o.remove("path") {
                            o.insert("url".into(), v);
                        }
                    }
                }
                writeln!(out, "{json}")
            }
            ExtractFormat::Text if printed > 0 => writeln!(out, "\n{}", page.text),
            ExtractFormat::Text => writeln!(out, "{}", page.text),
        };
        printed += 1;
        if let Err(e) = written {
            write_error.get_or_insert(e);
        }
    });
    if let Some(e) = write_error.or_else(|| out.flush().err()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e.into());
        }
    }
    Ok(match (printed, skipped) {
        (0, _) => ExitCode::from(1),
        (_, 0) => ExitCode::SUCCESS,
        _ => ExitCode::from(2),
    })
}

/// Text from articles or the web for the terminal, on one line: line breaks and tabs become
/// spaces, other control characters (escape sequences) and bidirectional overrides are
/// removed.
pub(crate) fn plain(s: &str) -> String {
    s.chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .filter(|&c| !chorus_model::is_unsafe_to_show(c))
        .collect()
}

/// Each diagnostic on stderr as `chorus: PATH: REASON`, through [`plain`]: a path can come
/// from the web (a WARC record's URL), and a reason can quote what was read.
pub(crate) fn print_diagnostics(diagnostics: &[chorus_model::Diagnostic]) {
    for d in diagnostics {
        eprintln!("chorus: {}: {}", plain(&d.path), plain(&d.message));
    }
}

#[cfg(test)]
mod tests {
    /// Issue #25, item 10: what reaches the terminal from articles loses escape sequences and
    /// bidirectional overrides alike.
    #[test]
    fn issue_25_plain_strips_escapes_and_bidi_controls() {
        let shown = super::plain("Outlet\u{202E}gpj.exe\u{2067}\x1b[31m red\tline\nnext");
        assert_eq!(shown, "Outletgpj.exe[31m red line next");
    }
}
