//! Mention detection: spans of capitalised words (with name particles inside) become name
//! mentions, each with the type cues around it; titles, possessives, sentence-initial common
//! words, dates and demonyms are kept out.

use crate::lexicon::{self, gazetteer};
use crate::names;
use crate::tokens::{tokens, Token};
use chorus_model::{CleanArticle, EntityKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::Cell;
use std::collections::BTreeSet;

/// Type evidence for a name: weighted votes per kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Votes {
    pub(crate) person: u32,
    pub(crate) organisation: u32,
    pub(crate) place: u32,
}

/// A gazetteer match outweighs any number of cues in one mention.
const GAZETTEER: u32 = 10;
/// A title before the name, an organisation word or a place word in it.
const STRONG: u32 = 5;
/// A role noun before, an Arabic naming element ("Abu", "bin"), an acronym.
const MEDIUM: u32 = 3;
/// A verb of saying after, "who" after, a place or organisation noun next to it.
const WEAK: u32 = 2;
/// A preposition before ("in Moscow").
const FAINT: u32 = 1;
/// A capitalised word written in lower case at least once per this many capitalised uses is a
/// common word when nothing else says it is a name.
const COMMON_RATIO: u32 = 4;

impl Votes {
    pub(crate) fn add(&mut self, other: Votes) {
        self.person += other.person;
        self.organisation += other.organisation;
        self.place += other.place;
    }

    fn vote(&mut self, kind: EntityKind, weight: u32) {
        match kind {
            EntityKind::Person => self.person += weight,
            EntityKind::Organisation => self.organisation += weight,
            EntityKind::Place => self.place += weight,
            EntityKind::Other => {}
        }
    }

    /// The kind with most votes (ties: person, then organisation, then place); `Other` when
    /// nothing voted.
    pub(crate) fn kind(&self) -> EntityKind {
        let best = self.person.max(self.organisation).max(self.place);
        if best == 0 {
            EntityKind::Other
        } else if self.person == best {
            EntityKind::Person
        } else if self.organisation == best {
            EntityKind::Organisation
        } else {
            EntityKind::Place
        }
    }
}

/// One detected name occurrence, before alias resolution.
#[derive(Debug, Clone)]
pub(crate) struct Detected {
    pub(crate) article: usize,
    /// Byte range of the surface form (an honorific included, "Mr Assad").
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Where the name itself starts (after any honorific); it ends at `end`.
    pub(crate) name_start: usize,
    pub(crate) key: String,
    pub(crate) votes: Votes,
    pub(crate) gazetteer: Option<usize>,
    pub(crate) acronym: bool,
}

/// All mentions of the input, in article and text order, and the "Long Name (ACR)" pairs
/// (indices into `mentions`).
#[derive(Debug, Default)]
pub(crate) struct Detection {
    pub(crate) mentions: Vec<Detected>,
    pub(crate) expansions: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Capitalised: "Assad", "Al-Assad", "France-Presse".
    Capitalised,
    /// Two to six capitals: "HTS", "U.S.".
    Acronym,
    /// Lower-case particle before a capitalised part: "al-Assad".
    ParticleName,
    Other,
}

