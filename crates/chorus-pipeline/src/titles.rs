//! Event titles: a whole headline of the event's articles, or a short sentence of its account.

use chorus_model::{AccountSentence, CleanArticle};
use chorus_text::title_segments;
use std::collections::{HashMap, HashSet};

/// Longest event title, in words.
const TITLE_WORDS: usize = 14;

/// Longest title made of a lead sentence whose statement does not fit in [`TITLE_WORDS`]: a
/// longer whole statement reads better than its subject alone.
const LONG_TITLE_WORDS: usize = 22;

/// What of its titles is a site's, not a story's: a title, or a segment of titles (see
/// [`title_segments`]), that an outlet gives to pages of different events ("KSLA News 12 Shreveport,
/// Louisiana News Weather & Sports", alone or after " - " on every page the crawl kept of that
/// station; "The Homicide Report").
pub(crate) fn site_titles(cleaned: &[CleanArticle], groups: &[&[usize]]) -> SiteTitles {
    SiteTitles::new(groups.iter().enumerate().flat_map(|(g, members)| {
        members.iter().filter_map(move |&i| {
            let a = &cleaned[i].article;
            Some((a.source.as_str(), a.title.as_deref()?, g))
        })
    }))
}

/// Titles and title segments that are a site's, not a story's; see `site_titles`. Keyed by
/// (outlet, text with its whitespace collapsed).
#[derive(Debug, Default)]
pub struct SiteTitles(HashSet<(String, String)>);

impl SiteTitles {
    /// From (outlet, title, event) of each titled article.
    pub fn new<'a>(titled: impl IntoIterator<Item = (&'a str, &'a str, usize)>) -> Self {
        let mut seen: HashMap<(&str, String), usize> = HashMap::new();
        let mut repeated = HashSet::new();
        for (source, title, event) in titled {
            let title = collapsed(title);
            let mut pieces = title_segments(&title);
            if pieces.len() > 1 {
                pieces.push(&title);
            }
            for piece in pieces {
                let key = (source, piece.to_string());
                match seen.get(&key) {
                    Some(&other) if other != event => {
                        repeated.insert((source.to_string(), key.1));
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(key, event);
                    }
                }
            }
        }
        SiteTitles(repeated)
    }

    /// Whether `title` (or a segment of a title) is the site's own on `source`.
    pub fn contains(&self, source: &str, title: &str) -> bool {
        !self.0.is_empty() && self.0.contains(&(source.to_string(), collapsed(title)))
    }
}

fn collapsed(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The event's title: the headline of the most typical article that has a whole one (see
/// [`headline`]; a title its outlet gives to other events' articles too is the site's, not a
/// headline); without one, the first account sentence (its dateline dropped), in reading
/// order, that has at most [`TITLE_WORDS`] words, or shortened to its statement (see
/// [`compressed`]), or opens with a main clause that has a verb of its own (see
/// [`has_predicate`]), or whose statement or whole has at most [`LONG_TITLE_WORDS`], and whose
/// title is not mostly a quotation (see [`quotation`]; one is taken only when no other sentence
/// gives a title); else the first that stands alone shortened as a headline is (see
/// [`shortened`]) to at most [`LONG_TITLE_WORDS`]; else the shortest account sentence.
/// Never cut: a display may shorten it, the title itself is whole.
pub(crate) fn title(
    member_articles: &[&CleanArticle],
    members: &[usize],
    cohesion: &[f32],
    account: &[AccountSentence],
    site: &SiteTitles,
) -> String {
    // A headline about its own text comes first; one whose text says nothing it does (a page
    // the crawl kept only furniture of) comes before any sentence of that furniture.
    let titled = member_articles
        .iter()
        .zip(members)
        .filter_map(|(a, &i)| {
            let title = a.article.title.as_deref()?;
            let h = headline(title, &a.article.source, a.text(), site)?;
            Some((h.about, cohesion[i], h.text))
        })
        .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    if let Some((_, _, t)) = titled {
        return t;
    }
    // Whether a sentence stands alone is read with its connective ("Still, 80 mph …" leans on
    // the sentence before); the title is read without it.
    let judged: Vec<(bool, String)> = account
        .iter()
        .map(|s| {
            let s = without_control(before_glued(without_dateline(&s.text)));
            (stands_alone(s), without_connective(s))
        })
        .collect();
    let count = |t: &str| t.split_whitespace().count();
    // A whole statement that stands on its own and titles with a verb first ("Members of the
    // graduating class at … in Atlanta" is a caption; "More than a year ago, I started …"
    // leans on its writer once shortened); then any whole sentence; a fragment
    // the page broke off ("The two homicides happened just") only when the account has
    // nothing else.
    // A quotation is what one person said, not what happened: it titles the event only when no
    // other sentence that stands alone does.
    for pass in 0..4 {
        let fits = |alone: bool, s: &str| match pass {
            0 | 1 => complete(s) && alone,
            2 => complete(s),
            _ => !complete(s),
        };
        for (_, s) in judged.iter().filter(|(alone, s)| fits(*alone, s)) {
            let first = |t: &String| !verbless(t) && stands_alone(t) && (pass > 0 || !quotation(t));
            if let Some(t) = sentence_title(s).filter(|t| pass > 1 || first(t)) {
                return t;
            }
        }
    }
    // When no sentence gives a title, one shortened as a headline is to a longer title comes
    // before the shortest whole sentence.
    for (_, s) in judged.iter().filter(|(alone, s)| complete(s) && *alone) {
        if let Some(t) = shortened_to(s, LONG_TITLE_WORDS) {
            return t;
        }
    }
    judged
        .into_iter()
        .map(|(_, s)| s)
        .min_by_key(|s| count(s))
        .unwrap_or_else(|| "Untitled event".into())
}

/// Whether a sentence is mostly a quotation: more than half its words inside quote marks
/// ("“I was not a responsible leader …,” the German wrote.", "Ziegenhorn said, \"I felt …\"").
pub fn quotation(sentence: &str) -> bool {
    let (mut inside, mut quoted, mut words) = (false, 0usize, 0usize);
    for token in sentence.split_whitespace() {
        let mut in_token = inside;
        for c in token.chars() {
            match c {
                '“' => inside = true,
                '”' => inside = false,
                '"' => inside = !inside,
                _ => {}
            }
            in_token |= inside;
        }
        words += 1;
        quoted += usize::from(in_token);
    }
    quoted * 2 > words
}

/// A sentence as a title: whole up to [`TITLE_WORDS`], or shortened as a headline is (see
/// [`shortened`]). Else its whole statement (asides dropped), or the sentence, when not long:
/// the clause after "after" or "when" is often what happened ("… is charged with reckless
/// conduct after a gun he was showing … discharged"). Else shortened to its main statement;
/// else its main clause when that has a verb of its own; else, rather than a later sentence
/// that may be about a detail, the statement at a greater length.
fn sentence_title(s: &str) -> Option<String> {
    let count = |t: &str| t.split_whitespace().count();
    if count(s) <= TITLE_WORDS {
        return Some(s.to_string());
    }
    if let Some(short) = shortened(s) {
        return Some(short);
    }
    let fits = |c: &String, most: usize| count(c) <= most;
    if let Some(whole) = compressed(s, false).filter(|c| fits(c, LONG_TITLE_WORDS)) {
        return Some(whole);
    }
    if count(s) <= LONG_TITLE_WORDS {
        return Some(s.to_string());
    }
    let statement = compressed(s, true);
    statement
        .clone()
        .filter(|c| fits(c, TITLE_WORDS))
        .or_else(|| main_clause(s))
        .or_else(|| statement.filter(|c| fits(c, LONG_TITLE_WORDS)))
}

/// An article's title as an event title, given the article's `source` (its site), `text` and
/// what of its site's titles is known to be the site's own (`site`, see `site_titles`): the
/// headline, whole, with a leading label such as "UPDATE:" or "VIDEO:" dropped, and with the
/// segments around it (see [`title_segments`]) that name the site or a section dropped: those the
/// site puts on other events' pages too, those its domain contains, and those that contain
/// its domain's name when another does not; of what remains, the
/// longest. None when the title is no headline: the site's own, one its site cut off (ending
/// in "...", in a word such as "the" or "of" that no headline ends on, or in the first letters
/// of a word of the text that is not itself one: "… in Florida town of Bel" over a text that
/// says "Belleview"), or one under three words. [`Headline::about`] says whether the headline
/// shares a word with the text (a site's own title, "Breaking News, Weather and Sports",
/// shares none; nor does a real headline over a text the crawl kept only furniture of).
pub fn headline(title: &str, source: &str, text: &str, site: &SiteTitles) -> Option<Headline> {
    let t = collapsed(title);
    if t.is_empty() || t.ends_with("...") || t.ends_with('…') || site.contains(source, &t) {
        return None;
    }
    let domain = source.to_lowercase();
    // The domain's name without "www." and its suffix ("hometownstations" of
    // "www.hometownstations.com"), when long enough to be telling.
    let name = domain
        .trim_start_matches("www.")
        .split('.')
        .next()
        .filter(|n| n.len() >= 4);
    let mut parts: Vec<&str> = title_segments(&t)
        .into_iter()
        .filter(|p| !domain.contains(&p.to_lowercase()) && !site.contains(source, p))
        .collect();
    // A segment naming the domain goes when another does not ("Police continue to investigate
    // … - Hometownstations.com-WLIO- Lima, OH News"); a city's site names its city in
    // headlines too ("… in South Chicago" on chicago.cbslocal.com).
    if let Some(name) = name {
        let without: Vec<&str> = parts
            .iter()
            .copied()
            .filter(|p| !p.to_lowercase().contains(name))
            .collect();
        if !without.is_empty() {
            parts = without;
        }
    }
    let best = parts
        .into_iter()
        .max_by_key(|p| p.split_whitespace().count())?;
    let best = without_label(best);
    if best.split_whitespace().count() < 3 {
        return None;
    }
    let text_words = TextWords::new(text);
    if cut_off(best, &text_words) {
        return None;
    }
    Some(Headline {
        text: best.to_string(),
        about: about(best, &text_words),
    })
}

/// See [`headline`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    pub text: String,
    /// Whether the headline shares a content word with its article's text.
    pub about: bool,
}

/// A headline without a leading label in capitals and a colon ("UPDATE: …", "VIDEO: …"):
/// those say what kind of page it is, not what happened. An attribution ("Police: …",
/// "Sheriff: …") is part of the headline and stays.
fn without_label(headline: &str) -> &str {
    const LABELS: &[&str] = &[
        "update",
        "updated",
        "breaking",
        "breaking news",
        "video",
        "watch",
        "photos",
        "gallery",
        "exclusive",
        "developing",
        "live",
        "new",
    ];
    if let Some((lead, rest)) = headline.split_once(':') {
        let lead = lead.trim();
        if LABELS.iter().any(|l| lead.eq_ignore_ascii_case(l)) && !rest.trim().is_empty() {
            return rest.trim();
        }
    }
    headline
}

/// The lower-case words of a text, for asking whether a headline's words occur in it.
struct TextWords(HashSet<String>, String);

impl TextWords {
    fn new(text: &str) -> Self {
        TextWords(
            chorus_text::words(text)
                .map(|(_, w)| w.to_lowercase())
                .collect(),
            text.to_lowercase(),
        )
    }

    /// Whether `chunk` (lower case) occurs in the text, and always as the beginning of a longer
    /// word ("6-y" in "6-year-old"): None when it does not occur.
    fn only_begins(&self, chunk: &str) -> Option<bool> {
        let mut found = false;
        for (i, _) in self.1.match_indices(chunk) {
            found = true;
            let next = self.1[i + chunk.len()..].chars().next();
            if !next.is_some_and(char::is_alphanumeric) {
                return Some(false);
            }
        }
        found.then_some(true)
    }

    fn has(&self, lower: &str) -> bool {
        self.0.contains(lower)
    }

    /// Whether a word of the text, other than `lower` itself or `lower` with an ending
    /// ("student" → "students", "charge" → "charged"), begins with `lower`.
    fn completes(&self, lower: &str) -> bool {
        const ENDINGS: &[&str] = &["s", "es", "d", "ed", "ing", "er", "ers", "ly", "'s"];
        self.0.iter().any(|w| {
            w.len() > lower.len() && w.starts_with(lower) && !ENDINGS.contains(&&w[lower.len()..])
        })
    }
}

/// Whether the headline was cut off by its site: it ends in a word no headline ends on, or in
/// the beginning of a word of its text or of a common word, that is not itself a word of the
/// text.
fn cut_off(headline: &str, text: &TextWords) -> bool {
    // Words a headline never ends on: articles, prepositions that need an object, conjunctions.
    const NO_END: &[&str] = &[
        "a", "an", "the", "of", "and", "or", "to", "for", "with", "from", "at", "by", "into", "as",
        "that", "his", "her", "their", "its", "after", "before", "but",
    ];
    // A headline that ends in punctuation (a quote, a bracket, a question) ended there.
    if !headline.ends_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    let Some((_, last)) = chorus_text::words(headline).last() else {
        return false;
    };
    let lower = last.to_lowercase();
    if NO_END.contains(&lower.as_str()) {
        return true;
    }
    // A figure joined to the first letters of a word ("killed 6-y" over "6-year-old").
    let chunk = headline
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    if chunk.contains('-') && chunk.chars().any(|c| c.is_ascii_digit()) {
        if let Some(begins) = text.only_begins(&chunk) {
            return begins;
        }
    }
    // An acronym or a figure is whole as it stands ("LA", "I-95", "7"); a figure with the
    // first letter of its word is not ("killed 6-y" over "6-year-old").
    let letters = last.chars().filter(|c| c.is_alphabetic()).count();
    let digits = last.chars().any(|c| c.is_ascii_digit());
    if (letters < 2 && !digits) || last.chars().all(|c| !c.is_lowercase()) {
        return false;
    }
    // The first letters of a word of the text, or of a common word ("befo", "othe").
    let common = || {
        !chorus_text::is_stopword(&lower)
            && chorus_text::stopword_list().any(|w| w.len() > lower.len() && w.starts_with(&lower))
    };
    !text.has(&lower) && (text.completes(&lower) || common())
}

/// Whether the headline is about the text: at least one of its content words (not a stop
/// word, three letters or more) is a word of the text, or begins one ("Shooting" and
/// "shootings"). A site's own title ("Breaking News, Weather and Sports") shares none.
fn about(headline: &str, text: &TextWords) -> bool {
    let mut content = chorus_text::words(headline)
        .map(|(_, w)| w.to_lowercase())
        .filter(|w| w.chars().count() >= 3 && !chorus_text::is_stopword(w))
        .peekable();
    if content.peek().is_none() {
        return true;
    }
    content.any(|w| {
        text.has(&w) || {
            let stem: String = w.chars().take(5).collect();
            stem.chars().count() == 5 && text.0.iter().any(|t| t.starts_with(&stem))
        }
    })
}

/// Whether a sentence reads whole: it opens with a capital letter, a figure or a quote and
/// ends with a stop, a question or exclamation mark, or a closing quote.
fn complete(sentence: &str) -> bool {
    let s = sentence.trim();
    let opens = s
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"'“‘".contains(c));
    let ends = s
        .chars()
        .next_back()
        .is_some_and(|c| ".!?\"'”’".contains(c));
    opens && ends
}

