//! The compiled question model: what the content compiler emits and the app
//! reads. Markdown is already rendered to escaped HTML here, so the browser
//! never parses Markdown and never sees raw HTML from content.

use serde::{Deserialize, Serialize};

use super::blueprint::Blueprint;

/// Position of an option within its question (0-based, in authored order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ChoiceId(pub u8);

impl ChoiceId {
    /// The letter shown to learners: A, B, C …
    pub fn letter(self) -> char {
        char::from(b'A' + self.0)
    }
}

/// Single answer (one of four) or multiple response ("Choose N").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Kind {
    Single,
    Multiple { choose: u8 },
}

impl Kind {
    /// How many options a complete answer selects.
    pub fn picks(self) -> usize {
        match self {
            Kind::Single => 1,
            Kind::Multiple { choose } => usize::from(choose),
        }
    }

    /// The instruction the real exam prints after a multiple-response stem.
    pub fn instruction(self) -> Option<String> {
        match self {
            Kind::Single => None,
            Kind::Multiple { choose } => Some(format!("Choose {}.", number_word(choose))),
        }
    }
}

fn number_word(n: u8) -> String {
    const WORDS: [&str; 9] = [
        "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT",
    ];
    WORDS
        .get(usize::from(n))
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    /// The lowercase name used in URLs and labels.
    pub fn as_str(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }
}

/// One option of a question. `text` and `explanation` are rendered HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub text: String,
    pub correct: bool,
    pub explanation: String,
}

/// A validated, rendered question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub domain: u8,
    pub task: String,
    pub services: Vec<String>,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<Difficulty>,
    /// Rendered HTML: a note on a retired or closed service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_note: Option<String>,
    /// Rendered HTML.
    pub stem: String,
    pub options: Vec<Choice>,
    pub references: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<String>,
}

impl Question {
    pub fn choice_ids(&self) -> impl Iterator<Item = ChoiceId> + '_ {
        (0..self.options.len()).map(|i| ChoiceId(i as u8))
    }

    pub fn is_correct(&self, id: ChoiceId) -> bool {
        self.options
            .get(usize::from(id.0))
            .is_some_and(|c| c.correct)
    }

    pub fn meta(&self) -> QuestionMeta {
        QuestionMeta {
            id: self.id.clone(),
            domain: self.domain,
            task: self.task.clone(),
            services: self.services.clone(),
            kind: self.kind,
            difficulty: self.difficulty,
        }
    }
}

/// What the index says about a question, enough to build practice sets and
/// exams without downloading the question itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionMeta {
    pub id: String,
    pub domain: u8,
    pub task: String,
    pub services: Vec<String>,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<Difficulty>,
}

/// Where the questions of one domain live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainFile {
    pub domain: u8,
    /// File name relative to the index, content-hashed for caching.
    pub file: String,
    pub count: usize,
}

/// `data/index.json`: the entry point to the question bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentIndex {
    /// Hash of everything emitted; changes whenever any question changes.
    pub version: String,
    pub blueprint: Blueprint,
    pub files: Vec<DomainFile>,
    pub questions: Vec<QuestionMeta>,
    /// The search index file (`search.<hash>.json`, see
    /// [`super::search::SearchIndex`]), fetched only by the search page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
    /// `content/project.toml`: where problem reports go.
    #[serde(default)]
    pub project: super::errata::Project,
}

impl ContentIndex {
    pub fn file_for_domain(&self, domain: u8) -> Option<&DomainFile> {
        self.files.iter().find(|f| f.domain == domain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_follow_positions() {
        assert_eq!(ChoiceId(0).letter(), 'A');
        assert_eq!(ChoiceId(5).letter(), 'F');
    }

    #[test]
    fn multiple_response_instruction_uses_exam_wording() {
        assert_eq!(Kind::Single.instruction(), None);
        assert_eq!(
            Kind::Multiple { choose: 2 }.instruction().as_deref(),
            Some("Choose TWO.")
        );
        assert_eq!(
            Kind::Multiple { choose: 3 }.instruction().as_deref(),
            Some("Choose THREE.")
        );
        assert_eq!(Kind::Multiple { choose: 3 }.picks(), 3);
    }
}
