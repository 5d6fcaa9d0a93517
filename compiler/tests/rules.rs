//! One test per validation rule: each feeds a crafted bad question and checks
//! that the message names the file, the question id and what is wrong.

use canary_content::{compile, parse_blueprint, Diagnostic, Source};

const EXAM: &str = include_str!("../../content/exam.toml");

const GOOD: &str = r#"
[[question]]
id = "d1-sample-question"
domain = 1
task = "1.4"
services = ["CodeDeploy"]
kind = "single"
difficulty = "medium"
reviewed = "2026-11-26"
stem = "A team needs **something**. Which option meets the requirement?"
references = ["https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html"]

[[question.option]]
text = "Right"
correct = true
explanation = "Because."

[[question.option]]
text = "Wrong one"
correct = false
explanation = "Because not."

[[question.option]]
text = "Wrong two"
correct = false
explanation = "Because not."

[[question.option]]
text = "Wrong three"
correct = false
explanation = "Because not."
"#;

fn multiple(options: usize, correct: usize, choose: Option<usize>) -> String {
    let mut s = String::from(
        r#"
[[question]]
id = "d2-multi"
domain = 2
task = "2.1"
services = ["CloudFormation"]
kind = "multiple"
stem = "Pick. (Choose TWO.)"
references = ["https://docs.aws.amazon.com/cloudformation/"]
"#,
    );
    if let Some(c) = choose {
        s.push_str(&format!("choose = {c}\n"));
    }
    for i in 0..options {
        s.push_str(&format!(
            "\n[[question.option]]\ntext = \"Option {i}\"\ncorrect = {}\nexplanation = \"Why {i}.\"\n",
            i < correct
        ));
    }
    s
}

fn check(files: &[(&str, &str)]) -> Result<usize, Vec<Diagnostic>> {
    let bp = parse_blueprint(&Source {
        name: "content/exam.toml".into(),
        text: EXAM.into(),
    })
    .expect("real blueprint is valid");
    let sources: Vec<Source> = files
        .iter()
        .map(|(name, text)| Source {
            name: (*name).into(),
            text: (*text).into(),
        })
        .collect();
    compile(bp, &sources).map(|b| b.questions.len())
}

/// The bank fails with exactly one error, which mentions `needle`.
fn fails_with(text: &str, id: &str, needle: &str) {
    let errors = check(&[("content/questions/t.toml", text)]).expect_err("should fail");
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        lines.iter().any(
            |l| l.starts_with(&format!("content/questions/t.toml: {id}: ")) && l.contains(needle)
        ),
        "no error with `{needle}` for {id} in {lines:#?}"
    );
}

#[test]
fn a_good_question_passes() {
    assert_eq!(check(&[("a.toml", GOOD)]), Ok(1));
    assert_eq!(check(&[("a.toml", &multiple(5, 2, Some(2)))]), Ok(1));
}

#[test]
fn duplicate_id_names_both_files() {
    let errors = check(&[
        ("content/questions/a.toml", GOOD),
        ("content/questions/b.toml", GOOD),
    ])
    .unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].to_string(),
        "content/questions/b.toml: d1-sample-question: duplicate id: also defined in content/questions/a.toml"
    );
}

#[test]
fn unknown_domain() {
    fails_with(
        &GOOD.replace("domain = 1", "domain = 7"),
        "d1-sample-question",
        "unknown domain 7",
    );
}

#[test]
fn unknown_task_statement() {
    fails_with(
        &GOOD.replace("task = \"1.4\"", "task = \"1.5\""),
        "d1-sample-question",
        "unknown task statement `1.5`",
    );
}

#[test]
fn task_statement_of_another_domain() {
    fails_with(
        &GOOD.replace("task = \"1.4\"", "task = \"2.1\""),
        "d1-sample-question",
        "task statement 2.1 belongs to domain 2, not domain 1",
    );
}

#[test]
fn single_answer_needs_exactly_one_correct() {
    let none = GOOD.replace("correct = true", "correct = false");
    fails_with(
        &none,
        "d1-sample-question",
        "exactly one correct option, found 0",
    );
    let two = GOOD.replacen("correct = false", "correct = true", 1);
    fails_with(
        &two,
        "d1-sample-question",
        "exactly one correct option, found 2",
    );
}

#[test]
fn single_answer_needs_four_options() {
    let five = format!(
        "{GOOD}\n[[question.option]]\ntext = \"Extra\"\ncorrect = false\nexplanation = \"No.\"\n"
    );
    fails_with(&five, "d1-sample-question", "exactly 4 options, found 5");
}

#[test]
fn multiple_response_needs_five_options() {
    fails_with(
        &multiple(4, 2, Some(2)),
        "d2-multi",
        "at least 5 options, found 4",
    );
}

#[test]
fn choose_must_match_correct_options() {
    fails_with(
        &multiple(5, 3, Some(2)),
        "d2-multi",
        "choose = 2 but 3 options are marked correct",
    );
}

#[test]
fn multiple_response_needs_choose() {
    fails_with(&multiple(5, 2, None), "d2-multi", "needs `choose`");
}

#[test]
fn choose_is_only_for_multiple_response() {
    fails_with(
        &GOOD.replace("kind = \"single\"", "kind = \"single\"\nchoose = 1"),
        "d1-sample-question",
        "`choose` is only for kind = \"multiple\"",
    );
}

