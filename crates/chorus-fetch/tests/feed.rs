//! Feeds to items and articles: RSS 2.0, Atom and RSS 1.0 (RDF), summaries as plain text,
//! sources from the feed title or the host, broken feeds as errors, arbitrary bytes.

use chorus_fetch::{parse_feed, FetchError};
use expect_test::{expect, Expect};
use proptest::prelude::*;

fn check(feed: &str, url: Option<&str>, expect: Expect) {
    let out = match parse_feed(feed.as_bytes(), url) {
        Ok(items) => items
            .iter()
            .map(|item| {
                let a = item.to_article();
                format!(
                    "id={} source={} title={:?} url={:?} published={:?} lang={:?} guid={}\n  {:?}\n",
                    a.id, a.source, a.title, a.url, a.published, a.language, item.id, a.body
                )
            })
            .collect(),
        Err(e) => format!("error: {e}"),
    };
    expect.assert_eq(&out);
}

#[test]
fn rss2_items() {
    check(
        r#"<?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
          <title>Valley Post</title><link>https://valley.example/</link><language>en-gb</language>
          <item>
            <title>Dam holds after &lt;em&gt;record&lt;/em&gt; rain</title>
            <link>https://valley.example/news/dam</link>
            <guid isPermaLink="false">vp-1</guid>
            <pubDate>Sun, 08 Dec 2024 10:00:00 +0100</pubDate>
            <description><![CDATA[<p>The dam held &amp; the town was spared.</p><p>Engineers&nbsp;said so.</p><script>x()</script>]]></description>
          </item>
          <item>
            <title>No link here</title>
            <guid>vp-2</guid>
            <content:encoded><![CDATA[<div>Only <b>content</b>.</div>]]></content:encoded>
          </item>
        </channel></rss>"#,
        Some("https://valley.example/feed.xml"),
        expect![[r#"
            id=https://valley.example/news/dam source=Valley Post title=Some("Dam holds after record rain") url=Some("https://valley.example/news/dam") published=Some("2024-12-08T09:00:00Z") lang=Some("en") guid=vp-1
              "The dam held & the town was spared.\n\nEngineers said so."
            id=vp-2 source=Valley Post title=Some("No link here") url=None published=None lang=Some("en") guid=vp-2
              "Only content."
        "#]],
    );
}

#[test]
fn atom_entries() {
    check(
        r#"<?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr-FR">
          <id>urn:feed</id><updated>2024-12-08T12:00:00Z</updated>
          <entry>
            <id>urn:entry:1</id><title type="html">R&#233;fugi&#233;s &amp;amp; retours</title>
            <link rel="enclosure" href="https://cdn.example/a.mp3"/>
            <link rel="alternate" href="/2024/12/08/retours"/>
            <published>2024-12-08T11:30:00+01:00</published><updated>2024-12-08T12:00:00Z</updated>
            <summary type="html">&lt;p&gt;Des milliers de r&amp;eacute;fugi&amp;eacute;s.&lt;/p&gt;</summary>
          </entry>
          <entry><id>urn:entry:2</id><title>Only updated</title><updated>2024-12-07T08:00:00Z</updated>
            <summary>Plain   text
            summary</summary></entry>
        </feed>"#,
        Some("https://news.example/atom.xml"),
        expect![[r#"
            id=https://news.example/2024/12/08/retours source=news.example title=Some("Réfugiés & retours") url=Some("https://news.example/2024/12/08/retours") published=Some("2024-12-08T10:30:00Z") lang=Some("fr") guid=urn:entry:1
              "Des milliers de réfugiés."
            id=urn:entry:2 source=news.example title=Some("Only updated") url=None published=Some("2024-12-07T08:00:00Z") lang=Some("fr") guid=urn:entry:2
              "Plain text summary"
        "#]],
    );
}

#[test]
fn rdf_items() {
    check(
        r#"<?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://old.example/"><title>Old Wire</title><link>https://old.example/</link></channel>
          <item rdf:about="https://old.example/1"><title>First</title><link>https://old.example/1</link>
            <description>Wire copy.</description><dc:date>2024-12-08T06:00:00Z</dc:date></item>
        </rdf:RDF>"#,
        None,
        expect![[r#"
            id=https://old.example/1 source=Old Wire title=Some("First") url=Some("https://old.example/1") published=Some("2024-12-08T06:00:00Z") lang=None guid=425846b59f8e70c8e294ee098c36c36e
              "Wire copy."
        "#]],
    );
}

#[test]
fn broken_feeds_are_errors_naming_the_feed() {
    check(
        "<html><body>not a feed</body></html>",
        Some("https://x.example/feed"),
        expect![
            "error: https://x.example/feed: not a feed (unable to parse feed: no root element)"
        ],
    );
    check(
        "",
        None,
        expect!["error: feed: not a feed (unable to parse feed: no root element)"],
    );
    assert!(matches!(
        parse_feed(b"<rss><channel><item><title>x", None),
        Err(FetchError::Feed { .. }) | Ok(_)
    ));
}

/// `feed-rs` recurses once per level of nested `media:group` (in an item) and
/// `itunes:category` (in the channel): 60,000 levels, still within its XML reader's own limit,
/// overflowed the stack and aborted the run. Deeper than [`chorus_fetch::MAX_FEED_DEPTH`] is
/// an error naming the feed; that deep (an XHTML summary of nested blocks) is still read.
#[test]
fn feeds_nested_too_deep_are_errors_not_a_stack_overflow() {
    let deep = |open: &str, close: &str, n: usize, channel: bool| {
        let nest = format!("{}{}", open.repeat(n), close.repeat(n));
        let (in_channel, in_item) = if channel {
            (nest.as_str(), "")
        } else {
            ("", nest.as_str())
        };
        format!(
            "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\" \
             xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"><channel><title>T</title>\
             {in_channel}<item><link>https://x.example/1</link>{in_item}\
             <description>The pier closed.</description></item></channel></rss>"
        )
    };
    let group = ("<media:group>", "</media:group>", false);
    let category = ("<itunes:category text=\"a\">", "</itunes:category>", true);
    for (open, close, channel) in [group, category] {
        let feed = deep(open, close, 60_000, channel);
        let err = parse_feed(feed.as_bytes(), Some("https://x.example/feed")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "https://x.example/feed: not a feed (elements nested deeper than 512)"
        );
        // The limit counts rss, channel (and item): those nestings up to it still read.
        let depth = chorus_fetch::MAX_FEED_DEPTH - 3;
        let items = parse_feed(deep(open, close, depth, channel).as_bytes(), None).unwrap();
        assert_eq!(items[0].summary, "The pier closed.");
    }
    let atom = format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><entry><id>1</id>\
         <title>t</title><summary type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">\
         {}The pier closed.{}</div></summary></entry></feed>",
        "<div>".repeat(100),
        "</div>".repeat(100)
    );
    let items = parse_feed(atom.as_bytes(), None).unwrap();
    assert_eq!(items[0].summary, "The pier closed.");
}

/// A bare "&" in one title, or a reference to no character in one summary, made the XML
/// reader refuse the whole feed: every item was lost. They are repaired and the feed read.
#[test]
fn a_bare_ampersand_or_a_bad_reference_costs_no_item() {
    let feed = "<rss version=\"2.0\"><channel><title>Wire &amp; Co</title>\
        <item><title>AT&T cuts jobs</title><link>https://x.example/1</link>\
        <description>AT&T said &#x41;; &#xD800;&#0;&#99999999; Q&A &nbsp;</description></item>\
        <item><title>Pier</title><link>https://x.example/2</link>\
        <description>The pier &lt;b&gt;closed&lt;/b&gt;.</description></item></channel></rss>";
    let items = parse_feed(feed.as_bytes(), None).unwrap();
    let got: Vec<(String, String, String)> = items
        .iter()
        .map(|i| {
            (
                i.source.clone(),
                i.title.clone().unwrap_or_default(),
                i.summary.clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Wire & Co".to_string(),
                "AT&T cuts jobs".to_string(),
                "AT&T said A; \u{FFFD}\u{FFFD}\u{FFFD} Q&A".to_string()
            ),
            (
                "Wire & Co".to_string(),
                "Pier".to_string(),
                "The pier closed.".to_string()
            )
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..500)) {
        let _ = parse_feed(&bytes, None);
        let mut rss = b"<rss version=\"2.0\"><channel><item><description>".to_vec();
        rss.extend_from_slice(&bytes);
        let _ = parse_feed(&rss, Some("https://x.example/"));
    }

    #[test]
    fn arbitrary_summaries_never_panic(text in ".{0,300}") {
        let _ = chorus_fetch::html_to_text(&text);
    }
}
