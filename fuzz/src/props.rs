//! The properties Canary's fuzz targets check, one function per target.
//!
//! Each takes the fuzzer's raw bytes and panics when a property fails, so a
//! failure is a crash libFuzzer keeps. The same functions replay the kept
//! corpus and every past crash in `cargo test` (`tests/fuzz_corpus.rs`), so
//! a bug found once stays a regression test.
//!
//! Not only "no panic": progress must round-trip exactly, merging must be
//! commutative, associative and idempotent and never drop an answer, a
//! practice link must give a well-formed set, and the content compiler must
//! either accept its input or say where and what is wrong.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::rc::Rc;
use std::sync::OnceLock;

use canary::domain::exam::{Attempt, ExamResult, Format, Item};
use canary::domain::practice_set::{self, SetSpec};
use canary::domain::progress::{self, Progress, ReadError};
use canary::domain::question::QuestionMeta;
use canary::domain::schedule::{Confidence, Review};

/// The repository's `content/` folder.
fn content_root() -> &'static Path {
    static ROOT: OnceLock<std::path::PathBuf> = OnceLock::new();
    // The fuzz crate sits in `fuzz/`; the replay test runs from the root.
    ROOT.get_or_init(|| {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        [here.join("content"), here.join("../content")]
            .into_iter()
            .find(|p| p.join("exam.toml").exists())
            .expect("the content folder")
    })
}

/// The real bank, compiled once per process as the build does.
fn bank() -> &'static canary_content::Bank {
    static BANK: OnceLock<canary_content::Bank> = OnceLock::new();
    BANK.get_or_init(|| canary_content::compile_tree(content_root()).expect("content compiles"))
}

fn metas() -> &'static [QuestionMeta] {
    static METAS: OnceLock<Vec<QuestionMeta>> = OnceLock::new();
    METAS.get_or_init(|| {
        bank()
            .questions
            .iter()
            .map(|q| QuestionMeta {
                id: q.id.clone(),
                domain: q.domain,
                task: q.task.clone(),
                services: q.services.clone(),
                kind: q.kind,
                difficulty: q.difficulty,
            })
            .collect()
    })
}

/// Any text: a stored or imported progress document. Whatever `parse`
/// accepts must survive writing and reading back unchanged, and merging
/// with itself must change nothing.
pub fn progress_parse(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match progress::parse(text) {
        Ok(doc) => {
            let back = progress::parse(&doc.to_json())
                .unwrap_or_else(|e| panic!("a parsed document no longer parses: {e}"));
            assert_eq!(back, doc, "parse(to_json(p)) == p");
            assert_eq!(doc.merge(&doc), doc, "merge is idempotent");
        }
        Err(ReadError::Corrupt(_) | ReadError::Foreign | ReadError::Newer(_)) => {}
    }
}

/// Reads small numbers from the fuzzer's bytes (zero once they run out), so
/// that three documents built from one input collide on ids, times and
/// stamps often: collisions are where merge bugs live.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn next(&mut self) -> u8 {
        match self.0.split_first() {
            Some((b, rest)) => {
                self.0 = rest;
                *b
            }
            None => 0,
        }
    }

    fn below(&mut self, n: u8) -> u8 {
        self.next() % n
    }
}

const IDS: [&str; 4] = ["d1-a", "d2-b", "d3-c", "d6-d"];
const CARDS: [&str; 2] = ["codedeploy/hooks", "dr/pilot-light"];
const NOTES: [&str; 4] = ["", "POST never fails over", "<b>inert</b>", "check quotas"];
const DATES: [&str; 3] = ["", "2027-01-15", "2027-02-01"];

