//! Browser entry point: mounts the app.

fn main() {
    #[cfg(feature = "ui")]
    {
        let (doc, status) = canary::storage::load_progress(
            &canary::storage::BrowserStore,
            canary::clock::now().now,
        );
        yew::Renderer::<canary::app::App>::with_props(canary::app::AppProps {
            theme: canary::components::theme::load(),
            progress: canary::components::progress::ProgressModel::from_load(doc, status),
        })
        .render();
    }
}
