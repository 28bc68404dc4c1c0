//! Article features and TF-IDF vectors: stemmed content words (title and lead weighted up,
//! capitalised words weighted as names), multi-word names as features of their own, a
//! vocabulary whose document frequencies grow as articles arrive, and unit vectors over the
//! terms that can link two articles (seen in at least two).

use chorus_model::CleanArticle;
use chorus_text::{unit, SparseVector, Terms};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

/// How article text becomes weighted terms.
#[derive(Debug, Clone)]
pub struct FeatureConfig {
    /// How many times a title word counts compared with a body word.
    pub title_weight: f32,
    /// Weight of a capitalised word (a name) compared with a common word.
    pub name_weight: f32,
    /// Weight of a multi-word name ("Mitch McConnell") as one feature.
    pub phrase_weight: f32,
    /// Words of the body that count as the lead.
    pub lead_words: usize,
    /// How many times a lead word counts.
    pub lead_weight: f32,
    /// Exponent on inverse document frequency (above 1 favours rare terms more).
    pub idf_power: f32,
    /// Only the strongest terms of an article enter its vector.
    pub max_terms: usize,
    /// Whether a word written only inside names many stories name ("Kong" of "Hong Kong",
    /// "Worth" of "Fort Worth": [`chorus_entities::is_well_known`]) is no specific either, as
    /// the name is not (see [`Vocabulary::specific_with`]).
    pub well_known_words: bool,
    /// Whether a name in a credit (a photo's, an agency's or a station's after a dateline:
    /// see `credits`) counts as an institution's name, the outlet's rather than the story's.
    pub credits: bool,
    /// Whether a name written after a public office's title ("Sen. Lindsey Graham") counts
    /// as a public figure's ([`PUBLIC`]).
    pub public_figures: bool,
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            title_weight: 2.0,
            name_weight: 2.0,
            phrase_weight: 2.0,
            lead_words: 0,
            lead_weight: 1.0,
            idf_power: 2.0,
            max_terms: 150,
            well_known_words: true,
            credits: true,
            public_figures: true,
        }
    }
}

/// Weighted term counts of one article (term ids from a [`Vocabulary`]).
pub type Counts = Vec<(u32, f32)>;

/// Term ids, document frequencies and the most common surface form of every term; grows as
/// articles are added.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
    keys: Vec<String>,
    df: Vec<u32>,
    /// The words of every multi-word name.
    parts: Parts,
    /// Surface forms of every term with their counts (usually one or two).
    surface: Vec<Vec<(String, u32)>>,
    /// Every word as written, resolved once: stemming and lookups happen per distinct word.
    /// One map per language, by [`Terms::language_index`] (a word may be a stop word in one
    /// language and a term in another).
    words: Vec<HashMap<String, WordInfo>>,
    docs: u32,
    /// Names only shown, never terms (pieces of a run of capitals across punctuation): their
    /// keys, ids and in how many articles each is, apart from the terms so that the terms'
    /// ids and frequencies do not depend on them. Their ids carry [`SHOWN`].
    shown_ids: HashMap<String, u32>,
    shown_keys: Vec<String>,
    shown_df: Vec<u32>,
    /// Of every term, how many of its occurrences were capitalised (for [`Vocabulary::specific`]).
    capital: Vec<u32>,
    /// Of every term, in how many articles it is a name written after a voice's role.
    voice: Vec<u32>,
    /// Of every term, in how many articles it is a name written after a public office's title.
    public: Vec<u32>,
    /// Of every term, in how many articles it is (part of) an institution's name.
    institution: Vec<u32>,
    /// Of every term, in how many articles it is (part of) a place's name.
    place: Vec<u32>,
    /// Of every term, in how many articles it is written only as a piece of a larger figure
    /// ("800" of "1,800", "5" of "3.5"): see [`is_figure_piece`].
    figure_piece: Vec<u32>,
    /// Of every term, in how many articles it is (part of) a place's or an institution's
    /// name: a town's written after "in" in some and in its police's name in others.
    area: Vec<u32>,
    /// Of every term, the outlet (a hash of its name) of the articles it is in while that is
    /// one outlet, [`MANY`] once it is in two; 0 before it is in any article's terms.
    outlet: Vec<u64>,
    /// Of every term, whether it is a name many stories name
    /// ([`chorus_entities::is_well_known`]: a country, a capital, a news agency), as first
    /// written; asked only of the terms [`Vocabulary::specific`] finds to be names (most terms
    /// are not), the first time it does, and kept.
    well_known: Vec<Option<bool>>,
}

/// See [`Vocabulary::outlet`].
const MANY: u64 = u64::MAX;

/// The bit of [`Vocabulary::specific`]'s answer that marks a term only one outlet used.
pub(crate) const ONE_OUTLET: u32 = 1 << 31;

/// The bit of [`Vocabulary::specific`]'s answer that marks a name mostly written after a
/// role that speaks for an institution ("spokeswoman Jodi Silva", "Sgt. Cassandra Lewis"):
/// a voice quoted about many of a city's incidents, not a person of one.
pub(crate) const VOICE: u32 = 1 << 30;

/// The bit of [`Vocabulary::specific`]'s answer that marks a name mostly written as an
/// institution's that serves a whole area: a name ending in a word such as "Hospital",
/// "County" or "Police" ("Jacobi Medical Center", "Pasco County Sheriff's Office"), and the
/// words of such names ("Jacobi"), an agency's initials after "the" ("by the DNR"), a state's
/// abbreviation after a town ("Stratford, Wis."), and runs of capitals that are no name (see
/// [`Vocabulary::is_run_of_capitals`]: "Austin Shooting" in headlines). Many incidents of one
/// area name it, so it tells no incident of a dense stretch from another. (Towns are not
/// marked: reports of one incident often share no other name; they are [`PLACE`]s, weak
/// only between reports days apart.)
pub(crate) const INSTITUTION: u32 = 1 << 29;

/// The bit of [`Vocabulary::specific`]'s answer that marks a name mostly written as a place:
/// a street's ("Cedar Street"), or one right after "in", "near" or "outside" ("in Miami
/// Gardens"). The first reports of one incident often share no other name, but where
/// incidents come close together one town's, one quarter's or one street's are in reports
/// of several, days apart (`OnlineConfig::place_days`). So is a word that most of its
/// articles write in a place's or an institution's name, though not mostly an institution's:
/// a town after "in" in some reports and in its police department's name in others
/// ("Benton").
pub(crate) const PLACE: u32 = 1 << 28;

/// The bit of [`Vocabulary::specific`]'s answer that marks a name mostly written after a
/// public office's title ("Sen. Lindsey Graham", "Senate Minority Leader Chuck Schumer",
/// "Russian President Vladimir Putin"): a public figure, named in stories of every kind and
/// years apart, so it weighs less (`OnlineConfig::public_strength`), in the joins and in
/// the split.
pub(crate) const PUBLIC: u32 = 1 << 27;

/// All flags of [`Vocabulary::specific`]'s answer; the rest is the document frequency.
pub(crate) const FLAGS: u32 = ONE_OUTLET | VOICE | INSTITUTION | PLACE | PUBLIC;

/// What a shared specific's strength is multiplied by, from [`Vocabulary::specific`]'s answer
/// `df`: `voice` for a voice's name (see [`VOICE`]), `institution` for an institution's (see
/// [`INSTITUTION`]), `place` for a place's (see [`PLACE`]), the least of them for several,
/// whole for any other. The joins and the split weigh them alike.
pub(crate) fn voice_weight(df: u32, voice: f32, institution: f32, place: f32, public: f32) -> f32 {
    let of = |flag: u32, weight: f32| if df & flag != 0 { weight } else { 1.0 };
    of(VOICE, voice)
        .min(of(PUBLIC, public))
        .min(of(INSTITUTION, institution))
        .min(of(PLACE, place))
}

/// The words (term ids) each multi-word name is made of, by term id: none for a word. A name
/// and its own words are one piece of evidence ("East Flatbush", "flatbush"), which the split
/// counts once (`split::count_once`).
#[derive(Debug, Default, Clone)]
pub struct Parts {
    /// Where the words of each term end in `words` (those of term `t` start where term
    /// `t - 1`'s end).
    end: Vec<u32>,
    words: Vec<u32>,
    /// Of each term's name, the initial of the word before the last (lower case) and the
    /// last word: ('a', "murphy") of "Alexis Murphy"; `NONE` for a word or a word not a term.
    last: Vec<(u32, u32)>,
}

impl Parts {
    /// The words of term `t`; none for a word or an unknown term.
    pub(crate) fn of(&self, t: u32) -> &[u32] {
        let t = t as usize;
        let Some(&end) = self.end.get(t) else {
            return &[];
        };
        let start = if t == 0 { 0 } else { self.end[t - 1] };
        &self.words[start as usize..end as usize]
    }

    /// The initial of the word before the last of the name `t` and its last word (a given
    /// name's initial and a surname), when it is a multi-word name whose last word is a term.
    pub(crate) fn last_of(&self, t: u32) -> Option<(u32, u32)> {
        self.last
            .get(t as usize)
            .copied()
            .filter(|&(g, w)| g != NONE && w != NONE)
    }

    /// Gives the next term id the words `words` (none for a word).
    fn push(&mut self, words: impl IntoIterator<Item = u32>) {
        self.words.extend(words);
        self.end.push(self.words.len() as u32);
        self.last.push((NONE, NONE));
    }

    /// Gives the last term id (which has none yet) the words `words`; `last` is what
    /// [`Parts::last_of`] answers of it.
    fn set_last(&mut self, words: &[u32], last: (u32, u32)) {
        debug_assert!(self.of(self.end.len() as u32 - 1).is_empty());
        self.words.extend_from_slice(words);
        if let Some(end) = self.end.last_mut() {
            *end = self.words.len() as u32;
        }
        if let Some(l) = self.last.last_mut() {
            *l = last;
        }
    }

    /// The full names of an article of term counts `counts`: the last word of each
    /// multi-word name it writes with the initial of the word before it, as (surname,
    /// initial), sorted. "Alexis Murphy" and "Virginia Murphy" are two people, whose one
    /// shared word is no shared specific; "Jonathon Magwood" and "Jonathan Magwood" may be
    /// one, as "J. Magwood" may (see `OnlineConfig::other_initials`).
    pub(crate) fn full_names(&self, counts: &Counts) -> Vec<(u32, u32)> {
        let mut out: Vec<(u32, u32)> = counts
            .iter()
            .filter_map(|&(t, _)| self.last_of(t))
            .map(|(g, w)| (w, g))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    #[cfg(test)]
    pub(crate) fn from_lists(lists: &[&[u32]]) -> Parts {
        let mut p = Parts::default();
        for l in lists {
            p.push(l.iter().copied());
        }
        p
    }
}

/// Roles (lower case) whose holder, named right after, speaks for a police department, a
/// sheriff's office or an agency rather than taking part in the story.
const VOICE_ROLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "sgt",
    "sergeant",
    "lt",
    "lieutenant",
    "officer",
    "det",
    "detective",
    "capt",
    "captain",
    "cpl",
    "corporal",
    "sheriff",
    // A mayor speaks for the city about many of its incidents ("Mayor Ras Baraka").
    "mayor",
];

/// Titles of public offices whose holder, named right after, is a public figure named in
/// stories of every kind ("Sen.", "Gov.", "President", "Speaker", "Senate Majority Leader",
/// "Secretary", "Minister"), not a name of one story. A mayor is a voice ([`VOICE_ROLES`]).
/// Not "premier": "Premier League".
const OFFICE_TITLES: &[&str] = &[
    "president",
    "sen",
    "sens",
    "senator",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "speaker",
    "leader",
    "secretary",
    "minister",
    "chancellor",
    "ambassador",
];

/// Whether `word` is one of `list`, in any case (a role of [`VOICE_ROLES`], a word of
/// [`PLACE_WORDS`]).
fn listed(word: &str, list: &[&str]) -> bool {
    list.iter().any(|l| word.eq_ignore_ascii_case(l))
}

/// Last words of a name that make it an institution or an area that serves many incidents
/// (a county, a police department, a coroner, a station's newsroom or a newspaper that a
/// report cites ("told the Boston Globe", "The Dallas Morning News reports"), an area's tip
/// line: "Metro Crime Stoppers", "Crime Solvers", "TIPS Hotline"), not one; a hospital's are
/// [`MEDICAL_HEADS`] (see [`is_hospital_campus`]). A centre is one only as a medical one or
/// where calls are dispatched: "Inland Regional Center" is where an incident was.
const INSTITUTION_HEADS: &[&str] = &[
    "Dispatch Center",
    "County",
    "Parish",
    "Township",
    "Police",
    "Department",
    "Office",
    "Sheriff",
    "Examiner",
    "Coroner",
    "Services",
    "Court",
    "News",
    "Globe",
    "Times",
    "Herald",
    "Tribune",
    "Journal",
    "Gazette",
    "Chronicle",
    "Inquirer",
    "Courier",
    "Dispatch",
    "Register",
    "Observer",
    "Telegraph",
    "Bee",
    "Stoppers",
    "Solvers",
    "Hotline",
];

