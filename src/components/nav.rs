//! The site header: brand, main navigation and the theme toggle; and the
//! "/" shortcut, which from anywhere outside a text field focuses the search
//! box or opens the search page.

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
    let navigator = use_navigator();
    use_effect_with((), move |()| {
        let listener = crate::dom::window().map(|w| {
            // Not passive (gloo's default): the "/" must not be typed into
            // the box it focuses.
            gloo_events::EventListener::new_with_options(
                &w,
                "keydown",
                gloo_events::EventListenerOptions::enable_prevent_default(),
                move |e| {
                    use wasm_bindgen::JsCast;
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if e.key() != "/"
                        || e.ctrl_key()
                        || e.meta_key()
                        || e.alt_key()
                        || in_text_field(e)
                    {
                        return;
                    }
                    e.prevent_default();
                    let search_box = crate::dom::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id(crate::pages::search::SEARCH_BOX))
                        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
                    match (search_box, &navigator) {
                        (Some(el), _) => {
                            let _ = el.focus();
                        }
                        // The page focuses its box when it opens.
                        (None, Some(n)) => n.push(&Route::Search),
                        (None, None) => {}
                    }
                },
            )
        });
        move || drop(listener)
    });

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

/// Whether a key went to something that takes text, where "/" is a character.
fn in_text_field(e: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    if el.is_content_editable() {
        return true;
    }
    match el.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            el.get_attribute("type").as_deref(),
            Some("checkbox" | "radio" | "button" | "submit" | "reset" | "range" | "color" | "file")
        ),
        _ => false,
    }
}
