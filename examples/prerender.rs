//! The build's prerenderer (run by `cargo xtask postbuild` on Trunk's
//! staging directory): renders every static route with Yew's server renderer
//! into the app's `index.html`, so the first paint comes from HTML and CSS
//! instead of waiting for WebAssembly, and a reader without JavaScript still
//! sees the dashboard and a note.
//!
//! - The dashboard is written straight into `<body>` (`#prerender`).
//! - Every other static route is a file of its own, `prerender/<route>.html`
//!   (`/widgets/dr` → `widgets-dr.html`); for a deep link the boot script
//!   fetches the one the URL's fragment names and swaps it in while the wasm
//!   downloads (`static/build/start.js` hides the dashboard for such links
//!   until then). Kept out of `index.html`, they cost the dashboard's first
//!   load nothing (inline, the five simulators alone added 15 KiB gzip).
//! - The app removes all of it and renders the same markup when it starts.
//!
//! Usage: `cargo run --example prerender -- <staging dir>`

use std::rc::Rc;

use canary::app::{Prerender, PrerenderProps};
use canary::domain::question::ContentIndex;
use canary::routes::{Route, SIMULATORS};
use canary::widgets::{self, PreloadedFacts};
use yew::prelude::*;
use yew::LocalServerRenderer;
use yew_router::Routable;

const NOSCRIPT: &str = "<noscript><div class=\"notice-banner info\" role=\"status\"><p><strong>Canary needs JavaScript</strong> for practice, the exam and the simulators. What you see is a preview of the dashboard; turn JavaScript on to study.</p></div></noscript>";

async fn render(route: Route, index: &Rc<ContentIndex>, module: Option<Html>) -> String {
    let html = LocalServerRenderer::<Prerender>::with_props(PrerenderProps {
        route,
        index: index.clone(),
        module,
    })
    .hydratable(false)
    .render()
    .await;
    // The router renders in memory here, so its links come out as paths;
    // the app's routes live in the fragment (any sub-path works), as they
    // must for a reader without JavaScript.
    html.replace("href=\"/", "href=\"#/")
}

/// Simulator `id` in its default state, its facts given up front (the
/// build's `data/widget-<id>.json`), as the module would first render it.
fn simulator(id: &'static str, json: Rc<str>) -> Html {
    let widget = match id {
        "asg" => html! { <widgets::asg::AsgWidget /> },
        "beanstalk" => html! { <widgets::beanstalk::BeanstalkWidget /> },
        "codedeploy" => html! { <widgets::codedeploy::CodeDeployWidget /> },
        "dr" => html! { <widgets::dr::DrWidget /> },
        "pipeline" => html! { <widgets::pipeline::PipelineWidget /> },
        _ => return Html::default(),
    };
    html! {
        <ContextProvider<PreloadedFacts> context={PreloadedFacts { id, json }}>
            { widget }
        </ContextProvider<PreloadedFacts>>
    }
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

/// `/widgets/dr` → `widgets-dr` (the boot script computes the same name).
fn slug(path: &str) -> String {
    path.trim_start_matches('/').replace('/', "-")
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
    let home = runtime.block_on(render(Route::Home, &index, None));
    let body = format!("<body>{NOSCRIPT}<div id=\"prerender\" class=\"prerender\">{home}</div>");
    let pages = dir.join("prerender");
    std::fs::create_dir_all(&pages).map_err(|e| e.to_string())?;
    for route in static_routes() {
        let module = match route.simulator() {
            Some((sim, _)) => {
                let json = read(&dir.join(format!("data/widget-{}.json", sim.id)))?;
                Some(simulator(sim.id, json.into()))
            }
            None => None,
        };
        let html = runtime.block_on(render(route.clone(), &index, module));
        // One small file per route, fetched by the boot script only for a
        // deep link: the dashboard's first load does not carry them.
        let file = pages.join(format!("{}.html", slug(&route.to_path())));
        std::fs::write(&file, html).map_err(|e| format!("{}: {e}", file.display()))?;
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