/// Last words of the name of a public body: a government's ministry, a party's members in a
/// state or a chamber ("Russian Foreign Ministry", "the South Carolina Republican", "House
/// Democrats"). They speak in stories of every kind, and are institutions' names when public
/// figures are read (`FeatureConfig::public_figures`).
const BODY_HEADS: &[&str] = &[
    "Ministry",
    "Republican",
    "Republicans",
    "Democrat",
    "Democrats",
];

/// The first character of a key only shown that is a whole figure ("1,800"), not a name.
const FIGURE: char = '\u{4}';

/// The bit that marks the id of a name only shown (see [`Vocabulary::shown_ids`]).
const SHOWN: u32 = 1 << 31;

/// What a word as written stands for.
#[derive(Debug, Clone, Copy)]
struct WordInfo {
    /// Term id and surface form index (only content words are resolved).
    term: u32,
    form: u32,
    /// Name id and form index when the word is capitalised, else `NONE`.
    name: u32,
    name_form: u32,
}

const NONE: u32 = u32::MAX;

/// One article's content words and multi-word names, found and weighed without the
/// vocabulary (so a batch is prepared in parallel): each distinct one once, in order of first
/// occurrence, with how often it occurs and its summed weight.
pub(crate) struct ArticleWords<'a> {
    items: Vec<Item<'a>>,
    /// Keys of the multi-word names only shown: the pieces, over spaces only, of runs of
    /// capitals that crossed punctuation or a line break.
    pieces: Vec<String>,
    /// Figures written with separators ("1,800", "3.5"), as written: only shown, for the
    /// pieces that are their terms ([`Vocabulary::is_figure_piece`]).
    figures: Vec<&'a str>,
    /// The article's language (ISO 639-1), which decides stop words and stems.
    language: Option<&'a str>,
    /// A hash of the article's outlet (never 0 or [`MANY`]).
    outlet: u64,
}

enum ItemKey<'a> {
    /// A content word as written.
    Word(&'a str),
    /// "\u{1}" and a multi-word name as shown (curly apostrophes made straight).
    Phrase(String),
}

struct Item<'a> {
    key: ItemKey<'a>,
    /// Whether the word is capitalised (a name).
    name: bool,
    /// Whether it may be shown as a name. A run of capitalised words across punctuation
    /// ("… Russia. Obama said") still links copies of one text, but is no name: its pieces
    /// that run over spaces only are shown instead ([`ArticleWords::pieces`]).
    shown: bool,
    count: u32,
    /// Occurrences capitalised inside a sentence of the body (not at its start, not in a
    /// title's capitals): what tells a name from a common word.
    capital: u32,
    /// Summed weight of the occurrences (title, lead and name weights applied).
    weight: f32,
    /// Whether it is (part of) a name written right after a voice's role ([`VOICE`]).
    voice: bool,
    /// Whether it is (part of) a name written right after a public office's title ([`PUBLIC`]).
    public: bool,
    /// Whether it is (part of) an institution's name ([`INSTITUTION`]).
    institution: bool,
    /// Whether it is (part of) a place's name ([`PLACE`]).
    place: bool,
    /// Occurrences written as a piece of a larger figure ([`is_figure_piece`]).
    figure_piece: u32,
}

/// Builds an [`ArticleWords`]: distinct words and phrases by where they sit in `items`.
struct Gather<'a, 'c> {
    config: &'c FeatureConfig,
    stems: &'c Terms,
    items: Vec<Item<'a>>,
    /// Item of each word as written; `NONE` for a stop word.
    words: HashMap<&'a str, u32>,
    phrases: HashMap<String, u32>,
    pieces: Vec<String>,
    /// Words of the body read so far (for the lead weight).
    seen_words: usize,
    /// Whether the run of capitals being read came right after a voice's role.
    after_role: bool,
    /// Whether the run of capitals being read came right after a public office's title.
    after_office: bool,
    /// Whether a word of the run of capitals being read stands in a credit ([`credits`]).
    run_credit: bool,
    /// Whether the run of capitals being read came right after a word that puts a place
    /// ("in Vallejo", "near Pine Hills").
    after_place: bool,
    /// Whether the run of capitals being read started inside a sentence of the body and has
    /// not crossed a sentence's end, a line break or a colon since.
    run_inside: bool,
    /// Keys of the names a place's run of capitals held before a day's name ("in Pine Hills
    /// Tuesday"): places wherever the article writes them alone ([`Gather::place_before_days`]).
    placed_before_day: Vec<String>,
    /// Figures written with separators ("1,800"), as written ([`ArticleWords::figures`]).
    figures: Vec<&'a str>,
}

