//! `cargo xtask reliability`: writes `RELIABILITY.md` from real runs, so the
//! report says what was tried and what passed, never what should pass.
//!
//! - Fuzzing: the executions per target of the latest fuzz run
//!   (`target/fuzz-report.json`, written by `cargo xtask fuzz`); with
//!   `--fuzz` the short fuzz run first.
//! - Faults: `tests/e2e/faults.spec.mjs` run by Playwright with its JSON
//!   reporter against the release `dist/` (build it first with
//!   `cargo xtask dist`), each test with its result; `--repeat-each N`
//!   repeats every test (default 2), `--from FILE` reads an existing JSON
//!   report instead of running the browser.
//! - The promises: fixed text (what Canary guarantees about progress and
//!   what it does not), kept here next to the measurements it rests on.
//!
//! A failing fault test still writes the report (with the failure), then the
//! command fails.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::{fuzz, tool_path, Result};

const SPEC: &str = "tests/e2e/faults.spec.mjs";

pub fn reliability(root: &Path, args: &[String]) -> Result {
    let value_of = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
    };
    if args.iter().any(|a| a == "--fuzz") {
        fuzz::fuzz(root, &[])?;
    }
    let repeat: u32 = value_of("--repeat-each")
        .and_then(|n| n.parse().ok())
        .unwrap_or(2);
    let (report, command) = match value_of("--from") {
        Some(file) => (
            std::fs::read_to_string(root.join(file)).map_err(|e| format!("{file}: {e}"))?,
            format!("(read from {file})"),
        ),
        None => run_faults(root, repeat)?,
    };
    let tests = fault_results(&report)?;
    let fuzzing = std::fs::read_to_string(root.join("target/fuzz-report.json")).ok();
    let text = render(&tests, fuzzing.as_deref(), &command);
    let out = root.join("RELIABILITY.md");
    std::fs::write(&out, text).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("reliability: wrote {}", out.display());
    let failed: Vec<&str> = tests
        .iter()
        .filter(|t| t.passed < t.runs)
        .map(|t| t.title.as_str())
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("fault tests failed: {}", failed.join("; ")))
    }
}

/// Runs the fault spec with the JSON reporter; returns the report and the
/// command line as written into the report.
fn run_faults(root: &Path, repeat: u32) -> Result<(String, String)> {
    if !root.join("dist/index.html").exists() {
        return Err("no release build in dist/: run `cargo xtask dist` first".into());
    }
    let json = root.join("target/faults-report.json");
    let repeat = repeat.to_string();
    let args = [
        "playwright",
        "test",
        SPEC,
        "--reporter=json",
        "--repeat-each",
        &repeat,
    ];
    eprintln!("+ npx {}", args.join(" "));
    // The exit status only says whether every test passed; the report says
    // which, so it is read either way.
    let _ = Command::new("npx")
        .current_dir(root)
        .env("PATH", tool_path(root))
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .env("PLAYWRIGHT_JSON_OUTPUT_NAME", &json)
        .args(args)
        .status()
        .map_err(|e| format!("cannot start npx playwright: {e}"))?;
    let report = std::fs::read_to_string(&json)
        .map_err(|e| format!("{}: {e} (did Playwright start?)", json.display()))?;
    Ok((report, format!("npx {}", args.join(" "))))
}

/// One fault test over all its runs.
#[derive(Debug, PartialEq)]
pub struct FaultTest {
    pub title: String,
    pub runs: u32,
    pub passed: u32,
    /// Runs that passed only on Playwright's retry.
    pub flaky: u32,
}

/// Every spec of a Playwright JSON report, in file order.
pub fn fault_results(report: &str) -> Result<Vec<FaultTest>> {
    let v: Value = serde_json::from_str(report).map_err(|e| format!("Playwright report: {e}"))?;
    let mut out = Vec::new();
    fn walk(suite: &Value, out: &mut Vec<FaultTest>) {
        for spec in suite["specs"].as_array().into_iter().flatten() {
            let mut t = FaultTest {
                title: spec["title"].as_str().unwrap_or("?").to_string(),
                runs: 0,
                passed: 0,
                flaky: 0,
            };
            for test in spec["tests"].as_array().into_iter().flatten() {
                t.runs += 1;
                match test["status"].as_str() {
                    Some("expected") => t.passed += 1,
                    Some("flaky") => t.flaky += 1,
                    _ => {}
                }
            }
            out.push(t);
        }
        for child in suite["suites"].as_array().into_iter().flatten() {
            walk(child, out);
        }
    }
    for suite in v["suites"].as_array().into_iter().flatten() {
        walk(suite, &mut out);
    }
    if out.is_empty() {
        return Err("the Playwright report lists no tests".into());
    }
    Ok(out)
}

