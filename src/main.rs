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
        yew::Renderer::<canary::app::App>::with_props(canary::app::AppProps {
            theme,
            progress: canary::components::progress::ProgressModel::from_load(doc, status),
            embedded: embed.is_some(),
        })
        .render();
    }
}
