//! Widget facts: the schema, each widget's consistency rules and the rule
//! that every source is an AWS documentation page, each with a crafted file.

use canary_content::{compile_widget, Source};

fn fixture(id: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../tests/fixtures/widgets/{id}.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn check(id: &str, text: &str) -> Result<serde_json::Value, Vec<String>> {
    compile_widget(
        id,
        &Source {
            name: format!("content/widgets/{id}.toml"),
            text: text.into(),
        },
    )
    .map_err(|e| e.iter().map(ToString::to_string).collect())
}

#[test]
fn fixtures_are_valid() {
    assert!(check("codedeploy", &fixture("codedeploy")).is_ok());
    assert!(check("dr", &fixture("dr")).is_ok());
}

#[test]
fn unknown_fields_are_rejected() {
    let text = fixture("codedeploy").replace("percent = 10\n", "percent = 10\npercentage = 10\n");
    let e = check("codedeploy", &text).unwrap_err();
    assert!(
        e[0].starts_with("content/widgets/codedeploy.toml: codedeploy: ")
            && e[0].contains("unknown field `percentage`"),
        "{e:?}"
    );
}

#[test]
fn non_aws_sources_are_rejected() {
    let text = fixture("dr").replace(
        "https://docs.aws.amazon.com/drs/latest/userguide/what-is-drs.html",
        "https://example.com/drs",
    );
    let e = check("dr", &text).unwrap_err();
    assert!(
        e.iter()
            .any(|l| l
                .contains(".store[3].source: source must be a https://docs.aws.amazon.com/ page")),
        "{e:?}"
    );
}

#[test]
fn codedeploy_consistency_rules() {
    let text = fixture("codedeploy").replace("kind = \"canary\"", "kind = \"min_healthy\"");
    let e = check("codedeploy", &text).unwrap_err();
    assert!(e.iter().any(|l| l.contains("LambdaCanary10Percent5Minutes: missing the values its kind needs")), "{e:?}");
    let no_ecs_life = fixture("codedeploy").replace(
        "platform = \"ecs\"\ntype = \"blue_green\"",
        "platform = \"lambda\"\ntype = \"in_place\"",
    );
    let e = check("codedeploy", &no_ecs_life).unwrap_err();
    assert!(
        e.iter()
            .any(|l| l.contains("no lifecycle for ecs blue_green")),
        "{e:?}"
    );
}

#[test]
fn dr_consistency_rules() {
    let text = fixture("dr").replace("warm_standby = [\"Read replica\"]", "warm_standby = []");
    let e = check("dr", &text).unwrap_err();
    assert!(
        e.iter()
            .any(|l| l.contains("store `relational` names no service for `warm_standby`")),
        "{e:?}"
    );
    let text = fixture("dr").replace("cost_rank = 2", "cost_rank = 1");
    assert!(check("dr", &text)
        .unwrap_err()
        .iter()
        .any(|l| l.contains("cost ranks must differ")));
}
