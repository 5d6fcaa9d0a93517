//! `content/project.toml` (where problem reports go) and
//! `content/CHANGELOG.toml` (what changed in the bank, for the Changes
//! page): read, validated against the bank, and shipped in `index.json`.
//! Every problem is reported with the file and the entry or question id.

use std::collections::BTreeSet;

use canary::domain::errata::{ChangelogEntry, Project};
use canary::domain::plan::day_number;

use crate::{Diagnostic, Source};

const PROJECT_FIELDS: &[&str] = &["issues_url"];
const ENTRY_FIELDS: &[&str] = &["version", "date", "summary", "added", "fixed", "retired"];

fn problem(source: &Source, id: Option<String>, message: String) -> Diagnostic {
    Diagnostic {
        file: source.name.clone(),
        id,
        message,
    }
}

fn table(source: &Source) -> Result<toml::Table, Vec<Diagnostic>> {
    source.text.parse().map_err(|e: toml::de::Error| {
        vec![problem(
            source,
            None,
            format!("not valid TOML: {}", e.message()),
        )]
    })
}

/// Reads the project file. `issues_url`, when present, must be an
/// `https://` address without spaces or a fragment: the app appends
/// `?title=…&body=…` to it.
pub fn parse_project(source: &Source) -> Result<Project, Vec<Diagnostic>> {
    let t = table(source)?;
    let mut errors = Vec::new();
    for key in t.keys().filter(|k| !PROJECT_FIELDS.contains(&k.as_str())) {
        errors.push(problem(source, None, format!("unknown field `{key}`")));
    }
    let issues_url = match t.get("issues_url") {
        None => None,
        Some(toml::Value::String(url)) => {
            let ok = url.starts_with("https://")
                && url.len() > "https://".len()
                && !url.contains(char::is_whitespace)
                && !url.contains('#');
            if !ok {
                errors.push(problem(
                    source,
                    Some("issues_url".into()),
                    format!("`{url}` is not an https:// address without spaces or a fragment"),
                ));
            }
            Some(url.clone())
        }
        Some(_) => {
            errors.push(problem(
                source,
                Some("issues_url".into()),
                "must be a string".into(),
            ));
            None
        }
    };
    if errors.is_empty() {
        Ok(Project { issues_url })
    } else {
        Err(errors)
    }
}

/// Reads the changelog: `[[entry]]` tables, each with a `version` or a
/// `date` (or both), an optional `summary`, and `added`, `fixed` and
/// `retired` id lists. Added and fixed ids must be in the bank; retired
/// ones must not be (a retired question that still exists was not retired).
pub fn parse_changelog(
    source: &Source,
    bank: &BTreeSet<&str>,
) -> Result<Vec<ChangelogEntry>, Vec<Diagnostic>> {
    let t = table(source)?;
    let mut errors = Vec::new();
    for key in t.keys().filter(|k| k.as_str() != "entry") {
        errors.push(problem(
            source,
            None,
            format!("unknown top-level field `{key}` (only [[entry]] tables belong here)"),
        ));
    }
    let entries = match t.get("entry") {
        None => &[][..],
        Some(toml::Value::Array(a)) => a.as_slice(),
        Some(_) => {
            errors.push(problem(
                source,
                None,
                "`entry` must be an array of tables: write [[entry]]".into(),
            ));
            &[][..]
        }
    };
    let mut out = Vec::new();
    for (n, entry) in entries.iter().enumerate() {
        let place = format!("entry #{}", n + 1);
        let Some(e) = entry.as_table() else {
            errors.push(problem(source, Some(place), "must be a table".into()));
            continue;
        };
        let mut err = |id: String, message: String| errors.push(problem(source, Some(id), message));
        for key in e.keys().filter(|k| !ENTRY_FIELDS.contains(&k.as_str())) {
            err(place.clone(), format!("unknown field `{key}`"));
        }
        let text = |key: &str, err: &mut dyn FnMut(String, String)| match e.get(key) {
            None => None,
            Some(toml::Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(_) => {
                err(place.clone(), format!("`{key}` must be a non-empty string"));
                None
            }
        };
        let version = text("version", &mut err);
        let date = text("date", &mut err);
        let summary = text("summary", &mut err).unwrap_or_default();
        if version.is_none() && date.is_none() {
            err(place.clone(), "needs a `version` or a `date`".into());
        }
        if let Some(d) = &date {
            if day_number(d).is_none() {
                err(
                    place.clone(),
                    format!("date `{d}` is not a YYYY-MM-DD calendar date"),
                );
            }
        }
        let ids = |key: &str, err: &mut dyn FnMut(String, String)| -> Vec<String> {
            let list = match e.get(key) {
                None => return Vec::new(),
                Some(toml::Value::Array(a)) => a,
                Some(_) => {
                    err(
                        place.clone(),
                        format!("`{key}` must be a list of question ids"),
                    );
                    return Vec::new();
                }
            };
            let mut seen = BTreeSet::new();
            let mut out = Vec::new();
            for v in list {
                let Some(id) = v.as_str() else {
                    err(
                        place.clone(),
                        format!("`{key}` holds a value that is not an id"),
                    );
                    continue;
                };
                if !seen.insert(id) {
                    err(id.into(), format!("listed twice in `{key}` of {place}"));
                }
                let exists = bank.contains(id);
                match (key, exists) {
                    ("retired", true) => err(
                        id.into(),
                        format!("listed as retired in {place} but still in the bank"),
                    ),
                    ("added" | "fixed", false) => {
                        err(
                            id.into(),
                            format!("listed in `{key}` of {place} but not in the bank"),
                        );
                    }
                    _ => {}
                }
                out.push(id.to_string());
            }
            out
        };
        let added = ids("added", &mut err);
        let fixed = ids("fixed", &mut err);
        let retired = ids("retired", &mut err);
        out.push(ChangelogEntry {
            version,
            date,
            summary,
            added,
            fixed,
            retired,
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}
