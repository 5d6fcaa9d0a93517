//! Native render tests of the cheat sheets and flashcards, on the real
//! facts as the content compiler turns them into sheets.

use std::path::Path;
use std::rc::Rc;

use canary::domain::progress::Progress;
use canary::domain::schedule::Confidence;
use canary::domain::sheets::{card_review, Sheet};
use canary::pages::cheatsheets::{SheetIndex, SheetView};
use canary::pages::flashcards::Card;
use yew::prelude::*;
use yew::LocalServerRenderer;
use yew_router::history::{AnyHistory, MemoryHistory};
use yew_router::Router;

const T0: i64 = 1_785_000_000_000;

fn real_sheets() -> Vec<Sheet> {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"));
    let bank = canary_content::compile_tree(root).expect("content compiles");
    canary_content::sheets(&bank)
}

#[derive(Properties, PartialEq)]
struct SheetHost {
    sheet: Rc<Sheet>,
}

#[component]
fn RoutedSheet(props: &SheetHost) -> Html {
    let history = AnyHistory::from(MemoryHistory::new());
    html! { <Router {history}><SheetView sheet={props.sheet.clone()} /></Router> }
}

#[derive(Properties, PartialEq)]
struct IndexHost {
    sheets: Rc<Vec<Sheet>>,
    doc: Rc<Progress>,
}

#[component]
fn RoutedIndex(props: &IndexHost) -> Html {
    let history = AnyHistory::from(MemoryHistory::new());
    html! { <Router {history}><SheetIndex sheets={props.sheets.clone()} doc={props.doc.clone()} now={T0 + 1} /></Router> }
}

/// The markup of each `<li class="sheet-fact">`, in order.
fn fact_items(html: &str) -> Vec<&str> {
    html.split("<li ")
        .skip(1)
        .map(|s| s.split("</li>").next().unwrap())
        .filter(|s| s.contains("class=\"sheet-fact\""))
        .collect()
}

#[tokio::test]
async fn every_fact_of_every_sheet_shows_its_documentation_link() {
    for sheet in real_sheets() {
        let html = LocalServerRenderer::<RoutedSheet>::with_props(SheetHost {
            sheet: Rc::new(sheet.clone()),
        })
        .hydratable(false)
        .render()
        .await;
        assert!(
            html.contains(&format!("Cheat sheet: {}", sheet.title)),
            "{}",
            sheet.topic
        );
        assert!(html.contains(">Print</button>"), "{}", sheet.topic);
        let items = fact_items(&html);
        assert_eq!(items.len(), sheet.facts.len(), "{}", sheet.topic);
        for (item, fact) in items.iter().zip(&sheet.facts) {
            assert!(
                item.contains(&format!("id=\"fact-{}\"", fact.id)),
                "{}",
                fact.id
            );
            assert!(
                item.contains(&format!("href=\"{}\"", fact.source)),
                "{}/{} has no link to {}",
                sheet.topic,
                fact.id,
                fact.source
            );
            for also in &fact.also {
                assert!(item.contains(&format!("href=\"{also}\"")), "{}", fact.id);
            }
        }
    }
}

#[tokio::test]
async fn the_index_counts_due_and_new_cards_per_topic() {
    let sheets = real_sheets();
    let mut doc = Progress::default();
    let first = &sheets[0];
    doc.record_card(
        &first.card_id(&first.facts[0]),
        card_review(Confidence::Knew, T0),
    );
    let html = LocalServerRenderer::<RoutedIndex>::with_props(IndexHost {
        sheets: Rc::new(sheets.clone()),
        doc: Rc::new(doc),
    })
    .hydratable(false)
    .render()
    .await;
    for s in &sheets {
        assert!(
            html.contains(&format!("data-topic=\"{}\"", s.topic)),
            "{}",
            s.topic
        );
    }
    assert!(html.contains(&format!("0 due, {} new", first.facts.len() - 1)));
    assert!(html.contains(&format!("0 due, {} new", sheets[1].facts.len())));
}

#[tokio::test]
async fn a_revealed_card_shows_the_fact_its_source_and_the_rating_scale() {
    let sheets = real_sheets();
    let sheet = &sheets[1];
    let fact = sheet.facts[0].clone();
    let html = LocalServerRenderer::<Card>::with_props(canary::pages::flashcards::CardProps {
        id: sheet.card_id(&fact),
        topic: sheet.title.clone(),
        fact: Rc::new(fact.clone()),
        on_rate: Callback::noop(),
        revealed: true,
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains(&fact.title));
    assert!(html.contains(&format!("href=\"{}\"", fact.source)));
    for c in Confidence::ALL {
        assert!(html.contains(c.label()), "{}", c.label());
    }
    let hidden = LocalServerRenderer::<Card>::with_props(canary::pages::flashcards::CardProps {
        id: sheet.card_id(&fact),
        topic: sheet.title.clone(),
        fact: Rc::new(fact.clone()),
        on_rate: Callback::noop(),
        revealed: false,
    })
    .hydratable(false)
    .render()
    .await;
    assert!(hidden.contains("Show the answer"));
    assert!(!hidden.contains(&format!("href=\"{}\"", fact.source)));
}