/// Whether a sentence can stand as a title: not a quote, a question, or a sentence that leans
/// on the one before it (opening with "But", "He", "This", …).
fn stands_alone(sentence: &str) -> bool {
    const LEANS: &[&str] = &[
        "but",
        "and",
        "or",
        "so",
        "yet",
        "still",
        "also",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "there",
        "here",
        "then",
        "now",
        "however",
        "meanwhile",
        "instead",
        "finally",
        "which",
    ];
    let s = sentence.trim();
    let quoted = s.starts_with(['"', '“', '\'', '‘']);
    let first = chorus_text::words(s).next().map_or("", |w| w.1);
    // After an opening adverbial, a pronoun that opens the clause when the adverbial names no
    // one ("In 2015, he started …"; "Hours after police charged Cardell Hayes …, his attorney
    // …" names whose) or opens on a pronoun too ("If he passes …, he could …"; "With his
    // speech …, the President …" names him after it).
    const POINTING: &[&str] = &[
        "he", "she", "it", "they", "we", "i", "you", "his", "her", "their",
    ];
    let pointing = |w: &str| POINTING.iter().any(|p| w.eq_ignore_ascii_case(p));
    let pronoun_after = s
        .split_once(", ")
        .filter(|(lead, _)| opens_adverbial(lead) && !lead.contains(['"', '“']))
        .is_some_and(|(lead, rest)| {
            let second = chorus_text::words(lead)
                .nth(1)
                .is_some_and(|w| pointing(w.1));
            let names = lead
                .split_whitespace()
                .skip(1)
                .any(|w| w.starts_with(char::is_uppercase) && !pointing(core(w)));
            let opens = chorus_text::words(rest)
                .next()
                .is_some_and(|w| pointing(w.1));
            opens && (second || !names)
        });
    !quoted
        && !pronoun_after
        && !s.ends_with('?')
        && !caption_or_cut_quote(s)
        && !shouted(s)
        && !LEANS.iter().any(|l| first.eq_ignore_ascii_case(l))
}

/// Whether a sentence of more than three words is written mostly in capitals ("MY SNAPCHAT IS
/// …!"): a page's shout, not a statement of the story.
fn shouted(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic());
    let (all, upper) = letters.fold((0, 0), |(a, u), c| {
        (a + 1, u + usize::from(c.is_uppercase()))
    });
    s.split_whitespace().count() > 3 && upper * 10 > all * 6
}

/// A sentence up to where a second one is run into it without a space ("… a woman's
/// birthday.Twenty-one-year-old Izaak Bridges …", as pages that lost their line breaks read):
/// a stop between two lower-case letters and a capital, or a quote and a capital
/// ("… Monday."My mom …").
fn before_glued(sentence: &str) -> &str {
    let b = sentence.as_bytes();
    let capital_at = |j: usize| b.get(j).is_some_and(u8::is_ascii_uppercase);
    (2..b.len().saturating_sub(1))
        .find(|&i| {
            b[i] == b'.'
                && b[i - 1].is_ascii_lowercase()
                && b[i - 2].is_ascii_lowercase()
                && (capital_at(i + 1)
                    || (b[i + 1] == b'"' && capital_at(i + 2))
                    || (b[i + 1..].starts_with("“".as_bytes()) && capital_at(i + 4)))
        })
        .map_or(sentence, |i| &sentence[..=i])
}

/// A sentence without a control of the page left before it in capitals ("CLOSE Police
/// confirmed …", "LIVE BLOG On Monday, …"): no part of what it states.
fn without_control(sentence: &str) -> &str {
    const CONTROLS: &[&str] = &["close", "live", "live blog", "live updates"];
    let mut s = sentence.trim_start();
    let tokens: Vec<&str> = s.split_whitespace().collect();
    let in_capitals =
        |t: &str| t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase);
    let caps = tokens.iter().take_while(|t| in_capitals(t)).count();
    // What follows the control opens a sentence of its own: a capitalised word in lower case
    // after the first letter ("Police"), so that an acronym that is the subject ("FBI
    // Director …", "NASA said") is never taken for one.
    let sentence_after = tokens
        .get(caps)
        .is_some_and(|t| t.starts_with(char::is_uppercase) && t.chars().any(char::is_lowercase));
    let lead = tokens[..caps].join(" ").to_lowercase();
    if caps > 0
        && sentence_after
        && (CONTROLS.contains(&lead.as_str()) || chorus_clean::is_link_label(&lead))
    {
        for _ in 0..caps {
            s = s.trim_start();
            s = &s[s.find(char::is_whitespace).unwrap_or(s.len())..];
        }
        s = s.trim_start();
    }
    s
}

/// A sentence without a connective that ties it to the sentence before ("Indeed, right in
/// Syria …", "In fact, …"), which a title has none of.
fn without_connective(s: &str) -> String {
    const CONNECTIVES: &[&str] = &[
        "indeed",
        "in fact",
        "meanwhile",
        "however",
        "moreover",
        "furthermore",
        "in addition",
        "additionally",
        "of course",
        "nevertheless",
        "nonetheless",
        "still",
        "besides",
        "likewise",
        "similarly",
        "as a result",
        "after all",
        "in other words",
        "in the meantime",
        "at the same time",
        "that said",
    ];
    let lower = s.to_lowercase();
    let connective = CONNECTIVES.iter().find_map(|c| {
        let rest = lower.strip_prefix(c)?.strip_prefix(", ")?;
        Some(s.len() - rest.len())
    });
    match connective {
        Some(at) if s[at..].starts_with(|c: char| c.is_alphanumeric()) => capitalised(&s[at..]),
        _ => s.to_string(),
    }
}

/// A text with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A sentence without its dateline ("OSAN AIR BASE, South Korea — With …" reads "With …";
/// "LONDON (Reuters) - …" reads "…"): a lead in capitals up to a dash.
fn without_dateline(text: &str) -> &str {
    for dash in [" — ", " – ", " - ", " -- "] {
        if let Some(i) = text.find(dash) {
            if i <= 60 && is_dateline(&text[..i]) {
                return text[i + dash.len()..].trim_start();
            }
        }
    }
    text
}

/// Whether the text before a dash is a dateline: a place in capitals ("OSAN AIR BASE, South
/// Korea"), a place and an agency or station in brackets ("LONDON (Reuters)", "Rusk County
/// (WQOW)"), or a date in figures ("(07/21/15)").
fn is_dateline(lead: &str) -> bool {
    let lead = lead.trim();
    let letters: Vec<char> = lead.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.iter().filter(|c| c.is_uppercase()).count();
    if letters.is_empty() {
        return lead.chars().any(|c| c.is_ascii_digit());
    }
    if capitals * 2 >= letters.len() {
        return true;
    }
    // A place in title case and one word in brackets that closes the lead.
    let Some(open) = lead.strip_suffix(')').and_then(|l| l.rfind('(')) else {
        return false;
    };
    let (place, tag) = (&lead[..open], &lead[open + 1..lead.len() - 1]);
    let title_case = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    !tag.contains(' ')
        && title_case(tag)
        && !place.trim().is_empty()
        && place
            .split_whitespace()
            .all(|w| title_case(w) || w.ends_with(','))
}

/// A long sentence shortened to its main statement, when that has at least four words (the
/// caller says how many it may have): of its parts between commas, semicolons and dashes (not a comma
/// inside a figure), an opening adverbial ("A day after Russia absorbed Crimea, …", "Speaking
/// to reporters, …"), asides (", a Republican,", ", who …", ", according to police"), a
/// closing attribution (", police said") and brackets are dropped; with `cut`, the rest ends before a
/// clause that opens with "after", "when", "because", … . "Pennsylvania Gov. Tom Corbett, a
/// Republican, is up for re-election in 2014." reads "Pennsylvania Gov. Tom Corbett is up for
/// re-election in 2014".
fn compressed(sentence: &str, cut: bool) -> Option<String> {
    const ASIDES: &[&str] = &[
        "who",
        "which",
        "whose",
        "whom",
        "where",
        "a",
        "an",
        "according",
        "including",
        "said",
        "says",
        "officials",
        "authorities",
        "police",
        "sources",
        "reports",
        "reported",
        "now",
        "however",
        "though",
        "too",
        "also",
        "he",
        "she",
        "they",
        "it",
        "officers",
    ];
    const SAYS: &[&str] = &[
        "said", "says", "say", "told", "reported", "reports", "added",
    ];
    let mut text = String::with_capacity(sentence.len());
    let mut depth = 0usize;
    for c in sentence.trim().trim_end_matches(['.', '!']).chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => text.push(c),
            _ => {}
        }
    }
    let bytes = text.as_bytes();
    let mut parts: Vec<&str> = Vec::new();
    // The separator after each part (a dash, or another).
    let mut dash_after: Vec<bool> = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let figure = c == ','
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if matches!(c, ',' | ';' | '—' | '–') && !figure {
            parts.push(&text[start..i]);
            dash_after.push(matches!(c, '—' | '–'));
            start = i + c.len_utf8();
        }
    }
    parts.push(&text[start..]);
    dash_after.push(false);
    let first_word = |p: &str| chorus_text::words(p).next().map_or("", |w| w.1).to_string();
    let mut kept: Vec<(bool, &str)> = Vec::new();
    let mut dropped_before = false;
    for (k, part) in parts.iter().enumerate() {
        let part = part.trim();
        let first = first_word(part);
        let words = part.split_whitespace().count();
        let age_or_home = age_or_home(part);
        let aside = if k == 0 {
            // An opening adverbial, when a statement follows it.
            parts.len() > 1 && opens_adverbial(part)
        } else {
            // Between two dashes: an aside ("The presenters — Warren Beatty and Faye
            // Dunaway — were …"); an age or a home town (", 70,", ", of Baton Rouge,"); a
            // closing attribution (", two Trump advisers said on Friday", or a longer one
            // that ends on its verb of saying or showing, see [`closing_attribution`]); what names the
            // last thing of an aside dropped before it (", which were measured against an
            // ECG, the gold standard of …").
            let last = k + 1 == parts.len();
            let of_aside = k > 1 && dropped_before && first == "the" && !has_predicate(part);
            // A part that opens with "said" is an attribution when short or when only who
            // said it follows (", said Det. David Gunner of the … Department"): ", said the
            // reason is the financial meltdown …" is the statement itself.
            let said = SAYS.iter().any(|v| first.eq_ignore_ascii_case(v));
            let statement = said && has_predicate(part.get(first.len()..).unwrap_or(""));
            let attribution = words <= 8 || !statement;
            // A description of the name before it ("Jared Kushner, the president's
            // son-in-law, has come under …").
            let after_name = parts[k - 1]
                .split_whitespace()
                .last()
                .is_some_and(|w| w.starts_with(char::is_uppercase));
            let verb_next = parts
                .get(k + 1)
                .is_some_and(|next| opens_with_verb(&next.split_whitespace().collect::<Vec<_>>()));
            // Or what a participle says of what it follows (", identified by the police as
            // Shawn J. Smith,"), when the clause's verb follows.
            let second = chorus_text::words(part).nth(1).map_or("", |w| w.1);
            let described =
                first.len() > 4 && first.ends_with("ed") && ["by", "as"].contains(&second);
            // A description is a phrase without a verb that opens in lower case ("Prodigy,
            // iconic rapper and one-half of Mobb Deep, died …").
            let description = first == "the"
                || (part.starts_with(char::is_lowercase) && words <= 8 && !has_predicate(part));
            let appositive = !last && verb_next && ((description && after_name) || described);
            (dash_after[k - 1] && dash_after[k])
                || (last && closing_attribution(part))
                || of_aside
                || appositive
                || (attribution
                    && ASIDES.iter().any(|a| first.eq_ignore_ascii_case(a))
                    && (!PRONOUNS.contains(&first.to_lowercase().as_str())
                        || part.split_whitespace().any(|w| SAYS.contains(&w))))
                || age_or_home
                || ((words <= 4 || (last && words <= 8))
                    && part.split_whitespace().any(|w| SAYS.contains(&w)))
        };
        // An age between the names of a list keeps the list's comma ("Omar P. Jarman, 35,
        // Shontay N. Young, 34, and …" reads "Omar P. Jarman, Shontay N. Young and …").
        let listed = |p: &str| p.starts_with(char::is_uppercase);
        let in_list = age_or_home && parts.get(k + 1).is_some_and(|next| listed(next.trim()));
        if part.is_empty() || (aside && !in_list) {
            dropped_before = true;
            continue;
        }
        if in_list {
            continue;
        }
        kept.push((dropped_before, part));
        dropped_before = false;
    }
    let mut out = String::new();
    for (k, (after_drop, part)) in kept.iter().enumerate() {
        if k > 0 {
            out.push_str(if *after_drop { " " } else { ", " });
        }
        out.push_str(part);
    }
    // The statement after an opening adverbial that names nothing opens the title ("After
    // days of protests, students … occupied" reads "Students … occupied"); one that names
    // what the statement is about stays ("As a direct result of the Durbin Amendment,
    // consumers …" is no title without it).
    let names = |p: &str| {
        p.split_whitespace()
            .skip(1)
            .any(|w| w.starts_with(char::is_uppercase))
    };
    // Only the adverbial went before it: an aside dropped too ("he found himself back in
    // Vietnam, the first of four trips …") leaves no statement to open.
    let right_after = |p: &str| parts.get(1).is_some_and(|next| next.trim() == p);
    // Nor when the statement refers to whom the adverbial named ("When officers arrived, the
    // boy told them …").
    let refers = |p: &str| {
        chorus_text::words(p).any(|(_, w)| {
            ["he", "she", "him", "his", "her", "they", "them", "their"]
                .iter()
                .any(|r| w.eq_ignore_ascii_case(r))
        })
    };
    let opened_later = kept
        .first()
        .is_some_and(|(dropped, p)| *dropped && right_after(p))
        && opens_adverbial(parts[0].trim())
        && !names(parts[0])
        && !refers(&out);
    let out = collapsed(&out);
    let out = if opened_later { capitalised(&out) } else { out };
    let clause = main_clause(&out).filter(|c| cut && c.len() < out.len());
    let out = clause.unwrap_or(out);
    let words: Vec<&str> = chorus_text::words(&out).map(|w| w.1).collect();
    let first = words.first()?;
    let n = out.split_whitespace().count();
    // What is left must open as a statement: a capital or a figure, not a dateline's place in
    // capitals or a year ("2013 just north of Charlottesville").
    let opens = out
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !(first.len() >= 5 && first.chars().all(|c| !c.is_lowercase()))
        && !(first.len() == 4 && first.chars().all(|c| c.is_ascii_digit()));
    // And a clause: its verb not dropped with an aside or cut off with what follows ("Sunday
    // 14 December, the second anniversary of the killings, also marks …" is no "Sunday 14
    // December, the second anniversary of the killings"; [`has_predicate`] errs, so this
    // asks only that a verb it reads in the sentence is left), nothing it opens left without
    // its end, no subordinate clause alone.
    (n >= 4
        && opens
        && ends_whole(&out)
        && (has_predicate(&out) || !has_predicate(sentence))
        && !leaves_open(&out)
        && !subordinate_alone(&out)
        && !caption_or_cut_quote(&out)
        && out.len() < sentence.len())
    .then_some(out)
}

/// A sentence longer than [`TITLE_WORDS`] brought within it as a headline is: by leaving out,
/// least telling first, what a reader does not need to know what happened: its asides and
/// brackets (see [`compressed`]); adverbs of focus ("has just completed"); its times ("on
/// Wednesday", "last week", "Sunday morning"); a named person's home after an office ("Judge
/// Neil Gorsuch of Colorado"); the places and times it closes on ("… in a Brooklyn building",
/// "at age 40");
/// a further action joined by "and" ("… broke into the headquarters and raised the flag");
/// and last what follows its main clause, when that keeps most of it (see
/// [`main_statement`]). Each step is taken only while what is left is a clause with a verb of
/// its own that ends whole. None when the sentence does not come within [`TITLE_WORDS`] so.
fn shortened(sentence: &str) -> Option<String> {
    shortened_to(sentence, TITLE_WORDS)
}

/// A sentence shortened as [`shortened`] does, to at most `most` words.
fn shortened_to(sentence: &str, most: usize) -> Option<String> {
    let count = |t: &str| t.split_whitespace().count();
    let whole = |t: &str| {
        count(t) >= 5
            && !subordinate_alone(t)
            && has_predicate(t)
            && ends_whole(t)
            && !leaves_open(t)
            && !caption_or_cut_quote(t)
    };
    let mut text = compressed(sentence, false)
        .unwrap_or_else(|| collapsed(sentence.trim().trim_end_matches(['.', '!'])));
    let steps: [fn(&str) -> Option<String>; 13] = [
        without_focus_adverbs,
        without_times,
        without_attribution,
        without_closing_place,
        without_closing_detail,
        without_long_office,
        without_home_after_name,
        first_action,
        main_statement,
        after_colon,
        before_colon,
        reported_clause,
        through_object,
    ];
    // A later step can leave what an earlier one takes ("… headquarters in the key Crimean
    // city of Sevastopol" once "and raised the flag" is gone): the steps run again, in their
    // order, until none shortens the text.
    let mut shortening = true;
    while shortening && count(&text) > most {
        shortening = false;
        for step in steps {
            while count(&text) > most {
                match step(&text).filter(|t| whole(t) && t.len() < text.len()) {
                    Some(t) => {
                        text = t;
                        shortening = true;
                    }
                    None => break,
                }
            }
        }
    }
    (count(&text) <= most && whole(&text)).then_some(text)
}

