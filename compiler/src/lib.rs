//! The content compiler: reads `content/`, validates every question against
//! the rules in `content/README.md`, renders Markdown to escaped HTML and
//! writes the compact data files the app fetches (`data/index.json` and one
//! content-hashed file per domain).
//!
//! Validation never stops at the first problem: every error in every file is
//! collected, each naming the file, the question id and what is wrong, so an
//! author fixes a batch in one pass.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use canary::domain::blueprint::Blueprint;
use canary::domain::errata::{ChangelogEntry, Project};
use canary::domain::question::{Choice, ContentIndex, Difficulty, DomainFile, Kind, Question};
use canary::domain::search::SearchIndex;
use sha2::{Digest, Sha256};

pub mod bias;
pub mod errata;
pub mod markdown;
pub mod report;

pub use markdown::{render_block, render_inline};

/// One problem found in the content, reported as `file: id: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub id: Option<String>,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{}: {}: {}", self.file, id, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// A source file: its display name (relative path) and text.
pub struct Source {
    pub name: String,
    pub text: String,
}

/// The validated bank, ready to be written.
#[derive(Debug, Clone)]
pub struct Bank {
    pub blueprint: Blueprint,
    pub questions: Vec<Question>,
    /// Widget facts by widget id, as JSON ready to write.
    pub widgets: BTreeMap<String, serde_json::Value>,
    /// Option lengths as written (before Markdown rendering), for the
    /// answer-bias check, in the order of `questions`.
    pub bias_items: Vec<bias::Item>,
    /// The file each question was read from, in the order of `questions`.
    pub files: Vec<String>,
    /// `project.toml` and `CHANGELOG.toml` (see [`errata`]).
    pub project: Project,
    pub changelog: Vec<ChangelogEntry>,
}

const QUESTION_FIELDS: &[&str] = &[
    "id",
    "domain",
    "task",
    "services",
    "kind",
    "choose",
    "difficulty",
    "status_note",
    "reviewed",
    "stem",
    "references",
    "option",
];
const OPTION_FIELDS: &[&str] = &["text", "correct", "explanation"];
const MAX_OPTIONS: usize = 8;

/// Reads and validates the blueprint (`exam.toml`).
pub fn parse_blueprint(source: &Source) -> Result<Blueprint, Vec<Diagnostic>> {
    let err = |message: String| {
        vec![Diagnostic {
            file: source.name.clone(),
            id: None,
            message,
        }]
    };
    let blueprint: Blueprint = toml::from_str(&source.text).map_err(|e| err(e.to_string()))?;
    let total: u32 = blueprint.domains.iter().map(|d| u32::from(d.weight)).sum();
    if total != 100 {
        return Err(err(format!("domain weights add up to {total}, not 100")));
    }
    for d in &blueprint.domains {
        for t in &d.tasks {
            if !t.id.starts_with(&format!("{}.", d.number)) {
                return Err(err(format!(
                    "task statement {} is listed under domain {}",
                    t.id, d.number
                )));
            }
        }
    }
    Ok(blueprint)
}

