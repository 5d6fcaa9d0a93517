//! Unit tests of [`super`]: one per matching and ranking behaviour.

use super::*;
use crate::domain::question::{Choice, Kind};

fn q(id: &str, services: &[&str], stem: &str, option: &str, explanation: &str) -> Question {
    Question {
        id: id.into(),
        domain: 1,
        task: "1.1".into(),
        services: services.iter().map(|s| (*s).to_string()).collect(),
        kind: Kind::Single,
        difficulty: None,
        status_note: None,
        stem: stem.into(),
        options: vec![Choice {
            text: option.into(),
            correct: true,
            explanation: explanation.into(),
        }],
        references: vec![],
        reviewed: None,
    }
}

fn bank() -> Vec<Question> {
    vec![
        // 0: the word only in an explanation
        q(
            "d1-alpha",
            &["S3"],
            "<p>Store the logs.</p>",
            "Use a bucket.",
            "Stacks in CloudFormation are slow.",
        ),
        // 1: in an option
        q(
            "d1-beta",
            &["EC2"],
            "<p>Run the servers.</p>",
            "A CloudFormation stack.",
            "Right.",
        ),
        // 2: in the stem
        q(
            "d1-gamma",
            &["EC2"],
            "<p>A team uses <strong>CloudFormation</strong> &amp; Git.</p>",
            "No.",
            "No.",
        ),
        // 3: a service
        q(
            "d1-delta",
            &["CloudFormation"],
            "<p>Templates drift.</p>",
            "No.",
            "No.",
        ),
        // 4: nothing
        q(
            "d1-epsilon",
            &["Lambda"],
            "<p>Functions time out.</p>",
            "No.",
            "No.",
        ),
    ]
}

fn searcher() -> Searcher {
    Searcher::new(SearchIndex::build(&bank()))
}

fn ids(r: &Results) -> Vec<usize> {
    r.hits.iter().map(|h| h.question).collect()
}

#[test]
fn tokens_lowercase_and_fold_punctuation() {
    let t: Vec<String> = tokens("CloudFormation's stack-set (v2), EC2!")
        .map(|t| t.2)
        .collect();
    assert_eq!(t, ["cloudformation", "s", "stack", "set", "v2", "ec2"]);
}

#[test]
fn plain_text_strips_tags_and_entities() {
    assert_eq!(
        plain_text("<p>A <code>&lt;x&gt;</code> &amp; \n <em>y</em></p>"),
        "A <x> & y"
    );
}

#[test]
fn ranking_id_or_service_then_stem_then_options_then_explanations() {
    let r = searcher().search("cloudformation ");
    assert_eq!(ids(&r), [3, 2, 1, 0]);
}

#[test]
fn an_id_is_found_by_its_words() {
    let r = searcher().search("d1-gamma ");
    assert_eq!(ids(&r), [2]);
}

#[test]
fn words_are_anded() {
    assert_eq!(ids(&searcher().search("cloudformation git ")), [2]);
    assert_eq!(
        ids(&searcher().search("cloudformation lambda ")),
        Vec::<usize>::new()
    );
}

#[test]
fn the_last_word_matches_as_a_prefix_while_typed() {
    let s = searcher();
    assert_eq!(ids(&s.search("cloudfor")), [3, 2, 1, 0]);
    // Once the word is finished (a separator follows), it is a word of its own.
    assert_eq!(ids(&s.search("cloudfor ")), Vec::<usize>::new());
    // Only the last word is a prefix.
    assert_eq!(ids(&s.search("cloudfor git")), Vec::<usize>::new());
}

#[test]
fn a_typo_in_a_long_word_still_matches() {
    let s = searcher();
    assert_eq!(ids(&s.search("cloudformaton ")), [3, 2, 1, 0]);
    assert_eq!(ids(&s.search("clodformatoin ")), [3, 2, 1, 0]);
    assert!(s
        .search("cloudformaton ")
        .terms
        .contains(&"cloudformation".to_string()));
    // A swap of neighbours is one edit.
    assert_eq!(ids(&s.search("lmabda ")), [4]);
    // Short words need an exact match: "drfit" would be two edits from a
    // five-letter word, and four-letter words allow none.
    assert_eq!(ids(&s.search("logz ")), Vec::<usize>::new());
    assert_eq!(ids(&s.search("logs ")), [0]);
}

#[test]
fn typo_matches_rank_below_exact_ones() {
    // "stacks" is exact in 0 (explanation); "stack" in 1 (option) is one edit.
    let r = searcher().search("stacks ");
    assert_eq!(ids(&r), [0, 1]);
    assert_eq!(r.hits[0].exact_words, 1);
    assert_eq!(r.hits[1].exact_words, 0);
}

#[test]
fn stop_words_and_empty_queries() {
    let s = searcher();
    assert_eq!(s.search("").hits, vec![]);
    assert_eq!(s.search("  ,. ").hits, vec![]);
    assert_eq!(ids(&s.search("the lambda ")), [4]);
}

#[test]
fn edit_distance_bound() {
    assert!(within("cloudformaton", "cloudformation", 1));
    assert!(within("abcde", "abdce", 1));
    assert!(!within("abcde", "edcba", 2));
    assert!(within("kitten", "sitting", 3));
    assert!(!within("kitten", "sitting", 2));
}

#[test]
fn postings_round_trip_through_json() {
    let index = SearchIndex::build(&bank());
    let json = serde_json::to_string(&index).unwrap();
    let back: SearchIndex = serde_json::from_str(&json).unwrap();
    assert_eq!(Searcher::new(back), Searcher::new(index));
}

#[test]
fn snippets_mark_the_hits() {
    let s = searcher();
    let r = s.search("cloudformation git");
    let pieces = s.snippet(2, &r.terms);
    assert_eq!(
        pieces,
        vec![
            ("A team uses ".to_string(), false),
            ("CloudFormation".to_string(), true),
            (" & ".to_string(), false),
            ("Git".to_string(), true),
            (".".to_string(), false),
        ]
    );
    // No hit in the stem: its beginning, unmarked.
    assert_eq!(
        s.snippet(0, &r.terms),
        vec![("Store the logs.".to_string(), false)]
    );
}

#[test]
fn long_snippets_are_cut_around_the_first_hit() {
    let text = format!("{} needle {}", "word ".repeat(100), "tail ".repeat(100));
    let pieces = snippet(&text, &["needle".to_string()], 80);
    assert_eq!(pieces.first().unwrap().0, "…");
    assert_eq!(pieces.last().unwrap().0, "…");
    assert!(pieces.iter().any(|(t, hit)| *hit && t == "needle"));
    let len: usize = pieces.iter().map(|p| p.0.len()).sum();
    assert!(len <= 90, "{len}");
}
