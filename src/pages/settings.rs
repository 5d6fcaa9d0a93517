//! Settings: the colour theme (system, light or dark), remembered on this
//! device.

use yew::prelude::*;

use crate::app::ThemeContext;
use crate::domain::settings::Theme;

#[component]
pub fn Settings() -> Html {
    let ctx = use_context::<ThemeContext>();
    let current = ctx.as_ref().map_or(Theme::Auto, |c| c.theme);
    html! {
        <section class="settings">
            <h1>{ "Settings" }</h1>
            <fieldset class="theme-choice">
                <legend>{ "Colour theme" }</legend>
                { for Theme::ALL.iter().map(|&t| {
                    let onchange = ctx.as_ref().map(|c| {
                        let set = c.set.clone();
                        Callback::from(move |_: Event| set.emit(t))
                    });
                    let id = format!("theme-{}", t.as_str());
                    html! {
                        <label for={id.clone()}>
                            <input type="radio" name="theme" id={id} value={t.as_str()} checked={t == current} {onchange} />
                            { t.label() }
                        </label>
                    }
                }) }
            </fieldset>
            <p class="hint">{ "System follows your device's light or dark setting." }</p>
        </section>
    }
}
