//! A compact arena DOM that html5ever's tree builder fills in: nodes in one `Vec`, linked by
//! index, tags mapped once to [`Tag`] so that scoring never compares strings.
//!
//! The tree builder is handed elements no deeper than [`MAX_DEPTH`]: it checks scopes by
//! walking its stack of open elements, once or more per tag, so a page of 100,000 nested
//! `div`s cost time quadratic in its depth (31 s). Deeper start tags (and their end tags) are
//! dropped, their contents read as if they stood at that depth, and the page is marked
//! [`Dom::flattened`].

use crate::tokenize;
use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
#[cfg(test)]
use html5ever::tendril::TendrilSink;
use html5ever::tokenizer::{TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{local_name, ns, Attribute, LocalName, QualName};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};

pub(crate) type NodeId = u32;

/// Deepest element the tree builder is handed. Real pages stay far under it: every one of
/// the 130 readability pages gives the same tree as html5ever alone
/// (`tokenize::tests::every_readability_page_gives_html5evers_tree`).
pub const MAX_DEPTH: u32 = 512;

/// The tags the extractor treats specially; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Script,
    Style,
    Noscript,
    Template,
    Svg,
    Math,
    Iframe,
    Object,
    Embed,
    Canvas,
    Video,
    Audio,
    Form,
    Fieldset,
    Input,
    Textarea,
    Select,
    Button,
    Label,
    Option,
    Div,
    Section,
    Article,
    Main,
    Header,
    Footer,
    Nav,
    Aside,
    P,
    Pre,
    Code,
    Blockquote,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Table,
    Caption,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    Th,
    Colgroup,
    Figure,
    Figcaption,
    Img,
    Picture,
    Br,
    Hr,
    A,
    Span,
    Font,
    Time,
    Address,
    Details,
    Summary,
    Center,
    Dialog,
    Menu,
    /// An inline (phrasing) element with no special role: `b`, `em`, `abbr`, ...
    Inline,
    Other,
}

impl Tag {
    fn of(name: &LocalName) -> Tag {
        match &**name {
            "html" => Tag::Html,
            "head" => Tag::Head,
            "body" => Tag::Body,
            "title" => Tag::Title,
            "meta" => Tag::Meta,
            "link" => Tag::Link,
            "script" => Tag::Script,
            "style" => Tag::Style,
            "noscript" => Tag::Noscript,
            "template" => Tag::Template,
            "svg" => Tag::Svg,
            "math" => Tag::Math,
            "iframe" | "frame" | "frameset" => Tag::Iframe,
            "object" | "applet" => Tag::Object,
            "embed" => Tag::Embed,
            "canvas" => Tag::Canvas,
            "video" => Tag::Video,
            "audio" => Tag::Audio,
            "form" => Tag::Form,
            "fieldset" => Tag::Fieldset,
            "input" => Tag::Input,
            "textarea" => Tag::Textarea,
            "select" => Tag::Select,
            "button" => Tag::Button,
            "label" => Tag::Label,
            "option" | "optgroup" | "datalist" => Tag::Option,
            "div" => Tag::Div,
            "section" => Tag::Section,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "header" | "hgroup" => Tag::Header,
            "footer" => Tag::Footer,
            "nav" => Tag::Nav,
            "aside" => Tag::Aside,
            "p" => Tag::P,
            "pre" | "listing" | "xmp" | "plaintext" => Tag::Pre,
            "code" => Tag::Code,
            "blockquote" => Tag::Blockquote,
            "h1" => Tag::H1,
            "h2" => Tag::H2,
            "h3" => Tag::H3,
            "h4" => Tag::H4,
            "h5" => Tag::H5,
            "h6" => Tag::H6,
            "ul" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "table" => Tag::Table,
            "caption" => Tag::Caption,
            "thead" => Tag::Thead,
            "tbody" => Tag::Tbody,
            "tfoot" => Tag::Tfoot,
            "tr" => Tag::Tr,
            "td" => Tag::Td,
            "th" => Tag::Th,
            "colgroup" | "col" => Tag::Colgroup,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "img" | "image" => Tag::Img,
            "picture" => Tag::Picture,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "a" => Tag::A,
            "span" => Tag::Span,
            "font" => Tag::Font,
            "time" => Tag::Time,
            "address" => Tag::Address,
            "details" => Tag::Details,
            "summary" => Tag::Summary,
            "center" => Tag::Center,
            "dialog" => Tag::Dialog,
            "menu" => Tag::Menu,
            "b" | "i" | "u" | "s" | "em" | "strong" | "small" | "big" | "sub" | "sup" | "abbr"
            | "acronym" | "cite" | "dfn" | "kbd" | "samp" | "var" | "mark" | "q" | "bdi"
            | "bdo" | "del" | "ins" | "strike" | "tt" | "data" | "wbr" | "ruby" | "rt" | "rp"
            | "nobr" => Tag::Inline,
            _ => Tag::Other,
        }
    }

