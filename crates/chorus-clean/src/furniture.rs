//! Rules that recognise site furniture in one paragraph, without knowing the outlet:
//! navigation labels ("Read more:", "Related:"), link lists under them, copyright and credit
//! lines, forms' field labels, and promo text, which addresses the reader or the page itself
//! ("you", "our app", "this story is being updated") about apps, alerts, subscriptions or page
//! updates.

/// Navigation and section labels that precede links or stand alone on news pages.
const LABELS: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "read next",
    "more",
    "related",
    "related articles",
    "related stories",
    "related coverage",
    "related content",
    "related links",
    "see also",
    "more on this story",
    "more on this",
    "watch",
    "listen",
    "trending",
    "trending news",
    "most read",
    "most popular",
    "recommended",
    "advertisement",
    "sponsored",
    "sponsored content",
    "skip to content",
    "share this",
    "share",
    "tweet",
    "email",
    "print",
    "comments",
    "continue reading",
    "story continues below",
    "top stories",
    "latest news",
    "you may also like",
    "don't miss",
    "more from",
    "follow",
    "subscribe",
    "ad",
    "photo",
    "video",
];

/// Words that mark promo text when the paragraph also addresses the reader or itself.
const PROMO_CUES: &[&str] = &[
    "app",
    "apps",
    "alert",
    "alerts",
    "notification",
    "notifications",
    "newsletter",
    "newsletters",
    "subscribe",
    "subscription",
    "subscriber",
    "subscribers",
    "follow",
    "whatsapp",
    "youtube",
    "facebook",
    "twitter",
    "instagram",
    "tiktok",
    "channel",
    "podcast",
    "inbox",
    "email",
    "download",
    "refresh",
    "page",
    "browser",
    "javascript",
    "cookie",
    "cookies",
    "updated",
    "update",
    "updates",
    "version",
    "register",
    "login",
    "premium",
    "smartphone",
    "tablet",
    "phone",
    "device",
    "click",
    "tap",
    "link",
    "shortly",
    "ad",
    "ads",
    "amended",
    "corrected",
    "correction",
    "sign",
    "feedback",
    "tips",
    "contact",
];

/// Words that address the reader; imperative openers count when they start the paragraph.
const READER_WORDS: &[&str] = &["you", "your", "you're", "please", "us", "our", "ours"];
const IMPERATIVES: &[&str] = &[
    "subscribe",
    "sign",
    "download",
    "get",
    "follow",
    "join",
    "click",
    "tap",
    "share",
    "watch",
    "listen",
    "register",
    "log",
    "like",
    "support",
    "donate",
];
const SELF_NOUNS: &[&str] = &["story", "article", "page", "report", "post", "blog", "feed"];
/// Words a web address is read as.
const URL_WORDS: &[&str] = &["http", "https", "www"];

/// Labels of a page's buttons and gallery controls ("Close", "Buy Photo", "Caption Close",
/// "Share Email Print"): scraped as text they run into the paragraph beside them, and the same
/// labels under stories of different events would link them.
const CONTROL_WORDS: &[&str] = &[
    "close",
    "buy",
    "photo",
    "photos",
    "video",
    "videos",
    "image",
    "images",
    "gallery",
    "caption",
    "share",
    "email",
    "print",
    "comment",
    "comments",
    "tweet",
    "expand",
    "collapse",
    "toggle",
    "enlarge",
    "fullscreen",
    "next",
    "previous",
    "prev",
    "play",
    "replay",
    "pause",
    "hide",
    "show",
    "save",
    "copy",
    "link",
];

/// Most words a line of control labels runs to; a longer run of these words is a sentence.
const CONTROL_RUN_MAX: usize = 6;

/// How many of the first words are capitalised control labels ("Close Get email
/// notifications…" has one): a control's label is written capitalised, a story's word often not.
fn leading_controls(words: &[&str], original: &[&str]) -> usize {
    words
        .iter()
        .zip(original)
        .take_while(|(w, o)| CONTROL_WORDS.contains(w) && o.starts_with(|c: char| c.is_uppercase()))
        .count()
}

