//! The DOP-C02 blueprint: domains with their weights and task statements.
//! The data comes from `content/exam.toml` through the content compiler.

use serde::{Deserialize, Serialize};

/// A task statement such as `1.4`, with its official wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskStatement {
    pub id: String,
    pub name: String,
}

/// One exam domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Domain {
    pub number: u8,
    pub name: String,
    /// Share of the scored questions, in percent.
    pub weight: u8,
    pub tasks: Vec<TaskStatement>,
}

/// The exam format and its domains.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blueprint {
    pub source: String,
    pub questions: u16,
    pub scored: u16,
    pub minutes: u16,
    pub passing_score: u16,
    pub min_score: u16,
    pub max_score: u16,
    #[serde(rename = "domain")]
    pub domains: Vec<Domain>,
}

impl Blueprint {
    pub fn domain(&self, number: u8) -> Option<&Domain> {
        self.domains.iter().find(|d| d.number == number)
    }

    /// The task statement with this id, and the domain it belongs to.
    pub fn task(&self, id: &str) -> Option<(&Domain, &TaskStatement)> {
        self.domains
            .iter()
            .find_map(|d| d.tasks.iter().find(|t| t.id == id).map(|t| (d, t)))
    }
}
