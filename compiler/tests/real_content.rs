//! The real `content/` tree: it must compile without a single error, keep
//! every held floor, and emit files whose names match their hashes.

use std::path::Path;

use canary_content::{compile_tree, emit, read_targets, report};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"))
}

#[test]
fn the_real_bank_compiles_without_errors() {
    match compile_tree(root()) {
        Ok(bank) => assert!(!bank.questions.is_empty()),
        Err(errors) => panic!("content errors:\n{}", listed(&errors)),
    }
}

#[test]
fn held_floors_never_drop() {
    let bank = compile_tree(root()).expect("bank compiles");
    let targets = read_targets(root()).expect("targets.toml is valid");
    assert_eq!(
        report::floor_violations(&bank, &targets),
        Vec::<String>::new()
    );
}

#[test]
fn every_domain_file_is_named_by_its_content_and_indexed() {
    let bank = compile_tree(root()).expect("bank compiles");
    let files = emit(&bank);
    let index: canary::domain::question::ContentIndex =
        serde_json::from_slice(&files["index.json"]).expect("index parses with the app's types");
    assert_eq!(index.files.len(), 6);
    let mut total = 0;
    for f in &index.files {
        let qs: Vec<canary::domain::question::Question> = serde_json::from_slice(&files[&f.file])
            .expect("domain file parses with the app's types");
        assert_eq!(qs.len(), f.count);
        assert!(qs.iter().all(|q| q.domain == f.domain));
        total += qs.len();
    }
    assert_eq!(total, index.questions.len());
    assert_eq!(emit(&bank), files, "emission is deterministic");
}

#[test]
fn the_search_index_is_written_and_covers_every_question() {
    use canary::domain::search::{SearchIndex, Searcher};
    let bank = compile_tree(root()).expect("bank compiles");
    let files = emit(&bank);
    let index: canary::domain::question::ContentIndex =
        serde_json::from_slice(&files["index.json"]).unwrap();
    let name = index
        .search
        .as_deref()
        .expect("index.json names the search index");
    assert!(
        name.starts_with("search.") && name.ends_with(".json"),
        "{name}"
    );
    let bytes = &files[name];
    let hash = name.trim_start_matches("search.").trim_end_matches(".json");
    assert_eq!(hash.len(), 12, "{name} is content-hashed");
    let search: SearchIndex = serde_json::from_slice(bytes).expect("parses with the app's types");
    assert_eq!(search.stems.len(), index.questions.len());
    let searcher = Searcher::new(search);
    // Every question is found by its own id, ranked first (or tied with
    // an id that holds the same words).
    for (n, q) in index.questions.iter().enumerate() {
        let r = searcher.search(&format!("{} ", q.id));
        let own = r.hits.iter().find(|h| h.question == n).expect(&q.id);
        assert_eq!(
            (own.exact_words, own.score),
            (r.hits[0].exact_words, r.hits[0].score),
            "{}",
            q.id
        );
    }
    // The typo finds CloudFormation questions.
    let r = searcher.search("cloudformaton");
    assert!(!r.hits.is_empty());
    assert!(r.hits.iter().take(5).all(|h| index.questions[h.question]
        .services
        .iter()
        .any(|s| s == "CloudFormation")));
}

#[test]
fn the_real_bank_has_no_answer_bias() {
    let bank = compile_tree(root()).expect("bank compiles");
    let errors = canary_content::bias_violations(&bank);
    assert!(errors.is_empty(), "{}", listed(&errors));
}

fn listed(errors: &[canary_content::Diagnostic]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_simulator_has_a_cheat_sheet_of_cited_facts() {
    let bank = compile_tree(root()).expect("bank compiles");
    let files = emit(&bank);
    let sheets: Vec<canary::domain::sheets::Sheet> =
        serde_json::from_slice(&files["sheets.json"]).expect("sheets parse with the app's types");
    let topics: Vec<&str> = sheets.iter().map(|s| s.topic.as_str()).collect();
    assert_eq!(topics, canary::domain::sheets::TOPICS);
    for sheet in &sheets {
        // Every table of facts with sources made it onto the sheet.
        assert!(
            sheet.facts.len() >= 10,
            "{}: {}",
            sheet.topic,
            sheet.facts.len()
        );
        let mut ids = std::collections::BTreeSet::new();
        for f in &sheet.facts {
            assert!(
                ids.insert(&f.id),
                "{}: duplicate fact id {}",
                sheet.topic,
                f.id
            );
            // A card key is `<topic>/<fact id>`, which progress validates.
            let key = sheet.card_id(f);
            assert!(key.len() <= 120 && key.contains('/'), "{key}");
            for url in std::iter::once(&f.source).chain(&f.also) {
                assert!(
                    url.starts_with("https://docs.aws.amazon.com/"),
                    "{key}: {url}"
                );
            }
            assert!(!f.prompt.is_empty() && !f.title.is_empty(), "{key}");
            assert!(
                !f.text.is_empty() || !f.details.is_empty(),
                "{key} states nothing"
            );
        }
    }
    // The simulator's own values, unchanged: CodeDeploy's configurations.
    let cd = &sheets[0];
    let all_at_once = cd
        .facts
        .iter()
        .find(|f| f.title == "CodeDeployDefault.AllAtOnce")
        .expect("a configuration is a fact");
    assert!(all_at_once
        .text
        .starts_with("In-place: deploys to as many instances"));
}
