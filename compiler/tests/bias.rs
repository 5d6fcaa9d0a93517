//! The answer-bias check through the compiler: option lengths are taken
//! from the TOML as written (not the rendered HTML), and a biased bank makes
//! `bias_violations` (and so `run`, `cargo xtask content` and CI) fail.

use canary_content::{bias, compile, parse_blueprint, Bank, Source};

const EXAM: &str = include_str!("../../content/exam.toml");

/// One single-answer question whose options have the given texts; the key
/// is option `key`.
fn single(id: &str, texts: [&str; 4], key: usize) -> String {
    let mut s = format!(
        r#"
[[question]]
id = "{id}"
domain = 1
task = "1.1"
services = ["CodePipeline"]
kind = "single"
stem = "Which one?"
references = ["https://docs.aws.amazon.com/codepipeline/latest/userguide/welcome.html"]
"#
    );
    for (i, t) in texts.iter().enumerate() {
        s.push_str(&format!(
            "\n[[question.option]]\ntext = \"{t}\"\ncorrect = {}\nexplanation = \"Why.\"\n",
            i == key
        ));
    }
    s
}

fn bank(text: String) -> Bank {
    let blueprint = parse_blueprint(&Source {
        name: "exam.toml".into(),
        text: EXAM.into(),
    })
    .expect("blueprint");
    compile(
        blueprint,
        &[Source {
            name: "q.toml".into(),
            text,
        }],
    )
    .expect("bank compiles")
}

#[test]
fn lengths_are_counted_on_the_text_as_written() {
    // Rendered, `**bold**` loses four characters; as written it is the longest.
    let b = bank(single(
        "d1-a",
        ["**bold** x", "plain tx", "plain t", "plain"],
        0,
    ));
    assert_eq!(
        b.bias_items,
        vec![bias::Item {
            id: "d1-a".into(),
            single: true,
            options: vec![(10, true), (8, false), (7, false), (5, false)],
        }]
    );
}

#[test]
fn a_bank_whose_key_is_always_second_longest_fails() {
    let text: String = (0..8)
        .map(|i| {
            single(
                &format!("d1-q{i}"),
                [
                    "a longest option",
                    "a second option",
                    "third option",
                    "fourth",
                ],
                1,
            )
        })
        .collect();
    let errors = canary_content::bias_violations(&bank(text));
    let all: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        all.iter()
            .any(|e| e.contains("second-longest option in 8 of 8")),
        "{all:#?}"
    );
    assert!(all.iter().any(|e| e.contains("answer-bias distributions")));
}

#[test]
fn a_giveaway_key_is_reported_with_its_id_and_file() {
    let mut text: String = (0..4)
        .map(|k| single(&format!("d1-q{k}"), ["aaaa", "bbbb", "cccc", "dddd"], k))
        .collect();
    text.push_str(&single(
        "d1-giveaway",
        ["a much longer key than the rest", "bbbb", "cccc", "dddd"],
        0,
    ));
    let errors = canary_content::bias_violations(&bank(text));
    assert!(errors.iter().any(|e| e.id.as_deref() == Some("d1-giveaway")
        && e.file == "q.toml"
        && e.message.contains("uniquely the longest")));
}