fn shape(w: &str) -> Shape {
    // Most words: lower case and unhyphenated, so neither a capital nor a particle name.
    // (Hyphens are '-' or start with byte E2: only then is the text searched for one.)
    let bytes = w.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_lowercase)
        && !(bytes.iter().any(|&b| b == b'-' || b == 0xE2) && w.contains(['-', '‐', '‑']))
    {
        return Shape::Other;
    }
    // Letters other than dots: how many, whether all are capitals, and whether all but a
    // final "s" are.
    let (mut letters, mut upper, mut last_s) = (0usize, 0usize, false);
    for c in w.chars().filter(|c| *c != '.') {
        letters += 1;
        upper += usize::from(c.is_uppercase());
        last_s = c == 's';
    }
    if (2..=6).contains(&letters) && upper == letters {
        return Shape::Acronym;
    }
    if last_s && (2..=6).contains(&(letters - 1)) && upper == letters - 1 {
        // "EMTs", "MPs", "NGOs": the plural of an acronym is a common noun.
        return Shape::Other;
    }
    if let Some((_, after)) = w.split_once(['\'', '’']) {
        if matches!(after, "m" | "ve" | "ll" | "d" | "re" | "t") {
            // "I'm", "We're", "Don't": contractions, not names.
            return Shape::Other;
        }
    }
    let hyphens = ['-', '‐', '‑'];
    let last = w.rsplit(hyphens).next().unwrap_or_default();
    let last_capital = last
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let first = w.chars().next();
    if first.is_some_and(char::is_uppercase) {
        // "Russian-backed", "US-led", "Arabic-speaking" are adjectives, not names;
        // "Co-ordination" is part of one.
        let adjective = !last_capital
            && (last.ends_with("ed")
                || matches!(
                    last,
                    "born" | "style" | "era" | "speaking" | "made" | "run" | "wide"
                ));
        return if adjective {
            Shape::Other
        } else {
            Shape::Capitalised
        };
    }
    if last_capital {
        if let Some((head, _)) = w.split_once(hyphens) {
            if lexicon::is_particle(&head.to_lowercase()) {
                return Shape::ParticleName;
            }
        }
    }
    Shape::Other
}

/// What the whole input says about words, gathered before any span is judged.
struct Vocabulary<'a> {
    /// Keys of capitalised words seen away from a sentence start.
    capitalised_inside: HashSet<String>,
    /// Words seen in lower case (of those a capitalised word or an acronym may be).
    lower: HashSet<&'a str>,
    /// How often each of those words is written in lower case in running text (not in a
    /// handle or a tag, "@nas"), and how often capitalised (under its lower-case form).
    lower_count: HashMap<&'a str, u32>,
    capital_count: HashMap<&'a str, u32>,
    /// Keys of the outlets' names: a name that is an outlet is an organisation.
    outlets: BTreeSet<String>,
    /// Keys of words seen in mixed case away from a sentence start ("Perth"): the same word
    /// in capitals ("PERTH (Reuters)") is shouted, not an acronym.
    mixed_case: HashSet<String>,
}

struct ArticleTokens<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    /// Shape and lower-case form of each token, computed once.
    shapes: Vec<Shape>,
    lowers: Lowered,
}

/// The lower-case forms of an article's tokens: a word with no capital and no non-ASCII
/// letter is its own form; the others are written into one string.
#[derive(Default)]
struct Lowered {
    text: String,
    /// Per token, its form's range in `text`, or [`Lowered::SAME`].
    forms: Vec<(u32, u32)>,
}

impl Lowered {
    const SAME: (u32, u32) = (u32::MAX, u32::MAX);

    /// The lower-case form of token `i`, whose word is `word`.
    fn get<'w>(&'w self, i: usize, word: &'w str) -> &'w str {
        match self.forms[i] {
            Lowered::SAME => word,
            (start, end) => &self.text[start as usize..end as usize],
        }
    }
}

/// The shapes and lower-case forms of `tokens`, in one pass over each word's bytes.
fn shapes_and_forms(text: &str, tokens: &[Token]) -> (Vec<Shape>, Lowered) {
    let mut shapes = Vec::with_capacity(tokens.len());
    let mut lowered = Lowered {
        text: String::new(),
        forms: Vec::with_capacity(tokens.len()),
    };
    for t in tokens {
        let w = &text[t.start..t.end];
        let (mut cased, mut dashed) = (false, false);
        for &b in w.as_bytes() {
            cased |= b.is_ascii_uppercase() || !b.is_ascii();
            // A hyphen is '-' or starts with byte E2 ('‐', '‑').
            dashed |= b == b'-' || b == 0xE2;
        }
        // Most words: lower case and unhyphenated, so neither a capital nor a particle name.
        let plain = w.as_bytes().first().is_some_and(u8::is_ascii_lowercase) && !dashed;
        shapes.push(if plain { Shape::Other } else { shape(w) });
        if !cased {
            lowered.forms.push(Lowered::SAME);
            continue;
        }
        let start = lowered.text.len();
        if w.is_ascii() {
            lowered.text.push_str(w);
            lowered.text[start..].make_ascii_lowercase();
        } else {
            lowered.text.push_str(&w.to_lowercase());
        }
        // Texts are far below 4 GiB (inputs are capped at 256 MiB).
        lowered
            .forms
            .push((start as u32, lowered.text.len() as u32));
    }
    (shapes, lowered)
}