/// The clause a lead reports, when it stands alone: what follows "that" after a verb of saying
/// or finding or a noun of news ("Alturas Police Chief Ken Barnes said that 44-year-old Sherie
/// Lash is in custody …", "… reeling from the news that Prodigy died at age 42"), when it opens
/// on a name, a figure or an article and has a verb of its own (after "said" or "announced",
/// only an authority's, see [`AUTHORITIES`]); the claim is the news, and
/// [`shortened`] takes it only when the lead does not fit otherwise. None when what follows
/// opens on a pronoun ("says that in all of his years …, he's …") or holds a modal ("would").
fn reported_clause(text: &str) -> Option<String> {
    const REPORTING: &[&str] = &[
        "said",
        "says",
        "say",
        "announced",
        "confirmed",
        "revealed",
        "reported",
        "reports",
        "learned",
        "found",
        "showed",
        "shows",
        "news",
        "word",
        "report",
    ];
    const OPENS: &[&str] = &["the", "a", "an"];
    const LEAST: usize = 4;
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let lower: Vec<String> = tokens.iter().map(|t| core(t).to_lowercase()).collect();
    let k = (1..tokens.len().saturating_sub(1)).find(|&k| {
        lower[k] == "that"
            && REPORTING.contains(&lower[k - 1].as_str())
            && !tokens[k - 1].ends_with(',')
    })?;
    // What a person, a government or its media say or announce is their claim: the source
    // goes only when it is an authority that reports what happened, as in
    // [`without_attribution`] ("Police Chief Ken Barnes said that …").
    let claimed = SAID.contains(&lower[k - 1].as_str()) || lower[k - 1] == "announced";
    if claimed
        && !lower[..k - 1]
            .iter()
            .any(|w| AUTHORITIES.contains(&w.as_str()))
    {
        return None;
    }
    let rest = &tokens[k + 1..];
    let first = rest.first()?;
    let opens = first.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !PRONOUNS.contains(&lower[k + 1].as_str())
        && ![
            "this", "that", "these", "those", "there", "his", "her", "their", "its",
        ]
        .contains(&lower[k + 1].as_str())
        || OPENS.contains(&lower[k + 1].as_str());
    // What one would, could or will do is a promise or a guess of the source's: the source
    // stays ("Mr. Kushner would cooperate …").
    let modal = lower[k + 1..].iter().any(|w| {
        ["would", "could", "might", "may", "will", "should", "must"].contains(&w.as_str())
    });
    let clause = rest.join(" ");
    (opens && !modal && rest.len() >= LEAST && has_predicate(&clause)).then(|| capitalised(&clause))
}

/// A text up to the end of its first verb's object, when a further detail follows it, opened
/// by a preposition of place or time or a subordinating word ("Lash shot and killed four
/// people at the tribal office before she ran out of ammunition" reads "Lash shot and killed
/// four people"): who did what to whom is said before it. The text opens on its subject, the
/// verb is active (not after "was" or "been") and not one that its place completes (see
/// [`COMPLEMENTED`]), and its object is a noun phrase of at most six words that opens with an
/// article, a possessive, a figure or a name. None when there is no such object and detail.
fn through_object(text: &str) -> Option<String> {
    const DETAIL: &[&str] = &[
        "in",
        "at",
        "on",
        "near",
        "outside",
        "inside",
        "during",
        "after",
        "before",
        "while",
        "when",
        "as",
        "following",
        "amid",
        "since",
        "because",
        "until",
    ];
    const OPENS: &[&str] = &[
        "the", "a", "an", "his", "her", "their", "its", "our", "two", "three", "four", "five",
        "six", "seven", "eight", "nine", "ten", "several", "dozens", "hundreds",
    ];
    const PASSIVE: &[&str] = &[
        "is", "are", "was", "were", "be", "been", "being", "get", "got", "gets",
    ];
    const MOST_OBJECT: usize = 6;
    const LEAST_DETAIL: usize = 2;
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let lower: Vec<String> = tokens.iter().map(|t| core(t).to_lowercase()).collect();
    // A verb by itself ("shot", "killed"), or one read with its object ("kills the") when the
    // next word is no verb ("man shot" opens with a noun).
    let alone = |k: usize| has_predicate(&format!("It {}", tokens[k]));
    let is_verb = |k: usize| {
        tokens[k].starts_with(char::is_lowercase)
            && !tokens[k].contains('-')
            && !tokens[k - 1].ends_with(',')
            && (alone(k)
                || (opens_with_verb(&tokens[k..]) && !(k + 1 < tokens.len() && alone(k + 1))))
    };
    let mut verb = (1..tokens.len()).find(|&k| is_verb(k))?;
    let subject_cut = tokens[..verb].iter().any(|t| t.ends_with([',', ':', ';']));
    if PASSIVE.contains(&lower[verb - 1].as_str())
        || PASSIVE.contains(&lower[verb].as_str())
        || COMPLEMENTED.contains(&lower[verb].as_str())
        || subject_cut
        || opens_adverbial(text)
    {
        return None;
    }
    // Two verbs of one action ("shot and killed").
    while verb + 2 < tokens.len() && lower[verb + 1] == "and" && is_verb(verb + 2) {
        verb += 2;
    }
    let object = verb + 1;
    let first = tokens.get(object)?;
    let opens = OPENS.contains(&lower[object].as_str())
        || first.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    if !opens {
        return None;
    }
    // A detail's word inside a name ("the Science in Action Award", between capitalised words
    // that go on) opens none.
    let capital = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.starts_with(char::is_uppercase))
    };
    let in_name = |k: usize| capital(k - 1) && capital(k + 1) && capital(k + 2);
    let end = (object + 1..tokens.len().min(object + MOST_OBJECT + 1))
        .find(|&k| DETAIL.contains(&lower[k].as_str()) && !in_name(k))?;
    // The object is a noun phrase, not a clause ("announced Wednesday they have sealed …"),
    // and nothing sets a part of it off.
    let object_words = &tokens[object..end];
    let noun_phrase = !has_predicate(&format!("It {}", object_words.join(" ")))
        && !object_words.iter().any(|t| t.ends_with([',', ';', ':']));
    (noun_phrase && tokens.len() - end >= LEAST_DETAIL).then(|| tokens[..end].join(" "))
}

/// Verbs whose place or path completes them ("put Congress on a path to …", "sent him to
/// …"): [`through_object`] cuts nothing after their object.
const COMPLEMENTED: &[&str] = &[
    "put", "puts", "placed", "set", "sent", "kept", "left", "brought", "took", "turned", "got",
    "made", "led", "drove", "moved", "pushed", "threw",
];

/// What follows a colon when that is a statement of its own, the news a lead builds up to
/// ("Here's one sign of the U.S. economic recovery …: The average cost of a wedding just hit
/// a five-year high"). None without one colon between words, or when what follows it is a
/// quotation it introduces ("Pelosi said of the deal: “We …”"), a clause that opens with
/// names, which may be the rest of a name ("the Manus x Machina: Fashion in an Age of
/// Technology theme …"), or a few words ("… a painful lesson of Wall Street: Stocks also
/// go down", where the words before say what the few after are about).
fn after_colon(text: &str) -> Option<String> {
    const LEAST_AFTER: usize = 6;
    let (before, after) = text.split_once(": ")?;
    let after = after.trim();
    let named = after
        .split_whitespace()
        .skip(1)
        .take(3)
        .any(|w| w.starts_with(char::is_uppercase));
    let statement = after.starts_with(char::is_uppercase)
        && !named
        && after.split_whitespace().count() >= LEAST_AFTER
        && has_predicate(after);
    (!before.trim().is_empty() && !after.contains(": ") && statement).then(|| after.to_string())
}

/// What comes before a colon when what follows it names what the clause before spoke of, and
/// says nothing of its own: a list of names ("… were the missing teens from Carroll County:
/// Liberty German and Abigail Williams") or a phrase without a verb that opens with an
/// article ("… one of the internet's greatest myths: The existence of his genie film").
/// None when there is no one colon, or when what follows it is a statement.
fn before_colon(text: &str) -> Option<String> {
    let (before, after) = text.split_once(": ")?;
    let after = after.trim();
    let names = after.split_whitespace().all(|w| {
        w.starts_with(char::is_uppercase) || ["and", "&"].contains(&w.trim_end_matches(','))
    });
    let article = chorus_text::words(after)
        .next()
        .is_some_and(|(_, w)| ["the", "a", "an"].iter().any(|a| w.eq_ignore_ascii_case(a)));
    let said = !after.contains(": ") && !after.starts_with(['"', '“']);
    (said && (names || (article && !has_predicate(after)))).then(|| before.trim().to_string())
}

/// A text without the detail it closes on, opened by a compound preposition ("… with
/// alcohol-related offenses in connection with the October death of …") or by a participle
/// that only relates ("… charges against an abortion provider involving babies allegedly born
/// alive"): what happened is said before it. None when it closes on no such phrase within its
/// last ten words.
fn without_closing_detail(text: &str) -> Option<String> {
    const OPENERS: &[&[&str]] = &[
        &["in", "connection", "with"],
        &["in", "response", "to"],
        &["in", "relation", "to"],
        &["in", "the", "wake", "of"],
        &["involving"],
        &["including"],
        &["regarding"],
        &["concerning"],
        &["referring"],
        &["featuring"],
    ];
    const MOST: usize = 10;
    const LEAST_BEFORE: usize = 5;
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let opens_at = |k: usize| {
        OPENERS.iter().any(|o| {
            tokens.len() > k + o.len() && o.iter().zip(&tokens[k..]).all(|(w, t)| *w == core(t))
        })
    };
    let k = (LEAST_BEFORE.max(tokens.len().saturating_sub(MOST))..tokens.len())
        .find(|&k| opens_at(k))?;
    Some(tokens[..k].join(" ").trim_end_matches(',').to_string())
}

/// The core of a word: without the punctuation around it.
fn core(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric())
}

/// A text without the times a headline leaves out: a weekday ("Wednesday", "on Wednesday",
/// "Sunday morning", "late Friday"), "yesterday", "today", "tonight", and "last", "this" or
/// "earlier this" with a week, month, year, weekend, night or morning. A weekday that is part
/// of a name ("Fox News Sunday", "Sunday Times") stays. None when there is none.
fn without_times(text: &str) -> Option<String> {
    const DAYS: &[&str] = &chorus_text::WEEKDAY_NAMES;
    const PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];
    const SPANS: &[&str] = &[
        "week",
        "month",
        "year",
        "weekend",
        "night",
        "morning",
        "afternoon",
        "evening",
    ];
    const ALONE: &[&str] = &["yesterday", "today", "tonight"];
    const LEADING: &[&str] = &["on", "late", "early", "earlier"];
    const NEEDS_A_TIME: &[&str] = &[
        "since",
        "until",
        "till",
        "by",
        "from",
        "through",
        "starting",
        "beginning",
        "before",
        "after",
        "of",
        "for",
        "than",
    ];
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let lower: Vec<String> = tokens.iter().map(|t| core(t).to_lowercase()).collect();
    let capital = |k: usize| tokens[k].starts_with(char::is_uppercase);
    let is = |k: usize, list: &[&str]| lower.get(k).is_some_and(|w| list.contains(&w.as_str()));
    let mut drop = vec![false; tokens.len()];
    let mut k = 0;
    while k < tokens.len() {
        // The phrase starting at k, as a number of tokens.
        let mut len = 0;
        if is(k, DAYS)
            && !(k > 0 && capital(k - 1) && lower[k - 1] != "on")
            && !(k + 1 < tokens.len() && capital(k + 1) && !tokens[k].ends_with(','))
        {
            len = 1 + usize::from(is(k + 1, PARTS) && !tokens[k].ends_with(','));
        } else if is(k, ALONE) && (k == 0 || !capital(k)) {
            len = 1;
        } else if is(k, &["last", "this"]) && is(k + 1, SPANS) && !tokens[k].ends_with(',') {
            len = 2;
        }
        // With what leads into it: "on", "late", "early", "earlier".
        let mut from = k;
        while len > 0 && from > 0 && is(from - 1, LEADING) && !drop[from - 1] {
            from -= 1;
        }
        // A bare time that ends a clause before its verb ("The conference held last weekend
        // attracted …"), or one a date follows ("on Thursday, Aug. 22"), stays; but when a
        // participle that an event is held by is all it closes ("The conference held last
        // weekend attracted …"), that participle says only when the event was and goes with it
        // ("The conference attracted …"); one of what happened to the subject ("Two bodies
        // found Tuesday were …") stays.
        let end = k + len;
        let participle = |j: usize| {
            ["held", "staged", "hosted", "organized", "organised"].contains(&lower[j].as_str())
        };
        let dated_subject = len > 0
            && from == k
            && from >= 2
            && participle(from - 1)
            && tokens[from - 1].starts_with(char::is_lowercase)
            && tokens[from - 2].starts_with(char::is_lowercase)
            && !tokens[from - 2].ends_with([',', ';', ':'])
            && !NOUN_LEADS.contains(&lower[from - 2].as_str())
            && !FINITE.contains(&lower[from - 2].as_str())
            && !GROUP_AUXILIARIES.contains(&lower[from - 2].as_str());
        let from = if dated_subject { from - 1 } else { from };
        let verb_after = from == k && opens_with_verb(&tokens[end..]);
        let date_after = len > 0 && from > 0 && tokens[end - 1].ends_with(',');
        // A time that is what a word before it needs ("missing since Friday", "rolling out
        // starting today") stays: without it that word is left hanging.
        let needed = from > 0 && is(from - 1, NEEDS_A_TIME);
        if len > 0 && !verb_after && !date_after && !needed {
            for d in &mut drop[from..end] {
                *d = true;
            }
            k = end;
        } else {
            k += 1;
        }
    }
    if !drop.contains(&true) {
        return None;
    }
    let mut out: Vec<String> = Vec::new();
    for (k, token) in tokens.iter().enumerate() {
        if !drop[k] {
            out.push(token.to_string());
            continue;
        }
        // The punctuation a dropped time closed on goes to the word before it; none is
        // left at the start of the text.
        let tail: String = token
            .chars()
            .rev()
            .take_while(|c| ",;:".contains(*c))
            .collect();
        let last_of_phrase = drop.get(k + 1) != Some(&true);
        if last_of_phrase && !tail.is_empty() {
            if let Some(previous) = out.last_mut() {
                if !previous.ends_with([',', ';', ':']) {
                    previous.push_str(&tail);
                }
            }
        }
    }
    let joined = out.join(" ");
    let mut chars = joined.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// Those who report what happened for a living: the subject of "… said" that a title may
/// leave out (see [`without_attribution`]), and of a present tense that reports ("Police
/// investigate …", see [`verbless`]).
const AUTHORITIES: &[&str] = &[
    "police",
    "officials",
    "authorities",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "department",
    "investigators",
    "prosecutors",
    "officers",
    "sheriff",
    "sheriff's",
    "coroner",
];

/// The forms of "say": what follows them is the speaker's claim, which a title states without
/// its source only when the speaker is one of [`AUTHORITIES`].
const SAID: &[&str] = &["said", "says", "say"];

