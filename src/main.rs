//! Browser entry point: reads what must be known before the first render
//! (stored theme and progress, or an embed's own theme), then mounts the app.

fn main() {
    #[cfg(feature = "ui")]
    {
        let embed = canary::components::embed::embed_start();
        let theme = embed
            .as_ref()
            .and_then(|e| e.theme)
            .unwrap_or_else(canary::components::theme::load);
        let (doc, status) = canary::storage::load_progress(
            &canary::storage::BrowserStore,
            canary::clock::now().now,
        );
        remove_prerendered();
        yew::Renderer::<canary::app::App>::with_props(canary::app::AppProps {
            theme,
            progress: canary::components::progress::ProgressModel::from_load(doc, status),
            embedded: embed.is_some(),
        })
        .render();
    }
}

/// The build's prerendered page (examples/prerender.rs) goes
/// just before the app renders the same markup, in one task, so nothing
/// paints in between.
#[cfg(feature = "ui")]
fn remove_prerendered() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    canary::modules::keep_prerendered(&doc);
    if let Ok(nodes) = doc.query_selector_all("#prerender, body > noscript") {
        for i in 0..nodes.length() {
            if let Some(el) = nodes
                .item(i)
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            {
                el.remove();
            }
        }
    }
}
