//! The pipeline in the URL: encoding and decoding stages and actions.

use super::*;

/// `Stage|Stage`, each `Name~action;action`, each action
/// `name:Category:Provider:in+in:out+out[:runOrder]` (the run order only
/// when it is not 1) — the pipeline in the URL.
pub fn encode(stages: &[Stage]) -> String {
    stages
        .iter()
        .map(|s| {
            let actions: Vec<String> = s
                .actions
                .iter()
                .map(|a| {
                    let order = if a.order() == 1 {
                        String::new()
                    } else {
                        format!(":{}", a.order())
                    };
                    format!(
                        "{}:{}:{}:{}:{}{order}",
                        a.name,
                        a.category,
                        a.provider,
                        a.inputs.join("+"),
                        a.outputs.join("+")
                    )
                })
                .collect();
            format!("{}~{}", s.name, actions.join(";"))
        })
        .collect::<Vec<_>>()
        .join("|")
}

pub fn decode(text: &str) -> Vec<Stage> {
    let list = |s: &str| {
        s.split('+')
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    text.split('|')
        .filter(|s| !s.is_empty())
        .map(|s| {
            let (name, actions) = s.split_once('~').unwrap_or((s, ""));
            Stage {
                name: name.to_string(),
                actions: actions
                    .split(';')
                    .filter(|a| !a.is_empty())
                    .map(|a| {
                        let f: Vec<&str> = a.split(':').collect();
                        let get = |i: usize| f.get(i).copied().unwrap_or("");
                        Action {
                            name: get(0).to_string(),
                            category: get(1).to_string(),
                            provider: get(2).to_string(),
                            inputs: list(get(3)),
                            outputs: list(get(4)),
                            run_order: get(5).parse().unwrap_or(1),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}
