//! `cargo xtask fuzz`: coverage-guided fuzzing of the inputs Canary reads
//! from outside (progress documents and imports, merges, practice and
//! simulator links, content files and their Markdown), with cargo-fuzz and
//! libFuzzer. The targets are in `fuzz/fuzz_targets/`, their properties in
//! `fuzz/src/props.rs`.
//!
//! - `cargo xtask fuzz` (and `cargo xtask test`): every target, at least
//!   [`SHORT_RUNS`] executions each, starting from the kept corpus
//!   `fuzz/corpus/<target>/` in a scratch copy (the repository's corpus only
//!   changes when someone decides to keep new inputs).
//! - `cargo xtask fuzz --long [SECONDS]`: each target for SECONDS (default
//!   600), new inputs written into `fuzz/corpus/<target>/` (minimise with
//!   `cargo fuzz cmin` before committing).
//! - `cargo xtask fuzz <target> …`: only those targets.
//!
//! A crash leaves its input in `fuzz/artifacts/<target>/`; copy it into
//! `fuzz/regressions/<target>/`, where `cargo test` replays it for good
//! (`tests/fuzz_corpus.rs`), then fix the bug.
//!
//! cargo-fuzz passes libFuzzer's instrumentation flags that stable rustc
//! accepts only behind `RUSTC_BOOTSTRAP=1`; nothing else in the build uses
//! unstable features. `--sanitizer none`: the code under test is safe Rust,
//! so AddressSanitizer would only slow it down; debug assertions and
//! overflow checks stay on (the fuzz profile in `fuzz/Cargo.toml`).
//!
//! Each run writes `target/fuzz-report.json` (executions and time per
//! target) for the reliability report.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::{run, Result};

/// Executions per target in the short run (the floor).
pub const SHORT_RUNS: u64 = 100_000;

pub const TARGETS: [&str; 6] = [
    "progress_parse",
    "progress_merge",
    "practice_query",
    "simulator_query",
    "content_toml",
    "markdown",
];

fn cargo_fuzz(root: &Path) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(root.join("fuzz"))
        .env("RUSTC_BOOTSTRAP", "1")
        .args(["fuzz"]);
    cmd
}

pub fn fuzz(root: &Path, args: &[String]) -> Result {
    let long = args.iter().any(|a| a == "--long");
    let seconds: u64 = args.iter().find_map(|a| a.parse().ok()).unwrap_or(600);
    let chosen: Vec<&str> = args
        .iter()
        .filter(|a| TARGETS.contains(&a.as_str()))
        .map(String::as_str)
        .collect();
    let targets = if chosen.is_empty() {
        TARGETS.to_vec()
    } else {
        chosen
    };
    run(cargo_fuzz(root).args(["build", "--fuzz-dir", ".", "-O", "--sanitizer", "none"]))?;
    let mut report = Vec::new();
    for target in targets {
        let kept = root.join("fuzz/corpus").join(target);
        std::fs::create_dir_all(&kept).map_err(|e| format!("{}: {e}", kept.display()))?;
        let scratch = root.join("target/fuzz-scratch").join(target);
        let _ = std::fs::remove_dir_all(&scratch);
        std::fs::create_dir_all(&scratch).map_err(|e| e.to_string())?;
        let dict = root.join("fuzz/dict").join(format!("{target}.dict"));
        let started = Instant::now();
        let mut cmd = cargo_fuzz(root);
        cmd.args([
            "run",
            "--fuzz-dir",
            ".",
            "-O",
            "--sanitizer",
            "none",
            target,
        ]);
        if long {
            cmd.arg(&kept);
        } else {
            cmd.arg(&scratch).arg(&kept);
        }
        cmd.args(["--", "-print_final_stats=1", "-max_len=4096"]);
        if dict.exists() {
            cmd.arg(format!("-dict={}", dict.display()));
        }
        if long {
            cmd.arg(format!("-max_total_time={seconds}"));
        } else {
            cmd.arg(format!("-runs={SHORT_RUNS}"));
        }
        let out = cmd
            .output()
            .map_err(|e| format!("cargo fuzz run {target}: {e}"))?;
        let log = String::from_utf8_lossy(&out.stderr);
        let execs = log
            .lines()
            .find_map(|l| l.strip_prefix("stat::number_of_executed_units:"))
            .and_then(|n| n.trim().parse::<u64>().ok())
            .unwrap_or(0);
        let secs = started.elapsed().as_secs_f64();
        eprintln!("fuzz: {target}: {execs} executions in {secs:.0} s");
        if !out.status.success() {
            eprintln!("{log}");
            return Err(format!(
                "fuzz target {target} failed; its input is in fuzz/artifacts/{target}/"
            ));
        }
        if !long && execs < SHORT_RUNS {
            return Err(format!(
                "fuzz target {target} ran {execs} executions, fewer than {SHORT_RUNS}"
            ));
        }
        report.push(format!(
            "{{\"target\":\"{target}\",\"executions\":{execs},\"seconds\":{secs:.1}}}"
        ));
    }
    let path = root.join("target/fuzz-report.json");
    std::fs::write(&path, format!("[{}]\n", report.join(",")))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(())
}