fn render(tests: &[FaultTest], fuzzing: Option<&str>, command: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Reliability\n\n\
         Generated by `cargo xtask reliability` (`xtask/src/reliability.rs`) from real runs; \
         do not edit by hand. What Canary promises about a learner's progress, and the \
         evidence for it.\n"
    );
    s.push_str("## Fuzzing\n\n");
    let targets: Vec<Value> = fuzzing
        .and_then(|f| serde_json::from_str::<Value>(f).ok())
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default();
    if targets.is_empty() {
        s.push_str(
            "No fuzz run on this machine (no `target/fuzz-report.json`): run \
             `cargo xtask reliability --fuzz` (or `cargo xtask fuzz` first) to measure it. \
             The targets and their properties are in `fuzz/`.\n\n",
        );
    } else {
        s.push_str("| target | executions | seconds |\n|---|---:|---:|\n");
        for t in &targets {
            let _ = writeln!(
                s,
                "| `{}` | {} | {} |",
                t["target"].as_str().unwrap_or("?"),
                t["executions"].as_u64().unwrap_or(0),
                t["seconds"].as_f64().unwrap_or(0.0)
            );
        }
        s.push('\n');
    }
    let runs: u32 = tests.iter().map(|t| t.runs).sum();
    let passed: u32 = tests.iter().map(|t| t.passed).sum();
    let _ = writeln!(
        s,
        "## Faults in a real browser\n\n\
         `{SPEC}` in headless Chromium against the release build served under `/canary/` \
         with the strict Content-Security-Policy: `{command}`. {passed} of {runs} runs passed \
         on the first try.\n\n| test | runs | passed | passed on retry |\n|---|---:|---:|---:|"
    );
    for t in tests {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |",
            t.title.replace('|', "\\|"),
            t.runs,
            t.passed,
            t.flaky
        );
    }
    s.push_str(
        "\n## Scale\n\n\
         No scale benchmark exists yet: the largest history measured is none. The benchmarks \
         (`BENCHMARKS.md`) time an FSRS replay of ten reviews, not a years-long history, and \
         nothing measures how large a progress document fits in a browser's storage quota \
         (typically 5 MB for `localStorage`).\n",
    );
    s.push_str(PROMISES);
    s
}

const PROMISES: &str = "
## What is promised

- **An answer is written when it is given.** Progress is one document in
  `localStorage`, written synchronously after every change; a tab closed right
  after an answer keeps it (tested above).
- **A failed write is never silent.** When storage is full the answer stays in
  memory and a notice says so, with an export button; the next write that fits
  clears the notice. When storage is blocked the app works from memory and says
  progress will not be kept.
- **Unreadable data is never dropped.** A damaged, foreign or newer document is
  copied to `canary.progress.backup.<time>` before a fresh record starts, and
  the learner is told and can download it; if even the backup cannot be
  written, new progress is held back until the learner has seen the notice.
- **An import never removes an answer.** Merging is a union (every answer on
  either side is kept); only \"Replace my progress\", a separate explicit
  choice, swaps the document. A file that cannot be read (over 10 MB, not JSON,
  nested too deeply, wrong types, another app's or a newer schema) changes
  nothing. Notes are plain text and never rendered as markup.
- **Two tabs do not overwrite each other.** Each tab merges the other's writes
  (storage events): progress as a union, an exam in progress by question, and an
  exam submitted in one tab ends in the other.
- **The exam clock only runs forwards.** A clock set backwards gives no time
  back (in the open tab at all; across a reload by at most a second), and a
  clock jumping past the deadline submits the exam at the deadline.

## What is not promised

- **Browser eviction.** Browsers may delete a site's storage: Safari the script-written
  storage of a site not used for 7 days, any browser under disk pressure, and always when the
  learner clears site data. Canary calls `navigator.storage.persist()` each
  time an answer is rated in practice, which asks the browser to exempt the site
  from eviction under storage pressure; the browser may refuse silently
  (Chromium grants it by its own engagement heuristics, Firefox may ask), the
  app does not show whether it was granted, and it never protects against the
  learner clearing data or Safari's 7-day rule.
- **Export is the backup.** Progress lives in one browser profile on one device.
  The only copy outside it is a file the learner exports from Settings; Canary
  has no server and no sync.
- **Two tabs at the same instant.** A merge follows each write, so two tabs
  writing within the same moment converge on the next write; where both changed
  the same exam answer, the later write wins.
- **A full store stays full.** Canary never deletes anything to make room,
  including other sites' or other scripts' data on the origin.
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_playwright_json_with_repeats_and_retries() {
        let report = r#"{"suites":[{"title":"faults.spec.mjs","specs":[
            {"title":"a","tests":[{"status":"expected"},{"status":"expected"}]},
            {"title":"b","tests":[{"status":"flaky"},{"status":"unexpected"}]}
        ],"suites":[{"title":"group","specs":[{"title":"c","tests":[{"status":"expected"}]}]}]}]}"#;
        let tests = fault_results(report).unwrap();
        assert_eq!(tests.len(), 3);
        assert_eq!((tests[0].runs, tests[0].passed), (2, 2));
        assert_eq!((tests[1].passed, tests[1].flaky), (0, 1));
        assert_eq!(tests[2].title, "c");
        assert!(fault_results(r#"{"suites":[]}"#).is_err());
        let md = render(&tests, None, "npx playwright test");
        assert!(md.contains("| a | 2 | 2 | 0 |"));
        assert!(md.contains("No fuzz run"));
        assert!(md.contains("No scale benchmark"));
    }
}