/// Validates and renders every question in `sources`. Returns the bank only
/// when there is no error at all; otherwise every error found.
pub fn compile(blueprint: Blueprint, sources: &[Source]) -> Result<Bank, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut compiled: Vec<(Question, bias::Item, String)> = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();

    for source in sources {
        let value: toml::Table = match source.text.parse() {
            Ok(v) => v,
            Err(e) => {
                errors.push(Diagnostic {
                    file: source.name.clone(),
                    id: None,
                    message: format!("not valid TOML: {}", e.message()),
                });
                continue;
            }
        };
        for key in value.keys().filter(|k| k.as_str() != "question") {
            errors.push(Diagnostic {
                file: source.name.clone(),
                id: None,
                message: format!(
                    "unknown top-level field `{key}` (only [[question]] entries belong here)"
                ),
            });
        }
        let entries = match value.get("question") {
            Some(toml::Value::Array(a)) => a.as_slice(),
            Some(_) => {
                errors.push(Diagnostic {
                    file: source.name.clone(),
                    id: None,
                    message: "`question` must be an array of tables: write [[question]]".into(),
                });
                continue;
            }
            None => &[],
        };
        for (n, entry) in entries.iter().enumerate() {
            let mut ctx = Ctx {
                file: &source.name,
                id: format!("question #{}", n + 1),
                errors: &mut errors,
            };
            let Some(table) = entry.as_table() else {
                ctx.error("each [[question]] must be a table".into());
                continue;
            };
            if let Some(id) = table.get("id").and_then(|v| v.as_str()) {
                ctx.id = id.to_string();
            }
            if let Some(q) = check_question(&blueprint, table, &mut ctx) {
                match seen.get(&q.id) {
                    Some(first) => ctx.error(format!("duplicate id: also defined in {first}")),
                    None => {
                        seen.insert(q.id.clone(), source.name.clone());
                        let item = bias_item(&q, table);
                        compiled.push((q, item, source.name.clone()));
                    }
                }
            }
        }
    }

    if errors.is_empty() {
        compiled.sort_by(|(a, ..), (b, ..)| {
            (a.domain, &a.task, &a.id).cmp(&(b.domain, &b.task, &b.id))
        });
        let mut bank = Bank {
            blueprint,
            questions: Vec::with_capacity(compiled.len()),
            widgets: BTreeMap::new(),
            bias_items: Vec::with_capacity(compiled.len()),
            files: Vec::with_capacity(compiled.len()),
            project: Project::default(),
            changelog: Vec::new(),
        };
        for (q, item, file) in compiled {
            bank.questions.push(q);
            bank.bias_items.push(item);
            bank.files.push(file);
        }
        Ok(bank)
    } else {
        Err(errors)
    }
}

/// The bias check's view of a validated question: option texts as written.
fn bias_item(q: &Question, table: &toml::Table) -> bias::Item {
    let texts: Vec<(&str, bool)> = table
        .get("option")
        .and_then(toml::Value::as_array)
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .zip(&q.options)
        .map(|(o, choice)| {
            let text = o.get("text").and_then(toml::Value::as_str).unwrap_or("");
            (text, choice.correct)
        })
        .collect();
    bias::Item::new(&q.id, matches!(q.kind, Kind::Single), &texts)
}

struct Ctx<'a> {
    file: &'a str,
    id: String,
    errors: &'a mut Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn error(&mut self, message: String) {
        self.errors.push(Diagnostic {
            file: self.file.to_string(),
            id: Some(self.id.clone()),
            message,
        });
    }

    fn string(&mut self, table: &toml::Table, field: &str, required: bool) -> Option<String> {
        match table.get(field) {
            Some(toml::Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.error(format!(
                    "`{field}` must be a string, found {}",
                    other.type_str()
                ));
                None
            }
            None => {
                if required {
                    self.error(format!("missing `{field}`"));
                }
                None
            }
        }
    }

    /// A required Markdown field that must not be blank.
    fn markdown(&mut self, table: &toml::Table, field: &str, what: &str) -> Option<String> {
        let text = self.string(table, field, true)?;
        if text.trim().is_empty() {
            self.error(format!("empty {what}"));
            return None;
        }
        Some(text)
    }

    fn render(&mut self, text: &str, inline: bool, what: &str) -> Option<String> {
        let rendered = if inline {
            render_inline(text)
        } else {
            render_block(text)
        };
        match rendered {
            Ok(html) => Some(html),
            Err(problems) => {
                for p in problems {
                    self.error(format!("{what}: {p}"));
                }
                None
            }
        }
    }
}

fn unknown_fields(table: &toml::Table, known: &[&str], ctx: &mut Ctx<'_>, place: &str) {
    for key in table.keys().filter(|k| !known.contains(&k.as_str())) {
        ctx.error(format!("unknown field `{key}` in {place}"));
    }
}

fn valid_id(id: &str) -> bool {
    (3..=80).contains(&id.len())
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}

