//! Installs what the build and the tests need on a fresh Debian machine, and
//! skips each step that is already satisfied, so it is cheap to run every time.
//! Sources: rustup's wasm32 target and `rust-src`, crates.io (trunk, wasm-bindgen-cli),
//! Debian (chromium, node), npm (Playwright without browsers, binaryen).

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::{run, Result};

pub const TRUNK_VERSION: &str = "0.21.14";
/// The fuzzer driver for `cargo xtask fuzz` (libFuzzer via cargo-fuzz).
pub const CARGO_FUZZ_VERSION: &str = "0.13.2";

pub fn all(root: &Path) -> Result {
    wasm_target()?;
    rust_src()?;
    let bindgen = lock_version(root, "wasm-bindgen")?;
    trunk_toml_matches(root, &bindgen)?;
    cargo_tool(
        "trunk",
        TRUNK_VERSION,
        &["install", "trunk", "--version", TRUNK_VERSION, "--locked"],
    )?;
    // Without --locked: the registry here can lag behind the CLI's own lock file.
    cargo_tool(
        "wasm-bindgen",
        &bindgen,
        &["install", "wasm-bindgen-cli", "--version", &bindgen],
    )?;
    cargo_tool(
        "cargo-fuzz",
        CARGO_FUZZ_VERSION,
        &[
            "install",
            "cargo-fuzz",
            "--version",
            CARGO_FUZZ_VERSION,
            "--locked",
        ],
    )?;
    debian()?;
    npm(root)
}

fn output(cmd: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(cmd).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn wasm_target() -> Result {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The standard library's source, which release builds recompile for size
/// (`crate::release_std`).
fn rust_src() -> Result {
    let installed = output("rustup", &["component", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim().starts_with("rust-src")) {
        return Ok(());
    }
    run(Command::new("rustup").args(["component", "add", "rust-src"]))
}

/// The version of `package` recorded in Cargo.lock.
pub fn lock_version(root: &Path, package: &str) -> Result<String> {
    let lock =
        fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or_else(|| format!("{package} is not in Cargo.lock"))?
        + needle.len();
    let end = lock[start..].find('"').ok_or("malformed Cargo.lock")? + start;
    Ok(lock[start..end].to_string())
}

fn trunk_toml_matches(root: &Path, bindgen: &str) -> Result {
    let trunk =
        fs::read_to_string(root.join("Trunk.toml")).map_err(|e| format!("Trunk.toml: {e}"))?;
    if trunk.contains(&format!("wasm_bindgen = \"{bindgen}\"")) {
        Ok(())
    } else {
        Err(format!(
            "Trunk.toml's [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen ({bindgen})"
        ))
    }
}

fn cargo_tool(bin: &str, version: &str, install: &[&str]) -> Result {
    let current = output(bin, &["--version"]).unwrap_or_default();
    if current.split_whitespace().any(|w| w == version) {
        return Ok(());
    }
    eprintln!("setup: installing {bin} {version} (takes a while, once)");
    run(Command::new("cargo").args(install))
}

fn is_root() -> bool {
    output("id", &["-u"]).is_some_and(|s| s.trim() == "0")
}

fn apt(args: &[&str]) -> Result {
    let mut cmd = if is_root() {
        Command::new("apt-get")
    } else {
        let mut c = Command::new("sudo");
        c.arg("apt-get");
        c
    };
    run(cmd.env("DEBIAN_FRONTEND", "noninteractive").args(args))
}

fn debian() -> Result {
    let mut wanted = Vec::new();
    if !Path::new("/usr/bin/chromium").exists() {
        wanted.extend(["chromium", "chromium-driver"]);
    }
    if output("node", &["--version"]).is_none() {
        wanted.push("nodejs");
    }
    if output("npm", &["--version"]).is_none() {
        wanted.push("npm");
    }
    if wanted.is_empty() {
        return Ok(());
    }
    apt(&["update"])?;
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend(wanted);
    apt(&args)
}

/// `npm ci` when node_modules does not match package-lock.json.
fn npm(root: &Path) -> Result {
    let lock =
        fs::read(root.join("package-lock.json")).map_err(|e| format!("package-lock.json: {e}"))?;
    let stamp_path = root.join("node_modules/.canary-lock-stamp");
    let stamp = format!("{:x}", fxhash(&lock));
    if fs::read_to_string(&stamp_path).is_ok_and(|s| s == stamp) {
        return Ok(());
    }
    run(Command::new("npm")
        .current_dir(root)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .args(["ci", "--no-audit", "--no-fund"]))?;
    fs::write(&stamp_path, stamp).map_err(|e| format!("{}: {e}", stamp_path.display()))
}

/// A stable 64-bit FNV-1a hash; only used to notice a changed lock file.
pub fn fxhash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}
