//! Citations of a page point into the page's bytes: the example corpus's port-strike stories
//! written out as HTML pages (paragraphs in markup, character references, lines broken
//! inside sentences, furniture around them), digested, and every cited span of a page read
//! back with its tags removed and references decoded reads as the cited sentence.

use std::path::Path;

/// A story file (header block, blank line, paragraphs) as an HTML page.
fn page(story: &str) -> String {
    let (head, body) = story.split_once("\n\n").unwrap();
    let field = |name: &str| {
        head.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")))
            .unwrap_or("")
            .to_string()
    };
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('\'', "&#39;")
            .replace('“', "&ldquo;")
            .replace('”', "&rdquo;")
    };
    let mut html = format!(
        "<!doctype html><html lang=\"en\"><head><title>{}</title>\
         <meta property=\"og:site_name\" content=\"{}\">\
         <meta property=\"article:published_time\" content=\"{}\"></head>\n<body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\n<article><h1>{}</h1>\n",
        escape(&field("Title")),
        escape(&field("Source")),
        field("Published"),
        escape(&field("Title")),
    );
    for (k, p) in body
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .enumerate()
    {
        // Every other paragraph is broken over lines, as page sources often are.
        let p = escape(p.trim());
        let p = if k % 2 == 1 {
            p.replacen(", ", ",\n        ", 2)
        } else {
            p
        };
        html.push_str(&format!("<p>{p}</p>\n<!-- ad slot -->\n"));
    }
    html.push_str(
        "</article><footer>Copyright the outlet. All rights reserved.</footer></body></html>\n",
    );
    html
}

/// Markup removed and the references this test writes decoded, whitespace collapsed.
fn read_back(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&ldquo;", "“")
        .replace("&rdquo;", "”")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_citation_of_a_page_reads_as_its_sentence_in_the_page_bytes() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let mut pages = Vec::new();
    let mut articles = Vec::new();
    for file in [
        "meridian-wire/port-strike.md",
        "harbour-courier/port-strike-day-two.txt",
        "valley-tribune/port-strike-supplies.txt",
    ] {
        let html = page(&std::fs::read_to_string(corpus.join(file)).unwrap());
        let name = format!("{}.html", file.replace('/', "-"));
        let got = chorus_ingest::ingest_named_bytes(&name, html.as_bytes());
        assert!(got.diagnostics.is_empty(), "{:?}", got.diagnostics);
        for a in &got.articles {
            pages.push((a.id.clone(), html.clone()));
        }
        articles.extend(got.articles);
    }
    assert_eq!(articles.len(), 3);
    let report = chorus_pipeline::digest(articles, vec![], &Default::default());
    let event = report
        .events
        .iter()
        .max_by_key(|e| e.articles.len())
        .unwrap();
    assert_eq!(event.articles.len(), 3, "the three pages are one story");
    let citations: Vec<&chorus_model::Citation> = event
        .account
        .iter()
        .flat_map(|s| &s.citations)
        .chain(event.corroborated.iter().flat_map(|f| &f.citations))
        .chain(event.single_source.iter().flat_map(|f| &f.citations))
        .collect();
    assert!(citations.len() >= 10, "{} citations", citations.len());
    let mut checked = 0;
    for c in citations {
        let article = report.articles.iter().find(|a| a.id == c.article).unwrap();
        let html = &pages.iter().find(|(id, _)| *id == c.article).unwrap().1;
        let sentence = article.text[c.start..c.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let (Some(s), Some(e)) = (c.source_start, c.source_end) else {
            panic!("no page span for {sentence:?}");
        };
        assert_eq!(
            read_back(&html[s..e]),
            sentence,
            "bytes {s}-{e} of {}",
            c.article
        );
        assert!(article.source_decoded_from.is_none());
        checked += 1;
    }
    println!("{checked} citations read back from their pages");
}