/// A text without the attribution it opens with, when what follows is a whole statement
/// that names its own subject, as a headline leaves out who confirmed what: "Police confirmed
/// that two bodies … were the missing teens" reads "Two bodies … were the missing teens". A
/// report or confirmation ("has confirmed", "reports that") goes whoever gave it; "said" only
/// after an authority that reports what happened ("Police said", "A spokesman for the Fire
/// Department said"), since what a person, a government or its media say is their claim
/// ("Syrian state television said three \"terrorists\" … were killed"). None when what follows opens on a pronoun or
/// speaks of the source ("told them"), when the source names the only place it tells of,
/// or when there is no such attribution.
fn without_attribution(text: &str) -> Option<String> {
    const REPORTS: &[&str] = &["confirmed", "confirms", "reported", "reports"];
    // Words that open a statement naming its own subject: a capital or a figure, or an
    // article or a number word before a noun.
    const OPENS: &[&str] = &[
        "the", "a", "an", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "several", "no", "more",
    ];
    // Words that lean on the source or on a sentence before.
    const BACK: &[&str] = &[
        "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
        "his", "her", "its", "their", "them", "us", "our", "him",
    ];
    const MOST_SUBJECT: usize = 8;
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let lower: Vec<String> = tokens.iter().map(|t| core(t).to_lowercase()).collect();
    let verb = (1..tokens.len().min(MOST_SUBJECT + 2)).find(|&k| {
        (REPORTS.contains(&tokens[k]) || SAID.contains(&tokens[k])) && !tokens[k - 1].ends_with(',')
    })?;
    let subject_end = verb - usize::from(["has", "have", "had"].contains(&tokens[verb - 1]));
    let subject = &lower[..subject_end];
    let plain_subject = tokens[0].starts_with(char::is_uppercase)
        && !tokens[..subject_end].iter().any(|t| t.ends_with(','))
        && !subject
            .iter()
            .any(|w| ["who", "that", "which"].contains(&w.as_str()));
    let reports = REPORTS.contains(&tokens[verb])
        || subject.iter().any(|w| AUTHORITIES.contains(&w.as_str()));
    let from = verb + 1 + usize::from(lower.get(verb + 1).is_some_and(|w| w == "that"));
    let first = tokens.get(from)?;
    let opens = first.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || OPENS.contains(&lower[from].as_str());
    let leans = BACK.contains(&lower[from].as_str())
        || lower[from..]
            .iter()
            .any(|w| ["they", "them", "us", "we", "our"].contains(&w.as_str()));
    // A source that names where ("San Francisco police said", "Detroit Police said") stays
    // when what follows names no place or person of its own ("seven people were injured in
    // a drive-by shooting"): the source's name is then all the title tells of where.
    let named = |t: &&str| {
        t.starts_with(char::is_uppercase)
            && !AUTHORITIES.contains(&core(t).to_lowercase().as_str())
            && !["the", "a", "an"].contains(&core(t).to_lowercase().as_str())
    };
    let only_source_names = tokens[..subject_end].iter().any(named)
        && !tokens[from..]
            .iter()
            .any(|t| t.starts_with(char::is_uppercase));
    (subject_end > 0 && plain_subject && reports && opens && !leans && !only_source_names)
        .then(|| capitalised(&tokens[from..].join(" ")))
}

/// A text without the place or time it closes on: the last "in", "at", "near", "on",
/// "outside" or "during" and what follows it, when that is a few words that name a place or a
/// time and hold no verb of their own ("… died when her stroller plunged down a shaft in a
/// Brooklyn building"). None when it does not close on one.
fn without_closing_place(text: &str) -> Option<String> {
    const PLACES: &[&str] = &["in", "at", "near", "on", "outside", "during", "around"];
    const PLACE_KINDS: &[&str] = &[
        "city", "town", "village", "county", "state", "province", "region", "capital", "suburb",
        "district", "island",
    ];
    const MOST: usize = 7;
    let tokens: Vec<&str> = text.split_whitespace().collect();
    // The last such word: what it opens is what the sentence closes on ("… kneel during the
    // national anthem at Maryland SoccerPlex" closes on "at Maryland SoccerPlex").
    let k = (tokens.len().saturating_sub(MOST + 1)..tokens.len())
        .filter(|&k| k >= 5)
        .rfind(|&k| PLACES.contains(&tokens[k]))?;
    let tail = tokens[k + 1..].join(" ");
    // A place or time by its name ("in South L.A.", "at the San Diego Zoo", "in a Brooklyn
    // building", "in the key Crimean city of Sevastopol"), not what completes the verb ("make
    // it in the modern Republican Party", "at age 40").
    let named = tokens[k + 1..]
        .iter()
        .find(|t| !["a", "an", "the"].contains(t))
        .is_some_and(|t| t.starts_with(char::is_uppercase))
        || tokens[k + 1..].windows(3).any(|w| {
            PLACE_KINDS.contains(&w[0]) && w[1] == "of" && w[2].starts_with(char::is_uppercase)
        });
    // A time by the clock ("around 5 a.m.", "at 10:30 p.m.").
    let clock = tokens.len() - k <= 3
        && tokens
            .get(k + 1)
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()))
        && tokens[k + 1..]
            .iter()
            .any(|t| ["a.m", "p.m", "am", "pm"].contains(&core(t).to_lowercase().as_str()));
    if !(named || clock) || has_predicate(&format!("It {tail}")) || tail.contains(',') {
        return None;
    }
    Some(tokens[..k].join(" ").trim_end_matches(',').to_string())
}

