//! Cheat sheets: one printable page per simulator topic (`#/cheatsheets/<topic>`)
//! and their index (`#/cheatsheets`) with each topic's flashcards due and new.
//!
//! The sheets come from `data/sheets.json`, which the content compiler builds
//! from the simulators' own facts ([`crate::domain::sheets`]); every fact is
//! shown with its AWS documentation link. The print stylesheet
//! (`static/app.css`, `@media print`) hides the navigation and buttons,
//! prints black on white with each link's URL after its text, and keeps a
//! fact on one page.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::progress::ProgressContext;
use crate::domain::progress::Progress;
use crate::domain::sheets::{counts, Sheet, SheetFact};
use crate::routes::Route;

/// The flashcards page's query: `?topic=<id>` studies one topic's cards.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SheetsState {
    Loading,
    Ready(Rc<Vec<Sheet>>),
    Failed(String),
}

/// Fetches the sheets once per page that needs them.
#[hook]
pub fn use_sheets() -> SheetsState {
    let state = use_state(|| SheetsState::Loading);
    {
        let state = state.clone();
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                state.set(match crate::content::load_sheets().await {
                    Ok(s) => SheetsState::Ready(Rc::new(s)),
                    Err(e) => SheetsState::Failed(e),
                });
            });
        });
    }
    (*state).clone()
}

/// What a page shows while the sheets load or when they cannot.
pub fn sheets_status(state: &SheetsState) -> Html {
    match state {
        SheetsState::Failed(e) => {
            html! { <p class="error" role="alert">{ format!("The cheat sheets could not be loaded: {e}") }</p> }
        }
        _ => html! { <p class="loading" aria-live="polite">{ "Loading the cheat sheets…" }</p> },
    }
}