/// One progress document made from the next bytes, through the same calls
/// the app makes.
fn document(b: &mut Bytes<'_>) -> Progress {
    let mut p = Progress::default();
    for _ in 0..b.below(12) {
        let at = i64::from(b.below(8)) + 1;
        let id = IDS[usize::from(b.below(4))];
        match b.below(8) {
            0..=3 => p.record(id, review(b, at)),
            4 => p.set_flag(id, b.below(2) == 0, at),
            5 => p.set_note(id, NOTES[usize::from(b.below(4))], at),
            6 => p.record_card(CARDS[usize::from(b.below(2))], review(b, at)),
            _ => match b.below(4) {
                0 => p.set_shuffle(b.below(2) == 0, at),
                1 => p.set_exam_date(Some(DATES[usize::from(b.below(3))]), at),
                2 => p.set_exam_date(None, at),
                _ => p.add_exam(attempt(b, at)),
            },
        }
    }
    if b.below(4) == 0 {
        p.content_version = format!("v{}", b.below(3));
    }
    p
}

fn review(b: &mut Bytes<'_>, at: i64) -> Review {
    Review {
        at,
        correct: b.below(2) == 0,
        confidence: [Confidence::Guessed, Confidence::Unsure, Confidence::Knew]
            [usize::from(b.below(3))],
        ms: [None, Some(1_000), Some(90_000)][usize::from(b.below(3))],
    }
}

/// An exam attempt whose key (start time, seed) often collides with
/// another document's while its content differs.
fn attempt(b: &mut Bytes<'_>, at: i64) -> Attempt {
    let correct = usize::from(b.below(2));
    let id = IDS[usize::from(b.below(4))].to_string();
    Attempt {
        format: Format::Mini,
        seed: u64::from(b.below(2)),
        started_at: at,
        submitted_at: at + i64::from(b.below(3)) + 1,
        auto_submitted: b.below(2) == 0,
        items: vec![Item {
            id: id.clone(),
            scored: true,
        }],
        answers: BTreeMap::new(),
        flags: BTreeSet::new(),
        result: ExamResult {
            correct,
            scored: 1,
            scaled: if correct == 1 { 1000 } else { 100 },
            passed: correct == 1,
            by_domain: BTreeMap::new(),
            by_task: BTreeMap::new(),
        },
        times_ms: if b.below(2) == 0 {
            BTreeMap::new()
        } else {
            BTreeMap::from([(id, 60_000)])
        },
        shuffled: false,
    }
}

/// Every answer (question or flashcard) and every exam a document holds.
fn answers(p: &Progress) -> BTreeSet<(bool, String, Review)> {
    let q = p
        .questions
        .iter()
        .flat_map(|(id, q)| q.reviews.iter().map(move |r| (false, id.clone(), *r)));
    let c = p
        .cards
        .iter()
        .flat_map(|(id, c)| c.reviews.iter().map(move |r| (true, id.clone(), *r)));
    q.chain(c).collect()
}

/// Three documents (this tab, another tab, an imported file): merging in
/// any order and grouping gives one result, merging again changes nothing,
/// no answer or exam of either side is lost, and the result round-trips.
pub fn progress_merge(data: &[u8]) {
    let mut b = Bytes(data);
    let (x, y, z) = (document(&mut b), document(&mut b), document(&mut b));
    let xy = x.merge(&y);
    assert_eq!(xy, y.merge(&x), "merge is commutative");
    assert_eq!(xy.merge(&z), x.merge(&y.merge(&z)), "merge is associative");
    assert_eq!(xy.merge(&y), xy, "merge is idempotent");
    assert_eq!(xy.merge(&xy), xy, "merge is idempotent");
    let kept = answers(&xy);
    assert!(
        answers(&x).is_subset(&kept),
        "an import never removes an answer"
    );
    assert!(
        answers(&y).is_subset(&kept),
        "merge keeps the other side's answers"
    );
    let exams: BTreeSet<(i64, u64)> = xy.exams.iter().map(|a| (a.started_at, a.seed)).collect();
    for a in x.exams.iter().chain(&y.exams) {
        assert!(exams.contains(&(a.started_at, a.seed)), "an exam was lost");
    }
    assert_eq!(exams.len(), xy.exams.len(), "an exam is kept once");
    let back = progress::parse(&xy.to_json()).expect("a merged document parses");
    assert_eq!(back, xy, "a merged document round-trips");
}