fn check_question(bp: &Blueprint, t: &toml::Table, ctx: &mut Ctx<'_>) -> Option<Question> {
    let errors_before = ctx.errors.len();
    unknown_fields(t, QUESTION_FIELDS, ctx, "question");

    let id = ctx.string(t, "id", true);
    if let Some(id) = &id {
        if !valid_id(id) {
            ctx.error("id must be 3–80 lower-case letters, digits and single hyphens".into());
        }
    }

    let domain = match t.get("domain") {
        Some(toml::Value::Integer(n)) => {
            match u8::try_from(*n).ok().filter(|n| bp.domain(*n).is_some()) {
                Some(n) => Some(n),
                None => {
                    ctx.error(format!("unknown domain {n}: use 1–6"));
                    None
                }
            }
        }
        Some(other) => {
            ctx.error(format!(
                "`domain` must be an integer, found {}",
                other.type_str()
            ));
            None
        }
        None => {
            ctx.error("missing `domain`".into());
            None
        }
    };

    let task = ctx.string(t, "task", true);
    if let (Some(task), Some(domain)) = (&task, domain) {
        match bp.task(task) {
            None => ctx.error(format!("unknown task statement `{task}`")),
            Some((d, _)) if d.number != domain => ctx.error(format!(
                "task statement {task} belongs to domain {}, not domain {domain}",
                d.number
            )),
            Some(_) => {}
        }
    }

    let services = match t.get("services") {
        Some(toml::Value::Array(a)) => {
            let names: Vec<String> = a
                .iter()
                .filter_map(|v| v.as_str())
                .map(str::to_string)
                .collect();
            if names.len() != a.len() {
                ctx.error("`services` must hold only strings".into());
            }
            if names.iter().all(|s| s.trim().is_empty()) {
                ctx.error("`services` must name at least one AWS service".into());
            }
            names
        }
        Some(other) => {
            ctx.error(format!(
                "`services` must be an array of strings, found {}",
                other.type_str()
            ));
            Vec::new()
        }
        None => {
            ctx.error("missing `services`".into());
            Vec::new()
        }
    };

    let difficulty = match ctx.string(t, "difficulty", false).as_deref() {
        None => None,
        Some("easy") => Some(Difficulty::Easy),
        Some("medium") => Some(Difficulty::Medium),
        Some("hard") => Some(Difficulty::Hard),
        Some(other) => {
            ctx.error(format!(
                "difficulty `{other}` is not one of easy, medium, hard"
            ));
            None
        }
    };

    let reviewed = ctx.string(t, "reviewed", false);
    if let Some(r) = &reviewed {
        if !valid_date(r) {
            ctx.error(format!(
                "reviewed `{r}` is not a date of the form YYYY-MM-DD"
            ));
        }
    }

    let stem = ctx
        .markdown(t, "stem", "stem")
        .and_then(|s| ctx.render(&s, false, "stem"));
    let status_note = ctx
        .string(t, "status_note", false)
        .and_then(|s| ctx.render(&s, false, "status_note"));

    let references = check_references(t, ctx);
    let options = check_options(t, ctx);

    let choose = match t.get("choose") {
        None => None,
        Some(toml::Value::Integer(n)) => Some(*n),
        Some(other) => {
            ctx.error(format!(
                "`choose` must be an integer, found {}",
                other.type_str()
            ));
            None
        }
    };
    let correct = options.iter().filter(|o| o.correct).count();
    let kind = match ctx.string(t, "kind", true).as_deref() {
        Some("single") => {
            if choose.is_some() {
                ctx.error("`choose` is only for kind = \"multiple\"".into());
            }
            if options.len() != 4 {
                ctx.error(format!(
                    "single answer needs exactly 4 options, found {}",
                    options.len()
                ));
            }
            if correct != 1 {
                ctx.error(format!(
                    "single answer needs exactly one correct option, found {correct}"
                ));
            }
            Some(Kind::Single)
        }
        Some("multiple") => {
            if options.len() < 5 {
                ctx.error(format!(
                    "multiple response needs at least 5 options, found {}",
                    options.len()
                ));
            }
            match choose {
                None => {
                    ctx.error(
                        "multiple response needs `choose` (the number of correct options)".into(),
                    );
                    None
                }
                Some(n) if n < 2 => {
                    ctx.error(format!("choose = {n}: multiple response chooses 2 or more"));
                    None
                }
                Some(n) => {
                    if usize::try_from(n).ok() != Some(correct) {
                        ctx.error(format!(
                            "choose = {n} but {correct} options are marked correct"
                        ));
                    }
                    u8::try_from(n).ok().map(|choose| Kind::Multiple { choose })
                }
            }
        }
        Some(other) => {
            ctx.error(format!("kind `{other}` is not \"single\" or \"multiple\""));
            None
        }
        None => None,
    };

    if ctx.errors.len() != errors_before {
        return None;
    }
    Some(Question {
        id: id?,
        domain: domain?,
        task: task?,
        services,
        kind: kind?,
        difficulty,
        status_note,
        stem: stem?,
        options,
        references,
        reviewed,
    })
}