/// A text without the adverbs of focus a headline leaves out, where they qualify a verb or
/// what follows "be" ("Mona Lisa and Kip Harding are just your average …", "President Obama has
/// just completed …", "Stocks also go down"): after an auxiliary or before a verb, never
/// before a figure or an amount ("just 6 were found", "just over", "still 10"). None when
/// there is none.
fn without_focus_adverbs(text: &str) -> Option<String> {
    const FOCUS: &[&str] = &[
        "just", "merely", "still", "also", "actually", "really", "simply",
    ];
    const AUXILIARIES: &[&str] = &[
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
        "could", "may", "might", "must", "should", "do", "does", "did",
    ];
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let lower: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
    let drop: Vec<bool> = (0..tokens.len())
        .map(|k| {
            let Some(next) = tokens.get(k + 1) else {
                return false;
            };
            let amount = next.starts_with(|c: char| c.is_ascii_digit() || c == '$')
                || [
                    "one", "two", "three", "four", "five", "a", "an", "over", "under", "about",
                    "more", "less", "before", "after", "as", "like",
                ]
                .contains(&core(next).to_lowercase().as_str());
            k > 0
                && FOCUS.contains(&lower[k].as_str())
                && !amount
                && next.starts_with(char::is_lowercase)
                && (AUXILIARIES.contains(&lower[k - 1].as_str())
                    || opens_with_verb(&tokens[k + 1..]))
        })
        .collect();
    drop.contains(&true).then(|| {
        tokens
            .iter()
            .zip(&drop)
            .filter(|(_, d)| !**d)
            .map(|(t, _)| *t)
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// A text without the home of a person it names after an office, as a headline names a
/// person: "President Trump has announced Judge Neil Gorsuch of Colorado as his pick …"
/// reads "… Judge Neil Gorsuch as his pick …". The name is of two capitalised words or more
/// after an office (see [`OFFICES`]); the home, "of" and at most three capitalised words, is
/// followed by a word in lower case. None when there is no such home.
fn without_home_after_name(text: &str) -> Option<String> {
    const MOST_HOME: usize = 3;
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let capital = |t: &str| t.starts_with(char::is_uppercase) && !t.ends_with([',', ';', ':']);
    let office = |t: &str| OFFICES.contains(&core(t).to_lowercase().as_str());
    // The capitalised words after "of", at most one past the most a home takes (so a run of
    // capitals costs no more than that at each word).
    let home_at = |k: usize| {
        tokens[k + 1..]
            .iter()
            .take(MOST_HOME + 1)
            .take_while(|t| capital(t) && core(t).to_lowercase() != "the")
            .count()
    };
    let k = (3..tokens.len().saturating_sub(2)).find(|&k| {
        tokens[k] == "of"
            && capital(tokens[k - 1])
            && capital(tokens[k - 2])
            && office(tokens[k - 3])
            && (1..=MOST_HOME).contains(&home_at(k))
            && tokens
                .get(k + 1 + home_at(k))
                .is_some_and(|t| t.starts_with(char::is_lowercase))
    })?;
    let home = home_at(k);
    let mut out: Vec<&str> = tokens[..k].to_vec();
    out.extend(&tokens[k + 1 + home..]);
    Some(out.join(" "))
}

/// Offices and titles a name follows ("Minister", "Judge", "Sen.", "star").
const OFFICES: &[&str] = &[
    "minister",
    "secretary",
    "president",
    "premier",
    "chairman",
    "chairwoman",
    "chief",
    "director",
    "executive",
    "governor",
    "gov",
    "senator",
    "sen",
    "rep",
    "representative",
    "leader",
    "spokesman",
    "spokeswoman",
    "commissioner",
    "mayor",
    "judge",
    "general",
    "ambassador",
    "officer",
    "professor",
    "star",
    "lawmaker",
    "founder",
    "ceo",
    "coach",
];

/// A text that opens on a person named after a long title or description, with the name
/// alone, as a headline names a person: "Minister for Health Leo Varadkar has confirmed …"
/// reads "Leo Varadkar has confirmed …", "U.S. soccer star Megan Rapinoe never got …" reads
/// "Megan Rapinoe never got …". The title is of two words or more and ends in an office
/// ("Rep.", "star", "professor") or its portfolio ("Minister for Health"); a short one ("Sen. Lindsey Graham") stays. None when the text opens on no such title and name.
fn without_long_office(text: &str) -> Option<String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let capital = |t: &str| t.starts_with(char::is_uppercase);
    // The name: capitalised words up to the verb, the first word in lower case that opens as
    // one ("for" in "Minister for Health" does not).
    let verb = (1..tokens.len()).find(|&k| !capital(tokens[k]) && opens_with_verb(&tokens[k..]))?;
    let initial = |t: &str| t.len() == 2 && t.ends_with('.');
    let mut name = verb.checked_sub(2)?;
    if initial(tokens[name]) {
        name = name.checked_sub(1)?;
    }
    // What comes before the name: two words or more, the last an office, and one title, not
    // a list of people or a clause ("Speaker Boehner and Leader Cantor", "Like every year,
    // the 2012 Emmy Awards"), nor a person related to the one named ("The son of U.S. Rep.
    // Bob Goodlatte", where "Secretary of State" is a title).
    let title = &tokens[..name];
    let related = title
        .windows(2)
        .any(|w| w[1] == "of" && w[0].starts_with(char::is_lowercase));
    // The office closes the title, or what follows it names its portfolio ("Minister for
    // Health", "Secretary of State").
    let is_office = |t: &&str| OFFICES.contains(&core(t).to_lowercase().as_str());
    let office = title.iter().rposition(is_office).is_some_and(|j| {
        title[j + 1..]
            .iter()
            .all(|t| t.starts_with(char::is_uppercase) || ["for", "of"].contains(t))
    });
    let one_title = !title
        .iter()
        .any(|t| *t == "and" || t.ends_with([',', ':', ';']) || t.contains('\''));
    let named = tokens[name..verb]
        .iter()
        .all(|t| (capital(t) && !t.ends_with(',') && core(t).len() > 1) || initial(t));
    (name >= 2 && office && one_title && !related && named).then(|| tokens[name..].join(" "))
}

/// A text up to the last further action joined by "and": ", and" before a clause, or "and"
/// before a verb ("… broke into the headquarters and raised the Russian flag"); names
/// joined by "and" ("Liberty German and Abigail Williams") stay, and so does an "and" after a
/// word that opens a clause of its own ("An advertisement revealing how alcohol absorbs …
/// and can cause cancer is …"), which may join that clause's actions. None when there is none.
fn first_action(text: &str) -> Option<String> {
    const LEAST_KEPT: usize = 8;
    const OPENS: &[&str] = &[
        "how", "that", "what", "which", "who", "whom", "whether", "if", "when", "where", "while",
        "because", "why",
    ];
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let open = tokens
        .iter()
        .position(|t| OPENS.contains(&core(t).to_lowercase().as_str()))
        .unwrap_or(tokens.len());
    // What is kept is the greater part: at least eight words and half of the text, so that a
    // list ("Two children, ages 3 and 5, and their mother have been found dead") is never
    // taken for the first of two actions.
    let least = LEAST_KEPT.max(tokens.len() / 2);
    let k = (least..tokens.len().saturating_sub(1).min(open))
        .rev()
        .find(|&k| {
            // An "and" right after a verb joins two verbs of one action ("first shot and
            // killed his girlfriend").
            tokens[k] == "and"
                && !opens_with_verb(&tokens[k - 1..])
                && (opens_with_verb(&tokens[k + 1..])
                    || further_adjunct(tokens[k - 1], &tokens[k + 1..])
                    || (tokens[k - 1].ends_with(',') && has_predicate(&tokens[k + 1..].join(" "))))
        })?;
    Some(tokens[..k].join(" ").trim_end_matches(',').to_string())
}

/// Whether what follows an "and" (`after`, the word before it `before`) adds to the clause
/// rather than naming a second thing: a verb after an adverb of sequence ("… and then walk up to
/// the cashier", "… and thus be the property of the government"), a participle before its
/// object ("… and forcing the shutdown of …"; not a second one of a pair, "reading and writing
/// skills"), or a further "with" ("… as the favorite and with high polling numbers").
fn further_adjunct(before: &str, after: &[&str]) -> bool {
    const SEQUENCE: &[&str] = &[
        "then",
        "thus",
        "later",
        "eventually",
        "finally",
        "subsequently",
    ];
    const OBJECT: &[&str] = &[
        "the", "a", "an", "his", "her", "its", "their", "him", "them", "it", "up", "out", "off",
        "down",
    ];
    let lower = |k: usize| after.get(k).map(|t| core(t).to_lowercase());
    let lowercase = |k: usize| {
        after
            .get(k)
            .is_some_and(|t| t.starts_with(char::is_lowercase))
    };
    let Some(first) = lower(0) else {
        return false;
    };
    let sequence = SEQUENCE.contains(&first.as_str()) && lowercase(1);
    let participle = first.len() > 5
        && first.ends_with("ing")
        && !core(before).to_lowercase().ends_with("ing")
        && lower(1).is_some_and(|n| {
            OBJECT.contains(&n.as_str()) || n.starts_with(|c: char| c.is_ascii_digit())
        });
    sequence || participle || first == "with"
}

/// The main clause of a text (see [`main_clause`]) when what it leaves out is not what the
/// clause needs: it keeps at least half of the words ("Lowe was regarded as the world's
/// greatest mountain climber" is not what "… when he was swept to his death at age 40" is
/// about), and it does not end a verb of naming before its "as" ("The Onion has named Kim
/// Jong Un as the …").
fn main_statement(text: &str) -> Option<String> {
    const NAMING: &[&str] = &[
        "named",
        "names",
        "name",
        "announced",
        "identified",
        "described",
        "regarded",
        "known",
        "chosen",
        "picked",
        "elected",
        "appointed",
        "hailed",
        "listed",
        "ranked",
        "selected",
        "nominated",
        "declared",
        "crowned",
        "branded",
        "labelled",
        "labeled",
    ];
    let clause = main_clause(text)?;
    let rest = text.strip_prefix(clause.as_str())?;
    let words = |t: &str| t.split_whitespace().count();
    let at_as = chorus_text::words(rest)
        .next()
        .is_some_and(|(_, w)| w.eq_ignore_ascii_case("as"));
    let naming =
        chorus_text::words(&clause).any(|(_, w)| NAMING.contains(&w.to_lowercase().as_str()));
    // "A boy believed to have shot himself while playing with a gun has died": a clause
    // without a subject ("while playing …") followed by a finite verb is the main clause's,
    // so what comes before is no clause.
    const FINITE: &[&str] = &["has", "have", "had", "is", "are", "was", "were", "will"];
    let rest_words: Vec<&str> = chorus_text::words(rest).map(|(_, w)| w).collect();
    let verb_later = rest_words.get(1).is_some_and(|w| w.ends_with("ing"))
        && rest_words
            .iter()
            .skip(2)
            .any(|w| FINITE.contains(&w.to_lowercase().as_str()));
    (words(&clause) * 2 >= words(text) && !(at_as && naming) && !verb_later).then_some(clause)
}

/// Whether words open with a verb in lower case ("raised the flag", "attracted about"), read
/// by [`has_predicate`] from the first two after a stand-in subject. A word joined by hyphens
/// is a modifier, whatever its parts ("off-the-cut moments").
fn opens_with_verb(tokens: &[&str]) -> bool {
    let two: Vec<&str> = tokens.iter().take(2).copied().collect();
    two.first()
        .is_some_and(|t| t.starts_with(char::is_lowercase) && !t.contains('-'))
        && has_predicate(&format!("It {}", two.join(" ")))
}

/// Whether a shortened sentence ends as a statement does: not on a word that needs more
/// ("finds that", "but", "is warning against").
fn ends_whole(clause: &str) -> bool {
    const DANGLING: &[&str] = &[
        "a", "an", "the", "of", "and", "or", "but", "to", "for", "with", "from", "by", "in", "on",
        "at", "that", "if", "whether", "which", "who", "when", "as", "than", "into", "against",
        "such", "about", "over", "via", "like", "near", "toward", "towards", "through", "across",
        "between", "among", "without", "within", "under", "during", "per", "onto", "upon",
    ];
    chorus_text::words(clause)
        .last()
        .is_some_and(|(_, last)| !DANGLING.iter().any(|d| last.eq_ignore_ascii_case(d)))
}

/// Whether a sentence or a part of one is no statement to title an event with: a photo's
/// caption ("In this Jan. 17, 2013, file photo, …", "Elections supervisor Brenda Snipes,
/// left, …"), or a quotation cut in two (an odd number
/// of quote marks).
fn caption_or_cut_quote(text: &str) -> bool {
    const POSITIONS: &[&str] = &["left", "right", "center", "centre", "top", "bottom"];
    let quotes = text.matches(['“', '”']).count() % 2 == 1 || text.matches('"').count() % 2 == 1;
    // ", left," or ", third from left": where a person stands in the photo.
    let position = text.split(',').skip(1).any(|part| {
        let part = part.trim().trim_end_matches('.').to_lowercase();
        let place = part.rsplit_once(" from ").map_or(part.as_str(), |(_, p)| p);
        POSITIONS.contains(&place) && part.split_whitespace().count() <= 3
    });
    // "In this Saturday, July 1, 2017, photo, people line up …": the photo the text is under.
    let photo = text.split(',').any(|part| {
        let part = part.trim().to_lowercase();
        let before = part.strip_suffix("photo").map(str::trim_end);
        before.is_some_and(|b| {
            b.is_empty()
                || (part.split_whitespace().count() <= 4
                    && (b.contains(|c: char| c.is_ascii_digit())
                        || b.split_whitespace()
                            .any(|w| ["this", "file", "handout", "undated"].contains(&w))))
        })
    });
    quotes || position || photo || text.to_lowercase().contains("file photo")
}

/// Words that open an adverbial ("With the stakes on the peninsula", "According to the post")
/// or a caption ("Image …"), not a clause of its own.
const LEADS: &[&str] = &[
    "with",
    "according",
    "at",
    "in",
    "on",
    "for",
    "from",
    "by",
    "during",
    "after",
    "as",
    "image",
    "photo",
    "when",
    "while",
    "if",
    "although",
    "though",
    "to",
    "of",
    "before",
    "because",
    "since",
    "until",
    "unless",
    "once",
    "despite",
    "following",
    "like",
];

/// Past participles not in "-ed" that open an adverbial before a preposition ("Sunk without
/// trace …", "Born in …").
const PAST_PARTICIPLES: &[&str] = &[
    "sunk", "born", "built", "caught", "found", "held", "hidden", "known", "left", "lost", "made",
    "seen", "shot", "stolen", "taken", "written", "given", "driven", "thrown", "torn",
];

/// Whether a part of a sentence opens as an adverbial, not as a statement: with a preposition
/// or a subordinating word ("After …", "In 2011", "When …"), a participle ("Speaking to
/// reporters", "Based on …"), or a time that holds one ("A day after …", "Two days before …",
/// "Hours after …").
fn opens_adverbial(part: &str) -> bool {
    const TIMES: &[&str] = &[
        "after", "before", "since", "earlier", "later", "ago", "late", "early",
    ];
    const UNITS: &[&str] = &[
        "time", "day", "days", "week", "weeks", "month", "months", "year", "years", "hour",
        "hours", "minutes", "moments", "night", "nights",
    ];
    let words: Vec<&str> = chorus_text::words(part).map(|w| w.1).collect();
    let Some(first) = words.first() else {
        return false;
    };
    // A past participle before its preposition opens one too ("Sunk without trace in …,
    // the mightiest battleship …", "Filmed by US troops in China, …").
    let past = first.len() > 3
        && (first.ends_with("ed") || PAST_PARTICIPLES.contains(&first.to_lowercase().as_str()))
        && words.get(1).is_some_and(|w| {
            LEADS
                .iter()
                .chain(&[
                    "without", "into", "under", "near", "off", "outside", "inside", "across",
                ])
                .any(|l| w.eq_ignore_ascii_case(l))
        });
    let participle = first.len() > 4 && (first.ends_with("ing") || *first == "Based") || past;
    let unit = |w: &str| UNITS.contains(&w.to_lowercase().as_str());
    let time = |w: &str| TIMES.iter().any(|t| w.eq_ignore_ascii_case(t));
    let later = |w: &str| {
        ["later", "earlier", "ago"]
            .iter()
            .any(|t| w.eq_ignore_ascii_case(t))
    };
    // "Ever since …", "Even if …", "Out of 1,087 skeletons …": a word of degree before one
    // that opens an adverbial.
    let degree = [
        "ever", "even", "just", "long", "shortly", "soon", "right", "only", "out",
    ]
    .iter()
    .any(|d| first.eq_ignore_ascii_case(d))
        && words
            .get(1)
            .is_some_and(|w| LEADS.iter().any(|l| w.eq_ignore_ascii_case(l)));
    participle
        || degree
        || LEADS.iter().any(|l| first.eq_ignore_ascii_case(l))
        // "Hours after …", "Moments before …".
        || (unit(first) && words.get(1).is_some_and(|w| time(w)))
        // "Every time …", "Each year …".
        || (["every", "each"].iter().any(|e| first.eq_ignore_ascii_case(e))
            && words.get(1).is_some_and(|w| unit(w) || w.eq_ignore_ascii_case("time")))
        // "Less than a week later", "Two years ago": a time without a verb of its own.
        || (words.len() <= 6 && !has_predicate(part) && words.last().is_some_and(|w| later(w)))
        || (words
            .get(1)
            .is_some_and(|w| UNITS.contains(&w.to_lowercase().as_str()))
            && words
                .iter()
                .take(5)
                .skip(2)
                .any(|w| TIMES.iter().any(|t| w.eq_ignore_ascii_case(t))))
}

/// The clause a long sentence opens with, when it has at most [`TITLE_WORDS`] words and at
/// least four: the text before the first comma, semicolon or dash, or before a word that
/// opens a subordinate clause ("after", "as", "when", "because", "while", "following",
/// "which", "who", "if", …), whichever comes first.
fn main_clause(sentence: &str) -> Option<String> {
    const SUBORDINATE_CUT_WORDS: usize = 6;
    const OPENERS: &[&str] = &[
        "after",
        "as",
        "when",
        "because",
        "while",
        "following",
        "which",
        "who",
        "before",
        "since",
        "despite",
        "if",
        "unless",
        "although",
        "though",
    ];
    // "who" after a word that needs it to say which ones ("A teenager was among four people
    // who were shot …"), "if" in a clause whose verb it is the object of ("asked the children
    // if …"): no clause ends there.
    const NEEDS_WHICH: &[&str] = &[
        "people", "those", "one", "ones", "others", "anyone", "someone", "everyone", "many",
        "some", "few", "all",
    ];
    const ASKS: &[&str] = &[
        "asked",
        "ask",
        "asks",
        "asking",
        "wonder",
        "wondered",
        "know",
        "knows",
        "knew",
        "see",
        "decide",
        "determine",
        "unclear",
        "sure",
        "check",
    ];
    // The first comma, semicolon or dash, but not a comma inside a figure ("$50,000") nor
    // one that opens an age or a home town inside the clause ("reported Mekiyah Davis, 17,
    // of Baton Rouge, is also charged"): no clause ends there.
    let bytes = sentence.as_bytes();
    let mut end = sentence.len();
    let mut aside_until = 0;
    for (i, c) in sentence.char_indices() {
        if i < aside_until {
            continue;
        }
        if matches!(c, ';' | '—' | '–') {
            end = i;
            break;
        }
        let in_figure = i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if c == ',' && !in_figure && !between_adjectives(sentence, i) {
            if inner_aside(&sentence[i + 1..]).is_none() {
                end = i;
                break;
            }
            // Past the aside's closing comma, and past each aside that comma opens in turn
            // (", 17, of Baton Rouge,").
            let mut close = i;
            while let Some(len) = inner_aside(&sentence[close + 1..]) {
                close += 1 + len;
            }
            aside_until = close + 1;
        }
    }
    // Times a "when" after them says which of.
    const TIME_NOUNS: &[&str] = &[
        "morning",
        "afternoon",
        "evening",
        "night",
        "day",
        "time",
        "moment",
        "week",
        "month",
        "year",
        "hour",
    ];
    // "just before 9 p.m.", "shortly after midnight": a time, not a clause.
    const DEGREE: &[&str] = &[
        "just",
        "shortly",
        "soon",
        "right",
        "long",
        "immediately",
        "moments",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
    ];
    let mut previous = "";
    // The three words before the current one, the last first; whether one before it asks;
    // where " among " ends: kept as the words go by, since reading the sentence up to each
    // word again cost the square of its length.
    let mut last_three: [&str; 3] = [""; 3];
    let mut asked = false;
    let among = sentence.find(" among ").map(|a| a + " among ".len());
    for (n, (off, w)) in chorus_text::words(sentence).enumerate() {
        let degree = DEGREE.iter().any(|d| previous.eq_ignore_ascii_case(d));
        let is = |o: &str| w.eq_ignore_ascii_case(o);
        let after = |list: &[&str]| list.iter().any(|p| previous.eq_ignore_ascii_case(p));
        // "the only soldier who …", "the first woman who …": which one is the point.
        let singled = last_three.iter().any(|v| {
            ["only", "first", "last", "same"]
                .iter()
                .any(|o| v.eq_ignore_ascii_case(o))
        });
        // "on the morning when …", "the day when …": "when" after a time named with an
        // article says which time, the clause is the time's ("Monday night when a man shot
        // …" is a clause of its own). "positioning the company as the backbone of …": "as"
        // before a noun phrase with its article and no clause of its own (no verb within its
        // next four words) completes the verb ("as part of a drive" does not).
        let which_time = is("when")
            && after(TIME_NOUNS)
            && ["the", "that", "a"]
                .iter()
                .any(|a| last_three[1].eq_ignore_ascii_case(a));
        let as_complement = is("as") && {
            let next: Vec<&str> = chorus_text::words(&sentence[off + w.len()..])
                .take(4)
                .map(|(_, v)| v)
                .collect();
            next.first()
                .is_some_and(|f| ["the", "a", "an", "those"].contains(f))
                && !has_predicate(&format!("It {}", next.join(" ")))
        };
        let needed = which_time
            || as_complement
            || ((is("who") || is("which"))
                && (after(NEEDS_WHICH) || singled || among.is_some_and(|a| a <= off)))
            || (is("if") && asked);
        // A clause of a few words before one that opens says too little on its own ("Scott
        // Routley was asked questions while …").
        if n >= SUBORDINATE_CUT_WORDS
            && off < end
            && !degree
            && !needed
            && OPENERS.iter().any(|o| is(o))
        {
            end = off;
            break;
        }
        previous = w;
        last_three = [w, last_three[0], last_three[1]];
        asked |= ASKS.iter().any(|a| w.eq_ignore_ascii_case(a));
    }
    let clause = sentence[..end].trim();
    let n = clause.split_whitespace().count();

    ((4..=TITLE_WORDS).contains(&n)
        && !opens_adverbial(clause)
        && !subordinate_alone(clause)
        && has_predicate(clause)
        && ends_whole(clause)
        && !leaves_open(clause)
        && !colon_cut(clause)
        && !caption_or_cut_quote(clause))
    .then(|| clause.to_string())
}

/// Whether the comma at byte `at` of `sentence` stands between two adjectives of one noun
/// phrase ("after a rare, closed-door Ways and Means markup"): an article and one word before
/// it, and after it a word in lower case that is hyphenated or reads as an adjective
/// ("-ful", "-ous", "-al", "-ive", "-ic", "-able", "-less"), not a verb.
fn between_adjectives(sentence: &str, at: usize) -> bool {
    const ENDINGS: &[&str] = &["ful", "ous", "al", "ive", "ic", "able", "ible", "less"];
    let before: Vec<&str> = sentence[..at].split_whitespace().rev().take(2).collect();
    let after: Vec<&str> = sentence[at + 1..].split_whitespace().take(2).collect();
    let article = before
        .get(1)
        .is_some_and(|w| ["a", "an", "the"].iter().any(|a| w.eq_ignore_ascii_case(a)));
    let adjective = after.first().is_some_and(|w| {
        w.starts_with(char::is_lowercase)
            && !w.ends_with([',', '.', ';', ':'])
            && (w.contains('-') || ENDINGS.iter().any(|e| w.ends_with(e)))
    });
    article && before.len() == 2 && adjective && !opens_with_verb(&after)
}

/// Whether a text is a subordinate clause with no main clause after it: it opens with a word
/// that subordinates ("When …", "Ever since linguist Marc Okrand formalized his work") and has
/// no comma after which a main clause could follow.
fn subordinate_alone(text: &str) -> bool {
    const SUBORDINATES: &[&str] = &[
        "when", "while", "if", "although", "though", "because", "since", "until", "unless", "once",
        "whereas", "whenever",
    ];
    let words: Vec<String> = chorus_text::words(text)
        .take(2)
        .map(|(_, w)| w.to_lowercase())
        .collect();
    let opens = |w: &String| SUBORDINATES.contains(&w.as_str());
    let opener = words.first().is_some_and(opens)
        || (words
            .first()
            .is_some_and(|w| ["ever", "even", "just"].contains(&w.as_str()))
            && words.get(1).is_some_and(opens));
    // "Had they been destroyed by …", "Were the vote held today": a condition that opens on
    // its auxiliary, which is no question.
    let inverted = words
        .first()
        .is_some_and(|w| ["had", "were", "should"].contains(&w.as_str()))
        && words.get(1).is_some_and(|w| {
            PRONOUNS.contains(&w.as_str()) || ["the", "a", "an"].contains(&w.as_str())
        })
        && !text.trim_end().ends_with('?');
    (opener || inverted) && !text.contains(',')
}

/// Whether a clause leaves a clause or a pair it opens without its end: a "that" or "whether"
/// (not after a preposition: "of that conversation") with no verb after it ("the shocking news
/// that Prodigy", "says that in all of his years in show business", "have discovered that a
/// gene mutation"), or a "not only" without its "but" ("Europa not only has a massive global
/// ocean").
fn leaves_open(clause: &str) -> bool {
    const PREPOSITIONS: &[&str] = &[
        "of", "in", "at", "on", "about", "for", "with", "by", "from", "to", "into", "like",
        "after", "before", "than", "over", "under", "all",
    ];
    let words: Vec<String> = chorus_text::words(clause)
        .map(|(_, w)| w.to_lowercase())
        .collect();
    let opener = (1..words.len()).rev().find(|&k| {
        ["that", "whether"].contains(&words[k].as_str())
            && !PREPOSITIONS.contains(&words[k - 1].as_str())
    });
    let unfinished = opener.is_some_and(|k| {
        let rest = words[k + 1..].join(" ");
        !has_predicate(&format!("It {rest}"))
    });
    // "Europa not only has a massive global ocean, it has huge lakes …": a second clause
    // after a comma ends it as "but" does.
    let not_only = words
        .windows(2)
        .position(|w| w[0] == "not" && w[1] == "only")
        .is_some_and(|k| {
            let at = clause.to_lowercase().find("not only").unwrap_or(0);
            !words[k..].iter().any(|w| w == "but") && !clause[at..].contains(',')
        });
    unfinished || not_only
}

/// Whether a clause cut short after a colon keeps of what follows the colon neither a clause
/// nor names ("… trained 29 rats on two different challenges: rats", "The logic seems sound:
/// The more lottery tickets you buy").
fn colon_cut(clause: &str) -> bool {
    let Some((_, after)) = clause.rsplit_once(": ") else {
        return false;
    };
    let names = after
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase) || ["and", "&"].contains(&w));
    !names && !has_predicate(after)
}