/// A practice link's query (`#/practice/set?…`), read the way the router
/// reads it. Whatever it asks for, the set holds questions of the bank, each
/// once, no more than the size allows, the same for the same seed; and the
/// query a set writes reads back as the same set.
pub fn practice_query(data: &[u8]) {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(spec) = serde_urlencoded::from_str::<SetSpec>(query) else {
        return;
    };
    let now = 1_790_000_000_000;
    let mut progress = Progress::default();
    progress.record(
        &metas()[0].id,
        Review {
            at: now - 86_400_000,
            correct: false,
            confidence: Confidence::Unsure,
            ms: None,
        },
    );
    let seed = spec.seed.unwrap_or(7);
    let set = practice_set::build(&spec, metas(), &progress, now, seed);
    assert_eq!(
        set,
        practice_set::build(&spec, metas(), &progress, now, seed),
        "same spec, same seed, same set"
    );
    assert!(set.len() <= 200, "a set never holds more than 200");
    let unique: BTreeSet<&String> = set.iter().collect();
    assert_eq!(unique.len(), set.len(), "each question once");
    assert!(
        set.iter().all(|id| metas().iter().any(|m| &m.id == id)),
        "only questions of the bank"
    );
    if spec.ids.is_none() {
        assert!(set.len() <= spec.size(), "the size is respected");
    }
    if let Ok(written) = serde_urlencoded::to_string(&spec) {
        let again: SetSpec = serde_urlencoded::from_str(&written).unwrap_or_else(|e| {
            panic!("the query a set writes does not read back: {e}: {written}")
        });
        assert_eq!(again, spec, "the query round-trips: {written}");
    }
}

/// A simulator link: the first byte picks the simulator, the rest is its
/// URL query. The real widget renders from the real facts through the same
/// router, query parsing and model code as in the browser, and must render
/// its frame whatever the query says.
pub fn simulator_query(data: &[u8]) {
    use canary::routes::SIMULATORS;
    let Some((pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(query) = std::str::from_utf8(rest) else {
        return;
    };
    let sim = &SIMULATORS[usize::from(*pick) % SIMULATORS.len()];
    let html = render_simulator(sim.id, query);
    assert!(
        html.contains(&format!("data-widget=\"{}\"", sim.id)),
        "{} with query `{query}` did not render its frame: {html:.300}",
        sim.id
    );
}

fn facts_json(id: &str) -> Rc<str> {
    thread_local! {
        static FACTS: std::cell::RefCell<BTreeMap<String, Rc<str>>> = Default::default();
    }
    FACTS.with(|f| {
        f.borrow_mut()
            .entry(id.to_string())
            .or_insert_with(|| {
                serde_json::to_string(&bank().widgets[id])
                    .expect("facts serialize")
                    .into()
            })
            .clone()
    })
}

#[derive(yew::Properties, PartialEq)]
struct SimProps {
    id: &'static str,
    json: Rc<str>,
    query: String,
}

#[yew::component]
fn Sim(props: &SimProps) -> yew::Html {
    use canary::widgets::{self, PreloadedFacts};
    use yew::html;
    use yew_router::history::{AnyHistory, History, MemoryHistory};
    use yew_router::Router;
    let history = AnyHistory::from(MemoryHistory::new());
    // A memory history takes the query apart from the path: the pairs the
    // browser would decode from the address, encoded again.
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&props.query).unwrap_or_default();
    let _ = history.push_with_query(format!("/widgets/{}", props.id), pairs);
    let widget = match props.id {
        "asg" => html! { <widgets::asg::AsgWidget /> },
        "beanstalk" => html! { <widgets::beanstalk::BeanstalkWidget /> },
        "codedeploy" => html! { <widgets::codedeploy::CodeDeployWidget /> },
        "dr" => html! { <widgets::dr::DrWidget /> },
        _ => html! { <widgets::pipeline::PipelineWidget /> },
    };
    html! {
        <Router {history}>
            <yew::ContextProvider<PreloadedFacts> context={PreloadedFacts { id: props.id, json: props.json.clone() }}>
                { widget }
            </yew::ContextProvider<PreloadedFacts>>
        </Router>
    }
}

/// Renders simulator `id` at `/widgets/<id>?<query>` to HTML.
pub fn render_simulator(id: &'static str, query: &str) -> String {
    thread_local! {
        static RUNTIME: tokio::runtime::Runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime");
    }
    let props = SimProps {
        id,
        json: facts_json(id),
        query: query.to_string(),
    };
    RUNTIME.with(|rt| {
        rt.block_on(
            yew::LocalServerRenderer::<Sim>::with_props(props)
                .hydratable(false)
                .render(),
        )
    })
}

/// A question file as a learner of the format might write it, compiled
/// against the real blueprint: accepted, or refused with every problem
/// naming its file and saying what is wrong. Never a panic.
pub fn content_toml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = canary_content::Source {
        name: "content/questions/d1/fuzz.toml".into(),
        text: text.into(),
    };
    match canary_content::compile(bank().blueprint.clone(), &[source]) {
        Ok(compiled) => {
            for q in &compiled.questions {
                check_markup(&q.stem);
                for o in &q.options {
                    check_markup(&o.text);
                    check_markup(&o.explanation);
                }
            }
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "refused without a reason");
            for p in problems {
                assert!(!p.file.is_empty(), "a problem without a file: {p}");
                assert!(!p.message.trim().is_empty(), "a problem without a message");
            }
        }
    }
}

