//! Which sentences may stand in the account: page debris that survived cleaning (headlines,
//! captions, bylines and datelines, links, truncated teasers, tables of figures, reader-
//! addressing lines) reads badly on its own, so it gets a weight below one. The rules look at
//! the shape of the sentence only, never at a particular site's wording.

/// Whether a word names a month, in full (`chorus_text::MONTH_NAMES`) or by its usual
/// abbreviation, any case: for captions that end in a date (and, in `differences.rs`,
/// numbers beside a month, which are dates).
pub(crate) fn is_month(word: &str) -> bool {
    const ABBREVIATIONS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];
    chorus_text::MONTH_NAMES
        .iter()
        .chain(&ABBREVIATIONS)
        .any(|m| word.eq_ignore_ascii_case(m))
}

/// How fit `text` is to be an account sentence: 1.0 for prose, less for debris, 0.0 for lines
/// that must never be shown on their own.
pub(crate) fn fitness(text: &str) -> f32 {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let n = words.len();
    if n < 4 {
        return 0.0;
    }
    // Links, in any case (no character outside ASCII lower-cases to one of these letters):
    // each marker ends in '/' or '.', so only those bytes are looked behind, in one pass.
    let b = t.as_bytes();
    let ends_at = |end: usize, marker: &[u8]| {
        end >= marker.len() && b[end - marker.len()..end].eq_ignore_ascii_case(marker)
    };
    let link = b.iter().enumerate().any(|(i, &c)| match c {
        b'/' => {
            ends_at(i + 1, b"http://") || ends_at(i + 1, b"https://") || ends_at(i + 1, b".com/")
        }
        b'.' => ends_at(i + 1, b"www."),
        _ => false,
    });
    if link {
        return 0.0;
    }
    // A teaser cut off mid-sentence.
    if t.ends_with("...") || t.ends_with('…') {
        return 0.0;
    }
    // Headlines, captions, labels and datelines have no final punctuation.
    let last = t.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    if !last.ends_with(['.', '!', '?']) {
        return 0.0;
    }
    let mut f = 1.0;
    // Tables and timestamps: mostly figures.
    let figures = words
        .iter()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .count();
    if figures * 3 > n {
        f *= 0.3;
    }
    // A sentence that is mostly capitalised words is a name list, a byline or a headline.
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if n >= 6 && capitalised * 10 > n * 7 {
        f *= 0.3;
    }
    // Photo captions: "(L)", "(R)", or a closing dateline ("..., June 5, 2017.").
    let tail = &words[n.saturating_sub(3)..];
    let dated = tail.len() == 3
        && is_month(tail[0].trim_end_matches('.'))
        && tail[2].trim_end_matches('.').len() == 4
        && tail[2]
            .trim_end_matches('.')
            .chars()
            .all(|c| c.is_ascii_digit());
    if dated || t.contains("(L)") || t.contains("(R)") || t.contains("(C)") {
        f *= 0.3;
    }
    // A fragment that starts in lower case continues a sentence the splitter cut.
    if t.chars().next().is_some_and(char::is_lowercase) {
        f *= 0.5;
    }
    // Very short sentences say little on their own.
    if n < 8 {
        f *= n as f32 / 8.0;
    }
    // Questions and exclamations seldom state a fact.
    if last.ends_with('?') {
        f *= 0.5;
    }
    // Lines that address the reader ("click here", "share your thoughts in the comments").
    let cues = [
        "click",
        "subscribe",
        "sign",
        "comments",
        "newsletter",
        "follow",
        "check",
    ];
    let (mut addresses, mut cued) = (false, false);
    for (_, w) in chorus_text::words(t) {
        addresses |= ["you", "your", "here"]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x));
        cued |= cues.iter().any(|x| w.eq_ignore_ascii_case(x));
    }
    if addresses && cued {
        f *= 0.2;
    }
    f
}

#[cfg(test)]
mod tests {
    use super::fitness;

    #[test]
    fn prose_is_fit_and_debris_is_not() {
        let fit = [
            "The Rockies said fans can exchange them for corrected jerseys at a September date.",
            "DENVER (AP) — Troy Tulowitzki has a tough name to spell, even at his own ballpark.",
            "“We will win the vote in March,” the rebel leader said.",
        ];
        for s in fit {
            assert_eq!(fitness(s), 1.0, "{s}");
        }
        let never = [
            "Jimmy Interviews Khaleesi from Game of Thrones (Kristen Wiig)",
            "Get more Jimmy Fallon:",
            "NBC YouTube: http://bit.ly/1dM1qBH",
            // Links in running prose, in any case.
            "The ministry posted the full statement at HTTPS://example.org/statement on Monday.",
            "Readers can find the complete list of winners at WWW.example.org this week.",
            "The council published the plan on its site, example.Com/plans, last Tuesday.",
            "She plans to use another federal program to have her...",
            "Published on Apr 29, 2015",
            "Third, he left.",
        ];
        for s in never {
            assert_eq!(fitness(s), 0.0, "{s}");
        }
        let weak = [
            "For a full recap of the night’s big winners, click here.",
            "Did Trump have lawful authority to fire Comey?",
            "“We will win,” he said.",
            "A child looks at flowers after a vigil in London, Monday, June 5, 2017.",
            "Bahraini activist Zainab al-Khawaja (L) is greeted by her sister after her release.",
            "and then the crowd went home to wait for the results.",
            "Family Size 100% 138% 150% 200% 250% 1 $12,140 16,753 18,210 24,280.",
        ];
        for s in weak {
            let f = fitness(s);
            assert!(f > 0.0 && f < 1.0, "{s}: {f}");
        }
    }
}