fn check_references(t: &toml::Table, ctx: &mut Ctx<'_>) -> Vec<String> {
    let refs: Vec<String> = match t.get("references") {
        Some(toml::Value::Array(a)) => {
            let refs: Vec<String> = a
                .iter()
                .filter_map(|v| v.as_str())
                .map(str::to_string)
                .collect();
            if refs.len() != a.len() {
                ctx.error("`references` must hold only URL strings".into());
            }
            refs
        }
        Some(other) => {
            ctx.error(format!(
                "`references` must be an array of URLs, found {}",
                other.type_str()
            ));
            return Vec::new();
        }
        None => {
            ctx.error(
                "missing `references`: cite the AWS documentation page that supports the answer"
                    .into(),
            );
            return Vec::new();
        }
    };
    if refs.is_empty() {
        ctx.error("no reference: cite the AWS documentation page that supports the answer".into());
    }
    for r in &refs {
        if !r.starts_with("https://")
            || r.len() <= "https://".len()
            || r.contains(char::is_whitespace)
        {
            ctx.error(format!("reference `{r}` is not an https:// URL"));
        }
    }
    if !refs.is_empty()
        && !refs
            .iter()
            .any(|r| r.starts_with("https://docs.aws.amazon.com/"))
    {
        ctx.error(
            "no docs.aws.amazon.com reference: at least one must be an AWS documentation page"
                .into(),
        );
    }
    refs
}

fn check_options(t: &toml::Table, ctx: &mut Ctx<'_>) -> Vec<Choice> {
    let entries = match t.get("option") {
        Some(toml::Value::Array(a)) => a,
        Some(other) => {
            ctx.error(format!(
                "`option` must be an array of tables ([[question.option]]), found {}",
                other.type_str()
            ));
            return Vec::new();
        }
        None => {
            ctx.error("no options: add [[question.option]] entries".into());
            return Vec::new();
        }
    };
    if entries.len() > MAX_OPTIONS {
        ctx.error(format!("{} options: at most {MAX_OPTIONS}", entries.len()));
    }
    let mut options = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let place = format!("option {}", char::from(b'A' + (i as u8).min(25)));
        let Some(o) = entry.as_table() else {
            ctx.error(format!("{place} must be a table"));
            continue;
        };
        unknown_fields(o, OPTION_FIELDS, ctx, &place);
        let text = match o.get("text") {
            Some(toml::Value::String(s)) if !s.trim().is_empty() => {
                ctx.render(s, true, &format!("{place} text"))
            }
            Some(toml::Value::String(_)) => {
                ctx.error(format!("{place}: empty text"));
                None
            }
            _ => {
                ctx.error(format!("{place}: missing text"));
                None
            }
        };
        let explanation = match o.get("explanation") {
            Some(toml::Value::String(s)) if !s.trim().is_empty() => {
                ctx.render(s, false, &format!("{place} explanation"))
            }
            _ => {
                ctx.error(format!("{place}: missing explanation"));
                None
            }
        };
        let correct = match o.get("correct") {
            Some(toml::Value::Boolean(b)) => *b,
            Some(other) => {
                ctx.error(format!(
                    "{place}: `correct` must be true or false, found {}",
                    other.type_str()
                ));
                false
            }
            None => {
                ctx.error(format!("{place}: missing `correct`"));
                false
            }
        };
        if let (Some(text), Some(explanation)) = (text, explanation) {
            options.push(Choice {
                text,
                correct,
                explanation,
            });
        } else {
            // Keep positions honest for the count checks even when a field failed.
            options.push(Choice {
                text: String::new(),
                correct,
                explanation: String::new(),
            });
        }
    }
    options
}

