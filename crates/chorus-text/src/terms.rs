//! Words, stop words and stemmed terms: the vocabulary every similarity in chorus counts in.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// Most words [`Terms::content_stem`] remembers per thread before starting over.
const CACHE_WORDS: usize = 200_000;

/// A word as written, resolved: its lower-case form and its stem, `None` for a stop word.
type Resolved = Option<(Box<str>, Box<str>)>;

thread_local! {
    /// Per language ([`Terms::language_index`]): words as written, resolved.
    static STEM_CACHE: std::cell::RefCell<Vec<rustc_hash::FxHashMap<Box<str>, Resolved>>> =
        std::cell::RefCell::new(vec![rustc_hash::FxHashMap::default(); LANGUAGES.len() + 1]);
}

/// The languages read with stop words of their own (ISO 639-1 codes; the Stopwords ISO
/// lists of the `stop-words` crate) and, where Snowball has one, a stemmer (else words are
/// their own stems). Any other language, and an unknown one, is read as English.
const LANGUAGES: &[(&str, Option<Algorithm>)] = &[
    ("ar", Some(Algorithm::Arabic)),
    ("da", Some(Algorithm::Danish)),
    ("de", Some(Algorithm::German)),
    ("el", Some(Algorithm::Greek)),
    ("es", Some(Algorithm::Spanish)),
    ("fi", Some(Algorithm::Finnish)),
    ("fr", Some(Algorithm::French)),
    ("hu", Some(Algorithm::Hungarian)),
    ("it", Some(Algorithm::Italian)),
    ("ja", None),
    ("nl", Some(Algorithm::Dutch)),
    ("no", Some(Algorithm::Norwegian)),
    ("pl", None),
    ("pt", Some(Algorithm::Portuguese)),
    ("ro", Some(Algorithm::Romanian)),
    ("ru", Some(Algorithm::Russian)),
    ("sv", Some(Algorithm::Swedish)),
    ("tr", Some(Algorithm::Turkish)),
    ("zh", None),
];

const STOPWORDS: &str = include_str!("../data/stopwords-en.txt");

/// Every stop word of the list [`is_stopword`] answers from.
pub fn stopword_list() -> impl Iterator<Item = &'static str> {
    stopwords().iter().copied()
}

fn stopwords() -> &'static rustc_hash::FxHashSet<&'static str> {
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        STOPWORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Appends the form a word as written is looked up in: lower case, a curly apostrophe made
/// straight ("Don’t" → "don't"). ASCII is lower-cased in place, without a string of its own.
pub fn push_lower_word(out: &mut String, word: &str) {
    let start = out.len();
    out.push_str(word);
    if word.is_ascii() {
        out[start..].make_ascii_lowercase();
    } else {
        let lower = word.to_lowercase().replace('’', "'");
        out.replace_range(start.., &lower);
    }
}

/// Whether a word in its lower-case form ([`push_lower_word`]) carries a topic: two letters
/// or more, and not a stop word.
fn is_content(lower: &str) -> bool {
    lower.chars().count() >= 2 && !is_stopword(lower)
}

/// Whether a lowercase word carries no topic (English function words and news fillers).
pub fn is_stopword(lower: &str) -> bool {
    stopwords().contains(lower)
}

/// Word tokens of `text` with their byte offsets: runs of letters and digits; an apostrophe
/// or hyphen between letters stays inside the word ("don't"), a possessive "'s" does not.
/// ASCII is read a byte at a time; other characters are decoded where they occur.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    // The character at byte `p` (a character boundary), if any.
    let at = move |p: usize| match bytes.get(p) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[p..].chars().next(),
        None => None,
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        // The next letter or digit starts a word.
        let start = loop {
            match bytes.get(i)? {
                b if b.is_ascii_alphanumeric() => break i,
                b if b.is_ascii() => i += 1,
                _ => {
                    let c = at(i)?;
                    if c.is_alphanumeric() {
                        break i;
                    }
                    i += c.len_utf8();
                }
            }
        };
        let mut end = start;
        while let Some(c) = at(i) {
            if c.is_alphanumeric() {
                i += c.len_utf8();
                end = i;
            } else if matches!(c, '\'' | '’') {
                // Keep "don't" whole, cut "Assad's" before the possessive.
                let after = i + c.len_utf8();
                let possessive = bytes.get(after) == Some(&b's')
                    && !at(after + 1).is_some_and(char::is_alphanumeric);
                if possessive {
                    i = after + 1;
                    break;
                } else if at(after).is_some_and(char::is_alphanumeric) {
                    i = after;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        Some((start, &text[start..end]))
    })
}

/// Whether `c` is written without spaces between words: Chinese characters, Japanese kana.
fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'   // hiragana, katakana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{20000}'..='\u{2FA1F}')
}