/// The words of `text` in lower case with "’" as "'", written one after another into `buf`
/// and returned as slices of it (one buffer for the paragraph, not a string per word).
fn lower_words<'b>(text: &str, buf: &'b mut String) -> Vec<&'b str> {
    buf.clear();
    let mut ends = Vec::new();
    for (_, w) in chorus_text::words(text) {
        chorus_text::push_lower_word(buf, w);
        ends.push(buf.len());
    }
    let buf: &'b str = buf;
    let mut start = 0;
    ends.into_iter()
        .map(|end| {
            let w = &buf[start..end];
            start = end;
            w
        })
        .collect()
}

fn label_of(lower: &str) -> Option<(&'static str, &str)> {
    let lower = lower.trim_start_matches(['▶', '►', '•', '-', '–', '—', '>', ' ']);
    for &label in LABELS {
        if let Some(rest) = lower.strip_prefix(label) {
            let rest = rest.trim_start();
            if rest.is_empty() || rest.trim_end_matches(['.', '!', ' ']).is_empty() {
                return Some((label, ""));
            }
            if let Some(after) = rest.strip_prefix([':', '|', '»', '›']) {
                return Some((label, after.trim()));
            }
        }
    }
    None
}

/// A label line with no link text of its own: the lines after it may be a link list.
pub fn is_link_label(text: &str) -> bool {
    label_of(&text.to_lowercase()).is_some_and(|(_, rest)| rest.is_empty())
}

/// A line that reads like a headline link: short, capitalised, no final period.
pub fn looks_like_link(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    let first_upper = t
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    words > 0 && words <= 16 && first_upper && !t.ends_with(['.', '”', '"', ',', ';'])
}

/// A list of messages (`data/*-messages.txt`), each as its lower-case words.
type Messages = Vec<Vec<String>>;

fn read_messages(text: &str) -> Messages {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let mut buf = String::new();
            let mut words = Vec::new();
            for piece in line.split_whitespace() {
                if piece == "*" {
                    words.push("*".to_string());
                } else {
                    words.extend(lower_words(piece, &mut buf).into_iter().map(str::to_string));
                }
            }
            words
        })
        .collect()
}

/// Messages of embedded players and widgets (`data/embed-messages.txt`).
fn embed_messages() -> &'static Messages {
    static LIST: std::sync::OnceLock<Messages> = std::sync::OnceLock::new();
    LIST.get_or_init(|| read_messages(include_str!("../data/embed-messages.txt")))
}

/// What a site shows in place of a story: sign-in and registration forms, script and
/// cookie walls, pages gone or not found, hosting placeholders (`data/site-messages.txt`).
fn site_messages() -> &'static Messages {
    static LIST: std::sync::OnceLock<Messages> = std::sync::OnceLock::new();
    LIST.get_or_init(|| read_messages(include_str!("../data/site-messages.txt")))
}

/// Whether `words` are one message of `list` after another and nothing else ("Rating is
/// available when the video has been rented. This feature is not available right now.").
/// A `*` in a message stands for any one word ("to use *": the site's name).
fn made_of(words: &[&str], list: &Messages) -> bool {
    let fits = |m: &Vec<String>, rest: &[&str]| {
        m.len() <= rest.len() && m.iter().zip(rest).all(|(a, b)| a == "*" || a == b)
    };
    let mut rest = words;
    while !rest.is_empty() {
        let Some(m) = list
            .iter()
            .filter(|m| fits(m, rest))
            .max_by_key(|m| m.len())
        else {
            return false;
        };
        rest = &rest[m.len()..];
    }
    true
}

/// Words about crawling and archiving web pages.
const ARCHIVE_WORDS: &[&str] = &[
    "crawl",
    "crawls",
    "crawled",
    "crawler",
    "crawling",
    "wayback",
    "archive-it",
    "warc",
];
/// Words about the web itself, which make a crawl word mean a web crawl.
const WEB_WORDS: &[&str] = &[
    "web",
    "pages",
    "page",
    "urls",
    "url",
    "seed",
    "seedlist",
    "hosts",
    "captures",
    "links",
    "outlinks",
    "internet",
    "data",
    "collection",
    "archive",
    "archived",
    "domain",
    "machine",
];