/// The length of the age or home town that the text after a comma sets off inside a clause,
/// up to its closing comma (", 17, of Baton Rouge, is …", ", 45, was …"): a figure alone, or
/// "of" and a name.
fn inner_aside(after: &str) -> Option<usize> {
    let (raw, _) = after.split_once(',')?;
    age_or_home(raw).then_some(raw.len())
}

/// Whether the last part of a sentence, after its last comma, is who said or showed it: a
/// subject and a verb of saying or showing, with nothing after it but a time (", rare documents
/// released in honor of … showed on Wednesday", ", the report said", ", a study found"); not
/// what another clause says ("what the report said").
fn closing_attribution(part: &str) -> bool {
    const SAYING: &[&str] = &[
        "said",
        "says",
        "say",
        "showed",
        "shows",
        "show",
        "wrote",
        "writes",
        "reported",
        "reports",
        "found",
        "finds",
        "announced",
        "revealed",
        "confirmed",
        "suggested",
        "suggests",
        "indicated",
        "indicates",
        "stated",
        "added",
    ];
    // Words that make the verb another clause's ("what the report said") or the part a
    // further statement ("and the council said").
    const CLAUSE: &[&str] = &[
        "what", "how", "why", "whether", "if", "that", "who", "which", "where", "when", "and",
        "but", "or", "so", "yet", "while", "because",
    ];
    let part = without_times(part).unwrap_or_else(|| part.to_string());
    let lower: Vec<String> = part
        .split_whitespace()
        .map(|t| core(t).to_lowercase())
        .collect();
    lower.len() >= 2
        && !lower.iter().any(|w| CLAUSE.contains(&w.as_str()))
        && lower.last().is_some_and(|w| SAYING.contains(&w.as_str()))
}

/// Whether a part of a sentence between commas is an age or a home town: a figure alone
/// ("17"), or "of" and a name ("of Baton Rouge").
fn age_or_home(part: &str) -> bool {
    let part = part.trim();
    let figure = !part.is_empty() && part.len() <= 3 && part.bytes().all(|b| b.is_ascii_digit());
    let home = part.strip_prefix("of ").is_some_and(|place| {
        place.split_whitespace().count() <= 3
            && place
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
    });
    figure || home
}

/// Finite verbs and auxiliaries that [`has_predicate`] reads as a verb wherever they stand.
const FINITE: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "did",
    "does",
    "do",
    "says",
    "said",
    "say",
    "told",
    "went",
    "got",
    "came",
    "took",
    "made",
    "gave",
    "found",
    "left",
    "became",
    "won",
    "lost",
    "hit",
    "shot",
    "fell",
    "rose",
    "ran",
    "saw",
    "met",
    "held",
    "sent",
    "began",
    "brought",
    "thought",
    "kept",
    "knew",
    "led",
    "paid",
    "put",
    "set",
    "spent",
    "stood",
    "struck",
    "wrote",
    "flew",
    "drove",
    "sold",
    "sought",
    "spoke",
    "chose",
    "broke",
    "fled",
    "fought",
    "grew",
    "hid",
    "quit",
    "sank",
    "shut",
    "stole",
    "swore",
    "taught",
    "threw",
    "tore",
    "wore",
    "caught",
    "bought",
    "built",
    "felt",
    "heard",
    "hung",
    "meant",
    "stuck",
    "cut",
    "let",
    "cost",
    "hurt",
    "beat",
    "spread",
    "split",
    "bet",
    "knows",
    "dies",
    "died",
    "won't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "hasn't",
    "haven't",
    "hadn't",
    "can't",
    "couldn't",
    "wouldn't",
    "doesn't",
    "don't",
    "didn't",
    "shouldn't",
];

/// Auxiliaries after which a participle belongs to the same verb ("was shot", "has been
/// found"): [`has_predicate`] reads it as the relative clause's, not the main clause's.
const GROUP_AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "be", "been", "being", "not", "never",
];

/// Words before a plural noun that [`NOUN_LEADS`] leaves out ("Other documents to …").
const QUANTIFIERS: &[&str] = &[
    "other", "both", "such", "any", "most", "more", "few", "each", "every", "four", "five",
];

/// Personal pronouns: a subject or an object, never a verb.
const PRONOUNS: &[&str] = &[
    "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them",
];

/// Words that come before a noun, not after a verb's subject ("the", "of", "two").
const NOUN_LEADS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "of", "by", "for", "with", "in", "on", "at", "to", "from", "into", "and", "or", "some",
    "many", "all", "no", "two", "three", "several",
];

/// Words that open what follows a verb: its object or a preposition ("the", "to", "up").
const VERB_OBJECTS: &[&str] = &[
    "the", "a", "an", "to", "that", "his", "her", "its", "their", "on", "in", "at", "of", "for",
    "with", "by", "from", "up", "out", "off", "down", "back", "about", "over", "into", "no", "not",
    "more", "it", "him", "them", "new", "this",
];

/// Whether a title says nothing with a verb: no clause with one (see [`has_predicate`]) and
/// no finite verb anywhere ("Members of the graduating class at … in Atlanta", "Photo by: …",
/// "Dan and Fran Keller"). The finite verb anywhere keeps a statement whose verb
/// [`has_predicate`] reads as a relative clause's ("Many people worry that … may cause
/// cancer").
fn verbless(title: &str) -> bool {
    let words: Vec<String> = chorus_text::words(title)
        .map(|(_, w)| w.replace('’', "'").to_lowercase())
        .collect();
    // A plain present before its object, after a subject ("Two men remain in …", "Police
    // continue to …", "The dead include a …"); not a noun after a modifier ("the graduating
    // class at …") or inside a name ("… College of Art and Design commencement in …").
    let plain_verb = |k: usize| {
        let w = &words[k];
        let before = &words[k - 1];
        title_word_lowercase(title, w)
            && w.len() >= 3
            && !w.ends_with("ing")
            && !w.ends_with("ly")
            && !NOUN_LEADS.contains(&w.as_str())
            && !VERB_OBJECTS.contains(&w.as_str())
            && !NOUN_LEADS.contains(&before.as_str())
            && !before.ends_with("ing")
            && (k == 1
                || title_word_lowercase(title, before)
                || AUTHORITIES.contains(&before.as_str()))
            && words
                .get(k + 1)
                .is_some_and(|n| VERB_OBJECTS.contains(&n.as_str()))
    };
    !has_predicate(title)
        && !words.iter().any(|w| FINITE.contains(&w.as_str()))
        && !(1..words.len()).any(plain_verb)
}

/// Whether `lower` is written in lower case in `title` (not a name such as "Spain").
fn title_word_lowercase(title: &str, lower: &str) -> bool {
    chorus_text::words(title).any(|(_, w)| w == lower)
}

