//! Unknown routes.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::routes::Route;

#[component]
pub fn NotFound() -> Html {
    html! {
        <section class="not-found">
            <h1>{ "Page not found" }</h1>
            <p><Link<Route> to={Route::Home}>{ "Back to the dashboard" }</Link<Route>></p>
        </section>
    }
}
