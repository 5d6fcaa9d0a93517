//! Native render tests of the exam report's Pacing section and the exam
//! clock's pace check (yew `ssr`), asserting on the markup.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use canary::components::pacing::{PaceCheck, PaceCheckProps, PacingReport, PacingReportProps};
use canary::domain::blueprint::{Blueprint, Domain, TaskStatement};
use canary::domain::exam::{Attempt, ExamResult, Format, Item};
use canary::domain::question::{ContentIndex, Kind, QuestionMeta};
use yew::LocalServerRenderer;

fn index() -> ContentIndex {
    let domain = |number: u8, name: &str| Domain {
        number,
        name: name.into(),
        weight: 50,
        tasks: vec![TaskStatement {
            id: format!("{number}.1"),
            name: String::new(),
        }],
    };
    let meta = |i: usize| QuestionMeta {
        id: format!("q{i}"),
        domain: if i < 10 { 1 } else { 2 },
        task: if i < 10 { "1.1".into() } else { "2.1".into() },
        services: vec![],
        kind: Kind::Single,
        difficulty: None,
    };
    ContentIndex {
        version: "v".into(),
        blueprint: Blueprint {
            source: String::new(),
            questions: 75,
            scored: 65,
            minutes: 180,
            passing_score: 750,
            min_score: 100,
            max_score: 1000,
            domains: vec![domain(1, "SDLC Automation"), domain(2, "Configuration")],
        },
        files: vec![],
        questions: (0..20).map(meta).collect(),
        search: None,
        project: Default::default(),
    }
}

/// A mini exam (20 questions, 48 minutes); `times` by position.
fn attempt(times: &[(usize, u32)]) -> Attempt {
    let items: Vec<Item> = (0..20)
        .map(|i| Item {
            id: format!("q{i}"),
            scored: true,
        })
        .collect();
    Attempt {
        format: Format::Mini,
        seed: 1,
        started_at: 0,
        submitted_at: 1,
        auto_submitted: false,
        items,
        answers: BTreeMap::new(),
        flags: BTreeSet::new(),
        result: ExamResult {
            correct: 0,
            scored: 20,
            scaled: 100,
            passed: false,
            by_domain: BTreeMap::new(),
            by_task: BTreeMap::new(),
        },
        times_ms: times.iter().map(|&(i, ms)| (format!("q{i}"), ms)).collect(),
        shuffled: false,
    }
}

async fn render(a: Attempt) -> String {
    LocalServerRenderer::<PacingReport>::with_props(PacingReportProps {
        attempt: Rc::new(a),
        index: Rc::new(index()),
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn pacing_section_with_times() {
    // Every question 1 minute, except question 3 (5 min) and 12 (3 min).
    let times: Vec<(usize, u32)> = (0..20)
        .map(|i| {
            (
                i,
                match i {
                    2 => 300_000,
                    11 => 180_000,
                    _ => 60_000,
                },
            )
        })
        .collect();
    let html = render(attempt(&times)).await;
    assert!(
        html.contains("<h2 id=\"pacing-title\">Pacing</h2>"),
        "{html}"
    );
    // 18 + 5 + 3 = 26 minutes of 48; 1.3 min average against 2.4.
    assert!(html.contains("26.0 min of 48.0 min allowed"), "{html}");
    assert!(html.contains("1.3 min (budget 2.4 min)"), "{html}");
    assert!(html.contains("2 of 20 questions"), "{html}");
    let slowest = html.split("pacing-slowest").nth(1).unwrap();
    let first = slowest.find("Question 3").unwrap();
    let second = slowest.find("Question 12").unwrap();
    assert!(first < second, "slowest first: {slowest}");
    assert!(slowest.contains(": 5.0 min"));
    assert_eq!(slowest.matches("<li>").count(), 5, "five slowest");
    assert!(
        html.contains(
            "<th scope=\"row\">1. SDLC Automation</th><td>10</td><td>14.0 min</td><td>1.4 min</td>"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<th scope=\"row\">2. Configuration</th><td>10</td><td>12.0 min</td><td>1.2 min</td>"
        ),
        "{html}"
    );
    assert!(html.contains("role=\"img\""));
    assert!(html.contains("<title id=\"pacing-curve-title\">"));
    assert!(
        html.contains("22.0 min remaining after question 20"),
        "{html}"
    );
    // The table alternative: question 3 took 5 minutes, leaving 48 - 7 = 41.
    assert!(
        html.contains("<th scope=\"row\">3</th><td>5.0 min</td><td>41.0 min</td><td>40.8 min</td>"),
        "{html}"
    );
    assert!(!html.contains("Pacing was not recorded"));
}

#[tokio::test]
async fn pacing_section_without_times() {
    let html = render(attempt(&[])).await;
    assert!(
        html.contains("Pacing was not recorded for this attempt."),
        "{html}"
    );
    assert!(!html.contains("pacing-slowest"));
    assert!(!html.contains("<svg"));
}

#[tokio::test]
async fn pace_check_is_a_polite_live_region() {
    let render = |answered, elapsed_ms| async move {
        LocalServerRenderer::<PaceCheck>::with_props(PaceCheckProps {
            answered,
            total: 20,
            elapsed_ms,
            allowed_ms: 48 * 60_000,
        })
        .hydratable(false)
        .render()
        .await
    };
    let early = render(0, 11 * 60_000).await;
    assert_eq!(early, "<p aria-live=\"polite\" class=\"exam-pace\"></p>");
    let behind = render(2, 13 * 60_000).await;
    assert!(
        behind.contains("12 min gone: 2 of 20 answered (5 at an even pace), 7 min behind pace"),
        "{behind}"
    );
}
