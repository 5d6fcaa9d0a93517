//! The application shell: routes, the layout every page shares, and the
//! app-wide contexts (theme, question-bank index).
//!
//! Routing uses the URL fragment (`#/practice`), so one build works on any
//! static host, at the root or under a sub-path such as `/canary/`, and a
//! deep link survives a reload without server rewrites or a `404.html` trick.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::nav::NavBar;
use crate::content::{load_index, ContentState};
use crate::domain::settings::Theme;
use crate::pages::{
    about::About,
    exam::Exam,
    home::Home,
    not_found::NotFound,
    practice::{Practice, SetScope},
    settings::Settings,
    widgets::Widgets,
};

#[derive(Routable, Clone, PartialEq, Eq, Debug)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/practice")]
    Practice,
    #[at("/practice/domain/:domain")]
    PracticeDomain { domain: u8 },
    #[at("/question/:id")]
    Question { id: String },
    #[at("/exam")]
    Exam,
    #[at("/widgets")]
    Widgets,
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

pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Practice => html! { <Practice scope={SetScope::All} /> },
        Route::PracticeDomain { domain } => html! { <Practice scope={SetScope::Domain(domain)} /> },
        Route::Question { id } => html! { <Practice scope={SetScope::Question(id.into())} /> },
        Route::Exam => html! { <Exam /> },
        Route::Widgets => html! { <Widgets /> },
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
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let theme = use_state_eq(|| props.theme);
    let content = use_state_eq(|| ContentState::Loading);

    {
        let content = content.clone();
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                content.set(match load_index().await {
                    Ok(index) => ContentState::Ready(Rc::new(index)),
                    Err(e) => ContentState::Failed(e),
                });
            });
        });
    }
    use_effect_with(*theme, |theme| crate::components::theme::apply(*theme));

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
                    <Shell>
                        <Switch<Route> render={switch} />
                    </Shell>
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
    html! {
        <>
            <a class="skip" href="#main">{ "Skip to content" }</a>
            <NavBar />
            <main id="main" class="page" tabindex="-1">{ props.children.clone() }</main>
            <footer class="site-footer">
                <p>{ "Canary is an independent study aid, not affiliated with or endorsed by Amazon Web Services. " }
                   { "Questions are original and cite AWS documentation." }</p>
            </footer>
        </>
    }
}