/// Reads `content/exam.toml` and every `content/questions/**/*.toml`, in a
/// stable order, with names relative to `root`'s parent for messages.
pub fn read_tree(root: &Path) -> Result<(Source, Vec<Source>), Vec<Diagnostic>> {
    let display = |p: &Path| {
        p.strip_prefix(root.parent().unwrap_or(root))
            .unwrap_or(p)
            .display()
            .to_string()
    };
    let io_err = |p: &Path, e: std::io::Error| {
        vec![Diagnostic {
            file: display(p),
            id: None,
            message: format!("cannot read: {e}"),
        }]
    };
    let exam_path = root.join("exam.toml");
    let exam = Source {
        name: display(&exam_path),
        text: fs::read_to_string(&exam_path).map_err(|e| io_err(&exam_path, e))?,
    };
    let mut files = Vec::new();
    collect_toml(&root.join("questions"), &mut files)
        .map_err(|e| io_err(&root.join("questions"), e))?;
    files.sort();
    let mut sources = Vec::new();
    for f in files {
        let text = fs::read_to_string(&f).map_err(|e| io_err(&f, e))?;
        sources.push(Source {
            name: display(&f),
            text,
        });
    }
    Ok((exam, sources))
}

fn collect_toml(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// The widgets whose facts live in `content/widgets/<id>.toml`.
pub const WIDGETS: [&str; 5] = ["asg", "beanstalk", "codedeploy", "dr", "pipeline"];

/// Parses and checks one widget's facts: the schema (no unknown or missing
/// field), the widget's own consistency rules, and that every `source` is an
/// AWS documentation page.
pub fn compile_widget(id: &str, source: &Source) -> Result<serde_json::Value, Vec<Diagnostic>> {
    use canary::domain::widgets::{
        asg::AsgFacts, beanstalk::BeanstalkFacts, codedeploy::CodeDeployFacts, dr::DrFacts,
        pipeline::PipelineFacts,
    };
    let err = |message: String| Diagnostic {
        file: source.name.clone(),
        id: Some(id.to_string()),
        message,
    };
    let parsed = match id {
        "asg" => facts(&source.text, AsgFacts::check),
        "beanstalk" => facts(&source.text, BeanstalkFacts::check),
        "codedeploy" => facts(&source.text, CodeDeployFacts::check),
        "dr" => facts(&source.text, DrFacts::check),
        "pipeline" => facts(&source.text, PipelineFacts::check),
        other => return Err(vec![err(format!("unknown widget `{other}`"))]),
    };
    let (value, mut problems) = parsed.map_err(|e| vec![err(e)])?;
    sources_are_aws_docs(&value, "", &mut problems);
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(problems.into_iter().map(err).collect())
    }
}

/// Parses one widget's facts into its model type (rejecting unknown and
/// missing fields) and runs the model's own consistency checks.
fn facts<T: serde::de::DeserializeOwned + serde::Serialize>(
    text: &str,
    check: fn(&T) -> Vec<String>,
) -> Result<(serde_json::Value, Vec<String>), String> {
    let parsed: T = toml::from_str(text).map_err(|e| e.to_string())?;
    let value = serde_json::to_value(&parsed).expect("facts serialize");
    Ok((value, check(&parsed)))
}

fn sources_are_aws_docs(v: &serde_json::Value, path: &str, problems: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let here = format!("{path}.{k}");
                if k == "source"
                    && !v
                        .as_str()
                        .is_some_and(|s| s.starts_with("https://docs.aws.amazon.com/"))
                {
                    problems.push(format!(
                        "{here}: source must be a https://docs.aws.amazon.com/ page, found {v}"
                    ));
                }
                sources_are_aws_docs(v, &here, problems);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                sources_are_aws_docs(v, &format!("{path}[{i}]"), problems);
            }
        }
        _ => {}
    }
}

