//! Page metadata: JSON-LD (`NewsArticle` and kin, also inside `@graph`), OpenGraph, Dublin
//! Core, Parse.ly, Sailthru and plain meta tags, `<title>`, `<html lang>`, `<link
//! rel=canonical>`, `<time datetime>` and dates in the URL. Structured sources win over
//! guesses; the first source that has a field gives it.

use crate::date;
use crate::dom::{Dom, NodeData, NodeId, Tag};
use serde_json::Value;

/// What the page says about itself.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub(crate) title: Option<String>,
    pub(crate) byline: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) site_name: Option<String>,
    pub(crate) language: Option<String>,
    pub(crate) canonical_url: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "AdvertiserContentArticle",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "TechArticle",
    "APIReference",
    "Report",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
];

/// Meta keys giving the title, best first (keys are normalised: lowercase, `.` → `:`).
const TITLE_KEYS: &[&str] = &[
    "dc:title",
    "dcterm:title",
    "dcterms:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
    "sailthru:title",
];

const BYLINE_KEYS: &[&str] = &[
    "dc:creator",
    "dcterm:creator",
    "dcterms:creator",
    "author",
    "parsely-author",
    "sailthru:author",
    "byl",
    "article:author",
];

const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "parsely-pub-date",
    "article:published",
    "og:published_time",
    "og:article:published_time",
    "published_time",
    "datepublished",
    "dc:date:issued",
    "dcterms:issued",
    "dcterm:issued",
    "dc:date",
    "dcterms:date",
    "dcterms:created",
    "dc:created",
    "sailthru:date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "article:post_date",
    "datecreated",
];

const SITE_KEYS: &[&str] = &["og:site_name", "dc:publisher", "dcterms:publisher"];

const LANGUAGE_KEYS: &[&str] = &["content-language", "og:locale", "dc:language", "language"];

/// Everything gathered in one walk over the document.
#[derive(Default)]
struct Gathered {
    doc_title: Option<String>,
    html_lang: Option<String>,
    metas: Vec<(String, String)>,
    ld_json: Vec<String>,
    canonical: Option<String>,
    h1: Vec<String>,
    h2: Vec<String>,
    date_elements: Vec<String>,
    time_first: Option<String>,
}

impl Gathered {
    fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(key, v)| key == k && !v.trim().is_empty())
                .map(|(_, v)| v.as_str())
        })
    }
}

fn gather(dom: &Dom) -> Gathered {
    let mut g = Gathered::default();
    let mut id: NodeId = 0;
    loop {
        let mut skip_children = false;
        if let NodeData::Element { tag, .. } = &dom.node(id).data {
            match tag {
                Tag::Html => {
                    g.html_lang = dom
                        .attr(id, "lang")
                        .or_else(|| dom.attr(id, "xml:lang"))
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_string);
                }
                Tag::Title if g.doc_title.is_none() => {
                    g.doc_title = Some(dom.text_of(id));
                    skip_children = true;
                }
                Tag::Meta => {
                    if let Some(content) = dom.attr(id, "content") {
                        for attr in ["property", "name", "itemprop", "http-equiv"] {
                            if let Some(keys) = dom.attr(id, attr) {
                                for key in keys.split_whitespace() {
                                    g.metas.push((meta_key(key), content.trim().to_string()));
                                }
                            }
                        }
                    }
                }
                Tag::Link => {
                    let rel = dom.attr(id, "rel").unwrap_or("");
                    if g.canonical.is_none()
                        && rel
                            .split_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    {
                        g.canonical = dom.attr(id, "href").map(|h| h.trim().to_string());
                    }
                }
                Tag::Script => {
                    let ty = dom.attr(id, "type").unwrap_or("");
                    if ty.trim().eq_ignore_ascii_case("application/ld+json") {
                        g.ld_json.push(dom.text_of(id));
                    }
                    skip_children = true;
                }
                Tag::Style | Tag::Svg | Tag::Template => skip_children = true,
                Tag::H1 if g.h1.len() < 8 => g.h1.push(collapse(&dom.text_of(id))),
                Tag::H2 if g.h2.len() < 8 => g.h2.push(collapse(&dom.text_of(id))),
                Tag::Time if g.time_first.is_none() => {
                    g.time_first = dom.attr(id, "datetime").map(str::to_string);
                    if dom.attr(id, "pubdate").is_some() {
                        if let Some(d) = dom.attr(id, "datetime") {
                            g.date_elements.push(d.to_string());
                        }
                    }
                }
                _ => {}
            }
            if dom
                .attr(id, "itemprop")
                .is_some_and(|p| p.split_whitespace().any(|p| p == "datePublished"))
                && *tag != Tag::Meta
            {
                let value = dom
                    .attr(id, "datetime")
                    .or_else(|| dom.attr(id, "content"))
                    .map(str::to_string)
                    .unwrap_or_else(|| dom.text_of(id));
                g.date_elements.push(value);
            }
        }
        let next = if skip_children {
            None
        } else {
            dom.node(id).first_child
        };
        match next.or_else(|| dom.next_skipping_children(id, 0)) {
            Some(n) => id = n,
            None => break,
        }
    }
    g
}

