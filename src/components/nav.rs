//! The site header: brand, main navigation and the theme toggle.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::theme::system_prefers_dark;
use crate::contexts::ThemeContext;
use crate::routes::Route;

#[component]
pub fn NavBar() -> Html {
    let current = use_route::<Route>();
    let theme = use_context::<ThemeContext>();
    let toggle = theme.as_ref().map(|ctx| {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.set.emit(ctx.theme.toggled(system_prefers_dark())))
    });
    let theme_label = theme.as_ref().map_or("System", |c| c.theme.label());

    html! {
        <header class="site-header">
            <Link<Route> to={Route::Home} classes="brand">
                <span class="brand-mark" aria-hidden="true">{ "◆" }</span>{ " Canary" }
            </Link<Route>>
            <nav aria-label="Main">
                <ul class="nav-links">
                    { for Route::NAV.iter().map(|(route, label)| {
                        let active = current.as_ref().is_some_and(|c| c == route
                            || (matches!(route, Route::Practice) && matches!(c, Route::PracticeDomain { .. })));
                        html! {
                            <li>
                                <Link<Route> to={route.clone()} classes={classes!(active.then_some("active"))}>
                                    { *label }
                                </Link<Route>>
                            </li>
                        }
                    }) }
                </ul>
            </nav>
            <button type="button" class="theme-toggle" onclick={toggle}
                aria-label={format!("Switch colour theme (now: {theme_label})")}
                title="Switch between light and dark">
                <span aria-hidden="true">{ "◐" }</span>
            </button>
        </header>
    }
}