/// A notice of the web archive a page was captured by ("These crawls are part of an effort
/// to archive pages…", "…donating their crawl data to the Internet Archive").
fn is_archive_notice(lower: &str, words: &[&str]) -> bool {
    lower.contains("internet archive")
        || lower.contains("wayback machine")
        || (words.iter().any(|w| ARCHIVE_WORDS.contains(w))
            && words.iter().any(|w| WEB_WORDS.contains(w)))
}

/// Labels of a form's fields as a page writes them beside its boxes ("First Name", "Job
/// Title", "Email address"): capitalised as labels, not as words of a sentence.
const FORM_LABELS: &[&str] = &[
    "First Name",
    "Last Name",
    "Full Name",
    "Email Address",
    "Email address",
    "E-mail Address",
    "E-mail address",
    "Job Title",
    "Telephone",
    "Phone Number",
    "Password",
    "Username",
    "Zip Code",
    "Postal Code",
    "Company Name",
    "Organisation",
    "Organization",
];

/// A sign-up or registration form scraped as text ("Email address First Name Last Name
/// Organisation Job Title Telephone City State / Province … Alabama Alaska …"): four of its
/// field labels ([`FORM_LABELS`], each written as a whole word or words) in one paragraph.
/// A story that tells of stolen passwords and email addresses writes them in lower case.
fn is_form(text: &str) -> bool {
    let whole = |label: &str| {
        text.match_indices(label).any(|(i, m)| {
            let before = text[..i].chars().next_back();
            let after = text[i + m.len()..].chars().next();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
                && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
        })
    };
    FORM_LABELS.iter().filter(|l| whole(l)).count() >= 4
}

/// What a photo's caption or credit opens with where a page keeps it as a paragraph ("Image
/// copyright Getty Images Image caption …", "Enlarge this image toggle caption …"): a caption
/// says what a picture shows, and is no statement of the story's.
const CAPTION_MARKS: &[&str] = &[
    "image copyright",
    "image caption",
    "media caption",
    "enlarge this image",
    "toggle caption",
    "hide caption",
    "buy this photo",
    "buy photo",
];

