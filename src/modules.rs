//! Feature modules: parts of Canary that ship as wasm binaries of their own
//! and are downloaded the first time a learner opens them, so the app's
//! first load carries only the shell, the dashboard and the practice flow.
//!
//! Today each simulator is one module (`src/bin/sim-<id>.rs`, built by
//! `cargo xtask modules-build` into `modules/sim-<id>-<hash>.js` and its
//! `_bg.wasm`). The same module serves both places a simulator is shown:
//! inside the app, where [`FeatureModule`] mounts it into its part of the
//! page, and alone in `embed/`, where it mounts into the whole document — so
//! an embed of one simulator downloads no code of the other four, nor the app.
//!
//! **Why separate binaries, not a wasm splitter.** Both were measured on this
//! app (BENCHMARKS.md, "Size levers tried"). A splitter (`wasm-split`
//! on the linked wasm, before wasm-bindgen) took the main wasm from 429 to
//! 232 KiB gzip, but every split-off chunk still needs the whole app's
//! runtime as its main module, so an embedded simulator would still download
//! the app. Simulators as binaries of their own took the app's wasm from 417
//! to 339 KiB gzip (first load of the dashboard 457 → 369 KiB) and give each
//! embed one simulator only: 144–166 KiB of wasm plus 8 KiB of JS glue per
//! module, 183 KiB for the largest embed with its facts, against 254 for
//! the five-simulator embed bundle before. It also keeps the build on the
//! stock toolchain (cargo, wasm-bindgen, wasm-opt) instead of third-party
//! link-time tooling, and a module that fails to load breaks one page, not
//! the app. The price is a second copy of Yew's runtime (about 55 KiB gzip)
//! in each module, paid only by a learner who opens a simulator, and cached
//! from then on.
//!
//! **How a module talks to the app.** Both share the document, the URL and
//! storage, nothing else: the module has its own router on the same
//! fragment. Browsers tell each wasm instance's router only of its own
//! `pushState` calls, so whenever the module changes the URL it dispatches a
//! `popstate` event, which every router on the page re-reads — the app's
//! embed snippet follows the simulator's state, and a link from the
//! simulator to a practice set takes the app there.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::embed::{embed_start, EmbedFrame};
use crate::routes::{Route, Simulator};
use crate::widgets::WidgetProps;

/// Loads the named module (once per page; later calls share the download):
/// `window.canaryModule(name)` in the boot script knows this build's hashed
/// file names, imports the module and initialises its wasm.
async fn load(name: &str) -> Result<JsValue, String> {
    let window = crate::dom::window().ok_or("no window")?;
    let loader = js_sys::Reflect::get(&window, &"canaryModule".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("this page has no module loader")?;
    let promise = loader
        .call1(&window, &name.into())
        .map_err(describe)?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| "the module loader returned no promise".to_string())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(describe)
}

