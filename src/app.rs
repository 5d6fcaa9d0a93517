//! The application shell: routes, the layout every page shares, and the
//! app-wide contexts (theme, question-bank index).
//!
//! Routing uses the URL fragment (`#/practice`), so one build works on any
//! static host, at the root or under a sub-path such as `/canary/`, and a
//! deep link survives a reload without server rewrites or a `404.html` trick.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::embed::EmbedFrame;
use crate::components::nav::NavBar;
use crate::components::progress::{
    download, Notice, NoticeBanner, ProgressAction, ProgressContext, ProgressModel,
    ProgressProvider,
};
use crate::content::{load_index, ContentState};
use crate::domain::practice_set::SetSpec;
use crate::domain::settings::Theme;
use crate::pages::widgets::WidgetPage;
use crate::pages::{
    about::About,
    exam::{Exam, ExamReport},
    home::Home,
    not_found::NotFound,
    practice::{PracticeBuilder, PracticeFromQuery, PracticeSet},
    settings::Settings,
    widgets::Widgets,
};
use crate::widgets::beanstalk::BeanstalkWidget;
use crate::widgets::{
    asg::AsgWidget, codedeploy::CodeDeployWidget, dr::DrWidget, pipeline::PipelineWidget,
};

#[derive(Routable, Clone, PartialEq, Eq, Debug)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/practice")]
    Practice,
    #[at("/practice/set")]
    PracticeSet,
    #[at("/practice/domain/:domain")]
    PracticeDomain { domain: u8 },
    #[at("/question/:id")]
    Question { id: String },
    #[at("/exam")]
    Exam,
    #[at("/exam/attempt/:n")]
    ExamAttempt { n: usize },
    #[at("/widgets")]
    Widgets,
    #[at("/widgets/codedeploy")]
    WidgetCodeDeploy,
    #[at("/widgets/dr")]
    WidgetDr,
    #[at("/widgets/asg")]
    WidgetAsg,
    #[at("/widgets/pipeline")]
    WidgetPipeline,
    #[at("/widgets/beanstalk")]
    WidgetBeanstalk,
    #[at("/embed/codedeploy")]
    EmbedCodeDeploy,
    #[at("/embed/dr")]
    EmbedDr,
    #[at("/embed/asg")]
    EmbedAsg,
    #[at("/embed/pipeline")]
    EmbedPipeline,
    #[at("/embed/beanstalk")]
    EmbedBeanstalk,
    #[at("/embed/question/:id")]
    EmbedQuestion { id: String },
    #[at("/embed/quiz")]
    EmbedQuiz,
    #[at("/settings")]
    Settings,
    #[at("/about")]
    About,
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The pages in the main navigation, with their labels.
    pub const NAV: [(Route, &'static str); 6] = [
        (Route::Home, "Home"),
        (Route::Practice, "Practice"),
        (Route::Exam, "Exam"),
        (Route::Widgets, "Widgets"),
        (Route::Settings, "Settings"),
        (Route::About, "About"),
    ];
}

/// Embed routes render one item alone; every other route gets the shell.
pub fn switch(route: Route) -> Html {
    if let Some(simulator) = crate::embed::simulator(&route) {
        return simulator;
    }
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
        Route::WidgetCodeDeploy => {
            html! { <WidgetPage title="CodeDeploy deployment configurations" widget="codedeploy"><CodeDeployWidget /></WidgetPage> }
        }
        Route::WidgetDr => {
            html! { <WidgetPage title="Disaster-recovery strategy chooser" widget="dr"><DrWidget /></WidgetPage> }
        }
        Route::WidgetAsg => {
            html! { <WidgetPage title="Auto Scaling lifecycle hooks" widget="asg"><AsgWidget /></WidgetPage> }
        }
        Route::WidgetPipeline => {
            html! { <WidgetPage title="CodePipeline builder" widget="pipeline"><PipelineWidget /></WidgetPage> }
        }
        Route::WidgetBeanstalk => {
            html! { <WidgetPage title="Elastic Beanstalk deployment policies" widget="beanstalk"><BeanstalkWidget /></WidgetPage> }
        }
        Route::EmbedAsg
        | Route::EmbedBeanstalk
        | Route::EmbedPipeline
        | Route::EmbedCodeDeploy
        | Route::EmbedDr
        | Route::EmbedQuestion { .. }
        | Route::EmbedQuiz => Html::default(),
        Route::Settings => html! { <Settings /> },
        Route::About => html! { <About /> },
        Route::NotFound => html! { <NotFound /> },
    }
}

/// The theme in force and the way to change it.
#[derive(Clone, PartialEq)]
pub struct ThemeContext {
    pub theme: Theme,
    pub set: Callback<Theme>,
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
            // An embedded widget never downloads the question bank.
            let widget_embed = web_sys::window()
                .and_then(|w| w.location().hash().ok())
                .is_some_and(|h| {
                    h.starts_with("#/embed/codedeploy") || h.starts_with("#/embed/dr")
                });
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
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
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
            let listener = web_sys::window().map(|w| {
                gloo_events::EventListener::new(&w, "canary:update-ready", move |_| {
                    update_ready.set(true)
                })
            });
            move || drop(listener)
        });
    }
    let update = (*update_ready).then(|| {
        let apply = Callback::from(|_: MouseEvent| {
            if let Some(w) = web_sys::window() {
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

/// `canary-progress-YYYY-MM-DD.json`, in local time.
pub fn export_name() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "canary-progress-{:04}-{:02}-{:02}.json",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}
