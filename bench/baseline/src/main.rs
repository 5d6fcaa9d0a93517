//! The benchmark baseline: a counter, the smallest useful Yew app, marking
//! its first render the way Canary does.

use yew::prelude::*;

#[component]
fn Counter() -> Html {
    let count = use_state(|| 0_u32);
    use_effect_with((), |()| {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark("canary:first-render");
        }
    });
    let onclick = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! {
        <main>
            <h1>{ "Baseline" }</h1>
            <button {onclick}>{ format!("Clicked {} times", *count) }</button>
        </main>
    }
}

fn main() {
    yew::Renderer::<Counter>::new().render();
}