/// The tokens to index `text` by: its [`words`], except that a run of Chinese or Japanese
/// characters (which no space divides into words) gives every pair of neighbouring characters
/// (a run of one, the character alone), the usual way to index such text without a
/// dictionary. Other text gives exactly its words.
pub fn index_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    words(text).flat_map(|(start, word)| Pieces {
        word,
        base: start,
        pos: 0,
        plain: word.is_ascii(),
    })
}

/// The pieces of one word for [`index_words`].
struct Pieces<'a> {
    word: &'a str,
    base: usize,
    pos: usize,
    /// An ASCII word is its own only piece.
    plain: bool,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let rest = &self.word[self.pos..];
        let at = self.base + self.pos;
        if self.plain {
            self.pos = self.word.len();
            return (!rest.is_empty()).then_some((at, rest));
        }
        let mut chars = rest.char_indices();
        let (_, c) = chars.next()?;
        if !unspaced(c) {
            // Up to the next unspaced character, read on from the one just read.
            let end = chars
                .find(|&(_, c)| unspaced(c))
                .map_or(rest.len(), |(i, _)| i);
            self.pos += end;
            return Some((at, &rest[..end]));
        }
        match chars.next() {
            Some((i, second)) if unspaced(second) => {
                let end = i + second.len_utf8();
                // The second character starts the next pair only if the run goes on.
                let goes_on = rest[end..].chars().next().is_some_and(unspaced);
                self.pos += if goes_on { i } else { end };
                Some((at, &rest[..end]))
            }
            _ => {
                self.pos += c.len_utf8();
                Some((at, &rest[..c.len_utf8()]))
            }
        }
    }
}

/// Turns text into stemmed, lowercased content terms (stop words and one-letter words gone).
/// The default reads English (with news fillers among its stop words);
/// [`Terms::for_language`] gives the reading of another language.
pub struct Terms {
    /// `None`: words are their own stems.
    stemmer: Option<Stemmer>,
    /// 0 for English, else 1 + the language's place in [`LANGUAGES`].
    language: usize,
    /// The language's stop words (English uses `data/stopwords-en.txt`).
    stop: Option<rustc_hash::FxHashSet<&'static str>>,
}

impl Default for Terms {
    fn default() -> Self {
        Terms {
            stemmer: Some(Stemmer::create(Algorithm::English)),
            language: 0,
            stop: None,
        }
    }
}

/// The language a tag names, as an ISO 639-1 code in lower case: ingest's code as it is, a
/// tag such as `de-AT` or `DE` as an input gives it by its first part, and Norwegian as
/// ingest names it (Bokmål `nb`, Nynorsk `nn`) as `no`.
pub fn language_code(tag: &str) -> String {
    let primary = tag.split(['-', '_']).next().unwrap_or(tag);
    if primary.eq_ignore_ascii_case("nb") || primary.eq_ignore_ascii_case("nn") {
        "no".to_string()
    } else {
        primary.to_ascii_lowercase()
    }
}

