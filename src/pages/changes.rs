//! The Changes page (`#/changes`): what changed in the question bank, per
//! content release, from `content/CHANGELOG.toml` as the compiler shipped it
//! in `index.json`. Added and fixed ids link to their question; retired
//! ones are no longer in the bank, so they are plain text.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::content::ContentState;
use crate::domain::errata::ChangelogEntry;
use crate::routes::Route;

#[component]
pub fn Changes() -> Html {
    let content = use_context::<ContentState>().unwrap_or(ContentState::Loading);
    html! {
        <section class="changes">
            <h1>{ "Changes to the questions" }</h1>
            { match content {
                ContentState::Loading => html! { <p class="loading" role="status">{ "Loading the question bank…" }</p> },
                ContentState::Failed(e) => html! { <p class="error" role="alert">{ e }</p> },
                ContentState::Ready(index) if index.changelog.is_empty() => html! { <p>{ "No changes are recorded yet." }</p> },
                ContentState::Ready(index) => html! {
                    <>
                        <p class="lead">{ format!("Newest first. This bank is content version {}.", index.version) }</p>
                        { for index.changelog.iter().map(entry) }
                    </>
                },
            } }
        </section>
    }
}

fn entry(e: &ChangelogEntry) -> Html {
    html! {
        <article class="change-entry">
            <h2>{ e.heading() }</h2>
            if !e.summary.is_empty() {
                <p>{ e.summary.clone() }</p>
            }
            { ids("Added", &e.added, true) }
            { ids("Fixed", &e.fixed, true) }
            { ids("Retired", &e.retired, false) }
        </article>
    }
}

fn ids(label: &str, ids: &[String], linked: bool) -> Html {
    if ids.is_empty() {
        return Html::default();
    }
    html! {
        <details class="change-ids" open={ids.len() <= 20}>
            <summary>{ format!("{label} ({})", ids.len()) }</summary>
            <ul>
                { for ids.iter().map(|id| html! {
                    <li>
                        if linked {
                            <Link<Route> to={Route::Question { id: id.clone() }}>{ id.clone() }</Link<Route>>
                        } else {
                            <code>{ id.clone() }</code>
                        }
                    </li>
                }) }
            </ul>
        </details>
    }
}