/// Whether a clause holds a verb of its own, not only a subject ("The presenters for the final
/// award", "Dan and Fran Keller") or a relative clause about one ("A measure that would
/// require …"): a finite form (an auxiliary, a common irregular past, "-ed" not after an
/// article or a preposition, "-s" before an object or a figure) outside a clause opened by
/// "that", "who" or "which". Read from the words alone, so it errs on both sides (a
/// participle "wounded by" counts); the point is to tell a clause from a noun phrase.
fn has_predicate(clause: &str) -> bool {
    let words: Vec<String> = chorus_text::words(clause)
        .map(|w| w.1.replace('’', "'"))
        .collect();
    let (mut relative, mut after_relative) = (false, false);
    for (k, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        if k > 0 && matches!(lower.as_str(), "that" | "who" | "which") {
            relative = true;
            continue;
        }
        let previous = k
            .checked_sub(1)
            .map(|p| words[p].to_lowercase())
            .unwrap_or_default();
        let next = words.get(k + 1).map(|n| n.to_lowercase());
        let lowercase = w.chars().next().is_some_and(char::is_lowercase);
        // After the relative clause's verb, a participle its auxiliary carries ("who was shot",
        // "who has been found") is still the relative clause's.
        let carried = after_relative && GROUP_AUXILIARIES.contains(&previous.as_str());
        let listed = FINITE.contains(&lower.as_str()) && !carried;
        // An "-ed" after "be" or an adverb that follows an article ("to be presented", "the
        // widely discussed letter") is a participle, not a verb of its own.
        let modified = k >= 2
            && previous.ends_with("ly")
            && NOUN_LEADS.contains(&words[k - 2].to_lowercase().as_str());
        // One that "by" follows names its agent: a participle after a noun ("A detailed report
        // commissioned by two … groups"), the passive's "was" being the verb.
        let by_agent = next.as_deref() == Some("by");
        let participle =
            ["be", "been", "being"].contains(&previous.as_str()) || modified || by_agent;
        let finite = listed
            || (k > 0
                && !after_relative
                && lowercase
                && lower.len() >= 4
                && lower.ends_with("ed")
                && !participle
                && !NOUN_LEADS.contains(&previous.as_str()))
            || (k > 0
                && !after_relative
                && lowercase
                && lower.len() >= 4
                && lower.ends_with('s')
                && !lower.ends_with("ss")
                && !lower.ends_with("us")
                && !NOUN_LEADS.contains(&previous.as_str())
                && !QUANTIFIERS.contains(&previous.as_str())
                && next.as_deref().is_some_and(|n| {
                    VERB_OBJECTS.contains(&n) || n.starts_with(|c: char| c.is_ascii_digit())
                }));
        // A plain present after a plural subject ("players qualify under", "species receive
        // most"); not a word after a name that ends in "s" ("The Millis police officer"), a
        // participle in "-ing" ("Investigators seeking the cause") or a pronoun.
        let name_before = k > 1 && words[k - 1].starts_with(char::is_uppercase);
        let plain_present = k > 0
            && !after_relative
            && lowercase
            && lower.len() >= 3
            && !lower.ends_with('s')
            && !lower.ends_with("ing")
            && !name_before
            && !PRONOUNS.contains(&lower.as_str())
            && !NOUN_LEADS.contains(&lower.as_str())
            && !VERB_OBJECTS.contains(&lower.as_str())
            && previous.len() >= 4
            && previous.ends_with('s')
            && !previous.ends_with("ss")
            && !FINITE.contains(&previous.as_str())
            && next.is_some();
        if finite || plain_present {
            if !relative {
                return true;
            }
            // The relative clause's own verb; a later one is the main clause's, when it is
            // plainly a verb (the relative clause's object may end in "-s" or "-ed").
            relative = false;
            after_relative = true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Account sentences of these texts, without sources or citations.
    fn uncited(texts: &[&str]) -> Vec<AccountSentence> {
        texts
            .iter()
            .map(|t| AccountSentence {
                text: t.to_string(),
                sources: Vec::new(),
                citations: Vec::new(),
            })
            .collect()
    }

    fn read(title: &str, text: &str) -> Option<String> {
        headline(title, "wxyz.com", text, &SiteTitles::default()).map(|h| h.text)
    }

    #[test]
    fn a_headline_loses_its_site_and_label_but_not_its_attribution() {
        let text = "Police said two men were shot on Main Street on Friday.";
        assert_eq!(
            read("UPDATE: Two men shot on Main Street - WXYZ TV 7", text).as_deref(),
            Some("Two men shot on Main Street")
        );
        assert_eq!(
            read("Police: Two men shot on Main Street | wxyz.com", text).as_deref(),
            Some("Police: Two men shot on Main Street")
        );
        assert_eq!(
            read("Two men shot on Main Street : Times Online", text).as_deref(),
            Some("Two men shot on Main Street")
        );
    }

    #[test]
    fn a_headline_its_site_cut_off_is_none() {
        let text = "The shooting happened in Belleview, and the other victims survived.";
        assert_eq!(read("Man kills six in Florida town of Bel", text), None);
        assert_eq!(read("Man kills six, may have injured othe", text), None);
        assert_eq!(read("Man kills six in the town of", text), None);
        assert_eq!(read("Victims of the shooting in ...", text), None);
        let text = "A 6-year-old boy was killed.";
        assert_eq!(
            read(
                "Officer claims self-defense in shooting that killed 6-y",
                text
            ),
            None
        );
        assert!(read(
            "Officer claims self-defense in shooting that killed 6-year-old",
            text
        )
        .is_some());
        // Whole: the last word is a word of the text, an acronym, or the text's word with an
        // ending.
        assert!(read("Man kills six in Belleview", text).is_some());
        assert!(read("Man kills six in LA", text).is_some());
        assert!(read("The other victim survived", text).is_some());
    }

    #[test]
    fn what_an_outlet_puts_on_pages_of_other_events_is_the_sites() {
        let site = SiteTitles::new([
            (
                "ksla.com",
                "Man shot on Line Avenue - KSLA News 12 Shreveport",
                0,
            ),
            (
                "ksla.com",
                "Two arrested in robbery - KSLA News 12 Shreveport",
                1,
            ),
            ("ksla.com", "Shreveport News Weather Sports", 2),
            ("ksla.com", "Shreveport News Weather Sports", 3),
            ("other.com", "Man shot - Local News", 4),
            ("other.com", "Man shot - Local News", 4),
        ]);
        let text = "A man was shot on Line Avenue in Shreveport, police said.";
        let h = |t: &str, s: &str| headline(t, s, text, &site).map(|h| h.text);
        assert_eq!(
            h(
                "Man shot on Line Avenue - KSLA News 12 Shreveport",
                "ksla.com"
            )
            .as_deref(),
            Some("Man shot on Line Avenue")
        );
        assert_eq!(h("Shreveport News Weather Sports", "ksla.com"), None);
        // Two pages of one event with one title say nothing of the site.
        assert!(site.contains("ksla.com", "KSLA News 12 Shreveport"));
        assert!(!site.contains("other.com", "Local News"));
    }

    #[test]
    fn a_long_sentence_is_shortened_to_its_statement() {
        let c =
            |s: &str| compressed(s, true).filter(|c| c.split_whitespace().count() <= TITLE_WORDS);
        assert_eq!(
            c("Pennsylvania Gov. Tom Corbett, a Republican, is up for re-election in 2014, a year that could prove difficult for incumbents.").as_deref(),
            Some("Pennsylvania Gov. Tom Corbett is up for re-election in 2014")
        );
        assert_eq!(
            c("A day after Russia effectively absorbed Crimea, President Putin signed a treaty in Moscow on Tuesday that opponents called illegal.").as_deref(),
            Some("President Putin signed a treaty in Moscow on Tuesday that opponents called illegal")
        );
        assert_eq!(
            c("Republicans aim to put the more than 1,200-page spending measure to a vote tomorrow, officials said, though the Senate has yet to act on it.").as_deref(),
            Some("Republicans aim to put the more than 1,200-page spending measure to a vote tomorrow")
        );
        assert_eq!(
            c("The presenters for the final award — Warren Beatty and Faye Dunaway — were incorrectly given the best actress award envelope.").as_deref(),
            Some("The presenters for the final award were incorrectly given the best actress award envelope")
        );
        // Nothing that reads as a statement is left: a caption, a quotation cut in two.
        assert_eq!(c("Jan. 17, 2013, file photo, the building in downtown Springfield where the company moved its offices."), None);
    }

    #[test]
    fn a_clause_without_a_verb_of_its_own_is_no_title() {
        for clause in [
            "The presenters for the final award",
            "Dan and Fran Keller",
            "A top-ranking House Republican",
            "The details of the 1899 heist",
            "The northernmost city in Sweden",
            "A measure that would require performers to wear helmets",
            // A relative clause's participle, a name ending in "s", a participle in "-ing"
            // after a plural, a participle after "be" or an adverb.
            "The police officer who was fired",
            "The Millis police officer",
            "Investigators seeking the cause of a plane crash that killed Polish President Lech Kaczynski",
            "The widely discussed letter from the woman",
            "Other documents to be presented at the commemoration",
            "The more lottery tickets you buy",
        ] {
            assert!(!has_predicate(clause), "{clause}");
        }
        for clause in [
            "Barack Obama has been hammered by the botched rollout",
            "A Kansas mom thought she was going to jail",
            "McCullum stopped working for Plaskett in June 2016",
            "The man who shot him was arrested on Friday",
            "Kristen Wiig turns 40 on Thursday",
            "Lenovo liked what it saw",
            "Northwestern football players qualify under federal law",
            "Keurig Green Mountain Inc. on Wednesday cut its guidance for the year",
            "The 2-year-old who was shot has died",
            "A man who was found in the river was identified",
        ] {
            assert!(has_predicate(clause), "{clause}");
        }
        assert_eq!(
            main_clause("Dan and Fran Keller, who ran a day care in Austin, spent 21 years in prison for crimes that never happened."),
            None
        );
    }

    #[test]
    fn a_title_keeps_what_a_clause_needs() {
        // An age or a home town inside the clause is dropped, not cut at.
        assert_eq!(
            main_clause("The prison reported Mekiyah Davis, 17, of Baton Rouge, is also charged, police said.").as_deref(),
            Some("The prison reported Mekiyah Davis, 17, of Baton Rouge, is also charged")
        );
        assert_eq!(
            compressed("Omar P. Jarman, 35, Shontay N. Young, 34, and Danielle B. Lucero, 26, died in the shooting on Friday, police said.", false).as_deref(),
            Some("Omar P. Jarman, Shontay N. Young and Danielle B. Lucero died in the shooting on Friday")
        );
        // "who" that says which ones, "if" that a verb asks, and a clause of a few words stay.
        assert_eq!(
            main_clause("A teenager was among four people who were shot in north St. Louis on Tuesday night."),
            None
        );
        assert_eq!(
            main_clause("Researchers asked both the children and their caregivers if they had been bullied or had bullied others."),
            None
        );
        assert_eq!(
            main_clause("Scott Routley was asked questions while having his brain activity scanned in an fMRI machine."),
            None
        );
        assert_eq!(
            main_clause("CNN is being sued by two EMTs who say a correspondent for the network bit them in a drunken rage.").as_deref(),
            Some("CNN is being sued by two EMTs")
        );
        // Nor a clause that ends on a word needing more, or a quotation cut in two.
        assert_eq!(
            main_clause(
                "Art supply company Crayola is warning against, of all things, eating its crayons."
            ),
            None
        );
        assert_eq!(
            main_clause("CHECKETT: \"So whether it was a tweet, or a post, we did it.\""),
            None
        );
    }

    #[test]
    fn a_shout_a_caption_or_a_run_in_sentence_is_no_title() {
        assert!(!stands_alone("MY SNAPCHAT IS RCLBEAUTY101!"));
        assert!(!stands_alone(
            "In this Jan. 17, 2013, file photo, a man speaks on a phone."
        ));
        assert!(stands_alone(
            "NASA said the launch of the rocket was delayed."
        ));
        assert_eq!(
            before_glued(
                "Two people were killed at a party.Twenty-one-year-old Izaak Bridges was shot."
            ),
            "Two people were killed at a party."
        );
        assert_eq!(
            before_glued(
                "Four people were hospitalized Monday.\"My mom was in the way,\" he said."
            ),
            "Four people were hospitalized Monday."
        );
        assert_eq!(
            before_glued("He works for Nola.com in the U.S. now."),
            "He works for Nola.com in the U.S. now."
        );
    }

    #[test]
    fn a_headline_about_another_text_is_marked() {
        let h = headline(
            "Breaking News, Weather and Sports",
            "wxyz.com",
            "Two men were shot on Main Street.",
            &SiteTitles::default(),
        )
        .unwrap();
        assert!(!h.about);
        let h = headline(
            "Two shot on Main Street",
            "wxyz.com",
            "Two men were shot on Main Street.",
            &SiteTitles::default(),
        )
        .unwrap();
        assert!(h.about);
    }

    #[test]
    fn a_long_sentence_is_shortened_as_a_headline_is() {
        assert_eq!(
            shortened(
                "A 6-week-old baby died Thursday when her stroller accidentally plunged down an \
                 empty elevator shaft in a Brooklyn building."
            )
            .as_deref(),
            Some("A 6-week-old baby died when her stroller accidentally plunged down an empty elevator shaft")
        );
        // The place completes the verb: no shorter clause says it.
        assert_eq!(
            shortened(
                "Former Senate Majority Leader Bob Dole says he doesn't believe he could make \
                 it in the modern Republican Party."
            ),
            None
        );
        // Steps run again while one shortens: the closing place is left once the further
        // action has gone, and the place closing a sentence is the last one it names.
        assert_eq!(
            shortened(
                "Russian-backed forces on Wednesday broke into the Ukrainian naval headquarters \
                 in the key Crimean city of Sevastopol and raised the Russian flag."
            )
            .as_deref(),
            Some("Russian-backed forces broke into the Ukrainian naval headquarters")
        );
        assert_eq!(
            shortened(
                "Megan Rapinoe never got a chance to kneel during the national anthem Wednesday \
                 at Maryland SoccerPlex in Boyds."
            )
            .as_deref(),
            Some("Megan Rapinoe never got a chance to kneel during the national anthem")
        );
    }

    #[test]
    fn times_go_but_not_from_names_dates_or_before_a_verb() {
        assert_eq!(
            without_times("On Monday, the Supreme Court handed down its decision").as_deref(),
            Some("The Supreme Court handed down its decision")
        );
        assert_eq!(
            without_times("Kellyanne Conway appeared on Fox News Sunday this morning with more")
                .as_deref(),
            Some("Kellyanne Conway appeared on Fox News Sunday with more")
        );
        assert_eq!(
            without_times("Kristen Wiig turns 40 on Thursday, Aug. 22"),
            None
        );
        // A time before the verb goes only with the participle it closes (see
        // `a_time_that_only_dates_the_subject_goes_with_its_participle`).
        assert_eq!(
            without_times("The conference held last weekend attracted about 2,000 people")
                .as_deref(),
            Some("The conference attracted about 2,000 people")
        );
        // A time a word before it needs stays.
        assert_eq!(
            without_times("The parents of a boy missing since Friday believe he was abducted"),
            None
        );
        assert_eq!(
            without_times("The tool will begin rolling out starting today"),
            None
        );
    }

    #[test]
    fn a_further_action_goes_but_not_names_or_a_clause_inside() {
        assert_eq!(
            first_action(
                "Jack the cat escaped from his travel carrier and disappeared into John F. \
                 Kennedy Airport"
            )
            .as_deref(),
            Some("Jack the cat escaped from his travel carrier")
        );
        assert_eq!(
            first_action(
                "Police confirmed the missing teens were Liberty German and Abigail Williams"
            ),
            None
        );
        assert_eq!(
            first_action(
                "An advertisement revealing how alcohol absorbs into bloodstreams and can cause \
                 cancer is the most effective ad"
            ),
            None
        );
    }

    #[test]
    fn a_caption_names_where_people_stand() {
        assert!(caption_or_cut_quote(
            "Sarah Kate Ellis, GLADD president and CEO, third from left"
        ));
        assert!(caption_or_cut_quote(
            "Broward Supervisor of Elections Brenda Snipes, left"
        ));
        assert!(!caption_or_cut_quote(
            "The senator, right or wrong, spoke for an hour"
        ));
    }

    #[test]
    fn which_one_is_the_point_of_the_only_one_who() {
        assert_eq!(
            main_clause(
                "Reischl is not the only soldier who has turned up in Vietnam looking for his \
                 lost love"
            ),
            None
        );
        assert!(opens_adverbial(
            "Hours after police arrested and charged Cardell Hayes"
        ));
        assert!(opens_adverbial(
            "Every time McDonald's trots out its McRib sandwich"
        ));
    }

    #[test]
    fn a_pages_control_and_a_connective_do_not_open_a_title() {
        assert_eq!(
            without_control("CLOSE Police confirmed that two bodies were found."),
            "Police confirmed that two bodies were found."
        );
        assert_eq!(
            without_control("LIVE BLOG On Monday, William Hague had suggested it."),
            "On Monday, William Hague had suggested it."
        );
        // An acronym that is the subject, or a control before no sentence, stays.
        for s in [
            "FBI Director James Comey said the inquiry goes on.",
            "NASA said the launch was delayed.",
            "VIDEO shows the fire.",
        ] {
            assert_eq!(without_control(s), s);
        }
        assert_eq!(
            without_connective("Indeed, right in Syria archaeologists have found gas."),
            "Right in Syria archaeologists have found gas."
        );
        assert_eq!(
            without_connective("Indeedy the show goes on."),
            "Indeedy the show goes on."
        );
        // Whether a sentence stands alone is read with its connective.
        let account = uncited(&[
            "Still, 80 mph in a sport-utility vehicle is pretty fast.",
            "Charlie Sheen was running nearly an hour late for his show.",
        ]);
        assert_eq!(
            title(&[], &[], &[], &account, &SiteTitles::default()),
            "Charlie Sheen was running nearly an hour late for his show."
        );
    }

    #[test]
    fn an_opening_report_goes_but_not_a_claim() {
        assert_eq!(
            without_attribution(
                "Asia & Japan Watch reports that Yumenosuke was dispatched to the rescue effort"
            )
            .as_deref(),
            Some("Yumenosuke was dispatched to the rescue effort")
        );
        assert_eq!(
            without_attribution(
                "A spokesman for the Fire Department said that no F.D.N.Y. ambulances were called"
            )
            .as_deref(),
            Some("No F.D.N.Y. ambulances were called")
        );
        assert_eq!(
            without_attribution(
                "Minister for Health Leo Varadkar has confirmed the Government is to rush through \
                 legislation"
            )
            .as_deref(),
            Some("The Government is to rush through legislation")
        );
        assert_eq!(
            without_attribution(
                "Officials in Oklahoma said four people were found shot dead at a Tulsa apartment"
            )
            .as_deref(),
            Some("Four people were found shot dead at a Tulsa apartment")
        );
        assert_eq!(
            without_attribution("Police say a 4-year-old girl was shot and killed on I-40")
                .as_deref(),
            Some("A 4-year-old girl was shot and killed on I-40")
        );
        for claim in [
            // The source names the only place the title would tell of.
            "Detroit Police said five people were shot at a block party on the city's east side",
            // What a person or a state's media say is theirs.
            "Sen. Lindsey Graham said President Barack Obama was tone deaf in his speech",
            "Syrian state television said three terrorists were killed in the fighting",
            // What follows leans on the source or on a sentence before.
            "Police said Conyers' girlfriend told them that he was at the apartment",
            "Police said he was at the apartment around 1:30 in the morning",
            // An aside in the subject, or a report with no clause after it.
            "Anaheim Police, in a statement, confirmed the arrests were made",
        ] {
            assert_eq!(without_attribution(claim), None, "{claim}");
        }
    }

    #[test]
    fn a_long_title_before_a_name_goes_but_not_a_relation_or_a_list() {
        let office = |t: &str| without_long_office(t);
        assert_eq!(
            office("Minister for Health Leo Varadkar has confirmed the plan").as_deref(),
            Some("Leo Varadkar has confirmed the plan")
        );
        assert_eq!(
            office("U.S. soccer star Megan Rapinoe never got a chance to kneel").as_deref(),
            Some("Megan Rapinoe never got a chance to kneel")
        );
        assert_eq!(
            office("President-elect Donald J. Trump made overtures to Mr. Stallone").as_deref(),
            None
        );
        assert_eq!(
            office("Secretary of State John F. Kerry arrived in Geneva").as_deref(),
            Some("John F. Kerry arrived in Geneva")
        );
        for kept in [
            "Sen. Lindsey Graham said the speech was tone deaf",
            "The son of U.S. Rep. Bob Goodlatte began soliciting donations",
            "Speaker Boehner and Leader Cantor told Politico they would approve it",
            "Like every year, the 2012 Emmy Awards had its fair mix of surprises",
            "Mona Lisa and Kip Harding are just your average high school sweethearts",
        ] {
            assert_eq!(office(kept), None, "{kept}");
        }
    }

    #[test]
    fn an_opening_adverbial_goes_when_it_names_nothing() {
        assert_eq!(
            compressed(
                "After days of on-campus protests, students at Occidental college occupied an \
                 administrative building, eating delivery pizza.",
                true
            )
            .as_deref(),
            Some("Students at Occidental college occupied an administrative building")
        );
        // What it names is what the statement is about.
        assert_eq!(
            compressed(
                "As a direct result of the Durbin Amendment, consumers have started paying for \
                 financial services.",
                true
            ),
            None
        );
        // Nor when the statement refers to whom it names.
        assert_eq!(
            compressed(
                "When officers arrived, the boy told them he lied to dispatchers.",
                false
            ),
            None
        );
        // An aside dropped after it leaves no statement.
        assert_eq!(
            compressed(
                "After a lifetime had passed, he found himself back in Vietnam, the first of \
                 four trips he would take.",
                false
            ),
            None
        );
        // What names the last thing of a dropped aside goes with it.
        assert_eq!(
            compressed(
                "While performing these activities, each subject wore a device on each wrist, \
                 which were measured against an ECG, the gold standard of heart monitoring.",
                false
            )
            .as_deref(),
            Some("Each subject wore a device on each wrist")
        );
    }

    #[test]
    fn the_statement_after_a_colon_is_the_news() {
        assert_eq!(
            after_colon(
                "Here's one sign of the recovery that few will rejoice over: The average cost of \
                 a wedding just hit a five-year high"
            )
            .as_deref(),
            Some("The average cost of a wedding just hit a five-year high")
        );
        for kept in [
            "Trump is learning a painful lesson of Wall Street: Stocks also go down",
            "First, Pelosi said of the deal: “We all may not be able to support it.”",
            "The actress heeded the Manus x Machina: Fashion in an Age of Technology theme in \
             black sequined couture",
            "Police confirmed the bodies were the missing teens: Liberty German and Abigail \
             Williams",
        ] {
            assert_eq!(after_colon(kept), None, "{kept}");
        }
    }

    #[test]
    fn a_detail_after_the_object_goes_but_not_from_a_passive() {
        assert_eq!(
            through_object("Lash shot and killed four people at the tribal office before she ran out of ammunition")
                .as_deref(),
            Some("Lash shot and killed four people")
        );
        assert_eq!(
            through_object("A man was shot at the tribal office before she ran out of ammunition"),
            None
        );
        // The object is too long to be one, or no detail follows it.
        assert_eq!(
            through_object("The council approved the long awaited plan for the new downtown library branch in May"),
            None
        );
        assert_eq!(through_object("Lash shot and killed four people"), None);
        // A verb its place completes; an object that is a clause; a detail's word in a name.
        assert_eq!(
            through_object(
                "The vote on the resolution put Congress on a path to complete its budget"
            ),
            None
        );
        assert_eq!(
            through_object(
                "The leaders announced Wednesday they have sealed agreement on the plan"
            ),
            None
        );
        assert_eq!(
            through_object(
                "Kenneth Shinozuka won the Science in Action Award in August for his invention"
            )
            .as_deref(),
            Some("Kenneth Shinozuka won the Science in Action Award")
        );
        assert!(subordinate_alone(
            "Ever since linguist Marc Okrand formalized his work"
        ));
        assert!(!subordinate_alone(
            "Since the crash, the airline has grounded its fleet"
        ));
        assert_eq!(
            through_object("A gunman shot and killed his wife outside her office in Dallas")
                .as_deref(),
            Some("A gunman shot and killed his wife")
        );
    }

    #[test]
    fn a_description_of_a_name_before_the_verb_is_an_aside() {
        assert_eq!(
            compressed("Jared Kushner, the president's son-in-law and one of his senior advisers, has come under FBI scrutiny in the Russia investigation.", false)
                .as_deref(),
            Some("Jared Kushner has come under FBI scrutiny in the Russia investigation")
        );
        assert_eq!(
            compressed("The brother, identified by the police as Shawn J. Smith, was charged with second-degree murder.", false)
                .as_deref(),
            Some("The brother was charged with second-degree murder")
        );
        // Not after a word in lower case.
        assert_eq!(
            compressed(
                "One of them, the Heritage Foundation, received $1.5 million from the foundation.",
                false
            )
            .as_deref(),
            Some("One of them, the Heritage Foundation, received $1.5 million from the foundation")
        );
    }

    #[test]
    fn a_reported_clause_that_stands_alone_is_the_claim() {
        assert_eq!(
            reported_clause("The rap world is reeling from the shocking news that Prodigy died Tuesday at age 42")
                .as_deref(),
            Some("Prodigy died Tuesday at age 42")
        );
        assert_eq!(
            reported_clause("Alturas Police Chief Ken Barnes said that 44-year-old Sherie Lash is in custody at Modoc County Jail")
                .as_deref(),
            Some("44-year-old Sherie Lash is in custody at Modoc County Jail")
        );
        assert_eq!(
            reported_clause("Bill Cosby says that in all of his years in show business he's never seen anything like it"),
            None
        );
        assert_eq!(
            reported_clause("The senator said that he would resign in May"),
            None
        );
        assert_eq!(
            reported_clause(
                "His lawyer said that Mr. Kushner would cooperate with any investigations"
            ),
            None
        );
        // What someone other than an authority says is their claim: it stays attributed.
        assert_eq!(
            reported_clause(
                "The White House press secretary, Sarah Huckabee Sanders, said that the president's lawyer had won an arbitration proceeding"
            ),
            None
        );
    }

    #[test]
    fn a_main_clause_leaves_nothing_it_opens_unfinished() {
        // A "that" without its verb, a "not only" without its "but", a colon before a cut,
        // an opening adverbial after a word of degree: no clause ends there.
        for sentence in [
            "The rap world is reeling from the shocking news that Prodigy, iconic rapper and one-half of Mobb Deep, died Tuesday at age 42.",
            "Bill Cosby says that in all of his years in show business, he's \"never seen anything like\" his situation.",
            "Alturas Police Chief Ken Barnes said that 44-year-old Sherie Lash, a.k.a. Sherie Rhoades, is in custody at Modoc County Jail.",
            "Jupiter's smallest Galilean moon, Europa, not only has a massive global ocean, it has huge lakes beneath its icy crust.",
            "Researchers trained 29 rats on two different challenges: rats which successfully carried out the more difficult task earned two sugar pellets.",
            "The logic seems sound: The more lottery tickets you buy, the better your odds of striking it rich.",
            "Ever since linguist Marc Okrand formalized his work on the Klingon language in the 1980s, fans have spoken it.",
            "Out of 1,087 skeletons buried between 1,500 and 3,000 years ago, just 6 were found with cancer.",
        ] {
            assert_eq!(main_clause(sentence), None, "{sentence}");
        }
        // A "that" after a preposition opens nothing; one with its verb is whole.
        assert!(!leaves_open(
            "Trump aides dispute the account of that conversation"
        ));
        assert!(!leaves_open(
            "The parents believe that the boy was abducted"
        ));
        assert!(!leaves_open("Europa not only has an ocean but also lakes"));
    }

    #[test]
    fn the_main_clause_goes_only_where_it_keeps_the_point() {
        let onion = "U.S. website The Onion has named North Korean supreme leader Kim Jong Un as \
                     the Sexiest Man Alive for the year 2012";
        assert_eq!(main_statement(onion), None);
        let lowe = "Lowe was regarded as the world's greatest mountain climber when he was swept \
                    to his death at age 40";
        assert_eq!(main_statement(lowe), None);
        let boy = "A 10-year-old boy believed to have accidentally shot himself in the head while \
                   playing with a gun on Friday has died";
        assert_eq!(main_statement(boy), None);
        let poole = "Timothy Poole posed for a photo with an oversized check after claiming his \
                     $3 million Scratch-Off prize";
        assert_eq!(
            main_statement(poole).as_deref(),
            Some("Timothy Poole posed for a photo with an oversized check")
        );
    }

    #[test]
    fn a_closing_detail_goes_but_not_the_action() {
        assert_eq!(
            shortened(
                "State police have charged six University of Connecticut students with \
                 alcohol-related offenses in connection with the October death of student \
                 Jeffny Pally."
            )
            .as_deref(),
            Some(
                "State police have charged six University of Connecticut students with \
                 alcohol-related offenses"
            )
        );
        assert_eq!(
            without_closing_detail(
                "A judge has thrown out three murder charges against a Philadelphia abortion \
                 provider involving babies allegedly born alive"
            )
            .as_deref(),
            Some("A judge has thrown out three murder charges against a Philadelphia abortion provider")
        );
        // Too early to be a closing detail: what comes before says nothing yet.
        assert_eq!(
            without_closing_detail("Police arrested two men in connection with the robbery"),
            None
        );
        assert_eq!(
            without_closing_place(
                "The video led investigators to serve a search warrant at Powell Drive around 5 a.m."
            )
            .as_deref(),
            Some("The video led investigators to serve a search warrant at Powell Drive")
        );
        // A sentence that ends on the preposition has nothing after it to drop.
        assert_eq!(
            without_closing_place("The crowd of people had been milling around"),
            None
        );
    }

    #[test]
    fn a_further_adjunct_after_and_goes_but_not_a_pair() {
        for (text, kept) in [
            (
                "The coins may have been stolen from the U.S. Mint in 1900 and thus be the \
                 property of the government",
                "The coins may have been stolen from the U.S. Mint in 1900",
            ),
            (
                "The breach allowed Missouri River flood waters to reach containment buildings \
                 and transformers and forcing the shutdown of electrical power",
                "The breach allowed Missouri River flood waters to reach containment buildings \
                 and transformers",
            ),
            (
                "Walker enters the race as the favorite to win Iowa's caucuses and with high \
                 polling numbers",
                "Walker enters the race as the favorite to win Iowa's caucuses",
            ),
        ] {
            assert_eq!(first_action(text).as_deref(), Some(kept), "{text}");
        }
        // Two verbs of one action stay together.
        assert_eq!(
            first_action(
                "A man killed by officers in Federal Way first shot and killed his girlfriend \
                 and then fatally shot three men"
            )
            .as_deref(),
            Some("A man killed by officers in Federal Way first shot and killed his girlfriend")
        );
        for text in [
            "The school will offer classes in basic arithmetic, reading and writing the essays",
            // A hyphenated modifier holds no verb, whatever its parts.
            "The 2012 Emmy Awards had its fair mix of surprises, predictable winners and \
             off-the-cut moments",
        ] {
            assert_eq!(first_action(text), None, "{text}");
        }
    }

    #[test]
    fn what_a_colon_closes_on_goes_when_it_only_names() {
        assert_eq!(
            before_colon(
                "Two bodies found Tuesday were the missing teens from Carroll County: Liberty \
                 German and Abigail Williams"
            )
            .as_deref(),
            Some("Two bodies found Tuesday were the missing teens from Carroll County")
        );
        assert_eq!(
            before_colon(
                "Sinbad celebrated April Fools' Day by perpetuating one of the internet's \
                 greatest myths: The existence of his genie film Shazaam"
            )
            .as_deref(),
            Some(
                "Sinbad celebrated April Fools' Day by perpetuating one of the internet's \
                 greatest myths"
            )
        );
        for kept in [
            "Trump is learning a painful lesson of Wall Street: Stocks also go down",
            "The message is clear: the rules have changed for everyone",
            "First, Pelosi said of the deal: “We all may not be able to support it.”",
        ] {
            assert_eq!(before_colon(kept), None, "{kept}");
        }
    }

    #[test]
    fn a_long_said_clause_is_the_statement_and_a_later_time_opens_nothing() {
        assert_eq!(
            compressed(
                "Obama, however, said the reason is the financial meltdown that happened before \
                 he took office.",
                false
            )
            .as_deref(),
            Some("Obama said the reason is the financial meltdown that happened before he took office")
        );
        // A name after "said" makes it an attribution, however long.
        assert_eq!(
            compressed(
                "The three other victims were not badly hurt, said Sgt. Ed Piago of the Los \
                 Angeles Police Department's Harbor station.",
                false
            )
            .as_deref(),
            Some("The three other victims were not badly hurt")
        );
        assert_eq!(
            compressed(
                "The attorney representing the company, Stephen Milbrath, says Zimmerman and \
                 O'Mara are bound by an oral contract.",
                false
            )
            .as_deref(),
            Some("The attorney representing the company, Stephen Milbrath, says Zimmerman and O'Mara are bound by an oral contract")
        );
        assert!(opens_adverbial("Less than a week later"));
        assert!(opens_adverbial("Like every year"));
        assert!(!opens_adverbial("Police arrested him a week later"));
    }

    #[test]
    fn a_caption_or_a_pages_line_without_a_verb_titles_nothing() {
        for line in [
            "Members of the graduating class at the Savannah College of Art and Design \
             commencement in Atlanta.",
            "Photo by: William Yap.",
            "Dan and Fran Keller",
        ] {
            assert!(verbless(line), "{line}");
        }
        for statement in [
            "Many people worry that substances in their environment may cause cancer.",
            "Two men remain in the hospital after a shooting outside a bar.",
            "Police continue to investigate incident at business known for gambling.",
            "The dead include a 19-year-old woman and a 30-year-old man.",
            "Houston Police investigate a mass shooting at the Empire nightclub.",
        ] {
            assert!(!verbless(statement), "{statement}");
        }
        let account = uncited(&[
            "Members of the graduating class at the Savannah College of Art and Design \
             commencement in Atlanta.",
            "Living with parents is now the most common arrangement for young adults.",
        ]);
        assert_eq!(
            title(&[], &[], &[], &account, &SiteTitles::default()),
            "Living with parents is now the most common arrangement for young adults."
        );
    }

    #[test]
    fn adverbs_of_focus_and_a_named_persons_home_go() {
        assert_eq!(
            shortened("Mona Lisa and Kip Harding are just your average high school sweethearts with ten children.").as_deref(),
            Some("Mona Lisa and Kip Harding are your average high school sweethearts with ten children")
        );
        assert_eq!(
            shortened("President Obama has just completed the most arduous act of community organizing of his career.").as_deref(),
            Some("President Obama has completed the most arduous act of community organizing of his career")
        );
        // Before an amount, "just" is the point.
        assert_eq!(
            without_focus_adverbs("Just 6 were found with cancer, and just one of them was young"),
            None
        );
        assert_eq!(
            shortened("President Trump has announced Judge Neil Gorsuch of Colorado as his pick for the Supreme Court.").as_deref(),
            Some("President Trump has announced Judge Neil Gorsuch as his pick for the Supreme Court")
        );
        // A name's "of" ("Bank of America") follows no office and a name.
        assert_eq!(
            without_home_after_name(
                "Shareholders of Bank of America voted against the merger on Friday"
            ),
            None
        );
    }

    #[test]
    fn a_statement_keeps_its_verb_and_what_a_time_or_a_verb_needs() {
        // The verb went with an aside: what is left is no statement.
        let s = "Sunday 14 December, the second anniversary of the killings, also marks the legal deadline for filing a wrongful death lawsuit over the incident in the civil courts.";
        assert_eq!(compressed(s, false), None);
        assert_eq!(compressed(s, true), None);
        // "when" after a time says which; "as" before no clause completes the verb.
        assert_eq!(
            main_clause("Sollecito said the American had left his flat on the morning when Ms Kercher’s body was found to take a shower"),
            None
        );
        assert_eq!(
            main_clause("Chief Executive Mark Zuckerberg now is positioning the company as the backbone of what he hopes will be a new social infrastructure"),
            None
        );
        assert_eq!(
            main_clause("Two men were shot on Main Street as they walked home from a bar")
                .as_deref(),
            Some("Two men were shot on Main Street")
        );
        // A condition that opens on its auxiliary, a past participle's adverbial, a
        // participle before its agent: none is a statement.
        assert!(subordinate_alone(
            "Had they been destroyed by the Israelites"
        ));
        assert!(!subordinate_alone("Had a stroke, the coach told reporters"));
        assert!(opens_adverbial("Sunk without trace in what some historians consider the greatest naval battle ever fought"));
        assert!(!has_predicate(
            "A detailed report commissioned by two major Republican groups"
        ));
        assert!(has_predicate(
            "A detailed report commissioned by two major Republican groups paints a dismal picture"
        ));
    }

    #[test]
    fn a_clause_after_a_pronoun_is_no_aside() {
        // ", it has huge lakes …" is the second half of "not only"; ", it said" is an
        // attribution.
        assert_eq!(
            sentence_title("Jupiter’s smallest Galilean moon, Europa, not only has a massive global ocean, it has huge lakes beneath its icy crust, according to new research.").as_deref(),
            Some("Jupiter’s smallest Galilean moon, Europa, not only has a massive global ocean, it has huge lakes beneath its icy crust")
        );
        assert_eq!(
            compressed("The company will close three plants in Ohio next year, it said in a statement on Monday.", false).as_deref(),
            Some("The company will close three plants in Ohio next year")
        );
    }

    #[test]
    fn a_time_that_only_dates_the_subject_goes_with_its_participle() {
        assert_eq!(
            without_times("The conference held last weekend attracted about 2,000 people to the Community of Christ Auditorium").as_deref(),
            Some("The conference attracted about 2,000 people to the Community of Christ Auditorium")
        );
        // A participle of the clause's own verb keeps its time.
        assert_eq!(
            without_times("The bill was passed Friday by the Senate"),
            Some("The bill was passed by the Senate".into())
        );
    }

    #[test]
    fn no_cut_between_two_adjectives() {
        assert_eq!(
            main_clause("The documents were released after a rare, closed-door Ways and Means markup, where the panel voted 23-14").as_deref(),
            Some("The documents were released after a rare, closed-door Ways and Means markup")
        );
        assert_eq!(
            through_object("Lash shot and killed four people at the tribal office before she ran out of ammunition").as_deref(),
            Some("Lash shot and killed four people")
        );
    }

    #[test]
    fn a_pronoun_after_an_opening_adverbial_leans() {
        assert!(!stands_alone(
            "In 2015, he started a project called OpenVote."
        ));
        assert!(stands_alone(
            "In 2015, the company started a project called OpenVote."
        ));
        assert!(!stands_alone(
            "If he passes a second FBI background check, he could haul hazardous materials."
        ));
        assert!(stands_alone(
            "With his speech to Congress, the President is giving that strategy one more try."
        ));
        assert!(stands_alone("Hours after police charged Cardell Hayes with murder, his attorney insisted there was more to the story."));
    }

    #[test]
    fn a_closing_attribution_goes_and_a_quotation_titles_last() {
        for part in [
            "rare documents released by the archive showed on Wednesday",
            "the report said",
            "a study of 2,000 patients found",
            "Reuters reported late Friday",
        ] {
            assert!(closing_attribution(part), "{part}");
        }
        for part in [
            "but nobody knows what the report said",
            "the company's shares rose",
            "and the council voted against it",
        ] {
            assert!(!closing_attribution(part), "{part}");
        }
        assert_eq!(
            compressed("The former minister asked the president for a pardon two weeks before his trial ended, letters released by the state archive on the anniversary of the war showed on Wednesday.", false).as_deref(),
            Some("The former minister asked the president for a pardon two weeks before his trial ended")
        );
        assert!(quotation(
            "“I was not the one who gave the order,” the officer wrote."
        ));
        assert!(quotation(
            "Smith said, \"I felt like that was it, I was going to die.\""
        ));
        assert!(!quotation(
            "The senator called the bill \"a shady deal\" on Sunday."
        ));
        assert!(!quotation("In the script by Peter Morgan (\"The Queen\" and \"Frost/Nixon\"), George is a former psychic."));
        // A quotation titles the event only when no other sentence does.
        let account = uncited(&[
            "“I was not the one who gave the order,” the officer wrote.",
            "The former officer asked the president for a pardon before his trial.",
        ]);
        assert_eq!(
            title(&[], &[], &[], &account, &SiteTitles::default()),
            "The former officer asked the president for a pardon before his trial."
        );
        // With no title otherwise, a sentence shortened as a headline is to at most 22 words
        // comes before the shortest whole sentence.
        let account = uncited(&[
            "Senate Majority Leader Jane Doe (R-Texas) said that she would have to speak to her members and read the bill more closely before promising any votes.",
        ]);
        assert_eq!(
            title(&[], &[], &[], &account, &SiteTitles::default()),
            "Jane Doe said that she would have to speak to her members and read the bill more closely before promising any votes"
        );
        let account = uncited(&["“I was not the one who gave the order,” the officer wrote."]);
        assert_eq!(
            title(&[], &[], &[], &account, &SiteTitles::default()),
            "“I was not the one who gave the order,” the officer wrote."
        );
    }
}