impl Terms {
    /// The reading of the language `code` (any tag [`language_code`] reads): `self` for
    /// English, for no language and for a language without a reading of its own here.
    pub fn for_language<'a>(&'a self, code: Option<&str>) -> &'a Terms {
        static OTHERS: OnceLock<Vec<Terms>> = OnceLock::new();
        let found = code
            .map(language_code)
            .and_then(|c| LANGUAGES.iter().position(|(l, _)| *l == c));
        let Some(i) = found else {
            return self;
        };
        &OTHERS.get_or_init(|| {
            LANGUAGES
                .iter()
                .enumerate()
                .map(|(i, (code, algorithm))| Terms {
                    stemmer: algorithm.map(Stemmer::create),
                    language: i + 1,
                    stop: Some(
                        stop_words::lookup(code)
                            .unwrap_or_default()
                            .iter()
                            .copied()
                            .collect(),
                    ),
                })
                .collect()
        })[i]
    }

    /// 0 for English, a number of its own for each other language read.
    pub fn language_index(&self) -> usize {
        self.language
    }

    /// Whether a lower-case word carries a topic in this language.
    fn is_content_lower(&self, lower: &str) -> bool {
        match &self.stop {
            None => is_content(lower),
            Some(stop) => lower.chars().count() >= 2 && !stop.contains(lower),
        }
    }

    /// The stem of one lowercase word.
    pub fn stem(&self, lower: &str) -> String {
        match &self.stemmer {
            Some(stemmer) => stemmer.stem(lower).into_owned(),
            None => lower.to_string(),
        }
    }

    /// The stem of a word as written, or `None` for a stop word or a one-letter word: the
    /// word lower-cased (curly apostrophes made straight), checked and stemmed. Results are
    /// kept per thread (up to [`CACHE_WORDS`] words), so a word met again in another event
    /// costs one lookup.
    pub fn content_stem(&self, word: &str) -> Option<String> {
        self.with_content_word(word, |r| r.map(|(_, stem)| stem.to_string()))
    }

    /// Whether a word as written is a content word ([`Terms::content_stem`] gives it a stem).
    /// A short ASCII word is lower-cased on the stack and checked against the stop words
    /// directly; other words go through the per-thread cache.
    pub fn is_content_word(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if self.stop.is_none() && word.is_ascii() && b.len() <= 24 {
            let mut lower = [0u8; 24];
            for (l, c) in lower.iter_mut().zip(b) {
                *l = c.to_ascii_lowercase();
            }
            return std::str::from_utf8(&lower[..b.len()]).is_ok_and(is_content);
        }
        self.with_content_word(word, |r| r.is_some())
    }

    /// Calls `f` with the lower-case form and the stem of a word as written, or with `None`
    /// for a stop word or a one-letter word (see [`Terms::content_stem`]), without copying
    /// either out of the per-thread cache. `f` must not call back into `Terms`.
    pub fn with_content_word<R>(&self, word: &str, f: impl FnOnce(Option<(&str, &str)>) -> R) -> R {
        STEM_CACHE.with(|cache| {
            fn lend(r: &Resolved) -> Option<(&str, &str)> {
                r.as_ref().map(|(l, s)| (&**l, &**s))
            }
            let mut caches = cache.borrow_mut();
            let cache = &mut caches[self.language];
            if let Some(known) = cache.get(word) {
                return f(lend(known));
            }
            let mut lower = String::with_capacity(word.len());
            push_lower_word(&mut lower, word);
            let resolved = self.is_content_lower(&lower).then(|| {
                let stem = self.stem(&lower).into_boxed_str();
                (lower.into_boxed_str(), stem)
            });
            let out = f(lend(&resolved));
            if cache.len() >= CACHE_WORDS {
                cache.clear();
            }
            cache.insert(word.into(), resolved);
            out
        })
    }

    /// Content terms of `text`, in order ([`Terms::content_stem`] of each word; numbers as
    /// written).
    pub fn terms(&self, text: &str) -> Vec<String> {
        words(text)
            .filter_map(|(_, w)| {
                let stem = self.content_stem(w)?;
                Some(if w.chars().all(|c| c.is_ascii_digit()) {
                    w.to_string()
                } else {
                    stem
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_possessives_but_keep_contractions() {
        let got: Vec<&str> = words("Assad’s fall, don't: al-Assad 3.5 (HTS)")
            .map(|w| w.1)
            .collect();
        assert_eq!(
            got,
            ["Assad", "fall", "don't", "al", "Assad", "3", "5", "HTS"]
        );
    }

    /// The word splitting as first written, a character at a time: what [`words`] must
    /// give on any text.
    fn words_by_chars(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut iter = text.char_indices().peekable();
        while let Some((start, c)) = iter.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(i, c)) = iter.peek() {
                if c.is_alphanumeric() {
                    end = i + c.len_utf8();
                    iter.next();
                } else if matches!(c, '\'' | '’') {
                    let rest = &text[i + c.len_utf8()..];
                    let next_alpha = rest.chars().next().is_some_and(char::is_alphanumeric);
                    let possessive = rest.starts_with('s')
                        && !rest[1..].chars().next().is_some_and(char::is_alphanumeric);
                    if possessive {
                        iter.next();
                        iter.next();
                        break;
                    } else if next_alpha {
                        iter.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push((start, &text[start..end]));
        }
        out
    }

    #[test]
    fn words_match_the_character_reading_on_mixed_text() {
        let samples = [
            "Assad’s fall, don't: al-Assad 3.5 (HTS)",
            "It's the rebels' day; O'Brien’s men'—and 'quoted' words' end'",
            "Ünïcödé wörds, 東京 and Ελλάδα’s news; naïve café’s s’s ’s 's x's",
            "trailing apostrophe' and possessive's",
            "digits 1,200 and 3.5% and 2026-11-24; e-mail U.S. x",
            "'",
            "s's",
            "",
            "   \t\n",
            "Ａｌｉ’ｓ full-width and Ⅻ roman, ½ half, ǅ title case",
        ];
        for s in samples {
            assert_eq!(words(s).collect::<Vec<_>>(), words_by_chars(s), "{s:?}");
        }
        // Every cut of a mixed text, so that each position starts and ends a sample.
        let mixed = "Ms O’Neill’s café 3’s—it's ‘Zoë’s’ x’ y's 'z";
        for (a, _) in mixed.char_indices() {
            for (b, _) in mixed[a..].char_indices() {
                let s = &mixed[a..a + b];
                assert_eq!(words(s).collect::<Vec<_>>(), words_by_chars(s), "{s:?}");
            }
        }
    }

    #[test]
    fn terms_are_stemmed_content_words() {
        let t = Terms::default();
        assert_eq!(
            t.terms("The families arrived in Moscow on Sunday's flight"),
            ["famili", "arriv", "moscow", "sunday", "flight"]
        );
    }

    #[test]
    fn unspaced_runs_are_indexed_by_pairs_of_characters() {
        let got: Vec<(usize, &str)> =
            index_words("The 习近平主席 met COVID疫情 in 東京 and 日 x").collect();
        assert_eq!(
            got,
            [
                (0, "The"),
                (4, "习近"),
                (7, "近平"),
                (10, "平主"),
                (13, "主席"),
                (20, "met"),
                (24, "COVID"),
                (29, "疫情"),
                (36, "in"),
                (39, "東京"),
                (46, "and"),
                (50, "日"),
                (54, "x"),
            ]
        );
        // Other text gives exactly its words.
        let plain = "Ünïcödé wörds, don't: al-Assad’s 3.5 Ελλάδα";
        assert!(index_words(plain).eq(words(plain)));
    }

    #[test]
    fn each_language_has_its_own_stop_words_and_stems() {
        let english = Terms::default();
        let german = english.for_language(Some("de"));
        assert_eq!(
            german.terms("Die Regierung und die Regierungen der Länder"),
            ["regier", "regier", "land"]
        );
        // "die" is an English word with a topic; "the" is German for nothing.
        assert_eq!(english.terms("Die the Regierung"), ["die", "regierung"]);
        assert_eq!(german.terms("Die the Regierung"), ["the", "regier"]);
        // English, no language and a language without a reading here are read as English.
        for code in [Some("en"), None, Some("xx")] {
            assert!(std::ptr::eq(english.for_language(code), &english));
        }
        assert_ne!(german.language_index(), 0);
        for tag in ["nb", "NO", "nn-NO"] {
            assert_eq!(
                english.for_language(Some(tag)).language_index(),
                english.for_language(Some("no")).language_index()
            );
        }
        assert!(std::ptr::eq(english.for_language(Some("de-AT")), german));
        assert!(std::ptr::eq(english.for_language(Some("DE")), german));
        assert!(std::ptr::eq(english.for_language(Some("en-GB")), &english));
        for (tag, code) in [("de-AT", "de"), ("DE", "de"), ("nn-NO", "no"), ("nb", "no")] {
            assert_eq!(language_code(tag), code);
        }
        // Without a stemmer of its own, a word is its own stem.
        assert_eq!(
            english.for_language(Some("pl")).terms("Rząd i rządy"),
            ["rząd", "rządy"]
        );
        assert_ne!(
            german.language_index(),
            english.for_language(Some("fr")).language_index()
        );
        // The same word as written is cached apart per language.
        assert!(english.is_content_word("Die"));
        assert!(!german.is_content_word("Die"));
        assert!(english.is_content_word("Die"));
    }
}
