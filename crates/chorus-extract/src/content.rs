//! Finding the article body. Paragraph-like blocks score their ancestors by length and
//! commas; class and id hints add or subtract; link density scales scores down. The best
//! container wins, joined by siblings that look like more of the same; inside it, lists, tables
//! and boxes that look like furniture (link-heavy, image-heavy, share bars) are dropped. When
//! that leaves too little text the search is repeated with fewer rules switched on.

use crate::dom::{Dom, NodeData, NodeId, Tag};
use crate::meta::similarity;
use crate::text;

/// Below this many characters an attempt is treated as failed and a looser one is tried.
const MIN_TEXT_CHARS: f32 = 500.0;
/// Paragraphs shorter than this do not vote for their ancestors.
const MIN_PARAGRAPH_CHARS: f32 = 25.0;
/// How many ancestors a paragraph votes for.
const ANCESTOR_LEVELS: usize = 5;
const TOP_CANDIDATES: usize = 5;

/// Substrings of `class`/`id` marking page furniture that is dropped before scoring.
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
    "cookie",
    "consent",
    "newsletter",
];
/// Substrings that save an element from `UNLIKELY`.
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];
const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Which rules an attempt uses; each retry switches one more off.
#[derive(Debug, Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

/// Per-element facts that do not change between attempts.
#[derive(Debug, Clone, Copy, Default)]
struct Hint {
    /// Class/id say furniture (and nothing saves it).
    unlikely: bool,
    /// `role` says menu, navigation, dialog, ...
    unlikely_role: bool,
    /// Class weight: ±25 for class, ±25 for id.
    weight: i8,
    byline: bool,
    share: bool,
    hidden: bool,
}

const GROUP_UNLIKELY: u8 = 1;
const GROUP_MAYBE: u8 = 2;
const GROUP_POSITIVE: u8 = 4;
const GROUP_NEGATIVE: u8 = 8;
const GROUP_BYLINE: u8 = 16;
/// `share` occurs: the value may have a `share` or `sharedaddy` token.
const MAY_SHARE: u8 = 32;
/// `hid` occurs: the value may have a `hid` token (negative).
const MAY_HID: u8 = 64;

/// One automaton for all class/id word lists: a class string is scanned once.
fn hint_matcher() -> &'static (aho_corasick::AhoCorasick, Vec<u8>) {
    static MATCHER: std::sync::OnceLock<(aho_corasick::AhoCorasick, Vec<u8>)> =
        std::sync::OnceLock::new();
    MATCHER.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut groups = Vec::new();
        for (list, group) in [
            (UNLIKELY, GROUP_UNLIKELY),
            (MAYBE, GROUP_MAYBE),
            (POSITIVE, GROUP_POSITIVE),
            (NEGATIVE, GROUP_NEGATIVE),
            (BYLINE, GROUP_BYLINE),
        ] {
            for p in list {
                patterns.push(*p);
                groups.push(group | if *p == "share" { MAY_SHARE } else { 0 });
            }
        }
        patterns.push("hid");
        groups.push(MAY_HID);
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&patterns)
            .expect("static patterns build");
        (ac, groups)
    })
}

/// What a class or id value says: the groups whose words occur in it, and whether it has a
/// `share` token.
fn value_hint(s: &str) -> (u8, bool) {
    if s.is_empty() {
        return (0, false);
    }
    let (ac, groups) = hint_matcher();
    let mut mask = 0;
    for m in ac.find_overlapping_iter(s) {
        mask |= groups[m.pattern().as_usize()];
    }
    if mask & MAY_HID != 0 && s.split_whitespace().any(|t| t.eq_ignore_ascii_case("hid")) {
        mask |= GROUP_NEGATIVE;
    }
    let share = mask & MAY_SHARE != 0
        && s.split(|c: char| !c.is_alphanumeric())
            .any(|t| t.eq_ignore_ascii_case("share") || t.eq_ignore_ascii_case("sharedaddy"));
    (mask & !(MAY_SHARE | MAY_HID), share)
}

