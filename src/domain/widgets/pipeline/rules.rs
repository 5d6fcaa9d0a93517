//! The pipeline model (stages of actions) and the structure rules a
//! pipeline is validated against, each broken rule with its reason.

use super::*;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Action {
    pub name: String,
    pub category: String,
    pub provider: String,
    pub inputs: Vec<String>,
    pub outputs: Vec<String>,
    /// `runOrder`: actions of a stage with the same value run in parallel,
    /// a higher value after the lower ones; `0` reads as the default, 1.
    pub run_order: u32,
}

impl Action {
    /// The run order, with the default of 1 for an unset value.
    pub fn order(&self) -> u32 {
        self.run_order.max(1)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stage {
    pub name: String,
    pub actions: Vec<Action>,
}

/// A broken rule, where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub rule: &'static str,
    pub stage: usize,
    pub action: Option<usize>,
    pub message: String,
}

/// Every problem of a pipeline, in stage and action order.
pub fn validate(facts: &PipelineFacts, stages: &[Stage]) -> Vec<Problem> {
    let mut out = Vec::new();
    if stages.len() < 2 {
        out.push(Problem {
            rule: "two-stages",
            stage: 0,
            action: None,
            message: format!(
                "the pipeline has {} stage(s); it needs at least two",
                stages.len()
            ),
        });
    }
    let mut produced: Vec<&str> = Vec::new();
    for (si, stage) in stages.iter().enumerate() {
        if stage.actions.is_empty() {
            // Not a documented rule: the builder's own reminder that an
            // empty stage is unfinished, so it has no fact text to cite.
            out.push(Problem {
                rule: "empty-stage",
                stage: si,
                action: None,
                message: format!("stage `{}` has no action", stage.name),
            });
        }
        if stages[..si].iter().any(|b| b.name == stage.name) {
            out.push(Problem {
                rule: "unique-stage-names",
                stage: si,
                action: None,
                message: format!("the pipeline already has a stage named `{}`", stage.name),
            });
        }
        // Outputs of this stage with the run order that produced them.
        let mut produced_here: Vec<(&str, u32)> = Vec::new();
        for (ai, a) in stage.actions.iter().enumerate() {
            let at = |rule, message: String| Problem {
                rule,
                stage: si,
                action: Some(ai),
                message,
            };
            if a.provider.is_empty() {
                out.push(at(
                    "provider-in-category",
                    format!("`{}` needs a provider", a.name),
                ));
            } else if !facts
                .providers(&a.category)
                .iter()
                .any(|p| p == &a.provider)
            {
                out.push(at(
                    "provider-in-category",
                    format!(
                        "`{}` is not a provider of the {} category",
                        a.provider, a.category
                    ),
                ));
            }
            match (si, a.category == "Source") {
                (0, false) => out.push(at(
                    "source-first",
                    format!(
                        "`{}` is a {} action in the first stage, which holds only source actions",
                        a.name, a.category
                    ),
                )),
                (1.., true) => out.push(at(
                    "source-first",
                    format!("`{}` is a source action outside the first stage", a.name),
                )),
                _ => {}
            }
            if let Some(c) = facts.artifact_count(&a.category, &a.provider) {
                for (what, have, [lo, hi]) in [
                    ("input", a.inputs.len(), c.inputs),
                    ("output", a.outputs.len(), c.outputs),
                ] {
                    if have < usize::from(lo) || have > usize::from(hi) {
                        let range = if lo == hi {
                            format!("{lo}")
                        } else {
                            format!("{lo} to {hi}")
                        };
                        out.push(at(
                            "artifact-count",
                            format!(
                                "`{}` ({} {}) takes {range} {what} artifact(s), not {have}",
                                a.name, a.provider, a.category
                            ),
                        ));
                    }
                }
            }
            if stage.actions[..ai].iter().any(|b| b.name == a.name) {
                out.push(at(
                    "unique-action-names",
                    format!(
                        "stage `{}` already has an action named `{}`",
                        stage.name, a.name
                    ),
                ));
            }
            let here = |name: &str| produced_here.iter().find(|(o, _)| *o == name);
            for i in &a.inputs {
                let lower = here(i).is_some_and(|(_, r)| *r < a.order());
                if !produced.contains(&i.as_str()) && !lower {
                    let message = if here(i).is_some() {
                        format!("`{}` consumes `{i}`, produced by a parallel action of the same stage; it must come from an earlier stage (or a lower run order)", a.name)
                    } else {
                        format!(
                            "`{}` consumes `{i}`, which no earlier action produces",
                            a.name
                        )
                    };
                    out.push(at("artifact-produced-earlier", message));
                }
            }
            for o in &a.outputs {
                if produced.contains(&o.as_str()) || here(o).is_some() {
                    out.push(at(
                        "unique-outputs",
                        format!("output artifact `{o}` is already produced by another action"),
                    ));
                }
            }
            produced_here.extend(a.outputs.iter().map(|o| (o.as_str(), a.order())));
        }
        produced.extend(produced_here.iter().map(|(o, _)| *o));
    }
    out
}
