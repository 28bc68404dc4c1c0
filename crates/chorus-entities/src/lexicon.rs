//! The words entity detection leans on: gazetteers compiled into the binary from `data/`,
//! and the small closed word classes (titles, particles, cue words) that are part of English.

use chorus_model::EntityKind;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

const PLACES: &str = include_str!("../data/places.txt");
const ORGANISATIONS: &str = include_str!("../data/organisations.txt");
const DEMONYMS: &str = include_str!("../data/demonyms.txt");
const GIVEN_NAMES: &str = include_str!("../data/given-names.txt");

/// Name particles that join the parts of one name ("Bashar al Assad", "Ludwig van Beethoven")
/// and do not tell two names apart ("al-Assad" and "Assad" are the same name).
/// All are of two to five bytes: [`is_particle`] relies on it.
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "al", "el", "ul", "bin", "ibn", "bint", "ben", "de", "da", "di", "du", "dos", "das", "del",
    "della", "van", "von", "der", "den", "la", "le", "ter",
];

/// Particles that may open a name written in lower case ("al-Assad", "bin Salman").
const LEADING_PARTICLES: &[&str] = &["al", "el", "bin", "ibn"];

/// Titles before a name: a person cue, not part of the name.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "President", "Vice", "Prime", "Minister", "Foreign", "Defence", "Defense", "Interior",
    "Finance", "Secretary", "General", "Gen", "Deputy", "Crown", "Prince", "Princess", "King",
    "Queen", "Pope", "Sheikh", "Sheik", "Emir", "Sultan", "Mayor", "Governor", "Gov", "Senator",
    "Sen", "Congressman", "Congresswoman", "Representative", "Rep", "Chancellor", "Ambassador",
    "Commander", "Colonel", "Col", "Lieutenant", "Lt", "Captain", "Capt", "Major", "Maj",
    "Sergeant", "Sgt", "Admiral", "Marshal", "Judge", "Chairman", "Chairwoman", "Director",
    "Professor", "Prof", "Lord", "Lady", "Reverend", "Rev", "Imam", "Ayatollah", "Rabbi", "Bishop",
    "Archbishop", "Cardinal", "Speaker", "Spokesman", "Spokeswoman", "Premier", "Chief", "Attorney",
    "Commissioner", "Sheriff", "Monsignor", "Superintendent", "Supervisor", "Selectman",
    "Emeritus", "Officer", "Cmdr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame",
    "President-elect", "Leader", "Majority", "Minority", "Executive", "CEO", "Chair",
];

/// Honorifics: kept in the mention's surface form ("Mr Assad" is an alias), never in the name.
const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame"];

/// Lower-case role nouns right before a name ("HTS leader Abu Mohammed al Jolani").
#[rustfmt::skip]
const ROLE_NOUNS: &[&str] = &[
    "president", "leader", "minister", "spokesman", "spokeswoman", "spokesperson", "commander",
    "chief", "general", "mayor", "governor", "senator", "ambassador", "envoy", "premier",
    "chancellor", "king", "queen", "prince", "sheikh", "colonel", "captain", "judge", "director",
    "chairman", "founder", "dictator", "ruler", "activist", "journalist", "correspondent",
    "reporter", "analyst", "official", "lawyer", "professor", "dr", "mr", "mrs", "ms", "wife",
    "husband", "son", "daughter", "brother", "sister", "father", "mother", "uncle", "aunt",
    "cousin", "widow", "nephew", "niece", "grandson", "granddaughter", "secretary", "executive",
    "engineer", "lawmaker", "politician", "diplomat", "officer", "soldier", "resident", "farmer",
    "teacher", "doctor", "nurse", "student", "economist", "researcher", "scientist", "expert",
    "author", "writer", "singer", "actor", "actress", "player", "coach", "manager", "owner",
    "candidate", "negotiator", "conciliator", "mediator", "prosecutor", "inspector",
    "investigator", "witness", "survivor", "businessman", "businesswoman", "cleric",
    "frenchman", "frenchwoman", "englishman", "englishwoman", "irishman", "irishwoman",
    "scotsman", "scotswoman", "welshman", "welshwoman", "dutchman", "dutchwoman", "briton",
];