#[component]
pub fn CheatSheets() -> Html {
    let state = use_sheets();
    let doc = use_context::<ProgressContext>()
        .map(|p| p.doc.clone())
        .unwrap_or_default();
    let body = match &state {
        SheetsState::Ready(sheets) => html! {
            <SheetIndex sheets={sheets.clone()} doc={Rc::new(doc)} now={crate::clock::now().now} />
        },
        other => sheets_status(other),
    };
    html! {
        <section class="cheatsheets">
            <h1>{ "Cheat sheets and flashcards" }</h1>
            <p>{ "One printable page per simulator, made from the very facts the simulator computes with, each with the AWS documentation page that states it. Every fact is also a flashcard, scheduled like the questions." }</p>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SheetIndexProps {
    pub sheets: Rc<Vec<Sheet>>,
    pub doc: Rc<Progress>,
    pub now: i64,
}

/// The topics with their flashcard counts.
#[component]
pub fn SheetIndex(props: &SheetIndexProps) -> Html {
    let total = props
        .sheets
        .iter()
        .map(|s| counts(s, &props.doc, props.now))
        .fold((0, 0), |(d, n), c| (d + c.due, n + c.new));
    html! {
        <>
            <p class="deck-total">
                { format!("Flashcards: {} due, {} new. ", total.0, total.1) }
                <Link<Route> to={Route::Flashcards} classes="button">{ "Study flashcards" }</Link<Route>>
            </p>
            <ul class="widget-grid sheet-index">
                { for props.sheets.iter().map(|s| {
                    let c = counts(s, &props.doc, props.now);
                    let query = TopicQuery { topic: Some(s.topic.clone()) };
                    html! {
                        <li class="widget-card" data-topic={s.topic.clone()}>
                            <h2>{ s.title.clone() }</h2>
                            <p>
                                { format!("{} facts. ", s.facts.len()) }
                                <span class="deck-counts">{ format!("{} due, {} new", c.due, c.new) }</span>
                            </p>
                            <p class="actions">
                                <Link<Route> to={Route::CheatSheet { topic: s.topic.clone() }} classes="button">
                                    { "Open the sheet" }<span class="visually-hidden">{ format!(": {}", s.title) }</span>
                                </Link<Route>>
                                { " " }
                                <Link<Route, TopicQuery> to={Route::Flashcards} query={Some(query)} classes="button secondary">
                                    { "Flashcards" }<span class="visually-hidden">{ format!(": {}", s.title) }</span>
                                </Link<Route, TopicQuery>>
                            </p>
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheatSheetPageProps {
    pub topic: String,
}

#[component]
pub fn CheatSheetPage(props: &CheatSheetPageProps) -> Html {
    let state = use_sheets();
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = crate::dom::window() {
            let _ = w.print();
        }
    });
    let body = match &state {
        SheetsState::Ready(sheets) => match sheets.iter().find(|s| s.topic == props.topic) {
            Some(sheet) => html! { <SheetView sheet={Rc::new(sheet.clone())} {print} /> },
            None => {
                html! { <p role="alert">{ format!("There is no cheat sheet called “{}”.", props.topic) }</p> }
            }
        },
        other => sheets_status(other),
    };
    html! {
        <section class="cheatsheet">
            <p class="crumb no-print"><Link<Route> to={Route::CheatSheets}>{ "← All cheat sheets" }</Link<Route>></p>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SheetViewProps {
    pub sheet: Rc<Sheet>,
    #[prop_or_default]
    pub print: Callback<MouseEvent>,
}

/// One sheet: its facts by group, each with its documentation link.
#[component]
pub fn SheetView(props: &SheetViewProps) -> Html {
    let sheet = &props.sheet;
    let mut groups: Vec<(&str, Vec<&SheetFact>)> = Vec::new();
    for f in &sheet.facts {
        match groups.iter_mut().find(|(g, _)| *g == f.group) {
            Some((_, facts)) => facts.push(f),
            None => groups.push((f.group.as_str(), vec![f])),
        }
    }
    let query = TopicQuery {
        topic: Some(sheet.topic.clone()),
    };
    html! {
        <article class="sheet" data-topic={sheet.topic.clone()}>
            <h1>{ format!("Cheat sheet: {}", sheet.title) }</h1>
            <p class="sheet-meta">{ format!("{} facts from Canary's simulator, each with the AWS documentation page that states it.", sheet.facts.len()) }</p>
            <p class="actions no-print">
                <button type="button" class="primary" onclick={props.print.clone()}>{ "Print" }</button>
                { " " }
                <Link<Route, TopicQuery> to={Route::Flashcards} query={Some(query)} classes="button secondary">{ "Study these as flashcards" }</Link<Route, TopicQuery>>
            </p>
            { for groups.into_iter().map(|(group, facts)| html! {
                <section class="sheet-group">
                    <h2>{ group }</h2>
                    <ul class="sheet-facts">
                        { for facts.into_iter().map(fact_item) }
                    </ul>
                </section>
            }) }
        </article>
    }
}

fn fact_item(f: &SheetFact) -> Html {
    html! {
        <li class="sheet-fact" id={format!("fact-{}", f.id)}>
            <h3>{ f.title.clone() }</h3>
            { fact_body(f) }
        </li>
    }
}

/// A fact's statement, values and links: the sheet's entry and a card's back.
pub fn fact_body(f: &SheetFact) -> Html {
    html! {
        <>
            if !f.text.is_empty() { <p>{ f.text.clone() }</p> }
            if !f.details.is_empty() {
                <dl class="sheet-details">
                    { for f.details.iter().map(|(k, v)| html! { <><dt>{ k.clone() }</dt><dd>{ v.clone() }</dd></> }) }
                </dl>
            }
            <p class="sheet-source">
                { "Source: " }
                <a href={f.source.clone()} rel="noopener" target="_blank">{ doc_label(&f.source) }</a>
                { for f.also.iter().map(|u| html! {
                    <>{ "; " }<a href={u.clone()} rel="noopener" target="_blank">{ doc_label(u) }</a></>
                }) }
            </p>
        </>
    }
}

/// A readable name for a documentation URL: its last path segment
/// (`deployment-configurations`), the printed sheet adds the URL itself.
fn doc_label(url: &str) -> String {
    let page = url
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(url)
        .trim_end_matches(".html");
    format!("AWS docs: {page}")
}
