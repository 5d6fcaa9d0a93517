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
fn schema_1_fixture_has_no_schema_2_data() {
    let doc = parse(include_str!("fixtures/progress-v1.json")).unwrap();
    assert!(doc
        .questions
        .values()
        .all(|q| q.note.is_none() && q.reviews.iter().all(|r| r.ms.is_none())));
    assert!(doc.cards.is_empty());
    assert!(doc.settings.shuffle(), "shuffling is on unless turned off");
    assert_eq!(doc.settings.exam_date(), None);
}

#[test]
fn schema_2_fixture_reads_with_current_code() {
    let doc = parse(include_str!("fixtures/progress-v2.json")).expect("v2 stays readable");
    assert_eq!(doc.schema, SCHEMA_VERSION);
    let q = &doc.questions["d1-codedeploy-lambda-canary"];
    assert_eq!(q.reviews[0].ms, None);
    assert_eq!(q.reviews[1].ms, Some(74_500));
    assert_eq!(
        doc.note("d1-codedeploy-lambda-canary"),
        Some("Lambda: no in-place. <b>inert</b>")
    );
    assert_eq!(
        doc.note("d6-kms-grants"),
        None,
        "an emptied note is deleted"
    );
    assert!(doc.flagged("d6-kms-grants"));
    assert_eq!(
        doc.note("d2-stacksets-drift"),
        Some("StackSets: drift per instance"),
        "a note alone keeps its question's entry"
    );
    assert_eq!(doc.summary().notes, 2);
    assert!(!doc.settings.shuffle());
    assert_eq!(doc.settings.exam_date(), Some("2027-01-15"));
    assert_eq!(
        doc.cards["codedeploy/lifecycle-order"].reviews[0].ms,
        Some(9_000)
    );
    assert_eq!(parse(&doc.to_json()).unwrap(), doc, "round-trips");
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
