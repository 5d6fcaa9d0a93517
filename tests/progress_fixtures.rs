//! Every schema version ever written must stay readable: one fixture per
//! version, each loaded with today's code and checked field by field.

use canary::domain::progress::{parse, Feedback, SCHEMA_VERSION};
use canary::domain::schedule::Confidence;

#[test]
fn schema_1_fixture_reads_with_current_code() {
    let doc = parse(include_str!("fixtures/progress-v1.json")).expect("v1 stays readable");
    assert_eq!(doc.schema, SCHEMA_VERSION);
    assert_eq!(doc.content_version, "0123456789abcdef");
    let q = &doc.questions["d1-codedeploy-lambda-canary"];
    assert_eq!(q.reviews.len(), 2);
    assert_eq!(q.reviews[1].confidence, Confidence::Knew);
    assert!(q.card().is_some());
    assert!(doc.flagged("d6-kms-grants"));
    assert!(!doc.flagged("d3-retired-question"));
    assert_eq!(doc.settings.feedback(), Feedback::EndOfSet);
}

#[test]
fn there_is_a_fixture_for_every_schema_version() {
    for v in 1..=SCHEMA_VERSION {
        let path = format!(
            "{}/tests/fixtures/progress-v{v}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        assert!(
            std::path::Path::new(&path).exists(),
            "missing fixture for schema {v}: {path}"
        );
    }
}
