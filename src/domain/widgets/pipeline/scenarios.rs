//! Ready-made exam scenarios and what a pipeline still lacks to meet one.

use super::*;

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
