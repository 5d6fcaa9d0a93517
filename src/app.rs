//! The application shell: which page each route shows, the layout every
//! page shares, and the providers of the app-wide contexts (theme,
//! question-bank index, progress). The routes themselves live in
//! [`crate::routes`]; the simulators are feature modules of their own
//! ([`crate::modules`]), which this binary loads on demand.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::embed::EmbedFrame;
use crate::components::nav::NavBar;
use crate::components::progress::{
    download, export_name, Notice, NoticeBanner, ProgressAction, ProgressContext, ProgressModel,
    ProgressProvider,
};
use crate::content::{load_index, ContentState};
use crate::contexts::ThemeContext;
use crate::domain::practice_set::SetSpec;
use crate::domain::settings::Theme;
use crate::modules::FeatureModule;
use crate::pages::widgets::WidgetPage;
use crate::pages::{
    about::About,
    cheatsheets::{CheatSheetPage, CheatSheets},
    exam::{Exam, ExamReport},
    flashcards::Flashcards,
    home::Home,
    not_found::NotFound,
    practice::{PracticeBuilder, PracticeFromQuery, PracticeSet},
    search::SearchPage,
    settings::Settings,
    widgets::Widgets,
};
use crate::routes::Route;

/// Embed routes render one item alone; every other route gets the shell.
pub fn switch(route: Route) -> Html {
    match route {
        Route::EmbedQuestion { id } => html! {
            <EmbedFrame open={format!("#/question/{id}")} title="practice question">
                <PracticeSet spec={SetSpec { ids: Some(id), ..SetSpec::default() }} embedded=true />
            </EmbedFrame>
        },
        Route::EmbedQuiz => {
            html! { <EmbedFrame open="#/practice" title="practice quiz"><PracticeFromQuery embedded=true /></EmbedFrame> }
        }
        other => html! { <Shell>{ page(other) }</Shell> },
    }
}

fn page(route: Route) -> Html {
    if let Some((sim, embedded)) = route.simulator() {
        if embedded {
            // A link pasted before simulators had their own embed page.
            to_embed_page();
            return Html::default();
        }
        return html! {
            <WidgetPage title={sim.title} widget={sim.id}>
                <FeatureModule name={sim.module()} what={sim.title} />
            </WidgetPage>
        };
    }
    match route {
        Route::Home => html! { <Home /> },
        Route::Practice => html! { <PracticeBuilder /> },
        Route::PracticeSet => html! { <PracticeFromQuery /> },
        Route::PracticeDomain { domain } => html! {
            <PracticeSet spec={SetSpec { domain: Some(domain), size: Some(200), ..SetSpec::default() }} />
        },
        Route::Question { id } => html! {
            <PracticeSet spec={SetSpec { ids: Some(id), ..SetSpec::default() }} />
        },
        Route::Exam => html! { <Exam /> },
        Route::ExamAttempt { n } => html! { <ExamReport {n} /> },
        Route::Widgets => html! { <Widgets /> },
        Route::CheatSheets => html! { <CheatSheets /> },
        Route::CheatSheet { topic } => html! { <CheatSheetPage {topic} /> },
        Route::Flashcards => html! { <Flashcards /> },
        Route::Search => html! { <SearchPage /> },
        Route::Settings => html! { <Settings /> },
        Route::About => html! { <About /> },
        Route::Changes => html! { <crate::pages::changes::Changes /> },
        Route::NotFound => html! { <NotFound /> },
        // Simulators are handled above; embeds of a question or quiz by `switch`.
        _ => Html::default(),
    }
}

/// Sends an old `#/embed/<simulator>` link of the app to the embed page,
/// which loads that simulator's module alone.
fn to_embed_page() {
    if let Some(location) = crate::dom::window().map(|w| w.location()) {
        let hash = location.hash().unwrap_or_default();
        let _ = location.replace(&format!("embed/{hash}"));
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The stored theme, read by `main` before the first render so the page
    /// never flashes the wrong colours.
    #[prop_or_default]
    pub theme: Theme,
    /// The progress read from storage by `main`, with what reading found.
    pub progress: ProgressModel,
    /// Started on an `#/embed/…` route: the theme comes from the embed's URL
    /// and is never saved, so an embed cannot change the learner's choice.
    #[prop_or_default]
    pub embedded: bool,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let theme = use_state_eq(|| props.theme);
    let content = use_state_eq(|| ContentState::Loading);

    {
        let content = content.clone();
        use_effect_with((), move |()| {
            // An old simulator embed link leaves for the embed page at once.
            let widget_embed = crate::dom::window()
                .and_then(|w| w.location().hash().ok())
                .and_then(|h| Route::recognize(h.trim_start_matches('#').split('?').next()?))
                .and_then(|r| r.simulator())
                .is_some_and(|(_, embedded)| embedded);
            if widget_embed {
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                content.set(match load_index().await {
                    Ok(index) => ContentState::Ready(Rc::new(index)),
                    Err(e) => ContentState::Failed(e),
                });
            });
        });
    }
    // The benchmarks time navigation to this mark (first render).
    use_effect_with((), |()| {
        if let Some(p) = crate::dom::window().and_then(|w| w.performance()) {
            let _ = p.mark("canary:first-render");
        }
    });
    let persist_theme = !props.embedded;
    use_effect_with(*theme, move |theme| {
        crate::components::theme::apply(*theme, persist_theme)
    });

    let theme_ctx = ThemeContext {
        theme: *theme,
        set: {
            let theme = theme.clone();
            Callback::from(move |t| theme.set(t))
        },
    };

    html! {
        <HashRouter>
            <ContextProvider<ThemeContext> context={theme_ctx}>
                <ContextProvider<ContentState> context={(*content).clone()}>
                    <ProgressProvider initial={props.progress.clone()}>
                        <Switch<Route> render={switch} />
                    </ProgressProvider>
                </ContextProvider<ContentState>>
            </ContextProvider<ThemeContext>>
        </HashRouter>
    }
}