/// Reads, validates and compiles the whole tree under `root` (`content/`).
pub fn compile_tree(root: &Path) -> Result<Bank, Vec<Diagnostic>> {
    let (exam, sources) = read_tree(root)?;
    let blueprint = parse_blueprint(&exam)?;
    let mut errors = Vec::new();
    let mut widgets = BTreeMap::new();
    for id in WIDGETS {
        let path = root.join("widgets").join(format!("{id}.toml"));
        let name = path
            .strip_prefix(root.parent().unwrap_or(root))
            .unwrap_or(&path)
            .display()
            .to_string();
        match fs::read_to_string(&path) {
            Err(e) => errors.push(Diagnostic {
                file: name,
                id: Some(id.into()),
                message: format!("cannot read: {e}"),
            }),
            Ok(text) => match compile_widget(id, &Source { name, text }) {
                Ok(v) => {
                    widgets.insert(id.to_string(), v);
                }
                Err(mut e) => errors.append(&mut e),
            },
        }
    }
    match compile(blueprint, &sources) {
        Ok(mut bank) => {
            bank.widgets = widgets;
            read_errata(root, &mut bank, &mut errors);
            if errors.is_empty() {
                Ok(bank)
            } else {
                Err(errors)
            }
        }
        Err(mut e) => {
            e.append(&mut errors);
            Err(e)
        }
    }
}

/// Reads `project.toml` and `CHANGELOG.toml` into the bank (each optional:
/// absent means no tracker and no changelog), checking the changelog's ids
/// against the compiled questions.
fn read_errata(root: &Path, bank: &mut Bank, errors: &mut Vec<Diagnostic>) {
    let read = |file: &str| {
        let path = root.join(file);
        let name = path
            .strip_prefix(root.parent().unwrap_or(root))
            .unwrap_or(&path)
            .display()
            .to_string();
        fs::read_to_string(&path)
            .ok()
            .map(|text| Source { name, text })
    };
    if let Some(source) = read("project.toml") {
        match errata::parse_project(&source) {
            Ok(p) => bank.project = p,
            Err(mut e) => errors.append(&mut e),
        }
    }
    if let Some(source) = read("CHANGELOG.toml") {
        let ids = bank.questions.iter().map(|q| q.id.as_str()).collect();
        match errata::parse_changelog(&source, &ids) {
            Ok(c) => bank.changelog = c,
            Err(mut e) => errors.append(&mut e),
        }
    }
}

/// The files to write: name → bytes. Domain files are named by a hash of
/// their content so browsers and the service worker can cache them forever.
pub fn emit(bank: &Bank) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut files = Vec::new();
    let mut all = Sha256::new();
    for d in &bank.blueprint.domains {
        let qs: Vec<&Question> = bank
            .questions
            .iter()
            .filter(|q| q.domain == d.number)
            .collect();
        let bytes = serde_json::to_vec(&qs).expect("questions serialize");
        all.update(&bytes);
        let name = format!("d{}.{}.json", d.number, short_hash(&bytes));
        files.push(DomainFile {
            domain: d.number,
            file: name.clone(),
            count: qs.len(),
        });
        out.insert(name, bytes);
    }
    all.update(serde_json::to_vec(&bank.blueprint).expect("blueprint serializes"));
    // The search page's index, numbered like `index.questions`; fetched only
    // when that page opens.
    let search =
        serde_json::to_vec(&SearchIndex::build(&bank.questions)).expect("index serializes");
    let search_name = format!("search.{}.json", short_hash(&search));
    out.insert(search_name.clone(), search);
    let index = ContentIndex {
        version: hex(&all.finalize()[..8]),
        blueprint: bank.blueprint.clone(),
        files,
        questions: bank.questions.iter().map(Question::meta).collect(),
        search: Some(search_name),
        project: bank.project.clone(),
    };
    out.insert(
        "index.json".into(),
        serde_json::to_vec(&index).expect("index serializes"),
    );
    // Only the Changes page needs the changelog: a file of its own keeps it
    // out of the first load.
    out.insert(
        "changelog.json".into(),
        serde_json::to_vec(&bank.changelog).expect("changelog serializes"),
    );
    // Widgets fetch only their own facts, by a fixed name, so an embedded
    // widget never downloads the question index.
    for (id, facts) in &bank.widgets {
        out.insert(
            format!("widget-{id}.json"),
            serde_json::to_vec(facts).expect("facts serialize"),
        );
    }
    // Cheat sheets and flashcards come from the same facts, so a sheet
    // cannot say what its simulator does not compute with.
    let sheets = sheets(bank);
    if !sheets.is_empty() {
        out.insert(
            "sheets.json".into(),
            serde_json::to_vec(&sheets).expect("sheets serialize"),
        );
    }
    out
}

