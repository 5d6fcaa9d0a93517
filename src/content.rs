//! Fetching the compiled question bank. The index (`data/index.json`) is
//! loaded once at start; a domain's questions are fetched only when a page
//! needs them, so the app code stays small and an embedded widget never
//! downloads questions. URLs start from the app's own directory, read from
//! the page's location, which makes one build work at the site root or under
//! any sub-path, and from the embed bundle in `embed/`.

use std::rc::Rc;

use crate::components::embed::app_base;
use crate::domain::question::{ContentIndex, Question};

#[derive(Debug, Clone, PartialEq)]
pub enum ContentState {
    Loading,
    Ready(Rc<ContentIndex>),
    Failed(String),
}

/// The URL of a data file in the app's `data/`, which the embed bundle
/// (`embed/`) shares: [`app_base`] knows the app's directory from either.
fn data_url(file: &str) -> String {
    format!("{}data/{file}", app_base())
}

async fn get_json<T: serde::de::DeserializeOwned>(file: &str) -> Result<T, String> {
    let url = &data_url(file);
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| format!("could not fetch {url}: {e}"))?;
    if !response.ok() {
        return Err(format!("could not fetch {url}: HTTP {}", response.status()));
    }
    let text = response
        .text()
        .await
        .map_err(|e| format!("could not read {url}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{url} is not valid: {e}"))
}

pub async fn load_index() -> Result<ContentIndex, String> {
    get_json("index.json").await
}

/// The questions of the given domains, in bank order.
pub async fn load_domains(index: &ContentIndex, domains: &[u8]) -> Result<Vec<Question>, String> {
    let mut questions = Vec::new();
    for d in domains {
        let file = index
            .file_for_domain(*d)
            .ok_or_else(|| format!("no questions for domain {d}"))?;
        let mut qs: Vec<Question> = get_json(&file.file).await?;
        questions.append(&mut qs);
    }
    Ok(questions)
}

/// The cheat sheets (`data/sheets.json`), built from the widgets' facts by
/// the content compiler.
pub async fn load_sheets() -> Result<Vec<crate::domain::sheets::Sheet>, String> {
    get_json("sheets.json").await
}

/// One widget's facts (`data/widget-<id>.json`): all a widget downloads.
pub async fn load_widget<T: serde::de::DeserializeOwned>(id: &str) -> Result<T, String> {
    get_json(&format!("widget-{id}.json")).await
}

/// The search index (`data/search.<hash>.json`), fetched by the search page
/// only, when it opens.
pub async fn load_search(
    index: &ContentIndex,
) -> Result<crate::domain::search::SearchIndex, String> {
    let file = index
        .search
        .as_deref()
        .ok_or_else(|| "this build has no search index".to_string())?;
    get_json(file).await
}

/// The content changelog (`data/changelog.json`), for the Changes page only.
pub async fn load_changelog() -> Result<Vec<crate::domain::errata::ChangelogEntry>, String> {
    get_json("changelog.json").await
}
