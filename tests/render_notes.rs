//! Native render tests of the note editor: collapsed with and without a
//! note, open, and inside an answered question card (only there).

use std::rc::Rc;

use canary::components::note_editor::{note_to_save, NoteView, NoteViewProps};
use canary::components::progress::{ProgressModel, ProgressProvider};
use canary::components::question_card::QuestionCard;
use canary::domain::grading::{grade, Selection};
use canary::domain::progress::{Progress, MAX_NOTE_CHARS};
use canary::domain::question::{Choice, ChoiceId, Kind, Question};
use canary::storage::LoadStatus;
use yew::prelude::*;
use yew::LocalServerRenderer;

const HOSTILE: &str = "<script>alert(1)</script><img src=x onerror=alert(1)>";

async fn view(note: Option<&str>, draft: Option<&str>) -> String {
    LocalServerRenderer::<NoteView>::with_props(NoteViewProps {
        question_id: "d1-sample".into(),
        note: note.map(|n| AttrValue::from(n.to_string())),
        draft: draft.map(|d| AttrValue::from(d.to_string())),
        on_open: Callback::noop(),
        on_input: Callback::noop(),
        on_save: Callback::noop(),
        on_cancel: Callback::noop(),
        on_delete: Callback::noop(),
        button_ref: NodeRef::default(),
        textarea_ref: NodeRef::default(),
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn collapsed_with_a_note_shows_it_as_text_and_an_edit_button() {
    let html = view(Some(HOSTILE), None).await;
    assert!(
        html.contains(r#"aria-label="Your note on d1-sample""#),
        "a region named after its question: {html}"
    );
    assert!(html.contains(">Edit note</button>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"),
        "the note is escaped text: {html}"
    );
    assert!(
        !html.contains("<script>") && !html.contains("<img"),
        "{html}"
    );
    assert!(!html.contains("<textarea"), "collapsed: no field");
}

#[tokio::test]
async fn collapsed_without_a_note_offers_to_add_one() {
    let html = view(None, None).await;
    assert!(html.contains(">Add a note</button>"), "{html}");
    assert!(!html.contains("note-text"), "{html}");
}

#[tokio::test]
async fn open_has_a_labelled_field_a_count_and_save_cancel_delete() {
    let html = view(Some("old"), Some("cfn-hup")).await;
    assert!(
        html.contains(r#"<label for="note-d1-sample">Your note</label>"#),
        "{html}"
    );
    assert!(html.contains(r#"id="note-d1-sample""#), "{html}");
    assert!(
        html.contains(&format!(r#"maxlength="{MAX_NOTE_CHARS}""#)),
        "{html}"
    );
    assert!(
        html.contains(r#"aria-describedby="note-d1-sample-count""#),
        "{html}"
    );
    assert!(
        html.contains(&format!("7 / {MAX_NOTE_CHARS} characters")),
        "{html}"
    );
    assert!(
        html.contains(r#"<button type="submit" class="primary">Save</button>"#),
        "{html}"
    );
    assert!(html.contains(">Cancel</button>"), "{html}");
    assert!(html.contains(">Delete note</button>"), "{html}");
    assert!(
        !html.contains(">Edit note<"),
        "the toggle is replaced by the form"
    );
    let fresh = view(None, Some("")).await;
    assert!(
        !fresh.contains("Delete note"),
        "nothing to delete yet: {fresh}"
    );
    assert!(fresh.contains(&format!("0 / {MAX_NOTE_CHARS} characters")));
}

#[test]
fn save_trims_the_end_and_a_blank_draft_deletes() {
    assert_eq!(note_to_save("  keep the indent\n\n"), "  keep the indent");
    assert_eq!(note_to_save(" \n\t"), "");
    assert_eq!(
        note_to_save(&"y".repeat(MAX_NOTE_CHARS + 5))
            .chars()
            .count(),
        MAX_NOTE_CHARS
    );
}

fn question() -> Question {
    Question {
        id: "d1-sample".into(),
        domain: 1,
        task: "1.4".into(),
        services: vec!["CodeDeploy".into()],
        kind: Kind::Single,
        difficulty: None,
        status_note: None,
        stem: "<p>Which?</p>".into(),
        options: (0..4)
            .map(|i| Choice {
                text: format!("Option {i}"),
                correct: i == 1,
                explanation: format!("<p>Reason {i}.</p>"),
            })
            .collect(),
        references: vec!["https://docs.aws.amazon.com/".into()],
        reviewed: None,
    }
}

#[derive(Properties, PartialEq)]
struct CardHost {
    answered: bool,
}

#[component]
fn CardWithProgress(props: &CardHost) -> Html {
    let mut doc = Progress::default();
    doc.set_note("d1-sample", "POST hooks never fail over", 5);
    let q = question();
    let selection: Selection = [ChoiceId(0)].into_iter().collect();
    let graded = props.answered.then(|| grade(&q, &selection));
    html! {
        <ProgressProvider initial={ProgressModel::from_load(doc, LoadStatus::Loaded)}>
            <QuestionCard question={Rc::new(q)} {selection} {graded} on_select={Callback::noop()} />
        </ProgressProvider>
    }
}

async fn card(answered: bool) -> String {
    LocalServerRenderer::<CardWithProgress>::with_props(CardHost { answered })
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn an_answered_card_shows_the_saved_note_under_the_explanations() {
    let html = card(true).await;
    let note = html.find("POST hooks never fail over").expect(&html);
    let explanation = html.rfind("Reason 3.").unwrap();
    assert!(explanation < note, "the note comes after the explanations");
    assert!(html.contains(">Edit note</button>"), "{html}");
    let unanswered = card(false).await;
    assert!(
        !unanswered.contains("note-editor"),
        "no note before the answer is shown: {unanswered}"
    );
}