/// A small fast hash for the short class and id values of one page.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0 ^ 0xcbf2_9ce4_8422_2325;
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// [`value_hint`] remembered per distinct value: pages repeat a few class names many times.
struct HintCache<'a>(
    std::collections::HashMap<&'a str, (u8, bool), std::hash::BuildHasherDefault<Fnv>>,
);

impl<'a> HintCache<'a> {
    fn get(&mut self, s: &'a str) -> (u8, bool) {
        if s.is_empty() {
            return (0, false);
        }
        *self.0.entry(s).or_insert_with(|| value_hint(s))
    }
}

fn weight_of(mask: u8) -> i8 {
    let mut w = 0;
    if mask & GROUP_NEGATIVE != 0 {
        w -= 25;
    }
    if mask & GROUP_POSITIVE != 0 {
        w += 25;
    }
    w
}

fn hints(dom: &Dom) -> Vec<Hint> {
    let mut out = vec![Hint::default(); dom.len()];
    let mut cache = HintCache(Default::default());
    for (i, node) in dom.nodes.iter().enumerate() {
        let NodeData::Element { attrs, .. } = &node.data else {
            continue;
        };
        if attrs.is_empty() {
            continue;
        }
        let mut class = "";
        let mut ident = "";
        let mut role = "";
        let mut style = "";
        let mut rel = "";
        let mut itemprop = "";
        let mut hidden = false;
        let mut aria_hidden = false;
        for a in attrs {
            let value = &a.value;
            match &*a.name.local {
                "class" => class = value,
                "id" => ident = value,
                "role" => role = value,
                "style" => style = value,
                "rel" => rel = value,
                "itemprop" => itemprop = value,
                "hidden" => hidden = true,
                "aria-hidden" => aria_hidden = &**value == "true",
                _ => {}
            }
        }
        let h = &mut out[i];
        let (class_mask, class_share) = cache.get(class);
        let (id_mask, id_share) = cache.get(ident);
        let both = class_mask | id_mask;
        h.unlikely = both & GROUP_UNLIKELY != 0 && both & GROUP_MAYBE == 0;
        h.weight = weight_of(class_mask) + weight_of(id_mask);
        h.share = class_share || id_share;
        h.byline = both & GROUP_BYLINE != 0 || rel == "author" || itemprop.contains("author");
        h.unlikely_role = UNLIKELY_ROLES.contains(&role.trim());
        let hidden_style = !style.is_empty() && crate::strip::hides(style);
        h.hidden = hidden_style || hidden || (aria_hidden && !class.contains("fallback-image"));
    }
    out
}

/// Sums over a subtree of the nodes still in play.
#[derive(Debug, Clone, Copy, Default)]
struct Agg {
    chars: f32,
    link: f32,
    commas: f32,
    p: f32,
    img: f32,
    li: f32,
    heading: f32,
    list: f32,
    textish: f32,
    /// Has a descendant that is not phrasing content.
    block: bool,
}

impl Agg {
    fn add(&mut self, o: &Agg) {
        self.chars += o.chars;
        self.link += o.link;
        self.commas += o.commas;
        self.p += o.p;
        self.img += o.img;
        self.li += o.li;
        self.heading += o.heading;
        self.list += o.list;
        self.textish += o.textish;
    }

    fn sub(&mut self, o: &Agg) {
        self.chars -= o.chars;
        self.link -= o.link;
        self.commas -= o.commas;
        self.p -= o.p;
        self.img -= o.img;
        self.li -= o.li;
        self.heading -= o.heading;
        self.list -= o.list;
        self.textish -= o.textish;
    }

    fn link_density(&self) -> f32 {
        if self.chars <= 0.0 {
            0.0
        } else {
            (self.link / self.chars).clamp(0.0, 1.0)
        }
    }
}