/// Sentence starts of an article: given sentences, else sentences found in each line; every
/// line start counts too.
fn sentence_starts(article: &CleanArticle) -> Vec<usize> {
    let text = article.text();
    let mut starts: Vec<usize> = article.sentences.iter().map(|s| s.start).collect();
    let mut offset = 0;
    for line in text.split('\n') {
        starts.push(offset);
        if article.sentences.is_empty() {
            starts.extend(
                chorus_text::sentences(line)
                    .into_iter()
                    .map(|r| offset + r.start),
            );
        }
        offset += line.len() + 1;
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// Finds the name mentions of every article.
pub(crate) fn detect(articles: &[&CleanArticle]) -> Detection {
    let tokenized: Vec<ArticleTokens<'_>> = articles
        .iter()
        .map(|a| {
            let text = a.text();
            let tokens = tokens(text, &sentence_starts(a));
            let (shapes, lowers) = shapes_and_forms(text, &tokens);
            ArticleTokens {
                text,
                tokens,
                shapes,
                lowers,
            }
        })
        .collect();
    let mut vocabulary = Vocabulary {
        capitalised_inside: HashSet::default(),
        lower: HashSet::default(),
        lower_count: HashMap::default(),
        capital_count: HashMap::default(),
        outlets: articles
            .iter()
            .map(|a| names::key(&a.article.source))
            .collect(),
        mixed_case: HashSet::default(),
    };
    // Whether a word is also used in lower case is only ever asked of a capitalised word or
    // an acronym, so only their lower-case forms are collected.
    let asked: HashSet<&str> = tokenized
        .iter()
        .flat_map(|at| {
            (at.shapes.iter().enumerate())
                .filter(|&(_, &s)| s != Shape::Other)
                .map(|(i, _)| {
                    let t = &at.tokens[i];
                    at.lowers.get(i, &at.text[t.start..t.end])
                })
        })
        .collect();
    // Capitalised words as written, keyed once each however often they occur.
    let mut keyed: HashSet<&str> = HashSet::default();
    for at in &tokenized {
        for (i, (t, &shape)) in at.tokens.iter().zip(&at.shapes).enumerate() {
            let w = &at.text[t.start..t.end];
            if shape == Shape::Capitalised {
                *vocabulary
                    .capital_count
                    .entry(at.lowers.get(i, w))
                    .or_default() += 1;
            }
            match shape {
                Shape::Other
                    if w.chars().next().is_some_and(char::is_lowercase) && asked.contains(w) =>
                {
                    vocabulary.lower.insert(w);
                    let tagged = at.text[..t.start].ends_with(['@', '#', '/', '.', '_']);
                    if !tagged {
                        *vocabulary.lower_count.entry(w).or_default() += 1;
                    }
                }
                Shape::Other => {}
                shape if !t.initial && !t.headline => {
                    // The shape is a function of the word, so a word seen is fully counted.
                    if !keyed.insert(w) {
                        continue;
                    }
                    let key = names::key(w);
                    if shape == Shape::Capitalised {
                        vocabulary.mixed_case.insert(key.clone());
                    }
                    vocabulary.capitalised_inside.insert(key);
                }
                _ => {}
            }
        }
    }
    let mut detection = Detection::default();
    for (article, at) in tokenized.iter().enumerate() {
        let first = detection.mentions.len();
        let mut spans = Spans {
            article,
            text: at.text,
            tokens: &at.tokens,
            shapes: &at.shapes,
            lowers: &at.lowers,
            vocabulary: &vocabulary,
            classes: vec![Cell::new(0); 2 * at.tokens.len()],
            out: &mut detection.mentions,
        };
        spans.run();
        link_expansions(at.text, first, &mut detection);
    }
    detection
}

/// Pairs "Hayat Tahrir al Sham (HTS)" and "HTS (Hayat Tahrir al Sham)".
fn link_expansions(text: &str, first: usize, detection: &mut Detection) {
    let mentions = &detection.mentions;
    for i in first..mentions.len().saturating_sub(1) {
        let (a, b) = (&mentions[i], &mentions[i + 1]);
        let bracketed = text[a.end..b.start].trim() == "(" && text[b.end..].starts_with(')');
        if !bracketed {
            continue;
        }
        let (long, short) = match (a.acronym, b.acronym) {
            (false, true) => (a, b),
            (true, false) => (b, a),
            // "Australian Maritime Safety Authority (Amsa)": an acronym written as a word,
            // accepted when it is exactly the initials.
            (false, false) => {
                let short_key = names::key(&text[b.name_start..b.end]);
                let long_core = names::core(&text[a.name_start..a.end]);
                let parts: Vec<&str> = long_core.iter().map(String::as_str).collect();
                if short_key.contains(' ') || names::initials(&parts) != short_key {
                    continue;
                }
                (a, b)
            }
            _ => continue,
        };
        let long_core = names::core(&text[long.name_start..long.end]);
        let initial = |s: &str| {
            s.chars()
                .next()
                .map(|c| c.to_lowercase().collect::<String>())
        };
        if long_core.len() >= 2 && initial(&long_core[0]) == initial(&text[short.start..short.end])
        {
            detection.expansions.push((i, i + 1));
        }
    }
}

struct Spans<'a> {
    article: usize,
    text: &'a str,
    tokens: &'a [Token],
    shapes: &'a [Shape],
    lowers: &'a Lowered,
    vocabulary: &'a Vocabulary<'a>,
    /// Per token, [`lexicon::classes`] of the word as written (at `2 * i`) and of its
    /// lower-case form (at `2 * i + 1`), looked up on first use ([`LOOKED`] then set).
    classes: Vec<Cell<u16>>,
    out: &'a mut Vec<Detected>,
}

/// Marks a [`Spans::classes`] entry as looked up.
const LOOKED: u16 = 1 << 15;

impl Spans<'_> {
    fn word(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    fn lower(&self, i: usize) -> &str {
        self.lowers.get(i, self.word(i))
    }

    /// The word lists holding token `i` as written (bits of [`lexicon::classes`]).
    fn written(&self, i: usize) -> u16 {
        self.cached(2 * i, self.word(i))
    }

    /// The word lists holding token `i` in lower case.
    fn lowered(&self, i: usize) -> u16 {
        self.cached(2 * i + 1, self.lower(i))
    }

    fn cached(&self, slot: usize, word: &str) -> u16 {
        let known = self.classes[slot].get();
        if known & LOOKED != 0 {
            return known;
        }
        let classes = lexicon::classes(word) | LOOKED;
        self.classes[slot].set(classes);
        classes
    }

    fn shape(&self, i: usize) -> Shape {
        self.shapes[i]
    }

    fn name_like(&self, i: usize) -> bool {
        i < self.tokens.len() && self.shape(i) != Shape::Other
    }

    /// Only spaces between tokens `a` and `b`: they can belong to one name.
    fn plain_gap(&self, a: usize, b: usize) -> bool {
        if b >= self.tokens.len() {
            return false;
        }
        let gap = &self.text[self.tokens[a].end..self.tokens[b].start];
        !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\t')
    }

    /// A gap that still joins two name words: "Mr. Assad" and "J. K. Okafor" (a title or an
    /// initial, a period, spaces), or "Farmers' Cooperative" (a plural possessive).
    fn joining_gap(&self, a: usize, b: usize) -> bool {
        if b >= self.tokens.len() {
            return false;
        }
        let word = self.word(a);
        let gap = &self.text[self.tokens[a].end..self.tokens[b].start];
        let spaces = |g: &str| !g.is_empty() && g.chars().all(|c| c == ' ');
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if self.written(a) & lexicon::TITLE != 0 || initial {
            return gap.strip_prefix('.').is_some_and(spaces);
        }
        word.ends_with('s') && gap.strip_prefix(['\'', '’']).is_some_and(spaces)
    }

    fn run(&mut self) {
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            let opens = self.name_like(i)
                || (self.name_like(i + 1)
                    && lexicon::is_leading_particle(self.word(i))
                    && self.plain_gap(i, i + 1));
            if !opens {
                i += 1;
                continue;
            }
            let mut span = vec![i];
            let mut j = i;
            loop {
                let k = j + 1;
                if !(self.plain_gap(j, k) || self.joining_gap(j, k)) {
                    break;
                }
                if self.name_like(k) && !self.capitalised_function_word(k) {
                    span.push(k);
                    j = k;
                    continue;
                }
                // Particles ("al", "van der") or, after a head word or a title, "of"/"for"
                // ("Bank of England", "Secretary of State Antony Blinken").
                let mut m = k;
                while m < k + 3 && m < n && lexicon::is_particle(self.word(m)) {
                    if !self.plain_gap(m, m + 1) {
                        break;
                    }
                    m += 1;
                }
                let w = self.word(k);
                if m == k && (w == "of" || w == "for") && self.plain_gap(k, k + 1) {
                    let head = span.iter().any(|&s| self.is_head(s));
                    if head || w == "of" && self.written(j) & lexicon::TITLE != 0 {
                        m = k + 1;
                        // "International Committee of the Red Cross".
                        if head && self.word(m) == "the" && self.plain_gap(m, m + 1) {
                            m += 1;
                        }
                    }
                }
                if m > k && self.name_like(m) && !self.capitalised_function_word(m) {
                    span.extend(k..=m);
                    j = m;
                    continue;
                }
                break;
            }
            self.span(span);
            i = j + 1;
        }
    }

    /// A word in capitals that the input also uses in lower case ("PHOTOS", "photos"), and
    /// that no gazetteer knows ("US", "us").
    fn shouted_word(&self, i: usize) -> bool {
        self.is_acronym(i)
            && self.vocabulary.lower.contains(self.lower(i))
            && gazetteer().lookup(&names::key(self.word(i))).is_none()
    }

    /// Whether the words `span` make a gazetteer name.
    fn is_known(&self, span: &[usize]) -> bool {
        let (a, b) = (span[0], span[span.len() - 1]);
        let name = &self.text[self.tokens[a].start..self.tokens[b].end];
        gazetteer().lookup(&names::key(name)).is_some()
    }

    /// "And" in "Russia And Iran", "Says" in "Syria Says …": title case, not a name.
    fn capitalised_function_word(&self, i: usize) -> bool {
        !self.is_acronym(i) && self.lowered(i) & (lexicon::FUNCTION_WORD | lexicon::SAY_VERB) != 0
    }

    fn is_head(&self, i: usize) -> bool {
        self.written(i) & (lexicon::ORG_WORD | lexicon::PLACE_HEAD) != 0
    }

    fn is_acronym(&self, i: usize) -> bool {
        self.shape(i) == Shape::Acronym
    }

    /// Trims one raw span, splits off titles, and emits what is left.
    fn span(&mut self, mut span: Vec<usize>) {
        // "AP Photo Trump", "Getty Images Image caption", "Sign Up Continue": a page word
        // ends a name, and the words on either side are judged apart.
        let page_word = span
            .iter()
            .position(|&s| self.lowered(s) & lexicon::PAGE_WORD != 0 && !self.is_acronym(s));
        if let Some(p) = page_word.filter(|_| !self.is_known(&span)) {
            let rest = span.split_off(p + 1);
            span.pop();
            for piece in [span, rest] {
                if !piece.is_empty() {
                    self.span(piece);
                }
            }
            return;
        }
        let mut stripped = false;
        while let Some(&first) = span.first() {
            let function = self.capitalised_function_word(first);
            let date = span.len() > 1 && self.lowered(first) & lexicon::CALENDAR_WORD != 0;
            if function || date || self.common_opener(first, span.len()) {
                span.remove(0);
                stripped = true;
            } else {
                break;
            }
        }
        while span.len() > 1
            && span
                .last()
                .is_some_and(|&l| self.lowered(l) & lexicon::CALENDAR_WORD != 0)
        {
            span.pop();
        }
        if span.is_empty() {
            return;
        }
        // "Frenchman William Daniels", "Syrian President …": a leading demonym is no part of
        // a person's name (organisation and place names keep theirs).
        let keeps_demonym =
            self.is_known(&span) || span.iter().any(|&s| self.is_head(s)) || span.len() < 2;
        if !keeps_demonym && lexicon::is_demonym(self.word(span[0])) {
            span.remove(0);
            stripped = true;
        }
        let has_org_word = span
            .iter()
            .any(|&s| self.written(s) & lexicon::ORG_WORD != 0);
        let title = if has_org_word {
            None
        } else {
            span.iter()
                .position(|&s| self.written(s) & lexicon::TITLE != 0)
        };
        let Some(f) = title else {
            self.emit(&span, false, stripped);
            return;
        };
        let mut g = f;
        let mut of_at = None;
        while g < span.len() {
            if self.written(span[g]) & lexicon::TITLE != 0 {
                g += 1;
            } else if self.word(span[g]) == "of" && g + 1 < span.len() {
                // "Secretary of State", "Chief of Staff": the word after "of" is title too.
                of_at = Some(g);
                g += 2;
            } else {
                break;
            }
        }
        if f > 0 {
            self.emit(&span[..f], false, stripped);
        }
        if g < span.len() {
            self.emit(&span[g..], true, true);
        } else if let Some(k) = of_at {
            // "the President of Syria": no name follows, so the place is what was named.
            self.emit(&span[k + 1..], false, true);
        }
    }

    /// A sentence's first word that is only capitalised there ("Addressing Mr Assad"): seen in
    /// lower case elsewhere, never capitalised inside a sentence, known to no gazetteer.
    fn common_opener(&self, i: usize, span_len: usize) -> bool {
        let w = self.word(i);
        span_len > 1
            && self.tokens[i].initial
            && self.shape(i) == Shape::Capitalised
            && self.written(i) & lexicon::TITLE == 0
            && self.vocabulary.lower.contains(self.lower(i))
            && !self.vocabulary.capitalised_inside.contains(&names::key(w))
            && gazetteer().lookup(&names::key(w)).is_none()
    }

    /// Emits the name made of tokens `span`; `titled` when a title came right before it.
    fn emit(&mut self, span: &[usize], titled: bool, stripped: bool) {
        let (a, b) = (span[0], span[span.len() - 1]);
        let name_start = self.tokens[a].start;
        let end = self.tokens[b].end;
        let name = &self.text[name_start..end];
        let first_word = self.word(a);
        let acronym = span.len() == 1
            && self.is_acronym(a)
            && !self.vocabulary.mixed_case.contains(&names::key(first_word));
        if span.iter().any(|&s| self.shouted_word(s)) {
            // "PHOTOS", "READ MORE": ordinary words in capitals.
            return;
        }
        if span.len() == 1 {
            let (written, lowered) = (self.written(a), self.lowered(a));
            let junk = first_word.chars().count() < 2
                || lowered & lexicon::CALENDAR_WORD != 0
                || lexicon::is_demonym(first_word)
                || lowered & lexicon::FUNCTION_WORD != 0 && !acronym
                || written & (lexicon::TITLE | lexicon::COMMON_ACRONYM) != 0
                // "the Port", "the Council": a generic head word alone names nothing.
                || written & (lexicon::ORG_WORD | lexicon::PLACE_HEAD) != 0
                    && gazetteer().lookup(&names::key(first_word)).is_none();
            if junk {
                return;
            }
        }
        let key = names::key(name);
        if key.is_empty() {
            return;
        }
        let gazetteer_entry = gazetteer().lookup(&key);
        let shouted = span.len() > 1 && span.iter().all(|&s| self.is_acronym(s));
        if shouted && gazetteer_entry.is_none() {
            // "JOHN DOE WROTE THIS": capitals for emphasis, not an acronym.
            return;
        }
        if self.tokens[a].headline {
            // In a headline only names known from running text or the gazetteer count.
            let seen = names::core(name)
                .iter()
                .all(|p| self.vocabulary.capitalised_inside.contains(p));
            if !seen && gazetteer_entry.is_none() {
                return;
            }
        }
        if span.len() == 1 && self.tokens[a].initial && !titled && !stripped {
            let known = self.vocabulary.capitalised_inside.contains(&key)
                || gazetteer_entry.is_some()
                || acronym
                || self.shape(a) == Shape::ParticleName;
            if !known {
                return;
            }
        }
        // A title before a known place is part of another name ("Miss America").
        let titled = titled
            && gazetteer_entry.is_none_or(|e| gazetteer().entries[e].kind != EntityKind::Place);
        // An honorific stays in the surface form: "Mr Assad" is a way of writing the name.
        let start = if titled && a > 0 && self.written(a - 1) & lexicon::HONORIFIC != 0 {
            self.tokens[a - 1].start
        } else {
            name_start
        };
        let votes = self.cues(span, titled, gazetteer_entry, acronym);
        if self.common_words(span, votes, gazetteer_entry, acronym) {
            // "Share", "Photos", "Image caption", "Sign Up Continue": page words.
            return;
        }
        self.out.push(Detected {
            article: self.article,
            start,
            end,
            name_start,
            key,
            votes,
            gazetteer: gazetteer_entry,
            acronym,
        });
    }

    /// A span of words the input writes in lower case in running text at least a quarter as
    /// often as capitalised ("Share", "share"; not "Oculus" 55 times beside one "my oculus
    /// rift"), known to no gazetteer, no acronym, with no cue of a name beyond a preposition
    /// before it: ordinary words capitalised as a label, a button or a caption, not a name.
    fn common_words(
        &self,
        span: &[usize],
        votes: Votes,
        entry: Option<usize>,
        acronym: bool,
    ) -> bool {
        entry.is_none()
            && !acronym
            && votes.person == 0
            && votes.organisation == 0
            && votes.place <= FAINT
            && span.iter().all(|&s| {
                let lower = self.lower(s);
                let count = |map: &HashMap<&str, u32>| map.get(lower).copied().unwrap_or(0);
                self.shape(s) == Shape::Capitalised
                    && count(&self.vocabulary.lower_count) > 0
                    && COMMON_RATIO * count(&self.vocabulary.lower_count)
                        >= count(&self.vocabulary.capital_count)
            })
    }

    /// "Gate 4", "Berth No. 7": a word before a number (or "No." and a number) labels a thing
    /// of a series; a preposition before it ("at Gate 4") does not make it a place.
    fn labels_a_number(&self, b: usize) -> bool {
        let next =
            |k: usize| (k < self.tokens.len() && self.plain_gap(k - 1, k)).then(|| self.word(k));
        let number = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_digit());
        match next(b + 1) {
            Some(w) if number(w) => true,
            Some("No" | "no" | "Number" | "number") => {
                let after = &self.text[self.tokens[b + 1].end..];
                let after = after.strip_prefix('.').unwrap_or(after).trim_start();
                after.starts_with(|c: char| c.is_ascii_digit())
            }
            _ => false,
        }
    }

    /// "Renée Castellane, chief executive of …", "Okafor, a structural engineer": a role
    /// noun among the first two lower-case words of an apposition starting at token `i`.
    fn apposition_names_a_role(&self, i: usize) -> bool {
        let mut k = i;
        if matches!(self.lower(k), "a" | "an" | "the" | "its" | "their") {
            k += 1;
        }
        (k..k + 2)
            .take_while(|&t| t < self.tokens.len())
            .all(|t| t == i || self.plain_gap(t - 1, t))
            && (k..(k + 2).min(self.tokens.len())).any(|t| {
                self.word(t).chars().next().is_some_and(char::is_lowercase)
                    && self.written(t) & lexicon::ROLE_NOUN != 0
            })
    }

    /// "Rachid Redouane, 30, from Barking": a number of years between commas after a name.
    fn apposition_is_an_age(&self, i: usize) -> bool {
        let word = self.word(i);
        let after = &self.text[self.tokens[i].end..];
        word.len() <= 3
            && word.chars().all(|c| c.is_ascii_digit())
            && word.parse::<u32>().is_ok_and(|n| (1..=120).contains(&n))
            && (after.starts_with(',') || after.starts_with(')'))
    }

    fn cues(&self, span: &[usize], titled: bool, entry: Option<usize>, acronym: bool) -> Votes {
        let (a, b) = (span[0], span[span.len() - 1]);
        let mut votes = Votes::default();
        if let Some(e) = entry {
            votes.vote(gazetteer().entries[e].kind, GAZETTEER);
        }
        let name = &self.text[self.tokens[a].start..self.tokens[b].end];
        if self.vocabulary.outlets.contains(&names::key(name)) {
            votes.organisation += GAZETTEER;
        }
        if titled {
            votes.person += STRONG;
        }
        if span
            .iter()
            .any(|&s| self.written(s) & lexicon::ORG_WORD != 0)
        {
            votes.organisation += STRONG;
        }
        // "Umayyad Mosque", "Port of Saltreach".
        let place_head = self.written(b) & lexicon::PLACE_HEAD != 0
            || span
                .windows(2)
                .any(|w| self.written(w[0]) & lexicon::PLACE_HEAD != 0 && self.word(w[1]) == "of");
        if place_head {
            votes.place += STRONG;
        }
        if span.len() > 1 && lexicon::is_given_name(self.word(a)) {
            votes.person += MEDIUM;
        }
        let arabic_person = matches!(self.word(a), "Abu" | "Umm")
            || span
                .iter()
                .any(|&s| matches!(self.word(s), "bin" | "ibn" | "bint"));
        if arabic_person {
            votes.person += MEDIUM;
        }
        if acronym {
            votes.organisation += MEDIUM;
        }
        // "MH370", "AR-15": codes are not places, whatever preposition comes before.
        let code = name.chars().any(|c| c.is_ascii_digit());
        if !titled && a > 0 && self.plain_gap(a - 1, a) {
            let before = self.lowered(a - 1);
            if before & lexicon::PLACE_PREPOSITION != 0 && !code && !self.labels_a_number(b) {
                votes.place += FAINT;
            }
            if before & lexicon::ROLE_NOUN != 0 {
                votes.person += MEDIUM;
            }
            if before & lexicon::ORG_NOUN != 0 {
                votes.organisation += WEAK;
            }
            if self.lower(a - 1) == "of"
                && a > 1
                && self.plain_gap(a - 2, a - 1)
                && self.lowered(a - 2) & lexicon::PLACE_NOUN != 0
            {
                votes.place += WEAK;
            }
        }
        let next = b + 1;
        if next < self.tokens.len() {
            let gap = &self.text[self.tokens[b].end..self.tokens[next].start];
            let after = self.lower(next);
            if self.plain_gap(b, next) && self.lowered(next) & lexicon::SAY_VERB != 0 {
                votes.person += WEAK;
            }
            if after == "who" && matches!(gap.trim(), "" | ",") {
                votes.person += WEAK;
            }
            if gap.trim() == "," && self.apposition_names_a_role(next) {
                votes.person += WEAK;
            }
            if gap.trim() == "," && self.apposition_is_an_age(next) {
                votes.person += MEDIUM;
            }
            // The next one or two lower-case words: "Saydnaya military prison".
            let mut k = b;
            while k + 1 < self.tokens.len() && k < b + 2 && self.plain_gap(k, k + 1) {
                k += 1;
                let w = self.word(k);
                if !w.chars().next().is_some_and(char::is_lowercase) {
                    break;
                }
                if self.written(k) & lexicon::PLACE_NOUN != 0 {
                    votes.place += WEAK;
                    break;
                }
                if self.written(k) & lexicon::ORG_NOUN != 0 {
                    votes.organisation += WEAK;
                    break;
                }
            }
        }
        votes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Assad"), Shape::Capitalised);
        assert_eq!(shape("al-Assad"), Shape::ParticleName);
        assert_eq!(shape("HTS"), Shape::Acronym);
        assert_eq!(shape("U.S."), Shape::Acronym);
        assert_eq!(shape("Russian-backed"), Shape::Other);
        assert_eq!(shape("anti-regime"), Shape::Other);
        assert_eq!(shape("France-Presse"), Shape::Capitalised);
        assert_eq!(shape("Co-ordination"), Shape::Capitalised);
        assert_eq!(shape("I’m"), Shape::Other);
        assert_eq!(shape("O'Brien"), Shape::Capitalised);
        assert_eq!(shape("EMTs"), Shape::Other);
    }
}