    pub(crate) fn is_heading(self) -> bool {
        matches!(
            self,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        )
    }

    /// Phrasing content: may sit inside a paragraph.
    pub(crate) fn is_phrasing(self) -> bool {
        matches!(
            self,
            Tag::A
                | Tag::Span
                | Tag::Font
                | Tag::Inline
                | Tag::Code
                | Tag::Time
                | Tag::Br
                | Tag::Img
                | Tag::Picture
                | Tag::Label
                | Tag::Input
                | Tag::Button
                | Tag::Select
                | Tag::Textarea
                | Tag::Canvas
                | Tag::Video
                | Tag::Audio
                | Tag::Embed
                | Tag::Object
                | Tag::Iframe
                | Tag::Math
                | Tag::Svg
                | Tag::Script
                | Tag::Noscript
                | Tag::Style
                | Tag::Template
                | Tag::Meta
                | Tag::Link
        )
    }
}

#[derive(Debug)]
pub(crate) enum NodeData {
    Document,
    Element {
        tag: Tag,
        /// As the tokenizer gives them (no copy into another shape).
        attrs: Vec<Attribute>,
    },
    Text(StrTendril),
    /// Comments, doctypes, processing instructions: kept out of everything.
    Other,
}

#[derive(Debug)]
pub(crate) struct Node {
    pub(crate) parent: Option<NodeId>,
    pub(crate) first_child: Option<NodeId>,
    pub(crate) last_child: Option<NodeId>,
    pub(crate) prev: Option<NodeId>,
    pub(crate) next: Option<NodeId>,
    /// Ancestors counted when the node was put in place (the document is 0); a subtree the
    /// tree builder moves keeps its old depths below its root, which only bounds need.
    pub(crate) depth: u32,
    pub(crate) data: NodeData,
}

/// A parsed document. Node 0 is the document.
#[derive(Debug)]
pub(crate) struct Dom {
    pub(crate) nodes: Vec<Node>,
    /// Elements nested deeper than [`MAX_DEPTH`] were dropped, their contents kept.
    pub(crate) flattened: bool,
}

impl Dom {
    #[cfg(test)]
    pub(crate) fn parse(html: &str) -> Dom {
        Dom::parse_tendril(StrTendril::from_slice(html))
    }

    /// Parses `html`, which the tokenizer takes without copying it: [`tokenize`] reads what it
    /// can and html5ever's own tokenizer the rest, both into html5ever's tree builder.
    pub(crate) fn parse_tendril(html: StrTendril) -> Dom {
        let builder = TreeBuilder::new(Sink::new(), TreeBuilderOpts::default());
        let bounded = Bounded {
            builder: &builder,
            dropped: RefCell::default(),
            flattened: Cell::new(false),
        };
        tokenize::feed(&html, &bounded);
        let flattened = bounded.flattened.get();
        let mut dom = builder.sink.finish();
        dom.flattened = flattened;
        dom
    }

    /// Parses `html` with html5ever alone (its tokenizer throughout): what
    /// [`Dom::parse_tendril`] must equal.
    #[cfg(test)]
    pub(crate) fn parse_reference(html: StrTendril) -> Dom {
        html5ever::parse_document(Sink::new(), Default::default()).one(html)
    }

    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    pub(crate) fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    pub(crate) fn tag(&self, id: NodeId) -> Option<Tag> {
        match &self.nodes[id as usize].data {
            NodeData::Element { tag, .. } => Some(*tag),
            _ => None,
        }
    }

