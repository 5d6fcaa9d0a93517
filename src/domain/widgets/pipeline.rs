//! The CodePipeline builder model: stages of actions whose category limits
//! the provider, checked against the pipeline structure rules (two stages at
//! least, source actions first and only first, inputs produced by an earlier
//! action, artifact counts per provider, unique outputs), the moves the
//! builder's drag and drop and buttons make, ready-made exam scenarios to
//! complete, and the URL encoding of a pipeline.

use serde::{Deserialize, Serialize};

use super::Fact;

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

pub const RULES: [&str; 6] = [
    "two-stages",
    "source-first",
    "provider-in-category",
    "artifact-produced-earlier",
    "artifact-count",
    "unique-outputs",
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

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Action {
    pub name: String,
    pub category: String,
    pub provider: String,
    pub inputs: Vec<String>,
    pub outputs: Vec<String>,
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
        let mut produced_here: Vec<&str> = Vec::new();
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
            for i in &a.inputs {
                if !produced.contains(&i.as_str()) {
                    let message = if produced_here.contains(&i.as_str()) {
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
                if produced.contains(&o.as_str()) || produced_here.contains(&o.as_str()) {
                    out.push(at(
                        "unique-outputs",
                        format!("output artifact `{o}` is already produced by another action"),
                    ));
                }
            }
            produced_here.extend(a.outputs.iter().map(String::as_str));
        }
        produced.extend(produced_here);
    }
    out
}

/// `Stage|Stage`, each `Name~action;action`, each action
/// `name:Category:Provider:in+in:out+out` — the pipeline in the URL.
pub fn encode(stages: &[Stage]) -> String {
    stages
        .iter()
        .map(|s| {
            let actions: Vec<String> = s
                .actions
                .iter()
                .map(|a| {
                    format!(
                        "{}:{}:{}:{}:{}",
                        a.name,
                        a.category,
                        a.provider,
                        a.inputs.join("+"),
                        a.outputs.join("+")
                    )
                })
                .collect();
            format!("{}~{}", s.name, actions.join(";"))
        })
        .collect::<Vec<_>>()
        .join("|")
}

pub fn decode(text: &str) -> Vec<Stage> {
    let list = |s: &str| {
        s.split('+')
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    text.split('|')
        .filter(|s| !s.is_empty())
        .map(|s| {
            let (name, actions) = s.split_once('~').unwrap_or((s, ""));
            Stage {
                name: name.to_string(),
                actions: actions
                    .split(';')
                    .filter(|a| !a.is_empty())
                    .map(|a| {
                        let f: Vec<&str> = a.split(':').collect();
                        let get = |i: usize| f.get(i).copied().unwrap_or("");
                        Action {
                            name: get(0).to_string(),
                            category: get(1).to_string(),
                            provider: get(2).to_string(),
                            inputs: list(get(3)),
                            outputs: list(get(4)),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

/// A ready-made exam scenario: a goal, a starting pipeline to complete, and
/// what the finished pipeline must contain, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    pub id: &'static str,
    pub title: &'static str,
    pub goal: &'static str,
    pub start: &'static str,
    /// (category, provider) pairs that must appear, in stage order.
    pub needs: &'static [(&'static str, &'static str)],
}

pub const SCENARIOS: [Scenario; 3] = [
    Scenario {
        id: "s3-cloudformation",
        title: "S3 source to CloudFormation deploy",
        goal: "Templates are uploaded to a versioned S3 bucket as a zip. Deploy them with CloudFormation, with no CodeCommit, CodeBuild or CodeDeploy.",
        start: "Source~Template:Source:S3::TemplateZip|Deploy~",
        needs: &[("Source", "S3"), ("Deploy", "CloudFormation")],
    },
    Scenario {
        id: "ecr-ecs-bluegreen",
        title: "ECR image to ECS blue/green",
        goal: "A new image pushed to ECR must reach an ECS service through a blue/green deployment; the task definition and AppSpec live in an S3 source.",
        start: "Source~Image:Source:ECR::ImageOut;Specs:Source:S3::SpecsOut|Deploy~",
        needs: &[("Source", "ECR"), ("Deploy", "CodeDeployToECS")],
    },
    Scenario {
        id: "cross-account-approval",
        title: "Cross-account deploy after a manual approval",
        goal: "Build in the tools account, wait for a release manager's approval, then deploy a CloudFormation stack into the production account.",
        start: "Source~Code:Source:CodeStarSourceConnection::SourceOut|Build~Build:Build:CodeBuild:SourceOut:BuildOut|Approve~|Deploy~",
        needs: &[("Source", "CodeStarSourceConnection"), ("Build", "CodeBuild"), ("Approval", "Manual"), ("Deploy", "CloudFormation")],
    },
];

/// What a scenario still misses; empty when the pipeline is valid and does
/// what the scenario asks.
pub fn scenario_gaps(facts: &PipelineFacts, s: &Scenario, stages: &[Stage]) -> Vec<String> {
    let mut gaps: Vec<String> = validate(facts, stages)
        .into_iter()
        .map(|p| p.message)
        .collect();
    let mut from_stage = 0;
    for (cat, prov) in s.needs {
        let wanted = |a: &&Action| a.category == *cat && a.provider == *prov;
        match stages
            .iter()
            .enumerate()
            .skip(from_stage)
            .find(|(_, st)| st.actions.iter().any(|a| wanted(&a)))
        {
            Some((i, st)) => {
                from_stage = i + usize::from(*cat != "Source");
                // Some providers may run without an input, but a scenario's
                // deploy or build always works on what the pipeline produced.
                let fed = st
                    .actions
                    .iter()
                    .filter(wanted)
                    .any(|a| !a.inputs.is_empty());
                if !fed && *cat != "Source" && *cat != "Approval" {
                    gaps.push(format!(
                        "give the {prov} action its input: an artifact an earlier action produces"
                    ));
                }
            }
            None => gaps.push(format!(
                "add a {cat} action with the {prov} provider{}",
                if from_stage > 0 {
                    " in a later stage"
                } else {
                    ""
                }
            )),
        }
    }
    gaps
}

/// Where something is dragged or moved to in the builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Before the stage at this index (`len` for the end).
    Stage(usize),
    /// Before the action at this index of this stage (`len` for the end).
    Action(usize, usize),
}

/// Moves stage `from` so that it lands where `to` was; out-of-range
/// indices leave the pipeline as it is.
pub fn move_stage(stages: &mut Vec<Stage>, from: usize, to: usize) {
    if from >= stages.len() || to > stages.len() || from == to {
        return;
    }
    let stage = stages.remove(from);
    let to = if to > from { to - 1 } else { to };
    stages.insert(to.min(stages.len()), stage);
}

/// Moves action `ai` of stage `si` before action `to_ai` of stage `to_si`
/// (`to_ai` = that stage's length appends it); indices are those before
/// the move, as a drop target reports them.
pub fn move_action(stages: &mut [Stage], (si, ai): (usize, usize), (to_si, to_ai): (usize, usize)) {
    if si >= stages.len() || ai >= stages[si].actions.len() || to_si >= stages.len() {
        return;
    }
    if to_ai > stages[to_si].actions.len() || (si == to_si && (to_ai == ai || to_ai == ai + 1)) {
        return;
    }
    let action = stages[si].actions.remove(ai);
    let to_ai = if si == to_si && to_ai > ai {
        to_ai - 1
    } else {
        to_ai
    };
    stages[to_si].actions.insert(to_ai, action);
}

/// What a drop does: the dragged stage or action takes the place of what it
/// is dropped on. A stage dropped on a later stage (or on one of its
/// actions) goes after it; an action dropped on a later action of its own
/// stage goes after it; anything else goes before; an action dropped on a
/// stage's free space goes to that stage's end.
pub fn drop_onto(stages: &mut Vec<Stage>, from: Place, onto: Place) {
    match (from, onto) {
        (Place::Stage(a), Place::Stage(b) | Place::Action(b, _)) => {
            move_stage(stages, a, if b > a { b + 1 } else { b });
        }
        (Place::Action(si, ai), Place::Stage(b)) => {
            let end = stages.get(b).map_or(0, |st| st.actions.len());
            move_action(stages, (si, ai), (b, end));
        }
        (Place::Action(si, ai), Place::Action(b, bi)) => {
            let to = if si == b && bi > ai { bi + 1 } else { bi };
            move_action(stages, (si, ai), (b, to));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn facts() -> PipelineFacts {
        let p = |c: &str, n: &[&str]| ProviderFact {
            category: c.into(),
            names: n.iter().map(|x| (*x).to_string()).collect(),
            source: String::new(),
        };
        PipelineFacts {
            title: String::new(),
            categories: vec![
                "Source".into(),
                "Build".into(),
                "Deploy".into(),
                "Approval".into(),
            ],
            categories_source: String::new(),
            provider: vec![
                p("Source", &["S3", "ECR", "CodeStarSourceConnection"]),
                p("Build", &["CodeBuild"]),
                p("Deploy", &["CloudFormation", "CodeDeployToECS"]),
                p("Approval", &["Manual"]),
            ],
            rule: RULES
                .iter()
                .map(|r| Fact {
                    id: (*r).into(),
                    text: String::new(),
                    source: String::new(),
                })
                .collect(),
            fact: vec![],
            event: vec![],
            artifact_count: vec![
                count("Source", "S3", [0, 0], [1, 1]),
                count("Build", "CodeBuild", [1, 5], [0, 5]),
                count("Deploy", "CloudFormation", [0, 10], [0, 1]),
                count("Approval", "Manual", [0, 0], [0, 0]),
            ],
            artifact_count_source: String::new(),
        }
    }

    fn count(category: &str, provider: &str, inputs: [u8; 2], outputs: [u8; 2]) -> ArtifactCount {
        ArtifactCount {
            category: category.into(),
            provider: provider.into(),
            inputs,
            outputs,
        }
    }

    fn rules(text: &str) -> Vec<&'static str> {
        validate(&facts(), &decode(text))
            .into_iter()
            .map(|p| p.rule)
            .collect()
    }

    #[test]
    fn a_valid_pipeline_has_no_problem() {
        assert_eq!(
            rules("Source~Src:Source:S3::Out|Deploy~Dep:Deploy:CloudFormation:Out:"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn structure_rules() {
        assert_eq!(rules("Source~Src:Source:S3::Out"), ["two-stages"]);
        assert_eq!(rules("Source~Src:Source:S3::Out|Deploy~"), ["empty-stage"]);
        assert_eq!(
            rules("Source~Src:Source:S3::Out;B:Build:CodeBuild:Out:B|Deploy~Dep:Deploy:CloudFormation:B:"),
            ["source-first", "artifact-produced-earlier"],
            "a build in the first stage, which also consumes a parallel action's output"
        );
        assert_eq!(
            rules(
                "Source~Src:Source:S3::Out|Deploy~S2:Source:ECR::O2;Dep:Deploy:CloudFormation:Out:"
            ),
            ["source-first"]
        );
        assert_eq!(
            rules("Source~Src:Source:S3::Out|Deploy~Dep:Deploy:CodeBuild:Out:"),
            ["provider-in-category"]
        );
        assert_eq!(
            rules("Source~Src:Source:S3::Out|Deploy~Dep:Deploy::Out:"),
            ["provider-in-category"],
            "no provider yet"
        );
    }

    #[test]
    fn artifact_rules() {
        assert_eq!(
            rules("Source~Src:Source:S3::Out|Deploy~Dep:Deploy:CloudFormation:Missing:"),
            ["artifact-produced-earlier"]
        );
        assert_eq!(
            rules("Source~Src:Source:S3::Out|Deploy~Dep:Deploy:CloudFormation::"),
            Vec::<&str>::new(),
            "a CloudFormation deploy may take no input"
        );
        assert_eq!(
            rules("Source~Src:Source:S3::Out|Build~B:Build:CodeBuild::"),
            ["artifact-count"],
            "CodeBuild takes 1 to 5 inputs"
        );
        assert_eq!(
            rules("Source~Src:Source:S3::|Deploy~Dep:Deploy:CloudFormation::"),
            ["artifact-count"],
            "an S3 source produces exactly one artifact"
        );
        let too_many = validate(
            &facts(),
            &decode("Source~Src:Source:S3::O|Build~B:Build:CodeBuild:O:a+b+c+d+e+f"),
        );
        assert_eq!(
            too_many[0].message,
            "`B` (CodeBuild Build) takes 0 to 5 output artifact(s), not 6"
        );
        assert!(
            rules("Source~Src:Source:ECR::O|Deploy~D:Deploy:CodeDeployToECS::").is_empty(),
            "providers without documented counts are not checked"
        );
        assert_eq!(
            rules("Source~Src:Source:S3::Out|Build~B:Build:CodeBuild:Out:Out"),
            ["unique-outputs"]
        );
        let p = validate(&facts(), &decode("Source~Src:Source:S3::Out|Build~B:Build:CodeBuild:Out:B;D:Deploy:CloudFormation:B:"));
        assert_eq!(p.len(), 1);
        assert!(
            p[0].message.contains("parallel action of the same stage"),
            "{p:?}"
        );
        assert_eq!(rules("Source~Src:Source:S3::Out|Approve~Ok:Approval:Manual::|Deploy~D:Deploy:CloudFormation:Out:"), Vec::<&str>::new(), "approval needs no input");
    }

    #[test]
    fn encoding_round_trips() {
        let text = "Source~Code:Source:S3::A+B|Build~B:Build:CodeBuild:A+B:C";
        assert_eq!(encode(&decode(text)), text);
    }

    #[test]
    fn scenarios_start_incomplete_and_can_be_completed() {
        let f = facts();
        let s = &SCENARIOS[0];
        assert!(!scenario_gaps(&f, s, &decode(s.start)).is_empty());
        let done = "Source~Template:Source:S3::TemplateZip|Deploy~Stack:Deploy:CloudFormation:TemplateZip:";
        assert_eq!(scenario_gaps(&f, s, &decode(done)), Vec::<String>::new());
        let unfed = "Source~Template:Source:S3::TemplateZip|Deploy~Stack:Deploy:CloudFormation::";
        assert!(validate(&f, &decode(unfed)).is_empty(), "valid structure");
        assert_eq!(
            scenario_gaps(&f, s, &decode(unfed)),
            ["give the CloudFormation action its input: an artifact an earlier action produces"]
        );
        let c = &SCENARIOS[2];
        let done = "Source~Code:Source:CodeStarSourceConnection::SourceOut|Build~Build:Build:CodeBuild:SourceOut:BuildOut|Approve~Ok:Approval:Manual::|Deploy~Prod:Deploy:CloudFormation:BuildOut:";
        assert_eq!(scenario_gaps(&f, c, &decode(done)), Vec::<String>::new());
        let wrong_order = "Source~Code:Source:CodeStarSourceConnection::SourceOut|Build~Build:Build:CodeBuild:SourceOut:BuildOut|Deploy~Prod:Deploy:CloudFormation:BuildOut:|Approve~Ok:Approval:Manual::";
        assert!(
            !scenario_gaps(&f, c, &decode(wrong_order)).is_empty(),
            "the approval must come before the deploy"
        );
    }

    fn names(stages: &[Stage]) -> Vec<String> {
        stages
            .iter()
            .map(|s| {
                let a: Vec<&str> = s.actions.iter().map(|a| a.name.as_str()).collect();
                format!("{}[{}]", s.name, a.join(","))
            })
            .collect()
    }

    #[test]
    fn stages_and_actions_move_where_they_are_dropped() {
        let start = decode("A~a1:Source:S3::X;a2:Source:S3::Y|B~b1:Build:CodeBuild:X:|C~");
        let mut s = start.clone();
        move_stage(&mut s, 0, 3);
        assert_eq!(names(&s), ["B[b1]", "C[]", "A[a1,a2]"]);
        move_stage(&mut s, 2, 0);
        assert_eq!(s, start, "and back");
        move_stage(&mut s, 1, 1);
        move_stage(&mut s, 5, 0);
        assert_eq!(s, start, "no-ops");
        move_action(&mut s, (0, 0), (0, 2));
        assert_eq!(names(&s)[0], "A[a2,a1]");
        move_action(&mut s, (0, 1), (1, 0));
        assert_eq!(names(&s), ["A[a2]", "B[a1,b1]", "C[]"]);
        move_action(&mut s, (1, 1), (2, 0));
        assert_eq!(names(&s), ["A[a2]", "B[a1]", "C[b1]"]);
        let before = s.clone();
        move_action(&mut s, (0, 0), (0, 1));
        move_action(&mut s, (0, 3), (1, 0));
        move_action(&mut s, (0, 0), (1, 9));
        assert_eq!(
            s, before,
            "dropping in place or out of range changes nothing"
        );
    }

    #[test]
    fn a_drop_takes_the_place_of_its_target() {
        let start = decode("A~a1:Source:S3::X;a2:Source:S3::Y|B~b1:Build:CodeBuild:X:|C~");
        let dropped = |from, onto| {
            let mut s = start.clone();
            drop_onto(&mut s, from, onto);
            names(&s)
        };
        assert_eq!(
            dropped(Place::Stage(0), Place::Stage(1)),
            ["B[b1]", "A[a1,a2]", "C[]"],
            "onto a later stage: after it"
        );
        assert_eq!(
            dropped(Place::Stage(2), Place::Action(0, 1)),
            ["C[]", "A[a1,a2]", "B[b1]"],
            "onto an earlier stage's action: before that stage"
        );
        assert_eq!(
            dropped(Place::Action(0, 0), Place::Action(0, 1)),
            ["A[a2,a1]", "B[b1]", "C[]"],
            "onto a later action of its stage: after it"
        );
        assert_eq!(
            dropped(Place::Action(1, 0), Place::Action(0, 1)),
            ["A[a1,b1,a2]", "B[]", "C[]"],
            "onto another stage's action: before it"
        );
        assert_eq!(
            dropped(Place::Action(0, 0), Place::Stage(2)),
            ["A[a2]", "B[b1]", "C[a1]"],
            "onto a stage: at its end"
        );
    }
}
