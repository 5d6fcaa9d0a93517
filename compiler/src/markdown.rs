//! Markdown to HTML at build time, so no Markdown parser ships to browsers.
//! Raw HTML in content is turned into text (shown, never executed); links
//! may only use http(s) or stay relative; images are refused (offline-first).

use pulldown_cmark::{html, CowStr, Event, LinkType, Options, Parser, Tag};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return true;
    }
    // Relative links (`#anchor`, `page`, `./x`) have no scheme: nothing
    // before the first `/`, `?` or `#` may contain a colon.
    let head = lower.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains(':')
}

/// Renders a block of Markdown (stems, explanations, notes).
pub fn render_block(text: &str) -> Result<String, Vec<String>> {
    let mut problems = Vec::new();
    let events: Vec<Event<'_>> = Parser::new_ext(text, options())
        .map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            // An e-mail autolink (`<name@host>`) arrives without its scheme
            // and is written out as `mailto:`, so it must be caught by type.
            Event::Start(Tag::Link {
                link_type: LinkType::Email,
                ref dest_url,
                ..
            }) => {
                problems.push(format!(
                    "link `{dest_url}` is an e-mail address; only http(s) and relative links are allowed"
                ));
                event
            }
            Event::Start(Tag::Link { ref dest_url, .. }) if !safe_url(dest_url) => {
                problems.push(format!(
                    "link `{dest_url}` uses a scheme other than http(s)"
                ));
                event
            }
            Event::Start(Tag::Image { ref dest_url, .. }) => {
                problems.push(format!(
                    "image `{dest_url}`: images are not allowed in content"
                ));
                event
            }
            Event::Start(Tag::HtmlBlock) | Event::End(pulldown_cmark::TagEnd::HtmlBlock) => {
                // The block wrapper renders nothing; its lines arrive as Html
                // events and are turned into text above.
                Event::Text(CowStr::Borrowed(""))
            }
            other => other,
        })
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    Ok(out.trim_end().to_string())
}

/// Renders a short piece (option text) without the wrapping paragraph.
pub fn render_inline(text: &str) -> Result<String, Vec<String>> {
    let html = render_block(text)?;
    let inner = html
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
        .filter(|s| !s.contains("<p>"));
    Ok(inner.map_or(html.clone(), str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_emphasis_code_and_lists() {
        let html = render_block("Use **`cfn-signal`**.\n\n- a\n- b").unwrap();
        assert!(html.contains("<strong><code>cfn-signal</code></strong>"));
        assert!(html.contains("<li>a</li>"));
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = render_block("Hi <script>alert(1)</script> <b onclick=\"x()\">b</b>").unwrap();
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<b "), "{html}");
        let block = render_block("<div onmouseover=\"steal()\">x</div>").unwrap();
        assert!(!block.contains("<div"), "{block}");
        assert!(block.contains("&lt;div"), "{block}");
    }

    #[test]
    fn unsafe_links_and_images_are_refused() {
        assert!(render_block("[x](javascript:alert(1))").is_err());
        assert!(render_block("[x](JaVaScRiPt:alert(1))").is_err());
        assert!(
            render_block("<javascript:alert(1)>").is_err()
                || !render_block("<javascript:alert(1)>")
                    .unwrap()
                    .contains("href=\"javascript")
        );
        assert!(render_block("[x](data:text/html,hi)").is_err());
        assert!(render_block("![a](https://example.com/a.png)").is_err());
        assert!(render_block("[docs](https://docs.aws.amazon.com/)").is_ok());
        assert!(render_block("[here](#top)").is_ok());
    }

    /// Found by the `markdown` fuzz target: an e-mail autolink has no scheme
    /// in the parser's event but is written out as a `mailto:` link.
    #[test]
    fn email_autolinks_are_refused() {
        assert!(render_block("write to <ops@example.com>").is_err());
        assert!(render_block("ops@example.com as text").is_ok());
    }

    #[test]
    fn inline_strips_the_paragraph() {
        assert_eq!(
            render_inline("`AllAtOnce` wins").unwrap(),
            "<code>AllAtOnce</code> wins"
        );
    }
}
