//! Project automation, run as `cargo xtask <command>`:
//!
//! - `setup`   install everything the build and tests need, idempotently
//! - `serve`   set up, then build and serve the app on http://127.0.0.1:8080/
//! - `test`    set up, then run every check and test (what CI runs)
//! - `content` validate the question bank and print the content report
//! - `size`    print raw, gzip and brotli sizes of the release `dist/`
//! - `modules-build` Trunk's pre_build hook: the feature modules (one wasm
//!   binary per simulator)
//! - `postbuild` Trunk's post_build hook: external loader, embed page, service worker
//! - `bench`   browser and native benchmarks against a baseline; writes BENCHMARKS.md
//! - `fuzz`    coverage-guided fuzzing, short run or `--long` (see `fuzz.rs`)
//! - `reliability` run the fault tests (and with `--fuzz` the fuzzers) and
//!   write RELIABILITY.md (see `reliability.rs`)
//!
//! Nothing here downloads a browser or a prebuilt binary: tools come from
//! crates.io, Debian and npm only.

mod bench;
mod fuzz;
mod modules;
mod postbuild;
mod reliability;
mod setup;
mod size;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

pub type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = root();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::all(&root),
        Some("serve") => setup::all(&root).and_then(|()| serve(&root, &args[1..])),
        Some("test") => setup::all(&root).and_then(|()| test(&root)),
        Some("content") => content(&root, args.get(1).map(String::as_str), args.get(2)),
        Some("dist") => setup::all(&root).and_then(|()| build_release(&root, &[])),
        Some("bench") => setup::all(&root).and_then(|()| bench::bench(&root)),
        Some("fuzz") => setup::all(&root).and_then(|()| fuzz::fuzz(&root, &args[1..])),
        Some("reliability") => reliability::reliability(&root, &args[1..]),
        Some("size") => size::report(&root.join("dist"))
            .map(|t| print!("{t}"))
            .and_then(|()| size::check_budgets(&root).map(|t| print!("{t}"))),
        Some("postbuild") => std::env::var_os("TRUNK_STAGING_DIR")
            .ok_or_else(|| {
                "postbuild runs as Trunk's post_build hook (TRUNK_STAGING_DIR unset)".to_string()
            })
            .and_then(|dir| postbuild::run(&root, Path::new(&dir))),
        Some("modules-build") => modules::build(&root),
        _ => Err(
            "usage: cargo xtask setup | serve | test | content [--out DIR] | dist | size | reliability [--fuzz] [--repeat-each N] [--from FILE]".into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Runs a command, echoing it, and fails unless it exits 0.
pub fn run(cmd: &mut Command) -> Result {
    eprintln!("+ {}", describe(cmd));
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start `{}`: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(cmd)))
    }
}

fn describe(cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|s| s.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// PATH with the project's npm tools (wasm-opt from binaryen) in front.
pub fn tool_path(root: &Path) -> String {
    let mut parts = vec![root.join("node_modules/.bin").display().to_string()];
    if let Some(home) = std::env::var_os("HOME") {
        parts.push(Path::new(&home).join(".cargo/bin").display().to_string());
    }
    parts.push(std::env::var("PATH").unwrap_or_default());
    parts.join(":")
}

fn content(root: &Path, flag: Option<&str>, out: Option<&String>) -> Result {
    let out = match (flag, out) {
        (None, _) => None,
        (Some("--out"), Some(dir)) => Some(root.join(dir)),
        _ => return Err("usage: cargo xtask content [--out DIR]".into()),
    };
    match canary_content::run(&root.join("content"), out.as_deref()) {
        Ok(report) => {
            print!("{report}");
            Ok(())
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            Err(format!("{} content error(s)", errors.len()))
        }
    }
}

pub fn trunk(root: &Path) -> Command {
    let mut cmd = Command::new("trunk");
    cmd.current_dir(root).env("PATH", tool_path(root));
    cmd
}

fn serve(root: &Path, extra: &[String]) -> Result {
    run(release_std(&mut trunk(root))
        .args([
            "serve",
            "--release",
            "--address",
            "127.0.0.1",
            "--port",
            "8080",
        ])
        .args(extra))
}

pub fn build_release(root: &Path, extra: &[&str]) -> Result {
    run(release_std(&mut trunk(root))
        .args(["build", "--release"])
        .args(extra))
}

/// Release wasm is linked against a standard library rebuilt for size:
/// `optimize_for_size`, panics that abort at once with no message or
/// location, and `Debug` formatting compiled out. Measured on the app's wasm
/// (rustc 1.95, wasm-opt -Oz, gzip -9): 429 → 381 KiB, about 11 %, for a
/// longer release build (std compiles once per target dir). These are
/// nightly options, enabled on the stable toolchain with `RUSTC_BOOTSTRAP`;
/// they apply to wasm32 only (the host tools build as usual, see
/// `Trunk.toml`'s hooks, which drop the variables). Because `Debug` output is
/// empty in release, no view may format user-facing text with `{:?}`
/// (`clippy::use_debug` is denied outside tests).
pub fn release_std(cmd: &mut Command) -> &mut Command {
    cmd.env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none",
        )
}

fn cargo(root: &Path) -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(root);
    cmd
}

fn test(root: &Path) -> Result {
    let started = std::time::Instant::now();
    run(cargo(root).args(["fmt", "--all", "--check"]))?;
    run(cargo(root).args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(cargo(root).args([
        "clippy",
        "-p",
        "canary",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;
    content(root, None, None)?;
    run(cargo(root).args(["test", "--workspace"]))?;
    fuzz::fuzz(root, &[])?;
    build_release(root, &[])?;
    print!("{}", size::report(&root.join("dist"))?);
    print!("{}", size::check_budgets(root)?);
    run(Command::new("npx")
        .current_dir(root)
        .env("PATH", tool_path(root))
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .args(["playwright", "test"]))?;
    eprintln!("xtask test: all checks passed in {:.0?}", started.elapsed());
    Ok(())
}