/// `DC.Title`, `dc.title` and `dc:title` are one key.
fn meta_key(key: &str) -> String {
    key.trim().to_lowercase().replace('.', ":")
}

/// Collapses runs of whitespace into one space and trims.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// What an article-typed JSON-LD object says.
#[derive(Default)]
struct LdArticle {
    name: Option<String>,
    headline: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    site_name: Option<String>,
}

fn is_article_type(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
        _ => false,
    }
}

fn find_article(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(map) => {
            if is_article_type(v) {
                return Some(v);
            }
            map.get("@graph").and_then(find_article)
        }
        _ => None,
    }
}

fn names(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![collapse(s)],
        Value::Object(m) => m.get("name").map(names).unwrap_or_default(),
        Value::Array(items) => items.iter().flat_map(names).collect(),
        _ => Vec::new(),
    }
}

fn ld_article(scripts: &[String]) -> Option<LdArticle> {
    for raw in scripts {
        let text = raw
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>")
            .trim();
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            continue;
        };
        let Some(article) = find_article(&value) else {
            continue;
        };
        let string = |key: &str| {
            article
                .get(key)
                .and_then(Value::as_str)
                .map(collapse)
                .filter(|s| !s.is_empty())
        };
        let authors: Vec<String> = article
            .get("author")
            .map(names)
            .unwrap_or_default()
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect();
        return Some(LdArticle {
            name: string("name"),
            headline: string("headline"),
            byline: (!authors.is_empty()).then(|| authors.join(", ")),
            published: string("datePublished"),
            site_name: article
                .get("publisher")
                .map(names)
                .and_then(|n| n.into_iter().find(|n| !n.is_empty())),
        });
    }
    None
}