/// Length of text with whitespace runs counted once and ends trimmed (half a space for each
/// trimmed end, as a neighbour usually supplies it), and its commas.
fn text_measure(t: &str) -> (f32, f32) {
    let mut chars = 0u32;
    let mut commas = 0u32;
    let mut in_space = true;
    let mut pending_space = false;
    let bytes = t.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, comma) = if b.is_ascii() {
            i += 1;
            (
                matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'),
                b == b',',
            )
        } else {
            let c = t[i..].chars().next().expect("a char starts here");
            i += c.len_utf8();
            (
                c.is_whitespace(),
                matches!(
                    c,
                    '\u{060C}'
                        | '\u{FE50}'
                        | '\u{FE10}'
                        | '\u{FE11}'
                        | '\u{2E41}'
                        | '\u{2E34}'
                        | '\u{2E32}'
                        | '\u{FF0C}'
                        | '\u{3001}'
                ),
            )
        };
        if space {
            if !in_space {
                pending_space = true;
            }
            in_space = true;
            continue;
        }
        if pending_space {
            chars += 1;
            pending_space = false;
        }
        in_space = false;
        chars += 1;
        commas += u32::from(comma);
    }
    let mut chars = chars as f32;
    let starts = t.starts_with(char::is_whitespace);
    let ends = t.ends_with(char::is_whitespace);
    if chars > 0.0 {
        chars += (starts as u8 + ends as u8) as f32 * 0.5;
    }
    (chars, commas as f32)
}

/// One attempt's state over the document.
struct Attempt<'a> {
    dom: &'a Dom,
    hints: &'a [Hint],
    /// Length and commas of each text node.
    measures: &'a [(f32, f32)],
    flags: Flags,
    excluded: Vec<bool>,
    agg: Vec<Agg>,
    /// Nodes in document order that are in play.
    order: Vec<NodeId>,
    score: Vec<f32>,
    scored: Vec<bool>,
    /// Divs that stand for a paragraph (no block content, or a single `<p>`).
    para_div: Vec<bool>,
    body: NodeId,
}

/// Finds the body element (or the document when there is none).
fn body_of(dom: &Dom) -> NodeId {
    for id in dom.descendants(0) {
        if dom.tag(id) == Some(Tag::Body) {
            return id;
        }
    }
    0
}

/// Tags that never hold article text.
fn never_content(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Head
            | Tag::Title
            | Tag::Meta
            | Tag::Link
            | Tag::Script
            | Tag::Style
            | Tag::Noscript
            | Tag::Template
            | Tag::Svg
            | Tag::Iframe
            | Tag::Object
            | Tag::Embed
            | Tag::Canvas
            | Tag::Video
            | Tag::Audio
            | Tag::Input
            | Tag::Textarea
            | Tag::Select
            | Tag::Button
            | Tag::Option
            | Tag::Dialog
            | Tag::Footer
            | Tag::Aside
            | Tag::Nav
    )
}

/// What the walk before scoring decided beyond exclusions.
struct Preparation {
    byline: Option<String>,
}

