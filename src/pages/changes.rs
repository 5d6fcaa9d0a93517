//! The Changes page (`#/changes`): what changed in the question bank, per
//! content release, from `content/CHANGELOG.toml` as the compiler wrote it
//! to `data/changelog.json` (fetched here only, so it costs the first load
//! nothing). Added and fixed ids link to their question; retired ones are no
//! longer in the bank, so they are plain text.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::content::ContentState;
use crate::domain::errata::ChangelogEntry;
use crate::routes::Route;

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready(Rc<Vec<ChangelogEntry>>),
    Failed(String),
}

#[component]
pub fn Changes() -> Html {
    let content = use_context::<ContentState>();
    let load = use_state(|| Load::Loading);
    {
        let load = load.clone();
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                load.set(match crate::content::load_changelog().await {
                    Ok(entries) => Load::Ready(Rc::new(entries)),
                    Err(e) => Load::Failed(e),
                });
            });
        });
    }
    let version = match content {
        Some(ContentState::Ready(index)) => Some(index.version.clone()),
        _ => None,
    };
    html! {
        <section class="changes">
            <h1>{ "Changes to the questions" }</h1>
            { match &*load {
                Load::Loading => html! { <p class="loading" role="status">{ "Loading the changes…" }</p> },
                Load::Failed(e) => html! { <p class="error" role="alert">{ e }</p> },
                Load::Ready(entries) => html! { <ChangeList entries={entries.clone()} {version} /> },
            } }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChangeListProps {
    pub entries: Rc<Vec<ChangelogEntry>>,
    /// The bank's content version, once the index is loaded.
    #[prop_or_default]
    pub version: Option<String>,
}

/// The releases, newest first. Pure in its inputs, so it renders natively.
#[component]
pub fn ChangeList(props: &ChangeListProps) -> Html {
    if props.entries.is_empty() {
        return html! { <p>{ "No changes are recorded yet." }</p> };
    }
    html! {
        <>
            <p class="lead">
                { "Newest first." }
                if let Some(v) = &props.version {
                    { format!(" This bank is content version {v}.") }
                }
            </p>
            { for props.entries.iter().map(entry) }
        </>
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
