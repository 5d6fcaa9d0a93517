//! Browser entry point: mounts the app.

fn main() {
    #[cfg(feature = "ui")]
    yew::Renderer::<canary::app::App>::with_props(canary::app::AppProps {
        theme: canary::components::theme::load(),
    })
    .render();
}
