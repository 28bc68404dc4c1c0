//! Whole-report tests: one hand-built report snapshotted in every format, and hostile report
//! text that must not reach a terminal, a browser or a Markdown renderer as markup.

use crate::{render, render_to, text, Format, RenderConfig};
use chorus_model::{
    AccountSentence, Citation, CorroboratedFact, Diagnostic, Difference, Entity, EntityKind, Event,
    EventMember, Quote, RemovalKind, Report, ReportArticle, ReportRemoval, SingleSourceFact,
    Version,
};
use expect_test::{expect, expect_file, Expect, ExpectFile};

fn cite(article: &str, start: usize, end: usize) -> Citation {
    Citation {
        article: article.to_owned(),
        start,
        end,
        source_start: Some(start + 40),
        source_end: Some(end + 40),
        support: None,
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn article(id: &str, source: &str, published: &str, removed: Vec<ReportRemoval>) -> ReportArticle {
    ReportArticle {
        id: id.to_owned(),
        path: Some(format!("seeds/{id}.txt")),
        source: source.to_owned(),
        title: Some(format!("{source} on the story")),
        url: Some(format!("https://{id}.example/story")),
        published: Some(published.to_owned()),
        language: Some("en".to_owned()),
        text: "Assad and his family arrived in Moscow.".to_owned(),
        removed,
        source_decoded_from: None,
    }
}

fn removal(kind: RemovalKind, text: &str, reason: &str) -> ReportRemoval {
    ReportRemoval {
        kind,
        text: text.to_owned(),
        reason: reason.to_owned(),
    }
}

fn event(id: &str, title: &str, articles: &[&str], sources: &[&str]) -> Event {
    Event {
        id: id.to_owned(),
        title: title.to_owned(),
        articles: strings(articles),
        sources: strings(sources),
        first_published: None,
        last_published: None,
        members: articles
            .iter()
            .map(|a| EventMember {
                article: (*a).to_owned(),
                similarity: 1.0,
                duplicate_of: None,
                duplicate: None,
            })
            .collect(),
        shared_terms: Vec::new(),
        shared_names: vec![],
        specifics: vec![],
        account: Vec::new(),
        corroborated: Vec::new(),
        single_source: Vec::new(),
        differences: Vec::new(),
        quotes: Vec::new(),
        entities: Vec::new(),
    }
}

/// Two events: one with every section filled, one with nothing but its article.
fn sample() -> Report {
    let articles = vec![
        article(
            "a1",
            "Harbour Courier",
            "2024-12-08T21:00:00Z",
            vec![
                removal(RemovalKind::Boilerplate, "Read more: Rebels take Damascus", "related_links"),
                removal(
                    RemovalKind::Boilerplate,
                    "Download our app to get breaking news alerts on your phone, follow us on every platform,\nand never miss a story again.",
                    "promo",
                ),
                removal(
                    RemovalKind::RepeatedParagraph,
                    "Crowds celebrated in Damascus squares.",
                    "",
                ),
            ],
        ),
        article("a2", "Valley Tribune", "2024-12-09T06:30:00Z", Vec::new()),
        article("a3", "Metro Daily", "2024-12-09T02:00:00Z", Vec::new()),
        article("b1", "Coast Ledger", "2026-03-14", Vec::new()),
    ];
    let mut full = event(
        "e1",
        "Assad arrives in Moscow after fall of Damascus",
        &["a1", "a2", "a3"],
        &["Harbour Courier", "Valley Tribune", "Metro Daily"],
    );
    full.first_published = Some("2024-12-08T21:00:00Z".to_owned());
    full.last_published = Some("2024-12-09T06:30:00Z".to_owned());
    full.shared_terms = strings(&["assad", "moscow", "asylum", "damascus"]);
    full.specifics = strings(&["assad"]);
    full.account = vec![
        AccountSentence {
            text: "Assad and his family arrived in Moscow.".to_owned(),
            sources: strings(&["Harbour Courier", "Valley Tribune"]),
            citations: vec![cite("a1", 0, 39), cite("a2", 120, 165)],
        },
        AccountSentence {
            text: "Rebels declared the end of the 24-year rule.".to_owned(),
            sources: strings(&["Metro Daily"]),
            citations: vec![cite("a3", 10, 54)],
        },
    ];
    full.corroborated = vec![CorroboratedFact {
        text: "Crowds celebrated in Damascus squares.".to_owned(),
        sources: strings(&["Harbour Courier", "Metro Daily"]),
        citations: vec![cite("a1", 200, 238), cite("a3", 300, 340)],
        outlets: 2,
        unknown_outlets: 0,
        same_wire_text: vec![],
    }];
    full.single_source = [
        "Asylum was granted for humanitarian reasons.",
        "Saydnaya prison was opened.",
        "Russia sought guarantees for its bases in Tartous and Hmeimim.",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| SingleSourceFact {
        text: (*t).to_owned(),
        source: "Valley Tribune".to_owned(),
        citations: vec![cite("a2", i * 100, i * 100 + 40)],
        same_wire_text: vec![],
    })
    .collect();
    full.differences = vec![Difference {
        about: "length of the Assad family's rule".to_owned(),
        versions: vec![
            Version {
                text: "ending the 24-year rule of Bashar al-Assad".to_owned(),
                source: "Metro Daily".to_owned(),
                citation: cite("a3", 10, 54),
                value: "24-year".to_owned(),
                number: None,
                unit: None,
            },
            Version {
                text: "after 50 years of iron rule by the family".to_owned(),
                source: "Harbour Courier".to_owned(),
                citation: cite("a1", 400, 441),
                value: "50 years".to_owned(),
                number: None,
                unit: None,
            },
        ],
    }];
    full.quotes = vec![
        Quote {
            quote: "a victory to the Islamic nation".to_owned(),
            speaker: Some("Ahmad al-Sharaa".to_owned()),
            sources: strings(&["Harbour Courier", "Valley Tribune"]),
            citations: vec![cite("a1", 500, 560), cite("a2", 600, 660)],
        },
        Quote {
            quote: "We will not go back".to_owned(),
            speaker: None,
            sources: strings(&["Metro Daily"]),
            citations: vec![cite("a3", 700, 730)],
        },
    ];
    full.entities = vec![
        Entity {
            name: "Bashar al-Assad".to_owned(),
            kind: EntityKind::Person,
            aliases: strings(&["Assad", "al Assad"]),
            mentions: 7,
            sources: strings(&["Harbour Courier", "Valley Tribune", "Metro Daily"]),
        },
        Entity {
            name: "Moscow".to_owned(),
            kind: EntityKind::Place,
            aliases: Vec::new(),
            mentions: 1,
            sources: strings(&["Harbour Courier"]),
        },
        Entity {
            name: "Kremlin".to_owned(),
            kind: EntityKind::Organisation,
            aliases: strings(&["the Kremlin"]),
            mentions: 2,
            sources: strings(&["Valley Tribune"]),
        },
        Entity {
            name: "Ahmad al-Sharaa".to_owned(),
            kind: EntityKind::Person,
            aliases: strings(&["al-Jolani"]),
            mentions: 3,
            sources: strings(&["Harbour Courier"]),
        },
    ];
    let mut bare = event(
        "e2",
        "Bridge closes after cracks found",
        &["b1"],
        &["Coast Ledger"],
    );
    bare.first_published = Some("2026-03-14".to_owned());
    bare.last_published = Some("2026-03-14".to_owned());
    Report {
        articles,
        events: vec![full, bare],
        diagnostics: vec![Diagnostic {
            path: "feeds/broken.html".to_owned(),
            message: "no article text found".to_owned(),
        }],
    }
}

/// Lists two single-source facts, so the sample shows the "… and N more" line.
const SAMPLE_CONFIG: RenderConfig = RenderConfig {
    color: false,
    max_single_source: 2,
};

fn check(format: Format, expect: Expect) {
    expect.assert_eq(&render(&sample(), format, &SAMPLE_CONFIG));
}

fn check_file(format: Format, expect: ExpectFile) {
    expect.assert_eq(&render(&sample(), format, &SAMPLE_CONFIG));
}

#[test]
fn text_report() {
    check(
        Format::Text,
        expect![[r#"
            2 events from 4 articles (4 outlets)

            Assad arrives in Moscow after fall of Damascus
              8–9 December 2024
              3 articles from 3 outlets: Harbour Courier, Valley Tribune, Metro Daily
              Why together: assad, moscow, asylum, damascus

              1. Account
                - Assad and his family arrived in Moscow. [Harbour Courier, Valley Tribune]
                - Rebels declared the end of the 24-year rule. [Metro Daily]

              2. Corroborated
                - Crowds celebrated in Damascus squares. [Harbour Courier, Metro Daily]

              3. Single-source
                - Asylum was granted for humanitarian reasons. [Valley Tribune]
                - Saydnaya prison was opened. [Valley Tribune]
                - … and 1 more (see --format json)

              4. Differences
                - length of the Assad family's rule
                  - Metro Daily: “ending the 24-year rule of Bashar al-Assad”
                  - Harbour Courier: “after 50 years of iron rule by the family”

              5. Quotes
                - “a victory to the Islamic nation” — Ahmad al-Sharaa, carried by: Harbour Courier, Valley Tribune
                - “We will not go back” — unattributed, carried by: Metro Daily

              6. Who and where
                - People
                  - Bashar al-Assad (aliases: Assad, al Assad; 7 mentions)
                  - Ahmad al-Sharaa (aliases: al-Jolani; 3 mentions)
                - Organisations
                  - Kremlin (aliases: the Kremlin; 2 mentions)
                - Places
                  - Moscow (1 mention)

              7. What was removed
                - Harbour Courier (a1): 2 boilerplate lines, 1 repeated paragraph
                  - “Read more: Rebels take Damascus” (boilerplate: related_links)
                  - “Download our app to get breaking news alerts on your phone, follow us on every platform, and never…” (boilerplate: promo)
                  - “Crowds celebrated in Damascus squares.” (repeated paragraph)

            Bridge closes after cracks found
              14 March 2026
              1 article from 1 outlet: Coast Ledger

              1. Account
                No account: no sentence could be cited.

              2. Corroborated
                No fact is reported by two or more outlets.

              3. Single-source
                No fact is reported by only one outlet.

              4. Differences
                No differences found.

              5. Quotes
                No quotes found.

              6. Who and where
                No people, organisations or places found.

              7. What was removed
                Nothing was removed.

            Diagnostics
              feeds/broken.html: no article text found
        "#]],
    );
}

#[test]
fn markdown_report() {
    check(
        Format::Markdown,
        expect![[r#"
            # chorus report

            2 events from 4 articles (4 outlets)

            ## Assad arrives in Moscow after fall of Damascus

            - 8–9 December 2024
            - 3 articles from 3 outlets: Harbour Courier, Valley Tribune, Metro Daily
            - Why together: assad, moscow, asylum, damascus

            ### 1. Account

            - Assad and his family arrived in Moscow. [[Harbour Courier](<https://a1.example/story>), [Valley Tribune](<https://a2.example/story>)]
            - Rebels declared the end of the 24-year rule. [[Metro Daily](<https://a3.example/story>)]

            ### 2. Corroborated

            - Crowds celebrated in Damascus squares. [[Harbour Courier](<https://a1.example/story>), [Metro Daily](<https://a3.example/story>)]

            ### 3. Single-source

            - Asylum was granted for humanitarian reasons. [[Valley Tribune](<https://a2.example/story>)]
            - Saydnaya prison was opened. [[Valley Tribune](<https://a2.example/story>)]
            - Russia sought guarantees for its bases in Tartous and Hmeimim. [[Valley Tribune](<https://a2.example/story>)]

            ### 4. Differences

            - **length of the Assad family's rule**
              - [Metro Daily](<https://a3.example/story>): “ending the **24-year** rule of Bashar al-Assad”
              - [Harbour Courier](<https://a1.example/story>): “after **50 years** of iron rule by the family”

            ### 5. Quotes

            - “a victory to the Islamic nation” — Ahmad al-Sharaa, carried by: [Harbour Courier](<https://a1.example/story>), [Valley Tribune](<https://a2.example/story>)
            - “We will not go back” — unattributed, carried by: [Metro Daily](<https://a3.example/story>)

            ### 6. Who and where

            - People
              - Bashar al-Assad (aliases: Assad, al Assad; 7 mentions)
              - Ahmad al-Sharaa (aliases: al-Jolani; 3 mentions)
            - Organisations
              - Kremlin (aliases: the Kremlin; 2 mentions)
            - Places
              - Moscow (1 mention)

            ### 7. What was removed

            - Harbour Courier (a1): 2 boilerplate lines, 1 repeated paragraph
              - “Read more: Rebels take Damascus” (boilerplate: related\_links)
              - “Download our app to get breaking news alerts on your phone, follow us on every platform, and never…” (boilerplate: promo)
              - “Crowds celebrated in Damascus squares.” (repeated paragraph)

            ## Bridge closes after cracks found

            - 14 March 2026
            - 1 article from 1 outlet: Coast Ledger

            ### 1. Account

            No account: no sentence could be cited.

            ### 2. Corroborated

            No fact is reported by two or more outlets.

            ### 3. Single-source

            No fact is reported by only one outlet.

            ### 4. Differences

            No differences found.

            ### 5. Quotes

            No quotes found.

            ### 6. Who and where

            No people, organisations or places found.

            ### 7. What was removed

            Nothing was removed.

            ## Diagnostics

            - feeds/broken.html: no article text found
        "#]],
    );
}

#[test]
fn html_report() {
    check_file(Format::Html, expect_file!["../tests/data/report.html"]);
}

#[test]
fn json_report_is_the_serde_shape_and_round_trips() {
    check_file(Format::Json, expect_file!["../tests/data/report.json"]);
    let json = render(&sample(), Format::Json, &SAMPLE_CONFIG);
    let back: Report = serde_json::from_str(&json).expect("rendered JSON parses as a Report");
    assert_eq!(back, sample());
}

#[test]
fn json_is_written_as_serde_json_writes_it() {
    // Enough articles and events for several parallel blocks, and empty arrays.
    let mut big = sample();
    let (a, e) = (big.articles[0].clone(), big.events[0].clone());
    big.articles.extend(std::iter::repeat_n(a, 1200));
    big.events.extend(std::iter::repeat_n(e, 700));
    for report in [sample(), big, hostile(), Report::default()] {
        let want = serde_json::to_string_pretty(&report).unwrap() + "\n";
        assert_eq!(render(&report, Format::Json, &SAMPLE_CONFIG), want);
        let mut streamed = Vec::new();
        render_to(&report, Format::Json, &SAMPLE_CONFIG, &mut streamed).unwrap();
        assert_eq!(String::from_utf8(streamed).unwrap(), want);
    }
}

/// Colour codes shown as tags, so the snapshot stays readable.
fn tagged(s: &str) -> String {
    s.replace(text::BOLD, "<bold>")
        .replace(text::DIM, "<dim>")
        .replace(text::RED, "<red>")
        .replace(text::YELLOW, "<yellow>")
        .replace(text::BOLD_YELLOW, "<bold-yellow>")
        .replace(text::RESET, "</>")
}

#[test]
fn text_with_colour() {
    let mut report = sample();
    report.events.remove(0);
    let bare = &mut report.events[0];
    bare.account = vec![AccountSentence {
        text: "The bridge closed on Monday.\nEngineers found cracks.".to_owned(),
        sources: strings(&["Coast Ledger"]),
        citations: vec![cite("b1", 0, 52)],
    }];
    bare.differences = vec![Difference {
        about: "when it closed".to_owned(),
        versions: vec![Version {
            text: "closed at noon".to_owned(),
            source: "Coast Ledger".to_owned(),
            citation: cite("b1", 60, 74),
            value: "Monday".to_owned(),
            number: None,
            unit: None,
        }],
    }];
    let config = RenderConfig {
        color: true,
        ..RenderConfig::default()
    };
    expect![[r#"
        1 event from 4 articles (4 outlets)

        <bold>Bridge closes after cracks found</>
          14 March 2026
          1 article from 1 outlet: Coast Ledger

          <bold>1. Account</>
            - The bridge closed on Monday.
              Engineers found cracks. <dim>[Coast Ledger]</>

          <bold>2. Corroborated</>
            No fact is reported by two or more outlets.

          <bold>3. Single-source</>
            No fact is reported by only one outlet.

          <bold>4. Differences</>
            - <bold-yellow>when it closed</>
              - Coast Ledger: “closed at noon” (value: <yellow>Monday</>)

          <bold>5. Quotes</>
            No quotes found.

          <bold>6. Who and where</>
            No people, organisations or places found.

          <bold>7. What was removed</>
            Nothing was removed.

        <bold>Diagnostics</>
          <red>feeds/broken.html: no article text found</>
    "#]]
    .assert_eq(&tagged(&render(&report, Format::Text, &config)));
}

/// Report text that tries to break out of every format.
fn hostile() -> Report {
    let mut report = sample();
    let evil_source = "Evil\" onload=\"alert(1)";
    report.articles.push(article(
        "x\"><script>alert(1)</script>",
        evil_source,
        "2024",
        vec![removal(
            RemovalKind::Boilerplate,
            "<script>alert(1)</script>",
            "'onload='",
        )],
    ));
    let e = &mut report.events[0];
    e.title = "Evil\x1b[31mTitle\x07 <script>alert(1)</script>".to_owned();
    e.articles.push("x\"><script>alert(1)</script>".to_owned());
    e.sources.push(evil_source.to_owned());
    e.account.push(AccountSentence {
        text: "\"onload=alert(1) <script>alert(1)</script> \x1b]0;pwned\x07 \u{9b}2J".to_owned(),
        sources: vec![evil_source.to_owned()],
        citations: vec![cite("x\"><script>alert(1)</script>", 0, 10)],
    });
    e.entities[0]
        .aliases
        .push("<script>alert(1)</script>".to_owned());
    report.diagnostics[0].path = "\"onload=<script>.html".to_owned();
    report
}

#[test]
fn html_escapes_report_text_in_content_and_attributes() {
    let html = render(&hostile(), Format::Html, &RenderConfig::default());
    assert!(!html.contains("<script"), "unescaped <script in:\n{html}");
    assert!(!html.contains("\"onload"), "raw \"onload in:\n{html}");
    assert!(!html.contains('\x1b'));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains(
        "title=\"x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; bytes 0-10\"><a href=\"https://x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;.example/story\" rel=\"noopener noreferrer nofollow\">Evil&quot; onload=&quot;alert(1)</a></span>"
    ));
}

#[test]
fn text_without_colour_has_no_escape_codes() {
    for report in [sample(), hostile()] {
        let out = render(&report, Format::Text, &RenderConfig::default());
        assert!(!out.contains('\x1b'), "escape code in:\n{out}");
        assert!(!out.contains('\u{9b}') && !out.contains('\x07'));
    }
}

#[test]
fn text_with_colour_keeps_only_its_own_escape_codes() {
    let config = RenderConfig {
        color: true,
        ..RenderConfig::default()
    };
    let out = render(&hostile(), Format::Text, &config);
    assert!(out.contains(text::BOLD), "colour was asked for");
    let ours_removed = [
        text::BOLD,
        text::DIM,
        text::RED,
        text::YELLOW,
        text::BOLD_YELLOW,
        text::RESET,
    ]
    .iter()
    .fold(out.clone(), |s, code| s.replace(code, ""));
    assert!(
        !ours_removed.contains('\x1b'),
        "foreign escape code in:\n{out}"
    );
    assert!(!out.contains('\u{9b}') && !out.contains('\x07'));
    assert!(
        out.contains("Evil[31mTitle <script>"),
        "the injected sequence lost its ESC"
    );
    assert!(out.contains("]0;pwned"));
}

#[test]
fn formats_parse_by_name() {
    let got: Vec<String> = [
        "text", "markdown", "md", "html", "json", "JSON", "pdf", "te\x1bxt",
    ]
    .iter()
    .map(|s| format!("{s:?} -> {:?}", s.parse::<Format>()))
    .collect();
    expect![[r#"
        "text" -> Ok(Text)
        "markdown" -> Ok(Markdown)
        "md" -> Ok(Markdown)
        "html" -> Ok(Html)
        "json" -> Ok(Json)
        "JSON" -> Err("unknown format \"JSON\"; expected one of: text, markdown (or md), html, json, csv")
        "pdf" -> Err("unknown format \"pdf\"; expected one of: text, markdown (or md), html, json, csv")
        "te\u{1b}xt" -> Err("unknown format \"te\\u{1b}xt\"; expected one of: text, markdown (or md), html, json, csv")"#]].assert_eq(&got.join("\n"));
    for format in [Format::Text, Format::Markdown, Format::Html, Format::Json] {
        assert_eq!(format.to_string().parse::<Format>(), Ok(format));
    }
    assert_eq!(RenderConfig::default().max_single_source, 8);
}

#[test]
fn every_source_file_starts_with_a_doc_line() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("src is readable") {
        let path = entry.expect("src entry").path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("source is UTF-8");
            assert!(
                text.starts_with("//!"),
                "{} does not start with a //! line",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 5, "found only {checked} source files");
}

#[test]
fn one_article_has_key_terms_not_a_reason_to_be_together() {
    let mut report = sample();
    let mut alone = event(
        "e9",
        "Ferry back in service",
        &["lone"],
        &["Harbour Courier"],
    );
    alone.shared_terms = strings(&["ferry", "refit"]);
    report.events.push(alone);
    let text = render(&report, Format::Text, &SAMPLE_CONFIG);
    assert!(text.contains("Key terms: ferry, refit"), "{text}");
    assert_eq!(text.matches("Why together:").count(), 1, "{text}");
}

/// Issue #25, item 10: bidirectional embeddings, overrides and isolates in titles, outlet
/// names and account text reach no page and no terminal (a right-to-left override would
/// reorder everything shown after it).
#[test]
fn issue_25_bidi_controls_are_stripped_in_every_rendered_format() {
    let bidi: Vec<char> = ('\u{202A}'..='\u{202E}')
        .chain('\u{2066}'..='\u{2069}')
        .collect();
    let spoof: String = bidi.iter().map(|c| format!("{c}gpj.exe")).collect();
    let mut report = sample();
    let e = &mut report.events[0];
    e.title = format!("Title {spoof}");
    e.sources.push(format!("Outlet {spoof}"));
    e.account[0].text = format!("{} {spoof}", e.account[0].text);
    for format in [Format::Text, Format::Markdown, Format::Html] {
        for color in [false, true] {
            let config = RenderConfig {
                color,
                ..RenderConfig::default()
            };
            let out = render(&report, format, &config);
            assert!(out.contains("Title gpj.exe"), "{format:?}: title lost");
            let found: Vec<char> = out.chars().filter(|c| bidi.contains(c)).collect();
            assert!(found.is_empty(), "{format:?} keeps {found:?}");
        }
    }
}

/// Issue 24: an event that no name, place or figure holds together says so.
#[test]
fn an_event_held_by_topic_words_alone_says_its_evidence_is_weak() {
    let mut report = sample();
    let mut weak = event(
        "e9",
        "Two men shot outside a bar",
        &["one", "two"],
        &["Harbour Courier", "Daily Post"],
    );
    weak.shared_terms = strings(&["shot", "bar"]);
    report.events.push(weak);
    let text = render(&report, Format::Text, &SAMPLE_CONFIG);
    assert!(
        text.contains("Why together (weak: no names, places or figures of its own): shot, bar"),
        "{text}"
    );
    // The sample's event names its specifics first.
    assert!(text.contains("Why together: assad, moscow"), "{text}");
}

#[test]
fn why_together_names_a_name_once() {
    let mut report = sample();
    let e = &mut report.events[0];
    e.specifics = strings(&[
        "saltreach",
        "port",
        "pwu",
        "Port Workers Union PWU",
        "Yusuf",
    ]);
    e.shared_names = strings(&[
        "Saltreach Port Authority",
        "Port Workers Union",
        "Yusuf al-Mansouri",
    ]);
    e.shared_terms = strings(&["strike", "port", "dockers"]);
    let text = render(&report, Format::Text, &SAMPLE_CONFIG);
    assert!(
        text.contains("Why together: Port Workers Union PWU, Saltreach Port Authority, Yusuf al-Mansouri, strike, dockers\n"),
        "{text}"
    );
}

#[test]
fn issue_28_exports_link_citations_list_everything_and_date_in_words() {
    let mut report = sample();
    report.articles[0].url = Some("https://wire.example/assad".into());
    if let Some(a) = report.articles.get_mut(1) {
        a.url = Some("javascript:alert(1)".into());
    }
    let config = RenderConfig {
        max_single_source: 0,
        ..RenderConfig::default()
    };
    let md = render(&report, Format::Markdown, &config);
    let html = render(&report, Format::Html, &config);
    let text = render(&report, Format::Text, &config);
    assert!(md.contains("](<https://wire.example/assad>)"), "{md}");
    assert!(
        html.contains("<a href=\"https://wire.example/assad\""),
        "{html}"
    );
    for out in [&md, &html] {
        assert!(!out.contains("javascript:"), "{out}");
        assert!(!out.contains("see --format json"), "{out}");
        assert!(out.contains("8–9 December 2024"), "{out}");
    }
    // The terminal keeps its short list.
    assert!(text.contains("see --format json"));
    assert_eq!(
        crate::outline::human_span("2026-03-30", "2026-04-02T10:00:00Z"),
        "30 March – 2 April 2026"
    );
    assert_eq!(
        crate::outline::human_span("2025-12-30", "2026-01-02"),
        "30 December 2025 – 2 January 2026"
    );
    assert_eq!(
        crate::outline::human_span("undated?", "undated?"),
        "undated?"
    );
}
