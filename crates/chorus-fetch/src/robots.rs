//! A robots.txt parser after RFC 9309: `User-agent` groups with `Allow` / `Disallow` rules
//! (`*` wildcards, `$` anchors, the longest match wins and `Allow` wins ties), plus
//! `Crawl-delay`.

use std::time::Duration;

/// RFC 9309 lets crawlers stop reading after 500 KiB.
const MAX_ROBOTS_BYTES: usize = 500 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    allow: bool,
    pattern: String,
}

/// The rules of one robots.txt that apply to one crawler.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Robots {
    rules: Vec<Rule>,
    /// `Crawl-delay` of the chosen group, when given.
    pub crawl_delay: Option<Duration>,
}

#[derive(Default)]
struct Group {
    agents: Vec<String>,
    rules: Vec<Rule>,
    crawl_delay: Option<Duration>,
}

impl Robots {
    /// Everything allowed (no robots.txt, or a 4xx for it).
    pub fn allow_all() -> Robots {
        Robots::default()
    }

    /// The rules for the crawler whose product token is `agent` (e.g. `chorus`): the groups
    /// naming it (case-insensitive), else the `*` groups, else nothing (all allowed).
    pub fn parse(text: &[u8], agent: &str) -> Robots {
        let text = String::from_utf8_lossy(&text[..text.len().min(MAX_ROBOTS_BYTES)]);
        let agent = agent.to_ascii_lowercase();
        let mut groups: Vec<Group> = Vec::new();
        let mut in_rules = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or_default().trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if in_rules || groups.is_empty() {
                        groups.push(Group::default());
                        in_rules = false;
                    }
                    if let Some(g) = groups.last_mut() {
                        g.agents.push(value.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    in_rules = true;
                    // An empty Disallow allows everything: it is no rule at all.
                    if value.is_empty() {
                        continue;
                    }
                    if let Some(g) = groups.last_mut() {
                        g.rules.push(Rule {
                            allow: key == "allow",
                            pattern: value.to_string(),
                        });
                    }
                }
                "crawl-delay" => {
                    in_rules = true;
                    let delay = value
                        .parse::<f64>()
                        .ok()
                        .filter(|d| d.is_finite() && *d >= 0.0)
                        .map(|d| Duration::from_secs_f64(d.min(3600.0)));
                    if let Some(g) = groups.last_mut() {
                        g.crawl_delay = delay;
                    }
                }
                _ => {}
            }
        }
        let named = |g: &&Group| {
            g.agents.iter().any(|a| {
                let token = a.split('/').next().unwrap_or_default().trim();
                !token.is_empty() && token != "*" && token == agent
            })
        };
        let chosen: Vec<&Group> = if groups.iter().any(|g| named(&g)) {
            groups.iter().filter(named).collect()
        } else {
            groups
                .iter()
                .filter(|g| g.agents.iter().any(|a| a == "*"))
                .collect()
        };
        Robots {
            rules: chosen.iter().flat_map(|g| g.rules.clone()).collect(),
            crawl_delay: chosen.iter().find_map(|g| g.crawl_delay),
        }
    }

    /// Whether a path (with its query, e.g. `/news?id=1`) may be fetched.
    pub fn allows(&self, path: &str) -> bool {
        if path == "/robots.txt" {
            return true;
        }
        let mut best: Option<(usize, bool)> = None;
        for rule in &self.rules {
            if matches(&rule.pattern, path) {
                let len = rule.pattern.len();
                best = match best {
                    Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                    _ => Some((len, rule.allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// Whether `pattern` (`*` = any run of bytes, a final `$` = end of path) matches a prefix of
/// `path` (the whole path when anchored).
fn matches(pattern: &str, path: &str) -> bool {
    let (p, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p.as_bytes(), true),
        None => (pattern.as_bytes(), false),
    };
    let s = path.as_bytes();
    let (mut pi, mut si) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() || pi < p.len() {
        if pi < p.len() {
            if p[pi] == b'*' {
                star = Some((pi, si));
                pi += 1;
                continue;
            }
            if si < s.len() && p[pi] == s[si] {
                pi += 1;
                si += 1;
                continue;
            }
        } else if !anchored {
            return true;
        }
        match star {
            Some((sp, ss)) if ss < s.len() => {
                star = Some((sp, ss + 1));
                pi = sp + 1;
                si = ss + 1;
            }
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(robots: &str, agent: &str, cases: &[(&str, bool)]) {
        let r = Robots::parse(robots.as_bytes(), agent);
        for (path, allowed) in cases {
            assert_eq!(r.allows(path), *allowed, "{path} for {agent} in\n{robots}");
        }
    }

    const ROBOTS: &str = "# comment\nUser-agent: *\nDisallow: /private/\nAllow: /private/open\nDisallow: /*.pdf$\nCrawl-delay: 2\n\nUser-agent: Chorus\nUser-agent: other\nDisallow: /\nAllow: /news/\n";

    #[test]
    fn groups_and_longest_match() {
        check(
            ROBOTS,
            "somebot",
            &[
                ("/", true),
                ("/private/x", false),
                ("/private/open/page", true),
                ("/a/b.pdf", false),
                ("/a/b.pdf?x", true),
                ("/robots.txt", true),
            ],
        );
        check(
            ROBOTS,
            "chorus",
            &[("/", false), ("/news/today", true), ("/robots.txt", true)],
        );
        assert_eq!(
            Robots::parse(ROBOTS.as_bytes(), "somebot").crawl_delay,
            Some(Duration::from_secs(2))
        );
        assert_eq!(Robots::parse(ROBOTS.as_bytes(), "chorus").crawl_delay, None);
    }

    #[test]
    fn empty_and_odd_files() {
        check("", "chorus", &[("/", true)]);
        check("Disallow: /\n", "chorus", &[("/", true)]);
        check("User-agent: *\nDisallow:\n", "chorus", &[("/x", true)]);
        check(
            "User-agent: *\nAllow: /p\nDisallow: /p\n",
            "chorus",
            &[("/page", true)],
        );
        check("\u{0}\u{ff}garbage\n:::\n", "chorus", &[("/", true)]);
    }

    #[test]
    fn wildcards() {
        assert!(matches("/a*c", "/abbbc"));
        assert!(matches("/a*c", "/abcd"));
        assert!(!matches("/a*c$", "/abcd"));
        assert!(matches("*", "/"));
        assert!(matches("/a$", "/a"));
        assert!(!matches("/a$", "/ab"));
        assert!(!matches("/ab", "/a"));
    }
}