/// Reads the page's metadata; `url` is where the page came from, when known.
pub(crate) fn read(dom: &Dom, url: Option<&str>) -> Meta {
    let g = gather(dom);
    let ld = ld_article(&g.ld_json).unwrap_or_default();
    let doc_title = collapse(g.doc_title.as_deref().unwrap_or(""));
    let heuristic_title = title_from_document(&doc_title, &g.h1, &g.h2);

    let ld_title = match (&ld.name, &ld.headline) {
        (Some(name), Some(headline)) if name != headline => {
            // Some sites put the site's name in `name`: take the headline when only it
            // matches the page title.
            if similarity(headline, &heuristic_title) > 0.75
                && similarity(name, &heuristic_title) <= 0.75
            {
                Some(headline.clone())
            } else {
                Some(name.clone())
            }
        }
        (Some(t), _) | (None, Some(t)) => Some(t.clone()),
        (None, None) => None,
    };
    let title = ld_title
        .or_else(|| g.meta(TITLE_KEYS).map(collapse))
        .or_else(|| (!heuristic_title.is_empty()).then_some(heuristic_title));

    let byline = ld.byline.or_else(|| {
        BYLINE_KEYS.iter().find_map(|k| {
            g.meta(&[k])
                .map(collapse)
                .filter(|v| !v.is_empty() && !v.starts_with("http"))
        })
    });

    let canonical_url = g
        .canonical
        .as_deref()
        .filter(|c| !c.is_empty())
        .or_else(|| g.meta(&["og:url"]))
        .and_then(|c| resolve(c, url))
        .or_else(|| url.map(str::to_string));

    let published = ld
        .published
        .as_deref()
        .and_then(date::normalize)
        .or_else(|| {
            DATE_KEYS
                .iter()
                .find_map(|k| g.meta(&[k]).and_then(date::normalize))
        })
        .or_else(|| g.date_elements.iter().find_map(|d| date::normalize(d)))
        .or_else(|| url.and_then(date::from_url))
        .or_else(|| canonical_url.as_deref().and_then(date::from_url))
        .or_else(|| g.time_first.as_deref().and_then(date::normalize));

    let site_name = ld
        .site_name
        .or_else(|| g.meta(SITE_KEYS).map(collapse))
        .filter(|s| !s.is_empty());

    let language = g
        .html_lang
        .clone()
        .or_else(|| g.meta(LANGUAGE_KEYS).map(|l| l.replace('_', "-")))
        .and_then(|l| {
            let l = l.split([',', ';']).next().unwrap_or("").trim().to_string();
            (!l.is_empty() && l.len() <= 35).then_some(l)
        });

    Meta {
        title,
        byline,
        published,
        site_name,
        language,
        canonical_url,
    }
}

const SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];
const HIERARCHICAL: &[char] = &['\\', '/', '>', '»'];

/// Positions of ` X ` separators (a separator character with a space on both sides).
fn separator_positions(title: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut iter = title.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if SEPARATORS.contains(&c)
            && prev == Some(' ')
            && iter.peek().is_some_and(|(_, n)| *n == ' ')
        {
            out.push((i, c));
        }
        prev = Some(c);
    }
    out
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The article's title from the document's `<title>`: strips the site name that pages add
/// after (or before) a separator, unless that would leave too little.
fn title_from_document(doc_title: &str, h1: &[String], h2: &[String]) -> String {
    let orig = doc_title.trim();
    let mut cur = orig.to_string();
    let mut hierarchical = false;
    let seps = separator_positions(orig);
    if let Some(&(last, _)) = seps.last() {
        hierarchical = seps.iter().any(|(_, c)| HIERARCHICAL.contains(c));
        cur = orig[..last].trim().to_string();
        if word_count(&cur) < 3 {
            let (first, c) = seps[0];
            cur = orig[first + c.len_utf8()..].trim().to_string();
        }
    } else if orig.contains(": ") {
        let in_heading = h1.iter().chain(h2).any(|h| h == orig);
        if !in_heading {
            let after_last = orig[orig.rfind(':').unwrap_or(0) + 1..].trim().to_string();
            cur = after_last;
            if word_count(&cur) < 3 {
                cur = orig[orig.find(':').unwrap_or(0) + 1..].trim().to_string();
            } else if word_count(&orig[..orig.find(':').unwrap_or(0)]) > 5 {
                cur = orig.to_string();
            }
        }
    } else if (orig.chars().count() > 150 || orig.chars().count() < 15) && h1.len() == 1 {
        cur = h1[0].clone();
    }
    let cur = collapse(&cur);
    let words = word_count(&cur);
    let orig_words_without_seps = orig
        .split_whitespace()
        .filter(|w| !(w.chars().count() == 1 && w.chars().all(|c| SEPARATORS.contains(&c))))
        .count();
    if words <= 4 && (!hierarchical || words + 1 != orig_words_without_seps) {
        return collapse(orig);
    }
    cur
}

/// How much of `b`'s wording is also in `a`, from 0 to 1.
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    let tokens = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let ta = tokens(a);
    let tb = tokens(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let total: usize = tb.iter().map(|t| t.chars().count() + 1).sum();
    let unique: usize = tb
        .iter()
        .filter(|t| !ta.contains(t))
        .map(|t| t.chars().count() + 1)
        .sum();
    1.0 - unique as f64 / total as f64
}

