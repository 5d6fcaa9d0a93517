//! `canary-content check [CONTENT_DIR]` validates the bank and prints the
//! report; `canary-content build CONTENT_DIR OUT_DIR` also writes the data
//! files. Both list every error and exit 1 when there is any.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, rest) = args
        .split_first()
        .map_or(("check", &[][..]), |(c, r)| (c.as_str(), r));
    let content = PathBuf::from(rest.first().map_or("content", String::as_str));
    let out = match (cmd, rest.get(1)) {
        ("check", None) => None,
        ("build", Some(out)) => Some(PathBuf::from(out)),
        _ => {
            eprintln!("usage: canary-content check [CONTENT_DIR] | build CONTENT_DIR OUT_DIR");
            return ExitCode::from(2);
        }
    };
    match canary_content::run(&content, out.as_deref()) {
        Ok(report) => {
            print!("{report}");
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!("{} error(s) in {}", errors.len(), content.display());
            ExitCode::FAILURE
        }
    }
}
