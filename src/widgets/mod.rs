//! The scenario simulators' views. Each widget reads its facts from
//! `data/widget-<id>.json`, keeps its whole state in the URL query (so a
//! configuration is a shareable link that survives reload), and renders the
//! same inside the app or alone on an `#/embed/…` route.

pub mod asg;
pub mod beanstalk;
pub mod codedeploy;
pub mod dr;
pub mod pipeline;

use std::rc::Rc;

use serde::de::DeserializeOwned;
use yew::prelude::*;

use crate::content::load_widget;

/// What every widget component takes: whether it is shown alone in an embed.
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    #[prop_or_default]
    pub embedded: bool,
}

impl WidgetProps {
    /// The route the widget is shown on, whose URL holds its state.
    pub fn route(
        &self,
        embed: crate::routes::Route,
        page: crate::routes::Route,
    ) -> crate::routes::Route {
        if self.embedded {
            embed
        } else {
            page
        }
    }
}

#[derive(Debug, PartialEq)]
pub enum Facts<T> {
    Loading,
    Ready(Rc<T>),
    Failed(String),
}

// By hand: `Rc<T>` clones whether or not `T` does.
impl<T> Clone for Facts<T> {
    fn clone(&self) -> Self {
        match self {
            Facts::Loading => Facts::Loading,
            Facts::Ready(f) => Facts::Ready(f.clone()),
            Facts::Failed(e) => Facts::Failed(e.clone()),
        }
    }
}

/// A widget's facts given up front, as the build's prerenderer does (it
/// reads `data/widget-<id>.json` itself): the widget renders them at once
/// instead of its loading line.
#[derive(Clone, PartialEq)]
pub struct PreloadedFacts {
    pub id: &'static str,
    pub json: Rc<str>,
}

/// The event a widget dispatches on `window` when its facts have arrived and
/// it shows its real content: the app keeps the prerendered copy of the
/// simulator on screen until then (see [`crate::modules::FeatureModule`]).
pub const FACTS_READY_EVENT: &str = "canary-facts-ready";

/// Fetches a widget's facts once (or takes them from [`PreloadedFacts`]).
#[hook]
pub fn use_facts<T: DeserializeOwned + PartialEq + 'static>(id: &'static str) -> Facts<T> {
    let preloaded = use_context::<PreloadedFacts>();
    let facts = use_state(move || {
        preloaded
            .filter(|p| p.id == id)
            .and_then(|p| serde_json::from_str::<T>(&p.json).ok())
            .map_or(Facts::Loading, |f| Facts::Ready(Rc::new(f)))
    });
    {
        let facts = facts.clone();
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match load_widget::<T>(id).await {
                    Ok(f) => Facts::Ready(Rc::new(f)),
                    Err(e) => Facts::Failed(e),
                };
                facts.set(loaded);
                // After this task's render: the real content is in the page.
                if let Some(w) = crate::dom::window() {
                    if let Ok(e) = web_sys::Event::new(FACTS_READY_EVENT) {
                        let _ = w.dispatch_event(&e);
                    }
                }
            });
        });
    }
    (*facts).clone()
}

/// A widget's state, read from the URL query, and the callback that writes a
/// new state back (replacing the history entry, so Back leaves the widget).
#[hook]
pub fn use_query_state<Q>(route: crate::routes::Route) -> (Q, Callback<Q>)
where
    Q: serde::Serialize + DeserializeOwned + Default + 'static,
{
    use yew_router::prelude::{use_location, use_navigator};
    let location = use_location();
    let navigator = use_navigator();
    let query = location
        .as_ref()
        .and_then(|l| l.query::<Q>().ok())
        .unwrap_or_default();
    let on_change = Callback::from(move |q: Q| {
        if let Some(n) = &navigator {
            let _ = n.replace_with_query(&route, &q);
        }
    });
    (query, on_change)
}

/// The facts once they are there, or what to show until then: the loading
/// line or the error.
pub fn ready<T>(facts: Facts<T>, what: &str) -> Result<Rc<T>, Html> {
    match facts {
        Facts::Loading => {
            Err(html! { <p class="loading" role="status">{ format!("Loading {what}…") }</p> })
        }
        Facts::Failed(e) => Err(html! { <p class="error" role="alert">{ e }</p> }),
        Facts::Ready(f) => Ok(f),
    }
}

/// What a simulator's view takes: its facts, its state (from the URL) and
/// where a changed state goes.
#[derive(Properties, PartialEq)]
pub struct ViewProps<F: PartialEq, Q: PartialEq> {
    pub facts: Rc<F>,
    pub query: Q,
    pub on_change: Callback<Q>,
}

/// Everything a simulator's component does before its view: fetch the
/// facts `id`, read the state from the URL of the page or embed route it is
/// shown on, and hand both to the view, or the loading or failure line.
#[hook]
pub fn use_simulator<F, Q>(
    id: &'static str,
    what: &'static str,
    route: crate::routes::Route,
) -> Result<ViewProps<F, Q>, Html>
where
    F: DeserializeOwned + PartialEq + 'static,
    Q: serde::Serialize + DeserializeOwned + Default + PartialEq + 'static,
{
    let facts = use_facts::<F>(id);
    let (query, on_change) = use_query_state::<Q>(route);
    ready(facts, what).map(|facts| ViewProps {
        facts,
        query,
        on_change,
    })
}

/// Reads an input or select element's value from a change event.
pub fn event_value(e: &impl AsRef<web_sys::Event>) -> String {
    use wasm_bindgen::JsCast;
    e.as_ref()
        .target()
        .and_then(|t| {
            t.clone()
                .dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| {
                    if i.type_() == "checkbox" {
                        i.checked().to_string()
                    } else {
                        i.value()
                    }
                })
                .ok()
                .or_else(|| {
                    t.dyn_into::<web_sys::HtmlSelectElement>()
                        .ok()
                        .map(|s| s.value())
                })
        })
        .unwrap_or_default()
}

/// "Sources" footer: every documentation page the widget's facts cite.
pub fn sources(urls: &[&str]) -> Html {
    let mut urls: Vec<&str> = urls.to_vec();
    urls.sort_unstable();
    urls.dedup();
    html! {
        <details class="sources">
            <summary>{ format!("Sources ({} AWS documentation pages)", urls.len()) }</summary>
            <ul>{ for urls.iter().map(|u| html! { <li><a href={u.to_string()} target="_blank" rel="noopener noreferrer">{ *u }</a></li> }) }</ul>
        </details>
    }
}
