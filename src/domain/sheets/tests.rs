use serde_json::json;

use super::*;
use crate::domain::schedule::MS_PER_DAY;

const T0: i64 = 1_785_000_000_000; // a fixed instant in 2026

fn facts() -> Value {
    json!({
        "title": "Sample topic",
        "source": "https://docs.aws.amazon.com/root.html",
        "categories": ["Source", "Build"],
        "categories_source": "https://docs.aws.amazon.com/categories.html",
        "config": [
            {"name": "Default.AllAtOnce", "percent": 100, "description": "Everything at once.",
             "source": "https://docs.aws.amazon.com/config.html"},
            {"name": "Default.Half", "percent": 50, "description": "Half at a time.",
             "source": "https://docs.aws.amazon.com/config.html"}
        ],
        "timing_note": [
            {"platform": "lambda", "text": "First note.", "source": "https://docs.aws.amazon.com/a.html"},
            {"platform": "lambda", "text": "Second note.", "source": "https://docs.aws.amazon.com/b.html"}
        ],
        "hook": {"heartbeat_max_seconds": 7200, "source": "https://docs.aws.amazon.com/hook.html"},
        "state": [{"id": "pending", "text": "No source, so not on the sheet."}],
        "strategy": [{"id": "pilot_light", "name": "Pilot light", "summary": "Data is current.",
                      "serves": false, "source": "https://docs.aws.amazon.com/dr.html",
                      "band_source": "https://docs.aws.amazon.com/band.html"}]
    })
}

fn sheet() -> Sheet {
    sheet_from_facts("sample", &facts())
}

#[test]
fn every_cited_value_is_a_fact_with_its_source() {
    let s = sheet();
    assert_eq!(s.title, "Sample topic");
    let mut ids: Vec<&str> = s.facts.iter().map(|f| f.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "categories",
            "config.default-allatonce",
            "config.default-half",
            "hook",
            "state.pending",
            "strategy.pilot-light",
            "timing-note.lambda",
            "timing-note.lambda-2",
        ]
    );
    assert!(s
        .facts
        .iter()
        .all(|f| f.source.starts_with("https://docs.aws.amazon.com/")));
    let fact = |id: &str| s.facts.iter().find(|f| f.id == id).unwrap();
    let cats = fact("categories");
    assert_eq!(cats.text, "Source; Build");
    assert_eq!(cats.source, "https://docs.aws.amazon.com/categories.html");
    let half = fact("config.default-half");
    assert_eq!(half.title, "Default.Half");
    assert_eq!(half.text, "Half at a time.");
    assert_eq!(half.details, [("Percent".to_string(), "50".to_string())]);
    assert_eq!(half.prompt, "What does Default.Half do?");
    let dr = fact("strategy.pilot-light");
    assert_eq!(dr.also, ["https://docs.aws.amazon.com/band.html"]);
    assert_eq!(dr.details, [("Serves".to_string(), "no".to_string())]);
    assert_eq!(fact("timing-note.lambda-2").text, "Second note.");
    assert_eq!(fact("hook").title, "Hook");
    // No source of its own: the file's page.
    assert_eq!(
        fact("state.pending").source,
        "https://docs.aws.amazon.com/root.html"
    );
    let mut bare = facts();
    bare.as_object_mut().unwrap().remove("source");
    let bare = sheet_from_facts("sample", &bare);
    assert!(
        bare.facts.iter().all(|f| f.id != "state.pending"),
        "nothing cites it"
    );
    assert_eq!(bare.facts.len(), s.facts.len() - 1);
}

#[test]
fn counts_follow_the_schedule() {
    let s = sheet();
    let n = s.facts.len();
    let mut p = Progress::default();
    assert_eq!(counts(&s, &p, T0), DeckCounts { due: 0, new: n });
    let first = s.card_id(&s.facts[0]);
    p.record_card(&first, card_review(Confidence::Knew, T0));
    // Just reviewed: neither new nor due…
    assert_eq!(counts(&s, &p, T0 + 1), DeckCounts { due: 0, new: n - 1 });
    // …and due again once FSRS's interval has passed.
    let due = p.cards[&first].card().unwrap().due;
    assert!(due > T0);
    assert_eq!(counts(&s, &p, due), DeckCounts { due: 1, new: n - 1 });
}

#[test]
fn next_card_is_due_first_then_new_in_order() {
    let sheets = vec![sheet(), sheet_from_facts("other", &facts())];
    let mut p = Progress::default();
    let (s, f) = next_card(&sheets, None, &p, T0).unwrap();
    assert_eq!(s.card_id(f), "sample/categories");
    let (s, f) = next_card(&sheets, Some("other"), &p, T0).unwrap();
    assert_eq!(s.card_id(f), "other/categories");

    // Rated: the next one is the second new card, until the first is due.
    p.record_card("sample/categories", card_review(Confidence::Guessed, T0));
    let (s, f) = next_card(&sheets, Some("sample"), &p, T0 + 1).unwrap();
    assert_eq!(s.card_id(f), "sample/config.default-allatonce");
    let due = p.cards["sample/categories"].card().unwrap().due;
    let (s, f) = next_card(&sheets, Some("sample"), &p, due).unwrap();
    assert_eq!(s.card_id(f), "sample/categories");

    // Every card reviewed and none due: nothing to show.
    for f in &sheets[0].facts {
        p.record_card(&sheets[0].card_id(f), card_review(Confidence::Knew, T0));
    }
    assert_eq!(next_card(&sheets, Some("sample"), &p, T0 + 1), None);
    assert!(next_card(&sheets, None, &p, T0 + 1).is_some());
}

#[test]
fn a_rating_schedules_like_a_question() {
    let knew = card_review(Confidence::Knew, T0);
    let unsure = card_review(Confidence::Unsure, T0);
    let guessed = card_review(Confidence::Guessed, T0);
    assert!(knew.correct && unsure.correct && !guessed.correct);
    let due = |r: Review| crate::domain::schedule::replay(&[r]).unwrap().due;
    // "Again" comes back soonest, "Good" latest.
    assert!(due(guessed) < due(unsure));
    assert!(due(unsure) <= due(knew));
    assert!(due(knew) - T0 < 2 * MS_PER_DAY);
}

#[test]
fn cards_survive_export_import_and_merge() {
    let mut a = Progress::default();
    a.record_card("dr/strategy.pilot-light", card_review(Confidence::Knew, T0));
    let read = crate::domain::progress::parse(&a.to_json()).unwrap();
    assert_eq!(read, a);
    let mut b = Progress::default();
    b.record_card(
        "dr/strategy.pilot-light",
        card_review(Confidence::Unsure, T0 + 5),
    );
    b.record_card(
        "asg/fact.heartbeat",
        card_review(Confidence::Guessed, T0 + 6),
    );
    let m = a.merge(&b);
    assert_eq!(m.cards["dr/strategy.pilot-light"].reviews.len(), 2);
    assert_eq!(m.cards.len(), 2);
    assert_eq!(m, b.merge(&a));
}