fn describe(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Calls the module's exported function `name` with `args`.
fn call(module: &JsValue, name: &str, args: &js_sys::Array) -> Result<(), String> {
    let f = js_sys::Reflect::get(module, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| format!("the module exports no `{name}`"))?;
    f.apply(&JsValue::NULL, args).map(drop).map_err(describe)
}

#[derive(Properties, PartialEq)]
pub struct FeatureModuleProps {
    /// The module's name, such as `sim-dr`.
    pub name: AttrValue,
    /// What it is, for the loading line ("the disaster-recovery chooser").
    pub what: AttrValue,
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready,
    Failed(String),
}

/// The simulator's markup as the build prerendered it, given to
/// [`FeatureModule`] when rendering natively (examples/prerender.rs).
#[derive(Clone, PartialEq)]
pub struct PrerenderedModule(pub Html);

thread_local! {
    /// The prerendered simulator found in the page when the app started
    /// (see [`keep_prerendered`]), for the first [`FeatureModule`] to show.
    static STASH: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Called just before the app removes the prerendered page: keeps the
/// simulator's prerendered markup, if the page has one, so that
/// [`FeatureModule`] shows it until the module has rendered its own.
pub fn keep_prerendered(doc: &web_sys::Document) {
    // A simulator link with its own state (a query) would flash the
    // default state first: only the default is prerendered.
    let hash = doc
        .location()
        .and_then(|l| l.hash().ok())
        .unwrap_or_default();
    if hash.contains('?') {
        return;
    }
    if let Ok(Some(el)) = doc.query_selector("#prerender .feature-module") {
        // Tests and scripts find the live simulator by `data-widget`.
        let html = el
            .inner_html()
            .replace("data-widget=", "data-prerendered-widget=");
        if !html.trim().is_empty() {
            STASH.with(|s| *s.borrow_mut() = Some(html));
        }
    }
}

/// Downloads a feature module and mounts it into an element of this page;
/// unmounts it when the page goes.
#[component]
pub fn FeatureModule(props: &FeatureModuleProps) -> Html {
    let root = use_node_ref();
    let state = use_state_eq(|| Load::Loading);
    let prerendered = use_context::<PrerenderedModule>();
    // The prerendered copy stays on screen (the module mounting hidden under
    // it) until the simulator shows its facts, so nothing shifts.
    let stash = use_state(|| STASH.with(|s| s.borrow_mut().take()));
    {
        let stash = stash.clone();
        use_effect_with(stash.is_some(), move |shown| {
            let listener = shown.then(|| {
                crate::dom::window().map(|w| {
                    gloo_events::EventListener::once(
                        &w,
                        crate::widgets::FACTS_READY_EVENT,
                        move |_| stash.set(None),
                    )
                })
            });
            move || drop(listener)
        });
    }
    {
        let root = root.clone();
        let state = state.clone();
        use_effect_with(props.name.clone(), move |name| {
            // Shared with the clean-up: the module once loaded, and whether
            // the page has gone meanwhile (then it must not mount at all).
            let module = Rc::new(RefCell::new(None::<JsValue>));
            let gone = Rc::new(RefCell::new(false));
            {
                let (module, gone, name) = (module.clone(), gone.clone(), name.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let result = load(&name).await.and_then(|m| {
                        if *gone.borrow() {
                            return Ok(());
                        }
                        let el = root.cast::<web_sys::Element>().ok_or("no mount point")?;
                        call(&m, "mount", &js_sys::Array::of1(&el))?;
                        *module.borrow_mut() = Some(m);
                        Ok(())
                    });
                    if !*gone.borrow() {
                        state.set(match result {
                            Ok(()) => Load::Ready,
                            Err(e) => Load::Failed(e),
                        });
                    }
                });
            }
            move || {
                *gone.borrow_mut() = true;
                if let Some(m) = module.borrow_mut().take() {
                    let _ = call(&m, "unmount", &js_sys::Array::new());
                }
            }
        });
    }
    let status = match &*state {
        Load::Loading => {
            html! { <p class="loading" role="status">{ format!("Loading {}…", props.what) }</p> }
        }
        Load::Failed(e) => html! {
            <p class="error" role="alert">
                { format!("{} could not be loaded ({e}). Check the connection and reload; once loaded it also works offline.", props.what) }
            </p>
        },
        Load::Ready => Html::default(),
    };
    if let Some(PrerenderedModule(html)) = prerendered {
        return html! { <div class="feature-module">{ html }</div> };
    }
    // The same three children in every state, so the module's element is
    // never swapped for another under it.
    let stash = match &*state {
        Load::Failed(_) => None,
        _ => (*stash).clone(),
    };
    let shown = stash.is_some();
    let status = if shown { Html::default() } else { status };
    let copy = stash.map_or_else(Html::default, |h| Html::from_html_unchecked(h.into()));
    html! {
        <>
            { status }
            <div class="prerendered-module" aria-hidden="true" inert={shown} hidden={!shown}>{ copy }</div>
            <div class="feature-module" ref={root} hidden={shown}></div>
        </>
    }
}

#[derive(Clone, PartialEq)]
enum Offline {
    Idle,
    Working,
    Done(u32),
    Failed(String),
}

/// Settings, "Offline": the app is stored for offline use on the first
/// visit, each simulator when first opened; this stores every simulator now.
#[component]
pub fn MakeOffline() -> Html {
    let state = use_state_eq(|| Offline::Idle);
    let onclick = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let state = state.clone();
            state.set(Offline::Working);
            wasm_bindgen_futures::spawn_local(async move {
                state.set(match cache_modules().await {
                    Ok(n) => Offline::Done(n),
                    Err(e) => Offline::Failed(e),
                });
            });
        })
    };
    let status = match &*state {
        Offline::Idle => String::new(),
        Offline::Working => "Downloading the simulators…".into(),
        Offline::Done(n) => format!("Done: all {n} simulators now work offline."),
        Offline::Failed(e) => format!("Not stored ({e}). Check the connection and try again."),
    };
    html! {
        <>
            <h2>{ "Offline" }</h2>
            <p>{ "After your first visit, practice, the exam and the dashboard work without a network. Each simulator is stored the first time you open it; store them all now before a trip." }</p>
            <div class="actions">
                <button type="button" class="secondary" {onclick} disabled={*state == Offline::Working}>
                    { "Make every simulator available offline" }
                </button>
                <span role="status">{ status }</span>
            </div>
        </>
    }
}

/// `window.canaryCacheModules()` from the boot script: how many modules it stored.
async fn cache_modules() -> Result<u32, String> {
    let window = crate::dom::window().ok_or("no window")?;
    let f = js_sys::Reflect::get(&window, &"canaryCacheModules".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("this page cannot store files")?;
    let promise = f
        .call0(&window)
        .map_err(describe)?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| "no promise".to_string())?;
    let n = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(describe)?;
    Ok(n.as_f64().unwrap_or(0.0) as u32)
}

thread_local! {
    /// The module's mounted app (one per module instance), for `unmount`.
    static MOUNTED: RefCell<Option<Box<dyn FnOnce()>>> = const { RefCell::new(None) };
}

