//! Replays every kept fuzz input (`fuzz/corpus/<target>/`) and every past
//! crash (`fuzz/regressions/<target>/`) through the fuzz targets'
//! properties, so `cargo test` checks them on every run without libFuzzer,
//! and a crash found once stays a regression test.

#[path = "../fuzz/src/props.rs"]
mod props;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut seen = 0;
    for dir in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).unwrap();
            let outcome = std::panic::catch_unwind(|| check(&data));
            assert!(outcome.is_ok(), "{target}: {} fails", file.display());
            seen += 1;
        }
    }
    assert!(
        seen > 0,
        "{target}: no kept inputs under fuzz/corpus/{target}/"
    );
}

#[test]
fn progress_parse() {
    replay("progress_parse", props::progress_parse);
}

#[test]
fn progress_merge() {
    replay("progress_merge", props::progress_merge);
}

#[test]
fn practice_query() {
    replay("practice_query", props::practice_query);
}

#[test]
fn simulator_query() {
    replay("simulator_query", props::simulator_query);
}

#[test]
fn content_toml() {
    replay("content_toml", props::content_toml);
}

#[test]
fn markdown() {
    replay("markdown", props::markdown);
}

/// The property checker itself must fail on markup Markdown never makes.
#[test]
fn markup_check_refuses_what_markdown_never_emits() {
    for bad in [
        "<script>x</script>",
        "<img src=x>",
        "<p onclick=\"x\">a</p>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<td style=\"background:url(x)\">",
    ] {
        assert!(
            std::panic::catch_unwind(|| props::check_markup(bad)).is_err(),
            "accepted {bad}"
        );
    }
    props::check_markup("<p>a &lt;b&gt; <a href=\"https://x\" title=\"t\">l</a></p>");
}