    pub(crate) fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        match &self.nodes[id as usize].data {
            NodeData::Element { attrs, .. } => attrs
                .iter()
                .find(|a| &*a.name.local == name)
                .map(|a| &*a.value),
            _ => None,
        }
    }

    pub(crate) fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes[id as usize].first_child,
        }
    }

    pub(crate) fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id as usize].parent
    }

    /// Nodes of the subtree under `root` (itself included) in document order.
    pub(crate) fn descendants(&self, root: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            root,
            next: Some(root),
        }
    }

    /// Next node in document order after `id`, not entering `id`'s children, within `root`.
    pub(crate) fn next_skipping_children(&self, id: NodeId, root: NodeId) -> Option<NodeId> {
        let mut cur = id;
        loop {
            if cur == root {
                return None;
            }
            let n = &self.nodes[cur as usize];
            if let Some(next) = n.next {
                return Some(next);
            }
            cur = n.parent?;
        }
    }

    /// All text under `id`, concatenated as is.
    pub(crate) fn text_of(&self, id: NodeId) -> String {
        let mut out = String::new();
        for d in self.descendants(id) {
            if let NodeData::Text(t) = &self.nodes[d as usize].data {
                out.push_str(t);
            }
        }
        out
    }

    pub(crate) fn is_ancestor(&self, ancestor: NodeId, mut id: NodeId) -> bool {
        while let Some(p) = self.parent(id) {
            if p == ancestor {
                return true;
            }
            id = p;
        }
        false
    }
}

pub(crate) struct Children<'a> {
    dom: &'a Dom,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = self.dom.nodes[cur as usize].next;
        Some(cur)
    }
}

pub(crate) struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = match self.dom.nodes[cur as usize].first_child {
            Some(c) => Some(c),
            None => self.dom.next_skipping_children(cur, self.root),
        };
        Some(cur)
    }
}

impl Node {
    fn new(data: NodeData) -> Node {
        Node {
            parent: None,
            first_child: None,
            last_child: None,
            prev: None,
            next: None,
            depth: 0,
            data,
        }
    }
}

/// The tree builder behind a gate that keeps its stack of open elements at most
/// [`MAX_DEPTH`] deep: a start tag that would open an element deeper is dropped, and so is
/// the end tag that closes it.
struct Bounded<'a> {
    builder: &'a TreeBuilder<Handle, Sink>,
    /// Names of the start tags dropped, innermost last.
    dropped: RefCell<Vec<LocalName>>,
    flattened: Cell<bool>,
}

impl Bounded<'_> {
    /// Depth of the tree builder's current node. It names that node to the sink when asked
    /// whether it lies outside HTML (an O(1) question), and the sink keeps the last node it
    /// was asked to name.
    fn current_depth(&self) -> u32 {
        let sink = &self.builder.sink;
        sink.named.set(0);
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace();
        sink.nodes.borrow()[sink.named.get() as usize].depth
    }
}