/// Inside a simulator module: mounts the simulator `C` into `root`, an
/// element of the app's page. Called through the module's `mount` export.
pub fn mount<C>(root: web_sys::Element)
where
    C: BaseComponent<Properties = WidgetProps>,
{
    unmount();
    set_apart_subtree_ids();
    let handle = yew::Renderer::<InApp<C>>::with_root(root).render();
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(move || handle.destroy())));
}

/// Subtree ids this module's Yew skips before its first mount.
const SET_APART: u32 = 32;

/// Yew handles events in the capture phase on each app's root element and
/// gives every element it renders the id of its subtree (app or portal);
/// an event is handled by the subtree whose id the target carries. Each
/// wasm instance counts those ids from 1, so the app (id 1, on `<body>`,
/// which it sees first) would take a click in this module (also id 1) for
/// one of its own and run whatever app listener has the same number — a
/// radio button that never checks, a button that follows an app link.
/// Mounting and dropping a few empty apps first moves this module's ids
/// past the app's (one root, no portals): the app then sees a foreign id
/// and leaves the event to the module, and nothing stops propagation, so
/// document-level listeners still see every event.
fn set_apart_subtree_ids() {
    thread_local!(static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if DONE.with(|d| d.replace(true)) {
        return;
    }
    let Some(doc) = crate::dom::window().and_then(|w| w.document()) else {
        return;
    };
    for _ in 0..SET_APART {
        if let Ok(el) = doc.create_element("div") {
            yew::Renderer::<Nothing>::with_root(el).render().destroy();
        }
    }
}

#[component]
fn Nothing() -> Html {
    Html::default()
}

/// Inside a module: removes what [`mount`] rendered.
pub fn unmount() {
    if let Some(destroy) = MOUNTED.with(|m| m.borrow_mut().take()) {
        destroy();
    }
}

/// Inside a simulator module on the embed page (`embed/#/embed/<id>`): the
/// theme and background the fragment asks for (never stored), then the
/// simulator alone in its frame, over the whole document.
pub fn embed<C>(sim: &'static Simulator)
where
    C: BaseComponent<Properties = WidgetProps>,
{
    let theme = embed_start().and_then(|e| e.theme).unwrap_or_default();
    crate::components::theme::apply(theme, false);
    yew::Renderer::<Embedded<C>>::with_props(EmbeddedProps { sim }).render();
}

#[component]
fn InApp<C>() -> Html
where
    C: BaseComponent<Properties = WidgetProps>,
{
    html! {
        <HashRouter>
            <TellOtherRouters />
            <C embedded=false />
        </HashRouter>
    }
}

#[derive(Properties, PartialEq)]
struct EmbeddedProps {
    sim: &'static Simulator,
}

#[component]
fn Embedded<C>(props: &EmbeddedProps) -> Html
where
    C: BaseComponent<Properties = WidgetProps>,
{
    let sim = props.sim;
    html! {
        <HashRouter>
            <StayOrLeave {sim} />
            <EmbedFrame open={format!("#/widgets/{}", sim.id)} title={sim.embed_title}>
                <C embedded=true />
            </EmbedFrame>
        </HashRouter>
    }
}

/// In the app: after every URL change this module's router makes, lets the
/// app's router (another wasm instance) read the URL too.
#[component]
fn TellOtherRouters() -> Html {
    let href = use_location().map(|l| format!("{}{}", l.path(), l.query_str()));
    use_effect_with(href, |_| {
        if let (Some(w), Ok(e)) = (crate::dom::window(), web_sys::Event::new("popstate")) {
            let _ = w.dispatch_event(&e);
        }
    });
    Html::default()
}

#[derive(Properties, PartialEq)]
struct StayOrLeaveProps {
    sim: &'static Simulator,
}

/// In an embed: a link that leaves this simulator (to a practice set) is
/// handed to the full app one directory up, with the same fragment.
#[component]
fn StayOrLeave(props: &StayOrLeaveProps) -> Html {
    let route = use_route::<Route>();
    let here = route
        .as_ref()
        .and_then(Route::simulator)
        .is_some_and(|(s, embedded)| embedded && s.id == props.sim.id);
    use_effect_with(here, |here| {
        if !here {
            if let Some(location) = crate::dom::window().map(|w| w.location()) {
                let hash = location.hash().unwrap_or_default();
                let _ = location.replace(&format!("../{hash}"));
            }
        }
    });
    Html::default()
}

/// The body of a simulator module's binary: its three exports.
#[macro_export]
macro_rules! simulator_module {
    ($widget:ty, $id:literal) => {
        /// Mounts the simulator into an element of the app's page.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn mount(root: web_sys::Element) {
            canary::modules::mount::<$widget>(root);
        }

        /// Removes what `mount` rendered.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn unmount() {
            canary::modules::unmount();
        }

        /// Renders the simulator alone, as the embed page.
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn embed() {
            let sim = canary::routes::SIMULATORS
                .iter()
                .find(|s| s.id == $id)
                .expect("a known simulator");
            canary::modules::embed::<$widget>(sim);
        }

        fn main() {}
    };
}