impl<'a> Attempt<'a> {
    fn new(
        dom: &'a Dom,
        hints: &'a [Hint],
        measures: &'a [(f32, f32)],
        flags: Flags,
    ) -> Attempt<'a> {
        let n = dom.len();
        Attempt {
            dom,
            hints,
            measures,
            flags,
            excluded: vec![false; n],
            agg: vec![Agg::default(); n],
            order: Vec::with_capacity(n),
            score: vec![0.0; n],
            scored: vec![false; n],
            para_div: vec![false; n],
            body: body_of(dom),
        }
    }

    /// Marks what is out of play, finds a byline, and removes the first heading that repeats
    /// the title.
    fn prepare(&mut self, title: Option<&str>, want_byline: bool) -> Preparation {
        let dom = self.dom;
        let mut byline = None;
        let mut title_header_left = title.is_some();
        // Bit 0: inside a table; bit 1: inside code or pre.
        let mut ctx = vec![0u8; dom.len()];
        let root = self.body;
        let mut next = Some(root);
        while let Some(id) = next {
            let parent_ctx = dom.parent(id).map_or(0, |p| ctx[p as usize]);
            let mut out = false;
            match &dom.node(id).data {
                NodeData::Element { tag, .. } => {
                    let tag = *tag;
                    let h = self.hints[id as usize];
                    ctx[id as usize] = parent_ctx
                        | if tag == Tag::Table { 1 } else { 0 }
                        | if matches!(tag, Tag::Code | Tag::Pre) {
                            2
                        } else {
                            0
                        };
                    if never_content(tag) || h.hidden {
                        out = true;
                    } else if want_byline && byline.is_none() && h.byline && id != root {
                        let own = crate::meta::collapse(&dom.text_of(id));
                        if !own.is_empty() && own.chars().count() < 100 {
                            byline = Some(meta_text(dom, id));
                            out = true;
                        }
                    }
                    let unlikely =
                        (h.unlikely && parent_ctx == 0 && tag != Tag::A && tag != Tag::Body)
                            || h.unlikely_role;
                    if !out && self.flags.strip_unlikely && id != root && unlikely {
                        out = true;
                    }
                    if !out && title_header_left && matches!(tag, Tag::H1 | Tag::H2) {
                        let heading = dom.text_of(id);
                        if similarity(title.unwrap_or(""), &heading) > 0.75 {
                            title_header_left = false;
                            out = true;
                        }
                    }
                }
                NodeData::Text(_) => {}
                _ => out = id != 0,
            }
            if out {
                self.excluded[id as usize] = true;
                next = dom.next_skipping_children(id, root);
            } else {
                self.order.push(id);
                next = dom
                    .node(id)
                    .first_child
                    .or_else(|| dom.next_skipping_children(id, root));
            }
        }
        Preparation { byline }
    }

    fn aggregate(&mut self) {
        let dom = self.dom;
        for &id in self.order.iter().rev() {
            let mut a = self.agg[id as usize];
            match &dom.node(id).data {
                NodeData::Text(_) => {
                    let (chars, commas) = self.measures[id as usize];
                    a.chars = chars;
                    a.commas = commas;
                }
                NodeData::Element { tag, .. } => {
                    let tag = *tag;
                    match tag {
                        Tag::P => a.p += 1.0,
                        Tag::Img => a.img += 1.0,
                        Tag::Li => a.li += 1.0,
                        Tag::A => {
                            let coef = if dom.attr(id, "href").is_some_and(|h| h.starts_with('#')) {
                                0.3
                            } else {
                                1.0
                            };
                            a.link = a.chars * coef;
                        }
                        Tag::Ul | Tag::Ol => a.list = a.chars,
                        t if t.is_heading() => a.heading = a.chars,
                        _ => {}
                    }
                    if matches!(
                        tag,
                        Tag::Span
                            | Tag::Li
                            | Tag::Td
                            | Tag::P
                            | Tag::Div
                            | Tag::Blockquote
                            | Tag::Dl
                            | Tag::Ol
                            | Tag::Ul
                            | Tag::Pre
                            | Tag::Table
                    ) {
                        a.textish = a.chars;
                    }
                }
                _ => {}
            }
            self.agg[id as usize] = a;
            if let Some(p) = dom.parent(id) {
                let is_block = dom.tag(id).is_some_and(|t| !t.is_phrasing());
                let pa = &mut self.agg[p as usize];
                pa.add(&a);
                pa.block |= a.block || is_block;
            }
        }
    }

    fn init_score(&mut self, id: NodeId) {
        if self.scored[id as usize] {
            return;
        }
        let base = match self.dom.tag(id) {
            Some(Tag::Div) => 5.0,
            Some(Tag::Pre | Tag::Td | Tag::Blockquote) => 3.0,
            Some(
                Tag::Address
                | Tag::Ol
                | Tag::Ul
                | Tag::Dl
                | Tag::Dd
                | Tag::Dt
                | Tag::Li
                | Tag::Form,
            ) => -3.0,
            Some(t) if t.is_heading() || t == Tag::Th => -5.0,
            _ => 0.0,
        };
        self.score[id as usize] = base + self.class_weight(id);
        self.scored[id as usize] = true;
    }

    fn class_weight(&self, id: NodeId) -> f32 {
        if self.flags.weight_classes {
            self.hints[id as usize].weight as f32
        } else {
            0.0
        }
    }

    /// A paragraph (or run of inline content) whose ancestors start at `first`.
    fn vote(&mut self, first: NodeId, chars: f32, commas: f32) {
        if chars < MIN_PARAGRAPH_CHARS {
            return;
        }
        let score = 2.0 + commas + (chars / 100.0).floor().min(3.0);
        let mut anc = Some(first);
        for level in 0..ANCESTOR_LEVELS {
            let Some(a) = anc else { break };
            // The root element (whose parent is the document) does not take votes.
            let Some(parent) = self.dom.parent(a) else {
                break;
            };
            if self.dom.tag(a).is_none() || self.dom.tag(parent).is_none() {
                break;
            }
            self.init_score(a);
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            self.score[a as usize] += score / divider;
            anc = Some(parent);
        }
    }

    fn in_play_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.dom
            .children(id)
            .filter(move |&c| !self.excluded[c as usize])
    }

    fn is_phrasing_node(&self, id: NodeId) -> bool {
        match self.dom.tag(id) {
            Some(t) => t.is_phrasing() && !self.agg[id as usize].block,
            None => true,
        }
    }

    /// Paragraph units vote for their ancestors.
    fn score_paragraphs(&mut self) {
        let order = std::mem::take(&mut self.order);
        for &id in &order {
            let Some(tag) = self.dom.tag(id) else {
                continue;
            };
            let parent = self.dom.parent(id).unwrap_or(0);
            match tag {
                Tag::P | Tag::Pre | Tag::Td | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => {
                    if self.para_div[parent as usize] {
                        continue;
                    }
                    let a = self.agg[id as usize];
                    self.vote(parent, a.chars, a.commas);
                }
                Tag::Div => {
                    let a = self.agg[id as usize];
                    let elems: Vec<NodeId> = self
                        .in_play_children(id)
                        .filter(|&c| self.dom.tag(c).is_some())
                        .collect();
                    let loose_text = self.in_play_children(id).any(|c| {
                        matches!(&self.dom.node(c).data, NodeData::Text(t) if !t.trim().is_empty())
                    });
                    let single_p = elems.len() == 1
                        && self.dom.tag(elems[0]) == Some(Tag::P)
                        && !loose_text
                        && a.link_density() < 0.25;
                    if !a.block || single_p {
                        self.para_div[id as usize] = true;
                        self.vote(parent, a.chars, a.commas);
                    } else {
                        // Runs of inline content between blocks are paragraphs of this div.
                        let mut chars = 0.0;
                        let mut commas = 0.0;
                        let children: Vec<NodeId> = self.in_play_children(id).collect();
                        for c in children {
                            if self.is_phrasing_node(c) {
                                chars += self.agg[c as usize].chars;
                                commas += self.agg[c as usize].commas;
                            } else {
                                self.vote(id, chars, commas);
                                chars = 0.0;
                                commas = 0.0;
                            }
                        }
                        self.vote(id, chars, commas);
                    }
                }
                _ => {}
            }
        }
        self.order = order;
    }

    /// Picks the container of the article and the siblings that belong with it.
    fn select(&mut self) -> Vec<NodeId> {
        let dom = self.dom;
        let mut candidates: Vec<(NodeId, f32)> = Vec::new();
        for &id in &self.order {
            if self.scored[id as usize] {
                let s = self.score[id as usize] * (1.0 - self.agg[id as usize].link_density());
                self.score[id as usize] = s;
                candidates.push((id, s));
            }
        }
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1));
        candidates.truncate(TOP_CANDIDATES);
        let Some(&(mut top, top_score)) = candidates.first() else {
            return vec![self.body];
        };
        if top == self.body {
            return vec![self.body];
        }

        // Several strong candidates under one ancestor: the article is that ancestor.
        let alternatives: Vec<NodeId> = candidates[1..]
            .iter()
            .filter(|(_, s)| *s / top_score >= 0.75)
            .map(|(id, _)| *id)
            .collect();
        if alternatives.len() >= 3 {
            let mut parent = dom.parent(top);
            while let Some(p) = parent {
                if p == self.body || dom.tag(p).is_none() {
                    break;
                }
                let containing = alternatives
                    .iter()
                    .filter(|&&alt| dom.is_ancestor(p, alt))
                    .count();
                if containing >= 3 {
                    top = p;
                    break;
                }
                parent = dom.parent(p);
            }
            self.init_score(top);
        }

        // Climb while the parent scores better: the article is split into sections.
        let mut last_score = self.score[top as usize];
        let threshold = last_score / 3.0;
        let mut parent = dom.parent(top);
        while let Some(p) = parent {
            if p == self.body || dom.tag(p).is_none() {
                break;
            }
            if !self.scored[p as usize] {
                parent = dom.parent(p);
                continue;
            }
            let ps = self.score[p as usize];
            if ps < threshold {
                break;
            }
            if ps > last_score {
                top = p;
                break;
            }
            last_score = ps;
            parent = dom.parent(p);
        }

        // A lone child says nothing its parent does not.
        while let Some(p) = dom.parent(top) {
            if p == self.body || dom.tag(p).is_none() {
                break;
            }
            let elems = self
                .in_play_children(p)
                .filter(|&c| dom.tag(c).is_some())
                .count();
            if elems != 1 {
                break;
            }
            top = p;
        }
        self.init_score(top);

        let Some(parent) = dom.parent(top) else {
            return vec![top];
        };
        let top_score = self.score[top as usize];
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = dom.attr(top, "class").unwrap_or("");
        let mut roots = Vec::new();
        let children: Vec<NodeId> = self.in_play_children(parent).collect();
        for s in children {
            if s == top {
                roots.push(s);
                continue;
            }
            let Some(tag) = dom.tag(s) else {
                continue;
            };
            let mut bonus = 0.0;
            if !top_class.is_empty() && dom.attr(s, "class") == Some(top_class) {
                bonus += top_score * 0.2;
            }
            if self.scored[s as usize] && self.score[s as usize] + bonus >= threshold {
                roots.push(s);
                continue;
            }
            if tag == Tag::P || self.para_div[s as usize] {
                let a = self.agg[s as usize];
                let ld = a.link_density();
                if a.chars > 80.0 && ld < 0.25 {
                    roots.push(s);
                } else if a.chars < 80.0 && a.chars > 0.0 && ld == 0.0 {
                    let t = dom.text_of(s);
                    let t = t.trim_end();
                    if t.ends_with('.') || t.ends_with("。") {
                        roots.push(s);
                    }
                }
            }
        }
        roots
    }

    fn remove(&mut self, id: NodeId) {
        if self.excluded[id as usize] {
            return;
        }
        self.excluded[id as usize] = true;
        let a = self.agg[id as usize];
        let mut p = self.dom.parent(id);
        while let Some(pp) = p {
            self.agg[pp as usize].sub(&a);
            p = self.dom.parent(pp);
        }
    }

    fn in_play_descendants(&self, roots: &[NodeId]) -> Vec<NodeId> {
        let mut out = Vec::new();
        for &root in roots {
            let mut next = Some(root);
            while let Some(id) = next {
                if self.excluded[id as usize] {
                    next = self.dom.next_skipping_children(id, root);
                    continue;
                }
                out.push(id);
                next = self
                    .dom
                    .node(id)
                    .first_child
                    .or_else(|| self.dom.next_skipping_children(id, root));
            }
        }
        out
    }

    fn is_data_table(&self, table: NodeId) -> bool {
        let dom = self.dom;
        if dom.attr(table, "role") == Some("presentation") {
            return false;
        }
        if dom.attr(table, "datatable") == Some("0") {
            return false;
        }
        if dom.attr(table, "summary").is_some() {
            return true;
        }
        let mut rows = 0;
        let mut max_cols = 0;
        for d in dom.descendants(table).skip(1) {
            match dom.tag(d) {
                Some(Tag::Caption | Tag::Thead | Tag::Tfoot | Tag::Colgroup | Tag::Th) => {
                    return true
                }
                Some(Tag::Table) => return false,
                Some(Tag::Tr) => {
                    rows += 1;
                    let cols = dom
                        .children(d)
                        .filter(|&c| matches!(dom.tag(c), Some(Tag::Td | Tag::Th)))
                        .count();
                    max_cols = max_cols.max(cols);
                }
                _ => {}
            }
        }
        rows >= 10 || max_cols > 4 || rows * max_cols > 10
    }

    /// Drops furniture inside the chosen containers.
    fn clean(&mut self, roots: &[NodeId]) {
        let dom = self.dom;
        let nodes = self.in_play_descendants(roots);
        let root_set: Vec<NodeId> = roots.to_vec();
        // Share bars, and headings whose class says they are not content.
        for &id in &nodes {
            if root_set.contains(&id) {
                continue;
            }
            let h = self.hints[id as usize];
            let share_bar = h.share && self.agg[id as usize].chars < 500.0;
            let furniture_heading = self.flags.weight_classes
                && matches!(dom.tag(id), Some(Tag::H1 | Tag::H2))
                && h.weight < 0;
            if share_bar || furniture_heading {
                self.remove(id);
            }
        }
        if !self.flags.clean_conditionally {
            return;
        }
        let mut data_tables = Vec::new();
        for &id in &nodes {
            if dom.tag(id) == Some(Tag::Table) && self.is_data_table(id) {
                data_tables.push(id);
            }
        }
        for &id in nodes.iter().rev() {
            if self.excluded[id as usize] || root_set.contains(&id) {
                continue;
            }
            let Some(tag) = dom.tag(id) else { continue };
            if !matches!(
                tag,
                Tag::Form | Tag::Fieldset | Tag::Table | Tag::Ul | Tag::Ol | Tag::Div
            ) {
                continue;
            }
            if data_tables
                .iter()
                .any(|&t| t == id || dom.is_ancestor(t, id) || dom.is_ancestor(id, t))
            {
                continue;
            }
            if self.furniture(id, tag) {
                self.remove(id);
            }
        }
    }

    /// Whether a box inside the article looks like furniture rather than article text.
    fn furniture(&self, id: NodeId, tag: Tag) -> bool {
        let dom = self.dom;
        let a = self.agg[id as usize];
        let mut is_list = matches!(tag, Tag::Ul | Tag::Ol);
        if !is_list && a.chars > 0.0 && a.list / a.chars > 0.9 {
            is_list = true;
        }
        let mut in_code = false;
        let mut in_figure = false;
        let mut p = dom.parent(id);
        while let Some(pp) = p {
            match dom.tag(pp) {
                Some(Tag::Code | Tag::Pre) => in_code = true,
                Some(Tag::Figure) => in_figure = true,
                _ => {}
            }
            p = dom.parent(pp);
        }
        if in_code {
            return false;
        }
        let weight = self.class_weight(id);
        if weight < 0.0 {
            return true;
        }
        if a.commas >= 10.0 {
            return false;
        }
        let text = if a.chars < 40.0 {
            dom.text_of(id)
        } else {
            String::new()
        };
        let t = text.trim().to_lowercase();
        if !t.is_empty() && is_ad_or_loading(&t) {
            return true;
        }
        let li = a.li - 100.0;
        let ld = a.link_density();
        let heading_density = if a.chars > 0.0 {
            a.heading / a.chars
        } else {
            0.0
        };
        let textish_density = if a.chars > 0.0 {
            a.textish / a.chars
        } else {
            0.0
        };
        let remove = (!in_figure && a.img > 1.0 && a.p / a.img < 0.5)
            || (!is_list && li > a.p)
            || (!is_list
                && !in_figure
                && heading_density < 0.9
                && a.chars < 25.0
                && (a.img == 0.0 || a.img > 2.0)
                && ld > 0.0)
            || (!is_list && weight < 25.0 && ld > 0.2)
            || (weight >= 25.0 && ld > 0.5)
            || (a.img == 0.0 && a.chars > 0.0 && textish_density == 0.0 && tag != Tag::Div);
        if is_list && remove {
            // A gallery: every item is just a picture.
            let items: Vec<NodeId> = self
                .in_play_children(id)
                .filter(|&c| dom.tag(c).is_some())
                .collect();
            if !items.is_empty() && a.img >= items.len() as f32 && a.chars < 1.0 {
                return false;
            }
        }
        remove
    }

    fn text_chars(&self, roots: &[NodeId]) -> f32 {
        roots.iter().map(|&r| self.agg[r as usize].chars).sum()
    }
}

