//! The build's prerenderer (run by `cargo xtask postbuild` on Trunk's
//! staging directory): renders every static route with Yew's server renderer
//! into the app's `index.html`, so the first paint comes from HTML and CSS
//! instead of waiting for WebAssembly, and a reader without JavaScript still
//! sees the dashboard and a note.
//!
//! - The dashboard is written straight into `<body>` (`#prerender`).
//! - Every other static route is a `<template data-route="/…">`; the boot
//!   script swaps in the one the URL's fragment names before the wasm starts
//!   (`static/build/start.js` hides the dashboard for such links until then).
//! - The app removes all of it and renders the same markup when it starts.
//!
//! Usage: `cargo run --example prerender -- <staging dir>`

use std::rc::Rc;

use canary::app::{Prerender, PrerenderProps};
use canary::domain::question::ContentIndex;
use canary::routes::{Route, SIMULATORS};
use yew::LocalServerRenderer;
use yew_router::Routable;

const NOSCRIPT: &str = "<noscript><div class=\"notice-banner info\" role=\"status\"><p><strong>Canary needs JavaScript</strong> for practice, the exam and the simulators. What you see is a preview of the dashboard; turn JavaScript on to study.</p></div></noscript>";

async fn render(route: Route, index: &Rc<ContentIndex>) -> String {
    LocalServerRenderer::<Prerender>::with_props(PrerenderProps {
        route,
        index: index.clone(),
    })
    .hydratable(false)
    .render()
    .await
}

/// The routes a learner can open without any state of their own.
fn static_routes() -> Vec<Route> {
    let mut routes = vec![
        Route::Practice,
        Route::Exam,
        Route::Widgets,
        Route::Settings,
        Route::About,
    ];
    routes.extend(
        SIMULATORS
            .iter()
            .filter_map(|s| Route::recognize(&format!("/widgets/{}", s.id))),
    );
    routes
}

fn main() -> Result<(), String> {
    let staging = std::env::args()
        .nth(1)
        .ok_or("usage: prerender <staging dir>")?;
    let dir = std::path::Path::new(&staging);
    let read = |p: &std::path::Path| {
        std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))
    };
    let index: ContentIndex = serde_json::from_str(&read(&dir.join("data/index.json"))?)
        .map_err(|e| format!("data/index.json: {e}"))?;
    let index = Rc::new(index);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| e.to_string())?;
    let home = runtime.block_on(render(Route::Home, &index));
    let mut body =
        format!("<body>{NOSCRIPT}<div id=\"prerender\" class=\"prerender\">{home}</div>");
    for route in static_routes() {
        let html = runtime.block_on(render(route.clone(), &index));
        body.push_str(&format!(
            "<template data-route=\"{}\">{html}</template>",
            route.to_path()
        ));
    }
    let path = dir.join("index.html");
    let page = read(&path)?;
    if !page.contains("<body></body>") {
        return Err("index.html: no empty <body></body> to fill".into());
    }
    let page = page.replace("<body></body>", &format!("{body}</body>"));
    std::fs::write(&path, page).map_err(|e| e.to_string())?;
    eprintln!("prerender: dashboard and {} routes", static_routes().len());
    Ok(())
}
