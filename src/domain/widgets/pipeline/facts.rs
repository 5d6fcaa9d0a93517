//! The CodePipeline facts as `content/widgets/pipeline.toml` holds them:
//! categories, providers and their artifact counts, events and rules, with
//! the consistency checks the content compiler runs.

use serde::{Deserialize, Serialize};

use crate::domain::widgets::Fact;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderFact {
    pub category: String,
    pub names: Vec<String>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineEvent {
    pub detail_type: String,
    pub when: String,
    pub source: String,
}

/// How many input and output artifacts one provider's actions take, where
/// AWS documents it (inclusive ranges).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArtifactCount {
    pub category: String,
    pub provider: String,
    pub inputs: [u8; 2],
    pub outputs: [u8; 2],
}

/// Everything the builder knows, from `content/widgets/pipeline.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineFacts {
    pub title: String,
    pub categories: Vec<String>,
    pub categories_source: String,
    pub provider: Vec<ProviderFact>,
    pub rule: Vec<Fact>,
    pub fact: Vec<Fact>,
    pub event: Vec<PipelineEvent>,
    /// Artifact counts per provider; providers without a row are not
    /// checked for counts.
    pub artifact_count: Vec<ArtifactCount>,
    pub artifact_count_source: String,
}

pub const RULES: [&str; 8] = [
    "two-stages",
    "source-first",
    "provider-in-category",
    "artifact-produced-earlier",
    "artifact-count",
    "unique-outputs",
    "unique-action-names",
    "unique-stage-names",
];

impl PipelineFacts {
    pub fn providers(&self, category: &str) -> &[String] {
        self.provider
            .iter()
            .find(|p| p.category == category)
            .map_or(&[], |p| p.names.as_slice())
    }

    /// The documented artifact counts of a provider in a category.
    pub fn artifact_count(&self, category: &str, provider: &str) -> Option<&ArtifactCount> {
        self.artifact_count
            .iter()
            .find(|c| c.category == category && c.provider == provider)
    }

    pub fn rule(&self, id: &str) -> Option<&Fact> {
        self.rule.iter().find(|r| r.id == id)
    }

    /// Problems with the facts themselves, for the content compiler.
    pub fn check(&self) -> Vec<String> {
        let mut out = Vec::new();
        for c in &self.categories {
            if self.providers(c).is_empty() {
                out.push(format!("category `{c}` has no providers"));
            }
        }
        for r in RULES {
            if self.rule(r).is_none() {
                out.push(format!("rule `{r}` is missing"));
            }
        }
        out
    }
}