impl<'a> Gather<'a, '_> {
    fn text(&mut self, text: &'a str, weight: f32, lead: bool) {
        let mut phrase: Vec<&'a str> = Vec::new();
        // Where the run so far crossed more than a name's gap (indices into `phrase`).
        let mut cuts: Vec<usize> = Vec::new();
        let mut last: &str = "";
        let mut last_end = 0;
        let mut furniture = phone_numbers(text);
        furniture.extend(time_stamps(text));
        furniture.sort_unstable_by_key(|r| r.start);
        let mut skip = furniture.iter().peekable();
        let credited = if self.config.credits {
            credits(text)
        } else {
            Vec::new()
        };
        let mut credit = credited.iter().peekable();
        for (start, w) in chorus_text::index_words(text) {
            while skip.next_if(|r| r.end <= start).is_some() {}
            while credit.next_if(|r| r.end <= start).is_some() {}
            let in_credit = credit.peek().is_some_and(|r| r.contains(&start));
            if skip.peek().is_some_and(|r| r.contains(&start)) {
                self.flush(&mut phrase, &mut cuts, weight);
                (last, last_end) = (w, start + w.len());
                continue;
            }
            let gap = text.get(last_end..start);
            let before = last;
            let spaced = gap.is_some_and(|gap| joins_a_name(last, gap));
            // Inside a sentence of the body: not the first word, nor after a sentence's end,
            // a line break, a colon or a quotation mark.
            let inside = lead
                && last_end > 0
                && gap.is_some_and(|g| {
                    !g.contains(SENTENCE_BREAKS) && !g.contains(['"', '“', '”', '(', '|', '-'])
                });
            (last, last_end) = (w, start + w.len());
            let w_lead = if lead && self.seen_words < self.config.lead_words {
                self.config.lead_weight
            } else {
                1.0
            };
            if lead {
                self.seen_words += 1;
            }
            let slot = match self.words.get(w) {
                Some(&slot) => slot,
                None => {
                    let content = self.stems.is_content_word(w);
                    let slot = if content {
                        self.items.push(Item {
                            key: ItemKey::Word(w),
                            name: w.chars().next().is_some_and(char::is_uppercase),
                            shown: true,
                            count: 0,
                            capital: 0,
                            weight: 0.0,
                            voice: false,
                            public: false,
                            institution: false,
                            place: false,
                            figure_piece: 0,
                        });
                        self.items.len() as u32 - 1
                    } else {
                        NONE
                    };
                    self.words.insert(w, slot);
                    slot
                }
            };
            let piece = is_figure_piece(text, start, w);
            // A figure's first piece: the whole figure as written is shown for its pieces.
            if let Some(whole) = whole_figure(text, start).filter(|_| piece) {
                self.figures.push(whole);
            }
            if slot == NONE {
                self.flush(&mut phrase, &mut cuts, weight);
                continue;
            }
            let k = if self.items[slot as usize].name {
                if !phrase.is_empty() && !spaced {
                    cuts.push(phrase.len());
                    // A quotation mark or a bracket stays inside the sentence ("on CNN's
                    // \"State of the Union\""); a sentence's end or a line break does not.
                    self.run_inside &= !gap.is_some_and(|g| g.contains(SENTENCE_BREAKS));
                }
                self.run_credit |= in_credit;
                if phrase.is_empty() {
                    self.after_role = listed(before, VOICE_ROLES);
                    self.after_office = self.config.public_figures && listed(before, OFFICE_TITLES);
                    self.after_place = gap == Some(" ") && listed(before, PLACE_WORDS);
                    self.run_inside = inside;
                }
                phrase.push(w);
                self.config.name_weight
            } else {
                self.flush(&mut phrase, &mut cuts, weight);
                1.0
            };
            // An agency's initials after "the" ("by the DNR"), a state's abbreviation
            // after a town ("Stratford, Wis."): a body or an area of many incidents.
            let agency = inside && is_initials(w) && before.eq_ignore_ascii_case("the");
            let state = gap == Some(", ")
                && before.starts_with(char::is_uppercase)
                && listed(w, STATE_ABBREVIATIONS)
                && text[start + w.len()..].starts_with('.');
            let item = &mut self.items[slot as usize];
            item.count += 1;
            item.figure_piece += u32::from(piece);
            if inside && item.name {
                item.capital += 1;
            }
            item.institution |= agency || state || in_credit;
            item.weight += weight * k * w_lead;
        }
        self.flush(&mut phrase, &mut cuts, weight);
    }

    /// Ends a run of capitalised words: two or more make a multi-word name, a term of the
    /// vector. A run with `cuts` (where it crossed punctuation or a line break) is shown by
    /// its pieces of two words or more instead, which are no terms.
    fn flush(&mut self, phrase: &mut Vec<&'a str>, cuts: &mut Vec<usize>, weight: f32) {
        let voice = self.voiced(phrase, cuts);
        let public = self.officed(phrase, cuts);
        // An outlet's or an agency's name in a credit is the outlet's, not the story's.
        let institution = self.institutional(phrase, cuts) | std::mem::take(&mut self.run_credit);
        let place = self.placed(phrase, cuts);
        if phrase.len() >= 2 {
            let key = phrase_key(phrase);
            let slot = match self.phrases.get(&key) {
                Some(&slot) => slot,
                None => {
                    self.items.push(Item {
                        key: ItemKey::Phrase(key.clone()),
                        name: true,
                        shown: false,
                        count: 0,
                        capital: 0,
                        weight: 0.0,
                        voice: false,
                        public: false,
                        institution: false,
                        place: false,
                        figure_piece: 0,
                    });
                    let slot = self.items.len() as u32 - 1;
                    self.phrases.insert(key, slot);
                    slot
                }
            };
            let item = &mut self.items[slot as usize];
            item.count += 1;
            // Written inside a sentence of the body: a name, not a title's or a line's
            // capitals ("Austin Shooting", "Call Star reporter", "Pro Video" + "Image 2 of
            // 11").
            item.capital += u32::from(self.run_inside);
            item.weight += self.config.phrase_weight * weight;
            item.shown |= cuts.is_empty();
            item.voice |= voice;
            item.public |= public;
            item.institution |= institution;
            item.place |= place;
            let mut start = 0;
            for end in cuts.iter().copied().chain([phrase.len()]) {
                if end - start >= 2 && end - start < phrase.len() {
                    self.pieces.push(phrase_key(&phrase[start..end]));
                }
                start = end;
            }
        }
        phrase.clear();
        cuts.clear();
    }

    /// Marks the words of `phrase` after a voice's role (the word before it, or the last
    /// title inside it: "police Sgt. Rich Weiner", "Conservation Officer Andy Petersen") up
    /// to the next of its `cuts` as a voice's name ("… Jodi Silva. Corbin George died": not
    /// George); whether the phrase as a whole is one.
    fn voiced(&mut self, phrase: &[&'a str], cuts: &[usize]) -> bool {
        let after = std::mem::take(&mut self.after_role);
        self.titled(phrase, cuts, VOICE_ROLES, after, |item| item.voice = true)
    }

    /// Marks the words of `phrase` after a public office's title ("Sen. Lindsey Graham",
    /// "Senate Minority Leader Chuck Schumer", "Russian President Vladimir Putin", "North
    /// Korean leader Kim Jong Un") as a public figure's name, as [`Gather::voiced`] does a
    /// voice's; whether the phrase as a whole is one.
    fn officed(&mut self, phrase: &[&'a str], cuts: &[usize]) -> bool {
        let after = std::mem::take(&mut self.after_office);
        if !self.config.public_figures {
            return false;
        }
        self.titled(phrase, cuts, OFFICE_TITLES, after, |item| {
            item.public = true
        })
    }

    /// Marks with `mark` the words of `phrase` after one of `roles` (the last inside it, or
    /// the word before it when `after`) up to the next of its `cuts`; whether the phrase as a
    /// whole is so marked.
    fn titled(
        &mut self,
        phrase: &[&'a str],
        cuts: &[usize],
        roles: &[&str],
        after: bool,
        mark: fn(&mut Item<'a>),
    ) -> bool {
        let from = match phrase.iter().rposition(|w| listed(w, roles)) {
            Some(k) => k + 1,
            None if after => 0,
            None => return false,
        };
        let end = cuts
            .iter()
            .copied()
            .find(|&c| c > from)
            .unwrap_or(phrase.len());
        for w in &phrase[from.min(end)..end] {
            if let Some(&slot) = self.words.get(w) {
                mark(&mut self.items[slot as usize]);
            }
        }
        from < end && end == phrase.len()
    }
}

impl<'a> Gather<'a, '_> {
    /// Marks the words of each part of `phrase` between its `cuts` that ends in one of
    /// [`INSTITUTION_HEADS`] as an institution's name; whether the phrase as a whole ends in
    /// one (a run across punctuation too: "PITTSBURGH (KDKA) – Police", a station's dateline
    /// and the police it quotes about every incident).
    fn institutional(&mut self, phrase: &[&'a str], cuts: &[usize]) -> bool {
        let mut start = 0;
        for end in cuts.iter().copied().chain([phrase.len()]) {
            if is_institution(&phrase[start..end], self.config.public_figures) {
                for w in &phrase[start..end] {
                    if let Some(&slot) = self.words.get(w) {
                        self.items[slot as usize].institution = true;
                    }
                }
            }
            start = end;
        }
        is_institution(phrase, self.config.public_figures)
    }
}

impl<'a> Gather<'a, '_> {
    /// Marks the words of `phrase` that name a place ([`PLACE`]): its first part (up
    /// to the first of its `cuts`) when it came right after a word that puts a place, and
    /// each part that is a street's name; whether the phrase as a whole is a place.
    fn placed(&mut self, phrase: &[&'a str], cuts: &[usize]) -> bool {
        let after_place = std::mem::take(&mut self.after_place);
        let mut start = 0;
        let mut whole = false;
        for end in cuts.iter().copied().chain([phrase.len()]) {
            let part = &phrase[start..end];
            if after_place && start == 0 && part.len() >= 3 && part.last().is_some_and(is_day) {
                self.placed_before_day
                    .push(phrase_key(&part[..part.len() - 1]));
            }
            if (after_place && start == 0) || is_street(part) {
                for w in part {
                    if let Some(&slot) = self.words.get(w) {
                        self.items[slot as usize].place = true;
                    }
                }
                whole |= end == phrase.len() && start == 0;
            }
            start = end;
        }
        whole
    }
}

impl Gather<'_, '_> {
    /// Marks the names in [`Gather::placed_before_day`] that the article also writes alone
    /// as places: a day's name runs into a place's name it follows ("in Pine Hills Tuesday"),
    /// which the same article writes alone elsewhere ("a Pine Hills home").
    fn place_before_days(&mut self) {
        for key in std::mem::take(&mut self.placed_before_day) {
            if let Some(&slot) = self.phrases.get(&key) {
                self.items[slot as usize].place = true;
            }
        }
    }
}

/// Whether a word is initials: three to five capitals ("DNR", "ATF").
fn is_initials(word: &str) -> bool {
    (3..=5).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// The abbreviations of states that news agencies write after a town ("Stratford, Wis.").
const STATE_ABBREVIATIONS: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Tenn", "Tex", "Vt", "Va", "Wash", "Wis", "Wyo",
];

/// Whether a word is a day's name ("Tuesday").
fn is_day(word: &&str) -> bool {
    chorus_text::WEEKDAY_NAMES
        .iter()
        .any(|d| d.eq_ignore_ascii_case(word))
}

/// Words after which a name is where something happened ("in Vallejo", "near Pine Hills",
/// "outside Compton").
const PLACE_WORDS: &[&str] = &["in", "near", "outside"];

/// Last words of a street's name.
const STREET_HEADS: &[&str] = &[
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Road",
    "Rd",
    "Boulevard",
    "Blvd",
    "Drive",
    "Lane",
    "Parkway",
    "Highway",
    "Terrace",
];

/// Whether the words of a name are a street's ("Cedar Street", "North Kilpatrick Avenue").
fn is_street(name: &[&str]) -> bool {
    name.len() >= 2 && name.last().is_some_and(|w| STREET_HEADS.contains(w))
}

/// Whether the words of a name are an institution's: it ends in one of [`INSTITUTION_HEADS`]
/// or holds a broadcaster's name (see [`is_broadcaster`]: "WMC Memphis", "ST LOUIS KMOX", a
/// station's dateline or tagline over every story it runs).
fn is_institution(name: &[&str], bodies: bool) -> bool {
    ends_in_institution(name, INSTITUTION_HEADS)
        || (bodies && ends_in_institution(name, BODY_HEADS))
        || is_hospital_campus(name)
        || name
            .iter()
            .any(|w| is_broadcaster(w) || is_police_acronym(w) || is_two_capitals(w))
}

/// Whether a word is two capitals: a state's postal code in a dateline ("LEWISBURG, WV
/// (AP)", "Las Vegas, NV"), a quarter of a city in addresses ("NW"), a university's or a
/// health system's initials ("UF", "IU"): an area or a body that serves many incidents.
fn is_two_capitals(word: &str) -> bool {
    word.len() == 2 && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether a word is a police department's acronym: capitals ending in "PD" ("NYPD", "IMPD",
/// "SFPD"), a city's department quoted about every incident of it.
fn is_police_acronym(word: &str) -> bool {
    let b = word.as_bytes();
    (3..=6).contains(&b.len()) && b.ends_with(b"PD") && b.iter().all(u8::is_ascii_uppercase)
}

/// Words that make a name a hospital's or a health system's wherever they stand after its
/// first word, last or before its campus (with "Medical Center", see [`is_hospital_campus`]).
const MEDICAL_HEADS: &[&str] = &["Hospital", "Hospitals", "Health", "Healthcare", "Clinic"];

/// Whether a name is a hospital's or a health system's, ending in its head word ("Jacobi
/// Medical Center") or with the campus or city it serves after it ("UF Health Jacksonville",
/// "IU Health Methodist", "Broward Health North"): at most two words after one of
/// [`MEDICAL_HEADS`] or "Medical Center", and one before it.
fn is_hospital_campus(name: &[&str]) -> bool {
    name.iter().enumerate().skip(1).any(|(k, w)| {
        let head = if MEDICAL_HEADS.contains(w) {
            1
        } else if *w == "Medical" && name.get(k + 1).is_some_and(|n| n.starts_with("Cent")) {
            2
        } else {
            return false;
        };
        name.len() - k - head <= 2
    })
}

/// Whether a word is a broadcaster's name: a North American station's call sign, K or W and
/// two or three more capitals ("KMOX", "WKRN", "WMC"). A network's name ("CNN", "NBC") is
/// not: it names programmes too ("CNN's State of the Union"), which tell stories apart.
fn is_broadcaster(word: &str) -> bool {
    let b = word.as_bytes();
    matches!(b.len(), 3 | 4)
        && matches!(b[0], b'K' | b'W')
        && b[1..].iter().all(u8::is_ascii_uppercase)
}

/// Whether the words of a name end in one of [`INSTITUTION_HEADS`] (and it has a word before
/// that: "Police" alone names no institution of one place).
fn ends_in_institution(name: &[&str], heads: &[&str]) -> bool {
    name.len() >= 2 && {
        let name = name.join(" ");
        heads
            .iter()
            .any(|h| name.strip_suffix(h).is_some_and(|s| s.ends_with(' ')))
    }
}

/// Words that label a credit when a colon or "by" follows ("Photo: Jon Shapley, Houston
/// Chronicle", "(Image: UpperCut Images/Getty)", "Photo by Ethan Miller/Getty Images",
/// "AP Photo/Evan Vucci", "Courtesy of KSL"). Plurals are left out: "PHOTOS: …" heads a
/// gallery of the story's own.
const CREDIT_LABELS: &[&str] = &[
    "Photo",
    "Photograph",
    "Image",
    "Picture",
    "Credit",
    "Courtesy",
];

/// Byte ranges of the names that stand in a credit in `text`: a photo's or an image's credit
/// after its label (see [`CREDIT_LABELS`]: its capitalised words and figures, up to eight,
/// over spaces, commas, slashes and hyphens, to the line's or the bracket's end), and an
/// agency's or a station's name in brackets or slashes right after a dateline ("BUFFALO,
/// N.Y. (WIVB) –", "NEW YORK, Jan. 1, 2020 /PRNewswire/ --", "DALLAS(CBSDFW.COM) –",
/// "Washington (CNN)"). Such a name is the outlet's or the photographer's, on its reports of
/// every story, not a name of the story.
fn credits(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = dateline_credits(text);
    if CREDIT_LABELS.iter().any(|l| text.contains(l)) {
        let words: Vec<(usize, &str)> = chorus_text::index_words(text).collect();
        let mut k = 0;
        while k + 1 < words.len() {
            let (s, w) = words[k];
            let (next_start, next) = words[k + 1];
            // Pairs of Chinese or Japanese characters overlap: no gap between them.
            let gap = text.get(s + w.len()..next_start).unwrap_or("");
            let from = if !listed(w, CREDIT_LABELS) || !w.starts_with(char::is_uppercase) {
                None
            } else if gap.trim_end() == ":" || gap == "/" {
                Some(k + 1)
            } else if gap == " " && matches!(next, "by" | "of") {
                Some(k + 2)
            } else if gap == " " && w == "Courtesy" && !next.starts_with(char::is_lowercase) {
                Some(k + 1)
            } else {
                None
            };
            let Some(from) = from else {
                k += 1;
                continue;
            };
            let mut end = None;
            let mut j = from;
            while j < words.len() && j - from < 8 {
                let (ws, ww) = words[j];
                if j > from {
                    let (ps, pw) = words[j - 1];
                    let gap = text.get(ps + pw.len()..ws).unwrap_or("");
                    let initial = pw.len() <= 2 && gap.starts_with(". ");
                    let within = gap.chars().all(|c| {
                        matches!(
                            c,
                            ' ' | '\t' | ',' | '/' | '-' | '&' | '\u{2013}' | '\u{2014}'
                        )
                    });
                    if !(within || initial) {
                        break;
                    }
                }
                let capital = ww.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
                if !capital && !matches!(ww, "of" | "and" | "for" | "via") {
                    break;
                }
                if capital {
                    end = Some(ws + ww.len());
                }
                j += 1;
            }
            if let (Some(end), Some(&(start, _))) = (end, words.get(from)) {
                out.push(start..end);
            }
            k = j.max(k + 1);
        }
    }
    out.sort_unstable_by_key(|r| r.start);
    out
}

/// The ranges of [`credits`] in brackets or slashes after a dateline: a name of at most 40
/// bytes that starts with a capital, in brackets or between slashes, followed by a dash, or in
/// brackets after nothing but a place since the line's start: one capitalised word or words
/// in capitals, with commas and periods ("Washington (CNN) Sarah Sanders …", "LOS ANGELES
/// (AP)"; not "Gov. Tom Corbett (R)").
fn dateline_credits(text: &str) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for (i, &open) in b.iter().enumerate() {
        let close = match open {
            b'(' => b')',
            b'/' if i == 0 || b[i - 1] == b' ' => b'/',
            _ => continue,
        };
        let Some(len) = b[i + 1..].iter().take(41).position(|&c| c == close) else {
            continue;
        };
        let inner = &text[i + 1..i + 1 + len];
        if !inner.starts_with(|c: char| c.is_ascii_uppercase())
            || inner.contains(['(', '/', '\n', ')'])
        {
            continue;
        }
        let after = text[i + 2 + len..].trim_start_matches([' ', '\t']);
        let dash = after.starts_with(['-', '\u{2013}', '\u{2014}']);
        let line = text[..i].rsplit(['\n', '\r']).next().unwrap_or("");
        let place = line.trim();
        let dateline = open == b'('
            && !place.is_empty()
            && place.len() <= 40
            && (!place.contains(char::is_lowercase) || !place.contains(' '))
            && place.starts_with(char::is_uppercase)
            && place
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | ',' | '.'));
        if dash || dateline {
            out.push(i + 1..i + 1 + len);
        }
    }
    out
}

/// Byte ranges of the telephone numbers in `text` ("(216) 623-5464", "816-474-TIPS",
/// "1-866-7LOCKUP"): a tip line's or a newsroom's number, the same under every report of a
/// police department or a station, whatever the story; their words are no terms.
fn phone_numbers(text: &str) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = (b[i].is_ascii_digit() || b[i] == b'(')
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'-'));
        if let Some(end) = starts.then(|| phone_at(b, i)).flatten() {
            out.push(i..end);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Byte ranges of a page's time stamps in `text` ("Posted: Tuesday, May 26, 2015 6:39 AM EDT",
/// "Created: 09/21/2015 3:54 PM"): a label, then only days, months, figures, times and time
/// zones, one figure at least. Runs of capitals across them ("EDT Updated Wednesday", "PM
/// Created") are a site's, on its reports of every story; their words are no terms.
fn time_stamps(text: &str) -> Vec<std::ops::Range<usize>> {
    const LABELS: [&str; 4] = ["Posted", "Updated", "Created", "Published"];
    if !LABELS.iter().any(|l| text.contains(l)) {
        return Vec::new();
    }
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    // The stamp being read: where it starts, where its last word ends, whether it has a figure.
    let mut open: Option<(usize, usize, bool)> = None;
    for (start, w) in chorus_text::index_words(text) {
        if let Some((from, end, figure)) = open {
            if is_time_word(w) {
                open = Some((
                    from,
                    start + w.len(),
                    figure || w.as_bytes()[0].is_ascii_digit(),
                ));
                continue;
            }
            if figure {
                out.push(from..end);
            }
            open = None;
        }
        if LABELS.contains(&w) {
            open = Some((start, start + w.len(), false));
        }
    }
    if let Some((from, end, true)) = open {
        out.push(from..end);
    }
    out
}

/// Whether a word can be part of a time stamp: a figure, a day or month name (or its short
/// form), "AM"/"PM", a time zone, "at" or "on".
fn is_time_word(w: &str) -> bool {
    const ZONES: [&str; 13] = [
        "AM", "PM", "am", "pm", "ET", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT",
    ];
    let lower = w.to_lowercase();
    w.bytes().all(|b| b.is_ascii_digit())
        || ZONES.contains(&w)
        || matches!(w, "at" | "on" | "GMT" | "UTC")
        || chorus_text::MONTH_NAMES
            .iter()
            .chain(&chorus_text::WEEKDAY_NAMES)
            .any(|n| *n == lower || (lower.len() == 3 && n.starts_with(&lower)))
}

/// The end of a telephone number that starts at byte `i` of `b`, if one does: an optional
/// "1-", a three-digit area code (optionally in brackets), then three digits and four to
/// seven digits or capitals ("TIPS"), or seven digits and capitals with a capital
/// ("7LOCKUP"), joined by hyphens, periods or a space after the area code.
fn phone_at(b: &[u8], mut i: usize) -> Option<usize> {
    let at = |k: usize| b.get(k).copied().unwrap_or(0);
    let sep = |c: u8| matches!(c, b'-' | b'.' | b' ');
    if at(i) == b'1' && sep(at(i + 1)) && (at(i + 2).is_ascii_digit() || at(i + 2) == b'(') {
        i += 2;
    }
    let bracket = at(i) == b'(';
    i = digits(b, i + usize::from(bracket), 3)?;
    if bracket {
        if at(i) != b')' {
            return None;
        }
        i += 1 + usize::from(at(i + 1) == b' ');
    } else if sep(at(i)) {
        i += 1;
    } else {
        return None;
    }
    let word = |from: usize| {
        let mut end = from;
        while at(end).is_ascii_digit() || at(end).is_ascii_uppercase() {
            end += 1;
        }
        (!at(end).is_ascii_alphanumeric()).then_some(end)
    };
    let vanity =
        word(i).filter(|&end| end - i == 7 && b[i..end].iter().any(u8::is_ascii_uppercase));
    if vanity.is_some() {
        return vanity;
    }
    i = digits(b, i, 3)?;
    if !matches!(at(i), b'-' | b'.') {
        return None;
    }
    word(i + 1).filter(|&end| (4..=7).contains(&(end - i - 1)))
}

/// Whether the digits `w` at byte `start` of `text` are a piece of a larger figure, joined
/// to more digits by a comma or a point with no space ("1,800", "12,400,000", "3.5"): the
/// words of [`chorus_text::index_words`] split such a figure into its pieces.
fn is_figure_piece(text: &str, start: usize, w: &str) -> bool {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let joint = |i: usize| b.get(i).is_some_and(|&c| c == b',' || c == b'.');
    let end = start + w.len();
    w.bytes().all(|c| c.is_ascii_digit())
        && ((start >= 2 && joint(start - 1) && digit(start - 2)) || (joint(end) && digit(end + 1)))
}

/// The whole figure whose first piece starts at byte `start` of `text` ("1,800" of "About
/// 1,800 dockers"): digits joined by commas or points with no space, as in
/// [`is_figure_piece`]. None when `start` is no first piece.
fn whole_figure(text: &str, start: usize) -> Option<&str> {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let joint = |i: usize| b.get(i).is_some_and(|&c| c == b',' || c == b'.');
    if start >= 2 && joint(start - 1) && digit(start - 2) {
        return None;
    }
    let mut end = start;
    while digit(end) {
        end += 1;
    }
    let mut joined = false;
    while joint(end) && digit(end + 1) {
        end += 1;
        while digit(end) {
            end += 1;
        }
        joined = true;
    }
    joined.then(|| &text[start..end])
}

/// The end of `n` ASCII digits from byte `i` of `b`, when they are there.
fn digits(b: &[u8], i: usize, n: usize) -> Option<usize> {
    let end = i + n;
    (end <= b.len() && b[i..end].iter().all(u8::is_ascii_digit)).then_some(end)
}

/// The vocabulary key of a multi-word name: "\u{1}" and its words (curly apostrophes made
/// straight).
fn phrase_key(words: &[&str]) -> String {
    format!("\u{1}{}", words.join(" ").replace('\u{2019}', "'"))
}

/// What ends a sentence or a line for the words around it (a colon too: "Police: Teen …").
const SENTENCE_BREAKS: [char; 6] = ['.', '!', '?', '\n', '\r', ':'];

/// Abbreviated titles whose period stays inside a name ("Capt. Mike Salomonsky").
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Adm", "Capt", "Cmdr", "Col", "Det", "Gen", "Gov", "Hon", "Insp", "Maj", "Mrs", "Prof", "Rep",
    "Rev", "Sen", "Sgt", "Supt",
];

