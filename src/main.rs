//! Browser entry point: reads what must be known before the first render
//! (stored theme and progress, or an embed's own theme), then mounts the app.

fn main() {
    #[cfg(feature = "ui")]
    {
        use canary::components::embed::{theme_from_hash, transparent_from_hash};
        let window = web_sys::window();
        let hash = window
            .as_ref()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let embedded = hash.starts_with("#/embed/");
        if embedded && transparent_from_hash(&hash) {
            if let Some(root) = window
                .as_ref()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.class_list().add_1("transparent");
            }
        }
        let theme = match (embedded, theme_from_hash(&hash)) {
            (true, Some(t)) => t,
            _ => canary::components::theme::load(),
        };
        let (doc, status) = canary::storage::load_progress(
            &canary::storage::BrowserStore,
            canary::clock::now().now,
        );
        yew::Renderer::<canary::app::App>::with_props(canary::app::AppProps {
            theme,
            progress: canary::components::progress::ProgressModel::from_load(doc, status),
            embedded,
        })
        .render();
    }
}
