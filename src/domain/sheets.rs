//! Cheat sheets and flashcards, built from the simulators' own facts.
//!
//! A sheet is not written by hand: the content compiler turns each widget's
//! checked facts (`content/widgets/<topic>.toml`, the very values the
//! simulator computes with) into a [`Sheet`] with [`sheet_from_facts`], and
//! writes all five to `data/sheets.json`. So a sheet cannot drift from its
//! simulator, and every fact keeps the AWS documentation page that states it.
//!
//! The extraction is structural rather than one function per simulator:
//! every table of the facts file becomes a group of facts, each entry citing
//! its own `source`, else the table's `<name>_source`, else the file's root
//! `source`; a root value with a `<name>_source` beside it becomes one fact.
//! A new table in a facts file appears on the sheet (and in the deck)
//! without code here; a value that nothing cites is left off, since a sheet
//! only states what it can cite.
//!
//! Each fact is also a flashcard (the prompt is derived from the fact's name
//! and the kind of value it holds: "What does CodeDeployDefault.OneAtATime
//! do?", "When is … sent?", "What is true of “Heartbeat”?"; the card shows
//! the topic and group above it), keyed `<topic>/<fact id>` in
//! `Progress.cards` and scheduled by FSRS exactly like a question
//! ([`crate::domain::schedule`]).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::progress::Progress;
use super::schedule::{Confidence, Review};

/// The simulators with facts files, in the order of the simulators page.
pub const TOPICS: [&str; 5] = ["codedeploy", "dr", "asg", "pipeline", "beanstalk"];

/// One topic's printable sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    /// The simulator id (`codedeploy`), also the card key's prefix.
    pub topic: String,
    pub title: String,
    pub facts: Vec<SheetFact>,
}

/// One fact with its documentation page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetFact {
    /// Unique in its sheet: `<group>.<key>` (`config.codedeploydefault-allatonce`).
    pub id: String,
    /// The table it comes from, as a heading (`Config`, `Warm pool`).
    pub group: String,
    pub title: String,
    /// The fact's sentence, if it has one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Its other values, as label and value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<(String, String)>,
    /// The AWS documentation page that states it.
    pub source: String,
    /// Further pages the facts file cites for parts of it (`band_source`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// The flashcard's front.
    pub prompt: String,
}

impl Sheet {
    /// The progress key of a fact's card.
    pub fn card_id(&self, fact: &SheetFact) -> String {
        format!("{}/{}", self.topic, fact.id)
    }
}

/// Fields that name an entry, in order of preference.
const NAME_KEYS: [&str; 5] = ["id", "name", "detail_type", "category", "transition"];
/// Fields that hold an entry's sentence, in order of preference.
const TEXT_KEYS: [&str; 5] = ["text", "description", "summary", "reason", "when"];