/// Whether `gap`, after the word `before`, can lie inside one name: spaces (not a line
/// break), a hyphen ("Ben-Zvi"), a possessive ("Italy's Supreme Court", "Port Workers'
/// Union"), or the period of an initial, a two-letter abbreviation or a title ("J. K.
/// Rowling", "Mr. Assad", "Sen. Kirsten Gillibrand"), or an ampersand between spaces ("Baylor
/// Scott & White Hospital": the words before it are the institution's as much as those after);
/// not a sentence's end, a comma, a colon or a bracket.
fn joins_a_name(before: &str, gap: &str) -> bool {
    if gap == " & " {
        return true;
    }
    let gap = match gap.strip_prefix('.') {
        Some(rest) if before.chars().count() <= 2 || TITLE_ABBREVIATIONS.contains(&before) => rest,
        _ => gap,
    };
    let gap = match gap.strip_prefix(['\'', '\u{2019}']) {
        Some(rest) => rest.strip_prefix(['s', 'S']).unwrap_or(rest),
        None => gap,
    };
    !gap.is_empty()
        && gap
            .chars()
            .all(|c| (c.is_whitespace() && c != '\n' && c != '\r') || matches!(c, '-' | '‐' | '‑'))
}

/// The part of a title that is the story's headline: its longest segment (the first of
/// equals) between the separators sites put between a headline, a section and the site's name
/// ([`chorus_text::title_segments`]). The others ("LEX18.com", "Continuous News and
/// StormTracker Weather", "Cleveland, OH") are the same on every page of an outlet and,
/// weighed as a title's names, would link its reports of different stories.
fn headline_part(title: &str) -> &str {
    chorus_text::title_segments(title)
        .into_iter()
        .rev()
        .max_by_key(|p| p.split_whitespace().count())
        .unwrap_or(title)
}

impl<'a> ArticleWords<'a> {
    /// The words of the article's cleaned text and of its title (weighted up).
    pub(crate) fn new(article: &'a CleanArticle, config: &FeatureConfig, stems: &Terms) -> Self {
        let language = article.article.language.as_deref();
        let stems = stems.for_language(language);
        let mut g = Gather {
            config,
            stems,
            items: Vec::new(),
            words: HashMap::default(),
            phrases: HashMap::default(),
            pieces: Vec::new(),
            seen_words: 0,
            after_role: false,
            after_office: false,
            run_credit: false,
            after_place: false,
            run_inside: false,
            placed_before_day: Vec::new(),
            figures: Vec::new(),
        };
        g.text(article.text(), 1.0, true);
        if let Some(t) = &article.article.title {
            g.text(headline_part(t), config.title_weight, false);
        }
        g.place_before_days();
        let outlet = {
            use std::hash::{Hash, Hasher};
            let mut h = rustc_hash::FxHasher::default();
            article.article.source.hash(&mut h);
            h.finish().clamp(1, MANY - 1)
        };
        ArticleWords {
            items: g.items,
            pieces: g.pieces,
            figures: g.figures,
            language,
            outlet,
        }
    }
}

impl Vocabulary {
    /// Number of articles counted.
    pub fn docs(&self) -> u32 {
        self.docs
    }

    /// The id of `key` and the index of its surface form `surface`, counting `n` occurrences.
    fn id(&mut self, key: &str, surface: &str, n: u32) -> (u32, u32) {
        // Look up before allocating: most keys are already known.
        let id = match self.ids.get(key) {
            Some(&id) => id,
            None => {
                let id = self.ids.len() as u32;
                self.ids.insert(key.to_string(), id);
                self.keys.push(key.to_string());
                self.parts.push([]);
                self.df.push(0);
                self.surface.push(Vec::new());
                self.capital.push(0);
                self.voice.push(0);
                self.public.push(0);
                self.institution.push(0);
                self.place.push(0);
                self.figure_piece.push(0);
                self.area.push(0);
                self.outlet.push(0);
                self.well_known.push(None);
                id
            }
        };
        let forms = &mut self.surface[id as usize];
        let form = match forms.iter().position(|(f, _)| f == surface) {
            Some(i) => {
                forms[i].1 += n;
                i
            }
            None => {
                forms.push((surface.to_string(), n));
                forms.len() - 1
            }
        };
        (id, form as u32)
    }

    /// Resolves a content word as written (cached after its first sighting), counting `n`
    /// occurrences of it.
    fn word(&mut self, w: &str, stems: &Terms, n: u32) -> WordInfo {
        let language = stems.language_index();
        if let Some(&info) = self.words.get(language).and_then(|m| m.get(w)) {
            self.surface[info.term as usize][info.form as usize].1 += n;
            if info.name != NONE {
                self.surface[info.name as usize][info.name_form as usize].1 += n;
            }
            return info;
        }
        let (term, form) = stems.with_content_word(w, |resolved| {
            let (lower, stem) = resolved.expect("only content words are resolved");
            self.id(stem, lower, n)
        });
        let (name, name_form) = if w.chars().next().is_some_and(char::is_uppercase) {
            // The name as written, for showing why articles are together.
            let shown = w.replace('\u{2019}', "'");
            self.id(&format!("\u{3}{shown}"), &shown, n)
        } else {
            (NONE, NONE)
        };
        let info = WordInfo {
            term,
            form,
            name,
            name_form,
        };
        if self.words.len() <= language {
            self.words.resize_with(language + 1, HashMap::default);
        }
        self.words[language].insert(w.to_string(), info);
        info
    }

    /// Counts the terms of `article` into the vocabulary and returns them.
    /// Also returns the ids of its names (capitalised words and multi-word names).
    pub fn add(
        &mut self,
        article: &CleanArticle,
        config: &FeatureConfig,
        stems: &Terms,
    ) -> (Counts, Vec<u32>) {
        self.add_words(&ArticleWords::new(article, config, stems), config, stems)
    }

