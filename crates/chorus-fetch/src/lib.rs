//! Articles from the web: feeds (RSS 2.0, Atom, RDF) to [`FeedItem`]s, a polite HTTP
//! [`Fetcher`] (robots.txt, per-host limits, conditional GET), and a streaming [`WarcReader`]
//! for WARC / WARC.gz archives (Common Crawl CC-NEWS) with [`warc_articles`] for their pages.
//!
//! Nothing here prints, reads environment variables or panics on bad input: every problem is
//! a [`FetchError`] or [`WarcError`] naming the URL or record, ready to become a diagnostic.
//!
//! ```
//! let rss = br#"<rss version="2.0"><channel><title>Valley Post</title>
//!   <item><title>Dam holds</title><link>https://valley.example/dam</link>
//!   <description>&lt;p&gt;The dam &lt;b&gt;held&lt;/b&gt;.&lt;/p&gt;</description>
//!   <pubDate>Sun, 08 Dec 2024 10:00:00 GMT</pubDate></item></channel></rss>"#;
//! let items = chorus_fetch::parse_feed(rss, None).unwrap();
//! let article = items[0].to_article();
//! assert_eq!(article.id, "https://valley.example/dam");
//! assert_eq!(article.source, "Valley Post");
//! assert_eq!(article.published.as_deref(), Some("2024-12-08T10:00:00Z"));
//! assert_eq!(article.body, "The dam held.");
//! ```

mod error;
mod feed;
mod fetcher;
mod robots;
mod text;
mod warc;

pub use error::{FetchError, WarcError};
pub use feed::{parse_feed, FeedItem, MAX_FEED_DEPTH};
pub use fetcher::{FetchConfig, Fetched, Fetcher, Page, Validator, Validators, ROBOTS_AGENT};
pub use robots::Robots;
pub use text::html_to_text;
pub use warc::{
    warc_articles, HttpResponse, WarcConfig, WarcPage, WarcPages, WarcReader, WarcRecord,
    DEFAULT_MAX_RECORD_BYTES,
};
