//! Unit tests of the CodePipeline model.

use super::*;
use crate::domain::widgets::Fact;

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
        rules(
            "Source~Src:Source:S3::Out;B:Build:CodeBuild:Out:B|Deploy~Dep:Deploy:CloudFormation:B:"
        ),
        ["source-first", "artifact-produced-earlier"],
        "a build in the first stage, which also consumes a parallel action's output"
    );
    assert_eq!(
        rules("Source~Src:Source:S3::Out|Deploy~S2:Source:ECR::O2;Dep:Deploy:CloudFormation:Out:"),
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
    let p = validate(
        &facts(),
        &decode(
            "Source~Src:Source:S3::Out|Build~B:Build:CodeBuild:Out:B;D:Deploy:CloudFormation:B:",
        ),
    );
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
    let done =
        "Source~Template:Source:S3::TemplateZip|Deploy~Stack:Deploy:CloudFormation:TemplateZip:";
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

#[test]
fn run_order_makes_actions_in_one_stage_sequential_or_parallel() {
    let f = facts();
    // Build (run order 1) then Test (run order 2) in one stage: the test
    // consumes the build's output, which a lower run order has produced.
    let sequential = decode(
        "Source~Src:Source:S3::Code|Ci~Build:Build:CodeBuild:Code:Built;Test:Build:CodeBuild:Built::2",
    );
    assert_eq!(sequential[1].actions[1].run_order, 2);
    assert!(
        !validate(&f, &sequential)
            .iter()
            .any(|p| p.rule == "artifact-produced-earlier"),
        "{:?}",
        validate(&f, &sequential)
    );
    assert_eq!(decode(&encode(&sequential)), sequential, "round trip");
    // The same run order runs them in parallel: the input is not there yet.
    let parallel = decode(
        "Source~Src:Source:S3::Code|Ci~Build:Build:CodeBuild:Code:Built;Test:Build:CodeBuild:Built:",
    );
    assert!(validate(&f, &parallel)
        .iter()
        .any(|p| p.rule == "artifact-produced-earlier" && p.message.contains("parallel")));
}

#[test]
fn action_names_are_unique_within_a_stage() {
    let f = facts();
    let twice =
        decode("Source~Src:Source:S3::A;Src:Source:S3::B|Deploy~D:Deploy:CloudFormation:A:");
    assert!(validate(&f, &twice)
        .iter()
        .any(|p| p.rule == "unique-action-names" && p.stage == 0 && p.action == Some(1)));
    let across = decode("Source~Src:Source:S3::A|Deploy~Src:Deploy:CloudFormation:A:");
    assert!(!validate(&f, &across)
        .iter()
        .any(|p| p.rule == "unique-action-names"));
}

#[test]
fn stage_names_are_unique_within_a_pipeline() {
    let f = facts();
    let twice = decode(
        "Source~Src:Source:S3::A|Deploy~D:Deploy:CloudFormation:A:|Deploy~E:Deploy:CloudFormation:A:",
    );
    let problems = validate(&f, &twice);
    assert!(
        problems
            .iter()
            .any(|p| p.rule == "unique-stage-names" && p.stage == 2 && p.action.is_none()),
        "{problems:?}"
    );
    // Only the later stage is flagged, and distinct names pass.
    assert!(!problems
        .iter()
        .any(|p| p.rule == "unique-stage-names" && p.stage != 2));
    let distinct = decode(
        "Source~Src:Source:S3::A|Deploy~D:Deploy:CloudFormation:A:|Prod~E:Deploy:CloudFormation:A:",
    );
    assert!(!validate(&f, &distinct)
        .iter()
        .any(|p| p.rule == "unique-stage-names"));
    assert!(f.rule("unique-stage-names").is_some());
}