/// Resolves `href` against `base` (absolute, protocol-relative, root-relative or relative).
fn resolve(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    if href.contains("://") {
        return Some(href.to_string());
    }
    let base = base?;
    let (scheme, rest) = base.split_once("://")?;
    if let Some(h) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{h}"));
    }
    let host_end = rest.find('/').unwrap_or(rest.len());
    let origin = format!("{scheme}://{}", &rest[..host_end]);
    if href.starts_with('/') {
        return Some(format!("{origin}{href}"));
    }
    let path = &rest[host_end..];
    let path = path.split(['?', '#']).next().unwrap_or("");
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let dir = if dir.is_empty() { "/" } else { dir };
    Some(format!("{origin}{dir}{href}"))
}

/// The host of a URL without a leading `www.`.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str, url: Option<&str>) -> Meta {
        read(&Dom::parse(html), url)
    }

    #[test]
    fn json_ld_graph_beats_opengraph() {
        let m = meta_of(
            r#"<html lang="en-GB"><head><title>Ignored | Site</title>
            <meta property="og:title" content="OG title"><meta property="og:site_name" content="OG Site">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Site"},
              {"@type":["NewsArticle"],"headline":"Dam  holds","datePublished":"2024-12-08T10:00:00+02:00",
               "author":[{"@type":"Person","name":"A. Writer"},{"name":"B. Writer"}],
               "publisher":{"@type":"Organization","name":"Valley Post"}}]}</script>
            <link rel="canonical" href="/news/dam"></head><body></body></html>"#,
            Some("https://valley.example/x?y=1"),
        );
        assert_eq!(m.title.as_deref(), Some("Dam holds"));
        assert_eq!(m.byline.as_deref(), Some("A. Writer, B. Writer"));
        assert_eq!(m.published.as_deref(), Some("2024-12-08T10:00:00+02:00"));
        assert_eq!(m.site_name.as_deref(), Some("Valley Post"));
        assert_eq!(m.language.as_deref(), Some("en-GB"));
        assert_eq!(
            m.canonical_url.as_deref(),
            Some("https://valley.example/news/dam")
        );
    }

    #[test]
    fn meta_tags_time_and_url_dates() {
        let m = meta_of(
            r#"<head><meta name="DC.date" content="2020-01-02"><meta name="author" content="C. Writer">
            <title>Bridge reopens after long repairs - The Valley Post</title></head>"#,
            None,
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Bridge reopens after long repairs")
        );
        assert_eq!(m.published.as_deref(), Some("2020-01-02"));
        assert_eq!(m.byline.as_deref(), Some("C. Writer"));
        let m = meta_of(
            "<title>x</title><p><time datetime=\"2021-05-06T07:08:09Z\">May 6</time>",
            None,
        );
        assert_eq!(m.published.as_deref(), Some("2021-05-06T07:08:09+00:00"));
        let m = meta_of(
            "<title>x</title>",
            Some("https://a.example/2019/03/04/story"),
        );
        assert_eq!(m.published.as_deref(), Some("2019-03-04"));
    }

    #[test]
    fn document_titles() {
        let t = |s: &str| title_from_document(s, &[], &[]);
        assert_eq!(
            t("Bridge reopens after long repairs | Valley Post"),
            "Bridge reopens after long repairs"
        );
        assert_eq!(t("Valley Post | Bridge"), "Valley Post | Bridge");
        assert_eq!(
            t("News: Bridge reopens after long repairs"),
            "Bridge reopens after long repairs"
        );
        assert_eq!(t("Short"), "Short");
    }

    #[test]
    fn hosts_and_resolution() {
        assert_eq!(
            host_of("https://www.Example.com:8080/a").as_deref(),
            Some("example.com")
        );
        assert_eq!(host_of("not a url"), None);
        assert_eq!(
            resolve("b.html", Some("http://h.example/a/c.html")).as_deref(),
            Some("http://h.example/a/b.html")
        );
        assert_eq!(
            resolve("//cdn.example/x", Some("https://h.example/")).as_deref(),
            Some("https://cdn.example/x")
        );
    }
}