/// Why a paragraph is furniture by rule, or `None` when it may be story text.
pub fn furniture_reason(text: &str, max_words: usize) -> Option<&'static str> {
    let lower = text.to_lowercase();
    if label_of(&lower).is_some() {
        return Some("link_label");
    }
    if CAPTION_MARKS.iter().any(|m| {
        lower
            .strip_prefix(m)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    }) {
        return Some("caption");
    }
    let mut buf = String::new();
    let words = lower_words(text, &mut buf);
    if words.is_empty() {
        return None;
    }
    if made_of(&words, embed_messages()) {
        return Some("embed_message");
    }
    if made_of(&words, site_messages()) {
        return Some("site_message");
    }
    let original: Vec<&str> = chorus_text::words(text).map(|(_, w)| w).collect();
    if words.len() <= CONTROL_RUN_MAX && leading_controls(&words, &original) == words.len() {
        return Some("controls");
    }
    // Archive notices run longer than promo lines; a story paragraph about a web archive is
    // rarely this dense in crawl vocabulary.
    if words.len() <= 4 * max_words && is_archive_notice(&lower, &words) {
        return Some("archive_notice");
    }
    // A form's labels run into its lists of countries and states, far longer than a promo
    // line, and quote the characters a password may hold.
    if words.len() <= 4 * max_words && is_form(text) {
        return Some("form");
    }
    if words.len() > 3 * max_words {
        return None;
    }
    let long = words.len() > max_words;
    let short = words.len() <= 25;
    // A network's notice runs longer than a line ("TM and © Copyright 2014 CBS Radio Inc. and
    // its relevant subsidiaries. … All Rights Reserved. This material may not be published
    // …"), and its names, the same under every story of the network's stations, would link
    // them; a story's paragraph does not reserve rights.
    let notice = words.len() <= 60 && lower.contains("all rights reserved");
    if notice
        || short
            && (lower.contains('©')
                || lower.contains("all rights reserved")
                || lower.starts_with("copyright"))
    {
        return Some("copyright");
    }
    if short
        && (lower.starts_with("reporting by")
            || lower.starts_with("editing by")
            || lower.starts_with("additional reporting"))
    {
        return Some("credits");
    }
    // Quoted speech may address "you" or "us"; it is story, not furniture.
    if text.contains(['“', '”', '"', '«', '»']) {
        return None;
    }
    // A button's label before an imperative ("Close Get email notifications…") hides it.
    let lead = leading_controls(&words, &original).min(words.len() - 1);
    let addresses_reader = words.iter().zip(&original).any(|(w, o)| {
        // "US" the country is not "us" the reader.
        READER_WORDS.contains(w) && !(*w == "us" && *o != "us")
    }) || IMPERATIVES.contains(&words[0])
        || IMPERATIVES.contains(&words[lead]);
    let self_reference = words
        .windows(4)
        .any(|w| w[0] == "this" && w[1..].iter().any(|x| SELF_NOUNS.contains(x)))
        || (words.len() < 4 && words[0] == "this" && words.iter().any(|x| SELF_NOUNS.contains(x)));
    // A row of buttons before a story's sentence ("SHARE COPY LINK Broward Circuit Judge…")
    // names its cues as labels; one word before the rest ("Email us…") is the imperative.
    let cues_from = if lead >= 2 { lead } else { 0 };
    let cues = words[cues_from..]
        .iter()
        .filter(|w| PROMO_CUES.contains(w))
        .count();
    if long {
        // A newsletter or sign-up widget's run of messages ("Newsletter Sign Up … Please
        // verify you're not a robot … You must select a newsletter to subscribe to. Sign Up
        // You agree to receive …") is longer than a promo line but dense in both: a story
        // paragraph this long rarely addresses the reader three times.
        let reader = words.iter().filter(|w| READER_WORDS.contains(w)).count();
        return (reader >= 3 && cues >= 4 && (reader + cues) * 8 >= words.len()).then_some("promo");
    }
    if (addresses_reader || self_reference) && cues >= 1 {
        return Some("promo");
    }
    // A line that gives the page's own address ("Read or Share this story: http://…") carries
    // the outlet's link words, the same under its stories of different events; a story's
    // sentence that cites a web address names another page, not itself.
    if self_reference && words.iter().any(|w| URL_WORDS.contains(w)) {
        return Some("own_link");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<&str>) {
        assert_eq!(furniture_reason(text, 60), expected, "{text}");
    }

    #[test]
    fn furniture_by_rule() {
        check("Read more: Why the bridge fell", Some("link_label"));
        check("RELATED:", Some("link_label"));
        check("Advertisement", Some("link_label"));
        check(
            "Get our app to receive alerts on your phone.",
            Some("promo"),
        );
        check("This developing story is being updated.", Some("promo"));
        check("Sign up for the morning newsletter", Some("promo"));
        check(
            "© 2026 Valley Media Ltd. All rights reserved.",
            Some("copyright"),
        );
        check(
            "(TM and © Copyright 2014 CBS Radio Inc. and its relevant subsidiaries. CBS RADIO \
             and EYE Logo TM and Copyright 2014 CBS Broadcasting Inc. Used under license. All \
             Rights Reserved. This material may not be published, broadcast, rewritten, or \
             redistributed.)",
            Some("copyright"),
        );
        check(
            "Rating is available when the video has been rented. This feature is not \
             available right now. Please try again later.",
            Some("embed_message"),
        );
        check("Add a location to your Tweets", Some("embed_message"));
        check(
            "JavaScript is disabled. You need to enable JavaScript to use SoundCloud.",
            Some("site_message"),
        );
        check(
            "Already have an account? Thank you for registering!",
            Some("site_message"),
        );
        check(
            "Email notifications are only sent once a day, and only if there are new matching \
             items.",
            Some("site_message"),
        );
        check(
            "These crawls are part of an effort to archive pages as they are created.",
            Some("archive_notice"),
        );
        check(
            "Enter your details below for immediate access. The password must contain one of \
             the following characters: \"!#$%\". Email address First Name Last Name \
             Organisation Job Title Telephone City State / Province USA Alabama Alaska Arizona \
             Arkansas California Colorado Connecticut Delaware Florida Georgia United Kingdom \
             Ukraine Uruguay Uzbekistan Vanuatu Vatican City Venezuela Vietnam Yemen Zambia",
            Some("form"),
        );
        check(
            "Hackers stole the passwords, email addresses, phone numbers and usernames of 50 \
             million users, the company said, and its Organization for Security asked them to \
             change their Password settings.",
            None,
        );
        check(
            "Flowing in every day, these data are added to the Wayback Machine.",
            Some("archive_notice"),
        );
    }

    #[test]
    fn a_long_sign_up_widget_is_furniture_a_long_paragraph_about_an_app_is_not() {
        check("Newsletter Sign Up Continue reading the main story Please verify you're not a robot by clicking the box. Invalid email address. Please re-enter. You must select a newsletter to subscribe to. Sign Up You agree to receive occasional updates and special offers for our products and services. Thank you for subscribing. An error has occurred. Please try again later. View all our newsletters. Follow us on Twitter and Facebook for the latest updates, and download our app for alerts on your phone.", Some("promo"));
        check("The company said the new app, which lets drivers pay tolls from a phone, had been downloaded two million times in its first month. Regulators in three states are reviewing how the app stores location data, and a consumer group has asked the company to publish its privacy policy. The chief executive told investors that subscriptions would rise again next quarter, though analysts were doubtful. Shares fell 4 percent on the news, and the company's rivals are expected to announce similar services before the end of the year.", None);
    }

    #[test]
    fn a_caption_kept_as_a_paragraph_is_furniture() {
        check("Image copyright Getty Images Image caption The band broke up in 1980 following the death of its drummer", Some("caption"));
        check("Image caption Paul Conroy was smuggled across the border and is said to be in good spirits.", Some("caption"));
        check(
            "Enlarge this image toggle caption Bryan Bedder/Getty Images Bryan Bedder/Getty Images",
            Some("caption"),
        );
        check("Image captions written by the agency were changed after the complaint, the editor said.", None);
    }

    #[test]
    fn a_line_of_control_labels_is_furniture_a_sentence_with_those_words_is_not() {
        check("Enlarge", Some("controls"));
        check("Photos", Some("controls"));
        check("Caption Close", Some("controls"));
        check("Share Email Print", Some("controls"));
        check(
            "Close Get email notifications on Jane Doe daily!",
            Some("promo"),
        );
        check(
            "Buy Photo Police talk with a witness near the scene. (Photo: Staff)Buy Photo",
            Some("caption"),
        );
        // Lower case, or a sentence that opens with such a word: story words.
        check("close", None);
        check("Close to the scene.", None);
        check(
            "Close friends said he would get the email notifications daily.",
            None,
        );
        check(
            "Buy photographs of the scene, the police told reporters, were sold online.",
            None,
        );
    }

    #[test]
    fn a_line_giving_the_pages_own_address_is_furniture_a_cited_address_is_not() {
        check(
            "Read or Share this story: http://on.example.com/1B0NV0n",
            Some("own_link"),
        );
        check(
            "Permalink to this article: https://www.example.org/a/1",
            Some("own_link"),
        );
        check(
            "The Daily Sentinel reports (http://bit.ly/1qs43G4) that the boy was arrested.",
            None,
        );
        check(
            "This story first ran in the Sentinel, the mayor's office said on its website.",
            None,
        );
    }

    #[test]
    fn story_text_is_not_furniture() {
        check("Readers of the report were shocked.", None);
        check("More than 40 people died.", None);
        check("The US said its app would alert residents.", None);
        check("He told reporters: “Please follow us to the square.”", None);
        check(
            "Watchdogs said the page of accounts had been updated.",
            None,
        );
        check(
            "Russia requested a meeting, an official posted on Telegram.",
            None,
        );
        check(
            "Please try again, the minister told the striking nurses.",
            None,
        );
        check(
            "Traffic slowed to a crawl on the ring road after the crash.",
            None,
        );
        // A site message inside a sentence of the story is story.
        check(
            "Page not found, the court was told, was all the ministry's site showed.",
            None,
        );
        // "*" stands for one word, not for none.
        let cut = "you need to enable javascript to use"
            .split(' ')
            .collect::<Vec<_>>();
        assert!(!made_of(&cut, site_messages()));
    }
}