    /// [`Vocabulary::add`] for every article of a batch, in order. The articles' words are
    /// found and weighed in parallel, a chunk at a time, while the previous chunk is counted
    /// into the vocabulary (the one step that depends on the articles before).
    pub fn add_all<'a>(
        &mut self,
        articles: &'a [CleanArticle],
        config: &FeatureConfig,
        stems: &Terms,
    ) -> Vec<(Counts, Vec<u32>)> {
        const CHUNK: usize = 256;
        let prepare = |chunk: &'a [CleanArticle]| -> Vec<ArticleWords<'a>> {
            chunk
                .par_iter()
                .map(|a| ArticleWords::new(a, config, stems))
                .collect()
        };
        let mut out = Vec::with_capacity(articles.len());
        let mut chunks = articles.chunks(CHUNK);
        let mut ready = chunks.next().map(prepare).unwrap_or_default();
        loop {
            let next = chunks.next();
            let (prepared, ()) = rayon::join(
                || next.map(prepare),
                || {
                    out.extend(ready.iter().map(|w| self.add_words(w, config, stems)));
                },
            );
            match prepared {
                Some(p) => ready = p,
                None => break,
            }
        }
        out
    }

    /// Counts one article's words (from [`ArticleWords::new`]) into the vocabulary. Term ids
    /// are given in order of first occurrence, as if the article were read word by word.
    fn add_words(
        &mut self,
        words: &ArticleWords,
        config: &FeatureConfig,
        stems: &Terms,
    ) -> (Counts, Vec<u32>) {
        let stems = stems.for_language(words.language);
        let mut c: Counts = Vec::with_capacity(words.items.len());
        let mut names: Vec<u32> = Vec::new();
        // Names counted for document frequency but not shown (see `Item::shown`).
        let mut unshown: Vec<u32> = Vec::new();
        for item in &words.items {
            match item.key {
                ItemKey::Word(w) => {
                    let info = self.word(w, stems, item.count);
                    self.capital[info.term as usize] += item.capital;
                    self.voice[info.term as usize] += u32::from(item.voice);
                    self.public[info.term as usize] += u32::from(item.public);
                    self.institution[info.term as usize] += u32::from(item.institution);
                    self.place[info.term as usize] += u32::from(item.place);
                    self.figure_piece[info.term as usize] +=
                        u32::from(item.figure_piece == item.count);
                    self.area[info.term as usize] += u32::from(item.place || item.institution);
                    c.push((info.term, item.weight));
                    if info.name != NONE {
                        names.push(info.name);
                    }
                }
                ItemKey::Phrase(ref key) => {
                    // The key is "\u{1}" and the name as shown.
                    let known = self.keys.len();
                    let (id, _) = self.id(key, &key[1..], item.count);
                    if id as usize == known {
                        self.set_parts(&key[1..], stems.language_index());
                    }
                    self.capital[id as usize] += item.capital;
                    self.voice[id as usize] += u32::from(item.voice);
                    self.public[id as usize] += u32::from(item.public);
                    self.institution[id as usize] += u32::from(item.institution);
                    self.place[id as usize] += u32::from(item.place);
                    self.area[id as usize] += u32::from(item.place || item.institution);
                    if item.shown {
                        names.push(id);
                    }
                    if config.phrase_weight > 0.0 {
                        c.push((id, item.weight));
                    } else if !item.shown {
                        unshown.push(id);
                    }
                }
            }
        }
        // One entry per term: written forms of one stem ("Attack", "attacks") add up.
        c.sort_by_key(|x| x.0);
        c.dedup_by(|later, first| {
            if later.0 == first.0 {
                first.1 += later.1;
                true
            } else {
                false
            }
        });
        for &(id, _) in &c {
            self.df[id as usize] += 1;
            let o = &mut self.outlet[id as usize];
            *o = match *o {
                0 => words.outlet,
                x if x == words.outlet => x,
                _ => MANY,
            };
        }
        // Phrases only described (weight 0) still count once for document frequency.
        names.sort_unstable();
        names.dedup();
        // (A phrase is one item of its article, so it is in one of the two lists only.)
        for &id in names.iter().chain(&unshown) {
            if c.binary_search_by_key(&id, |x| x.0).is_err() {
                self.df[id as usize] += 1;
            }
        }
        self.docs += 1;
        // Names only shown (pieces of runs of capitals across punctuation), counted apart.
        let mut pieces: Vec<u32> = words.pieces.iter().map(|k| self.shown_id(k)).collect();
        pieces.sort_unstable();
        pieces.dedup();
        for &id in &pieces {
            self.shown_df[(id & !SHOWN) as usize] += 1;
        }
        names.extend(pieces);
        // Whole figures, only shown (for their pieces: `shown_specifics`), counted apart too.
        let mut figures: Vec<u32> = words
            .figures
            .iter()
            .map(|f| self.shown_id(&format!("{FIGURE}{f}")))
            .collect();
        figures.sort_unstable();
        figures.dedup();
        for &id in &figures {
            self.shown_df[(id & !SHOWN) as usize] += 1;
        }
        names.extend(figures);
        (c, names)
    }

    /// Records the words of the name last given an id, `name` as shown, from the words its
    /// article's terms resolved before it (in `language`'s map): a word written with a curly
    /// apostrophe, made straight in the name, is not found and left out.
    fn set_parts(&mut self, name: &str, language: usize) {
        let Some(words) = self.words.get(language) else {
            return;
        };
        let mut terms: Vec<u32> = name
            .split(' ')
            .filter_map(|w| words.get(w).map(|info| info.term))
            .collect();
        let mut from_end = name.rsplit(' ');
        let surname = from_end
            .next()
            .and_then(|w| words.get(w))
            .map_or(NONE, |info| info.term);
        let initial = from_end
            .next()
            .and_then(|w| w.chars().next())
            .map_or(NONE, |c| c.to_lowercase().next().unwrap_or(c) as u32);
        let last = (initial, surname);
        terms.sort_unstable();
        terms.dedup();
        self.parts.set_last(&terms, last);
    }

    /// The id (with [`SHOWN`]) of a name only shown.
    fn shown_id(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.shown_ids.get(key) {
            return id;
        }
        let id = self.shown_keys.len() as u32 | SHOWN;
        self.shown_ids.insert(key.to_string(), id);
        self.shown_keys.push(key.to_string());
        self.shown_df.push(0);
        id
    }

    /// A name's id as shown: a name only shown takes the id of the term of its key when
    /// there is one (the same name, a term in other articles), so that both count as one.
    fn shown_as(&self, id: u32) -> u32 {
        if id & SHOWN == 0 {
            return id;
        }
        let key = &self.shown_keys[(id & !SHOWN) as usize];
        self.ids.get(key).copied().unwrap_or(id)
    }

    /// The whole figure as written ("1,800") when `id` is one only shown.
    fn shown_figure(&self, id: u32) -> Option<&str> {
        if id & SHOWN == 0 {
            return None;
        }
        self.shown_keys[(id & !SHOWN) as usize].strip_prefix(FIGURE)
    }

    /// How a name is written and how rare it is (smoothed idf), for showing it.
    fn shown_name(&self, id: u32) -> (&str, f32) {
        if id & SHOWN == 0 {
            return (self.surface(id), self.idf(id));
        }
        let k = (id & !SHOWN) as usize;
        (
            &self.shown_keys[k][1..],
            self.smoothed_idf(self.shown_df[k]),
        )
    }

    /// Smoothed inverse document frequency of a term.
    pub fn idf(&self, term: u32) -> f32 {
        self.smoothed_idf(self.df[term as usize])
    }

    /// Smoothed inverse document frequency of something in `df` of the articles counted.
    fn smoothed_idf(&self, df: u32) -> f32 {
        ((self.docs as f32 + 1.0) / (df as f32 + 1.0)).ln() + 1.0
    }

    /// Document frequency of a term.
    pub fn df(&self, term: u32) -> u32 {
        self.df[term as usize]
    }

    /// The unit TF-IDF vector of `counts` (ids of `self`, a few articles to compare) with
    /// document frequencies taken from `background` alone (the collection they are compared
    /// against). A term the background lacks weighs as its rarest; with no background every
    /// term weighs the same. The few articles' own frequencies are left out on purpose: over
    /// two articles they would weigh down exactly the words the two share.
    pub fn vector_against(
        &self,
        counts: &Counts,
        background: &Vocabulary,
        config: &FeatureConfig,
    ) -> SparseVector {
        let n = background.docs as f32;
        unit(
            counts
                .iter()
                .map(|&(t, c)| {
                    let key = &self.keys[t as usize];
                    let df = background
                        .ids
                        .get(key)
                        .map_or(0, |&b| background.df[b as usize]);
                    let idf = ((n + 1.0) / (df as f32 + 1.0)).ln() + 1.0;
                    (t, (1.0 + c.ln()) * idf.powf(config.idf_power))
                })
                .collect(),
        )
    }

    /// The unit TF-IDF vector of `counts`: sublinear term frequency, IDF to the configured
    /// power, only terms seen in at least `min_df` articles (in clustering 2: the others
    /// cannot link two articles and only dilute the norm), the strongest `max_terms`.
    pub fn vector(&self, counts: &Counts, config: &FeatureConfig, min_df: u32) -> SparseVector {
        let mut v: SparseVector = counts
            .iter()
            .filter(|(t, _)| self.df[*t as usize] >= min_df)
            .map(|&(t, c)| (t, (1.0 + c.ln()) * self.idf(t).powf(config.idf_power)))
            .collect();
        if v.len() > config.max_terms {
            v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(config.max_terms);
            v.sort_unstable_by_key(|x| x.0);
        }
        unit(v)
    }

    /// The words every multi-word name is made of.
    pub fn parts(&self) -> &Parts {
        &self.parts
    }

    /// The document frequency of every term that is a specific, `u32::MAX` for the others,
    /// by term id: what may name one story rather than a kind of story. A multi-word name, a
    /// term with a digit (a figure, a date, an address), or a word capitalised in most of its
    /// occurrences inside sentences ("Hawthorne", not "police", capitalised only where a
    /// sentence or a title starts with it). How rare it must be is the grouping's to say. A
    /// term only one outlet has used carries `ONE_OUTLET` (a byline, a station's own names).
    pub fn specific(&mut self) -> Vec<u32> {
        self.specific_with(FeatureConfig::default().well_known_words)
    }

    /// [`Vocabulary::specific`]; when `well_known_words`, a word that is in no more articles
    /// than a name many stories name that holds it ("Kong" and "Hong Kong") is taken for a
    /// word of that name and is no specific either: two stories of one city share its name's
    /// words as they share the name.
    pub fn specific_with(&mut self, well_known_words: bool) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.keys.len());
        // Of every word, the most articles a well-known multi-word name holding it is in.
        let mut in_well_known: HashMap<u32, u32> = HashMap::default();
        for (id, key) in self.keys.iter().enumerate() {
            let name = if key.starts_with('\u{3}') {
                false
            } else if key.starts_with('\u{1}') {
                true
            } else {
                key.bytes().any(|b| b.is_ascii_digit()) || self.mostly_capitalised(id as u32)
            };
            let well_known = name
                && *self.well_known[id].get_or_insert_with(|| {
                    // As first written: a multi-word name's key, else its first surface form.
                    let first = self.surface[id].first().map_or("", |f| f.0.as_str());
                    chorus_entities::is_well_known(key.strip_prefix('\u{1}').unwrap_or(first))
                });
            let mostly = |n: u32| n > 0 && 2 * n >= self.df[id];
            let voice = if mostly(self.voice[id]) { VOICE } else { 0 }
                | if mostly(self.public[id]) { PUBLIC } else { 0 }
                | if mostly(self.institution[id]) || self.is_run_of_capitals(id as u32) {
                    INSTITUTION
                } else {
                    0
                }
                | if mostly(self.place[id])
                    || (mostly(self.area[id]) && !mostly(self.institution[id]))
                {
                    PLACE
                } else {
                    0
                };
            if well_known_words && well_known && key.starts_with('\u{1}') {
                for &w in self.parts.of(id as u32) {
                    let most = in_well_known.entry(w).or_default();
                    *most = (*most).max(self.df[id]);
                }
            }
            out.push(if !name || well_known {
                u32::MAX
            } else if self.outlet[id] == MANY {
                self.df[id] | voice
            } else {
                self.df[id] | ONE_OUTLET | voice
            });
        }
        for (w, most) in in_well_known {
            if self.df[w as usize] <= most {
                out[w as usize] = u32::MAX;
            }
        }
        out
    }

    /// The words an article of names `names` (as [`Vocabulary::add`] gives them) writes in
    /// a multi-word name of a person or a thing, sorted: a name written within a sentence's
    /// punctuation that no article writes as a place's or an institution's ("in Miami
    /// Gardens", "Bingham County"), that is no run of capitals and opens with no compass
    /// point ("South Saginaw", a street's after "block of"). A word a report writes only
    /// alone ("Saginaw's southeast side", "a Trotwood teen") or in a place's name is a
    /// town's, not its story's own (`OnlineConfig::lone_words`). Its figures (terms of
    /// `counts` with a digit: an address, a time) are its own too.
    pub(crate) fn name_words(&self, names: &[u32], counts: &Counts) -> Vec<u32> {
        let mut out: Vec<u32> = counts
            .iter()
            .map(|&(t, _)| t)
            .filter(|&t| {
                self.keys.get(t as usize).is_some_and(|k| {
                    !k.starts_with(['\u{1}', '\u{3}']) && k.bytes().any(|b| b.is_ascii_digit())
                })
            })
            .collect();
        for &t in names.iter().filter(|&&t| t & SHOWN == 0) {
            if self.is_run_of_capitals(t) {
                continue;
            }
            let words = self.parts.of(t);
            let i = t as usize;
            let Some(key) = self.keys.get(i).and_then(|k| k.strip_prefix('\u{1}')) else {
                continue;
            };
            let compass = key.split(' ').next().is_some_and(|w| listed(w, COMPASS));
            if words.is_empty() || compass || self.area[i] > 0 {
                continue;
            }
            out.extend_from_slice(words);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether a term is mostly written only as a piece of a larger figure (in at least half
    /// of its articles): "800" where the texts write "1,800", "000" of "20,000". It links
    /// articles as any figure does (two reports of "1,800 dockers" share it), but it is no
    /// figure a text wrote: it is shown as the whole figure, or not at all.
    pub fn is_figure_piece(&self, id: u32) -> bool {
        let n = self.figure_piece.get(id as usize).copied().unwrap_or(0);
        n > 0 && 2 * n >= self.df[id as usize]
    }

    /// Whether a word is capitalised in most of its occurrences inside sentences of the body
    /// ("Hawthorne", not "police", capitalised only where a sentence or a title starts).
    fn mostly_capitalised(&self, id: u32) -> bool {
        let total: u32 = self.surface[id as usize].iter().map(|f| f.1).sum();
        2 * self.capital[id as usize] > total
    }

    /// Whether a multi-word name is only a run of capitals: never written whole inside a
    /// sentence of the body, and holding a common word. Such are a headline's capitals
    /// ("Austin Shooting", "Police: Teen …"), a line's ("Call Star reporter …") or a photo
    /// credit run into the next caption ("Pro Video" + "Image 2 of 11"): the same words head
    /// reports of many incidents of one area, so they weigh as an institution's name.
    fn is_run_of_capitals(&self, id: u32) -> bool {
        self.keys[id as usize].starts_with('\u{1}')
            && self.capital[id as usize] == 0
            && self.parts.of(id).iter().any(|&w| {
                let key = &self.keys[w as usize];
                !key.bytes().any(|b| b.is_ascii_digit()) && !self.mostly_capitalised(w)
            })
    }

    /// The most common surface form of a term.
    pub fn surface(&self, term: u32) -> &str {
        self.surface[term as usize]
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map_or("", |x| x.0.as_str())
    }
}

/// Whether two sets of ages (one bit per year, [`stated_ages`]) tell of different people:
/// both give ages and none of one is the other's.
pub(crate) fn contrary_ages(a: u128, b: u128) -> bool {
    a != 0 && b != 0 && a & b == 0
}

/// Whether a specific of document frequency `df` (with its flags) is a name of its own: no
/// voice's, institution's or place's name, nor one only one outlet uses. Such a name, shared,
/// tells that two reports are of one incident in a way a town or its police do not.
pub(crate) fn plain_kind(df: u32) -> bool {
    df & FLAGS == 0
}

/// Whether two sets of ages tell of different people beyond doubt: [`contrary_ages`] even
/// with each age of one taken a year either way ("a 3-year-old" in one report of a toddler's
/// shot, "a 2-year-old" in the next). The split asks this, as it parts what grouping joined.
pub(crate) fn ages_far_apart(a: u128, b: u128) -> bool {
    contrary_ages(a | a << 1 | a >> 1, b)
}

/// How many words of the body [`stated_ages`] reads: a report's first sentences.
pub(crate) const AGE_LEAD_WORDS: usize = 60;

/// The ages an article's headline and first sentence give people, or when they give none,
/// the first `lead` words of its body: "a 16-year-old boy", "two-year-old", "Marcus
/// Seichter, 17, of Beloit", "boy, 6," (a baby's months or weeks as 0), one bit per year up
/// to 127. The lead of a report says whom its incident befell; two reports whose leads age
/// their people otherwise tell of different people (see `OnlineConfig::contrary_ages`). The
/// sentences after the first may recall another incident ("The shooting came a day after a
/// 2-year-old boy died"), so they are read only when the headline and the first sentence
/// age no one.
pub(crate) fn stated_ages(article: &CleanArticle, lead: usize) -> u128 {
    let title = article.article.title.as_deref().map_or("", headline_part);
    let first = article
        .sentences
        .first()
        .map_or("", |s| article.sentence_text(s));
    match ages_in(title, usize::MAX) | ages_in(first, lead) {
        0 => ages_in(article.text(), lead),
        head => head,
    }
}

/// How many words of the body [`stated_streets`] reads: where a report's first sentences
/// say where its incident happened ("in the 300 block of North Payson Street").
pub(crate) const STREET_LEAD_WORDS: usize = 100;

/// The streets the first `lead` words of an article's body name, one bit per street (its
/// name's last word before the street's head, "Payson" of "North Payson Street", "136th" of
/// "136th Street", hashed into 128 bits): a report of a shooting says where it happened, and
/// two reports of one town whose leads name other streets tell of two incidents (see
/// `OnlineConfig::contrary_streets`). A head followed by a further capitalised word ("Highway
/// Patrol", "St. Louis") is no street's; the headline is not read, since headlines capitalise
/// every word ("Fatal Road Rage").
pub(crate) fn stated_streets(article: &CleanArticle, lead: usize) -> u128 {
    streets_in(article.text(), lead)
}

/// [`stated_streets`] of the first `lead` words of `text`: the streets named with their
/// head ("North Payson Street") or after "block of" ("the 11200 block of Roxbury"). A street
/// followed by a word for an area ("his Beecher Terrace neighborhood") is no incident's
/// address, and a text whose lead gives two blocks of other streets tells of several
/// incidents (a night's round-up) and names none.
fn streets_in(text: &str, lead: usize) -> u128 {
    let words: Vec<(usize, &str)> = chorus_text::words(text).take(lead).collect();
    let end = |k: usize| words[k].0 + words[k].1.len();
    let gap = |k: usize| &text[end(k - 1)..words[k].0];
    let named = |name: &str| {
        name.starts_with(|c: char| c.is_uppercase())
            || (name.starts_with(|c: char| c.is_ascii_digit())
                && ["st", "nd", "rd", "th"]
                    .iter()
                    .any(|s| name.to_ascii_lowercase().ends_with(s)))
    };
    let bit = |name: &str| {
        let hash = name
            .to_lowercase()
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
            });
        1u128 << (hash % 128)
    };
    // A street's head: a name's last word ("Street", a "Court" no judge's).
    let is_head = |k: usize| {
        let w = words[k].1;
        STREET_HEADS.contains(&w)
            || (listed(w, &["Court", "Circle"])
                && w.starts_with('C')
                && !listed(words[k - 1].1, COURTS))
    };
    let mut streets = 0u128;
    let mut blocks = 0u128;
    for k in 1..words.len() {
        let (head, name) = (words[k].1, words[k - 1].1);
        if is_head(k) && gap(k) == " " && named(name) {
            // A capitalised word after the head goes on with a name that is no street's
            // ("Highway Patrol", "St. Louis"); a quarter's initials ("Street NW") do not. A
            // word for an area after it makes the street a neighbourhood's name.
            let next = words.get(k + 1);
            let goes_on = next.is_some_and(|&(_, w)| {
                let gap = gap(k + 1);
                (w.starts_with(|c: char| c.is_uppercase())
                    && !is_two_capitals(w)
                    && (gap == " " || (head == "St" && gap.trim() == ".")))
                    || (gap == " " && listed(w, AREA_WORDS))
            });
            if !goes_on {
                streets |= bit(name);
            }
        }
        if name.eq_ignore_ascii_case("block") && head == "of" {
            // "the 11200 block of Roxbury": the word before the head of the name after it,
            // as read above, or its first word but a compass point ("West Addison").
            let (mut first, mut last) = (None, None);
            for (j, &(_, w)) in words.iter().enumerate().skip(k + 1) {
                if !named(w) || (j > k + 1 && gap(j) != " ") {
                    break;
                }
                if is_head(j) && last.is_some() {
                    first = last;
                    break;
                }
                if first.is_none() && !listed(w, COMPASS) {
                    first = Some(w);
                }
                last = Some(w);
            }
            if let Some(w) = first {
                streets |= bit(w);
                blocks |= bit(w);
            }
        }
    }
    if blocks.count_ones() > 1 {
        0
    } else {
        streets
    }
}