fn is_ad_or_loading(t: &str) -> bool {
    let t = t.trim_end_matches(['.', '…']);
    matches!(
        t,
        "ad" | "ads"
            | "advertising"
            | "advertisement"
            | "publicité"
            | "werbung"
            | "anzeige"
            | "广告"
            | "реклама"
            | "anuncio"
            | "loading"
            | "正在加载"
            | "загрузка"
            | "chargement"
            | "cargando"
    )
}

/// The text and scoring-time byline of the article in `dom`.
pub(crate) struct Body {
    pub(crate) text: String,
    pub(crate) byline: Option<String>,
}

/// Text of an element for a byline: an `itemprop=name` inside wins.
fn meta_text(dom: &Dom, id: NodeId) -> String {
    for d in dom.descendants(id) {
        if dom.attr(d, "itemprop").is_some_and(|p| p.contains("name")) {
            let t = crate::meta::collapse(&dom.text_of(d));
            if !t.is_empty() {
                return t;
            }
        }
    }
    crate::meta::collapse(&dom.text_of(id))
}

/// Finds the article text. `title` is the known title (a heading repeating it is left out);
/// `want_byline` looks for a byline in the page when the metadata had none.
pub(crate) fn extract(dom: &Dom, title: Option<&str>, want_byline: bool) -> Body {
    let hints = hints(dom);
    // Text lengths do not change between attempts: measure each text node once.
    let measures: Vec<(f32, f32)> = dom
        .nodes
        .iter()
        .map(|n| match &n.data {
            NodeData::Text(t) => text_measure(t),
            _ => (0.0, 0.0),
        })
        .collect();
    let mut flags = Flags {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
    };
    // The longest failed attempt: its text length, chosen containers and what it left out.
    let mut best: Option<(f32, Vec<NodeId>, Vec<bool>)> = None;
    let mut byline = None;
    for round in 0..4 {
        let mut attempt = Attempt::new(dom, &hints, &measures, flags);
        let prep = attempt.prepare(title, want_byline);
        if round == 0 {
            byline = prep.byline;
        }
        attempt.aggregate();
        attempt.score_paragraphs();
        let roots = attempt.select();
        attempt.clean(&roots);
        let chars = attempt.text_chars(&roots);
        if chars >= MIN_TEXT_CHARS {
            let excluded = &attempt.excluded;
            return Body {
                text: text::render(dom, &roots, |id| excluded[id as usize]),
                byline,
            };
        }
        if best.as_ref().is_none_or(|(c, _, _)| chars > *c) {
            best = Some((chars, roots, std::mem::take(&mut attempt.excluded)));
        }
        match round {
            0 => flags.strip_unlikely = false,
            1 => flags.weight_classes = false,
            2 => flags.clean_conditionally = false,
            _ => {}
        }
    }
    let text = best.map_or_else(String::new, |(_, roots, excluded)| {
        text::render(dom, &roots, |id| excluded[id as usize])
    });
    Body { text, byline }
}
