//! `cargo xtask modules-build`, Trunk's pre_build hook: the feature modules
//! (`src/modules.rs`), one wasm binary per simulator, built the way Trunk
//! builds the app but for all of them at once — one `cargo build` for every
//! module binary (the dependencies compile once, shared with the app's build
//! in the same target dir), then `wasm-bindgen --target web` and, in release,
//! `wasm-opt -Oz` on each. Files are named by content hash
//! (`sim-dr-<hash>.js` and `sim-dr-<hash>_bg.wasm`) and written with a
//! `manifest.json` (module name → JS file) to `target/modules-dist`, which
//! index.html copies to `dist/modules/`; `postbuild` puts the manifest into
//! the boot script, the embed page and the service worker.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use crate::setup::fxhash;
use crate::{run, tool_path, Result};

/// The feature modules: (module name, cargo binary).
pub const MODULES: [(&str, &str); 5] = [
    ("sim-codedeploy", "canary-sim-codedeploy"),
    ("sim-dr", "canary-sim-dr"),
    ("sim-asg", "canary-sim-asg"),
    ("sim-pipeline", "canary-sim-pipeline"),
    ("sim-beanstalk", "canary-sim-beanstalk"),
];

pub const OUT: &str = "target/modules-dist";

pub fn build(root: &Path) -> Result {
    let release = std::env::var("TRUNK_PROFILE").map_or(true, |p| p == "release");
    let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cargo
        .current_dir(root)
        .args(["build", "--target", "wasm32-unknown-unknown"]);
    if release {
        crate::release_std(&mut cargo).arg("--release");
    }
    for (_, bin) in MODULES {
        cargo.args(["--bin", bin]);
    }
    // Trunk's own variables describe the app's build, not this one.
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("TRUNK_") {
            cargo.env_remove(key);
        }
    }
    run(&mut cargo)?;

    let profile = if release { "release" } else { "debug" };
    let target = root.join("target/wasm32-unknown-unknown").join(profile);
    let work = root.join("target/modules-work");
    let out = root.join(OUT);
    for dir in [&work, &out] {
        let _ = fs::remove_dir_all(dir);
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    for (name, bin) in MODULES {
        run(Command::new("wasm-bindgen")
            .env("PATH", tool_path(root))
            .arg("--target=web")
            .arg("--no-typescript")
            .arg(format!("--out-dir={}", work.display()))
            .arg(format!("--out-name={name}"))
            .arg(target.join(format!("{bin}.wasm"))))?;
    }
    if release {
        // wasm-opt is the slow step (about a minute a module): all at once.
        let jobs: Vec<_> = MODULES
            .iter()
            .map(|(name, _)| {
                let wasm = work.join(format!("{name}_bg.wasm"));
                let mut cmd = Command::new("wasm-opt");
                cmd.env("PATH", tool_path(root))
                    .arg(format!("--output={}", wasm.display()))
                    .arg("-Oz")
                    .arg(&wasm);
                std::thread::spawn(move || run(&mut cmd))
            })
            .collect();
        for job in jobs {
            job.join().map_err(|_| "wasm-opt thread panicked")??;
        }
    }
    let mut manifest = BTreeMap::new();
    for (name, _) in MODULES {
        let wasm_bytes =
            fs::read(work.join(format!("{name}_bg.wasm"))).map_err(|e| e.to_string())?;
        let js = fs::read_to_string(work.join(format!("{name}.js"))).map_err(|e| e.to_string())?;
        let mut both = js.as_bytes().to_vec();
        both.extend(&wasm_bytes);
        let stem = format!("{name}-{:016x}", fxhash(&both));
        let old = format!("{name}_bg.wasm");
        if !js.contains(&old) {
            return Err(format!("{name}.js does not name {old}"));
        }
        let js = js.replace(&old, &format!("{stem}_bg.wasm"));
        fs::write(out.join(format!("{stem}.js")), js).map_err(|e| e.to_string())?;
        fs::write(out.join(format!("{stem}_bg.wasm")), wasm_bytes).map_err(|e| e.to_string())?;
        manifest.insert(name.to_string(), format!("{stem}.js"));
    }
    let json = format!(
        "{{{}}}",
        manifest
            .iter()
            .map(|(k, v)| format!("{k:?}:{v:?}"))
            .collect::<Vec<_>>()
            .join(",")
    );
    fs::write(out.join("manifest.json"), json).map_err(|e| e.to_string())?;
    eprintln!("modules-build: {} modules in {OUT}", manifest.len());
    Ok(())
}