#[derive(Properties, PartialEq)]
pub struct PrerenderProps {
    pub route: Route,
    /// The bank's index, as the build wrote it.
    pub index: Rc<crate::domain::question::ContentIndex>,
    /// A simulator route's simulator, rendered with its facts, for the
    /// page's feature module to show in its place.
    #[prop_or_default]
    pub module: Option<Html>,
}

/// What a fresh learner sees first on `route`, for the build to write into
/// the page as HTML (`cargo run --example prerender`): the same shell and
/// page as [`App`], with the bank's index already there, default settings
/// and no progress. The app replaces it when its wasm starts.
#[component]
pub fn Prerender(props: &PrerenderProps) -> Html {
    let history = yew_router::history::AnyHistory::from(
        yew_router::history::MemoryHistory::with_entries(vec![props.route.to_path()]),
    );
    let theme = ThemeContext {
        theme: Theme::Auto,
        set: Callback::noop(),
    };
    let content = ContentState::Ready(props.index.clone());
    let progress = ProgressModel::from_load(
        crate::domain::progress::Progress::default(),
        crate::storage::LoadStatus::Fresh,
    );
    html! {
        <Router {history}>
            <ContextProvider<ThemeContext> context={theme}>
                <ContextProvider<ContentState> context={content}>
                    <ProgressProvider initial={progress}>
                        <ContextProvider<crate::modules::PrerenderedModule> context={crate::modules::PrerenderedModule(props.module.clone().unwrap_or_default())}>
                            { switch(props.route.clone()) }
                        </ContextProvider<crate::modules::PrerenderedModule>>
                    </ProgressProvider>
                </ContextProvider<ContentState>>
            </ContextProvider<ThemeContext>>
        </Router>
    }
}

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub children: Html,
}

/// Header, navigation and the main landmark around every page.
#[component]
pub fn Shell(props: &ShellProps) -> Html {
    let progress = use_context::<ProgressContext>();
    let content = use_context::<ContentState>();
    {
        let progress = progress.clone();
        let version = match &content {
            Some(ContentState::Ready(index)) => Some(index.version.clone()),
            _ => None,
        };
        use_effect_with(version, move |version| {
            if let (Some(p), Some(v)) = (progress, version.clone()) {
                p.dispatch(ProgressAction::SetContentVersion(v));
            }
        });
    }
    let banner = progress.as_ref().and_then(|p| {
        let notice = p.notice.clone()?;
        let on_dismiss = {
            let p = p.clone();
            Callback::from(move |()| p.dispatch(ProgressAction::DismissNotice))
        };
        let on_export = {
            let p = p.clone();
            Callback::from(move |()| download(&export_name(), &p.doc.to_json()))
        };
        let on_download_backup = {
            let raw = match &notice {
                Notice::Recovered { raw, .. } => raw.clone(),
                _ => String::new(),
            };
            Callback::from(move |()| download("canary-unreadable-progress.json", &raw))
        };
        Some(html! { <NoticeBanner {notice} {on_dismiss} {on_export} {on_download_backup} /> })
    });
    // A new build is installed and waiting (see static/build/boot.js).
    let update_ready = use_state_eq(|| false);
    {
        let update_ready = update_ready.clone();
        use_effect_with((), move |()| {
            let listener = crate::dom::window().map(|w| {
                gloo_events::EventListener::new(&w, "canary:update-ready", move |_| {
                    update_ready.set(true)
                })
            });
            move || drop(listener)
        });
    }
    let update = (*update_ready).then(|| {
        let apply = Callback::from(|_: MouseEvent| {
            if let Some(w) = crate::dom::window() {
                let _ = js_sys::Reflect::set(&w, &"canaryUpdateRequested".into(), &true.into());
                if let Ok(f) = js_sys::Reflect::get(&w, &"canaryApplyUpdate".into()) {
                    if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
                        let _ = f.call0(&w);
                    }
                }
            }
        });
        html! {
            <div class="notice-banner info update" role="status">
                <p><strong>{ "A new version of Canary is ready." }</strong>{ " It takes over when you reload; your progress is kept." }</p>
                <button type="button" class="primary" onclick={apply}>{ "Reload to update" }</button>
            </div>
        }
    });
    html! {
        <>
            <a class="skip" href="#main">{ "Skip to content" }</a>
            <NavBar />
            { update }
            { banner }
            <main id="main" class="page" tabindex="-1">{ props.children.clone() }</main>
            <footer class="site-footer">
                <p>{ "Canary is an independent study aid, not affiliated with or endorsed by Amazon Web Services. " }
                   { "Questions are original and cite AWS documentation." }</p>
            </footer>
        </>
    }
}
