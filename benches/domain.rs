//! Native micro-benchmarks of the pure domain on the real question bank:
//! loading the bank, drawing a full exam, scoring it, and an FSRS update.
//! Run with `cargo bench --bench domain` (part of `cargo xtask bench`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::LazyLock;

use canary::domain::exam::{draw, score, Format};
use canary::domain::grading::{grade, Selection};
use canary::domain::question::{ChoiceId, ContentIndex, Question};
use canary::domain::schedule::{replay, Confidence, Review};

struct Bank {
    files: BTreeMap<String, Vec<u8>>,
    index: ContentIndex,
    questions: Vec<Question>,
}

static BANK: LazyLock<Bank> = LazyLock::new(|| {
    let bank = canary_content::compile_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
        .expect("bank");
    let files = canary_content::emit(&bank);
    let index: ContentIndex = serde_json::from_slice(&files["index.json"]).unwrap();
    Bank {
        files,
        index,
        questions: bank.questions,
    }
});

fn main() {
    LazyLock::force(&BANK);
    divan::main();
}

/// Parsing every domain file, as the app does when a set spans the bank.
#[divan::bench]
fn load_whole_bank() -> usize {
    BANK.index
        .files
        .iter()
        .map(|f| {
            serde_json::from_slice::<Vec<Question>>(&BANK.files[&f.file])
                .unwrap()
                .len()
        })
        .sum()
}

#[divan::bench]
fn draw_full_exam() -> usize {
    draw(
        Format::Full,
        &BANK.index.blueprint,
        &BANK.index.questions,
        &BTreeSet::new(),
        divan::black_box(42),
    )
    .unwrap()
    .len()
}

#[divan::bench]
fn score_full_exam(bencher: divan::Bencher) {
    let items = draw(
        Format::Full,
        &BANK.index.blueprint,
        &BANK.index.questions,
        &BTreeSet::new(),
        7,
    )
    .unwrap();
    let by_id: BTreeMap<&str, &Question> =
        BANK.questions.iter().map(|q| (q.id.as_str(), q)).collect();
    let answers: BTreeMap<String, Selection> = items
        .iter()
        .map(|i| {
            (
                i.id.clone(),
                (0..by_id[i.id.as_str()].kind.picks() as u8)
                    .map(ChoiceId)
                    .collect(),
            )
        })
        .collect();
    let meta = BANK
        .index
        .questions
        .iter()
        .map(|q| (q.id.clone(), q.clone()))
        .collect();
    bencher.bench(|| {
        score(&items, &answers, &meta, &BANK.index.blueprint, |id, s| {
            grade(by_id[id], s).correct
        })
        .scaled
    });
}

/// One FSRS update: replaying a question's history of ten answers.
#[divan::bench]
fn fsrs_replay_ten_reviews() -> i64 {
    let history: Vec<Review> = (0..10)
        .map(|i| Review {
            at: 1_785_000_000_000 + i * 86_400_000 * 3,
            correct: i % 3 != 0,
            confidence: Confidence::Knew,
            ms: None,
        })
        .collect();
    replay(divan::black_box(&history)).unwrap().due
}

/// One keystroke on the search page over the whole bank: the query with a
/// typo'd long word (every vocabulary term is checked by edit distance)
/// and a last word still being typed (a prefix), then the first page's
/// snippets.
#[divan::bench]
fn search_keystroke(bencher: divan::Bencher) {
    use canary::domain::search::{SearchIndex, Searcher};
    let name = BANK.index.search.clone().expect("search index");
    let index: SearchIndex = serde_json::from_slice(&BANK.files[&name]).unwrap();
    let searcher = Searcher::new(index);
    bencher.bench(|| {
        let r = searcher.search(divan::black_box("cloudformaton drift detec"));
        r.hits
            .iter()
            .take(20)
            .map(|h| searcher.snippet(h.question, &r.terms).len())
            .sum::<usize>()
    });
}