/// Verbs of saying right after a name.
#[rustfmt::skip]
const SAY_VERBS: &[&str] = &[
    "said", "says", "told", "tells", "declared", "declares", "added", "announced", "stated",
    "insisted", "warned", "argued", "wrote", "tweeted", "asked", "replied", "claimed", "explained",
    "urged", "vowed", "promised", "admitted", "denied", "recalled",
];

/// Words in a span that make it an organisation.
#[rustfmt::skip]
const ORG_WORDS: &[&str] = &[
    "Agency", "Agencies", "Party", "Council", "Ministry", "Front", "News", "Union", "Court", "Army",
    "Police", "Bank", "University", "Committee", "Group", "Company", "Corporation", "Corp", "Inc",
    "Ltd", "Association", "Service", "Services", "Forces", "Force", "Organisation", "Organization",
    "Institute", "Foundation", "Commission", "Assembly", "Parliament", "Congress", "Senate",
    "Government", "Department", "Board", "Authority", "Federation", "League", "Movement", "Brigade",
    "Brigades", "Network", "Times", "Post", "Journal", "Press", "Media", "Television", "Radio",
    "Club", "Fund", "Trust", "Alliance", "Coalition", "Command", "Guard", "Guards", "Navy", "Corps",
    "Bureau", "School", "College", "Airlines", "Airways", "Holdings", "Observatory", "Secretariat",
    "Cabinet", "Motors", "Battalion", "Regiment", "Division", "Office", "Rail", "Railway",
    "Railways", "Metro", "Transit", "Fire", "Rescue", "Ambulance", "Hospital", "Polytechnic",
    "Inspectorate", "Academy", "Cooperative", "Co-operative", "Tribunal", "Chamber", "Society",
    "Charity", "Industries", "Partnership", "Herald", "Tribune", "Chronicle", "Gazette", "Courier",
    "Telegraph", "Observer", "Wire", "Embassy", "Consulate", "Committees", "Councils",
    "Parties", "Unions", "Ministries", "Courts", "Co",
];

/// Last words of a span that make it a place ("Umayyad Mosque", "Mexico City").
#[rustfmt::skip]
const PLACE_HEADS: &[&str] = &[
    "City", "Mosque", "Square", "Street", "Road", "Avenue", "Airport", "Palace", "Province",
    "Governorate", "Region", "District", "County", "River", "Sea", "Ocean", "Lake", "Mountain",
    "Mountains", "Island", "Islands", "Valley", "Bay", "Gulf", "Strait", "Desert", "Peninsula",
    "Heights", "Hills", "Coast", "Airbase", "Prison", "Camp", "Bridge", "Park", "Port", "Harbour",
    "Harbor", "Village", "Town", "Canal", "Cathedral", "Church", "Stadium", "Tower", "Crossing",
    "Plain", "Plateau", "Oasis",
];

/// Lower-case nouns that make a nearby name a place ("Saydnaya military prison", "the city of
/// Homs", "the Damascus suburbs").
#[rustfmt::skip]
const PLACE_NOUNS: &[&str] = &[
    "city", "town", "village", "province", "region", "district", "capital", "prison", "airport",
    "base", "airbase", "port", "camp", "border", "crossing", "suburbs", "suburb", "outskirts",
    "governorate", "neighbourhood", "neighborhood", "streets", "square", "squares", "country",
    "state", "island", "coast",
];

/// Lower-case nouns near a name that make it an organisation ("the TASS news agency", "the
/// group Hamas").
#[rustfmt::skip]
const ORG_NOUNS: &[&str] = &[
    "agency", "agencies", "group", "party", "militia", "newspaper", "broadcaster", "channel",
    "network", "company", "firm", "ministry", "movement", "faction", "organisation", "organization",
    "coalition", "alliance", "outlet", "daily", "insurgents", "band", "magazine", "paper",
    "website", "label", "team", "manufacturer", "maker", "airline", "carrier", "retailer",
    "insurer", "publisher",
];

/// Prepositions before a place ("in Moscow", "from Syria"); a weak cue.
#[rustfmt::skip]
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "from", "near", "to", "at", "into", "across", "outside", "inside", "towards", "toward",
];