/// The cheat sheet of every widget with facts, in the simulators' order.
pub fn sheets(bank: &Bank) -> Vec<canary::domain::sheets::Sheet> {
    canary::domain::sheets::TOPICS
        .iter()
        .filter_map(|t| {
            let facts = bank.widgets.get(*t)?;
            Some(canary::domain::sheets::sheet_from_facts(t, facts))
        })
        .collect()
}

fn short_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes)[..6])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes the emitted files into `out_dir`, replacing what was there.
pub fn write(bank: &Bank, out_dir: &Path) -> std::io::Result<()> {
    if out_dir.exists() {
        fs::remove_dir_all(out_dir)?;
    }
    fs::create_dir_all(out_dir)?;
    for (name, bytes) in emit(bank) {
        fs::write(out_dir.join(name), bytes)?;
    }
    Ok(())
}

/// Reads `content/targets.toml`.
pub fn read_targets(root: &Path) -> Result<report::Targets, Vec<Diagnostic>> {
    let path = root.join("targets.toml");
    let text = fs::read_to_string(&path).map_err(|e| {
        vec![Diagnostic {
            file: path.display().to_string(),
            id: None,
            message: format!("cannot read: {e}"),
        }]
    })?;
    toml::from_str(&text).map_err(|e| {
        vec![Diagnostic {
            file: path.display().to_string(),
            id: None,
            message: e.to_string(),
        }]
    })
}

/// The answer-bias rules the bank breaks (see [`bias`]), as diagnostics;
/// the distributions are appended so the author sees what to rebalance.
pub fn bias_violations(bank: &Bank) -> Vec<Diagnostic> {
    let d = bias::distributions(&bank.bias_items);
    let mut out: Vec<Diagnostic> = bias::violations(&d)
        .into_iter()
        .map(|v| Diagnostic {
            // A rule on one question names its file; a bank-wide one the tree.
            file: v
                .id
                .as_ref()
                .and_then(|id| bank.questions.iter().position(|q| &q.id == id))
                .map_or_else(|| "content/questions".into(), |i| bank.files[i].clone()),
            id: v.id,
            message: format!("answer bias: {}", v.message),
        })
        .collect();
    if !out.is_empty() {
        out.push(Diagnostic {
            file: "content/questions".into(),
            id: None,
            message: format!("answer-bias distributions:\n{}", bias::render(&d)),
        });
    }
    out
}

/// Validate the tree, check the held floors and the answer-bias rules,
/// optionally write the data files to `out`, and return the content report.
pub fn run(root: &Path, out: Option<&Path>) -> Result<String, Vec<Diagnostic>> {
    let bank = compile_tree(root)?;
    let targets = read_targets(root)?;
    let below: Vec<Diagnostic> = report::floor_violations(&bank, &targets)
        .into_iter()
        .map(|message| Diagnostic {
            file: "content/targets.toml".into(),
            id: None,
            message,
        })
        .collect();
    if !below.is_empty() {
        return Err(below);
    }
    let biased = bias_violations(&bank);
    if !biased.is_empty() {
        return Err(biased);
    }
    if let Some(out) = out {
        write(&bank, out).map_err(|e| {
            vec![Diagnostic {
                file: out.display().to_string(),
                id: None,
                message: format!("cannot write: {e}"),
            }]
        })?;
    }
    Ok(report::render(&bank, &targets))
}