/// Elements that never hold others: they cannot deepen the tree.
fn is_void(name: &LocalName) -> bool {
    matches!(
        &**name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

impl TokenSink for Bounded<'_> {
    type Handle = Handle;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<Handle> {
        if let Token::TagToken(tag) = &token {
            match tag.kind {
                TagKind::StartTag if !is_void(&tag.name) && self.current_depth() >= MAX_DEPTH => {
                    self.dropped.borrow_mut().push(tag.name.clone());
                    self.flattened.set(true);
                    return TokenSinkResult::Continue;
                }
                TagKind::EndTag => {
                    // An end tag closes the innermost dropped element of its name when one
                    // lies among the last few (mis-nested markup), else it is the builder's.
                    let mut dropped = self.dropped.borrow_mut();
                    let n = dropped.len();
                    if let Some(i) = dropped.iter().rev().take(4).position(|d| *d == tag.name) {
                        dropped.truncate(n - 1 - i);
                        return TokenSinkResult::Continue;
                    }
                }
                TagKind::StartTag => {}
            }
        }
        self.builder.process_token(token, line)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// The tree builder's view of the arena. Handles carry the element name so that
/// `elem_name` needs no borrow of the arena.
struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// The node `elem_name` was last asked about (see [`Bounded::current_depth`]).
    named: Cell<NodeId>,
}

/// An empty sink, for tests that drive the tree builder themselves.
#[cfg(test)]
pub(crate) fn test_sink() -> impl TreeSink {
    Sink::new()
}

#[derive(Clone)]
struct Handle {
    id: NodeId,
    name: QualName,
}

fn no_name() -> QualName {
    QualName::new(None, ns!(), local_name!(""))
}

impl Sink {
    fn new() -> Sink {
        Sink {
            nodes: RefCell::new(vec![Node::new(NodeData::Document)]),
            named: Cell::new(0),
        }
    }

    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        let id = nodes.len() as NodeId;
        nodes.push(Node::new(data));
        id
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        let (parent, prev, next) = {
            let n = &nodes[id as usize];
            (n.parent, n.prev, n.next)
        };
        let Some(parent) = parent else {
            return;
        };
        match prev {
            Some(p) => nodes[p as usize].next = next,
            None => nodes[parent as usize].first_child = next,
        }
        match next {
            Some(n) => nodes[n as usize].prev = prev,
            None => nodes[parent as usize].last_child = prev,
        }
        let n = &mut nodes[id as usize];
        n.parent = None;
        n.prev = None;
        n.next = None;
    }

    fn append_child(nodes: &mut [Node], parent: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let last = nodes[parent as usize].last_child;
        let depth = nodes[parent as usize].depth + 1;
        {
            let c = &mut nodes[child as usize];
            c.depth = depth;
            c.parent = Some(parent);
            c.prev = last;
            c.next = None;
        }
        match last {
            Some(l) => nodes[l as usize].next = Some(child),
            None => nodes[parent as usize].first_child = Some(child),
        }
        nodes[parent as usize].last_child = Some(child);
    }

    fn insert_before(nodes: &mut [Node], sibling: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let Some(parent) = nodes[sibling as usize].parent else {
            return;
        };
        let prev = nodes[sibling as usize].prev;
        let depth = nodes[parent as usize].depth + 1;
        {
            let c = &mut nodes[child as usize];
            c.depth = depth;
            c.parent = Some(parent);
            c.prev = prev;
            c.next = Some(sibling);
        }
        nodes[sibling as usize].prev = Some(child);
        match prev {
            Some(p) => nodes[p as usize].next = Some(child),
            None => nodes[parent as usize].first_child = Some(child),
        }
    }
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Dom;
    type ElemName<'a> = &'a QualName;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
            flattened: false,
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        Handle {
            id: 0,
            name: no_name(),
        }
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> &'a QualName {
        self.named.set(target.id);
        &target.name
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> Handle {
        let tag = if name.ns == ns!(html) {
            Tag::of(&name.local)
        } else if name.ns == ns!(svg) {
            Tag::Svg
        } else if name.ns == ns!(mathml) {
            Tag::Math
        } else {
            Tag::Other
        };
        let id = self.push(NodeData::Element { tag, attrs });
        Handle { id, name }
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        Handle {
            id: self.push(NodeData::Other),
            name: no_name(),
        }
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        Handle {
            id: self.push(NodeData::Other),
            name: no_name(),
        }
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendNode(h) => Self::append_child(&mut nodes, parent.id, h.id),
            NodeOrText::AppendText(t) => {
                if let Some(last) = nodes[parent.id as usize].last_child {
                    if let NodeData::Text(existing) = &mut nodes[last as usize].data {
                        existing.push_tendril(&t);
                        return;
                    }
                }
                let id = nodes.len() as NodeId;
                nodes.push(Node::new(NodeData::Text(t)));
                Self::append_child(&mut nodes, parent.id, id);
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        let has_parent = self.nodes.borrow()[element.id as usize].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        target.clone()
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        let mut nodes = self.nodes.borrow_mut();
        match new_node {
            NodeOrText::AppendNode(h) => Self::insert_before(&mut nodes, sibling.id, h.id),
            NodeOrText::AppendText(t) => {
                if let Some(prev) = nodes[sibling.id as usize].prev {
                    if let NodeData::Text(existing) = &mut nodes[prev as usize].data {
                        existing.push_tendril(&t);
                        return;
                    }
                }
                let id = nodes.len() as NodeId;
                nodes.push(Node::new(NodeData::Text(t)));
                Self::insert_before(&mut nodes, sibling.id, id);
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeData::Element {
            attrs: existing, ..
        } = &mut nodes[target.id as usize].data
        {
            for a in attrs {
                if !existing.iter().any(|e| e.name.local == a.name.local) {
                    existing.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        Self::detach(&mut self.nodes.borrow_mut(), target.id);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut nodes = self.nodes.borrow_mut();
        while let Some(child) = nodes[node.id as usize].first_child {
            Self::append_child(&mut nodes, new_parent.id, child);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_markup_becomes_a_tree() {
        let dom =
            Dom::parse("<!DOCTYPE html><p>One <b>two<p>three</b> four<table><td>cell</table>");
        let ps: Vec<String> = (0..dom.len() as NodeId)
            .filter(|&i| dom.tag(i) == Some(Tag::P))
            .map(|i| dom.text_of(i))
            .collect();
        assert_eq!(ps, ["One two", "three four"]);
        let td = (0..dom.len() as NodeId)
            .find(|&i| dom.tag(i) == Some(Tag::Td))
            .unwrap();
        assert_eq!(dom.text_of(td), "cell");
    }
}