/// Capitalised only because they open a sentence or a title: never part of a name.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you",
    "his", "her", "hers", "its", "their", "our", "your", "my", "him", "them", "me", "us", "in",
    "on", "at", "by", "for", "from", "to", "of", "with", "without", "into", "onto", "over", "under",
    "after", "before", "during", "since", "until", "while", "when", "where", "why", "how", "what",
    "who", "whom", "whose", "which", "as", "if", "but", "and", "or", "nor", "so", "yet", "also",
    "then", "now", "there", "here", "however", "meanwhile", "although", "though", "because",
    "despite", "amid", "among", "between", "across", "against", "along", "around", "behind",
    "beyond", "near", "about", "above", "below", "within", "throughout", "toward", "towards",
    "upon", "via", "per", "some", "many", "most", "more", "much", "few", "several", "all", "any",
    "each", "every", "both", "either", "neither", "no", "not", "other", "others", "another", "such",
    "one", "two", "three", "last", "next", "first", "once", "still", "even", "just", "only",
    "already", "again", "instead", "thus", "therefore", "moreover", "furthermore", "indeed",
    "perhaps", "today", "yesterday", "tomorrow", "tonight", "earlier", "later", "is", "are", "was",
    "were", "be", "been", "has", "have", "had", "do", "does", "did", "would", "could", "should",
    "may", "might", "must", "shall", "being", "please", "yes", "oh", "whether", "unlike", "like",
    "according", "up", "down", "out", "off",
];

/// Month and day names: capitalised, but dates rather than entities.
#[rustfmt::skip]
const CALENDAR: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday",
];

/// All-capital words that are common nouns, not organisations.
#[rustfmt::skip]
const COMMON_ACRONYMS: &[&str] = &[
    "TV", "CEO", "CFO", "GDP", "UTC", "GMT", "AM", "PM", "DNA", "ID", "OK", "HQ", "VIP", "SUV",
    "FAQ", "PDF", "USB", "URL", "MP", "MPS", "AI", "PR", "GPS", "CCTV", "RPG", "LGBT", "COVID",
];

/// Words of a web page's controls, credits and captions (lower case): around a story they
/// are buttons and labels ("Share", "Sign Up", "Image caption", "Hide Caption", "AP Photo"),
/// never a name or a part of one.
#[rustfmt::skip]
const PAGE_WORDS: &[&str] = &[
    "share", "shares", "tweet", "retweet", "email", "e-mail", "print", "comment", "comments",
    "photo", "photos", "image", "caption", "video", "videos", "embed", "replay", "sign",
    "signup", "continue", "advertisement", "advertising", "sponsored", "subscribe",
    "subscription", "newsletter", "newsletters", "login", "logout", "skip", "hide", "slideshow",
    "gallery", "thumbnail", "copyright", "download", "click", "tap", "expand", "collapse",
    "loading", "autoplay", "fullscreen", "enlarge", "playlist", "podcast", "permalink",
    "bookmark", "unmute", "mute", "scroll", "toggle", "menu",
];

/// Whether `word` is in `list`, through a hash set built on first use (the lists are looked up
/// for every token).
fn member(
    set: &'static OnceLock<HashSet<&'static str>>,
    list: &'static [&'static str],
    word: &str,
) -> bool {
    set.get_or_init(|| list.iter().copied().collect())
        .contains(word)
}

pub(crate) fn is_particle(lower: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    // No particle is longer than "della": most words are told apart without hashing.
    (2..=5).contains(&lower.len()) && member(&SET, PARTICLES, lower)
}

pub(crate) fn is_leading_particle(lower: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    member(&SET, LEADING_PARTICLES, lower)
}

/// Bits of [`classes`]: the word lists that hold a string, exactly as given (the lists of
/// capitalised words are asked about words as written, the others about lower-case forms).
pub(crate) const TITLE: u16 = 1;
pub(crate) const HONORIFIC: u16 = 1 << 1;
pub(crate) const ORG_WORD: u16 = 1 << 2;
pub(crate) const PLACE_HEAD: u16 = 1 << 3;
pub(crate) const COMMON_ACRONYM: u16 = 1 << 4;
pub(crate) const ROLE_NOUN: u16 = 1 << 5;
pub(crate) const SAY_VERB: u16 = 1 << 6;
pub(crate) const PLACE_NOUN: u16 = 1 << 7;
pub(crate) const ORG_NOUN: u16 = 1 << 8;
pub(crate) const PLACE_PREPOSITION: u16 = 1 << 9;
pub(crate) const FUNCTION_WORD: u16 = 1 << 10;
pub(crate) const CALENDAR_WORD: u16 = 1 << 11;
pub(crate) const PAGE_WORD: u16 = 1 << 12;

