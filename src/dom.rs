//! The browser window, for views that also render natively: the build's
//! prerenderer and the render tests run the same components with Yew's
//! server renderer, where `web_sys::window()` would panic (there are no
//! imported JavaScript statics off wasm).

/// The window on wasm; `None` when rendering natively.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}