/// Words before "Court" that make it a court of law's ("Circuit Court"), not a street's.
const COURTS: &[&str] = &[
    "Supreme",
    "District",
    "Circuit",
    "Superior",
    "County",
    "Juvenile",
    "Municipal",
    "Magistrate",
    "Family",
    "Criminal",
    "Federal",
    "State",
    "City",
    "Drug",
    "Traffic",
    "Claims",
    "Appeals",
    "Justice",
    "Probate",
    "General",
    "Sessions",
    "Common",
    "Pleas",
];

/// Compass points that open a street's name ("West Addison").
const COMPASS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "N",
    "S",
    "E",
    "W",
    "NE",
    "NW",
    "SE",
    "SW",
];

/// Words after a street's name that make it an area's ("the Beecher Terrace neighborhood").
const AREA_WORDS: &[&str] = &[
    "neighborhood",
    "neighbourhood",
    "area",
    "community",
    "corridor",
];

/// Whether two sets of streets (one bit per street, [`stated_streets`]) tell of different
/// places: both name streets and none of one is the other's.
pub(crate) fn contrary_streets(a: u128, b: u128) -> bool {
    a != 0 && b != 0 && a & b == 0
}

/// Whether an article's headline or first sentence counts several incidents: a round-up
/// ("Three Houston-area children in four days", "six shot in three separate incidents",
/// "two shootings"), whose later sentences tell of each.
pub(crate) fn counts_incidents(article: &CleanArticle) -> bool {
    let title = article.article.title.as_deref().map_or("", headline_part);
    let first = article
        .sentences
        .first()
        .map_or("", |s| article.sentence_text(s));
    [title, first].iter().any(|text| {
        let words: Vec<&str> = chorus_text::words(text).map(|w| w.1).collect();
        let several = |w: &str| {
            w.eq_ignore_ascii_case("several")
                || w.parse::<u32>().is_ok_and(|n| (2..=30).contains(&n))
                || number_word(w).is_some_and(|n| (2..=30).contains(&n))
        };
        words.iter().enumerate().any(|(k, w)| {
            let next = |j: usize| words.get(k + j).map_or("", |w| w.trim_end_matches('s'));
            several(w)
                && (listed(next(1), INCIDENTS)
                    || (listed(next(1), &["separate", "different"]) && listed(next(2), INCIDENTS))
                    || (listed(next(1), &["day"])
                        && k > 0
                        && listed(words[k - 1], &["in", "past", "last"])))
        })
    })
}

/// Words for an incident that a round-up counts ("two shootings"), as singulars.
const INCIDENTS: &[&str] = &["shooting", "incident", "attack", "accident"];

/// [`stated_ages`] of the first `lead` words of `text`.
fn ages_in(text: &str, lead: usize) -> u128 {
    let words: Vec<(usize, &str)> = chorus_text::words(text).take(lead).collect();
    let gap = |k: usize| &text[words[k - 1].0 + words[k - 1].1.len()..words[k].0];
    let mut ages = 0u128;
    for k in 1..words.len() {
        let w = words[k].1;
        let age = if k + 1 < words.len() && words[k + 1].1.eq_ignore_ascii_case("old") {
            // "16-year-old", "16 years old", "two-month-old".
            match w.to_ascii_lowercase().as_str() {
                "year" | "years" => age_before(&words, k),
                "month" | "months" | "week" | "weeks" | "day" | "days" => Some(0),
                _ => None,
            }
        } else if gap(k) == ", "
            && text[words[k].0 + w.len()..].starts_with(',')
            && (words[k - 1].1.starts_with(char::is_uppercase)
                || listed(words[k - 1].1, PERSON_NOUNS))
        {
            // "Marcus Seichter, 17, of Beloit", "boy, 6,": an age set off after a name or
            // a word for a person.
            w.parse::<u32>().ok().filter(|n| (1..=110).contains(n))
        } else {
            None
        };
        if let Some(n) = age.filter(|&n| n < 128) {
            ages |= 1u128 << n;
        }
    }
    ages
}

/// Words for a person that an age set off by commas may follow ("Little Rock boy, 6,
/// fatally shot").
const PERSON_NOUNS: &[&str] = &[
    "boy", "girl", "man", "woman", "teen", "teenager", "toddler", "child", "son", "daughter",
];

/// The age written before word `k` ("year"): digits, or number words ("twenty-four").
fn age_before(words: &[(usize, &str)], k: usize) -> Option<u32> {
    let w = words[k - 1].1;
    if let Ok(n) = w.parse::<u32>() {
        return Some(n);
    }
    let units = number_word(w)?;
    let tens = k
        .checked_sub(2)
        .and_then(|j| number_word(words[j].1))
        .filter(|&t| t >= 20 && t % 10 == 0 && units < 10);
    Some(tens.unwrap_or(0) + units)
}

/// The value of a number word up to ninety ("seven", "Twelve", "forty").
fn number_word(w: &str) -> Option<u32> {
    chorus_text::number_word_value(w)
        .filter(|&v| v < 100.0)
        .map(|v| v as u32)
}

/// Names that most of the event's articles share (multi-word names first), most shared first.
pub(crate) fn shared_names(
    vocab: &Vocabulary,
    event: &[usize],
    names: &[Vec<u32>],
    k: usize,
) -> Vec<String> {
    let mut count: HashMap<u32, usize> = HashMap::default();
    let mut ids: Vec<u32> = Vec::new();
    for &i in event {
        ids.clear();
        ids.extend(
            names[i]
                .iter()
                .filter(|&&t| vocab.shown_figure(t).is_none())
                .map(|&t| vocab.shown_as(t)),
        );
        ids.sort_unstable();
        ids.dedup();
        for &t in &ids {
            *count.entry(t).or_insert(0) += 1;
        }
    }
    let need = if event.len() > 1 { 2 } else { 1 };
    let mut v: Vec<(u32, usize, f32)> = count
        .into_iter()
        .filter(|&(_, n)| n >= need)
        .map(|(t, n)| (t, n, vocab.shown_name(t).1))
        .collect();
    // Most shared first, then the rarer name in the collection, then the longer one.
    v.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
    // Multi-word names first; a single name inside one already shown adds nothing.
    v.sort_by_key(|x| !vocab.shown_name(x.0).0.contains(' '));
    let mut out: Vec<String> = Vec::new();
    for (t, _, _) in v {
        let s = vocab.shown_name(t).0;
        let lower = s.to_lowercase();
        let covered = out.iter().any(|o| {
            let o = o.to_lowercase();
            o == lower || o.split(' ').any(|w| w == lower)
        });
        if !covered && !s.is_empty() {
            out.push(s.to_string());
        }
        if out.len() == k {
            break;
        }
    }
    out
}

/// The event's shared `specifics` as written: a piece of a larger figure ("800" where the
/// texts write "1,800", [`Vocabulary::is_figure_piece`]) as the whole figure that holds it
/// and that most of the event's articles holding one write, when two or more write it; else
/// not at all: no text wrote "800".
pub(crate) fn shown_specifics(
    vocab: &Vocabulary,
    event: &[usize],
    names: &[Vec<u32>],
    specifics: &[u32],
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &t in specifics {
        let shown = if vocab.is_figure_piece(t) {
            let piece = vocab.surface(t);
            let mut count: HashMap<&str, usize> = HashMap::default();
            for &i in event {
                let mut wrote: Vec<&str> = names[i]
                    .iter()
                    .filter_map(|&n| vocab.shown_figure(n))
                    .filter(|f| f.split([',', '.']).any(|p| p == piece))
                    .collect();
                wrote.sort_unstable();
                wrote.dedup();
                for f in wrote {
                    *count.entry(f).or_insert(0) += 1;
                }
            }
            count
                .into_iter()
                .filter(|&(_, n)| n >= 2)
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                .map(|(f, _)| f.to_string())
        } else {
            Some(vocab.surface(t).to_string())
        };
        if let Some(s) = shown.filter(|s| !out.contains(s)) {
            out.push(s);
        }
    }
    out
}

