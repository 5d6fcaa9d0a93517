//! Embedding: the frame around an embedded item (no site chrome, a link to
//! open the full app), the "embed this" snippets with copy buttons, and the
//! theme an embed asks for in its URL.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::domain::settings::Theme;

/// The app's own base URL (origin and directory, without the fragment), for
/// data files and for snippets that must work from someone else's page;
/// from inside the embed bundle it is the app's directory, one level up.
pub fn app_base() -> String {
    crate::dom::window()
        .and_then(|w| {
            let l = w.location();
            Some(base_of(&l.origin().ok()?, &l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// What an embed's URL asks of its page.
pub struct EmbedRequest {
    /// The theme in the URL, if any.
    pub theme: Option<Theme>,
}

/// Before the first render: `None` when the page is not on an `#/embed/…`
/// route; otherwise what the embed asks for, with a requested transparent
/// background already applied to the document.
pub fn embed_start() -> Option<EmbedRequest> {
    let window = crate::dom::window()?;
    let hash = window.location().hash().ok()?;
    if !hash.starts_with("#/embed/") {
        return None;
    }
    if transparent_from_hash(&hash) {
        if let Some(root) = window.document().and_then(|d| d.document_element()) {
            let _ = root.class_list().add_1("transparent");
        }
    }
    Some(EmbedRequest {
        theme: theme_from_hash(&hash),
    })
}

/// `origin` + the directory of `path`, leaving the embed bundle's `embed/`.
fn base_of(origin: &str, path: &str) -> String {
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let dir = dir.strip_suffix("embed/").unwrap_or(dir);
    format!("{origin}{dir}")
}

/// Where an embed of `path` (`dr?…`, `question/<id>`, `quiz?…`) loads: the
/// simulators from the small embed bundle, questions from the full app.
pub fn embed_url(base: &str, path: &str) -> String {
    if path.starts_with("question/") || path.starts_with("quiz") {
        format!("{base}#/embed/{path}")
    } else {
        format!("{base}embed/#/embed/{path}")
    }
}

/// The theme named in an embed's query (`theme=light|dark|auto`).
pub fn theme_from_hash(hash: &str) -> Option<Theme> {
    let query = hash.split_once('?')?.1;
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == "theme")
        .map(|(_, v)| Theme::parse(Some(v)))
}

/// Whether the embed asked for a transparent background (`bg=transparent`).
pub fn transparent_from_hash(hash: &str) -> bool {
    hash.split_once('?')
        .is_some_and(|(_, q)| q.split('&').any(|kv| kv == "bg=transparent"))
}

#[derive(Properties, PartialEq)]
pub struct EmbedFrameProps {
    /// The full app's route for this item (`#/…`), for the "open" link.
    pub open: AttrValue,
    /// The page's name for assistive technology (the host page shows its own).
    pub title: AttrValue,
    pub children: Html,
}

/// An embedded item: the content and one small link to the full app.
#[component]
pub fn EmbedFrame(props: &EmbedFrameProps) -> Html {
    let href = format!("{}{}", app_base(), props.open);
    html! {
        <main class="embed">
            <h1 class="visually-hidden">{ format!("Canary: {}", props.title) }</h1>
            { props.children.clone() }
            <p class="embed-footer">
                <a href={href} target="_blank" rel="noopener">{ "Open in Canary ↗" }</a>
                { " · your progress here stays in this browser" }
            </p>
        </main>
    }
}

#[derive(Properties, PartialEq)]
pub struct EmbedCodeProps {
    /// The embed path after `#/embed/` (with its query), e.g.
    /// `codedeploy?platform=lambda` or `question/d1-…`.
    pub path: AttrValue,
    /// The `data-canary` value for the script snippet, e.g. `widget/codedeploy`.
    pub placeholder: AttrValue,
    /// Extra attributes for the placeholder (`data-canary-state="…"`).
    #[prop_or_default]
    pub attributes: AttrValue,
}

fn copy(text: String) {
    let Some(nav) = crate::dom::window().map(|w| w.navigator()) else {
        return;
    };
    // Through Reflect: the Clipboard API needs no extra web-sys features.
    let clipboard = js_sys::Reflect::get(&nav, &"clipboard".into()).ok();
    let write = clipboard
        .as_ref()
        .and_then(|c| js_sys::Reflect::get(c, &"writeText".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let (Some(c), Some(f)) = (clipboard, write) {
        let _ = f.call1(&c, &text.into());
    }
}

/// "Embed this": an iframe snippet and a script snippet, each copyable.
#[component]
pub fn EmbedCode(props: &EmbedCodeProps) -> Html {
    let copied = use_state_eq(|| None::<&'static str>);
    let base = app_base();
    let iframe = format!(
        "<iframe src=\"{}\" title=\"Canary practice\" loading=\"lazy\" style=\"width:100%;height:480px;border:0\"></iframe>",
        embed_url(&base, &props.path)
    );
    let attrs = if props.attributes.is_empty() {
        String::new()
    } else {
        format!(" {}", props.attributes)
    };
    let script = format!(
        "<div data-canary=\"{}\"{attrs}></div>\n<script src=\"{base}embed.js\" async></script>",
        props.placeholder
    );
    let button = |label: &'static str, text: String| {
        let copied = copied.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            copy(text.clone());
            copied.set(Some(label));
        });
        html! { <button type="button" class="secondary" {onclick}>{ label }</button> }
    };
    html! {
        <details class="embed-code">
            <summary>{ "Embed this on your site" }</summary>
            <label for="embed-iframe">{ "As an iframe" }</label>
            <textarea id="embed-iframe" readonly=true rows="3" value={iframe.clone()} />
            <label for="embed-script">{ "With the embed script (resizes to fit)" }</label>
            <textarea id="embed-script" readonly=true rows="3" value={script.clone()} />
            <div class="actions">
                { button("Copy iframe code", iframe) }
                { button("Copy script code", script) }
                <span role="status">{ copied.map(|l| format!("{l}: copied")).unwrap_or_default() }</span>
            </div>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_is_the_app_directory_even_from_the_embed_bundle() {
        let o = "https://example.com";
        for path in [
            "/canary/",
            "/canary/index.html",
            "/canary/embed/",
            "/canary/embed/index.html",
        ] {
            assert_eq!(base_of(o, path), "https://example.com/canary/", "{path}");
        }
        assert_eq!(base_of(o, "/"), "https://example.com/");
        assert_eq!(
            embed_url("https://e.com/c/", "dr?rto=60"),
            "https://e.com/c/embed/#/embed/dr?rto=60"
        );
        assert_eq!(
            embed_url("https://e.com/c/", "question/d1-x"),
            "https://e.com/c/#/embed/question/d1-x"
        );
    }

    #[test]
    fn reads_theme_and_background_from_the_hash() {
        assert_eq!(
            theme_from_hash("#/embed/dr?rto=60&theme=dark"),
            Some(Theme::Dark)
        );
        assert_eq!(theme_from_hash("#/embed/dr"), None);
        assert!(transparent_from_hash(
            "#/embed/quiz?task=1.4&bg=transparent"
        ));
        assert!(!transparent_from_hash("#/embed/quiz?task=1.4"));
    }
}
