//! Errata: a learner's report of a problem with a question, the project
//! settings that say where reports go (`content/project.toml`), and the
//! content changelog (`content/CHANGELOG.toml`) behind the Changes page.
//! The compiler validates both files; the project ships in `index.json`,
//! the changelog in `changelog.json`, fetched by the Changes page only.
//!
//! A report is plain text carrying the question id, the content version and
//! the reason, so it reads the same pasted anywhere; with a tracker set it
//! also becomes a prefilled "new issue" link.

use serde::{Deserialize, Serialize};

/// Why the learner reports a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    WrongKey,
    Outdated,
    Unclear,
    Typo,
    Other,
}

impl Reason {
    pub const ALL: [Reason; 5] = [
        Reason::WrongKey,
        Reason::Outdated,
        Reason::Unclear,
        Reason::Typo,
        Reason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::WrongKey => "wrong_key",
            Reason::Outdated => "outdated",
            Reason::Unclear => "unclear",
            Reason::Typo => "typo",
            Reason::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Reason::WrongKey => "Wrong answer key",
            Reason::Outdated => "Outdated fact",
            Reason::Unclear => "Unclear",
            Reason::Typo => "Typo",
            Reason::Other => "Other",
        }
    }
}

/// One problem report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub question: String,
    /// The bank's content version (`index.json`'s `version`).
    pub version: String,
    pub reason: Reason,
    pub comment: String,
}

impl Report {
    pub fn title(&self) -> String {
        format!("{}: {}", self.question, self.reason.label())
    }

    /// The report as plain text, one field a line, then the comment.
    pub fn text(&self) -> String {
        let comment = self.comment.trim();
        format!(
            "Question: {}\nContent version: {}\nReason: {} ({})\n\n{}",
            self.question,
            self.version,
            self.reason.label(),
            self.reason.as_str(),
            if comment.is_empty() {
                "(no comment)"
            } else {
                comment
            },
        )
    }

    /// A prefilled new-issue link on the tracker: `?title=…&body=…`.
    pub fn issue_link(&self, issues_url: &str) -> String {
        let sep = if issues_url.contains('?') { '&' } else { '?' };
        format!(
            "{issues_url}{sep}title={}&body={}",
            encode(&self.title()),
            encode(&self.text())
        )
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `content/project.toml`: project-wide settings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Project {
    /// The tracker's "new issue" address; absent when the project has no
    /// public tracker, and reports are then copied as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issues_url: Option<String>,
}

/// One release of the content in `content/CHANGELOG.toml`, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ChangelogEntry {
    /// A content version, a date (`YYYY-MM-DD`), or both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixed: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<String>,
}

impl ChangelogEntry {
    /// The heading: the version and date as far as known.
    pub fn heading(&self) -> String {
        match (&self.version, &self.date) {
            (Some(v), Some(d)) => format!("{d} (version {v})"),
            (Some(v), None) => format!("Version {v}"),
            (None, Some(d)) => d.clone(),
            (None, None) => "Undated".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        Report {
            question: "d1-codedeploy-lambda".into(),
            version: "0123abcd".into(),
            reason: Reason::WrongKey,
            comment: "  B is right: see the 2026 page & FAQ.  ".into(),
        }
    }

    #[test]
    fn the_text_carries_id_version_and_reason() {
        let t = report().text();
        assert!(t.contains("Question: d1-codedeploy-lambda\n"), "{t}");
        assert!(t.contains("Content version: 0123abcd\n"), "{t}");
        assert!(t.contains("Reason: Wrong answer key (wrong_key)"), "{t}");
        assert!(
            t.ends_with("\n\nB is right: see the 2026 page & FAQ."),
            "{t}"
        );
        let empty = Report {
            comment: " ".into(),
            ..report()
        };
        assert!(empty.text().ends_with("(no comment)"));
    }

    #[test]
    fn the_issue_link_is_prefilled_and_encoded() {
        let link = report().issue_link("https://example.org/tracker/issues/new");
        assert!(link.starts_with(
            "https://example.org/tracker/issues/new?title=d1-codedeploy-lambda%3A%20Wrong%20answer%20key&body=Question%3A%20d1"
        ), "{link}");
        assert!(link.contains("%26%20FAQ."), "& is encoded: {link}");
        assert!(!link[link.find('?').unwrap() + 1..].contains(' '));
        let with_query = report().issue_link("https://example.org/new?template=x");
        assert!(with_query.contains("?template=x&title="), "{with_query}");
    }

    #[test]
    fn reasons_round_trip() {
        for r in Reason::ALL {
            assert_eq!(Reason::parse(r.as_str()), Some(r));
        }
        assert_eq!(Reason::parse("nope"), None);
        assert_eq!(encode("é"), "%C3%A9");
    }

    #[test]
    fn changelog_headings() {
        let e = |version: Option<&str>, date: Option<&str>| ChangelogEntry {
            version: version.map(Into::into),
            date: date.map(Into::into),
            ..ChangelogEntry::default()
        };
        assert_eq!(e(None, Some("2026-12-07")).heading(), "2026-12-07");
        assert_eq!(e(Some("abc"), None).heading(), "Version abc");
        assert_eq!(
            e(Some("abc"), Some("2026-12-07")).heading(),
            "2026-12-07 (version abc)"
        );
    }
}