/// Which word lists hold `word`: one lookup answers every `is_…` question about it, so a
/// token asked several of them (as name spans are) is hashed once.
pub(crate) fn classes(word: &str) -> u16 {
    static MAP: OnceLock<HashMap<&'static str, u16>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: HashMap<&'static str, u16> = HashMap::default();
        for (list, bit) in [
            (TITLES, TITLE),
            (HONORIFICS, HONORIFIC),
            (ORG_WORDS, ORG_WORD),
            (PLACE_HEADS, PLACE_HEAD),
            (COMMON_ACRONYMS, COMMON_ACRONYM),
            (ROLE_NOUNS, ROLE_NOUN),
            (SAY_VERBS, SAY_VERB),
            (PLACE_NOUNS, PLACE_NOUN),
            (ORG_NOUNS, ORG_NOUN),
            (PLACE_PREPOSITIONS, PLACE_PREPOSITION),
            (FUNCTION_WORDS, FUNCTION_WORD),
            (CALENDAR, CALENDAR_WORD),
            (PAGE_WORDS, PAGE_WORD),
        ] {
            for &w in list {
                *map.entry(w).or_default() |= bit;
            }
        }
        map
    })
    .get(word)
    .copied()
    .unwrap_or(0)
}

pub(crate) fn is_title(word: &str) -> bool {
    classes(word) & TITLE != 0
}

/// Whether `word` is a demonym or similar adjective, singular or plural ("Syrian", "Syrians").
pub(crate) fn is_demonym(word: &str) -> bool {
    let set = demonyms();
    set.contains(word) || word.strip_suffix('s').is_some_and(|w| set.contains(w))
}

/// Whether `word` is a common given name ("Jake", "Ngozi").
pub(crate) fn is_given_name(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(GIVEN_NAMES).collect())
        .contains(word)
}

fn demonyms() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(DEMONYMS).collect())
}

fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A known entity from the gazetteers.
#[derive(Debug)]
pub(crate) struct GazetteerEntry {
    pub(crate) kind: EntityKind,
}

/// Gazetteer entries and the name keys that find them.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    pub(crate) entries: Vec<GazetteerEntry>,
    by_key: HashMap<String, usize>,
}

impl Gazetteer {
    /// The entry whose name or alias has this key (see [`crate::names::key`]).
    pub(crate) fn lookup(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }
}

pub(crate) fn gazetteer() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(|| {
        let mut g = Gazetteer {
            entries: Vec::new(),
            by_key: HashMap::default(),
        };
        for (data, kind) in [
            (PLACES, EntityKind::Place),
            (ORGANISATIONS, EntityKind::Organisation),
        ] {
            for line in data_lines(data) {
                let id = g.entries.len();
                g.entries.push(GazetteerEntry { kind });
                for name in line.split('|').map(str::trim).filter(|n| !n.is_empty()) {
                    let name = name.strip_prefix("The ").unwrap_or(name);
                    // First line wins: a key shared by two entries stays with the first.
                    g.by_key.entry(crate::names::key(name)).or_insert(id);
                }
            }
        }
        g
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_are_two_to_five_bytes() {
        assert!(PARTICLES.iter().all(|p| (2..=5).contains(&p.len())));
        assert!(PARTICLES.iter().all(|p| is_particle(p)));
        assert!(!is_particle("a") && !is_particle("assad"));
    }

    #[test]
    fn gazetteer_files_name_their_source_and_parse() {
        for data in [PLACES, ORGANISATIONS, DEMONYMS, GIVEN_NAMES] {
            assert!(
                data.starts_with("# Source: "),
                "every data file opens with its source"
            );
        }
        let g = gazetteer();
        let kind = |name: &str| {
            g.lookup(&crate::names::key(name))
                .map(|i| g.entries[i].kind)
        };
        assert_eq!(kind("Hmeimim"), Some(EntityKind::Place));
        assert_eq!(kind("Tartus"), kind("Tartous"));
        assert_eq!(kind("Tass"), Some(EntityKind::Organisation));
        assert_eq!(kind("UN Security Council"), Some(EntityKind::Organisation));
        assert_ne!(
            g.lookup(&crate::names::key("Moscow")),
            g.lookup(&crate::names::key("Russia"))
        );
        assert!(is_demonym("Syrians") && is_demonym("Kurdish") && !is_demonym("Syria"));
        assert!(is_given_name("Bashar") && !is_given_name("Assad"));
    }
}