#[test]
fn missing_explanation() {
    let text = GOOD.replacen("explanation = \"Because not.\"\n", "", 1);
    fails_with(&text, "d1-sample-question", "option B: missing explanation");
    let blank = GOOD.replacen("explanation = \"Because.\"", "explanation = \"  \"", 1);
    fails_with(
        &blank,
        "d1-sample-question",
        "option A: missing explanation",
    );
}

#[test]
fn missing_reference() {
    let text = GOOD.replace(
        "references = [\"https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html\"]\n",
        "",
    );
    fails_with(&text, "d1-sample-question", "missing `references`");
    let empty = GOOD.replace(
        "[\"https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html\"]",
        "[]",
    );
    fails_with(&empty, "d1-sample-question", "no reference");
}

#[test]
fn non_https_reference() {
    let text = GOOD.replace(
        "https://docs.aws.amazon.com/codedeploy",
        "http://docs.aws.amazon.com/codedeploy",
    );
    fails_with(&text, "d1-sample-question", "is not an https:// URL");
}

#[test]
fn reference_must_include_aws_documentation() {
    let text = GOOD.replace(
        "https://docs.aws.amazon.com/codedeploy",
        "https://example.com/codedeploy",
    );
    fails_with(
        &text,
        "d1-sample-question",
        "no docs.aws.amazon.com reference",
    );
}

#[test]
fn empty_stem() {
    let text = GOOD.replace(
        "stem = \"A team needs **something**. Which option meets the requirement?\"",
        "stem = \"\"\"\n\n\"\"\"",
    );
    fails_with(&text, "d1-sample-question", "empty stem");
}

#[test]
fn unknown_field_in_question_and_option() {
    fails_with(
        &GOOD.replace(
            "kind = \"single\"",
            "kind = \"single\"\ndificulty = \"hard\"",
        ),
        "d1-sample-question",
        "unknown field `dificulty` in question",
    );
    fails_with(
        &GOOD.replacen("correct = true", "correct = true\nhint = \"x\"", 1),
        "d1-sample-question",
        "unknown field `hint` in option A",
    );
}

#[test]
fn invalid_toml_names_the_file() {
    let errors = check(&[("content/questions/t.toml", "[[question]\nid = ")]).unwrap_err();
    assert!(
        errors[0]
            .to_string()
            .starts_with("content/questions/t.toml: not valid TOML"),
        "{}",
        errors[0]
    );
}

#[test]
fn id_pattern() {
    fails_with(
        &GOOD.replace("d1-sample-question", "D1_Sample"),
        "D1_Sample",
        "id must be 3–80 lower-case",
    );
}

#[test]
fn difficulty_and_reviewed_forms() {
    fails_with(
        &GOOD.replace("\"medium\"", "\"tricky\""),
        "d1-sample-question",
        "difficulty `tricky`",
    );
    fails_with(
        &GOOD.replace("\"2026-11-26\"", "\"26/11/2026\""),
        "d1-sample-question",
        "not a date of the form YYYY-MM-DD",
    );
}

#[test]
fn unsafe_markdown_is_rejected() {
    fails_with(
        &GOOD.replace("**something**", "[click](javascript:alert(1))"),
        "d1-sample-question",
        "stem: link `javascript:alert(1)` uses a scheme other than http(s)",
    );
    fails_with(
        &GOOD.replace("text = \"Right\"", "text = \"![x](https://e.com/x.png)\""),
        "d1-sample-question",
        "option A text: image",
    );
}

#[test]
fn raw_html_in_content_is_escaped_not_executed() {
    let text = GOOD.replace(
        "**something**",
        "<img src=x onerror=alert(1)><script>alert(2)</script>",
    );
    let bp = parse_blueprint(&Source {
        name: "exam.toml".into(),
        text: EXAM.into(),
    })
    .unwrap();
    let bank = compile(
        bp,
        &[Source {
            name: "t.toml".into(),
            text,
        }],
    )
    .expect("raw HTML is shown, not rejected");
    let stem = &bank.questions[0].stem;
    assert!(
        !stem.contains("<img") && !stem.contains("<script"),
        "{stem}"
    );
    assert!(stem.contains("&lt;script&gt;"), "{stem}");
}

#[test]
fn every_error_is_listed_across_questions_and_files() {
    let two_bad = format!(
        "{}\n{}",
        GOOD.replace("domain = 1", "domain = 9"),
        multiple(4, 1, Some(2)).replace("stem = \"Pick. (Choose TWO.)\"", "stem = \"\"")
    );
    let errors = check(&[
        ("content/questions/a.toml", &two_bad),
        ("content/questions/b.toml", "not toml at all"),
    ])
    .unwrap_err();
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    for expected in [
        "content/questions/a.toml: d1-sample-question: unknown domain 9",
        "content/questions/a.toml: d2-multi: empty stem",
        "content/questions/a.toml: d2-multi: multiple response needs at least 5 options, found 4",
        "content/questions/a.toml: d2-multi: choose = 2 but 1 options are marked correct",
        "content/questions/b.toml: not valid TOML",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(expected)),
            "missing `{expected}` in {lines:#?}"
        );
    }
}