/// Terms that most of the event's articles share, strongest first, as surface words.
pub(crate) fn shared_terms<'a>(
    vocab: &Vocabulary,
    event: &[usize],
    vector: impl Fn(usize) -> &'a SparseVector,
    k: usize,
) -> Vec<String> {
    let mut weight: HashMap<u32, (f32, usize)> = HashMap::default();
    for &i in event {
        for &(t, w) in vector(i) {
            let e = weight.entry(t).or_insert((0.0, 0));
            e.0 += w;
            e.1 += 1;
        }
    }
    let need = if event.len() > 1 { 2 } else { 1 };
    let mut v: Vec<(u32, f32)> = weight
        .into_iter()
        .filter(|(_, (_, n))| *n >= need)
        .map(|(t, (w, _))| (t, w))
        .collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out: Vec<String> = Vec::new();
    for (t, _) in v {
        let s = vocab.surface(t).to_string();
        // Multi-word names are listed among the names; a piece of a figure ("800" of
        // "1,800") is no word a text wrote.
        if s.contains(' ') || vocab.is_figure_piece(t) {
            continue;
        }
        if !out.contains(&s) {
            out.push(s);
        }
        if out.len() == k {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chorus_model::Article;

    #[test]
    fn time_stamps_are_found_from_their_label_to_their_last_figure_or_zone() {
        let text = "Shooting in Gary Posted: Tuesday, May 26, 2015 6:39 AM EDT Updated: \
                    Wednesday, May 27, 2015 4:49 AM EDT\n\nCreated: 09/21/2015 3:54 PM KSTP.com \
                    Police Updated the public on Monday. Posted Tuesday, Ann said.";
        let found: Vec<&str> = time_stamps(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            vec![
                "Posted: Tuesday, May 26, 2015 6:39 AM EDT",
                "Updated: Wednesday, May 27, 2015 4:49 AM EDT",
                "Created: 09/21/2015 3:54 PM",
            ]
        );
    }

    #[test]
    fn phone_numbers_are_found_whole_and_dates_and_scores_are_not() {
        let text = "Call (216) 623-5464, 816-474-TIPS or 1-866-7LOCKUP. On 2015-06-22 it was \
                    14-7 at 9:30; ref 123-456-78 and 555.123.4567.";
        let found: Vec<&str> = phone_numbers(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            vec![
                "(216) 623-5464",
                "816-474-TIPS",
                "1-866-7LOCKUP",
                "555.123.4567"
            ]
        );
    }

    #[test]
    fn phone_numbers_and_time_stamps_give_no_terms() {
        let article = CleanArticle::verbatim(Article {
            id: "a".into(),
            body: "Posted: Monday, May 4, 2015 6:39 PM EDT\n\nA man was shot on Lerna Street \
                   on Monday. Call 555-123-4567."
                .into(),
            ..Article::default()
        });
        let mut vocab = Vocabulary::default();
        let (counts, _) = vocab.add(&article, &FeatureConfig::default(), &Terms::default());
        let terms: Vec<&str> = counts.iter().map(|c| vocab.surface(c.0)).collect();
        for kept in ["shot", "Lerna Street", "monday"] {
            assert!(terms.contains(&kept), "{kept}: {terms:?}");
        }
        for gone in ["posted", "2015", "39", "edt", "555", "4567"] {
            assert!(!terms.contains(&gone), "{gone}: {terms:?}");
        }
    }
    #[test]
    fn a_piece_of_a_larger_figure_is_shown_as_the_whole_figure() {
        let article = |id: &str, body: &str| {
            CleanArticle::verbatim(Article {
                id: id.into(),
                body: body.into(),
                ..Article::default()
            })
        };
        let mut vocab = Vocabulary::default();
        let config = FeatureConfig::default();
        let mut terms = Vec::new();
        let mut names = Vec::new();
        for (id, body) in [
            (
                "a",
                "About 1,800 dockers walked out over 3.25 tonnes in 2015.",
            ),
            ("b", "Some 1,800 dockers walked out in 2015."),
            ("c", "Some 800 guards stayed in 2015 over 7.25 tonnes."),
        ] {
            let (counts, n) = vocab.add(&article(id, body), &config, &Terms::default());
            terms.extend(counts.into_iter().map(|c| c.0));
            names.push(n);
        }
        let specific = vocab.specific();
        let id = |s: &str| {
            *terms
                .iter()
                .find(|&&t| vocab.surface(t) == s)
                .unwrap_or_else(|| panic!("{s} is a term"))
        };
        // "800" is written inside "1,800" in two of three articles, "25" only inside "3.25"
        // and "7.25": pieces of figures, not "2015". All link articles as figures do.
        assert!(vocab.is_figure_piece(id("800")));
        assert!(vocab.is_figure_piece(id("25")));
        assert!(!vocab.is_figure_piece(id("2015")));
        for t in ["25", "800", "2015"] {
            assert_ne!(specific[id(t) as usize], u32::MAX, "{t}");
        }
        // Shown as written: the piece as the whole figure two articles of the event write,
        // else not at all; the figure names give no shared name.
        let shown = |event: &[usize], t: &[&str]| {
            let t: Vec<u32> = t.iter().map(|s| id(s)).collect();
            shown_specifics(&vocab, event, &names, &t)
        };
        assert_eq!(shown(&[0, 1], &["800", "2015"]), ["1,800", "2015"]);
        assert_eq!(shown(&[0, 2], &["25", "800", "2015"]), ["2015"]);
        let shared = shared_names(&vocab, &[0, 1], &names, 10);
        assert!(!shared.iter().any(|n| n.contains("800")), "{shared:?}");
    }

    /// An article of `title` and `body` whose first sentence runs to the first ". ".
    fn lead_article(title: &str, body: &str) -> CleanArticle {
        let mut a = CleanArticle::verbatim(Article {
            id: "a".into(),
            title: Some(title.into()),
            body: body.into(),
            ..Article::default()
        });
        let first = body.find(". ").map_or(body.len(), |k| k + 1);
        a.sentences = vec![chorus_model::Sentence {
            start: 0,
            end: first,
            paragraph: 0,
        }];
        a
    }

    #[test]
    fn a_lead_that_counts_several_incidents_is_a_round_up() {
        let article = lead_article;
        for (title, body) in [
            (
                "Three Houston-area children in four days accidentally shoot themselves",
                "x.",
            ),
            (
                "Six shot",
                "Six people were shot in three separate incidents overnight.",
            ),
            ("Police investigate 2 shootings", "A man was hurt."),
            (
                "Shootings",
                "Three people were shot in the past two days in the city.",
            ),
        ] {
            assert!(counts_incidents(&article(title, body)), "{title} {body}");
        }
        for (title, body) in [
            (
                "Boy, 4, shot",
                "A 4-year-old boy shot himself on Sunday. Two shootings followed.",
            ),
            ("Two men shot in Compton", "Two men were shot on Friday."),
            ("Three days after the shooting", "Police named the victim."),
        ] {
            assert!(!counts_incidents(&article(title, body)), "{title} {body}");
        }
    }

    #[test]
    fn a_multi_word_name_knows_its_own_words() {
        let mut vocab = Vocabulary::default();
        let article = CleanArticle::verbatim(Article {
            id: "a".into(),
            body: "Shots rang out in East Flatbush, where Flatbush Avenue meets the park. \
                   Residents of East Flatbush said so."
                .into(),
            ..Article::default()
        });
        vocab.add(&article, &FeatureConfig::default(), &Terms::default());
        let id = |key: &str| vocab.ids[key];
        let words = |name: &str| {
            let mut w: Vec<&str> = vocab
                .parts()
                .of(id(&format!("\u{1}{name}")))
                .iter()
                .map(|&t| vocab.surface(t))
                .collect();
            w.sort_unstable();
            w
        };
        assert_eq!(words("East Flatbush"), vec!["east", "flatbush"]);
        assert_eq!(words("Flatbush Avenue"), vec!["avenue", "flatbush"]);
        // A word is made of none.
        assert!(vocab.parts().of(id("flatbush")).is_empty());
    }

    /// Whether a term (as shown) of the vocabulary of `texts`, an article each, has `flag` in
    /// [`Vocabulary::specific`]'s answer; None when it is no specific.
    #[test]
    fn words_written_in_a_persons_or_a_things_name_are_name_words() {
        let mut vocab = Vocabulary::default();
        let article = CleanArticle::verbatim(Article {
            id: "a".into(),
            body: "A boy was hurt in the 8800 block of South Saginaw, police said. \
                   Police arrested Jamick Dakota Corley on Friday. Children of Saginaw found a gun. \
                   Trotwood Police Department officers came."
                .into(),
            ..Article::default()
        });
        let (counts, names) = vocab.add(&article, &FeatureConfig::default(), &Terms::default());
        let words: Vec<&str> = vocab
            .name_words(&names, &counts)
            .iter()
            .map(|&t| vocab.surface(t))
            .collect();
        // A person's name holds its words; a town alone, a street's name after a compass
        // point and an institution's name do not.
        assert!(words.contains(&"jamick") && words.contains(&"corley"));
        // A figure (the block) is the article's own as well.
        assert!(words.contains(&"8800"));
        for w in ["saginaw", "trotwood", "police"] {
            assert!(!words.contains(&w), "{w} in {words:?}");
        }
    }

    fn flag_of(texts: &[&str], flag: u32) -> impl Fn(&str) -> Option<bool> {
        let untitled: Vec<(&str, &str)> = texts.iter().map(|&body| ("", body)).collect();
        flag_of_titled(&untitled, flag)
    }

    /// [`flag_of`] for articles given as (title, body), no title where it is empty.
    fn flag_of_titled(articles: &[(&str, &str)], flag: u32) -> impl Fn(&str) -> Option<bool> {
        let mut vocab = Vocabulary::default();
        for (k, &(title, body)) in articles.iter().enumerate() {
            let article = CleanArticle::verbatim(Article {
                id: format!("a{k}"),
                title: (!title.is_empty()).then(|| title.to_string()),
                body: body.to_string(),
                ..Article::default()
            });
            vocab.add(&article, &FeatureConfig::default(), &Terms::default());
        }
        let specific = vocab.specific();
        move |surface: &str| {
            let id = (0..vocab.keys.len() as u32)
                .find(|&t| vocab.surface(t) == surface)
                .unwrap_or_else(|| panic!("{surface}"));
            let df = specific[id as usize];
            (df != u32::MAX).then_some(df & flag != 0)
        }
    }

    #[test]
    fn names_written_after_a_spokespersons_role_are_voices() {
        let texts = [
            "A teen was shot on Panay Street, said police spokeswoman Jodi Silva, adding \
             that Corbin George died. Jodi Silva spoke. Corbin George was 17.",
            "Six were hurt at a festival, police Sgt. Jodi Silva said. Corbin George was not.",
            "Corbin George was a friend of the family, Jodi Silva said. Sheriff Chris Nocco \
             spoke too, and so did Mayor Ras Baraka.",
            "Mayor Ras Baraka called it senseless.",
        ];
        let flags = flag_of(&texts, VOICE);
        // After a role in two of its three articles: a voice, as a phrase and word by word.
        assert_eq!(flags("Jodi Silva"), Some(true));
        assert_eq!(flags("silva"), Some(true));
        // A sheriff speaks for a county's office.
        assert_eq!(flags("Sheriff Chris Nocco"), Some(true));
        assert_eq!(flags("nocco"), Some(true));
        // So does a mayor for a city.
        assert_eq!(flags("Mayor Ras Baraka"), Some(true));
        assert_eq!(flags("baraka"), Some(true));
        // Never after one: a person of the story.
        assert_eq!(flags("Corbin George"), Some(false));
    }

    #[test]
    fn names_written_after_a_public_offices_title_are_public_figures() {
        let texts = [
            "The deal passed, said Senate Minority Leader Chuck Schumer. Anna Pike was there.",
            "Sen. Lindsey Graham and Senate Minority Leader Chuck Schumer met Anna Pike.",
            "Anna Pike spoke of Russian President Vladimir Putin; North Korean leader Kim \
             Jong Un had not, nor had Lindsey Graham.",
            "A decree by President Vladimir Putin. The South Carolina Republican was Lindsey \
             Graham, said the Russian Foreign Ministry.",
        ];
        let public = flag_of(&texts, PUBLIC);
        assert_eq!(public("Senate Minority Leader Chuck Schumer"), Some(true));
        assert_eq!(public("schumer"), Some(true));
        assert_eq!(public("putin"), Some(true));
        assert_eq!(public("Kim Jong Un"), Some(true));
        // After a title in one of its three articles: not mostly.
        assert_eq!(public("Lindsey Graham"), Some(false));
        assert_eq!(public("Anna Pike"), Some(false));
        // A ministry and a state's party member are public bodies: institutions.
        let institution = flag_of(&texts, INSTITUTION);
        assert_eq!(institution("Russian Foreign Ministry"), Some(true));
        assert_eq!(institution("South Carolina Republican"), Some(true));
        assert_eq!(institution("Anna Pike"), Some(false));
    }

    #[test]
    fn names_in_credits_are_institutions() {
        fn credited(text: &str) -> Vec<&str> {
            credits(text).into_iter().map(|r| &text[r]).collect()
        }
        // Chinese is indexed by overlapping pairs of characters: no gap to read, no panic.
        assert_eq!(
            credited(
                "\u{65b0}\u{6cd5}\u{5f8b}\u{548c} Photo: \u{7167}\u{7247}\u{ff1a}Erik Trautman"
            ),
            Vec::<&str>::new()
        );
        assert_eq!(
            credited("BUFFALO, N.Y. (WIVB) \u{2013} Police say four were shot (one fatally)."),
            ["WIVB"]
        );
        assert_eq!(
            credited("NEW YORK, Jan. 1, 2020 /PRNewswire/ -- Microwave Devices market grew."),
            ["PRNewswire"]
        );
        assert_eq!(
            credited("Washington (CNN) Sarah Sanders was asked"),
            ["CNN"]
        );
        assert_eq!(
            credited("A man died. Photo: Jon Shapley, Houston Chronicle / Staff Photographer"),
            ["Jon Shapley, Houston Chronicle / Staff Photographer"]
        );
        assert_eq!(
            credited("Shopping (Image: UpperCut Images/Getty) on an empty stomach"),
            ["UpperCut Images/Getty"]
        );
        assert_eq!(
            credited("Photo: Screen Grab Courtesy 21 Pro Video Image 1 of / 11 Caption"),
            ["Screen Grab Courtesy 21 Pro Video Image 1"]
        );
        assert_eq!(
            credited("(AP Photo/J. Scott Applewhite)"),
            ["J. Scott Applewhite"]
        );
        // A story's own words in brackets, a gallery's title, a photo of something: no credit.
        assert!(credited("Gov. Tom Corbett (R) said the photo by the pool was fine.").is_empty());
        assert!(credited("PHOTOS: Newt Gingrich's life and career").is_empty());
        let texts = [
            "A man was shot. Photo: 21 Pro Video Image 1 of 11",
            "A woman was hurt. Photo: Courtesy 21 Pro Video Image 2 of 11",
        ];
        let institution = flag_of(&texts, INSTITUTION);
        assert_eq!(institution("Pro Video Image"), Some(true));
    }

    #[test]
    fn capitals_of_a_headline_or_a_line_that_hold_a_common_word_weigh_as_institutions() {
        let articles = [
            (
                "Teen Killed In Austin Shooting",
                "A teen was shot near Cedar Street in Austin, police said.\n\nCall Star \
                 reporter Eric Weddle at 444-6222.",
            ),
            (
                "Two Hurt In Austin Shooting",
                "The shooting on Cedar Street hurt two, police said. Photo courtesy of Pro \
                 Video\n\nImage 2 of 11 Police at the scene.",
            ),
            (
                "Cedar Street Shooting",
                "Police closed the street, the mayor told CNN's \"State of the Union.\"\n\nCall \
                 Star reporter Tony Cook said so.",
            ),
        ];
        let flags = flag_of_titled(&articles, INSTITUTION);
        // Never written inside a sentence, with a common word ("shooting", "call", "image").
        assert_eq!(flags("Austin Shooting"), Some(true));
        assert_eq!(flags("Call Star"), Some(true));
        assert_eq!(flags("Pro Video Image"), Some(true));
        // Written inside a sentence once: a name, as are names made of names only.
        assert_eq!(flags("Cedar Street"), Some(false));
        assert_eq!(flags("Eric Weddle"), Some(false));
        // A quotation mark inside a sentence keeps it a name: a programme's.
        assert_eq!(flags("CNN State"), Some(false));
    }

    #[test]
    fn names_of_hospitals_counties_and_police_are_institutions() {
        let texts = [
            "A boy was taken to Jacobi Medical Center, where Marcus Webb died, IMPD said in Reno, NV. The Pasco \
             County Sheriff's Office and the Inland Regional Center said so. Tips go to Metro \
             Crime Stoppers. A witness told the Boston Globe so. WMC Memphis reported it \
             and so did KMOX. The Montgomery Regional Dispatch Center took the call.",
            "PITTSBURGH (KDKA) – Police said Marcus Webb was shot. He was taken to UF Health \
             Jacksonville, where Jacobi said nothing; Jacobi Medical Center did. The Boston Globe reports it. WMC Memphis has more, \
             as has KMOX, IMPD said in Las Vegas, NV. Calls go to the Montgomery Regional Dispatch Center.",
            "She was flown to Baylor Scott & White Hospital. Baylor Scott & White Hospital said so.",
            "He died at Baylor Scott & White Hospital in Temple.",
        ];
        let flags = flag_of(&texts, INSTITUTION);
        // A hospital, as a name and by its own word, which both articles write in it.
        assert_eq!(flags("Jacobi Medical Center"), Some(true));
        assert_eq!(flags("jacobi"), Some(true));
        assert_eq!(flags("Pasco County Sheriff Office"), Some(true));
        // A station's dateline run into the police it quotes.
        assert_eq!(flags("PITTSBURGH KDKA Police"), Some(true));
        // A tip line that serves a whole area.
        assert_eq!(flags("Metro Crime Stoppers"), Some(true));
        // A newspaper a report cites.
        assert_eq!(flags("Boston Globe"), Some(true));
        // A station's dateline, alone or with its city.
        assert_eq!(flags("WMC Memphis"), Some(true));
        assert_eq!(flags("kmox"), Some(true));
        // A health system's or a hospital's name with its campus or city after the head word.
        assert_eq!(flags("UF Health Jacksonville"), Some(true));
        // A state's postal code in a dateline.
        assert_eq!(flags("nv"), Some(true));
        // A police department's acronym.
        assert_eq!(flags("impd"), Some(true));
        // A dispatch centre takes every call of its area.
        assert_eq!(flags("Montgomery Regional Dispatch Center"), Some(true));
        // A hospital whose name holds an ampersand, by the words before it too.
        assert_eq!(flags("Baylor Scott White Hospital"), Some(true));
        assert_eq!(flags("baylor"), Some(true));
        // A centre that is no medical one is where an incident was; a victim is no institution.
        assert_eq!(flags("Inland Regional Center"), Some(false));
        assert_eq!(flags("Marcus Webb"), Some(false));
    }

    #[test]
    fn towns_after_in_and_streets_are_places() {
        let texts = [
            "Marcus Webb was shot in Miami Gardens on Cedar Street. Police near Vallejo said \
             Webb knew Dana Cole.",
            "Dana Cole was shot outside Vallejo, in the 200 block of Cedar Street in Miami \
             Gardens, and Marcus Webb saw it.",
        ];
        let flags = flag_of(&texts, PLACE);
        // A quarter or a town written after "in", "near" or "outside", and a street.
        assert_eq!(flags("Miami Gardens"), Some(true));
        assert_eq!(flags("vallejo"), Some(true));
        assert_eq!(flags("Cedar Street"), Some(true));
        // A name written elsewhere is no place, even beside one.
        assert_eq!(flags("Marcus Webb"), Some(false));
        assert_eq!(flags("Dana Cole"), Some(false));
    }

    #[test]
    fn an_agencys_initials_and_a_states_abbreviation_are_institutions() {
        let texts = [
            "STRATFORD, Wis. -- A man was shot near Stratford, Wis., and the DNR said so.",
            "Four hunters died near Eastman, Wis., said the DNR and Jon King of UNFPA.",
        ];
        let flags = flag_of(&texts, INSTITUTION);
        assert_eq!(flags("dnr"), Some(true));
        assert_eq!(flags("wis"), Some(true));
        // Initials without "the" may be the story's own body.
        assert_eq!(flags("unfpa"), Some(false));
    }

    #[test]
    fn a_place_written_before_a_days_name_is_a_place() {
        let texts = [
            "Two teens were on the patio of a house in Pine Hills Tuesday. A Pine Hills home \
             was hit.",
            "Three men walked into a Pine Hills gas station.",
        ];
        let flags = flag_of(&texts, PLACE);
        assert_eq!(flags("Pine Hills"), Some(true));
        // Without the place word before it, no place.
        let texts = [
            "Two teens were on the patio of a house on Pine Hills Tuesday. A Pine Hills home \
             was hit.",
            "Three men walked into a Pine Hills gas station.",
        ];
        assert_eq!(flag_of(&texts, PLACE)("Pine Hills"), Some(false));
    }

    #[test]
    fn a_town_written_after_in_and_in_its_polices_name_is_a_place() {
        let texts = [
            "A boy was shot in Benton on Tuesday.",
            "The Benton Police Department said a boy was shot.",
            "Lisa Benton said her son was shot in Marion.",
            "Lisa Benton said the Marion Police Department called.",
        ];
        let flags = flag_of(&texts, PLACE);
        // Once after "in", once in its police's name, once a surname: a town.
        assert_eq!(flags("benton"), Some(true));
        // Written after "in" in one of four, the rest a surname: no place.
        let texts = [
            "A boy was shot in Benton on Tuesday.",
            "Lisa Benton said a boy was shot.",
            "Lisa Benton said her son was shot in Marion.",
            "Mark Benton said the Marion Police Department called.",
        ];
        assert_eq!(flag_of(&texts, PLACE)("benton"), Some(false));
    }

    #[test]
    fn ages_are_read_from_the_headline_and_first_sentence_before_the_lead() {
        let article = lead_article;
        let ages = |a: &CleanArticle| {
            let bits = stated_ages(a, AGE_LEAD_WORDS);
            (0..128)
                .filter(|n| bits >> n & 1 == 1)
                .collect::<Vec<u32>>()
        };
        // The next sentence recalls another incident's child.
        let recalls = article(
            "Little Rock boy, 6, fatally shot",
            "A boy died Wednesday after he was shot. The shooting came a day after a \
             2-year-old boy died in Benton.",
        );
        assert_eq!(ages(&recalls), [6]);
        // Neither the headline nor the first sentence ages anyone: the lead does.
        let later = article(
            "Boy shot in Benton",
            "Police were called on Tuesday. A 2-year-old boy had been shot.",
        );
        assert_eq!(ages(&later), [2]);
    }

    #[test]
    fn streets_are_read_by_their_names_word_before_the_head_or_after_block_of() {
        let same = |a: &str, b: &str| {
            let (x, y) = (streets_in(a, 100), streets_in(b, 100));
            assert!(x != 0 && y != 0, "{a} / {b}");
            !contrary_streets(x, y)
        };
        // One street written with its head, after "block of", with a compass point.
        assert!(same(
            "He was shot on Roxbury Street near Britain.",
            "It happened in the 11200 block of Roxbury, near Cadieux Road."
        ));
        assert!(same(
            "It happened in the 1700 block of Century Circle South.",
            "The shooting was in the 1700 block of Century Circle where police found him."
        ));
        assert!(same(
            "The shooting happened on Trailer Park Court off Carroll Road.",
            "An incident in the 4900 block of Trailer Park Court on Saturday."
        ));
        assert!(!same(
            "It happened in the 300 block of North Payson Street at West Saratoga Street.",
            "Police reported a shooting in the 5500 block of Reisterstown Road."
        ));
        assert!(!same(
            "It happened near East 126th Street, the lieutenant said.",
            "The incident occurred on 136th Street at around 11:45 p.m."
        ));
        // No street: a head that goes on with another name, a court of law, an area, a
        // lowercase "street", a lead giving two blocks of other streets (a round-up).
        for text in [
            "The Florida Highway Patrol and St. Louis police said.",
            "He appeared in Circuit Court on Monday.",
            "Violence in his Beecher Terrace neighborhood worried him.",
            "He was shot on the street.",
            "A man died in the 1600 block of Cedar Avenue. Another was shot in the 2300 block \
             of Kemper Lane.",
        ] {
            assert_eq!(streets_in(text, 100), 0, "{text}");
        }
        // Only the first `lead` words are read.
        assert_eq!(streets_in("A man was shot on Elm Street.", 4), 0);
    }

    #[test]
    fn ages_are_read_from_a_lead_in_digits_words_and_after_names() {
        let ages = |text: &str, lead: usize| {
            let bits = ages_in(text, lead);
            (0..128)
                .filter(|n| bits >> n & 1 == 1)
                .collect::<Vec<u32>>()
        };
        assert_eq!(
            ages("A 16-year-old boy and a 9-month-old girl were shot.", 60),
            [0, 16]
        );
        assert_eq!(
            ages("A Twenty-four-year-old man, a two-year-old boy.", 60),
            [2, 24]
        );
        assert_eq!(ages("She is 30 years old.", 60), [30]);
        assert_eq!(
            ages("Police said Marcus Seichter, 17, of Beloit died.", 60),
            [17]
        );
        assert_eq!(ages("Little Rock boy, 6, fatally shot", 60), [6]);
        // No age: a count between commas after a common word, a year, a time.
        assert_eq!(
            ages("In all, 4, were hurt in 2015 at 10 p.m.", 60),
            Vec::<u32>::new()
        );
        // Only the lead is read.
        assert_eq!(
            ages("Four were shot. Earlier a 12-year-old died.", 3),
            Vec::<u32>::new()
        );
    }
}