/// Builds a topic's sheet from its compiled facts (the JSON the compiler
/// writes to `data/widget-<topic>.json`).
pub fn sheet_from_facts(topic: &str, facts: &Value) -> Sheet {
    let empty = Map::new();
    let root = facts.as_object().unwrap_or(&empty);
    let title = root
        .get("title")
        .and_then(Value::as_str)
        .unwrap_or(topic)
        .to_string();
    let mut out: Vec<SheetFact> = Vec::new();
    for (key, value) in root {
        if key == "title" || key == "source" || key.ends_with("_source") {
            continue;
        }
        // A table's own page (`<key>_source`), else the file's page, which
        // states the entries that carry no source of their own.
        let shared = root
            .get(&format!("{key}_source"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let fallback = shared.clone().or_else(|| {
            root.get("source")
                .and_then(Value::as_str)
                .map(str::to_string)
        });
        match value {
            Value::Array(items) if items.iter().all(Value::is_object) && !items.is_empty() => {
                for item in items.iter().filter_map(Value::as_object) {
                    if let Some(f) = entry(key, item, fallback.as_deref()) {
                        push_unique(&mut out, f);
                    }
                }
            }
            Value::Object(item) => {
                if let Some(f) = entry(key, item, fallback.as_deref()) {
                    push_unique(&mut out, f);
                }
            }
            other => {
                if let Some(source) = shared {
                    let group = humanise(key);
                    push_unique(
                        &mut out,
                        SheetFact {
                            id: slug(key),
                            prompt: format!("{title}: what are the {}?", group.to_lowercase()),
                            title: group.clone(),
                            group,
                            text: show(other),
                            details: Vec::new(),
                            source,
                            also: Vec::new(),
                        },
                    );
                }
            }
        }
    }
    Sheet {
        topic: topic.to_string(),
        title,
        facts: out,
    }
}

/// One table entry as a fact, or `None` when nothing cites it.
fn entry(group_key: &str, item: &Map<String, Value>, shared: Option<&str>) -> Option<SheetFact> {
    let source = item
        .get("source")
        .and_then(Value::as_str)
        .or(shared)?
        .to_string();
    let group = humanise(group_key);
    let name_key = NAME_KEYS
        .iter()
        .find(|k| item.get(**k).is_some_and(Value::is_string));
    let name = item.get("name").and_then(Value::as_str);
    let key = match name_key {
        // A category's entries are told apart by their provider.
        Some(&"category") if item.get("provider").is_some_and(Value::is_string) => format!(
            "{} {}",
            item["category"].as_str().unwrap_or_default(),
            item["provider"].as_str().unwrap_or_default()
        ),
        Some(k) => item[*k].as_str().unwrap_or_default().to_string(),
        // Entries keyed by what they apply to (`platform` and `type`).
        None => ["platform", "type", "provider"]
            .iter()
            .filter_map(|k| item.get(*k).and_then(Value::as_str))
            .collect::<Vec<_>>()
            .join(" "),
    };
    let title = match (name, name_key) {
        (Some(n), _) => n.to_string(),
        _ if key.is_empty() => group.clone(),
        (None, Some(&"id")) => humanise(&key),
        _ => key.replace('_', " "),
    };
    let text_key = TEXT_KEYS
        .iter()
        .find(|k| item.get(**k).is_some_and(Value::is_string));
    let text = text_key
        .map(|k| item[*k].as_str().unwrap_or_default().to_string())
        .unwrap_or_default();
    let mut details = Vec::new();
    let mut also = Vec::new();
    for (k, v) in item {
        if k == "source" || Some(&k.as_str()) == text_key || k == "name" || k == "id" {
            continue;
        }
        if k.ends_with("_source") {
            also.extend(v.as_str().map(str::to_string));
            continue;
        }
        if name_key == Some(&k.as_str()) && name.is_none() {
            continue;
        }
        let shown = show(v);
        if !shown.is_empty() {
            details.push((humanise(k), shown));
        }
    }
    let prompt = match text_key {
        Some(&"description") => format!("What does {title} do?"),
        Some(&"when") => format!("When is “{title}” sent?"),
        Some(&"reason") => format!("Why is this combination unavailable: {title}?"),
        Some(&"summary") => format!("{group}: what is {title}, and what does it trade off?"),
        Some(_) => format!("What is true of “{title}”?"),
        None => format!("Recall the details of “{title}”."),
    };
    let id = if key.is_empty() {
        slug(group_key)
    } else {
        format!("{}.{}", slug(group_key), slug(&key))
    };
    Some(SheetFact {
        id,
        group,
        title,
        text,
        details,
        source,
        also,
        prompt,
    })
}

/// Keeps fact ids unique in a sheet: a second entry with the same key (two
/// timing notes for one platform) gets `-2`, a third `-3`.
fn push_unique(out: &mut Vec<SheetFact>, mut fact: SheetFact) {
    let base = fact.id.clone();
    let mut n = 1;
    while out.iter().any(|f| f.id == fact.id) {
        n += 1;
        fact.id = format!("{base}-{n}");
    }
    out.push(fact);
}

/// A value as text: lists joined, booleans as yes or no, nested tables as
/// `label: value` pairs.
fn show(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(b) => (if *b { "yes" } else { "no" }).to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.iter().map(show).collect::<Vec<_>>().join("; "),
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| format!("{}: {}", humanise(k), show(v)))
            .collect::<Vec<_>>()
            .join(". "),
        Value::Null => String::new(),
    }
}

/// `warm_pool` → `Warm pool`, `global-timeout` → `Global timeout`.
fn humanise(key: &str) -> String {
    let spaced = key.replace(['_', '-'], " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Lower-case letters, digits and single hyphens.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// How many of a sheet's cards are due now, and how many were never reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeckCounts {
    pub due: usize,
    pub new: usize,
}

pub fn counts(sheet: &Sheet, progress: &Progress, now: i64) -> DeckCounts {
    let mut c = DeckCounts::default();
    for fact in &sheet.facts {
        match progress
            .cards
            .get(&sheet.card_id(fact))
            .and_then(|p| p.card())
        {
            None => c.new += 1,
            Some(card) if card.is_due(now) => c.due += 1,
            Some(_) => {}
        }
    }
    c
}

/// The card to show next from these sheets (all of them, or the one whose
/// topic is given): the most overdue due card first, then the first new card
/// in sheet order; `None` when nothing is due or new.
pub fn next_card<'a>(
    sheets: &'a [Sheet],
    topic: Option<&str>,
    progress: &Progress,
    now: i64,
) -> Option<(&'a Sheet, &'a SheetFact)> {
    let deck = sheets
        .iter()
        .filter(|s| topic.is_none_or(|t| s.topic == t))
        .flat_map(|s| s.facts.iter().map(move |f| (s, f)));
    let mut due: Option<(i64, (&Sheet, &SheetFact))> = None;
    let mut new = None;
    for (s, f) in deck {
        match progress.cards.get(&s.card_id(f)).and_then(|p| p.card()) {
            None => {
                new.get_or_insert((s, f));
            }
            Some(card) if card.is_due(now) => {
                if due.is_none_or(|(d, _)| card.due < d) {
                    due = Some((card.due, (s, f)));
                }
            }
            Some(_) => {}
        }
    }
    due.map(|(_, c)| c).or(new)
}

/// A flashcard rating on the question flow's scale: "I guessed" is not
/// known (FSRS "Again"), "Unsure" is "Hard", "I knew it" is "Good".
pub fn card_review(confidence: Confidence, at: i64) -> Review {
    Review {
        at,
        correct: confidence != Confidence::Guessed,
        confidence,
        ms: None,
    }
}

#[cfg(test)]
mod tests;
