//! `project.toml` and `CHANGELOG.toml`: every rule, each error naming the
//! file and the entry or question id; and the real files pass.

use std::collections::BTreeSet;

use canary_content::errata::{parse_changelog, parse_project};
use canary_content::{Diagnostic, Source};

fn src(name: &str, text: &str) -> Source {
    Source {
        name: name.into(),
        text: text.into(),
    }
}

fn bank() -> BTreeSet<&'static str> {
    ["d1-a", "d1-b"].into_iter().collect()
}

fn changelog(text: &str) -> Result<usize, Vec<Diagnostic>> {
    parse_changelog(&src("content/CHANGELOG.toml", text), &bank()).map(|e| e.len())
}

fn fails(text: &str, id: &str, needle: &str) {
    let errors = changelog(text).expect_err("must fail");
    assert!(
        errors.iter().any(|e| e.file == "content/CHANGELOG.toml"
            && e.id.as_deref() == Some(id)
            && e.message.contains(needle)),
        "no `{needle}` for `{id}` in {errors:#?}"
    );
}

#[test]
fn a_good_changelog_passes() {
    let text = r#"
[[entry]]
date = "2026-12-07"
summary = "Two."
added = ["d1-a"]
fixed = ["d1-b"]
retired = ["d1-old"]

[[entry]]
version = "abc123"
"#;
    assert_eq!(changelog(text), Ok(2));
}

#[test]
fn changelog_rules() {
    fails(
        "[[entry]]\nsummary = \"x\"\n",
        "entry #1",
        "needs a `version` or a `date`",
    );
    fails(
        "[[entry]]\ndate = \"2026-02-30\"\n",
        "entry #1",
        "not a YYYY-MM-DD",
    );
    fails(
        "[[entry]]\ndate = \"2026-12-07\"\nadded = [\"d1-zzz\"]\n",
        "d1-zzz",
        "not in the bank",
    );
    fails(
        "[[entry]]\ndate = \"2026-12-07\"\nfixed = [\"d1-zzz\"]\n",
        "d1-zzz",
        "not in the bank",
    );
    fails(
        "[[entry]]\ndate = \"2026-12-07\"\nretired = [\"d1-a\"]\n",
        "d1-a",
        "still in the bank",
    );
    fails(
        "[[entry]]\ndate = \"2026-12-07\"\nadded = [\"d1-a\", \"d1-a\"]\n",
        "d1-a",
        "listed twice",
    );
    fails(
        "[[entry]]\ndate = \"2026-12-07\"\nnote = 1\n",
        "entry #1",
        "unknown field `note`",
    );
    fails(
        "[[entry]]\ndate = \"2026-12-07\"\n[[entry]]\nversion = 3\n",
        "entry #2",
        "`version` must be a non-empty string",
    );
    fails(
        "[[entry]]\ndate = \"2026-12-07\"\nadded = \"d1-a\"\n",
        "entry #1",
        "must be a list",
    );
    let errors = changelog("entries = 1\n").unwrap_err();
    assert!(
        errors[0]
            .message
            .contains("unknown top-level field `entries`"),
        "{errors:?}"
    );
    let errors = changelog("[[entry]\n").unwrap_err();
    assert!(errors[0].message.contains("not valid TOML"), "{errors:?}");
    assert_eq!(
        errors[0].to_string().split(':').next(),
        Some("content/CHANGELOG.toml")
    );
}

#[test]
fn project_rules() {
    let p = |t: &str| parse_project(&src("content/project.toml", t));
    assert_eq!(p("").unwrap().issues_url, None, "no tracker is fine");
    assert_eq!(
        p("issues_url = \"https://example.org/issues/new\"")
            .unwrap()
            .issues_url
            .as_deref(),
        Some("https://example.org/issues/new")
    );
    for bad in [
        "http://example.org/new",
        "https://",
        "https://x.org/a b",
        "https://x.org/new#top",
    ] {
        let errors = p(&format!("issues_url = \"{bad}\"")).unwrap_err();
        assert_eq!(errors[0].file, "content/project.toml");
        assert_eq!(errors[0].id.as_deref(), Some("issues_url"), "{bad}");
    }
    let errors = p("issues_url = 3").unwrap_err();
    assert!(errors[0].message.contains("must be a string"));
    let errors = p("tracker = \"x\"").unwrap_err();
    assert!(errors[0].message.contains("unknown field `tracker`"));
}

#[test]
fn the_real_files_pass_and_reach_the_index() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let bank = canary_content::compile_tree(&root).expect("content compiles");
    assert!(bank.project.issues_url.is_none(), "no tracker is invented");
    assert!(bank.changelog.len() >= 3, "seeded from git history");
    let files = canary_content::emit(&bank);
    let index: canary::domain::question::ContentIndex =
        serde_json::from_slice(&files["index.json"]).unwrap();
    assert_eq!(index.project, bank.project);
    let changelog: Vec<canary::domain::errata::ChangelogEntry> =
        serde_json::from_slice(&files["changelog.json"]).unwrap();
    assert_eq!(changelog, bank.changelog);
}