/// Markdown as content authors write it: the HTML the compiler emits holds
/// only the tags and attributes Markdown itself produces, so raw HTML or a
/// script in content can never reach a learner's page as markup.
pub fn markdown(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(html) = canary_content::markdown::render_block(text) {
        check_markup(&html);
    }
    if let Ok(html) = canary_content::markdown::render_inline(text) {
        check_markup(&html);
    }
}

const TAGS: &[&str] = &[
    "p",
    "em",
    "strong",
    "code",
    "pre",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "del",
    "hr",
    "br",
];
const ATTRIBUTES: &[&str] = &["href", "title", "start", "style", "class"];

/// Every tag in `html` is one Markdown produces, with only harmless
/// attributes, and every link is http(s) or relative.
pub fn check_markup(html: &str) {
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let end = after
            .find('>')
            .unwrap_or_else(|| panic!("an unclosed `<` in emitted HTML: {html:.200}"));
        let tag = &after[..end];
        let body = tag.trim_start_matches('/').trim_end_matches('/');
        let name = body.split_whitespace().next().unwrap_or("");
        assert!(
            TAGS.contains(&name.to_ascii_lowercase().as_str()),
            "tag `<{tag}>` in emitted HTML"
        );
        for attr in attributes(body) {
            let (key, value) = attr;
            assert!(ATTRIBUTES.contains(&key), "attribute `{key}` in `<{tag}>`");
            if key == "href" {
                let v = value.trim().to_ascii_lowercase();
                let head = v.split(['/', '?', '#']).next().unwrap_or("");
                assert!(
                    v.starts_with("http://") || v.starts_with("https://") || !head.contains(':'),
                    "link `{value}` in emitted HTML"
                );
            }
            if key == "style" {
                assert!(value.starts_with("text-align"), "style `{value}`");
            }
        }
        rest = &after[end + 1..];
    }
}

/// `name="value"` pairs of a tag's body, as pulldown-cmark writes them.
fn attributes(body: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = body.split_once(char::is_whitespace).map_or("", |(_, r)| r);
    while let Some(eq) = rest.find("=\"") {
        let key = rest[..eq].trim();
        let after = &rest[eq + 2..];
        let close = after.find('"').unwrap_or(after.len());
        out.push((key, &after[..close]));
        rest = after.get(close + 1..).unwrap_or("");
    }
    assert!(
        rest.trim().is_empty(),
        "a tag with text outside quoted attributes: `{body}`"
    );
    out
}
