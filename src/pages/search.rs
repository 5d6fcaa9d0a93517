//! The search page (`#/search?q=…`): full-text search over the whole bank,
//! offline. The index file is fetched when the page opens (never on the
//! first load); every keystroke replaces the URL's query, so a reload or a
//! shared link shows the same results and Back leaves the page. Matching and
//! ranking are in [`crate::domain::search`].

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::content::{load_search, ContentState};
use crate::domain::practice_set::SetSpec;
use crate::domain::question::ContentIndex;
use crate::domain::search::Searcher;
use crate::routes::Route;

/// The id of the search box, which "/" focuses from anywhere (see
/// [`crate::components::nav`]).
pub const SEARCH_BOX: &str = "search-q";

/// Results rendered while typing; "Show all" renders the rest.
pub const FIRST_RESULTS: usize = 20;

/// A practice set holds at most this many questions.
const SET_MAX: usize = 200;

/// The page's URL query.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    pub q: String,
}

#[derive(Debug, Clone, PartialEq)]
enum IndexState {
    Loading,
    Ready(Rc<Searcher>),
    Failed(String),
}

/// The page's state: the loaded index, and the query whose every result is
/// shown ("Show all"), so a new query starts with the first results again.
#[derive(Debug, Clone, PartialEq)]
struct SearchState {
    index: IndexState,
    all_for: Option<String>,
}

enum SearchAction {
    Loaded(Rc<Searcher>),
    Failed(String),
    ShowAll(String),
}

impl Reducible for SearchState {
    type Action = SearchAction;

    fn reduce(self: Rc<Self>, action: SearchAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            SearchAction::Loaded(s) => next.index = IndexState::Ready(s),
            SearchAction::Failed(e) => next.index = IndexState::Failed(e),
            SearchAction::ShowAll(q) => next.all_for = Some(q),
        }
        Rc::new(next)
    }
}

#[component]
pub fn SearchPage() -> Html {
    let content = use_context::<ContentState>().unwrap_or(ContentState::Loading);
    let location = use_location();
    let navigator = use_navigator();
    let query = location
        .and_then(|l| l.query::<SearchQuery>().ok())
        .unwrap_or_default()
        .q;
    let state = use_reducer_eq(|| SearchState {
        index: IndexState::Loading,
        all_for: None,
    });
    let input = use_node_ref();

    {
        let state = state.clone();
        let index = match &content {
            ContentState::Ready(i) => Some(i.clone()),
            _ => None,
        };
        use_effect_with(index, move |index| {
            if let Some(index) = index.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    state.dispatch(match load_search(&index).await {
                        Ok(s) => SearchAction::Loaded(Rc::new(Searcher::new(s))),
                        Err(e) => SearchAction::Failed(e),
                    });
                });
            }
        });
    }
    {
        // The page is for typing: its box has the focus when it opens.
        let input = input.clone();
        use_effect_with((), move |()| {
            if let Some(el) = input.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }

    let oninput = Callback::from(move |e: InputEvent| {
        let el: web_sys::HtmlInputElement = e.target_unchecked_into();
        if let Some(n) = &navigator {
            let _ = n.replace_with_query(&Route::Search, &SearchQuery { q: el.value() });
        }
    });
    let results = match (&content, &state.index) {
        (ContentState::Failed(e), _) | (_, IndexState::Failed(e)) => {
            html! { <p class="error" role="alert">{ e.clone() }</p> }
        }
        (ContentState::Ready(index), IndexState::Ready(searcher)) => {
            let show_all = state.all_for.as_deref() == Some(query.as_str());
            let on_show_all = {
                let state = state.clone();
                let query = query.clone();
                Callback::from(move |_: MouseEvent| {
                    state.dispatch(SearchAction::ShowAll(query.clone()))
                })
            };
            html! {
                <SearchResults index={index.clone()} searcher={searcher.clone()}
                    query={query.clone()} {show_all} {on_show_all} />
            }
        }
        _ => html! { <p class="loading" role="status">{ "Loading the search index…" }</p> },
    };
    html! {
        <section class="search-page">
            <h1>{ "Search" }</h1>
            <form class="search-form" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label for={SEARCH_BOX}>{ "Search questions, explanations, services and ids" }</label>
                <input id={SEARCH_BOX} ref={input} type="search" value={query.clone()} {oninput}
                    autocomplete="off" spellcheck="false" placeholder="e.g. cloudformation drift" />
            </form>
            { results }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SearchResultsProps {
    pub index: Rc<ContentIndex>,
    pub searcher: Rc<Searcher>,
    pub query: String,
    /// Every result, not only the first [`FIRST_RESULTS`].
    #[prop_or_default]
    pub show_all: bool,
    #[prop_or_default]
    pub on_show_all: Callback<MouseEvent>,
}

/// The ranked results of one query: a count, "Practice these N", and each
/// question's id, domain and task, and a snippet with the hits marked.
#[component]
pub fn SearchResults(props: &SearchResultsProps) -> Html {
    if props.query.trim().is_empty() {
        return html! { <p class="search-count" role="status">{ "Type to search the whole bank." }</p> };
    }
    let results = props.searcher.search(&props.query);
    let hits: Vec<_> = results
        .hits
        .iter()
        .filter(|h| h.question < props.index.questions.len())
        .collect();
    let n = hits.len();
    let count = match n {
        0 => "No question matches.".to_string(),
        1 => "1 question matches.".to_string(),
        n => format!("{n} questions match."),
    };
    let practice = (n > 0).then(|| {
        let ids: Vec<&str> = hits
            .iter()
            .take(SET_MAX)
            .map(|h| props.index.questions[h.question].id.as_str())
            .collect();
        let label = format!("Practice these {}", ids.len());
        let spec = SetSpec {
            ids: Some(ids.join(",")),
            ..SetSpec::default()
        };
        html! {
            <Link<Route, SetSpec> to={Route::PracticeSet} query={Some(spec)} classes="button primary">
                { label }
            </Link<Route, SetSpec>>
        }
    });
    let shown = if props.show_all {
        n
    } else {
        n.min(FIRST_RESULTS)
    };
    let more = (shown < n).then(|| {
        html! {
            <button type="button" class="show-all" onclick={props.on_show_all.clone()}>
                { format!("Show all {n}") }
            </button>
        }
    });
    html! {
        <>
            <div class="search-summary">
                <p class="search-count" role="status">{ count }</p>
                { practice }
            </div>
            <ol class="search-results">
                { for hits.iter().take(shown).map(|h| {
                    let meta = &props.index.questions[h.question];
                    let snippet = props.searcher.snippet(h.question, &results.terms);
                    let task = props.index.blueprint.task(&meta.task).map_or_else(
                        || format!("Task {}", meta.task),
                        |(_, t)| format!("Task {}: {}", t.id, t.name),
                    );
                    html! {
                        <li class="search-result" key={meta.id.clone()}>
                            <Link<Route> to={Route::Question { id: meta.id.clone() }} classes="result-link">
                                <code class="result-id">{ meta.id.clone() }</code>
                            </Link<Route>>
                            <span class="result-meta">
                                { format!("Domain {} · {task}", meta.domain) }
                            </span>
                            <p class="snippet">
                                { for snippet.into_iter().map(|(text, hit)| if hit {
                                    html! { <mark>{ text }</mark> }
                                } else {
                                    html! { { text } }
                                }) }
                            </p>
                        </li>
                    }
                }) }
            </ol>
            { more }
        </>
    }
}
