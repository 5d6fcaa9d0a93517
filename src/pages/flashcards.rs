//! Flashcards of the cheat sheets' facts (`#/flashcards`, `?topic=<id>` for
//! one topic): the next due card, or else the next new one, its prompt, then
//! on request the fact and its source, rated on the question flow's scale
//! (I guessed / Unsure / I knew it). Ratings go to `Progress.cards` through
//! the progress context, and FSRS schedules them like answers
//! ([`crate::domain::sheets::next_card`]).

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::progress::{ProgressAction, ProgressContext};
use crate::domain::schedule::Confidence;
use crate::domain::sheets::{card_review, counts, next_card, Sheet, SheetFact};
use crate::pages::cheatsheets::{fact_body, sheets_status, use_sheets, SheetsState, TopicQuery};
use crate::routes::Route;

#[component]
pub fn Flashcards() -> Html {
    let state = use_sheets();
    let progress = use_context::<ProgressContext>();
    let topic = use_location()
        .and_then(|l| l.query::<TopicQuery>().ok())
        .and_then(|q| q.topic);
    let body = match (&state, &progress) {
        (SheetsState::Ready(sheets), Some(p)) => {
            let on_rate = {
                let p = p.clone();
                Callback::from(move |(id, confidence): (String, Confidence)| {
                    let review = card_review(confidence, crate::clock::now().now);
                    p.dispatch(ProgressAction::RecordCard { id, review });
                })
            };
            html! { <Deck sheets={sheets.clone()} topic={topic.clone()} doc={Rc::new(p.doc.clone())} {on_rate} /> }
        }
        (other, _) => sheets_status(other),
    };
    html! {
        <section class="flashcards">
            <p class="crumb"><Link<Route> to={Route::CheatSheets}>{ "← Cheat sheets" }</Link<Route>></p>
            <h1>{ "Flashcards" }</h1>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct DeckProps {
    pub sheets: Rc<Vec<Sheet>>,
    pub topic: Option<String>,
    pub doc: Rc<crate::domain::progress::Progress>,
    /// A rating of the card shown: its key and how well it was known.
    pub on_rate: Callback<(String, Confidence)>,
}

/// The topic picker, the counts and the card to study now.
#[component]
pub fn Deck(props: &DeckProps) -> Html {
    let now = crate::clock::now().now;
    let topic = props.topic.as_deref();
    let chosen: Vec<&Sheet> = props
        .sheets
        .iter()
        .filter(|s| topic.is_none_or(|t| s.topic == t))
        .collect();
    let (due, new) = chosen
        .iter()
        .map(|s| counts(s, &props.doc, now))
        .fold((0, 0), |(d, n), c| (d + c.due, n + c.new));
    let next = next_card(&props.sheets, topic, &props.doc, now);
    let title = chosen
        .first()
        .filter(|_| topic.is_some())
        .map_or("All topics".to_string(), |s| s.title.clone());
    html! {
        <>
            <nav class="deck-topics" aria-label="Flashcard topics">
                <ul>
                    <li><Link<Route, TopicQuery> to={Route::Flashcards} query={Some(TopicQuery::default())}
                        classes={classes!(topic.is_none().then_some("active"))}>{ "All topics" }</Link<Route, TopicQuery>></li>
                    { for props.sheets.iter().map(|s| html! {
                        <li><Link<Route, TopicQuery> to={Route::Flashcards} query={Some(TopicQuery { topic: Some(s.topic.clone()) })}
                            classes={classes!((topic == Some(s.topic.as_str())).then_some("active"))}>{ s.title.clone() }</Link<Route, TopicQuery>></li>
                    }) }
                </ul>
            </nav>
            <p class="deck-counts" aria-live="polite">{ format!("{title}: {due} due, {new} new") }</p>
            { match next {
                Some((sheet, fact)) => html! {
                    <Card key={sheet.card_id(fact)} id={sheet.card_id(fact)} topic={sheet.title.clone()}
                        fact={Rc::new(fact.clone())} on_rate={props.on_rate.clone()} />
                },
                None => html! {
                    <p class="deck-done" role="status">{ "Nothing is due in this deck right now. Come back later, or pick another topic." }</p>
                },
            } }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub id: String,
    /// The sheet's title, shown above the prompt.
    pub topic: String,
    pub fact: Rc<SheetFact>,
    pub on_rate: Callback<(String, Confidence)>,
    /// Show the back from the start (render tests).
    #[prop_or_default]
    pub revealed: bool,
}

/// One card: the prompt, then the fact with its source and the ratings.
/// Keyed by its id, so a new card starts hidden again.
#[component]
pub fn Card(props: &CardProps) -> Html {
    let revealed = use_state_eq(|| props.revealed);
    let back_ref = use_node_ref();
    let front_ref = use_node_ref();
    // Focus follows the flow: to the answer once shown, and to the new
    // card's reveal button after a rating (this card is then a new one).
    {
        let (back_ref, front_ref) = (back_ref.clone(), front_ref.clone());
        use_effect_with(*revealed, move |shown| {
            let target = if *shown { &back_ref } else { &front_ref };
            if let Some(el) = target.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let reveal = {
        let revealed = revealed.clone();
        Callback::from(move |_: MouseEvent| revealed.set(true))
    };
    let f = &props.fact;
    html! {
        <article class="flashcard" data-card={props.id.clone()}>
            <p class="flashcard-topic">{ format!("{} · {}", props.topic, f.group) }</p>
            <h2 class="flashcard-prompt">{ f.prompt.clone() }</h2>
            if *revealed {
                <div class="flashcard-back" ref={back_ref} tabindex="-1" role="region" aria-label="Answer">
                    <h3>{ f.title.clone() }</h3>
                    { fact_body(f) }
                </div>
                <fieldset class="flashcard-rate">
                    <legend>{ "How well did you know it?" }</legend>
                    { for Confidence::ALL.iter().map(|c| {
                        let (on_rate, id, c) = (props.on_rate.clone(), props.id.clone(), *c);
                        html! {
                            <button type="button" class="secondary"
                                onclick={Callback::from(move |_: MouseEvent| on_rate.emit((id.clone(), c)))}>
                                { c.label() }
                            </button>
                        }
                    }) }
                </fieldset>
            } else {
                <button type="button" class="primary" ref={front_ref} onclick={reveal}>{ "Show the answer" }</button>
            }
        </article>
    }
}
